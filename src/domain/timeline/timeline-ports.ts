/**
 * What the timeline needs from the outside world, in its own words: where an incident's entries
 * are kept, and the watch that feeds in its workload's cluster events.
 */
import type { WatchTarget } from './cluster-events.js';
import type { TimelineEntry } from './timeline-entry.js';

export interface TimelineStore {
  /** Appends once per entry key; false when the key was already written. */
  append(incidentId: string, entry: TimelineEntry): Promise<boolean>;
  /** Writes the entry whatever was there (an edited message, a grown repeat count). */
  put(incidentId: string, entry: TimelineEntry): Promise<void>;
  /** Applies `change` to the entry under `key` atomically; no-op when there is none. */
  update(incidentId: string, key: string, change: Partial<Pick<TimelineEntry, 'text' | 'mentions' | 'important' | 'count' | 'until'>>): Promise<boolean>;
  remove(incidentId: string, key: string): Promise<void>;
  get(incidentId: string, key: string): Promise<TimelineEntry | undefined>;
  /** In time order. */
  list(incidentId: string): Promise<TimelineEntry[]>;
}

/**
 * Keeps an incident's timeline fed with its workload's cluster events while the incident is
 * open. One watcher per target across all bot processes; every event is counted once.
 */
export interface ClusterWatch {
  /** Starts watching (idempotent: a target already watched keeps its original `since`). */
  watch(target: WatchTarget): Promise<void>;
  /** Stops every watch of the incident (on resolve). */
  unwatch(incidentId: string): Promise<void>;
}
