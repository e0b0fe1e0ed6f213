// Events of the Kueue Workloads that suspended Jobs of the target wait on: Kueue says on the
// Workload, not on the Job, why it does not admit it (its Pending event names the quota the
// ClusterQueue lacks). Read only for a suspended Job whose CreatedWorkload event names its
// Workload; at most two, one field-selector query each, of core events (no Kueue API read).
import type * as k8s from '@kubernetes/client-node';
import type { EventEvidence } from '../../domain/triage/evidence.js';
import { pickQueuedWorkloads } from '../../domain/triage/queued-workload.js';
import type { CollectContext } from './collect-context.js';
import { readEvents } from './read-events.js';

const MAX_WORKLOADS = 2;

export async function readQueuedWorkloadEvents(ctx: CollectContext, jobs: readonly k8s.V1Job[], workloadEvents: Promise<EventEvidence[]>): Promise<EventEvidence[]> {
  const suspended = jobs.filter((j) => j.spec?.suspend === true).map((j) => j.metadata?.name ?? '').filter((n) => n !== '');
  if (suspended.length === 0) return [];
  const events = await workloadEvents;
  const names = [...new Set(suspended.flatMap((job) => pickQueuedWorkloads(events, job)))].slice(0, MAX_WORKLOADS);
  return names.length === 0 ? [] : readEvents(ctx, names.map((name) => ({ kind: 'Workload', name })), 'events of Kueue Workloads');
}
