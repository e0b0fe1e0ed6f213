/**
 * A poison message: a consumer that dies on one input record never acknowledges (commits) it, so
 * the broker hands the same record to the next consumer, or to the same one after its restart,
 * and that one dies on it too. Each crashed run's last lines then name the same record: a Kafka
 * topic/partition/offset, a message id, or a record key. Restarts and rollbacks do not move past
 * it; skipping or dead-lettering it does, and the consumer should dead-letter what it cannot read.
 */
import type { ContainerEvidence, LogEvidence } from './evidence-pod.js';
import { parseDependencyError } from './dependency-error-line.js';
import type { ToldReading } from './told-reading.js';
import { joinAnd } from '../text.js';

/** One input record a log line names. */
export interface InputItem {
  /** What is compared across runs: "shipments.v3[7]@18443211", "message 4f1c…", "key ORD-1". */
  id: string;
  topic?: string;
  partition?: number;
  offset?: number;
  messageId?: string;
  key?: string;
}

/** One crashed run whose last lines name a record. */
export interface PoisonRun {
  pod: string;
  line: string;
}

export interface PoisonMessage {
  item: InputItem;
  runs: PoisonRun[];
}

/** How far back from a crashed run's end the record may be named (a traceback, a few trailers). */
const TAIL_LINES = 40;
/** Crashed runs that must end on the same record: one crash on a record is not yet a pattern. */
const MIN_RUNS = 2;

