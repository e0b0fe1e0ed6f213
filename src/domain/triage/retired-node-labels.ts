/**
 * Well-known node labels Kubernetes deprecated for a GA name. Old nodes carry both; nodes built
 * lately (a new node group, image or provisioner) may carry only the GA one. A pod whose
 * nodeSelector or required node affinity still names the old key then matches only the old nodes,
 * and once those are cordoned and drained for the replacement it matches none: uncordoning the
 * last old node only delays it, the key must follow the nodes.
 */
import type { NodeEvidence, NodeRequirementEvidence, PlacementEvidence } from './evidence.js';
import { listFirst } from '../text.js';

/** Deprecated key → its GA replacement, and the release that deprecated it. */
const REPLACED: Record<string, { by: string; since: string }> = {
  'failure-domain.beta.kubernetes.io/zone': { by: 'topology.kubernetes.io/zone', since: '1.17' },
  'failure-domain.beta.kubernetes.io/region': { by: 'topology.kubernetes.io/region', since: '1.17' },
  'beta.kubernetes.io/instance-type': { by: 'node.kubernetes.io/instance-type', since: '1.17' },
  'beta.kubernetes.io/os': { by: 'kubernetes.io/os', since: '1.14' },
  'beta.kubernetes.io/arch': { by: 'kubernetes.io/arch', since: '1.14' },
};

/** A deprecated key the placement asks for, where it does (nodeSelector or affinity). */
export interface RetiredKey {
  key: string;
  replacement: string;
  since: string;
  where: 'nodeSelector' | 'affinity';
}

/** Operators that a node lacking the key cannot satisfy. */
function needsKey(r: NodeRequirementEvidence): boolean {
  return r.operator === 'In' || r.operator === 'Exists' || r.operator === 'Gt' || r.operator === 'Lt';
}

/**
 * The deprecated keys the placement requires that no node of `open` (the nodes that could take the
 * pods) carries, while some of them carries the replacement. Empty when none.
 */
export function findRetiredKeys(p: PlacementEvidence, open: readonly NodeEvidence[]): RetiredKey[] {
  const asked = [
    ...Object.keys(p.nodeSelector).map((key) => ({ key, where: 'nodeSelector' as const })),
    ...p.requiredNodeAffinity.flat().filter(needsKey).map((r) => ({ key: r.key, where: 'affinity' as const })),
  ];
  const seen = new Set<string>();
  return asked.flatMap(({ key, where }) => {
    const r = REPLACED[key];
    if (r === undefined || seen.has(key)) return [];
    seen.add(key);
    const lacking = open.every((n) => n.labels?.[key] === undefined) && open.some((n) => n.labels?.[r.by] !== undefined);
    return lacking ? [{ key, replacement: r.by, since: r.since, where }] : [];
  });
}

/** The placement with each retired key renamed to its replacement: what it would be after the fix. */
export function renameRetiredKeys(p: PlacementEvidence, keys: readonly RetiredKey[]): PlacementEvidence {
  const to = (k: string) => keys.find((r) => r.key === k)?.replacement ?? k;
  return {
    ...p,
    nodeSelector: Object.fromEntries(Object.entries(p.nodeSelector).map(([k, v]) => [to(k), v])),
    requiredNodeAffinity: p.requiredNodeAffinity.map((term) => term.map((r) => ({ ...r, key: to(r.key) }))),
  };
}

export interface RetiredKeyVerdict {
  why: string;
  decisive: string;
  fix: string;
  cause: string;
  evidence: string[];
  /** Absent when the template changed since the nodes did: a revision may have added the key. */
  outside?: string;
}

/**
 * Why the pods wait: `keys` name labels the nodes that could take them (`fit`, once renamed) no
 * longer carry; `carrying` the nodes still carrying them and why they take no pod; `added` how long
 * ago the fitting nodes came, when lately; `template` what the workload's own template says of its
 * age (it did not change when the nodes did).
 */
export function describeRetiredKeys(
  keys: readonly RetiredKey[],
  fit: readonly NodeEvidence[],
  carrying: readonly { name: string; state: string }[],
  added: string | undefined,
  template: { said: string; unchanged: boolean } | undefined,
): RetiredKeyVerdict {
  const [head] = keys as [RetiredKey, ...RetiredKey[]];
  const field = head.where === 'nodeSelector' ? 'nodeSelector' : 'required node affinity';
  const nodesNow = `the ${fit.length} schedulable node${fit.length === 1 ? '' : 's'}${added === undefined ? '' : ` (added ${added})`}`;
  const still = carrying.length > 0 ? `; only ${listFirst(carrying.map((n) => `${n.name} (${n.state})`), 2)} still ${carrying.length === 1 ? 'has' : 'have'} it` : '; no node carries it';
  const keyField = head.where === 'nodeSelector' ? 'nodeSelector key' : 'affinity key';
  const renames = keys.map((k) => `${k.key} to ${k.replacement}`).join(', ');
  const example = fit.slice(0, 1).map((n) => `${n.name}: ${head.replacement}=${n.labels?.[head.replacement] ?? ''}`);
  return {
    why: `${field} on ${head.key} (deprecated) matches no schedulable node: ${nodesNow} carr${fit.length === 1 ? 'ies' : 'y'} ${head.replacement} instead${still}`,
    decisive: `${field} on ${head.key} (deprecated)`,
    fix: `change the ${keyField} ${renames} in the workload's template (values unchanged), or drop it`,
    cause:
      `${keys.map((k) => `${k.key} was deprecated in Kubernetes ${k.since} for ${k.replacement}`).join('; ')}. ` +
      `Nodes built lately (a new node group or image) carry only the new label, so the pods' ${field} matches ${carrying.length > 0 ? 'only the old nodes, and with those cordoned or drained for the replacement, no node' : 'no node'}: the scheduler says the nodes "didn't match Pod's node affinity/selector". ` +
      `${carrying.length > 0 ? `The old node${carrying.length === 1 ? ' is' : 's are'} on the way out, not the way back: the key must follow the nodes. ` : ''}` +
      `${template === undefined ? '' : template.unchanged ? `${template.said}: the nodes changed, not the workload. ` : `${template.said}. `}Pods placed before keep running; every pod created since waits, of any revision.`,
    evidence: [
      `nodes without ${keys.map((k) => k.key).join(', ')}: ${listFirst(fit.map((n) => n.name), 3)}${example.length > 0 ? ` (${example[0] ?? ''})` : ''}`,
      ...(carrying.length > 0 ? [`nodes still carrying ${head.key}: ${listFirst(carrying.map((n) => `${n.name} (${n.state})`), 3)}`] : []),
    ],
    ...(template?.unchanged === true ? { outside: `the nodes no longer carry ${head.key}: new pods of any revision wait` } : {}),
  };
}
