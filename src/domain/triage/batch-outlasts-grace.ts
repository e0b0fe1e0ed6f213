/**
 * A consumer whose unit of work (a polled batch, committed only when it completes) takes longer
 * than the pod's terminationGracePeriodSeconds. On a stop the app finishes its in-flight batch
 * before it commits, but the kubelet SIGKILLs the container when the grace period is spent (30 s
 * when the template sets none): the batch is never committed, and the partition's next owner
 * re-reads it from the last committed offset — the same records processed twice (duplicate side
 * effects: mails sent again, downstream 409s). It happens at every stop (each pod a rollout or a
 * restart replaces), whatever the revision. Told only when the logs show batches outlasting the
 * grace period, pods were stopped, and the work was redone (duplicates logged).
 * Pure: read from the pods' log tails, their events and the revision templates.
 */
import type { EventEvidence, IsoTime, LogEvidence, PodEvidence, RevisionEvidence } from './evidence.js';
import { DEFAULT_GRACE_SECONDS } from './prestop-grace.js';
import { readLineTime } from './request-silence.js';
import { sortRevisions } from './revision-diff.js';
import { HOUR_MS, earliest, msBetween } from './time-span.js';

/** A line about a consumed batch or its commit (not a request's answer). */
const BATCH_LINE = /\bbatch\b|\brecords\b|\bcommit(ted)?\b|\bpoll(ed)?\b/i;
/** The batch's duration as the line states it: `took=45.1s`, `duration: 45123 ms`, `in 45.1 s`. */
const BATCH_DURATION = /\b(?:took|duration|in)[=: ]+(\d+(?:\.\d+)?) ?(ms|s)\b/i;
/** A batch that ends here: a completion, not its progress so far. */
const IN_PROGRESS = /\bprogress\b|\belapsed\b/i;
const RECORDS = /\brecords[=: ]+(\d+)/i;
/** The work done again: a downstream refusing the repeat, or the app itself noticing it. */
const REDONE = /\bduplicates?\b(?!\s*[=:]\s*0\b)|\balready processed\b|\bre-?process(?:ed|ing)\b|\bre-?deliver(?:ed|y)\b/i;
/** Batches this many times before their typical time is trusted. */
const MIN_BATCHES = 3;
/** Stops and duplicates looked at this far back. */
const WINDOW_MS = HOUR_MS;

export interface BatchOutlastsGrace {
  /** The typical (median) batch time, in seconds. */
  batchSeconds: number;
  longestSeconds: number;
  batches: number;
  /** The largest batch size a line states. */
  records?: number;
  /** A line stating a batch's time. */
  batchLine: string;
  graceSeconds: number;
  /** The template sets no grace period: the default 30 s applies. */
  graceDefaulted: boolean;
  /** Pods stopped in the window: Killing events, Terminating pods. */
  stopped: string[];
  /** Lines showing the work redone, and the pods that logged them. */
  redone: { pod: string; line: string }[];
  since?: IsoTime;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export function findBatchOutlastsGrace(ev: {
  logs: readonly LogEvidence[];
  pods: readonly PodEvidence[];
  events: readonly EventEvidence[];
  revisions: readonly RevisionEvidence[];
  collectedAt: IsoTime;
}): BatchOutlastsGrace | undefined {
  const [newest] = sortRevisions(ev.revisions);
  if (newest === undefined) return undefined;
  const set = newest.template?.terminationGracePeriodSeconds;
  const graceSeconds = set ?? DEFAULT_GRACE_SECONDS;
  const durations: { seconds: number; line: string; records?: number }[] = [];
  for (const log of ev.logs) {
    for (const line of log.lines) {
      if (!BATCH_LINE.test(line) || IN_PROGRESS.test(line)) continue;
      const d = BATCH_DURATION.exec(line);
      if (!d) continue;
      const seconds = Number(d[1]) / (d[2]?.toLowerCase() === 'ms' ? 1000 : 1);
      const records = RECORDS.exec(line)?.[1];
      durations.push({ seconds, line, ...(records ? { records: Number(records) } : {}) });
    }
  }
  if (durations.length < MIN_BATCHES) return undefined;
  const batchSeconds = median(durations.map((d) => d.seconds));
  if (batchSeconds <= graceSeconds) return undefined;
  const recent = (t: IsoTime | undefined): boolean => t !== undefined && msBetween(t, ev.collectedAt) <= WINDOW_MS;
  const stopped = [
    ...ev.events.filter((e) => e.reason === 'Killing' && e.object.kind === 'Pod' && recent(e.lastSeen)).map((e) => e.object.name),
    ...ev.pods.filter((p) => recent(p.deletionTimestamp)).map((p) => p.name),
  ];
  if (stopped.length === 0) return undefined;
  const redone = ev.logs.filter((l) => !l.previous).flatMap((l) => l.lines.filter((line) => REDONE.test(line) && (readLineTime(line) === undefined || recent(readLineTime(line)))).map((line) => ({ pod: l.pod, line })));
  if (redone.length === 0) return undefined;
  const typical = durations.find((d) => d.seconds >= batchSeconds) ?? durations[0];
  const records = Math.max(0, ...durations.map((d) => d.records ?? 0));
  const since = earliest(redone.map((r) => readLineTime(r.line)));
  return {
    batchSeconds,
    longestSeconds: Math.max(...durations.map((d) => d.seconds)),
    batches: durations.length,
    ...(records > 0 ? { records } : {}),
    batchLine: typical?.line ?? '',
    graceSeconds,
    graceDefaulted: set === undefined,
    stopped: [...new Set(stopped)],
    redone,
    ...(since ? { since } : {}),
  };
}
