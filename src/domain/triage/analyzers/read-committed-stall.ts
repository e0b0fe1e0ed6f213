/**
 * A read_committed Kafka consumer stalled behind an open transaction (read-committed-stall.ts):
 * nothing consumed, lag growing, no error, pods Ready. The way out is on the producer's side: the
 * transaction ends when its producer commits or aborts it, or when the broker aborts it after the
 * producer's transaction.timeout.ms — a producer killed mid-transaction whose replacement uses
 * another transactional.id never aborts it itself.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { findReadCommittedStall } from '../read-committed-stall.js';

export function analyzeReadCommittedStall(ev: TriageEvidence): Finding[] {
  const s = findReadCommittedStall(ev);
  if (s === undefined) return [];
  const name = ev.target.name;
  const n = s.pods.length;
  return [{
    id: 'consumer-group/read-committed-stall',
    kind: 'consumer-group',
    title: `${name} (isolation.level=read_committed) fetches 0 records while its lag grows to ${s.lag} (${n} pod${n === 1 ? '' : 's'}, no errors): an open producer transaction holds the last stable offset — a transactional producer killed mid-transaction stays open until its transaction.timeout.ms`,
    layer: 'container/process',
    severity: 'critical',
    confidence: 'medium',
    evidence: [`log ${s.pods[s.pods.length - 1] ?? ''}: ${s.line.slice(0, 300)}`, `${name} reads with ${s.setting}`],
    decisive: s.line.slice(0, 200),
    ...(s.since ? { onset: s.since } : {}),
    likelyCause: `A read_committed consumer reads only up to the partition's last stable offset; a transaction a producer opened and never ended holds it, so every record written after it waits while ${name}'s pods stay Ready and log no error. The usual cause: a transactional producer pod killed mid-transaction (a node drain, an eviction) whose replacement uses a new transactional.id, so nothing aborts the old transaction before the broker's transaction.timeout.ms of that producer runs out — long when it was raised.`,
    nextAction: `Find the producer of the topic that lost a pod mid-transaction (kubectl get events for Killing / ExceededGracePeriod of its pods) and check its transaction.timeout.ms; abort the hanging transaction (kafka-transactions.sh --find-hanging / --abort, Kafka 3.0+) or restart that producer with the old transactional.id so it fences and aborts it. Keep transactional.id stable across pod replacements (a StatefulSet name, not the pod name) and transaction.timeout.ms short.`,
    fix: 'abort the hanging transaction (kafka-transactions.sh --find-hanging, then --abort) or wait out the producer\'s transaction.timeout.ms',
    confirmCommands: [formatKubectl(ev.target, `logs ${s.pods[0] ?? ''} --tail=200`), formatKubectl(ev.target, 'get events --sort-by=.lastTimestamp')],
    affected: { pods: s.pods, nodes: listNodesOf(ev.pods.filter((p) => s.pods.includes(p.name))) },
  }];
}
