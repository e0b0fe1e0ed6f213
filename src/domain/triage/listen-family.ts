/**
 * Which IP family a server accepts connections on, and which family a Service reaches it over.
 * A socket bound to 0.0.0.0 (the IPv4 wildcard) accepts IPv4 only: a Service whose ClusterIP and
 * endpoints are IPv6 (single-stack IPv6) sends it connections it refuses, while the kubelet's
 * probes, which dial the pod's first (IPv4) address, keep passing. Python servers (gunicorn,
 * uvicorn, Django, Flask), Node, Ruby and nginx bind 0.0.0.0 that way; the JVM and Go's
 * net.Listen("tcp") open an unspecified 0.0.0.0 as a dual-stack socket, so theirs is no sign.
 */
import type { ContainerSpecEvidence, LogEvidence, PodEvidence } from './evidence-pod.js';
import type { IpFamily, ServiceEvidence } from './evidence-network.js';
import { findListenSetting } from './host-port-holders.js';
import { findListenAddresses } from './listen-lines.js';
import type { CalledService } from './service-callers.js';
import { matchesLabels } from './service-match.js';

export interface Ipv4OnlyBind {
  /** "0.0.0.0:8000", or "0.0.0.0" when the port is set apart ("--host 0.0.0.0 --port 8000"). */
  address: string;
  /** Where it is said: "command --bind 0.0.0.0:8000", "env HOST=0.0.0.0", `log <pod>: "<line>"`. */
  source: string;
}

/** The Service's families, primary first: spec.ipFamilies, else the family of its ClusterIP. */
export function readServiceFamilies(s: ServiceEvidence): IpFamily[] {
  if (s.ipFamilies !== undefined && s.ipFamilies.length > 0) return s.ipFamilies;
  if (s.clusterIP === undefined) return [];
  return [s.clusterIP.includes(':') ? 'IPv6' : 'IPv4'];
}

/** A Service that reaches its pods over IPv6 only: no IPv4 ClusterIP, no IPv4 endpoints. */
export function isIpv6Only(s: ServiceEvidence): boolean {
  const families = readServiceFamilies(s);
  return families.includes('IPv6') && !families.includes('IPv4');
}

