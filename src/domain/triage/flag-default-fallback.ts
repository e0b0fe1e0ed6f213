/**
 * A feature-flag SDK (OpenFeature and its providers: flagd, LaunchDarkly, Unleash) evaluating a
 * flag its provider no longer has (FLAG_NOT_FOUND: archived or removed) and returning the code's
 * default. The SDK writes reason ERROR in the record, yet logs it at WARN or below: the request is
 * served with the default, as designed, and the line is cleanup noise (remove the flag check), not
 * a failure. A provider that is not ready or unreachable (PROVIDER_NOT_READY, GENERAL) still counts,
 * and so does any evaluation logged at ERROR.
 */

/** The record names the flag-not-found code and the fallback to a default. */
const FLAG_NOT_FOUND = /\bFLAG_NOT_FOUND\b/;
const RETURNED_DEFAULT = /\b(return(?:ed|ing)?|serv(?:ed|ing)|us(?:ed|ing)|fall(?:ing)? ?back to)\b[^\n]*\bdefault\b|"default(?:_?value)?":/i;
/** Its own level is a warning or below (JSON level field, or the level word of a text line). */
const LOW_LEVEL = /"(?:level|severity)":"(?:warn(?:ing)?|info|debug)"|\blevel=(?:warn(?:ing)?|info|debug)\b|^\S+(?: \S+)? (?:WARN(?:ING)?|INFO|DEBUG)\b/i;
const HIGH_LEVEL = /"(?:level|severity)":"(?:error|fatal|critical)"|\blevel=(?:error|fatal)\b/i;

/** Whether a line is a flag evaluation falling back to its default for a flag the provider does not have, logged below ERROR. */
export function isFlagDefaultFallback(line: string): boolean {
  return FLAG_NOT_FOUND.test(line) && RETURNED_DEFAULT.test(line) && LOW_LEVEL.test(line) && !HIGH_LEVEL.test(line);
}
