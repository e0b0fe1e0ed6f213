/**
 * A Downward API variable from limits.cpu or limits.memory (resourceFieldRef) of a container that
 * sets no such limit. The kubelet then gives it the node's allocatable instead, so the value — a
 * worker count, a pool, a heap — follows the machine the pod lands on: 48 on a 48-core node, 8 on
 * an 8-core one. A revision that removed the limit (to avoid CPU throttling, say) while the
 * variable still reads it changes every pod's sizing, most on the biggest nodes.
 */
import type { ContainerSpecEvidence, EnvVarEvidence, PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { findNode } from './evidence-lookup.js';
import { unique } from './pod-status.js';
import { parseQuantity } from './quantity.js';
import { listStepsBack } from './revision-diff.js';

export interface UnsetLimitVar {
  /** The variable: CELERY_CONCURRENCY. */
  env: string;
  /** limits.cpu */
  key: string;
  /** cpu, memory */
  resource: string;
  /** The container whose limit it reads (and lacks). */
  container: string;
  /** The value the failing pods' nodes give it, largest first; and the healthy pods' nodes. */
  failing: number[];
  healthy: number[];
  /** The revision the pods run that removed the limit, and the limit before it. */
  removedBy?: { revision: RevisionEvidence; previous: RevisionEvidence; was: string };
}

type RefVar = Extract<EnvVarEvidence, { ref: unknown }>;

/** The env entries of `c` that read a limit (of `c` or a named container) through the Downward API. */
function listLimitRefs(c: { name: string; env?: EnvVarEvidence[] }): RefVar[] {
  return (c.env ?? []).filter((e): e is RefVar => 'ref' in e && e.ref.kind === 'resource' && /^limits\.(cpu|memory)$/.test(e.ref.key ?? ''));
}

/** The container a resourceFieldRef names; its own when it names none. */
function refContainer(e: RefVar, own: string): string {
  return e.ref.name !== undefined && e.ref.name !== '' ? e.ref.name : own;
}

/** What the kubelet sets for a limit the container lacks: the node's allocatable over the divisor, rounded up. */
function valueOn(ev: TriageEvidence, p: PodEvidence, resource: string, divisor: string | undefined): number | undefined {
  const node = p.nodeName === undefined ? undefined : findNode(ev, p.nodeName);
  const amount = parseQuantity(node?.allocatable[resource]);
  const by = parseQuantity(divisor ?? '1');
  if (amount === undefined || by === undefined || by <= 0) return undefined;
  return Math.ceil(amount / by - 1e-9);
}

/**
 * The newest revision (down from the one the pods run) that removed the limit: the limit before it.
 * Undefined when the pods' revision is unknown or the limit was never set in the history kept.
 */
function findRemoval(ev: TriageEvidence, pods: readonly PodEvidence[], container: string, resource: string): UnsetLimitVar['removedBy'] {
  for (const [newer, older] of listStepsBack(ev.revisions, pods)) {
    const was = older.containers.find((c) => c.name === container)?.resources.limits[resource];
    if (newer.containers.find((c) => c.name === container)?.resources.limits[resource] !== undefined) return undefined;
    if (was !== undefined) return { revision: newer, previous: older, was };
  }
  return undefined;
}

/**
 * A variable of container `spec` that reads a limit its container does not set, with the values
 * the failing and healthy pods' nodes give it; undefined when there is none, or when the nodes are
 * unknown.
 */
export function findUnsetLimitVar(ev: TriageEvidence, spec: ContainerSpecEvidence, failing: readonly PodEvidence[], healthy: readonly PodEvidence[]): UnsetLimitVar | undefined {
  for (const e of listLimitRefs(spec)) {
    const key = e.ref.key ?? '';
    const resource = key.replace(/^limits\./, '');
    const container = refContainer(e, spec.name);
    const target = container === spec.name ? spec : failing[0]?.containers.find((c) => c.name === container);
    if (target === undefined || target.resources.limits[resource] !== undefined) continue;
    const values = (pods: readonly PodEvidence[]) => pods.map((p) => valueOn(ev, p, resource, e.ref.divisor));
    const [f, h] = [values(failing), values(healthy)];
    if (f.length === 0 || f.some((v) => v === undefined) || h.some((v) => v === undefined)) continue;
    const removedBy = findRemoval(ev, failing, container, resource);
    const sortDown = (xs: (number | undefined)[]) => unique(xs as number[]).sort((a, b) => b - a);
    return { env: e.name, key, resource, container, failing: sortDown(f), healthy: sortDown(h), ...(removedBy ? { removedBy } : {}) };
  }
  return undefined;
}

/** The revision removed a limit that a variable of the same container still reads through the Downward API. */
export function findDownwardLimitRemoval(previous: RevisionEvidence, newest: RevisionEvidence): { container: string; env: string; key: string; was: string } | undefined {
  for (const c of newest.containers) {
    for (const e of listLimitRefs(c)) {
      const key = e.ref.key ?? '';
      const resource = key.replace(/^limits\./, '');
      const container = refContainer(e, c.name);
      const now = newest.containers.find((x) => x.name === container)?.resources.limits[resource];
      const was = previous.containers.find((x) => x.name === container)?.resources.limits[resource];
      if (now === undefined && was !== undefined) return { container, env: e.name, key, was };
    }
  }
  return undefined;
}
