// OOM kills confined to one node pool (same revision, same limit, healthy pods elsewhere) are not
// fixed by a bigger limit: the finding says the runtime sizes itself from those nodes.
import { describe, expect, it } from 'vitest';
import { analyzeOomKilled } from '../../../../src/domain/triage/analyzers/oom-killed.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { baseEvidence, crashLooping, node, pod, podName, REV6, running, terminated } from '../scenarios/builders.js';

const RAISE_LIMIT = /(raise|increase|bump|double)[^\n]*(memory )?limit/i;

function splitByPool(killedPool: string) {
  const oldPool = ['old-a', 'old-b', 'old-c'].map((n) => node(n, { labels: { 'eks.amazonaws.com/nodegroup': 'general-al2' } }));
  const newPool = ['new-a', 'new-b', 'new-c'].map((n) => node(n, { labels: { 'eks.amazonaws.com/nodegroup': killedPool } }));
  const pods = [
    ...[0, 1, 2].map((i) => pod(i, { nodeName: `old-${'abc'[i] ?? 'a'}` })),
    ...[3, 4, 5].map((i) => pod(i, { nodeName: `new-${'abc'[i - 3] ?? 'a'}`, ready: false, containers: [crashLooping(podName(REV6.hash, i), terminated(137, 'OOMKilled', 3, { runSeconds: 560 }), 9)] })),
  ];
  return baseEvidence({ pods, nodes: [...oldPool, ...newPool] });
}

describe('OOM kills on one node pool', () => {
  it('says the process uses more memory there and never advises a bigger limit', () => {
    const ev = splitByPool('general-al2023');
    const findings = analyzeOomKilled(ev);
    const [f] = findings;
    expect(f?.evidence).toContain('OOM kills only on node pool general-al2023; the same revision and limit run fine elsewhere');
    expect(f?.likelyCause).toContain('sizes its heap from the host');
    expect(f?.nextAction).toContain('-Xmx or -XX:MaxRAMPercentage');
    const d = diagnose(ev, findings);
    expect(d?.headline).toContain('Keep the pods off node pool general-al2023');
    expect(d?.headline).not.toMatch(RAISE_LIMIT);
    expect([f?.title, f?.likelyCause, f?.nextAction].join('\n')).not.toMatch(RAISE_LIMIT);
  });

  it('still advises the limit when the kills are not confined to a group of machines', () => {
    const ev = splitByPool('general-al2');
    const [f] = analyzeOomKilled(ev);
    expect(f?.nextAction).toContain('raise the memory limit');
  });
});

/** The same revision on 8-CPU nodes and on 64-CPU nodes of another pool; only the big ones' pods are OOM-killed, one of them up again for an hour. */
function splitByCpus() {
  const small = ['small-a', 'small-b', 'small-c'].map((n) => node(n, { capacity: { cpu: '8', memory: '32Gi' }, labels: { 'eks.amazonaws.com/nodegroup': 'general', 'node.kubernetes.io/instance-type': 'm6i.2xlarge' } }));
  const big = ['big-a', 'big-b'].map((n) => node(n, { capacity: { cpu: '64', memory: '128Gi' }, labels: { 'eks.amazonaws.com/nodegroup': 'compute-xl', 'node.kubernetes.io/instance-type': 'c7i.16xlarge' } }));
  const killed = (i: number, ago: number) => crashLooping(podName(REV6.hash, i), terminated(137, 'OOMKilled', ago, { runSeconds: 5800 }), 10, { state: running(ago - 0.1), ready: true });
  const pods = [
    ...[0, 1, 2].map((i) => pod(i, { nodeName: `small-${'abc'[i] ?? 'a'}` })),
    pod(3, { nodeName: 'big-a', containers: [killed(3, 4)] }),
    pod(4, { nodeName: 'big-b', containers: [killed(4, 71)] }),
    pod(5, { nodeName: 'big-a', containers: [killed(5, 22)] }),
  ];
  const log = (cpus: number) => [`INFO resizer.main: worker pool: workers=${cpus} (os.cpu_count()=${cpus})`];
  return baseEvidence({
    pods,
    nodes: [...small, ...big],
    logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: log(i < 3 ? 8 : 64) })),
  });
}

