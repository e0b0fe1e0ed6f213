import { describe, expect, it } from 'vitest';
import { analyzeEvictedReplacements } from '../../../../src/domain/triage/analyzers/evicted-replacements.js';
import { analyzeUnreadyReplicas } from '../../../../src/domain/triage/analyzers/unready-replicas.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, container, event, minutesAgo, pod, running } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';

const RS = { kind: 'ReplicaSet', name: 'payment-service-7c9d8f6b5d', namespace: NS };

/** Five replicas; an evictor took a pod every ~10 minutes and the newest replacement is still starting. */
function churnScenario(reason = 'EvictedByVPA', message = 'Pod was evicted by VPA Updater to apply resource recommendation.', source = 'vpa-updater') {
  const ev = healthyScenario();
  ev.pods = [...ev.pods.slice(0, 4), pod(4, { ready: false, createdAt: minutesAgo(1.5), startTime: minutesAgo(1.5), containers: [container({ ready: false, state: running(1.4) })] })];
  const gone = ['payment-service-7c9d8f6b5d-g0ne1', 'payment-service-7c9d8f6b5d-g0ne2', 'payment-service-7c9d8f6b5d-g0ne3'];
  ev.events = [
    ...gone.map((name, i) => event({ object: RS, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}`, firstSeen: minutesAgo(45 - 10 * i), lastSeen: minutesAgo(45 - 10 * i), source: 'replicaset-controller' })),
    ...gone.map((name, i) => event({ object: { kind: 'Pod', name, namespace: NS }, type: 'Normal', reason, message, firstSeen: minutesAgo(35 - 10 * i), lastSeen: minutesAgo(35 - 10 * i), source })),
  ];
  return ev;
}

describe('analyzeEvictedReplacements', () => {
  it('names the evictor that keeps taking the pods and what the replacements cost', () => {
    const [f] = analyzeEvictedReplacements(churnScenario());
    expect(f?.title).toBe('The VPA updater keeps evicting pods of payment-service: 3 pods replaced in the last 45m, one every ~10m (EvictedByVPA), so 4/5 ready while each replacement starts');
    expect(f?.decisive).toBe('Pod was evicted by VPA Updater to apply resource recommendation.');
    expect(f?.fix).toMatch(/updateMode to "Initial"/);
    expect(f?.severity).toBe('warning');
  });

  it('names a descheduler by its own words', () => {
    const [f] = analyzeEvictedReplacements(churnScenario('Descheduled', 'pod evicted from ip-10-0-1-23 node by sigs.k8s.io/descheduler', 'sigs.k8s.io/descheduler'));
    expect(f?.title).toMatch(/^The descheduler keeps evicting pods of payment-service/);
  });

  it('stays silent when the gone pods say nothing of an eviction, or nothing was replaced', () => {
    const quiet = churnScenario('Killing', 'Stopping container app', 'kubelet');
    expect(analyzeEvictedReplacements(quiet)).toEqual([]);
    expect(analyzeEvictedReplacements(healthyScenario())).toEqual([]);
  });
});

describe('a gap that keeps reopening is no all-clear', () => {
  it('counts a starting pod that replaces pods taken away again and again', () => {
    const [f] = analyzeUnreadyReplicas(churnScenario('Killing', 'Stopping container app', 'kubelet'));
    expect(f?.title).toBe('4/5 replicas of payment-service ready');
  });

  it('gives a verdict with problems, headed by the evictor', () => {
    const report = buildTriageReport(churnScenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^The VPA updater keeps evicting pods/);
  });
});

/**
 * The descheduler (v0.31, events.k8s.io) evicting one pod per 5-minute cycle: the event's reason is
 * its strategy, its note "pod evicted from <node> node by sigs.k8s.io/descheduler". All replicas stay
 * ready; the replacements log a cold cache.
 */
function deschedulerChurn(): TriageEvidence {
  const ev = healthyScenario();
  const young = [1, 2, 3].map((i) => pod(i, { createdAt: minutesAgo(2.6 + 5 * (i - 1)), startTime: minutesAgo(2.6 + 5 * (i - 1)), containers: [container({ state: running(2.5 + 5 * (i - 1)) })] }));
  ev.pods = [ev.pods[0]!, ...young, ev.pods[4]!];
  const gone = ['payment-service-7c9d8f6b5d-x7kqd', 'payment-service-7c9d8f6b5d-b2mzt', 'payment-service-7c9d8f6b5d-h9wlc', 'payment-service-7c9d8f6b5d-v4rnf'];
  ev.events = [
    ...gone.map((name, i) => event({ object: RS, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}`, firstSeen: minutesAgo(17.7 + 5 * i), lastSeen: minutesAgo(17.7 + 5 * i), source: 'replicaset-controller' })),
    ...gone.slice(0, 3).map((name, i) => event({ object: { kind: 'Pod', name, namespace: NS }, type: 'Normal', reason: 'RemovePodsViolatingTopologySpreadConstraint', message: `pod evicted from ip-10-0-21-37.eu-west-1.compute.internal node by sigs.k8s.io/descheduler`, firstSeen: minutesAgo(2.7 + 5 * i), lastSeen: minutesAgo(2.7 + 5 * i), source: 'sigs.k8s.io/descheduler' })),
  ];
  ev.logs = [
    { pod: young[0]!.name, container: 'app', previous: false, lines: [
      '2026-11-21T03:11:48.600Z  INFO 1 --- [search-api] [           main] c.a.search.cache.QueryCache              : query cache empty (0/500000 entries), warming from live traffic',
      '2026-11-21T03:11:55.200Z  WARN 1 --- [search-api] [nio-8080-exec-3] c.a.search.web.SearchController          : slow search q="wireless headphones" took 2412 ms (cache MISS, opensearch 2377 ms)',
    ] },
  ];
  return ev;
}

