// Pods the kubelet rejects at admission though the scheduler placed them: the CPU or topology
// manager cannot align their request (SMTAlignmentError under full-pcpus-only). The verdict must say
// "rejected at admission", quote the kubelet, count the pods and say what request fits.
import { describe, expect, it } from 'vitest';
import { analyzeKubeletRejections } from '../../../src/domain/triage/analyzers/kubelet-rejected.js';
import { baseEvidence, pod } from './scenarios/builders.js';

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

  it('says nothing of alignment for running pods', () => {
    expect(analyzeKubeletRejections(baseEvidence({ pods: [pod(0), pod(1)] }))).toEqual([]);
  });
});
