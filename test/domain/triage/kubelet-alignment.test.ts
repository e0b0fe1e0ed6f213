// Pods the kubelet rejects at admission though the scheduler placed them: the CPU or topology
// manager cannot align their request (SMTAlignmentError under full-pcpus-only). The verdict must say
// "rejected at admission", quote the kubelet, count the pods and say what request fits.
import { describe, expect, it } from 'vitest';
import { analyzeKubeletRejections } from '../../../src/domain/triage/analyzers/kubelet-rejected.js';
import { baseEvidence, container, crashLooping, pod, terminated } from './scenarios/builders.js';

const SMT = 'SMT Alignment Error: requested 5 cpus not multiple cpus per core = 2';

describe('pods the kubelet rejects at admission for CPU alignment', () => {
  it('says the kubelet rejected them, counts them, quotes it and advises a CPU count per core', () => {
    const failed = [0, 1, 2, 3].map((i) => pod(i, { phase: 'Failed', reason: 'SMTAlignmentError', message: `Pod was rejected: ${SMT}`, ready: false, containers: [] }));
    const [f] = analyzeKubeletRejections(baseEvidence({ pods: [pod(7), ...failed] }));
    expect(f?.title).toMatch(/rejected 4 pods at admission \(SMTAlignmentError\)/);
    expect(f?.title).toContain(SMT);
    expect(f?.fix).toContain('multiple of 2');
    expect(f?.fix).toContain('full-pcpus-only');
  });

  it('names the device plugin pod that keeps dying on the node when the device manager had none of the device', () => {
    const DEVICE = 'Allocate failed due to requested number of devices unavailable for example.com/accel. Requested: 1, Available: 0, which is unexpected';
    const failed = [0, 1, 2].map((i) => pod(i, { phase: 'Failed', reason: 'UnexpectedAdmissionError', message: `Pod was rejected: ${DEVICE}`, ready: false, containers: [] }));
    const node = failed[0]?.nodeName ?? '';
    const plugin = pod(9, {
      name: 'accel-device-plugin-x7k2p',
      containers: [crashLooping('accel-device-plugin-x7k2p', terminated(137, 'OOMKilled', 1), 5, { name: 'plugin', image: 'registry.example.test/accel-device-plugin:1.2.0', resources: { requests: {}, limits: { memory: '32Mi' } } })],
    });
    const healthy = pod(10, { name: 'log-shipper-9q8w7', containers: [container({ name: 'shipper', image: 'registry.example.test/log-shipper:3.1.0' })] });
    const ev = { ...baseEvidence({ pods: [pod(7), ...failed] }), nodeAgents: [{ node, agents: [{ namespace: 'infra', owner: 'DaemonSet log-shipper', pod: healthy }, { namespace: 'infra', owner: 'DaemonSet accel-device-plugin', pod: plugin }], logs: [] }] };
    const [f] = analyzeKubeletRejections(ev);
    expect(f?.title).toMatch(/rejected 3 pods at admission \(UnexpectedAdmissionError\)/);
    expect(f?.title).toContain('infra/accel-device-plugin');
    expect(f?.title).toMatch(/OOMKilled \(5 restarts, memory limit 32Mi\)/);
    expect(f?.fix).toBe('raise (or drop) the memory limit of infra/accel-device-plugin (32Mi now)');
    expect(f?.outsideWorkload).toBeDefined();
    // Without the node's agents read, the advice stays the kubelet policy's.
    const [g] = analyzeKubeletRejections(baseEvidence({ pods: [pod(7), ...failed] }));
    expect(g?.title).not.toContain('device plugin');
  });

  it('says nothing of alignment for running pods', () => {
    expect(analyzeKubeletRejections(baseEvidence({ pods: [pod(0), pod(1)] }))).toEqual([]);
  });
});
