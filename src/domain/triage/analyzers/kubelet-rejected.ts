/**
 * Pods the node's kubelet refused at admission for lack of room (phase Failed, reason OutOfcpu,
 * OutOfmemory, OutOfpods…). The scheduler checks room before it binds a pod, so this almost only
 * happens to pods that skip it: a template that sets spec.nodeName goes straight to that node's
 * kubelet, and every replica the controller re-creates is refused the same way.
 */
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { capitalize } from '../../text.js';
import { nodePoolOf } from '../node-pool.js';
import { findFailingDevicePlugin, readUnavailableDevice } from '../device-admission.js';
import type { FailingDevicePlugin } from '../device-admission.js';
import { SYSCTL_FORBIDDEN, describeSysctlRejection } from '../sysctl-admission.js';

/** The kubelet's admission reason for a resource the node lacks: "OutOf" + the resource name. */
const OUT_OF = /^OutOf(\S+)$/;

function templateNodeName(ev: TriageEvidence, pod: PodEvidence): string | undefined {
  return ev.revisions.find((r) => r.hash !== undefined && r.hash === pod.revisionHash)?.template?.nodeName;
}

/**
 * Admission refusals that are not about room: the CPU, memory or topology manager (SMTAlignmentError
 * under full-pcpus-only, TopologyAffinityError) or a device plugin cannot align what the pod asks
 * for on that node. The scheduler placed the pod; the kubelet still rejects it, and every replica
 * the controller re-creates there is rejected the same way.
 */
const ALIGNMENT = /^(SMTAlignmentError|TopologyAffinityError|UnexpectedAdmissionError)$/;

export function analyzeKubeletRejections(ev: TriageEvidence): Finding[] {
  const aligned = ev.pods.filter((p) => p.phase === 'Failed' && ALIGNMENT.test(p.reason ?? ''));
  const rejected = ev.pods.filter((p) => p.phase === 'Failed' && OUT_OF.test(p.reason ?? ''));
  const [first] = rejected;
  const sysctl = describeSysctlRejection(ev, ev.pods.filter((p) => p.phase === 'Failed' && p.reason === SYSCTL_FORBIDDEN));
  const alignment = [...(aligned.length > 0 ? [describeAlignmentRejection(ev, aligned)] : []), ...(sysctl ? [sysctl] : [])];
  if (first === undefined) return alignment;
  const reasons = unique(rejected.map((p) => p.reason ?? ''));
  const resources = reasons.map((r) => OUT_OF.exec(r)?.[1] ?? r);
  const nodes = listNodesOf(rejected);
  const message = (first.message ?? '').replace(/^Pod was rejected:\s*/, '');
  const pinned = unique(rejected.flatMap((p) => templateNodeName(ev, p) ?? []));
  const n = `${rejected.length} pod${rejected.length === 1 ? '' : 's'}`;
  const kubelet = `the kubelet of ${nodes.join(', ') || 'their node'} rejected ${n} at admission (${reasons.join(', ')})`;
  const evidence = [
    `${n} Failed, ${reasons.join(', ')}: ${message || 'no message'}`,
    ...(pinned.length > 0 ? [`the pod template sets spec.nodeName: ${pinned.join(', ')}`] : []),
  ];
  const common = {
    id: `placement/kubelet-rejected/${nodes.join(',')}`,
    kind: 'placement' as const,
    layer: 'capacity' as const,
    severity: severityForPods(ev, rejected.length),
    evidence,
    decisive: `${first.reason ?? ''}: ${message}`,
    confirmCommands: [
      describePodCommand(ev.target, first.name),
      formatKubectl(ev.target, 'get pods --field-selector status.phase=Failed -o wide'),
      ...nodes.slice(0, 1).map((node) => formatKubectl(ev.target, `describe node ${node}`, 'cluster')),
    ],
    affected: { pods: rejected.map((p) => p.name), nodes },
  };
  if (pinned.length > 0) {
    if (alignment.length > 0) return alignment;
    const samePlace = nodes.every((node) => pinned.includes(node));
    return [{
      ...common,
      title: `Template pinned by nodeName to ${pinned.join(', ')} bypasses the scheduler: ${samePlace ? 'its kubelet' : kubelet.split(' rejected')[0]} rejected ${n} at admission, out of ${resources.join(', ')} (${reasons.join(', ')})`,
      confidence: 'high',
      likelyCause: `The pod template sets spec.nodeName, so its pods bypass the scheduler: nothing looks for a node with room, they go straight to ${pinned.join(', ')}, whose kubelet refuses each one it cannot fit and the controller creates another. The other nodes are not considered at all; this is not a cluster capacity problem.`,
      nextAction: 'Remove spec.nodeName from the template (roll back, or use a nodeSelector or node affinity to prefer that node), then delete the Failed pods.',
      fix: 'remove spec.nodeName from the pod template',
    }];
  }
  return [...alignment, {
    ...common,
    title: `${capitalize(kubelet)}, out of ${resources.join(', ')}`,
    confidence: 'medium',
    likelyCause: 'The kubelet refuses a pod it cannot fit when the pod reached the node without the scheduler checking room (spec.nodeName set by a controller or by hand), or when the node\'s allocatable shrank after the scheduler placed it.',
    nextAction: 'See what set spec.nodeName on these pods and let the scheduler place them; then delete the Failed pods.',
  }];
}


