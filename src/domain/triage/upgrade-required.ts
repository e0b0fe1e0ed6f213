/**
 * A proxy whose upstream answers 426 Upgrade Required: it forwards with HTTP/1.0 (nginx's
 * proxy_pass does unless `proxy_http_version 1.1` is set) and the upstream — most often an Envoy
 * sidecar, which refuses HTTP/1.0 by default — requires HTTP/1.1. Every proxied call fails while
 * both sides' pods are Ready and the upstream itself is healthy. Read from the access log: 426 is
 * most of the answers under the prefixes it is given on, over several paths (a single WebSocket
 * endpoint asked in plain HTTP answers 426 too, and is no outage).
 */
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import { readServedRequests } from './served-requests.js';
import { earliest } from './time-span.js';

export const MIN_UPGRADE_REQUIRED = 5;
export const MIN_UPGRADE_SHARE = 0.8;
const MIN_PATHS = 2;
/** Envoy's own access log of a refused HTTP/1.0 request: `"- - HTTP/1.0" 426`. */
const ENVOY_HTTP10 = /"\S+ \S+ HTTP\/1\.0" 426\b/;

export interface UpgradeRequired {
  container: string;
  refused: number;
  /** The callers' requests under the same prefixes (probes left out). */
  total: number;
  prefixes: string[];
  paths: string[];
  pods: string[];
  line: string;
  pod: string;
  /** An Envoy access-log line that shows the refused request was HTTP/1.0, when one was read. */
  envoyLine?: string;
  firstAt?: IsoTime;
}

function prefixOf(path: string): string {
  const m = /^\/([^/?#]+)\//.exec(path);
  return m === null ? '/' : `/${m[1] ?? ''}/`;
}

export function findUpgradeRequired(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): UpgradeRequired | undefined {
  const served = readServedRequests(logs, pods).filter((r) => !r.probe);
  const byContainer = new Map<string, typeof served>();
  for (const r of served) byContainer.set(r.container, [...(byContainer.get(r.container) ?? []), r]);
  const own = new Set(pods.map((p) => p.name));
  const envoyLine = logs.filter((l) => own.has(l.pod) && !l.previous).flatMap((l) => l.lines).find((l) => ENVOY_HTTP10.test(l))?.trim();
  let best: UpgradeRequired | undefined;
  for (const [container, all] of byContainer) {
    const refused = all.filter((r) => r.status === 426);
    if (refused.length < MIN_UPGRADE_REQUIRED) continue;
    const prefixes = [...new Set(refused.map((r) => prefixOf(r.path)))];
    const under = all.filter((r) => prefixes.includes(prefixOf(r.path)));
    const paths = [...new Set(refused.map((r) => r.path.replace(/[?#].*$/, '')))];
    if (refused.length < MIN_UPGRADE_SHARE * under.length || paths.length < MIN_PATHS) continue;
    if (best !== undefined && best.refused >= refused.length) continue;
    const last = refused[refused.length - 1];
    const first = earliest(refused.map((r) => r.at));
    best = {
      container,
      refused: refused.length,
      total: under.length,
      prefixes,
      paths: paths.slice(0, 3),
      pods: [...new Set(refused.map((r) => r.pod))],
      line: last?.line ?? '',
      pod: last?.pod ?? '',
      ...(envoyLine ? { envoyLine } : {}),
      ...(first ? { firstAt: first } : {}),
    };
  }
  return best;
}
