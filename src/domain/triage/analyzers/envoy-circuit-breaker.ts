/**
 * Envoy in the workload's pods refusing requests at its circuit breakers again and again (503 with
 * response flag UO, "reset reason: overflow": envoy-circuit-breaker.ts): the requests never reach
 * the app, so the app's log and the pods' readiness say nothing is wrong while callers get 503.
 * The thresholds are stated from the proxy's mounted config file only when the collector read it;
 * otherwise the finding says they were not read rather than guess them.
 */
import type { TriageEvidence } from '../evidence.js';
import type { CircuitBreakerConfigEvidence, CircuitBreakerThreshold } from '../evidence-circuit-breakers.js';
import { ENVOY_DEFAULT_THRESHOLD, findOverflows, pickCircuitBreakerReads } from '../envoy-circuit-breaker.js';
import { isErrorLine } from '../error-line.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { earliest } from '../time-span.js';
import { joinAnd } from '../../text.js';

/** max_retries caps concurrent retries, not requests: told in the evidence, not the title. */
const REQUEST_CAPS = (t: CircuitBreakerThreshold): boolean => t.setting !== 'max_retries';
/** The request and status of an access-log line (`"POST /v2/quotes HTTP/1.1" 503 UO`), or the overflow body: the quote. */
const QUOTE = /"[A-Z]+ \S+ (?:HTTP\/[\d.]+|-)" 503 [A-Z,]+|upstream connect error or disconnect\/reset before headers\. reset reason: overflow|"response_code"\s*:\s*"?503[^\n]{0,80}?"response_flags"\s*:\s*"[A-Z,]+"/;

/** An Istio sidecar takes its breakers from a DestinationRule's connectionPool, not from a file. */
const MESH_PROXY = /^istio-proxy$|istio\/proxyv2/;

/** "local_app max_pending_requests 8, max_requests 16"; several clusters each named. */
function describeThresholds(thresholds: readonly CircuitBreakerThreshold[]): string {
  const clusters = [...new Set(thresholds.map((t) => t.cluster ?? ''))];
  return clusters
    .map((c) => {
      const own = thresholds.filter((t) => (t.cluster ?? '') === c).map((t) => `${t.setting} ${t.value}`);
      return `${c !== '' ? `cluster ${c} ` : ''}${[...new Set(own)].join(', ')}`;
    })
    .join('; ');
}

/** What the revision before mounted: its thresholds, or none (Envoy's defaults). */
function describeBefore(before: CircuitBreakerConfigEvidence | undefined): string | undefined {
  if (before === undefined) return undefined;
  const set = before.thresholds.length > 0 ? describeThresholds(before.thresholds) : `no circuit breakers (Envoy's defaults, ${ENVOY_DEFAULT_THRESHOLD} each)`;
  return `the revision before mounted ConfigMap ${before.configMap}, with ${set}`;
}

