// A raft cluster whose servers run but cannot elect a leader (Consul "No cluster leader"), as the
// adapter reads it: the Service the clients' Consul address names, its pods, and the current log
// tail of the members that run but are not ready (at most two) — none while every member is ready.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'commerce';
const LOG = "com.ecwid.consul.v1.OperationException: OperationException(statusCode=500, statusMessage='Internal Server Error', statusContent='No cluster leader')\n".repeat(3);
const RAFT = '2026-11-21T03:10:00.000Z [ERROR] agent.server.raft: failed to make requestVote RPC: target="{Voter bb 10.9.1.50:8300}" error="dial tcp <nil>->10.9.1.50:8300: i/o timeout" term=40\n';
const target = { service: 'pricing', namespace: NS, kind: 'Deployment' as const, name: 'pricing' };

function cluster(o: { ready?: boolean } = {}) {
  const consul = statefulSetApp({
    namespace: NS, name: 'consul-server', replicas: 3,
    revisions: [{ revision: 2, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'consul', image: 'hashicorp/consul:1.17.3', ports: [8500] })] } }],
    pods: [0, 1, 2].map((i) => ({ revision: 2, ordinal: i, node: i % 2 === 0 ? NODE_A : NODE_B, createdAgo: 30, ...(o.ready ? {} : { ready: false }) })),
  });
  const app = deploymentApp({
    namespace: NS, name: 'pricing', replicas: 1,
    revisions: [{ revision: 3, createdAgo: 6 * DAYS, template: { containers: [container({ image: 'registry.example.com/commerce/pricing:1.2.0', env: [{ name: 'SPRING_CLOUD_CONSUL_HOST', value: 'consul-server.commerce.svc.cluster.local' }] })] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 6 * DAYS }],
  });
  for (const x of [...threeNodes(), ...app.objects, ...consul.objects, ...exposed({ namespace: NS, name: 'consul-server', selector: { app: 'consul-server' }, pods: consul.pods, ports: [{ name: 'http', port: 8500, targetPort: 8500 }], endpointPort: 8500 })]) h.fake.add(x);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: LOG });
  for (const p of consul.pods) h.fake.setLogs(NS, nameOf(p), 'consul', { current: RAFT });
}

const memberLogReads = () => h.fake.requests.filter((r) => /\/pods\/consul-server-\d\/log$/.test(r.path));

describe('the logs of the members of a raft cluster with no leader', () => {
  it('reads the current log tail of at most two members that run but are not ready', async () => {
    cluster();
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const [m] = ev.dependencyMembers ?? [];
    expect(m?.service).toBe('consul-server');
    expect(m?.logs?.map((l) => [l.pod, l.previous])).toEqual([['consul-server-0', false], ['consul-server-1', false]]);
    expect(m?.logs?.[0]?.lines[0]).toMatch(/requestVote RPC/);
    // Two members, each read for this (another lead may read one unready server's tail too).
    expect(new Set(memberLogReads().map((r) => r.path)).size).toBe(2);
  });

  it('reads no member log while every member is ready', async () => {
    cluster({ ready: true });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyMembers?.[0]?.logs).toBeUndefined();
    expect(memberLogReads()).toEqual([]);
  });
});
