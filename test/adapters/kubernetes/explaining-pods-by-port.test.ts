// A Cassandra client whose contact points are in a mounted file (no address in its env) and whose
// driver says the replicas aborted its reads over too many tombstones: the namespace's one Service
// on the CQL port is the server, and a log tail of its pods is read for the table they name.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NODE_C, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'notify';
const target = { service: 'dispatcher', namespace: NS, kind: 'Deployment' as const, name: 'dispatcher' };
const FAILED = '2026-11-21T03:10:00.000Z ERROR 1 --- [poller] ShardPoller : Poll of shard 3 failed (replica failures: {/10.0.9.4:7000=READ_TOO_MANY_TOMBSTONES, /10.0.9.5:7000=READ_TOO_MANY_TOMBSTONES})';
const ABORTED = "ERROR [ReadStage-2] 2026-11-21 03:09:58,000 ReadCommand.java:534 - Scanned over 100001 tombstones during query 'SELECT * FROM notify.queue WHERE shard = 3 LIMIT 100' (last scanned row token was 42 and partion key was (3)); query aborted";

function cluster(log: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'dispatcher',
    replicas: 2,
    revisions: [{ revision: 4, createdAgo: 20 * DAYS, template: { containers: [container({ image: 'registry.example.com/notify/dispatcher:1.4.0', env: [{ name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'file:/config/' }] })] } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 20 * DAYS }, { revision: 4, node: NODE_B, createdAgo: 20 * DAYS }],
  });
  const cass = statefulSetApp({
    namespace: NS,
    name: 'cassandra',
    replicas: 3,
    revisions: [{ revision: 1, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'cassandra', image: 'docker.io/library/cassandra:4.1.7', ports: [9042] })] } }],
    pods: [NODE_A, NODE_B, NODE_C].map((node, k) => ({ revision: 1, ordinal: k, node, createdAgo: 90 * DAYS })),
  });
  for (const o of [...threeNodes(), ...app.objects, ...cass.objects, ...exposed({ namespace: NS, name: 'cassandra', selector: { app: 'cassandra' }, pods: cass.pods, headless: true, ports: [{ name: 'cql', port: 9042, targetPort: 9042 }], endpointPort: 9042 })]) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
  const servers = cass.pods.map(nameOf);
  servers.forEach((s, k) => h.fake.setLogs(NS, s, 'cassandra', { current: `${k === 2 ? ABORTED : 'INFO  [main] ok'}\n` }));
  return { servers };
}

const logReads = (servers: readonly string[]) => h.fake.requests.filter((r) => servers.some((s) => r.path === `/api/v1/namespaces/${NS}/pods/${s}/log`));

describe('the pods of the Service on the server\'s port, when the client\'s address is not in its env', () => {
  it('reads a log tail of at most three of them, and the aborted query is in the evidence', async () => {
    const { servers } = cluster(`${FAILED}\n${FAILED}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const lines = (ev.dependencyPods ?? []).filter((d) => d.service === 'cassandra').flatMap((d) => d.logs.flatMap((l) => l.lines));
    expect(lines.join('\n')).toContain('Scanned over 100001 tombstones');
    expect(logReads(servers).length).toBeGreaterThan(0);
    expect(logReads(servers).length).toBeLessThanOrEqual(3);
  });

  it('reads nothing of it while the logs show no refusal', async () => {
    const { servers } = cluster('INFO sent 100 notifications\n');
    await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(logReads(servers)).toEqual([]);
  });
});
