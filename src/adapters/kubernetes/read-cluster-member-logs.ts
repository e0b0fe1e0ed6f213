// A member of a Parallel StatefulSet whose sampled log says it started blank, as a new cluster of
// its own: the current log tail of the members the sample did not read (at most three), for
// whether another one seeded a separate cluster too. Nothing without such a line.
import type { LogEvidence, PodEvidence, WorkloadEvidence } from '../../domain/triage/evidence.js';
import { pickUnreadMembers } from '../../domain/triage/separate-bootstrap.js';
import type { CollectContext } from './collect-context.js';
import { readLogs } from './read-pod-details.js';

export async function readClusterMemberLogs(ctx: CollectContext, w: Pick<WorkloadEvidence, 'kind' | 'podManagementPolicy'> | undefined, pods: readonly PodEvidence[], logs: readonly LogEvidence[]): Promise<LogEvidence[]> {
  const picked = pickUnreadMembers(w, pods, logs);
  if (picked.length === 0) return [];
  return readLogs(ctx, picked.map((p) => ({ ...p, previous: false, why: 'sample' as const, restarts: 0 })));
}
