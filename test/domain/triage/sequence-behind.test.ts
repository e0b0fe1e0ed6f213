// An id sequence behind its table's rows: every INSERT fails with a duplicate of the primary key
// (Postgres 23505 on "<table>_pkey", MySQL "Duplicate entry … for key 'PRIMARY'") whose keys climb
// 1, 2, 3 … while reads work. The headline names the sequence, the Job that loaded rows just before
// (a Job made by hand, with no CronJob above it), and setval — no rollback. A duplicate that does
// not climb (the same key again, an e-mail) or an idempotent retry answered from what was stored
// is not that.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, NamespaceJobEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { analyzeSequenceBehind } from '../../../src/domain/triage/analyzers/sequence-behind.js';
import { findJobsBeforeOnset } from '../../../src/domain/triage/jobs-before-onset.js';
import { findSequenceBehind } from '../../../src/domain/triage/sequence-behind.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const PG_ENV = [{ name: 'DATABASE_URL', value: 'postgres://app@ledger-pg.payments.svc.cluster.local:5432/ledger?sslmode=disable' }];

/** A Go service's JSON lines: a refused insert with Postgres' DETAIL in a field, the 500 it answers, a read served. */
function goLog(keys: readonly number[], from: number): string[] {
  return keys.flatMap((key, i) => {
    const t = minutesAgo(from - i * 3);
    return [
      `{"time":"${t}","level":"INFO","msg":"request","method":"GET","path":"/v1/entries/${900000 + i}","status":200}`,
      `{"time":"${t}","level":"ERROR","msg":"create entry failed","err":"insert entry: ERROR: duplicate key value violates unique constraint \\"entries_pkey\\" (SQLSTATE 23505)","pg_detail":"Key (id)=(${key}) already exists."}`,
      `{"time":"${t}","level":"INFO","msg":"request","method":"POST","path":"/v1/entries","status":500}`,
    ];
  });
}

/** A Java service: Hibernate logs the violation and the DETAIL under it. */
function javaLog(keys: readonly number[], from: number, constraint = 'entries_pkey', column = 'id'): string[] {
  return keys.flatMap((key, i) => [
    `${minutesAgo(from - i * 3)} ERROR 1 --- [nio-8080-exec-1] o.h.engine.jdbc.spi.SqlExceptionHelper : ERROR: duplicate key value violates unique constraint "${constraint}"`,
    `  Detail: Key (${column})=(${key}) already exists.`,
  ]);
}

const restore: NamespaceJobEvidence = {
  name: 'ledger-restore-20261121',
  createdAt: minutesAgo(40),
  finishedAt: minutesAgo(33),
  state: 'complete',
  commandAndEnv: ['psql', '-f', '/restore/restore.sql', 'PGHOST=ledger-pg.payments.svc.cluster.local', 'PGDATABASE=ledger'],
};

function scenario(perPod: (k: number) => string[], jobs: NamespaceJobEvidence[] = []): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: PG_ENV })] }));
  const logs = pods.map((p, k): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: perPod(k) }));
  return baseEvidence({ pods, logs, namespaceJobs: { jobs, complete: true } });
}

