/**
 * A Spring MVC server answering 404 to paths that end in a slash. Spring Framework 6 (Spring Boot
 * 3) dropped trailing-slash matching by default: "/orders/" no longer maps to the "/orders"
 * handler, so the request falls through to the static resource handler and is answered 404 —
 * Spring 6.1+ logs it at WARN as NoResourceFoundException "No static resource orders/.", 6.0 as
 * PageNotFound "No mapping for GET /orders/". Callers that build their URLs with a slash fail while
 * the same paths without it, and every other call, answer 200; the pods stay healthy. The upgrade
 * to Spring Boot 3 is the change; restoring the slash (a redirect or rewrite filter, explicit
 * "/…/" mappings) or dropping it from the callers' URLs is the fix.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';

/** Spring 6.1+: `NoResourceFoundException: No static resource v2/orders/.` (the path, then the sentence's period). */
const NO_RESOURCE = /\bNoResourceFoundException: No static resource (\S*?)\.?\]?$/;
/** Spring 6.0 and before: `No mapping for GET /v2/orders/`. */
const NO_MAPPING = /\bNo mapping for (?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/\S*)/;
/** Slash-ended misses it takes, and their share of all the server's misses, to call it the matching and not odd clients. */
const MIN_HITS = 3;
const MIN_SHARE = 0.5;

export interface TrailingSlashHit {
  pod: string;
  container: string;
  line: string;
  /** The path as the server logged it, with its slash: "/v2/orders/17/". */
  path: string;
  at?: IsoTime;
}

export interface TrailingSlashMisses {
  hits: TrailingSlashHit[];
  /** Misses of paths without a trailing slash (a favicon, a scanner): the noise beside them. */
  others: number;
  pods: string[];
  container: string;
  /** The route the paths share, ids folded: "/v2/orders/{id}/lines/". */
  routes: string[];
  /** Spring 6.1's own exception named it: the framework is 6.1 or newer, whatever the revision says. */
  noResourceException: boolean;
}

function parseMiss(line: string): string | undefined {
  const m = NO_RESOURCE.exec(line.trimEnd()) ?? NO_MAPPING.exec(line);
  if (m === null) return undefined;
  const raw = m[1] ?? '';
  return raw.startsWith('/') ? raw : `/${raw}`;
}

/** Numbers and long hex or uuid segments of a path as `{id}`, so the same route is counted once. */
function foldIds(path: string): string {
  return path.split('/').map((s) => (/^\d+$|^[0-9a-f-]{16,}$/i.test(s) ? '{id}' : s)).join('/');
}

/** The workload's own logs' misses on slash-ended paths, when they are most of its misses. */
export function findTrailingSlashMisses(logs: readonly LogEvidence[]): TrailingSlashMisses | undefined {
  const hits: TrailingSlashHit[] = [];
  let others = 0;
  let noResourceException = false;
  for (const log of logs) {
    if (log.previous) continue;
    for (const line of log.lines) {
      const path = parseMiss(line);
      if (path === undefined) continue;
      if (path.length <= 1 || !path.endsWith('/')) {
        others++;
        continue;
      }
      if (NO_RESOURCE.test(line.trimEnd())) noResourceException = true;
      const at = readLineTime(line);
      hits.push({ pod: log.pod, container: log.container, line, path, ...(at ? { at } : {}) });
    }
  }
  if (hits.length < MIN_HITS || hits.length / (hits.length + others) < MIN_SHARE) return undefined;
  const counts = new Map<string, number>();
  for (const h of hits) counts.set(foldIds(h.path), (counts.get(foldIds(h.path)) ?? 0) + 1);
  const routes = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([r]) => r);
  return { hits, others, pods: [...new Set(hits.map((h) => h.pod))], container: hits[0]?.container ?? '', routes, noResourceException };
}
