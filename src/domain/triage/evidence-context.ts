/**
 * The evidence around a workload: how many pods there really are, the volumes, policies, quotas
 * and recently changed objects of its namespace, the cluster DNS, a Job's or CronJob's runs.
 * Same mapping rule as evidence.ts.
 */
import type { ConditionEvidence, IsoTime, NodeRequirementEvidence, PodTemplateEvidence, Quantity, RevisionContainerEvidence } from './evidence-spec.js';
import type { EventEvidence, LogEvidence, PodEvidence } from './evidence-pod.js';
import type { NamespaceDeletionEvidence } from './evidence-namespace.js';
import type { ServerRolloutEvidence } from './evidence-server-rollout.js';
import type { DnsConfigEvidence } from './evidence-dns-config.js';
import type { DnsServiceEvidence } from './evidence-dns-service.js';
import type { LimitRangeItemEvidence } from './evidence-limit-range.js';
import type { ConfigKeySizeEvidence } from './evidence-config-size.js';
import type { PodFailureRuleEvidence } from './evidence-job-policy.js';
import type { ConfigRefEvidence } from './evidence-config-refs.js';
import type { PolicyRuleEvidence } from './evidence-policy-rules.js';
import type { MeshInjectionEvidence } from './evidence-mesh-injection.js';

/** Every pod the workload's selector matched, counted by state; `pods` keeps only some. */
export interface PodCensus {
  /** Pods counted. */
  total: number;
  /** false when the count stopped at a cap (there are more than `total`). */
  complete: boolean;
  ready: number;
  /** By the state a person reads in `kubectl get pods` (see pod-state.ts): "Pending", "CrashLoopBackOff", … */
  byState: Record<string, number>;
}

export interface PersistentVolumeEvidence {
  name: string;
  /** The claim bound to it, `namespace/name`. */
  claim?: string;
  /** spec.claimRef.uid: which claim object it is bound to (a deleted and recreated claim has a new uid). */
  claimUid?: string;
  phase: string;
  /** spec.persistentVolumeReclaimPolicy: Retain keeps a Released volume (and its claimRef) after its claim is deleted. */
  reclaimPolicy?: string;
  storageClass?: string;
  /** spec.nodeAffinity.required terms: where the volume can be attached (zone-pinned disks). */
  nodeAffinity: NodeRequirementEvidence[][];
  /** CSI driver, or the in-tree plugin name (nfs, hostPath, awsElasticBlockStore…). */
  driver?: string;
  /** metadata.creationTimestamp: a volume re-created under running pods is newer than their mounts. */
  createdAt?: IsoTime;
  /** spec.csi.volumeHandle: what the driver mounts (an EFS file system and access point, a disk id). */
  volumeHandle?: string;
  /**
   * The NFS export it mounts: spec.nfs, or an NFS CSI driver's volumeAttributes server and share.
   * A server that is a cluster IP (or a Service's DNS name) is a Service of the cluster serving it.
   */
  nfs?: { server: string; path: string };
  /** spec.csi.fsType (or an in-tree disk's fsType): the filesystem the node plugin mounts the disk as, and formats an empty one with. */
  fsType?: string;
  /**
   * The Secret the node logs in to the storage with (spec.csi.nodeStageSecretRef or
   * nodePublishSecretRef, azureFile.secretName, cephfs/rbd secretRef), by name: never read.
   */
  credentialSecret?: { name: string; namespace?: string; field: string };
  /** spec.mountOptions: what the kubelet passes to mount with -o (an NFS version, hard/soft, timeouts). */
  mountOptions?: string[];
}

/** A NetworkPolicy, reduced to what it selects and what it lets through. */
export interface NetworkPolicyEvidence {
  name: string;
  createdAt?: IsoTime;
  /** The newest managedFields time: when its spec last changed. */
  changedAt?: IsoTime;
  /** spec.podSelector.matchLabels; empty = every pod of the namespace. */
  podSelector: Record<string, string>;
  /** podSelector.matchExpressions rendered `key In (a,b)`; such a policy is matched conservatively. */
  podSelectorExpressions?: string[];
  policyTypes: ('Ingress' | 'Egress')[];
  /** Rules as `to/from … ports …` lines; an empty list of a listed type denies everything. */
  ingress: string[];
  egress: string[];
  /** The same ingress rules with peers and ports apart, to check a caller against; absent when not mapped. */
  ingressRules?: PolicyRuleEvidence[];
}

