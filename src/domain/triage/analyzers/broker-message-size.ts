/**
 * The workload's publishes refused by its RabbitMQ for their size (broker-message-size.ts). When the
 * broker's StatefulSet rollout was read and moved it from 3.x to 4.x, that upgrade is the since:
 * 4.0 lowered max_message_size's default to 16 MiB. The fix is the broker's limit or the payload's
 * size, never a rollback of the publisher.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { describeBrokerUpgrade, findBrokerUpgrade, readBrokerVersion } from '../delivery-limit.js';
import { DEFAULT_MAX_MESSAGE_SIZE_4, findMessageSizeRefusal, formatMiB } from '../broker-message-size.js';
import { listNodesOf } from '../pod-status.js';
import { formatAgo } from '../time-span.js';

export function analyzeBrokerMessageSize(ev: TriageEvidence): Finding[] {
  const refused = findMessageSizeRefusal(ev.logs, ev.pods);
  if (refused === undefined) return [];
  const members = (ev.dependencyMembers ?? []).find((m) => m.pods.some((p) => p.containers.some((c) => /rabbitmq/i.test(c.image))));
  const version = readBrokerVersion(members, ev.logs);
  const upgrade = findBrokerUpgrade(members);
  const who = ev.target.name;
  const broker = version ? `RabbitMQ ${version.text}` : 'RabbitMQ';
  const byDefault = refused.max === DEFAULT_MAX_MESSAGE_SIZE_4;
  const lowered = byDefault ? ' (which lowered max_message_size to 16 MiB)' : '';
  const since = upgrade ? describeBrokerUpgrade(upgrade, ev.collectedAt, lowered) : '';
  const limitText = `max_message_size ${refused.max} (${formatMiB(refused.max)}${byDefault && upgrade === undefined && (version?.major ?? 0) >= 4 ? ', the default since RabbitMQ 4.0' : ''})`;
  const pods = refused.pods;
  const title = `${broker} refuses ${who}'s publishes larger than its ${limitText}: 406 PRECONDITION_FAILED on ${refused.count} line${refused.count === 1 ? '' : 's'} in ${pods.length} pod${pods.length === 1 ? '' : 's'}, messages up to ${formatMiB(refused.largest)}${since}`;
  const fix = `set max_message_size in the broker's config (rabbitmq.conf) above the largest message (${refused.largest} bytes), or send large payloads by reference (object storage) instead of in the message`;
  const brokerNs = members?.namespace ?? ev.target.namespace;
  const brokerPod = members?.pods.find((p) => p.ready)?.name ?? '<broker-pod>';
  return [{
    id: 'dependency-error/broker-message-size',
    kind: 'dependency-error',
    title,
    layer: 'container/process',
    severity: 'critical',
    confidence: 'high',
    evidence: [
      `log ${pods[0] ?? ''}: ${condenseStructuredLine(refused.line)}`,
      `broker version: ${broker} (${version?.source ?? 'not read'})`,
      ...(upgrade ? [`StatefulSet ${upgrade.statefulSet} revision ${upgrade.revision.revision} (${formatAgo(upgrade.revision.createdAt, ev.collectedAt)}): image RabbitMQ ${upgrade.from} → ${upgrade.to}`] : []),
    ],
    decisive: refused.line,
    ...(upgrade ? { onset: upgrade.revision.createdAt, datesChange: true as const } : {}),
    outsideWorkload: `the broker refuses any message larger than its max_message_size: any revision of ${who} that publishes such messages is refused alike`,
    likelyCause: `The broker closes ${who}'s channel (406 PRECONDITION_FAILED) on each publish larger than its max_message_size of ${refused.max} bytes (${formatMiB(refused.max)}); smaller messages still pass. ${byDefault ? `RabbitMQ 4.0 lowered the default max_message_size from 128 MiB to 16 MiB${upgrade ? `, and the broker moved from ${upgrade.from} to ${upgrade.to}` : ''}, so messages the old broker took are refused now.` : ''}`.trim(),
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. Rolling back ${who} changes nothing.`,
    fix,
    confirmCommands: [
      `kubectl exec -n ${brokerNs} ${brokerPod} -- rabbitmq-diagnostics environment | grep max_message_size`,
      ...pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=300`)),
    ],
    affected: { pods, nodes: listNodesOf(ev.pods.filter((p) => pods.includes(p.name))) },
  }];
}
