import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { EventEvidence, NodeEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { findCondition, listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describeNodeCommand, describePodCommand, formatKubectl } from '../kubectl-command.js';
import { RECENT_MS, getWaiting, groupBy, isPodFailing, isPodHealthy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { type CgroupRefusal, parseCgroupRefusal, readLeakingKernel } from '../cgroup-refusal.js';
import { HOUR_MS, formatAgo, isWithin, msBetween } from '../time-span.js';
import { listFirst } from '../../text.js';

/** A node registered this long ago has run long enough to collect zombie cgroups worth saying so. */
const LONG_LIVED_MS = 30 * 24 * HOUR_MS;

/** Runtime messages that carry the refusal: the sandbox's, and a container's own create. */
const REASONS = ['FailedCreatePodSandBox', 'Failed'];

interface Refused { pod: PodEvidence; refusal: CgroupRefusal; events: EventEvidence[] }

/** The pod's refusal, from its recent warnings or its container's waiting message. */
function readRefused(ev: TriageEvidence, pod: PodEvidence): Refused | undefined {
  const events = listPodEvents(ev, REASONS, [pod.name]).filter((e) => e.type === 'Warning' && isWithin(e.lastSeen, ev.collectedAt, RECENT_MS) && parseCgroupRefusal(e.message) !== undefined);
  const said = events[0]?.message ?? pod.containers.map((c) => getWaiting(c)?.message ?? '').find((m) => parseCgroupRefusal(m) !== undefined);
  const refusal = said === undefined ? undefined : parseCgroupRefusal(said);
  return refusal === undefined ? undefined : { pod, refusal, events };
}

/** "2 pods stuck in ContainerCreating": the waiting reason the pods show most. */
function countStuck(pods: readonly PodEvidence[]): string {
  const reasons = pods.flatMap((p) => p.containers.map((c) => getWaiting(c)?.reason ?? []).flat());
  const reason = reasons.sort((a, b) => reasons.filter((r) => r === b).length - reasons.filter((r) => r === a).length)[0] ?? 'ContainerCreating';
  return `${pods.length} pod${pods.length === 1 ? '' : 's'} stuck in ${reason}`;
}

function describe(ev: TriageEvidence, node: NodeEvidence, refused: Refused[]): Finding {
  const pods = refused.map((r) => r.pod);
  const n = pods.length;
  const { refusal } = refused[0] as Refused;
  const cgroup = refusal.controller ? `${refusal.controller} cgroup` : 'cgroup';
  const kernel = readLeakingKernel(node.kernelVersion);
  const os = node.osImage ? ` on ${node.osImage}` : '';
  const leak = kernel ? `: the kmem accounting leak of kernel ${kernel}${os}` : '';
  const registered = node.createdAt !== undefined && msBetween(node.createdAt, ev.collectedAt) >= LONG_LIVED_MS ? `; ${node.name} was registered ${formatAgo(node.createdAt, ev.collectedAt)}, long enough to collect them` : '';
  // The same revision starting elsewhere clears it: the refusal is the node's.
  const revisions = unique(pods.flatMap((p) => p.revisionHash ?? []));
  const elsewhere = ev.pods.filter((p) => p.nodeName !== undefined && p.nodeName !== node.name && p.revisionHash !== undefined && revisions.includes(p.revisionHash) && isPodHealthy(p, ev.collectedAt));
  const revision = ev.revisions.find((r) => r.hash === revisions[0]);
  const otherNodes = listNodesOf(elsewhere);
  const same = otherNodes.length > 0 && revisions.length === 1 ? `${revision ? `revision ${revision.revision}` : 'the same revision'} runs on ${otherNodes.length} other node${otherNodes.length === 1 ? '' : 's'} (${listFirst(otherNodes, 2)})` : undefined;
  const staying = ev.pods.filter((p) => p.nodeName === node.name && isPodHealthy(p, ev.collectedAt));
  const memory = node.allocatable['memory'] ? `, allocatable memory ${node.allocatable['memory']}` : '';
  const evidence = [
    ...collapseEvents(refused.flatMap((r) => r.events), { acrossObjects: true }).sort((a, b) => b.count - a.count).slice(0, 2).map((e) => formatEventLine(e, { maxLength: 400 })),
    `node ${node.name}: kernel ${node.kernelVersion ?? 'unknown'}${node.osImage ? ` (${node.osImage})` : ''}${node.containerRuntime ? `, ${node.containerRuntime}` : ''}${node.createdAt ? `, registered ${formatAgo(node.createdAt, ev.collectedAt)}` : ''}; MemoryPressure=False${memory}`,
    ...(same ? [same] : []),
    ...(staying.length > 0 ? [`${staying.length} pod${staying.length === 1 ? '' : 's'} started there earlier still run${staying.length === 1 ? 's' : ''} (${listFirst(staying.map((p) => p.name), 2)})`] : []),
  ];
  const why = kernel
    ? `Kernel ${kernel}${os} accounts kernel memory (kmem) per memory cgroup and leaks it: the cgroups of pods deleted long ago stay behind as zombies until the kernel can create no new one${registered}.`
    : `Memory cgroups of deleted pods that the kernel has not freed (zombies still charged with page cache or kernel memory) use up what it can create${registered}.`;
  const fix = `drain ${node.name} and reboot it (a reboot frees the leaked cgroups) or replace it${kernel ? `; move its node group off kernel ${kernel}` : ''}`;
  return {
    id: `cgroup-refusal/${node.name}`,
    kind: 'pod-sandbox',
    title: `New pods on node ${node.name} cannot start (${countStuck(pods)}): its kernel refuses them a ${cgroup} ("${refusal.words}") though the node reports no memory pressure${leak}`,
    layer: 'node/eviction',
    severity: severityForPods(ev, n),
    confidence: 'high',
    evidence,
    decisive: refusal.quote,
    likelyCause: `Before a pod's containers start, the runtime (runc) creates their cgroups; on ${node.name} the kernel refuses the ${cgroup} with "${refusal.words}" while the node has memory to spare: it has run out of room for cgroups, not of memory, and no memory limit or request changes that. ${why} Pods already running there keep running; every new pod on that node, of any revision, is refused the same way.${same ? ` ${same[0]?.toUpperCase()}${same.slice(1)}: the rollout is not the cause.` : ''}`,
    nextAction: `Mitigate: cordon ${node.name} and delete the ${n === 1 ? 'stuck pod' : `${n} stuck pods`} so ${n === 1 ? 'it starts' : 'they start'} on another node (the bot will not). Then ${fix}.`,
    fix,
    outsideWorkload: 'any new pod on that node, of any revision, is refused its cgroup there',
    confirmCommands: [
      describePodCommand(ev.target, pods[0]?.name ?? ''),
      describeNodeCommand(ev.target, node.name),
      formatKubectl(ev.target, `get pods -A -o wide --field-selector spec.nodeName=${node.name}`, 'cluster'),
    ],
    affected: { pods: pods.map((p) => p.name), nodes: [node.name] },
  };
}

/**
 * Pods placed on a node that never start because the kernel there refuses their cgroups (ENOMEM,
 * ENOSPC) while the node is not short of memory: the node's kernel has no room for new cgroups.
 * Names the node, its kernel and OS image, and the same revision running elsewhere.
 */
export function analyzeCgroupRefusal(ev: TriageEvidence): Finding[] {
  const refused = ev.pods.filter((p) => p.nodeName !== undefined && isPodFailing(p, ev.collectedAt)).flatMap((p) => readRefused(ev, p) ?? []);
  return [...groupBy(refused, (r) => r.pod.nodeName ?? '')].flatMap(([name, group]) => {
    const node = ev.nodes.find((x) => x.name === name);
    // A node short of memory is node-condition's story: there the refusal is plain memory.
    if (node === undefined || findCondition(node.conditions, 'MemoryPressure')?.status === 'True') return [];
    return [describe(ev, node, group)];
  });
}
