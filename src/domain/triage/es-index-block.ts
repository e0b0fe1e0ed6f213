/**
 * Elasticsearch (and OpenSearch) refuse writes to an index that carries a block with
 * cluster_block_exception. The block its disk sets is the common one: past the flood-stage
 * watermark (95 % of a data node's disk) every index with a shard there gets
 * read-only-allow-delete, and a bulk item comes back "blocked by: [TOO_MANY_REQUESTS/12/disk usage
 * exceeded flood-stage watermark, index has read-only-allow-delete block]" — HTTP 429 since 7.x,
 * FORBIDDEN/12 (403) before. The cluster's disk, not an outside API's rate budget.
 */

/** Any index or cluster block: the 429 it comes with is no rate limit. */
export const ES_INDEX_BLOCK = /cluster_block_exception|ClusterBlockException/i;

/** The block a full disk sets: read-only (allow-delete) at the flood-stage watermark. */
export const ES_DISK_BLOCK = /cluster_block_exception[^\n]*(read-only|flood[- ]stage)/i;
