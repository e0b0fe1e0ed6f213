// The log tails of cluster DNS pods (kube-system), read only when the workload's lookups fail while
// a DNS pod is not ready (needsDnsPodLogs): the previous run of up to two crash-looping ones (a
// Corefile that does not parse) and the current log of one ready one (its refusal of the same edit
// at reload). At most three log requests, each of the bounded tail every log read takes.
import type { LogEvidence } from '../../domain/triage/evidence.js';
import type { DnsLogTarget } from '../../domain/triage/dns-config-error.js';
import type { CollectContext } from './collect-context.js';
import { readLogs } from './read-pod-details.js';

const NAMESPACE = 'kube-system';

export async function readDnsPodLogs(ctx: CollectContext, targets: readonly DnsLogTarget[]): Promise<LogEvidence[]> {
  if (targets.length === 0) return [];
  return readLogs(ctx, targets.map((t) => ({ ...t, why: 'system' as const, namespace: NAMESPACE })));
}
