import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { minutesAgo, REV6, revision, revisionContainer, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const GROUP = 'payments.settlements.v2';
const CRASHED = [
  `2026-11-21 03:12:40.114 INFO  [main] o.a.k.c.c.internals.ConsumerCoordinator - [Consumer clientId=consumer-${GROUP}-1, groupId=${GROUP}] Adding newly assigned partitions: settlements-0, settlements-3`,
  `2026-11-21 03:12:40.120 INFO  [main] o.a.k.c.c.internals.ConsumerCoordinator - [Consumer clientId=consumer-${GROUP}-1, groupId=${GROUP}] Found no committed offset for partition settlements-0`,
  '2026-11-21 03:12:40.131 ERROR [main] c.a.p.settlements.ConsumerMain - consumer loop terminated, exiting',
  'org.apache.kafka.clients.consumer.NoOffsetForPartitionException: Undefined offset with no reset policy for partitions: [settlements-0, settlements-3]',
  '\tat org.apache.kafka.clients.consumer.internals.SubscriptionState.resetInitializingPositions(SubscriptionState.java:711)',
  '\tat org.apache.kafka.clients.consumer.KafkaConsumer.poll(KafkaConsumer.java:874)',
];

const withGroup = (group: string) => [revisionContainer({ env: [{ name: 'KAFKA_GROUP_ID', value: group }, { name: 'KAFKA_AUTO_OFFSET_RESET', value: 'none' }] })];

describe('analyzeExitCodes: a Kafka consumer whose group has no committed offset while auto.offset.reset is none', () => {
  it('names the group, auto.offset.reset=none and the revision that renamed the group, and seeds the offsets as the fix', () => {
    const ev = crashScenario(2, () => terminated(1, 'Error', 1), { logs: CRASHED });
    ev.revisions = [
      revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(21 * 24 * 60), { containers: withGroup('payments.settlements') }),
      revision(REV6, minutesAgo(19), { containers: withGroup(GROUP) }),
    ];
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toContain(`: consumer group ${GROUP} has no committed offset for its partitions and auto.offset.reset is none`);
    expect(f?.decisive).toMatch(/^org\.apache\.kafka\.clients\.consumer\.NoOffsetForPartitionException: Undefined offset with no reset policy/);
    expect(f?.likelyCause).toMatch(/Revision 6 renamed the group \(KAFKA_GROUP_ID: "payments\.settlements" → "payments\.settlements\.v2"\)/);
    expect(f?.fix).toMatch(/^seed the new group's offsets from the old one/);
    expect(f?.confidence).toBe('high');
  });

  it('without a rename, says a group\'s offsets can expire and offers a reset policy only where skipping or re-reading is acceptable', () => {
    const [f] = analyzeExitCodes(crashScenario(2, () => terminated(1, 'Error', 1), { logs: CRASHED }));
    expect(f?.likelyCause).toMatch(/offsets\.retention\.minutes/);
    expect(f?.fix).toMatch(/auto\.offset\.reset to earliest or latest if re-reading or skipping records is acceptable/);
  });
});
