// A segfault (exit 139) only on the nodes of a pool whose kernel boots without the legacy vsyscall
// page: an old build calls time() through it. The pool's boot options are the cause, not the code.
import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import type { NodeEvidence } from '../../../src/domain/triage/evidence.js';
import { NOW, REV6, baseEvidence, crashLooping, minutesAgo, node, pod, podName, revision, terminated } from './scenarios/builders.js';

type Nodes = { hardened?: Partial<NodeEvidence>; plain?: Partial<NodeEvidence> };

/** Revision 6 runs on two nodes of pool "std" and segfaults at start on two nodes of pool "secure" added 5h ago. */
function segfaultOnPool(log: string[], nodes: Nodes = {}) {
  const plain = ['std-1', 'std-2'].map((n) => node(n, { labels: { 'eks.amazonaws.com/nodegroup': 'std' }, kernelVersion: '4.14.355-275.570.amzn2.x86_64', osImage: 'Amazon Linux 2', createdAt: minutesAgo(200 * 24 * 60), ...nodes.plain }));
  const hardened = ['sec-1', 'sec-2'].map((n) => node(n, { labels: { 'eks.amazonaws.com/nodegroup': 'secure' }, kernelVersion: '6.12.40-64.114.amzn2023.x86_64', osImage: 'Amazon Linux 2023.8', createdAt: minutesAgo(300), bootOptions: 'audit=1 vsyscall=none pti=on', ...nodes.hardened }));
  const crashed = (i: number) => crashLooping(podName(REV6.hash, i), terminated(139, 'Error', 3, { runSeconds: 0 }), 11);
  const pods = [
    pod(0, { nodeName: 'std-1' }),
    pod(1, { nodeName: 'std-2' }),
    pod(2, { nodeName: 'sec-1', createdAt: minutesAgo(61), ready: false, containers: [crashed(2)] }),
    pod(3, { nodeName: 'sec-2', createdAt: minutesAgo(60), ready: false, containers: [crashed(3)] }),
  ];
  const ev = baseEvidence({ pods, nodes: [...plain, ...hardened] });
  ev.revisions = [revision(REV6, minutesAgo(60 * 24 * 60))];
  ev.logs = [2, 3].map((i) => ({ pod: pods[i]?.name ?? '', container: 'app', previous: true, lines: log }));
  return ev;
}

const OLD = ['launcher: ledgerd 3.1 (centos6 build, compiled 2013-07-02)', '/srv/run.sh: line 12:    9 Segmentation fault      /srv/bin/ledgerd -c /etc/ledgerd.conf'];
const NEW = ['launcher: ledgerd 9.4 starting', '/srv/run.sh: line 12:    9 Segmentation fault      /srv/bin/ledgerd -c /etc/ledgerd.conf'];

describe('segfault on nodes booted with vsyscall=none', () => {
  it('names the pool booted with vsyscall=none and the old build, for certain', () => {
    const [f] = analyzeExitCodes(segfaultOnPool(OLD));
    expect(f?.title).toMatch(/node pool secure boots its kernel with vsyscall=none/);
    expect(f?.title).toMatch(/centos6/);
    expect(f?.confidence).toBe('high');
    expect(f?.likelyCause).toMatch(/glibc before 2\.14/);
    expect(f?.fix).toMatch(/vsyscall=xonly .*current glibc/);
  });

  it('says it from the boot options even when the log names no old build', () => {
    const [f] = analyzeExitCodes(segfaultOnPool(NEW));
    expect(f?.title).toMatch(/vsyscall=none, and the binary calls the legacy vsyscall page/);
  });

  it('reads node-feature-discovery\'s kernel-config label as a kernel without the page', () => {
    const [f] = analyzeExitCodes(segfaultOnPool(NEW, { hardened: { bootOptions: undefined, labels: { 'eks.amazonaws.com/nodegroup': 'secure', 'feature.node.kubernetes.io/kernel-config.LEGACY_VSYSCALL_NONE': 'true' } } }));
    expect(f?.title).toMatch(/vsyscall=none/);
  });

  it('tells it as likely from an old build on another kernel when the boot options are not readable', () => {
    const [f] = analyzeExitCodes(segfaultOnPool(OLD, { hardened: { bootOptions: undefined } }));
    expect(f?.title).toMatch(/likely calls the legacy vsyscall page/);
    expect(f?.title).toMatch(/6\.12\.40/);
    expect(f?.confidence).toBe('medium');
  });

  it('says nothing of vsyscall when neither the boot options nor the log point there', () => {
    const [f] = analyzeExitCodes(segfaultOnPool(NEW, { hardened: { bootOptions: undefined } }));
    expect(f?.title).not.toMatch(/vsyscall/);
  });

  it('says nothing of vsyscall when the healthy nodes boot with it too', () => {
    const [f] = analyzeExitCodes(segfaultOnPool(OLD, { plain: { bootOptions: 'vsyscall=none' } }));
    expect(f?.title).not.toMatch(/vsyscall/);
  });

  it('keeps the pods off the pool and fixes its boot options in the verdict', () => {
    const report = buildTriageReport(segfaultOnPool(OLD), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/vsyscall=none/);
    expect(report.headline).toMatch(/Keep the pods off node pool secure .*vsyscall=xonly/);
  });
});
