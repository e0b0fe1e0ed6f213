// An Envoy sidecar that refuses requests at its circuit breakers again and again (503 UO): the
// ConfigMap its container mounts and the one the revision before mounted there are got (two at
// most), and only the circuit_breakers thresholds are kept (never the rest of the data, never a
// Secret). Nothing is got while Envoy refuses nothing.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, at, configMap, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'pricing';
const target = { service: 'quotes', namespace: NS, kind: 'Deployment' as const, name: 'quotes' };
const ENVOY = (breakers: boolean) => [
  'static_resources:',
  '  clusters:',
  '  - name: local_app',
  '    type: STATIC',
  ...(breakers ? ['    circuit_breakers:', '      thresholds:', '      - max_pending_requests: 8', '        max_requests: 16'] : []),
  '    transport_socket: { name: tls, typed_config: { sds: "secret-token-abc" } }',
  '',
].join('\n');
const refused = (m: number) => `[${at(m)}] "POST /v2/quotes HTTP/1.1" 503 UO 0 81 0 - "10.0.33.18" "Go-http-client/1.1" "5e1c-${m}" "quotes.pricing.svc.cluster.local:80" "-"`;
const served = (m: number) => `[${at(m)}] "POST /v2/quotes HTTP/1.1" 200 - 412 1893 171 170 "10.0.33.18" "Go-http-client/1.1" "5e1c-${m}" "quotes.pricing.svc.cluster.local:80" "127.0.0.1:8080"`;

function cluster(o: { overflowing: boolean }) {
  const tpl = (cm: string) => ({
    containers: [
      container({ image: 'registry.example.com/quotes:3.6.2', ports: [8080] }),
      container({ name: 'envoy', image: 'docker.io/envoyproxy/envoy:v1.31.2', ports: [10000], volumeMounts: [{ name: 'envoy-config', mountPath: '/etc/envoy', readOnly: true }] }),
    ],
    volumes: [{ name: 'certs', secret: { secretName: 'quotes-tls' } }, { name: 'envoy-config', configMap: { name: cm } }],
  });
  const app = deploymentApp({
    namespace: NS,
    name: 'quotes',
    replicas: 1,
    revisions: [
      { revision: 14, createdAgo: 9 * DAYS, template: tpl('quotes-envoy-old') },
      { revision: 15, createdAgo: 38, template: tpl('quotes-envoy-new') },
    ],
    pods: [{ revision: 15, node: NODE_A, createdAgo: 37 }],
  });
  const cms = [configMap({ namespace: NS, name: 'quotes-envoy-old', createdAgo: 9 * DAYS, data: { 'envoy.yaml': ENVOY(false) } }), configMap({ namespace: NS, name: 'quotes-envoy-new', createdAgo: 38, data: { 'envoy.yaml': ENVOY(true) } })];
  for (const x of [...threeNodes(), ...app.objects, ...cms]) h.fake.add(x);
  const [p] = app.pods;
  const lines = o.overflowing ? [refused(5), refused(4), served(3.5), refused(3), refused(2)] : [served(5), served(4), served(3)];
  if (p !== undefined) h.fake.setLogs(NS, nameOf(p), 'envoy', { current: `${lines.join('\n')}\n` });
}

const configReads = () => h.fake.requests.filter((r) => /\/configmaps\/[^/?]+/.test(r.path)).map((r) => r.path);
const secretReads = () => h.fake.requests.filter((r) => r.path.includes('/secrets'));

describe('the circuit breaker thresholds of an Envoy sidecar that refuses requests with 503 UO', () => {
  it('gets the ConfigMap it mounts and the one the revision before mounted, keeping only the thresholds', async () => {
    cluster({ overflowing: true });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads().sort()).toEqual([`/api/v1/namespaces/${NS}/configmaps/quotes-envoy-new`, `/api/v1/namespaces/${NS}/configmaps/quotes-envoy-old`]);
    expect(secretReads()).toEqual([]);
    expect(ev.circuitBreakerConfig).toEqual([
      { configMap: 'quotes-envoy-new', mountedNow: true, thresholds: [{ key: 'envoy.yaml', cluster: 'local_app', setting: 'max_pending_requests', value: 8 }, { key: 'envoy.yaml', cluster: 'local_app', setting: 'max_requests', value: 16 }] },
      { configMap: 'quotes-envoy-old', mountedNow: false, thresholds: [] },
    ]);
    expect(JSON.stringify(ev)).not.toContain('secret-token-abc');
  });

  it('gets no ConfigMap while Envoy refuses nothing', async () => {
    cluster({ overflowing: false });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([]);
    expect(ev.circuitBreakerConfig).toBeUndefined();
  });
});