describe('a descheduler strategy that keeps evicting the same workload', () => {
  it('is read from the event note and source when the reason is the strategy', () => {
    const [f] = analyzeEvictedReplacements(deschedulerChurn());
    expect(f?.title).toBe('The descheduler (RemovePodsViolatingTopologySpreadConstraint) keeps evicting pods of payment-service: 4 pods replaced in the last 32m, one every ~5m');
    expect(f?.fix).toMatch(/namespaces\.exclude/);
    expect(f?.fix).toMatch(/ScheduleAnyway/);
    expect(f?.fix).toMatch(/topologyBalanceNodeFit: true/);
    expect(f?.fix).not.toMatch(/PodDisruptionBudget/);
    expect(f?.likelyCause).toMatch(/starts cold: "slow search q="wireless headphones" took 2412 ms \(cache MISS/);
  });

  it('turns an all-ready workload into problems, headed by the descheduler', () => {
    const report = buildTriageReport(deschedulerChurn(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^The descheduler \(RemovePodsViolatingTopologySpreadConstraint\) keeps evicting/);
  });

  it('stays an all-clear for a single eviction by a node drain', () => {
    const ev = healthyScenario();
    const gone = 'payment-service-7c9d8f6b5d-dr41n';
    ev.pods = [...ev.pods.slice(0, 4), pod(4, { createdAt: minutesAgo(20), startTime: minutesAgo(20), containers: [container({ state: running(19.8) })] })];
    ev.events = [
      ...ev.events,
      event({ object: RS, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${ev.pods[4]!.name}`, firstSeen: minutesAgo(20), lastSeen: minutesAgo(20), source: 'replicaset-controller' }),
      event({ object: RS, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${gone}`, firstSeen: minutesAgo(55), lastSeen: minutesAgo(55), source: 'replicaset-controller' }),
      event({ object: { kind: 'Pod', name: gone, namespace: NS }, type: 'Normal', reason: 'Evicted', message: 'Evicted pod: draining node ip-10-0-21-37.eu-west-1.compute.internal', firstSeen: minutesAgo(20), lastSeen: minutesAgo(20), source: 'karpenter' }),
    ];
    expect(analyzeEvictedReplacements(ev)).toEqual([]);
    expect(buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW }).verdict).toBe('healthy');
  });
});
