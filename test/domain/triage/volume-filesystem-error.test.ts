// A replica whose persistent volume came back damaged from its node's unclean shutdown: every
// start dies on the kernel's filesystem error (EUCLEAN "Structure needs cleaning", an XFS
// corruption report, EIO) under the claim's mount, while the replicas on their own disks run on.
// The claim and the node that went down are the cause; the repair (or a rebuilt claim) is the fix,
// never a rollback. A missing file, or an error under a path no claim holds, is not read as one.
import { describe, expect, it } from 'vitest';
import type { PodEvidence, PvcEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NODE_C, NOW, NS, baseEvidence, container, crashLooping, event, minutesAgo, setMember, terminated, workload } from './scenarios/builders.js';

const SET = 'ledger';
const HASH = `${SET}-5d7f9c8b6`;
const DAY = 24 * 60;
const times = { startedAt: NOW, finishedAt: NOW };
const MOUNTS = [{ name: 'data', mountPath: '/var/lib/ledger' }];

function member(ordinal: number, over: Partial<PodEvidence> = {}): PodEvidence {
  return setMember(SET, HASH, ordinal, 30 * DAY - ordinal, { containers: [container({ name: 'store', volumeMounts: MOUNTS })], ...over }, { claim: true });
}

function claim(ordinal: number): PvcEvidence {
  return { name: `data-${SET}-${ordinal}`, createdAt: minutesAgo(90 * DAY), phase: 'Bound', storageClass: 'standard-rwo', volumeName: `pvc-${ordinal}c4d`, accessModes: ['ReadWriteOnce'], usedByPods: [`${SET}-${ordinal}`] };
}

const onNode = (reason: string, message: string, ago: number) =>
  event({ object: { kind: 'Node', name: NODE_C }, type: reason === 'Rebooted' ? 'Warning' : 'Normal', reason, message, firstSeen: minutesAgo(ago), lastSeen: minutesAgo(ago), count: 1 });

