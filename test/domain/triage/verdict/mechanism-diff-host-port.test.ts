import { describe, expect, it } from 'vitest';
import { describeUntouched, pickChange } from '../../../../src/domain/triage/verdict/mechanism-diff.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import type { RevisionEvidence } from '../../../../src/domain/triage/evidence.js';

const rev = (revision: number): RevisionEvidence => ({ revision, name: `relay-${revision}`, hash: `h${revision}`, createdAt: '2026-01-01T00:00:00Z', containers: [] });
const refused = { kind: 'failed-scheduling', title: '1 pod Pending, 0/4 nodes available: 4 node(s) didn\'t have free ports for the requested pod ports', decisive: '0/4 nodes are available: 4 node(s) didn\'t have free ports for the requested pod ports.' } as Finding;

describe('a revision against pods refused for host ports', () => {
  const added = 'relay ports: "9000/TCP \\"api\\"" "6831/UDP \\"trace\\"" → "9000/TCP \\"api\\"" "6831/UDP \\"trace\\" hostPort 6831"';

  it('leads with the ports line that added the hostPort, over the image bump beside it', () => {
    const diff = ['relay image: example.org/relay:1.4.0 → example.org/relay:1.5.0', added];
    expect(pickChange(refused, diff, rev(1), rev(2))).toBe('relay hostPort added 6831/UDP');
  });

  it('counts a revision that added a hostPort (or the host network) as a possible cause', () => {
    expect(describeUntouched(refused, [added], true)).toBeUndefined();
    expect(describeUntouched(refused, ['hostNetwork: false → true'], true)).toBeUndefined();
  });

  it('clears a revision that only renamed a port: the host port was held before it', () => {
    const renamed = 'relay ports: "6831/UDP \\"trace\\" hostPort 6831" → "6831/UDP \\"spans\\" hostPort 6831"';
    expect(describeUntouched(refused, [renamed], true)).toMatch(/host port/);
  });
});
