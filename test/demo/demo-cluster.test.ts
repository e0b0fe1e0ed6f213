/** The demo cluster moved to the present: every timestamp shifted, each in its own format. */
import { describe, expect, it } from 'vitest';
import { loadDemoCluster, shiftTimestamps } from '../../src/demo/demo-cluster.js';

const DAY = 24 * 3600_000;

describe('shiftTimestamps', () => {
  it('moves ISO instants, fractions and log-line times, keeping each format', () => {
    const text = 'a 2026-11-21T03:14:00Z b 2026-11-21T03:06:00.600Z c 2026-11-21 03:10:58,123 d 2026-11-21T03:14:00.123456Z e 2026-11-21T23:59:59+01:00';
    expect(shiftTimestamps(text, 12 * DAY + 1000)).toBe(
      'a 2026-12-03T03:14:01Z b 2026-12-03T03:06:01.600Z c 2026-12-03 03:10:59,123 d 2026-12-03T03:14:01.123456Z e 2026-12-04T00:00:00+01:00',
    );
  });

  it('leaves text without timestamps alone', () => {
    expect(shiftTimestamps('exit 127, revision 14, 4.2.0 → 4.3.0', DAY)).toBe('exit 127, revision 14, 4.2.0 → 4.3.0');
  });
});

describe('loadDemoCluster', () => {
  it('puts the corpus clock at the start time: nothing is in the future, the crash-loop is minutes old', () => {
    const now = new Date('2027-03-01T10:00:00Z');
    const cluster = loadDemoCluster(now);
    const text = JSON.stringify(cluster);
    const instants = [...text.matchAll(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g)].map((m) => Date.parse(m[0]));
    expect(instants.length).toBeGreaterThan(100);
    expect(Math.max(...instants)).toBeLessThanOrEqual(now.getTime());
    expect(text.includes('2026-11-21'), 'a timestamp left at the corpus clock').toBe(false);
    const checkoutPod = cluster.objects.find((o) => o.kind === 'Pod' && JSON.stringify(o).includes('checkout-gq9zrhsszv'));
    const started = Date.parse(String((checkoutPod?.metadata as { creationTimestamp?: string }).creationTimestamp));
    expect(now.getTime() - started).toBeLessThan(3600_000);
    expect(cluster.services.map((s) => `${s.namespace}/${s.service}`)).toEqual(['risk/fraud-scorer', 'shop/checkout', 'search/indexer', 'payments/ledger']);
  });
});
