import { describe, expect, it } from 'vitest';
import { analyzeSchemaMismatch } from '../../../../src/domain/triage/analyzers/schema-mismatch.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { readSessionSetting } from '../../../../src/domain/triage/pooled-session-setting.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running } from '../scenarios/builders.js';

const SET = '{"level":"info","msg":"db pool configured","host":"pgbouncer.billing.svc.cluster.local:6432","after_connect":"SET search_path TO billing"}';
const MISSING = '{"level":"error","msg":"query failed","error":"ERROR: relation \\"invoices\\" does not exist (SQLSTATE 42P01)"}';
const OK = '{"level":"info","msg":"request","status":200}';

/** An app whose DATABASE_URL leads to PgBouncer, that sets search_path once per connection; some queries miss the table. */
function pooled(o: { set?: boolean; url?: string } = {}): TriageEvidence {
  const url = o.url ?? 'postgres://app@pgbouncer.billing.svc.cluster.local:6432/billing';
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'DATABASE_URL', value: url }], state: running() })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...(o.set === false ? [] : [SET]), MISSING, OK, MISSING] })) });
}

describe('a session-level search_path lost behind a transaction-mode pooler', () => {
  it('reads the session SET the client logs, not SET LOCAL', () => {
    expect(readSessionSetting([SET])).toEqual({ setting: 'search_path', quote: 'SET search_path TO billing' });
    expect(readSessionSetting(['SET LOCAL search_path TO billing'])).toBeUndefined();
  });

  it('names search_path and transaction pooling instead of a schema the code disagrees with', () => {
    const [f] = analyzeSchemaMismatch(pooled());
    expect(f?.title).toMatch(/relation "invoices" does not exist — the session-level "SET search_path TO billing" is lost through PgBouncer \(pgbouncer\.billing\.svc\.cluster\.local:6432, DATABASE_URL\) in transaction pooling/);
    expect(f?.fix).toMatch(/ALTER ROLE <app role> SET search_path/);
    expect(`${f?.likelyCause}`).not.toMatch(/dropped|migration/);
  });

  it('keeps the schema reading without the session SET or without a pooler', () => {
    expect(analyzeSchemaMismatch(pooled({ set: false }))[0]?.title).toMatch(/the code and the database schema disagree$/);
    expect(analyzeSchemaMismatch(pooled({ url: 'postgres://app@db.example.com:5432/billing' }))[0]?.title).toMatch(/the code and the database schema disagree$/);
  });

  it('dates the change to the revision that pointed the address at the pooler', () => {
    const ev = pooled();
    const env = (url: string) => [revisionContainer({ name: 'app', env: [{ name: 'DATABASE_URL', value: url }], envFrom: [] })];
    const withHistory = { ...ev, pods: ev.pods.map((p) => ({ ...p, revisionHash: REV7.hash })), revisions: [revision(REV6, minutesAgo(9000), { containers: env('postgres://app@db.example.com:5432/billing') }), revision(REV7, minutesAgo(300), { containers: env('postgres://app@pgbouncer.billing.svc.cluster.local:6432/billing') })] };
    const [f] = analyzeSchemaMismatch(withHistory);
    expect(f?.title).toMatch(/in transaction pooling since revision 7 pointed DATABASE_URL at it \(5h ago\)/);
    expect(f?.datesChange).toBe(true);
  });
});
