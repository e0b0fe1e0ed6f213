// Presigned links signed with temporary (role/session) credentials die when the session does, about
// an hour, whatever lifetime they were promised: the store answers ExpiredToken. A revision that
// moved the workload from static access keys to role credentials is the trigger; stay quiet when
// the refusals are few or old, the promised lifetime fits in a session, or the keys are long-term.
import { describe, expect, it } from 'vitest';
import { analyzeSessionSignedLinks } from '../../../../src/domain/triage/analyzers/session-signed-links.js';
import type { EnvVarEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { parseLifetime } from '../../../../src/domain/triage/session-signed-links.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV6, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const KEYS: EnvVarEvidence[] = [
  { name: 'AWS_ACCESS_KEY_ID', ref: { kind: 'secret', name: 'svc-aws', key: 'id' } },
  { name: 'AWS_SECRET_ACCESS_KEY', ref: { kind: 'secret', name: 'svc-aws', key: 'secret' } },
];
const ISSUED = (m: number, expires = 'X-Amz-Expires=604800') => `{"time":"${minutesAgo(m)}","level":"info","msg":"signed report url","url":"https://reports.s3.amazonaws.com/r/${m}.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&${expires}&X-Amz-Signature=abc"}`;
const REFUSED = (m: number) => `{"time":"${minutesAgo(m)}","level":"warn","msg":"fetch of signed url failed","status":400,"code":"ExpiredToken","message":"The provided token has expired."}`;

function scenario(o: { lines: string[]; moved?: boolean; podEnv?: EnvVarEvidence[]; templateEnv?: EnvVarEvidence[]; before?: EnvVarEvidence[] }): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: o.podEnv ?? [] })] }));
  const before = revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(30 * 24 * 60), { containers: [revisionContainer({ env: o.before ?? [{ name: 'LOG_LEVEL', value: 'info' }, ...KEYS] })] });
  const now = revision(REV6, minutesAgo(4 * 24 * 60), { replicas: 2, containers: [revisionContainer({ env: o.templateEnv ?? (o.moved === false ? [{ name: 'LOG_LEVEL', value: 'info' }, ...KEYS] : [{ name: 'LOG_LEVEL', value: 'info' }]) })] });
  return baseEvidence({ pods, revisions: [before, now], logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: o.lines })) });
}

const MANY = [ISSUED(50), REFUSED(45), ISSUED(40), REFUSED(30), REFUSED(12), ISSUED(10), REFUSED(3), '{"level":"info","msg":"aws credentials refreshed","credential_source":"WebIdentityCredentials"}'];

describe('analyzeSessionSignedLinks', () => {
  it('names links outliving the session credentials that sign them, and the revision that moved off static keys', () => {
    const ev = scenario({ lines: MANY });
    const [f] = analyzeSessionSignedLinks(ev);
    expect(f?.title).toMatch(/^Presigned links expire with the session credentials that sign them: revision 6 moved payment-service from static access keys to temporary web identity role credentials, whose session ends after about an hour, so links promised X-Amz-Expires=604800 \(7d\) fail with ExpiredToken — 8 refusals since 45m ago in the logs of 2 pods \(all pods ready\)$/);
    expect(f?.evidence).toContain('revision 5 → 6: removed AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY');
    expect(f?.fix).toMatch(/long-term credential/);
    const r = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    if (process.env.SHOW) console.log(r.headline);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/^Since revision 6 [^\n]*expire with the session credentials/);
    expect(r.headline).toMatch(/rolling back to revision 5 would also bring back the static access keys/);
  });

  it('reads the role from the env and the lifetime from an env setting, without a revision that moved', () => {
    const env = [{ name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::42:role/x' }, { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' }, { name: 'SHARE_LINK_EXPIRY', value: '72h' }];
    const lines = [REFUSED(40), REFUSED(20), REFUSED(5)];
    const [f] = analyzeSessionSignedLinks(scenario({ lines, podEnv: env, templateEnv: env, before: env }));
    expect(f?.title).toMatch(/^Presigned links expire with the session credentials that sign them: the pods sign with temporary IRSA web identity role credentials, [^\n]*links promised SHARE_LINK_EXPIRY=72h \(3d\) fail with ExpiredToken — 6 refusals/);
    expect(f?.confidence).toBe('medium');
    // A node's instance-role credentials last up to six hours: a four-hour link fits, a week does not.
    const plain = [{ name: 'LOG_LEVEL', value: 'info' }];
    const node = (expires: string) => [ISSUED(50, expires), REFUSED(30), REFUSED(3), '{"level":"info","msg":"credentials loaded","provider":"InstanceMetadata"}'];
    expect(analyzeSessionSignedLinks(scenario({ lines: node('X-Amz-Expires=14400'), templateEnv: plain, before: plain }))).toEqual([]);
    const [instance] = analyzeSessionSignedLinks(scenario({ lines: node('X-Amz-Expires=604800'), templateEnv: plain, before: plain }));
    expect(instance?.title).toMatch(/the pods sign with temporary node instance-role credentials, whose session ends after up to about 6h, /);
  });

  it('stays quiet for few or old refusals, links within a session, or long-term keys', () => {
    expect(analyzeSessionSignedLinks(scenario({ lines: [ISSUED(50), REFUSED(45), REFUSED(3)] }))).toEqual([]);
    expect(analyzeSessionSignedLinks(scenario({ lines: [ISSUED(300), REFUSED(290), REFUSED(200), REFUSED(150), REFUSED(90)] }))).toEqual([]);
    expect(analyzeSessionSignedLinks(scenario({ lines: MANY.map((l) => l.replace('X-Amz-Expires=604800', 'X-Amz-Expires=900')) }))).toEqual([]);
    expect(analyzeSessionSignedLinks(scenario({ lines: MANY, moved: false, podEnv: KEYS }))).toEqual([]);
  });

  it('parses the lifetimes links are written with', () => {
    expect(parseLifetime('168h0m0s')).toBe(7 * 24 * 3_600_000);
    expect(parseLifetime('7d')).toBe(7 * 24 * 3_600_000);
    expect(parseLifetime('90m')).toBe(90 * 60_000);
    expect(parseLifetime('soon')).toBeUndefined();
  });
});
