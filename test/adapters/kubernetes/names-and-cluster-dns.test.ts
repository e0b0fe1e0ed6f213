// A short name that does not resolve: one cluster-wide list of Services by that name finds where it
// went. Lookups that time out while every DNS pod is ready: the DNS Deployment's events and
// kube-system's ConfigMaps. Neither is read when the logs do not call for it.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, configMap, container, deploymentApp, exposed, nameOf, rsOf, running, scaledReplicaSet, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'shop';
const target = { service: 'session-api', namespace: NS, kind: 'Deployment' as const, name: 'session-api' };

function cluster(log: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'session-api',
    replicas: 2,
    revisions: [{ revision: 22, createdAgo: 12 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/session-api:7.4.1' })] } }],
    pods: [NODE_A, NODE_B].map((node) => ({ revision: 22, node, createdAgo: 12 * DAYS, containers: { app: running({ sinceAgo: 12 * DAYS, ready: false }) } })),
  });
  const redis = statefulSetApp({
    namespace: 'cache', name: 'redis', replicas: 1,
    revisions: [{ revision: 1, createdAgo: 70, template: { containers: [container({ name: 'redis', image: 'redis:7.4.1', ports: [6379] })] } }],
    pods: [{ revision: 1, ordinal: 0, node: NODE_A, createdAgo: 69 }],
  });
  const dns = deploymentApp({
    namespace: 'kube-system', name: 'coredns', replicas: 1, selector: { 'k8s-app': 'kube-dns' },
    revisions: [{ revision: 5, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'coredns', image: 'coredns:1.11.3', cpu: '100m', cpuLimit: '100m' })] } }],
    pods: [{ revision: 5, node: NODE_B, createdAgo: 40 * DAYS }],
  });
  const objects = [
    ...threeNodes(), ...app.objects, ...redis.objects, ...dns.objects,
    ...exposed({ namespace: 'cache', name: 'redis', selector: { app: 'redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
    scaledReplicaSet(dns.objects[0] ?? {}, rsOf(dns, 5), 1, 2, 120),
    configMap({ namespace: 'kube-system', name: 'coredns-autoscaler', createdAgo: 200 * DAYS, updatedAgo: 122, data: { linear: '{"min":1}' } }),
  ];
  for (const o of objects) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
}

const servicesByName = () => h.fake.requests.filter((r) => r.path === '/api/v1/services').map((r) => r.query['fieldSelector']);
const dnsCapacityReads = () => h.fake.requests.filter((r) => r.path === '/api/v1/namespaces/kube-system/configmaps' || (r.path === '/api/v1/namespaces/kube-system/events' && (r.query['fieldSelector'] ?? '').includes('Deployment')));

describe('where a short name that does not resolve went', () => {
  it('lists Services of that name across namespaces, once, and finds the one in another namespace', async () => {
    cluster('[ioredis] Unhandled error event: Error: getaddrinfo ENOTFOUND redis\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(servicesByName()).toEqual(['metadata.name=redis']);
    expect(ev.servicesElsewhere?.map((s) => `${s.namespace}/${s.service.name}`)).toEqual(['cache/redis']);
    expect(dnsCapacityReads()).toEqual([]);
  });

  it('reads neither while the logs show no failed lookup', async () => {
    cluster('{"msg":"GET /v1/session 200"}\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(servicesByName()).toEqual([]);
    expect(dnsCapacityReads()).toEqual([]);
    expect(ev.servicesElsewhere).toBeUndefined();
    expect(ev.dns?.capacity).toBeUndefined();
  });
});

describe('what left a ready cluster DNS short', () => {
  it('reads the DNS Deployment\'s scaling events and kube-system\'s ConfigMaps when lookups time out', async () => {
    cluster('redis.exceptions.ConnectionError: Error -3 connecting to notify-redis.shop.svc.cluster.local:6379. Temporary failure in name resolution.\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(dnsCapacityReads()).toHaveLength(2);
    expect(ev.dns?.capacity?.deployment).toBe('coredns');
    expect(ev.dns?.capacity?.events.map((e) => e.message)).toEqual([expect.stringContaining('from 2 to 1')]);
    expect(ev.dns?.capacity?.configMaps.map((c) => c.name)).toContain('coredns-autoscaler');
  });
});
