// A migrate step that refuses because the database's migration history does not match the code
// (Django InconsistentMigrationHistory, Flyway "applied migration not resolved locally", Alembic
// "Can't locate revision"). A Job that restored into the database before the failures is the
// change; the revision that just rolled out is cleared and no rollback is advised. Without such a
// Job the revision is not cleared: a release that reordered its own migrations is as likely.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, NamespaceJobEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { analyzeMigrationHistory } from '../../../src/domain/triage/analyzers/migration-history.js';
import { findMigrationHistoryMismatch, pickRestoreJob } from '../../../src/domain/triage/migration-history.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, terminated, workload } from './scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const log = (lines: string[], podName = 'p', c = 'migrate'): LogEvidence => ({ pod: podName, container: c, previous: false, lines });

const DJANGO = [
  'Operations to perform:',
  '  File "/usr/local/lib/python3.12/site-packages/django/db/migrations/loader.py", line 327, in check_consistent_history',
  '    raise InconsistentMigrationHistory(',
  "django.db.migrations.exceptions.InconsistentMigrationHistory: Migration orders.0031_order_refund_fk is applied before its dependency refunds.0012_refund_split on database 'default'.",
];

const restoreJob: NamespaceJobEvidence = {
  name: 'catalog-db-restore-manual',
  createdAt: minutesAgo(300),
  finishedAt: minutesAgo(270),
  state: 'complete',
  commandAndEnv: ['pg_restore', '--dbname=catalog', '--table=refunds_refund', '/backup/catalog.dump'],
};
const reportJob: NamespaceJobEvidence = { name: 'daily-report-29011', owner: { kind: 'CronJob', name: 'daily-report' }, createdAt: minutesAgo(60), finishedAt: minutesAgo(58), state: 'complete', commandAndEnv: ['python', 'report.py'] };

/** Revision 7 rolled out 20 minutes ago; its first pod's migrate init container exits 1 on the history; the three old pods serve. */
function migrateRefused(jobs: NamespaceJobEvidence[]): TriageEvidence {
  const old = [0, 1, 2].map((i) => pod(i, { revisionHash: REV6.hash }));
  const fresh = pod(3, {
    revisionHash: REV7.hash,
    ready: false,
    phase: 'Pending',
    createdAt: minutesAgo(20),
    startTime: minutesAgo(20),
    initContainers: [container({ name: 'migrate', state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=migrate' } }, lastState: terminated(1, 'Error', 2, { runSeconds: 6 }), restartCount: 8, ready: false })],
    containers: [container({ state: { waiting: { reason: 'PodInitializing' } }, ready: false })],
  });
  return baseEvidence({
    pods: [...old, fresh],
    workload: workload({ specReplicas: 3, replicas: 4, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 1 }),
    revisions: [
      revision(REV6, minutesAgo(10 * 24 * 60), { containers: [revisionContainer({ image: 'registry.example/shop/api:1.4.0' })] }),
      revision(REV7, minutesAgo(20), { containers: [revisionContainer({ image: 'registry.example/shop/api:1.5.0' })] }),
    ],
    logs: [log(DJANGO, fresh.name)],
    namespaceJobs: { jobs, complete: true },
  });
}

describe('findMigrationHistoryMismatch', () => {
  it("reads each tool's words, and the message under a traceback's raise line", () => {
    const d = findMigrationHistoryMismatch([log(DJANGO)]);
    expect(d).toMatchObject({ tool: 'Django', migration: 'orders.0031_order_refund_fk', dependency: 'refunds.0012_refund_split' });
    expect(findMigrationHistoryMismatch([log(['ERROR: Validate failed: Migrations have failed validation', 'Detected applied migration not resolved locally: 4.2.'])])).toMatchObject({ tool: 'Flyway', migration: '4.2' });
    expect(findMigrationHistoryMismatch([log(["ERROR [alembic.util.messaging] Can't locate revision identified by 'a1b2c3d4e5f6'"])])).toMatchObject({ tool: 'Alembic', migration: 'a1b2c3d4e5f6' });
    expect(findMigrationHistoryMismatch([log(['Applying orders.0031_order_refund_fk... OK', 'No migrations to apply.'])])).toBeUndefined();
  });
});

describe('pickRestoreJob', () => {
  it('picks the Job that restored or imported before the onset, not one after it, an unrelated one or one weeks old', () => {
    const onset = minutesAgo(18);
    const after: NamespaceJobEvidence = { ...restoreJob, name: 'catalog-db-restore-later', createdAt: minutesAgo(5) };
    const ancient: NamespaceJobEvidence = { ...restoreJob, name: 'catalog-db-restore-old', createdAt: minutesAgo(30 * 24 * 60) };
    expect(pickRestoreJob({ jobs: [reportJob, after, ancient, restoreJob], complete: true }, onset)?.name).toBe('catalog-db-restore-manual');
    expect(pickRestoreJob({ jobs: [reportJob, after, ancient], complete: true }, onset)).toBeUndefined();
    const byShell: NamespaceJobEvidence = { name: 'one-off-7f2k', createdAt: minutesAgo(90), state: 'complete', commandAndEnv: ['sh', '-c', 'mysql -h db catalog < /backup/catalog.sql'] };
    expect(pickRestoreJob({ jobs: [byShell], complete: true }, onset)?.name).toBe('one-off-7f2k');
  });
});

describe('analyzeMigrationHistory', () => {
  it('names the restore as the change, clears the revision and advises no rollback', () => {
    const [f, ...rest] = analyzeMigrationHistory(migrateRefused([reportJob, restoreJob]));
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('schema-migration');
    expect(f?.title).toMatch(/^Init container migrate fails on 1\/4 pods: the database's migration history does not match the code \(Django's InconsistentMigrationHistory: orders\.0031_order_refund_fk is recorded applied before its dependency refunds\.0012_refund_split\), since Job catalog-db-restore-manual \(pg_restore/);
    expect(f?.fix).toMatch(/migrate refunds 0012_refund_split --fake/);
    const report = buildTriageReport(migrateRefused([reportJob, restoreJob]), times);
    expect(report.headline).toMatch(/^Init container migrate fails .*since Job catalog-db-restore-manual/);
    // The title dates its own change (the restore Job's run), so the revision is cleared as the trigger beside it.
    expect(report.headline).toMatch(/revision 7 \([^)]*\) is not the trigger/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back to|undo the rollout/i);
  });

  it('without a restore found, does not clear the revision', () => {
    const [f] = analyzeMigrationHistory(migrateRefused([reportJob]));
    expect(f?.outsideWorkload).toBeUndefined();
    expect(f?.title).not.toMatch(/since Job/);
    expect(f?.confidence).toBe('medium');
  });
});
