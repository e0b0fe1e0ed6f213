import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findSearchLineCut } from '../../../src/domain/triage/search-line-cut.js';
import { NS, baseEvidence, crashLooping, event, pod, terminated } from './scenarios/builders.js';

const CUT = 'Search Line limits were exceeded, some search paths have been omitted, the applied search line is: payments.svc.cluster.local svc.cluster.local cluster.local eu-west-1.compute.internal corp.acme.net acme.internal';
const LOOKUP = '{"level":"ERROR","msg":"vault login failed","error":"Put \\"https://vault:8200/v1/auth/kubernetes/login\\": dial tcp: lookup vault on 172.20.0.10:53: no such host"}';

/** Two pods on new nodes crash on a short name that no longer resolves, with the kubelet's search-line warning; two elsewhere are fine. */
function cutSearchLine(o: { warn?: boolean } = {}): TriageEvidence {
  const failing: PodEvidence[] = [2, 3].map((i) => {
    const p = pod(i, { ready: false });
    return { ...p, containers: [crashLooping(p.name, terminated(1, 'Error', 2), 30)] };
  });
  const pods = [pod(0), pod(1), ...failing];
  return baseEvidence({
    pods,
    events: o.warn === false ? [] : failing.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'DNSConfigForming', message: CUT, count: 160 })),
    logs: failing.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: [LOOKUP] })),
  });
}

describe('a short name that does not resolve in pods whose DNS search line the kubelet cut', () => {
  it('reads the DNSConfigForming warning on the failing pods, with the search line applied', () => {
    const ev = cutSearchLine();
    const cut = findSearchLineCut(ev, 'vault:8200', ev.pods.slice(2).map((p) => p.name));
    expect(cut).toMatchObject({ name: 'vault', whole: 2 });
    expect(cut?.applied).toHaveLength(6);
    // A qualified name, or pods the kubelet did not warn about, are other stories.
    expect(findSearchLineCut(ev, 'vault.platform.acme.internal', ev.pods.slice(2).map((p) => p.name))).toBeUndefined();
    expect(findSearchLineCut(cutSearchLine({ warn: false }), 'vault', ev.pods.slice(2).map((p) => p.name))).toBeUndefined();
  });

  it('tells the dropped search domain, not a missing Service, and the FQDN as the fix', () => {
    const f = analyzeDependencyErrors(cutSearchLine()).find((x) => x.kind === 'dependency-error');
    expect(f?.title).toBe('Dependency vault does not resolve (no such host): the short name vault needs a search domain the kubelet dropped from the search list of these 2 pods (DNSConfigForming: Search Line limits were exceeded) (logs of 2 pods)');
    expect(f?.fix).toMatch(/^use vault's fully qualified name \(FQDN/);
    expect(f?.likelyCause).not.toMatch(/no Service/);
  });
});
