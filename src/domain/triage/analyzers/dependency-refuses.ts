import { capitalize } from '../../text.js';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { findInClusterService } from '../down-service.js';
import { findBrokerAlarm } from '../broker-log.js';
import { findServerSettings, formatSettings } from '../server-settings.js';
import { describeDnsCache, findStaleAddress } from '../stale-address.js';
import type { StaleAddress } from '../stale-address.js';
import { describeMixedRole, findMixedRoleService } from '../mixed-role-service.js';
import { readLineTime } from '../request-silence.js';
import { FLOOD_STAGE, findServerExplanation } from '../server-explanation.js';
import type { ServerExplanation } from '../server-explanation.js';
import { findPinnedPod, findPrimaryNow, shortPodName } from '../pinned-server-pod.js';
import { describePinnedWriter, findPinnedWriter, findPodPin, fixPinnedWriter } from '../pinned-writer-service.js';
import type { PinnedWriter } from '../pinned-writer-service.js';
import { listMountedConfigMaps } from '../server-config-file.js';
import type { DependencyPodEvidence, ServerConfigEvidence } from '../evidence-server-config.js';
import { findServerAddress } from '../server-address.js';
import type { ServerKind } from '../server-address.js';
import type { ContainerEvidence } from '../evidence-pod.js';
import { ETCD_NOSPACE, ETCD_NOSPACE_ALARM, readEtcdSettings } from '../etcd-nospace.js';
import { VACUUM_SETTINGS, WRAPAROUND_REFUSAL, XID_WARNING, describeWraparoundScope, readVacuumSettings } from '../xid-wraparound.js';
import type { SettingAt } from '../server-settings.js';
import { RDB_SAVE_ERROR } from '../rdb-save-error.js';
import { PATRONI_LOCK_FORBIDDEN } from '../patroni-leader-lock.js';
import { findClusterDown } from '../cluster-down.js';
import { describeReplicaAddress, findReplicaService, fixReplicaAddress } from '../replica-service.js';
import { describeReadOnlySince, explainReadOnlyLeftOn, findReadOnlyLeftOn, findStandbySign, fixReadOnlyLeftOn, nameReadOnlyJob } from '../read-only-setting.js';
import type { ReadOnlyEngine } from '../read-only-setting.js';
import { DISK_FULL, MAX_SERVER_CLAIMS, describeFullClaims, listPodClaims } from '../server-disk-full.js';
import { SHARD_LIMIT, describeShardLimit } from '../shard-limit.js';
import type { IsoTime } from '../evidence-spec.js';
import { clientRolloutsSince, describeClientSince, describeClientTie, findClientRollout } from '../client-rollout.js';
import { isErrorLine } from '../error-line.js';
import { isPastErrorBout } from '../past-log-errors.js';
import { CROSS_SLOT, describeCrossSlot, fixCrossSlot } from '../cross-slot.js';
import { MYSQL_AUTO_INCREMENT_LIMIT, PG_SEQUENCE_LIMIT, describeMysqlAutoIncrementLimit, describePgSequenceLimit, fixMysqlAutoIncrementLimit, fixPgSequenceLimit } from '../sequence-limit.js';
import { CLICKHOUSE_TOO_MANY_PARTITIONS, describePartitionKey, describePartitionedTable } from '../clickhouse-partition-key.js';
import type { SettingConfigEvidence } from '../evidence-setting-config.js';
import { CLICKHOUSE_MEMORY_TOTAL, CLICKHOUSE_TOO_MANY_PARTS, CLICKHOUSE_TOO_MANY_QUERIES, describeMemoryCap, describeParts, describePartsTable } from '../clickhouse-refusal.js';
import { SORT_MEMORY_LIMIT, describeSortMemoryLimit, fixSortMemoryLimit } from '../sort-memory-limit.js';
import { WRONG_TYPE, describeWrongType, fixWrongType } from '../redis-wrong-type.js';
import { MOVED_CLIENT_SIDE, MOVED_FIX, MOVED_WHY, REDIS_MOVED } from '../redis-moved.js';
import { REDIS_TRYAGAIN, TRYAGAIN_DOES, TRYAGAIN_FIX, TRYAGAIN_HOLDS, TRYAGAIN_OUTLASTS, TRYAGAIN_REFUSES, TRYAGAIN_WHY, describeSplitCommands, fixSlotMigration } from '../redis-slot-migration.js';
import { EXTENSION_TYPE_FIX, EXTENSION_TYPE_OUTLASTS, EXTENSION_TYPE_WHY, PG_EXTENSION_TYPE_MISSING, describeExtensionType, fixExtensionType } from '../pg-extension-type.js';
import { MAPPING_FILLS, TOTAL_FIELDS_LIMIT, describeFieldLimit } from '../field-limit.js';
import { LOCK_TABLE_SETTINGS, PARTITIONS_NAMED, PG_LOCK_TABLE_FULL, raiseLockTable, readLockTableSize } from '../pg-lock-table.js';
import { PUBLISH_NACKED, QUEUE_LIMIT_SETTINGS, readQueueLimits } from '../rabbit-queue-limit.js';
import { PARALLELISM_CHANGED, PARALLEL_SETTINGS, PG_SHM_FULL, fixShm, readShmMount } from '../pg-dynamic-shm.js';
import { HOUR_MS, formatAgo, msBetween } from '../time-span.js';
import { CACHE_FILLS, MEMCACHED_OUT_OF_MEMORY, MEMCACHED_TOO_LARGE, describeItemSizes, findFillStart, readMemcachedSettings } from '../memcached-refusal.js';
import { ES_WRITE_REJECTED, describeWritePools } from '../es-write-rejection.js';
import { ES_DISK_BLOCK } from '../es-index-block.js';
import { describeStoppedCleanup, explainStoppedCleanup, findStoppedCleanup, fixStoppedCleanup } from '../stopped-cleanup.js';
import { TOMBSTONES_SCANNED, TOMBSTONE_ABORT, TOMBSTONE_OR_READ_FAILED, describeDeletesSince, describeReplicaReason } from '../cassandra-tombstones.js';
import { findServerServiceByPort } from '../server-service.js';
import { BUSY_SCRIPT_BEARING, BUSY_SCRIPT_FIX, BUSY_SCRIPT_OUTLASTS, BUSY_SCRIPT_WHY, REDIS_BUSY_SCRIPT, SLOW_SCRIPT, fixBusyScript, quoteBusy } from '../redis-busy-script.js';
import { describeServerJobRuns, findServerJobRuns, namesOfRuns } from '../server-job-runs.js';
import { CLICKHOUSE_MEMORY_QUERY, QUERY_MEMORY_SETTING, USERS_CONFIG_RELOADED, fixQueryMemory, quoteClickHouse } from '../clickhouse-query-memory.js';
import { BATCH_OVER_FAIL_THRESHOLD, BATCH_SIZE_SETTING, BATCH_TOO_LARGE_CLIENT_SIDE, BATCH_TOO_LARGE_FIX, BATCH_TOO_LARGE_WHY, CASSANDRA_BATCH_TOO_LARGE } from '../cassandra-batch-size.js';
import { findClientSetting } from '../client-size-setting.js';
import type { ClientSetting } from '../client-size-setting.js';
import { PG_PREPARED_TRANSACTIONS_DISABLED, PREPARED_TRANSACTIONS_SETTING, PREPARED_TRANSACTIONS_WHY, enablePreparedTransactions } from '../pg-prepared-transactions.js';
import { PROXYSQL_HOSTGROUP_FIX, PROXYSQL_HOSTGROUP_OUTLASTS, PROXYSQL_HOSTGROUP_STATUS, PROXYSQL_HOSTGROUP_TIMEOUT, PROXYSQL_HOSTGROUP_WHY, findProxyAddress, scopeHostgroup } from '../proxysql-hostgroup.js';
import { REPLICA_BEHIND, REPLICA_SQL_STOPPED, REPLICA_STOPPED_FIX, REPLICA_STOPPED_OUTLASTS, REPLICA_STOPPED_WHY, findReplicaAddress, fixReplicaStopped } from '../mysql-replica-stopped.js';
import { BACKEND_CRASH_FIX, BACKEND_CRASH_OUTLASTS, BACKEND_CRASH_WHY, BACKEND_KILLED, PG_CRASH_RESET, fixBackendCrash } from '../pg-backend-crash.js';
import { DOCUMENT_SIZE_CLIENT_SIDE, DOCUMENT_SIZE_FIX, DOCUMENT_SIZE_OUTLASTS, DOCUMENT_SIZE_WHY, MONGO_DOCUMENT_TOO_LARGE, describePushedArray } from '../mongo-document-size.js';
import { COLLATION_FIX, COLLATION_MISMATCH, COLLATION_OUTLASTS, COLLATION_WHY, PG_UNIQUE_VIOLATION, readServerImage } from '../pg-collation-mismatch.js';
import { DROPPED_RELATION_CLIENT_SIDE, DROPPED_RELATION_DDL, DROPPED_RELATION_FIX, DROPPED_RELATION_OUTLASTS, DROPPED_RELATION_WHY, PG_DROPPED_RELATION, describeDroppedOid } from '../pg-dropped-relation.js';
import { CACHED_PLAN_CLIENT_SIDE, CACHED_PLAN_FIX, CACHED_PLAN_OUTLASTS, CACHED_PLAN_WHY, PG_CACHED_PLAN } from '../pg-cached-plan.js';
import { MYSQL_UPGRADED, MYSQL_ZERO_DATE, ZERO_DATE_FIX, ZERO_DATE_OUTLASTS, ZERO_DATE_WHY, readMysqlVersion } from '../mysql-zero-date.js';
import { GROUP_BY_FIX, GROUP_BY_OUTLASTS, GROUP_BY_WHY, MYSQL_ONLY_FULL_GROUP_BY, readGroupByDefault } from '../mysql-group-by.js';
import { describeServerRollout } from '../server-rollout.js';
import { findLastGoodRun } from '../last-good-run.js';
import { NOT_PRELOADED_FIX, NOT_PRELOADED_OUTLASTS, NOT_PRELOADED_WHY, PG_NOT_PRELOADED, describeNotPreloaded, fixNotPreloaded } from '../pg-preload-library.js';
import { describeMigrationRuns } from '../migration-job-log.js';
import { describeDirectMember, findConfiguredServerAddress, findDirectConnection } from '../server-address-config.js';
import { CONNECTION_CLOSED_BY_SERVER, OUTPUT_BUFFER_CLOSED, OUTPUT_BUFFER_FIX, OUTPUT_BUFFER_REFUSES, OUTPUT_BUFFER_SETTINGS, OUTPUT_BUFFER_WHY } from '../redis-output-buffer.js';
import { GRPC_DEADLINE, STREAM_LIMIT_CLIENT_SIDE, STREAM_LIMIT_FIX, STREAM_LIMIT_LIMITS, STREAM_LIMIT_SETTINGS, STREAM_LIMIT_WHY, findGrpcAddress, measureConnections } from '../grpc-stream-limit.js';
import { KEEPALIVE_SETTING, PINGS_CLIENT_SIDE, PINGS_FIX, PINGS_FIXES, PINGS_REFUSES, PINGS_WHY, TOO_MANY_PINGS, fixKeepalive } from '../grpc-keepalive-pings.js';
import { PROTECTED_MODE_FIX, PROTECTED_MODE_WHY, REDIS_NO_CONFIG_FILE, REDIS_PROTECTED_MODE, describeConfigMounts } from '../redis-protected-mode.js';
import { CLIENT_LIMIT_CLIENT_SIDE, CLIENT_LIMIT_FIX, CLIENT_LIMIT_REFUSES, CLIENT_LIMIT_WHY, CLOSED_AT_CONNECT, TOO_MANY_CONNECTIONS_FROM, findZooKeeperAddress } from '../zookeeper-client-limit.js';
import { MYSQL_STATEMENT_TIMEOUT, MYSQL_TIMEOUT_SETTINGS, MYSQL_TIMEOUT_WHY, PG_STATEMENT_TIMEOUT, PG_TIMEOUT_SETTINGS, PG_TIMEOUT_WHY, TIMEOUT_OUTLASTS, fixMysqlTimeout, fixPgTimeout, readMysqlTimeout, readPgTimeout } from '../server-statement-timeout.js';
import { findConfiguredTimeout } from '../statement-timeout.js';
import { LOST_GROUP_CLIENT_SIDE, LOST_GROUP_FIX, LOST_GROUP_OUTLASTS, LOST_GROUP_WHY, REDIS_NOGROUP, fixLostGroup, readRedisPersistence } from '../redis-lost-group.js';
import { MONGO_ROLE_FIX, MONGO_ROLE_WHY, MONGO_UNAUTHORIZED, MYSQL_COMMAND_DENIED, MYSQL_GRANT_FIX, MYSQL_GRANT_WHY, ROLE_OUTLASTS, describeMongoRefused, describeMysqlRefused, fixMongoRole, fixMysqlGrant } from '../db-authorization.js';
import { BUFFER_POOL_SETTINGS, LOCK_HEAPS_FILL_POOL, LOCK_TABLE_OUTLASTS, LOCK_TABLE_WHY, MYSQL_LOCK_TABLE_FULL, fixBufferPool, readBufferPool } from '../mysql-lock-table.js';
import { MAX_CLIENTS_CLIENT_SIDE, MAX_CLIENTS_REFUSES, MAX_CLIENTS_SETTINGS, MAX_CLIENTS_WHY, REDIS_MAX_CLIENTS, REDIS_POOL_VARIABLE, describeDemand, fixMaxClients, fixPoolSize, quoteMaxClients, readMaxClients } from '../redis-max-clients.js';
import type { ClientDemand } from '../redis-max-clients.js';
import { MONGO_CONNECTIONS_CLIENT_SIDE, MONGO_CONNECTIONS_REFUSES, MONGO_CONNECTIONS_SETTINGS, MONGO_CONNECTIONS_WHY, MONGO_CONNECTION_LOST, MONGO_POOL_VARIABLE, MONGO_TOO_MANY_CONNECTIONS, findMongoPoolSize, fixMaxConns, fixMongoPoolSize, readMaxConns } from '../mongo-max-conns.js';
import type { ServerRolloutRead } from '../evidence-server-rollout.js';
import { NEO4J_MEMORY_POOL, NEO4J_MEMORY_POOL_FIX, NEO4J_MEMORY_POOL_WHY, NEO4J_MEMORY_SETTINGS, NEO4J_NAMED_LIMIT, fixNeo4jMemoryLimit, quoteNeo4j, readNeo4jMemorySettings } from '../neo4j-memory-pool.js';

