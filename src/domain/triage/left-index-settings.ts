/**
 * A bulk load turns a search index's refresh off (refresh_interval -1), and often its replicas,
 * and turns them back on as its last step. A Job that dies before that step (OOMKilled, its backoff
 * limit reached) leaves the index that way: writes are still acknowledged (201/200) but no new
 * document becomes searchable until the next refresh, which never comes. Nothing logs an error.
 * The sign that asks for the Job's log: the workload works with a search index while a Job of the
 * namespace gave up within the day.
 */
import type { EventEvidence, IsoTime, LogEvidence, NamespaceJobEvidence, NamespaceJobsEvidence, TriageEvidence } from './evidence.js';
import { HOUR_MS, msBetween } from './time-span.js';

/** The workload's logs name a search index or its API. */
const INDEX_USE = /"index"\s*:\s*"[\w.*-]+"|\bindex=[\w.*-]+|\/_(search|doc|bulk|update|msearch)\b|\belasticsearch\b|\bopensearch\b/i;
/** The Job controller's word that a Job gave up. */
const JOB_GAVE_UP = /^(BackoffLimitExceeded|DeadlineExceeded|PodFailurePolicy)$/;
/** A setting a bulk load changes and must restore. */
const INDEX_SETTING = /refresh_interval|number_of_replicas|index\.blocks|"blocks"\s*:|translog\.durability/i;
/** A refresh turned off: `"refresh_interval":"-1"`, `refresh_interval=-1`, `[index.refresh_interval] from [1s] to [-1]`. */
export const REFRESH_OFF = /refresh_interval\]?"?\s*(?::|=|\bto\b)\s*\[?"?-1\b|refresh_interval\]? from \[[^\]]*\] to \[-1\]/i;
/** A refresh set to a value again: restored. */
export const REFRESH_ON = /refresh_interval\]?"?\s*(?::|=)\s*"?(?!-1\b)(\d+(?:ms|s|m)?|null)\b|refresh_interval\]? from \[-1\] to \[(?!-1)/i;

const WITHIN_MS = 24 * HOUR_MS;
const MAX_RUNS = 2;
const MAX_LINES = 8;
const MAX_CHARS = 400;

export function needsLeftSettingJobs(ev: { target: Pick<TriageEvidence['target'], 'kind'>; logs: readonly LogEvidence[]; warnings: readonly EventEvidence[] }, now: IsoTime): boolean {
  if (ev.target.kind === 'Job' || ev.target.kind === 'CronJob') return false;
  if (!ev.logs.some((l) => l.lines.some((x) => INDEX_USE.test(x)))) return false;
  return ev.warnings.some((e) => e.object.kind === 'Job' && JOB_GAVE_UP.test(e.reason) && msBetween(e.lastSeen, now) <= WITHIN_MS);
}

/** The Jobs of the namespace that failed within the day, newest first, at most two. */
export function pickLeftSettingRuns(jobs: NamespaceJobsEvidence | undefined, now: IsoTime): NamespaceJobEvidence[] {
  const recent = (j: NamespaceJobEvidence): boolean => j.state === 'failed' && j.finishedAt !== undefined && msBetween(j.finishedAt, now) <= WITHIN_MS;
  return (jobs?.jobs ?? []).filter(recent).sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? '')).slice(0, MAX_RUNS);
}

/** The lines of a Job's log that change an index's settings. */
export function keepIndexSettingLines(lines: readonly string[]): string[] {
  return lines.filter((l) => INDEX_SETTING.test(l)).slice(-MAX_LINES).map((l) => (l.length > MAX_CHARS ? l.slice(0, MAX_CHARS) : l.trim()));
}
