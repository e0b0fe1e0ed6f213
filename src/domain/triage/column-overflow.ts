/**
 * A database refusing the values the workload writes for being longer than their column allows:
 * PostgreSQL's 22001 ("value too long for type character varying(32)"), MySQL's 1406 in strict
 * mode ("Data too long for column 'x' at row 1"), SQL Server's 2628/8152 ("String or binary data
 * would be truncated"). The insert fails and the request with it, while the pods stay Ready and
 * shorter values pass. A column that did not shrink and refusals that began lately mean that the
 * values grew: what the callers send changed shape (a longer reference, a new id format), so a
 * caller's release just before the first refusal is the change to test (client-rollout.ts). The
 * column is named by the database where it says so, else by the statement's parameters the client
 * logs beside the error (SQLAlchemy's "[parameters: {…}]"): those longer than the limit.
 * Pure: log lines and the workload's pods.
 */
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import { clientRolloutsSince } from './client-rollout.js';
import { findTimedLogHits } from './timed-log-hits.js';

/** Refusals it takes to call it the data outgrowing a column, not one odd value. */
export const MIN_OVERFLOWS = 3;
/** How many lines after the refusal the statement's parameters may stand: a traceback's tail. */
const PARAMETERS_WITHIN = 8;

interface OverflowSign {
  database: string;
  refusal: RegExp;
  /** The column's limit in characters (group 1), when the message states it. */
  limit?: RegExp;
  /** The column (group 1), when the message names it. */
  column?: RegExp;
}

const SIGNS: readonly OverflowSign[] = [
  { database: 'PostgreSQL', refusal: /\bvalue too long for type (?:character varying|varchar|character|char|bit varying)\(\d+\)/i, limit: /value too long for type [\w ]+\((\d+)\)/i },
  { database: 'MySQL', refusal: /\bData too long for column '[^']+'/, column: /Data too long for column '([^']+)'/ },
  { database: 'SQL Server', refusal: /\bString or binary data would be truncated\b/, column: /column '([^']+)'/ },
];

export interface OverflowHit {
  pod: string;
  line: string;
  at?: IsoTime;
}

export interface ColumnOverflow {
  database: string;
  container: string;
  hits: OverflowHit[];
  pods: string[];
  /** The column's limit in characters, when stated. */
  limit?: number;
  /** The column the database names, else the statement's parameters longer than the limit (nearest the limit first), with their lengths. */
  columns: { name: string; length?: number; named: boolean }[];
  /** Access-log lines of the same pods answered 5xx, and 2xx. */
  answered5xx: number;
  passed: number;
}

const ANSWERED_5XX = /(?:^|\s|")(?:POST|PUT|PATCH)\s+\S+(?:\s+HTTP\/[\d.]+"?)?\s+5\d\d\b|"status"\s*:\s*5\d\d\b/;
const ANSWERED_2XX = /(?:^|\s|")(?:POST|PUT|PATCH)\s+\S+(?:\s+HTTP\/[\d.]+"?)?\s+2\d\d\b|"status"\s*:\s*2\d\d\b/;
/** A bound parameter as a client prints it: `'name': 'value'` (Python) or `"name": "value"` (JSON). */
const PARAMETER = /(['"])(\w+)\1\s*:\s*(['"])((?:(?!\3).)*)\3/g;

/** The parameters logged within a few lines after the refusal whose values are longer than the limit, nearest the limit first. */
function findLongParameters(lines: readonly string[], from: number, limit: number): { name: string; length: number }[] {
  const long = new Map<string, number>();
  for (const line of lines.slice(from, from + PARAMETERS_WITHIN)) {
    if (!/\bparameters\b|\bparams\b|\bvalues\b/i.test(line)) continue;
    for (const m of line.matchAll(PARAMETER)) {
      const [name, value] = [m[2] ?? '', m[4] ?? ''];
      if (value.length > limit) long.set(name, Math.max(long.get(name) ?? 0, value.length));
    }
  }
  return [...long.entries()].map(([name, length]) => ({ name, length })).sort((a, b) => a.length - b.length);
}

/** The workload's current logs refusing values too long for their column, again and again (MIN_OVERFLOWS); else undefined. */
export function findColumnOverflow(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: IsoTime): ColumnOverflow | undefined {
  for (const s of SIGNS) {
    const hits = findTimedLogHits(logs, pods, s.refusal, now);
    // A client logs one refusal twice (the driver's error, then the ORM's that wraps it): one per error is counted.
    const distinct = hits.filter((h, i) => i === 0 || !(hits[i - 1]?.pod === h.pod && hits[i - 1]?.at === h.at && h.at !== undefined));
    if (distinct.length < MIN_OVERFLOWS) continue;
    const container = hits[0]?.container ?? '';
    const limit = s.limit === undefined ? undefined : Number(hits.map((h) => s.limit?.exec(h.line)?.[1]).find((x) => x !== undefined));
    const named = [...new Set(hits.flatMap((h) => s.column?.exec(h.line)?.[1] ?? []))].map((name) => ({ name, named: true }));
    const refusing = logs.filter((l) => !l.previous && l.container === container && hits.some((h) => h.pod === l.pod));
    const long = new Map<string, number>();
    if (named.length === 0 && limit !== undefined && !Number.isNaN(limit)) {
      for (const log of refusing) {
        log.lines.forEach((line, i) => {
          if (!s.refusal.test(line)) return;
          for (const p of findLongParameters(log.lines, i + 1, limit)) long.set(p.name, Math.max(long.get(p.name) ?? 0, p.length));
        });
      }
    }
    const count = (re: RegExp) => refusing.reduce((n, l) => n + l.lines.filter((x) => re.test(x)).length, 0);
    return {
      database: s.database,
      container,
      hits: distinct.map(({ container: _c, ...h }) => h),
      pods: [...new Set(hits.map((h) => h.pod))],
      ...(limit === undefined || Number.isNaN(limit) ? {} : { limit }),
      columns: named.length > 0 ? named : [...long.entries()].sort((a, b) => a[1] - b[1]).map(([name, length]) => ({ name, length, named: false })),
      answered5xx: count(ANSWERED_5XX),
      passed: count(ANSWERED_2XX),
    };
  }
  return undefined;
}

/** Whether the namespace's rollouts are worth a read: since when a caller may have begun to send longer values. */
export function needsColumnOverflowCallers(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): { since: IsoTime } | undefined {
  const found = findColumnOverflow(seen.logs, seen.pods, seen.collectedAt);
  const onset = found?.hits.map((h) => h.at).filter((t): t is IsoTime => t !== undefined).sort()[0];
  return onset === undefined ? undefined : { since: clientRolloutsSince(onset) };
}
