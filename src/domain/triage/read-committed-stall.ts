/**
 * A Kafka consumer that receives nothing while its lag grows, without an error: its pods stay Ready
 * and its own lag reports show it — nothing consumed in each sample, or its position (committed
 * offset) on a partition standing still sample after sample while the lag rises. Never healthy.
 * Reading with isolation.level=read_committed it may read only up to the partition's last stable
 * offset (LSO), and an open transaction of a producer holds the LSO where it began. Records pile up
 * behind it. The transaction stays open until the producer commits or aborts it — or, when the
 * producer died mid-transaction and its replacement took another transactional.id, until the
 * transaction coordinator aborts it after the producer's transaction.timeout.ms (open-transaction-producer.ts
 * finds that producer). The sibling of kafka-fetch-stall.ts, where every fetch fails with an error.
 * Pure: log lines and the pods' env.
 */
import type { IsoTime } from './evidence.js';
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import { readLineTime } from './request-silence.js';
import { MINUTE_MS, earliest, msBetween } from './time-span.js';

/** A line reporting how many records were consumed and the lag (a metrics reporter, a log of the poll loop). */
const CONSUMED = /\brecords?[_ .-]?(?:consumed|fetched|polled|received)\w*\s*[=:]\s*(\d+)|\b(?:consumed|fetched|polled|received)\s+(\d+)\s+records?\b/i;
const LAG = /\blag(?:[_ .-]?(?:total|sum|max))?\s*[=:]\s*(\d+)/i;
const READ_COMMITTED = /read_committed/i;
/** The consumer's position on a partition, as its lag reports write it: committed=, position=, current-offset=, offset= (not the log-end offset). */
const POSITION = /(?<![\w-])(?:committed(?:[_-]?offset)?|position|current[_-]?offset|consumer[_-]?offset|offset)"?\s*[=:]\s*"?(\d+)/i;
/** The partition a report is about: partition=orders-3, or topic=orders … partition=3. */
const TOPIC_PARTITION = /(?<![\w-])(?:topic[_-]?)?partition"?\s*[=:]\s*"?([A-Za-z][\w.-]*-\d+)\b/i;
const TOPIC_AND_NUMBER = /(?<![\w-])topic"?\s*[=:]\s*"?([\w.-]+)"?[^\n]*?(?<![\w-])partition"?\s*[=:]\s*"?(\d+)\b/i;

export interface ConsumerStall {
  pods: string[];
  /** The partitions whose position stands still (`orders-3`); empty when the samples name none (nothing consumed). */
  partitions: string[];
  /** The lag of the last stalled line of each pod (of each partition, for positions), summed. */
  lag: number;
  /** A line that shows it (nothing consumed or the same position, lag up). */
  line: string;
  /** Where read_committed is set: "env SPRING_KAFKA_CONSUMER_ISOLATION_LEVEL=read_committed" or a log line; absent when it reads uncommitted. */
  setting?: string;
  /** The time of the earliest stalled sample (nothing consumed, or the position it stands at): when the stall began, as near as the samples tell. */
  since?: IsoTime;
}

export interface ReadCommittedStall extends ConsumerStall {
  setting: string;
}

/** Stalled samples in a row before it counts: one empty poll is not a stall. */
const MIN_SAMPLES = 2;
/** Samples of a standing position before it counts (the position stands between commits of a slow batch), and for how long. */
const MIN_POSITION_SAMPLES = 3;
const MIN_POSITION_SPAN_MS = 5 * MINUTE_MS;

function findSetting(pods: readonly PodEvidence[], logs: readonly LogEvidence[]): string | undefined {
  for (const p of pods) {
    for (const c of p.containers) {
      for (const e of c.env ?? []) if ('value' in e && /ISOLATION/i.test(e.name) && READ_COMMITTED.test(e.value)) return `env ${e.name}=${e.value}`;
    }
  }
  for (const l of logs) {
    const line = l.lines.find((x) => /isolation[._]level\s*[=:]\s*read_committed/i.test(x));
    if (line) return 'isolation.level = read_committed';
  }
  return undefined;
}

/** A read_committed consumer's stall (the open-transaction case), or undefined. */
export function findReadCommittedStall(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): ReadCommittedStall | undefined {
  const stall = findConsumerStall(seen);
  return stall?.setting === undefined ? undefined : { ...stall, setting: stall.setting };
}

interface Sample { lag: number; line: string; consumed?: number; position?: number; partition?: string }

function readPartition(line: string): string | undefined {
  const tp = TOPIC_PARTITION.exec(line);
  if (tp) return tp[1];
  const tn = TOPIC_AND_NUMBER.exec(line);
  return tn ? `${tn[1] ?? ''}-${tn[2] ?? ''}` : undefined;
}

function readSample(line: string): Sample | undefined {
  const g = LAG.exec(line);
  if (!g) return undefined;
  const lag = Number(g[1]);
  const c = CONSUMED.exec(line);
  if (c) return { lag, line: line.trim(), consumed: Number(c[1] ?? c[2]) };
  const p = POSITION.exec(line);
  const partition = readPartition(line);
  return p && partition ? { lag, line: line.trim(), position: Number(p[1]), partition } : undefined;
}

/** The newest samples of one series that show no progress (nothing consumed, or the same position) while the lag rose across them. */
function stalledTail(samples: readonly Sample[]): Sample[] {
  let k = samples.length;
  const last = samples[k - 1];
  if (last === undefined) return [];
  const still = (s: Sample | undefined) => s !== undefined && (last.position !== undefined ? s.position === last.position : s.consumed === 0);
  while (k > 0 && still(samples[k - 1])) k--;
  const tail = samples.slice(k);
  const first = tail[0];
  if (first === undefined || last.lag <= first.lag) return [];
  if (last.position === undefined) return tail.length >= MIN_SAMPLES ? tail : [];
  if (tail.length < MIN_POSITION_SAMPLES) return [];
  const from = readLineTime(first.line);
  const to = readLineTime(last.line);
  return from === undefined || to === undefined || msBetween(from, to) >= MIN_POSITION_SPAN_MS ? tail : [];
}

/** A consumer receiving nothing while its lag grows, from its own pods' current lag reports. */
export function findConsumerStall(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): ConsumerStall | undefined {
  const pods: string[] = [];
  const partitions: string[] = [];
  let lag = 0;
  let line = '';
  const starts: IsoTime[] = [];
  for (const log of seen.logs) {
    if (log.previous) continue;
    // One series per partition a line names (a position), or one per log (records consumed).
    const series = new Map<string, Sample[]>();
    for (const l of log.lines) {
      const s = readSample(l);
      if (s === undefined) continue;
      const key = s.partition ?? '';
      series.set(key, [...(series.get(key) ?? []), s]);
    }
    for (const [partition, samples] of series) {
      const tail = stalledTail(samples);
      const first = tail[0];
      const last = tail[tail.length - 1];
      if (first === undefined || last === undefined) continue;
      if (!pods.includes(log.pod)) pods.push(log.pod);
      if (partition !== '' && !partitions.includes(partition)) partitions.push(partition);
      lag += last.lag;
      line = last.line;
      const began = readLineTime(first.line);
      if (began !== undefined) starts.push(began);
    }
  }
  if (pods.length === 0) return undefined;
  const setting = findSetting(seen.pods, seen.logs);
  const since = earliest(starts);
  return { pods, partitions: partitions.sort(), lag, line, ...(setting ? { setting } : {}), ...(since ? { since } : {}) };
}
