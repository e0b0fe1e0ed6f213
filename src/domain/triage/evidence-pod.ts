/**
 * The pod side of the evidence: containers (spec and state), probes, terminations and pods as
 * the API reports them. Same mapping rule as evidence.ts: copy what the API says; leave out what
 * it does not say.
 */
import type { MissedInjectionEvidence } from './evidence-injection.js';
import type { ConditionEvidence, EnvFromEvidence, EnvVarEvidence, IsoTime, PlacementEvidence, Quantity, VolumeEvidence, VolumeMountEvidence } from './evidence-spec.js';

export interface ContainerPortEvidence {
  name?: string;
  containerPort: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  /** Bound on the node's own address: one pod per node may hold it. */
  hostPort?: number;
}

/** requests/limits by resource name ("cpu", "memory", "ephemeral-storage", "nvidia.com/gpu"). */
export interface ResourcesEvidence {
  requests: Record<string, Quantity>;
  limits: Record<string, Quantity>;
}

/** A probe reduced to what a human checks: what is hit, how often, how patiently. */
export interface ProbeEvidence {
  type: 'http' | 'tcp' | 'grpc' | 'exec';
  /** httpGet.path. */
  path?: string;
  /** httpGet.scheme when set: HTTPS (the API's default is HTTP). */
  scheme?: string;
  /** httpGet/tcpSocket/grpc port: a number or a container port name. */
  port?: number | string;
  /** grpc.service: the name the probe asks the health server about (absent: "", the server as a whole). */
  service?: string;
  /** exec.command joined with spaces. */
  command?: string;
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
}

export interface ProbesEvidence {
  readiness?: ProbeEvidence;
  liveness?: ProbeEvidence;
  startup?: ProbeEvidence;
}

/** The spec half of a container; shared by pod containers and the workload template. */
export interface ContainerSpecEvidence {
  name: string;
  image: string;
  /** imagePullPolicy as the API gives it (it defaults to Always for `:latest` or no tag, else IfNotPresent). */
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  ports: ContainerPortEvidence[];
  resources: ResourcesEvidence;
  probes: ProbesEvidence;
  command?: string[];
  args?: string[];
  /** The directory the container starts in (the image's own when unset): where a PHP image keeps its code. */
  workingDir?: string;
  /** Literal values and references (never resolved), as in revisions. */
  env?: EnvVarEvidence[];
  envFrom?: EnvFromEvidence[];
  volumeMounts?: VolumeMountEvidence[];
  /** A native sidecar: an init container with restartPolicy Always, running beside the app. */
  sidecar?: boolean;
  /** lifecycle hooks, each told as its handler: the exec command, `GET :8080/warm`, `sleep 5s`. */
  hooks?: LifecycleHooksEvidence;
}

export interface LifecycleHooksEvidence {
  postStart?: string;
  preStop?: string;
}

/** Mirrors V1ContainerState: exactly one of waiting, running, terminated. */
export type ContainerStateEvidence =
  | { waiting: { reason: string; message?: string } }
  | { running: { startedAt?: IsoTime } }
  | { terminated: TerminatedStateEvidence };

export interface TerminatedStateEvidence {
  exitCode: number;
  /** "OOMKilled", "Error", "Completed", "ContainerCannotRun", "StartError", … */
  reason?: string;
  signal?: number;
  message?: string;
  startedAt?: IsoTime;
  finishedAt?: IsoTime;
}

export interface ContainerEvidence extends ContainerSpecEvidence {
  /** status.containerStatuses[].state; absent when the kubelet has not reported yet. */
  state?: ContainerStateEvidence;
  /** status.containerStatuses[].lastState: the previous run, if there was one. */
  lastState?: ContainerStateEvidence;
  restartCount: number;
  ready: boolean;
  /**
   * status.containerStatuses[].imageID: the digest the tag resolved to when this container's image
   * was pulled (`repo@sha256:…`); absent before the first pull. Two pods of one tag may differ.
   */
  imageID?: string;
}

