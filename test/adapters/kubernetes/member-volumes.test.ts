// The volumes of a replicated dependency's members the scheduler cannot place for a volume node
// affinity conflict: their claim and its volume are read (the zone a node must be in), and only then.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NOW, boundClaim, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes, waiting } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'ledger';
const TIMED_OUT = '{"level":50,"err":{"type":"MongoWriteConcernError","message":"waiting for replication timed out","codeName":"WriteConcernFailed"},"msg":"failed to save entry"}';
const UNSCHED = "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
const target = { service: 'entries', namespace: NS, kind: 'Deployment' as const, name: 'entries' };

function cluster(pending: boolean) {
  const db = statefulSetApp({
    namespace: NS,
    name: 'entries-db',
    replicas: 2,
    revisions: [{ revision: 3, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'mongodb', image: 'docker.io/bitnami/mongodb:7.0.14', ports: [27017], volumeMounts: [{ name: 'datadir', mountPath: '/bitnami/mongodb' }] })] } }],
    pods: [
      { revision: 3, ordinal: 0, node: NODE_A, createdAgo: 30 * DAYS },
      pending
        ? { revision: 3, ordinal: 1, node: null, createdAgo: 300, unschedulable: UNSCHED, containers: { mongodb: waiting('ContainerCreating') } }
        : { revision: 3, ordinal: 1, node: NODE_A, createdAgo: 30 * DAYS },
    ],
    volumeClaimTemplates: [{ name: 'datadir', storage: '50Gi' }],
  });
  const claims = [0, 1].flatMap((i) => boundClaim({ namespace: NS, name: `datadir-entries-db-${i}`, storage: '50Gi', zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', createdAgo: 60 * DAYS }));
  const app = deploymentApp({
    namespace: NS,
    name: 'entries',
    replicas: 2,
    revisions: [{ revision: 8, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/ledger/entries:8.1.0', env: [{ name: 'MONGODB_URI', value: 'mongodb://entries-db-0.entries-db-hl.ledger.svc.cluster.local:27017/ledger?replicaSet=rs0&w=majority' }] })] } }],
    pods: [{ revision: 8, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 8, node: NODE_A, createdAgo: 3 * DAYS }],
  });
  const objects = [
    ...threeNodes(), ...app.objects, ...db.objects, ...claims,
    ...exposed({ namespace: NS, name: 'entries-db-hl', selector: { app: 'entries-db' }, pods: db.pods, ports: [{ name: 'mongodb', port: 27017, targetPort: 27017 }], endpointPort: 27017 }),
  ];
  for (const x of objects) h.fake.add(x);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${TIMED_OUT}\n${TIMED_OUT}\n` });
}

const volumeReads = () => h.fake.requests.filter((r) => r.path.startsWith('/api/v1/persistentvolumes/'));

describe('the volumes of members Pending on a volume node affinity conflict', () => {
  it('reads the Pending member\'s claim and the zone of its volume', async () => {
    cluster(true);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyMembers?.[0]?.volumes).toEqual([expect.objectContaining({ pod: 'entries-db-1', claim: 'datadir-entries-db-1', zones: ['eu-west-1b'] })]);
    expect(volumeReads().length).toBe(1);
  });

  it('reads none while every member runs', async () => {
    cluster(false);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyMembers?.[0]?.volumes).toBeUndefined();
    expect(volumeReads()).toEqual([]);
  });
});
