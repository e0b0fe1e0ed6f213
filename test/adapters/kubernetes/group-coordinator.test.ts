// Kafka consumers that found no committed offset and restarted from the beginning, as the adapter
// reads their brokers: the Service the coordinator address names, one page of its pods, one log read
// of the coordinator pod (only its lines about that group and about expired offsets kept) and a get
// of the ConfigMaps one broker mounts (only offsets.retention.minutes kept). Nothing of it while the
// consumers resume from their committed offsets.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, configMap, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'shop';
const KNS = 'streaming';
const target = { service: 'mailer', namespace: NS, kind: 'Deployment' as const, name: 'mailer' };
const cc = '[Consumer clientId=consumer-mailer-1, groupId=mailer]';
const RESET = [
  `2026-11-21T02:50:00.000Z  INFO 1 --- [mailer] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator : ${cc} Discovered group coordinator bus-1.bus-headless.streaming.svc.cluster.local:9092 (id: 2147483646 rack: null)`,
  `2026-11-21T02:50:00.000Z  INFO 1 --- [mailer] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator : ${cc} Found no committed offset for partition mail-0`,
  `2026-11-21T02:50:00.000Z  INFO 1 --- [mailer] [ntainer#0-0-C-1] o.a.k.c.c.internals.SubscriptionState : ${cc} Resetting offset for partition mail-0 to position FetchPosition{offset=0, offsetEpoch=Optional.empty}.`,
].join('\n');
const BROKER_LOG = [
  '[2026-11-10 01:00:00,000] INFO [GroupCoordinator 1]: Group mailer with generation 12 is now empty (__consumer_offsets-3) (kafka.coordinator.group.GroupCoordinator)',
  '[2026-11-12 05:00:00,000] INFO [GroupMetadataManager brokerId=1] Removed 4 expired offsets in 1 milliseconds. (kafka.coordinator.group.GroupMetadataManager)',
  '[2026-11-13 05:00:00,000] INFO [GroupMetadataManager brokerId=1] Removed 0 expired offsets in 0 milliseconds. (kafka.coordinator.group.GroupMetadataManager)',
  '[2026-11-14 05:00:00,000] INFO [GroupMetadataManager brokerId=1] Removed 0 expired offsets in 0 milliseconds. (kafka.coordinator.group.GroupMetadataManager)',
  '[2026-11-17 01:10:00,000] INFO [GroupMetadataManager brokerId=1] Group mailer transitioned to Dead in generation 12 (kafka.coordinator.group.GroupMetadataManager)',
  '[2026-11-17 01:10:00,000] INFO [GroupMetadataManager brokerId=1] Removed 6 expired offsets in 2 milliseconds. (kafka.coordinator.group.GroupMetadataManager)',
  ...Array.from({ length: 300 }, (_, i) => `[2026-11-20 0${i % 10}:00:00,000] INFO [GroupMetadataManager brokerId=1] Removed 0 expired offsets in 0 milliseconds. (kafka.coordinator.group.GroupMetadataManager)`),
].join('\n');

function cluster(log: string) {
  const bus = statefulSetApp({
    namespace: KNS,
    name: 'bus',
    replicas: 3,
    revisions: [{
      revision: 4,
      createdAgo: 60 * DAYS,
      template: {
        containers: [container({ name: 'kafka', image: 'docker.io/apache/kafka:3.8.1', ports: [9092], volumeMounts: [{ name: 'config', mountPath: '/config' }] })],
        volumes: [{ name: 'config', configMap: { name: 'bus-config' } }, { name: 'tls', secret: { secretName: 'bus-tls' } }],
      },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 4, ordinal: k, node: k === 1 ? NODE_B : NODE_A, createdAgo: 60 * DAYS })),
  });
  const app = deploymentApp({
    namespace: NS,
    name: 'mailer',
    replicas: 2,
    revisions: [{ revision: 3, createdAgo: 30 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/mailer:3.0.1' })] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 30 }, { revision: 3, node: NODE_B, createdAgo: 30 }],
  });
  const config = configMap({ namespace: KNS, name: 'bus-config', createdAgo: 60 * DAYS, data: { 'server.properties': 'offsets.retention.minutes=10080\nsasl.jaas.config=secret-looking-value\n' } });
  for (const x of [...threeNodes(), ...app.objects, ...bus.objects, config, ...exposed({ namespace: KNS, name: 'bus-headless', selector: { app: 'bus' }, pods: bus.pods, ports: [{ name: 'client', port: 9092, targetPort: 9092 }], headless: true, endpointPort: 9092 })]) h.fake.add(x);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
  h.fake.setLogs(KNS, 'bus-1', 'kafka', { current: BROKER_LOG });
}

describe('the coordinator of a Kafka group whose consumers found no committed offset', () => {
  it('is read for the group\'s expiry and the brokers\' offsets.retention.minutes, and nothing else', async () => {
    cluster(`${RESET}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const c = ev.groupCoordinator;
    expect(c?.pod).toBe('bus-1');
    expect(c?.group).toBe('mailer');
    expect(c?.lines).toEqual([
      '[2026-11-10 01:00:00,000] INFO [GroupCoordinator 1]: Group mailer with generation 12 is now empty (__consumer_offsets-3) (kafka.coordinator.group.GroupCoordinator)',
      '[2026-11-17 01:10:00,000] INFO [GroupMetadataManager brokerId=1] Group mailer transitioned to Dead in generation 12 (kafka.coordinator.group.GroupMetadataManager)',
      '[2026-11-17 01:10:00,000] INFO [GroupMetadataManager brokerId=1] Removed 6 expired offsets in 2 milliseconds. (kafka.coordinator.group.GroupMetadataManager)',
    ]);
    expect(c?.retention).toEqual({ value: '10080', where: 'ConfigMap streaming/bus-config (server.properties)' });
    expect(JSON.stringify(ev)).not.toContain('secret-looking-value');
    expect(h.fake.requests.some((r) => /\/secrets/.test(r.path))).toBe(false);
  });

  it('is not read while the consumers resume from their committed offsets', async () => {
    cluster(`${cc} Setting offset for partition mail-0 to the committed offset FetchPosition{offset=81234}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.groupCoordinator).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path.startsWith(`/api/v1/namespaces/${KNS}/`))).toEqual([]);
  });
});
