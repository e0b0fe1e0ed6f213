// Lookups that time out toward the nameserver the kubelets give every pod while the cluster DNS
// pods are ready: the DNS Service no longer has that address (re-created with a new ClusterIP), so
// the queries reach no DNS pod. Compared only for pods that ask the cluster DNS.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import type { DnsServiceEvidence } from '../../../src/domain/triage/evidence-dns-service.js';
import { needsDnsService } from '../../../src/domain/triage/dns-service.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, container, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const lookup = (ns: string) => `dial tcp: lookup ledger.payments.svc.cluster.local on ${ns}:53: read udp 10.4.0.7:40100->${ns}:53: i/o timeout`;
const dnsPod = (i: number): PodEvidence =>
  pod(i, { name: `coredns-6d9f7c5b4-${['q7k2p', 'w3m8z'][i] ?? 'aaaaa'}`, labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '6d9f7c5b4' }, containers: [container({ name: 'coredns' })] });
const dnsService = (clusterIP: string, createdMinutesAgo: number, name = 'kube-dns'): DnsServiceEvidence => ({ namespace: 'kube-system', name, clusterIPs: [clusterIP], createdAt: minutesAgo(createdMinutesAgo), helmRelease: 'dns-addon' });

function scenario(nameserver: string, services: DnsServiceEvidence[] | undefined, over: Partial<PodEvidence> = {}): TriageEvidence {
  const ev = baseEvidence();
  const pods = ev.pods.map((p) => ({ ...p, ...over }));
  const logs = pods.slice(0, 2).map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: [lookup(nameserver), lookup(nameserver), lookup(nameserver)] }));
  return { ...ev, pods, logs, dns: { namespace: 'kube-system', pods: [dnsPod(0), dnsPod(1)], ...(services === undefined ? {} : { services }) } };
}

describe('a nameserver that is no longer the cluster DNS Service\'s ClusterIP', () => {
  it('names the re-created DNS Service, both addresses and when, and pins the old address as the fix', () => {
    const r = buildTriageReport(scenario('10.96.0.10', [dnsService('10.96.183.24', 40)]), times);
    expect(r.headline).toMatch(/the pods query 10\.96\.0\.10 \(the kubelets' clusterDNS\), but kube-system\/kube-dns was re-created 40m ago with ClusterIP 10\.96\.183\.24/);
    expect(r.headline).toMatch(/re-create kube-system\/kube-dns with clusterIP 10\.96\.0\.10/i);
    expect(r.headline).not.toMatch(/no change found/);
    expect(JSON.stringify(r.findings)).toContain('Helm release dns-addon');
  });

  it('tells a Service created long ago that has another address as a clusterDNS that disagrees, without a re-creation', () => {
    const r = buildTriageReport(scenario('10.96.0.10', [dnsService('10.96.183.24', 90 * 24 * 60)]), times);
    expect(r.headline).toMatch(/10\.96\.0\.10 \(the kubelets' clusterDNS\), which is not the ClusterIP of kube-system\/kube-dns \(10\.96\.183\.24\)/);
    expect(r.headline).not.toMatch(/re-created/);
  });

  it('says nothing of the Service when the nameserver is its ClusterIP, or a node-local cache\'s upstream Service\'s', () => {
    expect(buildTriageReport(scenario('10.96.0.10', [dnsService('10.96.0.10', 40)]), times).headline).not.toMatch(/clusterDNS|re-created/);
    const upstream = buildTriageReport(scenario('10.96.0.10', [dnsService('10.96.183.24', 40), dnsService('10.96.0.10', 400, 'kube-dns-upstream')]), times);
    expect(upstream.headline).not.toMatch(/clusterDNS|re-created/);
  });

  it('leaves pods that set their own nameserver, and link-local caches, to their own reading', () => {
    const own = buildTriageReport(scenario('10.96.0.10', [dnsService('10.96.183.24', 40)], { dnsPolicy: 'None', dnsNameservers: ['10.96.0.10'] }), times);
    expect(own.headline).not.toMatch(/clusterDNS/);
    const local = buildTriageReport(scenario('169.254.20.10', [dnsService('10.96.183.24', 40)]), times);
    expect(local.headline).toMatch(/node-local DNS cache/);
  });

  it('asks for the DNS Services only when timed-out lookups name a nameserver and every DNS pod is ready', () => {
    const ev = scenario('10.96.0.10', undefined);
    expect(needsDnsService(ev.logs, ev.dns)).toBe(true);
    expect(needsDnsService([{ pod: 'p', container: 'app', previous: false, lines: ['Error: getaddrinfo EAI_AGAIN ledger.payments'] }], ev.dns)).toBe(false);
    expect(needsDnsService(scenario('169.254.20.10', undefined).logs, ev.dns)).toBe(false);
    const unready = { namespace: 'kube-system', pods: [{ ...dnsPod(0), ready: false }, dnsPod(1)] };
    expect(needsDnsService(ev.logs, unready)).toBe(false);
  });
});
