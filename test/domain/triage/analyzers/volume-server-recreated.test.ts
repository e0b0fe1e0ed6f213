// An in-cluster NFS server re-created under running clients: the pods that mounted its share
// before hold file handles the new server does not know (ESTALE, errno 116), while a pod started
// since mounted afresh and works. The server's re-creation is the since; a restart remounts.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { analyzeVolumeReplaced, pickStaleShareServers } from '../../../../src/domain/triage/analyzers/volume-replaced.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { baseEvidence, container, minutesAgo, pod, service } from '../scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const stale = (n: number) => [
  `2026-11-21 03:0${n}:10,120 ERROR scans.jobs: job ${n} failed`,
  'Traceback (most recent call last):',
  `OSError: [Errno 116] Stale file handle: '/srv/share/in/scan-${n}.tif'`,
];

function clientPod(i: number, startedAgo: number): PodEvidence {
  return pod(i, {
    createdAt: minutesAgo(startedAgo),
    startTime: minutesAgo(startedAgo),
    volumes: [{ name: 'share', source: 'nfs', ref: '172.20.9.44:/export' }],
    containers: [container({ volumeMounts: [{ name: 'share', mountPath: '/srv/share' }] })],
  });
}

function scenario(serverAgo: number | undefined): TriageEvidence {
  const pods = [clientPod(0, 3000), clientPod(1, 3000), clientPod(2, 20)];
  const server = pod(7, { name: 'files-0', labels: { app: 'files' }, createdAt: minutesAgo(serverAgo ?? 0), startTime: minutesAgo(serverAgo ?? 0), ownerWorkload: { kind: 'StatefulSet', name: 'files' } });
  return baseEvidence({
    pods,
    services: [service({ name: 'files', selector: { app: 'files' }, clusterIP: '172.20.9.44' })],
    logs: pods.slice(0, 2).map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: [1, 2, 3].flatMap(stale) })),
    ...(serverAgo === undefined ? {} : { volumeServerPods: [{ service: 'files', pods: [server] }] }),
  });
}

describe('an NFS server re-created under running clients', () => {
  it('reads the pods of the Service that serves the stale share', () => {
    expect(pickStaleShareServers(scenario(undefined))).toEqual(['files']);
  });

  it('names ESTALE, the server re-created after the pods mounted it and the pod started since, and advises a restart', () => {
    const [f] = analyzeVolumeReplaced(scenario(45));
    expect(f?.title).toMatch(/^Stale file handle \(ESTALE\) on the NFS share at \/srv\/share of 2 running pods: its server files \(pod files-0 of StatefulSet files\) was re-created 45m ago, after they mounted it/);
    expect(f?.title).toContain('1 pod started since mounted it afresh');
    const r = buildTriageReport(scenario(45), times);
    expect(r.headline).toMatch(/Stale file handle/);
    expect(r.headline).toMatch(/restart/i);
    expect(r.headline).not.toMatch(/roll back/i);
  });

  it('says nothing when the server is older than the pods', () => {
    expect(analyzeVolumeReplaced(scenario(5000))).toEqual([]);
  });
});
