import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { findStaleServingCert } from '../stale-serving-cert.js';
import { formatAgo, localizeUtcClocks } from '../time-span.js';

/**
 * One pod serves a certificate its peers no longer serve (stale-serving-cert.ts): it loaded the
 * mounted certificate at start, the Secret was renewed since, and clients refuse the old one. The
 * mitigation is that pod's restart (it loads the renewed files); the fix is a server that reloads
 * its certificate when the mounted files change, or a reloader that restarts it when the Secret does.
 */
export function analyzeStaleServingCert(ev: TriageEvidence): Finding[] {
  const hit = findStaleServingCert({ logs: ev.logs, pods: ev.pods, now: ev.collectedAt });
  if (hit === undefined) return [];
  const started = hit.startedAt ? ` (started ${formatAgo(hit.startedAt, ev.collectedAt)})` : '';
  const peer = hit.cleanPeers[0];
  const peerStarted = peer?.startedAt ? ` started ${formatAgo(peer.startedAt, ev.collectedAt)}` : '';
  const what = hit.expired
    ? `the expired TLS certificate it loaded at start (notAfter ${hit.notAfter})`
    : 'the TLS certificate it loaded at start, older than the one its peers serve';
  const peerSays = peer === undefined ? '' : `; ${peer.pod}${peerStarted} loaded ${peer.notAfter ? `one valid until ${peer.notAfter}` : 'the current one'} and its clients do not refuse it`;
  const pod = ev.pods.find((p) => p.name === hit.pod);
  const restart = formatKubectl(ev.target, `delete pod ${hit.pod}`);
  const newer = peer?.notAfter !== undefined && hit.notAfter !== undefined && Date.parse(peer.notAfter) > Date.parse(hit.notAfter);
  const renewed = newer ? 'has been renewed since' : 'was probably renewed since';
  const reload = `make the server reload its certificate when the mounted Secret ${hit.secret} changes (watch the files), or restart the pods when it does (a reloader annotation such as reloader.stakater.com/auto on the workload)`;
  const fix = `restart ${hit.pod} so it loads the renewed certificate (\`${restart}\`; the bot will not); then ${reload}`;
  return [
    {
      id: `stale-serving-cert/${hit.pod}`,
      kind: 'credentials-rejected',
      title: localizeUtcClocks(`Pod ${hit.pod}${started} still serves ${what}: its clients refuse the handshake (${hit.alerts} in its log), while the Secret ${hit.secret} it mounts ${renewed}${peerSays}`),
      layer: 'network/routing',
      severity: 'warning',
      confidence: hit.expired ? 'high' : 'medium',
      evidence: [
        `log ${hit.pod}: ${condenseStructuredLine(hit.line.trim())}`,
        ...(hit.notAfter ? [`${hit.pod} loaded a certificate with notAfter ${hit.notAfter}${hit.expired ? ' (past)' : ''}`] : []),
        ...hit.cleanPeers.slice(0, 2).map((p) => `${p.pod}${p.startedAt ? ` started ${formatAgo(p.startedAt, ev.collectedAt)}` : ''}${p.notAfter ? `, loaded a certificate with notAfter ${p.notAfter}` : ''}: no refused handshake in its log`),
      ],
      decisive: hit.line.trim(),
      likelyCause:
        `The server reads its certificate from the mounted Secret ${hit.secret} only when it starts. The kubelet updates the mounted files when the Secret is renewed, but ${hit.pod} started before that renewal and keeps serving the old certificate` +
        `${hit.expired ? ` — that certificate has expired (notAfter ${hit.notAfter}), which Go clients report as "x509: certificate has expired or is not yet valid"` : ''}; clients that land on it (about one call in ${Math.max(1, ev.pods.filter((p) => p.ready).length)}, one of the ready pods) fail the handshake while the pods started since serve the renewed one. Nothing in the revision changed: a rollback does not help.`,
      nextAction: `Mitigate: restart ${hit.pod} (\`${restart}\`, or a rollout restart) so it loads the renewed certificate. Then ${reload}.`,
      fix,
      outsideWorkload: 'the pod serves the certificate it loaded before the Secret was renewed; any pod started since serves the renewed one',
      confirmCommands: [
        formatKubectl(ev.target, `logs ${hit.pod} --tail=100`),
        formatKubectl(ev.target, `get pods -o custom-columns=NAME:.metadata.name,STARTED:.status.startTime`),
        formatKubectl(ev.target, `get certificate -o wide`),
      ],
      affected: { pods: [hit.pod], nodes: pod ? listNodesOf([pod]) : [] },
    },
  ];
}
