import { describe, expect, it } from 'vitest';
import { mapPod } from '../../../src/adapters/kubernetes/map-pod.js';
import { mapPodTemplate } from '../../../src/adapters/kubernetes/map-template.js';

describe('mapping the RuntimeClass a pod runs under and its pod overhead', () => {
  it('maps spec.runtimeClassName and spec.overhead of a pod, and nothing when the API leaves them out', () => {
    const sandboxed = mapPod({ metadata: { name: 'render-1' }, spec: { containers: [], runtimeClassName: 'sandboxed-vm', overhead: { cpu: '250m', memory: '1Gi' } }, status: { phase: 'Pending' } }, 'Deployment');
    expect(sandboxed.runtimeClassName).toBe('sandboxed-vm');
    expect(sandboxed.overhead).toEqual({ cpu: '250m', memory: '1Gi' });
    const plain = mapPod({ metadata: { name: 'render-2' }, spec: { containers: [] }, status: { phase: 'Pending' } }, 'Deployment');
    expect(plain.runtimeClassName).toBeUndefined();
    expect(plain.overhead).toBeUndefined();
  });

  it('maps spec.runtimeClassName of a pod template, so a revision that sets it shows in the diff', () => {
    expect(mapPodTemplate({ containers: [], runtimeClassName: 'sandboxed-vm' }).runtimeClassName).toBe('sandboxed-vm');
    expect(mapPodTemplate({ containers: [] }).runtimeClassName).toBeUndefined();
  });
});
