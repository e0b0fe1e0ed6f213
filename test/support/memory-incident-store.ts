/** IncidentStore in memory, with RedisIncidentStore's semantics (JSON copies, first claim wins, one lock holder). */
import type { EarlierIncident, Incident } from '../../src/domain/incident/incident.js';
import type { IncidentStore } from '../../src/domain/incident/incident-ports.js';
import { RootcauseError } from '../../src/errors.js';
import { jsonCopy } from './json-copy.js';

export class MemoryIncidentStore implements IncidentStore {
  readonly incidents = new Map<string, Incident>();
  private readonly channels = new Map<string, string>();
  private readonly requests = new Map<string, string>();
  private readonly history = new Map<string, Map<string, number>>();
  private readonly locks = new Map<string, Promise<void>>();
  private declared = 0;

  /** `lockWaitMs`: how long withLock waits for a held lock before INCIDENT_BUSY; default 1000. */
  constructor(private readonly opts: { lockWaitMs?: number } = {}) {}

  async get(id: string): Promise<Incident | undefined> {
    const found = this.incidents.get(id);
    return found === undefined ? undefined : jsonCopy(found);
  }

  async save(incident: Incident): Promise<void> {
    this.incidents.set(incident.id, jsonCopy(incident));
  }

  async withLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + (this.opts.lockWaitMs ?? 1000);
    for (let held = this.locks.get(id); held !== undefined; held = this.locks.get(id)) {
      const left = deadline - Date.now();
      const timedOut = await Promise.race([held.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), Math.max(left, 0)))]);
      if (timedOut) throw new RootcauseError('INCIDENT_BUSY', `another worker holds incident ${id}`, { retryable: true });
    }
    let release!: () => void;
    this.locks.set(id, new Promise<void>((r) => (release = r)));
    try {
      return await fn();
    } finally {
      this.locks.delete(id);
      release();
    }
  }

  async claimChannel(channelId: string, incidentId: string): Promise<boolean> {
    if (!this.channels.has(channelId)) this.channels.set(channelId, incidentId);
    return this.channels.get(channelId) === incidentId;
  }

  async incidentForChannel(channelId: string): Promise<string | undefined> {
    return this.channels.get(channelId);
  }

  async incidentForRequest(requestId: string): Promise<string | undefined> {
    return this.requests.get(requestId);
  }

  async claimRequest(requestId: string, incidentId: string): Promise<string> {
    if (!this.requests.has(requestId)) this.requests.set(requestId, incidentId);
    return this.requests.get(requestId) ?? incidentId;
  }

  async nextDeclaredNumber(): Promise<number> {
    return ++this.declared;
  }

  async addToServiceHistory(serviceKey: string, incident: Incident): Promise<void> {
    const scores = this.history.get(serviceKey) ?? new Map<string, number>();
    scores.set(incident.id, Date.parse(incident.createdAt));
    this.history.set(serviceKey, scores);
  }

  async earlierIncidents(serviceKey: string, before: string, limit: number): Promise<{ count: number; recent: EarlierIncident[] }> {
    const cutoff = Date.parse(before);
    // Newest first; equal times in reverse id order, like ZREVRANGEBYSCORE.
    const earlier = [...(this.history.get(serviceKey) ?? new Map<string, number>())]
      .filter(([, at]) => at < cutoff)
      .sort(([a, x], [b, y]) => y - x || (b > a ? 1 : b < a ? -1 : 0));
    const recent = earlier
      .slice(0, limit)
      .map(([id]) => this.incidents.get(id))
      .filter((i): i is Incident => i !== undefined)
      .map((i) => ({ id: i.id, title: i.title, createdAt: i.createdAt, rootCauseRecorded: (i.rootCause ?? '').trim() !== '' }));
    return { count: earlier.length, recent };
  }
}
