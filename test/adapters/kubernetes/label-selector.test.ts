import { describe, expect, it } from 'vitest';
import { describeExpressions, formatSelector, matchesSelector, parseSelector } from '../../../src/adapters/kubernetes/label-selector.js';

describe('formatSelector / describeExpressions', () => {
  const sel = {
    matchLabels: { app: 'payment-service', tier: 'api' },
    matchExpressions: [
      { key: 'track', operator: 'In', values: ['stable', 'canary'] },
      { key: 'legacy', operator: 'DoesNotExist' },
      { key: 'team', operator: 'Exists' },
      { key: 'env', operator: 'NotIn', values: ['dev'] },
    ],
  };

  it('renders the labelSelector query the API server parses', () => {
    expect(formatSelector(sel)).toBe('app=payment-service,tier=api,track in (stable,canary),!legacy,team,env notin (dev)');
    expect(formatSelector({ matchLabels: {} })).toBe('');
    expect(formatSelector(undefined)).toBe('');
  });

  it('describes expressions in words for the evidence', () => {
    expect(describeExpressions(sel)).toEqual(['track in (stable,canary)', 'legacy does not exist', 'team exists', 'env notin (dev)']);
  });
});

describe('parseSelector / matchesSelector', () => {
  const labels = { app: 'payment-service', track: 'stable' };

  it.each([
    ['app=payment-service', true],
    ['app==payment-service', true],
    ['app = payment-service, track=stable', true],
    ['app=payment-service,track=canary', false],
    ['app!=payment-service', false],
    ['team!=payments', true],
    ['track in (stable, canary)', true],
    ['track notin (stable)', false],
    ['app', true],
    ['!app', false],
    ['!legacy', true],
  ])('%s → %s', (selector, expected) => {
    expect(matchesSelector(parseSelector(selector), labels)).toBe(expected);
  });

  it.each(['', 'app=(', 'a b', 'app=pay ment', '=x'])('rejects %j', (selector) => {
    expect(() => parseSelector(selector)).toThrow();
  });
});
