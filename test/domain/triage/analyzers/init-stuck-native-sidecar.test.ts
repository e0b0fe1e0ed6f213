import { describe, expect, it } from 'vitest';
import { analyzeInitStuck } from '../../../../src/domain/triage/analyzers/init-stuck.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, REV7, baseEvidence, container, minutesAgo, node, pod, running } from '../scenarios/builders.js';

/** A log-shipper applied as a native sidecar; the live spec holds it as a plain init container, running for good. */
function heldByShipper(kubelet: string, applied: string[]): TriageEvidence {
  const shipper = container({ name: 'log-shipper', image: 'shipper:2.0', ports: [], probes: {}, state: running(20), ready: false });
  const app = container({ state: { waiting: { reason: 'PodInitializing' } }, ready: false });
  const held = pod(0, { revisionHash: REV7.hash, ready: false, createdAt: minutesAgo(20.5), startTime: minutesAgo(20.5), initContainers: [shipper], containers: [app], nodeName: NODE_A });
  const ev = baseEvidence({ pods: [held, pod(1), pod(2)], logs: [{ pod: held.name, container: 'log-shipper', previous: false, lines: ['[info] shipper started', '[info] tailing /var/log/app/*.log'] }] });
  ev.nodes = [node(NODE_A, { kubeletVersion: kubelet })];
  if (ev.workload) ev.workload.appliedSidecars = applied;
  return ev;
}

describe('an init container applied with restartPolicy Always that the cluster stored without it', () => {
  it('says it was meant as a native sidecar, names the kubelet version before 1.29, and advises keeping it in containers', () => {
    const [f] = analyzeInitStuck(heldByShipper('v1.27.9', ['log-shipper']));
    expect(f?.title).toMatch(/it was applied as a native sidecar \(restartPolicy: Always in the last-applied-configuration\) but the live spec lost the field: the nodes run kubelet v1\.27\.9/);
    expect(f?.title).toMatch(/plain init container that never exits/);
    expect(f?.fix).toMatch(/containers/);
    expect(f?.likelyCause).toMatch(/SidecarContainers|1\.29/);
  });

  it('is not the reading when the applied manifest names no such sidecar', () => {
    const [f] = analyzeInitStuck(heldByShipper('v1.27.9', []));
    expect(f?.title ?? '').not.toMatch(/native sidecar/);
  });
});
