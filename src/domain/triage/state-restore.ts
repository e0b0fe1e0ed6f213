/**
 * A stateful stream processor restoring its local state from changelog topics onto a state
 * directory that starts empty in every new pod. Kafka Streams (and what runs on it: ksqlDB, Spring
 * Cloud Stream's Kafka Streams binder) keeps each store in a local state directory (`state.dir`)
 * and checkpoints how far of the store's changelog topic it holds. A pod that starts with that
 * directory empty — an emptyDir, or no volume at all, is gone with the pod — finds no checkpoint
 * ("did not find checkpoint offset") and replays every store from the changelog's first offset;
 * until that ends the client is REBALANCING, processes nothing and its health check reports it
 * not ready. A rollout, a restart or an eviction is only the occasion: any new pod, of any
 * revision, restores again. Read from the unready pods' current logs and their spec.
 */
import type { ContainerSpecEvidence, LogEvidence, PodEvidence } from './evidence-pod.js';
import type { IsoTime } from './evidence-spec.js';
import { readLogLineTime } from './log-line-time.js';
import { truncate } from '../text.js';

/** A line about restoring a store from its changelog (Kafka Streams' StoreChangelogReader, and the like). */
const RESTORING = /\bRestoration in progress for \d+ (?:partitions?|stores?|changelogs?)\b|\brestor(?:ing|es?|ed|ation)\b[^\n]{0,160}\bchangelog|\bchangelog\b[^\n]{0,160}\brestor(?:ing|e|ation)\b/i;
/** A store that finds no local checkpoint, so it starts from the changelog's first offset. */
const NO_CHECKPOINT = /\bdid not find checkpoint offset\b|\bno (?:local )?checkpoint (?:file |offset )?(?:found|exists?)\b|\bcheckpoint file (?:not found|does not exist|is missing)\b|\brestor\w*[^\n]{0,120}\bfrom (?:offset 0|the (?:beginning|earliest offset)|scratch)\b/i;
/** The restore ended (or the client runs): a pod unready after it is not restoring. */
const RESTORED = /\b(?:Finished restoring|Restoration (?:completed|finished|done)|restore (?:completed|finished))\b|\bState transition from \w+ to RUNNING\b/i;
/** The state directory the app names in its log: "Creating local state directory /x", "state.dir = /x". */
const LOGGED_DIR = /\bstate[._ ]dir(?:ectory)?\b\s*(?:[:=]\s*|\s)['"]?(\/[^\s'",;)}\]]+)/i;
/** An env variable, system property or flag that sets where local state lives. */
const DIR_SETTING = /state[._-]?(?:dir|directory|path)$|rocksdb[._-]?(?:local[._-]?)?dir$|local[._-]?root[._-]?dirs?$/i;
/** How many standby replicas keep a warm copy of each store on another instance. */
const STANDBY_SETTING = /(?:^|[._-])(?:num[._-]?)?standby[._-]?replicas$/i;
/** "position=123, end=456" in a restore progress line. */
const POSITION = /\bposition=(\d+),\s*end=(\d+)/g;

export interface StateRestore {
  /** The state directory, and where it was read: "log" or the setting's name. */
  stateDir: string;
  dirFrom: string;
  /** What holds it: an emptyDir (its name and sizeLimit), or nothing (the container's own filesystem). */
  volume: { kind: 'emptyDir'; name: string; mountPath: string; sizeLimit?: string } | { kind: 'container filesystem' };
  /** The unready pods whose current log shows the restore. */
  pods: string[];
  /** A store finding no checkpoint, trimmed to its message; absent when no such line was read. */
  noCheckpoint?: string;
  /** The newest restore line, trimmed to its message. */
  restoreLine: string;
  /** From the progress lines: the share restored now and, when it grows, the minutes left at its rate. */
  progress?: { restored: number; minutesLeft?: number };
  /** A standby-replica setting of 0 on the container: no other instance keeps a warm copy. */
  noStandby?: string;
}

/** The log message without the timestamp, level, thread and logger before it. */
function messageOf(line: string): string {
  const colon = line.indexOf(' : ');
  const rest = colon >= 0 && colon < 160 ? line.slice(colon + 3) : line;
  return rest.replace(/^stream-(?:thread|client) \[[^\]]*\]\s*/, '').trim();
}

