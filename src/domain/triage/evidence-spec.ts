/**
 * The spec side of the evidence: what a pod template asks for (command, env, mounts, where it may
 * run), shared by pods, the workload's template and its revisions. Same mapping rule as
 * evidence.ts: copy what the API says; leave out what it does not say.
 */

/** ISO-8601 date-time, e.g. "2026-11-21T03:02:11Z". */
export type IsoTime = string;

/** A status condition (workload, pod, node, HPA) as the API reports it. */
export interface ConditionEvidence {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: IsoTime;
}

/**
 * An environment variable. Values come only from the template's literal `value`; anything taken
 * from a Secret, ConfigMap or field is recorded as a reference, and the adapter must never
 * resolve it (the bot never reads Secrets). A Downward API resource reference (kind 'resource',
 * name the container, key `limits.memory`) keeps its divisor when set: without one, memory comes
 * in bytes.
 */
export type EnvVarEvidence =
  | { name: string; value: string }
  /** optional: a Secret or ConfigMap key marked optional — when it is missing the kubelet starts the container without the variable. */
  | { name: string; ref: { kind: 'secret' | 'configMap' | 'field' | 'resource'; name?: string; key?: string; divisor?: string; optional?: boolean } };

/** An envFrom source, e.g. `{ kind: 'secret', name: 'db-credentials' }`. */
export interface EnvFromEvidence {
  kind: 'secret' | 'configMap';
  name: string;
  /** The prefix the kubelet puts before every key of the source (`APP_`: key DB_HOST becomes APP_DB_HOST); absent when none. */
  prefix?: string;
}

export interface VolumeMountEvidence {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  subPath?: string;
}

/** A pod volume reduced to where its data comes from. */
export interface VolumeEvidence {
  name: string;
  source: 'pvc' | 'configMap' | 'secret' | 'emptyDir' | 'hostPath' | 'projected' | 'csi' | 'nfs' | 'other';
  /** claimName, ConfigMap or Secret name, host path, NFS server:path, CSI driver. */
  ref?: string;
  /** A Secret's, ConfigMap's or projected volume's defaultMode in octal ("0400"), when not the default 0644. */
  mode?: string;
  /** An emptyDir's medium when set: Memory is a tmpfs, whose files are charged to the writing container's memory limit. */
  medium?: string;
  /** An emptyDir's sizeLimit, when set. */
  sizeLimit?: string;
  /** The keys a Secret or ConfigMap volume's items list: only those are projected, and the kubelet refuses the volume when one is missing. */
  items?: string[];
  /** A projected service-account token's audience: the API that reads the token refuses any other (401). */
  audience?: string;
  /** A projected volume's ConfigMap and Secret sources, in order: where two project the same key, the later one's file is the one the pod sees. */
  projectedSources?: ProjectedSourceEvidence[];
}

/** One ConfigMap or Secret source of a projected volume, with the keys its items list (absent: every key). */
export interface ProjectedSourceEvidence {
  kind: 'configMap' | 'secret';
  name: string;
  items?: string[];
}

/** One requirement of a node selector term: `disktype In (ssd)`. */
export interface NodeRequirementEvidence {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values: string[];
}

export interface TolerationEvidence {
  key?: string;
  operator: 'Exists' | 'Equal';
  value?: string;
  /** Absent: tolerates every effect. */
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  /** NoExecute only: how long a pod stays on a node after the taint appears; absent: for ever. */
  tolerationSeconds?: number;
}

/** Where a pod may run: what the scheduler matches against nodes. */
export interface PlacementEvidence {
  nodeSelector: Record<string, string>;
  /** Required node affinity: terms are ORed, the requirements of a term ANDed. Empty: none. */
  requiredNodeAffinity: NodeRequirementEvidence[][];
  tolerations: TolerationEvidence[];
  /** The one node a DaemonSet pod may run on (matchFields metadata.name); absent otherwise. */
  pinnedNode?: string;
  /** spec.topologySpreadConstraints; absent when none. */
  topologySpread?: TopologySpreadEvidence[];
  /** Required podAffinity terms (all must hold); absent when none. */
  requiredPodAffinity?: PodAffinityTermEvidence[];
  /** Required podAntiAffinity terms; absent when none. */
  requiredPodAntiAffinity?: PodAffinityTermEvidence[];
}

/**
 * One required pod (anti-)affinity term: the pods its selector matches, in the namespaces it
 * names, decide which topology domains (nodes, zones) the pod may join.
 */
export interface PodAffinityTermEvidence {
  /** labelSelector.matchLabels. */
  matchLabels: Record<string, string>;
  /** labelSelector.matchExpressions (In, NotIn, Exists, DoesNotExist). */
  matchExpressions: NodeRequirementEvidence[];
  topologyKey: string;
  /** Explicit namespaces; absent: the pod's own namespace (unless namespaceSelector is set). */
  namespaces?: string[];
  /** namespaceSelector as a label query ('' selects every namespace); absent when unset. */
  namespaceSelector?: string;
}

