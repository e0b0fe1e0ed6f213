// A PersistentVolume re-created under running pods: their mount returns stale file handles while
// they stay Ready; only a restart remounts the claim.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, PersistentVolumeEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { analyzeVolumeReplaced } from '../../../../src/domain/triage/analyzers/volume-replaced.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const stale = (n: number) => [
  `2026-11-21 03:0${n}:10,120 ERROR media.jobs: job ${n} failed, message returned to queue`,
  'Traceback (most recent call last):',
  '  File "/app/media/jobs.py", line 88, in process',
  `OSError: [Errno 116] Stale file handle: '/data/incoming/upload-${n}.mov'`,
];

function workerPod(i: number): PodEvidence {
  return pod(i, {
    volumes: [{ name: 'data', source: 'pvc', ref: 'media-data' }],
    containers: [container({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })],
  });
}

function scenario(pvCreatedMinutesAgo: number, lines: string[] = [1, 2, 3].flatMap(stale)): TriageEvidence {
  const pods = [0, 1, 2].map(workerPod);
  const pv: PersistentVolumeEvidence = { name: 'media-efs', claim: 'payments/media-data', phase: 'Bound', nodeAffinity: [], driver: 'efs.csi.aws.com', createdAt: minutesAgo(pvCreatedMinutesAgo), volumeHandle: 'fs-0abc::fsap-0d4e' };
  return baseEvidence({
    pods,
    pvcs: [{ name: 'media-data', phase: 'Bound', accessModes: ['ReadWriteMany'], usedByPods: pods.map((p) => p.name), volumeName: 'media-efs' }],
    volumes: [pv],
    logs: pods.slice(0, 2).map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines })),
  });
}

describe('a volume re-created under running pods', () => {
  it('names the PersistentVolume, its new handle and the mount, and advises a restart', () => {
    const [f] = analyzeVolumeReplaced(scenario(31));
    expect(f?.title).toBe('PersistentVolume media-efs behind claim media-data was re-created 31m ago, after 3 running pods mounted it: their mount at /data returns Stale file handle (ESTALE)');
    expect(f?.evidence[0]).toContain('volumeHandle fs-0abc::fsap-0d4e');
    const r = buildTriageReport(scenario(31), times);
    expect(r.headline).toMatch(/^PersistentVolume media-efs behind claim media-data was re-created 31m ago/);
    expect(r.headline).toContain("Stale file handle: '/data/incoming/upload-3.mov'");
    expect(r.headline).toMatch(/Restart the pods so they remount/);
    expect(r.headline).not.toMatch(/roll back/i);
  });

  it('says nothing when the volume is older than the pods, or nothing is stale', () => {
    expect(analyzeVolumeReplaced(scenario(5 * 24 * 60))).toEqual([]);
    expect(analyzeVolumeReplaced(scenario(31, ['2026-11-21 03:01:10,120 INFO media.jobs: job 1 done']))).toEqual([]);
  });
});
