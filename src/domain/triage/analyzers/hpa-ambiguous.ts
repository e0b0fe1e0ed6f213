import type { ConditionEvidence, HpaEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { formatAgo } from '../time-span.js';
import { capitalize } from '../../text.js';
import { listStarvedProbes } from './hpa.js';

/** "… are controlled by multiple HPAs: [shop/api shop/api-default]" → ['api', 'api-default']. */
export function parseClaimingHpas(message: string | undefined): string[] {
  const list = /multiple HPAs:\s*\[([^\]]*)\]/i.exec(message ?? '')?.[1] ?? '';
  return list.split(/[\s,]+/).filter((x) => x !== '').map((x) => x.replace(/^[^/]+\//, ''));
}

function ambiguity(h: HpaEvidence): ConditionEvidence | undefined {
  return h.conditions.find((c) => c.type === 'ScalingActive' && c.status === 'False' && c.reason === 'AmbiguousSelector');
}

/** Newest first; an HPA of unknown age goes last. */
function byAge(a: HpaEvidence, b: HpaEvidence): number {
  return (b.createdAt ? Date.parse(b.createdAt) : 0) - (a.createdAt ? Date.parse(a.createdAt) : 0);
}

/**
 * More than one HPA scales the same pods. Rather than let two autoscalers fight over the replica
 * count, the HPA controller sets ScalingActive=False (AmbiguousSelector) on each and scales with
 * none of them: the workload stays at its current count whatever the load. Its metrics are fine;
 * one HPA is one too many, and the newer one is usually the mistake (a chart or a platform default
 * that added an HPA where one already was). Kind replica-fight: two writers of one replica count,
 * dated by the newer HPA, not by a change to look for.
 */
export function analyzeAmbiguousHpas(ev: TriageEvidence): Finding[] {
  const claimed = ev.hpas.filter((h) => ambiguity(h) !== undefined);
  const first = claimed[0];
  if (first === undefined) return [];
  const conditions = claimed.map(ambiguity).filter((c): c is ConditionEvidence => c !== undefined);
  const listed = conditions.flatMap((c) => parseClaimingHpas(c.message));
  const ours = ev.hpas.filter((h) => claimed.includes(h) || listed.includes(h.name)).sort(byAge);
  // Listed but not aimed at this workload: another workload's selector matches these pods too.
  const elsewhere = [...new Set(listed)].filter((n) => !ev.hpas.some((h) => h.name === n));
  const [newer, older] = ours;
  const datable = ours.length >= 2 && newer?.createdAt !== undefined && older?.createdAt !== undefined && newer.createdAt !== older.createdAt;
  const workload = `${ev.target.kind} ${ev.target.name}`;
  const slow = listStarvedProbes(ev);
  const count = Math.max(...ours.map((h) => h.currentReplicas));
  const starving = slow.length > 0 ? `; ${workload} holds at ${count} replicas while its probes time out under load` : '';
  const since = conditions.map((c) => c.lastTransitionTime).filter((t): t is string => t !== undefined).sort()[0];
  const names = ours.map((h) => h.name);
  const from = (h: HpaEvidence) => (h.managedBy ? `, from ${h.managedBy},` : '');

  let title: string;
  let fix: string;
  if (ours.length >= 2 && newer && older) {
    const which = datable ? `: ${newer.name}${from(newer)} is the newer (created ${formatAgo(newer.createdAt ?? '', ev.collectedAt)}; ${older.name} ${formatAgo(older.createdAt ?? '', ev.collectedAt)})` : '';
    title = `${ours.length === 2 ? 'Two' : ours.length} HPAs, ${names.join(' and ')}, target ${workload}, so the HPA controller scales it with neither (ScalingActive=False, AmbiguousSelector)${which}${starving}`;
    fix = datable
      ? `delete the newer HPA, ${newer.name} (\`${formatKubectl(ev.target, `delete hpa ${newer.name}`)}\`), unless it is the one to keep: with one HPA left, ${older.name} scales at once`
      : `delete all but one of ${names.join(', ')}: with one HPA left, it scales at once`;
  } else {
    const other = elsewhere.join(', ') || 'another HPA';
    title = `HPA ${first.name} cannot scale ${workload}: ${other} also claims its pods (ScalingActive=False, AmbiguousSelector), through another workload whose selector matches them${starving}`;
    fix = `make the selectors of ${ev.target.name} and the workload that ${other} scales match disjoint pods, or delete one of the HPAs`;
  }
  const decisive = conditions.find((c) => c.message)?.message;
  return [{
    id: `replica-fight/hpas/${[...names, ...elsewhere].join('+')}`,
    kind: 'replica-fight',
    title,
    layer: 'capacity',
    severity: 'warning',
    confidence: 'high',
    evidence: [
      ...ours.map((h) => `HPA ${h.name}: ${h.minReplicas}–${h.maxReplicas} replicas, ${h.currentReplicas} now${h.createdAt ? `, created ${formatAgo(h.createdAt, ev.collectedAt)}` : ''}${h.managedBy ? ` by ${h.managedBy}` : ''}; ScalingActive=False (AmbiguousSelector): ${ambiguity(h)?.message ?? ''}`),
      ...(slow.length > 0 ? [`${slow.length} probe failure event${slow.length === 1 ? '' : 's'} timing out in the last hour`] : []),
    ],
    ...(decisive ? { decisive } : {}),
    ...(since ? { onset: since } : {}),
    likelyCause:
      'More than one HPA scales the same pods. Rather than let them fight over the replica count, the HPA controller marks each ScalingActive=False with reason AmbiguousSelector and acts on none: the workload stays at its current count however high the load. ' +
      'The metrics and the replica bounds are not the problem; an HPA added where one already was (by a chart, a platform default, a copy of the manifests) is.',
    nextAction: `${capitalize(fix)}.${slow.length > 0 ? ` Meanwhile the replicas stay where they are: scale by hand if the load cannot wait (\`${formatKubectl(ev.target, `scale ${formatWorkloadRef(ev.target)} --replicas=N`)}\` — the bot will not).` : ''}`,
    fix,
    confirmCommands: [formatKubectl(ev.target, 'get hpa -o wide'), formatKubectl(ev.target, `describe hpa ${newer?.name ?? first.name}`)],
    // The whole workload is held at its count: every saturated pod is this.
    ...(slow.length > 0 ? { affected: { pods: ev.pods.map((p) => p.name) } } : {}),
  }];
}
