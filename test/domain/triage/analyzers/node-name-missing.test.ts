import { describe, expect, it } from 'vitest';
import { analyzeNodeNameMissing } from '../../../../src/domain/triage/analyzers/node-name-missing.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { PodTemplateEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, REV6, REV7, baseEvidence, container, event, minutesAgo, node, pod, revision, workload } from '../scenarios/builders.js';

const GONE = 'ip-10-0-96-214.eu-west-1.compute.internal';
const LIVE = ['ip-10-0-96-37.eu-west-1.compute.internal', 'ip-10-0-96-150.eu-west-1.compute.internal'];

const pinned = (nodeName: string | undefined): PodTemplateEvidence => ({
  initContainers: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] },
  volumes: [{ name: 'cache', source: 'hostPath', ref: '/var/cache/app' }],
  ...(nodeName === undefined ? {} : { nodeName }),
});

/**
 * The template of revisions 6 and 7 pins its pods to a node the autoscaler removed 52 minutes ago:
 * one pod Pending with no status (no kubelet), one Failed and deleted by PodGC.
 */
function scenario(opts: { olderPinned?: boolean; nodeRead?: 'not-found' | 'forbidden' } = {}) {
  const waiting = pod(0, { revisionHash: REV7.hash, nodeName: GONE, phase: 'Pending', ready: false, conditions: [], startTime: undefined, createdAt: minutesAgo(0.6), containers: [container({ state: undefined, ready: false })] });
  const collected = pod(1, {
    revisionHash: REV7.hash, nodeName: GONE, phase: 'Failed', ready: false, createdAt: minutesAgo(1.5), deletionTimestamp: minutesAgo(0.7), startTime: undefined,
    conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists', lastTransitionTime: minutesAgo(0.7) }],
    containers: [container({ state: undefined, ready: false })],
  });
  const nodeEvent = (reason: string, message: string, ago: number, source: string) => event({ object: { kind: 'Node', name: GONE }, type: 'Normal', reason, message, firstSeen: minutesAgo(ago), lastSeen: minutesAgo(ago), source });
  return baseEvidence({
    workload: workload({ specReplicas: 1, replicas: 1, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 1, currentRevision: 7 }),
    pods: [waiting, collected],
    nodes: LIVE.map((n) => node(n)),
    endpointSlices: [],
    events: [
      nodeEvent('ScaleDown', 'marked the node as toBeDeleted/unschedulable', 56, 'cluster-autoscaler'),
      nodeEvent('RemovingNode', `Node ${GONE} event: Removing Node ${GONE} from Controller`, 52, 'node-controller'),
    ],
    revisions: [
      revision(REV6, minutesAgo(41 * 24 * 60), { template: pinned(opts.olderPinned === false ? undefined : GONE) }),
      revision(REV7, minutesAgo(9 * 24 * 60), { replicas: 1, template: pinned(GONE) }),
    ],
    readFailures: [{ what: `node ${GONE}`, source: 'nodes', reason: opts.nodeRead ?? 'not-found', detail: `nodes "${GONE}" not found` }],
  });
}

describe('analyzeNodeNameMissing', () => {
  it('names the template\'s nodeName, that the node no longer exists and when it went, and advises removing the pin', () => {
    const [f] = analyzeNodeNameMissing(scenario());
    expect(f?.title).toContain(`spec.nodeName: ${GONE}`);
    expect(f?.title).toMatch(/no longer exists/);
    expect(f?.title).toMatch(/removed 52m ago/);
    expect(f?.evidence.join('\n')).toContain('PodGC: node no longer exists');
    expect(f?.evidence.join('\n')).toMatch(/Pending/);
    expect(f?.likelyCause).toMatch(/scheduler/);
    expect(f?.likelyCause).toMatch(/revisions? 6/);
    expect(f?.nextAction).toMatch(/Remove spec\.nodeName/);
    expect(f?.nextAction).toMatch(/nodeSelector|affinity/);
    expect(f?.nextAction).toMatch(/hostPath/);
    expect(f?.severity).toBe('critical');
  });

  it('heads the verdict, with no rollback offered when the older revision pins the same node', () => {
    const r = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(r.headline).toContain('nodeName');
    expect(r.headline).toContain(GONE);
    expect(r.headline).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
  });

  it('says nothing when the node may exist (its read was refused, not missing)', () => {
    const ev = scenario({ nodeRead: 'forbidden' });
    const pending = ev.pods.map((p) => ({ ...p, conditions: [] }));
    expect(analyzeNodeNameMissing({ ...ev, pods: pending })).toEqual([]);
  });

  it('says nothing for pods the scheduler placed (the template sets no nodeName)', () => {
    const ev = scenario();
    expect(analyzeNodeNameMissing({ ...ev, revisions: ev.revisions.map((r) => ({ ...r, template: pinned(undefined) })) })).toEqual([]);
  });
});
