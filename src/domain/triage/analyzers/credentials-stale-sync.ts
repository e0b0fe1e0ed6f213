import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import type { SecretSyncFailure } from '../secret-sync.js';
import { formatAgo } from '../time-span.js';

interface Rejected {
  pods: string[];
  podObjects: PodEvidence[];
  hits: { log: { pod: string }; line: string }[];
  decisive: string;
}

/**
 * Credentials rejected while the controller that keeps their Secret in sync fails: the Secret holds
 * the value of its last good sync, so a credential rotated at the source since never reached the
 * pods. The sync failure is the cause; a restart alone brings back the same stale value.
 */
export function describeStaleSync(ev: TriageEvidence, s: SecretSyncFailure, via: string, r: Rejected): Finding {
  const object = `${s.object.kind} ${s.object.name}`;
  const failing = `${object} has failed to sync for ${formatAgo(s.since, ev.collectedAt).replace(/ ago$/, '')} (${s.reason} ×${s.count}: ${s.cause})`;
  const restart = formatKubectl(ev.target, `rollout restart ${formatWorkloadRef(ev.target)}`);
  const fix = `repair ${object}'s access to its secret store (${s.cause}), force a resync of ${object}, then restart the pods so they read the new value (${restart})`;
  const unready = r.podObjects.filter((p) => !p.ready).length;
  return {
    id: 'credentials-rejected',
    kind: 'credentials-rejected',
    title: `A dependency rejects the credentials of ${r.pods.length} pod${r.pods.length === 1 ? '' : 's'}: ${via} is stale — ${failing}`,
    layer: 'container/process',
    severity: unready > 0 ? severityForPods(ev, unready) : 'warning',
    confidence: 'high',
    evidence: [
      `${via}`,
      `${object}: ${s.reason} ×${s.count} since ${formatAgo(s.since, ev.collectedAt)}, last ${formatAgo(s.lastSeen, ev.collectedAt)} — ${s.message}`,
      ...r.hits.slice(-2).map((h) => `log ${h.log.pod}: ${condenseStructuredLine(h.line.trim())}`),
    ],
    decisive: r.decisive,
    likelyCause:
      `Secret ${s.secret} is kept by ${object}, whose controller cannot read its store (${s.cause}): the Secret still holds the value of its last good sync. ` +
      'A credential rotated at the source since then never reached the cluster, so the pods present the old one, which the dependency now refuses. Nothing in the workload changed; restarting it alone reads the same stale Secret.',
    nextAction: `Fix the sync: ${fix}. The bot will not change anything.`,
    fix,
    confirmCommands: [formatKubectl(ev.target, `describe ${s.object.kind.toLowerCase()} ${s.object.name}`), formatKubectl(ev.target, `logs ${r.pods[0] ?? ''} --tail=100`)],
    affected: { pods: r.pods, nodes: listNodesOf(r.podObjects) },
  };
}
