// A time-limited credential the pods are configured with (a storage SAS, a presigned URL, a token)
// ran out: the store refuses every request made with it, the pods stay Ready and nothing in the
// cluster changed. The expiry is the trigger; renewing the credential is the fix, and neither a
// restart nor a rollback helps (expired-signed-credential.ts).
import type { SettingConfigEvidence, SignedCredentialKind } from '../evidence-setting-config.js';
import type { IsoTime, TriageEvidence } from '../evidence.js';
import { findExpiredCredentialRefusals } from '../expired-signed-credential.js';
import type { ExpiredCredentialRefusals } from '../expired-signed-credential.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { MINUTE_MS, formatClock, formatSpan } from '../time-span.js';

/** A credential that expired up to this long after the first refusal seen is still its cause: the log tail may start late. */
const SLACK_MS = 5 * MINUTE_MS;

/** Which kinds of credential a refusal can be about: a SAS refusal is no JWT's. */
const FITS: Record<ExpiredCredentialRefusals['says'], readonly SignedCredentialKind[]> = {
  sas: ['SAS'],
  url: ['presigned URL', 'signed URL'],
  token: ['SAS', 'presigned URL', 'signed URL', 'token'],
};

/** The credential the pods' ConfigMaps hold that had expired when the refusals began. */
function findExpiredInConfig(config: readonly SettingConfigEvidence[], refused: ExpiredCredentialRefusals, now: IsoTime): SettingConfigEvidence | undefined {
  const until = Date.parse(refused.since ?? now) + SLACK_MS;
  return config
    .filter((c) => c.mechanism === 'credential-expiry' && c.credential !== undefined && FITS[refused.says].includes(c.credential.kind))
    .filter((c) => Date.parse(c.credential?.expiry ?? '') <= Math.min(until, Date.parse(now)))
    .sort((a, b) => Date.parse(b.credential?.expiry ?? '') - Date.parse(a.credential?.expiry ?? ''))[0];
}

const KIND_NAME: Record<ExpiredCredentialRefusals['says'], string> = { sas: 'SAS', url: 'presigned URL', token: 'token' };

export function analyzeExpiredSignedCredential(ev: TriageEvidence): Finding[] {
  const refused = findExpiredCredentialRefusals(ev.logs, ev.pods, ev.collectedAt);
  if (refused === undefined) return [];
  const kept = findExpiredInConfig(ev.settingConfig ?? [], refused, ev.collectedAt);
  // A bare "token expired" is no proof of a configured credential: only one read from config is.
  if (kept === undefined && (refused.says === 'token' || refused.statedExpiry === undefined)) return [];
  const expiry = kept?.credential?.expiry ?? refused.statedExpiry ?? '';
  if (Date.parse(expiry) > Date.parse(ev.collectedAt)) return [];
  const kind = kept?.credential?.kind ?? KIND_NAME[refused.says];
  const where = kept === undefined ? '' : ` in ConfigMap ${kept.configMap} (key ${kept.key}${kept.via === 'envFrom' || kept.via === kept.key ? `, ${kept.via === 'envFrom' ? 'envFrom' : 'env'}` : kept.via === 'mount' ? ', mounted' : `, env ${kept.via}`})`;
  const dated = kept !== undefined ? kept.written.replace(/^[^=]*=/, '').replace(/^.*\?…&|^…/, '').replace(/&…$/, '') : '';
  const answer = [refused.status, refused.code].filter((x) => x !== undefined).join(' ');
  const pods = ev.pods.filter((p) => refused.pods.includes(p.name));
  const unready = ev.pods.filter((p) => !p.ready).length;
  const ago = formatSpan(Math.max(0, Date.parse(ev.collectedAt) - Date.parse(expiry)));
  const decisive = `${answer !== '' ? `${answer}: ` : ''}${refused.detail}`;
  const fix = kept !== undefined
    ? `issue a new ${kind} and put it in ConfigMap ${kept.configMap} key ${kept.key} (better: keep it in a Secret, or move to a managed identity that needs none)`
    : `issue a new ${kind} and update it where the pods read it (better: a managed identity that needs none)`;
  return [{
    id: `expired-signed-credential/${kept?.configMap ?? refused.container}`,
    kind: 'credentials-rejected',
    title: `The ${kind}${where} expired at ${formatClock(expiry)}${dated !== '' ? ` (${dated})` : ''}: since then the store refuses every request made with it${answer !== '' ? ` (${answer})` : ''} — ${refused.refusals} refusals in the logs of ${refused.pods.length} pod${refused.pods.length === 1 ? '' : 's'}${unready === 0 ? ' (all pods ready)' : ''}`,
    onset: expiry,
    datesChange: true,
    outsideWorkload: `the ${kind} expired by its own date: every revision and every new pod gets the same refusal until it is renewed`,
    layer: 'container/process',
    severity: 'critical',
    confidence: kept !== undefined ? 'high' : 'medium',
    evidence: [
      ...(kept !== undefined ? [`ConfigMap ${kept.configMap}: ${kept.written} (expires ${expiry}, ${ago} ago)`] : [`expiry stated by the store: ${expiry}`]),
      `log ${refused.pods[0] ?? ''}: ${decisive}`,
    ],
    decisive,
    likelyCause:
      `A ${kind} carries its own expiry and is refused once past it, whatever runs with it. The ${kind}${where} ran out ${ago} ago, and the store has refused the pods' requests with "${refused.detail}" since. Nothing in the cluster had to change: the pods stay Ready because their probes do not use the credential, and restarting or rolling them back changes nothing.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}, then restart the pods if they read it as an environment variable. The bot will not change anything.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${refused.pods[0] ?? ''} --tail=200`),
      ...(kept !== undefined ? [formatKubectl(ev.target, `get configmap ${kept.configMap} -o jsonpath='{.data.${kept.key}}' | grep -oE '(se|X-Amz-Date|X-Amz-Expires|X-Goog-Date|X-Goog-Expires|Expires)=[^&]*'`)] : []),
    ],
    affected: { pods: refused.pods, nodes: listNodesOf(pods), ...(kept !== undefined ? { configMaps: [kept.configMap] } : {}) },
  }];
}
