import { describe, expect, it } from 'vitest';
import { formatSpan, formatSpanLong, joinAnd, listFirst, truncate } from '../../src/domain/text.js';

describe('truncate', () => {
  it.each([
    ['abc', 3, 'abc'],
    ['abcd', 3, 'ab…'],
    ['abcd', 1, '…'],
    ['abcd', 0, '…'],
    ['', 0, ''],
  ])('%s to %d is %s', (text, max, cut) => {
    expect(truncate(text, max)).toBe(cut);
  });

  it('never goes past the limit', () => {
    const text = 'x'.repeat(500);
    expect(truncate(text, 300)).toHaveLength(300);
    expect(truncate(text, 300).endsWith('…')).toBe(true);
  });
});

describe('formatSpan', () => {
  it.each([
    [20_000, '20s'],
    [400, '1s'],
    [0, '0s'],
    [-5_000, '0s'],
    [Number.NaN, '0s'],
    [59_600, '1m'],
    [12 * 60_000 + 59_000, '12m'],
    [45 * 60_000, '45m'],
    [2 * 3_600_000, '2h'],
    [2 * 3_600_000 + 5 * 60_000, '2h 5m'],
    [72 * 60_000, '1h 12m'],
    [24 * 3_600_000, '1d'],
    [27 * 3_600_000, '1d 3h'],
    [30 * 3_600_000, '1d 6h'],
    [51 * 3_600_000, '2d 3h'],
    [48 * 3_600_000, '2d'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });
});

describe('formatSpanLong', () => {
  it.each([
    [0, 'less than a minute'],
    [-1, 'less than a minute'],
    [Number.NaN, 'less than a minute'],
    [1_000, '1 second'],
    [45_000, '45 seconds'],
    [60_000, '1 minute'],
    [12 * 60_000, '12 minutes'],
    [2 * 3_600_000, '2 hours'],
    [72 * 60_000, '1 hour 12 minutes'],
    [24 * 3_600_000 + 5 * 60_000, '1 day 5 minutes'],
    [30 * 3_600_000, '1 day 6 hours'],
    [(26 * 60 + 5) * 60_000, '1 day 2 hours 5 minutes'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatSpanLong(ms)).toBe(text);
  });

  it('writes the same span as the short form does, in words', () => {
    expect(formatSpan(30 * 3_600_000)).toBe('1d 6h');
    expect(formatSpanLong(30 * 3_600_000)).toBe('1 day 6 hours');
  });
});

describe('joinAnd', () => {
  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
  ])('%j → %s', (items, expected) => {
    expect(joinAnd(items)).toBe(expected);
  });
});

describe('listFirst', () => {
  it.each([
    [['a', 'b'], 3, 'a, b'],
    [['a', 'b', 'c'], 3, 'a, b, c'],
    [['a', 'b', 'c', 'd', 'e'], 3, 'a, b, c and 2 more'],
    [['a', 'b', 'c'], 2, 'a, b and 1 more'],
  ])('%j, %i shown → %s', (names, shown, expected) => {
    expect(listFirst(names, shown)).toBe(expected);
  });
});
