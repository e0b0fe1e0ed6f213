// Cassandra refusing a batch larger than batch_size_fail_threshold (50 KiB by default): the
// coordinator answers InvalidRequest "Batch too large" and logs, at ERROR, the batch's size and
// the threshold ("… (see batch_size_fail_threshold)"); batches over batch_size_warn_threshold
// (5 KiB) are only warned about. The server is right to refuse: the batches the client builds grew
// (more rows per batch, bigger rows), most often by a batch-size setting of the client.
import type { ServerExplanation } from './server-explanation.js';

/** The refusal as drivers carry it (Java's InvalidQueryException, gocql, the Python driver's InvalidRequest). */
export const CASSANDRA_BATCH_TOO_LARGE = /\bBatch too large\b/;

const SIZE = '[\\d.,]+ ?[KMG]i?B';

/** The coordinator's own line: `Batch for [ks.table] is of size 238.318KiB, exceeding specified threshold of 50.000KiB by 188.318KiB. (see batch_size_fail_threshold)`. */
export const BATCH_OVER_FAIL_THRESHOLD: ServerExplanation = {
  pattern: new RegExp(`Batch for \\[([^\\]]+)\\] is of size (${SIZE}), exceeding specified threshold of (${SIZE}) by ${SIZE}\\.? ?\\(see batch_size_fail_threshold\\)`),
  describe: (m) => ({ said: `its log: batches of ${m[2] ?? '?'} for ${m[1] ?? 'a table'}, over ${m[3] ?? '?'}` }),
  everyMember: true,
};

/** The client's settings that size its batches, by the names they usually carry (INGEST_BATCH_SIZE, CASSANDRA_MAX_BATCH_ROWS). */
export const BATCH_SIZE_SETTING = /BATCH_?(SIZE|ROWS|MAX)|MAX_?BATCH/i;

export const BATCH_TOO_LARGE_WHY = "Cassandra refuses any batch larger than its batch_size_fail_threshold (50 KiB by default) with InvalidRequest \"Batch too large\", and only warns past batch_size_warn_threshold (5 KiB): a large batch, above all an unlogged one over many partitions, loads its coordinator with every row at once. The client's writes fail on every retry while Cassandra, its probes and every smaller batch stay healthy.";

export const BATCH_TOO_LARGE_CLIENT_SIDE = 'Cassandra itself is healthy and takes every batch under the threshold: the batches these pods send grew past it — most often a larger batch size (rows per batch) in their configuration, or a release that groups more writes into one batch.';

export const BATCH_TOO_LARGE_FIX = "send smaller batches: lower the client's batch size back under the threshold (then restart it so it reads the value), or write rows as individual asynchronous statements; raising batch_size_fail_threshold only lets the coordinators carry ever larger batches";
