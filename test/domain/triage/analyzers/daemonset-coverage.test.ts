import { describe, expect, it } from 'vitest';
import { analyzeDaemonSetCoverage } from '../../../../src/domain/triage/analyzers/daemonset-coverage.js';
import type { NodeEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, NODE_C, NOW, baseEvidence, minutesAgo, node, pod, workload } from '../scenarios/builders.js';

const GPU_1 = 'ip-10-0-181-30.eu-west-1.compute.internal';
const GPU_2 = 'ip-10-0-182-71.eu-west-1.compute.internal';
const CONTROL = 'ip-10-0-0-10.eu-west-1.compute.internal';
const gpuNode = (name: string): NodeEvidence =>
  node(name, { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }], labels: { 'eks.amazonaws.com/nodegroup': 'gpu-a10' }, createdAt: minutesAgo(6 * 60) });

/** A log shipper on the three general nodes, ready everywhere it is wanted; two new GPU nodes and a control-plane node have none. */
function logShipper(over: Partial<TriageEvidence> = {}): TriageEvidence {
  const nodes = [NODE_A, NODE_B, NODE_C];
  const pods = nodes.map((n, i) => pod(i, { name: `fluent-bit-${i}`, nodeName: n }));
  return baseEvidence({
    target: { service: 'fluent-bit', namespace: 'logging', kind: 'DaemonSet', name: 'fluent-bit' },
    pods,
    workload: { ...workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3 }), kind: 'DaemonSet', name: 'fluent-bit', templatePlacement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } },
    hpas: [],
    clusterNodes: [...nodes.map((n) => node(n)), gpuNode(GPU_1), gpuNode(GPU_2), node(CONTROL, { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] })],
    ...over,
  });
}

describe('analyzeDaemonSetCoverage', () => {
  it('names the nodes a DaemonSet skips because of a taint it does not tolerate, and the pool they came with', () => {
    const [f, ...rest] = analyzeDaemonSetCoverage(logShipper());
    expect(rest).toEqual([]);
    expect(f?.title).toBe('fluent-bit does not run on 2 of 5 nodes (pool gpu-a10, the newest added 6h ago): taint nvidia.com/gpu=present:NoSchedule not tolerated');
    expect(f?.affected?.nodes).toEqual([GPU_1, GPU_2]);
    expect(f?.nextAction).toContain('add a toleration for nvidia.com/gpu');
  });

  it('is no all-clear: the report says problems, not "looks healthy"', () => {
    const report = buildTriageReport(logShipper(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/nvidia\.com\/gpu/);
  });

  it('leaves alone nodes excluded on purpose (the control plane, a nodeSelector) and a DaemonSet that tolerates the taint', () => {
    const tolerant = logShipper();
    tolerant.workload!.templatePlacement = { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [{ operator: 'Exists' }] };
    tolerant.pods = [...tolerant.pods, pod(3, { name: 'fluent-bit-3', nodeName: GPU_1 }), pod(4, { name: 'fluent-bit-4', nodeName: GPU_2 }), pod(5, { name: 'fluent-bit-5', nodeName: CONTROL })];
    expect(analyzeDaemonSetCoverage(tolerant)).toEqual([]);
    const selective = logShipper();
    selective.workload!.templatePlacement = { nodeSelector: { 'eks.amazonaws.com/nodegroup': 'general' }, requiredNodeAffinity: [], tolerations: [] };
    selective.clusterNodes = selective.clusterNodes!.map((n) => (n.taints.length === 0 ? { ...n, labels: { ...n.labels, 'eks.amazonaws.com/nodegroup': 'general' } } : n));
    expect(analyzeDaemonSetCoverage(selective)).toEqual([]);
    expect(analyzeDaemonSetCoverage(logShipper({ target: { service: 'x', namespace: 'payments', kind: 'Deployment', name: 'x' } }))).toEqual([]);
  });
});
