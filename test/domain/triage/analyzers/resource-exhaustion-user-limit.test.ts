// MySQL refusing one account past its max_user_connections (ERROR 1203 / 1226): the account's own
// budget, not the server's max_connections — other accounts still connect.
import { describe, expect, it } from 'vitest';
import { analyzeResourceExhaustion } from '../../../../src/domain/triage/analyzers/resource-exhaustion.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, container, pod } from '../scenarios/builders.js';

function scenario(line: string): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'DATABASE_URL', value: 'mysql://shop_app@shop-db:3306/shop' }] })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [line, line, line] })) });
}

describe("a MySQL user at its max_user_connections", () => {
  it("names the user and its own limit, not the server's connection slots", () => {
    const [f] = analyzeResourceExhaustion(scenario("java.sql.SQLSyntaxErrorException: User shop_app already has more than 'max_user_connections' active connections"));
    expect(f?.title).toMatch(/MySQL user shop_app is at its own max_user_connections/);
    expect(f?.title).not.toMatch(/all of the database's connection slots/);
    expect(f?.fix).toMatch(/MAX_USER_CONNECTIONS/);
  });

  it("reads the per-account form (ERROR 1226) too", () => {
    const [f] = analyzeResourceExhaustion(scenario("ERROR 1226 (42000): User 'shop_app' has exceeded the 'max_user_connections' resource (current value: 20)"));
    expect(f?.title).toMatch(/MySQL user shop_app is at its own max_user_connections/);
  });
});
