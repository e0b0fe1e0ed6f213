import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../../src/domain/triage/analyzers/dependency-errors.js';
import type { PodEvidence } from '../../../../src/domain/triage/evidence.js';
import { REV6, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const REV5 = { revision: 5, hash: '6b8c7d9e5f' };
const refused = '{"level":"ERROR","msg":"sync failed","err":"Get \\"https://api.vendor.example:443/v1/feed\\": tls: failed to verify certificate: x509: certificate signed by unknown authority (possibly because of \\"x509: cannot verify signature: insecure algorithm SHA1-RSA\\" while trying to verify candidate authority certificate \\"Vendor Intermediate CA 2\\")"}';
const env = [{ name: 'GODEBUG', value: 'x509sha1=1' }];

describe('analyzeDependencyErrors: a chain signed with SHA-1 that Go refuses', () => {
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  const logs = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: ['{"level":"INFO","msg":"starting","go_version":"go1.24.2"}', refused, refused, refused] }));
  const revisions = [
    revision(REV5, minutesAgo(40 * 24 * 60), { containers: [revisionContainer({ image: 'registry.example/feeder:1.4.0', env })] }),
    revision(REV6, minutesAgo(90), { containers: [revisionContainer({ image: 'registry.example/feeder:1.5.0', env })] }),
  ];

  it('tells the inner SHA-1 refusal over the outer "unknown authority", with the Go version, the switch it no longer honours and the reissue as the fix', () => {
    const [f] = analyzeDependencyErrors(baseEvidence({ pods, logs, revisions }));
    expect(f?.title).toBe('TLS certificate chain of api.vendor.example:443 is refused because "Vendor Intermediate CA 2" is signed with SHA-1 (SHA1-RSA), which Go rejects since 1.18: revision 6 runs Go 1.24.2, and its GODEBUG=x509sha1=1 no longer works: Go 1.24 removed that switch (logs of 2 pods, 6 lines)');
    expect(f?.decisive).toBe('x509: cannot verify signature: insecure algorithm SHA1-RSA');
    expect(f?.fix).toBe("have api.vendor.example's operator reissue its certificate chain signed with SHA-256");
    expect(f?.rollbackUndoes).toMatch(/old Go toolchain/);
    expect(f?.title).not.toMatch(/unknown authority/);
  });

  it('tells a bare SHA-1 refusal too, as a certificate failure', () => {
    const bare = '{"level":"ERROR","msg":"sync failed","err":"Get \\"https://api.vendor.example:443/v1/feed\\": tls: failed to verify certificate: x509: cannot verify signature: insecure algorithm ECDSA-SHA1"}';
    const [f] = analyzeDependencyErrors(baseEvidence({ pods, logs: logs.map((l) => ({ ...l, lines: [bare, bare, bare] })), revisions }));
    expect(f?.title).toContain('signed with SHA-1 (ECDSA-SHA1)');
  });
});
