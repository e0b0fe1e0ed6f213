import { describe, expect, it } from 'vitest';
import { analyzeSlowDependency } from '../../../../src/domain/triage/analyzers/slow-dependency.js';
import { findLockHolder, pickTimedOutDatabase } from '../../../../src/domain/triage/database-locks.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, container, pod } from '../scenarios/builders.js';

const TIMEOUT = 'Caused by: org.postgresql.util.PSQLException: ERROR: canceling statement due to statement timeout';
const PG_LOG = [
  '2026-11-21 02:55:20.000 UTC [61] LOG:  checkpoint complete: wrote 18233 buffers (1.7%)',
  '2026-11-21 02:55:25.000 UTC [4682] LOG:  statement: ALTER TABLE products ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid()',
  '2026-11-21 02:55:30.000 UTC [4711] LOG:  process 4711 still waiting for AccessShareLock on relation 16402 of database 16384 after 1000.611 ms',
  '2026-11-21 02:55:30.000 UTC [4711] DETAIL:  Process holding the lock: 4682. Wait queue: 4711.',
  '2026-11-21 02:55:30.000 UTC [4711] STATEMENT:  select p1_0.id from products p1_0 where p1_0.sku=$1',
  '2026-11-21 02:55:31.000 UTC [4713] LOG:  process 4713 still waiting for AccessShareLock on relation 16402 of database 16384 after 1000.613 ms',
  '2026-11-21 02:55:31.000 UTC [4713] DETAIL:  Process holding the lock: 4682. Wait queue: 4711, 4713.',
];

/** Two API pods time out on the database; its own pod's log (read one hop away) shows the lock waits. */
function lockedDatabase(dbLog: string[]): TriageEvidence {
  const env = [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://catalog-db:5432/catalog' }];
  const pods = [0, 1, 2].map((i) => pod(i, { containers: [container({ env })] }));
  const dbPod = pod(0, { name: 'catalog-db-0', labels: { app: 'catalog-db' }, containers: [container({ name: 'postgres' })] });
  return baseEvidence({
    pods,
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [TIMEOUT, TIMEOUT, TIMEOUT] })),
    dependencyPods: [{ service: 'catalog-db', pod: dbPod, logs: [{ pod: dbPod.name, container: 'postgres', previous: false, lines: dbLog }] }],
  });
}

describe('queries that time out behind a lock the database names', () => {
  it('picks the database Service the workload\'s URL names once its queries time out', () => {
    expect(pickTimedOutDatabase(lockedDatabase(PG_LOG))).toBe('catalog-db');
    const calm = lockedDatabase(PG_LOG);
    calm.logs = [];
    expect(pickTimedOutDatabase(calm)).toBeUndefined();
  });

  it('finds the holder every waiter names and the statement it runs', () => {
    expect(findLockHolder(PG_LOG)).toMatchObject({ pid: '4682', waitedFor: 'AccessShareLock', waits: 2, statement: 'ALTER TABLE products ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid()' });
  });

  it('names the lock holder and its statement in the finding, and says to end it', () => {
    const [f] = analyzeSlowDependency(lockedDatabase(PG_LOG));
    expect(f?.title).toBe('Queries to catalog-db wait on a lock held by its process 4682 (ALTER TABLE products ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid()): 6 statement-timeout and slow-call lines in the logs of 2 pods');
    expect(f?.decisive).toMatch(/Process holding the lock: 4682/);
    expect(f?.fix).toMatch(/pg_cancel_backend\(4682\)/);
  });

  it('stays a slow dependency when the database log shows no lock wait', () => {
    const [f] = analyzeSlowDependency(lockedDatabase(PG_LOG.slice(0, 2)));
    expect(f?.title).toMatch(/^Slow queries to /);
  });
});
