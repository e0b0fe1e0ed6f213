import { describe, expect, it } from 'vitest';
import { analyzeVolumeFull } from '../../../../src/domain/triage/analyzers/volume-full.js';
import type { PodEvidence, PvcEvidence, TriageEvidence, VolumeEvidence, VolumeMountEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, baseEvidence, crashLooping, event, minutesAgo, pod, podName, REV6, terminated, workload } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const PG_POD = 'ledger-postgres-0';
const CLAIM = 'data-ledger-postgres-0';

/** Postgres 16 failing in recovery: the WAL write names a path relative to the data directory. */
const PG_RECOVERY = [
  '2026-11-21 03:12:41.660 UTC [29] LOG:  database system was not properly shut down; automatic recovery in progress',
  '2026-11-21 03:12:41.662 UTC [29] LOG:  redo starts at 3A/5F0012B8',
  '2026-11-21 03:12:41.690 UTC [29] LOG:  redo done at 3A/7FFFFF60 system usage: CPU: user: 0.81 s, system: 0.40 s, elapsed: 1.35 s',
  '2026-11-21 03:12:41.700 UTC [29] FATAL:  could not write to file "pg_wal/xlogtemp.29": No space left on device',
  '2026-11-21 03:12:41.760 UTC [1] LOG:  startup process (PID 29) exited with exit code 1',
  '2026-11-21 03:12:41.760 UTC [1] LOG:  aborting startup due to startup process failure',
  '2026-11-21 03:12:41.782 UTC [1] LOG:  database system is shut down',
];

function pvc(name: string, requested: string, usedBy: string): PvcEvidence {
  return { name, phase: 'Bound', storageClass: 'gp3', volumeName: `pvc-3f1c9a2e-${name.length}b7d-4e8a-9c1f-2d6b8e0a4c7${name.length % 10}`, accessModes: ['ReadWriteOnce'], requested, usedByPods: [usedBy] };
}

/** ledger-postgres-0 crash-loops; its 50Gi data volume is the only claim it mounts. */
function postgresFull(): TriageEvidence {
  const app = crashLooping(PG_POD, terminated(1, 'Error', 1.3, { runSeconds: 2 }), 9, {
    name: 'postgres',
    image: 'public.ecr.aws/docker/library/postgres:16.4',
    ports: [{ name: 'postgres', containerPort: 5432, protocol: 'TCP' }],
    volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql', readOnly: true }],
  });
  const p = pod(1, { name: PG_POD, revisionHash: undefined, ordinal: 0, ready: false, containers: [app], volumes: [{ name: 'data', source: 'pvc', ref: CLAIM }, { name: 'config', source: 'configMap', ref: 'ledger-postgres-config' }] });
  return baseEvidence({
    target: { service: 'ledger-postgres', namespace: 'ledger', kind: 'StatefulSet', name: 'ledger-postgres', context: 'prod-eu-west-1' },
    workload: workload({ kind: 'StatefulSet', name: 'ledger-postgres', namespace: 'ledger', specReplicas: 1, replicas: 1, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 1 }),
    pods: [p],
    services: [],
    endpointSlices: [],
    hpas: [],
    pvcs: [pvc(CLAIM, '50Gi', PG_POD)],
    logs: [{ pod: PG_POD, container: 'postgres', previous: true, lines: PG_RECOVERY }],
  });
}

/** One crash-looping payment-service pod with the given mounts, its log ending on `line`. */
function appWithMounts(mounts: VolumeMountEvidence[], volumes: VolumeEvidence[], line: string, pvcs: PvcEvidence[] = []): TriageEvidence {
  const name = podName(REV6.hash, 0);
  const app = crashLooping(name, terminated(1, 'Error', 2), 4, { volumeMounts: mounts });
  const pods: PodEvidence[] = [pod(0, { ready: false, containers: [app], volumes }), ...[1, 2, 3, 4].map((i) => pod(i))];
  return baseEvidence({ pods, pvcs, logs: [{ pod: name, container: 'app', previous: true, lines: ['2026-11-21 03:11:58,204 INFO settlement export started for 2026-11-20', line] }] });
}

