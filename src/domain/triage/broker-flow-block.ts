/**
 * A broker that blocks its producers because an address is full: ActiveMQ Artemis with
 * address-full-policy BLOCK stops granting credits once the address holds max-size-bytes, so every
 * send to it waits (the client logs AMQ212054, the broker AMQ222183). An address fills when its
 * messages are not consumed: the usual reason is that its consumers stopped (scaled to 0, stuck).
 */
import type { LogEvidence } from './evidence.js';

/** Artemis client: `AMQ212054: Destination address=orders.created is blocked.` */
const CLIENT_BLOCKED = /AMQ212054: Destination address=([^\s,;]+?)\.? is blocked/;
/** Artemis broker: `AMQ222183: Blocking message production on address 'orders.created'; size is currently: … max-size-bytes on address: …`. */
const BROKER_BLOCKING = /AMQ222183: Blocking message production on address '([^']+)'/;

/** Lines before it counts: one blocked send is not an outage. */
const MIN_LINES = 2;

export interface BlockedAddress {
  /** The full address, as the client names it. */
  address: string;
  /** The pods whose sends block on it. */
  pods: string[];
  /** Blocked sends logged. */
  count: number;
  /** The last line that says it. */
  line: string;
}

/** The address the workload's sends block on, from its own logs (the most logged one), when they say it twice or more. */
export function findBlockedAddress(logs: readonly LogEvidence[]): BlockedAddress | undefined {
  const hits = logs.flatMap((l) => l.lines.flatMap((line) => {
    const m = CLIENT_BLOCKED.exec(line) ?? BROKER_BLOCKING.exec(line);
    return m?.[1] === undefined ? [] : [{ pod: l.pod, address: m[1], line: line.trim() }];
  }));
  const counts = new Map<string, number>();
  for (const h of hits) counts.set(h.address, (counts.get(h.address) ?? 0) + 1);
  const [address, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (address === undefined || count === undefined || count < MIN_LINES) return undefined;
  const mine = hits.filter((h) => h.address === address);
  return { address, pods: [...new Set(mine.map((h) => h.pod))], count, line: mine[mine.length - 1]?.line ?? '' };
}

/** Whether an env value names the address (a queue env `orders.created`, a URL `…?queue=orders.created`). */
export function namesAddress(value: string, address: string): boolean {
  return value.split(/[\s,;=?&/]+/).includes(address);
}
