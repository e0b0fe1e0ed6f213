/**
 * The memory pool a database server sizes once, at start, and then fills as it works: Postgres's
 * shared_buffers, InnoDB's buffer pool, WiredTiger's cache, Redis's maxmemory. Read from where it
 * is set — the command line, a config file a ConfigMap mounts — or from the server's own start-up
 * line (WiredTiger's cache_size, which mongod sizes from the machine's RAM when
 * --wiredTigerCacheSizeGB is unset). A pool at or near the container's memory limit gets the
 * server OOM-killed hours after a clean start, as the pool fills: not a leak, a setting.
 */
import type { ContainerSpecEvidence, LogEvidence, NodeEvidence, PodEvidence } from './evidence.js';
import type { MemoryPoolConfigEvidence } from './evidence-memory-pool-config.js';
import { findServerSettings } from './server-settings.js';
import { formatBytes, parseQuantity } from './quantity.js';

const KI = 1024;
const MI = KI ** 2;
const GI = KI ** 3;

type Server = 'Postgres' | 'MySQL' | 'MongoDB' | 'Redis';

interface PoolKind {
  server: Server;
  /** What the setting sizes. */
  pool: string;
  /** Its names in a config file, then on the command line (`--name` or `-c name=`). */
  fileNames: readonly string[];
  flagNames: readonly string[];
  /** The value in bytes, as the server reads it. */
  parse: (value: string) => number | undefined;
  /** The size to set for a limit, in the setting's own spelling: "shared_buffers = 1GB". */
  advise: (limitBytes: number) => string;
}

/** Postgres: kB/MB/GB/TB are powers of 1024; a bare number counts 8kB blocks. */
function parsePostgres(v: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(B|kB|MB|GB|TB)?$/.exec(v.trim());
  if (m === null) return undefined;
  const unit: Record<string, number> = { B: 1, kB: KI, MB: MI, GB: GI, TB: GI * KI };
  return Number(m[1]) * (m[2] === undefined ? 8 * KI : unit[m[2]] ?? NaN);
}

/** MySQL: bytes, or K/M/G/T (powers of 1024). */
function parseMysql(v: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([KMGT])?$/i.exec(v.trim());
  if (m === null) return undefined;
  return Number(m[1]) * (KI ** ['', 'K', 'M', 'G', 'T'].indexOf((m[2] ?? '').toUpperCase()));
}

/** Redis: bytes; k/m/g are powers of 1000, kb/mb/gb of 1024. */
function parseRedis(v: string): number | undefined {
  const m = /^(\d+)\s*(k|kb|m|mb|g|gb)?$/i.exec(v.trim());
  if (m === null) return undefined;
  const unit: Record<string, number> = { '': 1, k: 1e3, kb: KI, m: 1e6, mb: MI, g: 1e9, gb: GI };
  return Number(m[1]) * (unit[(m[2] ?? '').toLowerCase()] ?? NaN);
}

function parseGigabytes(v: string): number | undefined {
  const n = Number(v.trim());
  return Number.isFinite(n) && n > 0 ? n * GI : undefined;
}

/** "1GB", "768MB": whole gigabytes when they are, else megabytes. */
function inUnits(bytes: number, gb: string, mb: string): string {
  return bytes % GI === 0 ? `${bytes / GI}${gb}` : `${Math.floor(bytes / MI)}${mb}`;
}

/** WiredTiger's own default: half of (RAM − 1 GB), at least 256 MB. */
export function wiredTigerDefault(memoryBytes: number): number {
  return Math.max(0.5 * (memoryBytes - GI), 256 * MI);
}

const KINDS: readonly PoolKind[] = [
  {
    server: 'Postgres', pool: 'shared buffer pool', fileNames: ['shared_buffers'], flagNames: ['shared_buffers'], parse: parsePostgres,
    advise: (limit) => `shared_buffers = ${inUnits(Math.floor(limit / 4 / MI) * MI, 'GB', 'MB')} (about 25% of the limit)`,
  },
  {
    server: 'MySQL', pool: 'InnoDB buffer pool', fileNames: ['innodb_buffer_pool_size'], flagNames: ['innodb-buffer-pool-size', 'innodb_buffer_pool_size'], parse: parseMysql,
    advise: (limit) => `innodb_buffer_pool_size = ${inUnits(Math.floor(limit / 2 / MI) * MI, 'G', 'M')} (about half the limit)`,
  },
  {
    server: 'MongoDB', pool: 'WiredTiger cache', fileNames: ['cacheSizeGB'], flagNames: ['wiredTigerCacheSizeGB'], parse: parseGigabytes,
    advise: (limit) => `--wiredTigerCacheSizeGB ${Math.max(0.25, Math.floor(((limit - GI) / 2 / GI) * 4) / 4)} (half of the limit less 1 GB, WiredTiger's own rule)`,
  },
  {
    server: 'Redis', pool: 'dataset (maxmemory)', fileNames: ['maxmemory'], flagNames: ['maxmemory'], parse: parseRedis,
    advise: (limit) => `maxmemory ${inUnits(Math.floor((limit * 0.7) / MI) * MI, 'gb', 'mb')} (about 70% of the limit)`,
  },
];

