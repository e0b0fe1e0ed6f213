/**
 * A pod's own DNS name (<pod>.<service>.<ns>.svc) exists only when the Service named by its
 * subdomain — a StatefulSet's spec.serviceName, its governing Service — is headless (clusterIP
 * None): the cluster DNS then publishes one record per endpoint. A Service with a cluster IP gets
 * a single name for its virtual IP and no per-pod records, so members that find each other by
 * those names (a retry-join list, seed hosts, quorum peers) get "no such host" and never form a
 * cluster. The Service is the fault — not the DNS, the network or the image — and since it is no
 * part of the StatefulSet's template, a rollback leaves it as it is.
 */
import type { IsoTime, ServiceEvidence, TriageEvidence } from './evidence.js';
import { formatKubectl } from './kubectl-command.js';
import { formatAgo } from './time-span.js';

export interface NonHeadlessGoverning {
  state: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
  services: string[];
  confirm: string[];
  /** Why a rollback of the workload would not remove it. */
  outside: string;
}

/** The pod and Service a per-pod name is made of: `<pod>.<service>.<ns>.svc[.…]`, or a shorter form under the target's own serviceName. */
function parsePodName(ev: TriageEvidence, host: string): { pod: string; service: string } | undefined {
  const parts = host.replace(/:\d+$/, '').replace(/\.$/, '').split('.');
  const [pod, service, ns] = parts;
  if (pod === undefined || service === undefined) return undefined;
  if (parts.length >= 4 && parts[3] === 'svc') return ns === ev.target.namespace ? { pod, service } : undefined;
  // `<pod>.<service>` or `<pod>.<service>.<ns>`: only under the StatefulSet's own serviceName, for one of its ordinals.
  const sts = ev.workload?.kind === 'StatefulSet' ? ev.workload : undefined;
  const short = parts.length === 2 || (parts.length === 3 && ns === ev.target.namespace);
  const member = sts !== undefined && new RegExp(`^${sts.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`).test(pod);
  return short && member && sts?.serviceName === service ? { pod, service } : undefined;
}

/** The governing Service a per-pod name goes through, when it has a cluster IP (not headless). */
export function explainNonHeadlessGoverning(ev: TriageEvidence, host: string): NonHeadlessGoverning | undefined {
  const name = parsePodName(ev, host);
  if (name === undefined) return undefined;
  const svc = ev.services.find((s) => s.name === name.service);
  if (svc === undefined || svc.headless || svc.type === 'ExternalName' || svc.clusterIP === undefined || svc.clusterIP === 'None') return undefined;
  // The first label must be a pod the Service's name would govern: the StatefulSet's own member, or an endpoint of the Service.
  const sts = ev.workload?.kind === 'StatefulSet' && ev.workload.serviceName === svc.name ? ev.workload : undefined;
  const isMember = sts !== undefined && ev.pods.some((p) => p.name === name.pod);
  const isEndpoint = ev.endpointSlices.some((s) => s.service === svc.name && s.endpoints.some((e) => e.podName === name.pod));
  if (!isMember && !isEndpoint) return undefined;
  return tell(ev, svc, host, sts?.name);
}

function tell(ev: TriageEvidence, svc: ServiceEvidence, host: string, statefulSet: string | undefined): NonHeadlessGoverning {
  const { name } = svc;
  const ip = svc.clusterIP ?? '';
  const role = statefulSet !== undefined ? ' (the StatefulSet\'s serviceName)' : '';
  const made = madeAt(ev, name, svc.createdAt);
  const when = made === undefined ? '' : `; Service ${name} was ${made.how} ${formatAgo(made.at, ev.collectedAt)}`;
  const unready = ev.pods.filter((p) => !p.ready).length;
  return {
    state: `: Service ${name}${role} is not headless (clusterIP ${ip}), so the cluster DNS publishes no per-pod DNS records under it (${host.replace(/:\d+$/, '')})`,
    evidence: [
      `Service ${name}: type ${svc.type}, clusterIP ${ip} — not headless (clusterIP: None), so no per-pod records${when}`,
      ...(statefulSet !== undefined ? [`StatefulSet ${statefulSet}: spec.serviceName ${name}; ${unready}/${ev.pods.length} pods not ready`] : []),
    ],
    cause: `A pod's own DNS name (<pod>.${name}.${ev.target.namespace}.svc) is published only for a headless Service (clusterIP: None), which gets one record per endpoint. Service ${name}${role} has cluster IP ${ip}: the cluster DNS answers only ${name}.${ev.target.namespace}.svc (the virtual IP) and NXDOMAIN for every member's own name, so the lookups of ${host.replace(/:\d+$/, '')} fail with "no such host" and the members, which find each other by those names, never form a cluster${when}. The cluster DNS, the network and the image are not at fault.`,
    action: `Make the governing Service headless again: a Service's clusterIP is immutable, so delete and re-create Service ${name} with clusterIP: None (and publishNotReadyAddresses: true, so members find each other before they are ready), with a separate ClusterIP Service for clients; or point serviceName at a headless Service — a StatefulSet's serviceName is immutable too, so that means re-creating the StatefulSet (kubectl delete statefulset --cascade=orphan keeps the pods and volumes). The members resolve each other at their next join attempt. A rollback of the StatefulSet leaves the Service as it is; do not delete pods or volumes.`,
    fix: `make Service ${name} headless again (re-create it with clusterIP: None — clusterIP is immutable), keeping a separate ClusterIP Service for clients`,
    services: [name],
    confirm: [formatKubectl(ev.target, `get service ${name} -o jsonpath='{.spec.clusterIP} {.spec.publishNotReadyAddresses}'`)],
    outside: `Service ${name} is not headless, and it is no part of the ${statefulSet !== undefined ? 'StatefulSet\'s' : 'workload\'s'} template: a rollback leaves it as it is`,
  };
}

/** When the Service was last written: re-created (clusterIP cannot change in place) or changed. */
function madeAt(ev: TriageEvidence, name: string, createdAt: IsoTime | undefined): { at: IsoTime; how: string } | undefined {
  const o = ev.namespaceObjects?.find((x) => x.kind === 'Service' && x.name === name);
  const created = o?.createdAt ?? createdAt;
  if (o?.changedAt !== undefined && o.changedAt !== created) return { at: o.changedAt, how: 'last changed' };
  return created === undefined ? undefined : { at: created, how: 'created' };
}
