import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listPinnedServerPods } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { NS, baseEvidence, container, endpointSlice, pod } from '../scenarios/builders.js';

// A client whose address is one pod's DNS name under a headless Service does not follow a failover.
const READONLY = "save cart: READONLY You can't write against a read only replica.";
const host = (i: number) => `cache-node-${i}.cache-headless.${NS}.svc.cluster.local`;

function pinned(serverLog: string[] | undefined) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'REDIS_ADDR', value: `${host(0)}:6379` }] })] }));
  const servers = [0, 1, 2].map((i) => pod(10 + i, { name: `cache-node-${i}`, containers: [container({ name: 'redis' })] }));
  return baseEvidence({
    pods,
    endpointSlices: [endpointSlice('cache-headless', servers)],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [READONLY, READONLY] })),
    ...(serverLog ? { dependencyPods: [{ service: 'cache-headless', pod: servers[0] ?? pod(10), logs: [{ pod: 'cache-node-0', container: 'redis', previous: false, lines: serverLog }] }] } : {}),
  });
}

describe('writes refused by the one server pod a client is pinned to', () => {
  it('asks for the log of the pod the address names', () => {
    const ev = pinned(undefined);
    expect(listPinnedServerPods(ev)).toEqual([{ service: 'cache-headless', pod: 'cache-node-0' }]);
  });

  it('names the pinned pod and the master its own log names now, and advises Sentinel', () => {
    const [f] = analyzeDependencyRefusals(pinned([`1:S 04 Dec 2026 17:33:12.000 * Connecting to MASTER ${host(1)}:6379`, '1:S 04 Dec 2026 17:33:12.000 * MASTER <-> REPLICA sync started']));
    expect(f?.title).toMatch(/pinned to pod cache-node-0, now a replica of cache-node-1/);
    expect(f?.fix).toMatch(/Sentinel/);
    expect(f?.fix).toMatch(/cache-node-1/);
    expect(f?.evidence.join('\n')).toMatch(/REDIS_ADDR names pod cache-node-0 of headless Service cache-headless/);
  });

  it('claims no new master when the pod log was not read', () => {
    const [f] = analyzeDependencyRefusals(pinned(undefined));
    expect(f?.title).not.toMatch(/now a replica of/);
    expect(f?.evidence.join('\n')).toMatch(/does not follow a failover/);
  });
});
