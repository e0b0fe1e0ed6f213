import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { analyzeCleanExits } from './clean-exit.js';
import { analyzeContainerConfig } from './container-config.js';
import { analyzeCpuStarved } from './cpu-starved.js';
import { analyzeHostSizedRuntime } from './host-sized-runtime.js';
import { analyzeCrashLoops } from './crash-loop.js';
import { analyzeDependencyErrors } from './dependency-errors.js';
import { analyzeDependencyRefusals } from './dependency-refuses.js';
import { analyzeDependencyClusterDown } from './dependency-cluster-down.js';
import { analyzeDependencyWorkloads } from './dependency-workload.js';
import { analyzeDependencyUnready } from './dependency-unready.js';
import { analyzeOversizedResponses } from './oversized-response.js';
import { analyzeMessageContract } from './message-contract.js';
import { analyzeWriterConflicts } from './writer-conflict.js';
import { analyzeCollscanTimeouts } from './collscan-timeout.js';
import { analyzeInvalidIndexes } from './invalid-index.js';
import { analyzeUnreachableMembers } from './unreachable-member.js';
import { analyzeDumpLock } from './dump-lock.js';
import { analyzeLogAwaitsBackup } from './log-awaits-backup.js';
import { analyzeMetadataLock } from './metadata-lock.js';
import { analyzeLockHolder } from './lock-holder.js';
import { analyzeOffsetReset } from './offset-reset.js';
import { analyzeOffsetOutOfRange } from './offset-out-of-range.js';
import { analyzeCassandraLocalDc } from './cassandra-local-dc.js';
import { analyzeKafkaCodecRefused } from './kafka-codec-refused.js';
import { analyzePartitionLagSkew } from './partition-lag-skew.js';
import { analyzeKafkaFetchStall } from './kafka-fetch-stall.js';
import { analyzeSqsFifoRefused } from './sqs-fifo-refused.js';
import { analyzeSessionSignedLinks } from './session-signed-links.js';
import { analyzeExpiredSignedCredential } from './expired-signed-credential.js';
import { analyzeRemoteWriteRefused } from './remote-write-refused.js';
import { analyzeBrokerBlockedProducers } from './broker-blocked-producers.js';
import { analyzeSchedulerReplicas } from './scheduler-replicas.js';
import { analyzeDynamoThrottling } from './dynamodb-throttled.js';
import { analyzeReadinessCycle } from './readiness-cycle.js';
import { analyzeEventLoopBlocked } from './event-loop-blocked.js';
import { analyzePhpExecutionTime } from './php-execution-time.js';
import { analyzePhpFpmPool } from './php-fpm-pool.js';
import { analyzeLoopbackSidecarRefusal } from './loopback-sidecar-refusal.js';
import { analyzeExecutorRejection } from './executor-rejection.js';
import { analyzePhpMemoryLimit } from './php-memory-limit.js';
import { analyzePhpOpcacheFull } from './php-opcache-full.js';
import { analyzeUwsgiListenQueue } from './uwsgi-listen-queue.js';
import { analyzeProxyBodyLimit } from './proxy-body-limit.js';
import { analyzeProxyHeaderBuffer } from './proxy-header-buffer.js';
import { analyzeNginxNoResolver } from './nginx-no-resolver.js';
import { analyzePhpScriptRoot } from './php-script-root.js';
import { analyzeCronJobOverlapDuplicate } from './cronjob-overlap-duplicate.js';
import { analyzeProxyPrefixStrip } from './proxy-prefix-strip.js';
import { analyzeJvmDnsCache } from './jvm-dns-cache.js';
import { analyzeHeaderOverflow } from './header-overflow.js';
import { analyzeBodyLimitRefusal } from './body-limit-refusal.js';
import { analyzeColumnOverflow } from './column-overflow.js';
import { analyzeIdPrecisionLoss } from './id-precision-loss.js';
import { analyzeServerLimitRefusal } from './server-limit-refusal.js';
import { analyzeTrailingSlash404 } from './trailing-slash-404.js';
import { analyzeRedirectLoop } from './redirect-loop.js';
import { analyzeUpgradeRequired } from './upgrade-required.js';
import { analyzeServerDefaultCut } from './server-default-cut.js';
import { analyzeServerWriteTimeout } from './server-write-timeout.js';
import { analyzeProxyReload } from './proxy-reload.js';
import { analyzeProxyWorkerConnections } from './proxy-worker-connections.js';
import { analyzeHeapPressure } from './heap-pressure.js';
import { analyzeLiveJvmOom } from './live-jvm-oom.js';
import { analyzeSidecarCpuThrottled } from './sidecar-cpu-throttled.js';
import { analyzeCodeCacheFull } from './code-cache-full.js';
import { analyzeHaltedWork } from './halted-work.js';
import { analyzeSparkExecutorOom } from './spark-executor-oom.js';
import { analyzeThreadPoolStarvation } from './thread-pool-starvation.js';
import { analyzeEvictions } from './eviction.js';
import { analyzeEvictedReplacements } from './evicted-replacements.js';
import { analyzeTolerationChurn } from './toleration-churn.js';
import { analyzeNodeReclaims } from './node-reclaims.js';
import { analyzeMeshNoHealthyUpstream } from './mesh-no-healthy-upstream.js';
import { analyzeLoadBalancers } from './load-balancer.js';
import { analyzeLbSourceRanges } from './lb-source-ranges.js';
import { analyzeIngressUpstream } from './ingress-upstream.js';
import { analyzeIngressControllerAdmission } from './ingress-controller-admission.js';
import { analyzeGrpcInboundNoise } from './grpc-inbound-noise.js';
import { analyzeCachedFallbacks } from './cached-fallback.js';
import { analyzeExitCodes } from './exit-code.js';
import { analyzeFailedScheduling } from './failed-scheduling.js';
import { analyzeFinalizerHeld } from './finalizer-held.js';
import { analyzeHpa } from './hpa.js';
import { analyzeMeshAuthorizationDenials } from './mesh-authz-denied.js';
import { analyzeAmbiguousHpas } from './hpa-ambiguous.js';
import { analyzeHpaScaleUpLimit } from './hpa-scale-up-limit.js';
import { analyzeHpaLostTarget } from './hpa-lost-target.js';
import { analyzeIdleCommands } from './idle-command.js';
import { analyzeImagePulls } from './image-pull.js';
import { analyzeLivenessDependency } from './liveness-dependency.js';
import { analyzeNodeConcentration } from './node-concentration.js';
import { analyzeNodeConditions } from './node-condition.js';
import { analyzeNodeProblems } from './node-problem.js';
import { analyzeNodeNetwork } from './node-network.js';
import { analyzeNodeGroupTimeouts } from './node-group-timeouts.js';
import { analyzeMtuBlackHole } from './mtu-black-hole.js';
import { analyzeNodeClockSkew } from './node-clock-skew.js';
import { analyzeOomKilled } from './oom-killed.js';
import { analyzePodCreateFailures } from './pod-create-failed.js';
import { analyzePodSandbox } from './pod-sandbox.js';
import { analyzeCgroupRefusal } from './cgroup-refusal.js';
import { analyzePreemption } from './preemption.js';
import { analyzePvcPending } from './pvc-pending.js';
import { analyzeReplicaFight } from './replica-fight.js';
import { analyzeReplicasCut } from './replicas-cut.js';
import { analyzeHpaRequestRaised } from './hpa-request-raised.js';
import { analyzeReadinessGates } from './readiness-gate.js';
import { analyzeSchedulingGates } from './scheduling-gated.js';
import { analyzeReadinessProbes } from './readiness-probe.js';
import { analyzeReadinessDelay } from './readiness-delay.js';
import { analyzeRecentRollout } from './recent-rollout.js';
import { analyzeRolloutStalled } from './rollout-stalled.js';
import { analyzeRolloutHold } from './rollout-hold.js';
import { analyzeRolloutSettings } from './rollout-settings.js';
import { analyzeSchemaMigrations } from './schema-migration.js';
import { analyzeSchemaMismatch } from './schema-mismatch.js';
import { analyzeMissingDestination } from './missing-destination.js';
import { analyzePooledPreparedStatements } from './pooled-prepared-statements.js';
import { analyzeServiceEndpoints } from './service-endpoints.js';
import { analyzeForeignEndpoints } from './service-foreign-endpoints.js';
import { analyzeServiceSelectors } from './service-selector.js';
import { analyzeServiceTargetPorts } from './service-target-port.js';
import { analyzeServicePortProtocols } from './service-port-protocol.js';
import { analyzeServiceIpFamilies } from './service-ip-family.js';
import { analyzeServiceTransports } from './service-transport.js';
import { analyzeSignalKills } from './signal-kill.js';
import { analyzeSlowImagePulls } from './slow-image-pull.js';
import { analyzeEndpointsTruncated } from './endpoints-truncated.js';
import { analyzeUnreadyReplicas } from './unready-replicas.js';
import { analyzeVolumeAttach } from './volume-attach.js';
import { analyzeClusterDns } from './cluster-dns.js';
import { analyzeClusterDnsCapacity } from './cluster-dns-capacity.js';
import { analyzeFailedJobs } from './job-failed.js';
import { analyzeJobSidecars } from './job-sidecar.js';
import { analyzeSuspendedJobs } from './job-suspended.js';
import { analyzeCronJobSchedule } from './cronjob-schedule.js';
import { analyzeCronJobNoSuccess } from './cronjob-no-success.js';
import { analyzeDisruptionBudget } from './disruption-budget.js';
import { analyzeDuplicateEnv } from './duplicate-env.js';
import { analyzeUnexpandedEnv } from './unexpanded-env.js';
import { analyzeProxyEnv } from './proxy-env.js';
import { analyzeInitStuck } from './init-stuck.js';
import { analyzeLifecycleHooks } from './lifecycle-hook.js';
import { analyzePreStopOverrun } from './prestop-overrun.js';
import { analyzeAbruptShutdown } from './abrupt-shutdown.js';
import { analyzeMissedInjection } from './missed-injection.js';
import { analyzeMeshControlPlane } from './mesh-control-plane.js';
import { analyzeMeshProtocolDetection } from './mesh-protocol-detection.js';
import { analyzeSidecarStartup } from './sidecar-startup.js';
import { analyzeMeshInitRedirect } from './mesh-init-redirect.js';
import { analyzeVolumeFull } from './volume-full.js';
import { analyzeSlowDependency } from './slow-dependency.js';
import { analyzeHungOutboundCall } from './hung-outbound-call.js';
import { analyzeForkUnsafePreload } from './fork-unsafe-preload.js';
import { analyzeIdleTransactionTimeout } from './idle-transaction-timeout.js';
import { analyzeMysqlWaitTimeout } from './mysql-wait-timeout.js';
import { analyzeMongoTransactionLifetime } from './mongo-transaction-lifetime.js';
import { analyzeReadAfterWrite } from './read-after-write.js';
import { analyzeRedisCostlySetting } from './redis-costly-setting.js';
import { analyzeKeyspaceWalk } from './keyspace-walk.js';
import { analyzeResourceExhaustion } from './resource-exhaustion.js';
import { analyzeCacheStampede } from './cache-stampede.js';
import { analyzeConsumerGroups } from './consumer-group.js';
import { analyzeReadCommittedStall } from './read-committed-stall.js';
import { analyzeConsumerVisibilityTimeouts } from './consumer-visibility-timeout.js';
import { analyzeConsumerLockDurations } from './consumer-lock-duration.js';
import { analyzeVaultTokenMaxTtl } from './vault-token-max-ttl.js';
import { analyzeConsumerAckTimeouts } from './consumer-ack-timeout.js';
import { analyzeMissedHeartbeats } from './missed-heartbeat.js';
import { analyzeNatsSlowConsumer } from './nats-slow-consumer.js';
import { analyzeAckPendingCeiling } from './ack-pending-ceiling.js';
import { analyzeIndexRefreshLeftOff } from './index-refresh-left-off.js';
import { analyzeOrphanedPendingEntries } from './orphaned-pending-entries.js';
import { analyzeConsumerPartitions } from './consumer-partitions.js';
import { analyzeRejectedCredentials } from './credentials-rejected.js';
import { analyzeLegacyToken } from './legacy-token.js';
import { analyzeVolumeReplaced } from './volume-replaced.js';
import { analyzeStoreVolumeLost } from './store-volume-lost.js';
import { analyzeRedisClusterState } from './redis-cluster-state.js';
import { analyzeSyncStandbyMissing } from './sync-standby-missing.js';
import { analyzeMemberScaledAway } from './member-scaled-away.js';
import { analyzeBootstrapMasterList } from './bootstrap-master-list.js';
import { analyzeDaemonSetCoverage } from './daemonset-coverage.js';
import { analyzeDaemonSetNoNode } from './daemonset-no-node.js';
import { analyzeNetworkPolicies } from './network-policy.js';
import { analyzeDnsUdpOnlyEgress } from './dns-udp-only-egress.js';
import { analyzeDnsEgressOwnNamespace } from './dns-egress-own-namespace.js';
import { analyzeClientCertRefused } from './client-cert-refused.js';
import { analyzeStaleServingCert } from './stale-serving-cert.js';
import { analyzeUntrustedIssuer } from './untrusted-issuer.js';
import { analyzeRevocationEgress } from './revocation-egress.js';
import { analyzeIngressPolicies } from './network-policy-ingress.js';
import { analyzeAcmeChallenges } from './acme-challenge.js';
import { analyzeMeshEgressBlocked } from './mesh-egress-blocked.js';
import { analyzeNamedPortPolicies } from './network-policy-named-port.js';
import { analyzeSplitCluster } from './split-cluster.js';
import { analyzePlacement } from './placement.js';
import { analyzeKubeletRejections } from './kubelet-rejected.js';
import { analyzeNodeNameMissing } from './node-name-missing.js';
import { analyzeSessionAffinity } from './session-affinity.js';
import { analyzeLoadPinned } from './load-pinned.js';
import { analyzeTopologyRouting } from './topology-routing.js';
import { analyzeServicePublishNotReady } from './service-publish-not-ready.js';
import { analyzeUnansweredScheduler } from './scheduler-unanswered.js';
import { analyzeStatefulSetOrdinals } from './statefulset-ordinal.js';
import { analyzeSeparateBootstrap } from './separate-bootstrap.js';
import { analyzeVolumeZones } from './volume-zone.js';
import { analyzeUpstreamRateLimit } from './upstream-rate-limit.js';
import { analyzeProxyKeyedLimiter } from './proxy-keyed-limiter.js';
import { analyzeOwnRateLimit } from './own-rate-limit.js';
import { analyzeProxyReplaysNonIdempotent } from './proxy-replays-non-idempotent.js';
import { analyzeUnknownSigningKey } from './token-key-unknown.js';
import { analyzeWorkerChildOom } from './worker-child-oom.js';
import { analyzeOrphanQueue } from './orphan-queue.js';
import { analyzeWorkerConcurrencyCut } from './worker-concurrency-cut.js';
import { analyzeSearchClusterRed } from './search-cluster-red.js';
import { analyzeReplicaSyncLoop } from './replica-sync-loop.js';
import { analyzeProxyDenials } from './proxy-denied.js';
import { analyzeL7PolicyDenials } from './l7-policy-denied.js';
import { analyzeRetiredApi } from './retired-api.js';
import { analyzeSourceIpAllowList } from './source-ip-allow-list.js';
import { analyzeEnvoyCircuitBreaker } from './envoy-circuit-breaker.js';
import { analyzePodDeadline } from './pod-deadline.js';
import { analyzeErlangCookieMismatch } from './erlang-cookie-mismatch.js';
import { analyzeLookupStall } from './lookup-stall.js';
import { analyzeProducerFencing } from './producer-fencing.js';
import { analyzeIndexMappingConflict } from './index-mapping-conflict.js';
import { analyzeSequenceBehind } from './sequence-behind.js';
import { analyzeMigrationHistory } from './migration-history.js';
import { analyzeColumnCharset } from './column-charset.js';
import { analyzeSharedStoreLock } from './shared-store-lock.js';
import { analyzeSingletonSurge } from './singleton-surge.js';
import { analyzeUnimplementedCalls } from './unimplemented-method.js';
import { analyzeMissingClass } from './missing-class.js';
import { analyzeRouteGone } from './route-gone.js';
import { analyzePeerRequestRefusals } from './peer-request-refusal.js';
import { analyzeProxyMissingReference } from './proxy-missing-reference.js';
import { analyzeOwnAccountRefused } from './own-account-refused.js';
import { analyzeIdpClientRefusals } from './idp-client-refused.js';
import { analyzeIssuerMismatch } from './token-issuer-mismatch.js';
import { analyzeAlgorithmMismatch } from './token-algorithm-mismatch.js';
import { analyzeSharedConsumerGroup } from './consumer-group-shared.js';
import { analyzeAudienceMismatch } from './token-audience-mismatch.js';
import { analyzeSessionBoundProtocol } from './session-bound-protocol.js';
import { analyzeQueueMessageExpiry } from './queue-message-expiry.js';
import { analyzeDeliveryLimitLoss } from './delivery-limit-loss.js';
import { analyzeBrokerMessageSize } from './broker-message-size.js';
import { analyzeCsrfRefused } from './csrf-refused.js';
import { analyzePreflightRefused } from './preflight-refused.js';
import { analyzeUnroutableMessages } from './unroutable-messages.js';
import { analyzeInProcessSessions } from './in-process-sessions.js';
import { analyzeDataProtectionKeys } from './data-protection-keys.js';
import { analyzeRepeatedRefusal } from './repeated-refusal.js';
import { analyzeRedisEvictions } from './redis-evictions.js';
import { analyzeRedisClientRollout } from './redis-client-rollout.js';
import { analyzePolicyBundleMissing } from './policy-bundle-missing.js';
import { analyzeRateLimitFailClosed } from './rate-limit-fail-closed.js';
import { analyzeFrontProxyQueue } from './front-proxy-queue.js';
import { analyzeBackendDown } from './backend-down.js';
import { analyzeTaskRedelivery } from './task-redelivery.js';
import { analyzeJobRedelivery } from './job-redelivery.js';
import { analyzeObjectMutationRate } from './object-mutation-rate.js';
import { analyzeProxyProtocolMismatch } from './proxy-protocol-mismatch.js';
import { analyzeWorkflowNondeterminism } from './workflow-nondeterminism.js';
import { analyzeBatchOutlastsGrace } from './batch-outlasts-grace.js';
import { analyzeGraceCut } from './grace-cut.js';
import { analyzeAuthPluginMismatch } from './credentials-auth-plugin.js';

