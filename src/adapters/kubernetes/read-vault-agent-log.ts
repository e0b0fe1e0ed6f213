// The log of the Vault Agent beside the app, only where the app's log shows a dependency rejecting
// its credentials (vault-agent.ts): the agent renders them, and its own log says whether Vault
// still lets it renew, log in and read them. The current log tail of at most two agents, nothing else.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import { pickVaultAgentLogs } from '../../domain/triage/vault-agent.js';
import type { CollectContext } from './collect-context.js';
import { readLogs } from './read-pod-details.js';

export async function readVaultAgentLogs(ctx: CollectContext, pods: readonly PodEvidence[], logs: readonly LogEvidence[]): Promise<LogEvidence[]> {
  const picked = pickVaultAgentLogs(pods, logs);
  if (picked.length === 0) return [];
  return readLogs(ctx, picked.map((p) => ({ ...p, previous: false, why: 'beside' as const })));
}