/** How a dependency that is up and answering says no, and what that means on its side. */
interface Refusal {
  /** The kind of server, as the client library names it. */
  server: ServerKind;
  pattern: RegExp;
  /**
   * A refusal that is a state, not one failed call (a blocked connection): one line says it while
   * no later line of that log says it cleared. Absent: each line is one refused call.
   */
  clearedBy?: RegExp;
  /** What it refuses, after "<server> <name> refuses …". */
  refuses: string;
  /**
   * The verb of the title when the server does not refuse the work but answers what it was asked
   * (WRONGTYPE: the key holds another type), so its calls count as failed, not refused. Default: refuses.
   */
  verb?: string;
  /** What the client-side fix changes, after "Fix …" (default: the command these pods send to). */
  fixes?: string;
  why: string;
  fix: string;
  /** The refusal of a server that lost its primary role: a failover the client may not have followed. */
  failover?: boolean;
  /** One line is enough: each is a write the server refused outright and the client lost (a secondary's "not primary"). */
  decisive?: boolean;
  /**
   * A read-only refusal a failover explains only when something read shows one: a primary whose
   * sessions default to read-only refuses the same way. A recent Job's log that set that default
   * and never reset it (read-only-setting.ts) is then the since; when nothing shows either,
   * `unshown` says both, without claiming a failover.
   */
  readOnlyBy?: { engine: ReadOnlyEngine; unshown: { why: string; fix: string } };
  /** The server's own flags that set the limit it refuses at: one of its pods is read to state their values. */
  settings?: readonly string[];
  /** The setting the fix raises: when a ConfigMap the server mounts sets it, the advice says where. */
  raises?: string;
  /**
   * The server's words name the setting it reached (first group: "db.memory.transaction.max threshold
   * reached"): that one is read from its config and raised, in place of `raises`.
   */
  namedSetting?: RegExp;
  /** The fix said for where the setting lives ("in ConfigMap x (its my.cnf sets 4M)"), and which setting; `fix` is it for "on the server". */
  fixAt?: (where: string, setting?: string) => string;
  /** The server's own log line that says why it refuses, and what of it to state: a few of its pods' logs are read for it. */
  explainedBy?: ServerExplanation;
  /**
   * The server's own reading of its pod's settings, for one whose limit is set by more than flag
   * values (an env form, a default, a setting whose absence matters): used instead of `settings`.
   */
  readSettings?: (pod: PodEvidence, now?: IsoTime) => { said: string; evidence: string } | undefined;
  /** What of the refused line to add after `refuses` (" in database ledger"). */
  scope?: (line: string) => string;
  /**
   * What the client's own config read says of the refused lines (a ClickHouse table's PARTITION BY
   * in the migration file its pods mount: setting-config.ts): stated after `refuses`, its ConfigMap held.
   */
  clientConfig?: (lines: readonly string[], config: readonly SettingConfigEvidence[]) => { said: string; evidence: string; configMap: string } | undefined;
  /**
   * The server is right to refuse: the command the client sends is at fault, so the fix is in the
   * client and a revision that brought the command is the trigger. Says why the server is not at fault.
   */
  clientSide?: string;
  /** The fix with the names the refused lines (and their neighbours) give, instead of `fix` when they give them. */
  fixOf?: (lines: readonly string[]) => string | undefined;
  /** What of all the refused lines to add after the settings ("items of 382–467 KB"): empty when they do not say. */
  measure?: (lines: readonly string[]) => string;
  /**
   * A refusal that comes once the server has filled up with what the clients write (a cache at its
   * memory): the fault began when they began writing, so its onset is their start. Says why.
   */
  fills?: string;
  /** The server refuses because its disk is full (a flood-stage block): a cleanup CronJob that stopped is the trigger of the fill (stopped-cleanup.ts). */
  fillsDisk?: true;
  /**
   * A refusal the clients' own way of working brings on (many small inserts): when it began, so a
   * rollout of theirs that changed it (a smaller batch) is tested as the trigger.
   */
  byClient?: true;
  /** Why the settings it runs with (`settings`, on its command line or in its mounted config) explain the refusal, and the fix there (empty when the fix already says it); absent when they do not. */
  /** `demand`: what the workload's replicas may open together, when `clientSetting` sizes each pod's share (its pool). */
  readConfig?: (settings: readonly SettingAt[], demand?: ClientDemand) => { why: string; fix: string } | undefined;
  /** What the server's pod spec says beside its settings (what it mounts at /dev/shm): stated with them, read from the pod already read. */
  readPod?: (pod: PodEvidence, now?: IsoTime) => { said: string; evidence: string } | undefined;
  /** A rollback of the client would not undo it (what a migration changed stays): the verdict blames no revision of it and offers no rollback. Says why. */
  outlastsRollback?: string;
  /** The load of all the clients' replicas together brings it on: a scale-up of theirs is its trigger (Finding.scalesWithReplicas). */
  scalesWithReplicas?: true;
  /**
   * Another client's work inside the server brings it on (a long script blocks it for all): a Job
   * of the namespace that talks to the same server and started just before the refusals is its
   * trigger (server-job-runs.ts). Says, after "the first …", what a refusal is called ("BUSY").
   * `holds` and `does` say what that work does to the server and what the Job runs there, when
   * not a blocker of everyone (default: "another client's work inside it holds it for everyone").
   * `jobsOnly`: only a run does that work (a resharding), so no other Deployment's release is
   * looked for in its place.
   */
  ranBy?: { what: string; fix: (runner: string, back?: number) => string; bearing?: RegExp; holds?: string; does?: string; jobsOnly?: true };
  /**
   * The server lost something at one moment (an extension a restore did not bring back): the first
   * refusal dates it, so a Job or change just before it is tested as the trigger.
   */
  lostAt?: true;
  /** The part of the refused line to quote, when the server's reply runs on into hints for an operator (what to run) that the fix says better. */
  quoteOf?: (line: string) => string;
  /**
   * The client's own setting that sizes what it sends (its batch size), by the variable's name: when
   * its container takes one, the fix names it and where it is kept (a ConfigMap a restart re-reads).
   */
  clientSetting?: { pattern: RegExp; fix: (setting: string) => string; inAddress?: (c: Pick<ContainerEvidence, 'env'> | undefined) => ClientSetting | undefined };
  /** The client's setting sizes each pod's share of a cap (its pool), and the server's setting (`raises`) is the cap: the fix names both. */
  clientShare?: (setting: string, where: string) => string;
  /**
   * A refusal that is the client's own business (a duplicate key) unless the server's own log
   * explains it (`explainedBy`: a collation mismatch that corrupted the index): counted only then.
   */
  onlyWhenTold?: true;
  /**
   * The client's words that name the cause (a driver's per-replica reason): `pattern` also takes its
   * bare failures (a read failure at a consistency level), counted only when a line names the cause
   * or the server's own log (`explainedBy`) explains them.
   */
  causeSaid?: RegExp;
  /**
   * What the client wrote over days before the first refusal built it up (deleted rows that stay as
   * tombstones): its recent revision, said as the possible start, after the cause. Given its pods and the first refusal.
   */
  builtSince?: (ev: TriageEvidence, pods: readonly PodEvidence[], first: IsoTime | undefined) => string | undefined;
  /**
   * A refusal a schema change brings on (stale prepared statements, a table dropped under them):
   * what a migration Job that ran just before applied, from its log, is named as the trigger. A
   * RegExp: the Job's statements of that kind are named first (its DROP TABLE, not its CREATE).
   */
  migratedBy?: true | RegExp;
  /**
   * Counted only when the server's settings (`settings`, on its command line or in its mounted
   * config) set the limit — and, with `readConfig`, when it reads them as explaining the refusal (a
   * limit of 0 is none): the client's line alone does not say why.
   */
  onlyWhenSet?: true;
  /** The client sets the limit for its own sessions, which overrides the server's: then the refusal is the client's own, not counted here. */
  overriddenBy?: (container: ContainerEvidence | undefined, ev: TriageEvidence) => boolean;
  /**
   * The server refuses by a setting of its own config file (a library it preloads, its sql_mode),
   * whether or not the file names it: the ConfigMaps its pod mounts are held by the finding, so an
   * edit of one before the refusals is tested as the trigger.
   */
  setInConfig?: true;
  /** Where the client keeps the address the refused lines concern (its read replica's), when not its first address of that server. */
  address?: (c: Pick<ContainerEvidence, 'env'>) => { env: string; host: string } | undefined;
}

function raisePacketLimit(where: string): string {
  return `raise max_allowed_packet ${where} above the largest statement the client sends (SET GLOBAL applies it to new connections; the config file keeps it across restarts), or revert the change that made the statements bigger (larger batches or rows) until then`;
}

