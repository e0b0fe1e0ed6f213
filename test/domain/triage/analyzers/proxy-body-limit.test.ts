import { describe, expect, it } from 'vitest';
import { analyzeProxyBodyLimit } from '../../../../src/domain/triage/analyzers/proxy-body-limit.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { ProxyConfigEvidence } from '../../../../src/domain/triage/evidence-proxy-config.js';
import { findBodyRefusals, findNginxDirective, parseBodyRefusal, pickProxyConfigReads } from '../../../../src/domain/triage/proxy-body-limit.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const refusal = (t: string, bytes: number) =>
  `2026/11/21 ${t} [error] 29#29: *21424 client intended to send too large body: ${bytes} bytes, client: 10.0.35.171, server: files.example.com, request: "POST /v1/files HTTP/1.1", host: "files.example.com"`;
const access = (t: string, status: number) => `10.0.35.171 - - [21/Nov/2026:${t} +0000] "POST /v1/files HTTP/1.1" ${status} 176 "-" "curl/8.5.0"`;
const PROXY_LOG = [
  access('03:00:00', 201),
  refusal('03:02:36', 2210457), access('03:02:36', 413),
  refusal('03:05:18', 7730118), access('03:05:18', 413),
  refusal('03:08:00', 4839201), access('03:08:00', 413),
];

/** An nginx sidecar (first or second container) in front of the app on 127.0.0.1:9000; revision 7 mounts another nginx ConfigMap. */
function refusingProxy(o: { proxyLog?: string[]; proxyConfig?: ProxyConfigEvidence[] } = {}): TriageEvidence {
  const mounts = [{ name: 'nginx-conf', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf' }];
  const nginx = container({ name: 'proxy', image: 'nginx:1.27-alpine', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], volumeMounts: mounts, state: { running: { startedAt: minutesAgo(40) } } });
  const app = container({ name: 'app', ports: [{ name: 'app', containerPort: 9000, protocol: 'TCP' }], state: { running: { startedAt: minutesAgo(40) } } });
  const pods: PodEvidence[] = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, containers: [app, nginx], volumes: [{ name: 'nginx-conf', source: 'configMap', ref: 'files-nginx-h7f2c9t6km' }], createdAt: minutesAgo(40), startTime: minutesAgo(40) }));
  const template = (cm: string) => ({ initContainers: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, volumes: [{ name: 'nginx-conf', source: 'configMap' as const, ref: cm }] });
  const containers = [revisionContainer({ name: 'app', env: [], envFrom: [] }), revisionContainer({ name: 'proxy', env: [], envFrom: [], volumeMounts: mounts })];
  return baseEvidence({
    pods,
    revisions: [
      revision(REV6, minutesAgo(6 * 24 * 60), { containers, template: template('files-nginx-5gk7m2b8dt') }),
      revision(REV7, minutesAgo(41), { replicas: 3, containers, template: template('files-nginx-h7f2c9t6km') }),
    ],
    logs: [
      ...pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'proxy', previous: false, lines: o.proxyLog ?? PROXY_LOG })),
      ...pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: ['[2026-11-21 03:00:00 +0000] [1] [INFO] Listening at: http://127.0.0.1:9000 (1)'] })),
    ],
    ...(o.proxyConfig ? { proxyConfig: o.proxyConfig } : {}),
  });
}

