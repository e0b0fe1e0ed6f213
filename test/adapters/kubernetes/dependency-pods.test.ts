// A Service of the namespace that the workload's logs say refuses it now (a RabbitMQ blocking
// publishers): the adapter gets one ready pod behind it and reads its log tail, whose own words
// name the alarm. Nothing of that Service is read while the logs show no refusal, or once it cleared.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NODE_C, container, deploymentApp, exposed, nameOf, service, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'commerce';
const target = { service: 'order-events', namespace: NS, kind: 'Deployment' as const, name: 'order-events' };
const RABBIT_LOG = [
  "2026-11-21 01:26:00.000000+00:00 [warning] <0.228.0> memory resource limit alarm set on node 'rabbit@rabbitmq-0.rabbitmq-nodes.commerce'.",
  '2026-11-21 01:26:00.000000+00:00 [warning] <0.228.0> *** Publishers will be blocked until this alarm clears ***',
].join('\n');

/** order-events publishes to rabbitmq (3 pods behind one Service); its pods log `publishLog`. */
function cluster(publishLog: string, opts: { slices?: boolean } = {}) {
  const app = deploymentApp({
    namespace: NS,
    name: 'order-events',
    replicas: 2,
    revisions: [{ revision: 27, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/commerce/order-events:2.8.1', env: [{ name: 'AMQP_URL', value: 'amqp://order-events@rabbitmq.commerce.svc.cluster.local:5672/' }] })] } }],
    pods: [{ revision: 27, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 27, node: NODE_B, createdAgo: 3 * DAYS }],
  });
  const rabbit = statefulSetApp({
    namespace: NS,
    name: 'rabbitmq',
    replicas: 3,
    revisions: [{ revision: 5, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: 'rabbitmq:3.13.7-management', ports: [5672] })] } }],
    pods: [NODE_A, NODE_B, NODE_C].map((node, k) => ({ revision: 5, ordinal: k, node, createdAgo: 16 * DAYS })),
  });
  const ports = [{ name: 'amqp', port: 5672, targetPort: 5672 }];
  const svc = opts.slices === false ? [service({ namespace: NS, name: 'rabbitmq', selector: { app: 'rabbitmq' }, ports })] : exposed({ namespace: NS, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: rabbit.pods, ports, endpointPort: 5672 });
  for (const o of [...threeNodes(), ...app.objects, ...rabbit.objects, ...svc]) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: publishLog });
  const brokers = rabbit.pods.map(nameOf);
  for (const b of brokers) h.fake.setLogs(NS, b, 'rabbitmq', { current: `${RABBIT_LOG}\n` });
  return { brokers };
}

const BLOCKED = `${JSON.stringify({ level: 'WARN', msg: 'amqp connection blocked', reason: 'low on memory' })}\n${JSON.stringify({ level: 'ERROR', msg: 'publish failed', err: 'context deadline exceeded' })}\n`;

/** Reads of the broker's pods: gets and log tails by pod path. */
function brokerReads(brokers: readonly string[]) {
  const paths = brokers.map((b) => `/api/v1/namespaces/${NS}/pods/${b}`);
  return {
    gets: h.fake.requests.filter((r) => paths.includes(r.path)).map((r) => r.path),
    logs: h.fake.requests.filter((r) => paths.some((p) => r.path === `${p}/log`)).map((r) => r.path),
  };
}

describe('the pods of a Service the workload\'s logs say refuses it', () => {
  it('reads one ready pod of it and its log tail, and the broker\'s alarm is in the evidence', async () => {
    const { brokers } = cluster(BLOCKED);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    expect(ev.dependencyPods).toHaveLength(1);
    const [dep] = ev.dependencyPods ?? [];
    expect(dep?.service).toBe('rabbitmq');
    expect(brokers).toContain(dep?.pod.name);
    expect(dep?.logs.flatMap((l) => l.lines).join('\n')).toContain('Publishers will be blocked until this alarm clears');
    // One get and one log tail, of that one pod: not the Service's two other pods.
    const reads = brokerReads(brokers);
    expect(reads.gets).toEqual([`/api/v1/namespaces/${NS}/pods/${dep?.pod.name}`]);
    expect(reads.logs).toEqual([`/api/v1/namespaces/${NS}/pods/${dep?.pod.name}/log`]);
    const tail = h.fake.requests.find((r) => r.path.endsWith(`/pods/${dep?.pod.name}/log`))?.query;
    expect(tail?.['tailLines'] ?? tail?.['limitBytes']).toBeDefined();
  });

  it('falls back on a ready pod its selector matches when no EndpointSlice lists one', async () => {
    const { brokers } = cluster(BLOCKED, { slices: false });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const [dep] = ev.dependencyPods ?? [];
    expect(dep?.service).toBe('rabbitmq');
    expect(brokers).toContain(dep?.pod.name);
    expect(dep?.logs.flatMap((l) => l.lines).join('\n')).toContain('Publishers will be blocked until this alarm clears');
  });

  it('reads nothing of that Service while the logs show no refusal', async () => {
    const { brokers } = cluster(`${JSON.stringify({ level: 'INFO', msg: 'amqp connected' })}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyPods).toBeUndefined();
    expect(brokerReads(brokers)).toEqual({ gets: [], logs: [] });
  });

  it('reads nothing of that Service once the logs say the connection was unblocked', async () => {
    const { brokers } = cluster(`${BLOCKED}${JSON.stringify({ level: 'INFO', msg: 'amqp connection unblocked' })}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyPods).toBeUndefined();
    expect(brokerReads(brokers)).toEqual({ gets: [], logs: [] });
  });
});