const REFUSALS: readonly Refusal[] = [
  {
    server: 'Redis',
    pattern: /OOM command not allowed when used memory > 'maxmemory'/i,
    refuses: 'writes: it is at its maxmemory',
    settings: ['maxmemory', 'maxmemory-policy'],
    why: "Redis has reached its maxmemory and its maxmemory-policy evicts nothing (noeviction, or a volatile-* policy with no key carrying a TTL), so it refuses every command that would add memory while reads still work — readiness checks that only PING or read keep passing.",
    fix: 'free or add memory on the Redis side: raise maxmemory (with the memory of the Redis container to match) or switch maxmemory-policy to allkeys-lru / volatile-lru; then find what fills it (keys without TTL, a longer TTL, more traffic)',
  },
  {
    server: 'Redis',
    pattern: /READONLY You can't write against a read only replica/i,
    refuses: 'writes: the client writes to a read-only replica',
    failover: true,
    why: 'The client is connected to a replica, not the master: after a failover it kept its old connection or it resolves the wrong address.',
    fix: 'point the client at the current master (Sentinel or the master Service) and reconnect',
  },
  // A Redis Cluster serves a multi-key command only when all its keys hash to one slot.
  {
    server: 'Redis',
    pattern: CROSS_SLOT,
    refuses: 'multi-key commands whose keys hash to different slots',
    scope: describeCrossSlot,
    fixOf: fixCrossSlot,
    clientSide: 'The cluster itself is healthy and serves every single-key command: the command these pods send is at fault, most often a release that batched several reads or writes into one multi-key call.',
    why: 'A Redis Cluster spreads keys over 16384 hash slots held by different masters and serves a multi-key command (MGET, MSET, DEL of several keys, a transaction or script over several keys) only when every key hashes to the same slot; otherwise it answers CROSSSLOT, and every such call fails while the pods stay Ready. Keys share a slot only when they share a hash tag (the part between { and }).',
    fix: 'put the keys one command reads under one hash tag ({…}), or split the command into per-key or per-slot calls',
  },
  // A Redis Cluster moving slots between masters: multi-key commands split by a moving slot (redis-slot-migration.ts).
  {
    server: 'Redis',
    pattern: REDIS_TRYAGAIN,
    refuses: TRYAGAIN_REFUSES,
    measure: describeSplitCommands,
    ranBy: { what: 'TRYAGAIN', fix: fixSlotMigration, holds: TRYAGAIN_HOLDS, does: TRYAGAIN_DOES, jobsOnly: true },
    outlastsRollback: TRYAGAIN_OUTLASTS,
    why: TRYAGAIN_WHY,
    fix: TRYAGAIN_FIX,
  },
  // A client that is not cluster-aware, talking to a Redis Cluster as if it were one node.
  {
    server: 'Redis',
    pattern: REDIS_MOVED,
    refuses: 'keys whose hash slot another node holds (MOVED): the client is not cluster-aware',
    verb: 'redirects',
    clientSide: MOVED_CLIENT_SIDE,
    why: MOVED_WHY,
    fix: MOVED_FIX,
  },
  // A key that holds another data type than the command expects: a key family whose type a release
  // changed under the same names, while keys the old version wrote remain.
  {
    server: 'Redis',
    pattern: WRONG_TYPE,
    refuses: 'WRONGTYPE',
    verb: 'answers',
    scope: describeWrongType,
    fixOf: fixWrongType,
    fixes: 'the keys these pods keep in',
    clientSide: 'Redis itself is healthy and serves every command on keys of the type it expects: keys written in another type — most often by an earlier release, before one changed how a key family is stored (a hash → a JSON string) under the same key names — remain until they expire or are rewritten, and every call of the new type on one of them fails. Rolling back alone meets the same error the other way round on the keys the new release already rewrote.',
    why: 'Redis keeps one data type per key (string, hash, list, set, sorted set, stream) and answers WRONGTYPE to any command of another type on that key — a GET on a hash, an HGET on a string — so each such call fails while the pods stay Ready.',
    fix: 'give the new data type its own key prefix so keys of the old type are never read as the new, or migrate or delete the keys of the old type (SCAN with TYPE, then UNLINK)',
  },
  // Protected mode with no password, Redis's defaults: it runs without its config file, and its own
  // start line says so; the revision of its workload that moved the file (a mount path) is the since.
  {
    server: 'Redis',
    pattern: REDIS_PROTECTED_MODE,
    refuses: 'connections from other pods: it runs in protected mode with no password',
    explainedBy: REDIS_NO_CONFIG_FILE,
    readPod: describeConfigMounts,
    setInConfig: true,
    why: PROTECTED_MODE_WHY,
    fix: PROTECTED_MODE_FIX,
  },
  {
    server: 'Redis',
    pattern: /MISCONF Redis is configured to save RDB snapshots/i,
    refuses: 'writes: it cannot persist to disk',
    why: 'Its last background save failed (disk full, permissions, fork refused for memory), and with stop-writes-on-bgsave-error it refuses writes until a save succeeds.',
    fix: "fix the Redis side's disk (or memory for fork) so a save succeeds; its own log says why the save failed",
    explainedBy: RDB_SAVE_ERROR,
  },
  // Calls queued in the client behind the server's MAX_CONCURRENT_STREAMS on one HTTP/2 connection (grpc-stream-limit.ts).
  {
    server: 'gRPC',
    pattern: GRPC_DEADLINE,
    verb: 'limits',
    refuses: STREAM_LIMIT_LIMITS,
    settings: STREAM_LIMIT_SETTINGS,
    onlyWhenSet: true,
    address: findGrpcAddress,
    measure: measureConnections,
    clientSide: STREAM_LIMIT_CLIENT_SIDE,
    fixes: 'the connections these pods open to',
    why: STREAM_LIMIT_WHY,
    fix: STREAM_LIMIT_FIX,
  },
  // Connections closed over keepalive pings more frequent than the server permits (grpc-keepalive-pings.ts).
  {
    server: 'gRPC',
    pattern: TOO_MANY_PINGS,
    verb: 'closes',
    refuses: PINGS_REFUSES,
    address: findGrpcAddress,
    clientSide: PINGS_CLIENT_SIDE,
    clientSetting: { pattern: KEEPALIVE_SETTING, fix: fixKeepalive },
    fixes: PINGS_FIXES,
    why: PINGS_WHY,
    fix: PINGS_FIX,
  },
  // Subscribers dropped over their output-buffer limit: the client only says the server closed it and it reconnects (redis-output-buffer.ts).
  {
    server: 'Redis',
    pattern: CONNECTION_CLOSED_BY_SERVER,
    verb: 'closes',
    refuses: OUTPUT_BUFFER_REFUSES,
    settings: OUTPUT_BUFFER_SETTINGS,
    explainedBy: OUTPUT_BUFFER_CLOSED,
    onlyWhenTold: true,
    why: OUTPUT_BUFFER_WHY,
    fix: OUTPUT_BUFFER_FIX,
  },
  // A client IP past ZooKeeper's maxClientCnxns: the client sees its socket closed before any session; the server says why (zookeeper-client-limit.ts).
  {
    server: 'ZooKeeper',
    pattern: CLOSED_AT_CONNECT,
    refuses: CLIENT_LIMIT_REFUSES,
    explainedBy: TOO_MANY_CONNECTIONS_FROM,
    onlyWhenTold: true,
    address: findZooKeeperAddress,
    clientSide: CLIENT_LIMIT_CLIENT_SIDE,
    fixes: 'the ZooKeeper clients these pods open to',
    why: CLIENT_LIMIT_WHY,
    fix: CLIENT_LIMIT_FIX,
  },
  {
    server: 'PostgreSQL',
    pattern: /cannot execute \w+ in a read-only transaction/i,
    refuses: 'writes: the client is connected to a read-only server',
    failover: true,
    why: 'Writes reach a standby (or a primary put in read-only mode): after a failover the client still talks to the old primary, or the address points at the replicas.',
    fix: 'point the client at the current primary (the read-write endpoint) and recycle its connections',
    readOnlyBy: {
      engine: 'PostgreSQL',
      unshown: {
        why: 'Writes reach a server whose transactions are read-only: a standby the address reaches, or a primary whose sessions default to read-only (default_transaction_read_only set on the database, the role or the server, often by a maintenance script that froze writes and never reset it). Nothing read here shows a demotion or which of the two it is.',
        fix: 'ask the server the client connects to: SELECT pg_is_in_recovery() true means a standby (point the client at the current primary, the read-write endpoint); SHOW default_transaction_read_only on means the setting (ALTER DATABASE <db> RESET default_transaction_read_only, or the ROLE/SYSTEM one that set it); then recycle its connections',
      },
    },
    explainedBy: PATRONI_LOCK_FORBIDDEN,
  },
  // Transaction-ID wraparound protection: nothing froze the database's old rows in time.
  {
    server: 'PostgreSQL',
    pattern: WRAPAROUND_REFUSAL,
    refuses: 'writes to avoid transaction-ID wraparound',
    scope: describeWraparoundScope,
    settings: VACUUM_SETTINGS,
    readConfig: readVacuumSettings,
    explainedBy: XID_WARNING,
    why: "The database's oldest unfrozen transaction ID came within a few million of wrapping around, so Postgres refuses every command that needs a new one (every write) until the database is vacuumed; reads and pg_isready keep working, so the pods stay Ready. Vacuum freezes old rows — unless autovacuum is off, a transaction or prepared transaction stays open for days, or a stale replication slot holds the horizon back.",
    fix: 'VACUUM (FREEZE) that whole database (in single-user mode if it asks) and clear what holds its oldest XID back (old prepared transactions, stale replication slots)',
  },
  {
    server: 'MySQL',
    pattern: /running with the --(super-)?read-only option/i,
    refuses: 'writes: the server is read-only',
    failover: true,
    why: 'Writes reach a read-only server: a replica, or a primary demoted by a failover the client has not followed.',
    fix: 'point the client at the current writer endpoint and recycle its connections',
    readOnlyBy: {
      engine: 'MySQL',
      unshown: {
        why: 'Writes reach a read-only server: a replica the address reaches, or the writer with read_only / super_read_only turned on (a maintenance script that froze writes and never turned them off). Nothing read here shows a demotion or which of the two it is.',
        fix: 'ask the server the client connects to: SHOW REPLICA STATUS naming a source means a replica (point the client at the current writer endpoint); SELECT @@global.read_only, @@global.super_read_only on means the setting (SET GLOBAL read_only = OFF); then recycle its connections',
      },
    },
  },
  // The client's driver refuses to send a statement larger than the server's max_allowed_packet
  // (Connector/J PacketTooBigException), or the server drops it (ER_NET_PACKET_TOO_LARGE, 1153).
  {
    server: 'MySQL',
    pattern: /PacketTooBigException|Packet for query is too large|Got a packet bigger than 'max_allowed_packet'|ER_NET_PACKET_TOO_LARGE/i,
    refuses: 'statements larger than its max_allowed_packet',
    settings: ['max_allowed_packet', 'max-allowed-packet'],
    raises: 'max_allowed_packet',
    why: 'Each statement the client sends (a multi-row INSERT when batches are rewritten, a row with a large column) must fit in the server\'s max_allowed_packet; larger ones are rejected whole, so those writes fail while the pods stay Ready and the server stays healthy. A change that made the statements bigger (larger batches, bigger rows) crosses a limit that was fine before.',
    fix: raisePacketLimit('on the MySQL server'),
    fixAt: raisePacketLimit,
  },
  {
    server: 'MongoDB',
    pattern: /NotWritablePrimary|not master and slaveOk=false|\bnot primary\b/i,
    refuses: 'writes: the client reaches a secondary',
    failover: true,
    decisive: true,
    why: 'Writes reach a member that is not the primary: an election moved it, or the connection string bypasses replica-set discovery.',
    fix: 'use the replica-set connection string so the driver follows the primary',
  },
  // The user authenticated but its roles no longer grant the commands (a role narrowed readWrite → read) (db-authorization.ts).
  {
    server: 'MongoDB',
    pattern: MONGO_UNAUTHORIZED,
    // Denied for the user's rights, not refused for the server's state: its calls failed, the server is up.
    verb: 'denies',
    refuses: "commands its user's roles do not grant: not authorized (code 13 Unauthorized)",
    scope: describeMongoRefused,
    fixOf: fixMongoRole,
    lostAt: true,
    outlastsRollback: ROLE_OUTLASTS,
    why: MONGO_ROLE_WHY,
    fix: MONGO_ROLE_FIX,
  },
  {
    server: 'MySQL',
    pattern: MYSQL_COMMAND_DENIED,
    // Denied for the user's rights, not refused for the server's state: its calls failed, the server is up.
    verb: 'denies',
    refuses: "statements its user's grants do not cover: command denied (1142, no privilege)",
    scope: describeMysqlRefused,
    fixOf: fixMysqlGrant,
    lostAt: true,
    outlastsRollback: ROLE_OUTLASTS,
    why: MYSQL_GRANT_WHY,
    fix: MYSQL_GRANT_FIX,
  },
  // A sort no index serves, done in memory past MongoDB's blocking-sort limit: every call of that query fails.
  {
    server: 'MongoDB',
    pattern: SORT_MEMORY_LIMIT,
    refuses: 'sorts no index serves, past its in-memory sort limit',
    scope: describeSortMemoryLimit,
    fixOf: fixSortMemoryLimit,
    clientSide: 'MongoDB itself is healthy and serves every other query: the query these pods send sorts more documents than fit in that limit, most often one a release added (a new endpoint or sort order) or a collection that grew past it.',
    why: 'MongoDB sorts in memory (a blocking sort) when no index serves the query\'s sort order, and refuses a sort that needs more than its limit (100 MB since 4.4, internalQueryMaxBlockingSortMemoryUsageBytes; 32 MB before) unless the query opts in to allowDiskUse: every call of that query fails (code 292, QueryExceededMemoryLimitNoDiskUseAllowed) while the other queries, the pods and their probes stay fine. The pods\' memory has nothing to do with it.',
    fix: 'create an index that serves the query\'s sort (equality filter fields first, then the sorted fields, then range filters), or pass allowDiskUse meanwhile',
  },
  {
    server: 'Elasticsearch',
    pattern: ES_DISK_BLOCK,
    fillsDisk: true,
    refuses: 'writes: its indices are read-only',
    why: 'A data node crossed the flood-stage disk watermark, so Elasticsearch marked the indices read-only (index.blocks.read_only_allow_delete).',
    fix: 'free disk on the Elasticsearch data nodes (or add some); recent versions lift the block by themselves once below the high watermark',
    explainedBy: FLOOD_STAGE,
  },
  // The cluster's open-shard cap (cluster.max_shards_per_node × data nodes): a new index is refused
  // whole, so a client that writes to a daily or rollover index fails every write from its first.
  {
    server: 'Elasticsearch',
    pattern: SHARD_LIMIT,
    refuses: 'new indices: it is at its open-shard limit',
    scope: describeShardLimit,
    why: 'Elasticsearch (and OpenSearch) cap the shards open in the cluster at cluster.max_shards_per_node (1000 by default) times its data nodes, and refuse with validation_exception to create any index that would pass the cap: every existing index keeps answering and the cluster stays green, but each write to the new index (a daily or rollover index) fails from the moment it is due, so whatever the client buffers meanwhile fills and it reports unready. Old indices that nothing deletes any more (an ILM policy or a curator job that stopped) are what fills the cap.',
    fix: 'delete or close old indices (and restore the ILM policy or curator job that deletes them), or raise cluster.max_shards_per_node temporarily (PUT _cluster/settings); the client then creates its index and drains what it buffered',
  },
  // A mapping explosion: documents with dynamic keys add fields until the index's mapping is full.
  {
    server: 'Elasticsearch',
    pattern: TOTAL_FIELDS_LIMIT,
    refuses: 'documents that add new fields',
    scope: describeFieldLimit,
    fills: MAPPING_FILLS,
    byClient: true,
    why: "With a dynamic mapping every new key of a document becomes a field of its index's mapping; Elasticsearch caps them at index.mapping.total_fields.limit (1000 by default) and refuses with illegal_argument_exception (400) every document that would add more, while the other documents of a bulk are indexed, the cluster stays green and the pods Ready. An object indexed with dynamic keys (request parameters, headers, labels, user-supplied maps) adds fields with every new key until the mapping is full — a mapping explosion.",
    fix: 'stop indexing dynamic keys as fields: map the object that carries them as flattened (or dynamic: false) in the index template, then roll over to a new index and replay what was refused; raising index.mapping.total_fields.limit only postpones it',
  },
  // The data nodes' write thread pool queue full: back-pressure from the writers' concurrent bulks (es-write-rejection.ts).
  {
    server: 'Elasticsearch',
    pattern: ES_WRITE_REJECTED,
    refuses: 'bulk writes: its write thread pool queue is full (es_rejected_execution_exception, 429)',
    measure: describeWritePools,
    byClient: true,
    scalesWithReplicas: true,
    outlastsRollback: 'the cluster rejects the bulks of all its writers together, whatever revision sends them: there are too many of them at once, the code is the same',
    why: 'Each Elasticsearch data node indexes bulk shard requests on its write thread pool — as many threads as it has processors, with a bounded queue (10000 by default) in front — and rejects what comes once that queue is full: es_rejected_execution_exception, HTTP 429 for each item, while the cluster stays green and answers everything else. It is back-pressure from the cluster, not an outside rate limit: the writers send more concurrent bulks (more replicas, more bulk workers, bigger bulks) than its data nodes index, and their retries add to the queue.',
    fix: 'lower the concurrent bulk load the writers send (fewer replicas or bulk workers, smaller bulks, retries with backoff) and replay what they gave up on; add data nodes or CPU if the load is real — a bigger queue only hides it, and a rollback changes nothing',
  },
  // etcd past its backend quota: the NOSPACE alarm refuses every write cluster-wide until it is
  // disarmed; the quota and whether it compacts are read from one of its pods (etcd-nospace.ts).
  {
    server: 'etcd',
    pattern: ETCD_NOSPACE,
    refuses: 'writes: its database reached its space quota',
    settings: ['quota-backend-bytes', 'auto-compaction-retention'],
    readSettings: readEtcdSettings,
    why: 'etcd\'s backend database reached its space quota (--quota-backend-bytes, 2 GiB by default), so etcd raised the cluster-wide NOSPACE alarm and refuses every write (put, txn, lease grant) with "mvcc: database space exceeded", while reads and its own health checks still answer — every pod stays Ready. The database keeps every revision of every key until it is compacted: without auto-compaction, keys rewritten often (heartbeats, sessions, leases) fill it whatever the size of the live data. The limit is etcd\'s own quota, not the free space of its volume.',
    fix: 'compact to the current revision (etcdctl compact <rev>), defragment each member one at a time (etcdctl defrag) so the file shrinks, then etcdctl alarm disarm; then enable auto-compaction (--auto-compaction-retention) and size --quota-backend-bytes for the data kept',
    explainedBy: ETCD_NOSPACE_ALARM,
  },
  // An id sequence at the largest value of its type (a serial's int4): every insert into its table fails.
  {
    server: 'PostgreSQL',
    pattern: PG_SEQUENCE_LIMIT,
    refuses: 'new rows',
    scope: describePgSequenceLimit,
    fixOf: fixPgSequenceLimit,
    why: 'A sequence stops at its MAXVALUE, and the one of a serial (int4) column stops at 2147483647: once the table has drawn that many ids, nextval() fails, so every INSERT into that table fails while reads, other tables and the server\'s health checks keep working — the pods stay Ready. Nothing changed: the table grew into its type\'s limit, so a rollback or a restart changes nothing.',
    fix: 'migrate the sequence and the column it feeds to bigint (ALTER SEQUENCE … AS bigint; ALTER TABLE … ALTER COLUMN … TYPE bigint)',
  },
  // MySQL's AUTO_INCREMENT past its column's type: the next insert reuses the maximum and collides.
  {
    server: 'MySQL',
    pattern: MYSQL_AUTO_INCREMENT_LIMIT,
    refuses: 'new rows',
    scope: describeMysqlAutoIncrementLimit,
    fixOf: (lines) => fixMysqlAutoIncrementLimit(lines),
    why: 'An AUTO_INCREMENT counter cannot go past the largest value of its column\'s type (2147483647 for INT): the next insert gets the maximum again and collides with the row that holds it (Duplicate entry for PRIMARY), or fails to read the value (error 1467). Every INSERT into that table fails while reads and the server\'s health checks keep working. Nothing changed: the table grew into its type\'s limit, so a rollback or a restart changes nothing.',
    fix: 'migrate the auto-increment id column to BIGINT (ALTER TABLE … MODIFY … BIGINT NOT NULL AUTO_INCREMENT)',
  },
  // AMQP connection.blocked: the broker stops reading from every publishing connection while a
  // resource alarm is set; clients log it with the broker's reason ("low on memory").
  {
    server: 'RabbitMQ',
    pattern: /\bblocked\b[^\n]*\blow on memory\b|\blow on memory\b[^\n]*\bblocked\b/i,
    clearedBy: /\bunblocked\b/i,
    refuses: 'publishes: its memory alarm is set (connection blocked: low on memory)',
    why: 'RabbitMQ crossed its memory high watermark and raised its memory alarm: it blocks every publishing connection until memory drops below the watermark, so each publish waits and times out while consumers and readiness checks still work. Messages piling up in a queue nobody consumes (a consumer scaled down or stuck) is the usual reason.',
    fix: 'bring memory below the watermark on the broker: get the backlog consumed (scale its consumers back up) or purge/move it, then look at the watermark against the pod\'s memory',
  },
  {
    server: 'RabbitMQ',
    pattern: /\bblocked\b[^\n]*\blow on disk\b|\blow on disk\b[^\n]*\bblocked\b/i,
    clearedBy: /\bunblocked\b/i,
    refuses: 'publishes: its disk alarm is set (connection blocked: low on disk space)',
    // Set in rabbitmq.conf (a mounted ConfigMap) far more often than on a command line.
    settings: ['disk_free_limit.absolute', 'disk_free_limit.relative'],
    why: 'RabbitMQ\'s free disk fell below its disk_free_limit and it raised its disk alarm: it blocks every publishing connection until disk is freed, so each publish waits and times out while the pods stay Ready.',
    fix: 'free disk on the broker (consume or purge the backlog that fills it, or grow its volume)',
  },
  // Publisher confirms answered with a nack while no alarm blocks the connection: a queue at its
  // length limit with x-overflow reject-publish; its limits are read from the broker's definitions.
  {
    server: 'RabbitMQ',
    pattern: PUBLISH_NACKED,
    refuses: 'publishes: it nacks them',
    settings: QUEUE_LIMIT_SETTINGS,
    readConfig: readQueueLimits,
    outlastsRollback: 'the broker nacks because the queue is full, and it stays full whatever revision publishes to it: its consumers drain it slower than messages arrive',
    why: 'RabbitMQ answers a confirmed publish with a nack, while it is up and raises no memory or disk alarm, when the queue the message routes to is at its length limit (x-max-length or x-max-length-bytes, as a queue argument or a policy\'s max-length) and its overflow behaviour is reject-publish: every new message is refused until the queue drains. The queue is full because its consumers fall behind — too few of them, or each message takes longer (a slow downstream they call) — not because of the publisher; a quorum queue that lost its majority nacks too.',
    fix: 'get the queue\'s consumers to keep up — scale them out or raise their concurrency, and fix what slows each message — so the queue drains below its limit; raise its max-length (a policy) only as a stopgap, and keep the events the publisher could not publish (an outbox) instead of dropping them. Check with rabbitmqctl list_queues name messages consumers arguments',
  },
  // memcached with its item memory (-m) full: a set finds no free chunk of its size class and
  // nothing it may evict there. Clients log the lost set at WARN and read through to the backend.
  {
    server: 'memcached',
    pattern: MEMCACHED_OUT_OF_MEMORY,
    refuses: 'to store items: out of memory',
    settings: ['memory-limit', 'max-item-size'],
    readSettings: readMemcachedSettings,
    measure: describeItemSizes,
    fills: CACHE_FILLS,
    why: "memcached keeps items only in the memory -m gives it (64 MB by default), handed out in 1 MB slab pages that each serve one item-size class; a set that finds no free chunk of its size and nothing of that class it may evict (the pages went to other classes, or -M forbids eviction) is answered SERVER_ERROR out of memory storing object. Large items fill a small cache with a few hundred of them. The write is lost and the client carries on without the cache: reads miss and fall through to what the cache protects (the database), while memcached stays Running and Ready.",
    fix: "raise memcached's -m (and its container's memory limit to match), or cache smaller objects (split or compress them)",
  },
  // An item over memcached's max item size (-I, 1 MB by default) is refused whatever memory is free.
  {
    server: 'memcached',
    pattern: MEMCACHED_TOO_LARGE,
    refuses: 'items larger than its max item size',
    settings: ['memory-limit', 'max-item-size'],
    readSettings: readMemcachedSettings,
    measure: describeItemSizes,
    // The items outgrew a limit that did not move: a revision of the clients that made them bigger is the trigger.
    clientSide: 'memcached itself is healthy and stores every smaller item: the items these pods write outgrew its max item size, most often after a release that put more into each cached entry, so the cache now misses on every one of them and what it protects takes every such read.',
    fixes: 'the items these pods store in',
    why: 'memcached refuses to store any item larger than its max item size (-I, 1 MB by default) with SERVER_ERROR object too large for cache: those items are never cached, so every read of them misses and falls through to the backend, while memcached stays Running and Ready.',
    fix: "cache smaller objects (split or compress them), or raise memcached's -I (with -m and its container's memory limit, since large items take whole slab pages)",
  },
  // One INSERT block spanning more partitions of its table than max_partitions_per_insert_block: the table's PARTITION BY key is too fine.
  {
    server: 'ClickHouse',
    pattern: CLICKHOUSE_TOO_MANY_PARTITIONS,
    refuses: 'inserts: too many partitions for a single INSERT block (max_partitions_per_insert_block, code 252)',
    scope: describePartitionedTable,
    clientConfig: describePartitionKey,
    fixes: 'the table these pods write to in',
    clientSide: "ClickHouse itself is healthy and takes every block that spans few partitions: the table these pods insert into is partitioned by a key with many distinct values in each batch, so every batch fails the same way and retrying it never succeeds; a release that moved the writes to such a table, or changed its PARTITION BY, is the trigger.",
    why: "ClickHouse splits every INSERT block by the table's PARTITION BY key and writes one part per partition it touches; past max_partitions_per_insert_block (100 by default) distinct partitions in one block it refuses the whole INSERT with code 252 (\"Too many partitions for single INSERT block\"). A key with many distinct values per batch — an id, a raw timestamp — makes every batch span hundreds or thousands of partitions.",
    fix: 'partition the table by a coarse key (toYYYYMM(date) or toDate(ts)) and put the fine column in ORDER BY instead, or batch by partition so each INSERT spans few; raising max_partitions_per_insert_block only creates the many tiny parts it guards against',
  },
  // A MergeTree table past parts_to_throw_insert: each insert writes a new part, and merges fell behind.
  {
    server: 'ClickHouse',
    pattern: CLICKHOUSE_TOO_MANY_PARTS,
    refuses: 'inserts: too many parts (TOO_MANY_PARTS, code 252)',
    scope: describePartsTable,
    measure: describeParts,
    byClient: true,
    why: "ClickHouse writes every INSERT into a MergeTree table as a new part and merges parts in the background. When inserts come faster than merges can fold them — many small inserts: small batches, short flush intervals, many writers, one insert per row — the active parts of a partition pass parts_to_delay_insert (inserts slowed) and then parts_to_throw_insert (300 by default), and ClickHouse refuses every insert into that table with TOO_MANY_PARTS (code 252), while queries, /ping and its readiness still answer. Parts of a few KiB each say the inserts are far too small; the writer's retries add more of them.",
    fix: 'insert fewer, larger blocks (larger batches flushed every few seconds, or async_insert) so merges catch up; raising parts_to_throw_insert only postpones it',
  },
  // The server's own memory cap (max_server_memory_usage), not one query's max_memory_usage.
  {
    server: 'ClickHouse',
    pattern: CLICKHOUSE_MEMORY_TOTAL,
    refuses: 'queries: it is at its total memory limit (MEMORY_LIMIT_EXCEEDED)',
    measure: describeMemoryCap,
    why: 'ClickHouse tracks the memory of all its queries, merges and caches against max_server_memory_usage (by default 90% of what its container may use), and past it fails the queries that ask for more, whatever each one\'s own limit: inserts and selects fail while /ping and readiness still answer. Heavy concurrent queries (large GROUP BY or JOIN), big merges or a cap set below the container\'s memory bring it there.',
    fix: 'find the queries that hold the memory (system.processes, system.query_log by memory_usage) and bound them (max_memory_usage, external GROUP BY and sort), or give ClickHouse more memory with max_server_memory_usage to match',
  },
  {
    server: 'ClickHouse',
    pattern: CLICKHOUSE_TOO_MANY_QUERIES,
    refuses: 'queries: too many simultaneous queries (TOO_MANY_SIMULTANEOUS_QUERIES, code 202)',
    why: 'ClickHouse runs at most max_concurrent_queries (100 by default, with per-kind and per-user limits beside it) at once and refuses any query past it: slow queries that pile up, or clients that open more concurrent queries than before (a larger pool, retries without backoff), fill it while /ping still answers.',
    fix: 'find what holds the query slots (system.processes: slow or stuck queries) and bound the clients\' concurrency (their pool size, retries with backoff); raise max_concurrent_queries only if the server has the capacity',
  },
  // Postgres's shared lock table full (out of shared memory, 53200): queries that lock every partition of a partitioned table.
  {
    server: 'PostgreSQL',
    pattern: PG_LOCK_TABLE_FULL,
    refuses: 'queries: its shared lock table is full (out of shared memory, SQLSTATE 53200)',
    settings: LOCK_TABLE_SETTINGS,
    raises: 'max_locks_per_transaction',
    fixAt: raiseLockTable,
    readConfig: readLockTableSize,
    explainedBy: PARTITIONS_NAMED,
    outlastsRollback: 'a rollback would not un-partition the tables a migration split',
    why: 'Postgres keeps every lock a transaction holds on a table, partition or index in one shared lock table of max_locks_per_transaction × max_connections entries. A query on a partitioned table that cannot prune partitions (no condition on the partition key) locks every partition and each of their indexes — thousands of locks once a table is split into daily partitions — so a few such queries at once fill the table, and they and any other query that needs a lock fail with "out of shared memory" and the hint to raise max_locks_per_transaction.',
    fix: raiseLockTable('on the server'),
  },
  // MySQL's row locks outgrow the part of the InnoDB buffer pool they may take (ERROR 1206): a pool cut, or more rows per transaction (mysql-lock-table.ts).
  {
    server: 'MySQL',
    pattern: MYSQL_LOCK_TABLE_FULL,
    verb: 'aborts',
    refuses: 'transactions whose row locks outgrow its InnoDB buffer pool (ERROR 1206, lock table size)',
    settings: BUFFER_POOL_SETTINGS,
    raises: 'innodb_buffer_pool_size',
    fixAt: fixBufferPool,
    readConfig: readBufferPool,
    onlyWhenSet: true,
    setInConfig: true,
    explainedBy: LOCK_HEAPS_FILL_POOL,
    outlastsRollback: LOCK_TABLE_OUTLASTS,
    why: LOCK_TABLE_WHY,
    fix: fixBufferPool('on the server'),
  },
  // Redis at its maxclients: every client's replicas × pool size together pass it (redis-max-clients.ts).
  {
    server: 'Redis',
    pattern: REDIS_MAX_CLIENTS,
    refuses: MAX_CLIENTS_REFUSES,
    settings: MAX_CLIENTS_SETTINGS,
    raises: 'maxclients',
    fixAt: fixMaxClients,
    readConfig: readMaxClients,
    scalesWithReplicas: true,
    clientSide: MAX_CLIENTS_CLIENT_SIDE,
    fixes: 'the connections these pods open to',
    quoteOf: quoteMaxClients,
    clientSetting: { pattern: REDIS_POOL_VARIABLE, fix: (setting) => fixPoolSize(setting) },
    clientShare: fixPoolSize,
    why: MAX_CLIENTS_WHY,
    fix: fixMaxClients('on the server'),
  },
  // Reads aborted past tombstone_failure_threshold: deletes (a table used as a queue) left more tombstones than rows (cassandra-tombstones.ts).
  // The driver may say only that the read failed at its consistency level: then the replicas' own log must say tombstones.
  {
    server: 'Cassandra',
    pattern: TOMBSTONE_OR_READ_FAILED,
    causeSaid: TOMBSTONE_ABORT,
    refuses: 'reads that scan past its tombstone_failure_threshold',
    measure: describeReplicaReason,
    explainedBy: TOMBSTONES_SCANNED,
    builtSince: (ev, pods, first) => describeDeletesSince(ev.revisions, pods, first, ev.collectedAt),
    byClient: true,
    outlastsRollback: 'the tombstones stay in the table whatever revision reads it, until compaction may purge them after its gc_grace_seconds',
    why: 'Cassandra does not remove a deleted row at once: a DELETE (or an expired TTL) writes a tombstone, which compaction may purge only after the table\'s gc_grace_seconds (864000, 10 days, by default). A read scans every tombstone between the live rows it returns, so a table used as a queue — rows read oldest first, each deleted once handled — piles them up at the head of its partitions and each poll scans more of them. Past tombstone_warn_threshold (1000) a replica logs a warning; past tombstone_failure_threshold (100000) it aborts the read (TombstoneOverwhelmingException) and the driver fails it with ReadFailureException (READ_TOO_MANY_TOMBSTONES), while the cluster stays up and other queries answer.',
    fix: 'change how the table is used: lower its gc_grace_seconds (with repairs run within it) and compact it so the tombstones are purged, or remodel the queue (time-bucketed partitions, reads from a cursor past the handled rows, a TTL with TimeWindowCompactionStrategy instead of deletes); raising tombstone_failure_threshold only buys time',
  },
  // Postgres's dynamic shared memory (parallel query) in a /dev/shm too small for it: 53100 is not the data disk.
  {
    server: 'PostgreSQL',
    pattern: PG_SHM_FULL,
    refuses: 'parallel queries: its /dev/shm is full (SQLSTATE 53100)',
    settings: PARALLEL_SETTINGS,
    readPod: readShmMount,
    raises: 'max_parallel_workers_per_gather',
    fixAt: fixShm,
    explainedBy: PARALLELISM_CHANGED,
    outlastsRollback: 'a rollback of the client would not shrink what the server\'s parallel plans put in /dev/shm',
    why: 'With dynamic_shared_memory_type = posix, Postgres puts every segment a parallel query shares between its workers (hash tables, sort runs) in /dev/shm. In a container that is the runtime\'s own tmpfs, 64 MB unless the pod mounts an emptyDir with medium: Memory at /dev/shm, so once the planner picks parallel plans (max_parallel_workers_per_gather above 0, or a bigger query) their segments do not fit and the query fails with "could not resize shared memory segment … No space left on device" (SQLSTATE 53100, reported as disk_full). It is shared memory, not the data volume, and the server stays Ready.',
    fix: fixShm('on the server'),
  },
  // A script that runs past its time limit blocks Redis for every client (redis-busy-script.ts); what runs it is the trigger.
  {
    server: 'Redis',
    pattern: REDIS_BUSY_SCRIPT,
    refuses: 'every command: a long-running Lua script blocks it (BUSY)',
    explainedBy: SLOW_SCRIPT,
    ranBy: { what: 'BUSY', fix: fixBusyScript, bearing: BUSY_SCRIPT_BEARING },
    quoteOf: quoteBusy,
    outlastsRollback: BUSY_SCRIPT_OUTLASTS,
    why: BUSY_SCRIPT_WHY,
    fix: BUSY_SCRIPT_FIX,
  },
  // One query past its own memory cap (max_memory_usage of the user's profile), not the server's total (clickhouse-query-memory.ts).
  {
    server: 'ClickHouse',
    pattern: CLICKHOUSE_MEMORY_QUERY,
    refuses: 'queries over its per-query memory limit',
    measure: describeMemoryCap,
    quoteOf: quoteClickHouse,
    settings: [QUERY_MEMORY_SETTING],
    raises: QUERY_MEMORY_SETTING,
    fixAt: fixQueryMemory,
    explainedBy: USERS_CONFIG_RELOADED,
    why: "ClickHouse caps the memory of each query at max_memory_usage of the user's settings profile and fails a query that would use more with MEMORY_LIMIT_EXCEEDED (code 241, \"for query\"), whatever memory the server has left: heavy GROUP BY, JOIN or ORDER BY queries fail while light ones, /ping and readiness still answer. ClickHouse reloads its users' profiles without a restart, so a lowered limit takes effect seconds after the file (or the ConfigMap that mounts it) changes.",
    fix: fixQueryMemory("in the users' settings profile"),
  },
  // Neo4j at a transaction memory limit it names (the global pool, or one transaction's cap): set in its neo4j.conf.
  {
    server: 'Neo4j',
    pattern: NEO4J_MEMORY_POOL,
    refuses: 'transactions past its transaction memory limit',
    settings: NEO4J_MEMORY_SETTINGS,
    readSettings: readNeo4jMemorySettings,
    raises: NEO4J_MEMORY_SETTINGS[0] ?? '',
    namedSetting: NEO4J_NAMED_LIMIT,
    fixAt: fixNeo4jMemoryLimit,
    quoteOf: quoteNeo4j,
    setInConfig: true,
    why: NEO4J_MEMORY_POOL_WHY,
    fix: NEO4J_MEMORY_POOL_FIX,
  },
  // A batch over batch_size_fail_threshold: the client's batches grew (cassandra-batch-size.ts).
  {
    server: 'Cassandra',
    pattern: CASSANDRA_BATCH_TOO_LARGE,
    refuses: 'batches over its batch_size_fail_threshold',
    explainedBy: BATCH_OVER_FAIL_THRESHOLD,
    clientSide: BATCH_TOO_LARGE_CLIENT_SIDE,
    fixes: 'the batches these pods send to',
    clientSetting: { pattern: BATCH_SIZE_SETTING, fix: (setting) => `lower ${setting} until each batch fits under the threshold, then restart the pods so they read it` },
    why: BATCH_TOO_LARGE_WHY,
    fix: BATCH_TOO_LARGE_FIX,
  },
  // Two-phase commit (XA) against a Postgres whose max_prepared_transactions is 0 (pg-prepared-transactions.ts).
  // A type only an extension provides (pgvector's vector), missing from a database restored or re-created without it.
  {
    server: 'PostgreSQL',
    pattern: PG_EXTENSION_TYPE_MISSING,
    refuses: 'queries on a type only an extension provides',
    lostAt: true,
    scope: describeExtensionType,
    fixOf: fixExtensionType,
    why: EXTENSION_TYPE_WHY,
    fix: EXTENSION_TYPE_FIX,
    outlastsRollback: EXTENSION_TYPE_OUTLASTS,
  },
  {
    server: 'PostgreSQL',
    pattern: PG_PREPARED_TRANSACTIONS_DISABLED,
    refuses: 'PREPARE TRANSACTION: prepared transactions are disabled (max_prepared_transactions = 0), so every XA (two-phase) commit rolls back',
    settings: [PREPARED_TRANSACTIONS_SETTING],
    raises: PREPARED_TRANSACTIONS_SETTING,
    fixAt: enablePreparedTransactions,
    why: PREPARED_TRANSACTIONS_WHY,
    fix: enablePreparedTransactions('on the server'),
  },
  // A document at MongoDB's 16 MB limit: the writes that grow it are refused for good (mongo-document-size.ts).
  {
    server: 'MongoDB',
    pattern: MONGO_DOCUMENT_TOO_LARGE,
    refuses: 'writes that would grow a document past its 16 MB BSON document limit (16777216 bytes)',
    scope: describePushedArray,
    clientSide: DOCUMENT_SIZE_CLIENT_SIDE,
    fixes: 'the documents these pods grow in',
    outlastsRollback: DOCUMENT_SIZE_OUTLASTS,
    why: DOCUMENT_SIZE_WHY,
    fix: DOCUMENT_SIZE_FIX,
  },
  // Unique indexes on text out of order since the server's glibc changed under its data (pg-collation-mismatch.ts).
  {
    server: 'PostgreSQL',
    pattern: PG_UNIQUE_VIOLATION,
    refuses: 'inserts: duplicate keys its text indexes failed to find',
    explainedBy: COLLATION_MISMATCH,
    readPod: readServerImage,
    onlyWhenTold: true,
    lostAt: true,
    outlastsRollback: COLLATION_OUTLASTS,
    why: COLLATION_WHY,
    fix: COLLATION_FIX,
  },
  // Statements prepared before a migration changed their table's columns (pg-cached-plan.ts).
  {
    server: 'PostgreSQL',
    pattern: PG_CACHED_PLAN,
    refuses: 'statements prepared before their table changed: cached plan must not change result type (SQLSTATE 0A000)',
    lostAt: true,
    migratedBy: true,
    clientSide: CACHED_PLAN_CLIENT_SIDE,
    fixes: 'the pooled connections these pods hold to',
    outlastsRollback: CACHED_PLAN_OUTLASTS,
    why: CACHED_PLAN_WHY,
    fix: CACHED_PLAN_FIX,
  },
  // Statements planned against a table a Job dropped (or swapped in by DROP + RENAME) under them (pg-dropped-relation.ts).
  {
    server: 'PostgreSQL',
    pattern: PG_DROPPED_RELATION,
    refuses: 'statements planned against a table since dropped under them: could not open relation with OID',
    scope: describeDroppedOid,
    lostAt: true,
    migratedBy: DROPPED_RELATION_DDL,
    clientSide: DROPPED_RELATION_CLIENT_SIDE,
    fixes: 'the pooled connections these pods hold to',
    outlastsRollback: DROPPED_RELATION_OUTLASTS,
    why: DROPPED_RELATION_WHY,
    fix: DROPPED_RELATION_FIX,
  },
  // Zero dates under a strict sql_mode, most often since an upgrade to 8.0 (mysql-zero-date.ts).
  {
    server: 'MySQL',
    pattern: MYSQL_ZERO_DATE,
    refuses: "writes of zero dates ('0000-00-00', error 1292): its sql_mode is strict (NO_ZERO_DATE)",
    settings: ['sql_mode', 'sql-mode'],
    readSettings: readMysqlVersion,
    explainedBy: MYSQL_UPGRADED,
    lostAt: true,
    outlastsRollback: ZERO_DATE_OUTLASTS,
    why: ZERO_DATE_WHY,
    fix: ZERO_DATE_FIX,
  },
  // GROUP BY queries under ONLY_FULL_GROUP_BY, most often since an upgrade to 8.0 dropped a sql_mode override (mysql-group-by.ts).
  {
    server: 'MySQL',
    pattern: MYSQL_ONLY_FULL_GROUP_BY,
    refuses: 'GROUP BY queries that select columns they neither group nor aggregate (error 1055): its sql_mode includes ONLY_FULL_GROUP_BY',
    settings: ['sql_mode', 'sql-mode'],
    readSettings: readGroupByDefault,
    explainedBy: MYSQL_UPGRADED,
    setInConfig: true,
    lostAt: true,
    outlastsRollback: GROUP_BY_OUTLASTS,
    why: GROUP_BY_WHY,
    fix: GROUP_BY_FIX,
  },
  // An extension whose library the server no longer preloads, since a restart with a config that dropped it (pg-preload-library.ts).
  {
    server: 'PostgreSQL',
    pattern: PG_NOT_PRELOADED,
    refuses: 'calls of an extension it did not preload',
    scope: describeNotPreloaded,
    settings: ['shared_preload_libraries'],
    readPod: readServerImage,
    fixOf: fixNotPreloaded,
    setInConfig: true,
    lostAt: true,
    outlastsRollback: NOT_PRELOADED_OUTLASTS,
    why: NOT_PRELOADED_WHY,
    fix: NOT_PRELOADED_FIX,
  },
  // A stream's consumer group gone with the data of a Redis that restarted without persistence (redis-lost-group.ts).
  {
    server: 'Redis',
    pattern: REDIS_NOGROUP,
    refuses: 'XREADGROUP: the stream or its consumer group no longer exists (NOGROUP)',
    settings: ['save', 'appendonly'],
    readSettings: readRedisPersistence,
    fixOf: fixLostGroup,
    lostAt: true,
    clientSide: LOST_GROUP_CLIENT_SIDE,
    fixes: 'the consumer group these pods read through on',
    outlastsRollback: LOST_GROUP_OUTLASTS,
    why: LOST_GROUP_WHY,
    fix: LOST_GROUP_FIX,
  },
  // A server process killed (signal 9: OOM) or crashed: the postmaster resets every connection and recovers (pg-backend-crash.ts).
  {
    server: 'PostgreSQL',
    pattern: PG_CRASH_RESET,
    refuses: 'connections while it recovers from a server process that died (SQLSTATE 57P02/57P03)',
    explainedBy: BACKEND_KILLED,
    ranBy: { what: 'reset', fix: fixBackendCrash },
    lostAt: true,
    outlastsRollback: BACKEND_CRASH_OUTLASTS,
    why: BACKEND_CRASH_WHY,
    fix: BACKEND_CRASH_FIX,
  },
  // A read replica whose SQL thread stopped (a duplicate key written on it): its clients see only a growing lag (mysql-replica-stopped.ts).
  {
    server: 'MySQL',
    pattern: REPLICA_BEHIND,
    verb: 'serves',
    refuses: 'stale reads: the clients report its replication lag growing',
    address: findReplicaAddress,
    explainedBy: REPLICA_SQL_STOPPED,
    ranBy: { what: 'lag warning', fix: fixReplicaStopped },
    outlastsRollback: REPLICA_STOPPED_OUTLASTS,
    why: REPLICA_STOPPED_WHY,
    fix: REPLICA_STOPPED_FIX,
  },
  // A SQL proxy with no server it can reach in the hostgroup the writes go to (a failover it did not follow): every write times out at it (proxysql-hostgroup.ts).
  {
    server: 'ProxySQL',
    pattern: PROXYSQL_HOSTGROUP_TIMEOUT,
    refuses: 'queries',
    scope: scopeHostgroup,
    address: findProxyAddress,
    explainedBy: PROXYSQL_HOSTGROUP_STATUS,
    outlastsRollback: PROXYSQL_HOSTGROUP_OUTLASTS,
    why: PROXYSQL_HOSTGROUP_WHY,
    fix: PROXYSQL_HOSTGROUP_FIX,
  },
  // A statement time limit the server sets for every session (a global max_execution_time in its my.cnf): long queries abort on every run (server-statement-timeout.ts).
  {
    server: 'MySQL',
    pattern: MYSQL_STATEMENT_TIMEOUT,
    verb: 'aborts',
    refuses: 'queries that run past its global statement time limit (max_execution_time, error 3024)',
    settings: MYSQL_TIMEOUT_SETTINGS,
    readConfig: readMysqlTimeout,
    onlyWhenSet: true,
    overriddenBy: setsOwnTimeout,
    raises: 'max_execution_time',
    fixAt: fixMysqlTimeout,
    setInConfig: true,
    lostAt: true,
    outlastsRollback: TIMEOUT_OUTLASTS,
    why: MYSQL_TIMEOUT_WHY,
    fix: fixMysqlTimeout("in the server's my.cnf"),
  },
  // The same limit of Postgres (statement_timeout in its postgresql.conf or on its command line).
  {
    server: 'PostgreSQL',
    pattern: PG_STATEMENT_TIMEOUT,
    verb: 'cancels',
    refuses: 'statements that run past its global statement time limit (statement_timeout, SQLSTATE 57014)',
    settings: PG_TIMEOUT_SETTINGS,
    readConfig: readPgTimeout,
    onlyWhenSet: true,
    overriddenBy: setsOwnTimeout,
    raises: 'statement_timeout',
    fixAt: fixPgTimeout,
    setInConfig: true,
    lostAt: true,
    outlastsRollback: TIMEOUT_OUTLASTS,
    why: PG_TIMEOUT_WHY,
    fix: fixPgTimeout("in the server's postgresql.conf"),
  },
  // MongoDB at its maxConns: the drivers see only closed connections; mongod says why (mongo-max-conns.ts).
  {
    server: 'MongoDB',
    pattern: MONGO_CONNECTION_LOST,
    refuses: MONGO_CONNECTIONS_REFUSES,
    explainedBy: MONGO_TOO_MANY_CONNECTIONS,
    onlyWhenTold: true,
    settings: MONGO_CONNECTIONS_SETTINGS,
    raises: 'maxConns',
    fixAt: fixMaxConns,
    readConfig: readMaxConns,
    scalesWithReplicas: true,
    clientSide: MONGO_CONNECTIONS_CLIENT_SIDE,
    fixes: 'the connections these pods open to',
    clientSetting: { pattern: MONGO_POOL_VARIABLE, fix: (setting) => fixMongoPoolSize(setting), inAddress: findMongoPoolSize },
    clientShare: fixMongoPoolSize,
    why: MONGO_CONNECTIONS_WHY,
    fix: fixMaxConns('on the server'),
  },
];

