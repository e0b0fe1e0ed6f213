import { describe, expect, it } from 'vitest';
import { analyzeHostSizedRuntime } from '../../../../src/domain/triage/analyzers/host-sized-runtime.js';
import type { EnvVarEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, NODE_C, NOW, NS, baseEvidence, container, event, minutesAgo, node, pod, workload } from '../scenarios/builders.js';

const DAY = 24 * 60;
const TIMEOUT = 'Readiness probe failed: Get "http://10.0.1.10:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)';
const STARTED = '{"level":"info","ts":"2026-11-19T01:20:12.000Z","caller":"cmd/api/main.go:61","msg":"starting","go":"go1.22.7","GOMAXPROCS":64,"NumCPU":64}';
const SLOW = '{"level":"warn","ts":"2026-11-21T03:03:24.000Z","caller":"middleware/latency.go:71","msg":"slow request","route":"POST /v3/quotes","duration_ms":2554}';

const bigNode = (name: string, cpus = 64, createdDaysAgo = 2.1) => node(name, {
  capacity: { cpu: String(cpus), memory: '259970956Ki' },
  allocatable: { cpu: `${cpus * 1000 - 230}m`, memory: '248576940Ki' },
  labels: { 'topology.kubernetes.io/zone': 'eu-west-1a', 'node.kubernetes.io/instance-type': cpus === 64 ? 'm6i.16xlarge' : 'm6i.large', 'eks.amazonaws.com/nodegroup': 'general-16xl' },
  createdAt: minutesAgo(createdDaysAgo * DAY),
});

/**
 * A Go service with a CPU limit of 1 on 64-CPU nodes that joined two days ago: GOMAXPROCS is
 * unset, so Go runs 64 threads, and the readiness probes time out now and then.
 */
function goOnBigNodes(opts: { env?: EnvVarEvidence[]; logs?: string[]; limit?: string; cpus?: number } = {}): TriageEvidence {
  const pods: PodEvidence[] = [0, 1, 2, 3].map((i) => pod(i, {
    ready: i !== 2,
    createdAt: minutesAgo(2 * DAY),
    containers: [container({
      ready: i !== 2,
      resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: opts.limit ?? '1', memory: '1Gi' } },
      env: opts.env ?? [{ name: 'GOMEMLIMIT', value: '900MiB' }, { name: 'RATES_URL', value: 'http://fx-rates.pricing.svc' }],
      probes: { readiness: { type: 'http', path: '/readyz', port: 8080, periodSeconds: 5, timeoutSeconds: 1, failureThreshold: 3 } },
    })],
  }));
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 4, replicas: 4, readyReplicas: 3, availableReplicas: 3 }),
    nodes: [NODE_A, NODE_B, NODE_C].map((n) => bigNode(n, opts.cpus)),
    logs: [{ pod: pods[0]?.name ?? '', container: 'app', previous: false, lines: opts.logs ?? [STARTED, SLOW] }],
    events: pods.map((p, i) => event({ object: { kind: 'Pod', name: p.name, namespace: NS, fieldPath: 'spec.containers{app}' }, reason: 'Unhealthy', message: TIMEOUT, count: 40 + i, firstSeen: minutesAgo(2 * DAY - 30), lastSeen: minutesAgo(i === 2 ? 0.2 : 4) })),
  });
}

describe('analyzeHostSizedRuntime', () => {
  it('names Go sizing its threads to the node\'s CPUs under a far smaller CPU limit, with both figures and the instance type', () => {
    const [f, ...rest] = analyzeHostSizedRuntime(goOnBigNodes());
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('cpu-starved');
    expect(f?.title).toBe('Container app is CPU-throttled: Go runs GOMAXPROCS 64 (its log) — the 64 CPUs of its m6i.16xlarge nodes (pool general-16xl, created 2d 2h ago) — under a CPU limit of 1, so its threads spend each 100ms CFS quota early and stall; readiness probes time out on 4/4 pods');
    expect(f?.decisive).toBe('starting … "GOMAXPROCS":64,"NumCPU":64');
    expect(f?.fix).toBe('set GOMAXPROCS from the CPU limit (env GOMAXPROCS from resourceFieldRef limits.cpu, or go.uber.org/automaxprocs), or raise the CPU limit');
    expect(f?.datesChange).toBe(true);
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toContain('app: cpu limit 1 (request 500m); env sets no GOMAXPROCS');
  });

  it('infers Go\'s default from the node\'s CPUs when the log does not report it, at medium confidence', () => {
    const [f] = analyzeHostSizedRuntime(goOnBigNodes({ logs: [SLOW] }));
    expect(f?.title).toMatch(/^Container app is CPU-throttled: Go runs GOMAXPROCS 64 \(unset, Go's default\) — the 64 CPUs of its m6i\.16xlarge nodes/);
    expect(f?.confidence).toBe('medium');
  });

  it('leads the verdict over the readiness timeouts it explains, with the fix', () => {
    const report = buildTriageReport(goOnBigNodes(), { startedAt: NOW, finishedAt: NOW });
    expect(report.findings[0]?.kind).toBe('cpu-starved');
    expect(report.headline).toMatch(/^Container app is CPU-throttled: Go runs GOMAXPROCS 64/);
    expect(report.headline).toMatch(/Set GOMAXPROCS from the CPU limit/);
    expect(report.headline).not.toMatch(/no change found|\bOOM|crash/i);
  });

  it('says nothing when GOMAXPROCS follows the limit, the limit is near the node\'s CPUs, or nothing says Go', () => {
    expect(analyzeHostSizedRuntime(goOnBigNodes({ env: [{ name: 'GOMAXPROCS', value: '1' }], logs: [SLOW] }))).toEqual([]);
    expect(analyzeHostSizedRuntime(goOnBigNodes({ env: [{ name: 'GOMAXPROCS', ref: { kind: 'resource', name: 'app', key: 'limits.cpu' } }], logs: [SLOW] }))).toEqual([]);
    expect(analyzeHostSizedRuntime(goOnBigNodes({ logs: ['2026/11/21 03:00:00 maxprocs: Updating GOMAXPROCS=1: determined from CPU quota', SLOW] }))).toEqual([]);
    // Go 1.25 and later size GOMAXPROCS from the cgroup's CPU limit by themselves.
    expect(analyzeHostSizedRuntime(goOnBigNodes({ logs: ['{"msg":"starting","go":"go1.25.1"}'] }))).toEqual([]);
    expect(analyzeHostSizedRuntime(goOnBigNodes({ limit: '48' }))).toEqual([]);
    expect(analyzeHostSizedRuntime(goOnBigNodes({ cpus: 2, logs: [SLOW] }))).toEqual([]);
    expect(analyzeHostSizedRuntime(goOnBigNodes({ env: [{ name: 'JAVA_OPTS', value: '-Xmx700m' }], logs: ['2026-11-21 03:00:00 INFO Started Application in 8.1 seconds'] }))).toEqual([]);
    const calm = goOnBigNodes();
    calm.events = [];
    expect(analyzeHostSizedRuntime(calm)).toEqual([]);
  });
});
