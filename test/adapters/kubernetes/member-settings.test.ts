// A Redis master that refuses writes for want of its replicas (NOREPLICAS), as the adapter reads it:
// its Service selects the master alone, so the pods are listed by that selector without its role
// label (the replicas with it), and the ConfigMap of its config (not its scripts) is read for
// min-replicas-to-write. Never a Secret.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NOW, configMap, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'shop';
const REFUSED = 'ReplyError: NOREPLICAS Not enough good replicas to write.';
const UNSCHED = '0/3 nodes are available: 1 Insufficient memory, 2 node(s) had volume node affinity conflict.';
const target = { service: 'cart', namespace: NS, kind: 'Deployment' as const, name: 'cart' };

function cluster() {
  const tpl = { containers: [container({ name: 'redis', image: 'docker.io/bitnami/redis:7.4.1', ports: [6379] })], volumes: [{ name: 'scripts', configMap: { name: 'cart-redis-scripts' } }, { name: 'config', configMap: { name: 'cart-redis-configuration' } }] };
  const set = (role: string) => ({ 'app.kubernetes.io/instance': 'cart-redis', 'app.kubernetes.io/component': role });
  const master = statefulSetApp({ namespace: NS, name: 'cart-redis-master', replicas: 1, selector: set('master'), revisions: [{ revision: 1, createdAgo: 40 * DAYS, template: tpl }], pods: [{ revision: 1, ordinal: 0, node: NODE_A, createdAgo: 20 * DAYS }] });
  const replicas = statefulSetApp({ namespace: NS, name: 'cart-redis-replicas', replicas: 1, selector: set('replica'), revisions: [{ revision: 1, createdAgo: 40 * DAYS, template: tpl }], pods: [{ revision: 1, ordinal: 0, node: null, createdAgo: 30, unschedulable: UNSCHED }] });
  const app = deploymentApp({
    namespace: NS, name: 'cart', replicas: 2,
    revisions: [{ revision: 5, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/cart:5.0.1', env: [{ name: 'REDIS_URL', value: 'redis://cart-redis-master.shop.svc.cluster.local:6379' }] })] } }],
    pods: [{ revision: 5, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 5, node: NODE_A, createdAgo: 3 * DAYS }],
  });
  const objects = [
    ...threeNodes(), ...app.objects, ...master.objects, ...replicas.objects,
    ...exposed({ namespace: NS, name: 'cart-redis-master', selector: set('master'), pods: master.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
    configMap({ namespace: NS, name: 'cart-redis-scripts', createdAgo: 40 * DAYS, data: { 'start.sh': '#!/bin/bash\nexec redis-server' } }),
    configMap({ namespace: NS, name: 'cart-redis-configuration', createdAgo: 40 * DAYS, data: { 'master.conf': 'dir /data\nmin-replicas-to-write 1\nmin-replicas-max-lag 10\n' } }),
  ];
  for (const x of objects) h.fake.add(x);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${REFUSED}\n${REFUSED}\n` });
}

describe('the replicas of a Redis master that refuses writes for want of them', () => {
  it('lists the master\'s whole set and reads min-replicas-to-write from its config ConfigMap', async () => {
    cluster();
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const [m] = ev.dependencyMembers ?? [];
    expect(m?.service).toBe('cart-redis-master');
    expect(m?.pods.map((p) => p.name).sort()).toEqual(['cart-redis-master-0', 'cart-redis-replicas-0']);
    expect(m?.config).toEqual(expect.arrayContaining([{ configMap: 'cart-redis-configuration', key: 'master.conf', setting: 'min-replicas-to-write', value: '1' }]));
    expect(h.fake.requests.some((r) => /\/secrets/.test(r.path))).toBe(false);
  });
});
