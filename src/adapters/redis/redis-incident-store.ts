import type { Redis } from 'ioredis';
import type { EarlierIncident, Incident } from '../../domain/incident/incident.js';
import type { IncidentStore } from '../../domain/incident/incident-ports.js';
import type { RedisKeys } from './keys.js';
import { withRedisLock } from './redis-lock.js';
import type { LockOptions } from './redis-lock.js';

/** Incidents as JSON strings; the lock makes read-modify-write safe across replicas. */
export class RedisIncidentStore implements IncidentStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly lockOptions: LockOptions = {},
  ) {}

  async get(id: string): Promise<Incident | undefined> {
    const raw = await this.redis.get(this.keys.incident(id));
    return raw === null ? undefined : (JSON.parse(raw) as Incident);
  }

  async save(incident: Incident): Promise<void> {
    await this.redis.set(this.keys.incident(incident.id), JSON.stringify(incident));
  }

  withLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
    return withRedisLock(this.redis, this.keys.incidentLock(id), fn, this.lockOptions);
  }

  async claimChannel(channelId: string, incidentId: string): Promise<boolean> {
    const key = this.keys.channelIncident(channelId);
    await this.redis.set(key, incidentId, 'NX');
    return (await this.redis.get(key)) === incidentId;
  }

  async incidentForChannel(channelId: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.channelIncident(channelId))) ?? undefined;
  }

  async incidentForRequest(requestId: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.requestIncident(requestId))) ?? undefined;
  }

  async claimRequest(requestId: string, incidentId: string): Promise<string> {
    const key = this.keys.requestIncident(requestId);
    await this.redis.set(key, incidentId, 'EX', 30 * 24 * 3600, 'NX');
    return (await this.redis.get(key)) ?? incidentId;
  }

  nextDeclaredNumber(): Promise<number> {
    return this.redis.incr(this.keys.declaredCounter);
  }

  async addToServiceHistory(serviceKey: string, incident: Incident): Promise<void> {
    await this.redis.zadd(this.keys.serviceHistory(serviceKey), String(Date.parse(incident.createdAt)), incident.id);
  }

  async earlierIncidents(serviceKey: string, before: string, limit: number): Promise<{ count: number; recent: EarlierIncident[] }> {
    const key = this.keys.serviceHistory(serviceKey);
    const max = `(${Date.parse(before)}`;
    const [count, ids] = await Promise.all([
      this.redis.zcount(key, '-inf', max),
      this.redis.zrevrangebyscore(key, max, '-inf', 'LIMIT', 0, limit),
    ]);
    if (ids.length === 0) return { count, recent: [] };
    const raws = await this.redis.mget(ids.map((id) => this.keys.incident(id)));
    const recent = raws
      .filter((raw): raw is string => raw !== null)
      .map((raw) => JSON.parse(raw) as Incident)
      .map((i) => ({ id: i.id, title: i.title, createdAt: i.createdAt, rootCauseRecorded: (i.rootCause ?? '').trim() !== '' }));
    return { count, recent };
  }
}
