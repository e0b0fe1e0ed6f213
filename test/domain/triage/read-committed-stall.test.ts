import { describe, expect, it } from 'vitest';
import { findReadCommittedStall } from '../../../src/domain/triage/read-committed-stall.js';
import { analyzeReadCommittedStall } from '../../../src/domain/triage/analyzers/read-committed-stall.js';
import { baseEvidence, container, pod } from './scenarios/builders.js';

const line = (consumed: number, lag: number) => `2026-11-21T03:00:00.000Z  INFO 1 --- [scheduling-1] c.a.LagReporter : group=g partitions=4 records_consumed_last_60s=${consumed} lag_total=${lag}`;

function seen(isolation: string | undefined, lines: string[]) {
  const base = baseEvidence();
  const p = base.pods[0]!;
  const c = p.containers[0]!;
  const withEnv = { ...p, containers: [{ ...c, env: isolation ? [{ name: 'SPRING_KAFKA_CONSUMER_ISOLATION_LEVEL', value: isolation }] : [] }] };
  return { ...base, pods: [withEnv], logs: [{ pod: p.name, container: c.name, lines, previous: false }] };
}

describe('a read_committed consumer that fetches nothing while its lag grows', () => {
  it('is a stall behind an open transaction, never healthy, and names the transaction timeout', () => {
    const ev = seen('read_committed', [line(2400, 3), line(0, 120), line(0, 2990), line(0, 5860)]);
    expect(findReadCommittedStall(ev)).toMatchObject({ lag: 5860 });
    const [f] = analyzeReadCommittedStall(ev as never);
    expect(f?.title).toMatch(/last stable offset/);
    expect(f?.title).toMatch(/transaction\.timeout\.ms/);
    expect(f?.severity).toBe('critical');
  });
  it('dates the stall by its first sample that consumed nothing', () => {
    const at = (t: string, consumed: number, lag: number) => line(consumed, lag).replace('03:00:00', t);
    const ev = seen('read_committed', [at('02:20:00', 2400, 3), at('02:27:00', 0, 120), at('02:34:00', 0, 2990)]);
    expect(findReadCommittedStall(ev)?.since).toBe('2026-11-21T02:27:00.000Z');
    expect(analyzeReadCommittedStall(ev as never)[0]?.onset).toBe('2026-11-21T02:27:00.000Z');
  });
  it('says nothing for read_uncommitted, a draining lag, or a consumer that still consumes', () => {
    expect(findReadCommittedStall(seen(undefined, [line(0, 120), line(0, 2990)]))).toBeUndefined();
    expect(findReadCommittedStall(seen('read_committed', [line(0, 2990), line(0, 120)]))).toBeUndefined();
    expect(findReadCommittedStall(seen('read_committed', [line(300, 120), line(280, 2990)]))).toBeUndefined();
  });
});
