/**
 * OOM kills of a container whose worker count (or pool, or heap) comes from a limit it does not
 * set, through the Downward API: the kubelet hands it the node's allocatable instead, so the pods
 * on the biggest nodes start the most workers and outgrow the memory limit the others fit in.
 * A revision that removed that limit (against CPU throttling, say) is the trigger; the node pool
 * that separates the failing pods is only where it shows.
 */
import type { ContainerSpecEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { findUnsetLimitVar, type UnsetLimitVar } from '../downward-unset-limit.js';
import { formatBytes } from '../quantity.js';
import { compareFailingHealthy } from '../verdict/differential.js';
import { findToldCount } from './oom-node-split.js';

export interface UnsetLimitSizing {
  /** Completes the OOM title: "CELERY_CONCURRENCY reads limits.cpu through the Downward API with no CPU limit on app: …". */
  clause: string;
  evidence: string[];
  /** The failing pods' log line that states the value they sized from. */
  told?: string;
  cause: string;
  action: string;
  fix: string;
  found: UnsetLimitVar;
}

function show(v: UnsetLimitVar, n: number): string {
  return v.resource === 'memory' && v.key === 'limits.memory' && n > 1024 * 1024 ? formatBytes(n) : String(n);
}

function list(v: UnsetLimitVar, ns: readonly number[]): string {
  return ns.map((n) => show(v, n)).join(' or ');
}

/**
 * The Downward API variable that sized the OOM-killed `killed` from their nodes, when the failing
 * pods' nodes give it more than every healthy pod's node (or, with no healthy pod, when the
 * pods' revision removed the limit it reads).
 */
export function describeUnsetLimitSizing(ev: TriageEvidence, spec: ContainerSpecEvidence, killed: readonly PodEvidence[], where: string | undefined, memoryLimit: string): UnsetLimitSizing | undefined {
  const healthy = compareFailingHealthy(ev, killed).healthy.filter((p) => p.containers.some((c) => c.name === spec.name));
  const v = findUnsetLimitVar(ev, spec, killed, healthy);
  if (v === undefined) return undefined;
  const bigger = v.healthy.length === 0 ? v.removedBy !== undefined : Math.min(...v.failing) > Math.max(...v.healthy);
  if (!bigger) return undefined;
  const R = v.resource === 'cpu' ? 'CPU' : v.resource;
  const onFailing = where ?? "the failing pods' nodes";
  const values = `${list(v, v.failing)} on ${onFailing}${v.healthy.length > 0 ? `, ${list(v, v.healthy)} where the pods run fine` : ''}`;
  const clause = `${v.env} reads ${v.key} through the Downward API with no ${R} limit on ${v.container}, so it gets the node's allocatable ${R}: ${values}`;
  const told = v.resource === 'cpu' ? findToldCount(ev, killed, v.failing[0] ?? 0) : undefined;
  const removed = v.removedBy;
  const evidence = [
    `env ${v.env} = resourceFieldRef ${v.key} of container ${v.container}, which sets no ${R} limit: the kubelet gives it the node's allocatable ${R}`,
    `${v.env} on the failing pods' nodes: ${list(v, v.failing)}${v.healthy.length > 0 ? `; on the healthy pods' nodes: ${list(v, v.healthy)}` : ''}`,
    ...(removed ? [`revision ${removed.revision.revision}${removed.revision.changeCause ? ` ("${removed.revision.changeCause}")` : ''} removed the ${R} limit of ${v.container} (${removed.was} → none)`] : []),
  ];
  const restore = removed ? `restore the ${R} limit of ${v.container} (${removed.was}, revision ${removed.previous.revision}'s)` : `give ${v.container} a ${R} limit`;
  const fix = `set ${v.env} from requests.${v.resource} or to a fixed count that fits the ${memoryLimit} memory limit, or ${restore}`;
  return {
    clause,
    evidence,
    ...(told !== undefined ? { told } : {}),
    cause:
      `The Downward API's ${v.key} of a container that sets no ${R} limit is not empty: the kubelet puts the node's allocatable ${R} there. ` +
      `${v.env} sizes the process from it, so a pod starts as many workers as its node has ${v.resource === 'cpu' ? 'cores' : 'memory'}: ${values}. ` +
      `Each worker takes its own memory, so on the big nodes the container needs many times what it needs elsewhere and the kernel kills it at its ${memoryLimit} limit` +
      `${removed ? `; revision ${removed.revision.revision} removed the ${R} limit (${removed.was}) while ${v.env} still reads it` : ''}. A bigger memory limit only moves the kill to the next bigger node.`,
    action: `Mitigate: ${fix}, and roll the pods; keeping them off ${onFailing} only hides it until they land on a big node again.`,
    fix,
    found: v,
  };
}