export interface PodEvidence {
  name: string;
  uid?: string;
  /** spec.nodeName; absent while unscheduled. */
  nodeName?: string;
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  /** status.reason / status.message: "Evicted", "NodeLost", "Terminated" (node shutdown), … */
  reason?: string;
  message?: string;
  qosClass?: 'Guaranteed' | 'Burstable' | 'BestEffort';
  labels: Record<string, string>;
  /**
   * For each annotation key an env fieldRef of the pod's containers reads
   * (metadata.annotations['k']): whether the pod carries it. Only those keys are looked at; the
   * kubelet sets the variable to "" when the key is absent. Absent when no env reads an annotation.
   */
  downwardAnnotations?: Record<string, boolean>;
  /** The pod's Ready condition is True. */
  ready: boolean;
  conditions: ConditionEvidence[];
  createdAt?: IsoTime;
  startTime?: IsoTime;
  /** Set while the pod is being deleted: the time by which it should be gone (the request plus its grace period). */
  deletionTimestamp?: IsoTime;
  /** metadata.finalizers: what must clear before a deleted pod object can go (none on most pods). */
  finalizers?: string[];
  /** Pods of another workload (behind the target's Services): the workload that made it, e.g. Deployment pricing-legacy. */
  ownerWorkload?: { kind: string; name: string };
  /**
   * Which revision made this pod: the `pod-template-hash` label (Deployment) or the
   * `controller-revision-hash` label (StatefulSet). Matches RevisionEvidence.hash.
   */
  revisionHash?: string;
  containers: ContainerEvidence[];
  initContainers: ContainerEvidence[];
  /** Where the pod may run; absent when the adapter did not map it. */
  placement?: PlacementEvidence;
  volumes?: VolumeEvidence[];
  serviceAccountName?: string;
  /**
   * expirationSeconds of the projected service-account token the containers read at
   * /var/run/secrets/kubernetes.io/serviceaccount (3607 for the injected kube-api-access volume).
   * The kubelet rewrites the file at 80 % of it; a client that read it once fails when it expires.
   * Absent: no projected token there (automount off, a token Secret).
   */
  serviceAccountTokenSeconds?: number;
  imagePullSecrets?: string[];
  /** spec.activeDeadlineSeconds: the kubelet fails the pod (DeadlineExceeded) this long after it started. */
  activeDeadlineSeconds?: number;
  /** StatefulSet pods: the ordinal (`ledger-db-2` → 2). */
  ordinal?: number;
  /** Job pods: the Job that made them. */
  jobName?: string;
  /** Pods of an Indexed Job: the completion index they run (`batch.kubernetes.io/job-completion-index`). */
  completionIndex?: number;
  /**
   * spec.enableServiceLinks when false. Absent: true, the default, and the kubelet sets docker-link
   * variables (`REDIS_PORT=tcp://<clusterIP>:<port>`, `REDIS_SERVICE_HOST`…) for every Service of
   * the namespace in each container it starts.
   */
  enableServiceLinks?: false;
  /** spec.dnsPolicy as the API gives it (ClusterFirst by default; None and Default bypass the cluster DNS). */
  dnsPolicy?: string;
  /** spec.hostNetwork: the pod lives in its node's network namespace (ports, and DNS under ClusterFirst). */
  hostNetwork?: boolean;
  /** status.podIPs (or status.podIP): the pod's own addresses; absent before it has one. */
  podIPs?: string[];
  /** spec.dnsConfig.nameservers: resolvers the pod sets itself. */
  dnsNameservers?: string[];
  /** spec.dnsConfig.searches: domains the pod adds after the cluster's search list (a name walks them all). */
  dnsSearches?: string[];
  /** spec.dnsConfig options ndots, when the pod sets it (the cluster default is 5). */
  dnsNdots?: number;
  /**
   * spec.dnsConfig.options as resolv.conf writes them ("ndots:2", "single-request-reopen",
   * "timeout:2"): the resolver's behaviour, e.g. whether glibc sends A and AAAA from one socket.
   */
  dnsOptions?: string[];
  /**
   * spec.schedulerName as the API gives it (default-scheduler unless the template names another):
   * only the scheduler of that name ever binds the pod, so a name no running scheduler answers to
   * leaves it Pending without a word.
   */
  schedulerName?: string;
  /** spec.runtimeClassName: the RuntimeClass (a sandbox runtime such as Kata or gVisor) the pod runs under. */
  runtimeClassName?: string;
  /**
   * spec.overhead: what its RuntimeClass costs beyond the containers (the sandbox VM), written into
   * the pod by admission. The scheduler adds it to the pod's requests when it fits the pod to a node.
   */
  overhead?: Record<string, Quantity>;
  /** spec.priority (from its PriorityClass, 0 without one) and the class's name: who may preempt whom. */
  priority?: number;
  priorityClassName?: string;
  /**
   * What admission wrote about resources it set on this pod, as its annotations say: LimitRanger's
   * `kubernetes.io/limit-ranger` ("LimitRanger plugin set: memory limit for container app") and the
   * VPA admission controller's `vpaUpdates` ("Pod resources updated by my-vpa: container 0: memory limit"),
   * Kyverno's `policies.kyverno.io/last-applied-patches` ("<policy>.<rule>.kyverno.io: added
   * /spec/containers/0/resources/limits") and Gatekeeper's `gatekeeper.sh/mutations`
   * ("Assign//default-limits:1, AssignMetadata//owner:2": which mutators ran, not what they set).
   */
  resourceAnnotations?: { limitRanger?: string; vpaUpdates?: string; kyvernoPatches?: string; gatekeeperMutations?: string };
  /** Containers a mutating webhook added at admission, as its annotations say: in no revision's doing. */
  injectedContainers?: InjectedContainerEvidence[];
  /** A webhook injection the pod's annotations ask for and that did not happen. */
  missedInjection?: MissedInjectionEvidence;
  /** spec.hostAliases: names the kubelet writes into the pod's /etc/hosts, read before any DNS lookup. */
  hostAliases?: HostAliasEvidence[];
  /**
   * spec.readinessGates[].conditionType: conditions an outside controller must set True before the
   * pod counts as Ready (a load balancer's target health). Absent: the pod declares none.
   */
  readinessGates?: string[];
  /** spec.schedulingGates[].name: while any is left the scheduler does not look at the pod (PodScheduled=False, SchedulingGated). */
  schedulingGates?: string[];
}

