// V1Service and V1EndpointSlice → evidence: which Services could route to the workload and
// which of their endpoints are ready.
import type * as k8s from '@kubernetes/client-node';
import type { EndpointSliceEvidence, IpFamily, ServiceEvidence } from '../../domain/triage/evidence.js';
import { assignDefined, copyMap, lastChangeOf, toIsoTime, toProtocol } from './map-common.js';
import { listAnnotationOwners, listAnnotationsOwners, listSpecFieldOwners } from './map-field-owners.js';
import type { LoadBalancerTargetsEvidence } from '../../domain/triage/evidence-load-balancer-targets.js';
import type { SourceRangesEvidence } from '../../domain/triage/evidence-source-ranges.js';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';

const SERVICE_TYPES = new Set<ServiceEvidence['type']>(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);

export function mapService(s: k8s.V1Service): ServiceEvidence {
  const type = s.spec?.type as ServiceEvidence['type'] | undefined;
  return {
    name: s.metadata?.name ?? '',
    // The API server defaults type to ClusterIP.
    type: type !== undefined && SERVICE_TYPES.has(type) ? type : 'ClusterIP',
    selector: copyMap(s.spec?.selector),
    ...(s.spec?.clusterIP && s.spec.clusterIP !== 'None' ? { clusterIP: s.spec.clusterIP } : {}),
    ...(type === 'ExternalName' && s.spec?.externalName ? { externalName: s.spec.externalName } : {}),
    ...(s.spec?.internalTrafficPolicy === 'Local' ? { internalTrafficPolicy: 'Local' as const, ...mapLocalPolicySet(s) } : {}),
    ...(s.spec?.clusterIP === 'None' ? { headless: true as const } : {}),
    ...(s.spec?.publishNotReadyAddresses === true ? { publishNotReadyAddresses: true as const } : {}),
    ...(s.spec?.sessionAffinity === 'ClientIP' ? { clientIpAffinity: mapClientIpAffinity(s) } : {}),
    // Each zone's traffic kept to that zone's hinted endpoints: a zone with few endpoints and many callers overloads them.
    ...mapTopologyRouting(s),
    // How long a LoadBalancer has waited for the cloud to give it an address.
    ...(type === 'LoadBalancer' ? { loadBalancerIngress: (s.status?.loadBalancer?.ingress ?? []).flatMap((i) => [i.ip ?? i.hostname ?? ''].filter((a) => a !== '')) } : {}),
    // How its AWS load balancer reaches the pods: instance targets with the client IP kept cannot hairpin.
    ...(type === 'LoadBalancer' ? mapLbTargets(s) : {}),
    // Which client addresses its cloud load balancer admits, and when that list was written.
    ...(type === 'LoadBalancer' || type === 'NodePort' ? mapSourceRanges(s) : {}),
    // How long it has existed: a LoadBalancer's wait for an address, any Service's missing EndpointSlices.
    ...assignDefined<Pick<ServiceEvidence, 'createdAt'>>({}, { createdAt: toIsoTime(s.metadata?.creationTimestamp) }),
    // Which family the Service reaches its pods over: an app bound to one family only is refused on the other.
    ...mapIpFamilies(s),
    ports: (s.spec?.ports ?? []).map((p) => {
      const port: ServiceEvidence['ports'][number] = {
        port: p.port,
        // The API server defaults targetPort to port; absent only on a hand-built object.
        targetPort: p.targetPort ?? p.port,
        protocol: toProtocol(p.protocol),
      };
      if (p.name !== undefined && p.name !== '') port.name = p.name;
      if (p.appProtocol !== undefined && p.appProtocol !== '') port.appProtocol = p.appProtocol;
      return port;
    }),
  };
}