/** Every setting name a ConfigMap read keeps, the pool's and Postgres's per-connection memory beside it. */
export const MEMORY_POOL_SETTINGS: readonly string[] = [...KINDS.flatMap((k) => k.fileNames), 'work_mem', 'max_connections'];

/**
 * The pool sizes the server logs as it starts: mongod's "Opening WiredTiger" (`cache_size=15872M`;
 * 3.x: "wiredtiger_open config"), InnoDB's "Initializing buffer pool, total size = 6.000000G".
 */
const LOGGED: readonly { server: Server; pattern: RegExp; unit: (u: string) => number }[] = [
  { server: 'MongoDB', pattern: /(?:Opening WiredTiger|wiredtiger_open config)[^\n]*?\b(cache_size=(\d+)([KMGT])?)\b/i, unit: (u) => KI ** ['', 'K', 'M', 'G', 'T'].indexOf(u.toUpperCase()) },
  { server: 'MySQL', pattern: /Initializing buffer pool, (total size = (\d+(?:\.\d+)?)([KMGT])?)/i, unit: (u) => KI ** ['', 'K', 'M', 'G', 'T'].indexOf(u.toUpperCase()) },
];

export interface MemoryPool {
  server: Server;
  pool: string;
  /** The setting that sizes it: "shared_buffers", "--wiredTigerCacheSizeGB". */
  setting: string;
  /** As written or logged: "shared_buffers = 3GB", "cache_size=15872M". */
  written: string;
  /** "ConfigMap main-db-config (postgresql.conf)", "the command line", "its start-up log". */
  where: string;
  bytes: number;
  configMap?: string;
  /** Nothing sets it: the server sized the pool from the machine; the node whose memory it matches. */
  unset?: { node?: string; nodeMemory?: number; instanceType?: string };
  /** Postgres: work_mem × max_connections, what sorts and hashes may take beside the pool. */
  perConnection?: { written: string; bytes: number };
}

function wordsOf(c: ContainerSpecEvidence): string[] {
  return [...(c.command ?? []), ...(c.args ?? [])].flatMap((w) => w.split(/\s+/));
}

function flagName(kind: PoolKind, name: string): string {
  return kind.server === 'Postgres' ? name : `--${name}`;
}

/** The node of the pods whose memory the logged pool is WiredTiger's default for. */
function matchNode(bytes: number, pods: readonly PodEvidence[], nodes: readonly NodeEvidence[]): MemoryPool['unset'] {
  for (const p of pods) {
    const n = nodes.find((x) => x.name === p.nodeName);
    const memory = parseQuantity(n?.capacity?.['memory'] ?? n?.allocatable['memory']);
    if (n === undefined || memory === undefined) continue;
    const expected = wiredTigerDefault(memory);
    if (Math.abs(bytes - expected) <= expected * 0.05) {
      const type = n.labels?.['node.kubernetes.io/instance-type'] ?? n.labels?.['beta.kubernetes.io/instance-type'];
      return { node: n.name, nodeMemory: memory, ...(type ? { instanceType: type } : {}) };
    }
  }
  return {};
}

function perConnection(config: readonly MemoryPoolConfigEvidence[]): MemoryPool['perConnection'] {
  const work = config.find((c) => c.setting === 'work_mem');
  const conns = config.find((c) => c.setting === 'max_connections');
  const bytes = work === undefined ? undefined : parsePostgres(work.value);
  const n = Number(conns?.value);
  if (bytes === undefined || !Number.isInteger(n) || n <= 0) return undefined;
  return { written: `work_mem ${work?.value ?? ''} × max_connections ${n}`, bytes: bytes * n };
}

/**
 * The memory pool `container` runs with: its command line's setting, else a ConfigMap it mounts,
 * else what its start-up log reports (then the setting is unset). Undefined when none shows one.
 */
