import type { LogEvidence, TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodHealthy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { findLockHolder } from '../database-locks.js';
import { describeLockQueue } from './lock-queue.js';
import { describeSlowStorageDependency } from './slow-storage-dependency.js';
import { findConfiguredTimeout, findStatementCancels, formatLimit } from '../statement-timeout.js';
import { findErrorsSinceStart } from '../errors-since-start.js';
import { formatAgo } from '../time-span.js';

/** "slow query 23.0s on catalog-db…", "database ping took 2.41s", Postgres' "duration: 23012.5 ms": a dependency answering slowly. */
const SLOW: RegExp[] = [
  /slow (?:query|statement|request|call)\D{0,20}?(?<secs>\d+(?:\.\d+)?) ?(?<unit>ms|s)\b(?:.*?\b(?:on|to|from) (?<dep>[a-z][\w.-]*\.[a-z]{2,}|[a-z][\w-]+:\d+))?/i,
  /(?<what>database|db|redis|cache|upstream|backend) (?:ping|query|call|request) took (?<secs>\d+(?:\.\d+)?) ?(?<unit>ms|s)\b/i,
  /duration: (?<secs>\d+(?:\.\d+)?) (?<unit>ms) +(?:statement|execute)/i,
  /canceling statement due to statement timeout|Query execution was interrupted, maximum statement execution time exceeded|QueryCanceled|statement timeout/i,
];

/** An app server killing its own worker for running past the request timeout. */
const WORKER_TIMEOUTS: [RegExp, string][] = [
  [/\bWORKER TIMEOUT\b/, 'gunicorn kills workers at their --timeout: WORKER TIMEOUT'],
  [/HARAKIRI/i, 'uWSGI kills workers at their timeout: HARAKIRI'],
  [/Rack::Timeout::RequestTimeoutException|Rack::Timeout/, 'Rack::Timeout aborts requests at their timeout'],
  [/execution timed out \(\d+(\.\d+)? sec\), terminating|request_terminate_timeout/i, 'php-fpm terminates workers at request_terminate_timeout'],
];

/** Slow-dependency lines in a log tail before it counts: one slow query is not an incident. */
const MIN_SLOW_LINES = 3;

interface Slow {
  log: LogEvidence;
  line: string;
  seconds?: number;
  dependency?: string;
}

/** Where a logged statement begins: nothing after it names the dependency ("FROM orders o JOIN c ON c.id"). */
const SQL_START = /\b(SELECT|INSERT|UPDATE|DELETE|WITH|CALL|EXEC)\b/;

/** A host as a log names one: two dots at least (db.prod.internal), or a name with its port. */
const HOST_LIKE = /^[a-z][\w-]*(\.[a-z0-9-]+){2,}$|^[a-z][\w.-]*:\d+$/i;

function parseSlow(log: LogEvidence, line: string): Slow | undefined {
  const sql = SQL_START.exec(line);
  const head = sql ? line.slice(0, sql.index) : line;
  for (const re of SLOW) {
    const m = re.exec(head) ?? re.exec(line);
    if (!m) continue;
    const secs = m.groups?.['secs'];
    const seconds = secs === undefined ? undefined : Number(secs) / (m.groups?.['unit'] === 'ms' ? 1000 : 1);
    const host = m.groups?.['dep'];
    const dependency = (host !== undefined && HOST_LIKE.test(host) && m.index + m[0].length <= head.length ? host : undefined) ?? m.groups?.['what'];
    return { log, line: line.trim(), ...(seconds === undefined ? {} : { seconds }), ...(dependency ? { dependency } : {}) };
  }
  return undefined;
}

function formatSeconds(s: number): string {
  return s >= 10 ? `${Math.round(s)}s` : `${s.toFixed(1)}s`;
}

/**
 * The workload is slow because something it waits on is slow: slow-query and slow-ping lines in
 * its logs, often with the app server killing workers at their request timeout. Readiness probes
 * then time out and pods flap in and out of the Service; the probe is the symptom, the slow
 * dependency the mechanism.
 */
export function analyzeSlowDependency(ev: TriageEvidence): Finding[] {
  const slow: Slow[] = [];
  const killed = new Map<string, number>();
  for (const log of ev.logs) {
    if (findPod(ev, log.pod) === undefined) continue;
    const mine = log.lines.flatMap((l) => parseSlow(log, l) ?? []);
    if (mine.length >= MIN_SLOW_LINES) slow.push(...mine);
    for (const line of log.lines) {
      const hit = WORKER_TIMEOUTS.find(([re]) => re.test(line));
      if (hit) killed.set(hit[1], (killed.get(hit[1]) ?? 0) + 1);
    }
  }
  if (slow.length === 0) return [];
  const named = slow.filter((s) => s.dependency !== undefined && s.dependency.includes('.'));
  const deps = unique((named.length > 0 ? named : slow).flatMap((s) => (s.dependency ? [s.dependency] : [])));
  const dep = deps[0];
  const secs = slow.flatMap((s) => (s.seconds === undefined ? [] : [s.seconds]));
  const range = secs.length > 0 ? ` (${formatSeconds(Math.min(...secs))}–${formatSeconds(Math.max(...secs))})` : '';
  const pods = unique(slow.map((s) => s.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const unhealthy = podObjects.filter((p) => !isPodHealthy(p, ev.collectedAt));
  const [worker] = [...killed.entries()].sort((a, b) => b[1] - a[1]);
  const example = named.at(-1) ?? slow.at(-1)!;
  // The database's own log (read one hop away) names the process its queries wait on.
  const locked = (ev.dependencyPods ?? []).flatMap((d) => {
    const holder = findLockHolder(d.logs.flatMap((l) => l.lines));
    return holder === undefined ? [] : [{ service: d.service, pod: d.pod.name, holder }];
  })[0];
  const what = locked?.holder.statement === undefined ? '' : ` (${locked.holder.statement.length > 120 ? `${locked.holder.statement.slice(0, 117)}…` : locked.holder.statement})`;
  if (locked?.holder.queueHead !== undefined) return [describeLockQueue(ev, locked.service, locked.pod, locked.holder, slow, pods, podObjects, unhealthy.length)];
  if (locked !== undefined) {
    return [{
      id: `slow-dependency/${locked.service}`,
      kind: 'lock-wait',
      title: `Queries to ${locked.service} wait on a lock held by its process ${locked.holder.pid}${what}: ${slow.length} statement-timeout and slow-call lines in the logs of ${pods.length} pod${pods.length === 1 ? '' : 's'}`,
      layer: 'network/routing',
      severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
      confidence: 'high',
      evidence: [
        `log ${example.log.pod}: ${example.line.slice(0, 300)}`,
        ...locked.holder.lines.map((l) => `log ${locked.pod}: ${l.slice(0, 300)}`),
        `${locked.holder.waits} lock waits in ${locked.pod}'s log name process ${locked.holder.pid} as the holder`,
        `${unhealthy.length}/${podObjects.length} of these pods not ready now`,
      ],
      decisive: locked.holder.lines.find((l) => /holding the lock/.test(l)) ?? example.line,
      likelyCause: `Process ${locked.holder.pid} on ${locked.service} holds a lock${locked.holder.waitedFor ? ` that conflicts with the ${locked.holder.waitedFor} every query needs` : ''}${locked.holder.statement ? ` while it runs ${locked.holder.statement.split(/\s+/).slice(0, 3).join(' ')}…` : ''}: the workload's queries queue behind it until their statement timeout, and its connection pool fills with waiting queries. A schema migration that rewrites a table, or a long transaction, holds such a lock; the workload itself is fine.`,
      nextAction: `End what process ${locked.holder.pid} runs (on ${locked.service}: SELECT pg_cancel_backend(${locked.holder.pid}), and stop the job that started it, such as a migration Job); redo that change in steps that take short locks (with a lock_timeout), off-peak. Do not raise the timeouts to hide it.`,
      fix: `end what process ${locked.holder.pid} on ${locked.service} runs (pg_cancel_backend(${locked.holder.pid}), stop the job behind it), then redo that change with short locks`,
      confirmCommands: [formatKubectl(ev.target, `logs ${locked.pod} --tail=200`), formatKubectl(ev.target, `logs ${example.log.pod} -c ${example.log.container} --tail=200`)],
      affected: { pods, nodes: listNodesOf(podObjects) },
    }];
  }
  // The dependency's own log says its writes wait on its disk: the volume, not the queries.
  const storage = describeSlowStorageDependency(ev, { count: slow.length, example: { pod: example.log.pod, line: example.line }, pods, podObjects, unhealthy: unhealthy.length });
  if (storage !== undefined) return [storage];
  const configured = describeConfiguredTimeout(ev);
  if (configured !== undefined) return [configured];
  return [
    {
      id: `slow-dependency/${dep ?? 'unknown'}`,
      kind: 'slow-dependency',
      title: `Slow queries to ${dep ?? 'a dependency'}${range}: ${slow.length} slow-call lines in the logs of ${pods.length} pod${pods.length === 1 ? '' : 's'}${worker ? `; ${worker[0]} ×${worker[1]}` : ''}`,
      layer: 'network/routing',
      severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
      confidence: dep !== undefined && pods.length >= 2 ? 'high' : 'medium',
      evidence: [
        `log ${example.log.pod}: ${example.line.slice(0, 300)}`,
        ...(worker ? [`${worker[0]}: ${worker[1]} times in the logs read`] : []),
        ...(deps.length > 1 ? [`slow calls name ${deps.slice(0, 4).join(', ')}`] : []),
        `${unhealthy.length}/${podObjects.length} of these pods not ready now`,
      ],
      decisive: example.line,
      likelyCause: `${dep ?? 'A dependency'} answers slowly (locks, load, a long-running job on it, a missing index), so requests hold their workers until they time out and health checks that touch it fail. The pods themselves are fine; more replicas or longer timeouts only queue more work on it.`,
      nextAction: `Look at ${dep ?? 'the dependency'} first: its load, locks and long-running queries, and what started on it when this began; relieve it (stop or throttle the heavy job). Do not raise the timeouts to hide it.`,
      fix: `relieve ${dep ?? 'the slow dependency'} (its load, locks, long-running queries)`,
      confirmCommands: [formatKubectl(ev.target, `logs ${example.log.pod} -c ${example.log.container} --tail=200`)],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}

/**
 * Statements cancelled again and again at a statement timeout the pods set themselves (PGOPTIONS,
 * a connection URL's options, in their env or a ConfigMap they take it from): the limit is the
 * cause, not a slow database — every statement longer than it fails, quick ones still work. A
 * value without a unit is milliseconds to Postgres, a common slip for seconds.
 */
function describeConfiguredTimeout(ev: TriageEvidence): Finding | undefined {
  const cancels = findStatementCancels(ev.logs, ev.pods);
  if (cancels === undefined) return undefined;
  const logPod = ev.pods.find((p) => p.name === cancels.pods[0]);
  const limit = findConfiguredTimeout(logPod?.containers.find((c) => c.name === cancels.container), ev.timeoutConfig ?? []);
  if (limit === undefined) return undefined;
  const podObjects = ev.pods.filter((p) => cancels.pods.includes(p.name));
  const object = limit.configMap === undefined ? undefined : (ev.namespaceObjects ?? []).find((o) => o.kind === 'ConfigMap' && o.name === limit.configMap);
  const changed = object?.changedAt !== undefined && object.changedAt !== object.createdAt ? `ConfigMap ${object.name} was changed ${formatAgo(object.changedAt, ev.collectedAt)}` : undefined;
  const span = formatLimit(limit.ms);
  const unit = limit.unitless ? ` (no unit: ${limit.ms} ms = ${span})` : ` (${span})`;
  const n = cancels.pods.length;
  const onset = findErrorsSinceStart(ev, podObjects) ?? cancels.since;
  const restart = limit.configMap !== undefined ? '; then restart the pods (they read it at start)' : '';
  return {
    id: `slow-dependency/statement-timeout/${limit.configMap ?? limit.source.replace(/^env /, '')}`,
    kind: 'slow-dependency',
    title: `Statements are cancelled at the pods' own ${limit.written}${unit}, set by ${limit.source}: ${cancels.lines} statements cancelled in the logs of ${n} pod${n === 1 ? '' : 's'}, so every query longer than ${span} fails`,
    layer: 'container/process',
    severity: podObjects.some((p) => !isPodHealthy(p, ev.collectedAt)) ? severityForPods(ev, podObjects.filter((p) => !isPodHealthy(p, ev.collectedAt)).length) : 'warning',
    confidence: 'high',
    evidence: [
      `log ${cancels.pods[0] ?? ''}: ${cancels.line.slice(0, 300)}`,
      `${limit.source} sets ${limit.written}${limit.unitless ? ': Postgres reads a value without a unit as milliseconds' : ''}`,
      ...(changed ? [changed] : []),
    ],
    decisive: cancels.line,
    ...(onset !== undefined ? { onset } : {}),
    likelyCause: `The pods' database sessions start with ${limit.written} (${limit.source})${limit.unitless ? `, and a value without a unit is milliseconds: ${span}` : ''}. Every statement that runs longer is cancelled by the server at the client's own request ("canceling statement due to statement timeout") and its request fails, while quick ones still work and the pods stay Ready. The limit is the pods' setting, not a slow database.`,
    nextAction: `Set a limit that fits the slowest legitimate query, with its unit (e.g. statement_timeout=30min), or remove it, in ${limit.source}${restart}. Do not look for the slowness in the database first: the cancellations come at ${span}.`,
    fix: `set ${limit.setting} in ${limit.source} with a unit, to fit the slowest query (e.g. ${limit.setting}=30min), or remove it${restart}`,
    confirmCommands: [
      ...(limit.configMap !== undefined ? [formatKubectl(ev.target, `get configmap ${limit.configMap} -o yaml`)] : []),
      formatKubectl(ev.target, `logs ${cancels.pods[0] ?? ''} -c ${cancels.container} --tail=200`),
    ],
    affected: { pods: cancels.pods, nodes: listNodesOf(podObjects) },
  };
}
