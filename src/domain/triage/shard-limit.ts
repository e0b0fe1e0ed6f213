// Elasticsearch and OpenSearch cap the shards open in a cluster at cluster.max_shards_per_node
// (1000 by default) times its data nodes. Creating an index (or opening one) that would pass the
// cap is refused with a validation_exception that gives both numbers; every index that already
// exists keeps answering and the cluster stays green, so only the client that writes to a new index
// (a daily or rollover index) fails — all its writes at once, at the moment the new index is due.
// Pure: reads the refused line only.

/**
 * The refusal as both products word it: Elasticsearch 8 ("would add [6] shards, but this cluster
 * currently has [2998]/[3000] maximum normal shards open", "frozen" for its frozen tier), Elasticsearch 7
 * and OpenSearch ("would add [10] total shards, … maximum shards open").
 */
export const SHARD_LIMIT = /this action would add \[(\d+)\] (?:total )?shards, but this cluster currently has \[(\d+)\]\/\[(\d+)\] maximum (?:(normal|frozen) )?shards open/i;

/** The index a refused line names: a structured `"index"` field, or the path of the request that creates it. */
function readIndexName(line: string): string | undefined {
  const field = /\\?"index\\?"\s*:\s*\\?"([^"\\]+)\\?"/.exec(line)?.[1];
  const path = /\b(?:PUT|POST)\s+\/([^\s/?:"\\]+)/.exec(line)?.[1];
  const name = field ?? path;
  // _bulk, _doc: an API, not an index.
  return name !== undefined && !name.startsWith('_') ? name : undefined;
}

/** " (2998/3000 shards open, index app-logs-2026.11.21 would add 6)" from the refused line; empty when it has no numbers. */
export function describeShardLimit(line: string): string {
  const m = SHARD_LIMIT.exec(line);
  if (!m) return '';
  const index = readIndexName(line);
  const tier = m[4]?.toLowerCase() === 'frozen' ? ' frozen' : '';
  return ` (${m[2] ?? ''}/${m[3] ?? ''}${tier} shards open, ${index ? `index ${index}` : 'this index'} would add ${m[1] ?? ''})`;
}
