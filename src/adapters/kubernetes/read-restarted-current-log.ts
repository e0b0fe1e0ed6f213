// A restarted container whose crashed run the kubelet no longer has ("previous terminated container
// … not found"): its current run is the same process on the same node, and what it logs since the
// restart (the limit it runs into again) is the only account of the crash left. One current log
// tail each, of at most two such containers that run now.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { type LogTarget, readLogs } from './read-pod-details.js';

/** Restarted containers whose current run is read in place of a crashed run that is gone, at most. */
const MAX_RESTARTED_CURRENT = 2;

/** Crashed-run targets with no log read whose container is running again now: their current run. */
export function pickRestartedCurrentLogs(pods: readonly PodEvidence[], picked: readonly LogTarget[], read: readonly LogEvidence[]): LogTarget[] {
  const have = new Set(read.map((l) => `${l.pod}/${l.container}`));
  const out: LogTarget[] = [];
  for (const t of picked) {
    if (!t.previous || t.why !== 'crashed' || t.namespace !== undefined || have.has(`${t.pod}/${t.container}`)) continue;
    const c = pods.find((p) => p.name === t.pod && p.deletionTimestamp === undefined)?.containers.find((x) => x.name === t.container);
    if (c?.state === undefined || !('running' in c.state)) continue;
    out.push({ ...t, previous: false });
  }
  return out.slice(0, MAX_RESTARTED_CURRENT);
}

export async function readRestartedCurrentLogs(ctx: CollectContext, pods: readonly PodEvidence[], picked: readonly LogTarget[], read: readonly LogEvidence[]): Promise<LogEvidence[]> {
  const targets = pickRestartedCurrentLogs(pods, picked, read);
  return targets.length === 0 ? [] : readLogs(ctx, targets);
}
