import { describe, expect, it } from 'vitest';
import { findLookupStall, readLookupDurations } from '../../../src/domain/triage/lookup-stall.js';
import type { PodEvidence } from '../../../src/domain/triage/evidence.js';
import { baseEvidence, container, pod } from './scenarios/builders.js';

/** logfmt lines of a Python worker that times each outbound call's phases. */
function calls(dnsMs: readonly number[]): string[] {
  return dnsMs.map((ms, i) => `level=info msg="outbound call" host=api${i % 3}.vendor.example status=200 dns_ms=${ms} connect_ms=12 total_ms=${ms + 90}`);
}

function evidence(lines: readonly string[], over: Partial<PodEvidence> = {}) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ image: 'registry.example/sync/worker:3.2.0-bookworm' })], ...over }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...lines] })) });
}

describe('reading how long the DNS phase of a call took', () => {
  it('reads phase fields, percentile figures, curl\'s seconds and plain phrases', () => {
    expect(readLookupDurations('{"msg":"slow upstream call","phases":{"wait":1,"dns":5003,"tcp":19}}')).toEqual([{ ms: 5003, kind: 'sample', text: '"dns":5003' }]);
    expect(readLookupDurations('msg="stats" dns_p50_ms=2 dns_p99_ms=5006').map((d) => [d.ms, d.kind])).toEqual([[2, 'typical'], [5006, 'tail']]);
    expect(readLookupDurations('time_namelookup: 5.004 time_connect: 5.020').map((d) => d.ms)).toEqual([5004]);
    expect(readLookupDurations('WARN DNS lookup took 5.01s for api.vendor.example').map((d) => d.ms)).toEqual([5010]);
  });

  it('does not take timestamps, counters or settings for durations', () => {
    expect(readLookupDurations('{"timings":{"start":1795230519000,"lookup":1795230524003}}')).toEqual([]);
    expect(readLookupDurations('{"msg":"stats","lookups":780,"dns_timeout_ms":5000,"dns_failures":3}')).toEqual([]);
  });
});

describe('lookups that wait out the resolver timeout', () => {
  const mixed = calls([2, 3, 5004, 1, 2, 5009, 4, 2, 3, 5006, 2, 1]);

  it('finds lookups clustered at 5 s while the typical one takes a few ms, and the pods\' missing race option', () => {
    const stall = findLookupStall(evidence(mixed, { dnsOptions: ['ndots:2'] }));
    expect(stall?.timeoutS).toBe(5);
    expect(stall?.stalled.length).toBe(6);
    expect(stall?.typicalMs).toBeLessThan(10);
    expect(stall?.raceOption).toBeUndefined();
    expect(stall?.libc).toBe('glibc');
  });

  it('notes the option that already stops the A/AAAA race', () => {
    expect(findLookupStall(evidence(mixed, { dnsOptions: ['ndots:2', 'single-request-reopen'] }))?.raceOption).toBe('single-request-reopen');
  });

  it('reads the resolver timeout the pods set', () => {
    const stall = findLookupStall(evidence(calls([2, 2004, 3, 2, 2010, 1, 2, 2002, 3, 2]), { dnsOptions: ['timeout:2'] }));
    expect(stall?.timeoutS).toBe(2);
  });

  it('says nothing when every lookup is slow, or when slow ones spread rather than sit at the timeout', () => {
    expect(findLookupStall(evidence(calls([5003, 5004, 5002, 5006, 5001, 5008, 5003])))).toBeUndefined();
    expect(findLookupStall(evidence(calls([2, 3, 3100, 1, 4200, 2, 6900, 3, 2, 1])))).toBeUndefined();
  });
});
