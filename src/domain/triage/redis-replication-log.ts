/**
 * Redis replication as its own logs tell it. A replica whose log repeats "MASTER <-> REPLICA sync
 * started" and "I/O error trying to sync with MASTER: connection lost" never finishes a full
 * resync: the primary closes the link during the transfer. The primary's log says why — most often
 * "Client id=… flags=S … scheduled to be closed ASAP for overcoming of output buffer limits": the
 * writes it queues for a replica while the snapshot is made and sent outgrow
 * client-output-buffer-limit replica (Redis's default 256mb 64mb 60), so every new attempt is
 * dropped the same way; "Unable to partial resync … for lack of backlog" says repl-backlog-size is
 * too small to resume instead. Meanwhile a replica with replica-serve-stale-data no answers reads
 * MASTERDOWN. Redis's format: `1:S 21 Nov 2026 03:12:00.000 # I/O error trying to sync with MASTER`.
 */
import type { EndpointSliceEvidence, IsoTime, LogEvidence, NamespaceObjectEvidence, PodEvidence, ReplicationSettingLine } from './evidence.js';
import { listMountedConfigMaps } from './server-config-file.js';
import { findPrimaryNow } from './pinned-server-pod.js';

const SYNC_STARTED = /MASTER <-> (?:REPLICA|SLAVE) sync started/;
const SYNC_DONE = /MASTER <-> (?:REPLICA|SLAVE) sync: Finished with success/;
/** The link to the primary broke during a sync, or after one. */
const SYNC_LOST = /I\/O error trying to sync with MASTER|Connection with master lost|Timeout receiving bulk data from MASTER|MASTER timeout: no data nor PING received|Error condition on socket for SYNC/;
const FULL_RESYNC = /Full resync from master/;
/** The primary drops a client over its output buffer limit; `flags=S` (or a sync command) makes it a replica. */
const BUFFER_DROP = /scheduled to be closed ASAP for overcoming of output buffer limits/;
const REPLICA_CLIENT = /\bflags=\w*S|\bcmd=p?sync\b/;
const NO_BACKLOG = /Unable to partial resync with (?:replica|slave) \S+ for lack of backlog/;
const REDIS_TIME = /\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d\d:\d\d:\d\d(?:\.\d+)?)\b/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A replica that started syncing this often and lost the link this often, without finishing since, is in a loop. */
const MIN_ATTEMPTS = 2;
const MIN_LOST = 2;

export interface ReplicaSyncLoop {
  pod: string;
  /** "MASTER <-> REPLICA sync started" lines in the tail. */
  attempts: number;
  /** Links lost during or right after a sync. */
  lost: number;
  fullResyncs: number;
  /** The newest line saying the link was lost. */
  lostLine: string;
  /** The times of the losses, oldest first, where the lines give them. */
  lostAt: IsoTime[];
  /** The primary its log names now. */
  primary?: { host: string; port: string; line: string };
}

/** Redis's own clock ("21 Nov 2026 03:12:00.000"), taken as UTC. */
export function readRedisTime(line: string): IsoTime | undefined {
  const m = REDIS_TIME.exec(line);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2] ?? '') + 1;
  const t = Date.parse(`${m[3] ?? ''}-${String(month).padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}T${m[4] ?? ''}Z`);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** The sync loop one replica's current log shows; undefined when it shows none, or its last sync finished and held. */
export function readReplicaSyncLoop(log: LogEvidence): ReplicaSyncLoop | undefined {
  if (log.previous) return undefined;
  let attempts = 0;
  let fullResyncs = 0;
  let lostLine: string | undefined;
  const lostAt: IsoTime[] = [];
  let lost = 0;
  let last: 'started' | 'done' | 'lost' | undefined;
  for (const raw of log.lines) {
    const line = raw.trim();
    if (SYNC_STARTED.test(line)) {
      attempts++;
      last = 'started';
    } else if (SYNC_DONE.test(line)) last = 'done';
    else if (SYNC_LOST.test(line)) {
      lost++;
      lostLine = line;
      const at = readRedisTime(line);
      if (at) lostAt.push(at);
      last = 'lost';
    }
    if (FULL_RESYNC.test(line)) fullResyncs++;
  }
  if (attempts < MIN_ATTEMPTS || lost < MIN_LOST || last === 'done' || lostLine === undefined) return undefined;
  const primary = findPrimaryNow([log]);
  return { pod: log.pod, attempts, lost, fullResyncs, lostLine, lostAt, ...(primary ? { primary } : {}) };
}

