// The reads a triage makes only where the first evidence points: the neighbours the workload's
// Services and logs lead to (a Service left with no ready endpoint, one its logs fail to reach or
// that refuses it or that its queries time out on — with the log of the servers that say why —, the rollouts of one whose answers it refuses for their size, the namespace's recent rollouts when it cannot take the messages it is sent, the senders of a collector that refuses data for its memory (the cluster's Deployments whose env sends to it, and their rollouts), the members of a clustered one its clients say is down (its address from a ConfigMap they take whole, when only that names it), another workload's pods behind its
// Services, a Service of another namespace or of another name it looks for, the mesh sidecar's log where a Service it calls has its TCP port declared HTTP, the last callers an
// ingress policy cut off, the callers of a workload that had no serving pod (now or during a rollout of the last hour), whose own log reports slow requests, sustained GC overhead or a RED search cluster, or whose pods are cut off at their stop by a preStop hook past the grace period (pods whose env names its Service; then, in that last case, reverse proxies of the namespace), what keeps a rejected Secret in sync, what applies a full claim (its refused expansion), the injector of a missed webhook injection), the controller of a provisioner a claim waits on (and its snapshotter's log when the claim's snapshot is not ready), the ingress controller's log in front of a served workload, the body-size limit of an nginx in its pods that refuses request bodies, the access rules of the namespace's forward proxy that refuses its tunnels (403), the Jobs of the namespace that ran just before failures no rollout explains (or while an outside API refused its calls for their rate), who holds a port its pods need,
// what left the cluster DNS short, where its Corefile sends a name that answers NXDOMAIN, and why the cluster autoscaler adds no node. Each is bounded (see collect-evidence.ts) and
// none happens on a healthy workload's evidence, but for the ingress controller's log: a workload that looks
// healthy while users get 5xx is exactly where that log matters (one list, at most two log tails).
import type { EventEvidence, TriageEvidence, TriageTarget } from '../../domain/triage/evidence.js';
import type { EndpointSliceEvidence } from '../../domain/triage/evidence-network.js';
import { listOwnServiceNames, pickCalledServices } from '../../domain/triage/called-service.js';
import { findUnimplementedCalls } from '../../domain/triage/grpc-unimplemented.js';
import { findIngressCutoff } from '../../domain/triage/ingress-cutoff.js';
import { pickDependencyServices } from '../../domain/triage/dependency-service.js';
import { API_SERVER_SERVICE, wantsApiServerService } from '../../domain/triage/service-dnat.js';
import { pickTimedOutDatabase } from '../../domain/triage/database-locks.js';
import { listTimeoutConfigReads, listTimeoutLogSearches, pickClosingDatabase } from '../../domain/triage/idle-transaction-timeout.js';
import { listWaitTimeoutConfigReads, pickClosingMysql } from '../../domain/triage/mysql-wait-timeout.js';
import { pickClosingHttpService } from '../../domain/triage/closed-idle-http.js';
import { listCostlyConfigReads, pickTimedOutRedis } from '../../domain/triage/redis-costly-setting.js';
import { needsRedisClientRollouts, pickRedisClientToRead } from '../../domain/triage/redis-client-rollout.js';
import { readRedisClientLog } from './read-redis-client-log.js';
import { pickShortNamesElsewhere } from '../../domain/triage/service-elsewhere.js';
import { listExplainedServices, listPinnedServerPods, listPinnedWriterServices, listRefusingServices, listServerClaimReads, listServerConfigReads, listServerLogSearches, listServerRolloutReads, needsServerClientRollouts, needsServerJobRuns } from '../../domain/triage/analyzers/dependency-refuses.js';
import { needsBodyLimitCallers } from '../../domain/triage/body-limit-refusal.js';
import { needsColumnOverflowCallers } from '../../domain/triage/column-overflow.js';
import { needsIdIssuerRollouts } from '../../domain/triage/id-precision-loss.js';
import { needsDataObjectRollouts } from '../../domain/triage/data-object-rollout.js';
import { listRejectedSecrets } from '../../domain/triage/analyzers/credentials-rejected.js';
import { pickHostPortClashes } from '../../domain/triage/host-port-holders.js';
import { dnsDeploymentOf, needsDnsCapacity } from '../../domain/triage/dns-capacity.js';
import { needsDnsConfig } from '../../domain/triage/dns-route.js';
import { readDnsConfig } from './read-dns-config.js';
import { readDnsPodLogs } from './read-dns-pod-logs.js';
import { readDnsServices } from './read-dns-service.js';
import { needsDnsService } from '../../domain/triage/dns-service.js';
import { needsDnsPodLogs } from '../../domain/triage/dns-config-error.js';
import { findMissingRoutes } from '../../domain/triage/http-route-gone.js';
import { findRequestRefusals } from '../../domain/triage/peer-request-refusal.js';
import type { CollectContext } from './collect-context.js';
import { pickDownServices, readDownServices } from './read-down-services.js';
import { readCallerPods } from './read-caller-pods.js';
import { readAcmeSolvers } from './read-acme-solvers.js';
import { readServiceCallers } from './read-service-callers.js';
import { pickCutOffServices, pickOutageServices, pickRolloutOutageServices, pickStrainedServices } from '../../domain/triage/service-callers.js';
import { pickFamilyMismatchServices } from '../../domain/triage/listen-family.js';
import { readDependencyServices } from './read-dependency-services.js';
import { readMeshProxyLog } from './read-mesh-proxy-log.js';
import { findOversizedResponses } from '../../domain/triage/oversized-peer.js';
import { readPeerRollout } from './read-peer-rollout.js';
import { readNamespaceRollouts } from './read-namespace-rollouts.js';
import { needsNamespaceRollouts } from '../../domain/triage/message-contract.js';
import { needsClientVersion, needsCodecProducers } from '../../domain/triage/kafka-fetch-stall.js';
import { needsTransactionalProducers } from '../../domain/triage/open-transaction-producer.js';
import { readConsumerClientVersion } from './read-client-version.js';
import { readTlsLibrary } from './read-tls-library.js';
import { needsTlsLibrary } from '../../domain/triage/tls-library-lead.js';
import { needsEvictionWriters } from '../../domain/triage/redis-evictions.js';
import { needsMappingSenders } from '../../domain/triage/index-mapping-sender.js';
import { readSenderRollouts } from './read-sender-rollouts.js';
import { readSinkSenders } from './read-sink-senders.js';
import { needsSinkSenders } from '../../domain/triage/sink-senders.js';
import { needsWriterRollouts } from '../../domain/triage/writer-conflict.js';
import { findMaxTimeExpired, listCollscanLogSearches, pickTimedOutMongo } from '../../domain/triage/collscan-timeout.js';
import { pickAbortingMongo } from '../../domain/triage/mongo-transaction-lifetime.js';
import { pickIdentityCoordinator } from '../../domain/triage/coordinator-reset.js';
import { readDependencyMembers } from './read-dependency-members.js';
import { readConfigUpdates } from './read-config-updates.js';
import { pickRejectingServer } from '../../domain/triage/analyzers/credentials-server-restart.js';
import { pickAuthPluginServer } from '../../domain/triage/analyzers/credentials-auth-plugin.js';
import { findScramRefusal, pickScramRefusalServer } from '../../domain/triage/scram-mechanism.js';
import { readScramCredentials } from './read-scram-credentials.js';
import { readWriterService } from './read-writer-service.js';
import { pickClusterDownConfigMaps, pickClusterDownService } from '../../domain/triage/cluster-down.js';
import { findInClusterService } from '../../domain/triage/down-service.js';
import { readClientAddress } from './read-client-address.js';
import { readBrokerConfig } from './read-broker-config.js';
import { readBrokerTopology } from './read-broker-topology.js';
import { readBrokerRollout } from './read-broker-rollout.js';
import { pickRequeueBroker } from '../../domain/triage/delivery-limit.js';
import { pickOversizeBroker } from '../../domain/triage/broker-message-size.js';
import { pickExpiringQueueBroker } from '../../domain/triage/queue-expiry.js';
import { pickUnroutableBroker } from '../../domain/triage/unroutable-messages.js';
import { pickMissingDestinationServers } from '../../domain/triage/missing-destination.js';
import { readServicesElsewhere } from './read-services-elsewhere.js';
import { readNamedNamespaceServices } from './read-named-namespace-services.js';
import { pickUnresolvedNamespaces } from '../../domain/triage/named-namespace-services.js';
import { readSecretSyncEvents } from './read-secret-sync-events.js';
import { readCertificateEvents } from './read-certificate-events.js';
import { readMemberIdentity } from './read-member-identity.js';
import { pickCertificateRefusal } from '../../domain/triage/certificate-reissue.js';
import { readClaimApplierEvents } from './read-claim-applier-events.js';
import { listFullClaims } from '../../domain/triage/full-mount.js';
import { readAutoscalerStatus } from './read-autoscaler-status.js';
import { pickMissedInjection, readInjector } from './read-injector.js';
import { readProvisionerController } from './read-provisioner-controller.js';
import { pickStalledProvisioner } from '../../domain/triage/provisioner-controller.js';
import { pickUnreadySnapshotSource } from '../../domain/triage/snapshot-source.js';
import { readSnapshotterLog } from './read-snapshotter-log.js';
import { needsAutoscalerStatus } from '../../domain/triage/scale-up-failure.js';
import { pickForeignPods, readForeignPods } from './read-foreign-pods.js';
import { pickDependencyPods, readDependencyPods } from './read-dependency-pods.js';
import { readVolumeServerPods } from './read-volume-server-pods.js';
import { pickStaleShareServers } from '../../domain/triage/analyzers/volume-replaced.js';
import { readServerRollout } from './read-server-rollout.js';
import { readServerConfig } from './read-server-config.js';
import { readServerLogSearches } from './read-server-log-search.js';
import { readServerClaims } from './read-server-claims.js';
import { readProxyConfig } from './read-proxy-config.js';
import { readProxyRoutes } from './read-proxy-routes.js';
import { readImageHolders } from './read-image-holders.js';
import { readDnsCacheConfig } from './read-dns-cache-config.js';
import { readCircuitBreakerConfig } from './read-circuit-breaker-config.js';
import { readRateLimitService } from './read-rate-limit-service.js';
import { hasHaproxyConfig, readFrontProxy } from './read-front-proxy.js';
import { readBackendDown } from './read-backend-down.js';
import { readReplayingProxy } from './read-replaying-proxy.js';
import { readServerCertRefusal } from './read-server-cert-refusal.js';
import { pickCertRefusingServer } from '../../domain/triage/client-cert-refused.js';
import { readProxyAcl } from './read-proxy-acl.js';
import { pickProxyAclRead } from '../../domain/triage/proxy-denial.js';
import { readProxyConnectionConfig } from './read-proxy-connection-config.js';
import { readTimeoutConfig } from './read-timeout-config.js';
import { readSettingConfig } from './read-setting-config.js';
import { readReloadConfig } from './read-reload-config.js';
import { readStaleConfig } from './read-stale-config.js';
import { readSentinelConfig } from './read-sentinel-config.js';
import { readYamlBooleans } from './read-yaml-boolean.js';
import { readEntrypointScripts } from './read-entrypoint-scripts.js';
import { readPoolConfig } from './read-pool-config.js';
import { readMemoryPoolConfig } from './read-memory-pool-config.js';
import { readWalRetentionConfig } from './read-wal-retention-config.js';
import { readSchemaGeneration } from './read-schema-generation.js';
import { readServerNames } from './read-server-names.js';
import { readConfigEndpoints } from './read-config-endpoints.js';
import { readReplicationPrimary } from './read-replication-primary.js';
import { readExplainingPods } from './read-explaining-pods.js';
import { pickPortWaits, readHostNetworkHolders, readPortHolders } from './read-port-holders.js';
import { readNodeChange } from './read-node-change.js';
import { readPullQueue } from './read-pull-queue.js';
import { readIngressController } from './read-ingress-controller.js';
import { listServedServices } from '../../domain/triage/ingress-upstream-errors.js';
import type { readClusterDns, readNamespaceContext } from './read-namespace-context.js';
import { readDnsCapacity } from './read-namespace-context.js';
import type { PodsRead, RevisionsRead, readEndpointSlices, readServices } from './read-workload-parts.js';
import { readJobsBeforeOnset } from './read-jobs-before-onset.js';
import { readLeftSettingLogs } from './read-left-setting-logs.js';
import { readReadOnlyJobLogs } from './read-read-only-job-logs.js';
import { readBackupJobLogs } from './read-backup-job-logs.js';
import { needsBackupJobs, pickBackupRuns } from '../../domain/triage/log-awaits-backup.js';
import { readRefresherJobLogs } from './read-refresher-job-logs.js';
import { needsPullSecretRefresher, pickRefresherRuns } from '../../domain/triage/pull-secret-refresher.js';
import { readSessionListings } from './read-session-listings.js';
import { findLockTimeouts, needsLockHolderRollouts, pickSessionListingRuns } from '../../domain/triage/lock-holder-sessions.js';
import { listLockHolders } from '../../domain/triage/database-locks.js';
import { readFormerConsumers } from './read-former-consumers.js';
import { pickHeldClaims, readClaimHolders } from './read-claim-holders.js';
import { findPodNamedConsumers } from '../../domain/triage/pod-named-consumers.js';
import { needsLeftSettingJobs, pickLeftSettingRuns } from '../../domain/triage/left-index-settings.js';
import { needsReadOnlyJobs, pickReadOnlyRuns } from '../../domain/triage/read-only-setting.js';
import { needsJobsBeforeOnset, pickCronJobsBeforeOnset } from '../../domain/triage/jobs-before-onset.js';
import { readCronJobSchedules } from './read-cronjob-schedules.js';
import { readCleanupCronJobs } from './read-cleanup-cronjobs.js';
import { needsCleanupCronJobs } from '../../domain/triage/stopped-cleanup.js';
import { needsPrivilegeJobs } from '../../domain/triage/pg-privilege.js';
import { needsLockedAccountJobs, pickAccountJobRuns } from '../../domain/triage/ad-bind-refusal.js';
import { readAccountJobLogs } from './read-account-job-logs.js';
import { pickColdCacheService } from '../../domain/triage/cache-hit-collapse.js';
import { listSlowStorageClaimReads } from '../../domain/triage/slow-storage.js';
import { needsJobsUnderLoad } from '../../domain/triage/jobs-under-load.js';
import { needsDumpLockJobs } from '../../domain/triage/dump-lock.js';
import { needsMigrationHistoryJobs } from '../../domain/triage/migration-history.js';
import { needsRateLimitJobs } from '../../domain/triage/rate-limit-jobs.js';
import { pickMissingTableStore } from '../../domain/triage/store-volume-loss.js';
import { pickStandbyPrimaryService } from '../../domain/triage/standby-foreign-primary.js';
import { readStoreVolume } from './read-store-volume.js';
import { readGroupCoordinator } from './read-group-coordinator.js';
import { readHistoryRetention } from './read-history-retention.js';
import { pickHistoryBrokers } from '../../domain/triage/connect-task-failed.js';
import { pickGroupCoordinator } from '../../domain/triage/offset-reset.js';
import { readSchedulerReplicas } from './read-scheduler-replicas.js';
import { readGateControllers } from './read-gate-controllers.js';
import { readGateWriter } from './read-gate-writer.js';
import { readMeshControlPlane } from './read-mesh-control-plane.js';
import { readQueueConsumers } from './read-queue-consumers.js';
import { readQueuePeers } from './read-queue-peers.js';
import { readCotenantScaleUps } from './read-cotenant-scale-ups.js';
import { listRoleLimitConfigReads, needsRoleSharerRollouts, pickRoleLimitDatabase } from '../../domain/triage/pg-role-limit.js';
import { listSyncStandbyConfigReads } from '../../domain/triage/sync-standby.js';
import { needsSchedulerReplicas } from '../../domain/triage/scheduler-replicas.js';
import { needsResolverPeers } from '../../domain/triage/lookup-stall.js';
import { readResolverPeers } from './read-resolver-peers.js';
import { readIssuerProvider } from './read-issuer-provider.js';
import { needsSigningRollouts } from '../../domain/triage/token-algorithm-mismatch.js';
import { readAdvertisedHost } from './read-advertised-host.js';
import { readMigrationJobLogs } from './read-migration-job-logs.js';
import { readFailedMigrationLogs } from './read-failed-migration-logs.js';
import { readMigrationLockRuns } from './read-migration-lock-runs.js';
import { readMetadataLockRuns } from './read-metadata-lock-runs.js';
import { needsMetadataLockRuns, pickMetadataLockRuns } from '../../domain/triage/metadata-lock.js';
import { needsMigrationLockRuns, pickMigrationLockRuns } from '../../domain/triage/migration-lock.js';
import { needsFailedMigrationJobs, pickFailedMigrationRuns } from '../../domain/triage/failed-migration.js';
import { listVersionRefusedServices } from '../../domain/triage/server-version-requirement.js';
import { listUpgradedServerRolloutReads, listUpgradedServerServices } from '../../domain/triage/server-upgrade.js';
import { needsKeyProducers } from '../../domain/triage/partition-lag-skew.js';
import { needsQueueProducers } from '../../domain/triage/worker-queue-names.js';
import { findSchemaChangedUnder, pickMigrationJobRuns } from '../../domain/triage/migration-job-log.js';