/** The state directory: the container's setting for it (env, flag) first, else the log's own word for it. */
function findStateDir(lines: readonly string[], c: ContainerSpecEvidence): { dir: string; from: string } | undefined {
  for (const e of c.env ?? []) {
    const value = 'value' in e ? e.value : undefined;
    if (DIR_SETTING.test(e.name) && value?.startsWith('/')) return { dir: value.split(',')[0]?.replace(/\/+$/, '') || '/', from: e.name };
  }
  for (const a of [...(c.command ?? []), ...(c.args ?? [])]) {
    const m = /^-{0,2}(?:D)?([\w.-]+)=(\/\S+)$/.exec(a);
    if (m?.[1] && m[2] && DIR_SETTING.test(m[1])) return { dir: m[2].split(',')[0]?.replace(/\/+$/, '') || '/', from: m[1] };
  }
  for (const line of lines) {
    const m = LOGGED_DIR.exec(line);
    if (m?.[1]) return { dir: m[1].replace(/\/+$/, '') || '/', from: 'log' };
  }
  return undefined;
}

/** What holds `dir` in the pod: the deepest mount at or above it; undefined when that is a lasting volume. */
function findHolder(pod: PodEvidence, c: ContainerSpecEvidence, dir: string): StateRestore['volume'] | undefined {
  const mounts = (c.volumeMounts ?? []).filter((m) => dir === m.mountPath.replace(/\/+$/, '') || dir.startsWith(`${m.mountPath.replace(/\/+$/, '')}/`));
  const mount = mounts.sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
  if (mount === undefined) return { kind: 'container filesystem' };
  const volume = (pod.volumes ?? []).find((v) => v.name === mount.name);
  if (volume?.source !== 'emptyDir') return undefined;
  return { kind: 'emptyDir', name: volume.name, mountPath: mount.mountPath, ...(volume.sizeLimit ? { sizeLimit: volume.sizeLimit } : {}) };
}

/** The share restored on one progress line (Σposition / Σend), when it lists any. */
function restoredShare(line: string): number | undefined {
  let pos = 0;
  let end = 0;
  for (const m of line.matchAll(POSITION)) {
    pos += Number(m[1]);
    end += Number(m[2]);
  }
  return end > 0 ? Math.min(1, pos / end) : undefined;
}

/** The share restored on the newest progress line and the minutes left at the rate since the first. */
function readProgress(lines: readonly string[], now: IsoTime): StateRestore['progress'] {
  const points = lines.flatMap((l) => {
    const share = restoredShare(l);
    const at = share === undefined ? undefined : readLogLineTime(l, now);
    return share === undefined ? [] : [{ share, at: at === undefined ? undefined : Date.parse(at) }];
  });
  const last = points.at(-1);
  if (last === undefined) return undefined;
  const first = points.find((p) => p.at !== undefined);
  const minutes = first?.at !== undefined && last.at !== undefined ? (last.at - first.at) / 60_000 : 0;
  const gained = last.share - (first?.share ?? last.share);
  if (minutes < 1 || gained <= 0) return { restored: last.share };
  return { restored: last.share, minutesLeft: Math.max(1, Math.round(((1 - last.share) * minutes) / gained)) };
}

/**
 * The unready pods' restore of their local state from changelog topics onto a state directory that
 * starts empty with each pod; undefined when no current log shows a restore still under way, or the
 * state directory is on a lasting volume (a claim), or it cannot be told where the state lives.
 */
export function findStateRestore(pods: readonly PodEvidence[], container: string, logs: readonly LogEvidence[], now: IsoTime): StateRestore | undefined {
  const restoring: { pod: PodEvidence; lines: string[] }[] = [];
  for (const pod of pods) {
    const lines = logs.filter((l) => l.pod === pod.name && l.container === container && !l.previous).flatMap((l) => l.lines);
    const lastRestore = lines.findLastIndex((l) => RESTORING.test(l));
    if (lastRestore < 0 || lines.slice(lastRestore + 1).some((l) => RESTORED.test(l))) continue;
    restoring.push({ pod, lines });
  }
  const first = restoring[0];
  const spec = first?.pod.containers.find((c) => c.name === container);
  if (first === undefined || spec === undefined) return undefined;
  const dir = findStateDir(restoring.flatMap((r) => r.lines), spec);
  const volume = dir === undefined ? undefined : findHolder(first.pod, spec, dir.dir);
  if (dir === undefined || volume === undefined) return undefined;
  const noCheckpoint = restoring.flatMap((r) => r.lines).find((l) => NO_CHECKPOINT.test(l));
  const restoreLine = first.lines.findLast((l) => RESTORING.test(l)) ?? '';
  const progress = readProgress(first.lines.filter((l) => RESTORING.test(l)), now);
  const standby = (spec.env ?? []).find((e) => STANDBY_SETTING.test(e.name) && 'value' in e && e.value?.trim() === '0');
  return {
    stateDir: dir.dir,
    dirFrom: dir.from,
    volume,
    pods: restoring.map((r) => r.pod.name),
    ...(noCheckpoint ? { noCheckpoint: messageOf(noCheckpoint) } : {}),
    restoreLine: messageOf(restoreLine),
    ...(progress ? { progress } : {}),
    ...(standby ? { noStandby: `${standby.name}=0` } : {}),
  };
}

