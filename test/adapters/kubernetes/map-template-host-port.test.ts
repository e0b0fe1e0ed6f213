import { describe, expect, it } from 'vitest';
import { mapRevisionContainer } from '../../../src/adapters/kubernetes/map-template.js';

describe('mapping a template container\'s ports for the revision diff', () => {
  it('renders a hostPort, so a revision that adds one shows in the diff', () => {
    const before = mapRevisionContainer({ name: 'relay', ports: [{ name: 'trace', containerPort: 6831, protocol: 'UDP' }] });
    const after = mapRevisionContainer({ name: 'relay', ports: [{ name: 'trace', containerPort: 6831, protocol: 'UDP', hostPort: 6831 }] });
    expect(before.ports).toEqual(['6831/UDP "trace"']);
    expect(after.ports).toEqual(['6831/UDP "trace" hostPort 6831']);
  });
});