/** Services of the namespace whose own log says why the workload fails on them: one that refuses it, the database its queries time out on (its lock waits); and its cache, when its hit ratio collapsed. */
function dependencyServiceNames(seen: Parameters<typeof listRefusingServices>[0], slices: readonly EndpointSliceEvidence[]): string[] {
  const db = pickTimedOutDatabase(seen) ?? pickClosingDatabase(seen) ?? pickClosingMysql(seen) ?? pickRoleLimitDatabase(seen) ?? pickTimedOutRedis(seen);
  // Or its crashed runs refuse the server for its version (a client library that requires a newer one): that server's pod names its image.
  // Or a server refuses it for being older than it (MongoDB 6.0 and OP_QUERY): that server's pod, whose workload's revisions say when it was upgraded.
  // Or it finds pooled HTTP connections closed on reuse (unexpected end of stream), or a proxy's upstream cuts its requests before their header: the server's pod says its idle timeout.
  const closing = pickClosingHttpService({ ...seen, endpointSlices: slices });
  const first = [...new Set([...listRefusingServices(seen), ...(db === undefined ? [] : [db]), ...listVersionRefusedServices(seen), ...listUpgradedServerServices(seen), ...(closing === undefined ? [] : [closing])])].slice(0, 2);
  // Its cache hit ratio collapsed: the cache's pod says when it (re)started and whether it keeps anything.
  const cache = pickColdCacheService(seen);
  return cache === undefined || first.includes(cache) ? first : [...first, cache];
}

/** What the first round of reads brings, as it arrives. */
export interface FirstReads {
  pods: Promise<PodsRead>;
  services: ReturnType<typeof readServices>;
  slices: ReturnType<typeof readEndpointSlices>;
  context: ReturnType<typeof readNamespaceContext>;
  dns: ReturnType<typeof readClusterDns>;
  /** The workload's revisions: whether a rollout came just before its failures. */
  revisions: Promise<RevisionsRead>;
  /** The pods' details: their logs, the claims, and the events and nodes that say where they fail (a lone pod stopped: its callers). */
  details: Promise<Pick<TriageEvidence, 'logs' | 'events' | 'pvcs' | 'nodes'>>;
  /** The workload's own events: the controller's ScalingReplicaSet says when a rollout took the old pods down. */
  workloadEvents: Promise<EventEvidence[]>;
}

