// Redis calls of an unchanged workload time out with nothing of its own holding Redis, and another
// Deployment whose env names the same Redis rolled out just before: the namespace's rollouts are
// listed, then that revision's pods (by its pod-template-hash) and one running pod's log tail are
// read, so the verdict can quote what it runs against Redis. Nothing of the sort while the logs show
// no Redis timeouts.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, at, container, deploymentApp, nameOf, exposed, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'shop';
const target = { service: 'basket', namespace: NS, kind: 'Deployment' as const, name: 'basket' };
const timeout = (m: number) => `${at(m)} ERROR get basket failed: redis: read tcp 10.1.0.7:50412->10.2.0.9:6379: i/o timeout`;

function cluster(appLog: string) {
  const redisEnv = [{ name: 'REDIS_ADDR', value: 'cache-redis:6379' }];
  const app = deploymentApp({
    namespace: NS,
    name: 'basket',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 12 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/basket:2.0.1', env: redisEnv })] } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 12 * DAYS }],
  });
  const other = deploymentApp({
    namespace: NS,
    name: 'offers',
    replicas: 1,
    revisions: [
      { revision: 6, createdAgo: 20 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/offers:1.1.0', env: redisEnv })] } },
      { revision: 7, createdAgo: 25, template: { containers: [container({ image: 'registry.example.com/shop/offers:1.2.0', env: redisEnv })] } },
    ],
    pods: [{ revision: 7, node: NODE_B, createdAgo: 24 }],
  });
  const redis = deploymentApp({
    namespace: NS,
    name: 'cache-redis',
    replicas: 1,
    revisions: [{ revision: 1, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'redis', image: 'redis:7.2.4', ports: [6379] })] } }],
    pods: [{ revision: 1, node: NODE_B, createdAgo: 60 * DAYS }],
  });
  const svc = exposed({ namespace: NS, name: 'cache-redis', selector: { app: 'cache-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 });
  for (const o of [...threeNodes(), ...app.objects, ...other.objects, ...redis.objects, ...svc]) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: appLog });
  for (const p of other.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${at(3)} INFO rebuilding offer index: KEYS offer:* returned 4100000 keys in 6.8s\n` });
}

const podListsByHash = () => h.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${NS}/pods` && (r.query.labelSelector ?? '').startsWith('pod-template-hash='));

describe('the log of another client of a Redis whose calls time out', () => {
  it('lists that revision\'s pods once and reads one pod\'s log tail', async () => {
    cluster(`${timeout(9)}\n${timeout(6)}\n${timeout(4)}\n${timeout(2)}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(podListsByHash()).toHaveLength(1);
    expect(ev.redisClientLogs?.some((l) => l.lines.some((x) => x.includes('KEYS offer:*')))).toBe(true);
  });

  it('reads nothing of it while the logs show no Redis timeouts', async () => {
    cluster(`${at(2)} INFO GET /basket/1 200 4ms\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(podListsByHash()).toEqual([]);
    expect(ev.redisClientLogs ?? []).toEqual([]);
  });
});
