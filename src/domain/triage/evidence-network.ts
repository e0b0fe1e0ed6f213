/**
 * The namespace's Services and EndpointSlices as triage reads them: what routes traffic to the
 * workload's pods and how. Same mapping rule as evidence.ts: copy what the API says.
 */
import type { IsoTime } from './evidence-spec.js';
import type { LoadBalancerTargetsEvidence } from './evidence-load-balancer-targets.js';
import type { SourceRangesEvidence } from './evidence-source-ranges.js';

export interface ServicePortEvidence {
  name?: string;
  port: number;
  /** A number or a container port name; the API defaults it to `port`. */
  targetPort: number | string;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  /** spec.ports[].appProtocol when set: what the port speaks (`http`, `grpc`, `kubernetes.io/h2c`). */
  appProtocol?: string;
}

/**
 * A Service in the workload's namespace. The adapter passes every Service of the namespace
 * (not only the ones that select the workload): analyzers decide which select it and which
 * look like they were meant to but do not.
 */
export interface ServiceEvidence {
  name: string;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  /** spec.clusterIP; absent for headless Services ("None") and ExternalName. */
  clusterIP?: string;
  /** spec.selector; empty for Services without a selector (manually managed endpoints). */
  selector: Record<string, string>;
  ports: ServicePortEvidence[];
  /** spec.externalName of an ExternalName Service: the host the cluster DNS answers its name with (a CNAME). */
  externalName?: string;
  /** spec.internalTrafficPolicy when Local: pods reach only endpoints on their own node (the default, Cluster, is left out). */
  internalTrafficPolicy?: 'Local';
  /** The newest managedFields write of spec.internalTrafficPolicy, when it is Local and an entry owns it: when and by whom it was set. */
  localPolicySet?: { at: IsoTime; by: string };
  /** spec.clusterIP "None": the cluster DNS answers its name with the addresses of its ready endpoints only. */
  headless?: true;
  /** spec.publishNotReadyAddresses: a headless Service's name resolves to its endpoints before they are ready. */
  publishNotReadyAddresses?: true;
  /**
   * spec.sessionAffinity ClientIP: kube-proxy sends every connection of one client IP to the same
   * endpoint for timeoutSeconds (default 10800). `setAt`/`setBy`: the newest managedFields write of it.
   */
  clientIpAffinity?: { timeoutSeconds?: number; setAt?: string; setBy?: string };
  /**
   * Topology-aware routing turned on: the `service.kubernetes.io/topology-mode` annotation (or the
   * older `topology-aware-hints`), or spec.trafficDistribution, as written ("trafficDistribution:
   * PreferClose"). kube-proxy then sends each zone's traffic only to the endpoints hinted for that
   * zone. `setAt`/`setBy`: the newest managedFields write of it.
   */
  topologyRouting?: { setting: string; setAt?: IsoTime; setBy?: string };
  /** A LoadBalancer Service's status.loadBalancer.ingress (IPs, hostnames): empty while the cloud has given it none. */
  loadBalancerIngress?: string[];
  /** How a LoadBalancer's AWS load balancer reaches the pods (target type, client IP kept) and the names it is reached by (evidence-load-balancer-targets.ts). */
  lbTargets?: LoadBalancerTargetsEvidence;
  /** A LoadBalancer's (or NodePort's) client source ranges, when any are set, with when they were written (evidence-source-ranges.ts). */
  sourceRanges?: SourceRangesEvidence;
  /** metadata.creationTimestamp. */
  createdAt?: IsoTime;
  /**
   * spec.ipFamilies, primary first: the families its ClusterIPs and endpoints are of. The primary
   * cannot change in place (a change re-creates the Service). Absent when the API does not say.
   */
  ipFamilies?: IpFamily[];
  /** spec.ipFamilyPolicy: SingleStack serves only the primary family. */
  ipFamilyPolicy?: 'SingleStack' | 'PreferDualStack' | 'RequireDualStack';
}

export type IpFamily = 'IPv4' | 'IPv6';

export interface EndpointSliceEvidence {
  name: string;
  /** The `kubernetes.io/service-name` label. */
  service: string;
  endpoints: {
    addresses: string[];
    /** conditions.ready; the API treats absent as true. */
    ready: boolean;
    terminating?: boolean;
    /** Listed as ready only because the Service publishes not-ready addresses: conditions.serving is false (its pod is not ready). */
    notServing?: true;
    /** targetRef.name when targetRef.kind is Pod. */
    podName?: string;
    nodeName?: string;
    /** The zone the endpoint runs in. */
    zone?: string;
    /** hints.forZones: the zones whose traffic kube-proxy sends to it under topology-aware routing. */
    forZones?: string[];
  }[];
  ports: { name?: string; port: number; protocol: 'TCP' | 'UDP' | 'SCTP' }[];
  /**
   * The `endpointslice.kubernetes.io/managed-by` label: `endpointslice-controller.k8s.io` follows
   * the Service's selector; `endpointslicemirroring-controller.k8s.io` copies Endpoints someone wrote.
   */
  managedBy?: string;
  /** metadata.creationTimestamp. */
  createdAt?: IsoTime;
  /** The newest managedFields time: when its addresses were last written. */
  changedAt?: IsoTime;
}

/**
 * A Service of another namespace that the workload's logs name as a dependency
 * (`geoip.geo.svc.cluster.local`), read one hop away with its EndpointSlices: where that name leads.
 */
export interface DependencyServiceEvidence {
  namespace: string;
  service: ServiceEvidence;
  slices: EndpointSliceEvidence[];
  /** The newest managedFields time of the Service, when the API reports one. */
  changedAt?: IsoTime;
}

/**
 * A Service of another namespace with the name of a short host name the workload's pods cannot
 * resolve (`redis`): a short name resolves only in the pod's own namespace, so one that exists
 * elsewhere is where the client should point. Found by one cluster-wide list by name.
 */
export interface ServiceElsewhereEvidence {
  namespace: string;
  service: ServiceEvidence;
  createdAt?: IsoTime;
  changedAt?: IsoTime;
}
