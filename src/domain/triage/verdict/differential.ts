/**
 * Differential diagnosis: what do the failing pods have in common that the healthy ones do not?
 * Compares them along revision, node, node pool, architecture, zone, image and the image's digest
 * (the build a tag resolved to when each pod pulled it), and also says
 * which attributes failing pods share with healthy ones — the evidence that exonerates a
 * suspect ("revision 31 runs fine on the other nodes: not the rollout").
 */
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { findNode } from '../evidence-lookup.js';
import { nodePoolOf } from '../node-pool.js';
import { isPodFailing, isPodHealthy, unique } from '../pod-status.js';

export type Attribute = 'revision' | 'node' | 'node pool' | 'architecture' | 'kernel' | 'os image' | 'zone' | 'image' | 'image digest';

/** Most telling first: a revision explains a change, a node a machine, the rest a group of machines. */
const ATTRIBUTES: readonly Attribute[] = ['revision', 'node', 'node pool', 'architecture', 'kernel', 'os image', 'zone', 'image', 'image digest'];

/** Attributes a group of machines shares: the ones that explain a failure on several nodes, or on one. */
export const MACHINE_GROUPS: readonly Attribute[] = ['node pool', 'architecture', 'kernel', 'os image', 'zone'];


export interface Split {
  attribute: Attribute;
  failing: string[];
  healthy: string[];
}

export interface Differential {
  failing: PodEvidence[];
  healthy: PodEvidence[];
  /** Attributes whose values never overlap between failing and healthy pods, most telling first. */
  separating: Split[];
  /** Attributes whose failing values also occur on healthy pods: not what breaks them. */
  shared: { attribute: Attribute; values: string[] }[];
}

/** The content address in a container's imageID (`docker-pullable://repo@sha256:…` → `sha256:…`). */
export function digestOf(imageID: string): string {
  return /sha256:[0-9a-f]{12,}/.exec(imageID)?.[0] ?? imageID;
}

/** The value of one attribute for one pod; undefined when the evidence does not say. */
export function attributeOf(ev: TriageEvidence, pod: PodEvidence, attribute: Attribute): string | undefined {
  const node = findNode(ev, pod.nodeName);
  switch (attribute) {
    case 'revision': {
      const rev = ev.revisions.find((r) => r.hash === pod.revisionHash);
      return rev ? `revision ${rev.revision}` : undefined;
    }
    case 'node':
      return pod.nodeName;
    case 'node pool':
      return nodePoolOf(node);
    case 'architecture':
      return node?.labels?.['kubernetes.io/arch'];
    case 'kernel':
      return node?.kernelVersion;
    case 'os image':
      return node?.osImage;
    case 'zone':
      return node?.labels?.['topology.kubernetes.io/zone'];
    case 'image':
      return pod.containers.map((c) => c.image).join(' ');
    case 'image digest':
      // A container not pulled yet has no digest: the pod says nothing about which build it runs.
      return pod.containers.every((c) => c.imageID !== undefined) ? pod.containers.map((c) => digestOf(c.imageID ?? '')).join(' ') : undefined;
  }
}

/** Failing against healthy pods of the workload (pods being deleted or starting are neither). */
export function compareFailingHealthy(ev: TriageEvidence, failing: readonly PodEvidence[] = ev.pods.filter((p) => isPodFailing(p, ev.collectedAt))): Differential {
  // A pod named failing (killed an hour ago, up again since) is not also a healthy one.
  const healthy = ev.pods.filter((p) => isPodHealthy(p, ev.collectedAt) && !failing.some((f) => f.name === p.name));
  const separating: Split[] = [];
  const shared: Differential['shared'] = [];
  if (failing.length > 0 && healthy.length > 0) {
    for (const attribute of ATTRIBUTES) {
      const f = failing.map((p) => attributeOf(ev, p, attribute));
      const h = healthy.map((p) => attributeOf(ev, p, attribute));
      // An attribute only counts when every pod has a value: a gap would fake a separation.
      if (f.some((v) => v === undefined) || h.some((v) => v === undefined)) continue;
      const fv = unique(f as string[]);
      const hv = unique(h as string[]);
      const overlap = fv.filter((v) => hv.includes(v));
      if (overlap.length === 0) separating.push({ attribute, failing: fv, healthy: hv });
      else shared.push({ attribute, values: overlap });
    }
  }
  return { failing: [...failing], healthy, separating, shared };
}

/**
 * The separation to name in a verdict: a revision first; else another build of the same image
 * reference (its digest); else one node; else what several failing
 * nodes share (a pool, an architecture, a zone). One failing pod, or one healthy pod, separates
 * along every attribute by chance, so it names nothing.
 */
export function pickSeparation(d: Differential): Split | undefined {
  // Pods of one image reference running another build are no coincidence, even one of them.
  const build = d.separating.find((s) => s.attribute === 'image digest');
  if (build && !d.separating.some((s) => s.attribute === 'revision' || s.attribute === 'image') && d.failing.length + d.healthy.length >= 3) return build;
  const group = d.separating.find((s) => MACHINE_GROUPS.includes(s.attribute));
  // One failing pod separates along every attribute by chance — unless it is the only one of a
  // group of machines that several healthy pods do not share (a new node pool, kernel, image).
  if (d.failing.length === 1) return d.healthy.length >= 3 && group && group.attribute !== 'zone' ? group : undefined;
  if (d.failing.length < 2 || d.healthy.length < 2) return undefined;
  const byRevision = d.separating.find((s) => s.attribute === 'revision');
  if (byRevision) return byRevision;
  const node = d.separating.find((s) => s.attribute === 'node');
  if (node && node.failing.length === 1) return node;
  if (group) return group;
  return node && node.failing.length <= 2 ? node : undefined;
}
