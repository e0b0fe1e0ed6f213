// A name outside the cluster (a Consul or corporate stub domain) that answers NXDOMAIN: the cluster
// DNS's Corefile decides where it is asked. An edit that removed its server block sends it to the
// default upstream, which knows nothing of it; the verdict must name the Corefile and its edit.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import { findServingBlock, needsDnsConfig, parseCorefile } from '../../../src/domain/triage/dns-route.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { REV6, REV7, baseEvidence, crashLooping, minutesAgo, pod, revision, terminated } from './scenarios/builders.js';

const HOST = 'vault.internal-example.consul';
const LOOKUP = `{"level":"ERROR","msg":"vault login failed","error":"Put \\"https://${HOST}:8200/v1/auth/kubernetes/login\\": dial tcp: lookup ${HOST} on 10.96.0.10:53: no such host"}`;
const ROOT_ONLY = ['.:53 {', '    errors', '    kubernetes cluster.local in-addr.arpa ip6.arpa {', '      fallthrough in-addr.arpa ip6.arpa', '    }', '    forward . /etc/resolv.conf', '    cache 30', '}', ''].join('\n');
const WITH_STUB = `internal-example.consul:53 {\n    errors\n    forward . 10.1.2.3:8600 10.1.2.4:8600\n}\n${ROOT_ONLY}`;

function scenario(corefile: string, editedMinutesAgo: number): TriageEvidence {
  const pods = [0, 1, 2].map((i) => {
    const p = pod(i, { revisionHash: REV7.hash, ready: false });
    return { ...p, containers: [crashLooping(p.name, terminated(1, 'Error', 1 + i, { runSeconds: 2 }), 6)] };
  });
  return baseEvidence({
    pods,
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60)), revision(REV7, minutesAgo(2 * 24 * 60))],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: [LOOKUP] })),
    dns: { namespace: 'kube-system', pods: [], config: { namespace: 'kube-system', name: 'coredns', corefile, createdAt: minutesAgo(400 * 24 * 60), changedAt: minutesAgo(editedMinutesAgo) } },
  });
}

describe('where the Corefile sends a name', () => {
  it('reads the server blocks and their forwards, and picks the most specific zone', () => {
    const blocks = parseCorefile(WITH_STUB);
    expect(blocks.map((b) => b.zones)).toEqual([['internal-example.consul'], ['.']]);
    expect(findServingBlock(blocks, HOST)?.block.forward).toBe('10.1.2.3:8600 10.1.2.4:8600');
    expect(findServingBlock(blocks, 'api.partner-example.com')?.zone).toBe('.');
    expect(findServingBlock(parseCorefile(ROOT_ONLY), HOST)?.block.forward).toBe('/etc/resolv.conf');
  });

  it('asks for the Corefile only when a name answers NXDOMAIN (an outside name, or a cluster name: its denial cache)', () => {
    const dns = { namespace: 'kube-system', pods: [pod(9, { name: 'coredns-5d8c7b9f4-abcde', labels: { 'pod-template-hash': '5d8c7b9f4' } })] };
    expect(needsDnsConfig([{ pod: 'x', container: 'app', previous: false, lines: [LOOKUP] }], dns)).toBe('coredns');
    expect(needsDnsConfig([{ pod: 'x', container: 'app', previous: false, lines: ['getaddrinfo ENOTFOUND orders-db.storage.svc.cluster.local'] }], dns)).toBe('coredns');
    expect(needsDnsConfig([{ pod: 'x', container: 'app', previous: false, lines: ['all good'] }], dns)).toBeUndefined();
  });
});

describe('an outside name that answers NXDOMAIN after the Corefile was edited', () => {
  it('names the Corefile, its missing server block and its edit as the cause', () => {
    const [f] = analyzeDependencyErrors(scenario(ROOT_ONLY, 17));
    expect(f?.title).toContain(`the Corefile of the cluster DNS (kube-system/coredns) has no server block for ${HOST} or any domain above it`);
    expect(f?.title).toContain('that Corefile was edited 17m ago');
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toContain('ConfigMap kube-system/coredns');
    expect(f?.nextAction).toMatch(/Do not roll back this workload/);
  });

  it('only tells the route when the edit is long before the failures, or the stub block is there', () => {
    const [old] = analyzeDependencyErrors(scenario(ROOT_ONLY, 3 * 24 * 60));
    expect(old?.title).not.toMatch(/Corefile/);
    expect(old?.datesChange).toBeUndefined();
    expect(old?.evidence.join('\n')).toMatch(/no server block for/);
    const [kept] = analyzeDependencyErrors(scenario(WITH_STUB, 17));
    expect(kept?.title).not.toMatch(/Corefile/);
    expect(kept?.evidence.join('\n')).toContain('sends internal-example.consul to 10.1.2.3:8600 10.1.2.4:8600');
  });
});
