/**
 * A connection pool's own leak reports. With leak detection on (HikariCP's leakDetectionThreshold,
 * Tomcat JDBC's logAbandoned, DBCP's logAbandoned) the pool logs a stack trace taken where a
 * connection was borrowed and not returned in time; the first application frame of that stack is
 * the code that keeps it. A pool that is then exhausted is the leak's consequence, not its own
 * fault: growing the pool or restarting only buys time. A report the pool later withdraws
 * (HikariCP's "unleaked") was a slow holder, not a leak.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { condenseStructuredLine } from './evidence-lookup.js';
import { readLineTime } from './request-silence.js';
import { earliest } from './time-span.js';
import { unique } from './pod-status.js';

/** The pool's report line; `conn` names the connection when the pool says which. */
const LEAK_REPORT: RegExp[] = [
  /Connection leak detection triggered for (?<conn>\S+?),? on thread/i, // HikariCP
  /Connection has been abandoned (?<conn>PooledConnection\[[^\]]*\])/i, // Tomcat JDBC pool
  /Pooled object created .* by the following code has not been returned to the pool/i, // Commons DBCP / pool2
];

/** HikariCP withdraws a report when the connection comes back after all. */
const UNLEAKED = /Previously reported leaked connection (\S+) .*returned to the pool \(unleaked\)/i;

/** A Java stack frame: `at pkg.Class.method(File.java:94)`, the module prefix (`java.base/`) dropped. */
const FRAME = /^\s*at (?:[\w.-]+\/)?([\w$.]+)\.([\w$<>]+)\(([^)]*)\)/;

/** Packages of the JDK, the pools, drivers and frameworks: the frames below which the application's own code starts. */
const LIBRARY = /^(java|javax|jakarta|jdk|sun|com\.sun|com\.zaxxer|org\.springframework|org\.hibernate|org\.apache|org\.postgresql|com\.mysql|org\.mariadb|oracle|com\.microsoft\.sqlserver|org\.h2|com\.mchange|org\.jboss|io\.agroal|io\.quarkus|io\.micronaut|org\.eclipse|io\.netty|reactor|kotlin|kotlinx|scala|org\.jooq|org\.mybatis|org\.jdbi|io\.micrometer|io\.opentelemetry|net\.bytebuddy|org\.glassfish|com\.google|com\.fasterxml)\./;

/** How far below the report its stack trace is read. */
const STACK_LINES = 40;

export interface ConnectionLeaks {
  /** Reports of connections never returned (withdrawn ones left out). */
  reports: number;
  /** The application frame most reports start from: `com.acme.Exporter.open(Exporter.java:94)`. */
  frame?: string;
  /** How many reports start from that frame. */
  fromFrame: number;
  pods: string[];
  /** The first report: when connections began to leak, well before the pool ran dry. */
  first?: IsoTime;
  /** One report line, as the pool wrote it. */
  line: string;
}

/** The first frame of the stack below line `at` that is the application's own code. */
function appFrame(lines: readonly string[], at: number): string | undefined {
  for (const line of lines.slice(at + 1, at + 1 + STACK_LINES)) {
    const m = FRAME.exec(line);
    if (m === null) continue;
    const [, cls = '', method = '', where = ''] = m;
    if (!LIBRARY.test(cls)) return `${cls}.${method}(${where})`;
  }
  return undefined;
}

/** The leak reports in these logs (current runs and previous), or undefined when no report stands. */
export function readConnectionLeaks(logs: readonly LogEvidence[]): ConnectionLeaks | undefined {
  const found: { pod: string; conn?: string; frame?: string; at?: IsoTime; line: string }[] = [];
  for (const log of logs) {
    const back = new Set(log.lines.flatMap((l) => UNLEAKED.exec(l)?.[1] ?? []));
    log.lines.forEach((line, i) => {
      const m = LEAK_REPORT.map((re) => re.exec(line)).find((x) => x !== null);
      if (m == null) return;
      const conn = m.groups?.['conn'];
      if (conn !== undefined && back.has(conn)) return;
      const frame = appFrame(log.lines, i);
      const at = readLineTime(line);
      found.push({ pod: log.pod, line: line.trim(), ...(conn ? { conn } : {}), ...(frame ? { frame } : {}), ...(at ? { at } : {}) });
    });
  }
  if (found.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const f of found) if (f.frame) counts.set(f.frame, (counts.get(f.frame) ?? 0) + 1);
  const [frame, fromFrame = 0] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  const first = earliest(found.flatMap((f) => f.at ?? []));
  return {
    reports: found.length,
    ...(frame ? { frame } : {}),
    fromFrame,
    pods: unique(found.map((f) => f.pod)),
    ...(first ? { first } : {}),
    line: condenseStructuredLine(found[0]?.line ?? ''),
  };
}