export function readReplicaSyncLoops(logs: readonly LogEvidence[]): ReplicaSyncLoop[] {
  const seen = new Set<string>();
  return logs.flatMap((l) => {
    const loop = seen.has(l.pod) ? undefined : readReplicaSyncLoop(l);
    if (loop) seen.add(l.pod);
    return loop ?? [];
  });
}

/**
 * The pod of the primary the looping replicas name: a pod DNS name under a Service
 * (`redis-master-0.redis-headless.ns.svc…`), an endpoint address, or a Service name (its first ready
 * endpoint). Only for a loop, and only the one primary most of them name.
 */
export function pickReplicationPrimary(seen: { logs: readonly LogEvidence[]; endpointSlices: readonly EndpointSliceEvidence[]; namespace: string }): { host: string; pod: string } | undefined {
  const loops = readReplicaSyncLoops(seen.logs);
  const host = loops.flatMap((l) => (l.primary ? [l.primary.host] : []))[0];
  if (host === undefined) return undefined;
  const endpoints = seen.endpointSlices.flatMap((s) => s.endpoints.map((e) => ({ ...e, service: s.service })));
  const byIp = endpoints.find((e) => e.addresses.includes(host))?.podName;
  if (byIp !== undefined) return { host, pod: byIp };
  const [first, second, ns] = host.split('.');
  if (ns !== undefined && ns !== seen.namespace && ns !== 'svc') return undefined;
  const named = endpoints.find((e) => e.podName === first && e.service === second)?.podName;
  if (named !== undefined) return { host, pod: named };
  // A Service's name: the primary behind it (a Service of a primary has one ready endpoint).
  const behind = endpoints.find((e) => e.service === first && e.ready && e.podName !== undefined && (second === undefined || second === seen.namespace))?.podName;
  return behind === undefined ? undefined : { host, pod: behind };
}

export interface PrimaryReplicaDrops {
  /** Replica clients closed for their output buffer, with the newest such line. */
  bufferDrops: number;
  bufferLine?: string;
  /** The output buffer (omem, bytes) a dropped replica held at its newest drop. */
  omem?: number;
  /** Partial resyncs refused for lack of backlog, with the newest such line. */
  noBacklog: number;
  noBacklogLine?: string;
}

/** What the primary's log says of its replicas' links. */
export function readPrimaryReplicaDrops(logs: readonly LogEvidence[]): PrimaryReplicaDrops {
  const out: PrimaryReplicaDrops = { bufferDrops: 0, noBacklog: 0 };
  for (const line of logs.filter((l) => !l.previous).flatMap((l) => l.lines.map((x) => x.trim()))) {
    if (BUFFER_DROP.test(line) && REPLICA_CLIENT.test(line)) {
      out.bufferDrops++;
      out.bufferLine = line;
      const omem = /\bomem=(\d+)/.exec(line)?.[1];
      if (omem !== undefined) out.omem = Number(omem);
    } else if (NO_BACKLOG.test(line)) {
      out.noBacklog++;
      out.noBacklogLine = line;
    }
  }
  return out;
}

/** A client-output-buffer-limit drop line, cut to what decides it (a quote fits in a headline): the client's address, its flags (S: a replica), its buffer and the reason; `stamp: false` leaves out Redis's pid, role and time. */
export function condenseBufferDrop(line: string, opts: { stamp: boolean } = { stamp: true }): string {
  const m = /^(.*?)(\bClient )(.*?)( scheduled to be closed ASAP for overcoming of output buffer limits\.?)$/.exec(line);
  if (!m) return line;
  const fields = (m[3] ?? '').split(/\s+/).filter((f) => /^(addr|flags|omem)=/.test(f));
  return `${opts.stamp ? (m[1] ?? '') : ''}${m[2] ?? ''}${fields.join(' … ')} …${m[4] ?? ''}`;
}

/** At most this many ConfigMaps of the primary's are read. */
const MAX_PRIMARY_CONFIGS = 2;

