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