// Kafka's ways of naming one record: librdkafka/confluent-kafka "topic[7]@18443211", Java's TopicPartition
// "topic-7@18443211", "topic-7 at offset 18443211", and field lists ("partition=7 offset=…", ConsumerRecord(…), JSON).
const BRACKETED = /(?<![\w.-])([A-Za-z][\w.-]*)\[(\d+)\]@(\d+)\b/g;
const DASHED = /(?<![\w.-])([A-Za-z][\w.-]*?)-(\d+)(?:@|\s+(?:at\s+)?offset\s*[=:]?\s*)(\d+)\b/g;
const FIELD_PARTITION = /\bpartition["']?\s*[=:]?\s*["']?(\d+)\b/gi;
const FIELD_OFFSET = /\boffset["']?\s*[=:]?\s*["']?(\d+)\b/gi;
const FIELD_TOPIC = /\btopic["']?\s*[=:]\s*["']?([A-Za-z][\w.-]*)/i;
/** SQS MessageId, AMQP message_id, Pub/Sub messageId: an id that stays with the message on redelivery (a delivery tag does not). */
const MESSAGE_ID = /\b(?:MessageId|message[_-]?id|msg[_-]?id)["']?\s*[=:]\s*["']?([\w-]{6,})/i;
const RECORD_KEY = /\b(?:record[_ ]key|message[_ ]key|key)["']?\s*[=:]\s*["']?([\w.:/-]{3,})/i;
/** A key alone names a record only on a line about handling one. */
const HANDLING = /\b(message|record|event|consum\w*|handl\w*|process\w*|deliver\w*|poll\w*)\b/i;

/** The records one log line names (several on an assignment list, one on a handling line). */
export function findInputItems(line: string): InputItem[] {
  const key = RECORD_KEY.exec(line)?.[1];
  const withKey = (item: InputItem): InputItem => (key !== undefined ? { ...item, key } : item);
  const coordinates = [...line.matchAll(BRACKETED), ...line.matchAll(DASHED)].map((m) => ({ topic: m[1] ?? '', partition: Number(m[2]), offset: Number(m[3]) }));
  if (coordinates.length > 0) return uniqueItems(coordinates.map((c) => withKey({ id: `${c.topic}[${c.partition}]@${c.offset}`, ...c })));
  const partitions = [...line.matchAll(FIELD_PARTITION)];
  const offsets = [...line.matchAll(FIELD_OFFSET)];
  if (partitions.length === 1 && offsets.length === 1) {
    const topic = FIELD_TOPIC.exec(line)?.[1];
    const partition = Number(partitions[0]?.[1]);
    const offset = Number(offsets[0]?.[1]);
    return [withKey({ id: `${topic ?? ''}[${partition}]@${offset}`, ...(topic !== undefined ? { topic } : {}), partition, offset })];
  }
  const messageId = MESSAGE_ID.exec(line)?.[1];
  if (messageId !== undefined) return [withKey({ id: `message ${messageId}`, messageId })];
  if (key !== undefined && HANDLING.test(line)) return [{ id: `key ${key}`, key }];
  return [];
}

function uniqueItems(items: readonly InputItem[]): InputItem[] {
  return [...new Map(items.map((i) => [i.id, i])).values()];
}

/**
 * The record a crashed run ended on: the last line of its tail that names exactly one (a list of
 * assigned partitions names several and says nothing about the crash). None when a dependency
 * failure follows it: a consumer that cannot reach its database dies on whatever record is next,
 * the same uncommitted one every run, and that is the dependency's failure, not the record's.
 */
export function findLastInputItem(lines: readonly string[]): { item: InputItem; line: string } | undefined {
  const tail = lines.slice(-TAIL_LINES);
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = tail[i] ?? '';
    const items = findInputItems(line);
    if (items.length !== 1) continue;
    const after = tail.slice(i);
    if (after.some((l) => parseDependencyError(l) !== undefined)) return undefined;
    return { item: items[0] as InputItem, line: line.trim() };
  }
  return undefined;
}

/**
 * The record most crashed runs ended on, when at least two did. A run is a previous log, or the
 * current log of a container that has terminated and not yet restarted (the kubelet serves the
 * last terminated run as the current log of a waiting container: the same run twice, counted once).
 * `terminatedPods`: the pods whose container is terminated now. Give only the crashing container's logs.
 */
export function findPoisonMessage(logs: readonly LogEvidence[], terminatedPods: ReadonlySet<string>): PoisonMessage | undefined {
  const seen = new Set<string>();
  const runs = logs.filter((l) => {
    const text = `${l.pod}\n${l.lines.join('\n')}`;
    const crashed = l.previous || terminatedPods.has(l.pod);
    if (!crashed || seen.has(text)) return false;
    seen.add(text);
    return true;
  });
  const byItem = new Map<string, { item: InputItem; runs: PoisonRun[] }>();
  for (const log of runs) {
    const found = findLastInputItem(log.lines);
    if (found === undefined) continue;
    const group = byItem.get(found.item.id) ?? { item: found.item, runs: [] };
    // The first run that also tells the key lends it to the item.
    if (group.item.key === undefined && found.item.key !== undefined) group.item = { ...group.item, key: found.item.key };
    group.runs.push({ pod: log.pod, line: found.line });
    byItem.set(found.item.id, group);
  }
  const best = [...byItem.values()].sort((a, b) => b.runs.length - a.runs.length)[0];
  return best && best.runs.length >= MIN_RUNS ? best : undefined;
}

/** "shipments.v3[7]@18443211 (key ORD-88123041)", "partition 7 offset 18443211", "message 4f1c… (key …)", "the record with key ORD-1". */
export function describeInputItem(item: InputItem): string {
  const key = item.key !== undefined ? ` (key ${item.key})` : '';
  if (item.offset !== undefined) return `${item.topic !== undefined ? `${item.topic}[${item.partition ?? ''}]@` : `partition ${item.partition ?? ''} offset `}${item.offset}${key}`;
  if (item.messageId !== undefined) return `message ${item.messageId}${key}`;
  return `the record with key ${item.key ?? ''}`;
}

/** A literal consumer group id in the container's env (KAFKA_GROUP_ID, CONSUMER_GROUP, GROUP_ID, …). */
function findGroupId(container: ContainerEvidence | undefined): string | undefined {
  for (const e of container?.env ?? []) {
    if (/(^|_)(GROUP_ID|CONSUMER_GROUP|GROUP)$/i.test(e.name) && 'value' in e && typeof e.value === 'string' && e.value !== '') return e.value;
  }
  return undefined;
}

/** The skip in the broker's terms (the group's offset past the record, the message to a dead-letter queue), and how to do it. */
function describeSkip(item: InputItem, group: string | undefined): { fix: string; how: string } {
  // The key is told in the title already; the offset or id alone names what to move.
  const what = describeInputItem(item.offset !== undefined || item.messageId !== undefined ? { ...item, key: undefined } : item);
  if (item.offset !== undefined && item.partition !== undefined) {
    const topic = item.topic ?? '<topic>';
    const next = item.offset + 1;
    return {
      fix: `skip or dead-letter ${what} (advance the consumer group's offset of ${topic} partition ${item.partition} to ${next})`,
      how: `Copy the record aside, stop the consumers, then kafka-consumer-groups --bootstrap-server <broker> --group ${group ?? '<group>'} --topic ${topic}:${item.partition} --reset-offsets --to-offset ${next} --execute`,
    };
  }
  if (item.messageId !== undefined) {
    return { fix: `dead-letter ${what}`, how: 'Reject it without requeue (to the dead-letter exchange or queue), or let the queue\'s redrive policy move it, once its body is copied' };
  }
  return { fix: `skip or dead-letter ${what}`, how: 'Move it to a dead-letter queue, or acknowledge it without processing once it is copied' };
}

/** How the reading is told: the record in the title, the skip as the fix, the consumer's handling as the lasting fix. */
export function tellPoisonMessage(poison: PoisonMessage, container: ContainerEvidence | undefined): ToldReading & { evidence: string[] } {
  const what = describeInputItem(poison.item);
  const pods = [...new Set(poison.runs.map((r) => r.pod))];
  const runs = `${poison.runs.length} crashed runs on ${pods.length} pod${pods.length === 1 ? '' : 's'}`;
  const skip = describeSkip(poison.item, findGroupId(container));
  const lasting = 'make the consumer dead-letter records it cannot handle instead of exiting';
  return {
    title: `: a poison message — ${runs} all end on the same input record, ${what}`,
    cause: `Each run that gets ${what} fails on it and exits before acknowledging (committing) it, so the broker hands the same record to the next consumer, or to the same one after its restart, and that one dies on it too. The record, not the pods, is what fails: restarts, more memory or a rollback do not get past it, and whatever is queued behind it waits.`,
    action: `${skip.how}. Then ${lasting}.`,
    fix: `${skip.fix}, then ${lasting}`,
    // One quote of the line: the runs name the same record, often in the same words.
    evidence: [`the crashed runs of ${joinAnd(pods)} all end on ${what}: ${poison.runs[0]?.line ?? ''}`],
  };
}
