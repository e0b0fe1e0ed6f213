// The Istio sidecar's log is read only where the failing pods call a Service of the namespace whose
// TCP port is declared HTTP: one current log tail of one sidecar, nothing else.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, deploymentApp, nameOf, running, service, threeNodes } from '../../triage-corpus/kit/index.js';
import { podOf } from '../../triage-corpus/kit/held-out.js';
import { useHarness } from './harness.js';

const h = useHarness();
const target = { service: 'ledger', namespace: 'shop', kind: 'Deployment' as const, name: 'ledger' };

function cluster(portName: string) {
  const app = deploymentApp({
    namespace: 'shop',
    name: 'ledger',
    replicas: 2,
    revisions: [{ revision: 3, createdAgo: 4 * DAYS, template: { containers: [
      container({ image: 'registry.example.com/shop/ledger:3.1.0', env: [{ name: 'DATABASE_URL', value: 'postgresql://ledger@ledger-db.shop.svc.cluster.local:5432/ledger' }] }),
      container({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.23.2', ports: [{ name: 'http-envoy-prom', containerPort: 15090 }] }),
    ] } }],
    pods: [
      { revision: 3, node: NODE_A, createdAgo: 4 * DAYS, containers: { app: running({ sinceAgo: 4 * DAYS, ready: false }) } },
      { revision: 3, node: NODE_B, createdAgo: 4 * DAYS, containers: { app: running({ sinceAgo: 4 * DAYS, ready: false }) } },
    ],
  });
  const db = service({ namespace: 'shop', name: 'ledger-db', selector: { app: 'ledger-db' }, ports: [{ name: portName, port: 5432, targetPort: 5432 }] });
  return { objects: [...threeNodes(), ...app.objects, db], sick: [nameOf(podOf(app, 0)), nameOf(podOf(app, 1))] };
}

const FAILED = 'psycopg2.OperationalError: received invalid response to SSL negotiation: H\n';

describe('the mesh sidecar\'s log of a pod calling a Service whose TCP port is declared HTTP', () => {
  it('is read for one failing pod', async () => {
    const { objects, sick } = cluster('http-postgres');
    for (const o of objects) h.fake.add(o);
    for (const p of sick) {
      h.fake.setLogs('shop', p, 'app', { current: FAILED });
      h.fake.setLogs('shop', p, 'istio-proxy', { current: '[2026-11-21T03:10:00.000Z] "- - HTTP/1.1" 400 DPE http1.codec_error - "-" 0 11 0 - "-" "-" "-" "-" "-" - - 172.20.9.4:5432 10.0.1.7:41377 - -\n' });
    }
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.meshProxyLogs?.map((l) => `${l.container} ${l.lines[0] ?? ''}`)).toEqual([expect.stringMatching(/^istio-proxy .*400 DPE http1\.codec_error/)]);
    expect(h.fake.requests.filter((r) => /\/log/.test(r.path) && r.query.container === 'istio-proxy')).toHaveLength(1);
  });

  it('is not read when the port is named for TCP', async () => {
    const { objects, sick } = cluster('tcp-postgres');
    for (const o of objects) h.fake.add(o);
    for (const p of sick) h.fake.setLogs('shop', p, 'app', { current: FAILED });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.meshProxyLogs).toBeUndefined();
  });
});
