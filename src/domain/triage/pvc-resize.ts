/**
 * Where an expansion of a PersistentVolumeClaim stands. Expanding a claim raises its request
 * (spec) at once; the volume grows later, in two steps: the resizer asks the storage provider
 * (Resizing, then VolumeResizeFailed or VolumeResizeSuccessful on the claim), then the kubelet
 * grows the file system where the volume is mounted (FileSystemResizePending until it does).
 * Until then status.capacity keeps the old size, and the old size is what the process can fill.
 */
import { findCondition, listEventsOf } from './evidence-lookup.js';
import type { EventEvidence, IsoTime, PvcEvidence, Quantity, TriageEvidence } from './evidence.js';
import { parseQuantity } from './quantity.js';
import { latest } from './time-span.js';

export interface ClaimResize {
  /** refused: the resizer or the provider said no; growing: it is under way; node: the disk grew, the file system waits for the node. */
  state: 'refused' | 'growing' | 'node';
  /** The size asked for (spec). */
  to: Quantity;
  /** The size the volume has (status.capacity). */
  from?: Quantity;
  /** The refusal in the provider's own words, its innermost error first. */
  reason?: string;
  /** The refusal as the cluster reported it, whole: the event line or the condition. */
  refusal?: EventEvidence;
  /** Who refused or is resizing: the event's source ("external-resizer ebs.csi.aws.com"). */
  by?: string;
  since?: IsoTime;
}

/** Where a wrapped gRPC / cloud SDK error says what went wrong, innermost last. */
const INNER_ERROR = /(?:api error |desc = |Error \d{3}: |error: )/g;

/** The innermost error of a wrapped message: what the provider itself said. */
export function innermostError(message: string): string {
  let start = 0;
  for (const m of message.matchAll(INNER_ERROR)) start = (m.index ?? 0) + m[0].length;
  return message.slice(start).trim();
}

/** Conditions a resizer or the kubelet sets when an expansion fails (Kubernetes 1.31+). */
const FAILED_CONDITIONS = ['ControllerResizeError', 'NodeResizeError'];

/**
 * The expansion of `claim` that has not finished: asked for more than the volume has, or a
 * condition that says it is under way. Undefined when the claim is at the size it asked for.
 */
export function findClaimResize(ev: TriageEvidence, claim: PvcEvidence): ClaimResize | undefined {
  const conditions = claim.conditions ?? [];
  const isTrue = (type: string) => findCondition(conditions, type)?.status === 'True';
  const asked = parseQuantity(claim.requested);
  const has = parseQuantity(claim.capacity);
  const larger = asked !== undefined && has !== undefined && asked > has;
  const open = larger || isTrue('Resizing') || isTrue('FileSystemResizePending') || FAILED_CONDITIONS.some(isTrue);
  if (!open || claim.requested === undefined) return undefined;
  const base = { to: claim.requested, ...(claim.capacity === undefined ? {} : { from: claim.capacity }) };

  const events = listEventsOf(ev, 'PersistentVolumeClaim', claim.name);
  const newest = (reasons: string[]) => {
    const list = events.filter((e) => reasons.includes(e.reason));
    return list.find((e) => e.lastSeen === latest(list.map((x) => x.lastSeen)));
  };
  const failed = newest(['VolumeResizeFailed']);
  const succeeded = newest(['VolumeResizeSuccessful']);
  const condition = conditions.find((c) => FAILED_CONDITIONS.includes(c.type) && c.status === 'True');
  // A refusal counts while no success came after it.
  if (failed && (!succeeded || succeeded.lastSeen < failed.lastSeen)) {
    return { ...base, state: 'refused', reason: innermostError(failed.message), refusal: failed, ...(failed.source ? { by: failed.source } : {}), since: failed.firstSeen };
  }
  if (condition) {
    const since = condition.lastTransitionTime;
    return { ...base, state: 'refused', reason: innermostError(condition.message ?? condition.type), ...(since ? { since } : {}) };
  }
  const pending = findCondition(conditions, 'FileSystemResizePending');
  if (pending?.status === 'True') return { ...base, state: 'node', ...(pending.lastTransitionTime ? { since: pending.lastTransitionTime } : {}) };
  const resizing = findCondition(conditions, 'Resizing');
  const since = resizing?.lastTransitionTime ?? newest(['Resizing'])?.firstSeen;
  return { ...base, state: 'growing', ...(since ? { since } : {}) };
}
