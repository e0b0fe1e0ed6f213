import type {
  ConditionEvidence,
  EventEvidence,
  LogEvidence,
  NodeEvidence,
  PodEvidence,
  ProbeEvidence,
  TriageEvidence,
} from './evidence.js';
import { truncate } from '../text.js';
import { findSpecificDetail } from './decisive-detail.js';
import { condenseUnhandledRejection } from './unhandled-rejection.js';
import { condenseRubyLoggerLine, joinRubyLoggerMessages } from './ruby-logger-line.js';
import { condenseRubyException, isRubyExceptionLine } from './ruby-exception-line.js';
import { condenseSpringLine } from './spring-log-line.js';
import { findSpringBootFailure } from './spring-boot-failure.js';
import { findPythonTracebacks } from './python-traceback.js';
import { findChainedStatus } from './chained-status.js';
import { condenseQuotedStatement, findChildOwnError } from './child-tool-error.js';
import { condenseDotnetRecord, joinDotnetRecords } from './dotnet-console-record.js';
import { joinWrappedErrorMessages } from './wrapped-error-message.js';

export function findCondition(conditions: readonly ConditionEvidence[], type: string): ConditionEvidence | undefined {
  return conditions.find((c) => c.type === type);
}


export function findPod(ev: TriageEvidence, name: string): PodEvidence | undefined {
  return ev.pods.find((p) => p.name === name);
}

/** Events about one object. */
/** A node by name: the workload's nodes first, then the cluster's when they were read. */
export function findNode(ev: Pick<TriageEvidence, 'nodes' | 'clusterNodes'>, name: string | undefined): NodeEvidence | undefined {
  if (name === undefined) return undefined;
  return ev.nodes.find((n) => n.name === name) ?? ev.clusterNodes?.find((n) => n.name === name);
}

export function listEventsOf(ev: TriageEvidence, kind: string, name: string): EventEvidence[] {
  return ev.events.filter((e) => e.object.kind === kind && e.object.name === name);
}

/** Events about any of the workload's pods with one of the reasons. */
export function listPodEvents(ev: TriageEvidence, reasons: readonly string[], pods?: readonly string[]): EventEvidence[] {
  const names = new Set(pods ?? ev.pods.map((p) => p.name));
  return ev.events.filter((e) => e.object.kind === 'Pod' && names.has(e.object.name) && reasons.includes(e.reason));
}

/** The container a pod's event is about (from its fieldPath), when it says. */
export function eventContainer(e: EventEvidence): string | undefined {
  return /^spec\.(?:initContainers|containers|ephemeralContainers)\{([^}]+)\}/.exec(e.object.fieldPath ?? '')?.[1];
}

/** The previous-run log of a container, else its current log. */
export function findLog(ev: TriageEvidence, pod: string, container: string): LogEvidence | undefined {
  const logs = ev.logs.filter((l) => l.pod === pod && l.container === container);
  return logs.find((l) => l.previous) ?? logs[0];
}

/** A read of this kind failed (a deliberate cap is not a failure: what was read is whole). */
export function hasReadFailure(ev: TriageEvidence, source: TriageEvidence['readFailures'][number]['source']): boolean {
  return ev.readFailures.some((f) => f.source === source && f.reason !== 'skipped');
}

/** "GET :8080/ready every 10s, timeout 1s, 3 failures" */
export function formatProbe(probe: ProbeEvidence): string {
  let what: string;
  if (probe.type === 'http') what = `GET :${probe.port ?? '?'}${probe.path ?? '/'}`;
  else if (probe.type === 'tcp') what = `TCP :${probe.port ?? '?'}`;
  else if (probe.type === 'grpc') what = `gRPC :${probe.port ?? '?'}${probe.service ? ` service ${probe.service}` : ''}`;
  else what = `exec ${probe.command ?? ''}`.trim();
  const parts = [what];
  if (probe.initialDelaySeconds) parts.push(`after ${probe.initialDelaySeconds}s`);
  parts.push(`every ${probe.periodSeconds ?? 10}s`, `timeout ${probe.timeoutSeconds ?? 1}s`, `${probe.failureThreshold ?? 3} failures`);
  return parts.join(', ');
}