export function mapEndpointSlice(s: k8s.V1EndpointSlice): EndpointSliceEvidence {
  const ports: EndpointSliceEvidence['ports'] = [];
  for (const p of s.ports ?? []) {
    // A port without a number means "all ports" (selector-less Services); nothing to compare.
    if (p.port === undefined) continue;
    const port: EndpointSliceEvidence['ports'][number] = { port: p.port, protocol: toProtocol(p.protocol) };
    if (p.name !== undefined && p.name !== '') port.name = p.name;
    ports.push(port);
  }
  return {
    name: s.metadata?.name ?? '',
    service: s.metadata?.labels?.[SERVICE_NAME_LABEL] ?? '',
    endpoints: (s.endpoints ?? []).map((e) => {
      // conditions.ready: absent means ready (an unknown state is reported as ready by the API).
      const ep: EndpointSliceEvidence['endpoints'][number] = { addresses: [...e.addresses], ready: e.conditions?.ready !== false };
      if (e.conditions?.terminating !== undefined) ep.terminating = e.conditions.terminating;
      // publishNotReadyAddresses (a headless Service for stable names) marks every endpoint ready; serving still tells.
      if (ep.ready && e.conditions?.serving === false) ep.notServing = true;
      if (e.targetRef?.kind === 'Pod' && e.targetRef.name !== undefined) ep.podName = e.targetRef.name;
      if (e.nodeName !== undefined && e.nodeName !== '') ep.nodeName = e.nodeName;
      if (e.zone !== undefined && e.zone !== '') ep.zone = e.zone;
      const forZones = (e.hints?.forZones ?? []).map((z) => z.name).filter((z) => z !== '');
      if (forZones.length > 0) ep.forZones = forZones;
      return ep;
    }),
    ports,
    // Who keeps it and since when: a mirrored slice names what someone wrote into Endpoints by hand.
    ...assignDefined<Pick<EndpointSliceEvidence, 'managedBy' | 'createdAt' | 'changedAt'>>({}, {
      managedBy: s.metadata?.labels?.[MANAGED_BY_LABEL],
      createdAt: toIsoTime(s.metadata?.creationTimestamp),
      changedAt: lastChangeOf(s.metadata),
    }),
  };
}

const IP_FAMILIES = new Set<string>(['IPv4', 'IPv6']);
const IP_FAMILY_POLICIES = new Set<string>(['SingleStack', 'PreferDualStack', 'RequireDualStack']);

function mapIpFamilies(s: k8s.V1Service): Pick<ServiceEvidence, 'ipFamilies' | 'ipFamilyPolicy'> {
  const families = (s.spec?.ipFamilies ?? []).filter((f): f is IpFamily => IP_FAMILIES.has(f));
  const policy = s.spec?.ipFamilyPolicy;
  return {
    ...(families.length > 0 ? { ipFamilies: families } : {}),
    ...(policy !== undefined && IP_FAMILY_POLICIES.has(policy) ? { ipFamilyPolicy: policy as NonNullable<ServiceEvidence['ipFamilyPolicy']> } : {}),
  };
}

/** Who set ClientIP affinity and when (managedFields), with its timeout. */
function mapClientIpAffinity(s: k8s.V1Service): NonNullable<ServiceEvidence['clientIpAffinity']> {
  const owner = s.metadata ? listSpecFieldOwners(s.metadata, 'f:sessionAffinity').find((o) => o.at !== undefined) : undefined;
  return assignDefined<NonNullable<ServiceEvidence['clientIpAffinity']>>({}, {
    timeoutSeconds: s.spec?.sessionAffinityConfig?.clientIP?.timeoutSeconds,
    setAt: owner?.at,
    setBy: owner?.manager,
  });
}

/** When internalTrafficPolicy was written and by whom: the Service's newest write may be about something else. */
function mapLocalPolicySet(s: k8s.V1Service): Pick<ServiceEvidence, 'localPolicySet'> {
  const owner = s.metadata ? listSpecFieldOwners(s.metadata, 'f:internalTrafficPolicy').find((o) => o.at !== undefined) : undefined;
  return owner?.at === undefined ? {} : { localPolicySet: { at: owner.at, by: owner.manager } };
}

/** The annotations that turn topology-aware routing on, newest first, and the values that do. */
const TOPOLOGY_ANNOTATIONS = ['service.kubernetes.io/topology-mode', 'service.kubernetes.io/topology-aware-hints'];
/** "Disabled" (or empty) leaves routing to every endpoint; any other value asks the controller for hints. */
const TOPOLOGY_OFF = /^(?:disabled?|)$/i;

