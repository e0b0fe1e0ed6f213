import { describe, expect, it } from 'vitest';
import { analyzeSidecarCpuThrottled } from '../../../../src/domain/triage/analyzers/sidecar-cpu-throttled.js';
import type { ContainerEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV6, baseEvidence, container, event, minutesAgo, pod } from '../scenarios/builders.js';

const proxy = (cpuLimit: string | undefined): ContainerEvidence => container({
  name: 'istio-proxy',
  image: 'docker.io/istio/proxyv2:1.22.3',
  ports: [{ name: 'http-envoy-prom', containerPort: 15090, protocol: 'TCP' }],
  resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '256Mi', ...(cpuLimit ? { cpu: cpuLimit } : {}) } },
  probes: { readiness: { type: 'http', path: '/healthz/ready', port: 15021, periodSeconds: 15, timeoutSeconds: 1, failureThreshold: 4 } },
});

const timeout = (p: PodEvidence, count: number) => event({
  object: { kind: 'Pod', name: p.name, namespace: 'payments', fieldPath: 'spec.containers{istio-proxy}' },
  reason: 'Unhealthy',
  message: `Readiness probe failed: Get "http://10.0.96.40:15021/healthz/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
  count,
  firstSeen: minutesAgo(27),
  lastSeen: minutesAgo(4),
});

/** Four Ready pods whose Istio sidecar runs under a 100m CPU limit and times out on its own readiness port. */
function throttledSidecar(opts: { cpuLimit?: string; probes?: boolean; proxyLog?: string[] } = {}): TriageEvidence {
  const pods: PodEvidence[] = [0, 1, 2, 3].map((i) => pod(i, { revisionHash: REV6.hash, containers: [container(), proxy('cpuLimit' in opts ? opts.cpuLimit : '100m')] }));
  return baseEvidence({
    pods,
    events: opts.probes === false ? [] : [timeout(pods[1] as PodEvidence, 9), timeout(pods[3] as PodEvidence, 5)],
    logs: opts.proxyLog ? [{ pod: pods[1]?.name ?? '', container: 'istio-proxy', previous: false, lines: opts.proxyLog }] : [],
  });
}

describe('analyzeSidecarCpuThrottled', () => {
  it("names the mesh proxy, its CPU limit and the timeouts on its own health port", () => {
    const [f, ...rest] = analyzeSidecarCpuThrottled(throttledSidecar());
    expect(rest).toEqual([]);
    expect(f?.title).toMatch(/istio-proxy/);
    expect(f?.title).toMatch(/100m CPU limit/);
    expect(f?.title).toMatch(/readiness/i);
    expect(`${f?.likelyCause} ${f?.nextAction}`).toMatch(/proxyCPULimit/);
  });

  it("quotes the proxy's own word that it is short of CPU when its log was read", () => {
    const [f] = analyzeSidecarCpuThrottled(throttledSidecar({ proxyLog: ['2026-11-21T18:00:00.000Z\twarning\tenvoy main external/envoy/source/server/server.cc:880\tThere is insufficient CPU: main thread was blocked for 312ms\tthread=14'] }));
    expect(f?.evidence.join('\n')).toMatch(/main thread was blocked for 312ms/);
  });

  it('says nothing of a sidecar without a CPU limit, a generous one, or one whose probes answer', () => {
    expect(analyzeSidecarCpuThrottled(throttledSidecar({ cpuLimit: undefined }))).toEqual([]);
    expect(analyzeSidecarCpuThrottled(throttledSidecar({ cpuLimit: '2' }))).toEqual([]);
    expect(analyzeSidecarCpuThrottled(throttledSidecar({ probes: false }))).toEqual([]);
  });

  it('turns the all-clear of Ready pods into a problem that names the sidecar and its CPU limit', () => {
    const report = buildTriageReport(throttledSidecar(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/istio-proxy/);
    expect(report.headline).toMatch(/100m/);
  });
});
