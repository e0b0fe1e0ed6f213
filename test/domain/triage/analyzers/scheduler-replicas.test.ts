import { describe, expect, it } from 'vitest';
import { analyzeSchedulerReplicas } from '../../../../src/domain/triage/analyzers/scheduler-replicas.js';
import { findSchedulerKind } from '../../../../src/domain/triage/scheduler-replicas.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { SchedulerReplicasEvidence } from '../../../../src/domain/triage/evidence-scheduler-replicas.js';
import { NOW, baseEvidence, container, event, minutesAgo, pod, workload } from '../scenarios/builders.js';

const BROKER = { name: 'CELERY_BROKER_URL', value: 'redis://jobs-redis.payments.svc.cluster.local:6379/0' };
const TASK = 'payments.tasks.payouts.send_payouts';
const received = (stamp: string, id: string) => `[${stamp}: INFO/MainProcess] Task ${TASK}[${id}] received`;
const sending = (stamp: string) => `[${stamp}: INFO/MainProcess] Scheduler: Sending due task send-payouts (${TASK})`;

function scheduler(over: Partial<SchedulerReplicasEvidence> = {}): SchedulerReplicasEvidence {
  return {
    deployment: 'payments-scheduler',
    container: 'beat',
    command: 'celery -A payments beat --loglevel=INFO',
    replicas: 2,
    readyReplicas: 2,
    brokerEnv: [BROKER],
    replicasOwners: [{ manager: 'kubectl', operation: 'Update', subresource: 'scale', at: minutesAgo(50) }],
    events: [event({ type: 'Normal', reason: 'ScalingReplicaSet', message: 'Scaled up replica set payments-scheduler-5d8f7c9b6 from 1 to 2', object: { kind: 'Deployment', name: 'payments-scheduler', namespace: 'payments' }, firstSeen: minutesAgo(50), lastSeen: minutesAgo(50) })],
    logs: [
      { pod: 'payments-scheduler-5d8f7c9b6-a1b2c', container: 'beat', previous: false, lines: [sending('2026-11-21 03:00:00,001')] },
      { pod: 'payments-scheduler-5d8f7c9b6-d3e4f', container: 'beat', previous: false, lines: [sending('2026-11-21 03:00:00,004')] },
    ],
    ...over,
  };
}

function worker(over: Partial<TriageEvidence> = {}): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i));
  const c = container({ command: ['celery', '-A', 'payments', 'worker'], env: [BROKER] });
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, templateContainers: [c] }),
    logs: [
      { pod: pods[0]?.name ?? '', container: 'app', previous: false, lines: [received('2026-11-21 03:00:00,310', '0b6f7c1e-1d2a-4d44-9d51-5a0c7e3f1a01')] },
      { pod: pods[1]?.name ?? '', container: 'app', previous: false, lines: [received('2026-11-21 03:00:00,320', '7a1c2e3f-5b6d-4e8f-9a0b-1c2d3e4f5a6b')] },
    ],
    schedulerReplicas: [scheduler()],
    ...over,
  });
}

describe('analyzeSchedulerReplicas', () => {
  it('names a Celery beat at 2 replicas, its scale-up and the task the worker got twice', () => {
    const [f] = analyzeSchedulerReplicas(worker());
    expect(f?.title).toMatch(/^Celery beat payments-scheduler runs 2 replicas \(scaled up from 1 to 2 by kubectl 50m ago\), and a scheduler must run as one: each replica sends every due task, so payment-service runs every scheduled task twice: payment-service received send_payouts at .+ twice; 2 of its pods log "Sending due task"/);
    expect(f?.fix).toBe('scale payments-scheduler back to 1 replica (a scheduler must be a singleton), then undo the duplicates of send_payouts');
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('is never an all-clear and never blames the worker\'s own rollout', () => {
    const report = buildTriageReport(worker(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/Celery beat payments-scheduler runs 2 replicas/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back to/i);
  });

  it('finds it when the scheduler is the workload asked about', () => {
    const self = worker({ schedulerReplicas: [], workload: workload({ name: 'payment-service', specReplicas: 2, replicas: 2, readyReplicas: 2, templateContainers: [container({ command: ['celery'], args: ['-A', 'payments', 'beat'] })] }) });
    expect(analyzeSchedulerReplicas(self)[0]?.title).toMatch(/^Celery beat payment-service runs 2 replicas/);
  });

  it('leaves a single scheduler alone, and one that feeds another queue', () => {
    expect(analyzeSchedulerReplicas(worker({ schedulerReplicas: [scheduler({ replicas: 1 })] }))).toEqual([]);
    const elsewhere = scheduler({ brokerEnv: [{ name: 'CELERY_BROKER_URL', value: 'redis://other:6379/0' }], logs: [] });
    expect(analyzeSchedulerReplicas(worker({ schedulerReplicas: [elsewhere] }))).toEqual([]);
  });
});

describe('findSchedulerKind', () => {
  it('knows schedulers by their command, not workers', () => {
    expect(findSchedulerKind(['celery', '-A', 'billing', 'beat'])).toBe('Celery beat');
    expect(findSchedulerKind(['sh', '-c', 'exec /usr/local/bin/celery -A billing worker -B'])).toBe('Celery beat');
    expect(findSchedulerKind(['rqscheduler', '--host', 'redis'])).toBe('rq-scheduler');
    expect(findSchedulerKind(['celery', '-A', 'billing', 'worker', '--concurrency=8'])).toBeUndefined();
  });
});
