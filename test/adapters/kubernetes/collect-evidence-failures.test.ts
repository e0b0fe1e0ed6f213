// What collectEvidence does when the cluster says no, is slow, or is huge: it names what it
// could not read, keeps what it could, stays inside its budget, and asks the API server the
// same number of questions however full the namespace is.
import { beforeEach, describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS, SHORT_BUDGET_MS } from '../../helpers/deadline.js';
import { PAYMENTS, LABELS, V5_CONTAINER, addPaymentService } from './scenarios.js';
import { coreEvent, at, oomLoopingStatus, pod, runningStatus } from './builders.js';
import { requestLines, startHarness, useHarness } from './harness.js';

const h = useHarness();
beforeEach(() => {
  addPaymentService(h.fake);
});

const target = { service: 'payment-service', namespace: PAYMENTS, kind: 'Deployment', name: 'payment-service' } as const;

describe('RBAC denials', () => {
  it('records forbidden events with the API message and keeps every other read', async () => {
    h.fake.forbid({ resource: 'events' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.events).toEqual([]);
    const eventFailures = ev.readFailures.filter((f) => f.source === 'events');
    expect(eventFailures.length).toBeGreaterThan(0);
    expect(eventFailures.every((f) => f.reason === 'forbidden')).toBe(true);
    expect(eventFailures[0]?.detail).toMatch(/events is forbidden: User "system:serviceaccount:rootcause:rootcause" cannot list resource "events"/);
    // Per-pod denials collapse into one line rather than one per pod.
    expect(ev.readFailures.filter((f) => f.source === 'events' && f.what.startsWith('events of pods'))).toHaveLength(1);
    // The namespace's one page of Warnings is denied too, and said apart: it is not an essential read.
    expect(ev.readFailures.filter((f) => f.source === 'namespaceWarnings').map((f) => [f.what, f.reason])).toEqual([['Warning events in payments', 'forbidden']]);
    expect(ev.readFailures.filter((f) => f.source !== 'events' && f.source !== 'namespaceWarnings')).toEqual([]);
    expect(ev.pods).toHaveLength(3);
    expect(ev.revisions).toHaveLength(2);
    expect(ev.nodes).toHaveLength(3);
    // The crashed container's previous log and the current logs of two ready pods.
    expect(ev.logs).toHaveLength(3);
  });

  it('records a namespace that denies pods and logs, and still reads the rest', async () => {
    h.fake.forbid({ namespace: PAYMENTS, resource: 'pods' });
    h.fake.forbid({ resource: 'nodes' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures).toContainEqual({
      what: 'pods of Deployment payment-service (app=payment-service)',
      source: 'pods',
      reason: 'forbidden',
      detail: 'pods is forbidden: User "system:serviceaccount:rootcause:rootcause" cannot list resource "pods" in API group "" in the namespace "payments"',
    });
    expect(ev.pods).toEqual([]);
    expect(ev.workload?.name).toBe('payment-service');
    expect(ev.revisions).toHaveLength(2);
    expect(ev.services).toHaveLength(2);
    expect(ev.hpas).toHaveLength(1);
    expect(ev.events.map((e) => e.reason)).toContain('ScalingReplicaSet');
  });

  it('records forbidden previous logs and forbidden node reads', async () => {
    h.fake.forbid({ resource: 'pods/log' });
    h.fake.forbid({ resource: 'nodes' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures).toContainEqual(
      expect.objectContaining({ what: 'previous logs of payment-service-7c9d5f6b8-q2w3e/app', source: 'logs', reason: 'forbidden' }),
    );
    expect(ev.readFailures).toContainEqual(expect.objectContaining({ what: 'nodes (3 of 3)', source: 'nodes', reason: 'forbidden' }));
    expect(ev.logs).toEqual([]);
    expect(ev.nodes).toEqual([]);
    expect(ev.pods).toHaveLength(3);
  });

  it('says when the workload itself is not there', async () => {
    const ev = await h.cluster.collectEvidence({ ...target, name: 'payment-servce' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.workload).toBeNull();
    expect(ev.readFailures).toEqual([
      { what: 'Deployment payments/payment-servce', source: 'workload', reason: 'not-found', detail: 'deployments.apps "payment-servce" not found' },
    ]);
  });
});

describe('the time budget', () => {
  // Reads are held unanswered, so the budget is what ends them. How close to the budget a triage
  // finishes is measured by bench/degraded.ts.
  it('abandons slow reads at the deadline, records them as timeouts and keeps the rest', async () => {
    h.fake.hold(/\/events$/);
    const started = Date.now();
    const ev = await h.cluster.collectEvidence(target, { budgetMs: SHORT_BUDGET_MS });
    // Not before the budget is spent (a lower bound: a busy machine only makes it later).
    expect(Date.now() - started).toBeGreaterThanOrEqual(SHORT_BUDGET_MS - 50);
    expect(ev.events).toEqual([]);
    const timeouts = ev.readFailures.filter((f) => f.reason === 'timeout');
    expect(timeouts.length).toBeGreaterThan(0);
    expect(timeouts.every((f) => f.source === 'events' || f.source === 'namespaceWarnings')).toBe(true);
    expect(timeouts[0]?.detail).toContain(`${SHORT_BUDGET_MS} ms`);
    expect(ev.readFailures.filter((f) => f.reason !== 'timeout')).toEqual([]);
    // Everything that answered in time is there.
    expect(ev.pods).toHaveLength(3);
    expect(ev.nodes).toHaveLength(3);
    expect(ev.logs).toHaveLength(3);
    expect(ev.hpas).toHaveLength(1);
    // collectedAt is when the reads finished, not when they started.
    expect(ev.collectedAt).toBeDefined();
  });

  it('records reads that never started because the deadline had passed', async () => {
    // The pods list outlives the budget, so nothing that depends on the pods can start.
    h.fake.hold(/\/pods$/);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: SHORT_BUDGET_MS });
    expect(ev.readFailures).toContainEqual(expect.objectContaining({ source: 'pods', reason: 'timeout' }));
    expect(ev.pods).toEqual([]);
    expect(ev.revisions).toHaveLength(2);
    expect(ev.services).toHaveLength(2);
  });

  it('records a workload read that outlives the budget', async () => {
    h.fake.hold(/deployments/);
    // Nothing else is checked, so any budget will do.
    const ev = await h.cluster.collectEvidence(target, { budgetMs: 300 });
    expect(ev.workload).toBeNull();
    expect(ev.readFailures).toContainEqual(expect.objectContaining({ what: 'Deployment payments/payment-service', reason: 'timeout', source: 'workload' }));
  });
});

describe('a big namespace', () => {
  it('asks the same questions whether the namespace holds nothing else or 2,000 pods and 20,000 events', async () => {
    await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const small = requestLines(h.fake);

    for (let i = 0; i < 2000; i++) {
      const name = `batch-worker-${i}`;
      h.fake.add(pod({ namespace: PAYMENTS, name, labels: { app: 'batch-worker' }, node: `node-${i % 40}`, containers: [V5_CONTAINER], statuses: [runningStatus()], ready: true }));
    }
    for (let i = 0; i < 20_000; i++) {
      h.fake.add(coreEvent({ namespace: PAYMENTS, object: { kind: 'Pod', name: `batch-worker-${i % 2000}`, namespace: PAYMENTS }, reason: 'Pulled', message: 'pulled', type: 'Normal', first: at(-i / 100) }));
    }
    h.fake.resetRequests();
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures).toEqual([]);
    expect(ev.pods).toHaveLength(3);
    expect(requestLines(h.fake)).toEqual(small);
  });

  it('reads a 40-pod workload with 71 requests: 2 gets, 14 lists, then one per object', async () => {
    for (let i = 0; i < 37; i++) {
      const name = `payment-service-7c9d5f6b8-h${String(i).padStart(4, '0')}`;
      const labels = { ...LABELS, 'pod-template-hash': '7c9d5f6b8' };
      h.fake.add(pod({ namespace: PAYMENTS, name, labels, node: `node-${'abc'[i % 3] ?? 'a'}`, containers: [V5_CONTAINER], statuses: [runningStatus()], ready: true }));
    }
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.pods).toHaveLength(40);
    const byKind = (test: (path: string, field: string) => boolean): number =>
      h.fake.requests.filter((r) => test(r.path, r.query['fieldSelector'] ?? '')).length;
    expect(byKind((_, f) => f.startsWith('involvedObject.kind=Pod,'))).toBe(40);
    expect(byKind((p) => p.startsWith('/api/v1/nodes/'))).toBe(3);
    expect(byKind((p) => p === '/api/v1/events')).toBe(3);
    // 1 workload + 1 namespace + pods, ReplicaSets, HPAs, Services, EndpointSlices, workload
    // events, NetworkPolicies, ResourceQuotas, LimitRanges, ConfigMaps, the namespace's Warning
    // events (one page), cluster DNS pods, the ingress-nginx controller's pods by its chart's labels
    // and, none found, by the plain app label of older manifests (its Service has ready endpoints;
    // there is no controller, so no log)
    // + 40 pod events + 2 ReplicaSet events + 1 HPA events + 3 nodes + 3 node events
    // + 1 PVC + 1 PVC events + 1 PersistentVolume + 1 previous log + 2 sampled current logs.
    expect(h.fake.requests).toHaveLength(2 + 14 + 40 + 2 + 1 + 3 + 3 + 1 + 1 + 1 + 1 + 2);
  });

  it('reads a huge workload in pages, keeps the least healthy pods and says what it left out', async () => {
    const small = await startHarness({ cluster: { limits: { maxPods: 20, maxPodsWithEvents: 5, maxNodes: 2, maxLogs: 2 } } });
    try {
      for (let i = 0; i < 620; i++) {
        const crashing = i % 100 === 7;
        const name = `payment-service-7c9d5f6b8-${String(i).padStart(4, '0')}`;
        if (crashing) small.fake.setLogs(PAYMENTS, name, 'app', { previous: 'OutOfMemoryError\n' });
        small.fake.add(
          pod({
            namespace: PAYMENTS,
            name,
            labels: { ...LABELS, 'pod-template-hash': '7c9d5f6b8' },
            node: `node-${i % 10}`,
            containers: [V5_CONTAINER],
            statuses: [crashing ? oomLoopingStatus('app', 'img', 3) : runningStatus()],
            ready: !crashing,
          }),
        );
      }
      addPaymentService(small.fake);
      const ev = await small.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
      const podLists = small.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${PAYMENTS}/pods`);
      expect(podLists.map((r) => r.query['continue'] !== undefined)).toEqual([false, true]);
      expect(ev.pods).toHaveLength(20);
      // The 8 crashing pods (7 added here and one from the scenario) are all kept.
      expect(ev.pods.filter((p) => !p.ready)).toHaveLength(8);
      // Every pod is counted; only the details are capped, and what was not read is said.
      expect(ev.census).toEqual({ total: 623, complete: true, ready: 615, byState: { Running: 615, CrashLoopBackOff: 8 } });
      expect(ev.readFailures.map((f) => f.what)).toEqual(
        expect.arrayContaining(['events of 15 more pods', '8 more container logs']),
      );
      // The most restarted first: the scenario's pod (7 restarts), then one with 3.
      expect(ev.logs.map((l) => l.pod)).toEqual(['payment-service-7c9d5f6b8-q2w3e', 'payment-service-7c9d5f6b8-0007']);
      const podEventQueries = small.fake.requests.filter((r) => (r.query['fieldSelector'] ?? '').startsWith('involvedObject.kind=Pod,'));
      expect(podEventQueries).toHaveLength(5);
      // Two nodes: under the most broken pods (node-b, then node-7 which does not exist).
      expect(small.fake.requests.filter((r) => r.path.startsWith('/api/v1/nodes/')).map((r) => r.path).sort()).toEqual([
        '/api/v1/nodes/node-7',
        '/api/v1/nodes/node-b',
      ]);
      expect(ev.readFailures).toContainEqual(expect.objectContaining({ what: 'node node-7', source: 'nodes', reason: 'not-found' }));
    } finally {
      expect(small.fake.writeAttempts).toEqual([]);
      await small.fake.close();
    }
  });
});
