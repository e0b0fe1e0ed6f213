// A PostgreSQL the workload's logs say refuses an extension it did not preload (its own
// shared_preload_libraries): after one of its pods is read, one list of its StatefulSet's
// ControllerRevisions says which revision it runs and when that came. Nothing is listed while the
// logs name no such refusal.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'ledger';
const target = { service: 'ledger-stats', namespace: NS, kind: 'Deployment' as const, name: 'ledger-stats' };
const REFUSED = 'psycopg.errors.ObjectNotInPrerequisiteState: pg_stat_statements must be loaded via "shared_preload_libraries"';

function cluster(appLog: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'ledger-stats',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 2 * DAYS, template: { containers: [container({ image: 'registry.example.com/ledger/stats:2.0.1', env: [{ name: 'DATABASE_URL', value: 'postgresql://stats@ledger-db:5432/ledger' }] })] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 2 * DAYS }],
  });
  const pgTpl = (tag: string) => ({ containers: [container({ name: 'postgres', image: `postgres:${tag}`, ports: [5432] })] });
  const db = statefulSetApp({
    namespace: NS,
    name: 'ledger-db',
    replicas: 1,
    revisions: [{ revision: 5, createdAgo: 40 * DAYS, template: pgTpl('16.3') }, { revision: 6, createdAgo: 95, template: pgTpl('16.4') }],
    pods: [{ revision: 6, ordinal: 0, node: NODE_B, createdAgo: 94 }],
  });
  for (const o of [...threeNodes(), ...app.objects, ...db.objects, ...exposed({ namespace: NS, name: 'ledger-db', selector: { app: 'ledger-db' }, pods: db.pods, ports: [{ name: 'pg', port: 5432, targetPort: 5432 }], endpointPort: 5432 })]) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: appLog });
}

const revisionLists = () => h.fake.requests.filter((r) => r.path.startsWith(`/apis/apps/v1/namespaces/${NS}/controllerrevisions`));

describe("the revisions of a server's StatefulSet that refuses by its own settings", () => {
  it('lists them once and keeps the revision its pod runs and the one before', async () => {
    cluster(`${REFUSED}\n${REFUSED}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(revisionLists()).toHaveLength(1);
    const rollout = ev.dependencyPods?.[0]?.rollout;
    expect(rollout?.statefulSet).toBe('ledger-db');
    expect([rollout?.current.revision, rollout?.previous?.revision]).toEqual([6, 5]);
  });

  it('lists nothing while the logs name no such refusal', async () => {
    cluster('GET /stats 200\n');
    await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(revisionLists()).toEqual([]);
  });
});
