// LimitRanger refuses a revision's pods ("memory max limit to request ratio per Container is 2,
// but provided ratio is 4.000000"): the message never names the LimitRange, nor what the template
// asks; the namespace's LimitRanges and the revision's resources do.
import { describe, expect, it } from 'vitest';
import { analyzePodCreateFailures } from '../../../../src/domain/triage/analyzers/pod-create-failed.js';
import type { NamespaceObjectEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { compareFailingHealthy } from '../../../../src/domain/triage/verdict/differential.js';
import { findTrigger } from '../../../../src/domain/triage/verdict/trigger.js';
import { APP, NS, REV6, REV7, baseEvidence, event, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const RATIO = `pods "${APP}-${REV7.hash}-" is forbidden: memory max limit to request ratio per Container is 2, but provided ratio is 4.000000`;

const DEFAULTS: NamespaceObjectEvidence = { kind: 'LimitRange', name: 'defaults', createdAt: minutesAgo(300 * 24 * 60), limits: [{ type: 'Container', default: { memory: '512Mi' }, defaultRequest: { memory: '256Mi' } }] };
const RATIOS: NamespaceObjectEvidence = { kind: 'LimitRange', name: 'container-limits', createdAt: minutesAgo(240 * 24 * 60), limits: [{ type: 'Container', max: { memory: '8Gi' }, maxLimitRequestRatio: { cpu: '4', memory: '2' } }] };

/** Revision 7, 31 minutes ago, halved the memory request under a 2Gi limit; not one of its pods exists. */
function ratioRefused(ranges: NamespaceObjectEvidence[]): TriageEvidence {
  const resources = (request: string) => ({ requests: { cpu: '250m', memory: request }, limits: { memory: '2Gi' } });
  return baseEvidence({
    pods: [0, 1, 2, 3].map((i) => pod(i)),
    revisions: [
      revision(REV6, minutesAgo(12 * 24 * 60), { replicas: 4, containers: [revisionContainer({ resources: resources('1Gi') })] }),
      revision(REV7, minutesAgo(31), { replicas: 1, containers: [revisionContainer({ resources: resources('512Mi') })] }),
    ],
    namespaceObjects: ranges,
    events: [
      // Yesterday's readiness blip: older than the refusals, it is not when the trouble began.
      event({ object: { kind: 'Pod', name: pod(1).name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: context deadline exceeded', count: 4, firstSeen: minutesAgo(22 * 60), lastSeen: minutesAgo(21.8 * 60) }),
      event({ object: { kind: 'ReplicaSet', name: `${APP}-${REV7.hash}`, namespace: NS }, reason: 'FailedCreate', message: `Error creating: ${RATIO}`, count: 17, firstSeen: minutesAgo(31), lastSeen: minutesAgo(0.7), source: 'replicaset-controller' }),
    ],
  });
}

describe('a pod refused by a LimitRange\'s limit-to-request ratio', () => {
  it('names the LimitRange that sets the ratio, its value, and what the template asks', () => {
    const [f] = analyzePodCreateFailures(ratioRefused([DEFAULTS, RATIOS]));
    expect(f?.id).toBe('pod-create-failed/limit-range/container-limits');
    expect(f?.title).toBe('Pods cannot be created: LimitRange container-limits refuses the pods: its maxLimitRequestRatio for memory per container is 2, the pods ask 4 (container app: limit 2Gi, request 512Mi)');
    expect(f?.nextAction).toMatch(/raise the memory request of app to at least 1Gi|lower its memory limit to at most 1Gi/);
    expect(f?.confirmCommands.join(' ')).toContain('describe limitrange container-limits');
    expect(f?.confidence).toBe('high');
  });

  it('says when the refusals began, so a revision just before them is the trigger', () => {
    const ev = ratioRefused([RATIOS]);
    const [f] = analyzePodCreateFailures(ev);
    expect(f?.onset).toBe(minutesAgo(31));
    const t = findTrigger(ev, f, compareFailingHealthy(ev));
    expect(t.kind).toBe('revision');
    expect(t.text).toContain('revision 7');
    expect(t.text).toContain('memory request: 1Gi → 512Mi');
  });

  it('falls back to the namespace\'s LimitRanges by name when their items could not be told apart', () => {
    const [f] = analyzePodCreateFailures(ratioRefused([{ kind: 'LimitRange', name: 'a' }, { kind: 'LimitRange', name: 'b' }]));
    expect(f?.title).toContain(`a LimitRange of ${NS} (a, b) refuses the pods: its maxLimitRequestRatio for memory per container is 2, the pods ask 4`);
  });

  it('names which LimitRange sets a maximum when the namespace has several', () => {
    const ev = ratioRefused([DEFAULTS, RATIOS]);
    ev.events = [event({ object: { kind: 'ReplicaSet', name: `${APP}-${REV7.hash}`, namespace: NS }, reason: 'FailedCreate', message: `Error creating: pods "x-" is forbidden: maximum memory usage per Container is 8Gi, but limit is 12Gi`, count: 3, firstSeen: minutesAgo(10), lastSeen: minutesAgo(1), source: 'replicaset-controller' })];
    expect(analyzePodCreateFailures(ev)[0]?.title).toContain('LimitRange container-limits refuses the pods: maximum memory per container is 8Gi, the pods ask 12Gi');
  });
});
