import { describe, expect, it } from 'vitest';
import { rankNearNames } from '../../../src/adapters/kubernetes/near-names.js';

describe('rankNearNames', () => {
  const names = ['payment-service', 'payment-gateway', 'payments-db', 'search-api', 'checkout', 'checkout-worker', 'pay', 'ledger-db'];

  it('puts typos first, then names sharing a long prefix', () => {
    expect(rankNearNames('payment-servce', names)).toEqual(['payment-service', 'payment-gateway', 'payments-db']);
  });

  it('finds the longer name a prefix was typed for', () => {
    expect(rankNearNames('checkou', names)).toEqual(['checkout', 'checkout-worker']);
  });

  it('does not match on a short shared prefix alone', () => {
    expect(rankNearNames('paxos', names)).toEqual([]);
    expect(rankNearNames('search-web', names)).toEqual(['search-api']);
  });

  it('allows one typo in a short name, more in a long one', () => {
    expect(rankNearNames('lbdger-db', ['ledger-db'])).toEqual(['ledger-db']);
    expect(rankNearNames('pey', ['pay', 'pod'])).toEqual(['pay']);
    expect(rankNearNames('xyz', ['abc'])).toEqual([]);
  });

  it('is case-insensitive, skips the name itself and duplicates, and returns at most max', () => {
    expect(rankNearNames('Checkout', ['checkout', 'checkout', 'checkouts'])).toEqual(['checkouts']);
    const many = Array.from({ length: 10 }, (_, i) => `api-gateway-${i}`);
    expect(rankNearNames('api-gateway', many)).toHaveLength(5);
    expect(rankNearNames('api-gateway', many, 2)).toEqual(['api-gateway-0', 'api-gateway-1']);
  });

  it('returns nothing for nothing', () => {
    expect(rankNearNames('payment-service', [])).toEqual([]);
  });
});
