import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listServerConfigReads } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, pod } from '../scenarios/builders.js';

const REDIS_OOM = "redis.exceptions.ResponseError: OOM command not allowed when used memory > 'maxmemory'.";

function scenario(lines: string[], env = [{ name: 'REDIS_URL', value: 'redis://cart-cache.payments.svc.cluster.local:6379/0' }]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
}

describe('analyzeDependencyRefusals', () => {
  it('names the Redis the pods use and why it refuses writes at maxmemory, while the pods stay ready', () => {
    const [f] = analyzeDependencyRefusals(scenario(['INFO GET /v1/cart 200', 'Traceback (most recent call last):', REDIS_OOM]));
    expect(f?.title).toBe('Redis cart-cache refuses writes: it is at its maxmemory — 2 refused calls in the logs of 2 pods (all ready)');
    expect(f?.kind).toBe('dependency-error');
    expect(f?.decisive).toBe(REDIS_OOM);
    expect(f?.likelyCause).toMatch(/noeviction/);
    expect(f?.likelyCause).toMatch(/not in these pods/);
    expect(f?.evidence[0]).toBe('Redis cart-cache (REDIS_URL=cart-cache.payments.svc.cluster.local)');
    expect(f?.affected?.services).toEqual(['cart-cache']);
  });

  it('names a PostgreSQL standby taking writes from a *_HOST variable', () => {
    const line = 'ERROR: cannot execute INSERT in a read-only transaction';
    const [f] = analyzeDependencyRefusals(scenario([line, line], [{ name: 'PGHOST', value: 'orders-db' }]));
    expect(f?.title).toMatch(/^PostgreSQL orders-db refuses writes: the client is connected to a read-only server/);
  });

  it('says only the server when no variable names its address, and takes one refusal for noise', () => {
    const [f] = analyzeDependencyRefusals(scenario([REDIS_OOM], []));
    expect(f?.title).toMatch(/^Redis refuses writes/);
    const ev = scenario([], []);
    ev.logs = [{ pod: ev.pods[0]?.name ?? '', container: 'app', previous: false, lines: [REDIS_OOM] }];
    expect(analyzeDependencyRefusals(ev)).toEqual([]);
  });
});