describe('an id sequence behind the rows of its table', () => {
  it('reads the climbing keys of refused inserts into one table, the table and key column, and when they began', () => {
    const found = findSequenceBehind(scenario((k) => goLog([1 + k, 5 + k, 9 + k, 14 + k], 30)).logs);
    expect(found?.engine).toBe('PostgreSQL');
    expect(found?.table).toBe('entries');
    expect(found?.column).toBe('id');
    expect(found?.low).toBe(1);
    expect(found?.high).toBe(15);
    expect(found?.onset).toBe(minutesAgo(30));
  });

  it('names the sequence, the climb and the fix (setval), with no rollback', () => {
    const [f] = analyzeSequenceBehind(scenario((k) => javaLog([3 + k, 7 + k, 12 + k], 20)));
    expect(f?.title).toMatch(/^Inserts into entries \(PostgreSQL ledger-pg\) collide on its primary key: the id sequence entries_id_seq is behind the table.s rows/);
    expect(f?.title).toMatch(/keys \(id\) 3…13 climbing/);
    expect(f?.fix).toContain("SELECT setval('entries_id_seq', (SELECT max(id) FROM entries))");
    expect(f?.likelyCause).toMatch(/reads[^.]*keep working/);
    expect(f?.outsideWorkload).toBeDefined();
    const r = buildTriageReport(scenario((k) => javaLog([3 + k, 7 + k, 12 + k], 20)), times);
    expect(r.headline).toMatch(/sequence entries_id_seq is behind/);
    expect(r.headline).toMatch(/setval/);
    expect(r.headline).not.toMatch(/roll ?back to|rollout undo/i);
  });

  it('names a Job made by hand that loaded the database just before as the trigger, with what it ran', () => {
    const ev = scenario((k) => goLog([1 + k, 5 + k, 9 + k], 30), [restore]);
    const r = buildTriageReport(ev, times);
    expect(r.headline).toMatch(/since Job ledger-restore-20261121 \(psql -f \/restore\/restore\.sql, against ledger-pg\) ran 40m ago and completed 33m ago/);
    expect(r.headline).not.toMatch(/no change (of the workload )?found/);
    expect(r.headline).toMatch(/setval/);
    expect(r.headline.length).toBeLessThanOrEqual(750);
  });

  it('counts a refusal a driver and its wrapper both log as one insert', () => {
    const twice = (k: number) => [4 + k, 8 + k, 13 + k].flatMap((key, i) => [
      `${minutesAgo(20 - i * 3)} ERROR [shop.api] order not saved`,
      'psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "entries_pkey"',
      `DETAIL:  Key (id)=(${key}) already exists.`,
      '',
      'sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "entries_pkey"',
      `DETAIL:  Key (id)=(${key}) already exists.`,
    ]);
    const [f] = analyzeSequenceBehind(scenario(twice));
    expect(f?.title).toMatch(/6 refused inserts, keys \(id\) 4…14 climbing/);
  });

  it('reads MySQL\'s duplicate on PRIMARY with climbing keys, and moves AUTO_INCREMENT past the rows', () => {
    const my = (key: number, m: number) => `${minutesAgo(m)} ERROR java.sql.SQLIntegrityConstraintViolationException: Duplicate entry '${key}' for key 'entries.PRIMARY'`;
    const [f] = analyzeSequenceBehind(scenario((k) => [my(10 + k, 9), my(14 + k, 6), my(19 + k, 3)]));
    expect(f?.title).toMatch(/AUTO_INCREMENT counter is behind/);
    expect(f?.fix).toMatch(/ALTER TABLE entries AUTO_INCREMENT/);
  });

  it('does not take duplicates that do not climb, of a non-integer key, or of another constraint for it', () => {
    expect(analyzeSequenceBehind(scenario(() => javaLog([7, 7, 7], 20)))).toEqual([]);
    expect(analyzeSequenceBehind(scenario(() => javaLog([9, 4, 12], 20)))).toEqual([]);
    expect(analyzeSequenceBehind(scenario(() => javaLog([3, 7, 12], 20, 'users_email_key', 'email')))).toEqual([]);
    const uuids = (k: number) => [0, 1, 2].flatMap((i) => [
      `${minutesAgo(20 - i)} ERROR 1 --- [nio-8080-exec-1] o.h.engine.jdbc.spi.SqlExceptionHelper : ERROR: duplicate key value violates unique constraint "payments_pkey"`,
      `  Detail: Key (id)=(6f1c${k}${i}a2e-1b2c-4d5e-8f90-0a1b2c3d4e5f) already exists.`,
    ]);
    expect(analyzeSequenceBehind(scenario(uuids))).toEqual([]);
  });

  it('leaves idempotent retries answered from the stored response alone', () => {
    const replay = (k: number) => [1, 2, 3].flatMap((i) => [
      `${minutesAgo(20 - i)} ERROR 1 --- [nio-8080-exec-1] o.h.engine.jdbc.spi.SqlExceptionHelper : ERROR: duplicate key value violates unique constraint "idempotency_keys_pkey"`,
      `  Detail: Key (idempotency_key)=(${1000 + i * 10 + k}) already exists.`,
      `${minutesAgo(20 - i)} INFO 1 --- [nio-8080-exec-1] c.a.IdempotencyService : Idempotency-Key ${1000 + i * 10 + k} already recorded; replaying stored response 201`,
    ]);
    expect(analyzeSequenceBehind(scenario(replay))).toEqual([]);
  });
});

describe('a Job of the namespace made by hand (no CronJob owns it)', () => {
  it('is found as what ran just before the onset', () => {
    expect(findJobsBeforeOnset({ jobs: [restore], complete: true }, minutesAgo(30)).map((j) => j.name)).toEqual(['ledger-restore-20261121']);
  });
});
