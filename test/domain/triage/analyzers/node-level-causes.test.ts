import { describe, expect, it } from 'vitest';
import { runAnalyzers } from '../../../../src/domain/triage/analyzers/index.js';
import { rankFindings } from '../../../../src/domain/triage/rank-findings.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_C, NS, baseEvidence, container, event, minutesAgo, node, pod, terminated, withCondition } from '../scenarios/builders.js';
import { imagePullScenario } from '../scenarios/images.js';

const top = (ev: TriageEvidence) => rankFindings(runAnalyzers(ev).findings)[0];

describe('node-level causes behind container symptoms', () => {
  it('blames a Ready node whose node-problem-detector condition is True (KernelDeadlock), and advises cordon/drain/replace', () => {
    const stuck = pod(0, { nodeName: NODE_C, ready: false, phase: 'Pending', containers: [container({ ready: false, state: { waiting: { reason: 'ContainerCreating' } } })] });
    const ev = baseEvidence({
      pods: [stuck, pod(1, { nodeName: NODE_A })],
      events: [event({ object: { kind: 'Pod', name: stuck.name, namespace: NS }, reason: 'FailedCreatePodSandBox', message: 'Failed to create pod sandbox: rpc error: code = DeadlineExceeded desc = context deadline exceeded', count: 5 })],
    });
    ev.nodes = [node(NODE_A), withCondition(node(NODE_C), 'KernelDeadlock', 'True', 'ContainerdHung', 'kernel: INFO: task containerd:2817 blocked for more than 122 seconds.', 21)];
    const f = top(ev);
    expect(f?.title).toContain(`Node ${NODE_C} reports KernelDeadlock=True (ContainerdHung)`);
    expect(f?.title).toContain('ContainerCreating');
    expect(f?.nextAction).toMatch(/Cordon .*drain.*replace/);
  });

  it('says the image has no build for the Windows nodes it landed on, and advises a kubernetes.io/os nodeSelector', () => {
    const image = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service:2.15.0';
    const ev = imagePullScenario(`Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": no match for platform in manifest: not found`);
    const win = 'ip-10-0-9-9.eu-west-1.compute.internal';
    ev.pods = ev.pods.map((p, i) => (i < 2 ? { ...p, nodeName: win } : p));
    ev.nodes = [...ev.nodes, node(win, { labels: { 'kubernetes.io/os': 'windows', 'kubernetes.io/arch': 'amd64' } })].map((n) => (n.name === win ? n : { ...n, labels: { ...n.labels, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' } }));
    const f = top(ev);
    expect(f?.title).toContain('no build for windows/amd64 nodes');
    expect(f?.title).not.toMatch(/registry no longer serves/);
    expect(f?.nextAction).toMatch(/nodeSelector kubernetes.io\/os.*taint the windows nodes/);
  });

  it('reads a Job pod ended by graceful node shutdown (DisruptionTarget) as a disruption, never OOM, and advises a podFailurePolicy', () => {
    const msg = 'Pod was terminated in response to imminent node shutdown.';
    const jp = pod(0, {
      jobName: 'close-1', phase: 'Failed', ready: false, reason: 'Terminated', message: msg, revisionHash: undefined,
      conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message: msg, lastTransitionTime: minutesAgo(26) }],
      containers: [container({ name: 'close', ports: [], probes: {}, ready: false, state: terminated(143, 'Error', 26, { runSeconds: 2880 }) })],
    });
    const ev = baseEvidence({ pods: [jp], services: [], endpointSlices: [], hpas: [], revisions: [], jobs: [{ name: 'close-1', createdAt: minutesAgo(74), startTime: minutesAgo(74), active: 0, succeeded: 0, failed: 1, backoffLimit: 0, conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', lastTransitionTime: minutesAgo(25) }] }] });
    const findings = rankFindings(runAnalyzers(ev).findings);
    const f = findings[0];
    expect(f?.title).toMatch(/shutdown of node .*DisruptionTarget=True, TerminationByKubelet/);
    expect(f?.nextAction).toMatch(/podFailurePolicy/);
    expect(JSON.stringify(findings)).not.toMatch(/\bOOM/);
  });
});