export function analyzeEnvoyCircuitBreaker(ev: TriageEvidence): Finding[] {
  const found = findOverflows(ev.logs, ev.pods, ev.collectedAt);
  if (found === undefined) return [];
  const { container, hits, pods, requests } = found;
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const image = podObjects[0]?.containers.find((c) => c.name === container)?.image ?? '';
  const mesh = MESH_PROXY.test(container) || MESH_PROXY.test(image);
  const config = ev.circuitBreakerConfig ?? [];
  const now = config.find((c) => c.mountedNow);
  const before = describeBefore(config.find((c) => !c.mountedNow));
  const key = now?.thresholds[0]?.key;
  const where = now === undefined ? undefined : `ConfigMap ${now.configMap}${key !== undefined ? `, key ${key}` : ''}`;
  const setting =
    now === undefined
      ? `its circuit_breakers thresholds ${mesh ? '(the DestinationRule\'s connectionPool)' : '(in its config file)'} were not read`
      : now.thresholds.length > 0
      ? `${describeThresholds(now.thresholds.filter(REQUEST_CAPS))} (${where ?? ''})`
      : `${where ?? ''} sets no circuit breakers`;
  const answered = requests > 0 ? `${hits.length} of ${requests}` : `${hits.length} requests`;
  // The app behind the proxy logs nothing wrong: the refused requests never reached it.
  const others = ev.logs.filter((l) => !l.previous && pods.includes(l.pod) && l.container !== container);
  const appClean = others.length > 0 && others.every((l) => !l.lines.some(isErrorLine));
  const title = `Envoy (container ${container}) refuses requests at its circuit breakers: ${answered} answered 503 UO (upstream overflow) in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}, never reaching the app — ${setting}`;
  const capped = now?.thresholds.filter(REQUEST_CAPS).map((t) => t.setting) ?? [];
  const limits = capped.length > 0 ? joinAnd([...new Set(capped)]) : 'the circuit breaker thresholds (max_pending_requests, max_requests, max_connections)';
  const inFile = now !== undefined ? `in ConfigMap ${now.configMap}` : `in ${container}'s config file`;
  const fix = mesh
    ? 'raise the connectionPool limits (http1MaxPendingRequests, http2MaxRequests, maxConnections) of the DestinationRule for this host above the requests it serves at once'
    : `raise ${limits} ${inFile} above each pod's concurrent requests (or drop them for Envoy's defaults, ${ENVOY_DEFAULT_THRESHOLD})`;
  const onset = earliest(hits.map((h) => h.at));
  const last = hits[hits.length - 1] ?? hits[0];
  const readsConfig = pickCircuitBreakerReads(ev)[0]?.configMap;
  return [
    {
      id: `container-config/envoy-circuit-breaker/${container}`,
      kind: 'container-config',
      title,
      layer: 'network/routing',
      severity: 'warning',
      confidence: now !== undefined ? 'high' : 'medium',
      evidence: [
        `${hits.length} refused request${hits.length === 1 ? '' : 's'} (503, response flag UO, no upstream host) in the log of container ${container} in ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}${requests > 0 ? `, of ${requests} requests it logged` : ''}`,
        ...(last !== undefined ? [`log ${last.pod}/${container}: ${last.line.slice(0, 300)}`] : []),
        ...(now !== undefined ? [`${container}'s config file sets ${now.thresholds.length > 0 ? `${describeThresholds(now.thresholds)} (${where ?? ''})` : setting}`] : []),
        ...(before !== undefined ? [before] : []),
        ...(appClean ? [`${others.map((l) => l.container).filter((c, i, a) => a.indexOf(c) === i).join(', ')} in the same pods logs no errors: the refused requests never reached it`] : []),
      ],
      decisive: QUOTE.exec(last?.line ?? '')?.[0] ?? last?.line ?? '',
      ...(onset !== undefined ? { onset } : {}),
      likelyCause:
        `Envoy answers 503 with response flag UO ("upstream connect error or disconnect/reset before headers. reset reason: overflow") when a cluster's pending requests, active requests or connections reach its circuit_breakers thresholds: it refuses at once and sends nothing upstream. ` +
        `It does so again and again here, so the thresholds are below the concurrency the pods serve; the app behind the proxy is not overloaded — it never sees those requests. Usually thresholds added or lowered in the proxy's config; a revision that mounts a new ConfigMap there changed that file.`,
      nextAction: `Mitigate: roll back the revision that changed ${container}'s config file, if one did; then ${fix}. Envoy's admin stats (upstream_rq_pending_overflow, circuit_breakers.default.rq_open) confirm which threshold trips.`,
      fix,
      confirmCommands: [
        formatKubectl(ev.target, `logs ${last?.pod ?? pods[0] ?? ''} -c ${container} --tail=200`),
        ...(readsConfig !== undefined ? [formatKubectl(ev.target, `get configmap ${readsConfig} -o yaml`)] : []),
      ],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
