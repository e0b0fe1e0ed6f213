import { describe, expect, it } from 'vitest';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findStaleServingCert } from '../../../src/domain/triage/stale-serving-cert.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod, running } from './scenarios/builders.js';

const DAY = 24 * 60;
const VOLUMES = [{ name: 'certs', source: 'secret' as const, ref: 'api-serving-cert' }];
const loaded = (notAfter: string) => `{"level":"INFO","msg":"TLS certificate loaded","path":"/etc/tls/tls.crt","not_after":"${notAfter}"}`;
const alert = (i: number) => `2026/11/21 03:0${i}:00 http: TLS handshake error from 10.0.7.${20 + i}:4100${i}: remote error: tls: bad certificate`;
const served = '{"level":"INFO","msg":"GET /v1/items 200"}';

/** Three ready pods mounting one TLS Secret; the first started long before the other two. */
function scenario(opts: { oldNotAfter?: string; freshNotAfter?: string; alertsOnAll?: boolean; oldStartDays?: number } = {}): TriageEvidence {
  const starts = [(opts.oldStartDays ?? 40) * DAY, 3 * DAY, 3 * DAY - 5];
  const pods: PodEvidence[] = starts.map((m, i) => pod(i, { volumes: VOLUMES, createdAt: minutesAgo(m), startTime: minutesAgo(m), containers: [container({ state: running(m) })] }));
  const log = (i: number): LogEvidence => {
    const head = i === 0 ? (opts.oldNotAfter ? [loaded(opts.oldNotAfter)] : []) : opts.freshNotAfter ? [loaded(opts.freshNotAfter)] : [];
    const alerts = i === 0 || opts.alertsOnAll ? [alert(1), alert(2), alert(3)] : [];
    return { pod: pods[i]!.name, container: 'app', previous: false, lines: [...head, ...alerts, served] };
  };
  return baseEvidence({ pods, logs: [log(0), log(2)] });
}

describe('one replica serving the certificate it loaded before the Secret was renewed', () => {
  it('names the pod whose clients refuse its expired certificate, with the restart first and the reload as the fix', () => {
    const ev = scenario({ oldNotAfter: '2026-11-21T01:00:00Z', freshNotAfter: '2026-12-20T01:00:00Z' });
    const hit = findStaleServingCert({ logs: ev.logs, pods: ev.pods, now: NOW });
    expect(hit).toMatchObject({ pod: ev.pods[0]!.name, expired: true, secret: 'api-serving-cert', alerts: 3 });
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toContain(ev.pods[0]!.name);
    expect(report.headline).toMatch(/expired TLS certificate/);
    expect(report.headline).toMatch(/Restart \S+ so it loads the renewed certificate \(`kubectl delete pod [^)]*\); then make the server reload its certificate/);
    expect(report.headline).not.toMatch(/roll ?back/i);
    expect(report.findings.map((f) => f.likelyCause).join('\n')).toMatch(/certificate has expired/);
  });

  it('without a logged notAfter, names the pod that started well before a clean peer', () => {
    const ev = scenario();
    expect(findStaleServingCert({ logs: ev.logs, pods: ev.pods, now: NOW })).toMatchObject({ pod: ev.pods[0]!.name, expired: false });
  });

  it('says nothing when every pod read is refused alike, or the refused pod is no older than its peers', () => {
    const all = scenario({ alertsOnAll: true });
    expect(findStaleServingCert({ logs: all.logs, pods: all.pods, now: NOW })).toBeUndefined();
    const young = scenario({ oldStartDays: 3 });
    expect(findStaleServingCert({ logs: young.logs, pods: young.pods, now: NOW })).toBeUndefined();
  });

  it('says nothing when the pods mount no Secret to reload from', () => {
    const ev = scenario({ oldNotAfter: '2026-11-21T01:00:00Z' });
    const bare = { ...ev, pods: ev.pods.map((p) => ({ ...p, volumes: [] })) };
    expect(findStaleServingCert({ logs: bare.logs, pods: bare.pods, now: NOW })).toBeUndefined();
  });
});
