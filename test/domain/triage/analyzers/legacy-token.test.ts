// A legacy service-account token Secret mounted in place of the projected token, rejected by the
// API server: the pods stay Ready while every API call fails 401.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { analyzeLegacyToken } from '../../../../src/domain/triage/analyzers/legacy-token.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { REV6, baseEvidence, container, minutesAgo, pod, revision } from '../scenarios/builders.js';

const SA_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };

function tokenPod(i: number, mountPath = SA_PATH): PodEvidence {
  return pod(i, {
    volumes: [{ name: 'sa-token', source: 'secret', ref: 'sync-token-7qv4h' }],
    containers: [container({ volumeMounts: [{ name: 'sa-token', mountPath, readOnly: true }] })],
  });
}

const refused = (n: number) => [
  `W1121 03:1${n}:12.000311       1 reflector.go:539] pkg/mod/k8s.io/client-go@v0.29.3/tools/cache/reflector.go:229: failed to list *v1.ConfigMap: Unauthorized`,
  `E1121 03:1${n}:12.000312       1 leaderelection.go:332] error retrieving resource lock payments/sync-leader: Unauthorized`,
];

function scenario(pods: PodEvidence[], lines: string[] = [1, 2, 3].flatMap(refused)): TriageEvidence {
  const logs = pods.slice(0, 2).map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines }));
  return baseEvidence({
    pods,
    logs,
    revisions: [revision(REV6, minutesAgo(400 * 24 * 60), { replicas: 5, template: { initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, automountServiceAccountToken: false } })],
  });
}

describe('a legacy service-account token the API server rejects', () => {
  it('names the token Secret and advises the projected token, in the headline', () => {
    const pods = [0, 1, 2, 3, 4].map((i) => tokenPod(i));
    const [f] = analyzeLegacyToken(scenario(pods));
    expect(f?.title).toContain('(401 Unauthorized): a legacy long-lived token from Secret sync-token-7qv4h, mounted at /var/run/secrets/kubernetes.io/serviceaccount with automountServiceAccountToken false');
    expect(f?.nextAction).toMatch(/projected, bound service-account token/);
    expect(f?.likelyCause).not.toMatch(/forbidden|403/i);
    const r = buildTriageReport(scenario(pods), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/^The Kubernetes API rejects the service-account token/);
    expect(r.headline).toContain('failed to list *v1.ConfigMap: Unauthorized');
  });

  it('says nothing without the Secret at the token path, or without API refusals', () => {
    expect(analyzeLegacyToken(scenario([0, 1].map((i) => tokenPod(i, '/etc/sync'))))).toEqual([]);
    expect(analyzeLegacyToken(scenario([0, 1].map((i) => tokenPod(i)), ['I1121 03:11:12.000311       1 leaderelection.go:250] successfully acquired lease payments/sync-leader']))).toEqual([]);
  });

  it('finds the Secret at a path of the pod\'s own that its log names as the token file, in a crash-looping run\'s previous log', () => {
    const pods = [0].map((i) => tokenPod(i, '/etc/sync/credentials'));
    const lines = ['I1121 03:10:00.000100       1 main.go:40] "Loaded client config" server="https://kubernetes.default.svc" tokenFile="/etc/sync/credentials/token"', ...refused(1), ...refused(2)];
    const ev: TriageEvidence = { ...scenario(pods), logs: [{ pod: pods[0]?.name ?? '', container: 'app', previous: true, lines }, { pod: pods[0]?.name ?? '', container: 'app', previous: false, lines: [] }] };
    const [f] = analyzeLegacyToken(ev);
    expect(f?.title).toContain('a legacy long-lived token from Secret sync-token-7qv4h, mounted at /etc/sync/credentials');
    expect(f?.likelyCause).not.toMatch(/permission|forbidden|403/i);
    // The same mount with no token file named under it is not where the process reads its token.
    const unnamed: TriageEvidence = { ...ev, logs: [{ pod: pods[0]?.name ?? '', container: 'app', previous: true, lines: lines.slice(1) }] };
    expect(analyzeLegacyToken(unnamed)).toEqual([]);
  });
});
