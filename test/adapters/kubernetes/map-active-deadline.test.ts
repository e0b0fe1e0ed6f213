import { describe, expect, it } from 'vitest';
import { mapPod } from '../../../src/adapters/kubernetes/map-pod.js';
import { mapPodTemplate } from '../../../src/adapters/kubernetes/map-template.js';

describe('mapping spec.activeDeadlineSeconds', () => {
  it("maps a pod's and a template's activeDeadlineSeconds, and nothing when unset", () => {
    expect(mapPod({ metadata: { name: 'api-1' }, spec: { containers: [], activeDeadlineSeconds: 3600 }, status: { phase: 'Running' } }, 'Deployment').activeDeadlineSeconds).toBe(3600);
    expect(mapPod({ metadata: { name: 'api-2' }, spec: { containers: [] }, status: { phase: 'Running' } }, 'Deployment').activeDeadlineSeconds).toBeUndefined();
    expect(mapPodTemplate({ containers: [], activeDeadlineSeconds: 600 }).activeDeadlineSeconds).toBe(600);
    expect(mapPodTemplate({ containers: [] }).activeDeadlineSeconds).toBeUndefined();
  });
});
