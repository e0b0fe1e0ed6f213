import { describe, expect, it } from 'vitest';
import { isSimilarName } from '../../../src/domain/triage/service-match.js';

describe('isSimilarName', () => {
  it.each([
    ['payment-svc', 'payment-service'],
    ['payments-api', 'payment-api'],
    ['checkout', 'checkuot'],
  ])('takes %s and %s for a slip of one name', (a, b) => {
    expect(isSimilarName(a, b)).toBe(true);
  });

  it.each([
    ['cart-redis', 'cart-api'],
    ['payment-gateway', 'payment-service'],
    ['orders-db', 'orders-worker'],
  ])('takes %s and %s for siblings, not a slip', (a, b) => {
    expect(isSimilarName(a, b)).toBe(false);
  });
});
