import { describe, expect, it } from 'vitest';
import { analyzeNginxNoResolver } from '../../../../src/domain/triage/analyzers/nginx-no-resolver.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { ProxyConfigEvidence } from '../../../../src/domain/triage/evidence-proxy-config.js';
import { findUnresolvedUpstream, pickResolverConfigReads } from '../../../../src/domain/triage/nginx-no-resolver.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const failed = (t: string, k: number) =>
  `2026/11/21 ${t} [error] 88#88: *${183211 + k} no resolver defined to resolve payments.shop.svc.cluster.local, client: 10.0.5.16, server: _, request: "POST /api/payments/v2/charges HTTP/1.1", host: "edge-gateway.shop.svc.cluster.local"`;
const access = (t: string, status: number) => `10.0.5.16 - - [21/Nov/2026:${t} +0000] "POST /api/payments/v2/charges HTTP/1.1" ${status} 157 "-" "checkout-web/8.4.0"`;
const GATEWAY_LOG = [
  '2026/11/21 02:48:06 [notice] 1#1: signal 1 (SIGHUP) received from 61, reconfiguring',
  access('02:47:00', 200),
  failed('02:49:10', 1), access('02:49:10', 502),
  failed('02:55:40', 2), access('02:55:40', 502),
  failed('03:08:00', 3), access('03:08:00', 502),
];
const CONFIG: ProxyConfigEvidence[] = [
  { configMap: 'edge-gateway-conf', key: 'default.conf', setting: 'proxy_pass', value: 'http://catalog.shop.svc.cluster.local:80', mountedNow: true },
  { configMap: 'edge-gateway-conf', key: 'default.conf', setting: 'proxy_pass', value: 'http://$upstream_host', mountedNow: true },
];

/** An nginx gateway mounting edge-gateway-conf, edited in place 24 minutes ago (no rollout). */
function gateway(o: { log?: string[]; proxyConfig?: ProxyConfigEvidence[] } = {}): TriageEvidence {
  const mounts = [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }];
  const nginx = container({ name: 'nginx', image: 'nginx:1.27.2-alpine', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], volumeMounts: mounts, state: { running: { startedAt: minutesAgo(34 * 24 * 60) } } });
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, containers: [nginx], volumes: [{ name: 'conf', source: 'configMap', ref: 'edge-gateway-conf' }], createdAt: minutesAgo(34 * 24 * 60), startTime: minutesAgo(34 * 24 * 60) }));
  const template = { initContainers: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, volumes: [{ name: 'conf', source: 'configMap' as const, ref: 'edge-gateway-conf' }] };
  return baseEvidence({
    pods,
    revisions: [revision(REV7, minutesAgo(34 * 24 * 60), { replicas: 2, containers: [revisionContainer({ name: 'nginx', env: [], envFrom: [], volumeMounts: mounts })], template })],
    logs: pods.map((p) => ({ pod: p.name, container: 'nginx', previous: false, lines: o.log ?? GATEWAY_LOG })),
    namespaceObjects: [{ kind: 'ConfigMap', name: 'edge-gateway-conf', createdAt: minutesAgo(200 * 24 * 60), changedAt: minutesAgo(24), keys: ['default.conf'] }],
    ...(o.proxyConfig ? { proxyConfig: o.proxyConfig } : {}),
  });
}

describe('nginx with a variable in proxy_pass and no resolver directive', () => {
  it('counts the requests nginx had no resolver for, and reads the ConfigMap it mounts only when they recur', () => {
    expect(findUnresolvedUpstream(gateway().logs, gateway().pods)).toMatchObject({ container: 'nginx', hosts: ['payments.shop.svc.cluster.local'], count: 6, answered502: 6, quote: 'no resolver defined to resolve payments.shop.svc.cluster.local' });
    expect(pickResolverConfigReads(gateway())).toEqual([{ configMap: 'edge-gateway-conf', mountedNow: true }]);
    expect(pickResolverConfigReads(gateway({ log: GATEWAY_LOG.slice(0, 3) }))).toEqual([]);
    expect(analyzeNginxNoResolver(gateway({ log: GATEWAY_LOG.slice(0, 3) }))).toEqual([]);
  });

  it('claims no proxy_pass line it did not read', () => {
    const [f] = analyzeNginxNoResolver(gateway());
    expect(f?.title).toMatch(/^nginx has no resolver for its upstream payments\.shop\.svc\.cluster\.local: 6 requests failed \(6 answered 502\)/);
    expect(f?.title).toMatch(/its config file was not read/);
    expect(f?.title).not.toMatch(/\$upstream_host/);
  });

  it('names the variable proxy_pass and the missing resolver, the ConfigMap edit as the trigger, and the resolver to add', () => {
    const report = buildTriageReport(gateway({ proxyConfig: CONFIG }), { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(report.headline).toMatch(/^Since ConfigMap edge-gateway-conf was changed 24m ago: nginx has no resolver for its upstream payments\.shop\.svc\.cluster\.local/);
    expect(report.headline).toMatch(/proxy_pass http:\/\/\$upstream_host: a variable[^.]*resolver directive, and the file sets none/);
    expect(report.headline).toMatch(/resolver kube-dns\.kube-system\.svc\.cluster\.local valid=10s;/);
    expect(report.headline).not.toMatch(/roll ?back|CoreDNS/i);
    expect(report.headline.length).toBeLessThanOrEqual(700);
  });
});
