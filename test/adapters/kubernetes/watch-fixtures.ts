// A small cluster for the cluster-event watcher tests: Deployment `payment` in `payments` with
// one ReplicaSet, one pod on node-a and an HPA; a neighbour Deployment's pod on node-b.
import * as k8s from '@kubernetes/client-node';
import type { FakeKubeApi, KubeObject } from '../../../src/demo/fakes/fake-kube-api.js';
import type { WatchTarget } from '../../../src/domain/timeline/cluster-events.js';
import { at, container, coreEvent, deployment, node, pod, replicaSet, runningStatus } from './builders.js';

export const NS = 'payments';
export const RS = 'payment-7c9d5f6b8';
export const POD = `${RS}-q2w3e`;
export const SINCE = at(-10).toISOString();

export function target(incidentId: string, extra: Partial<WatchTarget> = {}): WatchTarget {
  return { incidentId, namespace: NS, kind: 'Deployment', name: 'payment', since: SINCE, ...extra };
}

export interface Seeded {
  rsUid: string;
}

export function seedCluster(fake: FakeKubeApi): Seeded {
  const spec = container({ image: 'registry.example.com/payment:5.0.0' });
  const labels = { app: 'payment' };
  const dep = fake.add(deployment({ namespace: NS, name: 'payment', replicas: 1, revision: 5, containers: [spec], labels }));
  const rs = fake.add(
    replicaSet({ owner: { name: 'payment', uid: dep.metadata.uid, namespace: NS }, hash: '7c9d5f6b8', revision: 5, replicas: 1, containers: [spec], createdAt: at(-60), labels }),
  );
  fake.add(ownedPod(POD, 'node-a', rs.metadata.uid));
  fake.add(pod({ namespace: NS, name: 'other-5d4f9-abcde', labels: { app: 'other' }, node: 'node-b', containers: [spec], statuses: [runningStatus()], ready: true }));
  for (const n of ['node-a', 'node-b', 'node-c', 'node-d']) fake.add(node(n, { zone: 'zone-a' }));
  fake.add({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'payment-hpa', namespace: NS },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'payment' }, minReplicas: 1, maxReplicas: 5 },
  } satisfies k8s.V2HorizontalPodAutoscaler);
  return { rsUid: rs.metadata.uid };
}

export function ownedPod(name: string, nodeName: string, rsUid: string): k8s.V1Pod {
  const p = pod({ namespace: NS, name, labels: { app: 'payment', 'pod-template-hash': '7c9d5f6b8' }, node: nodeName, containers: [container({ image: 'img' })], statuses: [runningStatus()], ready: true });
  p.metadata = { ...p.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: RS, uid: rsUid, controller: true }] };
  return p;
}

/** An event about `kind/name` in the namespace (or a Node event, recorded in `default`). */
export function event(kind: string, name: string, reason: string, message: string, o: { count?: number; minutes?: number; type?: 'Normal' | 'Warning' } = {}): k8s.CoreV1Event {
  const isNode = kind === 'Node';
  return coreEvent({
    namespace: isNode ? 'default' : NS,
    object: isNode ? { kind, name } : { kind, name, namespace: NS },
    reason,
    message,
    count: o.count ?? 1,
    first: at(-5),
    last: at(o.minutes ?? -1),
    ...(o.type === undefined ? {} : { type: o.type }),
  });
}

/** The same Event with a higher count, as the API server records a repeat. */
export function repeat(fake: FakeKubeApi, e: KubeObject, count: number): KubeObject {
  return fake.upsert({ ...e, count, lastTimestamp: new Date(Date.parse(at(0).toISOString()) + count * 1000).toISOString() } as KubeObject);
}

export function loadKubeConfig(fake: FakeKubeApi): k8s.KubeConfig {
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(fake.kubeconfig().path);
  return kc;
}

/** Timeline text → count, for exact comparisons. */
export function countsByText(entries: { text: string; count?: number | undefined }[]): Record<string, number> {
  return Object.fromEntries(entries.map((e) => [e.text, e.count ?? 1]));
}
