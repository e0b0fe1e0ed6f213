// A pending pod pinned to one node (a DaemonSet's) that asks for host ports — or one refused for host ports by
// every node, read on the nodes the workload runs on —, or a host-network pod
// that cannot bind its port: which pod of any namespace already holds it there. One list of that
// node's pods (field selector), at most two nodes.
import type * as k8s from '@kubernetes/client-node';
import type { EvidenceSource, PodEvidence, PortHolderEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { findListenSetting, type ListeningSpec } from '../../domain/triage/host-port-holders.js';
import { findCondition } from '../../domain/triage/evidence-lookup.js';
import { controllerOf, mapForeignPod } from './map-pod.js';
import { pageParams } from './paginate.js';
import { toProtocol } from './map-common.js';

const MAX_NODES = 2;
/** The scheduler's refusal for host ports another pod of the node binds. */
const FREE_PORTS = /didn't have free ports/i;
/** A node runs at most a few hundred pods; more pages than this are not read. */
const MAX_PODS = 500;

/** The pods of one node, of every namespace (field selector), up to a node's worth. */
export async function listPodsOnNode(ctx: CollectContext, node: string, source: EvidenceSource): Promise<k8s.V1Pod[]> {
  return (await readPodsOnNode(ctx, node, source)).items;
}

/**
 * The same list, saying whether it failed: an empty list that could not be read proves no absence.
 * Listed once per triage and node (ctx.podsOnNode); a failure is recorded under the first reader's source.
 */
export function readPodsOnNode(ctx: CollectContext, node: string, source: EvidenceSource): Promise<{ items: k8s.V1Pod[]; failed: boolean }> {
  const listed = ctx.podsOnNode.get(node);
  if (listed !== undefined) return listed;
  const list = ctx.reads.list(`pods on node ${node}`, source, (cont, limit, o) =>
    ctx.clients.core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${node}`, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_PODS },
  );
  ctx.podsOnNode.set(node, list);
  return list;
}

/** A pod of a node that is not the workload's own, with its namespace and owning controller ("DaemonSet agent"). */
export interface OtherPodOnNode {
  namespace: string;
  owner?: string;
  pod: PodEvidence;
}

/**
 * The pods of `node` except the workload's own (`own`: its pod names in ctx.namespace), from the
 * shared per-node list; undefined when that list could not be read, so that nothing is said of
 * what runs on the node (its failure is reported).
 */
export async function readOtherPodsOnNode(ctx: CollectContext, node: string, source: EvidenceSource, own: ReadonlySet<string>): Promise<OtherPodOnNode[] | undefined> {
  const listed = await readPodsOnNode(ctx, node, source);
  if (listed.failed) return undefined;
  return listed.items.flatMap((p) => {
    const namespace = p.metadata?.namespace ?? '';
    if (namespace === ctx.namespace && own.has(p.metadata?.name ?? '')) return [];
    const c = controllerOf(p);
    return [{ namespace, ...(c === undefined ? {} : { owner: `${c.kind} ${c.name}` }), pod: mapForeignPod(p) }];
  });
}

/** Nodes and the host ports our pending pods need there: a pinned pod's one node, else where the workload's placed pods run. */
export function pickPortWaits(pods: readonly PodEvidence[]): { node: string; ports: number[] }[] {
  // One read per node, however many of our pods wait for it.
  const byNode = new Map<string, Set<number>>();
  const add = (node: string, ports: readonly number[]) => byNode.set(node, new Set([...(byNode.get(node) ?? []), ...ports]));
  const hostPorts = (p: PodEvidence) => p.containers.flatMap((c) => c.ports.flatMap((x) => (x.hostPort !== undefined ? [x.hostPort] : [])));
  // A pod free to go anywhere, refused by every node for its host ports: the nodes we know hold them too.
  const placed = [...new Set(pods.flatMap((p) => (p.nodeName !== undefined && p.phase === 'Running' ? [p.nodeName] : [])))];
  for (const p of pods) {
    const node = p.placement?.pinnedNode;
    const ports = hostPorts(p);
    if (p.nodeName !== undefined || p.phase !== 'Pending' || ports.length === 0) continue;
    if (node !== undefined) add(node, ports);
    else if (FREE_PORTS.test(findCondition(p.conditions, 'PodScheduled')?.message ?? '')) for (const n of placed.slice(0, MAX_NODES)) add(n, ports);
  }
  return [...byNode].slice(0, MAX_NODES).map(([node, ports]) => ({ node, ports: [...ports] }));
}

export async function readPortHolders(ctx: CollectContext, waits: readonly { node: string; ports: number[] }[], own: ReadonlySet<string>): Promise<PortHolderEvidence[]> {
  const found = await Promise.all(
    waits.map(async ({ node, ports }) => {
      const pods = await listPodsOnNode(ctx, node, 'portHolders');
      return pods.flatMap((pod) => {
        const name = pod.metadata?.name ?? '';
        if (own.has(name)) return [];
        const owner = controllerOf(pod);
        const bound = (pod.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).flatMap((p) => (p.hostPort !== undefined && ports.includes(p.hostPort) ? [{ hostPort: p.hostPort, protocol: toProtocol(p.protocol) }] : [])));
        return bound.map(({ hostPort, protocol }) => ({ node, hostPort, protocol, namespace: pod.metadata?.namespace ?? '', pod: name, ...(owner ? { owner: `${owner.kind} ${owner.name}` } : {}) }));
      });
    }),
  );
  return found.flat();
}

/** A container as the domain reads how it listens: declared ports, flags, literal env values. */
function toListeningSpec(c: k8s.V1Container): ListeningSpec {
  return {
    name: c.name,
    ports: (c.ports ?? []).map((p) => ({ containerPort: p.containerPort, ...(p.hostPort === undefined ? {} : { hostPort: p.hostPort }) })),
    ...(c.command ? { command: c.command } : {}),
    ...(c.args ? { args: c.args } : {}),
    env: (c.env ?? []).flatMap((e) => (e.value === undefined ? [] : [{ name: e.name, value: e.value }])),
  };
}

/**
 * Host-network pods of other workloads that listen on the ports our host-network pods fail to
 * bind on that node: one list of the node's pods each (at most two nodes, see pickHostPortClashes).
 */
export async function readHostNetworkHolders(ctx: CollectContext, clashes: readonly { node: string; ports: number[] }[], own: ReadonlySet<string>): Promise<PortHolderEvidence[]> {
  const found = await Promise.all(
    clashes.map(async ({ node, ports }) => {
      const pods = await listPodsOnNode(ctx, node, 'portHolders');
      return pods.flatMap((pod) => {
        const name = pod.metadata?.name ?? '';
        if (own.has(name) || pod.spec?.hostNetwork !== true) return [];
        const owner = controllerOf(pod);
        return ports.flatMap((port) => {
          const setting = (pod.spec?.containers ?? []).map((c) => findListenSetting(toListeningSpec(c), port)).find((s) => s !== undefined);
          return setting === undefined ? [] : [{ node, hostPort: port, namespace: pod.metadata?.namespace ?? '', pod: name, setting, ...(owner ? { owner: `${owner.kind} ${owner.name}` } : {}) }];
        });
      });
    }),
  );
  return found.flat();
}
