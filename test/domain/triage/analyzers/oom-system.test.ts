// OOM kills that coincide with the node's SystemOOM: the node ran out of memory, not the container
// its limit. The report names the node and the neighbour that overcommits it, and never offers a
// bigger limit; a kill with no system OOM at its time still blames the limit.
import { describe, expect, it } from 'vitest';
import { analyzeOomKilled } from '../../../../src/domain/triage/analyzers/oom-killed.js';
import type { NodeMemoryEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, NODE_C, NS, baseEvidence, container, event, minutesAgo, pod, terminated, workload } from '../scenarios/builders.js';

const LIMITS = { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '3Gi' } };

/** Pods 0 and 3 on NODE_C were OOMKilled 4 and 1 minutes ago; 1 and 2 run fine elsewhere. */
function killedOnNodeC(systemOomAgo: number[] = [4, 1], nodeMemory?: NodeMemoryEvidence[]): TriageEvidence {
  const pods = [0, 1, 2, 3].map((i) => {
    const killed = i === 0 || i === 3;
    return pod(i, {
      nodeName: killed ? NODE_C : i === 1 ? NODE_A : NODE_B,
      ready: !killed,
      containers: [container({ resources: LIMITS, ready: !killed, restartCount: killed ? 3 : 0, ...(killed ? { lastState: terminated(137, 'OOMKilled', i === 0 ? 4 : 1, { runSeconds: 840 }) } : {}) })],
    });
  });
  const oom = systemOomAgo.map((ago, k) => event({ object: { kind: 'Node', name: NODE_C }, reason: 'SystemOOM', message: `System OOM encountered, victim process: java, pid: ${48213 + k}`, firstSeen: minutesAgo(ago), lastSeen: minutesAgo(ago) }));
  return baseEvidence({
    pods,
    events: oom,
    workload: workload({ specReplicas: 4, replicas: 4, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 4 }),
    ...(nodeMemory ? { nodeMemory } : {}),
  });
}

function neighbour(namespace: string, name: string, owner: string, memory: { requests: string; limits?: string }, startedAgo: number): NodeMemoryEvidence['pods'][number] {
  const p: PodEvidence = pod(0, {
    name,
    nodeName: NODE_C,
    createdAt: minutesAgo(startedAgo),
    startTime: minutesAgo(startedAgo),
    labels: {},
    containers: [container({ name: 'main', resources: { requests: { memory: memory.requests }, limits: memory.limits ? { memory: memory.limits } : {} } })],
  });
  return { namespace, owner, pod: p };
}

const NODE_C_PODS: NodeMemoryEvidence[] = [{
  node: NODE_C,
  pods: [
    neighbour('ds-sandbox', 'feature-builder-7d9f8c6b5d-x2kqj', 'ReplicaSet feature-builder-7d9f8c6b5d', { requests: '1Gi', limits: '12Gi' }, 52),
    // Agents run on every node: they do not say why this one ran out.
    neighbour('kube-system', 'fluent-bit-8xk2p', 'DaemonSet fluent-bit', { requests: '100Mi' }, 30 * 24 * 60),
    neighbour('web', 'landing-6c8d7f9b4-h7m2n', 'ReplicaSet landing-6c8d7f9b4', { requests: '512Mi', limits: '512Mi' }, 3 * 24 * 60),
  ],
}];

describe('OOM kills in a system OOM of the node', () => {
  it('names the node and the system OOM in the headline, and says the limit was not what killed', () => {
    const report = buildTriageReport(killedOnNodeC([4, 1], NODE_C_PODS), { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(report.headline).toMatch(new RegExp(`^Node ${NODE_C} ran out of memory \\(system OOM\\): the kernel killed container app's process on 2/4 pods, not at its 3Gi limit`));
    expect(report.headline).toContain(`then cap ds-sandbox/feature-builder's memory (a limit close to its request) or move it off ${NODE_C}`);
    const claims = [report.headline, ...report.findings.flatMap((f) => [f.title, f.likelyCause, f.nextAction])].join('\n');
    expect(claims).not.toMatch(/(?<!not |n't |never )(raise|increase|bump|double) (the |its )?memory limit/i);
  });

  it('names the neighbour that may use far more than it requests, not the DaemonSet agent nor the pod within its request', () => {
    const [f] = analyzeOomKilled(killedOnNodeC([4, 1], NODE_C_PODS));
    expect(f?.evidence).toContain(`on ${NODE_C}: ds-sandbox/feature-builder (pod feature-builder-7d9f8c6b5d-x2kqj) requests 1Gi memory but may use up to 12Gi (its limit); started 52m ago`);
    expect(f?.evidence.join('\n')).not.toMatch(/fluent-bit|landing/);
    expect(f?.likelyCause).toContain('ds-sandbox/feature-builder (requests 1Gi, limit 12Gi)');
    expect(f?.nextAction).toContain('stop or cap ds-sandbox/feature-builder');
    expect(f?.evidence).toContain(`node ${NODE_C}: SystemOOM (kernel's global OOM killer), victim processes java ×2`);
  });

  it('says what to look for when the node\'s pods were not read', () => {
    const [f] = analyzeOomKilled(killedOnNodeC([4, 1]));
    expect(f?.title).toMatch(/ran out of memory \(system OOM\)/);
    expect(f?.likelyCause).toMatch(/Which pod took the memory is not in what was read/);
  });

  it('keeps blaming the limit when the node\'s system OOM came at another time', () => {
    const [f] = analyzeOomKilled(killedOnNodeC([90]));
    expect(f?.title).toBe('Container app OOMKilled at its 3Gi memory limit (2/4 pods)');
  });

  it('clears the container\'s namespace pods from the suspects (its own pods are the victims)', () => {
    const own = { namespace: NS, owner: 'ReplicaSet x', pod: killedOnNodeC().pods[0] as PodEvidence };
    const [f] = analyzeOomKilled(killedOnNodeC([4, 1], [{ node: NODE_C, pods: [own] }]));
    expect(f?.evidence.join('\n')).not.toMatch(/may use up to/);
  });
});
