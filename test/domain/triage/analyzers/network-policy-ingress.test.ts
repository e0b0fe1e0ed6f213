import { describe, expect, it } from 'vitest';
import { analyzeIngressPolicies } from '../../../../src/domain/triage/analyzers/network-policy-ingress.js';
import { findRequestSilence, readLineTime } from '../../../../src/domain/triage/request-silence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { NetworkPolicyEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, minutesAgo, pod } from '../scenarios/builders.js';

// A policy that admits only the ingress controller's namespace; the service's real callers live elsewhere.
const policy: NetworkPolicyEvidence = {
  name: 'only-from-edge', createdAt: minutesAgo(30), podSelector: {}, policyTypes: ['Ingress'],
  ingress: ['from namespaces kubernetes.io/metadata.name=edge on TCP/8080'], egress: [],
};
const clf = (minutes: number, ip: string, path = '/v2/quote') => {
  const d = new Date(Date.parse(NOW) - minutes * 60_000);
  const stamp = `${String(d.getUTCDate()).padStart(2, '0')}/Nov/2026:${d.toISOString().slice(11, 19)} +0000`;
  return `${ip} - - [${stamp}] "GET ${path} HTTP/1.1" 200 512 "-" "Go-http-client/1.1"`;
};
const work = (minutes: number) => `${minutesAgo(minutes)} INFO quotes.cache: reloaded 212 instruments`;

function scenario(lines: string[], over: { policy?: NetworkPolicyEvidence } = {}) {
  const pods = [0, 1, 2].map((i) => pod(i));
  return baseEvidence({
    pods,
    networkPolicies: [over.policy ?? policy],
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    callerPods: [{ ip: '10.0.9.14', namespace: 'billing', pod: 'invoice-api-5b7c9d8f6-x1y2z', owner: 'Deployment invoice-api' }],
  });
}

const cutOff = [clf(45, '10.0.9.14'), clf(38, '10.0.9.14'), clf(31, '10.0.9.14'), work(20), clf(15, '10.0.1.1', '/healthz'), work(5)];

describe('an ingress NetworkPolicy after which no caller reaches the pods', () => {
  it('reads access-log times in the common log format and ISO form', () => {
    expect(readLineTime(clf(10, '10.0.9.14'))).toBe(minutesAgo(10).replace(/\.\d+Z$/, '.000Z'));
    expect(readLineTime('2026-11-21 03:04:00,123 INFO x')).toBe('2026-11-21T03:04:00.000Z');
  });

  it('sees requests stop at the change while the process keeps logging (probes are not callers)', () => {
    const s = findRequestSilence([{ pod: 'p', container: 'app', previous: false, lines: cutOff }], minutesAgo(30));
    expect(s?.before).toBe(3);
    expect(s?.callers).toEqual(['10.0.9.14']);
    // Requests went on after it: no silence.
    expect(findRequestSilence([{ pod: 'p', container: 'app', previous: false, lines: [...cutOff, clf(2, '10.0.9.14')] }], minutesAgo(30))).toBeUndefined();
  });

  it('is the verdict, not an all-clear: names the policy, whom it admits and the callers it leaves out', () => {
    const report = buildTriageReport(scenario(cutOff), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/NetworkPolicy only-from-edge/);
    expect(report.headline).toMatch(/kubernetes\.io\/metadata\.name=edge/);
    expect(report.headline).toMatch(/invoice-api \(namespace billing\)/);
    expect(report.headline).toMatch(/for namespace billing/);
  });

  it('says nothing while the silence is shorter than a few of the usual gaps between requests', () => {
    const sparse = [clf(60, '10.0.9.14'), clf(40, '10.0.9.14'), work(20), work(5)];
    expect(analyzeIngressPolicies(scenario(sparse, { policy: { ...policy, createdAt: minutesAgo(35) } }))).toEqual([]);
  });

  it('says nothing when requests keep arriving, or when the policy is old', () => {
    expect(analyzeIngressPolicies(scenario([...cutOff, clf(1, '10.0.9.14')]))).toEqual([]);
    expect(analyzeIngressPolicies(scenario(cutOff, { policy: { ...policy, createdAt: minutesAgo(3 * 24 * 60) } }))).toEqual([]);
  });
});
