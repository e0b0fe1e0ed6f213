/**
 * Pods the kubelet rejects at admission because the device manager has none of a device the node
 * still advertises ("Allocate failed due to requested number of devices unavailable for
 * vendor.com/dev. Requested: 1, Available: 0, which is unexpected"). The kubelet forgets a device
 * plugin's devices whenever the plugin's pod dies, while the node object keeps its allocatable
 * count: the scheduler goes on binding pods there and the kubelet rejects them. The plugin's pod
 * on that node (a DaemonSet pod) says why it keeps dying.
 */
import type { NodeAgentsEvidence, PodEvidence } from './evidence.js';
import { describeAgentState, identityOf, isDevicePluginAgent } from './node-agents.js';
import { getLastTermination } from './pod-status.js';

const UNAVAILABLE = /devices unavailable for ([\w.-]+\/[\w.-]+)/;
const MAX_NODES = 2;

/** The extended resource an UnexpectedAdmissionError says the device manager had none of. */
export function readUnavailableDevice(message: string | undefined): string | undefined {
  return UNAVAILABLE.exec(message ?? '')?.[1];
}

/** Nodes where pods were rejected for a device the device manager lacked, with that device: whose plugin to read. */
export function pickDeviceAdmissionNodes(pods: readonly PodEvidence[]): { node: string; resource: string }[] {
  const byNode = new Map<string, string>();
  for (const p of pods) {
    const resource = p.phase === 'Failed' && p.reason === 'UnexpectedAdmissionError' ? readUnavailableDevice(p.message) : undefined;
    if (resource !== undefined && p.nodeName !== undefined && !byNode.has(p.nodeName)) byNode.set(p.nodeName, resource);
  }
  return [...byNode].slice(0, MAX_NODES).map(([node, resource]) => ({ node, resource }));
}

export interface FailingDevicePlugin {
  node: string;
  /** "kube-system/DaemonSet name", or the pod's namespace/name when it has no owner. */
  agent: string;
  pod: string;
  state: string;
  restarts: number;
  oomKilled: boolean;
  memoryLimit?: string;
}

/** The device plugin's pod on a node the pods were rejected on, when it is failing (restarting or not ready). */
export function findFailingDevicePlugin(reads: readonly NodeAgentsEvidence[], nodes: readonly string[], resource: string): FailingDevicePlugin | undefined {
  for (const read of reads.filter((r) => nodes.includes(r.node))) {
    for (const a of read.agents) {
      if (!isDevicePluginAgent(identityOf(a), resource)) continue;
      const c = a.pod.containers.find((x) => !x.ready || x.restartCount > 0);
      const { failing, state } = describeAgentState(a.pod);
      if (c === undefined && !failing) continue;
      const restarts = c?.restartCount ?? 0;
      const last = c ? getLastTermination(c) : undefined;
      const limit = c?.resources.limits['memory'];
      return {
        node: read.node,
        agent: `${a.namespace}/${(a.owner ?? a.pod.name).replace(/^DaemonSet /, '')}`,
        pod: a.pod.name,
        state: failing ? state : `restarting (${last ? `last exit ${last.exitCode}${last.reason && last.reason !== 'Error' ? ` ${last.reason}` : ''}, ` : ''}${restarts} restarts)`,
        restarts,
        oomKilled: last?.reason === 'OOMKilled',
        ...(limit !== undefined ? { memoryLimit: String(limit) } : {}),
      };
    }
  }
  return undefined;
}
