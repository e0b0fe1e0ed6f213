import { describe, expect, it } from 'vitest';
import { analyzeAcmeChallenges } from '../../../../src/domain/triage/analyzers/acme-challenge.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { AcmeSolversEvidence, NetworkPolicyEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, minutesAgo } from '../scenarios/builders.js';

const DAY = 24 * 60;
// A default-deny ingress policy over every pod, and the one that admits the ingress controller to the app only.
const denyAll: NetworkPolicyEvidence = { name: 'deny-all-inbound', createdAt: minutesAgo(40 * DAY), podSelector: {}, policyTypes: ['Ingress'], ingress: [], egress: [], ingressRules: [] };
const allowApp: NetworkPolicyEvidence = {
  name: 'allow-edge-to-app', createdAt: minutesAgo(40 * DAY), podSelector: { app: 'payment-service' }, policyTypes: ['Ingress'],
  ingress: ['from namespaces kubernetes.io/metadata.name=edge on TCP/8080'], egress: [],
  ingressRules: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'edge' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
};
const solverLabels = { 'acme.cert-manager.io/http01-solver': 'true', 'acme.cert-manager.io/http-domain': '9911' };
const solvers = (createdMinutesAgo: number, expiredLines: AcmeSolversEvidence['expiredLines'] = []): AcmeSolversEvidence => ({
  pods: [{ name: 'cm-acme-http-solver-abcde', createdAt: minutesAgo(createdMinutesAgo), labels: solverLabels, port: 8089, domain: 'pay.example.org', challenge: 'pay-tls-1-123-456' }],
  expiredLines,
});
const expiredLine = `{"level":"error","msg":"callback failed","error":"tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-11-21T02:00:00Z is after ${minutesAgo(95).slice(0, 19)}Z"}`;

describe('an ACME HTTP-01 challenge that never completes', () => {
  it('names the policy that denies the solver ingress, the solver and its port, and the expired certificate', () => {
    const [f] = analyzeAcmeChallenges(baseEvidence({ networkPolicies: [denyAll, allowApp], acmeSolvers: solvers(25 * DAY, [{ pod: 'billing-api-6d5f-x1', line: expiredLine }]) }));
    expect(f?.title).toMatch(/NetworkPolicy deny-all-inbound/);
    expect(f?.title).toMatch(/HTTP-01/);
    expect(f?.title).toMatch(/8089/);
    expect(f?.title).toMatch(/expired 1h 35m ago/);
    expect(f?.nextAction).toMatch(/acme\.cert-manager\.io\/http01-solver=true/);
    expect(f?.nextAction).not.toMatch(/roll ?back to/i);
  });

  it('is a problem, not an all-clear, though the workload\'s pods are all ready', () => {
    const report = buildTriageReport(baseEvidence({ networkPolicies: [denyAll, allowApp], acmeSolvers: solvers(25 * DAY, [{ pod: 'billing-api-6d5f-x1', line: expiredLine }]) }), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/deny-all-inbound/);
    expect(report.headline).toMatch(/expired/);
  });

  it('without an expired line still says the challenge is stuck and the certificate will not renew', () => {
    const [f] = analyzeAcmeChallenges(baseEvidence({ networkPolicies: [denyAll], acmeSolvers: solvers(3 * DAY) }));
    expect(f?.title).toMatch(/stuck 3d/);
    expect(f?.title).toMatch(/not renewed/);
  });

  it('says nothing of a solver minutes old', () => {
    expect(analyzeAcmeChallenges(baseEvidence({ networkPolicies: [denyAll], acmeSolvers: solvers(4) }))).toEqual([]);
  });

  it('blames no policy when a rule admits the solver on its port, yet still says the challenge is stuck', () => {
    const allowSolver: NetworkPolicyEvidence = { ...allowApp, name: 'allow-solver', podSelector: { 'acme.cert-manager.io/http01-solver': 'true' }, ingressRules: [{ from: [], ports: [{ protocol: 'TCP', port: 8089 }] }] };
    const [f] = analyzeAcmeChallenges(baseEvidence({ networkPolicies: [denyAll, allowSolver], acmeSolvers: solvers(3 * DAY) }));
    expect(f?.title).not.toMatch(/NetworkPolicy/);
    expect(f?.title).toMatch(/HTTP-01 solver cm-acme-http-solver-abcde .*stuck 3d/);
    expect(f?.confidence).toBe('medium');
  });
});