/** Lines that look like the reason a process died; falls back to the last lines. */
export function pickErrorLines(lines: readonly string[], max = 3): string[] {
  // A Python traceback's frames are code; its header says only that one follows; the exception that ends it says why.
  const python = findPythonTracebacks(lines);
  const kept = lines.flatMap((l, i) => (python.frames.has(i) || (python.exceptions.size > 0 && /^Traceback \(most recent call last\):/.test(l.trim())) ? [] : [{ l: l.trimEnd(), i }]));
  const nonEmpty = kept.filter((x) => x.l.trim() !== '');
  const errors = nonEmpty.filter((x) => python.exceptions.has(x.i) || /\b(error|exception|fatal|panic|traceback|failed|refused|denied|cannot|unable|killed)\b/i.test(x.l));
  return (errors.length > 0 ? errors : nonEmpty).slice(-max).map((x) => x.l);
}

/**
 * Lines that say why a process gave up, most telling last: exceptions, fatal errors, panics, and a
 * server that finds another (or its stale pid file) "already running".
 */
const DECISIVE = /(Error|Exception)\b|\b(FATAL|Fatal|fatal|panic|PANIC|Traceback|refused|denied|not found|no such|does not exist|cannot|unable|failed|invalid|already exists|already running|timeout|timed out|exec format|out of memory|OOM)\b/i;

/**
 * The one log line that best says why the process failed: the last line naming an error (a
 * Python traceback ends with the exception, a JVM or Go crash with the cause), else the last line.
 */
