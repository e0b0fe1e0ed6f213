// A consumer that takes far fewer messages than it did while its queue stays empty: the broker
// drops what waits (a message TTL without a dead-letter exchange). A problem, never an all-clear;
// a queue that grows, or a TTL whose expired messages go to a dead-letter exchange, is not this.
import { describe, expect, it } from 'vitest';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { findConsumerShortfall } from '../../../../src/domain/triage/queue-expiry.js';
import { parseBrokerDefinitions } from '../../../../src/domain/triage/unroutable-messages.js';
import { NOW, NS, baseEvidence, minutesAgo, pod, workload } from '../scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };

/** A Go worker's stats every 5 minutes: `fast` messages a window until 60m ago, then `slow`, with `ready` waiting. */
function workerLog(k: number, slow: number, ready: (i: number) => number): string[] {
  const out: string[] = [];
  for (let t = 120, i = 0; t >= 1; t -= 5, i++) {
    const taken = t < 60 ? slow : 50 + ((i + k) % 7);
    out.push(`{"level":"info","ts":"${minutesAgo(t)}","msg":"consumer stats","queue":"jobs","window":"5m","delivered":${taken},"acked":${taken},"queue_messages_ready":${t < 60 ? ready(i) : 0}}`);
  }
  return out;
}

function definitions(args: Record<string, unknown>): string {
  return JSON.stringify({ queues: [{ name: 'jobs', vhost: '/', durable: true, arguments: args }, { name: 'other', vhost: '/', arguments: {} }], bindings: [], exchanges: [] });
}

function scenario(opts: { ready?: (i: number) => number; args?: Record<string, unknown> } = {}): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i));
  const topology = parseBrokerDefinitions('broker-config', { 'definitions.json': definitions(opts.args ?? { 'x-message-ttl': 60000 }) });
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 }),
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: workerLog(k, 12, opts.ready ?? ((i) => i % 3)) })),
    dependencyMembers: [{ namespace: NS, service: 'rabbitmq', pods: [pod(0, { name: 'rabbitmq-0', labels: { app: 'rabbitmq' } })], nodeLosses: [], topology }],
  });
}

describe('messages a queue drops while its consumer slowed', () => {
  it('reads the consumer\'s intake before and now, and how little waits ready', () => {
    const s = findConsumerShortfall(scenario().logs, NOW);
    expect(s?.queue).toBe('jobs');
    expect(s?.now).toBeLessThan(20);
    expect(s?.before).toBeGreaterThan(40);
    expect(s?.readyMax).toBeLessThan(5);
  });

  it('keeps only the limits that drop messages from the definitions', () => {
    const [t] = parseBrokerDefinitions('broker-config', { 'definitions.json': definitions({ 'x-message-ttl': 60000 }) });
    expect(t?.queueLimits).toEqual([{ name: 'jobs', ttlMs: 60000 }]);
  });

  it('is a problem naming the TTL and the missing dead-letter exchange, never an all-clear nor a rollback', () => {
    const r = buildTriageReport(scenario(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/x-message-ttl 60000 \(60 s\)/);
    expect(r.headline).toMatch(/no dead-letter exchange/);
    expect(r.headline).toMatch(/ConfigMap broker-config/);
    expect(r.headline).not.toMatch(/looks healthy|roll(ing)? ?back|rollout undo/i);
  });

  it('a queue that grows, or expired messages kept by a dead-letter exchange, is not this', () => {
    expect(findConsumerShortfall(scenario({ ready: (i) => 100 + i * 50 }).logs, NOW)).toBeUndefined();
    const r = buildTriageReport(scenario({ args: { 'x-message-ttl': 60000, 'x-dead-letter-exchange': 'dlx' } }), times);
    expect(r.findings.some((f) => f.id === 'missing-destination/queue-message-expiry')).toBe(false);
  });
});