/** Topology-aware routing as the Service asks for it (annotation or trafficDistribution), with who set it and when. */
function mapTopologyRouting(s: k8s.V1Service): Pick<ServiceEvidence, 'topologyRouting'> {
  const meta = s.metadata ?? {};
  const key = TOPOLOGY_ANNOTATIONS.find((k) => meta.annotations?.[k] !== undefined && !TOPOLOGY_OFF.test(meta.annotations[k] ?? ''));
  const distribution = s.spec?.trafficDistribution;
  if (key === undefined && (distribution === undefined || distribution === '')) return {};
  const setting = key !== undefined ? `${key}: ${meta.annotations?.[key] ?? ''}` : `trafficDistribution: ${distribution ?? ''}`;
  const owner = (key !== undefined ? listAnnotationOwners(meta, key) : listSpecFieldOwners(meta, 'f:trafficDistribution')).find((o) => o.at !== undefined);
  return { topologyRouting: assignDefined<NonNullable<ServiceEvidence['topologyRouting']>>({ setting }, { setAt: owner?.at, setBy: owner?.manager }) };
}

/** The annotation cloud providers read when spec.loadBalancerSourceRanges is empty (comma-separated CIDRs). */
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/** spec.loadBalancerSourceRanges (else the annotation), with the newest managedFields write of it. */
function mapSourceRanges(s: k8s.V1Service): Pick<ServiceEvidence, 'sourceRanges'> {
  const meta = s.metadata ?? {};
  const spec = (s.spec?.loadBalancerSourceRanges ?? []).map((r) => r.trim()).filter((r) => r !== '');
  const annotated = (meta.annotations?.[SOURCE_RANGES_ANNOTATION] ?? '').split(',').map((r) => r.trim()).filter((r) => r !== '');
  if (spec.length === 0 && annotated.length === 0) return {};
  const from = spec.length > 0 ? 'spec' as const : 'annotation' as const;
  const owners = from === 'spec' ? listSpecFieldOwners(meta, 'f:loadBalancerSourceRanges') : listAnnotationOwners(meta, SOURCE_RANGES_ANNOTATION);
  const owner = owners.find((o) => o.at !== undefined);
  return { sourceRanges: assignDefined<SourceRangesEvidence>({ ranges: from === 'spec' ? spec : annotated, from }, { setAt: owner?.at, setBy: owner?.manager }) };
}

const AWS_LB = 'service.beta.kubernetes.io/aws-load-balancer-';

/** The AWS load balancer's target type, client IP preservation and names; nothing without AWS load-balancer annotations. */
function mapLbTargets(s: k8s.V1Service): Pick<ServiceEvidence, 'lbTargets'> {
  const a = s.metadata?.annotations ?? {};
  if (!Object.keys(a).some((k) => k.startsWith(AWS_LB))) return {};
  const declared = a[`${AWS_LB}nlb-target-type`];
  // The in-tree controller's `aws-load-balancer-type: nlb` registers instances.
  const targetType = declared === 'instance' || declared === 'ip' ? declared : a[`${AWS_LB}type`] === 'nlb' ? 'instance' : undefined;
  const preserve = /(?:^|,)\s*preserve_client_ip\.enabled=(true|false)\b/.exec(a[`${AWS_LB}target-group-attributes`] ?? '')?.[1];
  const published = (a['external-dns.alpha.kubernetes.io/hostname'] ?? '').split(',').map((h) => h.trim()).filter((h) => h !== '');
  const ingress = (s.status?.loadBalancer?.ingress ?? []).flatMap((i) => [i.hostname ?? '', i.ip ?? ''].filter((x) => x !== ''));
  const owner = s.metadata ? listAnnotationsOwners(s.metadata).find((o) => o.at !== undefined) : undefined;
  const lbTargets = assignDefined<LoadBalancerTargetsEvidence>({ hostnames: [...new Set([...published, ...ingress])] }, {
    targetType,
    preserveClientIp: preserve === undefined ? undefined : preserve === 'true',
    annotationsChangedAt: owner?.at,
    annotationsChangedBy: owner?.manager,
  });
  return { lbTargets };
}
