import { describe, expect, it } from 'vitest';
import type { PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findOrdinalScaleUp } from '../../../src/domain/triage/ordinal-scale-up.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, event, minutesAgo, setMember, workload } from './scenarios/builders.js';

const SET = 'search-data';
const HASH = `${SET}-7b5d9c4f8`;
const times = { startedAt: NOW, finishedAt: NOW };

function member(ordinal: number, createdMinutesAgo: number, over: Partial<PodEvidence> = {}): PodEvidence {
  return setMember(SET, HASH, ordinal, createdMinutesAgo, { containers: [container({ name: 'search', image: 'opensearchproject/opensearch:2.17.1' })], ...over });
}

/** Three members of 21 days, a fourth made 6.5 minutes ago and Ready, a fifth made 30 s ago still creating its container. */
function scalingUp(over: Partial<TriageEvidence> = {}): TriageEvidence {
  const old = 21 * 24 * 60;
  const pods = [
    member(0, old), member(1, old - 3), member(2, old - 6), member(3, 6.5),
    member(4, 0.5, { phase: 'Pending', ready: false, containers: [container({ name: 'search', ready: false, state: { waiting: { reason: 'ContainerCreating' } } })] }),
  ];
  const base = baseEvidence({ pods, services: [], endpointSlices: [], hpas: [], revisions: [] });
  return {
    ...base,
    target: { service: SET, namespace: NS, kind: 'StatefulSet', name: SET, context: 'prod-eu-west-1' },
    workload: workload({
      kind: 'StatefulSet', name: SET, specReplicas: 5, replicas: 5, readyReplicas: 4, availableReplicas: 4, updatedReplicas: 5, selector: { app: SET }, podManagementPolicy: 'OrderedReady',
      replicasOwners: [{ manager: 'kubectl', operation: 'Update', subresource: 'scale', at: minutesAgo(6.6) }, { manager: 'helm', operation: 'Update', at: minutesAgo(old) }],
      conditions: [],
    }),
    ...over,
  };
}

describe('findOrdinalScaleUp: a StatefulSet whose highest ordinals are new', () => {
  it('reads the previous count from the ordinals that ran before, the time and the writer from managedFields', () => {
    const s = findOrdinalScaleUp(scalingUp().workload, scalingUp().pods, [], NOW);
    expect(s).toMatchObject({ from: 3, to: 5, at: minutesAgo(6.6), by: 'kubectl' });
    expect(s?.added.map((p) => p.name)).toEqual([`${SET}-3`, `${SET}-4`]);
  });

  it('sees no scale-up in a rolling update (new top ordinals of another revision) nor in a top ordinal re-created after it was killed', () => {
    const ev = scalingUp();
    const rolled = ev.pods.map((p) => ((p.ordinal ?? 0) >= 3 ? { ...p, revisionHash: `${SET}-99aa11bb2` } : p));
    expect(findOrdinalScaleUp(ev.workload, rolled, [], NOW)).toBeUndefined();
    const killed = [event({ object: { kind: 'Pod', name: `${SET}-3`, namespace: NS }, type: 'Normal', reason: 'Killing', message: 'Stopping container search', firstSeen: minutesAgo(7), lastSeen: minutesAgo(7) })];
    expect(findOrdinalScaleUp(ev.workload, ev.pods, killed, NOW)).toBeUndefined();
    // Its node lost, the old pod left no Killing event, but events of that pod name older than the pod: re-created.
    const before = [event({ object: { kind: 'Pod', name: `${SET}-3`, namespace: NS }, reason: 'FailedScheduling', message: '0/6 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }', firstSeen: minutesAgo(12), lastSeen: minutesAgo(12) })];
    expect(findOrdinalScaleUp(ev.workload, ev.pods, before, NOW)).toBeUndefined();
    // A Deployment's pods have no ordinals: nothing to read here.
    expect(findOrdinalScaleUp({ ...ev.workload!, kind: 'Deployment' }, ev.pods, [], NOW)).toBeUndefined();
  });
});

describe('an all-clear for a StatefulSet mid scale-up says so', () => {
  it('tells the scale-up, its size and where each new ordinal stands instead of a bare 4/5 ready', () => {
    const r = buildTriageReport(scalingUp(), times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).toContain(`4/5 ready, scaling up from 3 to 5 (by kubectl, 6m ago): ${SET}-3 ready, ${SET}-4 starting; no restarts`);
  });
});
