/**
 * memcached refusing to store an item: its answers, the item memory and max item size its pod runs
 * with (`memcached -m 64 -I 1m`, or the long flags, or the MEMCACHED_* env form of common images),
 * and the sizes of the items the client tried to store, when its log lines carry them.
 */
import type { ContainerSpecEvidence, IsoTime, PodEvidence } from './evidence.js';
import { earliest, msBetween } from './time-span.js';

/** No room for the item: -m is full and nothing of its size class could be evicted. */
export const MEMCACHED_OUT_OF_MEMORY = /SERVER_ERROR out of memory(?: storing object)?/i;
/**
 * The item is over -I, the max item size (1 MB by default): it is never stored, whatever memory is
 * free. The server's answer (`SERVER_ERROR object too large for cache`) as clients word it:
 * pymemcache and Xmemcached keep only its message (`MemcacheServerError(b'object too large for
 * cache')`), libmemcached (pylibmc, PHP's Memcached) says MEMCACHED_E2BIG as `ITEM TOO BIG`; and
 * the clients that refuse the item themselves before sending it, at their own copy of the limit:
 * spymemcached (`Cannot cache data larger than 1048576 bytes (you tried to cache a … byte object)`)
 * and Dalli (`Value for … over max size: 1048576 <= 1258291`).
 */
export const MEMCACHED_TOO_LARGE = /\b[Oo]bject too large for cache|\bITEM TOO BIG\b|\bpylibmc\.TooBig\b|Cannot cache data larger than \d+|\bover max size: \d+ <= \d+|\bValueOverMaxSize\b/;

/** memcached's item memory when -m is not given, in megabytes. */
const DEFAULT_MEMORY_MB = 64;

interface Flag {
  /** As written: "-m", "--memory-limit", "MEMCACHED_CACHE_SIZE". */
  name: string;
  value: string;
}

function wordsOf(c: ContainerSpecEvidence): string[] {
  return [...(c.command ?? []), ...(c.args ?? [])].flatMap((w) => w.split(/\s+/)).filter((w) => w !== '');
}

/** `-m 64`, `-m64`, `--memory-limit=64` or `--memory-limit 64`; else the literal env var an image reads it from. */
function readFlag(c: ContainerSpecEvidence, short: string, long: string, envName: string): Flag | undefined {
  const words = wordsOf(c);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const next = words[i + 1];
    if ((w === short || w === long) && next !== undefined && !next.startsWith('-')) return { name: w, value: next };
    if (w.startsWith(`${long}=`)) return { name: long, value: w.slice(long.length + 1) };
    if (w.startsWith(short) && /^\d+[kmg]?b?$/i.test(w.slice(short.length))) return { name: short, value: w.slice(short.length) };
  }
  const env = (c.env ?? []).find((e) => e.name === envName && 'value' in e);
  return env && 'value' in env ? { name: envName, value: env.value } : undefined;
}

/** -m is in megabytes; a suffixed value (1g, 512m) is said as written. */
function describeMemory(value: string): string {
  return /^\d+$/.test(value) ? `${value} MB` : value;
}

/**
 * The item memory (-m) and max item size (-I) the memcached container of a pod runs with, worded
 * for the finding: "-m 64: 64 MB of item memory, -I 1m max item size". Undefined when the pod runs
 * no memcached.
 */
export function readMemcachedSettings(pod: PodEvidence): { said: string; evidence: string } | undefined {
  const c = pod.containers.find((x) => /memcached/i.test([x.image, ...(x.command ?? []), ...(x.args ?? [])].join(' ')));
  if (!c) return undefined;
  const memory = readFlag(c, '-m', '--memory-limit', 'MEMCACHED_CACHE_SIZE');
  const item = readFlag(c, '-I', '--max-item-size', 'MEMCACHED_MAX_ITEM_SIZE');
  const memorySaid = memory ? `${memory.name} ${memory.value}: ${describeMemory(memory.value)} of item memory` : `no -m: the default ${DEFAULT_MEMORY_MB} MB of item memory`;
  const itemSaid = item ? `, ${item.name} ${item.value} max item size` : '';
  const memoryEvidence = memory ? `${memory.name} ${memory.value} (${describeMemory(memory.value)} of item memory)` : `no -m (the default ${DEFAULT_MEMORY_MB} MB of item memory)`;
  const limit = c.resources?.limits?.['memory'];
  return {
    said: `${memorySaid}${itemSaid}`,
    evidence: `${pod.name} runs ${c.name} with ${memoryEvidence}${itemSaid}${limit ? ` (memory limit ${limit})` : ''}`,
  };
}

/** A size field of a client's log line: `"bytes":391204`, `size=1843200`, `"value_size": 402877`. */
const SIZE_FIELD = /\b(?:bytes|size|value_size|item_size|len(?:gth)?)"?\s*[:=]\s*"?(\d{3,})\b/i;

/** "items of 382–467 KB" from the sizes the refused lines carry; empty when none does. */
export function describeItemSizes(lines: readonly string[]): string {
  const kb = lines.flatMap((l) => {
    const m = SIZE_FIELD.exec(l);
    return m?.[1] ? [Math.round(Number(m[1]) / 1024)] : [];
  });
  if (kb.length === 0) return '';
  const low = Math.min(...kb);
  const high = Math.max(...kb);
  return low === high ? `items of ${low} KB` : `items of ${low}–${high} KB`;
}

/** Why a full cache's refusals date from its writers' start, for the finding's `buildsUp` and `latent`. */
export const CACHE_FILLS = 'a cache refuses only once the items written to it have filled its memory, hours after the writers began to store them: the refusals begin long after the change that made the items bigger';

/** How long before its first refusal a cache may have been filling: writers started earlier are not taken as its start. */
const FILL_WINDOW_MS = 6 * 60 * 60_000;

/**
 * When the clients that the cache refuses began writing to it: their containers' earliest start,
 * when it falls within FILL_WINDOW_MS before the first refusal; undefined otherwise (writers that
 * ran for days before it filled say nothing of when it began).
 */
export function findFillStart(pods: readonly PodEvidence[], firstRefusal: IsoTime | undefined): IsoTime | undefined {
  if (firstRefusal === undefined) return undefined;
  const starts = pods.flatMap((p) => p.containers.flatMap((c) => (c.state && 'running' in c.state ? [c.state.running.startedAt ?? p.createdAt] : [p.createdAt])));
  const start = earliest(starts);
  const gap = start === undefined ? -1 : msBetween(start, firstRefusal);
  return gap > 0 && gap <= FILL_WINDOW_MS ? start : undefined;
}
