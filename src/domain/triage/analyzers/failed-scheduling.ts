import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { findCondition, listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { isPodFailing, severityForPods } from '../pod-status.js';
import { formatBytes, formatCpu, parseQuantity } from '../quantity.js';
import {
  type SchedulingCategory,
  type SchedulingReason,
  parseSchedulingMessage,
  summarizeSchedulingReasons,
} from '../scheduling-message.js';
import { formatAgo, latest } from '../time-span.js';
import { explainScaleUpFailure } from '../scale-up-failure.js';
import { SCALE_UP_MS, describeCapacityArriving, findCapacityArriving } from '../capacity-arriving.js';
import type { CapacityArriving } from '../capacity-arriving.js';
import { describeGrace, findDrainingPods } from '../draining-pods.js';
import { explainSwallowedSigterm, findSwallowedSigterm } from '../swallowed-sigterm.js';
import { explainClaimDeleting } from './claim-deleting.js';
import { explainClaimInUse } from './claim-in-use.js';
import { explainHostPortHeld } from './host-port-held.js';
import { explainAllocatableDrop } from './allocatable-drop.js';
import { explainKubeletReserved } from './kubelet-reserved.js';
import { explainRuntimeOverhead } from './runtime-overhead.js';
import { explainStateTaintedNodes } from './state-tainted-nodes.js';
import { explainSpreadMissingLabel } from './spread-missing-label.js';
import { explainSpreadTooFewDomains, stateSpreadConstraints } from './spread-min-domains.js';
import { explainSpreadClosedDomain } from './spread-cordoned-domain.js';
import { explainAffinityNoPeers, stateAffinityTerms } from './affinity-no-peers.js';
import { explainSurgeDeadlock } from './surge-anti-affinity.js';
import { POD_AFFINITY_REFUSAL } from '../pod-affinity.js';
import { explainClassZoneRefusal } from './class-zone-refusal.js';

const ADVICE: Partial<Record<SchedulingCategory | 'pod-affinity-join', { cause: string; action: string }>> = {
  insufficient: {
    cause: 'No node has enough unrequested capacity for these pods. Requests count, not actual use: the cluster is full on paper.',
    action: 'Mitigate: add nodes (check the cluster autoscaler: max node group size, quotas) or free capacity; lower the requests only if they are inflated.',
  },
  taint: {
    cause: 'Nodes carry taints the pods do not tolerate. node.kubernetes.io/* taints (disk-pressure, memory-pressure, not-ready, unreachable) are set by Kubernetes because those nodes are unhealthy.',
    action: 'Fix the node condition behind a node.kubernetes.io taint rather than adding a toleration; for taints an operator set, check whether the pods were meant for that node pool.',
  },
  'node-affinity': {
    cause: 'The pods\' nodeSelector or node affinity matches no node with room: a wrong label, or a node pool that is gone or full.',
    action: 'Compare the pods\' nodeSelector/affinity with the node labels; roll back if a change introduced it.',
  },
  'pod-affinity': {
    cause: 'Pod (anti-)affinity rules leave no node: with required anti-affinity, one replica per node means replicas beyond the node count stay Pending.',
    action: 'Use preferred instead of required anti-affinity, or add nodes in the constrained topology.',
  },
  // "didn't match pod affinity rules": required affinity, not anti-affinity (a category of its own below).
  'pod-affinity-join': {
    cause: 'The pods\' required pod affinity holds only on a node (topology domain) that already runs a pod its selector matches; no node offers one: the pods it selects carry other labels now, run elsewhere, or run only on nodes with no room.',
    action: 'Check which pods the affinity selects (`kubectl get pods -l <its selector>`): point it at the labels those pods carry now, or make room where they run.',
  },
  'topology-spread': {
    cause: 'Topology spread constraints with whenUnsatisfiable: DoNotSchedule cannot be met by the nodes available.',
    action: 'Add capacity in the short zone or relax the constraint to ScheduleAnyway.',
  },
  'unbound-pvc': {
    cause: 'The pods wait for a PersistentVolumeClaim that is not bound; see the PVC finding.',
    action: 'Fix the PVC (storage class, provisioner); the pods schedule on their own once it binds.',
  },
  'volume-zone': {
    cause: 'The pods\' volume lives in a zone where no node has room: zonal disks pin pods to their zone.',
    action: 'Add capacity in the volume\'s zone.',
  },
  'too-many-pods': {
    cause: 'The node already runs as many pods as it may (its allocatable pods — on AWS the instance type\'s ENI/IP limit), though CPU and memory may be free. A DaemonSet pod without a high priority class cannot preempt the pods that filled it first.',
    action: 'For a DaemonSet, give it a high priority class (system-node-critical) so it preempts ordinary pods; otherwise raise the node\'s max pods (prefix delegation) or use larger nodes.',
  },
  'host-ports': {
    cause: 'Another pod on the node already binds the same hostPort: a second copy of this agent (another DaemonSet, a chart that ships its own), or an old pod still holding the port.',
    action: 'Find the pod that holds the port on that node (`kubectl get pods -A -o wide --field-selector spec.nodeName=<node>`), and remove the duplicate or move one of them to another port.',
  },
  cordoned: { cause: 'The nodes that would fit are cordoned.', action: 'Uncordon nodes that are done with maintenance, or add capacity.' },
  'claim-in-use': {
    cause: 'A ReadWriteOncePod claim the pods mount is in use by another pod: only one pod in the whole cluster may use it at a time.',
    action: 'Find the pod that holds the claim (`kubectl describe pvc`, Used By) and hand the claim over.',
  },
  'claim-deleting': {
    cause: 'A claim the pods mount has been deleted and is kept only while running pods use it: the scheduler refuses every new pod that mounts it.',
    action: 'Keep the pods that use the claim running, protect its volume (reclaim policy Retain, a backup), then recreate the claim.',
  },
  'volume-limit': {
    cause: 'The node already has as many volumes attached as its attach limit allows (the CSI driver\'s count in CSINode), though CPU and memory may be free: the volumes of the pods already there fill its slots.',
    action: 'Free attachment slots (move pods with volumes off the node) or add nodes; the limit is in `kubectl get csinode`.',
  },
};

function requestsOf(pod: PodEvidence): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.containers) {
    cpu += parseQuantity(c.resources.requests['cpu']) ?? 0;
    memory += parseQuantity(c.resources.requests['memory']) ?? 0;
  }
  return { cpu, memory };
}

