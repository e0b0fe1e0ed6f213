/**
 * Keep-alive connections a server closed before the client reused them. A client's pool (OkHttp,
 * Apache HttpClient, urllib3, Go's Transport) keeps an idle connection for its keep-alive; a server
 * whose idle timeout is shorter closes it first, and the next call drawn from the pool reads the end
 * of the stream where the status line should be ("unexpected end of stream", NoHttpResponseException).
 * Only calls on such connections fail; the rest are served. The server's setting is read from one of
 * its Service's pods when the collector read one (its env, or the idle timeout its own log prints at
 * start); the client pool's keep-alive from the logging container's env.
 */
import type { ContainerEvidence, IsoTime, LogEvidence, PodEvidence, ServiceEvidence, TriageTarget } from './evidence.js';
import type { DependencyPodEvidence } from './evidence-server-config.js';
import { parseDependencyError } from './dependency-error-line.js';
import { formatAgo, parseGoDuration } from './time-span.js';
import { findServiceByAddress } from './down-service.js';
import type { EndpointSliceEvidence } from './evidence-network.js';
import { findUpstreamHeaderCuts } from './proxy-keepalive-race.js';

/** Closed connections met this often before the server's pod is worth a read: one is a restart's. */
const MIN_CLOSED = 2;

/** A server's idle (keep-alive) timeout, by the env name it is usually given. */
const SERVER_IDLE_ENV = /IDLE_?TIMEOUT|KEEP_?ALIVE_?TIMEOUT/i;

/** A client pool's keep-alive or idle lifetime in its env (not a count of idle connections). */
const CLIENT_KEEP_ALIVE_ENV = /KEEP_?ALIVE|IDLE_?TIMEOUT|IDLE_?TIME\b/i;

/** A server's startup line that prints its idle timeout: `"idle_timeout":"5s"`, `idleTimeout=5s`, `keepAliveTimeout: 5000`. */
const LOGGED_IDLE = /"?(idle_?timeout|keep_?alive_?timeout)"?\s*[:=]\s*"?(\d+(?:\.\d+)?(?:ms|s|m|h)?)\b/i;

/** `svc`, `svc.ns`, `svc.ns.svc(.cluster.local)`, with or without a port: the Service and namespace it names. */
function serviceOfHost(host: string, namespace: string): { name: string; namespace: string } | undefined {
  const parts = host.replace(/:\d+$/, '').split('.');
  const [name, ns] = parts;
  if (name === undefined || name === '') return undefined;
  if (parts.length === 1) return { name, namespace };
  if (ns !== undefined && (parts.length === 2 || parts[2] === 'svc')) return { name, namespace: ns };
  return undefined;
}

/**
 * The Service of the namespace whose connections the workload's pods found closed on reuse (at
 * least twice), for one of its pods to be read: named by a client's host, or the upstream address
 * (a pod's or the cluster IP) of a proxy whose requests it cut before their header.
 */
export function pickClosingHttpService(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: TriageTarget; services?: readonly ServiceEvidence[]; endpointSlices?: readonly EndpointSliceEvidence[] }): string | undefined {
  const cuts = ev.services === undefined ? undefined : findUpstreamHeaderCuts(ev.logs, ev.pods);
  const upstream = cuts?.addresses.map((a) => findServiceByAddress({ services: ev.services ?? [], endpointSlices: ev.endpointSlices ?? [] }, a)).find((s) => s !== undefined);
  if (upstream !== undefined) return upstream.name;
  const own = new Set(ev.pods.map((p) => p.name));
  const deps = ev.logs.filter((l) => own.has(l.pod)).flatMap((l) => l.lines.flatMap((line) => {
    const e = parseDependencyError(line);
    return e?.problem === 'closed-idle' && e.dependency !== undefined ? [e.dependency] : [];
  }));
  if (deps.length < MIN_CLOSED) return undefined;
  const svc = serviceOfHost(deps[deps.length - 1] ?? '', ev.target.namespace);
  if (svc === undefined || svc.namespace !== ev.target.namespace) return undefined;
  return ev.services === undefined || ev.services.some((s) => s.name === svc.name) ? svc.name : undefined;
}

export interface ServerIdleTimeout {
  /** `SERVER_IDLE_TIMEOUT=10s` or `idle_timeout 10s (its log)`. */
  setting: string;
  /** The timeout in milliseconds, when its unit can be told. */
  ms?: number;
  pod: string;
  /** When the pod that runs with it started. */
  since?: IsoTime;
}

