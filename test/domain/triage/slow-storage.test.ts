// A database slow because its volume is: its own log says checkpoints take minutes to sync, and the
// claim it mounts is a gp2 volume whose baseline IOPS its size sets (3 per GiB) once the burst
// credits are spent. The volume is the cause; the slow queries are where it shows.
import { describe, expect, it } from 'vitest';
import { analyzeSlowDependency } from '../../../src/domain/triage/analyzers/slow-dependency.js';
import type { PvcEvidence } from '../../../src/domain/triage/evidence.js';
import { describeVolumeThroughput, findSlowStorage, listSlowStorageClaimReads } from '../../../src/domain/triage/slow-storage.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from './scenarios/builders.js';

const pgTime = (m: number) => minutesAgo(m).replace('T', ' ').replace(/\.\d+Z$/, '.000 UTC');
const checkpoint = (m: number, sync: number) => `${pgTime(m)} [61] LOG:  checkpoint complete: wrote 18400 buffers (7.0%); 0 WAL file(s) added, 2 removed, 9 recycled; write=269.800 s, sync=${sync.toFixed(3)} s, total=${(sync + 270).toFixed(3)} s; sync files=311, longest=87.000 s, average=0.700 s; distance=612000 kB, estimate=640000 kB`;
const quick = (m: number) => `${pgTime(m)} [61] LOG:  checkpoint complete: wrote 1200 buffers (0.5%); 0 WAL file(s) added, 0 removed, 1 recycled; write=26.900 s, sync=0.041 s, total=27.010 s; sync files=40, longest=0.010 s, average=0.001 s; distance=9000 kB, estimate=10000 kB`;
const timeoutLine = (m: number) => `{"time":"${minutesAgo(m)}","level":"ERROR","msg":"request failed","status":504,"duration_ms":5003,"error":"ERROR: canceling statement due to statement timeout (SQLSTATE 57014)"}`;
const CLAIM: PvcEvidence = { name: 'data-accounts-pg-0', phase: 'Bound', storageClass: 'gp2', accessModes: ['ReadWriteOnce'], requested: '100Gi', capacity: '100Gi', usedByPods: ['accounts-pg-0'] };

function slowVolume(lines: string[], claims?: PvcEvidence[]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'DB_HOST', value: 'accounts-pg.payments.svc.cluster.local' }] })] }));
  const server = pod(7, { name: 'accounts-pg-0', labels: { app: 'accounts-pg' }, containers: [container({ name: 'postgres', volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] });
  server.volumes = [{ name: 'data', source: 'pvc', ref: 'data-accounts-pg-0' }];
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [40, 30, 20, 10, 5].map(timeoutLine) })),
    dependencyPods: [{ service: 'accounts-pg', namespace: 'payments', pod: server, logs: [{ pod: 'accounts-pg-0', container: 'postgres', previous: false, lines }], ...(claims ? { claims } : {}) }],
  });
}

const SLOW = [checkpoint(50, 212.4), checkpoint(43, 249.1), checkpoint(36, 273.0)];

describe('findSlowStorage', () => {
  it("reads checkpoints that take minutes to sync from a Postgres log, and leaves quick ones alone", () => {
    expect(findSlowStorage(SLOW)).toMatchObject({ count: 3, worstSeconds: 273 });
    expect(findSlowStorage([quick(30), quick(20), quick(10)])).toBeUndefined();
  });
});

describe('listSlowStorageClaimReads', () => {
  it("asks for the claims of a dependency pod whose log says its disk is slow, and of no other", () => {
    expect(listSlowStorageClaimReads(slowVolume(SLOW).dependencyPods ?? [])).toEqual([{ service: 'accounts-pg', namespace: 'payments', pod: 'accounts-pg-0', claims: ['data-accounts-pg-0'] }]);
    expect(listSlowStorageClaimReads(slowVolume([quick(30)]).dependencyPods ?? [])).toEqual([]);
  });
});

describe('describeVolumeThroughput', () => {
  it("gives a gp2 volume's baseline (3 IOPS per GiB) and its burst", () => {
    expect(describeVolumeThroughput(CLAIM)).toMatch(/gp2.*100Gi.*300 IOPS baseline.*3000/);
  });
});

describe('a dependency slow because its volume is', () => {
  it('names the volume, its class and its baseline instead of slow queries', () => {
    const [f] = analyzeSlowDependency(slowVolume(SLOW, [CLAIM]));
    expect(f?.title).toMatch(/accounts-pg/);
    expect(f?.title).toMatch(/data-accounts-pg-0/);
    expect(f?.title).toMatch(/gp2/);
    expect(f?.title).toMatch(/sync/);
    expect(f?.likelyCause).toMatch(/burst/);
    expect(f?.nextAction).toMatch(/gp3/);
  });

  it('leads the verdict', () => {
    const report = buildTriageReport(slowVolume(SLOW, [CLAIM]), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/gp2/);
    expect(report.headline).toMatch(/volume/);
  });
});
