/**
 * A data object the pods read is gone, and no Job ran before: another Deployment of the namespace
 * that talks to the same store rolled out just before. A new revision that renames its index,
 * bucket or table (a new alias, a new prefix) and whose retention step then deletes what it no
 * longer names removes the object a reader unchanged for days still asks for. That workload is
 * found as client-rollout.ts finds another client of a server — its env naming the same store
 * host as the workload's — and said "likely" only when so tied.
 * Pure: the workload's own logs, and the namespace's rollouts (read-namespace-rollouts.ts).
 */
import type { IsoTime, LogEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { type ClientRollout, clientRolloutsSince, describeClientSince, describeClientTie, findClientRollout } from './client-rollout.js';
import { findMissingDataObject } from './missing-data-object.js';
import { findTimedLogHits } from './timed-log-hits.js';
import type { EnvTie, LiteralEnv } from './tied-rollout.js';

/** Fewer lines than this are a one-off miss, not the store refusing every read. */
const MIN_LINES = 2;
/** Changes of a revision that bear on which data object it writes, keeps or deletes. */
const BEARS_ON_DATA = /index|alias|bucket|table|prefix|retain|retention|keep|rollover|collection|keyspace|schema|image/i;

/** The workload's own current lines that say a data object it reads does not exist, with their times. */
function findMissingObjectHits(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: IsoTime): { line: string; at?: IsoTime }[] {
  return findTimedLogHits(logs, pods, /\S/, now).filter((h) => findMissingDataObject([h.line]) !== undefined);
}

/** Whether the namespace's rollouts are worth a read: the store says what the pods read is gone; since when. */
export function needsDataObjectRollouts(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): { since: IsoTime } | undefined {
  const hits = findMissingObjectHits(seen.logs, seen.pods, seen.collectedAt);
  if (hits.length < MIN_LINES) return undefined;
  const onset = hits.map((h) => h.at).filter((t): t is IsoTime => t !== undefined).sort()[0];
  return onset === undefined ? undefined : { since: clientRolloutsSince(onset) };
}

/** The host an env value addresses: a URL's, or a `host:port`'s, or a dotted host name's; undefined for any other value. */
export function readAddressHost(value: string): string | undefined {
  const url = /^[a-z][\w+.-]*:\/\/(?:[^@/\s]*@)?([\w.-]+)(?::\d+)?(?:[/?#]|$)/i.exec(value);
  if (url) return url[1]?.toLowerCase();
  const hostPort = /^([\w-]+(?:\.[\w-]+)*):\d+$/.exec(value);
  if (hostPort) return hostPort[1]?.toLowerCase();
  const dotted = /^([a-z][\w-]*(?:\.[\w-]+)+)$/i.exec(value);
  return dotted && !/\.(?:json|ya?ml|conf|txt|log|properties)$/i.test(value) ? dotted[1]?.toLowerCase() : undefined;
}

/** Another Deployment whose env addresses the same host as one of the workload's: another client of the same store. */
const namesSameStore: EnvTie = (mine: readonly LiteralEnv[], theirs: readonly LiteralEnv[]) => {
  for (const m of mine) {
    const host = readAddressHost(m.value);
    if (host === undefined) continue;
    const hit = theirs.find((t) => readAddressHost(t.value) === host);
    if (hit) return { by: `both address ${host} (${hit.name === m.name ? hit.name : `${hit.name}, ${m.name}`})`, weight: 3 };
  }
  return undefined;
};

export interface DataObjectRollout {
  rollout: ClientRollout;
  /** "index x": what the store says is missing. */
  gone: string;
  /** "likely since revision 12 of x (40m ago: its change), another client of the same store: …", for the verdict's "since". */
  text: string;
  advice: string;
}

/** The rollout of another client of the store just before the store began to say that what the pods read is gone. */
export function findDataObjectRollout(ev: TriageEvidence, onset: IsoTime, pods: readonly string[], lines: readonly string[]): DataObjectRollout | undefined {
  const gone = findMissingDataObject(lines);
  if (gone === undefined || (ev.namespaceRollouts ?? []).length === 0) return undefined;
  const own = ev.target.kind === 'Deployment' ? [ev.target.name] : [];
  const rollout = findClientRollout(ev, { onset, services: own, pods, lines, bearing: BEARS_ON_DATA, strongEnv: namesSameStore });
  if (rollout === undefined) return undefined;
  // The change that moved off the missing name says most; else one that bears on data, else the first.
  const name = gone.replace(/^\S+ /, '');
  const change = rollout.changes.find((c) => c.includes(`"${name}"`)) ?? rollout.changes.find((c) => BEARS_ON_DATA.test(c) && !/\bimage\b/i.test(c)) ?? rollout.changes[0];
  const since = describeClientSince(rollout, ev.collectedAt);
  const text = `${change === undefined ? since : since.replace(/\)$/, `: ${change})`)}, ${describeClientTie(rollout, 'another client of the same store')}`;
  const advice = `restore ${gone} (an alias of that name on what ${rollout.deployment} now writes, or from a snapshot) or point the pods at the new name; read the log of ${rollout.deployment} for what it renamed or deleted, and fix its retention or cleanup so it keeps what others still read`;
  return { rollout, gone, text, advice };
}
