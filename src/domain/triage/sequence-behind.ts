/**
 * An id sequence behind the rows of its table: every INSERT that takes its id from the sequence
 * (serial, identity, AUTO_INCREMENT) draws a value some row already holds and fails on the primary
 * key — Postgres `duplicate key value violates unique constraint "<table>_pkey"` with `Key (id)=(n)
 * already exists` (SQLSTATE 23505), MySQL `Duplicate entry 'n' for key 'PRIMARY'` — while reads
 * keep working. Each failed insert still consumed its value, so the keys the log quotes climb
 * 1, 2, 3 …: that climb is what tells it from a client that sends a duplicate (the same key again,
 * an idempotent retry, a unique e-mail). It follows a data restore or import that loaded rows with
 * their ids (COPY, pg_restore, TRUNCATE … RESTART IDENTITY then a reload), which never advances
 * the sequence. The fix is to move the sequence past the rows (setval), not a rollback: the
 * sequence stays behind whatever revision inserts. Pure: reads the log lines only.
 */
import type { IsoTime, LogEvidence, NamespaceJobEvidence, NamespaceJobsEvidence } from './evidence.js';
import { isIdempotencyKeyViolation, listIdempotentReplayLines } from './idempotent-replay.js';
import { findJobsBeforeOnset } from './jobs-before-onset.js';
import { readLineTime } from './request-silence.js';
import { MYSQL_AUTO_INCREMENT_LIMIT } from './sequence-limit.js';
import { earliest } from './time-span.js';

/** Postgres names a primary key `<table>_pkey` by default; drivers may escape the quotes (JSON). */
const PG_PKEY_VIOLATION = /duplicate key value violates unique constraint \\*"([\w$]+)_pkey\\*"/i;
/** Postgres' DETAIL of it, with one integer key column. */
const PG_KEY = /\bKey \(\\*"?([\w$]+)\\*"?\)=\((\d+)\) already exists/i;
/** MySQL's words, with the table when 8.0.19+ names it (`orders.PRIMARY`). */
const MYSQL_PRIMARY_DUP = /Duplicate entry '(\d+)' for key '(?:([\w$]+)\.)?PRIMARY'/i;
/** The table an INSERT near the refusal writes to. */
const INSERT_TABLE = /\bINSERT\s+INTO\s+[`"\\]*(?:[\w$]+[`"\\]*\.[`"\\]*)?([\w$]+)/i;
/** Lines under a refusal that may carry its DETAIL or its statement (a server log's next lines, a stack). */
const DETAIL_LINES = 3;
/** Refused inserts with distinct climbing keys before it counts: two could be chance. */
const MIN_KEYS = 3;

export type SequenceEngine = 'PostgreSQL' | 'MySQL';

export interface SequenceHit {
  log: LogEvidence;
  /** The index of the refused line in its log. */
  at: number;
  line: string;
  key: number;
  time?: IsoTime;
}

export interface SequenceBehind {
  engine: SequenceEngine;
  /** The table whose primary key refuses (from `<table>_pkey`, `<table>.PRIMARY` or the INSERT). */
  table?: string;
  /** The key column (Postgres' DETAIL names it). */
  column?: string;
  hits: SequenceHit[];
  /** The smallest and largest key refused. */
  low: number;
  high: number;
  /** The first refused insert, when its line is dated. */
  onset?: IsoTime;
}

interface Reading {
  engine: SequenceEngine;
  table?: string;
  column?: string;
  key: number;
}

/** One refused line (and the few under it): a duplicate of an integer primary key, or nothing. */
function readRefusal(lines: readonly string[], i: number): Reading | undefined {
  const line = lines[i] ?? '';
  const pg = PG_PKEY_VIOLATION.exec(line);
  if (pg) {
    // The DETAIL is on the same line (structured logs) or just under it, before any other refusal.
    const near = [line, ...lines.slice(i + 1, i + 1 + DETAIL_LINES).filter((_, k, all) => !all.slice(0, k + 1).some((l) => PG_PKEY_VIOLATION.test(l)))];
    const key = near.map((l) => PG_KEY.exec(l)).find((m) => m !== null);
    if (!key) return undefined;
    return { engine: 'PostgreSQL', table: pg[1] ?? '', column: key[1] ?? '', key: Number(key[2]) };
  }
  const my = MYSQL_PRIMARY_DUP.exec(line);
  // A duplicate of the largest value of the column's type is an exhausted AUTO_INCREMENT (sequence-limit.ts).
  if (!my || MYSQL_AUTO_INCREMENT_LIMIT.test(line)) return undefined;
  const table = my[2] ?? [line, ...lines.slice(i + 1, i + 1 + DETAIL_LINES)].map((l) => INSERT_TABLE.exec(l)?.[1]).find((t) => t !== undefined);
  return { engine: 'MySQL', ...(table ? { table } : {}), key: Number(my[1]) };
}

/**
 * Whether the keys of one log climb: each refused insert drew the next value of the sequence. A key
 * repeated in a row is one refusal logged twice (a driver's error and its wrapper's).
 */
function climbs(keys: readonly number[]): boolean {
  return keys.every((k, i) => i === 0 || k >= (keys[i - 1] ?? Infinity));
}

