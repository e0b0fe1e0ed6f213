/**
 * Envoy fails closed at its external rate-limit service: every request it cannot check is answered
 * 500 RLSE while the backends behind it are fine. The cause is the rate-limit service (no
 * endpoints: scaled to 0, down), not Envoy nor its revision: a senior SRE names the service, why it
 * is down (and by whom, when kube-downscaler's annotations say so), restores it, and considers
 * failure_mode_deny false so the next outage of it lets traffic through.
 */
import type { TriageEvidence } from '../evidence.js';
import type { RateLimitBackendEvidence } from '../evidence-rate-limit-service.js';
import { findPod } from '../evidence-lookup.js';
import { findRateLimitErrors } from '../envoy-rate-limit-error.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import { truncate } from '../../text.js';

/** "Deployment ratelimit at 0 replicas (scaled down by kube-downscaler from 2: downscaler/original-replicas)". */
function describeBackend(b: RateLimitBackendEvidence): string {
  const original = b.downscaler['downscaler/original-replicas'];
  const by = Object.keys(b.downscaler).length > 0 ? `, scaled down by kube-downscaler${original !== undefined ? ` from ${original}` : ''}` : '';
  return b.replicas === 0 ? `its Deployment ${b.deployment} is at 0 replicas${by}` : `its Deployment ${b.deployment} has ${b.readyReplicas}/${b.replicas} ready${by}`;
}

/** A JSON access line told by its request and answer (`GET /api/orders → 500 RLSE rate_limiter_error`); a text line as it is. */
function quoteAccess(line: string): string {
  const f = (k: string) => new RegExp(`"${k}"\\s*:\\s*"?([^",}]*)`).exec(line)?.[1];
  const code = f('response_code');
  if (!line.trimStart().startsWith('{') || code === undefined) return truncate(line, 200);
  return [f('method'), f('path'), '→', code, f('response_flags'), f('response_code_details'), f('upstream_cluster') ? `(cluster ${f('upstream_cluster') ?? ''})` : undefined].filter((x) => x !== undefined && x !== '').join(' ');
}

export function analyzeRateLimitFailClosed(ev: TriageEvidence): Finding[] {
  const found = findRateLimitErrors(ev.logs, ev.pods, ev.collectedAt);
  if (found === undefined) return [];
  const filter = ev.rateLimitService?.filter;
  const backend = ev.rateLimitService?.backend;
  const down = backend !== undefined && (backend.replicas === 0 || backend.readyReplicas === 0);
  const service = backend?.service ?? filter?.cluster;
  const named = service !== undefined ? `its rate-limit service ${service}` : 'its rate-limit service';
  const state = down && backend ? ` is down (${describeBackend(backend).replace(/^its /, '')})` : ev.downServices?.some((d) => d.service === service) ? ' has no ready endpoints' : ' cannot be reached';
  const podObjects = found.pods.flatMap((p) => findPod(ev, p) ?? []);
  const since = found.onset !== undefined ? ` since ${formatAgo(found.onset, ev.collectedAt)}` : '';
  const deny = `failure_mode_deny: true${filter?.configMap !== undefined ? ` in ConfigMap ${filter.configMap}` : ''}`;
  const restore = down && backend
    ? `scale Deployment ${backend.deployment} back${backend.downscaler['downscaler/original-replicas'] !== undefined ? ` to ${backend.downscaler['downscaler/original-replicas']}` : ''}${Object.keys(backend.downscaler).length > 0 ? ' and keep kube-downscaler off it (remove the downtime annotation, or annotate it downscaler/exclude: "true")' : ''}`
    : `restore ${service ?? 'the rate-limit service'} (its pods and endpoints)`;
  const fix = `${restore}; consider failure_mode_deny: false so an outage of the rate-limit service lets requests through`;
  return [{
    id: `dependency-error/rate-limit-fail-closed/${service ?? found.container}`,
    kind: 'dependency-error',
    title: `Envoy fails closed: ${named}${state}, and with failure_mode_deny: true Envoy answers every request it cannot check 500 RLSE (rate_limiter_error, ${found.errors} of ${found.requestsSince} requests${since})`,
    layer: 'network/routing',
    severity: 'critical',
    confidence: down ? 'high' : 'medium',
    evidence: [
      `the ratelimit filter fails closed (${deny})`,
      `${found.errors} of ${found.requestsSince} requests in the access log of ${found.pods.length} Envoy pod${found.pods.length === 1 ? '' : 's'} answered 500 with response flag RLSE${since}`,
      ...(filter !== undefined ? [`ConfigMap ${filter.configMap} (${filter.key}): ratelimit filter${filter.failureModeDeny !== undefined ? ` failure_mode_deny: ${String(filter.failureModeDeny)}` : ''}${filter.cluster !== undefined ? `, rate_limit_service cluster ${filter.cluster}` : ''}${filter.address !== undefined ? ` at ${filter.address}` : ''}`] : []),
      ...(backend !== undefined ? [`Service ${backend.service}: ${describeBackend(backend)}${Object.keys(backend.downscaler).length > 0 ? ` (${Object.entries(backend.downscaler).map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`] : []),
      `log ${found.pods[0] ?? ''}: ${truncate(found.lastLine, 300)}`,
    ],
    decisive: quoteAccess(found.lastLine),
    ...(found.onset !== undefined ? { onset: found.onset } : {}),
    likelyCause:
      `Envoy's ratelimit filter asks the rate-limit service about every request; RLSE means that call failed, and Envoy answers 500 only because the filter fails closed (failure_mode_deny: true — with false the request would pass). ` +
      `${down && backend ? `The service has no pods: ${describeBackend(backend)}.` : 'The service does not answer (no ready endpoints, or unreachable).'} The backends behind Envoy are not involved.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    outsideWorkload: `the rate-limit service ${service ?? ''} is down; any Envoy revision fails closed the same way`,
    confirmCommands: [
      ...(backend !== undefined ? [formatKubectl(ev.target, `get deployment ${backend.deployment} -o yaml`), formatKubectl(ev.target, `get endpointslices -l kubernetes.io/service-name=${backend.service}`)] : []),
      formatKubectl(ev.target, `logs ${found.pods[0] ?? ''} -c ${found.container} --tail=50`),
    ],
    affected: { pods: podObjects.map((p) => p.name), nodes: listNodesOf(podObjects), ...(service !== undefined ? { services: [service] } : {}) },
  }];
}
