// The rejected credentials come from Vault Agent beside the app, and Vault refuses the agent (403
// permission denied on its renewals, logins or reads: vault-agent.ts): the file it rendered keeps
// credentials whose lease is gone, so the app's logins fail. Vault's refusal is the lead, not a
// rotation of a Secret. When the agent's token reached its max TTL, vault-token-max-ttl.ts tells it.
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import { findVaultDenials } from '../vault-token-ttl.js';
import { isVaultAgent } from '../vault-agent.js';
import { analyzeVaultTokenMaxTtl } from './vault-token-max-ttl.js';

/** The Vault Agent reading of the rejections: a finding, `null` when the max-TTL reading tells it, undefined when it does not apply. */
export function describeVaultAgentRefusal(ev: TriageEvidence, r: { pods: string[]; podObjects: PodEvidence[]; decisive: string }): Finding | null | undefined {
  const denials = findVaultDenials(ev.logs, r.podObjects, ev.collectedAt);
  const spec = r.podObjects.find((p) => p.name === denials?.pods[0])?.containers.find((c) => c.name === denials?.container);
  if (denials === undefined || spec === undefined || !isVaultAgent(spec)) return undefined;
  if (analyzeVaultTokenMaxTtl(ev).length > 0) return null;
  const restart = formatKubectl(ev.target, `rollout restart ${formatWorkloadRef(ev.target)}`);
  const failing = r.podObjects.filter((p) => !p.ready);
  const since = denials.since === undefined ? '' : ` since ${formatAgo(denials.since, ev.collectedAt)}`;
  return {
    id: 'credentials-rejected/vault-agent',
    kind: 'credentials-rejected',
    title: `Vault refuses the pods' Vault Agent (container ${denials.container}) with 403 permission denied${since} (${denials.pods.length} pod${denials.pods.length === 1 ? '' : 's'}, ${denials.lines} lines): the credentials it rendered are stale, and a dependency rejects them (${r.pods.length} pod${r.pods.length === 1 ? '' : 's'})`,
    layer: 'container/process',
    severity: failing.length > 0 ? severityForPods(ev, failing.length) : 'warning',
    confidence: 'high',
    evidence: [`log ${denials.pods[0] ?? ''} (${denials.container}): ${condenseStructuredLine(denials.line)}`, `app: ${r.decisive}`],
    decisive: condenseStructuredLine(denials.line),
    likelyCause: 'Vault Agent renders the credentials the app reads from a file and keeps its token and their leases renewed. Vault now refuses it (403 permission denied): its token or lease ended, or the role and policies it logs in with no longer allow it. The file keeps credentials the dependency no longer accepts, so the app\'s logins fail although nothing in its own Secret changed.',
    nextAction: `Find what Vault refuses the agent (the role it logs in with, its policies and bound service accounts; Vault's audit log names the path) and fix it there; then restart the pods (\`${restart}\` — the bot will not) so the agent renders fresh credentials.`,
    fix: `fix what Vault refuses the agent (its role, policies), then restart the pods so it renders fresh credentials (${restart})`,
    confirmCommands: [formatKubectl(ev.target, `logs ${denials.pods[0] ?? ''} -c ${denials.container} --tail=300`)],
    affected: { pods: r.pods, nodes: listNodesOf(r.podObjects) },
  };
}
