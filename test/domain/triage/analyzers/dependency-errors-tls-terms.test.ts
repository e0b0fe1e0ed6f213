import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../../src/domain/triage/analyzers/dependency-errors.js';
import type { PodEvidence } from '../../../../src/domain/triage/evidence.js';
import { REV6, baseEvidence, container, crashLooping, minutesAgo, pod, podName, revision, revisionContainer, terminated, workload } from '../scenarios/builders.js';

const REV5 = { revision: 5, hash: '6b8c7d9e5f' };
const ADVISES_ROLLBACK = /roll(ing)? ?back to|undo the rollout|rollout undo/i;

describe('analyzeDependencyErrors: a database that requires TLS the client does not use', () => {
  const refused = (i: number) =>
    `psycopg2.OperationalError: connection to server at "orders-db.cluster-ab12.eu-west-1.rds.amazonaws.com" (10.40.1.7), port 5432 failed: FATAL:  no pg_hba.conf entry for host "10.0.3.1${i}", user "orders", database "orders", no encryption`;
  const env = [{ name: 'PGHOST', value: 'orders-db.cluster-ab12.eu-west-1.rds.amazonaws.com' }, { name: 'PGPASSWORD', ref: { kind: 'secret' as const, name: 'orders-db', key: 'password' } }, { name: 'PGSSLMODE', value: 'disable' }];
  const pods: PodEvidence[] = [0, 1, 2].map((i) => pod(i, { ready: false, containers: [crashLooping(podName(REV6.hash, i), terminated(1, 'Error', 2 + i), 18, { env, envFrom: [] })] }));
  const ev = baseEvidence({ pods, logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: true, lines: ['ERROR cannot connect to the database, exiting', refused(i)] })), workload: workload({ readyReplicas: 0, availableReplicas: 0 }) });

  it('says the server requires TLS, where the spec turns it off, and to connect with TLS', () => {
    const [f, ...rest] = analyzeDependencyErrors(ev);
    expect(rest).toHaveLength(0);
    expect(f?.title).toBe('Dependency orders-db.cluster-ab12.eu-west-1.rds.amazonaws.com:5432 requires TLS and the client connects without it: env PGSSLMODE=disable turns it off (logs of 3 pods)');
    expect(f?.evidence).toContain("the client's TLS is off in the spec: env PGSSLMODE=disable");
    expect(f?.likelyCause).toMatch(/accepts only encrypted connections/);
    expect(f?.nextAction).toMatch(/^Connect with TLS: set PGSSLMODE=require \(better verify-full/);
    expect(f?.fix).toBe("connect with TLS (PGSSLMODE=require, or verify-full with the server's CA bundle)");
    expect(`${f?.title} ${f?.likelyCause} ${f?.nextAction}`).not.toMatch(ADVISES_ROLLBACK);
  });
});

describe('analyzeDependencyErrors: a partner that speaks only an old TLS version', () => {
  const failed = [
    "ssl.SSLError: [SSL: UNSUPPORTED_PROTOCOL] unsupported protocol (_ssl.c:1000)",
    "requests.exceptions.SSLError: HTTPSConnectionPool(host='edi.partner.example', port=443): Max retries exceeded with url: /v1/bookings (Caused by SSLError(SSLError(1, '[SSL: UNSUPPORTED_PROTOCOL] unsupported protocol (_ssl.c:1000)')))",
  ];
  const lines = ['INFO starting gateway 2.8.0 (python 3.12.7, OpenSSL 3.0.15 3 Sep 2024)', ...failed, 'INFO booked shipment carrier=dhl', ...failed];
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i));
  const logs = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines }));
  const revisions = [
    revision(REV5, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ image: 'registry.example/gateway:2.7.4' })] }),
    revision(REV6, minutesAgo(128), { containers: [revisionContainer({ image: 'registry.example/gateway:2.8.0' })] }),
  ];

  it('names the host and that its old protocol is refused by the client\'s library; the image change is the way back', () => {
    const [f, ...rest] = analyzeDependencyErrors(baseEvidence({ pods, logs, revisions }));
    expect(rest).toHaveLength(0);
    expect(f?.title).toBe("TLS handshake with edi.partner.example:443 fails: the server offers only an old TLS version (1.0/1.1), which the client's TLS library (OpenSSL 3.0.15) refuses (unsupported protocol) (logs of 2 ready pods, 4 lines)");
    expect(f?.evidence).toContain('revision 6 changed the image: gateway:2.7.4 → gateway:2.8.0');
    expect(f?.nextAction).toMatch(/^Ask whoever serves edi\.partner\.example:443 to enable TLS 1\.2; meanwhile allow the old protocol for that one client only .*, or roll back to revision 5, which ran the old image\.$/);
  });

  it('does not offer a rollback when the revision did not change the image', () => {
    const same = revisions.map((r) => ({ ...r, containers: [revisionContainer({ image: 'registry.example/gateway:2.8.0' })] }));
    const [f] = analyzeDependencyErrors(baseEvidence({ pods, logs, revisions: same }));
    expect(f?.nextAction).not.toMatch(ADVISES_ROLLBACK);
  });
});

describe('analyzeDependencyErrors: a protocol refusal whose line names no host, the app\'s next line does', () => {
  const bout = (n: number) => [
    `ERROR [sender-${n}] o.e.post.Postman : could not deliver letter ${n}`,
    'javax.mail.MessagingException: Could not convert socket to TLS;',
    'Caused by: javax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
    '\tat java.base/sun.security.ssl.HandshakeContext.<init>(HandshakeContext.java:172)',
    '\tat com.sun.mail.smtp.SMTPTransport.startTLS(SMTPTransport.java:2155)',
    `WARN  [sender-${n}] o.e.post.Outbox : letter ${n} parked after 3 attempts; relay=mx-legacy.example.net:587`,
  ];
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i));
  const logs = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...bout(1), ...bout(2), ...bout(3)] }));

  it('names the server and its role from the lines logged with the failure', () => {
    const [f] = analyzeDependencyErrors(baseEvidence({ pods, logs }));
    expect(f?.title).toMatch(/^TLS handshake with mx-legacy\.example\.net:587 \(SMTP\) fails: the server offers only/);
    expect(f?.evidence).toContain('the lines logged with the failure name the server: mx-legacy.example.net:587 (SMTP)');
  });
});
