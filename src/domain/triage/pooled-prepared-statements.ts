/**
 * Server-side prepared statements through a transaction-mode pooler. A client that names its
 * statements on the server (pgjdbc after prepareThreshold executions, "S_1", "S_2"…; pgx's
 * statement cache; node-postgres's named queries; Rails; psycopg 3) expects them to live on its
 * connection. Behind PgBouncer in transaction (or statement) pooling, each transaction may run on
 * another server connection: a statement prepared on one is missing on the next ("prepared
 * statement "S_3" does not exist", 26000) and a name reused lands where it exists already
 * ("… already exists", 42P05). Session pooling never gives these errors; PgBouncer 1.21+ tracks
 * prepared statements itself once max_prepared_statements is set. The pooler is named from the
 * pods' env (the database URL's host or PgBouncer's port 6432), never guessed; its pool mode is
 * quoted only from what was read (its pod's env, its config), else inferred and said to be.
 */
import type { ContainerSpecEvidence, IsoTime, ServiceEvidence, TriageEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';
import { listEnvAddresses } from './env-dependency.js';

// A structured (JSON) log escapes the quotes around the name: `prepared statement \"stmtcache_…\" does not exist`.
const ALREADY = /prepared statement \\?"([^"\\]+)\\?" already exists/i;
const MISSING = /prepared statement \\?"([^"\\]+)\\?" does not exist/i;

export interface PreparedStatementErrors {
  count: number;
  /** The database's words, one per kind seen ("ERROR: prepared statement "S_1" already exists"). */
  already?: string;
  missing?: string;
  since?: IsoTime;
  /** The client library, when its lines say which: it decides how to turn named statements off. */
  client?: PreparedStatementClient;
}

export type PreparedStatementClient = 'pgjdbc' | 'pgx' | 'node-postgres' | 'Rails' | 'psycopg';

function quoteOf(line: string, re: RegExp): string {
  const m = re.exec(line);
  return m === null ? '' : `${/ERROR:\s*$/.test(line.slice(0, m.index)) ? 'ERROR: ' : ''}${m[0].replace(/\\"/g, '"')}`;
}

function readClient(lines: readonly string[]): PreparedStatementClient | undefined {
  const text = lines.join('\n');
  if (/org\.postgresql\.|PSQLException|prepared statement "S_\d+"/.test(text)) return 'pgjdbc';
  if (/PG::(DuplicatePstatement|InvalidSqlStatementName)|ActiveRecord::/.test(text)) return 'Rails';
  if (/stmtcache_|jackc\/pgx|pgconn\b/.test(text)) return 'pgx';
  if (/psycopg|_pg3_\d+/.test(text)) return 'psycopg';
  if (/node_modules\/pg(-protocol)?\/|pg-protocol/.test(text)) return 'node-postgres';
  return undefined;
}

/** The prepared-statement errors of one log, or undefined when it has none. */
export function readPreparedStatementErrors(lines: readonly string[]): PreparedStatementErrors | undefined {
  const hits = lines.filter((l) => ALREADY.test(l) || MISSING.test(l));
  if (hits.length === 0) return undefined;
  const already = hits.find((l) => ALREADY.test(l));
  const missing = hits.find((l) => MISSING.test(l));
  const since = hits.map((l) => readLineTime(l)).find((t) => t !== undefined);
  const client = readClient(lines);
  // A Java error appears as the logger's line and again as the exception: count messages, not echoes.
  const count = hits.filter((l) => !/^\S*Exception: /.test(l.trim())).length || hits.length;
  return {
    count,
    ...(already ? { already: quoteOf(already, ALREADY) } : {}),
    ...(missing ? { missing: quoteOf(missing, MISSING) } : {}),
    ...(since ? { since } : {}),
    ...(client ? { client } : {}),
  };
}

/** Where the pods' database URL leads, when it leads to a pooler. */
export interface PoolerRoute {
  env: string;
  host: string;
  port?: number;
  /** "PgBouncer", "PgCat"… or "a connection pooler" when only the port says so. */
  product: string;
}

