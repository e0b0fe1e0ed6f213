/**
 * Work that reports itself on schedule: batch progress lines that say so (on_track=true, "on
 * schedule") or give an ETA before their deadline. Why: an HPA at its maximum or a CPU at its
 * limit is planned capacity while the work keeps up; it is a problem only when work falls behind.
 */
import type { LogEvidence } from './evidence-pod.js';

export interface WorkOnSchedule {
  pod: string;
  /** The latest progress line that says so. */
  line: string;
}

const ON_TRACK = /\bon[_ -]?(?:track|schedule)["']?\s*[=:]\s*["']?(?:true|yes)\b|\b(?:is|are|stays?|running|still) on (?:schedule|track)\b/i;
const BEHIND = /\bon[_ -]?(?:track|schedule)["']?\s*[=:]\s*["']?(?:false|no)\b|\bbehind schedule\b|\bfalling behind\b|\b(?:will|would) miss (?:the |its )?deadline|\bdeadline (?:missed|exceeded)\b/i;
const ETA = /\beta["']?\s*[=:]\s*["']?(\d{1,2}):(\d{2})/i;
const DEADLINE = /\bdeadline["']?\s*[=:]\s*["']?(\d{1,2}):(\d{2})/i;

function minutesOf(m: RegExpExecArray | null): number | undefined {
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** true: on track; false: behind; undefined: the line says neither. */
function readProgress(line: string): boolean | undefined {
  if (BEHIND.test(line)) return false;
  if (ON_TRACK.test(line)) return true;
  const eta = minutesOf(ETA.exec(line));
  const deadline = minutesOf(DEADLINE.exec(line));
  if (eta === undefined || deadline === undefined) return undefined;
  return eta <= deadline;
}

/**
 * The work is on schedule when the latest progress statement of every current log that makes one
 * says so, and at least one does; a single log saying it is behind answers no.
 */
export function findWorkOnSchedule(logs: readonly LogEvidence[]): WorkOnSchedule | undefined {
  let found: WorkOnSchedule | undefined;
  for (const log of logs) {
    if (log.previous) continue;
    for (let i = log.lines.length - 1; i >= 0; i--) {
      const line = log.lines[i] ?? '';
      const said = readProgress(line);
      if (said === undefined) continue;
      if (!said) return undefined;
      found ??= { pod: log.pod, line };
      break;
    }
  }
  return found;
}
