/**
 * The workload's own thread pool full and rejecting tasks (executor-rejection.ts): every thread
 * busy, the queue at its capacity, each further task refused with RejectedExecutionException, so
 * the requests that needed it fail (often answered 503) while the pods stay Ready. The pool's size
 * and queue capacity are settings the process reads at start: a change of what the pods read (a
 * ConfigMap edit a restart picked up) or a revision that changed them is the trigger.
 */
import type { LogEvidence, TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodHealthy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { findErrorsSinceStart } from '../errors-since-start.js';
import { readLineTime } from '../request-silence.js';
import { earliest } from '../time-span.js';
import { countAnswered5xx, countRejections, describePoolSettings, readSaturatedPool, readStatedSizes } from '../executor-rejection.js';
import type { PoolState } from '../executor-rejection.js';

/** Rejections before a full pool is more than a burst met once. */
const MIN_REJECTIONS = 3;

interface Saturated {
  log: LogEvidence;
  pool: PoolState;
  at?: string;
}

export function analyzeExecutorRejection(ev: TriageEvidence): Finding[] {
  const logs = ev.logs.filter((l) => !l.previous && findPod(ev, l.pod) !== undefined);
  const seen: Saturated[] = logs.flatMap((log) => {
    let stamp: string | undefined;
    return log.lines.flatMap((line) => {
      // A trace's lines carry no time: the nearest stamped line above dates them.
      stamp = readLineTime(line) ?? stamp;
      const pool = readSaturatedPool(line);
      return pool === undefined ? [] : [{ log, pool, ...(stamp !== undefined ? { at: stamp } : {}) }];
    });
  });
  const latest = seen.at(-1);
  if (latest === undefined) return [];
  const rejecting = logs.filter((l) => seen.some((s) => s.log === l));
  const rejections = rejecting.reduce((n, l) => n + countRejections(l.lines), 0);
  if (rejections < MIN_REJECTIONS) return [];

  const pods = unique(rejecting.map((l) => l.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const unhealthy = podObjects.filter((p) => !isPodHealthy(p, ev.collectedAt));
  const ready = podObjects.filter((p) => p.ready).length;
  const lines = rejecting.flatMap((l) => l.lines);
  const answered = [...countAnswered5xx(lines)].sort((a, b) => b[1] - a[1]);
  const stated = readStatedSizes(lines);
  const { executor, poolSize, activeThreads, queuedTasks } = latest.pool;
  const full = queuedTasks > 0 ? `its ${poolSize} thread${poolSize === 1 ? ' is' : 's are all'} busy and its queue is full at ${queuedTasks}` : `its ${poolSize} thread${poolSize === 1 ? ' is' : 's are all'} busy and it queues nothing`;
  const answers = answered.length > 0 ? `, callers answered ${answered.map(([s]) => s).join('/')}` : '';
  const title = `Executor ${executor} rejects tasks (RejectedExecutionException): ${full} — ${rejections} rejected task${rejections === 1 ? '' : 's'} in ${pods.length} ${ready === podObjects.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}${answers}`;
  const fix = `raise ${describePoolSettings(executor)} where the app's configuration sets them, then restart the pods`;
  const container = latest.log.container;
  const onset = findErrorsSinceStart(ev, podObjects) ?? earliest(seen.flatMap((s) => (s.at !== undefined ? [s.at] : [])));
  return [
    {
      id: `resource-exhaustion/executor-rejection/${container}`,
      kind: 'resource-exhaustion',
      title,
      layer: 'capacity',
      severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
      confidence: 'high',
      evidence: [
        `${rejections} rejected task${rejections === 1 ? '' : 's'} in the logs of ${pods.length} pod${pods.length === 1 ? '' : 's'} (container ${container})`,
        `log ${latest.log.pod}: ${latest.pool.line.slice(0, 400)}`,
        ...(stated.length > 0 ? [`the app states its pool at start: ${stated.join(', ')}`] : []),
        ...(answered.length > 0 ? [`the same logs answer ${answered.map(([s, n]) => `${s} ×${n}`).join(', ')}`] : []),
        `${ready}/${podObjects.length} of these pods Ready: their probes do not need a thread of this pool`,
      ],
      decisive: latest.pool.state,
      ...(onset !== undefined ? { onset } : {}),
      sizedAtStart: `${executor}'s pool size and queue capacity`,
      likelyCause: `The executor runs at most ${poolSize} task${poolSize === 1 ? '' : 's'} at once and holds ${queuedTasks > 0 ? `at most ${queuedTasks} waiting` : 'none waiting'}; with every thread busy and the queue full, each further task is rejected (RejectedExecutionException), and the request that needed it fails. The pool is too small for the load: a lowered queue capacity or pool size, more work per request, or tasks that became slower and hold the threads longer (then fix what holds them).`,
      nextAction: `Mitigate: ${fix}.`,
      fix,
      confirmCommands: [formatKubectl(ev.target, `logs ${latest.log.pod} -c ${container} --tail=300`)],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
