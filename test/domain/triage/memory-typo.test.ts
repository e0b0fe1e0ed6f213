import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import { findMemoryTypo } from '../../../src/domain/triage/memory-typo.js';
import { compareFailingHealthy } from '../../../src/domain/triage/verdict/differential.js';
import { findTrigger } from '../../../src/domain/triage/verdict/trigger.js';
import { IMAGE_V15, REV7, container, crashLooping, minutesAgo, pod, revision, revisionContainer, terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

const INIT_OOM = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: container init was OOM-killed (memory limit too low?): unknown';
const res = (memory: string) => ({ requests: { cpu: '100m', memory }, limits: { memory } });

describe('findMemoryTypo', () => {
  it('reads "256m" as millibytes and says 256Mi was meant', () => {
    expect(findMemoryTypo({ resources: res('256m') })).toEqual({ written: '256m', settings: ['request', 'limit'], bytes: '0.256 bytes', meant: '256Mi', unit: 'm means milli: thousandths of a byte, not Mi' });
  });

  it('reads a bare number as bytes, and a limit alone when the request differs', () => {
    const t = findMemoryTypo({ resources: { requests: { memory: '64Mi' }, limits: { memory: '1024' } } });
    expect(t).toMatchObject({ written: '1024', settings: ['limit'], bytes: '1Ki', meant: '1024Mi' });
  });

  it('leaves every plausible memory setting alone, and containers without one', () => {
    for (const q of ['512Mi', '1Gi', '64M', '8Mi', '100000000']) expect(findMemoryTypo({ resources: res(q) })).toBeUndefined();
    expect(findMemoryTypo({ resources: { requests: { cpu: '250m' }, limits: {} } })).toBeUndefined();
  });
});

describe('a container that cannot start because its memory quantity is a unit slip', () => {
  function initOomScenario() {
    const ev = crashScenario(2, () => terminated(128, 'StartError', 1, { message: INIT_OOM, runSeconds: 0 }));
    for (const p of ev.pods.slice(0, 2)) {
      const c = p.containers[0]!;
      p.containers = [{ ...c, resources: res('768m') }];
    }
    return ev;
  }

  it('names the quantity and what was meant in the start failure', () => {
    const [f] = analyzeExitCodes(initOomScenario());
    expect(f?.title).toBe('Container app cannot start: the runtime failed to run it (exit 128) on 2/5 pods: its memory request and limit are 768m = 0.768 bytes (m means milli: thousandths of a byte, not Mi); 768Mi was likely meant');
    expect(f?.fix).toBe('write the memory request and limit as 768Mi (not 768m)');
    expect(f?.likelyCause).toContain('init process is OOM-killed before the application starts');
    expect(f?.confidence).toBe('high');
  });

  it('says nothing of memory when the start failure has another cause and the quantities are sound', () => {
    const ev = crashScenario(1, () => terminated(128, 'StartError', 1, { message: INIT_OOM.replace('container init was OOM-killed (memory limit too low?)', 'error mounting "/data" to rootfs: permission denied'), runSeconds: 0 }));
    expect(analyzeExitCodes(ev)[0]?.title).not.toContain('memory');
  });

  it('makes the revision line that wrote the quantity the trigger, over the image bump beside it', () => {
    const base = initOomScenario();
    const fresh = [0, 1].map((i) => {
      const p = pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(20), startTime: minutesAgo(20) });
      return { ...p, ready: false, containers: [crashLooping(p.name, terminated(128, 'StartError', 1, { message: INIT_OOM, runSeconds: 0 }), 8, { image: IMAGE_V15, resources: res('768m') })] };
    });
    const ev = { ...base, pods: [...fresh, ...base.pods.slice(2)], revisions: [...base.revisions, revision(REV7, minutesAgo(21), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15, resources: res('768m') })] })] };
    const [m] = analyzeExitCodes(ev);
    const t = findTrigger(ev, m, compareFailingHealthy(ev));
    expect(t.kind === 'revision' ? t.change : t.kind).toBe('app memory limit: 512Mi → 768m');
  });
});
