import type { NetworkPolicyEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { getPodLabels, matchesLabels } from '../service-match.js';
import { HOUR_MS, formatAgo, msBetween } from '../time-span.js';
import { rulesForPort } from '../egress-rules.js';
import { findRevocationFlags, isRevocationFailure } from '../revocation-check.js';

/** A policy changed this recently is a suspect for handshakes that began failing after it. */
const RECENT_POLICY_MS = 6 * HOUR_MS;
/** OCSP responders and CRL distribution points answer over plain HTTP. */
const REVOCATION_PORT = '80';

function selects(policy: NetworkPolicyEvidence, labels: Record<string, string>): boolean {
  if (policy.podSelectorExpressions !== undefined && policy.podSelectorExpressions.length > 0) return true; // matched conservatively
  return Object.keys(policy.podSelector).length === 0 || matchesLabels(policy.podSelector, labels);
}

/**
 * TLS handshakes that fail on the revocation check ("Could not determine revocation status") while
 * the JVM is told to check revocation and a recent egress NetworkPolicy selects the pods with no
 * rule for port 80: the check cannot reach the certificate authority's OCSP responder or CRL
 * server, so every handshake fails, though the peer itself is allowed. Names the policy and the
 * flags; the fix is egress to the CA's endpoints (or an egress proxy), not a rollback.
 */
export function analyzeRevocationEgress(ev: TriageEvidence): Finding[] {
  const failures = ev.logs.flatMap((l) => l.lines.filter(isRevocationFailure).map((line) => ({ pod: l.pod, line })));
  if (failures.length === 0) return [];
  const flags = findRevocationFlags([...ev.pods.flatMap((p) => p.containers), ...(ev.workload?.templateContainers ?? [])]);
  if (flags === undefined) return [];
  const labels = getPodLabels(ev);
  const policy = (ev.networkPolicies ?? []).find((p) => {
    const changed = p.changedAt ?? p.createdAt;
    return p.policyTypes.includes('Egress') && selects(p, labels) && changed !== undefined && msBetween(changed, ev.collectedAt) <= RECENT_POLICY_MS && rulesForPort(p.egress, REVOCATION_PORT).length === 0;
  });
  const changed = policy?.changedAt ?? policy?.createdAt;
  if (policy === undefined || changed === undefined) return [];
  const verb = policy.changedAt !== undefined ? 'changed' : 'created';
  const pods = unique(failures.map((f) => f.pod));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const unready = ev.pods.filter((p) => !p.ready);
  const quote = /Could not determine revocation status/i.exec(failures.at(-1)?.line ?? '')?.[0] ?? failures.at(-1)?.line.trim() ?? '';
  const flagText = flags.flags.join(' ');
  return [{
    id: `network-policy/${policy.name}/revocation`,
    kind: 'network-policy',
    title: `TLS handshakes fail on the revocation check: the JVM checks certificates for revocation (${flagText}), and egress NetworkPolicy ${policy.name} (${verb} ${formatAgo(changed, ev.collectedAt)}) lets no traffic reach the certificate authority's OCSP/CRL servers (no rule for port ${REVOCATION_PORT})`,
    layer: 'network/routing',
    severity: unready.length > 0 ? severityForPods(ev, unready.length) : 'warning',
    confidence: 'high',
    evidence: [
      `${flags.where}: ${flagText}`,
      `NetworkPolicy ${policy.name}: ${verb} ${formatAgo(changed, ev.collectedAt)}; types ${policy.policyTypes.join(', ')}`,
      ...policy.egress.map((r) => `egress: ${r}`),
      `${failures.length} revocation-check failure line${failures.length === 1 ? '' : 's'} in ${pods.length} pod${pods.length === 1 ? '' : 's'}`,
    ],
    decisive: quote,
    likelyCause: `With ${flagText} the JVM asks the certificate authority whether each peer certificate was revoked: its OCSP responder or CRL distribution point, HTTP servers on the internet. NetworkPolicy ${policy.name} (${verb} ${formatAgo(changed, ev.collectedAt)}) allows these pods egress only ${policy.egress.join('; ') || 'nowhere'}, so that question gets no answer and every TLS handshake fails with "Could not determine revocation status", though the peer itself is allowed.`,
    nextAction: `Allow egress to the certificate authority's OCSP/CRL endpoints (port ${REVOCATION_PORT}) in ${policy.name}, or send them through the egress proxy; a rollback does not help, and turning the revocation check off is a security decision for its owner.`,
    fix: `allow egress to the CA's OCSP/CRL endpoints in ${policy.name}`,
    confirmCommands: [formatKubectl(ev.target, `get networkpolicy ${policy.name} -o yaml`)],
    affected: { pods, nodes: listNodesOf(podObjects) },
  }];
}
