import { describe, expect, it } from 'vitest';
import { analyzeSignalKills } from '../../../../src/domain/triage/analyzers/signal-kill.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { MigrationLockRunEvidence } from '../../../../src/domain/triage/evidence-migration-lock-runs.js';
import { keepMigrationLockLines, needsMigrationLockRuns, pickMigrationLockRuns } from '../../../../src/domain/triage/migration-lock.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, REV6, event, minutesAgo, revision, revisionContainer, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

// An app that runs its migrations at start-up waits for the migration tool's lock, a row in the
// database that a migration run which died holding it never released: every start waits until
// the startup probe kills it, whatever the revision. The lock is named, and the run that left it;
// the fix releases it; a rollback is never the advice.

const WAITING = [
  '2026-11-21T03:10:00.100Z  INFO 1 --- [main] c.e.ledger.LedgerApplication : Starting LedgerApplication v5.3.0 using Java 21.0.5',
  '2026-11-21T03:10:01.900Z  INFO 1 --- [main] liquibase.lockservice : Waiting for changelog lock....',
  '2026-11-21T03:10:11.900Z  INFO 1 --- [main] liquibase.lockservice : Waiting for changelog lock....',
  '2026-11-21T03:10:21.900Z  INFO 1 --- [main] liquibase.lockservice : Waiting for changelog lock....',
];

const STARTUP = { type: 'http' as const, path: '/actuator/health/liveness', port: 8080, periodSeconds: 10, failureThreshold: 18 };

const OOM_RUN: MigrationLockRunEvidence = {
  job: 'ledger-migrate-42',
  pod: 'ledger-migrate-42-x7k2p',
  container: 'liquibase',
  state: 'failed',
  createdAt: minutesAgo(43),
  finishedAt: minutesAgo(35),
  terminated: { reason: 'OOMKilled', exitCode: 137 },
  lines: ['INFO [liquibase.lockservice] Successfully acquired change log lock', 'Running Changeset: db/changelog/0412.yaml::0412-2::team'],
};

function lockWaitScenario(runs?: MigrationLockRunEvidence[], log: string[] = WAITING): TriageEvidence {
  const ev = crashScenario(1, (i) => terminated(143, 'Error', 2 + i, { runSeconds: 180 }), { logs: log });
  ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, ports: [{ containerPort: 8080, protocol: 'TCP' as const }], probes: { ...c.probes, startup: STARTUP } })) }));
  ev.revisions = [
    revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(6 * 24 * 60), { containers: [revisionContainer({ image: 'registry.example.com/ledger:5.2.0' })] }),
    revision(REV6, minutesAgo(41), { containers: [revisionContainer({ image: 'registry.example.com/ledger:5.3.0' })] }),
  ];
  const p = ev.pods[0];
  if (p === undefined) throw new Error('pod');
  ev.events.push(
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Startup probe failed: Get "http://10.0.3.7:8080/actuator/health/liveness": dial tcp 10.0.3.7:8080: connect: connection refused', count: 140, firstSeen: minutesAgo(32), lastSeen: minutesAgo(2) }),
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'Killing', message: 'Container app failed startup probe, will be restarted', count: 8, firstSeen: minutesAgo(30), lastSeen: minutesAgo(2) }),
  );
  if (runs) ev.migrationLockRuns = runs;
  return ev;
}

