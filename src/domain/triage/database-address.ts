/**
 * The database an env var points at: a URL (postgres://u@host:5432/db, jdbc:mysql://host/db,
 * mongodb://a,b,c/db), Go's MySQL DSN (u@tcp(host:3306)/db), or a host variable (PGHOST, DB_HOST)
 * with its database variable (PGDATABASE, DB_NAME). Two workloads whose addresses agree on host and
 * database write the same tables, whatever user each connects as.
 */
import { findInClusterService } from './down-service.js';

export interface DatabaseAddress {
  /** The env var that holds it. */
  env: string;
  /** The host as written (the first of a seed list). */
  host: string;
  /** The host made comparable: an in-cluster Service as name.namespace, else lower-cased. */
  key: string;
  database?: string;
}

const DB_URL = /^(?:jdbc:)?(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|sqlserver|cockroachdb|redshift)(?:\+\w+)?:\/\/(?:[^@/]*@)?(?<host>[^:/?#,;]+)[^/?#]*(?:\/(?<db>[^?#;/]+))?/i;
const GO_MYSQL_DSN = /^(?:[^@\s]*@)?tcp\((?<host>[^:()\s]+)(?::\d+)?\)\/(?<db>[^?\s]+)?/i;
const HOST_ENV = /^(?:PG|DB|DATABASE|POSTGRES\w*|MYSQL\w*|MONGO\w*|SQL\w*)_?HOST(?:NAME)?$/i;
const NAME_ENV = /^(?:PG|DB|DATABASE|POSTGRES\w*|MYSQL\w*|MONGO\w*|SQL\w*)_?(?:NAME|DATABASE|DB)$/i;

function keyOf(host: string, namespace: string): string {
  const svc = findInClusterService(host.toLowerCase(), namespace);
  return svc ? `${svc.name}.${svc.namespace}` : host.toLowerCase();
}

/** Every database address the env values name. */
export function readDatabaseAddresses(env: readonly { name: string; value: string }[], namespace: string): DatabaseAddress[] {
  const out: DatabaseAddress[] = [];
  for (const e of env) {
    const m = DB_URL.exec(e.value.trim()) ?? GO_MYSQL_DSN.exec(e.value.trim());
    const host = m?.groups?.['host'];
    if (m && host) {
      const db = m.groups?.['db'];
      out.push({ env: e.name, host, key: keyOf(host, namespace), ...(db ? { database: decodeURIComponent(db) } : {}) });
    }
  }
  const hostVar = env.find((e) => HOST_ENV.test(e.name) && /^[a-z0-9.-]+$/i.test(e.value));
  if (hostVar) {
    const db = env.find((e) => NAME_ENV.test(e.name))?.value;
    out.push({ env: hostVar.name, host: hostVar.value, key: keyOf(hostVar.value, namespace), ...(db ? { database: db } : {}) });
  }
  return out;
}

/** The first address of `mine` that `theirs` shares: same host, and the same database when both name one. */
export function findSharedDatabase(mine: readonly DatabaseAddress[], theirs: readonly DatabaseAddress[]): { mine: DatabaseAddress; theirs: DatabaseAddress } | undefined {
  for (const a of mine) {
    const b = theirs.find((t) => t.key === a.key && (t.database === undefined || a.database === undefined || t.database === a.database));
    if (b) return { mine: a, theirs: b };
  }
  return undefined;
}

/**
 * A tie of another Deployment to the workload (tied-rollout.ts) through a database both envs name:
 * "both write to database payments on payments-db (DATABASE_URL)", as strong as a log naming it.
 */
export function tieBySharedDatabase(namespace: string, verb: string): (mine: readonly { name: string; value: string }[], theirs: readonly { name: string; value: string }[]) => { by: string; weight: number } | undefined {
  return (mine, theirs) => {
    const shared = findSharedDatabase(readDatabaseAddresses(mine, namespace), readDatabaseAddresses(theirs, namespace));
    if (shared === undefined) return undefined;
    const db = shared.mine.database ?? shared.theirs.database;
    return { by: `both ${verb} ${db ? `database ${db} on ` : ''}${shared.mine.host.split('.')[0] ?? shared.mine.host} (${shared.theirs.env})`, weight: 3 };
  };
}
