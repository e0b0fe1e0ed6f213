/**
 * A revision that lowered terminationGracePeriodSeconds, tested against what happens when its pods
 * stop. On a stop (a rollout, a scale-in, an eviction) the kubelet sends SIGTERM and SIGKILLs the
 * container once the grace period is spent. A process that needs longer to shut down cleanly —
 * finish the work in hand, commit what it consumed, leave its group — is killed half way: what it
 * had not committed is handed to another member, which starts again from the last commit and does
 * it twice (duplicate-key errors, re-processed batches, repeated side effects downstream).
 *
 * The cut shows only at stops, so how long before the first sign it rolled out says nothing: the
 * test is whether the signs follow stops of the cut revision's pods — work redone within minutes of
 * a stop, or a stopping container SIGKILLed (exit 137) at its deadline, or a stopping pod's log that
 * begins its shutdown and never ends it. Told only then. Pure: read from the revisions, the pods,
 * their events and log tails.
 */
import type { EventEvidence, IsoTime, LogEvidence, PodEvidence, RevisionEvidence } from './evidence.js';
import { DEFAULT_GRACE_SECONDS } from './prestop-grace.js';
import { readLineTime } from './request-silence.js';
import { listStepsBack } from './revision-diff.js';
import { HOUR_MS, MINUTE_MS, earliest, msBetween } from './time-span.js';

/** A cut this old is still tested; older ones have met many stops before this triage and are not a change any more. */
const CUT_AGE_MS = 72 * HOUR_MS;
/** Work redone this long after a stop belongs to it (the rebalance, the next owner's first polls). */
const AFTER_STOP_MS = 10 * MINUTE_MS;
/** Log stamps and event times are a little apart. */
const SKEW_MS = MINUTE_MS;
/** A container that ended this close to its pod's deadline was killed at it. */
const DEADLINE_SKEW_MS = 3_000;
/** Most of the work redone must sit right after stops: redone all along is another story. */
const AT_STOPS_SHARE = 0.6;

/** The work done again: a store refusing the repeat, or the app itself noticing it. */
export const REDONE_WORK = /\bduplicates?\b(?!\s*[=:]\s*0\b)|\balready (?:processed|consumed|handled)\b|\bre-?process(?:ed|ing)\b|\bre-?deliver(?:ed|y)\b/i;
/** A process beginning its shutdown. */
const SHUTDOWN_BEGUN = /\bSIGTERM\b|\bshutting down\b|\bshutdown (?:requested|initiated|started|hook)\b|\bgraceful(?:ly)? (?:shutdown|stop)/i;
/** …and ending it: the commit, leaving the group, the process's own last word. */
const SHUTDOWN_DONE = /\bcommitted\b|\bleft (?:the )?group\b|\bleaving (?:the )?group\b|\bshutdown (?:complete|completed|finished|done)\b|\bexiting\b|\bstopped\b|\bclosed\b/i;
/** Consumer words: the work redone is a partition's, resumed from its last committed offset. */
const CONSUMER = /\boffsets?\b|\bpartitions?\b|\brebalanc/i;

export interface GraceStop {
  at: IsoTime;
  /** The pods it stopped, when named. */
  pods: string[];
  /** How many pods it stopped (a scale-down says by how many, not which). */
  count: number;
  how: 'killing' | 'scale-down' | 'terminating';
}

export interface GraceCut {
  /** The revision that lowered the grace period. */
  revision: RevisionEvidence;
  /** The revision before it. */
  previous: RevisionEvidence;
  fromSeconds: number;
  toSeconds: number;
  /** Stops of pods that run with the lowered grace period. */
  stops: GraceStop[];
  /** Work redone within minutes of those stops. */
  redone: { pod: string; line: string; at: IsoTime }[];
  /** Stopping containers that ended with exit 137 at their pod's deadline. */
  killed: { pod: string; container: string; finishedAt: IsoTime }[];
  /** Stopping pods whose log began the shutdown and never ended it. */
  interrupted: { pod: string; line: string }[];
  /** The logs speak of offsets, partitions, rebalances: a consumer group's member. */
  consumer: boolean;
  /** The first sign after a stop. */
  onset?: IsoTime;
}

function graceOf(r: RevisionEvidence): number {
  return r.template?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
}

/** The step back in the history that lowered the grace period the running pods have, with the revisions that carry it since. */
function findCutStep(revisions: readonly RevisionEvidence[], pods: readonly PodEvidence[]): { cut: [RevisionEvidence, RevisionEvidence]; carrying: RevisionEvidence[] } | undefined {
  const steps = listStepsBack(revisions, pods.filter((p) => p.deletionTimestamp === undefined));
  const current = steps[0]?.[0];
  if (current === undefined) return undefined;
  const grace = graceOf(current);
  const carrying: RevisionEvidence[] = [];
  for (const [newer, older] of steps) {
    if (graceOf(newer) !== grace) return undefined;
    carrying.push(newer);
    if (graceOf(older) > grace) return { cut: [newer, older], carrying };
    if (graceOf(older) < grace) return undefined;
  }
  return undefined;
}

const SCALED_DOWN = /^Scaled down replica set (\S+) from (\d+) to (\d+)/;

