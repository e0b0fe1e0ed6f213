// Pods placed on a node whose sandbox the kubelet cannot create because a CNI plugin fails: the
// node agents (DaemonSet pods of every namespace) of that node, by one field-selector list, and the
// log tail of that plugin's agent there when it is not ready. At most two nodes.
import type { EventEvidence, LogEvidence, NodeAgentsEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import { isCniAgent, parseSandboxFailure } from '../../domain/triage/sandbox-failure.js';
import type { CollectContext } from './collect-context.js';
import { controllerOf, mapForeignPod } from './map-pod.js';
import { readLogs } from './read-pod-details.js';
import { listPodsOnNode } from './read-port-holders.js';

const MAX_NODES = 2;

/** Nodes of the workload's pods whose FailedCreatePodSandBox names a CNI plugin, one read per node. */
export function pickSandboxNodes(events: readonly EventEvidence[], pods: readonly PodEvidence[]): { node: string; plugin: string }[] {
  const byNode = new Map<string, string>();
  for (const e of events) {
    if (e.reason !== 'FailedCreatePodSandBox' || e.object.kind !== 'Pod') continue;
    const plugin = parseSandboxFailure(e.message).plugin;
    const node = pods.find((p) => p.name === e.object.name)?.nodeName;
    if (plugin !== undefined && node !== undefined && !byNode.has(node)) byNode.set(node, plugin);
  }
  return [...byNode].slice(0, MAX_NODES).map(([node, plugin]) => ({ node, plugin }));
}

async function readAgentLog(ctx: CollectContext, agents: NodeAgentsEvidence['agents'], plugin: string): Promise<LogEvidence[]> {
  const failing = agents.find((a) => !a.pod.ready && isCniAgent({ name: a.pod.name, ...(a.owner ? { owner: a.owner } : {}), images: a.pod.containers.map((c) => c.image) }, plugin));
  const container = failing?.pod.containers.find((c) => !c.ready);
  if (failing === undefined || container === undefined) return [];
  const crashed = container.restartCount > 0;
  return readLogs(ctx, [{ pod: failing.pod.name, container: container.name, previous: crashed, why: 'system', restarts: container.restartCount, namespace: failing.namespace }]);
}

export async function readNodeAgents(ctx: CollectContext, waits: readonly { node: string; plugin: string }[]): Promise<NodeAgentsEvidence[]> {
  return Promise.all(
    waits.map(async ({ node, plugin }) => {
      const pods = await listPodsOnNode(ctx, node, 'nodeAgents');
      const agents = pods.flatMap((p) => {
        const owner = controllerOf(p);
        return owner?.kind === 'DaemonSet' ? [{ namespace: p.metadata?.namespace ?? '', owner: `${owner.kind} ${owner.name}`, pod: mapForeignPod(p) }] : [];
      });
      return { node, agents, logs: await readAgentLog(ctx, agents, plugin) };
    }),
  );
}
