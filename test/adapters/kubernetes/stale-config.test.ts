// Pods whose current logs say a host does not resolve, and that read a ConfigMap through a subPath
// mount: that ConfigMap is got, once, and only whether it still names the host and the lines naming
// a host like it are kept (never the rest of its data, never a Secret). Nothing is got while the
// host resolves.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, configMap, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'ledger';
const target = { service: 'ledger-api', namespace: NS, kind: 'Deployment' as const, name: 'ledger-api' };
const OLD = 'ledger-pg-a.q81zz0.us-east-2.rds.amazonaws.com';
const NEW = 'ledger-pg-b.q81zz0.us-east-2.rds.amazonaws.com';

function cluster(o: { failing: boolean }) {
  const app = deploymentApp({
    namespace: NS,
    name: 'ledger-api',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 6 * DAYS, template: {
      containers: [container({ image: 'registry.example/ledger-api:2.0.1', volumeMounts: [{ name: 'conf', mountPath: '/etc/ledger/app.toml', subPath: 'app.toml' }] })],
      volumes: [{ name: 'conf', configMap: { name: 'ledger-conf' } }],
    } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 6 * DAYS }],
  });
  const cm = configMap({ namespace: NS, name: 'ledger-conf', createdAgo: 90 * DAYS, updatedAgo: 95, data: { 'app.toml': `[db]\nhost = "${NEW}"\npassword_hint = "hunter2"\n` } });
  const [p] = app.pods;
  for (const x of [...threeNodes(), ...app.objects, cm]) h.fake.add(x);
  if (p !== undefined) h.fake.setLogs(NS, nameOf(p), 'app', { current: o.failing ? `level=error msg="dial error: lookup ${OLD} on 172.20.0.10:53: no such host"\n` : 'level=info msg="served GET /v1/balances 200"\n' });
}

const configReads = () => h.fake.requests.filter((r) => /\/configmaps\/[^/?]+/.test(r.path)).map((r) => r.path);

describe('the ConfigMap pods read through subPath when a host they name does not resolve', () => {
  it('gets that ConfigMap and keeps only whether it names the host, the lines naming a host like it, and its last write', async () => {
    cluster({ failing: true });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/ledger-conf`]);
    expect(h.fake.requests.filter((r) => r.path.includes('/secrets'))).toEqual([]);
    expect(ev.staleConfig).toEqual([{ configMap: 'ledger-conf', host: OLD, holdsHost: false, lines: [{ key: 'app.toml', line: `host = "${NEW}"` }], changedAt: '2026-11-21T01:39:00Z', changedBy: 'kubectl-edit' }]);
    expect(JSON.stringify(ev)).not.toContain('hunter2');
  });

  it('gets no ConfigMap while the host resolves', async () => {
    cluster({ failing: false });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([]);
    expect(ev.staleConfig).toBeUndefined();
  });
});
