// A client whose logs refuse its peer's answers for their size (gRPC ResourceExhausted, "received
// message larger than max"): the adapter lists the ReplicaSets behind the peer's Service once (at
// most 10), so the verdict can date the peer's rollout; likewise when the peer answers a plain HTTP call
// as a TLS port does. Nothing of the peer is read otherwise.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, container, deploymentApp, exposed, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'quotes';
const target = { service: 'quotes-api', namespace: NS, kind: 'Deployment' as const, name: 'quotes-api' };
const stamp = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const refused = (m: number) => `{"level":"error","ts":"${stamp(m)}","msg":"GetRates failed","error":"rpc error: code = ResourceExhausted desc = grpc: received message larger than max (5242880 vs. 4194304)"}`;

function cluster(log: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'quotes-api',
    replicas: 2,
    revisions: [{ revision: 8, createdAgo: 5 * DAYS, template: { containers: [container({ image: 'registry.example.com/quotes-api:1.4.0', ports: [8080], env: [{ name: 'RATES_ADDR', value: `rates-svc.${NS}.svc.cluster.local:9090` }] })] } }],
    pods: [{ revision: 8, node: NODE_A, createdAgo: 5 * DAYS }, { revision: 8, node: NODE_B, createdAgo: 5 * DAYS }],
  });
  const rates = deploymentApp({
    namespace: NS,
    name: 'rates-svc',
    replicas: 2,
    revisions: [
      { revision: 11, createdAgo: 9 * DAYS, template: { containers: [container({ image: 'registry.example.com/rates-svc:3.0.2', ports: [9090] })] } },
      { revision: 12, createdAgo: 32, template: { containers: [container({ image: 'registry.example.com/rates-svc:3.1.0', ports: [9090] })] } },
    ],
    pods: [{ revision: 12, node: NODE_A, createdAgo: 31 }, { revision: 12, node: NODE_B, createdAgo: 30 }],
  });
  for (const o of [...threeNodes(), ...app.objects, ...rates.objects, ...exposed({ namespace: NS, name: 'rates-svc', selector: { app: 'rates-svc' }, pods: rates.pods, ports: [{ name: 'grpc', port: 9090, targetPort: 9090 }], endpointPort: 9090 })]) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
}

const peerLists = () => h.fake.requests.filter((r) => r.path === `/apis/apps/v1/namespaces/${NS}/replicasets` && String(r.query.labelSelector) === 'app=rates-svc');

describe('the rollout of a peer whose answers the client refuses for their size', () => {
  it('lists the peer\'s ReplicaSets once, at most 10, newest revision first', async () => {
    cluster([25, 18, 9, 2].map(refused).join('\n') + '\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.peerRollout).toMatchObject({ service: 'rates-svc', deployment: 'rates-svc' });
    expect(ev.peerRollout?.revisions.map((r) => [r.revision, r.images[0]])).toEqual([[12, 'registry.example.com/rates-svc:3.1.0'], [11, 'registry.example.com/rates-svc:3.0.2']]);
    expect(peerLists()).toHaveLength(1);
    expect(Number(peerLists()[0]?.query.limit)).toBeLessThanOrEqual(10);
  });

  it('reads the peer\'s rollout, with what its newest revision changed, when it answers plain HTTP as a TLS port does', async () => {
    const plain = (m: number) => `{"level":"error","ts":"${stamp(m)}","msg":"rates call failed","url":"http://rates-svc.${NS}.svc.cluster.local/v1/rates","status":400,"body":"Client sent an HTTP request to an HTTPS server."}`;
    cluster([25, 18, 9, 2].map(plain).join('\n') + '\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.peerRollout).toMatchObject({ service: 'rates-svc' });
    expect(ev.peerRollout?.revisions[0]?.changes?.join('\n')).toMatch(/3\.0\.2[^\n]*3\.1\.0/);
    expect(ev.peerRollout?.revisions[1]?.changes).toBeUndefined();
    expect(peerLists()).toHaveLength(1);
  });

  it('reads nothing of the peer when the logs refuse no answer', async () => {
    cluster(`${JSON.stringify({ level: 'info', msg: 'GET /v1/quotes 200' })}\n`);
    expect((await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS })).peerRollout).toBeUndefined();
    expect(peerLists()).toEqual([]);
  });
});
