// An outside API that allow-lists source IPs refuses the calls of the workload's pods on a new node
// group ("403 Forbidden: source IP 52.214.87.19 not allowed") while the same revision's pods on the
// old nodes are served: the new nodes egress from an address the API does not list. The verdict
// quotes the refused IP, names the node group of the refused pods and of the served ones, and
// advises to allow-list the new egress IP (or route through the listed NAT) — never a rollback.
import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { isErrorLine } from '../../../src/domain/triage/error-line.js';
import { findSourceIpRefusals, readRefusedSourceIp } from '../../../src/domain/triage/source-ip-refusal.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, minutesAgo, node, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const OLD = ['ip-10-0-33-18.eu-west-1.compute.internal', 'ip-10-0-49-201.eu-west-1.compute.internal'];
const NEW = ['ip-10-0-160-27.eu-west-1.compute.internal', 'ip-10-0-176-94.eu-west-1.compute.internal'];
const REFUSED = (m: number) => `${minutesAgo(m)} ERROR 1 --- [pool-3-thread-5] c.a.p.partner.PartnerClient : POST https://api.partner-bank.example/v2/payouts failed: 403 Forbidden: "{"error":"ip_not_allowed","message":"source IP 52.214.87.19 not allowed"}"`;
const SERVED = (m: number) => `${minutesAgo(m)} INFO 1 --- [pool-3-thread-2] c.a.p.partner.PartnerClient : POST https://api.partner-bank.example/v2/payouts -> 201 Created (180 ms)`;

function logOf(podName: string, refused: boolean): LogEvidence {
  const lines: string[] = [];
  for (let m = 20; m >= 0; m -= 5) lines.push(`${minutesAgo(m)} INFO 1 --- [scheduling-1] c.a.p.batch.PayoutBatchJob : payout batch picked up`, refused ? REFUSED(m) : SERVED(m));
  return { pod: podName, container: 'app', previous: false, lines };
}

function scenario() {
  const nodes = [
    ...OLD.map((n) => node(n, { unschedulable: true, createdAt: minutesAgo(290 * 24 * 60), labels: { 'eks.amazonaws.com/nodegroup': 'general-old' } })),
    ...NEW.map((n) => node(n, { createdAt: minutesAgo(21 * 60), labels: { 'eks.amazonaws.com/nodegroup': 'general-new' } })),
  ];
  const pods = [OLD[0], OLD[1], NEW[0], NEW[1]].map((n, i) => pod(i, { nodeName: n }));
  return baseEvidence({ pods, nodes, logs: pods.map((p, i) => logOf(p.name, i >= 2)) });
}

describe('an outside API refusing calls for their source IP', () => {
  it('reads the refused address from the answer, only for calls the workload made', () => {
    expect(readRefusedSourceIp(REFUSED(1))).toBe('52.214.87.19');
    expect(readRefusedSourceIp('2026-11-21 03:10:00 WARN httpx: GET https://api.x.example/v1/a 403 Forbidden: {"detail":"Access denied for IP address 34.1.2.3"}')).toBe('34.1.2.3');
    expect(readRefusedSourceIp('2026-11-21 03:10:00 ERROR call failed: HttpError 403 client IP 18.9.8.7 is not whitelisted')).toBe('18.9.8.7');
    // Its own allow-list answering a caller: no call it made.
    expect(readRefusedSourceIp('2026-11-21 03:10:00 WARN request from client IP 203.0.113.4 not allowed path=/admin status=403')).toBeUndefined();
    expect(isErrorLine(REFUSED(1))).toBe(true);
  });

  it('finds the host and the status of the refused calls', () => {
    const found = findSourceIpRefusals(scenario().logs);
    expect(found?.ips).toEqual(['52.214.87.19']);
    expect(found?.host).toBe('api.partner-bank.example');
    expect(found?.status).toBe('403');
  });

  it('names the refused IP and the node group of the refused pods against the served ones, and advises the allow-list, not a rollback', () => {
    const r = buildTriageReport(scenario(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/52\.214\.87\.19/);
    expect(r.headline).toMatch(/general-new/);
    expect(r.headline).toMatch(/allow-list/);
    const top = r.findings[0];
    expect(`${top?.title} ${top?.likelyCause}`).toMatch(/general-old/);
    expect(r.headline).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
  });
});
