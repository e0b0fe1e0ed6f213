import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { SOLVER_LABEL, type StuckAcmeChallenge, findStuckAcmeChallenge } from '../acme-challenge.js';
import { formatAgo, formatSpan, msBetween } from '../time-span.js';

/**
 * cert-manager's HTTP-01 solver has waited far longer than a challenge takes, and an Ingress
 * NetworkPolicy that selects it admits nothing on its port: the self-check cannot reach it, the
 * challenge never completes and the certificate is not renewed (expired, when other workloads'
 * logs say so). The workload's pods can all be ready: the fault is in front of them.
 */
export function analyzeAcmeChallenges(ev: TriageEvidence): Finding[] {
  const stuck = findStuckAcmeChallenge(ev);
  if (stuck === undefined || stuck.solver.createdAt === undefined) return [];
  if (stuck.blocking.length === 0) return [describeStuck(ev, stuck)];
  const { solver, port, blocking, expired, expiredAt } = stuck;
  const policy = blocking.find((p) => Object.keys(p.podSelector).length === 0) ?? blocking[0];
  if (policy === undefined || solver.createdAt === undefined) return [];
  const created = policy.changedAt ?? policy.createdAt;
  const selects = Object.keys(policy.podSelector).length === 0 ? 'every pod of the namespace' : Object.entries(policy.podSelector).map(([k, v]) => `${k}=${v}`).join(',');
  const stuckFor = formatSpan(msBetween(solver.createdAt, ev.collectedAt));
  const domain = solver.domain === undefined ? 'its domain' : solver.domain;
  const outcome = expired.length === 0
    ? `the certificate for ${domain} is not renewed`
    : `the certificate for ${domain} ${expiredAt === undefined ? 'has expired' : `expired ${formatAgo(expiredAt, ev.collectedAt)}`}`;
  const last = expired[expired.length - 1];
  return [{
    id: `acme-challenge/${solver.name}`,
    kind: 'network-policy',
    title: `NetworkPolicy ${policy.name} (${selects}) denies ingress to cert-manager's HTTP-01 solver ${solver.name} on port ${port}: its ACME challenge has been stuck ${stuckFor} and ${outcome}`,
    layer: 'network/routing',
    severity: 'warning',
    confidence: 'high',
    evidence: [
      `HTTP-01 solver pod ${solver.name} (label ${SOLVER_LABEL}=true, port ${port}${solver.challenge === undefined ? '' : `, Challenge ${solver.challenge}`}) created ${formatAgo(solver.createdAt, ev.collectedAt)}: a challenge that completes removes it within minutes`,
      ...blocking.map((p) => `NetworkPolicy ${p.name}: selects ${Object.keys(p.podSelector).length === 0 ? 'every pod of the namespace' : Object.entries(p.podSelector).map(([k, v]) => `${k}=${v}`).join(',')} for Ingress; ${p.ingress.length === 0 ? 'admits nothing' : `admits only ${p.ingress.join('; ')}`}${p.createdAt === undefined ? '' : `; created ${formatAgo(p.changedAt ?? p.createdAt, ev.collectedAt)}`}`),
      ...expired.slice(-2).map((e) => `${e.pod}: ${e.line}`),
    ],
    ...(last === undefined ? {} : { decisive: last.line.trim() }),
    likelyCause: `cert-manager renews a certificate through an ACME HTTP-01 challenge: it runs a solver pod on port ${port} in this namespace and, before asking the CA, checks that /.well-known/acme-challenge/ reaches it through the ingress. ${policy.name}${created === undefined ? '' : ` (created ${formatAgo(created, ev.collectedAt)})`} selects the solver for Ingress and no policy admits it on ${port}, so the self-check times out, the challenge never completes and the certificate is not renewed${expired.length === 0 ? ' — it expires at the end of its renewal window' : '; it has expired, and clients now fail the TLS handshake'}.`,
    nextAction: `Allow ingress to pods labelled ${SOLVER_LABEL}=true on TCP ${port} (from the ingress controller's namespace) with a NetworkPolicy beside ${policy.name}; cert-manager then completes the challenge and renews the certificate. Rolling back the workload does not help: the certificate is not part of it.`,
    fix: `allow ingress to the HTTP-01 solver (${SOLVER_LABEL}=true, port ${port}) past ${policy.name}`,
    outsideWorkload: 'the certificate renewal fails in front of the workload: every revision serves the same certificate',
    datesChange: true,
    onset: expiredAt ?? solver.createdAt,
    confirmCommands: [
      formatKubectl(ev.target, 'get challenges,certificates'),
      formatKubectl(ev.target, `get networkpolicy ${policy.name} -o yaml`),
    ],
    affected: { pods: [], nodes: [] },
  }];
}

/** No policy of the namespace keeps the self-check out: the challenge is stuck for a reason outside what was read (DNS, the ingress, a firewall). */
function describeStuck(ev: TriageEvidence, stuck: StuckAcmeChallenge): Finding {
  const { solver, port, expired, expiredAt } = stuck;
  const createdAt = solver.createdAt ?? ev.collectedAt;
  const domain = solver.domain ?? 'its domain';
  const outcome = expired.length === 0 ? `the certificate for ${domain} is not renewed` : `the certificate for ${domain} ${expiredAt === undefined ? 'has expired' : `expired ${formatAgo(expiredAt, ev.collectedAt)}`}`;
  const last = expired[expired.length - 1];
  return {
    id: `acme-challenge/${solver.name}`,
    kind: 'dependency-error',
    title: `cert-manager's HTTP-01 solver ${solver.name} (port ${port}) is still up: its ACME challenge has been stuck ${formatSpan(msBetween(createdAt, ev.collectedAt))} and ${outcome}`,
    layer: 'network/routing',
    severity: 'warning',
    confidence: 'medium',
    evidence: [
      `HTTP-01 solver pod ${solver.name} (label ${SOLVER_LABEL}=true, port ${port}${solver.challenge === undefined ? '' : `, Challenge ${solver.challenge}`}) created ${formatAgo(createdAt, ev.collectedAt)}: a challenge that completes removes it within minutes`,
      ...expired.slice(-2).map((e) => `${e.pod}: ${e.line}`),
    ],
    ...(last === undefined ? {} : { decisive: last.line.trim() }),
    likelyCause: `cert-manager renews a certificate through an ACME HTTP-01 challenge and first checks that http://${domain}/.well-known/acme-challenge/ reaches its solver; that check keeps failing (no NetworkPolicy of the namespace keeps it out: DNS for ${domain}, the ingress routing the path, or a firewall in front), so the certificate is not renewed.`,
    nextAction: `Read the Challenge's status (its reason names the failing self-check) and fetch http://${domain}/.well-known/acme-challenge/ from outside; fix what stops it, and cert-manager renews on its own. Rolling back the workload does not help.`,
    fix: `make the HTTP-01 self-check for ${domain} reach the solver`,
    outsideWorkload: 'the certificate renewal fails in front of the workload: every revision serves the same certificate',
    datesChange: true,
    onset: expiredAt ?? createdAt,
    confirmCommands: [formatKubectl(ev.target, 'describe challenges')],
    affected: { pods: [], nodes: [] },
  };
}
