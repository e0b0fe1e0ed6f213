// A caller's calls to an in-cluster service answered 403 "Access denied" by Cilium's L7 (Envoy)
// proxy: a CiliumNetworkPolicy's HTTP rules do not allow the method/path, so the server never sees
// them. A handful of such lines in Ready pods is not "too few to call failing": the verdict names
// the L7 policy, the service and the refused path, and advises allowing the path in the rules.
import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { analyzeL7PolicyDenials } from '../../../../src/domain/triage/analyzers/l7-policy-denied.js';
import { isL7AccessDenied } from '../../../../src/domain/triage/l7-policy-denial.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NS, REV7, baseEvidence, container, minutesAgo, pod, running, service } from '../scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const denied = (m: number) =>
  `{"ts":"${minutesAgo(m)}","level":"error","msg":"create hold failed","upstream":"ledger","method":"POST","url":"http://ledger.${NS}.svc.cluster.local/v3/holds","status":403,"body":"Access denied\\r\\n","dur_ms":1}`;

function scenario(lines: (m: number) => string = denied): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, startTime: minutesAgo(40), containers: [container({ state: running(40) })] }));
  const base = baseEvidence({ pods });
  return {
    ...base,
    services: [...base.services, service({ name: 'ledger', selector: { app: 'ledger' } })],
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [`{"ts":"${minutesAgo(39)}","level":"info","msg":"listening"}`, lines(20), lines(1)] })),
  };
}

describe('calls a Cilium L7 policy denies', () => {
  it('reads a 403 whose body is exactly "Access denied", not Istio\'s RBAC nor a database\'s', () => {
    expect(isL7AccessDenied(denied(3))).toBe(true);
    expect(isL7AccessDenied('GET http://ledger/v1/x status=403 body="RBAC: access denied"')).toBe(false);
    expect(isL7AccessDenied("ER_ACCESS_DENIED_ERROR: Access denied for user 'app'@'10.0.0.1' (using password: YES)")).toBe(false);
    expect(isL7AccessDenied(denied(3).replace('"status":403', '"status":200'))).toBe(false);
  });

  it('names the service, the refused method and path, and the L7 policy fix', () => {
    const [f] = analyzeL7PolicyDenials(scenario());
    expect(f?.title).toMatch(/Cilium L7 network policy/);
    expect(f?.title).toMatch(/POST \/v3\/holds to ledger/);
    expect(f?.fix).toMatch(/allow POST \/v3\/holds .*L7 HTTP rules/);
  });

  it('is no all-clear: the headline names the L7 policy', () => {
    const r = buildTriageReport(scenario(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/Cilium L7 network policy/);
  });

  it('leaves a 403 from an outside host alone', () => {
    expect(analyzeL7PolicyDenials(scenario((m) => denied(m).replace(`ledger.${NS}.svc.cluster.local`, 'api.example.com')))).toEqual([]);
  });
});
