/**
 * A data object the pods read that is gone: the store answers that the index, bucket, key or table
 * they name does not exist. Data does not vanish by itself: when this begins right after a Job of the
 * namespace ran (a retention cleanup, a rotation), the Job deleted it, and the Job is the trigger
 * (jobs-before-onset.ts). Read from the stores' own words only.
 */

/** The stores' words for a missing object, with the object's kind and where its name is. */
const MISSING: readonly { pattern: RegExp; kind: string }[] = [
  // Elasticsearch / OpenSearch: `index_not_found_exception … no such index [orders-2026.03]`.
  { pattern: /\bno such index \[([^\]\s]+)\]/i, kind: 'index' },
  { pattern: /\bindex_not_found_exception\b(?:[^\n]*?"index"\s*:\s*"([^"]+)")?/i, kind: 'index' },
  // S3 and its look-alikes: `NoSuchBucket: The specified bucket does not exist` (the bucket often follows).
  { pattern: /\bNoSuchBucket\b(?:[^\n]*?\bBucket(?:Name)?[:=]?\s*"?([\w.-]+))?/, kind: 'bucket' },
  { pattern: /\bNoSuchKey\b(?:[^\n]*?\bKey[:=]?\s*"?([\w./-]+))?/, kind: 'object key' },
  // DynamoDB: `ResourceNotFoundException: Requested resource not found` / `Cannot do operations on a non-existent table`.
  { pattern: /\bCannot do operations on a non-existent table\b/, kind: 'table' },
  // SQLite: `no such table: reports`.
  { pattern: /\bno such table: ([\w.]+)/i, kind: 'table' },
];

/** What is missing, "index orders-2026.03" (or "an index" when the line names none), from the first line that says so. */
export function findMissingDataObject(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    for (const { pattern, kind } of MISSING) {
      const m = pattern.exec(line);
      if (m === null) continue;
      const name = m[1];
      return name === undefined ? `${kind === 'index' ? 'an' : 'a'} ${kind}` : `${kind} ${name}`;
    }
  }
  return undefined;
}
