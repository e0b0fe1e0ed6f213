import { describe, expect, it } from 'vitest';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';
import { shortenQuote } from '../../../src/domain/triage/quote-shorten.js';

const JS_CLIENT = 'report paging failed: ResponseError: search_phase_execution_exception: [illegal_argument_exception] Reason: Result window is too large, from + size must be less than or equal to: [10000] but was [10050]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.';
const JSON_BODY = '{"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"Result window is too large, from + size must be less than or equal to: [5000] but was [5020]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting."}]},"status":400}';

describe('Elasticsearch refusing a page past the result window (deep from/size paging)', () => {
  it('names deep paging past index.max_result_window and the limit, and advises search_after / PIT or scroll', () => {
    const told = explainClientDiagnosis([JS_CLIENT], [JS_CLIENT], []);
    expect(told?.summary).toMatch(/max_result_window/);
    expect(told?.summary).toMatch(/10000/);
    expect(told?.summary).toMatch(/from \+ size/);
    expect(told?.fix).toMatch(/search_after/);
    expect(told?.fix).toMatch(/scroll/);
  });
  it('reads the JSON body too, with its own limit', () => {
    expect(explainClientDiagnosis([JSON_BODY], [JSON_BODY], [])?.summary).toMatch(/5000/);
  });
});

describe('a structured server error keeps its reason when shortened', () => {
  it('drops the wrapper and the advice, not the reason', () => {
    const out = shortenQuote(JS_CLIENT, 160);
    expect(out).toMatch(/Result window is too large/);
    expect(out.length).toBeLessThanOrEqual(160);
  });
});

describe('other structured server errors keep their reason when shortened', () => {
  it('an Elasticsearch JSON body: its root cause type and reason', () => {
    const line = 'bulk sync failed: status 400 {"error":{"root_cause":[{"type":"mapper_parsing_exception","reason":"failed to parse field [created] of type [date] in document with id \'42\'. Preview of field\'s value: \'yesterday\'"}],"type":"mapper_parsing_exception","reason":"failed to parse field [created] of type [date]"},"status":400}';
    const out = shortenQuote(line, 170);
    expect(out).toMatch(/mapper_parsing_exception: failed to parse field \[created\]/);
    expect(out.length).toBeLessThanOrEqual(170);
  });
  it("gRPC's status wrapper gives way to its code and description", () => {
    const line = 'level=error caller=sync.go:88 fetching quota for tenant failed after retries, giving up on this batch: rpc error: code = FailedPrecondition desc = tenant quota table is read-only while the migration holds its lock';
    const out = shortenQuote(line, 160);
    expect(out).toMatch(/FailedPrecondition: tenant quota table is read-only/);
  });
});
