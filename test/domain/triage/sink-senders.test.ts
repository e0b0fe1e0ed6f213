// A collector that refuses data for its own memory is filled by what its senders send: the
// Deployments whose env points at it (its Service, or for OTLP the node's agent), and the one that
// rolled out just before the refusals began is the trigger its own log never names.
import { describe, expect, it } from 'vitest';
import { findSinkReference, findSinkSender, needsSinkSenders, type Sink } from '../../../src/domain/triage/sink-senders.js';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import type { SinkSenderEvidence } from '../../../src/domain/triage/evidence-sink-senders.js';
import { NOW, baseEvidence, minutesAgo, pod, revision } from './scenarios/builders.js';

const SINK: Sink = { services: [{ name: 'otel-collector', namespace: 'observability' }], otlp: true };
const ml = `{"otelcol.component.id": "memory_limiter", "otelcol.component.kind": "processor", "otelcol.pipeline.id": "traces", "otelcol.signal": "traces", "cur_mem_mib": 1320}`;
const refusing = (ago: number) => `${minutesAgo(ago).replace('Z', '.000Z')}\twarn\tmemorylimiter@v0.128.0/memorylimiter.go:205\tMemory usage is above soft limit. Refusing data.\t${ml}`;

function sender(deployment: string, namespace: string, rolledAgo: number, over: Partial<SinkSenderEvidence> = {}): SinkSenderEvidence {
  return {
    deployment, namespace, labels: { app: deployment }, via: 'OTEL_EXPORTER_OTLP_ENDPOINT=http://$(NODE_IP):4317', throughNodeAgent: true,
    revisions: [revision({ revision: 58, hash: '7f9c6d5b4a' }, minutesAgo(rolledAgo)), revision({ revision: 57, hash: '5d4c3b2a19' }, minutesAgo(9 * 24 * 60))],
    ...over,
  };
}

describe('findSinkReference: how a workload sends to the sink', () => {
  it('finds the Service by its cluster-local name, qualified or bare from its own namespace', () => {
    expect(findSinkReference([{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector.observability.svc.cluster.local:4317' }], SINK, 'search')?.via).toBe('OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector.observability.svc.cluster.local:4317');
    expect(findSinkReference([{ name: 'COLLECTOR', value: 'otel-collector.observability:4317' }], SINK, 'shop')).toBeDefined();
    expect(findSinkReference([{ name: 'COLLECTOR', value: 'otel-collector:4317' }], SINK, 'observability')).toBeDefined();
    // A bare name from another namespace is that namespace's Service; a longer name is another Service.
    expect(findSinkReference([{ name: 'COLLECTOR', value: 'otel-collector:4317' }], { ...SINK, otlp: false }, 'shop')).toBeUndefined();
    expect(findSinkReference([{ name: 'COLLECTOR', value: 'otel-collector-canary.observability:4317' }], { ...SINK, otlp: false }, 'shop')).toBeUndefined();
  });

  it('takes an OTLP endpoint on the node address as sending through the node agent, for an OTLP sink only', () => {
    const env = [{ name: 'NODE_IP', ref: { kind: 'field' as const, key: 'status.hostIP' } }, { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://$(NODE_IP):4317' }];
    expect(findSinkReference(env, SINK, 'search')).toEqual({ via: 'OTEL_EXPORTER_OTLP_ENDPOINT=http://$(NODE_IP):4317', throughNodeAgent: true });
    expect(findSinkReference(env, { ...SINK, otlp: false }, 'search')).toBeUndefined();
    expect(findSinkReference([{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://localhost:4317' }], SINK, 'search')).toBeUndefined();
  });
});

describe('needsSinkSenders and findSinkSender', () => {
  it('reads the senders only when the sink refuses data for its memory, back one trigger window from the first refusal', () => {
    const pods = [pod(0)];
    expect(needsSinkSenders({ pods, logs: [{ pod: pods[0]?.name ?? '', container: 'app', previous: false, lines: ['all good'] }], collectedAt: NOW })).toBeUndefined();
    const need = needsSinkSenders({ pods, logs: [{ pod: pods[0]?.name ?? '', container: 'app', previous: false, lines: [refusing(43), refusing(2)] }], collectedAt: NOW });
    expect(need?.since).toBe(new Date(Date.parse(minutesAgo(43)) - 2 * 3600_000).toISOString());
  });

  it('names the newest sender rollout before the onset; none when no sender rolled out in the window', () => {
    const found = findSinkSender([sender('checkout', 'shop', 300), sender('search-api', 'search', 96)], minutesAgo(43), NOW);
    expect(found?.text).toBe('search-api (namespace search) rolled out revision 58 (1h 36m ago)');
    expect(findSinkSender([sender('checkout', 'shop', 300)], minutesAgo(43), NOW)).toBeUndefined();
    // A first install only began to send what it always sent.
    expect(findSinkSender([{ ...sender('search-api', 'search', 96), revisions: [revision({ revision: 1, hash: '7f9c6d5b4a' }, minutesAgo(96))] }], minutesAgo(43), NOW)).toBeUndefined();
  });

  it('puts the sender and its revision in the collector finding, which then dates its own change', () => {
    const pods = [0, 1].map((i) => pod(i));
    const logs = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [50, 40, 30, 20, 10, 5].map(refusing) }));
    const plain = findUnexplained(baseEvidence({ pods, logs }), [])[0];
    expect(plain?.title).toMatch(/memory_limiter refuses data/);
    expect(plain?.datesChange).toBeUndefined();
    const [f] = findUnexplained(baseEvidence({ pods, logs, sinkSenders: [sender('search-api', 'search', 96)] }), []);
    expect(f?.title).toMatch(/; since its sender search-api \(namespace search\) rolled out revision 58 \(1h 36m ago\)/);
    expect(f?.datesChange).toBe(true);
    expect(f?.nextAction).toMatch(/search-api/);
    expect(f?.evidence.join('\n')).toMatch(/OTEL_EXPORTER_OTLP_ENDPOINT=http:\/\/\$\(NODE_IP\):4317/);
  });
});
