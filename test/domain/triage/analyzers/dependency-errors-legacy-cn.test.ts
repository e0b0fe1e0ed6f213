import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../../src/domain/triage/analyzers/dependency-errors.js';
import type { PodEvidence } from '../../../../src/domain/triage/evidence.js';
import { REV6, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const REV5 = { revision: 5, hash: '6b8c7d9e5f' };
const refused = '{"level":"ERROR","msg":"screening failed","err":"Post \\"https://kyc.compliance.svc.cluster.local:8443/v1/screen\\": tls: failed to verify certificate: x509: certificate relies on legacy Common Name field, use SANs instead"}';
const env = [{ name: 'GODEBUG', value: 'x509ignoreCN=0' }];

describe('analyzeDependencyErrors: a server certificate Go refuses for its Common Name', () => {
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  const logs = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: ['{"level":"INFO","msg":"starting","go":"go1.23.4"}', refused, refused, refused] }));
  const revisions = [
    revision(REV5, minutesAgo(60 * 24 * 60), { containers: [revisionContainer({ image: 'registry.example/scorer:2.9.7', env })] }),
    revision(REV6, minutesAgo(52), { containers: [revisionContainer({ image: 'registry.example/scorer:3.0.0', env })] }),
  ];

  it('names the certificate without a SAN, the Go version that refuses it and the switch it ignores; the certificate is the fix, a rollback the stopgap', () => {
    const [f] = analyzeDependencyErrors(baseEvidence({ pods, logs, revisions }));
    expect(f?.title).toBe('TLS certificate of kyc.compliance.svc.cluster.local:8443 has no SAN, only a Common Name, which Go refuses since 1.15: this build runs Go 1.23.4, and its GODEBUG=x509ignoreCN=0 is ignored since Go 1.17 (logs of 2 pods, 6 lines)');
    expect(f?.fix).toBe("reissue kyc.compliance.svc.cluster.local's certificate with a SAN for that name");
    expect(f?.rollbackUndoes).toMatch(/old Go toolchain/);
    expect(f?.decisive).toBe('tls: failed to verify certificate: x509: certificate relies on legacy Common Name field, use SANs instead');
    expect(f?.evidence).toContain('Go 1.23.4, from the log of ' + (pods[0]?.name ?? ''));
  });

  it("reads the Go version from the revision's change cause when the log does not print it", () => {
    const quiet = logs.map((l) => ({ ...l, lines: [refused, refused, refused] }));
    const caused = [revisions[0]!, { ...revisions[1]!, changeCause: 'argocd: scorer 3.0.0 (base image golang:1.22.9-bookworm)' }];
    const [f] = analyzeDependencyErrors(baseEvidence({ pods, logs: quiet, revisions: caused }));
    expect(f?.title).toContain('this build runs Go 1.22.9');
  });
});
