/**
 * What a triage reads from the cluster, in domain words.
 *
 * The Kubernetes adapter maps V1 objects into these types; analyzers read only these.
 * Everything here is plain JSON-serialisable data so a triage job can store, replay and
 * test it: times are ISO-8601 strings (UTC, as the API server gives them), resource
 * amounts are Kubernetes quantity strings exactly as the API gives them ("512Mi", "250m").
 *
 * Mapping rule for the adapter: copy what the API says, do not interpret. Leave an
 * optional field out when the API has no value; never fill in a default that the cluster
 * did not report (analyzers treat "absent" and "zero" differently).
 */

import type { HistoryRetentionEvidence } from './evidence-history-retention.js';
import type { AccountJobLogEvidence } from './evidence-account-job-logs.js';
import type { FailedMigrationLogEvidence } from './evidence-failed-migration-logs.js';
import type { LeftSettingJobLogEvidence } from './evidence-left-settings.js';
import type { ReadOnlyJobLogEvidence } from './evidence-read-only-jobs.js';
import type { BackupJobLogEvidence } from './evidence-backup-jobs.js';
import type { RefresherJobLogEvidence } from './evidence-refresher-jobs.js';
import type { MigrationLockRunEvidence } from './evidence-migration-lock-runs.js';
import type { FormerConsumerLinesEvidence } from './evidence-former-consumers.js';
import type { ClientVersionEvidence } from './evidence-client-version.js';
import type { TlsLibraryEvidence } from './evidence-tls-library.js';
import type { MigrationJobLogEvidence } from './evidence-migration-job-logs.js';
import type { CleanupCronJobEvidence, CronJobScheduleEvidence } from './evidence-cronjob-schedule.js';
import type {
  ConditionEvidence,
  FieldOwnerEvidence,
  IsoTime,
  PlacementEvidence,
  Quantity,
  RevisionEvidence,
} from './evidence-spec.js';
import type { ContainerSpecEvidence, EventEvidence, LogEvidence, PodEvidence } from './evidence-pod.js';
import type { DependencyServiceEvidence, EndpointSliceEvidence, ServiceElsewhereEvidence, ServiceEvidence } from './evidence-network.js';
import type { CallerPodEvidence, ClusterDnsEvidence, DownServiceEvidence, JobEvidence, NamespaceJobsEvidence, NamespaceObjectEvidence, NetworkPolicyEvidence, NodeAgentsEvidence, NodeNetworkEvidence, PersistentVolumeEvidence, PodCensus, PortHolderEvidence, PreemptorEvidence, PriorityClassUseEvidence, ResourceQuotaEvidence, StrayHpaEvidence, SystemComponentEvidence, MetricsAdapterEvidence } from './evidence-context.js';
import type { NodeMemoryEvidence } from './evidence-node-memory.js';
import type { NodeDiskEvidence } from './evidence-node-disk.js';
import type { NodeFilesEvidence } from './evidence-node-files.js';
import type { NodeChangeEvidence } from './evidence-node-change.js';
import type { PullQueueEvidence } from './evidence-pull-queue.js';
import type { EvidenceSource } from './evidence-source.js';
import type { AutoscalerStatusEvidence } from './evidence-autoscaler.js';
import type { EndpointsCapacityEvidence } from './evidence-endpoints-capacity.js';
import type { ServiceCallerEvidence } from './evidence-callers.js';
import type { AcmeSolversEvidence } from './evidence-acme-solvers.js';
import type { QuotaHoldersEvidence } from './evidence-quota-holders.js';
import type { GroupCoordinatorEvidence } from './evidence-group-coordinator.js';
import type { SchedulerReplicasEvidence } from './evidence-scheduler-replicas.js';
import type { QueueConsumerEvidence } from './evidence-queue-consumers.js';
import type { QueuePeerEvidence } from './evidence-queue-peers.js';
import type { CotenantScaleUpEvidence } from './evidence-cotenant-scale-ups.js';
import type { ProvisionerControllerEvidence } from './evidence-provisioner.js';
import type { SnapshotterLogEvidence } from './evidence-snapshot.js';
import type { PvcEvidence } from './evidence-pvc.js';
import type { NodeEvidence } from './evidence-node.js';
import type { DeploymentRolloutEvidence } from './evidence-rollout.js';
import type { IngressControllerEvidence } from './evidence-ingress.js';
import type { GateWriterEvidence } from './evidence-gate-writer.js';
import type { MeshControlPlaneEvidence } from './evidence-mesh-control-plane.js';
import type { DependencyPodEvidence } from './evidence-server-config.js';
import type { SessionListingEvidence } from './evidence-session-listings.js';
import type { CniAgentEvidence } from './evidence-cni-agent.js';
import type { DependencyMembersEvidence } from './evidence-dependency-members.js';
import type { PeerRolloutEvidence } from './evidence-peer-rollout.js';
import type { NamespaceRolloutEvidence } from './evidence-namespace-rollouts.js';
import type { NamedNamespaceServicesEvidence } from './evidence-named-namespace-services.js';
import type { SenderRolloutEvidence } from './evidence-sender-rollouts.js';
import type { SinkSenderEvidence } from './evidence-sink-senders.js';
import type { ProxyConfigEvidence } from './evidence-proxy-config.js';
import type { ProxyRouteEvidence } from './evidence-proxy-routes.js';
import type { ImageHolderNodeEvidence } from './evidence-image-holders.js';
import type { DnsCacheConfigEvidence } from './evidence-dns-cache-config.js';
import type { SentinelConfigEvidence } from './evidence-sentinel-config.js';
import type { CircuitBreakerConfigEvidence } from './evidence-circuit-breakers.js';
import type { RateLimitServiceEvidence } from './evidence-rate-limit-service.js';
import type { FrontProxyEvidence } from './evidence-front-proxy.js';
import type { BackendDownEvidence } from './evidence-backend-down.js';
import type { ReplayingProxyEvidence } from './evidence-replaying-proxy.js';
import type { ServerCertRefusalEvidence } from './evidence-server-cert-refusal.js';
import type { ProxyAclEvidence } from './evidence-proxy-acl.js';
import type { AffinityTermPeersEvidence } from './evidence-affinity-peers.js';
import type { ReloadConfigEvidence } from './evidence-reload-config.js';
import type { TimeoutConfigEvidence } from './evidence-timeout-config.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';
import type { ReplicationPrimaryEvidence } from './evidence-replication-primary.js';
import type { WriterServiceEvidence } from './evidence-writer-service.js';
import type { ForeignReplicaSetEvidence } from './evidence-foreign-replica-set.js';
import type { StaleConfigEvidence } from './evidence-stale-config.js';
import type { YamlBooleanEvidence } from './evidence-yaml-boolean.js';
import type { EntrypointScriptEvidence } from './evidence-entrypoint-script.js';
import type { PoolConfigEvidence } from './evidence-pool-config.js';
import type { MemoryPoolConfigEvidence } from './evidence-memory-pool-config.js';
import type { ServerConfigEvidence } from './evidence-server-config.js';
import type { SchemaGenerationEvidence } from './evidence-schema-generation.js';
import type { ServerNamesEvidence } from './evidence-server-names.js';
import type { ConfigEndpointEvidence } from './evidence-config-endpoint.js';
import type { StoreVolumeEvidence } from './evidence-store-volume.js';
import type { ClaimTemplateEvidence } from './evidence-claim-template.js';
import type { GateControllerEvidence } from './evidence-gate-controllers.js';
import type { StorageClassEvidence } from './evidence-storage-class.js';
import type { ResolverPeerEvidence } from './evidence-resolver-peers.js';
import type { IssuerProviderEvidence } from './evidence-issuer-provider.js';
import type { AdvertisedHostEvidence } from './evidence-advertised-host.js';
export type { EvidenceSource } from './evidence-source.js';

