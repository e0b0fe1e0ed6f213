/**
 * A Job run whose pods all connect to one server at once, some getting through and the others cut
 * off while the connection is being set up — sshd resetting them at key exchange, a database
 * answering "too many clients" — after the run was made to start more pods at once than the last
 * good run did: the server's cap on simultaneous connections (sshd MaxStartups, max_connections),
 * not credentials nor the network. The pods of one run share image, key and network path; how
 * many of them connect together is what separates the ones that failed. Pure.
 */
import type { JobEvidence, LogEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { findCondition } from './evidence-lookup.js';
import { getLastTermination } from './pod-status.js';

/** A server's refusal that says it is at its cap of connections at once, with the setting that caps it. */
interface CapSign {
  server: string;
  setting: string;
  pattern: RegExp;
  /** Cut before any credential is offered: the refusal is no verdict on the key or password. */
  beforeAuth: boolean;
}

/**
 * OpenSSH's client when sshd drops the connection before the banner exchange ends (older clients
 * say ssh_exchange_identification), paramiko's when no banner comes: sshd does that to new
 * unauthenticated connections past MaxStartups. Other servers name their cap outright.
 */
const CAP_SIGNS: readonly CapSign[] = [
  { server: 'sshd', setting: 'MaxStartups', pattern: /\b(?:kex|ssh)_exchange_identification: (?:read: )?Connection (?:reset by peer|closed by remote host)|Error reading SSH protocol banner/i, beforeAuth: true },
  { server: 'PostgreSQL', setting: 'max_connections', pattern: /too many clients already|remaining connection slots are reserved/i, beforeAuth: false },
  { server: 'PgBouncer', setting: 'max_client_conn', pattern: /no more connections allowed \(max_client_conn\)/i, beforeAuth: false },
  { server: 'MySQL', setting: 'max_connections', pattern: /Too many connections\b|ERROR 1040\b/i, beforeAuth: false },
  { server: 'Redis', setting: 'maxclients', pattern: /max number of clients reached/i, beforeAuth: false },
  { server: 'the FTP server', setting: 'its per-server or per-IP client limit', pattern: /\b421\b.*\btoo many (?:connections|users|clients)\b/i, beforeAuth: false },
];

/** The client got as far as offering its credentials and was refused them: an auth fault, not a cap. */
const AUTH_REFUSED = /Permission denied \((?:publickey|password|keyboard-interactive)|Authentication failed|password authentication failed|Access denied for user|WRONGPASS|NOAUTH/i;

/** ssh's "Connection reset by 203.0.113.9 port 22": the server that cut it. */
const SSH_PEER = /Connection (?:reset|closed) by ([\w.:[\]-]+) port (\d+)/;

export interface ParallelConnectionCap {
  server: string;
  setting: string;
  beforeAuth: boolean;
  /** The run's pods whose log ends on the refusal, of `failed` that failed. */
  refused: string[];
  failed: number;
  /** Its pods that completed: the same image and credentials got through. */
  succeeded: number;
  /** The refusal as logged, and the server's address when the client names it ("203.0.113.9 port 22"). */
  line: string;
  peer?: string;
  /** How many pods the run starts together, and the last good run's when it started fewer. */
  atOnce: number;
  before?: { run: string; atOnce: number };
}

/** Pods a Job runs together: its parallelism (1 when unset), no more than its completions. */
export function countAtOnce(job: Pick<JobEvidence, 'parallelism' | 'completions'>): number {
  const parallelism = job.parallelism ?? 1;
  return job.completions === undefined ? parallelism : Math.min(parallelism, job.completions);
}

const isComplete = (j: JobEvidence): boolean => findCondition(j.conditions, 'Complete')?.status === 'True';
const createdMs = (j: JobEvidence): number => (j.createdAt === undefined ? 0 : Date.parse(j.createdAt));

function failedOf(pods: readonly PodEvidence[]): PodEvidence[] {
  return pods.filter((p) => p.containers.some((c) => (getLastTermination(c)?.exitCode ?? 0) !== 0));
}

/** The cap sign a pod's log ends on, unless the same log shows its credentials refused. */
function readRefusal(logs: readonly LogEvidence[]): { sign: CapSign; line: string; peer?: string } | undefined {
  const lines = logs.flatMap((l) => l.lines.slice(-60));
  if (lines.some((x) => AUTH_REFUSED.test(x))) return undefined;
  for (const sign of CAP_SIGNS) {
    const line = lines.find((x) => sign.pattern.test(x));
    if (line === undefined) continue;
    const peer = lines.map((x) => SSH_PEER.exec(x)).find((m) => m !== null);
    return { sign, line: line.trim(), ...(sign.server === 'sshd' && peer ? { peer: `${peer[1] ?? ''} port ${peer[2] ?? ''}` } : {}) };
  }
  return undefined;
}

/**
 * The cap `run` met, when some of its pods completed and most of those that failed were refused
 * at connection setup by the same kind of server. A cut at SSH key exchange says nothing of the
 * cap by itself (a firewall or a ban list cuts there too), so it counts only when the run starts
 * more pods at once than the last good run did; a server that names its cap needs no such raise.
 */
export function findParallelConnectionCap(ev: Pick<TriageEvidence, 'jobs' | 'pods' | 'logs'>, run: JobEvidence): ParallelConnectionCap | undefined {
  const pods = ev.pods.filter((p) => p.jobName === run.name);
  const succeeded = Math.max(run.succeeded, pods.filter((p) => p.phase === 'Succeeded').length);
  const atOnce = countAtOnce(run);
  if (succeeded === 0 || atOnce < 2) return undefined;
  const failing = failedOf(pods);
  const read = failing.flatMap((p) => {
    const logs = ev.logs.filter((l) => l.pod === p.name);
    return logs.length === 0 ? [] : [{ pod: p.name, refusal: readRefusal(logs) }];
  });
  const found = read.find((r) => r.refusal !== undefined)?.refusal;
  if (found === undefined) return undefined;
  const same = read.flatMap((r) => (r.refusal?.sign === found.sign ? [{ pod: r.pod, refusal: r.refusal }] : []));
  const refused = same.map((r) => r.pod);
  // The line most of them logged, to quote.
  const count = (line: string): number => same.filter((r) => r.refusal.line === line).length;
  const first = [...same].sort((a, b) => count(b.refusal.line) - count(a.refusal.line))[0]?.refusal ?? found;
  if (refused.length * 2 < read.length) return undefined;
  const lastGood = [...(ev.jobs ?? [])].sort((a, b) => createdMs(b) - createdMs(a)).find((j) => j !== run && isComplete(j) && createdMs(j) < createdMs(run));
  const before = lastGood !== undefined && countAtOnce(lastGood) < atOnce ? { run: lastGood.name, atOnce: countAtOnce(lastGood) } : undefined;
  if (first.sign.beforeAuth && before === undefined) return undefined;
  return {
    server: first.sign.server,
    setting: first.sign.setting,
    beforeAuth: first.sign.beforeAuth,
    refused,
    failed: failing.length,
    succeeded,
    line: first.line,
    ...(first.peer ? { peer: first.peer } : {}),
    atOnce,
    ...(before ? { before } : {}),
  };
}

/** The words of the reading: the clause for a title, why, what to do and the evidence lines. */
export function tellParallelConnectionCap(cap: ParallelConnectionCap, where: 'CronJob' | 'Job'): { clause: string; cause: string; action: string; fix: string; evidence: string[] } {
  const n = cap.refused.length;
  const at = cap.peer ? ` by ${cap.peer}` : ` by ${cap.server}`;
  const how = cap.beforeAuth ? 'at SSH key exchange, before any key was offered' : 'at connection setup';
  const setting = `${cap.server} ${cap.setting}`;
  const raised = cap.before ? `; the last good run (${cap.before.run}) started ${cap.before.atOnce} at once` : '';
  const sshd = cap.beforeAuth
    ? ' sshd caps the connections that have not yet authenticated (MaxStartups) and drops new ones past it (10:30:100 by default: with 10 pending it refuses 30% of new ones, rising to all of them at 100), and the client sees the reset at key exchange, before it offers its key — so the key and the login are not at fault, and the network path is the one the other pods got through.'
    : '';
  const field = where === 'CronJob' ? 'the CronJob\'s spec.jobTemplate.spec.parallelism' : 'the Job\'s parallelism';
  const back = cap.before ? `Set ${field} back to ${cap.before.atOnce} (the last good run's)` : `Lower ${field}`;
  return {
    clause: `${n === cap.failed ? (n === 1 ? 'it was' : 'each') : `${n} of them`} cut off${at} ${how} ("${cap.line}"), while ${cap.succeeded} got through — ${cap.atOnce} pods connecting at once are more simultaneous connections than the server accepts (${setting})`,
    cause: `The pods of one run share the image, the login and the network path, yet only some got through: what separates them is how many connect at once.${sshd || ` ${cap.server} caps simultaneous connections (${cap.setting}) and refuses those past it, whoever holds the others.`} The run starts ${cap.atOnce} pods together${cap.before ? ` where the last good run started ${cap.before.atOnce}` : ''}.`,
    action: `${back}, or stagger the pods' connections (a random delay, a retry with backoff when the connection is cut), or ask the server's owner to raise ${cap.setting}; then re-run the Job (a failed Job is not retried by itself).`,
    fix: `${cap.before ? `set parallelism back to ${cap.before.atOnce}` : 'lower parallelism'} (or stagger the connections) and re-run the Job`,
    evidence: [`${n} failed pod${n === 1 ? '' : 's'} cut off at connection setup (${cap.refused.slice(0, 3).join(', ')}${n > 3 ? ', …' : ''}): ${cap.line}`, `${cap.succeeded} pod${cap.succeeded === 1 ? '' : 's'} of the same run completed; ${cap.atOnce} start at once${raised}`],
  };
}
