// A workload whose queries find a table missing: the database behind the Service its env names is
// read — one pod, its log tail, the claims it mounts and their volumes. Nothing of it while the
// queries work; never a Secret.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, boundClaim, container, deploymentApp, endpointSliceFor, nameOf, service, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'orders';
const target = { service: 'orders-api', namespace: NS, kind: 'Deployment' as const, name: 'orders-api' };
const MISSING = 'psycopg2.errors.UndefinedTable: relation "order_lines" does not exist';

function cluster(log: string) {
  const db = statefulSetApp({
    namespace: NS, name: 'orders-pg', replicas: 1,
    revisions: [{ revision: 1, createdAgo: 30, template: { containers: [container({ name: 'postgres', image: 'docker.io/library/postgres:16.4', ports: [5432], volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi', storageClass: 'gp3' }],
    pods: [{ revision: 1, ordinal: 0, node: NODE_A, createdAgo: 30 }],
    createdAgo: 30,
  });
  const claim = boundClaim({ namespace: NS, name: 'data-orders-pg-0', storage: '20Gi', zone: 'eu-west-1a', createdAgo: 30 });
  const svc = service({ namespace: NS, name: 'orders-pg', selector: { app: 'orders-pg' }, ports: [{ name: 'pg', port: 5432, targetPort: 5432 }] });
  const app = deploymentApp({
    namespace: NS, name: 'orders-api', replicas: 2,
    revisions: [{ revision: 4, createdAgo: 6 * DAYS, template: { containers: [container({ image: 'registry.example.com/orders/api:3.1.0', env: [{ name: 'DATABASE_URL', value: 'postgres://app@orders-pg:5432/orders' }] })] } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 6 * DAYS }, { revision: 4, node: NODE_B, createdAgo: 6 * DAYS }],
  });
  for (const x of [...threeNodes(), ...app.objects, ...db.objects, ...claim, svc, endpointSliceFor(svc, db.pods, 5432)]) h.fake.add(x);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
  for (const p of db.pods) h.fake.setLogs(NS, nameOf(p), 'postgres', { current: 'PostgreSQL init process complete; ready for start up.\n' });
}

const storeReads = () => h.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${NS}/pods/orders-pg-0` || /persistentvolumeclaims\/data-orders-pg-0|persistentvolumes\//.test(r.path));

describe('the database whose tables the workload finds missing', () => {
  it('is read — its pod, log tail, claim and volume — when the logs say a table is missing', async () => {
    cluster(`${MISSING}\n${MISSING}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.storeVolume?.service).toBe('orders-pg');
    expect(ev.storeVolume?.pod.ownerWorkload).toEqual({ kind: 'StatefulSet', name: 'orders-pg' });
    expect(ev.storeVolume?.logs[0]?.lines).toEqual(['PostgreSQL init process complete; ready for start up.']);
    expect(ev.storeVolume?.claims.map((c) => c.name)).toEqual(['data-orders-pg-0']);
    expect(ev.storeVolume?.volumes.map((v) => v.claim)).toEqual(['orders/data-orders-pg-0']);
    expect(storeReads()).toHaveLength(3);
    expect(h.fake.requests.some((r) => /\/secrets/.test(r.path))).toBe(false);
  });

  it('is not read while the queries work', async () => {
    cluster('GET /orders 200 12ms\nGET /orders/7 200 4ms\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.storeVolume).toBeUndefined();
    expect(storeReads()).toEqual([]);
  });
});
