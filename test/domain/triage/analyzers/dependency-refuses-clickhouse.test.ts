// A ClickHouse server that refuses inserts for its own state: a MergeTree table with more active
// parts than parts_to_throw_insert (TOO_MANY_PARTS, code 252) because inserts come faster than
// merges — many small inserts, usually from a writer that cut its batch size. ClickHouse stays
// Ready (/ping answers) and the writer stays Ready too, logging the refusal at WARN while it retries.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { isErrorLine } from '../../../../src/domain/triage/error-line.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, REV6, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running, workload } from '../scenarios/builders.js';

const REV7 = { revision: 7, hash: '5f7d9c8b64' };
const TOO_MANY_PARTS = (m: number) =>
  `{"level":"warn","ts":"${minutesAgo(m)}","msg":"insert failed, retrying","rows":500,"error":"code: 252, message: Too many parts (300 with average size of 12.${m % 10} KiB) in table 'analytics.events_local (9c4e1f2a-6b0d-4c7e-a1f3-58d2e9b07c41)'. Merges are processing significantly slower than inserts"}`;
const MEMORY_TOTAL = (m: number) =>
  `time=${minutesAgo(m)} level=WARN msg="query failed" err="code: 241, message: (total) memory limit exceeded: would use 11.21 GiB (attempt to allocate chunk of 4194304 bytes), maximum: 10.80 GiB. OvercommitTracker decision: Query was selected to stop by OvercommitTracker.: (MEMORY_LIMIT_EXCEEDED)"`;
const SIMULTANEOUS = (m: number) =>
  `time=${minutesAgo(m)} level=WARN msg="query failed" err="code: 202, message: Too many simultaneous queries. Maximum: 100: (TOO_MANY_SIMULTANEOUS_QUERIES)"`;
const env = (batch: string) => [
  { name: 'CLICKHOUSE_ADDR', value: 'clickhouse.payments.svc.cluster.local:9000' },
  { name: 'INSERT_BATCH_SIZE', value: batch },
];

function scenario(line: (m: number) => string = TOO_MANY_PARTS): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(95 - i), startTime: minutesAgo(95 - i), containers: [container({ env: env('500'), state: running(95 - i) })] }));
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(12 * 24 * 60), { containers: [revisionContainer({ env: env('50000') })] }),
      revision(REV7, minutesAgo(96), { replicas: 2, containers: [revisionContainer({ env: env('500') })] }),
    ],
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: ['{"level":"info","msg":"clickhouse connected"}', line(24 - k), line(12 - k), line(2 - k)] })),
  });
}

describe('a ClickHouse server that refuses inserts for its own state', () => {
  it("counts ClickHouse's refusals as error lines, whatever level the writer logs them at", () => {
    expect(isErrorLine(TOO_MANY_PARTS(3))).toBe(true);
    expect(isErrorLine(MEMORY_TOTAL(3))).toBe(true);
    expect(isErrorLine(SIMULTANEOUS(3))).toBe(true);
  });

  it('names TOO_MANY_PARTS, the table, the parts and their tiny size, and says to insert fewer, larger blocks', () => {
    const [f] = analyzeDependencyRefusals(scenario());
    expect(f?.title).toMatch(/^ClickHouse clickhouse refuses inserts: too many parts \(TOO_MANY_PARTS, code 252\) in table analytics\.events_local/);
    expect(f?.title).toMatch(/300 active parts of 12(\.\d+)?–12(\.\d+)? KiB on average/);
    expect(f?.likelyCause).toMatch(/parts_to_throw_insert/);
    expect(f?.fix).toMatch(/larger (blocks|batches)/);
    expect(f?.fix).toMatch(/async_insert/);
  });

  it('reads the server at its total memory limit, and at its concurrent-query limit', () => {
    expect(analyzeDependencyRefusals(scenario(MEMORY_TOTAL))[0]?.title).toMatch(/^ClickHouse clickhouse refuses queries: it is at its total memory limit \(MEMORY_LIMIT_EXCEEDED\)/);
    expect(analyzeDependencyRefusals(scenario(SIMULTANEOUS))[0]?.title).toMatch(/^ClickHouse clickhouse refuses queries: too many simultaneous queries \(TOO_MANY_SIMULTANEOUS_QUERIES/);
  });

  it("makes the verdict a problem whose headline names the refusal and the revision's batch-size change as its trigger, though every pod is ready", () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/ClickHouse clickhouse refuses inserts: too many parts/);
    expect(report.headline).toMatch(/INSERT_BATCH_SIZE[^\n]*50000[^\n]*500/);
    expect(report.headline).toMatch(/revision 7/);
  });
});
