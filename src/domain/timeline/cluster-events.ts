/**
 * Cluster events on an incident's timeline: which events are about the incident's workload,
 * and how one becomes a collapsed timeline entry. Pure; the Kubernetes adapter feeds it
 * EventEvidence (see map-event.ts) and the Redis sink adds up the counts.
 */
import { toMessageShape } from '../triage/collapse-events.js';
import type { EventEvidence, IsoTime } from '../triage/evidence.js';
import type { TimelineEntry } from './timeline-entry.js';
import { truncate } from '../text.js';

/** The workload whose cluster events go on an incident's timeline, and since when. */
export interface WatchTarget {
  incidentId: string;
  namespace: string;
  kind: 'Deployment' | 'StatefulSet';
  name: string;
  /** Kube context; absent: the current context. */
  context?: string | undefined;
  /** Events last seen before this belong to the past, not to the incident (usually its start). */
  since: IsoTime;
}

/** The objects of the workload whose events we keep; names only grow while an incident is watched. */
export interface WatchScope {
  target: Pick<WatchTarget, 'namespace' | 'kind' | 'name'>;
  podNames: Set<string>;
  /** ReplicaSets of a Deployment (empty for a StatefulSet). */
  replicaSetNames: Set<string>;
  /** Nodes the workload's pods run (or ran) on. */
  nodeNames: Set<string>;
  hpaNames: Set<string>;
}

export function emptyScope(target: WatchScope['target']): WatchScope {
  return { target, podNames: new Set(), replicaSetNames: new Set(), nodeNames: new Set(), hpaNames: new Set() };
}

/**
 * True for events about the workload itself, its ReplicaSets, its pods, its HPA or one of its
 * nodes — nothing else from the namespace. Pods not read yet still count when their name is
 * the one their controller gives them (`<replicaset>-<suffix>`, StatefulSet `<name>-<ordinal>`),
 * so the first events of a freshly created pod are not missed between two scope refreshes.
 */
export function isAboutWorkload(event: EventEvidence, scope: WatchScope): boolean {
  const { kind, name, namespace } = event.object;
  const t = scope.target;
  if (kind === 'Node') return scope.nodeNames.has(name);
  // Events carry involvedObject.namespace for namespaced objects; an absent one is the event's own.
  if (namespace !== undefined && namespace !== t.namespace) return false;
  switch (kind) {
    case 'Deployment':
    case 'StatefulSet':
      return kind === t.kind && name === t.name;
    case 'ReplicaSet':
      return t.kind === 'Deployment' && scope.replicaSetNames.has(name);
    case 'Pod':
      return scope.podNames.has(name) || isControllerPodName(name, scope);
    case 'HorizontalPodAutoscaler':
      return scope.hpaNames.has(name);
    default:
      return false;
  }
}

function isControllerPodName(pod: string, scope: WatchScope): boolean {
  const t = scope.target;
  if (t.kind === 'StatefulSet') {
    return pod.startsWith(`${t.name}-`) && /^\d+$/.test(pod.slice(t.name.length + 1));
  }
  for (const rs of scope.replicaSetNames) if (pod.startsWith(`${rs}-`)) return true;
  return false;
}

const SCALED_REPLICA_SET = /\breplica set (\S+?)\s/i;
const ASSIGNED_TO_NODE = /^Successfully assigned \S+ to (\S+)$/;

/**
 * Grows the scope from what an event says, ahead of the next scope refresh: a rollout names the
 * new ReplicaSet ("Scaled up replica set payment-5f7b9 to 1"), the scheduler names the node a
 * pod went to. Call it only for events already about the workload. True when the scope grew.
 */
export function learnFromEvent(event: EventEvidence, scope: WatchScope): boolean {
  const t = scope.target;
  const { kind, name } = event.object;
  if (event.reason === 'ScalingReplicaSet' && kind === 'Deployment' && name === t.name) {
    const rs = SCALED_REPLICA_SET.exec(event.message)?.[1];
    if (rs !== undefined && rs.startsWith(`${t.name}-`) && !scope.replicaSetNames.has(rs)) {
      scope.replicaSetNames.add(rs);
      return true;
    }
  }
  if (event.reason === 'Scheduled' && kind === 'Pod') {
    const node = ASSIGNED_TO_NODE.exec(event.message.trim())?.[1];
    if (node !== undefined && !scope.nodeNames.has(node)) {
      scope.nodeNames.add(node);
      return true;
    }
  }
  return false;
}

