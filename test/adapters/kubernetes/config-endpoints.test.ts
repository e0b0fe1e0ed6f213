// Pods whose current log says a name does not resolve without naming it (gRPC's "produced zero
// addresses"): the ConfigMap the logging container mounts is got, once, and only its lines naming
// an in-cluster Service are kept (never the rest of its data, never a Secret); the Services of the
// other namespace those name are listed once. Nothing is read while the logs name what fails.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, configMap, container, deploymentApp, nameOf, service, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'observability';
const target = { service: 'otel-collector', namespace: NS, kind: 'Deployment' as const, name: 'otel-collector' };
const CONF = ['exporters:', '  otlp/tempo:', '    endpoint: tempo.tracing.svc.cluster.local:4317', '    headers:', '      x-scope-orgid: tenant-a-token', ''].join('\n');
const FAILING = '2026-11-21T03:10:00.000Z\tinfo\texporterhelper/retry_sender.go:118\tExporting failed. Will retry the request after interval.\t{"kind": "exporter", "name": "otlp/tempo", "error": "rpc error: code = Unavailable desc = name resolver error: produced zero addresses"}';

function cluster(log: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'otel-collector',
    replicas: 1,
    revisions: [{ revision: 14, createdAgo: 12 * DAYS, template: {
      containers: [container({ name: 'otel-collector', image: 'otel/opentelemetry-collector-contrib:0.98.0', volumeMounts: [{ name: 'conf', mountPath: '/conf' }] })],
      volumes: [{ name: 'conf', configMap: { name: 'otel-collector-conf' } }],
    } }],
    pods: [{ revision: 14, node: NODE_A, createdAgo: 12 * DAYS }],
  });
  const cm = configMap({ namespace: NS, name: 'otel-collector-conf', createdAgo: 40 * DAYS, data: { 'collector.yaml': CONF } });
  const tempo = service({ namespace: 'tracing', name: 'tempo-distributor', selector: { app: 'tempo' }, ports: [{ name: 'otlp-grpc', port: 4317, targetPort: 4317 }], createdAgo: 190 });
  const [p] = app.pods;
  for (const x of [...threeNodes(), ...app.objects, cm, tempo]) h.fake.add(x);
  if (p !== undefined) h.fake.setLogs(NS, nameOf(p), 'otel-collector', { current: `${log}\n`.repeat(3) });
}

const configReads = () => h.fake.requests.filter((r) => /\/configmaps\/[^/?]+/.test(r.path)).map((r) => r.path);
const tracingReads = () => h.fake.requests.filter((r) => r.path.startsWith('/api/v1/namespaces/tracing/')).map((r) => r.path);

describe('the config of pods whose log says a name does not resolve without naming it', () => {
  it('gets the mounted ConfigMap, keeps only its Service names, and lists the Services of the namespace they name', async () => {
    cluster(FAILING);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/otel-collector-conf`]);
    expect(tracingReads()).toEqual(['/api/v1/namespaces/tracing/services']);
    expect(h.fake.requests.filter((r) => r.path.includes('/secrets'))).toEqual([]);
    expect(ev.configEndpoints?.map(({ namespaceServices, ...e }) => ({ ...e, services: namespaceServices?.map((s) => s.name) }))).toEqual([
      { configMap: 'otel-collector-conf', key: 'collector.yaml', section: 'exporters.otlp/tempo', line: 'endpoint: tempo.tracing.svc.cluster.local:4317', host: 'tempo.tracing.svc.cluster.local:4317', service: 'tempo', namespace: 'tracing', services: ['tempo-distributor'] },
    ]);
    expect(JSON.stringify(ev)).not.toContain('tenant-a-token');
  });

  it('reads nothing while the log names no unresolved name', async () => {
    cluster('2026-11-21T03:10:00.000Z\tinfo\tservice@v0.98.0/service.go:169\tEverything is ready. Begin running and processing data.');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([]);
    expect(tracingReads()).toEqual([]);
    expect(ev.configEndpoints).toBeUndefined();
  });
});
