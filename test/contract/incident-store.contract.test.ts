/** IncidentStore: one behaviour, run against RedisIncidentStore (real Redis) and MemoryIncidentStore. */
import { describe, expect, it } from 'vitest';
import { RedisIncidentStore } from '../../src/adapters/redis/redis-incident-store.js';
import type { Incident } from '../../src/domain/incident/incident.js';
import type { IncidentStore } from '../../src/domain/incident/incident-ports.js';
import { MemoryIncidentStore } from '../support/memory-incident-store.js';
import { useTestRedis } from './redis-fixture.js';
import { AMPLE_BUDGET_MS } from '../helpers/deadline.js';

const redis = useTestRedis();
/** How long a lock waiter waits: the one generous deadline, so a loaded machine never makes a waiter give up early… */
const LOCK_WAIT_MS = AMPLE_BUDGET_MS;
/** …except where giving up is what the test checks: then the waiter may give up soon. */
const GIVE_UP_MS = 300;

const stores: [string, (waitMs?: number) => IncidentStore][] = [
  ['RedisIncidentStore', (waitMs = LOCK_WAIT_MS) => new RedisIncidentStore(redis.redis(), redis.keys(), { ttlMs: 2 * LOCK_WAIT_MS, waitMs })],
  ['MemoryIncidentStore', (waitMs = LOCK_WAIT_MS) => new MemoryIncidentStore({ lockWaitMs: waitMs })],
];

function incident(id: string, createdAt: string, extra: Partial<Incident> = {}): Incident {
  return { id, source: 'declared', title: `Incident ${id}`, status: 'triggered', statusAt: createdAt, createdAt, assigneeSlackIds: {}, services: [], progress: {}, ...extra };
}

describe.each(stores)('IncidentStore contract: %s', (_name, makeStore) => {
  it('gives back what was saved, as JSON would (undefined fields dropped), and nothing for an unknown id', async () => {
    const store = makeStore();
    expect(await store.get('decl-1')).toBeUndefined();
    const saved = incident('decl-1', '2026-03-01T10:00:00.000Z', { resolvedAt: undefined, progress: { topicSet: true } });
    await store.save(saved);
    const read = await store.get('decl-1');
    expect(read).toEqual(saved);
    expect(read !== undefined && 'resolvedAt' in read).toBe(false);
    await store.save({ ...saved, title: 'renamed' });
    expect((await store.get('decl-1'))?.title).toBe('renamed');
  });

  it('lets the first incident that claims a channel keep it', async () => {
    const store = makeStore();
    expect(await store.incidentForChannel('C1')).toBeUndefined();
    expect(await store.claimChannel('C1', 'decl-1')).toBe(true);
    expect(await store.claimChannel('C1', 'decl-2')).toBe(false);
    expect(await store.claimChannel('C1', 'decl-1')).toBe(true);
    expect(await store.incidentForChannel('C1')).toBe('decl-1');
  });

  it('ties a request to the first incident that claims it', async () => {
    const store = makeStore();
    expect(await store.incidentForRequest('req-1')).toBeUndefined();
    expect(await store.claimRequest('req-1', 'decl-1')).toBe('decl-1');
    expect(await store.claimRequest('req-1', 'decl-2')).toBe('decl-1');
    expect(await store.incidentForRequest('req-1')).toBe('decl-1');
  });

  it('numbers declared incidents 1, 2, 3', async () => {
    const store = makeStore();
    expect([await store.nextDeclaredNumber(), await store.nextDeclaredNumber(), await store.nextDeclaredNumber()]).toEqual([1, 2, 3]);
  });

  it('lists a service’s earlier incidents newest first, strictly before, at most `limit`, with the total', async () => {
    const store = makeStore();
    const times = ['2026-03-01T10:00:00.000Z', '2026-03-02T10:00:00.000Z', '2026-03-03T10:00:00.000Z', '2026-03-04T10:00:00.000Z'];
    for (const [i, at] of times.entries()) {
      const inc = incident(`pd-${i}`, at, i === 1 ? { rootCause: 'a bad deploy' } : {});
      await store.save(inc);
      await store.addToServiceHistory('pagerduty/PSVC', inc);
    }
    await store.addToServiceHistory('pagerduty/OTHER', incident('pd-x', times[0] ?? ''));
    expect(await store.earlierIncidents('pagerduty/PSVC', times[3] ?? '', 2)).toEqual({
      count: 3,
      recent: [
        { id: 'pd-2', title: 'Incident pd-2', createdAt: times[2], rootCauseRecorded: false },
        { id: 'pd-1', title: 'Incident pd-1', createdAt: times[1], rootCauseRecorded: true },
      ],
    });
    expect(await store.earlierIncidents('pagerduty/PSVC', times[0] ?? '', 5)).toEqual({ count: 0, recent: [] });
    expect(await store.earlierIncidents('pagerduty/NONE', times[3] ?? '', 5)).toEqual({ count: 0, recent: [] });
  });

  it('runs one lock holder at a time, returns what it returns, and releases the lock when it throws', async () => {
    const store = makeStore();
    const order: string[] = [];
    let release!: () => void;
    const first = store.withLock('decl-1', async () => {
      order.push('first in');
      await new Promise<void>((r) => (release = r));
      order.push('first out');
      return 'first';
    });
    await expect.poll(() => order).toEqual(['first in']);
    const second = store.withLock('decl-1', async () => {
      order.push('second');
      return 'second';
    });
    // Another incident's lock is free meanwhile.
    await expect(store.withLock('decl-2', async () => 'other')).resolves.toBe('other');
    release();
    expect(await Promise.all([first, second])).toEqual(['first', 'second']);
    expect(order).toEqual(['first in', 'first out', 'second']);
    await expect(store.withLock('decl-1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(store.withLock('decl-1', async () => 'free again')).resolves.toBe('free again');
  });

  it('gives up with a retryable INCIDENT_BUSY when the lock stays held', async () => {
    const store = makeStore(GIVE_UP_MS);
    let release!: () => void;
    let entered = false;
    const holder = store.withLock('decl-1', async () => {
      entered = true;
      await new Promise<void>((r) => (release = r));
    });
    await expect.poll(() => entered).toBe(true);
    await expect(store.withLock('decl-1', async () => 'never')).rejects.toMatchObject({ code: 'INCIDENT_BUSY', retryable: true });
    release();
    await holder;
  });
});
