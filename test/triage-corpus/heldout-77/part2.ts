// Held-out stories, seventy-seventh round, part two, written without reading the analysis code:
// 1. a Spring service whose async executor's queue-capacity a ConfigMap edit cut to 10 and a
//    `rollout restart` picked up, so requests are rejected (RejectedExecutionException) and answered
//    503 while every pod is Running and Ready;
// 2. Loki's distributor refusing pushes with 429 "Per stream rate limit exceeded" since someone
//    lowered per_stream_rate_limit in the runtime overrides ConfigMap (hot-reloaded, no restart);
// 3. an indexer whose new revision indexes request headers as a dynamic-key map, so the day's
//    Elasticsearch index hit "Limit of total fields [1000] has been exceeded";
// 4. a billing API whose writes fail with "canceling statement due to lock timeout" because a new
//    revision of another Deployment (credit-sync) leaves sessions "idle in transaction" holding row locks;
// 5. a router whose new revision moved from Debian to Alpine and exits 127 with "Error loading
//    shared library libssl.so.1.1" while the previous revision's pods keep serving;
// 6. a nightly MySQL rollup CronJob failing with ERROR 1206 (lock table size) since the MySQL
//    StatefulSet's memory limit and innodb_buffer_pool_size were cut two days ago;
// 7. a healthy control: a Celery thumbnail worker just scaled out by its HPA, whose logs carry
//    Celery's CPendingDeprecationWarning about broker_connection_retry on every start.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, deploymentApp, event,
  execProbe, exposed, httpProbe, jobEvent, cronJobEvent, nameOf, pyTime, rsOf, running, scaledReplicaSet,
  scheduled, service, statefulSetApp, terminated, tcpProbe, boundClaim, hpa, restartedAgain,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Postgres' `%m` time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** logfmt / Go time with a trailing Z and milliseconds, as Loki writes `ts=`. */
const ts = (minutes: number): string => at(minutes);
/** mysqld's error-log time: microseconds. */
const myTime = (minutes: number): string => at(minutes).replace('Z', '000Z');

// ---- 1. Spring async executor queue-capacity cut in a ConfigMap -------------------------------------

