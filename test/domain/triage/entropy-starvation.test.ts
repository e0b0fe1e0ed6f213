import { describe, expect, it } from 'vitest';
import type { LogEvidence, RevisionEvidence } from '../../../src/domain/triage/evidence.js';
import { findEntropyStall } from '../../../src/domain/triage/entropy-starvation.js';
import { explainStartupBudget } from '../../../src/domain/triage/startup-budget.js';

const rev = (revision: number, opts: string): RevisionEvidence =>
  ({ revision, hash: `h${revision}`, createdAt: '2026-01-01T00:00:00Z', containers: [{ name: 'app', image: 'x:1', env: [{ name: 'JAVA_OPTS', value: opts }], envFrom: [], resources: { requests: {}, limits: {} } }] }) as unknown as RevisionEvidence;
const log = (lines: string[], previous = false): LogEvidence => ({ pod: 'p', container: 'app', previous, lines }) as unknown as LogEvidence;

describe('entropy starvation at start-up', () => {
  const stallLine = 'WARNING [main] org.apache.catalina.util.SessionIdGeneratorBase.createSecureRandom Creation of SecureRandom instance for session ID generation using [SHA1PRNG] took [183,442] milliseconds.';
  const revisions = [rev(18, '-Xmx1g -Djava.security.egd=file:/dev/./urandom'), rev(19, '-Xmx1g -XX:+UseG1GC')];

  it('finds the stall and the revision that dropped the egd flag', () => {
    const s = findEntropyStall([log([stallLine])], revisions, 'app');
    expect(s?.ms).toBe(183442);
    expect(s?.algorithm).toBe('SHA1PRNG');
    expect(s?.dropped).toEqual({ revision: 19, variable: 'JAVA_OPTS', flag: '-Djava.security.egd=file:/dev/./urandom' });
  });

  it('ignores a short seeding', () => {
    expect(findEntropyStall([log([stallLine.replace('183,442', '212')])], revisions, 'app')).toBeUndefined();
  });

  it('names the stall and the dropped flag as why the startup probe kills each run', () => {
    const entropy = findEntropyStall([log([stallLine])], revisions, 'app');
    const miss = explainStartupBudget({
      probe: { periodSeconds: 10, failureThreshold: 24 } as never,
      messages: 'dial tcp 10.0.0.1:8080: connect: connection refused',
      runs: [246],
      logs: [log(['Deploying web application archive [/usr/local/tomcat/webapps/claims.war]', 'Pausing ProtocolHandler'], true)],
      ...(entropy ? { entropy } : {}),
    });
    expect(miss?.scope).toMatch(/SecureRandom/);
    expect(miss?.scope).toMatch(/revision 19 dropped -Djava\.security\.egd/);
    expect(miss?.fix).toMatch(/restore -Djava\.security\.egd=file:\/dev\/\.\/urandom in JAVA_OPTS/);
  });
});
