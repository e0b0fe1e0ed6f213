/**
 * Leases in Redis held across many operations (unlike withRedisLock, which wraps one call):
 * SET NX PX with the holder's token, renewed by the holder while it works, released only by
 * it. A holder that dies loses its leases within `ttlMs`, and another process can take over.
 */
import type { Redis } from 'ioredis';
import { RELEASE_LEASE, RENEW_LEASE } from './lease-scripts.js';

// Taking a lease one already holds just renews it, so a holder can call acquire() again safely.
const ACQUIRE = `
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`;

export class RedisLeases {
  constructor(
    private readonly redis: Redis,
    /** This holder's token (one per process is enough: keys tell leases apart). */
    private readonly token: string,
    /** Lease length; the holder must renew well within it. */
    private readonly ttlMs: number,
  ) {}

  /** True when this holder has the lease now (newly taken or already held). */
  async acquire(key: string): Promise<boolean> {
    return (await this.redis.eval(ACQUIRE, 1, key, this.token, String(this.ttlMs))) === 1;
  }

  /** False when the lease ran out or another holder has it: stop the work it guards. */
  async renew(key: string): Promise<boolean> {
    return (await this.redis.eval(RENEW_LEASE, 1, key, this.token, String(this.ttlMs))) === 1;
  }

  async release(key: string): Promise<void> {
    await this.redis.eval(RELEASE_LEASE, 1, key, this.token);
  }
}
