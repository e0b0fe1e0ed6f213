/**
 * Calls to a host outside the cluster that time out at the destination's own address, from pods
 * whose environment names a forward proxy (HTTP(S)_PROXY, literal or from a ConfigMap taken
 * whole): the client dials directly and ignores the proxy variables, and an egress that lets only
 * the proxy out drops the packets. Node's built-in fetch (undici) is the common case — unlike
 * node-fetch with a proxy agent, axios or curl, it never reads HTTPS_PROXY — so a release that
 * moved to it is the trigger. Pure.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { NamespaceObjectEvidence } from './evidence-context.js';
import type { RevisionEvidence, ServiceEvidence } from './evidence.js';
import { isClusterHost, isExemptFromProxy, readProxyEnv } from './proxy-env.js';
import { sortRevisions } from './revision-diff.js';
import { isInTriggerWindow } from './trigger-window.js';
import type { IsoTime } from './evidence-spec.js';

const PROXY_NAME = /^(?:https?|all)_proxy$/i;
/** Node's built-in fetch speaks through undici: its errors and stack frames say so. */
const UNDICI = /\bundici\b|UND_ERR_|\bfetch failed\b/i;

export interface ProxyBypass {
  /** The proxy variables the container has, and where they come from. */
  names: string[];
  where: string;
  /** The outside host:port dialled directly. */
  dependency: string;
  /** The client that ignores them, when the lines name it. */
  client?: string;
  /** The newest revision, when it rolled out just before the timeouts began. */
  revision?: RevisionEvidence;
}

/** The proxy variables of a container: literal env, or the keys of a ConfigMap it takes whole. */
export function findProxyVariables(c: Pick<ContainerSpecEvidence, 'env' | 'envFrom'>, objects: readonly NamespaceObjectEvidence[]): { names: string[]; where: string; noProxy?: string[] } | undefined {
  const literal = readProxyEnv(c.env, c.envFrom);
  if (literal !== undefined) return { names: literal.names, where: 'the pod template', ...(literal.noProxy ? { noProxy: literal.noProxy } : {}) };
  for (const f of c.envFrom ?? []) {
    if (f.kind !== 'configMap') continue;
    const keys = objects.find((o) => o.kind === 'ConfigMap' && o.name === f.name)?.keys ?? [];
    const names = keys.filter((k) => PROXY_NAME.test(k)).map((k) => `${f.prefix ?? ''}${k}`);
    if (names.length > 0 && (f.prefix ?? '') === '') return { names, where: `ConfigMap ${f.name} (envFrom)` };
  }
  return undefined;
}

export function findProxyBypass(input: {
  container: Pick<ContainerSpecEvidence, 'env' | 'envFrom'> | undefined;
  objects: readonly NamespaceObjectEvidence[];
  services: readonly ServiceEvidence[];
  revisions: readonly RevisionEvidence[];
  dependency: string | undefined;
  lines: readonly string[];
  onset: IsoTime | undefined;
}): ProxyBypass | undefined {
  const { container, dependency } = input;
  if (container === undefined || dependency === undefined) return undefined;
  const proxy = findProxyVariables(container, input.objects);
  if (proxy === undefined) return undefined;
  const host = dependency.replace(/:\d+$/, '').toLowerCase();
  const services = new Set(input.services.map((s) => s.name.toLowerCase()));
  const clusterIps = new Set(input.services.flatMap((s) => (s.clusterIP ? [s.clusterIP] : [])));
  // A host of the cluster, or one NO_PROXY exempts, is dialled directly by design.
  if (isClusterHost(host, services, clusterIps) || !host.includes('.') || isExemptFromProxy(host, proxy.noProxy ?? [])) return undefined;
  // Timing out at the proxy itself is another story (the proxy is unreachable).
  if (/proxy/i.test(host)) return undefined;
  const client = input.lines.some((l) => UNDICI.test(l)) ? "Node's built-in fetch (undici)" : undefined;
  const [newest] = sortRevisions(input.revisions);
  const revision = newest !== undefined && isInTriggerWindow(newest.createdAt, input.onset) ? newest : undefined;
  return { names: proxy.names, where: proxy.where, dependency, ...(client ? { client } : {}), ...(revision ? { revision } : {}) };
}

/** The words of a bypassed proxy: title clause, cause, action, fix. */
export function explainProxyBypass(b: ProxyBypass): { title: string; evidence: string[]; cause: string; action: string; fix: string } {
  const vars = b.names.join('/');
  const who = b.client ?? 'the HTTP client';
  const fix = b.client
    ? `route ${who} through the proxy (an undici ProxyAgent or EnvHttpProxyAgent as its dispatcher, or NODE_USE_ENV_PROXY=1 on a Node that supports it)`
    : `make the client use the proxy of ${vars}`;
  return {
    title: `Connections to ${b.dependency} time out: ${who} ignores the ${vars} proxy the pods have and dials directly, and egress goes out only through the proxy`,
    evidence: [`the container has ${vars} from ${b.where}, yet the calls time out at ${b.dependency} itself, not at the proxy`],
    cause: `The pods have ${vars} (${b.where}), so egress to the outside is meant to go through that proxy; the timeouts are at ${b.dependency} itself, so the client connects directly and the egress rules (a NetworkPolicy or firewall that lets only the proxy out) drop the packets. ${b.client ? `${who} does not read HTTP(S)_PROXY, unlike node-fetch with a proxy agent or most other clients: a release that switched to it stops using the proxy.` : 'The client does not read the proxy variables.'}`,
    action: `Check the egress NetworkPolicies of these pods (only the proxy allowed out?) and what ${b.revision ? `revision ${b.revision.revision}` : 'the newest release'} changed in its HTTP client; ${fix}.`,
    fix,
  };
}
