import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import type { NamespaceJobEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { explainPrivilegeRefusal, findConnectRole, findPrivilegeRefusal, needsPrivilegeJobs } from '../../../src/domain/triage/pg-privilege.js';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { REV7, baseEvidence, minutesAgo, pod, terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

const REFUSAL_LOG = [
  '{"time":"2026-11-21T03:12:40Z","level":"INFO","msg":"postgres pool ready","database":"payments","max_conns":20}',
  '{"time":"2026-11-21T03:12:40Z","level":"INFO","msg":"loading refund rules"}',
  '{"time":"2026-11-21T03:12:40Z","level":"ERROR","msg":"startup failed","error":"refunds.LoadRules: select refund_rules: ERROR: permission denied for table refund_rules (SQLSTATE 42501)"}',
];

const MIGRATE: NamespaceJobEvidence = {
  name: 'payment-service-schema-upgrade',
  createdAt: minutesAgo(37),
  finishedAt: minutesAgo(36),
  state: 'complete',
  commandAndEnv: ['/app/payment-service', 'migrate', 'up', 'PGHOST=postgres.payments.svc.cluster.local', 'PGUSER=payments_owner'],
};

/** Two pods crash at start on the refusal; the app connects as payments_app (literal env). */
function refused(jobs?: NamespaceJobEvidence[]): TriageEvidence {
  const ev = crashScenario(2, () => terminated(1, 'Error', 2, { runSeconds: 1 }), { logs: REFUSAL_LOG });
  const env = [{ name: 'PGHOST', value: 'postgres.payments.svc.cluster.local' }, { name: 'PGUSER', value: 'payments_app' }];
  return {
    ...ev,
    pods: ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, env })) })),
    ...(jobs ? { namespaceJobs: { jobs, complete: true } } : {}),
  };
}

describe('PostgreSQL refusing the app\'s role a privilege (42501)', () => {
  it('reads the object from PostgreSQL\'s words, old and new', () => {
    expect(findPrivilegeRefusal(['ERROR: permission denied for table refund_rules'])).toMatchObject({ object: 'table', name: 'refund_rules' });
    expect(findPrivilegeRefusal(['ERROR:  permission denied for relation refund_rules'])).toMatchObject({ object: 'table', name: 'refund_rules' });
    expect(findPrivilegeRefusal(['pq: permission denied for sequence refunds_id_seq'])).toMatchObject({ object: 'sequence', name: 'refunds_id_seq' });
    expect(findPrivilegeRefusal(['open /data/x: permission denied'])).toBeUndefined();
  });

  it('names the missing GRANT as the fix, and the migration Job that ran as another role before the first crash', () => {
    const [f] = analyzeExitCodes(refused([MIGRATE]));
    expect(f?.title).toContain(': PostgreSQL denies role payments_app on table refund_rules (42501, no GRANT) after migration Job payment-service-schema-upgrade ran as payments_owner');
    expect(f?.fix).toBe('GRANT payments_app the privileges it needs on refund_rules and make the migration grant them (or ALTER DEFAULT PRIVILEGES)');
    expect(f?.nextAction).toContain('GRANT SELECT (and the INSERT/UPDATE/DELETE it uses) ON refund_rules TO payments_app');
    expect(f?.nextAction).toContain('ALTER DEFAULT PRIVILEGES FOR ROLE payments_owner');
    expect(f?.confidence).toBe('high');
  });

  it('still names the grant when no migration Job shows, and names none that ran long before', () => {
    const [f] = analyzeExitCodes(refused());
    expect(f?.title).toContain(': PostgreSQL denies role payments_app on table refund_rules (42501, no GRANT)');
    expect(f?.title).not.toContain('migration Job');
    const [old] = analyzeExitCodes(refused([{ ...MIGRATE, createdAt: minutesAgo(9 * 60), finishedAt: minutesAgo(9 * 60 - 1) }]));
    expect(old?.title).not.toContain('migration Job');
  });

  it('asks for the namespace\'s Jobs only when a log carries the refusal', () => {
    const logs = refused().logs;
    expect(needsPrivilegeJobs({ kind: 'Deployment' }, logs)).toBe(true);
    expect(needsPrivilegeJobs({ kind: 'Deployment' }, logs.map((l) => ({ ...l, lines: l.lines.slice(0, 2) })))).toBe(false);
  });
});

describe('ready pods whose queries PostgreSQL refuses, after a migration Job ran as another role', () => {
  const errors = ['ERROR 1 --- [exec-3] o.h.e.j.s.SqlExceptionHelper : ERROR: permission denied for table shipment_labels'];
  const app = [{ env: [{ name: 'QUARKUS_DATASOURCE_USERNAME', value: 'ship_app' }] }];
  const job = (name: string, ago: number, role: string): NamespaceJobEvidence => ({ name, createdAt: minutesAgo(ago), finishedAt: minutesAgo(ago - 1), state: 'complete', commandAndEnv: ['liquibase', 'update', `LIQUIBASE_COMMAND_USERNAME=${role}`] });

  it('names the app\'s role, the role the migration ran as, the one the migration before ran as, and the grant', () => {
    const told = explainPrivilegeRefusal(errors, app, [job('ship-db-migrate-41', 9 * 24 * 60, 'ship_owner'), job('ship-db-migrate-42', 30, 'ship_deployer')], minutesAgo(26));
    expect(told?.summary).toBe('PostgreSQL denies role ship_app on table shipment_labels (42501, no GRANT) after migration Job ship-db-migrate-42 ran as ship_deployer, not ship_owner');
    expect(told?.nextAction).toContain('GRANT SELECT (and the INSERT/UPDATE/DELETE it uses) ON shipment_labels TO ship_app');
    expect(told?.nextAction).toContain('OWNER TO ship_owner');
    expect(told?.fix).toMatch(/run it as ship_owner/);
    expect(told?.decisive).toContain('permission denied for table shipment_labels');
  });

  it('tells the ready pods\' log errors with it', () => {
    const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(27), startTime: minutesAgo(27), containers: [{ ...pod(i).containers[0]!, env: app[0]!.env }] }));
    const lines = Array.from({ length: 8 }, (_, k) => `2026-11-21T03:0${k}:00.000Z ${errors[0]}`);
    const ev = { ...baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) }), namespaceJobs: { jobs: [job('ship-db-migrate-42', 30, 'ship_deployer')], complete: true } };
    const f = findUnexplained(ev, []).find((x) => x.id === 'unexplained/log-errors');
    expect(f?.title).toContain('denies role ship_app on table shipment_labels');
    expect(f?.title).toContain('ran as ship_deployer');
  });

  it('takes the role from a variable that names it, never a URL\'s host and port', () => {
    expect(findConnectRole([{ name: 'QUARKUS_DATASOURCE_JDBC_URL', value: 'jdbc:postgresql://db.example.internal:5432/ship' }, { name: 'QUARKUS_DATASOURCE_USERNAME', value: 'ship_app' }])).toBe('ship_app');
    expect(findConnectRole([{ name: 'DATABASE_URL', value: 'jdbc:postgresql://db.example.internal:5432/ship' }])).toBeUndefined();
    expect(findConnectRole(['DATABASE_URL=postgresql://ship_app:pw@db.example.internal:5432/ship'])).toBe('ship_app');
  });

  it('is nothing without a privilege refusal', () => {
    expect(explainPrivilegeRefusal(['ERROR: relation "x" does not exist'], app, [], undefined)).toBeUndefined();
  });
});
