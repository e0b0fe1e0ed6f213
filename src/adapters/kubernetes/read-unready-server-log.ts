// A pod of a down dependency that runs but is not ready (no restart, no waiting container): the
// server is up and refuses to serve, and only its own log says why (a replica set member that
// finds itself missing from its configuration). One current log tail of one such pod.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { readLogs } from './read-pod-details.js';

/** The first pod that is Running, not ready, its first container running; undefined when none is. */
export function pickUnreadyServer(pods: readonly PodEvidence[]): { pod: string; container: string; restarts: number } | undefined {
  for (const p of pods) {
    const c = p.containers[0];
    if (p.phase !== 'Running' || p.ready || c === undefined || c.state === undefined || !('running' in c.state)) continue;
    return { pod: p.name, container: c.name, restarts: c.restartCount };
  }
  return undefined;
}

export async function readUnreadyServerLog(ctx: CollectContext, pods: readonly PodEvidence[]): Promise<LogEvidence[]> {
  const picked = pickUnreadyServer(pods);
  if (picked === undefined) return [];
  return readLogs(ctx, [{ pod: picked.pod, container: picked.container, previous: false, why: 'unready', restarts: picked.restarts }]);
}
