/**
 * A reverse proxy in the workload's pods (an nginx sidecar in front of the app, or nginx as the
 * server itself) that cannot hold the app's response headers: nginx reads an upstream's status line
 * and headers into one buffer of proxy_buffer_size (4k or 8k by default, one memory page), and when
 * they do not fit it logs "upstream sent too big header while reading response header from
 * upstream" and answers 502 though the app answered. Large or many Set-Cookie headers are the usual
 * cause, grown by a release of the app; the probes' small answers still pass, so the pods stay Ready.
 */
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import { parseNginxTime } from './proxy-body-limit.js';

/** nginx's own wording (ngx_http_proxy_module), in any nginx: a sidecar, ingress-nginx, a plain server. */
const TOO_BIG_HEADER = /upstream sent too big header while reading response header from upstream/;
/** An access-log line the proxy answered 502: `"GET /login HTTP/1.1" 502 157`. */
const ANSWERED_502 = /"[A-Z]+ \S+ HTTP\/[\d.]+" 502 \d+/;
/** The upstream path of an nginx error line: `upstream: "http://127.0.0.1:8000/login"` → /login. */
const UPSTREAM_PATH = /upstream: "[a-z]+:\/\/[^"/]*(\/[^"?]*)/;
/** A size the app logs of the headers or cookie it sets: `"cookie_size":5200`, `header_bytes=9000`. */
const SET_SIZE = /"?(?:set[_-]?)?(cookie|header)[\w-]*?(?:bytes|size|len(?:gth)?)"?\s*[:=]\s*(\d+)/i;
/** Failures it takes to call it headers the traffic keeps sending, not one odd answer. */
export const MIN_HEADER_FAILURES = 3;
/** The setting nginx fails at; its default is one memory page. */
export const HEADER_BUFFER_SETTING = 'proxy_buffer_size';

export interface HeaderBufferFailure {
  pod: string;
  container: string;
  /** The line from the message on: the time stamp and worker ids are noise in a quote. */
  quote: string;
  line: string;
  path?: string;
  at?: IsoTime;
}

export interface HeaderBufferFailures {
  /** The proxy container, of the first failure. */
  container: string;
  hits: HeaderBufferFailure[];
  /** Access-log lines of that container answered 502. */
  answered502: number;
  /** The upstream paths whose answers did not fit, most failed first. */
  paths: string[];
  pods: string[];
  /** The largest header or cookie size the other containers of those pods log setting, with its word. */
  largestSet?: { what: string; bytes: number };
}

export function parseHeaderBufferFailure(line: string): Omit<HeaderBufferFailure, 'pod' | 'container'> | undefined {
  const m = TOO_BIG_HEADER.exec(line);
  if (m === null) return undefined;
  const at = parseNginxTime(line);
  const path = UPSTREAM_PATH.exec(line)?.[1];
  return { quote: m[0], line: line.trim(), ...(path !== undefined ? { path } : {}), ...(at !== undefined ? { at } : {}) };
}

/** The workload's current logs where its proxy cannot hold the upstream's response headers, again and again (MIN_HEADER_FAILURES); else undefined. */
export function findHeaderBufferFailures(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): HeaderBufferFailures | undefined {
  const own = new Set(pods.map((p) => p.name));
  const current = logs.filter((l) => !l.previous && own.has(l.pod));
  const hits: HeaderBufferFailure[] = current.flatMap((log) =>
    log.lines.flatMap((line) => {
      const f = parseHeaderBufferFailure(line);
      return f === undefined ? [] : [{ pod: log.pod, container: log.container, ...f }];
    }),
  );
  if (hits.length < MIN_HEADER_FAILURES) return undefined;
  const container = hits[0]?.container ?? '';
  const failing = new Set(hits.map((h) => h.pod));
  const proxyLogs = current.filter((l) => l.container === container && failing.has(l.pod));
  const answered502 = proxyLogs.reduce((n, log) => n + log.lines.filter((l) => ANSWERED_502.test(l)).length, 0);
  const counts = new Map<string, number>();
  for (const h of hits) if (h.path !== undefined) counts.set(h.path, (counts.get(h.path) ?? 0) + 1);
  const paths = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([p]) => p);
  const sizes = current
    .filter((l) => l.container !== container && failing.has(l.pod))
    .flatMap((l) => l.lines.flatMap((line) => {
      const m = SET_SIZE.exec(line);
      return m ? [{ what: (m[1] ?? '').toLowerCase(), bytes: Number(m[2]) }] : [];
    }));
  const largestSet = sizes.reduce<{ what: string; bytes: number } | undefined>((a, b) => (a === undefined || b.bytes > a.bytes ? b : a), undefined);
  return { container, hits, answered502, paths, pods: [...failing], ...(largestSet !== undefined ? { largestSet } : {}) };
}
