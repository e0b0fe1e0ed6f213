/**
 * The Lua scripts of a lease held under a token (withRedisLock and RedisLeases): only the holder
 * whose token is still in KEYS[1] may renew or release it, checked and done in one step.
 */

/** ARGV[1] token, ARGV[2] lease ms; 1 when renewed, 0 when the lease ran out or another holder has it. */
export const RENEW_LEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/** ARGV[1] token; 1 when released, 0 when it was no longer this holder's. */
export const RELEASE_LEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