/** libpq's key/value form, which listEnvAddresses does not read: "host=pgbouncer port=6432 dbname=orders". */
function listDsnAddresses(c: ContainerSpecEvidence): { env: string; host: string; port?: string }[] {
  return (c.env ?? []).flatMap((e) => {
    const host = 'value' in e ? /\bhost=([a-z0-9][a-z0-9.-]*)/i.exec(e.value)?.[1] : undefined;
    const port = 'value' in e ? /\bport=(\d+)/i.exec(e.value)?.[1] : undefined;
    return host === undefined ? [] : [{ env: e.name, host, ...(port ? { port } : {}) }];
  });
}

const PRODUCTS: [RegExp, string][] = [[/pgbouncer/, 'PgBouncer'], [/pgcat/, 'PgCat'], [/odyssey/, 'Odyssey'], [/supavisor|pooler\.supabase/, 'Supavisor']];

function productOf(host: string, port: number | undefined, services: readonly ServiceEvidence[]): string | undefined {
  // A Service of the namespace the short host names says what it is by its name or its ports.
  const svc = services.find((s) => s.name === host.split('.')[0]);
  const words = [host, svc?.name ?? '', ...(svc?.ports ?? []).map((p) => p.name ?? '')].join(' ');
  const named = PRODUCTS.find(([re]) => re.test(words))?.[1];
  if (named !== undefined) return named;
  // 6432 is PgBouncer's default port, and where poolers listen beside Postgres's 5432.
  if (port === 6432 || (svc?.ports ?? []).some((p) => p.port === 6432) || /(^|[-.])pooler([-.]|$)/.test(host)) return 'a connection pooler';
  return undefined;
}

export function findPoolerRoute(containers: readonly ContainerSpecEvidence[], services: readonly ServiceEvidence[]): PoolerRoute | undefined {
  for (const c of containers) {
    for (const a of [...listEnvAddresses(c), ...listDsnAddresses(c)]) {
      const host = a.host.toLowerCase();
      const port = a.port === undefined ? undefined : Number(a.port);
      const product = productOf(host, port, services);
      if (product !== undefined) return { env: a.env, host, ...(port !== undefined ? { port } : {}), product };
    }
  }
  return undefined;
}

/** The pooler's pool mode as something read says it ("pool_mode = transaction"), with where it was read. */
export function readPoolMode(ev: TriageEvidence, route: PoolerRoute): { mode: string; where: string } | undefined {
  const service = route.host.split('.')[0] ?? '';
  const fromConfig = (ev.dependencyPods ?? []).filter((d) => d.service === service).flatMap((d) => d.config ?? []).find((c) => c.setting === 'pool_mode');
  if (fromConfig !== undefined) return { mode: fromConfig.value, where: `${fromConfig.configMap} (${fromConfig.key})` };
  const pods = [...(ev.calledServices ?? []), ...(ev.downServices ?? [])].filter((s) => s.service === service).flatMap((s) => s.pods)
    .concat((ev.dependencyPods ?? []).filter((d) => d.service === service).map((d) => d.pod));
  for (const p of pods) {
    for (const c of p.containers) {
      const env = (c.env ?? []).find((e) => /(^|_)POOL_MODE$/i.test(e.name) && 'value' in e);
      if (env !== undefined && 'value' in env) return { mode: env.value.trim().toLowerCase(), where: `pod ${p.name} env ${env.name}` };
    }
  }
  return undefined;
}

/** How this client stops naming statements on the server. */
export function describeClientFix(client: PreparedStatementClient | undefined): string {
  switch (client) {
    case 'pgjdbc': return 'add prepareThreshold=0 to the JDBC URL';
    case 'pgx': return 'set default_query_exec_mode=exec (or simple_protocol) in the pgx connection string';
    case 'Rails': return 'set prepared_statements: false in database.yml';
    case 'psycopg': return 'set prepare_threshold=None on the psycopg connection';
    case 'node-postgres': return 'stop giving queries a name in node-postgres (unnamed statements are safe)';
    default: return 'turn off server-side (named) prepared statements in the database client';
  }
}
