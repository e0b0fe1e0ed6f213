import { describe, expect, it } from 'vitest';
import { analyzeProducerFencing } from '../../../../src/domain/triage/analyzers/producer-fencing.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, NOW, NS, REV6, baseEvidence, event, minutesAgo, pod, workload } from '../scenarios/builders.js';

const FENCED = 'org.apache.kafka.common.errors.ProducerFencedException: There is a newer producer with the same transactionalId which fences the current one.';

/** A Spring Kafka relay's log: `rounds` transactions, each fenced, under `txId`. */
function relayLog(txId: string, rounds: number, k: number): string[] {
  const pfx = `[Producer clientId=producer-${txId}, transactionalId=${txId}]`;
  return Array.from({ length: rounds }, (_, i) => {
    const m = String(50 + i * 2 + k).padStart(2, '0');
    return [
      `2026-11-21T02:${m}:10.101Z  INFO 1 --- [scheduling-1] o.a.k.c.p.internals.TransactionManager : ${pfx} Invoking InitProducerId for the first time in order to acquire a producer ID`,
      `2026-11-21T02:${m}:10.452Z ERROR 1 --- [kafka-producer-network-thread | producer-${txId}] o.a.k.c.p.internals.TransactionManager : ${pfx} Transiting to fatal error state due to ${FENCED}`,
      `2026-11-21T02:${m}:11.453Z ERROR 1 --- [scheduling-1] c.a.outbox.OutboxRelay : Relay of 250 outbox rows failed, transaction rolled back; retrying in 2000 ms`,
      'org.springframework.kafka.KafkaException: Send failed',
      '\tat org.springframework.kafka.core.KafkaTemplate.doSend(KafkaTemplate.java:866)',
      `Caused by: ${FENCED}`,
    ];
  }).flat();
}

/** Three ready pods of one revision, scaled from 1 to 3 by hand 23m ago; `ids` gives each pod's transactional id. */
function scaledRelay(ids: readonly string[], rounds = 6): TriageEvidence {
  const pods = ids.map((_, i) => pod(i, i === 0 ? {} : { createdAt: minutesAgo(23), startTime: minutesAgo(23) }));
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 }),
    hpas: [],
    events: [event({ type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${APP}-${REV6.hash} from 1 to 3`, object: { kind: 'Deployment', name: APP, namespace: NS }, firstSeen: minutesAgo(23), lastSeen: minutesAgo(23) })],
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: relayLog(ids[k] ?? '', rounds, k) })),
  });
}

describe('analyzeProducerFencing', () => {
  it('names the shared transactional.id the replicas fence each other on, and more replicas as what brings it on', () => {
    const [f] = analyzeProducerFencing(scaledRelay(['relay-tx-0', 'relay-tx-0', 'relay-tx-0']));
    expect(f?.title).toMatch(/^Kafka producers of 3 pods fence each other on one transactional\.id \(relay-tx-0\): each InitProducerId bumps its epoch/);
    expect(f?.decisive).toBe(FENCED);
    expect(f?.scalesWithReplicas).toBe(true);
    expect(f?.confidence).toBe('high');
    expect(f?.fix).toMatch(/its own transactional\.id \(a per-instance suffix: the pod name or a StatefulSet ordinal\)/);
  });

  it('makes the hand scale-up the since, and scaling back the first step', () => {
    const report = buildTriageReport(scaledRelay(['relay-tx-0', 'relay-tx-0', 'relay-tx-0']), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since the workload was scaled up from 1 to 3 23m ago \(not by a rollout\): Kafka producers of 3 pods fence each other/);
    expect(report.headline).toMatch(/Scale payment-service back to 1 replica, or give each instance its own transactional\.id/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back/i);
  });

  it('says nothing of producers with ids of their own: those fenced are zombies of a restart, not replicas sharing one id', () => {
    expect(analyzeProducerFencing(scaledRelay(['relay-tx-0', 'relay-tx-1', 'relay-tx-2']))).toEqual([]);
  });

  it('says nothing of one producer fenced once, as a hand-over between pods is meant to', () => {
    const ev = scaledRelay(['relay-tx-0', 'relay-tx-0'], 1);
    expect(analyzeProducerFencing(ev)).toEqual([]);
  });
});
