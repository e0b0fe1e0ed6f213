import { describe, expect, it } from 'vitest';
import { analyzeRejectedCredentials } from '../../../../src/domain/triage/analyzers/credentials-rejected.js';
import { findServerNamedByEnv } from '../../../../src/domain/triage/analyzers/credentials-server-restart.js';
import { keepIdentityLines, pickCertificateRefusal } from '../../../../src/domain/triage/certificate-reissue.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import { NS, baseEvidence, container, event, minutesAgo, pod } from '../scenarios/builders.js';

const REFUSED = 'org.postgresql.util.PSQLException: FATAL: certificate authentication failed for user "ledger"';
const SERVER = 'LOG:  provided user name (ledger) and authenticated user name (ledger-api.pay.svc) do not match';

function scenario() {
  const pods = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false })], volumes: [{ name: 'client-tls', source: 'secret', ref: 'ledger-pg-client' }] }));
  const ev = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [REFUSED, REFUSED] })) });
  const cert = { kind: 'Certificate', name: 'ledger-pg-client', namespace: NS };
  ev.certificateEvents = [
    event({ object: cert, type: 'Normal', reason: 'Issuing', message: 'Existing issued Secret is not up to date with spec: [spec.commonName]', firstSeen: minutesAgo(40), lastSeen: minutesAgo(40), source: 'cert-manager-certificates-trigger' }),
    event({ object: cert, type: 'Normal', reason: 'Issuing', message: 'The certificate has been successfully issued', firstSeen: minutesAgo(39), lastSeen: minutesAgo(39), source: 'cert-manager-certificates-issuing' }),
  ];
  const members: DependencyMembersEvidence = { namespace: NS, service: 'ledger-db', pods: [], nodeLosses: [], identityLines: keepIdentityLines(['LOG:  checkpoint starting: time', SERVER, 'FATAL:  certificate authentication failed for user "ledger"']) };
  ev.dependencyMembers = [members];
  return ev;
}

describe('analyzeRejectedCredentials — a client certificate cert-manager re-issued', () => {
  it('names the re-issue, the spec field it changed and the identity the server read, as the trigger', () => {
    const [f] = analyzeRejectedCredentials(scenario());
    expect(f?.title).toMatch(/client certificate of 2 pods since cert-manager re-issued Certificate ledger-pg-client 40m ago \(spec\.commonName changed\)/);
    expect(f?.title).toContain('"ledger-api.pay.svc"');
    expect(f?.datesChange).toBe(true);
    expect(f?.outsideWorkload).toBeDefined();
    expect(f?.fix).toMatch(/restore spec\.commonName of Certificate ledger-pg-client/);
  });

  it('asks for the Secrets the pods mount only when their logs refuse a certificate', () => {
    const ev = scenario();
    expect(pickCertificateRefusal(ev)).toEqual(['ledger-pg-client']);
    ev.logs = ev.logs.map((l) => ({ ...l, lines: ['FATAL: password authentication failed for user "ledger"', 'FATAL: password authentication failed for user "ledger"'] }));
    expect(pickCertificateRefusal(ev)).toEqual([]);
  });

  it('does not name a re-issue of another Certificate, nor one from yesterday', () => {
    const other = scenario();
    other.certificateEvents = (other.certificateEvents ?? []).map((e) => ({ ...e, object: { ...e.object, name: 'web-tls' } }));
    expect(analyzeRejectedCredentials(other)[0]?.title).not.toMatch(/re-issued/);
    const old = scenario();
    old.certificateEvents = (old.certificateEvents ?? []).map((e) => ({ ...e, firstSeen: minutesAgo(26 * 60), lastSeen: minutesAgo(26 * 60) }));
    expect(analyzeRejectedCredentials(old)[0]?.title).not.toMatch(/re-issued/);
  });
});

describe('findServerNamedByEnv — a JDBC URL', () => {
  it('takes the host after the nested scheme, not "jdbc"', () => {
    expect(findServerNamedByEnv({ env: [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://ledger-db.pay.svc:5432/ledger?sslmode=verify-full' }] }, 'pay')).toEqual({ name: 'ledger-db', namespace: 'pay' });
  });
});