/** One spec.hostAliases entry: these host names resolve to `ip` inside the pod, whatever DNS says. */
export interface HostAliasEvidence {
  ip: string;
  hostnames: string[];
}

export interface EventEvidence {
  /**
   * involvedObject (core/v1) or regarding (events.k8s.io/v1); `fieldPath` names the container an
   * event of a pod is about (`spec.containers{app}`, `spec.initContainers{migrate}`).
   */
  object: { kind: string; name: string; uid?: string; namespace?: string; fieldPath?: string };
  type: 'Normal' | 'Warning';
  reason: string;
  /** message (core/v1) or note (events.k8s.io/v1). */
  message: string;
  /** series.count ?? count ?? 1. */
  count: number;
  /** firstTimestamp ?? eventTime ?? metadata.creationTimestamp. */
  firstSeen: IsoTime;
  /** series.lastObservedTime ?? lastTimestamp ?? eventTime ?? firstSeen. */
  lastSeen: IsoTime;
  /** source.component or reportingController ("kubelet", "default-scheduler", …). */
  source?: string;
  /** The event's `related` object: for Preempted, the pod that preempted this one. */
  related?: { kind: string; name: string; namespace?: string; uid?: string };
}

export interface LogEvidence {
  pod: string;
  container: string;
  /** true: the previous (crashed) run, `kubectl logs --previous`. */
  previous: boolean;
  /** The tail, oldest first, unredacted: the report redacts before anything leaves. */
  lines: string[];
}

/** A container admission added: `{ name: 'log-agent', by: 'Kyverno policy inject-logs' }`. */
export interface InjectedContainerEvidence {
  name: string;
  by: string;
}
