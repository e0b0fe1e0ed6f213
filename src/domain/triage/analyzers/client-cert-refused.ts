import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { PEER_REFUSED_CERT, readServerRefusal } from '../client-cert-refused.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';

/** A Secret volume that by its name holds a client certificate. */
const CERT_NAME = /mtls|tls|cert|client/i;

/**
 * The pods' handshakes end in the server's bad-certificate alert, and the server's own log says
 * why it refused their certificate (client-cert-refused.ts): that reason is the finding, and what
 * the certificate must be re-issued with is the fix — neither workload's revision is at fault.
 */
export function analyzeClientCertRefused(ev: TriageEvidence): Finding[] {
  const server = ev.serverCertRefusal;
  const refusal = server === undefined ? undefined : readServerRefusal(server.lines);
  if (server === undefined || refusal === undefined) return [];
  const hits = ev.logs.flatMap((l) => l.lines.filter((line) => PEER_REFUSED_CERT.test(line)).map((line) => ({ pod: l.pod, line })));
  const pods = unique(hits.map((h) => h.pod));
  if (pods.length === 0) return [];
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const unready = podObjects.filter((p) => !p.ready).length;
  const secrets = unique(podObjects.flatMap((p) => (p.volumes ?? []).flatMap((v) => (v.source === 'secret' && v.ref !== undefined && CERT_NAME.test(`${v.name} ${v.ref}`) ? [v.ref] : []))));
  const held = secrets.length > 0 ? ` (Secret ${secrets.join(', ')})` : '';
  const reissue = `re-issue the pods' client certificate${held}${refusal.remedy ? ` ${refusal.remedy}` : ''}`;
  return [
    {
      id: `client-cert-refused/${server.service}`,
      kind: 'credentials-rejected',
      title: `${server.service} refuses the client certificate of ${pods.length} pod${pods.length === 1 ? '' : 's'}: its log says "${refusal.reason}"${refusal.meaning ? ` — ${refusal.meaning}` : ''}`,
      layer: 'network/routing',
      severity: unready > 0 ? severityForPods(ev, unready) : 'warning',
      confidence: 'high',
      evidence: [
        `${server.service} (pod ${server.pod}): ${condenseStructuredLine(server.lines.at(-1)?.trim() ?? '')}`,
        ...hits.slice(-1).map((h) => `log ${h.pod}: ${condenseStructuredLine(h.line.trim())}`),
        `${hits.length} refused handshake${hits.length === 1 ? '' : 's'} in ${pods.length} pod${pods.length === 1 ? '' : 's'}`,
      ],
      decisive: refusal.reason,
      likelyCause: `"remote error: tls: bad certificate" is the alert ${server.service} sent: it refuses the certificate these pods present, and its own log says why ("${refusal.reason}")${refusal.meaning ? `: ${refusal.meaning}` : ''}. The certificate changed, not the code: look at what issued or re-issued it last${held}.`,
      nextAction: `${reissue.charAt(0).toUpperCase()}${reissue.slice(1)}; the pods present it on their next handshakes. A rollback of either workload does not help.`,
      fix: reissue,
      confirmCommands: [
        formatKubectl({ ...ev.target, namespace: server.namespace }, `logs ${server.pod} --tail=100`),
        ...secrets.slice(0, 1).map((s) => formatKubectl(ev.target, `get secret ${s} -o jsonpath='{.data.tls\\.crt}' | base64 -d | openssl x509 -noout -text | grep -A1 'Extended Key Usage'`)),
      ],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
