// An etcd its clients say is past its quota ("mvcc: database space exceeded"): the adapter gets
// one ready pod behind the Service the client's ETCD_ENDPOINTS names and reads its log tail — its
// command line says the quota and compaction, its log the NOSPACE alarm every member logs — and no
// more of its pods.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NODE_C, container, deploymentApp, exposed, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'platform-config';
const target = { service: 'toggle-service', namespace: NS, kind: 'Deployment' as const, name: 'toggle-service' };
const ALARM = '{"level":"warn","ts":"2026-11-21T01:37:00.412Z","caller":"etcdserver/server.go:2281","msg":"alarm raised","alarm":"NOSPACE","from":"8e2e1b6c0a7f4d31"}';
const REFUSED = `${JSON.stringify({ level: 'WARN', msg: 'session heartbeat failed', err: 'etcdserver: mvcc: database space exceeded' })}\n${JSON.stringify({ level: 'ERROR', msg: 'persist flag', err: 'etcdserver: mvcc: database space exceeded' })}\n`;

function cluster(appLog: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'toggle-service',
    replicas: 2,
    revisions: [{ revision: 8, createdAgo: 2 * DAYS, template: { containers: [container({ image: 'registry.example.com/platform/toggle-service:2.6.1', env: [{ name: 'ETCD_ENDPOINTS', value: `http://toggle-etcd.${NS}.svc.cluster.local:2379` }] })] } }],
    pods: [{ revision: 8, node: NODE_A, createdAgo: 2 * DAYS }, { revision: 8, node: NODE_B, createdAgo: 2 * DAYS }],
  });
  const etcd = statefulSetApp({
    namespace: NS,
    name: 'toggle-etcd',
    replicas: 3,
    revisions: [{ revision: 3, createdAgo: 41 * DAYS, template: { containers: [container({ name: 'etcd', image: 'quay.io/coreos/etcd:v3.5.17', command: ['/usr/local/bin/etcd', '--quota-backend-bytes=268435456'], ports: [2379] })] } }],
    pods: [NODE_A, NODE_B, NODE_C].map((node, k) => ({ revision: 3, ordinal: k, node, createdAgo: 41 * DAYS })),
  });
  for (const o of [...threeNodes(), ...app.objects, ...etcd.objects, ...exposed({ namespace: NS, name: 'toggle-etcd', selector: { app: 'toggle-etcd' }, pods: etcd.pods, ports: [{ name: 'client', port: 2379, targetPort: 2379 }], endpointPort: 2379 })]) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: appLog });
  const members = etcd.pods.map(nameOf);
  for (const m of members) h.fake.setLogs(NS, m, 'etcd', { current: `${ALARM}\n` });
  return { members };
}

function memberReads(members: readonly string[]) {
  const paths = members.map((m) => `/api/v1/namespaces/${NS}/pods/${m}`);
  return {
    gets: h.fake.requests.filter((r) => paths.includes(r.path)).map((r) => r.path),
    logs: h.fake.requests.filter((r) => paths.some((p) => r.path === `${p}/log`)).map((r) => r.path),
  };
}

describe('the pods of an etcd its clients say is past its quota', () => {
  it('reads one member and its log tail: its command line and the alarm are in the evidence', async () => {
    const { members } = cluster(REFUSED);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    expect(ev.dependencyPods).toHaveLength(1);
    const [dep] = ev.dependencyPods ?? [];
    expect(dep?.service).toBe('toggle-etcd');
    expect(dep?.pod.containers[0]?.command).toContain('--quota-backend-bytes=268435456');
    expect(dep?.logs.flatMap((l) => l.lines).join('\n')).toContain('"alarm":"NOSPACE"');
    const reads = memberReads(members);
    expect(reads.gets).toEqual([`/api/v1/namespaces/${NS}/pods/${dep?.pod.name}`]);
    expect(reads.logs).toEqual([`/api/v1/namespaces/${NS}/pods/${dep?.pod.name}/log`]);
  });

  it('reads nothing of it while the clients log no refusal', async () => {
    const { members } = cluster(`${JSON.stringify({ level: 'INFO', msg: 'request', status: 200 })}\n`);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyPods).toBeUndefined();
    expect(memberReads(members)).toEqual({ gets: [], logs: [] });
  });
});
