/**
 * A PostgreSQL streaming standby whose primary is now another database cluster: every walreceiver it
 * starts ends "database system identifier differs between the primary and standby". The address it
 * streams from answers, but from a server that ran initdb anew (its claim or data directory re-created
 * and a dump restored) — WAL of one cluster never applies to a copy of another, so the standby never
 * streams again, however often it or the primary restarts. A probe that checks it streams only shows
 * the symptom. Only a re-seed from the new primary (pg_basebackup into an emptied data directory, or a
 * fresh claim) brings it back. The primary's pod, log tail and claims (read for this: the Service the
 * standby's own log, its env or the namespace's names point at) date when it became another cluster.
 */
import type { LogEvidence, PodEvidence, ServiceEvidence, TriageTarget } from './evidence.js';
import type { PvcEvidence } from './evidence-pvc.js';
import type { IsoTime } from './evidence-spec.js';
import type { StoreVolumeEvidence } from './evidence-store-volume.js';
import { findInClusterService } from './down-service.js';
import { INIT_LINE, PERSISTED_LINE } from './store-volume-loss.js';
import type { StillLoadingMiss } from './probe-still-loading.js';
import { capitalize } from '../text.js';
import { formatAgo, msBetween } from './time-span.js';
import { matchesLabels } from './service-match.js';

const DIFFERS = /database system identifier differs between the primary and standby/i;
/** PostgreSQL's DETAIL after it: both identifiers. */
const IDENTIFIERS = /The primary's identifier is (\d+), the standby's identifier is (\d+)/i;
/** The host libpq names when the standby's connection to its primary fails (a restart of the primary, a bad name). */
const LOGGED_HOST = /primary[^\n]*?(?:connection to server at|could not translate host name) "([^"]+)"/i;
/** Env that names the primary a standby streams from (PRIMARY_HOST, POSTGRESQL_MASTER_HOST, a primary_conninfo). */
const PRIMARY_KEY = /(PRIMARY|MASTER|UPSTREAM|LEADER)[A-Z_]*(HOST|ADDR|SERVICE|CONNINFO)/i;
const CONNINFO_HOST = /\bhost=([a-z0-9][a-z0-9.-]*)/i;
const BARE_HOST = /^([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*)(?::\d+)?$/i;
/** A Service named as a replication primary's. */
const PRIMARY_NAME = /(^|-)(primary|master|rw|leader|writer)(-|$)/;
/** The docker image's entrypoint running an init script on an empty data directory (a restore, a role). */
const INIT_SCRIPT = /running \/docker-entrypoint-initdb\.d\/(\S+)/;

export interface ForeignPrimary {
  /** The standby's line, trimmed to the sentence. */
  line: string;
  /** How many times its log says so. */
  count: number;
  /** Both identifiers, when its DETAIL gives them. */
  identifiers?: { primary: string; standby: string };
}

/** What the standby's own log says of its primary's identity; undefined when it never said so. */
export function findForeignPrimary(lines: readonly string[]): ForeignPrimary | undefined {
  const hits = lines.filter((l) => DIFFERS.test(l));
  if (hits.length === 0) return undefined;
  const ids = lines.map((l) => IDENTIFIERS.exec(l)).filter((m) => m !== null).at(-1);
  return {
    line: DIFFERS.exec(hits.at(-1) ?? '')?.[0] ?? '',
    count: hits.length,
    ...(ids ? { identifiers: { primary: ids[1] ?? '', standby: ids[2] ?? '' } } : {}),
  };
}


/** The hosts that name the standby's primary: in its own log (newest first), then in its env. */
function listPrimaryHosts(lines: readonly string[], pods: readonly PodEvidence[]): string[] {
  const logged = lines.map((l) => LOGGED_HOST.exec(l)?.[1]).filter((h): h is string => h !== undefined).reverse();
  const env = pods.flatMap((p) => p.containers.flatMap((c) => c.env ?? [])).flatMap((e) => {
    if (!PRIMARY_KEY.test(e.name) || !('value' in e) || typeof e.value !== 'string') return [];
    const host = CONNINFO_HOST.exec(e.value)?.[1] ?? BARE_HOST.exec(e.value)?.[1];
    return host === undefined ? [] : [host];
  });
  return [...logged, ...env];
}

/**
 * The Service of the namespace behind the standby's primary, when its own log says the primary is
 * another cluster: the one its log or env names, else the only Service named as a primary's that
 * selects none of its own pods. The collector reads one ready pod of it, its log tail and its claims.
 */
export function pickStandbyPrimaryService(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: TriageTarget; services: readonly ServiceEvidence[] }): string | undefined {
  const own = ev.logs.filter((l) => ev.pods.some((p) => p.name === l.pod));
  const lines = own.flatMap((l) => l.lines);
  if (findForeignPrimary(lines) === undefined) return undefined;
  const others = ev.services.filter((s) => !ev.pods.some((p) => matchesLabels(s.selector, p.labels)));
  for (const host of listPrimaryHosts(lines, ev.pods)) {
    const ref = findInClusterService(host, ev.target.namespace);
    const svc = ref?.namespace === ev.target.namespace ? others.find((s) => s.name === ref.name) : undefined;
    if (svc !== undefined) return svc.name;
  }
  const named = others.filter((s) => PRIMARY_NAME.test(s.name) && Object.keys(s.selector).length > 0);
  return named.length === 1 ? named[0]?.name : undefined;
}

/** How the primary became another cluster: a claim newer than the standby's data, its log's initdb. */
interface Rebuilt {
  claim?: PvcEvidence & { createdAt: IsoTime };
  initLine?: string;
  scripts: string[];
  at?: IsoTime;
}

