/**
 * The rolling update that cannot take a step: the pods keep apart by required anti-affinity (one
 * per node on kubernetes.io/hostname), every topology domain of the nodes they may use already
 * holds an old pod of the same Deployment, and maxUnavailable resolves to 0. The controller
 * removes no old pod before the surge pod is available, and the surge pod fits in no domain until
 * an old pod is removed: the rollout waits for ever (ProgressDeadlineExceeded) while the old pods
 * serve. Any revision waits the same way, so a rollback only abandons the change; what ends it is
 * letting one old pod go first (maxUnavailable 1, maxSurge 0) or a free domain in the pool.
 */
import type { NodeEvidence, PodAffinityTermEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { listPodEvents } from '../evidence-lookup.js';
import type { PendingExplanation } from '../pending-explanation.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { describeAffinityTerm, termNamespaces } from '../pod-affinity.js';
import { sortRevisions } from '../revision-diff.js';
import type { SchedulingReason } from '../scheduling-message.js';
import { listFirst } from '../../text.js';
import { isSchedulable, matchesPlacement, meetsRequirement, untoleratedTaints } from './placement.js';
import { domainWord } from './spread-min-domains.js';

/** A RollingUpdate int-or-percent against the replicas: maxSurge rounds up, maxUnavailable down, as the controller does. */
function resolve(value: string, replicas: number, up: boolean): number | undefined {
  const pct = /^(\d+)%$/.exec(value.trim())?.[1];
  if (pct !== undefined) return (up ? Math.ceil : Math.floor)((Number(pct) * replicas) / 100);
  return /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

/** "25% (0 of 3)" for a percentage, "0" for a count. */
function describeSetting(value: string, resolved: number, replicas: number): string {
  return value.includes('%') ? `${value} (${resolved} of ${replicas})` : value;
}

function termSelects(term: PodAffinityTermEvidence, labels: Record<string, string>): boolean {
  return Object.entries(term.matchLabels).every(([k, v]) => labels[k] === v) && term.matchExpressions.every((r) => meetsRequirement(labels, r));
}

/** The term keeps the pod away from its own kind: it selects the pod's labels in the pod's namespace. */
function keepsApartFromItself(term: PodAffinityTermEvidence, pod: PodEvidence, namespace: string): boolean {
  const inOwn = termNamespaces(term, namespace)?.includes(namespace) ?? term.namespaceSelector === '';
  return inOwn && termSelects(term, pod.labels);
}

/** Pods still holding their place: not ended, not being deleted (a deleted one frees its domain soon). */
function holdsPlace(p: PodEvidence): boolean {
  return p.nodeName !== undefined && p.deletionTimestamp === undefined && p.phase !== 'Succeeded' && p.phase !== 'Failed';
}

/** Each domain of the key over the usable nodes, with the old pods in it; undefined when a node lacks the key (the term does not bind there). */
function holdersByDomain(nodes: readonly NodeEvidence[], key: string, old: readonly PodEvidence[]): Map<string, PodEvidence[]> | undefined {
  const byDomain = new Map<string, PodEvidence[]>();
  for (const n of nodes) {
    const d = n.labels?.[key];
    if (d === undefined) return undefined;
    byDomain.set(d, [...(byDomain.get(d) ?? []), ...old.filter((p) => p.nodeName === n.name)]);
  }
  return byDomain;
}

/**
 * The deadlock, when the scheduler refuses the newest revision's pod for anti-affinity, maxUnavailable
 * resolves to 0, and every domain of the nodes the pod may use (placement, taints, schedulable) holds
 * an old pod of this workload that the term selects. Undefined when the cluster's nodes were not read,
 * when an old pod waits too (the pool is short for the replicas themselves), or when anything else
 * fills a domain.
 */
export function explainSurgeDeadlock(ev: TriageEvidence, pending: readonly PodEvidence[], reasons: readonly SchedulingReason[]): PendingExplanation | undefined {
  const w = ev.workload;
  const settings = w?.rolloutSettings;
  if (w?.kind !== 'Deployment' || settings?.strategy !== 'RollingUpdate') return undefined;
  if (!reasons.some((r) => r.category === 'pod-affinity' && /anti-affinity/i.test(r.text))) return undefined;
  const replicas = w.specReplicas;
  // The API server defaults both to 25%; both resolving to 0 makes the controller use maxUnavailable 1.
  const [surgeText, unavailableText] = [settings.maxSurge ?? '25%', settings.maxUnavailable ?? '25%'];
  const surge = resolve(surgeText, replicas, true);
  const unavailable = resolve(unavailableText, replicas, false);
  if (surge === undefined || surge === 0 || unavailable !== 0) return undefined;

  const [newest, previous] = sortRevisions(ev.revisions);
  const surgePod = newest === undefined ? undefined : pending.find((p) => p.revisionHash === newest.hash && p.placement !== undefined);
  const placement = surgePod?.placement;
  if (newest === undefined || surgePod === undefined || placement === undefined) return undefined;
  const term = (placement.requiredPodAntiAffinity ?? []).find((t) => keepsApartFromItself(t, surgePod, ev.target.namespace));
  if (term === undefined) return undefined;
  const usable = (ev.clusterNodes ?? []).filter((n) => isSchedulable(n) && matchesPlacement(n, placement) && untoleratedTaints(n, placement).length === 0);
  if (usable.length === 0) return undefined;
  const old = ev.pods.filter((p) => p.revisionHash !== undefined && p.revisionHash !== newest.hash && termSelects(term, p.labels));
  if (old.some((p) => p.nodeName === undefined)) return undefined;
  const domains = holdersByDomain(usable, term.topologyKey, old.filter(holdsPlace));
  if (domains === undefined || [...domains.values()].some((held) => held.length === 0)) return undefined;

  const d = domains.size;
  const words = domainWord(term.topologyKey, d);
  const word = domainWord(term.topologyKey, 1);
  const strategy = `maxSurge ${describeSetting(surgeText, surge, replicas)}, maxUnavailable ${describeSetting(unavailableText, unavailable, replicas)}`;
  const all = d === 1 ? `the one ${word} the pods may use holds an old pod` : `all ${d} ${words} the pods may use hold an old pod`;
  const ref = formatWorkloadRef(ev.target);
  const revOld = previous === undefined ? 'an older revision' : `revision ${previous.revision}`;
  const held = [...domains.entries()].map(([domain, pods]) => `${domain}: ${pods.map((p) => p.name).join(', ')}`);
  const maxed = listPodEvents(ev, ['NotTriggerScaleUp'], pending.map((p) => p.name)).some((e) => /max node group size reached/i.test(e.message));
  const grow = maxed ? ` (the cluster autoscaler will not: max node group size reached, so raise the node group's maximum)` : '';
  return {
    detail: `rollout deadlock: ${strategy} with required anti-affinity on ${term.topologyKey}; ${all} (${replicas} replicas)`,
    evidence: [
      `spec.strategy: RollingUpdate, ${strategy} for ${replicas} replicas: no old pod is removed before the surge pod of revision ${newest.revision} is available`,
      `required pod anti-affinity ${describeAffinityTerm(term)}: at most one of these pods per ${word}`,
      `${d} ${words} the pods may use (nodeSelector/affinity, taints), each holding a pod of ${revOld}: ${listFirst(held, 4)}`,
    ],
    cause: `A rolling update that cannot take a step. The pods' required anti-affinity allows one of them per ${word} (${term.topologyKey}), and each of the ${d} ${words} their nodeSelector/affinity admits already holds an old pod of ${w.name}. With maxUnavailable ${describeSetting(unavailableText, unavailable, replicas)} the Deployment controller removes no old pod until the surge pod of revision ${newest.revision} is available, and that pod fits on no ${word} until an old pod is gone: the rollout waits for ever (ProgressDeadlineExceeded) while the old pods go on serving. Neither CPU nor memory nor the new revision is at fault: every rollout of ${w.name} waits the same way.`,
    action: `Set maxUnavailable 1 and maxSurge 0 in the rolling update of ${ref} (each step stops one old pod first and its ${word} takes the new one: one replica fewer during the step), or add a ${word} to those the pods may use${grow}. A rollback only abandons revision ${newest.revision}; the next rollout waits the same way.`,
    fix: `set maxUnavailable 1 and maxSurge 0 on ${ref} (or add a ${word} to the pool${maxed ? ', raising its node group maximum' : ''})`,
    outsideWorkload: `any revision's surge pod waits the same way (maxUnavailable ${unavailable}, an old pod on each usable ${word})`,
    confirm: [
      formatKubectl(ev.target, `get ${ref} -o jsonpath='{.spec.strategy}'`),
      formatKubectl(ev.target, `get pods -l ${Object.entries(w.selector).map(([k, v]) => `${k}=${v}`).join(',')} -o wide`),
    ],
  };
}
