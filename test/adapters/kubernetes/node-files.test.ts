// A node whose kernel file table the workload's logs find full (ENFILE): the adapter lists that
// node's pods (all namespaces, by field selector) and reads the current log tails of the likeliest
// holders (host-mounting node agents first); logs that only say the process's own limit read nothing.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, batchContainer, container, daemonSetApp, deploymentApp, nameOf, node } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();

function cluster() {
  const nodes = [node({ name: NODE_A, zone: 'eu-west-1a' }), node({ name: NODE_B, zone: 'eu-west-1b' })];
  const app = deploymentApp({
    namespace: 'billing',
    name: 'invoicer',
    replicas: 2,
    revisions: [{ revision: 5, createdAgo: 4 * DAYS, template: { containers: [container({ image: 'registry.example.com/billing/invoicer:2.3.1' })] } }],
    pods: [{ revision: 5, node: NODE_A, createdAgo: 4 * DAYS }, { revision: 5, node: NODE_B, createdAgo: 4 * DAYS }],
  });
  const agent = daemonSetApp({
    namespace: 'observability',
    name: 'file-tailer',
    revisions: [{ revision: 2, createdAgo: 20 * DAYS, template: {
      containers: [batchContainer({ name: 'tailer', image: 'registry.example.com/obs/file-tailer:1.9.0', volumeMounts: [{ name: 'varlog', mountPath: '/var/log', readOnly: true }] })],
      volumes: [{ name: 'varlog', hostPath: { path: '/var/log', type: '' } }],
    } }],
    pods: [{ revision: 2, node: NODE_A, createdAgo: 20 * DAYS }, { revision: 2, node: NODE_B, createdAgo: 20 * DAYS }],
  });
  return { objects: [...nodes, ...app.objects, ...agent.objects], appPods: app.pods.map(nameOf), agentPods: agent.pods.map(nameOf) };
}

describe('the pods of a node whose file table the workload\'s logs find full', () => {
  it('lists that node\'s pods once and reads the log tail of the node agent there', async () => {
    const { objects, appPods, agentPods } = cluster();
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('billing', appPods[0]!, 'app', { current: 'ERROR dial tcp 10.9.0.4:5432: socket: too many open files in system\n'.repeat(4) });
    h.fake.setLogs('observability', agentPods[0]!, 'tailer', { current: 'level=info msg=flushed open_fds=88000\n' });
    const ev = await h.cluster.collectEvidence({ service: 'invoicer', namespace: 'billing', kind: 'Deployment', name: 'invoicer' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    expect(ev.nodeFiles?.map((n) => n.node)).toEqual([NODE_A]);
    const read = ev.nodeFiles?.[0];
    expect(read?.pods.map((p) => p.pod.name)).toEqual([agentPods[0]]);
    expect(read?.pods[0]?.owner).toBe('DaemonSet file-tailer');
    expect(read?.logs.map((l) => `${l.pod}/${l.container}`)).toEqual([`${agentPods[0]}/tailer`]);
    expect(read?.logs[0]?.lines.join('\n')).toContain('open_fds=88000');
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods').map((r) => r.query['fieldSelector'])).toEqual([`spec.nodeName=${NODE_A}`]);
  });

  it('reads no node\'s pods when the logs only say the process\'s own limit (EMFILE)', async () => {
    const { objects, appPods } = cluster();
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('billing', appPods[0]!, 'app', { current: 'ERROR accept tcp [::]:8080: accept4: too many open files\n'.repeat(4) });
    const ev = await h.cluster.collectEvidence({ service: 'invoicer', namespace: 'billing', kind: 'Deployment', name: 'invoicer' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.nodeFiles).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods')).toEqual([]);
  });
});
