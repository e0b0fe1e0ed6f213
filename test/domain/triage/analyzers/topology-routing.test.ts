import { describe, expect, it } from 'vitest';
import { analyzeTopologyRouting } from '../../../../src/domain/triage/analyzers/topology-routing.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { EndpointSliceEvidence, PodEvidence, ServiceEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, NOW, NS, baseEvidence, endpointSlice, event, minutesAgo, node, pod, service } from '../scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const ZONES = ['eu-west-1a', 'eu-west-1a', 'eu-west-1b', 'eu-west-1b', 'eu-west-1c'];
const nodeOf = (i: number) => `ip-10-0-${i}-9.eu-west-1.compute.internal`;
const HOT = 4;

const routed = (over: Partial<NonNullable<ServiceEvidence['topologyRouting']>> = {}) =>
  service({ topologyRouting: { setting: 'service.kubernetes.io/topology-mode: Auto', setAt: minutesAgo(96), setBy: 'argocd-controller', ...over } });

/** Hints as the controller gives them when zones weigh 2:2:1: each endpoint serves its own zone. */
function hinted(pods: readonly PodEvidence[], withHints = true): EndpointSliceEvidence {
  const slice = endpointSlice(APP, pods);
  slice.endpoints = slice.endpoints.map((e, i) => ({ ...e, zone: ZONES[i] ?? '', ...(withHints ? { forZones: [ZONES[i] ?? ''] } : {}) }));
  return slice;
}

/** Five ready pods over zones a, a, b, b, c; pod `strained` flaps and logs overload. */
function evidence(opts: { svc?: ServiceEvidence; strained?: number; hints?: boolean } = {}): TriageEvidence {
  const strained = opts.strained ?? HOT;
  const pods = [0, 1, 2, 3, 4].map((i) => pod(i, { nodeName: nodeOf(i) }));
  const hot = pods[strained]?.name ?? '';
  return baseEvidence({
    pods,
    nodes: ZONES.map((z, i) => node(nodeOf(i), { labels: { 'topology.kubernetes.io/zone': z } })),
    services: [opts.svc ?? routed()],
    endpointSlices: [hinted(pods, opts.hints ?? true)],
    events: [
      event({ object: { kind: 'Pod', name: hot, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.3.104:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 58, firstSeen: minutesAgo(90), lastSeen: minutesAgo(1) }),
    ],
    logs: [{ pod: hot, container: 'app', previous: false, lines: [
      '{"level":"WARN","msg":"slow request","path":"/v2/search","dur_ms":2911}',
      '{"level":"WARN","msg":"request shed","status":503,"reason":"inflight limit 256 reached"}',
      '{"level":"WARN","msg":"slow request","path":"/v2/search","dur_ms":3304}',
    ] }],
    namespaceObjects: [{ kind: 'Service', name: APP, createdAt: minutesAgo(400 * 24 * 60), changedAt: minutesAgo(96) }],
  });
}

describe('topology-aware routing that gives a zone too few endpoints', () => {
  it('names the routing, the thin zone and its overloaded pod, dated by the Service change; the fix removes the annotation, no rollback', () => {
    const report = buildTriageReport(evidence(), times);
    const hot = pod(HOT).name;
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/topology-mode: Auto/);
    expect(report.headline).toContain('zone eu-west-1c');
    expect(report.headline).toContain(hot);
    expect(report.headline).toMatch(/^Since Service payment-service was changed 1h 36m ago/);
    expect(report.headline).toMatch(/other 4 pods/);
    expect(report.headline).toMatch(/[Rr]emove the service\.kubernetes\.io\/topology-mode annotation/);
    expect(report.headline).not.toMatch(/roll ?back/i);
  });

  it('reads spec.trafficDistribution the same way and says to remove it', () => {
    const [f] = analyzeTopologyRouting(evidence({ svc: routed({ setting: 'trafficDistribution: PreferClose' }) }));
    expect(f?.title).toContain('trafficDistribution: PreferClose');
    expect(f?.fix).toMatch(/remove spec\.trafficDistribution/);
  });

  it('stays silent when the overloaded pod sits in a zone with as many endpoints as any', () => {
    expect(analyzeTopologyRouting(evidence({ strained: 2 }))).toEqual([]);
  });

  it('stays silent without hints (the controller fell back to every endpoint) or without topology routing', () => {
    expect(analyzeTopologyRouting(evidence({ hints: false }))).toEqual([]);
    expect(analyzeTopologyRouting(evidence({ svc: service() }))).toEqual([]);
  });
});
