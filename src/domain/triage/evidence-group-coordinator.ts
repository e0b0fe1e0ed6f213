/**
 * What the Kafka brokers say about a consumer group whose consumers found no committed offset
 * (offset-reset.ts): the coordinator's own log lines about that group (it went empty, its offsets
 * expired, it was removed) and how long the brokers keep an empty group's offsets.
 */

export interface GroupCoordinatorEvidence {
  /** The brokers' namespace and Service, from the address the consumers logged. */
  namespace: string;
  service: string;
  group: string;
  /** The broker pod whose log was searched: the coordinator the consumers named, else a ready broker. */
  pod?: string;
  /** Its log lines about the group and about expiring offsets, oldest first (a few). */
  lines: string[];
  /** offsets.retention.minutes as the brokers set it (a ConfigMap they mount, or their env). */
  retention?: { value: string; where: string };
}
