import { describe, expect, it } from 'vitest';
import { findOverlap } from '../../../src/domain/triage/cron-overlap.js';
import type { JobEvidence, LogEvidence } from '../../../src/domain/triage/evidence.js';
import { minutesAgo } from './scenarios/builders.js';

function run(name: string, ago: number, active = 1): JobEvidence {
  return { name, createdAt: minutesAgo(ago), startTime: minutesAgo(ago), active, succeeded: active ? 0 : 1, failed: 0, conditions: [] };
}
const log = (pod: string, ...lines: string[]): LogEvidence => ({ pod, container: 'app', previous: false, lines });

describe('findOverlap', () => {
  it('lists the runs going since the last success, oldest first, and the lock waits their logs say in the words of several databases', () => {
    const o = findOverlap([run('r-3', 2), run('r-2', 7), run('r-1', 12), run('r-0', 20, 0)], [
      log('r-3-a', 'ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction'),
      log('r-2-b', 'psycopg2.errors.LockNotAvailable: could not obtain lock on relation "daily_balances"'),
      log('r-1-c', 'INFO 12000 rows rolled up'),
      log('r-1-d', '{"level":"warn","msg":"waiting on advisory lock","blocked_by":"pid 4410"}'),
    ], minutesAgo(15));
    expect(o?.active.map((j) => j.name)).toEqual(['r-1', 'r-2', 'r-3']);
    expect(o?.oldest.name).toBe('r-1');
    expect(o?.lockWaits.map((w) => w.pod)).toEqual(['r-3-a', 'r-2-b', 'r-1-d']);
  });

  it('finds no overlap with one run going, or runs started before the last success', () => {
    expect(findOverlap([run('r-3', 2), run('r-2', 7, 0)], [], minutesAgo(15))).toBeUndefined();
    expect(findOverlap([run('r-3', 2), run('r-2', 20)], [], minutesAgo(15))).toBeUndefined();
  });
});
