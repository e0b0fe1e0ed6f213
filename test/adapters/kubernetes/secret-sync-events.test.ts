// Credentials a dependency rejects, read from a Secret: the adapter lists the events of whatever is
// named like that Secret (a sync controller's ExternalSecret) — one list by name, nothing when
// nothing is rejected.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, deploymentApp, event, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'billing';
const target = { service: 'invoice-api', namespace: NS, kind: 'Deployment' as const, name: 'invoice-api' };
const REJECTED = 'ERROR VendorClient::AuthError (Invalid API Key provided: sk_live_****9Qz)';

function cluster(log: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'invoice-api',
    replicas: 2,
    revisions: [{ revision: 4, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/billing/invoice-api:1.4.0', env: [{ name: 'VENDOR_API_KEY', valueFrom: { secretKeyRef: { name: 'vendor-creds', key: 'api-key' } } }] })] } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 4, node: NODE_B, createdAgo: 3 * DAYS }],
  });
  const failed = event({ on: { kind: 'ExternalSecret', name: 'vendor-creds', namespace: NS }, reason: 'UpdateFailed', message: 'error processing spec.data[0], err: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity', type: 'Warning', count: 40, firstAgo: 2 * DAYS, lastAgo: 3, component: 'external-secrets' });
  for (const o of [...threeNodes(), ...app.objects, failed]) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
}

const byName = () => h.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${NS}/events` && String(r.query?.['fieldSelector'] ?? '') === 'involvedObject.name=vendor-creds');

describe('the events of what keeps a rejected Secret in sync', () => {
  it('lists the events named like the Secret once, bounded, and keeps the sync controller\'s', async () => {
    cluster(`${REJECTED}\n${REJECTED}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.secretSyncEvents?.map((e) => `${e.object.kind} ${e.reason}`)).toEqual(['ExternalSecret UpdateFailed']);
    expect(byName()).toHaveLength(1);
    expect(byName()[0]?.query?.['limit']).toBeDefined();
  });

  it('reads nothing of it while no credential is rejected', async () => {
    cluster('INFO invoice created\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.secretSyncEvents).toBeUndefined();
    expect(byName()).toEqual([]);
  });
});
