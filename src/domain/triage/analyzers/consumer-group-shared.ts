import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { findGroupShareLoss } from '../group-share-loss.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { formatAgo, formatClock } from '../time-span.js';

/** "orders-7" → "orders". */
const topicsOf = (partitions: readonly string[]): string[] => [...new Set(partitions.map((p) => p.replace(/-\d+$/, '')))];

/**
 * The workload's consumers gave up part of their partitions at a rebalance none of its pods caused:
 * another member — usually another workload configured with the same group id — joined its Kafka
 * consumer group and now consumes (and commits) the messages of those partitions, which the
 * workload never sees. A restart or a rollback of the workload changes nothing; a group id of its
 * own for the other consumer does, and the missed offsets need replaying.
 */
export function analyzeSharedConsumerGroup(ev: TriageEvidence): Finding[] {
  const s = findGroupShareLoss(ev);
  if (s === undefined || s.at === undefined) return [];
  const who = ev.target.name;
  const group = s.group ? `consumer group ${s.group}` : 'its consumer group';
  const topics = topicsOf(s.before);
  const of = topics.length === 1 ? `of ${topics[0] ?? ''}` : `of topics ${topics.join(', ')}`;
  const lost = s.before.filter((p) => !s.after.includes(p));
  const arrivals = s.arrivals.map((o) => `${o.kind} ${o.name} created ${formatAgo(o.createdAt ?? s.at ?? ev.collectedAt, ev.collectedAt)}`);
  // What arrived just before (a new workload's ConfigMap) is the trigger to test: named once, in the title.
  const arrived = arrivals.length > 0 ? `; new in the namespace just before: ${arrivals.slice(0, 2).join(', ')}` : '';
  const title = `Another member joined ${who}'s Kafka ${group} at ${formatClock(s.at)} (${formatAgo(s.at, ev.collectedAt)}) with no change of ${who}'s own pods: its ${s.pods.length} consumers went from ${s.before.length} partitions ${of} to ${s.after.length} — the messages of the other ${lost.length} go to a consumer that is not ${who}${arrived}`;
  const other = s.group ? `the other workload using group id ${s.group}` : 'the other member of the group';
  return [{
    id: `consumer-group/shared${s.group ? `/${s.group}` : ''}`,
    kind: 'consumer-group',
    title,
    layer: 'container/process',
    severity: 'critical',
    confidence: arrivals.length > 0 ? 'high' : 'medium',
    evidence: [
      ...s.pods.slice(0, 2).map((p) => {
        const log = ev.logs.find((l) => l.pod === p && !l.previous);
        const line = [...(log?.lines ?? [])].reverse().find((l) => /Revoke|revoked/i.test(l));
        return line ? `log ${p}: ${condenseStructuredLine(line.trim())}` : `log ${p}`;
      }),
      `log: ${condenseStructuredLine(s.line.trim())}`,
      `partitions held before: ${s.before.length}, now: ${s.after.length} (${s.after.join(', ')}); given up: ${lost.join(', ')}`,
      ...arrivals.map((a) => `namespace: ${a}`),
    ],
    decisive: condenseStructuredLine(s.line.trim()),
    onset: s.at,
    datesChange: true,
    outsideWorkload: `a consumer outside ${who} shares its group: any revision of ${who} gets the same smaller share`,
    likelyCause:
      `In a Kafka consumer group each partition is read by exactly one member. ${who}'s consumers gave up ${lost.length} of their ${s.before.length} partitions at a rebalance that none of its pods caused (none started or left), so a member that is not one of its pods joined ${group} and now takes those partitions: another service configured with the same group id (a copied configuration is the usual way) consumes and commits their messages, which ${who} never sees. Nothing crashes and nothing logs an error.`,
    nextAction: `Give ${other} a group id of its own (then it reads every partition for itself), and replay ${who}'s missed offsets on the partitions it lost since ${formatClock(s.at)}. Confirm the group's members with \`kafka-consumer-groups --describe --group ${s.group ?? '<group>'} --members\`.`,
    fix: `give ${other} its own group id and replay the offsets ${who} missed`,
    confirmCommands: [
      ...s.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=300`)),
      ...s.arrivals.filter((o) => o.kind === 'ConfigMap').slice(0, 1).map((o) => formatKubectl(ev.target, `get configmap ${o.name} -o yaml`)),
    ],
    affected: { pods: s.pods, nodes: listNodesOf(ev.pods.filter((p) => s.pods.includes(p.name))) },
  }];
}