export type * from './evidence-spec.js';
export type * from './evidence-acme-solvers.js';
export type * from './evidence-quota-holders.js';
export type * from './evidence-context.js';
export type * from './evidence-limit-range.js';
export type * from './evidence-pod.js';
export type * from './evidence-network.js';
export type * from './evidence-node-memory.js';
export type * from './evidence-node-disk.js';
export type * from './evidence-node-files.js';
export type * from './evidence-node-change.js';
export type * from './evidence-pull-queue.js';
export type * from './evidence-rollout.js';
export type * from './evidence-dependency-members.js';
export type * from './evidence-peer-rollout.js';
export type * from './evidence-namespace-rollouts.js';
export type * from './evidence-named-namespace-services.js';
export type * from './evidence-sender-rollouts.js';
export type * from './evidence-affinity-peers.js';
export type * from './evidence-pvc.js';
export type * from './evidence-foreign-replica-set.js';
export type * from './evidence-node.js';
export type * from './evidence-replication-primary.js';
export type * from './evidence-resolver-peers.js';
export type * from './evidence-issuer-provider.js';
export type * from './evidence-writer-service.js';
export type * from './evidence-claim-template.js';
export type * from './evidence-storage-class.js';
export type * from './evidence-mesh-injection.js';

/** What `/triage` can look at. */
export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';

/** What `/triage` was asked to look at, resolved to one workload. */
export interface TriageTarget {
  /** The name the user typed or the catalog key (`/triage payment-service`). */
  service: string;
  namespace: string;
  kind: WorkloadKind;
  /** The workload's metadata.name. */
  name: string;
  /** kube context; absent means the current context (commands then omit `--context`). */
  context?: string;
}

