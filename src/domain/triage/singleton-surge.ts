/**
 * A singleton consumer met by its own rolling update. Some resources outside the pod take one
 * holder at a time — a PostgreSQL replication slot (one walsender streams from it), a RabbitMQ
 * queue consumed exclusively, a leader or advisory lock — and a Deployment of one replica that uses one is a singleton. A RollingUpdate
 * with surge starts the new pod before it stops the old one, which still holds the resource: the
 * new pod is refused ("replication slot … is active for PID …"), exits or retries for ever, and
 * the rollout can never finish while the old pod keeps working. Any revision's rollout meets it,
 * a rollback's too; the fix is to stop the old pod first (strategy Recreate) or a leader lock that
 * lets the new pod wait. shared-store-lock.ts reads the same surge for a lock on a shared volume.
 * Resources whose newer holder wins (the older connection is dropped) show in the old pod's log
 * instead, and are not read here.
 */
import type { IsoTime, PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { getDesiredReplicas } from './pod-status.js';
import { readLineTime } from './request-silence.js';
import { diffRevisions, sortRevisions } from './revision-diff.js';
import { earliest } from './time-span.js';

export interface SingletonSign {
  /** What takes one holder: "PostgreSQL replication slot". */
  name: string;
  /** The resource in a word: "slot". */
  noun: string;
  /** The refusal a second holder gets. */
  sign: RegExp;
  /** The resource's name and who holds it, where the refusal gives them. */
  read?: (m: RegExpExecArray) => { resource?: string | undefined; holder?: string | undefined };
  /** Why a second holder is refused, in the resource's own terms. */
  rule: string;
  /** How the holder is named in the refusal: "backend PID". */
  holderWord?: string;
}

export const SINGLETON_SIGNS: readonly SingletonSign[] = [
  {
    name: 'PostgreSQL replication slot',
    noun: 'slot',
    // JSON logs escape the quotes around the slot's name.
    sign: /replication slot \\*"([^"\\]+)\\*" is (?:already )?active for PID (\d+)(?: \(SQLSTATE 55006\))?/,
    rule: 'PostgreSQL lets one connection at a time stream from a replication slot: START_REPLICATION on a slot another backend is active on fails (SQLSTATE 55006) until that backend disconnects',
    holderWord: 'backend PID',
    read: (m) => ({ resource: m[1], holder: m[2] }),
  },
  {
    name: 'RabbitMQ exclusive queue',
    noun: 'queue',
    sign: /(?:ACCESS_REFUSED - queue '([^']+)' in vhost '[^']*' in exclusive use|RESOURCE_LOCKED - cannot obtain exclusive access to locked queue '([^']+)')/,
    rule: 'RabbitMQ lets one connection consume (or own) an exclusive queue: another is refused while the first stays connected',
    read: (m) => ({ resource: m[1] ?? m[2] }),
  },
  {
    name: 'leader/advisory lock',
    noun: 'lock',
    sign: /(?:could not|couldn't|unable to|failed to|cannot) (?:acquire|obtain|take) (?:the )?(?:advisory|leader(?:ship)?|singleton|exclusive|instance) lock(?: (?:on|for) )?(?: ?["'`]([\w.:/-]+)["'`])?(?:[^\n]{0,40}?(?:held|owned) by (?:pid |PID |process |instance |host )?["'`]?([\w.:/-]+))?/i,
    rule: 'the lock takes one holder: another instance cannot take it while the first keeps it',
    read: (m) => ({ resource: m[1], holder: m[2] }),
  },
];

export interface SingletonSurge {
  sign: SingletonSign;
  /** The resource's name as the refusal gives it. */
  resource?: string;
  /** Who holds it, as the refusal names it (a backend PID). */
  holderId?: string;
  /** The refusal's words, unescaped. */
  quote: string;
  /** The newest revision's pods refused, with how often they restarted. */
  refused: { pod: string; restarts: number; lines: number }[];
  /** Whether a refused pod's last run ended on the refusal and it restarts again and again. */
  crashing: boolean;
  /** The older revision's pod that runs on, holding it. */
  holder: PodEvidence;
  /** A line of the holder's own log that shows it took the resource (names the holder id or the resource). */
  holderLine?: string;
  from?: number;
  to: RevisionEvidence;
  /** "maxSurge 1, maxUnavailable 0" as written; the defaults named when not. */
  surge: string;
  /** The newest revision when its change-cause names the strategy (ReplicaSets do not record it). */
  setBy?: RevisionEvidence;
  /** What the newest revision changed in how the Deployment is rendered (its chart), which may carry the strategy. */
  chartChange?: string;
  onset?: IsoTime;
}

/** Restarts it takes for a pod that exits on the refusal at start to be dying of it. */
const CRASH_RESTARTS = 2;
/** Refusals it takes from a pod that retries rather than exits. */
const MIN_REFUSALS = 3;

/** Whether a RollingUpdate's maxSurge lets a new pod start beside the old one: not "0" nor "0%" (the default is 25%, at least one pod). */
function surges(maxSurge: string | undefined): boolean {
  return maxSurge === undefined || !/^\s*0+%?\s*$/.test(maxSurge);
}

