// A CREATE INDEX CONCURRENTLY that fails part-way (a deadlock, a duplicate key) leaves its index
// INVALID; a retry with IF NOT EXISTS skips it and reports success, and the queries it serves scan
// the table until the client's statement timeout cancels them. The verdict names the index, that it
// is INVALID and why the build failed, and advises the rebuild — never a longer timeout or a rollback.
import { describe, expect, it } from 'vitest';
import { analyzeInvalidIndexes } from '../../../../src/domain/triage/analyzers/invalid-index.js';
import { readInvalidIndexes } from '../../../../src/domain/triage/invalid-index.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, minutesAgo, pod } from '../scenarios/builders.js';

const pg = (m: number, pid: number, rest: string) => `${minutesAgo(m).replace('T', ' ').replace('Z', ' UTC')} [${pid}] owner@shop ${rest}`;
const build = 'CREATE INDEX CONCURRENTLY IF NOT EXISTS items_sku_state_idx ON items (sku, state)';
const server = [
  pg(40, 700, 'LOG:  statement: DROP INDEX IF EXISTS items_sku_idx'),
  pg(40, 700, `LOG:  statement: ${build}`),
  pg(38, 700, 'ERROR:  deadlock detected'),
  pg(38, 700, 'DETAIL:  Process 700 waits for ShareLock on virtual transaction 3/12; blocked by process 650.'),
  `\tProcess 700: ${build}`,
  pg(37, 710, `LOG:  statement: ${build}`),
  pg(37, 710, 'NOTICE:  relation "items_sku_state_idx" already exists, skipping'),
  pg(20, 800, 'ERROR:  canceling statement due to statement timeout'),
  pg(20, 800, 'STATEMENT:  SELECT * FROM items WHERE sku = $1'),
];
const client = (m: number) => `{"level":"error","ts":"${minutesAgo(m)}","msg":"query failed","error":"ERROR: canceling statement due to statement timeout (SQLSTATE 57014)"}`;

function scenario(lines: string[]) {
  const pods = [0, 1].map((i) => pod(i));
  const db = pod(0, { name: 'shop-db-0', labels: { app: 'shop-db' } });
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [25, 18, 12, 6].map(client) })),
    dependencyPods: [{ service: 'shop-db', pod: db, logs: [{ pod: 'shop-db-0', container: 'postgres', previous: false, lines }] }],
  });
}

describe('statement timeouts after a CREATE INDEX CONCURRENTLY left its index INVALID', () => {
  it('reads the failed build, its reason, the skipped retry and the index dropped before it', () => {
    const [bad, ...rest] = readInvalidIndexes(server, NOW);
    expect(rest).toEqual([]);
    expect(bad).toMatchObject({ index: 'items_sku_state_idx', table: 'items', columns: 'sku, state', reason: 'deadlock detected', dropped: ['items_sku_idx'] });
    expect(bad?.skippedLine).toMatch(/already exists, skipping/);
  });

  it('reads a migration tool that echoes the failed statement with its error, and clears an index dropped after', () => {
    const tool = `2026/11/21 02:18:22 error: migration failed: duplicate key value violates unique constraint (details: pq: x) in line 0: CREATE UNIQUE INDEX CONCURRENTLY items_code_key ON items (code);`;
    expect(readInvalidIndexes([tool], NOW)).toMatchObject([{ index: 'items_code_key', reason: 'duplicate key value violates unique constraint' }]);
    expect(readInvalidIndexes([tool, 'DROP INDEX CONCURRENTLY items_code_key'], NOW)).toEqual([]);
  });

  it('names the INVALID index, the deadlock and the rebuild in the headline', () => {
    const report = buildTriageReport(scenario(server), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Queries on items scan the table and hit the statement timeout: index items_sku_state_idx is INVALID since its CREATE INDEX CONCURRENTLY failed \(deadlock detected\) 38m ago and the IF NOT EXISTS retry skipped it, after items_sku_idx was dropped/);
    expect(report.headline).toMatch(/DROP INDEX CONCURRENTLY items_sku_state_idx/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back to|no change found/i);
  });

  it('stays silent when no build failed, or when the timeouts began before it', () => {
    expect(analyzeInvalidIndexes(scenario(server.filter((l) => !/deadlock/.test(l))))).toEqual([]);
    const late = server.map((l) => l.replace(minutesAgo(38).replace('T', ' ').replace('Z', ' UTC'), minutesAgo(2).replace('T', ' ').replace('Z', ' UTC')));
    expect(analyzeInvalidIndexes(scenario(late))).toEqual([]);
  });
});
