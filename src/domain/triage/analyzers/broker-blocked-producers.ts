import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { findBlockedAddress } from '../broker-flow-block.js';
import type { BlockedAddress } from '../broker-flow-block.js';
import type { QueueConsumerEvidence } from '../evidence-queue-consumers.js';
import { formatAgo } from '../time-span.js';

/** "scaled to 0 by kubectl 58m ago": the last writer of its replicas, when known. */
function describeScaledDown(c: QueueConsumerEvidence, now: string): string {
  const owner = [...c.replicasOwners].filter((o) => o.at !== undefined).sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '')).pop();
  return owner?.at ? ` (scaled to 0 by ${owner.manager} ${formatAgo(owner.at, now)})` : '';
}

/** What each broker does when the address or topic is full, and how to drain it: the words differ, the reading does not. */
function brokerWords(blocked: BlockedAddress, stoppedNames: string) {
  const a = blocked.address;
  if (blocked.broker === 'pulsar') {
    return {
      what: `The Pulsar broker refuses producers on topic ${a}: its backlog quota is exceeded (ProducerBlockedQuotaExceeded) because a subscription is not drained`,
      since: 'refused producer attempts',
      how: `Pulsar caps the unacknowledged backlog a topic keeps for its subscriptions (the namespace's backlog quota); once the slowest subscription's backlog reaches it, the broker refuses producers (policy producer_exception) or holds their sends (producer_request_hold) until that subscription is drained. Every publish fails, the workload buffers and reports itself unready. The backlog grows when a subscription's consumers stop`,
      drain: `scale ${stoppedNames} back up so its subscription's backlog is consumed (or, if that subscription is abandoned, clear its backlog: pulsar-admin topics clear-backlog -s <subscription>); producers are accepted again below the quota`,
      noStopped: `get the lagging subscription on ${a} consumed again (pulsar-admin topics stats ${a} names it: start or fix its consumers), or skip/clear the backlog of an abandoned subscription, then review the namespace's backlog quota`,
    };
  }
  if (blocked.broker === 'jetstream') {
    return {
      what: `JetStream stream ${a} is full: the server refuses new messages (maximum bytes exceeded under discard: new) because its consumers fall behind`,
      since: 'refused publishes',
      how: `A JetStream stream keeps at most max_bytes (and max_msgs) of messages; with discard: new the server refuses each publish once the stream is full, instead of dropping the oldest. A work-queue stream fills when its consumers acknowledge slower than messages arrive: the pending backlog grows until the limit`,
      drain: `scale ${stoppedNames} back up so the pending backlog of ${a} is consumed; publishes are accepted again below max_bytes`,
      noStopped: `scale the consumers of ${a} up so its pending backlog drains (nats consumer info ${a} shows how far behind they are), then review the stream's max_bytes and discard policy`,
    };
  }
  return {
    what: `The Artemis broker blocks producers on address ${a}: the address is full at its max-size-bytes under address-full-policy BLOCK, so every send waits (AMQ212054)`,
    since: 'blocked sends',
    how: 'ActiveMQ Artemis keeps at most max-size-bytes of messages per address; with address-full-policy BLOCK it stops granting producers credit once the address is full, so each send blocks until consumers take messages off. The request threads that send wait with it, the pool fills, requests time out and the readiness probe fails with them. The address fills because nothing consumes it',
    drain: `scale ${stoppedNames} back up so the backlog on ${a} is consumed; the broker unblocks producers once the address is below max-size-bytes`,
    noStopped: `get ${a} consumed again (start or fix its consumers) or move its backlog, then review max-size-bytes / address-full-policy (PAGE spills to disk instead of blocking)`,
  };
}

/**
 * A broker blocks or refuses the workload's sends because the address or topic they go to is full:
 * ActiveMQ Artemis (address full under policy BLOCK: each send waits for credit, request threads
 * hang, readiness times out with them) or Apache Pulsar (backlog quota exceeded: producers are
 * refused). It fills because nothing consumes it: a consumer Deployment of the namespace at 0
 * replicas is the cause, and scaling it back up drains it.
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
  const words = brokerWords(blocked, stopped.map((c) => c.deployment).join(', '));
  const scale = stopped.map((c) => formatKubectl(ev.target, `scale deployment/${c.deployment} --replicas=<its usual count>`));
  const fix = stopped.length > 0 ? words.drain : words.noStopped;
  return [{
    id: `broker-blocked-producers/${blocked.address}`,
    kind: 'dependency-error',
    title: `${words.what}${consumersSaid} — ${blocked.count} ${words.since} in the logs of ${blocked.pods.length} pod${blocked.pods.length === 1 ? '' : 's'}`,
    layer: 'network/routing',
    severity: unready > 0 ? severityForPods(ev, unready) : 'warning',
    confidence: 'high',
    evidence: [
      `log ${blocked.pods[blocked.pods.length - 1] ?? ''}: ${blocked.line}`,
      ...consumers.map((c) => `Deployment ${c.deployment} names ${c.address} (${c.env}) and runs ${c.replicas} replica${c.replicas === 1 ? '' : 's'} (${c.readyReplicas} ready)${c.replicas === 0 ? describeScaledDown(c, ev.collectedAt) : ''}`),
    ],
    decisive: condenseStructuredLine(blocked.line),
    likelyCause: `${words.how}${stopped.length > 0 ? `: ${stoppedSaid}` : ''}. The broker and these pods are healthy; restarting them or rolling back changes nothing.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}${scale.length > 0 ? ` (${scale.join('; ')})` : ''}. The bot will not change anything.`,
    fix,
    outsideWorkload: `the broker ${blocked.broker === 'artemis' ? 'blocks' : 'refuses'} the sends because ${blocked.address} is full and nothing consumes it: any revision of this workload is blocked the same way`,
    ...(stopped.length > 0 ? { datesChange: true as const } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `logs ${blocked.pods[0] ?? ''} --tail=100`),
      ...stopped.map((c) => formatKubectl(ev.target, `get deployment ${c.deployment} -o wide`)),
    ],
    affected: { pods: blocked.pods, nodes: listNodesOf(podObjects) },
  }];
}
