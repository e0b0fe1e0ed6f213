/**
 * A triage under way, as its summary message shows it until the verdict replaces it: which reads
 * are done, so the first screen is never empty while a slow API answers.
 */

/** The reads a triage waits on, in the order an engineer expects them. */
export const READ_STAGES = ['workload', 'pods', 'events', 'logs', 'nodes'] as const;
export type ReadStage = (typeof READ_STAGES)[number];

export interface TriageProgress {
  service: string;
  /** "deployment/payment-service in payments", once found. */
  target?: string;
  done: ReadStage[];
  /** Said instead of the reads when the cluster failed: "retrying", "gave up …". */
  note?: string;
}

/** "Triaging payment-service (deployment/… in payments) — workload ✓ pods ✓ events … logs … nodes …" */
export function describeProgress(p: TriageProgress): string {
  const what = `Triaging ${p.service}${p.target ? ` (${p.target})` : ''}`;
  if (p.note !== undefined) return `${what} — ${p.note}`;
  if (p.done.length === 0) return `${what} — reading pods, events, logs…`;
  return `${what} — ${READ_STAGES.map((s) => `${s} ${p.done.includes(s) ? '✓' : '…'}`).join('  ')}`;
}
