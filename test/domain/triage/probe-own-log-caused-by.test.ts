import { describe, expect, it } from 'vitest';
import { findOwnLogError } from '../../../src/domain/triage/probe-own-log.js';

describe('findOwnLogError', () => {
  it('quotes a JVM cause without the trace\'s "Caused by:" framing', () => {
    const lines = [
      '2026-11-21T03:10:00.000Z ERROR 1 --- [stream-thread-1] o.a.k.s.KafkaStreams : stream-client [fraud-scorer] Encountered the following exception during processing',
      'org.apache.kafka.streams.errors.StreamsException: Could not create topic fraud-scorer-store-changelog.',
      '\tat org.apache.kafka.streams.processor.internals.InternalTopicManager.makeReady(InternalTopicManager.java:512)',
      'Caused by: org.apache.kafka.common.errors.InvalidReplicationFactorException: Replication factor: 3 larger than available brokers: 2.',
    ];
    const told = findOwnLogError([{ pod: 'p', container: 'app', previous: false, lines }]);
    expect(told).toBe('org.apache.kafka.common.errors.InvalidReplicationFactorException: Replication factor: 3 larger than available brokers: 2.');
  });
});
