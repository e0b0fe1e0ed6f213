/**
 * The one deadline every wait in the tests derives from. Tests wait on conditions (a message
 * posted, a queue drained, a line printed), never for a fixed time: a condition that holds ends
 * the wait at once, so a generous deadline costs nothing when things work and only bounds how
 * long a broken test takes to say so. On a slow or very busy machine, raise TEST_DEADLINE_MS.
 *
 * Speed is not asserted here at all: bench/ measures it.
 */
import { DEADLINE_MS } from '../../src/demo/fakes/wait-deadline.js';

/** How long any one wait may take before the test fails. Default 30,000 ms; env TEST_DEADLINE_MS. */
export { DEADLINE_MS };

/**
 * vitest's testTimeout and hookTimeout (vitest.config.ts): room for a few waits in a row, so a
 * stuck test fails with the message of the helper that waited rather than vitest's bare timeout.
 */
export const TEST_TIMEOUT_MS = 4 * DEADLINE_MS;

/**
 * A bot started as a child process prints its first line only after tsx has transpiled the whole
 * app, a step no other wait includes: on a 2-core machine under a parallel suite it alone has
 * taken most of DEADLINE_MS. Its start-up line gets twice the one deadline (still within TEST_TIMEOUT_MS).
 */
export const PROCESS_START_MS = 2 * DEADLINE_MS;

/**
 * A time budget the code under test must never run out of (a triage's reads): DEADLINE_MS / 2, so
 * that if it does, a wait on the outcome still sees the timeout reported rather than timing out.
 */
export const AMPLE_BUDGET_MS = Math.round(DEADLINE_MS / 2);

/**
 * A time budget a test waits out on purpose (reads held until it passes): long enough that the
 * reads the test expects to finish do so on a loaded machine. DEADLINE_MS / 10.
 */
export const SHORT_BUDGET_MS = Math.round(DEADLINE_MS / 10);

/** Options for vi.waitFor, whose own default timeout is 1 s. */
export const PATIENTLY = { timeout: DEADLINE_MS, interval: 20 } as const;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface WaitOptions {
  /** Default DEADLINE_MS. */
  timeoutMs?: number;
  /** Pause between checks; default 20 ms. */
  intervalMs?: number;
}

/**
 * Checks `check` until it returns true; a check that throws counts as "not yet" (a server still
 * starting). Fails after the deadline with `what` and the last error, if any.
 */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string | (() => string), opts: WaitOptions = {}): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? DEADLINE_MS;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const why = lastError === undefined ? '' : ` (last check threw: ${lastError instanceof Error ? lastError.message : String(lastError)})`;
      throw new Error(`not within ${timeoutMs} ms: ${typeof what === 'string' ? what : what()}${why}`);
    }
    await delay(opts.intervalMs ?? 20);
  }
}

/** `promise`, or a rejection naming `what` once the deadline passes first (the promise is left to run). */
export async function withinDeadline<T>(promise: Promise<T>, what: string, timeoutMs = DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not within ${timeoutMs} ms: ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
