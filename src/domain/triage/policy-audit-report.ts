/**
 * A policy engine's compliance report about an object that exists: Kyverno's PolicyViolation from
 * its background scan (kyverno-scan) or from an admission it let through in Audit mode
 * (kyverno-admission), Gatekeeper's AuditViolation (its audit) and the admissions it let through in
 * dryrun or warn mode (DryrunViolation, WarningAdmission). Such a report records non-compliance; it
 * blocks and evicts nothing (Kyverno's background scan reports even an Enforce policy's violations on
 * existing objects without acting on them), so it is never a failure of the workload. A denial is:
 * the controller's FailedCreate "admission webhook … denied the request" (pod-create-failed), or an
 * event that says the request was blocked — those are not reports.
 */
import type { EventEvidence } from './evidence.js';

/** Gatekeeper's event reasons for a violation it only recorded (its FailedAdmission is a denial). */
const GATEKEEPER_REPORTS = new Set(['AuditViolation', 'DryrunViolation', 'WarningAdmission']);

/** Kyverno's report message: "policy <policy>/<rule> fail: <the rule's message>". */
const KYVERNO_REPORT = /^policy \S+\/\S+ (?:fail|warn|error)\b/i;

/** Kyverno says "(blocked)" when an Enforce policy refused the request: a denial, not a report. */
const BLOCKED = /\bblocked\b|\bdenied\b/i;

export function isPolicyAuditReport(e: Pick<EventEvidence, 'reason' | 'message' | 'source'>): boolean {
  if (BLOCKED.test(e.message)) return false;
  if (e.reason === 'PolicyViolation') return /kyverno/i.test(e.source ?? '') || KYVERNO_REPORT.test(e.message.trim());
  return GATEKEEPER_REPORTS.has(e.reason) && /gatekeeper/i.test(e.source ?? '');
}

/** "4 policy-audit reports (they block nothing)", told beside the warning count of an all-clear. */
export function describePolicyAuditReports(count: number): string {
  return `${count} policy-audit report${count === 1 ? '' : 's'} (compliance findings, they block and evict nothing)`;
}
