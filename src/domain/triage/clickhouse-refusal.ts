// A ClickHouse server refusing work for its own state, while /ping and readiness still answer:
// a MergeTree table with more active parts in a partition than parts_to_throw_insert (300 by
// default) refuses every insert (TOO_MANY_PARTS, code 252) until merges catch up; the server at
// its total memory cap (max_server_memory_usage) refuses queries (MEMORY_LIMIT_EXCEEDED, code 241,
// "(total)", not the per-query limit); at max_concurrent_queries it refuses new ones
// (TOO_MANY_SIMULTANEOUS_QUERIES, code 202). Clients log the server's words, often at WARN while
// they retry. Pure: reads the refused lines only.

import { CLICKHOUSE_TOO_MANY_PARTITIONS } from './clickhouse-partition-key.js';

/** The server's words as its exception text and its clients carry them (both 23.x and 24.x wordings). */
// Code 252 also names one block over too many partitions ("Too many partitions for single INSERT block"): that is clickhouse-partition-key.ts.
export const CLICKHOUSE_TOO_MANY_PARTS = /^(?!.*\bToo many partitions for single INSERT block).*(?:\bToo many parts \(\d+|\bTOO_MANY_PARTS\b)/;
export const CLICKHOUSE_MEMORY_TOTAL = /\bMemory limit \(total\) exceeded|\(total\) memory limit exceeded/i;
export const CLICKHOUSE_TOO_MANY_QUERIES = /\bToo many simultaneous queries\b|\bTOO_MANY_SIMULTANEOUS_QUERIES\b/;

/** Whether a line carries one of these refusals: a failed insert or query, whatever level the client logs it at. */
export function isClickHouseRefusal(line: string): boolean {
  return CLICKHOUSE_TOO_MANY_PARTS.test(line) || CLICKHOUSE_TOO_MANY_PARTITIONS.test(line) || CLICKHOUSE_MEMORY_TOTAL.test(line) || CLICKHOUSE_TOO_MANY_QUERIES.test(line);
}

/** " in table analytics.events_local" from "in table 'analytics.events_local (uuid)'"; empty when the line names none. */
export function describePartsTable(line: string): string {
  const table = /\bin table '?([\w.]+)/.exec(line)?.[1];
  return table ? ` in table ${table}` : '';
}

/**
 * "300 active parts of 12.4–12.9 KiB on average" from the refused lines: parts of a few KiB say
 * each insert was a small block, so merges cannot keep up. Empty when the lines give no numbers.
 */
export function describeParts(lines: readonly string[]): string {
  const read = lines.flatMap((l) => {
    const m = /Too many parts \((\d+)(?: with average size of ([\d.]+) ?([KMG]i?B))?/.exec(l);
    return m ? [{ parts: Number(m[1]), size: m[2] === undefined ? undefined : Number(m[2]), unit: m[3] }] : [];
  });
  const parts = Math.max(0, ...read.map((r) => r.parts));
  if (parts === 0) return '';
  const unit = read.find((r) => r.unit !== undefined)?.unit;
  const sizes = read.filter((r) => r.unit === unit).flatMap((r) => (r.size === undefined ? [] : [r.size]));
  const [low, high] = [Math.min(...sizes), Math.max(...sizes)];
  const size = sizes.length === 0 ? '' : ` of ${low === high ? low : `${low}–${high}`} ${unit ?? ''} on average`;
  return `${parts} active parts${size}`;
}

/** "its cap is 10.80 GiB" from "maximum: 10.80 GiB" of the refused lines; empty when they do not say. */
export function describeMemoryCap(lines: readonly string[]): string {
  const m = lines.map((l) => /maximum:? ([\d.]+ ?[KMGT]i?B)/.exec(l)).find((x) => x !== null);
  return m ? `its cap is ${m[1] ?? ''}` : '';
}
