// A queue the client is configured with that SQS says does not exist: the configured URL and the
// setting that feeds it (a ConfigMap key the container takes through envFrom) are the lead.
import { describe, expect, it } from 'vitest';
import { explainMissingQueue } from '../../../src/domain/triage/missing-queue.js';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { NOW, REV7, baseEvidence, minutesAgo, pod } from './scenarios/builders.js';

const URL = 'https://sqs.us-east-2.amazonaws.com/111122223333/invoices-inbound-stage';
const LINES = [
  `2026-11-21 03:00:01,010 INFO worker: consuming ${URL}`,
  '2026-11-21 03:00:01,200 ERROR worker: receive failed; retrying in 10s',
  'botocore.errorfactory.QueueDoesNotExist: An error occurred (AWS.SimpleQueueService.NonExistentQueue) when calling the ReceiveMessage operation: The specified queue does not exist.',
];
const CONTAINERS = [{ env: [{ name: 'AWS_REGION', value: 'us-east-2' }], envFrom: [{ kind: 'configMap' as const, name: 'invoice-worker-settings' }] }];
const OBJECTS = [{ kind: 'ConfigMap' as const, name: 'invoice-worker-settings', createdAt: minutesAgo(60 * 24 * 30), changedAt: minutesAgo(18), keys: ['INBOUND_QUEUE_URL', 'LOG_LEVEL'] }];

describe('a queue SQS says does not exist', () => {
  it('names the queue the pods use and the ConfigMap key that sets it, with its edit', () => {
    const d = explainMissingQueue([LINES[2] ?? ''], LINES, CONTAINERS, OBJECTS, NOW);
    expect(d?.summary).toBe(`SQS says queue invoices-inbound-stage does not exist (NonExistentQueue): the pods use ${URL}, set by INBOUND_QUEUE_URL in ConfigMap invoice-worker-settings, changed 18m ago`);
    expect(d?.fix).toBe('set INBOUND_QUEUE_URL in ConfigMap invoice-worker-settings to a queue that exists (now invoices-inbound-stage) and restart the pods');
  });

  it('tells the ready pods\' log errors with it', () => {
    const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, containers: [{ ...pod(i).containers[0]!, env: CONTAINERS[0]!.env, envFrom: CONTAINERS[0]!.envFrom }] }));
    const lines = [LINES[0] ?? '', ...Array.from({ length: 6 }, () => LINES.slice(1)).flat()];
    const ev = { ...baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) }), namespaceObjects: OBJECTS };
    const f = findUnexplained(ev, []).find((x) => x.id === 'unexplained/log-errors');
    expect(f?.title).toContain('queue invoices-inbound-stage does not exist');
    expect(f?.title).toContain('INBOUND_QUEUE_URL in ConfigMap invoice-worker-settings');
  });

  it('is nothing for other errors', () => {
    expect(explainMissingQueue(['ERROR worker: connection reset by peer'], LINES.slice(0, 2), CONTAINERS, OBJECTS, NOW)).toBeUndefined();
  });
});
