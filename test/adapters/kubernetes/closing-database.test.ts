// A Postgres that the workload's logs say closed their connections ("server closed the connection
// unexpectedly"): one of its ready pods and its log tail are read, whose own words name the timeout
// it terminated them at; then the ConfigMap that pod mounts, only that setting kept. Nothing of it
// is read while the logs say nothing of closed connections.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, configMap, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'billing';
const target = { service: 'invoice-runner', namespace: NS, kind: 'Deployment' as const, name: 'invoice-runner' };
const PG_LOG = [
  '2026-11-21 00:08:00.000 UTC [1] LOG:  parameter "idle_in_transaction_session_timeout" changed to "30s"',
  '2026-11-21 03:01:00.000 UTC [48211] invoice_runner@billing FATAL:  terminating connection due to idle-in-transaction timeout',
  '2026-11-21 03:09:00.000 UTC [48248] invoice_runner@billing FATAL:  terminating connection due to idle-in-transaction timeout',
].join('\n');
const CLOSED = ['2026-11-21 03:01:40,000 ERROR worker: finalizing failed', 'psycopg2.OperationalError: server closed the connection unexpectedly', '2026-11-21 03:09:40,000 ERROR worker: finalizing failed', 'psycopg2.OperationalError: server closed the connection unexpectedly'].join('\n');

function cluster(appLog: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'invoice-runner',
    replicas: 1,
    revisions: [{ revision: 9, createdAgo: 2 * DAYS, template: { containers: [container({ image: 'registry.example.com/billing/invoice-runner:3.4.1', env: [{ name: 'DATABASE_URL', value: 'postgresql+psycopg2://invoice_runner@billing-pg.billing.svc.cluster.local:5432/billing' }] })] } }],
    pods: [{ revision: 9, node: NODE_A, createdAgo: 2 * DAYS }],
  });
  const db = statefulSetApp({
    namespace: NS,
    name: 'billing-pg',
    replicas: 1,
    revisions: [{ revision: 1, createdAgo: 200 * DAYS, template: {
      containers: [container({ name: 'postgres', image: 'postgres:16.4', args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'], ports: [5432], volumeMounts: [{ name: 'config', mountPath: '/etc/postgresql' }] })],
      volumes: [{ name: 'config', configMap: { name: 'billing-pg-config' } }],
    } }],
    pods: [{ revision: 1, ordinal: 0, node: NODE_B, createdAgo: 23 * DAYS }],
  });
  const cm = configMap({ namespace: NS, name: 'billing-pg-config', createdAgo: 200 * DAYS, updatedAgo: 190, data: { 'postgresql.conf': "max_connections = 200\nidle_in_transaction_session_timeout = '30s'   # DBA-2291\n" } });
  for (const o of [...threeNodes(), ...app.objects, ...db.objects, cm, ...exposed({ namespace: NS, name: 'billing-pg', selector: { app: 'billing-pg' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432 })]) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${appLog}\n` });
  for (const p of db.pods) h.fake.setLogs(NS, nameOf(p), 'postgres', { current: `${PG_LOG}\n` });
}

const configReads = () => h.fake.requests.filter((r) => r.path.startsWith(`/api/v1/namespaces/${NS}/configmaps/`)).map((r) => r.path);

describe('the Postgres the workload\'s logs say closed their connections', () => {
  it('reads one of its pods, its log tail, and the timeout its mounted ConfigMap sets', async () => {
    cluster(CLOSED);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const [dep] = ev.dependencyPods ?? [];
    expect(dep?.service).toBe('billing-pg');
    expect(dep?.logs.flatMap((l) => l.lines).join('\n')).toContain('idle-in-transaction timeout');
    expect(dep?.config).toEqual([{ configMap: 'billing-pg-config', key: 'postgresql.conf', setting: 'idle_in_transaction_session_timeout', value: '30s', editedAt: '2026-11-21T00:04:00.000Z' }]);
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/billing-pg-config`]);
  });

  it('reads nothing of it while the logs say nothing of closed connections', async () => {
    cluster('2026-11-21 03:09:40,000 INFO worker: finalized INV-1');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyPods).toBeUndefined();
    expect(configReads()).toEqual([]);
  });
});
