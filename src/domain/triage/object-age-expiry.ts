/**
 * Objects that expire: an object store answers "not found" (S3's NoSuchKey, GCS's "No such
 * object", Azure's BlobNotFound) for keys the pods read, and those keys carry the date their
 * object was written (`reports/2025/06/30/…`, `…-2025-06-30T14-05-00Z.pdf`). When every missing
 * key is older than every key the same logs show served, the cut by age is the mechanism: a rule
 * on the bucket (a lifecycle expiration, a retention policy) deletes objects after that age. It is
 * set outside the cluster, so nothing in Kubernetes changed and the pods stay Ready.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import { readLineTime } from './request-silence.js';
import { formatSpan } from './time-span.js';

const NOT_FOUND = /\bNoSuchKey\b|\bspecified key does not exist\b|\bNo such object\b|\bBlobNotFound\b/;
/** Where a log line names the object: a key field, `(key …)`, or a store URL. */
const KEY_FIELDS = [
  /"(?:key|Key|object|objectKey|object_key|blob|blobName)"\s*:\s*"([^"]+)"/,
  /\b(?:key|object|blob)=("?)([^\s"]+)\1/,
  /\((?:key|object|blob) ([^)\s]+)\)/,
  /\b(?:s3a?|gs|abfss?|wasbs?):\/\/[^/\s"']+\/([^\s"')]+)/,
];
const BUCKET = /"(?:bucket|Bucket)"\s*:\s*"([^"]+)"|\bbucket=("?)([\w.-]+)\2|\b(?:s3a?|gs):\/\/([a-z0-9][\w.-]+)\//;
/** A date in a key, with separators (`2025/06/30`, `2025-06-30`, `2025_06_30`), and a time after it when there is one (`T14-05-00Z`). */
const KEY_DATE = /(?<!\d)(20\d\d)([/_.-])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)(?:[T_ ]([01]\d|2[0-3])[:._-]?([0-5]\d)(?:[:._-]?([0-5]\d))?)?/g;

/** Keys missing or served this few times do not make a cut. */
const MIN_MISSING = 3;
const MIN_SERVED = 2;
/** Keys missing within this age are a read racing its write (read-after-write.ts), not an expiry. */
const MIN_EXPIRED_AGE_MS = 60 * 60_000;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The ages rules are written in, with how to say them. */
const ROUND_AGES: [number, string][] = [
  [HOUR, 'an hour'], [2 * HOUR, '2 hours'], [6 * HOUR, '6 hours'], [12 * HOUR, '12 hours'], [DAY, 'a day'], [2 * DAY, '2 days'],
  [3 * DAY, '3 days'], [7 * DAY, 'a week'], [14 * DAY, '2 weeks'], [30 * DAY, '30 days'], [60 * DAY, '60 days'], [90 * DAY, '90 days'],
  [180 * DAY, '180 days'], [365 * DAY, 'a year'],
];

function keyOf(line: string): string | undefined {
  for (const field of KEY_FIELDS) {
    const m = field.exec(line);
    const key = m?.[m.length - 1];
    if (key !== undefined && key !== '') return key;
  }
  return undefined;
}

/** The most precise date the key carries, as epoch ms (UTC); undefined without one. */
function dateOfKey(key: string): number | undefined {
  let best: { at: number; precise: boolean } | undefined;
  for (const m of key.matchAll(KEY_DATE)) {
    const [, y, , mo, d, h, mi, s] = m;
    const at = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
    const precise = h !== undefined;
    if (best === undefined || (precise && !best.precise)) best = { at, precise };
  }
  return best?.at;
}

/** How old the key's object was when the line was logged, or undefined when either date is missing. */
function ageAt(line: string, key: string): number | undefined {
  const made = dateOfKey(key);
  const logged = readLineTime(line);
  if (made === undefined || logged === undefined) return undefined;
  const age = Date.parse(logged) - made;
  return age >= 0 ? age : undefined;
}

export function explainObjectAgeExpiry(errors: readonly string[], lines: readonly string[]): ClientDiagnosis | undefined {
  const missing = errors.filter((l) => NOT_FOUND.test(l)).flatMap((l) => {
    const key = keyOf(l);
    const age = key === undefined ? undefined : ageAt(l, key);
    return key === undefined || age === undefined ? [] : [{ key, age, line: l }];
  });
  if (missing.length < MIN_MISSING) return undefined;
  const missingKeys = new Set(missing.map((m) => m.key));
  const failed = new Set(errors);
  const served = lines.filter((l) => !failed.has(l) && !NOT_FOUND.test(l)).flatMap((l) => {
    const key = keyOf(l);
    const age = key === undefined || missingKeys.has(key) ? undefined : ageAt(l, key);
    return key === undefined || age === undefined ? [] : [{ key, age }];
  });
  if (served.length < MIN_SERVED) return undefined;
  const youngestGone = Math.min(...missing.map((m) => m.age));
  const oldestServed = Math.max(...served.map((s) => s.age));
  if (youngestGone <= oldestServed || youngestGone < MIN_EXPIRED_AGE_MS) return undefined;
  const round = ROUND_AGES.find(([ms]) => ms >= oldestServed && ms <= youngestGone);
  const after = round?.[1] ?? `about ${formatSpan(youngestGone)}`;
  const bucketMatch = missing.map((m) => BUCKET.exec(m.line)).find((m) => m !== null);
  const bucket = bucketMatch?.[1] ?? bucketMatch?.[3] ?? bucketMatch?.[4];
  const where = bucket !== undefined ? `bucket ${bucket}` : 'the bucket';
  const oldestGone = Math.max(...missing.map((m) => m.age));
  const code = NOT_FOUND.exec(missing[0]?.line ?? '')?.[0] ?? 'not found';
  const split = `every key dated more than ${formatSpan(youngestGone)} before the read is missing (${code}; ${missing.length} reads, up to ${formatSpan(oldestGone)} old) while the ${served.length} newer reads (up to ${formatSpan(oldestServed)} old) are served`;
  const fix = `remove or scope the expiration (lifecycle or retention) rule on ${where}, and restore the deleted objects from versioning or a backup`;
  return {
    summary: `objects older than ${after} are gone from ${where}: ${split}`,
    title: (logs) => `Objects older than ${after} are gone from ${where}: in the ${logs}, ${split} — a rule on the bucket expires them`,
    likelyCause:
      `The keys carry the date their object was written, and the store's answers split cleanly by that age: nothing younger than ${formatSpan(oldestServed)} is missing, nothing older than ${formatSpan(youngestGone)} is found. ` +
      `Objects that vanish at a fixed age are deleted by a rule on the bucket — a lifecycle expiration, a retention policy — not by the service, which reads them the way it always did. ` +
      `Such a rule is set outside the cluster, so no change shows in Kubernetes and the pods stay Ready; restarting or rolling back the service does not bring the objects back.`,
    nextAction: `Check the lifecycle (expiration) and retention rules of ${where} and when they changed; ${fix}.`,
    fix,
  };
}
