/**
 * An object store refusing writes to ONE object for their rate: Cloud Storage allows about one
 * mutation (create, update, delete) per second on a single object and answers more with 429
 * rateLimitExceeded — "The object b/path exceeded the rate limit for object mutation operations",
 * older "The rate of change requests to the object b/path exceeds the rate limit"; S3 answers
 * SlowDown when one key (its prefix) gets more writes than it takes. The cause is no quota nor the
 * workload's total load: every request rewrites the same shared object (a manifest,
 * an index, a counter), so more writers only make it worse and retries add to it. The fix is to
 * stop writing one object per request. Pure: logged lines only.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';

/** Cloud Storage's own words, naming bucket/object. */
const GCS_OBJECT_RATE = /The object (\S+?) exceeded the rate limit for object mutation operations|The rate of change requests to the object (\S+?) exceeds the rate limit/i;
/** S3's SlowDown, counted only when the line names the key written. */
const S3_SLOW_DOWN = /\bSlowDown\b[^\n]*(?:Please reduce your request rate|StatusCode: 503)|StatusCode: 503[^\n]*\bSlowDown\b/i;
const S3_KEY = /(?:^|[\s{,])\\?"?(?:key|object(?:_?key)?|s3_?key)\\?"?\s*[=:]\s*\\?"?([^\s",\\}]+)/i;
/** Below this many refused writes, a 429 on an object is a blip. */
const MIN_WRITES = 3;

export interface ObjectMutationRate {
  store: 'Cloud Storage' | 'S3';
  /** The one object written too often ("bucket/path" for Cloud Storage, the key for S3). */
  object: string;
  hits: { pod: string; line: string; at?: IsoTime }[];
  pods: string[];
  first?: IsoTime;
}

function objectOf(line: string): { store: ObjectMutationRate['store']; object: string } | undefined {
  const g = GCS_OBJECT_RATE.exec(line);
  const gcs = (g?.[1] ?? g?.[2])?.replace(/[.,;:]$/, '');
  if (gcs) return { store: 'Cloud Storage', object: gcs };
  const key = S3_SLOW_DOWN.test(line) ? S3_KEY.exec(line)?.[1] : undefined;
  return key ? { store: 'S3', object: key } : undefined;
}

/** The object most of the refused writes name, when at least MIN_WRITES of them name it. */
export function findObjectMutationRate(logs: readonly LogEvidence[]): ObjectMutationRate | undefined {
  const named = logs.filter((l) => !l.previous).flatMap((l) => l.lines.flatMap((line) => {
    const o = objectOf(line);
    const at = o ? readLineTime(line) : undefined;
    return o ? [{ ...o, pod: l.pod, line: line.trim(), ...(at ? { at } : {}) }] : [];
  }));
  const counts = new Map<string, number>();
  for (const n of named) counts.set(`${n.store}\n${n.object}`, (counts.get(`${n.store}\n${n.object}`) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (top === undefined || top[1] < MIN_WRITES) return undefined;
  const [store, object] = top[0].split('\n') as [ObjectMutationRate['store'], string];
  const hits = named.filter((n) => n.store === store && n.object === object).map(({ pod, line, at }) => ({ pod, line, ...(at ? { at } : {}) }));
  const first = hits.map((h) => h.at).filter((t) => t !== undefined).sort()[0];
  return { store, object, hits, pods: [...new Set(hits.map((h) => h.pod))], ...(first ? { first } : {}) };
}

/** What the store allows on one object, for the likely cause. */
export function describeObjectLimit(store: ObjectMutationRate['store']): string {
  return store === 'Cloud Storage'
    ? 'Cloud Storage allows about one mutation (create, update or delete) per second on any single object and answers more with 429 rateLimitExceeded, whatever the bucket allows'
    : 'S3 takes a bounded rate of writes per key prefix and answers more with 503 SlowDown, whatever the bucket allows';
}
