/**
 * A process that stops the world longer than the timeout of a session it holds with a coordinator
 * loses that session: ZooKeeper expires it (and with it the ephemeral nodes and leader latches),
 * a Kafka group coordinator evicts the consumer, an etcd lease or a Consul session lapses, Hazelcast
 * suspects the member. The app then fails on the lost session, not on the pause itself, so the
 * session is what the reading must name, with the pause set against the timeout.
 */
import type { ContainerSpecEvidence } from './evidence.js';
import { condenseStructuredLine } from './evidence-lookup.js';
import { truncate } from '../text.js';

export interface SessionLoss {
  /** "ZooKeeper sessions expire" — what the app loses, in the coordinator's terms. */
  mechanism: string;
  /** The coordinator: "ZooKeeper". */
  coordinator: string;
  /** How many lines in the tails read report the loss. */
  count: number;
  /** The clearest line, short. */
  quote: string;
  /** The loss in that line's own words: "KeeperErrorCode = Session expired". */
  said: string;
  /** A line saying what the app dropped with it (leadership, locks), when it says so. */
  consequence?: string;
}

export interface SessionTimeout {
  ms: number;
  /** "env SESSION_TIMEOUT_MS", "the server's log". */
  where: string;
}

interface Coordinator {
  coordinator: string;
  mechanism: string;
  line: RegExp;
}

const COORDINATORS: readonly Coordinator[] = [
  { coordinator: 'ZooKeeper', mechanism: 'ZooKeeper sessions expire', line: /SessionExpiredException|KeeperErrorCode = Session expired|session 0x[0-9a-f]+ has expired|\bSession expired\b|State change: LOST|ConnectionState(?:\.| )LOST/i },
  { coordinator: 'Kafka', mechanism: 'Kafka consumers are evicted from their group', line: /session timed out without receiving a heartbeat|CommitFailedException|UNKNOWN_MEMBER_ID|consumer poll timeout has expired|is not a member of the group/i },
  { coordinator: 'etcd', mechanism: 'etcd leases expire', line: /requested lease not found|\blease \w* ?(?:has )?expired\b/i },
  { coordinator: 'Consul', mechanism: 'Consul sessions are invalidated', line: /consul[^\n]*session[^\n]*(?:invalidat|destroy|expir)/i },
  { coordinator: 'Hazelcast', mechanism: 'Hazelcast members are suspected and dropped', line: /hazelcast[^\n]*(?:is suspected|suspected member|MemberLeftException)/i },
];

/** What the app gives up with the session: a leader latch, a lock, its partitions. */
const CONSEQUENCE = /leadership (?:lost|revoked|relinquished)|lost leadership|no longer (?:the )?leader|lock (?:lost|released)|partitions revoked/i;

/** The lines of one pod's tail that say a session with a coordinator was lost; the most frequent coordinator wins. */
export function findSessionLoss(lines: readonly string[]): SessionLoss | undefined {
  let best: SessionLoss | undefined;
  for (const c of COORDINATORS) {
    const hits = lines.filter((l) => c.line.test(l));
    if (hits.length === 0 || (best !== undefined && best.count >= hits.length)) continue;
    // The coordinator's own error first (an exception, an error code), then a line naming the expiry, then a state change.
    const clearest = hits.find((l) => /Exception|ErrorCode/.test(l)) ?? hits.find((l) => /expired|evicted|not found|invalidat|suspected/i.test(l)) ?? hits[0] ?? '';
    const said = clearest.split('\n').find((l) => c.line.test(l)) ?? clearest;
    const words = c.line.exec(said)?.[0] ?? said;
    const consequence = lines.find((l) => CONSEQUENCE.test(l));
    best = {
      coordinator: c.coordinator,
      mechanism: c.mechanism,
      count: hits.length,
      quote: truncate(condenseStructuredLine(said.trim()), 220),
      said: /KeeperErrorCode = Session expired/.exec(said)?.[0] ?? truncate(words, 80),
      ...(consequence !== undefined ? { consequence: truncate(condenseStructuredLine(consequence.trim()), 200) } : {}),
    };
  }
  return best;
}

/** An env var that sets a session timeout: "SESSION_TIMEOUT_MS", "zookeeper.session.timeout", "session.timeout.ms". */
const TIMEOUT_ENV = /session[_.]?timeout/i;
/** What the client or the server logs about the timeout in force. */
const TIMEOUT_LOG = /negotiated timeout = (\d+)|Expiring session 0x[0-9a-f]+, timeout of (\d+)ms exceeded|session\.timeout\.ms = (\d+)/i;

/** The session timeout in force: the container's own setting first, else what the client or server logged. */
export function findSessionTimeout(spec: ContainerSpecEvidence | undefined, lines: readonly string[]): SessionTimeout | undefined {
  for (const e of spec?.env ?? []) {
    if (!('value' in e) || !TIMEOUT_ENV.test(e.name)) continue;
    const n = Number(e.value.trim());
    if (!Number.isFinite(n) || n <= 0) continue;
    // A name that says milliseconds, or a number only milliseconds make sensible.
    const ms = /ms\b|_MS$|millis/i.test(e.name) || n >= 1000 ? n : n * 1000;
    return { ms, where: `env ${e.name}` };
  }
  for (const l of lines) {
    const m = TIMEOUT_LOG.exec(l);
    const n = Number(m?.slice(1).find((x) => x !== undefined) ?? NaN);
    if (Number.isFinite(n) && n > 0) return { ms: n, where: /Expiring session/.test(l) ? "the server's log" : "the client's log" };
  }
  return undefined;
}

/** The collector the JVM was told to use ("ParallelGC"), from its flags. */
export function findCollector(spec: ContainerSpecEvidence | undefined): string | undefined {
  const said = [...(spec?.env ?? []).flatMap((e) => ('value' in e ? [e.value] : [])), ...(spec?.args ?? []), ...(spec?.command ?? [])].join(' ');
  return /-XX:\+Use(\w+GC)\b/.exec(said)?.[1];
}
