/**
 * A Kafka consumer group whose coordinator is down: every group is coordinated by the broker that
 * leads the group's partition of the internal __consumer_offsets topic. When that broker is gone
 * and the partition has no other in-sync replica to take over (the topic created with
 * offsets.topic.replication.factor 1, or its other replicas down too), no leader can be elected and
 * the group's consumers can neither join, fetch nor commit offsets: they stall while their pods
 * stay Ready, and the Java client logs it at INFO and WARN only. Producers, and groups coordinated
 * by the brokers left, keep working. A coordinator that moved (a broker restarted) is found again at
 * once ("Discovered group coordinator"): only a loss that lasts is this.
 */
import type { ClusterDownSign } from './cluster-down-sign.js';

/** The offsets topic's replication factor, as the brokers' config file sets it. */
export const OFFSETS_REPLICATION_SETTING = 'offsets.topic.replication.factor';

export const KAFKA_COORDINATOR_DOWN: ClusterDownSign = {
  server: 'Kafka',
  cluster: 'Kafka cluster',
  // The error code, its exception, its message (an offset commit or a coordinator lookup), and the Java consumer marking its coordinator dead.
  pattern: /\bCOORDINATOR_NOT_AVAILABLE\b|CoordinatorNotAvailableException|The coordinator is not available|Group coordinator \S+ (?:\(id: -?\d+ rack: [^)]*\) )?is unavailable or invalid/,
  cleared: /Discovered group coordinator\b/,
  token: 'COORDINATOR_NOT_AVAILABLE',
  state: "has no coordinator for its clients' consumer group: the broker leading the group's __consumer_offsets partition is down and none took over",
  settings: [OFFSETS_REPLICATION_SETTING],
  meaning:
    "Every Kafka consumer group is coordinated by the broker that leads the group's partition of the internal __consumer_offsets topic; the consumers join the group, fetch their committed positions and commit new ones through it. When that broker is gone, another replica of the partition takes over at once — unless there is none in sync: with offsets.topic.replication.factor 1 (a single copy of each offsets partition) the partition goes offline with its broker and no leader can be elected, so every group coordinated there gets COORDINATOR_NOT_AVAILABLE, stops consuming and commits nothing, while producers and the groups coordinated by the other brokers keep working. The consumers log it at INFO and WARN and their pods stay Ready.",
  check: 'kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic __consumer_offsets --unavailable-partitions',
  recovers: "the group's __consumer_offsets partition has a leader again",
  stopgap: "Once the broker is back, raise the offsets topic's replication factor (kafka-reassign-partitions.sh with three replicas per __consumer_offsets partition, and offsets.topic.replication.factor 3 in the brokers' config) so one broker's loss never stops a group again",
};