describe('OOM kills only on nodes with many more CPUs', () => {
  it('names the pool, its instance type and CPU count, and the runtime that sizes itself from the CPUs (arenas, threads)', () => {
    const ev = splitByCpus();
    const findings = analyzeOomKilled(ev);
    const [f] = findings;
    expect(f?.title).toMatch(/compute-xl/);
    expect(f?.title).toMatch(/c7i\.16xlarge/);
    expect(f?.title).toMatch(/64 CPUs/);
    expect(f?.likelyCause).toMatch(/MALLOC_ARENA_MAX/);
    expect(f?.evidence.join('\n')).toMatch(/workers=64/);
    const d = diagnose(ev, findings);
    expect(d?.headline).not.toMatch(/Cordon big-a/);
    expect(d?.headline).toMatch(/MALLOC_ARENA_MAX/);
    expect(d?.headline).not.toMatch(RAISE_LIMIT);
  });
});

/** A pre-forking server on 8-CPU and 64-CPU nodes: its logs say how many workers each pod booted. */
function workersByCpus(healthyWorkers: number, killedWorkers: number) {
  const small = ['small-a', 'small-b'].map((n) => node(n, { capacity: { cpu: '8', memory: '32Gi' }, labels: { 'eks.amazonaws.com/nodegroup': 'web', 'node.kubernetes.io/instance-type': 'c6a.2xlarge' } }));
  const big = ['big-a', 'big-b'].map((n) => node(n, { capacity: { cpu: '64', memory: '128Gi' }, labels: { 'eks.amazonaws.com/nodegroup': 'web-xl', 'node.kubernetes.io/instance-type': 'c6a.16xlarge' } }));
  const killed = (i: number) => crashLooping(podName(REV6.hash, i), terminated(137, 'OOMKilled', 2, { runSeconds: 12 }), 21);
  const pods = [
    pod(0, { nodeName: 'small-a' }),
    pod(1, { nodeName: 'small-b' }),
    pod(2, { nodeName: 'big-a', ready: false, containers: [killed(2)] }),
    pod(3, { nodeName: 'big-b', ready: false, containers: [killed(3)] }),
  ];
  const boot = (n: number) => ['[1] Puma starting in cluster mode...', ...Array.from({ length: n }, (_, k) => `[1] - Worker ${k} (PID: ${300 + k}) booted in 1.8s, phase: 0`)];
  return baseEvidence({
    pods,
    nodes: [...small, ...big],
    logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: i >= 2, lines: boot(i < 2 ? healthyWorkers : killedWorkers) })),
  });
}

describe('OOM kills where the logs show a worker pool sized by the node\'s CPUs', () => {
  it('names the worker count that follows the CPUs and fixes the count, not malloc arenas', () => {
    const ev = workersByCpus(8, 29);
    const findings = analyzeOomKilled(ev);
    const [f] = findings;
    expect(f?.title).toMatch(/Puma sizes its workers by the node's CPUs/);
    expect(f?.title).toMatch(/8 workers on 8 CPUs; 29 started before the kill on 64; one per CPU would be 64/);
    expect(f?.fix).toMatch(/fixed worker count \(workers \/ WEB_CONCURRENCY\)/);
    const d = diagnose(ev, findings);
    expect(d?.headline).toMatch(/Keep the pods off node pool web-xl .*set a fixed worker count/);
    expect(d?.headline).not.toMatch(/MALLOC_ARENA_MAX/);
  });

  it('keeps the arena and thread-pool lead when the pods start as many workers everywhere', () => {
    const [f] = analyzeOomKilled(workersByCpus(4, 4));
    expect(f?.title).toMatch(/memory grows with the core count/);
    expect(f?.fix).toMatch(/MALLOC_ARENA_MAX/);
  });
});
