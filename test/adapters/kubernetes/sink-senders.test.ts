// A collector whose memory_limiter refuses data while nothing of its own changed: the adapter lists
// the cluster's Deployments once, bounded, keeps those whose env sends to it (its Service, or OTLP to
// the node's agent), and reads the ReplicaSets of their namespaces for their newest revisions, so the
// verdict can name the sender that rolled out. Nothing of the kind is read otherwise.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, container, deploymentApp, nameOf, service, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'observability';
const target = { service: 'otel-collector', namespace: NS, kind: 'Deployment' as const, name: 'otel-collector' };
const at = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const refusing = (m: number) => `${at(m)}\twarn\tmemorylimiter@v0.128.0/memorylimiter.go:205\tMemory usage is above soft limit. Refusing data.\t{"otelcol.component.id": "memory_limiter", "otelcol.pipeline.id": "traces", "cur_mem_mib": 1320}`;

function app(namespace: string, name: string, env: { name: string; value?: string; valueFrom?: unknown }[], rolledAgo: number) {
  const tpl = (v: string) => ({ containers: [container({ image: `registry.example.com/${name}:${v}`, env: env as never })] });
  return deploymentApp({
    namespace, name, replicas: 1,
    revisions: [{ revision: 7, createdAgo: 20 * DAYS, template: tpl('1.0.0') }, { revision: 8, createdAgo: rolledAgo, template: tpl('1.1.0') }],
    pods: [{ revision: 8, node: NODE_B, createdAgo: rolledAgo - 1 }],
    settled: { available: true, availableSince: rolledAgo - 3, progressingSince: rolledAgo, progressingUpdatedAgo: rolledAgo - 3 },
  });
}

function cluster(log: string) {
  const collector = deploymentApp({
    namespace: NS, name: 'otel-collector', replicas: 1,
    revisions: [{ revision: 22, createdAgo: 12 * DAYS, template: { containers: [container({ name: 'otel-collector', image: 'otel/opentelemetry-collector-contrib:0.128.0', ports: [4317] })] } }],
    pods: [{ revision: 22, node: NODE_A, createdAgo: 12 * DAYS }],
  });
  const search = app('search', 'search-api', [{ name: 'NODE_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIP' } } }, { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://$(NODE_IP):4317' }], 96);
  const shop = app('shop', 'checkout', [{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector.observability.svc.cluster.local:4317' }], 50);
  const quiet = app('web', 'landing', [{ name: 'LOG_LEVEL', value: 'info' }], 30);
  const svc = service({ namespace: NS, name: 'otel-collector', selector: { app: 'otel-collector' }, ports: [{ name: 'otlp-grpc', port: 4317, targetPort: 4317 }] });
  for (const o of [...threeNodes(), ...collector.objects, ...search.objects, ...shop.objects, ...quiet.objects, svc]) h.fake.add(o);
  for (const p of collector.pods) h.fake.setLogs(NS, nameOf(p), 'otel-collector', { current: log });
}

const deploymentLists = () => h.fake.requests.filter((r) => r.path === '/apis/apps/v1/deployments');
const replicaSetLists = () => h.fake.requests.filter((r) => /^\/apis\/apps\/v1\/namespaces\/(search|shop|web)\/replicasets$/.test(r.path));

describe('the senders of a collector that refuses data for its memory', () => {
  it('lists the cluster\'s Deployments once, bounded, and keeps the senders that rolled out, with how they send', async () => {
    cluster([40, 30, 20, 10, 5, 2].map(refusing).join('\n') + '\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const got = (ev.sinkSenders ?? []).map((s) => [s.namespace, s.deployment, s.revisions.map((r) => r.revision), s.via, s.throughNodeAgent ?? false]).sort();
    expect(got).toEqual([
      ['search', 'search-api', [8, 7], 'OTEL_EXPORTER_OTLP_ENDPOINT=http://$(NODE_IP):4317', true],
      ['shop', 'checkout', [8, 7], 'OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector.observability.svc.cluster.local:4317', false],
    ]);
    expect(deploymentLists()).toHaveLength(1);
    expect(Number(deploymentLists()[0]?.query.limit)).toBeLessThanOrEqual(500);
    expect(replicaSetLists().map((r) => r.path).sort()).toEqual(['/apis/apps/v1/namespaces/search/replicasets', '/apis/apps/v1/namespaces/shop/replicasets']);
  });

  it('reads nothing of the kind when the collector refuses nothing', async () => {
    cluster(`${at(1)}\tinfo\tmemorylimiter@v0.128.0/memorylimiter.go:225\tMemory usage back within limits. Resuming normal operation.\t{"cur_mem_mib": 900}\n`);
    expect((await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS })).sinkSenders).toBeUndefined();
    expect(deploymentLists()).toEqual([]);
    expect(replicaSetLists()).toEqual([]);
  });
});
