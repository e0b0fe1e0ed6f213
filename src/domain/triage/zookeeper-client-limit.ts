/**
 * ZooKeeper refusing a client IP past its per-IP connection limit (maxClientCnxns, the image's
 * ZOO_MAX_CLIENT_CNXNS; 60 by default). The server drops each new connection from that address as
 * it is accepted and logs "Too many connections from /<IP> - max is N"; the client sees only its
 * socket closed before any session was made ("Unable to read additional data from server sessionid
 * 0x0, likely server has closed socket") and retries. One pod reaching that many connections holds
 * clients it never closes — a client built per request or per task, a leak — so the fault is in the
 * client's code, and the revision that began it is the trigger; raising the limit only delays it.
 * Pure: line patterns and the words of the finding.
 */
import type { ContainerEvidence } from './evidence-pod.js';
import type { PodEvidence } from './evidence.js';
import type { ServerExplanation } from './server-explanation.js';

/** The client's socket closed by the server before a session existed (session id 0x0): a refusal at connect. */
export const CLOSED_AT_CONNECT = /Unable to read additional data from server sessionid 0x0,? likely server has closed socket/i;

/** ZooKeeper's own line for a connection it refuses over maxClientCnxns. */
const TOO_MANY_FROM = /Too many connections from \/?(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]+) - max is (\d+)/i;

/** The pod of these clients that holds the refused address, when one does. */
function podAt(ip: string, clients: readonly Pick<PodEvidence, 'name' | 'podIPs'>[]): string | undefined {
  return clients.find((p) => (p.podIPs ?? []).includes(ip))?.name;
}

export const TOO_MANY_CONNECTIONS_FROM: ServerExplanation = {
  pattern: TOO_MANY_FROM,
  describe: (m, clients = []) => {
    const ip = m[1] ?? '?';
    const pod = podAt(ip, clients);
    return {
      said: `its own log says "Too many connections from /${ip} - max is ${m[2] ?? '?'}"${pod ? ` (pod ${pod} of this workload)` : ''}`,
    };
  },
};

export const CLIENT_LIMIT_REFUSES = 'new connections of these pods at its per-client-IP limit (maxClientCnxns): the pods open ZooKeeper connections they never close, a leak';

export const CLIENT_LIMIT_SETTINGS = ['maxClientCnxns', 'ZOO_MAX_CLIENT_CNXNS'] as const;

export const CLIENT_LIMIT_WHY =
  'ZooKeeper caps the connections one client IP may hold (maxClientCnxns, ZOO_MAX_CLIENT_CNXNS; 60 by default) and closes every further connection from that address as it is accepted, before any session exists — the client only reports "sessionid 0x0, likely server has closed socket" and ConnectionLoss.';

export const CLIENT_LIMIT_CLIENT_SIDE =
  'One pod never needs that many: its code opens ZooKeeper clients (a Curator or ZooKeeper client built per request or per task) and never closes them, so the sessions pile up until the limit — a connection leak in the client, since the revision that began it. The ensemble is healthy and other clients still connect.';

export const CLIENT_LIMIT_FIX =
  'keep one shared ZooKeeper/Curator client per process (built once, closed when the process stops) instead of one per call; raising maxClientCnxns only delays the refusals';

/** The ZooKeeper connect string a client takes from its env (ZK_CONNECT, ZOOKEEPER_CONNECT, *_ZK_HOSTS): its first host. */
export function findZooKeeperAddress(c: Pick<ContainerEvidence, 'env'>): { env: string; host: string } | undefined {
  for (const e of c.env ?? []) {
    if (!('value' in e) || !/(^|_)(ZOOKEEPER|ZK)(_|$)/i.test(e.name)) continue;
    const first = e.value.trim().replace(/^zk:\/\//i, '').split(',')[0]?.trim().replace(/\/.*$/, '').replace(/:\d+$/, '');
    if (first && /^[a-z0-9.-]+$/i.test(first)) return { env: e.name, host: first };
  }
  return undefined;
}
