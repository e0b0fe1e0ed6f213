/**
 * Clustered BEAM nodes (Elixir releases, RabbitMQ, CouchDB…) that refuse each other at Erlang
 * distribution: "** Connection attempt from node X rejected. Invalid challenge reply. **" (older
 * OTP: "Connection attempt from disallowed node X") is the receiving node failing the peer's
 * cookie challenge — the TCP connection and the handshake happened, so the network is fine and
 * the two nodes run with different Erlang cookies. The cluster splits along the cookie: which pods
 * hold which side, and what in the pod template sets the cookie (RELEASE_COOKIE, -setcookie) in
 * each revision, say what changed and what to restore.
 */
import type { EnvFromEvidence, EnvVarEvidence, IsoTime, LogEvidence, PodEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';
import { readLogLineTime } from './log-line-time.js';

/** The refusal, with the peer's node name (`'app@10.0.1.7'`, Elixir's `:"app@10.0.1.7"`, bare `app@host`). */
const REFUSAL = /Connection attempt from (?:disallowed )?node :?["']?([\w.-]+@[\w.-]+?)["']?(?: rejected\b|\s*\*\*)/;
/** Variables and flags the Erlang runtime or a release script takes the cookie from. */
const COOKIE_ENV = /^(?:RELEASE_COOKIE|ERLANG_COOKIE|RABBITMQ_ERLANG_COOKIE|COOKIE|[A-Z_]*_ERLANG_COOKIE)$/;
const COOKIE_FLAG = /-setcookie\s+\S+/;

export interface CookieRefusal {
  /** The pod whose node refused. */
  pod: string;
  /** The peer's node name as logged. */
  peer: string;
  /** The peer's pod, when its name or address is one of the workload's pods. */
  peerPod?: string;
  line: string;
  /** When it was logged, when the line says. */
  at?: IsoTime;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The line's time: a full stamp, or Elixir's default clock of the day alone (`03:12:40.123 [error] …`),
 * placed on the day of `now` (the day before when that would be later than now).
 */
export function readRefusalTime(line: string, now: IsoTime): IsoTime | undefined {
  const full = readLogLineTime(line, now);
  if (full !== undefined) return full;
  const m = /^(\d\d:\d\d:\d\d(?:\.\d{1,3})?)\s/.exec(line.trim());
  if (m === null) return undefined;
  const t = Date.parse(`${now.slice(0, 10)}T${m[1] ?? ''}Z`);
  if (Number.isNaN(t)) return undefined;
  return new Date(t > Date.parse(now) + 60_000 ? t - DAY_MS : t).toISOString();
}

/** The pod a node name's host belongs to: its address, or its first DNS label (a StatefulSet pod's stable name). */
function findPeerPod(node: string, pods: readonly PodEvidence[]): string | undefined {
  const host = node.slice(node.indexOf('@') + 1);
  const label = host.split('.')[0] ?? '';
  return pods.find((p) => (p.podIPs ?? []).includes(host) || p.name === label)?.name;
}

/** Every refusal in the workload's current logs. */
export function findCookieRefusals(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: IsoTime): CookieRefusal[] {
  const own = new Set(pods.map((p) => p.name));
  const found: CookieRefusal[] = [];
  for (const log of logs) {
    if (log.previous || !own.has(log.pod)) continue;
    for (const line of log.lines) {
      const m = REFUSAL.exec(line);
      if (m === null) continue;
      const peer = m[1] ?? '';
      const peerPod = findPeerPod(peer, pods);
      const at = readRefusalTime(line, now);
      found.push({ pod: log.pod, peer, ...(peerPod !== undefined ? { peerPod } : {}), line: line.trim(), ...(at !== undefined ? { at } : {}) });
    }
  }
  return found;
}

/** The refusal as the node wrote it, without the clock and level before it. */
export function quoteRefusal(line: string): string {
  const at = line.indexOf('**');
  return at >= 0 ? line.slice(at) : line.slice(line.search(/Connection attempt/));
}

/** Where one revision's container takes its cookie: `env RELEASE_COOKIE (from configMap presence-erlang, key cookie)`, `-setcookie in args`; undefined when nothing in the template sets it. */
export interface CookieSource {
  /** The variable or flag: RELEASE_COOKIE, -setcookie. */
  name: string;
  said: string;
}

function describeEnv(e: EnvVarEvidence): string {
  if ('value' in e) return `env ${e.name} (a literal value)`;
  const { kind, name, key } = e.ref;
  return `env ${e.name} (from ${kind} ${name ?? '?'}${key ? `, key ${key}` : ''})`;
}

/** The cookie setting of a container of a revision. */
export function findCookieSource(c: { env: readonly EnvVarEvidence[]; args?: readonly string[]; command?: readonly string[] } | undefined): CookieSource | undefined {
  if (c === undefined) return undefined;
  const env = c.env.find((e) => COOKIE_ENV.test(e.name));
  if (env !== undefined) return { name: env.name, said: describeEnv(env) };
  const flagged = c.env.find((e) => 'value' in e && COOKIE_FLAG.test(e.value));
  if (flagged !== undefined) return { name: '-setcookie', said: `-setcookie in env ${flagged.name}` };
  const args = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
  return COOKIE_FLAG.test(args) ? { name: '-setcookie', said: '-setcookie in the command line' } : undefined;
}

/** How the cookie setting changed between two revisions of the container, told; undefined when it did not. */
export interface CookieChange {
  revision: RevisionEvidence;
  previous: RevisionEvidence;
  /** What the older revision set. */
  was?: CookieSource;
  /** What the newer one sets, if anything. */
  now?: CookieSource;
  /** ConfigMaps or Secrets the newer revision takes whole instead (envFrom): where the cookie would have to be. */
  envFrom: EnvFromEvidence[];
}

/** The newest change of the cookie setting of `container` among the revisions the pods run. */
export function findCookieChange(revisions: readonly RevisionEvidence[], container: string): CookieChange | undefined {
  const sorted = sortRevisions(revisions);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [newer, older] = [sorted[i], sorted[i + 1]];
    if (newer === undefined || older === undefined) continue;
    const nc = newer.containers.find((c) => c.name === container);
    const oc = older.containers.find((c) => c.name === container);
    const [now, was] = [findCookieSource(nc), findCookieSource(oc)];
    if (now?.said === was?.said) continue;
    const added = (nc?.envFrom ?? []).filter((f) => !(oc?.envFrom ?? []).some((o) => o.kind === f.kind && o.name === f.name));
    return { revision: newer, previous: older, ...(was ? { was } : {}), ...(now ? { now } : {}), envFrom: added };
  }
  return undefined;
}
