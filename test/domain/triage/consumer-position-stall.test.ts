// A Kafka consumer whose pods are Ready and whose logs hold no error, while its own lag reports show
// its position on each partition standing still and its lag growing: a stall, never healthy. With
// isolation.level=read_committed the likely mechanism is an open transaction holding the last stable
// offset; the trigger is the namespace's transactional producer whose pod was evicted mid-transaction
// (its replacement took a new transactional.id, so nothing aborts the old one before its timeout).
import { describe, expect, it } from 'vitest';
import type { EventEvidence, LogEvidence, NamespaceRolloutEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, event, minutesAgo, pod } from './scenarios/builders.js';

const stamp = (m: number) => minutesAgo(m).replace('T', ' ').replace('Z', '').replace(/(\d\d:\d\d:\d\d)$/, '$1.000');

/** A lag monitor's line every 4 minutes: the position moves until `stallAgo`, then stands while the lag grows. */
function consumerLog(partition: string, stallAgo: number): string[] {
  const out: string[] = [];
  for (let m = 60; m >= 1; m -= 4) {
    const stuck = m < stallAgo;
    const position = 1_200_000 + (stuck ? (60 - stallAgo) * 300 : (60 - m) * 300);
    const lag = stuck ? Math.round((stallAgo - m) * 250) + 40 : 2 + (m % 3);
    out.push(`${stamp(m)} ${stuck ? 'WARN' : 'INFO'}  [monitor-1] c.e.billing.ConsumerLagReporter - group=ledger partition=${partition} position=${position} endOffset=${position + lag} lag=${lag}`);
  }
  return out;
}

const consumerEnv = (isolation: string) => [{ name: 'KAFKA_CONSUMER_ISOLATION_LEVEL', value: isolation }, { name: 'KAFKA_GROUP_ID', value: 'ledger' }];

const producerRollout: NamespaceRolloutEvidence[] = [{
  deployment: 'invoice-writer',
  labels: {},
  revisions: [{
    revision: 8, name: 'invoice-writer-5d4c8b7f9a', hash: '5d4c8b7f9a', createdAt: minutesAgo(30 * 24 * 60), replicas: 1,
    containers: [{
      name: 'writer', image: 'registry.example.com/invoice-writer:3.1.0', envFrom: [], resources: { requests: {}, limits: {} },
      env: [
        { name: 'MY_POD', ref: { kind: 'field', key: 'metadata.name' } },
        { name: 'KAFKA_TRANSACTIONAL_ID', value: 'writer-$(MY_POD)' },
        { name: 'KAFKA_TRANSACTION_TIMEOUT_MS', value: '5400000' },
      ],
    }],
  }],
}];
const lostPod = 'invoice-writer-5d4c8b7f9a-q2w8z';
const evicted: EventEvidence = event({
  object: { kind: 'Pod', name: lostPod, namespace: 'payments' }, reason: 'Evicted',
  message: 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 90112Ki.', firstSeen: minutesAgo(33), lastSeen: minutesAgo(33),
});

function report(isolation: string, o: { rollouts?: NamespaceRolloutEvidence[]; warnings?: EventEvidence[] } = {}) {
  const pods = [0, 1, 2, 3, 4].map((i) => pod(i, { containers: [container({ env: consumerEnv(isolation) })] }));
  const logs: LogEvidence[] = pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: consumerLog(`invoices-${i}`, 32) }));
  return buildTriageReport({
    ...baseEvidence({ pods, logs }),
    ...(o.rollouts ? { namespaceRollouts: o.rollouts } : {}),
    ...(o.warnings ? { namespaceWarnings: o.warnings } : {}),
    collectedAt: NOW,
  }, { startedAt: NOW, finishedAt: NOW });
}

describe('a consumer whose position stands still while its lag grows, with no error', () => {
  it('reading read_committed: an open transaction holds the last stable offset, since the transactional producer\'s pod was evicted', () => {
    const r = report('read_committed', { rollouts: producerRollout, warnings: [evicted] });
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/last stable offset/);
    expect(r.headline).toMatch(/invoice-writer/);
    expect(r.headline).toMatch(/evicted/i);
    expect(r.headline).toMatch(/abort/);
    expect(r.headline).not.toMatch(/looks healthy|no restarts/);
    const text = JSON.stringify(r);
    expect(text).toMatch(/transaction\.timeout\.ms[^"]*5400000 \(1\.5 ?h|KAFKA_TRANSACTION_TIMEOUT_MS=5400000/);
    expect(text).toMatch(/writer-invoice-writer-5d4c8b7f9a-q2w8z/);
    expect(text).toMatch(/kafka-transactions\.sh/);
  });

  it('reading read_committed with no producer found: still the open transaction, not health', () => {
    const r = report('read_committed');
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/read_committed/);
    expect(r.headline).toMatch(/last stable offset/);
  });

  it('reading read_uncommitted: a stalled consumer, not health', () => {
    const r = report('read_uncommitted');
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/position[^.]*(has not moved|stands)/);
    expect(r.headline).not.toMatch(/last stable offset/);
  });
});