export function pickDecisiveLine(lines: readonly string[]): string | undefined {
  // Spring Boot's failure analysis says why the context did not start, after the traces that led there.
  const spring = findSpringBootFailure(lines);
  if (spring !== undefined) return spring.line;
  // Stack frames, SQL echo, caret markers and Node's "Emitted 'error' event on … at:" say where, not why.
  // A record whose message is on the lines below its header (Rails' tagged FATAL, .NET's console logger), and an
  // error message wrapped over lines (wrapped-error-message.ts), are read as one line.
  const raw = joinBrokenQuotes(joinWrappedErrorMessages(joinDotnetRecords(joinRubyLoggerMessages(lines))));
  const joined = raw.map((l) => l.trim());
  // A Python traceback's frames (the source lines under each "File …" too) say where; the exception that ends it says why.
  const python = findPythonTracebacks(raw);
  // Ruby's uncaught exception (`….rb:430:in `…': Unknown alias: default (Psych::BadAlias)`) is one too, above its `from` frames.
  const exceptions = new Set([...[...python.exceptions].map((i) => joined[i] ?? ''), ...joined.filter(isRubyExceptionLine)]);
  // A source line a caret points at (Node's and Python's code frames) and Node's own location: where, never why.
  const frames = new Set([...python.frames, ...joined.flatMap((l, i) => (CARET.test(joined[i + 1] ?? '') || /^node:internal\/\S+:\d+$/.test(l) ? [i] : []))]);
  const nonEmpty = joined.filter((l, i) => !frames.has(i) && l !== '' && !/^[\s^~|-]+$/.test(l) && !isStackFrame(l) && !/^\s*\.\.\. \d+ more|^goroutine \d+|^\s+\/|^\t|^LINE \d+:|^Emitted 'error' event on .* at:$/.test(l));
  const errors = nonEmpty.filter((l) => exceptions.has(l) || ((DECISIVE.test(l) || SEVERE_LEVEL.test(l)) && !isExitTrailer(l) && !INFO_LEVEL.test(l) && !/^Traceback \(most recent call last\)|^(WARN|INFO|DEBUG)\b|^[DIW], \[[^\]]*\]\s+(DEBUG|INFO|WARN) -- |^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d\S*\s+(WARN(ING)?|INFO|DEBUG)\b|"level":"(info|debug|warn)"|level=(info|debug|warn)|"level":(20|30|40)\b/i.test(l)));
  // A line at the gravest levels (nginx's [emerg], syslog's crit/alert) is the process's own verdict on why it stops.
  const severe = errors.filter((l) => SEVERE_LEVEL.test(l));
  // An exception's own line (KeyError: …, psycopg2.errors.DuplicateColumn: …, panic: …) beats a trailer that merely says "error".
  // A bare "Error: …" opening the line is the exception too: how Node.js prints an uncaught Error, and how CLIs report why they stop.
  const strong = errors.filter((l) => exceptions.has(l) || ((/(^|[\s"'(])([\w.$]+(Error|Exception)|[\w$]+\.errors\.\w+|panic|FATAL|Caused by)\b:?/.test(l) || /^(Uncaught )?Error: |^\[UnhandledPromiseRejection: /.test(l)) && !/^\(Background on this error/.test(l)));
  const chosen = severe.at(-1) ?? causeBefore(strong.at(-1) ?? errors.at(-1), errors, strong) ?? nonEmpty.at(-1);
  if (chosen === undefined) return undefined;
  // A wrapper's "<tool> failed (exit 2)" gives way to the tool's own error above it (child-tool-error.ts).
  const own = findChildOwnError(chosen, joined);
  if (own !== undefined) return truncate(condenseQuotedStatement(own), 300);
  // A Python chain's wrapper gives way to the HTTP answer an earlier link states (chained-status.ts).
  const line = findChainedStatus(chosen, raw) ?? chosen;
  const told = isRubyExceptionLine(line) ? condenseRubyException(line) : findSpecificDetail(line, joined) ?? condenseUnhandledRejection(line) ?? condenseStructuredLine(line);
  return truncate(told, 300);
}

/**
 * A Ruby backtrace frame (`/app/lib/cli.rb:77:in `run'`, `bin/worker:25:in 'load'`, `from …`, Ruby's
 * ` ... 12 levels...`): where, never why. An uncaught exception's own line carries `': message (Class)` and is no frame.
 */
const RUBY_FRAME = /^(?:from )?\S+:\d+:in [`'][^`']*'$|^\.\.\. \d+ levels\.\.\.$/;

/** Leading bracketed tags a logger puts on every line of a record: `[request-id]`, `[worker-3]`. */
const LEADING_TAGS = /^(?:\[[^\]\s]+\]\s*)+/;
/** A JVM frame (`at com.x.Y.run(Y.java:12)`) and a Python frame (`File "x.py", line 3, in f`), whole. */
const JVM_OR_PYTHON_FRAME = /^at [\w$.<>\/-]+\([^()]*\)$|^File "[^"]+", line \d+(?:, in \S+)?$/;

/**
 * A backtrace frame says where, never why, even when a logger prefixed it like every other line
 * of its record (Ruby Logger's `F, […] FATAL -- : [id] app/x.rb:9:in `m'`, `[req-1] at com.x.Y(Y.java:12)`):
 * it must never win over the exception line above it. Behind a prefix or tags only a whole frame counts.
 */
function isStackFrame(line: string): boolean {
  if (RUBY_FRAME.test(line) || /^\s*at |^\s*File "/.test(line)) return true;
  const message = condenseRubyLoggerLine(line).trim().replace(LEADING_TAGS, '').trim();
  return message !== line.trim() && (RUBY_FRAME.test(message) || JVM_OR_PYTHON_FRAME.test(message));
}

/** The gravest levels, written as nginx and syslog write them: `[emerg]`, `nginx: [emerg]`, `[alert]`, `[crit]`, `emerg:`. */
const SEVERE_LEVEL = /\[(?:emerg|alert|crit)\]|(?:^|\s)(?:emerg|alert|crit):\s/;
/** A line its writer marked informational (`…sh: info: …`, `[info]`, `[notice]`): what it says "does not exist" is a note, never why the process stopped. */
const INFO_LEVEL = /(?:^|[\s:])(?:info|notice|debug):\s|\[(?:info|notice|debug)\]/;

/** A caret marker under a source line (`^`, `^^^^`, Python's `~~~^^^`). */
const CARET = /^\s*[~^]*\^[~^]*\s*$/;

/**
 * A give-up that reports only the consequence (a wait that ran out, a child that died; ZooKeeper's
 * ConnectionLoss, whose client logged why it dropped the connection): the cause was logged before it.
 */
const CONSEQUENCE_ONLY = /\b(exited unexpectedly|unexpectedly exited|timed out waiting|failed to wait for|did not become ready|giving up|gave up|ConnectionLoss)\b/i;

/**
 * When the chosen line only reports a consequence ("timed out waiting for cache to be synced",
 * "worker exited unexpectedly"), the last earlier error that is not itself a consequence names
 * the cause (no matches for kind …, killed by signal: Bus error …); the exception kind first.
 */
function causeBefore(line: string | undefined, errors: readonly string[], strong: readonly string[]): string | undefined {
  if (line === undefined || !CONSEQUENCE_ONLY.test(line)) return line;
  const at = errors.lastIndexOf(line);
  const earlier = errors.slice(0, at < 0 ? 0 : at).filter((l) => !CONSEQUENCE_ONLY.test(l));
  return earlier.filter((l) => strong.includes(l)).at(-1) ?? earlier.at(-1) ?? line;
}

/** Level words and timestamps before a log line's message. */
const LINE_PREFIX = /^(?:\S*\d{2}:\d{2}\S*\s+)?(?:\[?(?:FATAL|ERROR|CRITICAL|PANIC|fatal|error|critical)\]?:?\s+|level=\w+\s+msg=)?"?/;
/**
 * A last line that says only that the process stops ("FATAL exiting with status 1", "fatal startup
 * error, exiting"): where, not why. Words that only grade the error may come before the verb.
 */
const TRAILER = /^(?:(?:fatal|unrecoverable|startup|start-up|init|initialization|error|failure|failed)[\s,;:-]+)*(?:exiting|exited|exit|shutting down|terminating|aborting|stopping|process exited)(?:\s+(?:with\s+)?(?:exit\s+)?(?:status|code)\s*-?\d+)?[.!]?"?$/i;

function isExitTrailer(line: string): boolean {
  // A structured line's message too: {"level":"ERROR","msg":"exiting","code":1}.
  return [line, condenseStructuredLine(line)].some((l) => TRAILER.test(l.trim().replace(LINE_PREFIX, '').trim()));
}

/**
 * A quoted value that held a newline prints over two lines (`For input string: "5432` then `"`):
 * joined back with the newline shown, so the quote shows the value as the process got it.
 */
function joinBrokenQuotes(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1];
    if (next !== undefined && /^["']/.test(next.trim()) && next.trim().length <= 3 && (line.split('"').length - 1) % 2 === 1) {
      out.push(`${line}\\n${next.trim()}`);
      i++;
    } else out.push(line);
  }
  return out;
}

/** zap's console encoder: tab-separated time, level (upper or lower case: the OpenTelemetry Collector's), optional logger, message, and a JSON object of fields last. */
const ZAP_CONSOLE = /^\S*\d{2}:\d{2}\S*\t(?:DEBUG|INFO|WARN|ERROR|DPANIC|PANIC|FATAL)\t(?:[^\t]*\t)?[^\t]+\t\{.*\}$/i;
const MESSAGE_KEYS = ['msg', 'message', 'event'];
const ERROR_KEYS = ['error', 'err', 'exception', 'reason', 'cause', 'error_reason', 'error.reason'];
const CONTEXT_KEYS = ['path', 'file', 'host', 'upstream', 'addr', 'url', 'key', 'table'];

function pick(fields: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = fields[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (v !== null && typeof v === 'object' && typeof (v as Record<string, unknown>)['message'] === 'string') return String((v as Record<string, unknown>)['message']);
  }
  return undefined;
}

/**
 * A JSON or logfmt log line told as a person reads it: "invalid rules file: yaml: line 23: …
 * (path /etc/ratelimit/rules.yaml)" instead of timestamps, callers and stack traces.
 */
export function condenseStructuredLine(line: string): string {
  let fields: Record<string, unknown> | undefined;
  const t = line.trim();
  // Ruby's Logger: the message after its prefix and Rails' request-id tags.
  const ruby = condenseRubyLoggerLine(t);
  if (ruby !== t) return condenseStructuredLine(ruby);
  // .NET's console logger: the message after its record header.
  const dotnet = condenseDotnetRecord(t);
  if (dotnet !== t) return condenseStructuredLine(dotnet);
  const traced = condenseTracingLine(t);
  if (traced !== t) return traced;
  // Spring Boot's console prefix (time, level, pid, thread, logger) before the message.
  const spring = condenseSpringLine(t);
  if (spring !== t) return spring;
  if (t.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) fields = parsed as Record<string, unknown>;
    } catch {
      fields = undefined;
    }
  } else if (/\b(msg|message)=/.test(t)) {
    fields = {};
    for (const m of t.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S+)/g)) fields[m[1] ?? ''] = (m[2] ?? '').replace(/^"|"$/g, '').replace(/\\"/g, '"');
  } else if (ZAP_CONSOLE.test(t)) {
    // zap's console form (controller-runtime, most operators): time, level, [logger,] message, then JSON fields.
    const parts = t.split('\t');
    const tail = parts.at(-1) ?? '';
    try {
      const parsed: unknown = JSON.parse(tail);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) fields = { ...(parsed as Record<string, unknown>), msg: parts.at(-2) ?? '' };
    } catch {
      fields = undefined;
    }
  } else {
    // klog's structured form (Kubernetes components): E1121 03:14:00.000012 1 scraper.go:149] "Failed to scrape node" err="…" node="…"
    const klog = /^[IWEF]\d{4} [\d:.]+\s+\d+ [\w.-]+:\d+\]\s+"((?:[^"\\]|\\.)*)"(.*)$/.exec(t);
    if (klog) {
      fields = { msg: (klog[1] ?? '').replace(/\\"/g, '"') };
      for (const m of (klog[2] ?? '').matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S+)/g)) fields[m[1] ?? ''] = (m[2] ?? '').replace(/^"|"$/g, '').replace(/\\"/g, '"');
    }
  }
  if (fields === undefined) return line;
  const message = pick(fields, MESSAGE_KEYS);
  const error = pick(fields, ERROR_KEYS);
  if (message === undefined && error === undefined) return line;
  const context = CONTEXT_KEYS.map((k) => (typeof fields?.[k] === 'string' && !`${message ?? ''}${error ?? ''}`.includes(String(fields[k])) ? `${k} ${String(fields[k])}` : undefined)).filter(Boolean);
  return `${[message, error].filter(Boolean).join(': ')}${context.length > 0 ? ` (${context.join(', ')})` : ''}`;
}

