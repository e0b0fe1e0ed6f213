// A consumer whose logs show messages it cannot take (Celery's unregistered task, Kafka's "Unknown
// magic byte!"): the adapter lists the namespace's ReplicaSets once (bounded) so the verdict can name
// the other Deployment that rolled out just before. Nothing of the namespace's rollouts is read otherwise.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, container, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'billing';
const target = { service: 'billing-worker', namespace: NS, kind: 'Deployment' as const, name: 'billing-worker' };
const stamp = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString().replace('T', ' ').replace('Z', '').replace('.', ',');
const unregistered = (m: number) => `[${stamp(m)}: ERROR/MainProcess] Received unregistered task of type 'billing.tasks.render_pdf'.`;
const image = (v: string) => `registry.example.com/billing:${v}`;

function cluster(log: string, workerSpec: { command?: string[]; args?: string[] } = {}) {
  const worker = deploymentApp({
    namespace: NS, name: 'billing-worker', replicas: 2,
    revisions: [{ revision: 41, createdAgo: 9 * DAYS, template: { containers: [container({ image: image('2.18.3'), ...workerSpec })] } }],
    pods: [{ revision: 41, node: NODE_A, createdAgo: 9 * DAYS }, { revision: 41, node: NODE_B, createdAgo: 9 * DAYS }],
  });
  const web = deploymentApp({
    namespace: NS, name: 'billing-web', replicas: 2,
    revisions: [
      { revision: 56, createdAgo: 20 * DAYS, template: { containers: [container({ image: image('2.18.1') })] } },
      { revision: 57, createdAgo: 9 * DAYS, template: { containers: [container({ image: image('2.18.3') })] } },
      { revision: 58, createdAgo: 38, template: { containers: [container({ image: image('2.19.0') })] } },
    ],
    pods: [{ revision: 58, node: NODE_A, createdAgo: 37 }],
  });
  const beat = deploymentApp({
    namespace: NS, name: 'billing-beat', replicas: 1,
    revisions: [{ revision: 12, createdAgo: 9 * DAYS, template: { containers: [container({ image: image('2.18.3') })] } }],
    pods: [{ revision: 12, node: NODE_B, createdAgo: 9 * DAYS }],
  });
  for (const o of [...threeNodes(), ...worker.objects, ...web.objects, ...beat.objects]) h.fake.add(o);
  for (const p of worker.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
}

const namespaceLists = () => h.fake.requests.filter((r) => r.path === `/apis/apps/v1/namespaces/${NS}/replicasets` && r.query.labelSelector === undefined);

describe('the rollouts of the namespace, when the workload cannot take the messages it is sent', () => {
  it('lists the namespace\'s ReplicaSets once, bounded, and keeps the newest two revisions of the others that rolled out lately', async () => {
    cluster([30, 20, 10, 2].map(unregistered).join('\n') + '\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.namespaceRollouts?.map((r) => [r.deployment, r.revisions.map((x) => x.revision)])).toEqual([['billing-web', [58, 57]]]);
    expect(ev.namespaceRollouts?.[0]?.revisions[0]?.containers[0]?.image).toBe(image('2.19.0'));
    expect(namespaceLists()).toHaveLength(1);
    expect(Number(namespaceLists()[0]?.query.limit)).toBeLessThanOrEqual(300);
  });

  it('reads nothing of the namespace\'s rollouts when the logs show no message it cannot take', async () => {
    cluster(`[${stamp(2)}: INFO/MainProcess] Task billing.tasks.capture succeeded in 0.4s: None\n`);
    expect((await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS })).namespaceRollouts).toBeUndefined();
    expect(namespaceLists()).toEqual([]);
  });

  it('lists them too for a job worker that lists its queues, quiet logs or not: a producer may have set a queue it does not list', async () => {
    cluster(`[${stamp(2)}: INFO/MainProcess] Task billing.tasks.capture succeeded in 0.4s: None\n`, { command: ['celery', '-A', 'billing', 'worker', '-Q', 'billing'] });
    expect((await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS })).namespaceRollouts?.map((r) => r.deployment)).toEqual(['billing-web']);
    expect(namespaceLists()).toHaveLength(1);
  });
});

describe('the rollouts of the namespace, when the workload refuses request bodies over its own limit', () => {
  const iso = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
  const tooLarge = (m: number) => `${iso(m)} ERROR PayloadTooLargeError: request entity too large\n    at readStream (/srv/node_modules/raw-body/index.js:163:17) {\n  limit: 102400,\n  type: 'entity.too.large'\n}`;

  it('lists the namespace\'s ReplicaSets once, for the caller that rolled out before the refusals', async () => {
    cluster([30, 20].map(tooLarge).join('\n') + '\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.namespaceRollouts?.map((r) => r.deployment)).toEqual(['billing-web']);
    expect(namespaceLists()).toHaveLength(1);
  });

  it('reads nothing of them for two refusals (one in each pod)', async () => {
    cluster([2].map(tooLarge).join('\n') + '\n');
    expect((await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS })).namespaceRollouts).toBeUndefined();
    expect(namespaceLists()).toEqual([]);
  });
});
