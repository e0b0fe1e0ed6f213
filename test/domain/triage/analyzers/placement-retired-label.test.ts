// Pending pods whose required node affinity (or nodeSelector) names a deprecated node label
// (failure-domain.beta.kubernetes.io/zone, beta.kubernetes.io/os, …) that the nodes built lately no
// longer carry: they carry its GA replacement instead. The only node still carrying the old label
// is a cordoned old one on its way out, so the report names the old key and its replacement and
// advises changing the key, never the uncordon.
import { describe, expect, it } from 'vitest';
import { analyzePlacement } from '../../../../src/domain/triage/analyzers/placement.js';
import type { NodeEvidence, NodeRequirementEvidence, PlacementEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { REV6, baseEvidence, minutesAgo, node, revision, unscheduledPod, workload } from '../scenarios/builders.js';

const OLD = 'ip-10-0-33-9.eu-west-1.compute.internal';
const NEW = ['ip-10-0-140-12.eu-west-1.compute.internal', 'ip-10-0-151-87.eu-west-1.compute.internal', 'ip-10-0-163-40.eu-west-1.compute.internal'];
const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const MESSAGE = "0/4 nodes are available: 1 node(s) were unschedulable, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.";
const CORDON = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const };
const BETA_ZONE = 'failure-domain.beta.kubernetes.io/zone';

function nodes(o: { oldNode?: boolean; newLabels?: (zone: string) => Record<string, string> } = {}): NodeEvidence[] {
  const fresh = NEW.map((n, i) => {
    const zone = ZONES[i] ?? 'eu-west-1a';
    return node(n, { labels: o.newLabels?.(zone) ?? { 'topology.kubernetes.io/zone': zone, 'kubernetes.io/os': 'linux' }, createdAt: minutesAgo(180) });
  });
  const old = node(OLD, { unschedulable: true, taints: [CORDON], labels: { 'topology.kubernetes.io/zone': 'eu-west-1a', [BETA_ZONE]: 'eu-west-1a', 'beta.kubernetes.io/os': 'linux' }, createdAt: minutesAgo(410 * 24 * 60) });
  return o.oldNode === false ? fresh : [...fresh, old];
}

function pinned(requirements: NodeRequirementEvidence[], nodeSelector: Record<string, string> = {}): PlacementEvidence {
  return { nodeSelector, requiredNodeAffinity: requirements.length === 0 ? [] : [requirements], tolerations: [] };
}

/** The old node group was drained 40 minutes ago; the pods it evicted wait. */
function drainedOntoNewGroup(placement: PlacementEvidence, o: Parameters<typeof nodes>[0] = {}): TriageEvidence {
  const pods = [0, 1, 2].map((i) => unscheduledPod(i, MESSAGE, 40, { revisionHash: REV6.hash, placement }));
  return baseEvidence({
    pods,
    clusterNodes: nodes(o),
    revisions: [revision(REV6, minutesAgo(230 * 24 * 60), { replicas: 3 })],
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 3, currentRevision: 6 }),
  });
}

const ZONE_AFFINITY = pinned([{ key: BETA_ZONE, operator: 'In', values: ZONES }]);

describe('a required node affinity on a deprecated node label', () => {
  it('names the old key and its GA replacement, not the cordon', () => {
    const [f] = analyzePlacement(drainedOntoNewGroup(ZONE_AFFINITY));
    expect(f?.title).toMatch(/required node affinity on failure-domain\.beta\.kubernetes\.io\/zone \(deprecated\) matches no schedulable node/);
    expect(f?.title).toMatch(/carry topology\.kubernetes\.io\/zone instead/);
    expect(f?.title).toMatch(/only ip-10-0-33-9\.eu-west-1\.compute\.internal \(cordoned\) still has it/);
    expect(f?.fix).toMatch(/^change the affinity key failure-domain\.beta\.kubernetes\.io\/zone to topology\.kubernetes\.io\/zone/);
    expect(f?.likelyCause).toMatch(/template .*unchanged/);
    expect([f?.title, f?.fix, f?.nextAction, f?.likelyCause].join('\n')).not.toMatch(/uncordon/i);
    expect(f?.datesChange).toBe(true);
  });

  it('puts the deprecated key and its replacement in the headline', () => {
    const report = buildTriageReport(drainedOntoNewGroup(ZONE_AFFINITY), { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(report.headline).toMatch(/failure-domain\.beta\.kubernetes\.io\/zone/);
    expect(report.headline).toMatch(/topology\.kubernetes\.io\/zone/);
    expect(report.headline).not.toMatch(/uncordon/i);
  });

  it('says so for a nodeSelector on beta.kubernetes.io/os once no node carries it at all', () => {
    const [f] = analyzePlacement(drainedOntoNewGroup(pinned([], { 'beta.kubernetes.io/os': 'linux' }), { oldNode: false }));
    expect(f?.title).toMatch(/nodeSelector on beta\.kubernetes\.io\/os \(deprecated\) matches no schedulable node/);
    expect(f?.title).toMatch(/carry kubernetes\.io\/os instead/);
    expect(f?.fix).toMatch(/^change the nodeSelector key beta\.kubernetes\.io\/os to kubernetes\.io\/os/);
  });

  it('keeps the cordon verdict when the new nodes carry the replacement with other values', () => {
    const [f] = analyzePlacement(drainedOntoNewGroup(pinned([{ key: BETA_ZONE, operator: 'In', values: ['eu-west-1a'] }]), { newLabels: () => ({ 'topology.kubernetes.io/zone': 'eu-west-1b' }) }));
    expect(f?.title).not.toMatch(/deprecated/);
  });

  it('keeps the cordon verdict when the schedulable nodes do carry the old key', () => {
    const [f] = analyzePlacement(drainedOntoNewGroup(pinned([{ key: BETA_ZONE, operator: 'In', values: ['eu-west-1a'] }]), { newLabels: () => ({ 'topology.kubernetes.io/zone': 'eu-west-1b', [BETA_ZONE]: 'eu-west-1b' }) }));
    expect(f?.title).toMatch(/is cordoned/);
    expect(f?.title).not.toMatch(/deprecated/);
  });
});
