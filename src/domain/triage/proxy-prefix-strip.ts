/**
 * A reverse proxy (nginx) that strips the prefix its location matches before it passes requests
 * on: inside `location /x/ { proxy_pass http://upstream/; }` a proxy_pass with a URI part ("/")
 * makes nginx replace the matched "/x/" with that URI, so "/x/a/b" reaches the upstream as "/a/b".
 * An upstream that serves its routes under "/x" answers 404 to every such call, while the proxy's
 * pods stay Ready and its other locations work. Read here: the proxy's access log, where most
 * requests under one prefix, on many paths, are answered 404; and, from the ConfigMap its container
 * mounts, the location blocks with a prefix and the proxy_pass inside (read-proxy-routes.ts).
 * A config alone says nothing (mapping /x/ to an upstream's root is often meant); only the 404s
 * under that very prefix make it the cause.
 */
import type { IsoTime, LogEvidence, PodEvidence, RevisionEvidence } from './evidence.js';
import type { ProxyRouteEvidence } from './evidence-proxy-routes.js';
import { type MountedConfigRead, pickMountedConfigReads } from './mounted-config-reads.js';

/** A text access-log line (nginx's combined format and the like): the request's path and the status answered. */
const ACCESS = /"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/\S*) HTTP\/[\d.]+" (\d{3}) /;
/** The common log time: `[21/Nov/2026:02:41:07 +0000]`. */
const CLF_TIME = /\[(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}:\d{2}:\d{2}) ([+-]\d{4})\]/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** 404s under one prefix it takes to call it the route rather than a few missing pages. */
export const MIN_PREFIX_404 = 8;
/** Share of the requests under that prefix answered 404: most of them, not a few wrong links. */
export const MIN_PREFIX_404_SHARE = 0.8;
/** Distinct paths among those 404s: every call under the prefix fails, not one missing file asked again and again. */
export const MIN_DISTINCT_PATHS = 3;

export interface PrefixMisses {
  /** The container whose access log has the lines (the proxy). */
  container: string;
  /** The first path segment the missed requests share, with its slashes: "/orders/". */
  prefix: string;
  /** Requests under that prefix answered 404, and all requests under it. */
  missed: number;
  total: number;
  /** Requests outside that prefix answered 2xx or 3xx: the proxy's other routes work. */
  servedElsewhere: number;
  /** A few of the missed paths, the query left out. */
  paths: string[];
  pods: string[];
  /** The newest missed line and its pod. */
  line: string;
  pod: string;
  firstAt?: IsoTime;
}

