/**
 * MySQL out of lock memory: InnoDB allocates the row locks of every open transaction from its
 * buffer pool (innodb_buffer_pool_size) and lets lock structures take only part of it, so one
 * transaction that locks a great many rows (an INSERT … SELECT or UPDATE over a day of a table)
 * fails with ERROR 1206 "The total number of locks exceeds the lock table size" and is rolled back
 * whole. No other session holds it up: the same statement passes on a server with a bigger
 * pool, so a pool cut (often with the server's memory limit) or a bigger batch brings it on, and
 * retrying the statement as it is fails again. Pure: reads lines and settings.
 */
import type { ServerExplanation } from './server-explanation.js';
import type { SettingAt } from './server-settings.js';

/** The error as the mysql client or a driver quotes it (ER_LOCK_TABLE_FULL). */
export const MYSQL_LOCK_TABLE_FULL = /\btotal number of locks exceeds the lock table size\b|\bERROR 1206\b/i;

/** The setting that sizes the memory the locks come from. */
export const BUFFER_POOL_SETTINGS = ['innodb_buffer_pool_size'] as const;

/** InnoDB's own warning that lock heaps fill its buffer pool ("Your buffer pool size is 256 MB", or the setting it names). */
export const LOCK_HEAPS_FILL_POOL: ServerExplanation = {
  pattern: /Over (\d+) percent of the buffer pool is occupied by lock heaps[^\n]*?(?:buffer pool size is (\d+ ?[KMG]B)|innodb_buffer_pool_size=(\d+[KMG]?))/i,
  describe: (m) => ({ said: `its own log says lock heaps take over ${m[1] ?? '?'}% of its buffer pool (${m[2] !== undefined ? `${m[2]} in all` : `innodb_buffer_pool_size=${m[3] ?? '?'}`})` }),
  everyMember: true,
};

export const LOCK_TABLE_WHY = 'InnoDB keeps the row locks of every open transaction in lock structures it allocates from its buffer pool (innodb_buffer_pool_size), and lets them take only part of it. A transaction that locks a great many rows at once — an INSERT … SELECT or an UPDATE over a whole day of a table, in one transaction — needs more than the pool can spare, so it fails with ERROR 1206 "The total number of locks exceeds the lock table size" and is rolled back whole. No other session holds it up: the same statement passes on a server with a larger buffer pool, so a smaller pool (a memory cut of the server) or more rows per transaction brings it on, and retrying the statement as it is fails the same way.';

export const LOCK_TABLE_OUTLASTS = 'the buffer pool is sized on the MySQL server: no revision of the client changes it';

/** The pool's size from the settings read, and where it is set. */
export function readBufferPool(settings: readonly SettingAt[]): { why: string; fix: string } | undefined {
  const set = settings.find((s) => s.setting.replace(/-/g, '_').toLowerCase() === 'innodb_buffer_pool_size');
  if (set === undefined || set.value.trim() === '') return undefined;
  return {
    why: `the buffer pool is innodb_buffer_pool_size ${set.value.trim()} (set in ${set.where}): the locks of one transaction must fit in part of it.`,
    // The fix already names the setting and where it lives.
    fix: '',
  };
}

/** The fix, with where the setting lives ("in ConfigMap x (its my.cnf sets 512M)"). */
export function fixBufferPool(where: string): string {
  return `raise innodb_buffer_pool_size ${where} (with the server's memory limit to match) so the transaction's row locks fit, or split the statement into smaller transactions committed batch by batch; retrying it as it is fails the same way`;
}
