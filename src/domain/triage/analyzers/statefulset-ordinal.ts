import type { TriageEvidence } from '../evidence.js';
import { ORDINAL_TITLE, type Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';

/**
 * A StatefulSet with podManagementPolicy OrderedReady creates pod N+1 only once pod N is Running
 * and Ready: one broken ordinal keeps every higher one from existing. Names the blocking pod
 * and the ordinals never created. A symptom: the blocking pod's own finding explains it.
 */
export function analyzeStatefulSetOrdinals(ev: TriageEvidence): Finding[] {
  const w = ev.workload;
  if (w?.kind !== 'StatefulSet' || w.podManagementPolicy !== 'OrderedReady') return [];
  const byOrdinal = new Map(ev.pods.filter((p) => p.ordinal !== undefined && p.deletionTimestamp === undefined).map((p) => [p.ordinal as number, p]));
  if (byOrdinal.size >= w.specReplicas) return [];
  const start = Math.min(...byOrdinal.keys(), 0);
  for (let i = start; i < start + w.specReplicas; i++) {
    const pod = byOrdinal.get(i);
    if (pod !== undefined && pod.ready) continue;
    if (pod === undefined) return [];
    const missing = [];
    for (let j = i + 1; j < start + w.specReplicas; j++) if (!byOrdinal.has(j)) missing.push(`${w.name}-${j}`);
    if (missing.length === 0) return [];
    const range = missing.length > 2 ? `${missing[0]}…${missing[missing.length - 1]}` : missing.join(', ');
    return [
      {
        id: `statefulset-ordinal/${pod.name}`,
        kind: 'statefulset-ordinal',
        title: `${ORDINAL_TITLE} ${range}: ${pod.name} is not ready (${w.readyReplicas}/${w.specReplicas} ready)`,
        layer: 'rollout/change',
        severity: 'critical',
        confidence: 'high',
        evidence: [`podManagementPolicy OrderedReady; ${byOrdinal.size} of ${w.specReplicas} pods exist`, `${pod.name}: ${pod.phase}${pod.ready ? '' : ', not ready'}`, `never created: ${missing.join(', ')}`],
        decisive: `${pod.name} not ready; OrderedReady creates the next ordinal only after it`,
        likelyCause: `The StatefulSet creates ordinals one by one and waits for each to be Running and Ready: ${pod.name} blocks ${missing.length} more.`,
        nextAction: `Fix ${pod.name} first (its own finding says why); the controller then creates the rest by itself.`,
        confirmCommands: [formatKubectl(ev.target, `get ${formatWorkloadRef(ev.target)} -o jsonpath='{.spec.podManagementPolicy}'`), formatKubectl(ev.target, `get pods -l ${Object.entries(w.selector).map(([k, v]) => `${k}=${v}`).join(',')}`)],
        affected: { pods: [pod.name] },
      },
    ];
  }
  return [];
}
