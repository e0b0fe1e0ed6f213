import { describe, expect, it } from 'vitest';
import { mapPod } from '../../../src/adapters/kubernetes/map-pod.js';
import { mapPodTemplate } from '../../../src/adapters/kubernetes/map-template.js';

describe('mapping which scheduler a pod asks for', () => {
  it('maps spec.schedulerName of a pod, and nothing when the API leaves it out', () => {
    const pending = mapPod({ metadata: { name: 'api-1' }, spec: { containers: [], schedulerName: 'binpack-scheduler' }, status: { phase: 'Pending' } }, 'Deployment');
    expect(pending.schedulerName).toBe('binpack-scheduler');
    expect(mapPod({ metadata: { name: 'api-2' }, spec: { containers: [] }, status: { phase: 'Pending' } }, 'Deployment').schedulerName).toBeUndefined();
  });

  it('maps spec.schedulerName of a pod template, so a revision that changes it shows in the diff', () => {
    expect(mapPodTemplate({ containers: [], schedulerName: 'binpack-scheduler' }).schedulerName).toBe('binpack-scheduler');
    expect(mapPodTemplate({ containers: [] }).schedulerName).toBeUndefined();
  });
});
