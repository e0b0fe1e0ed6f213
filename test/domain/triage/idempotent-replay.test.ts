// A client retrying with the same idempotency key makes the service's insert of the key hit its
// unique constraint; the ORM logs that at ERROR, and the service answers the retry with the stored
// response (a replay, 2xx). That is the design working: such records do not make a ready,
// restart-free workload failing. A violation whose retry is not answered, or answered 5xx, or a
// unique violation on anything but an idempotency key, stays an error.
import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { listErrorLines } from '../../../src/domain/triage/error-line.js';
import { isIdempotencyKeyViolation } from '../../../src/domain/triage/idempotent-replay.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const spring = (m: number) => minutesAgo(m).replace('Z', '+00:00');

/** Hibernate's ERROR with Postgres' detail under it, then the service replaying the stored answer. */
const replayedRetry = (m: number, key: string, answer = 'replaying stored response 201', status = 201): string[] => [
  `${spring(m)}  WARN 1 --- [nio-8080-exec-2] o.h.engine.jdbc.spi.SqlExceptionHelper : SQL Error: 0, SQLState: 23505`,
  `${spring(m)} ERROR 1 --- [nio-8080-exec-2] o.h.engine.jdbc.spi.SqlExceptionHelper : ERROR: duplicate key value violates unique constraint "request_dedup_pkey"`,
  `  Detail: Key (dedup_key)=(${key}) already exists.`,
  `${spring(m)}  INFO 1 --- [nio-8080-exec-2] c.a.orders.DedupService : key ${key} seen before; ${answer}`,
  `${spring(m)}  INFO 1 --- [nio-8080-exec-2] c.a.orders.web.AccessLog : POST /v1/orders ${status} 14ms`,
];

/** A Node service logging MySQL's duplicate entry, then its access line for the same request id. */
const mysqlRetry = (m: number, id: string, status: number): string[] => [
  `{"level":"error","time":"${minutesAgo(m)}","msg":"insert failed","err":"ER_DUP_ENTRY: Duplicate entry '${id}' for key 'idempotency_records.PRIMARY'","request_id":"${id}"}`,
  `{"level":"info","time":"${minutesAgo(m)}","msg":"request completed","request_id":"${id}","status":${status}}`,
];

describe('a retry answered from its stored response', () => {
  it('is a unique violation only on a key named for idempotency or de-duplication', () => {
    expect(isIdempotencyKeyViolation('ERROR: duplicate key value violates unique constraint "idempotency_keys_pkey"')).toBe(true);
    expect(isIdempotencyKeyViolation('E11000 duplicate key error collection: pay.requests index: requestId_1 dup key: { requestId: "r-1" }')).toBe(true);
    expect(isIdempotencyKeyViolation('ERROR: duplicate key value violates unique constraint "users_email_key"')).toBe(false);
  });

  it('leaves the violation out of the error lines when the same key is answered 2xx, and keeps it otherwise', () => {
    expect(listErrorLines(replayedRetry(9, 'k-7f3a91c2'))).toEqual([]);
    expect(listErrorLines(mysqlRetry(8, 'req-5b1e0d44', 200))).toEqual([]);
    // Answered 500: the retry failed, the error stays.
    expect(listErrorLines(mysqlRetry(8, 'req-5b1e0d44', 500))).toHaveLength(1);
    // The key never answered: nothing shows the design worked.
    const unanswered = replayedRetry(7, 'k-0c4d2e19').slice(0, 3);
    expect(listErrorLines(unanswered)).toHaveLength(1);
    // Another key's unique violation is a real conflict, whatever follows.
    const email = replayedRetry(6, 'k-11aa22bb').map((l) => l.replace('request_dedup_pkey', 'users_email_key').replace('dedup_key', 'email'));
    expect(listErrorLines(email)).toHaveLength(1);
  });

  it('does not make ready pods with no restarts failing, and the all-clear says what it left out', () => {
    const pods = [0, 1, 2, 3, 4].map((i) => pod(i));
    const log = (name: string, k: number): LogEvidence => ({
      pod: name, container: 'app', previous: false,
      lines: [0, 1, 2, 3, 4, 5, 6, 7].flatMap((i) => replayedRetry(40 - i * 4, `k-${k}${i}-9e2f4b7a`)),
    });
    const r = buildTriageReport(baseEvidence({ pods, logs: pods.slice(0, 3).map((p, k) => log(p.name, k)) }), times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).toMatch(/no errors \(besides 24 duplicate idempotency keys of retries answered from the stored response\)/);
  });
});