/**
 * Pending pods the scheduler cannot place, with the scheduler's own reasons (insufficient
 * cpu/memory, taints, affinity, unbound PVCs) and, when an HPA asked for them, that it did.
 */
export function analyzeFailedScheduling(ev: TriageEvidence): Finding[] {
  const pending = ev.pods.filter((p) => {
    if (p.phase !== 'Pending' || p.nodeName !== undefined || !isPodFailing(p, ev.collectedAt)) return false;
    const scheduled = findCondition(p.conditions, 'PodScheduled');
    return scheduled?.reason === 'Unschedulable' || listPodEvents(ev, ['FailedScheduling'], [p.name]).length > 0;
  });
  if (pending.length === 0) return [];

  const names = pending.map((p) => p.name);
  const events = listPodEvents(ev, ['FailedScheduling'], names);
  const newest = events.find((e) => e.lastSeen === latest(events.map((x) => x.lastSeen)));
  const message = newest?.message ?? pending.map((p) => findCondition(p.conditions, 'PodScheduled')?.message).find(Boolean) ?? '';
  const parsed = parseSchedulingMessage(message);
  const main = [...parsed.reasons].sort((a, b) => (b.nodes ?? 0) - (a.nodes ?? 0));

  const evidence = collapseEvents(events, { acrossObjects: true }).slice(0, 2).map((e) => formatEventLine(e, { maxLength: 400 }));
  if (events.length === 0 && message) evidence.push(`PodScheduled=False (Unschedulable): ${message}`);
  const req = requestsOf(pending[0] as PodEvidence);
  if (req.cpu > 0 || req.memory > 0) evidence.push(`each pod requests ${formatCpu(req.cpu)} CPU, ${formatBytes(req.memory)} memory`);
  // A pod bigger than every node fits nowhere, however many such nodes are added.
  const known = [...ev.nodes, ...(ev.clusterNodes ?? [])];
  const biggestMem = Math.max(0, ...known.map((n) => parseQuantity(n.allocatable['memory']) ?? 0));
  const biggestCpu = Math.max(0, ...known.map((n) => parseQuantity(n.allocatable['cpu']) ?? 0));
  const tooBig: string[] = [];
  if (req.memory > 0 && biggestMem > 0 && req.memory > biggestMem) tooBig.push(`${formatBytes(req.memory)} memory (the largest node offers ${formatBytes(biggestMem)})`);
  if (req.cpu > 0 && biggestCpu > 0 && req.cpu > biggestCpu) tooBig.push(`${formatCpu(req.cpu)} CPU (the largest node offers ${formatCpu(biggestCpu)})`);
  if (tooBig.length > 0) evidence.push(`each pod requests more than any node can offer: ${tooBig.join('; ')}`);
  const hpa = ev.hpas.find((h) => h.desiredReplicas > ev.pods.length - pending.length);
  if (hpa) evidence.push(`HPA ${hpa.name} wants ${hpa.desiredReplicas} replicas (max ${hpa.maxReplicas}); ${ev.pods.length - pending.length} are placed`);
  const autoscaler = collapseEvents(listPodEvents(ev, ['NotTriggerScaleUp', 'TriggeredScaleUp'], names), { acrossObjects: true });
  evidence.push(...autoscaler.slice(0, 2).map((e) => `cluster-autoscaler: ${formatEventLine(e, { maxLength: 250 })}`));

  // A DaemonSet pod may run on one node only: that node is where to look, the others' refusals are by design.
  const pinned = [...new Set(pending.flatMap((p) => (p.placement?.pinnedNode ? [p.placement.pinnedNode] : [])))];
  const telling = pinned.length > 0 ? main.filter((r) => r.category !== 'node-affinity') : main;
  const lead: SchedulingReason | undefined = telling.find((r) => ADVICE[r.category]) ?? telling[0] ?? main[0];
  // Required affinity (join a pod) is not anti-affinity (keep apart): more nodes never satisfy it.
  const joining = lead?.category === 'pod-affinity' && POD_AFFINITY_REFUSAL.test(lead.text);
  let advice = (joining ? ADVICE['pod-affinity-join'] : lead && ADVICE[lead.category]) ?? {
    cause: 'The scheduler finds no node for these pods; its message lists why each node was rejected.',
    action: 'Read the scheduler message and fix the constraint it names.',
  };
  // The pods list keeps a few hundred; the census counted them all.
  const counted = Object.entries(ev.census?.byState ?? {}).filter(([state]) => state.startsWith('Pending (')).reduce((sum, [, k]) => sum + k, 0);
  const total = Math.max(pending.length, counted);
  const n = `${total} pod${total === 1 ? '' : 's'}`;
  if (tooBig.length > 0) {
    advice = {
      cause: `Each pod requests ${tooBig.join(' and ')}: no node of this cluster is big enough, so more nodes of the same size will not help.`,
      action: 'Lower the request to what a node can offer, or add a node group with larger nodes.',
    };
  }
  const why = main.length > 0 ? summarizeSchedulingReasons(main) : message || 'no reason recorded';
  const onNode = pinned.length > 0 && pinned.length <= 2 ? ` (pinned to node ${pinned.join(', ')})` : '';
  if (onNode && lead?.category === 'too-many-pods') {
    const limits = pinned.flatMap((n) => {
      const max = known.find((x) => x.name === n)?.allocatable['pods'];
      return max ? [`${n} allows ${max} pods`] : [];
    });
    if (limits.length > 0) evidence.push(`the pods may only run on their node, which is full: ${limits.join('; ')}`);
  }
  let podCap = '';
  // Pods free to go anywhere: every node is at its pod limit, which the instance type (or max-pods) sets, not CPU or memory.
  if (!onNode && lead?.category === 'too-many-pods') {
    const limited = [...new Map(known.filter((x) => x.allocatable['pods'] !== undefined).map((x) => [x.name, x])).values()];
    const types = [...new Set(limited.flatMap((x) => (x.labels?.['node.kubernetes.io/instance-type'] ? [x.labels['node.kubernetes.io/instance-type']] : [])))];
    if (limited.length > 0) evidence.push(`each node allows only so many pods (allocatable pods): ${limited.slice(0, 4).map((x) => `${x.name} ${x.allocatable['pods']}`).join(', ')}${limited.length > 4 ? ', …' : ''}${types.length > 0 && types.length <= 2 ? ` (instance type ${types.join(', ')})` : ''}`);
    advice = {
      cause: 'Every node that would fit already runs as many pods as it may (its allocatable pods — on AWS the instance type\'s ENI/IP limit), though CPU and memory may be free.',
      action: 'Mitigate: add nodes, or nodes that allow more pods each (a larger instance type, or a higher max-pods setting — prefix delegation on AWS).',
    };
    const caps = [...new Set(limited.map((x) => x.allocatable['pods']))];
    if (caps.length === 1) podCap = ` (each node allows ${caps[0]} pods${types.length === 1 ? `: ${types[0]}` : ''})`;
  }
  if (onNode && lead?.category === 'host-ports') {
    advice = { ...advice, action: advice.action.replace('that node', pinned.join(', ')).replace('<node>', pinned[0] ?? '<node>') };
    evidence.push(`the pod may only run on ${pinned.join(', ')}, where another pod holds the host port it asks for`);
    const holders = (ev.portHolders ?? []).filter((h) => pinned.includes(h.node));
    for (const h of holders.slice(0, 3)) evidence.push(`hostPort ${h.hostPort} on ${h.node} is held by pod ${h.namespace}/${h.pod}${h.owner ? ` (${h.owner})` : ''}`);
    const holder = holders[0];
    if (holder) advice = { ...advice, cause: `Pod ${holder.namespace}/${holder.pod}${holder.owner ? ` of ${holder.owner}` : ''} already binds hostPort ${holder.hostPort} on ${holder.node}, the one node this pod may run on: two copies of the same agent (a second DaemonSet, a chart that ships its own) cannot share a node.` };
  }
  // Pods free to go anywhere and refused by every node for a host port: who binds it on the nodes the workload runs on.
  // A surge pod kept off every usable node by the workload's own old pods: the rollout strategy, whatever reason leads.
  // A claim's class that cannot provision where the pods are pinned: the pin is not the fault alone, nor the nodes.
  const held = explainSurgeDeadlock(ev, pending, main) ?? explainClassZoneRefusal(ev, pending, main) ?? (lead?.category === 'host-ports' && !onNode ? explainHostPortHeld(ev, pending)
    : lead?.category === 'claim-in-use' ? explainClaimInUse(ev, pending)
    : lead?.category === 'claim-deleting' && lead.detail !== undefined ? explainClaimDeleting(ev, pending, lead.detail)
    : lead?.category === 'topology-spread' && /missing required label/i.test(lead.text) ? explainSpreadMissingLabel(ev, pending)
    : lead?.category === 'topology-spread' ? explainSpreadTooFewDomains(ev, pending) ?? explainSpreadClosedDomain(ev, pending)
    : joining ? explainAffinityNoPeers(ev)
    // The pods carry their RuntimeClass's overhead on top of their requests: request + overhead is what no longer fits.
    : tooBig.length === 0 ? explainRuntimeOverhead(ev, pending, main.flatMap((r) => (r.category === 'insufficient' && r.detail !== undefined ? [r.detail] : [])))
      // The nodes themselves offer too little (their kubelet reserves most of it): their config, not their count.
      ?? explainKubeletReserved(ev, pending, main.flatMap((r) => (r.category === 'insufficient' && r.detail !== undefined ? [r.detail] : [])))
      // …or the nodes that replaced older ones keep less of the same capacity allocatable: fewer pods fit on each.
      ?? explainAllocatableDrop(ev, pending, main.flatMap((r) => (r.category === 'insufficient' && r.detail !== undefined ? [r.detail] : [])))
      // …or the nodes with room are kept out by their own state (no route, not ready) for minutes: what keeps them unfit.
      ?? explainStateTaintedNodes(ev, pending, main) : undefined);
  // "didn't match pod topology spread constraints" says which rule only once the rule is stated.
  if (lead?.category === 'topology-spread') evidence.push(...stateSpreadConstraints(pending));
  // "didn't match pod affinity rules" says which pods it wants only once the terms are checked.
  if (joining) evidence.push(...stateAffinityTerms(ev));
  if (held) {
    advice = { cause: held.cause, action: held.action };
    evidence.push(...held.evidence);
  }
  // Pods that fit nowhere and an autoscaler that cannot add nodes: the cloud's refusal says why.
  const scaleUp = lead?.category === 'insufficient' && tooBig.length === 0 && !held ? explainScaleUpFailure(ev, listPodEvents(ev, ['NotTriggerScaleUp'], names)) : undefined;
  if (scaleUp) {
    advice = { cause: scaleUp.cause, action: scaleUp.action };
    evidence.push(...scaleUp.evidence);
  }
  // Old pods draining within a long grace period still hold their requests: the rollout waits for them.
  const draining = lead?.category === 'insufficient' && tooBig.length === 0 && !held ? findDrainingPods(ev) : undefined;
  // …unless they are slow only because SIGTERM never reaches the app: then that is the mechanism.
  const swallowed = draining ? findSwallowedSigterm(ev, draining) : undefined;
  const sigterm = draining && swallowed ? explainSwallowedSigterm(swallowed, draining.graceSeconds, describeGrace(draining.graceSeconds).replace(/^up to /, '')) : undefined;
  const drainNote = draining && !sigterm ? `; ${draining.pods.length} old pod${draining.pods.length === 1 ? '' : 's'} still Terminating (draining) hold${draining.pods.length === 1 ? 's' : ''} ${draining.pods.length === 1 ? 'its' : 'their'} requests for ${describeGrace(draining.graceSeconds)}` : '';
  if (sigterm) {
    evidence.push(...sigterm.evidence);
    advice = { cause: sigterm.cause, action: sigterm.action };
  } else if (draining) {
    const hook = draining.preStop ? `, preStop ${draining.preStop}` : '';
    evidence.push(`being deleted but still running: ${draining.pods.map((p) => p.name).join(', ')} (deletionTimestamp ${draining.pods[0]?.deletionTimestamp ?? '?'}${hook}); each keeps its requests on its node until it ends`);
    advice = {
      cause: `The pods being replaced shut down slowly on purpose (${describeGrace(draining.graceSeconds)}${draining.preStop ? ', a preStop hook that drains' : ''}): each keeps its CPU and memory requests until it ends, and the nodes have no other room, so the next new pod waits for it. Every step of the rollout waits this long; the new revision is not at fault.`,
      action: 'Let the rollout proceed: each old pod frees its room when its drain ends. To go faster, shorten the drain, add capacity, or use maxUnavailable 1 so a step does not need room for a surge pod; a rollback would wait the same way.',
    };
  }
  // Full nodes and a scale-up minutes old that nothing refused: the room is on its way.
  const arriving = lead?.category === 'insufficient' && tooBig.length === 0 && !held && !scaleUp && !draining
    ? findCapacityArriving(ev, pending, listPodEvents(ev, ['NotTriggerScaleUp', 'TriggeredScaleUp'], names)) : undefined;
  if (arriving) return [describeArriving(ev, arriving, pending, n, evidence)];
  const where = parsed.total !== undefined ? `${parsed.available ?? 0}/${parsed.total} nodes available` : 'no node fits';
  return [
    {
      id: 'failed-scheduling',
      kind: 'failed-scheduling',
      title: tooBig.length > 0
        ? `${n} Pending: each requests ${tooBig.join(' and ')}, more than any node can offer`
        : sigterm ? `${sigterm.detail}; ${n} Pending, ${where}: ${why}`
        : `${n} Pending${onNode}, ${where}: ${why}${podCap}${hpa ? ` (HPA wants ${hpa.desiredReplicas})` : ''}${held ? `; ${held.detail}` : ''}${scaleUp ? `; ${scaleUp.detail}` : ''}${drainNote}`,
      layer: 'capacity',
      severity: severityForPods(ev, total),
      // Without the app's own PID, the shell may still have exec'd it (some shells exec a list's last command).
      confidence: sigterm && swallowed?.appPid === undefined ? 'medium' : main.length > 0 ? 'high' : 'medium',
      evidence,
      // The autoscaler's refusal says why capacity does not come; else the scheduler's reasons.
      ...(sigterm ? { decisive: sigterm.decisive } : held && 'decisive' in held && typeof held.decisive === 'string' ? { decisive: held.decisive } : scaleUp?.decisive !== undefined ? { decisive: scaleUp.decisive } : autoscaler[0]?.reason === 'NotTriggerScaleUp' ? { decisive: autoscaler[0].message } : message ? { decisive: message.replace(/\.?\s*preemption:[\s\S]*$/, '.') } : {}),
      likelyCause: hpa ? `${advice.cause} The HPA scaled up past what the cluster can place.` : advice.cause,
      nextAction: advice.action,
      ...(held?.outsideWorkload ? { outsideWorkload: held.outsideWorkload } : {}),
      ...(sigterm && draining ? { passesBy: `each old pod is killed at the end of its grace period (${describeGrace(draining.graceSeconds)})` } : draining ? { passesBy: `each old pod frees its room when its drain ends (${describeGrace(draining.graceSeconds)})` } : {}),
      fix: sigterm ? sigterm.fix : draining ? 'let the rollout proceed: each old pod frees its room when its drain ends (to go faster, shorten the drain, add capacity, or use maxUnavailable 1)' : held ? held.fix : scaleUp ? scaleUp.fix : autoscaler[0]?.reason === 'NotTriggerScaleUp' && lead?.category === 'insufficient' ? 'add capacity: the cluster autoscaler will not (raise the node group maximum, or free room)' : advice.action.replace(/^Mitigate: /, '').split(/[;(]/)[0]?.trim().replace(/\.$/, '') ?? advice.action,
      confirmCommands: [
        describePodCommand(ev.target, pending[0]?.name ?? ''),
        ...(held ? held.confirm : [formatKubectl(ev.target, 'get events --field-selector reason=FailedScheduling')]),
        formatKubectl(ev.target, `get nodes -o 'custom-columns=NAME:.metadata.name,CPU:.status.allocatable.cpu,MEMORY:.status.allocatable.memory,TAINTS:.spec.taints[*].key'`, 'cluster'),
      ],
      affected: { pods: [...names, ...(draining?.pods.map((p) => p.name) ?? [])] },
    },
  ];
}

/** Pods waiting for nodes the autoscaler is bringing: context (info), not a failure. */
function describeArriving(ev: TriageEvidence, arriving: CapacityArriving, pending: readonly PodEvidence[], n: string, evidence: string[]): Finding {
  for (const node of arriving.newNodes.slice(0, 4)) {
    const ready = findCondition(node.conditions, 'Ready')?.status === 'True';
    evidence.push(`new node ${node.name}: created ${node.createdAt ? formatAgo(node.createdAt, ev.collectedAt) : '?'}, ${ready ? 'Ready' : 'not Ready yet'}`);
  }
  const wait = 'Nothing to fix: the pending pods are placed as the new nodes turn Ready';
  return {
    id: 'failed-scheduling',
    kind: 'failed-scheduling',
    title: `${n} waiting for room while ${describeCapacityArriving(ev, arriving)}`,
    layer: 'capacity',
    severity: 'info',
    confidence: 'high',
    evidence,
    likelyCause: 'The nodes are full on paper (requests count, not use), so the scheduler holds these pods; the cluster autoscaler saw them and scaled the node group up minutes ago. A fresh node carries the node.kubernetes.io/not-ready taint until its kubelet reports Ready, then the scheduler places pods on it.',
    nextAction: `${wait}. Look again only if they still wait ${SCALE_UP_MS / 60_000} minutes after the scale-up began, or the autoscaler reports it cannot grow the group.`,
    passesBy: 'the pods are placed as the new nodes turn Ready',
    fix: wait.replace(/^Nothing to fix: /, ''),
    confirmCommands: [
      describePodCommand(ev.target, pending[0]?.name ?? ''),
      formatKubectl(ev.target, 'get events --field-selector reason=TriggeredScaleUp'),
      formatKubectl(ev.target, `get nodes --sort-by=.metadata.creationTimestamp`, 'cluster'),
    ],
    affected: { pods: pending.map((p) => p.name) },
  };
}
