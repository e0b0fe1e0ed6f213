import { describe, expect, it } from 'vitest';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';

// Session credentials taken once at start and never refreshed: the calls fail with ExpiredToken a
// session (an hour) after the pods started.
const START = '2026-11-20T08:00:00Z';
const WORKED = '2026-11-20 08:01:00,120 INFO worker: uploaded batch 10';
const REFUSED_AT = (clock: string) => `2026-11-20 ${clock},500 ERROR worker: upload failed`;
const EXPIRED = 'botocore.exceptions.ClientError: An error occurred (ExpiredToken) when calling the PutObject operation: The provided token has expired.';
const env = [{ name: 'UPLOAD_ROLE_ARN', value: 'arn:aws:iam::111122223333:role/uploader' }, { name: 'UPLOAD_ROLE_SESSION_SECONDS', value: '3600' }];

describe('ExpiredToken a session after the pods started', () => {
  it('reads credentials assumed once and never refreshed, dated by the pods\' start', () => {
    const errors = [`${REFUSED_AT('09:02:00')}\n${EXPIRED}`, `${REFUSED_AT('09:30:00')}\n${EXPIRED}`];
    const d = explainClientDiagnosis(errors, [WORKED, ...errors], [{ name: 'app', env }], [], [], undefined, [], [], [START]);
    expect(d?.summary).toMatch(/expired \(ExpiredToken\) from 1h 2m after the pods started: the role arn:aws:iam::111122223333:role\/uploader \(UPLOAD_ROLE_ARN, UPLOAD_ROLE_SESSION_SECONDS=3600\) was assumed once and is never refreshed/);
    expect(d?.nextAction).toMatch(/Restart the pods now/);
    expect(d?.fix).toMatch(/refreshing credential provider/);
    expect(d?.latent).toBeDefined();
  });

  it('reads pods older than a session whose tail shows only the refusals', () => {
    const errors = [`${REFUSED_AT('09:40:00')}\n${EXPIRED}`, `${REFUSED_AT('09:41:00')}\n${EXPIRED}`];
    const d = explainClientDiagnosis(errors, errors, [{ name: 'app', env }], [], [], undefined, [], [], [START]);
    expect(d?.summary).toMatch(/in pods up 1h 40m\+ without a restart, past a session's life/);
  });

  it('says nothing when the credentials were handed to the pods as settings', () => {
    const errors = [`${REFUSED_AT('09:40:00')}\n${EXPIRED}`];
    expect(explainClientDiagnosis(errors, errors, [{ name: 'app', env: [...env, { name: 'AWS_SESSION_TOKEN', ref: { kind: 'secret' as const, name: 's', key: 'k' } }] }], [], [], undefined, [], [], [START])).toBeUndefined();
  });

  it('says nothing when the errors came with the start', () => {
    const errors = [`${REFUSED_AT('08:02:00')}\n${EXPIRED}`];
    expect(explainClientDiagnosis(errors, [WORKED, ...errors], [{ name: 'app', env }], [], [], undefined, [], [], [START])).toBeUndefined();
  });
});
