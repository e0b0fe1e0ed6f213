// A consumer that cannot take the messages it is sent — a Celery worker discarding a task it has not
// registered, a Kafka deserializer's "Unknown magic byte!" — while its own revision is days old: the
// verdict names the other Deployment of the namespace that rolled out just before (tied to it by
// the lines, the topic in its env, the same image), quotes the task or the serializer it changed,
// and advises by who is behind: the worker forward to the producer's release of the same code, or
// the producer of another codebase back until the consumer reads the new format.
import { describe, expect, it } from 'vitest';
import { analyzeMessageContract } from '../../../../src/domain/triage/analyzers/message-contract.js';
import type { NamespaceRolloutEvidence, RolloutRevisionEvidence } from '../../../../src/domain/triage/evidence.js';
import { readContractLine } from '../../../../src/domain/triage/message-contract.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod, revisionContainer } from '../scenarios/builders.js';

const REPO = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service';
const TASK = 'payments.tasks.receipts.render_receipt_pdf';
const stamp = (m: number) => minutesAgo(m).replace('T', ' ').replace('Z', ',000');
const celery = (m: number) => [
  `[${stamp(m)}: ERROR/MainProcess] Received unregistered task of type '${TASK}'.`,
  'The message has been ignored and discarded.',
  `{'lang': 'py', 'task': '${TASK}', 'origin': 'gen7@payment-api'}`,
  `KeyError: '${TASK}'`,
];
const kafka = (m: number) => [
  `${minutesAgo(m)} ERROR 1 --- [ntainer#0-0-C-1] o.s.k.l.DefaultErrorHandler : Backoff exhausted for orders.v1-0@${m}`,
  'Caused by: org.apache.kafka.common.errors.SerializationException: Unknown magic byte!',
  '\tat io.confluent.kafka.serializers.json.AbstractKafkaJsonSchemaDeserializer.deserialize(AbstractKafkaJsonSchemaDeserializer.java:120)',
  `${minutesAgo(m)}  WARN 1 --- [ntainer#0-0-C-1] c.a.DeadLetterPublisher : record sent to orders.v1.DLT`,
];

function rev(revision: number, createdAt: string, image: string, env: { name: string; value: string }[] = []): RolloutRevisionEvidence {
  return { revision, name: `x-${revision}`, hash: `h${revision}`, createdAt, replicas: 2, containers: [revisionContainer({ image, env })] };
}

function scenario(o: { lines: string[]; env?: { name: string; value: string }[]; rollouts: NamespaceRolloutEvidence[] }) {
  const pods = [0, 1, 2].map((i) => pod(i, { containers: [container({ env: o.env ?? [] })] }));
  return baseEvidence({
    pods,
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: o.lines })),
    namespaceRollouts: o.rollouts,
  });
}

const celeryLines = [40, 30, 20, 10].flatMap(celery);
const kafkaLines = [40, 30, 20, 10].flatMap(kafka);
const topic = { name: 'KAFKA_TOPIC', value: 'orders.v1' };
const producer = (over: Partial<NamespaceRolloutEvidence> = {}): NamespaceRolloutEvidence => ({
  deployment: 'order-writer',
  labels: { app: 'order-writer' },
  revisions: [
    rev(23, minutesAgo(47), 'registry.example.com/order-writer:6.0.0', [topic, { name: 'VALUE_SERIALIZER', value: 'com.amazonaws.services.schemaregistry.serializers.GlueSchemaRegistryKafkaSerializer' }]),
    rev(22, minutesAgo(12 * 24 * 60), 'registry.example.com/order-writer:5.8.2', [topic, { name: 'VALUE_SERIALIZER', value: 'io.confluent.kafka.serializers.json.KafkaJsonSchemaSerializer' }]),
  ],
  ...over,
});

