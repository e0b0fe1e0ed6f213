// A plain Envoy sidecar in front of the app refusing requests at its own circuit breakers (503,
// response flag UO, "reset reason: overflow"): callers get 503 while the app is healthy. Its
// thresholds, read from the ConfigMap it mounts, are named with the revision that mounted it.
import { describe, expect, it } from 'vitest';
import { analyzeEnvoyCircuitBreaker } from '../../../../src/domain/triage/analyzers/envoy-circuit-breaker.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { CircuitBreakerConfigEvidence } from '../../../../src/domain/triage/evidence-circuit-breakers.js';
import { findCircuitBreakerThresholds, findOverflows, isOverflowLine, pickCircuitBreakerReads } from '../../../../src/domain/triage/envoy-circuit-breaker.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };
const refused = (ago: number) => `[${minutesAgo(ago)}] "POST /v2/quotes HTTP/1.1" 503 UO 0 81 0 - "10.0.33.18" "Go-http-client/1.1" "5e1c-77" "quotes.shop.svc.cluster.local:80" "-"`;
const served = (ago: number) => `[${minutesAgo(ago)}] "POST /v2/quotes HTTP/1.1" 200 - 412 1893 171 170 "10.0.33.18" "Go-http-client/1.1" "5e1c-78" "quotes.shop.svc.cluster.local:80" "127.0.0.1:8080"`;
const ENVOY_LOG = Array.from({ length: 6 }, (_, i) => [refused(6 - i * 0.5), refused(5.9 - i * 0.5), served(5.8 - i * 0.5)]).flat();

const YAML = [
  'static_resources:',
  '  listeners:',
  '  - name: ingress',
  '    address: { socket_address: { address: 0.0.0.0, port_value: 10000 } }',
  '  clusters:',
  '  - name: local_app',
  '    connect_timeout: 0.25s',
  '    type: STATIC',
  '    circuit_breakers:',
  '      thresholds:',
  '      - priority: DEFAULT',
  '        max_connections: 64',
  '        max_pending_requests: 8',
  '        max_requests: 16',
  '      - priority: HIGH',
  '        max_requests: 2048',
  '    load_assignment:',
  '      cluster_name: local_app',
].join('\n');

/** An Envoy sidecar second in the pod, its envoy.yaml from a ConfigMap that revision 7 switched. */
function overflowing(o: { envoyLog?: string[]; config?: CircuitBreakerConfigEvidence[] } = {}): TriageEvidence {
  const mounts = [{ name: 'envoy-config', mountPath: '/etc/envoy' }];
  const envoy = container({ name: 'envoy', image: 'docker.io/envoyproxy/envoy:v1.31.2', ports: [{ name: 'envoy', containerPort: 10000, protocol: 'TCP' }], volumeMounts: mounts, state: { running: { startedAt: minutesAgo(37) } } });
  const app = container({ name: 'app', state: { running: { startedAt: minutesAgo(37) } } });
  const pods: PodEvidence[] = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, containers: [app, envoy], volumes: [{ name: 'envoy-config', source: 'configMap', ref: 'quotes-envoy-c58k2' }], createdAt: minutesAgo(37), startTime: minutesAgo(37) }));
  const template = (cm: string) => ({ initContainers: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, volumes: [{ name: 'envoy-config', source: 'configMap' as const, ref: cm }] });
  const containers = [revisionContainer({ name: 'app', env: [], envFrom: [] }), revisionContainer({ name: 'envoy', image: 'docker.io/envoyproxy/envoy:v1.31.2', env: [], envFrom: [], volumeMounts: mounts })];
  return baseEvidence({
    pods,
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { containers, template: template('quotes-envoy-7d9f6') }),
      revision(REV7, minutesAgo(38), { replicas: 3, containers, template: template('quotes-envoy-c58k2') }),
    ],
    logs: [
      ...pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'envoy', previous: false, lines: o.envoyLog ?? ENVOY_LOG })),
      ...pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [`{"time":"${minutesAgo(3)}","level":"INFO","msg":"stats","requests":410,"errors":0}`] })),
    ],
    ...(o.config ? { circuitBreakerConfig: o.config } : {}),
  });
}

const READ: CircuitBreakerConfigEvidence[] = [
  { configMap: 'quotes-envoy-c58k2', mountedNow: true, thresholds: findCircuitBreakerThresholds(YAML).map((t) => ({ key: 'envoy.yaml', ...t })) },
  { configMap: 'quotes-envoy-7d9f6', mountedNow: false, thresholds: [] },
];

