// ClickHouse refuses an INSERT whose block spans more partitions of its table than
// max_partitions_per_insert_block (100 by default): "Too many partitions for single INSERT block
// (more than N)", code 252. The partitions are the values of the table's PARTITION BY key, so a key
// with many distinct values per batch (an id, a raw timestamp) makes every batch fail, while the
// server is healthy. The key is in the table's DDL (CREATE TABLE … PARTITION BY …), often a
// migration file a ConfigMap mounts into the writer's pods. Pure: reads log lines and file text.
import type { LogEvidence, PodEvidence } from './evidence.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';

/** The server's words, as its exception text and its clients carry them. */
export const CLICKHOUSE_TOO_MANY_PARTITIONS = /\bToo many partitions for single INSERT block \(more than (\d+)\)/;

/** Refused lines before the DDL is looked for: one refused batch is not an outage. */
const MIN_LINES = 2;

/** The table an INSERT names (`INSERT INTO db.t`), or a structured log's table field (`"table":"t"`, `table=t`). */
const INSERT_TABLE = /\bINSERT\s+INTO\s+[`"]?(?:\w+[`"]?\.[`"]?)?(\w+)/i;
const TABLE_FIELD = /["']?\btable["']?\s*[:=]\s*["']?(?:\w+\.)?(\w+)/i;

/** The table a refused line (or a line of its log near it) names, without its database. */
export function findInsertTable(line: string): string | undefined {
  return INSERT_TABLE.exec(line)?.[1] ?? TABLE_FIELD.exec(line)?.[1];
}

/** " into table t" from a refused line that names it; empty when it names none. */
export function describePartitionedTable(line: string): string {
  const table = findInsertTable(line);
  return table === undefined ? '' : ` into table ${table}`;
}

export interface PartitionRefusals {
  pod: string;
  container: string;
  /** The table the refused INSERTs name, when the lines say it. */
  table?: string;
  /** N of "more than N": the limit each block passed. */
  limit: number;
}

/** The pods' refused INSERTs for too many partitions: the first logging container's, at least two lines in all. */
export function findPartitionRefusals(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): PartitionRefusals | undefined {
  const names = new Set(pods.map((p) => p.name));
  const hits = logs.filter((l) => names.has(l.pod)).flatMap((l) => l.lines.filter((x) => CLICKHOUSE_TOO_MANY_PARTITIONS.test(x)).map((line) => ({ log: l, line })));
  const first = hits[0];
  if (first === undefined || hits.length < MIN_LINES) return undefined;
  const table = hits.map((h) => findInsertTable(h.line)).find((t) => t !== undefined);
  const limit = Number(CLICKHOUSE_TOO_MANY_PARTITIONS.exec(first.line)?.[1] ?? '0');
  return { pod: first.log.pod, container: first.log.container, ...(table === undefined ? {} : { table }), limit };
}

/**
 * "table t PARTITION BY key" from SQL that creates table `table` (any database), up to the end of
 * its statement; undefined when the text creates no such table or it has no PARTITION BY.
 */
export function findPartitionKeyLine(text: string, table: string): string | undefined {
  const create = new RegExp(`\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:[\`"]?\\w+[\`"]?\\.)?[\`"]?${table}[\`"]?(?![\\w.])`, 'i');
  const m = create.exec(text);
  if (m === null) return undefined;
  const rest = text.slice(m.index + m[0].length);
  const end = rest.search(/;|\bCREATE\s+(?:OR\s+REPLACE\s+)?TABLE\b/i);
  const statement = end < 0 ? rest : rest.slice(0, end);
  const key = /\bPARTITION\s+BY\s+([^\n]+?)\s*(?=\bORDER\s+BY\b|\bPRIMARY\s+KEY\b|\bSAMPLE\s+BY\b|\bTTL\b|\bSETTINGS\b|$)/im.exec(statement)?.[1];
  return key === undefined || key === '' ? undefined : `table ${table} PARTITION BY ${key}`;
}

/** The partition key a ConfigMap's DDL gives the refused table, and where. */
export interface PartitionKey {
  table: string;
  key: string;
  configMap: string;
  file: string;
}

/** The refused table's partition key, from what the pods' ConfigMaps define (setting-config.ts, mechanism partition-key). */
export function findPartitionKey(config: readonly SettingConfigEvidence[], table?: string): PartitionKey | undefined {
  for (const c of config) {
    if (c.mechanism !== 'partition-key') continue;
    const m = /^table (\w+) PARTITION BY (.+)$/.exec(c.written);
    if (m && (table === undefined || m[1] === table)) return { table: m[1] ?? '', key: m[2] ?? '', configMap: c.configMap, file: c.key };
  }
  return undefined;
}

/**
 * "table t is PARTITION BY key (ConfigMap c, file f): each batch spans more than N of its
 * partitions", from the refused lines and the DDL read; undefined when no DDL of that table was read.
 */
export function describePartitionKey(lines: readonly string[], config: readonly SettingConfigEvidence[]): { said: string; evidence: string; configMap: string } | undefined {
  const table = lines.map(findInsertTable).find((t) => t !== undefined);
  const found = findPartitionKey(config, table);
  if (found === undefined) return undefined;
  const limit = lines.map((l) => CLICKHOUSE_TOO_MANY_PARTITIONS.exec(l)?.[1]).find((n) => n !== undefined);
  return {
    said: `table ${found.table} is PARTITION BY ${found.key} (ConfigMap ${found.configMap}): each batch spans more than ${limit ?? 'max_partitions_per_insert_block'} of its partitions`,
    evidence: `ConfigMap ${found.configMap} (${found.file}) creates table ${found.table} with PARTITION BY ${found.key}`,
    configMap: found.configMap,
  };
}
