/**
 * A server that reports its own accept queue full: uWSGI's "listen queue of socket … full !!!
 * (101/100)". Every worker is busy, so connections wait in the socket's backlog (`listen`) until
 * it overflows; the kubelet's probes are connections like any other, so they time out too. A probe
 * that times out against such a server reached a saturated app: the probe is right, and a longer
 * timeout would only hide the overload — the fix is concurrency and what holds the workers.
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
  if (q === undefined) return undefined;
  const fix = `give ${container} more concurrency (workers, threads or async) and a larger listen than ${q.backlog}, and bound what holds its workers (a slow dependency)`;
  return {
    scope: `its listen queue is full ("${q.line}"): every worker is busy, so the probe waits in the queue like any request`,
    why: `every worker of ${container} is busy and its accept queue (listen ${q.backlog}) overflows, so the ${probeName} probe waits or is dropped like any other connection; the probe reaches a saturated app, and a longer timeout would only hide the overload`,
    fix,
    action: `Fix the saturation: ${fix}. The probe is right; relaxing it would keep an overloaded pod in service, and restarting pods will not help.`,
    decisive: q.line,
  };
}
