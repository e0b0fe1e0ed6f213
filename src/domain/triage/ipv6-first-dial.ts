/**
 * Dials to an IPv6 address that fail at once because the pod has no IPv6 route: Node's "connect
 * ENETUNREACH 2001:db8::1:443", Go's "dial tcp [2001:db8::1]:443: connect: network is unreachable",
 * EADDRNOTAVAIL "cannot assign requested address". The name the client calls answers AAAA records
 * and the client dials them first — a runtime that keeps the resolver's order (Node 17 and later
 * no longer put IPv4 first), a client set to prefer IPv6 — while the pods have only IPv4. Nothing
 * on the other end is down, and no in-cluster dependency is involved: a Service of an IPv4-only
 * cluster resolves to an IPv4 address, so the destination is an outside name. The fix is the
 * address family the client picks (prefer IPv4), or the revision that changed how it picks.
 * Pure: reads log lines, the pods' addresses and their env.
 */
import type { ContainerSpecEvidence, PodEvidence } from './evidence.js';
import { type EnvDependency, pickEnvDependency } from './env-dependency.js';

export interface Ipv6Dial {
  address: string;
  port?: string;
  /** The words the line gave for the failure: "ENETUNREACH", "network is unreachable". */
  reason: string;
}

/** The failures a dial to an address the host has no route or source address for is reported with. */
const NO_ROUTE = 'ENETUNREACH|EADDRNOTAVAIL|EHOSTUNREACH';
const NO_ROUTE_WORDS = 'network is unreachable|cannot assign requested address|no route to host';

/** An IPv6 literal: hex groups and at least two colons (a host:port has one). */
const isIpv6 = (s: string): boolean => /^[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}$/i.test(s) && /[0-9a-f]/i.test(s);

/** Node: "connect ENETUNREACH 2001:db8::1:443 - Local (:::0)" — the port is the last group. */
const NODE_DIAL = new RegExp(`\\bconnect (${NO_ROUTE}) ([0-9a-f:]+:[0-9a-f:]+)\\b`, 'i');
/** Go: "dial tcp [2001:db8::1]:443: connect: network is unreachable". */
const GO_DIAL = new RegExp(`\\bdial (?:tcp|udp)6? \\[([0-9a-f:]+)\\]:(\\d+): connect: (${NO_ROUTE_WORDS})`, 'i');
/** Apache HttpClient and others: "Connect to host:443 [host/2001:db8::1] failed: Network is unreachable". */
const BRACKETED = new RegExp(`/([0-9a-f:]+)\\][^\\n]*?failed: (${NO_ROUTE_WORDS})`, 'i');
/** A structured record: the error code and the `"address"` field it dialled. */
const ADDRESS_FIELD = /"address"\s*:\s*"([0-9a-f:]+)"(?:[^\n]*?"port"\s*:\s*(\d+))?/i;
const CODE_IN_LINE = new RegExp(`\\b(${NO_ROUTE})\\b|(${NO_ROUTE_WORDS})`, 'i');

/** The IPv6 address a line's failed dial went to, when the failure is the host having no route to it. */
export function readIpv6Dial(line: string): Ipv6Dial | undefined {
  const node = NODE_DIAL.exec(line);
  if (node) {
    const token = node[2] ?? '';
    const cut = token.lastIndexOf(':');
    const [address, port] = [token.slice(0, cut), token.slice(cut + 1)];
    if (isIpv6(address) && /^\d{1,5}$/.test(port)) return { address, port, reason: node[1] ?? '' };
  }
  const go = GO_DIAL.exec(line);
  if (go && isIpv6(go[1] ?? '')) return { address: go[1] ?? '', port: go[2] ?? '', reason: go[3] ?? '' };
  const bracketed = BRACKETED.exec(line);
  if (bracketed && isIpv6(bracketed[1] ?? '')) return { address: bracketed[1] ?? '', reason: bracketed[2] ?? '' };
  const code = CODE_IN_LINE.exec(line);
  const field = ADDRESS_FIELD.exec(line);
  if (code && field && isIpv6(field[1] ?? '')) return { address: field[1] ?? '', ...(field[2] ? { port: field[2] } : {}), reason: code[0] };
  return undefined;
}

/** A host outside the cluster: a dotted name that is no Service name and no IPv4 literal. */
function isOutsideHost(host: string, namespace: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || !host.includes('.')) return false;
  if (/\.svc(\.|$)|\.local$|\.internal$/i.test(host)) return false;
  const parts = host.split('.');
  return !(parts.length === 2 && parts[1] === namespace);
}

