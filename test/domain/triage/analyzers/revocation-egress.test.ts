import { describe, expect, it } from 'vitest';
import { analyzeRevocationEgress } from '../../../../src/domain/triage/analyzers/revocation-egress.js';
import type { NetworkPolicyEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const FLAGS = '-XX:MaxRAMPercentage=70 -Dcom.sun.net.ssl.checkRevocation=true -Dcom.sun.security.enableCRLDP=true';
const FAILURE = 'Caused by: java.security.cert.CertPathValidatorException: Could not determine revocation status';

function partnerOnly(over: Partial<NetworkPolicyEvidence> = {}): NetworkPolicyEvidence {
  return { name: 'partner-only-egress', createdAt: minutesAgo(47), podSelector: {}, policyTypes: ['Egress'], ingress: [], egress: ['to 185.46.212.0/27 on TCP/443', 'to pods k8s-app=kube-dns in namespaces kubernetes.io/metadata.name=kube-system on UDP/53, TCP/53'], ...over };
}

function handshakesFail(policies: NetworkPolicyEvidence[], javaOptions = FLAGS): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'JAVA_TOOL_OPTIONS', value: javaOptions }] })] }));
  return baseEvidence({ pods, networkPolicies: policies, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: ['ERROR Submission of batch failed, will retry', FAILURE] })) });
}

describe('analyzeRevocationEgress', () => {
  it('names the recent egress policy that leaves the revocation check no way to the CA, and the flags that turn it on', () => {
    const [f] = analyzeRevocationEgress(handshakesFail([partnerOnly()]));
    expect(f?.kind).toBe('network-policy');
    expect(f?.title).toContain('NetworkPolicy partner-only-egress (created 47m ago)');
    expect(f?.title).toContain('-Dcom.sun.net.ssl.checkRevocation=true -Dcom.sun.security.enableCRLDP=true');
    expect(f?.decisive).toBe('Could not determine revocation status');
    expect(f?.evidence[0]).toBe(`app env JAVA_TOOL_OPTIONS: -Dcom.sun.net.ssl.checkRevocation=true -Dcom.sun.security.enableCRLDP=true`);
  });

  it('says nothing when the policy allows port 80, when it is old, or when the JVM is not told to check revocation', () => {
    expect(analyzeRevocationEgress(handshakesFail([partnerOnly({ egress: ['to 0.0.0.0/0 on TCP/80'] })]))).toEqual([]);
    expect(analyzeRevocationEgress(handshakesFail([partnerOnly({ createdAt: minutesAgo(30 * 24 * 60) })]))).toEqual([]);
    expect(analyzeRevocationEgress(handshakesFail([partnerOnly()], '-XX:MaxRAMPercentage=70'))).toEqual([]);
  });
});
