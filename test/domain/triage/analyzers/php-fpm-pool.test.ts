import { describe, expect, it } from 'vitest';
import { analyzePhpFpmPool, parsePoolSaturation } from '../../../../src/domain/triage/analyzers/php-fpm-pool.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { parseLocalUpstreamError, pickLocalUpstreamServers } from '../../../../src/domain/triage/local-upstream.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const SOCKET = '/run/php/php-fpm.sock';
const EAGAIN = `2026/11/21 03:10:20 [error] 29#29: *48840 connect() to unix:${SOCKET} failed (11: Resource temporarily unavailable) while connecting to upstream, client: 10.0.77.201, server: _, request: "GET /products/8812 HTTP/1.1", upstream: "fastcgi://unix:${SOCKET}:", host: "shop.example.com"`;
const TIMEOUT = `2026/11/21 03:11:00 [error] 29#29: *48914 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.77.201, server: _, request: "GET /products/1290 HTTP/1.1", upstream: "fastcgi://unix:${SOCKET}", host: "shop.example.com"`;
const NGINX = [
  '10.0.77.201 - - [21/Nov/2026:03:10:00 +0000] "GET /search HTTP/1.1" 200 19965 "-" "Mozilla/5.0"',
  EAGAIN,
  '10.0.77.201 - - [21/Nov/2026:03:10:20 +0000] "GET /products/8812 HTTP/1.1" 502 157 "-" "Mozilla/5.0"',
  TIMEOUT,
  '10.0.77.201 - - [21/Nov/2026:03:11:00 +0000] "GET /products/1290 HTTP/1.1" 504 167 "-" "Mozilla/5.0"',
];
const FPM = [
  '[21-Nov-2026 02:37:12] NOTICE: fpm is running, pid 1',
  '[21-Nov-2026 02:46:36] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it',
  '[21-Nov-2026 03:10:30] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it',
];

/** nginx in front of php-fpm in each pod, sharing the socket's directory; revision 7 mounts another pool ConfigMap. */
function saturatedPool(o: { fpmLog?: string[]; nginxLog?: string[] } = {}): TriageEvidence {
  const mounts = [{ name: 'php-socket', mountPath: '/run/php' }];
  const nginx = container({ name: 'nginx', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], volumeMounts: mounts, state: { running: { startedAt: minutesAgo(37) } } });
  const fpm = container({ name: 'php-fpm', ports: [], probes: {}, resources: { requests: { cpu: '1' }, limits: { memory: '1536Mi' } }, volumeMounts: [...mounts, { name: 'fpm-pool', mountPath: '/usr/local/etc/php-fpm.d/zz-www.conf', subPath: 'www.conf' }], state: { running: { startedAt: minutesAgo(37) } } });
  const pods: PodEvidence[] = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, containers: [nginx, fpm], createdAt: minutesAgo(37), startTime: minutesAgo(37) }));
  const template = (pool: string) => ({ initContainers: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, volumes: [{ name: 'fpm-pool', source: 'configMap' as const, ref: pool }, { name: 'php-socket', source: 'emptyDir' as const }] });
  const containers = [revisionContainer({ name: 'nginx', env: [], envFrom: [], volumeMounts: nginx.volumeMounts }), revisionContainer({ name: 'php-fpm', env: [], envFrom: [], volumeMounts: fpm.volumeMounts })];
  const p0 = pods[0] as PodEvidence;
  return baseEvidence({
    pods,
    revisions: [
      revision(REV6, minutesAgo(6 * 24 * 60), { containers, template: template('web-fpm-5g7t2k9hbm') }),
      revision(REV7, minutesAgo(38), { replicas: 3, containers, template: template('web-fpm-8m4d6c2fbt') }),
    ],
    logs: [
      ...pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'nginx', previous: false, lines: o.nginxLog ?? NGINX })),
      { pod: p0.name, container: 'php-fpm', previous: false, lines: o.fpmLog ?? FPM },
    ],
  });
}

