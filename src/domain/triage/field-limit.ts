/**
 * Elasticsearch (and OpenSearch) refuse a document that would add fields to an index whose mapping
 * holds index.mapping.total_fields.limit of them (1000 by default): "Limit of total fields [1000]
 * has been exceeded while adding new fields [3]" (older: "… in index [x] has been exceeded"). A
 * mapping explosion: the client indexes an object with dynamic keys (request attributes, labels,
 * user-supplied maps), each new key a new field, until the mapping is full. The cluster stays
 * green; the documents' shape is at fault. Pure: reads the refused lines only.
 */

export const TOTAL_FIELDS_LIMIT = /Limit of total fields \[\d+\] (?:in index \[[^\]]*\] )?has been exceeded/i;

/** A mapping fills only as new keys arrive: it refuses hours after the writers began to index them. */
export const MAPPING_FILLS = 'a mapping refuses only once the dynamic keys the clients index have added fields up to its limit, hours after they began to write them: the refusals begin long after the change that brought the keys';

/** The index a line names: `in index [x]`, an `"index":"x"` field, or `index=x`. */
function readIndex(line: string): string | undefined {
  return /in index \[([^\]]+)\]/i.exec(line)?.[1]
    ?? /\\?"_?index\\?"\s*:\s*\\?"([^"\\]+)/.exec(line)?.[1]
    ?? /\b_?index=["']?([\w.*-]+)/.exec(line)?.[1];
}

/** " to index audit-events-2026.11: its mapping is at index.mapping.total_fields.limit [1000]", after what it refuses. */
export function describeFieldLimit(line: string): string {
  const index = readIndex(line);
  const limit = /Limit of total fields \[(\d+)\]/i.exec(line)?.[1];
  return `${index ? ` to index ${index}` : ''}: its mapping is at index.mapping.total_fields.limit${limit ? ` [${limit}]` : ''} (mapping explosion)`;
}
