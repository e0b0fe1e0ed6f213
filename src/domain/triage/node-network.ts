// A pod that times out on the network only on one node, while the workload's pods on other nodes are
// fine, points below the application: the node's own plumbing (its conntrack table, the Service rules
// kube-proxy writes there). Which nodes deserve a look, and the words those parts fail with.
import type { EventEvidence, LogEvidence, PodEvidence } from './evidence.js';

const MAX_NODES = 2;

/** A connection that got no answer at all (packets dropped, no rule for the address), not a refusal. */
export const CONNECT_TIMEOUT = /\bi\/o timeout|ETIMEDOUT|connection timed out|connect timed out/i;

/** The kernel's words when the connection-tracking table overflows (dmesg, node-problem-detector). */
export const CONNTRACK_FULL = /nf_conntrack: table full|conntrack table (?:is )?full|table full, dropping packet/i;

/**
 * The kernel's words when its neighbour (ARP / IPv6 NDP) table reaches gc_thresh3 (dmesg,
 * node-problem-detector's kernel-monitor): new next hops get no entry and their packets are dropped.
 */
export const NEIGHBOUR_OVERFLOW = /neighbou?r table overflow|(?:arp|ndisc)_cache: neighbou?r table overflow/i;

/** kube-proxy failing to write the node's Service rules (iptables, nftables or IPVS mode). */
export const PROXY_SYNC_FAILED = /Failed to execute iptables-restore|Failed to execute nft|Failed to sync (?:iptables|ipvs|nftables)|xtables lock|"Sync failed"|Failed to ensure that (?:filter|nat) chain/i;

/** Whether a pod is a node's kube-proxy, by its name or its controller's. */
export function isKubeProxy(name: string, owner?: string): boolean {
  return /^kube-proxy\b/.test(name) || /\bkube-proxy$/.test(owner ?? '');
}

/**
 * Nodes worth a read of their pods and kube-proxy: where the kernel reports its conntrack table
 * full under one of our pods, or where our unready pods time out while none of ours there is
 * ready and some is ready on another node. At most two.
 */
export function pickNetworkNodes(pods: readonly PodEvidence[], logs: readonly LogEvidence[], events: readonly EventEvidence[]): string[] {
  const ours = new Set(pods.flatMap((p) => (p.nodeName === undefined ? [] : [p.nodeName])));
  const full = events.filter((e) => e.object.kind === 'Node' && ours.has(e.object.name) && CONNTRACK_FULL.test(e.message)).map((e) => e.object.name);
  const timedOut = new Set(logs.filter((l) => l.lines.some((x) => CONNECT_TIMEOUT.test(x))).map((l) => l.pod));
  const bound = [...ours].filter((node) => {
    const here = pods.filter((p) => p.nodeName === node);
    const elsewhere = pods.some((p) => p.ready && p.nodeName !== undefined && p.nodeName !== node);
    return elsewhere && here.every((p) => !p.ready) && here.some((p) => timedOut.has(p.name));
  });
  return [...new Set([...full, ...bound])].slice(0, MAX_NODES);
}
