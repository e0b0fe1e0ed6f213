import { describe, expect, it } from 'vitest';
import { analyzePodCreateFailures } from '../../../src/domain/triage/analyzers/pod-create-failed.js';
import { findFullQuota, podAmount } from '../../../src/domain/triage/quota-holders.js';
import type { QuotaHoldersEvidence } from '../../../src/domain/triage/evidence.js';
import { APP, NS, REV7, baseEvidence, event, minutesAgo, pod } from './scenarios/builders.js';

const GI = 2 ** 30;
const MESSAGE = `Error creating: pods "${APP}-${REV7.hash}-w9x2c" is forbidden: exceeded quota: team-compute, requested: limits.memory=2Gi, used: limits.memory=39Gi, limited: limits.memory=40Gi`;

function refusedWith(holders: QuotaHoldersEvidence) {
  const ev = baseEvidence({
    pods: [0, 1, 2].map((i) => pod(i)),
    events: [event({ object: { kind: 'ReplicaSet', name: `${APP}-${REV7.hash}`, namespace: NS }, reason: 'FailedCreate', message: MESSAGE, count: 9, firstSeen: minutesAgo(20), lastSeen: minutesAgo(1), source: 'replicaset-controller' })],
  });
  ev.quotas = [{ name: 'team-compute', hard: { 'limits.memory': '40Gi' }, used: { 'limits.memory': '39Gi' } }];
  ev.quotaHolders = holders;
  return ev;
}

const own = { kind: 'Deployment', name: APP, pods: 3, amounts: { 'limits.memory': 3 * GI } };
const worker = (over: object = {}) => ({ kind: 'Deployment', name: 'batch-worker', pods: 10, amounts: { 'limits.memory': 30 * GI }, ...over });
const memoryHpa = { name: 'batch-worker', minReplicas: 2, maxReplicas: 10, currentReplicas: 10, metrics: [{ name: 'memory', current: '88%', target: '75%' }] };

describe('quota holders', () => {
  it('finds the full quota and its resources a pod counts in a refusal', () => {
    expect(findFullQuota([MESSAGE])).toEqual({ quota: 'team-compute', resources: ['limits.memory'] });
    expect(findFullQuota(['exceeded quota: q, requested: count/jobs.batch=1, used: count/jobs.batch=5, limited: count/jobs.batch=5'])).toBeUndefined();
    expect(podAmount([{ requests: { memory: '1Gi' }, limits: { memory: '2Gi' } }, { requests: {}, limits: { memory: '512Mi' } }], 'limits.memory')).toBe(2.5 * GI);
  });

  it('names the neighbour that holds most of the quota, and its memory-based HPA at maxReplicas on a JVM as why it never scales in', () => {
    const [f] = analyzePodCreateFailures(refusedWith({ quota: 'team-compute', resources: ['limits.memory'], complete: true, holders: [worker({ hpa: memoryHpa, jvm: true }), own] }));
    expect(f?.title).toContain('30Gi of the 39Gi used held by Deployment batch-worker (10 pods, its HPA batch-worker at maxReplicas 10 on memory utilization, at 88% against a 75% target)');
    expect(f?.likelyCause).toMatch(/JVM keeps the heap it has committed/);
    expect(f?.likelyCause).toMatch(/never scales it in/);
    expect(f?.fix).toBe('scale batch-worker on CPU or a work metric instead of memory (or lower its replicas) to free ResourceQuota team-compute');
    expect(f?.evidence.some((e) => e.startsWith('quota team-compute held by Deployment batch-worker: 10 pods, limits.memory 30Gi; HPA batch-worker 10/10 (min 2), memory 88%/75%'))).toBe(true);
  });

  it('names the top holder without an HPA reading when it is not scaled on memory, and not the workload itself when it holds the most', () => {
    const [f] = analyzePodCreateFailures(refusedWith({ quota: 'team-compute', resources: ['limits.memory'], complete: true, holders: [worker(), own] }));
    expect(f?.title).toContain('held by Deployment batch-worker (10 pods)');
    expect(f?.likelyCause).not.toMatch(/JVM|memory utilization/);
    const [g] = analyzePodCreateFailures(refusedWith({ quota: 'team-compute', resources: ['limits.memory'], complete: true, holders: [{ ...own, amounts: { 'limits.memory': 30 * GI } }, worker({ amounts: { 'limits.memory': 6 * GI } })] }));
    expect(g?.title).toBe('Pods cannot be created: ResourceQuota team-compute exhausted');
  });
});
