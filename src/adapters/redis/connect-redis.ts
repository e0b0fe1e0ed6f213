/** A named ioredis connection whose errors are logged at most every 30 s (Redis down floods otherwise). */
import { Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';
import type { Logger } from '../../logger.js';
import { throttledWarning } from './throttled-warning.js';

export function connectRedis(url: string, log: Logger, role: string, extra: RedisOptions = {}): Redis {
  const redis = new Redis(url, { connectionName: `rootcause-${role}`, ...extra });
  redis.on('error', throttledWarning(log, `redis ${role}`));
  return redis;
}
