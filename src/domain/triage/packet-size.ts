// Which calls fail tells a path that drops large packets (an MTU black hole) from a dependency that
// is down: small requests to a host succeed while the calls that fill full-size packets — a TLS
// handshake (the server's certificate chain), an upload carrying a body — time out. And the CNI
// agent's own log says what MTU it found on the host and gave the pods.
import { parseDependencyError } from './dependency-error-line.js';
import { TLS_HANDSHAKE_TIMEOUT, isCallTimeout } from './node-group-split.js';
import { unique } from './pod-status.js';

/** Far more than one packet at any MTU: a call this size cannot fit in small packets. */
const LARGE_BYTES = 16 * 1024;

/** The size a structured log line gives its request or body ("bytes":184320, size=…). */
const SIZE_FIELD = /"?\b(?:bytes|size|body_bytes|content_length|payload_bytes|request_bytes|bytes_sent)"?\s*[:=]\s*"?(\d+)/i;

/** A 2xx or 3xx answer in a structured log line. */
const SUCCESS_STATUS = /"?\bstatus(?:_?code)?"?\s*[:=]\s*"?[23]\d\d\b/i;

/** Hosts a line names: in a URL, or as a structured upstream/host field. */
const URL_HOSTS = /\bhttps?:\/\/([a-z0-9.-]+)/gi;
const HOST_FIELD = /"?\b(?:upstream|host|target|peer)"?\s*[:=]\s*"?([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)/gi;
/** A Service's short name as a structured field gives it ("upstream":"orders"): the same host as its cluster DNS name. */
const SHORT_HOST_FIELD = /"?\b(?:upstream|host|target|peer|service|backend)"?\s*[:=]\s*"?([a-z][a-z0-9-]*)(?=["\s,}]|$)/gi;

/** An MTU a line states: `mtu=9001`, `workloadMTU=8951`, `MTU 1500`, `MTU of eth0 to 9001`. */
const MTU_VALUE = /mtu"?\s*(?:(?:of|on|for)\s+[\w.-]+\s+)?(?:[=:]|to|of|is)?\s*"?(\d{3,5})\b/gi;

function sizeOf(line: string): number | undefined {
  const m = SIZE_FIELD.exec(line);
  return m ? Number(m[1]) : undefined;
}

function hostsOf(line: string): string[] {
  const dep = parseDependencyError(line)?.dependency?.replace(/:\d+$/, '');
  const found = [...line.matchAll(URL_HOSTS), ...line.matchAll(HOST_FIELD), ...line.matchAll(SHORT_HOST_FIELD)].map((m) => (m[1] ?? '').toLowerCase());
  return unique([...(dep === undefined ? [] : [dep.toLowerCase()]), ...found]).filter((h) => h !== '');
}

/** The same host: equal names, or a short name and a DNS name whose first label it is (a Service and its cluster name). */
function isSameHost(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, full] = a.includes('.') ? [b, a] : [a, b];
  return !short.includes('.') && full.split('.')[0] === short;
}

/** A timeout of a call that needs full-size packets: a TLS handshake, or one carrying a large body. */
export function isLargeCallTimeout(line: string): boolean {
  return TLS_HANDSHAKE_TIMEOUT.test(line) || (isCallTimeout(line) && (sizeOf(line) ?? 0) >= LARGE_BYTES);
}

export interface SizeSplit {
  /** The large calls that timed out. */
  large: string[];
  /** Small calls that succeeded to a host a large call timed out to. */
  small: string[];
  /** The hosts both name. */
  hosts: string[];
}

/**
 * One pod's log where every timeout is a large call and small calls to one of those hosts
 * succeed: the path drops big packets, the host is up. Undefined otherwise.
 */
