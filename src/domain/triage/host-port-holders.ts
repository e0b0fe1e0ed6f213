/**
 * A pod on the host network binds its ports on the node itself: when it cannot ("address already
 * in use"), the holder is another host-network process of that node — usually a node agent (a
 * DaemonSet of another namespace) whose port the scheduler never saw because it declares none.
 * Which pods to ask about, and how a pod's spec says it listens on a port (a declared port, a
 * `--web.listen-address=:8080` flag, a PORT variable).
 */
import type { LogEvidence, PodEvidence, PortHolderEvidence } from './evidence.js';
import { findPortInUse } from './port-clash.js';
import { isPodFailing } from './pod-status.js';

/** Reads of a node's pods for a bind failure: one list per node, at most this many nodes. */
const MAX_NODES = 2;

/** The nodes where the workload's host-network pods fail to bind a port, and the ports. */
export function pickHostPortClashes(pods: readonly PodEvidence[], logs: readonly LogEvidence[], now: string): { node: string; ports: number[] }[] {
  const byNode = new Map<string, Set<number>>();
  for (const p of pods) {
    if (p.hostNetwork !== true || p.nodeName === undefined || !isPodFailing(p, now)) continue;
    const ports = logs.filter((l) => l.pod === p.name).flatMap((l) => l.lines.slice(-40).flatMap((line) => findPortInUse(line) ?? []));
    if (ports.length === 0) continue;
    byNode.set(p.nodeName, new Set([...(byNode.get(p.nodeName) ?? []), ...ports]));
  }
  return [...byNode].slice(0, MAX_NODES).map(([node, ports]) => ({ node, ports: [...ports] }));
}

/** A container as its spec says it listens: what the adapter hands over from any pod of the node. */
export interface ListeningSpec {
  name: string;
  ports: { containerPort: number; hostPort?: number }[];
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string }[];
}

/** Names of variables that carry a listen address or port. */
const PORT_VARIABLE = /PORT|LISTEN|ADDR|BIND/i;

/**
 * How a container says it listens on `port`: "declares port 8080", "args --web.listen-address=:8080",
 * "env PORT=8080"; undefined when nothing in its spec names the port.
 */
export function findListenSetting(c: ListeningSpec, port: number): string | undefined {
  if (c.ports.some((p) => p.containerPort === port || p.hostPort === port)) return `declares port ${port}`;
  // ":8080", "0.0.0.0:8080", "--port=8080", "--http-port 8080": a bind address, not a peer's URL
  // (http://collector:8080), not 18080, not "--timeout=8080ms".
  const hostPort = new RegExp(`(?:^|[=\\s]|0\\.0\\.0\\.0|\\[?::\\]?|\\*|localhost|127\\.0\\.0\\.1):${port}(?![\\w.])`);
  const named = new RegExp(`(?:port|listen|addr|bind)[\\w.-]*=${port}(?![\\w.])`, 'i');
  const words = [...(c.command ?? []), ...(c.args ?? [])];
  const i = words.findIndex((a, k) => hostPort.test(a) || named.test(a) || (a === String(port) && PORT_VARIABLE.test(words[k - 1] ?? '')));
  const flag = i < 0 ? undefined : words[i - 1] !== undefined && words[i] === String(port) ? `${words[i - 1] ?? ''} ${port}` : words[i];
  if (flag !== undefined) return `${i >= (c.command ?? []).length ? 'args' : 'command'} ${flag}`;
  const env = (c.env ?? []).find((e) => PORT_VARIABLE.test(e.name) && e.value !== undefined && new RegExp(`(?:^|[:=])${port}$`).test(e.value.trim()));
  return env ? `env ${env.name}=${env.value ?? ''}` : undefined;
}

/** The host-network pods of other workloads that hold `port` on the failing host-network pods' nodes. */
export function findNodeHolders(holders: readonly PortHolderEvidence[] | undefined, pods: readonly PodEvidence[], port: number): PortHolderEvidence[] {
  const nodes = new Set(pods.filter((p) => p.hostNetwork === true).flatMap((p) => (p.nodeName ? [p.nodeName] : [])));
  return (holders ?? []).filter((h) => h.hostPort === port && nodes.has(h.node));
}
