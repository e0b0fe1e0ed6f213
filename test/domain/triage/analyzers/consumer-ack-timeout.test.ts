import { describe, expect, it } from 'vitest';
import { analyzeConsumerAckTimeouts } from '../../../../src/domain/triage/analyzers/consumer-ack-timeout.js';
import { ANALYZERS, runAnalyzers } from '../../../../src/domain/triage/analyzers/index.js';
import { REV6, REV7, baseEvidence, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const PIKA = "2026-11-21 02:44:02,117 WARNING pika.channel: Received remote Channel.Close (406): 'PRECONDITION_FAILED - delivery acknowledgement on channel 1 timed out. Timeout value used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more' on <Channel number=1 OPEN>";
const AMQPLIB = 'Error: Channel closed by server: 406 (PRECONDITION-FAILED) with message "PRECONDITION_FAILED - delivery acknowledgement on channel 1 timed out. Timeout value used: 900000 ms. This timeout value can be configured, see consumers doc guide to learn more"';

function scenario(lines: string[], prefetch: [string, string] = ['1', '50']) {
  const pods = [0, 1].map((i) => pod(i));
  const base = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
  const env = (n: string) => [{ name: 'RABBITMQ_QUEUE', value: 'invoices.render' }, { name: 'RABBITMQ_PREFETCH', value: n }];
  return { ...base, revisions: [revision(REV6, minutesAgo(12 * 24 * 60), { containers: [revisionContainer({ env: env(prefetch[0]) })] }), revision(REV7, minutesAgo(97), { containers: [revisionContainer({ env: env(prefetch[1]) })] })] };
}

describe('analyzeConsumerAckTimeouts', () => {
  it('reads one channel the broker closed for an ack timeout as a failure, with the prefetch the last revision raised', () => {
    const [f] = analyzeConsumerAckTimeouts(scenario([PIKA]));
    expect(f?.title).toBe('RabbitMQ closes the consumers\' channel with 406 PRECONDITION_FAILED: deliveries stay unacknowledged past consumer_timeout (1800000 ms = 30m), so all unacked ones are requeued and redone (2 pods, 2 lines); revision 7 (1h 37m ago) changed RABBITMQ_PREFETCH: "1" → "50": each consumer holds 50 deliveries (RABBITMQ_PREFETCH), so the last times out once a job takes over 36s');
    expect(f?.severity).toBe('critical');
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toBe('set RABBITMQ_PREFETCH="1" again, or raise consumer_timeout');
    expect(runAnalyzers(scenario([PIKA]), { 'consumer-ack-timeout': ANALYZERS['consumer-ack-timeout'] ?? (() => []) }).findings.map((x) => x.id)).toEqual(['consumer-group/ack-timeout']);
  });

  it('reads the Node client\'s words and the timeout it quotes, without a change to blame', () => {
    const [f] = analyzeConsumerAckTimeouts(scenario([AMQPLIB], ['50', '50']));
    expect(f?.title).toMatch(/past consumer_timeout \(900000 ms = 15m\), .*\(2 pods, 2 lines\): each consumer holds 50 deliveries \(RABBITMQ_PREFETCH\), so the last times out once a job takes over 18s$/);
    expect(f?.datesChange).toBeUndefined();
  });

  it('takes ordinary consumer lines and other channel errors for nothing', () => {
    expect(analyzeConsumerAckTimeouts(scenario(['INFO consuming queue=invoices.render prefetch_count=50', "PRECONDITION_FAILED - inequivalent arg 'x-queue-type' for queue 'jobs'"]))).toEqual([]);
  });
});
