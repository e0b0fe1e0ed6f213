/**
 * Pods Pending while some nodes they may use are kept out by a taint Kubernetes sets for the
 * node's own state (node.kubernetes.io/network-unavailable, not-ready, memory-pressure, …) and the
 * others are full: the unfit nodes are the room the pods wait for — often the very nodes the
 * autoscaler just added. Adding nodes does not help while new nodes come up unfit the same way;
 * what keeps them unfit (their condition's reason and message, their own warning events) does.
 * A state younger than a few minutes is a node still joining (capacity-arriving.ts tells that).
 */
import type { NodeEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import type { EventEvidence } from '../evidence-pod.js';
import { findCondition } from '../evidence-lookup.js';
import { formatKubectl } from '../kubectl-command.js';
import { describeStateTaint } from '../node-state-taints.js';
import type { SchedulingReason } from '../scheduling-message.js';
import { formatAgo, isWithin, latest } from '../time-span.js';
import { matchesPlacement, untoleratedTaints } from './placement.js';
import type { PendingExplanation } from '../pending-explanation.js';
import { listFirst } from '../../text.js';
import { UNINITIALIZED_TAINT, explainUninitializedNodes } from './uninitialized-nodes.js';

/** A state held this long is no node still joining (routes and CNI are set up within a minute or two). */
const UNFIT_MS = 5 * 60_000;

/** The condition behind each state taint, and the status that means unfit. */
const CONDITION: Record<string, { type: string; bad: (status: string) => boolean }> = {
  'node.kubernetes.io/network-unavailable': { type: 'NetworkUnavailable', bad: (s) => s === 'True' },
  'node.kubernetes.io/not-ready': { type: 'Ready', bad: (s) => s !== 'True' },
  'node.kubernetes.io/unreachable': { type: 'Ready', bad: (s) => s !== 'True' },
  'node.kubernetes.io/memory-pressure': { type: 'MemoryPressure', bad: (s) => s === 'True' },
  'node.kubernetes.io/disk-pressure': { type: 'DiskPressure', bad: (s) => s === 'True' },
  'node.kubernetes.io/pid-pressure': { type: 'PIDPressure', bad: (s) => s === 'True' },
};

const ROUTE_QUOTA = /quota[^\n]*route|route[^\n]*quota|ROUTES/i;

/** Pods kept off nodes by the taint of the nodes' own condition (network-unavailable, not-ready…). */
export type StateTaintedNodes = PendingExplanation & { decisive: string };

function pendingOf(pods: readonly PodEvidence[]): PodEvidence[] {
  return pods.filter((p) => p.phase === 'Pending' && p.nodeName === undefined);
}

/** Nodes the pods' placement allows that carry state taint `key` they do not tolerate. */
function taintedBy(nodes: readonly NodeEvidence[], pod: PodEvidence, key: string): NodeEvidence[] {
  const p = pod.placement;
  return nodes.filter((n) => n.taints.some((t) => t.key === key) && (p === undefined || (matchesPlacement(n, p) && untoleratedTaints(n, p).some((t) => t.key === key))));
}

/**
 * At most `max` nodes, hosting none of the workload's pods (their events are read already), that
 * carry a state taint (other than a cordon) keeping its pending pods out: their events say why.
 */
export function pickStateTaintedNodes(nodes: readonly NodeEvidence[], pods: readonly PodEvidence[], max = 2): string[] {
  const first = pendingOf(pods)[0];
  if (first === undefined) return [];
  const hosting = new Set(pods.flatMap((p) => (p.nodeName === undefined ? [] : [p.nodeName])));
  const keys = Object.keys(CONDITION);
  return nodes.filter((n) => !hosting.has(n.name) && keys.some((k) => taintedBy([n], first, k).length > 0)).slice(0, max).map((n) => n.name);
}

function newestWarning(events: readonly EventEvidence[], nodes: readonly NodeEvidence[]): EventEvidence | undefined {
  const names = new Set(nodes.map((n) => n.name));
  const own = events.filter((e) => e.object.kind === 'Node' && names.has(e.object.name) && e.type === 'Warning');
  const newest = latest(own.map((e) => e.lastSeen));
  return own.find((e) => e.lastSeen === newest);
}

function list(nodes: readonly NodeEvidence[]): string {
  return listFirst(nodes.map((n) => n.name), 3);
}

/** Why the nodes with a state taint stay unfit, and what makes them fit; undefined when none has held it for UNFIT_MS. */
export function explainStateTaintedNodes(ev: TriageEvidence, pending: readonly PodEvidence[], reasons: readonly SchedulingReason[]): PendingExplanation | undefined {
  const first = pending[0];
  if (first === undefined) return undefined;
  for (const reason of reasons) {
    const key = reason.category === 'taint' ? reason.detail : undefined;
    // No condition behind this one: the cloud-controller-manager removes it when it initializes the node.
    const uninitialized = key === UNINITIALIZED_TAINT ? explainUninitializedNodes(ev, taintedBy(ev.clusterNodes ?? [], first, key)) : undefined;
    if (uninitialized) return uninitialized;
    const cond = key === undefined ? undefined : CONDITION[key];
    if (key === undefined || cond === undefined) continue;
    const unfit = taintedBy(ev.clusterNodes ?? [], first, key).flatMap((n) => {
      const c = findCondition(n.conditions, cond.type);
      const since = c?.lastTransitionTime ?? n.createdAt;
      if (c === undefined || !cond.bad(c.status) || since === undefined || isWithin(since, ev.collectedAt, UNFIT_MS)) return [];
      return [{ node: n, c, since }];
    });
    const [head] = unfit;
    if (head === undefined) continue;
    const nodes = unfit.map((u) => u.node);
    const one = nodes.length === 1;
    const state = `${cond.type}=${head.c.status}${head.c.reason || head.c.message ? ` (${[head.c.reason, head.c.message].filter(Boolean).join(': ')})` : ''}`;
    const warning = newestWarning(ev.events, nodes);
    const route = key === 'node.kubernetes.io/network-unavailable' && (/route/i.test(`${head.c.reason ?? ''} ${head.c.message ?? ''}`) || /route/i.test(warning?.reason ?? ''));
    const quota = warning !== undefined && ROUTE_QUOTA.test(warning.message);
    const them = one ? 'it' : 'them';
    const where = one ? `node ${head.node.name}` : `nodes ${list(nodes)}`;
    const causeOf = route
      ? `On a routes-based cluster (GKE without VPC-native alias IPs, kubenet) the cloud's route controller creates one VPC route per node for its pod CIDR, and the node stays NetworkUnavailable — tainted node.kubernetes.io/network-unavailable, no pod placed — until it does. ` +
        (quota ? 'Here it fails on the cloud\'s routes quota: every node added needs one more route, so each new node waits the same way.' : 'NoRouteCreated means it failed: an exhausted routes quota or stale routes of deleted nodes are the usual reasons; its FailedToCreateRoute events on the node say which.')
      : `Kubernetes taints a node ${describeStateTaint(key) ?? 'in this state'} with ${key} and the scheduler places no new pod there until its ${cond.type} condition clears.`;
    const fix = route
      ? quota
        ? `raise the cloud's routes quota or delete stale routes so the route controller can create the routes for ${where} (adding nodes would not help: each needs a route too)`
        : `get the routes for ${where} created: the route controller's FailedToCreateRoute events say why (a routes quota, stale routes); adding nodes would not help`
      : `make ${where} fit again (${cond.type}: ${head.c.reason ?? head.c.status}); adding nodes does not address why ${one ? 'it is' : 'they are'} unfit`;
    return {
      detail: `${where}: ${state} for ${formatAgo(head.since, ev.collectedAt).replace(/ ago$/, '')}`,
      decisive: warning?.message ?? `${head.node.name}: ${state}`,
      evidence: [
        ...unfit.slice(0, 3).map((u) => `node ${u.node.name}${u.node.createdAt ? ` (created ${formatAgo(u.node.createdAt, ev.collectedAt)})` : ''}: ${cond.type}=${u.c.status}${u.c.reason ? ` ${u.c.reason}` : ''}${u.c.message ? `: ${u.c.message}` : ''}; taint ${key}`),
        ...(warning ? [`${warning.source ? `${warning.source}: ` : ''}${warning.reason} on ${warning.object.name}${warning.count > 1 ? ` ×${warning.count}` : ''}: ${warning.message}`] : []),
      ],
      cause: `The scheduler keeps these pods off ${where} for ${one ? 'its' : 'their'} own state, and the other nodes have no room: ${one ? 'that node is' : 'those nodes are'} the room the pods wait for. ${causeOf}`,
      action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; the pods are placed once ${them === 'it' ? 'the node turns' : 'the nodes turn'} ${cond.type === 'Ready' ? 'Ready' : `${cond.type}=False`}.`,
      fix,
      outsideWorkload: `new pods of any revision wait for ${where} to become usable`,
      confirm: [
        formatKubectl(ev.target, `describe node ${head.node.name}`, 'cluster'),
        formatKubectl(ev.target, `get events --field-selector involvedObject.kind=Node,involvedObject.name=${head.node.name}`, 'cluster'),
      ],
    };
  }
  return undefined;
}
