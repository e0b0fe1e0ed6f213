import { describe, expect, it } from 'vitest';
import type { LogEvidence, NamespaceJobEvidence, PodEvidence } from '../../../src/domain/triage/evidence.js';
import type { MigrationLockRunEvidence } from '../../../src/domain/triage/evidence-migration-lock-runs.js';
import { findMetadataLockQueue, keepMetadataLockLines, needsMetadataLockRuns, pickMetadataLockRuns } from '../../../src/domain/triage/metadata-lock.js';
import { analyzeMetadataLock } from '../../../src/domain/triage/analyzers/metadata-lock.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from './scenarios/builders.js';

const WAIT = (m: number) => `{"level":"error","ts":"${minutesAgo(m)}","msg":"query failed","error":"Error 1205 (HY000): Lock wait timeout exceeded; try restarting transaction"}`;
const ALTER = 'ALTER TABLE orders ADD COLUMN note VARCHAR(64) NULL, ALGORITHM=INPLACE, LOCK=NONE';

function pods(): PodEvidence[] {
  return [0, 1].map((i) => pod(i, { containers: [container()] }));
}
function logs(ps: readonly PodEvidence[]): LogEvidence[] {
  return ps.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [WAIT(8), WAIT(6), WAIT(4)] }));
}
const RAW_LOG = [
  `${minutesAgo(15)} applying 0031_orders_note.sql`,
  `${minutesAgo(15)} ${ALTER}`,
  `${minutesAgo(5)} still waiting, SHOW FULL PROCESSLIST:`,
  'Id\tUser\tHost\tdb\tCommand\tTime\tState\tInfo',
  '7001\tnightly_export\t10.1.2.3:4000\tshop\tSleep\t5400\t\tNULL',
  '7002\tshop_migrator\t10.1.2.4:4001\tshop\tQuery\t600\tWaiting for table metadata lock\t' + ALTER,
  '7003\tshop_api\t10.1.2.5:4002\tshop\tQuery\t12\tWaiting for table metadata lock\tSELECT id FROM orders WHERE id = 1',
  '7004\tshop_api\t10.1.2.6:4003\tshop\tQuery\t3\tSending data\tSELECT 1',
];
function migration(over: Partial<NamespaceJobEvidence> = {}): NamespaceJobEvidence {
  return { name: 'shop-migrate-31', createdAt: minutesAgo(15), state: 'running', commandAndEnv: ['/bin/sh', '-c', '/migrate.sh 0031_orders_note.sql'], ...over };
}
const exportRun: NamespaceJobEvidence = { name: 'nightly-export-2960', owner: { kind: 'CronJob', name: 'nightly-export' }, createdAt: minutesAgo(100), state: 'running', commandAndEnv: ['python', 'export.py'] };
function run(lines: string[] = keepMetadataLockLines(RAW_LOG)): MigrationLockRunEvidence {
  return { job: 'shop-migrate-31', pod: 'shop-migrate-31-abcde', container: 'migrate', state: 'running', createdAt: minutesAgo(15), lines };
}

describe('metadata-lock reads', () => {
  it('reads running schema changes only on the workload\'s lock waits, at most two', () => {
    const ps = pods();
    expect(needsMetadataLockRuns({ kind: 'Deployment' }, logs(ps))).toBe(true);
    expect(needsMetadataLockRuns({ kind: 'Deployment' }, [{ pod: ps[0]!.name, container: 'app', previous: false, lines: [WAIT(3)] }])).toBe(false);
    const jobs = [migration(), migration({ name: 'shop-migrate-30', state: 'complete' }), exportRun, migration({ name: 'shop-migrate-32', createdAt: minutesAgo(2) }), migration({ name: 'shop-migrate-29', createdAt: minutesAgo(30) })];
    expect(pickMetadataLockRuns({ jobs, complete: true }).map((j) => j.name)).toEqual(['shop-migrate-32', 'shop-migrate-31']);
  });

  it('keeps the DDL, the metadata-lock waits, the header and the idle connections', () => {
    const kept = keepMetadataLockLines(RAW_LOG);
    expect(kept).toHaveLength(5);
    expect(kept.some((l) => l.includes('Sending data'))).toBe(false);
  });
});

describe('findMetadataLockQueue / analyzeMetadataLock', () => {
  it('names the metadata lock, the ALTER\'s Job and the idle transaction it waits for', () => {
    const ps = pods();
    const ev = { ...baseEvidence({ pods: ps, logs: logs(ps) }), namespaceJobs: { jobs: [migration(), exportRun], complete: true }, metadataLockRuns: [run()] };
    const q = findMetadataLockQueue(ev);
    expect(q).toMatchObject({ table: 'orders', waitedS: 600, queued: 1, holder: { id: '7001', user: 'nightly_export', job: { name: 'nightly-export-2960' } } });
    const [f] = analyzeMetadataLock(ev);
    expect(f?.kind).toBe('lock-wait');
    expect(f?.title).toMatch(/metadata lock/);
    expect(f?.title).toContain('Job shop-migrate-31');
    expect(f?.title).toContain('ALTER TABLE');
    expect(f?.title).toContain('open transaction on idle connection 7001');
    expect(f?.title).toContain('likely CronJob nightly-export');
    expect(f?.likelyCause).toContain('nightly-export-2960');
    expect(f?.decisive).toContain('Waiting for table metadata lock');
    expect(f?.fix).toMatch(/^KILL 7001/);
    expect(f?.fix).toContain('lock_wait_timeout');
    expect(f?.onset).toBe(minutesAgo(15));
  });

  it('stays silent when the Job\'s log shows no DDL waiting for the metadata lock, or the workload has no lock waits', () => {
    const ps = pods();
    const noWait = run(keepMetadataLockLines(RAW_LOG.filter((l) => !l.includes('Waiting for table metadata lock'))));
    expect(analyzeMetadataLock({ ...baseEvidence({ pods: ps, logs: logs(ps) }), metadataLockRuns: [noWait] })).toEqual([]);
    expect(analyzeMetadataLock({ ...baseEvidence({ pods: ps, logs: [] }), metadataLockRuns: [run()] })).toEqual([]);
    expect(findMetadataLockQueue({ logs: logs(ps), metadataLockRuns: [{ ...run(), state: 'complete' }], collectedAt: NOW })).toBeUndefined();
  });
});
