import { describe, expect, it } from 'vitest';
import type { PodEvidence, PreemptorEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { analyzePreemption } from '../../../../src/domain/triage/analyzers/preemption.js';
import { parsePreemption } from '../../../../src/domain/triage/preemption-message.js';
import { rankFindings } from '../../../../src/domain/triage/rank-findings.js';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { NODE_A, NODE_B, NS, REV6, baseEvidence, container, event, minutesAgo, pod, podName, workload } from '../scenarios/builders.js';

const TRAINER_UID = '7d2c9a41-3b8e-4f06-9c5d-1e2f3a4b5c6d';
const INSUFFICIENT = '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';

function pending(i: number): PodEvidence {
  const { nodeName: _none, ...p } = pod(i, {
    phase: 'Pending',
    ready: false,
    createdAt: minutesAgo(21.9),
    priority: 0,
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: INSUFFICIENT, lastTransitionTime: minutesAgo(21.9) }],
    containers: [container({ ready: false, state: { waiting: { reason: 'ContainerCreating' } } })],
  });
  return p;
}

const trainer: PreemptorEvidence = {
  namespace: 'ml',
  pod: 'bert-finetune-v7-8xk2p',
  uid: TRAINER_UID,
  node: NODE_A,
  owner: 'Job bert-finetune-v7',
  priorityClassName: 'ml-training-high',
  priority: 1000000,
  requests: { cpu: '3', memory: '8Gi' },
  createdAt: minutesAgo(23),
};

/** Two of four pods preempted 23 minutes ago by a training Job's pod; their replacements cannot be placed. */
function preemptedScenario(over: Partial<TriageEvidence> = {}): TriageEvidence {
  const pods = [pod(0, { priority: 0 }), pod(1, { priority: 0 }), pending(2), pending(3)];
  const victims = ['x7kqp', 'm2v9d'].map((s) => `payment-service-${REV6.hash}-${s}`);
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 4, replicas: 4, readyReplicas: 2, availableReplicas: 2 }),
    events: [
      ...victims.map((name, k) => event({ object: { kind: 'Pod', name, namespace: NS }, type: 'Normal', reason: 'Preempted', message: `Preempted by pod ${TRAINER_UID} on node ${[NODE_A, NODE_B][k] ?? ''}`, firstSeen: minutesAgo(22.9), lastSeen: minutesAgo(22.9), source: 'default-scheduler' })),
      ...[2, 3].map((i) => event({ object: { kind: 'Pod', name: podName(REV6.hash, i), namespace: NS }, reason: 'FailedScheduling', message: INSUFFICIENT, count: 19, firstSeen: minutesAgo(21.9), lastSeen: minutesAgo(1.5), source: 'default-scheduler' })),
      ...[2, 3].map((i) => event({ object: { kind: 'Pod', name: podName(REV6.hash, i), namespace: NS }, type: 'Normal', reason: 'NotTriggerScaleUp', message: 'pod didn\'t trigger scale-up: 1 max node group size reached', count: 130, firstSeen: minutesAgo(21.5), lastSeen: minutesAgo(0.5), source: 'cluster-autoscaler' })),
    ],
    preemptors: [trainer, { ...trainer, pod: 'bert-finetune-v7-q4n7w', uid: '0c4b7e12-9a3d-4e5f-8b6c-7d8e9f0a1b2c', node: NODE_B }],
    ...over,
  });
}

describe('parsePreemption', () => {
  it('reads the preemptor from the message (uid, or namespace/name in older schedulers) and from the related object', () => {
    const e = event({ reason: 'Preempted', message: `Preempted by pod ${TRAINER_UID} on node ${NODE_A}` });
    expect(parsePreemption(e)).toEqual({ uid: TRAINER_UID, node: NODE_A });
    expect(parsePreemption({ ...e, message: `Preempted by ml/bert-finetune-v7-8xk2p on node ${NODE_A}` })).toEqual({ namespace: 'ml', name: 'bert-finetune-v7-8xk2p', node: NODE_A });
    expect(parsePreemption({ ...e, related: { kind: 'Pod', name: 'bert-finetune-v7-8xk2p', namespace: 'ml', uid: TRAINER_UID } })).toEqual({ uid: TRAINER_UID, node: NODE_A, namespace: 'ml', name: 'bert-finetune-v7-8xk2p' });
  });
});

