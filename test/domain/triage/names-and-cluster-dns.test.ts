// Names that lead nowhere and the cluster DNS itself: a short name whose Service moved to another
// namespace, a headless discovery Service that publishes no address of not-ready peers, and a
// ready cluster DNS that is too small (one replica, a CPU limit, a scale-down).
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { pickShortNamesElsewhere } from '../../../src/domain/triage/service-elsewhere.js';
import { needsDnsCapacity } from '../../../src/domain/triage/dns-capacity.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, event, minutesAgo, pod, running, service, endpointSlice, workload } from './scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const unready = (i: number, over: Partial<PodEvidence> = {}) => pod(i, { ready: false, containers: [container({ ready: false, state: running(12 * 24 * 60) })], ...over });

describe('a short name whose Service is gone from the namespace but exists in another', () => {
  const enotfound = '[ioredis] Unhandled error event: Error: getaddrinfo ENOTFOUND redis';
  function scenario(elsewhere: string[] = ['cache']): TriageEvidence {
    const pods = [0, 1, 2].map((i) => unready(i));
    return baseEvidence({
      pods,
      workload: workload({ readyReplicas: 0 }),
      services: [service(), service({ name: 'cart-web', selector: { app: 'cart-web' } })],
      endpointSlices: [endpointSlice('payment-service', pods)],
      logs: pods.map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: [enotfound, enotfound] })),
      servicesElsewhere: elsewhere.map((namespace) => ({ namespace, service: service({ name: 'redis', selector: { app: 'redis' } }), createdAt: minutesAgo(70) })),
    });
  }

  it('is worth one lookup by name across namespaces, only for a short name the namespace lacks', () => {
    const ev = scenario([]);
    expect(pickShortNamesElsewhere(ev.pods, ev.logs, ev.services, NOW)).toEqual(['redis']);
    expect(pickShortNamesElsewhere(ev.pods, ev.logs, [...ev.services, service({ name: 'redis' })], NOW)).toEqual([]);
  });

  it('points the clients at the namespaced name of the Service that exists, without naming bystanders', () => {
    const r = buildTriageReport(scenario(), times);
    expect(r.headline).toContain('no Service redis in payments, but a Service redis exists in namespace cache (redis.cache.svc.cluster.local');
    expect(r.headline).toContain('Point the clients at redis.cache.svc.cluster.local');
    expect(r.headline).not.toContain('cart-web');
    const [f] = analyzeDependencyErrors(scenario());
    expect(f?.likelyCause).toContain('A short name resolves only in the pod\'s own namespace');
  });

  it('asks which one is meant when several namespaces have a Service of that name', () => {
    const [f] = analyzeDependencyErrors(scenario(['cache', 'team-b']));
    expect(f?.title).toContain('Services named redis exist in namespaces cache, team-b');
    expect(f?.fix).toContain('redis.cache, redis.team-b');
  });
});

describe('a headless discovery Service that publishes no address of its not-ready members', () => {
  const lookup = '{"log.level": "WARN", "message":"failed to resolve host [search-headless]", "error.type":"java.net.UnknownHostException","error.message":"search-headless: Name or service not known"}';
  function scenario(over: { publish?: boolean; oneReady?: boolean } = {}): TriageEvidence {
    const pods = [0, 1, 2].map((i) => (over.oneReady && i === 0 ? pod(i, { name: `search-${i}` }) : unready(i, { name: `search-${i}` })));
    const headless = service({ name: 'search-headless', headless: true, ...(over.publish ? { publishNotReadyAddresses: true as const } : {}) });
    return baseEvidence({
      pods,
      target: { ...baseEvidence().target, kind: 'StatefulSet', name: 'search' },
      workload: workload({ kind: 'StatefulSet', name: 'search', readyReplicas: over.oneReady ? 1 : 0 }),
      services: [headless],
      endpointSlices: [endpointSlice('search-headless', pods)],
      namespaceObjects: [{ kind: 'Service', name: 'search-headless', createdAt: minutesAgo(300 * 24 * 60), changedAt: minutesAgo(3 * 24 * 60) }],
      logs: pods.map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: [lookup, lookup, lookup] })),
    });
  }

  it('names publishNotReadyAddresses and the bootstrap deadlock, not a missing host', () => {
    const r = buildTriageReport(scenario(), times);
    expect(r.headline).toContain('headless Service search-headless publishes no address');
    expect(r.headline).toContain('publishNotReadyAddresses');
    const [f] = analyzeDependencyErrors(scenario());
    expect(f?.likelyCause).toContain('bootstrap deadlock');
    expect(f?.evidence.join('\n')).toContain('last changed 3d ago');
  });

  it('says nothing of it when the Service publishes not-ready addresses, or a member is ready', () => {
    for (const ev of [scenario({ publish: true }), scenario({ oneReady: true })]) {
      const [f] = analyzeDependencyErrors(ev);
      expect(f?.title ?? '').not.toContain('publishNotReadyAddresses');
    }
  });
});

