import { describe, expect, it } from 'vitest';
import { analyzePhpMemoryLimit, formatPhpBytes, parseMemoryLimitHit } from '../../../../src/domain/triage/analyzers/php-memory-limit.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const FATAL = (file: string) => `PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 4194312 bytes) in ${file} on line 88`;
const clock = (m: number) => minutesAgo(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
const NGINX = [20, 14, 8].flatMap((m) => [
  `${clock(m)} [error] 29#29: *1882 FastCGI sent in stderr: "PHP message: ${FATAL(m === 14 ? '/var/www/html/src/Report/Exporter.php' : '/var/www/html/vendor/doctrine/dbal/src/Driver/PDO/Result.php')}" while reading response header from upstream, client: 10.0.3.14, server: _, request: "GET /reports/export?customer=C-1&year=2025 HTTP/1.1", upstream: "fastcgi://127.0.0.1:9000", host: "billing.example"`,
  `10.0.3.14 - - [21/Nov/2026:03:10:20 +0000] "GET /reports/export?customer=C-1 HTTP/1.1" 500 5 "-" "Mozilla/5.0"`,
]);

/** php-fpm and nginx in each pod; php-fpm mounts its php.ini from a ConfigMap through subPath; revision 7 is 35m older than the errors. */
function exhausted(o: { oom?: boolean; mount?: 'subPath' | 'dir' } = {}): TriageEvidence {
  const mount = o.mount === 'dir' ? { name: 'php-ini', mountPath: '/usr/local/etc/php/conf.d' } : { name: 'php-ini', mountPath: '/usr/local/etc/php/conf.d/zz-app.ini', subPath: 'zz-app.ini' };
  const fpm = container({ name: 'php-fpm', image: 'ecr/portal:4.7.0', ports: [], probes: {}, resources: { requests: { cpu: '500m' }, limits: { memory: '1Gi' } }, volumeMounts: [mount], state: { running: { startedAt: minutesAgo(55) } }, ...(o.oom ? { restartCount: 1, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } } } : {}) });
  const nginx = container({ name: 'nginx', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], state: { running: { startedAt: minutesAgo(55) } } });
  const volumes = [{ name: 'php-ini', source: 'configMap' as const, ref: 'portal-php' }];
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, containers: [fpm, nginx], volumes, createdAt: minutesAgo(55), startTime: minutesAgo(55) }));
  const containers = [revisionContainer({ name: 'php-fpm', env: [], envFrom: [] }), revisionContainer({ name: 'nginx', env: [], envFrom: [] })];
  return baseEvidence({
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2 }),
    pods,
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { containers }), revision(REV7, minutesAgo(55), { replicas: 2, containers })],
    namespaceObjects: [{ kind: 'ConfigMap', name: 'portal-php', keys: ['zz-app.ini', 'zz-www.conf'] }],
    logs: [
      ...pods.map((p) => ({ pod: p.name, container: 'nginx', previous: false, lines: NGINX })),
      { pod: pods[0]?.name ?? '', container: 'php-fpm', previous: false, lines: ['NOTICE: ready to handle connections', `NOTICE: PHP message: ${FATAL('/var/www/html/src/Report/Exporter.php')}`] },
    ],
  });
}

describe("PHP's memory_limit exhausted (not the container's memory)", () => {
  it('reads the limit, the file and the request, from php-fpm or from nginx relaying its stderr', () => {
    expect(parseMemoryLimitHit(NGINX[0] ?? '')).toMatchObject({ limitBytes: 134217728, file: '/var/www/html/vendor/doctrine/dbal/src/Driver/PDO/Result.php', line: 88, request: 'GET /reports/export' });
    expect(parseMemoryLimitHit(FATAL('/app/x.php'))).toMatchObject({ limitBytes: 134217728, file: '/app/x.php' });
    expect(parseMemoryLimitHit('PHP Warning: something else')).toBeUndefined();
    expect(formatPhpBytes(134217728)).toBe('128M');
    expect(formatPhpBytes(2 * 1024 ** 3)).toBe('2G');
  });

  it('names memory_limit 128M, the php.ini ConfigMap, the app file, and the container far below its own limit', () => {
    const [f] = analyzePhpMemoryLimit(exhausted());
    expect(f?.title).toMatch(/memory_limit 128M \(134217728 bytes\) \(php\.ini from ConfigMap portal-php\)/);
    expect(f?.decisive).toMatch(/Exporter\.php on line 88/);
    expect(f?.title).toMatch(/far below the php-fpm container's 1Gi limit: nothing is OOMKilled/);
    expect(f?.fix).toMatch(/stream or paginate GET \/reports\/export/);
    expect(analyzePhpMemoryLimit(exhausted({ mount: 'dir' }))[0]?.evidence.join('\n')).toMatch(/mounts ConfigMap portal-php \(key zz-app\.ini\) at \/usr\/local\/etc\/php\/conf\.d\/zz-app\.ini/);
    expect(analyzePhpMemoryLimit(exhausted({ oom: true }))[0]?.title).not.toMatch(/nothing is OOMKilled/);
  });

  it('headlines memory_limit with the new revision as trigger, never the container memory limit', () => {
    const report = buildTriageReport(exhausted(), { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(report.headline).toMatch(/memory_limit 128M/);
    expect(report.headline).toMatch(/revision 7/);
    expect(report.headline).not.toMatch(/(raise|increase)[^\n]*container[^\n]*memory limit|resources\.limits/i);
    expect(JSON.stringify(report.findings[0])).not.toMatch(/(raise|increase)[^\n]*container[^\n]*memory limit/i);
    expect(report.headline.length).toBeLessThanOrEqual(700);
  });

  it('claims nothing without the line', () => {
    const ev = exhausted();
    expect(analyzePhpMemoryLimit({ ...ev, logs: ev.logs.map((l) => ({ ...l, lines: ['NOTICE: ready to handle connections'] })) })).toEqual([]);
  });
});