export interface ResourceQuotaEvidence {
  name: string;
  createdAt?: IsoTime;
  changedAt?: IsoTime;
  hard: Record<string, string>;
  used: Record<string, string>;
  /** spec.scopes and spec.scopeSelector's expressions: the quota counts only the pods they select. Absent: every pod. */
  scopes?: QuotaScopeEvidence[];
}

/** One quota scope: `NotTerminating`, `BestEffort`, or `PriorityClass In (critical)`. */
export interface QuotaScopeEvidence {
  name: string;
  operator?: string;
  values?: string[];
}

/** An object of the namespace and when it was made and last changed (metadata only). */
export interface NamespaceObjectEvidence {
  kind: 'Namespace' | 'NetworkPolicy' | 'ResourceQuota' | 'LimitRange' | 'Service' | 'ConfigMap';
  name: string;
  createdAt?: IsoTime;
  /** The newest managedFields time, when the API reports one. */
  changedAt?: IsoTime;
  /** A Namespace only: set when it is being deleted (deletionTimestamp or phase Terminating). */
  deletion?: NamespaceDeletionEvidence;
  /**
   * A Namespace only: the node selector admission merges into every pod created in it — the
   * PodNodeSelector annotation `scheduler.alpha.kubernetes.io/node-selector` (or OpenShift's
   * `openshift.io/node-selector`), as written ("pool=payments,disk=ssd"). Absent when it has none.
   */
  defaultNodeSelector?: { annotation: string; value: string };
  /** A Namespace only: the mesh injection it asks for (its label or annotation); absent when none. */
  meshInjection?: MeshInjectionEvidence;
  /** A LimitRange only: its items, to name the one whose bound admission refused a pod for. */
  limits?: LimitRangeItemEvidence[];
  /**
   * A ConfigMap only: the names of its keys (data and binaryData; values are never kept), to tell
   * a key a pod reads that is gone, and what it holds instead.
   */
  keys?: string[];
  /** A ConfigMap only: the byte sizes of its largest `data` values (values never kept), biggest first. */
  largeKeys?: ConfigKeySizeEvidence[];
}

/**
 * A Job of the namespace in brief, read when a ResourceQuota on the count of Jobs
 * (count/jobs.batch) refuses a CronJob's runs: finished Jobs count against it until deleted.
 */
export interface NamespaceJobEvidence {
  name: string;
  /** Its controller ("CronJob nightly-export"); absent for a Job made by hand or by a tool. */
  owner?: { kind: string; name: string };
  createdAt?: IsoTime;
  /** When it completed or failed; absent while it runs. */
  finishedAt?: IsoTime;
  state: 'running' | 'complete' | 'failed' | 'suspended';
  /** Its Failed condition's reason (BackoffLimitExceeded, DeadlineExceeded), when it failed. */
  failedReason?: string;
  /** spec.ttlSecondsAfterFinished: the TTL controller deletes it this long after it ends. */
  ttlSecondsAfterFinished?: number;
  /** The Secrets and ConfigMaps its pod template takes values from (names only): what it shares with the workload. */
  configRefs?: ConfigRefEvidence[];
  /** Its pod template's command, args and literal env values (`NAME=value`), clipped: what it connects to (a database's host). */
  commandAndEnv?: string[];
}

/** Every Job of the namespace (up to the list's cap); `complete` false when the list stopped early. */
export interface NamespaceJobsEvidence {
  jobs: NamespaceJobEvidence[];
  complete: boolean;
}

