/**
 * A server slow because its disk is: its own log says writes take far longer to reach the disk
 * than any healthy volume allows — Postgres's checkpoints spending minutes in sync (fsync), etcd's
 * slow fdatasync, InnoDB's page cleaner missing its loop by seconds. The volume has run out of
 * throughput: a gp2 EBS volume's baseline is 3 IOPS per GiB (a 100Gi volume: 300 IOPS) with bursts
 * to 3000 paid from a credit balance, which a long I/O-heavy job (a REINDEX, a backup, a bulk load)
 * drains; then every write waits at the baseline. Pure: reads the server's lines and its claims.
 */
import type { PvcEvidence } from './evidence.js';
import type { DependencyPodEvidence } from './evidence-server-config.js';
import { parseQuantity } from './quantity.js';
import { MAX_SERVER_CLAIMS, listPodClaims } from './server-disk-full.js';

/** Postgres: "checkpoint complete: … sync=212.418 s"; etcd: "slow fdatasync … took=2.3s"; InnoDB: "page_cleaner: 1000ms intended loop took 12345ms". */
const PG_SYNC = /checkpoint complete:.*\bsync=(\d+(?:\.\d+)?) s\b/;
const FDATASYNC = /slow fdatasync.*?took["=: ]+(\d+(?:\.\d+)?)(ms|s)\b/;
const PAGE_CLEANER = /page_cleaner: 1000ms intended loop took (\d+)ms/;
/** A sync this long is a starved volume, not a busy one (healthy checkpoints sync in well under a second). */
const SLOW_SYNC_S = 10;
/** Lines before the disk counts as slow: one long checkpoint is a burst. */
const MIN_LINES = 2;

export interface SlowStorage {
  count: number;
  worstSeconds: number;
  bestSeconds: number;
  line: string;
}

function syncSeconds(line: string): number | undefined {
  const pg = PG_SYNC.exec(line);
  if (pg) return Number(pg[1]);
  const f = FDATASYNC.exec(line);
  if (f) return Number(f[1]) / (f[2] === 'ms' ? 1000 : 1);
  const p = PAGE_CLEANER.exec(line);
  return p ? Number(p[1]) / 1000 : undefined;
}

/** The server's word, again and again, that writes wait on its disk. */
export function findSlowStorage(lines: readonly string[]): SlowStorage | undefined {
  const slow = lines.flatMap((line) => {
    const s = syncSeconds(line);
    return s !== undefined && s >= SLOW_SYNC_S ? [{ s, line: line.trim() }] : [];
  });
  if (slow.length < MIN_LINES) return undefined;
  const worst = slow.reduce((a, b) => (b.s > a.s ? b : a));
  return { count: slow.length, worstSeconds: Math.round(worst.s), bestSeconds: Math.round(Math.min(...slow.map((x) => x.s))), line: worst.line };
}

/** The claims to read of the dependency pods whose own log says their disk is slow, at most two in all. */
export function listSlowStorageClaimReads(read: readonly DependencyPodEvidence[]): { service: string; namespace?: string; pod: string; claims: string[] }[] {
  let left = MAX_SERVER_CLAIMS;
  return read.flatMap((d) => {
    if (left <= 0 || d.claims !== undefined || findSlowStorage(d.logs.flatMap((l) => l.lines)) === undefined) return [];
    const claims = listPodClaims(d.pod, left);
    left -= claims.length;
    return claims.length === 0 ? [] : [{ service: d.service, ...(d.namespace === undefined ? {} : { namespace: d.namespace }), pod: d.pod.name, claims }];
  });
}

const GIB = 2 ** 30;

/** What the claim's class allows: "gp2, 100Gi: 300 IOPS baseline, bursts to 3000 IOPS on credits". */
export function describeVolumeThroughput(claim: PvcEvidence): string | undefined {
  const size = claim.capacity ?? claim.requested;
  const bytes = size === undefined ? undefined : parseQuantity(size);
  const cls = claim.storageClass ?? '';
  if (!/gp2/i.test(cls) || bytes === undefined) return cls === '' ? undefined : `storage class ${cls}${size ? `, ${size}` : ''}`;
  const gib = bytes / GIB;
  const baseline = Math.round(Math.min(16_000, Math.max(100, 3 * gib)));
  const burst = gib < 1000 ? ', bursts to 3000 IOPS on credits' : '';
  return `gp2, ${size}: ${baseline} IOPS baseline${burst}`;
}

/** gp2 volumes smaller than 1 TiB live on burst credits. */
export function isBurstVolume(claim: PvcEvidence): boolean {
  const bytes = parseQuantity(claim.capacity ?? claim.requested ?? '');
  return /gp2/i.test(claim.storageClass ?? '') && bytes !== undefined && bytes / GIB < 1000;
}
