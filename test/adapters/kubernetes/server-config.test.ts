// A MySQL the workload's logs say rejects its statements (bigger than max_allowed_packet): after
// one of its pods is read, the ConfigMap that pod mounts is got, and only the setting named is
// kept (never the rest of its data, never a Secret). Nothing is got while the logs say nothing.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, ago, NODE_B, configMap, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'shop';
const target = { service: 'orders-writer', namespace: NS, kind: 'Deployment' as const, name: 'orders-writer' };
const TOO_BIG = "com.mysql.cj.jdbc.exceptions.PacketTooBigException: Packet for query is too large (5,100,200 > 4,194,304). You can change this value on the server by setting the 'max_allowed_packet' variable.";

function cluster(appLog: string, opts: { editedAgo?: number } = {}) {
  const app = deploymentApp({
    namespace: NS,
    name: 'orders-writer',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 2 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/orders-writer:1.4.0', env: [{ name: 'DB_URL', value: 'jdbc:mysql://orders-db:3306/orders' }] })] } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 2 * DAYS }],
  });
  const db = statefulSetApp({
    namespace: NS,
    name: 'orders-db',
    replicas: 1,
    revisions: [{ revision: 2, createdAgo: 40 * DAYS, template: {
      containers: [container({ name: 'mysql', image: 'mysql:8.0.40', ports: [3306], volumeMounts: [{ name: 'config', mountPath: '/etc/mysql/conf.d' }, { name: 'creds', mountPath: '/creds' }] })],
      volumes: [{ name: 'config', configMap: { name: 'orders-db-cnf' } }, { name: 'creds', secret: { secretName: 'orders-db-root' } }],
    } }],
    pods: [{ revision: 2, ordinal: 0, node: NODE_B, createdAgo: 16 * DAYS }],
  });
  const cm = configMap({ namespace: NS, name: 'orders-db-cnf', createdAgo: 300 * DAYS, ...(opts.editedAgo === undefined ? {} : { updatedAgo: opts.editedAgo }), data: { 'my.cnf': '[mysqld]\nmax_connections = 300\nmax_allowed_packet = 4M\n', 'init.sql': 'CREATE USER app IDENTIFIED BY "hunter2";' } });
  for (const o of [...threeNodes(), ...app.objects, ...db.objects, cm, ...exposed({ namespace: NS, name: 'orders-db', selector: { app: 'orders-db' }, pods: db.pods, ports: [{ name: 'mysql', port: 3306, targetPort: 3306 }], endpointPort: 3306 })]) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: appLog });
}

const configReads = () => h.fake.requests.filter((r) => r.path.startsWith(`/api/v1/namespaces/${NS}/configmaps/`)).map((r) => r.path);
const secretReads = () => h.fake.requests.filter((r) => r.path.includes('/secrets'));

describe("the ConfigMap a refusing server's pod mounts", () => {
  it('gets that one ConfigMap and keeps only the setting the refusal names', async () => {
    cluster(`${TOO_BIG}\n${TOO_BIG}\n${TOO_BIG}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/orders-db-cnf`]);
    expect(secretReads()).toEqual([]);
    expect(ev.dependencyPods?.[0]?.config).toEqual([{ configMap: 'orders-db-cnf', key: 'my.cnf', setting: 'max_allowed_packet', value: '4M' }]);
    expect(JSON.stringify(ev)).not.toContain('hunter2');
  });

  it('keeps when the ConfigMap was last edited, after its creation', async () => {
    cluster(`${TOO_BIG}\n${TOO_BIG}\n${TOO_BIG}\n`, { editedAgo: 3 * 60 });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const [c] = ev.dependencyPods?.[0]?.config ?? [];
    expect(c?.setting).toBe('max_allowed_packet');
    expect(c?.editedAt).toBe(ago(3 * 60).toISOString());
  });

  it('gets no ConfigMap while the logs name no refused setting', async () => {
    cluster('INSERT ok\n');
    await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([]);
  });
});
