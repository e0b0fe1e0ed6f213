/**
 * Active Directory's reason for refusing an LDAP bind. Every refused bind is "LDAP: error code 49
 * … AcceptSecurityContext error, data XXX": the data code says why — a wrong password (52e) is
 * the client's to fix, but a locked, disabled or expired account is the directory's state, and a
 * restart of the pods changes nothing. A locked account (775) while the pods hold the right
 * password means something else keeps binding as the same account with a wrong (old) one: a
 * CronJob or Job of the namespace whose env names the same account is the lead.
 */
import type { LogEvidence, NamespaceJobEvidence, NamespaceJobsEvidence } from './evidence.js';
import type { EnvVarEvidence } from './evidence-spec.js';

const AD_DATA = /AcceptSecurityContext error, data ([0-9a-f]{3,4})\b/i;

/** What each data code means, and what ends it (Microsoft's "LDAP error 49" sub-codes). */
const READINGS: Record<string, { reading: string; remedy: string }> = {
  '525': { reading: 'the account does not exist', remedy: 'fix the bind DN the pods use (the account is not found)' },
  '52e': { reading: 'invalid credentials (wrong password)', remedy: 'give the pods the account\'s current password' },
  '530': { reading: 'the account may not log on at this time', remedy: 'lift the account\'s logon-hours restriction in AD' },
  '531': { reading: 'the account may not log on from this host', remedy: 'lift the account\'s workstation restriction in AD' },
  '532': { reading: 'the account\'s password expired', remedy: 'set a new password on the account in AD (and mark it non-expiring for a service account), then give it to the pods' },
  '533': { reading: 'the account is disabled', remedy: 'have the directory team re-enable the account' },
  '701': { reading: 'the account expired', remedy: 'have the directory team extend the account\'s expiry' },
  '773': { reading: 'the account must reset its password', remedy: 'set the account\'s password in AD (clear "must change at next logon"), then give it to the pods' },
  '775': { reading: 'the account is locked out', remedy: 'unlock the account in AD once nothing binds with a wrong password any more' },
};

export interface AdBindRefusal {
  code: string;
  reading: string;
  remedy: string;
  /** The shortest line carrying the code: the decisive quote. */
  line: string;
  pods: string[];
  count: number;
}

/** The data code of an AD bind refusal on this line, if any (lower case). */
export function readAdDataCode(line: string): string | undefined {
  const code = AD_DATA.exec(line)?.[1]?.toLowerCase();
  return code !== undefined && READINGS[code] !== undefined ? code : undefined;
}

/** The directory's reason for refusing the pods' binds: a lockout first (it outlasts any password), else the most frequent code. */
export function findAdBindRefusal(logs: readonly LogEvidence[]): AdBindRefusal | undefined {
  const byCode = new Map<string, { lines: string[]; pods: Set<string> }>();
  for (const l of logs) {
    for (const line of l.lines) {
      const code = readAdDataCode(line);
      if (code === undefined) continue;
      const entry = byCode.get(code) ?? { lines: [], pods: new Set<string>() };
      entry.lines.push(line.trim());
      entry.pods.add(l.pod);
      byCode.set(code, entry);
    }
  }
  const ranked = [...byCode.entries()].sort((a, b) => Number(b[0] === '775') - Number(a[0] === '775') || b[1].lines.length - a[1].lines.length);
  const [code, entry] = ranked[0] ?? [];
  const meaning = code === undefined ? undefined : READINGS[code];
  if (code === undefined || entry === undefined || meaning === undefined) return undefined;
  const line = [...entry.lines].sort((a, b) => a.length - b.length)[0] ?? '';
  return { code, ...meaning, line, pods: [...entry.pods], count: entry.lines.length };
}

/** The namespace's Jobs are worth a list when AD says the account is locked: what else binds as it. */
export function needsLockedAccountJobs(logs: readonly LogEvidence[]): boolean {
  return logs.some((l) => l.lines.some((line) => readAdDataCode(line) === '775'));
}

