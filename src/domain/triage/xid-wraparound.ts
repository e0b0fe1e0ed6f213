/**
 * Postgres's transaction-ID wraparound protection: when a database's oldest unfrozen XID (or
 * MultiXactId) comes within a few million of wrapping, Postgres refuses every command that would
 * assign a new one — every write — while reads and `pg_isready` keep working. Hours before, its
 * own log warned "must be vacuumed within N transactions"; what let it age is most often
 * autovacuum switched off (or its freeze age pushed up) in the server's config file.
 */
import type { ServerExplanation } from './server-explanation.js';
import type { SettingAt } from './server-settings.js';

/**
 * The refusal as the server words it (PG ≤ 15, PG 16+ and the MultiXact variant), quoted by the
 * client driver: `database is not accepting commands to avoid wraparound data loss in database "appdb"`;
 * a JSON log line carries its quotes escaped (`\"appdb\"`).
 */
export const WRAPAROUND_REFUSAL = /database is not accepting commands (?:that (?:assign|generate) new (?:transaction IDs|MultiXactIds) )?to avoid (?:wraparound|multixact wraparound) data loss in database (?:\\?"([^"\\]+)\\?"|with OID (\d+))/i;

/** " in database appdb", from a refused line. */
export function describeWraparoundScope(line: string): string {
  const m = WRAPAROUND_REFUSAL.exec(line);
  if (m?.[1] !== undefined) return ` in database ${m[1]}`;
  return m?.[2] !== undefined ? ` in the database with OID ${m[2]}` : '';
}

/**
 * What the server logged while the XID aged: `WARNING:  database "appdb" must be vacuumed within
 * 1000037 transactions`, or autovacuum's own word that it could freeze nothing because something
 * pins the oldest xmin (`WARNING:  oldest xmin is far in the past`, hinting at open transactions,
 * old prepared transactions and stale replication slots). The latter says what blocks the vacuum,
 * so it outranks a newer countdown.
 */
export const XID_WARNING: ServerExplanation = {
  pattern: /database (?:"([^"]+)"|with OID (\d+)) must be vacuumed within (\d+) transactions|\b(oldest xmin is far in the past)\b/,
  prefer: /\boldest xmin is far in the past\b/,
  describe: (m) => {
    if (m[4] !== undefined) {
      return {
        said: 'autovacuum could freeze nothing: its own log says the oldest xmin is far in the past (held back by an old prepared transaction, a long-open transaction or a stale replication slot, as its HINT says)',
        fix: HELD_XMIN_FIX,
      };
    }
    const db = m[1] !== undefined ? `"${m[1]}"` : `with OID ${m[2] ?? '?'}`;
    return { said: `its own log warned that database ${db} must be vacuumed within ${m[3] ?? '?'} transactions` };
  },
};

/** Vacuum cannot freeze past the held xmin: release the holder first, then freeze. */
const HELD_XMIN_FIX = 'release what holds the oldest xmin back — ROLLBACK PREPARED the old entries of pg_prepared_xacts, end the oldest open transactions of pg_stat_activity, drop stale slots of pg_replication_slots — then VACUUM (FREEZE) that whole database (in single-user mode only if it asks)';

/** The settings that decide whether anything freezes old rows in time. */
export const VACUUM_SETTINGS = ['autovacuum', 'autovacuum_freeze_max_age'] as const;

/** Postgres's default autovacuum_freeze_max_age: a larger one defers even the forced anti-wraparound vacuum. */
const DEFAULT_FREEZE_MAX_AGE = 200_000_000;

const OFF = /^(off|false|no|0)$/i;

/**
 * What the server's settings say about vacuuming, when they explain the refusal: autovacuum
 * turned off, a freeze age above the default. Absent when they leave both alone (then a
 * long-open transaction, an old prepared transaction or a stale replication slot held the XID back).
 */
export function readVacuumSettings(settings: readonly SettingAt[]): { why: string; fix: string } | undefined {
  const off = settings.find((c) => c.setting === 'autovacuum' && OFF.test(c.value));
  const age = settings.find((c) => c.setting === 'autovacuum_freeze_max_age' && Number(c.value) > DEFAULT_FREEZE_MAX_AGE);
  if (off === undefined && age === undefined) return undefined;
  const parts = [
    ...(off ? [`${off.where} sets autovacuum = ${off.value}, so no routine vacuum froze old rows`] : []),
    ...(age ? [`${off?.where === age.where ? 'it also' : age.where} sets autovacuum_freeze_max_age = ${age.value} (default ${DEFAULT_FREEZE_MAX_AGE}), which defers even the forced anti-wraparound vacuum`] : []),
  ];
  const wheres = [...new Set([off, age].flatMap((x) => (x ? [x.where] : [])))];
  const fix = [...(off ? ['autovacuum = on'] : []), ...(age ? [`autovacuum_freeze_max_age = ${DEFAULT_FREEZE_MAX_AGE}`] : [])].join(' and ');
  return { why: `${parts.join('; ')}.`, fix: `set ${fix} in ${wheres.map((w) => w.replace(/ \([^)]*\)$/, '')).join(' and ')}` };
}
