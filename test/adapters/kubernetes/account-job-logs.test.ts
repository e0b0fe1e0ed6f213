// An app whose LDAP binds Active Directory refuses as locked out (data 775): the adapter lists the
// namespace's Jobs and, for the newest failed run of the one that binds as the same account, reads
// one log tail, keeping only its bind refusals. A plain wrong password (52e) reads none of it.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NOW, batchContainer, container, cronJob, deploymentApp, nameOf, terminated, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'identity';
const target = { service: 'sso-portal', namespace: NS, kind: 'Deployment' as const, name: 'sso-portal' };
const stamp = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const DN = 'CN=svc-sso-ldap,OU=Service Accounts,DC=corp,DC=acme,DC=internal';
const refused = (data: string) => `[LDAP: error code 49 - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data ${data}, v4563]`;

function cluster(appCode: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'sso-portal',
    replicas: 1,
    revisions: [{ revision: 41, createdAgo: 2 * DAYS, template: { containers: [container({ image: 'registry.example.com/sso-portal:5.3.1', ports: [8080], env: [
      { name: 'SPRING_LDAP_USERNAME', value: DN },
      { name: 'SPRING_LDAP_PASSWORD', valueFrom: { secretKeyRef: { name: 'svc-sso-ldap', key: 'password' } } },
    ] })] } }],
    pods: [{ revision: 41, node: NODE_A, createdAgo: 2 * DAYS - 1 }],
  });
  const sync = cronJob({
    namespace: NS, name: 'ad-group-sync', schedule: '*/5 * * * *', backoffLimit: 0,
    template: { containers: [batchContainer({ name: 'sync', image: 'registry.example.com/ad-group-sync:1.9.2', env: [
      { name: 'LDAP_BIND_DN', value: DN },
      { name: 'LDAP_BIND_PASSWORD', valueFrom: { secretKeyRef: { name: 'ad-group-sync-bind', key: 'password' } } },
    ] })] },
    jobs: [{ createdAgo: 4, pods: [{ node: NODE_A, createdAgo: 4, phase: 'Failed', containers: { sync: terminated({ exitCode: 2, finishedAgo: 3.8, ranSeconds: 9 }) } }], outcome: { failed: 'BackoffLimitExceeded', ago: 3.8 } }],
  });
  for (const o of [...threeNodes(), ...app.objects, ...sync.objects]) h.fake.add(o);
  const pod = app.pods[0];
  const lines = [6, 5, 4, 3, 2, 1].flatMap((m) => [`${stamp(m)} ERROR 1 --- [exec-1] w.a.UsernamePasswordAuthenticationFilter : An internal error occurred while trying to authenticate the user.`, `Caused by: org.springframework.ldap.AuthenticationException: ${refused(appCode)}`]);
  if (pod !== undefined) h.fake.setLogs(NS, nameOf(pod), 'app', { current: lines.join('\n') + '\n' });
  const run = sync.jobs[0]?.pods[0];
  if (run !== undefined) h.fake.setLogs(NS, nameOf(run), 'sync', { current: [
    `${stamp(4)} INFO groupsync: starting run`,
    `${stamp(3.9)} WARNING groupsync.ldap: bind as ${DN} failed (attempt 1/3): invalidCredentials - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e, v4563`,
    `${stamp(3.85)} ERROR groupsync: giving up: invalidCredentials - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 775, v4563`,
  ].join('\n') + '\n' });
  return { run };
}

const podLogReads = () => h.fake.requests.filter((r) => r.path.endsWith('/log') && !r.path.includes('/sso-portal-'));

describe('the Job that keeps a directory account locked out', () => {
  it('reads the bind refusals of the newest failed run of the Job binding as the same account', async () => {
    const { run } = cluster('775');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.namespaceJobs?.jobs[0]).toMatchObject({ owner: { kind: 'CronJob', name: 'ad-group-sync' }, state: 'failed' });
    expect(ev.accountJobLogs).toHaveLength(1);
    expect(ev.accountJobLogs?.[0]).toMatchObject({ pod: nameOf(run), container: 'sync' });
    expect(ev.accountJobLogs?.[0]?.lines).toHaveLength(2);
    expect(ev.accountJobLogs?.[0]?.lines[0]).toMatch(/data 52e/);
    expect(podLogReads()).toHaveLength(1);
    expect(Number(podLogReads()[0]?.query.tailLines)).toBeLessThanOrEqual(200);
  });

  it('reads no Job log when the directory only says the password is wrong', async () => {
    cluster('52e');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.accountJobLogs).toBeUndefined();
    expect(podLogReads()).toEqual([]);
  });
});
