/**
 * A run the database refuses for want of ownership or a privilege — PostgreSQL's "must be owner of
 * table X" or "permission denied for table X" (SQLSTATE 42501, insufficient_privilege), MySQL's
 * "ALTER command denied to user 'u'@'h'" (1142) — is decided by the user it connects as, not by the
 * code: the same migration passes as the objects' owner and fails as a least-privilege role. So the
 * SRE reads which user the run connects as and where that comes from: a literal env var, or a key
 * of a ConfigMap the container takes (configMapKeyRef, envFrom; read as setting-config 'db-user'),
 * and when that ConfigMap last changed. A user kept in a Secret is named by its Secret, never read.
 */
import type { ConfigMapSource } from './config-map-sources.js';
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import type { NamespaceObjectEvidence } from './evidence-context.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';
import { MYSQL_COMMAND_DENIED } from './db-authorization.js';
import { findPrivilegeRefusal } from './pg-privilege.js';
import { HOUR_MS, formatAgo, msBetween } from './time-span.js';

/** The keys and env vars that name a database user or role: DB_USER, PGUSER, FLYWAY_USER, SPRING_DATASOURCE_USERNAME, LIQUIBASE_COMMAND_USERNAME. */
export const DB_USER_KEY = /(?:^|_)(?:DB|DATABASE|PG|POSTGRES(?:QL)?|MYSQL|MARIADB|SQL|FLYWAY|LIQUIBASE(?:_COMMAND)?|DATASOURCE)_?(?:USER(?:NAME)?|ROLE)$/i;

/** PostgreSQL's ownership refusal: only the owner (or a member of its role) may ALTER, DROP or index an object. */
const OWNER_REQUIRED = /must be owner of (table|relation|view|materialized view|sequence|schema|function|database|type|index|extension) "?([\w$.]+)"?/i;
/** SQLSTATE 42501 as the tools print it apart from the message: Flyway's "SQL State  : 42501", JDBC's "SQLState: 42501". */
const STATE_42501 = /\b42501\b/;

export interface DbPrivilegeRefusal {
  engine: 'PostgreSQL' | 'MySQL';
  /** What the database said, without its prefixes: `must be owner of table t`, `ALTER command denied to user 'u'@'h' for table 't'`. */
  said: string;
  /** `owner`: only the object's owner may do it; `grant`: a privilege the user was not granted. */
  needs: 'owner' | 'grant';
  object: string;
  /** The SQLSTATE, when the log prints it (42501 for PostgreSQL). */
  state?: string;
  /** The user the database names in its refusal (MySQL does). */
  user?: string;
}

/** The last ownership or privilege refusal in the lines. */
export function readDbPrivilegeRefusal(lines: readonly string[]): DbPrivilegeRefusal | undefined {
  const state = lines.some((l) => STATE_42501.test(l)) ? '42501' : undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    const owner = OWNER_REQUIRED.exec(line);
    if (owner !== null) return { engine: 'PostgreSQL', said: owner[0], needs: 'owner', object: `${owner[1] ?? ''} ${owner[2] ?? ''}`, ...(state ? { state } : {}) };
    const mysql = MYSQL_COMMAND_DENIED.exec(line);
    if (mysql !== null) return { engine: 'MySQL', said: mysql[0], needs: 'grant', object: `table ${mysql[3] ?? ''}`, user: mysql[2] ?? '' };
  }
  const denied = findPrivilegeRefusal(lines);
  return denied === undefined ? undefined : { engine: 'PostgreSQL', said: `permission denied for ${denied.object} ${denied.name}`, needs: 'grant', object: `${denied.object} ${denied.name}`, ...(state ? { state } : {}) };
}

/** The ConfigMaps that may set the user: one key taken by a user-naming env var first, then those taken whole (envFrom); at most `max`. */
export function listDbUserSources(c: ContainerSpecEvidence | undefined, max: number): ConfigMapSource[] {
  const keyed = (c?.env ?? []).flatMap((e) => ('ref' in e && e.ref.kind === 'configMap' && e.ref.name !== undefined && DB_USER_KEY.test(e.name) ? [{ configMap: e.ref.name, via: e.name, ...(e.ref.key ? { key: e.ref.key } : {}) }] : []));
  const whole = (c?.envFrom ?? []).filter((e) => e.kind === 'configMap').map((e) => ({ configMap: e.name, via: 'envFrom' }));
  return [...keyed, ...whole].slice(0, max);
}

