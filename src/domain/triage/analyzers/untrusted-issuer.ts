import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import { findUntrustedIssuer } from '../untrusted-issuer.js';

/**
 * Peers refuse the certificate the pods present since cert-manager re-issued it from another
 * issuer (untrusted-issuer.ts): the pods are fine, the peers' trust bundle lacks the new CA. The
 * re-issue is the trigger; the bundle (or the old issuer) is the fix, not the workload's revision.
 */
export function analyzeUntrustedIssuer(ev: TriageEvidence): Finding[] {
  const hit = findUntrustedIssuer(ev);
  if (hit === undefined) return [];
  const ago = formatAgo(hit.at, ev.collectedAt);
  const peers = hit.serverSide ? 'clients' : 'peers';
  const Peers = hit.serverSide ? 'Clients' : 'Peers';
  const podObjects = ev.pods.filter((p) => hit.pods.includes(p.name));
  const bundle = hit.bundles[0];
  const bundleNamed = bundle === undefined ? '' : ` (ConfigMap ${bundle.name}${bundle.keys.length > 0 ? `, key ${bundle.keys.join(', ')}` : ''})`;
  const before = bundle?.changedAt !== undefined && bundle.changedAt < hit.at;
  const bundleSays = bundle === undefined
    ? ''
    : ` ConfigMap ${bundle.name} of the namespace holds a CA bundle by its name and key${bundle.changedAt ? `; it last changed ${formatAgo(bundle.changedAt, ev.collectedAt)}${before ? ', before the re-issue, so it did not get the new CA' : ''}` : ''}.`;
  const fix = `add the new issuer's CA to the ${peers}' trust bundle${bundleNamed}`;
  return [
    {
      id: `untrusted-issuer/${hit.certificate}`,
      kind: 'credentials-rejected',
      title: `${Peers} refuse the TLS certificate of Secret ${hit.secret} since cert-manager re-issued it ${ago} from a new issuer (it was ${hit.previousIssuer}'s): their CA bundle does not trust it`,
      layer: 'network/routing',
      severity: 'warning',
      confidence: hit.serverSide ? 'high' : 'medium',
      datesChange: true,
      outsideWorkload: `the pods of any revision serve the re-issued Secret ${hit.secret}`,
      evidence: [
        `Certificate ${hit.certificate}: Issuing ${ago} — ${hit.message}`,
        `log ${hit.pods[hit.pods.length - 1] ?? ''}: ${condenseStructuredLine(hit.line)}`,
        `${hit.alerts} refused handshake${hit.alerts === 1 ? '' : 's'} in ${hit.pods.length} pod${hit.pods.length === 1 ? '' : 's'}`,
        ...(bundle === undefined ? [] : [`ConfigMap ${bundle.name}${bundle.keys.length > 0 ? ` (key ${bundle.keys.join(', ')})` : ''}${bundle.changedAt ? `: last changed ${formatAgo(bundle.changedAt, ev.collectedAt)}` : ''}`]),
      ],
      decisive: hit.line,
      likelyCause:
        `Certificate ${hit.certificate} was moved to another issuer: cert-manager re-issued Secret ${hit.secret} ${ago} because it had been issued by ${hit.previousIssuer}, and the pods serve the new certificate. ` +
        `${Peers} that verify it against a CA bundle holding only the previous issuer's CA do not trust its issuer and abort the handshake; the pods log the alert they send ("${condenseStructuredLine(hit.line)}"). ` +
        `The pods themselves answer; nothing of the workload is at fault.${bundleSays} Restoring the Secret's previous content lasts only until cert-manager re-issues it from the new issuer.`,
      nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)} and let them reload it, or point Certificate ${hit.certificate} back at ${hit.previousIssuer} until they trust the new CA. A rollback would not help. The bot will not change anything.`,
      fix,
      confirmCommands: [
        formatKubectl(ev.target, `describe certificate ${hit.certificate}`),
        ...(bundle === undefined ? [] : [formatKubectl(ev.target, `get configmap ${bundle.name} -o yaml`)]),
      ],
      affected: { pods: hit.pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
