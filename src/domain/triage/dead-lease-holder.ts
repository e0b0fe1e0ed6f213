/**
 * A leader-election Lease still held by a pod that died with its node: client-go's holder renews
 * the Lease until it stops, and nobody releases it when the machine goes down (no graceful
 * shutdown, no ReleaseOnCancel). The standbys keep logging "lock is held by <holder> and has not
 * yet expired" and take over only once leaseDuration has passed since the last renew — seconds by
 * default (15 s), an hour when someone raised it. Meanwhile nothing leads; force-deleting the dead
 * pod does not release the Lease, deleting the Lease does.
 */
import type { LogEvidence, PodEvidence } from './evidence.js';
import { formatSpan } from './time-span.js';

const HELD_BY = /lock is held by (\S+?) and has not yet expired/;
/** client-go's own lines that name the lock (namespace/name). */
const LEASE_NAME = /(?:attempting to acquire leader lease|failed to acquire lease|successfully acquired lease|failed to renew lease) ([\w.-]+\/[\w.-]+)/;
/** The lease's duration as an app logs it (`"leaseDurationSeconds":3600`, `leaseDuration=1h`) or a flag sets it. */
const DURATION = /\blease[-_]?duration(?:[-_]?seconds)?"?\s*[:=]\s*"?(\d+(?:\.\d+)?)(ms|s|m|h)?\b/i;
/** A standby that took over since: the wait is over. */
const ACQUIRED = /successfully acquired lease|became leader|started leading/i;
/** Only the recent part of each log says whether the standbys still wait. */
const TAIL_LINES = 40;

export interface DeadLeaseHolder {
  /** The pod client-go names as the holder. */
  holder: string;
  /** namespace/name of the Lease, when client-go's lines name it. */
  lease?: string;
  /** The pods whose logs wait on the holder. */
  waiting: string[];
  /** One of their lines, to quote. */
  line: string;
  /** The lease duration and where it was read, when the logs or the container's args say. */
  duration?: { seconds: number; from: string };
}

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

function readDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (m === null) return undefined;
  return Number(m[1]) * (UNIT_SECONDS[(m[2] ?? 's').toLowerCase()] ?? 1);
}

/** The Lease the standbys wait on, held by one of the `dead` pods (gone with their node); undefined when no log waits on one. */
export function findDeadLeaseHolder(dead: readonly PodEvidence[], pods: readonly PodEvidence[], logs: readonly LogEvidence[]): DeadLeaseHolder | undefined {
  const deadNames = new Set(dead.map((p) => p.name));
  const waits = logs.flatMap((log) => {
    if (deadNames.has(log.pod)) return [];
    const tail = log.lines.slice(-TAIL_LINES);
    const held = tail.filter((l) => deadNames.has(HELD_BY.exec(l)?.[1] ?? ''));
    const last = held.at(-1);
    if (last === undefined || tail.slice(tail.lastIndexOf(last)).some((l) => ACQUIRED.test(l))) return [];
    return [{ log, line: last, holder: HELD_BY.exec(last)?.[1] ?? '' }];
  });
  const first = waits[0];
  if (first === undefined) return undefined;
  const lines = waits.flatMap((w) => w.log.lines);
  // klog ends "attempting to acquire leader lease ns/name..." with dots that are no part of the name.
  const lease = lines.map((l) => LEASE_NAME.exec(l)?.[1]?.replace(/\.+$/, '')).find((n) => n !== undefined);
  const logged = lines.map((l) => ({ l, s: /lease/i.test(l) ? readDuration(l) : undefined })).find((x) => x.s !== undefined);
  const container = pods.find((p) => p.name === first.log.pod)?.containers.find((c) => c.name === first.log.container);
  const flag = [...(container?.command ?? []), ...(container?.args ?? [])].find((a) => readDuration(a) !== undefined);
  const duration = logged?.s !== undefined
    ? { seconds: logged.s, from: `the log of ${first.log.pod}` }
    : flag !== undefined ? { seconds: readDuration(flag) ?? 0, from: `flag ${flag}` } : undefined;
  return {
    holder: first.holder,
    ...(lease !== undefined ? { lease } : {}),
    waiting: [...new Set(waits.map((w) => w.log.pod))],
    line: first.line.trim(),
    ...(duration !== undefined ? { duration } : {}),
  };
}

/** How it is told beside the node's loss: no leader, the wait, the Lease to delete. */
export function tellDeadLeaseHolder(found: DeadLeaseHolder, node: string, namespace: string): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const lease = found.lease ?? `${namespace}/<lease>`;
  const [ns, name] = lease.split('/');
  const long = found.duration !== undefined && found.duration.seconds >= 300;
  const wait = found.duration === undefined
    ? 'until its leaseDuration has passed since the last renew'
    : `until leaseDuration (${found.duration.seconds}s) has passed since the last renew${long ? `: up to ${formatSpan(found.duration.seconds * 1000)} with no leader` : ''}`;
  const n = found.waiting.length;
  const fix = `delete the Lease ${lease} (kubectl delete lease ${name ?? ''} -n ${ns ?? namespace}) so a standby acquires it now${long ? ', and bring leaseDuration back to seconds (15s)' : ''}`;
  return {
    title: `the leader lease ${lease} is still held by ${found.holder}, which died with node ${node} without releasing it: ${n} standby pod${n === 1 ? '' : 's'} wait ("lock is held by … and has not yet expired") and nothing leads ${wait}`,
    cause: `client-go's leader renews its Lease until it stops; a leader lost with its machine never releases it, and the standbys take over only once leaseDuration has passed since its last renew${found.duration !== undefined ? ` (${found.duration.seconds}s, read from ${found.duration.from})` : ''}. Until then no replica does the leader's work, though every pod is Running and Ready.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)} (the bot will not run it); force-deleting the dead pod does not release the Lease. Keep new pods off node ${node} (kubectl cordon ${node}).`,
    fix,
    evidence: [
      `${found.waiting.join(', ')}: ${found.line}`,
      ...(found.duration !== undefined ? [`leaseDuration ${found.duration.seconds}s, from ${found.duration.from}`] : []),
    ],
  };
}