/** The client's own session limit (PGOPTIONS, a connection URL option, in its env or a ConfigMap it reads), which overrides the server's. */
function setsOwnTimeout(container: ContainerEvidence | undefined, ev: TriageEvidence): boolean {
  return findConfiguredTimeout(container, ev.timeoutConfig ?? []) !== undefined;
}

/** Lines before it counts: one refused command is not an outage. */
const MIN_LINES = 2;

/** Lines before this refusal counts: one for a state (it holds until cleared) or a decisive refusal. */
function minLinesOf(r: Refusal): number {
  return r.clearedBy !== undefined || r.decisive === true ? 1 : MIN_LINES;
}

/** A log line that carries a refusal, and where it is in its log. */
interface Hit {
  log: LogEvidence;
  line: string;
  at: number;
}

/**
 * The lines that say it, or for a state the last line of each log that says it still holds. Given
 * the time of the read (`now`), a running container's refusals all dated over an hour back with
 * clean work logged since are a bout it rode out (a failover's old primary), not today's failure.
 */
function findHits(ev: Pick<TriageEvidence, 'logs'>, r: Refusal, now?: IsoTime): Hit[] {
  if (r.clearedBy === undefined) {
    return ev.logs.flatMap((l) => {
      const at = l.lines.flatMap((line, i) => (r.pattern.test(line) ? [i] : []));
      const past = now !== undefined && !l.previous && isPastErrorBout(l.lines, at, now, (line) => r.pattern.test(line) || isErrorLine(line));
      return past ? [] : at.map((i) => ({ log: l, line: (l.lines[i] ?? '').trim(), at: i }));
    });
  }
  const cleared = r.clearedBy;
  return ev.logs.flatMap((l) => {
    const at = l.lines.findLastIndex((line) => r.pattern.test(line));
    if (at < 0 || l.lines.slice(at + 1).some((line) => cleared.test(line))) return [];
    return [{ log: l, line: (l.lines[at] ?? '').trim(), at }];
  });
}

