import { describe, expect, it } from 'vitest';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { baseEvidence, pod } from './scenarios/builders.js';

const refusal = `Caused by: io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException: Schema being registered is incompatible with an earlier schema for subject "shop.orders-value", details: [{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'currencyCode' at path '/fields/4' in the new schema has no default value and is missing in the old schema', additionalInfo:'currencyCode'}, {oldSchemaVersion: 3}, {validateFields: 'false', compatibility: 'BACKWARD'}]; error code: 409`;
const wrapper = 'org.apache.kafka.common.errors.SerializationException: Error registering Avro schema{"type":"record","name":"OrderPlaced","fields":[]}';
const request = '2026-10-02T08:15:00.000Z ERROR 1 --- [nio-8080-exec-3] c.e.shop.OrderEvents : failed to publish OrderPlaced for ord-5512';

describe('explainClientDiagnosis: a schema registry refusing the new schema (409 incompatible)', () => {
  it('names the refusal, the subject, the error type and field, and advises a default for the field', () => {
    const errors = [request, wrapper, refusal];
    const d = explainClientDiagnosis(errors, errors, []);
    expect(d?.title?.('logs of 2 ready pods')).toBe('Schema refused in the logs of 2 ready pods: the schema registry refuses the new schema for subject shop.orders-value as incompatible with an earlier one (409, BACKWARD): READER_FIELD_MISSING_DEFAULT_VALUE on field currencyCode');
    expect(d?.decisive).toBe('Schema being registered is incompatible with an earlier schema for subject "shop.orders-value" (READER_FIELD_MISSING_DEFAULT_VALUE, field currencyCode)');
    expect(d?.fix).toMatch(/^give field currencyCode a default/);
    expect(d?.nextAction).not.toMatch(/read the logs/i);
  });

  it('reads an older registry\'s bare refusal', () => {
    const bare = 'RestClientException: Schema being registered is incompatible with an earlier schema; error code: 409';
    const d = explainClientDiagnosis([bare], [bare], []);
    expect(d?.summary).toBe('the schema registry refuses the new schema as incompatible with an earlier one (409)');
    expect(d?.fix).toMatch(/compatible with the registered one/);
  });

  it('the ready pods\' log finding leads with the refusal, not a count of error lines', () => {
    const p = pod(2);
    const lines = [1, 2, 3, 4, 5, 6].flatMap(() => [request, wrapper, refusal]);
    const [f] = findUnexplained(baseEvidence({ logs: [{ pod: p.name, container: 'app', previous: false, lines }] }), []);
    expect(f?.title).toMatch(/^Schema refused in the logs of 1 ready pod: the schema registry refuses the new schema/);
    expect(f?.fix).toMatch(/currencyCode/);
  });
});
