import type { RevisionEvidence } from './evidence.js';
import { parseQuantity } from './quantity.js';
import { sortRevisions } from './revision-diff.js';

/**
 * An HPA's utilization target is a percentage of the pods' request: a container without that
 * request leaves nothing to divide by, and the controller stops scaling ("missing request for cpu
 * in container app of Pod …"). The request is usually lost in a template change (a chart that
 * moved its resources values), so the revision that dropped it is the trigger.
 */
export interface MissingRequest {
  resource: string;
  container?: string;
  /** The newest revision without the request whose predecessor had it. */
  dropped?: { revision: RevisionEvidence; previous: number; was: string };
}

const MISSING = /missing request for (\w+)(?: in container ([\w.-]+))?/i;

export function findMissingRequest(message: string, revisions: readonly RevisionEvidence[]): MissingRequest | undefined {
  const m = MISSING.exec(message);
  const resource = m?.[1]?.toLowerCase();
  if (resource === undefined) return undefined;
  const container = m?.[2];
  const requestOf = (r: RevisionEvidence | undefined): string | undefined => {
    const c = r?.containers.find((x) => container === undefined || x.name === container);
    const v = c?.resources.requests[resource];
    return v !== undefined && (parseQuantity(v) ?? 0) > 0 ? v : undefined;
  };
  const sorted = sortRevisions(revisions);
  const newest = sorted[0];
  if (newest === undefined || requestOf(newest) !== undefined) return { resource, ...(container ? { container } : {}) };
  // Walk back to the revision that last had it: the one after it dropped it.
  const had = sorted.findIndex((r) => requestOf(r) !== undefined);
  const dropper = had > 0 ? sorted[had - 1] : undefined;
  const was = requestOf(sorted[had]);
  if (dropper === undefined || was === undefined) return { resource, ...(container ? { container } : {}) };
  return { resource, ...(container ? { container } : {}), dropped: { revision: dropper, previous: sorted[had]?.revision ?? 0, was } };
}
