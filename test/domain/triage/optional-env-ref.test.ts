import { describe, expect, it } from 'vitest';
import type { EnvVarEvidence } from '../../../src/domain/triage/evidence.js';
import { findUnsetOptionalEnv } from '../../../src/domain/triage/optional-env-ref.js';

const env: EnvVarEvidence[] = [
  { name: 'API_TOKEN', ref: { kind: 'configMap', name: 'partner-settings', key: 'token', optional: true } },
  { name: 'SMTP_PASSWORD', ref: { kind: 'secret', name: 'mailer', key: 'smtp-password' } },
];

describe('findUnsetOptionalEnv', () => {
  it('finds the optional reference whose variable the app reports unset', () => {
    expect(findUnsetOptionalEnv(env, ['boot', 'level=error msg="API_TOKEN not set, partner calls will fail"'])).toEqual({
      env: 'API_TOKEN', kind: 'configMap', source: 'partner-settings', key: 'token', line: 'level=error msg="API_TOKEN not set, partner calls will fail"',
    });
  });

  it('ignores required references, other variables that merely contain the name, and lines that do not say it is unset', () => {
    expect(findUnsetOptionalEnv(env, ['SMTP_PASSWORD is empty'])).toBeUndefined();
    expect(findUnsetOptionalEnv(env, ['PARTNER_API_TOKEN_URL is empty'])).toBeUndefined();
    expect(findUnsetOptionalEnv(env, ['using API_TOKEN from environment'])).toBeUndefined();
  });
});
