/**
 * An HTTP client's connection pool caps connections per route (scheme, host, port) as well as in
 * total: Apache HttpClient's PoolingHttpClientConnectionManager allows 2 per route by default in
 * 4.x (5 in 5.x) against 20 (25) in all, and a client configured with setMaxTotal alone keeps the
 * per-route default. When every call goes to one host, that cap is what requests queue for — "Timeout
 * waiting for connection from pool" (4.x ConnectionPoolTimeoutException, 5.x
 * ConnectionRequestTimeoutException) — while the total has room and the called service answers
 * quickly. The pool's own figures in the logs tell the per-route cap from the total: the lease line
 * HttpClient logs at DEBUG ("route allocated: 2 of 2; total allocated: 2 of 20"), a route's
 * PoolStats ("[leased: 2; pending: 58; available: 0; max: 2]"), or the settings logged at startup
 * ("defaultMaxPerRoute=2"). Pure: reads log lines only.
 */
import type { LogEvidence } from './evidence.js';

/** HttpClient's pool timeouts (not a database pool's): what this reading explains. */
export const HTTP_POOL_TIMEOUT = /Timeout waiting for connection from pool|ConnectionRequestTimeoutException/;

/** HttpClient's lease line: `[route: {}->http://host:8080][total kept alive: 0; route allocated: 2 of 2; total allocated: 2 of 20]` (5.x: "total available"). */
const LEASE = /\[route: \{[^}]*\}->([^\]\s]+)\]\s*\[total (?:kept alive|available): \d+; route allocated: (\d+) of (\d+); total allocated: (\d+) of (\d+)\]/;
/** PoolStats.toString(): the figures of one route when the line names one. */
const STATS = /\[leased: (\d+); pending: (\d+); available: \d+; max: (\d+)\]/;
/** The per-route setting as a startup or config line gives it: defaultMaxPerRoute=2, max-per-route: 2, maxConnPerRoute 2. */
const PER_ROUTE = /\b(?:default[-_]?)?max[-_]?(?:conn(?:ection)?s?[-_]?)?per[-_]?route\b["']?\s*[=:]?\s*(\d+)/i;
const TOTAL = /\bmax[-_]?(?:conn(?:ection)?s?[-_]?)?total\b["']?\s*[=:]?\s*(\d+)/i;
/** An http(s) URL on a line: the route's host and port. */
const URL_ON_LINE = /\bhttps?:\/\/[^\s"'<>\]\/]+/i;

export interface RoutePoolCap {
  /** Connections the pool allows per route. */
  perRoute: number;
  /** Connections it allows in all, when the logs say. */
  total?: number;
  /** host:port of the route, when the logs name it. */
  route?: string;
  /** How the logs state the cap: "defaultMaxPerRoute=2, maxTotal=20" or the lease line's figures. */
  said: string;
  /** The newest figures of the route: connections leased, requests waiting. */
  leased?: number;
  pending?: number;
  /** The lines read, newest last, as the pool wrote them. */
  lines: string[];
}

/** "host:port" of an http(s) URL, the scheme's port when it names none. */
export function readRoute(url: string): string | undefined {
  const m = /^(https?):\/\/(?:[^@/]*@)?([^:/?#\]]+)(?::(\d+))?/i.exec(url);
  if (!m) return undefined;
  return `${m[2] ?? ''}:${m[3] ?? (m[1]?.toLowerCase() === 'https' ? '443' : '80')}`;
}

/** The newest line of these logs that matches, with its match. */
function findNewest(logs: readonly LogEvidence[], pattern: RegExp): { line: string; m: RegExpExecArray } | undefined {
  for (const log of logs) {
    for (let i = log.lines.length - 1; i >= 0; i--) {
      const line = log.lines[i] ?? '';
      const m = pattern.exec(line);
      if (m) return { line: line.trim(), m };
    }
  }
  return undefined;
}

/** What the lease line says, when HttpClient logged one: the route at its cap while the total had room, or nothing. */
function readLease(logs: readonly LogEvidence[]): RoutePoolCap | 'total' | undefined {
  const lease = findNewest(logs, LEASE);
  if (!lease) return undefined;
  const [allocated, cap, totalAllocated, total] = lease.m.slice(2, 6).map(Number) as [number, number, number, number];
  if (totalAllocated >= total) return 'total';
  if (allocated < cap) return undefined;
  const route = readRoute(lease.m[1] ?? '');
  return {
    perRoute: cap, total, said: `route allocated: ${allocated} of ${cap}; total allocated: ${totalAllocated} of ${total}`,
    leased: allocated, lines: [lease.line], ...(route ? { route } : {}),
  };
}

/**
 * The per-route cap that holds the pool's requests back, or undefined when the figures say the
 * total is the limit, or say nothing of routes. Only the logs of pods whose pool timed out are given.
 */
export function readRoutePoolCap(logs: readonly LogEvidence[]): RoutePoolCap | undefined {
  if (!logs.some((l) => l.lines.some((x) => HTTP_POOL_TIMEOUT.test(x)))) return undefined;
  const lease = readLease(logs);
  if (lease === 'total') return undefined;
  if (lease) return lease;
  const setting = findNewest(logs, PER_ROUTE);
  const totalAt = findNewest(logs, TOTAL);
  const perRoute = setting ? Number(setting.m[1]) : undefined;
  const total = totalAt ? Number(totalAt.m[1]) : undefined;
  if (perRoute !== undefined && total !== undefined && total <= perRoute) return undefined;
  // A route's stats: the line names the route, and its max is the per-route cap when the settings give one.
  const stats = findNewest(logs, new RegExp(`${URL_ON_LINE.source}[^\\n]*${STATS.source}|${STATS.source}[^\\n]*${URL_ON_LINE.source}`, 'i'));
  const figures = stats ? STATS.exec(stats.line) : null;
  const max = figures ? Number(figures[3]) : undefined;
  const routeStats = figures && (perRoute === undefined || max === perRoute) ? figures : null;
  const cap = perRoute ?? (routeStats ? max : undefined);
  // Without the total, only a route's own figures show it full with requests waiting.
  const full = routeStats !== null && Number(routeStats[1]) >= (cap ?? Infinity) && Number(routeStats[2]) > 0;
  if (cap === undefined || (total === undefined && !full)) return undefined;
  const url = (stats && routeStats ? URL_ON_LINE.exec(stats.line)?.[0] : undefined) ?? findNewest(logs, new RegExp(`${URL_ON_LINE.source}[^\\n]*(?:${HTTP_POOL_TIMEOUT.source})`))?.m[0];
  const route = url ? readRoute(url) : undefined;
  const said = [setting?.m[0], totalAt && totalAt.line === setting?.line ? totalAt.m[0] : undefined].filter((s) => s !== undefined).join(', ') || `the route's pool stats: max: ${cap}`;
  return {
    perRoute: cap,
    ...(total !== undefined ? { total } : {}),
    ...(route ? { route } : {}),
    said,
    ...(routeStats ? { leased: Number(routeStats[1]), pending: Number(routeStats[2]) } : {}),
    lines: [setting?.line, totalAt?.line, routeStats ? stats?.line : undefined].filter((l): l is string => l !== undefined).filter((l, i, all) => all.indexOf(l) === i),
  };
}
