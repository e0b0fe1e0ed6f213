import { describe, expect, it } from 'vitest';
import { analyzeSharedStoreLock } from '../../../../src/domain/triage/analyzers/shared-store-lock.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { PodEvidence, PvcEvidence, TriageEvidence, VolumeEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, NOW, NS, REV6, baseEvidence, container, event, minutesAgo, pod, workload } from '../scenarios/builders.js';

const LOCKED = 'sqlite3.OperationalError: database is locked';

/** A Flask app's log: `errors` failed writes, each a chained traceback that names the lock twice, between redirects served. */
function flaskLog(errors: number, k: number): string[] {
  return Array.from({ length: errors }, (_, i) => {
    const m = String(30 + i * 4 + k).padStart(2, '0');
    return [
      `10.0.40.${20 + i} - - [21/Nov/2026:02:${m}:01 +0000] "GET /wiki HTTP/1.1" 302 0 "-" "Mozilla/5.0"`,
      `2026-11-21 02:${m}:05,118 ERROR links.app Exception on /api/links [POST]`,
      'Traceback (most recent call last):',
      '    cursor.execute(statement, parameters)',
      LOCKED,
      '',
      'The above exception was the direct cause of the following exception:',
      '',
      `sqlalchemy.exc.OperationalError: (${LOCKED})`,
      `10.0.40.${20 + i} - - [21/Nov/2026:02:${m}:05 +0000] "POST /api/links HTTP/1.1" 500 265 "-" "Mozilla/5.0"`,
    ];
  }).flat();
}

const DATA: VolumeEvidence = { name: 'data', source: 'pvc', ref: 'links-data' };
const appContainer = (volume: string) => container({ env: [{ name: 'DATABASE_URL', value: 'sqlite:////data/links.db' }], volumeMounts: [{ name: volume, mountPath: '/data' }] });
const rwx: PvcEvidence = { name: 'links-data', phase: 'Bound', storageClass: 'efs-sc', accessModes: ['ReadWriteMany'], usedByPods: [] };

/** Two ready pods of one revision, scaled from 1 to 2 by hand 50m ago; `shared`: both mount the RWX claim (else each an emptyDir of its own). */
function scaledLinks(opts: { shared: boolean; errors?: number; logs?: (k: number) => string[] }): TriageEvidence {
  const volumes = (i: number): VolumeEvidence[] => (opts.shared ? [DATA] : [{ name: 'data', source: 'emptyDir' }]);
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { volumes: volumes(i), containers: [appContainer('data')], ...(i === 1 ? { createdAt: minutesAgo(50), startTime: minutesAgo(50) } : {}) }));
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, rolloutSettings: { strategy: 'Recreate' } }),
    hpas: [],
    pvcs: opts.shared ? [{ ...rwx, usedByPods: pods.map((p) => p.name) }] : [],
    events: [event({ type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${APP}-${REV6.hash} from 1 to 2`, object: { kind: 'Deployment', name: APP, namespace: NS }, firstSeen: minutesAgo(50), lastSeen: minutesAgo(50) })],
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: opts.logs?.(k) ?? flaskLog(opts.errors ?? 5, k) })),
  });
}

describe('analyzeSharedStoreLock', () => {
  it('names SQLite on the RWX claim the replicas share, its file, and more replicas as what brings it on', () => {
    const [f] = analyzeSharedStoreLock(scaledLinks({ shared: true }));
    expect(f?.title).toMatch(/^SQLite \(\/data\/links\.db\) on the ReadWriteMany \(RWX\) claim links-data \(efs-sc\) is shared by 2 pods: it takes one writer/);
    // A chained traceback names the lock twice: one failed write each.
    expect(f?.title).toMatch(/— 10 lock errors in the logs of/);
    expect(f?.scalesWithReplicas).toBe(true);
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toContain('strategy Recreate: its pods never overlap, even in a rollout — built for one replica');
    expect(f?.fix).toMatch(/database server/);
  });

  it('makes the hand scale-up the since and scaling back to one the first step, never a rollback', () => {
    const report = buildTriageReport(scaledLinks({ shared: true }), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since the workload was scaled up from 1 to 2 50m ago \(not by a rollout\): SQLite \(\/data\/links\.db\) on the ReadWriteMany \(RWX\) claim links-data/);
    expect(report.headline).toMatch(/Scale payment-service back to 1 replica, or move the data to a database server/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back/i);
  });

  it('names LevelDB/RocksDB when the second replica cannot take the LOCK of a directory they share', () => {
    const lock = (k: number) => [0, 1, 2].map((i) => `2026-11-21T02:${30 + i}:0${k}Z ERROR open store: IO error: While lock file: /data/db/LOCK: Resource temporarily unavailable`);
    const [f] = analyzeSharedStoreLock(scaledLinks({ shared: true, logs: (k) => (k === 1 ? lock(k) : []) }));
    expect(f?.title).toMatch(/^LevelDB\/RocksDB .* on the ReadWriteMany \(RWX\) claim links-data/);
    expect(f?.fix).toMatch(/a volume of its own/);
  });

  it('says nothing when each replica has a volume of its own: the lock is one process\'s own contention', () => {
    expect(analyzeSharedStoreLock(scaledLinks({ shared: false }))).toEqual([]);
  });

  it('says nothing of a single replica logging one transient "database is locked" among successes', () => {
    const only = pod(0, { volumes: [DATA], containers: [appContainer('data')] });
    const ev = baseEvidence({ pods: [only], pvcs: [{ ...rwx, usedByPods: [only.name] }], hpas: [], logs: [{ pod: only.name, container: 'app', previous: false, lines: flaskLog(1, 0) }] });
    expect(analyzeSharedStoreLock(ev)).toEqual([]);
    expect(buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW }).headline).not.toMatch(/SQLite|shared by/);
  });

  it('says nothing of one lock error on replicas that share the claim', () => {
    expect(analyzeSharedStoreLock(scaledLinks({ shared: true, logs: (k) => (k === 0 ? flaskLog(1, 0) : []) }))).toEqual([]);
  });
});
