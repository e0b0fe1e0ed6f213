// Kafka clients whose SCRAM logins are refused with the mechanism they use, as the adapter reads their
// brokers: the Service the refused lines name (no env var names it), one page of its pods, one bounded
// log read of each running member (only the lines about users' SCRAM credentials kept). Nothing of it
// for a refusal that names no SCRAM mechanism.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'ledger';
const KNS = 'streaming';
const target = { service: 'ledger-writer', namespace: NS, kind: 'Deployment' as const, name: 'ledger-writer' };
const ERR = 'Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256';
const refused = (host: string) => `2026-11-21T02:50:00.000Z ERROR 1 --- [ad | producer-1] org.apache.kafka.clients.NetworkClient : [Producer clientId=producer-1] Connection to node -1 (${host}/172.20.9.4:9092) failed authentication due to: ${ERR}`;
const RECORD = '[2026-11-21 00:10:00,000] INFO [ControllerServer id=1] Replayed UserScramCredentialRecord creating new entry for ledger-writer with mechanism SCRAM_SHA_512. (org.apache.kafka.controller.QuorumController)';
const BROKER_LOG = [
  '[2026-11-21 00:00:00,000] INFO [KafkaRaftServer nodeId=1] Kafka Server started (kafka.server.KafkaRaftServer)',
  RECORD,
  ...Array.from({ length: 300 }, (_, i) => `[2026-11-21 01:${String(i % 60).padStart(2, '0')}:00,000] INFO [SocketServer listenerType=BROKER, nodeId=1] Failed authentication with /10.0.4.${i % 200} (${ERR}) (org.apache.kafka.common.network.Selector)`),
].join('\n');

function cluster(log: string) {
  const bus = statefulSetApp({
    namespace: KNS, name: 'events-bus', replicas: 3,
    revisions: [{ revision: 1, createdAgo: 3 * 60, template: { containers: [container({ name: 'kafka', image: 'docker.io/apache/kafka:3.8.1', ports: [9092] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 1, ordinal: k, node: k === 1 ? NODE_B : NODE_A, createdAgo: 3 * 60 })),
  });
  const env = [{ name: 'BUS_USERNAME', value: 'ledger-writer' }, { name: 'BUS_PASSWORD', valueFrom: { secretKeyRef: { name: 'ledger-writer-bus', key: 'password' } } }];
  const app = deploymentApp({
    namespace: NS, name: 'ledger-writer', replicas: 2,
    revisions: [{ revision: 3, createdAgo: 30 * DAYS, template: { containers: [container({ image: 'registry.example.com/ledger/ledger-writer:3.0.1', env })] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 6 * DAYS }, { revision: 3, node: NODE_B, createdAgo: 6 * DAYS }],
  });
  for (const x of [...threeNodes(), ...app.objects, ...bus.objects, ...exposed({ namespace: KNS, name: 'events-bus', selector: { app: 'events-bus' }, pods: bus.pods, ports: [{ name: 'client', port: 9092, targetPort: 9092 }], endpointPort: 9092 })]) h.fake.add(x);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
  for (const k of [0, 2]) h.fake.setLogs(KNS, `events-bus-${k}`, 'kafka', { current: '[2026-11-21 00:00:00,000] INFO [KafkaRaftServer nodeId=0] Kafka Server started (kafka.server.KafkaRaftServer)\n' });
  h.fake.setLogs(KNS, 'events-bus-1', 'kafka', { current: `${BROKER_LOG}\n` });
}

describe('the brokers of Kafka clients whose SCRAM logins are refused with the mechanism they use', () => {
  it('are found through the refused lines and their logs read for the users\' SCRAM credentials only', async () => {
    const line = refused('events-bus.streaming.svc.cluster.local');
    cluster(`${line}\n${line}\n${line}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const m = ev.dependencyMembers?.find((d) => d.service === 'events-bus');
    expect(m?.scramCredentials).toEqual([{ pod: 'events-bus-1', line: RECORD }]);
    expect(h.fake.requests.some((r) => /\/secrets/.test(r.path))).toBe(false);
  });

  it('are not read for a refused password that names no mechanism', async () => {
    const line = '2026-11-21T02:50:00.000Z ERROR 1 --- [main] c.e.Db : FATAL: password authentication failed for user "ledger"';
    cluster(`${line}\n${line}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyMembers?.some((d) => d.scramCredentials !== undefined) ?? false).toBe(false);
    expect(h.fake.requests.filter((r) => r.path.startsWith(`/api/v1/namespaces/${KNS}/pods/`) && r.path.endsWith('/log'))).toEqual([]);
  });
});
