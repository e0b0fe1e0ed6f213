// A consumer that requeues the messages it fails, its logs counting their deliveries, on a RabbitMQ
// 4.x broker whose quorum queue has no delivery limit set and no dead-letter exchange: messages past
// the default limit (20) are dropped. A problem dated by the broker's upgrade, never an all-clear
// nor a rollback of the consumer; a classic queue, a dead-letter exchange or a 3.x broker is not this.
import { describe, expect, it } from 'vitest';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { parseBrokerDefinitions } from '../../../../src/domain/triage/unroutable-messages.js';
import { NOW, NS, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };

/** A Node worker that nacks with requeue on its downstream's 503s, the delivery count climbing, and acks the rest. */
function workerLog(k: number, connects: readonly (readonly [string, number])[]): string[] {
  const out = connects.map(([v, ago]) => `{"level":"info","time":"${minutesAgo(ago)}","msg":"connected to broker","queue":"jobs.process","server":"RabbitMQ ${v}"}`);
  for (let i = 0; i < 10; i++) {
    out.push(`{"level":"warn","time":"${minutesAgo(50 - i * 4 - k)}","msg":"job failed, nack requeue=true","jobId":"j-${100 + i}","redelivered":true,"x-delivery-count":${11 + ((i + k) % 8)},"err":"downstream POST /work: 503 Service Unavailable"}`);
    if (i % 3 === 0) out.push(`{"level":"info","time":"${minutesAgo(49 - i * 4 - k)}","msg":"job done","jobId":"j-${200 + i}","x-delivery-count":0}`);
  }
  return out;
}

function definitions(args: Record<string, unknown>, policies: unknown[] = []): string {
  return JSON.stringify({ queues: [{ name: 'jobs.process', vhost: '/', durable: true, arguments: args }], bindings: [], exchanges: [], policies });
}

function scenario(opts: { version?: string; from?: string; args?: Record<string, unknown>; policies?: unknown[]; unread?: true } = {}): TriageEvidence {
  const version = opts.version ?? '4.0.5';
  const pods = [0, 1, 2].map((i) => pod(i));
  const topology = parseBrokerDefinitions('broker-definitions', { 'definitions.json': definitions(opts.args ?? { 'x-queue-type': 'quorum' }, opts.policies) });
  const image = (v: string) => `docker.io/library/rabbitmq:${v}-management`;
  const member = (o: number) => pod(o, { name: `broker-${o}`, labels: { app: 'broker', 'controller-revision-hash': 'broker-7f9c6d5b8' }, revisionHash: 'broker-7f9c6d5b8', ownerWorkload: { kind: 'StatefulSet', name: 'broker' }, containers: [container({ name: 'exporter', image: 'docker.io/kbudde/rabbitmq-exporter:v1.0.0' }), container({ name: 'rabbitmq', image: image(version) })] });
  const rollout = {
    statefulSet: 'broker',
    current: revision({ revision: 5, hash: 'broker-7f9c6d5b8' }, minutesAgo(540), { containers: [revisionContainer({ name: 'rabbitmq', image: image(version) })] }),
    previous: revision({ revision: 4, hash: 'broker-5c8d7e6f9' }, minutesAgo(90 * 24 * 60), { containers: [revisionContainer({ name: 'rabbitmq', image: image(opts.from ?? '3.13.7') })] }),
  };
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 }),
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: workerLog(k, opts.unread ? [[opts.from ?? '3.13.7', 11 * 24 * 60], [version, 540 - k]] : [[version, 600]]) })),
    ...(opts.unread ? {} : { dependencyMembers: [{ namespace: NS, service: 'broker', pods: [0, 1, 2].map(member), nodeLosses: [], topology, rollout }] }),
  });
}

const finding = (ev: TriageEvidence) => buildTriageReport(ev, times).findings.find((f) => f.id === 'missing-destination/delivery-limit-loss');

describe('messages requeued past a quorum queue\'s delivery limit', () => {
  it('is a problem naming the delivery limit, the missing dead-letter exchange and the broker upgrade, never an all-clear nor a rollback', () => {
    const r = buildTriageReport(scenario(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/delivery-limit of 20/);
    expect(r.headline).toMatch(/no dead-letter exchange/);
    expect(r.headline).toMatch(/revision 5 upgraded RabbitMQ 3\.13\.7 → 4\.0\.5/);
    expect(r.headline).not.toMatch(/looks healthy|roll(ing)? ?back to|rollout undo/i);
  });

  it('advises a deliberate delivery-limit policy, a dead-letter exchange and retries with backoff', () => {
    const f = finding(scenario());
    expect(f?.nextAction).toMatch(/policy \(delivery-limit/);
    expect(f?.nextAction).toMatch(/dead-letter exchange/);
    expect(f?.nextAction).toMatch(/backoff/);
  });

  it('without the broker read, takes the version and the upgrade from the consumer\'s own reconnect, and says the messages may be dead-lettered', () => {
    const r = buildTriageReport(scenario({ unread: true }), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/delivery-limit of 20/);
    expect(r.headline).toMatch(/dropped by the broker \(or dead-lettered/);
    expect(r.headline).toMatch(/upgraded from RabbitMQ 3\.13\.7 to 4\.0\.5/);
  });

  it('a dead-letter exchange (argument or policy), a limit turned off, a classic queue or a 3.x broker is not this', () => {
    expect(finding(scenario({ args: { 'x-queue-type': 'quorum', 'x-dead-letter-exchange': 'dlx' } }))).toBeUndefined();
    expect(finding(scenario({ policies: [{ name: 'dlq', vhost: '/', pattern: '^jobs\\.', 'apply-to': 'queues', definition: { 'dead-letter-exchange': 'dlx' }, priority: 0 }] }))).toBeUndefined();
    expect(finding(scenario({ policies: [{ name: 'unlimited', vhost: '/', pattern: '.*', 'apply-to': 'quorum_queues', definition: { 'delivery-limit': -1 }, priority: 0 }] }))).toBeUndefined();
    expect(finding(scenario({ args: { 'x-queue-type': 'classic' } }))).toBeUndefined();
    expect(finding(scenario({ version: '3.13.7', from: '3.12.14' }))).toBeUndefined();
  });
});