export interface Ipv6FirstDial {
  addresses: string[];
  port?: string;
  reason: string;
  /** The outside address of the env the failing calls are about, when one fits. */
  destination?: EnvDependency;
  runtime: 'node' | 'go' | 'java' | undefined;
}

/**
 * Every line of the group a failed dial to an IPv6 address, and no pod with an IPv6 address of its
 * own (a dual-stack pod that cannot reach IPv6 is another story): the client dialled IPv6 first.
 */
export function findIpv6FirstDial(lines: readonly string[], pods: readonly PodEvidence[], container: ContainerSpecEvidence | undefined, namespace: string): Ipv6FirstDial | undefined {
  const dials = lines.map(readIpv6Dial);
  if (dials.length === 0 || dials.some((d) => d === undefined)) return undefined;
  if (pods.some((p) => (p.podIPs ?? []).some((ip) => ip.includes(':')))) return undefined;
  const known = dials.flatMap((d) => (d ? [d] : []));
  const addresses = [...new Set(known.map((d) => d.address))];
  const port = known.find((d) => d.port !== undefined)?.port;
  const outside = container ? { ...container, env: (container.env ?? []).filter((e) => 'value' in e && isOutsideHost(readEnvHost(e.value), namespace)) } : undefined;
  const destination = pickEnvDependency(outside, lines);
  const text = lines.join('\n');
  const runtime = /\bconnect E[A-Z]+ \S+ - Local \(|\bnode:net\b|"syscall"\s*:\s*"connect"/.test(text)
    ? 'node'
    : /\bdial (?:tcp|udp)6? \[/.test(text)
    ? 'go'
    : /\bjava\.net\.|\bat java\.|org\.apache\.http/.test(text)
    ? 'java'
    : undefined;
  return { addresses, ...(port ? { port } : {}), reason: known[0]?.reason ?? '', ...(destination ? { destination } : {}), runtime };
}

/** The host of an env value that is a URL or host:port; the value itself otherwise. */
function readEnvHost(value: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?([^/:?#\s]+)/i.exec(value.trim())?.[1] ?? value.trim().replace(/:\d+$/, '');
}

const PREFER_IPV4: Record<NonNullable<Ipv6FirstDial['runtime']> | 'other', string> = {
  node: 'make Node prefer IPv4: NODE_OPTIONS=--dns-result-order=ipv4first (or dns.setDefaultResultOrder(\'ipv4first\'), family: 4 on the HTTP agent, or autoSelectFamily: true)',
  go: 'make the client dial IPv4 (network "tcp4" in its dialer)',
  java: 'make the JVM prefer IPv4 (-Djava.net.preferIPv4Stack=true)',
  other: 'make the client resolve and dial IPv4 first (address family 4)',
};

/** The reading's words: what fails, why, and the address family to prefer. */
export function explainIpv6FirstDial(d: Ipv6FirstDial): { title: string; evidence: string[]; cause: string; action: string; fix: string } {
  const dest = d.destination ? `${d.destination.host}${d.destination.port ? `:${d.destination.port}` : ''}` : undefined;
  const shown = d.addresses.slice(0, 2).join(', ') + (d.addresses.length > 2 ? ', …' : '');
  const prefer = PREFER_IPV4[d.runtime ?? 'other'];
  return {
    title: `Calls to ${dest ?? 'an outside host'} fail at once: the client dials its IPv6 address first (${d.reason} ${d.addresses[0] ?? ''}) and these pods have IPv4 only`,
    evidence: [
      `every failed dial goes to an IPv6 address (${d.addresses.length} distinct: ${shown}${d.port ? `, port ${d.port}` : ''}), failing with ${d.reason}; no pod has an IPv6 address`,
      ...(d.destination ? [`the outside address the calls are about: ${dest ?? ''} (env ${d.destination.env})`] : []),
    ],
    cause:
      `${dest ?? 'The host called'} answers with AAAA (IPv6) records and the client dials the IPv6 address first; the pods and their network have no IPv6 route, so every call fails at the connect (${d.reason}) without reaching the host. ` +
      'A runtime that keeps the resolver\'s order instead of putting IPv4 first (Node 17 and later), or a client set to prefer IPv6, does this: the revision that brought it is the since. The host is up, and no other dependency is involved.',
    action: `Roll back to the revision before, or ${prefer}.`,
    fix: prefer,
  };
}
