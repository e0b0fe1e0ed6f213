// A node where only the workload's pods time out on the network, or whose kernel reports its conntrack
// table full: its pods of every namespace (one field-selector list; node agents and what started there
// lately are kept) and the log tail of its kube-proxy. At most two nodes (pickNetworkNodes). When the
// node's CNI agent is not ready there: its Unhealthy events (one field-selector list, at most 20), the
// tail of its current log and the start of it (limitBytes: the address it took for the node is stated
// at start; only the lines that state such a choice or fail are kept).
import type { CniAgentDownEvidence, LogEvidence, NodeNetworkEvidence } from '../../domain/triage/evidence.js';
import { pickDownCniAgent, readAgentStartLines } from '../../domain/triage/node-cni-agent.js';
import { isKubeProxy } from '../../domain/triage/node-network.js';
import type { CollectContext } from './collect-context.js';
import { mapEvent } from './map-event.js';
import { controllerOf, mapForeignPod } from './map-pod.js';
import { readLogs, splitLogLines } from './read-pod-details.js';
import { listPodsOnNode } from './read-port-holders.js';

/** The start of an agent's current log: where it states the node's address. */
const AGENT_HEAD_BYTES = 32_000;
/** Distinct probe failures of one pod: the API server aggregates repeats. */
const AGENT_EVENT_LIMIT = 20;

async function readDownCniAgent(ctx: CollectContext, agent: Pick<CniAgentDownEvidence, 'namespace' | 'pod' | 'container'>): Promise<{ cniAgent: CniAgentDownEvidence; logs: LogEvidence[] }> {
  const { namespace, pod, container } = agent;
  const { core } = ctx.clients;
  const [events, head, logs] = await Promise.all([
    ctx.eventGate(() => ctx.reads.attempt((options) => core.listNamespacedEvent({ namespace, fieldSelector: `involvedObject.kind=Pod,involvedObject.name=${pod},reason=Unhealthy`, limit: AGENT_EVENT_LIMIT }, options))),
    ctx.objectGate(() => ctx.reads.attempt((options) => core.readNamespacedPodLog({ name: pod, namespace, container, limitBytes: AGENT_HEAD_BYTES }, options))),
    readLogs(ctx, [{ pod, container, previous: false, why: 'system', restarts: 0, namespace }]),
  ]);
  if (!events.ok) ctx.reads.failures.push({ what: `Unhealthy events of pod ${pod} in ${namespace}`, source: 'nodeNetwork', reason: events.reason, detail: events.detail });
  if (!head.ok) ctx.reads.failures.push({ what: `start of the log of ${namespace}/${pod}/${container}`, source: 'nodeNetwork', reason: head.reason, detail: head.detail });
  return {
    cniAgent: {
      ...agent,
      ...(events.ok ? { probeEvents: events.value.items.map(mapEvent) } : {}),
      ...(head.ok ? { startLines: readAgentStartLines(splitLogLines(head.value)) } : {}),
    },
    logs,
  };
}

/** Pods older than this are neither agents nor newcomers worth keeping. */
const RECENT_MS = 6 * 60 * 60_000;

export async function readNodeNetwork(ctx: CollectContext, nodes: readonly string[]): Promise<NodeNetworkEvidence[]> {
  return Promise.all(
    nodes.map(async (node) => {
      const listed = await listPodsOnNode(ctx, node, 'nodeNetwork');
      const now = ctx.now().getTime();
      const pods = listed.flatMap((p) => {
        const c = controllerOf(p);
        const owner = c === undefined ? undefined : `${c.kind} ${c.name}`;
        const created = p.metadata?.creationTimestamp === undefined ? Number.NaN : new Date(p.metadata.creationTimestamp).getTime();
        const keep = c?.kind === 'DaemonSet' || now - created <= RECENT_MS;
        return keep ? [{ namespace: p.metadata?.namespace ?? '', ...(owner === undefined ? {} : { owner }), pod: mapForeignPod(p) }] : [];
      });
      const proxy = pods.find((p) => isKubeProxy(p.pod.name, p.owner));
      const container = proxy?.pod.containers.find((c) => c.name === 'kube-proxy') ?? proxy?.pod.containers[0];
      const down = pickDownCniAgent(pods);
      const [logs, agent] = await Promise.all([
        proxy === undefined || container === undefined ? [] : readLogs(ctx, [{ pod: proxy.pod.name, container: container.name, previous: false, why: 'system', restarts: container.restartCount, namespace: proxy.namespace }]),
        down === undefined ? undefined : readDownCniAgent(ctx, down),
      ]);
      return { node, pods, logs: [...logs, ...(agent?.logs ?? [])], ...(agent === undefined ? {} : { cniAgent: agent.cniAgent }) };
    }),
  );
}
