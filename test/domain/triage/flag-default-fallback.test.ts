import { describe, expect, it } from 'vitest';
import { isErrorLine } from '../../../src/domain/triage/error-line.js';

const OPENFEATURE_WARN = '{"level":"warn","time":"2026-11-21T01:12:24Z","logger":"openfeature","msg":"flag evaluation returned default","flag":"recs.ranker-v3","reason":"ERROR","error_code":"FLAG_NOT_FOUND","error_message":"flag: recs.ranker-v3 not found","default":true}';

describe('a feature flag evaluation falling back to its code default', () => {
  it('at WARN for a flag the provider no longer has is a fallback by design, not an error', () => {
    expect(isErrorLine(OPENFEATURE_WARN)).toBe(false);
    expect(isErrorLine('2026-11-21 01:12:24 WARN dev.openfeature.sdk.OpenFeatureClient - Unable to evaluate flag checkout.v2 (reason ERROR, error code FLAG_NOT_FOUND), returning default value')).toBe(false);
  });

  it('still counts a flag evaluation logged at ERROR, and a provider that is not ready', () => {
    expect(isErrorLine(OPENFEATURE_WARN.replace('"level":"warn"', '"level":"error"'))).toBe(true);
    expect(isErrorLine('{"level":"warn","logger":"openfeature","msg":"flag evaluation returned default","reason":"ERROR","error_code":"PROVIDER_NOT_READY"}')).toBe(true);
  });
});
