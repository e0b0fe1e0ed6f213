import { describe, expect, it } from 'vitest';
import type { EventEvidence } from '../../../src/domain/triage/evidence.js';
import { isPolicyAuditReport } from '../../../src/domain/triage/policy-audit-report.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { APP, NOW, NS, REV6, baseEvidence, event, minutesAgo, podName } from './scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const RULE = 'policy disallow-latest-tag/require-image-tag fail: validation error: An image tag is required. rule require-image-tag failed at path /spec/containers/0/image/';

/** What the engine's hourly scan reports about each of the workload's pods and the Deployment. */
function scanReports(over: Partial<EventEvidence> = {}): EventEvidence[] {
  return [
    event({ object: { kind: 'Deployment', name: APP, namespace: NS }, reason: 'PolicyViolation', message: RULE, count: 140, firstSeen: minutesAgo(6 * 24 * 60), lastSeen: minutesAgo(12), source: 'kyverno-scan', ...over }),
    ...[0, 1, 2].map((i) => event({ object: { kind: 'Pod', name: podName(REV6.hash, i), namespace: NS }, reason: 'PolicyViolation', message: RULE, count: 140, firstSeen: minutesAgo(6 * 24 * 60), lastSeen: minutesAgo(12), source: 'kyverno-scan', ...over })),
  ];
}

describe('policy-audit reports', () => {
  it('tells Kyverno and Gatekeeper reports from a denial', () => {
    expect(isPolicyAuditReport({ reason: 'PolicyViolation', message: RULE, source: 'kyverno-scan' })).toBe(true);
    expect(isPolicyAuditReport({ reason: 'PolicyViolation', message: RULE, source: 'kyverno-admission' })).toBe(true);
    // The message's own shape says Kyverno when the source is not kept.
    expect(isPolicyAuditReport({ reason: 'PolicyViolation', message: RULE })).toBe(true);
    expect(isPolicyAuditReport({ reason: 'AuditViolation', message: 'Constraint K8sRequiredLabels must-have-owner: you must provide labels: {"owner"}', source: 'gatekeeper-audit' })).toBe(true);
    // An Enforce policy that blocked the request, and Gatekeeper's deny, are refusals.
    expect(isPolicyAuditReport({ reason: 'PolicyViolation', message: `Pod ${NS}/x: [require-image-tag] fail (blocked); An image tag is required.`, source: 'kyverno-admission' })).toBe(false);
    expect(isPolicyAuditReport({ reason: 'FailedAdmission', message: 'Admission webhook "validation.gatekeeper.sh" denied request', source: 'gatekeeper-webhook' })).toBe(false);
    expect(isPolicyAuditReport({ reason: 'PolicyViolation', message: 'some other controller complains', source: 'acme-operator' })).toBe(false);
  });

  it('keeps a healthy workload healthy: the scan\'s reports are noted beside the count, never the verdict', () => {
    const r = buildTriageReport(baseEvidence({ events: scanReports() }), times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).toMatch(/looks healthy: 5\/5 ready, no restarts, no warning events besides 4 policy-audit reports \(compliance findings, they block and evict nothing\)/);
    expect(r.headline).not.toMatch(/PolicyViolation|kyverno|roll back/i);
    expect(r.findings.map((f) => f.id)).not.toContain('unexplained/PolicyViolation');
  });

  it('does the same for Gatekeeper\'s audit', () => {
    const audit = event({ object: { kind: 'Pod', name: podName(REV6.hash, 1), namespace: NS }, reason: 'AuditViolation', message: 'Constraint K8sRequiredLabels must-have-owner: you must provide labels: {"owner"}', source: 'gatekeeper-audit' });
    const r = buildTriageReport(baseEvidence({ events: [audit] }), times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).toContain('no warning events besides 1 policy-audit report');
  });

  it('still quotes an unknown PolicyViolation that says the request was blocked', () => {
    const blocked = scanReports({ message: `Deployment ${NS}/${APP}: [require-image-tag] fail (blocked); An image tag is required.`, source: 'kyverno-admission' });
    const r = buildTriageReport(baseEvidence({ events: blocked }), times);
    expect(r.findings.map((f) => f.id)).toContain('unexplained/PolicyViolation');
  });
});