/**
 * Services of the workload's namespace that its logs say refuse it now, at most `max`: the
 * collector reads one of their pods, whose own log names the mechanism (the alarm a broker raised).
 */
export function listRefusingServices(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'> & { services?: TriageEvidence['services'] }, max = 1): string[] {
  const names = REFUSALS.filter((r) => r.clearedBy !== undefined || r.settings !== undefined).flatMap((r) => {
    const hits = findHits(ev, r);
    const hit = hits.length >= minLinesOf(r) ? hits[0] : undefined;
    const service = hit ? findServiceOfHit(ev, r, hit) : undefined;
    return service?.namespace === ev.target.namespace ? [service.name] : [];
  });
  return [...new Set(names)].slice(0, max);
}

/**
 * The one pod a client that writes to a read-only server is pinned to (its address is that pod's
 * DNS name under a headless Service), at most one: the collector reads its log, which names the
 * primary now.
 */
export function listPinnedServerPods(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target' | 'endpointSlices'>): { service: string; pod: string }[] {
  for (const r of REFUSALS.filter((x) => x.failover)) {
    const hit = findHits(ev, r).length >= minLinesOf(r) ? findHits(ev, r)[0] : undefined;
    const c = ev.pods.find((p) => p.name === hit?.log.pod)?.containers.find((x) => x.name === hit?.log.container);
    const address = c ? addressOf(c, r) : undefined;
    const pinned = address ? findPinnedPod(address.host, ev.target.namespace, ev.endpointSlices) : undefined;
    if (pinned) return [pinned];
  }
  return [];
}

/**
 * The writer Service of the namespace that a client whose writes are refused as read-only talks to,
 * when its selector names one pod (statefulset.kubernetes.io/pod-name): at most one, with the rest
 * of its selector, by which the collector lists the pod's fellow members for their role labels.
 */
export function listPinnedWriterServices(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target' | 'services'>): { namespace: string; service: string; pin: { key: string; value: string }; selector: Record<string, string> }[] {
  for (const r of REFUSALS.filter((x) => x.failover)) {
    const service = findRefusedService(ev, r);
    const svc = service?.namespace === ev.target.namespace ? ev.services.find((s) => s.name === service.name) : undefined;
    const pin = svc ? findPodPin(svc) : undefined;
    if (svc && pin) return [{ namespace: ev.target.namespace, service: svc.name, pin: { key: pin.key, value: pin.value }, selector: pin.rest }];
  }
  return [];
}

/**
 * Services (of any namespace) that the logs say refuse the workload for a reason their own logs
 * state (a disk watermark), at most `max`: the collector reads a few of their pods' log tails.
 */
export function listExplainedServices(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'> & { services?: TriageEvidence['services'] }, max = 1): { namespace: string; name: string }[] {
  const refs = REFUSALS.filter((r) => r.explainedBy !== undefined).flatMap((r) => {
    const hits = findHits(ev, r);
    const hit = hits.length >= minLinesOf(r) ? hits[0] : undefined;
    const c = ev.pods.find((p) => p.name === hit?.log.pod)?.containers.find((x) => x.name === hit?.log.container);
    const address = c ? addressOf(c, r) : undefined;
    const service = address ? findInClusterService(address.host, ev.target.namespace) : findServiceByPort(ev, r, hit?.log.pod);
    // Logged by every member, in the namespace: the one pod read for its settings already carries it.
    const readForSettings = r.explainedBy?.everyMember === true && r.settings !== undefined && service?.namespace === ev.target.namespace;
    return service && !readForSettings ? [service] : [];
  });
  return refs.slice(0, max);
}

