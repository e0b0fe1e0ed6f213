import { describe, expect, it } from 'vitest';
import { analyzeMeshEgressBlocked } from '../../../../src/domain/triage/analyzers/mesh-egress-blocked.js';
import { pickEgressProxyLog } from '../../../../src/domain/triage/mesh-egress-blocked.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { LogEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const withSidecar = (i: number) => pod(i, { containers: [container(), container({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.22.1', probes: {} })] });
const appLog = (p: string): LogEvidence => ({
  pod: p, container: 'app', previous: false,
  lines: [10, 7, 4].flatMap((m) => [
    `${minutesAgo(m)} WARN  c.e.fx.QuotesClient - fx quote failed: HTTP 502 Bad Gateway from https://rates.fxfeed.example.com/v1/latest`,
    `${minutesAgo(m)} ERROR c.e.pay.Controller - POST /v1/charge failed: FxUnavailableException`,
  ]),
});
const proxyLog = (p: string): LogEvidence => ({
  pod: p, container: 'istio-proxy', previous: false,
  lines: [10, 7, 4].flatMap((m) => [
    `[${minutesAgo(m)}] "GET /v1/latest HTTP/1.1" 502 - direct_response - "-" 0 0 0 - "-" "okhttp/4.12.0" "5c1d0b7e-8a51-4d1f-9a3e-2b7c6f0d9e11" "rates.fxfeed.example.com" "-" - - 151.101.1.10:443 10.0.1.5:0 - block_all`,
    `[${minutesAgo(m)}] "- - -" 0 - - - "-" 517 0 3 - "-" "-" "-" "-" "-" BlackHoleCluster - 151.101.1.10:443 10.0.1.5:53118 - -`,
    `[${minutesAgo(m)}] "POST /authorize HTTP/1.1" 200 - via_upstream - "-" 833 214 41 39 "-" "okhttp/4.12.0" "7d2e1c8f-9b62-4e2a-8b4f-3c8d7a1e0f22" "ledger.payments.svc.cluster.local" "10.0.97.30:8080" outbound|80||ledger.payments.svc.cluster.local - 172.20.88.14:80 10.0.1.5:41000 - default`,
  ]),
});

describe('a sidecar that answers calls to a host outside the mesh registry itself', () => {
  it('reads the sidecar of a pod whose app gets 502s from a host outside the cluster', () => {
    const p = withSidecar(0);
    expect(pickEgressProxyLog([p], [appLog(p.name)])).toEqual({ pod: p.name, container: 'istio-proxy' });
    expect(pickEgressProxyLog([pod(0)], [appLog(pod(0).name)])).toBeUndefined();
  });

  it('names the host, REGISTRY_ONLY, the 502 from the sidecar and a ServiceEntry as the fix', () => {
    const p = withSidecar(0);
    const ev = baseEvidence({ pods: [p, withSidecar(1)], logs: [appLog(p.name)], meshProxyLogs: [proxyLog(p.name)] });
    const [f] = analyzeMeshEgressBlocked(ev);
    expect(f?.title).toMatch(/rates\.fxfeed\.example\.com/);
    expect(f?.title).toMatch(/REGISTRY_ONLY/);
    expect(f?.title).toMatch(/502/);
    expect(f?.nextAction).toMatch(/ServiceEntry for rates\.fxfeed\.example\.com/);
    expect(f?.decisive).toMatch(/"rates\.fxfeed\.example\.com".*block_all/);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/REGISTRY_ONLY|ServiceEntry/);
    expect(report.headline).not.toMatch(/NetworkPolicy/);
  });

  it('says nothing when the sidecar passed the calls through', () => {
    const p = withSidecar(0);
    const through = { ...proxyLog(p.name), lines: proxyLog(p.name).lines.map((l) => l.replace('block_all', 'PassthroughCluster').replace('BlackHoleCluster', 'PassthroughCluster')) };
    expect(analyzeMeshEgressBlocked(baseEvidence({ pods: [p], logs: [appLog(p.name)], meshProxyLogs: [through] }))).toEqual([]);
  });
});
