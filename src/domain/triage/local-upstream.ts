/**
 * A proxy in the pod (nginx) in front of an application server in the same pod (php-fpm on a unix
 * socket or 127.0.0.1:9000, a uWSGI or gunicorn app): the upstream its errors name is not a
 * dependency elsewhere but a neighbour container, and that container's own log says why it does
 * not answer (its worker pool is full, it is down). An upstream at any other address is remote.
 */
import type { LogEvidence, PodEvidence } from './evidence.js';
import { parseDependencyError } from './dependency-error-line.js';
import { findListenSetting } from './host-port-holders.js';
import { CLOSED_BY_SERVER } from './idle-transaction-timeout.js';
import { parseLoopbackPort } from './loopback-sibling.js';

/** busy: the socket's listen queue is full (EAGAIN); timeout: accepted, no answer in time; refused: nothing listens; closed: accepted, then closed or reset by the server. */
export type LocalUpstreamProblem = 'busy' | 'timeout' | 'refused' | 'closed';

export interface LocalUpstreamError {
  /** `unix:/run/php/php-fpm.sock` or `127.0.0.1:9000`. */
  address: string;
  /** fastcgi, uwsgi, scgi, http, grpc. */
  protocol: string;
  problem: LocalUpstreamProblem;
  line: string;
}

/** nginx names the upstream of every proxied request that failed: `upstream: "fastcgi://unix:/run/php/php-fpm.sock:"`. */
const UPSTREAM = /\bupstream: "(fastcgi|uwsgi|scgi|https?|grpcs?):\/\/(unix:[^":]+|[^"/]+)/;
const PROBLEMS: [RegExp, LocalUpstreamProblem][] = [
  [/\(11: Resource temporarily unavailable\)/, 'busy'],
  [/upstream timed out|\(110: Connection timed out\)/, 'timeout'],
  [/\((111: Connection refused|2: No such file or directory)\)/, 'refused'],
];

/** A proxy's error line about an upstream inside the pod (a unix socket, a loopback address); undefined for any other line or address. */
export function parseLocalUpstreamError(line: string): LocalUpstreamError | undefined {
  const m = UPSTREAM.exec(line);
  if (m === null) return undefined;
  const address = (m[2] ?? '').replace(/:$/, '');
  const local = address.startsWith('unix:') || parseLoopbackPort(address) !== undefined;
  const problem = PROBLEMS.find(([re]) => re.test(line))?.[1];
  if (!local || problem === undefined) return undefined;
  return { address, protocol: (m[1] ?? '').replace(/s$/, ''), problem, line: line.trim() };
}

/** The local upstream errors of one log, oldest first. */
export function findLocalUpstreamErrors(log: LogEvidence): LocalUpstreamError[] {
  return log.lines.flatMap((l) => parseLocalUpstreamError(l) ?? []);
}

/**
 * The first connection of a log refused at a loopback address ("connect ECONNREFUSED ::1:5432",
 * "dial tcp 127.0.0.1:3000: connect: connection refused"): only a neighbour in the pod serves
 * there, and its own log says on which address it listens.
 */
export function findLoopbackRefused(log: LogEvidence): LocalUpstreamError | undefined {
  for (const line of log.lines) {
    const e = parseDependencyError(line);
    if (e?.problem === 'refused' && parseLoopbackPort(e.dependency) !== undefined) return { address: e.dependency ?? '', protocol: 'tcp', problem: 'refused', line: line.trim() };
  }
  return undefined;
}

/** libpq names the server it dialled: `connection to server at "127.0.0.1", port 5432 failed: …`. */
const LIBPQ_SERVER = /connection to server at "([^"]+)"(?: \([\w.:]+\))?, port (\d+) failed/i;

/**
 * The first connection of a log a loopback server accepted and then closed or reset ("server closed
 * the connection unexpectedly", "read tcp 127.0.0.1:40112->127.0.0.1:5432: read: connection reset
 * by peer"): the server is a neighbour (a database auth proxy, pgbouncer, a mesh proxy) that took
 * the connection and dropped it — its own log says why it would not pass it on.
 */
export function findLoopbackClosed(log: LogEvidence): LocalUpstreamError | undefined {
  for (const line of log.lines) {
    const e = parseDependencyError(line);
    const libpq = LIBPQ_SERVER.exec(line);
    const address = e?.problem === 'reset' ? e.dependency : CLOSED_BY_SERVER.test(line) && libpq ? `${libpq[1] ?? ''}:${libpq[2] ?? ''}` : undefined;
    if (parseLoopbackPort(address) !== undefined) return { address: address ?? '', protocol: 'tcp', problem: 'closed', line: line.trim() };
  }
  return undefined;
}

/** A failed connection of a log to a loopback address: refused first, then accepted and dropped. */
export function findLoopbackFailure(log: LogEvidence): LocalUpstreamError | undefined {
  return findLoopbackRefused(log) ?? findLoopbackClosed(log);
}

/** Whether container `c` can serve `address`: it shares the socket's directory, or declares the loopback port. */
function serves(c: PodEvidence['containers'][number], address: string): boolean {
  if (address.startsWith('unix:')) {
    const path = address.slice('unix:'.length);
    return (c.volumeMounts ?? []).some((m) => path.startsWith(`${m.mountPath.replace(/\/$/, '')}/`));
  }
  const port = parseLoopbackPort(address);
  // A sidecar that declares no port says it in its flags (cloud-sql-proxy's --port=5432, pgbouncer's listen_port).
  return port !== undefined && findListenSetting(c, port) !== undefined;
}

/** The containers whose log tails are read at most, all in one pod: where a local upstream fails, its server says why. */
const MAX_SERVERS = 2;

/**
 * Where a container's log says its proxied requests fail on an upstream inside the pod (or it is
 * refused at a loopback address, or its connections there are closed): the other
 * running containers of that pod that can serve it (sharing the socket's directory or declaring the
 * port; every other one when none does), whose logs were not read. At most two, in one pod.
 */
export function pickLocalUpstreamServers(pods: readonly PodEvidence[], logs: readonly LogEvidence[]): { pod: string; container: string; restarts: number }[] {
  const read = new Set(logs.map((l) => `${l.pod}/${l.container}`));
  for (const log of logs) {
    const error = findLocalUpstreamErrors(log)[0] ?? findLoopbackFailure(log);
    const pod = pods.find((p) => p.name === log.pod);
    if (error === undefined || pod === undefined) continue;
    const others = [...pod.containers, ...pod.initContainers.filter((c) => c.sidecar)].filter((c) => c.name !== log.container && c.state !== undefined && 'running' in c.state);
    // A connection accepted and dropped was accepted by someone: only the neighbour that serves the port.
    const servers = others.some((c) => serves(c, error.address)) || error.problem === 'closed' ? others.filter((c) => serves(c, error.address)) : others;
    const unread = servers.filter((c) => !read.has(`${pod.name}/${c.name}`));
    if (unread.length > 0) return unread.slice(0, MAX_SERVERS).map((c) => ({ pod: pod.name, container: c.name, restarts: c.restartCount }));
  }
  return [];
}
