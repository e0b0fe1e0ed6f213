// Held-out stories, round 102, part two (protocols and clients):
// 1. billing-api gets HTTP 400 "The plain HTTP request was sent to HTTPS port" from invoice-pdf, whose revision 15 turned on `ssl` on its nginx port 8080.
// 2. The partner-export CronJob's parallelism raised 4 → 12: the partner's sshd drops the excess connections (MaxStartups), "kex_exchange_identification: read: Connection reset by peer" on 7 of 12 pods.
// 3. customer-portal revision 23 moved Spring Session to ElastiCache, which disables CONFIG: "ERR unknown command 'CONFIG'" from the keyspace-notification initializer, a crash loop.
// 4. storefront-bff revision 41 sends search filters in GET query strings; the edge-gateway nginx (large_client_header_buffers 4 8k) answers "414 Request-URI Too Large" to the many-filter searches.
// 5. recs-api's gRPC client (default 4 MiB receive limit) fails with ResourceExhausted "received message larger than max" since catalog-grpc revision 12 raised its page size.
// 6. accounts-api revision 57 points pgx at PgBouncer in transaction pooling: "prepared statement \"stmtcache_…\" already exists (SQLSTATE 42P05)" on a share of queries.
// 7. Healthy control: the edge-proxy nginx with 499s, a favicon 404 and a config reload by `nginx -s reload` after a ConfigMap edit, all Ready.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, clfTime, configMap, container, crashLoop, cronJob, cronJobEvent, deploymentApp, event,
  exposed, httpProbe, jobEvent, nameOf, restartedAgain, rsOf, scaledReplicaSet, startedNormally, tcpProbe, terminated,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Spring Boot's console time: `2026-11-21T03:12:41.563Z`. */
const springTime = (minutes: number): string => at(minutes);

// ---- 1. the backend turned on TLS on its plain port; the caller still speaks HTTP ---------------------

