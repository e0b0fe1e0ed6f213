import { describe, expect, it } from 'vitest';
import { analyzeOffsetReset } from '../../../../src/domain/triage/analyzers/offset-reset.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, event, minutesAgo, pod, workload } from '../scenarios/builders.js';

const cc = '[Consumer clientId=consumer-orders-mailer-1, groupId=orders-mailer]';
const spring = (stamp: string, logger: string, said: string) => `${stamp}  INFO 1 --- [orders-mailer] [ntainer#0-0-C-1] ${logger} : ${said}`;
const RESTART = (stamp: string, p: number) => [
  spring(stamp, 'o.a.k.c.c.internals.ConsumerCoordinator', `${cc} Discovered group coordinator kafka-2.kafka-headless.streaming.svc.cluster.local:9092 (id: 2147483645 rack: null)`),
  spring(stamp, 'o.a.k.c.c.internals.ConsumerCoordinator', `${cc} Successfully joined group with generation Generation{generationId=1, memberId='m-${p}', protocol='range'}`),
  spring(stamp, 'o.a.k.c.c.internals.ConsumerCoordinator', `${cc} Found no committed offset for partition orders-${p}`),
  spring(stamp, 'o.a.k.c.c.internals.SubscriptionState', `${cc} Resetting offset for partition orders-${p} to position FetchPosition{offset=0, offsetEpoch=Optional.empty, currentLeader=LeaderAndEpoch{leader=Optional[kafka-0:9092 (id: 0 rack: a)], epoch=3}}.`),
];
const CONFIG = ['\tauto.offset.reset = earliest', '\tgroup.id = orders-mailer'];
const STAMP = '2026-11-21T02:50:00.000Z';

function scenario(over: Partial<TriageEvidence> = {}, lines = [...CONFIG, ...RESTART(STAMP, 0), ...RESTART(STAMP, 1)]): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i));
  return baseEvidence({ pods, workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2 }), logs: [{ pod: pods[0]?.name ?? '', container: 'app', previous: false, lines }], ...over });
}

const scaledFromZero = event({ type: 'Normal', reason: 'ScalingReplicaSet', message: 'Scaled up replica set payment-service-7c9d8f6b5d from 0 to 2', object: { kind: 'Deployment', name: 'payment-service', namespace: 'payments' }, firstSeen: minutesAgo(24), lastSeen: minutesAgo(24) });

describe('analyzeOffsetReset', () => {
  it('reads consumers that found no committed offset and went back to offset 0 as a replay of the topic, since the scale-up from 0', () => {
    const [f] = analyzeOffsetReset(scenario({ events: [scaledFromZero] }));
    expect(f?.title).toContain('Kafka consumer group orders-mailer restarted from offset 0 (auto.offset.reset=earliest)');
    expect(f?.title).toContain('found no committed offset for 2 partitions of orders and is replaying the topic from the beginning');
    expect(f?.title).toContain('its committed offsets expired while payment-service was scaled to 0 (an empty group keeps them only offsets.retention.minutes');
    expect(f?.title).toContain('was scaled up from 0 to 2 24m ago');
    expect(f?.decisive).toBe('Found no committed offset for partition orders-0');
    expect(f?.fix).toMatch(/scale payment-service to 0, reset group orders-mailer's offsets to where it stopped \(kafka-consumer-groups --reset-offsets --to-datetime\)/);
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('names the coordinator that expired the offsets and the brokers\' retention', () => {
    const groupCoordinator = {
      namespace: 'streaming', service: 'kafka-headless', group: 'orders-mailer', pod: 'kafka-2',
      lines: [
        '[2026-11-11 02:00:00,000] INFO [GroupCoordinator 2]: Group orders-mailer with generation 31 is now empty (__consumer_offsets-7) (kafka.coordinator.group.GroupCoordinator)',
        '[2026-11-18 02:10:00,000] INFO [GroupMetadataManager brokerId=2] Group orders-mailer transitioned to Dead in generation 31 (kafka.coordinator.group.GroupMetadataManager)',
        '[2026-11-18 02:10:00,000] INFO [GroupMetadataManager brokerId=2] Removed 2 expired offsets in 1 milliseconds. (kafka.coordinator.group.GroupMetadataManager)',
      ],
      retention: { value: '10080', where: 'ConfigMap streaming/kafka-config (server.properties)' },
    };
    const [f] = analyzeOffsetReset(scenario({ events: [scaledFromZero], groupCoordinator }));
    expect(f?.title).toContain('its committed offsets expired while it was stopped for 10d (kafka-2: "Removed 2 expired offsets in 1 milliseconds." 3d 1h ago, group Dead), past offsets.retention.minutes=10080 (7d)');
  });

  it('is never an all-clear: pods Ready, no errors, the replay is the problem', () => {
    const report = buildTriageReport(scenario({ events: [scaledFromZero] }), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/restarted from offset 0/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back to/i);
  });

  it('leaves a new group of a new workload alone, and a reset to the end, and a group that had its offsets', () => {
    // The workload's only revision came with the consumers: a first start at earliest is by design.
    const fresh = scenario({ revisions: [{ ...scenario().revisions[0]!, createdAt: '2026-11-21T02:45:00Z' }] });
    expect(analyzeOffsetReset({ ...fresh, revisions: fresh.revisions.slice(0, 1) })).toEqual([]);
    const latest = [...RESTART(STAMP, 0)].map((l) => l.replace('FetchPosition{offset=0', 'FetchPosition{offset=81234'));
    expect(analyzeOffsetReset(scenario({ events: [scaledFromZero] }, ['\tauto.offset.reset = latest', ...latest]))).toEqual([]);
    expect(analyzeOffsetReset(scenario({ events: [scaledFromZero] }, [spring(STAMP, 'o.a.k.c.c.internals.ConsumerCoordinator', `${cc} Setting offset for partition orders-0 to the committed offset FetchPosition{offset=81234}`)]))).toEqual([]);
  });
});