/** One topology spread constraint: with DoNotSchedule, a node without the key's label is never a candidate. */
export interface TopologySpreadEvidence {
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  maxSkew: number;
  /** With DoNotSchedule: fewer eligible domains than this make the global minimum 0. Absent when unset. */
  minDomains?: number;
  /** Honor: nodes whose taints the pods do not tolerate (cordoned ones too) drop out of the domains; absent: Ignore, the default. */
  nodeTaintsPolicy?: 'Honor' | 'Ignore';
}

/**
 * A container as a revision (ReplicaSet / ControllerRevision) records it: what a template diff
 * compares. The optional fields are absent when the template does not set them.
 */
export interface RevisionContainerEvidence {
  name: string;
  image: string;
  env: EnvVarEvidence[];
  envFrom: EnvFromEvidence[];
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  command?: string[];
  args?: string[];
  /** `8080/TCP "http"` per port. */
  ports?: string[];
  /** Probes rendered the way formatProbe does, by kind. */
  probes?: { readiness?: string; liveness?: string; startup?: string };
  volumeMounts?: VolumeMountEvidence[];
  /** securityContext as compact JSON (runAsUser, readOnlyRootFilesystem, capabilities…). */
  securityContext?: string;
  /** lifecycle hooks told as their handlers (see ContainerSpecEvidence). */
  hooks?: { postStart?: string; preStop?: string };
}

/** The pod-level half of a revision's template. */
export interface PodTemplateEvidence {
  /** The template's labels (without the controller's hash label): selectors and policies match them. */
  labels?: Record<string, string>;
  /**
   * The template's annotations, values cut at 500 characters: many are behaviour (a mesh's proxy
   * config, Multus' extra networks), so a change to them is part of what a rollout changed.
   */
  annotations?: Record<string, string>;
  initContainers: RevisionContainerEvidence[];
  volumes: VolumeEvidence[];
  serviceAccountName?: string;
  imagePullSecrets: string[];
  placement: PlacementEvidence;
  /** spec.nodeName set in the template itself: its pods go straight to that node's kubelet, past the scheduler. */
  nodeName?: string;
  /** spec.schedulingGates[].name the template gives every new pod: something outside must lift each before the scheduler sees the pod. */
  schedulingGates?: string[];
  /** spec.schedulerName when the template sets it (absent: default-scheduler): which scheduler binds its pods. */
  schedulerName?: string;
  /** Pod securityContext as compact JSON. */
  securityContext?: string;
  priorityClassName?: string;
  /** spec.runtimeClassName: a RuntimeClass with a pod overhead makes each pod ask for more than its containers. */
  runtimeClassName?: string;
  hostNetwork?: boolean;
  /** spec.shareProcessNamespace: the pause process is PID 1 of the pod and reaps what the containers orphan. */
  shareProcessNamespace?: boolean;
  /** spec.dnsPolicy as written (absent: ClusterFirst); Default and None bypass the cluster DNS. */
  dnsPolicy?: string;
  /** spec.dnsConfig as compact JSON (nameservers, searches, options such as ndots). */
  dnsConfig?: string;
  /** spec.hostAliases as `10.40.12.9 risk-engine.internal.example` lines (the pod's /etc/hosts entries). */
  hostAliases?: string[];
  /** spec.automountServiceAccountToken when the template sets it (absent: the ServiceAccount decides, mounted by default). */
  automountServiceAccountToken?: boolean;
  terminationGracePeriodSeconds?: number;
  /** spec.activeDeadlineSeconds: the kubelet fails the pod (DeadlineExceeded) this long after it started; a Job's setting. */
  activeDeadlineSeconds?: number;
}

/** One ReplicaSet (Deployment) or ControllerRevision (StatefulSet) of the workload. */
export interface RevisionEvidence {
  /** `deployment.kubernetes.io/revision` annotation or ControllerRevision.revision. */
  revision: number;
  /** ReplicaSet or ControllerRevision name. */
  name: string;
  /** pod-template-hash label (ReplicaSet) or the ControllerRevision name (StatefulSet). */
  hash: string;
  createdAt: IsoTime;
  /** ReplicaSet status.replicas; absent for ControllerRevisions. */
  replicas?: number;
  /** `kubernetes.io/change-cause` annotation when present. */
  changeCause?: string;
  /**
   * `deployment.kubernetes.io/revision-history`: the revisions this ReplicaSet was before a
   * `kubectl rollout undo` re-used it (its template came back, under a new number). Absent for a
   * ReplicaSet that only ever had one number.
   */
  formerRevisions?: number[];
  containers: RevisionContainerEvidence[];
  /** The pod-level fields of the template (init containers, volumes, placement…). */
  template?: PodTemplateEvidence;
}

/** Kubernetes quantity as the API returns it: "512Mi", "1Gi", "250m", "2". */
export type Quantity = string;

/** One managedFields entry: a writer of a field, how it wrote and when it last did. */
export interface FieldOwnerEvidence {
  manager: string;
  /** Apply (server-side apply) or Update. */
  operation?: string;
  /** `scale` when written through the scale subresource (the HPA, `kubectl scale`). */
  subresource?: string;
  at?: IsoTime;
}
