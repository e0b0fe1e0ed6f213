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

/** The kubelet's admission reason for a resource the node lacks: "OutOf" + the resource name. */
const OUT_OF = /^OutOf(\S+)$/;

function templateNodeName(ev: TriageEvidence, pod: PodEvidence): string | undefined {
  return ev.revisions.find((r) => r.hash !== undefined && r.hash === pod.revisionHash)?.template?.nodeName;
}

export function analyzeKubeletRejections(ev: TriageEvidence): Finding[] {
  const rejected = ev.pods.filter((p) => p.phase === 'Failed' && OUT_OF.test(p.reason ?? ''));
  const [first] = rejected;
  if (first === undefined) return [];
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
  return [{
    ...common,
    title: `${capitalize(kubelet)}, out of ${resources.join(', ')}`,
    confidence: 'medium',
    likelyCause: 'The kubelet refuses a pod it cannot fit when the pod reached the node without the scheduler checking room (spec.nodeName set by a controller or by hand), or when the node\'s allocatable shrank after the scheduler placed it.',
    nextAction: 'See what set spec.nodeName on these pods and let the scheduler place them; then delete the Failed pods.',
  }];
}

