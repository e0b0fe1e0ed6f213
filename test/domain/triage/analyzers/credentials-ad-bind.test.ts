// Active Directory refusing the app's LDAP bind, read by its data code: a locked-out account (775)
// is not fixed by restarting the pods; the CronJob that binds as the same account with an old
// password (its own runs refused with 52e) is what keeps locking it. A plain wrong password (52e)
// keeps the rotation reading.
import { describe, expect, it } from 'vitest';
import { analyzeRejectedCredentials } from '../../../../src/domain/triage/analyzers/credentials-rejected.js';
import { findBindAccount, readAdDataCode } from '../../../../src/domain/triage/ad-bind-refusal.js';
import type { EnvVarEvidence, NamespaceJobsEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { AccountJobLogEvidence } from '../../../../src/domain/triage/evidence-account-job-logs.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';

const DN = 'CN=svc-sso-ldap,OU=Service Accounts,OU=Corp,DC=corp,DC=acme,DC=internal';
const ENV: EnvVarEvidence[] = [
  { name: 'SPRING_LDAP_URLS', value: 'ldaps://dc01.corp.acme.internal:636' },
  { name: 'SPRING_LDAP_USERNAME', value: DN },
  { name: 'SPRING_LDAP_PASSWORD', ref: { kind: 'secret', name: 'svc-sso-ldap', key: 'password' } },
];
const refused = (data: string) => `[LDAP: error code 49 - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data ${data}, v4563]`;
const appLines = (data: string) => [5, 4, 3, 2, 1].flatMap((m) => [
  `${minutesAgo(m)} ERROR 1 --- [sso-portal] [nio-8080-exec-1] w.a.UsernamePasswordAuthenticationFilter : An internal error occurred while trying to authenticate the user.`,
  `org.springframework.security.authentication.InternalAuthenticationServiceException: ${refused(data)}; nested exception is javax.naming.AuthenticationException: ${refused(data)}`,
  `Caused by: org.springframework.ldap.AuthenticationException: ${refused(data)}`,
  `${minutesAgo(m)}  WARN 1 --- [sso-portal] [nio-8080-exec-1] c.a.i.sso.web.LoginController : login failed for user=j.nguyen reason=authentication_service_error status=503`,
]);
const JOBS: NamespaceJobsEvidence = {
  complete: true,
  jobs: [
    { name: 'ad-group-sync-29920510', owner: { kind: 'CronJob', name: 'ad-group-sync' }, createdAt: minutesAgo(4), finishedAt: minutesAgo(3.8), state: 'failed', configRefs: [{ kind: 'secret', name: 'ad-group-sync-bind', key: 'password', via: 'LDAP_BIND_PASSWORD' }], commandAndEnv: ['python', '-m', 'groupsync', 'LDAP_URI=ldaps://dc01.corp.acme.internal:636', `LDAP_BIND_DN=${DN}`] },
    { name: 'nightly-report-29920100', owner: { kind: 'CronJob', name: 'nightly-report' }, createdAt: minutesAgo(300), finishedAt: minutesAgo(290), state: 'complete', commandAndEnv: ['python', '-m', 'report', 'DB_HOST=pg.identity.svc'] },
  ],
};
const JOB_LOG: AccountJobLogEvidence[] = [{
  job: 'ad-group-sync-29920510', pod: 'ad-group-sync-29920510-x7k2p', container: 'sync',
  lines: [`2026-11-21 03:10:01,204 WARNING groupsync.ldap: bind as ${DN} failed (attempt 1/3): invalidCredentials - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e, v4563`],
}];

function scenario(data: string, over: Partial<TriageEvidence> = {}): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { createdAt: minutesAgo(180), startTime: minutesAgo(180), containers: [container({ env: ENV })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: appLines(data) })), ...over });
}

describe('Active Directory refusing the LDAP bind, by its data code', () => {
  it('names a lockout (775) and the CronJob that keeps locking the account with an old password, and advises no restart', () => {
    const ev = scenario('775', { namespaceJobs: JOBS, accountJobLogs: JOB_LOG });
    const [f] = analyzeRejectedCredentials(ev);
    expect(f?.title).toMatch(/svc-sso-ldap: the account is locked out \(AD data 775\)/);
    expect(f?.title).toMatch(/CronJob ad-group-sync .*Secret ad-group-sync-bind.*invalid credentials \(AD data 52e\)/);
    expect(f?.title).not.toMatch(/nightly-report/);
    expect(f?.fix).toMatch(/give CronJob ad-group-sync the account's current password \(or suspend it\), then unlock svc-sso-ldap/);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/locked out \(AD data 775\)/);
    expect(report.headline).toMatch(/ad-group-sync/);
    expect(report.headline).not.toMatch(/restart|roll ?back/i);
    expect(report.headline.length).toBeLessThanOrEqual(750);
  });

  it('without a Job binding as the account, still reads the lockout and says to find the other client', () => {
    const [f] = analyzeRejectedCredentials(scenario('775', { namespaceJobs: { complete: true, jobs: JOBS.jobs.slice(1) } }));
    expect(f?.title).toMatch(/locked out \(AD data 775\)/);
    expect(f?.nextAction).toMatch(/Find what else binds as the account/);
    expect(f?.nextAction).not.toMatch(/rollout restart/);
  });

  it('does not claim the Job used a wrong password when its log was not read', () => {
    const [f] = analyzeRejectedCredentials(scenario('775', { namespaceJobs: JOBS }));
    expect(f?.title).toMatch(/CronJob ad-group-sync in the namespace binds as the same account/);
    expect(f?.title).not.toMatch(/52e/);
  });

  it('reads a disabled account (533) as the directory\'s, not the pods\'', () => {
    const [f] = analyzeRejectedCredentials(scenario('533'));
    expect(f?.title).toMatch(/the account is disabled \(AD data 533\)/);
    expect(f?.nextAction).toMatch(/re-enable/);
  });

  it('leaves a wrong password (52e) to the rotation reading', () => {
    const [f] = analyzeRejectedCredentials(scenario('52e'));
    expect(f?.title).toMatch(/rejects the credentials/);
    expect(f?.fix).toMatch(/restart the pods/);
  });

  it('reads the data code and the bind account', () => {
    expect(readAdDataCode(refused('775'))).toBe('775');
    expect(readAdDataCode('AcceptSecurityContext error, data 52E, v2580')).toBe('52e');
    expect(readAdDataCode('login failed for user=x')).toBeUndefined();
    expect(findBindAccount(ENV)).toEqual({ dn: DN, name: 'svc-sso-ldap' });
    expect(findBindAccount([{ name: 'LDAP_USER', value: 'CORP\\svc-wiki' }])).toEqual({ dn: 'CORP\\svc-wiki', name: 'svc-wiki' });
  });
});
