import { describe, expect, it } from 'vitest';
import { mapPodTemplate } from '../../../src/adapters/kubernetes/map-template.js';

describe('mapping spec.shareProcessNamespace', () => {
  it("maps a template's shareProcessNamespace when on, and nothing when unset or off", () => {
    expect(mapPodTemplate({ containers: [], shareProcessNamespace: true }).shareProcessNamespace).toBe(true);
    expect(mapPodTemplate({ containers: [], shareProcessNamespace: false }).shareProcessNamespace).toBeUndefined();
    expect(mapPodTemplate({ containers: [] }).shareProcessNamespace).toBeUndefined();
  });
});
