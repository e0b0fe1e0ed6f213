import { describe, expect, it } from 'vitest';
import type { PodTemplateEvidence, RevisionEvidence } from '../../../src/domain/triage/evidence.js';
import { diffRevisions, shortenImageChange } from '../../../src/domain/triage/revision-diff.js';
import { IMAGE_V14, IMAGE_V15, REV6, REV7, minutesAgo, revision, revisionContainer } from './scenarios/builders.js';

const LIVENESS = 'GET :8080/healthz, after 10s, every 10s, timeout 1s, 3 failures';
const READINESS = 'GET :8080/ready, every 10s, timeout 1s, 3 failures';
const MIGRATE_V14 = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service-migrations:2.14.0';
const MIGRATE_V15 = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service-migrations:2.15.0';

function template(over: Partial<PodTemplateEvidence> = {}): PodTemplateEvidence {
  return {
    initContainers: [revisionContainer({ name: 'migrate', image: MIGRATE_V14, command: ['/app/migrate', 'up'], env: [], envFrom: [] })],
    volumes: [{ name: 'config', source: 'configMap', ref: 'payment-service-config' }],
    serviceAccountName: 'payment-service',
    imagePullSecrets: ['ecr-pull'],
    placement: {
      nodeSelector: { 'eks.amazonaws.com/nodegroup': 'general-2024' },
      requiredNodeAffinity: [],
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'payments', effect: 'NoSchedule' }],
    },
    ...over,
  };
}

/** Revision 6 and a revision 7 that changes only what `newer` says. */
function pair(newer: Partial<RevisionEvidence>, older: Partial<RevisionEvidence> = {}): [RevisionEvidence, RevisionEvidence] {
  const base = { containers: [revisionContainer({ probes: { liveness: LIVENESS, readiness: READINESS } })], template: template() };
  return [revision(REV6, minutesAgo(9 * 24 * 60), { ...base, ...older }), revision(REV7, minutesAgo(25), { ...base, ...newer })];
}

