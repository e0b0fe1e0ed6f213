// The kubelet's recursive ownership change for a pod's fsGroup (VolumePermissionChangeInProgress):
// the mount is slow because of what the volume holds, not because of the revision that mounts it.
import { describe, expect, it } from 'vitest';
import { analyzeVolumeAttach } from '../../../src/domain/triage/analyzers/volume-attach.js';
import type { EventEvidence, PodEvidence, PodTemplateEvidence, TriageEvidence, VolumeEvidence } from '../../../src/domain/triage/evidence.js';
import { findOwnershipWalk } from '../../../src/domain/triage/ownership-walk.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { IMAGE_V15, NODE_C, NS, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer } from './scenarios/builders.js';

const PV = 'pvc-3b1f0e57-6c2d-4d8a-9f1e-7a5c2b9d0e41';
const CLAIM = 'media-originals';
const volumes: VolumeEvidence[] = [{ name: 'media', source: 'pvc', ref: CLAIM }, { name: 'conf', source: 'configMap', ref: 'payment-service-conf' }];
const mounts = [{ name: 'media', mountPath: '/srv/media' }, { name: 'conf', mountPath: '/etc/app' }];
const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

function template(securityContext: string | undefined, vols: VolumeEvidence[] = volumes): PodTemplateEvidence {
  return { initContainers: [], volumes: vols, imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, ...(securityContext === undefined ? {} : { securityContext }) };
}

