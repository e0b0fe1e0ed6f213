// Ready pods that log a dependency refusal show no failure of their own (no restart, no warning
// event): the fault began with the first refusal they logged. Without that onset no change can be
// looked for before it, and an edit of the ConfigMap the pods read, picked up by a restart of the
// same template just before, went unseen ("no change found").
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { compareFailingHealthy } from '../../../src/domain/triage/verdict/differential.js';
import { findTrigger } from '../../../src/domain/triage/verdict/trigger.js';
import { REV6, REV7, baseEvidence, container, endpointSlice, minutesAgo, pod, revision, service } from './scenarios/builders.js';

const HOST = 'accounts.example.svc.cluster.local';
const refusal = (m: number) => `${minutesAgo(m)} ERROR 1 --- [exec-1] c.e.AccountsClient : call failed: I/O error on POST request for "https://${HOST}:8443/v1/x": No subject alternative DNS name matching ${HOST} found.`;

function scenario(configChangedAgo: number): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(30 - i), startTime: minutesAgo(30 - i), containers: [container({ envFrom: [{ kind: 'configMap', name: 'client-config' }] })] }));
  return baseEvidence({
    pods,
    revisions: [revision(REV6, minutesAgo(20 * 24 * 60)), revision(REV7, minutesAgo(30))],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [refusal(25), refusal(12), refusal(3)] })),
    namespaceObjects: [{ kind: 'ConfigMap', name: 'client-config', createdAt: minutesAgo(300 * 24 * 60), changedAt: minutesAgo(configChangedAgo), keys: ['ACCOUNTS_URL', 'TIMEOUT_MS'] }],
  });
}

describe('a dependency refusal logged by ready pods', () => {
  it('begins at the first refusal the pods logged', () => {
    const [f] = analyzeDependencyErrors(scenario(32));
    expect(f?.kind).toBe('dependency-error');
    expect(Date.parse(f?.onset ?? '')).toBe(Date.parse(minutesAgo(25)));
  });

  it('dates it by the ConfigMap edit the restart of the same template picked up', () => {
    const ev = scenario(32);
    const [f] = analyzeDependencyErrors(ev);
    const t = findTrigger(ev, f, compareFailingHealthy(ev));
    expect(t.kind).toBe('object-change');
    expect(t.text).toMatch(/^ConfigMap client-config \(ACCOUNTS_URL\) was changed 32m ago and picked up by revision 7, a restart of the same template/);
  });

  it('leaves the onset to the dependency when its own state explains the refusal (no ready endpoint)', () => {
    const refused = (m: number) => `${minutesAgo(m)} ERROR redis connection error: connect ECONNREFUSED 10.96.0.50:6379`;
    const base = scenario(32);
    const ev: TriageEvidence = {
      ...base,
      services: [service({ name: 'cache', clusterIP: '10.96.0.50', ports: [{ port: 6379, protocol: 'TCP' } as never] })],
      endpointSlices: [endpointSlice('cache', [])],
      logs: base.pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [refused(25), refused(12), refused(3)] })),
    };
    const [f] = analyzeDependencyErrors(ev);
    expect(f?.title).toMatch(/no ready endpoint/);
    expect(f?.onset).toBeUndefined();
  });
});
