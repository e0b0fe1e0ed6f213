/**
 * The lines of the workload's own pods' current logs that match a pattern, each with the time it
 * was logged: its own, or — for an exception line of a stack trace, which carries none — that of
 * the line before it that logged it.
 */
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import { readLogLineTime } from './log-line-time.js';

export interface TimedLogHit {
  pod: string;
  container: string;
  line: string;
  at?: IsoTime;
}

export function findTimedLogHits(logs: readonly LogEvidence[], pods: readonly PodEvidence[], pattern: RegExp, now: IsoTime): TimedLogHit[] {
  const own = new Set(pods.map((p) => p.name));
  return logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => {
    let last: IsoTime | undefined;
    return l.lines.flatMap((line) => {
      last = readLogLineTime(line, now) ?? last;
      return pattern.test(line) ? [{ pod: l.pod, container: l.container, line: line.trim(), ...(last !== undefined ? { at: last } : {}) }] : [];
    });
  });
}
