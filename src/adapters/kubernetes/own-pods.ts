// Which pods a workload's selector matched are its own. A selector is a label query, not
// ownership: a copy of a Deployment that kept its labels (a shadow run, a hand-made canary) has
// pods the original's selector matches too. Counted as the workload's, they inflate its ready
// count ("5/3 ready") and hide that its Service routes to them.
import type * as k8s from '@kubernetes/client-node';
import type { WorkloadKind } from '../../domain/triage/evidence.js';

/**
 * Whether a pod listed by the workload's selector belongs to it, by its controller
 * ownerReference. A Deployment's pods belong to its ReplicaSets, which the controller names
 * `<deployment>-<pod-template-hash>`. A bare pod is kept: nothing says whose it is.
 */
export function isWorkloadPod(pod: k8s.V1Pod, kind: WorkloadKind, name: string, uid: string | undefined): boolean {
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller);
  if (owner === undefined) return true;
  if (kind === 'Deployment') {
    if (owner.kind !== 'ReplicaSet') return false;
    const hash = pod.metadata?.labels?.['pod-template-hash'];
    return hash === undefined ? owner.name.startsWith(`${name}-`) : owner.name === `${name}-${hash}`;
  }
  if (kind === 'StatefulSet' || kind === 'DaemonSet') return owner.kind === kind && (uid !== undefined && owner.uid ? owner.uid === uid : owner.name === name);
  // Job and CronJob pods are found through their Jobs.
  return true;
}

/**
 * The workload that made a pod, named as a person would: a ReplicaSet's pod is its
 * Deployment's (the ReplicaSet's name less the pod-template-hash suffix).
 */
export function ownerWorkloadOf(pod: k8s.V1Pod): { kind: string; name: string } | undefined {
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller);
  if (owner === undefined) return undefined;
  const hash = pod.metadata?.labels?.['pod-template-hash'];
  if (owner.kind === 'ReplicaSet' && hash !== undefined && owner.name.endsWith(`-${hash}`)) return { kind: 'Deployment', name: owner.name.slice(0, -hash.length - 1) };
  return { kind: owner.kind, name: owner.name };
}
