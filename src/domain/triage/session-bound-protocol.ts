/**
 * Protocols whose session lives in the process that did the handshake: Socket.IO (engine.io)
 * long-polling and ASP.NET SignalR negotiate a session id with one server, and every later
 * request of that session must reach the same one. Behind a Service that balances each request
 * to any replica, requests that land on another pod are refused ("Session ID unknown", 400;
 * SignalR's "No Connection with that ID", 404) and the clients drop and reconnect in a loop. The
 * server logs it as a client error below ERROR; the pods stay Ready. One replica, or sticky
 * sessions, is all it takes to hold.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { readLogLineTime } from './log-line-time.js';

/** Requests of a session it takes to call it the replicas, not one client that came back after a restart. */
export const MIN_FOREIGN_SESSIONS = 5;

const PROTOCOLS: readonly { name: string; re: RegExp }[] = [
  // engine.io: {"code":1,"message":"Session ID unknown"}
  { name: 'Socket.IO', re: /\bSession ID unknown\b/ },
  { name: 'SignalR', re: /\bNo Connection with that ID\b/ },
];
/** A hit on the long-polling transport: every poll is a separate HTTP request the balancer places anew. */
const POLLING = /transport=polling\b/;

export interface SessionBoundRequests {
  /** "Socket.IO". */
  protocol: string;
  hits: { pod: string; line: string; at?: IsoTime }[];
  pods: string[];
  /** How many of the hits were long-polling requests. */
  polling: number;
  first?: IsoTime;
}

/** Requests refused because their session was made on another replica, on at least two of the running pods. */
export function findSessionBoundRequests(logs: readonly LogEvidence[], pods: ReadonlySet<string>, now: IsoTime): SessionBoundRequests | undefined {
  const mine = logs.filter((l) => !l.previous && pods.has(l.pod));
  for (const p of PROTOCOLS) {
    const hits = mine.flatMap((l) => l.lines.filter((line) => p.re.test(line)).map((line) => {
      const at = readLogLineTime(line, now);
      return { pod: l.pod, line: line.trim(), ...(at ? { at } : {}) };
    }));
    const hit = [...new Set(hits.map((h) => h.pod))];
    if (hits.length < MIN_FOREIGN_SESSIONS || hit.length < 2) continue;
    const times = hits.flatMap((h) => (h.at ? [h.at] : [])).sort();
    return { protocol: p.name, hits, pods: hit, polling: hits.filter((h) => POLLING.test(h.line)).length, ...(times[0] ? { first: times[0] } : {}) };
  }
  return undefined;
}
