import { describe, expect, it } from 'vitest';
import { formatClock, localizeUtcClocks } from '../../../src/domain/triage/time-span.js';
import { readerTime, timesAsUtc } from '../../../src/domain/time-ref.js';

describe('times in triage sentences', () => {
  it('writes a clock as the reader\'s own time, never as "UTC" text', () => {
    expect(formatClock('2026-11-21T03:02:00Z')).toBe(readerTime('2026-11-21T03:02:00Z', 'time'));
    expect(timesAsUtc(formatClock('2026-11-21T03:02:00Z'))).toBe('03:02 UTC');
  });

  it('turns the UTC clocks of an analysis sentence into reader times, whichever way they were written', () => {
    const text = localizeUtcClocks('TLS certificate expired at 2026-11-21T00:00:00Z (x509); runs skipped (2026-11-20 01:30 UTC, 2026-11-21 01:30 UTC)');
    expect(text).toBe(
      `TLS certificate expired at ${readerTime('2026-11-21T00:00:00Z')} (x509); runs skipped (${readerTime('2026-11-20T01:30:00Z')}, ${readerTime('2026-11-21T01:30:00Z')})`,
    );
    expect(timesAsUtc(text)).toBe('TLS certificate expired at 2026-11-21 00:00 UTC (x509); runs skipped (2026-11-20 01:30 UTC, 2026-11-21 01:30 UTC)');
  });

  it('leaves dates without a clock and clocks without a zone as written', () => {
    expect(localizeUtcClocks('image built 2026-11-20; started 03:02:11')).toBe('image built 2026-11-20; started 03:02:11');
  });
});
