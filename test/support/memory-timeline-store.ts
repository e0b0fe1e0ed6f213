/** TimelineStore in memory, with RedisTimelineStore's semantics: append once per key, a removed key stays removed. */
import type { TimelineStore } from '../../src/domain/timeline/timeline-ports.js';
import type { TimelineEntry } from '../../src/domain/timeline/timeline-entry.js';
import { jsonCopy } from './json-copy.js';

const REMOVED = 'removed';
type Slot = TimelineEntry | typeof REMOVED;

export class MemoryTimelineStore implements TimelineStore {
  private readonly byIncident = new Map<string, Map<string, Slot>>();

  async append(incidentId: string, entry: TimelineEntry): Promise<boolean> {
    const entries = this.entries(incidentId);
    if (entries.has(entry.key)) return false;
    entries.set(entry.key, jsonCopy(entry));
    return true;
  }

  async put(incidentId: string, entry: TimelineEntry): Promise<void> {
    const entries = this.entries(incidentId);
    if (entries.get(entry.key) === REMOVED) return;
    entries.set(entry.key, jsonCopy(entry));
  }

  async update(incidentId: string, key: string, change: Partial<Pick<TimelineEntry, 'text' | 'mentions' | 'important' | 'count' | 'until'>>): Promise<boolean> {
    const entries = this.entries(incidentId);
    const entry = entries.get(key);
    if (entry === undefined || entry === REMOVED) return false;
    // New text brings its own mentions; none is no field, as Redis keeps it.
    const { mentions, ...merged } = { ...entry, ...change, ...(change.text !== undefined ? { mentions: change.mentions } : {}) };
    entries.set(key, jsonCopy(mentions !== undefined && mentions.length > 0 ? { ...merged, mentions } : merged));
    return true;
  }

  async remove(incidentId: string, key: string): Promise<void> {
    this.entries(incidentId).set(key, REMOVED);
  }

  async get(incidentId: string, key: string): Promise<TimelineEntry | undefined> {
    const entry = this.entries(incidentId).get(key);
    return entry === undefined || entry === REMOVED ? undefined : jsonCopy(entry);
  }

  async list(incidentId: string): Promise<TimelineEntry[]> {
    // Time order; equal times by key, like a sorted set.
    return [...this.entries(incidentId).values()]
      .filter((e): e is TimelineEntry => e !== REMOVED)
      .map((e) => ({ e, at: Date.parse(e.at) || 0 }))
      .sort((a, b) => a.at - b.at || (a.e.key < b.e.key ? -1 : a.e.key > b.e.key ? 1 : 0))
      .map(({ e }) => jsonCopy(e));
  }

  private entries(incidentId: string): Map<string, Slot> {
    let entries = this.byIncident.get(incidentId);
    if (entries === undefined) this.byIncident.set(incidentId, (entries = new Map()));
    return entries;
  }
}
