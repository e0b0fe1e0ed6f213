// MongoDB majority writes that time out waiting for replication: a sign for cluster-down.ts. The
// primary is up and takes every write, but too few data-bearing members confirm it within wtimeout —
// one of them cannot run (or lags) — so the clients' writes fail while their reads keep working.
import type { ClusterDownSign } from './cluster-down-sign.js';
import { readInitialSync } from './mongo-initial-sync.js';

/** "times out its w:majority writes (WriteConcernFailed, wtimeout 10000 ms)", from the driver's line. */
function describeWriteConcern(line: string): string | undefined {
  const w = /"w"\s*:\s*"?(\w+)"?/.exec(line)?.[1] ?? /\bw[=:](\w+)/.exec(line)?.[1];
  const wtimeout = /"wtimeout"\s*:\s*(\d+)/.exec(line)?.[1] ?? /wtimeout(?:MS)?[=:](\d+)/i.exec(line)?.[1];
  const code = /\bWriteConcernTimeout\b/.test(line) ? 'WriteConcernTimeout' : 'WriteConcernFailed';
  return `times out its ${w ? `w:${w}` : 'majority'} writes waiting for replication (${code}${wtimeout ? `, wtimeout ${wtimeout} ms` : ''})`;
}

export const MONGO_WRITE_MAJORITY: ClusterDownSign = {
  server: 'MongoDB',
  cluster: 'MongoDB replica set',
  // Code 64, WriteConcernFailed (WriteConcernTimeout from 8.0): the server's own words for a write
  // applied on the primary but not confirmed by enough members in time.
  pattern: /waiting for replication timed out|\bWriteConcern(?:Failed|Timeout)\b/,
  token: 'WriteConcernFailed',
  state: 'times out its majority writes waiting for replication',
  describe: describeWriteConcern,
  // No word on who is missing here: an election needs voting members, a majority write needs
  // data-bearing ones, and the title's member list says which of those cannot run.
  meaning:
    'A MongoDB write with write concern w:"majority" is confirmed only once a majority of the replica set\'s data-bearing voting members have applied it; a member that votes but holds no data counts toward electing a primary, never toward acknowledging a write. So with a data-bearing member down (or lagging more than wtimeout behind) the primary stays primary and applies every write, but answers WriteConcernFailed "waiting for replication timed out" after wtimeout — the write is not confirmed durable — while reads keep working and the client pods stay Ready. Lowering the write concern would hide it at the cost of writes a primary\'s loss can roll back.',
  check: "mongosh --quiet --eval 'rs.status().members.map(m => m.name + \" \" + m.stateStr + \" \" + (m.optimeDate || \"\"))'",
  recovers: 'majority writes are confirmed again',
  // A member re-created on a new volume runs and is ready while it copies the data (STARTUP2): it confirms no write yet.
  memberSync: readInitialSync,
};