export interface WorkloadEvidence {
  kind: WorkloadKind;
  name: string;
  namespace: string;
  /**
   * Pods wanted: spec.replicas (the API defaults it to 1); a DaemonSet's desiredNumberScheduled;
   * a Job's parallelism while it runs; for a CronJob, the pods of its newest Job.
   */
  specReplicas: number;
  /**
   * status.replicas, readyReplicas, availableReplicas, updatedReplicas (DaemonSet: current,
   * ready, available and updated number scheduled); 0 when absent.
   */
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  updatedReplicas: number;
  /** spec.selector.matchLabels. */
  selector: Record<string, string>;
  /** spec.selector.matchExpressions rendered as `key in (a,b)` / `key exists`; rarely used. */
  selectorExpressions?: string[];
  /** spec.template.metadata.labels: what new pods will carry, even when no pod exists. */
  templateLabels: Record<string, string>;
  /** spec.template.spec.containers, for checks that must work with zero pods. */
  templateContainers: ContainerSpecEvidence[];
  /** Where the template's pods may run (nodeSelector, required affinity, tolerations). */
  templatePlacement?: PlacementEvidence;
  /** StatefulSet spec.podManagementPolicy (the API defaults it to OrderedReady). */
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
  /**
   * StatefulSet spec.serviceName (immutable): the governing Service under which the cluster DNS
   * publishes each pod's own name (<pod>.<serviceName>.<ns>.svc) — only when that Service is headless.
   */
  serviceName?: string;
  /** StatefulSet: updateStrategy.rollingUpdate.partition when above 0 (ordinals below it keep the old revision). */
  partition?: number;
  /** StatefulSet spec.volumeClaimTemplates; absent when it has none. */
  claimTemplates?: ClaimTemplateEvidence[];
  /** StatefulSet, DaemonSet: updateStrategy.type OnDelete (pods take a new revision only when deleted). */
  onDelete?: boolean;
  /** DaemonSet RollingUpdate: how many nodes' pods may be down ("1", "10%") and surged at once ("0": none, the default). */
  rollingUpdate?: { maxUnavailable: string; maxSurge: string };
  /** Deployment: spec.paused (the rollout waits for a resume). */
  paused?: boolean;
  /** Deployment: strategy, minReadySeconds, progressDeadlineSeconds (evidence-rollout.ts). */
  rolloutSettings?: DeploymentRolloutEvidence;
  /**
   * Deployment, StatefulSet: the field managers that own spec.replicas (managedFields), newest
   * write first — the HPA writes through the `scale` subresource, a GitOps sync or a kubectl apply
   * does not. Absent when the API reported no managedFields.
   */
  replicasOwners?: FieldOwnerEvidence[];
  /** A GitOps tool that tracks the object, from the marker it leaves on it (an annotation or label). */
  gitOps?: { tool: 'Argo CD' | 'Flux'; marker: string };
  /**
   * Deployment, StatefulSet, DaemonSet: the init containers the last-applied-configuration
   * annotation declares with restartPolicy Always (native sidecars, as applied). An API server
   * without the SidecarContainers feature drops the field: the live spec then lacks it.
   */
  appliedSidecars?: string[];
  /** CronJob: its schedule and state. */
  schedule?: {
    cron: string;
    /** spec.timeZone; the controller's zone (UTC in practice) when absent. */
    timeZone?: string;
    suspended: boolean;
    /** spec.concurrencyPolicy (the API defaults it to Allow): Forbid skips a run while one is active. */
    concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
    /** spec.concurrencyPolicy as last applied (last-applied-configuration), and when and by whom the live one was last written (managedFields): an edit by hand shows as a difference. */
    appliedConcurrencyPolicy?: string;
    concurrencyWrittenAt?: IsoTime;
    concurrencyWrittenBy?: string;
    /** When spec.suspend was last written, and by which field manager (managedFields): who paused it. */
    suspendedAt?: IsoTime;
    suspendedBy?: string;
    /** Not suspended, but spec.suspend was written (managedFields): when it was last resumed, and by which field manager. */
    resumedAt?: IsoTime;
    resumedBy?: string;
    lastScheduleTime?: IsoTime;
    lastSuccessfulTime?: IsoTime;
    /** spec.jobTemplate.spec.ttlSecondsAfterFinished: the TTL controller deletes each finished Job (and its pods) this long after it ends. */
    jobTtlSeconds?: number;
    /** spec.startingDeadlineSeconds: a run the controller cannot start this soon after its time is skipped (MissSchedule). */
    startingDeadlineSeconds?: number;
    /** When spec.startingDeadlineSeconds was last written, and by which field manager (managedFields). */
    deadlineWrittenAt?: IsoTime;
    deadlineWrittenBy?: string;
    /**
     * spec.schedule as last applied (the kubectl.kubernetes.io/last-applied-configuration
     * annotation); absent when the object carries none or it cannot be read. It differs from
     * `cron` when the schedule was edited by hand (kubectl edit, patch) after the apply.
     */
    appliedCron?: string;
    /** When spec.schedule was last written, and by which field manager (managedFields). */
    scheduleWrittenAt?: IsoTime;
    scheduleWrittenBy?: string;
    /** When spec.jobTemplate was last written, and by which field manager (managedFields): when a run's template changed. */
    templateWrittenAt?: IsoTime;
    templateWrittenBy?: string;
  };
  /**
   * Revision number of the current template: Deployment annotation
   * `deployment.kubernetes.io/revision`; StatefulSet: `revision` of the ControllerRevision
   * named by status.updateRevision.
   */
  currentRevision?: number;
  /** status.conditions (Deployment: Available, Progressing, ReplicaFailure). */
  conditions: ConditionEvidence[];
  createdAt?: IsoTime;
}