describe('analyzeSignalKills: start-up waits for a migration lock left held', () => {
  it('names the Liquibase changelog lock and the migration Job that died holding it, and releases it', () => {
    const [f] = analyzeSignalKills(lockWaitScenario([OOM_RUN]));
    expect(f?.title).toContain('the Liquibase changelog lock ("Waiting for changelog lock....")');
    expect(f?.title).toContain('left held by migration Job ledger-migrate-42, which was OOMKilled 35m ago mid-migration');
    expect(f?.fix).toContain('check that no migration is running');
    expect(f?.fix).toContain('liquibase releaseLocks');
    expect(f?.fix).toContain('re-run migration Job ledger-migrate-42 with more memory');
    expect(f?.outsideWorkload).toBeDefined();
    expect(f?.affected?.jobs).toEqual(['ledger-migrate-42']);
  });

  it('never advises a rollback of the revision that restarted the pods', () => {
    const report = buildTriageReport(lockWaitScenario([OOM_RUN]), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/changelog lock/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
  });

  it('without a migration Job read, still names the lock and what may hold it', () => {
    const [f] = analyzeSignalKills(lockWaitScenario());
    expect(f?.title).toContain('held by a run that died mid-migration (or one still running)');
    expect(f?.fix).toContain('UPDATE DATABASECHANGELOGLOCK SET LOCKED=FALSE');
  });

  it('tells to let a migration Job that still runs finish, not to release its lock', () => {
    const running: MigrationLockRunEvidence = { ...OOM_RUN, state: 'running', lines: ['INFO [liquibase.lockservice] Successfully acquired change log lock'] };
    delete running.finishedAt;
    delete running.terminated;
    const [f] = analyzeSignalKills(lockWaitScenario([running]));
    expect(f?.title).toContain('held by migration Job ledger-migrate-42, which is still running');
    expect(f?.fix).toMatch(/^let migration Job ledger-migrate-42 finish/);
  });

  it('keeps to other readings once the log says it took the lock after waiting', () => {
    const [f] = analyzeSignalKills(lockWaitScenario(undefined, [...WAITING, '2026-11-21T03:10:31.900Z  INFO 1 --- [main] liquibase.lockservice : Successfully acquired change log lock']));
    expect(f?.title ?? '').not.toMatch(/changelog lock/);
  });
});

describe('the migration runs read for a lock wait', () => {
  const now = NOW;
  it('are read only when the workload waits for its migration lock', () => {
    const logs = [{ pod: 'p', container: 'app', previous: true, lines: WAITING }];
    expect(needsMigrationLockRuns({ kind: 'Deployment' }, logs)).toBe(true);
    expect(needsMigrationLockRuns({ kind: 'Job' }, logs)).toBe(false);
    expect(needsMigrationLockRuns({ kind: 'Deployment' }, [{ pod: 'p', container: 'app', previous: true, lines: ["Error: Can't take lock to run migrations: Migration table is already locked"] }])).toBe(true);
    expect(needsMigrationLockRuns({ kind: 'Deployment' }, [{ pod: 'p', container: 'app', previous: true, lines: WAITING.slice(0, 1) }])).toBe(false);
  });

  it('are migration Jobs running or failed within the day, newest first, at most two', () => {
    const jobs = {
      complete: true,
      jobs: [
        { name: 'nightly-export-1', state: 'failed' as const, createdAt: minutesAgo(50), finishedAt: minutesAgo(40) },
        { name: 'ledger-migrate-41', state: 'failed' as const, createdAt: minutesAgo(3 * 24 * 60), finishedAt: minutesAgo(3 * 24 * 60 - 5) },
        { name: 'ledger-migrate-42', state: 'failed' as const, createdAt: minutesAgo(43), finishedAt: minutesAgo(35) },
        { name: 'schema-sync', state: 'complete' as const, createdAt: minutesAgo(30), finishedAt: minutesAgo(29) },
        { name: 'db-tool', state: 'running' as const, createdAt: minutesAgo(20), commandAndEnv: ['liquibase', 'update'] },
      ],
    };
    expect(pickMigrationLockRuns(jobs, now).map((j) => j.name)).toEqual(['db-tool', 'ledger-migrate-42']);
  });

  it('keep the lines about the lock and the last steps', () => {
    const lines = ['Liquibase Version: 4.29.2', 'INFO [liquibase.lockservice] Successfully acquired change log lock', 'a', 'b', 'Running Changeset: x::1::t', 'Executing customChange on 18422913 rows'];
    expect(keepMigrationLockLines(lines)).toEqual(['INFO [liquibase.lockservice] Successfully acquired change log lock', 'b', 'Running Changeset: x::1::t', 'Executing customChange on 18422913 rows']);
  });
});
