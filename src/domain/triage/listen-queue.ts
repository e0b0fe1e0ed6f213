/**
 * A server that reports its own accept queue full: uWSGI's "listen queue of socket … full !!!
 * (101/100)". Every worker is busy, so connections wait in the socket's backlog (`listen`) until
 * it overflows; the kubelet's probes are connections like any other, so they time out too. A probe
 * that times out against such a server reached a saturated app: the probe is right, and a longer
 * timeout would only hide the overload — the fix is concurrency and what holds the workers.
 * Apache httpd says the same of its worker pool: "AH00161: server reached MaxRequestWorkers
 * setting" (MaxClients before 2.4), logged once each time every worker is taken; new connections
 * then wait in the listen backlog. With prefork each connection holds a whole process for as long
 * as it stays open, idle keep-alive included (KeepAliveTimeout), so a longer keep-alive or slower
 * requests exhaust the pool without more traffic.
 */
import type { LogEvidence } from './evidence.js';
import type { ProbeMiss } from './probe-miss.js';

/** `*** uWSGI listen queue of socket "0.0.0.0:8000" (fd: 3) full !!! (101/100) ***`. */
const QUEUE_FULL = /uWSGI listen queue of socket "([^"]+)" \(fd: \d+\) full !!! \((\d+)\/(\d+)\)/;
/** The kubelet's words for a probe that got no answer in time. */
const TIMED_OUT = /timeout|deadline exceeded|timed out/i;

export interface ListenQueueFull {
  socket: string;
  queued: number;
  backlog: number;
  /** The line from "uWSGI listen queue" on. */
  line: string;
}

export function parseListenQueueFull(line: string): ListenQueueFull | undefined {
  const m = QUEUE_FULL.exec(line);
  return m ? { socket: m[1] ?? '', queued: Number(m[2]), backlog: Number(m[3]), line: m[0] } : undefined;
}

/** `AH00161: server reached MaxRequestWorkers setting, consider raising the MaxRequestWorkers setting` (worker and event MPMs: AH00286, AH00484; httpd 2.2: MaxClients). */
const HTTPD_POOL_FULL = /(?:AH\d{5}: )?server reached (MaxRequestWorkers|MaxClients) setting(?:, consider raising the \1 setting)?/;

export interface WorkerPoolFull {
  /** The directive that caps the pool: MaxRequestWorkers (httpd 2.4) or MaxClients (2.2). */
  setting: string;
  /** The line from the AH code on. */
  line: string;
}

export function parseWorkerPoolFull(line: string): WorkerPoolFull | undefined {
  const m = HTTPD_POOL_FULL.exec(line);
  return m ? { setting: m[1] ?? 'MaxRequestWorkers', line: m[0] } : undefined;
}

export function findWorkerPoolFull(logs: readonly LogEvidence[]): WorkerPoolFull | undefined {
  for (const log of logs) for (const line of log.lines) {
    const p = parseWorkerPoolFull(line);
    if (p !== undefined) return p;
  }
  return undefined;
}

export function findListenQueueFull(logs: readonly LogEvidence[]): ListenQueueFull | undefined {
  for (const log of logs) for (const line of log.lines) {
    const q = parseListenQueueFull(line);
    if (q !== undefined) return q;
  }
  return undefined;
}

/** A probe timing out against a container whose own log says its accept queue is full. */
export function explainQueueFullProbe(probeName: string, messages: string, logs: readonly LogEvidence[], container: string): ProbeMiss | undefined {
  if (!TIMED_OUT.test(messages)) return undefined;
  const q = findListenQueueFull(logs);
  if (q === undefined) return explainPoolFullProbe(probeName, logs, container);
  const fix = `give ${container} more concurrency (workers, threads or async) and a larger listen than ${q.backlog}, and bound what holds its workers (a slow dependency)`;
  return {
    scope: `its listen queue is full ("${q.line}"): every worker is busy, so the probe waits in the queue like any request`,
    why: `every worker of ${container} is busy and its accept queue (listen ${q.backlog}) overflows, so the ${probeName} probe waits or is dropped like any other connection; the probe reaches a saturated app, and a longer timeout would only hide the overload`,
    fix,
    action: `Fix the saturation: ${fix}. The probe is right; relaxing it would keep an overloaded pod in service, and restarting pods will not help.`,
    decisive: q.line,
  };
}

/** A probe timing out against httpd whose own log says every worker is taken (MaxRequestWorkers reached). */
function explainPoolFullProbe(probeName: string, logs: readonly LogEvidence[], container: string): ProbeMiss | undefined {
  const p = findWorkerPoolFull(logs);
  if (p === undefined) return undefined;
  const fix = `free ${container}'s workers: bring KeepAliveTimeout down to a few seconds (every open connection, idle keep-alive included, holds a worker; with prefork a whole process) and bound slow requests, or raise ${p.setting} (with ServerLimit) within the pod's memory, or move to mpm_event`;
  return {
    scope: `every worker is busy, ${container} is at its ${p.setting} ("${p.line}"), so the probe waits in the listen backlog like any connection`,
    why: `${container} serves at most ${p.setting} connections at once and all its workers are held (open keep-alive connections or slow requests), so new connections — the ${probeName} probe among them — wait in the listen backlog past the probe's timeout; the probe reaches a saturated server, and a longer timeout would only hide it`,
    fix,
    action: `Fix the saturation: ${fix}. A change that made connections stay longer (KeepAliveTimeout, MaxKeepAliveRequests) or requests slower is the usual trigger. The probe is right; relaxing it would keep a saturated pod in service, and restarting pods only frees the workers for a while.`,
    decisive: p.line,
  };
}