describe('analyzeVolumeFull', () => {
  it('names the PVC and its size when the only writable claim is full, and says the node\'s own disk is fine', () => {
    const findings = analyzeVolumeFull(postgresFull());
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.id).toBe(`volume-full/${CLAIM}`);
    expect(f?.title).toBe(`Volume data is full: PVC ${CLAIM} (50Gi) mounted at /var/lib/postgresql/data: writes fail with "No space left on device" (${PG_POD})`);
    expect(f?.layer).toBe('storage');
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toEqual([
      `log ${PG_POD}/postgres: 2026-11-21 03:12:41.700 UTC [29] FATAL:  could not write to file "pg_wal/xlogtemp.29": No space left on device`,
      `postgres writes to /var/lib/postgresql/data on volume data (pvc ${CLAIM}), its only writable claim`,
      `PVC ${CLAIM}: Bound, 50Gi, storage class gp3`,
      `node ${NODE_B}: DiskPressure=False (the node's own disk is fine)`,
    ]);
    expect(f?.decisive).toBe('2026-11-21 03:12:41.700 UTC [29] FATAL:  could not write to file "pg_wal/xlogtemp.29": No space left on device');
    expect(f?.nextAction).toBe(`Mitigate: expand PVC ${CLAIM} (its StorageClass must allow expansion; the bot will not), then find what filled it before it fills again.`);
    expect(f?.fix).toBe(`expand PVC ${CLAIM} and find what filled it`);
    expect(f?.confirmCommands).toEqual([`kubectl get pvc ${CLAIM} -n ledger --context prod-eu-west-1`, `kubectl logs ${PG_POD} -c postgres --previous --tail=50 -n ledger --context prod-eu-west-1`]);
    expect(f?.affected).toEqual({ pods: [PG_POD], nodes: [NODE_B] });
  });

  it('picks the mount the absolute path in the line lies under, the deepest one, among several writable mounts', () => {
    const ev = appWithMounts(
      [{ name: 'work', mountPath: '/var/spool' }, { name: 'exports', mountPath: '/var/spool/exports' }, { name: 'tmp', mountPath: '/tmp' }],
      [{ name: 'work', source: 'pvc', ref: 'settlement-work' }, { name: 'exports', source: 'pvc', ref: 'settlement-exports' }, { name: 'tmp', source: 'emptyDir' }],
      "OSError: [Errno 28] No space left on device: '/var/spool/exports/settlement-20261120.csv'",
      [pvc('settlement-work', '20Gi', podName(REV6.hash, 0)), pvc('settlement-exports', '5Gi', podName(REV6.hash, 0))],
    );
    const [f] = analyzeVolumeFull(ev);
    expect(f?.title).toBe(`Volume exports is full: PVC settlement-exports (5Gi) mounted at /var/spool/exports: writes fail with "No space left on device" (${podName(REV6.hash, 0)})`);
    expect(f?.evidence[1]).toBe('app writes to /var/spool/exports on volume exports (pvc settlement-exports)');
    expect(f?.confidence).toBe('high');
    // One crash-looping pod of five.
    expect(f?.severity).toBe('warning');
  });

  it('says an emptyDir lives on the node\'s disk, and asks to free space rather than expand a claim', () => {
    const ev = appWithMounts(
      [{ name: 'nginx-cache', mountPath: '/var/cache/nginx' }],
      [{ name: 'nginx-cache', source: 'emptyDir' }],
      '2026/11/21 03:12:40 [crit] 29#29: *1835 pwrite() "/var/cache/nginx/proxy_temp/7/31/0000000317" failed (28: No space left on device) while reading upstream, client: 10.0.1.87, server: _, request: "GET /v1/statements/2026-11.pdf HTTP/1.1", upstream: "http://127.0.0.1:8080/v1/statements/2026-11.pdf"',
    );
    const [f] = analyzeVolumeFull(ev);
    expect(f?.id).toBe('volume-full/nginx-cache');
    expect(f?.title).toBe(`emptyDir nginx-cache at /var/cache/nginx is full (it lives on the node's disk, within its sizeLimit): writes fail with "No space left on device" (${podName(REV6.hash, 0)})`);
    expect(f?.nextAction).toBe('Free space on that filesystem or give it more, then find what filled it.');
    expect(f?.confirmCommands).toEqual([`kubectl logs ${podName(REV6.hash, 0)} -c app --previous --tail=50 -n payments --context prod-eu-west-1`]);
  });

  it('falls back to a generic title when the line names no path and two claims could be the full one', () => {
    const ev = appWithMounts(
      [{ name: 'work', mountPath: '/var/spool' }, { name: 'exports', mountPath: '/srv/exports' }, { name: 'certs', mountPath: '/etc/ssl/private', readOnly: true }],
      [{ name: 'work', source: 'pvc', ref: 'settlement-work' }, { name: 'exports', source: 'pvc', ref: 'settlement-exports' }, { name: 'certs', source: 'secret', ref: 'settlement-tls' }],
      'java.io.IOException: No space left on device',
    );
    const [f] = analyzeVolumeFull(ev);
    expect(f?.id).toBe('volume-full/app');
    expect(f?.title).toBe(`A filesystem of container app is full: writes fail with "No space left on device" (${podName(REV6.hash, 0)})`);
    expect(f?.confidence).toBe('medium');
    expect(f?.evidence).toEqual([`log ${podName(REV6.hash, 0)}/app: java.io.IOException: No space left on device`, `node ${NODE_A}: DiskPressure=False`]);
  });

  it('does not pick a read-only mount, even when the path lies under it', () => {
    const ev = appWithMounts(
      [{ name: 'certs', mountPath: '/etc/ssl/private', readOnly: true }, { name: 'data', mountPath: '/data' }],
      [{ name: 'certs', source: 'secret', ref: 'settlement-tls' }, { name: 'data', source: 'pvc', ref: 'settlement-data' }],
      'ERROR write /etc/ssl/private/.rotate.tmp: no space left on device',
    );
    expect(analyzeVolumeFull(ev)[0]?.title).toMatch(/^Volume data is full: PVC settlement-data mounted at \/data: /);
  });

  it('reads EDQUOT on a path under a CephFS claim as the claim at its quota, its size and driver named, and advises expanding it', () => {
    const ev = appWithMounts(
      [{ name: 'uploads', mountPath: '/srv/media' }],
      [{ name: 'uploads', source: 'pvc', ref: 'media-uploads' }],
      "OSError: [Errno 122] Disk quota exceeded: '/srv/media/.tmp/acme_2026_11_21_5f3a1.jpg.part'",
      [{ ...pvc('media-uploads', '50Gi', podName(REV6.hash, 0)), storageClass: 'cephfs', capacity: '50Gi', volumeName: 'pvc-6f1e2a9c' }],
    );
    ev.volumes = [{ name: 'pvc-6f1e2a9c', phase: 'Bound', nodeAffinity: [], driver: 'cephfs.csi.ceph.com' }];
    const [f] = analyzeVolumeFull(ev);
    expect(f?.title).toBe(`Volume uploads is at its quota: PVC media-uploads (50Gi, cephfs.csi.ceph.com) mounted at /srv/media: writes fail with "Disk quota exceeded" (EDQUOT) (${podName(REV6.hash, 0)})`);
    expect(f?.likelyCause).toMatch(/enforce the claim's size \(50Gi\) as the quota/);
    expect(f?.fix).toBe('expand PVC media-uploads and find what filled it');
  });

  describe('an expansion of the full claim that has not finished', () => {
    const REFUSED = `resize volume "pvc-3f1c9a2e" by resizer "ebs.csi.aws.com" failed: rpc error: code = Internal desc = Could not resize volume "vol-0babafd025abd4335": rpc error: code = Internal desc = could not modify AWS volume "vol-0babafd025abd4335": operation error EC2: ModifyVolume, https response error StatusCode: 400, RequestID: 3f6c0a2e, api error VolumeModificationRateExceeded: You've reached the maximum modification rate per volume limit. Wait at least 6 hours between modifications per EBS volume.`;
    const onClaim = { kind: 'PersistentVolumeClaim', name: CLAIM, namespace: 'ledger' };
    /** The claim asks for 100Gi while its volume still has 50Gi. */
    function expanding(conditions: NonNullable<PvcEvidence['conditions']>, events: TriageEvidence['events']): TriageEvidence {
      const ev = postgresFull();
      ev.pvcs = [{ ...pvc(CLAIM, '100Gi', PG_POD), capacity: '50Gi', conditions }];
      ev.events = events;
      return ev;
    }
    const resizing = { type: 'Resizing', status: 'True' as const, lastTransitionTime: minutesAgo(26) };

    it('states the size the volume has, and that the expansion is refused, with the provider\'s reason; it does not advise expanding again', () => {
      const ev = expanding([resizing], [
        event({ object: onClaim, type: 'Normal', reason: 'Resizing', message: 'External resizer is resizing volume pvc-3f1c9a2e', count: 9, firstSeen: minutesAgo(26), source: 'external-resizer ebs.csi.aws.com' }),
        event({ object: onClaim, reason: 'VolumeResizeFailed', message: REFUSED, count: 9, firstSeen: minutesAgo(25), lastSeen: minutesAgo(1.5), source: 'external-resizer ebs.csi.aws.com' }),
      ]);
      const [f] = analyzeVolumeFull(ev);
      expect(f?.title).toBe(`Volume data is full: PVC ${CLAIM} (50Gi) mounted at /var/lib/postgresql/data: writes fail with "No space left on device"; its expansion to 100Gi is refused by ebs.csi.aws.com (${PG_POD})`);
      expect(f?.decisive).toBe("VolumeModificationRateExceeded: You've reached the maximum modification rate per volume limit. Wait at least 6 hours between modifications per EBS volume.");
      expect(f?.evidence).toContain(`PVC ${CLAIM}: Bound, 50Gi (100Gi requested, not granted yet), storage class gp3, conditions Resizing`);
      expect(f?.evidence.some((l) => l.startsWith(`[persistentvolumeclaim/${CLAIM}] VolumeResizeFailed ×9`) && l.includes('VolumeModificationRateExceeded'))).toBe(true);
      expect(f?.nextAction).not.toMatch(/^Mitigate: expand/);
      expect(f?.nextAction).toMatch(/free space on PVC data-ledger-postgres-0 now .* or move the data to a new, larger volume; expanding it again will not help/);
      expect(f?.fix).toBe(`free space on PVC ${CLAIM} or move it to a larger volume: its expansion to 100Gi is refused`);
      expect(f?.confirmCommands[0]).toBe(`kubectl describe pvc ${CLAIM} -n ledger --context prod-eu-west-1`);
    });

    it('reads a refusal from the claim\'s ControllerResizeError condition when no event says it', () => {
      const [f] = analyzeVolumeFull(expanding([resizing, { type: 'ControllerResizeError', status: 'True', message: 'rpc error: code = ResourceExhausted desc = quota exceeded for disk size', lastTransitionTime: minutesAgo(20) }], []));
      expect(f?.title).toContain('; its expansion to 100Gi is refused (');
      expect(f?.decisive).toBe('quota exceeded for disk size');
    });

    it('says an expansion is under way when the resizer has not answered, and does not call it refused after a later success', () => {
      const growing = analyzeVolumeFull(expanding([resizing], []))[0];
      expect(growing?.title).toContain('; an expansion to 100Gi is under way (');
      expect(growing?.nextAction).toBe(`Wait for the expansion of PVC ${CLAIM} to 100Gi to finish (under way since 26m ago), or free space now; then find what filled it.`);
      const retried = analyzeVolumeFull(expanding([resizing], [
        event({ object: onClaim, reason: 'VolumeResizeFailed', message: REFUSED, lastSeen: minutesAgo(9), source: 'external-resizer ebs.csi.aws.com' }),
        event({ object: onClaim, type: 'Normal', reason: 'VolumeResizeSuccessful', message: 'Resize volume succeeded', lastSeen: minutesAgo(2), source: 'external-resizer ebs.csi.aws.com' }),
      ]))[0];
      expect(retried?.title).not.toContain('refused');
    });

    it('asks for the pod to be recreated when the disk grew and the file system waits for the node', () => {
      const ev = postgresFull();
      ev.pvcs = [{ ...pvc(CLAIM, '100Gi', PG_POD), capacity: '100Gi', conditions: [{ type: 'FileSystemResizePending', status: 'True', message: 'Waiting for user to (re-)start a pod to finish file system resize of volume on node.' }] }];
      const [f] = analyzeVolumeFull(ev);
      expect(f?.title).toContain('; it was expanded to 100Gi, but the file system has not grown yet (FileSystemResizePending) (');
      expect(f?.fix).toBe(`delete pod ${PG_POD} so its file system grows to 100Gi, and find what filled it`);
      expect(f?.evidence).toContain(`PVC ${CLAIM}: Bound, 100Gi, storage class gp3, conditions FileSystemResizePending`);
    });

    it('still advises expanding a claim that is at the size it asked for, whatever old refusal its events hold', () => {
      const ev = postgresFull();
      ev.pvcs = [{ ...pvc(CLAIM, '50Gi', PG_POD), capacity: '50Gi' }];
      ev.events = [event({ object: onClaim, reason: 'VolumeResizeFailed', message: REFUSED, firstSeen: minutesAgo(3000), lastSeen: minutesAgo(2900) })];
      const [f] = analyzeVolumeFull(ev);
      expect(f?.title).toContain(`PVC ${CLAIM} (50Gi) mounted at`);
      expect(f?.title).not.toContain('expansion');
      expect(f?.fix).toBe(`expand PVC ${CLAIM} and find what filled it`);
    });
  });

  describe('an expansion the API server refuses because the claim\'s StorageClass does not allow one', () => {
    const FORBIDDEN = `persistentvolumeclaims "${CLAIM}" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize`;
    const app = { kind: 'Application', name: 'ledger', namespace: 'argocd' };
    /** The claim never changed: the GitOps tool that applies it says its sync fails. */
    function refusedBy(seen: Partial<Pick<TriageEvidence, 'claimApplierEvents' | 'namespaceWarnings'>>): TriageEvidence {
      const ev = postgresFull();
      ev.pvcs = [{ ...pvc(CLAIM, '50Gi', PG_POD), storageClass: 'gp2', capacity: '50Gi', appliedBy: { kind: 'Application', name: 'ledger' } }];
      return { ...ev, ...seen };
    }

    it('quotes the refusal from the events of what applies the claim, and advises freeing space then moving to an expandable class, not expanding', () => {
      const refusal = event({ object: app, reason: 'OperationCompleted', message: `Sync operation to 5f3c2a1 failed: one or more objects failed to apply, reason: ${FORBIDDEN}`, count: 7, firstSeen: minutesAgo(38), lastSeen: minutesAgo(3), source: 'argocd-application-controller' });
      const [f] = analyzeVolumeFull(refusedBy({ claimApplierEvents: [refusal] }));
      expect(f?.title).toBe(`Volume data is full: PVC ${CLAIM} (50Gi) mounted at /var/lib/postgresql/data: writes fail with "No space left on device"; it cannot be expanded: StorageClass gp2 does not allow volume expansion (${PG_POD})`);
      expect(f?.decisive).toBe('only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize');
      expect(f?.evidence.some((l) => l.startsWith('[application/ledger] OperationCompleted ×7') && l.includes('must support resize'))).toBe(true);
      expect(f?.nextAction).not.toMatch(/expand PVC/);
      expect(f?.nextAction).toMatch(/free space on PVC data-ledger-postgres-0 now/);
      expect(f?.nextAction).toMatch(/allowVolumeExpansion: true/);
      expect(f?.fix).toBe(`free space on PVC ${CLAIM} now, then move its data to a claim of a StorageClass that allows expansion (gp2 does not)`);
      expect(f?.confirmCommands).toContain("kubectl get storageclass gp2 -o jsonpath='{.allowVolumeExpansion}' --context prod-eu-west-1");
    });

    it('finds it among the namespace\'s Warnings too, and ignores a refusal that names another claim', () => {
      const warning = (claim: string) => event({ object: { kind: 'Kustomization', name: 'apps', namespace: 'ledger' }, reason: 'ReconciliationFailed', message: `PersistentVolumeClaim/ledger/${claim} dry-run failed: persistentvolumeclaims "${claim}" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize`, source: 'kustomize-controller' });
      expect(analyzeVolumeFull(refusedBy({ namespaceWarnings: [warning(CLAIM)] }))[0]?.title).toContain('it cannot be expanded');
      const other = analyzeVolumeFull(refusedBy({ namespaceWarnings: [warning(`${CLAIM}-archive`)] }))[0];
      expect(other?.title).not.toContain('expand');
      expect(other?.fix).toBe(`expand PVC ${CLAIM} and find what filled it`);
    });
  });

  describe('a StatefulSet whose volumeClaimTemplate asks more than the full claim has', () => {
    /** The template was raised to 200Gi (the set re-created with --cascade=orphan); the claim it had made stayed 50Gi. */
    function templateRaised(templateStorage: string): TriageEvidence {
      const ev = postgresFull();
      ev.workload = { ...ev.workload!, createdAt: minutesAgo(2 * 24 * 60), claimTemplates: [{ name: 'data', storage: templateStorage, storageClass: 'gp3' }] };
      ev.pvcs = [{ ...pvc(CLAIM, '50Gi', PG_POD), capacity: '50Gi', createdAt: minutesAgo(214 * 24 * 60) }];
      return ev;
    }

    it('quotes both sizes, says a template sizes only claims created after it, and advises expanding the claim itself to the template\'s size', () => {
      const [f] = analyzeVolumeFull(templateRaised('200Gi'));
      expect(f?.title).toBe(`Volume data is full: PVC ${CLAIM} (50Gi) mounted at /var/lib/postgresql/data: writes fail with "No space left on device"; its volumeClaimTemplate data asks 200Gi, but a template sizes only claims created after it (${PG_POD})`);
      expect(f?.evidence).toContain(`StatefulSet ledger-postgres volumeClaimTemplate data: 200Gi, storage class gp3; PVC ${CLAIM} was created with 50Gi 214d ago, before the StatefulSet (2d ago)`);
      expect(f?.likelyCause).toMatch(/never resizes a claim that exists/);
      expect(f?.nextAction).toBe(`Mitigate: expand PVC ${CLAIM} itself to 200Gi, the size its volumeClaimTemplate asks (\`kubectl patch pvc ${CLAIM} -p '{"spec":{"resources":{"requests":{"storage":"200Gi"}}}}' -n ledger --context prod-eu-west-1\`; its StorageClass must allow expansion; the bot will not): editing the template again changes nothing for it. Then find what filled it.`);
      expect(f?.fix).toBe(`expand PVC ${CLAIM} itself to 200Gi, its volumeClaimTemplate's size (a template resizes no existing claim), and find what filled it`);
    });

    it('says nothing of the template when it asks no more than the claim has', () => {
      const [f] = analyzeVolumeFull(templateRaised('50Gi'));
      expect(f?.title).not.toContain('volumeClaimTemplate');
      expect(f?.fix).toBe(`expand PVC ${CLAIM} and find what filled it`);
    });
  });

  it('says nothing without a full-disk line', () => {
    expect(analyzeVolumeFull(healthyScenario())).toEqual([]);
    const ev = postgresFull();
    ev.logs = [{ pod: PG_POD, container: 'postgres', previous: true, lines: PG_RECOVERY.filter((l) => !l.includes('No space')) }];
    expect(analyzeVolumeFull(ev)).toEqual([]);
  });
});