/** The idle timeout the server runs with: its container's literal env first, then the value its log prints. */
export function findServerIdleTimeout(peer: Pick<DependencyPodEvidence, 'pod' | 'logs'>): ServerIdleTimeout | undefined {
  const since = peer.pod.createdAt;
  const at = { pod: peer.pod.name, ...(since ? { since } : {}) };
  for (const c of peer.pod.containers) {
    const env = c.env?.find((e) => SERVER_IDLE_ENV.test(e.name) && 'value' in e);
    if (env !== undefined && 'value' in env) return { setting: `${env.name}=${env.value}`, ...withMs(readIdleMs(env.name, env.value)), ...at };
  }
  for (const line of peer.logs.flatMap((l) => l.lines)) {
    const m = LOGGED_IDLE.exec(line);
    if (m) return { setting: `${m[1] ?? 'idle timeout'} ${m[2] ?? ''} (its log)`, ...withMs(readIdleMs(m[1] ?? '', m[2] ?? '')), ...at };
  }
  return undefined;
}

function withMs(ms: number | undefined): { ms?: number } {
  return ms === undefined ? {} : { ms };
}

/**
 * An idle timeout's value in milliseconds: its own unit (`5s`, `500ms`, `1m`), else the name's
 * (`…_MS`, `…Millis`, `…_SECONDS`), else by size — servers that take a bare number in seconds
 * (gunicorn, uvicorn) are set to a few, those that take milliseconds (Node) to thousands.
 */
export function readIdleMs(name: string, value: string): number | undefined {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(v)) return parseGoDuration(v);
  const n = Number(v);
  if (/(?:^|_|[a-z])(?:MS|Ms|MILLIS|Millis)(?:_|$)|(?:^|_)ms(?:_|$)/.test(name)) return n;
  if (/(?:^|_|[a-z])(?:S|SEC|SECS|SECONDS|Sec|Secs|Seconds)(?:_|$)|(?:^|_)(?:s|sec|secs|seconds)(?:_|$)/.test(name)) return n * 1000;
  return n >= 1000 ? n : n * 1000;
}

/** The client pool's keep-alive settings as its env writes them: `POOL_KEEP_ALIVE=2m`. */
export function findClientKeepAlive(container: ContainerEvidence | undefined): string[] {
  return (container?.env ?? []).flatMap((e) => (CLIENT_KEEP_ALIVE_ENV.test(e.name) && 'value' in e ? [`${e.name}=${e.value}`] : []));
}

export interface ClosedIdleTold {
  title: string;
  cause: string;
  action: string;
  fix: string;
  evidence: string[];
}

export function explainClosedIdle(input: { dependency: string; service?: string; server?: ServerIdleTimeout; client: readonly string[]; now: IsoTime }): ClosedIdleTold {
  const { dependency, server, client } = input;
  const who = input.service ?? dependency;
  const pool = client.join(', ');
  const sides = server
    ? `: ${who} closes idle connections at ${server.setting}, ${client.length > 0 ? `the client's pool keeps them ${pool}` : 'sooner than the client\'s pool keeps them'}`
    : client.length > 0 ? `: the client's pool keeps idle connections ${pool}, longer than ${who}'s idle timeout` : '';
  const started = server?.since ? ` (its pod ${server.pod} started ${formatAgo(server.since, input.now)})` : '';
  return {
    title: `Pooled keep-alive connections to ${dependency} are closed by the server before reuse (unexpected end of stream)${sides}`,
    cause: `The client reuses an idle pooled connection that ${who} has already closed, and reads the end of the stream where the response should begin. ${server ? `${who}'s idle timeout (${server.setting}${started})` : `${who}'s idle timeout`} is shorter than how long the client's pool keeps idle connections${client.length > 0 ? ` (${client.join(', ')})` : ''}: only the calls that draw such a connection fail, the others are served. A server that lowered its idle timeout, or a pool whose keep-alive was raised, opens that gap; neither is a crash or a network fault.`,
    action: `Keep ${who}'s idle timeout longer than the client pool's keep-alive (raise it back if a release lowered it), or lower the pool's keep-alive below it; let idempotent calls retry once on a closed connection (OkHttp retryOnConnectionFailure, an HttpClient idle-connection evictor).`,
    fix: `set ${who}'s idle timeout above the client pool's keep-alive, or the keep-alive below it`,
    evidence: [
      ...(server ? [`${who} runs with ${server.setting}${started}`] : []),
      ...(client.length > 0 ? [`client pool keep-alive in the env: ${client.join(', ')}`] : []),
    ],
  };
}