type Leads = Pick<TriageEvidence, 'nodeChange' | 'pullQueue' | 'downServices' | 'volumeServerPods' | 'calledServices' | 'callerPods' | 'acmeSolvers' | 'serviceCallers' | 'foreignPods' | 'dependencyPods' | 'peerRollout' | 'namespaceRollouts' | 'redisClientLogs' | 'dependencyMembers' | 'portHolders' | 'hostNetworkHolders' | 'dependencyServices' | 'meshProxyLogs' | 'servicesElsewhere' | 'secretSyncEvents' | 'certificateEvents' | 'claimApplierEvents' | 'autoscalerStatus' | 'injector' | 'provisionerController' | 'snapshotterLog' | 'ingressController' | 'namespaceJobs' | 'accountJobLogs' | 'migrationJobLogs' | 'failedMigrationLogs' | 'proxyConfig' | 'proxyRoutes' | 'proxyConnectionConfig' | 'sentinelConfig' | 'reloadConfig' | 'timeoutConfig' | 'replicationPrimary' | 'writerService' | 'staleConfig' | 'storeVolume' | 'standbyPrimary' | 'proxyAcl' | 'yamlBooleans' | 'entrypointScripts' | 'settingConfig' | 'circuitBreakerConfig' | 'groupCoordinator' | 'historyRetention' | 'schedulerReplicas' | 'poolConfig' | 'memoryPoolConfig' | 'schemaGeneration' | 'serverNames' | 'configEndpoints' | 'resolverPeers' | 'senderRollouts' | 'sinkSenders' | 'issuerProvider' | 'cotenantScaleUps' | 'rateLimitService' | 'frontProxy' | 'backendDown' | 'replayingProxy' | 'advertisedHost' | 'gateControllers' | 'queueConsumers' | 'queuePeers' | 'namedNamespaceServices' | 'cronJobSchedules' | 'cleanupCronJobs' | 'leftSettingJobLogs' | 'formerConsumerLines' | 'claimHolders' | 'clientVersion' | 'tlsLibrary' | 'serverCertRefusal' | 'readOnlyJobLogs' | 'backupJobLogs' | 'refresherJobLogs' | 'sessionListings' | 'migrationLockRuns' | 'metadataLockRuns' | 'gateWriter' | 'meshControlPlane' | 'imageHolderNodes' | 'dnsCacheConfig' | 'walRetentionConfig'>;
/** What the leads add to the cluster DNS's evidence: its capacity, its Corefile. */
type DnsParts = Partial<Pick<NonNullable<TriageEvidence['dns']>, 'capacity' | 'config' | 'logs' | 'services'>>;

type OtherRolloutSeen = Pick<TriageEvidence, 'logs' | 'pods' | 'collectedAt'> & { namespace: string; target: TriageTarget };

/**
 * Where the workload's evidence says another workload of its namespace changed what it receives or holds, the
 * question asked of the namespace's ReplicaSets, in order: the first that applies gives the since and why the list
 * is read (no reason: readNamespaceRollouts's own, messages it cannot take).
 */
const OTHER_ROLLOUT_QUESTIONS: readonly (readonly [(seen: OtherRolloutSeen) => { since: string } | undefined, string | undefined])[] = [
  // Messages it cannot take (unregistered tasks, "Unknown magic byte!"): which sender rolled out.
  [needsNamespaceRollouts, undefined],
  [needsWriterRollouts, 'its transactions deadlock with another writer: which writer rolled out'],
  // Its statements time out waiting on locks (lock-holder-sessions.ts): which other client of the database rolled out and holds them.
  [needsLockHolderRollouts, 'its statements time out on locks: which other client of the database rolled out'],
  [needsMappingSenders, 'its index refuses the documents it writes for their mapping: which sender rolled out'],
  // Its consumer lag sits on one partition (partition-lag-skew.ts): which producer changed its key.
  [needsKeyProducers, 'its consumer lag sits on one partition: which producer changed its message key'],
  // Its Redis evicts the keys it needs (redis-evicting-keys): which other writer began filling it.
  [needsEvictionWriters, 'its Redis evicts the keys it needs at maxmemory: which other writer began filling it'],
  // Its Redis calls time out with no blocking command of its own (redis-client-rollout.ts): which other client of the Redis rolled out.
  [needsRedisClientRollouts, 'its Redis calls time out with nothing of its own holding Redis: which other client of it rolled out'],
  // A job worker that lists its queues (worker-queue-names.ts): which producer set a queue name it does not list.
  [needsQueueProducers, 'it is a worker listing its queues: which producer set a queue name it does not list'],
  // The brokers refuse its fetches for the records' codec (kafka-fetch-stall.ts): which producer began to compress with zstd.
  [needsCodecProducers, 'the brokers refuse its fetches for the records\' codec: which producer set zstd'],
  // It reads read_committed and receives nothing while its lag grows, with no error (read-committed-stall.ts): which
  // transactional producer (of any age) left a transaction open — its pod lost, by the namespace's Warnings already read.
  [needsTransactionalProducers, 'it reads read_committed and receives nothing while its lag grows: which transactional producer left a transaction open'],
  // It refuses every bearer token for its signing algorithm (token-algorithm-mismatch.ts): which issuer changed how it signs.
  [needsSigningRollouts, 'it refuses every token for its signing algorithm: which token issuer changed how it signs'],
  // Postgres refuses its logins for their role's CONNECTION LIMIT (pg-role-limit.ts): which other client of the role rolled out.
  [needsRoleSharerRollouts, 'its role is at its CONNECTION LIMIT: which other client of the role rolled out'],
  // It refuses request bodies over its size limit, unchanged itself (body-limit-refusal.ts): which caller rolled out and sends more.
  [needsBodyLimitCallers, 'it refuses request bodies over its size limit: which caller rolled out'],
  // Its database refuses the values it writes as too long for their column (column-overflow.ts): which caller rolled out and sends longer ones.
  [needsColumnOverflowCallers, 'its database refuses the values it writes as too long for their column: which caller rolled out'],
  // Its lookups fail on ids past 2^53 a floating-point JSON parse rounded (id-precision-loss.ts): which service began to issue larger ids.
  [needsIdIssuerRollouts, 'it looks up ids past 2^53 that a floating-point parse rounded: which service began to issue larger ids'],
  // Its store answers that what it reads does not exist (data-object-rollout.ts): which other client of the store rolled out and renamed or deleted it.
  [needsDataObjectRollouts, 'its store answers that what it reads does not exist: which other client of the store rolled out'],
  // Its server answers BUSY for another client's script (redis-busy-script.ts): which other client of the server rolled out.
  [needsServerClientRollouts, 'its server is blocked by another client\'s script: which other client rolled out'],
];

