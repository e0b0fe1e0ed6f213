// Pods Pending while the nodes that have room carry a taint Kubernetes puts on for the node's own
// state (node.kubernetes.io/network-unavailable, not-ready, …) and the rest are full: those nodes
// are the room the pods wait for. They are named with their condition (reason, message) and their
// own warning, and the fix is what makes them fit (the routes for NoRouteCreated), not more nodes.
import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import { pickStateTaintedNodes } from '../../../../src/domain/triage/analyzers/state-tainted-nodes.js';
import type { NodeEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, NODE_C, NS, baseEvidence, event, minutesAgo, node, pod, unscheduledPod, withCondition } from '../scenarios/builders.js';

const MSG = '0/5 nodes are available: 2 node(s) had untolerated taint {node.kubernetes.io/network-unavailable: }, 3 Insufficient cpu. preemption: 0/5 nodes are available: 2 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
const placement = { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] };

function unrouted(name: string, since: number): NodeEvidence {
  const n = node(name, { createdAt: minutesAgo(since + 0.5), taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }] });
  return withCondition(n, 'NetworkUnavailable', 'True', 'NoRouteCreated', 'RouteController failed to create a route', since);
}

function scene(since: number, withRouteEvents: boolean) {
  const fresh = [unrouted('pool-m2pd', since), unrouted('pool-r8vn', since)];
  const old = [NODE_A, NODE_B, NODE_C].map((n) => node(n));
  const pending = [5, 6].map((i) => unscheduledPod(i, MSG, since + 3, { placement }));
  const events = [
    ...pending.flatMap((p) => [
      event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Warning', reason: 'FailedScheduling', message: MSG, count: 9, firstSeen: minutesAgo(since), lastSeen: minutesAgo(1), source: 'default-scheduler' }),
      event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'TriggeredScaleUp', message: 'pod triggered scale-up: [{pool-grp 3->5 (max: 10)}]', count: 1, firstSeen: minutesAgo(since + 2), lastSeen: minutesAgo(since + 2), source: 'cluster-autoscaler' }),
    ]),
    ...(withRouteEvents
      ? fresh.map((n) => event({ object: { kind: 'Node', name: n.name, namespace: '' }, type: 'Warning', reason: 'FailedToCreateRoute', message: `Could not create route 1f2e 10.60.7.0/24 for node ${n.name} after 1.28s: googleapi: Error 403: Quota 'ROUTES' exceeded.  Limit: 250.0 globally., quotaExceeded`, count: 90, firstSeen: minutesAgo(since), lastSeen: minutesAgo(0.4), source: 'route_controller' }))
      : []),
  ];
  return baseEvidence({ pods: [pod(0, { placement }), pod(1, { placement }), pod(2, { placement }), ...pending], events, nodes: old, clusterNodes: [...old, ...fresh] });
}

describe('pods kept off the nodes with room by those nodes\' own state', () => {
  it('names the nodes, their condition and the route controller\'s error, and fixes the routes, not the node count', () => {
    const [f] = analyzeFailedScheduling(scene(16, true));
    expect(f?.title).toContain('pool-m2pd, pool-r8vn: NetworkUnavailable=True (NoRouteCreated: RouteController failed to create a route) for 16m');
    expect(f?.decisive).toMatch(/Quota 'ROUTES' exceeded/);
    expect(f?.fix).toMatch(/routes quota|stale routes/i);
    expect(f?.fix).not.toMatch(/^add nodes/i);
    expect(f?.evidence.join('\n')).toMatch(/FailedToCreateRoute/);
  });

  it('says where to look for the route controller\'s reason when the nodes\' events were not read', () => {
    const [f] = analyzeFailedScheduling(scene(16, false));
    expect(f?.title).toContain('NetworkUnavailable=True (NoRouteCreated');
    expect(f?.fix).toMatch(/route/);
  });

  it('leaves nodes that only just joined to the scale-up reading', () => {
    const [f] = analyzeFailedScheduling(scene(1, false));
    expect(f?.title ?? '').not.toContain('NoRouteCreated');
  });

  it('picks the tainted nodes the pending pods could use and that host none of them, for their events', () => {
    const ev = scene(16, false);
    expect(pickStateTaintedNodes(ev.clusterNodes ?? [], ev.pods)).toEqual(['pool-m2pd', 'pool-r8vn']);
    expect(pickStateTaintedNodes(ev.clusterNodes ?? [], ev.pods.filter((p) => p.nodeName !== undefined))).toEqual([]);
  });
});
