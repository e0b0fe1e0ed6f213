/**
 * A client pinned to one pod of a replicated server: its address is the pod's own DNS name under
 * a headless Service (`redis-node-0.redis-headless.cart.svc.cluster.local`), so it never follows a
 * failover and keeps talking to that pod after it became a replica. That pod's own log names its
 * master now ("Connecting to MASTER host:6379"), as a Sentinel's does ("+switch-master"); a MongoDB
 * member's names the member that became primary ("Member is in new state" … PRIMARY).
 */
import type { EndpointSliceEvidence, LogEvidence } from './evidence.js';

export interface PinnedPod {
  /** The pod the address names. */
  pod: string;
  /** The headless Service it is an endpoint of. */
  service: string;
}

/** Newest first is decided by log order: the last match of either wins. */
const PRIMARY_NOW: RegExp[] = [
  // A Redis replica: "Connecting to MASTER redis-node-1.redis-headless…:6379", "MASTER <-> REPLICA sync started" follows.
  /Connecting to MASTER (?<host>[\w.-]+):(?<port>\d+)/,
  // A Sentinel: "+switch-master mymaster <old host> <old port> <new host> <new port>".
  /\+switch-master \S+ \S+ \d+ (?<host>[\w.-]+) (?<port>\d+)/,
  // A MongoDB member: "Member is in new state" with {"hostAndPort":"<host>:<port>","newState":"PRIMARY"}.
  /"hostAndPort":"(?<host>[\w.-]+):(?<port>\d+)","newState":"PRIMARY"/,
];

/** The pod an address names when its first label is a pod behind the Service its second label names. */
export function findPinnedPod(host: string, namespace: string, slices: readonly EndpointSliceEvidence[]): PinnedPod | undefined {
  const labels = host.split('.');
  const [pod, service, ns] = labels;
  if (pod === undefined || service === undefined || (ns !== undefined && ns !== namespace && labels.length > 2)) return undefined;
  const behind = slices.some((s) => s.service === service && s.endpoints.some((e) => e.podName === pod));
  return behind ? { pod, service } : undefined;
}

/** The primary the server's own logs name now (host and port), the newest line that says it. */
export function findPrimaryNow(logs: readonly LogEvidence[]): { host: string; port: string; line: string } | undefined {
  let found: { host: string; port: string; line: string } | undefined;
  for (const log of logs) {
    for (const line of log.lines) {
      for (const re of PRIMARY_NOW) {
        const g = re.exec(line)?.groups;
        if (g?.['host'] !== undefined) found = { host: g['host'], port: g['port'] ?? '', line: line.trim() };
      }
    }
  }
  return found;
}

/** The pod name of a pod DNS name ("redis-node-1.redis-headless.cart.svc…" → "redis-node-1"). */
export function shortPodName(host: string): string {
  return host.split('.')[0] ?? host;
}
