/**
 * nginx that cannot resolve the upstream it proxies to: with a variable in `proxy_pass`
 * (`set $upstream_host payments.shop.svc.cluster.local; proxy_pass http://$upstream_host;`) nginx
 * does not resolve the name at start but on each request, which needs a `resolver` directive; with
 * none, every such request fails at once with "no resolver defined to resolve <name>" and a 502,
 * while the config test passes, the reload succeeds, the pods stay Ready and the upstream is fine.
 * Read here: the failing lines, the 502s, and the ConfigMap the container mounts (its proxy_pass and
 * resolver lines only) — the config file where the variable and the missing resolver are.
 */
import type { IsoTime, LogEvidence, PodEvidence, RevisionEvidence } from './evidence.js';
import { type MountedConfigRead, pickMountedConfigReads } from './mounted-config-reads.js';
import { unique } from './pod-status.js';

/** nginx's own wording (ngx_http_proxy_module / ngx_resolver), in any nginx. */
const NO_RESOLVER = /no resolver defined to resolve ([\w.-]+)/;
/** nginx's error-log time stamp: `2026/11/21 03:12:41 [error] …` (UTC in the official images). */
const NGINX_TIME = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2}) \[\w+\]/;
/** An access-log line answered 502: `"GET /api/x HTTP/1.1" 502 157`. */
const ANSWERED_502 = /"[A-Z]+ \S+ HTTP\/[\d.]+" 502 \d+/;
/** Failed requests it takes to call it the proxy's config rather than one odd request. */
export const MIN_UNRESOLVED = 3;
/** The directives read from the proxy's config file; the rest of its data is dropped. */
export const RESOLVER_SETTINGS = ['proxy_pass', 'resolver'] as const;

export interface UnresolvedUpstream {
  /** The container whose log has the lines (the nginx), of the first. */
  container: string;
  /** The names nginx had no resolver for. */
  hosts: string[];
  count: number;
  /** Access-log lines of those containers answered 502. */
  answered502: number;
  pods: string[];
  /** The newest such line, its time stamp and worker ids left out. */
  quote: string;
  line: string;
  pod: string;
  firstAt?: IsoTime;
}

/** The time an nginx error-log line carries (UTC); undefined for other lines. */
export function readNginxTime(line: string): IsoTime | undefined {
  const t = NGINX_TIME.exec(line.trim());
  if (t === null) return undefined;
  const ms = Date.parse(`${t[1] ?? ''}-${t[2] ?? ''}-${t[3] ?? ''}T${t[4] ?? ''}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The workload's current logs where nginx had no resolver for an upstream, again and again (MIN_UNRESOLVED); else undefined. */
export function findUnresolvedUpstream(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): UnresolvedUpstream | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits: { pod: string; container: string; host: string; line: string; at?: IsoTime }[] = [];
  const failing = new Map<string, LogEvidence>();
  for (const log of logs) {
    if (log.previous || !own.has(log.pod)) continue;
    for (const line of log.lines) {
      const m = NO_RESOLVER.exec(line);
      if (m === null) continue;
      const at = readNginxTime(line);
      hits.push({ pod: log.pod, container: log.container, host: m[1] ?? '', line: line.trim(), ...(at ? { at } : {}) });
      failing.set(`${log.pod}/${log.container}`, log);
    }
  }
  if (hits.length < MIN_UNRESOLVED) return undefined;
  const last = hits[hits.length - 1] ?? hits[0];
  const first = hits.flatMap((h) => (h.at ? [h.at] : [])).sort()[0];
  const answered502 = [...failing.values()].reduce((n, log) => n + log.lines.filter((l) => ANSWERED_502.test(l)).length, 0);
  const quote = (last?.line ?? '').replace(/^.*?(?=no resolver defined)/, '').replace(/, client: .*$/, '');
  return {
    container: hits[0]?.container ?? '',
    hosts: unique(hits.map((h) => h.host)),
    count: hits.length,
    answered502,
    pods: unique(hits.map((h) => h.pod)),
    quote,
    line: last?.line ?? '',
    pod: last?.pod ?? '',
    ...(first ? { firstAt: first } : {}),
  };
}

/** The ConfigMap the failing nginx mounts now (and the one the revision before mounted there); empty when no log lacks a resolver. */
export function pickResolverConfigReads(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; revisions: readonly RevisionEvidence[] }): MountedConfigRead[] {
  const found = findUnresolvedUpstream(ev.logs, ev.pods);
  if (found === undefined) return [];
  return pickMountedConfigReads(ev.pods, ev.revisions, found.pod, found.container);
}
