import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RedisKeys } from '../../../src/adapters/redis/keys.js';
import { RedisClusterEventSink } from '../../../src/adapters/redis/redis-cluster-event-sink.js';
import { RedisTimelineStore } from '../../../src/adapters/redis/redis-timeline-store.js';
import { toTimelineEntry } from '../../../src/domain/timeline/cluster-events.js';
import type { EventEvidence } from '../../../src/domain/triage/evidence.js';
import { connectTestRedis, deleteKeys, randomPrefix } from '../../helpers/redis.js';

const INCIDENT = 'PINC1';

function backOff(count: number, firstSeen: string, lastSeen: string, pod = 'payment-7c9d-q2w3e'): EventEvidence {
  return {
    object: { kind: 'Pod', name: pod, namespace: 'payments' },
    type: 'Warning',
    reason: 'BackOff',
    message: 'Back-off restarting failed container app',
    count,
    firstSeen,
    lastSeen,
  };
}

describe('RedisClusterEventSink', () => {
  let redis: Redis;
  let other: Redis;
  let prefix: string;
  let keys: RedisKeys;
  let store: RedisTimelineStore;

  beforeEach(() => {
    redis = connectTestRedis();
    other = connectTestRedis();
    prefix = randomPrefix();
    keys = new RedisKeys(prefix);
    store = new RedisTimelineStore(redis, keys);
  });

  afterEach(async () => {
    await deleteKeys(redis, prefix);
    await Promise.all([redis.quit(), other.quit()]);
  });

  it('adds only the growth of an event’s count, however often it is seen', async () => {
    const sink = new RedisClusterEventSink(redis, keys);
    const e3 = backOff(3, '2026-11-21T02:00:00Z', '2026-11-21T02:03:00Z');
    const e7 = backOff(7, '2026-11-21T02:00:00Z', '2026-11-21T02:07:00Z');
    expect(await sink.ingest(INCIDENT, { uid: 'u1', count: 3 }, toTimelineEntry(e3))).toBe(3);
    expect(await sink.ingest(INCIDENT, { uid: 'u1', count: 3 }, toTimelineEntry(e3))).toBe(0);
    expect(await sink.ingest(INCIDENT, { uid: 'u1', count: 7 }, toTimelineEntry(e7))).toBe(4);
    // A replay of the older observation (a re-list served from a lagging cache) adds nothing.
    expect(await sink.ingest(INCIDENT, { uid: 'u1', count: 3 }, toTimelineEntry(e3))).toBe(0);
    const entries = await store.list(INCIDENT);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ source: 'cluster', count: 7, at: '2026-11-21T02:00:00Z', until: '2026-11-21T02:07:00Z', important: false });
  });

  it('adds up different events of one key and widens the span both ways', async () => {
    const sink = new RedisClusterEventSink(redis, keys);
    const later = backOff(2, '2026-11-21T02:10:00Z', '2026-11-21T02:12:00Z');
    const earlier = backOff(5, '2026-11-21T01:50:00Z', '2026-11-21T01:55:00Z');
    await sink.ingestMany(INCIDENT, [
      { uid: 'a', count: 2, entry: toTimelineEntry(later) },
      { uid: 'b', count: 5, entry: toTimelineEntry(earlier) },
    ]);
    const [entry] = await store.list(INCIDENT);
    expect(entry).toMatchObject({ count: 7, at: '2026-11-21T01:50:00Z', until: '2026-11-21T02:12:00Z' });
    expect(await redis.zscore(keys.timelineOrder(INCIDENT), entry?.key ?? '')).toBe(String(Date.parse('2026-11-21T01:50:00Z')));
  });

  it('counts each occurrence once under concurrent writers on separate connections', async () => {
    const sinks = [new RedisClusterEventSink(redis, keys), new RedisClusterEventSink(other, keys)];
    // Five events, each observed at every count from 1 to 20 by both writers, in shuffled order.
    const calls: Promise<number[]>[] = [];
    for (let round = 0; round < 20; round++) {
      for (const [w, sink] of sinks.entries()) {
        const records = [];
        for (let uid = 0; uid < 5; uid++) {
          const count = ((round * 7 + uid * 3 + w * 11) % 20) + 1;
          const e = backOff(count, '2026-11-21T02:00:00Z', `2026-11-21T02:${String(count).padStart(2, '0')}:00Z`, `payment-7c9d-pod${uid}`);
          records.push({ uid: `uid-${uid}`, count, entry: toTimelineEntry(e) });
        }
        calls.push(sink.ingestMany(INCIDENT, records));
      }
    }
    // The last word of each: the full count of 20.
    for (const sink of sinks) {
      const records = [0, 1, 2, 3, 4].map((uid) => ({
        uid: `uid-${uid}`,
        count: 20,
        entry: toTimelineEntry(backOff(20, '2026-11-21T02:00:00Z', '2026-11-21T02:20:00Z', `payment-7c9d-pod${uid}`)),
      }));
      calls.push(sink.ingestMany(INCIDENT, records));
    }
    const deltas = (await Promise.all(calls)).flat();
    expect(deltas.reduce((a, b) => a + b, 0)).toBe(5 * 20);
    const entries = await store.list(INCIDENT);
    expect(entries.map((e) => e.count)).toEqual([20, 20, 20, 20, 20]);
    expect(entries.every((e) => e.until === '2026-11-21T02:20:00Z')).toBe(true);
  });

  it('leaves a deleted entry deleted', async () => {
    const sink = new RedisClusterEventSink(redis, keys);
    const entry = toTimelineEntry(backOff(1, '2026-11-21T02:00:00Z', '2026-11-21T02:00:00Z'));
    await sink.ingest(INCIDENT, { uid: 'u1', count: 1 }, entry);
    await store.remove(INCIDENT, entry.key);
    await sink.ingest(INCIDENT, { uid: 'u1', count: 4 }, entry);
    await sink.ingest(INCIDENT, { uid: 'u2', count: 1 }, entry);
    expect(await store.list(INCIDENT)).toEqual([]);
  });

  it('keeps the counts of an incident for a limited time', async () => {
    const sink = new RedisClusterEventSink(redis, keys, { countsTtlMs: 60_000 });
    const before = Date.now();
    await sink.ingest(INCIDENT, { uid: 'u1', count: 1 }, toTimelineEntry(backOff(1, '2026-11-21T02:00:00Z', '2026-11-21T02:00:00Z')));
    const ttl = await redis.pttl(keys.clusterEventCounts(INCIDENT));
    // Set to 60 s, minus however long the write and this read took (a busy machine is slow).
    expect(ttl).toBeGreaterThanOrEqual(60_000 - (Date.now() - before) - 1);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});
