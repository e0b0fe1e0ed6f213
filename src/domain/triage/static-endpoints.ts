/**
 * A Service without a selector has no controller behind its endpoints: someone wrote its Endpoints
 * (which the mirroring controller copies into EndpointSlices) or its EndpointSlices by hand, to
 * give an in-cluster name to something outside — a database on a VM, a legacy host. Those
 * addresses stay as written when the backend moves (a new instance, a failover, a re-IP). When
 * connections to the name time out or are refused, they go to the address written there; whether
 * the backend still lives at it is the question, not the Service, the DNS or a policy that allows it.
 */
import type { EndpointSliceEvidence, IsoTime, ServiceEvidence, TriageEvidence } from './evidence.js';
import { findEgressReach } from './egress-reach.js';
import { formatKubectl } from './kubectl-command.js';
import { unique } from './pod-status.js';
import { formatAgo } from './time-span.js';

const MIRRORING = 'endpointslicemirroring-controller.k8s.io';
const SELECTOR_CONTROLLER = 'endpointslice-controller.k8s.io';

export interface StaticEndpointsReading {
  state: string;
  evidence: string[];
  /** Absent when a NetworkPolicy allows none of the addresses: then the policy reading stands. */
  cause?: string;
  action?: string;
  fix?: string;
  services: string[];
  confirm: string[];
}

interface Written {
  /** "10.60.3.21:5432". */
  addresses: string[];
  /** Copied from Endpoints (the usual way), or EndpointSlices written directly (by whom, when not a person). */
  via: 'Endpoints' | 'EndpointSlices';
  writer?: string;
  writtenAt?: IsoTime;
}

/** The slice port the Service's port (the one the client dials) maps to: by name, else the only one. */
function slicePort(service: ServiceEvidence, slice: EndpointSliceEvidence, dialed: string | undefined): number | undefined {
  const svcPort = service.ports.find((p) => String(p.port) === dialed) ?? (service.ports.length === 1 ? service.ports[0] : undefined);
  const byName = svcPort?.name === undefined ? undefined : slice.ports.find((p) => p.name === svcPort.name);
  return (byName ?? (slice.ports.length === 1 ? slice.ports[0] : undefined))?.port;
}

function findWritten(service: ServiceEvidence, slices: readonly EndpointSliceEvidence[], dialed: string | undefined): Written | undefined {
  if (service.type === 'ExternalName' || Object.keys(service.selector).length > 0) return undefined;
  const written = slices.filter((s) => s.managedBy !== SELECTOR_CONTROLLER && s.endpoints.some((e) => e.addresses.length > 0));
  if (written.length === 0) return undefined;
  const addresses = unique(written.flatMap((s) => {
    const port = slicePort(service, s, dialed);
    return s.endpoints.flatMap((e) => e.addresses.map((a) => `${a}${port === undefined ? '' : `:${port}`}`));
  }));
  // The newest write of any of them: when the addresses were last set.
  const times = written.flatMap((s) => s.changedAt ?? s.createdAt ?? []).sort();
  const writer = written.map((s) => s.managedBy).find((m) => m !== undefined && m !== MIRRORING);
  const writtenAt = times[times.length - 1];
  return { addresses, via: writer === undefined ? 'Endpoints' : 'EndpointSlices', ...(writer ? { writer } : {}), ...(writtenAt ? { writtenAt } : {}) };
}

/** Connections to a selector-less Service that fail: where its written endpoints send them. */
export function explainStaticEndpoints(
  ev: TriageEvidence,
  svc: { namespace: string; service: ServiceEvidence; slices: EndpointSliceEvidence[]; own: boolean },
  dialed: string | undefined,
  failure: 'time out' | 'are refused' | 'find no route',
): StaticEndpointsReading | undefined {
  const name = svc.service.name;
  const written = findWritten(svc.service, svc.slices, dialed);
  if (written === undefined) return undefined;
  const label = svc.own ? `Service ${name}` : `Service ${name} (${svc.namespace})`;
  const at = written.addresses.slice(0, 3).join(', ');
  const when = written.writtenAt === undefined ? '' : `, written ${formatAgo(written.writtenAt, ev.collectedAt)}`;
  const by = written.writer === undefined ? `its Endpoints ${name}` : `its EndpointSlices (managed by ${written.writer})`;
  const reaches = written.addresses.map((a) => findEgressReach(ev, a.replace(/:\d+$/, ''), /:(\d+)$/.exec(a)?.[1]));
  const evidence = [
    `${label} has no selector: no controller keeps its endpoints; ${by} name ${at}${when}`,
    ...unique(reaches.flatMap((r) => (r ? [r.text] : []))),
  ];
  const t = { ...ev.target, namespace: svc.namespace };
  const confirm = [formatKubectl(t, `get endpoints ${name} -o yaml`), formatKubectl(t, `get endpointslices -l kubernetes.io/service-name=${name} -o wide`)];
  const services = svc.own ? [name] : [];
  const state = `: they go to ${at}, the address written into ${label}'s ${written.via}${written.writtenAt === undefined ? '' : ` ${formatAgo(written.writtenAt, ev.collectedAt)}`}, which no selector keeps current`;
  // A policy that allows none of them explains the drops itself: say where they go, leave the cause to it.
  if (reaches.length > 0 && reaches.every((r) => r?.reach === 'no')) return { state, evidence, services, confirm };
  const edit = written.via === 'Endpoints' ? `update Endpoints ${name}` : `update the EndpointSlices of ${name}`;
  return {
    state,
    evidence,
    cause: `${label} has no selector, so nothing keeps its endpoints current: connections to it go to ${at}, the address ${by} name${when}. Connections there ${failure}: the backend no longer answers at that address (moved to a new instance or address, failed over, or stopped) while ${name} still points at it. Cluster DNS and the Service itself do what they were told.`,
    action: `Check that the backend still lives at ${at}; if it moved, ${edit} to its new address — or better, make ${name} an ExternalName Service for the backend's DNS name, so a move does not strand it again. The pods recover at their next connection attempt.`,
    fix: `check that the backend still answers at ${at}; if it moved, ${edit} (or replace ${name} by an ExternalName Service)`,
    services,
    confirm,
  };
}
