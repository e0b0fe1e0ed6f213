import { describe, expect, it } from 'vitest';
import { analyzeCgroupRefusal } from '../../../../src/domain/triage/analyzers/cgroup-refusal.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { IMAGE_V15, NODE_A, NODE_B, NODE_C, NOW, NS, REV6, REV7, baseEvidence, container, event, minutesAgo, node, pod, revision, revisionContainer, withCondition } from '../scenarios/builders.js';

const DAY = 24 * 60;
const ENOMEM = (uid: string) => `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to create containerd task: OCI runtime create failed: container_linux.go:349: starting container process caused: process_linux.go:297: applying cgroup configuration for process caused: mkdir /sys/fs/cgroup/memory/kubepods/besteffort/pod${uid}/7e21c0d9a4b3: cannot allocate memory: unknown`;
const ENOSPC = (uid: string) => `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to start sandbox container task "7e21c0d9a4b3": OCI runtime create failed: runc create failed: unable to start container process: unable to apply cgroup configuration: mkdir /sys/fs/cgroup/memory/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${uid}.slice: no space left on device: unknown`;

/**
 * Revision 7 rolled out 40 minutes ago: its pods run on NODE_A and NODE_B; its two pods placed on
 * NODE_C never got a sandbox. A revision-6 pod on NODE_C, started days ago, still runs.
 */
function refusedOnNodeC(opts: { message?: (uid: string) => string; kernel?: string; osImage?: string; memoryPressure?: boolean; lastSeen?: number } = {}): TriageEvidence {
  const fresh = (i: number, over = {}) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(38 - i), startTime: minutesAgo(38 - i), containers: [container({ image: IMAGE_V15 })], ...over });
  const stuck = [2, 5].map((i) => fresh(i, { phase: 'Pending' as const, ready: false, containers: [container({ image: IMAGE_V15, ready: false, state: { waiting: { reason: 'ContainerCreating' } } })] }));
  const pods = [pod(8), fresh(3), fresh(4), ...stuck];
  let c = node(NODE_C, { kernelVersion: opts.kernel ?? '3.10.0-957.27.2.el7.x86_64', osImage: opts.osImage ?? 'Red Hat Enterprise Linux Server 7.6 (Maipo)', containerRuntime: 'docker://19.3.15', createdAt: minutesAgo(130 * DAY) });
  if (opts.memoryPressure) c = withCondition(c, 'MemoryPressure', 'True', 'KubeletHasInsufficientMemory', 'kubelet has insufficient memory available', 20);
  const message = opts.message ?? ENOMEM;
  return baseEvidence({
    pods,
    nodes: [node(NODE_A), node(NODE_B), c],
    revisions: [revision(REV6, minutesAgo(9 * DAY)), revision(REV7, minutesAgo(40), { containers: [revisionContainer({ image: IMAGE_V15 })] })],
    events: stuck.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'FailedCreatePodSandBox', message: message(p.uid ?? ''), count: 57, firstSeen: minutesAgo(36), lastSeen: minutesAgo(opts.lastSeen ?? 0.4) })),
  });
}

describe('analyzeCgroupRefusal', () => {
  it('names the node whose old kernel refuses new memory cgroups though it has memory free, and clears the revision that runs elsewhere', () => {
    const ev = refusedOnNodeC();
    const [f, ...rest] = analyzeCgroupRefusal(ev);
    expect(rest).toEqual([]);
    expect(f?.title).toBe(`New pods on node ${NODE_C} cannot start (2 pods stuck in ContainerCreating): its kernel refuses them a memory cgroup ("cannot allocate memory") though the node reports no memory pressure: the kmem accounting leak of kernel 3.10 on Red Hat Enterprise Linux Server 7.6 (Maipo)`);
    expect(f?.layer).toBe('node/eviction');
    expect(f?.decisive).toBe('mkdir /sys/fs/cgroup/memory/kubepods/besteffort/pod…: cannot allocate memory');
    expect(f?.likelyCause).toMatch(/cgroups of pods deleted long ago stay behind/);
    expect(f?.likelyCause).toMatch(/registered 130d ago/);
    expect(f?.evidence).toContain(`revision 7 runs on 2 other nodes (${NODE_A}, ${NODE_B})`);
    expect(f?.nextAction).toMatch(new RegExp(`^Mitigate: cordon ${NODE_C.replace(/\./g, '\\.')} and delete the 2 stuck pods`));
    expect(f?.fix).toBe(`drain ${NODE_C} and reboot it (a reboot frees the leaked cgroups) or replace it; move its node group off kernel 3.10`);
    expect(f?.outsideWorkload).toBeDefined();
    expect(f?.affected).toEqual({ pods: [ev.pods[3]?.name, ev.pods[4]?.name], nodes: [NODE_C] });
  });

  it('reads "no space left on device" on a newer kernel as cgroups used up, without blaming the kernel\'s version', () => {
    const [f] = analyzeCgroupRefusal(refusedOnNodeC({ message: ENOSPC, kernel: '5.10.228-219.884.amzn2.x86_64', osImage: 'Amazon Linux 2' }));
    expect(f?.title).toBe(`New pods on node ${NODE_C} cannot start (2 pods stuck in ContainerCreating): its kernel refuses them a memory cgroup ("no space left on device") though the node reports no memory pressure`);
    expect(f?.likelyCause).not.toMatch(/kmem accounting leak/);
    expect(f?.fix).toBe(`drain ${NODE_C} and reboot it (a reboot frees the leaked cgroups) or replace it`);
  });

  it('stays silent on a network failure, on a node short of memory, and on an old event', () => {
    const cni = () => 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "7e21c0d9a4b3": plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container';
    expect(analyzeCgroupRefusal(refusedOnNodeC({ message: cni }))).toEqual([]);
    expect(analyzeCgroupRefusal(refusedOnNodeC({ memoryPressure: true }))).toEqual([]);
    expect(analyzeCgroupRefusal(refusedOnNodeC({ lastSeen: 3 * 60 }))).toEqual([]);
  });

  it('makes the node the verdict, not the revision rolled out just before, and advises no rollback', () => {
    const r = buildTriageReport(refusedOnNodeC(), { startedAt: NOW, finishedAt: NOW });
    expect(r.headline).toContain(NODE_C);
    expect(r.headline).toMatch(/kernel 3\.10/);
    const said = [r.headline, ...r.findings.map((x) => `${x.title} ${x.likelyCause} ${x.nextAction}`)].join('\n');
    expect(said).not.toMatch(/roll ?back to|rollout undo/i);
  });
});
