import { describe, expect, it } from 'vitest';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

// client-go's wording, logged by an operator as it gives up at start.
const CONTROLLER_LOG = [
  'I1121 03:10:55.101 1 main.go:41] starting payment-reconciler',
  'E1121 03:10:55.322 1 reflector.go:158] "Unhandled Error" err="failed to list *v1.ConfigMap: configmaps is forbidden: User \\"system:serviceaccount:payments:reconciler\\" cannot list resource \\"configmaps\\" in API group \\"\\" in the namespace \\"payments\\""',
  'F1121 03:10:56.001 1 main.go:77] cache never synced: configmaps is forbidden: User "system:serviceaccount:payments:reconciler" cannot list resource "configmaps" in API group "" in the namespace "payments"',
];

describe('a crash whose log says RBAC refused the pod\'s identity', () => {
  it('names the ServiceAccount and the grant, not "fix what the log names"', () => {
    const r = buildTriageReport(crashScenario(3, () => terminated(255, 'Error', 2), { logs: CONTROLLER_LOG }), times);
    expect(r.headline).toContain('RBAC forbids ServiceAccount payments/reconciler to list configmaps in namespace payments');
    expect(r.headline).not.toMatch(/fix what the log names/i);
    const [f] = r.findings;
    expect(f?.nextAction).toContain('kubectl auth can-i list configmaps -n payments --as=system:serviceaccount:payments:reconciler');
    expect(f?.fix).toBe('grant list on configmaps in payments to ServiceAccount payments/reconciler (a Role and RoleBinding in payments)');
  });
});
