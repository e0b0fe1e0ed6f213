// A role's search_path set by a migration that then failed: new sessions look for the tables in
// the new schema, old pooled connections still find them. The database's statement log says so.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import type { StoreVolumeEvidence } from '../../../src/domain/triage/evidence-store-volume.js';
import { analyzeSchemaMismatch } from '../../../src/domain/triage/analyzers/schema-mismatch.js';
import { readSearchPathStatement } from '../../../src/domain/triage/role-search-path.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, container, minutesAgo, pod, service } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const pgTime = (ago: number) => minutesAgo(ago).replace('T', ' ').replace(/(\.\d+)?Z$/, '.000 UTC');
const appLine = (ago: number) => `{"time":"${minutesAgo(ago)}","level":"ERROR","msg":"query failed","error":"ERROR: relation \\"ledger_entries\\" does not exist (SQLSTATE 42P01)"}`;

function appPod(i: number): PodEvidence {
  return pod(i, { containers: [container({ env: [{ name: 'DATABASE_URL', value: 'postgres://svc_pay@pay-db.payments.svc.cluster.local:5432/pay' }] })] });
}

function dbLog(lines: string[]): StoreVolumeEvidence {
  const db = pod(0, { name: 'pay-db-0', labels: { app: 'pay-db' }, ownerWorkload: { kind: 'StatefulSet', name: 'pay-db' }, createdAt: minutesAgo(30 * 24 * 60) });
  return { service: 'pay-db', pod: db, logs: [{ pod: db.name, container: 'postgres', previous: false, lines }], claims: [], volumes: [] };
}

const SET = `${pgTime(30)} [4410] owner@pay LOG:  statement: ALTER ROLE svc_pay SET search_path = ledger_v3;`;
const FAILED = [
  `${pgTime(29.5)} [4410] owner@pay ERROR:  deadlock detected`,
  `${pgTime(29.5)} [4410] owner@pay STATEMENT:  ALTER TABLE public.ledger_entries SET SCHEMA ledger_v3;`,
];
const REFUSED = `${pgTime(20)} [5120] svc_pay@pay ERROR:  relation "ledger_entries" does not exist at character 15`;

function scenario(o: { db?: string[]; jobs?: boolean } = {}): TriageEvidence {
  const pods = [0, 1, 2].map(appPod);
  return baseEvidence({
    pods,
    services: [service(), service({ name: 'pay-db', selector: { app: 'pay-db' } })],
    logs: pods.slice(0, 2).map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: [appLine(25), appLine(15), appLine(5)] })),
    ...(o.db ? { storeVolume: dbLog(o.db) } : {}),
    ...(o.jobs ? { namespaceJobs: { complete: true, jobs: [{ name: 'pay-schema-upgrade-12', createdAt: minutesAgo(31), finishedAt: minutesAgo(29), state: 'failed' as const }] } } : {}),
  });
}

describe('readSearchPathStatement', () => {
  it('reads ALTER ROLE, ALTER ROLE … IN DATABASE and ALTER DATABASE, set or reset', () => {
    expect(readSearchPathStatement(SET)).toMatchObject({ scope: 'role', name: 'svc_pay', value: 'ledger_v3', user: 'owner', pid: '4410', statement: 'ALTER ROLE svc_pay SET search_path = ledger_v3' });
    expect(readSearchPathStatement('LOG:  statement: alter role "Svc" in database pay set search_path to ledger_v3, public')).toMatchObject({ scope: 'role', name: 'Svc', inDatabase: 'pay', value: 'ledger_v3, public' });
    expect(readSearchPathStatement('{"sql":"ALTER DATABASE pay SET search_path = \\"$user\\", ledger"}')).toMatchObject({ scope: 'database', name: 'pay', value: '"$user", ledger' });
    expect(readSearchPathStatement('LOG:  statement: ALTER ROLE svc_pay RESET search_path;')?.value).toBeUndefined();
    expect(readSearchPathStatement('LOG:  statement: ALTER ROLE svc_pay SET search_path TO DEFAULT;')?.value).toBeUndefined();
    // psql's command tag, a session-level SET and another setting are no such statement.
    expect(readSearchPathStatement('ALTER ROLE')).toBeUndefined();
    expect(readSearchPathStatement('SET search_path = ledger_v3')).toBeUndefined();
    expect(readSearchPathStatement('ALTER ROLE svc_pay SET statement_timeout = 5000;')).toBeUndefined();
  });
});