/** A HorizontalPodAutoscaler (autoscaling/v2) whose scaleTargetRef is the workload. */
export interface HpaEvidence {
  name: string;
  minReplicas: number;
  maxReplicas: number;
  currentReplicas: number;
  desiredReplicas: number;
  /**
   * One line per metric: `{ name: 'cpu', current: '182%', target: '70%' }`. A ContainerResource
   * metric also carries the container it reads (`container: 'web'`): a pod template whose
   * containers no longer include that name leaves the HPA nothing to measure.
   */
  metrics: { name: string; current?: string; target?: string; container?: string }[];
  /** AbleToScale, ScalingActive, ScalingLimited. */
  conditions: ConditionEvidence[];
  lastScaleTime?: IsoTime;
  /**
   * spec.behavior.scaleUp as written; absent when unset (the default then allows 100% or 4 pods
   * per 15 s, whichever is more, with no stabilization window).
   */
  scaleUp?: HpaScalingRules;
  /** metadata.creationTimestamp: of two HPAs on one workload, the newer is usually the mistake. */
  createdAt?: IsoTime;
  /** Who manages it, as its labels say ("Helm release platform-defaults"); absent when they do not. */
  managedBy?: string;
  /** The managers that own spec.maxReplicas (managedFields), newest write first: who set the ceiling, and when. */
  maxReplicasOwners?: FieldOwnerEvidence[];
  /** The GitOps tool that tracks the HPA, with its marker: a change by hand is reverted by its next sync. */
  gitOps?: { tool: 'Argo CD' | 'Flux'; marker: string };
}

/** One direction of an HPA's behavior: how fast it may change the replica count. */
export interface HpaScalingRules {
  /** `{ type: 'Pods', value: 1, periodSeconds: 300 }`: at most 1 pod added per 300 s. */
  policies: { type: 'Pods' | 'Percent'; value: number; periodSeconds: number }[];
  /** Max (the default): the policy allowing the most change applies; Min: the least; Disabled: none. */
  selectPolicy?: 'Max' | 'Min' | 'Disabled';
  stabilizationWindowSeconds?: number;
}

/** A read that failed; recorded instead of guessed around. */
export interface ReadFailure {
  /** Human words: "events in payments", "previous logs of payment-service-7c9d…/app". */
  what: string;
  source: EvidenceSource;
  /**
   * 403 → forbidden, 404 → not-found, client/server timeout → timeout, anything else → error;
   * skipped: deliberately not read (a cap on how much one triage reads), said out loud.
   */
  reason: 'forbidden' | 'not-found' | 'timeout' | 'error' | 'skipped';
  /** The API's message, e.g. `pods is forbidden: User "system:serviceaccount:…" cannot list …`. */
  detail: string;
}

