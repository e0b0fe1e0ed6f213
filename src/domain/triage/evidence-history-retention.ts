// The Kafka brokers' own lines about a topic's retention, read where a Connect task died because its
// schema history topic is missing (history-retention.ts).
export interface HistoryRetentionEvidence {
  namespace: string;
  /** The brokers' Service the workers' bootstrap address names. */
  service: string;
  /** The brokers' lines that set a topic's retention.ms or delete its segments for retention (at most six). */
  lines: string[];
}
