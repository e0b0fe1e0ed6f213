/** ActionItemStore: one behaviour, run against RedisActionItemStore (real Redis) and MemoryActionItemStore. */
import { describe, expect, it } from 'vitest';
import { RedisActionItemStore } from '../../src/adapters/redis/redis-action-item-store.js';
import type { ActionItem } from '../../src/domain/postmortem/action-item.js';
import type { ActionItemStore } from '../../src/domain/postmortem/postmortem-ports.js';
import { MemoryActionItemStore } from '../support/memory-action-item-store.js';
import { useTestRedis } from './redis-fixture.js';

const redis = useTestRedis();

const stores: [string, () => ActionItemStore][] = [
  ['RedisActionItemStore', () => new RedisActionItemStore(redis.redis(), redis.keys())],
  ['MemoryActionItemStore', () => new MemoryActionItemStore()],
];

function item(id: string, extra: Partial<ActionItem> = {}): ActionItem {
  return { id, incidentId: 'inc-1', text: `Do ${id}`, ownerId: 'U1', dueAt: '2026-03-10T09:00:00.000Z', dueKind: 'date-time', createdAt: '2026-03-01T09:00:00.000Z', createdBy: 'U9', kind: 'action', status: 'open', ...extra };
}

describe.each(stores)('ActionItemStore contract: %s', (_name, makeStore) => {
  it('hands out A1, A2, A3', async () => {
    const store = makeStore();
    expect([await store.nextId(), await store.nextId(), await store.nextId()]).toEqual(['A1', 'A2', 'A3']);
  });

  it('gives back what was saved, and lists an incident’s items by due time, then id', async () => {
    const store = makeStore();
    expect(await store.get('A1')).toBeUndefined();
    await store.save(item('A2', { dueAt: '2026-03-12T09:00:00.000Z' }));
    await store.save(item('A3', { dueAt: '2026-03-11T09:00:00.000Z' }));
    await store.save(item('A1', { dueAt: '2026-03-12T09:00:00.000Z' }));
    await store.save(item('A4', { incidentId: 'inc-2' }));
    expect(await store.get('A3')).toEqual(item('A3', { dueAt: '2026-03-11T09:00:00.000Z' }));
    expect((await store.forIncident('inc-1')).map((i) => i.id)).toEqual(['A3', 'A1', 'A2']);
    expect(await store.forIncident('inc-none')).toEqual([]);
  });

  it('lists open items, all and per owner; a done item leaves those lists but stays the incident’s', async () => {
    const store = makeStore();
    await store.save(item('A1'));
    await store.save(item('A2', { ownerId: 'U2' }));
    expect((await store.allOpen()).map((i) => i.id)).toEqual(['A1', 'A2']);
    expect((await store.openForOwner('U1')).map((i) => i.id)).toEqual(['A1']);
    await store.save(item('A1', { status: 'done', doneAt: '2026-03-02T09:00:00.000Z', doneBy: 'U1' }));
    expect((await store.allOpen()).map((i) => i.id)).toEqual(['A2']);
    expect(await store.openForOwner('U1')).toEqual([]);
    expect((await store.forIncident('inc-1')).map((i) => [i.id, i.status])).toEqual([
      ['A1', 'done'],
      ['A2', 'open'],
    ]);
  });

  it('lists an item given to someone else under its new owner only', async () => {
    const store = makeStore();
    await store.save(item('A1', { ownerId: 'U1' }));
    await store.save(item('A1', { ownerId: 'U2' }));
    expect((await store.openForOwner('U2')).map((i) => i.id)).toEqual(['A1']);
    expect(await store.openForOwner('U1')).toEqual([]);
  });
});
