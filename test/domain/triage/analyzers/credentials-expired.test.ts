import { describe, expect, it } from 'vitest';
import { analyzeRejectedCredentials } from '../../../../src/domain/triage/analyzers/credentials-rejected.js';
import { analyzeDependencyErrors } from '../../../../src/domain/triage/analyzers/dependency-errors.js';
import type { EnvVarEvidence } from '../../../../src/domain/triage/evidence.js';
import { readPasswordExpiry } from '../../../../src/domain/triage/password-expiry.js';
import { baseEvidence, container, pod } from '../scenarios/builders.js';

const ENV: EnvVarEvidence[] = [
  { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:oracle:thin:@//ordersdb.abc123.eu-west-1.rds.amazonaws.com:1521/ORDERS' },
  { name: 'SPRING_DATASOURCE_USERNAME', value: 'ORDERS_SVC' },
];
const WARNED = '2026-11-19T01:00:00.000Z  WARN 1 --- [main] com.zaxxer.hikari.pool.PoolBase : HikariPool-1 - SQLWarning: java.sql.SQLWarning: ORA-28002: the password will expire within 3 days';
const EXPIRED = '2026-11-21T03:01:00.000Z  WARN 1 --- [connection adder] com.zaxxer.hikari.pool.HikariPool : HikariPool-1 - Cannot acquire connection from data source (java.sql.SQLException: ORA-28001: the password has expired';
const POOL = '2026-11-21T03:02:00.000Z ERROR 1 --- [exec-1] o.h.engine.jdbc.spi.SqlExceptionHelper : HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=9)';

function scenario(lines: string[]) {
  const pods = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false, env: ENV })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
}

describe('a database account whose password expired', () => {
  it('reads the Oracle code, the grace-period warning and the account from the env', () => {
    const e = readPasswordExpiry([WARNED, EXPIRED], [{ env: ENV }]);
    expect(e).toMatchObject({ product: 'Oracle', user: 'ORDERS_SVC', host: 'ordersdb.abc123.eu-west-1.rds.amazonaws.com' });
    expect(e?.warned).toContain('ORA-28002');
    expect(readPasswordExpiry(['ERROR 1862 (HY000): Your password has expired. To log in you must change it using a client that supports expired passwords.'], [])?.product).toBe('MySQL');
    expect(readPasswordExpiry([POOL], [{ env: ENV }])).toBeUndefined();
  });

  it('names the expired account as the cause, with the fix on the database, not the pool timeouts', () => {
    const ev = scenario([WARNED, EXPIRED, POOL, EXPIRED, POOL, POOL, POOL]);
    const [f] = analyzeRejectedCredentials(ev);
    expect(f?.title).toMatch(/password of Oracle database ordersdb\S* account ORDERS_SVC has expired/);
    expect(f?.fix).toMatch(/ALTER USER ORDERS_SVC|PASSWORD_LIFE_TIME UNLIMITED/);
    expect(f?.likelyCause).toContain('ORA-28002');
    // The pool's waits are the refusal's effect: no network timeout is claimed of them.
    expect(analyzeDependencyErrors(ev).map((x) => x.title).join('\n')).not.toMatch(/time out/);
  });
});