const BIND_ENV = /BIND_?DN|(?:LDAP|AD)_?(?:USER(?:NAME)?|PRINCIPAL|MANAGER_?DN|BIND_?USER)/i;
const DN = /^\s*CN=([^,]+),/i;

/** The account the container binds as: a literal DN ("CN=svc-x,OU=…") or an LDAP user env value. */
export function findBindAccount(env: readonly EnvVarEvidence[]): { dn: string; name: string } | undefined {
  const literal = env.flatMap((e) => ('value' in e && e.value !== '' ? [e] : []));
  const hit = literal.find((e) => DN.test(e.value)) ?? literal.find((e) => BIND_ENV.test(e.name));
  if (hit === undefined || !('value' in hit)) return undefined;
  const name = DN.exec(hit.value)?.[1]?.trim() ?? hit.value.replace(/^.*\\/, '').replace(/@.*$/, '');
  return { dn: hit.value, name };
}

export interface AccountUser {
  /** "CronJob ad-group-sync", or "Job x" for one made by hand. */
  workload: string;
  jobs: NamespaceJobEvidence[];
  failed: number;
  /** The Secrets its pods take values from: where its password comes from. */
  secrets: string[];
}

/** The namespace's CronJobs (or Jobs) whose pods bind as the same account, the one whose runs fail first. */
export function findAccountUsers(all: NamespaceJobsEvidence | undefined, account: { dn: string; name: string }): AccountUser[] {
  if (all === undefined) return [];
  const dn = account.dn.toLowerCase();
  const named = new RegExp(`(?:^|[=\\\\,\\s])(?:CN=)?${account.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[,@\\s]|$)`, 'i');
  const users = new Map<string, AccountUser>();
  for (const j of all.jobs) {
    const binds = (j.commandAndEnv ?? []).some((t) => t.toLowerCase().includes(dn) || named.test(t.replace(/^[A-Z0-9_]+=/i, '=')));
    if (!binds) continue;
    const workload = j.owner ? `${j.owner.kind} ${j.owner.name}` : `Job ${j.name}`;
    const u = users.get(workload) ?? { workload, jobs: [], failed: 0, secrets: [] };
    u.jobs.push(j);
    if (j.state === 'failed') u.failed++;
    for (const r of j.configRefs ?? []) if (r.kind === 'secret' && !u.secrets.includes(r.name)) u.secrets.push(r.name);
    users.set(workload, u);
  }
  return [...users.values()].sort((a, b) => b.failed - a.failed);
}

/** Runs whose logs are read for what the directory told them: the newest failed ones, at most three. */
const MAX_RUNS = 3;

/** When the workload's account is locked out: the newest failed runs of the Job that binds as the same account (their logs say with what). */
export function pickAccountJobRuns(ev: { logs: readonly LogEvidence[]; pods: readonly { containers: readonly { env?: EnvVarEvidence[] }[] }[]; namespaceJobs?: NamespaceJobsEvidence }): NamespaceJobEvidence[] {
  if (!needsLockedAccountJobs(ev.logs)) return [];
  const account = findBindAccount(ev.pods.flatMap((p) => p.containers).flatMap((c) => c.env ?? []));
  const user = account === undefined ? undefined : findAccountUsers(ev.namespaceJobs, account)[0];
  if (user === undefined) return [];
  const newestFirst = [...user.jobs].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  return [...newestFirst.filter((j) => j.state === 'failed'), ...newestFirst.filter((j) => j.state !== 'failed')].slice(0, MAX_RUNS);
}

/** The lines of a run's log worth keeping: those that carry an AD bind refusal. */
export function keepBindRefusals(lines: readonly string[], max = 6): string[] {
  return lines.filter((l) => readAdDataCode(l) !== undefined).slice(-max).map((l) => (l.length > 400 ? l.slice(0, 400) : l));
}
