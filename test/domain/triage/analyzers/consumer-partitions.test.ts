import { describe, expect, it } from 'vitest';
import { analyzeConsumerPartitions } from '../../../../src/domain/triage/analyzers/consumer-partitions.js';
import { analyzeHpa } from '../../../../src/domain/triage/analyzers/hpa.js';
import { baseEvidence, hpa, pod } from '../scenarios/builders.js';

const CLIENT = '[Consumer clientId=consumer-tracker-1, groupId=tracker]';
const spring = (parts: string) => [
  `2026-11-21T01:54:36.000Z  INFO 1 --- [tracker] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : ${CLIENT} Notifying assignor about the new Assignment(partitions=[${parts}])`,
  `2026-11-21T01:54:36.000Z  INFO 1 --- [tracker] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : ${CLIENT} Adding newly assigned partitions: ${parts}`,
  `2026-11-21T01:54:36.000Z  INFO 1 --- [tracker] [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : tracker: partitions assigned: [${parts}]`,
];
const members = Array.from({ length: 8 }, (_, i) => `m${i}=Assignment(partitions=[${i < 4 ? `events-${i}` : ''}])`).join(', ');
const LEADER = `2026-11-21T01:54:36.000Z  INFO 1 --- [tracker] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : ${CLIENT} Finished assignment for group at generation 12: {${members}}`;

/** Eight consumers of a four-partition topic, their HPA at its maximum on lag. */
function pastPartitions() {
  const pods = Array.from({ length: 8 }, (_, i) => pod(i % 5, { name: `tracker-5d8c7b9f4-p${i}` }));
  return baseEvidence({
    pods,
    hpas: [hpa({
      maxReplicas: 8, currentReplicas: 8, desiredReplicas: 8,
      metrics: [{ name: 'kafka_consumergroup_lag', current: '30k', target: '2k' }],
      conditions: [{ type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' }],
    })],
    logs: [
      { pod: 'tracker-5d8c7b9f4-p0', container: 'app', previous: false, lines: [LEADER, ...spring('events-0')] },
      { pod: 'tracker-5d8c7b9f4-p6', container: 'app', previous: false, lines: spring('') },
    ],
  });
}

describe('analyzeConsumerPartitions', () => {
  it('reads consumers past the partition count: idle members, the count, and no higher maximum', () => {
    const [f] = analyzeConsumerPartitions(pastPartitions());
    expect(f?.title).toBe('Kafka consumers scaled past the 4 partitions of topic events: 4 of 8 consumers of group tracker got no partition and sit idle — more replicas add no throughput; HPA payment-service at its maximum (8/8 replicas) with kafka_consumergroup_lag 30k (target 2k)');
    expect(f?.severity).toBe('warning');
    expect(f?.decisive).toBe('Notifying assignor about the new Assignment(partitions=[])');
    expect(f?.evidence[0]).toContain("group leader's assignment at generation 12: 8 members, 4 given a partition (events-0, events-1, events-2, events-3), 4 given none");
    expect(f?.fix).toBe('add partitions to events (with maxReplicas capped at the partition count), or make each consumer process faster');
    for (const text of [f?.title, f?.nextAction, f?.fix, f?.likelyCause]) expect(text).not.toMatch(/(raise|increase|bump)[^\n]*max ?replicas/i);
  });

  it('keeps the HPA from advising a higher maxReplicas while consumers idle past the partitions', () => {
    const findings = analyzeHpa(pastPartitions());
    expect(findings.map((f) => f.id)).not.toContain('hpa/payment-service/at-max');
    expect(findings.map((f) => f.nextAction).join('\n')).not.toMatch(/raise maxReplicas/);
  });

  it('reads nothing when every consumer has a partition', () => {
    const ev = pastPartitions();
    ev.logs = [{ pod: 'tracker-5d8c7b9f4-p0', container: 'app', previous: false, lines: spring('events-0') }];
    expect(analyzeConsumerPartitions(ev)).toEqual([]);
    expect(analyzeHpa(ev).map((f) => f.id)).toContain('hpa/payment-service/at-max');
  });
});
