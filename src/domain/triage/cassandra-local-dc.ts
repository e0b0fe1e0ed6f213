/**
 * A Cassandra driver told a local datacenter the cluster does not have. The DataStax drivers route
 * every query only to nodes of their local DC (DC-aware load balancing): when the DC configured
 * (spring.cassandra.local-datacenter, basic.load-balancing-policy.local-datacenter) names none of
 * the cluster's datacenters — a cluster rebuilt or renamed (CASSANDRA_DC, cassandra-rackdc) — the
 * driver connects, warns that its contact points are from another DC, and then fails every query
 * with NoNodeAvailableException while every Cassandra node is up.
 */

/** Java driver 4.x (OptionalLocalDcHelper): `You specified dc1 as the local DC, but some contact points are from a different DC: Node(…)=eu-west-1, …`. */
const JAVA4 = /You specified (\S+) as the local DC, but (?:some|all) contact points are from a different DC: ([^;\n]*)/;
/** Java driver 3.x (DCAwareRoundRobinPolicy): `Some contact points don't match local data center. Local DC = dc1. Non-conforming contact points: /10.0.0.1:9042 (eu-west-1), …`. */
const JAVA3 = /Some contact points don't match local data center\. Local DC = (\S+?)\.? Non-conforming contact points: ([^\n]*)/;
/** The queries the driver then fails: it has no node of its local DC to send them to. */
export const NO_NODE = /NoNodeAvailableException|No node was available to execute the query/;

export interface LocalDcMismatch {
  /** The DC the driver was told is local. */
  localDc: string;
  /** The datacenters its contact points are in, as the driver found them. */
  clusterDcs: string[];
  /** The driver's line that says it. */
  line: string;
  /** Its words, without the contact points it lists: `You specified dc1 as the local DC, but some contact points are from a different DC`. */
  said: string;
}

/** The datacenters a warning's contact-point list names: `Node(…)=eu-west-1` (4.x) or `/ip:9042 (eu-west-1)` (3.x). */
function readDcs(list: string): string[] {
  const named = [...list.matchAll(/\)=([\w.-]+)/g), ...list.matchAll(/:\d+ \(([\w.-]+)\)/g)].map((m) => m[1] ?? '');
  return [...new Set(named.filter((x) => x !== ''))];
}

/** The driver's warning that its local DC is none of its contact points' DCs, from one log's lines. */
export function findLocalDcMismatch(lines: readonly string[]): LocalDcMismatch | undefined {
  for (const line of lines) {
    const m = JAVA4.exec(line) ?? JAVA3.exec(line);
    const localDc = m?.[1];
    if (!m || localDc === undefined) continue;
    const clusterDcs = readDcs(m[2] ?? '').filter((d) => d !== localDc);
    if (clusterDcs.length > 0) return { localDc, clusterDcs, line: line.trim(), said: m[0].slice(0, m[0].length - (m[2] ?? '').length).replace(/[:.]?\s*$/, '') };
  }
  return undefined;
}
