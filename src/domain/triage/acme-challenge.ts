/**
 * A certificate that stopped renewing. cert-manager answers an ACME HTTP-01 challenge with a
 * solver pod and Service in the certificate's namespace, and removes them once the challenge is
 * valid — minutes. A solver that has stayed for hours means the challenge never completes (the
 * self-check cannot reach it), and the certificate runs out at the end of its renewal window. An
 * Ingress NetworkPolicy that selects the solver and admits nothing on its port is why it cannot
 * be reached. Read by the collector (whether to list the solvers) and by the analyzer.
 */
import type { AcmeSolverPodEvidence, AcmeSolversEvidence } from './evidence-acme-solvers.js';
import type { IsoTime, NetworkPolicyEvidence, ServiceEvidence } from './evidence.js';
import type { PolicyRuleEvidence } from './evidence-policy-rules.js';
import { matchesLabels } from './service-match.js';
import { HOUR_MS, msBetween } from './time-span.js';

/** The label cert-manager puts on its HTTP-01 solver pods and selects them by. */
export const SOLVER_LABEL = 'acme.cert-manager.io/http01-solver';
/** cert-manager's default solver port. */
export const SOLVER_PORT = 8089;
/** A solver this old has outlived any challenge that completes. */
const STUCK_MS = HOUR_MS;

/** A Service of the namespace routes to HTTP-01 solvers: worth listing them. */
export function needsAcmeSolvers(services: readonly ServiceEvidence[]): boolean {
  return services.some((s) => s.selector?.[SOLVER_LABEL] === 'true');
}

/** Go's, Java's, OpenSSL's and curl's words for a certificate past its notAfter. */
const EXPIRED = /x509: certificate has expired|certificate has expired|certificate expired|CertificateExpiredException|NotAfter: .* is before/i;
export function isExpiredCertLine(line: string): boolean {
  return EXPIRED.test(line);
}

/** "… current time 2026-11-21T01:00:00Z is after 2026-11-21T00:26:00Z" → when it expired. */
function expiredAt(line: string): IsoTime | undefined {
  const m = /is after (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)/.exec(line);
  return m?.[1];
}

export interface StuckAcmeChallenge {
  solver: AcmeSolverPodEvidence;
  port: number;
  /** The Ingress policies that select the solver and admit nothing on its port; empty: none blocks it. */
  blocking: NetworkPolicyEvidence[];
  /** Lines of other workloads saying the certificate has expired, and when it did when they say. */
  expired: { pod: string; line: string }[];
  expiredAt?: IsoTime;
}

function selectsSolver(policy: NetworkPolicyEvidence, labels: Record<string, string>): boolean {
  if (policy.podSelectorExpressions?.length) return false; // not matched here: no claim without it
  return Object.keys(policy.podSelector).length === 0 || matchesLabels(policy.podSelector, labels);
}

/** A rule admits the port when it lists no ports, or one that is the port or a name (a named port may be it). */
function admitsPort(rule: PolicyRuleEvidence, port: number): boolean {
  return rule.ports.length === 0 || rule.ports.some((p) => p.port === undefined || typeof p.port === 'string' || p.port === port || (p.endPort !== undefined && p.port <= port && port <= p.endPort));
}

export function findStuckAcmeChallenge(x: { acmeSolvers?: AcmeSolversEvidence; networkPolicies?: NetworkPolicyEvidence[]; collectedAt: IsoTime }): StuckAcmeChallenge | undefined {
  const solver = (x.acmeSolvers?.pods ?? [])
    .filter((p) => p.createdAt !== undefined && msBetween(p.createdAt, x.collectedAt) >= STUCK_MS)
    .sort((a, b) => Date.parse(a.createdAt ?? '') - Date.parse(b.createdAt ?? ''))[0];
  if (solver === undefined) return undefined;
  const port = solver.port ?? SOLVER_PORT;
  const selecting = (x.networkPolicies ?? []).filter((p) => p.policyTypes.includes('Ingress') && selectsSolver(p, solver.labels));
  // Policies add up: the solver is cut off only when none of those selecting it admits its port.
  const known = selecting.every((p) => p.ingressRules !== undefined || p.ingress.length === 0);
  const admitted = selecting.some((p) => (p.ingressRules ?? []).some((r) => admitsPort(r, port)));
  const blocking = selecting.length > 0 && known && !admitted ? selecting : [];
  const expired = x.acmeSolvers?.expiredLines ?? [];
  const at = expired.map((e) => expiredAt(e.line)).find((t) => t !== undefined);
  return { solver, port, blocking, expired, ...(at === undefined ? {} : { expiredAt: at }) };
}
