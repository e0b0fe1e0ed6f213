// The members of a MongoDB replica set whose majority writes time out: a member that runs ready
// but was created recently has its current log read (it may still be in initial sync), and only then.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NOW, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'ledger';
const TIMED_OUT = '{"level":50,"err":{"type":"MongoWriteConcernError","message":"waiting for replication timed out","codeName":"WriteConcernFailed"},"msg":"failed to save entry"}';
const STARTUP2 = '{"t":{"$date":"2026-11-21T03:00:00.000+00:00"},"s":"I","c":"REPL","id":21358,"ctx":"ReplCoord-0","msg":"Replica set state transition","attr":{"newState":"STARTUP2","oldState":"STARTUP"}}';
const target = { service: 'entries', namespace: NS, kind: 'Deployment' as const, name: 'entries' };

function cluster(freshAgo: number) {
  const db = statefulSetApp({
    namespace: NS,
    name: 'entries-db',
    replicas: 3,
    revisions: [{ revision: 3, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'mongodb', image: 'docker.io/bitnami/mongodb:7.0.14', ports: [27017] })] } }],
    pods: [
      { revision: 3, ordinal: 0, node: NODE_A, createdAgo: 30 * DAYS },
      { revision: 3, ordinal: 1, node: NODE_A, createdAgo: 30 * DAYS },
      { revision: 3, ordinal: 2, node: NODE_A, createdAgo: freshAgo },
    ],
  });
  const app = deploymentApp({
    namespace: NS,
    name: 'entries',
    replicas: 2,
    revisions: [{ revision: 8, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/ledger/entries:8.1.0', env: [{ name: 'MONGODB_URI', value: 'mongodb://entries-db-0.entries-db-hl.ledger.svc.cluster.local:27017/ledger?replicaSet=rs0&w=majority' }] })] } }],
    pods: [{ revision: 8, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 8, node: NODE_A, createdAgo: 3 * DAYS }],
  });
  const objects = [
    ...threeNodes(), ...app.objects, ...db.objects,
    ...exposed({ namespace: NS, name: 'entries-db-hl', selector: { app: 'entries-db' }, pods: db.pods, ports: [{ name: 'mongodb', port: 27017, targetPort: 27017 }], endpointPort: 27017 }),
  ];
  for (const x of objects) h.fake.add(x);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${TIMED_OUT}\n${TIMED_OUT}\n` });
  for (const p of db.pods) h.fake.setLogs(NS, nameOf(p), 'mongodb', { current: `${STARTUP2}\n` });
}

const memberLogReads = () => h.fake.requests.filter((r) => /\/pods\/entries-db-\d\/log/.test(r.path));

describe('the current log of a ready replica-set member created recently', () => {
  it('is read when majority writes time out (it may still be in initial sync)', async () => {
    cluster(50);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(memberLogReads().map((r) => r.path)).toEqual([expect.stringContaining('/pods/entries-db-2/log')]);
    expect(ev.dependencyMembers?.[0]?.logs).toEqual([expect.objectContaining({ pod: 'entries-db-2', previous: false })]);
  });

  it('is not read when every member has run for days', async () => {
    cluster(30 * DAYS);
    await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(memberLogReads()).toEqual([]);
  });
});
