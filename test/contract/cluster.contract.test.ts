/**
 * Cluster (the triage's reads): what the triage flow relies on, run against KubeCluster over the
 * Kubernetes API fake (real client-node, a real kubeconfig) and against MemoryCluster.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/domain/triage/triage-ports.js';
import type { TriageEvidence, TriageTarget } from '../../src/domain/triage/evidence.js';
import { READ_STAGES } from '../../src/domain/triage/triage-progress.js';
import type { ReadStage } from '../../src/domain/triage/triage-progress.js';
import { AMPLE_BUDGET_MS } from '../helpers/deadline.js';
import { at, container, deployment, node, pod, replicaSet, runningStatus } from '../adapters/kubernetes/builders.js';
import { startHarness } from '../adapters/kubernetes/harness.js';
import { baseEvidence, pod as podEvidence, workload } from '../domain/triage/scenarios/builders.js';
import { MemoryCluster } from '../support/memory-cluster.js';

const CONTEXTS = ['prod-us-east-1', 'staging'];

interface Harness {
  cluster: Cluster;
  /** A Deployment with `pods` ready pods named `<name>-abc123-p<i>`, its pod template labelled `labels`. */
  addDeployment(namespace: string, name: string, opts?: { pods?: number; labels?: Record<string, string> }): void;
  /** Listing Deployments in all namespaces is forbidden. */
  forbidDeploymentList(): void;
  /** Nothing was ever written to the cluster. */
  wroteNothing(): void;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const podNames = (name: string, n: number) => Array.from({ length: n }, (_, i) => `${name}-abc123-p${i}`);

async function overKubeApi(): Promise<Harness> {
  const { fake, cluster } = await startHarness({ contexts: CONTEXTS });
  closers.push(() => fake.close());
  fake.add(node('node-1', { zone: 'us-east-1a' }));
  return {
    cluster,
    addDeployment(namespace, name, opts = {}) {
      const labels = opts.labels ?? { app: name };
      const spec = container({ image: `registry.example.com/${name}:1.0.0` });
      const n = opts.pods ?? 2;
      const dep = fake.add(deployment({ namespace, name, replicas: n, revision: 1, containers: [spec], labels }));
      fake.add(replicaSet({ owner: { name, uid: dep.metadata.uid, namespace }, hash: 'abc123', revision: 1, replicas: n, containers: [spec], createdAt: at(-100), labels }));
      for (const podName of podNames(name, n)) {
        fake.add(pod({ namespace, name: podName, labels: { ...labels, 'pod-template-hash': 'abc123' }, node: 'node-1', containers: [spec], statuses: [runningStatus('app', spec.image)], ready: true }));
      }
    },
    forbidDeploymentList: () => fake.forbid({ resource: 'deployments', verb: 'list' }),
    wroteNothing: () => expect(fake.writeAttempts).toEqual([]),
  };
}

async function inMemory(): Promise<Harness> {
  const cluster = new MemoryCluster(CONTEXTS);
  return {
    cluster,
    addDeployment(namespace, name, opts = {}) {
      const labels = opts.labels ?? { app: name };
      const n = opts.pods ?? 2;
      const pods = podNames(name, n).map((podName, i) => podEvidence(i, { name: podName, labels: { ...labels, 'pod-template-hash': 'abc123' } }));
      cluster.add(
        baseEvidence({
          target: { service: name, namespace, kind: 'Deployment', name },
          workload: workload({ name, namespace, specReplicas: n, replicas: n, readyReplicas: n, availableReplicas: n, updatedReplicas: n, selector: labels, templateLabels: labels }),
          pods,
        }),
        { labels },
      );
    },
    forbidDeploymentList: () =>
      cluster.unreadable({ what: 'Deployments in all namespaces', source: 'workload', reason: 'forbidden', detail: 'deployments.apps is forbidden: User "system:serviceaccount:rootcause:rootcause" cannot list resource "deployments"' }),
    wroteNothing: () => undefined,
  };
}

const clusters: [string, () => Promise<Harness>][] = [
  ['KubeCluster over the Kubernetes API fake', overKubeApi],
  ['MemoryCluster', inMemory],
];

async function collect(cluster: Cluster, target: TriageTarget): Promise<{ evidence: TriageEvidence; stages: ReadStage[] }> {
  const stages: ReadStage[] = [];
  const evidence = await cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS, onRead: (s) => void stages.push(s) });
  return { evidence, stages };
}