/** A Rust `tracing` line: uptime or timestamp, level, then maybe a thread, spans and a target before the message. */
const TRACING_LINE = /^\s*(\[\s*[\d.]+s\]|\S*\d{2}:\d{2}:\d{2}\S*)\s+(?:TRACE|DEBUG|INFO|WARN|ERROR)\s+(ThreadId\(\d+\)\s+)?((?:[\w-]+(?:\{[^}]*\})?:)*)\s*(\w+(?:::\w+)*:\s+)?(.+)$/;

/**
 * A Rust `tracing` line (Linkerd's proxy, Vector, …) told by its message:
 * `[  1.2s]  WARN ThreadId(02) identity:controller{addr=…}: linkerd_reconnect: Failed to connect error=…`
 * becomes `Failed to connect error=…`. Only a line with tracing's own marks (an uptime, a thread,
 * a span's fields, a `::` target): a plain `… ERROR Failed: connection refused` keeps its words.
 */
export function condenseTracingLine(line: string): string {
  const m = TRACING_LINE.exec(line);
  if (!m) return line;
  const [, stamp = '', thread, spans = '', target = '', message = ''] = m;
  const traced = stamp.startsWith('[') || thread !== undefined || spans.includes('{') || target.includes('::');
  return traced && message.trim() !== '' ? message.trim() : line;
}
