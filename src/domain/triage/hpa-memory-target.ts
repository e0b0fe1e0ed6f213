import type { HpaEvidence } from './evidence.js';
import type { ContainerEvidence } from './evidence-pod.js';
import { formatBytes, parseQuantity } from './quantity.js';

/**
 * An HPA that scales on memory utilization reads it as a percentage of the request; a target at
 * or above what the limit allows (limit / request) can only be reached by pods using more than
 * their limit, so the kernel OOM-kills them first and the HPA never scales out.
 */
export interface UnreachableMemoryTarget {
  hpa: HpaEvidence;
  /** The target utilization, in percent of the request. */
  target: number;
  /** The utilization the HPA last read, when reported ("118%"). */
  current?: string;
  request: string;
  limit: string;
  /** The target in bytes per pod (request × target). */
  targetBytes: number;
  /** What the limit allows, in percent of the request. */
  limitPercent: number;
}

const PERCENT = /^(\d+(?:\.\d+)?)%$/;

export function findUnreachableMemoryTarget(hpas: readonly HpaEvidence[], container: ContainerEvidence): UnreachableMemoryTarget | undefined {
  const request = container.resources.requests['memory'];
  const limit = container.resources.limits['memory'];
  const req = parseQuantity(request);
  const lim = parseQuantity(limit);
  if (request === undefined || limit === undefined || req === undefined || lim === undefined || req <= 0) return undefined;
  for (const hpa of hpas) {
    for (const m of hpa.metrics) {
      // "memory" (a Resource metric) or "memory (container app)" (a ContainerResource metric).
      const on = /^memory(?: \(container ([\w.-]+)\))?$/.exec(m.name);
      if (on === null || (on[1] !== undefined && on[1] !== container.name)) continue;
      const pct = PERCENT.exec(m.target ?? '');
      const target = pct ? Number(pct[1]) : undefined;
      if (target === undefined) continue;
      const limitPercent = Math.round((100 * lim) / req);
      if (target < limitPercent) continue;
      return { hpa, target, ...(m.current ? { current: m.current } : {}), request, limit, targetBytes: (req * target) / 100, limitPercent };
    }
  }
  return undefined;
}

/** "HPA image-resizer scales on memory at 150% of the 512Mi request (768Mi per pod), above the 640Mi limit (125%)" */
export function describeUnreachableMemoryTarget(t: UnreachableMemoryTarget): string {
  const where = t.target === t.limitPercent ? 'at' : 'above';
  return `HPA ${t.hpa.name} scales on memory at ${t.target}% of the ${t.request} request (${formatBytes(t.targetBytes)} per pod), ${where} the ${t.limit} limit (${t.limitPercent}%)`;
}
