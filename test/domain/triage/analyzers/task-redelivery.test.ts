import { describe, expect, it } from 'vitest';
import { analyzeTaskRedelivery } from '../../../../src/domain/triage/analyzers/task-redelivery.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { LogEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, container, pod, workload } from '../scenarios/builders.js';

const TASK = 'shop.tasks.send_cart_reminder';
const line = (stamp: string, msg: string, proc = 'MainProcess') => `[${stamp}: INFO/${proc}] ${msg}`;
const banner = '- ** ---------- .> transport:   redis://shop-redis.shop.svc.cluster.local:6379/0';
const IDS = ['3f2a9c10-1b2c-4d5e-8f90-0a1b2c3d4e5f', '8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968', 'c0ffee00-1234-4abc-8def-0123456789ab'];

/** Worker A receives each task at scheduling time; an hour later worker B receives the same id; both run it at the ETA. */
function logs(): LogEvidence[] {
  const a = [banner, line('2026-11-21 00:30:00,100', `shop.tasks.cart_abandoned[aa11bb22-0000-4000-8000-000000000001]: reminder scheduled countdown=5400s task=${IDS[0]}`, 'ForkPoolWorker-1')];
  const b = [banner];
  IDS.forEach((id, i) => {
    const m = 30 + i * 5;
    a.push(line(`2026-11-21 00:${m}:00,200`, `Task ${TASK}[${id}] received`));
    b.push(line(`2026-11-21 01:${m}:20,000`, `Task ${TASK}[${id}] received`));
    a.push(line(`2026-11-21 02:${m}:00,300`, `Task ${TASK}[${id}] succeeded in 0.41s: None`, 'ForkPoolWorker-2'));
    b.push(line(`2026-11-21 02:${m}:00,310`, `Task ${TASK}[${id}] succeeded in 0.44s: None`, 'ForkPoolWorker-3'));
  });
  return [
    { pod: pod(0).name, container: 'app', previous: false, lines: a },
    { pod: pod(1).name, container: 'app', previous: false, lines: b },
  ];
}

function evidence(l: LogEvidence[]) {
  const c = container({ command: ['celery', '-A', 'shop', 'worker'] });
  return baseEvidence({ pods: [pod(0), pod(1)], workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, templateContainers: [c] }), logs: l });
}

describe('analyzeTaskRedelivery', () => {
  it('names ETA tasks outliving the Redis visibility_timeout when one task id is received twice an hour apart and runs twice', () => {
    const [f] = analyzeTaskRedelivery(evidence(logs()));
    expect(f?.title).toMatch(/5400 s countdown outlive the Redis broker's visibility_timeout \(3600 s, Celery's default/);
    expect(f?.title).toMatch(/received twice under one id \(3 of 3 executed twice, 2 pods\)/);
    expect(f?.nextAction).toMatch(/broker_transport_options=\{'visibility_timeout': N\}/);
    const report = buildTriageReport(evidence(logs()), { startedAt: '2026-11-21T03:00:00Z', finishedAt: '2026-11-21T03:00:01Z' });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/visibility_timeout/);
  });

  it('stays quiet on distinct task ids, and on a single id restored after a worker restart', () => {
    const distinct = logs().map((l) => ({ ...l, lines: l.lines.map((x, i) => x.replace(/\[([0-9a-f-]{36})\] (received|succeeded)/, `[$1${l.pod === pod(1).name ? 'x' : ''}${i}] $2`)) }));
    expect(analyzeTaskRedelivery(evidence(distinct))).toEqual([]);
    const one = logs().map((l) => ({ ...l, lines: l.lines.filter((x) => !x.includes(IDS[1] ?? '?') && !x.includes(IDS[2] ?? '?')) }));
    expect(analyzeTaskRedelivery(evidence(one))).toEqual([]);
  });

  it('stays quiet on an AMQP broker (RabbitMQ), whose acknowledgements are real: no visibility_timeout restores a held task', () => {
    const amqp = logs().map((l) => ({ ...l, lines: l.lines.map((x) => x.replace('redis://shop-redis.shop.svc.cluster.local:6379/0', 'amqp://shop@rabbitmq.shop.svc.cluster.local:5672//')) }));
    expect(analyzeTaskRedelivery(evidence(amqp))).toEqual([]);
  });
});
