// The node agents (DaemonSet pods of every namespace) of a node a plugin fails on, by one
// field-selector list, and the log tail of that plugin's agent there when it is not ready (or when
// the API server refuses the plugin, ready or not: the agent writes its credentials): a node
// whose sandbox the kubelet cannot create because a CNI plugin fails, a node the pods may use
// that advertises none of the device they ask for, or a node whose kubelet has not registered the
// CSI driver of a volume they wait on (its node plugin's failing container, one log). At most two nodes each. And where the workload's
// logs time out connecting, the policy-enforcing CNI agent of one such pod's node, ready or not: its
// log tail names the policy drops that no NetworkPolicy shows (cni-policy-drops.ts). And where the
// runtime refuses a pod for a Localhost AppArmor profile it does not find, the node of one such pod
// and of one ready pod: the profile loader that runs on one and not the other (apparmor-profile.ts).
// And where the workload's logs say its node-local proxy (HTTP(S)_PROXY from status.hostIP, or a
// link-local address) refuses it, the node of such a pod: the DaemonSet pod that serves the proxy's
// port there, and its log when it is not ready (node-local-proxy.ts). And where the kubelet rejected
// pods at admission for a device it had none of (UnexpectedAdmissionError), that node's device
// plugin (device-admission.ts).
import type { EventEvidence, LogEvidence, NodeAgentsEvidence, NodeEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { AgentIdentity } from '../../domain/triage/node-agents.js';
import { identityOf, isDevicePluginAgent } from '../../domain/triage/node-agents.js';
import { isCniAgent, isRefusedByApiServer, parseSandboxFailure } from '../../domain/triage/sandbox-failure.js';
import { isPolicyAgent, pickPolicyDropNodes } from '../../domain/triage/cni-policy-drops.js';
import { isCsiNodePlugin, pickUnregisteredDrivers } from '../../domain/triage/csi-registration.js';
import { pickDeviceNodes } from '../../domain/triage/analyzers/placement.js';
import { isProfileLoader, pickProfileNodes } from '../../domain/triage/apparmor-profile.js';
import { pickProxyNodes, servesNodePort } from '../../domain/triage/node-local-proxy.js';
import { pickDeviceAdmissionNodes } from '../../domain/triage/device-admission.js';
import type { CollectContext } from './collect-context.js';
import { controllerOf, mapForeignPod } from './map-pod.js';
import { readLogs } from './read-pod-details.js';
import { readPodsOnNode } from './read-port-holders.js';

const MAX_NODES = 2;

/**
 * Nodes of the workload's pods whose FailedCreatePodSandBox names a CNI plugin, one read per node;
 * `refused` when the API server refuses the plugin (its agent may look ready and be refused too).
 */
export function pickSandboxNodes(events: readonly EventEvidence[], pods: readonly PodEvidence[]): { node: string; plugin: string; refused?: true }[] {
  const byNode = new Map<string, { plugin: string; refused?: true }>();
  for (const e of events) {
    if (e.reason !== 'FailedCreatePodSandBox' || e.object.kind !== 'Pod') continue;
    const failure = parseSandboxFailure(e.message);
    const node = pods.find((p) => p.name === e.object.name)?.nodeName;
    if (failure.plugin !== undefined && node !== undefined && !byNode.has(node)) byNode.set(node, { plugin: failure.plugin, ...(isRefusedByApiServer(failure) ? { refused: true as const } : {}) });
  }
  return [...byNode].slice(0, MAX_NODES).map(([node, v]) => ({ node, ...v }));
}

/** A node to read, and which of its agents is the plugin's. */
export interface AgentWait {
  node: string;
  isOurs: (a: AgentIdentity) => boolean;
  /** Read the agent's log even when it is ready: its log, not its state, is the lead. */
  whenReady?: true;
}

/**
 * The nodes whose agents to read: where the workload's pods get no sandbox network (the CNI
 * plugin's agent), then nodes the pending pods may use that advertise none of a device they ask
 * for (its device plugin). A node once.
 */
export function pickAgentWaits(events: readonly EventEvidence[], pods: readonly PodEvidence[], clusterNodes: readonly NodeEvidence[], logs: readonly LogEvidence[] = []): AgentWait[] {
  const waits: AgentWait[] = [
    // A plugin the API server refuses: its agent's log says whether the agent is refused too, ready or not.
    ...pickSandboxNodes(events, pods).map(({ node, plugin, refused }) => ({ node, isOurs: (a: AgentIdentity) => isCniAgent(a, plugin), ...(refused ? { whenReady: true as const } : {}) })),
    ...pickDeviceNodes(clusterNodes, pods).map(({ node, resource }) => ({ node, isOurs: (a: AgentIdentity) => isDevicePluginAgent(a, resource) })),
    // Pods rejected at admission for a device the node still advertises: its device plugin there keeps dying.
    ...pickDeviceAdmissionNodes(pods).map(({ node, resource }) => ({ node, isOurs: (a: AgentIdentity) => isDevicePluginAgent(a, resource) })),
    // A volume whose CSI driver the node's kubelet has not registered: the driver's node plugin there.
    ...pickUnregisteredDrivers(events, pods).map(({ node, driver }) => ({ node, isOurs: (a: AgentIdentity) => isCsiNodePlugin(a, driver) })),
    ...pickPolicyDropNodes(pods, logs).map((node) => ({ node, isOurs: isPolicyAgent, whenReady: true as const })),
    // A Localhost AppArmor profile the runtime lacks: a refused pod's node and a ready pod's, to tell which loader runs on one and not the other.
    ...pickProfileNodes(pods).map((node) => ({ node, isOurs: isProfileLoader })),
    // The pods' node-local egress proxy refuses them: the DaemonSet pod serving its port on that node (its crashed run's log when it is down).
    ...pickProxyNodes(pods, logs).map(({ node, port }) => ({ node, isOurs: (a: AgentIdentity) => servesNodePort(a, port) })),
  ];
  return waits.filter((w, i) => waits.findIndex((x) => x.node === w.node) === i);
}

async function readAgentLog(ctx: CollectContext, agents: NodeAgentsEvidence['agents'], { isOurs, whenReady }: AgentWait): Promise<LogEvidence[]> {
  const failing = agents.find((a) => (whenReady || !a.pod.ready) && isOurs(identityOf(a)));
  const container = failing?.pod.containers.find((c) => !c.ready) ?? (whenReady ? failing?.pod.containers[0] : undefined);
  if (failing === undefined || container === undefined) return [];
  const crashed = container.restartCount > 0;
  return readLogs(ctx, [{ pod: failing.pod.name, container: container.name, previous: crashed, why: 'system', restarts: container.restartCount, namespace: failing.namespace }]);
}

/** Each node's agents; a node whose pods could not be listed is left out (its read failure is reported). */
export async function readNodeAgents(ctx: CollectContext, waits: readonly AgentWait[]): Promise<NodeAgentsEvidence[]> {
  const reads = await Promise.all(
    waits.map(async (wait) => {
      const { node } = wait;
      const pods = await readPodsOnNode(ctx, node, 'nodeAgents');
      if (pods.failed) return [];
      const agents = pods.items.flatMap((p) => {
        const owner = controllerOf(p);
        return owner?.kind === 'DaemonSet' ? [{ namespace: p.metadata?.namespace ?? '', owner: `${owner.kind} ${owner.name}`, pod: mapForeignPod(p) }] : [];
      });
      return [{ node, agents, logs: await readAgentLog(ctx, agents, wait) }];
    }),
  );
  return reads.flat();
}
