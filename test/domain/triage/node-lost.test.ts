import { describe, expect, it } from 'vitest';
import { analyzeNodeConditions } from '../../../src/domain/triage/analyzers/node-condition.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NODE_C, NOW, REV6, event, minutesAgo, pod, podName, revision, revisionContainer } from './scenarios/builders.js';
import { nodeNotReadyScenario } from './scenarios/nodes.js';

const REPLACEMENT = podName(REV6.hash, 9);
const UNSCHEDULABLE = '0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 2 No preemption victims found for incoming pod.';
const X509 = 'kubelet client certificate /var/lib/kubelet/pki/kubelet-client-current.pem: x509: certificate has expired or is not yet valid: current time 2026-11-21T03:02:00Z is after 2026-11-21T03:01:30Z';

/** NODE_C stopped reporting 12m ago; its pods' replacement, created after, finds no room; a revision rolled out 30m ago. */
function lostNode(opts: { nodeWarning?: boolean } = {}): TriageEvidence {
  const ev = nodeNotReadyScenario();
  const { nodeName: _, ...base } = pod(9, { name: REPLACEMENT });
  ev.pods = [...ev.pods, { ...base, phase: 'Pending', ready: false, containers: [], createdAt: minutesAgo(6), conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: UNSCHEDULABLE }] }];
  ev.events = [
    ...ev.events,
    event({ object: { kind: 'Pod', name: REPLACEMENT }, reason: 'FailedScheduling', message: UNSCHEDULABLE, count: 4, firstSeen: minutesAgo(6), lastSeen: minutesAgo(1), source: 'default-scheduler' }),
    ...(opts.nodeWarning === false ? [] : [event({ object: { kind: 'Node', name: NODE_C }, reason: 'KubeletClientCertExpired', message: X509, count: 12, firstSeen: minutesAgo(12.5), lastSeen: minutesAgo(0.5), source: 'kubelet-cert-monitor' })]),
  ];
  ev.revisions = [revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ image: 'registry/payment-service:2.13.2' })] }), revision(REV6, minutesAgo(30), { replicas: 6 })];
  return ev;
}

describe('a node lost under the workload', () => {
  it('counts the Pending replacements of its pods among its pods, with the scheduler\'s lack of room', () => {
    const [f] = analyzeNodeConditions(lostNode());
    expect(f?.affected?.pods).toContain(REPLACEMENT);
    expect(f?.title).toContain(`its replacement ${REPLACEMENT} is Pending, no other node takes it (2 Insufficient cpu)`);
  });

  it('quotes the node\'s own Warning event and names an expired kubelet certificate with the CSR remedy', () => {
    const [f] = analyzeNodeConditions(lostNode());
    expect(f?.title).toContain(`Node ${NODE_C} is NotReady (Ready=Unknown, 12m ago): its kubelet client certificate expired`);
    expect(f?.decisive).toMatch(/^x509: certificate has expired/);
    expect(f?.evidence.some((l) => l.includes('KubeletClientCertExpired'))).toBe(true);
    expect(f?.nextAction).toMatch(/approve the node's pending CSRs/);
    expect(f?.confirmCommands.some((c) => c.startsWith('kubectl get csr'))).toBe(true);
  });

  it('makes the lost node the verdict, not the revision, and offers no rollback while the revision runs fine elsewhere', () => {
    const r = buildTriageReport(lostNode(), { startedAt: NOW, finishedAt: NOW });
    expect(r.headline).toMatch(new RegExp(`^Node ${NODE_C} is NotReady`));
    expect(r.headline).toMatch(/certificate expired[\s\S]*CSRs/);
    const said = [r.headline, ...r.findings.map((f) => `${f.title} ${f.likelyCause} ${f.nextAction}`)].join('\n');
    expect(said).not.toMatch(/roll ?back to|rollout undo/i);
  });

  it('without a telling node event still leads with the node, and says nothing of certificates', () => {
    const r = buildTriageReport(lostNode({ nodeWarning: false }), { startedAt: NOW, finishedAt: NOW });
    expect(r.headline).toMatch(new RegExp(`^Node ${NODE_C} is NotReady`));
    expect(r.headline).not.toMatch(/certificate|CSR/);
  });
});
