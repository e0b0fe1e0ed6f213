import type {
  ContainerEvidence,
  IsoTime,
  PodEvidence,
  TerminatedStateEvidence,
  TriageEvidence,
} from './evidence.js';
import type { Severity } from './finding.js';
import { HOUR_MS, MINUTE_MS, isWithin, msBetween } from './time-span.js';

/** A termination this recent belongs to the incident being triaged. */
export const RECENT_MS = HOUR_MS;
/** Older than this, a termination is history, not evidence. */
export const HISTORY_MS = 24 * HOUR_MS;
/** Pods younger than this may legitimately be unready or pending. */
export const STARTUP_GRACE_MS = 2 * MINUTE_MS;

/** Waiting reasons that mean "still starting", not "failing" (until the pod is old). */
const STARTING_REASONS = new Set(['ContainerCreating', 'PodInitializing']);

export interface ContainerRef {
  pod: PodEvidence;
  container: ContainerEvidence;
  init: boolean;
}

export function listContainers(pod: PodEvidence): ContainerRef[] {
  return [
    ...pod.initContainers.map((container) => ({ pod, container, init: true })),
    ...pod.containers.map((container) => ({ pod, container, init: false })),
  ];
}

/**
 * Containers of pods that are still meant to run. Evicted pods and pods being deleted are
 * left out: their containers were stopped by the eviction or the deletion, not by a fault.
 */
export function listAllContainers(pods: readonly PodEvidence[]): ContainerRef[] {
  return pods.filter((p) => p.reason !== 'Evicted' && p.deletionTimestamp === undefined).flatMap(listContainers);
}

export function getWaiting(c: ContainerEvidence): { reason: string; message?: string } | undefined {
  return c.state !== undefined && 'waiting' in c.state ? c.state.waiting : undefined;
}

/** The most recent termination: the current state if terminated, else the previous run. */
export function getLastTermination(c: ContainerEvidence): TerminatedStateEvidence | undefined {
  if (c.state !== undefined && 'terminated' in c.state) return c.state.terminated;
  if (c.lastState !== undefined && 'terminated' in c.lastState) return c.lastState.terminated;
  return undefined;
}

/** A container back up and ready this long, after a short-lived run, has recovered. */
export const RECOVERED_MS = 15 * MINUTE_MS;
/** …and its current run has lasted this many times its last one (a leak that kills every 30 min has not). */
const RECOVERED_RATIO = 3;

/**
 * A container that crashed and has since been up and ready for a while, far longer than the run
 * that crashed: a blip it came back from (a dependency restarted), not the incident now.
 */
export function hasRecovered(c: ContainerEvidence, term: TerminatedStateEvidence, now: IsoTime): boolean {
  if (!c.ready || c.state === undefined || !('running' in c.state)) return false;
  const since = c.state.running.startedAt;
  if (since === undefined || term.startedAt === undefined || term.finishedAt === undefined) return false;
  const up = msBetween(since, now);
  const lastRun = msBetween(term.startedAt, term.finishedAt);
  if (up < RECOVERED_MS) return false;
  // One kill after a long healthy run (a probe timed out under a spike), and up since: a blip.
  // Not an OOM kill: a leak that takes a day to fill the limit kills once a day.
  const blip = c.restartCount === 1 && lastRun >= HOUR_MS && term.reason !== 'OOMKilled';
  return blip || up >= RECOVERED_RATIO * lastRun;
}

/**
 * How much a termination matters now. "recent": in the last hour, or the container is still
 * down after it; "earlier": within a day and the container has recovered (also within the hour,
 * when it has been up far longer than the run that ended); "old": ignore.
 */
export function classifyTermination(c: ContainerEvidence, term: TerminatedStateEvidence, now: IsoTime): 'recent' | 'earlier' | 'old' {
  const stillDown = c.state === undefined || !('running' in c.state);
  if (stillDown) return 'recent';
  if (term.finishedAt === undefined) return 'earlier';
  if (isWithin(term.finishedAt, now, RECENT_MS) && !hasRecovered(c, term, now)) return 'recent';
  if (isWithin(term.finishedAt, now, HISTORY_MS)) return 'earlier';
  return 'old';
}

/** A container's last termination that still belongs to the incident. */
export interface TerminationHit {
  ref: ContainerRef;
  term: TerminatedStateEvidence;
  /** In the last hour, or the container is still down after it; else earlier today and recovered. */
  recent: boolean;
}

/**
 * The one scan every termination analyzer shares: the last termination of each container of the
 * pods still meant to run, kept when `keep` says it is this analyzer's kind and it is not old.
 */
export function listTerminations(pods: readonly PodEvidence[], now: IsoTime, keep: (term: TerminatedStateEvidence, ref: ContainerRef) => boolean): TerminationHit[] {
  return listAllContainers(pods).flatMap((ref) => {
    const term = getLastTermination(ref.container);
    if (term === undefined || !keep(term, ref)) return [];
    const recency = classifyTermination(ref.container, term, now);
    return recency === 'old' ? [] : [{ ref, term, recent: recency === 'recent' }];
  });
}

