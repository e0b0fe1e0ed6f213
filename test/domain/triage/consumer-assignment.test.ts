import { describe, expect, it } from 'vitest';
import { findIdleConsumers, parsePartitions, readConsumerAssignments } from '../../../src/domain/triage/consumer-assignment.js';
import type { LogEvidence } from '../../../src/domain/triage/evidence-pod.js';

const CLIENT = '[Consumer clientId=consumer-orders-1, groupId=orders]';
const java = (parts: string) => [
  `INFO o.a.k.c.c.internals.ConsumerCoordinator : ${CLIENT} Successfully joined group with generation Generation{generationId=7, memberId='m', protocol='range'}`,
  `INFO o.a.k.c.c.internals.ConsumerCoordinator : ${CLIENT} Notifying assignor about the new Assignment(partitions=[${parts}])`,
  `INFO o.a.k.c.c.internals.ConsumerCoordinator : ${CLIENT} Adding newly assigned partitions: ${parts}`,
];
const log = (pod: string, lines: string[], previous = false): LogEvidence => ({ pod, container: 'app', previous, lines });

describe('parsePartitions', () => {
  it('reads the lists each client writes', () => {
    expect(parsePartitions('[orders-0, orders-1]')).toEqual(['orders-0', 'orders-1']);
    expect(parsePartitions(' orders-3')).toEqual(['orders-3']);
    expect(parsePartitions('')).toEqual([]);
    expect(parsePartitions('set()')).toEqual([]);
    expect(parsePartitions("{TopicPartition(topic='orders', partition=2)}")).toEqual(['orders-2']);
    expect(parsePartitions('{"orders":[0,4]}')).toEqual(['orders-0', 'orders-4']);
    expect(parsePartitions('{}')).toEqual([]);
    expect(parsePartitions('[orders[5]@unset]')).toEqual(['orders-5']);
  });
});

describe('findIdleConsumers', () => {
  it('counts the partitions from the leader\'s whole assignment, exactly', () => {
    const leader = `INFO ${CLIENT} Finished assignment for group at generation 7: {a=Assignment(partitions=[orders-0, orders-1]), b=Assignment(partitions=[orders-2]), c=Assignment(partitions=[]), d=Assignment(partitions=[])}`;
    const c = findIdleConsumers([log('orders-a', [leader, ...java('orders-0, orders-1')]), log('orders-c', java(''))]);
    expect(c).toMatchObject({ group: 'orders', exact: true, members: 4, idle: 2, partitions: ['orders-0', 'orders-1', 'orders-2'] });
    expect(c?.idlePods.map((p) => p.pod)).toEqual(['orders-c']);
  });

  it('without the leader, says an idle member beside a busy one, with the partitions seen as a lower bound', () => {
    const c = findIdleConsumers([log('p1', java('orders-4')), log('p2', java('')), log('p3', ['{"level":"INFO","logger":"kafkajs","message":"[ConsumerGroup] Consumer has joined the group","groupId":"orders","memberAssignment":{},"groupProtocol":"RoundRobinAssigner"}'])]);
    expect(c).toMatchObject({ exact: false, members: 3, idle: 2, partitions: ['orders-4'] });
  });

  it('ignores an empty added-partitions line under a cooperative protocol, and previous runs', () => {
    const coop = [
      `INFO ${CLIENT} Successfully joined group with generation Generation{generationId=9, memberId='m', protocol='cooperative-sticky'}`,
      `INFO ${CLIENT} Adding newly assigned partitions: `,
    ];
    expect(readConsumerAssignments([log('p2', coop)]).pods).toEqual([]);
    expect(findIdleConsumers([log('p1', java('orders-4')), log('p2', coop), log('p3', java(''), true)])).toBeUndefined();
  });

  it('sees nothing in a group where every member consumes', () => {
    expect(findIdleConsumers([log('p1', java('orders-0')), log('p2', java('orders-1')), log('p3', ['INFO shipment-tracker: partitions assigned: clickstream.v2-[96, 97]'])])).toBeUndefined();
  });
});