describe('a broker whose resource alarm blocks the publisher', () => {
  const amqp = [{ name: 'AMQP_URL', value: 'amqp://orders@rabbitmq.payments.svc.cluster.local:5672/' }];
  const blocked = [
    '{"level":"INFO","msg":"amqp connected"}',
    '{"level":"WARN","msg":"amqp connection blocked","reason":"low on memory"}',
    '{"level":"ERROR","msg":"publish failed","err":"context deadline exceeded"}',
  ];
  const broker = [
    "2026-11-21 00:14:00.000000+00:00 [info] <0.1121.0> closing AMQP connection <0.1121.0> (10.0.7.41:51872 -> 10.0.8.2:5672, vhost: '/', user: 'billing-worker')",
    "2026-11-21 02:40:00.000000+00:00 [warning] <0.228.0> memory resource limit alarm set on node 'rabbit@rabbitmq-0'.",
    '2026-11-21 02:40:00.000000+00:00 [warning] <0.228.0> *** Publishers will be blocked until this alarm clears ***',
  ];

  it('is not healthy however few the lines: the headline names the broker and its memory alarm', () => {
    const pods = [0, 1, 2].map((i) => pod(i, { containers: [container({ env: amqp })] }));
    const ev = baseEvidence({ pods, logs: [{ pod: pods[0]?.name ?? '', container: 'app', previous: false, lines: blocked }] });
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/RabbitMQ rabbitmq/);
    expect(report.headline).toMatch(/memory alarm/);
    expect(report.headline).toMatch(/blocked/);
  });

  it('names, from the broker\'s own log, the alarm and the client whose connection closed before it and never came back', () => {
    const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: amqp })] }));
    const own = pod(9, { name: 'rabbitmq-0', containers: [container({ name: 'rabbitmq' })] });
    const ev = baseEvidence({
      pods,
      logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: blocked })),
      dependencyPods: [{ service: 'rabbitmq', pod: own, logs: [{ pod: 'rabbitmq-0', container: 'rabbitmq', previous: false, lines: broker }] }],
    });
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.evidence.join('\n')).toContain("memory resource limit alarm set on node 'rabbit@rabbitmq-0'");
    expect(f?.likelyCause).toMatch(/billing-worker \(3h ago\)/);
    expect(f?.nextAction).toMatch(/billing-worker/);
  });

  it('names the node that raised a disk alarm, its free bytes against the limit, and the disk_free_limit its ConfigMap sets', () => {
    const disk = blocked.map((l) => l.replace('low on memory', 'low on disk'));
    const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: amqp })] }));
    const own = pod(9, { name: 'rabbitmq-2', containers: [container({ name: 'rabbitmq' })] });
    const alarmLog = [
      '2026-11-21 02:39:59.000000+00:00 [info] <0.512.0> Free disk space is insufficient. Free bytes: 50331648. Limit: 104857600',
      "2026-11-21 02:40:00.000000+00:00 [warning] <0.508.0> disk resource limit alarm set on node 'rabbit@rabbitmq-2.rabbitmq-headless.shop.svc.cluster.local'.",
      '2026-11-21 02:40:00.000000+00:00 [warning] <0.508.0> *** Publishers will be blocked until this alarm clears ***',
    ];
    const ev = baseEvidence({
      pods,
      logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: disk })),
      dependencyPods: [{ service: 'rabbitmq', pod: own, logs: [{ pod: 'rabbitmq-2', container: 'rabbitmq', previous: false, lines: alarmLog }], config: [{ configMap: 'rabbitmq-conf', key: 'rabbitmq.conf', setting: 'disk_free_limit.absolute', value: '100MB' }] }],
    });
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/alarm raised on rabbitmq-2 \(free 48Mi, limit 100Mi = 104857600 bytes\)/);
    expect(f?.title).toMatch(/rabbitmq-conf sets disk_free_limit\.absolute = 100MB/);
    expect(f?.evidence.join('\n')).toContain('Free disk space is insufficient. Free bytes: 50331648. Limit: 104857600');
  });

  it('reads the broker\'s mounted config for its disk_free_limit when the disk alarm blocks publishers', () => {
    const disk = blocked.map((l) => l.replace('low on memory', 'low on disk'));
    const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: amqp })] }));
    const own = pod(9, { name: 'rabbitmq-0', containers: [container({ name: 'rabbitmq' })], volumes: [{ name: 'config', source: 'configMap', ref: 'rabbitmq-conf' }] });
    const ev = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: disk })) });
    expect(listServerConfigReads(ev, [{ service: 'rabbitmq', pod: own, logs: [] }])).toEqual([{ service: 'rabbitmq', configMaps: ['rabbitmq-conf'], settings: ['disk_free_limit.absolute', 'disk_free_limit.relative'] }]);
  });

  it('says nothing once the connection was unblocked', () => {
    const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: amqp })] }));
    const lines = [...blocked, '{"level":"INFO","msg":"amqp connection unblocked"}'];
    const ev = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
    expect(analyzeDependencyRefusals(ev).filter((f) => f.title.startsWith('RabbitMQ'))).toEqual([]);
  });
});

describe('refusals the pods rode out long ago', () => {
  // A planned switchover 90 minutes before the read: the pool met the old primary, now read-only, then reconnected.
  const OLD = '{"level":"error","time":"2026-11-21T01:44:00Z","msg":"query failed","error":"ERROR: cannot execute UPDATE in a read-only transaction (SQLSTATE 25006)"}';
  const CLEAN = '{"level":"info","time":"2026-11-21T03:12:30Z","msg":"request served","route":"/v1/sessions","status":200}';
  const RECENT = '{"level":"error","time":"2026-11-21T03:12:00Z","msg":"query failed","error":"ERROR: cannot execute UPDATE in a read-only transaction (SQLSTATE 25006)"}';
  const env = [{ name: 'PGHOST', value: 'accounts-pg' }];

  it('are history when every one is dated over an hour back and clean work is logged since', () => {
    expect(analyzeDependencyRefusals(scenario([OLD, OLD, CLEAN], env))).toEqual([]);
  });

  it('still count when one is recent, when nothing clean follows, or when they carry no time', () => {
    expect(analyzeDependencyRefusals(scenario([OLD, RECENT, CLEAN], env))[0]?.title).toMatch(/^PostgreSQL accounts-pg refuses writes/);
    expect(analyzeDependencyRefusals(scenario([OLD, OLD], env))[0]?.title).toMatch(/^PostgreSQL accounts-pg refuses writes/);
    const undated = 'ERROR: cannot execute UPDATE in a read-only transaction';
    expect(analyzeDependencyRefusals(scenario([undated, undated, CLEAN], env))[0]?.title).toMatch(/^PostgreSQL accounts-pg refuses writes/);
  });
});