/** A pure function from evidence to findings; one per file. */
export type Analyzer = (evidence: TriageEvidence) => Finding[];

/** Every analyzer, by name. Order does not matter: rank-findings orders the result. */
export const ANALYZERS: Readonly<Record<string, Analyzer>> = {
  'oom-killed': analyzeOomKilled,
  'signal-kill': analyzeSignalKills,
  'liveness-dependency': analyzeLivenessDependency,
  'exit-code': analyzeExitCodes,
  'clean-exit': analyzeCleanExits,
  'crash-loop': analyzeCrashLoops,
  'container-config': analyzeContainerConfig,
  'idle-command': analyzeIdleCommands,
  'image-pull': analyzeImagePulls,
  'slow-image-pull': analyzeSlowImagePulls,
  'readiness-probe': analyzeReadinessProbes,
  'readiness-delay': analyzeReadinessDelay,
  'readiness-gate': analyzeReadinessGates,
  'scheduling-gated': analyzeSchedulingGates,
  'node-condition': analyzeNodeConditions,
  'node-problem': analyzeNodeProblems,
  'node-network': analyzeNodeNetwork,
  'node-group-timeouts': analyzeNodeGroupTimeouts,
  'mtu-black-hole': analyzeMtuBlackHole,
  'node-clock-skew': analyzeNodeClockSkew,
  'node-concentration': analyzeNodeConcentration,
  eviction: analyzeEvictions,
  'evicted-replacements': analyzeEvictedReplacements,
  'toleration-churn': analyzeTolerationChurn,
  'node-reclaims': analyzeNodeReclaims,
  'mesh-no-healthy-upstream': analyzeMeshNoHealthyUpstream,
  'load-balancer': analyzeLoadBalancers,
  'lb-source-ranges': analyzeLbSourceRanges,
  'ingress-upstream': analyzeIngressUpstream,
  'ingress-controller-admission': analyzeIngressControllerAdmission,
  'grpc-inbound-noise': analyzeGrpcInboundNoise,
  'cached-fallback': analyzeCachedFallbacks,
  'recent-rollout': analyzeRecentRollout,
  'rollout-stalled': analyzeRolloutStalled,
  'rollout-hold': analyzeRolloutHold,
  'rollout-settings': analyzeRolloutSettings,
  'pod-create-failed': analyzePodCreateFailures,
  'pod-sandbox': analyzePodSandbox,
  'cgroup-refusal': analyzeCgroupRefusal,
  hpa: analyzeHpa,
  'hpa-ambiguous': analyzeAmbiguousHpas,
  'hpa-scale-up-limit': analyzeHpaScaleUpLimit,
  'hpa-lost-target': analyzeHpaLostTarget,
  'replica-fight': analyzeReplicaFight,
  'replicas-cut': analyzeReplicasCut,
  'hpa-request-raised': analyzeHpaRequestRaised,
  'failed-scheduling': analyzeFailedScheduling,
  preemption: analyzePreemption,
  'service-selector': analyzeServiceSelectors,
  'service-endpoints': analyzeServiceEndpoints,
  'endpoints-truncated': analyzeEndpointsTruncated,
  'service-foreign-endpoints': analyzeForeignEndpoints,
  'service-target-port': analyzeServiceTargetPorts,
  'service-port-protocol': analyzeServicePortProtocols,
  'service-ip-family': analyzeServiceIpFamilies,
  'service-transport': analyzeServiceTransports,
  'pvc-pending': analyzePvcPending,
  'volume-attach': analyzeVolumeAttach,
  'dependency-errors': analyzeDependencyErrors,
  'dependency-refuses': analyzeDependencyRefusals,
  'remote-write-refused': analyzeRemoteWriteRefused,
  'cassandra-local-dc': analyzeCassandraLocalDc,
  'broker-blocked-producers': analyzeBrokerBlockedProducers,
  'dependency-cluster-down': analyzeDependencyClusterDown,
  'dependency-workload': analyzeDependencyWorkloads,
  'dependency-unready': analyzeDependencyUnready,
  'oversized-response': analyzeOversizedResponses,
  'message-contract': analyzeMessageContract,
  'writer-conflict': analyzeWriterConflicts,
  'collscan-timeout': analyzeCollscanTimeouts,
  'invalid-index': analyzeInvalidIndexes,
  'unreachable-member': analyzeUnreachableMembers,
  'dump-lock': analyzeDumpLock,
  'log-awaits-backup': analyzeLogAwaitsBackup,
  'metadata-lock': analyzeMetadataLock,
  'lock-holder': analyzeLockHolder,
  'dynamodb-throttled': analyzeDynamoThrottling,
  'readiness-cycle': analyzeReadinessCycle,
  'mesh-authz-denied': analyzeMeshAuthorizationDenials,
  'lifecycle-hook': analyzeLifecycleHooks,
  'prestop-overrun': analyzePreStopOverrun,
  'abrupt-shutdown': analyzeAbruptShutdown,
  'unready-replicas': analyzeUnreadyReplicas,
  placement: analyzePlacement,
  'kubelet-rejected': analyzeKubeletRejections,
  'node-name-missing': analyzeNodeNameMissing,
  'scheduler-unanswered': analyzeUnansweredScheduler,
  'session-affinity': analyzeSessionAffinity,
  'load-pinned': analyzeLoadPinned,
  'topology-routing': analyzeTopologyRouting,
  'service-publish-not-ready': analyzeServicePublishNotReady,
  'volume-zone': analyzeVolumeZones,
  'statefulset-ordinal': analyzeStatefulSetOrdinals,
  'separate-bootstrap': analyzeSeparateBootstrap,
  'cluster-dns': analyzeClusterDns,
  'cluster-dns-capacity': analyzeClusterDnsCapacity,
  'network-policy': analyzeNetworkPolicies,
  'dns-udp-only-egress': analyzeDnsUdpOnlyEgress,
  'dns-egress-own-namespace': analyzeDnsEgressOwnNamespace,
  'client-cert-refused': analyzeClientCertRefused,
  'stale-serving-cert': analyzeStaleServingCert,
  'untrusted-issuer': analyzeUntrustedIssuer,
  'revocation-egress': analyzeRevocationEgress,
  'network-policy-ingress': analyzeIngressPolicies,
  'acme-challenge': analyzeAcmeChallenges,
  'mesh-egress-blocked': analyzeMeshEgressBlocked,
  'network-policy-named-port': analyzeNamedPortPolicies,
  'split-cluster': analyzeSplitCluster,
  'job-failed': analyzeFailedJobs,
  'job-sidecar': analyzeJobSidecars,
  'job-suspended': analyzeSuspendedJobs,
  'cron-schedule': analyzeCronJobSchedule,
  'cron-no-success': analyzeCronJobNoSuccess,
  'disruption-budget': analyzeDisruptionBudget,
  'init-stuck': analyzeInitStuck,
  'finalizer-held': analyzeFinalizerHeld,
  'volume-full': analyzeVolumeFull,
  'volume-replaced': analyzeVolumeReplaced,
  'store-volume-lost': analyzeStoreVolumeLost,
  'redis-cluster-state': analyzeRedisClusterState,
  'sync-standby-missing': analyzeSyncStandbyMissing,
  'member-scaled-away': analyzeMemberScaledAway,
  'bootstrap-master-list': analyzeBootstrapMasterList,
  'slow-dependency': analyzeSlowDependency,
  'hung-outbound-call': analyzeHungOutboundCall,
  'fork-unsafe-preload': analyzeForkUnsafePreload,
  'idle-transaction-timeout': analyzeIdleTransactionTimeout,
  'mysql-wait-timeout': analyzeMysqlWaitTimeout,
  'mongo-transaction-lifetime': analyzeMongoTransactionLifetime,
  'read-after-write': analyzeReadAfterWrite,
  'redis-costly-setting': analyzeRedisCostlySetting,
  'keyspace-walk': analyzeKeyspaceWalk,
  'resource-exhaustion': analyzeResourceExhaustion,
  'cpu-starved': analyzeCpuStarved,
  'sidecar-cpu-throttled': analyzeSidecarCpuThrottled,
  'host-sized-runtime': analyzeHostSizedRuntime,
  'event-loop-blocked': analyzeEventLoopBlocked,
  'php-execution-time': analyzePhpExecutionTime,
  'php-fpm-pool': analyzePhpFpmPool,
  'loopback-sidecar-refusal': analyzeLoopbackSidecarRefusal,
  'executor-rejection': analyzeExecutorRejection,
  'php-memory-limit': analyzePhpMemoryLimit,
  'php-opcache-full': analyzePhpOpcacheFull,
  'uwsgi-listen-queue': analyzeUwsgiListenQueue,
  'proxy-body-limit': analyzeProxyBodyLimit,
  'proxy-header-buffer': analyzeProxyHeaderBuffer,
  'nginx-no-resolver': analyzeNginxNoResolver,
  'php-script-root': analyzePhpScriptRoot,
  'cronjob-overlap-duplicate': analyzeCronJobOverlapDuplicate,
  'proxy-prefix-strip': analyzeProxyPrefixStrip,
  'jvm-dns-cache': analyzeJvmDnsCache,
  'header-overflow': analyzeHeaderOverflow,
  'body-limit-refusal': analyzeBodyLimitRefusal,
  'column-overflow': analyzeColumnOverflow,
  'id-precision-loss': analyzeIdPrecisionLoss,
  'server-limit-refusal': analyzeServerLimitRefusal,
  'trailing-slash-404': analyzeTrailingSlash404,
  'redirect-loop': analyzeRedirectLoop,
  'upgrade-required': analyzeUpgradeRequired,
  'server-default-cut': analyzeServerDefaultCut,
  'server-write-timeout': analyzeServerWriteTimeout,
  'proxy-reload': analyzeProxyReload,
  'proxy-worker-connections': analyzeProxyWorkerConnections,
  'envoy-circuit-breaker': analyzeEnvoyCircuitBreaker,
  'worker-child-oom': analyzeWorkerChildOom,
  'orphan-queue': analyzeOrphanQueue,
  'worker-concurrency-cut': analyzeWorkerConcurrencyCut,
  'heap-pressure': analyzeHeapPressure,
  'live-jvm-oom': analyzeLiveJvmOom,
  'code-cache-full': analyzeCodeCacheFull,
  'halted-work': analyzeHaltedWork,
  'spark-executor-oom': analyzeSparkExecutorOom,
  'thread-pool-starvation': analyzeThreadPoolStarvation,
  'consumer-group': analyzeConsumerGroups,
  'read-committed-stall': analyzeReadCommittedStall,
  'consumer-ack-timeout': analyzeConsumerAckTimeouts,
  'missed-heartbeat': analyzeMissedHeartbeats,
  'nats-slow-consumer': analyzeNatsSlowConsumer,
  'ack-pending-ceiling': analyzeAckPendingCeiling,
  'index-refresh-left-off': analyzeIndexRefreshLeftOff,
  'orphaned-pending-entries': analyzeOrphanedPendingEntries,
  'consumer-visibility-timeout': analyzeConsumerVisibilityTimeouts,
  'consumer-lock-duration': analyzeConsumerLockDurations,
  'consumer-partitions': analyzeConsumerPartitions,
  'offset-reset': analyzeOffsetReset,
  'offset-out-of-range': analyzeOffsetOutOfRange,
  'scheduler-replicas': analyzeSchedulerReplicas,
  'credentials-rejected': analyzeRejectedCredentials,
  'vault-token-max-ttl': analyzeVaultTokenMaxTtl,
  'duplicate-env': analyzeDuplicateEnv,
  'unexpanded-env': analyzeUnexpandedEnv,
  'proxy-env': analyzeProxyEnv,
  'legacy-token': analyzeLegacyToken,
  'daemonset-coverage': analyzeDaemonSetCoverage,
  'daemonset-no-node': analyzeDaemonSetNoNode,
  'schema-migration': analyzeSchemaMigrations,
  'schema-mismatch': analyzeSchemaMismatch,
  'missing-destination': analyzeMissingDestination,
  'pooled-prepared-statements': analyzePooledPreparedStatements,
  'missed-injection': analyzeMissedInjection,
  'mesh-control-plane': analyzeMeshControlPlane,
  'mesh-protocol-detection': analyzeMeshProtocolDetection,
  'sidecar-startup': analyzeSidecarStartup,
  'upstream-rate-limit': analyzeUpstreamRateLimit,
  'proxy-keyed-limiter': analyzeProxyKeyedLimiter,
  'own-rate-limit': analyzeOwnRateLimit,
  'proxy-replays-non-idempotent': analyzeProxyReplaysNonIdempotent,
  'token-key-unknown': analyzeUnknownSigningKey,
  'search-cluster-red': analyzeSearchClusterRed,
  'replica-sync-loop': analyzeReplicaSyncLoop,
  'proxy-denied': analyzeProxyDenials,
  'l7-policy-denied': analyzeL7PolicyDenials,
  'retired-api': analyzeRetiredApi,
  'source-ip-allow-list': analyzeSourceIpAllowList,
  'pod-deadline': analyzePodDeadline,
  'erlang-cookie-mismatch': analyzeErlangCookieMismatch,
  'lookup-stall': analyzeLookupStall,
  'cache-stampede': analyzeCacheStampede,
  'producer-fencing': analyzeProducerFencing,
  'index-mapping-conflict': analyzeIndexMappingConflict,
  'sequence-behind': analyzeSequenceBehind,
  'migration-history': analyzeMigrationHistory,
  'column-charset': analyzeColumnCharset,
  'shared-store-lock': analyzeSharedStoreLock,
  'singleton-surge': analyzeSingletonSurge,
  'unimplemented-method': analyzeUnimplementedCalls,
  'missing-class': analyzeMissingClass,
  'route-gone': analyzeRouteGone,
  'peer-request-refusal': analyzePeerRequestRefusals,
  'proxy-missing-reference': analyzeProxyMissingReference,
  'own-account-refused': analyzeOwnAccountRefused,
  'idp-client-refused': analyzeIdpClientRefusals,
  'token-issuer-mismatch': analyzeIssuerMismatch,
  'token-algorithm-mismatch': analyzeAlgorithmMismatch,
  'consumer-group-shared': analyzeSharedConsumerGroup,
  'token-audience-mismatch': analyzeAudienceMismatch,
  'csrf-refused': analyzeCsrfRefused,
  'preflight-refused': analyzePreflightRefused,
  'unroutable-messages': analyzeUnroutableMessages,
  'queue-message-expiry': analyzeQueueMessageExpiry,
  'delivery-limit-loss': analyzeDeliveryLimitLoss,
  'broker-message-size': analyzeBrokerMessageSize,
  'in-process-sessions': analyzeInProcessSessions,
  'session-bound-protocol': analyzeSessionBoundProtocol,
  'data-protection-keys': analyzeDataProtectionKeys,
  'repeated-refusal': analyzeRepeatedRefusal,
  'redis-evictions': analyzeRedisEvictions,
  'redis-client-rollout': analyzeRedisClientRollout,
  'task-redelivery': analyzeTaskRedelivery,
  'job-redelivery': analyzeJobRedelivery,
  'object-mutation-rate': analyzeObjectMutationRate,
  'proxy-protocol-mismatch': analyzeProxyProtocolMismatch,
  'workflow-nondeterminism': analyzeWorkflowNondeterminism,
  'batch-outlasts-grace': analyzeBatchOutlastsGrace,
  'grace-cut': analyzeGraceCut,
  'credentials-auth-plugin': analyzeAuthPluginMismatch,
  'policy-bundle-missing': analyzePolicyBundleMissing,
  'rate-limit-fail-closed': analyzeRateLimitFailClosed,
  'front-proxy-queue': analyzeFrontProxyQueue,
  'backend-down': analyzeBackendDown,
  'sqs-fifo-refused': analyzeSqsFifoRefused,
  'session-signed-links': analyzeSessionSignedLinks,
  'expired-signed-credential': analyzeExpiredSignedCredential,
  'kafka-codec-refused': analyzeKafkaCodecRefused,
  'partition-lag-skew': analyzePartitionLagSkew,
  'kafka-fetch-stall': analyzeKafkaFetchStall,
  'mesh-init-redirect': analyzeMeshInitRedirect,
};

export interface AnalyzerRun {
  findings: Finding[];
  /** Analyzers that threw: one bug must not cost the whole triage, but it must show. */
  failures: { analyzer: string; error: string }[];
}

export function runAnalyzers(evidence: TriageEvidence, analyzers: Readonly<Record<string, Analyzer>> = ANALYZERS): AnalyzerRun {
  const run: AnalyzerRun = { findings: [], failures: [] };
  for (const [name, analyze] of Object.entries(analyzers)) {
    try {
      run.findings.push(...analyze(evidence));
    } catch (err) {
      run.failures.push({ analyzer: name, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return run;
}
