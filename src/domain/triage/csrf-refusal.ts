/**
 * Django's CSRF middleware refusing the unsafe requests (POST, PUT, PATCH, DELETE) of real users:
 * django.security.csrf logs "Forbidden (Origin checking failed - https://x does not match any
 * trusted origins.): /path" (or "CSRF cookie not set.", "Referer checking failed - …") at WARNING
 * and answers 403. One such line is a stale form or a foreign site; the same refusal across many
 * requests while hardly any unsafe request passes is every write of the site refused — a failure
 * the pods' readiness (a GET) never sees. Django 4.0 made it common: it checks the Origin header
 * against the request's own scheme and host and CSRF_TRUSTED_ORIGINS (which must now carry the
 * scheme), so behind a proxy that ends TLS, without SECURE_PROXY_SSL_HEADER, "https://host" never
 * matches the "http" Django sees.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';

/** Refusals it takes to call it the site's writes refused, not a stale form or a foreign page. */
export const MIN_CSRF_REFUSALS = 5;

/** Django's own words: "Forbidden (<reason>): <path>", the reasons of django/middleware/csrf.py. */
const DJANGO_CSRF = /\bForbidden \(((?:Origin checking failed|Referer checking failed|CSRF cookie not set|CSRF token)[^\n]*?)\.?\):?\s*(\S*)/;
const BAD_ORIGIN = /^Origin checking failed - (\S+) does not match any trusted origins/;
/** An unsafe request in an access log and its status: "POST /orders/1/refund/ HTTP/1.1" 403. */
const UNSAFE_ACCESS = /"(?:POST|PUT|PATCH|DELETE) \S+ HTTP\/[\d.]+"\s+(\d{3})\b/;
/** A framework upgrade a change cause names: "Django 3.2 LTS -> 4.2 LTS", "django 3.2 → 4.2". */
const DJANGO_UPGRADE = /\bDjango\s*v?(\d+(?:\.\d+)*)[^\n>→]*?(?:->|→|\bto\b)\s*(?:Django\s*)?v?(\d+(?:\.\d+)*)/i;

export type CsrfReason = 'origin' | 'referer' | 'cookie' | 'token';

export interface CsrfRefusals {
  /** The reason most refusals give. */
  reason: CsrfReason;
  /** Its text as Django logged it: "Origin checking failed - https://x does not match any trusted origins". */
  reasonText: string;
  /** The origins the browsers sent that did not match (origin check). */
  origins: string[];
  refusals: { pod: string; line: string; path: string; at?: IsoTime }[];
  pods: string[];
  paths: string[];
  /** Unsafe requests the access log shows answered 403, and answered below 400. */
  refused403: number;
  passed: number;
  first?: IsoTime;
}

function classify(reason: string): CsrfReason {
  if (reason.startsWith('Origin')) return 'origin';
  if (reason.startsWith('Referer')) return 'referer';
  if (reason.startsWith('CSRF cookie')) return 'cookie';
  return 'token';
}

/**
 * The CSRF refusals of the workload's current logs, when they are the site's writes refused:
 * at least MIN_CSRF_REFUSALS of them, on more than one request path, and fewer unsafe requests
 * passed than were refused.
 */
export function findCsrfRefusals(logs: readonly LogEvidence[], pods: ReadonlySet<string>): CsrfRefusals | undefined {
  const refusals: CsrfRefusals['refusals'] = [];
  const reasons = new Map<string, number>();
  let refused403 = 0;
  let passed = 0;
  for (const log of logs) {
    if (log.previous || !pods.has(log.pod)) continue;
    for (const line of log.lines) {
      const m = DJANGO_CSRF.exec(line);
      if (m) {
        const reason = m[1] ?? '';
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        const at = readLineTime(line);
        refusals.push({ pod: log.pod, line, path: m[2] ?? '', ...(at ? { at } : {}) });
        continue;
      }
      const a = UNSAFE_ACCESS.exec(line);
      if (!a) continue;
      const status = Number(a[1]);
      if (status === 403) refused403++;
      else if (status < 400) passed++;
    }
  }
  const paths = [...new Set(refusals.map((r) => r.path.replace(/\d+/g, 'N')).filter((p) => p !== ''))];
  if (refusals.length < MIN_CSRF_REFUSALS || paths.length < 2 || passed >= refusals.length) return undefined;
  const [reasonText = ''] = [...reasons.entries()].sort((a, b) => b[1] - a[1]).map(([r]) => r);
  const origins = [...new Set([...reasons.keys()].flatMap((r) => BAD_ORIGIN.exec(r)?.[1] ?? []))];
  const times = refusals.flatMap((r) => (r.at ? [r.at] : [])).sort();
  return {
    reason: classify(reasonText),
    reasonText,
    origins,
    refusals,
    pods: [...new Set(refusals.map((r) => r.pod))],
    paths,
    refused403,
    passed,
    ...(times[0] ? { first: times[0] } : {}),
  };
}

/** The Django upgrade a revision's change cause names ("3.2 → 4.2"), when it names one. */
export function readDjangoUpgrade(changeCause: string | undefined): { from: string; to: string } | undefined {
  const m = DJANGO_UPGRADE.exec(changeCause ?? '');
  return m ? { from: m[1] ?? '', to: m[2] ?? '' } : undefined;
}
