import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { findRaisedRequestScaleIn } from '../hpa-request-raised.js';
import { formatBytes, formatCpu, parseQuantity } from '../quantity.js';
import { formatAgo } from '../time-span.js';

/** "175m", "1.5Gi": a share of a request, in the request's own kind of quantity. */
function share(resource: 'cpu' | 'memory', request: string, percent: number): string {
  const q = (parseQuantity(request) ?? 0) * (percent / 100);
  return resource === 'cpu' ? formatCpu(q) : formatBytes(q);
}

/**
 * A revision raised the request of the resource the workload's HPA targets as a utilization, and
 * the HPA scaled in to fewer replicas than ran before, whose pods now strain: the HPA measures the
 * same load against the bigger request. Their probe timeouts and slow requests are this.
 */
export function analyzeHpaRequestRaised(ev: TriageEvidence): Finding[] {
  const r = findRaisedRequestScaleIn(ev);
  if (r === undefined) return [];
  const w = ev.workload?.name ?? ev.target.name;
  const now = ev.collectedAt;
  const res = r.resource === 'cpu' ? 'CPU' : 'memory';
  const atMin = r.to <= r.minReplicas ? ` (its minReplicas of ${r.minReplicas})` : '';
  const before = share(r.resource, r.was, r.target);
  const after = share(r.resource, r.now, r.target);
  // The target that measures the old per-pod use against the new request.
  const proportional = Math.max(1, Math.round((r.target * (parseQuantity(r.was) ?? 0)) / (parseQuantity(r.now) ?? 1)));
  const fix = `raise HPA ${r.hpa}'s minReplicas to ${r.from} (what it ran before), or lower its ${r.target}% target in proportion to the new request (about ${proportional}%), or put the ${res} request of ${r.container} back to ${r.was}`;
  return [{
    id: `hpa-request-raised/${r.hpa}`,
    kind: 'hpa-scaled-in',
    title: `HPA ${r.hpa} scaled ${w} in from ${r.from} to ${r.to} replicas${atMin} after revision ${r.revision} raised the ${res} request of ${r.container} ${r.was} → ${r.now}: it targets ${r.target}% ${res} utilization of the request, so ${r.to} pods now carry the load ${r.from} did`,
    layer: 'capacity',
    severity: r.unready > 0 ? 'critical' : 'warning',
    confidence: 'high',
    evidence: [
      `revision ${r.revision} (${formatAgo(r.revisionAt, now)}): ${r.container} ${r.resource} request ${r.was} → ${r.now} (${r.factor.toFixed(1)}×)`,
      `HPA ${r.hpa}: ${r.resource} utilization ${r.current ?? '?'} of the request (target ${r.target}%), minReplicas ${r.minReplicas}, ${r.to} replicas now`,
      ...r.scaleIns.map((e) => `HPA ${r.hpa} ${formatAgo(e.lastSeen, now)}: ${e.message}`),
      `${r.to} replicas left, ${r.unready} not ready; ${r.strain} probe failures since the first scale-in`,
    ],
    decisive: r.scaleIns[r.scaleIns.length - 1]?.message ?? '',
    likelyCause: `The HPA reads ${res} use as a percentage of the request. At ${r.was}, its ${r.target}% target meant about ${before} per pod; revision ${r.revision} raised the request to ${r.now}, so the same load read as a fraction of it, below the target, and the HPA removed pods (${r.from} → ${r.to}) until each pod's use reached ${r.target}% of the new request — about ${after}, ${r.factor.toFixed(1)}× the work per pod. Each pod keeps the same threads and connections, so requests queue, latency grows and the probes time out; the HPA stays content because its metric sits at its target.`,
    nextAction: `Mitigate: scale ${w} back to ${r.from} (\`${formatKubectl(ev.target, `patch hpa ${r.hpa} -p '{"spec":{"minReplicas":${r.from}}}'`)}\` — the bot will not). Then ${fix.replace(/^raise HPA \S+ minReplicas to \d+ \(what it ran before\), or /, '')}.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `describe hpa ${r.hpa}`),
      formatKubectl(ev.target, `get events --field-selector involvedObject.name=${r.hpa},reason=SuccessfulRescale`),
      formatKubectl(ev.target, `rollout history ${formatWorkloadRef(ev.target)} --revision=${r.revision}`),
    ],
    // The load reaches every pod left: which fails its probe first is chance.
    affected: { pods: ev.pods.map((p) => p.name) },
  }];
}