describe('analyzeVolumeFull on a claim out of inodes', () => {
  /** A spool claim with half its bytes free whose writer reports every inode used. */
  function spoolOutOfInodes(report: string): TriageEvidence {
    const ev = appWithMounts(
      [{ name: 'spool', mountPath: '/srv/spool' }],
      [{ name: 'spool', source: 'pvc', ref: 'spool-settlement' }],
      '2026-11-21 03:12:05,118 ERROR writer: open /srv/spool/q/0007/81c2.msg: no space left on device',
      [pvc('spool-settlement', '20Gi', podName(REV6.hash, 0))],
    );
    const log = ev.logs[0];
    if (log) log.lines = [`2026-11-21 03:10:00,000 INFO spool stats: ${report}`, ...log.lines];
    return ev;
  }

  it('says inodes, not bytes, ran out and advises fewer files or more inodes, not a bigger claim', () => {
    const [f] = analyzeVolumeFull(spoolOutOfInodes('9.6 GiB of 19.6 GiB used, inodes used 1310720/1310720'));
    expect(f?.title).toMatch(/^Volume spool \(PVC spool-settlement, 20Gi\) at \/srv\/spool is out of inodes, not bytes \(1310720 of 1310720 inodes used\): writes fail with "No space left on device"/);
    expect(f?.evidence).toContain(`log ${podName(REV6.hash, 0)}/app: 2026-11-21 03:10:00,000 INFO spool stats: 9.6 GiB of 19.6 GiB used, inodes used 1310720/1310720`);
    expect(f?.likelyCause).toMatch(/no free inodes left/);
    expect(f?.nextAction).toMatch(/^Mitigate: delete files PVC spool-settlement can lose/);
    expect(f?.nextAction).toMatch(/more inodes/);
    expect(f?.nextAction).not.toMatch(/expand PVC/i);
  });

  it('keeps the full-disk reading when the writer reports inodes to spare', () => {
    const [f] = analyzeVolumeFull(spoolOutOfInodes('19.5 GiB of 19.6 GiB used, inodes used 40210/1310720'));
    expect(f?.title).toMatch(/^Volume spool is full/);
    expect(f?.nextAction).toMatch(/^Mitigate: expand PVC spool-settlement/);
  });
});
