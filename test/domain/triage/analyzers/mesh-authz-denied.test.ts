import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV6, container, minutesAgo, pod, podName } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const times = { startedAt: NOW, finishedAt: NOW };
const at = (minutes: number) => minutesAgo(minutes).replace('Z', '.000Z');
const proxy = container({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.23.2', ports: [], probes: {} });
const env = [
  { name: 'LEDGER_URL', value: 'http://ledger.accounts.svc.cluster.local:8080' },
  { name: 'FRAUD_SCORING_ADDR', value: 'fraud-scoring.risk.svc.cluster.local:9090' },
];

/** Ready pods whose calls to the fraud scorer come back 403 from the callee's sidecar: a few lines, nothing else wrong. */
function deniedCaller(opts: { sidecar?: boolean; passedAfter?: boolean } = {}): TriageEvidence {
  const ev = healthyScenario();
  ev.pods = ev.pods.map((p) => ({ ...p, serviceAccountName: 'payment-service', containers: [container({ env }), ...(opts.sidecar === false ? [] : [proxy])] }));
  ev.logs = [0, 1].map((i) => ({
    pod: podName(REV6.hash, i),
    container: 'app',
    previous: false,
    lines: [
      `${at(40)} INFO  c.p.fraud.FraudScoringClient : score ok payment=pay_${i}1 risk=0.12 status=200`,
      `${at(25)} ERROR c.p.fraud.FraudScoringClient : score failed payment=pay_${i}2: io.grpc.StatusRuntimeException: PERMISSION_DENIED: RBAC: access denied`,
      `${at(10)} INFO  c.p.api.PaymentController : GET /v1/payments 200 (8 ms)`,
      `${at(3)} ERROR c.p.fraud.FraudScoringClient : score failed payment=pay_${i}3: io.grpc.StatusRuntimeException: PERMISSION_DENIED: RBAC: access denied`,
      ...(opts.passedAfter ? [`${at(1)} INFO  c.p.fraud.FraudScoringClient : score ok payment=pay_${i}4 risk=0.40 status=200`] : []),
    ],
  }));
  return ev;
}

describe('a mesh authorization policy that refuses the caller (pods Ready, few error lines)', () => {
  it('is a problem, not an all-clear: the headline names the callee, the refusal and the identity the policy does not allow', () => {
    const r = buildTriageReport(deniedCaller(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toContain('fraud-scoring (namespace risk) refuses every call since 25m ago: PERMISSION_DENIED "RBAC: access denied" from its Istio sidecar');
    expect(r.headline).toContain('an Istio AuthorizationPolicy there denies this caller\'s identity, service account payment-service (principal cluster.local/ns/payments/sa/payment-service)');
    expect(r.headline).toContain('Add principal cluster.local/ns/payments/sa/payment-service to the Istio AuthorizationPolicy that guards fraud-scoring in risk');
    expect(r.headline).not.toMatch(/looks healthy|too few/);
  });

  it('says the caller has no identity at all when its pods run no sidecar', () => {
    const r = buildTriageReport(deniedCaller({ sidecar: false }), times);
    expect(r.headline).toContain('denies this caller, whose pods run no Istio sidecar and so present no mTLS identity at all (service account payment-service)');
    expect(r.headline).toMatch(/Inject the Istio sidecar into payment-service/);
  });

  it('counts the calls that still pass instead of claiming every call is refused', () => {
    const r = buildTriageReport(deniedCaller({ passedAfter: true }), times);
    expect(r.headline).toContain('fraud-scoring (namespace risk) refuses 4 of 6 calls since 25m ago');
  });

  it('stays an all-clear for one refused call', () => {
    const ev = deniedCaller();
    ev.logs = ev.logs.slice(0, 1).map((l) => ({ ...l, lines: l.lines.slice(0, 3) }));
    expect(buildTriageReport(ev, times).verdict).toBe('healthy');
  });
});

describe('a Linkerd authorization policy that refuses the caller', () => {
  it('names the Linkerd policy and the mesh identity it matches on', () => {
    const ev = deniedCaller();
    const linkerd = container({ name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:edge-24.11.8', ports: [], probes: {} });
    ev.pods = ev.pods.map((p) => ({ ...p, containers: [container({ env }), linkerd] }));
    ev.logs = ev.logs.map((l) => ({ ...l, lines: l.lines.map((line) => line.replace('io.grpc.StatusRuntimeException: PERMISSION_DENIED: RBAC: access denied', 'HTTP 403 Forbidden (l5d-proxy-error: unauthorized request on route)')) }));
    const r = buildTriageReport(ev, times);
    expect(r.headline).toContain('fraud-scoring (namespace risk) refuses every call since 25m ago: HTTP 403 "unauthorized request on route" from its Linkerd sidecar');
    expect(r.headline).toContain('payment-service.payments.serviceaccount.identity.linkerd.cluster.local');
  });
});
