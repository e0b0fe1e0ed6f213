// ClickHouse's replicated tables read-only for want of their coordination service: a sign for
// cluster-down.ts whose members are those of ClickHouse Keeper (or ZooKeeper), not of ClickHouse.
import type { ClusterDownSign } from './cluster-down-sign.js';

export const CLICKHOUSE_READONLY: ClusterDownSign = {
  server: 'ClickHouse',
  cluster: 'Keeper/ZooKeeper',
  // Code 242 is TABLE_IS_READ_ONLY; a user's readonly setting is another code (164 READONLY) and message.
  pattern: /\bTable is in readonly mode\b|\bTABLE_IS_READ_ONLY\b/i,
  token: 'TABLE_IS_READ_ONLY',
  state: "has no quorum, ClickHouse's tables read-only",
  majority: true,
  coordinator: /keeper|zookeeper/i,
  meaning:
    'ClickHouse puts a Replicated*MergeTree table in read-only mode (Code 242, "Table is in readonly mode", TABLE_IS_READ_ONLY) while its server has no session with its coordination service, ClickHouse Keeper or ZooKeeper: every insert, ALTER and merge must be recorded there, so until the session comes back they are refused while reads still work. Keeper and ZooKeeper serve sessions only while a majority (a quorum) of their members is up and has elected a leader: a lone survivor of three refuses every client.',
  check: 'echo mntr | nc localhost 9181; echo stat | nc localhost 9181',
  recovers: 'the ensemble regains its quorum',
};