/** A Job: the target itself, or one run of a CronJob. */
export interface JobEvidence {
  name: string;
  createdAt?: IsoTime;
  startTime?: IsoTime;
  completionTime?: IsoTime;
  active: number;
  succeeded: number;
  failed: number;
  backoffLimit?: number;
  activeDeadlineSeconds?: number;
  /** spec.template.spec.restartPolicy: under OnFailure the kubelet restarts a failed container in its own pod, under Never the Job controller makes a new pod. */
  restartPolicy?: 'OnFailure' | 'Never';
  completions?: number;
  /** spec.parallelism: pods the Job runs at once; 0 runs none, so the Job neither finishes nor fails. */
  parallelism?: number;
  /** spec.completionMode when Indexed: each pod runs one completion index (0…completions-1). */
  completionMode?: 'Indexed';
  /** spec.backoffLimitPerIndex: retries of one index before that index alone is marked failed. */
  backoffLimitPerIndex?: number;
  /** status.completedIndexes / failedIndexes as the API writes them ("0-4,6-7"); absent when empty. */
  completedIndexes?: string;
  failedIndexes?: string;
  /** Complete, Failed (BackoffLimitExceeded, DeadlineExceeded, FailedIndexes), Suspended, FailureTarget… */
  conditions: ConditionEvidence[];
  /** spec.suspend: the Job controller creates no pod (and deletes running ones) until it is false. */
  suspended?: true;
  /** When spec.suspend was last written, and by which field manager (managedFields). */
  suspendedAt?: IsoTime;
  suspendedBy?: string;
  /** The queue a queueing controller (Kueue: label kueue.x-k8s.io/queue-name) is to admit the Job from. */
  queue?: { name: string; marker: string };
  /** spec.podFailurePolicy.rules; absent when the Job has none (every failed pod counts). */
  podFailureRules?: PodFailureRuleEvidence[];
  /** Annotation cronjob.kubernetes.io/instantiate: manual — created by hand from the CronJob (kubectl create job --from), not by its schedule. */
  manual?: true;
  /** The audiences of the projected ServiceAccount tokens its pod template asks for, by volume; absent when none: what an earlier run's token carried. */
  tokenAudiences?: { volume: string; audience: string }[];
  /**
   * Its pod template as it was created with it (a Job's template never changes): a CronJob's runs
   * carry the jobTemplate of their time, so a failing run's differs from the last good run's when
   * the CronJob was edited in between (job-template-change.ts). The pod's labels are left out: the
   * Job controller stamps each run's own.
   */
  containers?: RevisionContainerEvidence[];
  template?: PodTemplateEvidence;
}

/**
 * A Service of the namespace, not the workload's own, with no ready endpoint: a dependency that
 * may be down. Its pods and their Warning events say why (Pending on a volume, crash-looping…).
 */
export interface DownServiceEvidence {
  service: string;
  pods: PodEvidence[];
  events: EventEvidence[];
  /**
   * The current log tail of one of its pods that runs but is not ready: a server that is up but
   * will not serve (a database with no primary) says why in its own log, not in an event.
   */
  logs?: LogEvidence[];
  /**
   * The revision its dying pods run and the one before it (its Deployment's ReplicaSets or its
   * StatefulSet's revisions): read only when its pods keep dying (dependency-revision.ts).
   */
  rollout?: ServerRolloutEvidence;
}

/** A pod of any namespace that binds, on a node, a host port one of the workload's pending pods needs there (or on the nodes the workload runs on). */
export interface PortHolderEvidence {
  node: string;
  hostPort: number;
  /** The protocol it binds the port for: a host port is taken per protocol (8125/UDP leaves 8125/TCP free). */
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  namespace: string;
  pod: string;
  /** Its controller, "DaemonSet kps-prometheus-node-exporter"; absent for a bare pod. */
  owner?: string;
  /** For a host-network holder: what in its spec names the port ("args --web.listen-address=:8080"). */
  setting?: string;
}

/**
 * A pod (of any namespace) the scheduler made room for by preempting the workload's pods, found
 * among the pods of the node its Preempted event names.
 */
export interface PreemptorEvidence {
  namespace: string;
  pod: string;
  uid?: string;
  node: string;
  /** Its controller, "Job bert-finetune-v7"; absent for a bare pod. */
  owner?: string;
  priorityClassName?: string;
  /** spec.priority, the class's value resolved at admission. */
  priority?: number;
  /** Container requests summed by resource ("3" cpu, "8Gi" memory), as quantity strings. */
  requests?: Record<string, Quantity>;
  createdAt?: IsoTime;
}

/**
 * A PriorityClass the pods of the namespace run with (a pod is only admitted with a class that
 * exists) and the workloads that use it. Read when admission refuses a class name.
 */
export interface PriorityClassUseEvidence {
  name: string;
  /** "Deployment online-ranker", at most a few. */
  usedBy: string[];
}

/** A cluster component the workload relies on (metrics-server), read when the evidence points at it. */
export interface SystemComponentEvidence {
  name: string;
  namespace: string;
  pods: PodEvidence[];
  /** Current log tail of one of its pods (an unready one first). */
  logs: LogEvidence[];
}