describe('a cluster DNS that is ready but too small', () => {
  const timedOut = "ERROR notify.send: send failed: HTTPSConnectionPool(host='api.mail.example', port=443): Max retries exceeded (Caused by NameResolutionError(\"Failed to resolve 'api.mail.example' ([Errno -3] Temporary failure in name resolution)\"))";
  const dnsPod = (i: number, cpuLimit?: string) =>
    pod(i, {
      name: `coredns-5d78c9869d-${['x7kq2', 'r4t7w'][i] ?? 'aaaaa'}`,
      labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '5d78c9869d' },
      containers: [container({ name: 'coredns', resources: { requests: { cpu: '100m' }, limits: cpuLimit ? { cpu: cpuLimit } : {} } })],
    });
  function scenario(dnsPods: PodEvidence[], capacity = true): TriageEvidence {
    const ev = baseEvidence();
    const logs = ev.pods.slice(0, 3).map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: [timedOut, timedOut, timedOut] }));
    return {
      ...ev,
      logs,
      dns: {
        namespace: 'kube-system',
        pods: dnsPods,
        ...(capacity
          ? {
              capacity: {
                deployment: 'coredns',
                events: [event({ reason: 'ScalingReplicaSet', message: 'Scaled down replica set coredns-5d78c9869d from 2 to 1', object: { kind: 'Deployment', name: 'coredns' }, firstSeen: minutesAgo(120), lastSeen: minutesAgo(120) })],
                configMaps: [{ kind: 'ConfigMap', name: 'coredns-autoscaler', createdAt: minutesAgo(200 * 24 * 60), changedAt: minutesAgo(122) }, { kind: 'ConfigMap', name: 'kube-proxy', createdAt: minutesAgo(200 * 24 * 60), changedAt: minutesAgo(121) }],
              },
            }
          : {}),
      },
    };
  }

  it('names the single replica, its CPU limit, the scale-down and the edited autoscaler ConfigMap', () => {
    const r = buildTriageReport(scenario([dnsPod(0, '100m')]), times);
    expect(r.headline).toContain('Cluster DNS is short of capacity: coredns (kube-system) runs a single replica with a 100m CPU limit');
    expect(r.headline).toContain('scaled down from 2 to 1 2h ago after ConfigMap coredns-autoscaler was edited');
    expect(r.headline).not.toContain('kube-proxy');
    expect(r.headline).not.toContain('no change found');
  });

  it('is read only when lookups time out while every DNS pod is ready', () => {
    const ev = scenario([dnsPod(0, '100m')], false);
    expect(needsDnsCapacity(ev.logs, ev.dns)).toBe('coredns');
    expect(needsDnsCapacity([], ev.dns)).toBeUndefined();
  });

  it('leaves a DNS of two replicas without a CPU limit or a scale-down to the usual reading', () => {
    const r = buildTriageReport(scenario([dnsPod(0), dnsPod(1)], false), times);
    expect(r.headline).not.toContain('short of capacity');
  });
});
