import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { PodTemplateEvidence, VolumeEvidence, VolumeMountEvidence } from '../../../src/domain/triage/evidence-spec.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from './scenarios/builders.js';

const VOLUME: VolumeEvidence = { name: 'roots', source: 'configMap', ref: 'corp-roots' };
const template = (volumes: VolumeEvidence[]): PodTemplateEvidence => ({ initContainers: [], volumes, imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } });
const PKIX = 'javax.net.ssl.SSLHandshakeException: I/O error on POST request for "https://api.billing-partner.example/v2/charges": PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target';

function scenario(mount: VolumeMountEvidence, before: { volumes: VolumeEvidence[]; mounts: VolumeMountEvidence[] }) {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, volumes: [VOLUME], containers: [container({ volumeMounts: [mount] })] }));
  const revisions = [
    revision(REV6, minutesAgo(20 * 24 * 60), { template: template(before.volumes), containers: [revisionContainer({ volumeMounts: before.mounts })] }),
    revision(REV7, minutesAgo(50), { template: template([VOLUME]), containers: [revisionContainer({ volumeMounts: [mount] })] }),
  ];
  const lines = [0, 1, 2, 3].map(() => PKIX);
  return baseEvidence({ pods, revisions, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
}

describe('a revision that mounts a CA store over the runtime\'s own trust store', () => {
  const jdk: VolumeMountEvidence = { name: 'roots', mountPath: '/usr/lib/jvm/jre/lib/security/cacerts', subPath: 'cacerts', readOnly: true };

  it('tells the replaced store as the since, not the remote certificate', () => {
    const [f] = analyzeDependencyErrors(scenario(jdk, { volumes: [], mounts: [] }));
    expect(f?.title).toMatch(/^TLS to api\.billing-partner\.example fails \(unknown authority\) since revision 7 \(50m ago\) mounted ConfigMap corp-roots over the JDK's default trust store/);
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toMatch(/cacerts plus the added CA/);
    expect(f?.fix).not.toMatch(/fixed by whoever serves it/);
  });

  it('does the same for a mount over the system CA bundle', () => {
    const [f] = analyzeDependencyErrors(scenario({ name: 'roots', mountPath: '/etc/ssl/certs/ca-certificates.crt', subPath: 'ca.crt' }, { volumes: [], mounts: [] }));
    expect(f?.title).toMatch(/since revision 7 .* over the system CA store/);
  });

  it('is not the reading when the revision before had the same mount', () => {
    const [f] = analyzeDependencyErrors(scenario(jdk, { volumes: [VOLUME], mounts: [jdk] }));
    expect(f?.title).not.toMatch(/since revision 7/);
  });
});
