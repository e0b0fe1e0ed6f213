// A Postgres run by Patroni that refuses every write because no member holds the leader lock: the
// API refuses the pods' service account the patch of the leader Endpoints (403 Forbidden), so the
// primary demoted itself. The clients only see "read-only transaction"; Patroni's log says why.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listExplainedServices } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, pod } from '../scenarios/builders.js';

const READ_ONLY = '{"level":"error","ts":"2026-11-21T03:10:02.118Z","msg":"create invoice failed","error":"ERROR: cannot execute INSERT in a read-only transaction (SQLSTATE 25006)"}';
const forbidden = '{"kind":"Status","apiVersion":"v1","status":"Failure","message":"endpoints \\"billing-pg\\" is forbidden: User \\"system:serviceaccount:billing:billing-pg\\" cannot patch resource \\"endpoints\\" in API group \\"\\" in the namespace \\"billing\\"","reason":"Forbidden","code":403}';
const PATRONI = [
  '2026-11-21 02:41:10,004 INFO: no action. I am (billing-pg-0), the leader with the lock',
  `2026-11-21 02:41:40,118 WARNING: Request failed to PATCH https://10.96.0.1:443/api/v1/namespaces/billing/endpoints/billing-pg: 403 Forbidden ${forbidden}`,
  '2026-11-21 02:41:40,119 ERROR: failed to update leader lock',
  '2026-11-21 02:41:40,120 INFO: demoting self because failed to update leader lock in DCS',
  '2026-11-21 02:43:10,004 INFO: Lock owner: None; I am billing-pg-0',
  `2026-11-21 02:43:10,118 WARNING: Request failed to PATCH https://10.96.0.1:443/api/v1/namespaces/billing/endpoints/billing-pg: 403 Forbidden ${forbidden}`,
  '2026-11-21 02:43:10,119 INFO: Could not take out TTL lock',
];

function patroni(serverLines: string[] | undefined) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'DATABASE_URL', value: 'postgres://billing@billing-pg.billing.svc.cluster.local:5432/billing' }] })] }));
  const pg = pod(7, { name: 'billing-pg-0', labels: { application: 'spilo', 'cluster-name': 'billing-pg' }, containers: [container({ name: 'postgres' })] });
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [READ_ONLY, READ_ONLY, READ_ONLY] })),
    ...(serverLines ? { dependencyPods: [{ service: 'billing-pg', namespace: 'billing', pod: pg, logs: [{ pod: 'billing-pg-0', container: 'postgres', previous: false, lines: serverLines }] }] } : {}),
  });
}

describe('writes refused read-only because Patroni cannot write its leader lock (403)', () => {
  it("reads the database's pods for the reason: the Service the client writes to", () => {
    expect(listExplainedServices(patroni(undefined))).toEqual([{ namespace: 'billing', name: 'billing-pg' }]);
  });

  it('states the refused lock write, the service account, and restoring its Role as the fix', () => {
    const [f] = analyzeDependencyRefusals(patroni(PATRONI));
    expect(f?.title).toMatch(/^PostgreSQL billing-pg refuses writes: the client is connected to a read-only server — Patroni cannot write its leader lock: 403 Forbidden to its patch of endpoints\/billing-pg as service account billing-pg, so the primary demoted itself/);
    expect(f?.fix).toMatch(/^restore get\/patch\/update on endpoints \(and configmaps\) in billing to service account billing-pg's Role/);
    expect(f?.evidence.join('\n')).toMatch(/log billing-pg-0 \(PostgreSQL\): .*403 Forbidden/);
    const report = buildTriageReport(patroni(PATRONI), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/leader lock: 403 Forbidden/);
    expect(report.headline).not.toMatch(/Point the client at the current primary/);
    expect(report.headline.length).toBeLessThanOrEqual(700);
  });

  it('keeps the failover advice when the database log says nothing of the lock', () => {
    const [f] = analyzeDependencyRefusals(patroni(['2026-11-21 02:41:10,004 INFO: no action. I am (billing-pg-0), a secondary, and following a leader (billing-pg-1)']));
    expect(f?.fix).toBe('point the client at the current primary (the read-write endpoint) and recycle its connections');
  });
});
