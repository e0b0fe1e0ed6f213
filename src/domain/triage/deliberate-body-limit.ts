/**
 * A body limit set on purpose and doing its job. nginx's client_max_body_size defaults to 1m; a
 * config that sets it ten times higher or more was written for large bodies, and its value is then
 * the product's limit for one request (larger files go through a chunked or multipart upload). When
 * that value is the same as in the revision before, every refused body is over the largest value set,
 * and the refusals are a few among many requests that pass, the 413s are clients sending more than
 * the service takes — not an incident. A lowered limit (the revision before had another value), one
 * left at or near the default, one refusing bodies under it (a smaller location's limit), or one
 * refusing much of the traffic stays the fault (analyzers/proxy-body-limit.ts).
 */
import type { ProxyConfigEvidence } from './evidence-proxy-config.js';
import type { BodyRefusals } from './proxy-body-limit.js';

/** nginx's default client_max_body_size, 1m. */
const NGINX_DEFAULT_BYTES = 1024 * 1024;
/** How far above the default a limit is set to be one chosen for large bodies. */
const ABOVE_DEFAULT = 10;
/** Requests passed per refusal, at least: the traffic goes through, a few outsized bodies do not. */
const PASSED_PER_REFUSAL = 3;

const UNIT: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** nginx's size syntax ("100m", "512k", "1g", "1048576") in bytes; "0" (no limit) and anything else: undefined. */
export function parseNginxSize(value: string): number | undefined {
  const m = /^(\d+)([kmg]?)$/i.exec(value.trim());
  const n = m ? Number(m[1]) * (UNIT[(m[2] ?? '').toLowerCase()] ?? NaN) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export interface DeliberateBodyLimit {
  /** The largest value set, as written ("100m"), and in bytes. */
  value: string;
  bytes: number;
}

/** The limit the refusals meet when it was set on purpose and long kept (see above); else undefined. */
export function findDeliberateBodyLimit(refusals: BodyRefusals, settings: readonly ProxyConfigEvidence[]): DeliberateBodyLimit | undefined {
  const now = settings.filter((s) => s.mountedNow);
  const before = settings.filter((s) => !s.mountedNow);
  if (now.length === 0) return undefined;
  const values = (list: readonly ProxyConfigEvidence[]) => [...new Set(list.map((s) => s.value))].sort().join(',');
  if (before.length > 0 && values(before) !== values(now)) return undefined;
  const sized = now.flatMap((s) => { const b = parseNginxSize(s.value); return b === undefined ? [] : [{ value: s.value, bytes: b }]; });
  if (sized.length !== now.length) return undefined;
  const largest = sized.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  if (largest.bytes < ABOVE_DEFAULT * NGINX_DEFAULT_BYTES) return undefined;
  if (refusals.hits.some((h) => h.bytes <= largest.bytes)) return undefined;
  const refused = Math.max(refusals.answered413, refusals.hits.length);
  if (refusals.passed < PASSED_PER_REFUSAL * refused) return undefined;
  return largest;
}
