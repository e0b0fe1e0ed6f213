import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findSeparateBootstrap } from '../separate-bootstrap.js';

/**
 * More than one member of a clustered StatefulSet started blank and seeded a cluster of its own:
 * one Service now fronts separate clusters, each with its own queues and users' data. Names the
 * members that formed a cluster apart, and Parallel pod management when that let them start at once.
 */
export function analyzeSeparateBootstrap(ev: TriageEvidence): Finding[] {
  const found = findSeparateBootstrap(ev.workload ?? undefined, ev.pods, ev.logs);
  const w = ev.workload;
  if (!found || !w) return [];
  const [seed] = found.seeds;
  const apart = found.apart.join(', ');
  const n = found.seeds.length;
  const policy = found.parallel ? ' (podManagementPolicy: Parallel started every pod at once on empty volumes)' : '';
  return [
    {
      id: `separate-bootstrap/${w.name}`,
      kind: 'separate-bootstrap',
      title: `${apart} formed ${found.apart.length === 1 ? 'a separate cluster' : 'separate clusters'}: ${n} members of ${w.name} each found no peer at first start and started as a new cluster${policy} — ${n === 2 ? 'two' : n} clusters behind one Service`,
      layer: 'rollout/change',
      severity: 'critical',
      confidence: 'high',
      evidence: [
        ...(found.parallel ? [`${w.kind} ${w.name}: podManagementPolicy Parallel`] : []),
        ...found.seeds.map((s) => `log ${s.pod}: ${s.line}`),
      ],
      decisive: found.seeds[1]?.line ?? seed?.line ?? '',
      likelyCause: `At first start ${found.seeds.map((s) => s.pod).join(' and ')} each discovered no peer and initialised a cluster of its own${found.parallel ? ': with podManagementPolicy Parallel all pods start at once on empty volumes, so discovery finds nobody yet' : ''}. Clients of the Service land on either cluster at random and miss what the other holds (queues, messages).`,
      nextAction: `Reset ${apart} and join ${found.apart.length === 1 ? 'it' : 'them'} to ${seed?.pod ?? 'the first member'}'s cluster${found.parallel ? '; bootstrap new clusters with podManagementPolicy OrderedReady (or a seed node)' : ''}.`,
      fix: `join ${apart} to ${seed?.pod ?? 'the first member'}'s cluster`,
      confirmCommands: found.seeds.map((s) => formatKubectl(ev.target, `logs ${s.pod} | grep -i -e standalone -e 'new cluster' -e peer`)),
      affected: { pods: found.apart },
    },
  ];
}