/**
 * Whether the logs say a server is blocked by another client's work inside it (a long script):
 * the namespace's Jobs are read for the one that talks to it and ran just before.
 */
export function needsServerJobRuns(ev: Pick<TriageEvidence, 'logs'>): boolean {
  return REFUSALS.some((r) => r.ranBy !== undefined && findHits(ev, r).length >= minLinesOf(r));
}

/**
 * Since when the namespace's rollouts are worth a read, where the logs say another client's work
 * inside the server blocks it (a script: BUSY): a Deployment of the namespace whose release began
 * to run it is the change when no Job ran just before (client-rollout.ts).
 */
export function needsServerClientRollouts(ev: Pick<TriageEvidence, 'logs'>): { since: IsoTime } | undefined {
  for (const r of REFUSALS) {
    if (r.ranBy === undefined) continue;
    const hits = findHits(ev, r);
    if (hits.length < minLinesOf(r)) continue;
    const first = hits.map(timeOfHit).filter((t) => t !== undefined).sort()[0];
    if (first !== undefined) return { since: clientRolloutsSince(first) };
  }
  return undefined;
}

/** At most this many ConfigMaps are read for a server's settings, whatever it mounts. */
const MAX_CONFIG_MAPS = 2;

/**
 * ConfigMaps to read for the settings a refusing server was configured with, when its pod (read
 * as a dependency pod) does not set them on its command line but mounts ConfigMaps (a my.cnf):
 * at most two in all, only the settings named kept. Never its Secrets.
 */
export function listServerConfigReads(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'> & { services?: TriageEvidence['services'] }, read: readonly DependencyPodEvidence[]): { service: string; configMaps: string[]; settings: string[] }[] {
  let left = MAX_CONFIG_MAPS;
  return REFUSALS.filter((r) => r.settings !== undefined).flatMap((r) => {
    const hits = findHits(ev, r);
    const hit = hits.length >= minLinesOf(r) ? hits[0] : undefined;
    const service = hit ? findServiceOfHit(ev, r, hit) : undefined;
    const own = service ? read.find((d) => d.service === service.name && (d.namespace ?? ev.target.namespace) === service.namespace) : undefined;
    if (!own || !r.settings || findServerSettings(own.pod, r.settings) || r.readSettings?.(own.pod) || left <= 0) return [];
    const configMaps = listMountedConfigMaps(own.pod, left);
    left -= configMaps.length;
    // The setting the server's words name as reached is the one to read.
    const named = findNamedSetting(r, hits);
    return configMaps.length === 0 ? [] : [{ service: own.service, configMaps, settings: [...new Set((named ? [named] : r.settings).map((x) => x.replace(/-/g, '_')))] }];
  });
}

/**
 * The in-cluster Service a refused line concerns: by the client's address env, else (the address
 * kept in a file or a Secret, out of sight) the namespace's one Service on the server's port.
 */
function findServiceOfHit(ev: Pick<TriageEvidence, 'pods' | 'target'> & { services?: TriageEvidence['services'] }, r: Refusal, hit: Hit): { namespace: string; name: string } | undefined {
  const c = ev.pods.find((p) => p.name === hit.log.pod)?.containers.find((x) => x.name === hit.log.container);
  const address = c ? addressOf(c, r) : undefined;
  return address ? findInClusterService(address.host, ev.target.namespace) : findServiceByPort(ev, r, hit.log.pod);
}

/** The setting the refused lines name as the limit reached, when the refusal says where to find it. */
function findNamedSetting(r: Refusal, hits: readonly Hit[]): string | undefined {
  const named = r.namedSetting;
  return named === undefined ? undefined : hits.map((h) => named.exec(h.line)?.[1]).find((x) => x !== undefined);
}

/** The in-cluster Service a refusal's lines name (by the client's address env), when they say it often enough. */
function findRefusedService(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'> & { services?: TriageEvidence['services'] }, r: Refusal): { namespace: string; name: string } | undefined {
  const hits = findHits(ev, r);
  const hit = hits.length >= minLinesOf(r) ? hits[0] : undefined;
  const c = ev.pods.find((p) => p.name === hit?.log.pod)?.containers.find((x) => x.name === hit?.log.container);
  const address = c ? addressOf(c, r) : undefined;
  return address ? findInClusterService(address.host, ev.target.namespace) : findServiceByPort(ev, r, hit?.log.pod);
}

/** No address in the client's env (it is in a file or a Secret): the namespace's one Service on the server's port. */
function findServiceByPort(ev: Pick<TriageEvidence, 'pods' | 'target'> & { services?: TriageEvidence['services'] }, r: Refusal, pod: string | undefined): { namespace: string; name: string } | undefined {
  // No refused line, no server to look for.
  const found = ev.services && pod !== undefined ? findServerServiceByPort(ev.services, r.server, ev.pods.find((p) => p.name === pod)?.labels) : undefined;
  return found ? { namespace: ev.target.namespace, name: found.name } : undefined;
}

/** The pods read of that Service (the workload's namespace is the default of a dependency pod). */
function serverPodsOf(read: readonly DependencyPodEvidence[], service: { namespace: string; name: string }, namespace: string): DependencyPodEvidence[] {
  return read.filter((d) => d.service === service.name && (d.namespace ?? namespace) === service.namespace);
}

/** A server pod's log, with the older lines a deeper read found first: the tail's newest word still wins. */
function serverLogsOf(d: DependencyPodEvidence): { pod: PodEvidence; logs: LogEvidence[] } {
  return { pod: d.pod, logs: [...(d.searched ?? []), ...d.logs] };
}

/**
 * One deeper read of a refusing server's log, when the tail read holds no line that explains the
 * refusal (a Postgres past its stop limit logs only the refused statements; its warnings came
 * hours before): the pod, its container and the lines to keep. At most one, whatever refuses.
 */
export function listServerLogSearches(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'> & { services?: TriageEvidence['services'] }, read: readonly DependencyPodEvidence[]): { service: string; namespace?: string; pod: string; container: string; pattern: RegExp }[] {
  for (const r of REFUSALS) {
    const service = r.explainedBy ? findRefusedService(ev, r) : undefined;
    const own = service ? serverPodsOf(read, service, ev.target.namespace) : [];
    if (!r.explainedBy || own.length === 0 || findServerExplanation(own.map(serverLogsOf), r.explainedBy)) continue;
    const d = own.find((x) => (x.logs[0]?.lines.length ?? 0) > 0);
    const log = d?.logs[0];
    if (d && log) return [{ service: d.service, ...(d.namespace === undefined ? {} : { namespace: d.namespace }), pod: d.pod.name, container: log.container, pattern: r.explainedBy.pattern }];
  }
  return [];
}

/**
 * The claims to read of a refusing server whose own log says its disk is full (No space left on
 * device): the pod that said it and the claims it mounts, at most two in all.
 */
export function listServerClaimReads(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'>, read: readonly DependencyPodEvidence[]): { service: string; namespace?: string; pod: string; claims: string[] }[] {
  let left = MAX_SERVER_CLAIMS;
  return REFUSALS.flatMap((r) => {
    const service = r.explainedBy ? findRefusedService(ev, r) : undefined;
    const own = service ? serverPodsOf(read, service, ev.target.namespace) : [];
    const told = r.explainedBy && own.length > 0 ? findServerExplanation(own.map(serverLogsOf), r.explainedBy) : undefined;
    const d = told && DISK_FULL.test(told.line) ? own.find((x) => x.pod.name === told.pod) : undefined;
    const claims = d && left > 0 ? listPodClaims(d.pod, left) : [];
    left -= claims.length;
    return d && claims.length > 0 ? [{ service: d.service, ...(d.namespace === undefined ? {} : { namespace: d.namespace }), pod: d.pod.name, claims }] : [];
  });
}

/**
 * The StatefulSet (or Deployment) whose revisions to read of a server that refuses by its own
 * settings (a library it preloads, its sql_mode, a config file it no longer finds), when its pod
 * was read: at most one, by the revision its pod runs.
 */
export function listServerRolloutReads(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'> & { services?: TriageEvidence['services'] }, read: readonly DependencyPodEvidence[]): ServerRolloutRead[] {
  // A server's own settings first; then a failover a client pinned to one member met: its rollout restarted the members.
  for (const r of [...REFUSALS.filter((x) => x.setInConfig), ...REFUSALS.filter((x) => x.failover && !x.setInConfig)]) {
    const service = findRefusedService(ev, r);
    const own = service ? serverPodsOf(read, service, ev.target.namespace) : [];
    const d = own.find((x) => statefulSetOf(x.pod) !== undefined || deploymentOf(x.pod) !== undefined);
    const sts = d ? statefulSetOf(d.pod) : undefined;
    const deployment = d && sts === undefined ? deploymentOf(d.pod) : undefined;
    const hash = d?.pod.revisionHash;
    const base = d && hash !== undefined ? { service: d.service, ...(d.namespace === undefined ? {} : { namespace: d.namespace }), pod: d.pod.name } : undefined;
    if (base && sts !== undefined && hash !== undefined) return [{ ...base, statefulSet: sts, revisionHash: hash }];
    if (base && deployment !== undefined && hash !== undefined) return [{ ...base, deployment, revisionHash: hash }];
  }
  return [];
}

/** Which server workload's revisions to read (evidence-server-rollout.ts). */
export type { ServerRolloutRead };

/** A Deployment's pod: `<deployment>-<pod-template-hash>-<suffix>`, or the owner the read named. */
function deploymentOf(pod: PodEvidence): string | undefined {
  if (pod.ownerWorkload?.kind === 'Deployment') return pod.ownerWorkload.name;
  const hash = pod.revisionHash;
  if (hash === undefined || hash === '' || pod.ownerWorkload !== undefined) return undefined;
  const at = pod.name.lastIndexOf(`-${hash}-`);
  return at > 0 ? pod.name.slice(0, at) : undefined;
}

/** A StatefulSet's pod: named `<set>-<ordinal>`, its revision hash the revision's name `<set>-<hash>` (a DaemonSet's pod carries the bare hash). */
function statefulSetOf(pod: PodEvidence): string | undefined {
  const set = pod.ownerWorkload?.kind === 'StatefulSet' ? pod.ownerWorkload.name : /^(.+)-\d+$/.exec(pod.name)?.[1];
  return set !== undefined && pod.revisionHash?.startsWith(`${set}-`) === true ? set : undefined;
}

/** The address a refusal concerns: its own reading of the client's env, else the server's first address there. */
function addressOf(c: Pick<ContainerEvidence, 'env'>, r: Refusal): { env: string; host: string } | undefined {
  return r.address?.(c) ?? findServerAddress(c, r.server);
}

/** Lines back to look for the time of a stack trace's line: its header carries the time. */
const TRACE_LINES = 40;

/** The line of a hit's log that dates it: the hit itself, or the nearest line before it that carries a time (a "Caused by:" line of a stack trace has none). */
function headerOfHit(h: Hit): number | undefined {
  for (let i = h.at; i >= 0 && i > h.at - TRACE_LINES; i--) if (readLineTime(h.log.lines[i] ?? '') !== undefined) return i;
  return undefined;
}

/** The time of a hit, from its header line. */
function timeOfHit(h: Hit): string | undefined {
  const at = headerOfHit(h);
  return at === undefined ? undefined : readLineTime(h.log.lines[at] ?? '');
}

/** Refused calls, not lines: a stack trace's wrapper and its Caused by both carry the server's words, and share one header. */
function countCalls(hits: readonly Hit[]): number {
  return new Set(hits.map((h) => `${h.log.pod}/${h.log.container}/${h.log.previous}/${headerOfHit(h) ?? `line ${h.at}`}`)).size;
}

function sameSetting(a: string, b: string): boolean {
  return a.replace(/-/g, '_').toLowerCase() === b.replace(/-/g, '_').toLowerCase();
}

/** Older than this, an edit of the server's ConfigMap is no news of the refusal. */
const RECENT_EDIT_MS = 24 * HOUR_MS;

/** When the ConfigMap that sets a setting was edited, within the last day or since a recurring client's last good run. */
function recentEditOf(config: readonly ServerConfigEvidence[], configMap: string, now: IsoTime, lastGood?: IsoTime): string | undefined {
  const at = config.find((c) => c.configMap === configMap && c.editedAt !== undefined)?.editedAt;
  return at !== undefined && (msBetween(at, now) <= RECENT_EDIT_MS || (lastGood !== undefined && at > lastGood)) ? at : undefined;
}

/** "app-db-cnf sets max_allowed_packet = 4M", one clause per ConfigMap, with its edit when it was recent ("edited 3h ago"). */
function formatConfigSettings(config: readonly ServerConfigEvidence[], now: IsoTime, lastGood?: IsoTime): string {
  const maps = [...new Set(config.map((c) => c.configMap))];
  return maps.map((m) => {
    const edited = recentEditOf(config, m, now, lastGood);
    return `${m} sets ${config.filter((c) => c.configMap === m).map((c) => `${c.setting} = ${c.value}`).join(', ')}${edited ? `, edited ${formatAgo(edited, now)}` : ''}`;
  }).join('; ');
}

/**
 * A dependency that is up and answering but refuses the work: Redis at maxmemory, writes sent
 * to a read-only replica, an index blocked at the disk watermark. The pods may all be Ready
 * while every write fails; the server's own words name the mechanism, on its side.
 */
export function analyzeDependencyRefusals(ev: TriageEvidence): Finding[] {
  return tellRefusals(ev).map((t) => t.finding);
}

/** A refusal's finding, with its title before the count of refused calls, and whether the server's own settings or change decide it. */
interface ToldRefusal {
  finding: Finding;
  head: string;
  /** The server's own configured limit or its dated change is the cause: not the client's command, nor its load. */
  bySetting: boolean;
}

/**
 * The refusal a failed run (a Job) met, when the server's own setting decides it: its finding and
 * its title without the count, which the run's own verdict says as its cause.
 */
export function tellRefusalMet(ev: TriageEvidence, failing: readonly string[]): ToldRefusal | undefined {
  return tellRefusals(ev).find((t) => t.bySetting && (t.finding.affected?.pods ?? []).some((p) => failing.includes(p)));
}