/** What each alignment refusal asks of the pod spec or the node pool's kubelet (or of the failing device plugin there). */
function adviseAlignment(reason: string, message: string, plugin?: FailingDevicePlugin, resource?: string): { cause: string; action: string; fix: string } {
  if (plugin !== undefined && resource !== undefined) {
    const limit = plugin.memoryLimit ? ` (memory limit ${plugin.memoryLimit})` : '';
    const fix = plugin.oomKilled
      ? `raise (or drop) the memory limit of ${plugin.agent}${plugin.memoryLimit ? ` (${plugin.memoryLimit} now)` : ''}`
      : `get ${plugin.agent} running again on ${plugin.node} (its log says why it stops)`;
    return {
      cause: `The device plugin's pod on ${plugin.node} (${plugin.pod} of ${plugin.agent}) is ${plugin.state}${plugin.oomKilled ? `: it is OOMKilled${limit}` : ''}. Each time it dies the kubelet drops the ${resource} devices it registered, while the node still advertises them, so the scheduler binds pods there and the kubelet rejects them at admission. The pods themselves are not at fault.`,
      action: `${fix[0]?.toUpperCase() ?? ''}${fix.slice(1)}, and check its latest DaemonSet revision (kubectl rollout history); then delete the Failed pods.`,
      fix,
    };
  }
  if (reason === 'SMTAlignmentError') {
    const perCore = /cpus per core = (\d+)/.exec(message)?.[1] ?? 'the threads per core';
    return {
      cause: `The kubelet runs the static CPU manager with the full-pcpus-only policy option: a Guaranteed pod is admitted only when its CPU count fills whole physical cores (a multiple of ${perCore} threads per core on these SMT nodes). The scheduler placed the pods; the kubelet rejects each one at admission, and the controller keeps creating replacements.`,
      action: `Request a CPU count that is a multiple of ${perCore} (the threads per core), or drop full-pcpus-only from the kubelets of that node pool; then delete the Failed pods.`,
      fix: `request a CPU count that is a multiple of ${perCore} (threads per core), or drop full-pcpus-only on that node pool`,
    };
  }
  return {
    cause: `The node's kubelet (its CPU, memory or topology manager, or a device plugin) cannot align what the pods ask for on that node, so it rejects them at admission after the scheduler placed them; the controller keeps creating replacements that meet the same refusal.`,
    action: 'Compare the pods\' resource requests with the node pool\'s kubelet policies (cpuManagerPolicy, topologyManagerPolicy and their options) and change one of them; then delete the Failed pods.',
    fix: 'align the pods\' requests with the node pool\'s kubelet CPU/topology policy',
  };
}

function describeAlignmentRejection(ev: TriageEvidence, rejected: readonly PodEvidence[]): Finding {
  const first = rejected[0] as PodEvidence;
  const reason = first.reason ?? '';
  const reasons = unique(rejected.map((p) => p.reason ?? ''));
  const nodes = listNodesOf(rejected);
  const pools = unique(nodes.flatMap((name) => nodePoolOf(ev.nodes.find((x) => x.name === name)) ?? []));
  const message = (first.message ?? '').replace(/^Pod was rejected:\s*/, '');
  const n = `${rejected.length} pod${rejected.length === 1 ? '' : 's'}`;
  const where = pools.length > 0 ? `node pool ${pools.join(', ')}` : nodes.length > 0 ? nodes.slice(0, 2).join(', ') : 'their node';
  const resource = reason === 'UnexpectedAdmissionError' ? readUnavailableDevice(message) : undefined;
  const plugin = resource !== undefined ? findFailingDevicePlugin(ev.nodeAgents ?? [], nodes, resource) : undefined;
  const advice = adviseAlignment(reason, message, plugin, resource);
  const because = plugin ? `, as ${plugin.agent}'s device plugin pod there is ${plugin.oomKilled ? `OOMKilled (${plugin.restarts} restarts${plugin.memoryLimit ? `, memory limit ${plugin.memoryLimit}` : ''})` : plugin.state}` : '';
  return {
    id: `placement/kubelet-rejected/${reasons.join(',')}`,
    kind: 'placement',
    layer: 'capacity',
    severity: severityForPods(ev, rejected.length),
    title: `The kubelet on ${where} rejected ${n} at admission (${reasons.join(', ')}): ${message || 'no message'}${because}`,
    confidence: 'high',
    ...(plugin ? { outsideWorkload: `the device plugin ${plugin.agent} on ${plugin.node} keeps dying` } : {}),
    evidence: [
      `${n} Failed, ${reasons.join(', ')}: Pod was rejected: ${message || 'no message'}`,
      ...(plugin ? [`device plugin ${plugin.pod} (${plugin.agent}) on ${plugin.node}: ${plugin.state}${plugin.memoryLimit ? `, memory limit ${plugin.memoryLimit}` : ''}`] : []),
      `on ${nodes.slice(0, 3).join(', ')}${nodes.length > 3 ? ', …' : ''}${pools.length > 0 ? ` (node pool ${pools.join(', ')})` : ''}`,
    ],
    decisive: `${reason}: ${message}`,
    likelyCause: advice.cause,
    nextAction: advice.action,
    fix: advice.fix,
    confirmCommands: [
      describePodCommand(ev.target, first.name),
      formatKubectl(ev.target, 'get pods --field-selector status.phase=Failed -o wide'),
      ...nodes.slice(0, 1).map((node) => formatKubectl(ev.target, `get --raw /api/v1/nodes/${node}/proxy/configz`, 'cluster')),
    ],
    affected: { pods: rejected.map((p) => p.name), nodes },
  };
}
