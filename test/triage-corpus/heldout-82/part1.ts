// Held-out stories, eighty-second round, part one (written blind):
// 1. pricing-engine (Spring Boot, ParallelGC) dies with "OutOfMemoryError: GC overhead limit exceeded"
//    since its ConfigMap raised the Caffeine quote cache to 2,000,000 entries; heap and limit unchanged.
// 2. invoice-archiver (Python/boto3) gets S3 SignatureDoesNotMatch since a rotation updated the
//    secret access key (Secret) but not the access key id, which comes from a ConfigMap.
// 3. CronJob partner-feed-import fails with UnicodeDecodeError (byte 0xe9) since the partner's feed
//    switched to Windows-1252 / Latin-1.
// 4. report-gateway's Kerberos keytab is stale after svc-reports' AD password was reset: relogin
//    fails "Pre-authentication information was invalid (24)", pods unready.
// 5. staff-portal (Rails, ruby-saml): the IdP rotated its signing certificate, the SP still pins the
//    old fingerprint, every SSO login fails "Fingerprint mismatch"; pods healthy.
// 6. usage-exporter (Go) crash-loops on "invalid_grant: Invalid JWT Signature." because the GCP
//    service account key it carries was deleted by the key-expiry policy.
// 7. Healthy control: rates-api (Java) logs the JDK 13+ "-Xverify:none and -noverify were
//    deprecated" VM warning at every start; otherwise fine.
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, deploymentApp, event,
  exposed, httpProbe, jobEvent, nameOf, probeFailed, pyTime, restartedAgain, running, terminated, cronJobEvent, scaledReplicaSet, rsOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
