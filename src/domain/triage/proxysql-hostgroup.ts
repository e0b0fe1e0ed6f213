/**
 * A ProxySQL in front of MySQL that has no server it can reach in the hostgroup a query is routed
 * to: it waits connect_timeout_server_max for one, then answers error 9001 "Max connect timeout
 * reached while reaching hostgroup N after Xms". The proxy's pods stay Ready and the queries routed
 * to other hostgroups (reads) still work, so the clients log only their failed writes, a handful
 * of lines that are every write. The proxy's own log says which servers that hostgroup holds and in
 * what state (its "HG status" after the same line, or its monitor shunning a server): most often
 * the old primary, left as the only writer after a failover that static mysql_servers (no
 * mysql_replication_hostgroups) did not follow. Pure: the client's and the proxy's lines only.
 */
import type { ContainerEvidence } from './evidence-pod.js';
import type { ServerExplanation } from './server-explanation.js';
import { findServerAddress } from './server-address.js';

/** The proxy's refusal as its clients quote it (the MySQL error text, after "Error 9001 (HY000):"). */
export const PROXYSQL_HOSTGROUP_TIMEOUT = /Max connect timeout reached while reaching hostgroup (\d+) after (\d+) ?ms/i;

/** " routed to hostgroup N: none of its servers answers within Xms (error 9001)", from a refused line. */
export function scopeHostgroup(line: string): string {
  const m = PROXYSQL_HOSTGROUP_TIMEOUT.exec(line);
  return ` routed to ${m ? `hostgroup ${m[1] ?? '?'}` : 'a hostgroup'}: none of its servers answers within ${m ? `${m[2] ?? '?'}ms` : 'its connect timeout'} (error 9001, "Max connect timeout reached")`;
}

/** The proxy is addressed like the MySQL it fronts: a mysql:// URL, a Go DSN, a *_HOST. */
export function findProxyAddress(c: Pick<ContainerEvidence, 'env'>): { env: string; host: string } | undefined {
  return findServerAddress(c, 'MySQL');
}

interface HostgroupServer {
  host: string;
  port: string;
  status: string;
}

/** The servers of one hostgroup in a "HG status: [{…}]" list; nothing when it does not parse. */
function readHostgroupStatus(json: string, hostgroup: string): HostgroupServer[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((x: unknown) => {
      if (typeof x !== 'object' || x === null) return [];
      const o = x as Record<string, unknown>;
      const host = typeof o['host'] === 'string' ? o['host'] : undefined;
      const hg = o['hostgroup'] === undefined ? hostgroup : String(o['hostgroup']);
      return host === undefined || hg !== hostgroup ? [] : [{ host, port: String(o['port'] ?? ''), status: String(o['status'] ?? '?') }];
    });
  } catch {
    return [];
  }
}

function fixHostgroup(hostgroup: string | undefined, stale: string): string {
  const hg = hostgroup === undefined ? 'the writer hostgroup' : `hostgroup ${hostgroup}`;
  return `point ${hg} at the current primary in place of ${stale} (on the proxy's admin interface: update mysql_servers, LOAD MYSQL SERVERS TO RUNTIME, SAVE MYSQL SERVERS TO DISK; and in the config file it starts from), or declare mysql_replication_hostgroups so ProxySQL moves servers between the writer and reader hostgroups by read_only after a failover`;
}

/**
 * The proxy's own word: the HG status it logs with the same timeout (the servers of the hostgroup
 * and their state: SHUNNED, OFFLINE_SOFT, OFFLINE_HARD), or its monitor shunning a server.
 */
export const PROXYSQL_HOSTGROUP_STATUS: ServerExplanation = {
  pattern: /reaching hostgroup (\d+) after \d+ ?ms\s*\.?\s*HG status: (\[.*\])|Shunning server ([\w.:[\]-]+)|Server ([\w.:[\]-]+) missed \d+ heartbeats, shunning it/i,
  describe: (m) => {
    const hostgroup = m[1];
    const servers = hostgroup !== undefined && m[2] !== undefined ? readHostgroupStatus(m[2], hostgroup) : [];
    if (hostgroup !== undefined && servers.length > 0) {
      const listed = servers.map((s) => `${s.host}${s.port ? `:${s.port}` : ''} (${s.status})`).join(', ');
      const only = servers.length === 1 ? 'only ' : '';
      const down = servers.every((s) => s.status !== 'ONLINE');
      const stale = servers.map((s) => `${s.host}${s.port ? `:${s.port}` : ''}`).join(', ');
      return { subject: stale, said: `its log says hostgroup ${hostgroup} holds ${only}${listed}${down ? ', no server it can use' : ''}`, fix: fixHostgroup(hostgroup, stale) };
    }
    const shunned = m[3] ?? m[4];
    if (shunned !== undefined) return { subject: shunned, said: `its log says its monitor shunned ${shunned} as unreachable`, fix: fixHostgroup(undefined, shunned) };
    return { said: `its log says no server of hostgroup ${hostgroup ?? '?'} answers` };
  },
};

export const PROXYSQL_HOSTGROUP_WHY =
  "ProxySQL sends each query to a hostgroup (the user's default_hostgroup, usually the writer, or the one a query rule names: reads often go to a reader hostgroup). When no server of that hostgroup is ONLINE — shunned by its monitor as unreachable, or set OFFLINE — it waits connect_timeout_server_max for one and answers error 9001, so every write fails while reads and the proxy's own probes still work. The usual cause is a MySQL failover the proxy did not follow: with static mysql_servers and no mysql_replication_hostgroups, the old primary stays the writer hostgroup's only server and the new primary is left where it was (a reader hostgroup).";

export const PROXYSQL_HOSTGROUP_FIX = fixHostgroup(undefined, 'the server it can no longer reach');

export const PROXYSQL_HOSTGROUP_OUTLASTS = "the writer hostgroup lives in ProxySQL's server table; a rollback of these pods sends the same writes to the same hostgroup";