function plainHttpToHttpsPort(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '203']);
  const nginxImage = 'docker.io/library/nginx:1.27.2-alpine';
  const rendererImage = (v: string) => `${ECR}/billing/invoice-pdf:${v}`;
  const confV1 = 'server {\n  listen 8080;\n  server_name _;\n  client_max_body_size 20m;\n  location /healthz { return 200 "ok"; }\n  location / { proxy_pass http://127.0.0.1:3000; proxy_read_timeout 60s; }\n}\n';
  const confV2 = 'server {\n  listen 8080 ssl;\n  server_name _;\n  ssl_certificate     /etc/nginx/tls/tls.crt;\n  ssl_certificate_key /etc/nginx/tls/tls.key;\n  ssl_protocols TLSv1.2 TLSv1.3;\n  client_max_body_size 20m;\n  location /healthz { return 200 "ok"; }\n  location / { proxy_pass http://127.0.0.1:3000; proxy_read_timeout 60s; }\n}\n';
  const https = (path: string, extra: Partial<k8s.V1Probe> = {}): k8s.V1Probe => ({ httpGet: { path, port: 8080, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, ...extra });
  const tpl = (conf: string, tls: boolean) => ({
    containers: [
      container({ name: 'nginx', image: nginxImage, ports: [8080], cpu: '50m', memory: '64Mi', readiness: tls ? https('/healthz') : httpProbe('/healthz', 8080), liveness: tls ? https('/healthz', { initialDelaySeconds: 5 }) : httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }), volumeMounts: [{ name: 'nginx-conf', mountPath: '/etc/nginx/conf.d' }, ...(tls ? [{ name: 'tls', mountPath: '/etc/nginx/tls', readOnly: true }] : [])] }),
      container({ name: 'renderer', image: rendererImage('2.9.4'), ports: [{ name: 'app', containerPort: 3000 }], cpu: '500m', memory: '1Gi', readiness: null, liveness: null }),
    ],
    volumes: [{ name: 'nginx-conf', configMap: { name: conf, defaultMode: 420 } }, ...(tls ? [{ name: 'tls', secret: { secretName: 'invoice-pdf-tls', defaultMode: 420 } }] : [])],
  });
  const backend = deploymentApp({
    namespace: ns,
    name: 'invoice-pdf',
    replicas: 2,
    revisions: [
      { revision: 14, createdAgo: 12 * DAYS, changeCause: 'helm upgrade invoice-pdf 2.9.4', template: tpl('invoice-pdf-nginx-v1', false) },
      { revision: 15, createdAgo: 34, changeCause: 'helm upgrade invoice-pdf 2.9.4 (tls: in-cluster encryption, SEC-412)', template: tpl('invoice-pdf-nginx-v2', true) },
    ],
    pods: [{ revision: 15, node: names[0] ?? '', createdAgo: 33.5 }, { revision: 15, node: names[2] ?? '', createdAgo: 32.8 }],
    settled: { available: true, availableSince: 32.4, progressingSince: 34, progressingUpdatedAgo: 32.4 },
  });
  const apiImage = `${ECR}/billing/billing-api:5.2.1`;
  const caller = deploymentApp({
    namespace: ns,
    name: 'billing-api',
    replicas: 3,
    revisions: [
      { revision: 62, createdAgo: 9 * DAYS, changeCause: 'argocd: billing-api 5.2.1', template: { containers: [container({ image: apiImage, ports: [8080], memory: '512Mi', env: [{ name: 'INVOICE_PDF_URL', value: 'http://invoice-pdf.billing.svc.cluster.local' }, { name: 'INVOICE_PDF_TIMEOUT', value: '30s' }, { name: 'DB_HOST', value: 'billing-db.cluster-cq81mz0a2x.eu-west-1.rds.amazonaws.com' }] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 62, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const other = bystander(ns, 'dunning-worker', names, 3 * HOURS, { revisions: [8, 9], versions: ['1.4.0', '1.4.1'], olderAgo: 30 * DAYS });
  const body400 = '<html>\\r\\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\\r\\n<body>\\r\\n<center><h1>400 Bad Request</h1></center>\\r\\n<center>The plain HTTP request was sent to HTTPS port</center>\\r\\n<hr><center>nginx/1.27.2</center>\\r\\n</body>\\r\\n</html>';
  const callerLog = (k: number) => {
    const out = [`{"time":"${at(40 + k)}","level":"INFO","msg":"POST /v1/invoices/INV-2026-11-${8810 + k}/pdf","status":200,"dur_ms":${820 + k * 40}}`];
    for (let i = 0; i < 10; i++) {
      const t = 31 - i * 3 - k * 0.4;
      const inv = `INV-2026-11-${9100 + i * 7 + k}`;
      out.push(`{"time":"${at(t)}","level":"ERROR","msg":"render invoice pdf","invoice":"${inv}","url":"http://invoice-pdf.billing.svc.cluster.local/render","status":400,"body":"${body400}"}`);
      out.push(`{"time":"${at(t - 0.01)}","level":"WARN","msg":"POST /v1/invoices/${inv}/pdf","status":502,"dur_ms":${3 + (i % 4)}}`);
      if (i % 3 === 0) out.push(`{"time":"${at(t - 0.2)}","level":"INFO","msg":"GET /v1/invoices","status":200,"dur_ms":${11 + i}}`);
    }
    return lines(...out);
  };
  const backendLog = (p: k8s.V1Pod, k: number) => {
    const out = [
      `/docker-entrypoint.sh: Configuration complete; ready for start up`,
      `${ngxTime(33 - k)} [notice] 1#1: nginx/1.27.2`,
      `${ngxTime(33 - k)} [notice] 1#1: start worker processes`,
      `${p.status?.hostIP ?? '10.0.96.14'} - - [${clfTime(32.5 - k)}] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.31"`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 30.5 - i * 4.5 - k;
      const client = caller.pods[i % 3]?.status?.podIP ?? '10.0.96.77';
      out.push(`${ngxTime(t)} [info] 29#29: *${1204 + i * 37} client sent plain HTTP request to HTTPS port while reading client request headers, client: ${client}, server: _, request: "POST /render HTTP/1.1", host: "invoice-pdf.billing.svc.cluster.local"`);
      out.push(`${client} - - [${clfTime(t)}] "POST /render HTTP/1.1" 400 255 "-" "Go-http-client/1.1"`);
    }
    return lines(...out);
  };
  const fresh = backend.pods;
  return {
    id: 'heldout102-plain-http-to-https-port',
    class: 'network',
    truth: 'invoice-pdf revision 15 (34 minutes ago, SEC-412 in-cluster encryption) swapped its nginx config for invoice-pdf-nginx-v2, which puts `ssl` on the same port 8080 the Service has always targeted (and switched its own probes to HTTPS, so it looks healthy). billing-api still calls http://invoice-pdf.billing.svc.cluster.local in plain HTTP, so every render gets nginx\'s 400 "The plain HTTP request was sent to HTTPS port" and billing-api answers 502 for invoice PDFs. Fix: roll invoice-pdf back (or serve TLS on a separate port) until callers move to https.',
    ask: { service: 'billing-api', namespace: ns },
    objects: [
      ...nodes, ...backend.objects, ...caller.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-pdf', selector: { app: 'invoice-pdf' }, pods: backend.pods }),
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: caller.pods }),
      ...exposed({ namespace: ns, name: 'dunning-worker', selector: { app: 'dunning-worker' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'invoice-pdf-nginx-v1', createdAgo: 80 * DAYS, data: { 'default.conf': confV1 } }),
      configMap({ namespace: ns, name: 'invoice-pdf-nginx-v2', createdAgo: 34.5, data: { 'default.conf': confV2 } }),
      scaledReplicaSet(deploymentOf(backend), rsOf(backend, 15), 1, 0, 34),
      scaledReplicaSet(deploymentOf(backend), rsOf(backend, 14), 1, 2, 33),
      scaledReplicaSet(deploymentOf(backend), rsOf(backend, 15), 2, 1, 33),
      scaledReplicaSet(deploymentOf(backend), rsOf(backend, 14), 0, 1, 32.4),
      ...fresh.flatMap((p, k) => startedNormally(p, 'nginx', nginxImage, 33.5 - k * 0.7)),
      event({ on: podOf(caller, 1), reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://' + (podOf(caller, 1).status?.podIP ?? '') + ':8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 1, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...caller.pods.map((p, k) => logsFor(p, 'app', { current: callerLog(k) })),
      ...fresh.map((p, k) => logsFor(p, 'nginx', { current: backendLog(p, k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/plain HTTP|HTTPS|TLS|\bssl\b/i, /invoice-pdf/],
      facts: [/The plain HTTP request was sent to HTTPS port|plain HTTP request/i, /revision 15|invoice-pdf-nginx-v2/, /\b400\b/],
      never: [/\bOOM/, /certificate[^\n]*(expired|invalid|untrusted)/i, /billing-api[^\n]*(roll ?back|revision 62)/i],
    },
  };
}

// ---- 2. an SFTP export CronJob's parallelism raised past the partner sshd's MaxStartups --------------

function sftpParallelismMaxStartups(): CorpusScenario {
  const ns = 'exports';
  const { nodes, names } = threeEksNodes('10.0.120', ['9', '166', '231']);
  const image = `${ECR}/data/partner-export:3.1.0`;
  const partner = '203.0.113.45';
  const template = {
    containers: [batchContainer({
      name: 'export', image, cpu: '250m', memory: '512Mi',
      env: [
        { name: 'SFTP_HOST', value: 'sftp.partner-logistics.example' },
        { name: 'SFTP_USER', value: 'acme_export' },
        { name: 'SHARDS', value: '12' },
        { name: 'EXPORT_DATE', value: 'yesterday' },
      ],
      volumeMounts: [{ name: 'ssh-key', mountPath: '/home/export/.ssh', readOnly: true }],
    })],
    volumes: [{ name: 'ssh-key', secret: { secretName: 'partner-sftp-key', defaultMode: 256 } }],
  };
  const ok = (finishedAgo: number, ranSeconds: number) => ({ phase: 'Succeeded' as const, containers: { export: terminated({ exitCode: 0, finishedAgo, ranSeconds }) } });
  const bad = (finishedAgo: number) => ({ phase: 'Failed' as const, containers: { export: terminated({ exitCode: 255, finishedAgo, ranSeconds: 9 }) } });
  const olderJob = (d: number) => ({
    createdAgo: d * DAYS + 14, parallelism: 4, completions: 4,
    pods: [0, 1, 2, 3].map((k) => ({ node: names[k % 3] ?? '', createdAgo: d * DAYS + 14, ...ok(d * DAYS + 9 - k * 0.3, 290 + k * 11) })),
    outcome: { complete: true as const, ago: d * DAYS + 8 },
  });
  const failedAt = [13.6, 13.6, 13.5, 13.5, 13.5, 13.4, 13.4];
  const cron = cronJob({
    namespace: ns,
    name: 'partner-export',
    schedule: '0 3 * * *',
    template,
    backoffLimit: 6,
    createdAgo: 140 * DAYS,
    lastSuccessfulAgo: 1 * DAYS + 8,
    jobs: [
      olderJob(3), olderJob(2), olderJob(1),
      {
        createdAgo: 14, parallelism: 12, completions: 12,
        pods: [
          ...[0, 1, 2, 3, 4].map((k) => ({ node: names[k % 3] ?? '', createdAgo: 14, ...ok(9.2 - k * 0.2, 280 + k * 9) })),
          ...failedAt.map((f, k) => ({ node: names[(k + 2) % 3] ?? '', createdAgo: 14, ...bad(f) })),
        ],
        outcome: { failed: 'BackoffLimitExceeded', ago: 9 },
      },
    ],
  });
  // The CronJob as patched yesterday: parallelism/completions 12 (earlier Jobs ran 4).
  const cj = cron.objects[0] as k8s.V1CronJob;
  const jt = cj.spec?.jobTemplate;
  if (jt?.spec) jt.spec = { ...jt.spec, parallelism: 12, completions: 12 };
  cj.metadata = {
    ...cj.metadata, generation: 7,
    managedFields: [
      { manager: 'helm', operation: 'Update', apiVersion: 'batch/v1', time: ago(140 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } },
      { manager: 'kubectl-patch', operation: 'Update', apiVersion: 'batch/v1', time: ago(11 * HOURS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:jobTemplate': { 'f:spec': { 'f:completions': {}, 'f:parallelism': {} } } } } },
    ],
  };
  // Older Jobs ran with SHARDS=4 (their own copy of the template).
  for (const j of cron.jobs.slice(0, 3)) {
    const spec = (j.objects[0] as k8s.V1Job).spec;
    const c = spec?.template.spec?.containers[0];
    const four = (x: k8s.V1Container): k8s.V1Container => ({ ...x, env: (x.env ?? []).map((e) => (e.name === 'SHARDS' ? { ...e, value: '4' } : e)) });
    if (c && spec?.template.spec) spec.template.spec = { ...spec.template.spec, containers: [four(c)] };
    for (const p of j.pods) if (p.spec) p.spec = { ...p.spec, containers: p.spec.containers.map(four) };
  }
  const newest = cron.jobs[3];
  const newestJob = newest?.objects[0];
  const pods = newest?.pods ?? [];
  const okLog = (k: number) => lines(
    `${at(13.9)} INFO partner-export 3.1.0 shard ${k + 1}/12 date=2026-11-20`,
    `${at(13.7)} INFO wrote /tmp/out/orders_20261120_${String(k + 1).padStart(2, '0')}.csv.gz rows=${41_200 + k * 377} bytes=${5_120_000 + k * 91_000}`,
    `${at(13.65)} INFO connecting acme_export@sftp.partner-logistics.example:22`,
    `Connected to sftp.partner-logistics.example.`,
    `sftp> put /tmp/out/orders_20261120_${String(k + 1).padStart(2, '0')}.csv.gz /inbound/acme/`,
    `Uploading /tmp/out/orders_20261120_${String(k + 1).padStart(2, '0')}.csv.gz to /inbound/acme/orders_20261120_${String(k + 1).padStart(2, '0')}.csv.gz`,
    `${at(9.2 - k * 0.2)} INFO upload complete shard=${k + 1} seconds=${268 + k * 9}`,
  );
  const badLog = (k: number) => {
    const shard = k + 6;
    const reset = k % 3 !== 2;
    return lines(
      `${at(13.9)} INFO partner-export 3.1.0 shard ${shard}/12 date=2026-11-20`,
      `${at(13.7)} INFO wrote /tmp/out/orders_20261120_${String(shard).padStart(2, '0')}.csv.gz rows=${40_800 + k * 211} bytes=${5_010_000 + k * 77_000}`,
      `${at(13.65)} INFO connecting acme_export@sftp.partner-logistics.example:22`,
      reset ? 'kex_exchange_identification: read: Connection reset by peer' : 'kex_exchange_identification: Connection closed by remote host',
      reset ? `Connection reset by ${partner} port 22` : `Connection closed by ${partner} port 22`,
      'Connection closed',
      `${at(failedAt[k] ?? 13.5)} ERROR sftp exited with status 255 shard=${shard}`,
    );
  };
  return {
    id: 'heldout102-sftp-parallelism-maxstartups',
    class: 'jobs',
    truth: 'Yesterday the partner-export CronJob was patched from parallelism/completions 4 to 12 (SHARDS=12) to finish sooner. The partner\'s sshd (sftp.partner-logistics.example, 203.0.113.45, outside the cluster) limits concurrent unauthenticated connections (MaxStartups), so when 12 pods connect at once it resets the excess ones at key exchange: 7 pods fail with "kex_exchange_identification: read: Connection reset by peer" (exit 255), 5 upload fine, and the Job hits its backoff limit. Credentials and network are fine. Fix: set parallelism back to 4 (or stagger the uploads / ask the partner to raise MaxStartups).',
    ask: { service: 'partner-export', namespace: ns },
    objects: [
      ...nodes, ...cron.objects,
      cronJobEvent(cj, 'SuccessfulCreate', `Created job ${nameOf(newestJob)}`, 14),
      jobEvent(newestJob, 'SuccessfulCreate', `Created pod: ${nameOf(pods[0])}`, 14),
      jobEvent(newestJob, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 9, 'Warning'),
      cronJobEvent(cj, 'SawCompletedJob', `Saw completed job: ${nameOf(newestJob)}, condition: Failed`, 9),
    ],
    logs: pods.map((p, k) => logsFor(p, 'export', { current: k < 5 ? okLog(k) : badLog(k - 5) })),
    expect: {
      verdict: 'problems',
      headline: [/parallel|concurren|simultaneous|MaxStartups|too many (ssh |sftp )?connections/i],
      facts: [/kex_exchange_identification|Connection reset by peer|Connection closed by/, /parallelism|\b12\b/, /203\.0\.113\.45|sftp\.partner-logistics/],
      never: [/\bOOM/, /Permission denied|authentication|wrong (key|password)|credential/i, /DNS|NetworkPolicy/i],
    },
  };
}

// ---- 3. Spring Session moved to a managed Redis that disables CONFIG ---------------------------------

function springSessionRedisConfigDisabled(): CorpusScenario {
  const ns = 'portal';
  const { nodes, names } = threeEksNodes('10.0.54', ['22', '171', '240']);
  const image = `${ECR}/portal/customer-portal:7.3.2`;
  const host = (h: string, ssl: boolean) => [
    { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
    { name: 'SPRING_DATA_REDIS_HOST', value: h },
    { name: 'SPRING_DATA_REDIS_PORT', value: '6379' },
    { name: 'SPRING_DATA_REDIS_SSL_ENABLED', value: String(ssl) },
    { name: 'SPRING_SESSION_TIMEOUT', value: '30m' },
    { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
  ];
  const cloud = 'master.portal-sessions.x7k2pq.euw1.cache.amazonaws.com';
  const tpl = (h: string, ssl: boolean) => ({ containers: [container({ image, ports: [8080], cpu: '500m', memory: '1Gi', env: host(h, ssl), readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'customer-portal',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 22, createdAgo: 8 * DAYS, changeCause: 'argocd: customer-portal 7.3.2', template: tpl('portal-redis.portal.svc.cluster.local', false) },
      { revision: 23, createdAgo: 17, changeCause: 'argocd: sessions to ElastiCache (PLAT-2291)', template: tpl(cloud, true) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 8 * DAYS - k })),
      { revision: 23, node: names[1] ?? '', createdAgo: 16.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 14 }, 7) } },
    ],
  });
  const redis = deploymentApp({
    namespace: ns,
    name: 'portal-redis',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.5-alpine', ports: [{ name: 'redis', containerPort: 6379 }], cpu: '100m', memory: '256Mi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 10 }) })] } }],
    pods: [{ revision: 4, node: names[2] ?? '', createdAgo: 21 * DAYS }],
  });
  const fresh = podOf(app, 3);
  const crash = (t: number) => lines(
    `  .   ____          _            __ _ _`,
    ` :: Spring Boot ::                (v3.3.5)`,
    `${springTime(t)}  INFO 1 --- [customer-portal] [           main] c.a.portal.CustomerPortalApplication     : Starting CustomerPortalApplication v7.3.2 using Java 21.0.5 with PID 1`,
    `${springTime(t - 0.05)}  INFO 1 --- [customer-portal] [           main] c.a.portal.CustomerPortalApplication     : The following 1 profile is active: "prod"`,
    `${springTime(t - 0.1)}  INFO 1 --- [customer-portal] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)`,
    `${springTime(t - 0.18)}  WARN 1 --- [customer-portal] [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'enableRedisKeyspaceNotificationsInitializer' defined in class path resource [org/springframework/session/data/redis/config/annotation/web/http/RedisIndexedHttpSessionConfiguration.class]: Failed to instantiate [org.springframework.beans.factory.InitializingBean]: Factory method 'enableRedisKeyspaceNotificationsInitializer' threw exception with message: Error in execution`,
    `${springTime(t - 0.19)}  INFO 1 --- [customer-portal] [           main] o.apache.catalina.core.StandardService   : Stopping service [Tomcat]`,
    `${springTime(t - 0.2)} ERROR 1 --- [customer-portal] [           main] o.s.boot.SpringApplication               : Application run failed`,
    ``,
    `org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'enableRedisKeyspaceNotificationsInitializer' defined in class path resource [org/springframework/session/data/redis/config/annotation/web/http/RedisIndexedHttpSessionConfiguration.class]: Failed to instantiate [org.springframework.beans.factory.InitializingBean]: Factory method 'enableRedisKeyspaceNotificationsInitializer' threw exception with message: Error in execution`,
    `\tat org.springframework.beans.factory.support.ConstructorResolver.instantiate(ConstructorResolver.java:648)`,
    `\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)`,
    `\tat com.acme.portal.CustomerPortalApplication.main(CustomerPortalApplication.java:12)`,
    `Caused by: org.springframework.data.redis.RedisSystemException: Error in execution`,
    `\tat org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter.convert(LettuceExceptionConverter.java:52)`,
    `\tat org.springframework.data.redis.connection.lettuce.LettuceServerCommands.getConfig(LettuceServerCommands.java:160)`,
    `\tat org.springframework.session.data.redis.config.ConfigureNotifyKeyspaceEventsAction.getNotifyOptions(ConfigureNotifyKeyspaceEventsAction.java:74)`,
    `\tat org.springframework.session.data.redis.config.ConfigureNotifyKeyspaceEventsAction.configure(ConfigureNotifyKeyspaceEventsAction.java:55)`,
    `\t... 24 common frames omitted`,
    `Caused by: io.lettuce.core.RedisCommandExecutionException: ERR unknown command 'CONFIG'`,
    `\tat io.lettuce.core.internal.ExceptionFactory.createExecutionException(ExceptionFactory.java:151)`,
    `\tat io.lettuce.core.internal.ExceptionFactory.createExecutionException(ExceptionFactory.java:120)`,
    `\t... 1 common frames omitted`,
  );
  const oldLog = (k: number) => lines(
    `${springTime(30 + k)}  INFO 1 --- [customer-portal] [nio-8080-exec-${3 + k}] c.a.portal.web.AccountController         : GET /account/overview 200 41ms`,
    `${springTime(6 + k)}  WARN 1 --- [customer-portal] [nio-8080-exec-${7 + k}] o.s.w.s.h.HandlerMappingIntrospector     : Cache miss for REQUEST dispatch to '/favicon.ico' (previous null). Performing MatchableHandlerMapping lookup.`,
    `${springTime(1 + k * 0.2)}  INFO 1 --- [customer-portal] [nio-8080-exec-${1 + k}] c.a.portal.web.AccountController         : GET /account/orders 200 63ms`,
  );
  return {
    id: 'heldout102-spring-session-redis-config-disabled',
    class: 'config',
    truth: 'customer-portal revision 23 (17 minutes ago, PLAT-2291) moved Spring Session from the in-namespace portal-redis to ElastiCache (master.portal-sessions.x7k2pq.euw1.cache.amazonaws.com). ElastiCache disables the CONFIG command, and Spring Session\'s keyspace-notification initializer calls CONFIG GET notify-keyspace-events at startup, so the new pod fails with "ERR unknown command \'CONFIG\'" and crash-loops; the rollout is stuck with three revision-22 pods. The connection itself works. Fix: set notify-keyspace-events in the ElastiCache parameter group and configure ConfigureRedisAction.NO_OP in the app, or roll back to revision 22 meanwhile.',
    ask: { service: 'customer-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...redis.objects,
      ...exposed({ namespace: ns, name: 'customer-portal', selector: { app: 'customer-portal' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'portal-redis', selector: { app: 'portal-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 0, 17),
      ...startedNormally(fresh, 'app', image, 16.8),
      ...restartedAgain(fresh, 'app', image, { count: 7, firstAgo: 16.2, lastAgo: 2.4 }),
      backOff(fresh, 'app', { count: 61, firstAgo: 16, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: crash(2.33), previous: crash(7.6) }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/CONFIG|keyspace|notify-keyspace-events|ConfigureRedisAction/i],
      facts: [/unknown command/i, /revision 23|cache\.amazonaws\.com|ElastiCache|SPRING_DATA_REDIS_HOST/i, /NO_OP|notify-keyspace-events|roll ?back|revision 22/i],
      never: [/\bOOM/, /(cannot|can't|unable to|fail(ed|s)? to) (connect|reach)[^\n]*redis/i, /NOAUTH|WRONGPASS|password/i],
    },
  };
}

// ---- 4. long GET query strings rejected by the gateway with 414 -------------------------------------

function queryStringTooLong414(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.33', ['41', '118', '207']);
  const bffImage = (v: string) => `${ECR}/shop/storefront-bff:${v}`;
  const env = (method: string) => [
    { name: 'GATEWAY_URL', value: 'http://edge-gateway.shop.svc.cluster.local' },
    { name: 'SEARCH_METHOD', value: method },
    { name: 'SEARCH_CACHE_TTL', value: '60' },
    { name: 'NODE_OPTIONS', value: '--max-old-space-size=384' },
  ];
  const bff = deploymentApp({
    namespace: ns,
    name: 'storefront-bff',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 6 * DAYS, changeCause: 'argocd: storefront-bff 3.7.4', template: { containers: [container({ image: bffImage('3.7.4'), ports: [3000], memory: '512Mi', env: env('POST') })] } },
      { revision: 41, createdAgo: 41, changeCause: 'argocd: storefront-bff 3.8.0 (cacheable GET search)', template: { containers: [container({ image: bffImage('3.8.0'), ports: [3000], memory: '512Mi', env: env('GET') })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 40.5 - k * 0.8 })),
    settled: { available: true, availableSince: 38, progressingSince: 41, progressingUpdatedAgo: 38 },
  });
  const gwImage = 'docker.io/library/nginx:1.27.2';
  const gwConf = 'server {\n  listen 8080;\n  server_name _;\n  large_client_header_buffers 4 8k;\n  client_max_body_size 2m;\n  location /api/search { proxy_pass http://search-api.shop.svc.cluster.local; }\n  location /api/ { proxy_pass http://catalog-api.shop.svc.cluster.local; }\n  location /healthz { return 200; }\n}\n';
  const gw = deploymentApp({
    namespace: ns,
    name: 'edge-gateway',
    replicas: 2,
    revisions: [{ revision: 9, createdAgo: 45 * DAYS, template: { containers: [container({ name: 'nginx', image: gwImage, ports: [8080], cpu: '100m', memory: '128Mi', readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080), volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }] })], volumes: [{ name: 'conf', configMap: { name: 'edge-gateway-conf', defaultMode: 420 } }] } }],
    pods: [{ revision: 9, node: names[0] ?? '', createdAgo: 20 * DAYS }, { revision: 9, node: names[2] ?? '', createdAgo: 20 * DAYS }],
  });
  const search = deploymentApp({
    namespace: ns,
    name: 'search-api',
    replicas: 2,
    revisions: [{ revision: 17, createdAgo: 11 * DAYS, changeCause: 'argocd: search-api 2.2.0', template: { containers: [container({ image: `${ECR}/shop/search-api:2.2.0`, ports: [8080], memory: '1Gi' })] } }],
    pods: [{ revision: 17, node: names[1] ?? '', createdAgo: 11 * DAYS }, { revision: 17, node: names[2] ?? '', createdAgo: 11 * DAYS }],
  });
  const facets = ['brand:nike', 'brand:adidas', 'brand:asics', 'brand:new-balance', 'brand:puma', 'brand:hoka', 'size:42', 'size:42.5', 'size:43', 'colour:black', 'colour:white', 'colour:navy', 'price:50-150', 'category:running-shoes', 'width:wide', 'material:gore-tex'];
  const query = (n: number, seed: number) => Array.from({ length: n }, (_, i) => `filter=${encodeURIComponent(facets[(i + seed) % facets.length] ?? 'x')}${i >= facets.length ? `-${i}` : ''}`).join('&');
  const bffLog = (k: number) => {
    const out: string[] = [`{"level":30,"time":${Date.parse(at(40 - k))},"pid":1,"hostname":"storefront-bff","msg":"storefront-bff 3.8.0 listening on :3000","searchMethod":"GET"}`];
    for (let i = 0; i < 12; i++) {
      const t = 35 - i * 2.7 - k * 0.3;
      const many = i % 3 !== 1;
      const n = many ? 180 + ((i * 37 + k * 11) % 140) : 3 + (i % 4);
      const len = many ? 8400 + n * 31 : 120 + n * 28;
      out.push(`{"level":${many ? 50 : 30},"time":${Date.parse(at(t))},"pid":1,"hostname":"storefront-bff","msg":"${many ? 'search upstream error' : 'search ok'}","upstream":"GET http://edge-gateway.shop.svc.cluster.local/api/search","filters":${n},"urlLength":${len},"status":${many ? 414 : 200}${many ? ',"body":"<html>\\r\\n<head><title>414 Request-URI Too Large</title></head>\\r\\n<body>\\r\\n<center><h1>414 Request-URI Too Large</h1></center>\\r\\n<hr><center>nginx/1.27.2</center>\\r\\n</body>\\r\\n</html>"' : ''}}`);
      out.push(`{"level":${many ? 40 : 30},"time":${Date.parse(at(t - 0.01))},"pid":1,"hostname":"storefront-bff","req":{"method":"POST","url":"/graphql","op":"ProductListing"},"res":{"statusCode":${many ? 502 : 200}},"responseTime":${many ? 6 + (i % 5) : 140 + i * 7}}`);
    }
    return lines(...out);
  };
  const gwLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 8; i++) {
      const t = 34 - i * 4 - k * 0.5;
      const many = i % 3 !== 1;
      out.push(many
        ? `10.0.33.${60 + i} - - [${clfTime(t)}] "GET /api/search?${query(40, i).slice(0, 7_000)}" 414 150 "-" "undici"`
        : `10.0.33.${60 + i} - - [${clfTime(t)}] "GET /api/search?${query(4, i)} HTTP/1.1" 200 18213 "-" "undici"`);
      out.push(`10.0.33.${60 + i} - - [${clfTime(t - 0.3)}] "GET /api/products/SKU-${30_000 + i * 17} HTTP/1.1" 200 4211 "-" "undici"`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout102-get-query-string-414',
    class: 'network',
    truth: 'storefront-bff revision 41 (3.8.0, 41 minutes ago) switched product search from POST bodies to cacheable GET requests (SEARCH_METHOD=GET) with every selected filter in the query string. Listing pages with many filters now build URIs of 8–18 KB, beyond the edge-gateway nginx\'s large_client_header_buffers 4 8k, so the gateway answers "414 Request-URI Too Large" and the BFF returns 502 for those pages; searches with few filters still work. Fix: roll storefront-bff back to revision 40 (SEARCH_METHOD=POST), or raise the buffer / send filters in a body.',
    ask: { service: 'storefront-bff', namespace: ns },
    objects: [
      ...nodes, ...bff.objects, ...gw.objects, ...search.objects,
      ...exposed({ namespace: ns, name: 'storefront-bff', selector: { app: 'storefront-bff' }, pods: bff.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'edge-gateway', selector: { app: 'edge-gateway' }, pods: gw.pods }),
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: search.pods }),
      configMap({ namespace: ns, name: 'edge-gateway-conf', createdAgo: 45 * DAYS, data: { 'default.conf': gwConf } }),
      scaledReplicaSet(deploymentOf(bff), rsOf(bff, 41), 1, 0, 41),
      scaledReplicaSet(deploymentOf(bff), rsOf(bff, 40), 0, 1, 38.5),
      ...bff.pods.flatMap((p, k) => startedNormally(p, 'app', bffImage('3.8.0'), 40.5 - k * 0.8)),
      event({ on: podOf(search, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(search, 0).status?.podIP ?? ''}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 7 * HOURS, lastAgo: 7 * HOURS - 1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...bff.pods.map((p, k) => logsFor(p, 'app', { current: bffLog(k) })),
      ...gw.pods.map((p, k) => logsFor(p, 'nginx', { current: gwLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/414|URI Too (Large|Long)|too long URI|query string|URL (too )?long/i],
      facts: [/large_client_header_buffers|8k|urlLength|query string/i, /revision 41|SEARCH_METHOD|3\.8\.0/, /edge-gateway/],
      never: [/\bOOM/, /crash ?loop/i, /search-api[^\n]*(down|unavailable|not ready|caus)/i],
    },
  };
}

// ---- 5. gRPC responses grew past the client's 4 MiB receive limit -----------------------------------

function grpcMessageLargerThanMax(): CorpusScenario {
  const ns = 'recs';
  const { nodes, names } = threeEksNodes('10.0.150', ['12', '99', '230']);
  const grpcPort = { name: 'grpc', containerPort: 9090 };
  const catImage = `${ECR}/recs/catalog-grpc:1.19.0`;
  const catTpl = (page: string, media: string) => ({ containers: [container({ image: catImage, ports: [grpcPort, { name: 'metrics', containerPort: 9102 }], memory: '768Mi', env: [{ name: 'LIST_PAGE_SIZE', value: page }, { name: 'INCLUDE_VARIANT_MEDIA', value: media }, { name: 'PG_DSN', value: 'postgres://catalog_ro@catalog-db.recs.svc:5432/catalog' }], readiness: { grpc: { port: 9090, service: '' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }, liveness: tcpProbe('grpc', { initialDelaySeconds: 10 }) })] });
  const catalog = deploymentApp({
    namespace: ns,
    name: 'catalog-grpc',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 15 * DAYS, changeCause: 'helm upgrade catalog-grpc 1.19.0', template: catTpl('200', 'false') },
      { revision: 12, createdAgo: 52, changeCause: 'helm upgrade catalog-grpc 1.19.0 (values: bigger pages, variant media)', template: catTpl('1000', 'true') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 51.5 - k })),
    settled: { available: true, availableSince: 49, progressingSince: 52, progressingUpdatedAgo: 49 },
  });
  const recsImage = `${ECR}/recs/recs-api:4.0.7`;
  const recs = deploymentApp({
    namespace: ns,
    name: 'recs-api',
    replicas: 3,
    revisions: [{ revision: 33, createdAgo: 6 * DAYS, changeCause: 'argocd: recs-api 4.0.7', template: { containers: [container({ image: recsImage, ports: [8080], memory: '512Mi', env: [{ name: 'CATALOG_ADDR', value: 'dns:///catalog-grpc.recs.svc.cluster.local:9090' }, { name: 'CATALOG_TIMEOUT', value: '2s' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 33, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const other = bystander(ns, 'recs-trainer-ui', names, 5 * HOURS, { revisions: [3, 4], versions: ['0.9.1', '0.9.2'], olderAgo: 40 * DAYS });
  const recsLog = (k: number) => {
    const out = [`{"level":"info","ts":"${at(60 + k)}","caller":"server/http.go:44","msg":"GET /v1/recommendations","user":"u-${8812 + k}","status":200,"latency_ms":${48 + k}}`];
    for (let i = 0; i < 12; i++) {
      const t = 50 - i * 4 - k * 0.3;
      const size = 5_400_000 + ((i * 104_729 + k * 7_919) % 2_900_000);
      out.push(`{"level":"error","ts":"${at(t)}","caller":"catalog/client.go:118","msg":"ListProducts failed","method":"/catalog.v2.Catalog/ListProducts","page_size":1000,"error":"rpc error: code = ResourceExhausted desc = grpc: received message larger than max (${size} vs. 4194304)"}`);
      out.push(`{"level":"warn","ts":"${at(t - 0.01)}","caller":"server/http.go:44","msg":"GET /v1/recommendations","user":"u-${9000 + i * 13 + k}","status":503,"latency_ms":${180 + i * 3}}`);
      if (i % 4 === 0) out.push(`{"level":"info","ts":"${at(t - 0.4)}","caller":"server/http.go:44","msg":"GET /v1/recommendations/cached","status":200,"latency_ms":${4 + i}}`);
    }
    return lines(...out);
  };
  const catLog = (k: number) => lines(
    `{"level":"info","ts":"${at(51 - k)}","msg":"catalog-grpc 1.19.0 serving","addr":":9090","list_page_size":1000,"include_variant_media":true}`,
    ...[0, 1, 2, 3].map((i) => `{"level":"info","ts":"${at(40 - i * 9 - k)}","msg":"finished unary call","grpc.method":"ListProducts","grpc.code":"OK","grpc.time_ms":${210 + i * 17},"response_bytes":${5_600_000 + i * 311_000}}`),
  );
  return {
    id: 'heldout102-grpc-message-larger-than-max',
    class: 'network',
    truth: 'catalog-grpc revision 12 (52 minutes ago) raised LIST_PAGE_SIZE from 200 to 1000 and turned on INCLUDE_VARIANT_MEDIA, so a ListProducts response is now 5–8 MB. recs-api\'s grpc-go client keeps the default 4 MiB receive limit (4194304), so every ListProducts call fails with "ResourceExhausted: grpc: received message larger than max" and recs-api answers 503 for recommendations; catalog-grpc itself reports OK. Fix: roll catalog-grpc back to revision 11 (or page smaller / raise MaxCallRecvMsgSize in recs-api).',
    ask: { service: 'recs-api', namespace: ns },
    objects: [
      ...nodes, ...catalog.objects, ...recs.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'catalog-grpc', selector: { app: 'catalog-grpc' }, pods: catalog.pods, ports: [{ name: 'grpc', port: 9090, targetPort: 'grpc' }], endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'recs-api', selector: { app: 'recs-api' }, pods: recs.pods }),
      ...exposed({ namespace: ns, name: 'recs-trainer-ui', selector: { app: 'recs-trainer-ui' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(catalog), rsOf(catalog, 12), 3, 0, 52),
      scaledReplicaSet(deploymentOf(catalog), rsOf(catalog, 11), 0, 3, 49),
      ...catalog.pods.flatMap((p, k) => startedNormally(p, 'app', catImage, 51.5 - k)),
    ],
    logs: [
      ...recs.pods.map((p, k) => logsFor(p, 'app', { current: recsLog(k) })),
      ...catalog.pods.map((p, k) => logsFor(p, 'app', { current: catLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/larger than max|message size|max(imum)? (receive|message|recv)|ResourceExhausted|4194304|4 ?MiB/i, /catalog-grpc/],
      facts: [/4194304/, /revision 12|LIST_PAGE_SIZE|INCLUDE_VARIANT_MEDIA/, /received message larger than max/],
      never: [/\bOOM/, /recs-api[^\n]*(roll ?back|revision 33)/i, /deadline exceeded|timed? ?out/i],
    },
  };
}

// ---- 6. pgx prepared statements through PgBouncer in transaction pooling ----------------------------

function pgbouncerPreparedStatements(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.210', ['7', '128', '199']);
  const image = `${ECR}/accounts/accounts-api:6.4.0`;
  const tpl = (dsn: string) => ({ containers: [container({ image, ports: [8080], memory: '384Mi', env: [{ name: 'DATABASE_URL', value: dsn }, { name: 'DB_MAX_CONNS', value: '25' }, { name: 'GOMAXPROCS', value: '2' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'accounts-api',
    replicas: 4,
    revisions: [
      { revision: 56, createdAgo: 4 * DAYS, changeCause: 'argocd: accounts-api 6.4.0', template: tpl('postgres://accounts_app@accounts-db.accounts.svc.cluster.local:5432/accounts?sslmode=disable') },
      { revision: 57, createdAgo: 26, changeCause: 'argocd: route accounts-api through pgbouncer (DBA-88)', template: tpl('postgres://accounts_app@pgbouncer.accounts.svc.cluster.local:6432/accounts?sslmode=disable') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 57, node: names[k % 3] ?? '', createdAgo: 25.5 - k * 0.6 })),
    settled: { available: true, availableSince: 23, progressingSince: 26, progressingUpdatedAgo: 23 },
  });
  const bouncerIni = '[databases]\naccounts = host=accounts-db.accounts.svc.cluster.local port=5432 dbname=accounts\n\n[pgbouncer]\nlisten_addr = 0.0.0.0\nlisten_port = 6432\nauth_type = scram-sha-256\nauth_file = /etc/pgbouncer/userlist.txt\npool_mode = transaction\ndefault_pool_size = 20\nmax_client_conn = 500\nserver_reset_query = DISCARD ALL\n';
  const bouncer = deploymentApp({
    namespace: ns,
    name: 'pgbouncer',
    replicas: 2,
    revisions: [{ revision: 1, createdAgo: 2 * DAYS, changeCause: 'helm install pgbouncer (DBA-88)', template: { containers: [container({ name: 'pgbouncer', image: 'docker.io/bitnami/pgbouncer:1.20.1', ports: [{ name: 'pgbouncer', containerPort: 6432 }], cpu: '100m', memory: '64Mi', readiness: tcpProbe('pgbouncer'), liveness: tcpProbe('pgbouncer', { initialDelaySeconds: 10 }), volumeMounts: [{ name: 'ini', mountPath: '/etc/pgbouncer' }] })], volumes: [{ name: 'ini', configMap: { name: 'pgbouncer-ini', defaultMode: 420 } }] } }],
    pods: [{ revision: 1, node: names[0] ?? '', createdAgo: 2 * DAYS }, { revision: 1, node: names[1] ?? '', createdAgo: 2 * DAYS }],
  });
  const db = deploymentApp({
    namespace: ns,
    name: 'accounts-db-exporter',
    replicas: 1,
    revisions: [{ revision: 2, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'exporter', image: 'quay.io/prometheuscommunity/postgres-exporter:v0.15.0', ports: [{ name: 'http', containerPort: 9187 }], cpu: '50m', memory: '64Mi', readiness: httpProbe('/', 9187), liveness: httpProbe('/', 9187) })] } }],
    pods: [{ revision: 2, node: names[2] ?? '', createdAgo: 30 * DAYS }],
  });
  const stmts = ['SELECT id, owner_id, balance_minor, currency, updated_at FROM accounts WHERE id = $1', 'SELECT * FROM ledger_entries WHERE account_id = $1 ORDER BY created_at DESC LIMIT $2', 'UPDATE accounts SET balance_minor = balance_minor + $1, updated_at = now() WHERE id = $2'];
  const appLog = (k: number) => {
    const out = [`{"time":"${at(25 - k * 0.6)}","level":"INFO","msg":"accounts-api 6.4.0 starting","db_host":"pgbouncer.accounts.svc.cluster.local:6432","max_conns":25}`];
    for (let i = 0; i < 14; i++) {
      const t = 22 - i * 1.5 - k * 0.2;
      const hash = ((i * 2654435761 + k * 40503) >>> 0).toString(16).padStart(8, '0');
      const kind = i % 4;
      if (kind === 0) out.push(`{"time":"${at(t)}","level":"ERROR","msg":"query failed","sql":"${stmts[i % 3]}","err":"ERROR: prepared statement \\"stmtcache_${hash}a1c9e0b7\\" already exists (SQLSTATE 42P05)"}`);
      else if (kind === 1) out.push(`{"time":"${at(t)}","level":"ERROR","msg":"query failed","sql":"${stmts[i % 3]}","err":"ERROR: prepared statement \\"stmtcache_${hash}77d20f3e\\" does not exist (SQLSTATE 26000)"}`);
      else out.push(`{"time":"${at(t)}","level":"INFO","msg":"request","method":"GET","path":"/v1/accounts/acc_${7000 + i * 31 + k}","status":200,"dur_ms":${6 + i}}`);
      if (kind < 2) out.push(`{"time":"${at(t - 0.01)}","level":"WARN","msg":"request","method":"${i % 3 === 2 ? 'POST' : 'GET'}","path":"/v1/accounts/acc_${7100 + i * 17 + k}${i % 3 === 1 ? '/ledger' : ''}","status":500,"dur_ms":${3 + (i % 5)}}`);
    }
    return lines(...out);
  };
  const pgbLog = (k: number) => lines(
    `${at(2 * DAYS - 1).replace('T', ' ').replace('Z', ' UTC')} [1] LOG process up: PgBouncer 1.20.1, libevent 2.1.12-stable (epoll), adns: c-ares 1.19.1, tls: OpenSSL 3.0.11`,
    `${at(24).replace('T', ' ').replace('Z', ' UTC')} [1] LOG stats: 0 xacts/s, 0 queries/s, 0 client parses/s, in 0 B/s, out 0 B/s, xact 0 us, query 0 us, wait 0 us`,
    `${at(12 - k).replace('T', ' ').replace('Z', ' UTC')} [1] LOG stats: 412 xacts/s, 433 queries/s, in 61840 B/s, out 288120 B/s, xact 1804 us, query 1702 us, wait 31 us`,
    `${at(3 - k).replace('T', ' ').replace('Z', ' UTC')} [1] LOG C-0x55d1c3a8f2e0: accounts/accounts_app@10.0.210.${40 + k}:51822 closing because: client close request (age=1500s)`,
  );
  return {
    id: 'heldout102-pgbouncer-transaction-prepared-statements',
    class: 'config',
    truth: 'accounts-api revision 57 (26 minutes ago, DBA-88) changed DATABASE_URL from the database (accounts-db:5432) to the new pgbouncer (6432), which runs pool_mode = transaction (PgBouncer 1.20, no prepared-statement support). pgx caches named prepared statements per connection, but in transaction pooling consecutive transactions land on different server connections, so a share of queries fail with "prepared statement \\"stmtcache_…\\" already exists (SQLSTATE 42P05)" or "does not exist (26000)" and the API returns 500s. Fix: roll accounts-api back to revision 56, or use pgx\'s exec/simple protocol mode (default_query_exec_mode=exec) or session pooling before going through pgbouncer again.',
    ask: { service: 'accounts-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...bouncer.objects, ...db.objects,
      ...exposed({ namespace: ns, name: 'accounts-api', selector: { app: 'accounts-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pgbouncer', selector: { app: 'pgbouncer' }, pods: bouncer.pods, ports: [{ name: 'pgbouncer', port: 6432, targetPort: 'pgbouncer' }], endpointPort: 6432 }),
      configMap({ namespace: ns, name: 'pgbouncer-ini', createdAgo: 2 * DAYS, data: { 'pgbouncer.ini': bouncerIni } }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 4, 0, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 56), 0, 4, 23),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image, 25.5 - k * 0.6)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...bouncer.pods.map((p, k) => logsFor(p, 'pgbouncer', { current: pgbLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/prepared statement|42P05|stmtcache/i, /pgbouncer|transaction (pool|mode)|pool_mode/i],
      facts: [/42P05|already exists/, /6432|pgbouncer/i, /revision 57|DATABASE_URL/],
      never: [/\bOOM/, /too many (clients|connections)|max_connections|pool exhaust/i, /pgbouncer[^\n]*(down|crash|not ready|unavailable)/i],
    },
  };
}

// ---- 7. healthy control: a reverse proxy with routine noise -----------------------------------------

function healthyReverseProxy(): CorpusScenario {
  const ns = 'web';
  const { nodes, names } = threeEksNodes('10.0.8', ['20', '101', '176']);
  const image = 'docker.io/library/nginx:1.27.2';
  const proxy = deploymentApp({
    namespace: ns,
    name: 'edge-proxy',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 21 * DAYS, template: { containers: [container({ name: 'nginx', image: 'docker.io/library/nginx:1.27.1', ports: [8080], cpu: '100m', memory: '128Mi', readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080), volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }] })], volumes: [{ name: 'conf', configMap: { name: 'edge-proxy-conf', defaultMode: 420 } }] } },
      {
        revision: 19, createdAgo: 6 * DAYS, changeCause: 'helm upgrade edge-proxy (nginx 1.27.2)',
        template: {
          containers: [container({ name: 'nginx', image, ports: [8080], cpu: '100m', memory: '128Mi', readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080), volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }] })],
          volumes: [{ name: 'conf', configMap: { name: 'edge-proxy-conf', defaultMode: 420 } }],
        },
      },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 6 * DAYS - k * 2 })),
    settled: { available: true, availableSince: 6 * DAYS - 5, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 5 },
  });
  const site = deploymentApp({
    namespace: ns,
    name: 'marketing-site',
    replicas: 2,
    revisions: [{ revision: 71, createdAgo: 2 * DAYS, changeCause: 'argocd: marketing-site 2026.11.19', template: { containers: [container({ image: `${ECR}/web/marketing-site:2026.11.19`, ports: [3000], memory: '256Mi' })] } }],
    pods: [{ revision: 71, node: names[1] ?? '', createdAgo: 2 * DAYS }, { revision: 71, node: names[2] ?? '', createdAgo: 2 * DAYS }],
  });
  const conf = 'upstream site { server marketing-site.web.svc.cluster.local:80; keepalive 32; }\nserver {\n  listen 8080;\n  location = /nginx-health { access_log off; return 200; }\n  location / { proxy_pass http://site; proxy_read_timeout 30s; }\n}\n';
  const ua = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15';
  const nginxLog = (k: number) => lines(
    `10.0.8.${50 + k} - - [${clfTime(44 - k)}] "GET / HTTP/1.1" 200 48211 "-" "${ua}"`,
    `10.0.8.${50 + k} - - [${clfTime(44 - k)}] "GET /favicon.ico HTTP/1.1" 404 153 "https://www.acme.example/" "${ua}"`,
    `${ngxTime(38 - k)} [notice] 1#1: signal 1 (SIGHUP) received from 41, reconfiguring`,
    `${ngxTime(38 - k)} [notice] 1#1: reconfiguring`,
    `${ngxTime(38 - k)} [notice] 1#1: start worker processes`,
    `${ngxTime(38 - k)} [notice] 1#1: start worker process 52`,
    `${ngxTime(37.9 - k)} [notice] 33#33: gracefully shutting down`,
    `${ngxTime(37.9 - k)} [notice] 33#33: exiting`,
    `${ngxTime(37.9 - k)} [notice] 1#1: worker process 33 exited with code 0`,
    `10.0.8.${60 + k} - - [${clfTime(21 - k)}] "GET /pricing HTTP/1.1" 499 0 "https://www.acme.example/" "${ua}"`,
    `10.0.8.${61 + k} - - [${clfTime(12 - k)}] "GET /blog/kubernetes-cost-2026 HTTP/1.1" 200 73120 "https://news.ycombinator.com/" "${ua}"`,
    `10.0.8.${62 + k} - - [${clfTime(6 - k)}] "GET /api/newsletter/count HTTP/1.1" 499 0 "-" "Go-http-client/1.1"`,
    `10.0.8.${63 + k} - - [${clfTime(1 - k * 0.2)}] "GET /careers HTTP/1.1" 200 22004 "-" "${ua}"`,
  );
  return {
    id: 'heldout102-healthy-reverse-proxy-routine-noise',
    class: 'healthy',
    truth: 'edge-proxy (nginx 1.27.2, revision 19 rolled out 6 days ago) is healthy: its three pods are Ready with no restarts. Its logs show routine noise only: 499s where browsers or a poller closed the connection before the response, a 404 for /favicon.ico that the site never had, and a graceful SIGHUP reload 38 minutes ago (`nginx -s reload` run through kubectl exec after a proxy_read_timeout tweak to edge-proxy-conf). Nothing to do.',
    ask: { service: 'edge-proxy', namespace: ns },
    objects: [
      ...nodes, ...proxy.objects, ...site.objects,
      ...exposed({ namespace: ns, name: 'edge-proxy', selector: { app: 'edge-proxy' }, pods: proxy.pods }),
      ...exposed({ namespace: ns, name: 'marketing-site', selector: { app: 'marketing-site' }, pods: site.pods, endpointPort: 3000 }),
      configMap({ namespace: ns, name: 'edge-proxy-conf', createdAgo: 90 * DAYS, updatedAgo: 38.5, data: { 'default.conf': conf } }),
    ],
    logs: [
      ...proxy.pods.map((p, k) => logsFor(p, 'nginx', { current: nginxLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/edge-proxy|healthy|ready|no (problem|issue)/i],
      facts: [/edge-proxy/],
      never: [/\b499\b[^\n]*(caus|fail|problem|broke)/i, /favicon/i, /reload[^\n]*(caus|broke|fail)/i, lit('roll back')],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  plainHttpToHttpsPort(),
  sftpParallelismMaxStartups(),
  springSessionRedisConfigDisabled(),
  queryStringTooLong414(),
  grpcMessageLargerThanMax(),
  pgbouncerPreparedStatements(),
  healthyReverseProxy(),
];
