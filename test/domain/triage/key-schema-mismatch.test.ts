import { describe, expect, it } from 'vitest';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';
import type { EnvVarEvidence, RevisionEvidence } from '../../../src/domain/triage/evidence.js';

// DynamoDB refusing a request whose Key is not the table's key schema: the code builds its keys
// another way, or points at another table.
const REQUEST = '{"level":20,"time":1795000000000,"msg":"ddb call","op":"GetItem","table":"orders-v1","key":{"pk":"ACCOUNT#7","sk":"ORDER#3"}}';
const REFUSED = '{"level":50,"time":1795000000001,"table":"orders-v1","err":{"name":"ValidationException","message":"The provided key element does not match the schema"},"msg":"ddb call failed"}';

function revision(n: number, env: EnvVarEvidence[]): RevisionEvidence {
  return { revision: n, name: `orders-${n}`, hash: `h${n}`, createdAt: `2026-11-2${n % 10}T00:00:00Z`, containers: [{ name: 'app', image: `registry.example/orders:${n}.0`, env, envFrom: [], resources: { requests: {}, limits: {} } }] };
}

describe('DynamoDB refusing keys that do not match the table key schema', () => {
  it('names the mismatch, the table and the key attributes sent, with a rollback to the revision before', () => {
    const env = [{ name: 'ORDERS_TABLE', value: 'orders-v1' }];
    const d = explainClientDiagnosis([REFUSED], [REQUEST, REFUSED], [{ name: 'app', env }], [], [], undefined, [revision(3, env), revision(4, env)]);
    expect(d?.summary).toMatch(/key attributes it builds \(pk, sk\) are not the key schema of table orders-v1/);
    expect(d?.nextAction).toMatch(/Roll back to revision 3/);
    expect(d?.fix).toMatch(/key attributes/);
  });

  it('names a table setting the newest revision changed', () => {
    const d = explainClientDiagnosis([REFUSED], [REFUSED], [{ name: 'app', env: [{ name: 'ORDERS_TABLE', value: 'orders-v1' }] }], [], [], undefined, [revision(3, [{ name: 'ORDERS_TABLE', value: 'orders' }]), revision(4, [{ name: 'ORDERS_TABLE', value: 'orders-v1' }])]);
    expect(d?.summary).toMatch(/revision 4 points ORDERS_TABLE at orders-v1 \(was orders\)/);
  });
});
