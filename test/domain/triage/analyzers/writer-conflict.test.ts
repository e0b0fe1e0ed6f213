// Transactions that deadlock (Postgres 40P01, MySQL 1213) or fail to serialize (40001) while the
// workload's own revision is days old: the verdict names the other Deployment of the namespace that
// writes to the same database (whatever user it connects as) and rolled out just before the first
// conflict, with what its revision changed in how it writes, and advises moving THAT one back.
import { describe, expect, it } from 'vitest';
import { analyzeWriterConflicts } from '../../../../src/domain/triage/analyzers/writer-conflict.js';
import type { NamespaceRolloutEvidence, RolloutRevisionEvidence } from '../../../../src/domain/triage/evidence.js';
import { findWriterConflicts, needsWriterRollouts } from '../../../../src/domain/triage/writer-conflict.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod, revisionContainer } from '../scenarios/builders.js';

const dsn = (user: string) => `postgres://${user}@payments-db.billing.svc.cluster.local:5432/payments?sslmode=disable`;
const deadlock = (m: number) => `{"level":"error","ts":"${minutesAgo(m)}","msg":"capture failed","error":"debit wallet 88: ERROR: deadlock detected (SQLSTATE 40P01)"}`;
const mysqlDeadlock = (m: number) => `${minutesAgo(m)} ERROR [orders] update failed: (1213, 'Deadlock found when trying to get lock; try restarting transaction')`;

function rev(revision: number, createdAt: string, image: string, env: { name: string; value: string }[]): RolloutRevisionEvidence {
  return { revision, name: `x-${revision}`, hash: `h${revision}`, createdAt, replicas: 2, containers: [revisionContainer({ image, env })] };
}

const sweeper = (over: Partial<NamespaceRolloutEvidence> = {}): NamespaceRolloutEvidence => ({
  deployment: 'ledger-sweeper',
  labels: { app: 'ledger-sweeper' },
  revisions: [
    rev(12, minutesAgo(40), 'registry.example.com/ledger-sweeper:3.1.0', [{ name: 'DATABASE_URL', value: dsn('sweeper') }, { name: 'SWEEP_ORDER', value: 'updated_at_desc' }]),
    rev(11, minutesAgo(20 * 24 * 60), 'registry.example.com/ledger-sweeper:3.0.4', [{ name: 'DATABASE_URL', value: dsn('sweeper') }, { name: 'SWEEP_ORDER', value: 'id_asc' }]),
  ],
  ...over,
});

function scenario(lines: string[], rollouts: NamespaceRolloutEvidence[], env = [{ name: 'DATABASE_URL', value: dsn('wallet_api') }]) {
  const pods = [0, 1, 2].map((i) => pod(i, { containers: [container({ env })] }));
  return baseEvidence({
    pods,
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    namespaceRollouts: rollouts,
  });
}

const lines = [30, 24, 18, 12, 6].map(deadlock);

describe('transactions in conflict with another writer that rolled out just before', () => {
  it('reads deadlocks and serialization failures, asks for the rollouts only then, and not for a lone deadlock', () => {
    const ev = scenario(lines, []);
    expect(findWriterConflicts(ev)).toMatchObject({ kind: 'deadlock', code: '40P01', onset: minutesAgo(30) });
    expect(findWriterConflicts(scenario([30, 20, 10].map(mysqlDeadlock), []))).toMatchObject({ kind: 'deadlock', code: '1213' });
    expect(findWriterConflicts(scenario(['ERROR: could not serialize access due to concurrent update (SQLSTATE 40001)', 'x 40001 y', 'ERROR: could not serialize access due to read/write dependencies among transactions'], []))).toMatchObject({ kind: 'serialization' });
    expect(needsWriterRollouts(ev)).toBeDefined();
    expect(needsWriterRollouts(scenario([deadlock(5)], []))).toBeUndefined();
    expect(needsWriterRollouts(scenario(['Lock wait timeout exceeded; try restarting transaction', 'Lock wait timeout exceeded', 'Lock wait timeout exceeded'], []))).toBeUndefined();
  });

  it('names the writer on the same database, what its revision changed, and rolls it back, not the workload', () => {
    const report = buildTriageReport(scenario(lines, [sweeper()]), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/Transactions deadlock with ledger-sweeper's writes since its revision 12 \(3\.1\.0, 40m ago\) changed SWEEP_ORDER id_asc → updated_at_desc: 10 deadlocks \(SQLSTATE 40P01\) in 2 ready pods/);
    expect(report.headline).toMatch(/Roll ledger-sweeper back to revision 11 \(3\.0\.4\)/);
    expect(report.headline).not.toMatch(/no change found|Roll back to revision/);
    const [f] = analyzeWriterConflicts(scenario(lines, [sweeper()]));
    expect(f?.evidence.join('\n')).toMatch(/both write to database payments on payments-db \(DATABASE_URL\)/);
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('blames no rollout that writes elsewhere or came after the first conflict', () => {
    const elsewhere = sweeper({ revisions: sweeper().revisions.map((r) => ({ ...r, containers: [revisionContainer({ image: r.containers[0]?.image ?? '', env: [{ name: 'DATABASE_URL', value: 'postgres://x@reports-db:5432/reports' }] })] })) });
    const late = sweeper({ revisions: [rev(13, minutesAgo(10), 'registry.example.com/ledger-sweeper:3.2.0', [{ name: 'DATABASE_URL', value: dsn('sweeper') }]), ...sweeper().revisions] });
    for (const r of [elsewhere, late]) {
      const [f] = analyzeWriterConflicts(scenario(lines, [r]));
      expect(f?.title).toMatch(/^Transactions deadlock against another writer of the same rows: 10 deadlocks/);
      expect(f?.datesChange).toBeUndefined();
    }
  });

  it('asks a new writer (no earlier revision) to take the rows in one order or pause, and quotes the database, not the driver\'s exception class', () => {
    const jdbc = (m: number) => `${minutesAgo(m)} WARN  [pool-2] Caused by: com.example.jdbc.TxnRollbackException: Deadlock found when trying to get lock; try restarting transaction`;
    const fresh = sweeper({ revisions: [sweeper().revisions[0]!] });
    const report = buildTriageReport(scenario([30, 20, 10].map(jdbc), [fresh]), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/Transactions deadlock with ledger-sweeper's writes since its revision 12/);
    expect(report.headline).toMatch(/Make ledger-sweeper \(a new writer: it has no earlier revision\) lock the shared rows in the same order as/);
    expect(report.headline).toMatch(/pause it/);
    expect(report.headline).toContain('"Deadlock found when trying to get lock; try restarting transaction"');
    expect(report.headline).not.toMatch(/RollbackException|find the other writer/i);
  });
});