/**
 * The ConfigMaps the primary's pod mounts that can hold its config file: those the namespace's
 * listing has (a mount of a missing one is no read to make), a key like a config file first
 * (redis.conf); all it mounts when the listing was not read. At most two.
 */
export function pickPrimaryConfigMaps(pod: PodEvidence, listed: readonly NamespaceObjectEvidence[] | undefined): string[] {
  const mounted = listMountedConfigMaps(pod, Number.MAX_SAFE_INTEGER);
  if (listed === undefined) return mounted.slice(0, MAX_PRIMARY_CONFIGS);
  const keysOf = (name: string): string[] | undefined => listed.find((o) => o.kind === 'ConfigMap' && o.name === name)?.keys;
  const present = mounted.filter((name) => keysOf(name) !== undefined);
  const looksLikeConfig = (name: string): number => ((keysOf(name) ?? []).some((k) => /\.conf$|^redis|config/i.test(k)) ? 0 : 1);
  return [...present].sort((a, b) => looksLikeConfig(a) - looksLikeConfig(b)).slice(0, MAX_PRIMARY_CONFIGS);
}

/** Replication settings a redis.conf line sets; the names asked for when a primary's ConfigMaps are read. */
export const REPLICATION_SETTINGS = ['client-output-buffer-limit', 'repl-backlog-size', 'replica-serve-stale-data', 'slave-serve-stale-data'];

/** The lines of a ConfigMap's data that set a replication setting (uncommented), each with its key. */
export function findReplicationSettingLines(configMap: string, data: Readonly<Record<string, string>>): ReplicationSettingLine[] {
  return Object.entries(data).flatMap(([key, text]) =>
    text.split('\n').map((l) => l.trim()).filter((l) => REPLICATION_SETTINGS.some((s) => new RegExp(`^${s}\\s`).test(l))).map((line) => ({ configMap, key, line })),
  );
}

export interface ReplicationSettings {
  /** client-output-buffer-limit for the replica class: "256mb 64mb 60", and where it is set. */
  replicaBufferLimit?: { hard: string; soft: string; seconds: string; where: ReplicationSettingLine };
  backlogSize?: { value: string; where: ReplicationSettingLine };
  serveStaleData?: { value: string; where: ReplicationSettingLine };
}

/** The settings the lines set; a later line overrides an earlier one, as Redis reads them. */
export function readReplicationSettings(lines: readonly ReplicationSettingLine[]): ReplicationSettings {
  const out: ReplicationSettings = {};
  for (const where of lines) {
    const [name, ...args] = where.line.replace(/\s#.*$/, '').split(/\s+/).map((t) => t.replace(/^["']|["']$/g, ''));
    if (name === 'client-output-buffer-limit') {
      // One directive may set several classes: "normal 0 0 0 replica 256mb 64mb 60 pubsub 32mb 8mb 60".
      for (let i = 0; i + 3 < args.length; i += 4) {
        if (args[i] === 'replica' || args[i] === 'slave') out.replicaBufferLimit = { hard: args[i + 1] ?? '', soft: args[i + 2] ?? '', seconds: args[i + 3] ?? '', where };
      }
    } else if (name === 'repl-backlog-size' && args[0] !== undefined) out.backlogSize = { value: args[0], where };
    else if ((name === 'replica-serve-stale-data' || name === 'slave-serve-stale-data') && args[0] !== undefined) out.serveStaleData = { value: args[0].toLowerCase(), where };
  }
  return out;
}

/** Redis's byte quantities ("256mb", "1gb", "64m", "1048576"), in bytes. */
export function parseRedisBytes(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? '').toLowerCase();
  // Redis: "1k" is 1000 bytes, "1kb" 1024.
  const scale: Record<string, number> = { '': 1, k: 1e3, kb: 1024, m: 1e6, mb: 1024 ** 2, g: 1e9, gb: 1024 ** 3 };
  return Math.round(Number(m[1]) * (scale[unit] ?? 1));
}

/** Bytes as Redis's config spells them, rounded to whole megabytes or gigabytes: "2gb", "512mb". */
export function formatRedisBytes(bytes: number): string {
  const gb = 1024 ** 3;
  if (bytes >= gb && bytes % gb === 0) return `${bytes / gb}gb`;
  return `${Math.round(bytes / 1024 ** 2)}mb`;
}
