/**
 * What the failing pods' nodes share that the healthy pods' nodes lack: their age (new nodes of a
 * rotation), a node-image label (an AMI), the kubelet or runtime version. Two node names tell the
 * engineer where; "new nodes on AMI v20261118" tells them why there.
 */
import type { NodeEvidence, TriageEvidence } from '../evidence.js';
import { findNode } from '../evidence-lookup.js';
import { isPoolLabel, nodePoolOf } from '../node-pool.js';
import { formatAgo, msBetween, HOUR_MS } from '../time-span.js';
import { unique } from '../pod-status.js';
import type { Attribute, Differential } from './differential.js';

/** Failing nodes younger than every healthy one, and at most this old, are "new nodes". */
const NEW_NODE_MS = 7 * 24 * HOUR_MS;

/** Labels that are already attributes of the differential, or name one machine. */
const SKIP_LABELS = new Set(['topology.kubernetes.io/zone', 'kubernetes.io/arch', 'kubernetes.io/hostname', 'topology.kubernetes.io/region']);

function nodesOf(ev: TriageEvidence, pods: Differential['failing']): NodeEvidence[] | undefined {
  const names = unique(pods.flatMap((p) => (p.nodeName ? [p.nodeName] : [])));
  const nodes = names.map((n) => findNode(ev, n));
  if (nodes.length === 0 || nodes.some((n) => n === undefined)) return undefined;
  return nodes as NodeEvidence[];
}

/** One value the failing nodes all share, none of the healthy nodes has; with the healthy values. */
function splitBy(failing: readonly NodeEvidence[], healthy: readonly NodeEvidence[], get: (n: NodeEvidence) => string | undefined): { failing: string; healthy: string[] } | undefined {
  const f = unique(failing.map(get).filter((v): v is string => v !== undefined));
  const h = unique(healthy.map(get).filter((v): v is string => v !== undefined));
  if (f.length !== 1 || failing.some((n) => get(n) === undefined) || healthy.some((n) => get(n) === undefined)) return undefined;
  const [value] = f;
  return value !== undefined && !h.includes(value) ? { failing: value, healthy: h } : undefined;
}

/** "new nodes (created 39m ago)", "acme.io/ami acme-…-v20261118 (healthy nodes: acme-…-v20261002)"; empty when nothing tells them apart. */
export function describeNodeTraits(ev: TriageEvidence, d: Differential, already: Attribute): string[] {
  const failing = nodesOf(ev, d.failing);
  const healthy = nodesOf(ev, d.healthy);
  if (failing === undefined || healthy === undefined || healthy.some((h) => failing.some((f) => f.name === h.name))) return [];
  const traits: string[] = [];
  const created = failing.map((n) => n.createdAt);
  const healthyCreated = healthy.map((n) => n.createdAt);
  if (created.every((c) => c !== undefined) && healthyCreated.every((c) => c !== undefined)) {
    const oldestFailing = (created as string[]).reduce((a, b) => (msBetween(a, b) < 0 ? b : a));
    const newestHealthy = (healthyCreated as string[]).reduce((a, b) => (msBetween(a, b) > 0 ? b : a));
    const age = msBetween(oldestFailing, ev.collectedAt);
    if (msBetween(newestHealthy, oldestFailing) > 0 && age <= NEW_NODE_MS) traits.push(`new node${failing.length === 1 ? '' : 's'} (created ${formatAgo(oldestFailing, ev.collectedAt)}; the healthy pods' nodes are older)`);
  }
  // A pool is said as one ("node pool …"), whichever provider's label names it; a new pool is often the change.
  const pool = already === 'node pool' ? undefined : splitBy(failing, healthy, nodePoolOf);
  if (pool) traits.push(`node pool ${pool.failing} (healthy nodes: ${pool.healthy.join(', ')})`);
  const keys = unique(failing.flatMap((n) => Object.keys(n.labels ?? {}))).filter((k) => !SKIP_LABELS.has(k) && !isPoolLabel(k)).sort();
  for (const key of keys) {
    const s = splitBy(failing, healthy, (n) => n.labels?.[key]);
    if (s && !(already === 'node pool' && /nodegroup$|nodepool$|agentpool$|pool$/.test(key))) traits.push(`${key} ${s.failing} (healthy nodes: ${s.healthy.join(', ')})`);
  }
  const versions: [Attribute | 'kubelet' | 'runtime', (n: NodeEvidence) => string | undefined][] = [
    ['os image', (n) => n.osImage],
    ['kubelet', (n) => n.kubeletVersion],
    ['runtime', (n) => n.containerRuntime],
  ];
  let runtime: string | undefined;
  for (const [name, get] of versions) {
    if (name === already) continue;
    const s = splitBy(failing, healthy, get);
    if (!s) continue;
    const text = `${name} ${s.failing} (healthy nodes: ${s.healthy.join(', ')})`;
    traits.push(text);
    if (name === 'runtime') runtime = text;
  }
  // A container runtime of another version sets other defaults for every container (ulimits, cgroup
  // handling): it is kept even past the cap, where the other traits only say where.
  const kept = traits.slice(0, 3);
  return runtime !== undefined && !kept.includes(runtime) ? [...kept, runtime] : kept;
}
