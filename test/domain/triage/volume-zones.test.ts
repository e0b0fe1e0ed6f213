// Which members' volumes are read for their zone: Pending ones the scheduler cannot place for a
// volume node affinity conflict, one claim each, at most two; and the zone a volume is pinned to.
import { describe, expect, it } from 'vitest';
import { listDownMembers } from '../../../src/domain/triage/cluster-down.js';
import { listVolumeZones, listZonePinnedMembers } from '../../../src/domain/triage/volume-zones.js';
import { pod, unscheduledPod } from './scenarios/builders.js';

const ZONE = "0/4 nodes are available: 2 node(s) didn't match Pod's node affinity/selector, 2 node(s) had volume node affinity conflict.";
const CPU = '0/4 nodes are available: 4 Insufficient cpu.';
const claim = (name: string) => [{ name: 'data', source: 'pvc' as const, ref: name }];

describe('members pinned to a zone by their volume', () => {
  it('are the Pending members whose scheduler message is a volume node affinity conflict, with their claim', () => {
    const pods = [
      pod(0, { name: 'db-0', volumes: claim('data-db-0') }),
      unscheduledPod(1, ZONE, 300, { name: 'db-1', volumes: claim('data-db-1') }),
      unscheduledPod(2, CPU, 300, { name: 'db-2', volumes: claim('data-db-2') }),
      unscheduledPod(3, ZONE, 300, { name: 'db-3' }),
    ];
    expect(listZonePinnedMembers(listDownMembers(pods))).toEqual([{ pod: 'db-1', claims: ['data-db-1'] }]);
  });

  it("reads the zone from the volume's node affinity, whatever label its driver uses", () => {
    expect(listVolumeZones({ nodeAffinity: [[{ key: 'topology.ebs.csi.aws.com/zone', operator: 'In', values: ['eu-west-1b'] }]] })).toEqual(['eu-west-1b']);
    expect(listVolumeZones({ nodeAffinity: [[{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] }]] })).toEqual([]);
  });
});
