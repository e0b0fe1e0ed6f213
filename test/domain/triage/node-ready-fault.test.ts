import { describe, expect, it } from 'vitest';
import { analyzeNodeConditions } from '../../../src/domain/triage/analyzers/node-condition.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { readReadyFault } from '../../../src/domain/triage/node-ready-fault.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, NODE_C, NOW, baseEvidence, container, minutesAgo, node, pod, withCondition } from './scenarios/builders.js';

const RELIST = 'PLEG is not healthy: pleg was last seen active 5m12.480913s ago; threshold is 3m0s';

/** NODE_C's kubelet reports the node not ready with `message` 6 minutes ago; the two pods there are not ready since. */
function notReadyWith(message: string, runtime = 'containerd://1.7.22'): TriageEvidence {
  const pods = [0, 1, 2, 3, 4, 5].map((i) => pod(i)).map((p) => (p.nodeName === NODE_C ? { ...p, ready: false, containers: [container({ ready: false })], conditions: p.conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' as const, lastTransitionTime: minutesAgo(6) } : c)) } : p));
  const bad = withCondition(node(NODE_C, { containerRuntime: runtime }), 'Ready', 'False', 'KubeletNotReady', message, 6);
  return baseEvidence({ pods, nodes: [node(NODE_A), node(NODE_B), bad] });
}

describe('readReadyFault', () => {
  it('reads a stalled PLEG as the node\'s container runtime not answering the kubelet, with how long', () => {
    const f = readReadyFault(notReadyWith(RELIST).nodes[2] ?? node(NODE_C));
    expect(f?.known.what).toBe('its container runtime (containerd) stopped answering the kubelet (no relist for 5m12s, threshold 3m0s)');
    expect(f?.quote).toBe(RELIST);
    expect(f?.known.fix).toMatch(/restart containerd and the kubelet on the node/);
  });

  it('names the runtime the node runs, and reads "container runtime is down" as the runtime itself down', () => {
    const f = readReadyFault(notReadyWith(`container runtime is down, ${RELIST}`, 'cri-o://1.29.4').nodes[2] ?? node(NODE_C));
    expect(f?.known.what).toMatch(/^its container runtime \(CRI-O\) is down/);
    expect(f?.known.fix).toMatch(/restart CRI-O/);
  });

  it('reads nothing into a Ready message it does not know', () => {
    expect(readReadyFault(withCondition(node(NODE_C), 'Ready', 'False', 'KubeletNotReady', 'node is shutting down', 2))).toBeUndefined();
  });
});

describe('a node NotReady for its container runtime', () => {
  it('says the runtime in the node finding, and the verdict advises no rollback of the workload', () => {
    const ev = notReadyWith(RELIST);
    const [f] = analyzeNodeConditions(ev);
    expect(f?.title).toContain(`Node ${NODE_C} is NotReady (Ready=False, 6m ago): its container runtime (containerd) stopped answering the kubelet`);
    expect(f?.decisive).toBe(RELIST);
    expect(f?.likelyCause).toMatch(/pod lifecycle event generator/);
    const r = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(r.headline).toMatch(new RegExp(`^Node ${NODE_C} is NotReady.*container runtime`));
    const said = [r.headline, ...r.findings.map((x) => `${x.title} ${x.likelyCause} ${x.nextAction}`)].join('\n');
    expect(said).not.toMatch(/roll ?back|rollout undo/i);
  });
});
