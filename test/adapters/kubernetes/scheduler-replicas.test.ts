// A Celery worker, as the adapter reads the namespace's schedulers: one list of its Deployments, and
// for one that runs a scheduler (Celery beat) at 2+ replicas, its events, its pods and two log tails.
// Nothing beyond the list for a lone beat.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'billing';
const target = { service: 'worker', namespace: NS, kind: 'Deployment' as const, name: 'worker' };
const env = [{ name: 'CELERY_BROKER_URL', value: 'redis://jobs-redis.billing.svc.cluster.local:6379/0' }];
const RECEIVED = '[2026-11-21 03:00:00,310: INFO/MainProcess] Task billing.tasks.send_invoices[0b6f7c1e-1d2a-4d44-9d51-5a0c7e3f1a01] received';
const SENDING = '[2026-11-21 03:00:00,001: INFO/MainProcess] Scheduler: Sending due task send-invoices (billing.tasks.send_invoices)';

function cluster(workerLog: string, beatReplicas: number) {
  const beat = deploymentApp({
    namespace: NS, name: 'beat', replicas: beatReplicas,
    revisions: [{ revision: 2, createdAgo: 9 * DAYS, template: { containers: [container({ name: 'beat', image: 'registry.example.com/billing:1.0', command: ['celery', '-A', 'billing', 'beat'], ports: [], env })] } }],
    pods: Array.from({ length: beatReplicas }, (_, k) => ({ revision: 2, node: k === 0 ? NODE_A : NODE_B, createdAgo: k === 0 ? 9 * DAYS : 40 })),
  });
  const worker = deploymentApp({
    namespace: NS, name: 'worker', replicas: 2,
    revisions: [{ revision: 7, createdAgo: 2 * DAYS, template: { containers: [container({ name: 'worker', image: 'registry.example.com/billing:1.0', command: ['celery', '-A', 'billing', 'worker'], ports: [], env })] } }],
    pods: [{ revision: 7, node: NODE_A, createdAgo: 2 * DAYS }, { revision: 7, node: NODE_B, createdAgo: 2 * DAYS }],
  });
  for (const x of [...threeNodes(), ...beat.objects, ...worker.objects]) h.fake.add(x);
  for (const p of worker.pods) h.fake.setLogs(NS, nameOf(p), 'worker', { current: workerLog });
  for (const p of beat.pods) h.fake.setLogs(NS, nameOf(p), 'beat', { current: `${SENDING}\n` });
}

const deploymentLists = () => h.fake.requests.filter((r) => r.path === `/apis/apps/v1/namespaces/${NS}/deployments`);

describe('the schedulers of a namespace whose workload executes queued tasks', () => {
  it('are read where one runs 2 replicas: its replicas, its pods\' logs, its broker', async () => {
    cluster(`${RECEIVED}\n`, 2);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const [s] = ev.schedulerReplicas ?? [];
    expect(s?.deployment).toBe('beat');
    expect(s?.replicas).toBe(2);
    expect(s?.command).toBe('celery -A billing beat');
    expect(s?.brokerEnv).toEqual(env);
    expect(s?.logs.map((l) => l.lines)).toEqual([[SENDING], [SENDING]]);
    expect(h.fake.requests.some((r) => /\/secrets/.test(r.path))).toBe(false);
  });

  it('stop at the list for a lone scheduler', async () => {
    cluster(`${RECEIVED}\n`, 1);
    const one = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(one.schedulerReplicas).toBeUndefined();
    expect(deploymentLists()).toHaveLength(1);
    expect(h.fake.requests.some((r) => r.path.includes('/pods/beat-'))).toBe(false);
  });
});
