/**
 * A Postgres primary whose commits wait for a synchronous standby that is gone. With
 * synchronous_commit on and synchronous_standby_names naming standbys, every COMMIT waits until
 * one of them confirms it; with none of them connected the wait never ends, so the clients' writes
 * run into their own deadline while their reads keep working. The primary says so itself when a
 * client gives up: "canceling wait for synchronous replication due to user request". What to look
 * at is the standby its setting names: a member of the namespace that cannot run (Pending, crashing).
 */
import type { EventEvidence, IsoTime, LogEvidence, PodEvidence, TriageEvidence, TriageTarget } from './evidence.js';
import type { DependencyPodEvidence } from './evidence-server-config.js';
import { findServerSettings } from './server-settings.js';
import { listMountedConfigMaps } from './server-config-file.js';
import { parseSchedulingMessage, summarizeSchedulingReasons } from './scheduling-message.js';
import { msBetween } from './time-span.js';

/** Postgres' own words when a backend stops waiting for its synchronous standby (cancel, terminate, shutdown). */
export const SYNC_WAIT = /canceling (?:the )?wait for synchronous replication|waiting for synchronous replication/i;

/** The settings that make commits wait: asked of the ConfigMaps the primary mounts. */
export const SYNC_SETTINGS = ['synchronous_standby_names', 'synchronous_commit'] as const;

/** A standby member's warning this recent still holds (the scheduler retries a Pending pod every few minutes at most). */
const RECENT_MS = 15 * 60_000;

/** The waits a server's log tail holds, and the lines. */
function findWaits(logs: readonly LogEvidence[]): string[] {
  return logs.flatMap((l) => l.lines.map((x) => x.trim()).filter((x) => SYNC_WAIT.test(x)));
}

/**
 * The ConfigMaps to read for the primary's synchronous settings: a dependency pod whose log shows
 * commits waiting for synchronous replication and whose command line does not set them.
 */
export function listSyncStandbyConfigReads(read: readonly DependencyPodEvidence[]): { service: string; configMaps: string[]; settings: string[] }[] {
  const own = read.find((d) => d.namespace === undefined && findWaits(d.logs).length > 0);
  if (!own || findServerSettings(own.pod, ['synchronous_standby_names'])) return [];
  const configMaps = listMountedConfigMaps(own.pod);
  return configMaps.length === 0 ? [] : [{ service: own.service, configMaps, settings: [...SYNC_SETTINGS] }];
}

/**
 * The standby names of synchronous_standby_names: `a`, `a, b`, `FIRST 1 (a, b)`, `ANY 2 (a, b, c)`,
 * `2 (a, b)`; quoted names unquoted. An empty list for '' (no synchronous standby) or '*' alone.
 */
export function parseStandbyNames(value: string): string[] {
  const inner = /\(([^)]*)\)/.exec(value)?.[1] ?? value;
  return inner.split(',').map((n) => n.trim().replace(/^"(.*)"$/, '$1')).filter((n) => n !== '' && n !== '*');
}

export interface StandbyMember {
  pod: string;
  /** "Pending", or the warning's reason (BackOff…). */
  state: string;
  /** The scheduler's reasons, summarized, for a Pending member. */
  unschedulable?: string;
  event: EventEvidence;
}

export interface SyncStandbyWait {
  /** The primary's pod and its Service. */
  primary: DependencyPodEvidence;
  lines: string[];
  /** synchronous_standby_names as its ConfigMap sets it, when read. */
  names?: { value: string; configMap: string; key: string };
  synchronousCommit?: string;
  standbys: StandbyMember[];
  /** When the standby first could not run: its oldest current warning. */
  since?: IsoTime;
}

const words = (s: string): string[] => s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');

/**
 * A pod of the namespace is the standby a name means when every word of the name is one of the
 * pod's (standby name "orders_replica" → pod "orders-db-replica-0"), or, when the setting was not
 * read, when it belongs to a set named after the primary's own ("orders-db" → "orders-db-standby-0").
 */
function isStandbyPod(pod: string, names: readonly string[], primary: PodEvidence): boolean {
  if (pod === primary.name) return false;
  const own = words(pod);
  if (names.some((n) => words(n).length > 0 && words(n).every((w) => own.includes(w)))) return true;
  const stem = primary.name.replace(/-\d+$/, '');
  return names.length === 0 && stem !== primary.name && pod.startsWith(`${stem}-`) && !/^\d+$/.test(pod.slice(stem.length + 1));
}

/** Standby members that cannot run now: the namespace's current Warnings about them. */
function findStandbys(ev: Pick<TriageEvidence, 'namespaceWarnings' | 'events' | 'collectedAt'>, names: readonly string[], primary: PodEvidence): StandbyMember[] {
  const warnings = [...(ev.namespaceWarnings ?? []), ...ev.events].filter((e) => e.object.kind === 'Pod' && e.type === 'Warning' && msBetween(e.lastSeen, ev.collectedAt) <= RECENT_MS);
  const byPod = new Map<string, EventEvidence>();
  for (const e of warnings) {
    if (!isStandbyPod(e.object.name, names, primary)) continue;
    const seen = byPod.get(e.object.name);
    // The scheduler's word first: a member it cannot place is why it is missing.
    if (!seen || (e.reason === 'FailedScheduling' && seen.reason !== 'FailedScheduling')) byPod.set(e.object.name, e);
  }
  return [...byPod.values()].map((event) => {
    if (event.reason !== 'FailedScheduling') return { pod: event.object.name, state: event.reason, event };
    const reasons = parseSchedulingMessage(event.message).reasons;
    return { pod: event.object.name, state: 'Pending', event, ...(reasons.length > 0 ? { unschedulable: summarizeSchedulingReasons(reasons) } : {}) };
  });
}

/** The primary the clients write to waits for synchronous replication: its setting, and the standbys that cannot run. */
export function findSyncStandbyWait(ev: Pick<TriageEvidence, 'dependencyPods' | 'namespaceWarnings' | 'events' | 'collectedAt'> & { target: TriageTarget }): SyncStandbyWait | undefined {
  for (const primary of ev.dependencyPods ?? []) {
    const lines = findWaits(primary.logs);
    if (lines.length === 0) continue;
    const config = primary.config ?? [];
    const set = config.find((c) => c.setting === 'synchronous_standby_names');
    const flag = findServerSettings(primary.pod, ['synchronous_standby_names'])?.flags.find((f) => f.name === 'synchronous_standby_names');
    const names = set ? { value: set.value, configMap: set.configMap, key: set.key } : flag ? { value: flag.value, configMap: '', key: '' } : undefined;
    const commit = config.find((c) => c.setting === 'synchronous_commit')?.value;
    const standbys = findStandbys(ev, names ? parseStandbyNames(names.value) : [], primary.pod);
    const since = standbys.map((s) => s.event.firstSeen).sort((a, b) => msBetween(b, a))[0];
    return { primary, lines, ...(names ? { names } : {}), ...(commit ? { synchronousCommit: commit } : {}), standbys, ...(since ? { since } : {}) };
  }
  return undefined;
}
