import { describe, expect, it } from 'vitest';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';
import type { EnvVarEvidence, RevisionEvidence } from '../../../src/domain/triage/evidence.js';

// MySQL refusing to prepare a statement at its server-wide cap (error 1461): with server-side
// prepared statements on, each one the code leaves open stays allocated on the server.
const REFUSED = "java.sql.SQLException: Can't create more than max_prepared_stmt_count statements (current value: 16382)";
const URL = 'jdbc:mysql://db.example.svc:3306/shop?sslMode=REQUIRED';

function revision(n: number, env: EnvVarEvidence[]): RevisionEvidence {
  return { revision: n, name: `shop-${n}`, hash: `h${n}`, createdAt: `2026-11-2${n % 10}T00:00:00Z`, containers: [{ name: 'app', image: `registry.example/shop:${n}.0`, env, envFrom: [], resources: { requests: {}, limits: {} } }] };
}

describe('MySQL refusing new prepared statements at max_prepared_stmt_count', () => {
  it('names the revision whose JDBC URL turned on server-side prepared statements', () => {
    const older = revision(4, [{ name: 'DB_URL', value: `${URL}&cachePrepStmts=true` }]);
    const newer = revision(5, [{ name: 'DB_URL', value: `${URL}&useServerPrepStmts=true` }]);
    const d = explainClientDiagnosis([REFUSED], [REFUSED], [{ name: 'app', env: newer.containers[0]!.env }], [], [], undefined, [older, newer]);
    expect(d?.summary).toMatch(/max_prepared_stmt_count \(16382\)/);
    expect(d?.summary).toMatch(/since revision 5 turned on server-side prepared statements \(useServerPrepStmts=true in DB_URL\)/);
    expect(d?.latent).toMatch(/revision 5/);
  });

  it('still names the server limit when no revision changed the setting', () => {
    const env = [{ name: 'DB_URL', value: `${URL}&useServerPrepStmts=true` }];
    const d = explainClientDiagnosis([REFUSED], [REFUSED], [{ name: 'app', env }], [], [], undefined, [revision(5, env)]);
    expect(d?.summary).toMatch(/max_prepared_stmt_count \(16382\)/);
    expect(d?.summary).not.toMatch(/since revision/);
    expect(d?.latent).toBeUndefined();
  });
});
