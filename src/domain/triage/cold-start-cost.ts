/**
 * What a fresh start costs a service that keeps losing its pods: a cache that starts empty, a
 * warm-up, requests served cold. Read from the logs of the pods that replaced the evicted ones, so
 * a finding about pods taken away can say what each eviction costs in the app's own words.
 */
import type { LogEvidence } from './evidence-pod.js';

/** A line about a cache or warm-up going without (empty, miss, cold, warming). */
const COLD_START = /\bcache\b[^\n]*\b(empty|miss(es|ed)?|cold|warm(ing)?)\b|\b(empty|cold|warming)\b[^\n]*\bcache\b|\bwarm(ing)?[ -]up\b/i;
/** A line the app flags (WARN and above): the cost shows, not only the state. */
const FLAGGED = /\b(WARN(ING)?|ERROR)\b|"level":"(warn(ing)?|error)"|level=(warn(ing)?|error)/i;

/** The first flagged cold-start line of the given pods' current logs, else the first cold-start line. */
export function findColdStartLine(logs: readonly LogEvidence[], pods: ReadonlySet<string>): { pod: string; line: string } | undefined {
  const lines = logs.filter((l) => !l.previous && pods.has(l.pod)).flatMap((l) => l.lines.map((line) => ({ pod: l.pod, line: line.trim() })));
  const cold = lines.filter((l) => COLD_START.test(l.line));
  return cold.find((l) => FLAGGED.test(l.line)) ?? cold[0];
}
