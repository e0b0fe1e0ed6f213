/**
 * A read replica whose replication stopped: MySQL's replica SQL (applier) thread stops on the
 * first event it cannot apply — most often error 1062 "Duplicate entry … for key …", a row that
 * something wrote on the replica itself (read_only not enforced for its user) before the source's
 * binlog brought the same key — and logs "Replica SQL for channel '': … Error_code: 1062", then
 * "replica SQL thread aborted … restart … with START REPLICA". mysqld stays up, so ping probes pass
 * and the read Service keeps routing to it: every read returns data frozen at that moment, and the
 * clients only see a replication lag (a heartbeat's lag_seconds) that keeps growing. What wrote to
 * the replica (a Job given the read DSN) is the trigger. Pure: the client's and server's lines only.
 */
import type { ContainerEvidence } from './evidence-pod.js';
import type { ServerExplanation } from './server-explanation.js';
import { findServerAddress } from './server-address.js';

/** A client telling its read replica lags behind its source: "read replica is behind", "replication lag", Seconds_Behind_Source. */
export const REPLICA_BEHIND = /\bread replica is behind\b|\breplica(?:tion)? lag(?:ging)?\b[^\n]*\b(?:exceed|above|over|behind)|\breplica (?:is )?lagging\b|Seconds_Behind_(?:Source|Master)\W+\d{3,}/i;

/** The replica's own line: "[ERROR] … Replica SQL for channel '': … Duplicate entry '8812731' for key 'stock_reservations.PRIMARY', Error_code: 1062". */
export const REPLICA_SQL_STOPPED: ServerExplanation = {
  pattern: /\[ERROR\][^\n]*?(?:Replica|Slave) SQL(?: thread)? for channel '[^']*':[^\n]*?Error_code: (?:MY-0*)?(\d+)/,
  describe: (m) => {
    const entry = /Duplicate entry '[^']*' for key '[^']*'/.exec(m[0])?.[0];
    return { said: `its log says the replica SQL thread stopped on error ${m[1] ?? '?'}${entry ? ` (${entry})` : ''}` };
  },
  dated: true,
};

/** The env that holds the read (replica) address, when the client has one beside its writer's. */
const READ_ENV = /(?:^|_)(?:READ|READER|RO|REPLICA|SLAVE|SECONDARY)(?:_|$)/i;

/** The replica the lag is about: the client's read address, else its only one. */
export function findReplicaAddress(c: Pick<ContainerEvidence, 'env'>): { env: string; host: string } | undefined {
  const reads = (c.env ?? []).filter((e) => READ_ENV.test(e.name));
  return findServerAddress({ env: reads }, 'MySQL') ?? findServerAddress(c, 'MySQL');
}

export const REPLICA_STOPPED_WHY =
  "A MySQL replica applies its source's binlog with its SQL (applier) thread, which stops at the first event it cannot apply — error 1062 \"Duplicate entry\" when a row with that key was written on the replica itself (a client given the read address, with read_only or super_read_only not enforced for its user). mysqld stays up, so its ping probes pass and the read Service keeps sending every read to it: the reads return data frozen at the moment the thread stopped, and the lag grows until someone restarts replication. Writes to the source succeed, so nothing fails loudly.";

export const REPLICA_STOPPED_FIX =
  'point the reads at the primary meanwhile, remove or reconcile the conflicting rows on the replica (or rebuild it from the source), then START REPLICA; enforce super_read_only on the replica so no client writes to it again';

export const REPLICA_STOPPED_OUTLASTS = 'the replica stays stopped whatever revision of these pods reads from it';

/** The fix, naming what wrote to the replica. */
export function fixReplicaStopped(runner: string): string {
  return `point the reads at the primary meanwhile, remove the rows ${runner} wrote on the replica (or rebuild it), then START REPLICA; give ${runner} the primary's address and enforce super_read_only on the replica`;
}
