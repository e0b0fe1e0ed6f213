/**
 * An env var the Downward API fills from one of the pod's own labels or annotations
 * (fieldRef metadata.labels['k'] or metadata.annotations['k']). The kubelet reads the key from
 * the pod's metadata and, when the pod does not carry it, sets the variable to an empty string:
 * no error, no event. Keys that describe the node (topology.kubernetes.io/zone,
 * kubernetes.io/hostname) are on the Node and are never copied onto its pods, so an app that
 * requires the value refuses to start on every pod of the template.
 */
import type { EnvVarEvidence, NodeEvidence, PodEvidence } from './evidence.js';
import type { ToldReading } from './told-reading.js';
import { listFirst, escapeRegExp } from '../text.js';

export interface AbsentDownwardKey {
  env: string;
  kind: 'label' | 'annotation';
  key: string;
  /** The fieldRef's fieldPath as written: metadata.labels['topology.kubernetes.io/zone']. */
  fieldPath: string;
  /** The pods that start without the key. */
  pods: string[];
  /** The key is a node's label: a well-known one, or one a node of the pods carries (with its value). */
  nodeLabel?: { node?: string; value?: string };
}

const FIELD = /^metadata\.(labels|annotations)\[['"]([^'"\]]+)['"]\]$/;

/** Label prefixes the kubelet, the cloud provider or a node provisioner put on Nodes, never on pods. */
const NODE_LABEL = /^(topology\.kubernetes\.io\/|failure-domain\.beta\.kubernetes\.io\/|node\.kubernetes\.io\/|node-role\.kubernetes\.io\/|beta\.kubernetes\.io\/|kubernetes\.io\/(hostname|os|arch)$|topology\.[\w.-]+\/|eks\.amazonaws\.com\/|karpenter\.sh\/|karpenter\.k8s\.aws\/|cloud\.google\.com\/gke-|kubernetes\.azure\.com\/)/;

/** Words (or an empty quoted value) by which a config check says a variable is empty or unset. */
const EMPTY = /\b(is empty|empty (value|string)|not set|unset|is missing|missing|is required|required but|must be (set|provided|specified|non-empty)|must not be empty|cannot be empty|is blank|no value)\b|(\bgot|\bwas|\bis|=|:)\s*(""|'')|\(\s*(""|'')\s*\)/i;

/**
 * The variable the deciding line says is empty or unset, when it comes from a label (or an
 * annotation) none of the failing pods carry. Annotations count only where the pods' evidence
 * says which of those keys they carry (PodEvidence.downwardAnnotations).
 */
export function findAbsentDownwardKey(env: readonly EnvVarEvidence[], pods: readonly PodEvidence[], nodes: readonly NodeEvidence[], decisive: string): AbsentDownwardKey | undefined {
  if (pods.length === 0) return undefined;
  for (const e of env) {
    if (!('ref' in e) || e.ref.kind !== 'field' || e.ref.name !== undefined || e.ref.key === undefined) continue;
    const m = FIELD.exec(e.ref.key.trim());
    if (m === null) continue;
    const kind = m[1] === 'labels' ? 'label' : 'annotation';
    const key = m[2] ?? '';
    if (!new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(e.name)}([^A-Za-z0-9_]|$)`).test(decisive) || !EMPTY.test(decisive)) continue;
    const absent = kind === 'label' ? pods.every((p) => p.labels[key] === undefined) : pods.every((p) => p.downwardAnnotations?.[key] === false);
    if (!absent) continue;
    const onNodes = new Set(pods.map((p) => p.nodeName));
    const holder = kind === 'label' ? nodes.find((n) => onNodes.has(n.name) && n.labels?.[key] !== undefined) : undefined;
    const nodeLabel = holder ? { node: holder.name, value: holder.labels?.[key] ?? '' } : kind === 'label' && NODE_LABEL.test(key) ? {} : undefined;
    return { env: e.name, kind, key, fieldPath: e.ref.key.trim(), pods: pods.map((p) => p.name), ...(nodeLabel ? { nodeLabel } : {}) };
  }
  return undefined;
}

/** The title clause, cause, action, fix and evidence of an env var emptied by a missing downward key. */
export function tellAbsentDownwardKey(found: AbsentDownwardKey): ToldReading & { evidence: string[] } {
  const { env, kind, key, fieldPath, nodeLabel } = found;
  const where = kind === 'label' ? 'spec.template.metadata.labels' : 'spec.template.metadata.annotations';
  const seen = nodeLabel?.node !== undefined ? ` (node ${nodeLabel.node} has ${key}=${nodeLabel.value ?? ''})` : '';
  const fix = nodeLabel
    ? `get ${env} from the node instead (the node's name through fieldRef spec.nodeName, then its ${key} label), or have an admission webhook copy the label onto the pods`
    : `add ${kind} ${key} to the pod template (${where}), or point ${env} at a key the pods carry`;
  return {
    title: `: ${env} is empty: it comes from fieldRef ${fieldPath}, ${nodeLabel ? 'a node label' : kind === 'label' ? 'a label' : 'an annotation'} the pods do not carry`,
    cause: `The kubelet fills ${env} through the Downward API from the pod's own ${kind} ${key}. The pods do not carry it, so the kubelet sets ${env} to an empty string, with no error and no event, and the app's config check refuses the empty value at every start.${nodeLabel ? ` ${key} is a label of the Node${seen}: scheduling never copies node labels onto pods, so no pod of this template will ever have it.` : ''} Restarting the pods will not help.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; every new pod of this template starts with ${env} empty until then.`,
    fix,
    evidence: [
      `env ${env} = fieldRef ${fieldPath}; pods ${listFirst(found.pods, 3)} carry no ${kind} ${key}, so the kubelet sets ${env}=""`,
      ...(nodeLabel?.node !== undefined ? [`node ${nodeLabel.node} carries ${key}=${nodeLabel.value ?? ''}: it is a node label`] : []),
    ],
  };
}
