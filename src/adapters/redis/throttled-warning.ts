import type { Log } from '../../domain/ports.js';

/** ioredis and BullMQ report every failed reconnect; one line every 30 s is enough to say Redis is down. */
export function throttledWarning(log: Log, what: string, everyMs = 30_000): (err: Error) => void {
  let lastWarned = 0;
  return (err: Error) => {
    if (Date.now() - lastWarned < everyMs) return;
    lastWarned = Date.now();
    log.warn({ what, err: err.message }, 'Redis is unreachable; retrying');
  };
}