/** The first pod and container whose log shows the database refusing it ownership or a privilege: whose user settings to read. */
export function findDbPrivilegeRefusal(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): { pod: string; container: string } | undefined {
  const log = logs.find((l) => pods.some((p) => p.name === l.pod) && readDbPrivilegeRefusal(l.lines.slice(-80)) !== undefined);
  return log === undefined ? undefined : { pod: log.pod, container: log.container };
}

export interface DbRunUser {
  /** The user, when its value was read (a literal, a ConfigMap's key, the refusal itself). */
  user?: string;
  /** Where it comes from: `FLYWAY_USER: DB_USER from ConfigMap c`, `env PGUSER`, `in DB_USER from Secret s (key k), not read`. */
  from: string;
  configMap?: string;
  /** When that ConfigMap was last changed, when it was changed after its creation. */
  changedAt?: IsoTime;
}

/** The user the container connects as and where it is set: its env first (what it names overrides envFrom), then the ConfigMaps it takes whole. */
export function findDbRunUser(container: ContainerSpecEvidence | undefined, config: readonly SettingConfigEvidence[], objects: readonly NamespaceObjectEvidence[], refusal?: DbPrivilegeRefusal): DbRunUser | undefined {
  const kept = config.filter((c) => c.mechanism === 'db-user');
  const valueOf = (written: string) => written.slice(written.indexOf('=') + 1);
  const changedOf = (name: string) => {
    const o = objects.find((x) => x.kind === 'ConfigMap' && x.name === name);
    return o?.changedAt !== undefined && o.changedAt !== o.createdAt ? o.changedAt : undefined;
  };
  const fromConfigMap = (name: string, user: string, label: string): DbRunUser => {
    const changedAt = changedOf(name);
    return { user, from: `${label} from ConfigMap ${name}`, configMap: name, ...(changedAt ? { changedAt } : {}) };
  };
  for (const e of container?.env ?? []) {
    if (!DB_USER_KEY.test(e.name)) continue;
    if ('value' in e) return { user: e.value, from: `env ${e.name}` };
    if (e.ref.kind === 'secret') return { ...(refusal?.user ? { user: refusal.user } : {}), from: `in ${e.name} from Secret ${e.ref.name ?? '?'}${e.ref.key ? ` (key ${e.ref.key})` : ''}, not read` };
    if (e.ref.kind !== 'configMap' || e.ref.name === undefined) continue;
    const read = kept.find((c) => c.configMap === e.ref.name && c.via === e.name);
    if (read !== undefined) return fromConfigMap(read.configMap, valueOf(read.written), e.ref.key && e.ref.key !== e.name ? `${e.name}: ${e.ref.key}` : e.name);
  }
  const whole = kept.filter((c) => c.via === 'envFrom');
  const [only] = whole;
  if (only !== undefined && whole.every((c) => valueOf(c.written) === valueOf(only.written))) return fromConfigMap(only.configMap, valueOf(only.written), whole.map((c) => c.key).join(', '));
  return refusal?.user ? { user: refusal.user, from: `named in ${refusal.engine}'s refusal` } : undefined;
}

/** A change of the user's ConfigMap older than this before the run is no lead of its own. */
const MAX_LEAD_MS = 7 * 24 * HOUR_MS;

/**
 * "runs as app (DB_USER from ConfigMap c, changed 3h ago)": the ConfigMap's change is dated — the
 * trigger, however long before — only when it came before the run began, within a week, and after
 * the last run that succeeded (`lastGood`), which it would have failed too.
 */
export function describeDbRunUser(u: DbRunUser, began: IsoTime | undefined, now: IsoTime, lastGood?: IsoTime): { text: string; dated: boolean } {
  const at = u.changedAt;
  const lead = at === undefined ? undefined : msBetween(at, began ?? now);
  const dated = at !== undefined && lead !== undefined && lead >= 0 && lead <= MAX_LEAD_MS && (lastGood === undefined || msBetween(lastGood, at) > 0);
  const when = dated && u.changedAt ? `, changed ${formatAgo(u.changedAt, now)}` : '';
  return { text: u.user !== undefined ? `runs as ${u.user} (${u.from}${when})` : `connects as the user ${u.from}${when}`, dated };
}
