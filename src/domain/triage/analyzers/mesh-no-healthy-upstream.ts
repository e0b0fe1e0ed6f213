import { findInClusterService, findServiceOf } from '../down-service.js';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { listSlicesOf } from '../service-match.js';

/**
 * Envoy's own answer when its cluster for the upstream has no host it may send to: the body
 * "no healthy upstream", or the access log's response flag UH (no_healthy_upstream).
 */
const NO_HEALTHY = /no[ _]healthy[ _]upstream|\b503\b[^\n]{0,40}\bUH\b/i;
const ENVOY_SIDECAR = /^istio-proxy$|istio\/proxyv2|envoy/i;

function hasEnvoySidecar(p: PodEvidence | undefined): boolean {
  return p !== undefined && [...p.containers, ...p.initContainers].some((c) => ENVOY_SIDECAR.test(c.name) || ENVOY_SIDECAR.test(c.image));
}

/** The upstream a line names: Envoy's cluster "outbound|8080||pricing.shop.svc.cluster.local", or a URL's host. */
function upstreamHost(line: string): string | undefined {
  return /outbound\|\d+\|[^|]*\|([a-z0-9.-]+)/i.exec(line)?.[1] ?? /\bhttps?:\/\/([a-z0-9.-]+)/i.exec(line)?.[1];
}

interface Hit {
  log: LogEvidence;
  line: string;
  host?: string;
}

/**
 * Calls from a meshed pod that its own Envoy sidecar fails with 503 "no healthy upstream" while
 * the upstream Service's endpoints are all ready: Envoy sees every host of that cluster as
 * unusable — outlier detection (a DestinationRule's outlierDetection, maxEjectionPercent 100)
 * ejected them after a burst of errors, and with Istio's panic threshold off it sends nothing.
 * The caller's pods are Ready and log few lines: every call fails fast, none reaches the upstream.
 */
export function analyzeMeshNoHealthyUpstream(ev: TriageEvidence): Finding[] {
  const hits: Hit[] = ev.logs.flatMap((log) => (hasEnvoySidecar(findPod(ev, log.pod)) ? log.lines.filter((l) => NO_HEALTHY.test(l)).map((l) => ({ log, line: l.trim(), ...(upstreamHost(l) ? { host: upstreamHost(l) } : {}) })) : []));
  // One may be a pod that was just scaled away; two make a pattern.
  if (hits.length < 2) return [];
  const byHost = new Map<string, Hit[]>();
  for (const h of hits) byHost.set(h.host ?? '', [...(byHost.get(h.host ?? '') ?? []), h]);
  const [host, own] = [...byHost.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', hits];
  if (own.length < 2) return [];
  const ref = host === '' ? undefined : findInClusterService(host, ev.target.namespace);
  // The caller's own Service answering "no healthy upstream" would be its inbound side, not a dependency.
  if (ref !== undefined && ref.namespace === ev.target.namespace && ref.name === ev.target.name) return [];
  const svc = host === '' ? undefined : findServiceOf(ev, host);
  const endpoints = svc ? listSlicesOf(ev, svc.name).flatMap((s) => s.endpoints) : [];
  const ready = endpoints.filter((e) => e.ready && e.terminating !== true).length;
  const name = ref?.name ?? (host || 'the upstream');
  const allReady = svc !== undefined && ready > 0 && ready === endpoints.length;
  if (svc !== undefined && ready === 0) return []; // no endpoint at all: the Service's own findings say why
  const pods = unique(own.map((h) => h.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const decisive = condenseStructuredLine(own[own.length - 1]?.line ?? '');
  const upstreamState = allReady ? `while ${name}'s ${ready} endpoint${ready === 1 ? ' is' : 's are all'} ready` : svc === undefined ? `(${name}'s endpoints were not read)` : '';
  const fix = `relax the outlier detection in the DestinationRule for ${name} (consecutive5xxErrors 5 or more, maxEjectionPercent below 100, a short baseEjectionTime)`;
  const where = formatKubectl({ ...ev.target, namespace: ref?.namespace ?? ev.target.namespace }, 'get destinationrule -o yaml');
  return [
    {
      id: `dependency-error/no-healthy-upstream/${ref ? `${ref.namespace}/${ref.name}` : host || 'unknown'}`,
      kind: 'dependency-error',
      title: `Calls to ${name} fail in ${ev.target.name}'s own Envoy sidecar with 503 "no healthy upstream" (UH) ${upstreamState}: the mesh's outlier detection ejected every ${name} host (DestinationRule outlierDetection), so no request reaches ${name}; ${own.length} failed calls in the logs of ${pods.length} pod${pods.length === 1 ? '' : 's'}`.replace(/ {2,}/g, ' '),
      layer: 'network/routing',
      severity: 'warning',
      // The DestinationRule itself is not read: the ejection is inferred from Envoy's flag and ready endpoints.
      confidence: 'medium',
      decisive,
      evidence: [
        ...own.slice(-2).map((h) => `log ${h.log.pod}/${h.log.container}: ${condenseStructuredLine(h.line)}`),
        `${pods.length} pod${pods.length === 1 ? '' : 's'} with an Envoy (istio-proxy) sidecar: the 503 comes from the sidecar, not from ${name}`,
        ...(svc ? [`Service ${svc.name}: ${ready}/${endpoints.length} endpoints ready`] : []),
      ],
      likelyCause: `Envoy answers 503 "no healthy upstream" (response flag UH) when its cluster for ${name} has no host it may use. ${allReady ? `${name}'s endpoints are all ready, so Envoy did not lose them: ` : ''}Its outlier detection ejected them — a DestinationRule's outlierDetection (a low consecutive5xxErrors, a long baseEjectionTime, maxEjectionPercent 100) trips on a short burst of 5xx from ${name} and ejects every host, and with Istio's panic threshold off Envoy then sends nothing until the ejection time ends. The burst is over and ${name} is fine; these pods are Ready and fail every call fast. (Had the 503s begun at a routing change instead, a DestinationRule subset whose labels match none of ${name}'s pods answers the same way.)`,
      nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; applying it also ends the ejections. Check with \`${where}\` and the sidecar's log (503 UH no_healthy_upstream).`,
      fix,
      outsideWorkload: `the outlier detection of the mesh's DestinationRule for ${name} ejects its hosts; neither ${ev.target.name}'s revision nor ${name}'s pods are broken`,
      confirmCommands: [where, formatKubectl(ev.target, `logs ${pods[0] ?? ''} -c istio-proxy --tail=100`)],
      affected: { pods, nodes: listNodesOf(podObjects), ...(svc ? { services: [svc.name] } : {}) },
    },
  ];
}
