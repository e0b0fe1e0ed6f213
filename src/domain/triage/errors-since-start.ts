/**
 * When errors read only in the logs of Ready pods began. The log tail is read long after the
 * pods started, so its first error line dates the read, not the trouble. When every pod that
 * logs errors runs the newest revision, each of their logs reaches back to the pod's start (or
 * its first error comes right after it) and shows no stretch of clean work before the errors,
 * the errors came with the pods: their start is the onset, and the rollout that created them the
 * candidate trigger. Claimed only from lines the logs show, never from lines missing.
 */
import type { IsoTime, PodEvidence, TriageEvidence } from './evidence.js';
import { isPodFailing } from './pod-status.js';
import { readLineTime } from './request-silence.js';
import { sortRevisions } from './revision-diff.js';
import { MINUTE_MS, earliest, msBetween } from './time-span.js';
import { isErrorLine } from './error-line.js';
import { TRIGGER_WINDOW_MS } from './trigger-window.js';

/** Lines this soon after a pod started are its start-up (banner, config, listening), not work done without errors. */
export const STARTUP_MS = 5 * MINUTE_MS;
/** A clean line this long before the first error shows a stretch of work without it; one just before belongs to the same bout. */
export const CLEAN_STRETCH_MS = 5 * MINUTE_MS;
/** In a log read whole since its pod started, a clean line this long before the first error closes an error-free stretch. */
export const WHOLE_READ_STRETCH_MS = MINUTE_MS;
/**
 * A pod that ran longer than this before its first error line, with nothing logged between, is
 * more likely quiet than failing from its first request: its start does not date the errors.
 */
export const FIRST_ERROR_MAX_MS = 2 * TRIGGER_WINDOW_MS;

interface Stamped {
  at: IsoTime;
  error: boolean;
}

function stampLines(lines: readonly string[]): Stamped[] {
  return lines.flatMap((line) => {
    const at = readLineTime(line);
    return at === undefined ? [] : [{ at, error: isErrorLine(line) }];
  });
}

/**
 * The lines of one log read before its first error line, stamped or not. A tail cut inside a
 * traceback starts with an error's unstamped lines: what follows was logged while errors went on.
 */
function beforeFirstError(lines: readonly string[]): readonly string[] {
  const first = lines.findIndex(isErrorLine);
  return first < 0 ? lines : lines.slice(0, first);
}

/**
 * The earliest line of clean work in one log read: stamped, no error line before it, past the start-up and
 * well before the first error (`stretch` before it; a read whole since the start may ask less, readsFromStart).
 */
export function findCleanWork(lines: readonly string[], started: IsoTime, firstError: IsoTime, stretch = CLEAN_STRETCH_MS): IsoTime | undefined {
  const clean = stampLines(beforeFirstError(lines)).filter((s) => !s.error && msBetween(started, s.at) >= STARTUP_MS && msBetween(s.at, firstError) >= stretch);
  return earliest(clean.map((s) => s.at));
}

/** Whether one log read begins at the pod's start (its first stamped line within the start-up): it holds every line since. */
export function readsFromStart(lines: readonly string[], started: IsoTime): boolean {
  const first = earliest(stampLines(lines).map((s) => s.at));
  return first !== undefined && msBetween(started, first) <= STARTUP_MS;
}

function currentReads(ev: TriageEvidence, pod: string): string[][] {
  return ev.logs.filter((l) => l.pod === pod && !l.previous).map((l) => [...l.lines]);
}

function currentLines(ev: TriageEvidence, pod: string): string[] {
  return currentReads(ev, pod).flat();
}

/** The pods' start when their errors came with them (see above), else undefined. */
export function findErrorsSinceStart(ev: TriageEvidence, pods: readonly PodEvidence[]): IsoTime | undefined {
  const [newest] = sortRevisions(ev.revisions);
  if (newest === undefined || pods.length === 0) return undefined;
  if (pods.some((p) => !p.ready || isPodFailing(p, ev.collectedAt) || p.revisionHash !== newest.hash)) return undefined;
  // Pods of an older revision that log errors too: the errors are not the new revision's.
  const older = ev.pods.filter((p) => p.revisionHash !== undefined && p.revisionHash !== newest.hash);
  if (older.some((p) => currentLines(ev, p.name).some(isErrorLine))) return undefined;
  const starts: IsoTime[] = [];
  for (const p of pods) {
    const started = p.startTime ?? p.createdAt;
    if (started === undefined) return undefined;
    const lines = currentLines(ev, p.name);
    const stamped = stampLines(lines);
    const firstError = earliest(stamped.filter((s) => s.error).map((s) => s.at));
    const firstLine = earliest(stamped.map((s) => s.at));
    if (firstError === undefined || firstLine === undefined) return undefined;
    // The read must reach back to the start, or the errors must begin right after it.
    const fromStart = msBetween(started, firstLine) <= STARTUP_MS || msBetween(started, firstError) <= STARTUP_MS;
    // A read whole since the start shows every line before the first error: clean work there, however near, is a stretch without it.
    const worked = currentReads(ev, p.name).some((read) => findCleanWork(read, started, firstError, readsFromStart(read, started) ? WHOLE_READ_STRETCH_MS : CLEAN_STRETCH_MS) !== undefined);
    if (!fromStart || msBetween(started, firstError) > FIRST_ERROR_MAX_MS || worked) return undefined;
    starts.push(started);
  }
  return earliest(starts);
}
