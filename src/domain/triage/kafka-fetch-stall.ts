/**
 * A Kafka consumer that cannot fetch: its pods stay Ready and log only WARN lines, while its fetch
 * position does not move and its lag grows. The Java client logs the broker's answer to every
 * fetch of the partition ("Unknown error fetching data for topic-partition orders-3"); when the
 * client does not know the error code itself it says so first ("Unexpected error code: 76."). Code
 * 76 is UNSUPPORTED_COMPRESSION_TYPE: the partition holds zstd batches, which a fetch request older
 * than Kafka 2.1's (KIP-110) cannot carry, so a client that predates 2.1 is refused every fetch from
 * the first zstd batch on. What changed is a producer of the topic that began to compress with zstd
 * (its new revision sets compression.type), not the consumer: the fix is the producer back to lz4
 * or snappy, or the consumer's client upgraded to 2.1 or later. Pure: log lines and rollouts.
 */
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import type { NamespaceRolloutEvidence, RolloutRevisionEvidence } from './evidence-namespace-rollouts.js';
import type { IsoTime } from './evidence-spec.js';
import { CODEC_SETTING, isOlder } from './kafka-codec.js';
import { findTimedLogHits } from './timed-log-hits.js';
import { HOUR_MS, MINUTE_MS, earliest, latest, msBetween } from './time-span.js';

/** A fetch of one partition answered with an error the Java client's Fetcher does not handle. */
const FETCH_ERROR = /(?:Unknown|Unexpected) error (?:fetching data|in fetch)[^\n]*?(?:topic-)?partition:? ?([\w.-]+-\d+)\b/i;
/** The client's own word that the broker's code is one it does not know ("Unexpected error code: 76."), or the code's name. */
const CODEC_CODE = /Unexpected error code:? ?76\b|UNSUPPORTED_COMPRESSION_TYPE|UnsupportedCompressionTypeException|Unsupported compression type/i;
/** The Java client's start-up line: "Kafka version : 2.0.1" (older) or "Kafka version: 3.6.0". */
const CLIENT_VERSION = /AppInfoParser[^\n]*?Kafka version\s?:\s?(\d+\.\d+(?:\.\d+)?)/;

/** The client version a start-up line states: `2.0.1`. */
export function readClientVersion(line: string): string | undefined {
  return CLIENT_VERSION.exec(line)?.[1];
}

/** Fetch errors of one partition before it counts as stalled: one is a blip. */
const MIN_REPEATS = 3;
/** And how long they must go on. */
const MIN_SPAN_MS = 5 * MINUTE_MS;
/** The Kafka release whose fetch request carries zstd batches (KIP-110). */
export const ZSTD_SINCE = '2.1';

export interface FetchStall {
  /** The partitions whose fetches keep failing: `orders-3`. */
  partitions: string[];
  pods: string[];
  lines: number;
  /** The last fetch error, quoted. */
  line: string;
  /** The broker refuses the fetch for the records' codec (error 76): the client predates zstd. */
  codec: boolean;
  /** The consumer's Kafka client version, where its log states it: `2.0.1`. */
  clientVersion?: string;
  /** The first fetch error the logs show. */
  onset?: IsoTime;
}

/** Fetches of the same partitions failing again and again in the workload's own pods' current logs. */
export function findFetchStall(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: IsoTime, head?: { version: string }): FetchStall | undefined {
  const hits = findTimedLogHits(logs, pods, FETCH_ERROR, now);
  const byPartition = new Map<string, IsoTime[]>();
  for (const h of hits) {
    const m = FETCH_ERROR.exec(h.line);
    const partition = m?.[1] ?? '';
    if (partition) byPartition.set(partition, [...(byPartition.get(partition) ?? []), ...(h.at ? [h.at] : [])]);
  }
  const stalled = [...byPartition].filter(([, times]) => {
    const first = earliest(times);
    const last = latest(times);
    return times.length >= MIN_REPEATS && first !== undefined && last !== undefined && msBetween(first, last) >= MIN_SPAN_MS;
  }).map(([p]) => p);
  if (stalled.length === 0) return undefined;
  const kept = hits.filter((h) => stalled.includes(FETCH_ERROR.exec(h.line)?.[1] ?? ''));
  const podNames = [...new Set(kept.map((h) => h.pod))];
  const own = logs.filter((l) => !l.previous && podNames.includes(l.pod));
  const codec = own.some((l) => l.lines.some((x) => CODEC_CODE.test(x)));
  const clientVersion = own.flatMap((l) => l.lines.flatMap((x) => readClientVersion(x) ?? []))[0] ?? head?.version;
  const onset = earliest(kept.map((h) => h.at));
  return {
    partitions: stalled.sort(),
    pods: podNames,
    lines: kept.length,
    line: kept[kept.length - 1]?.line ?? '',
    codec,
    ...(clientVersion !== undefined ? { clientVersion } : {}),
    ...(onset !== undefined ? { onset } : {}),
  };
}

