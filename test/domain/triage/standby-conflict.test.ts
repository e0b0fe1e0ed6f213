import { describe, expect, it } from 'vitest';
import type { ContainerSpecEvidence } from '../../../src/domain/triage/evidence.js';
import { explainStandbyConflict } from '../../../src/domain/triage/standby-conflict.js';

const CANCELLED = [
  'Caused by: org.postgresql.util.PSQLException: ERROR: canceling statement due to conflict with recovery',
  '  Detail: User query might have needed to see row versions that must be removed.',
];
const app = (env: Record<string, string>): ContainerSpecEvidence => ({ name: 'app', image: 'app:1', env: Object.entries(env).map(([name, value]) => ({ name, value })) }) as ContainerSpecEvidence;

describe('a Postgres standby cancelling queries (recovery conflict)', () => {
  it('names the standby the pods read from and the settings that govern the cancellations', () => {
    const e = explainStandbyConflict(CANCELLED, [app({ PRIMARY_URL: 'jdbc:postgresql://orders-db:5432/orders', READ_URL: 'jdbc:postgresql://orders-db-ro:5432/orders' })]);
    expect(e?.standby).toEqual({ env: 'READ_URL', host: 'orders-db-ro' });
    expect(e?.nextAction).toMatch(/hot_standby_feedback = on.*max_standby_streaming_delay/);
    expect(e?.nextAction).toContain('orders-db-ro (READ_URL)');
    expect(e?.likelyCause).toMatch(/VACUUM|cleanup/);
  });

  it('names no host when the env holds several databases and none reads as a standby', () => {
    const e = explainStandbyConflict(CANCELLED, [app({ A_URL: 'postgres://one:5432/x', B_URL: 'postgres://two:5432/x' })]);
    expect(e?.standby).toBeUndefined();
    expect(e?.nextAction).toMatch(/the standby the pods query/);
  });

  it('says nothing of other errors', () => {
    expect(explainStandbyConflict(['ERROR: canceling statement due to statement timeout'], [app({ DB: 'postgres://db/x' })])).toBeUndefined();
  });
});
