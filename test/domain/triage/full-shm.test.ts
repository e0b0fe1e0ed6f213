import { describe, expect, it } from 'vitest';
import { analyzeVolumeFull } from '../../../src/domain/triage/analyzers/volume-full.js';
import type { PodEvidence, PodTemplateEvidence, TriageEvidence, VolumeEvidence, VolumeMountEvidence } from '../../../src/domain/triage/evidence.js';
import { REV6, REV7, baseEvidence, crashLooping, minutesAgo, pod, podName, revision, revisionContainer, terminated } from './scenarios/builders.js';

const shmVolume: VolumeEvidence = { name: 'shared-mem', source: 'emptyDir', medium: 'Memory', sizeLimit: '512Mi' };
const cache: VolumeEvidence = { name: 'scratch', source: 'emptyDir' };
const template = (volumes: VolumeEvidence[]): PodTemplateEvidence => ({ initContainers: [], volumes, imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } });

/** One crash-looping pod of revision 7 with these mounts; revision 6 mounted the memory emptyDir at /dev/shm. */
function shmFull(line: string, mounts: VolumeMountEvidence[], volumes: VolumeEvidence[], logLines: string[] = []): TriageEvidence {
  const name = podName(REV7.hash, 0);
  const app = crashLooping(name, terminated(1, 'Error', 2), 5, { volumeMounts: mounts });
  const pods: PodEvidence[] = [pod(0, { name, revisionHash: REV7.hash, ready: false, containers: [app], volumes })];
  const ev = baseEvidence({ pods, logs: [{ pod: name, container: 'app', previous: true, lines: [...logLines, line] }] });
  return {
    ...ev,
    revisions: [
      revision(REV6, minutesAgo(10 * 24 * 60), { containers: [revisionContainer({ volumeMounts: [{ name: 'shared-mem', mountPath: '/dev/shm' }, { name: 'scratch', mountPath: '/scratch' }] })], template: template([shmVolume, cache]) }),
      revision(REV7, minutesAgo(40), { containers: [revisionContainer({ volumeMounts: mounts })], template: template(volumes) }),
    ],
  };
}

describe('a full /dev/shm', () => {
  it("names the runtime's default 64 MB shared memory and the memory emptyDir an older revision mounted there, not disk to free", () => {
    const ev = shmFull('[71:88:1203/101501.204410:ERROR:platform_shared_memory_region_posix.cc(217)] Creating shared memory in /dev/shm/.org.chromium.Chromium.QwErTy failed: No space left on device (28)', [{ name: 'scratch', mountPath: '/scratch' }], [cache], ['{"msg":"headless browser started"}']);
    const [f] = analyzeVolumeFull(ev);
    expect(f?.title).toMatch(/^\/dev\/shm of container app is the runtime's default 64 MB tmpfs/);
    expect(f?.likelyCause).toContain('not disk');
    expect(f?.fix).toBe('mount emptyDir shared-mem (medium: Memory, sizeLimit 512Mi) at /dev/shm again, or launch Chromium with --disable-dev-shm-usage (it then uses /tmp)');
    expect(f?.evidence.join('\n')).toContain('revision 6 mounted emptyDir shared-mem (medium: Memory, sizeLimit 512Mi) there');
    expect(f?.fix).not.toMatch(/free or add space/);
  });

  it("reads PyTorch's shared memory segments the same way, without Chromium's switch", () => {
    const ev = shmFull('RuntimeError: unable to write to file </torch_318_1770421_3>: No space left on device (28)', [], []);
    const [f] = analyzeVolumeFull(ev);
    expect(f?.title).toContain("the runtime's default 64 MB");
    expect(f?.fix).toBe('mount emptyDir shared-mem (medium: Memory, sizeLimit 512Mi) at /dev/shm again');
  });

  it("says a memory emptyDir at /dev/shm is full at its sizeLimit", () => {
    const ev = shmFull('ERROR: could not create shared memory in /dev/shm/mp-wk3l: No space left on device', [{ name: 'shared-mem', mountPath: '/dev/shm' }], [shmVolume]);
    const [f] = analyzeVolumeFull(ev);
    expect(f?.title).toContain('(emptyDir shared-mem, medium: Memory, sizeLimit 512Mi) is full');
    expect(f?.fix).toBe('raise the sizeLimit of emptyDir shared-mem at /dev/shm');
  });
});
