// A host-network container whose port another host-network pod of its node already listens on:
// which pods to ask about, how a holder's spec names the port, and what the finding says.
import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import type { PortHolderEvidence } from '../../../src/domain/triage/evidence.js';
import { findListenSetting, pickHostPortClashes } from '../../../src/domain/triage/host-port-holders.js';
import { NODE_A, NODE_B, NOW, terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

const BIND = ['{"level":"info","msg":"listening","port":9000}', 'Error: listen EADDRINUSE: address already in use :::9000', 'Node.js v20.18.0'];

function hostNetScenario(holders?: PortHolderEvidence[]) {
  const ev = crashScenario(2, () => terminated(1, 'Error', 1, { runSeconds: 1 }), { logs: BIND });
  for (const p of ev.pods) p.hostNetwork = true;
  return holders ? { ...ev, hostNetworkHolders: holders } : ev;
}

describe('findListenSetting', () => {
  const spec = (o: Partial<Parameters<typeof findListenSetting>[0]>) => ({ name: 'agent', ports: [], ...o });
  it('finds the port in a declared port, a flag, or a port variable', () => {
    expect(findListenSetting(spec({ ports: [{ containerPort: 9000 }] }), 9000)).toBe('declares port 9000');
    expect(findListenSetting(spec({ args: ['--path.rootfs=/host', '--listen=:9000'] }), 9000)).toBe('args --listen=:9000');
    expect(findListenSetting(spec({ command: ['/relay', '-addr', '0.0.0.0:9000'] }), 9000)).toBe('command 0.0.0.0:9000');
    expect(findListenSetting(spec({ env: [{ name: 'HTTP_PORT', value: '9000' }] }), 9000)).toBe('env HTTP_PORT=9000');
    expect(findListenSetting(spec({ args: ['--http-port', '9000'] }), 9000)).toBe('args --http-port 9000');
    expect(findListenSetting(spec({ args: ['--port=9000'] }), 9000)).toBe('args --port=9000');
  });
  it('ignores other numbers that merely contain the port', () => {
    expect(findListenSetting(spec({ args: ['--listen=:19000', '--cache=/var/9000', '--timeout=9000ms', '--max-conns=9000', '--retries', '9000', '--endpoint=http://collector:9000'] }), 9000)).toBeUndefined();
    expect(findListenSetting(spec({ env: [{ name: 'RETRY_MS', value: '9000' }] }), 9000)).toBeUndefined();
  });
});

describe('pickHostPortClashes', () => {
  it('asks about the nodes of failing host-network pods whose logs say the port is taken, and nothing else', () => {
    const ev = hostNetScenario();
    expect(pickHostPortClashes(ev.pods, ev.logs, NOW)).toEqual([{ node: NODE_A, ports: [9000] }, { node: NODE_B, ports: [9000] }]);
    const podNetwork = crashScenario(2, () => terminated(1, 'Error', 1), { logs: BIND });
    expect(pickHostPortClashes(podNetwork.pods, podNetwork.logs, NOW)).toEqual([]);
  });
});

describe('a host-network container whose port a node agent holds', () => {
  const relay = (node: string, i: number): PortHolderEvidence => ({ node, hostPort: 9000, namespace: 'logging', pod: `log-relay-${i}x7k`, owner: 'DaemonSet log-relay', setting: 'args --listen=:9000' });

  it('names the holder, its namespace and nodes, and says the scheduler could not see the clash', () => {
    const [f] = analyzeExitCodes(hostNetScenario([relay(NODE_A, 1), relay(NODE_B, 2)]));
    expect(f?.title).toBe(`Container app exits with code 1 on 2/5 pods: port 9000 already in use on the node (hostNetwork), held by DaemonSet log-relay (namespace logging) on ${NODE_A}, ${NODE_B}`);
    expect(f?.evidence).toContain(`logging/log-relay-1x7k (DaemonSet log-relay) listens on 9000 in the network of node ${NODE_A}: args --listen=:9000`);
    expect(f?.evidence.join('\n')).toContain('the scheduler cannot see the clash');
    expect(f?.fix).toBe('drop hostNetwork from app, or move app or DaemonSet log-relay (namespace logging) off port 9000');
  });

  it('keeps the generic words when no holder was found on the node', () => {
    const [f] = analyzeExitCodes(hostNetScenario());
    expect(f?.title).toBe('Container app exits with code 1 on 2/5 pods: port 9000 already in use');
  });
});
