import { describe, expect, it } from 'vitest';
import type { LogEvidence, NamespaceJobEvidence, PodEvidence } from '../../../src/domain/triage/evidence.js';
import { findDumpLock, needsDumpLockJobs, readDumpLocking } from '../../../src/domain/triage/dump-lock.js';
import { analyzeDumpLock } from '../../../src/domain/triage/analyzers/dump-lock.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from './scenarios/builders.js';

const DSN = { name: 'DATABASE_URL', value: 'orders:pw@tcp(shop-db.shop.svc.cluster.local:3306)/orders' };
const WAIT = (m: number) => `{"level":"error","ts":"${minutesAgo(m)}","msg":"insert failed","error":"Error 1205 (HY000): Lock wait timeout exceeded; try restarting transaction"}`;

function pods(): PodEvidence[] {
  return [0, 1].map((i) => pod(i, { containers: [container({ env: [DSN] })] }));
}

function logs(ps: readonly PodEvidence[]): LogEvidence[] {
  return ps.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [WAIT(8), WAIT(6), WAIT(4)] }));
}

function dumpJob(command: string, over: Partial<NamespaceJobEvidence> = {}): NamespaceJobEvidence {
  return { name: 'shop-db-export-1', owner: { kind: 'CronJob', name: 'shop-db-export' }, createdAt: minutesAgo(10), state: 'running', commandAndEnv: ['/bin/sh', '-c', command], ...over };
}

const scene = (jobs: NamespaceJobEvidence[]) => {
  const ps = pods();
  return { pods: ps, logs: logs(ps), namespaceJobs: { jobs, complete: true }, collectedAt: NOW };
};

describe('readDumpLocking', () => {
  it('tells a global read lock, per-database table locks, and a dump that takes none', () => {
    expect(readDumpLocking('set -x; mysqldump -h db-0.db --all-databases --lock-all-tables | gzip > /out/all.sql.gz')).toMatchObject({ tool: 'mysqldump', scope: 'global', flag: '--lock-all-tables' });
    expect(readDumpLocking('mariadb-dump -x -h db shop | gzip')).toMatchObject({ tool: 'mariadb-dump', scope: 'global', flag: '-x' });
    expect(readDumpLocking('mysqldump -h db shop | gzip')).toMatchObject({ scope: 'tables', flag: 'no --single-transaction' });
    expect(readDumpLocking('mysqldump -h db --single-transaction --quick shop | gzip')).toBeUndefined();
    expect(readDumpLocking('mysqldump -h db --skip-lock-tables shop')).toBeUndefined();
    // A -x of another command in the same script is not the dump's.
    expect(readDumpLocking('set -x; mysqldump -h db --single-transaction shop')).toBeUndefined();
    expect(readDumpLocking('pg_dump -h db shop')).toBeUndefined();
  });
});

describe('findDumpLock', () => {
  it('links a running dump with a global lock to the database the workload\'s env names', () => {
    const found = findDumpLock(scene([dumpJob('mysqldump -h shop-db-0.shop-db.shop.svc.cluster.local --all-databases --lock-all-tables | gzip')]));
    expect(found).toMatchObject({ scope: 'global', flag: '--lock-all-tables', server: 'shop-db' });
    expect(found?.waits).toHaveLength(6);
  });

  it('leaves a dump of another server, a dump with --single-transaction, and one that ended before the waits', () => {
    expect(findDumpLock(scene([dumpJob('mysqldump -h reports-db --lock-all-tables reports')]))).toBeUndefined();
    expect(findDumpLock(scene([dumpJob('mysqldump -h shop-db --single-transaction shop')]))).toBeUndefined();
    expect(findDumpLock(scene([dumpJob('mysqldump -h shop-db --lock-all-tables shop', { state: 'complete', finishedAt: minutesAgo(9) })]))).toBeUndefined();
  });

  it('needs a few lock waits of the workload, not one row conflict', () => {
    const ps = pods();
    expect(needsDumpLockJobs({ kind: 'Deployment' }, logs(ps))).toBe(true);
    expect(needsDumpLockJobs({ kind: 'Deployment' }, [{ pod: ps[0]!.name, container: 'app', previous: false, lines: [WAIT(3)] }])).toBe(false);
  });
});

describe('analyzeDumpLock', () => {
  it('names the Job, its locking flag and the fix: stop the run, dump with --single-transaction', () => {
    const s = scene([dumpJob('mysqldump -h shop-db --all-databases --lock-all-tables | gzip')]);
    const [f] = analyzeDumpLock({ ...baseEvidence({ pods: s.pods, logs: s.logs }), namespaceJobs: s.namespaceJobs });
    expect(f?.kind).toBe('lock-wait');
    expect(f?.title).toContain('Job shop-db-export-1');
    expect(f?.title).toContain('mysqldump --lock-all-tables: a global read lock');
    expect(f?.fix).toMatch(/^stop this run \(kubectl delete job shop-db-export-1 .*--single-transaction in CronJob shop-db-export's command/);
    expect(f?.likelyCause).toContain('Error 1205');
  });
});
