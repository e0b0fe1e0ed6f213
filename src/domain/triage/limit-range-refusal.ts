/**
 * LimitRanger admission refusing a pod: "maximum memory usage per Container is 2Gi, but limit is
 * 3Gi", "minimum cpu usage per Container is 100m, but request is 50m", "memory max limit to
 * request ratio per Container is 2, but provided ratio is 4.000000". The message names the bound
 * but never the LimitRange, nor which container asks what: the namespace's LimitRanges say which
 * one sets that bound, and the newest revision's resources what the template asks.
 */
import type { NamespaceObjectEvidence, RevisionContainerEvidence, TriageEvidence } from './evidence.js';
import type { LimitRangeItemEvidence } from './evidence-limit-range.js';
import { formatBytes, formatCpu, parseQuantity } from './quantity.js';
import { sortRevisions } from './revision-diff.js';

export interface LimitRangeRefusal {
  /** The LimitRange(s) it may be: one when its items say which sets the bound, else all of the namespace's. */
  ranges: string[];
  /** "LimitRange container-limits", "a LimitRange of search (a, b)". */
  who: string;
  /** "its maxLimitRequestRatio for memory per container is 2, the pods ask 4 (container app: limit 2Gi, request 512Mi)". */
  what: string;
  resource: string;
  /** What would satisfy it, for the containers that break it: "raise the memory request of app to at least 1Gi or lower its memory limit to at most 1Gi". */
  remedy?: string;
}

const RANGE = /(maximum|minimum) ([\w./-]+) usage per (Container|Pod|PersistentVolumeClaim) is ([\w.]+),? but (?:limit|request) is ([\w.]+)/i;
const RATIO = /([\w./-]+) max limit to request ratio per (Container|Pod) is ([\w.]+), but (?:provided ratio is ([\d.]+)|no request is specified)/i;

type Bound = 'max' | 'min' | 'maxLimitRequestRatio';

/** The namespace's LimitRanges whose items set this bound, or all of them when none is known to. */
function pickRanges(ev: TriageEvidence, type: string, bound: Bound, resource: string): string[] {
  const all = (ev.namespaceObjects ?? []).filter((o) => o.kind === 'LimitRange');
  const sets = (o: NamespaceObjectEvidence) => (o.limits ?? []).some((i: LimitRangeItemEvidence) => i.type.toLowerCase() === type.toLowerCase() && i[bound]?.[resource] !== undefined);
  const setting = all.filter(sets);
  return (setting.length > 0 ? setting : all).map((o) => o.name);
}

function describeRanges(ranges: readonly string[], namespace: string): string {
  if (ranges.length === 1) return `LimitRange ${ranges[0] ?? ''}`;
  return `a LimitRange of ${namespace}${ranges.length > 1 ? ` (${ranges.join(', ')})` : ''}`;
}

function formatAmount(resource: string, n: number): string {
  return resource === 'cpu' ? formatCpu(n) : resource === 'memory' || resource.includes('storage') ? formatBytes(n) : String(n);
}

/** The containers of the newest template whose limit/request ratio for the resource is above the bound. */
function findOverRatio(ev: TriageEvidence, resource: string, bound: number): RevisionContainerEvidence[] {
  const [newest] = sortRevisions(ev.revisions);
  return (newest?.containers ?? []).filter((c) => {
    const limit = parseQuantity(c.resources.limits[resource]);
    const request = parseQuantity(c.resources.requests[resource]);
    return limit !== undefined && (request === undefined || request === 0 || limit / request > bound);
  });
}

function describeRatio(ev: TriageEvidence, m: RegExpExecArray): LimitRangeRefusal {
  const [, resource = '', type = '', enforced = '', provided] = m;
  const ranges = pickRanges(ev, type, 'maxLimitRequestRatio', resource);
  const bound = Number(enforced);
  const over = type.toLowerCase() === 'container' && Number.isFinite(bound) && bound > 0 ? findOverRatio(ev, resource, bound) : [];
  const asks = over.map((c) => `container ${c.name}: limit ${c.resources.limits[resource] ?? '?'}, request ${c.resources.requests[resource] ?? 'none'}`);
  const ask = provided !== undefined ? `the pods ask ${Number(provided)}` : 'the pods set no request';
  const remedy = over.map((c) => {
    const limit = parseQuantity(c.resources.limits[resource]) ?? 0;
    const request = parseQuantity(c.resources.requests[resource]);
    const lower = request !== undefined && request > 0 ? ` or lower its ${resource} limit to at most ${formatAmount(resource, request * bound)}` : '';
    return `raise the ${resource} request of ${c.name} to at least ${formatAmount(resource, limit / bound)}${lower}`;
  }).join('; ');
  return {
    ranges,
    who: describeRanges(ranges, ev.target.namespace),
    what: `its maxLimitRequestRatio for ${resource} per ${type.toLowerCase()} is ${enforced}, ${ask}${asks.length > 0 ? ` (${asks.join('; ')})` : ''}`,
    resource,
    ...(remedy ? { remedy } : {}),
  };
}

/** The LimitRange bound a FailedCreate message says the pods break; undefined for other refusals. */
export function findLimitRangeRefusal(ev: TriageEvidence, message: string): LimitRangeRefusal | undefined {
  const ratio = RATIO.exec(message);
  if (ratio) return describeRatio(ev, ratio);
  const range = RANGE.exec(message);
  if (!range) return undefined;
  const [, which = '', resource = '', type = '', bound = '', asked = ''] = range;
  const ranges = pickRanges(ev, type, which.toLowerCase() === 'maximum' ? 'max' : 'min', resource);
  return { ranges, who: describeRanges(ranges, ev.target.namespace), what: `${which.toLowerCase()} ${resource} per ${type.toLowerCase()} is ${bound}, the pods ask ${asked}`, resource };
}