function readClfTime(line: string): IsoTime | undefined {
  const t = CLF_TIME.exec(line);
  if (t === null) return undefined;
  const month = MONTHS.indexOf(t[2] ?? '');
  if (month < 0) return undefined;
  const zone = t[5] ?? '+0000';
  const ms = Date.parse(`${t[3] ?? ''}-${String(month + 1).padStart(2, '0')}-${t[1] ?? ''}T${t[4] ?? ''}${zone.slice(0, 3)}:${zone.slice(3)}`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** "/orders/17/lines?x=1" → "/orders/"; undefined for a path with one segment ("/favicon.ico", "/"). */
function prefixOf(path: string): string | undefined {
  const m = /^\/([^/?#]+)\//.exec(path);
  return m === null ? undefined : `/${m[1] ?? ''}/`;
}

interface Access { pod: string; container: string; path: string; status: number; line: string; at?: IsoTime }

/**
 * The workload's current access logs where most requests under one first path segment, on several
 * paths, are answered 404 (MIN_PREFIX_404, MIN_PREFIX_404_SHARE, MIN_DISTINCT_PATHS); else undefined.
 * Scanners' 404s spread over many prefixes and stay under these bounds.
 */
export function findPrefixMisses(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): PrefixMisses | undefined {
  const own = new Set(pods.map((p) => p.name));
  const byContainer = new Map<string, Access[]>();
  for (const log of logs) {
    if (log.previous || !own.has(log.pod)) continue;
    for (const line of log.lines) {
      const m = ACCESS.exec(line);
      if (m === null) continue;
      const at = readClfTime(line);
      const list = byContainer.get(log.container) ?? [];
      list.push({ pod: log.pod, container: log.container, path: m[1] ?? '', status: Number(m[2]), line: line.trim(), ...(at ? { at } : {}) });
      byContainer.set(log.container, list);
    }
  }
  let best: PrefixMisses | undefined;
  for (const [container, all] of byContainer) {
    const byPrefix = new Map<string, Access[]>();
    for (const a of all) {
      const p = prefixOf(a.path);
      if (p !== undefined) byPrefix.set(p, [...(byPrefix.get(p) ?? []), a]);
    }
    for (const [prefix, under] of byPrefix) {
      const missed = under.filter((a) => a.status === 404);
      const paths = [...new Set(missed.map((a) => a.path.replace(/[?#].*$/, '')))];
      if (missed.length < MIN_PREFIX_404 || missed.length < MIN_PREFIX_404_SHARE * under.length || paths.length < MIN_DISTINCT_PATHS) continue;
      if (best !== undefined && best.missed >= missed.length) continue;
      const last = missed[missed.length - 1];
      const first = missed.flatMap((a) => (a.at ? [a.at] : [])).sort()[0];
      best = {
        container,
        prefix,
        missed: missed.length,
        total: under.length,
        servedElsewhere: all.filter((a) => prefixOf(a.path) !== prefix && a.status >= 200 && a.status < 400).length,
        paths: paths.slice(0, 3),
        pods: [...new Set(missed.map((a) => a.pod))],
        line: last?.line ?? '',
        pod: last?.pod ?? '',
        ...(first ? { firstAt: first } : {}),
      };
    }
  }
  return best;
}

/** The ConfigMap the missing proxy's container mounts now (and the one the revision before mounted there); empty without such misses. */
export function pickPrefixRouteReads(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; revisions: readonly RevisionEvidence[] }): MountedConfigRead[] {
  const found = findPrefixMisses(ev.logs, ev.pods);
  if (found === undefined) return [];
  return pickMountedConfigReads(ev.pods, ev.revisions, found.pod, found.container);
}

/** A prefix location of an nginx config and the proxy_pass inside it, if any (a location without one serves the request itself). */
export interface LocationPass {
  /** The location's prefix as written ("/orders/"); only prefix locations (none or `^~`), never a regex or a named one. */
  location: string;
  /** The proxy_pass value as written ("http://ledger:8080/"); absent when the block has none. */
  proxyPass?: string;
  /** Whether the block rewrites the URI itself (rewrite …): then proxy_pass's URI part is not what decides. */
  rewrites: boolean;
}

/** nginx's config as words, quoted strings, braces and semicolons; comments dropped. */
function tokens(text: string): string[] {
  const out: string[] = [];
  const re = /#[^\n]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[{};]|[^\s{};"'#]+/g;
  for (const m of text.matchAll(re)) {
    const t = m[0];
    if (t.startsWith('#')) continue;
    out.push(/^["']/.test(t) ? t.slice(1, -1) : t);
  }
  return out;
}

/** The prefix locations of an nginx config file with the proxy_pass each holds directly (not in a nested location), if any. */
export function findLocationPasses(text: string): LocationPass[] {
  const out: LocationPass[] = [];
  const stack: ({ location?: string; pass?: string; rewrites: boolean } )[] = [];
  let words: string[] = [];
  for (const t of tokens(text)) {
    if (t === '{') {
      const [name, ...args] = words;
      let location: string | undefined;
      if (name === 'location') {
        const [a, b] = args;
        if (args.length === 1 && a !== undefined && a.startsWith('/')) location = a;
        else if (args.length === 2 && a === '^~' && b !== undefined && b.startsWith('/')) location = b;
      }
      stack.push({ ...(location !== undefined ? { location } : {}), rewrites: false });
      words = [];
    } else if (t === '}') {
      const block = stack.pop();
      if (block?.location !== undefined) out.push({ location: block.location, ...(block.pass !== undefined ? { proxyPass: block.pass } : {}), rewrites: block.rewrites });
      words = [];
    } else if (t === ';') {
      const top = stack[stack.length - 1];
      if (top !== undefined && words[0] === 'proxy_pass' && words[1] !== undefined) top.pass = words[1];
      if (top !== undefined && words[0] === 'rewrite') top.rewrites = true;
      words = [];
    } else {
      words.push(t);
    }
  }
  return out;
}

/** The URI part of a literal proxy_pass (`http://ledger:8080/` → "/"); undefined when it has none or holds a variable. */
export function uriPartOf(proxyPass: string): string | undefined {
  if (proxyPass.includes('$')) return undefined;
  const m = /^[a-z]+:\/\/(?:unix:[^:]*:|[^/]+)(\/.*)?$/i.exec(proxyPass);
  return m?.[1];
}

/** A location that replaces its own prefix by another URI part, with the path a missed request reaches the upstream as. */
export interface PrefixStrip {
  route: ProxyRouteEvidence & { proxyPass: string };
  uri: string;
  /** "/orders/17/lines" → "/17/lines". */
  example: { sent: string; passed: string };
}

/**
 * The location of the read config that the missed requests fall in (the longest prefix, as nginx
 * picks), when its proxy_pass replaces that prefix by a different URI part and it has no rewrite of
 * its own; undefined otherwise.
 */
export function findPrefixStrip(misses: PrefixMisses, routes: readonly ProxyRouteEvidence[]): PrefixStrip | undefined {
  const sample = misses.paths[0] ?? misses.prefix;
  const candidates = routes
    .filter((r) => r.mountedNow && sample.startsWith(r.location))
    .sort((a, b) => b.location.length - a.location.length);
  const route = candidates[0];
  if (route?.proxyPass === undefined || route.rewrites) return undefined;
  const uri = uriPartOf(route.proxyPass);
  if (uri === undefined || uri === route.location) return undefined;
  return { route: { ...route, proxyPass: route.proxyPass }, uri, example: { sent: sample, passed: `${uri}${sample.slice(route.location.length)}` } };
}
