/**
 * Topology-aware routing that overloads a zone's few endpoints. With the Service's topology-mode
 * (or trafficDistribution) on, each zone's callers reach only the endpoints hinted for their zone.
 * The hints follow the zones' CPU, not where the callers sit: a zone given one endpoint but many
 * callers puts them all on that pod. It stalls and sheds, fails readiness, drops out (kube-proxy
 * falls back to every endpoint), recovers, and the load returns; the pods of the other zones idle
 * and the HPA's average over all pods stays low. Only the pods of the thinnest zones strain.
 */
import type { PodEvidence, ServiceEvidence, TriageEvidence } from '../evidence.js';
import { listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { describeOverload, measureRequestActivity } from '../request-activity.js';
import { listSelectingServices, listSlicesOf } from '../service-match.js';
import { earliest, formatAgo, isWithin, MINUTE_MS } from '../time-span.js';
import { listZoneShares } from '../topology-hints.js';
import type { ZoneShare } from '../topology-hints.js';

/** Readiness failures this recent say the pod is straining now. */
const RECENT_MS = 30 * MINUTE_MS;
/** At least this many recent readiness failures: a flapping pod, not one slow answer. */
const MIN_PROBE_FAILURES = 3;

interface Strain {
  pod: PodEvidence;
  /** "readiness probe failed ×79 in the last 1h 30m", "2 slow requests… in its last 9 log lines". */
  signs: string[];
  /** The same in a few words for the title: "readiness flapping ×79", "requests shed". */
  brief: string[];
  /** Its first recent readiness failure. */
  since?: string;
}

type Routed = ServiceEvidence & { topologyRouting: NonNullable<ServiceEvidence['topologyRouting']> };

/** The pod's own signs of overload: recent readiness failures, slow or shed requests in its log. */
function strainOf(ev: TriageEvidence, pod: PodEvidence): Strain | undefined {
  const probe = listPodEvents(ev, ['Unhealthy'], [pod.name]).filter((e) => /^Readiness probe failed/i.test(e.message) && isWithin(e.lastSeen, ev.collectedAt, RECENT_MS));
  const failures = probe.reduce((n, e) => n + e.count, 0);
  const log = ev.logs.find((l) => l.pod === pod.name && !l.previous && l.container === pod.containers[0]?.name);
  const activity = log === undefined ? undefined : measureRequestActivity(log);
  const overload = activity === undefined ? undefined : describeOverload(activity);
  const flapping = failures >= MIN_PROBE_FAILURES;
  const signs = [...(flapping ? [`readiness probe failed ×${failures}`] : []), ...(overload ? [overload] : [])];
  if (signs.length === 0) return undefined;
  const brief = [...(flapping ? [`readiness flapping ×${failures}`] : []), ...(overload && activity?.slow ? ['slow requests'] : []), ...(overload && activity?.shed ? ['requests shed'] : [])];
  const since = earliest(probe.map((e) => e.firstSeen));
  return { pod, signs, brief, ...(since === undefined ? {} : { since }) };
}

/** The zone the strained pods serve, when they are all hinted only for zones given fewer endpoints than the largest. */
function findThinZone(shares: readonly ZoneShare[], strained: readonly Strain[]): ZoneShare | undefined {
  const most = Math.max(...shares.map((s) => s.pods.length));
  const thin = shares.filter((s) => s.pods.length < most);
  const wide = new Set(shares.filter((s) => s.pods.length === most).flatMap((s) => s.pods));
  const names = strained.map((s) => s.pod.name);
  // Every strained pod serves a thin zone, and none serves the best-provided zones.
  if (names.some((n) => wide.has(n) || !thin.some((s) => s.pods.includes(n)))) return undefined;
  return thin.find((s) => names.some((n) => s.pods.includes(n)));
}

function removal(svc: Routed): string {
  const key = svc.topologyRouting.setting.replace(/:.*$/, '');
  return key === 'trafficDistribution' ? `remove spec.trafficDistribution from Service ${svc.name}` : `remove the ${key} annotation from Service ${svc.name}`;
}

export function analyzeTopologyRouting(ev: TriageEvidence): Finding[] {
  const svc = listSelectingServices(ev).find((s): s is Routed => s.topologyRouting !== undefined);
  if (svc === undefined) return [];
  const shares = listZoneShares(listSlicesOf(ev, svc.name));
  if (shares.length < 2) return [];
  const strained = ev.pods.flatMap((p) => strainOf(ev, p) ?? []);
  if (strained.length === 0) return [];
  const zone = findThinZone(shares, strained);
  if (zone === undefined) return [];
  const others = ev.pods.filter((p) => !zone.pods.includes(p.name) && shares.some((s) => s.pods.includes(p.name)));
  if (others.length === 0) return [];
  const otherZones = shares.filter((s) => s !== zone).map((s) => s.zone);
  const hot = strained.filter((s) => zone.pods.includes(s.pod.name));
  const r = svc.topologyRouting;
  const set = r.setAt ? `set ${formatAgo(r.setAt, ev.collectedAt)}${r.setBy ? ` by ${r.setBy}` : ''}` : undefined;
  const one = zone.pods.length === 1;
  const endpoints = one ? `its one endpoint, pod ${zone.pods[0] ?? ''}` : `its ${zone.pods.length} endpoints (${zone.pods.join(', ')})`;
  const cpu = ev.hpas.flatMap((h) => h.metrics.filter((m) => m.name === 'cpu' && m.current !== undefined).map((m) => `HPA ${h.name}: CPU ${m.current} of target ${m.target ?? '?'}, averaged over all pods, the idle ones included`));
  const fix = `${removal(svc)} (or spread the callers and the pods evenly across zones with topologySpreadConstraints before turning it back on)`;
  return [{
    id: `topology-routing/${svc.name}`,
    kind: 'topology-routing',
    title: `Topology-aware routing (${r.setting} on Service ${svc.name}) sends all of zone ${zone.zone}'s traffic to ${endpoints}, which ${one ? 'is' : 'are'} overloaded (${[...new Set(hot.flatMap((h) => h.brief))].join(', ')}), while the other ${others.length} pods serve only ${otherZones.join(', ')}`,
    layer: 'network/routing',
    severity: 'warning',
    confidence: 'medium',
    evidence: [
      `Service ${svc.name}: ${r.setting}${set ? ` (${set})` : ''}`,
      ...shares.map((s) => `EndpointSlice hints: zone ${s.zone} → ${s.pods.length} endpoint${s.pods.length === 1 ? '' : 's'} (${s.pods.join(', ')})`),
      ...hot.map((h) => `pod ${h.pod.name} (${zone.zone}): ${h.signs.join('; ')}`),
      ...cpu,
    ],
    likelyCause: `With topology-aware routing, kube-proxy in each zone sends that zone's traffic only to the endpoints hinted for it, and the EndpointSlice controller hints by the zones' allocatable CPU, not by where the callers run. Zone ${zone.zone} was given ${zone.pods.length} of ${zone.pods.length + others.length} endpoints; its callers send it more than ${one ? 'that pod' : 'those pods'} can serve, so ${one ? 'it stalls, sheds requests and fails readiness' : 'they stall, shed requests and fail readiness'}; each time ${one ? 'it drops' : 'they drop'} out, kube-proxy falls back to every endpoint, ${one ? 'it recovers' : 'they recover'} and the load returns. The pods of ${otherZones.join(', ')} get only their zones' share, and an autoscaler averaging over all pods sees little load. Confirm where the callers run: kubectl get pods -o wide for the workloads that call ${svc.name}.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; if a GitOps tool applied it, remove it in the source. Restarting or adding pods does not move the traffic.`,
    fix,
    outsideWorkload: `the Service's routing, not the pods, decides which pod takes ${zone.zone}'s traffic: any revision would be served the same way`,
    ...(earliest(hot.map((h) => h.since)) === undefined ? (r.setAt ? { onset: r.setAt } : {}) : { onset: earliest(hot.map((h) => h.since)) as string }),
    confirmCommands: [
      formatKubectl(ev.target, `get endpointslices -l kubernetes.io/service-name=${svc.name} -o jsonpath='{range .items[*].endpoints[*]}{.targetRef.name} {.zone} {.hints.forZones[*].name}{"\\n"}{end}'`),
      formatKubectl(ev.target, `get service ${svc.name} --show-managed-fields -o yaml`),
      formatKubectl(ev.target, 'top pods'),
    ],
    affected: { pods: hot.map((h) => h.pod.name), nodes: listNodesOf(hot.map((h) => h.pod)), services: [svc.name] },
  }];
}
