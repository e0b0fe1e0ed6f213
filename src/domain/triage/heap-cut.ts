/**
 * A revision that made a container's heap ceiling smaller (-Xmx4g → -Xmx1g, a smaller
 * --max-old-space-size or GOMEMLIMIT), read from the two newest revisions' templates, with the
 * memory limit beside it: a right-sizing that cut the heap below what the data needs shows as GC
 * pressure and refused requests, not as a kill.
 */
import type { ContainerSpecEvidence, RevisionEvidence } from './evidence.js';
import type { RevisionContainerEvidence } from './evidence-spec.js';
import { sortRevisions } from './revision-diff.js';
import { findHeapSetting, formatSize } from './runtime-flags.js';

export interface HeapCut {
  revision: number;
  previous: number;
  /** The heap before and after, as limits read: "4Gi" → "1Gi". */
  from: string;
  to: string;
  /** The flags as written: "-Xmx4g" → "-Xmx1g". */
  was: string;
  flag: string;
  /** Where the new flag is set: "env ES_JAVA_OPTS". */
  where: string;
  /** The container's memory limit before and after, when the revision changed it too. */
  limitFrom?: string;
  limitTo?: string;
}

/** The cut as evidence: the revision, the flags, where set, the limit beside it and what ran before. */
export function describeHeapCut(cut: HeapCut): string {
  const limit = cut.limitFrom ? ` and the memory limit ${cut.limitFrom} → ${cut.limitTo ?? ''}` : '';
  return `revision ${cut.revision} cut the heap ${cut.was} → ${cut.flag} (${cut.where})${limit}; revision ${cut.previous} ran with ${cut.from}`;
}

/** The part of a revision's container the heap flags are read from. */
export function asSpec(c: RevisionContainerEvidence): ContainerSpecEvidence {
  return { name: c.name, image: c.image, ports: [], resources: c.resources, probes: {}, env: c.env, envFrom: c.envFrom, ...(c.command ? { command: c.command } : {}), ...(c.args ? { args: c.args } : {}) };
}

/** The newest revision against the one before it: whether it cut `container`'s heap ceiling. */
export function findHeapCut(revisions: readonly RevisionEvidence[], container: string): HeapCut | undefined {
  return findHeapChange(revisions, container, 'cut');
}

/**
 * The newest revision against the one before it: whether it raised `container`'s JVM heap. A
 * bigger heap under a throughput collector makes each full collection longer, not rarer pressure.
 */
export function findHeapRaise(revisions: readonly RevisionEvidence[], container: string): HeapCut | undefined {
  return findHeapChange(revisions, container, 'raise');
}

function findHeapChange(revisions: readonly RevisionEvidence[], container: string, way: 'cut' | 'raise'): HeapCut | undefined {
  const [newest, previous] = sortRevisions(revisions);
  if (newest === undefined || previous === undefined) return undefined;
  const now = newest.containers.find((c) => c.name === container);
  const before = previous.containers.find((c) => c.name === container);
  if (now === undefined || before === undefined) return undefined;
  const heap = findHeapSetting(asSpec(now));
  const was = findHeapSetting(asSpec(before));
  const limitFrom = before.resources.limits['memory'];
  const limitTo = now.resources.limits['memory'];
  const limits = limitFrom !== undefined && limitTo !== undefined && limitFrom !== limitTo ? { limitFrom, limitTo } : {};
  // A Go process without GOMEMLIMIT collects by GOGC alone; a revision that adds one sets a new
  // ceiling, and one below the live heap makes the collector run back to back.
  if (way === 'cut' && heap?.runtime === 'go' && heap.bytes !== undefined && was === undefined) {
    return { revision: newest.revision, previous: previous.revision, from: 'no limit', to: formatSize(heap.bytes), was: 'no GOMEMLIMIT', flag: heap.flag, where: heap.where, ...limits };
  }
  if (heap?.bytes === undefined || was?.bytes === undefined || heap.runtime !== was.runtime) return undefined;
  if (way === 'cut' ? heap.bytes >= was.bytes : heap.bytes <= was.bytes || heap.runtime !== 'jvm') return undefined;
  return {
    revision: newest.revision,
    previous: previous.revision,
    from: formatSize(was.bytes),
    to: formatSize(heap.bytes),
    was: was.flag,
    flag: heap.flag,
    where: heap.where,
    ...limits,
  };
}
