/**
 * A server's own write timeout cutting its long responses: an HTTP server that bounds the time it
 * may take to write a response (Go's http.Server WriteTimeout, counted from the end of the request
 * headers) fails every write after that deadline with "i/o timeout" on the connection it accepted
 * (its local address is its listening port, the peer's an ephemeral one), at one constant elapsed
 * time, whatever the endpoint; a response finished after it is logged as served while the caller
 * reads EOF. Short endpoints pass. The timeout is a setting of the server: an env var, a flag, or
 * the server's start line — the revision that set or lowered it is the change.
 */
import type { ContainerEvidence, LogEvidence, PodEvidence } from './evidence.js';

/** "write tcp 10.0.0.5:8443->10.0.0.9:51000: i/o timeout": the local side first. */
const WRITE_TIMEOUT = /\bwrite tcp [\d.]+:(\d+)->[\d.]+:(\d+): i\/o timeout/;
/** Linux hands out client ports from 32768 up: a local port below that is a listening port. */
const EPHEMERAL_FLOOR = 32768;
/** How long the request ran, as the server logs it: "elapsed=30.004s", "duration=45ms". */
const ELAPSED = /\b(?:elapsed|duration|took|latency)[=:]"?(\d+(?:\.\d+)?)(ms|s)\b/i;
/** The request path the line names: "path=/v1/x", "path /v1/x", "uri=/v1/x". */
const PATH = /\b(?:path|uri|url)[=: ]"?(\/[^\s"?)]*)/i;
/** A write-timeout setting as a server prints it at start: "write_timeout=30s", "WriteTimeout:30s". */
const LOGGED_SETTING = /\bwrite_?timeout[=:]\s*"?(\d+(?:\.\d+)?(?:ms|s|m)?)\b/i;
/** An env var or flag that names the write timeout. */
const SETTING_NAME = /write[-_.]?timeout/i;
/** Writes this many before it is a pattern, not one slow client. */
const MIN_HITS = 2;

export interface WriteTimeoutHit {
  pod: string;
  line: string;
  elapsedMs?: number;
  path?: string;
}

export interface WriteTimeoutCut {
  container: string;
  hits: WriteTimeoutHit[];
  pods: string[];
  /** The shortest and longest elapsed time the cut lines give, when they give one. */
  elapsed?: [number, number];
  /** As the template or the start line sets it: "env SERVER_WRITE_TIMEOUT=30s", "--write-timeout=30s", "write_timeout=30s, as it logged at start". */
  setting?: string;
  /** The env var's name, when an env var sets it. */
  env?: string;
  /** The pods' template sets it (env or flag), not only the start line. */
  fromTemplate: boolean;
}

function elapsedMs(line: string): number | undefined {
  const m = ELAPSED.exec(line);
  if (m === null) return undefined;
  return Number(m[1]) * (m[2]?.toLowerCase() === 'ms' ? 1 : 1000);
}

/** Whether the local side of the write is the server's own listening port. */
function isServerSide(line: string, container: ContainerEvidence | undefined): boolean {
  const m = WRITE_TIMEOUT.exec(line);
  if (m === null) return false;
  const local = Number(m[1]);
  const ports = container?.ports.map((p) => p.containerPort) ?? [];
  return ports.length > 0 ? ports.includes(local) : local < EPHEMERAL_FLOOR;
}

/** Where the template (or the server's start line) sets the write timeout. */
export function readWriteTimeoutSetting(container: ContainerEvidence | undefined, lines: readonly string[]): { setting: string; env?: string; fromTemplate: boolean } | undefined {
  const env = container?.env?.find((e) => SETTING_NAME.test(e.name) && 'value' in e);
  if (env !== undefined && 'value' in env) return { setting: `env ${env.name}=${env.value}`, env: env.name, fromTemplate: true };
  const flag = [...(container?.command ?? []), ...(container?.args ?? [])].join(' ').match(/--?[\w.-]*write[-_.]?timeout(?:=|\s+)[^\s"']+/i)?.[0];
  if (flag !== undefined) return { setting: flag.replace(/\s+/, '='), fromTemplate: true };
  const logged = lines.map((l) => LOGGED_SETTING.exec(l)?.[0]).find((s) => s !== undefined);
  return logged === undefined ? undefined : { setting: `${logged}, as it logged at start`, fromTemplate: false };
}

/**
 * The writes the workload's own server gave up on at its write deadline: at least MIN_HITS, and
 * either a write-timeout setting in force or one constant elapsed time across them.
 */
export function findWriteTimeoutCut(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): WriteTimeoutCut | undefined {
  const byContainer = new Map<string, { hits: WriteTimeoutHit[]; lines: string[] }>();
  for (const log of logs) {
    if (log.previous) continue;
    const pod = pods.find((p) => p.name === log.pod);
    if (pod === undefined) continue;
    const container = pod.containers.find((c) => c.name === log.container);
    const entry = byContainer.get(log.container) ?? byContainer.set(log.container, { hits: [], lines: [] }).get(log.container)!;
    entry.lines.push(...log.lines);
    for (const line of log.lines) {
      if (!isServerSide(line, container)) continue;
      const ms = elapsedMs(line);
      const path = PATH.exec(line)?.[1];
      entry.hits.push({ pod: log.pod, line: line.trim(), ...(ms !== undefined ? { elapsedMs: ms } : {}), ...(path !== undefined ? { path } : {}) });
    }
  }
  for (const [name, { hits, lines }] of byContainer) {
    if (hits.length < MIN_HITS) continue;
    const container = pods.flatMap((p) => p.containers).find((c) => c.name === name);
    const found = readWriteTimeoutSetting(container, lines);
    const times = hits.flatMap((h) => h.elapsedMs ?? []);
    const elapsed: [number, number] | undefined = times.length === 0 ? undefined : [Math.min(...times), Math.max(...times)];
    // One deadline cuts them all: the elapsed times agree to within a second (or a tenth).
    const constant = elapsed !== undefined && times.length >= MIN_HITS && elapsed[1] - elapsed[0] <= Math.max(1000, elapsed[0] / 10);
    if (found === undefined && !constant) continue;
    if (elapsed !== undefined && !constant) continue;
    return {
      container: name,
      hits,
      pods: [...new Set(hits.map((h) => h.pod))],
      ...(elapsed !== undefined ? { elapsed } : {}),
      ...(found !== undefined ? { setting: found.setting, ...(found.env !== undefined ? { env: found.env } : {}) } : {}),
      fromTemplate: found?.fromTemplate ?? false,
    };
  }
  return undefined;
}