describe('messages a consumer cannot take after another workload rolled out', () => {
  it('reads Celery\'s unregistered task, Confluent\'s magic byte and unknown fields, and not a bare KeyError', () => {
    expect(readContractLine(`[x: ERROR/MainProcess] Received unregistered task of type '${TASK}'.`)).toMatchObject({ kind: 'unregistered-task', subject: TASK });
    expect(readContractLine('Caused by: org.apache.kafka.common.errors.SerializationException: Unknown magic byte!')).toMatchObject({ kind: 'framing', quote: 'SerializationException: Unknown magic byte!' });
    expect(readContractLine('decode order: json: unknown field "currency_code"')).toMatchObject({ kind: 'decode', subject: 'currency_code' });
    expect(readContractLine(`KeyError: '${TASK}'`)).toBeUndefined();
  });

  it('reads an event rejected for an empty required field, and a Protobuf unknown field number, as a contract break', () => {
    expect(readContractLine('WARN c.a.billing.PaymentEventHandler : PaymentCaptured rejected (partition 1, offset 1884220): customer_id is empty; event=payment_id: "pay_x" currency: "EUR" 3: 1900')).toMatchObject({ kind: 'decode', subject: 'customer_id' });
    expect(readContractLine('level=warn msg="message discarded: required field order_id is missing"')).toMatchObject({ kind: 'decode', subject: 'order_id' });
    expect(readContractLine('GET /v1/orders 400: customer_id is empty')).toBeUndefined();
  });

  it("reads a peer's response carrying an enum value the client does not know (Jackson, serde) as a contract break", () => {
    expect(readContractLine('com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `com.x.PaymentStatus` from String "PARTIALLY_REFUNDED": not one of the values accepted for Enum class: [PAID, REFUNDED]')).toMatchObject({ kind: 'decode', subject: 'PARTIALLY_REFUNDED' });
    expect(readContractLine('Error("unknown variant `ON_HOLD`, expected one of `OPEN`, `CLOSED`", line: 1, column: 20)')).toMatchObject({ kind: 'decode', subject: 'ON_HOLD' });
    expect(readContractLine('InvalidFormatException: Cannot deserialize value of type `java.time.LocalDate` from String "yesterday"')).toBeUndefined();
  });

  it('names the producer of the same code and rolls the worker forward to its release, never back', () => {
    const ev = scenario({
      lines: celeryLines,
      rollouts: [{ deployment: 'payment-api', labels: { app: 'payment-api' }, revisions: [rev(58, minutesAgo(45), `${REPO}:2.19.0`), rev(57, minutesAgo(9 * 24 * 60), `${REPO}:2.14.0`)] }],
    });
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(new RegExp(`tasks of type '${TASK}' it has not registered, which payment-api sends since its revision 58 \\(2\\.19\\.0, 45m ago\\)`));
    expect(report.headline).toMatch(/Roll payment-service forward to 2\.19\.0/);
    expect(report.headline).not.toMatch(/back|no change found/);
    const [f] = analyzeMessageContract(ev);
    expect(f?.evidence.join('\n')).toMatch(/payment-api is the sender: the log names it \('origin': 'gen7@payment-api'\)/);
    expect(f?.confidence).toBe('high');
  });

  it('names the producer of another codebase by the topic both use, with the serializer it changed, and rolls it back', () => {
    const report = buildTriageReport(scenario({ lines: kafkaLines, env: [topic], rollouts: [producer()] }), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/cannot deserialize the messages order-writer writes since its revision 23 \(6\.0\.0, 47m ago\) changed VALUE_SERIALIZER KafkaJsonSchemaSerializer → GlueSchemaRegistryKafkaSerializer/);
    expect(report.headline).toMatch(/Unknown magic byte!/);
    expect(report.headline).toMatch(/Roll order-writer back to revision 22 \(5\.8\.2\)/);
    expect(report.headline).toMatch(/replay the dead-lettered messages/);
  });

  it('claims no rollout that came after the first failure, or long before it with nothing tying it', () => {
    const late = producer({ revisions: [rev(24, minutesAgo(25), 'registry.example.com/order-writer:6.0.1', [topic]), rev(23, minutesAgo(9 * 24 * 60), 'registry.example.com/order-writer:6.0.0', [topic])] });
    const untied = producer({ deployment: 'promo-rules', revisions: [rev(41, minutesAgo(110), 'registry.example.com/promo-rules:1.2.1'), rev(40, minutesAgo(6 * 24 * 60), 'registry.example.com/promo-rules:1.2.0')] });
    const [f] = analyzeMessageContract(scenario({ lines: kafkaLines, env: [topic], rollouts: [late, untied] }));
    expect(f?.title).toMatch(/^payment-service cannot deserialize the messages it is sent: 8 in 2 ready pods$/);
    expect(f?.datesChange).toBeUndefined();
    expect(f?.outsideWorkload).toBeUndefined();
  });

  it('names the nearest untied rollout just before the failures as that, with less confidence', () => {
    const near = producer({ deployment: 'promo-rules', revisions: [rev(41, minutesAgo(50), 'registry.example.com/promo-rules:1.2.1'), rev(40, minutesAgo(6 * 24 * 60), 'registry.example.com/promo-rules:1.2.0')] });
    const [f] = analyzeMessageContract(scenario({ lines: kafkaLines, rollouts: [near] }));
    expect(f?.title).toMatch(/promo-rules writes since its revision 41/);
    expect(f?.evidence.join('\n')).toMatch(/promo-rules is the nearest rollout of the namespace before the first failure/);
    expect(f?.confidence).toBe('medium');
  });

  it('leaves the change to the workload\'s own rollout when it came after the producer\'s, before the failures', () => {
    const ev = scenario({ lines: kafkaLines, env: [topic], rollouts: [producer()] });
    ev.revisions = [...ev.revisions, { revision: 7, name: 'payment-service-5f7d9c8b64', hash: '5f7d9c8b64', createdAt: minutesAgo(43), replicas: 3, containers: [revisionContainer({ image: `${REPO}:2.15.0` })] }];
    const [f] = analyzeMessageContract(ev);
    expect(f?.title).not.toMatch(/order-writer/);
  });

  it("names the NATS responder whose new revision left the subject the requester still uses, and rolls the responder back", () => {
    const nats = { name: 'NATS_URL', value: 'nats://nats.pricing.svc:4222' };
    const noResponders = (m: number) => `{"level":"error","ts":"${minutesAgo(m)}","msg":"quote request failed","subject":"pricing.quote.request","error":"nats: no responders available for request"}`;
    expect(readContractLine(noResponders(5))).toMatchObject({ kind: 'no-responders', subject: 'pricing.quote.request' });
    const responder: NamespaceRolloutEvidence = {
      deployment: 'pricing-engine',
      labels: { app: 'pricing-engine' },
      revisions: [
        rev(14, minutesAgo(34), 'registry.example.com/pricing-engine:2.8.0', [nats, { name: 'QUOTE_SUBJECT', value: 'pricing.v2.quote.request' }]),
        rev(13, minutesAgo(15 * 24 * 60), 'registry.example.com/pricing-engine:2.7.2', [nats, { name: 'QUOTE_SUBJECT', value: 'pricing.quote.request' }]),
      ],
    };
    const [f] = analyzeMessageContract(scenario({ lines: [30, 20, 10, 5].map(noResponders), env: [nats, { name: 'QUOTE_SUBJECT', value: 'pricing.quote.request' }], rollouts: [responder] }));
    expect(f?.title).toMatch(/^payment-service's requests on subject pricing\.quote\.request get no responders \(NATS\): nothing subscribes to it since pricing-engine's revision 14 \(2\.8\.0, 34m ago\) changed QUOTE_SUBJECT/);
    expect(f?.fix).toMatch(/^roll pricing-engine back to revision 13 \(2\.7\.2\)/);
    expect(f?.evidence.join('\n')).toMatch(/pricing-engine is the responder/);
  });

  it('says nothing for one bad record in a ready pod', () => {
    expect(analyzeMessageContract(scenario({ lines: kafka(10), rollouts: [producer()] }))).toEqual([]);
  });
});