/**
 * How long a pod may stay unready before it counts as failing: the start-up grace, or longer when
 * a container's startup probe allows more (initialDelaySeconds + failureThreshold × periodSeconds
 * from the container's start). Until that budget is spent the kubelet is waiting, not failing it:
 * a slow starter (a JVM loading a model) fails its startup probe many times on every release.
 */
export function startupGraceMs(pod: PodEvidence): number {
  let grace = STARTUP_GRACE_MS;
  for (const { container } of listContainers(pod)) {
    const probe = container.probes.startup;
    const run = container.state !== undefined && 'running' in container.state ? container.state.running.startedAt : undefined;
    if (probe === undefined || run === undefined || container.ready) continue;
    const budgetMs = ((probe.initialDelaySeconds ?? 0) + (probe.failureThreshold ?? 3) * (probe.periodSeconds ?? 10)) * 1000;
    // Counted from the container's start, which may come well after the pod's (a slow pull).
    const before = pod.startTime ?? pod.createdAt;
    const lead = before === undefined ? 0 : Math.max(0, msBetween(before, run));
    grace = Math.max(grace, lead + budgetMs);
  }
  return grace;
}

function podAgeMs(pod: PodEvidence, now: IsoTime): number {
  const since = pod.startTime ?? pod.createdAt;
  return since === undefined ? Number.POSITIVE_INFINITY : msBetween(since, now);
}

/**
 * A pod that is part of the problem: failed or lost, a container stuck waiting for a bad
 * reason, restarting within the last hour, or unready/pending past the start-up grace.
 * Pods being deleted are neither failing nor healthy.
 */
export function isPodFailing(pod: PodEvidence, now: IsoTime): boolean {
  if (pod.deletionTimestamp !== undefined && pod.phase !== 'Unknown') return false;
  if (pod.phase === 'Succeeded') return false;
  if (pod.phase === 'Failed' || pod.phase === 'Unknown') return true;
  const settled = podAgeMs(pod, now) > startupGraceMs(pod);
  for (const { container, init } of listContainers(pod)) {
    const waiting = getWaiting(container);
    if (waiting && (!STARTING_REASONS.has(waiting.reason) || settled)) return true;
    const term = getLastTermination(container);
    // A completed init container stays "terminated, exit 0" for the pod's life: that is success.
    if (!term || (init && term.exitCode === 0)) continue;
    if (container.restartCount > 0 && classifyTermination(container, term, now) === 'recent') return true;
  }
  return !pod.ready && settled;
}

export function isPodHealthy(pod: PodEvidence, now: IsoTime): boolean {
  return pod.ready && pod.phase === 'Running' && pod.deletionTimestamp === undefined && !isPodFailing(pod, now);
}

/** Desired replicas, from the workload or, when it could not be read, the pods seen. */
export function getDesiredReplicas(ev: TriageEvidence): number {
  return ev.workload?.specReplicas ?? ev.pods.length;
}

/**
 * Ready pods. The pods list keeps only the least healthy few hundred: the census counted every pod
 * read. When those are still far fewer than the workload runs (the list stopped at its cap, or the
 * controller counts at least twice the pods listed), the pods not listed are not unready: the
 * workload's own status (readyReplicas) says how many are ready.
 */
export function countReadyPods(ev: TriageEvidence): number {
  const kept = ev.pods.filter((p) => p.ready && p.deletionTimestamp === undefined).length;
  const census = ev.census;
  const counted = census !== undefined && census.total > ev.pods.length ? Math.max(kept, census.ready) : kept;
  const w = ev.workload;
  if (w === null || w.kind === 'Job' || w.kind === 'CronJob') return counted;
  const listed = Math.max(ev.pods.length, census?.total ?? 0);
  const sampled = census?.complete === false || listed * 2 < w.replicas;
  return sampled ? Math.max(counted, w.readyReplicas) : counted;
}

/**
 * Severity by reach: critical when nothing is ready or at least half the replicas are hit,
 * warning otherwise. Analyzers of faults use it so severity means the same everywhere.
 */
export function severityForPods(ev: TriageEvidence, affected: number): Severity {
  const desired = getDesiredReplicas(ev);
  if (desired > 0 && countReadyPods(ev) === 0) return 'critical';
  if (affected > 0 && affected * 2 >= Math.max(desired, 1)) return 'critical';
  return 'warning';
}

/** "3/5 pods" against desired replicas (or pods seen, if more). */
export function formatPodShare(ev: TriageEvidence, affected: number): string {
  const of = Math.max(getDesiredReplicas(ev), ev.census?.total ?? ev.pods.length);
  return `${affected}/${of} pod${of === 1 ? '' : 's'}`;
}

/** First `max` items, then "… and N more", so a 40-pod incident stays readable. */
export function limitLines(lines: readonly string[], max = 5): string[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max), `… and ${lines.length - max} more`];
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Nodes of the given pods, deduplicated, unscheduled pods skipped. */
export function listNodesOf(pods: readonly PodEvidence[]): string[] {
  return unique(pods.flatMap((p) => (p.nodeName === undefined ? [] : [p.nodeName])));
}

/** "payment-service-7c9d…/app" style label for a container in evidence lines. */
export function formatContainerRef(ref: ContainerRef): string {
  return `${ref.pod.name}/${ref.container.name}${ref.init ? ' (init)' : ''}`;
}

/** Group items by a key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
