// A Redis master with min-replicas-to-write whose replica is down: it answers every write with
// NOREPLICAS while reads work, so the client pods stay Ready. The cause is the replica — Pending,
// with the scheduler's reason — never the client's revision; the master's Service selects it
// alone, so the members read are its whole set (the selector without its role label).
import { describe, expect, it } from 'vitest';
import { analyzeDependencyClusterDown } from '../../../../src/domain/triage/analyzers/dependency-cluster-down.js';
import { pickClusterDownService, widenToSet, listConfigMapsOf } from '../../../../src/domain/triage/cluster-down.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import { baseEvidence, container, pod, unscheduledPod } from '../scenarios/builders.js';

const REFUSED = '{"level":50,"err":{"type":"ReplyError","message":"NOREPLICAS Not enough good replicas to write."},"msg":"failed to save cart"}';
const UNSCHED = '0/3 nodes are available: 1 Insufficient memory, 2 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
const MASTER_SELECTOR = { 'app.kubernetes.io/instance': 'sessions', 'app.kubernetes.io/component': 'master' };

function scenario(dependencyMembers?: DependencyMembersEvidence[]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'REDIS_URL', value: 'redis://sessions-master.payments.svc.cluster.local:6379/0' }] })] }));
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [REFUSED, REFUSED] })),
    ...(dependencyMembers ? { dependencyMembers } : {}),
  });
}

function members(): DependencyMembersEvidence {
  return {
    namespace: 'payments',
    service: 'sessions-master',
    pods: [
      pod(0, { name: 'sessions-master-0', labels: MASTER_SELECTOR }),
      unscheduledPod(1, UNSCHED, 40, { name: 'sessions-replicas-0', labels: { 'app.kubernetes.io/instance': 'sessions', 'app.kubernetes.io/component': 'replica' } }),
    ],
    nodeLosses: [],
    config: [{ configMap: 'sessions-configuration', key: 'master.conf', setting: 'min-replicas-to-write', value: '1' }],
  };
}

describe('a Redis master that refuses writes for want of a connected replica (NOREPLICAS)', () => {
  it('reads the whole set of the master\'s Service and the settings of its limit', () => {
    expect(pickClusterDownService(scenario())).toEqual({ name: 'sessions-master', namespace: 'payments', wholeSet: true, settings: ['min-replicas-to-write', 'min-replicas-max-lag'] });
    expect(widenToSet(MASTER_SELECTOR)).toEqual({ 'app.kubernetes.io/instance': 'sessions' });
    expect(widenToSet({ app: 'redis' })).toBeUndefined();
  });

  it('reads the config ConfigMap a member mounts before its scripts', () => {
    const p = pod(0, { volumes: [{ name: 'start-scripts', source: 'configMap', ref: 'sessions-scripts' }, { name: 'health', source: 'configMap', ref: 'sessions-health' }, { name: 'config', source: 'configMap', ref: 'sessions-configuration' }] });
    expect(listConfigMapsOf(p)[0]).toBe('sessions-configuration');
  });

  it('names the replica that is down and why, the limit, and blames no revision of the client', () => {
    const [f] = analyzeDependencyClusterDown(scenario([members()]));
    expect(f?.title).toMatch(/^Redis master sessions-master refuses every write [^:]*\(NOREPLICAS: min-replicas-to-write 1\)/);
    expect(f?.title).toMatch(/sessions-replicas-0 Pending[^;]*Insufficient memory, 2 node\(s\) had volume node affinity conflict/);
    expect(f?.outsideWorkload).toBeDefined();
    expect(f?.nextAction).toMatch(/sessions-replicas-0/);
    expect(f?.nextAction).toMatch(/min-replicas-to-write 0/);
    expect(f?.nextAction).not.toMatch(/roll ?back/i);
  });
});
