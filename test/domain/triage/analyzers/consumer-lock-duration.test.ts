import { describe, expect, it } from 'vitest';
import { analyzeConsumerLockDurations } from '../../../../src/domain/triage/analyzers/consumer-lock-duration.js';
import type { SettingConfigEvidence } from '../../../../src/domain/triage/evidence-setting-config.js';
import { keepSettings, pickSettingConfigReads } from '../../../../src/domain/triage/setting-config.js';
import { parseLockDurationMs } from '../../../../src/domain/triage/message-lock-lost.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { IMAGE_V14, IMAGE_V15, NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

/** A .NET console record: the `fail:` header, the message and the exception indented under it. */
const LOST = (i: number) => [
  'fail: Example.Billing.InvoiceConsumer[31]',
  `      Failed to complete message 5d2c${i}e10-7a3b-4c55-9e21-00000000000${i} (DeliveryCount=${2 + i}, processing took ${38_400 + i * 2_000} ms)`,
  '      Azure.Messaging.ServiceBus.ServiceBusException: The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue. (MessageLockLost)',
  '         at Azure.Messaging.ServiceBus.ServiceBusReceiver.CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken)',
];
const DEAD = 'warn: Example.Billing.QueueStats[3]\n      Queue invoices: DeadLetterMessageCount=52 (last dead-letter reason: MaxDeliveryCountExceeded)';

const CONFIG: SettingConfigEvidence[] = [
  { mechanism: 'message-lock', configMap: 'invoice-consumer-config', key: 'Bus__LockDuration', via: 'envFrom', written: 'Bus__LockDuration=00:00:20' },
  { mechanism: 'message-lock', configMap: 'invoice-consumer-config', key: 'Bus__MaxAutoLockRenewalDuration', via: 'envFrom', written: 'Bus__MaxAutoLockRenewalDuration=00:00:00' },
  { mechanism: 'message-lock', configMap: 'invoice-consumer-config', key: 'Bus__MaxDeliveryCount', via: 'envFrom', written: 'Bus__MaxDeliveryCount=5' },
];

function scenario(lines: string[], o: { config?: SettingConfigEvidence[] } = {}) {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, containers: [container({ image: IMAGE_V15, envFrom: [{ kind: 'configMap', name: 'invoice-consumer-config' }] })] }));
  const base = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })), ...(o.config ? { settingConfig: o.config } : {}) });
  return { ...base, revisions: [revision(REV6, minutesAgo(20 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })] }), revision(REV7, minutesAgo(95), { containers: [revisionContainer({ image: IMAGE_V15 })] })] };
}

describe('analyzeConsumerLockDurations', () => {
  const lines = [...LOST(0), ...LOST(1), ...DEAD.split('\n')];

  it('names the lost message locks, the lock duration and renewal the pods read, the handling time, the dead-lettering, and leads the verdict', () => {
    const ev = scenario(lines, { config: CONFIG });
    const [f] = analyzeConsumerLockDurations(ev);
    expect(f?.title).toBe('Message locks expire before the handler settles the message — Bus__LockDuration=00:00:20 (20s, ConfigMap invoice-consumer-config), Bus__MaxAutoLockRenewalDuration=00:00:00 (no auto-renewal, ConfigMap invoice-consumer-config) while handling a message takes 38.4s–40.4s: completing fails with MessageLockLost, the messages are delivered again and processed twice, and past Bus__MaxDeliveryCount=5 they are dead-lettered (MaxDeliveryCountExceeded) (2 pods, 4 lines); the pods logging it run revision 7 (1h 35m ago: app image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service:2.14.0 → 123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service:2.15.0), a change to test as what made handling slower');
    expect(f?.fix).toBe('let the client renew the lock while the handler runs (Bus__MaxAutoLockRenewalDuration e.g. 00:05:00) or make handling shorter than the lock duration (move the slow step out of the handler); if revision 7 made handling slower, rolling back to revision 6 stops it');
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/MessageLockLost/);
    expect(report.headline).toMatch(/LockDuration=00:00:20/);
  });

  it('says the lock duration was not found rather than guessing one', () => {
    const [f] = analyzeConsumerLockDurations(scenario(lines));
    expect(f?.title).toMatch(/^Message locks expire before the handler settles the message \(lock duration not set in the pods' env or the ConfigMaps read: the queue's own LockDuration\) while handling/);
  });

  it('takes one lost lock, and other Service Bus errors, for nothing', () => {
    expect(analyzeConsumerLockDurations(scenario(LOST(0)))).toEqual([]);
    expect(analyzeConsumerLockDurations(scenario(['Azure.Messaging.ServiceBus.ServiceBusException: The messaging entity could not be found. (MessagingEntityNotFound)', 'Azure.Messaging.ServiceBus.ServiceBusException: The messaging entity could not be found. (MessagingEntityNotFound)', 'Azure.Messaging.ServiceBus.ServiceBusException: The messaging entity could not be found. (MessagingEntityNotFound)']))).toEqual([]);
  });

  it('reads the ConfigMaps the consumer takes variables from, keeping only the lock settings', () => {
    const ev = scenario(lines);
    const reads = pickSettingConfigReads({ logs: ev.logs, pods: ev.pods, now: NOW });
    expect(reads.filter((r) => r.mechanism === 'message-lock').map((r) => r.configMap)).toEqual(['invoice-consumer-config']);
    const read = reads.find((r) => r.mechanism === 'message-lock');
    const kept = read === undefined ? [] : keepSettings(read, 'invoice-consumer-config', { Bus__LockDuration: '00:00:20', Bus__Namespace: 'sb-example.servicebus.windows.net', Bus__MaxDeliveryCount: '5' });
    expect(kept.map((k) => k.written)).toEqual(['Bus__LockDuration=00:00:20', 'Bus__MaxDeliveryCount=5']);
  });

  it('reads lock durations as .NET TimeSpans, ISO 8601 and seconds', () => {
    expect([parseLockDurationMs('00:01:30'), parseLockDurationMs('PT45S'), parseLockDurationMs('60'), parseLockDurationMs('2m'), parseLockDurationMs('soon')]).toEqual([90_000, 45_000, 60_000, 120_000, undefined]);
  });
});
