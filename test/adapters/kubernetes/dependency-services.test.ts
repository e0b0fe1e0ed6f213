// Where a dependency's name leads, as the adapter reads it: hostAliases and the Service fields that
// redirect a name (ExternalName, internalTrafficPolicy), and — when a failing pod's logs name a
// Service of another namespace — a get of that Service and a list of its EndpointSlices, nothing more.
import { describe, expect, it } from 'vitest';
import type * as k8s from '@kubernetes/client-node';
import { mapService } from '../../../src/adapters/kubernetes/map-network.js';
import { mapPod } from '../../../src/adapters/kubernetes/map-pod.js';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, deploymentApp, exposed, nameOf, running, threeNodes } from '../../triage-corpus/kit/index.js';
import { podOf } from '../../triage-corpus/kit/held-out.js';
import { useHarness } from './harness.js';

describe('mapping what redirects a name', () => {
  it('keeps a pod\'s hostAliases, an ExternalName target and a Local traffic policy', () => {
    const pod: k8s.V1Pod = { metadata: { name: 'p' }, spec: { containers: [], hostAliases: [{ ip: '10.40.12.9', hostnames: ['risk-engine.internal.example'] }] } };
    expect(mapPod(pod, 'Deployment').hostAliases).toEqual([{ ip: '10.40.12.9', hostnames: ['risk-engine.internal.example'] }]);
    expect(mapService({ metadata: { name: 'db' }, spec: { type: 'ExternalName', externalName: 'db.example.com' } })).toMatchObject({ type: 'ExternalName', externalName: 'db.example.com' });
    expect(mapService({ metadata: { name: 'geoip' }, spec: { internalTrafficPolicy: 'Local', selector: { app: 'geoip' } } }).internalTrafficPolicy).toBe('Local');
    expect(mapService({ metadata: { name: 'geoip' }, spec: { internalTrafficPolicy: 'Cluster' } }).internalTrafficPolicy).toBeUndefined();
  });
});

const h = useHarness();

function cluster(logLine: string) {
  const geo = deploymentApp({
    namespace: 'geo',
    name: 'geoip',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/geo/geoip:3.0.7' })] } }],
    pods: [{ revision: 3, node: NODE_B, createdAgo: 9 * DAYS }],
  });
  const [svc, slice] = exposed({ namespace: 'geo', name: 'geoip', selector: { app: 'geoip' }, pods: geo.pods });
  (svc as k8s.V1Service).spec = { ...(svc as k8s.V1Service).spec, internalTrafficPolicy: 'Local' };
  const app = deploymentApp({
    namespace: 'shop',
    name: 'checkout',
    replicas: 2,
    revisions: [{ revision: 4, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/checkout:4.2.0' })] } }],
    pods: [
      { revision: 4, node: NODE_A, createdAgo: 3 * DAYS, containers: { app: running({ sinceAgo: 3 * DAYS, ready: false }) } },
      { revision: 4, node: NODE_B, createdAgo: 3 * DAYS },
    ],
  });
  return { objects: [...threeNodes(), ...app.objects, ...geo.objects, svc ?? {}, slice ?? {}], sick: nameOf(podOf(app, 0)), line: logLine };
}

const target = { service: 'checkout', namespace: 'shop', kind: 'Deployment' as const, name: 'checkout' };

describe('a Service of another namespace named in a failing pod\'s logs', () => {
  it('is read with its EndpointSlices: its traffic policy and the nodes of its endpoints', async () => {
    const { objects, sick, line } = cluster('Net::OpenTimeout: Failed to open TCP connection to geoip.geo.svc.cluster.local:80 (execution expired)');
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('shop', sick, 'app', { current: `${line}\n` });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    expect(ev.dependencyServices?.map((d) => `${d.namespace}/${d.service.name} ${d.service.internalTrafficPolicy ?? ''} ${d.slices.flatMap((s) => s.endpoints.map((e) => e.nodeName)).join(',')}`)).toEqual([`geo/geoip Local ${NODE_B}`]);
    expect(h.fake.requests.filter((r) => r.path.startsWith('/api/v1/namespaces/geo/') || r.path.startsWith('/apis/discovery.k8s.io/v1/namespaces/geo/'))).toHaveLength(2);
  });

  it('is not read when the logs name no Service of another namespace', async () => {
    const { objects, sick } = cluster('');
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('shop', sick, 'app', { current: 'Net::OpenTimeout: Failed to open TCP connection to api.partner.example:443 (execution expired)\n' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyServices).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path.includes('/namespaces/geo/'))).toEqual([]);
  });
});
