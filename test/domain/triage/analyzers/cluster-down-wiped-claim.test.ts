// A Redis Cluster down (CLUSTERDOWN) while every member runs: one member far younger than its
// siblings came back on a new, empty claim, because its StatefulSet deletes claims on scale-down
// (persistentVolumeClaimRetentionPolicy whenScaled: Delete). The finding names the member, its
// claim and the policy, and the fix rejoins it and keeps claims from then on.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyClusterDown } from '../../../../src/domain/triage/analyzers/dependency-cluster-down.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import { findRenewedMember } from '../../../../src/domain/triage/renewed-member.js';
import { NOW, baseEvidence, container, minutesAgo, pod, setMember } from '../scenarios/builders.js';

const DOWN = '{"level":50,"err":{"type":"ReplyError","message":"CLUSTERDOWN The cluster is down"},"msg":"session lookup failed"}';
const ENV = [{ name: 'REDIS_CLUSTER_NODES', value: 'sessions-redis.cache.svc.cluster.local:6379' }];
const DAY = 24 * 60;

function members(policy: { whenScaled?: string } = { whenScaled: 'Delete' }, youngClaimAgo = 41): DependencyMembersEvidence {
  const pods = [0, 1, 2].map((i) => setMember('sessions-redis', 'sessions-redis-6d8f', i, i === 2 ? 41 : 33 * DAY, { containers: [container({ name: 'redis' })] }, { claim: true }));
  return {
    namespace: 'cache',
    service: 'sessions-redis',
    pods,
    nodeLosses: [],
    memberClaims: {
      statefulSet: 'sessions-redis',
      ...policy,
      whenDeleted: 'Retain',
      claims: pods.map((p, i) => ({ name: `data-${p.name}`, pod: p.name, createdAt: minutesAgo(i === 2 ? youngClaimAgo : 140 * DAY) })),
    },
  };
}

function scenario(m: DependencyMembersEvidence) {
  const pods = [0, 1, 2].map((i) => pod(i, { containers: [container({ env: ENV })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [DOWN, DOWN, DOWN] })), dependencyMembers: [m] });
}

describe('a cluster member back on a new, empty claim', () => {
  it('is told apart by its age among the StatefulSet members', () => {
    expect(findRenewedMember(members().pods, NOW)?.pod.name).toBe('sessions-redis-2');
    expect(findRenewedMember(members().pods.map((p) => ({ ...p, createdAt: minutesAgo(33 * DAY) })), NOW)).toBeUndefined();
  });

  it('names the member, its claim and the retention policy that deleted the old one', () => {
    const [f] = analyzeDependencyClusterDown(scenario(members()));
    expect(f?.title).toMatch(/sessions-redis-2 came back 41m ago on a new, empty claim data-sessions-redis-2 \(its siblings' are 140d old\): StatefulSet sessions-redis deletes claims \(persistentVolumeClaimRetentionPolicy whenScaled: Delete\)/);
    expect(f?.fix).toMatch(/^rejoin sessions-redis-2 .* set whenScaled: Retain on StatefulSet sessions-redis/);
    expect(f?.datesChange).toBe(true);
  });

  it('says nothing of a new claim when every claim is as old as the set', () => {
    const [f] = analyzeDependencyClusterDown(scenario(members({ whenScaled: 'Delete' }, 140 * DAY)));
    expect(f?.title).not.toMatch(/new, empty claim/);
    expect(f?.title).toMatch(/all 3 of its pods are Running and ready/);
  });
});
