/**
 * Redis at its maxclients: it accepts the connection, answers "ERR max number of clients reached"
 * and closes it, so every pod that needs one more connection fails while those whose pools are
 * already open keep working. The cap is shared by every client of the server, and each replica of
 * each client holds its own pool, so replicas × pool size (a pool-size bump in a release, a
 * scale-out) is what passes it; Redis itself is healthy. Pure: reads lines, settings and env values.
 */
import type { SettingAt } from './server-settings.js';

export const REDIS_MAX_CLIENTS = /\bERR max(?:imum)? number of clients reached\b/i;

export const MAX_CLIENTS_SETTINGS = ['maxclients'] as const;

/** A client's pool size for Redis by its variable's name: `REDIS_POOL_SIZE`, `REDIS_MAX_CONNECTIONS`. */
export const REDIS_POOL_VARIABLE = /REDIS\w*(?:POOL_?SIZE|MAX_?(?:ACTIVE|TOTAL|CONN\w*))/i;

/** Redis is right to refuse: the clients hold too many connections, so their change is the trigger. */
export const MAX_CLIENTS_CLIENT_SIDE = 'Redis itself is healthy and serves the connections it already holds: its clients hold too many — a release that raised a pool size or opens a connection per request and never closes it (a leak), or more replicas — so the fix is in the clients, or in a higher maxclients if the server can afford the connections.';

/** The server's reply alone, which every refused call's line carries, however the client logs it. */
export function quoteMaxClients(line: string): string {
  return REDIS_MAX_CLIENTS.exec(line)?.[0] ?? line;
}

export const MAX_CLIENTS_REFUSES = 'connections: it is at its maxclients';

export const MAX_CLIENTS_WHY = 'Redis accepts at most maxclients connections (10000 unless set, less when its open-file limit is lower), shared by every client of the server; past it, it answers each new connection with "ERR max number of clients reached" and closes it. Every replica of every client holds its own pool, so replicas × pool size — a release that raised the pool size, or a scale-out — is what passes the cap: pods whose pools are already open keep working, while those that need one more connection (a pod that started last, a pool growing with traffic) fail their calls and readiness checks.';

/** The connections the workload's replicas may open: "4 replicas × REDIS_POOL_SIZE 300 = 1200". */
export interface ClientDemand {
  replicas: number;
  variable: string;
  perPod: number;
}

/** The total of a demand. */
export function totalOf(d: ClientDemand): number {
  return d.replicas * d.perPod;
}

/** "4 replicas × REDIS_POOL_SIZE 300 = 1200 connections". */
export function describeDemand(d: ClientDemand): string {
  return `${d.replicas} replica${d.replicas === 1 ? '' : 's'} × ${d.variable} ${d.perPod} = ${totalOf(d)} connections`;
}

/** maxclients from the settings read, against what these pods alone may open. */
export function readMaxClients(settings: readonly SettingAt[], demand?: ClientDemand): { why: string; fix: string } | undefined {
  const set = settings.find((s) => s.setting.toLowerCase() === 'maxclients');
  const cap = set !== undefined && /^\d+$/.test(set.value.trim()) ? Number(set.value.trim()) : undefined;
  if (set === undefined || cap === undefined) return undefined;
  const over = demand !== undefined && totalOf(demand) >= cap ? `; these pods alone may open ${describeDemand(demand)}, ${totalOf(demand) === cap ? 'all of it' : 'more than it allows'} before any other client's` : '';
  return { why: `maxclients ${cap} (set in ${set.where}) caps the connections of all its clients together${over}.`, fix: '' };
}

/** The fix, with where maxclients lives ("in ConfigMap x (its redis.conf sets 1000)"). */
export function fixMaxClients(where: string): string {
  return `bring every client's replicas × pool size back under maxclients — lower the pool size (or undo the change that raised it) — or raise maxclients ${where} (CONFIG SET maxclients applies it at once; set it in the file too, so it lasts)`;
}

/** The same, naming the client's pool variable and where it is kept, and where maxclients lives. */
export function fixPoolSize(setting: string, where = 'on the server'): string {
  return `lower ${setting} so every client's replicas × pool size stay under Redis's maxclients (or undo the change that raised it), or raise maxclients ${where}`;
}
