import { describe, expect, it } from 'vitest';
import { analyzeStatefulSetOrdinals } from '../../../../src/domain/triage/analyzers/statefulset-ordinal.js';
import { ORDINAL_TITLE } from '../../../../src/domain/triage/finding.js';
import type { PodEvidence, TriageEvidence, WorkloadEvidence } from '../../../../src/domain/triage/evidence.js';
import { NS, baseEvidence, container, crashLooping, minutesAgo, pod, terminated, workload } from '../scenarios/builders.js';

const LEDGER = 'ledger';
const HASH = `${LEDGER}-5d8c7b9f64`;

function ledgerPod(ordinal: number, over: Partial<PodEvidence> = {}): PodEvidence {
  return pod(ordinal, {
    name: `${LEDGER}-${ordinal}`,
    ordinal,
    revisionHash: HASH,
    labels: { app: LEDGER, 'controller-revision-hash': HASH, 'statefulset.kubernetes.io/pod-name': `${LEDGER}-${ordinal}` },
    containers: [container({ name: 'ledger', image: 'postgres:16.4' })],
    ...over,
  });
}

/** ledger-1 crash-loops since its migration broke; with OrderedReady, nothing after it exists. */
function crashingLedger1(): PodEvidence {
  return ledgerPod(1, {
    ready: false,
    createdAt: minutesAgo(40),
    startTime: minutesAgo(40),
    containers: [crashLooping(`${LEDGER}-1`, terminated(1, 'Error', 2), 11, { name: 'ledger', image: 'postgres:16.4' })],
  });
}

function statefulSet(pods: PodEvidence[], over: Partial<WorkloadEvidence> = {}): TriageEvidence {
  const base = baseEvidence({ pods, services: [], endpointSlices: [], hpas: [], revisions: [] });
  return {
    ...base,
    target: { service: LEDGER, namespace: NS, kind: 'StatefulSet', name: LEDGER, context: 'prod-eu-west-1' },
    workload: workload({
      kind: 'StatefulSet',
      name: LEDGER,
      specReplicas: 3,
      replicas: pods.length,
      readyReplicas: pods.filter((p) => p.ready).length,
      availableReplicas: pods.filter((p) => p.ready).length,
      updatedReplicas: pods.length,
      selector: { app: LEDGER },
      templateLabels: { app: LEDGER },
      podManagementPolicy: 'OrderedReady',
      conditions: [],
      ...over,
    }),
  };
}

describe('analyzeStatefulSetOrdinals', () => {
  it('names the not-ready pod that keeps the next ordinal from being created', () => {
    const findings = analyzeStatefulSetOrdinals(statefulSet([ledgerPod(0), crashingLedger1()]));
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.id).toBe('statefulset-ordinal/ledger-1');
    expect(f?.kind).toBe('statefulset-ordinal');
    expect(f?.title).toBe('OrderedReady holds back ledger-2: ledger-1 is not ready (1/3 ready)');
    expect(f?.title.startsWith(ORDINAL_TITLE)).toBe(true);
    expect(f?.layer).toBe('rollout/change');
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toEqual(['podManagementPolicy OrderedReady; 2 of 3 pods exist', 'ledger-1: Running, not ready', 'never created: ledger-2']);
    expect(f?.decisive).toBe('ledger-1 not ready; OrderedReady creates the next ordinal only after it');
    expect(f?.likelyCause).toBe('The StatefulSet creates ordinals one by one and waits for each to be Running and Ready: ledger-1 blocks 1 more.');
    expect(f?.nextAction).toBe('Fix ledger-1 first (its own finding says why); the controller then creates the rest by itself.');
    expect(f?.confirmCommands).toEqual([
      "kubectl get statefulset/ledger -o jsonpath='{.spec.podManagementPolicy}' -n payments --context prod-eu-west-1",
      'kubectl get pods -l app=ledger -n payments --context prod-eu-west-1',
    ]);
    expect(f?.affected).toEqual({ pods: ['ledger-1'] });
  });

  it('shortens a long run of missing ordinals to its first and last name', () => {
    const pending = ledgerPod(0, { phase: 'Pending', ready: false, nodeName: undefined, createdAt: minutesAgo(20), startTime: undefined, containers: [container({ name: 'ledger', state: undefined, ready: false })] });
    const [f] = analyzeStatefulSetOrdinals(statefulSet([pending], { specReplicas: 5 }));
    expect(f?.title).toBe('OrderedReady holds back ledger-1…ledger-4: ledger-0 is not ready (0/5 ready)');
    expect(f?.evidence).toEqual(['podManagementPolicy OrderedReady; 1 of 5 pods exist', 'ledger-0: Pending, not ready', 'never created: ledger-1, ledger-2, ledger-3, ledger-4']);
    expect(f?.likelyCause).toBe('The StatefulSet creates ordinals one by one and waits for each to be Running and Ready: ledger-0 blocks 4 more.');
  });

  it('lists two missing ordinals by name', () => {
    const [f] = analyzeStatefulSetOrdinals(statefulSet([ledgerPod(0), crashingLedger1()], { specReplicas: 4, readyReplicas: 1 }));
    expect(f?.title).toBe('OrderedReady holds back ledger-2, ledger-3: ledger-1 is not ready (1/4 ready)');
  });

  it('does not count a pod being deleted as existing', () => {
    const terminating = ledgerPod(2, { deletionTimestamp: minutesAgo(1) });
    const [f] = analyzeStatefulSetOrdinals(statefulSet([ledgerPod(0), crashingLedger1(), terminating]));
    expect(f?.evidence[0]).toBe('podManagementPolicy OrderedReady; 2 of 3 pods exist');
    expect(f?.evidence[2]).toBe('never created: ledger-2');
  });

  it('says nothing for podManagementPolicy Parallel, which creates every ordinal at once', () => {
    expect(analyzeStatefulSetOrdinals(statefulSet([ledgerPod(0), crashingLedger1()], { podManagementPolicy: 'Parallel' }))).toEqual([]);
  });

  it('says nothing for a Deployment', () => {
    const ev = statefulSet([ledgerPod(0), crashingLedger1()], { kind: 'Deployment' });
    expect(analyzeStatefulSetOrdinals(ev)).toEqual([]);
  });

  it('says nothing when every ordinal exists, even if one is not ready', () => {
    expect(analyzeStatefulSetOrdinals(statefulSet([ledgerPod(0), crashingLedger1(), ledgerPod(2)]))).toEqual([]);
  });

  it('says nothing while the ready pods are followed by an ordinal still being created', () => {
    expect(analyzeStatefulSetOrdinals(statefulSet([ledgerPod(0), ledgerPod(1)]))).toEqual([]);
  });

  it('says nothing while a lower ordinal is missing (the controller is recreating it)', () => {
    expect(analyzeStatefulSetOrdinals(statefulSet([crashingLedger1()]))).toEqual([]);
  });

  it('says nothing when the workload could not be read', () => {
    expect(analyzeStatefulSetOrdinals({ ...statefulSet([ledgerPod(0), crashingLedger1()]), workload: null })).toEqual([]);
  });
});
