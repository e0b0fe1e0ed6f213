/**
 * The node agents read on one node (its DaemonSet pods of every namespace: CNI agents, device
 * plugins, log shippers): which of them serves a plugin, and in what state it is.
 */
import type { NodeAgentsEvidence, PodEvidence } from './evidence.js';
import { getLastTermination, getWaiting } from './pod-status.js';

export type NodeAgent = NodeAgentsEvidence['agents'][number];

/** What names an agent: its pod, its controller, its images. */
export interface AgentIdentity {
  name: string;
  owner?: string;
  images: readonly string[];
  /** Ports it serves on the node's own address: hostPorts, or every container port on the host network. */
  nodePorts?: readonly number[];
}

export function identityOf(a: NodeAgent): AgentIdentity {
  const ports = a.pod.containers.flatMap((c) => c.ports.flatMap((p) => (p.hostPort !== undefined ? [p.hostPort] : a.pod.hostNetwork ? [p.containerPort] : [])));
  return { name: a.pod.name, ...(a.owner ? { owner: a.owner } : {}), images: a.pod.containers.map((c) => c.image), ...(ports.length > 0 ? { nodePorts: ports } : {}) };
}

/** The failing container of an agent pod, told as "crash-looping (exit 1, 9 restarts)". */
export function describeAgentState(pod: PodEvidence): { failing: boolean; state: string } {
  const c = pod.containers.find((x) => !x.ready) ?? pod.initContainers.find((x) => getWaiting(x) !== undefined);
  if (c === undefined) return { failing: false, state: 'running and ready' };
  const waiting = getWaiting(c);
  const last = getLastTermination(c);
  const exit = last ? `exit ${last.exitCode}${last.reason && last.reason !== 'Error' ? ` ${last.reason}` : ''}, ` : '';
  if (waiting?.reason === 'CrashLoopBackOff') return { failing: true, state: `crash-looping (${exit}${c.restartCount} restarts)` };
  if (waiting !== undefined) return { failing: true, state: `waiting: ${waiting.reason}${c.restartCount > 0 ? ` (${exit}${c.restartCount} restarts)` : ''}` };
  return { failing: true, state: `not ready${c.restartCount > 0 ? ` (${exit}${c.restartCount} restarts)` : ''}` };
}

/** The agent on a read node that `isOurs` picks, a failing one first, with its log (the crashed run's first). */
export function findNodeAgent(read: NodeAgentsEvidence | undefined, isOurs: (a: AgentIdentity) => boolean): { agent: NodeAgent; logs: string[] } | undefined {
  if (read === undefined) return undefined;
  const mine = read.agents.filter((a) => isOurs(identityOf(a)));
  const agent = mine.find((a) => describeAgentState(a.pod).failing) ?? mine[0];
  if (agent === undefined) return undefined;
  const logs = read.logs.filter((l) => l.pod === agent.pod.name).sort((a, b) => Number(b.previous) - Number(a.previous));
  return { agent, logs: logs[0]?.lines ?? [] };
}

/** Vendor domains too broad to tell one agent from another (aws-node is AWS's CNI agent, not a device plugin). */
const BROAD_VENDORS = new Set(['aws', 'amazon', 'google', 'azure', 'microsoft', 'k8s', 'kubernetes', 'example']);

/**
 * Whether an agent is the device plugin of an extended resource: "nvidia-device-plugin-daemonset"
 * for nvidia.com/gpu, "neuron-device-plugin" for aws.amazon.com/neuron, "amdgpu-device-plugin" for
 * amd.com/gpu. Any agent named a device plugin, or carrying the resource's vendor.
 */
export function isDevicePluginAgent(a: AgentIdentity, resource: string): boolean {
  const slash = resource.indexOf('/');
  const vendor = resource.slice(0, slash).split('.')[0]?.toLowerCase() ?? '';
  const names = [a.name, a.owner ?? '', ...a.images.map((i) => i.replace(/^.*\//, ''))].map((s) => s.toLowerCase());
  return names.some((s) => s.includes('device-plugin') || (vendor.length >= 3 && !BROAD_VENDORS.has(vendor) && s.includes(vendor)));
}
