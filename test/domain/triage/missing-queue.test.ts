// A queue the client is configured with that SQS says does not exist: the configured URL and the
// setting that feeds it (a ConfigMap key the container takes through envFrom) are the lead.
import { describe, expect, it } from 'vitest';
import { explainMissingQueue, findNearQueue, readQueueValue } from '../../../src/domain/triage/missing-queue.js';
import { keepSettings, pickSettingConfigReads } from '../../../src/domain/triage/setting-config.js';
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

  it('reads the queue URL from the ConfigMap the container takes, and only the keys whose value names a queue', () => {
    const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, containers: [{ ...pod(i).containers[0]!, env: CONTAINERS[0]!.env, envFrom: CONTAINERS[0]!.envFrom }] }));
    // The start-up line that named the URL has scrolled out of the tail.
    const lines = Array.from({ length: 6 }, () => LINES.slice(1)).flat();
    const ev = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
    const reads = pickSettingConfigReads({ logs: ev.logs, pods: ev.pods, now: NOW });
    expect(reads).toEqual([{ mechanism: 'missing-queue', configMap: 'invoice-worker-settings', via: 'envFrom' }]);
    const kept = reads.flatMap((r) => keepSettings(r, r.configMap, { INBOUND_QUEUE_URL: URL, SQS_WAIT_SECONDS: '20', USE_SQS: 'true', LOG_LEVEL: 'INFO', SMTP_FROM: 'billing@example.org' }));
    expect(kept.map((k) => k.written)).toEqual([`INBOUND_QUEUE_URL=${URL}`]);
    const d = explainMissingQueue([LINES[2] ?? ''], lines, CONTAINERS, OBJECTS, NOW, { settings: kept });
    expect(d?.summary).toBe('SQS says queue invoices-inbound-stage does not exist (NonExistentQueue), set by INBOUND_QUEUE_URL in ConfigMap invoice-worker-settings, changed 18m ago');
    expect(d?.evidence).toContain(`ConfigMap invoice-worker-settings sets INBOUND_QUEUE_URL=${URL}`);
  });

  it('reads nothing while no pod logs the error', () => {
    const pods = [pod(0, { containers: [{ ...pod(0).containers[0]!, envFrom: CONTAINERS[0]!.envFrom }] })];
    const ev = baseEvidence({ pods, logs: [{ pod: pods[0]!.name, container: 'app', previous: false, lines: [LINES[0] ?? ''] }] });
    expect(pickSettingConfigReads({ logs: ev.logs, pods: ev.pods, now: NOW }).filter((r) => r.mechanism === 'missing-queue')).toEqual([]);
  });

  it('names the queue another workload uses when its name is the missing one\'s near twin, as the likely right value', () => {
    const right = 'https://sqs.us-east-2.amazonaws.com/111122223333/stage-invoices-inbound';
    const peers = [
      { deployment: 'billing-reports', env: 'REPORTS_QUEUE_URL', queue: 'billing-reports-stage', value: 'https://sqs.us-east-2.amazonaws.com/111122223333/billing-reports-stage' },
      { deployment: 'invoice-intake', env: 'INVOICES_QUEUE', queue: 'stage-invoices-inbound', value: right },
    ];
    const d = explainMissingQueue([LINES[2] ?? ''], LINES, CONTAINERS, OBJECTS, NOW, { peers });
    expect(d?.summary).toContain('; Deployment invoice-intake uses stage-invoices-inbound, likely the right queue');
    expect(d?.fix).toBe(`set INBOUND_QUEUE_URL in ConfigMap invoice-worker-settings to ${right} (now invoices-inbound-stage) and restart the pods`);
  });

  it('takes a typo as near, and neither an unrelated queue nor a sibling of another direction', () => {
    const peer = (queue: string) => ({ deployment: 'other', env: 'QUEUE_NAME', queue, value: queue });
    expect(findNearQueue('ledger-events-prod', [peer('ledger-evnts-prod')])?.queue).toBe('ledger-evnts-prod');
    expect(findNearQueue('mail-outbound-prod', [peer('mail-inbound-prod')])).toBeUndefined();
    expect(findNearQueue('ledger-events-prod', [peer('ledger-events-prod'), peer('audit-prod')])).toBeUndefined();
  });

  it('reads a queue from a URL, an ARN, or a bare name under a queue key only', () => {
    expect(readQueueValue('ANY', URL)).toBe('invoices-inbound-stage');
    expect(readQueueValue('TARGET', 'arn:aws:sqs:us-east-2:111122223333:jobs.fifo')).toBe('jobs.fifo');
    expect(readQueueValue('WORK_QUEUE', 'jobs-main')).toBe('jobs-main');
    expect(readQueueValue('WORK_QUEUE', 'true')).toBeUndefined();
    expect(readQueueValue('LOG_LEVEL', 'INFO')).toBeUndefined();
  });
});
