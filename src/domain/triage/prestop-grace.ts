/**
 * A preStop hook that sleeps as long as terminationGracePeriodSeconds, or longer. The grace period
 * counts the hook: the kubelet runs preStop first, gives up on it when the grace period is spent,
 * only then sends SIGTERM, and SIGKILLs the container 2 s later. The app never gets to drain: the
 * connections its callers hold are reset, and they see 502s, at every stop (a rollout, a
 * scale-down, an eviction). Pure: the analyzer words it, and the adapter asks it whether the
 * callers' logs are worth reading.
 */
import type { EventEvidence, IsoTime, PodEvidence, RevisionEvidence } from './evidence.js';
import { RECENT_MS } from './pod-status.js';
import { sortRevisions } from './revision-diff.js';
import { earliest, isWithin } from './time-span.js';

/** What the API server fills in when the template leaves it unset. */
export const DEFAULT_GRACE_SECONDS = 30;
/** After the grace period the kubelet gives the container this long past SIGTERM before SIGKILL. */
export const KILL_AFTER_SECONDS = 2;

const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600 };
/** `sleep 45`, `/bin/sleep 45`, `sh -c sleep 45 && …`, and the kubelet's own sleep action told as `sleep 45s`. */
const SLEEP = /(?:^|[\s;&|/"'(])sleep\s+(\d+(?:\.\d+)?)([smh]?)(?=$|[\s;&|"')])/g;

/** How long the hook sleeps at least (its sleeps added up), when it says; undefined for a hook with no sleep (an HTTP call, a script). */
export function readHookSleepSeconds(hook: string): number | undefined {
  const sleeps = [...hook.matchAll(SLEEP)].map((m) => Number(m[1]) * (UNIT_SECONDS[m[2] ?? ''] ?? 1));
  return sleeps.length === 0 ? undefined : sleeps.reduce((a, b) => a + b, 0);
}

/** A revision whose preStop hook sleeps through its whole grace period. */
export interface HookOverrun {
  container: string;
  hook: string;
  hookSeconds: number;
  graceSeconds: number;
  /** The template sets no grace period: the default 30 s applies. */
  graceDefaulted: boolean;
}

export function findHookOverrun(r: RevisionEvidence): HookOverrun | undefined {
  const set = r.template?.terminationGracePeriodSeconds;
  const graceSeconds = set ?? DEFAULT_GRACE_SECONDS;
  for (const c of r.containers) {
    const hook = c.hooks?.preStop;
    const hookSeconds = hook === undefined ? undefined : readHookSleepSeconds(hook);
    if (hook !== undefined && hookSeconds !== undefined && hookSeconds >= graceSeconds) return { container: c.name, hook, hookSeconds, graceSeconds, graceDefaulted: set === undefined };
  }
  return undefined;
}

/** Where the overrun came from: the revision that first had it, in the unbroken run up to the newest. */
export interface OverrunOrigin {
  revision: RevisionEvidence;
  /** What it changed to bring it ("added preStop hook `sleep 45`"); undefined when the history starts with it. */
  change?: string;
}

function findOrigin(revisions: readonly RevisionEvidence[], overrun: HookOverrun): OverrunOrigin | undefined {
  const newestFirst = sortRevisions(revisions);
  let k = 0;
  while (k + 1 < newestFirst.length && findHookOverrun(newestFirst[k + 1] as RevisionEvidence) !== undefined) k++;
  const revision = newestFirst[k];
  if (revision === undefined) return undefined;
  const before = newestFirst[k + 1];
  if (before === undefined) return { revision };
  const oldHook = before.containers.find((c) => c.name === overrun.container)?.hooks?.preStop;
  const oldGrace = before.template?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
  const changes = [
    ...(oldHook === undefined ? [`added preStop hook \`${overrun.hook}\``] : oldHook !== overrun.hook ? [`changed preStop hook \`${oldHook}\` → \`${overrun.hook}\``] : []),
    ...(oldGrace !== overrun.graceSeconds ? [`changed terminationGracePeriodSeconds ${oldGrace} → ${overrun.graceSeconds}`] : []),
  ];
  return { revision, ...(changes.length === 0 ? {} : { change: changes.join(' and ') }) };
}

/** "Scaled down replica set web-7c9d from 6 to 5": which ReplicaSet, by how many. */
const SCALED_DOWN = /^Scaled down replica set (\S+) from (\d+) to (\d+)/;

/** Stops of pods that carry the overrun, in the last hour. */
export interface OverrunStops {
  /** Pods being deleted now. */
  terminating: PodEvidence[];
  /** Pods stopped by their controller in the last hour (scale-downs of a ReplicaSet that carries the hook), the terminating ones included. */
  scaledDown: number;
  /** FailedPreStopHook events: the kubelet says the hook did not finish. */
  hookFailed: EventEvidence[];
  /** The first of these stops. */
  since?: IsoTime;
}

export interface PreStopOverrun extends HookOverrun {
  /** The newest revision (the template every new pod gets). */
  revision: RevisionEvidence;
  origin?: OverrunOrigin;
  stops: OverrunStops;
}

interface Seen {
  pods: readonly PodEvidence[];
  revisions: readonly RevisionEvidence[];
  events: readonly EventEvidence[];
  collectedAt: IsoTime;
}

function findStops(x: Seen): OverrunStops {
  const carrying = new Map(x.revisions.filter((r) => findHookOverrun(r) !== undefined).map((r) => [r.name, r]));
  const hashes = new Set([...carrying.values()].map((r) => r.hash));
  const recent = (e: EventEvidence): boolean => isWithin(e.lastSeen, x.collectedAt, RECENT_MS);
  const terminating = x.pods.filter((p) => p.deletionTimestamp !== undefined && p.revisionHash !== undefined && hashes.has(p.revisionHash));
  const downs = x.events.filter((e) => e.reason === 'ScalingReplicaSet' && recent(e)).flatMap((e) => {
    const m = SCALED_DOWN.exec(e.message);
    return m !== null && carrying.has(m[1] ?? '') ? [{ e, n: Number(m[2]) - Number(m[3]) }] : [];
  });
  // Events of the workload's pods only (they are read per object); a pod gone already is still the workload's by its name.
  const prefixes = [...carrying.keys()].map((n) => `${n}-`);
  const hookFailed = x.events.filter((e) => e.reason === 'FailedPreStopHook' && e.object.kind === 'Pod' && recent(e) && prefixes.some((p) => e.object.name.startsWith(p)));
  const since = earliest([...downs.map((d) => d.e.firstSeen), ...hookFailed.map((e) => e.firstSeen), ...terminating.map((p) => p.deletionTimestamp)]);
  return { terminating, scaledDown: downs.reduce((a, d) => a + d.n, 0), hookFailed, ...(since === undefined ? {} : { since }) };
}

/** Whether any pod that carries the hook stopped in the last hour: then callers felt it. */
export function hasOverrunStops(s: OverrunStops): boolean {
  return s.terminating.length > 0 || s.scaledDown > 0 || s.hookFailed.length > 0;
}

/** The newest revision's preStop hook sleeps through its grace period: with where it came from and the stops it cut short. */
export function findPreStopOverrun(x: Seen): PreStopOverrun | undefined {
  const [revision] = sortRevisions(x.revisions);
  const overrun = revision === undefined ? undefined : findHookOverrun(revision);
  if (revision === undefined || overrun === undefined) return undefined;
  const origin = findOrigin(x.revisions, overrun);
  return { ...overrun, revision, ...(origin === undefined ? {} : { origin }), stops: findStops(x) };
}
