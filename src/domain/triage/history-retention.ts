/**
 * Why a CDC source task's schema history topic is missing: the brokers' own lines about it. A
 * history topic must be kept forever; when a retention is set on it (a per-topic override, often a
 * default applied to every topic) the broker deletes its segments "due to log retention time …
 * breach", and the task finds its history gone at its next start. Pure: keeps and reads the retention
 * lines of the brokers' logs (connect-task-failed.ts picks the brokers to ask).
 */

/** A retention override set on one topic: "Processing override for entityPath: topics/<topic> with config: HashMap(retention.ms -> N)". */
const OVERRIDE = /entityPath: topics\/([\w.-]+) with config: .*\bretention\.ms -> (-?\d+)/;
/** A segment deleted for retention: "[UnifiedLog partition=<topic>-<n>, …] Deleting segment … due to log retention time Nms breach". */
const DELETION = /partition=([\w.-]+)-\d+,.*Deleting segment .*due to (?:log )?retention time (\d+)ms breach/;
const KEEP_LINES = 6;

/** The brokers' lines about retention set on a topic or segments deleted for it, the newest KEEP_LINES. */
export function keepRetentionLines(lines: readonly string[]): string[] {
  return lines.filter((l) => OVERRIDE.test(l) || DELETION.test(l)).slice(-KEEP_LINES);
}

/** The topic whose segments were deleted for retention and the retention.ms that did it; overrides count when no deletion is logged. */
export function readRetentionDeletion(lines: readonly string[]): { topic: string; retentionMs: string; line: string } | undefined {
  for (const re of [DELETION, OVERRIDE]) {
    const line = lines.find((l) => re.test(l));
    const m = line === undefined ? null : re.exec(line);
    if (line !== undefined && m?.[1] !== undefined && m[2] !== undefined) return { topic: m[1], retentionMs: m[2], line };
  }
  return undefined;
}
