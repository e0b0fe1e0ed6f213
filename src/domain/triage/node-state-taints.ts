/**
 * Taints Kubernetes itself puts on a node to mirror its state — cordoned (spec.unschedulable),
 * not ready, unreachable, under memory, disk or pid pressure — as opposed to the taints an
 * operator sets to reserve a node pool. Pods never "lose" a toleration for these: the node's
 * state keeps out every new pod, of any revision, while the pods placed before stay.
 */
import type { NodeEvidence, PodEvidence, TriageTarget } from './evidence.js';
import { formatKubectl } from './kubectl-command.js';
import { listFirst } from '../text.js';

const STATES: Record<string, string> = {
  'node.kubernetes.io/unschedulable': 'cordoned',
  'node.kubernetes.io/not-ready': 'not ready',
  'node.kubernetes.io/unreachable': 'unreachable',
  'node.kubernetes.io/memory-pressure': 'under memory pressure',
  'node.kubernetes.io/disk-pressure': 'under disk pressure',
  'node.kubernetes.io/pid-pressure': 'short of pids',
  'node.kubernetes.io/network-unavailable': 'without a pod network',
  'node.kubernetes.io/out-of-service': 'out of service',
  'node.cloudprovider.kubernetes.io/uninitialized': 'not yet initialized by its cloud provider',
};

/** The node state a taint stands for, or undefined for an operator's taint. */
export function describeStateTaint(key: string): string | undefined {
  return STATES[key];
}

/** Why no new pod lands on a node, when its own state (not an operator's taint) keeps them out. */
export interface NodeStateVerdict {
  why: string;
  decisive: string;
  fix: string;
  cause: string;
  evidence: string[];
  /** See Finding.outsideWorkload. */
  outside: string;
}

/**
 * The nodes the pods may use, each kept out by a state of its own: `blocking(n)` is what keeps
 * the pods off `n` (untolerated taints; a cordon shows as spec.unschedulable too). Undefined
 * when an operator's taint keeps the pods off any of them (a toleration may really be missing).
 */
export function judgeNodeState(
  target: TriageTarget,
  nodes: readonly NodeEvidence[],
  blocking: (n: NodeEvidence) => NodeEvidence['taints'],
  pods: readonly PodEvidence[],
): NodeStateVerdict | undefined {
  if (nodes.length === 0) return undefined;
  const states = nodes.map((n) => {
    const taints = blocking(n);
    const own = taints.flatMap((t) => (describeStateTaint(t.key) === undefined ? [] : [describeStateTaint(t.key) as string]));
    if (taints.some((t) => describeStateTaint(t.key) === undefined)) return undefined;
    return { node: n, states: [...new Set([...(n.unschedulable ? ['cordoned'] : []), ...own])] };
  });
  if (states.some((s) => s === undefined || s.states.length === 0)) return undefined;
  const known = states as { node: NodeEvidence; states: string[] }[];
  const one = nodes.length === 1;
  const names = known.map((s) => s.node.name);
  // The workload's own pods still running there were placed before the state set in.
  const placedBefore = (n: string) => pods.filter((p) => p.nodeName === n && p.phase === 'Running').length;
  const evidence = known.map((s) => {
    const kept = placedBefore(s.node.name);
    const taints = blocking(s.node).map((t) => t.key);
    return `node ${s.node.name}: ${s.states.join(', ')}${s.node.unschedulable ? ' (spec.unschedulable: true)' : ''}${taints.length > 0 ? `; taint ${taints.join(', ')}` : ''}${kept > 0 ? `; ${kept} of the workload's pods placed before still ${kept === 1 ? 'runs' : 'run'} there` : ''}`;
  });
  if (known.every((s) => s.states.length === 1 && s.states[0] === 'cordoned')) {
    const uncordon = formatKubectl(target, `uncordon ${names.join(' ')}`, 'cluster');
    return {
      why: `the ${one ? 'only node' : `${nodes.length} nodes`} it may use (${listFirst(names, 3)}) ${one ? 'is' : 'are'} cordoned (spec.unschedulable)`,
      decisive: 'cordoned (spec.unschedulable)',
      fix: `uncordon ${one ? 'it' : 'them'} once whoever cordoned ${one ? 'it' : 'them'} is done (\`${uncordon}\`), or let the pods run on other nodes`,
      cause:
        'A cordon (kubectl cordon or drain, a node upgrade) marks a node unschedulable and Kubernetes taints it node.kubernetes.io/unschedulable: ' +
        'the pods already there keep running, but no new pod is placed on it. No toleration is missing: every node these pods may use is cordoned, ' +
        'so any new pod waits, of any revision — a rollout, a scale-up or a replaced pod is only the first to need one. Unless a drain or a node ' +
        'replacement is under way, the nodes were left cordoned after maintenance.',
      evidence,
      outside: `new pods of any revision wait for the cordoned ${one ? 'node' : 'nodes'}`,
    };
  }
  const said = [...new Set(known.flatMap((s) => s.states))];
  return {
    why: `the ${one ? 'only node' : `${nodes.length} nodes`} it may use ${one ? 'is' : 'are'} ${said.join(' or ')} (${known.slice(0, 3).map((s) => `${s.node.name}: ${s.states.join(', ')}`).join('; ')}${known.length > 3 ? '; …' : ''})`,
    decisive: `node state: ${said.join(', ')}`,
    fix: `repair ${one ? 'that node' : 'those nodes'} (${one ? 'its' : 'their'} conditions and events say why) or uncordon ${one ? 'it' : 'them'}, or add healthy nodes where the pods may run; no toleration is missing`,
    cause:
      'Kubernetes taints a node that is cordoned, not ready or under resource pressure (node.kubernetes.io/*), and the scheduler places no new pod there. ' +
      'No toleration is missing: the nodes themselves are unfit, for pods of any revision.',
    evidence,
    outside: `new pods of any revision wait for the ${one ? 'node' : 'nodes'} to recover`,
  };
}
