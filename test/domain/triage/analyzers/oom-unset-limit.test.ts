// A worker count read from limits.cpu through the Downward API, on a container a revision left
// without a CPU limit: the kubelet hands it the node's allocatable CPU, so the pods on the big
// nodes fork the most workers and are OOMKilled; the revision that removed the limit is the trigger.
import { describe, expect, it } from 'vitest';
import { analyzeOomKilled } from '../../../../src/domain/triage/analyzers/oom-killed.js';
import type { ContainerEvidence, EnvVarEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV6, REV7, baseEvidence, container, crashLooping, minutesAgo, node, pod, podName, revision, revisionContainer, terminated, workload } from '../scenarios/builders.js';

const ENV: EnvVarEvidence[] = [{ name: 'WORKERS', ref: { kind: 'resource', name: 'app', key: 'limits.cpu' } }];
const noCpuLimit = { requests: { cpu: '2', memory: '3Gi' }, limits: { memory: '3Gi' } };

function workersFromNodeCpus(opts: { limitBefore?: string } = {}): TriageEvidence {
  const small = ['small-a', 'small-b'].map((n) => node(n, { allocatable: { cpu: '7910m', memory: '31482236Ki', pods: '58' }, labels: { 'eks.amazonaws.com/nodegroup': 'general', 'node.kubernetes.io/instance-type': 'm6i.2xlarge' } }));
  const big = ['big-a', 'big-b'].map((n) => node(n, { allocatable: { cpu: '47810m', memory: '94332788Ki', pods: '234' }, labels: { 'eks.amazonaws.com/nodegroup': 'compute', 'node.kubernetes.io/instance-type': 'c6i.12xlarge' } }));
  const spec = (over: Partial<ContainerEvidence> = {}) => container({ env: ENV, resources: noCpuLimit, ...over });
  const pods = [0, 1, 2, 3].map((i) => {
    const onBig = i % 2 === 1;
    const name = podName(REV7.hash, i);
    return pod(i, {
      revisionHash: REV7.hash, createdAt: minutesAgo(59), startTime: minutesAgo(58),
      nodeName: onBig ? `big-${'ab'[i >> 1] ?? 'a'}` : `small-${'ab'[i >> 1] ?? 'a'}`,
      ready: !onBig,
      containers: [onBig ? crashLooping(name, terminated(137, 'OOMKilled', 3, { runSeconds: 71 }), 24, { env: ENV, resources: noCpuLimit }) : spec()],
    });
  });
  const before = { ...noCpuLimit, limits: { ...noCpuLimit.limits, ...(opts.limitBefore ? { cpu: opts.limitBefore } : {}) } };
  return baseEvidence({
    pods,
    nodes: [...small, ...big],
    workload: workload({ specReplicas: 4, replicas: 4, readyReplicas: 2, availableReplicas: 2, currentRevision: 7 }),
    revisions: [
      revision(REV7, minutesAgo(60), { replicas: 4, containers: [revisionContainer({ env: ENV, resources: noCpuLimit })] }),
      revision(REV6, minutesAgo(34 * 24 * 60), { containers: [revisionContainer({ env: ENV, resources: before })] }),
    ],
    logs: pods.filter((_, i) => i % 2 === 1).map((p) => ({ pod: p.name, container: 'app', previous: true, lines: ['- *** --- * --- .> concurrency: 48 (prefork)', 'worker ready'] })),
  });
}

describe('OOM kills sized by a Downward API limit the container does not set', () => {
  it('names the variable, the limit it reads and the node values it gets', () => {
    const [f] = analyzeOomKilled(workersFromNodeCpus({ limitBefore: '4' }));
    expect(f?.title).toMatch(/WORKERS reads limits\.cpu through the Downward API with no CPU limit on app, so it gets the node's allocatable CPU: 48 on node pool compute, 8 where the pods run fine/);
    expect(f?.evidence.join('\n')).toMatch(/removed the CPU limit of app \(4 → none\)/);
    expect(f?.evidence.join('\n')).toMatch(/concurrency: 48/);
    expect(f?.fix).toMatch(/set WORKERS from requests\.cpu .* or restore the CPU limit of app \(4/);
  });

  it('makes the revision that removed the limit the trigger, not cleared by the pods that run fine on small nodes', () => {
    const report = buildTriageReport(workersFromNodeCpus({ limitBefore: '4' }), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since revision 7 \([^)]*app cpu limit: 4 → none\): Container app OOMKilled/);
    expect(report.headline).not.toMatch(/not the rollout/);
    expect(report.findings.map((x) => x.title).join('\n')).not.toMatch(/not the rollout/);
  });

  it('says nothing of the Downward API when the container sets the CPU limit the variable reads', () => {
    const ev = workersFromNodeCpus();
    const withLimit = { requests: noCpuLimit.requests, limits: { cpu: '4', memory: '3Gi' } };
    const pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, resources: withLimit })) }));
    const [f] = analyzeOomKilled({ ...ev, pods });
    expect(f?.title).not.toMatch(/Downward/);
  });
});
