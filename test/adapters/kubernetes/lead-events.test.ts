// Events read only where the first evidence points: of the pods a ReplicaSet keeps replacing (gone,
// so no pod list shows them), and of the workload's LoadBalancer Services that have no address.
import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NOW, container, deploymentApp, event, exposed, node, replicaSetOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

// The kit's stories happen at its NOW: the bot's clock is set there, so "the last hour" is theirs.
const h = useHarness({ cluster: { now: () => NOW } });
const target = { service: 'ledger', namespace: 'books', kind: 'Deployment' as const, name: 'ledger' };

function app() {
  return deploymentApp({
    namespace: 'books',
    name: 'ledger',
    replicas: 2,
    revisions: [{ revision: 3, createdAgo: 5 * DAYS, template: { containers: [container({ image: 'registry.example.com/books/ledger:3.1.0' })] } }],
    pods: [{ revision: 3, node: threeNodes()[0]?.metadata?.name ?? '', createdAgo: 30 }, { revision: 3, node: threeNodes()[1]?.metadata?.name ?? '', createdAgo: 2 }],
  });
}

function eventQueries(kind: string): string[] {
  return h.fake.requests
    .filter((r) => r.path.endsWith('/events'))
    .map((r) => String(r.query['fieldSelector'] ?? ''))
    .filter((s) => s.startsWith(`involvedObject.kind=${kind},`));
}

