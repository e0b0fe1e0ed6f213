// A DaemonSet pod pinned to a node whose host port another pod holds: the adapter lists that
// node's pods (all namespaces, by field selector) and names the holder.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { HOLDOUT_4_SCENARIOS } from '../../triage-corpus/heldout-4/stories.js';
import { pickPortWaits } from '../../../src/adapters/kubernetes/read-port-holders.js';
import { container, pod, unscheduledPod } from '../../domain/triage/scenarios/builders.js';
import { useHarness } from './harness.js';

const h = useHarness();

describe('who holds a pending DaemonSet pod\'s host port', () => {
  it('lists the pods of the one node it is pinned to and names the pod that binds the port', async () => {
    const story = HOLDOUT_4_SCENARIOS.find((s) => s.id === 'heldout4-daemonset-hostport-taken');
    if (story === undefined) throw new Error('the hostPort story is missing');
    for (const o of story.objects) h.fake.add(o);
    const ns = story.ask.namespace ?? story.objects.find((o) => o.kind === 'DaemonSet')?.metadata?.namespace ?? '';
    const ev = await h.cluster.collectEvidence({ service: story.ask.service, namespace: ns, kind: 'DaemonSet', name: story.ask.service }, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.readFailures.filter((f) => f.reason !== 'skipped')).toEqual([]);
    expect(ev.portHolders).toEqual([expect.objectContaining({ node: 'ip-10-0-131-31.eu-west-1.compute.internal', hostPort: 9100, owner: 'DaemonSet kps-prometheus-node-exporter' })]);
    const nodeLists = h.fake.requests.filter((r) => r.path === '/api/v1/pods');
    expect(nodeLists.map((r) => r.query['fieldSelector'])).toEqual(['spec.nodeName=ip-10-0-131-31.eu-west-1.compute.internal']);
  });
});

describe('pickPortWaits', () => {
  it('reads a node once, however many of the pending pods wait for it', () => {
    const node = 'ip-10-0-131-31.eu-west-1.compute.internal';
    const pinned = (i: number, port: number) =>
      pod(i, { phase: 'Pending', nodeName: undefined, ready: false, placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [], pinnedNode: node }, containers: [container({ ports: [{ containerPort: port, hostPort: port, protocol: 'TCP' }] })] });
    const { nodeName: _scheduled, ...unplaced0 } = pinned(0, 9100);
    const { nodeName: _scheduled1, ...unplaced1 } = pinned(1, 9101);
    expect(pickPortWaits([unplaced0, unplaced1])).toEqual([{ node, ports: [9100, 9101] }]);
  });
});

describe('pickPortWaits for pods free to go to any node', () => {
  const refusal = '0/4 nodes are available: 4 node(s) didn\'t have free ports for the requested pod ports.';
  const wantsHostPort = container({ ports: [{ containerPort: 6831, hostPort: 6831, protocol: 'UDP' }] });

  it('reads the nodes the workload\'s placed pods run on, when the scheduler refused a pod for host ports', () => {
    const waiting = unscheduledPod(5, refusal, 12, { containers: [wantsHostPort] });
    const placed = [pod(0), pod(1), pod(2)];
    expect(pickPortWaits([waiting, ...placed])).toEqual([
      { node: placed[0]?.nodeName, ports: [6831] },
      { node: placed[1]?.nodeName, ports: [6831] },
    ]);
  });

  it('reads nothing when the pod was refused for another reason', () => {
    const waiting = unscheduledPod(5, '0/4 nodes are available: 4 Insufficient cpu.', 12, { containers: [wantsHostPort] });
    expect(pickPortWaits([waiting, pod(0)])).toEqual([]);
  });
});
