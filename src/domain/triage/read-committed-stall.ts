/**
 * A Kafka consumer reading with isolation.level=read_committed that fetches nothing while its lag
 * grows, without an error: it may read only up to the partition's last stable offset (LSO), and an
 * open transaction of a producer holds the LSO where it began. Records pile up behind it, the
 * consumer's pods stay Ready and log no error. The transaction stays open until the producer
 * commits or aborts it — or, when the producer died mid-transaction and its replacement took
 * another transactional.id, until the broker aborts it after the producer's transaction.timeout.ms.
 * Never healthy. Pure: log lines and the pods' env.
 */
import type { IsoTime } from './evidence.js';
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import { readLineTime } from './request-silence.js';
import { earliest } from './time-span.js';

/** A line reporting how many records were consumed and the lag (a metrics reporter, a log of the poll loop). */
const CONSUMED = /\brecords?[_ .-]?(?:consumed|fetched|polled|received)\w*\s*[=:]\s*(\d+)|\b(?:consumed|fetched|polled|received)\s+(\d+)\s+records?\b/i;
const LAG = /\blag(?:[_ .-]?(?:total|sum|max))?\s*[=:]\s*(\d+)/i;
const READ_COMMITTED = /read_committed/i;

export interface ReadCommittedStall {
  pods: string[];
  /** The lag of the last stalled line of each pod, summed. */
  lag: number;
  /** A line that shows it (nothing consumed, lag up). */
  line: string;
  /** Where read_committed is set: "env SPRING_KAFKA_CONSUMER_ISOLATION_LEVEL=read_committed" or a log line. */
  setting: string;
  /** The time of the earliest sample that consumed nothing: when the stall began, as near as the samples tell. */
  since?: IsoTime;
}

/** Stalled samples in a row before it counts: one empty poll is not a stall. */
const MIN_SAMPLES = 2;

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

export function findReadCommittedStall(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): ReadCommittedStall | undefined {
  const setting = findSetting(seen.pods, seen.logs);
  if (setting === undefined) return undefined;
  const pods: string[] = [];
  let lag = 0;
  let line = '';
  const starts: IsoTime[] = [];
  for (const log of seen.logs) {
    const samples = log.lines.flatMap((l) => {
      const c = CONSUMED.exec(l);
      const g = LAG.exec(l);
      if (!c || !g) return [];
      return [{ consumed: Number(c[1] ?? c[2]), lag: Number(g[1]), line: l.trim() }];
    });
    // The newest samples: nothing consumed in each, and the lag rose across them.
    let k = samples.length;
    while (k > 0 && samples[k - 1]?.consumed === 0) k--;
    const tail = samples.slice(k);
    const first = tail[0];
    const last = tail[tail.length - 1];
    if (tail.length < MIN_SAMPLES || !first || !last || last.lag <= first.lag) continue;
    pods.push(log.pod);
    lag += last.lag;
    line = last.line;
    const began = readLineTime(first.line);
    if (began !== undefined) starts.push(began);
  }
  if (pods.length === 0) return undefined;
  const since = earliest(starts);
  return { pods, lag, line, setting, ...(since ? { since } : {}) };
}
