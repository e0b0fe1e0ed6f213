// Postgres's shared lock table full: "out of shared memory" (SQLSTATE 53200) with the hint to raise
// max_locks_per_transaction, after a table was split into many partitions. The fix is queries that
// prune partitions and a larger lock table; a rollback of the client would not un-partition it.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const PG_ENV = [{ name: 'DATABASE_URL', value: 'postgres://fleet@fleet-db.fleet.svc.cluster.local:5432/fleet' }];
const refused = (m: number): string => `{"level":"error","ts":"${minutesAgo(m)}","msg":"list trips failed","error":"ERROR: out of shared memory (SQLSTATE 53200)"}`;

function scenario(lines: string[], serverLog: string[] = []): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: PG_ENV })] }));
  const db = pod(0, { name: 'fleet-db-0', containers: [container({ name: 'postgres' })] });
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    dependencyPods: [{
      service: 'fleet-db',
      namespace: 'fleet',
      pod: db,
      logs: [{ pod: db.name, container: 'postgres', previous: false, lines: serverLog }],
      config: [{ configMap: 'fleet-db-config', key: 'postgresql.conf', setting: 'max_locks_per_transaction', value: '64' }, { configMap: 'fleet-db-config', key: 'postgresql.conf', setting: 'max_connections', value: '100' }],
    }],
  });
}

describe('Postgres out of lock-table slots', () => {
  const lines = [refused(30), refused(20), refused(5)];
  const serverLog = [
    `${minutesAgo(65)} [48812] LOG:  duration: 398312.114 ms  statement: CALL create_daily_partitions('vehicle_positions', DATE '2024-11-22', DATE '2026-11-21')`,
    `${minutesAgo(5)} [51002] ERROR:  out of shared memory`,
    `${minutesAgo(5)} [51002] HINT:  You might need to increase max_locks_per_transaction.`,
  ];

  it('names the lock table, its size from the ConfigMap, the partitioning, and advises pruning and a larger max_locks_per_transaction', () => {
    const [f] = analyzeDependencyRefusals(scenario(lines, serverLog));
    expect(f?.title).toMatch(/^PostgreSQL fleet-db refuses queries: its shared lock table is full/);
    expect(f?.title).toMatch(/fleet-db-config sets max_locks_per_transaction = 64/);
    expect(f?.title).toMatch(/vehicle_positions partitioned/);
    expect(f?.likelyCause).toMatch(/64 × max_connections 100 = 6400/);
    expect(f?.fix).toMatch(/prune partitions/);
    expect(f?.likelyCause).not.toMatch(/shm|shared_buffers/);
    expect(f?.fix).toMatch(/max_locks_per_transaction in ConfigMap fleet-db-config/);
    expect(f?.fix).toMatch(/restart/);
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('says the headline with max_locks_per_transaction and no rollback, after a client rollout', () => {
    const report = buildTriageReport(scenario(lines, serverLog), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/max_locks_per_transaction/);
    expect(report.headline).not.toMatch(/roll ?back to/i);
  });

  it('does not take a DataLoader worker out of shared memory (/dev/shm) for it', () => {
    const shm = "RuntimeError: DataLoader worker (pid 57) is killed by signal: Bus error. It is possible that dataloader's workers are out of shared memory.";
    expect(analyzeDependencyRefusals(scenario([shm, shm]))).toEqual([]);
  });
});
