/**
 * A forward proxy the pods reach on their own node: HTTP(S)_PROXY built from the node's address
 * (`http://$(NODE_IP):3128` with NODE_IP from status.hostIP), a link-local address (169.254.x.x,
 * bound on every node), or a host alias to one. The proxy is a DaemonSet on the host network (or
 * with a hostPort), so each pod talks to the copy on its node: when that copy is down, only the
 * pods of that node fail, and their HTTP client says so in its own words — a proxy error, not the
 * destination's refusal (Python requests' ProxyError "Unable to connect to proxy", Go's
 * "proxyconnect tcp: … connection refused", Node's "tunneling socket could not be established",
 * Java's "Unable to tunnel through proxy").
 */
import type { ContainerSpecEvidence, LogEvidence, PodEvidence } from './evidence.js';
import { readProxyEnv } from './proxy-env.js';
import type { AgentIdentity } from './node-agents.js';

/** A client library reporting that the proxy itself failed it (not the destination behind it). */
export const PROXY_CLIENT_ERROR = /\bProxyError\b|Unable to connect to proxy|\bproxyconnect (?:tcp|udp)\b|tunneling socket could not be established|Unable to tunnel through proxy|Failed to connect to proxy/i;
/** The proxy refused the connection, or could not be reached at all. */
const REFUSED = /connection refused|ECONNREFUSED|Errno 111\b|EHOSTUNREACH|no route to host|Unable to connect to proxy/i;

export interface NodeLocalProxy {
  /** The env names that set it. */
  names: string[];
  /** As written: "$(NODE_IP):3128", "169.254.20.11:3128". */
  proxy: string;
  port: number;
  /** Why it is the node's own: "NODE_IP from status.hostIP", "a link-local address". */
  via: string;
}

const LINK_LOCAL = /^169\.254\.\d{1,3}\.\d{1,3}$/;

/** The proxy a container's env names, when it is the one on the pod's node; undefined for any other proxy, or none. */
export function readNodeLocalProxy(c: Pick<ContainerSpecEvidence, 'env' | 'envFrom'>, hostAliases: readonly string[] = []): NodeLocalProxy | undefined {
  const env = readProxyEnv(c.env, c.envFrom);
  if (env === undefined) return undefined;
  const m = /^(.*):(\d+)$/.exec(env.proxy);
  const host = m?.[1] ?? env.proxy;
  const port = Number(m?.[2] ?? 80);
  const base = { names: env.names, proxy: env.proxy, port };
  // $(VAR) is expanded by the kubelet from an earlier env entry: the downward API's status.hostIP is the node.
  const ref = /^\$\((\w+)\)$/.exec(host)?.[1];
  if (ref !== undefined) {
    const source = (c.env ?? []).find((e) => e.name === ref);
    return source !== undefined && 'ref' in source && source.ref.kind === 'field' && source.ref.key === 'status.hostIP' ? { ...base, via: `${ref} from status.hostIP` } : undefined;
  }
  if (LINK_LOCAL.test(host)) return { ...base, via: 'a link-local address, served on each node' };
  const alias = hostAliases.find((a) => a.split(/\s+/).slice(1).includes(host))?.split(/\s+/)[0];
  return alias !== undefined && LINK_LOCAL.test(alias) ? { ...base, via: `host alias ${host} → ${alias}, a link-local address served on each node` } : undefined;
}

/** Whether a log line is a client's report that its proxy refused it (or was unreachable). */
export function isProxyRefusal(line: string): boolean {
  return PROXY_CLIENT_ERROR.test(line) && REFUSED.test(line);
}

const MAX_NODES = 2;

/** The nodes (at most two) of pods whose node-local proxy refuses them, with the proxy's port: the DaemonSet pod there says why. */
export function pickProxyNodes(pods: readonly PodEvidence[], logs: readonly LogEvidence[]): { node: string; port: number }[] {
  const out = new Map<string, number>();
  for (const log of logs) {
    const pod = pods.find((p) => p.name === log.pod);
    const c = pod?.containers.find((x) => x.name === log.container);
    if (pod?.nodeName === undefined || c === undefined || out.has(pod.nodeName)) continue;
    const proxy = readNodeLocalProxy(c);
    if (proxy !== undefined && log.lines.some(isProxyRefusal)) out.set(pod.nodeName, proxy.port);
  }
  return [...out].slice(0, MAX_NODES).map(([node, port]) => ({ node, port }));
}

/** Whether an agent serves a port on its node's address: a hostPort, or any container port on the host network. */
export function servesNodePort(a: AgentIdentity, port: number): boolean {
  return (a.nodePorts ?? []).includes(port);
}
