/**
 * The Kafka client version a consumer's pod states at start-up (the Java client's AppInfoParser:
 * "Kafka version : 2.0.1"), read from the head of one pod's current log — only when the brokers
 * refuse its fetches for the records' codec (kafka-fetch-stall.ts) and the log tails already read
 * do not state it. Only the version lines are kept.
 */
export interface ClientVersionEvidence {
  pod: string;
  container: string;
  /** The line as logged. */
  line: string;
  /** `2.0.1`. */
  version: string;
}
