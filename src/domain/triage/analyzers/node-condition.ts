import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { ConditionEvidence, NodeEvidence, TriageEvidence } from '../evidence.js';
import { findCondition, listEventsOf } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describeNodeCommand, formatKubectl } from '../kubectl-command.js';
import { findLostNodeReplacements } from '../node-lost-replacements.js';
import { findDeadLeaseHolder, tellDeadLeaseHolder } from '../dead-lease-holder.js';
import { readNodeOwnWarnings } from '../node-own-warnings.js';
import { readReadyFault } from '../node-ready-fault.js';
import { limitLines, severityForPods } from '../pod-status.js';
import { describeDiskPressure, type DiskPressureWords } from './node-disk-pressure.js';
import { formatAgo } from '../time-span.js';
import { capitalize } from '../../text.js';

/** Conditions that are bad when True (Ready is bad when not True). */
const PRESSURES = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'] as const;

/** Node event reasons worth showing next to its conditions. */
const NODE_EVENT_REASONS = new Set([
  'NodeNotReady', 'Rebooted', 'SystemOOM', 'OOMKilling', 'EvictionThresholdMet', 'NodeHasDiskPressure',
  'NodeHasInsufficientMemory', 'NodeHasInsufficientPID', 'ContainerGCFailed', 'ImageGCFailed', 'FreeDiskSpaceFailed', 'KernelOops', 'TaskHung',
]);

const PRESSURE_CAUSE: Record<(typeof PRESSURES)[number], string> = {
  MemoryPressure: 'The node is short of memory: the kubelet evicts pods (BestEffort first, then Burstable pods above their requests) and refuses new ones.',
  DiskPressure: 'The node disk (nodefs or imagefs) is nearly full: the kubelet garbage-collects images, evicts pods and taints the node against new ones.',
  PIDPressure: 'The node is running out of process IDs: some process forks without bound.',
  NetworkUnavailable: 'The node network (CNI routes) is not set up: pods there cannot reach the rest of the cluster.',
};

function formatCondition(c: ConditionEvidence, now: string): string {
  const why = [c.reason, c.message].filter(Boolean).join(': ');
  const since = c.lastTransitionTime ? ` since ${formatAgo(c.lastTransitionTime, now)}` : '';
  return `${c.type}=${c.status}${why ? ` (${why})` : ''}${since}`;
}

/**
 * The nodes under the workload's pods: NotReady, memory/disk/PID pressure, network
 * unavailable. One finding per unhealthy node, naming the workload's pods on it.
 */
export function analyzeNodeConditions(ev: TriageEvidence): Finding[] {
  return ev.nodes.flatMap((node) => describeNode(ev, node));
}

