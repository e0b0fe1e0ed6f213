/**
 * A Kafka producer whose records are too large: the Java client refuses, before sending, a record
 * that serializes past its max.request.size ("RecordTooLargeException: The message is N bytes when
 * serialized which is larger than 1048576, which is the value of the max.request.size
 * configuration"), and the broker refuses one past its message.max.bytes or the topic's
 * max.message.bytes ("The request included a message larger than the max message size the server
 * will accept"; librdkafka: "Broker: Message size too large", MSG_SIZE_TOO_LARGE). Both limits are
 * about 1 MB by default. Frameworks wrap the refusal ("KafkaException: Send failed"), and the
 * request that sent the event fails with the wrapper, so the wrapper is what an error count sees
 * last; the refusal is why. Only the large records fail, so the usual trigger is a change that made
 * them larger, not Kafka. Pure: reads log lines only.
 */
import { truncate } from '../text.js';
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

/** The Java producer's own check: the size and the limit, and which setting the limit is. */
const CLIENT_REFUSED = /RecordTooLargeException: The message is (\d+) bytes when serialized which is larger than (\d+), which is the value of the (max\.request\.size|buffer\.memory) configuration/;
/** The broker's refusal, as the Java client and librdkafka tell it. */
const BROKER_REFUSED = /RecordTooLargeException: The request included a message larger than the max message size the server will accept|\bMESSAGE_TOO_LARGE\b|\bMSG_SIZE_TOO_LARGE\b|Broker: Message size too large/;

const mb = (bytes: number): string => `${Number((bytes / 1_048_576).toFixed(2))} MB`;

/** The refusal's own words, from the exception's name on. */
function quoteOf(line: string): string {
  const at = line.search(/RecordTooLargeException|MESSAGE_TOO_LARGE|MSG_SIZE_TOO_LARGE|Broker: Message size too large/);
  return truncate(line.slice(Math.max(0, at)).trim().replace(/\.$/, ''), 220);
}

export function explainKafkaRecordTooLarge(errors: readonly string[], lines: readonly string[]): ClientDiagnosis | undefined {
  const client = errors.filter((l) => CLIENT_REFUSED.test(l));
  const broker = errors.filter((l) => BROKER_REFUSED.test(l));
  if (client.length === 0 && broker.length === 0) return undefined;
  // Wrappers that stand for the refusal (the request failed with "Send failed"): counted with it.
  const wrapped = lines.some((l) => /\bKafkaException: Send failed\b|\bKafkaProducerException\b/.test(l));
  const fixTail = 'raise max.request.size together with the topic\'s max.message.bytes (the broker\'s message.max.bytes) and the consumers\' max.partition.fetch.bytes / fetch.max.bytes';
  const shrink = 'shrink the records: put large content in object storage and send a reference to it (claim check), or compress it (compression.type)';
  if (client.length > 0) {
    const hits = client.map((l) => CLIENT_REFUSED.exec(l)).filter((m): m is RegExpExecArray => m !== null);
    const sizes = hits.map((m) => Number(m[1]));
    const limit = Number(hits[0]?.[2] ?? 0);
    const setting = hits[0]?.[3] ?? 'max.request.size';
    const lo = Math.min(...sizes);
    const hi = Math.max(...sizes);
    const range = lo === hi ? `${lo} bytes (${mb(lo)})` : `${lo}–${hi} bytes (${mb(lo)}–${mb(hi)})`;
    const summary = `the Kafka producer refuses records larger than its ${setting} of ${limit} bytes (${mb(limit)}): ${client.length} record${client.length === 1 ? '' : 's'} of ${range} not sent`;
    const fix = setting === 'buffer.memory'
      ? `${shrink}, or raise buffer.memory and max.request.size with the topic's max.message.bytes`
      : `${shrink}; or ${fixTail}`;
    return {
      summary,
      decisive: quoteOf(client.at(-1) ?? ''),
      title: (where) => `RecordTooLargeException in the ${where}: ${summary}`,
      likelyCause:
        `The Kafka producer checks each record's serialized size against ${setting} (${limit} bytes) and refuses larger ones before sending (RecordTooLargeException)${wrapped ? ', which the framework wraps ("Send failed") and the request fails with' : ''}. ` +
        'Only the large records fail while small ones still go through, so Kafka is not at fault: something made the records larger — usually a release that puts more into each event. Raising the producer\'s limit alone moves the refusal to the broker, whose topic limit (max.message.bytes) is about 1 MB by default.',
      nextAction: `Find what made the records larger (the revision that changed what is produced), then ${fix}.`,
      fix,
    };
  }
  const summary = `the Kafka broker refuses records larger than its max message size (the topic's max.message.bytes / the broker's message.max.bytes, about 1 MB by default): ${broker.length} refusal${broker.length === 1 ? '' : 's'}`;
  const fix = `${shrink}; or ${fixTail}`;
  return {
    summary,
    decisive: quoteOf(broker.at(-1) ?? ''),
    title: (where) => `RecordTooLarge in the ${where}: ${summary}`,
    likelyCause:
      `The broker refuses any record batch larger than the topic's max.message.bytes (message.max.bytes on the broker), so only the large records fail${wrapped ? ' — the framework wraps the refusal ("Send failed") and the request fails with it' : ''}. ` +
      'Either the records grew (a release that puts more into each event) or the topic\'s limit was lowered; the producer\'s max.request.size passing them does not mean the broker accepts them.',
    nextAction: `Find what made the records larger, or what changed the topic's max.message.bytes, then ${fix}.`,
    fix,
  };
}