describe.each(clusters)('Cluster contract: %s', (_name, makeHarness) => {
  it('names the kubeconfig contexts, the current one first', async () => {
    const { cluster } = await makeHarness();
    expect(cluster.contexts()).toEqual(CONTEXTS);
  });

  it('finds a workload by name in every namespace, or in the one asked, sorted by namespace', async () => {
    const h = await makeHarness();
    h.addDeployment('payments', 'checkout');
    h.addDeployment('payments-staging', 'checkout');
    h.addDeployment('payments', 'checkout-worker');
    expect(await h.cluster.findWorkloads({ name: 'checkout' })).toEqual({
      found: [
        { kind: 'Deployment', namespace: 'payments', name: 'checkout' },
        { kind: 'Deployment', namespace: 'payments-staging', name: 'checkout' },
      ],
      nearNames: [],
      readFailures: [],
    });
    expect(await h.cluster.findWorkloads({ name: 'checkout', namespace: 'payments-staging' })).toEqual({ found: [{ kind: 'Deployment', namespace: 'payments-staging', name: 'checkout' }], nearNames: [], readFailures: [] });
    // A context asked for is carried in what was found.
    expect((await h.cluster.findWorkloads({ name: 'checkout-worker', context: 'staging' })).found).toEqual([{ kind: 'Deployment', namespace: 'payments', name: 'checkout-worker', context: 'staging' }]);
    h.wroteNothing();
  });

  it('offers near names when nothing is called that', async () => {
    const h = await makeHarness();
    h.addDeployment('payments', 'payment-service');
    h.addDeployment('search', 'search-api');
    const r = await h.cluster.findWorkloads({ name: 'payment-servce' });
    expect(r).toEqual({ found: [], nearNames: ['payment-service'], readFailures: [] });
  });

  it('finds by a catalog selector on the pod template, whatever the workload is called', async () => {
    const h = await makeHarness();
    h.addDeployment('payments', 'payments-api-v2', { labels: { app: 'payments-api', track: 'stable' } });
    h.addDeployment('payments', 'ledger', { labels: { app: 'ledger' } });
    const r = await h.cluster.findWorkloads({ name: 'payments', namespace: 'payments', selector: 'app=payments-api' });
    expect(r.found).toEqual([{ kind: 'Deployment', namespace: 'payments', name: 'payments-api-v2' }]);
    expect(r.readFailures).toEqual([]);
  });

  it('names what it could not search instead of answering "not found"', async () => {
    const h = await makeHarness();
    h.addDeployment('payments', 'payment-service');
    h.forbidDeploymentList();
    const r = await h.cluster.findWorkloads({ name: 'payment-service' });
    expect(r.found).toEqual([]);
    expect(r.nearNames).toEqual([]);
    expect(r.readFailures).toEqual([expect.objectContaining({ what: 'Deployments in all namespaces', source: 'workload', reason: 'forbidden' })]);
  });

  it('refuses a name that is not a Kubernetes name, and an unknown context, as usage errors', async () => {
    const { cluster } = await makeHarness();
    await expect(cluster.findWorkloads({ name: '../x' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(cluster.findWorkloads({ name: 'x', namespace: 'Bad_NS' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(cluster.findWorkloads({ name: 'x', context: 'nope' })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('"nope"') });
    await expect(collect(cluster, { service: 'x', namespace: 'payments', kind: 'Deployment', name: 'x', context: 'nope' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(collect(cluster, { service: 'x', namespace: 'payments', kind: 'Deployment', name: 'X!' })).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('reads the workload and its pods for the target asked, and says when each stage of reads is done', async () => {
    const h = await makeHarness();
    h.addDeployment('payments', 'payment-service', { pods: 3 });
    const target: TriageTarget = { service: 'payments', namespace: 'payments', kind: 'Deployment', name: 'payment-service' };
    const { evidence, stages } = await collect(h.cluster, target);
    expect(evidence.target).toEqual(target);
    expect(evidence.workload).toMatchObject({ kind: 'Deployment', namespace: 'payments', name: 'payment-service', readyReplicas: 3 });
    expect(evidence.pods.map((p) => p.name)).toEqual(podNames('payment-service', 3));
    expect(evidence.readFailures).toEqual([]);
    expect([...stages].sort()).toEqual([...READ_STAGES].sort());
    h.wroteNothing();
  });

  it('reads a workload that is not there as no workload, with the read named as not found', async () => {
    const h = await makeHarness();
    const { evidence } = await collect(h.cluster, { service: 'ghost', namespace: 'payments', kind: 'Deployment', name: 'ghost' });
    expect(evidence.workload).toBeNull();
    expect(evidence.pods).toEqual([]);
    expect(evidence.readFailures).toEqual([expect.objectContaining({ what: 'Deployment payments/ghost', source: 'workload', reason: 'not-found' })]);
  });
});
