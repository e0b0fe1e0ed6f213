// A database refusing the pods' logon because the account's password expired (password-expiry.ts):
// the server's code says so, so the pool's timeouts and the failed probes that follow are its
// effect, and neither a restart nor a rollback ends it — the account must be reset on the database.
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { fixPasswordExpiry, readPasswordExpiry } from '../password-expiry.js';
import { capitalize } from '../../text.js';

/** The expiry reading of the rejections, when the server's words say the password expired. */
export function describeExpiredPassword(ev: TriageEvidence, pods: string[], podObjects: PodEvidence[]): Finding | undefined {
  const names = new Set(pods);
  const lines = ev.logs.filter((l) => names.has(l.pod)).flatMap((l) => l.lines);
  const e = readPasswordExpiry(lines, podObjects.flatMap((p) => p.containers));
  if (e === undefined) return undefined;
  const db = [e.product ? `${e.product} ` : '', 'database', e.host ? ` ${e.host}` : ''].join('');
  const account = e.user ? `account ${e.user}` : 'the pods\' account';
  const failing = podObjects.filter((p) => !p.ready);
  const fix = fixPasswordExpiry(e);
  const decisive = condenseStructuredLine(e.line);
  return {
    id: 'credentials-rejected',
    kind: 'credentials-rejected',
    title: `The password of ${db} ${account} has expired: every new connection of ${pods.length} pod${pods.length === 1 ? '' : 's'} is refused at logon, so the pool drains as its connections retire and requests time out waiting for one`,
    layer: 'container/process',
    severity: failing.length > 0 ? severityForPods(ev, failing.length) : 'warning',
    confidence: 'high',
    evidence: [`log: ${decisive}`, ...(e.warned ? [`earlier: ${e.warned}`] : [])],
    decisive,
    likelyCause:
      `The ${db} refuses the logon of ${account} because its password expired (${e.product === 'Oracle' ? "the profile's PASSWORD_LIFE_TIME ran out" : 'its password lifetime ran out'})${e.warned ? `; the pods were warned at logon before ("${e.warned}")` : ''}. ` +
      'Connections opened before keep working until the pool retires them; after that none can be opened, so the pool empties and requests time out waiting for a connection. The timeouts are the symptom, not a network fault, and restarting or rolling back the pods changes nothing.',
    nextAction: `${capitalize(fix)}.`,
    fix,
    outsideWorkload: 'the database refuses the account itself, whatever revision or pod logs in as it',
    confirmCommands: [formatKubectl(ev.target, `logs ${pods[0] ?? ''} --tail=200`)],
    affected: { pods, nodes: listNodesOf(podObjects) },
  };
}
