import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import { describeOptionalRef, describeSameRead, findUnsetOptionalEnv, fixOptionalKey } from '../optional-env-ref.js';
import type { UnsetOptionalEnv } from '../optional-env-ref.js';
import { capitalize } from '../../text.js';
import { findSecretSyncFailure } from '../secret-sync.js';
import { describeStaleSync } from './credentials-stale-sync.js';
import { findRejections, MIN_LINES } from './credentials-rejections.js';
import { analyzeCredentialsServerRestart } from './credentials-server-restart.js';
import { outnumbersRejections } from './credentials-auth-plugin.js';
import { describeAdBindRefusal } from './credentials-ad-bind.js';
import { describeExpiredPassword } from './credentials-expired.js';
import { describeCertificateReissue } from './credentials-certificate-reissue.js';
import { describeScramMismatch } from './credentials-scram-mechanism.js';
import { describeVaultAgentRefusal } from './credentials-vault-agent.js';

/** The Secrets whose credentials are rejected, at most `max`: the collector reads the events of what keeps them in sync. */
export function listRejectedSecrets(ev: Pick<TriageEvidence, 'logs' | 'pods'>, max = 2): string[] {
  const r = findRejections(ev);
  return r.hits.length < MIN_LINES ? [] : r.secrets.slice(0, max);
}

/**
 * A dependency that rejects the workload's credentials. When they come from a Secret through an
 * environment variable, the running pods read it once, at start: a Secret rotated since then is
 * not seen until they restart — the usual story when nothing in the workload changed.
 */
