// The claims of a clustered dependency's members and their StatefulSet's retention policy, read only
// when one member is far younger than its siblings (it may have come back on a new, empty claim).
import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, boundClaim, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'shop';
const CACHE = 'cache';
const DOWN = 'ReplyError: CLUSTERDOWN The cluster is down';
const target = { service: 'cart', namespace: NS, kind: 'Deployment' as const, name: 'cart' };

function cluster(youngAgo: number) {
  const redis = statefulSetApp({
    namespace: CACHE,
    name: 'cart-redis',
    replicas: 3,
    revisions: [{ revision: 2, createdAgo: 140 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/bitnami/redis-cluster:7.2.5', ports: [6379], volumeMounts: [{ name: 'data', mountPath: '/data' }] })] } }],
    pods: [
      { revision: 2, ordinal: 0, node: NODE_A, createdAgo: 30 * DAYS },
      { revision: 2, ordinal: 1, node: NODE_B, createdAgo: 30 * DAYS },
      { revision: 2, ordinal: 2, node: NODE_B, createdAgo: youngAgo },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi', storageClass: 'gp3' }],
  });
  const sts = redis.objects[0] as k8s.V1StatefulSet;
  (sts.spec as k8s.V1StatefulSetSpec).persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Retain', whenScaled: 'Delete' };
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: CACHE, name: `data-cart-redis-${i}`, storage: '10Gi', zone: 'eu-west-1a', createdAgo: i === 2 ? youngAgo : 140 * DAYS, storageClass: 'gp3' }));
  const app = deploymentApp({
    namespace: NS,
    name: 'cart',
    replicas: 2,
    revisions: [{ revision: 5, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/cart:5.0.1', env: [{ name: 'REDIS_CLUSTER_NODES', value: 'cart-redis.cache.svc.cluster.local:6379' }] })] } }],
    pods: [{ revision: 5, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 5, node: NODE_B, createdAgo: 3 * DAYS }],
  });
  const objects = [
    ...threeNodes(), ...app.objects, ...redis.objects, ...claims,
    ...exposed({ namespace: CACHE, name: 'cart-redis', selector: { app: 'cart-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
  ];
  for (const x of objects) h.fake.add(x);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: `${DOWN}\n${DOWN}\n` });
}

const claimReads = () => h.fake.requests.filter((r) => r.path.startsWith(`/api/v1/namespaces/${CACHE}/persistentvolumeclaims/`) || r.path.startsWith(`/apis/apps/v1/namespaces/${CACHE}/statefulsets/`));

describe('the claims of a clustered dependency whose member is far younger than its siblings', () => {
  it('reads its StatefulSet (the retention policy) and the members\' claims', async () => {
    cluster(41);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const mc = ev.dependencyMembers?.[0]?.memberClaims;
    expect(mc?.statefulSet).toBe('cart-redis');
    expect(mc?.whenScaled).toBe('Delete');
    expect(mc?.claims.map((c) => c.name).sort()).toEqual(['data-cart-redis-0', 'data-cart-redis-1', 'data-cart-redis-2']);
    expect(claimReads().length).toBeLessThanOrEqual(6);
  });

  it('reads none of it while the members are of an age', async () => {
    cluster(30 * DAYS);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyMembers?.[0]?.memberClaims).toBeUndefined();
    expect(claimReads()).toEqual([]);
  });
});
