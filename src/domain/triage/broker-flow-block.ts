/**
 * A broker that blocks its producers because an address is full: ActiveMQ Artemis with
 * address-full-policy BLOCK stops granting credits once the address holds max-size-bytes, so every
 * send to it waits (the client logs AMQ212054, the broker AMQ222183); Apache Pulsar refuses
 * producers on a topic whose backlog quota is exceeded (policy producer_exception or
 * producer_request_hold: ProducerBlockedQuotaExceeded); NATS JetStream refuses publishes to a stream at
 * its max_bytes / max_msgs under discard: new ("nats: maximum bytes exceeded"). An address or topic fills when its messages
 * are not consumed: the usual reason is that its consumers stopped (scaled to 0, stuck).
 */
import type { LogEvidence } from './evidence.js';

/** Artemis client: `AMQ212054: Destination address=orders.created is blocked.` */
const CLIENT_BLOCKED = /AMQ212054: Destination address=([^\s,;]+?)\.? is blocked/;
/** Artemis broker: `AMQ222183: Blocking message production on address 'orders.created'; size is currently: … max-size-bytes on address: …`. */
const BROKER_BLOCKING = /AMQ222183: Blocking message production on address '([^']+)'/;

/**
 * Pulsar: a line that says the backlog quota is exceeded and names the topic (the Java client's
 * `[persistent://t/ns/topic] [producer] Failed to create producer: {"errorMsg":"Cannot create
 * producer on topic with backlog quota exceeded"…}`, the Go client's `topic=persistent://…`).
 */
const BACKLOG_QUOTA = /backlog quota exceeded|ProducerBlockedQuotaExceeded/i;
const PULSAR_TOPIC = /\b((?:non-)?persistent:\/\/[^\s\]"',;]+)/;

/** JetStream: `nats: maximum bytes exceeded` (or messages), with the stream named in the same line ("stream":"ORDERS", stream=ORDERS). */
const JETSTREAM_FULL = /maximum (?:bytes|messages) exceeded/i;
const JETSTREAM_STREAM = /\bstream"?\s*[:=]\s*"?([A-Za-z0-9_-]+)/;

/** The broker that blocks the sends: the reading and its fix differ. */
export type BlockingBroker = 'artemis' | 'pulsar' | 'jetstream';

function matchBlocked(line: string): { address: string; broker: BlockingBroker } | undefined {
  const artemis = CLIENT_BLOCKED.exec(line) ?? BROKER_BLOCKING.exec(line);
  if (artemis?.[1] !== undefined) return { address: artemis[1], broker: 'artemis' };
  const topic = BACKLOG_QUOTA.test(line) ? PULSAR_TOPIC.exec(line)?.[1] : undefined;
  if (topic !== undefined) return { address: topic, broker: 'pulsar' };
  const stream = JETSTREAM_FULL.test(line) ? JETSTREAM_STREAM.exec(line)?.[1] : undefined;
  return stream === undefined ? undefined : { address: stream, broker: 'jetstream' };
}

/** Lines before it counts: one blocked send is not an outage. */
const MIN_LINES = 2;

export interface BlockedAddress {
  /** The full address (Pulsar: the topic URL), as the client names it. */
  address: string;
  broker: BlockingBroker;
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
    const m = matchBlocked(line);
    return m === undefined ? [] : [{ pod: l.pod, ...m, line: line.trim() }];
  }));
  const counts = new Map<string, number>();
  for (const h of hits) counts.set(h.address, (counts.get(h.address) ?? 0) + 1);
  const [address, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (address === undefined || count === undefined || count < MIN_LINES) return undefined;
  const mine = hits.filter((h) => h.address === address);
  return { address, broker: mine[0]?.broker ?? 'artemis', pods: [...new Set(mine.map((h) => h.pod))], count, line: mine[mine.length - 1]?.line ?? '' };
}

/** A Pulsar topic's local name (`persistent://acme/orders/order-events` → `order-events`); an Artemis address is its own. */
function localName(address: string): string {
  return /^(?:non-)?persistent:\/\//.test(address) ? address.slice(address.lastIndexOf('/') + 1) : address;
}

/**
 * Whether an env value names the address (a queue env `orders.created`, a URL
 * `…?queue=orders.created`, a Pulsar topic by its full URL or its local name).
 */
export function namesAddress(value: string, address: string): boolean {
  if (value.trim() === address) return true;
  const name = localName(address);
  return value.split(/[\s,;=?&/]+/).some((t) => t === address || t === name);
}
