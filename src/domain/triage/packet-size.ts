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

/** An MTU a line states: `mtu=9001`, `workloadMTU=8951`, `MTU 1500`, `MTU of eth0 to 9001`. */
const MTU_VALUE = /mtu"?\s*(?:(?:of|on|for)\s+[\w.-]+\s+)?(?:[=:]|to|of|is)?\s*"?(\d{3,5})\b/gi;

function sizeOf(line: string): number | undefined {
  const m = SIZE_FIELD.exec(line);
  return m ? Number(m[1]) : undefined;
}

function hostsOf(line: string): string[] {
  const dep = parseDependencyError(line)?.dependency?.replace(/:\d+$/, '');
  const found = [...line.matchAll(URL_HOSTS), ...line.matchAll(HOST_FIELD)].map((m) => (m[1] ?? '').toLowerCase());
  return unique([...(dep === undefined ? [] : [dep.toLowerCase()]), ...found]).filter((h) => h !== '');
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
  const failedHosts = new Set(timeouts.flatMap(hostsOf));
  const small = lines.filter((l) => !isCallTimeout(l) && SUCCESS_STATUS.test(l) && (sizeOf(l) ?? 0) < LARGE_BYTES && hostsOf(l).some((h) => failedHosts.has(h)));
  if (small.length === 0) return undefined;
  const hosts = unique(small.flatMap(hostsOf).filter((h) => failedHosts.has(h)));
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
