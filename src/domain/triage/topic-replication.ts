/**
 * A Kafka topic whose replication factor is no larger than its min.insync.replicas: with one
 * replica's broker down, every partition with a replica there has fewer in-sync replicas than the
 * minimum, and acks=all writes are refused (NOT_ENOUGH_REPLICAS). The broker's loss is the trigger;
 * the topic's replication factor is why one broker's loss stops its writes. Read from the topic
 * definitions a ConfigMap of the brokers' namespace holds (a topics file a sync Job applies, a
 * kafka-topics.sh script), the topics named by the refusals the clients log.
 */

/** The topic a refused produce names: the producer's topic-partition, the send's topic, the broker's partition. */
const TOPIC_IN_LINE: readonly RegExp[] = [
  /\btopic-partition ([\w.-]+)-\d+\b/,
  /\bto topic ([\w.-]+)/,
  /\bfor partition ([\w.-]+)-\d+\b/,
  /\bon partition ([\w.-]+)-\d+\b/,
];

/** The topics refused writes name in these lines (at most `max`). */
export function findRefusedTopics(lines: readonly string[], max = 3): string[] {
  const out = new Set<string>();
  for (const line of lines) {
    for (const re of TOPIC_IN_LINE) {
      const t = re.exec(line)?.[1];
      if (t !== undefined && !out.has(t) && out.size < max) out.add(t);
    }
  }
  return [...out];
}

export interface TopicReplicationEvidence {
  configMap: string;
  key: string;
  topic: string;
  replicationFactor: number;
  /** The topic's own min.insync.replicas, when its definition sets it. */
  minInsyncReplicas?: number;
}

const RF = /replication[._-]?factor["']?\s*[:=\s]\s*["']?(\d+)/i;
const MIN_ISR = /min\.insync\.replicas["']?\s*[:=\s]\s*["']?(\d+)/i;
/** A line that begins another entry of a topics file or script: the definition read stops there. */
const NEXT_ENTRY = /^\s*-\s*(?:name|topic)\s*[:=]|^\s*(?:name|topic)\s*[:=]|--topic\b|--create\b/i;
/** Lines of one topic's definition read after the line naming it. */
const SPAN = 12;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The replication factor (and min.insync.replicas) a ConfigMap's data sets for each topic named, where it does. */
export function findTopicReplication(configMap: string, data: Readonly<Record<string, string>>, topics: readonly string[]): TopicReplicationEvidence[] {
  const out: TopicReplicationEvidence[] = [];
  for (const [key, text] of Object.entries(data)) {
    const lines = text.split('\n');
    for (const topic of topics) {
      if (out.some((o) => o.topic === topic)) continue;
      const named = new RegExp(`(?:^|[^\\w.-])${escape(topic)}(?![\\w.-])`);
      const at = lines.findIndex((l) => named.test(l));
      if (at < 0) continue;
      const block = [lines[at] ?? ''];
      for (const l of lines.slice(at + 1, at + 1 + SPAN)) {
        if (NEXT_ENTRY.test(l)) break;
        block.push(l);
      }
      const rf = block.map((l) => RF.exec(l)?.[1]).find((v) => v !== undefined);
      if (rf === undefined) continue;
      const min = block.map((l) => MIN_ISR.exec(l)?.[1]).find((v) => v !== undefined);
      out.push({ configMap, key, topic, replicationFactor: Number(rf), ...(min !== undefined ? { minInsyncReplicas: Number(min) } : {}) });
    }
  }
  return out;
}

export interface FragileTopic {
  topic: TopicReplicationEvidence;
  minInsync: number;
}

/**
 * The first topic read whose replication factor does not exceed its min.insync.replicas (its own,
 * else the broker's minimum a refusal or the broker's config states).
 */
export function findFragileTopic(topics: readonly TopicReplicationEvidence[], brokerMin: number | undefined): FragileTopic | undefined {
  for (const t of topics) {
    const min = t.minInsyncReplicas ?? brokerMin;
    if (min !== undefined && t.replicationFactor <= min) return { topic: t, minInsync: min };
  }
  return undefined;
}

/** "the broker's min.isr of 2", from a broker's refusal line. */
export function readMinIsr(lines: readonly string[]): number | undefined {
  for (const l of lines) {
    const m = /min\.isr requirement of (\d+)/.exec(l)?.[1];
    if (m !== undefined) return Number(m);
  }
  return undefined;
}
