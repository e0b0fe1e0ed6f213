/**
 * A Kafka cluster with fewer brokers registered than a topic's replication factor: the controller
 * refuses to create the topic (INVALID_REPLICATION_FACTOR, "Replication factor: 3 larger than
 * available brokers: 2"). A client that creates its topics at start — a Kafka Streams app's
 * changelog and repartition topics, an auto-created topic — cannot start; a new app meets it on
 * its first install, though its code and rollout are not at fault. A broker is down: the members
 * of the cluster (read by the cluster-down lead) say which, and on which node.
 */
import type { ClusterDownSign } from './cluster-down-sign.js';

export const KAFKA_BROKERS_SHORT: ClusterDownSign = {
  server: 'Kafka',
  cluster: 'Kafka cluster',
  pattern: /Replication factor: \d+ larger than available brokers: \d+|\bINVALID_REPLICATION_FACTOR\b|InvalidReplicationFactorException/,
  token: 'INVALID_REPLICATION_FACTOR',
  state: 'has fewer brokers up than the replication factor',
  describe: (line) => {
    const m = /Replication factor: (\d+) larger than available brokers: (\d+)/.exec(line);
    return m ? `has ${m[2] ?? ''} brokers available, fewer than the replication factor ${m[1] ?? ''} of the topics its clients create (INVALID_REPLICATION_FACTOR)` : undefined;
  },
  meaning:
    'The Kafka controller creates a topic only when at least as many brokers are registered as its replication factor: with a broker down it refuses every new topic of replication factor 3 ("Replication factor: 3 larger than available brokers: 2"), while topics that exist keep working on the brokers left. A client that creates its topics when it starts (a Kafka Streams app\'s internal changelog and repartition topics) cannot start at all; its code and rollout are not the cause.',
  check: 'kafka-broker-api-versions.sh --bootstrap-server localhost:9092 | grep -c id',
  recovers: 'the topics can be created',
  stopgap: 'As a stopgap, create the topics with a lower replication factor (or set replication.factor to the brokers left) — at the cost of fewer copies',
  atStart: 'they create their topics when they start, so they cannot start while a broker is missing',
};
