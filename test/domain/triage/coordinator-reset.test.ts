// Members of a clustered store that keep the cluster id on their own volumes refuse it when the
// coordinator that hands it out was re-created with fresh claims (it started empty and issued a
// new id). The coordinator's claims, far younger than the members', are the change to name, with
// the fix in its data; the coordinator is found through the address the members connect to.
import { describe, expect, it } from 'vitest';
import { findCoordinatorReset, pickIdentityCoordinator, tellCoordinatorReset } from '../../../src/domain/triage/coordinator-reset.js';
import type { DependencyMembersEvidence } from '../../../src/domain/triage/evidence-dependency-members.js';
import type { PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from './scenarios/builders.js';

const DAY = 24 * 60;
const REFUSAL = `kafka.common.InconsistentClusterIdException: The Cluster ID NewId123 doesn't match stored clusterId Some(OldId456) in meta.properties. The broker is trying to join the wrong cluster.`;

const brokers: PodEvidence[] = [0, 1].map((i) => pod(i, {
  name: `events-bus-${i}`,
  containers: [container({ name: 'broker', env: [{ name: 'KAFKA_ZOOKEEPER_CONNECT', value: 'coord-0.coord-hl:2181,coord-1.coord-hl:2181' }] })],
  volumes: [{ name: 'data', source: 'pvc', ref: `data-events-bus-${i}` }],
}));

function scenario(coordClaimsAgo: number): TriageEvidence {
  const members: DependencyMembersEvidence = {
    namespace: 'ns', service: 'coord-hl', pods: [], nodeLosses: [],
    memberClaims: { statefulSet: 'coord', claims: [0, 1].map((i) => ({ name: `data-coord-${i}`, pod: `coord-${i}`, createdAt: minutesAgo(coordClaimsAgo - i) })) },
  };
  return baseEvidence({
    pods: brokers,
    pvcs: [0, 1].map((i) => ({ name: `data-events-bus-${i}`, phase: 'Bound' as const, accessModes: ['ReadWriteOnce'], usedByPods: [`events-bus-${i}`], createdAt: minutesAgo(200 * DAY - i) })),
    dependencyMembers: [members],
  });
}

describe('a coordinator re-created on fresh claims under members that keep their cluster id', () => {
  it('finds the coordinator through the address the members connect to', () => {
    const ref = pickIdentityCoordinator({ logs: [{ pod: 'events-bus-0', container: 'broker', previous: true, lines: [REFUSAL] }], pods: brokers, target: { namespace: 'ns' } });
    expect(ref).toEqual({ name: 'coord-hl', namespace: 'ns' });
  });

  it('reads nothing when the members log no identity refusal', () => {
    expect(pickIdentityCoordinator({ logs: [{ pod: 'events-bus-0', container: 'broker', previous: true, lines: ['ERROR Connection refused'] }], pods: brokers, target: { namespace: 'ns' } })).toBeUndefined();
  });

  it('names the coordinator re-created with its claims as the change, with the fix in its data', () => {
    const r = findCoordinatorReset(scenario(50), brokers, [REFUSAL]);
    expect(r).toBeDefined();
    const told = tellCoordinatorReset(r!, NOW);
    expect(told.title).toMatch(/ZooKeeper \(StatefulSet coord, Service coord-hl\) was re-created with fresh claims data-coord-0, data-coord-1 50m ago/);
    expect(told.datesChange).toBe(true);
    expect(told.fix).toMatch(/restore ZooKeeper's data, or reset .*meta\.properties/);
    expect(told.action).toMatch(/lost/);
  });

  it("leaves it when the coordinator's claims are as old as the members'", () => {
    expect(findCoordinatorReset(scenario(200 * DAY + 30), brokers, [REFUSAL])).toBeUndefined();
  });
});