/** Logback's default Spring Boot console time: `2026-11-21T03:12:41.563Z`. */
const sb = (m: number, level: string, thread: string, logger: string, msg: string): string =>
  `${at(m).replace('Z', '+00:00')}  ${level.padStart(5)} 1 --- [${thread}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;
const look = (a: number, b: number, va: string, vb: string, olderAgo: number) => ({ revisions: [a, b] as const, versions: [va, vb] as const, olderAgo });
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

// ---- 1. GC overhead limit exceeded after a ConfigMap raised the cache size ------------------------

function gcOverheadCacheSize(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.84', ['22', '141', '203']);
  const image = `${ECR}/pricing/pricing-engine:5.8.2`;
  const tpl = {
    containers: [container({
      image, ports: [8080], cpu: '1', memory: '2Gi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:+UseParallelGC -Xms1536m -Xmx1536m -XX:+ExitOnOutOfMemoryError -Xlog:gc:stdout:time,level,tags' },
        { name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'file:/config/' },
      ],
      volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
    volumes: [{ name: 'config', configMap: { name: 'pricing-engine-config' } }],
  };
  const exit = { exitCode: 3, finishedAgo: 2.5, ranSeconds: 290 };
  const app = deploymentApp({
    namespace: ns, name: 'pricing-engine', replicas: 3,
    revisions: [{ revision: 22, createdAgo: 9 * DAYS, changeCause: 'argocd: pricing-engine 5.8.2', template: tpl }],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 9 * DAYS - k, containers: { app: crashLoop({ ...exit, finishedAgo: 2.5 + k * 1.3 }, 6 + k) } })),
  });
  const cm = configMap({
    namespace: ns, name: 'pricing-engine-config', createdAgo: 140 * DAYS, updatedAgo: 52,
    data: {
      'application.yaml': [
        'server:', '  shutdown: graceful',
        'pricing:', '  quote-cache:', '    spec: maximumSize=2000000,expireAfterWrite=6h,recordStats',
        '    warm-on-startup: true',
        '  rules-refresh: 5m',
        'spring:', '  datasource:', '    url: jdbc:postgresql://pricing-db.pricing.svc:5432/pricing', '    hikari:', '      maximum-pool-size: 16',
      ].join('\n') + '\n',
    },
  });
  const other = bystander(ns, 'pricing-rules-admin', names, 33, look(11, 12, '2.0.4', '2.1.0', 20 * DAYS));
  const prev = (k: number) => {
    const s = 7.5 + k * 1.3;
    return lines(
      'Picked up JAVA_TOOL_OPTIONS: -XX:+UseParallelGC -Xms1536m -Xmx1536m -XX:+ExitOnOutOfMemoryError -Xlog:gc:stdout:time,level,tags',
      sb(s, 'INFO', 'main', 'c.a.pricing.PricingEngineApplication', 'Starting PricingEngineApplication v5.8.2 using Java 17.0.13 with PID 1'),
      sb(s - 0.2, 'INFO', 'main', 'c.a.pricing.cache.QuoteCacheConfig', 'Quote cache configured: maximumSize=2000000,expireAfterWrite=6h,recordStats (warm-on-startup=true)'),
      sb(s - 0.3, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
      sb(s - 0.3, 'INFO', 'cache-warmer-1', 'c.a.pricing.cache.QuoteCacheWarmer', 'Warming quote cache from pricing-db (target 2000000 entries)'),
      sb(s - 1.5, 'INFO', 'cache-warmer-1', 'c.a.pricing.cache.QuoteCacheWarmer', 'Warmed 600000 quotes (heap used 1012M/1536M)'),
      `[${at(s - 2.6)}][info][gc] GC(41) Pause Full (Ergonomics) 1498M->1471M(1536M) 2873.412ms`,
      sb(s - 2.8, 'INFO', 'cache-warmer-1', 'c.a.pricing.cache.QuoteCacheWarmer', 'Warmed 1050000 quotes (heap used 1489M/1536M)'),
      `[${at(s - 3.9)}][info][gc] GC(57) Pause Full (Ergonomics) 1531M->1522M(1536M) 3390.118ms`,
      `[${at(s - 4.3)}][info][gc] GC(58) Pause Full (Ergonomics) 1533M->1527M(1536M) 3412.551ms`,
      sb(s - 4.4, 'WARN', 'HikariPool-1 housekeeper', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=41s271ms).'),
      sb(s - 4.8, 'ERROR', 'http-nio-8080-exec-7', 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] threw exception'),
      'java.lang.OutOfMemoryError: GC overhead limit exceeded',
      '\tat java.base/java.util.HashMap.resize(HashMap.java:702)',
      '\tat com.github.benmanes.caffeine.cache.BoundedLocalCache.put(BoundedLocalCache.java:2277)',
      '\tat com.acme.pricing.cache.QuoteCacheWarmer.load(QuoteCacheWarmer.java:88)',
      'Terminating due to java.lang.OutOfMemoryError: GC overhead limit exceeded',
    );
  };
  const evs: KubeJson[] = app.pods.flatMap((p, k) => [
    ...restartedAgain(p, 'app', image, { count: 6 + k, firstAgo: 50, lastAgo: 7.5 + k * 1.3 }),
    backOff(p, 'app', { count: 14 + k, firstAgo: 44, lastAgo: 0.5 }),
    probeFailed(p, 'app', 'Readiness', 'Get "http://' + (p.status?.podIP ?? '') + ':8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', { count: 9, firstAgo: 45, lastAgo: 4 }),
  ]);
  return {
    id: 'heldout82-gc-overhead-quote-cache-size',
    class: 'config',
    truth: 'At 02:22 someone edited ConfigMap pricing-engine-config (kubectl edit) to raise the Caffeine quote cache from maximumSize=200000 to 2000000 and the pods were restarted to pick it up. The warm-on-startup cache no longer fits the unchanged 1536m heap (2Gi limit): ParallelGC spends all its time in full GCs, the JVM throws java.lang.OutOfMemoryError: GC overhead limit exceeded and, with ExitOnOutOfMemoryError, exits 3; every pod crash-loops. It is not a container OOM kill and the image/revision 22 is unchanged. Fix: revert the cache maximumSize (or size the heap and limit for it).',
    ask: { service: 'pricing-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, pods: app.pods }),
      ...evs,
      event({ on: podOf(other, 0), reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 2, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS - 1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { previous: prev(k) })),
    expect: {
      verdict: 'problems',
      headline: [/GC overhead|OutOfMemoryError|heap/i],
      facts: [/pricing-engine-config/, /2000000|2,000,000|maximumSize|cache/i, /exit(ed)?( code)? 3|ExitOnOutOfMemoryError/i],
      never: [/OOM ?killed[^\n]*(limit|kernel|cgroup)/i, ADVISES_ROLLBACK, /pricing-rules-admin/],
    },
  };
}

// ---- 2. S3 SignatureDoesNotMatch: secret rotated, access key id not -----------------------------

function s3SignatureMismatch(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.96', ['15', '118', '230']);
  const image = `${ECR}/billing/invoice-archiver:3.4.1`;
  const tpl = (restartedAt?: string) => ({
    containers: [container({
      image, ports: [8000], cpu: '250m', memory: '512Mi',
      env: [
        { name: 'AWS_ACCESS_KEY_ID', valueFrom: { configMapKeyRef: { name: 'invoice-archiver-env', key: 'AWS_ACCESS_KEY_ID' } } },
        { name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 'invoice-archiver-s3', key: 'secret-access-key' } } },
      ],
      envFrom: [{ configMapRef: { name: 'invoice-archiver-env' } }],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
    })],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-archiver', replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 24 * DAYS, changeCause: 'argocd: invoice-archiver 3.4.1', template: tpl() },
      { revision: 9, createdAgo: 47, changeCause: 'secret-rotator: rotated billing/invoice-archiver-s3 (secret-access-key)', template: tpl(at(47)) },
    ],
    pods: [{ revision: 9, node: names[0] ?? '', createdAgo: 47 }, { revision: 9, node: names[2] ?? '', createdAgo: 46 }],
    settled: { available: true, availableSince: 46, progressingSince: 47, progressingUpdatedAgo: 46 },
  });
  const cm = configMap({
    namespace: ns, name: 'invoice-archiver-env', createdAgo: 210 * DAYS,
    data: { AWS_ACCESS_KEY_ID: 'AKIA4QX7PLM2ZR3HBK6T', AWS_DEFAULT_REGION: 'eu-west-1', ARCHIVE_BUCKET: 'acme-billing-invoice-archive', LOG_LEVEL: 'INFO' },
  });
  const other = bystander(ns, 'invoice-renderer', names, 190, look(30, 31, '1.9.0', '1.9.1', 12 * DAYS));
  const log = (k: number) => {
    const out = [
      `[${pyTime(46.5 - k)}] [1] [INFO] Starting gunicorn 22.0.0`,
      `[${pyTime(46.5 - k)}] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${pyTime(46.4 - k)} INFO botocore.credentials: Found credentials in environment variables.`,
      `${pyTime(46.3 - k)} INFO archiver.worker: consuming queue invoices.finalized (prefetch=10)`,
    ];
    for (let i = 0; i < 8; i++) {
      const t = 44 - i * 5.5 - k;
      const inv = `INV-2026-${(48120 + i * 7 + k).toString()}`;
      out.push(
        `${pyTime(t)} ERROR archiver.worker: upload failed for ${inv} (s3://acme-billing-invoice-archive/2026/11/21/${inv}.pdf), requeueing`,
        'Traceback (most recent call last):',
        '  File "/app/archiver/worker.py", line 71, in archive',
        '    self.s3.put_object(Bucket=self.bucket, Key=key, Body=body, ContentType="application/pdf")',
        '  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 1023, in _make_api_call',
        '    raise error_class(parsed_response, operation_name)',
        'botocore.exceptions.ClientError: An error occurred (SignatureDoesNotMatch) when calling the PutObject operation: The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      );
    }
    out.push(`${pyTime(0.6)} INFO gunicorn.access: 10.0.96.4 - - "GET /healthz HTTP/1.1" 200 2`);
    return lines(...out);
  };
  return {
    id: 'heldout82-s3-signature-mismatch-half-rotated-key',
    class: 'config',
    truth: 'The secret rotator created a new IAM access key for the invoice-archiver user, wrote only its secret access key into Secret invoice-archiver-s3 and restarted the Deployment (revision 9, 47 minutes ago). The access key id comes from ConfigMap invoice-archiver-env (AKIA4QX7PLM2ZR3HBK6T, the old key) and was not updated, so the pair no longer matches: every PutObject fails with SignatureDoesNotMatch while the pods stay ready. Fix: put the new access key id in invoice-archiver-env (better: take both from the same Secret) and restart; rolling back would not restore the old secret.',
    ask: { service: 'invoice-archiver', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'invoice-archiver', selector: { app: 'invoice-archiver' }, pods: app.pods, endpointPort: 8000 }),
      ...app.pods.flatMap((p, k) => restartedAgain(p, 'app', image, { count: 1, firstAgo: 46.6 - k, lastAgo: 46.6 - k })),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 0, 2, 46),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/SignatureDoesNotMatch|signature[^\n]*does not match|access key|credential/i],
      facts: [/SignatureDoesNotMatch/, /invoice-archiver-env|AWS_ACCESS_KEY_ID|access key id/i, /rotat|invoice-archiver-s3|secret/i],
      never: [/\bOOM/, /RequestTimeTooSkewed|clock skew/i, /invoice-renderer/],
    },
  };
}

