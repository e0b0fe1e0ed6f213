import { describe, expect, it } from 'vitest';
import type { EnvVarEvidence, VolumeEvidence } from '../../../src/domain/triage/evidence-spec.js';
import { describeTrustUnchanged, findRekeyedCa, findTrustBundle } from '../../../src/domain/triage/trust-bundle.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from './scenarios/builders.js';

const CA_ENV = { name: 'SSL_CERT_FILE', value: '/etc/ssl/internal/ca.crt' };
const CA_MOUNT = { name: 'internal-ca', mountPath: '/etc/ssl/internal', readOnly: true };
const CA_VOLUME = { name: 'internal-ca', source: 'configMap' as const, ref: 'internal-ca-bundle' };

/** A pod of revision 7 whose app trusts the ConfigMap internal-ca-bundle through SSL_CERT_FILE. */
const trusting = (over = {}) => pod(0, { revisionHash: REV7.hash, containers: [container({ env: [CA_ENV], volumeMounts: [CA_MOUNT] })], volumes: [CA_VOLUME], ...over });

describe('findTrustBundle', () => {
  it('follows SSL_CERT_FILE to the ConfigMap mounted there, and names the key', () => {
    expect(findTrustBundle(trusting(), 'app')).toEqual({ source: 'ConfigMap internal-ca-bundle', volume: CA_VOLUME, via: 'SSL_CERT_FILE=/etc/ssl/internal/ca.crt', envName: 'SSL_CERT_FILE', key: 'ca.crt' });
  });

  it('reads a Java trustStore from JAVA_TOOL_OPTIONS and a Secret mounted by subPath', () => {
    const p = pod(0, {
      containers: [container({ env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Xmx1g -Djavax.net.ssl.trustStore=/opt/app/truststore.jks' }], volumeMounts: [{ name: 'trust', mountPath: '/opt/app/truststore.jks', subPath: 'truststore.jks' }] })],
      volumes: [{ name: 'trust', source: 'secret', ref: 'corp-truststore' }],
    });
    expect(findTrustBundle(p, 'app')).toMatchObject({ source: 'Secret corp-truststore', via: 'JAVA_TOOL_OPTIONS=/opt/app/truststore.jks', key: 'truststore.jks' });
  });

  it('takes a ConfigMap mounted over the system CA directory as the bundle', () => {
    const p = pod(0, { containers: [container({ volumeMounts: [{ name: 'roots', mountPath: '/etc/ssl/certs' }] })], volumes: [{ name: 'roots', source: 'configMap', ref: 'corp-roots' }] });
    expect(findTrustBundle(p, 'app')).toMatchObject({ source: 'ConfigMap corp-roots', via: 'mounted at /etc/ssl/certs' });
  });

  it('says a bundle path no volume covers is a file of the image, and finds nothing in a pod that sets none', () => {
    const p = pod(0, { containers: [container({ env: [{ name: 'REQUESTS_CA_BUNDLE', value: '/app/certs/ca.pem' }] })] });
    expect(findTrustBundle(p, 'app')).toEqual({ source: 'a file in the image', via: 'REQUESTS_CA_BUNDLE=/app/certs/ca.pem', envName: 'REQUESTS_CA_BUNDLE' });
    expect(findTrustBundle(pod(0), 'app')).toBeUndefined();
  });
});

describe('describeTrustUnchanged', () => {
  const rev = (r: typeof REV6, image: string, env: EnvVarEvidence[] = [CA_ENV], volumes: VolumeEvidence[] = [CA_VOLUME]) =>
    revision(r, minutesAgo(r === REV7 ? 45 : 20 * 24 * 60), {
      containers: [revisionContainer({ image, env, volumeMounts: [CA_MOUNT] })],
      template: { initContainers: [], volumes, imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } },
    });

  it('clears a rollout that kept the bundle (same env, same ConfigMap) as the revision before had it', () => {
    const ev = baseEvidence({ revisions: [rev(REV6, 'worker:3.8.0'), rev(REV7, 'worker:3.8.1')] });
    const p = trusting();
    const b = findTrustBundle(p, 'app');
    expect(b && describeTrustUnchanged(ev, p, 'app', b)).toBe('it kept the bundle the pods trust (ConfigMap internal-ca-bundle, SSL_CERT_FILE) as revision 6 had it');
  });

  it('does not clear a rollout that repointed SSL_CERT_FILE or swapped the ConfigMap, nor a bundle from the image', () => {
    const p = trusting();
    const b = findTrustBundle(p, 'app');
    if (b === undefined) throw new Error('no bundle');
    const env = baseEvidence({ revisions: [rev(REV6, 'worker:3.8.0', [{ name: 'SSL_CERT_FILE', value: '/etc/ssl/certs/ca-certificates.crt' }]), rev(REV7, 'worker:3.8.1')] });
    expect(describeTrustUnchanged(env, p, 'app', b)).toBeUndefined();
    const swapped = baseEvidence({ revisions: [rev(REV6, 'worker:3.8.0', [CA_ENV], [{ ...CA_VOLUME, ref: 'old-ca-bundle' }]), rev(REV7, 'worker:3.8.1')] });
    expect(describeTrustUnchanged(swapped, p, 'app', b)).toBeUndefined();
    const kept = baseEvidence({ revisions: [rev(REV6, 'worker:3.8.0'), rev(REV7, 'worker:3.8.1')] });
    expect(describeTrustUnchanged(kept, p, 'app', { source: 'a file in the image', via: 'SSL_CERT_FILE=/app/ca.pem', envName: 'SSL_CERT_FILE' })).toBeUndefined();
  });
});

describe('findRekeyedCa', () => {
  it('reads Go\'s candidate authority, raw or escaped inside a JSON log line', () => {
    expect(findRekeyedCa('x509: certificate signed by unknown authority (possibly because of "crypto/rsa: verification error" while trying to verify candidate authority certificate "internal-ca")')).toBe('internal-ca');
    expect(findRekeyedCa('{"error":"x509: certificate signed by unknown authority (possibly because of \\"crypto/rsa: verification error\\" while trying to verify candidate authority certificate \\"internal-ca\\")"}')).toBe('internal-ca');
    expect(findRekeyedCa('x509: certificate signed by unknown authority')).toBeUndefined();
  });
});
