import { describe, expect, it } from 'vitest';
import { analyzeFailedScheduling } from '../../../../src/domain/triage/analyzers/failed-scheduling.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { parseSchedulingMessage } from '../../../../src/domain/triage/scheduling-message.js';
import { NS, REV6, REV7, baseEvidence, event, minutesAgo, pod, revision, unscheduledPod, workload } from '../scenarios/builders.js';

const RWOP = '0/3 nodes are available: 3 node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
const CLAIM = 'ledger-data';
const data = { name: 'data', source: 'pvc' as const, ref: CLAIM };

/**
 * One replica whose data claim is ReadWriteOncePod; revision 7 rolled out with the default
 * RollingUpdate, so its new pod is created while the revision-6 pod still holds the claim.
 */
function rwopScenario(holderOver: Partial<PodEvidence> = {}): TriageEvidence {
  const holder = pod(0, { volumes: [data], ...holderOver });
  const waiting = unscheduledPod(1, RWOP, 20, { revisionHash: REV7.hash, volumes: [data] });
  return baseEvidence({
    pods: [holder, waiting],
    workload: workload({ specReplicas: 1, replicas: 2, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1, currentRevision: 7 }),
    revisions: [revision(REV6, minutesAgo(6 * 24 * 60), { replicas: 1 }), revision(REV7, minutesAgo(20), { replicas: 1 })],
    events: [event({ object: { kind: 'Pod', name: waiting.name, namespace: NS }, reason: 'FailedScheduling', message: RWOP, count: 14, firstSeen: minutesAgo(20), lastSeen: minutesAgo(1), source: 'default-scheduler' })],
    pvcs: [{ name: CLAIM, phase: 'Bound', storageClass: 'gp3', volumeName: 'pvc-3b9d6f0e', accessModes: ['ReadWriteOncePod'], requested: '10Gi', capacity: '10Gi', usedByPods: [holder.name, waiting.name] }],
    hpas: [],
  });
}

describe('a pod refused for a ReadWriteOncePod claim in use', () => {
  it('classifies the scheduler reason', () => {
    expect(parseSchedulingMessage(RWOP).reasons[0]?.category).toBe('claim-in-use');
  });

  it('names the claim and the old pod that holds it, says a rolling update can never hand it over, and advises Recreate instead of a rollback', () => {
    const ev = rwopScenario();
    const holder = ev.pods[0]?.name ?? '';
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.title).toContain(`; claim ${CLAIM} is held by pod ${holder} (revision 6)`);
    expect(f?.evidence).toContain(`PVC ${CLAIM}: access mode ReadWriteOncePod (one pod at a time), bound to pvc-3b9d6f0e`);
    expect(f?.evidence).toContain(`pod ${holder} (revision 6) on node ${ev.pods[0]?.nodeName ?? ''} mounts ${CLAIM} and is Running`);
    expect(f?.likelyCause).toMatch(/A rolling update starts the new pod before it stops the old one, so the new pod can never get the claim/);
    expect(f?.nextAction).toBe(`Set strategy Recreate on deployment/payment-service (the old pod stops before the new one starts: a short outage), or delete pod ${holder} to hand the claim over (the bot will not).`);
    expect(f?.fix).toMatch(/^set strategy Recreate on deployment\/payment-service/);
    expect(f?.outsideWorkload).toBe('pods of any revision wait for the claim while the old pod holds it: a rollback would hang the same way');
    expect(f?.confirmCommands).toContain(`kubectl describe pvc ${CLAIM} -n ${NS} --context prod-eu-west-1`);
  });

  it('says replicas of one revision cannot share the claim, without clearing the rollout', () => {
    const [f] = analyzeFailedScheduling(rwopScenario({ revisionHash: REV7.hash }));
    expect(f?.title).toMatch(/claim ledger-data is ReadWriteOncePod and replicas share it/);
    expect(f?.nextAction).toMatch(/^Run one replica, or give each replica a claim of its own/);
    expect(f?.outsideWorkload).toBeUndefined();
  });

  it('says another pod holds the claim when none of the workload\'s pods mounts it', () => {
    const [f] = analyzeFailedScheduling(rwopScenario({ volumes: [] }));
    expect(f?.title).toMatch(/claim ledger-data is ReadWriteOncePod and in use by a pod that is not one of this workload's pods/);
    expect(f?.nextAction).toMatch(/kubectl describe pvc ledger-data/);
  });

  it('names the other workload whose running pod holds the claim, when the namespace\'s pods show it', () => {
    const ev = rwopScenario({ volumes: [] });
    ev.claimHolders = [{ claim: CLAIM, pod: 'ledger-api-6f7d9c8b5-x2k4q', node: 'ip-10-0-1-23.eu-west-1.compute.internal', owner: { kind: 'Deployment', name: 'ledger-api' } }];
    const [f] = analyzeFailedScheduling(ev);
    expect(f?.title).toMatch(/claim ledger-data is ReadWriteOncePod and held by pod ledger-api-6f7d9c8b5-x2k4q of Deployment ledger-api$/);
    expect(f?.evidence.join('\n')).toMatch(/pod ledger-api-6f7d9c8b5-x2k4q of Deployment ledger-api on node ip-10-0-1-23\S* mounts ledger-data and is Running/);
    expect(f?.nextAction).toMatch(/a claim of its own/);
  });

  it('says the old pod holds the claim until it has finished terminating', () => {
    const [f] = analyzeFailedScheduling(rwopScenario({ deletionTimestamp: minutesAgo(5) }));
    expect(f?.title).toMatch(/which is terminating$/);
    expect(f?.nextAction).toMatch(/does not finish terminating/);
  });
});