describe('nginx in the pods refusing request bodies over client_max_body_size (413)', () => {
  it('reads the size nginx refused and when, and finds client_max_body_size in an nginx.conf', () => {
    expect(parseBodyRefusal(refusal('03:02:36', 2210457))).toMatchObject({ bytes: 2210457, quote: 'client intended to send too large body: 2210457 bytes', at: '2026-11-21T03:02:36.000Z' });
    expect(parseBodyRefusal(access('03:02:36', 413))).toBeUndefined();
    expect(findNginxDirective('http {\n  # client_max_body_size 10m;\n  client_max_body_size 1m;\n  server { location /big { client_max_body_size 50m; } }\n}', 'client_max_body_size')).toEqual(['1m', '50m']);
  });

  it('calls it a problem only when it recurs: one oversized client is not a limit the traffic meets', () => {
    expect(findBodyRefusals(refusingProxy().logs, refusingProxy().pods)).toMatchObject({ container: 'proxy', answered413: 6, pods: [expect.any(String), expect.any(String)] });
    expect(analyzeProxyBodyLimit(refusingProxy({ proxyLog: PROXY_LOG.slice(0, 3) }))).toEqual([]);
  });

  it('reads the ConfigMap the proxy mounts now and the one the revision before mounted there (two at most), nothing without refusals', () => {
    expect(pickProxyConfigReads(refusingProxy())).toEqual([{ configMap: 'files-nginx-h7f2c9t6km', mountedNow: true }, { configMap: 'files-nginx-5gk7m2b8dt', mountedNow: false }]);
    expect(pickProxyConfigReads(refusingProxy({ proxyLog: PROXY_LOG.slice(0, 1) }))).toEqual([]);
  });

  it('quotes the size refused and claims no limit value it did not read', () => {
    const [f] = analyzeProxyBodyLimit(refusingProxy());
    expect(f?.title).toMatch(/^proxy refuses request bodies over its client_max_body_size \(its value was not read\): 6 bodies of 2\.1MiB to 7\.4MiB refused, 6 answered 413/);
    expect(f?.decisive).toBe('client intended to send too large body: 4839201 bytes');
    expect(`${f?.title} ${f?.evidence.join(' ')} ${f?.fix}`).not.toMatch(/\b\d+m\b/);
  });

  it('states the limit now and before when read, blames the revision that mounted the new ConfigMap, and offers the rollback or the old value', () => {
    const proxyConfig: ProxyConfigEvidence[] = [
      { configMap: 'files-nginx-h7f2c9t6km', key: 'nginx.conf', setting: 'client_max_body_size', value: '1m', mountedNow: true },
      { configMap: 'files-nginx-5gk7m2b8dt', key: 'nginx.conf', setting: 'client_max_body_size', value: '50m', mountedNow: false },
    ];
    const report = buildTriageReport(refusingProxy({ proxyConfig }), { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(report.headline).toMatch(/^Since revision 7 \(41m ago: volume nginx-conf \(proxy at \/etc\/nginx\/nginx\.conf\) now mounts ConfigMap files-nginx-h7f2c9t6km instead of files-nginx-5gk7m2b8dt\): proxy refuses request bodies over its client_max_body_size 1m/);
    expect(report.headline).toMatch(/413/);
    expect(report.headline).toMatch(/Roll back to revision 6, or restore client_max_body_size 50m/);
    expect(report.headline.length).toBeLessThanOrEqual(700);
  });
});

// A limit set on purpose: far above nginx's 1m default, the same in the revision before, refusing
// only bodies over it, a few among many requests that pass. That is the limit doing its job (a
// product limit for single-request bodies), not an incident; a lowered or default limit stays one.
describe('nginx refusing a few bodies over a large limit it has long had', () => {
  const big = 104857601;
  const deliberateLog = (sizes: number[]) => [
    ...Array.from({ length: 18 }, (_, i) => access(`03:0${i % 10}:1${i % 6}`, 201)),
    ...sizes.flatMap((b, i) => [refusal(`03:1${i}:00`, b), access(`03:1${i}:00`, 413)]),
    ...Array.from({ length: 6 }, (_, i) => access(`03:2${i}:00`, 200)),
  ];
  const config = (now: string, before: string): ProxyConfigEvidence[] => [
    { configMap: 'files-nginx-h7f2c9t6km', key: 'default.conf', setting: 'client_max_body_size', value: now, mountedNow: true },
    { configMap: 'files-nginx-5gk7m2b8dt', key: 'default.conf', setting: 'client_max_body_size', value: before, mountedNow: false },
  ];
  const times = { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) };
  /** The three pods the fixture runs, all of the workload's replicas. */
  const whole = (ev: TriageEvidence): TriageEvidence => ({ ...ev, workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3, currentRevision: 7 }) });

  it('is told as the limit working, and the pods healthy', () => {
    const report = buildTriageReport(whole(refusingProxy({ proxyLog: deliberateLog([big, 187432960, 2147483648]), proxyConfig: config('100m', '100m') })), times);
    expect(report.verdict).toBe('healthy');
    const note = report.findings.find((f) => f.id.startsWith('container-config/proxy-body-limit'));
    expect(note?.severity).toBe('info');
    expect(note?.title).toMatch(/client_max_body_size 100m/);
    expect(`${note?.title} ${note?.nextAction} ${note?.fix ?? ''} ${report.headline}`).not.toMatch(/raise|increase/i);
  });

  it('stays a problem when the limit changed, is small, refuses bodies under it, or refuses much of the traffic', () => {
    const verdict = (log: string[], cfg: ProxyConfigEvidence[]) => buildTriageReport(whole(refusingProxy({ proxyLog: log, proxyConfig: cfg })), times).verdict;
    expect(verdict(deliberateLog([big, big, big]), config('100m', '500m'))).toBe('problems');
    expect(verdict(deliberateLog([2210457, 7730118, 4839201]), config('2m', '2m'))).toBe('problems');
    expect(verdict(deliberateLog([20_000_000, big, big]), config('100m', '100m'))).toBe('problems');
    expect(verdict(PROXY_LOG.map((l) => l.replace(/\d+ bytes/, `${big} bytes`)), config('100m', '100m'))).toBe('problems');
  });
});
