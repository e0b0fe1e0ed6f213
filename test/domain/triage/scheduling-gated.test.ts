import { describe, expect, it } from 'vitest';
import { runAnalyzers } from '../../../src/domain/triage/analyzers/index.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { rankFindings } from '../../../src/domain/triage/rank-findings.js';
import { REV6, REV7, container, minutesAgo, pod, revision, workload } from './scenarios/builders.js';
import { healthyScenario } from './scenarios/healthy.js';

const GATE = 'platform.acme.io/capacity-reservation';
const tpl = { initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, schedulingGates: [GATE] };

/** Revision 7 rolled out 38m ago; its one new pod keeps the gate both revisions carry. */
function gatedScenario(controllerReplicas: number | undefined): TriageEvidence {
  const base = healthyScenario();
  const gated = pod(0, {
    revisionHash: REV7.hash, nodeName: undefined, ready: false, phase: 'Pending', createdAt: minutesAgo(38), startTime: undefined, schedulingGates: [GATE],
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates', lastTransitionTime: minutesAgo(38) }],
    containers: [container({ ready: false, state: { waiting: { reason: 'ContainerCreating' } } })],
  });
  return {
    ...base,
    pods: [gated, ...base.pods.slice(1)],
    workload: workload({ readyReplicas: 4, availableReplicas: 4, updatedReplicas: 1, currentRevision: 7 }),
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 4, template: tpl }), revision(REV7, minutesAgo(38), { replicas: 1, template: tpl, containers: [] })],
    ...(controllerReplicas === undefined ? {} : { gateControllers: [{ gate: GATE, namespace: 'platform-system', name: 'capacity-gatekeeper', replicas: controllerReplicas, readyReplicas: 0, namesGate: true, replicasOwners: [{ manager: 'kubectl', operation: 'Update', at: minutesAgo(186) }] }] }),
  };
}

describe('pods held by a scheduling gate', () => {
  it('names the gate and its remover at 0 replicas, clears the revision and never advises a rollback', () => {
    const findings = rankFindings(runAnalyzers(gatedScenario(0)).findings);
    const f = findings[0];
    expect(f?.kind).toBe('scheduling-gated');
    expect(f?.title).toContain(`held by scheduling gate ${GATE} (PodScheduled=False, SchedulingGated)`);
    expect(f?.title).toContain('Deployment platform-system/capacity-gatekeeper, whose template names the gate, is scaled to 0 replicas (by kubectl, 3h 6m ago)');
    expect(f?.outsideWorkload).toMatch(/any new pod of any revision/);
    expect(f?.nextAction).toContain('kubectl scale deployment/capacity-gatekeeper --replicas=1');
    expect(f?.nextAction).not.toMatch(/roll ?back to|rollout undo/);
  });

  it('says whatever lifts the gate is not doing it when no controller names it', () => {
    const f = rankFindings(runAnalyzers(gatedScenario(undefined)).findings)[0];
    expect(f?.kind).toBe('scheduling-gated');
    expect(f?.title).toMatch(/whatever lifts the gate is not doing it/);
  });
});
