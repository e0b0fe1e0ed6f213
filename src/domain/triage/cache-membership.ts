/**
 * A cache resized under its clients: the client's own log says its server list changed ("memcached
 * server list changed: 3 -> 4 servers", "servers updated from 3 to 4") just before its hit ratio
 * collapsed. A client places each key by hashing it over the server list, so a change of the list
 * moves keys to servers that do not have them. Consistent (ketama) hashing moves only the new
 * server's share (going 3 → 4 keeps 3/4 of the keys where they were); modulo hashing moves most
 * of them (3 → 4 keeps 1/4: the keys whose hash gives the same remainder by 3 and by 4). The depth
 * of the fall says which. Pure: reads the workload's lines.
 */
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';
import { MINUTE_MS, msBetween } from './time-span.js';
import { TRIGGER_SKEW_MS } from './trigger-window.js';

/** "server list changed: 3 -> 4 servers", "memcached servers updated from 3 to 4", "ring changed 4 → 3 nodes". */
const MEMBERSHIP = /\b(?:server|node|host|member|ring|pool)s?(?: list| set| ring)?\b[^\n]{0,20}?\b(?:changed|updated|resized|grew|shrank)\b[^\n]{0,12}?(?:from\s+)?(\d{1,3})\s*(?:->|→|to)\s*(\d{1,3})\b/i;
/** The servers the line names: "(memcached-0..memcached-3)", "[cache-0, cache-1]". */
const MEMBER_NAME = /\b([a-z][a-z0-9-]*?)-\d+\b/;
/** The resize came at most this long before the hit ratio fell. */
const LEAD_MS = 30 * MINUTE_MS;

export interface MembershipChange {
  from: number;
  to: number;
  /** The cache the servers belong to, by their names (a StatefulSet's pods), when the line names them. */
  cache?: string;
  at?: IsoTime;
  pod: string;
  line: string;
}

/** The workload's word that its cache server list changed shortly before `collapseAt`. */
export function findMembershipChange(logs: readonly LogEvidence[], pods: readonly PodEvidence[], collapseAt: IsoTime | undefined): MembershipChange | undefined {
  if (collapseAt === undefined) return undefined;
  const own = new Set(pods.map((p) => p.name));
  for (const l of logs) {
    if (l.previous || !own.has(l.pod)) continue;
    for (const line of l.lines) {
      const m = MEMBERSHIP.exec(line);
      if (m === null || !/cache|memcache|redis|server/i.test(line)) continue;
      const from = Number(m[1]);
      const to = Number(m[2]);
      if (from === to || from === 0 || to === 0) continue;
      const at = readLineTime(line);
      if (at === undefined) continue;
      const lead = msBetween(at, collapseAt);
      if (lead < -TRIGGER_SKEW_MS || lead > LEAD_MS) continue;
      const cache = MEMBER_NAME.exec(line.slice((m.index ?? 0) + m[0].length))?.[1];
      return { from, to, ...(cache ? { cache } : {}), at, pod: l.pod, line: line.trim() };
    }
  }
  return undefined;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The share of keys that stay on their server when the list goes from `from` to `to` servers. */
export function keptShare(from: number, to: number, hashing: 'modulo' | 'consistent'): number {
  if (hashing === 'consistent') return Math.min(from, to) / Math.max(from, to);
  // A key stays when hash mod from = hash mod to: min(from, to) remainders of every lcm(from, to).
  return Math.min(from, to) / ((from * to) / gcd(from, to));
}

/** Which hashing the fall fits better: the cold ratio against warm × the share each would keep. */
export function judgeHashing(change: Pick<MembershipChange, 'from' | 'to'>, warm: number, cold: number): 'modulo' | 'consistent' {
  const modulo = warm * keptShare(change.from, change.to, 'modulo');
  const consistent = warm * keptShare(change.from, change.to, 'consistent');
  return Math.abs(cold - modulo) <= Math.abs(cold - consistent) ? 'modulo' : 'consistent';
}
