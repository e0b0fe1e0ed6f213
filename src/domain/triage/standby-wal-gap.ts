/**
 * A PostgreSQL streaming standby that cannot catch up: the primary already recycled the WAL
 * segment the standby needs next (it was away longer than wal_keep_size covers, with no replication
 * slot holding the WAL for it), so every reconnect ends with "requested WAL segment … has already
 * been removed". The standby runs and serves stale reads at best, never streams again, and a
 * readiness check on its lag keeps it out of its Service. Only a re-seed brings it back.
 * How much WAL the primary keeps for it is a setting of the config file its members mount: which
 * ConfigMaps to read for it (only while a log says so, at most two, never a Secret) and what to keep.
 */
import type { EventEvidence, LogEvidence, PodEvidence } from './evidence-pod.js';
import type { IsoTime } from './evidence-spec.js';
import type { ServerConfigEvidence } from './evidence-server-config.js';
import { listConfigMapsOf } from './cluster-down.js';
import { findConfigFileSettings } from './server-config-file.js';
import { capitalize, formatSpan } from '../text.js';
import { MINUTE_MS, formatAgo, msBetween } from './time-span.js';
import type { StillLoadingMiss } from './probe-still-loading.js';

export interface RemovedWal {
  /** The segment it asks for: "00000001000000A7000000C3". */
  segment: string;
  /** The line that says so, trimmed. */
  line: string;
  /** How many times its log says so. */
  count: number;
}

const REMOVED = /requested WAL segment ([0-9A-F]{24}) has already been removed/;

/** The segment a standby's own log says the primary no longer has; undefined while it streams. */
export function findRemovedWal(lines: readonly string[]): RemovedWal | undefined {
  const hits = lines.filter((l) => REMOVED.test(l));
  const last = hits.at(-1);
  const segment = last ? REMOVED.exec(last)?.[1] : undefined;
  return last && segment ? { segment, line: last.trim(), count: hits.length } : undefined;
}

/** The settings that decide how much WAL a primary keeps for a standby that is away. */
export const WAL_RETENTION_SETTINGS = ['wal_keep_size', 'wal_keep_segments', 'max_slot_wal_keep_size', 'archive_mode'];

/** The ConfigMaps (config-named first, at most two) a pod whose log says the WAL it needs was removed mounts. */
export function pickWalRetentionReads(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): string[] {
  const log = ev.logs.find((l) => findRemovedWal(l.lines) !== undefined);
  return log ? listConfigMapsOf(ev.pods.find((p) => p.name === log.pod)) : [];
}

/** The WAL-retention settings a ConfigMap sets, from every key (postgresql.conf); nothing else is kept. */
export function keepWalRetentionSettings(configMap: string, data: Readonly<Record<string, string>>): ServerConfigEvidence[] {
  return findConfigFileSettings(data, WAL_RETENTION_SETTINGS).map((s) => ({ configMap, ...s }));
}

/** A node NotReady at least this long: a standby on it falls behind by all the WAL written meanwhile. */
const LONG_OUTAGE_MS = 30 * MINUTE_MS;

/** Its node's NotReady spell before it came back (NodeNotReady, then NodeReady), when it lasted long. */
function findLongOutage(events: readonly EventEvidence[], node: string | undefined): { from: EventEvidence; back?: EventEvidence } | undefined {
  const onNode = events.filter((e) => e.object.kind === 'Node' && e.object.name === node);
  const from = onNode.filter((e) => e.reason === 'NodeNotReady').sort((a, b) => msBetween(b.firstSeen, a.firstSeen))[0];
  if (from === undefined) return undefined;
  const back = onNode.filter((e) => e.reason === 'NodeReady' && msBetween(from.lastSeen, e.lastSeen) > 0).sort((a, b) => msBetween(a.lastSeen, b.lastSeen))[0];
  const end = back?.lastSeen;
  return end === undefined || msBetween(from.firstSeen, end) >= LONG_OUTAGE_MS ? { from, ...(back ? { back } : {}) } : undefined;
}

/**
 * A standby the kubelet keeps restarting because its probe checks that it streams, while its own log
 * says the primary already removed the WAL it needs: the mechanism is the WAL the primary kept (its
 * config's wal_keep_size, no slot, no archive) against the time the standby was away (its node's long
 * NotReady spell), and only a re-seed brings it back. Undefined without that line.
 */
export function explainStandbyWalGap(
  ev: { events: readonly EventEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime; walRetentionConfig?: readonly ServerConfigEvidence[] },
  logs: readonly LogEvidence[],
): (StillLoadingMiss & { onset?: IsoTime }) | undefined {
  const found = logs.map((l) => ({ log: l, gap: findRemovedWal(l.lines) })).find((x) => x.gap !== undefined);
  if (found?.gap === undefined) return undefined;
  const { log, gap } = found;
  const pod = log.pod;
  const node = ev.pods.find((p) => p.name === pod)?.nodeName;
  const outage = findLongOutage(ev.events, node);
  const now = ev.collectedAt;
  const away = outage ? ` after its node ${node ?? ''} was NotReady${outage.back ? ` for ${formatSpan(msBetween(outage.from.firstSeen, outage.back.lastSeen))} (back ${formatAgo(outage.back.lastSeen, now)})` : ` since ${formatAgo(outage.from.firstSeen, now)}`}` : '';
  const settings = ev.walRetentionConfig ?? [];
  const kept = settings.map((c) => `${c.setting} = ${c.value}`).join(', ');
  const where = settings[0] ? ` (ConfigMap ${settings[0].configMap}, ${settings[0].key})` : '';
  const keep = settings.find((c) => c.setting === 'wal_keep_size' || c.setting === 'wal_keep_segments');
  const noSlot = !settings.some((c) => c.setting === 'max_slot_wal_keep_size');
  const quoted = `requested WAL segment ${gap.segment} has already been removed`;
  const fix = `re-seed ${pod} from the primary (pg_basebackup into an emptied data directory, or the operator's reinit), then keep WAL for a standby that is away: a physical replication slot with max_slot_wal_keep_size, a larger ${keep ? `${keep.setting} than ${keep.value}${where}` : 'wal_keep_size'}, or WAL archiving`;
  return {
    decisive: quoted,
    scope: `standby ${pod} cannot catch up — the primary already removed the WAL it needs ("${quoted}", ${gap.count} time${gap.count === 1 ? '' : 's'} in its log)${away}${kept ? `; its config keeps only ${kept}${where}` : ''}`,
    why: `${pod} is a streaming standby: it asks the primary for WAL segment ${gap.segment}, which the primary already recycled — it was away${away ? ` (${away.trim()})` : ''} longer than the WAL the primary keeps covers (${kept || 'wal_keep_size'})${noSlot ? ', and no replication slot held that WAL for it' : ''}. It can never catch up by streaming, so the probe that checks it streams fails and the kubelet restarts it, over and over; the primary is fine`,
    fix,
    action: `${capitalize(fix)}. Restarting ${pod} replays the same request; relaxing the probe would only hide a standby that never catches up.`,
    evidence: [
      `log ${pod}: ${gap.line}`,
      ...settings.map((c) => `ConfigMap ${c.configMap} (${c.key}) sets ${c.setting} = ${c.value}`),
      ...(outage ? [outage.from, ...(outage.back ? [outage.back] : [])].map((e) => `event Node ${e.object.name}: ${e.reason} ${formatAgo(e.firstSeen, now)}: ${e.message}`) : []),
    ],
    ...(outage ? { onset: outage.from.firstSeen } : {}),
  };
}
