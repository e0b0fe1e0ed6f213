/**
 * A background refresh that failed and said it carries on with the copy it already has: signing
 * keys ("failed to refresh JWKS, using cached keys"), a config or rules file ("could not reload
 * rules, keeping previous"), a service list ("serving stale endpoints"). Logged at WARN while the
 * requests the same pods answer succeed, it is degraded but serving: the copy stays good until its
 * source changes what it serves. Not a failure on its own, told as a note. A fallback logged at
 * ERROR, a failure that names no fallback, or a log tail that shows failed requests or any other
 * error line beside it (401s, 5xx, an unknown signing key) still counts as a failure.
 */
import { isErrorLine } from './error-line.js';

/** The refresh, reload or fetch that failed: "failed to refresh", "could not reload", "error fetching", "sync failed". */
const FAILED =
  /\b(?:fail(?:ed|ure|ing)?|error|unable|could not|couldn't|cannot|can't)\b[^\n]{0,24}?\b(?:re-?fresh|re-?load|re-?fetch|fetch|updat|sync|renew|poll|download|rotat|load)\w*|\b(?:re-?fresh|re-?load|re-?fetch|fetch|update|sync|renew|poll|download)\w*\b[^\n]{0,30}?\b(?:failed|error(?:ed)?|timed out)\b/i;
/** What it does instead, said in the same line: keeps the copy it has. */
const FALLBACK =
  /\b(?:us(?:ing|es?) (?:the |its )?(?:cached|stale|previous|last[- ]known(?:[- ]good)?|existing|old|current)\b|keep(?:ing|s)? (?:the |its |using (?:the )?)?(?:cached|stale|previous|last[- ]known|existing|old|current)\b|retain(?:ing|s)? (?:the |its )?(?:cached|previous|existing)\b|serv(?:ing|es?) (?:the )?(?:stale|cached)\b|fall(?:ing|s)? ?back to (?:the |its )?(?:cached?|stale|previous|last[- ]known)\b)/i;
/** Its own level is a warning: logfmt, JSON, a bracketed or bare level word, klog's W prefix. */
const WARN_FIELD = /\blevel=warn(?:ing)?\b|"(?:level|severity|log\.level)"\s*:\s*"warn(?:ing)?"/i;
const WARN_WORD = /(?:^|\s|\[)WARN(?:ING)?\b|^W\d{4} \d\d:\d\d:\d\d/;
/** A request the pods answered with a refusal or a server error: the copy is no longer good enough. */
const REQUEST_FAILED = /\b(?:status|status_code|http_status|code)[=:]\s*"?(?:401|5\d\d)\b|" (?:401|5\d\d) \d+/;

/** Whether one line is a failed background refresh, logged at WARN, that falls back to the copy it has. */
export function isCachedFallbackLine(line: string): boolean {
  return (WARN_FIELD.test(line) || WARN_WORD.test(line)) && FAILED.test(line) && FALLBACK.test(line) && !isErrorLine(line);
}

/**
 * The indexes of a log tail's failed refreshes that fell back to their cached copy, when nothing
 * else in the tail fails: no other error line and no request answered 401 or 5xx. Empty otherwise,
 * so a fallback beside failing requests stays a failure.
 */
export function listCachedFallbackLines(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  lines.forEach((l, i) => { if (isCachedFallbackLine(l)) out.add(i); });
  if (out.size === 0) return out;
  const failing = lines.some((l, i) => !out.has(i) && (isErrorLine(l) || REQUEST_FAILED.test(l)));
  return failing ? new Set() : out;
}
