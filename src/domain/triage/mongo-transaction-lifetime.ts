/**
 * MongoDB aborts a multi-document transaction that runs longer than its
 * transactionLifetimeLimitSeconds (60 s by default): mongod logs "Aborting transaction because it
 * has been running for longer than 'transactionLifetimeLimitSeconds'", and the driver's next
 * command in it fails with NoSuchTransaction (code 251) labelled TransientTransactionError — which
 * withTransaction and most retry loops take as "retry from scratch", so work sized past the limit
 * (a batch grown by a new revision) is aborted and retried for ever, each attempt as long as the last.
 * A few warnings a pass: no error rate shows it, only the same transaction aborted again and again.
 * Pure: reads the workload's lines and mongod's (read-explaining-pods.ts).
 */
import type { EndpointSliceEvidence, LogEvidence, PodEvidence, TriageTarget } from './evidence.js';
import { findMongoService } from './collscan-timeout.js';

/** The client's words for a transaction the server aborted under it. */
export const TXN_ABORTED = /Transaction with \{ ?txnNumber: ?\d+ ?\} has been aborted|NoSuchTransaction|TransactionExceededLifetimeLimitSeconds|transaction number \d+ has been aborted/i;

/** mongod's own line: it aborted a transaction at its lifetime limit. */
export const LIFETIME_ABORT = /Aborting transaction because it has been running for longer than '?transactionLifetimeLimitSeconds/i;

/** The driver's own code for a transaction the server aborted at its lifetime limit (code 290). */
export const LIFETIME_CODE = /TransactionExceededLifetimeLimitSeconds|"code"\s*:\s*290\b|\bcode:? ?290\b/i;
/** The driver's code for a later command in a transaction already aborted (code 251). */
const NO_SUCH_CODE = /NoSuchTransaction|"code"\s*:\s*251\b|has been aborted/i;

/** "TransactionExceededLifetimeLimitSeconds, code 290; NoSuchTransaction, code 251": the codes the client's lines carry. */
export function describeAbortCodes(lines: readonly string[]): string {
  const codes = [
    ...(lines.some((l) => LIFETIME_CODE.test(l)) ? ['TransactionExceededLifetimeLimitSeconds, code 290'] : []),
    ...(lines.some((l) => NO_SUCH_CODE.test(l)) ? ['NoSuchTransaction, code 251'] : []),
  ];
  return codes.length > 0 ? codes.join('; ') : 'NoSuchTransaction';
}

/** Aborted transactions before they are a pattern: one abort is a stray conflict. */
export const MIN_TXN_ABORTS = 3;

/** "elapsedMs":61100, "durationMillis":61030, elapsed_ms=61100: how long the attempt ran. */
const ELAPSED = /"?(?:elapsedMs|elapsed_ms|durationMillis|duration_ms|tookMs)"?\s*[:=]\s*(\d+)/i;
const LIMIT_SECONDS = /"?lifetimeLimitSeconds"?\s*[:=]\s*(\d+)/i;

type Seen = { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: TriageTarget };

/** The workload's own current lines that say a transaction was aborted under it. */
export function findAbortedTransactions(seen: Pick<Seen, 'logs' | 'pods'>): { pod: string; line: string }[] {
  const own = new Set(seen.pods.map((p) => p.name));
  return seen.logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.filter((x) => TXN_ABORTED.test(x)).map((line) => ({ pod: l.pod, line: line.trim() })));
}

/** The MongoDB Service whose transactions the workload's logs say were aborted again and again: a few of its pods' logs say why. */
export function pickAbortingMongo(seen: Seen, slices: readonly EndpointSliceEvidence[]): { namespace: string; name: string } | undefined {
  return findAbortedTransactions(seen).length >= MIN_TXN_ABORTS ? findMongoService(seen, slices) : undefined;
}

/** How long the aborted attempts ran, where the client's line times them. */
export function findAttemptDurations(lines: readonly string[]): number[] {
  return lines.flatMap((l) => {
    const m = ELAPSED.exec(l);
    return m?.[1] === undefined ? [] : [Number(m[1])];
  });
}

/** mongod's lifetime aborts and the limit they name. */
export function findLifetimeAborts(lines: readonly string[]): { lines: string[]; limitSeconds?: number } {
  const hits = lines.filter((l) => LIFETIME_ABORT.test(l)).map((l) => l.trim());
  const limit = hits.map((l) => LIMIT_SECONDS.exec(l)?.[1]).find((v) => v !== undefined);
  return { lines: hits, ...(limit === undefined ? {} : { limitSeconds: Number(limit) }) };
}
