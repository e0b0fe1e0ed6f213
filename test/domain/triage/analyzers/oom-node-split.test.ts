// OOM kills confined to one node pool (same revision, same limit, healthy pods elsewhere) are not
// fixed by a bigger limit: the finding says the runtime sizes itself from those nodes.
import { describe, expect, it } from 'vitest';
import { analyzeOomKilled } from '../../../../src/domain/triage/analyzers/oom-killed.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { baseEvidence, crashLooping, node, pod, podName, REV6, terminated } from '../scenarios/builders.js';

const RAISE_LIMIT = /(raise|increase|bump|double)[^\n]*(memory )?limit/i;

function splitByPool(killedPool: string) {
  const oldPool = ['old-a', 'old-b', 'old-c'].map((n) => node(n, { labels: { 'eks.amazonaws.com/nodegroup': 'general-al2' } }));
  const newPool = ['new-a', 'new-b', 'new-c'].map((n) => node(n, { labels: { 'eks.amazonaws.com/nodegroup': killedPool } }));
  const pods = [
    ...[0, 1, 2].map((i) => pod(i, { nodeName: `old-${'abc'[i] ?? 'a'}` })),
    ...[3, 4, 5].map((i) => pod(i, { nodeName: `new-${'abc'[i - 3] ?? 'a'}`, ready: false, containers: [crashLooping(podName(REV6.hash, i), terminated(137, 'OOMKilled', 3, { runSeconds: 560 }), 9)] })),
  ];
  return baseEvidence({ pods, nodes: [...oldPool, ...newPool] });
}

describe('OOM kills on one node pool', () => {
  it('says the process uses more memory there and never advises a bigger limit', () => {
    const ev = splitByPool('general-al2023');
    const findings = analyzeOomKilled(ev);
    const [f] = findings;
    expect(f?.evidence).toContain('OOM kills only on node pool general-al2023; the same revision and limit run fine elsewhere');
    expect(f?.likelyCause).toContain('sizes its heap from the host');
    expect(f?.nextAction).toContain('-Xmx or -XX:MaxRAMPercentage');
    const d = diagnose(ev, findings);
    expect(d?.headline).toContain('Keep the pods off node pool general-al2023');
    expect(d?.headline).not.toMatch(RAISE_LIMIT);
    expect([f?.title, f?.likelyCause, f?.nextAction].join('\n')).not.toMatch(RAISE_LIMIT);
  });

  it('still advises the limit when the kills are not confined to a group of machines', () => {
    const ev = splitByPool('general-al2');
    const [f] = analyzeOomKilled(ev);
    expect(f?.nextAction).toContain('raise the memory limit');
  });
});