function unescape(s: string): string {
  return s.replace(/\\+"/g, '"');
}

/**
 * The newest revision's pods of a one-replica Deployment refused a one-holder resource while a
 * pod of an older revision runs on beside them, the Deployment rolling with surge. Undefined when
 * the strategy is Recreate, when more than one replica is wanted (replicas share the resource
 * whatever the rollout), or when an older pod logs the refusal too.
 */
export function findSingletonSurge(ev: TriageEvidence): SingletonSurge | undefined {
  const settings = ev.workload?.rolloutSettings;
  if (ev.target.kind !== 'Deployment' || settings?.strategy !== 'RollingUpdate' || !surges(settings.maxSurge)) return undefined;
  if (getDesiredReplicas(ev) !== 1) return undefined;
  const [newest, previous] = sortRevisions(ev.revisions);
  if (newest === undefined) return undefined;
  const holder = ev.pods.find((p) => p.revisionHash !== undefined && p.revisionHash !== newest.hash && p.deletionTimestamp === undefined && p.phase === 'Running');
  if (holder === undefined) return undefined;
  const byName = new Map(ev.pods.map((p) => [p.name, p]));
  for (const sign of SINGLETON_SIGNS) {
    const counts = new Map<string, number>();
    const times: IsoTime[] = [];
    let match: RegExpExecArray | undefined;
    const endedOn = new Set<string>();
    for (const log of ev.logs) {
      if (!byName.has(log.pod)) continue;
      for (const line of log.lines) {
        const m = sign.sign.exec(line);
        if (m === null) continue;
        match = m;
        counts.set(log.pod, (counts.get(log.pod) ?? 0) + 1);
        const t = readLineTime(line);
        if (t !== undefined) times.push(t);
      }
      // A run that ended on the refusal: it is among the last lines of the previous run.
      if (log.previous && log.lines.slice(-3).some((l) => sign.sign.test(l))) endedOn.add(log.pod);
    }
    if (match === undefined) continue;
    const pods = [...counts.keys()].map((n) => byName.get(n)).filter((p): p is PodEvidence => p !== undefined);
    // Only the new revision's pods are refused: an old pod refused too is another story (two consumers of any revision).
    // Where the second holder is the one that loses (the older connection dropped), the old pod logs it: not this reading.
    if (pods.length === 0 || !pods.every((p) => p.revisionHash === newest.hash)) continue;
    const refused = pods.map((p) => ({ pod: p.name, restarts: Math.max(0, ...p.containers.map((c) => c.restartCount)), lines: counts.get(p.name) ?? 0 }));
    const crashing = refused.some((r) => r.restarts >= CRASH_RESTARTS && endedOn.has(r.pod));
    if (!crashing && refused.reduce((n, r) => n + r.lines, 0) < MIN_REFUSALS) continue;
    const { resource, holder: holderId } = sign.read?.(match) ?? {};
    const holderLine = findHolderLine(ev, holder, holderId, resource);
    const from = ev.revisions.find((r) => r.hash === holder.revisionHash)?.revision;
    const setBy = newest.changeCause !== undefined && /rolling ?update|max ?surge|\bstrategy\b|\brecreate\b/i.test(newest.changeCause) ? newest : undefined;
    // A chart renders the strategy with the template: a revision that moved chart may have changed both.
    const chartChange = previous === undefined ? undefined : diffRevisions(previous, newest).find((l) => /helm\.sh\/chart/.test(l)) ?? (newest.changeCause !== undefined && /\bchart\b/i.test(newest.changeCause) ? `change-cause "${newest.changeCause}"` : undefined);
    const onset = earliest(times);
    return {
      sign,
      ...(resource !== undefined ? { resource } : {}),
      ...(holderId !== undefined ? { holderId } : {}),
      quote: unescape(match[0]),
      refused,
      crashing,
      holder,
      ...(holderLine !== undefined ? { holderLine } : {}),
      ...(from !== undefined ? { from } : {}),
      to: newest,
      surge: `maxSurge ${settings.maxSurge ?? '25% (the default)'}, maxUnavailable ${settings.maxUnavailable ?? '25% (the default)'}`,
      ...(setBy !== undefined ? { setBy } : {}),
      ...(chartChange !== undefined ? { chartChange } : {}),
      ...(onset !== undefined ? { onset } : {}),
    };
  }
  return undefined;
}

/** The first line of the old pod's own log naming the holder id (else the resource) as a whole word: it took the resource then. */
function findHolderLine(ev: TriageEvidence, holder: PodEvidence, holderId: string | undefined, resource: string | undefined): string | undefined {
  const lines = ev.logs.filter((l) => l.pod === holder.name).flatMap((l) => l.lines);
  for (const token of [holderId, resource]) {
    if (token === undefined) continue;
    const word = new RegExp(`(?<![\\w.-])${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);
    const line = lines.find((l) => word.test(l) && !/\berror\b|\bfatal\b|refused/i.test(l));
    if (line !== undefined) return line.trim();
  }
  return undefined;
}
