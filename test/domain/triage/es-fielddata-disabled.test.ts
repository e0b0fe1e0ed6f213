import { describe, expect, it } from 'vitest';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';

const REFUSED = "2026-11-21 03:04:00,000 ERROR app.reports: report by_customer failed: BadRequestError(400, 'search_phase_execution_exception', 'Text fields are not optimised for operations that require per-document field data like aggregations and sorting, so these operations are disabled by default. Please use a keyword field instead. Alternatively, set fielddata=true on [customer_name] in order to load field data by uninverting the inverted index. Note that this can use significant memory.')";
const OLD_WORDING = '{"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"Fielddata is disabled on text fields by default. Set fielddata=true on [city] in order to load fielddata in memory by uninverting the inverted index."}]},"status":400}';

describe('Elasticsearch refusing an aggregation on a text field (fielddata disabled)', () => {
  it('names the field, says it is a text field that needs a keyword (sub)field, and does not advise fielddata=true', () => {
    const told = explainClientDiagnosis([REFUSED], [REFUSED], []);
    expect(told?.summary).toMatch(/\[customer_name\]/);
    expect(told?.summary).toMatch(/text field/);
    expect(told?.fix).toMatch(/customer_name\.keyword/);
    expect(told?.fix).toMatch(/not fielddata=true/);
  });
  it('reads the older wording too', () => {
    expect(explainClientDiagnosis([OLD_WORDING], [OLD_WORDING], [])?.summary).toMatch(/\[city\]/);
  });
});