/** Everything one triage read. Lists are empty (not absent) when nothing was found. */
export interface TriageEvidence {
  target: TriageTarget;
  /** When the reads finished; analyzers measure "recent" from here, never from the wall clock. */
  collectedAt: IsoTime;
  /** null when the workload could not be read (see readFailures). */
  workload: WorkloadEvidence | null;
  /** Pods matching the workload's selector. */
  pods: PodEvidence[];
  /** Events of the workload, its ReplicaSets/ControllerRevisions, pods, PVCs, HPA and nodes. */
  events: EventEvidence[];
  revisions: RevisionEvidence[];
  /** The nodes the workload's pods run on. */
  nodes: NodeEvidence[];
  /** Every Service in the namespace. */
  services: ServiceEvidence[];
  /** EndpointSlices of those Services. */
  endpointSlices: EndpointSliceEvidence[];
  hpas: HpaEvidence[];
  strayHpas?: StrayHpaEvidence[];
  pvcs: PvcEvidence[];
  /**
   * Log tails: `--previous` of crashed containers; current logs of unready or restarting
   * containers, of init containers and sidecars that hold a pod back, and of a few ready pods.
   */
  logs: LogEvidence[];
  readFailures: ReadFailure[];
  /** Every pod the selector matched, counted (the pods list keeps the least healthy few hundred). */
  census?: PodCensus;
  /**
   * Every node of the cluster (labels, taints, allocatable), read when a pod cannot be placed
   * or a volume pins pods to a zone; empty otherwise.
   */
  clusterNodes?: NodeEvidence[];
  /** The cluster's NotReady nodes, read only where a pod's RBD image will not map because another client still holds it (rbd-image-held.ts). */
  imageHolderNodes?: ImageHolderNodeEvidence[];
  /** The PersistentVolumes bound to the workload's claims. */
  volumes?: PersistentVolumeEvidence[];
  /** The StorageClass of a pending pod's unbound claim, read when the scheduler finds no volume for it on the nodes the pod may use. */
  storageClasses?: StorageClassEvidence[];
  /** Every NetworkPolicy of the namespace. */
  networkPolicies?: NetworkPolicyEvidence[];
  /** Every ResourceQuota of the namespace. */
  quotas?: ResourceQuotaEvidence[];
  /** Objects of the namespace with their creation and last-change times (never Secrets). */
  namespaceObjects?: NamespaceObjectEvidence[];
  /** The cluster DNS (CoreDNS / kube-dns pods in kube-system). */
  dns?: ClusterDnsEvidence;
  /** A Job's own status, or a CronJob's recent Jobs (newest first). */
  jobs?: JobEvidence[];
  /** Every Job of the namespace in brief: when a quota on the count of Jobs refuses the CronJob's runs, or when failures no rollout explains began (jobs-before-onset.ts). */
  namespaceJobs?: NamespaceJobsEvidence;
  /** The schedule and zone of the CronJobs whose Jobs ran just before the failures (at most two, jobs-before-onset.ts). */
  cronJobSchedules?: CronJobScheduleEvidence[];
  /** The namespace's CronJobs that delete old data (retention, cleanup), read when the workload's logs say a store's disk is full (stopped-cleanup.ts). */
  cleanupCronJobs?: CleanupCronJobEvidence[];
  /** The bind refusals logged by the newest failed runs of a Job that binds as the workload's locked-out directory account (ad-bind-refusal.ts). */
  accountJobLogs?: AccountJobLogEvidence[];
  /** What the migration Jobs that completed just before the workload's schema-change failures applied (migration-job-log.ts). */
  migrationJobLogs?: MigrationJobLogEvidence[];
  /** What the migration Jobs that failed said, when the workload's log says a table is missing (failed-migration.ts). */
  failedMigrationLogs?: FailedMigrationLogEvidence[];
  /** The index settings a Job of the namespace that failed within the day changed, when the workload uses a search index (left-index-settings.ts). */
  leftSettingJobLogs?: LeftSettingJobLogEvidence[];
  /** The read-only settings recent Jobs of the namespace set or reset, when the workload's writes are refused as read-only (read-only-setting.ts). */
  readOnlyJobLogs?: ReadOnlyJobLogEvidence[];
  /** What the newest failed run of a backup CronJob of the namespace said, when the workload's writes are refused for a log that waits for a backup (log-awaits-backup.ts). */
  backupJobLogs?: BackupJobLogEvidence[];
  /** What the newest failed run of the CronJob that rewrites the failing pods' pull secret said, when the registry refuses their pulls for credentials (pull-secret-refresher.ts). */
  refresherJobLogs?: RefresherJobLogEvidence[];
  /** A database's sessions as a Job of the hour printed them, when the workload's statements time out on locks the database's log says another session holds (lock-holder-sessions.ts). */
  sessionListings?: SessionListingEvidence[];
  /** The migration Jobs that run now or failed within the day, when the workload waits at start-up for its migration tool's lock (migration-lock.ts). */
  migrationLockRuns?: MigrationLockRunEvidence[];
  /** The schema-change Jobs that run now, when the workload's queries time out on locks: their DDL waiting for a table's metadata lock and the idle connections in their processlists (metadata-lock.ts). */
  metadataLockRuns?: MigrationLockRunEvidence[];
  /** What other workloads of the namespace log about consumers named after the workload's former pods, when it reads a Redis stream group under its pods' names (pod-named-consumers.ts). */
  formerConsumerLines?: FormerConsumerLinesEvidence[];
  /** The Kafka client version a consumer's pod stated at start-up, from the head of its log, when the brokers refuse its fetches for the records' codec (kafka-fetch-stall.ts). */
  clientVersion?: ClientVersionEvidence;
  /** The TLS library a failing pod's client named at start, from the head of its log, when a TLS handshake whose reading depends on it fails and no log tail names it (tls-library-lead.ts). */
  tlsLibrary?: TlsLibraryEvidence;
  /** Pods of something else that the workload's Services route to (at most two), with a log tail each, and the ReplicaSet that made each (when one did). */
  /** Running pods of other workloads of the namespace that mount a ReadWriteOncePod claim the workload's pending pods wait for (read-claim-holders.ts). */
  claimHolders?: { claim: string; pod: string; node?: string; owner?: { kind: string; name: string } }[];
  foreignPods?: { pod: PodEvidence; logs: LogEvidence[]; replicaSet?: ForeignReplicaSetEvidence }[];
  /** One pod behind a Service of the namespace that the workload's logs say refuses it (a broker blocking publishers), with its log tail. */
  dependencyPods?: DependencyPodEvidence[];
  /** The pods of a clustered dependency whose clients log that its cluster is down (Redis CLUSTERDOWN), and the nodes lost as its members were re-created (at most one). */
  dependencyMembers?: DependencyMembersEvidence[];
  /** Who holds the host ports a pending pod pinned to one node asks for (DaemonSet pods). */
  portHolders?: PortHolderEvidence[];
  /** Host-network pods of other workloads listening on a port the workload's host-network pods fail to bind (at most two nodes). */
  hostNetworkHolders?: PortHolderEvidence[];
  /** The pods that preempted the workload's pods (Preempted events of pods it no longer has are in events). */
  preemptors?: PreemptorEvidence[];
  /** PriorityClasses the namespace's pods use, read when admission says a class name does not exist. */
  priorityClassesInUse?: PriorityClassUseEvidence[];
  /** Who holds a ResourceQuota that refuses the workload's pods: the namespace's pods summed by owner, with their HPAs (quota-holders.ts). */
  quotaHolders?: QuotaHoldersEvidence;
  /** The node agents of at most two nodes where new pods get no sandbox network from their CNI plugin. */
  nodeAgents?: NodeAgentsEvidence[];
  /** The pods and kube-proxy log of at most two nodes where only the workload's pods there time out. */
  nodeNetwork?: NodeNetworkEvidence[];
  /** The CNI agents of a node where the sampled pods' calls time out and of one where they do not (node-group-split.ts). */
  cniAgents?: CniAgentEvidence[];
  /** The pods of at most two nodes whose system OOM killed the workload's containers. */
  nodeMemory?: NodeMemoryEvidence[];
  /** The pods of at most two nodes under DiskPressure (or evicting the workload's pods for disk), and one likely consumer's log tail. */
  nodeDisk?: NodeDiskEvidence[];
  /** The pods of at most two nodes whose kernel file table the workload's logs find full (ENFILE), and the likeliest holders' log tails. */
  nodeFiles?: NodeFilesEvidence[];
  /** What started on the one node the workload's pods fail on, though it reports no bad condition (node-change.ts). */
  nodeChange?: NodeChangeEvidence;
  /** Other pods waiting on the nodes where a pull of the workload's image has run for minutes, with their pull events (pull-queue.ts). */
  pullQueue?: PullQueueEvidence[];
  /** metrics-server, when an HPA cannot get its metrics. */
  metricsServer?: SystemComponentEvidence;
  /** The adapter serving the custom or external metrics API, when an HPA's does not answer. */
  metricsAdapter?: MetricsAdapterEvidence;
  /**
   * The v1 Endpoints of the Services selecting the workload, read only when it runs past the 1000
   * addresses one holds (whether the controller truncated it): evidence-endpoints-capacity.ts.
   */
  endpointsCapacity?: EndpointsCapacityEvidence[];
  /** The injector of a webhook injection the failing pods asked for and did not get (its pods, one log tail). */
  injector?: SystemComponentEvidence;
  /** Other Services of the namespace with no ready endpoint, with their pods (at most two). */
  downServices?: DownServiceEvidence[];
  /** The pods of the in-cluster Service that serves an NFS share the pods' logs find stale (ESTALE): when it was re-created (volume-replaced.ts). */
  volumeServerPods?: { service: string; pods: PodEvidence[] }[];
  /** Services of the namespace the logs fail to connect to, though some endpoint is ready, with their pods (at most two; see called-service.ts). */
  calledServices?: DownServiceEvidence[];
  /** The rollout history of the Service whose answers the workload's client refuses for their size (oversized-peer.ts). */
  peerRollout?: PeerRolloutEvidence;
  /** Other Deployments of the namespace whose newest revision came in the hours before messages the workload cannot take (message-contract.ts). */
  namespaceRollouts?: NamespaceRolloutEvidence[];
  /** The current log tail of one pod of another client of the same Redis that rolled out, where the workload's Redis calls time out with no blocking command of its own (redis-client-rollout.ts). */
  redisClientLogs?: LogEvidence[];
  /** Other Deployments of the namespace and their resolver options, when the workload's lookups stall at the resolver timeout (lookup-stall.ts). */
  resolverPeers?: ResolverPeerEvidence[];
  /** Services of other namespaces the logs name as a dependency (at most two), with their EndpointSlices. */
  dependencyServices?: DependencyServiceEvidence[];
  /** The Istio sidecar's log tail of one failing pod, where its calls go to a Service whose TCP port is declared HTTP (mesh-protocol.ts). */
  meshProxyLogs?: LogEvidence[];
  /** The pods behind the caller IPs of requests that stopped when an ingress NetworkPolicy changed (at most three). */
  callerPods?: CallerPodEvidence[];
  /** cert-manager's HTTP-01 solver pods of the namespace and other workloads' expired-certificate lines, when a Service routes to solvers (acme-challenge.ts). */
  acmeSolvers?: AcmeSolversEvidence;
  /** Pods of other workloads whose env or args name the workload's Service, with a log tail (at most two), when it had no serving pod. */
  serviceCallers?: ServiceCallerEvidence[];
  /** Services of other namespaces named like a short host name that does not resolve (one list by name each). */
  servicesElsewhere?: ServiceElsewhereEvidence[];
  /** The Services of another namespace whose cluster-local name the logs say does not resolve (one list, at most one namespace). */
  namedNamespaceServices?: NamedNamespaceServicesEvidence[];
  /** Events of objects named like the Secrets whose credentials are rejected (at most two): why a synced Secret went stale. */
  secretSyncEvents?: EventEvidence[];
  /** Events of the namespace's cert-manager Certificates (one list), where the pods' client certificate is refused: a re-issue behind the Secret they mount (certificate-reissue.ts). */
  certificateEvents?: EventEvidence[];
  /** Events of the GitOps objects that apply a full claim (at most two): where a refused expansion shows (resize-forbidden.ts). */
  claimApplierEvents?: EventEvidence[];
  /** The namespace's Warning events (one page), whatever object they are about: see related-warnings.ts. */
  namespaceWarnings?: EventEvidence[];
  /** The cluster autoscaler's status ConfigMap, while pods wait to be placed: why no node comes. */
  autoscalerStatus?: AutoscalerStatusEvidence;
  /** The controller of the external provisioner a claim has waited on too long (kube-system's Deployments and StatefulSets). */
  provisionerController?: ProvisionerControllerEvidence;
  /** The driver controller's snapshotter log, where a claim restores from a VolumeSnapshot that is not ready: why it is not taken. */
  snapshotterLog?: SnapshotterLogEvidence;
  /** The ingress controller's log tails (two pods), where the workload has a Service with a ready endpoint: what users get. */
  ingressController?: IngressControllerEvidence;
  /** The body-size setting of the proxy container's mounted config file, now and in the revision before, where its log refuses request bodies again and again (proxy-body-limit.ts). */
  proxyConfig?: ProxyConfigEvidence[];
  /** The prefix locations and their proxy_pass of the proxy container's mounted config file, now and in the revision before, where its access log answers 404 to most requests under one prefix (proxy-prefix-strip.ts). */
  proxyRoutes?: ProxyRouteEvidence[];
  /** The DNS cache TTL lines of the java.security file the JVM mounts from a ConfigMap, where some pods fail on a host's old address while others reach its new one (dns-cache-split.ts). */
  dnsCacheConfig?: DnsCacheConfigEvidence[];
  /** worker_connections, worker_processes and worker_rlimit_nofile of the proxy container's mounted config file, where its log runs out of connections again and again (proxy-worker-connections.ts); its proxy_pass, upstream servers and resolver where its log fails to connect to an upstream IP again and again (proxy-upstream-name.ts). */
  proxyConnectionConfig?: ProxyConfigEvidence[];
  /** The master set names the namespace's Sentinel configs monitor, where the workload's logs ask Sentinel for one it does not know (sentinel-master-name.ts). */
  sentinelConfig?: SentinelConfigEvidence[];
  /** The circuit breaker thresholds of an Envoy container's mounted config file, now and in the revision before, where its access log refuses requests at them again and again (503 UO: envoy-circuit-breaker.ts). */
  circuitBreakerConfig?: CircuitBreakerConfigEvidence[];
  /** The ratelimit filter's settings of an Envoy container's mounted config file and the Deployment behind the rate-limit Service, where its access log fails requests at that service (500 RLSE: envoy-rate-limit-error.ts). */
  rateLimitService?: RateLimitServiceEvidence;
  /** An HAProxy Deployment of the namespace whose config names one of the workload's Services as a backend: that backend's cap and queue timeout, its revision and restart, its log (haproxy-backend-queue.ts). */
  frontProxy?: FrontProxyEvidence;
  /** The backend the workload's own HAProxy lost every server of: its health check and servers' host from the mounted ConfigMap, the Service they resolve and its rollouts with their probes (haproxy-backend-down.ts). */
  backendDown?: BackendDownEvidence;
  /** An nginx Deployment of the namespace proxying to one of the workload's Services with `proxy_next_upstream … non_idempotent`, read when the workload logs duplicate requests (evidence-replaying-proxy.ts). */
  replayingProxy?: ReplayingProxyEvidence;
  /** Why the server the pods' env names refuses their client certificate, from its own log, read when the pods log its TLS alert (evidence-server-cert-refusal.ts). */
  serverCertRefusal?: ServerCertRefusalEvidence;
  /** The access rules (acl, http_access) and refusing log lines of the namespace's forward proxy, where the workload's logs say it refuses their tunnels with 403 (proxy-denial.ts). */
  proxyAcl?: ProxyAclEvidence;
  /** The required pod affinity terms of pods the scheduler refuses for "didn't match pod affinity rules", checked against the pods they select (at most two terms). */
  affinityPeers?: AffinityTermPeersEvidence[];
  /** The controller's ConfigMap (`--configmap=ns/name`), where its proxy's reloads fail on a directive the config test rejects: the keys that name it (proxy-reload.ts). */
  reloadConfig?: ReloadConfigEvidence;
  /** Statement-timeout settings of the ConfigMaps the logging container takes variables from, where its statements are cancelled at that limit again and again (statement-timeout.ts). */
  timeoutConfig?: TimeoutConfigEvidence[];
  /** Settings that decide a mechanism the logs show (an SQS visibility timeout, a Vault token's max TTL), from the ConfigMaps the logging container takes variables from, or the one naming its Vault role (setting-config.ts). */
  settingConfig?: SettingConfigEvidence[];
  /** The primary the workload's replicas log they sync with, where their syncs keep failing: its log tail and replication settings (redis-replication-log.ts). */
  replicationPrimary?: ReplicationPrimaryEvidence;
  /** The members beside the one pod a store's writer Service selects by name, where the workload's writes are refused as read-only (pinned-writer-service.ts). */
  writerService?: WriterServiceEvidence;
  /** The ConfigMaps the workload's pods read through subPath or env, where their logs say a host they name does not resolve: whether each still names it, and what it names now (stale-config-mount.ts). */
  staleConfig?: StaleConfigEvidence[];
  /** The lines holding a bare YAML 1.1 boolean word under the setting a crash line reports as a boolean, in the ConfigMaps the pods mount (yaml-boolean.ts). */
  yamlBooleans?: YamlBooleanEvidence[];
  /** The script a crashing container runs from a ConfigMap it mounts, and the one the revision before mounted there (at most two): errexit and the lines that may end it (entrypoint-errexit.ts). */
  entrypointScripts?: EntrypointScriptEvidence[];
  /** The pool's lines of the ConfigMaps the logging container mounts or takes variables from, where its logs show its connection pool exhausted (pool-config.ts). */
  poolConfig?: PoolConfigEvidence[];
  /** The memory-pool settings (shared_buffers, innodb_buffer_pool_size, cacheSizeGB, maxmemory) of the ConfigMaps an OOM-killed container mounts (memory-pool.ts). */
  memoryPoolConfig?: MemoryPoolConfigEvidence[];
  /** The WAL-retention settings (wal_keep_size, max_slot_wal_keep_size, archive_mode) of the ConfigMaps a pod mounts whose log says the WAL it needs was removed (standby-wal-gap.ts). */
  walRetentionConfig?: ServerConfigEvidence[];
  /** The schema-generation lines (ddl-auto, hbm2ddl.auto) of the ConfigMaps the logging container mounts or takes variables from, where its queries find a table missing (schema-generation.ts). */
  schemaGeneration?: SchemaGenerationEvidence[];
  /** The longest server_name (and the bucket size set) in the ConfigMap mounted by an nginx whose start fails at "could not build server_names_hash" (server-names-hash.ts). */
  serverNames?: ServerNamesEvidence[];
  /** The in-cluster Service names in the ConfigMaps the pods mount, where their logs say a name does not resolve without naming it, with the Services of the namespaces they name (config-endpoint.ts). */
  configEndpoints?: ConfigEndpointEvidence[];
  /** The database behind the Service the workload's env names, where its logs say a table is missing: one pod, its log tail, its claims and their volumes (store-volume-loss.ts). */
  storeVolume?: StoreVolumeEvidence;
  /** The primary a PostgreSQL standby's own log says is another database cluster ("system identifier differs"), behind the Service its log, env or name points at: one pod, its log tail, its claims and their volumes (standby-foreign-primary.ts). */
  standbyPrimary?: StoreVolumeEvidence;
  /** The Kafka group coordinator's log lines about a group whose consumers found no committed offset, and the brokers' offsets.retention.minutes (offset-reset.ts). */
  groupCoordinator?: GroupCoordinatorEvidence;
  /** The Kafka brokers' lines that set a topic's retention or deleted its segments for it, where a Connect task died because its schema history topic is missing (history-retention.ts). */
  historyRetention?: HistoryRetentionEvidence;
  /** Scheduler Deployments of the namespace (Celery beat…) running more than one replica, with their events and log tails, where the workload executes scheduled tasks (scheduler-replicas.ts). */
  schedulerReplicas?: SchedulerReplicasEvidence[];
  /** Deployments of the other namespaces the logs or the channel name, whose newest revision came in the hours before documents a search index refuses for its mapping (index-mapping-conflict.ts). */
  senderRollouts?: SenderRolloutEvidence[];
  /** Deployments of the cluster that send to the workload (a collector refusing data for its memory) and rolled out lately, with how they point at it (sink-senders.ts). */
  sinkSenders?: SinkSenderEvidence[];
  /** The identity provider in the cluster whose template names the issuer the workload refuses every token for, with its newest revision (evidence-issuer-provider.ts). */
  issuerProvider?: IssuerProviderEvidence;
  /** Deployments of the cluster that may lift a scheduling gate the pods wait on, read only when a pod sits SchedulingGated. */
  gateControllers?: GateControllerEvidence[];
  /** The controller that writes a readiness gate the pods wait on and that never set it: its pods and one log tail (evidence-gate-writer.ts). */
  gateWriter?: GateWriterEvidence;
  /** The mesh proxy's log of one failing meshed pod and, where it cannot reach its control plane, that control plane's pods (evidence-mesh-control-plane.ts). */
  meshControlPlane?: MeshControlPlaneEvidence;
  /** Other Deployments of the namespace that connect to the host the workload's connection-cap refusals name and whose replicas were written recently, with their scale events (cotenant-scale-up.ts). */
  cotenantScaleUps?: CotenantScaleUpEvidence[];
  /** The StatefulSet behind a per-pod host name under a ClusterIP Service that its clients cannot resolve: its headless Service and the revision that made it name that host (per-pod-host.ts). */
  advertisedHost?: AdvertisedHostEvidence;
  /** Deployments of the namespace whose env names the address a broker blocks the workload's sends on (broker-flow-block.ts). */
  queueConsumers?: QueueConsumerEvidence[];
  /** Other Deployments of the namespace whose literal env names an SQS queue, when SQS says the workload's queue does not exist (missing-queue.ts). */
  queuePeers?: QueuePeerEvidence[];
}

