/**
 * A MariaDB/MySQL Galera cluster without a primary component: its nodes answer their clients 1047
 * "WSREP has not yet prepared node for application use" and, when they cannot join one at all,
 * abort and crash-loop (the Service then has no ready endpoint). Why it cannot form is in the
 * nodes' own logs: after every node stopped at once (no graceful shutdown), each grastate.dat says
 * safe_to_bootstrap: 0, so the node meant to bootstrap refuses and the others wait for a primary
 * view that never comes. Pure: the members and their previous logs are read by the cluster-down lead.
 */
import type { ClusterDownSign, ClusterFormation } from './cluster-down-sign.js';
import type { LogEvidence } from './evidence-pod.js';
import { joinAnd } from '../text.js';

const REFUSES_BOOTSTRAP = /It may not be safe to bootstrap the cluster from this node/;
const NOT_SAFE = /safe_to_bootstrap:\s*0\b/;
const NO_PRIMARY_VIEW = /failed to reach primary view|no nodes coming from prim view|pc\.wait_prim_timeout/;

/** The first line of a log that matches, without its timestamp. */
function findLine(log: LogEvidence, pattern: RegExp): string | undefined {
  return log.lines.find((l) => pattern.test(l))?.trim().replace(/^\d{4}-\d\d-\d\d\s+\d?\d:\d\d:\d\d\s+\d+\s+/, '');
}

/**
 * What the members' logs say of a cluster none may bootstrap: one refuses to ("It may not be
 * safe…") or all saved safe_to_bootstrap: 0, while the rest cannot reach a primary view. Undefined
 * for a node that merely lost its peers to the network (no bootstrap refusal, no unsafe state).
 */
export function readGaleraFormation(logs: readonly LogEvidence[]): ClusterFormation | undefined {
  const refusing = logs.flatMap((l) => { const line = findLine(l, REFUSES_BOOTSTRAP); return line ? [{ pod: l.pod, line }] : []; });
  const unsafe = logs.flatMap((l) => { const line = findLine(l, NOT_SAFE); return line ? [{ pod: l.pod, line }] : []; });
  const waiting = logs.flatMap((l) => { const line = findLine(l, NO_PRIMARY_VIEW); return line && !refusing.some((r) => r.pod === l.pod) ? [{ pod: l.pod, line }] : []; });
  if (refusing.length === 0 && (unsafe.length === 0 || waiting.length === 0)) return undefined;
  const refusal = refusing.length > 0
    ? `${joinAnd(refusing.map((r) => r.pod))} refuse${refusing.length === 1 ? 's' : ''} (safe_to_bootstrap: 0 in grastate.dat)`
    : `${joinAnd(unsafe.map((u) => u.pod))} saved safe_to_bootstrap: 0 in grastate.dat`;
  const wait = waiting.length > 0 ? ` and ${joinAnd(waiting.map((w) => w.pod))} cannot reach a primary view (pc.wait_prim_timeout)` : '';
  return {
    said: `none may bootstrap it: ${refusal}${wait}`,
    cause:
      ' A Galera cluster forms only around a primary component. When all its nodes stop at once without a graceful shutdown (a node group replaced, a zone lost), none records that it left last: every grastate.dat says safe_to_bootstrap: 0, so the node set to bootstrap refuses ("It may not be safe to bootstrap the cluster from this node": it may lack the last transactions) and the others wait for a primary view that never comes, then abort (gcomm times out) — every node crash-loops and nothing forms the cluster by itself. Once that node forms a primary component the others rejoin it by IST/SST; restarting the pods replays the same refusal, and the chart\'s force-safe-to-bootstrap setting (MARIADB_GALERA_FORCE_SAFETOBOOTSTRAP) belongs on the most advanced node alone.',
    fix: 'bootstrap the cluster from the node with the highest seqno (mysqld --wsrep-recover): set safe_to_bootstrap: 1 in its grastate.dat',
    lines: [...refusing, ...waiting.slice(0, 1), ...(refusing.length === 0 ? unsafe.slice(0, 1) : [])],
  };
}

export const GALERA_NO_PRIMARY: ClusterDownSign = {
  server: 'MySQL',
  cluster: 'Galera cluster',
  pattern: /WSREP has not yet prepared node for application use/,
  token: '1047 WSREP not prepared',
  state: 'has no primary component',
  meaning:
    'A Galera node answers its clients 1047 "WSREP has not yet prepared node for application use" while it is not part of the cluster\'s primary component — the nodes that hold a quorum of its last primary view and alone may run queries; a node that cannot join one at all aborts and restarts, so the Service has no ready endpoint and connections are then refused.',
  check: "mysql -e \"SHOW STATUS LIKE 'wsrep_cluster_status'\"; cat grastate.dat in the data directory",
  recovers: 'a primary component forms',
  formation: readGaleraFormation,
};
