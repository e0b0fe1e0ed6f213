// Where a dependency's name leads, as the adapter reads it: hostAliases and the Service fields that
// redirect a name (ExternalName, internalTrafficPolicy), and — when a failing pod's logs name a
// Service of another namespace — a get of that Service and a list of its EndpointSlices, nothing more.
import { describe, expect, it } from 'vitest';
import type * as k8s from '@kubernetes/client-node';
import { mapService } from '../../../src/adapters/kubernetes/map-network.js';
import { mapPod } from '../../../src/adapters/kubernetes/map-pod.js';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, deploymentApp, exposed, nameOf, networkPolicy, running, threeNodes } from '../../triage-corpus/kit/index.js';
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

describe('the API server\'s Service, when an egress rule allows an address the logs time out on', () => {
  const apiServer: k8s.V1Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default' }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] } };
  const apiSlice: k8s.V1EndpointSlice = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } }, addressType: 'IPv4', endpoints: [{ addresses: ['10.0.0.11'], conditions: { ready: true } }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] };
  const egress = (cidr: string) => networkPolicy({ namespace: 'shop', name: 'baseline-egress', createdAgo: 30, podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr } }], ports: [{ protocol: 'TCP', port: 443 }] }] });
  const apiReads = () => h.fake.requests.filter((r) => r.path.startsWith('/api/v1/namespaces/default/') || r.path.startsWith('/apis/discovery.k8s.io/v1/namespaces/default/'));

  it('is read with its EndpointSlices: a get and a list', async () => {
    const { objects, sick } = cluster('');
    for (const o of [...objects, apiServer, apiSlice, egress('10.96.0.1/32')]) h.fake.add(o);
    h.fake.setLogs('shop', sick, 'app', { current: 'dial tcp 10.96.0.1:443: i/o timeout\n' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyServices?.map((d) => `${d.namespace}/${d.service.name} ${d.service.clusterIP ?? ''} ${d.slices.flatMap((s) => s.ports.map((p) => p.port)).join(',')}`)).toEqual(['default/kubernetes 10.96.0.1 6443']);
    expect(apiReads()).toHaveLength(2);
  });

  it('is not read when no egress rule allows that address', async () => {
    const { objects, sick } = cluster('');
    for (const o of [...objects, apiServer, apiSlice, egress('10.20.0.0/16')]) h.fake.add(o);
    h.fake.setLogs('shop', sick, 'app', { current: 'dial tcp 10.96.0.1:443: i/o timeout\n' });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyServices).toBeUndefined();
    expect(apiReads()).toEqual([]);
  });
});