export interface StateRestoreReading {
  /** What the readiness finding's title adds. */
  scope: string;
  cause: string;
  action: string;
  fix: string;
  /** What ends it by itself: the restore finishing. */
  passesBy: string;
  decisive: string;
  evidence: string[];
}

/** "emptyDir state (sizeLimit 40Gi)", "the container's own filesystem (no volume mounted there)". */
function describeHolder(v: StateRestore['volume']): string {
  return v.kind === 'emptyDir' ? `emptyDir ${v.name}${v.sizeLimit ? ` (sizeLimit ${v.sizeLimit})` : ''}` : "the container's own filesystem (no volume is mounted there)";
}

/**
 * The restore told as why the pods are unready: the state dir on a volume that starts empty is the
 * cause, the restore passes by itself, and the rollout that started new pods is only the occasion.
 * `all`: how many pods the workload wants; `recreate`: its strategy stops every old pod first.
 */
export function explainStateRestore(r: StateRestore, o: { container: string; path: string; status: string; all: number; recreate: boolean }): StateRestoreReading {
  const holder = describeHolder(r.volume);
  const from = r.dirFrom === 'log' ? 'as its log names it' : `${r.dirFrom}`;
  const n = r.pods.length;
  const who = n >= o.all && n > 1 ? `All ${n} pods` : n === 1 ? `Pod ${r.pods[0] ?? ''}` : `${n} pods`;
  const pct = r.progress === undefined ? undefined : Math.round(r.progress.restored * 100);
  const left = r.progress?.minutesLeft;
  const progress = pct === undefined ? '' : ` — ${pct}% restored${left !== undefined ? `, about ${left} min left at the current rate` : ''}`;
  const mountAt = r.volume.kind === 'emptyDir' ? r.volume.mountPath : r.stateDir;
  const recreate = o.recreate && n >= o.all && n > 1 ? `The Recreate strategy replaced all ${n} pods at once, so no instance kept its state. ` : '';
  const standby = r.noStandby ? `With ${r.noStandby} no other instance keeps a warm copy of the stores to take over. ` : '';
  const wait = left !== undefined ? ` (about ${left} min at the current rate)` : '';
  return {
    scope: `restoring its state stores from the changelog topics from the first offset: state dir ${r.stateDir} is on ${r.volume.kind === 'emptyDir' ? `an emptyDir (${r.volume.name})` : "the container's own filesystem"}, empty in every new pod`,
    cause:
      `${o.container} keeps its local state stores in ${r.stateDir} (${from}), on ${holder}: it starts empty in every new pod and is deleted with the pod. ` +
      `${who} found no local checkpoint${r.noCheckpoint ? ` ("${r.noCheckpoint}")` : ''} and ${n === 1 ? 'is' : 'are'} restoring every store from its changelog topic from the first offset${progress}; ` +
      `until the restore ends the app processes nothing and answers ${o.path} with ${o.status}. ${recreate}${standby}` +
      'The rollout, restart or eviction that started these pods is only the occasion: any new pod, of any revision, restores from the start again, so going back to an older revision would only restart the restore.',
    action:
      `Let the restore finish${wait}; do not restart the pods or go back to an older revision: each new pod starts the restore over from the first offset. ` +
      `Then keep the state dir on a persistent volume (a StatefulSet with volumeClaimTemplates mounted at ${mountAt}), set standby replicas (num.standby.replicas ≥ 1) so another instance keeps a warm copy, and roll one pod at a time (RollingUpdate, maxUnavailable 1${o.recreate ? ', not Recreate' : ''}).`,
    fix: `let the restore finish${wait}, as a rollback would only start it over; then keep ${r.stateDir} on a persistent volume (StatefulSet volumeClaimTemplates) instead of ${r.volume.kind === 'emptyDir' ? 'an emptyDir' : "the container's filesystem"}, add standby replicas and roll one pod at a time`,
    passesBy: `the restore of the state stores from the changelog topics ends${wait}`,
    decisive: r.noCheckpoint ?? r.restoreLine,
    evidence: [
      `state dir ${r.stateDir} (${from}) is on ${holder}`,
      ...(r.noCheckpoint ? [`log ${r.pods[0] ?? ''}: ${truncate(r.noCheckpoint, 200)}`] : []),
      `log ${r.pods[0] ?? ''}: ${truncate(r.restoreLine, 200)}`,
      ...(pct !== undefined ? [`restored ${pct}% of the listed changelog partitions${left !== undefined ? `; about ${left} min left at the rate of the progress lines` : ''}`] : []),
      ...(r.noStandby ? [`standby replicas: ${r.noStandby}`] : []),
    ],
  };
}
