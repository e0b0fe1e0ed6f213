// RabbitMQ nacking publishes with no alarm: a queue at its x-max-length with x-overflow
// reject-publish, full because its consumers fall behind. The publisher's rollout is not the cause.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listServerConfigReads } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { findDefinitionsQueueLimits } from '../../../../src/domain/triage/rabbit-queue-limit.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, NS, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const AMQP_ENV = [{ name: 'AMQP_URL', value: `amqp://shop@broker.${NS}.svc.cluster.local:5672/` }];
const nacked = (m: number): string => `{"level":50,"time":"${minutesAgo(m)}","msg":"publish failed after 3 attempts, dropping invoice.created event","err":{"message":"message nacked"}}`;
const DEFINITIONS = JSON.stringify({
  queues: [
    { name: 'invoices', vhost: '/', durable: true, arguments: { 'x-queue-type': 'quorum', 'x-max-length': 20000, 'x-overflow': 'reject-publish' } },
    { name: 'audit', vhost: '/', durable: true, arguments: { 'x-max-length': 100 } },
  ],
}, null, 2);

function scenario(lines: string[]): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: AMQP_ENV })] }));
  const broker = pod(0, { name: 'broker-0', containers: [container({ name: 'rabbitmq' })] });
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    dependencyPods: [{
      service: 'broker',
      pod: broker,
      logs: [{ pod: broker.name, container: 'rabbitmq', previous: false, lines: [] }],
      config: findDefinitionsQueueLimits('definitions.json', DEFINITIONS, ['x_max_length', 'x_max_length_bytes', 'x_overflow']).map((s) => ({ configMap: 'broker-definitions', ...s })),
    }],
  });
}

describe('RabbitMQ nacks publishes: a queue at x-max-length with reject-publish', () => {
  const lines = [nacked(30), nacked(20), nacked(5)];

  it('reads only the queues that reject publishes from a definitions file', () => {
    const found = findDefinitionsQueueLimits('definitions.json', DEFINITIONS, ['x_max_length', 'x_overflow']);
    expect(found.map((s) => `${s.setting} = ${s.value}`)).toEqual(['x-max-length of queue invoices = 20000', 'x-overflow of queue invoices = reject-publish']);
    expect(findDefinitionsQueueLimits('rabbitmq.conf', 'vm_memory_high_watermark.relative = 0.6', ['x_max_length'])).toEqual([]);
  });

  it('names the broker, the queue and its limit, and advises the consumers', () => {
    const [f] = analyzeDependencyRefusals(scenario(lines));
    expect(f?.title).toMatch(/^RabbitMQ broker refuses publishes/);
    expect(f?.likelyCause).toMatch(/queue invoices is bounded with x-max-length 20000, x-overflow reject-publish/);
    expect(f?.likelyCause).toMatch(/consumers fall behind/);
    expect(f?.fix).toMatch(/scale them out/);
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('asks for the broker\'s mounted ConfigMaps', () => {
    const ev = scenario(lines);
    const reads = listServerConfigReads(ev, (ev.dependencyPods ?? []).map((d) => ({ ...d, pod: { ...d.pod, volumes: [{ name: 'definitions', source: 'configMap', ref: 'broker-definitions' }] } })));
    expect(reads[0]?.configMaps).toEqual(['broker-definitions']);
  });

  it('says no rollback after a publisher rollout', () => {
    const report = buildTriageReport(scenario(lines), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/nack/i);
    expect(report.headline).not.toMatch(/roll ?back to/i);
  });
});
