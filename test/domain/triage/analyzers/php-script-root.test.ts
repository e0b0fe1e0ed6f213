import { describe, expect, it } from 'vitest';
import { analyzePhpScriptRoot } from '../../../../src/domain/triage/analyzers/php-script-root.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { ProxyConfigEvidence } from '../../../../src/domain/triage/evidence-proxy-config.js';
import { findScriptUnknown, pickScriptRootConfigRead } from '../../../../src/domain/triage/php-script-root.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const unknown = (t: string, k: number) =>
  `2026/11/21 ${t} [error] 22#22: *${4410 + k} FastCGI sent in stderr: "Primary script unknown" while reading response header from upstream, client: 10.0.5.16, server: _, request: "GET /cart HTTP/1.1", upstream: "fastcgi://127.0.0.1:9000", host: "orders.example.test"`;
const access = (t: string) => `10.0.5.16 - - [21/Nov/2026:${t} +0000] "GET /cart HTTP/1.1" 404 16 "-" "Mozilla/5.0"`;
const NGINX_LOG = ['2026/11/21 02:40:00 [notice] 1#1: start worker processes', access('02:49:10'), unknown('02:49:10', 1), access('02:55:40'), unknown('02:55:40', 2), access('03:08:00'), unknown('03:08:00', 3)];
const CONFIG: ProxyConfigEvidence[] = [
  { configMap: 'orders-web-nginx', key: 'default.conf', setting: 'root', value: '/var/www/html/public', mountedNow: true },
  { configMap: 'orders-web-nginx', key: 'default.conf', setting: 'fastcgi_param', value: 'SCRIPT_FILENAME $document_root$fastcgi_script_name', mountedNow: true },
];

/** nginx beside php-fpm (workingDir /srv/app), nginx mounting orders-web-nginx. */
function web(o: { log?: string[]; proxyConnectionConfig?: ProxyConfigEvidence[] } = {}): TriageEvidence {
  const mounts = [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }];
  const started = { running: { startedAt: minutesAgo(40) } };
  const nginx = container({ name: 'nginx', image: 'nginx:1.27.2-alpine', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], volumeMounts: mounts, state: started });
  const fpm = { ...container({ name: 'php-fpm', image: 'registry.example/orders-php:5.3.0', ports: [{ name: 'fastcgi', containerPort: 9000, protocol: 'TCP' }], state: started }), workingDir: '/srv/app' };
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, containers: [nginx, fpm], volumes: [{ name: 'conf', source: 'configMap', ref: 'orders-web-nginx' }], createdAt: minutesAgo(40), startTime: minutesAgo(40) }));
  const template = { initContainers: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, volumes: [{ name: 'conf', source: 'configMap' as const, ref: 'orders-web-nginx' }] };
  return baseEvidence({
    pods,
    revisions: [revision(REV7, minutesAgo(40), { replicas: 2, containers: [revisionContainer({ name: 'nginx', env: [], envFrom: [], volumeMounts: mounts }), revisionContainer({ name: 'php-fpm', image: 'registry.example/orders-php:5.3.0', env: [], envFrom: [] })], template })],
    logs: pods.map((p) => ({ pod: p.name, container: 'nginx', previous: false, lines: o.log ?? NGINX_LOG })),
    ...(o.proxyConnectionConfig ? { proxyConnectionConfig: o.proxyConnectionConfig } : {}),
  });
}

describe('php-fpm behind nginx answering "Primary script unknown"', () => {
  it('counts the lines, finds php-fpm and its workingDir, and reads the ConfigMap nginx mounts only when they recur', () => {
    expect(findScriptUnknown(web().logs, web().pods)).toMatchObject({ container: 'nginx', count: 6, fpmContainer: 'php-fpm', workingDir: '/srv/app' });
    expect(pickScriptRootConfigRead(web())).toBe('orders-web-nginx');
    expect(pickScriptRootConfigRead(web({ log: NGINX_LOG.slice(0, 3) }))).toBeUndefined();
    expect(analyzePhpScriptRoot(web({ log: NGINX_LOG.slice(0, 3) }))).toEqual([]);
  });

  it('claims no root it did not read', () => {
    const [f] = analyzePhpScriptRoot(web());
    expect(f?.title).toMatch(/Primary script unknown/);
    expect(f?.title).toMatch(/ConfigMap orders-web-nginx, not read/);
    expect(f?.title).not.toMatch(/\/var\/www\/html/);
  });

  it("names nginx's root against php-fpm's workingDir in the headline, and the root to set", () => {
    const report = buildTriageReport(web({ proxyConnectionConfig: CONFIG }), { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(report.headline).toMatch(/Primary script unknown/);
    expect(report.headline).toMatch(/nginx's root \/var\/www\/html\/public \(ConfigMap orders-web-nginx\) no longer matches php-fpm's code in \/srv\/app/);
    expect(report.headline).toMatch(/\/srv\/app\/public/);
  });
});