/** Runtimes whose 0.0.0.0 is dual-stack (see above): their command or their options' variables. */
const DUAL_STACK_RUNTIME = /^(java|.*\/java)$|\.jar$|^JAVA_|^JDK_JAVA_OPTIONS$/;
/** Flags and variables that carry the address to listen on, not a peer's. */
const HOST_FLAG = /^-{1,2}(host|bind|listen|address|addr|server\.address|bind-address|listen-address|http-address)$|^-[bH]$/i;
const HOST_VARIABLE = /(^|_)(HOST|BIND|LISTEN|ADDR|ADDRESS)($|_)/i;
/** An IPv6 (or dual-stack) wildcard or address in a bind: "[::]:8000", ":::8000", "::". */
const IPV6_BIND = /\[[0-9a-f:]*\]:\d|(^|[=\s"'])::(\s|$|["',])|:::\d|\bIPv6 address\b|\btcp6\b/i;

function wildcardPort(text: string): number | undefined | 'none' {
  const m = /(?<![\d.])0\.0\.0\.0(?![\d.])(?:"?(?::|,\s*port\s+)(\d{1,5}))?/.exec(text);
  if (!m) return 'none';
  return m[1] === undefined ? undefined : Number(m[1]);
}

/** Whether `port` is what this spec or line binds: a named port must be it; a bare host needs the container to serve it. */
function bindsPort(found: number | undefined, port: number, served: boolean): boolean {
  return found === undefined ? served : found === port;
}

/** The container's own words (spec, then its startup lines) that it listens on `port` over IPv4 only; undefined when it also listens on IPv6. */
export function findIpv4OnlyBind(c: ContainerSpecEvidence, logs: readonly LogEvidence[], port: number): Ipv4OnlyBind | undefined {
  const words = [...(c.command ?? []), ...(c.args ?? [])];
  const env = (c.env ?? []).flatMap((e) => ('value' in e ? [e] : []));
  if (words.some((w) => DUAL_STACK_RUNTIME.test(w)) || (c.env ?? []).some((e) => DUAL_STACK_RUNTIME.test(e.name))) return undefined;
  const listenLines = logs
    .filter((l) => !l.previous && l.container === c.name)
    .flatMap((l) => l.lines.map((line) => ({ pod: l.pod, line: line.trim(), addresses: findListenAddresses(line) })).filter((x) => x.addresses.length > 0));
  const dual = words.some((w) => IPV6_BIND.test(w)) || env.some((e) => HOST_VARIABLE.test(e.name) && IPV6_BIND.test(` ${e.value}`)) || listenLines.some((l) => l.addresses.some((a) => a.scope === 'ipv6'));
  if (dual) return undefined;
  const served = findListenSetting(c, port) !== undefined;
  const inCommand = (c.command ?? []).length;
  for (const [i, w] of words.entries()) {
    const previous = words[i - 1] ?? '';
    // "--bind 0.0.0.0:8000", "0.0.0.0:8000" alone, "--host 0.0.0.0", "--bind=tcp://0.0.0.0:8000"; not a peer's URL.
    const joined = /^(-{1,2}[\w.-]+)=((?:tcp:\/\/)?0\.0\.0\.0(?::\d+)?)$/.exec(w);
    const alone = /^(?:tcp:\/\/)?0\.0\.0\.0(:\d+)?$/.exec(w);
    const own = joined ? HOST_FLAG.test(joined[1] ?? '') : alone ? alone[1] !== undefined || HOST_FLAG.test(previous) : false;
    const found = wildcardPort(w);
    if (!own || found === 'none' || !bindsPort(found, port, served)) continue;
    const flag = alone && HOST_FLAG.test(previous) ? `${previous} ${w}` : w;
    return { address: found === undefined ? '0.0.0.0' : `0.0.0.0:${found}`, source: `${i >= inCommand ? 'args' : 'command'} ${flag}` };
  }
  for (const e of env) {
    const found = wildcardPort(e.value);
    if (found === 'none' || !HOST_VARIABLE.test(e.name) || !/^(tcp:\/\/)?0\.0\.0\.0(:\d+)?$/.test(e.value.trim()) || !bindsPort(found, port, served)) continue;
    return { address: found === undefined ? '0.0.0.0' : `0.0.0.0:${found}`, source: `env ${e.name}=${e.value}` };
  }
  const logged = listenLines.find((l) => l.addresses.some((a) => a.scope === 'ipv4-any' && a.port === port));
  if (logged) return { address: `0.0.0.0:${port}`, source: `log ${logged.pod}: "${logged.line.length > 200 ? `${logged.line.slice(0, 199)}…` : logged.line}"` };
  return undefined;
}

/** An IPv6-only Service and the ports its pods' server binds IPv4 only. */
export interface FamilyMismatch {
  service: ServiceEvidence;
  binds: { port: number; bind: Ipv4OnlyBind }[];
}

/** The container ports an IPv6-only Service reaches on which these containers listen IPv4 only; undefined when none. */
export function findFamilyMismatch(svc: ServiceEvidence, containers: readonly ContainerSpecEvidence[], logs: readonly LogEvidence[]): FamilyMismatch | undefined {
  if (!isIpv6Only(svc)) return undefined;
  const binds = svc.ports.flatMap((p): FamilyMismatch['binds'] => {
    const port = typeof p.targetPort === 'number' ? p.targetPort : containers.flatMap((c) => c.ports).find((c) => c.name === p.targetPort)?.containerPort;
    if (port === undefined) return [];
    const bind = containers.map((c) => findIpv4OnlyBind(c, logs, port)).find((b) => b !== undefined);
    return bind ? [{ port, bind }] : [];
  });
  return binds.length > 0 ? { service: svc, binds } : undefined;
}

/**
 * The workload's Services its server cannot answer (IPv6-only in front of an IPv4-only bind): the
 * pods look healthy, so the refusals show only in the callers' logs, which are worth reading.
 */
export function pickFamilyMismatchServices(input: { pods: readonly PodEvidence[]; services: readonly ServiceEvidence[]; logs: readonly LogEvidence[] }): CalledService[] {
  const { pods, services, logs } = input;
  const containers = pods[0]?.containers ?? [];
  const names = new Set(pods.map((p) => p.name));
  const own = logs.filter((l) => names.has(l.pod));
  return services
    .filter((s) => s.type !== 'ExternalName' && pods.some((p) => matchesLabels(s.selector, p.labels)))
    .filter((s) => findFamilyMismatch(s, containers, own) !== undefined)
    .map((s) => ({ name: s.name, ...(s.clusterIP === undefined ? {} : { clusterIP: s.clusterIP }) }));
}
