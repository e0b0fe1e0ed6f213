/**
 * An HPA that failed to read its metrics (the metrics API restarting, an adapter briefly gone)
 * leaves its Warning in the events for an hour. Once it has read them again — it rescaled on them
 * after the last failure, or ScalingActive turned True after it — the failure is over, not the
 * HPA's state now. A failure that goes on keeps recurring, so its last occurrence stays the newest.
 */
import type { EventEvidence, TriageEvidence } from './evidence.js';
import { findCondition, listEventsOf } from './evidence-lookup.js';
import { msBetween } from './time-span.js';

/** The HPA controller's reasons for a metric it could not read or compute from. */
const METRIC_READ_FAILURE = /^Failed(?:Get\w*Metric|ComputeMetricsReplicas)$/;

export function isMetricReadFailure(e: Pick<EventEvidence, 'reason' | 'object'>): boolean {
  return e.object.kind === 'HorizontalPodAutoscaler' && METRIC_READ_FAILURE.test(e.reason);
}

/** A metric-read Warning of an HPA that has read its metrics since (see above); false for any other event. */
export function isRecoveredMetricFailure(ev: TriageEvidence, e: EventEvidence): boolean {
  if (!isMetricReadFailure(e)) return false;
  const after = (t: string | undefined) => t !== undefined && msBetween(e.lastSeen, t) > 0;
  const rescaled = listEventsOf(ev, 'HorizontalPodAutoscaler', e.object.name).some((r) => r.reason === 'SuccessfulRescale' && after(r.lastSeen));
  const active = findCondition(ev.hpas.find((h) => h.name === e.object.name)?.conditions ?? [], 'ScalingActive');
  return rescaled || (active?.status === 'True' && after(active.lastTransitionTime));
}
