/**
 * An Indexed Job's completion indexes: which ones failed, which pods ran them, and the input a
 * failing index's log names. When one index fails every attempt while the others complete with the
 * same image and template, the fault is in what that index processes, not in the code or the cluster.
 */
import type { JobEvidence, PodEvidence } from './evidence.js';

/** "1,3-5,7" (the API's compressed index list) → [1, 3, 4, 5, 7]; [] when absent or unreadable. */
export function parseIndexList(text: string | undefined): number[] {
  if (text === undefined) return [];
  const out: number[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return [];
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    // A list this long is not one to name index by index.
    if (to < from || to - from > 100_000) return [];
    for (let i = from; i <= to; i++) out.push(i);
  }
  return out;
}

export interface FailedIndexes {
  /** The failed indexes, as the API lists them ("5", "2,7-9"). */
  list: string;
  count: number;
  /** The pods that ran them. */
  pods: PodEvidence[];
  /** The completed indexes as the API lists them; absent when none completed. */
  completed?: string;
}

/** [1, 3, 4, 5, 7] → "1,3-5,7", the way the API compresses it. */
function formatIndexList(indexes: readonly number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    runs.push(j - i >= 2 ? `${sorted[i]}-${sorted[j]}` : sorted.slice(i, j + 1).join(','));
    i = j + 1;
  }
  return runs.join(',');
}

/**
 * The indexes that failed: status.failedIndexes (backoffLimitPerIndex), else, for an Indexed Job,
 * the indexes of its failed pods. Undefined for a NonIndexed Job or when the pods carry no index.
 */
export function findFailedIndexes(job: JobEvidence, pods: readonly PodEvidence[], failing: readonly PodEvidence[]): FailedIndexes | undefined {
  if (job.completionMode !== 'Indexed' && job.failedIndexes === undefined) return undefined;
  const fromStatus = parseIndexList(job.failedIndexes);
  const indexes = fromStatus.length > 0 ? fromStatus : [...new Set(failing.flatMap((p) => (p.completionIndex === undefined ? [] : [p.completionIndex])))];
  if (indexes.length === 0) return undefined;
  const ran = pods.filter((p) => p.completionIndex !== undefined && indexes.includes(p.completionIndex));
  const completed = job.completedIndexes ?? (job.completionMode === 'Indexed' ? formatIndexList(pods.filter((p) => p.phase === 'Succeeded' && p.completionIndex !== undefined).map((p) => p.completionIndex ?? 0)) : '');
  return {
    list: job.failedIndexes ?? formatIndexList(indexes),
    count: indexes.length,
    pods: ran.length > 0 ? ran : [...failing],
    ...(completed ? { completed } : {}),
  };
}

/** Object-store and file URIs: what a batch run reads. */
const URI = /\b(?:s3a?|gs|gcs|abfss?|wasbs?|hdfs|file|az|oss|cos):\/\/[^\s"',;)\]}]+/i;
/**
 * `input=…`, `--input …`, `"source": "…"`, `reading …`: a value the log names as what it reads. A key
 * needs its `=` or `:` (a traceback's `File "/app/main.py"` is code, not input).
 */
const INPUT = /(?:^|[\s,{("'])(?:-{1,2}input[= ]|(?:input|in_?file|source|src|shard|object)["']?\s*[=:]\s*|(?:reading|loading|opening)\s+)["']?((?:[a-z][a-z0-9+.-]*:\/\/|\/)[^\s"',;)\]}]+)/i;

/** The input a failing run's log names: an explicit input value first, else a URI on an error line. */
export function findInputOf(lines: readonly string[], errorLine: string | undefined): string | undefined {
  for (const line of lines) {
    const m = INPUT.exec(line);
    if (m?.[1] !== undefined) return m[1];
  }
  return errorLine === undefined ? undefined : URI.exec(errorLine)?.[0];
}
