/**
 * Why a Service the workload depends on has no ready endpoint, from its own pods (read one hop
 * away, see DownServiceEvidence): the pod that should serve it and what holds it back.
 */
import { clipMiddle } from './collapse-events.js';
import type { ServiceEvidence, TriageEvidence } from './evidence.js';
import type { EndpointSliceEvidence } from './evidence-network.js';
import { getWaiting } from './pod-status.js';
import { formatAgo } from './time-span.js';

/** Events the node controller puts on a pod when its node stops answering. */
const NODE_REASONS = /^(NodeNotReady|NodeLost|NodeShutdown|TaintManagerEviction)$/;

/**
 * The Service a cluster-internal host name points at: name[.namespace[.svc[.cluster.local]]], or
 * a StatefulSet pod's own name pod.service.namespace.svc[.cluster.local] (its headless Service).
 */
export function findInClusterService(host: string, namespace: string): { name: string; namespace: string } | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return undefined;
  const parts = host.split('.');
  if (parts.length === 1) return { name: host, namespace };
  if (parts.length === 2 || parts[2] === 'svc') return { name: parts[0] ?? host, namespace: parts[1] ?? namespace };
  if (parts[3] === 'svc') return { name: parts[1] ?? host, namespace: parts[2] ?? namespace };
  return undefined;
}

/** The Service of this namespace a dependency address names: by its DNS name, its cluster IP, or one of its pods' addresses. */
export function findServiceOf(ev: TriageEvidence, host: string): ServiceEvidence | undefined {
  const bare = host.replace(/:\d+$/, '');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(bare)) return findServiceByAddress(ev, host);
  const ref = findInClusterService(bare, ev.target.namespace);
  return ref?.namespace === ev.target.namespace ? ev.services.find((s) => s.name === ref.name) : undefined;
}

/**
 * The Service of this namespace an IPv4 address (with or without its port) belongs to: its cluster
 * IP, else an endpoint of its EndpointSlices — a proxy that balances over pod IPs itself (an nginx
 * upstream, a headless Service) logs the pod's address. Several Services over the pod: the one
 * serving that port, and none when that still leaves more than one.
 */
export function findServiceByAddress(ev: { services: readonly ServiceEvidence[]; endpointSlices: readonly EndpointSliceEvidence[] }, address: string): ServiceEvidence | undefined {
  const [ip, port] = address.split(':');
  const byClusterIp = ev.services.find((s) => s.clusterIP === ip);
  if (byClusterIp !== undefined || ip === undefined) return byClusterIp;
  const slices = ev.endpointSlices.filter((sl) => sl.endpoints.some((e) => e.addresses.includes(ip)));
  const onPort = port === undefined ? slices : slices.filter((sl) => sl.ports.some((p) => String(p.port) === port));
  const names = [...new Set((onPort.length > 0 ? onPort : slices).map((sl) => sl.service))];
  return names.length === 1 ? ev.services.find((s) => s.name === names[0]) : undefined;
}

/** "its pod cart-redis-0 is Pending — FailedScheduling: 0/2 nodes are available: …" or undefined when it was not read. */
export function describeDownService(ev: TriageEvidence, service: string): { text: string; decisive?: string; fix?: string } | undefined {
  const down = ev.downServices?.find((d) => d.service === service);
  if (down === undefined) return undefined;
  if (down.pods.length === 0) return { text: `Service ${service} selects no pod at all (nothing runs behind it)` };
  const pod = down.pods.find((p) => !p.ready) ?? down.pods[0];
  if (pod === undefined) return undefined;
  const waiting = pod.containers.map(getWaiting).find((w) => w !== undefined);
  const deleting = pod.deletionTimestamp !== undefined ? `, Terminating (deleted ${formatAgo(pod.deletionTimestamp, ev.collectedAt)})` : '';
  const state = `${waiting ? `${pod.phase}, ${waiting.reason}` : pod.ready || pod.phase === 'Pending' ? pod.phase : `${pod.phase}, not ready`}${deleting}`;
  const event = down.events.filter((e) => e.object.name === pod.name).sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : -1))[0];
  const byNode = event !== undefined && NODE_REASONS.test(event.reason);
  const said = event ? `${event.reason}: ${clipMiddle(event.message.replace(/\.?\s*preemption:[\s\S]*$/, '.'), 220)}${byNode ? ` (since ${formatAgo(event.firstSeen, ev.collectedAt)})` : ''}` : undefined;
  // Held by its node (lost, not ready, or deleted and never gone): the node is what the on-call confirms and acts on.
  const onNode = pod.nodeName !== undefined && pod.phase !== 'Pending' && (byNode || deleting !== '' || pod.reason === 'NodeLost') ? ` on node ${pod.nodeName}` : '';
  const others = down.pods.length > 1 ? ` (1 of its ${down.pods.length} pods)` : '';
  // Deleted on a node that stopped answering, it stays Terminating until the kubelet confirms, which it never will: a
  // StatefulSet makes no replacement meanwhile. Forcing it is safe only once the node is known to be gone (two would run).
  const fix = deleting !== '' && byNode && pod.nodeName !== undefined
    ? `confirm node ${pod.nodeName} is gone (or bring it back), then force-delete pod ${pod.name} (--grace-period=0 --force) so its controller recreates it elsewhere`
    : undefined;
  return { text: `Service ${service} has no ready endpoint: its pod ${pod.name}${others}${onNode} is ${state}${said ? ` — ${said}` : ''}`, ...(said ? { decisive: said } : {}), ...(fix ? { fix } : {}) };
}
