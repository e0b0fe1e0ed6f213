/**
 * Required pod affinity, read the scheduler's way: a term holds on a node only when some pod its
 * selector matches (in the namespaces it names) already runs in the node's topology domain. A term
 * that matches no pod at all holds nowhere, whatever the nodes offer ("didn't match pod affinity
 * rules" on every node): the pods it meant to join were relabelled, renamed or removed.
 */
import type { EventEvidence, NodeRequirementEvidence, PodAffinityTermEvidence, PodEvidence } from './evidence.js';
import { isSimilarName } from './service-match.js';

/** The scheduler's words when a pod's required pod affinity (not anti-affinity) holds on no node. */
export const POD_AFFINITY_REFUSAL = /didn't match pod affinity rules/i;

/** Terms checked against the API at most, per triage. */
export const MAX_AFFINITY_TERMS = 2;

function describeExpression(r: NodeRequirementEvidence): string {
  if (r.operator === 'In' && r.values.length === 1) return `${r.key}=${r.values[0] ?? ''}`;
  if (r.operator === 'In' || r.operator === 'NotIn') return `${r.key} ${r.operator === 'In' ? 'in' : 'notin'} (${r.values.join(',')})`;
  return r.operator === 'Exists' ? `${r.key} exists` : `${r.key} does not exist`;
}

/** The term's selector as a person writes it: `app=suggest-cache`, `tier in (cache,db)`. */
export function describeTermSelector(term: PodAffinityTermEvidence): string {
  const parts = [...Object.entries(term.matchLabels).map(([k, v]) => `${k}=${v}`), ...term.matchExpressions.map(describeExpression)];
  return parts.length === 0 ? '(every pod)' : parts.join(', ');
}

/** The term as the revision diff lists it: selector @ topology key, and its namespaces when set. */
export function describeAffinityTerm(term: PodAffinityTermEvidence): string {
  const ns = term.namespaces !== undefined ? ` in ${term.namespaces.join(',')}` : '';
  const nsSel = term.namespaceSelector !== undefined ? ` in namespaces ${term.namespaceSelector === '' ? '(all)' : term.namespaceSelector}` : '';
  return `${describeTermSelector(term)} @${term.topologyKey}${ns}${nsSel}`;
}

/** The term's selector as a `labelSelector` query for the API server. */
export function formatTermQuery(term: PodAffinityTermEvidence): string {
  const parts = [...Object.entries(term.matchLabels).map(([k, v]) => `${k}=${v}`)];
  for (const e of term.matchExpressions) {
    if (e.operator === 'In') parts.push(`${e.key} in (${e.values.join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${e.values.join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

/**
 * Where a term looks for pods: its namespaces, else the pod's own; undefined when a
 * namespaceSelector decides it (the namespaces' labels are not read).
 */
export function termNamespaces(term: PodAffinityTermEvidence, own: string): string[] | undefined {
  if (term.namespaceSelector !== undefined) return undefined;
  return term.namespaces ?? [own];
}

/**
 * The required pod affinity terms of pending pods the scheduler refuses for pod affinity (its
 * FailedScheduling event or PodScheduled condition), at most MAX_AFFINITY_TERMS, deduplicated.
 */
export function pickAffinityTerms(pods: readonly PodEvidence[], events: readonly EventEvidence[]): PodAffinityTermEvidence[] {
  const refused = pods.filter((p) => {
    if (p.phase !== 'Pending' || p.nodeName !== undefined || (p.placement?.requiredPodAffinity ?? []).length === 0) return false;
    const said = [
      ...p.conditions.filter((c) => c.type === 'PodScheduled').map((c) => c.message ?? ''),
      ...events.filter((e) => e.reason === 'FailedScheduling' && e.object.kind === 'Pod' && e.object.name === p.name).map((e) => e.message),
    ];
    return said.some((m) => POD_AFFINITY_REFUSAL.test(m));
  });
  const seen = new Map<string, PodAffinityTermEvidence>();
  for (const t of refused.flatMap((p) => p.placement?.requiredPodAffinity ?? [])) seen.set(JSON.stringify(t), t);
  return [...seen.values()].slice(0, MAX_AFFINITY_TERMS);
}

/** The values a term asks for, by key: matchLabels and single-valued In expressions. */
function wantedLabels(term: PodAffinityTermEvidence): [string, string][] {
  return [
    ...Object.entries(term.matchLabels),
    ...term.matchExpressions.filter((e) => e.operator === 'In').flatMap((e) => e.values.map((v): [string, string] => [e.key, v])),
  ];
}

/** The last segment of a label key: `name` of app.kubernetes.io/name. */
const bareKey = (k: string): string => k.replace(/^.*\//, '');

/**
 * Labels of a pod close to what the term selects, though the term does not match it: the same
 * value under another key (app.kubernetes.io/name=suggest-cache for app=suggest-cache, what a chart
 * that moved to the recommended labels does), or the same key with a similar value (a renamed app).
 * Keys naming an app (name, app, instance) come first. Heuristic: isSimilarName's edit distance ≤ 2
 * or shared prefix, and a value of at least 3 characters (short values like "1" match too much).
 */
export function findNearLabels(term: PodAffinityTermEvidence, labels: Record<string, string>): string[] {
  const near = new Set<string>();
  for (const [key, value] of wantedLabels(term)) {
    if (labels[key] === value) continue;
    for (const [k, v] of Object.entries(labels)) {
      if (k === 'pod-template-hash' || k === 'controller-revision-hash' || k === 'statefulset.kubernetes.io/pod-name') continue;
      if (k !== key && v === value && value.length >= 3) near.add(`${k}=${v}`);
      else if (k === key && v !== value && value.length >= 3 && isSimilarName(v, value)) near.add(`${k}=${v}`);
    }
  }
  const rank = (l: string): number => (/^(name|app)$/.test(bareKey(l.split('=')[0] ?? '')) ? 0 : bareKey(l.split('=')[0] ?? '') === 'instance' ? 1 : 2);
  return [...near].sort((a, b) => rank(a) - rank(b));
}
