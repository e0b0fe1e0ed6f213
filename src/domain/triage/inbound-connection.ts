// Go names both ends of a connection in its socket errors: "read tcp LOCAL->REMOTE: read: connection
// reset by peer". When LOCAL is the pod's own address on a port it serves, the pod accepted that
// connection: the peer is a client (a load balancer's health check, a scanner, a caller that hung
// up), not a dependency the pod calls. An outbound call's local side is an ephemeral port instead.
import type { PodEvidence, TriageEvidence } from './evidence.js';
import { matchesLabels } from './service-match.js';

const GO_SOCKET = /\b(?:read|write) tcp6? (?<local>\[[\da-f:.]+\]:\d+|[\w.-]+:\d+)->(?<remote>\[[\da-f:.]+\]:\d+|[\w.-]+:\d+)/i;

/** The lowest port a client's side of a connection takes: below it are servers' ports. */
const CLIENT_PORT_MIN = 1024;

interface Endpoint {
  host: string;
  port: number;
}

function split(address: string): Endpoint {
  const i = address.lastIndexOf(':');
  return { host: address.slice(0, i).replace(/^\[|\]$/g, ''), port: Number(address.slice(i + 1)) };
}

/** Both ends of the socket a Go error names, when it names them. */
export function parseGoSocket(line: string): { local: Endpoint; remote: Endpoint } | undefined {
  const m = GO_SOCKET.exec(line);
  return m?.groups ? { local: split(m.groups['local'] ?? ''), remote: split(m.groups['remote'] ?? '') } : undefined;
}

/** The ports the pod listens on: its containers' declared ports and the numeric targetPorts of the Services that select it. */
export function listServingPorts(ev: TriageEvidence, pod: PodEvidence): Set<number> {
  const ports = new Set<number>();
  for (const c of [...pod.containers, ...pod.initContainers.filter((x) => x.sidecar)]) for (const p of c.ports) ports.add(p.containerPort);
  for (const s of ev.services) {
    if (Object.keys(s.selector).length === 0 || !matchesLabels(s.selector, pod.labels)) continue;
    for (const p of s.ports) if (typeof p.targetPort === 'number') ports.add(p.targetPort);
  }
  return ports;
}

/** The pod's own addresses: its status, else the EndpointSlices that list it. */
function listPodAddresses(ev: TriageEvidence, pod: PodEvidence): string[] {
  if (pod.podIPs?.length) return pod.podIPs;
  return ev.endpointSlices.flatMap((s) => s.endpoints.filter((e) => e.podName === pod.name).flatMap((e) => e.addresses));
}

/**
 * The line's socket is one the pod accepted: its local side is the pod's own address (when known)
 * on a port the pod serves, and the remote side a client's port.
 */
export function isInboundConnection(ev: TriageEvidence, pod: PodEvidence, line: string): boolean {
  const socket = parseGoSocket(line);
  if (socket === undefined) return false;
  const { local, remote } = socket;
  if (!listServingPorts(ev, pod).has(local.port) || remote.port < CLIENT_PORT_MIN) return false;
  const own = listPodAddresses(ev, pod);
  return own.length === 0 || own.includes(local.host);
}
