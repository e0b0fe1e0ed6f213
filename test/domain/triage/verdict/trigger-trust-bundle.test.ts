// An untrusted server certificate right after a rollout: the rollout is cleared when it kept the CA
// bundle the pods trust (a ConfigMap, outside the image), and stays the lead when it changed it.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../../src/domain/triage/analyzers/dependency-errors.js';
import type { EnvVarEvidence } from '../../../../src/domain/triage/evidence-spec.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { IMAGE_V14, IMAGE_V15, REV6, REV7, baseEvidence, container, crashLooping, minutesAgo, pod, podName, revision, revisionContainer, terminated, workload } from '../scenarios/builders.js';

const CA_ENV = { name: 'SSL_CERT_FILE', value: '/etc/ssl/internal/ca.crt' };
const CA_MOUNT = { name: 'internal-ca', mountPath: '/etc/ssl/internal', readOnly: true };
const CA_VOLUME = { name: 'internal-ca', source: 'configMap' as const, ref: 'internal-ca-bundle' };
const TLS_LINE = '{"level":"fatal","msg":"ledger preflight failed","error":"Get \\"https://ledger.payments.svc.cluster.local:8443/healthz\\": tls: failed to verify certificate: x509: certificate signed by unknown authority (possibly because of \\"crypto/rsa: verification error\\" while trying to verify candidate authority certificate \\"internal-ca\\")"}';

/** Three pods of revision 7 (45m old, an image bump) crash on the TLS handshake; `oldEnv` is what revision 6 set. */
function scenario(oldEnv: EnvVarEvidence[]): TriageEvidence {
  const template = { initContainers: [], volumes: [CA_VOLUME], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } };
  const pods = [0, 1, 2].map((i) => {
    const name = podName(REV7.hash, i);
    return pod(i, {
      revisionHash: REV7.hash,
      ready: false,
      createdAt: minutesAgo(44),
      startTime: minutesAgo(44),
      containers: [crashLooping(name, terminated(1, 'Error', 1 + i, { runSeconds: 2 }), 11, { image: IMAGE_V15, env: [CA_ENV], volumeMounts: [CA_MOUNT] })],
      volumes: [CA_VOLUME],
    });
  });
  return baseEvidence({
    pods,
    workload: workload({ readyReplicas: 0, availableReplicas: 0, specReplicas: 3, replicas: 3, updatedReplicas: 3 }),
    revisions: [
      revision(REV6, minutesAgo(14 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14, env: oldEnv, volumeMounts: [CA_MOUNT] })], template }),
      revision(REV7, minutesAgo(45), { replicas: 3, containers: [revisionContainer({ image: IMAGE_V15, env: [CA_ENV], volumeMounts: [CA_MOUNT] })], template }),
    ],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: [TLS_LINE] })),
  });
}

describe('an untrusted certificate after a rollout', () => {
  it('names the bundle the pods trust and clears the rollout that kept it: no rollback offered', () => {
    const ev = scenario([CA_ENV]);
    const findings = analyzeDependencyErrors(ev);
    const [f] = findings;
    expect(f?.evidence).toContain('the pods trust ConfigMap internal-ca-bundle (key ca.crt), via SSL_CERT_FILE=/etc/ssl/internal/ca.crt');
    expect(f?.likelyCause).toContain('internal-ca was re-keyed (renewed with a new key under the same name)');
    expect(f?.outsideWorkload).toBe('it kept the bundle the pods trust (ConfigMap internal-ca-bundle, SSL_CERT_FILE) as revision 6 had it');
    const d = diagnose(ev, findings);
    expect(d?.trigger.kind).toBe('none');
    expect(d?.headline).toContain('revision 7 (45m ago) is not the cause: it kept the bundle the pods trust');
    expect(d?.headline).not.toMatch(/roll back/i);
    expect(d?.action).toBe('Add the CA that now signs ledger.payments.svc.cluster.local:8443\'s certificate to ConfigMap internal-ca-bundle (key ca.crt, SSL_CERT_FILE), then restart the pods');
  });

  it('keeps the rollout as the trigger when it repointed SSL_CERT_FILE at the bundle', () => {
    const ev = scenario([{ name: 'SSL_CERT_FILE', value: '/etc/ssl/certs/ca-certificates.crt' }]);
    const findings = analyzeDependencyErrors(ev);
    expect(findings[0]?.outsideWorkload).toBeUndefined();
    const d = diagnose(ev, findings);
    expect(d?.trigger.kind).toBe('revision');
    expect(d?.action).toMatch(/^Roll back to revision 6/);
  });
});