/** Member 2 (on NODE_C) crash-loops for 30 minutes with `lines` as its previous log; with `reboot`, its node went down just before. */
function evidence(lines: string[], reboot: boolean): TriageEvidence {
  const crashing = member(2, {
    ready: false,
    containers: [crashLooping(`${SET}-2`, terminated(1, 'Error', 1.5, { runSeconds: 9 }), 9, { name: 'store', volumeMounts: MOUNTS })],
  });
  const pods = [member(0), member(1), crashing];
  const base = baseEvidence({ pods, services: [], endpointSlices: [], hpas: [], revisions: [] });
  return {
    ...base,
    target: { service: SET, namespace: NS, kind: 'StatefulSet', name: SET, context: 'prod' },
    workload: workload({ kind: 'StatefulSet', name: SET, specReplicas: 3, replicas: 3, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 3, selector: { app: SET }, conditions: [], createdAt: minutesAgo(90 * DAY) }),
    pvcs: [claim(0), claim(1), claim(2)],
    volumes: [{ name: 'pvc-2c4d', claim: `${NS}/data-${SET}-2`, phase: 'Bound', nodeAffinity: [], driver: 'pd.csi.storage.gke.io', fsType: 'ext4' }],
    events: [
      event({ object: { kind: 'Pod', name: `${SET}-2`, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container store in pod ${SET}-2_${NS}`, count: 120, firstSeen: minutesAgo(30), lastSeen: minutesAgo(0.5) }),
      ...(reboot ? [
        onNode('NodeNotReady', `Node ${NODE_C} status is now: NodeNotReady`, 34),
        onNode('Rebooted', `Node ${NODE_C} has been rebooted, boot id: 7c1e0b52-3f4a-4d9e-8b21-6a5f0c9d2e71`, 32),
        onNode('NodeReady', `Node ${NODE_C} status is now: NodeReady`, 31.5),
      ] : []),
    ],
    logs: [{ pod: `${SET}-2`, container: 'store', previous: true, lines }],
  };
}

const EUCLEAN = [
  'INFO opening journal segments in /var/lib/ledger/journal',
  'ERROR failed to recover journal segment /var/lib/ledger/journal/000412.seg',
  'java.io.IOException: Structure needs cleaning',
  '\tat java.base/sun.nio.ch.FileDispatcherImpl.read0(Native Method)',
  'ERROR all data directories failed, shutting down',
];

describe('a replica dying on a filesystem error of its own claim', () => {
  it('names the claim, the node that went down as the trigger, and the repair, not a rollback', () => {
    const r = buildTriageReport(evidence(EUCLEAN, true), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toContain('the filesystem on claim data-ledger-2 (mounted at /var/lib/ledger in ledger-2) is corrupt');
    expect(r.headline).toContain(`since its node ${NODE_C} went down and rebooted uncleanly 34m ago`);
    expect(r.headline).toMatch(/Structure needs cleaning/);
    expect(r.headline).not.toMatch(/no change found|roll ?back/i);
    const exit = r.findings.find((f) => f.kind === 'exit-code');
    expect(exit?.nextAction).toMatch(/e2fsck -f/);
    expect(exit?.nextAction).toMatch(/delete claim data-ledger-2/);
    expect(exit?.likelyCause).toMatch(/ledger-0, ledger-1\) run on their own claims/);
    expect(exit?.evidence.join('\n')).toContain('data-ledger-2 → PV pvc-2c4d (ext4)');
  });

  it('reads an XFS corruption report that names no path on the container\'s only claim, and dates nothing without a node event', () => {
    const r = buildTriageReport(evidence(['XFS (sdb): Metadata corruption detected at xfs_buf_ioend+0x51/0x200, xfs_inode block 0x1c0', 'XFS (sdb): Corruption detected. Unmount and run xfs_repair', 'fatal: cannot open store'], false), times);
    expect(r.headline).toContain('the filesystem on claim data-ledger-2 (mounted at /var/lib/ledger in ledger-2) is corrupt');
    expect(r.headline).not.toMatch(/since its node/);
  });

  it('tells an I/O error only under a claim\'s mount, and never reads a missing file as corruption', () => {
    const eio = buildTriageReport(evidence(['ERROR write /var/lib/ledger/journal/000413.seg: input/output error', 'java.io.IOException: Input/output error', 'fatal: shutting down'], true), times);
    expect(eio.headline).toContain('the filesystem on claim data-ledger-2 (mounted at /var/lib/ledger in ledger-2) fails with I/O errors');
    const elsewhere = buildTriageReport(evidence(['ERROR read /tmp/scratch/cache.bin', 'java.io.IOException: Input/output error', 'fatal: shutting down'], true), times);
    expect(elsewhere.headline).not.toMatch(/filesystem on claim/);
    // A network file system's EIO is its server's or the link's: no disk to repair.
    const shared = evidence(['ERROR write /var/lib/ledger/journal/000413.seg: input/output error', 'java.io.IOException: Input/output error', 'fatal: shutting down'], true);
    const onShare = buildTriageReport({ ...shared, volumes: [{ name: 'pvc-2c4d', claim: `${NS}/data-${SET}-2`, phase: 'Bound', nodeAffinity: [], driver: 'efs.csi.aws.com' }] }, times);
    expect(onShare.headline).not.toMatch(/filesystem on claim/);
    const missing = buildTriageReport(evidence(['ERROR open /var/lib/ledger/journal/000412.seg: no such file or directory', 'fatal: shutting down'], true), times);
    expect(missing.headline).not.toMatch(/filesystem on claim|corrupt/);
  });

  it('reads writes refused read-only under a claim the spec mounts writable as the kernel\'s remount, with the node\'s kernel log to check, never a rollback', () => {
    const erofs = ['INFO replaying journal', "OSError: [Errno 30] Read-only file system: '/var/lib/ledger/journal/000413.seg'", 'fatal: shutting down'];
    const r = buildTriageReport(evidence(erofs, false), times);
    expect(r.headline).toContain('the filesystem on claim data-ledger-2 (mounted at /var/lib/ledger in ledger-2) went read-only');
    expect(r.headline).toMatch(/kernel/);
    expect(r.headline).not.toMatch(/roll ?back|permission|fsGroup|no space|expand/i);
    const exit = r.findings.find((f) => f.kind === 'exit-code');
    expect(exit?.nextAction).toContain(`Check the kernel log of node ${NODE_C}`);
    expect(exit?.nextAction).toMatch(/cordon/);
    // A mount the spec makes read-only refuses writes by design; a read-only root file system is not the claim's.
    const ro = evidence(erofs, false);
    const roPods = ro.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, volumeMounts: [{ ...MOUNTS[0]!, readOnly: true }] })) }));
    expect(buildTriageReport({ ...ro, pods: roPods }, times).headline).not.toMatch(/went read-only/);
    const root = buildTriageReport(evidence(["OSError: [Errno 30] Read-only file system: '/tmp/cache.bin'", 'fatal: shutting down'], false), times);
    expect(root.headline).not.toMatch(/went read-only/);
  });
});
