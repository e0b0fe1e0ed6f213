import { describe, expect, it } from 'vitest';
import type { PodEvidence, PvcEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, crashLooping, minutesAgo, setMember, terminated, workload } from './scenarios/builders.js';

const SET = 'broker';
const HASH = `${SET}-6c4f8d9b7`;
const DAY = 24 * 60;
const times = { startedAt: NOW, finishedAt: NOW };
const REFUSAL = 'kafka.common.InconsistentClusterIdException: The Cluster ID Xq3bW0o9R8eM2s1f7pTz4A doesn\'t match stored clusterId Some(Jd9fK1yQ6uHe2rNw5tVb8g) in meta.properties. The broker is trying to join the wrong cluster. Configured zookeeper.connect may be wrong.';

function member(ordinal: number, createdMinutesAgo: number, over: Partial<PodEvidence> = {}): PodEvidence {
  return setMember(SET, HASH, ordinal, createdMinutesAgo, { containers: [container({ name: 'kafka', image: 'confluentinc/cp-kafka:7.6.1' })], ...over }, { claim: true });
}

function claim(ordinal: number, createdMinutesAgo: number): PvcEvidence {
  return { name: `data-${SET}-${ordinal}`, createdAt: minutesAgo(createdMinutesAgo), phase: 'Bound', storageClass: 'gp3', volumeName: `pvc-${ordinal}a7e`, accessModes: ['ReadWriteOnce'], usedByPods: [`${SET}-${ordinal}`] };
}

/** Three brokers of 38 days in a set of 141 days; the fourth, made 19 minutes ago, crash-loops on its claim's stored cluster id. */
function brokerAdded(newClaimAgeMinutes: number): TriageEvidence {
  const crashing = member(3, 19, { ready: false, containers: [crashLooping(`${SET}-3`, terminated(1, 'Error', 2.2, { runSeconds: 7 }), 8, { name: 'kafka', image: 'confluentinc/cp-kafka:7.6.1' })] });
  const pods = [member(0, 38 * DAY), member(1, 38 * DAY - 4), member(2, 38 * DAY - 8), crashing];
  const base = baseEvidence({ pods, services: [], endpointSlices: [], hpas: [], revisions: [] });
  return {
    ...base,
    target: { service: SET, namespace: NS, kind: 'StatefulSet', name: SET, context: 'prod-eu-west-1' },
    workload: workload({ kind: 'StatefulSet', name: SET, specReplicas: 4, replicas: 4, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 4, selector: { app: SET }, podManagementPolicy: 'OrderedReady', conditions: [], createdAt: minutesAgo(141 * DAY) }),
    pvcs: [claim(0, 141 * DAY), claim(1, 141 * DAY), claim(2, 141 * DAY), claim(3, newClaimAgeMinutes)],
    logs: [{ pod: `${SET}-3`, container: 'kafka', previous: true, lines: ['[2026-11-21 03:11:47,880] INFO Cluster ID = Xq3bW0o9R8eM2s1f7pTz4A (kafka.server.KafkaServer)', '[2026-11-21 03:11:47,881] ERROR Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer)', REFUSAL, '\tat kafka.server.KafkaServer.startup(KafkaServer.scala:244)'] }],
  };
}

describe('a new ordinal that refuses to start on another cluster\'s data, on a claim older than its StatefulSet', () => {
  it('names the leftover claim and its age against the set, the scale-up as the trigger, and a fresh claim as the fix', () => {
    const r = buildTriageReport(brokerAdded(402 * DAY), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/^Since statefulset broker was scaled up from 3 to 4 19m ago \(broker-3 is new\): /);
    expect(r.headline).toContain('claim data-broker-3 is a leftover 402d old (StatefulSet 141d) holding another Kafka cluster\'s data');
    expect(r.headline).toContain('doesn\'t match stored clusterId Some(Jd9fK1yQ6uHe2rNw5tVb8g) in meta.properties."');
    expect(r.headline).toContain('After checking nothing on it is needed, delete the leftover claim data-broker-3 (and its volume) so a fresh one is provisioned, or clear meta.properties on it.');
    // The store's own guess about its connection settings is not repeated.
    expect(r.headline).not.toMatch(/zookeeper\.connect/);
  });

  it('blames no claim the StatefulSet made itself: the refusal stays the log\'s to explain', () => {
    const r = buildTriageReport(brokerAdded(19), times);
    expect(r.headline).not.toMatch(/leftover/);
    // Only the new ordinal fails: the scale-up is still the "since".
    expect(r.headline).toMatch(/^Since statefulset broker was scaled up from 3 to 4 19m ago/);
  });
});
