/**
 * A reverse proxy in the workload's pods (an nginx sidecar in front of the app, or nginx as the
 * server itself) that refuses request bodies larger than its client_max_body_size: nginx logs
 * "client intended to send too large body: 4839201 bytes" and answers 413 Request Entity Too
 * Large before the request reaches the app, so the app logs nothing wrong and the pods stay Ready.
 * Once is a client sending something too big; again and again is a limit below what the service
 * is meant to take — usually a lowered client_max_body_size in the proxy's config file.
 */
import type { IsoTime, LogEvidence, PodEvidence, RevisionEvidence } from './evidence.js';
import { type MountedConfigRead, pickMountedConfigReads } from './mounted-config-reads.js';

/** nginx's own wording (ngx_http_core_module), in any nginx: a sidecar, ingress-nginx, a plain server. */
const TOO_LARGE = /client intended to send too large body: (\d+) bytes/;
/** nginx's error-log time stamp: `2026/11/21 03:02:36 [error] 29#29: …` (UTC in the official images). */
const NGINX_TIME = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2}) \[\w+\]/;
/** An access-log line the proxy answered 413: `"POST /v1/uploads HTTP/1.1" 413 176`. */
const ANSWERED_413 = /"[A-Z]+ \S+ HTTP\/[\d.]+" 413 \d+/;
/** An access-log line the proxy passed on and the app answered (2xx, 3xx). */
const ANSWERED_OK = /"[A-Z]+ \S+ HTTP\/[\d.]+" [23]\d\d \d+/;
/** Refusals it takes to call it a limit the traffic keeps meeting, not one oversized client. */
export const MIN_REFUSALS = 3;
/** The setting nginx refuses at; the only thing read from its config file. */
export const BODY_LIMIT_SETTING = 'client_max_body_size';

export interface BodyRefusal {
  pod: string;
  container: string;
  bytes: number;
  /** The line from the refusal on: the time stamp and worker ids are noise in a quote. */
  quote: string;
  line: string;
  at?: IsoTime;
}

export interface BodyRefusals {
  /** The container that refuses (the proxy), of the first refusal. */
  container: string;
  hits: BodyRefusal[];
  /** Access-log lines of that container answered 413. */
  answered413: number;
  /** Access-log lines of that container answered 2xx or 3xx: the requests that passed. */
  passed: number;
  pods: string[];
}

export function parseBodyRefusal(line: string): Omit<BodyRefusal, 'pod' | 'container'> | undefined {
  const m = TOO_LARGE.exec(line);
  if (m === null) return undefined;
  const at = parseNginxTime(line);
  const quote = line.slice(m.index).replace(/, client: .*$/, '').trim();
  return { bytes: Number(m[1]), quote, line: line.trim(), ...(at !== undefined ? { at } : {}) };
}

/** The time of an nginx error-log line (`2026/11/21 03:02:36 [error] …`), UTC; undefined for any other line. */
export function parseNginxTime(line: string): IsoTime | undefined {
  const t = NGINX_TIME.exec(line.trim());
  const at = t === null ? NaN : Date.parse(`${t[1] ?? ''}-${t[2] ?? ''}-${t[3] ?? ''}T${t[4] ?? ''}Z`);
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

/** The workload's current logs that refuse request bodies for their size, when they do so again and again (MIN_REFUSALS); else undefined. */
export function findBodyRefusals(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): BodyRefusals | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits: BodyRefusal[] = [];
  const refusing = new Map<string, LogEvidence>();
  for (const log of logs) {
    if (log.previous || !own.has(log.pod)) continue;
    for (const line of log.lines) {
      const r = parseBodyRefusal(line);
      if (r === undefined) continue;
      hits.push({ pod: log.pod, container: log.container, ...r });
      refusing.set(`${log.pod}/${log.container}`, log);
    }
  }
  if (hits.length < MIN_REFUSALS) return undefined;
  const answered413 = [...refusing.values()].reduce((n, log) => n + log.lines.filter((l) => ANSWERED_413.test(l)).length, 0);
  const passed = [...refusing.values()].reduce((n, log) => n + log.lines.filter((l) => ANSWERED_OK.test(l)).length, 0);
  return { container: hits[0]?.container ?? '', hits, answered413, passed, pods: [...new Set(hits.map((h) => h.pod))] };
}

/** A ConfigMap to read for the proxy's body limit: the one its container mounts now, and the one the revision before mounted there. */
export type ProxyConfigRead = MountedConfigRead;

/**
 * Where the proxy refuses bodies again and again: the ConfigMap behind the volume its container
 * mounts (the first that is a ConfigMap), and the ConfigMap the previous revision had behind the
 * same volume when it differs — what to restore. Never a Secret. Empty when nothing refuses.
 */
export function pickProxyConfigReads(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; revisions: readonly RevisionEvidence[] }): ProxyConfigRead[] {
  const refusals = findBodyRefusals(ev.logs, ev.pods);
  if (refusals === undefined) return [];
  return pickMountedConfigReads(ev.pods, ev.revisions, refusals.hits[0]?.pod, refusals.container);
}

/** The values an nginx config file gives a directive (`client_max_body_size 1m;`), in order, comments left out. */
export function findNginxDirective(text: string, name: string): string[] {
  const re = new RegExp(`(?:^|[;{}\\s])${name}\\s+([^;\\s]+)\\s*;`, 'g');
  return text.split('\n').flatMap((raw) => [...raw.replace(/#.*$/, '').matchAll(re)].map((m) => m[1] ?? ''));
}