describe('events of pods a ReplicaSet keeps replacing', () => {
  function cluster(gone: number) {
    const a = app();
    const rs = replicaSetOf(a, 3);
    const names = Array.from({ length: gone }, (_, i) => `ledger-gone-${i}`);
    return {
      names,
      objects: [
        ...threeNodes(), ...a.objects,
        ...names.flatMap((name, i) => [
          event({ on: rs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}`, firstAgo: 50 - 10 * i, lastAgo: 50 - 10 * i, component: 'replicaset-controller' }),
          event({ on: { kind: 'Pod', name, namespace: 'books' }, type: 'Normal', reason: 'EvictedByVPA', message: 'Pod was evicted by VPA Updater to apply resource recommendation.', firstAgo: 45 - 10 * i, lastAgo: 45 - 10 * i, component: 'vpa-updater' }),
        ]),
      ],
    };
  }

  it('reads the events of the newest three gone pods when the ReplicaSet replaced two or more in the last hour', async () => {
    const c = cluster(4);
    for (const o of c.objects) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(eventQueries('Pod').filter((q) => q.includes('ledger-gone'))).toEqual(['ledger-gone-3', 'ledger-gone-2', 'ledger-gone-1'].map((n) => `involvedObject.kind=Pod,involvedObject.name=${n}`));
    expect(ev.events.filter((e) => e.reason === 'EvictedByVPA').map((e) => e.object.name).sort()).toEqual(['ledger-gone-1', 'ledger-gone-2', 'ledger-gone-3']);
  });

  it('reads none for a single replacement (a pod deleted once)', async () => {
    const c = cluster(1);
    for (const o of c.objects) h.fake.add(o);
    await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(eventQueries('Pod').filter((q) => q.includes('ledger-gone'))).toEqual([]);
  });
});

describe('events of the workload\'s LoadBalancer Services with no address', () => {
  function cluster(address: boolean) {
    const a = app();
    const [svc, slice] = exposed({ namespace: 'books', name: 'ledger-edge', selector: { app: 'ledger' }, pods: a.pods, type: 'LoadBalancer', createdAgo: 40 });
    if (address) (svc as k8s.V1Service).status = { loadBalancer: { ingress: [{ hostname: 'a1b2c3.elb.example.com' }] } };
    const failed = event({ on: svc as k8s.V1Service, reason: 'SyncLoadBalancerFailed', message: 'Error syncing load balancer: failed to ensure load balancer: quota exceeded', count: 9, firstAgo: 40, lastAgo: 3, component: 'service-controller' });
    return [...threeNodes(), ...a.objects, svc, slice, failed] as k8s.KubernetesObject[];
  }

  it('reads the events of a pending one and keeps its (empty) ingress and creation time', async () => {
    for (const o of cluster(false)) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(eventQueries('Service')).toEqual(['involvedObject.kind=Service,involvedObject.name=ledger-edge']);
    expect(ev.events.find((e) => e.reason === 'SyncLoadBalancerFailed')?.object.name).toBe('ledger-edge');
    const svc = ev.services.find((s) => s.name === 'ledger-edge');
    expect(svc?.loadBalancerIngress).toEqual([]);
    expect(svc?.createdAt).toMatch(/^\d{4}-/);
  });

  it('reads none for one the cloud gave an address', async () => {
    for (const o of cluster(true)) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(eventQueries('Service')).toEqual([]);
    expect(ev.services.find((s) => s.name === 'ledger-edge')?.loadBalancerIngress).toEqual(['a1b2c3.elb.example.com']);
  });
});

describe('events of nodes a live pod had to leave', () => {
  const gone = 'ip-10-0-65-9.eu-west-1.compute.internal';
  function cluster(moved: boolean) {
    const a = app();
    const [, second] = a.pods;
    const onPod = { kind: 'Pod', name: second?.metadata?.name ?? '', namespace: 'books' };
    return [
      ...threeNodes(), ...a.objects,
      ...(moved ? [event({ on: onPod, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned books/${onPod.name} to ${gone}`, firstAgo: 40, lastAgo: 40, component: 'default-scheduler' })] : []),
      event({ on: onPod, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned books/${onPod.name} to ${second?.spec?.nodeName ?? ''}`, firstAgo: 2, lastAgo: 2, component: 'default-scheduler' }),
      event({ on: { kind: 'Node', name: gone }, type: 'Warning', reason: 'SpotInterrupted', message: 'Spot interruption warning was triggered', firstAgo: 5, lastAgo: 5, component: 'karpenter' }),
    ] as k8s.KubernetesObject[];
  }

  it('reads the events of the node the pod was placed on before, and keeps its spot interruption', async () => {
    for (const o of cluster(true)) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(eventQueries('Node')).toContain(`involvedObject.kind=Node,involvedObject.name=${gone}`);
    expect(ev.events.find((e) => e.reason === 'SpotInterrupted')?.object.name).toBe(gone);
  });

  it('reads none when every pod runs where it was placed', async () => {
    for (const o of cluster(false)) h.fake.add(o);
    await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(eventQueries('Node').filter((q) => q.includes(gone))).toEqual([]);
  });
});

describe('events of nodes whose own state keeps the pending pods out', () => {
  const fresh = 'ip-10-0-9-77.eu-west-1.compute.internal';
  function cluster(tainted: boolean) {
    const msg = '0/4 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/network-unavailable: }, 3 Insufficient cpu.';
    const a = deploymentApp({
      namespace: 'books',
      name: 'ledger',
      replicas: 2,
      revisions: [{ revision: 3, createdAgo: 5 * DAYS, template: { containers: [container({ image: 'registry.example.com/books/ledger:3.1.0' })] } }],
      pods: [{ revision: 3, node: threeNodes()[0]?.metadata?.name ?? '', createdAgo: 30 }, { revision: 3, node: null, createdAgo: 20, unschedulable: msg, containers: {} }],
    });
    const n = node({ name: fresh, createdAgo: 18, readySince: 17, ...(tainted ? { pressure: { network: 17 }, taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }] } : {}) });
    return [
      ...threeNodes(), n, ...a.objects,
      event({ on: { kind: 'Node', name: fresh }, reason: 'FailedToCreateRoute', message: `Could not create route x 10.60.7.0/24 for node ${fresh} after 1.2s: googleapi: Error 403: Quota 'ROUTES' exceeded.  Limit: 250.0 globally., quotaExceeded`, count: 40, firstAgo: 17, lastAgo: 0.5, component: 'route_controller' }),
    ] as k8s.KubernetesObject[];
  }

  it('reads the events of a node kept unfit by its network-unavailable taint, and keeps the route controller\'s error', async () => {
    for (const o of cluster(true)) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(eventQueries('Node')).toContain(`involvedObject.kind=Node,involvedObject.name=${fresh}`);
    expect(ev.events.find((e) => e.reason === 'FailedToCreateRoute')?.object.name).toBe(fresh);
  });

  it('reads none for an untainted node that hosts none of the pods', async () => {
    for (const o of cluster(false)) h.fake.add(o);
    await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(eventQueries('Node').filter((q) => q.includes(fresh))).toEqual([]);
  });
});