describe('analyzePreemption', () => {
  it('says the pods were preempted, by whom and at what priority, and that their replacements cannot be placed', () => {
    const [f] = analyzePreemption(preemptedScenario());
    expect(f?.kind).toBe('preemption');
    expect(f?.title).toBe('2 pods preempted 22m ago by Job bert-finetune-v7 in namespace ml (PriorityClass ml-training-high, priority 1000000); their 2 replacements stay Pending, 0/3 nodes available: 3 Insufficient cpu');
    expect(f?.decisive).toBe('pod didn\'t trigger scale-up: 1 max node group size reached');
    expect(f?.affected).toEqual({ pods: [podName(REV6.hash, 2), podName(REV6.hash, 3)], nodes: [NODE_A, NODE_B] });
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toContain(`pod ml/bert-finetune-v7-8xk2p on ${NODE_A}: Job bert-finetune-v7, PriorityClass ml-training-high (priority 1000000), requests cpu 3, memory 8Gi, created 23m ago`);
    expect(f?.evidence).toContain('this workload\'s pods run at priority 0 (no PriorityClass): they cannot take the room back');
    expect(f?.evidence[0]).toBe(`[pod/payment-service-${REV6.hash}-x7kqp] Preempted: Preempted by pod ${TRAINER_UID} on node ${NODE_A}`);
    expect(f?.likelyCause).toMatch(/max node group size reached/);
    expect(f?.fix).toBe('move Job bert-finetune-v7 (namespace ml) off these nodes or lower its priority, then give this workload a PriorityClass');
    expect(f?.confirmCommands).toContain('kubectl get pod bert-finetune-v7-8xk2p -n ml -o custom-columns=\'NAME:.metadata.name,PRIORITY:.spec.priority,CLASS:.spec.priorityClassName,NODE:.spec.nodeName\' --context prod-eu-west-1');
  });

  it('says a higher-priority pod preempted them, without naming one, when the preemptor could not be found', () => {
    const [f] = analyzePreemption(preemptedScenario({ preemptors: [] }));
    expect(f?.title).toBe('2 pods preempted 22m ago by a higher-priority pod; their 2 replacements stay Pending, 0/3 nodes available: 3 Insufficient cpu');
    expect(f?.fix).toBe('find the higher-priority pods on these nodes and move them or lower their priority, then give this workload a PriorityClass');
  });

  it('says nothing when the replacements were placed, or when no pod was preempted', () => {
    const placed = preemptedScenario();
    placed.pods = [0, 1, 2, 3].map((i) => pod(i));
    expect(analyzePreemption(placed)).toEqual([]);
    expect(analyzePreemption(preemptedScenario({ events: [] }))).toEqual([]);
  });

  it('blames no preemption for replacements the scheduler refuses for another reason than room', () => {
    const affinity = '0/3 nodes are available: 3 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    const ev = preemptedScenario();
    ev.events = ev.events.map((e) => (e.reason === 'FailedScheduling' ? { ...e, message: affinity } : e));
    expect(analyzePreemption(ev)).toEqual([]);
  });

  it('explains the Pending pods: the verdict leads with the preemption and says no change of the workload is needed to explain it', () => {
    const ev = preemptedScenario();
    const ranked = rankFindings([...analyzeFailedScheduling(ev), ...analyzePreemption(ev)]);
    expect(ranked.map((f) => f.kind)).toEqual(['preemption', 'failed-scheduling']);
    expect(ranked[1]?.explainedBy).toEqual(['preemption']);
    const d = diagnose(ev, ranked);
    expect(d?.headline).toMatch(/^2 pods preempted 22m ago by Job bert-finetune-v7 in namespace ml \(PriorityClass ml-training-high, priority 1000000\); their 2 replacements stay Pending, 0\/3 nodes available: 3 Insufficient cpu \(payment-service-\S+, payment-service-\S+\) — "pod didn't trigger scale-up: 1 max node group size reached"\. /);
    expect(d?.headline).not.toMatch(/no change found/);
    expect(d?.action).toBe('Move Job bert-finetune-v7 (namespace ml) off these nodes or lower its priority, then give this workload a PriorityClass');
  });
});
