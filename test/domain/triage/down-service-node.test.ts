// A dependency's only pod held by its node: the node stopped answering, the pod was deleted and
// stays Terminating (the kubelet never confirms), so its Service has no endpoint. What the verdict
// states names the node it ran on and since when it is not ready, and the fix is to confirm the node
// is gone and force-delete the pod; a pod merely failing on a healthy node names no node.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import { describeDownService } from '../../../src/domain/triage/down-service.js';
import { NODE_B, NS, baseEvidence, container, event, minutesAgo, pod, service, workload } from './scenarios/builders.js';

const refused = '[ioredis] Unhandled error event: connect ECONNREFUSED 172.20.98.109:6379';

function scenario(master: { deleting: boolean; reason: string }) {
  const pods = [0, 1, 2].map((i) => pod(i));
  const cachePod = pod(9, {
    name: 'cart-redis-master-0', ready: false, nodeName: NODE_B, labels: { app: 'cart-redis' },
    ...(master.deleting ? { deletionTimestamp: minutesAgo(12) } : {}),
    containers: [container({ name: 'redis', ready: false })],
  });
  const logs = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [refused, refused, refused] }));
  const base = baseEvidence({ pods, logs, workload: workload() });
  return {
    ...base,
    services: [...base.services, service({ name: 'cart-redis', selector: { app: 'cart-redis' }, clusterIP: '172.20.98.109' })],
    downServices: [{
      service: 'cart-redis',
      pods: [cachePod],
      events: [event({ object: { kind: 'Pod', name: 'cart-redis-master-0', namespace: NS }, reason: master.reason, message: master.reason === 'NodeNotReady' ? 'Node is not ready' : 'Readiness probe failed: dial tcp 10.0.2.9:6379: connect: connection refused', firstSeen: minutesAgo(17), lastSeen: minutesAgo(17) })],
    }],
  };
}

describe('a down dependency whose pod its node holds', () => {
  it('names the node, since when it is not ready, and that the pod is stuck Terminating', () => {
    const told = describeDownService(scenario({ deleting: true, reason: 'NodeNotReady' }), 'cart-redis');
    expect(told?.text).toBe(`Service cart-redis has no ready endpoint: its pod cart-redis-master-0 on node ${NODE_B} is Running, not ready, Terminating (deleted 12m ago) — NodeNotReady: Node is not ready (since 17m ago)`);
    expect(told?.fix).toMatch(new RegExp(`^confirm node ${NODE_B.replace(/\./g, '\\.')} is gone \\(or bring it back\\), then force-delete pod cart-redis-master-0`));
  });

  it('makes confirming the node and forcing the pod the fix of the refused connections', () => {
    const [f] = analyzeDependencyErrors(scenario({ deleting: true, reason: 'NodeNotReady' }));
    expect(f?.title).toContain(`on node ${NODE_B}`);
    expect(f?.fix).toMatch(/force-delete pod cart-redis-master-0/);
  });

  it('names no node for a pod failing its probe on a healthy node', () => {
    const told = describeDownService(scenario({ deleting: false, reason: 'Unhealthy' }), 'cart-redis');
    expect(told?.text).not.toMatch(/on node/);
    expect(told?.fix).toBeUndefined();
  });
});
