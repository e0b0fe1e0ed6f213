// A Service that exists now, whose name the callers still get "no such host" for: they looked it up
// before it was created and the cluster DNS's cache keeps that denial (a Corefile `cache 3600` or a
// long `denial` TTL). The verdict names the negative cache, the Corefile and its TTL, not the Service.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import { readDenialCache } from '../../../src/domain/triage/dns-denial-cache.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { NS, REV6, REV7, baseEvidence, minutesAgo, pod, revision, service } from './scenarios/builders.js';

const HOST = `pricing-v2.${NS}.svc.cluster.local`;
const lookup = (m: number) => `{"level":"error","time":"${minutesAgo(m)}","msg":"price quote failed","err":"dial tcp: lookup ${HOST} on 10.96.0.10:53: no such host"}`;
const corefile = (cache: string) => ['.:53 {', '    errors', '    kubernetes cluster.local in-addr.arpa ip6.arpa {', '      pods insecure', '    }', '    forward . /etc/resolv.conf', ...cache.split('\n').map((l) => `    ${l}`), '    loop', '}', ''].join('\n');
const LONG = 'cache 3600 {\n    success 9984 3600\n    denial 9984 3600\n}';

function scenario(cache: string, createdAgo: number): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash }));
  const lines = [40, 34, 28, 22, 16, 10, 4].map(lookup);
  return baseEvidence({
    pods,
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60)), revision(REV7, minutesAgo(45), { replicas: 3 })],
    services: [service(), service({ name: 'pricing-v2', selector: { app: 'pricing-v2' }, createdAt: minutesAgo(createdAgo) })],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    dns: { namespace: 'kube-system', pods: [], config: { namespace: 'kube-system', name: 'coredns', corefile: corefile(cache), createdAt: minutesAgo(400 * 24 * 60), changedAt: minutesAgo(5 * 60) } },
  });
}

describe('the cluster DNS keeps a denial cached past the Service\'s creation', () => {
  it('reads the cache plugin\'s denial TTL, from its denial line or its own cap', () => {
    expect(readDenialCache(corefile(LONG))).toMatchObject({ denialSeconds: 3600 });
    expect(readDenialCache(corefile('cache 900'))).toMatchObject({ denialSeconds: 900 });
    expect(readDenialCache(corefile('cache 3600 {\n    denial 9984 30\n}'))).toMatchObject({ denialSeconds: 30 });
    expect(readDenialCache(corefile('cache'))).toBeUndefined();
  });

  it('names the negative cache, its TTL and the Corefile when the Service came after the first failed lookups', () => {
    const [f] = analyzeDependencyErrors(scenario(LONG, 25));
    expect(f?.title).toMatch(/Service pricing-v2 exists \(created 25m ago/);
    expect(f?.title).toMatch(/caches NXDOMAIN answers for up to one hour/);
    expect(f?.title).toMatch(/kube-system\/coredns/);
    expect(f?.fix).toMatch(/restart CoreDNS/);
  });

  it('blames no cache of CoreDNS\'s usual 30 s, nor a Service older than the failures', () => {
    expect(analyzeDependencyErrors(scenario('cache 30', 25))[0]?.title).not.toMatch(/caches NXDOMAIN/);
    expect(analyzeDependencyErrors(scenario(LONG, 50))[0]?.title).not.toMatch(/caches NXDOMAIN/);
  });
});
