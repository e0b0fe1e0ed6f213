// Writes refused read-only by a Postgres whose Service has no selector (Patroni writes its leader
// Endpoints itself): no EndpointSlice names the database's pods, so the adapter gets that Service's
// Endpoints once and reads the log tail of the pod its address names, where Patroni says why.
// Nothing of it is read while the workload's logs show no refusal.
import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, deploymentApp, nameOf, service, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'billing';
const target = { service: 'billing-api', namespace: NS, kind: 'Deployment' as const, name: 'billing-api' };
const READ_ONLY = '{"level":"error","msg":"create invoice failed","error":"ERROR: cannot execute INSERT in a read-only transaction (SQLSTATE 25006)"}';
const FORBIDDEN = '2026-11-21 02:43:10,118 WARNING: Request failed to PATCH https://10.96.0.1:443/api/v1/namespaces/billing/endpoints/billing-pg: 403 Forbidden {"kind":"Status","message":"endpoints \\"billing-pg\\" is forbidden: User \\"system:serviceaccount:billing:billing-pg\\" cannot patch resource \\"endpoints\\"","code":403}';

function cluster(log: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'billing-api',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 5 * DAYS, template: { containers: [container({ image: 'registry.example.com/billing-api:1.4.0', env: [{ name: 'DATABASE_URL', value: 'postgres://billing@billing-pg.billing.svc.cluster.local:5432/billing' }] })] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 5 * DAYS }],
  });
  const db = statefulSetApp({
    namespace: NS,
    name: 'billing-pg',
    replicas: 2,
    revisions: [{ revision: 1, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'postgres', image: 'ghcr.io/zalando/spilo-16:3.3-p2', ports: [5432, 8008] })] } }],
    pods: [NODE_A, NODE_B].map((node, k) => ({ revision: 1, ordinal: k, node, createdAgo: 60 * DAYS })),
  });
  const leader = service({ namespace: NS, name: 'billing-pg', selector: {}, ports: [{ name: 'postgresql', port: 5432, targetPort: 5432 }] });
  delete leader.spec?.selector;
  const [pg0] = db.pods;
  const endpoints: k8s.V1Endpoints = {
    apiVersion: 'v1', kind: 'Endpoints',
    metadata: { name: 'billing-pg', namespace: NS, annotations: { leader: 'billing-pg-0' } },
    subsets: [{ addresses: [{ ip: pg0?.status?.podIP ?? '10.0.0.9', targetRef: { kind: 'Pod', name: 'billing-pg-0', namespace: NS } }], ports: [{ name: 'postgresql', port: 5432, protocol: 'TCP' }] }],
  };
  for (const o of [...threeNodes(), ...app.objects, ...db.objects, leader, endpoints]) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
  for (const p of db.pods) h.fake.setLogs(NS, nameOf(p), 'postgres', { current: `${FORBIDDEN}\n` });
}

const endpointsReads = () => h.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${NS}/endpoints/billing-pg`);

describe('the pods behind a selectorless Service that refuses writes read-only', () => {
  it("gets its Endpoints once and reads the log of the pod they name, where Patroni's 403 is", async () => {
    cluster(`${READ_ONLY}\n${READ_ONLY}\n${READ_ONLY}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(endpointsReads()).toHaveLength(1);
    expect((ev.dependencyPods ?? []).map((d) => d.pod.name)).toEqual(['billing-pg-0']);
    expect((ev.dependencyPods ?? []).flatMap((d) => d.logs.flatMap((l) => l.lines)).join('\n')).toContain('403 Forbidden');
  });

  it('reads nothing of it while the logs show no refusal', async () => {
    cluster('{"level":"info","msg":"invoice created"}\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(endpointsReads()).toEqual([]);
    expect(ev.dependencyPods).toBeUndefined();
  });
});