export function readSizeSplit(lines: readonly string[]): SizeSplit | undefined {
  const timeouts = lines.filter(isCallTimeout);
  if (timeouts.length === 0 || !timeouts.every(isLargeCallTimeout)) return undefined;
  const failedHosts = unique(timeouts.flatMap(hostsOf));
  const failedTo = (h: string) => failedHosts.some((f) => isSameHost(f, h));
  const small = lines.filter((l) => !isCallTimeout(l) && SUCCESS_STATUS.test(l) && (sizeOf(l) ?? 0) < LARGE_BYTES && hostsOf(l).some(failedTo));
  if (small.length === 0) return undefined;
  const answered = small.flatMap(hostsOf);
  const hosts = failedHosts.filter((f) => answered.some((h) => isSameHost(f, h)));
  return { large: timeouts, small, hosts };
}

/** The lines of a CNI agent's log that state an MTU, with the MTUs each states. */
export function readMtuLines(lines: readonly string[]): { line: string; mtus: number[] }[] {
  return lines.flatMap((line) => {
    const mtus = unique([...line.matchAll(MTU_VALUE)].map((m) => Number(m[1])).filter((n) => n >= 576 && n <= 65535));
    return mtus.length > 0 ? [{ line: line.trim(), mtus }] : [];
  });
}

/** A node's CNI agent, by its pod's, controller's or image's name (Calico, the AWS VPC CNI, Cilium, Flannel, …). */
const NETWORK_AGENT = /\b(?:calico-node|aws-node|amazon-k8s-cni|cilium(?!-operator|-envoy)|kube-flannel|flannel|weave-net|antrea-agent|kube-router|canal|azure-cns|ovnkube-node|kube-ovn-cni)\b/i;

export function isNetworkAgent(a: { name: string; owner?: string; images: readonly string[] }): boolean {
  return [a.name, a.owner ?? '', ...a.images.map((i) => i.replace(/^.*\//, ''))].some((s) => NETWORK_AGENT.test(s));
}

/** Words before an MTU that make it the pods' own interface's, or the overlay path's they send through. */
const POD_SIDE = /(?:^|[^a-z])(?:workload|veth|pod|container|endpoint)s?(?![a-z])/gi;
const PATH_SIDE = /(?:^|[^a-z])(?:vxlan|ipip|ip-in-ip|geneve|tunnel|overlay|wireguard|encapsulation|underlay)(?![a-z])/gi;

/** Where the last word of a side stands in the text, -1 when none: the nearer side names the MTU. */
function lastAt(text: string, side: RegExp): number {
  return Math.max(-1, ...[...text.matchAll(side)].map((m) => m.index ?? -1));
}

/** A node's statement that its pods' MTU is larger than the overlay path they send through. */
export interface MtuMismatch {
  /** The MTU the pods' interfaces get. */
  pod: number;
  /** The MTU of the tunnel or path their packets go through. */
  path: number;
  line: string;
}

/**
 * Reads a CNI's statement of both MTUs ("tunnel device created with MTU 1450; workload interface
 * MTU 1500"): each MTU is given the side its own clause names before it. A pod MTU above the
 * path's means any full-size packet from a pod cannot cross: the mismatch. Undefined otherwise.
 */
export function readMtuMismatch(line: string): MtuMismatch | undefined {
  const pods: number[] = [];
  const paths: number[] = [];
  for (const clause of line.split(/[;,]\s*|\.\s+/)) {
    let from = 0;
    for (const m of clause.matchAll(MTU_VALUE)) {
      const mtu = Number(m[1]);
      const end = (m.index ?? 0) + m[0].length;
      // What names this MTU is what comes after the one before it: "veth_mtu=1500 vxlan_mtu=1450".
      // camelCase keys split into words: "vxlanMTU" names the VXLAN side.
      const before = clause.slice(from, end - (m[1] ?? '').length).replace(/([a-z])([A-Z])/g, '$1 $2');
      from = end;
      if (mtu < 576 || mtu > 65535) continue;
      const pod = lastAt(before, POD_SIDE);
      const path = lastAt(before, PATH_SIDE);
      if (pod > path) pods.push(mtu);
      else if (path > pod) paths.push(mtu);
    }
  }
  if (pods.length === 0 || paths.length === 0) return undefined;
  const pod = Math.max(...pods);
  const path = Math.min(...paths);
  return pod > path ? { pod, path, line: line.trim() } : undefined;
}
