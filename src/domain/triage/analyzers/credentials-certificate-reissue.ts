import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { findCertificateReissue, pickCertificateRefusal } from '../certificate-reissue.js';
import { formatAgo } from '../time-span.js';

interface Rejected {
  pods: string[];
  podObjects: PodEvidence[];
  hits: { log: { pod: string }; line: string }[];
  decisive: string;
}

/**
 * Credentials refused on the client certificate just after cert-manager re-issued the Certificate
 * behind the Secret the pods mount: the kubelet refreshed the files, new connections present the
 * new identity, and the server refuses it. The re-issue is the trigger; the spec field it names is
 * what to restore (certificate-reissue.ts).
 */
export function describeCertificateReissue(ev: TriageEvidence, r: Rejected): Finding | undefined {
  const secrets = pickCertificateRefusal(ev);
  if (secrets.length === 0) return undefined;
  const serverLines = (ev.dependencyMembers ?? []).flatMap((m) => m.identityLines ?? []);
  const re = findCertificateReissue(ev.certificateEvents, secrets, serverLines, ev.collectedAt);
  if (re === undefined) return undefined;
  const ago = formatAgo(re.at, ev.collectedAt);
  const changed = re.fields.length > 0 ? ` because its ${re.fields.join(', ')} changed` : '';
  const identity = re.identity ? `: the server reads "${re.identity.presented}" from it where it wants "${re.identity.wanted}"` : '';
  const restore = re.fields.length > 0 ? `restore ${re.fields.join(', ')} of Certificate ${re.certificate} to the identity the server maps to its user${re.identity ? ` ("${re.identity.wanted}")` : ''}` : `give Certificate ${re.certificate} back the identity the server expects`;
  const unready = r.podObjects.filter((p) => !p.ready).length;
  return {
    id: 'credentials-rejected',
    kind: 'credentials-rejected',
    title: `A dependency refuses the client certificate of ${r.pods.length} pod${r.pods.length === 1 ? '' : 's'} since cert-manager re-issued Certificate ${re.certificate} ${ago}${re.fields.length > 0 ? ` (${re.fields.join(', ')} changed)` : ''}${identity}`,
    layer: 'container/process',
    severity: unready > 0 ? severityForPods(ev, unready) : 'warning',
    confidence: 'high',
    datesChange: true,
    outsideWorkload: `Certificate ${re.certificate} changed, not the workload: any pod of any revision presents the re-issued certificate`,
    evidence: [
      `Certificate ${re.certificate}: Issuing ${ago} — ${re.message}`,
      ...(re.identity ? [`server log: ${condenseStructuredLine(re.identity.line)}`] : []),
      ...r.hits.slice(-1).map((h) => `log ${h.log.pod}: ${condenseStructuredLine(h.line.trim())}`),
    ],
    decisive: r.decisive,
    likelyCause:
      `The server authenticates these clients by their certificate and takes the user from its subject (CN) or SAN. cert-manager re-issued Certificate ${re.certificate} ${ago}${changed}; the kubelet refreshed the mounted Secret ${re.secret}, so each new connection presents the new identity${re.identity ? ` ("${re.identity.presented}", not "${re.identity.wanted}")` : ''} and is refused, and pooled connections fail as they are recycled. The server itself answers: it is the identity it refuses.`,
    nextAction: `${restore.charAt(0).toUpperCase()}${restore.slice(1)} (or map the new identity to the user on the server, e.g. a pg_ident map), and let cert-manager re-issue it; the pods read the refreshed files on their next connections. The bot will not change anything.`,
    fix: restore,
    confirmCommands: [formatKubectl(ev.target, `describe certificate ${re.certificate}`), formatKubectl(ev.target, `get events --field-selector involvedObject.kind=Certificate,involvedObject.name=${re.certificate}`)],
    affected: { pods: r.pods, nodes: listNodesOf(r.podObjects) },
  };
}
