import type { LogEvidence, TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodHealthy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { readBlockingCall, readHeartbeatStall } from '../thread-pool-starvation.js';

/**
 * The .NET runtime's web server says its own thread pool is starved: requests and probes wait for
 * a free thread, so they time out though the process is up and its dependencies answer. The probe
 * timeouts and the calls that "time out" are the symptom; the starvation is the mechanism, and the
 * code that blocks pool threads (sync-over-async) is what to fix.
 */

/** One late heartbeat is a pause; again and again it is the pool. */
const MIN_LINES = 2;

interface Hit {
  log: LogEvidence;
  line: string;
  ms: number;
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

export function analyzeThreadPoolStarvation(ev: TriageEvidence): Finding[] {
  const hits: Hit[] = ev.logs.flatMap((log) => {
    if (log.previous || findPod(ev, log.pod) === undefined) return [];
    return log.lines.flatMap((line) => {
      const stall = readHeartbeatStall(line);
      return stall === undefined ? [] : [{ log, line: line.trim(), ms: stall.ms }];
    });
  });
  if (hits.length < MIN_LINES) return [];
  const pods = unique(hits.map((h) => h.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const unhealthy = podObjects.filter((p) => !isPodHealthy(p, ev.collectedAt));
  const worst = hits.reduce((a, b) => (b.ms > a.ms ? b : a));
  const container = worst.log.container;
  const logs = ev.logs.filter((l) => pods.includes(l.pod) && !l.previous);
  const blocking = logs.map((l) => readBlockingCall(l.lines)).find((b) => b !== undefined);
  const blockedIn = blocking === undefined ? undefined : logs.find((l) => readBlockingCall(l.lines) === blocking)?.pod;
  // "X.GetRateAsync(...)" of "X.GetRateAsync(...).GetAwaiter().GetResult()": the call to await instead.
  const call = blocking?.replace(/\s*\.(?:GetAwaiter\(\)\.GetResult\(\)|Result|Wait\(\))$/, '');
  const cpuLimit = podObjects[0]?.containers.find((c) => c.name === container)?.resources.limits['cpu'];

  const title = `Thread-pool starvation in ${pods.length}/${ev.pods.length} pods: Kestrel's heartbeat waits up to ${formatSeconds(worst.ms)} for a pool thread, and requests and probes wait with it${blocking !== undefined ? `; a blocking wait on async code holds the threads: ${blocking}` : ''}`;
  const blocks = blocking !== undefined
    ? `Request code blocks pool threads on async work (${blocking}: sync-over-async): each blocked request holds a thread while the continuation it waits for needs another one`
    : 'Code on the request path blocks pool threads (sync-over-async: .Result, .Wait(), .GetAwaiter().GetResult(), or blocking I/O), each holding a thread while it waits';
  const likelyCause = `The .NET thread pool has no free thread: Kestrel's own heartbeat, which runs on it every second, waited ${formatSeconds(worst.ms)} ("This could be caused by thread pool starvation"). ${blocks}, and past its minimum the pool adds threads only slowly, so requests queue and time out, the readiness probe among them, while the process stays up. The calls that "time out" waited for a thread, not for their dependency.`;
  const awaitIt = call !== undefined && call !== blocking && /Async\(/.test(call) ? `await ${call} instead of blocking on it` : blocking !== undefined ? `make ${blocking.replace(/^.* in /, '')} async and await instead of blocking` : 'await the async calls instead of blocking on them (.Result, .Wait(), .GetAwaiter().GetResult())';
  const nextAction = `Remove the blocking: ${awaitIt}, async end to end on the request path. As a stopgap, raise the thread pool's minimum (System.Threading.ThreadPool.MinThreads in runtimeconfig.json, or ThreadPool.SetMinThreads at startup) so bursts find threads; a restart buys only minutes.`;
  const fix = `${awaitIt}, async end to end (raising the ThreadPool minimum threads is only a stopgap)`;

  return [
    {
      id: `runtime-stall/thread-pool/${container}`,
      kind: 'runtime-stall',
      title,
      layer: 'container/process',
      severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
      confidence: pods.length >= 2 ? 'high' : 'medium',
      evidence: [
        `${hits.length} heartbeat warnings of Kestrel in ${pods.length} pod${pods.length === 1 ? '' : 's'}, the longest ${formatSeconds(worst.ms)} against its 1s interval`,
        `log ${worst.log.pod}: ${worst.line.slice(0, 300)}`,
        ...(blocking !== undefined ? [`log ${blockedIn ?? ''}: blocks on async work: ${blocking}`] : []),
        // .NET counts the CPU limit as its processors, and keeps that many pool threads ready before injecting more.
        ...(cpuLimit !== undefined ? [`CPU limit ${cpuLimit}: .NET sees ${Math.max(1, Math.ceil(Number.parseFloat(cpuLimit) / (cpuLimit.endsWith('m') ? 1000 : 1)))} processor(s), which is the thread pool's default minimum`] : []),
        `${unhealthy.length}/${podObjects.length} of these pods not ready now`,
      ],
      decisive: worst.line,
      likelyCause,
      nextAction,
      fix,
      confirmCommands: [formatKubectl(ev.target, `logs ${worst.log.pod} -c ${container} --tail=300`), formatKubectl(ev.target, 'top pods --containers')],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
