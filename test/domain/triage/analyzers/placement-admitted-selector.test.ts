// Pending pods whose nodeSelector the template does not set: admission added it (the namespace's
// PodNodeSelector annotation, or a mutating policy), and it names a label the schedulable nodes no
// longer carry. The only node that still carries it is cordoned, on its way out: the report names
// the annotation and the label the nodes carry now, and never advises the cordon away.
import { describe, expect, it } from 'vitest';
import { parseSelectorAnnotation } from '../../../../src/domain/triage/admitted-node-selector.js';
import { analyzePlacement } from '../../../../src/domain/triage/analyzers/placement.js';
import type { NodeEvidence, PlacementEvidence, PodTemplateEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, NODE_C, NS, REV6, baseEvidence, minutesAgo, node, revision, unscheduledPod, workload } from '../scenarios/builders.js';

const OLD = 'ip-10-0-8-44.eu-west-1.compute.internal';
const NEW_1 = 'ip-10-0-9-17.eu-west-1.compute.internal';
const NEW_2 = 'ip-10-0-9-142.eu-west-1.compute.internal';
const MESSAGE = "0/6 nodes are available: 1 node(s) were unschedulable, 5 node(s) didn't match Pod's node affinity/selector. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.";
const ANNOTATION = 'scheduler.alpha.kubernetes.io/node-selector';
const CORDON = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const };
const INJECTED: PlacementEvidence = { nodeSelector: { tier: 'billing-dedicated' }, requiredNodeAffinity: [], tolerations: [] };

function template(nodeSelector: Record<string, string>): PodTemplateEvidence {
  return { initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector, requiredNodeAffinity: [], tolerations: [] } };
}

function nodes(): NodeEvidence[] {
  return [
    ...[NODE_A, NODE_B, NODE_C].map((n) => node(n)),
    node(OLD, { unschedulable: true, taints: [CORDON], labels: { tier: 'billing-dedicated' }, createdAt: minutesAgo(300 * 24 * 60) }),
    ...[NEW_1, NEW_2].map((n) => node(n, { labels: { tier: 'billing' }, createdAt: minutesAgo(70) })),
  ];
}

/** The old dedicated nodes were drained an hour ago; every replaced pod waits. */
function drainedOntoRenamedPool(o: { templateSelector?: Record<string, string>; annotation?: string; namespaceRead?: boolean } = {}): TriageEvidence {
  const selector = { ...INJECTED.nodeSelector, ...o.templateSelector };
  const pods = [0, 1, 2].map((i) => unscheduledPod(i, MESSAGE, 55, { revisionHash: REV6.hash, placement: { ...INJECTED, nodeSelector: selector } }));
  return baseEvidence({
    pods,
    clusterNodes: nodes(),
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 3, template: template(o.templateSelector ?? {}) })],
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 3, currentRevision: 6 }),
    namespaceObjects: o.namespaceRead === false ? [] : [{
      kind: 'Namespace',
      name: NS,
      createdAt: minutesAgo(700 * 24 * 60),
      ...(o.annotation === undefined ? {} : { defaultNodeSelector: { annotation: ANNOTATION, value: o.annotation } }),
    }],
  });
}

describe('a nodeSelector admission added', () => {
  it('names the namespace annotation, its value and the label the schedulable nodes carry now, not the cordon', () => {
    const [f] = analyzePlacement(drainedOntoRenamedPool({ annotation: 'tier=billing-dedicated' }));
    expect(f?.title).toMatch(new RegExp(`annotation ${ANNOTATION}: tier=billing-dedicated on namespace ${NS} \\(PodNodeSelector\\)`));
    expect(f?.title).toMatch(/no schedulable node carries it \(only ip-10-0-8-44\.eu-west-1\.compute\.internal, cordoned\)/);
    expect(f?.title).toMatch(/the schedulable nodes \(added 1h 10m ago\) carry tier=billing$/);
    expect(f?.fix).toMatch(new RegExp(`^set the annotation ${ANNOTATION} on namespace ${NS} to tier=billing, then delete the Pending pods`));
    expect(f?.fix).toMatch(/or label those nodes tier=billing-dedicated$/);
    expect(f?.evidence).toContain(`namespace ${NS}: annotation ${ANNOTATION}: tier=billing-dedicated`);
    expect(f?.outsideWorkload).toMatch(/annotation, not the template/);
    expect(f?.datesChange).toBe(true);
    expect([f?.title, f?.fix, f?.nextAction, f?.likelyCause].join('\n')).not.toMatch(/uncordon/i);
  });

  it('puts the annotation in the headline and advises no uncordon', () => {
    const report = buildTriageReport(drainedOntoRenamedPool({ annotation: 'tier=billing-dedicated' }), { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(report.headline).toMatch(/scheduler\.alpha\.kubernetes\.io\/node-selector: tier=billing-dedicated/);
    expect(report.headline).toMatch(/carry tier=billing\b/);
    const claims = [report.headline, ...report.findings.flatMap((f) => [f.title, f.likelyCause, f.nextAction])].join('\n');
    expect(claims).not.toMatch(/uncordon/i);
  });

  it('says a webhook or policy added it when the namespace has no such annotation', () => {
    const [f] = analyzePlacement(drainedOntoRenamedPool());
    expect(f?.title).toMatch(/^3 pods cannot be placed: nodeSelector tier=billing-dedicated, which admission adds to the pods — the template has none — matches no schedulable node/);
    expect(f?.fix).toMatch(/a mutating webhook or policy/);
    expect(f?.fix).not.toMatch(/uncordon/i);
  });

  it('does not claim the namespace has no annotation when the Namespace was not read', () => {
    const [f] = analyzePlacement(drainedOntoRenamedPool({ namespaceRead: false }));
    expect(f?.fix).toMatch(/the Namespace could not be read/);
  });

  it('keeps the cordon verdict when the template itself sets the selector', () => {
    const [f] = analyzePlacement(drainedOntoRenamedPool({ templateSelector: { tier: 'billing-dedicated' }, annotation: 'tier=billing-dedicated' }));
    expect(f?.title).toMatch(/is cordoned \(spec\.unschedulable\)$/);
  });
});

describe('parseSelectorAnnotation', () => {
  it('reads the comma-separated equality selector PodNodeSelector takes', () => {
    expect(parseSelectorAnnotation('pool=payments, disk==ssd,bad')).toEqual({ pool: 'payments', disk: 'ssd' });
    expect(parseSelectorAnnotation('')).toEqual({});
  });
});
