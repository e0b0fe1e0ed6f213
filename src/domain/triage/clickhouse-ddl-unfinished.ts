// A ClickHouse ON CLUSTER query (DDL) that timed out waiting for hosts that never ran it: a sign
// for cluster-down.ts. The statement is not at fault; a replica of the cluster that cannot run (or
// cannot be reached) is, and the members read say which.
import type { ClusterDownSign } from './cluster-down-sign.js';

/** "left an ON CLUSTER query unfinished on 1 host after distributed_ddl_task_timeout (180 s, code 159)". */
function describeUnfinished(line: string): string | undefined {
  const hosts = /There are (\d+) unfinished hosts?/.exec(line)?.[1];
  const limit = /distributed_ddl_task_timeout \(=(\d+)\)/.exec(line)?.[1];
  const n = hosts === undefined ? undefined : Number(hosts);
  return `left an ON CLUSTER query unfinished${n === undefined ? '' : ` on ${n} host${n === 1 ? '' : 's'}`} after distributed_ddl_task_timeout (${limit ? `${limit} s, ` : ''}code 159)`;
}

export const CLICKHOUSE_DDL_UNFINISHED: ClusterDownSign = {
  server: 'ClickHouse',
  cluster: 'ClickHouse cluster',
  pattern: /\bdistributed_ddl_task_timeout\b|There are \d+ unfinished hosts?/,
  token: 'distributed_ddl_task_timeout',
  state: 'left an ON CLUSTER query unfinished',
  describe: describeUnfinished,
  once: true,
  meaning:
    'An ON CLUSTER query is written to the distributed DDL task queue in Keeper/ZooKeeper, and every host of the cluster runs it from there; the server that took it waits for all of them up to distributed_ddl_task_timeout (180 s by default), then fails with code 159 (TIMEOUT_EXCEEDED) naming the unfinished hosts. A host that is down never picks the task up: it stays queued and runs when that host comes back, so the statement itself is not at fault and retrying it before then times out again (a migration tool meanwhile marks its version dirty).',
  check: "clickhouse-client -q \"SELECT host, status FROM system.distributed_ddl_queue WHERE status != 'Finished'\"",
  recovers: 'every host has run the queued query',
};
