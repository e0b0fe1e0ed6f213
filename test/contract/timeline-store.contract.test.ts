/** TimelineStore: one behaviour, run against RedisTimelineStore (real Redis) and MemoryTimelineStore. */
import { describe, expect, it } from 'vitest';
import { RedisTimelineStore } from '../../src/adapters/redis/redis-timeline-store.js';
import type { TimelineStore } from '../../src/domain/timeline/timeline-ports.js';
import type { TimelineEntry } from '../../src/domain/timeline/timeline-entry.js';
import { MemoryTimelineStore } from '../support/memory-timeline-store.js';
import { useTestRedis } from './redis-fixture.js';

const redis = useTestRedis();

const stores: [string, () => TimelineStore][] = [
  ['RedisTimelineStore', () => new RedisTimelineStore(redis.redis(), redis.keys())],
  ['MemoryTimelineStore', () => new MemoryTimelineStore()],
];

function entry(key: string, at: string, text = key): TimelineEntry {
  return { key, at, source: 'slack', text };
}

describe.each(stores)('TimelineStore contract: %s', (_name, makeStore) => {
  it('appends once per key: a second append of the key changes nothing and answers false', async () => {
    const store = makeStore();
    expect(await store.append('inc-1', entry('m1', '2026-03-01T10:00:00.000Z', 'first'))).toBe(true);
    expect(await store.append('inc-1', entry('m1', '2026-03-01T11:00:00.000Z', 'again'))).toBe(false);
    expect(await store.list('inc-1')).toEqual([entry('m1', '2026-03-01T10:00:00.000Z', 'first')]);
    expect(await store.list('inc-2')).toEqual([]);
  });

  it('lists in time order, whatever the order of writing', async () => {
    const store = makeStore();
    await store.append('inc-1', entry('c', '2026-03-01T10:02:00.000Z'));
    await store.append('inc-1', entry('a', '2026-03-01T10:00:00.000Z'));
    await store.put('inc-1', entry('b', '2026-03-01T10:01:00.000Z'));
    expect((await store.list('inc-1')).map((e) => e.key)).toEqual(['a', 'b', 'c']);
  });

  it('puts over an entry, and merges an update into it (false when there is none)', async () => {
    const store = makeStore();
    await store.append('inc-1', { ...entry('ev', '2026-03-01T10:00:00.000Z', 'BackOff'), count: 1 });
    await store.put('inc-1', { ...entry('ev', '2026-03-01T10:00:00.000Z', 'BackOff (edited)'), count: 2 });
    expect(await store.update('inc-1', 'ev', { count: 3, until: '2026-03-01T10:05:00.000Z' })).toBe(true);
    expect(await store.get('inc-1', 'ev')).toEqual({ ...entry('ev', '2026-03-01T10:00:00.000Z', 'BackOff (edited)'), count: 3, until: '2026-03-01T10:05:00.000Z' });
    expect(await store.update('inc-1', 'missing', { text: 'x' })).toBe(false);
    expect(await store.get('inc-1', 'missing')).toBeUndefined();
  });

  it('keeps plain text and the ids it names; new text replaces them, or leaves none', async () => {
    const store = makeStore();
    const said = { ...entry('m1', '2026-03-01T10:00:00.000Z', '@U1 rolled back & cordoned <node-7>'), mentions: ['U1'] };
    await store.append('inc-1', said);
    expect(await store.list('inc-1')).toEqual([said]);
    expect(await store.update('inc-1', 'm1', { text: 'asked #C9 and @U2', mentions: ['C9', 'U2'] })).toBe(true);
    expect(await store.get('inc-1', 'm1')).toEqual({ ...said, text: 'asked #C9 and @U2', mentions: ['C9', 'U2'] });
    expect(await store.update('inc-1', 'm1', { text: 'nobody named', mentions: [] })).toBe(true);
    expect(await store.get('inc-1', 'm1')).toEqual(entry('m1', '2026-03-01T10:00:00.000Z', 'nobody named'));
  });

  it('keeps a removed entry removed: no append, put or update brings it back', async () => {
    const store = makeStore();
    await store.append('inc-1', entry('m1', '2026-03-01T10:00:00.000Z'));
    await store.append('inc-1', entry('m2', '2026-03-01T10:01:00.000Z'));
    await store.remove('inc-1', 'm1');
    expect(await store.get('inc-1', 'm1')).toBeUndefined();
    expect(await store.append('inc-1', entry('m1', '2026-03-01T10:00:00.000Z'))).toBe(false);
    await store.put('inc-1', entry('m1', '2026-03-01T10:00:00.000Z'));
    expect(await store.update('inc-1', 'm1', { text: 'edited' })).toBe(false);
    expect((await store.list('inc-1')).map((e) => e.key)).toEqual(['m2']);
  });
});
