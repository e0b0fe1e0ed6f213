/**
 * An ingress NetworkPolicy created or changed recently that selects the workload's pods, after
 * which they served no request at all (having served them before) while they stayed up: the
 * policy cuts off their callers. Read by the analyzer and by the collector, which then looks up
 * the pods behind the last callers' addresses to name them.
 */
import type { IsoTime, LogEvidence, NetworkPolicyEvidence, PodEvidence } from './evidence.js';
import { type RequestSilence, findRequestSilence } from './request-silence.js';
import { matchesLabels } from './service-match.js';
import { HOUR_MS, MINUTE_MS, msBetween } from './time-span.js';

/** A policy this recent is a suspect; one younger than a few minutes has not had time to show silence. */
const RECENT_MS = 6 * HOUR_MS;
const SETTLE_MS = 5 * MINUTE_MS;
/** Requests before it must have been flowing: the last one this close to the change. */
const STEADY_MS = 30 * MINUTE_MS;
/** How many of the usual gaps between requests the silence must last. */
const SILENT_GAPS = 3;
/** Caller addresses looked up at most. */
export const MAX_CALLERS = 3;

export interface IngressCutoff {
  policy: NetworkPolicyEvidence;
  changedAt: IsoTime;
  silence: RequestSilence;
  /** Every Ingress policy that selects the pods: policies add up, these are all that admit anyone. */
  admitting: NetworkPolicyEvidence[];
}

/** Whether the policy selects any of the pods (a podSelector with expressions is not matched: no claim without it). */
export function selectsPods(policy: NetworkPolicyEvidence, pods: readonly PodEvidence[]): boolean {
  if (Object.keys(policy.podSelector).length === 0) return true;
  if (policy.podSelectorExpressions?.length) return false; // not matched here: no claim without it
  return pods.some((p) => matchesLabels(policy.podSelector, p.labels));
}

export function findIngressCutoff(x: { networkPolicies?: NetworkPolicyEvidence[]; pods: readonly PodEvidence[]; logs: readonly LogEvidence[]; collectedAt: IsoTime }): IngressCutoff | undefined {
  const ingress = (x.networkPolicies ?? []).filter((p) => p.policyTypes.includes('Ingress') && selectsPods(p, x.pods));
  const own = new Set(x.pods.map((p) => p.name));
  const logs = x.logs.filter((l) => own.has(l.pod));
  for (const policy of ingress) {
    const changedAt = policy.changedAt ?? policy.createdAt;
    if (changedAt === undefined) continue;
    const age = msBetween(changedAt, x.collectedAt);
    if (age > RECENT_MS || age < SETTLE_MS) continue;
    const silence = findRequestSilence(logs, changedAt);
    if (silence === undefined || msBetween(silence.lastRequest, changedAt) > STEADY_MS) continue;
    // Callers that come every half hour are not missed after twenty minutes: the silence must outlast their rhythm.
    if (msBetween(silence.lastRequest, x.collectedAt) < Math.max(SILENT_GAPS * silence.meanGapMs, SETTLE_MS)) continue;
    return { policy, changedAt, silence, admitting: ingress };
  }
  return undefined;
}
