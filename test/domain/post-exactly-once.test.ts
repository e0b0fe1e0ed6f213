/**
 * postExactlyOnce against the real Redis ledger and a channel kept in memory that, like Slack,
 * finds a message by the key in its metadata.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RedisKeys } from '../../src/adapters/redis/keys.js';
import { RedisPostLedger } from '../../src/adapters/redis/redis-post-ledger.js';
import { POSTING_STALE_MS, postExactlyOnce } from '../../src/domain/post-exactly-once.js';
import type { ChatMessage } from '../../src/domain/chat-message.js';
import { connectTestRedis, deleteKeys, randomPrefix } from '../helpers/redis.js';

let redis: Redis;
let prefix: string;
let ledger: RedisPostLedger;

beforeAll(() => {
  redis = connectTestRedis();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(async () => {
  if (prefix !== undefined) await deleteKeys(redis, prefix);
  prefix = randomPrefix();
  ledger = new RedisPostLedger(redis, new RedisKeys(prefix));
});

/** One channel: posts get increasing ts and keep their key, as Slack keeps message metadata. */
function channel() {
  const posted: { ts: string; key: string }[] = [];
  return {
    posted,
    async post(_channel: string, message: ChatMessage): Promise<string> {
      const ts = `1795230000.${String(posted.length + 1).padStart(6, '0')}`;
      posted.push({ ts, key: message.key });
      return ts;
    },
    async findPostedMessage(_channel: string, key: string): Promise<string | undefined> {
      return posted.find((p) => p.key === key)?.ts;
    },
  };
}

/** The flow's clock, standing at `ms`. */
function clockAt(ms: number) {
  return { now: () => new Date(ms) };
}
const T0 = 1_800_000_000_000;

const message: ChatMessage = { key: 'pd-P1/postmortem/intro', kind: 'text', text: 'Post-mortem draft' };

describe('postExactlyOnce', () => {
  it('posts once, and a second call returns the same ts without posting', async () => {
    const chat = channel();
    const ts = await postExactlyOnce({ chat, ledger, clock: clockAt(T0) }, 'C1', message);
    expect(await postExactlyOnce({ chat, ledger, clock: clockAt(T0) }, 'C1', message)).toBe(ts);
    expect(chat.posted).toHaveLength(1);
  });

  it('takes over the claim of a worker that died before posting, once its job could have been handed on', async () => {
    const chat = channel();
    const t0 = 1_800_000_000_000;
    // The dead worker claimed the key and died before Slack saw anything.
    expect(await ledger.claim(message.key, t0)).toBe(true);
    // Another worker gets the job after the dead one's job lock ran out and a stalled check saw
    // it (10 s + 5 s): by then the claim must count as left behind.
    const ts = await postExactlyOnce({ chat, ledger, clock: clockAt(t0 + 16_000) }, 'C1', message);
    expect(chat.posted).toEqual([{ ts, key: message.key }]);
  });

  it('finds the message a worker posted before dying, instead of posting it again', async () => {
    const chat = channel();
    const t0 = 1_800_000_000_000;
    expect(await ledger.claim(message.key, t0)).toBe(true);
    const ts = await chat.post('C1', message);
    expect(await postExactlyOnce({ chat, ledger, clock: clockAt(t0 + POSTING_STALE_MS + 1) }, 'C1', message)).toBe(ts);
    expect(chat.posted).toHaveLength(1);
  });

  it('leaves a fresh claim alone (another worker is posting right now) with a retryable busy', async () => {
    const chat = channel();
    const t0 = 1_800_000_000_000;
    expect(await ledger.claim(message.key, t0)).toBe(true);
    await expect(postExactlyOnce({ chat, ledger, clock: clockAt(t0 + 1_000) }, 'C1', message)).rejects.toMatchObject({ code: 'INCIDENT_BUSY', retryable: true });
    expect(chat.posted).toEqual([]);
  });

  it('marks a claim stale at once when the post fails, so the retry looks before posting', async () => {
    const chat = channel();
    const failing = { ...chat, post: async () => Promise.reject(new Error('Slack 500 after acting')) };
    await expect(postExactlyOnce({ chat: failing, ledger, clock: clockAt(T0) }, 'C1', message)).rejects.toThrow('Slack 500');
    // No wait for the claim to age: the very next try goes ahead.
    await postExactlyOnce({ chat, ledger, clock: clockAt(T0) }, 'C1', message);
    expect(chat.posted).toHaveLength(1);
  });
});
