/**
 * A database server that refuses to upgrade a data directory its older version left without a
 * clean shutdown: InnoDB (MySQL 8.0, MariaDB) will not apply a redo log an older release wrote
 * ("Upgrade after a crash is not supported. This redo log was created with MySQL 5.7…"; MySQL
 * 8.0.30+: "Cannot upgrade format (v…) of redo log files when redo log is not logically empty").
 * A new version reaches a pod only when the pod is made again, and the stop that made it again is
 * often the very one that left the log dirty: a kubelet's eviction under node pressure, a
 * preemption, a node lost — a StatefulSet with updateStrategy OnDelete whose template already
 * carries the new image hands it to any pod that is evicted or deleted, long after the template
 * was written. Only the old version can recover its own redo log: run it again, let it recover,
 * shut it down cleanly (innodb_fast_shutdown=0), then upgrade. Clearing the log loses commits.
 */
import type { EventEvidence, IsoTime, PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { formatKubectl, formatWorkloadRef } from './kubectl-command.js';
import { sortRevisions, splitImage } from './revision-diff.js';
import { formatAgo, msBetween } from './time-span.js';

/** InnoDB's refusals to apply an older release's non-empty redo log. */
const REFUSED = /\bUpgrade after a crash is not supported\b|\bCannot upgrade format \(v\d+\) of redo log files when (?:the )?redo log is not logically empty\b/i;
/** "This redo log was created with MySQL 5.7.44" / "The redo log was created with MariaDB 10.4.32". */
const CREATED_WITH = /\bredo log was created with (MySQL|MariaDB) (\d+(?:\.\d+)*)/i;
/** Stops that give the server no clean shutdown, and make the pod again (reason of an event on the pod). */
const UNCLEAN_STOPS: Readonly<Record<string, string>> = {
  Evicted: 'evicted by the kubelet',
  Preempted: 'preempted',
  TaintManagerEviction: 'evicted from its node by a NoExecute taint',
  NodeNotReady: 'lost with its node',
};
/** A stop this long before the pod was made again is not what made it. */
const STOP_BEFORE_MS = 6 * 60 * 60_000;
/** Events and pod times are stamped by different clocks. */
const SKEW_MS = 60_000;

export interface CrashRecoveryUpgrade {
  line: string;
  /** "MySQL 5.7.44": the release that wrote the redo log, when the line says. */
  wroteLog?: string;
  /** "MySQL 8.0.40": the refusing server, by the image tag the container runs. */
  version: string;
  /** The revision the pod runs and the one before it whose image for the container differs. */
  running?: RevisionEvidence;
  before?: RevisionEvidence;
  /** The event that stopped the old server and made the pod again. */
  stop?: { event: EventEvidence; what: string };
  /** The template waited for pods to be deleted (OnDelete). */
  onDelete: boolean;
}

function findLine(lines: readonly string[]): string | undefined {
  return lines.slice(-60).map((l) => l.trim()).find((l) => REFUSED.test(l));
}

function imageOf(r: RevisionEvidence, container: string): string | undefined {
  return r.containers.find((c) => c.name === container)?.image;
}

/** The newest unclean stop of a pod of that name in the hours before `born`. */
function findStop(events: readonly EventEvidence[], pod: string, born: IsoTime | undefined): CrashRecoveryUpgrade['stop'] {
  if (born === undefined) return undefined;
  const stop = events
    .filter((e) => e.object.kind === 'Pod' && e.object.name === pod && UNCLEAN_STOPS[e.reason] !== undefined)
    .filter((e) => { const before = msBetween(e.firstSeen, born); return before >= -SKEW_MS && before <= STOP_BEFORE_MS; })
    .sort((a, b) => Date.parse(b.firstSeen) - Date.parse(a.firstSeen))[0];
  return stop && { event: stop, what: UNCLEAN_STOPS[stop.reason] ?? stop.reason };
}

/** The refusal in the crashed runs' log, the revisions it moved between, and the stop that brought the new one on. */
export function findCrashRecoveryUpgrade(ev: TriageEvidence, input: { lines: readonly string[]; container: string; image: string; pod: PodEvidence }): CrashRecoveryUpgrade | undefined {
  const line = findLine(input.lines);
  if (line === undefined) return undefined;
  const m = CREATED_WITH.exec(line);
  const sorted = sortRevisions(ev.revisions);
  const at = sorted.findIndex((r) => r.hash === input.pod.revisionHash);
  const running = at >= 0 ? sorted[at] : undefined;
  const image = running ? imageOf(running, input.container) : undefined;
  const before = running ? sorted.slice(at + 1).find((r) => { const i = imageOf(r, input.container); return i !== undefined && i !== image; }) : undefined;
  const stop = findStop(ev.events, input.pod.name, input.pod.createdAt);
  return {
    line,
    ...(m ? { wroteLog: `${m[1]} ${m[2]}` } : {}),
    version: `${m?.[1] ?? (/mariadb/i.test(input.image) ? 'MariaDB' : 'MySQL')} ${splitImage(input.image).version}`,
    ...(running ? { running } : {}),
    ...(before ? { before } : {}),
    ...(stop ? { stop } : {}),
    onDelete: ev.workload?.onDelete === true,
  };
}

/** The title, cause and action: the old version recovers its own log, then a clean shutdown, then the upgrade. */
export function tellCrashRecoveryUpgrade(ev: TriageEvidence, u: CrashRecoveryUpgrade, pod: string, container: string): { title: string; cause: string; action: string; fix: string; evidence: string[]; datesChange?: true } {
  const now = ev.collectedAt;
  const oldImage = u.before ? imageOf(u.before, container) : undefined;
  const oldVersion = oldImage ? splitImage(oldImage).version : undefined;
  const wrote = u.wroteLog ?? (oldVersion ? `version ${oldVersion}` : 'an older version');
  const move = u.running && u.before ? `revision ${u.running.revision} (${container} image ${oldVersion ?? '?'} → ${splitImage(imageOf(u.running, container) ?? '').version}, written ${formatAgo(u.running.createdAt, now)}${u.onDelete ? ' and held back by OnDelete until then' : ''})` : undefined;
  const stopText = u.stop ? `${pod} was ${u.stop.what} ${formatAgo(u.stop.event.firstSeen, now)} ("${u.stop.event.message.split(/\.\s/)[0] ?? ''}"), killing ${wrote} without a clean shutdown` : undefined;
  const since = stopText ? `; since ${stopText}${move ? ` and coming back on ${move}` : ''}` : '';
  const title = `: ${u.version} refuses to upgrade a data directory that still needs crash recovery (its redo log is from ${wrote}, which did not shut down cleanly)${since}`;
  const ref = formatWorkloadRef(ev.target);
  const back = u.before ? `Put ${ref} back on revision ${u.before.revision}${oldVersion ? ` (${container} ${oldVersion})` : ''} (\`${formatKubectl(ev.target, `rollout undo ${ref} --to-revision=${u.before.revision}`)}\`)` : `Run ${wrote} again on this data`;
  const replace = u.onDelete ? ` and delete pod ${pod} so it starts on it (OnDelete replaces nothing by itself)` : '';
  const action = `${back}${replace}: only ${wrote} can recover its own redo log. Once it is up, shut it down cleanly (SET GLOBAL innodb_fast_shutdown = 0, then stop it), and only then start ${u.version} on the data again; do not clear the redo log to get past the refusal, which loses committed transactions.`;
  const held = u.onDelete && u.running ? ` The template had carried ${u.version} since revision ${u.running.revision}, ${formatAgo(u.running.createdAt, now)}; OnDelete held it back until a pod was made again, so the unclean stop itself applied the upgrade.` : '';
  const stopped = u.stop ? ` The stop was ${pod}'s: ${u.stop.what} ${formatAgo(u.stop.event.firstSeen, now)} (${u.stop.event.reason}: ${u.stop.event.message}), and the pod made in its place started ${u.version}.` : ' The log does not say what stopped it.';
  const cause = `${container} ${u.version} found a data directory whose redo log ${wrote} wrote and never applied: the old server was stopped without a clean shutdown, and InnoDB refuses to upgrade across a crash ("${u.line}").${stopped}${held} Every start of ${u.version} refuses the same way; the data itself is intact.`;
  return {
    title,
    cause,
    action,
    fix: `${u.before ? `put ${ref} back on revision ${u.before.revision}${oldVersion ? ` (${container} ${oldVersion})` : ''}${u.onDelete ? ` and delete pod ${pod}` : ''}` : `run ${wrote} again`} so it recovers its own redo log, shut it down cleanly (innodb_fast_shutdown=0), then upgrade to ${u.version}`,
    evidence: [
      ...(u.stop ? [`${u.stop.event.reason} ${pod}, ${formatAgo(u.stop.event.firstSeen, now)}: ${u.stop.event.message}`] : []),
      ...(move ? [`${pod} runs ${move}`] : []),
      ...(u.before ? [`revision ${u.before.revision} ran ${oldImage ?? '?'}`] : []),
    ],
    ...(u.stop ? { datesChange: true as const } : {}),
  };
}