/** Revision 7 (a new image, 16m ago) replaced the only pod; the new one waits while the kubelet re-owns every file. */
function walking(opts: { before?: string | undefined; after?: string; failedMount?: boolean; progress?: boolean } = {}): TriageEvidence {
  const after = opts.after ?? '{"fsGroup":2000,"runAsUser":2000}';
  const before = 'before' in opts ? opts.before : after;
  const stuck = pod(0, {
    revisionHash: REV7.hash,
    nodeName: NODE_C,
    phase: 'Pending',
    ready: false,
    createdAt: minutesAgo(15.5),
    startTime: minutesAgo(15.4),
    volumes,
    containers: [container({ image: IMAGE_V15, state: { waiting: { reason: 'ContainerCreating' } }, ready: false })],
  });
  const on = { kind: 'Pod', name: stuck.name, namespace: NS };
  const dir = `${stuck.uid ?? ''}/volumes/kubernetes.io~csi/${PV}/mount`;
  const events: EventEvidence[] = [
    event({ object: on, reason: 'VolumePermissionChangeInProgress', message: `Setting volume ownership for ${dir} is taking longer than expected, consider using OnRootMismatch - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#configure-volume-permission-and-ownership-change-policy-for-pods`, firstSeen: minutesAgo(14.8), lastSeen: minutesAgo(14.8) }),
  ];
  if (opts.progress !== false) {
    events.push(
      event({ object: on, reason: 'VolumePermissionChangeInProgress', message: `Setting volume ownership for ${dir}, processed 3250112 files.`, firstSeen: minutesAgo(10.8), lastSeen: minutesAgo(10.8) }),
      event({ object: on, reason: 'VolumePermissionChangeInProgress', message: `(combined from similar events): Setting volume ownership for ${dir}, processed 9841007 files.`, count: 5, firstSeen: minutesAgo(4.8), lastSeen: minutesAgo(0.8) }),
    );
  }
  if (opts.failedMount !== false) {
    events.push(event({ object: on, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[media], unattached volumes=[], failed to process volumes=[]: context deadline exceeded', count: 6, firstSeen: minutesAgo(13.4), lastSeen: minutesAgo(1.2) }));
  }
  const app = (image: string) => [revisionContainer({ image, volumeMounts: mounts })];
  return baseEvidence({
    pods: [stuck],
    revisions: [
      revision(REV6, minutesAgo(37 * 24 * 60), { containers: app(IMAGE_V15.replace('2.15.0', '2.14.0')), template: template(before) }),
      revision(REV7, minutesAgo(16), { replicas: 1, containers: app(IMAGE_V15), template: template(after) }),
    ],
    pvcs: [{ name: CLAIM, phase: 'Bound', volumeName: PV, accessModes: ['ReadWriteOnce'], capacity: '1536Gi', usedByPods: [stuck.name] }],
    events,
    hpas: [],
  });
}

const podsOf = (ev: TriageEvidence): PodEvidence[] => ev.pods;

describe('findOwnershipWalk', () => {
  it('reads the walk from the kubelet\'s events: the claim, the fsGroup, the policy and the files processed', () => {
    const ev = walking();
    const w = findOwnershipWalk(ev, podsOf(ev));
    expect(w).toMatchObject({ volume: 'media', claim: CLAIM, fsGroup: 2000, processed: 9841007, sameBefore: 6 });
    expect(w?.policy).toBeUndefined();
    expect(w?.brought).toBeUndefined();
  });

  it('is nothing without the kubelet\'s ownership events (a slow mount may be the CSI plugin)', () => {
    const ev = walking();
    ev.events = ev.events.filter((e) => e.reason !== 'VolumePermissionChangeInProgress');
    expect(findOwnershipWalk(ev, podsOf(ev))).toBeUndefined();
  });

  it('blames the revision that brought the fsGroup: rolling back mounts without the walk', () => {
    const ev = walking({ before: '{"runAsUser":2000}' });
    const w = findOwnershipWalk(ev, podsOf(ev));
    expect(w?.sameBefore).toBeUndefined();
    expect(w?.brought).toEqual({ revision: 7, previous: 6 });
  });

  it('blames the revision that dropped OnRootMismatch', () => {
    const ev = walking({ before: '{"fsGroup":2000,"fsGroupChangePolicy":"OnRootMismatch"}' });
    expect(findOwnershipWalk(ev, podsOf(ev))?.brought).toEqual({ revision: 7, previous: 6 });
  });

  it('does not clear the revision when the one before it did not mount the volume', () => {
    const ev = walking();
    const older = ev.revisions.find((r) => r.revision === 6);
    if (older) { older.template = template('{"fsGroup":2000,"runAsUser":2000}', [volumes[1] as VolumeEvidence]); older.containers = [revisionContainer({ volumeMounts: [mounts[1] as { name: string; mountPath: string }] })]; }
    const w = findOwnershipWalk(ev, podsOf(ev));
    expect(w?.sameBefore).toBeUndefined();
    expect(w?.brought).toEqual({ revision: 7, previous: 6 });
  });
});

describe('analyzeVolumeAttach on an fsGroup walk', () => {
  it('names the walk, the claim and the files processed, and advises OnRootMismatch', () => {
    const [f] = analyzeVolumeAttach(walking());
    expect(f?.title).toMatch(/^Volume media \(claim media-originals\) blocks 1 pod: /);
    expect(f?.title).toMatch(/fsGroup 2000/);
    expect(f?.title).toMatch(/9,841,007 files/);
    expect(f?.confidence).toBe('high');
    expect(f?.fix).toMatch(/fsGroupChangePolicy: OnRootMismatch/);
    expect(f?.outsideWorkload).toMatch(/revision 6 sets the same fsGroup/);
    expect(f?.evidence.join('\n')).toMatch(/VolumePermissionChangeInProgress/);
    // The kubelet's words without the docs link, which would crowd the headline's quote.
    expect(f?.decisive).toMatch(/is taking longer than expected, consider using OnRootMismatch$/);
  });

  it('reports the walk before the mount times out (no FailedMount yet)', () => {
    const [f] = analyzeVolumeAttach(walking({ failedMount: false }));
    expect(f?.title).toMatch(/fsGroup 2000/);
  });

  it('keeps the revision to blame when it brought the fsGroup', () => {
    const [f] = analyzeVolumeAttach(walking({ before: '{"runAsUser":2000}' }));
    expect(f?.outsideWorkload).toBeUndefined();
    expect(f?.likelyCause).toMatch(/Revision 7 added the walk: revision 6 set no fsGroup/);
  });
});

describe('the verdict on an fsGroup walk', () => {
  it('names the walk, clears the rollout that only replaced the pod, and offers no rollback', () => {
    const r = buildTriageReport(walking(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/fsGroup 2000/);
    expect(r.headline).toMatch(/media-originals/);
    expect(r.headline).toMatch(/OnRootMismatch/);
    expect(r.headline).not.toMatch(/roll ?back to|rollout undo/i);
    expect(r.headline).toMatch(/revision 7 \([^)]*\) is not the cause/);
  });

  it('says the policy plainly when the revision added the fsGroup, the rollback only as the fallback (before: "Roll back to revision 6, or …")', () => {
    const r = buildTriageReport(walking({ before: '{"runAsUser":2000}' }), times);
    expect(r.headline).toMatch(/Set fsGroupChangePolicy: OnRootMismatch in the pod template's securityContext/);
    expect(r.headline).toMatch(/rolling back to revision 6 would also drop the fsGroup revision 7 added, so keep it as the fallback/);
    expect(r.headline).not.toMatch(/Roll back to revision 6, or/);
  });

  it('rolls back first when the revision only dropped OnRootMismatch: going back is the fix', () => {
    const r = buildTriageReport(walking({ before: '{"fsGroup":2000,"fsGroupChangePolicy":"OnRootMismatch"}' }), times);
    expect(r.headline).toMatch(/Roll back to revision 6/);
  });
});

/** The same slow mount on a kubelet that reports no walk (before 1.32): only the mount timeout. */
function silentWalk(opts: { before?: string | undefined; after?: string } = {}): TriageEvidence {
  const ev = walking(opts);
  ev.events = ev.events.filter((e) => e.reason !== 'VolumePermissionChangeInProgress');
  return ev;
}

describe('a slow mount the kubelet does not explain, told from the pods\' fsGroup', () => {
  it('says the likely walk and its fix plainly when the template sets fsGroup (before: "If the pod sets fsGroup, …")', () => {
    const [f] = analyzeVolumeAttach(silentWalk({ before: '{"runAsUser":2000}' }));
    expect(f?.title).toMatch(/likely changing the ownership of every file on it for fsGroup 2000 \(fsGroupChangePolicy unset, so Always\)/);
    expect(f?.nextAction).toMatch(/^Set fsGroupChangePolicy: OnRootMismatch/);
    expect(f?.nextAction).not.toMatch(/If the pod sets fsGroup/);
    expect(f?.likelyCause).toMatch(/Revision 7 added the walk: revision 6 set no fsGroup/);
    expect(f?.rollbackUndoes).toBe('drop the fsGroup revision 7 added');
    const r = buildTriageReport(silentWalk({ before: '{"runAsUser":2000}' }), times);
    expect(r.headline).toMatch(/Set fsGroupChangePolicy: OnRootMismatch/);
    expect(r.headline).toMatch(/keep it as the fallback/);
  });

  it('rules the walk out when the template sets no fsGroup, and points at the CSI node plugin', () => {
    const [f] = analyzeVolumeAttach(silentWalk({ before: '{"runAsUser":2000}', after: '{"runAsUser":2000}' }));
    expect(f?.title).toMatch(/the pod sets no fsGroup/);
    expect(f?.nextAction).toMatch(/CSI node plugin/);
    expect(f?.nextAction).not.toMatch(/OnRootMismatch/);
  });
});