function tellRefusals(ev: TriageEvidence): ToldRefusal[] {
  // A replicated server whose clients also say it has no primary at all: the "not primary" answers
  // came from a secondary left without one, not from a client that missed a failover (dependency-cluster-down).
  const leaderless = findClusterDown(ev)?.sign.server;
  return REFUSALS.flatMap((r) => {
    if (r.failover && r.server === leaderless) return [];
    const hits = findHits(ev, r, ev.collectedAt);
    if (hits.length < minLinesOf(r)) return [];
    const pods = unique(hits.map((h) => h.log.pod));
    const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
    const container = podObjects[0]?.containers.find((c) => c.name === hits[0]?.log.container);
    // Or the address a ConfigMap gives its env (configMapKeyRef, envFrom), read for a refusal whose connection string decides it.
    const fromConfigMap = container && !addressOf(container, r) ? findConfiguredServerAddress(ev.settingConfig ?? [], r.server) : undefined;
    const address = container ? addressOf(container, r) ?? fromConfigMap : undefined;
    // A connection string that turns replica-set discovery off (literal or from a ConfigMap): the driver stays on the one member it names.
    const direct = r.server === 'MongoDB' ? findDirectConnection(container, address, fromConfigMap) : undefined;
    const service = address ? findInClusterService(address.host, ev.target.namespace) : findServiceByPort(ev, r, hits[0]?.log.pod);
    const named = service ? `${r.server} ${service.name}` : address ? `${r.server} at ${address.host}` : r.server;
    const lastLine = condenseStructuredLine(hits[hits.length - 1]?.line ?? '');
    const decisive = r.quoteOf ? r.quoteOf(lastLine) : lastLine;
    const unready = podObjects.filter((p) => !p.ready).length;
    const where = address ? ` (${address.env}=${address.host})` : '';
    // The server's own pod, when one was read: the broker's alarm and who left before it; the settings it refuses by.
    const own = service ? ev.dependencyPods?.find((d) => d.service === service.name && (d.namespace ?? ev.target.namespace) === service.namespace) : undefined;
    const alarm = own && r.server === 'RabbitMQ' ? findBrokerAlarm(own.logs, ev.collectedAt) : undefined;
    const read = own && r.readSettings ? r.readSettings(own.pod, ev.collectedAt) : undefined;
    const settings = own && r.settings && !r.readSettings ? findServerSettings(own.pod, r.settings) : undefined;
    // Not on its command line: the config file a ConfigMap mounts into its pod may set it.
    const fromFile = own && !settings && !read ? own.config ?? [] : [];
    const podSaid = own ? r.readPod?.(own.pod, ev.collectedAt) : undefined;
    // A server refusing by its own settings: its StatefulSet's recent rollout (an upgrade, a config checksum) is when it took them.
    // A recurring client (a CronJob) meets a server change only at its next run: one made since its last good run is news.
    const lastGood = r.setInConfig ? findLastGoodRun(ev) : undefined;
    const rolled = own && r.setInConfig ? describeServerRollout(own.rollout, ev.collectedAt, lastGood) : undefined;
    const configuredSettings = read ? read.said : settings ? formatSettings(settings, ', ') : fromFile.length > 0 ? formatConfigSettings(fromFile, ev.collectedAt, lastGood) : '';
    // A server refusing by a setting of its own config file: a recent edit of the ConfigMap that sets it is when it took it.
    const edited = r.setInConfig ? fromFile.some((c) => recentEditOf(fromFile, c.configMap, ev.collectedAt, lastGood) !== undefined) : false;
    const configured = podSaid || configuredSettings ? ` (${[podSaid?.said, configuredSettings].filter((x) => x).join('; ')})` : '';
    // The client's own setting that sizes what it sends or holds (its batch, its pool), where its container takes it from (a ConfigMap key).
    // Or the option of its connection string that sizes it (a MongoDB URI's maxPoolSize).
    const sizing = r.clientSetting ? r.clientSetting.inAddress?.(container) ?? findClientSetting(container, ev.namespaceObjects ?? [], r.clientSetting.pattern) : undefined;
    const sizingSaid = sizing ? `${sizing.variable}${sizing.value === undefined ? '' : `=${sizing.value}`} in ${sizing.where}` : undefined;
    // Each pod's share of a cap every replica holds (its pool): what the workload's replicas may open together.
    const demand = r.scalesWithReplicas ? findDemand(ev, sizing) : undefined;
    const configRead = r.readConfig?.([
      ...(own && settings ? settings.flags.map((f) => ({ setting: f.name, value: f.value, where: `the command line of ${own.pod.name}` })) : []),
      ...fromFile.map((c) => ({ setting: c.setting, value: c.value, where: `ConfigMap ${c.configMap} (${c.key})` })),
    ], demand);
    const clientRead = r.clientConfig?.(hits.map((h) => h.line), ev.settingConfig ?? []);
    const measured = [clientRead?.said, r.measure?.(hits.map((h) => h.line)), demand ? describeDemand(demand) : undefined].filter((x) => x).join('; ');
    const raises = findNamedSetting(r, hits) ?? r.raises;
    const raised = raises ? fromFile.find((c) => sameSetting(c.setting, raises)) : undefined;
    const serverPods = service ? serverPodsOf(ev.dependencyPods ?? [], service, ev.target.namespace) : [];
    const told = r.explainedBy ? findServerExplanation(serverPods.map(serverLogsOf), r.explainedBy, ev.pods) : undefined;
    // A reload that changed a setting is the trigger: when it was logged.
    if (r.onlyWhenTold && !told) return [];
    const causeSaid = r.causeSaid;
    if (causeSaid && !told && !hits.some((h) => causeSaid.test(h.line))) return [];
    if (r.onlyWhenSet && (!configuredSettings || (r.readConfig !== undefined && configRead === undefined))) return [];
    if (r.overriddenBy?.(container, ev)) return [];
    const toldAt = told && r.explainedBy?.dated ? readLineTime(told.line) : undefined;
    const toldSaid = told ? `${told.said}${toldAt ? ` ${formatAgo(toldAt, ev.collectedAt)}` : ''}` : undefined;
    // Its own log says its disk is full: the claim its pod writes to, and its size.
    const teller = told && DISK_FULL.test(told.line) ? serverPods.find((d) => d.pod.name === told.pod) : undefined;
    const full = teller ? describeFullClaims(teller.pod, teller.claims ?? []) : undefined;
    // A disk that filled up: the cleanup CronJob of the namespace that stopped deleting old data is when it began to fill.
    const local = service === undefined || service.namespace === ev.target.namespace;
    const cleanup = (r.fillsDisk || teller) && local ? findStoppedCleanup(ev.cleanupCronJobs, ev.collectedAt) : undefined;
    const cleanupSaid = cleanup ? describeStoppedCleanup(cleanup, ev.collectedAt) : undefined;
    // Which broker node raised it, and how far its free disk was below the limit.
    const raisedOn = alarm?.node ? ` — alarm raised on ${alarm.node}${alarm.disk ? ` (${alarm.disk.said})` : ''}` : alarm?.disk ? ` — ${alarm.disk.said}` : '';
    const gone = alarm?.gone.map((g) => `${g.user}${g.ago ? ` (${g.ago})` : ''}`).join(', ');
    const backlog = gone ? ` Before the alarm, the connection of ${gone} closed and never came back: if that client consumes a queue, its backlog is what fills the broker.` : '';
    const count = r.clearedBy ? `connections blocked, still, in the logs of` : `${countCalls(hits)} ${r.verb ? 'failed' : 'refused'} call${countCalls(hits) === 1 ? '' : 's'} in the logs of`;
    const stale = r.failover && container && address ? findStaleAddress(ev, container, address.host, ev.logs.filter((l) => pods.includes(l.pod)).flatMap((l) => l.lines)) : undefined;
    if (stale) {
      const finding = describeStale(ev, r, stale, { named, where, hits, pods, unready, decisive, service: service?.name });
      return [{ finding, head: finding.title, bySetting: false }];
    }
    // The writer Service selects one member by its pod name, no longer the primary: its members' role labels name the primary now.
    const writer = ev.writerService;
    const pinnedWriter = r.failover && writer && service && writer.service === service.name && writer.namespace === service.namespace ? findPinnedWriter(writer) : undefined;
    if (pinnedWriter) {
      const finding = describePinnedWriterRefusal(ev, r, pinnedWriter, { named, where, hits, pods, unready, decisive, service: service?.name });
      return [{ finding, head: finding.title, bySetting: false }];
    }
    // The Service itself routes to the replicas too: its selector lost the label of the primary's role.
    const mixed = r.failover && service?.namespace === ev.target.namespace ? findMixedRoleService(ev, service.name) : undefined;
    const mixedWhy = mixed ? describeMixedRole(mixed) : undefined;
    // The address itself is the replicas' Service (a read-only endpoint beside a read-write one): no failover needed.
    const pinnedSoFar = r.failover && address ? findPinnedPod(address.host, ev.target.namespace, ev.endpointSlices) : undefined;
    const replica = r.failover && address && !mixed && !pinnedSoFar && !direct && service?.namespace === ev.target.namespace ? findReplicaService(ev.services, service.name) : undefined;
    const replicaWhy = replica && address ? describeReplicaAddress(replica, address.env, fromConfigMap?.configMap) : undefined;
    // When the refusals began, so a change of that Service before them is found as the trigger.
    // A refused statement can follow the client's own change (a bigger payload, a new command, smaller batches): its time lets that rollout be tested as the trigger.
    const onset = mixed || replica || r.raises || r.clientSide || r.byClient || r.lostAt ? hits.map(timeOfHit).filter((t) => t !== undefined).sort()[0] : undefined;
    // A cache that filled up: its writers' start, when they began not long before it refused them.
    const fillStart = r.fills ? findFillStart(podObjects, hits.map(timeOfHit).filter((t) => t !== undefined).sort()[0]) : undefined;
    const mixedFix = mixed ? `put the primary's ${Object.keys(mixed.missing).join(', ')} label back into ${mixed.service}'s selector so it selects the primary only (fix the chart or manifest that dropped it), then recycle the client's connections` : undefined;
    // An address that names one pod of a headless Service never follows a failover: that pod's own log says who is primary now.
    const pinned = pinnedSoFar;
    const primary = pinned ? findPrimaryNow(ev.dependencyPods?.find((d) => d.pod.name === pinned.pod)?.logs ?? []) : undefined;
    const primaryPod = primary && shortPodName(primary.host) !== pinned?.pod ? shortPodName(primary.host) : undefined;
    const member = direct ? describeDirectMember(direct.host, service?.name) : undefined;
    // A client pinned to one member meets a failover; the members' recent rollout (a restart of each) is what moved the primary.
    const failedOver = own && r.failover && (pinned || direct) && !r.setInConfig ? describeServerRollout(own.rollout, ev.collectedAt) : undefined;
    const nowPrimary = primaryPod ? ` (the primary is ${primaryPod})` : '';
    const pinnedWhy = direct && member ? `${direct.env} connects with directConnection=true to ${member} only, so the driver never discovers the replica set and never follows the primary: since an election made another member primary, ${member} is a secondary and refuses every write` : pinned && address ? `${address.env} names pod ${pinned.pod} of headless Service ${pinned.service}, not the ${r.server} primary, so the client does not follow a failover${primaryPod ? `: ${pinned.pod} is now a replica of ${primaryPod}` : ''}` : undefined;
    const pinnedFix = direct && member ? `connect with the replica-set seed list in ${direct.env} (every member and the replicaSet option, without directConnection=true) so the driver follows the primary, and restart the pods so they reconnect; stepping the primary down to ${member} only hides it until the next election` : pinned && address ? `point ${address.env} at the current master through Sentinel or the master Service instead of pod ${pinned.pod}${primaryPod ? ` (now ${primaryPod}; short term, ${address.env} at ${primary?.host ?? primaryPod}:${primary?.port ?? ''})` : ''}, and reconnect` : undefined;
    // Nothing read shows a failover (no pinned pod, member or mixed Service; its pods' logs say neither standby nor a role moved):
    // a primary whose sessions default to read-only refuses the same, and a Job of the day that set that default and died is the since.
    const standby = r.readOnlyBy ? findStandbySign(serverPods.flatMap((d) => serverLogsOf(d).logs)) : undefined;
    const unshown = r.readOnlyBy && !mixed && !replica && !pinned && !direct && !told && standby === undefined ? r.readOnlyBy : undefined;
    const lastRefusal = unshown ? hits.map(timeOfHit).filter((t) => t !== undefined).sort().at(-1) : undefined;
    const leftOn = unshown ? findReadOnlyLeftOn(ev.readOnlyJobLogs ?? [], unshown.engine, lastRefusal) : undefined;
    const leftJob = leftOn ? nameReadOnlyJob(leftOn.run) : undefined;
    const leftFix = leftOn && unshown ? fixReadOnlyLeftOn(leftOn, unshown.engine) : unshown?.unshown.fix;
    const refused = leftOn ? `writes: its sessions default to read-only (${leftOn.setting}), ${describeReadOnlySince(leftOn, ev.collectedAt)}` : r.refuses;
    const why = leftOn && unshown ? explainReadOnlyLeftOn(leftOn, unshown.engine) : unshown ? unshown.unshown.why : r.why;
    // The refused lines' own logs: the statement that names the table is a few lines from the refusal.
    const fixNamed = sizingSaid && r.clientSetting ? r.clientSetting.fix(sizingSaid) : r.fixOf?.(ev.logs.filter((l) => pods.includes(l.pod)).flatMap((l) => l.lines));
    const raisedAt = raised ? `in ConfigMap ${raised.configMap} (its ${raised.key} sets ${raised.value})` : undefined;
    const ownFix = raisedAt && sizingSaid && r.clientShare ? r.clientShare(sizingSaid, raisedAt) : raised && raisedAt && r.fixAt ? r.fixAt(raisedAt, raised.setting) : fixNamed ?? r.fix;
    // The server's own word can name its own fix (the permission Patroni lost), not the client's.
    const toldFix = told?.fix ?? (told?.subject ? `${r.fix} — start with ${told.subject}` : ownFix);
    const diskFix = full && teller ? `grow ${teller.pod.name}'s ${full}, or free space on it, so ${r.server} can write to disk again` : undefined;
    const replicaFix = replica && address ? fixReplicaAddress(replica, address.env, fromConfigMap?.configMap, r.server) : undefined;
    const fixedOnServer = mixedFix ?? replicaFix ?? pinnedFix ?? diskFix ?? leftFix ?? (configRead?.fix ? `${toldFix}; then ${configRead.fix}` : toldFix);
    const fixedHere = cleanup ? `${fixStoppedCleanup(cleanup, formatKubectl(ev.target, `patch cronjob ${cleanup.name} -p '{"spec":{"suspend":false}}'`))}; meanwhile ${fixedOnServer}` : fixedOnServer;
    // Another client's work inside the server blocks it (a script): the Job that talks to it and started just before the first refusal is the trigger.
    const firstRefusal = r.ranBy ? hits.map(timeOfHit).filter((t) => t !== undefined).sort()[0] : undefined;
    const runs = r.ranBy && service ? findServerJobRuns(ev.namespaceJobs?.jobs ?? [], service.name, firstRefusal) : undefined;
    // No Job ran it: a Deployment of the namespace, its env naming the server first, whose release came just before the first refusal (client-rollout.ts).
    const client = r.ranBy && !r.ranBy.jobsOnly && service && runs === undefined && firstRefusal ? findClientRollout(ev, { onset: firstRefusal, services: [service.name], pods, lines: hits.map((h) => h.line), bearing: r.ranBy.bearing ?? /image/i }) : undefined;
    const ranText = runs && firstRefusal && r.ranBy ? describeServerJobRuns(runs, firstRefusal, ev.collectedAt, r.ranBy.what) : client ? `${describeClientSince(client, ev.collectedAt)}, ${describeClientTie(client, 'another client')}` : undefined;
    const runner = runs ? (runs.first.owner ? `${runs.first.owner.kind} ${runs.first.owner.name}` : `Job ${runs.first.name}`) : client ? `Deployment ${client.deployment}` : undefined;
    const fixed = runner && r.ranBy ? r.ranBy.fix(runner, client?.previous?.revision) : fixedHere;
    const clientSaid = client && service ? ` Deployment ${client.deployment}${client.names !== undefined ? `, whose env names ${client.names},` : client.by !== undefined ? ` (${client.by})` : ', though nothing read ties it to this server,'} rolled out revision ${client.newest.revision} ${formatAgo(client.newest.createdAt, ev.collectedAt)}, just before the first ${r.ranBy?.what ?? 'refusal'}: what its new release runs there is the likely blocker${client.changes[0] ? ` (its revision changed ${client.changes.slice(0, 2).join('; ')})` : ''}; these pods' own revision is not the cause.` : '';
    // A migration Job that completed just before: what it applied, in the migration tool's own words.
    const migrated = r.migratedBy ? describeMigrationRuns(ev.migrationJobLogs ?? [], ev.collectedAt, r.migratedBy === true ? undefined : r.migratedBy) : undefined;
    const migrationLines = migrated ? (ev.migrationJobLogs ?? []).flatMap((m) => m.lines.slice(-3).map((l) => `log ${m.pod} (Job ${m.job}): ${l}`)) : [];
    const head = `${named} ${r.verb ?? 'refuses'} ${mixedWhy ? `writes: ${mixedWhy}` : replicaWhy ? `writes: ${replicaWhy}` : member ? `writes: the client is pinned to ${member} by directConnection=true, now a secondary${nowPrimary}` : pinned && primaryPod ? `writes: the client is pinned to pod ${pinned.pod}, now a replica of ${primaryPod}` : `${refused}${r.scope?.(hits[hits.length - 1]?.line ?? '') ?? ''}`}${configured}${raisedOn}${measured ? ` — ${measured}` : ''}${told ? ` — ${toldSaid ?? ''}${full ? `, on its ${full}` : ''}` : ''}${rolled ? ` — ${rolled.said}` : ''}${failedOver ? ` — since ${failedOver.said}` : ''}${cleanupSaid ? ` — since ${cleanupSaid}` : ''}`;
    // The server's own configured limit, read where it is set, or its own dated change: the server decides, whatever the client runs.
    const builtSince = r.builtSince?.(ev, podObjects, hits.map(timeOfHit).filter((t) => t !== undefined).sort()[0]);
    const bySetting = !r.clientSide && !r.byClient && !r.ranBy && !r.failover && r.onlyWhenSet === true && configRead !== undefined;
    const finding: Finding = {
      id: `dependency-refuses/${r.server}/${r.refuses.split(':')[0] ?? ''}`,
      kind: 'dependency-error',
      title: `${head} — ${count} ${pods.length} pod${pods.length === 1 ? '' : 's'}${unready === 0 ? ' (all ready)' : ''}${ranText ? `, ${ranText}` : ''}${migrated ? ` — since ${migrated}` : ''}`,
      layer: 'network/routing',
      severity: unready > 0 ? severityForPods(ev, unready) : 'warning',
      confidence: 'high',
      evidence: [
        `${named}${where}`,
        ...(direct ? [`${direct.env}${direct.configMap ? ' (from a ConfigMap)' : ''}: ${direct.value}`] : []),
        ...(mixedWhy ? [mixedWhy] : []),
        ...(replicaWhy ? [replicaWhy] : []),
        ...(fromConfigMap && !direct ? [`${fromConfigMap.env} (from ConfigMap ${fromConfigMap.configMap}): ${fromConfigMap.value}`] : []),
        ...(pinnedWhy ? [pinnedWhy] : []),
        ...(primary && primaryPod ? [`log ${pinned?.pod ?? ''} (${r.server}): ${primary.line}`] : []),
        ...(told ? [`log ${told.pod} (${r.server}): ${told.line}`] : []),
        ...(teller && full ? [`${teller.pod.name} writes to ${full}`] : []),
        ...(cleanup ? [`CronJob ${cleanup.name} (schedule ${cleanup.schedule}): ${describeStoppedCleanup(cleanup, ev.collectedAt, true)}`] : []),
        ...hits.slice(-2).map((h) => `log ${h.log.pod}: ${h.line}`),
        ...(own && alarm ? [`log ${own.pod.name} (${r.server}): ${alarm.alarm}`] : []),
        ...(own && alarm?.disk ? [`log ${own.pod.name} (${r.server}): ${alarm.disk.line}`] : []),
        ...(read ? [read.evidence] : []),
        ...(podSaid ? [podSaid.evidence] : []),
        ...(rolled ? [rolled.evidence] : []),
        ...(failedOver ? [failedOver.evidence] : []),
        ...(own && settings ? [`${own.pod.name} runs ${settings.container} with ${formatSettings(settings)}${settings.memoryLimit ? ` (memory limit ${settings.memoryLimit})` : ''}`] : []),
        ...fromFile.map((c) => `ConfigMap ${c.configMap} (${c.key}) sets ${c.setting} = ${c.value}, mounted by ${own?.pod.name ?? 'the server'}${c.editedAt ? `; last written ${c.editedAt}` : ''}`),
        ...(clientRead ? [clientRead.evidence] : []),
        ...(sizing && container ? [`container ${container.name} takes ${sizing.variable} from ${sizing.where}${sizing.value === undefined ? '' : `: ${sizing.value}`}`] : []),
        ...(own && gone ? [`log ${own.pod.name}: connection closed before the alarm and not reopened — ${gone}`] : []),
        ...migrationLines,
        ...(standby && !told ? [`${named}'s own log: ${standby}`] : []),
        ...(leftOn && leftJob ? [`log of ${leftJob} (pod ${leftOn.run.pod}): ${leftOn.line}`, `${leftJob} ${leftOn.run.state}; no later line of its log resets the setting`] : []),
        ...(runs ? [runs.first, ...(runs.running ? [runs.running] : [])].map((j) => `Job ${j.name}${j.owner ? ` (${j.owner.kind} ${j.owner.name})` : ''} talks to ${service?.name ?? r.server}: ${(j.commandAndEnv ?? []).join(' ').slice(0, 200)}`) : []),
        ...(client ? [`Deployment ${client.deployment}: ${client.by ?? 'nothing read ties it to this server'}; revision ${client.newest.revision} ${formatAgo(client.newest.createdAt, ev.collectedAt)}${client.previous ? ` (before: revision ${client.previous.revision})` : ''}`, ...client.changes.slice(0, 3).map((c) => `${client.deployment} revision ${client.newest.revision}: ${c}`)] : []),
      ],
      decisive,
      ...(r.outlastsRollback ? { outsideWorkload: r.outlastsRollback } : {}),
      ...(r.scalesWithReplicas ? { scalesWithReplicas: true } : {}),
      // The server's own log dates the reload that changed the setting: that is the trigger.
      // So does the server's own recent rollout, when the title states it.
      // So does the migration Job whose log says what it changed, when the title names it.
      ...(toldAt || runs || client || leftOn || rolled || failedOver || edited || cleanup || migrated ? { datesChange: true as const } : {}),
      ...(failedOver && own ? { outsideWorkload: `the primary moved when ${failedOver.said.split(' rolled')[0] ?? 'the server'} rolled its members; these pods did not change, and a rollback of them changes nothing` } : {}),
      ...(leftJob ? { outsideWorkload: `the setting lives in the ${r.server} server, left on by ${leftJob}; a rollout of these pods changes nothing` } : {}),
      ...(fillStart && r.fills ? { onset: fillStart, buildsUp: r.fills, latent: r.fills } : onset ? { onset } : leftOn?.run.createdAt ? { onset: leftOn.run.createdAt } : firstRefusal && (runs || client) ? { onset: firstRefusal } : {}),
      likelyCause: mixedWhy ? `${mixedWhy}. Each new connection lands on any of them, so those that reach a replica fail every write; no failover is needed for that, and the servers are healthy.` : replicaWhy ? `${replicaWhy}. Every connection lands on a replica, which serves reads and refuses every write; no failover is needed for that, and the servers are healthy.` : pinnedWhy ? `${pinnedWhy}. Reads still work there, so probes that only PING or read keep passing while every write fails.` : r.clientSide ? `${r.why}${configRead ? ` Here ${configRead.why}` : ''} ${r.clientSide}${migrated ? ` ${migrated}: the schema change the statements prepared before it no longer match.` : ''}` : `${why}${configRead ? ` Here ${configRead.why}` : ''}${backlog} ${r.byClient ? `${r.server}${service ? ` (${service.name})` : ''} is up and answering: what it refuses is the way these pods write to it, and restarting either will not help.${builtSince ? ` ${builtSince}` : ''}` : r.ranBy ? `${r.server}${service ? ` (${service.name})` : ''} and these pods are healthy: ${r.ranBy.holds ?? "another client's work inside it holds it for everyone"}.` : `The fault is on the ${r.server} side${service ? ` (${service.name})` : ''}, not in these pods: restarting them will not help.`}${runs && runner && service ? ` ${runner} talks to ${service.name} and its run began just before the first ${r.ranBy?.what ?? 'refusal'}: ${r.ranBy?.does ?? 'what it runs there is the likely blocker (its log says what it sent)'}.` : clientSaid}${cleanup ? ` ${explainStoppedCleanup(cleanup)}` : ''}`,
      nextAction: r.clientSide ? `Fix ${r.fixes ?? 'the command these pods send to'} ${named}: ${fixed}.` : `Fix ${named}: ${fixed}${alarm?.gone[0] ? ` — start with ${alarm.gone.map((g) => g.user).join(', ')}, whose connection is gone` : ''}.`,
      fix: fixed,
      confirmCommands: [
        ...(service ? [formatKubectl({ ...ev.target, namespace: service.namespace }, `describe service ${service.name}`)] : []),
        formatKubectl(ev.target, `logs ${pods[0] ?? ''} --tail=100`),
        ...(runs ? [formatKubectl(ev.target, `logs job/${(runs.running ?? runs.first).name} --tail=100`)] : []),
        ...(client ? [formatKubectl(ev.target, `logs deployment/${client.deployment} --tail=100`)] : []),
        ...(leftOn ? [formatKubectl(ev.target, `logs job/${leftOn.run.job} --tail=200`)] : []),
      ],
      // The ConfigMaps that set the limit it refuses at, or the client's size: an edit of one just before is the trigger.
      affected: { pods, nodes: listNodesOf(podObjects), ...(service ? { services: [service.name] } : {}), ...(runs ? { jobs: namesOfRuns(runs) } : leftOn ? { jobs: [leftOn.run.owner?.name ?? leftOn.run.job] } : {}), ...(configMapsOf([...(replica && fromConfigMap ? [fromConfigMap.configMap] : []), ...fromFile.map((c) => c.configMap), ...(own && r.setInConfig ? listMountedConfigMaps(own.pod) : []), ...(clientRead ? [clientRead.configMap] : [])], sizing?.configMap)) },
    };
    return [{ finding, head, bySetting }];
  });
}

