/**
 * A node whose CNI agent (calico-node, cilium, aws-node, flannel…) is not ready: it programs the
 * node's pod network — its routes to the other nodes' pods (Calico's BGP sessions through BIRD),
 * its tunnels, its policy — so while it is down the pods on that node reach nothing off the node:
 * lookups to the cluster DNS and calls to databases on other nodes time out, while the same pods on
 * other nodes are fine. The DNS timeouts are a symptom there, not the cause. The agent says why in
 * its readiness probe ("BGP not established with …") and, at start, which address it took for the
 * node: IP autodetection that picks the first interface it finds can take a container bridge's
 * address after a reboot, and no peer reaches the node there.
 */
import type { CniAgentDownEvidence, EventEvidence, LogEvidence, NodeEvidence, NodeNetworkEvidence, PodEvidence } from './evidence.js';
import { isNetworkAgent } from './packet-size.js';

type NodePod = NodeNetworkEvidence['pods'][number];

/** The node's CNI agent pod when one of its containers is not ready, and the container to read. */
export function pickDownCniAgent(pods: readonly NodePod[]): Pick<CniAgentDownEvidence, 'namespace' | 'pod' | 'container'> | undefined {
  const agent = pods.find((p) => (p.owner ?? '').startsWith('DaemonSet ') && !p.pod.ready && p.pod.deletionTimestamp === undefined && isNetworkAgent({ name: p.pod.name, owner: (p.owner ?? '').replace(/^DaemonSet /, ''), images: p.pod.containers.map((c) => c.image) }));
  if (agent === undefined) return undefined;
  const container = agent.pod.containers.find((c) => !c.ready && isNetworkAgent({ name: c.name, images: [c.image] })) ?? agent.pod.containers.find((c) => !c.ready) ?? agent.pod.containers[0];
  return container === undefined ? undefined : { namespace: agent.namespace, pod: agent.pod.name, container: container.name };
}

const IPV4 = /\b(\d{1,3}(?:\.\d{1,3}){3})(?:\/\d{1,2})?\b/g;
/** A line where an agent states the address or interface it took for the node. */
const ADDRESS_CHOICE = /autodetect|\binterface\b[^\n]*\d{1,3}(?:\.\d{1,3}){3}|\bnode (?:IPv4 )?(?:address|IP)\b|\bIPv4 address\b|\bNode-?IP\b/i;
const FAILS = /\b(?:error|fatal|failed)\b|\[(?:ERROR|WARNING|FATAL)\]|level=(?:error|warning|fatal)/i;
/** Lines of the start of an agent's log kept, at most. */
const MAX_START_LINES = 20;

/** The lines of the start of an agent's log that say what it chose for the node, or that fail. */
export function readAgentStartLines(lines: readonly string[]): string[] {
  return lines.filter((l) => ADDRESS_CHOICE.test(l) || FAILS.test(l)).slice(0, MAX_START_LINES).map((l) => l.trim());
}

/** Interfaces that are no node's own: bridges of a container engine, virtual machines, the CNI's own devices. */
const VIRTUAL_INTERFACE = /^(?:br-[0-9a-f]+|docker\d*|virbr\d*|podman\d*|cni\d*|cali\w*|veth\w*|vxlan\S*|flannel\S*|tunl\d*|kube-bridge|lxc\w*|cilium_\w+|lo)$/;

export interface AddressChoice {
  /** The agent's line that states it. */
  line: string;
  address: string;
  iface?: string;
  /** The interface is a bridge or virtual device, not the node's network interface. */
  virtual: boolean;
  /** The node's InternalIP(s), when known. */
  internal: string[];
}

/**
 * The address the agent took for the node when it is not the node's own: not its InternalIP (when
 * the node states one), or on a bridge or virtual interface. The last such statement wins (an
 * agent that updated the node's address says "from … to …").
 */
export function readWrongAddress(lines: readonly string[], node: NodeEvidence | undefined): AddressChoice | undefined {
  const internal = (node?.addresses ?? []).filter((a) => a.type === 'InternalIP').map((a) => a.address);
  let found: AddressChoice | undefined;
  for (const line of lines) {
    if (!ADDRESS_CHOICE.test(line)) continue;
    const addresses = [...line.matchAll(IPV4)].map((m) => m[1] ?? '').filter((a) => a !== '' && !a.startsWith('127.'));
    const address = addresses.at(-1);
    if (address === undefined) continue;
    const iface = /\binterface(?: with name)? ([\w.@-]+?):?(?:\s|$)/i.exec(line)?.[1];
    const virtual = iface !== undefined && VIRTUAL_INTERFACE.test(iface);
    const foreign = internal.length > 0 && !internal.includes(address);
    if (foreign || virtual) found = { line: line.trim(), address, ...(iface === undefined ? {} : { iface }), virtual, internal };
    else if (internal.includes(address)) found = undefined;
  }
  // "updated … from 10.0.0.5/20 to 172.17.0.1/16" names no interface: the autodetection line before it does.
  if (found !== undefined && found.iface === undefined) {
    const named = lines.find((l) => l.includes(found?.address ?? '-') && /\binterface\b/i.test(l));
    const iface = named === undefined ? undefined : /\binterface(?: with name)? ([\w.@-]+?):?(?:\s|$)/i.exec(named)?.[1];
    if (named !== undefined && iface !== undefined) found = { ...found, line: named.trim(), iface, virtual: VIRTUAL_INTERFACE.test(iface) };
  }
  return found;
}

/** The agent's newest probe failure, without the kubelet's "Readiness probe failed:" prefix. */
export function readProbeFailure(events: readonly EventEvidence[]): { event: EventEvidence; text: string } | undefined {
  const failed = events.filter((e) => e.reason === 'Unhealthy').sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0));
  const event = failed.find((e) => /^Readiness/i.test(e.message)) ?? failed[0];
  if (event === undefined) return undefined;
  const text = event.message.replace(/^(?:Readiness|Liveness|Startup) probe (?:failed|errored):\s*/i, '').replace(/\s+/g, ' ').trim();
  return { event, text: text.length > 200 ? `${text.slice(0, 199)}…` : text };
}

/** Lookups and connections that got no answer: the pod's packets leave the node and nothing comes back. */
const UNANSWERED = /\bi\/o timeout|ETIMEDOUT|connection timed out|connect timed out|EAI_AGAIN|Temporary failure in name resolution|no servers could be reached|timed out waiting for DNS/i;

/** The lines of a pod's current logs that time out off the node. */
export function readUnanswered(logs: readonly LogEvidence[], pod: PodEvidence): string[] {
  return logs.filter((l) => l.pod === pod.name && !l.previous).flatMap((l) => l.lines.filter((x) => UNANSWERED.test(x)));
}
