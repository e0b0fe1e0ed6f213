/**
 * The fake Kubernetes API for the cluster-events benchmark, in its own process so the benchmark
 * measures the bot's memory, not the fake's. Seeds one Deployment (20 pods on 5 nodes), prints
 * `{"kubeconfig": …}`, then answers stdin commands:
 *   `watches`        → `{"watches": n}` (open watch streams)
 *   `emit N [MS]`    → emits N events (over MS milliseconds, or as fast as it can), then
 *                      `{"emitted": N, "ms": …}`. 60% are repeats of 20 events (count + 1 each),
 *                      40% new events about the workload's pods; every emission adds exactly 1
 *                      to the sum of the counts, so the bench knows when all were ingested.
 *   `count`          → `{"requests": n, "writes": n}`;  `exit`.
 */
import { createInterface } from 'node:readline';
import type * as k8s from '@kubernetes/client-node';
import { FakeKubeApi } from '../src/demo/fakes/fake-kube-api.js';
import type { KubeObject } from '../src/demo/fakes/fake-kube-api.js';
import { at, container, deployment, node, pod, replicaSet, runningStatus } from '../test/adapters/kubernetes/builders.js';

export const NAMESPACE = 'shop';
export const WORKLOAD = 'checkout';
const PODS = 20;
const REPEATED = 20;
const REASONS: [string, string, 'Normal' | 'Warning'][] = [
  ['BackOff', 'Back-off restarting failed container app in pod {pod}', 'Warning'],
  ['Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', 'Warning'],
  ['Unhealthy', 'Liveness probe failed: Get "http://10.0.{n}.7:8080/healthz": context deadline exceeded', 'Warning'],
  ['Killing', 'Container app failed liveness probe, will be restarted', 'Normal'],
  ['Pulled', 'Container image "registry.example.com/checkout:3.2.0" already present on machine', 'Normal'],
  ['Started', 'Started container app', 'Normal'],
  ['FailedScheduling', '0/{n} nodes are available: {n} Insufficient memory.', 'Warning'],
];

const fake = await FakeKubeApi.start({ historyLimit: 50_000 });
const labels = { app: WORKLOAD };
const spec = container({ image: 'registry.example.com/checkout:3.2.0' });
const dep = fake.add(deployment({ namespace: NAMESPACE, name: WORKLOAD, replicas: PODS, revision: 3, containers: [spec], labels }));
const rs = fake.add(replicaSet({ owner: { name: WORKLOAD, uid: dep.metadata.uid, namespace: NAMESPACE }, hash: 'bbb222', revision: 3, replicas: PODS, containers: [spec], createdAt: at(-30), labels }));
for (let n = 0; n < 5; n++) fake.add(node(`node-${n}`, { zone: 'zone-a' }));
const podNames: string[] = [];
for (let i = 0; i < PODS; i++) {
  const name = `${WORKLOAD}-bbb222-${String(i).padStart(5, '0')}`;
  podNames.push(name);
  const p: k8s.V1Pod = pod({ namespace: NAMESPACE, name, labels: { ...labels, 'pod-template-hash': 'bbb222' }, node: `node-${i % 5}`, containers: [spec], statuses: [runningStatus()], ready: true });
  p.metadata = { ...p.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true }] };
  fake.add(p);
}

let seq = 0;
const repeated: (KubeObject | undefined)[] = new Array(REPEATED).fill(undefined);

function newEvent(i: number): k8s.CoreV1Event {
  seq += 1;
  const podName = podNames[i % PODS] ?? '';
  const [reason, template, type] = REASONS[i % REASONS.length] ?? REASONS[0]!;
  const now = new Date();
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${podName}.${seq.toString(16).padStart(12, '0')}`, namespace: NAMESPACE },
    involvedObject: { kind: 'Pod', name: podName, namespace: NAMESPACE },
    reason,
    message: template.replaceAll('{pod}', podName).replaceAll('{n}', String(3 + (i % 9))),
    type,
    count: 1,
    firstTimestamp: now,
    lastTimestamp: now,
    source: { component: 'kubelet' },
  };
}

function emitOne(i: number): void {
  if (i % 5 < 3) {
    const slot = i % REPEATED;
    const e = repeated[slot];
    repeated[slot] = e === undefined ? fake.add(newEvent(slot)) : fake.upsert({ ...e, count: Number(e['count']) + 1, lastTimestamp: new Date().toISOString() } as KubeObject);
  } else {
    fake.add(newEvent(i));
  }
}

async function emit(n: number, overMs: number): Promise<void> {
  const start = performance.now();
  const chunk = overMs > 0 ? Math.max(1, Math.round(n / (overMs / 100))) : 250;
  for (let i = 0; i < n; i += chunk) {
    for (let j = i; j < Math.min(n, i + chunk); j++) emitOne(j);
    // Let the server write the streams; when paced, keep to the schedule.
    const due = overMs > 0 ? start + ((i + chunk) / n) * overMs - performance.now() : 0;
    await new Promise((r) => (due > 0 ? setTimeout(r, due) : setImmediate(r)));
  }
  console.log(JSON.stringify({ emitted: n, ms: performance.now() - start }));
}

console.log(JSON.stringify({ kubeconfig: fake.kubeconfig().path }));
createInterface({ input: process.stdin }).on('line', (line) => {
  const [cmd, a, b] = line.trim().split(/\s+/);
  if (cmd === 'watches') console.log(JSON.stringify({ watches: fake.openWatches }));
  else if (cmd === 'emit') void emit(Number(a), Number(b ?? 0));
  else if (cmd === 'count') console.log(JSON.stringify({ requests: fake.requestCount, writes: fake.writeAttempts.length }));
  else if (cmd === 'exit') process.exit(0);
});
