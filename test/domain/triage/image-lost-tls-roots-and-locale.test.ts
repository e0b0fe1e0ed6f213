// What a new image can lose under a process that ran fine on the old one: its CA bundle (every TLS
// call fails verification), a UTF-8 locale (the first non-ASCII name fails), an OpenSSL as lenient
// as the old one (a SHA-1-signed certificate is refused). The crash is told by that mechanism, and
// a past crash of an old pod that has served since does not speak for the pods crashing now.
import { describe, expect, it } from 'vitest';
import { explainMissingCaBundle } from '../../../src/domain/triage/missing-ca-bundle.js';
import { explainOpensslSecurityLevel } from '../../../src/domain/triage/openssl-security-level.js';
import { findDroppedLocale } from '../../../src/domain/triage/missing-locale.js';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import type { LogEvidence, RevisionEvidence } from '../../../src/domain/triage/evidence.js';
import { IMAGE_V14, IMAGE_V15, REV6, REV7, baseEvidence, container, crashLooping, minutesAgo, pod, revision, revisionContainer, running, terminated } from './scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:14:00Z', finishedAt: '2026-11-21T03:14:00Z' };

/** Three pods of revision 6 serving, one of revision 7 (rolled out 25 minutes ago) crash-looping with `lines` as its previous log. */
function crashOnRevision7(lines: string[], over: { rev7?: Partial<RevisionEvidence>; rev6?: Partial<RevisionEvidence>; oldPod?: Parameters<typeof pod>[1]; logs?: LogEvidence[] } = {}) {
  const failing = pod(3, { revisionHash: REV7.hash, ready: false, createdAt: minutesAgo(24), startTime: minutesAgo(24), containers: [crashLooping('p3', terminated(1, 'Error', 2, { runSeconds: 1 }), 8, { image: IMAGE_V15 })] });
  return buildTriageReport(baseEvidence({
    pods: [pod(0, over.oldPod ?? {}), pod(1), pod(2), failing],
    revisions: [revision(REV6, minutesAgo(12 * 24 * 60), { replicas: 3, ...over.rev6 }), revision(REV7, minutesAgo(25), { replicas: 1, containers: [revisionContainer({ image: IMAGE_V15 })], ...over.rev7 })],
    logs: [{ pod: failing.name, container: 'app', previous: true, lines }, ...(over.logs ?? [])],
  }), times);
}

const noRoots = [
  '{"ts":"2026-11-21T03:12:00Z","lvl":"info","message":"ledger-sync starting","version":"4.2.1"}',
  '{"ts":"2026-11-21T03:12:01Z","lvl":"error","message":"init failed","err":"Post \\"https://api.example-bank.test/v2/token\\": tls: failed to verify certificate: x509: failed to load system roots and no roots provided"}',
];

describe('explainMissingCaBundle', () => {
  it('reads each runtime\'s words for an empty trust store', () => {
    expect(explainMissingCaBundle(['x509: failed to load system roots and no roots provided'])?.summary).toMatch(/no CA certificates/);
    expect(explainMissingCaBundle(['javax.net.ssl.SSLException: java.lang.RuntimeException: Unexpected error: java.security.InvalidAlgorithmParameterException: the trustAnchors parameter must be non-empty'])?.fix).toMatch(/cacerts/);
    expect(explainMissingCaBundle(['curl: (77) error setting certificate verify locations:  CAfile: /etc/ssl/certs/ca-certificates.crt CApath: none'])?.fix).toMatch(/ca-certificates/);
    expect(explainMissingCaBundle(['OSError: Could not find a suitable TLS CA certificate bundle, invalid path: /opt/venv/lib/certifi/cacert.pem'])?.fix).toMatch(/certifi/);
  });

  it('is read as the client library\'s own diagnosis on pods that keep running', () => {
    expect(explainClientDiagnosis(['request failed: x509: failed to load system roots and no roots provided'], [], [])?.summary).toMatch(/no CA certificates/);
    expect(explainClientDiagnosis(['Error: error:0A00018E:SSL routines::ca md too weak'], [], [])?.summary).toMatch(/security level/);
  });

  it('is not an issuer missing from a store that exists', () => {
    expect(explainMissingCaBundle(['x509: certificate signed by unknown authority'])).toBeUndefined();
    expect(explainMissingCaBundle(['SSL: CERTIFICATE_VERIFY_FAILED unable to get local issuer certificate'])).toBeUndefined();
  });
});