function describeNode(ev: TriageEvidence, node: NodeEvidence): Finding[] {
  const ready = findCondition(node.conditions, 'Ready');
  const notReady = ready !== undefined && ready.status !== 'True';
  const pressures = PRESSURES.filter((type) => findCondition(node.conditions, type)?.status === 'True');
  if (!notReady && pressures.length === 0) return [];

  const pods = ev.pods.filter((p) => p.nodeName === node.name);
  const bad = [...(notReady && ready ? [ready] : []), ...pressures.map((t) => findCondition(node.conditions, t) as ConditionEvidence)];
  const evidence = bad.map((c) => formatCondition(c, ev.collectedAt));
  if (node.taints.length > 0) evidence.push(`taints: ${node.taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join(', ')}`);
  if (node.unschedulable) evidence.push('cordoned (unschedulable)');
  evidence.push(...limitLines(pods.map((p) => `${p.name} on it: ${p.phase}${p.ready ? ', ready' : ', not ready'}`), 3));
  const events = collapseEvents(listEventsOf(ev, 'Node', node.name).filter((e) => NODE_EVENT_REASONS.has(e.reason)));
  evidence.push(...events.slice(-3).map((e) => formatEventLine(e, { maxLength: 200 })));
  // Why the node went bad, in its own Warning events (whatever their reason), and the pods its loss left Pending.
  const own = notReady ? readNodeOwnWarnings(ev, node) : { events: [] };
  // The node's own warning names a fault first; else the kubelet's Ready message may (a runtime that stopped answering).
  const fault = own.fault ?? (notReady ? readReadyFault(node) : undefined);
  evidence.push(...own.events.filter((e) => !NODE_EVENT_REASONS.has(e.reason)).slice(0, 2).map((e) => formatEventLine(e, { maxLength: 240 })));
  const replacements = notReady ? findLostNodeReplacements(ev, node) : [];
  evidence.push(...replacements.slice(0, 2).map((r) => `${r.pod.name}: its replacement, Pending (${r.why})`));

  const named = pods.length > 0 && pods.length <= 3 ? ` (${pods.map((p) => `${p.name}${p.deletionTimestamp ? ', stuck Terminating' : p.reason === 'Evicted' ? ', evicted' : p.ready ? '' : ', not ready'}`).join('; ')})` : '';
  const podsWord = pods.length === 0 ? `no pod of ${ev.target.name} on it now` : `${pods.length} pod${pods.length === 1 ? '' : 's'} of ${ev.target.name} on it${named}`;
  let title: string;
  let cause: string;
  let action: string;
  // DiskPressure says neither bytes nor inodes: the kubelet's words do, and the node's pods may say what holds it.
  let disk: DiskPressureWords | undefined;
  let leaseFix: string | undefined;
  if (notReady) {
    const since = ready?.lastTransitionTime ? `, ${formatAgo(ready.lastTransitionTime, ev.collectedAt)}` : '';
    const replaced = replacements[0] ? `; its replacement ${replacements[0].pod.name} is Pending, no other node takes it (${replacements[0].why})` : '';
    title = `Node ${node.name} is NotReady (Ready=${ready?.status ?? 'Unknown'}${since})${fault ? `: ${fault.known.what}` : ''}; ${podsWord}${replaced}`;
    cause = fault
      ? `${fault.known.cause} Pods there are marked not ready and replaced after the NoExecute toleration (300s by default).`
      : ready?.status === 'Unknown'
        ? `The kubelet stopped reporting: the machine is down or rebooting, cut off from the control plane, or the kubelet died. ` +
          `Pods there are marked not ready; a Deployment replaces them after the NoExecute toleration (300s by default), a StatefulSet does not until the node is gone.`
        : `The kubelet runs but reports the node unhealthy${ready?.message ? `: ${ready.message}` : ''}.`;
    action =
      `Mitigate: make sure enough replicas run elsewhere and keep new pods off the node (kubectl cordon ${node.name}; the bot will not run it). ` +
      (fault ? `Then ${fault.known.fix}.` : `Then check the machine and kubelet from the cloud console.`) +
      (ev.target.kind === 'StatefulSet' ? ` Do not force-delete StatefulSet pods until the node is confirmed down: two pods could share one identity.` : '');
    // A leader lost with the node still holds its Lease: the standbys wait on it, and that wait is the outage.
    const held = findDeadLeaseHolder(pods, ev.pods, ev.logs);
    if (held !== undefined) {
      const told = tellDeadLeaseHolder(held, node.name, ev.target.namespace);
      title = `${capitalize(told.title)} (Node ${node.name} is NotReady, Ready=${ready?.status ?? 'Unknown'}${since})`;
      cause = `${told.cause} ${cause}`;
      action = told.action;
      leaseFix = told.fix;
      evidence.unshift(...told.evidence);
    }
  } else {
    disk = pressures.includes('DiskPressure') ? describeDiskPressure(ev, node.name) : undefined;
    const others = pressures.filter((p) => p !== 'DiskPressure');
    const state = disk ? `${disk.state}${others.length > 0 ? `, has ${others.join(', ')}` : ''}` : `has ${pressures.join(', ')}`;
    title = `Node ${node.name} ${state}; ${podsWord}${disk?.consumer ? `; ${disk.consumer}` : ''}`;
    cause = pressures.map((p) => (p === 'DiskPressure' && disk ? disk.cause : PRESSURE_CAUSE[p])).join(' ');
    action = disk?.fix
      ? `${disk.fix.charAt(0).toUpperCase()}${disk.fix.slice(1)}.`
      : `Mitigate: move load off the node (cordon and drain it; the bot will not) or free the resource; find what on the node consumes it before adding capacity.`;
    evidence.push(...(disk?.evidence ?? []));
  }
  const critical = notReady || pressures.includes('NetworkUnavailable');
  return [
    {
      id: `node-condition/${node.name}`,
      kind: 'node-condition',
      title,
      layer: 'node/eviction',
      severity: critical && pods.length > 0 ? severityForPods(ev, pods.length) : 'warning',
      confidence: 'high',
      evidence,
      likelyCause: cause,
      nextAction: action,
      ...(fault ? { decisive: fault.quote, fix: fault.known.fix } : {}),
      ...(disk?.fix ? { fix: disk.fix } : {}),
      ...(leaseFix ? { fix: leaseFix } : {}),
      ...(disk?.outsideWorkload ? { outsideWorkload: disk.outsideWorkload } : {}),
      confirmCommands: [
        describeNodeCommand(ev.target, node.name),
        ...(fault?.known.confirm ?? []).map((args) => formatKubectl(ev.target, args, 'cluster')),
        formatKubectl(ev.target, `get pods -A -o wide --field-selector spec.nodeName=${node.name}`, 'cluster'),
        formatKubectl(ev.target, `get events -A --field-selector involvedObject.kind=Node,involvedObject.name=${node.name}`, 'cluster'),
      ],
      // The replacements count among its pods: their Pending is the node's loss, not the scheduler's.
      affected: { pods: [...pods, ...replacements.map((r) => r.pod)].map((p) => p.name), nodes: [node.name] },
    },
  ];
}