/** Refused inserts, not lines: the same key logged twice in a row by one pod is one insert. */
export function countRefusedInserts(s: SequenceBehind): number {
  return new Set(s.hits.map((h) => `${h.log.pod}/${h.log.container}/${h.key}`)).size;
}

/**
 * The sign in the workload's logs: at least three inserts refused on one table's integer primary
 * key, with distinct keys that climb in each log. Idempotency keys (a retry answered from what was
 * stored) are the design working and never count.
 */
export function findSequenceBehind(logs: readonly LogEvidence[]): SequenceBehind | undefined {
  const hits: (SequenceHit & Reading)[] = [];
  for (const log of logs) {
    const replays = listIdempotentReplayLines(log.lines);
    log.lines.forEach((line, at) => {
      if (replays.has(at) || isIdempotencyKeyViolation(line)) return;
      const r = readRefusal(log.lines, at);
      const time = r ? readLineTime(line) : undefined;
      if (r) hits.push({ ...r, log, at, line: line.trim(), ...(time ? { time } : {}) });
    });
  }
  // The table refused most often: one sequence, one table.
  const counts = new Map<string, number>();
  for (const h of hits) counts.set(`${h.engine}/${h.table ?? ''}`, (counts.get(`${h.engine}/${h.table ?? ''}`) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = hits.filter((h) => `${h.engine}/${h.table ?? ''}` === top);
  const keys = new Set(mine.map((h) => h.key));
  if (mine.length < MIN_KEYS || keys.size < MIN_KEYS) return undefined;
  const perLog = new Map<LogEvidence, number[]>();
  for (const h of mine) perLog.set(h.log, [...(perLog.get(h.log) ?? []), h.key]);
  if (![...perLog.values()].every(climbs)) return undefined;
  const first = mine[0];
  if (first === undefined) return undefined;
  const onset = earliest(mine.flatMap((h) => (h.time ? [h.time] : [])));
  return {
    engine: first.engine,
    ...(first.table ? { table: first.table } : {}),
    ...(first.column ? { column: first.column } : {}),
    hits: mine.map(({ log, at, line, key, time }) => ({ log, at, line, key, ...(time ? { time } : {}) })),
    low: Math.min(...keys),
    high: Math.max(...keys),
    ...(onset ? { onset } : {}),
  };
}

/** The name Postgres gives the sequence of a serial or identity column: `<table>_<column>_seq`. */
export function sequenceNameOf(s: SequenceBehind): string | undefined {
  return s.engine === 'PostgreSQL' && s.table && s.column ? `${s.table}_${s.column}_seq` : undefined;
}

/** What to run, with the names the lines give. */
export function fixSequenceBehind(s: SequenceBehind): string {
  const table = s.table ?? '…';
  const column = s.column ?? 'id';
  if (s.engine === 'MySQL') {
    return `move the counter past the rows: SELECT MAX(${column}) FROM ${table}, then ALTER TABLE ${table} AUTO_INCREMENT = <that + 1> (and the same for every table loaded the same way); no rollback or restart needed`;
  }
  const seq = sequenceNameOf(s) ?? `pg_get_serial_sequence('${table}', '${column}')`;
  return `move the sequence past the rows: SELECT setval('${seq}', (SELECT max(${column}) FROM ${table})), and the same for every table loaded the same way; no rollback or restart needed`;
}

/** A Job's command that loads rows into a database: a restore, an import, a COPY. */
const LOADS_ROWS = /\b(?:psql|pg_restore|mysql|mysqlimport|myloader|mongorestore|restore|import|load|copy|truncate|seed|backfill)\b/i;

/**
 * The Job that likely loaded the rows: one that started or ended shortly before the first refused
 * insert (jobs-before-onset.ts) and names the database's host in its command or env, or runs a tool
 * that loads rows. Undefined when none did: the trigger then stays "no change found".
 */
export function pickLoadingJob(jobs: NamespaceJobsEvidence | undefined, onset: IsoTime | undefined, host: string | undefined): { job: NamespaceJobEvidence; namesHost: boolean } | undefined {
  const near = findJobsBeforeOnset(jobs, onset);
  const short = host?.split('.')[0] ?? '';
  const hostRe = new RegExp(`(^|[^\\w-])${short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w-]|$)`);
  const names = (j: NamespaceJobEvidence) => short.length > 0 && (j.commandAndEnv ?? []).some((x) => hostRe.test(x));
  const withHost = near.find(names);
  if (withHost) return { job: withHost, namesHost: true };
  const loads = near.find((j) => LOADS_ROWS.test(j.name) || (j.commandAndEnv ?? []).some((x) => LOADS_ROWS.test(x)));
  return loads ? { job: loads, namesHost: false } : undefined;
}

/** The part of a Job's command that talks to the database: from the tool on, without the env. */
export function describeJobCommand(j: NamespaceJobEvidence): string | undefined {
  const parts = j.commandAndEnv ?? [];
  const from = parts.findIndex((p) => /^(?:\S*\/)?(?:psql|pg_restore|mysql|mysqlimport|myloader|mongorestore)$/.test(p));
  const cmd = (from >= 0 ? parts.slice(from) : parts).filter((p) => !/^[A-Z_][A-Z0-9_]*=/.test(p));
  const text = cmd.join(' ').trim();
  return text.length === 0 ? undefined : text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
