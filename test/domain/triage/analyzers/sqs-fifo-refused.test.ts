// Sends refused by SQS because the queue is a FIFO queue and they carry no MessageGroupId: the
// queue setting the pods read (a ConfigMap key, a literal env value, or only the logs) names the
// .fifo queue; the fix is to point it back, and a ConfigMap is not undone by a Deployment rollback.
import { describe, expect, it } from 'vitest';
import { analyzeSqsFifoRefused } from '../../../../src/domain/triage/analyzers/sqs-fifo-refused.js';
import type { SettingConfigEvidence } from '../../../../src/domain/triage/evidence-setting-config.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const SENT = (m: number) => `${minutesAgo(m)} ERROR 1 --- [outbox-1] c.a.billing.OutboxRelay : send failed, will retry`;
const REFUSED = 'software.amazon.awssdk.services.sqs.model.SqsException: The request must contain the parameter MessageGroupId. (Service: Sqs, Status Code: 400, Request ID: 5d1c)';
const BOTO = (m: number) => `${minutesAgo(m).replace('T', ' ').replace('Z', '')} ERROR relay: An error occurred (MissingParameter) when calling the SendMessage operation: The request must contain the parameter MessageGroupId.`;
const CONFIG: SettingConfigEvidence = { mechanism: 'queue-fifo', configMap: 'billing-config', key: 'EVENTS_QUEUE_URL', via: 'envFrom', written: 'EVENTS_QUEUE_URL=https://sqs.us-east-1.amazonaws.com/42/invoices.fifo' };

function scenario(lines: string[], o: { config?: SettingConfigEvidence[]; env?: { name: string; value: string }[] } = {}) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ envFrom: [{ kind: 'configMap', name: 'billing-config' }], env: o.env ?? [] })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })), ...(o.config ? { settingConfig: o.config } : {}) });
}

describe('analyzeSqsFifoRefused', () => {
  it('names the FIFO queue and the ConfigMap setting that points at it, and says to point it back rather than roll back', () => {
    const lines = [SENT(9), REFUSED, SENT(5), REFUSED];
    const [f] = analyzeSqsFifoRefused(scenario(lines, { config: [CONFIG] }));
    expect(f?.title).toMatch(/^SQS refuses every send to the FIFO queue invoices\.fifo: a FIFO queue requires a MessageGroupId and the sends carry none \(400 MissingParameter\) — EVENTS_QUEUE_URL=\S+invoices\.fifo in ConfigMap billing-config \(envFrom\) — 4 refused sends in the logs of 2 pods$/);
    expect(f?.onset).toBe(minutesAgo(9));
    expect(f?.fix).toMatch(/^point EVENTS_QUEUE_URL in ConfigMap billing-config back at the standard queue/);
    expect(f?.outsideWorkload).toMatch(/rollback of the Deployment sends to the same FIFO queue/);
    const r = buildTriageReport(scenario(lines, { config: [CONFIG] }), { startedAt: NOW, finishedAt: NOW });
    if (process.env.SHOW) console.log(r.headline);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/invoices\.fifo/);
    expect(r.headline).not.toMatch(/roll(ing)? ?back to/i);
  });

  it('takes the queue from a literal env value, or from the logs, and needs two refusals', () => {
    const [fromEnv] = analyzeSqsFifoRefused(scenario([BOTO(4), BOTO(2)], { env: [{ name: 'QUEUE', value: 'payments.fifo' }] }));
    expect(fromEnv?.title).toMatch(/FIFO queue payments\.fifo[^\n]*— QUEUE=payments\.fifo in the pod template's env/);
    const [fromLog] = analyzeSqsFifoRefused(scenario(['publishing to https://sqs.eu-west-1.amazonaws.com/42/ledger.fifo', BOTO(4), BOTO(2)]));
    expect(fromLog?.title).toMatch(/^SQS refuses every send to the FIFO queue ledger\.fifo: /);
    const once = scenario([BOTO(4)]);
    expect(analyzeSqsFifoRefused({ ...once, logs: once.logs.slice(0, 1) })).toEqual([]);
  });
});
