/**
 * A process that stops its work for good and stays up: Thanos' compactor logs "critical error
 * detected; halting" and keeps serving its health endpoints; workers log "will not retry",
 * "stopped processing", "shutting down worker". Its probes pass, nothing restarts it, and one
 * error line — hours old, with nothing after it — is all that shows. Read only when the line is
 * at error level, carries a time, and is the last thing the process logged; "giving up", which a
 * single call can say too, only when the silence after it is longer than any gap before it.
 */
import type { IsoTime } from './evidence.js';
import { readLineTime } from './request-silence.js';

/** The process stopping its own work, whatever call it was on. */
const HALTED = /\bhalt(?:ing|ed)\b|\bwill not (?:be )?retr(?:y|ied)\b|\bnot retrying\b|\b(?:stopped|stopping|ceased|suspended|aborted) (?:all )?(?:processing|work|consum(?:ing|ption)|compaction|replication|ingestion|reconcil\w*)\b|\bshutting down (?:the )?(?:worker|consumer|processor|compactor|scheduler)\b/i;
/** Words a single call gives up with, too: a halt only if the process went quiet for longer than it ever did. */
const GAVE_UP = /\bgiving up\b|\bgave up\b/i;
/** A level field (logfmt, JSON) decides; without one, an upper-case or bracketed level word. */
const LEVEL_FIELD = /\blevel=(\w+)|"(?:level|severity)"\s*:\s*"(\w+)"/i;
const ERROR_LEVELS = /^(?:error|fatal|crit|critical|panic)$/i;
const ERROR_WORD = /\b(?:ERROR|FATAL|CRITICAL)\b|\[(?:error|fatal|crit)\]/;

function isErrorLevel(line: string): boolean {
  const field = LEVEL_FIELD.exec(line);
  return field !== null ? ERROR_LEVELS.test(field[1] ?? field[2] ?? '') : ERROR_WORD.test(line);
}
/** What a structured line calls its message and its error. */
const MESSAGE = /\bmsg="((?:[^"\\]|\\.)*)"|"(?:msg|message)"\s*:\s*"((?:[^"\\]|\\.)*)"/;
const ERROR_FIELD = /\b(?:err|error)="((?:[^"\\]|\\.)*)"|"(?:err|error)"\s*:\s*"((?:[^"\\]|\\.)*)"/;
/** Lines that continue the one above them: a stack frame, an indented detail. */
const CONTINUATION = /^(?:\s|at |Caused by|Traceback|#\d)/;
/** Stamped lines before the halt needed to judge how quiet the process usually is. */
const MIN_CADENCE_LINES = 3;

export interface HaltedWork {
  line: string;
  /** Its message field, or the whole line. */
  message: string;
  /** The error it quotes, cut before a bracketed list of details; undefined when it quotes none. */
  reason?: string;
  at: IsoTime;
  /** Whether the wording says the process stopped (true) or only gave up (false, judged by the silence). */
  explicit: boolean;
}

/** The error's lead, without the bracketed list of ids and ranges that follows it in long messages. */
function condense(reason: string): string {
  const text = reason.replace(/\\"/g, '"').trim();
  const cut = text.search(/\s\[/);
  const lead = cut >= 40 ? text.slice(0, cut) : text;
  return lead.length > 240 ? `${lead.slice(0, 239)}…` : lead;
}

/** The halt the log ends on, or undefined when the log does not end on one. */
export function readHaltedWork(lines: readonly string[], collectedAt?: IsoTime): HaltedWork | undefined {
  let i = lines.length - 1;
  while (i >= 0 && ((lines[i] ?? '').trim() === '' || CONTINUATION.test(lines[i] ?? ''))) i--;
  const line = lines[i];
  if (line === undefined || !isErrorLevel(line)) return undefined;
  const explicit = HALTED.test(line);
  if (!explicit && !GAVE_UP.test(line)) return undefined;
  const at = readLineTime(line);
  if (at === undefined) return undefined;
  if (!explicit) {
    // A call that gave up says nothing of the process, unless it never went this quiet before.
    const times = lines.slice(0, i).flatMap((l) => readLineTime(l) ?? []).map((t) => Date.parse(t)).sort((a, b) => a - b);
    if (times.length < MIN_CADENCE_LINES || collectedAt === undefined) return undefined;
    const gaps = times.slice(1).map((t, k) => t - (times[k] ?? t));
    const silence = Date.parse(collectedAt) - Date.parse(at);
    if (silence <= Math.max(...gaps) * 2) return undefined;
  }
  const m = MESSAGE.exec(line);
  const e = ERROR_FIELD.exec(line);
  const message = (m?.[1] ?? m?.[2])?.replace(/\\"/g, '"') ?? line.trim();
  const reason = e?.[1] ?? e?.[2];
  return { line, message, ...(reason !== undefined && reason !== '' ? { reason: condense(reason) } : {}), at, explicit };
}
