import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import type { AffinityTermPeersEvidence, PlacementEvidence, PodAffinityTermEvidence, PodEvidence, PodTemplateEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, REV6, REV7, baseEvidence, event, minutesAgo, pod, revision, revisionContainer, unscheduledPod, workload } from '../scenarios/builders.js';

const MESSAGE = "0/3 nodes are available: 3 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
const HOST = 'kubernetes.io/hostname';
const TERM: PodAffinityTermEvidence = { matchLabels: { app: 'session-cache' }, matchExpressions: [], topologyKey: HOST };
const placement: PlacementEvidence = { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [], requiredPodAffinity: [TERM] };

function template(): PodTemplateEvidence {
  return { initContainers: [], volumes: [], imagePullSecrets: [], placement };
}

/** The session cache's pods were re-created by a chart 2 days ago under app.kubernetes.io/name; revision 7 (an image bump) waits. */
const RELABELLED: AffinityTermPeersEvidence = {
  term: TERM,
  namespaces: [NS],
  matching: [],
  near: [0, 1].map((i) => ({
    name: `session-cache-${i}`,
    nearLabels: ['app.kubernetes.io/name=session-cache', 'app.kubernetes.io/instance=session-cache'],
    node: 'ip-10-0-1-17.eu-west-1.compute.internal',
    createdAt: minutesAgo(2 * 24 * 60),
    owner: { kind: 'StatefulSet', name: 'session-cache', createdAt: minutesAgo(2 * 24 * 60 + 5), chart: 'redis-20.3.0' },
  })),
};

function scenario(peers: AffinityTermPeersEvidence[] | undefined): TriageEvidence {
  const waiting: PodEvidence = unscheduledPod(3, MESSAGE, 30, { placement, revisionHash: REV7.hash, name: `payment-service-${REV7.hash}-x7k2p` });
  return baseEvidence({
    pods: [0, 1, 2].map((i) => pod(i, { placement })).concat(waiting),
    hpas: [],
    events: [event({ object: { kind: 'Pod', name: waiting.name, namespace: NS }, reason: 'FailedScheduling', message: MESSAGE, count: 9, firstSeen: minutesAgo(30), lastSeen: minutesAgo(2), source: 'default-scheduler' })],
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 3, template: template() }),
      revision(REV7, minutesAgo(30), { replicas: 1, containers: [revisionContainer({ image: 'registry/payment-service:2.15.0' })], template: template() }),
    ],
    workload: workload({ specReplicas: 3, replicas: 4, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 1, currentRevision: 7 }),
    ...(peers !== undefined ? { affinityPeers: peers } : {}),
  });
}

describe('a required pod affinity that matches no pod', () => {
  it('names the selector no pod carries and the pods that carry its value under another key, with their controller', () => {
    const [f] = analyzeFailedScheduling(scenario([RELABELLED]));
    expect(f?.title).toContain('required pod affinity to app=session-cache matches no pod in payments');
    expect(f?.title).toContain('pods of StatefulSet session-cache (created 2d ago, chart redis-20.3.0) carry app.kubernetes.io/name=session-cache instead');
    expect(f?.evidence).toContain(`required pod affinity app=session-cache @${HOST}: no pod in payments carries app=session-cache`);
    expect(f?.evidence.join('\n')).toContain('pods session-cache-0 and session-cache-1 of StatefulSet session-cache');
    expect(f?.likelyCause).toMatch(/IgnoredDuringExecution/);
    expect(f?.fix).toBe('point the pod affinity at app.kubernetes.io/name=session-cache instead of app=session-cache');
    expect(`${f?.likelyCause ?? ''} ${f?.nextAction ?? ''}`).not.toMatch(/anti-affinity|add nodes|more nodes/i);
  });

  it('clears the revision that left the affinity alone, and offers no rollback', () => {
    const report = buildTriageReport(scenario([RELABELLED]), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/revision 7 \(30m ago\) is not the cause: it did not change the pods' affinity/);
    expect(report.headline).not.toMatch(/roll ?back to|add nodes/i);
  });

  it('blames the revision that changed the affinity itself', () => {
    const ev = scenario([RELABELLED]);
    const before: PodTemplateEvidence = { ...template(), placement: { ...placement, requiredPodAffinity: [{ ...TERM, matchLabels: { 'app.kubernetes.io/name': 'session-cache' } }] } };
    ev.revisions = [revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 3, template: before }), ...ev.revisions.slice(1)];
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since revision 7 \(30m ago: required pod affinity/);
  });

  it('names the pods the affinity finds when it matches some, and keeps to what the scheduler says', () => {
    const [f] = analyzeFailedScheduling(scenario([{ term: TERM, namespaces: [NS], matching: [{ name: 'session-cache-0', namespace: NS, node: 'ip-10-0-1-17.eu-west-1.compute.internal' }] }]));
    expect(f?.evidence).toContain(`required pod affinity app=session-cache @${HOST}: matches session-cache-0 (on ip-10-0-1-17.eu-west-1.compute.internal)`);
    expect(f?.title).not.toContain('matches no pod');
    expect(f?.likelyCause).toMatch(/already runs a pod its selector matches/);
    expect(f?.nextAction).not.toMatch(/anti-affinity|add nodes/i);
  });

  it('says a term whose namespaces a namespaceSelector picks was not checked', () => {
    const term = { ...TERM, namespaceSelector: 'team=search' };
    const [f] = analyzeFailedScheduling(scenario([{ term, namespaces: [], unchecked: 'its namespaceSelector (team=search) picks the namespaces; their labels were not read' }]));
    expect(f?.evidence.join('\n')).toContain('not checked against pods (its namespaceSelector (team=search) picks the namespaces');
    expect(f?.title).not.toContain('matches no pod');
  });
});
