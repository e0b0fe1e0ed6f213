// SQS tells the workload its queue does not exist: the adapter gets the ConfigMaps the container takes
// variables from (keeping only values that name a queue) and lists the namespace's Deployments once
// (bounded), keeping the other Deployments' literal env values that name a queue. No Secret is read;
// nothing of either while no pod logs the error.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, batchContainer, configMap, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'billing';
const target = { service: 'ledger-worker', namespace: NS, kind: 'Deployment' as const, name: 'ledger-worker' };
const SQS = 'https://sqs.ap-south-1.amazonaws.com/444455556666';
const MISSING = (i: number) => `2026-11-21 03:0${i}:10,000 ERROR ledger.consumer: poll failed: AWS.SimpleQueueService.NonExistentQueue: The specified queue does not exist for this wsdl version.`;

function cluster(log: string) {
  const worker = deploymentApp({
    namespace: NS, name: 'ledger-worker', replicas: 1,
    revisions: [{ revision: 9, createdAgo: 5 * DAYS, template: { containers: [batchContainer({
      image: 'registry.example.com/ledger-worker:1.4.0',
      envFrom: [{ configMapRef: { name: 'ledger-worker-env' } }, { secretRef: { name: 'ledger-worker-keys' } }],
    })] } }],
    pods: [{ revision: 9, node: NODE_A, createdAgo: 30 }],
  });
  const api = deploymentApp({
    namespace: NS, name: 'ledger-api', replicas: 1,
    revisions: [{ revision: 3, createdAgo: 20 * DAYS, template: { containers: [container({ image: 'registry.example.com/ledger-api:2.0.1', env: [{ name: 'POSTINGS_QUEUE_URL', value: `${SQS}/ledger-postings-live` }, { name: 'LOG_FORMAT', value: 'json' }] })] } }],
    pods: [{ revision: 3, node: NODE_B, createdAgo: 20 * DAYS }],
  });
  const cm = configMap({ namespace: NS, name: 'ledger-worker-env', createdAgo: 90 * DAYS, updatedAgo: 31, data: { POSTINGS_QUEUE_URL: `${SQS}/live-ledger-postings`, POLL_WAIT_SECONDS: '20', REGION_LABEL: 'south' } });
  for (const o of [...threeNodes(), ...worker.objects, ...api.objects, cm]) h.fake.add(o);
  for (const p of worker.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
}

const deploymentLists = () => h.fake.requests.filter((r) => r.path === `/apis/apps/v1/namespaces/${NS}/deployments`);
const configGets = () => h.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${NS}/configmaps/ledger-worker-env`);
const secretReads = () => h.fake.requests.filter((r) => r.path.includes('/secrets'));

describe('the queues of a workload SQS says has none', () => {
  it('keeps the queue URL its ConfigMap sets and the queues the other Deployments name, reading no Secret', async () => {
    cluster([0, 1, 2].map(MISSING).join('\n') + '\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.settingConfig).toEqual([{ mechanism: 'missing-queue', configMap: 'ledger-worker-env', key: 'POSTINGS_QUEUE_URL', via: 'envFrom', written: `POSTINGS_QUEUE_URL=${SQS}/live-ledger-postings` }]);
    expect(ev.queuePeers).toEqual([{ deployment: 'ledger-api', env: 'POSTINGS_QUEUE_URL', queue: 'ledger-postings-live', value: `${SQS}/ledger-postings-live` }]);
    expect(deploymentLists()).toHaveLength(1);
    expect(Number(deploymentLists()[0]?.query.limit)).toBeLessThanOrEqual(200);
    expect(secretReads()).toEqual([]);
  });

  it('reads neither while no pod logs the error', async () => {
    cluster('2026-11-21 03:01:10,000 INFO ledger.consumer: received 10 messages\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.queuePeers).toBeUndefined();
    expect(deploymentLists()).toEqual([]);
    expect(configGets()).toEqual([]);
  });
});
