// A mail client switched to implicit TLS (SMTPS) toward a STARTTLS port (587): the handshake reads
// the server's plain-text greeting and fails with "wrong version number". The verdict names the mail
// server of the mail settings (not another address of the env), the switch, and the revision that
// moved the port; without the mail settings it stays the generic wrong-scheme reading.
import { describe, expect, it } from 'vitest';
import type { EnvVarEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const stamp = (m: number): string => minutesAgo(m).replace('T', ' ').replace(/\.\d+Z$/, '');

const mailEnv = (port: string, ssl = 'True'): EnvVarEvidence[] => [
  { name: 'EMAIL_HOST', value: 'relay.example.org' },
  { name: 'EMAIL_PORT', value: port },
  { name: 'EMAIL_USE_SSL', value: ssl },
  { name: 'CACHE_URL', value: 'redis://session-cache.example.svc.cluster.local:6379/0' },
];

function failures(): string[] {
  return [18, 14, 10, 6, 3].flatMap((m) => [
    `${stamp(m)} ERROR notify.sender: delivery failed, will retry`,
    'Traceback (most recent call last):',
    '  File "/srv/notify/sender.py", line 51, in deliver',
    '    conn = smtplib.SMTP_SSL(host, port, timeout=10)',
    '  File "/usr/local/lib/python3.12/ssl.py", line 1320, in do_handshake',
    '    self._sslobj.do_handshake()',
    'ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1000)',
  ]);
}

function scenario(env: EnvVarEvidence[]) {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(22 - i), startTime: minutesAgo(22 - i), containers: [container({ env })] }));
  const logs = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [`${stamp(21)} INFO notify.queue: connected to the session cache`, ...failures()] }));
  return baseEvidence({
    pods,
    logs,
    revisions: [
      revision(REV6, minutesAgo(30 * 24 * 60), { containers: [revisionContainer({ env: mailEnv('465') })] }),
      revision(REV7, minutesAgo(23), { replicas: 2, containers: [revisionContainer({ env })] }),
    ],
  });
}

describe('implicit TLS toward a STARTTLS mail port', () => {
  it('names the mail server, the implicit-TLS switch and the revision that moved the port', () => {
    const r = buildTriageReport(scenario(mailEnv('587')), times);
    expect(r.headline).toMatch(/Mail to relay\.example\.org:587 fails the TLS handshake \(wrong version number\): the client opens implicit TLS \(EMAIL_USE_SSL=True\) on port 587/);
    expect(r.headline).toMatch(/STARTTLS/);
    expect(r.headline).toMatch(/revision 7 \(23m ago\) changed EMAIL_PORT 465 → 587 and left EMAIL_USE_SSL=True/);
    expect(r.headline).not.toMatch(/session-cache/);
    expect(r.headline).not.toMatch(/no change found/);
  });

  it('stays the generic reading when implicit TLS is off in the settings', () => {
    const r = buildTriageReport(scenario(mailEnv('587', 'False')), times);
    expect(r.headline).not.toMatch(/implicit TLS/);
  });
});
