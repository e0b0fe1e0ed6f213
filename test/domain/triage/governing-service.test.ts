// A StatefulSet's governing Service (spec.serviceName) that is not headless: the cluster DNS
// publishes per-pod names (<pod>.<service>.<ns>.svc) only for a headless Service, so members that
// find each other by those names get "no such host". The Service is the cause, not the DNS, and a
// rollback of the StatefulSet leaves it as it is.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, REV6, REV7, baseEvidence, container, endpointSlice, minutesAgo, pod, revision, revisionContainer, running, service, workload } from './scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const NS = baseEvidence().target.namespace;
const lookup = (i: number) => `2026-11-21T09:${10 + i}:02.118Z [WARN]  agent: (LAN) couldn't join: error="Failed to resolve zk-${i}.zk.${NS}.svc:2888: lookup zk-${i}.zk.${NS}.svc on 172.20.0.10:53: no such host"`;

function scenario(over: { headless?: boolean; host?: (i: number) => string; serviceName?: string } = {}): TriageEvidence {
  const pods: PodEvidence[] = [0, 1, 2].map((i) => pod(i, { name: `zk-${i}`, labels: { app: 'zk' }, ready: false, revisionHash: REV7.hash, createdAt: minutesAgo(172), startTime: minutesAgo(172), containers: [container({ name: 'zk', ready: false, state: running(170) })] }));
  const zk = service({ name: 'zk', selector: { app: 'zk' }, ...(over.headless ? { headless: true as const } : { clusterIP: '172.20.91.37' }), createdAt: minutesAgo(174) });
  const line = over.host ? (i: number) => `ERROR quorum peer: dial tcp: lookup ${over.host?.(i) ?? ''} on 172.20.0.10:53: no such host` : lookup;
  return baseEvidence({
    pods,
    target: { ...baseEvidence().target, kind: 'StatefulSet', name: 'zk', service: 'zk' },
    workload: workload({ kind: 'StatefulSet', name: 'zk', readyReplicas: 0, specReplicas: 3, serviceName: over.serviceName ?? 'zk' }),
    revisions: [
      revision(REV6, minutesAgo(70 * 24 * 60), { containers: [revisionContainer({ name: 'zk', env: [{ name: 'CHART', value: 'zk-1.8.2' }] })] }),
      revision(REV7, minutesAgo(173), { containers: [revisionContainer({ name: 'zk', env: [{ name: 'CHART', value: 'zk-2.0.0' }] })] }),
    ],
    services: [zk],
    endpointSlices: [endpointSlice('zk', pods)],
    namespaceObjects: [{ kind: 'Service', name: 'zk', createdAt: minutesAgo(174) }],
    logs: pods.map((p, i): LogEvidence => ({ pod: p.name, container: 'zk', previous: false, lines: [line((i + 1) % 3), line((i + 2) % 3), line((i + 1) % 3)] })),
  });
}

describe('a StatefulSet whose governing Service is not headless', () => {
  it('names the Service, its cluster IP and the missing per-pod records, and makes it headless again', () => {
    const [f] = analyzeDependencyErrors(scenario());
    expect(f?.title).toContain('Service zk (the StatefulSet\'s serviceName) is not headless (clusterIP 172.20.91.37)');
    expect(f?.title).toContain('no per-pod DNS records');
    expect(f?.likelyCause).toContain('only for a headless Service');
    expect(f?.fix).toContain('clusterIP: None');
    expect(f?.nextAction).toMatch(/immutable/);
    expect(f?.affected?.services).toEqual(['zk']);
  });

  it('does not advise rolling back the StatefulSet: the Service is no part of its template', () => {
    const r = buildTriageReport(scenario(), times);
    expect(r.headline).toContain('not headless');
    expect(r.headline).toContain('clusterIP');
    expect(r.headline).not.toMatch(/roll(ing)? ?back to|undo the rollout/i);
    expect(r.headline).toContain('Since Service zk was created');
    const rollout = r.findings.find((f) => f.kind === 'recent-rollout');
    expect(rollout?.nextAction).toContain('A rollback would not help');
  });

  it('reads a shorter per-pod name of the StatefulSet\'s own members too', () => {
    const [f] = analyzeDependencyErrors(scenario({ host: (i) => `zk-${i}.zk` }));
    expect(f?.title).toContain('Service zk (the StatefulSet\'s serviceName) is not headless');
  });

  it('says nothing of it when the Service is headless, or the name is the Service\'s own', () => {
    const headless = analyzeDependencyErrors(scenario({ headless: true }))[0];
    expect(headless?.title ?? '').not.toContain('not headless');
    const own = analyzeDependencyErrors(scenario({ host: () => `zk.${NS}.svc` }))[0];
    expect(own?.title ?? '').not.toContain('not headless');
  });
});