describe('diffRevisions: the template', () => {
  it('names a changed schedulerName, unset counting as default-scheduler', () => {
    const [a, b] = pair({ template: template({ schedulerName: 'binpack-scheduler' }) });
    expect(diffRevisions(a, b)).toEqual(['schedulerName: default-scheduler → binpack-scheduler']);
    const [c, d] = pair({ template: template({ schedulerName: 'default-scheduler' }) });
    expect(diffRevisions(c, d)).toEqual([]);
  });

  it('names a source added to a projected volume after another, and the keys it may project over', () => {
    const own = { kind: 'configMap' as const, name: 'app-config', items: ['application.yaml', 'logback.xml'] };
    const [a, b] = pair(
      { template: template({ volumes: [{ name: 'config', source: 'projected', projectedSources: [own, { kind: 'configMap', name: 'shared-defaults' }] }] }) },
      { template: template({ volumes: [{ name: 'config', source: 'projected', projectedSources: [own] }] }) },
    );
    expect(diffRevisions(a, b)).toEqual(['projected volume config adds ConfigMap shared-defaults (every key) after ConfigMap app-config (application.yaml, logback.xml): a key both hold is the later one\'s file']);
  });

  it('names a projected token whose audience changed', () => {
    const [a, b] = pair({ template: template({ volumes: [{ name: 'api-token', source: 'projected', audience: 'https://billing.example' }] }) }, { template: template({ volumes: [{ name: 'api-token', source: 'projected', audience: 'billing' }] }) });
    expect(diffRevisions(a, b)).toEqual(['volume api-token token audience: billing → https://billing.example']);
  });

  it('shows only the part of a probe that changed', () => {
    const [a, b] = pair({ containers: [revisionContainer({ probes: { liveness: 'GET :9090/healthz, after 10s, every 10s, timeout 1s, 3 failures', readiness: READINESS } })] });
    expect(diffRevisions(a, b)).toEqual(['app liveness probe: GET :8080/healthz → GET :9090/healthz']);
  });

  it('lists several changed parts of one probe together', () => {
    const [a, b] = pair({ containers: [revisionContainer({ probes: { liveness: LIVENESS, readiness: 'GET :8080/ready, every 5s, timeout 1s, 1 failures' } })] });
    expect(diffRevisions(a, b)).toEqual(['app readiness probe: every 10s → every 5s, 3 failures → 1 failures']);
  });

  it('shows the whole probe when its shape changed, and says when one was added or removed', () => {
    const [a, b] = pair({ containers: [revisionContainer({ probes: { liveness: 'GET :8080/healthz, every 10s, timeout 1s, 3 failures', startup: 'GET :8080/healthz, every 5s, timeout 1s, 30 failures' } })] });
    expect(diffRevisions(a, b)).toEqual([
      `app liveness probe: ${LIVENESS} → GET :8080/healthz, every 10s, timeout 1s, 3 failures`,
      `app readiness probe removed (was ${READINESS})`,
      'app startup probe added: GET :8080/healthz, every 5s, timeout 1s, 30 failures',
    ]);
  });

  it("shows a volume's file mode when a revision changes it", () => {
    const [a, b] = pair({ template: template({ volumes: [{ name: 'config', source: 'configMap', ref: 'payment-service-config', mode: '0400' }] }) });
    expect(diffRevisions(a, b)).toEqual(['volumes: "config:configMap/payment-service-config" → "config:configMap/payment-service-config (mode 0400)"']);
  });

  it("shows the keys a volume's items list when a revision changes them", () => {
    const [a, b] = pair({ template: template({ volumes: [{ name: 'config', source: 'configMap', ref: 'payment-service-config', items: ['app.yaml', 'log.yaml'] }] }) });
    expect(diffRevisions(a, b)).toEqual(['volumes: "config:configMap/payment-service-config" → "config:configMap/payment-service-config [items app.yaml, log.yaml]"']);
  });

  it('says when a lifecycle hook was added or changed', () => {
    const hook = '/bin/sh -c curl -fsS -X POST http://localhost:8080/internal/cache/warmup';
    const [a, b] = pair({ containers: [revisionContainer({ probes: { liveness: LIVENESS, readiness: READINESS }, hooks: { postStart: hook, preStop: 'sleep 5s' } })] }, { containers: [revisionContainer({ probes: { liveness: LIVENESS, readiness: READINESS }, hooks: { preStop: 'sleep 10s' } })] });
    expect(diffRevisions(a, b)).toEqual([`app postStart hook added: ${hook}`, 'app preStop hook: sleep 10s → sleep 5s']);
  });

  it('shows a changed command and args word by word', () => {
    const [a, b] = pair(
      { containers: [revisionContainer({ command: ['/app/server', '--config', '/etc/payments/config.yaml'], args: [], probes: { liveness: LIVENESS, readiness: READINESS } })] },
      { containers: [revisionContainer({ command: ['/app/server'], args: ['--port=8080'], probes: { liveness: LIVENESS, readiness: READINESS } })] },
    );
    expect(diffRevisions(a, b)).toEqual(['app command: "/app/server" → "/app/server" "--config" "/etc/payments/config.yaml"', 'app args: "--port=8080" → (none)']);
  });

  it('diffs init containers under their own name', () => {
    const [a, b] = pair({ template: template({ initContainers: [revisionContainer({ name: 'migrate', image: MIGRATE_V15, command: ['/app/migrate', 'up', '--allow-destructive'], env: [], envFrom: [] })] }) });
    expect(diffRevisions(a, b)).toEqual([`init migrate image: ${MIGRATE_V14} → ${MIGRATE_V15}`, 'init migrate command: "/app/migrate" "up" → "/app/migrate" "up" "--allow-destructive"']);
  });

  it('says which init container was added or removed', () => {
    const wait = revisionContainer({ name: 'wait-for-db', image: 'busybox:1.36', command: ['sh', '-c', 'until nc -z postgres 5432; do sleep 2; done'], env: [], envFrom: [] });
    const [a, b] = pair({ template: template({ initContainers: [wait] }) });
    expect(diffRevisions(a, b)).toEqual(['init container wait-for-db added (busybox:1.36 sh -c until nc -z postgres 5432; do sleep 2; done)', 'init container migrate removed']);
  });

  it('shows a changed nodeSelector, required affinity and tolerations', () => {
    const [a, b] = pair({
      template: template({
        placement: {
          nodeSelector: { 'eks.amazonaws.com/nodegroup': 'general-2025' },
          requiredNodeAffinity: [[{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64', 'arm64'] }, { key: 'example.com/pci', operator: 'Exists', values: [] }]],
          tolerations: [],
        },
      }),
    });
    expect(diffRevisions(a, b)).toEqual([
      'nodeSelector: "eks.amazonaws.com/nodegroup=general-2024" → "eks.amazonaws.com/nodegroup=general-2025"',
      'required node affinity: (none) → "kubernetes.io/arch In (amd64,arm64) and example.com/pci Exists"',
      'tolerations: "dedicated=payments:NoSchedule" → (none)',
    ]);
  });

  it('shows a changed required pod affinity and anti-affinity', () => {
    const [a] = pair({});
    const base = a.template?.placement ?? { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] };
    const term = { matchLabels: { app: 'suggest-cache' }, matchExpressions: [], topologyKey: 'kubernetes.io/hostname' };
    const older = { ...a, template: template({ placement: { ...base, requiredPodAffinity: [term] } }) };
    const newer = { ...older, revision: 7, template: template({ placement: { ...base, requiredPodAffinity: [{ ...term, matchLabels: { 'app.kubernetes.io/name': 'suggest-cache' } }], requiredPodAntiAffinity: [{ ...term, matchLabels: { app: 'payment-service' } }] } }) };
    expect(diffRevisions(older, newer)).toEqual([
      'required pod affinity: "app=suggest-cache @kubernetes.io/hostname" → "app.kubernetes.io/name=suggest-cache @kubernetes.io/hostname"',
      'required pod anti-affinity: (none) → "app=payment-service @kubernetes.io/hostname"',
    ]);
    expect(diffRevisions(older, { ...older, revision: 7 })).toEqual([]);
  });

  it('renders Exists and keyless tolerations', () => {
    const [a, b] = pair({
      template: template({
        placement: { nodeSelector: { 'eks.amazonaws.com/nodegroup': 'general-2024' }, requiredNodeAffinity: [], tolerations: [{ key: 'dedicated', operator: 'Exists' }, { operator: 'Exists', effect: 'NoExecute' }] },
      }),
    });
    expect(diffRevisions(a, b)).toEqual(['tolerations: "dedicated=payments:NoSchedule" → "dedicated" "*:NoExecute"']);
  });

  it('shows changed imagePullSecrets, service account and volumes', () => {
    const [a, b] = pair({
      template: template({ imagePullSecrets: ['ecr-puller'], serviceAccountName: undefined, volumes: [{ name: 'config', source: 'configMap', ref: 'payment-service-config-v2' }, { name: 'tmp', source: 'emptyDir' }] }),
    });
    expect(diffRevisions(a, b)).toEqual([
      'volumes: "config:configMap/payment-service-config" → "config:configMap/payment-service-config-v2" "tmp:emptyDir"',
      'serviceAccountName: payment-service → default',
      'imagePullSecrets: "ecr-pull" → "ecr-puller"',
    ]);
  });

  it('shows pod-level security, priority, host network and grace period changes', () => {
    const [a, b] = pair({ template: template({ securityContext: '{"runAsNonRoot":true,"fsGroup":1001}', priorityClassName: 'payments-critical', hostNetwork: true, terminationGracePeriodSeconds: 5 }) });
    expect(diffRevisions(a, b)).toEqual([
      'pod securityContext: {} → {"runAsNonRoot":true,"fsGroup":1001}',
      'priorityClassName: (none) → payments-critical',
      'hostNetwork: false → true',
      'terminationGracePeriodSeconds: 30 → 5',
    ]);
  });

  it('puts the pod sysctls on a line of their own, by name and value, apart from the rest of the securityContext', () => {
    const older = { ...pair({})[0], template: template({ securityContext: '{"runAsNonRoot":true}' }) };
    const newer = { ...older, revision: 7, template: template({ securityContext: '{"runAsNonRoot":true,"sysctls":[{"name":"kernel.shm_rmid_forced","value":"1"},{"name":"net.ipv4.tcp_keepalive_time","value":"120"}]}' }) };
    expect(diffRevisions(older, newer)).toEqual(['pod securityContext sysctls added kernel.shm_rmid_forced=1, net.ipv4.tcp_keepalive_time=120']);
    const both = { ...newer, revision: 8, template: template({ securityContext: '{"runAsNonRoot":false,"sysctls":[{"name":"kernel.shm_rmid_forced","value":"1"}]}' }) };
    expect(diffRevisions(newer, both)).toEqual(['pod securityContext: {"runAsNonRoot":true} → {"runAsNonRoot":false}', 'pod securityContext sysctls removed net.ipv4.tcp_keepalive_time=120']);
  });

  it('shows a template that sets a RuntimeClass, whose pod overhead makes every pod bigger', () => {
    const [a, b] = pair({ template: template({ runtimeClassName: 'sandboxed-vm' }) });
    expect(diffRevisions(a, b)).toEqual(['runtimeClassName: (none) → sandboxed-vm']);
  });

  it('shows a template that turns off the service-account token, which in-cluster API clients read', () => {
    const [a, b] = pair({ template: template({ automountServiceAccountToken: false }) });
    expect(diffRevisions(a, b)).toEqual(['automountServiceAccountToken: (unset) → false']);
  });

  it('compares no template when one side did not record it', () => {
    const [a, b] = pair({ template: undefined });
    expect(diffRevisions(a, b)).toEqual([]);
  });

  it('is empty for a rollout restart', () => {
    const [a, b] = pair({});
    expect(diffRevisions(a, b)).toEqual([]);
  });

  it('shows pod annotations added, removed or changed, since webhooks and plugins act on them', () => {
    const [a, b] = pair(
      { template: template({ annotations: { 'k8s.v1.cni.cncf.io/networks': 'vlan130-macvlan', 'prometheus.io/scrape': 'true', 'sidecar.istio.io/proxyCPU': '200m' } }) },
      { template: template({ annotations: { 'k8s.v1.cni.cncf.io/networks': 'media-vlan120', 'prometheus.io/scrape': 'true', 'proxy.istio.io/config': 'holdApplicationUntilProxyStarts: true\n' } }) },
    );
    expect(diffRevisions(a, b)).toEqual([
      'pod annotation k8s.v1.cni.cncf.io/networks: "media-vlan120" → "vlan130-macvlan"',
      'pod annotation removed proxy.istio.io/config (was "holdApplicationUntilProxyStarts: true\\n")',
      'pod annotation added sidecar.istio.io/proxyCPU: "200m"',
    ]);
  });

  it('leaves out annotations that change on every rollout: restartedAt, config checksums', () => {
    const [a, b] = pair(
      { template: template({ annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-21T10:00:00Z', 'checksum/config': 'b2' } }) },
      { template: template({ annotations: { 'checksum/config': 'a1' } }) },
    );
    expect(diffRevisions(a, b)).toEqual([]);
  });

  it('lists container changes before template changes', () => {
    const [a, b] = pair({ containers: [revisionContainer({ image: IMAGE_V15, probes: { liveness: LIVENESS, readiness: READINESS } })], template: template({ imagePullSecrets: [] }) });
    expect(diffRevisions(a, b)).toEqual([`app image: ${IMAGE_V14} → ${IMAGE_V15}`, 'imagePullSecrets: "ecr-pull" → (none)']);
  });
});

describe('shortenImageChange', () => {
  it('keeps only the tags when the repository stayed the same', () => {
    expect(shortenImageChange(`app image: ${IMAGE_V14} → ${IMAGE_V15}`)).toBe('app image 2.14.0 → 2.15.0');
    expect(shortenImageChange(`init migrate image: ${MIGRATE_V14} → ${MIGRATE_V15}`)).toBe('init migrate image 2.14.0 → 2.15.0');
  });

  it('reads an untagged image as latest, even behind a registry port', () => {
    expect(shortenImageChange('app image: registry.internal:5000/payments/api → registry.internal:5000/payments/api:2.15.0')).toBe('app image latest → 2.15.0');
  });

  it('keeps the digest of a pinned image', () => {
    expect(shortenImageChange('app image: ghcr.io/acme/api@sha256:4f2a → ghcr.io/acme/api@sha256:9b1c')).toBe('app image @sha256:4f2a → @sha256:9b1c');
  });

  it('leaves the line whole when the repository changed', () => {
    const line = `app image: ${IMAGE_V14} → docker.io/acme/payment-service:2.15.0`;
    expect(shortenImageChange(line)).toBe(line);
  });

  it('leaves other diff lines alone', () => {
    expect(shortenImageChange('app memory limit: 512Mi → 384Mi')).toBe('app memory limit: 512Mi → 384Mi');
  });
});

describe('diffRevisions: an env var holding a list of options', () => {
  const flags = (type: string, extra: string) => `-Djavax.net.ssl.keyStore=/etc/tls/keystore.jks -Djavax.net.ssl.keyStorePassword=$(KEYSTORE_PASSWORD) -Djavax.net.ssl.keyStoreType=${type} ${extra}`;
  const withEnv = (value: string) => ({ containers: [revisionContainer({ env: [{ name: 'JAVA_TOOL_OPTIONS', value }] })] });

  it('names the options that changed, not two long values cut short', () => {
    const [a, b] = pair(withEnv(flags('PKCS12', '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError')), withEnv(flags('JCEKS', '-XX:MaxRAMPercentage=70')));
    expect(diffRevisions(a, b)).toEqual(['app env JAVA_TOOL_OPTIONS options: -Djavax.net.ssl.keyStoreType=JCEKS → PKCS12, -XX:MaxRAMPercentage=70 → 75, added -XX:+ExitOnOutOfMemoryError']);
  });

  it('keeps the whole value when it is not a list of options', () => {
    const [a, b] = pair(withEnv('http://proxy:3128'), withEnv('http://proxy:8080'));
    expect(diffRevisions(a, b)).toEqual(['app env JAVA_TOOL_OPTIONS: "http://proxy:8080" → "http://proxy:3128"']);
  });
});
