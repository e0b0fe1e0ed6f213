/**
 * MongoDB sorts in memory (a blocking sort) when no index serves a query's sort order, and refuses
 * a sort that needs more memory than its limit unless the query opts in to spilling to disk
 * (allowDiskUse): 100 MB since 4.4 — "Sort exceeded memory limit of 104857600 bytes, but did not
 * opt in to external sorting" (code 292, QueryExceededMemoryLimitNoDiskUseAllowed) — and 32 MB
 * before — "Sort operation used more than the maximum 33554432 bytes of RAM". Every call of that
 * query fails while the rest of the API, the pods and the server stay fine. The server is right to
 * refuse: the fix is an index that serves the sort — equality filters first, then the sort keys,
 * then range filters (the ESR rule) — or allowDiskUse meanwhile. Pure: reads the logged lines only.
 */

export const SORT_MEMORY_LIMIT = /Sort exceeded memory limit of (\d+) bytes|Sort operation used more than the maximum (\d+) bytes of RAM/i;

/** Lines around a refusal that may carry the query it refused (a driver's command log just before it). */
const NEAR = 3;

/** "100 MB (104857600 bytes)". */
function formatLimit(bytes: string): string {
  const mb = Number(bytes) / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB (${bytes} bytes)` : `${bytes} bytes`;
}

/** ": a sort needs more than its in-memory limit of 100 MB (104857600 bytes)", from a refused line. */
export function describeSortMemoryLimit(line: string): string {
  const m = SORT_MEMORY_LIMIT.exec(line);
  const bytes = m?.[1] ?? m?.[2];
  return bytes ? ` of ${formatLimit(bytes)}` : '';
}

/** The object literal that follows `key:` / `"key":` / `key=` in a line, braces balanced (escaped quotes of a nested JSON string allowed). */
function readObjectAfter(line: string, key: string): string | undefined {
  const m = new RegExp(`\\\\?["']?\\b${key}\\\\?["']?\\s*[:=]\\s*\\{`).exec(line);
  if (!m) return undefined;
  const start = m.index + m[0].length - 1;
  let depth = 0;
  for (let i = start; i < line.length; i++) {
    if (line[i] === '{') depth++;
    else if (line[i] === '}' && --depth === 0) return line.slice(start + 1, i);
  }
  return undefined;
}

/** The top-level fields of an object literal's body, each with whether its value is an object (`{"$gte": …}`, a range or operator). */
function readTopFields(body: string): { field: string; operator: boolean }[] {
  const fields: { field: string; operator: boolean }[] = [];
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    else if (depth === 0) {
      const m = /^\\?["']?([\w.]+)\\?["']?\s*:\s*/.exec(body.slice(i));
      if (m?.[1] !== undefined && (i === 0 || /[,{\s]/.test(body[i - 1] ?? ''))) {
        fields.push({ field: m[1], operator: body[i + m[0].length] === '{' });
        i += m[0].length - 1;
      }
    }
  }
  return fields;
}

/** The query a line logs: its collection, sort keys (with direction) and filter fields. */
function readQuery(line: string): { collection?: string; sort: { field: string; dir: string }[]; equality: string[]; range: string[] } | undefined {
  const sortBody = readObjectAfter(line, 'sort');
  if (sortBody === undefined) return undefined;
  const sort = [...sortBody.matchAll(/\\?["']?([\w.]+)\\?["']?\s*:\s*(-?1)\b/g)].map((x) => ({ field: x[1] ?? '', dir: x[2] ?? '1' }));
  if (sort.length === 0) return undefined;
  const filter = readTopFields(readObjectAfter(line, 'filter') ?? '').filter((f) => !f.field.startsWith('$') && !sort.some((s) => s.field === f.field));
  const collection = /\\?["']?(?:collection|find)\\?["']?\s*[:=]\s*\\?["']([\w.-]+)/.exec(line)?.[1];
  return { ...(collection ? { collection } : {}), sort, equality: filter.filter((f) => !f.operator).map((f) => f.field), range: filter.filter((f) => f.operator).map((f) => f.field) };
}

/**
 * The fix, with the index the refused query needs when a line next to a refusal logs that query
 * (its sort and filter): equality fields, then the sort keys, then the range fields.
 */
export function fixSortMemoryLimit(lines: readonly string[]): string | undefined {
  const near = lines.flatMap((l, i) => (SORT_MEMORY_LIMIT.test(l) ? lines.slice(Math.max(0, i - NEAR), i + NEAR + 1) : []));
  const q = near.map(readQuery).find((x) => x !== undefined);
  const stopgap = 'or let that query sort on disk meanwhile (allowDiskUse: slower)';
  if (!q) return `create an index that serves the query's sort (equality filter fields first, then the sorted fields, then range filters) so MongoDB reads in order instead of sorting in memory, ${stopgap}`;
  const keys = `{ ${[...q.equality.map((f) => `${f}: 1`), ...q.sort.map((s) => `${s.field}: ${s.dir}`), ...q.range.map((f) => `${f}: 1`)].join(', ')} }`;
  const index = q.collection ? `db.${q.collection}.createIndex(${keys})` : keys;
  return `create an index that serves the sort by ${q.sort.map((s) => s.field).join(', ')} (equality filters, then the sort, then ranges): ${index}, ${stopgap}`;
}
