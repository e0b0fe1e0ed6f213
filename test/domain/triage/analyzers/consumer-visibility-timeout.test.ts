import { describe, expect, it } from 'vitest';
import { analyzeConsumerVisibilityTimeouts } from '../../../../src/domain/triage/analyzers/consumer-visibility-timeout.js';
import { ANALYZERS, runAnalyzers } from '../../../../src/domain/triage/analyzers/index.js';
import type { SettingConfigEvidence } from '../../../../src/domain/triage/evidence-setting-config.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const epoch = (agoMin: number) => Date.parse(minutesAgo(agoMin));
const EXPIRED = (ago: number) => `{"level":50,"time":${epoch(ago)},"msg":"DeleteMessageBatch partially failed","failed":6,"entries":[{"Id":"m7","Code":"ReceiptHandleIsInvalid","Message":"The receipt handle has expired.","SenderFault":true}]}`;
const BATCH = (ago: number, ms: number) => `{"level":30,"time":${epoch(ago)},"msg":"batch processed","count":10,"elapsedMs":${ms}}`;
const BOTO = '2026-11-21 03:01:12,044 ERROR worker: delete_message failed: An error occurred (ReceiptHandleIsInvalid) when calling the DeleteMessage operation: The receipt handle has expired. (took 41.7s for batch of 10 messages)';

const CONFIG: SettingConfigEvidence = { mechanism: 'queue-visibility', configMap: 'notifier-config', key: 'SQS_VISIBILITY_TIMEOUT_SECONDS', via: 'envFrom', written: 'SQS_VISIBILITY_TIMEOUT_SECONDS=30' };

function scenario(lines: string[], o: { config?: SettingConfigEvidence[]; batch?: [string, string]; env?: { name: string; value: string }[] } = {}) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ envFrom: [{ kind: 'configMap', name: 'notifier-config' }], env: o.env ?? [] })] }));
  const base = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })), ...(o.config ? { settingConfig: o.config } : {}) });
  const env = (n: string) => [{ name: 'SQS_MAX_MESSAGES', value: n }];
  const [was, now] = o.batch ?? ['1', '10'];
  return { ...base, revisions: [revision(REV6, minutesAgo(17 * 24 * 60), { containers: [revisionContainer({ env: env(was) })] }), revision(REV7, minutesAgo(312), { containers: [revisionContainer({ env: env(now) })] })] };
}

describe('analyzeConsumerVisibilityTimeouts', () => {
  it('names the visibility timeout the pods read from their ConfigMap, the batch time the logs show, and the revision that raised the batch size', () => {
    const lines = [BATCH(30, 44_200), EXPIRED(29.9), BATCH(26, 52_100), EXPIRED(25.9)];
    const [f] = analyzeConsumerVisibilityTimeouts(scenario(lines, { config: [CONFIG] }));
    expect(f?.title).toBe('SQS messages outlast their visibility timeout — SQS_VISIBILITY_TIMEOUT_SECONDS=30 (30s, ConfigMap notifier-config) while a batch takes 44.2s–52.1s: they become visible again mid-batch, are delivered and processed twice, and the late deletes fail with ReceiptHandleIsInvalid (2 pods, 4 lines); revision 7 (5h 12m ago) changed SQS_MAX_MESSAGES: "1" → "10"');
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toBe('raise SQS_VISIBILITY_TIMEOUT_SECONDS above the batch time (52.1s; e.g. 180), or extend the visibility with ChangeMessageVisibility while a batch runs, or set SQS_MAX_MESSAGES="1" again');
    expect(runAnalyzers(scenario(lines, { config: [CONFIG] }), { 'consumer-visibility-timeout': ANALYZERS['consumer-visibility-timeout'] ?? (() => []) }).findings.map((x) => x.id)).toEqual(['consumer-group/visibility-timeout']);
  });

  it('takes the timeout from a literal env var, or from the consumer\'s own log, and the batch time from prose', () => {
    const [fromEnv] = analyzeConsumerVisibilityTimeouts(scenario([BOTO, BOTO], { env: [{ name: 'VISIBILITY_TIMEOUT', value: '30s' }], batch: ['10', '10'] }));
    expect(fromEnv?.title).toMatch(/^SQS messages outlast their visibility timeout — VISIBILITY_TIMEOUT=30s \(30s, env\) while a batch takes 41\.7s: .*\(2 pods, 4 lines\)$/);
    expect(fromEnv?.datesChange).toBeUndefined();
    const start = '{"level":30,"msg":"consumer starting","queue":"jobs","maxMessages":10,"visibilityTimeout":45}';
    const [fromLog] = analyzeConsumerVisibilityTimeouts(scenario([start, EXPIRED(3), EXPIRED(2)], { batch: ['10', '10'] }));
    expect(fromLog?.title).toMatch(/^SQS messages outlast their visibility timeout — visibilityTimeout=45 \(45s, the consumer's log\): they become visible again/);
    expect(fromLog?.fix).toMatch(/^raise the visibility timeout above the batch time, or extend/);
  });

  it('says the timeout was not found rather than guessing one', () => {
    const [f] = analyzeConsumerVisibilityTimeouts(scenario([EXPIRED(3), EXPIRED(2)], { batch: ['10', '10'] }));
    expect(f?.title).toMatch(/^SQS messages outlast their visibility timeout \(not set in the pods' env or the ConfigMaps read: the queue's own attribute\): they become/);
  });

  it('takes one expired handle, and other SQS errors, for nothing', () => {
    expect(analyzeConsumerVisibilityTimeouts(scenario([EXPIRED(3), BATCH(2, 900)]))).toEqual([]);
    expect(analyzeConsumerVisibilityTimeouts(scenario(['An error occurred (AWS.SimpleQueueService.NonExistentQueue) when calling the ReceiveMessage operation', 'An error occurred (AccessDenied) when calling the DeleteMessage operation']))).toEqual([]);
  });
});
