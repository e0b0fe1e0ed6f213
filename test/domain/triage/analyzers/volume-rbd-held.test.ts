import { describe, expect, it } from 'vitest';
import { analyzeVolumeAttach } from '../../../../src/domain/triage/analyzers/volume-attach.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { pickImageHolderRead } from '../../../../src/domain/triage/rbd-image-held.js';
import { NODE_A, NODE_B, NOW, NS, event, minutesAgo, node, withCondition } from '../scenarios/builders.js';
import { multiAttachScenario } from '../scenarios/storage.js';

const PVC_VOL = 'pvc-0a1b2c3d-1111-2222-3333-444455556666';
const IMAGE = 'pool-a/csi-vol-0a1b2c3d-aaaa-bbbb-cccc-ddddeeeeffff';
const pod0 = { kind: 'Pod', name: 'ledger-0', namespace: NS };
const STILL_USED = `MountVolume.MountDevice failed for volume "${PVC_VOL}" : rpc error: code = Internal desc = rbd image ${IMAGE} is still being used`;
const BUSY = `MountVolume.MountDevice failed for volume "${PVC_VOL}" : rpc error: code = Internal desc = rbd: map failed with error an error (exit status 16) occurred while running rbd args: [map ${IMAGE} --device-type krbd --options exclusive], rbd error output: rbd: sysfs write failed\nrbd: map failed: (16) Device or resource busy`;

/** The pod moved to NODE_B after NODE_A went NotReady; an early Multi-Attach, then the attach went through and the map is refused. */
function heldImageScenario(withHolders = true): TriageEvidence {
  const ev = multiAttachScenario();
  return {
    ...ev,
    nodes: [node(NODE_B)],
    ...(withHolders ? { imageHolderNodes: [withCondition(node(NODE_A), 'Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', 47)] } : {}),
    events: [
      event({ object: pod0, reason: 'FailedAttachVolume', message: `Multi-Attach error for volume "${PVC_VOL}" Volume is already exclusively attached to one node and can't be attached to another`, count: 4, firstSeen: minutesAgo(38), lastSeen: minutesAgo(32), source: 'attachdetach-controller' }),
      event({ object: pod0, reason: 'FailedMount', message: STILL_USED, count: 14, firstSeen: minutesAgo(31), lastSeen: minutesAgo(1) }),
      event({ object: pod0, reason: 'FailedMount', message: BUSY, count: 5, firstSeen: minutesAgo(30), lastSeen: minutesAgo(7) }),
      event({ object: pod0, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition', count: 15, firstSeen: minutesAgo(36), lastSeen: minutesAgo(2) }),
    ],
  };
}

describe('an RBD image still held by a NotReady node', () => {
  it('names the image and the NotReady node that holds its watcher, over an attach error that ended before the map was refused', () => {
    const [f] = analyzeVolumeAttach(heldImageScenario());
    expect(f?.id).toBe(`volume-attach/image-in-use/${PVC_VOL}`);
    expect(f?.title).toMatch(new RegExp(`the RBD image ${IMAGE} is still held by NotReady node ${NODE_A.replace(/\./g, '\\.')} `));
    expect(f?.likelyCause).toMatch(/watcher/);
    expect(f?.nextAction).toMatch(new RegExp(`^Mitigate: fence ${NODE_A.replace(/\./g, '\\.')}`));
    expect(f?.nextAction).toMatch(/out-of-service/);
    expect(f?.fix).toMatch(/blocklist/);
    expect(f?.evidence.some((l) => l.startsWith(`NotReady node ${NODE_A}: Ready Unknown since 47m ago`))).toBe(true);
  });

  it('still reads the refused map without the node list, and asks for the node the pod ran on before', () => {
    const [f] = analyzeVolumeAttach(heldImageScenario(false));
    expect(f?.title).toMatch(/still held by another client \(the node the pod ran on before\)/);
  });

  it('keeps a Multi-Attach that is still going on', () => {
    const [f] = analyzeVolumeAttach(multiAttachScenario());
    expect(f?.id).toMatch(/^volume-attach\/multi-attach\//);
  });

  it('reads the cluster\'s nodes only for a waiting pod whose image is refused as in use', () => {
    const ev = heldImageScenario();
    expect(pickImageHolderRead(ev.events, ev.pods, NOW)).toBe(true);
    expect(pickImageHolderRead(multiAttachScenario().events, ev.pods, NOW)).toBe(false);
    expect(pickImageHolderRead(ev.events, ev.pods.map((p) => ({ ...p, ready: true })), NOW)).toBe(false);
  });
});
