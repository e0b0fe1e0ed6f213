import { describe, expect, it } from 'vitest';
import { analyzeMissedHeartbeats } from '../../../../src/domain/triage/analyzers/missed-heartbeat.js';
import { ANALYZERS, runAnalyzers } from '../../../../src/domain/triage/analyzers/index.js';
import { baseEvidence, container, pod } from '../scenarios/builders.js';

const URL = 'amqp://worker@broker.jobs.svc.cluster.local:5672/%2F?heartbeat=30';

const LOST = [
  '2026-11-21 02:40:00,001 ERROR app.worker ack failed for job_id=j-17 delivery_tag=2',
  'Traceback (most recent call last):',
  '  File "/usr/local/lib/python3.11/site-packages/pika/adapters/blocking_connection.py", line 2130, in basic_ack',
  '    self._flush_output()',
  "pika.exceptions.StreamLostError: Stream connection lost: ConnectionResetError(104, 'Connection reset by peer')",
];

function run(job: string, env = URL, restarts = 3) {
  const lines = [
    '2026-11-21 02:30:00,001 INFO app.worker connecting (BlockingConnection)',
    '2026-11-21 02:30:00,100 INFO app.worker received delivery_tag=2 job_id=j-17 redelivered=True',
    `2026-11-21 02:39:59,900 INFO app.export exported job_id=j-17 ${job}`,
    ...LOST,
  ];
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ restartCount: restarts, env: [{ name: 'AMQP_URL', value: env }] })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines })) });
}

describe('analyzeMissedHeartbeats', () => {
  it('reads a connection lost right after a job longer than the heartbeat as the broker dropping the blocked consumer', () => {
    const ev = run('in 540.2s');
    const [f] = analyzeMissedHeartbeats(ev);
    expect(f?.title).toBe('The AMQP broker closes the consumer\'s connection for missed heartbeats (heartbeat timeout 30 s): a job ran 540 s on the thread that services the connection (pika BlockingConnection runs the message callback there), so no heartbeat went out; the ack after it fails on the lost connection (StreamLostError), the worker exits and restarts, and the deliveries it held unacked are redelivered and worked again (2 pods, 2 redelivered)');
    expect(f?.nextAction).toMatch(/add_callback_threadsafe/);
    expect(f?.confidence).toBe('high');
    expect(runAnalyzers(ev, { 'missed-heartbeat': ANALYZERS['missed-heartbeat'] ?? (() => []) }).findings.map((x) => x.id)).toEqual(['consumer-group/missed-heartbeat']);
  });

  it('takes the broker\'s own timeout, when its log was read, and the default otherwise', () => {
    const ev = run('took 90000ms', 'amqp://worker@broker.jobs.svc.cluster.local:5672/%2F');
    expect(analyzeMissedHeartbeats(ev)[0]?.title).toMatch(/^The AMQP broker closes .*\(heartbeat timeout 60 s by default\): a job ran 90 s /);
    const told = { ...ev, logs: [...ev.logs, { pod: 'broker-0', container: 'rabbitmq', previous: false, lines: ['2026-11-21 02:39:00.418+00:00 [error] <0.9.0> missed heartbeats from client, timeout: 45s'] }] };
    expect(analyzeMissedHeartbeats(told)[0]?.title).toMatch(/^RabbitMQ closes .*\(heartbeat timeout 45 s\)/);
    expect(analyzeMissedHeartbeats(told)[0]?.decisive).toBe('missed heartbeats from client, timeout: 45s');
  });

  it('takes a reset after short jobs, or a reset that is not an AMQP client\'s, for nothing', () => {
    expect(analyzeMissedHeartbeats(run('in 4.2s'))).toEqual([]);
    const http = baseEvidence({ pods: [pod(0)], logs: [{ pod: pod(0).name, container: 'app', previous: true, lines: ['GET /export done in 540s', 'requests.exceptions.ConnectionError: Connection reset by peer'] }] });
    expect(analyzeMissedHeartbeats(http)).toEqual([]);
  });
});