export function findMemoryPool(seen: { container: ContainerSpecEvidence; pods: readonly PodEvidence[]; logs: readonly LogEvidence[]; config: readonly MemoryPoolConfigEvidence[]; nodes: readonly NodeEvidence[] }): MemoryPool | undefined {
  const { container, pods } = seen;
  const pod = pods[0];
  const config = seen.config.filter((c) => c.container === container.name);
  for (const kind of KINDS) {
    const flags = pod === undefined ? undefined : findServerSettings({ ...pod, containers: [{ ...container }] } as PodEvidence, kind.flagNames);
    const flag = flags?.flags[0];
    const bytes = flag === undefined ? undefined : kind.parse(flag.value);
    if (flag !== undefined && bytes !== undefined) {
      const name = flagName(kind, flag.name);
      return { server: kind.server, pool: kind.pool, setting: name, written: kind.server === 'Postgres' ? `-c ${flag.name}=${flag.value}` : `${name} ${flag.value}`, where: 'the command line', bytes };
    }
    const set = config.find((c) => kind.fileNames.includes(c.setting) && kind.parse(c.value) !== undefined);
    if (set !== undefined) {
      const more = kind.server === 'Postgres' ? perConnection(config) : undefined;
      return {
        server: kind.server, pool: kind.pool, setting: set.setting, written: `${set.setting} = ${set.value}`, where: `ConfigMap ${set.configMap}, key ${set.key}`,
        bytes: kind.parse(set.value) ?? 0, configMap: set.configMap, ...(more ? { perConnection: more } : {}),
      };
    }
  }
  const names = new Set(pods.map((p) => p.name));
  const lines = seen.logs.filter((l) => names.has(l.pod) && l.container === container.name).flatMap((l) => l.lines);
  for (const logged of LOGGED) {
    const m = lines.map((l) => logged.pattern.exec(l)).find((x) => x !== null);
    if (m === undefined || m === null) continue;
    const kind = KINDS.find((k) => k.server === logged.server);
    const bytes = Number(m[2]) * logged.unit(m[3] ?? '');
    if (kind === undefined || !Number.isFinite(bytes)) continue;
    const setting = flagName(kind, kind.flagNames[0] ?? '');
    // mongod logs the cache it chose: its own default when the size matches the node's, or when no config file could set it.
    const host = logged.server === 'MongoDB' ? matchNode(bytes, pods, seen.nodes) : undefined;
    const noFile = !wordsOf(container).some((w) => w === '--config' || w === '-f' || w.startsWith('--config='));
    const unset = host !== undefined && (host.nodeMemory !== undefined || noFile) ? host : undefined;
    return { server: kind.server, pool: kind.pool, setting, written: m[1] ?? '', where: 'its start-up log', bytes, ...(unset ? { unset } : {}) };
  }
  return undefined;
}

/** A pool this share of the limit leaves too little for the server's connections, sorts and runtime. */
const TOO_BIG_SHARE = 0.75;

export interface OversizedPool {
  /** Completes the OOM title: ": shared_buffers = 3GB (ConfigMap main-db-config, postgresql.conf) sizes Postgres's shared buffer pool over it". */
  reason: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
  /** The ConfigMap that holds the setting, when one does. */
  configMap?: string;
  /** Why the kills come hours after a clean start (Finding.buildsUp and latent). */
  buildsUp: string;
  /** Sized from the machine: a rollback only moves the size with the nodes (Finding.rollbackUndoes). */
  rollbackUndoes?: string;
}

/** What a pool at or above 3/4 of the memory limit means for an OOM-killed server; undefined when it fits. */
export function tellOversizedPool(p: MemoryPool, limit: string): OversizedPool | undefined {
  const limitBytes = parseQuantity(limit);
  if (limitBytes === undefined || p.bytes < limitBytes * TOO_BIG_SHARE) return undefined;
  const kind = KINDS.find((k) => k.server === p.server);
  const size = formatBytes(p.bytes);
  const relation = p.bytes >= limitBytes ? 'over' : 'close to';
  const host = p.unset?.nodeMemory !== undefined ? `the node's memory (${formatBytes(p.unset.nodeMemory)}${p.unset.instanceType ? `, ${p.unset.instanceType}` : ''})` : undefined;
  const reason = p.unset !== undefined
    ? `: ${p.server}'s ${p.pool} is sized from ${host ?? 'the machine it sees'}, not the limit — ${p.written} (${size}) with ${p.setting} unset`
    : `: ${p.written} (${p.where}) sizes ${p.server}'s ${p.pool} ${relation} it`;
  const evidence = [
    p.unset !== undefined
      ? `${p.where}: ${p.written} — ${p.pool} of ${size} against a ${limit} container limit; ${p.setting} is not set${host ? `, so ${p.server} took ${host} as its memory (node ${p.unset.node ?? ''})` : ''}`
      : `${p.written} (${p.where}): ${p.pool} of ${size} against a ${limit} container limit`,
    ...(p.perConnection ? [`${p.perConnection.written}: up to ${formatBytes(p.perConnection.bytes)} more for sorts and hashes, beside the pool`] : []),
  ];
  const advice = kind?.advise(limitBytes) ?? '';
  const where = p.configMap !== undefined ? ` in ConfigMap ${p.configMap}` : '';
  const fix = `set ${advice}${where}, or raise the limit well above the ${p.pool}`;
  const from = p.unset !== undefined
    ? `${p.setting} is not set, so ${p.server} sizes its ${p.pool} from the memory of the machine it sees${host ? ` — ${host}` : ''} — not from the container's ${limit} limit: ${p.written}.`
    : `${p.written} (${p.where}) sizes ${p.server}'s ${p.pool} at ${size}, ${relation} the container's ${limit} limit.`;
  return {
    reason,
    evidence,
    cause: `${from} The pool is taken as it fills, not at start: the server starts and serves, and as its working set fills the pool the container passes its limit and the kernel kills it, again after every restart. Not a leak: a setting sized against the wrong amount of memory.`,
    action: `Fix: ${fix}, then restart it. A restart alone only resets the clock.`,
    fix,
    ...(p.configMap !== undefined ? { configMap: p.configMap } : {}),
    buildsUp: `the ${p.pool} fills from the server's start, so the kills come hours after the change that sized it`,
    ...(p.unset !== undefined ? { rollbackUndoes: `size the ${p.pool} from whatever machine the pods land on, still not from the limit` } : {}),
  };
}
