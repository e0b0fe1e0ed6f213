import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { findSessionSignedLinks } from '../session-signed-links.js';
import { HOUR_MS, formatAgo, formatSpan } from '../time-span.js';

/**
 * Presigned links that expire with the temporary credentials that signed them: the store refuses
 * them with ExpiredToken once the signing session ends (about an hour), though the workload
 * promised them far longer, and the pods stay Ready. Where a revision moved the workload from
 * static access keys to role credentials, that revision is the trigger; the fix is to sign
 * long-lived links with a long-term credential, or to promise no more than a session lasts.
 */
export function analyzeSessionSignedLinks(ev: TriageEvidence): Finding[] {
  const found = findSessionSignedLinks({
    logs: ev.logs,
    ...(ev.frontProxy !== undefined ? { proxyLogs: ev.frontProxy.logs, proxy: ev.frontProxy.deployment } : {}),
    pods: ev.pods,
    revisions: ev.revisions,
    now: ev.collectedAt,
  });
  if (found === undefined) return [];
  const { move, lifetime } = found;
  const pods = ev.pods.filter((p) => found.pods.includes(p.name));
  const unready = ev.pods.filter((p) => !p.ready).length;
  const creds = found.credentials;
  const lasts = found.sessionMs > HOUR_MS ? `up to about ${formatSpan(found.sessionMs)}` : 'about an hour';
  const logged = found.pods[0] ?? ev.frontProxy?.deployment ?? '';
  const promised = `${lifetime.written}${lifetime.written.includes(formatSpan(lifetime.ms)) ? '' : ` (${formatSpan(lifetime.ms)})`}`;
  const moved = move === undefined ? `the pods sign with temporary ${creds}` : `revision ${move.revision.revision} moved ${ev.target.name} from static access keys to temporary ${creds}`;
  const since = found.since !== undefined ? ` since ${formatAgo(found.since, ev.collectedAt)}` : '';
  const condensed = condenseStructuredLine(found.line);
  const decisive = /ExpiredToken|token has expired|Request has expired/i.test(condensed) ? condensed : `${condensed} — ${/The provided token has expired\.?/i.exec(found.line)?.[0] ?? 'ExpiredToken'}`;
  const fix = `sign the long-lived links with a long-term credential kept for signing (an IAM user's access key), or serve the downloads through a signer that does not expire with the pod's session (CloudFront signed URLs), or promise links no longer than the session lasts (they promise ${formatSpan(lifetime.ms)} now)`;
  return [{
    id: 'session-signed-links',
    kind: 'container-config',
    title: `Presigned links expire with the session credentials that sign them: ${moved}, whose session ends after ${lasts}, so links promised ${promised} fail with ExpiredToken — ${found.refusals} refusals${since} in ${found.where}${unready === 0 ? ' (all pods ready)' : ''}`,
    // The fault began with the first link signed on session credentials: the refusals follow each link by a session's length.
    ...(move !== undefined ? { onset: move.revision.createdAt } : found.since !== undefined ? { onset: found.since } : {}),
    latent: 'every link the pods sign fails once the session that signed it expires, about an hour later: the refusals follow the revision that moved to session credentials by that hour and by the age of the links customers open',
    ...(move !== undefined ? { datesChange: true as const, rollbackUndoes: `bring back the static access keys the move to role credentials replaced` } : {}),
    layer: 'container/process',
    severity: 'critical',
    confidence: move !== undefined ? 'high' : 'medium',
    evidence: [
      `link lifetime: ${lifetime.written} (${lifetime.source})`,
      `signed with temporary ${creds} (${found.credentialsSeen})`,
      ...(move !== undefined ? [`revision ${move.before.revision} → ${move.revision.revision}: ${move.changes.join('; ')}`] : []),
      `log ${logged}: ${decisive}`,
    ],
    decisive,
    likelyCause: `A presigned URL is signed with the credentials the pod holds, and a URL signed with temporary credentials is valid only while they are: when the session expires the store refuses it with ExpiredToken ("The provided token has expired"), however long X-Amz-Expires promised. The pods sign with temporary ${creds} (${found.credentialsSeen}), whose session lasts ${lasts}${found.sessionMs > HOUR_MS ? '' : ' unless the role allows longer'}, so links promised ${promised} stop working after ${lasts}${move !== undefined ? `; with the static keys of revision ${move.before.revision} they lasted their full lifetime` : ''}. Links younger than the session still work, which is why the pods look healthy and only links older than ${lasts} fail.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.${move !== undefined ? ` Rolling back to revision ${move.before.revision} brings back the static keys and the ${formatSpan(lifetime.ms)} links, at the cost of what the move to role credentials was for.` : ''} Links already issued cannot be saved: issue them again. The bot will not change anything.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, found.pods[0] !== undefined ? `logs ${found.pods[0]} --tail=300` : `logs deployment/${logged} --tail=300`),
      ...(move !== undefined ? [formatKubectl(ev.target, `rollout history ${formatWorkloadRef(ev.target)} --revision=${move.revision.revision}`)] : []),
    ],
    affected: { pods: found.pods, nodes: listNodesOf(pods) },
  }];
}
