import { describe, expect, it } from 'vitest';
import { chooseByNamePrefix } from '../../../src/domain/triage/near-names.js';
import type { PrefixCandidate } from '../../../src/domain/triage/near-names.js';

const job = (name: string, createdAt: string, namespace = 'shop'): PrefixCandidate => ({ kind: 'Job', namespace, name, createdAt });
const deployment = (name: string, namespace = 'shop'): PrefixCandidate => ({ kind: 'Deployment', namespace, name, createdAt: '2026-01-01T00:00:00Z' });

describe('chooseByNamePrefix', () => {
  it('chooses the only workload named with the asked stem and a suffix', () => {
    const r = chooseByNamePrefix('orders-migrate', [job('orders-migrate-2-4-0', '2026-03-01T10:00:00Z'), deployment('orders-api')]);
    expect(r).toEqual({ chosen: job('orders-migrate-2-4-0', '2026-03-01T10:00:00Z'), among: 1 });
  });

  it('chooses the newest Job of one family: same stem, version suffixes', () => {
    const older = job('orders-migrate-2-3-9', '2026-02-01T10:00:00Z');
    const newest = job('orders-migrate-2-4-0', '2026-03-01T10:00:00Z');
    const generated = job('orders-migrate-x7k2p', '2026-01-01T10:00:00Z');
    expect(chooseByNamePrefix('orders-migrate', [older, newest, generated, deployment('orders-api')])).toEqual({ chosen: newest, among: 3 });
  });

  it('keeps "not found" when several unrelated workloads share the stem', () => {
    expect(chooseByNamePrefix('orders', [deployment('orders-api'), deployment('orders-worker')])).toBeUndefined();
    // Jobs of two different tasks are not one family, even with version numbers.
    expect(chooseByNamePrefix('orders', [job('orders-migrate-12', '2026-03-01T10:00:00Z'), job('orders-backfill-3', '2026-03-02T10:00:00Z')])).toBeUndefined();
    // One family's runs in two namespaces: which namespace is the user's to say.
    expect(chooseByNamePrefix('orders-migrate', [job('orders-migrate-1', '2026-03-01T10:00:00Z', 'shop'), job('orders-migrate-2', '2026-03-02T10:00:00Z', 'shop-staging')])).toBeUndefined();
  });

  it('matches only at a "-" boundary', () => {
    expect(chooseByNamePrefix('orders', [deployment('ordersapi')])).toBeUndefined();
    expect(chooseByNamePrefix('orders', [])).toBeUndefined();
  });
});
