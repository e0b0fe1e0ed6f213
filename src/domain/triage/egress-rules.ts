/**
 * Whether a NetworkPolicy's egress rules (as `to <peers> on <ports>` lines, see
 * NetworkPolicyEvidence) let a pod reach host:port. Policies add up: a destination is blocked
 * only when no rule of any policy that selects the pod allows it.
 */

/** yes: a rule allows it; no: none can; maybe: a rule might (a selector or a named port, for an address we cannot place). */
export type Reach = 'yes' | 'no' | 'maybe';

function ipv4ToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

/** "10.0.64.0/24" contains "10.0.64.23"; undefined when either is not IPv4. */
export function cidrContains(cidr: string, ip: string): boolean | undefined {
  const [base, bits] = cidr.split('/');
  const b = ipv4ToNumber(base ?? '');
  const a = ipv4ToNumber(ip);
  const len = Number(bits ?? '32');
  if (b === undefined || a === undefined || !(len >= 0 && len <= 32)) return undefined;
  const size = 2 ** (32 - len);
  return Math.floor(a / size) === Math.floor(b / size);
}

function portAllows(ports: string, port: string | undefined): Reach {
  if (ports === 'all ports') return 'yes';
  if (port === undefined) return 'maybe';
  let best: Reach = 'no';
  for (const p of ports.split(', ')) {
    const [, spec = ''] = p.split('/');
    if (spec === '*') return 'yes';
    const range = /^(\d+)-(\d+)$/.exec(spec);
    if (range && Number(port) >= Number(range[1]) && Number(port) <= Number(range[2])) return 'yes';
    if (spec === port) return 'yes';
    if (!/^\d+(-\d+)?$/.test(spec)) best = 'maybe'; // a named port: which number it is, the pod spec says
  }
  return best;
}

/** Private and shared address space: no public host's address lies in these. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8'];

/**
 * Top-level domains of the public internet a dependency's name ends with. A closed list: a short
 * cluster name (`orders.shop`, a Service in namespace shop) ends with a namespace, not one of these.
 */
const PUBLIC_TLD = /\.(com|net|org|io|dev|app|cloud|ai|co|info|biz|us|uk|de|eu|fr|nl|jp)$/i;

/** Top-level domains no namespace is likely to be named after: a two-label name ending so is public. */
const GENERIC_TLD = /\.(com|net|org)$/i;

/**
 * A DNS name of the public internet (`database.clamav.net`, `api.stripe.com`): dotted, not an
 * address, ending with a public top-level domain. Only an ipBlock outside the private ranges can
 * reach it; a pod or namespace selector only ever matches pods. A two-label name (`orders.dev`)
 * is a Service in a namespace unless its domain is generic (`stripe.com`).
 */
export function isPublicHostname(host: string): boolean {
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(host) || !PUBLIC_TLD.test(host) || PRIVATE_CLOUD_NAME.test(host)) return false;
  return host.split('.').length > 2 || GENERIC_TLD.test(host);
}

/** Managed services whose public names resolve to addresses inside the VPC (RDS, ElastiCache, internal load balancers, private links). */
const PRIVATE_CLOUD_NAME = /\.(rds|cache|es|aoss|elb|vpce|kafka|docdb|memorydb|mq|eks)\.[\w.-]*amazonaws\.com$|^internal-|privatelink|\.windows\.net$|\.googleapis\.com$|\.azmk8s\.io$/i;

/** An ipBlock wholly inside private address space (`10.0.0.0/16`). */
function isPrivateBlock(cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  return PRIVATE_RANGES.some((r) => cidrContains(r, base) === true && Number(bits) >= Number(r.split('/')[1]));
}

function peerAllows(peer: string, host: string): Reach {
  if (peer === 'anywhere') return 'yes';
  const block = /^(\d[\d.]*\/\d+)(?: except (.+))?$/.exec(peer);
  if (block && isPublicHostname(host)) return isPrivateBlock(block[1] ?? '') ? 'no' : 'maybe';
  if (isPublicHostname(host)) return 'no';
  if (block) {
    const inside = cidrContains(block[1] ?? '', host);
    if (inside === undefined) return 'maybe';
    const excepted = (block[2] ?? '').split(',').some((c) => c !== '' && cidrContains(c, host) === true);
    return inside && !excepted ? 'yes' : 'no';
  }
  // A namespace or pod selector reaches pods, whose addresses we do not know here.
  return 'maybe';
}

/** One egress rule line against host:port. */
export function ruleAllows(rule: string, host: string, port: string | undefined): Reach {
  const m = /^to (.*) on (.*)$/.exec(rule);
  if (!m) return 'maybe';
  const ports = portAllows(m[2] ?? '', port);
  if (ports === 'no') return 'no';
  const peers = (m[1] ?? '').split('; ').map((p) => peerAllows(p, host));
  const peer: Reach = peers.includes('yes') ? 'yes' : peers.includes('maybe') ? 'maybe' : 'no';
  if (peer === 'no') return 'no';
  return peer === 'yes' && ports === 'yes' ? 'yes' : 'maybe';
}

/** Every rule of every policy: yes if one allows, no if none can. A policy with no rules allows nothing. */
export function egressAllows(rules: readonly string[], host: string, port: string | undefined): Reach {
  const each = rules.map((r) => ruleAllows(r, host, port));
  return each.includes('yes') ? 'yes' : each.includes('maybe') ? 'maybe' : 'no';
}

/** The rules that allow this port but to other addresses: what the policy was written for. */
export function rulesForPort(rules: readonly string[], port: string | undefined): string[] {
  return rules.filter((r) => {
    const m = /^to (.*) on (.*)$/.exec(r);
    return m !== null && portAllows(m[2] ?? '', port) === 'yes' && /\d+\.\d+\.\d+\.\d+\/\d+/.test(m[1] ?? '');
  });
}
