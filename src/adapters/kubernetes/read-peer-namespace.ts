// A Namespace other than the workload's (one get), as a NetworkPolicy's namespaceSelector sees
// it: its labels and times (see evidence-peer-namespace.ts). Read only where a caller's admission
// by the workload's ingress NetworkPolicies is in question.
import type { PeerNamespaceEvidence } from '../../domain/triage/evidence-peer-namespace.js';
import type { EvidenceSource } from '../../domain/triage/evidence-source.js';
import type { CollectContext } from './collect-context.js';
import { copyMap, lastChangeOf, toIsoTime } from './map-common.js';

export async function readPeerNamespace(ctx: CollectContext, name: string, source: EvidenceSource): Promise<PeerNamespaceEvidence | undefined> {
  const ns = await ctx.reads.one(`Namespace ${name} (its labels, for NetworkPolicy namespaceSelectors)`, source, (o) => ctx.clients.core.readNamespace({ name }, o));
  if (ns === undefined) return undefined;
  const out: PeerNamespaceEvidence = { name, labels: copyMap(ns.metadata?.labels) };
  const createdAt = toIsoTime(ns.metadata?.creationTimestamp);
  const changedAt = lastChangeOf(ns.metadata);
  if (createdAt !== undefined) out.createdAt = createdAt;
  if (changedAt !== undefined && changedAt !== createdAt) out.changedAt = changedAt;
  return out;
}
