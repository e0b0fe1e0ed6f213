// A host-network pod that cannot bind its port: the adapter lists the pods of its node (all
// namespaces, by field selector) and names the host-network pod whose spec listens on that port,
// even when it declares none; a host-network pod that starts fine reads no node's pods.
import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, crashLoop, daemonSetApp, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { podOf } from '../../triage-corpus/kit/held-out.js';
import { useHarness } from './harness.js';

const h = useHarness();

function onHost(spec: k8s.V1PodSpec | undefined): void {
  if (spec) Object.assign(spec, { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' });
}

/** gateway runs on the host network; on NODE_A a log agent of another namespace listens on :9000 by a flag. */
function cluster(crashes: boolean) {
  const app = deploymentApp({
    namespace: 'edge',
    name: 'gateway',
    replicas: 2,
    revisions: [{ revision: 3, createdAgo: 30, template: { containers: [container({ image: 'registry.example.com/edge/gateway:1.4.0', ports: [9000] })] } }],
    pods: [
      { revision: 3, node: NODE_A, createdAgo: 30, ...(crashes ? { containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1, ranSeconds: 1 }, 6) } } : {}) },
      { revision: 3, node: NODE_B, createdAgo: 30 },
    ],
  });
  const agent = daemonSetApp({
    namespace: 'logging',
    name: 'log-relay',
    revisions: [{ revision: 1, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'relay', image: 'registry.example.com/logging/relay:2.0', ports: [], args: ['--listen=0.0.0.0:9000', '--buffer=64MiB'], readiness: null, liveness: null })] } }],
    pods: [{ revision: 1, node: NODE_A, createdAgo: 90 * DAYS }],
  });
  for (const p of [...app.pods, ...agent.pods]) onHost(p.spec);
  return { objects: [...threeNodes(), ...app.objects, ...agent.objects], failing: nameOf(podOf(app, 0)), relay: nameOf(agent.pods[0] ?? {}) };
}

describe('who holds the port a host-network pod cannot bind', () => {
  it('lists the pods of that node once and names the host-network pod whose flag listens on the port', async () => {
    const { objects, failing, relay } = cluster(true);
    for (const o of objects) h.fake.add(o);
    h.fake.setLogs('edge', failing, 'app', { previous: 'listen tcp 0.0.0.0:9000: bind: address already in use\n' });
    const ev = await h.cluster.collectEvidence({ service: 'gateway', namespace: 'edge', kind: 'Deployment', name: 'gateway' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    expect(ev.hostNetworkHolders).toEqual([{ node: NODE_A, hostPort: 9000, namespace: 'logging', pod: relay, owner: 'DaemonSet log-relay', setting: 'args --listen=0.0.0.0:9000' }]);
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods').map((r) => r.query['fieldSelector'])).toEqual([`spec.nodeName=${NODE_A}`]);
  });

  it('reads no node\'s pods when the host-network pods start fine', async () => {
    for (const o of cluster(false).objects) h.fake.add(o);
    const ev = await h.cluster.collectEvidence({ service: 'gateway', namespace: 'edge', kind: 'Deployment', name: 'gateway' }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.hostNetworkHolders).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path === '/api/v1/pods')).toEqual([]);
  });
});