/**
 * The adapter that serves custom.metrics.k8s.io or external.metrics.k8s.io (prometheus-adapter,
 * KEDA's metrics apiserver …), read when an HPA's custom or external metrics API does not answer:
 * its pods, the log tail of one (a crashing one's previous run first), and the revision they run.
 */
export interface MetricsAdapterEvidence {
  name: string;
  namespace: string;
  pods: PodEvidence[];
  logs: LogEvidence[];
  /** The revision its pods run and the one before it. */
  rollout?: ServerRolloutEvidence;
}

/** The cluster DNS as the pods of kube-system's k8s-app=kube-dns show it. */
export interface ClusterDnsEvidence {
  namespace: string;
  pods: PodEvidence[];
  /**
   * Read only when the workload's lookups time out while the DNS pods look ready (see
   * needsDnsCapacity): the DNS Deployment's events (its scaling) and the names and change times
   * of its namespace's ConfigMaps (the Corefile, the autoscaler's parameters).
   * With the log tails of up to two ready DNS pods: where their forwards to upstream resolvers time out.
   */
  capacity?: { deployment: string; events: EventEvidence[]; configMaps: NamespaceObjectEvidence[]; logs?: LogEvidence[] };
  /** Its Corefile, read only when lookups answer NXDOMAIN (see needsDnsConfig): where it sends outside names, how long it caches a denial. */
  config?: DnsConfigEvidence;
  /**
   * Log tails of DNS pods, read only when lookups fail while a DNS pod is not ready (see
   * needsDnsPodLogs): the crashing ones' (previous run) and one ready one's — a Corefile that does not parse.
   */
  logs?: LogEvidence[];
  /**
   * The Services of its namespace that select the DNS pods (kube-dns), read only when lookups time
   * out toward a nameserver the lines name while every DNS pod is ready (see needsDnsService): whether
   * that nameserver is still their ClusterIP.
   */
  services?: DnsServiceEvidence[];
}

/**
 * The node agents (DaemonSet pods of any namespace) of a node where the workload's new pods get no
 * sandbox network, read when the kubelet's FailedCreatePodSandBox names a CNI plugin, with the log
 * tail of that plugin's agent when it is failing.
 */
export interface NodeAgentsEvidence {
  node: string;
  agents: { namespace: string; owner?: string; pod: PodEvidence }[];
  logs: LogEvidence[];
}

/**
 * A node where only the workload's pods time out on the network (or the kernel reports its
 * conntrack table full): its pods of every namespace (node agents, and what started there lately)
 * and the log tail of its kube-proxy.
 */
export interface NodeNetworkEvidence {
  node: string;
  pods: { namespace: string; owner?: string; pod: PodEvidence }[];
  /** kube-proxy's log tail, and the CNI agent's when it is not ready. */
  logs: LogEvidence[];
  /** The node's CNI agent when it is not ready there (node-cni-agent.ts): its probe failures and what it chose at start. */
  cniAgent?: CniAgentDownEvidence;
}

/** A node's CNI agent pod that is not ready: why its probes fail, and the start of its current log. */
export interface CniAgentDownEvidence {
  namespace: string;
  pod: string;
  container: string;
  /** Its Unhealthy events (readiness, liveness); absent when they could not be read. */
  probeEvents?: EventEvidence[];
  /** The lines of the start of its current log that state what it chose (the node's address, its interface) or fail. */
  startLines?: string[];
}

/** A pod of any namespace found by its IP: a caller the workload's access logs name. */
export interface CallerPodEvidence {
  ip: string;
  namespace: string;
  pod: string;
  /** Its controller, "Deployment checkout-api" (a ReplicaSet's hash dropped); absent for a bare pod. */
  owner?: string;
}

/**
 * An HPA of the namespace whose scale target does not exist (AbleToScale=False, FailedGetScale
 * "… not found"), read only when no HPA targets the workload: a renamed workload leaves its HPA
 * on the old name, and then nothing scales the new one.
 */
export interface StrayHpaEvidence {
  name: string;
  /** spec.scaleTargetRef. */
  targetKind: string;
  targetName: string;
  minReplicas: number;
  maxReplicas: number;
  /** The AbleToScale condition's message, as the HPA controller wrote it. */
  message: string;
  /** When it lost its target: the condition's lastTransitionTime. */
  since?: IsoTime;
}
