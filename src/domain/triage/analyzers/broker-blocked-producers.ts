import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { findBlockedAddress } from '../broker-flow-block.js';
import type { QueueConsumerEvidence } from '../evidence-queue-consumers.js';
import { formatAgo } from '../time-span.js';

/** "scaled to 0 by kubectl 58m ago": the last writer of its replicas, when known. */
function describeScaledDown(c: QueueConsumerEvidence, now: string): string {
  const owner = [...c.replicasOwners].filter((o) => o.at !== undefined).sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '')).pop();
  return owner?.at ? ` (scaled to 0 by ${owner.manager} ${formatAgo(owner.at, now)})` : '';
}

/**
 * A broker (ActiveMQ Artemis) blocks the workload's sends: the address they go to is full and its
 * policy is BLOCK, so each send waits for credit, the request threads hang on it, requests time out
 * and the readiness probe with them. It fills because nothing consumes it: a consumer Deployment of
 * the namespace at 0 replicas is the cause, and scaling it back up drains the address.
 */
export function analyzeBrokerBlockedProducers(ev: TriageEvidence): Finding[] {
  const blocked = findBlockedAddress(ev.logs);
  if (!blocked) return [];
  const consumers = (ev.queueConsumers ?? []).filter((c) => c.address === blocked.address);
  const stopped = consumers.filter((c) => c.replicas === 0);
  const podObjects = blocked.pods.flatMap((p) => findPod(ev, p) ?? []);
  const unready = podObjects.filter((p) => !p.ready).length;
  const stoppedSaid = stopped.map((c) => `Deployment ${c.deployment} is at 0 replicas${describeScaledDown(c, ev.collectedAt)}`).join(', ');
  const consumersSaid = stopped.length > 0
    ? ` — its consumer ${stoppedSaid}, so nothing drains it`
    : consumers.length > 0 ? ` — its consumer${consumers.length === 1 ? '' : 's'} ${consumers.map((c) => `${c.deployment} (${c.readyReplicas}/${c.replicas} ready)`).join(', ')} drain it too slowly or not at all` : '';
  const scale = stopped.map((c) => formatKubectl(ev.target, `scale deployment/${c.deployment} --replicas=<its usual count>`));
  const fix = stopped.length > 0
    ? `scale ${stopped.map((c) => c.deployment).join(', ')} back up so the backlog on ${blocked.address} is consumed; the broker unblocks producers once the address is below max-size-bytes`
    : `get ${blocked.address} consumed again (start or fix its consumers) or move its backlog, then review max-size-bytes / address-full-policy (PAGE spills to disk instead of blocking)`;
  return [{
    id: `broker-blocked-producers/${blocked.address}`,
    kind: 'dependency-error',
    title: `The Artemis broker blocks producers on address ${blocked.address}: the address is full at its max-size-bytes under address-full-policy BLOCK, so every send waits (AMQ212054)${consumersSaid} — ${blocked.count} blocked sends in the logs of ${blocked.pods.length} pod${blocked.pods.length === 1 ? '' : 's'}`,
    layer: 'network/routing',
    severity: unready > 0 ? severityForPods(ev, unready) : 'warning',
    confidence: 'high',
    evidence: [
      `log ${blocked.pods[blocked.pods.length - 1] ?? ''}: ${blocked.line}`,
      ...consumers.map((c) => `Deployment ${c.deployment} names ${c.address} (${c.env}) and runs ${c.replicas} replica${c.replicas === 1 ? '' : 's'} (${c.readyReplicas} ready)${c.replicas === 0 ? describeScaledDown(c, ev.collectedAt) : ''}`),
    ],
    decisive: condenseStructuredLine(blocked.line),
    likelyCause: `ActiveMQ Artemis keeps at most max-size-bytes of messages per address; with address-full-policy BLOCK it stops granting producers credit once the address is full, so each send blocks until consumers take messages off. The request threads that send wait with it, the pool fills, requests time out and the readiness probe fails with them. The address fills because nothing consumes it${stopped.length > 0 ? `: ${stoppedSaid}` : ''}. The broker and these pods are healthy; restarting them or rolling back changes nothing.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}${scale.length > 0 ? ` (${scale.join('; ')})` : ''}. The bot will not change anything.`,
    fix,
    outsideWorkload: `the broker blocks the sends because ${blocked.address} is full and nothing consumes it: any revision of this workload is blocked the same way`,
    ...(stopped.length > 0 ? { datesChange: true as const } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `logs ${blocked.pods[0] ?? ''} --tail=100`),
      ...stopped.map((c) => formatKubectl(ev.target, `get deployment ${c.deployment} -o wide`)),
    ],
    affected: { pods: blocked.pods, nodes: listNodesOf(podObjects) },
  }];
}
