/**
 * Refused connections that another failure has replaced: a client logs "connection refused" while
 * its server restarts (an upgrade, a rescheduled pod), then the server is back and answers, and the
 * client's log goes on with a different error, repeated (the server now refuses its requests).
 * The refusal is the restart's trace, not the current failure: it must not lead over what the
 * client logs now. Claimed only when every log of the refusal shows at least MIN_LATER error
 * lines after its last refusal, none of them a refusal again, and the refused Service is read
 * with every endpoint ready.
 */
import type { DependencyHit } from './dependency-error-line.js';
import { parseDependencyError } from './dependency-error-line.js';
import { isErrorLine } from './error-line.js';

/** Errors after the last refusal that make a different failure the current one, not a blip. */
const MIN_LATER = 3;

/** `serviceReady`: the refused Service has endpoints and all are ready now. */
export function isSupersededRefusal(group: readonly DependencyHit[], serviceReady: boolean): boolean {
  if (!serviceReady || group.length === 0 || group.some((h) => h.error.problem !== 'refused' || h.log.previous)) return false;
  const logs = [...new Set(group.map((h) => h.log))];
  return logs.every((log) => {
    const last = Math.max(...group.filter((h) => h.log === log).map((h) => h.index));
    const later = log.lines.slice(last + 1);
    if (later.some((l) => parseDependencyError(l)?.problem === 'refused')) return false;
    return later.filter((l) => isErrorLine(l)).length >= MIN_LATER;
  });
}