/** Adds every name of `from` to `into`; true when anything was new. */
export function mergeScope(into: WatchScope, from: Omit<WatchScope, 'target'>): boolean {
  let grew = false;
  const merge = (a: Set<string>, b: Set<string>) => {
    for (const n of b) {
      if (!a.has(n)) {
        a.add(n);
        grew = true;
      }
    }
  };
  merge(into.podNames, from.podNames);
  merge(into.replicaSetNames, from.replicaSetNames);
  merge(into.nodeNames, from.nodeNames);
  merge(into.hpaNames, from.hpaNames);
  return grew;
}

/** The event was still happening at or after `since` (unreadable times count as recent). */
export function happenedSince(event: EventEvidence, since: IsoTime): boolean {
  const last = Date.parse(event.lastSeen || event.firstSeen);
  const from = Date.parse(since);
  return Number.isNaN(last) || Number.isNaN(from) || last >= from;
}

// Changes a responder looks for first: autoscaling, kills and evictions, node trouble,
// pods that cannot be placed or created.
const IMPORTANT_REASONS = new Set([
  'SuccessfulRescale',
  'OOMKilling',
  'SystemOOM',
  'Killing',
  'Evicted',
  'Preempting',
  'TaintManagerEviction',
  'EvictionThresholdMet',
  'NodeNotReady',
  'NodeHasDiskPressure',
  'NodeHasInsufficientMemory',
  'NodeHasInsufficientPID',
  'NodeNotSchedulable',
  'Rebooted',
  'FailedScheduling',
  'FailedCreate',
]);

/**
 * Key on the timeline. A rollout's own steps (ScalingReplicaSet, a StatefulSet creating and
 * deleting its pods) are routine: every deploy makes a dozen, the timeline collapses them into
 * one line per burst, and the rollout that matters is read from the revision history.
 */
export function isImportantEvent(event: EventEvidence): boolean {
  return IMPORTANT_REASONS.has(event.reason);
}

// Each rollout or scaling step is its own line ("to 3", then "to 5"); elsewhere the numbers and
// names that vary between repeats are masked, so a crash loop stays one line with a count.
const DISTINCT_MESSAGES = new Set(['ScalingReplicaSet', 'SuccessfulRescale']);

/** Same object, type, reason and message shape → the same key; the entry collapses its repeats. */
export function clusterEntryKey(event: EventEvidence): string {
  const { kind, name } = event.object;
  const message = DISTINCT_MESSAGES.has(event.reason)
    ? event.message.replace(/\s+/g, ' ').trim()
    : toMessageShape(event.message, name);
  return `cluster:${kind}/${name}:${event.reason}:${hash(`${event.type}\u0000${message}`)}`;
}

/** Longest message kept on the line; the API allows 1 KB and kubelets fill it with stack traces. */
const MAX_MESSAGE = 300;

/**
 * `pod/payment-7c9d-q2w3e: BackOff — Back-off restarting failed container app`, with `at` the
 * first and `until` the last time seen and `count` this event's own count. The sink adds the
 * counts of every event that shares the key. `fallbackAt` stands in for missing times.
 */
export function toTimelineEntry(event: EventEvidence, fallbackAt?: IsoTime): TimelineEntry {
  const { kind, name } = event.object;
  const message = truncate(event.message.replace(/\s+/g, ' ').trim(), MAX_MESSAGE);
  const head = `${kind.toLowerCase()}/${name}: ${event.reason}`;
  const at = normalizeTime(event.firstSeen) ?? normalizeTime(event.lastSeen) ?? normalizeTime(fallbackAt) ?? EPOCH;
  const until = normalizeTime(event.lastSeen) ?? at;
  return {
    key: clusterEntryKey(event),
    at,
    source: 'cluster',
    text: message === '' ? head : `${head} — ${message}`,
    important: isImportantEvent(event),
    count: Math.max(1, event.count),
    until: until < at ? at : until,
  };
}

const EPOCH = '1970-01-01T00:00:00Z';

/**
 * Second precision, always 20 characters ("2026-11-21T03:02:11Z", as metav1.Time prints):
 * MicroTime's fractions would otherwise make times of one entry incomparable as strings,
 * and the sink compares them as strings.
 */
function normalizeTime(t: string | undefined): IsoTime | undefined {
  if (t === undefined || t === '') return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** Two 32-bit FNV-1a hashes with different seeds, in base 36: keys stay short whatever the message. */
function hash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}