describe('php-fpm at pm.max_children behind nginx in the same pod', () => {
  it('reads the pool, its cap and when from php-fpm\'s own line (other pool names, the pre-5.3.9 wording)', () => {
    expect(parsePoolSaturation(FPM[1] ?? '')).toEqual({ pool: 'www', maxChildren: 5, line: 'WARNING: [pool www] server reached pm.max_children setting (5), consider raising it', at: '2026-11-21T02:46:36.000Z' });
    expect(parsePoolSaturation('WARNING: [pool api-pool] server reached max_children setting (12), consider raising it')).toMatchObject({ pool: 'api-pool', maxChildren: 12 });
    expect(parsePoolSaturation('WARNING: [pool www] seems busy (you may need to increase pm.start_servers)')).toBeUndefined();
  });

  it('tells a proxy error on an upstream inside the pod from one on a remote FastCGI server', () => {
    expect(parseLocalUpstreamError(EAGAIN)).toMatchObject({ address: `unix:${SOCKET}`, protocol: 'fastcgi', problem: 'busy' });
    expect(parseLocalUpstreamError(TIMEOUT.replace(`unix:${SOCKET}`, '127.0.0.1:9000'))).toMatchObject({ address: '127.0.0.1:9000', problem: 'timeout' });
    expect(parseLocalUpstreamError(TIMEOUT.replace(`unix:${SOCKET}`, '10.0.44.12:9000'))).toBeUndefined();
    expect(parseLocalUpstreamError(TIMEOUT.replace(`unix:${SOCKET}`, 'php-backend.shop.svc.cluster.local:9000'))).toBeUndefined();
  });

  it('reads the log of the neighbour that serves the socket (it shares the socket\'s directory), once', () => {
    const ev = saturatedPool();
    const withoutFpm = ev.logs.filter((l) => l.container === 'nginx');
    expect(pickLocalUpstreamServers(ev.pods, withoutFpm)).toEqual([{ pod: ev.pods[0]?.name, container: 'php-fpm', restarts: 0 }]);
    // Already read: nothing more; a remote upstream: nothing to read in the pod.
    expect(pickLocalUpstreamServers(ev.pods, ev.logs).map((t) => t.pod)).toEqual([ev.pods[1]?.name]);
    const remote = withoutFpm.map((l) => ({ ...l, lines: l.lines.map((x) => x.replaceAll(`unix:${SOCKET}`, '10.0.44.12:9000')) }));
    expect(pickLocalUpstreamServers(ev.pods, remote)).toEqual([]);
  });

  it('names the pool at its cap, with the number, and nginx\'s 502/504 as its consequence', () => {
    const [f] = analyzePhpFpmPool(saturatedPool());
    expect(f?.kind).toBe('resource-exhaustion');
    expect(f?.title).toMatch(/^php-fpm pool www is at its pm\.max_children limit \(5\).*nginx in the same pod answers 502\/504/);
    expect(f?.affected?.pods).toHaveLength(2);
    expect(f?.fix).toMatch(/raise pm\.max_children .*1536Mi memory limit/);
  });

  it('blames the revision that mounted another pool ConfigMap, not a dependency, and offers the rollback', () => {
    const report = buildTriageReport(saturatedPool(), { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(report.headline).toMatch(/^Since revision 7 \(38m ago: volume fpm-pool \(php-fpm at \/usr\/local\/etc\/php-fpm\.d\/zz-www\.conf\) now mounts ConfigMap web-fpm-8m4d6c2fbt instead of web-fpm-5g7t2k9hbm\): php-fpm pool www is at its pm\.max_children limit \(5\)/);
    expect(report.headline).toMatch(/Roll back to revision 6, or raise pm\.max_children/);
    expect(report.headline).not.toMatch(/dependency/i);
    expect(report.headline.length).toBeLessThanOrEqual(700);
  });

  it('claims nothing without php-fpm\'s own line, nor from one warning alone', () => {
    expect(analyzePhpFpmPool(saturatedPool({ fpmLog: ['[21-Nov-2026 02:37:12] NOTICE: ready to handle connections'] }))).toEqual([]);
    expect(analyzePhpFpmPool(saturatedPool({ fpmLog: FPM.slice(0, 2), nginxLog: NGINX.filter((l) => !l.includes('[error]')) }))).toEqual([]);
  });
});
