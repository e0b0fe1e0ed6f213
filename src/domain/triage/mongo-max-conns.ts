/**
 * MongoDB at its connection limit (--maxConns, net.maxIncomingConnections in mongod.conf): mongod
 * accepts the socket, logs "Connection refused because there are too many open connections" and
 * closes it. The drivers only see their connections closed (MongoNetworkError, a server selection
 * that failed on a closed monitor connection) and their pool checkouts time out, so the client's
 * lines are counted only when mongod's own log says why. Every replica of every client holds its
 * own pool (the connection string's maxPoolSize, 100 by default in most drivers; minPoolSize opens
 * them at start), so replicas × pool size — a scale-out, an HPA at its maximum — is what passes it.
 * Pure: line patterns, settings and the words of the finding.
 */
import type { ContainerEvidence } from './evidence-pod.js';
import type { ClientSetting } from './client-size-setting.js';
import type { ClientDemand } from './redis-max-clients.js';
import { describeDemand, totalOf } from './redis-max-clients.js';
import type { ServerExplanation } from './server-explanation.js';
import type { SettingAt } from './server-settings.js';

/** A MongoDB driver's connection closed under it, or its pool checkout timed out (Node, Java, Python, Go drivers). */
export const MONGO_CONNECTION_LOST =
  /MongoWaitQueueTimeoutError|Timed out while checking out a connection from connection pool|MongoPoolClearedError|MongoNetworkError[^\n]*\bclosed\b|MongoServerSelectionError[^\n]*\bclosed\b|MongoSocket(?:Read|Write)Exception|pymongo\.errors\.AutoReconnect[^\n]*closed/i;

/** mongod's own line, in its JSON log (id 22942) and in the older text log ("connection refused because too many open connections: 819"). */
export const MONGO_TOO_MANY_CONNECTIONS: ServerExplanation = {
  pattern: /[Cc]onnection refused because (?:there are )?too many open connections(?:[^\n]*?"connectionCount":\s*(\d+)|: (\d+))?/,
  describe: (m) => {
    const count = m[1] ?? m[2];
    return { said: `its own log says "Connection refused because there are too many open connections"${count ? ` (at ${count} connections)` : ''}` };
  },
};

export const MONGO_CONNECTIONS_REFUSES = 'connections: it is at its connection limit';

/** The flag and its mongod.conf form (net.maxIncomingConnections). */
export const MONGO_CONNECTIONS_SETTINGS = ['maxConns', 'maxIncomingConnections'] as const;

/** A client's pool size by its variable's name, when it is not in the connection string: `MONGO_POOL_SIZE`, `MONGODB_MAX_POOL_SIZE`. */
export const MONGO_POOL_VARIABLE = /MONGO\w*(?:POOL_?SIZE|MAX_?CONN\w*)/i;

/** The pool size a container's MongoDB connection string sets (maxPoolSize=N), with the variable that holds it. */
export function findMongoPoolSize(c: Pick<ContainerEvidence, 'env'> | undefined): ClientSetting | undefined {
  for (const e of c?.env ?? []) {
    if (!('value' in e) || !/^mongodb(\+srv)?:\/\//i.test(e.value.trim())) continue;
    const m = /[?&]maxPoolSize=(\d+)/i.exec(e.value);
    if (m?.[1] !== undefined) return { variable: 'maxPoolSize', where: `${e.name} (the pod template)`, value: m[1] };
  }
  return undefined;
}

export const MONGO_CONNECTIONS_CLIENT_SIDE =
  'MongoDB itself is healthy and serves the connections it already holds: its clients hold too many — more replicas (a scale-out, an HPA at its maximum) or a bigger pool per replica — so the fix is in the clients, or in a higher limit if the server can afford the connections (each takes about 1 MB of its memory).';

export const MONGO_CONNECTIONS_WHY =
  'mongod accepts at most maxConns connections (--maxConns, net.maxIncomingConnections; otherwise about 80% of its open-file limit), shared by every client of the server; past it, it logs "Connection refused because there are too many open connections" and closes each new connection, so the drivers see only their connections closed and their pool checkouts time out. Every replica of every client opens its own pool (maxPoolSize in the connection string, minPoolSize of them at start), so replicas × pool size is what passes the cap: pods whose pools opened first keep working, while those started last fail their calls and readiness checks.';

/** maxConns from the settings read, against what these pods alone may open. */
export function readMaxConns(settings: readonly SettingAt[], demand?: ClientDemand): { why: string; fix: string } | undefined {
  const set = settings.find((s) => /^(maxConns|maxIncomingConnections)$/i.test(s.setting));
  const cap = set !== undefined && /^\d+$/.test(set.value.trim()) ? Number(set.value.trim()) : undefined;
  if (set === undefined || cap === undefined) return undefined;
  const over = demand !== undefined && totalOf(demand) >= cap ? `; these pods alone may open ${describeDemand(demand)}, ${totalOf(demand) === cap ? 'all of it' : 'more than it allows'} before any other client's` : '';
  return { why: `${set.setting} ${cap} (set in ${set.where}) caps the connections of all its clients together${over}.`, fix: '' };
}

/** The fix, with where the limit lives. */
export function fixMaxConns(where: string): string {
  return `bring every client's replicas × pool size back under maxConns — lower maxPoolSize (and minPoolSize) or cap the replicas (the HPA's maxReplicas) — or raise maxConns ${where} if the server has the memory for them`;
}

/** The same, naming the client's pool setting and where it is kept. */
export function fixMongoPoolSize(setting: string, where = 'on the server'): string {
  return `lower ${setting} (or cap the replicas, the HPA's maxReplicas) so every client's replicas × pool size stays under mongod's maxConns, or raise maxConns ${where}`;
}
