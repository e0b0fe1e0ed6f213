import type { TerminatedStateEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { type ContainerRef, formatContainerRef, formatPodShare, limitLines, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatBytes, parseQuantity } from '../quantity.js';
import { describeHeap, findHeapSetting } from '../runtime-flags.js';
import { describeNodeOvercommit, findSystemOom } from '../system-oom.js';
import { formatAgo } from '../time-span.js';

interface OomHit {
  ref: ContainerRef;
  term: TerminatedStateEvidence;
  recent: boolean;
}

/**
 * OOM kills that each coincide with a system OOM of the pod's node: the node ran out of memory and
 * the kernel's global OOM killer chose this container's process, below its own limit. Undefined
 * when any kill does not (then the container's limit is the suspect, see oom-killed).
 */
export function describeSystemOomKills(ev: TriageEvidence, hits: readonly OomHit[]): Finding | undefined {
  const matched = hits.map((h) => findSystemOom(ev.events, h.ref.pod.nodeName, h.term.finishedAt));
  if (hits.length === 0 || matched.some((e) => e === undefined)) return undefined;
  const first = hits[0] as OomHit;
  const container = first.ref.container;
  const pods = unique(hits.map((h) => h.ref.pod.name));
  const recentPods = unique(hits.filter((h) => h.recent).map((h) => h.ref.pod.name));
  const nodes = listNodesOf(hits.map((h) => h.ref.pod));
  const limit = container.resources.limits['memory'];
  const request = container.resources.requests['memory'];
  const heap = findHeapSetting(container);
  const overcommit = nodes.map((n) => describeNodeOvercommit(ev, n));
  const suspects = overcommit.flatMap((o) => o.suspects);
  const [worst] = suspects;

  const evidence = [
    ...limitLines(hits.map(({ ref, term }) => `${formatContainerRef(ref)}: OOMKilled (exit ${term.exitCode})${term.finishedAt ? `, ${formatAgo(term.finishedAt, ev.collectedAt)}` : ''}; ${ref.container.restartCount} restarts`)),
    `memory limit ${limit ?? 'none'}, request ${request ?? 'none'}`,
    ...(heap ? [describeHeap(heap, parseQuantity(limit))] : []),
    ...overcommit.map((o) => `node ${o.node}: SystemOOM (kernel's global OOM killer), victim processes ${o.victims}`),
    ...overcommit.flatMap((o) => o.lines),
  ];
  const where = nodes.join(', ');
  const one = nodes.length === 1;
  const share = formatPodShare(ev, pods.length);
  const who = first.ref.init ? `init container ${container.name}` : `container ${container.name}`;
  const described = (s: (typeof suspects)[number]) => `${s.who} (requests ${s.request > 0 ? formatBytes(s.request) : 'no memory'}, ${s.limit === undefined ? 'no memory limit' : `limit ${formatBytes(s.limit)}`})`;
  const blame = suspects.length > 0
    ? ` Other pods there may use far more memory than they request, so the node's memory is promised several times over: ${suspects.map(described).join(', ')}.`
    : ' Which pod took the memory is not in what was read: look for pods there whose limit is far above their request, or without one.';
  const decisive = matched.find((e) => e !== undefined)?.message;
  return {
    id: `oom-killed/${container.name}`,
    kind: 'oom-killed',
    title: `${one ? 'Node' : 'Nodes'} ${where} ran out of memory (system OOM): the kernel killed ${who}'s process on ${share}${limit ? `, not at its ${limit} limit` : ''}`,
    layer: 'node/eviction',
    severity: recentPods.length > 0 ? severityForPods(ev, recentPods.length) : 'info',
    confidence: 'high',
    evidence,
    ...(decisive ? { decisive } : {}),
    likelyCause:
      `The kubelet recorded a system OOM on ${where} at each kill: the node itself ran out of memory, and the kernel's global OOM killer picked the biggest process there, ${container.name}'s, ` +
      `whatever its own ${limit ?? 'memory'} limit (a kill at the limit leaves no SystemOOM event). A node runs out when the pods on it may use more memory than it has: limits above requests overcommit it.${blame} ` +
      `A bigger limit for ${container.name} would not help; the pods on other nodes are fine.`,
    nextAction:
      `Mitigate: cordon ${where} and delete its failing pods so they start elsewhere (the bot will not)${worst ? `; stop or cap ${worst.who}` : ''}. ` +
      `Then give pods on shared nodes memory limits close to their requests (or their own node pool).`,
    fix: worst ? `cap ${worst.who}'s memory (a limit close to its request) or move it off ${where}` : `find what fills ${where}'s memory and cap it`,
    outsideWorkload: `the node ran out of memory: pods of any revision there are killed the same way`,
    confirmCommands: [
      formatKubectl(ev.target, `get events --field-selector involvedObject.kind=Node,involvedObject.name=${nodes[0] ?? ''},reason=SystemOOM`, 'cluster'),
      formatKubectl(ev.target, `get pods -A -o wide --field-selector spec.nodeName=${nodes[0] ?? ''}`, 'cluster'),
      describePodCommand(ev.target, first.ref.pod.name),
    ],
    affected: { pods, nodes },
  };
}