export async function readLeads(ctx: CollectContext, target: TriageTarget, first: FirstReads): Promise<{ leads: Leads; dns: DnsParts }> {
  const now = (): string => ctx.now().toISOString();
  const { pods: podsP, services: servicesP, slices: slicesP, details: detailsP } = first;
  const ownPods = (pods: PodsRead): Set<string> => new Set(pods.ranked.map((p) => p.name));
  // The workload's neighbours through its Services: one left with no ready endpoint may be what it
  // fails on; pods of something else behind its own Services take a share of its traffic.
  const routingP = Promise.all([servicesP, slicesP, podsP]);
  const downP = routingP.then(([services, slices, pods]) => readDownServices(ctx, pickDownServices(services.services, slices, pods.ranked)));
  // A Service of the namespace the logs fail to connect to, though not down: its pods may keep dying (called-service.ts).
  const calledP = Promise.all([routingP, detailsP]).then(([[services, slices, pods], d]) => {
    const down = new Set(pickDownServices(services.services, slices, pods.ranked).map((s) => s.name));
    const called = pickCalledServices(d.logs, services.services, target, listOwnServiceNames(services.services, pods.ranked));
    // Or the server that answers its gRPC calls UNIMPLEMENTED: whether its new pods are held back (grpc-unimplemented.ts).
    const server = findUnimplementedCalls({ logs: d.logs, pods: pods.ranked, services: services.services, namespace: ctx.namespace, collectedAt: now() })?.peer;
    const unimplemented = services.services.filter((s) => s.name === server && !called.some((c) => c.name === s.name));
    const picked = [...called, ...unimplemented].filter((s) => !down.has(s.name));
    return picked.length === 0 ? [] : readDownServices(ctx, picked);
  });
  // Requests that stopped when an ingress NetworkPolicy changed: who the last callers were.
  const callersP = Promise.all([first.context, podsP, detailsP]).then(([c, pods, d]) => {
    const cut = findIngressCutoff({ networkPolicies: c.networkPolicies, pods: pods.ranked, logs: d.logs, collectedAt: now() });
    return cut === undefined ? [] : readCallerPods(ctx, cut.silence.callers);
  });
  // A Service of the namespace routes to cert-manager's HTTP-01 solvers: one that stays means a certificate that stopped renewing.
  const acmeSolversP = Promise.all([servicesP, podsP]).then(([services, pods]) => readAcmeSolvers(ctx, services.services, new Set([...ownPods(pods), ...pods.raw.keys()])));
  // The workload had no serving pod (now, or during a rollout of the last hour), serves while its own log reports slow requests (or its JVM's GC
  // overhead) again and again or its search cluster RED, or refuses requests for their headers' size (431), or its Service reaches it over IPv6 while it listens on IPv4 only: callers whose env or
  // args name its Service log what that cost them.
  // Or pods carrying a preStop hook that outlasts their grace period stopped lately: the callers (a proxy in front too) were cut off at each stop.
  const serviceCallersP = Promise.all([servicesP, podsP, detailsP, first.revisions, first.workloadEvents]).then(([services, pods, d, r, scaling]) => {
    const seen = { pods: pods.ranked, services: services.services, logs: d.logs };
    const down = pickOutageServices({ ...seen, events: d.events, collectedAt: now() });
    // Ready now, but a rollout of the last hour left no ready pod: the callers felt the gap.
    const outage = down.length > 0 ? down : pickRolloutOutageServices({ ...seen, events: [...scaling, ...d.events], revisions: r.revisions, collectedAt: now() });
    const strained = outage.length > 0 ? outage : pickStrainedServices(seen);
    const called = strained.length > 0 ? strained : pickFamilyMismatchServices(seen);
    const cut = called.length > 0 ? [] : pickCutOffServices({ ...seen, revisions: r.revisions, events: d.events, collectedAt: now() });
    const own = new Set([...ownPods(pods), ...pods.raw.keys()]);
    if (cut.length > 0) return readServiceCallers(ctx, cut, own, { proxies: true });
    return called.length === 0 ? [] : readServiceCallers(ctx, called, own);
  });
  const foreignP = routingP.then(([services, slices, pods]) => readForeignPods(ctx, pickForeignPods(services.services, slices, pods), pods.others));
  // The pods' logs find an NFS share stale (ESTALE) and a Service of the namespace serves it: when its pods started (volume-replaced.ts).
  const volumeServerP = Promise.all([servicesP, podsP, detailsP]).then(([services, pods, d]) => {
    const seen = { target, collectedAt: now(), logs: d.logs, pods: pods.ranked, services: services.services, pvcs: d.pvcs } as unknown as TriageEvidence;
    const names = pickStaleShareServers(seen);
    const picked = services.services.filter((s) => names.includes(s.name));
    return picked.length === 0 ? undefined : readVolumeServerPods(ctx, picked);
  });
  // A Service the workload's logs say refuses it now (a broker's alarm): one of its pods' own log names why.
  const dependencyP = Promise.all([detailsP, podsP, slicesP, servicesP, downP]).then(async ([d, pods, slices, services, down]) => {
    // The namespace's Services: the one on the server's port, when the client's address is in a file (Cassandra contact points).
    const seen = { logs: d.logs, pods: pods.ranked, target, services: services.services };
    const names = dependencyServiceNames(seen, slices);
    // One whose own servers log why (a disk watermark), in any namespace: a few of its pods' tails (one of the namespace read above already has its pod read).
    const explained = listExplainedServices(seen).filter((s) => s.namespace !== target.namespace || !names.includes(s.name));
    // Its MongoDB queries run out of maxTimeMS: a few of the server's pods, the primary among them, log them as slow (a COLLSCAN).
    // Or its transactions are aborted again and again (NoSuchTransaction): mongod says why (its transaction lifetime).
    const mongo = explained.length === 0 ? pickTimedOutMongo(seen, slices, now()) ?? pickAbortingMongo(seen, slices) : undefined;
    if (mongo !== undefined && !names.includes(mongo.name)) explained.push(mongo);
    // A client pinned to one pod of a replicated server (its pod DNS name): that pod, whose log names the primary now.
    const picked = pickDependencyPods(names, slices, down);
    const pinned = listPinnedServerPods({ ...seen, endpointSlices: slices }).filter((p) => !picked.some((x) => x.pod === p.pod));
    const [own, explaining] = await Promise.all([readDependencyPods(ctx, [...picked, ...pinned]), explained.length === 0 ? [] : readExplainingPods(ctx, explained)]);
    // A limit the server refuses at that its command line does not set: the ConfigMap its pod mounts (my.cnf).
    // Or a Postgres that terminates sessions at a timeout: the ConfigMap that sets it.
    const configReads = listServerConfigReads(seen, own);
    // Or a Postgres role at its CONNECTION LIMIT: the init script that makes the role.
    // Or a MySQL that closes idle connections (wait_timeout): the my.cnf its pod mounts.
    const pgTimeoutReads = configReads.length > 0 ? configReads : listTimeoutConfigReads(seen, own);
    const mysqlReads = pgTimeoutReads.length > 0 ? pgTimeoutReads : listWaitTimeoutConfigReads(seen, own);
    // Or a Redis its calls time out on: the redis.conf its pod mounts, for settings that cost every command (keyspace notifications).
    const timeoutReads = mysqlReads.length > 0 ? mysqlReads : listCostlyConfigReads(seen, own);
    const roleReads = timeoutReads.length > 0 ? timeoutReads : listRoleLimitConfigReads(seen, own);
    // Or a Postgres whose commits wait for synchronous replication: the postgresql.conf that names its synchronous standbys.
    const read = [...(await readServerConfig(ctx, own, roleReads.length > 0 ? roleReads : listSyncStandbyConfigReads(own))), ...explaining];
    // Its tail holds only the refusals: once, deeper, for the line that says why (Postgres's wraparound warnings, or when it reloaded its timeout).
    const searches = listServerLogSearches(seen, read);
    const timeoutSearches = searches.length > 0 ? searches : listTimeoutLogSearches(seen, read);
    // Or mongod's tail shows collection scans but not when the index went: once, deeper, for the dropped index.
    const searched = await readServerLogSearches(ctx, read, timeoutSearches.length > 0 ? timeoutSearches : listCollscanLogSearches(seen, slices, read, now()));
    // Its own log says its disk is full: the claims its pod mounts, for the volume to grow and its size.
    // Or that its writes wait minutes on the disk: the claims, for the volume's class and size (gp2's baseline).
    const full = listServerClaimReads(seen, searched);
    const claimed = await readServerClaims(ctx, searched, full.length > 0 ? full : listSlowStorageClaimReads(searched));
    // It refuses by its own settings (a library it preloads, its sql_mode): its StatefulSet's revisions say when it took them.
    // Or it refuses the client for being older than it: its revisions say when it was upgraded under the client.
    const settingsRollout = listServerRolloutReads(seen, claimed);
    return readServerRollout(ctx, claimed, settingsRollout.length > 0 ? settingsRollout : listUpgradedServerRolloutReads(seen, claimed));
  });
  // Answers the client refuses for their size (gRPC ResourceExhausted): the peer's rollouts say when they grew.
  const peerRolloutP = Promise.all([servicesP, podsP, detailsP]).then(([services, pods, d]) => {
    const seen = { logs: d.logs, pods: pods.ranked, services: services.services, namespace: ctx.namespace, collectedAt: now() };
    // Or calls it answers UNIMPLEMENTED (gRPC): whether the peer's new release, with the method or without it, is out.
    // Or HTTP calls it answers 404 on a path (http-route-gone.ts): whether the peer's new release dropped the route.
    // Or HTTP calls it answers 400 for plain HTTP on a TLS port, 414 for a URL too long, or 417 to Expect: 100-continue, the forward proxy of HTTP(S)_PROXY among them (peer-request-refusal.ts): whether its release is the change.
    const peer = findOversizedResponses(seen)?.peer ?? findUnimplementedCalls(seen)?.peer ?? findMissingRoutes(seen)?.peer ?? findRequestRefusals(seen)?.peer;
    const svc = services.services.find((s) => s.name === peer);
    return svc === undefined ? undefined : readPeerRollout(ctx, svc);
  });
  // Whether another workload's rollout is the since (OTHER_ROLLOUT_QUESTIONS): the first question the evidence asks wins; one list read at most.
  const namespaceRolloutsP = Promise.all([podsP, detailsP]).then(([pods, d]) => {
    const seen: OtherRolloutSeen = { logs: d.logs, pods: pods.ranked, collectedAt: now(), namespace: ctx.namespace, target };
    for (const [needs, why] of OTHER_ROLLOUT_QUESTIONS) {
      const need = needs(seen);
      if (need !== undefined) return readNamespaceRollouts(ctx, target, need.since, why);
    }
    return undefined;
  });
  // Its Redis calls time out and another client of that Redis rolled out: what that client's log says it runs against Redis.
  const redisClientLogsP = Promise.all([podsP, detailsP, namespaceRolloutsP]).then(([pods, d, rollouts]) => {
    const pick = rollouts === undefined ? undefined : pickRedisClientToRead({ logs: d.logs, pods: pods.ranked, target, collectedAt: now() }, rollouts);
    return pick === undefined ? undefined : readRedisClientLog(ctx, pick);
  });
  // Documents its search index refuses for their mapping: the other namespaces its lines or channel name, for the sender that rolled out.
  const senderRolloutsP = Promise.all([podsP, detailsP]).then(([pods, d]) => {
    const need = needsMappingSenders({ logs: d.logs, pods: pods.ranked, collectedAt: now(), namespace: ctx.namespace });
    return need === undefined || need.namespaces.length === 0 ? undefined : readSenderRollouts(ctx, target, need);
  });
  // A collector refusing data for its own memory (its memory_limiter): the cluster's Deployments that send to it, and which rolled out before.
  const sinkSendersP = Promise.all([podsP, detailsP, servicesP]).then(([pods, d, services]) => {
    const need = needsSinkSenders({ logs: d.logs, pods: pods.ranked, collectedAt: now() });
    return need === undefined ? undefined : readSinkSenders(ctx, target, need, [...listOwnServiceNames(services.services, pods.ranked)]);
  });
  // Lookups that stall at the resolver timeout: the namespace's Deployments that already set a resolver option against it.
  const resolverPeersP = Promise.all([podsP, detailsP]).then(([pods, d]) => (needsResolverPeers(d.logs, pods.ranked) ? readResolverPeers(ctx, target) : undefined));
  // A clustered dependency its clients say is down (CLUSTERDOWN): its members, which are missing and why.
  const membersP = Promise.all([detailsP, podsP, servicesP]).then(async ([d, pods, services]) => {
    const seen = { logs: d.logs, pods: pods.ranked, target, services: services.services };
    // Its members refuse the cluster id their coordinator hands out: the coordinator's members and claims (were they re-created?).
    const coordinator = pickIdentityCoordinator(seen);
    const coordinated = coordinator === undefined ? undefined : await readDependencyMembers(ctx, { ...coordinator, claims: true }, 'the members refuse the cluster id it hands out');
    if (coordinated !== undefined) return [coordinated];
    const ref = pickClusterDownService(seen);
    if (ref !== undefined) {
      const read = await readDependencyMembers(ctx, ref);
      return read === undefined ? [] : [read];
    }
    // Its address kept in a ConfigMap the client takes whole (envFrom): that key, then its Service's members.
    const wanted = pickClusterDownConfigMaps(seen);
    const address = wanted === undefined ? undefined : await readClientAddress(ctx, wanted.server, wanted.configMaps);
    const named = address === undefined ? undefined : findInClusterService(address.host, target.namespace);
    const read = named === undefined ? undefined : await readDependencyMembers(ctx, { ...named, ...(wanted?.topics ? { topics: wanted.topics } : {}) });
    if (read !== undefined && address !== undefined) return [{ ...read, address }];
    // Its clients are told their topic or stream does not exist: whether the brokers create topics on first use, which streams they define.
    const brokers = pickMissingDestinationServers(seen);
    const members = brokers === undefined ? undefined : await readDependencyMembers(ctx, brokers, 'its clients are told their topic or stream does not exist');
    if (members !== undefined) return [await readBrokerConfig(ctx, members)];
    // It returns the workload's publishes unroutable (NO_ROUTE): the exchanges, queues and bindings its definitions declare.
    const router = pickUnroutableBroker(seen);
    const routing = router === undefined ? undefined : await readDependencyMembers(ctx, router, "it returns the workload's messages unroutable");
    if (routing !== undefined) return [await readBrokerTopology(ctx, routing)];
    // Its consumer stats show its intake fell while its queue stays empty: whether the definitions let the queue drop what waits.
    const dropping = pickExpiringQueueBroker({ logs: d.logs, collectedAt: now(), services: services.services, namespace: ctx.namespace });
    const queued = dropping === undefined ? undefined : await readDependencyMembers(ctx, dropping, 'its consumer takes far fewer messages while its queue stays empty');
    if (queued !== undefined) return [await readBrokerTopology(ctx, queued)];
    // Its consumer requeues what it fails and counts the deliveries: the broker's version, its queue's delivery limit and dead-letter exchange, and its upgrade.
    const requeuing = pickRequeueBroker({ logs: d.logs, pods: pods.ranked, collectedAt: now(), services: services.services, namespace: ctx.namespace });
    const redelivers = requeuing === undefined ? undefined : await readDependencyMembers(ctx, requeuing, 'its consumer requeues messages again and again');
    if (redelivers !== undefined) return [await readBrokerRollout(ctx, await readBrokerTopology(ctx, redelivers, 'its consumer requeues messages again and again'))];
    // It refuses the workload's publishes for their size: the broker's version and its upgrade (4.0 lowered max_message_size).
    const oversize = pickOversizeBroker({ logs: d.logs, pods: pods.ranked, collectedAt: now(), services: services.services, namespace: ctx.namespace });
    const sized = oversize === undefined ? undefined : await readDependencyMembers(ctx, oversize, "it refuses the workload's publishes for their size");
    if (sized !== undefined) return [await readBrokerRollout(ctx, sized, "a broker that refuses the workload's publishes for their size")];
    // It refuses the workload's credentials: whether it restarted, and its configuration was written, just before.
    // A SCRAM login refused with the mechanism it used: its brokers, where the refused lines name them (the address in a config file).
    const scram = findScramRefusal(d.logs);
    const refusing = pickRejectingServer(seen) ?? pickAuthPluginServer(seen) ?? (scram ? pickScramRefusalServer(d.logs, target.namespace) : undefined);
    const server = refusing === undefined ? undefined : await readDependencyMembers(ctx, refusing, "it refuses the workload's credentials");
    if (server === undefined) return [];
    // Which SCRAM mechanisms its members hold for the user: their own logs say (a KRaft controller's replayed records).
    const updated = await readConfigUpdates(ctx, scram ? await readScramCredentials(ctx, server, scram.mechanism) : server);
    // Its refusal turns on the clients' certificate: its own log names the identity it read from it.
    return [pickCertificateRefusal(seen).length > 0 ? await readMemberIdentity(ctx, updated) : updated];
  });
  const portHoldersP = podsP.then((pods) => {
    const waits = pickPortWaits(pods.ranked);
    return waits.length === 0 ? [] : readPortHolders(ctx, waits, ownPods(pods));
  });
  const hostHoldersP = Promise.all([podsP, detailsP]).then(([pods, d]) => {
    const clashes = pickHostPortClashes(pods.ranked, d.logs, now());
    return clashes.length === 0 ? [] : readHostNetworkHolders(ctx, clashes, ownPods(pods));
  });
  // A Service of another namespace the failing pods name in their logs: where that name leads.
  // Or, where the logs time out on an address an egress rule allows by ipBlock, the API server's Service: is that its ClusterIP (service-dnat.ts)?
  const dependencyServicesP = Promise.all([podsP, detailsP, servicesP, first.context]).then(([pods, d, services, c]) => {
    const named = pickDependencyServices(pods.ranked, d.logs, ctx.namespace, now());
    const api = wantsApiServerService({ logs: d.logs, labels: pods.ranked[0]?.labels ?? {}, services: services.services, networkPolicies: c.networkPolicies, namespace: ctx.namespace });
    const refs = api && !named.some((r) => r.namespace === API_SERVER_SERVICE.namespace && r.name === API_SERVER_SERVICE.name) ? [...named, { ...API_SERVER_SERVICE }] : named;
    return refs.length === 0 ? [] : readDependencyServices(ctx, refs);
  });
  // Calls through an Istio sidecar to a Service whose TCP port is declared HTTP: the proxy's log shows its codec rejecting them.
  const meshProxyP = Promise.all([podsP, detailsP, servicesP]).then(([pods, d, services]) => readMeshProxyLog(ctx, pods.ranked, d.logs, services.services));
  // A short name that resolves to nothing here: a Service of that name in another namespace is where it went.
  const servicesElsewhereP = Promise.all([podsP, detailsP, servicesP]).then(([pods, d, services]) => {
    const names = services.complete ? pickShortNamesElsewhere(pods.ranked, d.logs, services.services, now()) : [];
    return names.length === 0 ? [] : readServicesElsewhere(ctx, names);
  });
  // A cluster-local name of another namespace that does not resolve: that namespace's Services say it is gone, and what took its place.
  const namedNamespaceServicesP = detailsP.then((d) => {
    const refs = pickUnresolvedNamespaces(d.logs, ctx.namespace);
    return refs.length === 0 ? [] : readNamedNamespaceServices(ctx, refs);
  });
  // Credentials rejected from a Secret: what keeps that Secret in sync may say why it went stale.
  const secretSyncP = Promise.all([podsP, detailsP]).then(([pods, d]) => {
    const secrets = listRejectedSecrets({ logs: d.logs, pods: pods.ranked });
    return secrets.length === 0 ? [] : readSecretSyncEvents(ctx, secrets);
  });
  // The pods' client certificate refused: cert-manager's events say whether the Certificate behind their Secret was re-issued.
  const certificateEventsP = Promise.all([podsP, detailsP]).then(([pods, d]) => readCertificateEvents(ctx, { logs: d.logs, pods: pods.ranked }));
  // A full claim that a GitOps tool applies: a bigger size it was refused shows in that object's events only.
  const claimApplierP = Promise.all([podsP, detailsP]).then(([pods, d]) => {
    const appliers = listFullClaims({ logs: d.logs, pods: pods.ranked, pvcs: d.pvcs }).flatMap((c) => (c.appliedBy ? [c.appliedBy] : []));
    return appliers.length === 0 ? [] : readClaimApplierEvents(ctx, appliers);
  });
  // A pod waiting for a node: the cluster autoscaler's status says why none comes (one get).
  const autoscalerP = podsP.then((pods) => (needsAutoscalerStatus(pods.ranked) ? readAutoscalerStatus(ctx) : undefined));
  // Failing pods that asked a webhook for containers and got none: whether that injector runs, and its log.
  const injectorP = podsP.then((pods) => {
    const missed = pickMissedInjection(pods.ranked, now());
    return missed === undefined ? undefined : readInjector(ctx, missed);
  });
  // A claim that waits on an external provisioner far longer than a volume takes: whether its controller runs.
  const provisionerP = detailsP.then((d) => {
    const stalled = pickStalledProvisioner(d.pvcs, d.events, now());
    return stalled === undefined ? undefined : readProvisionerController(ctx, stalled.driver, stalled.since);
  });
  // A claim restored from a snapshot the provisioner says is not ready: the driver's snapshotter logs why it is not taken.
  const snapshotterP = Promise.all([detailsP, provisionerP]).then(([d, p]) => {
    const source = pickUnreadySnapshotSource(d.pvcs, d.events);
    return source === undefined || source.state !== 'not ready' || p === undefined ? undefined : readSnapshotterLog(ctx, p, source.snapshot);
  });
  // Lookups that time out while every DNS pod is ready: what left the cluster DNS short (a scale-down, an edited ConfigMap).
  const dnsCapacityP = Promise.all([first.dns, detailsP]).then(([dns, d]) => {
    const deployment = needsDnsCapacity(d.logs, dns);
    return deployment === undefined || dns === undefined ? undefined : readDnsCapacity(ctx, deployment, dns.pods);
  });
  // Lookups that time out toward a nameserver the lines name while every DNS pod is ready: whether it is still the DNS Service's ClusterIP.
  const dnsServicesP = Promise.all([first.dns, detailsP]).then(([dns, d]) => (dns !== undefined && needsDnsService(d.logs, dns) ? readDnsServices(ctx, dns) : undefined));
  // Lookups that fail while a DNS pod is not ready: the DNS pods' own logs (a Corefile that does not parse).
  const dnsLogsP = Promise.all([first.dns, detailsP]).then(([dns, d]) => readDnsPodLogs(ctx, needsDnsPodLogs(d.logs, dns)));
  // Lookups answer NXDOMAIN: where the DNS's Corefile sends an outside name, how long it caches a denial (one get);
  // or fail while a DNS pod is not ready: when its Corefile was last edited.
  const dnsConfigP = Promise.all([first.dns, detailsP]).then(([dns, d]) => {
    const name = needsDnsConfig(d.logs, dns) ?? (needsDnsPodLogs(d.logs, dns).length > 0 && dns !== undefined ? dnsDeploymentOf(dns.pods) ?? 'coredns' : undefined);
    return name === undefined ? undefined : readDnsConfig(ctx, name);
  });
  // Failures on one node only, which reports no bad condition: what started there just before.
  const nodeChangeP = Promise.all([podsP, detailsP]).then(([pods, d]) => readNodeChange(ctx, pods.ranked, d.nodes, d.events));
  // A pull of its image unfinished after minutes: what else that node's kubelet pulls, one image at a time.
  const pullQueueP = Promise.all([podsP, detailsP]).then(([pods, d]) => readPullQueue(ctx, pods.ranked, d.events));

  // Pods that serve through a Service may look fine while users get 5xx from the proxy in front: its log says.
  const ingressP = routingP.then(([services, slices, pods]) => (listServedServices(services.services, slices, ownPods(pods)).length === 0 ? undefined : readIngressController(ctx)));

  // nginx in the pods refusing request bodies again and again (413): its client_max_body_size, now and in the revision before.
  const proxyConfigP = Promise.all([podsP, detailsP, first.revisions]).then(([pods, d, r]) => readProxyConfig(ctx, { logs: d.logs, pods: pods.ranked, revisions: r.revisions }));
  // nginx in the pods answering 404 to most requests under one prefix: its prefix locations and their proxy_pass, now and in the revision before.
  const proxyRoutesP = Promise.all([podsP, detailsP, first.revisions]).then(([pods, d, r]) => readProxyRoutes(ctx, { logs: d.logs, pods: pods.ranked, revisions: r.revisions }));
  // A pod whose RBD image will not map because another client still holds it: the cluster's NotReady nodes, the likely holders.
  const imageHoldersP = Promise.all([podsP, detailsP]).then(([pods, d]) => readImageHolders(ctx, { events: d.events, pods: pods.ranked }));
  // Pods failing on a host's old address while others reach its new one: the JVM's DNS cache TTL in the java.security file it mounts.
  const dnsCacheConfigP = Promise.all([podsP, detailsP]).then(([pods, d]) => readDnsCacheConfig(ctx, { logs: d.logs, pods: pods.ranked }));
  // Envoy in the pods refusing requests at its circuit breakers again and again (503 UO): its thresholds, now and in the revision before.
  const circuitBreakerConfigP = Promise.all([podsP, detailsP, first.revisions]).then(([pods, d, r]) => readCircuitBreakerConfig(ctx, { logs: d.logs, pods: pods.ranked, revisions: r.revisions, collectedAt: now() }));
  // Envoy in the pods failing requests at its rate-limit service (500 RLSE): the filter's settings and the Deployment behind that Service.
  const rateLimitServiceP = Promise.all([podsP, detailsP, servicesP]).then(([pods, d, services]) => readRateLimitService(ctx, { logs: d.logs, pods: pods.ranked, services: services.services, collectedAt: now() }));
  // The workload serves through Services and a ConfigMap of the namespace holds an haproxy.cfg: the HAProxy whose config names one as a backend, and its log.
  const frontProxyP = Promise.all([podsP, servicesP, first.context]).then(([pods, services, c]) =>
    hasHaproxyConfig(c.objects) ? readFrontProxy(ctx, { pods: pods.ranked, services: services.services, workload: target.name }) : undefined,
  );
  // The workload logs requests performed twice and serves through Services: the nginx of the namespace that replays non-idempotent requests to it.
  const replayingProxyP = Promise.all([podsP, detailsP, servicesP]).then(([pods, d, services]) => readReplayingProxy(ctx, { logs: d.logs, pods: pods.ranked, services: services.services, workload: target.name }));
  // The pods log the TLS alert a server sends when it refuses their client certificate: that server's own log says why (one pod, one log).
  const serverCertRefusalP = Promise.all([podsP, detailsP]).then(([pods, d]) => {
    const ref = pickCertRefusingServer({ logs: d.logs, pods: pods.ranked, namespace: target.namespace });
    return ref === undefined ? undefined : readServerCertRefusal(ctx, ref);
  });
  // nginx in the pods running out of connections again and again (worker_connections, open files): its connection limits (one get).
  // Its own HAProxy lost every server of a backend to its health checks: the check, the servers' Service and its rollouts.
  const backendDownP = Promise.all([podsP, detailsP, servicesP]).then(([pods, d, services]) => readBackendDown(ctx, { logs: d.logs, pods: pods.ranked, services: services.services }));
  const proxyConnectionConfigP = Promise.all([podsP, detailsP]).then(([pods, d]) => readProxyConnectionConfig(ctx, { logs: d.logs, pods: pods.ranked }));
  // Tunnels the namespace's forward proxy refuses with 403: its acl and http_access rules (one pod, one ConfigMap get).
  const proxyAclP = Promise.all([podsP, detailsP, servicesP, slicesP]).then(([pods, d, services, slices]) =>
    readProxyAcl(ctx, pickProxyAclRead({ logs: d.logs, pods: pods.ranked, services: services.services, namespace: ctx.namespace }), slices),
  );
  // Statements cancelled at the client's own statement timeout again and again: the setting in the ConfigMaps the container takes variables from.
  const timeoutConfigP = Promise.all([podsP, detailsP]).then(([pods, d]) => readTimeoutConfig(ctx, { logs: d.logs, pods: pods.ranked }));
  // SQS deletes refused for expired receipts, Vault refusing every pod: the visibility timeout, the tokens' max TTL (ConfigMaps the container reads; the Vault role's).
  const settingConfigP = Promise.all([podsP, detailsP, first.context]).then(([pods, d, c]) => readSettingConfig(ctx, { logs: d.logs, pods: pods.ranked, configMaps: c.objects.filter((o) => o.kind === 'ConfigMap') }));
  // The proxy's reloads fail its config test on a directive (nginx's [emerg]): the ConfigMap its controller renders from (one get).
  const reloadConfigP = Promise.all([podsP, detailsP]).then(([pods, d]) => readReloadConfig(ctx, { events: d.events, logs: d.logs, pods: pods.ranked }));

  // Its replicas start a sync and lose the link again and again: the primary they name logs why it drops them, and its config the limits.
  const replicationPrimaryP = Promise.all([detailsP, podsP, slicesP, first.context, foreignP]).then(([d, pods, slices, c, known]) => {
    // Every namespace holds kube-root-ca.crt: no ConfigMap listed means the list was not read.
    const configMaps = c.objects.filter((o) => o.kind === 'ConfigMap');
    return readReplicationPrimary(ctx, { logs: d.logs, endpointSlices: slices, ownPods: ownPods(pods), known, ...(configMaps.length > 0 ? { configMaps } : {}) });
  });

  // Writes refused as read-only through a writer Service that selects one pod by name: its fellow members' role labels name the primary now.
  const writerServiceP = Promise.all([detailsP, podsP, servicesP]).then(([d, pods, services]) => {
    const [pinned] = listPinnedWriterServices({ logs: d.logs, pods: pods.ranked, target, services: services.services });
    return pinned === undefined ? undefined : readWriterService(ctx, pinned);
  });

  // A host the logs say does not resolve, named by pods that read a ConfigMap through subPath or env: what that ConfigMap names now.
  const staleConfigP = Promise.all([podsP, detailsP]).then(([pods, d]) => readStaleConfig(ctx, { logs: d.logs, pods: pods.ranked }));
  // Sentinel knows no master by the name the clients ask for: the set names its config monitors.
  const sentinelConfigP = Promise.all([podsP, detailsP, first.context]).then(([pods, d, c]) => {
    const own = new Set(pods.ranked.map((p) => p.name));
    return readSentinelConfig(ctx, { logs: d.logs.filter((l) => own.has(l.pod)), namespaceObjects: c.objects });
  });
  // A crash line reports a setting read as a boolean (False where a code was expected): the bare YAML 1.1 word in the ConfigMap the pods mount.
  const yamlBooleansP = Promise.all([podsP, detailsP]).then(([pods, d]) => readYamlBooleans(ctx, { logs: d.logs, pods: pods.ranked }));
  // A container that exits running a script from a ConfigMap it mounts: that script, and the one the revision before mounted.
  const entrypointScriptsP = Promise.all([podsP, first.revisions]).then(([pods, r]) => readEntrypointScripts(ctx, { pods: pods.ranked, revisions: r.revisions }));
  // Its connection pool is exhausted again and again: the pool's size in the ConfigMaps the logging container mounts or takes variables from.
  const poolConfigP = Promise.all([podsP, detailsP]).then(([pods, d]) => readPoolConfig(ctx, { logs: d.logs, pods: pods.ranked }));
  // A container OOM-killed at its limit: the memory-pool settings (shared_buffers, cacheSizeGB) of the ConfigMaps it mounts.
  const memoryPoolConfigP = podsP.then((pods) => readMemoryPoolConfig(ctx, pods.ranked, now()));
  // Its queries find a table missing: the schema generation (ddl-auto) in the ConfigMaps the logging container mounts or takes variables from.
  const schemaGenerationP = Promise.all([podsP, detailsP]).then(([pods, d]) => readSchemaGeneration(ctx, { logs: d.logs, pods: pods.ranked }));
  const walRetentionConfigP = Promise.all([podsP, detailsP]).then(([pods, d]) => readWalRetentionConfig(ctx, { logs: d.logs, pods: pods.ranked }));
  // nginx stops at start for a server_name too long for its hash buckets: the longest name in the ConfigMap its container mounts.
  const serverNamesP = Promise.all([podsP, detailsP, first.revisions]).then(([pods, d, r]) => readServerNames(ctx, { logs: d.logs, pods: pods.ranked, revisions: r.revisions }));
  // A name the logs say does not resolve without naming it (gRPC's "produced zero addresses"): the Service names in the config the pods mount, and whether those Services exist.
  const configEndpointsP = Promise.all([podsP, detailsP]).then(([pods, d]) => readConfigEndpoints(ctx, { logs: d.logs, pods: pods.ranked }));
  // Its queries find a table missing: the database behind the Service its env names — is its volume newer than the app's pods (re-created empty)? does its log show a search_path set on the app's role?
  const storeVolumeP = Promise.all([detailsP, podsP, servicesP, slicesP]).then(([d, pods, services, slices]) => {
    const store = pickMissingTableStore({ logs: d.logs, pods: pods.ranked, target, services: services.services });
    return store === undefined ? undefined : readStoreVolume(ctx, store, slices);
  });
  // A PostgreSQL standby whose own log says its primary's system identifier differs: that primary (the Service its log, env or name points at) — one pod, its log tail, its claims — to date when it became another cluster.
  const standbyPrimaryP = Promise.all([detailsP, podsP, servicesP, slicesP]).then(([d, pods, services, slices]) => {
    const primary = pickStandbyPrimaryService({ logs: d.logs, pods: pods.ranked, target, services: services.services });
    return primary === undefined ? undefined : readStoreVolume(ctx, primary, slices, 'the primary a standby says is another database cluster');
  });

  // Failures with an onset that no rollout of the workload explains, or calls an outside API refuses
  // for their rate (429): a Job of the namespace that ran just before, or one on the same key, is what changed.
  // Its own log carries a data store's load hints (checkpoints too frequent): a Job running against it now explains the load.
  // Its MongoDB queries run out of maxTimeMS: a Job may have dropped the index they used.
  // A server it uses is blocked by another client's work inside it (Redis BUSY with a script): the Job that runs it.
  // PostgreSQL denies its role a privilege (42501): the migration Job that may have made the object as another role.
  // Active Directory refuses its bind as locked out (data 775): the Job that binds as the same account with an old password.
  // Its prepared statements' result type changed (0A000), or its writes are refused as NOT NULL (23502): the migration Job that changed the table.
  // It finds a table or column missing (Hibernate schema validation, 42P01/42703, 1146/1054): the migration Job that failed to create it.
  // Its writes are refused for a log that waits for a backup (SQL Server 9002 LOG_BACKUP, pg_wal full): the backup CronJob whose runs fail.
  // The registry refuses a pull made with a pull secret: the CronJob that rewrites that secret, whose runs may fail.
  const jobsBeforeP = Promise.all([podsP, detailsP, first.revisions]).then(([pods, d, r]) =>
    needsJobsBeforeOnset({ target, pods: pods.ranked, events: d.events, logs: d.logs, revisions: r.revisions, collectedAt: now() }) || needsRateLimitJobs(target, d.logs) || needsJobsUnderLoad(target, d.logs) || needsDumpLockJobs(target, d.logs) || findMaxTimeExpired({ logs: d.logs, pods: pods.ranked }, now()).length > 0 || needsServerJobRuns(d) || needsPrivilegeJobs(target, d.logs) || needsLockedAccountJobs(d.logs) || findSchemaChangedUnder(d.logs) !== undefined || needsFailedMigrationJobs(target, d.logs) || needsMigrationHistoryJobs(target, d.logs) || needsBackupJobs(target, d.logs) || needsPullSecretRefresher(target, pods.ranked, d.events) ? readJobsBeforeOnset(ctx) : undefined,
  );

  // A Job that ran just before the onset was made by a CronJob: its schedule and zone (when it runs is part of why).
  const cronJobSchedulesP = Promise.all([podsP, detailsP, first.revisions, jobsBeforeP]).then(([pods, d, r, jobs]) => {
    const names = jobs ? pickCronJobsBeforeOnset({ target, pods: pods.ranked, events: d.events, logs: d.logs, revisions: r.revisions, collectedAt: now(), namespaceJobs: jobs }) : [];
    return names.length > 0 ? readCronJobSchedules(ctx, names) : undefined;
  });

  // A store's disk is full (an index blocked read-only at the flood stage, No space left on device): the cleanup CronJob that stopped deleting.
  const cleanupCronJobsP = detailsP.then((d) => (needsCleanupCronJobs(d.logs) ? readCleanupCronJobs(ctx) : undefined));

  // Active Directory locks its account out (data 775) and a Job binds as the same account: what the directory told that Job's newest failed runs.
  const accountJobLogsP = Promise.all([podsP, detailsP, jobsBeforeP]).then(([pods, d, jobs]) => {
    const runs = pickAccountJobRuns({ logs: d.logs, pods: pods.ranked, ...(jobs ? { namespaceJobs: jobs } : {}) });
    return runs.length > 0 ? readAccountJobLogs(ctx, runs) : undefined;
  });

  // Its prepared statements' result type changed under it (0A000), or its writes are refused as NOT NULL, and a Job completed just before: what that migration applied.
  const migrationJobLogsP = Promise.all([detailsP, jobsBeforeP]).then(([d, jobs]) => {
    const runs = pickMigrationJobRuns({ logs: d.logs, ...(jobs ? { namespaceJobs: jobs } : {}) });
    return runs.length > 0 ? readMigrationJobLogs(ctx, runs) : undefined;
  });

  // It finds a table or column missing and a migration Job of the namespace failed within the day: what the database refused that Job.
  const failedMigrationLogsP = Promise.all([detailsP, jobsBeforeP]).then(([d, jobs]) => {
    const runs = pickFailedMigrationRuns({ target, logs: d.logs, ...(jobs ? { namespaceJobs: jobs } : {}) }, now());
    return runs.length > 0 ? readFailedMigrationLogs(ctx, runs) : undefined;
  });

  // It uses a search index and a Job of the namespace failed within the day: which index settings that Job changed (refresh off) before it died.
  // Its own list of the namespace's Jobs when no other lead listed them: that list stays out of the evidence, the Jobs-before-onset readings are not asked.
  const leftSettingLogsP = Promise.all([detailsP, first.context, jobsBeforeP]).then(async ([d, c, jobs]) => {
    if (!needsLeftSettingJobs({ target, logs: d.logs, warnings: c.warnings }, now())) return undefined;
    const runs = pickLeftSettingRuns(jobs ?? (await readJobsBeforeOnset(ctx)), now());
    return runs.length > 0 ? readLeftSettingLogs(ctx, runs) : undefined;
  });

  // Its writes are refused as read-only: whether a Job of the day left a read-only setting on (a maintenance freeze that never reset).
  // Its own list of the namespace's Jobs when no other lead listed them, as above.
  const readOnlyJobLogsP = Promise.all([detailsP, jobsBeforeP]).then(async ([d, jobs]) => {
    if (!needsReadOnlyJobs({ target, logs: d.logs })) return undefined;
    const runs = pickReadOnlyRuns(jobs ?? (await readJobsBeforeOnset(ctx)), now());
    return runs.length > 0 ? readReadOnlyJobLogs(ctx, runs) : undefined;
  });

  // Its writes are refused for a log that waits for a backup: why the newest failed run of the namespace's failing backup CronJob failed.
  const backupJobLogsP = Promise.all([detailsP, jobsBeforeP]).then(([d, jobs]) => {
    const runs = pickBackupRuns(jobs, d.logs);
    return runs.length > 0 ? readBackupJobLogs(ctx, runs) : undefined;
  });

  // The registry refuses its pulls for credentials: why the newest failed run of the CronJob that rewrites its pull secret failed.
  const refresherJobLogsP = Promise.all([podsP, detailsP, jobsBeforeP]).then(([pods, d, jobs]) => {
    const runs = pickRefresherRuns(jobs, pods.ranked, d.events);
    return runs.length > 0 ? readRefresherJobLogs(ctx, runs) : undefined;
  });

  // Its statements time out on locks the database's log says another session holds: a Job of the hour that printed the
  // database's sessions with psql says whose session that is (application_name, client address) and what it does.
  // Its own list of the namespace's Jobs when no other lead listed them, as above.
  const sessionListingsP = Promise.all([podsP, detailsP, dependencyP, jobsBeforeP]).then(async ([pods, d, deps, jobs]) => {
    if (findLockTimeouts({ logs: d.logs, pods: pods.ranked, collectedAt: now() }) === undefined) return undefined;
    const db = deps.find((x) => (x.namespace ?? ctx.namespace) === ctx.namespace && listLockHolders(x.logs.flatMap((l) => l.lines)).length > 0)?.service;
    if (db === undefined) return undefined;
    const runs = pickSessionListingRuns(jobs ?? (await readJobsBeforeOnset(ctx)), db, now());
    return runs.length > 0 ? readSessionListings(ctx, db, runs) : undefined;
  });

  // It waits at start-up for its migration tool's lock (Liquibase's changelog lock): the migration Jobs that run now or failed within the day, one of which may hold it.
  // Its own list of the namespace's Jobs when no other lead listed them, as above.
  const migrationLockRunsP = Promise.all([detailsP, jobsBeforeP]).then(async ([d, jobs]) => {
    if (!needsMigrationLockRuns(target, d.logs)) return undefined;
    const runs = pickMigrationLockRuns(jobs ?? (await readJobsBeforeOnset(ctx)), now());
    return runs.length > 0 ? readMigrationLockRuns(ctx, runs) : undefined;
  });

  // Its queries time out on locks (Error 1205): the schema changes that run now, whose DDL may wait for a table's metadata lock with its queries queued behind.
  // The list of the namespace's Jobs is the one read above (its lock waits ask for it).
  const metadataLockRunsP = Promise.all([detailsP, jobsBeforeP]).then(async ([d, jobs]) => {
    if (!needsMetadataLockRuns(target, d.logs)) return undefined;
    const runs = pickMetadataLockRuns(jobs ?? (await readJobsBeforeOnset(ctx)));
    return runs.length > 0 ? readMetadataLockRuns(ctx, runs) : undefined;
  });

  // It reads a Redis stream through a consumer group under its pods' names: what other workloads log about consumers of its former pods (their pending entries).
  const formerConsumersP = Promise.all([podsP, detailsP, first.revisions]).then(([pods, d, r]) => {
    const found = findPodNamedConsumers({ pods: pods.ranked, logs: d.logs, revisions: r.revisions, target });
    return found === undefined ? undefined : readFormerConsumers(ctx, target.name, new Set([...ownPods(pods), ...pods.raw.keys()]), found.group);
  });

  // A pending pod waits for a ReadWriteOncePod claim none of its own pods holds: the namespace's running pods that mount it, with their owners.
  const claimHoldersP = Promise.all([podsP, detailsP]).then(([pods, d]) => {
    const claims = pickHeldClaims(pods.ranked, d.pvcs);
    return claims.length === 0 ? undefined : readClaimHolders(ctx, claims, new Set([...ownPods(pods), ...pods.raw.keys()]));
  });

  // The brokers refuse its fetches for the records' codec (error 76) and no log tail states its Kafka client version: the head of one stalled pod's log.
  const clientVersionP = Promise.all([podsP, detailsP]).then(([pods, d]) => {
    const at = needsClientVersion({ logs: d.logs, pods: pods.ranked, collectedAt: now() });
    return at === undefined ? undefined : readConsumerClientVersion(ctx, at);
  });

  // Its calls fail a TLS handshake whose reading depends on the client's TLS library (an expired certificate, TLS terms) and no log tail names it: the head of one failing pod's log.
  const tlsLibraryP = detailsP.then((d) => {
    const at = needsTlsLibrary(d.logs);
    return at === undefined ? undefined : readTlsLibrary(ctx, at);
  });

  // Its Kafka consumers found no committed offset and restarted from the beginning: the coordinator's log (did it expire the group's offsets?) and offsets.retention.minutes.
  const groupCoordinatorP = detailsP.then((d) => {
    const pick = pickGroupCoordinator(d.logs, target.namespace);
    return pick === undefined ? undefined : readGroupCoordinator(ctx, pick);
  });
  // A Connect task died because its schema history topic is missing: the brokers' logs (was it deleted for retention?).
  const historyRetentionP = Promise.all([detailsP, podsP]).then(([d, pods]) => {
    const brokers = pickHistoryBrokers(d.logs, pods.ranked, target.namespace);
    return brokers === undefined ? undefined : readHistoryRetention(ctx, brokers);
  });
  // It executes queued tasks (a Celery worker): a scheduler of the namespace at 2+ replicas sends every scheduled task twice.
  const schedulerReplicasP = Promise.all([detailsP, podsP]).then(([d, pods]) => (needsSchedulerReplicas({ logs: d.logs, pods: pods.ranked }) ? readSchedulerReplicas(ctx, target) : []));
  // It is refused by a connection cap every client shares: another client of that host scaled up just before.
  const cotenantScaleUpsP = detailsP.then((d) => readCotenantScaleUps(ctx, target, d.logs));

  // It refuses every token for its issuer: the identity provider in the cluster whose template names the tokens' issuer, and its newest rollout.
  const issuerProviderP = detailsP.then((d) => readIssuerProvider(ctx, { logs: d.logs }));
  // It cannot resolve a per-pod name under a ClusterIP Service: the StatefulSet that hands it out, its headless Service, its newest revision.
  const advertisedHostP = detailsP.then((d) => readAdvertisedHost(ctx, { logs: d.logs }));
  // A broker blocks its sends on a full address: the namespace's Deployments that consume it (one at 0 replicas fills it).
  const queueConsumersP = detailsP.then((d) => readQueueConsumers(ctx, target, d.logs));
  // SQS says the queue its pods use does not exist: the queues the namespace's other Deployments name in their env.
  const queuePeersP = Promise.all([podsP, detailsP]).then(([pods, d]) => readQueuePeers(ctx, target, { logs: d.logs, pods: pods.ranked }));

  // Its pods sit SchedulingGated past the grace: the cluster's Deployment that lifts the gate, and its replicas.
  const gateControllersP = podsP.then((pods) => readGateControllers(ctx, pods.ranked));
  // Its pods' containers are ready but a readiness gate's condition was never written: whether the controller that writes it runs.
  const gateWriterP = podsP.then((pods) => readGateWriter(ctx, pods.ranked));
  // Its meshed pods log errors: whether their proxy reaches the mesh's control plane, and if not, whether that control plane runs.
  const meshControlPlaneP = Promise.all([podsP, detailsP]).then(([pods, d]) => readMeshControlPlane(ctx, pods.ranked, d.logs));

  // One key per lead, each on its own line: a new lead is one line here and one in Leads.
  const { dnsCapacity, dnsConfig, dnsLogs, dnsServices, hostHolders, ...found } = await awaitAll({
    nodeChange: nodeChangeP,
    pullQueue: pullQueueP,
    downServices: downP,
    volumeServerPods: volumeServerP,
    calledServices: calledP,
    callerPods: callersP,
    acmeSolvers: acmeSolversP,
    serviceCallers: serviceCallersP,
    foreignPods: foreignP,
    dependencyPods: dependencyP,
    peerRollout: peerRolloutP,
    namespaceRollouts: namespaceRolloutsP,
    redisClientLogs: redisClientLogsP,
    dependencyMembers: membersP,
    portHolders: portHoldersP,
    hostHolders: hostHoldersP,
    dependencyServices: dependencyServicesP,
    meshProxyLogs: meshProxyP,
    servicesElsewhere: servicesElsewhereP,
    namedNamespaceServices: namedNamespaceServicesP,
    secretSyncEvents: secretSyncP,
    certificateEvents: certificateEventsP,
    claimApplierEvents: claimApplierP,
    dnsCapacity: dnsCapacityP,
    autoscalerStatus: autoscalerP,
    injector: injectorP,
    provisionerController: provisionerP,
    snapshotterLog: snapshotterP,
    dnsConfig: dnsConfigP,
    dnsLogs: dnsLogsP,
    dnsServices: dnsServicesP,
    ingressController: ingressP,
    namespaceJobs: jobsBeforeP,
    cronJobSchedules: cronJobSchedulesP,
    cleanupCronJobs: cleanupCronJobsP,
    accountJobLogs: accountJobLogsP,
    migrationJobLogs: migrationJobLogsP,
    failedMigrationLogs: failedMigrationLogsP,
    leftSettingJobLogs: leftSettingLogsP,
    readOnlyJobLogs: readOnlyJobLogsP,
    backupJobLogs: backupJobLogsP,
    refresherJobLogs: refresherJobLogsP,
    sessionListings: sessionListingsP,
    migrationLockRuns: migrationLockRunsP,
    metadataLockRuns: metadataLockRunsP,
    formerConsumerLines: formerConsumersP,
    claimHolders: claimHoldersP,
    clientVersion: clientVersionP,
    tlsLibrary: tlsLibraryP,
    proxyConfig: proxyConfigP,
    proxyRoutes: proxyRoutesP,
    imageHolderNodes: imageHoldersP,
    dnsCacheConfig: dnsCacheConfigP,
    proxyConnectionConfig: proxyConnectionConfigP,
    sentinelConfig: sentinelConfigP,
    circuitBreakerConfig: circuitBreakerConfigP,
    reloadConfig: reloadConfigP,
    timeoutConfig: timeoutConfigP,
    settingConfig: settingConfigP,
    replicationPrimary: replicationPrimaryP,
    writerService: writerServiceP,
    staleConfig: staleConfigP,
    storeVolume: storeVolumeP,
    standbyPrimary: standbyPrimaryP,
    proxyAcl: proxyAclP,
    yamlBooleans: yamlBooleansP,
    entrypointScripts: entrypointScriptsP,
    groupCoordinator: groupCoordinatorP,
    historyRetention: historyRetentionP,
    schedulerReplicas: schedulerReplicasP,
    poolConfig: poolConfigP,
    memoryPoolConfig: memoryPoolConfigP,
    schemaGeneration: schemaGenerationP,
    walRetentionConfig: walRetentionConfigP,
    serverNames: serverNamesP,
    configEndpoints: configEndpointsP,
    resolverPeers: resolverPeersP,
    senderRollouts: senderRolloutsP,
    sinkSenders: sinkSendersP,
    issuerProvider: issuerProviderP,
    cotenantScaleUps: cotenantScaleUpsP,
    rateLimitService: rateLimitServiceP,
    frontProxy: frontProxyP,
    backendDown: backendDownP,
    replayingProxy: replayingProxyP,
    serverCertRefusal: serverCertRefusalP,
    advertisedHost: advertisedHostP,
    gateControllers: gateControllersP,
    gateWriter: gateWriterP,
    meshControlPlane: meshControlPlaneP,
    queueConsumers: queueConsumersP,
    queuePeers: queuePeersP,
  });
  const leads: Leads = dropEmpty({ ...found, hostNetworkHolders: hostHolders });
  return { leads, dns: { ...(dnsCapacity === undefined ? {} : { capacity: dnsCapacity }), ...(dnsConfig === undefined ? {} : { config: dnsConfig }), ...(dnsLogs === undefined || dnsLogs.length === 0 ? {} : { logs: dnsLogs }), ...(dnsServices === undefined ? {} : { services: dnsServices }) } };
}

/** Awaits every promise of an object, keeping its keys. */
async function awaitAll<T extends Record<string, unknown>>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const keys = Object.keys(promises) as (keyof T)[];
  const values = await Promise.all(keys.map((k) => promises[k]));
  return Object.fromEntries(keys.map((k, i) => [k, values[i]])) as T;
}

/** A lead that found nothing (undefined, an empty list) is left out of the evidence. */
function dropEmpty<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
