import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

/** A Python consumer with manual commits dying on a record it cannot validate (offset as given). */
const crashOn = (offset: number): string[] => [
  '2026-11-21 03:10:01,902 INFO [shipment_consumer.main] starting shipment-consumer 2.14.1 (group=fulfilment-shipments, topic=shipments.v3, commit=manual)',
  '2026-11-21 03:10:02,114 INFO [shipment_consumer.worker] partitions assigned: shipments.v3[1]@18441830, shipments.v3[4]@18447029, shipments.v3[7]@18443211',
  `2026-11-21 03:10:02,602 ERROR [shipment_consumer.worker] failed to handle shipments.v3[7]@${offset} key=ORD-88123041 (headers: producer=order-service/9.2.0, type=ShipmentCreated)`,
  'Traceback (most recent call last):',
  '  File "/app/shipment_consumer/worker.py", line 121, in handle',
  '    event = ShipmentCreated.model_validate_json(msg.value())',
  'pydantic_core._pydantic_core.ValidationError: 1 validation error for ShipmentCreated',
  'parcels.0.weight_grams',
  '  Input should be a valid integer, got a number with a fractional part [type=int_from_float, input_value=1250.5, input_type=float]',
  '2026-11-21 03:10:02,604 CRITICAL [shipment_consumer.main] worker loop died, offset of shipments.v3[7] not committed; exiting with status 1',
];

describe('analyzeExitCodes: a poison message every crashed run ends on', () => {
  it('names the record in the title, keeps the exception as the decisive line, and skips or dead-letters it', () => {
    const [f] = analyzeExitCodes(crashScenario(3, (i) => terminated(1, 'Error', 1 + i), { logs: crashOn(18443211) }));
    expect(f?.title).toContain(': a poison message — 3 crashed runs on 3 pods all end on the same input record, shipments.v3[7]@18443211 (key ORD-88123041)');
    expect(f?.decisive).toContain('ValidationError: 1 validation error for ShipmentCreated');
    expect(f?.fix).toMatch(/^skip or dead-letter shipments\.v3\[7\]@18443211 \(advance the consumer group's offset of shipments\.v3 partition 7 to 18443212\), then make the consumer dead-letter/);
    expect(f?.nextAction).toContain('--topic shipments.v3:7 --reset-offsets --to-offset 18443212');
    expect(f?.confidence).toBe('high');
  });

  it('does not call a single crashed run naming an offset a poison message', () => {
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(1, 'Error', 1), { logs: crashOn(18443211) }));
    expect(f?.title).not.toMatch(/poison/);
    expect(f?.fix).toBe('fix what the log names');
  });

  it('does not call runs that end on different records a poison message', () => {
    const ev = crashScenario(2, (i) => terminated(1, 'Error', 1 + i), { logs: crashOn(18443211) });
    const logs = ev.logs.map((l, i) => ({ ...l, lines: crashOn(18443211 + i * 40) }));
    const [f] = analyzeExitCodes({ ...ev, logs });
    expect(f?.title).not.toMatch(/poison/);
  });
});