/** The primary's claims made after the standby's data (its claim, else its pod) and its log's initdb; undefined when neither. */
function findRebuilt(primary: StoreVolumeEvidence, standbyData: IsoTime | undefined): Rebuilt | undefined {
  const lines = primary.logs.flatMap((l) => l.lines);
  const persisted = lines.some((l) => PERSISTED_LINE.test(l));
  const initLine = persisted ? undefined : lines.filter((l) => INIT_LINE.test(l)).at(-1)?.trim();
  const scripts = [...new Set(lines.map((l) => INIT_SCRIPT.exec(l)?.[1]).filter((s): s is string => s !== undefined))];
  const claim = primary.claims
    .filter((c): c is PvcEvidence & { createdAt: IsoTime } => c.createdAt !== undefined && (standbyData === undefined || msBetween(standbyData, c.createdAt) > 0))
    .sort((a, b) => msBetween(a.createdAt, b.createdAt))[0];
  if (claim === undefined && initLine === undefined) return undefined;
  const at = claim?.createdAt ?? primary.pod.createdAt;
  return { ...(claim ? { claim } : {}), ...(initLine ? { initLine } : {}), scripts, ...(at ? { at } : {}) };
}

/**
 * A standby whose own log says its primary's system identifier differs from its own: the primary is
 * another database cluster, and where its pod was read, since when (a claim newer than the standby's
 * data, its log's initdb). Undefined without that line.
 */
export function explainStandbyForeignPrimary(
  ev: { pods: readonly PodEvidence[]; pvcs: readonly PvcEvidence[]; collectedAt: IsoTime; standbyPrimary?: StoreVolumeEvidence },
  logs: readonly LogEvidence[],
): (StillLoadingMiss & { onset?: IsoTime }) | undefined {
  const found = logs.map((l) => ({ log: l, foreign: findForeignPrimary(l.lines) })).find((x) => x.foreign !== undefined);
  if (found?.foreign === undefined) return undefined;
  const { log, foreign } = found;
  const pod = log.pod;
  const now = ev.collectedAt;
  const standby = ev.pods.find((p) => p.name === pod);
  const ownClaim = ev.pvcs.find((c) => c.usedByPods.includes(pod) && c.createdAt !== undefined);
  const primary = ev.standbyPrimary;
  const rebuilt = primary ? findRebuilt(primary, ownClaim?.createdAt ?? standby?.createdAt) : undefined;
  const name = primary?.pod.name ?? 'its primary';
  const owner = primary?.pod.ownerWorkload ? ` (${primary.pod.ownerWorkload.kind} ${primary.pod.ownerWorkload.name})` : '';
  const via = primary ? ` behind Service ${primary.service}` : '';
  const how = rebuilt
    ? [
        rebuilt.claim ? `was re-created ${formatAgo(rebuilt.claim.createdAt, now)} on a new claim ${rebuilt.claim.name}` : `was re-created ${primary?.pod.createdAt ? formatAgo(primary.pod.createdAt, now) : ''}`.trim(),
        rebuilt.initLine ? `initdb made a new cluster${rebuilt.claim ? ' on it' : ''}${rebuilt.scripts.length > 0 ? ` and ran its init scripts (${rebuilt.scripts.join(', ')})` : ''}` : '',
      ].filter((s) => s !== '').join(', where ')
    : '';
  const times = `${foreign.count} time${foreign.count === 1 ? '' : 's'} in its log`;
  const quoted = foreign.line;
  const fix = `re-seed ${pod} from ${rebuilt ? `the new primary ${name}` : `the primary it should follow`} (pg_basebackup into an emptied data directory, or a fresh claim, or the operator's reinit)`;
  const check = rebuilt ? '' : ` First check that the address it streams from is the primary it should follow: if it points at the wrong server, point it back instead.`;
  return {
    decisive: quoted,
    scope: `standby ${pod} cannot stream: its primary is another database cluster now ("${quoted}", ${times})${how ? `; ${name}${owner} ${how}` : ''}`,
    why: `${pod} is a streaming standby, a copy of the database cluster it was cloned from; ${name}${via} ${rebuilt ? `${how}, so it is a new cluster with a new system identifier` : 'answers as a different cluster (a new system identifier: re-initialized, restored from a dump, or another server)'}${foreign.identifiers ? ` (primary ${foreign.identifiers.primary}, standby ${foreign.identifiers.standby})` : ''}. WAL of one cluster never applies to a copy of another, so every walreceiver it starts ends at once, it never streams, and the check that it streams fails; ${pod} itself is not broken`,
    fix,
    action: `${capitalize(fix)}.${check} Restarting ${pod} or ${name} changes nothing: its data directory belongs to the old cluster. Meanwhile send its reads to the primary.`,
    evidence: [
      `log ${pod}: ${quoted} (${times})`,
      ...(foreign.identifiers ? [`log ${pod}: the primary's identifier is ${foreign.identifiers.primary}, the standby's ${foreign.identifiers.standby}`] : []),
      ...(primary && rebuilt?.claim ? [`claim ${rebuilt.claim.name} of ${name}: created ${formatAgo(rebuilt.claim.createdAt, now)}${ownClaim?.createdAt ? `; ${pod}'s claim ${ownClaim.name} ${formatAgo(ownClaim.createdAt, now)}` : ''}`] : []),
      ...(primary?.pod.createdAt ? [`pod ${name}${owner}: created ${formatAgo(primary.pod.createdAt, now)}`] : []),
      ...(rebuilt?.initLine ? [`log ${name}: ${rebuilt.initLine}`] : []),
    ],
    outsideWorkload: `${pod}'s primary became another database cluster; any revision of ${pod} fails to stream from it the same way`,
    ...(rebuilt?.at ? { onset: rebuilt.at } : {}),
  };
}
