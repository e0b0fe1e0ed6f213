/**
 * A lease in Redis: SET NX PX with a random token, renewed while the holder works,
 * released only by its holder. A crashed holder's lease runs out within `ttlMs`.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RootcauseError } from '../../errors.js';
import { RELEASE_LEASE, RENEW_LEASE } from './lease-scripts.js';

export interface LockOptions {
  /** Lease length; renewed every third of it. Default 10 s (DEFAULT_LOCK_TTL_MS). */
  ttlMs?: number;
  /**
   * How long to wait for a held lock before giving up with INCIDENT_BUSY. Default: the lease
   * plus 2 s, so a lock left by a crashed holder is waited out in one go instead of through the
   * job's growing backoff (which turned a 30 s lease into 60–90 s of recovery).
   */
  waitMs?: number;
}

/**
 * A crashed holder's lease runs out within this, like a crashed worker's job lock (run-worker.ts):
 * the two together decide how soon another process carries on. The price: a holder whose event
 * loop stalls for longer than this without renewing loses the lock.
 */
export const DEFAULT_LOCK_TTL_MS = 10_000;

export async function withRedisLock<T>(redis: Redis, key: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
  const ttlMs = opts.ttlMs ?? DEFAULT_LOCK_TTL_MS;
  const waitMs = opts.waitMs ?? ttlMs + 2_000;
  const token = randomUUID();
  const deadline = Date.now() + waitMs;
  for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
    if ((await redis.set(key, token, 'PX', ttlMs, 'NX')) === 'OK') break;
    if (Date.now() >= deadline) {
      throw new RootcauseError('INCIDENT_BUSY', `another worker holds ${key}`, { retryable: true });
    }
    await new Promise((r) => setTimeout(r, pause));
  }
  const renew = setInterval(() => {
    redis.eval(RENEW_LEASE, 1, key, token, String(ttlMs)).catch(() => undefined);
  }, Math.floor(ttlMs / 3));
  try {
    return await fn();
  } finally {
    clearInterval(renew);
    await redis.eval(RELEASE_LEASE, 1, key, token).catch(() => undefined);
  }
}
