// The namespace's Warning events, whatever object they are about, in one request filtered by the
// API server (type=Warning): the objects the triage reads no other way (a Certificate, a
// ScaledObject) speak through them.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_B, container, deploymentApp, event, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const target = { service: 'billing-gateway', namespace: 'billing', kind: 'Deployment', name: 'billing-gateway' } as const;

function cluster() {
  const app = deploymentApp({
    namespace: 'billing',
    name: 'billing-gateway',
    replicas: 1,
    revisions: [{ revision: 18, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/billing/gateway:4.2.0' })] } }],
    pods: [{ revision: 18, node: NODE_B, createdAgo: 3 * DAYS }],
  });
  const certificate = { kind: 'Certificate', name: 'billing-gateway-tls', namespace: 'billing' };
  const failed = event({ on: certificate, reason: 'Failed', type: 'Warning', message: 'The certificate request has failed to complete and will be retried: Failed to create Order: 429 urn:ietf:params:acme:error:rateLimited: too many certificates (5) already issued for this exact set of identifiers in the last 168h0m0s', count: 3, firstAgo: 9, lastAgo: 2, component: 'cert-manager-certificates-issuing' });
  const issuing = event({ on: certificate, reason: 'Issuing', type: 'Normal', message: 'Issuing certificate as Secret does not exist', count: 1, firstAgo: 10, lastAgo: 10, component: 'cert-manager-certificates-trigger' });
  return [...threeNodes(), ...app.objects, failed, issuing];
}

describe('the namespace\'s Warning events', () => {
  it('are read in one request the API server filters by type, whatever object they are about', async () => {
    for (const o of cluster()) h.fake.add(o);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.namespaceWarnings?.map((e) => `${e.object.kind}/${e.object.name} ${e.reason}`)).toEqual(['Certificate/billing-gateway-tls Failed']);
    const lists = h.fake.requests.filter((r) => r.path === '/api/v1/namespaces/billing/events' && r.query['fieldSelector'] === 'type=Warning');
    expect(lists).toHaveLength(1);
  });

  it('are left out, and the failure named, when the list fails', async () => {
    for (const o of cluster()) h.fake.add(o);
    h.fake.failWith(/^\/api\/v1\/namespaces\/billing\/events$/, 503);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.namespaceWarnings).toBeUndefined();
    expect(ev.readFailures.map((f) => f.what)).toContain('Warning events in billing');
  });
});
