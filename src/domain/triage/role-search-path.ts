/**
 * A PostgreSQL role's (or database's) default search_path changed under a workload whose queries
 * now find an unqualified table missing (42P01): `ALTER ROLE r SET search_path = s` (ALTER
 * DATABASE d SET …, ALTER ROLE r IN DATABASE d SET …) is stored in the catalog and applied only
 * when a session starts. Connections the pool opened before it keep the old search_path and still
 * find the tables; every connection opened since looks only where the new one says — a share of
 * failing queries that grows as the pool replaces its connections. A migration that sets it and
 * then fails before it moves the tables into the new schema leaves exactly this. Read from the
 * database server's log tail (its statement log, log_statement ddl or all) and from the lines kept
 * of the namespace's migration Jobs' logs; said only from a statement one of them shows.
 */
import type { IsoTime, NamespaceJobEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import type { Finding } from './finding.js';
import { formatKubectl } from './kubectl-command.js';
import { findConnectRole, MIGRATION } from './pg-privilege.js';
import { formatPodShare, listNodesOf, severityForPods } from './pod-status.js';
import { readLineTime } from './request-silence.js';
import { formatAgo, HOUR_MS, MINUTE_MS, msBetween } from './time-span.js';

/** A change this long before the first failure no longer explains it (a pool recycles within hours). */
const WITHIN_MS = 24 * HOUR_MS;
/** Clock skew between the database's log and the app's, and a Job's run window's edges. */
const SLACK_MS = MINUTE_MS;
const MAX_QUOTE = 300;

const IDENT = String.raw`"[^"]+"|[\w$]+`;
/** The statement as a server's or a tool's log shows it. */
/** A search_path as SET writes it: schemas (bare, quoted, or in a string) separated by commas. */
const PATH = String.raw`(?:${IDENT}|'[^']*')(?:\s*,\s*(?:${IDENT}|'[^']*'))*`;
const STATEMENT = new RegExp(String.raw`\bALTER\s+(ROLE|USER|DATABASE)\s+(${IDENT})(?:\s+IN\s+DATABASE\s+(${IDENT}))?\s+(?:SET\s+search_path\s*(?:=|\bTO\b)\s*(${PATH})|RESET\s+(?:search_path|ALL))(?![\w$])`, 'i');
/** The session's user and database in a server log line's prefix (log_line_prefix %u@%d). */
const SESSION = /(?:^|\s)([\w$.-]+)@([\w$.-]+)\s+(?:LOG|ERROR|STATEMENT|DETAIL|FATAL|WARNING|NOTICE|HINT|CONTEXT):/;
/** The backend's process id in a server log line's prefix (%p). */
const PID = /\[(\d+)\]/;
/** A table moved into a schema: `ALTER TABLE public.invoices SET SCHEMA ledger`. */
const MOVED_FROM = /\bALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?("[^"]+"|[\w$]+)\.(?:"[^"]+"|[\w$]+)\s+SET\s+SCHEMA\b/i;

/** An identifier as PostgreSQL folds it: quoted kept as written, bare lower-cased. */
function ident(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  return s.startsWith('"') ? s.slice(1, -1) : s.toLowerCase();
}

export interface SearchPathStatement {
  scope: 'role' | 'database';
  /** The role's or the database's name, as PostgreSQL folds it. */
  name: string;
  /** ALTER ROLE … IN DATABASE d: the database it is set for. */
  inDatabase?: string;
  /** The new search_path as written; absent for a RESET (or TO DEFAULT). */
  value?: string;
  /** The statement as logged, without its semicolon. */
  statement: string;
  line: string;
  at?: IsoTime;
  /** The session's user that ran it, from the server log line's prefix. */
  user?: string;
  pid?: string;
}

/** The search_path statement one log line shows, if any. */
export function readSearchPathStatement(raw: string): SearchPathStatement | undefined {
  // A JSON log line escapes quotes: read it as the database got it.
  const line = raw.replace(/\\"/g, '"');
  const m = STATEMENT.exec(line);
  if (m === null) return undefined;
  const value = m[4]?.trim();
  const reset = value === undefined || /^DEFAULT$/i.test(value);
  const at = readLineTime(raw);
  const session = SESSION.exec(line);
  const pid = PID.exec(line.slice(0, m.index));
  const inDatabase = ident(m[3]);
  return {
    scope: /DATABASE/i.test(m[1] ?? '') ? 'database' : 'role',
    name: ident(m[2]) ?? '',
    ...(inDatabase !== undefined ? { inDatabase } : {}),
    ...(reset ? {} : { value }),
    statement: m[0].replace(/\s*;?\s*$/, '').trim(),
    line: raw.trim().slice(0, MAX_QUOTE),
    ...(at !== undefined ? { at } : {}),
    ...(session?.[1] ? { user: session[1] } : {}),
    ...(pid?.[1] ? { pid: pid[1] } : {}),
  };
}

/** One log the statement may be read in: the database server's, or a Job's kept lines. */
interface Source {
  pod: string;
  container: string;
  lines: readonly string[];
  job?: string;
  server: boolean;
}

export interface RoleSearchPath {
  change: SearchPathStatement & { value: string };
  /** The log it was read in. */
  source: { pod: string; container: string; server: boolean };
  /** The Job that ran it: the one whose log shows it, or the namespace's Job running at that time. */
  job?: NamespaceJobEvidence | { name: string; state?: undefined; finishedAt?: string };
  /** The same session's refusal after it, from the server's log (the migration's next statement failed). */
  failedAfter?: { error: string; statement?: string; line: string };
  /** The schema a table was being moved from, when that failed statement names it: where the tables still are. */
  tablesIn?: string;
  /** The role and database the workload connects as, when known. */
  role?: string;
  database?: string;
}

function sourcesOf(ev: TriageEvidence): Source[] {
  return [
    ...(ev.storeVolume?.logs ?? []).map((l) => ({ pod: l.pod, container: l.container, lines: l.lines, server: true })),
    ...(ev.failedMigrationLogs ?? []).map((l) => ({ pod: l.pod, container: l.container, lines: l.lines, job: l.job, server: false })),
    ...(ev.migrationJobLogs ?? []).map((l) => ({ pod: l.pod, container: l.container, lines: l.lines, job: l.job, server: false })),
  ];
}

/** The role and database the workload connects as: its env (PGUSER, a postgres:// URL), else the server's own lines that report the missing table. */
function findAppIdentity(pods: readonly PodEvidence[], table: string, server: readonly Source[]): { role?: string; database?: string } {
  const env = pods.flatMap((p) => p.containers.flatMap((c) => c.env ?? []));
  const role = findConnectRole(env);
  const url = env.flatMap((e) => ('value' in e && typeof e.value === 'string' ? [e.value] : [])).map((v) => /postgres(?:ql)?:\/\/[^/\s]*\/([\w$-]+)/i.exec(v)?.[1]).find((d) => d !== undefined);
  const seen = server.flatMap((s) => s.lines).filter((l) => l.includes(`relation "${table}" does not exist`)).map((l) => SESSION.exec(l)).find((m) => m !== null);
  const r = role ?? seen?.[1];
  const d = url ?? seen?.[2];
  return { ...(r !== undefined ? { role: r.toLowerCase() } : {}), ...(d !== undefined ? { database: d.toLowerCase() } : {}) };
}

/** Whether the statement sets the search_path the workload's sessions get. */
function applies(s: SearchPathStatement, app: { role?: string; database?: string }): boolean {
  const sameDb = (d: string | undefined) => d === undefined || app.database === undefined || d.toLowerCase() === app.database;
  if (s.scope === 'database') return sameDb(s.name);
  return (app.role === undefined || s.name.toLowerCase() === app.role) && sameDb(s.inDatabase);
}

/** The namespace's Job that was running when the statement ran, a migration first. */
function jobRunningAt(ev: TriageEvidence, at: IsoTime): NamespaceJobEvidence | undefined {
  const running = (ev.namespaceJobs?.jobs ?? []).filter((j) =>
    j.createdAt !== undefined && msBetween(j.createdAt, at) >= -SLACK_MS && msBetween(at, j.finishedAt ?? ev.collectedAt) >= -SLACK_MS);
  return running.find((j) => MIGRATION.test([j.name, ...(j.commandAndEnv ?? [])].join(' '))) ?? running[0];
}

/** The same backend's first error after the statement, and the statement it names. */
function findFailedAfter(lines: readonly string[], from: number, pid: string | undefined): RoleSearchPath['failedAfter'] {
  if (pid === undefined) return undefined;
  const own = (l: string) => PID.exec(l)?.[1] === pid;
  const i = lines.findIndex((l, k) => k > from && own(l) && /\bERROR:\s+/.test(l));
  const line = lines[i];
  if (line === undefined) return undefined;
  const error = (/\bERROR:\s+(.*)$/.exec(line)?.[1] ?? '').trim();
  const next = lines[i + 1];
  const statement = next !== undefined && own(next) ? /\bSTATEMENT:\s+(.*)$/.exec(next)?.[1]?.replace(/\s*;\s*$/, '').trim() : undefined;
  return { error, ...(statement ? { statement } : {}), line: line.trim().slice(0, MAX_QUOTE) };
}

/**
 * The role's or database's search_path set before the workload's queries began to find `table`
 * missing, as the database's log or a migration Job's log shows it; none when the table is named
 * with its schema, when the last such statement reset it, or when it names another role.
 */
export function findRoleSearchPath(ev: TriageEvidence, seen: { pods: readonly PodEvidence[]; table: string; onset?: IsoTime }): RoleSearchPath | undefined {
  if (seen.table.includes('.')) return undefined;
  const sources = sourcesOf(ev);
  const app = findAppIdentity(seen.pods, seen.table, sources.filter((s) => s.server));
  const candidates = sources.flatMap((source) => source.lines.flatMap((line, index) => {
    const s = readSearchPathStatement(line);
    return s !== undefined && applies(s, app) ? [{ s, source, index }] : [];
  }));
  // The latest statement wins (a later RESET undoes the change): by the lines' clocks when all have one, else in the order read.
  const ordered = candidates.every((c) => c.s.at !== undefined) ? [...candidates].sort((a, b) => msBetween(b.s.at ?? '', a.s.at ?? '')) : candidates;
  const found = ordered[ordered.length - 1];
  if (found === undefined) return undefined;
  const { s, source, index } = found;
  if (s.value === undefined) return undefined;
  // Only a change before the failures began explains them.
  if (s.at !== undefined && seen.onset !== undefined) {
    const lead = msBetween(s.at, seen.onset);
    if (lead < -SLACK_MS || lead > WITHIN_MS) return undefined;
  }
  const named = source.job !== undefined ? ev.namespaceJobs?.jobs.find((j) => j.name === source.job) ?? { name: source.job } : undefined;
  const job = named ?? (s.at !== undefined ? jobRunningAt(ev, s.at) : undefined);
  const failedAfter = source.server ? findFailedAfter(source.lines, index, s.pid) : undefined;
  const tablesIn = ident(MOVED_FROM.exec(failedAfter?.statement ?? '')?.[1]);
  return {
    change: { ...s, value: s.value },
    source: { pod: source.pod, container: source.container, server: source.server },
    ...(job !== undefined ? { job } : {}),
    ...(failedAfter !== undefined ? { failedAfter } : {}),
    ...(tablesIn !== undefined ? { tablesIn } : {}),
    ...app,
  };
}

interface Seen {
  pods: string[];
  podObjects: readonly PodEvidence[];
  container: string;
  /** The database's words: `relation "orders" does not exist`. */
  quote: string;
  /** The table, as the error names it. */
  table: string;
  onset?: IsoTime;
  evidence: string[];
}

/** The finding: the search_path change is the cause, the missing table its consequence, a reset the fix. */
export function readRoleSearchPath(ev: TriageEvidence, seen: Seen): Finding | undefined {
  const f = findRoleSearchPath(ev, { pods: seen.podObjects, table: seen.table, ...(seen.onset !== undefined ? { onset: seen.onset } : {}) });
  if (f === undefined) return undefined;
  const c = f.change;
  const whose = c.scope === 'database' ? `database ${c.name}` : `role ${c.name}${c.inDatabase ? ` in database ${c.inDatabase}` : ''}`;
  const target = c.scope === 'database' ? `DATABASE ${c.name}` : `ROLE ${c.name}${c.inDatabase ? ` IN DATABASE ${c.inDatabase}` : ''}`;
  const reset = `ALTER ${target} RESET search_path`;
  const widen = f.tablesIn !== undefined && !c.value.split(',').some((p) => ident(p.trim()) === f.tablesIn) ? `ALTER ${target} SET search_path = ${c.value}, ${f.tablesIn}` : undefined;
  const ago = c.at !== undefined ? ` ${formatAgo(c.at, ev.collectedAt)}` : '';
  const job = f.job;
  const jobFailed = job?.state === 'failed';
  const who = job !== undefined ? `${MIGRATION.test(job.name) ? 'migration ' : ''}Job ${job.name}` : c.user !== undefined ? `a session as ${c.user}` : 'a session';
  const then = f.failedAfter !== undefined ? `, then its next statement failed (${f.failedAfter.error.slice(0, 80)})` : jobFailed ? ', then the Job failed' : '';
  const share = formatPodShare(ev, seen.pods.length);
  const moved = f.failedAfter?.statement !== undefined ? ` The same session's next statement, "${f.failedAfter.statement.slice(0, 160)}", failed ("${f.failedAfter.error.slice(0, 160)}"), so the tables were not moved${f.tablesIn !== undefined ? ` and are still in ${f.tablesIn}` : ''}.` : jobFailed ? ` The Job then failed${job?.finishedAt ? ` ${formatAgo(job.finishedAt, ev.collectedAt)}` : ''}, so what it was to do with the tables may be undone.` : '';
  const fix = `${reset}${widen !== undefined ? ` (or ${widen})` : ' (or add the schema that holds the tables to it)'}, then fix and re-run ${job !== undefined ? `the migration Job ${job.name}` : 'the migration'}`;
  return {
    id: `schema-migration/role-search-path/${seen.container}`,
    kind: 'schema-migration',
    title: `Queries fail on ${share}: ${seen.quote} — ${who} ran ${c.statement}${ago}${then}: every session opened since as ${whose} looks for ${seen.table} in ${c.value} only`,
    layer: 'container/process',
    severity: severityForPods(ev, seen.pods.length),
    confidence: f.role !== undefined || c.scope === 'database' ? 'high' : 'medium',
    evidence: [
      ...seen.evidence,
      `log ${f.source.pod}/${f.source.container}${job !== undefined && !f.source.server ? ` (Job ${job.name})` : ''}: ${c.line}`,
      ...(f.failedAfter !== undefined ? [`log ${f.source.pod}/${f.source.container}: ${f.failedAfter.line}`] : []),
      ...(job !== undefined && job.finishedAt !== undefined ? [`Job ${job.name}: ${job.state ?? 'ended'} at ${job.finishedAt}`] : []),
    ],
    decisive: seen.quote,
    ...(c.at !== undefined || job !== undefined ? { datesChange: true as const } : {}),
    ...(seen.onset !== undefined ? { onset: seen.onset } : {}),
    outsideWorkload: `the search_path is the database's setting for ${whose}: every new connection, of any revision, gets it`,
    likelyCause:
      `${who.charAt(0).toUpperCase()}${who.slice(1)} set the search_path of ${whose} to ${c.value}${ago}, and a search_path set on a role or a database applies only to sessions opened after it: ` +
      `connections the pool opened before keep the old search_path and still find ${seen.table}, every connection opened since looks for it in ${c.value} only and fails with ${seen.quote} (42P01) — a share of failing queries that grows as the pool replaces its connections ("${c.statement}").${moved} ` +
      'The app\'s code and revision did not change; restarting the pods or rolling out another revision only opens more new connections.',
    nextAction: `Run \`${reset}\`${widen !== undefined ? ` (or \`${widen}\`, where the tables still are)` : ' (or add the schema that holds the tables to it)'} now: connections opened from then on find the tables; then recycle the pool (restart the pods) to drop those opened since the change. Then fix ${job !== undefined ? `the migration Job ${job.name}` : 'the migration'} and re-run it so the tables are moved before the search_path changes.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${seen.pods[0] ?? ''} -c ${seen.container} --tail=100`),
      ...(f.source.server ? [formatKubectl(ev.target, `exec ${f.source.pod} -c ${f.source.container} -- psql -U postgres -c '\\drds'`)] : []),
    ],
    affected: { pods: seen.pods, nodes: listNodesOf(seen.podObjects) },
  };
}
