/**
 * How long the fakes' waitFor helpers wait by default: TEST_DEADLINE_MS (default 30,000 ms), the
 * one deadline every wait in the tests derives from (test/helpers/deadline.ts re-exports it).
 */
export const DEADLINE_MS = readDeadline(process.env.TEST_DEADLINE_MS);

function readDeadline(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 30_000;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 1000) throw new Error(`TEST_DEADLINE_MS must be a number of milliseconds ≥ 1000, got ${JSON.stringify(raw)}`);
  return ms;
}
