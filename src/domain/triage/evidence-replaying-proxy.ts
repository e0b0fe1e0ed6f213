// An nginx of the namespace in front of the workload that replays non-idempotent requests: its
// mounted ConfigMap proxies to one of the workload's Services and sets `proxy_next_upstream …
// non_idempotent`, so a POST that times out (proxy_read_timeout) or errors is sent again to the next
// pod — which performs it a second time. Read only when the workload's own log shows duplicate
// requests (a duplicate charge, an idempotency key seen twice). Only the retry line, the read timeout
// and the proxy's revision are kept.
import type { LogEvidence } from './evidence-pod.js';

export interface ReplayingProxyEvidence {
  deployment: string;
  configMap: string;
  key: string;
  /** The `proxy_next_upstream … non_idempotent;` line as the config has it. */
  retryLine: string;
  /** `proxy_read_timeout` as the config sets it, when it does. */
  readTimeout?: string;
  revision?: number;
  changeCause?: string;
}

/** The workload's own words for a request performed twice. */
export const DUPLICATE_REQUEST = /\bduplicate (?:charge|payment|request|order|transaction|capture|submission)s?\b|\bidempoten\w*[ _-]?key\b[^\n]{0,80}\b(?:already|reused|conflict|duplicate|mismatch)|\balready (?:captured|charged|processed)\b/i;

export function hasDuplicateRequests(logs: readonly LogEvidence[]): boolean {
  return logs.some((l) => !l.previous && l.lines.some((x) => DUPLICATE_REQUEST.test(x)));
}

export function isNginxImage(image: string): boolean {
  const name = image.replace(/@sha256:[0-9a-f]+$/, '').replace(/:[\w.-]+$/, '').split('/').pop() ?? '';
  return /^(?:nginx|nginx-unprivileged|openresty)$/.test(name);
}

/** In an nginx config that names one of the hosts: its `proxy_next_upstream … non_idempotent` line and read timeout. */
export function readNonIdempotentRetry(text: string, hosts: readonly string[]): { retryLine: string; readTimeout?: string } | undefined {
  const lines = text.split('\n').map((l) => l.replace(/#.*$/, '').trim());
  if (!lines.some((l) => hosts.some((h) => l.includes(h)))) return undefined;
  const retryLine = lines.find((l) => /^proxy_next_upstream\s[^;]*\bnon_idempotent\b/.test(l));
  if (retryLine === undefined) return undefined;
  const readTimeout = lines.map((l) => /^proxy_read_timeout\s+([^;\s]+)/.exec(l)?.[1]).find((v) => v !== undefined);
  return { retryLine, ...(readTimeout ? { readTimeout } : {}) };
}
