import type { LogEvidence, ProbeEvidence } from './evidence-pod.js';

/** A readiness probe that a single slow answer fails: why pods drop out of the endpoints and come back. */
export interface HairTriggerProbe {
  /** "periodSeconds 2, timeoutSeconds 1, failureThreshold 1" */
  settings: string;
  /** The longest stop-the-world pause the pods log that outlasts the timeout, quoted; absent when none is logged. */
  pause?: string;
  cause: string;
  fix: string;
}

// Runtime pause lines: JVM unified GC logging ("Pause Young ... 1523.4ms"), Go/.NET/Node GC traces saying "pause".
const PAUSE = /\b(?:pause|gc)\b[^\n]*?\b(\d+(?:\.\d+)?)\s*ms\b/i;

function longestPause(logs: readonly LogEvidence[], overMs: number): { line: string; ms: number } | undefined {
  let best: { line: string; ms: number } | undefined;
  for (const l of logs) {
    for (const line of l.lines) {
      if (!/\bpause\b/i.test(line) || !/\bgc\b|garbage/i.test(line)) continue;
      const ms = Number(PAUSE.exec(line)?.[1] ?? NaN);
      if (ms > overMs && (best === undefined || ms > best.ms)) best = { line: line.trim(), ms };
    }
  }
  return best;
}

/**
 * Readiness timeouts on pods that keep running (no restarts) and come back ready between failures,
 * under a probe with failureThreshold 1 and a short timeout: one answer slower than the timeout (a GC
 * pause, a burst of load) takes the pod out of the Service's endpoints until the next success. The
 * probe's settings are the fault, not what the endpoint reports. Undefined unless all of that holds:
 * an app that is really down stays unready and does not flap.
 */
export function explainHairTriggerProbe(probe: ProbeEvidence | undefined, opts: { failure: string; restarted: boolean; readyButFailing: number; logs: readonly LogEvidence[] }): HairTriggerProbe | undefined {
  if (probe === undefined || opts.failure !== 'timeout' || opts.restarted || opts.readyButFailing === 0) return undefined;
  const timeout = probe.timeoutSeconds ?? 1;
  if ((probe.failureThreshold ?? 3) !== 1 || timeout > 2) return undefined;
  const settings = `periodSeconds ${probe.periodSeconds ?? 10}, timeoutSeconds ${timeout}, failureThreshold 1`;
  const pause = longestPause(opts.logs, timeout * 1000);
  const slow = pause !== undefined
    ? `the pods log garbage-collection pauses longer than that (${pause.ms} ms: "${pause.line}"), so any probe that lands in one fails`
    : 'any single answer slower than that (a GC pause, a burst of load) fails it';
  return {
    settings,
    ...(pause !== undefined ? { pause: pause.line } : {}),
    cause: `The readiness probe is set on a hair trigger (${settings}): one probe that waits more than ${timeout}s marks the pod unready, and ${slow}. The pods keep running and pass the next probe, so they drop out of the Service's endpoints and come back over and over; when several are out at once callers find no endpoint. Not an app that is down: pods that failed the probe are ready again between failures.`,
    fix: `relax the readiness probe (timeoutSeconds ≥ 3, failureThreshold ≥ 3)${pause !== undefined ? ' and tune the heap/GC so pauses shrink' : ''}`,
  };
}
