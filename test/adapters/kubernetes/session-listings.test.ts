// An app whose statements time out on locks (55P03) while its database's log names the holding pid:
// the adapter lists the namespace's Jobs and reads the log of the psql run of the hour against that
// database, keeping only its session table, and lists the namespace's rollouts (the other client
// that rolled out). An app whose statements do not time out on locks reads neither.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NOW, batchContainer, container, deploymentApp, exposed, job, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'shop';
const target = { service: 'orders-api', namespace: NS, kind: 'Deployment' as const, name: 'orders-api' };
const stamp = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const pgStamp = (m: number) => stamp(m).replace('T', ' ').replace('Z', ' UTC');
const dsn = (user: string) => ({ name: 'DATABASE_URL', value: `postgres://${user}@shop-db.${NS}.svc.cluster.local:5432/shop` });

const TABLE = [
  ' pid  | application_name | client_addr |        state        |  xact_age   | query',
  '------+------------------+-------------+---------------------+-------------+------------------------------',
  ' 7710 | stock-reserver   | 10.1.2.3    | idle in transaction | 00:41:00.10 | SELECT 1 FROM stock FOR UPDATE',
  '(1 row)',
];

function cluster(appLine: (m: number) => string) {
  const app = deploymentApp({
    namespace: NS, name: 'orders-api', replicas: 1,
    revisions: [{ revision: 3, createdAgo: 8 * DAYS, template: { containers: [container({ image: 'registry.example.com/orders-api:1.2.0', ports: [8080], env: [dsn('orders')] })] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 8 * DAYS }],
  });
  const reserver = deploymentApp({
    namespace: NS, name: 'stock-reserver', replicas: 1,
    revisions: [
      { revision: 4, createdAgo: 30 * DAYS, template: { containers: [container({ image: 'registry.example.com/stock-reserver:2.3.1', ports: [9000], env: [dsn('stock')] })] } },
      { revision: 5, createdAgo: 60, template: { containers: [container({ image: 'registry.example.com/stock-reserver:2.4.0', ports: [9000], env: [dsn('stock')] })] } },
    ],
    pods: [{ revision: 5, node: NODE_A, createdAgo: 59 }],
  });
  const db = statefulSetApp({
    namespace: NS, name: 'shop-db', replicas: 1,
    revisions: [{ revision: 1, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'postgres', image: 'docker.io/library/postgres:16.4', ports: [{ name: 'postgres', containerPort: 5432 }] })] } }],
    pods: [{ revision: 1, ordinal: 0, node: NODE_A, createdAgo: 20 * DAYS }],
  });
  const snap = job({
    namespace: NS, name: 'pg-sessions-manual', createdAgo: 4,
    template: { containers: [batchContainer({ name: 'psql', image: 'docker.io/library/postgres:16.4', command: ['psql', '-h', 'shop-db', '-U', 'monitor', 'shop', '-c', 'SELECT … FROM pg_stat_activity'] })] },
    pods: [{ createdAgo: 4, node: NODE_A, phase: 'Succeeded', containers: { psql: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: new Date(stamp(4)), finishedAt: new Date(stamp(3.9)) } }, ready: false, restartCount: 0, started: false } } }],
    outcome: { complete: true, ago: 3.9 },
  });
  for (const o of [...threeNodes(), ...app.objects, ...reserver.objects, ...db.objects, ...snap.objects, ...exposed({ namespace: NS, name: 'shop-db', selector: { app: 'shop-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 })]) h.fake.add(o);
  const pod = app.pods[0];
  if (pod !== undefined) h.fake.setLogs(NS, nameOf(pod), 'app', { current: [40, 30, 20, 10].map(appLine).join('\n') + '\n' });
  const dbPod = db.pods[0];
  if (dbPod !== undefined) h.fake.setLogs(NS, nameOf(dbPod), 'postgres', { current: [30, 20, 10].flatMap((m) => [
    `${pgStamp(m)} [${9000 + m}] LOG:  process ${9000 + m} still waiting for ShareLock on transaction 5501 after 1000.2 ms`,
    `${pgStamp(m)} [${9000 + m}] DETAIL:  Process holding the lock: 7710. Wait queue: ${9000 + m}.`,
  ]).join('\n') + '\n' });
  const run = snap.pods[0];
  if (run !== undefined) h.fake.setLogs(NS, nameOf(run), 'psql', { current: ['           now', '-------------------------', ` ${stamp(4)}`, '(1 row)', '', ...TABLE, ''].join('\n') });
  return { run };
}

const jobLogReads = () => h.fake.requests.filter((r) => r.path.endsWith('/log') && r.path.includes('/pg-sessions-'));

describe('the sessions that hold the locks a workload times out on', () => {
  it('reads the session table of the psql run of the hour against the database, and the namespace\'s rollouts', async () => {
    const { run } = cluster((m) => `{"ts":"${stamp(m)}","level":"error","msg":"reserve failed","error":"ERROR: canceling statement due to lock timeout (SQLSTATE 55P03)"}`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.sessionListings).toHaveLength(1);
    expect(ev.sessionListings?.[0]).toMatchObject({ database: 'shop-db', job: 'pg-sessions-manual', pod: nameOf(run), container: 'psql' });
    expect(ev.sessionListings?.[0]?.lines).toEqual([TABLE[0], TABLE[2]]);
    expect(jobLogReads()).toHaveLength(1);
    expect(ev.namespaceRollouts?.map((r) => r.deployment)).toEqual(['stock-reserver']);
  });

  it('reads no Job log when no statement times out on a lock', async () => {
    cluster((m) => `{"ts":"${stamp(m)}","level":"info","msg":"GET /healthz 200"}`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.sessionListings).toBeUndefined();
    expect(jobLogReads()).toEqual([]);
  });
});
