/**
 * A log line's own time, read where the line's format puts it: a leading ISO 8601 or
 * "2026-11-21 01:12:45,600" stamp (Spring Boot, log4j/logback, Python, Kafka's "[…]"), Go's log
 * package ("2026/11/21 01:12:45"), klog's header ("I1121 03:12:41.400374", no year: the read's),
 * a logfmt `time=`/`ts=` field, a JSON `time`/`ts`/`timestamp`/`@timestamp` field (ISO, epoch
 * milliseconds, or zap's epoch seconds "1795230765.6"), the common log format's "[21/Nov/…]".
 * A date that only the message mentions (a certificate's "is after 2026-11-21T00:00:00Z") is not
 * the line's time: undefined, as for a line that carries none.
 */
import type { IsoTime } from './evidence-spec.js';
import { readLineTime } from './request-silence.js';

/** The stamp that opens the line, maybe in brackets or after a short level word ("WARN [2026-…"). */
const LEADING_ISO = /^\s*(?:[A-Z]{1,8}:?\s+)?[[(]?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?)/;
/** Go's standard log package: "2026/11/21 01:12:45" (the container's clock, UTC); nats-server puts its pid first ("[1] 2026/11/21 …"), oauth2-proxy brackets it ("[2026/11/21 01:12:45] [proxy.go:107] …"). */
const GO_LOG = /^\s*(?:\[\d+\]\s+)?\[?(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2})(\.\d+)?\b/;
/** logfmt: `time="2026-11-21T01:12:45Z"`, `ts=2026-11-21T01:12:45.6Z`. */
const LOGFMT = /(?:^|\s)(?:time|ts|t|timestamp)="?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?)/;
/** A JSON record's time field: a string or a number. */
const JSON_TIME = /"(?:@timestamp|timestamp|time|ts)"\s*:\s*(?:"([^"]+)"|(\d{10}(?:\.\d+)?|\d{13})(?![\d.]))/;
/** "[21/Nov/2026:02:31:07 +0000]" (access logs): read by request-silence.ts wherever it stands. */
const CLF = /\[\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\]/;

const DAY_MS = 24 * 60 * 60_000;

function iso(ms: number): IsoTime | undefined {
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** "2026-11-21 01:12:45,600", "2026-11-21T01:12:45.6+00:00": UTC when no zone is written. */
function readIso(stamp: string): IsoTime | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,](\d+))?(Z|[+-]\d{2}:?\d{2})?$/.exec(stamp);
  if (!m) return undefined;
  const zone = (m[4] ?? 'Z').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return iso(Date.parse(`${m[1] ?? ''}T${m[2] ?? ''}${m[3] ? `.${m[3].slice(0, 3)}` : ''}${zone}`));
}

/** klog's header time (`E1121 02:48:03.118000`), in the year of `now`; undefined for other lines. */
export function readKlogTime(line: string, now: IsoTime): IsoTime | undefined {
  const m = /^[IWEF](\d\d)(\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)/.exec(line);
  if (!m) return undefined;
  const year = Number(now.slice(0, 4));
  const at = (y: number): number => Date.parse(`${y}-${m[1]}-${m[2]}T${(m[3] ?? '').slice(0, 12)}Z`);
  // A header from late December read in early January belongs to the year before.
  return iso(at(year) > Date.parse(now) + DAY_MS ? at(year - 1) : at(year));
}

/** The line's own time (see above), or undefined when the line does not carry one. */
export function readLogLineTime(line: string, now: IsoTime): IsoTime | undefined {
  const klog = readKlogTime(line, now);
  if (klog !== undefined) return klog;
  const lead = LEADING_ISO.exec(line) ?? LOGFMT.exec(line);
  if (lead) return readIso(lead[1] ?? '');
  const g = GO_LOG.exec(line);
  if (g) return iso(Date.parse(`${g[1] ?? ''}-${g[2] ?? ''}-${g[3] ?? ''}T${g[4] ?? ''}${(g[5] ?? '').slice(0, 4)}Z`));
  const j = JSON_TIME.exec(line);
  if (j?.[1] !== undefined) return readIso(j[1]);
  if (j?.[2] !== undefined) return iso(j[2].length === 13 ? Number(j[2]) : Number(j[2]) * 1000);
  return CLF.test(line) ? readLineTime(line) : undefined;
}
