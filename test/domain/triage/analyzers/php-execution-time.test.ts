import { describe, expect, it } from 'vitest';
import { analyzePhpExecutionTime, parseExecutionTimeHit } from '../../../../src/domain/triage/analyzers/php-execution-time.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const FATAL = (file: string) => `PHP Fatal error:  Maximum execution time of 30 seconds exceeded in ${file} on line 412`;
const clock = (m: number) => minutesAgo(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
const NGINX = [25, 17, 9].flatMap((m) => [
  `${clock(m)} [error] 31#31: *2210 FastCGI sent in stderr: "PHP message: ${FATAL(m === 17 ? '/srv/app/src/Billing/InvoiceArchive.php' : '/srv/app/vendor/league/csv/src/Writer.php')}" while reading response header from upstream, client: 10.0.4.20, server: _, request: "GET /billing/archive.zip?year=2025 HTTP/1.1", upstream: "fastcgi://127.0.0.1:9000", host: "billing.example"`,
  `10.0.4.20 - - [21/Nov/2026:03:01:10 +0000] "GET /billing/archive.zip?year=2025 HTTP/1.1" 500 5 "-" "Mozilla/5.0"`,
  `10.0.4.21 - - [21/Nov/2026:03:01:11 +0000] "GET /billing/invoices?page=2 HTTP/1.1" 200 18211 "-" "Mozilla/5.0"`,
]);

/** php-fpm and nginx in each pod; php-fpm mounts php.ini from a ConfigMap edited 40m ago; revision 7 is a restart of the same template 38m ago. */
function timedOut(o: { iniChangedAgo?: number } = {}): TriageEvidence {
  const mount = { name: 'php-ini', mountPath: '/usr/local/etc/php/conf.d/zz-app.ini', subPath: 'zz-app.ini' };
  const fpm = container({ name: 'php-fpm', image: 'ecr/billing-web:3.2.0', ports: [], probes: {}, resources: { requests: { cpu: '500m' }, limits: { memory: '512Mi' } }, volumeMounts: [mount], state: { running: { startedAt: minutesAgo(38) } } });
  const nginx = container({ name: 'nginx', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], state: { running: { startedAt: minutesAgo(38) } } });
  const volumes = [{ name: 'php-ini', source: 'configMap' as const, ref: 'billing-web-php' }];
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, containers: [fpm, nginx], volumes, createdAt: minutesAgo(38), startTime: minutesAgo(38) }));
  const containers = [revisionContainer({ name: 'php-fpm', env: [], envFrom: [] }), revisionContainer({ name: 'nginx', env: [], envFrom: [] })];
  return baseEvidence({
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2 }),
    pods,
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { containers }), revision(REV7, minutesAgo(38), { replicas: 2, containers })],
    namespaceObjects: [{ kind: 'ConfigMap', name: 'billing-web-php', keys: ['zz-app.ini'], createdAt: minutesAgo(300 * 24 * 60), changedAt: minutesAgo(o.iniChangedAgo ?? 40) }],
    logs: [
      ...pods.map((p) => ({ pod: p.name, container: 'nginx', previous: false, lines: NGINX })),
      { pod: pods[0]?.name ?? '', container: 'php-fpm', previous: false, lines: ['NOTICE: ready to handle connections', `WARNING: [pool www] child 52 said into stderr: "NOTICE: PHP message: ${FATAL('/srv/app/src/Billing/InvoiceArchive.php')}"`] },
    ],
  });
}

describe("PHP's max_execution_time reached (a per-request limit of PHP's own)", () => {
  it('reads the limit, the file and the request, from php-fpm or from nginx relaying its stderr', () => {
    expect(parseExecutionTimeHit(NGINX[0] ?? '')).toEqual({ seconds: 30, file: '/srv/app/vendor/league/csv/src/Writer.php', line: 412, request: 'GET /billing/archive.zip', quote: FATAL('/srv/app/vendor/league/csv/src/Writer.php') });
    expect(parseExecutionTimeHit('PHP Fatal error:  Maximum execution time of 1 second exceeded in /a.php on line 3"')).toMatchObject({ seconds: 1, file: '/a.php', line: 3, quote: 'PHP Fatal error:  Maximum execution time of 1 second exceeded in /a.php on line 3' });
    expect(parseExecutionTimeHit('PHP Warning: something else')).toBeUndefined();
  });

  it("names max_execution_time and its value, the php.ini ConfigMap, the requests and the app's own file", () => {
    const [f] = analyzePhpExecutionTime(timedOut());
    expect(f?.title).toBe("PHP's max_execution_time of 30s (php.ini from ConfigMap billing-web-php) aborts long requests on GET /billing/archive.zip before they finish: each fails with a PHP fatal error");
    expect(f?.decisive).toBe(FATAL('/srv/app/src/Billing/InvoiceArchive.php'));
    expect(f?.fix).toMatch(/^raise max_execution_time \(now 30s\) in ConfigMap billing-web-php \(key zz-app\.ini\).*set_time_limit\(\).*background job$/);
    expect(f?.affected?.configMaps).toEqual(['billing-web-php']);
    expect(JSON.stringify(f)).not.toMatch(/memory_limit|\bOOM|fastcgi_read_timeout/);
  });

  it('dates it from the php.ini edit a restart of the same template picked up', () => {
    const report = buildTriageReport(timedOut(), { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(report.headline).toMatch(/^Since ConfigMap billing-web-php was changed 40m ago and picked up by revision 7, a restart of the same template \(38m ago\): PHP's max_execution_time of 30s/);
    expect(report.headline).not.toMatch(/no change found|Logs of \d+ ready pods/);
  });

  it('claims nothing without the line', () => {
    const ev = timedOut();
    expect(analyzePhpExecutionTime({ ...ev, logs: ev.logs.map((l) => ({ ...l, lines: ['NOTICE: ready to handle connections'] })) })).toEqual([]);
  });
});
