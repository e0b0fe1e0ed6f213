/**
 * The fake Kubernetes API, seeded with a big namespace, in its own process so the
 * triage benchmark measures the bot's memory, not the fake's. Prints one JSON line
 * `{"kubeconfig": …}` when ready; then answers stdin commands: `latency <ms>`,
 * `reset` (request counter), `count` (prints `{"requests": n}`).
 */
import { createInterface } from 'node:readline';
import type * as k8s from '@kubernetes/client-node';
import { FakeKubeApi } from '../src/demo/fakes/fake-kube-api.js';
import { coreEvent, deployment, node, pod, replicaSet, runningStatus, oomLoopingStatus, container, at } from '../test/adapters/kubernetes/builders.js';

export const NAMESPACE = 'shop';
export const WORKLOAD = 'checkout';
const OTHER_PODS = Number(process.env.OTHER_PODS ?? 5000);
const EVENTS = Number(process.env.EVENTS ?? 50_000);
const OWN_PODS = 40;
const NODES = 50;

const fake = await FakeKubeApi.start({ historyLimit: 100 });
const labels = { app: WORKLOAD };
const image = 'registry.example.com/checkout:3.2.0';
const spec: k8s.V1Container = container({ image, memoryLimit: '512Mi' });
const dep = fake.add(deployment({ namespace: NAMESPACE, name: WORKLOAD, replicas: OWN_PODS, revision: 12, containers: [spec], labels }));
const owner = { name: WORKLOAD, uid: dep.metadata.uid, namespace: NAMESPACE };
fake.add(replicaSet({ owner, hash: 'aaa111', revision: 11, replicas: 0, containers: [container({ image: 'registry.example.com/checkout:3.1.9' })], createdAt: at(-600), labels }));
fake.add(replicaSet({ owner, hash: 'bbb222', revision: 12, replicas: OWN_PODS, containers: [spec], createdAt: at(-30), labels }));
for (let n = 0; n < NODES; n++) fake.add(node(`node-${n}`, { zone: `zone-${n % 3}` }));
for (let i = 0; i < OWN_PODS; i++) {
  const crashed = i % 13 === 0;
  const name = `${WORKLOAD}-bbb222-${String(i).padStart(5, '0')}`;
  fake.add(pod({ namespace: NAMESPACE, name, labels: { ...labels, 'pod-template-hash': 'bbb222' }, node: `node-${i % 5}`, containers: [spec], statuses: [crashed ? oomLoopingStatus('app', image, 4) : runningStatus('app', image)], ready: !crashed }));
  if (crashed) fake.setLogs(NAMESPACE, name, 'app', { previous: Array.from({ length: 300 }, (_, l) => `line ${l} of a crashing run`).join('\n') });
}
for (let i = 0; i < OTHER_PODS; i++) {
  const app = `svc-${i % 250}`;
  fake.add(pod({ namespace: NAMESPACE, name: `${app}-x-${i}`, labels: { app }, node: `node-${i % NODES}`, containers: [container({ image: `registry.example.com/${app}:1.0` })], statuses: [runningStatus('app', 'img')], ready: true }));
}
for (let i = 0; i < EVENTS; i++) {
  const ours = i % 250 === 0;
  const podName = ours ? `${WORKLOAD}-bbb222-${String(i % OWN_PODS).padStart(5, '0')}` : `svc-${i % 250}-x-${i % OTHER_PODS}`;
  fake.add(coreEvent({ namespace: NAMESPACE, object: { kind: 'Pod', name: podName, namespace: NAMESPACE }, reason: ours ? 'BackOff' : 'Pulled', message: ours ? 'Back-off restarting failed container' : 'Container image already present on machine', type: ours ? 'Warning' : 'Normal', first: at(-(i % 60)) }));
}

console.log(JSON.stringify({ kubeconfig: fake.kubeconfig().path, objects: 1 + 2 + NODES + OWN_PODS + OTHER_PODS + EVENTS }));
createInterface({ input: process.stdin }).on('line', (line) => {
  const [cmd, arg] = line.trim().split(/\s+/);
  if (cmd === 'latency') fake.latencyMs = Number(arg);
  else if (cmd === 'reset') fake.resetRequests();
  else if (cmd === 'count') console.log(JSON.stringify({ requests: fake.requestCount, writes: fake.writeAttempts.length }));
  else if (cmd === 'exit') process.exit(0);
});
