import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { listVersionRefusedServices } from '../../../../src/domain/triage/server-version-requirement.js';
import { container, pod, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';
import { serverPod, serverRevision } from '../scenarios/upgraded-server.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { listUpgradedServerRolloutReads, listUpgradedServerServices } from '../../../../src/domain/triage/server-upgrade.js';
import { NOW } from '../scenarios/builders.js';

const REFUSAL = [
  '2026-11-21T03:10:01.000Z pid=1 tid=2bx0 INFO: Booted Rails 7.1.5 application in production environment',
  'You are connecting to Redis 5.0.14, Worker requires Redis 6.2.0 or greater',
  '/usr/local/bundle/gems/worker-7.2.4/lib/worker/cli.rb:77:in `run\'',
  '/usr/local/lib/ruby/3.3.0/bundler/cli/exec.rb:23:in `run\'',
];

describe('analyzeExitCodes: a client library refusing a server older than it requires', () => {
  it('names both versions and the server workload with its image, and the fix: the client back or the server up', () => {
    const ev = crashScenario(2, () => terminated(1, 'Error', 2), { logs: REFUSAL });
    const server = pod(0, { name: 'queue-redis-0', ownerWorkload: { kind: 'StatefulSet', name: 'queue-redis' }, containers: [container({ name: 'redis', image: 'docker.io/library/redis:5.0.14' })] });
    const [f] = analyzeExitCodes({ ...ev, dependencyPods: [{ service: 'queue-redis', pod: server, logs: [] }] });
    expect(f?.title).toContain('Worker requires Redis 6.2.0 or greater, and the Redis it connects to runs 5.0.14 (StatefulSet queue-redis, image redis:5.0.14)');
    expect(f?.decisive).toBe('You are connecting to Redis 5.0.14, Worker requires Redis 6.2.0 or greater');
    expect(f?.nextAction).toMatch(/upgrade StatefulSet queue-redis to Redis 6\.2\.0 or later/);
    expect(f?.fix).toMatch(/pin Worker to a release that supports Redis 5\.0\.14/);
  });

  it("reads Django's wording, and says what it could not read when the server's pod is unknown", () => {
    const django = ['django.db.utils.NotSupportedError: PostgreSQL 13 or later is required (found 12.8).'];
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(1, 'Error', 2), { logs: django }));
    expect(f?.title).toContain('the client library requires PostgreSQL 13 or greater, and the PostgreSQL it connects to runs 12.8');
    expect(f?.nextAction).toMatch(/upgrade the PostgreSQL server/);
  });
});

describe('listVersionRefusedServices', () => {
  it("picks the namespace Service the client's address names, for its pod to be read", () => {
    const app = container({ env: [{ name: 'REDIS_URL', value: 'redis://queue-redis.shop.svc.cluster.local:6379/0' }, { name: 'DATABASE_URL', value: 'postgres://db:5432/shop' }] });
    const logs = [{ pod: 'w-0', container: app.name, previous: true, lines: REFUSAL }];
    const pods = [pod(0, { name: 'w-0', containers: [app] })];
    expect(listVersionRefusedServices({ logs, pods, target: { service: 'w', namespace: 'shop', kind: 'Deployment', name: 'w' } })).toEqual(['queue-redis']);
    expect(listVersionRefusedServices({ logs: [{ ...logs[0]!, lines: ['ERROR connection refused'] }], pods, target: { service: 'w', namespace: 'shop', kind: 'Deployment', name: 'w' } })).toEqual([]);
  });
});

