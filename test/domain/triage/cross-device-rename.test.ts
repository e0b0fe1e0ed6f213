import { describe, expect, it } from 'vitest';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';
import type { EnvVarEvidence, RevisionEvidence, VolumeMountEvidence } from '../../../src/domain/triage/evidence.js';

// A file written in a temporary directory and renamed into place: EXDEV once the two directories
// sit on different mounts.
const GO = '{"level":"ERROR","msg":"save failed","err":"finalize: rename /tmpvol/parts/p-17 /data/store/a/17.bin: invalid cross-device link"}';
const PY = "OSError: [Errno 18] Invalid cross-device link: '/tmpvol/parts/p-17' -> '/data/store/a/17.bin'";
const mounts: VolumeMountEvidence[] = [{ name: 'store', mountPath: '/data/store' }, { name: 'tmpvol', mountPath: '/tmpvol' }];
const volumes = [{ name: 'store', source: 'pvc' as const, ref: 'store-claim' }, { name: 'tmpvol', source: 'emptyDir' as const }];

function revision(n: number, env: EnvVarEvidence[], volumeMounts: VolumeMountEvidence[]): RevisionEvidence {
  return { revision: n, name: `saver-${n}`, hash: `h${n}`, createdAt: `2026-11-2${n % 10}T00:00:00Z`, containers: [{ name: 'app', image: 'registry.example/saver:1.0', env, envFrom: [], volumeMounts, resources: { requests: {}, limits: {} } }] };
}

describe('a rename refused across filesystems (EXDEV)', () => {
  it('names the two mounts and the revision that moved the temporary directory', () => {
    const older = revision(6, [{ name: 'PARTS_DIR', value: '/data/store/.parts' }], [mounts[0]!]);
    const newer = revision(7, [{ name: 'PARTS_DIR', value: '/tmpvol/parts' }], mounts);
    const d = explainClientDiagnosis([GO], [GO], [{ name: 'app', volumeMounts: mounts }], volumes, [], undefined, [older, newer]);
    expect(d?.summary).toMatch(/renames fail across filesystems \(EXDEV, invalid cross-device link\): the source \/tmpvol\/parts is on \/tmpvol \(volume tmpvol: emptyDir\), the destination on \/data\/store \(volume store: PVC store-claim\) — revision 7 moved PARTS_DIR \/data\/store\/.parts → \/tmpvol\/parts/);
    expect(d?.nextAction).toMatch(/Roll back to revision 6, or keep the temporary directory on the same volume as the destination \(under \/data\/store\)/);
  });

  it('reads Python\'s errno 18 and a path on the container\'s own filesystem', () => {
    const d = explainClientDiagnosis([PY], [PY], [{ name: 'app', volumeMounts: [mounts[0]!] }], volumes);
    expect(d?.summary).toMatch(/the source \/tmpvol\/parts is on the container's own filesystem, the destination on \/data\/store \(volume store: PVC store-claim\)/);
    expect(d?.fix).toMatch(/same volume as the destination/);
  });
});