// ---- 3. CronJob import: partner feed switched to Windows-1252 -----------------------------------

function cronFeedLatin1(): CorpusScenario {
  const ns = 'merch';
  const { nodes, names } = threeEksNodes('10.0.58', ['9', '120', '244']);
  const image = `${ECR}/merch/partner-feed-import:2.7.0`;
  const jobStart = 74;
  const failedPod = (i: number) => ({ node: names[i % 3] ?? '', createdAgo: jobStart - i * 1.5, phase: 'Failed' as const, containers: { import: terminated({ exitCode: 1, finishedAgo: jobStart - 0.6 - i * 1.5, ranSeconds: 31 }) } });
  const okPod = (ago: number) => ({ node: names[1] ?? '', createdAgo: ago, phase: 'Succeeded' as const, containers: { import: terminated({ exitCode: 0, finishedAgo: ago - 2, ranSeconds: 118 }) } });
  const cj = cronJob({
    namespace: ns, name: 'partner-feed-import', schedule: '0 2 * * *', backoffLimit: 2,
    template: { containers: [batchContainer({ name: 'import', image, cpu: '500m', memory: '1Gi', command: ['python', '-m', 'feedimport', '--partner', 'nordlys', '--source', 'sftp://sftp.nordlys-textiles.example/outbound/catalog_daily.csv'] })] },
    jobs: [
      { createdAgo: 3 * DAYS + jobStart, pods: [okPod(3 * DAYS + jobStart)], outcome: { complete: true, ago: 3 * DAYS + jobStart - 2 } },
      { createdAgo: 2 * DAYS + jobStart, pods: [okPod(2 * DAYS + jobStart)], outcome: { complete: true, ago: 2 * DAYS + jobStart - 2 } },
      { createdAgo: DAYS + jobStart, pods: [okPod(DAYS + jobStart)], outcome: { complete: true, ago: DAYS + jobStart - 2 } },
      { createdAgo: jobStart, pods: [0, 1, 2].map(failedPod), outcome: { failed: 'BackoffLimitExceeded', ago: jobStart - 4 } },
    ],
    lastSuccessfulAgo: DAYS + jobStart - 2,
  });
  const failedJob = cj.jobs[3];
  if (failedJob === undefined) throw new Error('no failed job');
  const other = bystander(ns, 'merch-catalog-api', names, 26 * HOURS, look(40, 41, '6.2.0', '6.3.0', 15 * DAYS));
  const log = (i: number) => {
    const t = jobStart - 0.1 - i * 1.5;
    return lines(
      `${pyTime(t)} INFO feedimport.cli: partner=nordlys run=2026-11-21 dry_run=False`,
      `${pyTime(t - 0.1)} INFO paramiko.transport: Connected (version 2.0, client OpenSSH_9.6)`,
      `${pyTime(t - 0.1)} INFO paramiko.transport: Authentication (publickey) successful!`,
      `${pyTime(t - 0.2)} INFO feedimport.fetch: downloaded outbound/catalog_daily.csv (2318431 bytes, mtime 2026-11-21 01:47:12)`,
      `${pyTime(t - 0.3)} INFO feedimport.parse: reading catalog_daily.csv with encoding=utf-8`,
      'Traceback (most recent call last):',
      '  File "<frozen runpy>", line 198, in _run_module_as_main',
      '  File "/app/feedimport/__main__.py", line 4, in <module>',
      '    main()',
      '  File "/app/feedimport/cli.py", line 57, in main',
      '    rows = list(parse_feed(path, encoding=cfg.encoding))',
      '  File "/app/feedimport/parse.py", line 22, in parse_feed',
      '    for row in csv.DictReader(fh, delimiter=";"):',
      '  File "/usr/local/lib/python3.11/csv.py", line 110, in __next__',
      '    self.fieldnames',
      '  File "/usr/local/lib/python3.11/csv.py", line 97, in fieldnames',
      '    self._fieldnames = next(self.reader)',
      '  File "<frozen codecs>", line 322, in decode',
      "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 4127: invalid continuation byte",
    );
  };
  const jobObj = failedJob.objects[0];
  return {
    id: 'heldout82-cronjob-partner-feed-latin1',
    class: 'jobs',
    truth: 'The partner Nordlys Textiles changed its export overnight and tonight\'s catalog_daily.csv is encoded in Windows-1252 (Latin-1: é is byte 0xe9) instead of UTF-8. partner-feed-import reads it as utf-8 and dies on the header row with UnicodeDecodeError: \'utf-8\' codec can\'t decode byte 0xe9; all three attempts failed and the Job hit its backoff limit. The image and CronJob are unchanged since the last three successful nights. Fix: ask the partner to restore UTF-8 or read the feed with encoding cp1252 (or detect it), then re-run the job.',
    ask: { service: 'partner-feed-import', namespace: ns },
    objects: [
      ...nodes, ...cj.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'merch-catalog-api', selector: { app: 'merch-catalog-api' }, pods: other.pods }),
      cronJobEvent(cj.objects[0], 'SuccessfulCreate', `Created job ${nameOf(jobObj)}`, jobStart),
      ...failedJob.pods.map((p, i) => jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, jobStart - i * 1.5)),
      jobEvent(jobObj, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', jobStart - 4, 'Warning'),
      cronJobEvent(cj.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(jobObj)}, condition: Failed`, jobStart - 4),
    ],
    logs: failedJob.pods.map((p, i) => logsFor(p, 'import', { current: log(i) })),
    expect: {
      verdict: 'problems',
      headline: [/UnicodeDecodeError|utf-?8|0xe9|encoding/i],
      facts: [/0xe9|UnicodeDecodeError/, /latin-?1|windows-1252|cp-?1252|iso-8859-1|encoding/i, /backoff ?limit|BackoffLimitExceeded|failed/i],
      never: [/\bOOM/, /DeadlineExceeded/, /merch-catalog-api/],
    },
  };
}

// ---- 4. Kerberos keytab stale after the principal's password reset -----------------------------

function kerberosStaleKeytab(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.131', ['40', '162', '219']);
  const image = `${ECR}/analytics/report-gateway:4.2.3`;
  const tpl = {
    containers: [container({
      image, ports: [8080], cpu: '500m', memory: '1536Mi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-Xmx1g -Djava.security.krb5.conf=/etc/krb5/krb5.conf' },
        { name: 'KERBEROS_PRINCIPAL', value: 'svc-reports@CORP.ACME.COM' },
        { name: 'KERBEROS_KEYTAB', value: '/etc/security/keytabs/svc-reports.keytab' },
        { name: 'HIVE_JDBC_URL', value: 'jdbc:hive2://hive.corp.acme.com:10000/default;principal=hive/_HOST@CORP.ACME.COM' },
      ],
      volumeMounts: [{ name: 'keytab', mountPath: '/etc/security/keytabs', readOnly: true }, { name: 'krb5', mountPath: '/etc/krb5', readOnly: true }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
    volumes: [{ name: 'keytab', secret: { secretName: 'svc-reports-keytab', defaultMode: 0o400 } }, { name: 'krb5', configMap: { name: 'krb5-conf' } }],
  };
  const app = deploymentApp({
    namespace: ns, name: 'report-gateway', replicas: 2,
    revisions: [{ revision: 17, createdAgo: 6 * DAYS, changeCause: 'argocd: report-gateway 4.2.3', template: tpl }],
    pods: [0, 1].map((k) => ({ revision: 17, node: names[k] ?? '', createdAgo: 6 * DAYS - k, ready: false, containers: { app: running({ sinceAgo: 6 * DAYS - k - 1, ready: false, restarts: 1, last: { exitCode: 143, finishedAgo: 3 * DAYS, ranSeconds: 3 * DAYS * 60 } }) } })),
    settled: { available: false, availableSince: 31, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 2 },
  });
  const krb = configMap({
    namespace: ns, name: 'krb5-conf', createdAgo: 400 * DAYS,
    data: { 'krb5.conf': '[libdefaults]\n  default_realm = CORP.ACME.COM\n  dns_lookup_kdc = true\n  ticket_lifetime = 10h\n  renew_lifetime = 7d\n  udp_preference_limit = 1\n[realms]\n  CORP.ACME.COM = {\n    kdc = dc01.corp.acme.com\n    kdc = dc02.corp.acme.com\n  }\n' },
  });
  const other = bystander(ns, 'report-scheduler', names, 70, look(5, 6, '1.12.0', '1.13.0', 30 * DAYS));
  const log = (k: number) => {
    const out = [
      sb(5 * HOURS, 'INFO', 'kerberos-renewer', 'c.a.reports.security.KerberosRelogin', 'TGT for svc-reports@CORP.ACME.COM renewed, expires 2026-11-21T08:14:00Z'),
      sb(3 * HOURS, 'INFO', 'http-nio-8080-exec-2', 'c.a.reports.api.ReportController', 'GET /api/reports/weekly-revenue 200 (1843 ms)'),
    ];
    for (let i = 0; i < 6; i++) {
      const t = 38 - i * 6 - k * 0.4;
      out.push(
        sb(t, 'WARN', 'kerberos-renewer', 'o.a.hadoop.security.UserGroupInformation', 'Exception encountered while running the renewal command for svc-reports@CORP.ACME.COM. (TGT end time:1763692440000, renewalFailures: ' + String(i + 1) + ', renewalFailuresTotal: ' + String(i + 1) + ')'),
        sb(t - 0.01, 'ERROR', 'kerberos-renewer', 'c.a.reports.security.KerberosRelogin', 'Kerberos re-login from keytab /etc/security/keytabs/svc-reports.keytab failed for svc-reports@CORP.ACME.COM (keytab kvno 4)'),
        'javax.security.auth.login.LoginException: Pre-authentication information was invalid (24)',
        '\tat jdk.security.auth/com.sun.security.auth.module.Krb5LoginModule.attemptAuthentication(Krb5LoginModule.java:784)',
        '\tat jdk.security.auth/com.sun.security.auth.module.Krb5LoginModule.login(Krb5LoginModule.java:597)',
        '\tat org.apache.hadoop.security.UserGroupInformation.loginUserFromKeytabAndReturnUGI(UserGroupInformation.java:1373)',
        'Caused by: KrbException: Pre-authentication information was invalid (24)',
        '\tat java.security.jgss/sun.security.krb5.KrbAsRep.<init>(KrbAsRep.java:76)',
        'Caused by: KrbException: Identifier doesn\'t match expected value (906)',
      );
      out.push(sb(t - 0.5, 'ERROR', 'http-nio-8080-exec-5', 'c.a.reports.hive.HiveConnectionPool', 'Could not open client transport with JDBC Uri: jdbc:hive2://hive.corp.acme.com:10000/default: GSS initiate failed'));
    }
    out.push(sb(0.3, 'WARN', 'http-nio-8080-exec-9', 'o.s.b.a.health.HealthEndpointSupport', 'Readiness state: REFUSING_TRAFFIC (hive: DOWN)'));
    return lines(...out);
  };
  return {
    id: 'heldout82-kerberos-keytab-stale-after-password-reset',
    class: 'config',
    truth: 'The identity team reset the Active Directory password of svc-reports@CORP.ACME.COM at about 02:35 (a scheduled service-account password rotation), which bumped its key version. The keytab in Secret svc-reports-keytab still holds the old kvno 4 keys, so when report-gateway\'s TGT renewal/relogin ran it failed with "Pre-authentication information was invalid (24)", Hive connections fail with GSS initiate failed and the readiness probe takes both pods out of the Service. The image, revision 17 and the krb5.conf are unchanged. Fix: regenerate the keytab for the new password/kvno (ktpass or ktutil), update the Secret and restart.',
    ask: { service: 'report-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, krb,
      ...exposed({ namespace: ns, name: 'report-gateway', selector: { app: 'report-gateway' }, pods: app.pods }),
      ...app.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 180, firstAgo: 31, lastAgo: 0.1 })),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/Kerberos|keytab|Pre-authentication|kvno|svc-reports/i],
      facts: [/svc-reports/, /keytab/i, /Pre-authentication information was invalid|password|kvno|key version/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /report-scheduler/],
    },
  };
}

// ---- 5. SAML IdP signing certificate rotated, SP pins the old one ------------------------------

function samlIdpCertRotated(): CorpusScenario {
  const ns = 'intranet';
  const { nodes, names } = threeEksNodes('10.0.203', ['11', '97', '180']);
  const image = `${ECR}/intranet/staff-portal:2024.11.4`;
  const tplOf = (img: string) => ({
    containers: [container({
      image: img, ports: [3000], cpu: '500m', memory: '768Mi',
      envFrom: [{ configMapRef: { name: 'staff-portal-saml' } }],
      env: [{ name: 'RAILS_ENV', value: 'production' }, { name: 'RAILS_LOG_TO_STDOUT', value: '1' }],
      readiness: httpProbe('/up', 3000), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 20 }),
    })],
  });
  const tpl = tplOf(image);
  const app = deploymentApp({
    namespace: ns, name: 'staff-portal', replicas: 3,
    revisions: [
      { revision: 60, createdAgo: 16 * DAYS, changeCause: 'argocd: staff-portal 2024.11.3', template: tplOf(`${ECR}/intranet/staff-portal:2024.11.3`) },
      { revision: 61, createdAgo: 4 * DAYS, changeCause: 'argocd: staff-portal 2024.11.4', template: tpl },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 61, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const cm = configMap({
    namespace: ns, name: 'staff-portal-saml', createdAgo: 380 * DAYS,
    data: {
      SAML_IDP_SSO_URL: 'https://login.acme.com/app/acme_staffportal_1/exk8f2c9dQ1xYz0h4417/sso/saml',
      SAML_IDP_ENTITY_ID: 'http://www.okta.com/exk8f2c9dQ1xYz0h4417',
      SAML_IDP_CERT_FINGERPRINT: '9F:1B:6C:44:E2:07:3A:DD:51:8E:C0:77:2F:B3:19:A6:04:5D:CE:81',
      SAML_IDP_CERT_FINGERPRINT_ALGORITHM: 'http://www.w3.org/2000/09/xmldsig#sha1',
      SAML_SP_ENTITY_ID: 'https://staff.acme.com/saml/metadata',
    },
  });
  const other = bystander(ns, 'staff-directory', names, 55, look(14, 15, '3.1.0', '3.1.1', 9 * DAYS));
  const rid = (k: number, i: number) => `${(0x3fa2c1 + k * 977 + i * 131).toString(16)}-7d1e-4b0a-9c55-${(0x1e0d + i).toString(16)}a2c9e1f0`;
  const log = (k: number) => {
    const out = [
      `I, [${at(3 * HOURS).replace('Z', '')} #1]  INFO -- : [${rid(k, 99)}] Started GET "/dashboard" for 10.0.203.5 at ${at(3 * HOURS).replace('T', ' ').slice(0, 19)} +0000`,
      `I, [${at(3 * HOURS).replace('Z', '')} #1]  INFO -- : [${rid(k, 99)}] Completed 200 OK in 84ms (Views: 51.2ms | ActiveRecord: 12.9ms | Allocations: 40112)`,
    ];
    for (let i = 0; i < 7; i++) {
      const t = 68 - i * 9 - k * 2;
      const ts = at(t).replace('Z', '');
      out.push(
        `I, [${ts} #1]  INFO -- : [${rid(k, i)}] Started POST "/saml/acs" for 10.0.203.5 at ${at(t).replace('T', ' ').slice(0, 19)} +0000`,
        `I, [${ts} #1]  INFO -- : [${rid(k, i)}] Processing by SamlController#acs as HTML`,
        `W, [${ts} #1]  WARN -- : [${rid(k, i)}] SAML response rejected: Fingerprint mismatch (issuer http://www.okta.com/exk8f2c9dQ1xYz0h4417, signing cert SHA1 4C:E0:93:7A:1F:B8:62:0D:95:C4:3E:A1:08:77:D2:5B:E9:30:4F:16, not_before 2026-11-21T01:30:00Z)`,
        `E, [${ts} #1] ERROR -- : [${rid(k, i)}] OneLogin::RubySaml::ValidationError (Fingerprint mismatch)`,
        `I, [${ts} #1]  INFO -- : [${rid(k, i)}] Redirected to https://staff.acme.com/login?error=sso_failed`,
        `I, [${ts} #1]  INFO -- : [${rid(k, i)}] Completed 302 Found in 19ms (ActiveRecord: 0.0ms | Allocations: 3120)`,
      );
    }
    return lines(...out);
  };
  return {
    id: 'heldout82-saml-idp-signing-cert-rotated',
    class: 'config',
    truth: 'At 01:30 the Okta admins activated a new SAML signing certificate for the staff-portal app (the old one expires next week). staff-portal (ruby-saml) still pins the old certificate\'s fingerprint in ConfigMap staff-portal-saml (SAML_IDP_CERT_FINGERPRINT 9F:1B:…), so every SAML response, now signed with the new certificate (4C:E0:…), is rejected with "Fingerprint mismatch" and users are bounced back to the login page. Pods, probes and revision 61 are fine. Fix: update the IdP certificate/fingerprint in staff-portal-saml from the IdP metadata (ideally consume metadata) and restart.',
    ask: { service: 'staff-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'staff-portal', selector: { app: 'staff-portal' }, pods: app.pods, endpointPort: 3000 }),
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: 'Liveness probe failed: Get "http://10.0.203.77:3000/up": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 1, firstAgo: 22 * HOURS, lastAgo: 22 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/SAML|IdP|identity provider|SSO/i, /fingerprint|cert|signature/i],
      facts: [/Fingerprint mismatch/i, /staff-portal-saml|SAML_IDP_CERT_FINGERPRINT/, /rotat|new (signing )?cert/i],
      never: [ADVISES_ROLLBACK, /staff-directory/],
    },
  };
}

