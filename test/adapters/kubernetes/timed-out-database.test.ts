// Queries that time out on a database Service of the namespace: the adapter reads one ready pod of
// it and its log tail, where the database names the lock they wait on. Nothing of it is read while
// the workload's logs show no statement timeouts.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NODE_C, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'catalog';
const target = { service: 'catalog-api', namespace: NS, kind: 'Deployment' as const, name: 'catalog-api' };
const TIMEOUT = 'Caused by: org.postgresql.util.PSQLException: ERROR: canceling statement due to statement timeout';
const PG = '2026-11-21 02:55:30.000 UTC [4711] DETAIL:  Process holding the lock: 4682. Wait queue: 4711.';

function cluster(appLog: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'catalog-api',
    replicas: 2,
    revisions: [{ revision: 57, createdAgo: 7 * DAYS, template: { containers: [container({ image: 'registry.example.com/catalog/catalog-api:4.12.3', env: [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://catalog-db:5432/catalog' }] })] } }],
    pods: [{ revision: 57, node: NODE_A, createdAgo: 7 * DAYS }, { revision: 57, node: NODE_B, createdAgo: 7 * DAYS }],
  });
  const db = statefulSetApp({
    namespace: NS,
    name: 'catalog-db',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'postgres', image: 'postgres:16.4', ports: [5432] })] } }],
    pods: [{ revision: 3, ordinal: 0, node: NODE_C, createdAgo: 12 * DAYS }],
  });
  for (const o of [...threeNodes(), ...app.objects, ...db.objects, ...exposed({ namespace: NS, name: 'catalog-db', selector: { app: 'catalog-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432 })]) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: appLog });
  const dbPod = nameOf(db.pods[0]!);
  h.fake.setLogs(NS, dbPod, 'postgres', { current: `${PG}\n` });
  return { dbPod };
}

const dbLogReads = (pod: string) => h.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${NS}/pods/${pod}/log`);

describe('the database a workload\'s queries time out on', () => {
  it('reads one ready pod of it and its log tail, which names the lock holder', async () => {
    const { dbPod } = cluster(`${TIMEOUT}\n${TIMEOUT}\n${TIMEOUT}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const [dep] = ev.dependencyPods ?? [];
    expect(dep?.service).toBe('catalog-db');
    expect(dep?.logs.flatMap((l) => l.lines).join('\n')).toContain('Process holding the lock: 4682');
    expect(dbLogReads(dbPod)).toHaveLength(1);
  });

  it('reads nothing of it while the queries do not time out', async () => {
    const { dbPod } = cluster('GET /v1/products/SKU-1 200 12ms\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyPods).toBeUndefined();
    expect(dbLogReads(dbPod)).toEqual([]);
  });
});
