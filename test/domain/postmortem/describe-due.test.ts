import { describe, expect, it } from 'vitest';
import { describeDue } from '../../../src/domain/postmortem/action-item.js';
import { readerTime, timesAsUtc } from '../../../src/domain/time-ref.js';

describe('describeDue', () => {
  it('keeps a date deadline a date, never a midnight instant in someone else’s zone', () => {
    // Due on 2026-12-04 for an owner in Berlin: 09:00 there is 08:00 UTC, but the reader sees the date.
    expect(describeDue({ dueKind: 'date', dueDate: '2026-12-04', dueAt: '2026-12-04T08:00:00.000Z' })).toBe('2026-12-04');
  });

  it('draws an exact deadline in the reader’s zone (a time marker), UTC only where nothing localises it', () => {
    const text = describeDue({ dueKind: 'date-time', dueDate: undefined, dueAt: '2026-12-04T15:00:00.000Z' });
    expect(text).toBe(readerTime('2026-12-04T15:00:00.000Z'));
    expect(timesAsUtc(text)).toBe('2026-12-04 15:00 UTC');
  });
});
