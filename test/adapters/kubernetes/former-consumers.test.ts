// A worker that reads a Redis stream through a consumer group under its pods' names: the adapter
// lists the namespace's pods and reads the log tail of a pod of another workload, keeping only the
// lines naming a consumer of the worker's former pods. A worker with a fixed consumer name reads
// no other workload's log.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'billing';
const target = { service: 'settler', namespace: NS, kind: 'Deployment' as const, name: 'settler' };
const GONE = 'settler-6c8b5d9f47-2qkzt';

function cluster(consumer: { name: string; value?: string; valueFrom?: { fieldRef: { fieldPath: string } } }) {
  const worker = deploymentApp({
    namespace: NS,
    name: 'settler',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 5 * 60, template: { containers: [container({ image: 'registry.example.com/settler:1.4.0', ports: [9464], env: [{ name: 'STREAM_KEY', value: 'payments:captured' }, { name: 'CONSUMER_GROUP', value: 'settlement' }, consumer] })] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 5 * 60 }],
  });
  const api = deploymentApp({
    namespace: NS,
    name: 'billing-api',
    replicas: 1,
    revisions: [{ revision: 9, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/billing-api:2.1.0', ports: [8080] })] } }],
    pods: [{ revision: 9, node: NODE_B, createdAgo: 9 * DAYS }],
  });
  for (const o of [...threeNodes(), ...worker.objects, ...api.objects]) h.fake.add(o);
  const own = worker.pods[0];
  if (own !== undefined) h.fake.setLogs(NS, nameOf(own), 'app', { current: `INFO consuming payments:captured as group=settlement consumer=${consumer.value ?? nameOf(own)} (XREADGROUP >)\n` });
  const other = api.pods[0];
  if (other !== undefined) h.fake.setLogs(NS, nameOf(other), 'app', { current: ['GET /v1/payments 200', `WARN payment still pending past SLA pending_consumer=${GONE} idle_ms=14400000`].join('\n') + '\n' });
  return { other };
}

const apiLogReads = () => h.fake.requests.filter((r) => r.path.endsWith('/log') && r.path.includes('/billing-api-'));

describe('what other workloads log about the consumers of a worker\'s former pods', () => {
  it('keeps the lines naming a consumer of a pod that is gone', async () => {
    const { other } = cluster({ name: 'CONSUMER_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.formerConsumerLines).toEqual([{ pod: nameOf(other), owner: 'Deployment billing-api', container: 'app', lines: [`WARN payment still pending past SLA pending_consumer=${GONE} idle_ms=14400000`] }]);
    expect(apiLogReads()).toHaveLength(1);
  });

  it('reads no other log when the consumer name is fixed', async () => {
    cluster({ name: 'CONSUMER_NAME', value: 'settler' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.formerConsumerLines).toBeUndefined();
    expect(apiLogReads()).toEqual([]);
  });
});
