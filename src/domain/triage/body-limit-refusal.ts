/**
 * An application server refusing request bodies over its own size limit, again and again, and
 * saying so in its log: Express's body-parser (raw-body: "PayloadTooLargeError: request entity too
 * large", with `limit` and `length` on the lines after, 100kb by default), Go's http.MaxBytesReader
 * ("http: request body too large"), ASP.NET Core's Kestrel ("Request body too large. The max
 * request body size is N bytes.", 30000000 by default), Spring's multipart resolver ("Maximum
 * upload size exceeded"). It answers 413 before any handler runs; requests under the limit pass and
 * the probes (no body) too, so the pods stay Ready. A limit that did not move and refusals that
 * began lately mean that what the callers send grew: a caller's release is the change to test
 * (client-rollout.ts). Pure: log lines and the workload's pods.
 */
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import { clientRolloutsSince } from './client-rollout.js';
import { readLogLineTime } from './log-line-time.js';

/** Refusals it takes to call it a limit the traffic keeps meeting, not one odd client. */
export const MIN_BODY_REFUSALS = 3;
/** How many lines after the refusal its error's fields (`limit: 102400,`) may stand: a stack trace's length. */
const FIELDS_WITHIN = 16;

interface BodyLimitServer {
  server: string;
  refusal: RegExp;
  /** The limit the refusal states, on its line or in its error's fields; group 1 in bytes. */
  limit?: RegExp;
  /** The refused body's size, likewise. */
  size?: RegExp;
  defaultBytes?: number;
  /** The default, named: "body-parser's default 100kb". */
  defaultText?: string;
  /** How to raise it, with `SIZE` where the size goes. */
  raise: string;
}

const SERVERS: readonly BodyLimitServer[] = [
  {
    server: "Express's body-parser",
    refusal: /\bPayloadTooLargeError: request entity too large\b/,
    limit: /(?:^|[\s{,"])limit"?\s*[:=]\s*(\d+)/,
    size: /(?:^|[\s{,"])(?:length|expected)"?\s*[:=]\s*(\d+)/,
    defaultBytes: 102400,
    defaultText: "body-parser's default 100kb",
    raise: 'pass a larger limit to the parser (express.json({ limit: "SIZE" }), and express.urlencoded or express.raw alike)',
  },
  {
    server: "Go's http.MaxBytesReader",
    refusal: /\bhttp: request body too large\b/,
    raise: 'raise the n the handler passes to http.MaxBytesReader to SIZE or more',
  },
  {
    server: "ASP.NET Core's Kestrel",
    refusal: /\bRequest body too large\. The max request body size is \d+ bytes/,
    limit: /max request body size is (\d+) bytes/,
    defaultBytes: 30_000_000,
    defaultText: "Kestrel's default 30000000 bytes",
    raise: 'raise KestrelServerOptions.Limits.MaxRequestBodySize (or [RequestSizeLimit] on the action) to SIZE or more',
  },
  {
    server: "Spring's multipart resolver",
    refusal: /\bMaximum upload size exceeded\b|\bthe request was rejected because its size \(\d+\) exceeds the configured maximum/,
    limit: /exceeds the configured maximum \((\d+)\)/,
    size: /because its size \((\d+)\)/,
    raise: 'raise spring.servlet.multipart.max-request-size (and max-file-size) to SIZE or more',
  },
];

export interface BodyLimitHit {
  pod: string;
  line: string;
  at?: IsoTime;
  /** The refused body's size, when the error says. */
  bytes?: number;
}

export interface BodyLimitRefusals {
  server: string;
  container: string;
  hits: BodyLimitHit[];
  pods: string[];
  /** The limit the errors state, else the server's default when it has one. */
  limitBytes?: number;
  /** The limit is the server's default ("body-parser's default 100kb"), named. */
  defaultText?: string;
  /** Access-log lines of the same pods answered 413, and 2xx: bodies under the limit pass. */
  answered413: number;
  passed: number;
  raise: string;
}

const ANSWERED_413 = /(?:^|\s|")(?:POST|PUT|PATCH)\s+\S+(?:\s+HTTP\/[\d.]+"?)?\s+413\b|"status"\s*:\s*413\b/;
const ANSWERED_2XX = /(?:^|\s|")(?:POST|PUT|PATCH)\s+\S+(?:\s+HTTP\/[\d.]+"?)?\s+2\d\d\b|"status"\s*:\s*2\d\d\b/;

function fieldAfter(lines: readonly string[], from: number, re: RegExp | undefined): number | undefined {
  if (re === undefined) return undefined;
  for (let i = from; i < Math.min(lines.length, from + FIELDS_WITHIN); i++) {
    const line = lines[i] ?? '';
    if (i > from && /^\S/.test(line) && !/^[}\]]/.test(line)) break;
    const m = re.exec(line);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The workload's current logs refusing request bodies over its limit, again and again (MIN_BODY_REFUSALS); else undefined. */
export function findBodyLimitRefusals(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: IsoTime): BodyLimitRefusals | undefined {
  const own = new Set(pods.map((p) => p.name));
  const current = logs.filter((l) => !l.previous && own.has(l.pod));
  for (const s of SERVERS) {
    const hits: (BodyLimitHit & { container: string; limit?: number })[] = [];
    for (const log of current) {
      log.lines.forEach((line, i) => {
        if (!s.refusal.test(line)) return;
        const at = readLogLineTime(line, now);
        const bytes = fieldAfter(log.lines, i, s.size);
        const limit = fieldAfter(log.lines, i, s.limit);
        hits.push({ pod: log.pod, container: log.container, line: line.trim(), ...(at === undefined ? {} : { at }), ...(bytes === undefined ? {} : { bytes }), ...(limit === undefined ? {} : { limit }) });
      });
    }
    if (hits.length < MIN_BODY_REFUSALS) continue;
    const container = hits[0]?.container ?? '';
    const stated = hits.find((h) => h.limit !== undefined)?.limit;
    const limitBytes = stated ?? s.defaultBytes;
    const refusing = current.filter((l) => l.container === container && hits.some((h) => h.pod === l.pod));
    const count = (re: RegExp) => refusing.reduce((n, l) => n + l.lines.filter((x) => re.test(x)).length, 0);
    return {
      server: s.server,
      container,
      hits: hits.map(({ container: _c, limit: _l, ...h }) => h),
      pods: [...new Set(hits.map((h) => h.pod))],
      ...(limitBytes === undefined ? {} : { limitBytes }),
      ...(s.defaultText !== undefined && limitBytes === s.defaultBytes ? { defaultText: s.defaultText } : {}),
      answered413: count(ANSWERED_413),
      passed: count(ANSWERED_2XX),
      raise: s.raise,
    };
  }
  return undefined;
}

/** A limit to suggest: a power of two, in kb or mb, at least twice the largest refused body. */
export function suggestBodyLimit(largest: number | undefined, limit: number | undefined): string {
  const floor = Math.max(2 * (largest ?? 0), 2 * (limit ?? 0), 1024 * 1024);
  const kb = 2 ** Math.ceil(Math.log2(floor / 1024));
  return kb >= 1024 ? `${kb / 1024}mb` : `${kb}kb`;
}

/** Whether the namespace's rollouts are worth a read: since when a caller may have begun to send bigger bodies. */
export function needsBodyLimitCallers(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): { since: IsoTime } | undefined {
  const found = findBodyLimitRefusals(seen.logs, seen.pods, seen.collectedAt);
  const onset = found?.hits.map((h) => h.at).filter((t): t is IsoTime => t !== undefined).sort()[0];
  return onset === undefined ? undefined : { since: clientRolloutsSince(onset) };
}
