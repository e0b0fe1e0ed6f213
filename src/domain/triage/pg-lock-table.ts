/**
 * Postgres out of lock-table slots: every lock a transaction holds on a relation (each table,
 * partition and index it touches) takes an entry of one shared table sized at
 * max_locks_per_transaction × (max_connections + max_prepared_transactions). When a query cannot
 * prune partitions it locks every partition and each of its indexes — thousands after a table
 * was split into daily partitions — and a few such queries at once fill it: that query and any
 * other that needs a lock then fail with "out of shared memory" (SQLSTATE 53200) and the hint to
 * raise max_locks_per_transaction. Not /dev/shm, not shared_buffers. Pure: reads lines and settings.
 */
import type { ServerExplanation } from './server-explanation.js';
import type { SettingAt } from './server-settings.js';

/** The error as drivers quote it (with its SQLSTATE) or the server's hint; not predicate locks (max_pred_locks_per_transaction). */
export const PG_LOCK_TABLE_FULL = /\bout of shared memory\b[^\n]*\b53200\b|\b53200\b[^\n]*\bout of shared memory\b|\bincrease max_locks_per_transaction\b/i;

/** The settings that size the lock table. */
export const LOCK_TABLE_SETTINGS = ['max_locks_per_transaction', 'max_connections'] as const;

/**
 * The server's own log naming partitions (a partitioning migration's DDL or procedure, a
 * partition attached): a partitioned table is what makes one query take thousands of locks.
 */
export const PARTITIONS_NAMED: ServerExplanation = {
  pattern: /\bPARTITION\s+(?:OF|BY)\s+"?([\w.]+)?|\bATTACH\s+PARTITION\b|\b\w*partitions?\w*\s*\(\s*'([\w.]+)'/i,
  describe: (m) => {
    const table = m[2] ?? m[1];
    return { said: `its log shows ${table ? `table ${table} partitioned` : 'partitioned tables'}` };
  },
};

/** A setting's value, the first place that sets it. */
function valueOf(settings: readonly SettingAt[], name: string): number | undefined {
  const v = settings.find((s) => s.setting.replace(/-/g, '_').toLowerCase() === name)?.value;
  return v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : undefined;
}

/** The lock table's size from the settings read ("64 × 100 = 6400 entries"), and where they are set. */
export function readLockTableSize(settings: readonly SettingAt[]): { why: string; fix: string } | undefined {
  const perTx = valueOf(settings, 'max_locks_per_transaction');
  if (perTx === undefined) return undefined;
  const conns = valueOf(settings, 'max_connections') ?? 100;
  const where = settings.find((s) => s.setting.replace(/-/g, '_').toLowerCase() === 'max_locks_per_transaction')?.where ?? 'its config';
  return {
    why: `the lock table holds max_locks_per_transaction ${perTx} × max_connections ${conns} = ${perTx * conns} entries (set in ${where}), shared by all sessions.`,
    // The fix already names the setting and where it lives.
    fix: '',
  };
}

/** The fix, with where the setting lives ("in ConfigMap x (its postgresql.conf sets 64)"). */
export function raiseLockTable(where: string): string {
  return `bound the queries by the partition key (a time range) so they prune partitions, and raise max_locks_per_transaction ${where} (e.g. 256–512; Postgres must restart to apply it), or use fewer, larger partitions`;
}
