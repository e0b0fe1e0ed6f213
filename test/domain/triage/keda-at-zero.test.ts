import { describe, expect, it } from 'vitest';
import type { EventEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findKedaAtZero } from '../../../src/domain/triage/keda-at-zero.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { APP, NOW, NS, baseEvidence, endpointSlice, event, hpa, minutesAgo, workload } from './scenarios/builders.js';

const HPA = `keda-hpa-${APP}`;
const onHpa = { kind: 'HorizontalPodAutoscaler', name: HPA, namespace: NS };
/** The external metrics API restarted an hour ago; the HPA rescaled on its metrics after that. */
const metricBlip = (agoMinutes: number) => event({ object: onHpa, reason: 'FailedGetExternalMetric', message: 'unable to get external metric payments/s0-rabbitmq-jobs: unable to fetch metrics from external metrics API: the server is currently unable to handle the request', firstSeen: minutesAgo(agoMinutes + 1), lastSeen: minutesAgo(agoMinutes), source: 'horizontal-pod-autoscaler' });
const rescaled = event({ object: onHpa, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 2; reason: All metrics below target', firstSeen: minutesAgo(45), lastSeen: minutesAgo(45), source: 'horizontal-pod-autoscaler' });
const toZero = event({ object: { kind: 'Deployment', name: APP, namespace: NS }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled down replica set ${APP}-7c9d8f6b5d from 2 to 0`, firstSeen: minutesAgo(36), lastSeen: minutesAgo(36), source: 'deployment-controller' });

/** A queue worker KEDA scaled to zero when its queue drained. */
function atZero(over: { events?: EventEvidence[]; namespaceWarnings?: EventEvidence[]; readFailures?: TriageEvidence['readFailures'] } = {}): TriageEvidence {
  return baseEvidence({
    workload: workload({ specReplicas: 0, replicas: 0, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 0 }),
    pods: [],
    endpointSlices: [endpointSlice(APP, [])],
    hpas: [hpa({
      name: HPA,
      managedBy: 'keda-operator',
      minReplicas: 1,
      maxReplicas: 20,
      currentReplicas: 0,
      desiredReplicas: 0,
      metrics: [{ name: 's0-rabbitmq-jobs', target: '20' }],
      conditions: [
        { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" },
        { type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero', lastTransitionTime: minutesAgo(36) },
      ],
    })],
    events: over.events ?? [metricBlip(53), rescaled, toZero],
    ...(over.namespaceWarnings ? { namespaceWarnings: over.namespaceWarnings } : {}),
    readFailures: over.readFailures ?? [],
  });
}

const report = (ev: TriageEvidence) => buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });

describe('a workload KEDA scaled to zero', () => {
  it('is healthy: says KEDA holds it at zero and what wakes it, and advises no scaling by hand', () => {
    const r = report(atZero());
    expect(r.verdict).toBe('healthy');
    expect(r.headline).toMatch(new RegExp(`scaled to zero by KEDA \\(ScaledObject ${APP}\\)`));
    expect(r.headline).toMatch(/RabbitMQ queue/);
    const claims = [r.headline, ...r.findings.flatMap((f) => [f.title, f.likelyCause, f.nextAction, f.fix ?? ''])].join('\n');
    expect(claims).not.toMatch(/kubectl scale|unable to fetch metrics/);
  });

  it('is a failure while its ScaledObject reports a failing scaler', () => {
    const failing = event({ object: { kind: 'ScaledObject', name: APP, namespace: NS }, reason: 'KEDAScalerFailed', message: 'error establishing rabbitmq connection: ACCESS_REFUSED', lastSeen: minutesAgo(1), source: 'keda-operator' });
    expect(findKedaAtZero(atZero({ namespaceWarnings: [failing] }))).toBeUndefined();
    expect(report(atZero({ namespaceWarnings: [failing] })).verdict).toBe('problems');
  });

  it('is a failure while its HPA fails to read the metric after its last rescale', () => {
    expect(findKedaAtZero(atZero({ events: [rescaled, metricBlip(2), toZero] }))).toBeUndefined();
  });

  it('is not called intended when the namespace\'s Warnings could not be read', () => {
    const ev = atZero({ readFailures: [{ what: `Warning events in ${NS}`, source: 'namespaceWarnings', reason: 'forbidden', detail: 'events is forbidden' }] });
    expect(findKedaAtZero(ev)).toBeUndefined();
    expect(report(ev).verdict).not.toBe('healthy');
  });
});
