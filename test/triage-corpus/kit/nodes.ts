// Nodes as `kubectl get node -o json` shows them on EKS: labels for zone, instance type and
// node group, the five conditions with their kubelet messages, allocatable, nodeInfo.
import type * as k8s from '@kubernetes/client-node';
import { DAYS, ago, uidOf } from './clock.js';

export interface NodeOpts {
  name: string;
  /** topology.kubernetes.io/zone. Default eu-west-1a. */
  zone?: string;
  instanceType?: string;
  /** eks.amazonaws.com/nodegroup. Default general. */
  pool?: string;
  /** Extra labels (e.g. `disktype: ssd`, `workload: gpu`). */
  labels?: Record<string, string>;
  arch?: 'amd64' | 'arm64';
  /**
   * Ready condition. Default 'True'. 'Unknown': the kubelet stopped posting status `readySince`
   * minutes ago; the node lifecycle controller turns every condition Unknown and adds the
   * unreachable taints.
   */
  ready?: 'True' | 'False' | 'Unknown';
  /** Minutes since the Ready condition last changed. Default 30 days. */
  readySince?: number;
  readyReason?: string;
  readyMessage?: string;
  /** Pressure conditions that are True, with minutes since. */
  pressure?: { memory?: number; disk?: number; pid?: number; network?: number };
  taints?: k8s.V1Taint[];
  unschedulable?: boolean;
  /** Default cpu 3920m, memory 15136204Ki, pods 58 (an m6i.xlarge). */
  allocatable?: Record<string, string>;
  createdAgo?: number;
}

function condition(type: string, status: string, reason: string, message: string, sinceMinutes: number): k8s.V1NodeCondition {
  return { type, status, reason, message, lastHeartbeatTime: ago(0.3), lastTransitionTime: ago(sinceMinutes) };
}

function pressure(type: string, since: number | undefined, okReason: string, badReason: string, what: string): k8s.V1NodeCondition {
  return since === undefined
    ? condition(type, 'False', okReason, `kubelet has ${what === 'disk' ? 'no disk pressure' : `sufficient ${what} available`}`, 30 * DAYS)
    : condition(type, 'True', badReason, `kubelet has ${what === 'disk' ? 'disk pressure' : `insufficient ${what} available`}`, since);
}

export function node(o: NodeOpts): k8s.V1Node {
  const zone = o.zone ?? 'eu-west-1a';
  const ready = o.ready ?? 'True';
  const readySince = o.readySince ?? 30 * DAYS;
  const readyCondition =
    ready === 'True'
      ? condition('Ready', 'True', 'KubeletReady', o.readyMessage ?? 'kubelet is posting ready status', readySince)
      : ready === 'Unknown'
        ? condition('Ready', 'Unknown', o.readyReason ?? 'NodeStatusUnknown', o.readyMessage ?? 'Kubelet stopped posting node status.', readySince)
        : condition('Ready', 'False', o.readyReason ?? 'KubeletNotReady', o.readyMessage ?? 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized', readySince);
  const network = o.pressure?.network;
  const conditions = [
    pressure('MemoryPressure', o.pressure?.memory, 'KubeletHasSufficientMemory', 'KubeletHasInsufficientMemory', 'memory'),
    pressure('DiskPressure', o.pressure?.disk, 'KubeletHasNoDiskPressure', 'KubeletHasDiskPressure', 'disk'),
    pressure('PIDPressure', o.pressure?.pid, 'KubeletHasSufficientPID', 'KubeletHasInsufficientPID', 'PID'),
    ...(network === undefined ? [] : [condition('NetworkUnavailable', 'True', 'NoRouteCreated', 'Node created without a route', network)]),
  ];
  const taints = [...(o.taints ?? [])];
  if (ready === 'Unknown') {
    for (const c of conditions) Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: ago(readySince) });
    for (const c of [...conditions, readyCondition]) c.lastHeartbeatTime = ago(readySince + 0.7);
    taints.push({ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: ago(readySince) }, { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: ago(readySince) });
  }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: o.name,
      uid: uidOf(`node/${o.name}`),
      creationTimestamp: ago(o.createdAgo ?? 40 * DAYS),
      labels: {
        'beta.kubernetes.io/arch': o.arch ?? 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'eks.amazonaws.com/nodegroup': o.pool ?? 'general',
        'kubernetes.io/arch': o.arch ?? 'amd64',
        'kubernetes.io/hostname': o.name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': o.instanceType ?? 'm6i.xlarge',
        'topology.kubernetes.io/region': zone.replace(/[a-z]$/, ''),
        'topology.kubernetes.io/zone': zone,
        ...o.labels,
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: {
      providerID: `aws:///${zone}/i-0${uidOf(o.name).replace(/-/g, '').slice(0, 16)}`,
      ...(taints.length === 0 ? {} : { taints }),
      ...(o.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      capacity: { cpu: '4', 'ephemeral-storage': '83873772Ki', memory: '15944268Ki', pods: '58' },
      allocatable: o.allocatable ?? { cpu: '3920m', 'ephemeral-storage': '76224326324', memory: '15136204Ki', pods: '58' },
      conditions: [...conditions, readyCondition],
      addresses: [
        { type: 'InternalIP', address: `10.0.${o.name.length % 200}.${(o.name.charCodeAt(o.name.length - 1) * 7) % 250}` },
        { type: 'Hostname', address: o.name },
      ],
      nodeInfo: {
        architecture: o.arch ?? 'amd64',
        bootID: uidOf(`boot/${o.name}`),
        containerRuntimeVersion: 'containerd://1.7.22',
        kernelVersion: `6.1.112-122.189.amzn2023.${o.arch === 'arm64' ? 'aarch64' : 'x86_64'}`,
        kubeProxyVersion: 'v1.31.2-eks-94953ac',
        kubeletVersion: 'v1.31.2-eks-94953ac',
        machineID: uidOf(`machine/${o.name}`).replace(/-/g, ''),
        operatingSystem: 'linux',
        osImage: 'Amazon Linux 2023.6.20241121',
        systemUUID: uidOf(`system/${o.name}`),
      },
    },
  };
}

/** Three healthy nodes, one per zone of eu-west-1: the usual backdrop. */
export function threeNodes(): k8s.V1Node[] {
  return [
    node({ name: 'ip-10-0-1-23.eu-west-1.compute.internal', zone: 'eu-west-1a' }),
    node({ name: 'ip-10-0-2-41.eu-west-1.compute.internal', zone: 'eu-west-1b' }),
    node({ name: 'ip-10-0-3-17.eu-west-1.compute.internal', zone: 'eu-west-1c' }),
  ];
}

export const NODE_A = 'ip-10-0-1-23.eu-west-1.compute.internal';
export const NODE_B = 'ip-10-0-2-41.eu-west-1.compute.internal';
export const NODE_C = 'ip-10-0-3-17.eu-west-1.compute.internal';
