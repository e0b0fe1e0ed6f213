// Ready pods whose calls time out only on the nodes of one node group: the adapter lists the pods of
// one node there and of one node where the calls succeed, and reads the head of each node's CNI
// agent log (its startup, where it states the MTU), keeping only the lines that state one.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, HOURS, container, daemonSetApp, deploymentApp, nameOf, node } from '../../triage-corpus/kit/index.js';
import { podOf } from '../../triage-corpus/kit/held-out.js';
import { useHarness } from './harness.js';

const h = useHarness();
const OLD = 'ip-10-0-8-11.eu-west-1.compute.internal';
const NEW = 'ip-10-0-9-12.eu-west-1.compute.internal';
const TARGET = { service: 'exports', namespace: 'billing', kind: 'Deployment', name: 'exports' } as const;

function cluster() {
  const nodes = [node({ name: OLD, pool: 'workers', createdAgo: 60 * DAYS }), node({ name: NEW, pool: 'workers-v2', createdAgo: 5 * HOURS })];
  const app = deploymentApp({
    namespace: 'billing',
    name: 'exports',
    replicas: 2,
    revisions: [{ revision: 9, createdAgo: 4 * DAYS, template: { containers: [container({ image: 'registry.example.com/billing/exports:3.1.0' })] } }],
    pods: [{ revision: 9, node: OLD, createdAgo: 4 * DAYS }, { revision: 9, node: NEW, createdAgo: 4 * HOURS }],
  });
  const cni = daemonSetApp({
    namespace: 'kube-system',
    name: 'aws-node',
    selector: { 'k8s-app': 'aws-node' },
    revisions: [{ revision: 3, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'aws-node', image: '602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.18.5', ports: [] })] } }],
    pods: [{ revision: 3, node: OLD, createdAgo: 60 * DAYS }, { revision: 3, node: NEW, createdAgo: 5 * HOURS }],
  });
  return { objects: [...nodes, ...app.objects, ...cni.objects], fine: nameOf(podOf(app, 0)), failing: nameOf(podOf(app, 1)), agents: cni.pods.map(nameOf) };
}

const startup = (mtu: number) => `{"level":"info","msg":"Starting IPAM daemon"}\n{"level":"info","msg":"Setting MTU of eth0 to ${mtu}"}\n${'{"level":"debug","msg":"reconcile"}\n'.repeat(3)}`;

describe('the CNI agents of a node group whose pods alone time out', () => {
  it('reads the head of the agent log on a node of each side, only the MTU lines kept', async () => {
    const { objects, fine, failing, agents } = cluster();
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('billing', fine, 'app', { current: '{"level":"info","msg":"export uploaded","upstream":"files.example.net","status":201}\n' });
    h.fake.setLogs('billing', failing, 'app', { current: '{"level":"error","msg":"export failed","err":"Post \\"https://files.example.net/v1\\": net/http: TLS handshake timeout"}\n' });
    h.fake.setLogs('kube-system', agents[0] ?? '', 'aws-node', { current: startup(1500) });
    h.fake.setLogs('kube-system', agents[1] ?? '', 'aws-node', { current: startup(9001) });
    const ev = await h.cluster.collectEvidence(TARGET, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    expect(ev.cniAgents?.map((a) => [a.node, a.pod, a.log?.lines])).toEqual([
      [NEW, agents[1], ['{"level":"info","msg":"Setting MTU of eth0 to 9001"}']],
      [OLD, agents[0], ['{"level":"info","msg":"Setting MTU of eth0 to 1500"}']],
    ]);
    const logReads = h.fake.requests.filter((r) => r.path.endsWith('/log') && r.path.includes('/kube-system/'));
    expect(logReads.map((r) => [r.query['limitBytes'], r.query['tailLines']])).toEqual([['32000', undefined], ['32000', undefined]]);
  });

  it('reads no agent when the pods of both groups are fine', async () => {
    const { objects, fine, failing } = cluster();
    for (const o of objects) h.fake.add(o);
    for (const p of [fine, failing]) h.fake.setLogs('billing', p, 'app', { current: '{"level":"info","msg":"export uploaded","status":201}\n' });
    const ev = await h.cluster.collectEvidence(TARGET, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.cniAgents).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods')).toEqual([]);
  });

  it('reports an agent log it could not read, and claims nothing from it', async () => {
    const { objects, fine, failing } = cluster();
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('billing', fine, 'app', { current: '{"level":"info","msg":"export uploaded","status":201}\n' });
    h.fake.setLogs('billing', failing, 'app', { current: '{"level":"error","err":"Get \\"https://files.example.net/v1\\": net/http: TLS handshake timeout"}\n' });
    h.fake.forbid({ namespace: 'kube-system', resource: 'pods/log' });
    const ev = await h.cluster.collectEvidence(TARGET, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.cniAgents?.every((a) => a.log === undefined)).toBe(true);
    expect(ev.readFailures.filter((f) => f.source === 'cniAgents').length).toBe(2);
  });
});