// ---- 6. Google invalid_grant: Invalid JWT Signature (service account key deleted) ----------------

function googleInvalidJwtSignature(): CorpusScenario {
  const ns = 'finops';
  const { nodes, names } = threeEksNodes('10.0.77', ['30', '144', '212']);
  const image = `${ECR}/finops/usage-exporter:1.6.0`;
  const tpl = {
    containers: [container({
      image, ports: [9090], cpu: '200m', memory: '256Mi',
      env: [
        { name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/run/secrets/gcp/key.json' },
        { name: 'BQ_PROJECT', value: 'acme-finops-prod' },
        { name: 'BQ_DATASET', value: 'cloud_usage' },
      ],
      volumeMounts: [{ name: 'gcp-key', mountPath: '/var/run/secrets/gcp', readOnly: true }],
      readiness: httpProbe('/ready', 9090), liveness: httpProbe('/healthz', 9090, { initialDelaySeconds: 10 }),
    })],
    volumes: [{ name: 'gcp-key', secret: { secretName: 'usage-exporter-gcp-sa' } }],
  };
  const app = deploymentApp({
    namespace: ns, name: 'usage-exporter', replicas: 2,
    revisions: [{ revision: 12, createdAgo: 34 * DAYS, changeCause: 'argocd: usage-exporter 1.6.0', template: tpl }],
    pods: [0, 1].map((k) => ({ revision: 12, node: names[k + 1] ?? '', createdAgo: 34 * DAYS - k, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2 + k * 0.8, ranSeconds: 2 }, 9 + k) } })),
  });
  const other = bystander(ns, 'cost-dashboard', names, 18, look(20, 21, '0.9.3', '0.9.4', 11 * DAYS));
  const log = (k: number) => {
    const t = 1.25 + k * 0.8;
    return lines(
      `{"time":"${at(t)}","level":"INFO","msg":"usage-exporter starting","version":"1.6.0","project":"acme-finops-prod","dataset":"cloud_usage"}`,
      `{"time":"${at(t)}","level":"INFO","msg":"loaded credentials","type":"service_account","client_email":"usage-exporter@acme-finops-prod.iam.gserviceaccount.com","private_key_id":"6b2f0e9c41d87a35f1c0b4e2d9a7f13c58e06a2d"}`,
      `{"time":"${at(t - 0.02)}","level":"ERROR","msg":"bigquery client check failed","error":"Get \\"https://bigquery.googleapis.com/bigquery/v2/projects/acme-finops-prod/datasets/cloud_usage?alt=json&prettyPrint=false\\": oauth2: \\"invalid_grant\\" \\"Invalid JWT Signature.\\""}`,
      `{"time":"${at(t - 0.02)}","level":"ERROR","msg":"fatal: cannot start without BigQuery access","exit_code":1}`,
    );
  };
  return {
    id: 'heldout82-gcp-invalid-jwt-signature-key-deleted',
    class: 'config',
    truth: 'usage-exporter, running on EKS, authenticates to BigQuery with a JSON key for usage-exporter@acme-finops-prod.iam.gserviceaccount.com (private_key_id 6b2f0e9c…) from Secret usage-exporter-gcp-sa. GCP\'s org key-expiry policy (iam.serviceAccountKeyExpiryHours) expired/deleted that key at about 02:40, so Google\'s token endpoint rejects the signed JWT with invalid_grant "Invalid JWT Signature." so the exporter\'s token refresh failed, it exited 1, and every restart fails the same BigQuery check at startup: a crash loop since about 02:41. Image and revision 12 are 34 days old; cost-dashboard\'s rollout is unrelated. Fix: create a new key (or move to workload identity federation), update the Secret and restart.',
    ask: { service: 'usage-exporter', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'usage-exporter', selector: { app: 'usage-exporter' }, pods: app.pods, endpointPort: 9090 }),
      ...app.pods.flatMap((p, k) => [
        ...restartedAgain(p, 'app', image, { count: 9 + k, firstAgo: 33, lastAgo: 1.25 + k * 0.8 }),
        backOff(p, 'app', { count: 140 + k, firstAgo: 32, lastAgo: 0.2 }),
      ]),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { previous: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/invalid_grant|Invalid JWT Signature|service account key/i],
      facts: [/Invalid JWT Signature|invalid_grant/, /usage-exporter@|service account|private_key_id|key/i, /delet|disabl|revok|expir|rotat/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /cost-dashboard/],
    },
  };
}

