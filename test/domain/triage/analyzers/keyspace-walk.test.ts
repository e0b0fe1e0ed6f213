// The workload's Redis reads time out while its own periodic job runs KEYS over millions of keys:
// Redis serves one command at a time, so each run holds every other client's command for seconds.
// The job (and the revision that brought it) is the mechanism, named in the headline — not "error
// lines" of a Redis that is up and Ready. A pass with SCAN, a quick KEYS, or timeouts at other
// times than the runs are not this.
import { describe, expect, it } from 'vitest';
import { analyzeKeyspaceWalk } from '../../../../src/domain/triage/analyzers/keyspace-walk.js';
import { findKeyspaceWalks, quoteWalkLine, readWalkLine } from '../../../../src/domain/triage/keyspace-walk.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, NS, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision } from '../scenarios/builders.js';

const ENV = [{ name: 'REDIS_URL', value: `redis://cart-cache.${NS}.svc.cluster.local:6379/0` }];
const SEC = 1 / 60;

/** A janitor that logs its start with the command, then what it got back and how long it took. */
function janitorLines(start: number, over: { command?: string; keys?: string; ms?: number } = {}): string[] {
  const ms = over.ms ?? 6180;
  return [
    `${minutesAgo(start)} INFO cart_janitor: purging abandoned carts with ${over.command ?? 'KEYS cart:abandoned:*'}`,
    `${minutesAgo(start - ms / 60_000)} INFO cart_janitor: ${over.command?.split(' ')[0] ?? 'KEYS'} returned ${over.keys ?? '6,400,000'} keys in ${ms}ms, removed 812`,
  ];
}
const timeoutLine = (m: number) => `${minutesAgo(m)} ERROR GET /cart failed: redis.exceptions.TimeoutError: Timeout reading from cart-cache.${NS}.svc.cluster.local:6379`;
const okLine = (m: number) => `${minutesAgo(m)} INFO GET /cart 200 4ms`;

function scenario(over: { command?: string; keys?: string; ms?: number; timeoutsAt?: (run: number) => number } = {}): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(95), startTime: minutesAgo(95), containers: [container({ env: ENV })] }));
  const runs = [10, 8, 6, 4];
  return baseEvidence({
    pods,
    revisions: [revision(REV6, minutesAgo(20 * 24 * 60)), revision(REV7, minutesAgo(96), { replicas: 2 })],
    logs: pods.map((p, i) => ({
      pod: p.name, container: 'app', previous: false,
      lines: runs.flatMap((r) => [okLine(r + 0.5), ...janitorLines(r - i * 0.2, over), timeoutLine(over.timeoutsAt ? over.timeoutsAt(r) : r - i * 0.2 - 2 * SEC)]),
    })),
  });
}

describe('a job of the workload that blocks Redis with KEYS over a huge keyspace', () => {
  it('reads the command, its pattern, how many keys and how long from the job\'s own lines', () => {
    expect(readWalkLine('{"msg":"purge finished","matched":12000000,"removed":90,"keysMs":2400,"unlinkMs":12}')).toEqual({ command: 'KEYS', keys: 12_000_000, ms: 2400, message: 'purge finished' });
    expect(readWalkLine('level=info msg="expiring stale entries" match=feed:seen:*')).toEqual({ pattern: 'feed:seen:*', message: 'expiring stale entries' });
    expect(readWalkLine('purging abandoned carts with KEYS cart:abandoned:*')).toEqual({ command: 'KEYS', pattern: 'cart:abandoned:*' });
    expect(readWalkLine('cleanup pass: SCAN MATCH cart:* COUNT 500 visited 6400000 keys in 9100ms')).toBeUndefined();
    expect(readWalkLine('GET /cart 200 4ms')).toBeUndefined();
    expect(readWalkLine('loaded 3 keys from the keyring')).toEqual({ keys: 3 });
  });

  it('pairs each start line with the result after it, with the run\'s window', () => {
    const [walk] = findKeyspaceWalks('p', janitorLines(10), NOW);
    expect(walk).toMatchObject({ command: 'KEYS', pattern: 'cart:abandoned:*', keys: 6_400_000, ms: 6180, from: minutesAgo(10) });
    expect(quoteWalkLine('{"level":"info","ts":"2026-11-21T03:10:00Z","caller":"purge/run.go:40","msg":"purge finished","matched":12000000,"keysMs":2400}')).toBe('purge finished matched=12000000 keysMs=2400');
  });

  it('heads the report with the command, the keys, the seconds it holds Redis and the revision that brought it', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since revision 7 \(1h 36m ago/);
    expect(report.headline).toMatch(/KEYS cart:abandoned:\* over ~6\.4 million keys blocks Redis cart-cache for ~6\.2 s a run, every ~2m from each of 2 pods/);
    expect(report.headline).toMatch(/reads time out \(8 lines in 2 pods, 8 of 8 during a run\)/);
    expect(report.headline).toMatch(/roll back to revision 6/i);
    expect(report.headline).toMatch(/SCAN MATCH cart:abandoned:\* COUNT/);
  });

  it('says nothing when the timeouts fall outside the runs', () => {
    expect(analyzeKeyspaceWalk(scenario({ timeoutsAt: (r) => r - 1 }))).toEqual([]);
  });

  it('says nothing of a KEYS that ends in milliseconds, or of a pass made with SCAN', () => {
    expect(analyzeKeyspaceWalk(scenario({ ms: 40, keys: '9,200' }))).toEqual([]);
    expect(analyzeKeyspaceWalk(scenario({ command: 'SCAN 0 MATCH cart:abandoned:* COUNT 1000' }))).toEqual([]);
  });
});
