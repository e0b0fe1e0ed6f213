import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import { hpaPendingScenario } from '../scenarios/scheduling.js';
import { NODE_A, NODE_B, container } from '../scenarios/builders.js';

const REFUSED = "0/5 nodes are available: 5 node(s) didn't have free ports for the requested pod ports. preemption: 0/5 nodes are available: 5 No preemption victims found for incoming pod.";

/** Pods free to go to any node that ask for hostPort 6831/UDP, refused by every node. */
function wantsHostPort() {
  const ev = hpaPendingScenario(REFUSED);
  ev.hpas = [];
  ev.pods = ev.pods.map((p) => (p.phase === 'Pending' ? { ...p, containers: [container({ state: undefined, ready: false, ports: [{ name: 'trace', containerPort: 6831, hostPort: 6831, protocol: 'UDP' }] })] } : p));
  return ev;
}

describe('pods free to go anywhere, refused for a host port another workload binds', () => {
  it('names the host port and the DaemonSet that binds it on the nodes, and advises dropping the host port', () => {
    const ev = wantsHostPort();
    ev.portHolders = [NODE_A, NODE_B].map((node, i) => ({ node, hostPort: 6831, protocol: 'UDP' as const, namespace: 'tracing', pod: `trace-agent-${i}x7k`, owner: 'DaemonSet trace-agent' }));
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.title).toMatch(/hostPort 6831\/UDP is already bound by DaemonSet tracing\/trace-agent/);
    expect(f?.evidence).toContain(`hostPort 6831/UDP on ${NODE_A} is held by pod tracing/trace-agent-0x7k (DaemonSet trace-agent)`);
    expect(f?.likelyCause).toMatch(/DaemonSet tracing\/trace-agent runs on every node/);
    expect(f?.nextAction).toMatch(/^Drop hostPort 6831\/UDP from the pod template/);
  });

  it('does not blame a pod that binds the same port number for another protocol', () => {
    const ev = wantsHostPort();
    ev.portHolders = [{ node: NODE_A, hostPort: 6831, protocol: 'TCP', namespace: 'tracing', pod: 'trace-agent-0x7k', owner: 'DaemonSet trace-agent' }];
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.title).not.toMatch(/trace-agent/);
    expect(f?.likelyCause).toMatch(/^Another pod on the node already binds the same hostPort/);
  });
});