// ---- 7. Healthy control: JDK -noverify deprecation warning at start ------------------------------

function healthyNoverifyWarning(): CorpusScenario {
  const ns = 'fx';
  const { nodes, names } = threeEksNodes('10.0.45', ['19', '136', '221']);
  const image = `${ECR}/fx/rates-api:3.12.1`;
  const opts = '-javaagent:/opt/agent/apm-agent.jar -noverify -XX:MaxRAMPercentage=75.0';
  const tplOf = (img: string) => ({
    containers: [container({
      image: img, ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: opts }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }),
    })],
  });
  const tpl = tplOf(image);
  const app = deploymentApp({
    namespace: ns, name: 'rates-api', replicas: 3,
    revisions: [
      { revision: 44, createdAgo: 12 * DAYS, changeCause: 'argocd: rates-api 3.12.0', template: tplOf(`${ECR}/fx/rates-api:3.12.0`) },
      { revision: 45, createdAgo: 3 * DAYS, changeCause: 'argocd: rates-api 3.12.1', template: tpl },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 45, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const other = bystander(ns, 'rates-ingestor', names, 5 * HOURS, look(8, 9, '2.2.0', '2.2.1', 20 * DAYS));
  const log = (k: number) => {
    const s = 3 * DAYS - k - 0.5;
    return lines(
      `Picked up JAVA_TOOL_OPTIONS: ${opts}`,
      'OpenJDK 64-Bit Server VM warning: Options -Xverify:none and -noverify were deprecated in JDK 13 and will likely be removed in a future release.',
      sb(s, 'INFO', 'main', 'com.acme.fx.RatesApiApplication', 'Starting RatesApiApplication v3.12.1 using Java 21.0.5 with PID 1'),
      sb(s - 0.5, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
      sb(s - 0.5, 'INFO', 'main', 'com.acme.fx.RatesApiApplication', 'Started RatesApiApplication in 21.604 seconds (process running for 23.11)'),
      sb(2.1, 'INFO', 'rates-refresh-1', 'com.acme.fx.rates.RateRefresher', 'Refreshed 168 currency pairs from ECB feed (as of 2026-11-20)'),
      sb(0.4, 'INFO', 'http-nio-8080-exec-3', 'com.acme.fx.api.RatesController', 'GET /v1/rates?base=EUR 200 (7 ms)'),
    );
  };
  return {
    id: 'heldout82-healthy-jdk-noverify-deprecation',
    class: 'healthy',
    truth: 'rates-api is healthy: three ready pods of revision 45 running for three days with no restarts. Its JAVA_TOOL_OPTIONS still pass -noverify (from an old APM agent setup guide), so the JVM prints "Options -Xverify:none and -noverify were deprecated in JDK 13" at each start: harmless noise. Nothing to do (optionally drop -noverify).',
    ask: { service: 'rates-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'rates-api', selector: { app: 'rates-api' }, pods: app.pods }),
      event({ on: podOf(other, 0), type: 'Normal', reason: 'Pulled', message: `Container image "${ECR}/fx/rates-ingestor:2.2.1" already present on machine`, firstAgo: 5 * HOURS, lastAgo: 5 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|ready|running/i],
      facts: [/rates-api/],
      never: [/noverify[^\n]*(cause|broke|fail)/i, ADVISES_ROLLBACK, /rates-ingestor/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  gcOverheadCacheSize(),
  s3SignatureMismatch(),
  cronFeedLatin1(),
  kerberosStaleKeytab(),
  samlIdpCertRotated(),
  googleInvalidJwtSignature(),
  healthyNoverifyWarning(),
];
