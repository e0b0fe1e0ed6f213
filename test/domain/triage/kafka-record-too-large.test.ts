import { describe, expect, it } from 'vitest';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { baseEvidence, pod } from './scenarios/builders.js';

const refused = (n: number) => `org.apache.kafka.common.errors.RecordTooLargeException: The message is ${n} bytes when serialized which is larger than 1048576, which is the value of the max.request.size configuration.`;
const wrapper = '2026-11-21T03:10:00.000Z ERROR 1 --- [nio-8080-exec-2] c.e.orders.web.OrderController : POST /v1/orders 500: org.springframework.kafka.KafkaException: Send failed';

describe('explainClientDiagnosis: a Kafka producer refusing records over max.request.size', () => {
  it('names RecordTooLarge, the sizes against the limit, quotes the refusal rather than the wrapper, and advises shrinking or raising the limits together', () => {
    const errors = [refused(1_500_000), wrapper, refused(2_400_000), wrapper];
    const d = explainClientDiagnosis(errors, errors, []);
    expect(d?.title?.('logs of 3 ready pods')).toMatch(/^RecordTooLargeException in the logs of 3 ready pods/);
    expect(d?.summary).toContain('max.request.size of 1048576 bytes (1 MB)');
    expect(d?.summary).toContain('2 records of 1500000–2400000 bytes');
    expect(d?.decisive).toMatch(/^RecordTooLargeException: The message is 2400000 bytes/);
    expect(d?.likelyCause).toContain('Send failed');
    expect(d?.fix).toMatch(/reference/);
    expect(d?.fix).toMatch(/max\.message\.bytes/);
  });

  it('reads the broker-side refusal too', () => {
    const line = 'WARN [kafka-producer-network-thread | producer-1] o.a.k.c.p.i.Sender - Got error produce response in correlation id 8812 on topic-partition events-3, splitting and retrying (2147483647 attempts left). Error: MESSAGE_TOO_LARGE';
    const ex = 'org.apache.kafka.common.errors.RecordTooLargeException: The request included a message larger than the max message size the server will accept.';
    const d = explainClientDiagnosis([line, ex], [line, ex], []);
    expect(d?.title?.('logs of 1 ready pod')).toMatch(/RecordTooLarge/);
    expect(d?.summary).toMatch(/max\.message\.bytes/);
    expect(d?.decisive).toMatch(/^RecordTooLargeException: The request included/);
  });

  it('leaves other Kafka errors alone', () => {
    const other = 'org.apache.kafka.common.errors.TimeoutException: Expiring 3 record(s) for events-1: 120000 ms has passed since batch creation';
    expect(explainClientDiagnosis([other], [other], [])).toBeUndefined();
  });

  it('the ready pods\' log finding quotes the refusal, not the wrapper the request failed with', () => {
    const p = pod(3);
    const lines = [1, 2, 3].flatMap((n) => ['2026-11-21T03:10:00.000Z ERROR 1 --- [nio-8080-exec-1] o.s.k.support.LoggingProducerListener : Exception thrown when sending a message with key=\'k\' to topic events:', refused(1_200_000 + n), wrapper]);
    const [f] = findUnexplained(baseEvidence({ logs: [{ pod: p.name, container: 'app', previous: false, lines }] }), []);
    expect(f?.title).toMatch(/^RecordTooLargeException in the logs of 1 ready pod: the Kafka producer refuses records larger than its max\.request\.size/);
    expect(f?.decisive).toMatch(/^RecordTooLargeException: The message is 1200003 bytes/);
  });
});
