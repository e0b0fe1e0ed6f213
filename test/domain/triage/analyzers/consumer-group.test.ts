import { describe, expect, it } from 'vitest';
import { analyzeConsumerGroups } from '../../../../src/domain/triage/analyzers/consumer-group.js';
import { REV6, REV7, baseEvidence, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const POLL = '2026-11-21 03:08:54.900  WARN 1 --- [heartbeat-thread] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-shipment-consumer-1, groupId=shipment-consumer] consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms';
const COMMIT = 'org.apache.kafka.clients.consumer.CommitFailedException: Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.';

function scenario(lines: string[]) {
  const pods = [0, 1].map((i) => pod(i));
  const base = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
  const env = (records: string) => [{ name: 'KAFKA_MAX_POLL_RECORDS', value: records }];
  return { ...base, revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ env: env('200') })] }), revision(REV7, minutesAgo(180), { containers: [revisionContainer({ env: env('2000') })] })] };
}

describe('analyzeConsumerGroups', () => {
  it('reads a rebalance storm from ready pods, with the batch setting the last revision changed', () => {
    const [f] = analyzeConsumerGroups(scenario([POLL, COMMIT]));
    expect(f?.title).toBe('Kafka consumers are kicked out of their group mid-batch (max.poll.interval.ms exceeded) and their offset commits fail, so the group rebalances and the same records come back (2 pods, 4 lines); revision 7 (3h ago) changed KAFKA_MAX_POLL_RECORDS: "200" → "2000"');
    expect(f?.decisive).toBe(COMMIT);
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toBe('set KAFKA_MAX_POLL_RECORDS="200" again, or raise max.poll.interval.ms');
  });

  it('takes one rebalance for routine, and ordinary consumer lines for nothing', () => {
    const one = scenario([]);
    one.logs = [{ pod: one.pods[0]?.name ?? '', container: 'app', previous: false, lines: [POLL] }];
    expect(analyzeConsumerGroups(one)).toEqual([]);
    expect(analyzeConsumerGroups(scenario(['Adding newly assigned partitions: shipments.created-0', '(Re-)joining group']))).toEqual([]);
  });

  it('takes one failed auto-commit per pod in the rebalance a re-created pod set off, quiet since, for routine', () => {
    const at = (ago: number) => minutesAgo(ago).replace('T', ' ').replace('Z', '');
    const commit = (ago: number) => `${at(ago)}  WARN 1 --- [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-ledger-1, groupId=ledger] Synchronous auto-commit of offsets failed: ${COMMIT.replace(/^\S+: /, '')}`;
    const consumed = (ago: number) => `${at(ago)}  INFO 1 --- [ntainer#0-0-C-1] c.e.ledger.Handler : processed batch records=40 lag=2`;
    const ev = scenario([]);
    ev.pods = [pod(0), pod(1), pod(2, { createdAt: minutesAgo(41), startTime: minutesAgo(41) })];
    ev.logs = ev.pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [commit(40), consumed(30), consumed(10)] }));
    expect(analyzeConsumerGroups(ev)).toEqual([]);

    // The same lines again an hour later: the rebalances recur, the consumers are in trouble.
    const again = { ...ev, logs: ev.logs.map((l) => ({ ...l, lines: [...l.lines, commit(2)] })) };
    expect(analyzeConsumerGroups(again)).toHaveLength(1);
    // No pod started then: nothing explains the rebalance.
    const unexplained = { ...ev, pods: [pod(0), pod(1), pod(2)] };
    expect(analyzeConsumerGroups(unexplained)).toHaveLength(1);
    // A poll-interval expiry among them: a consumer too slow for its batch, not a routine rebalance.
    const slow = { ...ev, logs: ev.logs.map((l, i) => (i === 0 ? { ...l, lines: [POLL.replace(/^\S+ \S+/, at(40)), ...l.lines] } : l)) };
    expect(analyzeConsumerGroups(slow)).toHaveLength(1);
  });
});
