// Events read only where the first evidence points, one field-selector query per object:
// - of at most 3 pods the workload's ReplicaSets created in the last hour and that are gone again,
//   when that happened at least twice (what takes them away: an evictor, a descheduler);
// - of at most 3 of the workload's LoadBalancer Services that have no external address yet
//   (the cloud's service controller says why);
// - of at most 3 nodes a live pod of the workload was placed on before (its Scheduled events name
//   them), when it runs elsewhere now (what took the node: a spot interruption);
// - of at most 2 nodes that host none of the workload's pods and keep its pending pods out with a
//   taint of their own state (network-unavailable, not-ready, …): why they stay unfit (the route
//   controller's FailedToCreateRoute).
import { pickStateTaintedNodes } from '../../domain/triage/analyzers/state-tainted-nodes.js';
import type { EventEvidence, NodeEvidence } from '../../domain/triage/evidence.js';
import { pickPendingLoadBalancers } from '../../domain/triage/load-balancer.js';
import { pickFormerNodes } from '../../domain/triage/node-reclaims.js';
import { pickReplacedPods } from '../../domain/triage/replaced-pods.js';
import type { CollectContext } from './collect-context.js';
import { readEvents } from './read-events.js';
import type { PodsRead, readServices } from './read-workload-parts.js';

export async function readReplacedPodEvents(ctx: CollectContext, revisionEvents: Promise<EventEvidence[]>, pods: Promise<PodsRead>): Promise<EventEvidence[]> {
  const [events, read] = await Promise.all([revisionEvents, pods]);
  const names = pickReplacedPods(events, read.ranked, ctx.now().toISOString());
  return names.length === 0 ? [] : readEvents(ctx, names.map((name) => ({ kind: 'Pod', name })), 'events of replaced pods');
}

export async function readPendingLoadBalancerEvents(ctx: CollectContext, services: ReturnType<typeof readServices>, pods: Promise<PodsRead>): Promise<EventEvidence[]> {
  const [s, read] = await Promise.all([services, pods]);
  const names = pickPendingLoadBalancers(s.services, read.ranked);
  return names.length === 0 ? [] : readEvents(ctx, names.map((name) => ({ kind: 'Service', name })), 'events of Services');
}

/** Nodes a live pod had to leave (its Scheduled events name them): their events say what took them (a spot interruption). */
export async function readFormerNodeEvents(ctx: CollectContext, podEvents: Promise<EventEvidence[]>, pods: Promise<PodsRead>): Promise<EventEvidence[]> {
  const [events, read] = await Promise.all([podEvents, pods]);
  const names = pickFormerNodes(events, read.ranked);
  return names.length === 0 ? [] : readEvents(ctx, names.map((name) => ({ kind: 'Node', name })), 'events of nodes the pods left');
}

/** Nodes kept unfit by their own state while pods wait for room: their events say why (no route created). */
export async function readStateTaintedNodeEvents(ctx: CollectContext, clusterNodes: Promise<NodeEvidence[]>, pods: Promise<PodsRead>): Promise<EventEvidence[]> {
  const [nodes, read] = await Promise.all([clusterNodes, pods]);
  const names = pickStateTaintedNodes(nodes, read.ranked);
  return names.length === 0 ? [] : readEvents(ctx, names.map((name) => ({ kind: 'Node', name })), 'events of unfit nodes');
}
