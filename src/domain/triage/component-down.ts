/**
 * A cluster component the workload depends on (a controller that writes its pods' readiness gate,
 * a mesh's control plane) read as pods of its own: whether it is down, how its containers die,
 * and which log says why. Shared by the readers, which pick the log, and by the analyzers, which tell it.
 */
import type { ContainerEvidence, LogEvidence, PodEvidence, TerminatedStateEvidence } from './evidence-pod.js';
import { pickDecisiveLine } from './evidence-lookup.js';

/** The container of a pod that keeps failing: not ready, the most restarts first. */
function failingContainer(pod: PodEvidence): ContainerEvidence | undefined {
  return [...pod.containers].filter((c) => !c.ready).sort((a, b) => b.restartCount - a.restartCount)[0];
}

/** Which log to read of a component's pods: the first one not ready, its failing container; its last run's when it restarts. */
export function pickComponentLog(pods: readonly PodEvidence[]): { pod: string; container: string; previous: boolean; restarts: number } | undefined {
  for (const pod of pods) {
    if (pod.ready) continue;
    const c = failingContainer(pod);
    if (c === undefined) continue;
    const running = c.state !== undefined && 'running' in c.state;
    return { pod: pod.name, container: c.name, previous: c.restartCount > 0 && !running, restarts: c.restartCount };
  }
  return undefined;
}

function lastTerminated(c: ContainerEvidence): TerminatedStateEvidence | undefined {
  if (c.state !== undefined && 'terminated' in c.state) return c.state.terminated;
  return c.lastState !== undefined && 'terminated' in c.lastState ? c.lastState.terminated : undefined;
}

export interface ComponentState {
  total: number;
  ready: number;
  /** Every pod listed is not ready (and at least one is listed). */
  down: boolean;
  /** The failing container: its name, restarts, waiting reason (CrashLoopBackOff) and how its last run ended. */
  container?: string;
  restarts: number;
  waiting?: string;
  lastExit?: { exitCode: number; reason?: string };
  /** Its memory limit, when its last run was OOMKilled. */
  memoryLimit?: string;
}

export function readComponentState(pods: readonly PodEvidence[]): ComponentState {
  const ready = pods.filter((p) => p.ready).length;
  const failing = pods.filter((p) => !p.ready).map((p) => failingContainer(p)).filter((c) => c !== undefined).sort((a, b) => b.restartCount - a.restartCount)[0];
  const end = failing === undefined ? undefined : lastTerminated(failing);
  const waiting = failing?.state !== undefined && 'waiting' in failing.state ? failing.state.waiting.reason : undefined;
  const limit = failing?.resources.limits['memory'];
  return {
    total: pods.length,
    ready,
    down: pods.length > 0 && ready === 0,
    ...(failing === undefined ? {} : { container: failing.name }),
    restarts: failing?.restartCount ?? 0,
    ...(waiting === undefined ? {} : { waiting }),
    ...(end === undefined ? {} : { lastExit: { exitCode: end.exitCode, ...(end.reason === undefined ? {} : { reason: end.reason }) } }),
    ...(end?.reason === 'OOMKilled' && limit !== undefined ? { memoryLimit: String(limit) } : {}),
  };
}

/** "0/2 pods ready; container destination OOMKilled at its 250Mi memory limit, CrashLoopBackOff, 27 restarts". */
export function formatComponentState(s: ComponentState): string {
  const how: string[] = [];
  if (s.lastExit?.reason === 'OOMKilled') how.push(`OOMKilled${s.memoryLimit === undefined ? '' : ` at its ${s.memoryLimit} memory limit`}`);
  else if (s.lastExit !== undefined) how.push(`last run exited ${s.lastExit.exitCode}${s.lastExit.reason !== undefined && s.lastExit.reason !== 'Error' ? ` (${s.lastExit.reason})` : ''}`);
  if (s.waiting !== undefined) how.push(s.waiting);
  if (s.restarts > 0) how.push(`${s.restarts} restart${s.restarts === 1 ? '' : 's'}`);
  return `${s.ready}/${s.total} pod${s.total === 1 ? '' : 's'} ready${how.length > 0 ? `; container ${s.container ?? '?'} ${how.join(', ')}` : ''}`;
}

/** The line of the component's log that says why it fails; none when the tail names no error (a start-up cut short by a kill). */
export function pickComponentLine(logs: readonly LogEvidence[]): string | undefined {
  const line = pickDecisiveLine(logs.flatMap((l) => l.lines));
  return line !== undefined && /\b(error|fatal|panic|failed|unable|cannot|refused|denied)\b/i.test(line) ? line : undefined;
}
