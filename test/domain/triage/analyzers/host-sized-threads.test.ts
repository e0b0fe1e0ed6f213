// A PyTorch/NumPy service whose OpenMP/MKL pools are unset starts one thread per node core: on
// 64-core nodes under a 2-CPU limit it is throttled into probe timeouts. The finding names the
// threads, the node's cores, the limit and the env to set.
import { describe, expect, it } from 'vitest';
import { analyzeHostSizedRuntime } from '../../../../src/domain/triage/analyzers/host-sized-runtime.js';
import type { EnvVarEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, event, minutesAgo, node, pod, workload } from '../scenarios/builders.js';

const DAY = 24 * 60;
const TIMEOUT = 'Liveness probe failed: Get "http://10.0.1.10:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)';
const started = (n: number) => `2026-11-20 10:00:00,000 INFO [scorer] torch 2.3.0+cpu ready: torch.get_num_threads()=${n} os.cpu_count()=${n}`;
const SLOW = '2026-11-20 10:04:00,000 WARNING [scorer] batch took 5400ms';

const sized = (name: string, cpus: number, pool: string, createdDaysAgo: number) => node(name, {
  capacity: { cpu: String(cpus), memory: '130000000Ki' },
  allocatable: { cpu: `${cpus * 1000 - 230}m`, memory: '127000000Ki' },
  labels: { 'topology.kubernetes.io/zone': 'eu-west-1a', 'node.kubernetes.io/instance-type': cpus === 48 ? 'c6i.12xlarge' : 'c6i.2xlarge', 'eks.amazonaws.com/nodegroup': pool },
  createdAt: minutesAgo(createdDaysAgo * DAY),
});

/** One pod on an 8-core node, two on new 48-core ones; the pools are unset unless `env` sets them. */
function torchOnBigNodes(opts: { env?: EnvVarEvidence[]; bigThreads?: number; limit?: string } = {}): TriageEvidence {
  const nodeOf = ['small-a', 'big-a', 'big-b'];
  const pods: PodEvidence[] = [0, 1, 2].map((i) => pod(i, {
    nodeName: nodeOf[i] ?? 'small-a',
    ready: i === 0,
    createdAt: minutesAgo(i === 0 ? 9 * DAY : 0.2 * DAY),
    containers: [container({
      ready: i === 0,
      resources: { requests: { cpu: '2', memory: '4Gi' }, limits: { cpu: opts.limit ?? '2', memory: '4Gi' } },
      env: opts.env ?? [{ name: 'MODEL_PATH', value: '/models/m.pt' }],
    })],
  }));
  const threads = opts.bigThreads ?? 48;
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 1, availableReplicas: 1 }),
    nodes: [sized('small-a', 8, 'general', 200), sized('big-a', 48, 'compute-xl', 0.3), sized('big-b', 48, 'compute-xl', 0.3)],
    logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: i === 0 ? [started(8)] : [started(threads), SLOW] })),
    events: pods.slice(1).map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS, fieldPath: 'spec.containers{app}' }, reason: 'Unhealthy', message: TIMEOUT, count: 30, firstSeen: minutesAgo(0.2 * DAY), lastSeen: minutesAgo(1) })),
  });
}

describe('numeric thread pools sized by the node', () => {
  it('names the threads, the node cores, the limit and OMP_NUM_THREADS, and leads the verdict', () => {
    const ev = torchOnBigNodes();
    const [f, ...rest] = analyzeHostSizedRuntime(ev);
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('cpu-starved');
    expect(f?.title).toMatch(/run 48 threads \(its log; OMP_NUM_THREADS and MKL_NUM_THREADS unset\) — sized by the 48 CPUs of its c6i\.12xlarge nodes/);
    expect(f?.title).toMatch(/CPU limit of 2/);
    expect(f?.fix).toMatch(/OMP_NUM_THREADS and MKL_NUM_THREADS .* to the CPU limit, 2, or call torch\.set_num_threads\(2\)/);
    expect(f?.affected?.pods).toHaveLength(2);
    expect(f?.evidence.join('\n')).toMatch(/on a 8-CPU node runs 8 threads and is healthy/);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/48 threads/);
    expect(report.headline).toMatch(/OMP_NUM_THREADS/);
  });

  it('says nothing when the pools are set to the limit or the threads are near it', () => {
    expect(analyzeHostSizedRuntime(torchOnBigNodes({ env: [{ name: 'OMP_NUM_THREADS', value: '2' }] }))).toEqual([]);
    expect(analyzeHostSizedRuntime(torchOnBigNodes({ bigThreads: 2 }))).toEqual([]);
    expect(analyzeHostSizedRuntime(torchOnBigNodes({ limit: '16' }))).toEqual([]);
  });
});
