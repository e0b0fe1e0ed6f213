/**
 * A Consul cluster whose servers cannot elect a leader: every KV read, catalog query and session
 * answers 500 "No cluster leader", so clients that load their configuration from Consul at start
 * crash-loop and the others fail every call. A leader needs a majority of the raft peers; the
 * servers' own logs say why none wins (raft-peers.ts: peers at addresses no server has now).
 */
import type { ClusterDownSign } from './cluster-down-sign.js';
import { readRaftPeerFormation } from './raft-peers.js';

export const CONSUL_NO_LEADER: ClusterDownSign = {
  server: 'Consul',
  cluster: 'Consul',
  pattern: /No cluster leader/,
  token: 'No cluster leader',
  state: 'has no leader',
  majority: true,
  meaning:
    'Consul serves KV, catalog and sessions only through its raft leader: with no leader elected every server answers 500 "No cluster leader". A leader needs the votes of a majority of the raft peers the servers have on record; while they do not get them, the servers stay candidates and every client call fails.',
  check: 'consul operator raft list-peers -stale',
  recovers: 'a leader is elected',
  formation: readRaftPeerFormation,
  memberLogs: true,
};
