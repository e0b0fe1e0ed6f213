import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodHealthy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { findBlockedCalls, type BlockedCall } from '../blocked-call-trace.js';

/**
 * Worker kills before it counts: one, since a log tail of a hundred lines holds one such stack at
 * most (each is some sixty lines); the stack's socket read under an HTTP client is the sign.
 */
const MIN_KILLS = 1;

/**
 * Workers the app server killed at its own timeout while they sat in an outbound call's socket
 * read (blocked-call-trace.ts): the call has no timeout and its peer does not answer, so every
 * worker ends up waiting on it, the probes time out and the kubelet restarts the pods. The probes,
 * the restarts and the gateway's 504s are what follows; the call without a timeout is the mechanism.
 */
export function analyzeHungOutboundCall(ev: TriageEvidence): Finding[] {
  const hits: { pod: string; container: string; call: BlockedCall }[] = [];
  for (const log of ev.logs) {
    if (findPod(ev, log.pod) === undefined) continue;
    for (const call of findBlockedCalls(log.lines)) hits.push({ pod: log.pod, container: log.container, call });
  }
  if (hits.length < MIN_KILLS) return [];
  // The call most kills sat in: the app's file and function that made it.
  const counts = new Map<string, number>();
  for (const h of hits) counts.set(`${h.call.appFile} ${h.call.appFunction}`, (counts.get(`${h.call.appFile} ${h.call.appFunction}`) ?? 0) + 1);
  const [site] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const mine = hits.filter((h) => `${h.call.appFile} ${h.call.appFunction}` === site?.[0]);
  const example = mine.at(-1);
  if (example === undefined || mine.length < MIN_KILLS) return [];
  const { call } = example;
  const pods = unique(mine.map((h) => h.pod));
  // The log read is one pod's tail; the call hangs wherever it is made, so the workload's unready or restarting pods are its reach.
  const unhealthy = ev.pods.filter((p) => !isPodHealthy(p, ev.collectedAt));
  const where = `${call.appFunction} (${call.appFile.replace(/^\/(?:app|srv|code|usr\/src\/app)\//, '')})`;
  const noTimeout = call.hasTimeout ? '' : ' without a timeout';
  const server = /HARAKIRI/.test(call.killLine) ? 'uWSGI' : 'gunicorn';
  return [{
    id: `hung-outbound-call/${call.appFile}:${call.appFunction}`,
    kind: 'slow-dependency',
    title: `Workers hang on an outbound ${call.client} call${noTimeout} in ${where}: blocked in a socket read (${call.read.split(':')[0]}) until ${server} kills them (${server === 'uWSGI' ? 'HARAKIRI' : 'WORKER TIMEOUT'} ×${mine.length} in ${pods.length} pod${pods.length === 1 ? '' : 's'})`,
    layer: 'network/routing',
    severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
    confidence: mine.length >= 2 ? 'high' : 'medium',
    evidence: [
      `log ${example.pod}: ${call.killLine.slice(0, 300)}`,
      `its stack: ${call.appFile} in ${call.appFunction}: ${call.appSource.slice(0, 200)} → ${call.client} → ${call.read.slice(0, 160)}`,
      `${mine.length} worker kills in the logs of ${pods.length} pod${pods.length === 1 ? '' : 's'} sat in the same call`,
      `${unhealthy.length}/${ev.pods.length} pods not ready now`,
    ],
    decisive: call.appSource || call.killLine,
    likelyCause: `The code in ${where} calls its upstream through ${call.client}${call.hasTimeout ? '' : ' with no timeout'}; when the upstream (or a load balancer in front of it) leaves the connection open without answering, the worker waits in the socket read until the app server kills it. With every worker stuck there, requests queue, the readiness and liveness probes time out and the kubelet restarts the pods: the probes and restarts are the symptom, the call that waits forever the mechanism.`,
    nextAction: `Give the call in ${where} a (connect, read) timeout and a circuit breaker, and ask the upstream why it stops answering; raising the probe timeouts or the worker timeout only hides it.`,
    fix: `give the outbound call in ${where} a (connect, read) timeout`,
    confirmCommands: [formatKubectl(ev.target, `logs ${example.pod} -c ${example.container} --tail=300`)],
    affected: { pods: ev.pods.map((p) => p.name), nodes: listNodesOf(ev.pods) },
  }];
}
