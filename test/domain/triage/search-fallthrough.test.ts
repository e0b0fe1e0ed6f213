// A cluster name whose Service is gone falls through the pods' own search domain to a wildcard
// record outside the cluster: the client times out on an outside address. The finding must name
// the missing Service and the search domain, not a NetworkPolicy or a DNS failure.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { baseEvidence, container, crashLooping, pod, podName, REV6, terminated } from './scenarios/builders.js';

function scenario(searches: string[] = ['corp.example.com']): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { ready: false, dnsSearches: searches, containers: [crashLooping(podName(REV6.hash, i), terminated(1, 'Error', 2), 7)] }));
  const line = '{"level":"fatal","msg":"cannot reach cache","error":"redis ping cache.shared:6379: dial tcp 203.0.113.10:6379: i/o timeout"}';
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: [line] })) });
}

describe('a cluster name that falls through the pods\' search list to an outside address', () => {
  it('names the missing Service, the search domain and the FQDN fix', () => {
    const [f] = analyzeDependencyErrors(scenario());
    expect(f?.title).toContain('cache.shared fell through the pods\' search list to cache.shared.corp.example.com (203.0.113.10, outside the cluster): Service cache in shared is missing');
    expect(f?.fix).toContain('restore Service cache in shared');
    expect(f?.fix).toContain('cache.shared.svc.cluster.local.');
    expect(`${f?.title} ${f?.likelyCause} ${f?.nextAction} ${f?.confirmCommands.join(' ')}`).not.toMatch(/network ?polic|no such host|does not resolve/i);
  });

  it('leaves the usual reading when the pods add no search domain of their own', () => {
    const [f] = analyzeDependencyErrors(scenario([]));
    expect(f?.title).not.toContain('search list');
  });
});
