/**
 * Postgres refusing a login for its role's own CONNECTION LIMIT ("too many connections for role
 * "x"", pg_roles.rolconnlimit), not for the server's max_connections ("too many clients
 * already"): the server has room, only that role's budget is spent. The budget is set where the
 * role is made (CREATE/ALTER ROLE … CONNECTION LIMIT n, often an init script a ConfigMap mounts
 * into the server's pod); the clients' replicas × pool size is what it is measured against.
 * Pure: reads lines, env and the settings read.
 */
import type { IsoTime, LogEvidence, PodEvidence, TriageEvidence, TriageTarget } from './evidence.js';
import type { ConfigFileSetting } from './server-config-file.js';
import { listMountedConfigMaps } from './server-config-file.js';
import { findDatabaseService } from './idle-transaction-timeout.js';
import type { Finding } from './finding.js';
import { formatAgo } from './time-span.js';
import { readLineTime } from './request-silence.js';
import { type EnvTie, pickTiedRollout } from './tied-rollout.js';
import { tieBySharedDatabase } from './database-address.js';
import { TRIGGER_WINDOW_MS } from './trigger-window.js';

/** The server's words, as every driver quotes them. */
export const ROLE_LIMIT_LINE = /too many connections for role \\?"([^"\\]+)\\?"/i;

/** Refused logins before the database is read: one is not an incident. */
const MIN_LINES = 3;

/** How a role's budget is named among the settings read: "CONNECTION LIMIT of role rpt_reader". */
function settingOf(role: string): string {
  return `CONNECTION LIMIT of role ${role}`;
}

/** The roles the workload's own logs say are at their limit, most refused first. */
function findLimitedRoles(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): string[] {
  const counts = new Map<string, number>();
  for (const l of logs.filter((x) => pods.some((p) => p.name === x.pod))) {
    for (const line of l.lines) {
      const role = ROLE_LIMIT_LINE.exec(line)?.[1];
      if (role !== undefined) counts.set(role, (counts.get(role) ?? 0) + 1);
    }
  }
  return [...counts].filter(([, n]) => n >= MIN_LINES).sort((a, b) => b[1] - a[1]).map(([r]) => r);
}

/** The Postgres Service of the namespace whose role refuses the workload's logins: the collector reads one of its pods. */
export function pickRoleLimitDatabase(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: TriageTarget }): string | undefined {
  return findLimitedRoles(ev.logs, ev.pods).length > 0 ? findDatabaseService(ev.pods, ev.target)?.service : undefined;
}

/** The ConfigMaps its pod mounts (an init script that makes the roles), for the refused role's limit: at most two. */
export function listRoleLimitConfigReads(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: TriageTarget }, read: readonly { service: string; namespace?: string; pod: PodEvidence }[]): { service: string; configMaps: string[]; settings: string[] }[] {
  const roles = findLimitedRoles(ev.logs, ev.pods);
  const service = roles.length > 0 ? findDatabaseService(ev.pods, ev.target)?.service : undefined;
  const own = read.find((d) => d.service === service && d.namespace === undefined);
  const configMaps = own ? listMountedConfigMaps(own.pod) : [];
  return own && configMaps.length > 0 ? [{ service: own.service, configMaps, settings: roles.map(settingOf) }] : [];
}

/** `CREATE ROLE x … CONNECTION LIMIT 40;` or `ALTER ROLE x CONNECTION LIMIT 40` in a SQL file, for the roles asked for (the last one wins). */
export function findRoleConnectionLimits(key: string, text: string, settings: readonly string[]): ConfigFileSetting[] {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/\b(?:CREATE|ALTER)\s+(?:ROLE|USER)\s+"?([\w$]+)"?([^;]*?)\bCONNECTION\s+LIMIT\s+(-?\d+)/gi)) {
    const setting = settingOf(m[1] ?? '');
    if (settings.includes(setting)) found.set(setting, m[3] ?? '');
  }
  return [...found].map(([setting, value]) => ({ key, setting, value }));
}

/** The pool size a client container sets in its env (Hikari's maximumPoolSize, a DB_MAX_CONNS, a POOL_SIZE). */
function findPoolSize(pod: PodEvidence | undefined): number | undefined {
  for (const c of pod?.containers ?? []) {
    for (const e of c.env ?? []) {
      if ('value' in e && typeof e.value === 'string' && /MAXIMUMPOOLSIZE|POOL_?SIZE|MAX_?CONN(S|ECTIONS)?$/i.test(e.name) && /^\d+$/.test(e.value)) return Number(e.value);
    }
  }
  return undefined;
}