describe('Envoy refusing requests at its circuit breakers (503 UO)', () => {
  it('reads 503 UO access-log lines and the overflow body as refusals, nothing else', () => {
    expect(isOverflowLine(refused(1))).toBe(true);
    expect(isOverflowLine(served(1))).toBe(false);
    expect(isOverflowLine('{"level":"error","msg":"quote request failed","status":503,"body":"upstream connect error or disconnect/reset before headers. reset reason: overflow"}')).toBe(true);
    expect(isOverflowLine(`[${minutesAgo(1)}] "GET / HTTP/1.1" 503 UH 0 19 0 - "-" "curl" "x" "a" "-"`)).toBe(false);
    expect(isOverflowLine('{"response_code":503,"response_flags":"UO","path":"/v2/quotes"}')).toBe(true);
  });

  it('keeps the DEFAULT thresholds of each cluster, with its name', () => {
    expect(findCircuitBreakerThresholds(YAML)).toEqual([
      { cluster: 'local_app', setting: 'max_connections', value: 64 },
      { cluster: 'local_app', setting: 'max_pending_requests', value: 8 },
      { cluster: 'local_app', setting: 'max_requests', value: 16 },
    ]);
    const json = '{"static_resources":{"clusters":[{"name":"local_app","circuit_breakers":{"thresholds":[{"max_requests":16}]}}]}}';
    expect(findCircuitBreakerThresholds(json)).toEqual([{ cluster: 'local_app', setting: 'max_requests', value: 16 }]);
    expect(findCircuitBreakerThresholds('static_resources:\n  clusters:\n  - name: local_app\n    type: STATIC\n')).toEqual([]);
  });

  it('calls it a problem only when it recurs, and then reads the ConfigMap mounted now and the one before', () => {
    const ev = overflowing();
    expect(findOverflows(ev.logs, ev.pods, ev.collectedAt)).toMatchObject({ container: 'envoy', requests: 36 });
    expect(findOverflows(ev.logs, ev.pods, ev.collectedAt)?.hits).toHaveLength(24);
    expect(pickCircuitBreakerReads(ev)).toEqual([{ configMap: 'quotes-envoy-c58k2', mountedNow: true }, { configMap: 'quotes-envoy-7d9f6', mountedNow: false }]);
    expect(pickCircuitBreakerReads(overflowing({ envoyLog: [refused(3), served(2)] }))).toEqual([]);
    expect(analyzeEnvoyCircuitBreaker(overflowing({ envoyLog: [refused(3), served(2)] }))).toEqual([]);
  });

  it('does not read an app that logs the 503 overflow it got from some other Envoy as its own refusal', () => {
    const base = overflowing({ envoyLog: [served(3)] });
    const got = Array.from({ length: 4 }, (_, i) => `{"level":"error","ts":"${minutesAgo(4 - i)}","msg":"quote request failed","status":503,"body":"upstream connect error or disconnect/reset before headers. reset reason: overflow"}`);
    const ev = { ...base, logs: base.logs.map((l) => (l.container === 'app' ? { ...l, lines: got } : l)) };
    expect(findOverflows(ev.logs, ev.pods, ev.collectedAt)).toBeUndefined();
  });

  it('names the thresholds and the ConfigMap, and what the revision before mounted', () => {
    const [f] = analyzeEnvoyCircuitBreaker(overflowing({ config: READ }));
    expect(f?.title).toMatch(/503 UO/);
    expect(f?.title).toMatch(/max_pending_requests 8, max_requests 16/);
    expect(f?.title).toMatch(/ConfigMap quotes-envoy-c58k2/);
    expect(f?.evidence.join('\n')).toMatch(/quotes-envoy-7d9f6[^\n]*no circuit breakers/);
    expect(f?.fix).toMatch(/raise/);
  });

  it('claims no threshold it did not read', () => {
    const [f] = analyzeEnvoyCircuitBreaker(overflowing());
    expect(f?.title).toMatch(/not read/);
    expect(f?.title).not.toMatch(/max_requests \d/);
  });

  it('is a problem, not an all-clear, with the revision that switched the ConfigMap as the trigger', () => {
    const r = buildTriageReport(overflowing({ config: READ }), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/circuit breaker/);
    expect(r.headline).toMatch(/revision 7/);
    expect(r.headline).toMatch(/quotes-envoy-c58k2/);
  });
});
