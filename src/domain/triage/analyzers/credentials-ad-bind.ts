// Active Directory refusing the pods' LDAP bind, read by its data code (ad-bind-refusal.ts): a
// locked, disabled or expired account is not fixed by a restart; a locked one names what else
// binds as the account with a wrong password (a CronJob of the namespace) as what keeps locking it.
import { findAccountUsers, findAdBindRefusal, findBindAccount, readAdDataCode } from '../ad-bind-refusal.js';
import type { AccountUser, AdBindRefusal } from '../ad-bind-refusal.js';
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import { capitalize } from '../../text.js';

/** The AD reading of the rejections, when the directory gave a code other than a plain wrong password (52e: the generic reading holds). */
export function describeAdBindRefusal(ev: TriageEvidence, podObjects: PodEvidence[]): Finding | undefined {
  const names = new Set(podObjects.map((p) => p.name));
  const refusal = findAdBindRefusal(ev.logs.filter((l) => names.has(l.pod)));
  if (refusal === undefined || refusal.code === '52e') return undefined;
  const env = podObjects.flatMap((p) => p.containers).flatMap((c) => c.env ?? []);
  const account = findBindAccount(env);
  const who = account ? `service account ${account.name}` : 'the pods\' service account';
  const user = refusal.code === '775' && account ? findAccountUsers(ev.namespaceJobs, account)[0] : undefined;
  const pods = refusal.pods;
  const failing = podObjects.filter((p) => !p.ready);
  return {
    id: 'credentials-rejected',
    kind: 'credentials-rejected',
    title: `Active Directory refuses the LDAP bind of ${who}: ${refusal.reading} (AD data ${refusal.code})${user ? ` — ${describeLocker(ev, user)}` : ''}`,
    layer: 'container/process',
    severity: failing.length > 0 ? severityForPods(ev, failing.length) : 'warning',
    confidence: 'high',
    evidence: [`${refusal.count} lines with AD data ${refusal.code} in ${pods.length} pod${pods.length === 1 ? '' : 's'}`, `log: ${condenseStructuredLine(refusal.line)}`, ...(user ? [`${user.workload}: ${user.failed} of its last ${user.jobs.length} Jobs failed; it binds as ${account?.dn ?? ''}${user.secrets.length > 0 ? ` with a password from Secret ${user.secrets.join(', ')}` : ''}`, ...[findWrongPasswordRun(ev, user)].flatMap((w) => (w ? [`log of Job ${w.job}: ${condenseStructuredLine(w.line)}`] : []))] : [])],
    decisive: condenseStructuredLine(refusal.line),
    likelyCause: likelyCause(refusal, who, user),
    nextAction: nextAction(ev.target, refusal, user),
    fix: user ? `give ${user.workload} the account's current password (or suspend it), then unlock ${account?.name ?? 'the account'} in AD` : refusal.remedy,
    outsideWorkload: 'the directory refuses the account itself, whatever revision or pod binds as it',
    ...(user ? { datesChange: true as const } : {}),
    confirmCommands: [formatKubectl(ev.target, `logs ${pods[0] ?? ''} --tail=100`), ...(user ? [formatKubectl(ev.target, `get jobs --sort-by=.metadata.creationTimestamp`)] : [])],
    affected: { pods, nodes: listNodesOf(podObjects.filter((p) => pods.includes(p.name))) },
  };
}

function describeLocker(ev: TriageEvidence, u: AccountUser): string {
  const newest = u.jobs.map((j) => j.finishedAt ?? j.createdAt).filter((t): t is string => t !== undefined).sort().at(-1);
  const runs = u.failed > 0 ? `its runs fail (${u.failed} of its last ${u.jobs.length} Jobs${newest ? `, newest ${formatAgo(newest, ev.collectedAt)}` : ''})` : 'it runs';
  const wrong = findWrongPasswordRun(ev, u);
  const own = u.secrets.length > 0 ? ` with its own Secret ${u.secrets.join(', ')}` : '';
  if (wrong) return `what keeps locking it: ${u.workload} in the namespace binds as the same account${own} and its Job ${wrong.job} is refused for invalid credentials (AD data 52e): a wrong (old) password`;
  return `${u.workload} in the namespace binds as the same account${own} and ${runs}: if it holds an old password, it keeps re-locking the account`;
}

/** A run of the Job whose log says AD refused its bind for a wrong password (52e). */
function findWrongPasswordRun(ev: TriageEvidence, u: AccountUser): { job: string; line: string } | undefined {
  const names = new Set(u.jobs.map((j) => j.name));
  for (const r of ev.accountJobLogs ?? []) {
    if (!names.has(r.job)) continue;
    const line = r.lines.find((l) => readAdDataCode(l) === '52e');
    if (line !== undefined) return { job: r.job, line };
  }
  return undefined;
}

function likelyCause(r: AdBindRefusal, who: string, u: AccountUser | undefined): string {
  if (r.code !== '775') return `Active Directory refuses every bind of ${who} because ${r.reading} (data ${r.code}): the password the pods hold is not the question, and restarting them changes nothing.`;
  return `Active Directory locks an account after too many binds with a wrong password, and refuses it (data 775) even with the right one until the lockout ends or someone unlocks it. ${u
    ? `${u.workload} binds as the same account with its own copy of the password: after a rotation it still holds the old one, so each run's binds fail (data 52e, a wrong password) and re-lock the account for every other user of it.`
    : 'Something else still binds as this account with a wrong password (an old copy after a rotation: a CronJob, another service, a person\'s tool) and keeps re-locking it.'} Restarting the pods does not help: they are refused for the lockout, not for their password.`;
}

function nextAction(target: TriageEvidence['target'], r: AdBindRefusal, u: AccountUser | undefined): string {
  if (r.code !== '775') return `${capitalize(r.remedy)}. Do not restart the pods for it: the directory refuses the account, not their copy of the password.`;
  return u
    ? `Give ${u.workload} the account's current password${u.secrets.length > 0 ? ` (its Secret ${u.secrets.join(', ')})` : ''}, or suspend it meanwhile (\`${formatKubectl(target, `patch ${u.workload.toLowerCase().replace(' ', '/')} -p '{"spec":{"suspend":true}}'`)}\` — the bot will not), then have the directory team unlock the account. Do not restart the pods: they are refused for the lockout.`
    : 'Find what else binds as the account with an old password (the domain controllers\' event 4740 names the caller computer), fix or stop it, then have the directory team unlock the account. Do not restart the pods: they are refused for the lockout.';
}