/** "its CONNECTION LIMIT is 40 (ConfigMap finance-pg-initdb, 01-roles.sql); 8 replicas × pool 8 = 64 connections", as far as the evidence goes. */
export function describeRoleLimit(ev: TriageEvidence, log: LogEvidence, line: string): string | undefined {
  const role = ROLE_LIMIT_LINE.exec(line)?.[1];
  if (role === undefined) return undefined;
  const set = (ev.dependencyPods ?? []).flatMap((d) => d.config ?? []).find((c) => c.setting === settingOf(role));
  const pool = findPoolSize(ev.pods.find((p) => p.name === log.pod));
  const replicas = ev.workload?.replicas;
  const demand = pool !== undefined && replicas !== undefined ? `${replicas} replicas × pool ${pool} = ${replicas * pool} connections` : undefined;
  const limit = set ? `its CONNECTION LIMIT is ${set.value} (ConfigMap ${set.configMap}, ${set.key})` : undefined;
  const parts = [limit, demand].filter((x) => x !== undefined);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** The first refused login the workload's logs date, else now. */
function findFirstRefusal(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): IsoTime | undefined {
  const times = ev.logs.filter((l) => ev.pods.some((p) => p.name === l.pod)).flatMap((l) => l.lines.filter((x) => ROLE_LIMIT_LINE.test(x)).flatMap((x) => readLineTime(x) ?? []));
  return times.sort()[0];
}

/** A role at its limit while the workload is unchanged: which other Deployment logging in as it rolled out just before. */
export function needsRoleSharerRollouts(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): { since: IsoTime } | undefined {
  if (findLimitedRoles(seen.logs, seen.pods).length === 0) return undefined;
  const onset = findFirstRefusal(seen) ?? seen.collectedAt;
  return { since: new Date(Date.parse(onset) - TRIGGER_WINDOW_MS).toISOString() };
}

/** Their env logs in as the role: PGUSER=role, a URL's user, `user=role`. */
const logsInAs = (role: string): EnvTie => (_mine, theirs) => {
  const r = role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^${r}$|//${r}[:@]|\\buser=${r}\\b`);
  const hit = theirs.find((e) => re.test(e.value));
  return hit ? { by: `its ${hit.name} logs in as ${role}`, weight: 3 } : undefined;
};

/**
 * Another Deployment that takes the same role's budget and rolled out just before the refusals (a
 * new worker on the same database settings): its pools filled the role's CONNECTION LIMIT, so it
 * is the change, and the workload, unchanged, needs no rollback.
 */
export function withRoleSharer(ev: TriageEvidence, f: Finding, logs: readonly LogEvidence[]): Finding {
  const role = findLimitedRoles(logs, ev.pods)[0];
  const onset = findFirstRefusal({ logs, pods: ev.pods });
  if (role === undefined || onset === undefined) return f;
  const shared = tieBySharedDatabase(ev.target.namespace, 'log in to');
  const strongEnv: EnvTie = (mine, theirs) => logsInAs(role)(mine, theirs) ?? shared(mine, theirs);
  const sharer = pickTiedRollout(ev, { onset, pods: f.affected?.pods ?? [], lines: [], strongEnv, sharedEnvFrom: true, bearing: /pool|conn|replica/i, tiedOnly: true });
  if (sharer === undefined) return f;
  const change = sharer.previous ? `its revision ${sharer.newest.revision}` : 'a new Deployment';
  const when = formatAgo(sharer.newest.createdAt, ev.collectedAt);
  return {
    ...f,
    title: `${f.title}, since ${sharer.deployment} (${change}, ${when}) began logging in as ${role}: ${sharer.by ?? 'the same database'}`,
    evidence: [...f.evidence, `${sharer.deployment}: ${sharer.by ?? 'rolled out before the refusals'}; revision ${sharer.newest.revision}, ${when}`],
    outsideWorkload: `${sharer.deployment} took the connections of role ${role} that ${ev.target.name} shares with it`,
    datesChange: true,
    likelyCause: `${f.likelyCause} ${ev.target.name} did not change: ${sharer.deployment} (${change}, ${when}) logs in as the same role, and its replicas' pools now hold the slots the role's limit allows.`,
    nextAction: `Give ${sharer.deployment} a role of its own (or shrink its pool or replicas), or raise role ${role}'s CONNECTION LIMIT if the database can afford it; ${ev.target.name} needs no rollback.`,
    fix: `give ${sharer.deployment} its own role or a smaller pool, or raise role ${role}'s CONNECTION LIMIT`,
  };
}