/** What the workload's replicas may hold together of a cap each takes a share of: its replicas × the pool size its template sets. */
function findDemand(ev: TriageEvidence, sizing: ClientSetting | undefined): ClientDemand | undefined {
  const replicas = ev.workload?.specReplicas;
  const perPod = sizing?.value !== undefined && /^\d+$/.test(sizing.value.trim()) ? Number(sizing.value.trim()) : undefined;
  return sizing && replicas !== undefined && replicas > 0 && perPod !== undefined ? { replicas, variable: sizing.variable, perPod } : undefined;
}

/** `configMaps` of a finding's affected objects: those that set the refused limit (or hold the server's config), and the client's sizing one. */
function configMapsOf(serverConfig: readonly string[], sizing: string | undefined): { configMaps?: string[] } {
  const names = [...new Set([...serverConfig, ...(sizing === undefined ? [] : [sizing])])];
  return names.length === 0 ? {} : { configMaps: names };
}

interface Refused {
  named: string;
  where: string;
  hits: Hit[];
  pods: string[];
  unready: number;
  decisive: string;
  service: string | undefined;
}

/** Writes refused because the pods' runtime still connects to the address a failover moved away from. */
function describeStale(ev: TriageEvidence, r: Refusal, s: StaleAddress, x: Refused): Finding {
  const podObjects = x.pods.flatMap((p) => findPod(ev, p) ?? []);
  const now = s.current.length > 0 ? `${s.name} now points at ${s.current.join(', ')}` : `${s.name} points elsewhere now`;
  const restart = formatKubectl(ev.target, `rollout restart ${ev.target.kind.toLowerCase()}/${ev.target.name}`);
  const fix = `restart the pods so they resolve ${s.name} again (${restart}), and drop ${s.setting.flag} for a short DNS cache TTL so the next failover is followed`;
  return {
    id: `dependency-refuses/${r.server}/stale-address`,
    kind: 'dependency-error',
    title: `${x.named} refuses ${r.refuses.split(':')[0] ?? 'writes'}: the JVMs cached its old address (${s.setting.flag}) and still connect to ${s.old ?? 'it'}, read-only since a failover; ${now} — ${countCalls(x.hits)} refused call${countCalls(x.hits) === 1 ? '' : 's'} in the logs of ${x.pods.length} pod${x.pods.length === 1 ? '' : 's'}${x.unready === 0 ? ' (all ready)' : ''}`,
    layer: 'network/routing',
    severity: x.unready > 0 ? severityForPods(ev, x.unready) : 'warning',
    confidence: 'high',
    evidence: [`${x.named}${x.where}${s.headless ? ' (headless: its name resolves to the pod itself)' : ''}`, describeDnsCache(s.setting), now, ...x.hits.slice(-2).map((h) => `log ${h.log.pod}: ${h.line}`)],
    decisive: x.decisive,
    likelyCause:
      `${s.headless ? `${s.name} is a headless Service: its name resolves straight to the pod that holds the primary role, and a failover moved that role` : `${s.name} resolves to whichever server holds the primary role, and a failover moved it`}${s.current.length > 0 ? ` (now ${s.current.join(', ')})` : ''}. ` +
      `${describeDnsCache(s.setting)}, so these pods never looked the name up again: they still connect to ${s.old ?? 'the old address'}, a server that is now read-only. ` +
      `The ${r.server} servers and the Service are right; the stale address is held inside these pods, and a restart clears it.`,
    nextAction: `${capitalize(fix)}. The bot will not restart anything.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `get endpointslices -l kubernetes.io/service-name=${s.name} -o wide`),
      formatKubectl(ev.target, `logs ${x.pods[0] ?? ''} --tail=100`),
    ],
    affected: { pods: x.pods, nodes: listNodesOf(podObjects), ...(x.service ? { services: [x.service] } : {}) },
  };
}

/** Writes refused because the writer Service selects one member by pod name, and a failover made another the primary. */
function describePinnedWriterRefusal(ev: TriageEvidence, r: Refusal, w: PinnedWriter, x: Refused): Finding {
  const podObjects = x.pods.flatMap((p) => findPod(ev, p) ?? []);
  const why = describePinnedWriter(w, ev.collectedAt);
  const fix = fixPinnedWriter(w);
  return {
    id: `dependency-refuses/${r.server}/pinned-writer-service`,
    kind: 'dependency-error',
    title: `${x.named} refuses ${r.refuses.split(':')[0] ?? 'writes'}: ${why} — ${countCalls(x.hits)} refused call${countCalls(x.hits) === 1 ? '' : 's'} in the logs of ${x.pods.length} pod${x.pods.length === 1 ? '' : 's'}${x.unready === 0 ? ' (all ready)' : ''}`,
    layer: 'network/routing',
    severity: x.unready > 0 ? severityForPods(ev, x.unready) : 'warning',
    confidence: 'high',
    evidence: [`${x.named}${x.where}`, why, ...x.hits.slice(-2).map((h) => `log ${h.log.pod}: ${h.line}`)],
    decisive: x.decisive,
    likelyCause:
      `${why}. A selector on the pod's name never follows a failover: the Service's endpoints stay ${w.pinned}, which answers reads and refuses every write, so probes keep passing. ` +
      `The ${r.server} servers and these pods are healthy; the Service's selector is at fault, and recycling the client's connections will not help.`,
    nextAction: `Fix Service ${w.service}: ${fix}.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `get endpointslices -l kubernetes.io/service-name=${w.service} -o wide`),
      formatKubectl(ev.target, `get pods ${w.pinned} ${w.primary.pod} -L ${w.primary.key}`),
    ],
    affected: { pods: x.pods, nodes: listNodesOf(podObjects), services: [w.service] },
  };
}