describe('a role search_path set by a migration that failed before moving the tables', () => {
  it('names the statement, the Job that ran it and its failure; says only new sessions get it; resets it', () => {
    const ev = scenario({ db: [SET, ...FAILED, REFUSED], jobs: true });
    const [f] = analyzeSchemaMismatch(ev);
    expect(f?.id).toMatch(/role-search-path/);
    expect(f?.title).toContain('migration Job pay-schema-upgrade-12 ran ALTER ROLE svc_pay SET search_path = ledger_v3 30m ago');
    expect(f?.title).toContain('deadlock detected');
    expect(f?.title).toContain('looks for ledger_entries in ledger_v3 only');
    expect(f?.likelyCause).toMatch(/applies only to sessions opened after it/);
    expect(f?.likelyCause).toMatch(/opened before keep the old search_path/);
    expect(f?.likelyCause).toContain('still in public');
    expect(f?.nextAction).toContain('ALTER ROLE svc_pay RESET search_path');
    expect(f?.nextAction).toContain('ALTER ROLE svc_pay SET search_path = ledger_v3, public');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toContain(`log pay-db-0/postgres: ${SET}`);
    const r = buildTriageReport(ev, times);
    expect(r.headline).toMatch(/search_path/);
    expect(r.headline).not.toMatch(/roll(ing)? ?back to|rollout undo|no change of the workload/i);
  });

  it('reads the statement from the failed migration Job\'s own log when its tool echoes it', () => {
    const ev = { ...scenario({ jobs: true }), failedMigrationLogs: [{ job: 'pay-schema-upgrade-12', pod: 'pay-schema-upgrade-12-x7k2p', container: 'migrate', finishedAt: minutesAgo(29), lines: ['ALTER ROLE svc_pay SET search_path = ledger_v3;', 'psql:/m/12.sql:9: ERROR:  deadlock detected'] }] };
    const [f] = analyzeSchemaMismatch(ev);
    expect(f?.title).toContain('migration Job pay-schema-upgrade-12 ran ALTER ROLE svc_pay SET search_path = ledger_v3, then the Job failed');
    expect(f?.evidence).toContain('log pay-schema-upgrade-12-x7k2p/migrate (Job pay-schema-upgrade-12): ALTER ROLE svc_pay SET search_path = ledger_v3;');
    expect(f?.nextAction).toContain('ALTER ROLE svc_pay RESET search_path');
  });

  it('says nothing new without the statement, after a reset, for another role, for a qualified table, or for a change after the failures began', () => {
    const generic = (db?: string[]) => analyzeSchemaMismatch(scenario({ ...(db ? { db } : {}), jobs: true }))[0]?.id;
    expect(generic()).toBe('schema-migration/mismatch/app');
    expect(generic([REFUSED])).toBe('schema-migration/mismatch/app');
    expect(generic([SET, `${pgTime(10)} [4499] owner@pay LOG:  statement: ALTER ROLE svc_pay RESET search_path;`])).toBe('schema-migration/mismatch/app');
    expect(generic([SET.replace('ROLE svc_pay', 'ROLE reporting')])).toBe('schema-migration/mismatch/app');
    expect(generic([`${pgTime(2)} [4410] owner@pay LOG:  statement: ALTER ROLE svc_pay SET search_path = ledger_v3;`])).toBe('schema-migration/mismatch/app');
    const qualified = scenario({ db: [SET] });
    const logs = qualified.logs.map((l) => ({ ...l, lines: l.lines.map((x) => x.replace('\\"ledger_entries\\"', '\\"public.ledger_entries\\"')) }));
    expect(analyzeSchemaMismatch({ ...qualified, logs })[0]?.id).toBe('schema-migration/mismatch/app');
  });
});
