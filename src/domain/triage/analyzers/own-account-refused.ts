/**
 * Ready pods whose own service account the API server refuses (own-account-refused.ts): when their
 * clustering library then runs each member alone, the replicas no longer share what they were
 * meant to (sessions, locks), which no probe and few error lines show. The newest revision that
 * switched serviceAccountName to the refused account is the trigger; granting that account what the
 * old one had, or going back to the old account, is the fix.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findOwnAccountRefusal } from '../own-account-refused.js';
import { listNodesOf } from '../pod-status.js';
import { tellRbacForbidden } from '../rbac-forbidden.js';
import { sortRevisions } from '../revision-diff.js';
import { formatAgo } from '../time-span.js';

export function analyzeOwnAccountRefused(ev: TriageEvidence): Finding[] {
  const found = findOwnAccountRefusal(ev.logs, ev.pods, ev.target.namespace);
  if (found === undefined) return [];
  const { refused, pods, library } = found;
  const sa = refused.serviceAccount;
  if (sa === undefined) return [];
  const told = tellRbacForbidden(refused);
  const [newest, previous] = sortRevisions(ev.revisions);
  const switched = newest !== undefined && previous !== undefined && newest.template?.serviceAccountName === sa.name
    && (previous.template?.serviceAccountName ?? 'default') !== sa.name ? { newest, previous, from: previous.template?.serviceAccountName ?? 'default' } : undefined;
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const who = library ? `${library}'s discovery` : 'its peer discovery';
  const alone = found.alone !== undefined
    ? ` — ${who} is refused and ${found.alonePods === 1 ? '1 pod runs' : `${found.alonePods} pods each run`} standalone, a cluster of one`
    : '';
  const lost = found.alone !== undefined ? ' Each replica runs alone: what the members were meant to share (sessions, locks, caches) is no longer shared, so users lose state whenever a request lands on another pod, while every pod stays Ready.' : '';
  // The verdict offers the rollback of the revision that switched the account itself.
  const fix = `${told.fix}, then restart the pods so the members find each other`;
  return [{
    id: `own-account-refused/${sa.name}`,
    kind: 'cluster-state',
    title: `${told.title.replace(/^: /, '')}${alone}`,
    ...(switched ? { datesChange: true as const } : {}),
    layer: 'rollout/change',
    severity: found.alone !== undefined && found.alonePods > 1 ? 'critical' : 'warning',
    confidence: 'high',
    evidence: [
      ...told.evidence,
      `log ${pods[0] ?? ''}: ${refused.line.slice(0, 300)}`,
      ...(found.alone !== undefined ? [`${found.alonePods} of ${ev.pods.length} pods log that they run alone: ${found.alone.slice(0, 200)}`] : []),
      ...(switched ? [`serviceAccountName: ${switched.from} (revision ${switched.previous.revision}) → ${sa.name} (revision ${switched.newest.revision}, ${formatAgo(switched.newest.createdAt, ev.collectedAt)})`] : []),
    ],
    decisive: quoteRefusal(refused.line),
    likelyCause: `${told.cause}${lost}${switched ? ` The account changed with revision ${switched.newest.revision}; ${switched.from} had the grant, ${sa.name} does not.` : ''}`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    confirmCommands: [
      ...(refused.refusals[0] ? [`kubectl auth can-i ${refused.refusals[0].verb} ${refused.refusals[0].resource} -n ${refused.refusals[0].namespace ?? ev.target.namespace} --as=${refused.user}`] : []),
      formatKubectl(ev.target, `get rolebindings -o wide`),
      formatKubectl(ev.target, `logs ${pods[0] ?? ''} --tail=200`),
    ],
    affected: { pods, nodes: listNodesOf(podObjects) },
  }];
}

/** The API server's sentence in the line: `endpoints "x" is forbidden: User "…" cannot get resource "endpoints" … in the namespace "y"`. */
function quoteRefusal(line: string): string {
  const plain = line.replace(/\\"/g, '"');
  const m = /[\w./-]+ "[^"]*" is forbidden: User "[^"]+" cannot [^\n]*?(?:in the namespace "[^"]+"|at the cluster scope)/.exec(plain);
  return (m?.[0] ?? plain).slice(0, 240);
}
