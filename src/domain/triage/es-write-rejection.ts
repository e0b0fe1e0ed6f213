/**
 * Elasticsearch (and OpenSearch) run each node's shard bulk operations on its "write" thread pool:
 * as many threads as the node has processors, with a bounded queue in front (10000 by default).
 * When the clients' concurrent bulks come faster than the threads index them, the queue fills and
 * the node rejects the rest — es_rejected_execution_exception, HTTP 429 per item, "rejected
 * execution of … on EsThreadPoolExecutor[name = node/write, queue capacity = 10000, … queued tasks
 * = 10000 …]". Back-pressure from a cluster that is up and green, brought on by the load of all
 * its writers together — not an outside API's rate budget. Pure: reads the refused lines only.
 */

/** Any of its pools' rejections: the 429s of a log that carries one are the cluster's back-pressure. */
export const ES_REJECTED = /es_rejected_execution_exception|EsRejectedExecutionException/i;

/** A rejection of the write pool, or of a pool the line does not name; a full search pool is another story. */
export const ES_WRITE_REJECTED = /^(?![^\n]*name = [^,\]]*\/(?:search|search_worker|get|management|snapshot)\b)[^\n]*(?:es_rejected_execution_exception|EsRejectedExecutionException)/i;

/** The pool a rejection names: its node, its queue capacity, its threads and what is queued. */
const POOL = /name = ([^,\]/]+)\/(\w+), queue capacity = (\d+)[^\n]*?pool size = (\d+), active threads = (\d+), queued tasks = (\d+)/;

/**
 * "write queue full on es-data-0, es-data-1, es-data-2 (queue capacity = 10000, queued tasks = 10000,
 * 3 of 3 threads busy)": the pools the rejections name; empty when they name none.
 */
export function describeWritePools(lines: readonly string[]): string {
  const pools = lines.flatMap((line) => {
    const m = POOL.exec(line);
    return m ? [{ node: m[1] ?? '', pool: m[2] ?? 'write', capacity: m[3] ?? '', size: m[4] ?? '', active: m[5] ?? '', queued: Number(m[6] ?? 0) }] : [];
  });
  const newest = pools[pools.length - 1];
  if (newest === undefined) return '';
  const nodes = [...new Set(pools.map((p) => p.node))].sort();
  const queued = Math.max(...pools.map((p) => p.queued));
  return `${newest.pool} queue full on ${nodes.join(', ')} (queue capacity = ${newest.capacity}, queued tasks = ${queued}, ${newest.active} of ${newest.size} threads busy)`;
}