export function analyzeRejectedCredentials(ev: TriageEvidence): Finding[] {
  const { hits, pods, podObjects, container, fromSecret, secrets } = findRejections(ev);
  if (hits.length < MIN_LINES) return [];
  // The driver cannot do the server's authentication method: the rejections are that handshake failing (credentials-auth-plugin.ts).
  if (outnumbersRejections(ev, hits.length)) return [];
  // The server restarted after these pods started and refuses them since: its side changed, not theirs.
  const restarted = analyzeCredentialsServerRestart(ev);
  if (restarted.length > 0) return restarted;
  // Active Directory said why it refuses the bind (data 775: locked out): its reading, not a rotation's.
  const ad = describeAdBindRefusal(ev, podObjects);
  if (ad) return [ad];
  // The database says the account's password expired: its reading, not a rotation's.
  const expired = describeExpiredPassword(ev, pods, podObjects);
  if (expired) return [expired];
  const decisive = condenseStructuredLine((hits[hits.length - 1] ?? hits[0])?.line.trim() ?? '');
  // The credentials come from Vault Agent and Vault refuses it: its reading (the max-TTL one tells it when that fits).
  const agent = describeVaultAgentRefusal(ev, { pods, podObjects, decisive });
  if (agent === null) return [];
  if (agent) return [agent];
  // The brokers hold the user's SCRAM credentials for another mechanism than the clients use: their log says so, not a rotation.
  const scram = describeScramMismatch(ev, { pods, podObjects, ...(container ? { container } : {}), decisive });
  if (scram) return [scram];
  // The client certificate is refused just after cert-manager re-issued the one the pods mount: that re-issue is the change.
  const reissued = describeCertificateReissue(ev, { pods, podObjects, hits, decisive });
  if (reissued) return [reissued];
  const started = podObjects.map((p) => p.startTime).filter((t): t is string => t !== undefined).sort()[0];
  const via = fromSecret.length > 0 ? `${fromSecret.map((f) => f.env).join(', ')} from Secret ${unique(fromSecret.map((f) => f.secret)).join(', ')}` : secrets.length > 0 ? `envFrom Secret ${secrets.join(', ')}` : undefined;
  const ref = formatWorkloadRef(ev.target);
  // The app says the credential arrived empty, and its key reference is optional: the key is gone.
  const unset = container ? findUnsetOptionalEnv(container.env ?? [], hits.map((h) => h.log).flatMap((l) => l.lines)) : undefined;
  if (unset && container) return [describeUnset(ev, unset, container.name, pods, podObjects, hits)];
  const sync = findSecretSyncFailure(ev.secretSyncEvents, secrets);
  if (sync && via) return [describeStaleSync(ev, sync, via, { pods, podObjects, hits, decisive })];
  return [
    {
      id: 'credentials-rejected',
      kind: 'credentials-rejected',
      title: `A dependency rejects the credentials of ${pods.length} pod${pods.length === 1 ? '' : 's'}${via ? `: ${via}, read when the pods started${started ? ` (${formatAgo(started, ev.collectedAt)})` : ''}` : ''}`,
      layer: 'container/process',
      severity: podObjects.some((p) => !p.ready) ? severityForPods(ev, podObjects.filter((p) => !p.ready).length) : 'warning',
      confidence: via ? 'high' : 'medium',
      evidence: [`${hits.length} lines in ${pods.length} pod${pods.length === 1 ? '' : 's'}`, ...hits.slice(-2).map((h) => `log ${h.log.pod}: ${condenseStructuredLine(h.line.trim())}`)],
      decisive,
      likelyCause: via
        ? `The dependency no longer accepts the credentials the pods hold. ${via} is read once, when a container starts: if the Secret was rotated since (a rotation job, external-secrets), the running pods still present the old value, and each new connection fails as pooled ones expire.`
        : 'The dependency no longer accepts the credentials the pods present: rotated on its side, or changed in configuration.',
      nextAction: via
        ? `If the Secret was rotated, restart the pods so they read it (\`${formatKubectl(ev.target, `rollout restart ${ref}`)}\` — the bot will not), and have rotation trigger a restart (or mount the Secret as a file); otherwise compare the credentials with the dependency's.`
        : 'Compare the credentials the pods use with what the dependency expects.',
      fix: via ? `restart the pods so they read the current ${secrets.join(', ') || 'credentials'}` : 'fix the credentials the pods present',
      confirmCommands: [formatKubectl(ev.target, `logs ${pods[0] ?? ''} --tail=100`), ...(secrets[0] ? [formatKubectl(ev.target, `get secret ${secrets[0]} -o jsonpath='{.metadata.managedFields[*].time}'`)] : [])],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}

/** The credential the app started without: the optional key reference is the lead, not a rotation. */
function describeUnset(ev: TriageEvidence, u: UnsetOptionalEnv, container: string, pods: string[], podObjects: PodEvidence[], hits: { log: { pod: string }; line: string }[]): Finding {
  const { source, refName } = describeOptionalRef(u);
  const same = describeSameRead(ev.revisions, container, u);
  return {
    id: 'credentials-rejected',
    kind: 'credentials-rejected',
    title: `A dependency rejects the credentials of ${pods.length} pod${pods.length === 1 ? '' : 's'}: they start with ${u.env} empty — ${source} has no key ${u.key} and the ${refName} is optional: true, so the kubelet leaves ${u.env} unset instead of failing the start`,
    layer: 'container/process',
    severity: podObjects.some((p) => !p.ready) ? severityForPods(ev, podObjects.filter((p) => !p.ready).length) : 'warning',
    confidence: 'high',
    evidence: [`env ${u.env} from ${source} key ${u.key}, optional: true`, `log ${hits[0]?.log.pod ?? ''}: ${condenseStructuredLine(u.line)}`, ...hits.slice(-1).map((h) => `log ${h.log.pod}: ${condenseStructuredLine(h.line.trim())}`)],
    // The app's own word that the credential arrived empty decides it; the rejection follows from it.
    decisive: condenseStructuredLine(u.line),
    likelyCause: `${source} no longer has key ${u.key} (renamed or dropped, e.g. by a new ExternalSecret template or an edit), and ${u.env}'s ${refName} is optional: true: for every container started since, the kubelet leaves the variable unset rather than refusing to start it (CreateContainerConfigError), so the app runs with an empty credential and the dependency rejects it. Pods started before the key went away still hold the value and keep working.`,
    nextAction: `${capitalize(fixOptionalKey(u))}. Do not restart the pods that still work: they hold the old value, and a restart starts them without it too.`,
    fix: fixOptionalKey(u),
    ...(same ? { outsideWorkload: same } : {}),
    confirmCommands: [formatKubectl(ev.target, `get ${u.kind === 'secret' ? 'secret' : 'configmap'} ${u.source} -o jsonpath='{.data}' | jq keys`), formatKubectl(ev.target, `logs ${pods[0] ?? ''} --previous --tail=100`)],
    affected: { pods, nodes: listNodesOf(podObjects) },
  };
}

