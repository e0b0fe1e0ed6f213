import { describe, expect, it } from 'vitest';
import { describeInputItem, findInputItems, findLastInputItem, findPoisonMessage } from '../../../src/domain/triage/poison-message.js';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';

const PY_CRASH = (offset: number) => [
  '2026-11-21 03:10:02,114 INFO [shipment_consumer.worker] partitions assigned: shipments.v3[0]@18440000, shipments.v3[3]@18445199, shipments.v3[7]@18443211',
  '2026-11-21 03:10:02,361 INFO [shipment_consumer.worker] processed shipments.v3[0]@18440000 key=ORD-88124410 in 41ms',
  `2026-11-21 03:10:02,602 ERROR [shipment_consumer.worker] failed to handle shipments.v3[7]@${offset} key=ORD-88123041 (headers: producer=order-service/9.2.0, type=ShipmentCreated)`,
  'Traceback (most recent call last):',
  '  File "/app/shipment_consumer/worker.py", line 121, in handle',
  '    event = ShipmentCreated.model_validate_json(msg.value())',
  'pydantic_core._pydantic_core.ValidationError: 1 validation error for ShipmentCreated',
  'parcels.0.weight_grams',
  '  Input should be a valid integer, got a number with a fractional part [type=int_from_float, input_value=1250.5, input_type=float]',
  '2026-11-21 03:10:02,604 CRITICAL [shipment_consumer.main] worker loop died, offset of shipments.v3[7] not committed; exiting with status 1',
];

const log = (pod: string, lines: string[], previous = true): LogEvidence => ({ pod, container: 'app', previous, lines });

describe('findInputItems: the record a consumer\'s log line names', () => {
  it('reads librdkafka\'s topic[partition]@offset with the record key', () => {
    expect(findInputItems(PY_CRASH(18443211)[2] ?? '')).toEqual([{ id: 'shipments.v3[7]@18443211', topic: 'shipments.v3', partition: 7, offset: 18443211, key: 'ORD-88123041' }]);
  });

  it('reads the Java client\'s "topic-7 at offset N" and Spring\'s "topic-7@N"', () => {
    expect(findInputItems('org.apache.kafka.common.errors.RecordDeserializationException: Error deserializing key/value for partition shipments.v3-7 at offset 18443211. If needed, please seek past the record to continue consumption.')).toMatchObject([{ id: 'shipments.v3[7]@18443211' }]);
    expect(findInputItems('ERROR o.s.k.l.KafkaMessageListenerContainer - Record in retry and not yet recovered: shipments.v3-7@18443211')).toMatchObject([{ topic: 'shipments.v3', partition: 7, offset: 18443211 }]);
  });

  it('reads field lists: kafka-python\'s ConsumerRecord, logfmt, JSON', () => {
    expect(findInputItems("handling ConsumerRecord(topic='shipments.v3', partition=7, offset=18443211, timestamp=1763694602114, key=b'ORD-88123041')")).toMatchObject([{ id: 'shipments.v3[7]@18443211' }]);
    expect(findInputItems('{"level":"error","msg":"handler failed","topic":"orders","partition":2,"offset":991}')).toMatchObject([{ id: 'orders[2]@991' }]);
  });

  it('reads an SQS MessageId, and a key alone only on a line about handling a record', () => {
    expect(findInputItems('ERROR processing message MessageId: 7b1c2f3e-4a5d-4e6f-8a9b-0c1d2e3f4a5b from orders-queue')).toMatchObject([{ id: 'message 7b1c2f3e-4a5d-4e6f-8a9b-0c1d2e3f4a5b' }]);
    expect(findInputItems('failed to process event key=ORD-88123041')).toMatchObject([{ id: 'key ORD-88123041' }]);
    expect(findInputItems('loaded config key=feature-flags from /etc/app')).toEqual([]);
  });

  it('names every record of an assignment list', () => {
    expect(findInputItems(PY_CRASH(18443211)[0] ?? '')).toHaveLength(3);
  });

  it('tells the record with its key, or the partition and offset when no topic is named', () => {
    expect(describeInputItem({ id: 'x', topic: 'shipments.v3', partition: 7, offset: 18443211, key: 'ORD-88123041' })).toBe('shipments.v3[7]@18443211 (key ORD-88123041)');
    expect(describeInputItem({ id: 'x', partition: 7, offset: 18443211 })).toBe('partition 7 offset 18443211');
  });
});

describe('findLastInputItem: the record a crashed run ended on', () => {
  it('takes the last line naming one record, not the assignment list', () => {
    expect(findLastInputItem(PY_CRASH(18443211))?.item.id).toBe('shipments.v3[7]@18443211');
  });

  it('is none when a dependency failure follows: the database is down, not the record poisoned', () => {
    const lines = [
      '2026-11-21 03:10:02,602 INFO [worker] handling shipments.v3[7]@18443211 key=ORD-88123041',
      'psycopg2.OperationalError: connection to server at "orders-db.fulfilment.svc.cluster.local" (10.100.4.12), port 5432 failed: Connection refused',
    ];
    expect(findLastInputItem(lines)).toBeUndefined();
  });
});

describe('findPoisonMessage: the same record at the end of two or more crashed runs', () => {
  it('finds the record every pod\'s previous run ended on', () => {
    const found = findPoisonMessage([log('p0', PY_CRASH(18443211)), log('p1', PY_CRASH(18443211)), log('p2', PY_CRASH(18443211))], new Set());
    expect(found?.item).toMatchObject({ id: 'shipments.v3[7]@18443211', key: 'ORD-88123041' });
    expect(found?.runs.map((r) => r.pod)).toEqual(['p0', 'p1', 'p2']);
  });

  it('does not call one crashed run a poison message, nor runs that end on different records', () => {
    expect(findPoisonMessage([log('p0', PY_CRASH(18443211))], new Set())).toBeUndefined();
    expect(findPoisonMessage([log('p0', PY_CRASH(18443211)), log('p1', PY_CRASH(18443298))], new Set())).toBeUndefined();
  });

  it('counts a waiting container\'s current log (the same run as its previous) once, and a terminated one\'s as another run', () => {
    const runs = [log('p0', PY_CRASH(18443211)), log('p0', PY_CRASH(18443211), false)];
    expect(findPoisonMessage(runs, new Set())).toBeUndefined();
    const restarted = [log('p0', PY_CRASH(18443211)), log('p0', [...PY_CRASH(18443211), '2026-11-21 03:12:00,000 INFO [shipment_consumer.main] bye'], false)];
    expect(findPoisonMessage(restarted, new Set(['p0']))?.runs).toHaveLength(2);
    expect(findPoisonMessage(restarted, new Set())).toBeUndefined();
  });
});