describe('a crash on an image without CA certificates', () => {
  it('names the missing bundle and the bare base the revision says it built on, with the bundle as the fix', () => {
    const r = crashOnRevision7(noRoots, { rev7: { changeCause: 'ci: ledger-sync 4.2.1, multi-stage build FROM scratch' } });
    expect(r.headline).toMatch(/revision 7/);
    expect(r.headline).toMatch(/no CA certificates \(revision 7 built it FROM scratch\)/);
    expect(r.headline).toMatch(/api\.example-bank\.test/);
    expect(r.headline).toMatch(/copy a CA bundle into the image/);
    expect(r.headline).not.toMatch(/fix what the log names/);
  });

  it('leaves out an old pod\'s recovered crash of yesterday, whatever its log said', () => {
    const oldPod = { containers: [container({ state: running(18 * 60), restartCount: 1, lastState: terminated(2, 'Error', 18 * 60, { runSeconds: 5 * 86400 }) })] };
    const race = ['fatal error: concurrent map writes', '', 'goroutine 88 [running]:', 'example.test/ledger/internal/cache.(*Index).Put(...)'];
    const r = crashOnRevision7(noRoots, { oldPod, logs: [{ pod: pod(0).name, container: 'app', previous: true, lines: race }] });
    expect(r.headline).toMatch(/no CA certificates/);
    expect(r.headline).not.toMatch(/concurrent map|exits with code 1\/2|exits with code 2/);
  });
});

describe('explainOpensslSecurityLevel', () => {
  it('tells a weak digest on the certificate the process loads from a short key on a peer\'s', () => {
    const own = explainOpensslSecurityLevel(['ssl.SSLError: [SSL: CA_MD_TOO_WEAK] ca md too weak (_ssl.c:4012)'], ['starting on OpenSSL 3.0.13 30 Jan 2024', 'client cert sig=sha1WithRSAEncryption']);
    expect(own?.summary).toMatch(/OpenSSL 3\.0\.13's security level refuses the certificate it loads: it is signed with SHA-1/);
    expect(own?.likelyCause).toMatch(/sha1WithRSAEncryption/);
    expect(own?.fix).toMatch(/SHA-256/);
    const peer = explainOpensslSecurityLevel(['Error: error:0A000086:SSL routines::certificate verify failed: EE certificate key too weak'], []);
    expect(peer?.summary).toMatch(/peer's certificate: its key is under 2048 bits/);
    expect(peer?.fix).toMatch(/2048-bit/);
  });

  it('says nothing of an expired certificate', () => {
    expect(explainOpensslSecurityLevel(['[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired'], [])).toBeUndefined();
  });
});

describe('a crash the new OpenSSL\'s security level causes', () => {
  it('names the security level and the reissued certificate, not "fix what the log names"', () => {
    const r = crashOnRevision7(['worker 4.2.1 up (Python 3.12.3, OpenSSL 3.0.13 30 Jan 2024)', 'Traceback (most recent call last):', '  File "/srv/app/tls.py", line 9, in load', '    ctx.load_cert_chain(cert, key)', 'ssl.SSLError: [SSL: CA_MD_TOO_WEAK] ca md too weak (_ssl.c:4012)']);
    expect(r.headline).toMatch(/revision 7/);
    expect(r.headline).toMatch(/security level refuses the certificate it loads/);
    expect(r.headline).toMatch(/SHA-256/);
    expect(r.headline).not.toMatch(/fix what the log names|expired/);
  });
});

describe('a crash in the ASCII locale', () => {
  const utf8 = [{ name: 'LANG', value: 'en_US.UTF-8' }, { name: 'LC_CTYPE', value: 'en_US.UTF-8' }];

  it('finds the locale variables the revision dropped', () => {
    expect(findDroppedLocale({ containers: [{ name: 'app', env: [] }] }, { containers: [{ name: 'app', env: utf8 }] }, 'app')).toBe('LANG=en_US.UTF-8, LC_CTYPE=en_US.UTF-8');
    expect(findDroppedLocale({ containers: [{ name: 'app', env: utf8 }] }, { containers: [{ name: 'app', env: utf8 }] }, 'app')).toBeUndefined();
  });

  it('names the missing UTF-8 locale, what the revision dropped, and LANG as the fix', () => {
    const r = crashOnRevision7(
      ['Traceback (most recent call last):', '  File "/srv/app/export.py", line 40, in write', '    fh.write(row.title)', "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe5' in position 12: ordinal not in range(128)"],
      { rev6: { containers: [revisionContainer({ env: utf8 })] }, rev7: { containers: [revisionContainer({ image: IMAGE_V15, env: [] })] } },
    );
    expect(IMAGE_V14).not.toBe(IMAGE_V15);
    expect(r.headline).toMatch(/without a UTF-8 locale/);
    expect(r.headline).toMatch(/revision 7 dropped LANG=en_US\.UTF-8/);
    expect(r.headline).toMatch(/LANG=C\.UTF-8|install the en_US\.UTF-8 locale/);
    expect(r.headline).not.toMatch(/fix what the log names/);
  });
});
