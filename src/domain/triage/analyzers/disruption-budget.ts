import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { RECENT_MS, countReadyPods, getDesiredReplicas, unique } from '../pod-status.js';
import { formatAgo, formatSpan, isWithin, msBetween } from '../time-span.js';

/** Karpenter's, the descheduler's and the eviction API's words for a refusal by a PodDisruptionBudget. */
const REFUSED_BY_PDB = /violate[sd]? (a|the) (pod'?s )?(PDB|disruption budget)|disruption budget|\bPDB\b/i;

/**
 * Evictions of the workload's pods refused by its PodDisruptionBudget: a node drain (an upgrade,
 * Karpenter consolidating or expiring a node, `kubectl drain`) that cannot finish. With every
 * replica ready the workload is fine, and the finding is context (the budget allows no
 * disruption at full strength: the drain waits for ever); with replicas missing the budget is
 * doing its job, and what keeps them down is the problem.
 */
export function analyzeDisruptionBudget(ev: TriageEvidence): Finding[] {
  const refusals = ev.events.filter(
    (e) => e.object.kind === 'Pod' && (e.reason === 'FailedEviction' || e.reason === 'EvictionBlocked' || (e.type === 'Warning' && /evict/i.test(e.reason))) && REFUSED_BY_PDB.test(e.message) && isWithin(e.lastSeen, ev.collectedAt, RECENT_MS),
  );
  if (refusals.length === 0) return [];
  const pods = unique(refusals.map((e) => e.object.name));
  const nodes = unique(pods.flatMap((p) => findPod(ev, p)?.nodeName ?? []));
  const count = refusals.reduce((n, e) => n + e.count, 0);
  const since = refusals.map((e) => e.firstSeen).sort()[0] ?? ev.collectedAt;
  const ready = countReadyPods(ev);
  const desired = getDesiredReplicas(ev);
  const full = ready >= desired && desired > 0;
  const by = unique(refusals.flatMap((e) => (e.source ? [e.source] : [])));
  const where = nodes.length > 0 ? `node ${nodes.join(', ')}` : 'a node';
  const title = full
    ? `Drain of ${where} blocked for ${formatSpan(msBetween(since, ev.collectedAt))}: the PodDisruptionBudget refuses to evict ${pods.join(', ')} (${count} refusals); the workload itself is ${ready}/${desired} ready`
    : `Evictions from ${where} refused by the PodDisruptionBudget while only ${ready}/${desired} replicas are ready (${count} refusals)`;
  const [example] = refusals;
  return [
    {
      id: `disruption-budget/${pods[0] ?? ''}`,
      kind: 'disruption-budget',
      title,
      layer: 'node/eviction',
      // At full strength nothing is broken for users; the drain (a node upgrade, a consolidation) waits.
      severity: full ? 'info' : 'warning',
      confidence: 'high',
      evidence: [
        ...refusals.slice(0, 2).map((e) => `${e.reason} ×${e.count} on pod ${e.object.name} (${formatAgo(e.firstSeen, ev.collectedAt)} to ${formatAgo(e.lastSeen, ev.collectedAt)})${e.source ? ` from ${e.source}` : ''}: ${e.message}`),
        `${ready}/${desired} replicas ready`,
      ],
      ...(example ? { decisive: example.message } : {}),
      likelyCause: full
        ? `A PodDisruptionBudget that allows no voluntary disruption at full strength (minAvailable equal to the replicas, or maxUnavailable 0) blocks every drain of a node running one of these pods${by.length > 0 ? `; ${by.join(', ')} keeps retrying` : ''}.`
        : 'The budget refuses evictions because replicas are already missing; what keeps them unready is the problem.',
      nextAction: full
        ? 'Relax the PodDisruptionBudget (maxUnavailable: 1) or add a replica so the drain can finish; nothing in the workload needs fixing.'
        : 'Fix what keeps the replicas unready; the drain resumes by itself once the budget allows it.',
      fix: full ? 'let the PodDisruptionBudget allow one disruption' : 'bring the missing replicas back',
      confirmCommands: [formatKubectl(ev.target, 'get pdb -o wide'), ...(nodes[0] ? [formatKubectl(ev.target, `get events --field-selector involvedObject.name=${nodes[0]}`, 'cluster')] : [])],
      affected: { pods, nodes },
    },
  ];
}
