import { describe, expect, it } from 'vitest';
import { analyzeSchemaMigrations } from '../../../../src/domain/triage/analyzers/schema-migration.js';
import type { PodTemplateEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import {
  APP, IMAGE_V15, NS, REV6, REV7, baseEvidence, container, crashLooping, event, minutesAgo, pod, revision, revisionContainer, running, terminated, workload,
} from '../scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:13:56.000Z' };

const RAILS_LOG = [
  'I, [2026-11-21T03:13:40.000 #1]  INFO -- : [c1f0] Started GET "/ready" for 10.0.1.1',
  'F, [2026-11-21T03:13:40.000 #1] FATAL -- : [c1f0] ActiveRecord::PendingMigrationError (',
  '',
  'Migrations are pending. To resolve this issue, run:',
  '',
  '        bin/rails db:migrate RAILS_ENV=production',
  '',
  'You have 1 pending migration:',
  '',
  'db/migrate/20261002091544_create_invoice_adjustments.rb',
  '):',
  'I, [2026-11-21T03:13:40.000 #1]  INFO -- : [c1f0] Completed 503 Service Unavailable in 6ms',
];

const template = (init: PodTemplateEvidence['initContainers']): PodTemplateEvidence => ({ initContainers: init, volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } });

/** Revision 7 dropped the db-migrate init container of revision 6; its one new pod fails readiness with 503 and logs `lines`. */
function droppedMigrationScenario(lines: string[], over: { previous?: boolean; crash?: boolean } = {}): TriageEvidence {
  const p = pod(5, { revisionHash: REV7.hash, ready: false, createdAt: minutesAgo(27), startTime: minutesAgo(27) });
  const fresh = {
    ...p,
    containers: [over.crash ? crashLooping(p.name, terminated(1, 'Error', 1, { runSeconds: 4 }), 7, { image: IMAGE_V15 }) : container({ image: IMAGE_V15, ready: false, state: running(27) })],
  };
  const old = [0, 1, 2].map((i) => pod(i));
  const base = baseEvidence({ pods: [...old, fresh], workload: workload({ specReplicas: 3, replicas: 4, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 1, currentRevision: 7 }) });
  const migrate = revisionContainer({ name: 'db-migrate', command: ['bundle', 'exec', 'rails', 'db:migrate'] });
  return {
    ...base,
    events: over.crash ? [] : [event({ object: { kind: 'Pod', name: fresh.name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 160, firstSeen: minutesAgo(26), lastSeen: minutesAgo(0.2) })],
    logs: [{ pod: fresh.name, container: 'app', previous: over.previous === true, lines }],
    revisions: [
      revision(REV6, minutesAgo(6 * 24 * 60), { replicas: 3, template: template([migrate]) }),
      revision(REV7, minutesAgo(28), { replicas: 1, changeCause: `deploy ${APP} 2.15.0 (migrations moved to a hook Job)`, containers: [revisionContainer({ image: IMAGE_V15 })], template: template([]) }),
    ],
  };
}

describe('analyzeSchemaMigrations', () => {
  it('names the pending migration the unready pod logs and the migration step its revision dropped', () => {
    const [f, ...rest] = analyzeSchemaMigrations(droppedMigrationScenario(RAILS_LOG));
    expect(rest).toEqual([]);
    expect(f?.title).toBe('Database migrations not applied: Rails reports pending migrations (20261002091544_create_invoice_adjustments) and the app will not serve, on 1/4 pods');
    expect(f?.decisive).toBe('ActiveRecord::PendingMigrationError');
    expect(f?.evidence).toContain('revision 7 no longer runs init container db-migrate (bundle exec rails db:migrate); revision 6 did');
    expect(f?.fix).toBe('run the pending migrations (bin/rails db:migrate) and restore the init container db-migrate or run it as a Job before the rollout');
    expect(f?.likelyCause).not.toMatch(/(database|postgres)[^\n]{0,20}(down|unreachable|refus)/i);
  });

  it.each([
    ['Django', "  You have 2 unapplied migration(s). Your project may not work properly until you apply the migrations for app(s): billing.", 'python manage.py migrate'],
    ['Flyway', 'org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation. Detected resolved migration not applied to database: 4.2.0.', 'flyway migrate'],
    ['Alembic', 'alembic.util.exc.CommandError: Target database is not up to date.', 'alembic upgrade head'],
    ['Prisma', 'Following migration have not yet been applied:', 'prisma migrate deploy'],
  ])('recognizes %s saying migrations are pending, in a crashed run too', (framework, line, run) => {
    const [f] = analyzeSchemaMigrations(droppedMigrationScenario([line], { previous: true, crash: true }));
    expect(f?.title).toMatch(new RegExp(`^Database migrations not applied: ${framework} reports pending migrations`));
    expect(f?.fix).toContain(run);
  });

  it('stays silent when the pods logging it serve, or nothing says migrations are pending', () => {
    const ev = droppedMigrationScenario(RAILS_LOG);
    expect(analyzeSchemaMigrations({ ...ev, pods: ev.pods.map((p) => ({ ...p, ready: true })) })).toEqual([]);
    expect(analyzeSchemaMigrations(droppedMigrationScenario(['ERROR: connection to server failed']))).toEqual([]);
  });
});

describe('the verdict on a revision whose migrations never ran', () => {
  it('heads with the pending migrations and the dropped init container as the trigger, not a failing dependency', () => {
    const report = buildTriageReport(droppedMigrationScenario(RAILS_LOG), times);
    expect(report.headline).toMatch(/^Since revision 7 \(28m ago: init container db-migrate removed\): Database migrations not applied: Rails reports pending migrations/);
    expect(report.headline).toMatch(/Roll back to revision 6, or run the pending migrations \(bin\/rails db:migrate\)/);
    const probe = report.findings.find((f) => f.kind === 'readiness-probe');
    expect(probe?.likelyCause).toMatch(/its log says why: Rails finds schema migrations pending/);
    expect(probe?.likelyCause).not.toMatch(/database, cache/);
  });
});

describe('pending migrations whose migration Job ran and failed', () => {
  /** The namespace's migration Job for revision 7 failed at its backoff limit; its log ends on the database's lock wait timeout. */
  function failedJobScenario(): TriageEvidence {
    const ev = droppedMigrationScenario(RAILS_LOG);
    const job = 'billing-db-upgrade-r7';
    return {
      ...ev,
      revisions: ev.revisions.map((r) => ({ ...r, template: template([]) })),
      namespaceJobs: { jobs: [{ name: job, state: 'failed', failedReason: 'BackoffLimitExceeded', createdAt: minutesAgo(30), finishedAt: minutesAgo(29), commandAndEnv: ['bundle exec rails db:migrate'] }], complete: true },
      failedMigrationLogs: [{ job, pod: `${job}-q8w2c`, container: 'upgrade', finishedAt: minutesAgo(29), lines: ['StandardError: An error has occurred, all later migrations canceled:', 'Mysql2::Error::TimeoutError: Lock wait timeout exceeded; try restarting transaction'] }],
    };
  }

  it('names the failed Job, its reason and its error as why the migrations are pending, and re-running it as the fix', () => {
    const [f] = analyzeSchemaMigrations(failedJobScenario());
    expect(f?.title).toMatch(/^Database migrations not applied: migration Job billing-db-upgrade-r7 failed \(BackoffLimitExceeded\): its schema change hit its lock timeout/);
    expect(f?.title).toMatch(/Rails reports pending migrations \(20261002091544_create_invoice_adjustments\)/);
    expect(f?.fix).toMatch(/^re-run the migration Job billing-db-upgrade-r7 once no long transaction holds a lock/);
    expect(f?.evidence.join('\n')).toMatch(/Lock wait timeout exceeded/);
  });

  it('heads the verdict with the fix before the rollback', () => {
    const report = buildTriageReport(failedJobScenario(), times);
    expect(report.headline).toMatch(/migration Job billing-db-upgrade-r7 failed \(BackoffLimitExceeded\)/);
    expect(report.headline).toMatch(/Re-run the migration Job billing-db-upgrade-r7 .*rolling back to revision 6 would also/);
  });

  it('reads a bare pending migration file name as the migration', () => {
    const lines = RAILS_LOG.map((l) => l.replace('db/migrate/', ''));
    expect(analyzeSchemaMigrations(droppedMigrationScenario(lines))[0]?.title).toMatch(/\(20261002091544_create_invoice_adjustments\)/);
  });
});
