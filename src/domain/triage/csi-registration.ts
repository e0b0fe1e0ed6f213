/**
 * A CSI driver the kubelet of one node does not know: "driver name ebs.csi.aws.com not found in
 * the list of registered CSI drivers". Each node registers a driver through the driver's node
 * plugin, a DaemonSet pod there (ebs-csi-node-…, csi-rbdplugin-…); until it runs and registers,
 * no volume of that driver mounts on that node, while the same volumes mount on every other.
 */
import type { EventEvidence, PodEvidence } from './evidence.js';
import type { AgentIdentity } from './node-agents.js';

export const UNREGISTERED_DRIVER = /driver name (\S+) not found in the list of registered CSI drivers/i;

const MAX_NODES = 2;

/** Nodes where the workload's pods wait on a driver their kubelet has not registered, a node once. */
export function pickUnregisteredDrivers(events: readonly EventEvidence[], pods: readonly PodEvidence[]): { node: string; driver: string }[] {
  const byNode = new Map<string, string>();
  for (const e of events) {
    if (e.object.kind !== 'Pod' || e.type !== 'Warning') continue;
    const driver = UNREGISTERED_DRIVER.exec(e.message)?.[1];
    const node = pods.find((p) => p.name === e.object.name && !p.ready)?.nodeName;
    if (driver !== undefined && node !== undefined && !byNode.has(node)) byNode.set(node, driver);
  }
  return [...byNode].slice(0, MAX_NODES).map(([node, driver]) => ({ node, driver }));
}

/** Words of a driver's name that say nothing of which driver it is. */
const GENERIC = new Set(['csi', 'com', 'io', 'org', 'net', 'k8s', 'kubernetes', 'storage', 'driver', 'aws', 'amazon', 'azure', 'gke', 'google', 'x-k8s']);

/**
 * Whether an agent is the node plugin of `driver`: it says "csi" and a word of the driver's name
 * ("ebs" of ebs.csi.aws.com, "rbd" of rook-ceph.rbd.csi.ceph.com, "pd" of pd.csi.storage.gke.io).
 */
export function isCsiNodePlugin(a: AgentIdentity, driver: string): boolean {
  const names = [a.name, a.owner ?? '', ...a.images.map((i) => i.replace(/^.*\//, ''))].map((s) => s.toLowerCase());
  if (!names.some((s) => s.includes('csi'))) return false;
  const words = driver.toLowerCase().split('.').filter((w) => w.length >= 2 && !GENERIC.has(w));
  return names.some((s) => words.some((w) => s.split(/[^a-z0-9]+/).some((t) => t === w || t.endsWith(w) || (w.length >= 3 ? t.startsWith(w) : t.startsWith(`${w}csi`)))));
}
