// An ALTER TABLE waiting for an ACCESS EXCLUSIVE lock behind a long transaction heads Postgres'
// lock queue: every later query on the table waits behind it. The migration Job and the
// transaction's CronJob are named, the exhausted pool is the symptom, and the database is found
// through libpq's PGHOST as well as a URL.
import { describe, expect, it } from 'vitest';
import { analyzeSlowDependency } from '../../../../src/domain/triage/analyzers/slow-dependency.js';
import { findLockHolder, pickTimedOutDatabase } from '../../../../src/domain/triage/database-locks.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const TIMEOUT = '{"level":50,"err":{"type":"DatabaseError","message":"canceling statement due to statement timeout","code":"57014"},"msg":"request failed"}';
const PG_LOG = [
  '2026-11-21 00:50:00.000 UTC [5120] exporter@shop/nightly-report LOG:  duration: 278612.331 ms  execute <unnamed>: COPY (SELECT id, total FROM orders) TO STDOUT WITH (FORMAT csv)',
  '2026-11-21 02:58:24.000 UTC [6001] migrator@shop/Flyway LOG:  process 6001 still waiting for AccessExclusiveLock on relation 16447 of database 16385 after 1000.072 ms',
  '2026-11-21 02:58:24.000 UTC [6001] migrator@shop/Flyway DETAIL:  Process holding the lock: 5120. Wait queue: 6001.',
  '2026-11-21 02:58:24.000 UTC [6001] migrator@shop/Flyway STATEMENT:  ALTER TABLE orders ADD COLUMN region text',
  '2026-11-21 02:58:25.000 UTC [6010] api@shop/orders-api LOG:  process 6010 still waiting for AccessShareLock on relation 16447 of database 16385 after 1000.110 ms',
  '2026-11-21 02:58:25.000 UTC [6010] api@shop/orders-api DETAIL:  Process holding the lock: 5120. Wait queue: 6001, 6010.',
  '2026-11-21 02:58:26.000 UTC [6011] api@shop/orders-api LOG:  process 6011 still waiting for AccessShareLock on relation 16447 of database 16385 after 1000.111 ms',
  '2026-11-21 02:58:26.000 UTC [6011] api@shop/orders-api DETAIL:  Process holding the lock: 5120. Wait queue: 6001, 6010, 6011.',
];

function scenario(dbLog: string[]): TriageEvidence {
  const env = [{ name: 'PGHOST', value: 'orders-db.payments.svc.cluster.local' }];
  const pods = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false, env })] }));
  const dbPod = pod(0, { name: 'orders-db-0', labels: { app: 'orders-db' }, containers: [container({ name: 'postgres' })] });
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [TIMEOUT, TIMEOUT, TIMEOUT] })),
    dependencyPods: [{ service: 'orders-db', pod: dbPod, logs: [{ pod: dbPod.name, container: 'postgres', previous: false, lines: dbLog }] }],
    namespaceJobs: {
      complete: true,
      jobs: [
        { name: 'orders-migrate', createdAt: minutesAgo(16), state: 'running', commandAndEnv: ['migrate', 'FLYWAY_URL=jdbc:postgresql://orders-db.payments.svc.cluster.local:5432/shop'] },
        { name: 'nightly-report-29920380', owner: { kind: 'CronJob', name: 'nightly-report' }, createdAt: minutesAgo(134), state: 'running', commandAndEnv: ['PGHOST=orders-db.payments.svc.cluster.local'] },
      ],
    },
  });
}

describe('queries queued behind a DDL that waits for a long transaction', () => {
  it('finds the database through PGHOST', () => {
    expect(pickTimedOutDatabase(scenario(PG_LOG))).toBe('orders-db');
  });

  it('reads the queue head, its lock and statement, and the holder\'s application', () => {
    expect(findLockHolder(PG_LOG)).toMatchObject({ pid: '5120', application: 'nightly-report', queueHead: { pid: '6001', lock: 'AccessExclusiveLock', statement: 'ALTER TABLE orders ADD COLUMN region text' } });
  });

  it('names the migration Job waiting for ACCESS EXCLUSIVE behind the CronJob\'s transaction, and says to cancel it and use a lock_timeout', () => {
    const [f] = analyzeSlowDependency(scenario(PG_LOG));
    expect(f?.kind).toBe('lock-wait');
    expect(f?.title).toMatch(/^Job orders-migrate \(started 16m ago\): its process 6001's ALTER TABLE orders ADD COLUMN region text waits for an ACCESS EXCLUSIVE lock on orders in orders-db behind CronJob nightly-report's long transaction \(process 5120/);
    expect(f?.title).toMatch(/every query on orders queues behind it/);
    expect(f?.fix).toMatch(/pg_cancel_backend\(6001\)/);
    expect(f?.fix).toMatch(/lock_timeout/);
    expect(f?.nextAction).not.toMatch(/roll ?back/i);
  });

  it('keeps the plain holder reading when the queue\'s first waits for no stronger lock', () => {
    const plain = PG_LOG.filter((l) => !l.includes('[6001]')).map((l) => l.replace('Wait queue: 6001, ', 'Wait queue: '));
    expect(findLockHolder(plain)?.queueHead).toBeUndefined();
  });
});
