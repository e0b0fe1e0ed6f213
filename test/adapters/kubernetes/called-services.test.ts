// Two reads that follow the workload's logs, bounded: the pods behind a Service of the namespace
// the logs fail to connect to (one list by its selector), and the pods behind the caller IPs of
// requests that stopped when an ingress NetworkPolicy appeared (one list by status.podIP each).
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NOW, NODE_A, NODE_B, at, container, crashLoop, deploymentApp, exposed, nameOf, networkPolicy, pyTime, running, threeNodes } from '../../triage-corpus/kit/index.js';
import { ipOfPod } from '../../triage-corpus/kit/held-out.js';
import { useHarness } from './harness.js';

// The kit's stories are told at its NOW: the triage reads them at that instant.
const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'ledger';
const target = { service: 'ledger-api', namespace: NS, kind: 'Deployment' as const, name: 'ledger-api' };

function app(logs: string) {
  const api = deploymentApp({
    namespace: NS, name: 'ledger-api', replicas: 2,
    revisions: [{ revision: 12, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/ledger/api:4.2.0', ports: [8080] })] } }],
    pods: [{ revision: 12, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 12, node: NODE_B, createdAgo: 3 * DAYS }],
  });
  for (const o of [...threeNodes(), ...api.objects, ...exposed({ namespace: NS, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods, endpointPort: 8080 })]) h.fake.add(o);
  for (const p of api.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: logs });
  return api;
}

function pooler() {
  const pool = deploymentApp({
    namespace: NS, name: 'ledger-pool', replicas: 2,
    revisions: [{ revision: 3, createdAgo: 9 * DAYS, template: { containers: [container({ name: 'pool', image: 'registry.example.com/pool:1.0', ports: [6432], memory: '32Mi' })] } }],
    // One pod crash-looping, one up again: the Service keeps a ready endpoint, so it is not "down".
    pods: [
      { revision: 3, node: NODE_A, createdAgo: 2 * DAYS, containers: { pool: crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 2, ranSeconds: 300 }, 6) } },
      { revision: 3, node: NODE_B, createdAgo: 2 * DAYS, containers: { pool: running({ sinceAgo: 4, restarts: 5, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 4, ranSeconds: 300 } }) } },
    ],
  });
  for (const o of [...pool.objects, ...exposed({ namespace: NS, name: 'ledger-pool', selector: { app: 'ledger-pool' }, pods: pool.pods, ports: [{ name: 'pg', port: 6432, targetPort: 6432 }], endpointPort: 6432 })]) h.fake.add(o);
}

const listsOf = (fragment: string) => h.fake.requests.filter((r) => r.path.endsWith('/pods') && JSON.stringify(r.query).includes(fragment));

describe('the pods of a Service the logs fail to connect to', () => {
  it('lists them by the Service\'s selector when the logs name it in a refused connection', async () => {
    app(`${pyTime(2)} ERROR connection to server at "ledger-pool.${NS}.svc.cluster.local" (10.96.0.9), port 6432 failed: Connection refused\n`);
    pooler();
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.calledServices?.map((s) => s.service)).toEqual(['ledger-pool']);
    expect(ev.calledServices?.[0]?.pods.map((p) => { const last = p.containers[0]?.lastState; return last && 'terminated' in last ? last.terminated.reason : undefined; })).toEqual(['OOMKilled', 'OOMKilled']);
    expect(listsOf('app=ledger-pool')).toHaveLength(1);
  });

  it('reads nothing of it while the logs name it without a connection failure', async () => {
    app(`${pyTime(2)} INFO pooled connection to ledger-pool.${NS}.svc.cluster.local:6432 ok\n`);
    pooler();
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.calledServices).toBeUndefined();
    expect(listsOf('app=ledger-pool')).toEqual([]);
  });
});

describe('the callers of requests that stopped when an ingress NetworkPolicy appeared', () => {
  function callerCluster(policyAgo: number) {
    const caller = deploymentApp({
      namespace: 'billing', name: 'invoice-api', replicas: 1,
      revisions: [{ revision: 7, createdAgo: 5 * DAYS, template: { containers: [container({ image: 'registry.example.com/billing/invoice:1.0', ports: [8080] })] } }],
      pods: [{ revision: 7, node: NODE_B, createdAgo: 5 * DAYS }],
    });
    const ip = ipOfPod(caller.pods[0]);
    const access = (t: number) => `${pyTime(t)} INFO access: ${ip}:41000 - "GET /v1/entries HTTP/1.1" 200`;
    app([access(50), access(44), access(38), `${at(10)} INFO ledger.sync: compacted 18 segments`].join('\n') + '\n');
    for (const o of [...caller.objects, networkPolicy({ namespace: NS, name: 'only-from-edge', createdAgo: policyAgo, podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'edge' } } }] }] })]) h.fake.add(o);
    return ip;
  }

  it('looks the last caller\'s IP up with one field-selector list and names its pod and Deployment', async () => {
    const ip = callerCluster(35);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.callerPods).toEqual([expect.objectContaining({ ip, namespace: 'billing', owner: 'Deployment invoice-api' })]);
    expect(listsOf(`status.podIP=${ip}`)).toHaveLength(1);
  });

  it('looks nothing up when the policy came long before the requests', async () => {
    const ip = callerCluster(3 * DAYS);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.callerPods).toBeUndefined();
    expect(listsOf(`status.podIP=${ip}`)).toEqual([]);
  });
});
