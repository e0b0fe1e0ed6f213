// Where the workload's calls time out only from its pods on one node group: the CNI agent of one
// node there and of one node where they do not (one field-selector list of each node's pods,
// shared with the other node reads, and the head of the agent's current log). Agents state the
// MTU they detect and give the pods when they start, so the head of the log is read, not its
// tail (limitBytes, no tailLines); only the lines that state an MTU are kept.
import type { CniAgentEvidence } from '../../domain/triage/evidence-cni-agent.js';
import { isNetworkAgent, readMtuLines } from '../../domain/triage/packet-size.js';
import type { CollectContext } from './collect-context.js';
import { controllerOf } from './map-pod.js';
import { readPodsOnNode } from './read-port-holders.js';
import { splitLogLines } from './read-pod-details.js';

/** The start of an agent's log: its startup, where it states the MTU. */
const HEAD_BYTES = 32_000;

async function readNodeAgent(ctx: CollectContext, node: string): Promise<CniAgentEvidence[]> {
  const listed = await readPodsOnNode(ctx, node, 'cniAgents');
  // A list that failed is reported by the list itself; nothing is claimed about the node.
  if (listed.failed) return [];
  const agent = listed.items.find((p) => {
    const owner = controllerOf(p);
    return owner?.kind === 'DaemonSet' && isNetworkAgent({ name: p.metadata?.name ?? '', owner: owner.name, images: (p.spec?.containers ?? []).map((c) => c.image ?? '') });
  });
  const name = agent?.metadata?.name;
  const namespace = agent?.metadata?.namespace;
  const container = agent?.spec?.containers.find((c) => isNetworkAgent({ name: c.name, images: [c.image ?? ''] })) ?? agent?.spec?.containers[0];
  if (name === undefined || namespace === undefined || container === undefined) return [];
  const out: CniAgentEvidence = { node, namespace, pod: name };
  const r = await ctx.objectGate(() => ctx.reads.attempt((options) => ctx.clients.core.readNamespacedPodLog({ name, namespace, container: container.name, limitBytes: HEAD_BYTES }, options)));
  if (r.ok) out.log = { pod: name, container: container.name, previous: false, lines: readMtuLines(splitLogLines(r.value)).map((l) => l.line) };
  else ctx.reads.failures.push({ what: `start of the log of ${namespace}/${name}/${container.name}`, source: 'cniAgents', reason: r.reason, detail: r.detail });
  return [out];
}

/** The CNI agents of the nodes (at most two: one where calls time out, one where they do not). */
export async function readCniAgents(ctx: CollectContext, nodes: readonly string[]): Promise<CniAgentEvidence[]> {
  return (await Promise.all(nodes.slice(0, 2).map((n) => readNodeAgent(ctx, n)))).flat();
}
