/** PostLedger: one behaviour, run against RedisPostLedger (real Redis) and MemoryPostLedger. */
import { describe, expect, it } from 'vitest';
import { RedisPostLedger } from '../../src/adapters/redis/redis-post-ledger.js';
import type { PostLedger } from '../../src/domain/ports.js';
import { MemoryPostLedger } from '../support/memory-post-ledger.js';
import { useTestRedis } from './redis-fixture.js';

const redis = useTestRedis();

const ledgers: [string, () => PostLedger][] = [
  ['RedisPostLedger', () => new RedisPostLedger(redis.redis(), redis.keys())],
  ['MemoryPostLedger', () => new MemoryPostLedger()],
];

describe.each(ledgers)('PostLedger contract: %s', (_name, makeLedger) => {
  it('claims a key once, then says since when it is being posted', async () => {
    const ledger = makeLedger();
    expect(await ledger.read('inc-1/card')).toBeUndefined();
    expect(await ledger.claim('inc-1/card', 1000)).toBe(true);
    expect(await ledger.claim('inc-1/card', 2000)).toBe(false);
    expect(await ledger.read('inc-1/card')).toEqual({ postingSince: 1000 });
  });

  it('hands a claim over only to the one who names it as it is', async () => {
    const ledger = makeLedger();
    expect(await ledger.reclaim('inc-1/card', 1000, 2000)).toBe(false);
    await ledger.claim('inc-1/card', 1000);
    expect(await ledger.reclaim('inc-1/card', 999, 2000)).toBe(false);
    expect(await ledger.reclaim('inc-1/card', 1000, 2000)).toBe(true);
    expect(await ledger.reclaim('inc-1/card', 1000, 3000)).toBe(false);
    expect(await ledger.read('inc-1/card')).toEqual({ postingSince: 2000 });
  });

  it('keeps the ts once posted: no claim or reclaim takes it back', async () => {
    const ledger = makeLedger();
    await ledger.claim('inc-1/card', 1000);
    await ledger.markPosted('inc-1/card', '1700000000.000100');
    expect(await ledger.read('inc-1/card')).toEqual({ posted: '1700000000.000100' });
    expect(await ledger.claim('inc-1/card', 2000)).toBe(false);
    expect(await ledger.reclaim('inc-1/card', 1000, 2000)).toBe(false);
    expect(await ledger.read('inc-1/card')).toEqual({ posted: '1700000000.000100' });
  });
});
