/**
 * KEDA's scale-to-zero: a ScaledObject with minReplicaCount 0 sets its workload to 0 replicas when
 * its triggers report no work, and activates it again when they do; the HPA it made is disabled
 * meanwhile (ScalingActive=False, ScalingDisabled: "the replica count of the target is zero"). That
 * is the design, not an outage — unless KEDA cannot read its trigger (a failing scaler, see
 * keda-trigger.ts), for then nothing brings the workload back however much work waits. So it is
 * called intended only when the namespace's Warnings were read and none says KEDA fails for it.
 */
import type { ConditionEvidence, HpaEvidence, IsoTime, TriageEvidence } from './evidence.js';
import { findCondition } from './evidence-lookup.js';
import { isMetricReadFailure, isRecoveredMetricFailure } from './hpa-metric-recovery.js';
import { type KedaTrigger, listKedaTriggers } from './keda-trigger.js';
import { RECENT_MS } from './pod-status.js';
import { isWithin } from './time-span.js';

/** KEDA names the HPA it makes `keda-hpa-<ScaledObject>` and labels it managed by keda-operator. */
const KEDA_HPA_PREFIX = 'keda-hpa-';

export interface KedaAtZero {
  hpa: HpaEvidence;
  /** The ScaledObject, from the HPA's name; absent when the HPA was given another name. */
  scaledObject?: string;
  /** When the HPA was disabled at zero. */
  since?: IsoTime;
  disabled: ConditionEvidence;
  triggers: KedaTrigger[];
}

function isKedaHpa(h: HpaEvidence): boolean {
  return h.name.startsWith(KEDA_HPA_PREFIX) || /keda/i.test(h.managedBy ?? '');
}

/** The workload at 0 replicas by KEDA's design, with nothing current saying KEDA fails for it; undefined otherwise. */
export function findKedaAtZero(ev: TriageEvidence): KedaAtZero | undefined {
  if (ev.workload?.specReplicas !== 0) return undefined;
  const hpa = ev.hpas.find(isKedaHpa);
  const disabled = hpa && findCondition(hpa.conditions, 'ScalingActive');
  if (hpa === undefined || disabled?.status !== 'False' || disabled.reason !== 'ScalingDisabled') return undefined;
  // A scaler failure would be among the namespace's Warnings: unread (or cut short), it stays unknown.
  if (ev.readFailures.some((f) => f.source === 'namespaceWarnings')) return undefined;
  const scaledObject = hpa.name.startsWith(KEDA_HPA_PREFIX) ? hpa.name.slice(KEDA_HPA_PREFIX.length) : undefined;
  const warnings = [...ev.events, ...(ev.namespaceWarnings ?? [])].filter((e) => e.type === 'Warning' && isWithin(e.lastSeen, ev.collectedAt, RECENT_MS));
  const kedaFails = warnings.some((e) =>
    (e.object.kind === 'ScaledObject' && (scaledObject === undefined || e.object.name === scaledObject)) ||
    (e.object.kind === 'HorizontalPodAutoscaler' && e.object.name === hpa.name && (!isMetricReadFailure(e) || !isRecoveredMetricFailure(ev, e))));
  if (kedaFails) return undefined;
  return {
    hpa,
    ...(scaledObject === undefined ? {} : { scaledObject }),
    ...(disabled.lastTransitionTime === undefined ? {} : { since: disabled.lastTransitionTime }),
    disabled,
    triggers: listKedaTriggers({ ...ev, hpas: [hpa] }),
  };
}

/** "scaled to zero by KEDA (ScaledObject report-renderer)": who holds it there. */
export function describeKedaAtZero(k: KedaAtZero): string {
  return `scaled to zero by KEDA (${k.scaledObject === undefined ? `the ScaledObject behind HPA ${k.hpa.name}` : `ScaledObject ${k.scaledObject}`})`;
}

/** "the length of a RabbitMQ queue (metric s0-rabbitmq-render-jobs)": what wakes it. */
export function describeKedaWake(k: KedaAtZero): string {
  const what = k.triggers.map((t) => (t.measures ? `${t.measures} (metric ${t.metric})` : `metric ${t.metric}`)).join(', ');
  return what === '' ? 'its trigger' : what;
}
