import type { AffinityNearPodEvidence, AffinityTermPeersEvidence, TriageEvidence } from '../evidence.js';
import { formatKubectl } from '../kubectl-command.js';
import { describeAffinityTerm, describeTermSelector } from '../pod-affinity.js';
import { formatAgo } from '../time-span.js';
import { capitalize, joinAnd, listFirst } from '../../text.js';

/** Why a pod's required pod affinity holds on no node, and what lets it in. */
export interface AffinityExplanation {
  /** Said after the scheduler's reasons in the title. */
  detail: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
  confirm: string[];
  /** Never set: a revision may have changed the affinity, so the rollout is cleared by its diff (mechanism-diff.ts), not here. */
  outsideWorkload?: undefined;
}

/** Each required pod affinity term checked, as evidence: what it selects and which pods it found. */
export function stateAffinityTerms(ev: TriageEvidence): string[] {
  return (ev.affinityPeers ?? []).map((t) => {
    const term = `required pod affinity ${describeAffinityTerm(t.term)}`;
    if (t.unchecked !== undefined) return `${term}: not checked against pods (${t.unchecked})`;
    const found = t.matching ?? [];
    if (found.length === 0) return `${term}: no pod in ${joinAnd(t.namespaces)} carries ${describeTermSelector(t.term)}`;
    return `${term}: matches ${listFirst(found.map((p) => `${p.name} (on ${p.node ?? '?'})`), 3)}`;
  });
}

function describeOwner(p: AffinityNearPodEvidence, now: string): string | undefined {
  const o = p.owner;
  if (o === undefined) return undefined;
  const facts = [o.createdAt !== undefined ? `created ${formatAgo(o.createdAt, now)}` : undefined, o.chart !== undefined ? `chart ${o.chart}` : undefined].filter((x): x is string => x !== undefined);
  return `${o.kind} ${o.name}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`;
}

/** The pods that come close, one line per controller: their names, the labels, the controller's age and chart. */
function describeNearPods(near: readonly AffinityNearPodEvidence[], now: string): string[] {
  const groups = new Map<string, AffinityNearPodEvidence[]>();
  for (const p of near) groups.set(describeOwner(p, now) ?? '', [...(groups.get(describeOwner(p, now) ?? '') ?? []), p]);
  return [...groups].map(([owner, pods]) => {
    const created = pods[0]?.createdAt;
    const names = `pod${pods.length === 1 ? '' : 's'} ${joinAnd(pods.map((p) => p.name))}`;
    return `${names}${owner ? ` of ${owner}` : created !== undefined ? ` (created ${formatAgo(created, now)})` : ''} carr${pods.length === 1 ? 'ies' : 'y'} ${joinAnd([...new Set(pods.flatMap((p) => p.nearLabels))])}`;
  });
}

/**
 * A required pod affinity term that matches no pod holds on no node: the scheduler refuses every
 * node ("didn't match pod affinity rules") however much room it has, and more nodes change nothing.
 * The pods already running were placed before the labels changed and stay (IgnoredDuringExecution).
 * Pods whose labels come close (the same value under another key) are the ones it meant: their
 * controller's age says when the labels changed. Undefined when every checked term matches a pod.
 */
export function explainAffinityNoPeers(ev: TriageEvidence): AffinityExplanation | undefined {
  const empty: AffinityTermPeersEvidence | undefined = (ev.affinityPeers ?? []).find((t) => t.unchecked === undefined && (t.matching ?? []).length === 0);
  if (empty === undefined) return undefined;
  const wanted = describeTermSelector(empty.term);
  const where = joinAnd(empty.namespaces);
  const near = empty.near ?? [];
  const labels = [...new Set(near.flatMap((p) => p.nearLabels))];
  const now = ev.collectedAt;
  const owners = [...new Set(near.flatMap((p) => { const o = describeOwner(p, now); return o === undefined ? [] : [o]; }))];
  const carriers = owners.length > 0 ? `pods of ${joinAnd(owners)}` : `pods ${listFirst(near.map((p) => p.name), 3)}`;
  const label = labels[0];
  const detail = label === undefined
    ? `required pod affinity to ${wanted} matches no pod in ${where}`
    : `required pod affinity to ${wanted} matches no pod in ${where}; ${carriers} carry ${label} instead`;
  const topology = `topologyKey ${empty.term.topologyKey}`;
  const relabelled = label === undefined
    ? `No pod carries it any more: the pods it is meant to join were removed, renamed or relabelled.`
    : `${capitalize(carriers)} carry ${label}, not ${wanted}: the pods it means were re-created with other labels (as a chart upgrade to the app.kubernetes.io labels does).`;
  return {
    detail,
    // stateAffinityTerms says the term matched nothing; these are the pods it likely meant, by controller.
    evidence: describeNearPods(near, now),
    cause: `The required pod affinity (${wanted}, ${topology}) admits only nodes already running a pod it selects, and no pod in ${where} carries ${wanted}: every node is refused, whatever room it has. ${relabelled} Pods placed before keep running (IgnoredDuringExecution); every new pod, of any revision, waits.`,
    action: label === undefined
      ? `Point the pod affinity at the labels the pods it means carry now (\`kubectl get pods --show-labels\`), or make it preferred; the pending pods then schedule by themselves.`
      : `Point the pod affinity's selector at ${label} (the label those pods carry now), or put ${wanted} back on them; the pending pods then schedule by themselves.`,
    fix: label === undefined ? `point the pod affinity at the labels the pods it means carry now` : `point the pod affinity at ${label} instead of ${wanted}`,
    confirm: [
      formatKubectl(ev.target, `get pods -l ${wanted.replace(/, /g, ',')}`),
      ...(label !== undefined ? [formatKubectl(ev.target, `get pods -l ${label} --show-labels`)] : []),
    ],
  };
}
