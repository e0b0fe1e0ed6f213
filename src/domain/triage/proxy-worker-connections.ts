/**
 * nginx out of connections per worker: each worker holds at most worker_connections connections,
 * and a proxied request holds two (the client's and the upstream's). When traffic outgrows
 * worker_connections × worker_processes, nginx logs "512 worker_connections are not enough while
 * connecting to upstream" (or "…, reusing connections") and answers 500; when the process' file
 * limit (worker_rlimit_nofile, the container's ulimit) is what runs out, accept4()/socket() fail
 * with "(24: Too many open files)". Either way the proxy is the bottleneck, not the upstream, and
 * the limit lives in its config file, usually a mounted ConfigMap.
 */
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';

/** nginx's own wording (ngx_event_connect, ngx_event_accept), in any nginx: a sidecar, ingress-nginx, a plain proxy. */
const NOT_ENOUGH = /(\d+) worker_connections are not enough\b/;
/** The descriptor limit running out: `accept4() failed (24: Too many open files)`, `socket() failed (24: …)`. */
const NO_FILES = /\b(?:accept4?|socket|open)\(\) [^(]*failed \(24: Too many open files\)/;
/** nginx's error-log time stamp: `2026/11/21 03:02:36 [alert] 29#29: …` (UTC in the official images). */
const NGINX_PREFIX = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2}) \[\w+\] \d+#\d+: (?:\*\d+ )?/;
/** An access-log line answered with a server error: `"GET /checkout HTTP/1.1" 500 579`. */
const ANSWERED_5XX = /"[A-Z]+ \S+ HTTP\/[\d.]+" (5\d\d) \d+/;
/** Lines it takes to call it the traffic outgrowing the limit rather than one burst. */
export const MIN_EXHAUSTIONS = 3;
/** What decides how many connections nginx holds; the only settings read from its config file. */
export const CONNECTION_SETTINGS = ['worker_connections', 'worker_processes', 'worker_rlimit_nofile'] as const;

export interface ConnectionExhaustion {
  pod: string;
  container: string;
  /** worker_connections as nginx reports it; absent for the descriptor limit. */
  limit?: number;
  /** 'connections': worker_connections ran out; 'files': the open-file limit did. */
  runsOut: 'connections' | 'files';
  /** The line from the message on: the time stamp and worker ids are noise in a quote. */
  quote: string;
  at?: IsoTime;
}

export interface ConnectionExhaustions {
  container: string;
  hits: ConnectionExhaustion[];
  pods: string[];
  /** Access-log lines of those containers answered 5xx, by status. */
  answered: Map<string, number>;
}

export function parseConnectionExhaustion(line: string): Omit<ConnectionExhaustion, 'pod' | 'container'> | undefined {
  const conns = NOT_ENOUGH.exec(line);
  const files = conns === null ? NO_FILES.exec(line) : null;
  if (conns === null && files === null) return undefined;
  const t = NGINX_PREFIX.exec(line.trim());
  const at = t === null ? NaN : Date.parse(`${t[1] ?? ''}-${t[2] ?? ''}-${t[3] ?? ''}T${t[4] ?? ''}Z`);
  const quote = line.trim().replace(NGINX_PREFIX, '').replace(/, client: .*$/, '').trim();
  const when = Number.isNaN(at) ? {} : { at: new Date(at).toISOString() };
  return conns !== null ? { limit: Number(conns[1]), runsOut: 'connections', quote, ...when } : { runsOut: 'files', quote, ...when };
}

/** The workload's current logs where nginx runs out of connections again and again (MIN_EXHAUSTIONS); else undefined. */
export function findConnectionExhaustion(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): ConnectionExhaustions | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits: ConnectionExhaustion[] = [];
  const answered = new Map<string, number>();
  for (const log of logs) {
    if (log.previous || !own.has(log.pod)) continue;
    const found = log.lines.flatMap((line) => {
      const x = parseConnectionExhaustion(line);
      return x === undefined ? [] : [{ pod: log.pod, container: log.container, ...x }];
    });
    if (found.length === 0) continue;
    hits.push(...found);
    for (const line of log.lines) {
      const status = ANSWERED_5XX.exec(line)?.[1];
      if (status !== undefined) answered.set(status, (answered.get(status) ?? 0) + 1);
    }
  }
  if (hits.length < MIN_EXHAUSTIONS) return undefined;
  return { container: hits[0]?.container ?? '', hits, pods: [...new Set(hits.map((h) => h.pod))], answered };
}

/**
 * Where nginx runs out of connections again and again: the ConfigMap behind the first volume its
 * container mounts that is a ConfigMap (one get). Never a Secret; undefined when nothing runs out.
 */
export function pickConnectionConfigRead(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): string | undefined {
  const found = findConnectionExhaustion(ev.logs, ev.pods);
  if (found === undefined) return undefined;
  return findMountedConfigMap(ev.pods, found.hits[0]?.pod, found.container);
}

/** The ConfigMap behind the first volume `container` of `podName` mounts that is a ConfigMap. */
export function findMountedConfigMap(pods: readonly PodEvidence[], podName: string | undefined, container: string): string | undefined {
  const pod = pods.find((p) => p.name === podName);
  const mounts = pod?.containers.find((c) => c.name === container)?.volumeMounts ?? [];
  return (pod?.volumes ?? []).find((v) => v.source === 'configMap' && v.ref !== undefined && mounts.some((m) => m.name === v.name))?.ref;
}
