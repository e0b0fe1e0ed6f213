// Two leads that each need the namespace's Deployments — lookups stalled at the resolver timeout
// (resolver peers) and a workload executing queued tasks (schedulers) — share one list of them.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'billing';
const target = { service: 'worker', namespace: NS, kind: 'Deployment' as const, name: 'worker' };
const env = [{ name: 'CELERY_BROKER_URL', value: 'redis://jobs-redis.billing.svc.cluster.local:6379/0' }];
const RECEIVED = '[2026-11-21 03:00:00,310: INFO/MainProcess] Task billing.tasks.send_invoices[0b6f7c1e-1d2a-4d44-9d51-5a0c7e3f1a01] received';
const timed = (dnsMs: readonly number[]): string =>
  dnsMs.map((ms, i) => `level=info msg="vendor call" host=feed${i % 3}.vendor.example status=200 dns_ms=${ms} connect_ms=11`).join('\n');

describe('the namespace\'s Deployments, needed by two leads of one triage', () => {
  it('are listed once and serve both', async () => {
    const beat = deploymentApp({
      namespace: NS, name: 'beat', replicas: 2,
      revisions: [{ revision: 2, createdAgo: 9 * DAYS, template: { containers: [container({ name: 'beat', image: 'registry.example.com/billing:1.0', command: ['celery', '-A', 'billing', 'beat'], ports: [], env })] } }],
      pods: [{ revision: 2, node: NODE_A, createdAgo: 9 * DAYS }, { revision: 2, node: NODE_B, createdAgo: 40 }],
    });
    const worker = deploymentApp({
      namespace: NS, name: 'worker', replicas: 2,
      revisions: [{ revision: 7, createdAgo: 2 * DAYS, template: { containers: [container({ name: 'worker', image: 'registry.example.com/billing:1.0', command: ['celery', '-A', 'billing', 'worker'], ports: [], env })] } }],
      pods: [{ revision: 7, node: NODE_A, createdAgo: 2 * DAYS }, { revision: 7, node: NODE_B, createdAgo: 2 * DAYS }],
    });
    // The scheduler's pods also set a resolver option: what the resolver-peers lead keeps.
    for (const o of beat.objects as { kind?: string; spec?: { template?: { spec?: object } } }[]) {
      const t = o.kind === 'Deployment' || o.kind === 'ReplicaSet' ? o.spec?.template : undefined;
      if (t?.spec) t.spec = { ...t.spec, dnsConfig: { options: [{ name: 'single-request-reopen' }] } };
    }
    for (const x of [...threeNodes(), ...beat.objects, ...worker.objects]) h.fake.add(x);
    const log = `${RECEIVED}\n${timed([2, 3, 5004, 1, 2, 5009, 4, 2, 3, 5006, 2, 1])}\n`;
    for (const p of worker.pods) h.fake.setLogs(NS, nameOf(p), 'worker', { current: log });
    for (const p of beat.pods) h.fake.setLogs(NS, nameOf(p), 'beat', { current: '' });

    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.schedulerReplicas?.[0]?.deployment).toBe('beat');
    expect(ev.resolverPeers).toEqual([{ deployment: 'beat', options: ['single-request-reopen'] }]);
    expect(h.fake.requests.filter((r) => r.path === `/apis/apps/v1/namespaces/${NS}/deployments`)).toHaveLength(1);
  });
});
