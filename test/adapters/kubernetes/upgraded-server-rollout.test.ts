// A server that refuses the workload's unchanged client for being older than it (MongoDB's
// "Unsupported OP_QUERY command"): one of its pods (the Service the client's address names) is
// read, then one list of its StatefulSet's ControllerRevisions says when it was upgraded. Nothing
// is listed while the logs name no such refusal.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'accounts';
const target = { service: 'profile-api', namespace: NS, kind: 'Deployment' as const, name: 'profile-api' };
const REFUSED = '{"level":50,"msg":"request failed: Unsupported OP_QUERY command: find. The client driver may require an upgrade."}';

function cluster(appLog: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'profile-api',
    replicas: 1,
    revisions: [{ revision: 8, createdAgo: 10 * DAYS, template: { containers: [container({ image: 'registry.example.com/accounts/profile-api:1.4.0', env: [{ name: 'DB_URI', value: 'mongodb://profile-db:27017/profiles' }] })] } }],
    pods: [{ revision: 8, node: NODE_A, createdAgo: 10 * DAYS }],
  });
  const tpl = (tag: string) => ({ containers: [container({ name: 'mongod', image: `mongo:${tag}`, ports: [27017] })] });
  const db = statefulSetApp({
    namespace: NS,
    name: 'profile-db',
    replicas: 1,
    revisions: [{ revision: 2, createdAgo: 80 * DAYS, template: tpl('5.0.9') }, { revision: 3, createdAgo: 45, template: tpl('6.0.4') }],
    pods: [{ revision: 3, ordinal: 0, node: NODE_B, createdAgo: 44 }],
  });
  for (const o of [...threeNodes(), ...app.objects, ...db.objects, ...exposed({ namespace: NS, name: 'profile-db', selector: { app: 'profile-db' }, pods: db.pods, ports: [{ name: 'mongo', port: 27017, targetPort: 27017 }], endpointPort: 27017 })]) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: appLog });
}

const revisionLists = () => h.fake.requests.filter((r) => r.path.startsWith(`/apis/apps/v1/namespaces/${NS}/controllerrevisions`));

describe('the revisions of a server that refuses an older client', () => {
  it('reads its pod and lists its StatefulSet\'s revisions once, keeping the one its pod runs and the one before', async () => {
    cluster(`${REFUSED}\n${REFUSED}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(revisionLists()).toHaveLength(1);
    const rollout = ev.dependencyPods?.find((d) => d.service === 'profile-db')?.rollout;
    expect(rollout?.statefulSet).toBe('profile-db');
    expect([rollout?.current.revision, rollout?.previous?.revision]).toEqual([3, 2]);
  });

  it('lists nothing while the logs name no such refusal', async () => {
    cluster('{"level":30,"msg":"GET /profiles/1 200"}\n');
    await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(revisionLists()).toEqual([]);
  });
});
