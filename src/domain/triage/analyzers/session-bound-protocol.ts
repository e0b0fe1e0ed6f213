/**
 * A session-bound protocol (Socket.IO long-polling, SignalR) served by several replicas without
 * sticky sessions (session-bound-protocol.ts): a session's requests land on pods that never saw
 * its handshake and are refused, so clients drop and reconnect in a loop while the pods stay
 * Ready. More replicas bring it on — a scale-out is its trigger — and a rollback changes nothing.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { countReadyPods, getDesiredReplicas, listNodesOf, severityForPods } from '../pod-status.js';
import { findSessionBoundRequests } from '../session-bound-protocol.js';
import { listSelectingServices } from '../service-match.js';
import { joinAnd, truncate } from '../../text.js';

export function analyzeSessionBoundProtocol(ev: TriageEvidence): Finding[] {
  const running = ev.pods.filter((p) => p.phase === 'Running');
  if (running.length < 2) return [];
  const services = listSelectingServices(ev);
  // A Service that pins clients already keeps a session on its pod: the refusals are something else.
  if (services.some((v) => v.clientIpAffinity !== undefined)) return [];
  const s = findSessionBoundRequests(ev.logs, new Set(running.map((p) => p.name)), ev.collectedAt);
  if (s === undefined) return [];
  const replicas = Math.max(getDesiredReplicas(ev), running.length);
  const podObjects = running.filter((p) => s.pods.includes(p.name));
  const last = s.hits.at(-1);
  const refusal = s.protocol === 'SignalR' ? '404 "No Connection with that ID"' : '400 "Session ID unknown"';
  const polling = s.polling > 0 ? ' (long-polling: every poll is a new HTTP request)' : '';
  const noAffinity = services.length > 0 ? `; Service ${joinAnd(services.map((v) => v.name))} has sessionAffinity None and nothing makes the sessions sticky` : '; nothing makes the sessions sticky';
  const title = `${s.protocol} sessions are bound to the pod that did the handshake, but the ${replicas} replicas are not sticky: ${s.hits.length} requests${polling} in ${s.pods.length} pods reached a pod that never saw their session and were refused ${refusal}${noAffinity}`;
  const fix = `make the sessions sticky — sessionAffinity: ClientIP on the Service, or cookie affinity at the ingress — and share broadcasts between replicas (a ${s.protocol === 'SignalR' ? 'backplane' : 'Redis adapter'}), or run one replica until then`;
  const ref = formatWorkloadRef(ev.target);
  return [{
    id: 'session-affinity/session-bound-protocol',
    kind: 'session-affinity',
    title,
    layer: 'network/routing',
    severity: severityForPods(ev, countReadyPods(ev)),
    confidence: 'high',
    evidence: [
      ...s.pods.slice(0, 3).map((p) => `${p}: ${s.hits.filter((h) => h.pod === p).length} requests for a session it does not hold`),
      ...(last ? [`log ${last.pod}: ${truncate(condenseStructuredLine(last.line), 300)}`] : []),
      ...services.map((v) => `Service ${v.name}: sessionAffinity None`),
    ],
    decisive: truncate(condenseStructuredLine(last?.line ?? ''), 220),
    scalesWithReplicas: true,
    ...(s.first ? { onset: s.first } : {}),
    likelyCause: `${s.protocol} keeps each session in the process that answered its handshake. With one replica every request finds it; with ${replicas} behind a Service without affinity, each ${s.polling > 0 ? 'poll' : 'request'} of a session is balanced to any pod, and those that land elsewhere are refused (${refusal}), so clients drop and reconnect in a loop. The pods are healthy; a restart or a rollback changes nothing.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${s.pods[0] ?? ''} --tail=200 | grep -c -i "${s.protocol === 'SignalR' ? 'No Connection with that ID' : 'Session ID unknown'}"`),
      ...services.slice(0, 1).map((v) => formatKubectl(ev.target, `get service ${v.name} -o jsonpath='{.spec.sessionAffinity}'`)),
      formatKubectl(ev.target, `get hpa,${ref}`),
    ],
    affected: { pods: s.pods, nodes: listNodesOf(podObjects) },
  }];
}