/** "orders (6 partitions)", "orders-3": the stalled partitions by topic (kafka-fetch-stall and read-committed-stall name them alike). */
export function describePartitions(partitions: readonly string[]): string {
  const topics = new Map<string, number>();
  for (const p of partitions) {
    const topic = p.replace(/-\d+$/, '');
    topics.set(topic, (topics.get(topic) ?? 0) + 1);
  }
  if (partitions.length === 1) return partitions[0] ?? '';
  return [...topics].slice(0, 3).map(([t, n]) => (n === 1 ? partitions.find((p) => p.startsWith(`${t}-`)) ?? t : `${t} (${n} partitions)`)).join(', ');
}

/** Whether the client version the log states predates zstd. */
export function predatesZstd(version: string): boolean {
  return isOlder(version, ZSTD_SINCE);
}

export interface CodecProducer {
  deployment: string;
  newest: RolloutRevisionEvidence;
  previous?: RolloutRevisionEvidence;
  /** `KAFKA_COMPRESSION_TYPE=zstd`. */
  written: string;
  /** The value before, when the revision before set it: `lz4`. */
  from?: string;
}

/** How long before the first fetch error a producer's switch to zstd stays the suspect: a log tail shows only its last minutes. */
const PRODUCER_LOOKBACK_MS = 3 * HOUR_MS;

function codecEnv(r: RolloutRevisionEvidence | undefined): Map<string, string> {
  return new Map((r?.containers ?? []).flatMap((c) => c.env ?? []).flatMap((e) => ('value' in e && CODEC_SETTING.test(e.name) ? [[e.name, e.value.trim().toLowerCase()] as const] : [])));
}

/** Another Deployment of the namespace whose newest revision, before the stall, set its producer's compression to zstd. */
export function findZstdProducer(rollouts: readonly NamespaceRolloutEvidence[], self: string, onset: IsoTime): CodecProducer | undefined {
  const found = rollouts.flatMap((r) => {
    const [newest, previous] = r.revisions;
    if (r.deployment === self || newest === undefined || newest.replicas === 0) return [];
    const gap = msBetween(newest.createdAt, onset);
    if (gap < -2 * MINUTE_MS || gap > PRODUCER_LOOKBACK_MS) return [];
    const now = codecEnv(newest);
    const before = codecEnv(previous);
    const set = [...now].find(([name, value]) => value === 'zstd' && before.get(name) !== 'zstd');
    if (set === undefined) return [];
    const from = before.get(set[0]);
    return [{ deployment: r.deployment, newest, ...(previous ? { previous } : {}), written: `${set[0]}=zstd`, ...(from !== undefined ? { from } : {}), gap }];
  });
  const best = found.sort((a, b) => a.gap - b.gap)[0];
  if (best === undefined) return undefined;
  const { gap: _gap, ...out } = best;
  return out;
}

/** When to read the head of a stalled pod's log for its client version: refused for the codec, and no log tail states it. */
export function needsClientVersion(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): { pod: string; container: string } | undefined {
  const stall = findFetchStall(seen.logs, seen.pods, seen.collectedAt);
  if (stall === undefined || !stall.codec || stall.clientVersion !== undefined) return undefined;
  const pod = stall.pods[0];
  const container = seen.logs.find((l) => l.pod === pod && !l.previous)?.container;
  return pod === undefined || container === undefined ? undefined : { pod, container };
}

/** When to list the namespace's rollouts: a consumer refused its fetches for the records' codec, and since when. */
export function needsCodecProducers(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): { since: IsoTime } | undefined {
  const stall = findFetchStall(seen.logs, seen.pods, seen.collectedAt);
  if (stall === undefined || !stall.codec) return undefined;
  return { since: new Date(Date.parse(stall.onset ?? seen.collectedAt) - PRODUCER_LOOKBACK_MS).toISOString() };
}
