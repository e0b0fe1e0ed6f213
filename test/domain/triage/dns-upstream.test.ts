// A ready cluster DNS whose upstream resolvers do not answer: CoreDNS logs its forwards timing out,
// so external names fail from every workload while cluster names still resolve.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findUpstreamTimeouts } from '../../../src/domain/triage/dns-upstream.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, container, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const eai = 'Error: getaddrinfo EAI_AGAIN billing.vendor.test';
const dnsPod = (i: number): PodEvidence =>
  pod(i, { name: `coredns-7f9c4b6d8-${['k2p4q', 'm8z1d'][i] ?? 'aaaaa'}`, labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '7f9c4b6d8' }, containers: [container({ name: 'coredns' })] });
const upstreamLine = (up: string, n: number) => `[ERROR] plugin/errors: 2 billing.vendor.test. A: read udp 10.9.1.${n}:4${n}211->${up}:53: i/o timeout`;

function scenario(dnsLines: string[]): TriageEvidence {
  const ev = baseEvidence();
  const logs = ev.pods.slice(0, 2).map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: [eai, eai, eai] }));
  const dnsPods = [dnsPod(0), dnsPod(1)];
  return {
    ...ev,
    logs,
    dns: {
      namespace: 'kube-system',
      pods: dnsPods,
      capacity: { deployment: 'coredns', events: [], configMaps: [], logs: [{ pod: dnsPods[0]?.name ?? '', container: 'coredns', previous: false, lines: ['.:53', 'CoreDNS-1.11.1', ...dnsLines] }] },
    },
  };
}

describe('a ready cluster DNS whose upstream resolvers time out', () => {
  it('names the upstream resolvers the DNS pods cannot reach as the cause', () => {
    const r = buildTriageReport(scenario([upstreamLine('192.168.50.10', 1), upstreamLine('192.168.50.11', 2), upstreamLine('192.168.50.10', 3)]), times);
    expect(r.headline).toMatch(/upstream resolvers it forwards to \(192\.168\.50\.10, 192\.168\.50\.11\) do not answer/);
    expect(r.headline).toMatch(/restore the upstream resolvers/i);
    expect(JSON.stringify(r.findings)).toContain('i/o timeout');
  });

  it('ignores a DNS log with a single lost forward or none', () => {
    expect(findUpstreamTimeouts(scenario([upstreamLine('192.168.50.10', 1)]).dns)).toBeUndefined();
    const r = buildTriageReport(scenario(['[INFO] 10.9.1.4:5353 - 1 "A IN billing.vendor.test. udp 40 false 512" NOERROR qr,rd,ra 84 0.001s']), times);
    expect(r.headline).not.toMatch(/upstream/);
  });
});