function springExecutorQueueCut(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '222']);
  const image = `${ECR}/pricing/quote-service:3.8.2`;
  const tpl = (restartedAt?: number) => ({
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': at(restartedAt).replace(/\.\d+Z$/, 'Z') } }),
    containers: [container({
      image, ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '1', memory: '1536Mi',
      env: [
        { name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'optional:file:/config/' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 'management'),
      liveness: httpProbe('/actuator/health/liveness', 'management', { initialDelaySeconds: 40 }),
      volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'quote-service-config', defaultMode: 420 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-service',
    replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 5 * DAYS + 2 * HOURS, changeCause: 'argocd: quote-service 3.8.2', template: tpl() },
      { revision: 15, createdAgo: 38, template: tpl(38) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 38 - k * 1.2 })),
    settled: { available: true, availableSince: 35, progressingSince: 38, progressingUpdatedAgo: 35 },
  });
  const cm = configMap({
    namespace: ns,
    name: 'quote-service-config',
    createdAgo: 140 * DAYS,
    updatedAgo: 41,
    data: {
      'application.yaml': [
        'server:',
        '  shutdown: graceful',
        '  tomcat:',
        '    threads:',
        '      max: 200',
        'spring:',
        '  task:',
        '    execution:',
        '      thread-name-prefix: quote-async-',
        '      pool:',
        '        core-size: 8',
        '        max-size: 8',
        '        queue-capacity: 10',
        '        keep-alive: 60s',
        '  datasource:',
        '    hikari:',
        '      maximum-pool-size: 20',
        'pricing:',
        '  carriers:',
        '    timeout: 2500ms',
        '',
      ].join('\n'),
    },
  });
  const other = bystander(ns, 'fx-rates', names, 55, { revisions: [40, 41], versions: ['1.22.0', '1.22.1'], olderAgo: 9 * DAYS });
  const boot = (t: number, thread: string, level: string, logger: string, msg: string) => `${at(t)} ${level.padStart(5)} 1 --- [quote-service] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const rejected = (completed: number, addr: string) =>
    `java.util.concurrent.RejectedExecutionException: Task java.util.concurrent.FutureTask@${addr}[Not completed, task = org.springframework.aop.interceptor.AsyncExecutionInterceptor$$Lambda/0x00007f3c8c4b2a10@5e1f0c2d] rejected from org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor$1@2b7c6d41[Running, pool size = 8, active threads = 8, queued tasks = 10, completed tasks = ${completed}]`;
  const podLog = (k: number) => {
    const start = 38 - k * 1.2 - 0.1;
    const out = [
      boot(start, 'main', 'INFO', 'c.a.pricing.QuoteServiceApplication', 'Starting QuoteServiceApplication v3.8.2 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
      boot(start, 'main', 'INFO', 'c.a.pricing.QuoteServiceApplication', 'The following 1 profile is active: "prod"'),
      boot(start - 0.2, 'main', 'INFO', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
      boot(start - 0.25, 'main', 'INFO', 'c.a.pricing.config.AsyncConfig', "Async executor 'quoteExecutor' configured: corePoolSize=8, maxPoolSize=8, queueCapacity=10, keepAlive=60s"),
      boot(start - 0.3, 'main', 'INFO', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      boot(start - 0.3, 'main', 'INFO', 'c.a.pricing.QuoteServiceApplication', 'Started QuoteServiceApplication in 17.84 seconds (process running for 19.02)'),
    ];
    for (let i = 0; i < 14; i++) {
      const t = 31 - i * 2.1 - k * 0.13;
      const exec = `nio-8080-exec-${(i * 7 + k * 3) % 200 + 1}`;
      out.push(
        boot(t, exec, 'ERROR', 'c.a.pricing.web.QuoteController', `Quote fan-out rejected for request ${(0x3f1a2b + i * 977 + k * 131).toString(16)}: async executor saturated`),
        `org.springframework.core.task.TaskRejectedException: ExecutorService in active state did not accept task: org.springframework.aop.interceptor.AsyncExecutionInterceptor$$Lambda/0x00007f3c8c4b2a10@5e1f0c2d`,
        `\tat org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor.submit(ThreadPoolTaskExecutor.java:405)`,
        `\tat org.springframework.aop.interceptor.AsyncExecutionAspectSupport.doSubmit(AsyncExecutionAspectSupport.java:292)`,
        `\tat com.acme.pricing.carriers.CarrierQuoteClient$$SpringCGLIB$$0.fetchQuote(<generated>)`,
        `\tat com.acme.pricing.web.QuoteController.quote(QuoteController.java:77)`,
        `Caused by: ${rejected(41_200 + i * 611 + k * 97, (0x1c4e9a20 + i * 4099 + k).toString(16))}`,
        `\tat java.base/java.util.concurrent.ThreadPoolExecutor$AbortPolicy.rejectedExecution(ThreadPoolExecutor.java:2081)`,
        `\tat java.base/java.util.concurrent.ThreadPoolExecutor.reject(ThreadPoolExecutor.java:841)`,
        `\tat java.base/java.util.concurrent.ThreadPoolExecutor.execute(ThreadPoolExecutor.java:1376)`,
        `\t... 58 common frames omitted`,
        boot(t - 0.01, exec, 'WARN', 'c.a.pricing.web.ApiExceptionHandler', 'POST /v2/quotes -> 503 SERVICE_UNAVAILABLE (executor_rejected)'),
      );
      if (i % 4 === 1) out.push(boot(t - 0.02, `quote-async-${(i % 8) + 1}`, 'INFO', 'c.a.p.carriers.CarrierQuoteClient', `carrier=dhl-express quote ok in ${1400 + i * 37}ms`));
    }
    out.push(boot(0.3, 'nio-8080-exec-12', 'INFO', 'c.a.pricing.web.QuoteController', 'POST /v2/quotes -> 200 in 1882ms'));
    return lines(...out);
  };
  // An older pod of revision 14's noise: yesterday's Hikari clock-leap warning after a node's NTP step.
  const oldNoise = `${at(20 * HOURS)}  WARN 1 --- [quote-service] [l-1 housekeeper] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m4s).`;
  return {
    id: 'heldout77-spring-async-queue-capacity-cut',
    class: 'config',
    truth: "Someone edited the quote-service-config ConfigMap 41 minutes ago, lowering spring.task.execution.pool.queue-capacity to 10 (with 8 threads), and a `kubectl rollout restart` (revision 15, same image) picked it up. Each quote fans out carrier calls onto that executor; at peak its 8 threads and 10 queue slots are full, so new tasks are rejected (RejectedExecutionException, TaskRejectedException) and the API answers 503, while the pods stay Running and Ready. Fix: restore the queue capacity (or size the pool) in the ConfigMap and restart; rolling back to revision 14 would read the same ConfigMap.",
    ask: { service: 'quote-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'quote-service', selector: { app: 'quote-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 1, 0, 38),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 2, 3, 36.8),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 2, 1, 36.8),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 1, 2, 35.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 3, 2, 35.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 0, 1, 35),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 55),
      ...app.pods.flatMap((p, k) => startedAt(p, 'app', image, 38 - k * 1.2)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(oldNoise.replace('quote-service', 'fx-rates'), `${at(2)}  INFO 1 --- [fx-rates] [   scheduling-1] c.a.fx.RateRefresher                     : refreshed 162 rates from ecb in 311ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/RejectedExecution|TaskRejected|(executor|thread ?pool|queue)[^\n]*(full|saturat|reject|exhaust|capacity)/i],
      facts: [/queue[-_ ]?capacity|queued tasks = 10|queueCapacity=10/i, /quote-service-config/, /503/],
      never: [/\bOOMKilled\b/, /Hikari|clock leap/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 2. Loki distributor: per_stream_rate_limit lowered in the runtime overrides --------------------

function lokiPerStreamRateLimit(): CorpusScenario {
  const ns = 'logging';
  const { nodes, names } = threeEksNodes('10.0.40', ['9', '137', '205']);
  const image = 'docker.io/grafana/loki:3.2.1';
  const volumes = [
    { name: 'config', configMap: { name: 'loki', defaultMode: 420 } },
    { name: 'runtime-config', configMap: { name: 'loki-runtime', defaultMode: 420 } },
  ];
  const mounts = [{ name: 'config', mountPath: '/etc/loki/config' }, { name: 'runtime-config', mountPath: '/etc/loki/runtime-config' }];
  const lokiContainer = (target: string) => container({
    name: target, image, args: ['-config.file=/etc/loki/config/config.yaml', `-target=${target}`], ports: [{ name: 'http-metrics', containerPort: 3100 }, { name: 'grpc', containerPort: 9095 }],
    cpu: '500m', memory: '1Gi', readiness: httpProbe('/ready', 'http-metrics', { initialDelaySeconds: 15, timeoutSeconds: 1 }), liveness: null, volumeMounts: mounts,
  });
  const dist = deploymentApp({
    namespace: ns,
    name: 'loki-distributor',
    replicas: 3,
    selector: { 'app.kubernetes.io/name': 'loki', 'app.kubernetes.io/component': 'distributor' },
    revisions: [{ revision: 6, createdAgo: 12 * DAYS, changeCause: 'helm: loki 6.16.0', template: { containers: [lokiContainer('distributor')], volumes } }],
    pods: [0, 1, 2].map((k) => ({ revision: 6, node: names[k] ?? '', createdAgo: 12 * DAYS - k * 2 })),
    settled: { available: true, availableSince: 12 * DAYS - 5, progressingSince: 12 * DAYS, progressingUpdatedAgo: 12 * DAYS - 5 },
  });
  const ing = statefulSetApp({
    namespace: ns,
    name: 'loki-ingester',
    replicas: 3,
    selector: { 'app.kubernetes.io/name': 'loki', 'app.kubernetes.io/component': 'ingester' },
    serviceName: 'loki-ingester-headless',
    revisions: [{ revision: 4, createdAgo: 12 * DAYS, template: { containers: [lokiContainer('ingester')], volumes } }],
    pods: [0, 1, 2].map((k) => ({ revision: 4, ordinal: k, node: names[k] ?? '', createdAgo: 12 * DAYS - 10 - k * 4 })),
  });
  const runtime = configMap({
    namespace: ns,
    name: 'loki-runtime',
    createdAgo: 200 * DAYS,
    updatedAgo: 52,
    data: {
      'runtime-config.yaml': [
        'overrides:',
        '  platform:',
        '    ingestion_rate_mb: 40',
        '    ingestion_burst_size_mb: 80',
        '    per_stream_rate_limit: 256KB',
        '    per_stream_rate_limit_burst: 512KB',
        '    max_global_streams_per_user: 20000',
        '  payments:',
        '    ingestion_rate_mb: 10',
        '    ingestion_burst_size_mb: 20',
        '    retention_period: 2160h',
        '',
      ].join('\n'),
    },
  });
  const lokiCfg = configMap({
    namespace: ns,
    name: 'loki',
    createdAgo: 200 * DAYS,
    updatedAgo: 12 * DAYS,
    data: {
      'config.yaml': [
        'auth_enabled: true',
        'server:',
        '  http_listen_port: 3100',
        '  grpc_listen_port: 9095',
        'limits_config:',
        '  ingestion_rate_mb: 8',
        '  ingestion_burst_size_mb: 16',
        '  per_stream_rate_limit: 5MB',
        '  per_stream_rate_limit_burst: 20MB',
        '  reject_old_samples: true',
        '  reject_old_samples_max_age: 168h',
        'runtime_config:',
        '  file: /etc/loki/runtime-config/runtime-config.yaml',
        '  period: 10s',
        'common:',
        '  replication_factor: 3',
        '  storage:',
        '    s3:',
        '      bucketnames: acme-prod-loki-chunks',
        '      region: eu-west-1',
        '',
      ].join('\n'),
    },
  });
  const streams = ['{namespace="shop", app="checkout", container="app"}', '{namespace="ingress-nginx", app="ingress-nginx", container="controller"}', '{namespace="shop", app="cart", container="app"}', '{namespace="kube-system", app="aws-node", container="aws-node"}'];
  const distLog = (k: number) => {
    const out = [
      `level=info ts=${ts(12 * DAYS - k * 2)} caller=main.go:126 msg="Starting Loki" version="(version=3.2.1, branch=HEAD, revision=3c386cc5)"`,
      `level=info ts=${ts(12 * DAYS - k * 2 - 0.2)} caller=loki.go:520 msg="Loki started" startup_time=4.21s`,
      `level=warn ts=${ts(19 * HOURS + k)} caller=pool.go:184 msg="removing ingester failing healthcheck" addr=10.0.40.${70 + k}:9095 reason="rpc error: code = DeadlineExceeded desc = context deadline exceeded"`,
    ];
    for (let i = 0; i < 18; i++) {
      const t = 50 - i * 2.7 - k * 0.11;
      const s = streams[(i + k) % streams.length] ?? '';
      const bytes = 4096 + ((i * 7919 + k * 131) % 60_000);
      out.push(`level=warn ts=${ts(t)} caller=logging.go:128 orgID=platform msg="POST /loki/api/v1/push (429) ${(2 + (i % 5) * 0.7).toFixed(3)}ms"`);
      out.push(`level=warn ts=${ts(t - 0.001)} caller=push.go:203 org_id=platform msg="push request failed" code=429 err="rpc error: code = Code(429) desc = entry with timestamp ${at(t + 0.02).replace('T', ' ').replace('Z', ' +0000 UTC')} ignored, reason: 'Per stream rate limit exceeded (limit: 256KB/sec) while attempting to ingest for stream '${s}' totaling ${bytes}B, consider splitting a stream via additional labels or contact your Loki administrator to see if the limit can be increased' for stream: ${s},"`);
    }
    return lines(...out);
  };
  const ingLog = (k: number) => lines(
    `level=info ts=${ts(12 * DAYS - 10 - k * 4)} caller=main.go:126 msg="Starting Loki" version="(version=3.2.1, branch=HEAD, revision=3c386cc5)"`,
    `level=error ts=${ts(19 * HOURS + k)} caller=flush.go:261 component=ingester loop=${k + 11} org_id=platform msg="failed to flush" retries=0 err="failed to flush chunks: store put chunk: RequestCanceled: request context canceled\\ncaused by: context deadline exceeded, num_chunks: 12, labels: {app=\\"checkout\\", namespace=\\"shop\\"}"`,
    `level=info ts=${ts(3)} caller=flush.go:306 component=ingester msg="flushing stream" user=platform fp=8c3a1e2f44b1d9aa immediate=false num_chunks=1 labels="{app=\\"cart\\", namespace=\\"shop\\"}"`,
  );
  return {
    id: 'heldout77-loki-per-stream-rate-limit-lowered',
    class: 'config',
    truth: "52 minutes ago someone edited the loki-runtime ConfigMap (Loki's runtime overrides, reloaded every 10 s without a restart) and lowered the platform tenant's per_stream_rate_limit to 256KB (burst 512KB) from the 5MB default; since then the distributor refuses pushes of the busiest streams with 429 \"Per stream rate limit exceeded (limit: 256KB/sec)\" and logs are being dropped, though every distributor and ingester pod is Ready. Fix: raise the override back in loki-runtime.",
    ask: { service: 'loki-distributor', namespace: ns },
    objects: [
      ...nodes, ...dist.objects, ...ing.objects, runtime, lokiCfg,
      ...exposed({ namespace: ns, name: 'loki-distributor', selector: { 'app.kubernetes.io/name': 'loki', 'app.kubernetes.io/component': 'distributor' }, pods: dist.pods, ports: [{ name: 'http-metrics', port: 3100, targetPort: 'http-metrics' }, { name: 'grpc', port: 9095, targetPort: 'grpc' }], endpointPort: 3100 }),
      service({ namespace: ns, name: 'loki-ingester-headless', selector: { 'app.kubernetes.io/name': 'loki', 'app.kubernetes.io/component': 'ingester' }, headless: true, ports: [{ name: 'grpc', port: 9095, targetPort: 'grpc' }] }),
    ],
    logs: [
      ...dist.pods.map((p, k) => logsFor(p, 'distributor', { current: distLog(k) })),
      ...ing.pods.map((p, k) => logsFor(p, 'ingester', { current: ingLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/per[_ ]stream[_ ]rate[_ ]limit|rate limit/i],
      facts: [/429/, /256 ?KB/i, /loki-runtime|runtime[- ](config|overrides)/i],
      never: [/\bOOMKilled\b/, ADVISES_ROLLBACK, /(ingester|S3|flush)[^\n]*(cause|fail|down|unhealthy)/i],
    },
  };
}

// ---- 3. Elasticsearch mapping explosion after a new indexer revision --------------------------------

function elasticsearchFieldLimit(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.128', ['33', '161', '240']);
  const image = (v: string) => `${ECR}/search/event-indexer:${v}`;
  const tpl = (v: string, extraEnv: k8s.V1EnvVar[]) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '500m', memory: '768Mi',
      env: [
        { name: 'ES_URL', value: 'https://prod-search.es.eu-west-1.aws.found.io:443' },
        { name: 'ES_INDEX_PREFIX', value: 'events-' },
        { name: 'KAFKA_BOOTSTRAP', value: 'kafka-0.kafka-headless.streaming.svc:9092,kafka-1.kafka-headless.streaming.svc:9092' },
        { name: 'KAFKA_TOPIC', value: 'edge.request-events' },
        { name: 'BULK_SIZE', value: '500' },
        ...extraEnv,
      ],
      readiness: httpProbe('/ready', 'metrics'), liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'event-indexer',
    replicas: 2,
    revisions: [
      { revision: 21, createdAgo: 11 * DAYS, changeCause: 'argocd: event-indexer 2.8.4', template: tpl('2.8.4', []) },
      { revision: 22, createdAgo: 110, changeCause: 'argocd: event-indexer 2.9.0', template: tpl('2.9.0', [{ name: 'INDEX_REQUEST_ATTRIBUTES', value: 'true' }]) },
    ],
    pods: [0, 1].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 110 - k * 1.5 })),
    settled: { available: true, availableSince: 107, progressingSince: 110, progressingUpdatedAgo: 107 },
  });
  const other = bystander(ns, 'search-api', names, 70, { revisions: [58, 59], versions: ['5.1.0', '5.1.1'], olderAgo: 6 * DAYS });
  const podLog = (k: number) => {
    const start = 110 - k * 1.5 - 0.1;
    const out = [
      `${pyTime(start)} INFO [indexer.main] event-indexer 2.9.0 starting (python 3.12.7, elasticsearch 8.15.1)`,
      `${pyTime(start)} INFO [indexer.main] feature INDEX_REQUEST_ATTRIBUTES enabled: request headers and query params indexed under attributes.*`,
      `${pyTime(start - 0.05)} INFO [elastic_transport.transport] HEAD https://prod-search.es.eu-west-1.aws.found.io:443/ [status:200 duration:0.041s]`,
      `${pyTime(start - 0.1)} INFO [indexer.consumer] joined group event-indexer, assigned partitions [${k * 6}..${k * 6 + 5}] of edge.request-events`,
      `${pyTime(start - 0.4)} INFO [indexer.bulk] indexed 500 docs into events-2026.11.21 in 0.212s`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 96 - i * 8 - k * 0.3;
      out.push(
        `${pyTime(t)} INFO [elastic_transport.transport] PUT https://prod-search.es.eu-west-1.aws.found.io:443/_bulk [status:200 duration:${(0.08 + i * 0.003).toFixed(3)}s]`,
        `${pyTime(t - 0.01)} ERROR [indexer.bulk] bulk request to events-2026.11.21 failed: 500 document(s) failed to index.`,
        'Traceback (most recent call last):',
        '  File "/app/indexer/bulk.py", line 88, in flush',
        '    helpers.bulk(self.es, actions, chunk_size=self.bulk_size, max_retries=3)',
        '  File "/usr/local/lib/python3.12/site-packages/elasticsearch/helpers/actions.py", line 531, in bulk',
        '    for ok, item in streaming_bulk(',
        '  File "/usr/local/lib/python3.12/site-packages/elasticsearch/helpers/actions.py", line 358, in _process_bulk_chunk_success',
        '    raise BulkIndexError(f"{len(errors)} document(s) failed to index.", errors)',
        `elasticsearch.helpers.BulkIndexError: 500 document(s) failed to index. First error: {'index': {'_index': 'events-2026.11.21', '_id': 'e${(0x9a3c11 + i * 313 + k).toString(16)}', 'status': 400, 'error': {'type': 'illegal_argument_exception', 'reason': 'Limit of total fields [1000] has been exceeded while adding new fields [${3 + (i % 4)}]'}}}`,
        `${pyTime(t - 0.02)} WARNING [indexer.consumer] not committing offsets for partition ${k * 6 + (i % 6)}: batch failed, will retry (lag=${18_000 + i * 2_350 + k * 410})`,
      );
    }
    return lines(...out);
  };
  return {
    id: 'heldout77-elasticsearch-total-fields-limit',
    class: 'rollout',
    truth: "event-indexer revision 22 (2.9.0, 110 minutes ago) turned on INDEX_REQUEST_ATTRIBUTES, which indexes each request's headers and query parameters as a map with dynamic keys under attributes.*; each new key became a mapping field until today's index events-2026.11.21 reached index.mapping.total_fields.limit, and since then every bulk request fails with illegal_argument_exception \"Limit of total fields [1000] has been exceeded\", so events are not indexed and Kafka lag grows, though the pods are Running and Ready. Fix: roll back to revision 21 (or map attributes as flattened), then deal with the polluted index.",
    ask: { service: 'event-indexer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'event-indexer', selector: { app: 'event-indexer' }, pods: app.pods, ports: [{ name: 'metrics', port: 9102, targetPort: 'metrics' }], endpointPort: 9102 }),
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 1, 0, 110),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 21), 1, 2, 108.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 2, 1, 108.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 21), 0, 1, 107),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 59), 2, 0, 70),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(22 * HOURS)}","level":"WARN","msg":"elasticsearch search slow","took_ms":2210,"index":"events-*"}`, `{"time":"${at(1)}","level":"INFO","msg":"GET /v1/search","status":200,"dur_ms":84}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/total fields|field(s)? limit|mapping/i],
      facts: [/\[?1000\]?/, /events-2026\.11\.21/, /revision 22|2\.9\.0|INDEX_REQUEST_ATTRIBUTES/],
      never: [/\bOOMKilled\b/, /watermark|flood.stage|disk (full|space)/i, /(elasticsearch|cluster)[^\n]*(down|unreachable)/i],
    },
  };
}

