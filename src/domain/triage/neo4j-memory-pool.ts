// Neo4j refusing a transaction's memory allocation at its transaction memory limits: the global pool
// all running transactions share (dbms.memory.transaction.total.max in 5.x,
// dbms.memory.transaction.global_max_size in 4.x) or the cap of one transaction
// (db.memory.transaction.max, dbms.memory.transaction.max_size). Neo4j itself states the setting it
// reached ("… dbms.memory.transaction.total.max threshold reached"); the drivers retry the transient
// error into the same wall. Heavy queries (multi-hop traversals, large aggregations, big writes)
// fail while light ones, the Bolt port and its probes still answer: the heap is not full and the
// pod is not killed. The limit lives in neo4j.conf (often a ConfigMap the server mounts) or in the
// image's env form of it (NEO4J_dbms_memory_transaction_total__max), read when Neo4j starts.
import type { PodEvidence } from './evidence.js';

/**
 * `Neo.TransientError.General.MemoryPoolOutOfMemoryError`, `…TransactionOutOfMemoryError`, or the
 * limit named as reached; not a driver's notice that it will retry the transaction (the failure it
 * retries is logged once, and so is the one it gives up on).
 */
export const NEO4J_MEMORY_POOL = /^(?!.*\bwill be retried\b).*(?:\bNeo\.\w+Error\.General\.(?:MemoryPool|Transaction)OutOfMemoryError\b|\b(?:dbms|db)\.memory\.transaction\.[\w.]+ threshold reached\b)/;

/** Neo4j's own words, with the driver's exception class before them: the log line's fields and times are noise in a quote. */
const NEO4J_WORDS = /(?:[\w.]+(?:Exception|Error):\s*)?The allocation of an extra [^"]*?(?:threshold reached|$)/;

export function quoteNeo4j(line: string): string {
  return NEO4J_WORDS.exec(line)?.[0] ?? line;
}

/** The setting Neo4j's own words name as the limit reached. */
export const NEO4J_NAMED_LIMIT = /\b((?:dbms|db)\.memory\.transaction\.[\w.]+) threshold reached\b/;

/** The transaction memory limits across versions: the pool of all transactions first, then the cap of one. */
export const NEO4J_MEMORY_SETTINGS: readonly string[] = [
  'dbms.memory.transaction.total.max',
  'dbms.memory.transaction.global_max_size',
  'db.memory.transaction.max',
  'dbms.memory.transaction.max_size',
];

export const NEO4J_MEMORY_POOL_WHY =
  "Neo4j counts the memory every running transaction allocates against its transaction memory limits — dbms.memory.transaction.total.max for all of them together (the global pool), db.memory.transaction.max for one — and past either refuses the allocation (MemoryPoolOutOfMemoryError, a transient error the drivers retry into the same limit): heavy queries (multi-hop traversals, large aggregations, big writes) fail while light ones, the Bolt port and its probes still answer. The heap is not full and nothing is killed; a limit set below what the queries need (lowered in neo4j.conf, taken at Neo4j's restart) or heavier queries bring it there.";

export const NEO4J_MEMORY_POOL_FIX = 'raise the transaction memory limit Neo4j names (dbms.memory.transaction.total.max, db.memory.transaction.max) in its neo4j.conf above what the queries need, or unset it to fall back to its default, and restart Neo4j; then bound the heaviest queries (fewer hops, LIMIT, writes batched with CALL { … } IN TRANSACTIONS)';

/** The fix where the limit is kept ("in ConfigMap graph-conf (its neo4j.conf sets 256m)"), for the setting Neo4j named. */
export function fixNeo4jMemoryLimit(where: string, setting = NEO4J_MEMORY_SETTINGS[0] ?? ''): string {
  return `raise ${setting} ${where} above what the queries need (or unset it to fall back to its default) and restart Neo4j so it takes it; then bound the heaviest queries (fewer hops, LIMIT, writes batched with CALL { … } IN TRANSACTIONS)`;
}

/** The Neo4j image's env form of a setting: `dbms.memory.transaction.total.max` → `NEO4J_dbms_memory_transaction_total__max`. */
export function neo4jEnvName(setting: string): string {
  return `NEO4J_${setting.replace(/_/g, '__').replace(/\./g, '_')}`;
}

/** The transaction memory limits the server's pod sets in the image's env form: "NEO4J_dbms_memory_transaction_total__max=256m". */
export function readNeo4jMemorySettings(pod: PodEvidence): { said: string; evidence: string } | undefined {
  for (const c of pod.containers) {
    const set = NEO4J_MEMORY_SETTINGS.flatMap((s) => {
      const e = (c.env ?? []).find((x) => x.name === neo4jEnvName(s));
      return e !== undefined && 'value' in e ? [{ setting: s, env: e.name, value: e.value }] : [];
    });
    if (set.length === 0) continue;
    return {
      said: set.map((s) => `${s.setting} = ${s.value}`).join(', '),
      evidence: `${pod.name} runs ${c.name} with ${set.map((s) => `${s.env}=${s.value}`).join(', ')}`,
    };
  }
  return undefined;
}
