/**
 * Browsers' CORS preflights refused: before a cross-origin request that is not "simple" (a JSON
 * POST, a PUT, a custom header) a browser sends OPTIONS with Origin and
 * Access-Control-Request-Method, and sends the real request only if the answer is a 2xx carrying
 * Access-Control-Allow-* headers. An API whose CORS handling went away (the middleware dropped in
 * an app-factory rewrite or a framework upgrade, a route table without OPTIONS, an origin list
 * emptied) answers every preflight 405 Method Not Allowed (or 403, 404, 400): the single-page site
 * cannot call the API at all, while server-to-server calls (no preflight) and the probes succeed
 * and every pod stays Ready. A 4xx to a client is usually the client's fault; here one method,
 * from browsers, is refused every time — the server's fault.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';

/** Preflights it takes to call the browsers refused, not a stray probe or a scanner. */
export const MIN_REFUSED_PREFLIGHTS = 5;
/** The share of preflights refused it takes: every one of them, give or take a straggler. */
const REFUSED_SHARE = 0.9;
/** How a refused preflight is answered: no OPTIONS route (405), an origin refused (403, 400), no route (404). */
const REFUSALS = new Set([400, 403, 404, 405]);
const REASONS: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed' };

/** A request line and its status: `"OPTIONS /v1/cart HTTP/1.1" 405` (common log format, uvicorn, nginx, envoy). */
const TEXT_ACCESS = /"([A-Z]+) (\S+) HTTP\/[\d.]+"\s+(\d{3})\b/;
/** A structured access line's fields (JSON or logfmt): the method, the status, the path. */
const METHOD_FIELD = /"?(?:method|http_method|request_method|verb)"?\s*[:=]\s*"?([A-Z]+)\b/;
const STATUS_FIELD = /"?(?:status|status_code|statusCode|http_status|response_status)"?\s*[:=]\s*"?(\d{3})\b/;
const PATH_FIELD = /"?(?:path|url|uri|request_uri)"?\s*[:=]\s*"?(\/[^"\s,}]*)/;
/** A browser's marks on a preflight: its Origin, its Access-Control-Request-Method, a browser's user agent. */
const ORIGIN_FIELD = /"?(?:origin|http_origin)"?\s*[:=]\s*"?(https?:\/\/[^"\s,}]+)/i;
const REQUEST_METHOD_FIELD = /access[_-]control[_-]request[_-]method/i;
const BROWSER_AGENT = /\bMozilla\/5\.0\b/;
/** The middleware an app logs at startup: `"middleware":["GZipMiddleware","PrometheusMiddleware"]`. */
const MIDDLEWARE_LIST = /"?middlewares?"?\s*[:=]\s*\[([^\]]*)\]/i;

export interface AccessLine {
  method: string;
  path: string;
  status: number;
}

/** One access-log line's method, path and status, whatever the format; undefined for other lines. */
export function parseAccessLine(line: string): AccessLine | undefined {
  const t = TEXT_ACCESS.exec(line);
  if (t) return { method: t[1] ?? '', path: t[2] ?? '', status: Number(t[3]) };
  const method = METHOD_FIELD.exec(line)?.[1];
  const status = STATUS_FIELD.exec(line)?.[1];
  if (method === undefined || status === undefined) return undefined;
  return { method, path: PATH_FIELD.exec(line)?.[1] ?? '', status: Number(status) };
}

export interface PreflightRefusals {
  /** The status most refused preflights got, and its reason phrase. */
  status: number;
  reason: string;
  refused: number;
  preflights: number;
  /** Requests of other methods the same logs show answered below 400, and answered 400 or above. */
  othersPassed: number;
  othersFailed: number;
  origins: string[];
  paths: string[];
  pods: string[];
  /** The newest refused preflight, as logged. */
  line: string;
  linePod: string;
  first?: IsoTime;
  /** The middleware the app says it loaded at startup, when a line lists them (none of them CORS). */
  middleware?: string[];
}

function isFromBrowser(line: string): boolean {
  return ORIGIN_FIELD.test(line) || REQUEST_METHOD_FIELD.test(line) || BROWSER_AGENT.test(line);
}

/**
 * The preflights of the workload's current logs, when browsers' preflights are refused: at least
 * MIN_REFUSED_PREFLIGHTS OPTIONS requests from browsers, nearly all answered the same refusal,
 * while the other methods are not failing alike (else the API is down, which other readings tell).
 */
export function findPreflightRefusals(logs: readonly LogEvidence[], pods: ReadonlySet<string>): PreflightRefusals | undefined {
  const refusedAt: { pod: string; line: string; status: number; path: string; origin?: string; at?: IsoTime }[] = [];
  let preflights = 0;
  let othersPassed = 0;
  let othersFailed = 0;
  let middleware: string[] | undefined;
  for (const log of logs) {
    if (log.previous || !pods.has(log.pod)) continue;
    for (const line of log.lines) {
      const listed = MIDDLEWARE_LIST.exec(line)?.[1];
      if (listed !== undefined) middleware = [...listed.matchAll(/[\w.]+/g)].map((m) => m[0]);
      const a = parseAccessLine(line);
      if (a === undefined) continue;
      if (a.method !== 'OPTIONS') {
        if (a.status < 400) othersPassed++;
        else othersFailed++;
        continue;
      }
      if (!isFromBrowser(line)) continue;
      preflights++;
      if (!REFUSALS.has(a.status)) continue;
      const at = readLineTime(line);
      const origin = ORIGIN_FIELD.exec(line)?.[1];
      refusedAt.push({ pod: log.pod, line, status: a.status, path: a.path, ...(origin ? { origin } : {}), ...(at ? { at } : {}) });
    }
  }
  if (refusedAt.length < MIN_REFUSED_PREFLIGHTS || refusedAt.length < preflights * REFUSED_SHARE) return undefined;
  // The API answering its other requests: a preflight refusal of its own, not every request failing.
  if (othersFailed > othersPassed) return undefined;
  const counts = new Map<number, number>();
  for (const r of refusedAt) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const [status = 405] = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
  const times = refusedAt.flatMap((r) => (r.at ? [r.at] : [])).sort();
  const newest = [...refusedAt].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '')).at(-1);
  const noCors = middleware !== undefined && !middleware.some((m) => /cors/i.test(m));
  return {
    status,
    reason: REASONS[status] ?? '',
    refused: refusedAt.length,
    preflights,
    othersPassed,
    othersFailed,
    origins: [...new Set(refusedAt.flatMap((r) => (r.origin ? [r.origin] : [])))],
    paths: [...new Set(refusedAt.map((r) => r.path).filter((p) => p !== ''))],
    pods: [...new Set(refusedAt.map((r) => r.pod))],
    line: newest?.line ?? '',
    linePod: newest?.pod ?? '',
    ...(times[0] ? { first: times[0] } : {}),
    ...(noCors && middleware ? { middleware } : {}),
  };
}