describe('analyzeExitCodes: a MongoDB driver refusing a server below its minimum wire version', () => {
  const WIRE = [
    '{"level":60,"msg":"cannot start","err":{"type":"MongoServerSelectionError","message":"Server at orders-db-1.orders-db.shop.svc.cluster.local:27017 reports maximum wire version 5, but this version of the Node.js Driver requires at least 7 (MongoDB 4.0)"}}',
  ];

  it('names the server release its wire version means, the workload running it, and the driver pin or server upgrade', () => {
    const ev = crashScenario(1, () => terminated(1, 'Error', 2), { logs: WIRE });
    const server = pod(0, { name: 'orders-db-1', ownerWorkload: { kind: 'StatefulSet', name: 'orders-db' }, containers: [container({ name: 'mongod', image: 'docker.io/library/mongo:3.4.24' })] });
    const [f] = analyzeExitCodes({ ...ev, dependencyPods: [{ service: 'orders-db', pod: server, logs: [] }] });
    expect(f?.title).toContain('the MongoDB Node.js driver requires MongoDB 4.0 or greater, and the MongoDB it connects to runs 3.4 (wire version 5) (StatefulSet orders-db, image mongo:3.4.24)');
    expect(f?.decisive).toMatch(/^Server at orders-db-1\S+ reports maximum wire version 5/);
    expect(f?.fix).toMatch(/upgrade StatefulSet orders-db to MongoDB 4\.0 or later, or pin the MongoDB Node\.js driver/);
  });

  it('picks the Service of the mongodb:// address for its pod to be read', () => {
    const app = container({ env: [{ name: 'MONGO_URL', value: 'mongodb://orders-db-0.orders-db.shop.svc.cluster.local:27017,orders-db-1.orders-db.shop.svc.cluster.local:27017/orders?replicaSet=rs0' }] });
    const logs = [{ pod: 'w-0', container: app.name, previous: true, lines: WIRE }];
    const pods = [pod(0, { name: 'w-0', containers: [app] })];
    expect(listVersionRefusedServices({ logs, pods, target: { service: 'w', namespace: 'shop', kind: 'Deployment', name: 'w' } })).toEqual(['orders-db']);
  });
});

describe('analyzeExitCodes: a MongoDB driver refusing a server above its maximum wire version', () => {
  const CEILING = [
    '{"level":30,"msg":"ledger-sync starting (mongodb driver 3.5.9)"}',
    '{"level":60,"msg":"cannot start","err":{"type":"MongoServerSelectionError","message":"Server at ledger-db-2.ledger-db.acct.svc.cluster.local:27017 reports minimum wire version 21, but this version of the Node.js Driver requires at most 8 (MongoDB 4.2)","reason":{"type":"ReplicaSetNoPrimary","setName":"rs0","compatible":false}}}',
  ];
  const DAY = 24 * 60;
  const withAddress = () => {
    const ev = crashScenario(2, () => terminated(1, 'Error', 2), { logs: CEILING });
    ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, env: [{ name: 'LEDGER_MONGO_URI', value: 'mongodb://ledger-db-0.ledger-db.acct.svc.cluster.local:27017,ledger-db-1.ledger-db.acct.svc.cluster.local:27017/ledger?replicaSet=rs0' }] })) }));
    return { ...ev, target: { ...ev.target, namespace: 'acct' } };
  };

  it("asks for the server's pod and its StatefulSet's revisions, as for any server upgraded under its client", () => {
    const ev = withAddress();
    expect(listUpgradedServerServices(ev)).toEqual(['ledger-db']);
    expect(listUpgradedServerRolloutReads(ev, [serverPod('ledger-db', 'mongo:7.0.2')])).toEqual([{ service: 'ledger-db', pod: 'ledger-db-0', statefulSet: 'ledger-db', revisionHash: 'ledger-db-abc123' }]);
  });

  it("names the server's release, its rollout as the since, and the driver upgrade (or holding the server) as the fix", () => {
    const server = serverPod('ledger-db', 'mongo:7.0.2', { current: serverRevision('ledger-db', 9, 'abc123', 55, 'mongo:7.0.2'), previous: serverRevision('ledger-db', 8, 'def456', 80 * DAY, 'mongo:6.0.11') });
    const ev = { ...withAddress(), dependencyPods: [server] };
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toMatch(/the MongoDB Node\.js driver supports at most MongoDB 4\.2 and refuses the MongoDB 7\.0 it connects to \(minimum wire version 21\), since StatefulSet ledger-db rolled to revision 9 55m ago \(.*6\.0\.11 → 7\.0\.2\)/);
    expect(f?.decisive).toMatch(/^Server at ledger-db-2\S+ reports minimum wire version 21/);
    expect(f?.fix).toMatch(/^upgrade the MongoDB Node\.js driver to a release that supports MongoDB 7\.0, or hold StatefulSet ledger-db/);
    expect(f?.outsideWorkload).toBeDefined();
    expect(f?.datesChange).toBe(true);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/refuses the MongoDB 7\.0 it connects to/);
    expect(report.headline).not.toMatch(/no primary|no change found/);
  });

  it('says to check the server\'s rollout history when its pod could not be read', () => {
    const [f] = analyzeExitCodes(withAddress());
    expect(f?.title).toMatch(/supports at most MongoDB 4\.2 and refuses the MongoDB 7\.0 it connects to \(minimum wire version 21\)$/);
    expect(f?.likelyCause).toMatch(/check its own rollout history/);
  });
});