// ---- 4. Postgres row locks held by "idle in transaction" sessions of another service ----------------

function postgresIdleInTransactionLocks(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.54', ['21', '118', '199']);
  const dbUrl = (user: string) => `postgres://${user}@billing-db.billing.svc.cluster.local:5432/billing?sslmode=disable`;
  const apiImage = `${ECR}/billing/invoice-api:7.3.1`;
  const api = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    revisions: [{ revision: 33, createdAgo: 6 * DAYS, changeCause: 'argocd: invoice-api 7.3.1', template: { containers: [container({ image: apiImage, cpu: '300m', memory: '256Mi', env: [{ name: 'DATABASE_URL', value: dbUrl('invoice_api') }, { name: 'PG_LOCK_TIMEOUT', value: '5s' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 33, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
    settled: { available: true, availableSince: 6 * DAYS - 4, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 4 },
  });
  const syncImage = (v: string) => `${ECR}/billing/credit-sync:${v}`;
  const syncTpl = (v: string) => ({ containers: [container({ image: syncImage(v), ports: [{ name: 'metrics', containerPort: 9000 }], cpu: '200m', memory: '256Mi', env: [{ name: 'DATABASE_URL', value: dbUrl('credit_sync') }, { name: 'LEDGER_URL', value: 'https://ledger.internal.acme.io' }], readiness: httpProbe('/ready', 'metrics'), liveness: httpProbe('/healthz', 'metrics') })] });
  const sync = deploymentApp({
    namespace: ns,
    name: 'credit-sync',
    replicas: 2,
    revisions: [
      { revision: 9, createdAgo: 20 * DAYS, changeCause: 'argocd: credit-sync 1.18.2', template: syncTpl('1.18.2') },
      { revision: 10, createdAgo: 74, changeCause: 'argocd: credit-sync 1.19.0', template: syncTpl('1.19.0') },
    ],
    pods: [0, 1].map((k) => ({ revision: 10, node: names[k + 1] ?? '', createdAgo: 74 - k })),
    settled: { available: true, availableSince: 72, progressingSince: 74, progressingUpdatedAgo: 72 },
  });
  const pgImage = 'docker.io/library/postgres:16.4';
  const db = statefulSetApp({
    namespace: ns,
    name: 'billing-db',
    replicas: 1,
    revisions: [{
      revision: 2, createdAgo: 60 * DAYS,
      template: { containers: [container({ name: 'postgres', image: pgImage, args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'], ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi', readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'config', mountPath: '/etc/postgresql' }, { name: 'data', mountPath: '/var/lib/postgresql/data' }] })], volumes: [{ name: 'config', configMap: { name: 'billing-db-config', defaultMode: 420 } }] },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [{ revision: 2, ordinal: 0, node: names[0] ?? '', createdAgo: 17 * DAYS }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-billing-db-0', storage: '100Gi', zone: 'eu-west-1a', createdAgo: 60 * DAYS, storageClass: 'gp3' });
  const dbCfg = configMap({
    namespace: ns, name: 'billing-db-config', createdAgo: 60 * DAYS,
    data: { 'postgresql.conf': ["listen_addresses = '*'", 'max_connections = 200', 'shared_buffers = 1GB', "log_line_prefix = '%m [%p] %q%u@%d app=%a '", 'log_lock_waits = on', 'deadlock_timeout = 1s', "idle_in_transaction_session_timeout = 0", 'log_min_duration_statement = 2000', ''].join('\n') },
  });
  // The DBA's pg_stat_activity snapshot, every 10 minutes.
  const snapImage = pgImage;
  const snapTpl = { containers: [batchContainer({ name: 'psql', image: snapImage, command: ['psql', '-X', '-h', 'billing-db', '-U', 'monitor', 'billing', '-f', '/sql/long-xacts.sql'], cpu: '50m', memory: '64Mi', volumeMounts: [{ name: 'sql', mountPath: '/sql' }] })], volumes: [{ name: 'sql', configMap: { name: 'pg-activity-snapshot-sql', defaultMode: 420 } }] };
  const snap = cronJob({
    namespace: ns, name: 'pg-activity-snapshot', schedule: '*/10 * * * *', template: snapTpl, createdAgo: 90 * DAYS,
    jobs: [24, 14, 4].map((a) => ({ createdAgo: a, pods: [{ node: names[2] ?? '', createdAgo: a, phase: 'Succeeded' as const, containers: { psql: terminated({ exitCode: 0, finishedAgo: a - 0.1, ranSeconds: 2 }) } }], outcome: { complete: true as const, ago: a - 0.1 } })),
    lastSuccessfulAgo: 3.9,
  });
  const snapSql = configMap({ namespace: ns, name: 'pg-activity-snapshot-sql', createdAgo: 90 * DAYS, data: { 'long-xacts.sql': "SELECT now() AS taken_at;\nSELECT pid, usename, application_name, client_addr, state, now() - xact_start AS xact_age, now() - state_change AS state_age, wait_event_type, left(query, 80) AS query\n  FROM pg_stat_activity WHERE xact_start < now() - interval '30 seconds' ORDER BY xact_start;\n" } });
  const syncIps = ['10.0.54.131', '10.0.54.208'];
  const snapshot = (a: number) => {
    const age = (m: number) => { const s = Math.round(m * 60); const hh = String(Math.floor(s / 3600)).padStart(2, '0'); const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0'); const ss = String(s % 60).padStart(2, '0'); return `${hh}:${mm}:${ss}.${String(100000 + (s * 7919) % 899999)}`; };
    return lines(
      '           taken_at',
      '-------------------------------',
      ` ${at(a).replace('T', ' ').replace('Z', '')}+00`,
      '(1 row)',
      '',
      '  pid  |   usename   |    application_name    | client_addr |        state        |    xact_age     |    state_age    | wait_event_type |                                      query',
      '-------+-------------+------------------------+-------------+---------------------+-----------------+-----------------+-----------------+----------------------------------------------------------------------------------',
      ` 47102 | credit_sync | credit-sync/1.19.0     | ${syncIps[0]} | idle in transaction | ${age(61 - a)} | ${age(61 - a - 0.02)} | Client          | SELECT id, credit_limit_cents FROM accounts WHERE region = $1 FOR UPDATE`,
      ` 47388 | credit_sync | credit-sync/1.19.0     | ${syncIps[1]} | idle in transaction | ${age(43 - a)} | ${age(43 - a - 0.02)} | Client          | SELECT id, credit_limit_cents FROM accounts WHERE region = $1 FOR UPDATE`,
      ` 48213 | invoice_api | invoice-api            | 10.0.54.47  | active              | 00:00:03.118204 | 00:00:03.118197 | Lock            | UPDATE accounts SET balance_cents = balance_cents - $1, updated_at = now() WHERE`,
      '(3 rows)',
      '',
    );
  };
  const pgLog = (() => {
    const out = [
      `${pgTime(17 * DAYS - 0.5)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
      `${pgTime(17 * DAYS - 0.5)} [1] LOG:  database system is ready to accept connections`,
      `${pgTime(21 * HOURS)} [30417] invoice_api@billing app=invoice-api LOG:  could not receive data from client: Connection reset by peer`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 52 - i * 4.2;
      const pid = 48_100 + i * 17;
      const holder = i < 4 ? '47102' : (i % 2 === 0 ? '47102' : '47388');
      const tuple = `(${1842 + (i % 3) * 211},${17 + i})`;
      out.push(
        `${pgTime(t)} [${pid}] invoice_api@billing app=invoice-api LOG:  process ${pid} still waiting for ShareLock on transaction ${9_182_734 + (holder === '47388' ? 5_811 : 0)} after 1000.${String(100 + i * 37).padStart(3, '0')} ms`,
        `${pgTime(t)} [${pid}] invoice_api@billing app=invoice-api DETAIL:  Process holding the lock: ${holder}. Wait queue: ${pid}.`,
        `${pgTime(t)} [${pid}] invoice_api@billing app=invoice-api CONTEXT:  while updating tuple ${tuple} in relation "accounts"`,
        `${pgTime(t)} [${pid}] invoice_api@billing app=invoice-api STATEMENT:  UPDATE accounts SET balance_cents = balance_cents - $1, updated_at = now() WHERE id = $2`,
        `${pgTime(t - 0.067)} [${pid}] invoice_api@billing app=invoice-api ERROR:  canceling statement due to lock timeout`,
        `${pgTime(t - 0.067)} [${pid}] invoice_api@billing app=invoice-api CONTEXT:  while updating tuple ${tuple} in relation "accounts"`,
        `${pgTime(t - 0.067)} [${pid}] invoice_api@billing app=invoice-api STATEMENT:  UPDATE accounts SET balance_cents = balance_cents - $1, updated_at = now() WHERE id = $2`,
      );
    }
    return lines(...out);
  })();
  const apiLog = (k: number) => {
    const out = [
      `{"level":"info","ts":"${at(6 * DAYS - k)}","caller":"cmd/server/main.go:61","msg":"invoice-api starting","version":"7.3.1"}`,
      `{"level":"warn","ts":"${at(21 * HOURS + k * 0.1)}","caller":"store/pg.go:211","msg":"conn closed, retrying","error":"unexpected EOF"}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 50 - i * 4.9 - k * 0.37;
      const inv = `INV-2026-${(118_400 + i * 37 + k * 5).toString()}`;
      out.push(
        `{"level":"error","ts":"${at(t)}","caller":"payments/apply.go:142","msg":"apply payment failed","invoice":"${inv}","account_id":${88_200 + i * 13},"error":"debit account: ERROR: canceling statement due to lock timeout (SQLSTATE 55P03)","elapsed_ms":${5003 + i}}`,
        `{"level":"info","ts":"${at(t - 0.001)}","caller":"http/log.go:33","msg":"request","method":"POST","path":"/v1/invoices/${inv}/payments","status":500,"duration_ms":${5011 + i}}`,
      );
      if (i % 3 === 0) out.push(`{"level":"info","ts":"${at(t - 0.2)}","caller":"http/log.go:33","msg":"request","method":"GET","path":"/v1/invoices/${inv}","status":200,"duration_ms":${7 + i}}`);
    }
    return lines(...out);
  };
  const syncLog = (k: number) => lines(
    `${pyTime(74 - k - 0.1)} INFO credit_sync.main: credit-sync 1.19.0 starting, batch_size=200 regions=[eu-west, eu-central]`,
    `${pyTime(61 + (k === 0 ? 0.05 : -18))} INFO credit_sync.reconcile: region=${k === 0 ? 'eu-west' : 'eu-central'} locked 200 accounts for credit-limit reconcile`,
    `${pyTime(61 + (k === 0 ? 0.04 : -18.01))} WARNING credit_sync.reconcile: ledger lookup timed out for region=${k === 0 ? 'eu-west' : 'eu-central'} (httpx.ReadTimeout), skipping batch until next cycle`,
    `${pyTime(30)} INFO credit_sync.reconcile: cycle done: 0 accounts updated, 1 batch skipped`,
    `${pyTime(2)} INFO credit_sync.reconcile: cycle done: 0 accounts updated, 1 batch skipped`,
  );
  return {
    id: 'heldout77-postgres-idle-in-transaction-lock-timeout',
    class: 'rollout',
    truth: "credit-sync revision 10 (1.19.0, 74 minutes ago) added a path that, when the ledger lookup times out, skips the batch without committing or rolling back: its sessions stay \"idle in transaction\" (pids 47102 and 47388, for 40–60 minutes) holding FOR UPDATE row locks on accounts. invoice-api, unchanged for 6 days, waits on those locks and its payment writes fail after 5 s with \"canceling statement due to lock timeout\" (SQLSTATE 55P03), answering 500. Fix: roll credit-sync back to revision 9 (or terminate those sessions and set idle_in_transaction_session_timeout); invoice-api needs no change.",
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...sync.objects, ...db.objects, claim, vol, dbCfg, snapSql, ...snap.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'credit-sync', selector: { app: 'credit-sync' }, pods: sync.pods, ports: [{ name: 'metrics', port: 9000, targetPort: 'metrics' }], endpointPort: 9000 }),
      ...exposed({ namespace: ns, name: 'billing-db', selector: { app: 'billing-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      scaledReplicaSet(deploymentOf(sync), rsOf(sync, 10), 1, 0, 74),
      scaledReplicaSet(deploymentOf(sync), rsOf(sync, 9), 1, 2, 73),
      scaledReplicaSet(deploymentOf(sync), rsOf(sync, 10), 2, 1, 73),
      scaledReplicaSet(deploymentOf(sync), rsOf(sync, 9), 0, 1, 72),
      ...snap.jobs.map((j, i) => jobEvent(j.objects[0], 'Completed', 'Job completed', [24, 14, 4][i] ?? 4)),
      cronJobEvent(snap.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(snap.jobs[2]?.objects[0])}, condition: Complete`, 3.9),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...sync.pods.map((p, k) => logsFor(p, 'app', { current: syncLog(k) })),
      logsFor(podOf(db, 0), 'postgres', { current: pgLog }),
      ...snap.jobs.map((j, i) => logsFor(j.pods[0], 'psql', { current: snapshot([24, 14, 4][i] ?? 4) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/lock[_ ]?timeout|idle in transaction|row locks?|lock wait|55P03/i, /credit[-_]sync/],
      facts: [/idle in transaction/i, /revision 10|1\.19\.0/, /47102|47388/],
      never: [/\bOOMKilled\b/, /max_connections|too many (clients|connections)/i, /billing-db[^\n]*(down|unreachable|crash)/i],
    },
  };
}

// ---- 5. Debian → Alpine base image: libssl.so.1.1 missing, exit 127 ---------------------------------

function alpineMissingLibssl(): CorpusScenario {
  const ns = 'edge';
  const { nodes, names } = threeEksNodes('10.0.12', ['44', '171', '230']);
  const image = (v: string) => `${ECR}/edge/geo-router:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), command: ['/usr/local/bin/geo-router'], args: ['--config=/etc/geo-router/router.toml'], ports: [8443, { name: 'admin', containerPort: 9901 }], cpu: '500m', memory: '512Mi', readiness: httpProbe('/ready', 'admin'), liveness: httpProbe('/live', 'admin', { initialDelaySeconds: 5 }), volumeMounts: [{ name: 'config', mountPath: '/etc/geo-router' }] })], volumes: [{ name: 'config', configMap: { name: 'geo-router', defaultMode: 420 } }] });
  const failing = 'Error loading shared library libssl.so.1.1: No such file or directory (needed by /usr/local/bin/geo-router)\nError loading shared library libcrypto.so.1.1: No such file or directory (needed by /usr/local/bin/geo-router)\nError relocating /usr/local/bin/geo-router: SSL_CTX_set_alpn_protos: symbol not found\nError relocating /usr/local/bin/geo-router: OPENSSL_init_ssl: symbol not found\nError relocating /usr/local/bin/geo-router: SSL_CTX_new: symbol not found\n';
  const exit = { exitCode: 127, finishedAgo: 1.9, ranSeconds: 0 };
  const app = deploymentApp({
    namespace: ns,
    name: 'geo-router',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 6, createdAgo: 15 * DAYS, changeCause: 'argocd: geo-router 2.3.4 (debian bookworm-slim)', template: tpl('2.3.4') },
      { revision: 7, createdAgo: 27, changeCause: 'argocd: geo-router 2.4.0-alpine3.20', template: tpl('2.4.0-alpine3.20') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 6, node: names[k] ?? '', createdAgo: 15 * DAYS - k })),
      { revision: 7, node: names[0] ?? '', createdAgo: 27, containers: { app: crashLoop(exit, 10) } },
      { revision: 7, node: names[2] ?? '', createdAgo: 27, containers: { app: crashLoop({ ...exit, finishedAgo: 3.1 }, 10) } },
    ],
  });
  const fresh = [podOf(app, 3), podOf(app, 4)];
  const routerCfg = configMap({ namespace: ns, name: 'geo-router', createdAgo: 200 * DAYS, updatedAgo: 15 * DAYS, data: { 'router.toml': '[listen]\naddr = "0.0.0.0:8443"\ntls_cert = "/etc/tls/tls.crt"\n\n[upstreams]\neu = "http://eu-origin.edge.svc:8080"\nus = "http://us-origin.edge.svc:8080"\n\n[geoip]\ndb = "/usr/share/GeoIP/GeoLite2-Country.mmdb"\n' } });
  const oldLog = (k: number) => lines(
    `${at(15 * DAYS - k - 0.1)} INFO geo_router: geo-router 2.3.4 listening on 0.0.0.0:8443 (openssl 1.1.1w)`,
    `${at(9 * HOURS + k)} WARN geo_router::geoip: GeoLite2-Country.mmdb is 41 days old, consider refreshing`,
    `${at(0.6)} INFO geo_router::access: GET /v1/route?ip=203.0.113.${20 + k} 200 0.4ms region=eu`,
  );
  return {
    id: 'heldout77-alpine-base-missing-libssl',
    class: 'rollout',
    truth: "geo-router revision 7 (2.4.0-alpine3.20, 27 minutes ago) switched the image's base from Debian bookworm-slim to Alpine 3.20 while the binary is still linked against glibc's OpenSSL 1.1; on Alpine the loader cannot find libssl.so.1.1 / libcrypto.so.1.1, so the container exits 127 at once and the two new pods crash-loop, while the three revision-6 pods keep serving. Fix: roll back to revision 6, or rebuild on a base that ships OpenSSL 1.1 (or link statically / against OpenSSL 3).",
    ask: { service: 'geo-router', namespace: ns },
    objects: [
      ...nodes, ...app.objects, routerCfg,
      ...exposed({ namespace: ns, name: 'geo-router', selector: { app: 'geo-router' }, pods: app.pods, ports: [{ name: 'https', port: 443, targetPort: 'http' }], endpointPort: 8443 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 7), 1, 0, 27),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 6), 3, 4, 27),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 7), 2, 1, 27),
      ...fresh.flatMap((p, i) => [
        scheduled(p, 27),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('2.4.0-alpine3.20')}"`, firstAgo: 27, lastAgo: 27, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('2.4.0-alpine3.20')}" in 1.873s (1.873s including waiting). Image size: 14630912 bytes.`, firstAgo: 26.9, lastAgo: 26.9, fieldPath: 'spec.containers{app}' }),
        ...restartedAgain(p, 'app', image('2.4.0-alpine3.20'), { count: 10, firstAgo: 26.9, lastAgo: i === 0 ? 1.9 : 3.1 }),
        backOff(p, 'app', { count: 118, firstAgo: 26.8, lastAgo: 0.3 }),
      ]),
    ],
    logs: [
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: oldLog(k) })),
      ...fresh.map((p) => logsFor(p, 'app', { current: '', previous: failing })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/libssl\.so\.1\.1|libcrypto\.so\.1\.1|shared librar/i],
      facts: [/\b127\b/, /alpine/i, /revision 7|2\.4\.0/],
      never: [/\bOOMKilled\b/, /GeoLite|geoip/i, /(liveness|readiness) probe[^\n]*(fail|kill)/i],
    },
  };
}

// ---- 6. MySQL ERROR 1206 after the database's buffer pool and memory were cut -----------------------

function mysqlLockTableSize(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.88', ['19', '102', '250']);
  const myImage = 'docker.io/library/mysql:8.0.40';
  const myTpl = (mem: string) => ({
    containers: [container({ name: 'mysql', image: myImage, ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '1', memory: mem, readiness: execProbe(['mysqladmin', 'ping', '-h', '127.0.0.1']), liveness: tcpProbe('mysql', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'conf', mountPath: '/etc/mysql/conf.d' }, { name: 'data', mountPath: '/var/lib/mysql' }] })],
    volumes: [{ name: 'conf', configMap: { name: 'reporting-mysql-config', defaultMode: 420 } }],
  });
  const changedAgo = 37 * HOURS;
  const db = statefulSetApp({
    namespace: ns,
    name: 'reporting-mysql',
    replicas: 1,
    revisions: [
      { revision: 3, createdAgo: 210 * DAYS, template: myTpl('8Gi') },
      { revision: 4, createdAgo: changedAgo, template: myTpl('1Gi') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [{ revision: 4, ordinal: 0, node: names[1] ?? '', createdAgo: changedAgo - 1, containers: { mysql: running({ sinceAgo: changedAgo - 1.2 }) } }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-reporting-mysql-0', storage: '500Gi', zone: 'eu-west-1b', createdAgo: 210 * DAYS, storageClass: 'gp3' });
  const myCfg = configMap({
    namespace: ns, name: 'reporting-mysql-config', createdAgo: 210 * DAYS, updatedAgo: changedAgo + 2,
    data: { 'reporting.cnf': ['[mysqld]', '# right-sized 2026-11-19 (FINOPS-412): 8Gi -> 1Gi', 'innodb_buffer_pool_size = 256M', 'innodb_log_file_size = 512M', 'max_connections = 150', 'binlog_expire_logs_seconds = 259200', 'sql_mode = STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION', ''].join('\n') },
  });
  const sqlCfg = configMap({
    namespace: ns, name: 'ledger-rollup-sql', createdAgo: 300 * DAYS, updatedAgo: 120 * DAYS,
    data: {
      'rollup.sh': '#!/bin/bash\nset -euo pipefail\nDAY=$(date -u -d yesterday +%F)\necho "$(date -u +%FT%TZ) starting ledger rollup for $DAY"\necho "$(date -u +%FT%TZ) step 1/3: move staging rows to ledger_entries_archive"\nmysql -h reporting-mysql -u rollup reporting < /sql/01-archive.sql\necho "$(date -u +%FT%TZ) step 2/3: aggregate ledger_daily"\nmysql -h reporting-mysql -u rollup reporting -e "CALL rollup_ledger_daily(\'$DAY\')"\necho "$(date -u +%FT%TZ) step 3/3: purge staging"\nmysql -h reporting-mysql -u rollup reporting < /sql/03-purge.sql\n',
      '01-archive.sql': "SET SESSION transaction_isolation = 'REPEATABLE-READ';\nSTART TRANSACTION;\nINSERT INTO ledger_entries_archive\n  SELECT * FROM ledger_entries_staging\n   WHERE booked_at < CURRENT_DATE;\nUPDATE ledger_entries_staging\n   SET archived = 1\n WHERE booked_at < CURRENT_DATE;\nCOMMIT;\n",
    },
  });
  const jobImage = myImage;
  const tpl = { containers: [batchContainer({ name: 'rollup', image: jobImage, command: ['/bin/bash', '/sql/rollup.sh'], cpu: '100m', memory: '128Mi', env: [{ name: 'MYSQL_PWD', valueFrom: { secretKeyRef: { name: 'rollup-db', key: 'password' } } }], volumeMounts: [{ name: 'sql', mountPath: '/sql' }] })], volumes: [{ name: 'sql', configMap: { name: 'ledger-rollup-sql', defaultMode: 420 } }] };
  const today = 44; // 02:30 UTC
  const failedPod = (a: number, n: number) => ({ node: names[n % 3] ?? '', createdAgo: a, phase: 'Failed' as const, containers: { rollup: terminated({ exitCode: 1, finishedAgo: a - 3.4, ranSeconds: 200 }) } });
  const ok = (a: number) => ({ createdAgo: a, pods: [{ node: names[2] ?? '', createdAgo: a, phase: 'Succeeded' as const, containers: { rollup: terminated({ exitCode: 0, finishedAgo: a - 19, ranSeconds: 1130 }) } }], outcome: { complete: true as const, ago: a - 19 } });
  const cron = cronJob({
    namespace: ns, name: 'ledger-rollup', schedule: '30 2 * * *', template: tpl, backoffLimit: 2, createdAgo: 300 * DAYS,
    jobs: [
      ok(4 * DAYS + today), ok(3 * DAYS + today), ok(2 * DAYS + today),
      { createdAgo: today, pods: [failedPod(today, 0), failedPod(today - 4, 1), failedPod(today - 9, 2)], outcome: { failed: 'BackoffLimitExceeded', ago: today - 12.5 } },
    ],
    lastSuccessfulAgo: 2 * DAYS + today - 19,
  });
  const failedJob = cron.jobs[3];
  const failedPods = failedJob?.pods ?? [];
  const jobLog = (a: number) => {
    const t = (m: number) => at(m).replace(/\.\d+Z$/, 'Z');
    return lines(
      `${t(a - 0.05)} starting ledger rollup for 2026-11-20`,
      `${t(a - 0.05)} step 1/3: move staging rows to ledger_entries_archive`,
      'ERROR 1206 (HY000) at line 6: The total number of locks exceeds the lock table size',
    );
  };
  const myLog = lines(
    `${myTime(changedAgo - 1.1)} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.40) starting as process 1`,
    `${myTime(changedAgo - 1.1)} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
    `${myTime(changedAgo - 1.05)} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
    `${myTime(changedAgo - 1.0)} 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.`,
    `${myTime(changedAgo - 1.0)} 0 [System] [MY-013602] [Server] Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.`,
    `${myTime(changedAgo - 1.0)} 0 [Warning] [MY-011810] [Server] Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.`,
    `${myTime(changedAgo - 1.0)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.40'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
    `${myTime(today + DAYS - 2.1)} 2231 [Warning] [MY-012198] [InnoDB] Over 67 percent of the buffer pool is occupied by lock heaps or the adaptive hash index! Check that your transactions do not set too many row locks. Your buffer pool size is 256 MB. Maybe you should make the buffer pool bigger?. Starting the InnoDB Monitor to print diagnostics, including lock heap and hash index sizes.`,
    `${myTime(today - 2.2)} 4189 [Warning] [MY-012198] [InnoDB] Over 67 percent of the buffer pool is occupied by lock heaps or the adaptive hash index! Check that your transactions do not set too many row locks. Your buffer pool size is 256 MB. Maybe you should make the buffer pool bigger?. Starting the InnoDB Monitor to print diagnostics, including lock heap and hash index sizes.`,
    `${myTime(today - 3.3)} 4189 [Warning] [MY-012199] [InnoDB] Over 95 percent of the buffer pool is occupied by lock heaps or the adaptive hash index! Check that your transactions do not set too many row locks, or review if innodb_buffer_pool_size=255M could be bigger.`,
    `${myTime(40)} 4377 [Warning] [MY-012198] [InnoDB] Over 67 percent of the buffer pool is occupied by lock heaps or the adaptive hash index! Check that your transactions do not set too many row locks. Your buffer pool size is 256 MB. Maybe you should make the buffer pool bigger?. Starting the InnoDB Monitor to print diagnostics, including lock heap and hash index sizes.`,
  );
  const dbPod = podOf(db, 0);
  return {
    id: 'heldout77-mysql-lock-table-size-after-buffer-pool-cut',
    class: 'jobs',
    truth: "Two days ago (FINOPS-412) the reporting-mysql StatefulSet was right-sized from 8Gi to 1Gi (revision 4) and innodb_buffer_pool_size in reporting-mysql-config cut to 256M. InnoDB keeps row locks in the buffer pool, so the nightly ledger-rollup's one-transaction archive of a day of staging rows now fails with \"ERROR 1206 (HY000): The total number of locks exceeds the lock table size\"; last night's and tonight's runs failed (BackoffLimitExceeded) while the runs before the change succeeded. Fix: restore the buffer pool (and the memory limit), or batch the archive; retrying the job will not help.",
    ask: { service: 'ledger-rollup', namespace: ns },
    objects: [
      ...nodes, ...db.objects, claim, vol, myCfg, sqlCfg, ...cron.objects,
      service({ namespace: ns, name: 'reporting-mysql', selector: { app: 'reporting-mysql' }, headless: true, ports: [{ name: 'mysql', port: 3306, targetPort: 'mysql' }] }),
      ...failedPods.map((p, i) => jobEvent(failedJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, [today, today - 4, today - 9][i] ?? today)),
      jobEvent(failedJob?.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', today - 12.5, 'Warning'),
      cronJobEvent(cron.objects[0], 'SuccessfulCreate', `Created job ${nameOf(failedJob?.objects[0])}`, today),
      cronJobEvent(cron.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(failedJob?.objects[0])}, condition: Failed`, today - 12.5),
      ...failedPods.map((p, i) => scheduled(p, [today, today - 4, today - 9][i] ?? today)),
    ],
    logs: [
      ...failedPods.map((p, i) => logsFor(p, 'rollup', { current: jobLog([today, today - 4, today - 9][i] ?? today) })),
      logsFor(dbPod, 'mysql', { current: myLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/1206|lock table size|total number of locks/i, /buffer[_ ]pool|innodb_buffer_pool_size|256 ?M|reporting-mysql|memory (limit|cut)|1Gi/i],
      facts: [/innodb_buffer_pool_size|buffer pool/i, /256 ?M/, /reporting-mysql/],
      never: [/\bOOMKilled\b/, /deadlock/i, /(raise|increase|bump)[^\n]*backoff ?limit/i],
    },
  };
}

// ---- 7. healthy control: a Celery worker just scaled out, with Celery's deprecation warning --------

function healthyCeleryScaledOut(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.160', ['8', '119', '213']);
  const image = `${ECR}/media/thumbnail-worker:4.6.1`;
  const tpl = { containers: [container({ name: 'worker', image, command: ['celery', '-A', 'thumbs', 'worker', '--loglevel=INFO', '--concurrency=4', '-Q', 'thumbnails'], ports: [], cpu: '1', memory: '1Gi', env: [{ name: 'CELERY_BROKER_URL', value: 'redis://media-redis.media.svc:6379/0' }], readiness: null, liveness: execProbe(['celery', '-A', 'thumbs', 'inspect', 'ping', '-d', 'celery@$(HOSTNAME)', '--timeout', '10'], { periodSeconds: 60, timeoutSeconds: 20 }) })] };
  const scaledAgo = 23;
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnail-worker',
    replicas: 5,
    revisions: [
      { revision: 18, createdAgo: 16 * DAYS, changeCause: 'argocd: thumbnail-worker 4.6.0', template: tpl },
      { revision: 19, createdAgo: 4 * DAYS, changeCause: 'argocd: thumbnail-worker 4.6.1', template: tpl },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
      { revision: 19, node: names[0] ?? '', createdAgo: scaledAgo },
      { revision: 19, node: names[1] ?? '', createdAgo: scaledAgo },
    ],
    settled: { available: true, availableSince: 4 * DAYS - 3, progressingSince: 4 * DAYS, progressingUpdatedAgo: 4 * DAYS - 3 },
  });
  const scaler = hpa({ namespace: ns, name: 'thumbnail-worker', target: { kind: 'Deployment', name: 'thumbnail-worker' }, min: 3, max: 12, current: 5, desired: 5, cpu: { current: 58, target: 70 }, lastScaleAgo: scaledAgo });
  const redis = deploymentApp({ namespace: ns, name: 'media-redis', replicas: 1, revisions: [{ revision: 2, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.5', ports: [{ name: 'redis', containerPort: 6379 }], readiness: tcpProbe('redis'), liveness: tcpProbe('redis') })] } }], pods: [{ revision: 2, node: names[2] ?? '', createdAgo: 30 * DAYS }] });
  const startLog = (t: number, host: string) => [
    '/usr/local/lib/python3.11/site-packages/celery/worker/consumer/consumer.py:508: CPendingDeprecationWarning: The broker_connection_retry configuration setting will no longer determine',
    'whether broker connection retries are made during startup in Celery 6.0 and above.',
    "If you wish to retain the existing behavior for retrying connections on startup,",
    'you should set broker_connection_retry_on_startup to True.',
    '  warnings.warn(',
    `[${pyTime(t)}: INFO/MainProcess] Connected to redis://media-redis.media.svc:6379/0`,
    `[${pyTime(t - 0.01)}: INFO/MainProcess] mingle: searching for neighbors`,
    `[${pyTime(t - 0.03)}: INFO/MainProcess] mingle: sync with ${host === 'new' ? 3 : 2} nodes`,
    `[${pyTime(t - 0.03)}: INFO/MainProcess] mingle: sync complete`,
    `[${pyTime(t - 0.04)}: INFO/MainProcess] celery@${host} ready.`,
  ];
  const work = (k: number) => [0, 1, 2, 3].map((i) => {
    const id = `${(0x5c1e2a70 + k * 977 + i * 31).toString(16)}-7d1f-4a3c-9b2e-0c4f${(0x1a2b3c4d + k * 7 + i).toString(16)}`;
    return `[${pyTime(6 - i * 1.3 - k * 0.07)}: INFO/ForkPoolWorker-${(i % 4) + 1}] Task thumbs.tasks.render_thumbnail[${id}] succeeded in ${(0.61 + i * 0.13 + k * 0.02).toFixed(2)}s: {'sizes': [128, 512, 1024], 'bytes': ${41_000 + i * 1_337}}`;
  });
  return {
    id: 'heldout77-healthy-celery-worker-scaled-out',
    class: 'healthy',
    truth: "Nothing is wrong: the evening upload peak pushed thumbnail-worker's CPU past its HPA target and the HPA scaled it 3 → 5 twenty-three minutes ago; the two new workers started, joined the cluster and take tasks. The CPendingDeprecationWarning about broker_connection_retry that Celery 5.3 prints at every worker start is harmless.",
    ask: { service: 'thumbnail-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, scaler,
      ...exposed({ namespace: ns, name: 'media-redis', selector: { app: 'media-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'thumbnail-worker', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 5; reason: cpu resource utilization (percentage of request) above target', firstAgo: scaledAgo, lastAgo: scaledAgo, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 5, 3, scaledAgo),
      ...[podOf(app, 3), podOf(app, 4)].flatMap((p) => startedAt(p, 'worker', image, scaledAgo)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'worker', { current: lines(...startLog(k < 3 ? 4 * DAYS - k - 0.3 : scaledAgo - 0.3, k < 3 ? nameOf(p) : 'new').map((l) => l.replace('celery@new', `celery@${nameOf(p)}`)), ...work(k)) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|nothing (is )?wrong/i],
      facts: [/thumbnail-worker/],
      never: [/\bOOMKilled\b/, /crash ?loop/i, /(broker|redis|celery)[^\n]*(unreachable|down|fail)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  springExecutorQueueCut(),
  lokiPerStreamRateLimit(),
  elasticsearchFieldLimit(),
  postgresIdleInTransactionLocks(),
  alpineMissingLibssl(),
  mysqlLockTableSize(),
  healthyCeleryScaledOut(),
];
