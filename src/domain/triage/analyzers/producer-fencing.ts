/**
 * Transactional Kafka producers of the workload's replicas fencing each other on one shared
 * transactional.id (producer-fencing.ts): no transaction commits, yet the pods stay Ready and the
 * brokers are fine. More replicas bring it on — a scale-up is its trigger and fewer replicas undo
 * it — and the lasting fix is an id of each instance's own.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { findProducerFencing } from '../producer-fencing.js';
import { joinAnd, truncate } from '../../text.js';

export function analyzeProducerFencing(ev: TriageEvidence): Finding[] {
  const mine = new Set(ev.pods.map((p) => p.name));
  const f = findProducerFencing(ev.logs.filter((l) => mine.has(l.pod)));
  if (f === undefined) return [];
  const names = f.pods.map((p) => p.pod);
  const podObjects = ev.pods.filter((p) => mine.has(p.name) && names.includes(p.name));
  const n = names.length;
  const fenced = f.pods.reduce((k, p) => k + p.fenced, 0);
  const id = f.shared !== undefined ? `transactional.id ${f.shared}` : 'one transactional.id';
  const decisive = truncate(f.line.replace(/^.*?(Caused by: )?(?=\S*(ProducerFencedException|KafkaException|Fatal error|_FENCED))/i, ''), 220);
  const fix = 'give each instance its own transactional.id (a per-instance suffix: the pod name or a StatefulSet ordinal) before running more than one replica';
  const ref = formatWorkloadRef(ev.target);
  return [
    {
      id: 'producer-fencing/transactional-id',
      kind: 'consumer-group',
      title: `Kafka producers of ${n} pods fence each other on ${f.shared !== undefined ? `one transactional.id (${f.shared})` : 'one transactional.id'}: each InitProducerId bumps its epoch and fences the others, so no transaction commits — ${fenced} fencings in their logs`,
      layer: 'container/process',
      severity: 'critical',
      confidence: f.shared !== undefined ? 'high' : 'medium',
      evidence: [
        ...f.pods.slice(0, 3).map((p) => `${p.pod}: fenced ${p.fenced} time${p.fenced === 1 ? '' : 's'}${p.ids.length > 0 ? `, as transactional.id ${joinAnd(p.ids.slice(0, 2))}` : ''}`),
        `log ${names[n - 1] ?? ''}: ${truncate(f.line, 300)}`,
      ],
      decisive,
      scalesWithReplicas: true,
      ...(f.onset !== undefined ? { onset: f.onset } : {}),
      likelyCause: `A transactional producer registers its transactional.id with the brokers (InitProducerId), which bumps that id's epoch and fences any other producer holding it — the guard against zombie instances. ${f.shared !== undefined ? `The ${n} pods all use ${id}` : `The ${n} pods are fenced in turn`}: a fixed id (a prefix without a per-instance part) is fine for one replica, but with several each one that (re)starts a transaction fences the others, every transaction is aborted and nothing is published, while the pods stay Ready. The brokers are fine; restarting the pods only starts the next round.`,
      nextAction: `Scale ${ev.target.name} to one replica now (${formatKubectl(ev.target, `scale ${ref} --replicas=1`)}), then ${fix}.`,
      fix,
      confirmCommands: [
        formatKubectl(ev.target, `logs ${names[0] ?? ''} --tail=200 | grep -i -e transactionalId -e fenc`),
        formatKubectl(ev.target, `get ${ref} -o jsonpath='{.spec.replicas}'`),
      ],
      affected: { pods: names, nodes: listNodesOf(podObjects) },
    },
  ];
}
