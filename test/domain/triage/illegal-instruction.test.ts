// A process killed by SIGILL (exit 132) on some pods of a new revision: the build uses CPU
// instructions those pods' nodes lack. The node type is the scope, the revision the trigger.
import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, REV6, REV7, baseEvidence, crashLooping, minutesAgo, node, pod, podName, revision, terminated } from './scenarios/builders.js';

const cpuid = (flags: string[]) => Object.fromEntries(flags.map((f) => [`feature.node.kubernetes.io/cpu-cpuid.${f}`, 'true']));

/** Revision 7 crashes with exit 132 on the older m5a nodes and runs on the m7i ones; a revision-6 pod runs on an m5a node. */
function sigill() {
  const old = ['m5a-1', 'm5a-2'].map((n) => node(n, { labels: { 'eks.amazonaws.com/nodegroup': 'general', 'node.kubernetes.io/instance-type': 'm5a.2xlarge', ...cpuid(['AVX2', 'FMA3']) } }));
  const fresh = ['m7i-1', 'm7i-2'].map((n) => node(n, { labels: { 'eks.amazonaws.com/nodegroup': 'general-m7i', 'node.kubernetes.io/instance-type': 'm7i.2xlarge', ...cpuid(['AVX2', 'FMA3', 'AVX512F', 'AVX512BW']) } }));
  const crashed = (i: number) => crashLooping(podName(REV7.hash, i), terminated(132, 'Error', 2, { runSeconds: 9 }), 12);
  const pods = [
    pod(0, { nodeName: 'm5a-2' }),
    pod(1, { revisionHash: REV7.hash, nodeName: 'm7i-1', createdAt: minutesAgo(47) }),
    pod(2, { revisionHash: REV7.hash, nodeName: 'm5a-1', createdAt: minutesAgo(47), ready: false, containers: [crashed(2)] }),
    pod(3, { revisionHash: REV7.hash, nodeName: 'm7i-2', createdAt: minutesAgo(45) }),
    pod(4, { revisionHash: REV7.hash, nodeName: 'm5a-2', createdAt: minutesAgo(45), ready: false, containers: [crashed(4)] }),
  ];
  const ev = baseEvidence({ pods, nodes: [...old, ...fresh] });
  ev.revisions = [revision(REV6, minutesAgo(9 * 24 * 60)), revision(REV7, minutesAgo(48))];
  ev.logs = [2, 4].map((i) => ({ pod: pods[i]?.name ?? '', container: 'app', previous: true, lines: ['INFO building HNSW index', 'Fatal Python error: Illegal instruction', '', 'Current thread 0x00007f6a (most recent call first):'] }));
  return ev;
}

describe('SIGILL on the older nodes of a new revision', () => {
  it('names the instance type and the CPU features those nodes lack that the healthy ones have', () => {
    const [f] = analyzeExitCodes(sigill());
    expect(f?.title).toMatch(/SIGILL|illegal instruction/i);
    expect(f?.title).toMatch(/m5a\.2xlarge/);
    expect(f?.title).toMatch(/AVX512F/);
    expect(f?.likelyCause).toMatch(/-march=native/);
    expect(f?.fix).toMatch(/m7i\.2xlarge/);
  });

  it('keeps the revision as the trigger and the node type as the scope in the verdict', () => {
    const report = buildTriageReport(sigill(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since revision 7/);
    expect(report.headline).toMatch(/m5a\.2xlarge/);
    expect(report.headline).toMatch(/Roll back to revision 6, or keep the pods on m7i\.2xlarge/);
  });
});
