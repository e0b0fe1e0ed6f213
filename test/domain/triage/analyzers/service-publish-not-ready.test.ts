import { describe, expect, it } from 'vitest';
import { analyzeServicePublishNotReady } from '../../../../src/domain/triage/analyzers/service-publish-not-ready.js';
import { analyzeReadinessProbes } from '../../../../src/domain/triage/analyzers/readiness-probe.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { EndpointSliceEvidence, PodEvidence, ServiceEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, NOW, NS, REV6, baseEvidence, container, endpointSlice, event, hpa, minutesAgo, pod, running, service, workload } from '../scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };

/** Four ready pods and two the HPA added `startedAgo` minutes ago, not ready yet. */
function pods(startedAgo: number, restarts = 0): PodEvidence[] {
  const ready = [0, 1, 2, 3].map((i) => pod(i));
  const fresh = [4, 5].map((i) => pod(i, {
    ready: false,
    createdAt: minutesAgo(startedAgo + 0.2),
    startTime: minutesAgo(startedAgo + 0.1),
    containers: [container({ ready: false, state: running(startedAgo), restartCount: restarts })],
  }));
  return [...ready, ...fresh];
}

/** The slice as the controller writes it when the Service publishes not-ready addresses: every pod ready, serving as the pod is. */
function published(svc: string, list: readonly PodEvidence[]): EndpointSliceEvidence {
  const slice = endpointSlice(svc, list);
  slice.endpoints = slice.endpoints.map((e, i) => (list[i]?.ready ? e : { ...e, ready: true, notServing: true }));
  return slice;
}

function evidence(opts: { svc?: ServiceEvidence; startedAgo?: number; restarts?: number; slice?: 'published' | 'plain' } = {}): TriageEvidence {
  const list = pods(opts.startedAgo ?? 2.4, opts.restarts ?? 0);
  const svc = opts.svc ?? service({ clusterIP: '172.20.41.77', publishNotReadyAddresses: true, createdAt: minutesAgo(9 * 24 * 60) });
  const fresh = list.slice(4);
  return baseEvidence({
    pods: list,
    workload: workload({ specReplicas: 6, replicas: 6, readyReplicas: 4, availableReplicas: 4, updatedReplicas: 6 }),
    services: [svc],
    endpointSlices: [(opts.slice ?? 'published') === 'published' ? published(svc.name, list) : endpointSlice(svc.name, list)],
    hpas: [hpa({ currentReplicas: 6, desiredReplicas: 6, metrics: [{ name: 'cpu', current: '81%', target: '65%' }], lastScaleTime: minutesAgo(2.5) })],
    events: [
      event({ object: { kind: 'HorizontalPodAutoscaler', name: APP, namespace: NS }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', firstSeen: minutesAgo(2.5), lastSeen: minutesAgo(2.5), source: 'horizontal-pod-autoscaler' }),
      event({ object: { kind: 'Deployment', name: APP, namespace: NS }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${APP}-${REV6.hash} from 4 to 6`, firstSeen: minutesAgo(2.5), lastSeen: minutesAgo(2.5), source: 'deployment-controller' }),
      ...fresh.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 20, firstSeen: minutesAgo(1.8), lastSeen: minutesAgo(0.1) })),
    ],
    logs: fresh.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [
      '2026-11-21T03:12:49.200Z  INFO 1 --- [warmer-1] c.a.IndexWarmer : Loaded index shard 3/12 in 11.7s',
      '2026-11-21T03:12:51.941Z  WARN 1 --- [exec-9] c.a.WarmupGateFilter : 503 GET /v1/payments - index warming (3/12 shards), client 10.0.128.200',
    ] })),
  });
}

describe('a Service with a cluster IP that publishes not-ready addresses', () => {
  it('blames the Service setting, not the probe, for warming pods that take traffic; the fix removes it, dated by the scale-up', () => {
    const report = buildTriageReport(evidence(), times);
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since HPA payment-service scaled it up from 4 to 6/);
    expect(report.headline).toMatch(/Service payment-service sends traffic to 2\/6 pods that are not ready \(warming up/);
    expect(report.headline).toContain('publishNotReadyAddresses');
    expect(report.headline).toContain('503 GET /v1/payments - index warming');
    expect(report.headline).toMatch(/Remove publishNotReadyAddresses from Service payment-service/);
    expect(report.headline).not.toMatch(/readiness endpoint reports|roll ?back/i);
  });

  it('lists the evidence: the setting, the endpoints listed ready while not serving', () => {
    const [f] = analyzeServicePublishNotReady(evidence());
    expect(f?.confidence).toBe('high');
    expect(f?.evidence.join('\n')).toMatch(/publishNotReadyAddresses: true \(the Service created 9d ago\)/);
    expect(f?.evidence.join('\n')).toMatch(/list 2 not-ready pods as ready \(serving=false\)/);
    expect(f?.affected?.pods).toEqual(pods(2.4).slice(4).map((p) => p.name));
  });

  it('says the readiness probe\'s pods still get traffic, instead of "only stop receiving traffic"', () => {
    const [f] = analyzeReadinessProbes(evidence());
    expect(f?.nextAction).toMatch(/still receive traffic/);
    expect(f?.nextAction).not.toMatch(/only stop receiving traffic/);
  });

  it('stays silent for an ordinary Service (warming pods get no traffic), a headless one, or no unready pod', () => {
    expect(analyzeServicePublishNotReady(evidence({ svc: service({ clusterIP: '172.20.41.77' }), slice: 'plain' }))).toEqual([]);
    expect(analyzeServicePublishNotReady(evidence({ svc: service({ headless: true, publishNotReadyAddresses: true }) }))).toEqual([]);
    const ready = evidence();
    expect(analyzeServicePublishNotReady({ ...ready, pods: ready.pods.map((p) => ({ ...p, ready: true })) })).toEqual([]);
    // The slice does not list them ready (the setting is not in effect yet): no traffic reaches them.
    expect(analyzeServicePublishNotReady(evidence({ slice: 'plain' }))).toEqual([]);
  });

  it('keeps the warming pods of an ordinary Service an expected state, with no Service finding', () => {
    const report = buildTriageReport(evidence({ svc: service({ clusterIP: '172.20.41.77' }), slice: 'plain' }), times);
    expect(report.headline).not.toMatch(/publishNotReadyAddresses/);
  });

  it('only notes the setting (info, low confidence) when the not-ready pods are stuck, not warming: their own cause leads', () => {
    const [f] = analyzeServicePublishNotReady(evidence({ startedAgo: 90, restarts: 3 }));
    expect(f?.severity).toBe('info');
    expect(f?.confidence).toBe('low');
    expect(f?.title).toMatch(/also sends traffic to its 2 not-ready pods/);
    const report = buildTriageReport(evidence({ startedAgo: 90, restarts: 3 }), times);
    expect(report.headline).not.toMatch(/publishNotReadyAddresses/);
  });
});
