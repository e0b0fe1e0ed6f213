import { describe, expect, it } from 'vitest';
import { mapPlacement } from '../../../src/adapters/kubernetes/map-spec.js';
import { mapNode } from '../../../src/adapters/kubernetes/map-node.js';

// How long a NoExecute toleration lasts and when a NoExecute taint was put on: together they say
// when the taint manager will evict a pod that tolerates the taint for a while.
describe('mapping NoExecute timing', () => {
  it("keeps a toleration's tolerationSeconds", () => {
    const placement = mapPlacement({ containers: [], tolerations: [{ operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }, { key: 'dedicated', operator: 'Equal', value: 'search', effect: 'NoSchedule' }] });
    expect(placement.tolerations).toEqual([{ operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }, { key: 'dedicated', operator: 'Equal', value: 'search', effect: 'NoSchedule' }]);
  });

  it("keeps a taint's timeAdded", () => {
    const node = mapNode({ metadata: { name: 'n1' }, spec: { taints: [{ key: 'maint/pending', value: 'k1', effect: 'NoExecute', timeAdded: new Date('2026-11-21T01:05:00Z') }, { key: 'gpu', effect: 'NoSchedule' }] } });
    expect(node.taints).toEqual([{ key: 'maint/pending', value: 'k1', effect: 'NoExecute', timeAdded: '2026-11-21T01:05:00Z' }, { key: 'gpu', effect: 'NoSchedule' }]);
  });
});
