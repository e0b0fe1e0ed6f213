/**
 * The workload requeues the messages it fails and its logs count their deliveries, on a RabbitMQ
 * whose quorum queues cap deliveries (delivery-limit.ts): 20 by default since 4.0, unless a policy
 * or argument sets it. Past the limit the broker dead-letters the message, or drops it when the
 * queue has no dead-letter exchange — lost work behind Ready pods and clean logs. The since is the
 * broker's upgrade to 4.x, never the consumer's rollout.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { DEFAULT_DELIVERY_LIMIT, describeBrokerUpgrade, findBrokerUpgrade, findLoggedUpgrade, findRequeueLoop, readBrokerVersion, readConsumedQueue, readQueueDelivery } from '../delivery-limit.js';
import { listNodesOf, unique } from '../pod-status.js';
import { formatAgo, formatClock } from '../time-span.js';

export function analyzeDeliveryLimitLoss(ev: TriageEvidence): Finding[] {
  const loop = findRequeueLoop(ev.logs, ev.pods, ev.collectedAt);
  if (loop === undefined) return [];
  const members = (ev.dependencyMembers ?? []).find((m) => m.pods.some((p) => p.containers.some((c) => /rabbitmq/i.test(c.image))) || (m.topology ?? []).length > 0);
  const version = readBrokerVersion(members, ev.logs);
  const own = new Set(ev.pods.map((p) => p.name));
  const lines = [
    ...ev.logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines),
    ...ev.pods.flatMap((p) => p.containers.flatMap((c) => (c.env ?? []).flatMap((e) => ('value' in e ? [e.value] : [])))),
  ];
  const queue = readQueueDelivery(members?.topology ?? [], lines);
  // A classic queue keeps no delivery limit; an explicit -1 turns the quorum queue's off.
  if (queue !== undefined && !queue.quorum) return [];
  const limit = queue?.deliveryLimit ?? (version !== undefined && version.major >= 4 ? DEFAULT_DELIVERY_LIMIT : undefined);
  if (limit === undefined || limit < 0 || loop.maxCount * 2 < limit) return [];
  // Messages past the limit that go to a dead-letter exchange are kept, not lost.
  if (queue?.deadLetterExchange !== undefined) return [];

  const who = ev.target.name;
  const upgrade = findBrokerUpgrade(members);
  const byDefault = queue?.deliveryLimit === undefined;
  const limitText = byDefault ? `a delivery-limit of ${limit} (the quorum-queue default since RabbitMQ 4.0${queue ? '; no policy or argument sets one' : ''})` : `a delivery-limit of ${limit}${queue?.policy ? ` (policy ${queue.policy})` : ' (x-delivery-limit)'}`;
  const broker = version ? `RabbitMQ ${version.text}` : 'RabbitMQ';
  const queueName = queue?.queue ?? readConsumedQueue(lines);
  const subject = queue ? `quorum queue ${queue.queue}` : queueName ? `queue ${queueName} (a quorum queue: it counts deliveries)` : 'quorum queue';
  const where = queue ? ` in ${queue.topology.key} of ConfigMap ${queue.topology.configMap}` : '';
  const lost = queue === undefined
    ? 'dropped by the broker (or dead-lettered, where a dead-letter exchange is set)'
    : `dropped by the broker: ${queueName} has no dead-letter exchange${where}, so that work is lost`;
  // Without the broker's rollout, the consumer's own reconnect to the new version dates the upgrade.
  const logged = upgrade === undefined ? findLoggedUpgrade(ev.logs, ev.collectedAt) : undefined;
  const since = upgrade
    ? describeBrokerUpgrade(upgrade, ev.collectedAt)
    : logged ? ` — since the broker was upgraded from RabbitMQ ${logged.from} to ${logged.to}: ${who} reconnected to it at ${formatClock(logged.at)} (${formatAgo(logged.at, ev.collectedAt)})` : '';
  const onset = upgrade?.revision.createdAt ?? logged?.at;
  const pods = unique(loop.hits.map((h) => h.pod));
  const last = loop.hits[loop.hits.length - 1];
  const title = `${who} nacks and requeues the messages it fails, redelivered up to ${loop.maxCount} times (${loop.hits.length} lines in ${pods.length} pod${pods.length === 1 ? '' : 's'}), on ${broker}, ${queueName ? `whose ${subject}` : 'whose quorum queues'} ${queueName ? 'has' : 'have'} ${limitText}: every message redelivered past ${limit} is ${lost}${since}`;
  const fix = `set the delivery limit of ${queueName ?? 'the queue'} deliberately with a policy (delivery-limit, or -1 for none) and give it a dead-letter exchange (dead-letter-exchange), make ${who} retry transient errors with backoff (or dead-letter them) instead of requeueing forever, and find and republish the work already lost`;
  const brokerNs = members?.namespace ?? ev.target.namespace;
  const brokerPod = members?.pods.find((p) => p.ready)?.name ?? '<broker-pod>';
  return [{
    id: 'missing-destination/delivery-limit-loss',
    kind: 'missing-destination',
    title,
    layer: 'container/process',
    severity: 'critical',
    confidence: queue !== undefined && version !== undefined ? 'high' : 'medium',
    evidence: [
      ...(last ? [`log ${last.pod}: ${condenseStructuredLine(last.line.trim())}`] : []),
      `broker version: ${broker} (${version?.source ?? 'not read'})`,
      ...(queue ? [`broker definitions (${queue.topology.key} of ConfigMap ${queue.topology.configMap}): ${subject}, ${queue.deliveryLimit === undefined ? 'no delivery-limit set' : `delivery-limit ${queue.deliveryLimit}`}, no dead-letter exchange`] : []),
      ...(logged ? [`${who}'s log: connected to RabbitMQ ${logged.from}, then to ${logged.to} at ${formatClock(logged.at)}`] : []),
      ...(upgrade ? [`StatefulSet ${upgrade.statefulSet} revision ${upgrade.revision.revision} (${formatAgo(upgrade.revision.createdAt, ev.collectedAt)}): image RabbitMQ ${upgrade.from} → ${upgrade.to}`] : []),
    ],
    decisive: `requeued deliveries counted up to ${loop.maxCount}; ${queueName ? `queue ${queueName}` : 'its quorum queue'} on ${broker}: delivery-limit ${limit}${queue ? ', no dead-letter exchange' : ''}`,
    ...(onset ? { onset, datesChange: true as const } : {}),
    outsideWorkload: `the broker drops messages past the delivery limit: any revision of ${who} that requeues what it fails loses them alike`,
    likelyCause: `${who} answers a failure it expects to pass (a busy downstream) by nacking the message with requeue, relying on the broker to hand it back as often as it takes. Quorum queues count those deliveries, and ${byDefault ? `since RabbitMQ 4.0 they stop at ${limit} by default` : `this one stops at ${limit}`}: a message redelivered past the limit is dead-lettered, or dropped when no dead-letter exchange is set. Nothing errors — the pods stay Ready and the broker logs nothing — and the work shows only as stuck upstream.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. Rolling back ${who} changes nothing.`,
    fix,
    confirmCommands: [
      `kubectl exec -n ${brokerNs} ${brokerPod} -- rabbitmqctl list_queues -p <vhost> name type arguments policy messages_ready messages_unacknowledged`,
      `kubectl exec -n ${brokerNs} ${brokerPod} -- rabbitmqctl list_policies -p <vhost>`,
      ...pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=300`)),
    ],
    affected: { pods, nodes: listNodesOf(ev.pods.filter((p) => pods.includes(p.name))) },
  }];
}
