import { describe, expect, it } from 'vitest';
import { analyzeRateLimitFailClosed } from '../../../src/domain/triage/analyzers/rate-limit-fail-closed.js';
import type { LogEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findRateLimitErrors, readRateLimitFilter, serviceOfAddress } from '../../../src/domain/triage/envoy-rate-limit-error.js';
import type { RateLimitServiceEvidence } from '../../../src/domain/triage/evidence-rate-limit-service.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from './scenarios/builders.js';

const ENVOY_YAML = [
  'static_resources:',
  '  listeners:',
  '  - name: ingress',
  '    filter_chains:',
  '    - filters:',
  '      - name: envoy.filters.network.http_connection_manager',
  '        typed_config:',
  '          http_filters:',
  '          - name: envoy.filters.http.ratelimit',
  '            typed_config:',
  '              "@type": type.googleapis.com/envoy.extensions.filters.http.ratelimit.v3.RateLimit',
  '              domain: edge',
  '              failure_mode_deny: true',
  '              rate_limit_service:',
  '                grpc_service:',
  '                  envoy_grpc: { cluster_name: rls }',
  '          - name: envoy.filters.http.router',
  '  clusters:',
  '  - name: rls',
  '    type: STRICT_DNS',
  '    load_assignment:',
  '      cluster_name: rls',
  '      endpoints: [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address: rls.payments.svc.cluster.local, port_value: 8081 } } } }] }]',
  '  - name: api',
  '    load_assignment:',
  '      endpoints: [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address: api.payments.svc.cluster.local, port_value: 80 } } } }] }]',
].join('\n');

const access = (m: number, code: number, flags: string, details: string) =>
  JSON.stringify({ start_time: minutesAgo(m), method: 'GET', path: '/api/orders', response_code: code, response_flags: flags, response_code_details: details, upstream_cluster: 'api' });
const failed = (m: number) => access(m, 500, 'RLSE', 'rate_limiter_error');
const served = (m: number) => access(m, 200, '-', 'via_upstream');

function scenario(lines: string[], rls?: RateLimitServiceEvidence): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ name: 'envoy', image: 'docker.io/envoyproxy/envoy:v1.31.2' })] }));
  const logs: LogEvidence[] = pods.map((p) => ({ pod: p.name, container: 'envoy', previous: false, lines }));
  return baseEvidence({ pods, logs, ...(rls ? { rateLimitService: rls } : {}) });
}

const DOWN: RateLimitServiceEvidence = {
  filter: { configMap: 'edge-config', key: 'envoy.yaml', failureModeDeny: true, cluster: 'rls', address: 'rls.payments.svc.cluster.local:8081' },
  backend: { service: 'rls', deployment: 'rls', replicas: 0, readyReplicas: 0, downscaler: { 'downscaler/original-replicas': '2' } },
};

describe('Envoy failing closed at its rate-limit service (500 RLSE)', () => {
  it('reads the ratelimit filter: failure_mode_deny, the cluster it calls and that cluster\'s address', () => {
    expect(readRateLimitFilter(ENVOY_YAML)).toEqual({ failureModeDeny: true, cluster: 'rls', address: 'rls.payments.svc.cluster.local:8081' });
    expect(readRateLimitFilter('static_resources: {}')).toBeUndefined();
    expect(serviceOfAddress('rls.payments.svc.cluster.local:8081', 'x')).toEqual({ name: 'rls', namespace: 'payments' });
    expect(serviceOfAddress('10.0.0.4:8081', 'x')).toBeUndefined();
  });

  it('counts RLSE since the first of them, and stays quiet on a few among served requests or on 429 RL', () => {
    const outage = [...[30, 29, 28].map(served), ...[12, 11, 10, 9, 8, 7].map(failed)];
    expect(findRateLimitErrors(scenario(outage).logs, scenario(outage).pods, NOW)).toMatchObject({ errors: 12, requestsSince: 12 });
    const blips = [...[20, 19, 18, 17, 16, 15, 14, 13, 12, 11].map(served), failed(10), ...[9, 8, 7, 6, 5, 4, 3, 2].map(served), failed(1)];
    expect(analyzeRateLimitFailClosed(scenario(blips, DOWN))).toEqual([]);
    const limited = [5, 4, 3, 2, 1, 0.5].map((m) => access(m, 429, 'RL', 'request_rate_limited'));
    expect(analyzeRateLimitFailClosed(scenario(limited, DOWN))).toEqual([]);
  });

  it('names the service down, by whom, and failure_mode_deny; no rollback of Envoy', () => {
    const ev = scenario([...[30, 29].map(served), ...[12, 11, 10, 9, 8, 7].map(failed)], DOWN);
    const [f] = analyzeRateLimitFailClosed(ev);
    expect(f?.title).toMatch(/rate-limit service rls is down \(Deployment rls is at 0 replicas, scaled down by kube-downscaler from 2\)/);
    expect(f?.title).toMatch(/failure_mode_deny: true .*500 RLSE/);
    expect(f?.fix).toMatch(/scale Deployment rls back to 2/);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/rate-limit service rls is down/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back|rollout undo|\b429\b/i);
  });
});