function findStops(x: { events: readonly EventEvidence[]; pods: readonly PodEvidence[] }, carrying: readonly RevisionEvidence[], since: IsoTime): GraceStop[] {
  const names = new Set(carrying.map((r) => r.name));
  const hashes = new Set(carrying.map((r) => r.hash));
  const prefixes = carrying.map((r) => `${r.name}-`);
  const after = (t: IsoTime): boolean => msBetween(since, t) > 0;
  const out: GraceStop[] = [];
  for (const e of x.events) {
    // The kubelet's Killing of a pod of a carrying revision (gone by now or not): it stopped with the lowered grace period.
    if (e.reason === 'Killing' && e.object.kind === 'Pod' && prefixes.some((p) => e.object.name.startsWith(p))) {
      for (const at of new Set([e.firstSeen, e.lastSeen])) if (after(at)) out.push({ at, pods: [e.object.name], count: 1, how: 'killing' });
    }
    const down = e.reason === 'ScalingReplicaSet' ? SCALED_DOWN.exec(e.message) : null;
    if (down !== null && names.has(down[1] ?? '')) {
      const count = Math.max(0, Number(down[2]) - Number(down[3]));
      for (const at of new Set([e.firstSeen, e.lastSeen])) if (after(at)) out.push({ at, pods: [], count, how: 'scale-down' });
    }
  }
  for (const p of x.pods) {
    if (p.deletionTimestamp === undefined || p.revisionHash === undefined || !hashes.has(p.revisionHash)) continue;
    const grace = graceOf(carrying.find((r) => r.hash === p.revisionHash) as RevisionEvidence);
    out.push({ at: new Date(Date.parse(p.deletionTimestamp) - grace * 1000).toISOString(), pods: [p.name], count: 1, how: 'terminating' });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

function isJustAfter(t: IsoTime, stops: readonly GraceStop[]): boolean {
  return stops.some((s) => {
    const d = msBetween(s.at, t);
    return d >= -SKEW_MS && d <= AFTER_STOP_MS;
  });
}

/** Stopping containers killed at their pod's deadline (exit 137, not an OOM kill). */
function findKilledAtDeadline(pods: readonly PodEvidence[], hashes: ReadonlySet<string>): GraceCut['killed'] {
  return pods.flatMap((p) => {
    if (p.deletionTimestamp === undefined || p.revisionHash === undefined || !hashes.has(p.revisionHash)) return [];
    const deadline = p.deletionTimestamp;
    return p.containers.flatMap((c) => {
      const t = c.state !== undefined && 'terminated' in c.state ? c.state.terminated : undefined;
      if (t?.finishedAt === undefined || t.reason === 'OOMKilled' || !(t.exitCode === 137 || t.signal === 9)) return [];
      return Math.abs(msBetween(deadline, t.finishedAt)) <= DEADLINE_SKEW_MS ? [{ pod: p.name, container: c.name, finishedAt: t.finishedAt }] : [];
    });
  });
}

/** Stopping pods whose current log begins the shutdown and says nothing of its end. */
function findInterrupted(logs: readonly LogEvidence[], stopping: ReadonlySet<string>): GraceCut['interrupted'] {
  return logs.flatMap((l) => {
    if (l.previous || !stopping.has(l.pod)) return [];
    const begun = l.lines.findIndex((line) => SHUTDOWN_BEGUN.test(line));
    if (begun < 0 || l.lines.slice(begun + 1).some((line) => SHUTDOWN_DONE.test(line))) return [];
    return [{ pod: l.pod, line: l.lines[begun] ?? '' }];
  });
}

export function findGraceCut(ev: {
  logs: readonly LogEvidence[];
  pods: readonly PodEvidence[];
  events: readonly EventEvidence[];
  revisions: readonly RevisionEvidence[];
  collectedAt: IsoTime;
}): GraceCut | undefined {
  const step = findCutStep(ev.revisions, ev.pods);
  if (step === undefined) return undefined;
  const [revision, previous] = step.cut;
  if (msBetween(revision.createdAt, ev.collectedAt) > CUT_AGE_MS) return undefined;
  const stops = findStops(ev, step.carrying, revision.createdAt);
  if (stops.length === 0) return undefined;
  const hashes = new Set(step.carrying.map((r) => r.hash));
  const mine = new Set(ev.pods.filter((p) => p.revisionHash !== undefined && hashes.has(p.revisionHash)).map((p) => p.name));
  const timed = ev.logs
    .filter((l) => !l.previous && mine.has(l.pod))
    .flatMap((l) => l.lines.flatMap((line) => {
      const at = REDONE_WORK.test(line) ? readLineTime(line) : undefined;
      return at !== undefined && msBetween(revision.createdAt, at) > 0 ? [{ pod: l.pod, line, at }] : [];
    }));
  const atStops = timed.filter((r) => isJustAfter(r.at, stops));
  const redone = atStops.length >= 2 && atStops.length >= AT_STOPS_SHARE * timed.length ? atStops : [];
  const killed = findKilledAtDeadline(ev.pods, hashes);
  const stopping = new Set(ev.pods.filter((p) => p.deletionTimestamp !== undefined && p.revisionHash !== undefined && hashes.has(p.revisionHash)).map((p) => p.name));
  const interrupted = findInterrupted(ev.logs, stopping);
  if (redone.length === 0 && killed.length === 0 && interrupted.length === 0) return undefined;
  const consumer = ev.logs.some((l) => mine.has(l.pod) && l.lines.some((line) => CONSUMER.test(line)));
  const onset = earliest([...redone.map((r) => r.at), ...killed.map((k) => k.finishedAt), ...(interrupted.length > 0 ? stops.filter((s) => s.how === 'terminating').map((s) => s.at) : [])]);
  return {
    revision,
    previous,
    fromSeconds: graceOf(previous),
    toSeconds: graceOf(revision),
    stops,
    redone,
    killed,
    interrupted,
    consumer,
    ...(onset ? { onset } : {}),
  };
}
