import { describe, expect, it } from 'vitest';
import { LAST_APPLIED_ANNOTATION, readAppliedSidecars } from '../../../src/adapters/kubernetes/map-last-applied.js';

describe('readAppliedSidecars', () => {
  it('lists the init containers applied with restartPolicy Always, and nothing for a missing or broken annotation', () => {
    const applied = { spec: { template: { spec: { initContainers: [{ name: 'migrate' }, { name: 'proxy', restartPolicy: 'Always' }], containers: [{ name: 'app' }] } } } };
    expect(readAppliedSidecars({ annotations: { [LAST_APPLIED_ANNOTATION]: JSON.stringify(applied) } })).toEqual(['proxy']);
    expect(readAppliedSidecars({ annotations: { [LAST_APPLIED_ANNOTATION]: '{not json' } })).toEqual([]);
    expect(readAppliedSidecars({})).toEqual([]);
  });
});
