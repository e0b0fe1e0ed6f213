import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { ConditionEvidence, NodeEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { findCondition, listEventsOf, listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describeNodeCommand, formatKubectl } from '../kubectl-command.js';
import { getWaiting, limitLines, severityForPods } from '../pod-status.js';
import { formatAgo } from '../time-span.js';

/** The kubelet's own conditions: node-condition reads those. */
const KUBELET_CONDITIONS = new Set(['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable']);

/** Condition names that mean health when True (a custom "…Ready" or "…Healthy"): never a problem. */
const GOOD_WHEN_TRUE = /(Ready|Healthy|Available|Reachable|OK)$/;

/** What the common node-problem-detector conditions mean for the pods on the node. */
const MEANING: [RegExp, string][] = [
  [/KernelDeadlock|TaskHung|ContainerdHung|DockerHung/i, 'a process (often the container runtime) is blocked in the kernel, so the runtime cannot start or stop containers'],
  [/ReadonlyFilesystem/i, 'the node\'s filesystem was remounted read-only, so nothing on it can write (images, logs, volumes)'],
  [/Frequent(Containerd|Docker|Kubelet)Restart|ContainerRuntimeProblem|ContainerRuntimeUnhealthy|KubeletProblem/i, 'the node\'s kubelet or container runtime keeps failing'],
  [/CorruptDockerOverlay2|Overlay/i, 'the runtime\'s image storage is corrupt'],
  [/FrequentUnregisterNetDevice/i, 'the kernel keeps failing to release network devices, so pod networking stalls'],
];

/** Runtime errors a broken node leaves on its pods: no sandbox, no kill, no start. */
const STUCK_EVENTS = ['FailedCreatePodSandBox', 'FailedKillPod', 'FailedSync', 'KillPodSandboxError'];

/**
 * A condition beyond the kubelet's own (node-problem-detector's KernelDeadlock, ReadonlyFilesystem,
 * FrequentContainerdRestart, …) that is True on a node under the workload's pods. NPD reports these
 * while the kubelet still posts Ready, so the node looks fine and its pods look broken; the node
 * is the cause wherever the workload's pods on it fail.
 */
export function analyzeNodeProblems(ev: TriageEvidence): Finding[] {
  return ev.nodes.flatMap((node) => {
    const problems = node.conditions.filter((c) => c.status === 'True' && !KUBELET_CONDITIONS.has(c.type) && !GOOD_WHEN_TRUE.test(c.type));
    if (problems.length === 0) return [];
    // A NotReady node is node-condition's story; this one is for nodes that still look Ready.
    if (findCondition(node.conditions, 'Ready')?.status !== 'True') return [];
    const pods = ev.pods.filter((p) => p.nodeName === node.name && isStuck(p));
    if (pods.length === 0) return [];
    return [describe(ev, node, problems, pods)];
  });
}

function isStuck(p: PodEvidence): boolean {
  return p.deletionTimestamp !== undefined || !p.ready || p.phase === 'Failed';
}

function podState(p: PodEvidence): string {
  if (p.deletionTimestamp !== undefined) return 'stuck Terminating';
  const waiting = p.containers.map(getWaiting).find((w) => w !== undefined);
  return waiting ? `stuck in ${waiting.reason}` : p.phase === 'Failed' ? 'Failed' : 'not ready';
}

function formatProblem(c: ConditionEvidence, now: string): string {
  const why = [c.reason, c.message].filter(Boolean).join(': ');
  return `${c.type}=True${why ? ` (${why})` : ''}${c.lastTransitionTime ? ` since ${formatAgo(c.lastTransitionTime, now)}` : ''}`;
}

function describe(ev: TriageEvidence, node: NodeEvidence, problems: ConditionEvidence[], pods: PodEvidence[]): Finding {
  const [first] = problems as [ConditionEvidence];
  const since = first.lastTransitionTime ? ` for ${formatAgo(first.lastTransitionTime, ev.collectedAt).replace(/ ago$/, '')}` : '';
  const named = pods.slice(0, 3).map((p) => `${p.name} ${podState(p)}`).join('; ');
  const meaning = unique(problems.flatMap((c) => MEANING.filter(([re]) => re.test(`${c.type} ${c.reason ?? ''}`)).map(([, m]) => m)).slice(0, 1));
  const podEvents = collapseEvents(listPodEvents(ev, STUCK_EVENTS, pods.map((p) => p.name)), { acrossObjects: true });
  const nodeEvents = collapseEvents(listEventsOf(ev, 'Node', node.name).filter((e) => e.type === 'Warning'));
  const evidence = [
    ...problems.map((c) => formatProblem(c, ev.collectedAt)),
    `Ready=True: the kubelet still reports the node healthy`,
    ...limitLines(pods.map((p) => `${p.name} on it: ${podState(p)}`), 3),
    ...podEvents.slice(0, 2).map((e) => formatEventLine(e, { withObject: true, maxLength: 240 })),
    ...nodeEvents.slice(-2).map((e) => formatEventLine(e, { maxLength: 200 })),
  ];
  return {
    id: `node-condition/${node.name}`,
    kind: 'node-condition',
    title: `Node ${node.name} reports ${problems.map((c) => `${c.type}=True${c.reason ? ` (${c.reason})` : ''}`).join(', ')}${since} while still Ready; ${pods.length} pod${pods.length === 1 ? '' : 's'} of ${ev.target.name} on it ${pods.length === 1 ? 'is' : 'are'} stuck (${named})`,
    layer: 'node/eviction',
    severity: severityForPods(ev, pods.length),
    confidence: 'high',
    evidence,
    likelyCause: `The node is broken, not the workload: ${meaning[0] ?? `its ${first.type} condition (set by node-problem-detector or another node agent) reports a fault`}. The kubelet keeps posting Ready, so the scheduler keeps placing pods there and they never start or stop; the same pods run on other nodes.`,
    decisive: first.message ?? `${first.type}=True`,
    nextAction: `Cordon ${node.name} so no new pod lands there, drain it (force-delete pods stuck Terminating: the runtime will never confirm their end), then replace the instance; the bot will not run these. A reboot may clear it, but a hung kernel task usually comes back.`,
    fix: `cordon and drain ${node.name}, then replace it`,
    confirmCommands: [
      describeNodeCommand(ev.target, node.name),
      formatKubectl(ev.target, `get pods -A -o wide --field-selector spec.nodeName=${node.name}`, 'cluster'),
      formatKubectl(ev.target, `get events -A --field-selector involvedObject.kind=Node,involvedObject.name=${node.name}`, 'cluster'),
    ],
    affected: { pods: pods.map((p) => p.name), nodes: [node.name] },
  };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
