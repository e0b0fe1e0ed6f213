// Held-out stories, sixty-sixth round, part one: an nginx reverse proxy whose ConfigMap edit added
// a trailing slash to `proxy_pass http://backend/;` inside `location /api/`, so nginx strips the
// /api/ prefix and the backend answers 404 to every API call; a JVM service whose right-sizing cut
// its CPU limit to 1, so the JVM's ergonomics picked SerialGC and long stop-the-world pauses time
// out its readiness probe; a Kafka consumer whose revision lowered terminationGracePeriodSeconds to
// 5, so every scale-in SIGKILLs pods before they commit offsets and the writer re-processes
// (duplicate keys); Elasticsearch refusing an aggregation with "Fielddata is disabled" after a
// reindex Job with dynamic mapping made `merchant_name` a text field; a RabbitMQ 3.13 → 4.0
// upgrade whose new 16 MiB max_message_size default rejects large publishes; a migration Job that
// ran `ALTER ROLE app SET search_path = billing_v2` and then failed to move the tables, so new
// connections find no "orders"; and a healthy control: a Java Kafka client that logged "Broker
// may not be available" once at start-up, days ago.
import {
  DAYS, ECR, HOURS, at, batchContainer, configMap, container, deploymentApp, event, exposed, hpa, httpProbe,
  job, jobEvent, probeFailed, pyTime, rsOf, running, scaledReplicaSet, scheduled, startedNormally, statefulSetApp,
  tcpProbe, execProbe, clfTime, terminated, boundClaim, nameOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** RabbitMQ 4 log time: `2026-11-21 03:12:41.563000+00:00`. */
const rmqTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '000+00:00');
/** Logback's default time: `2026-11-21 03:12:41.563`. */
const lbTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');
/** JVM unified-logging uptime decorator. */
const upt = (s: number): string => `[${s.toFixed(3)}s]`;

// ---- 1. nginx proxy_pass with a trailing slash strips /api/ --------------------------------------

function nginxProxyPassTrailingSlash(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.40', ['12', '97', '203']);
  const nginxImage = 'docker.io/library/nginx:1.27.2-alpine';
  const conf = (slash: boolean) => [
    'worker_processes auto;',
    'events { worker_connections 2048; }',
    'http {',
    '  log_format main \'$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" rt=$request_time uct=$upstream_connect_time urt=$upstream_response_time\';',
    '  access_log /dev/stdout main;',
    '  error_log /dev/stderr warn;',
    '  upstream backend { server shop-api.storefront.svc.cluster.local:8080; keepalive 32; }',
    '  server {',
    '    listen 8080;',
    '    location = /nginx-health { access_log off; return 200 "ok"; }',
    '    location /api/ {',
    `      proxy_pass http://backend${slash ? '/' : ''};`,
    '      proxy_http_version 1.1;',
    '      proxy_set_header Connection "";',
    '      proxy_set_header Host $host;',
    '      proxy_set_header X-Request-Id $request_id;',
    '      proxy_read_timeout 30s;',
    '    }',
    '    location / { proxy_pass http://storefront-web.storefront.svc.cluster.local:3000; }',
    '  }',
    '}',
  ].join('\n');
  const cm = configMap({ namespace: ns, name: 'edge-proxy-conf', createdAgo: 140 * DAYS, updatedAgo: 37, data: { 'nginx.conf': conf(true) } });
  const tpl = (checksum: string) => ({
    annotations: { 'checksum/config': checksum },
    containers: [container({ name: 'nginx', image: nginxImage, ports: [8080], cpu: '100m', memory: '128Mi', readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080, { initialDelaySeconds: 5 }), volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf', readOnly: true }] })],
    volumes: [{ name: 'conf', configMap: { name: 'edge-proxy-conf', defaultMode: 420 } }],
  });
  const proxy = deploymentApp({
    namespace: ns, name: 'edge-proxy', replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 23 * DAYS, template: tpl('5b1e0c7a9d3f42e8b6a1c0d9e7f3a2b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0') },
      { revision: 15, createdAgo: 36, changeCause: 'kubectl rollout restart after edge-proxy-conf edit (tidy proxy_pass)', template: tpl('e41f9a03c2b7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 35.8 - k * 0.4 })),
  });
  const apiImage = `${ECR}/storefront/shop-api:7.3.1`;
  const api = deploymentApp({
    namespace: ns, name: 'shop-api', replicas: 3,
    revisions: [{ revision: 61, createdAgo: 6 * DAYS, changeCause: 'argocd: shop-api 7.3.1', template: { containers: [container({ image: apiImage, ports: [8080], cpu: '500m', memory: '768Mi', readiness: httpProbe('/healthz/ready', 8080), liveness: httpProbe('/healthz/live', 8080, { initialDelaySeconds: 20 }) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 61, node: names[(k + 1) % 3] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const web = bystander(ns, 'storefront-web', names, 3 * HOURS, { revisions: [88, 89], versions: ['2024.11.19-1', '2024.11.20-2'], olderAgo: 2 * DAYS });
  const paths = ['/api/v2/cart', '/api/v2/products/sku-44120', '/api/v2/checkout/session', '/api/v2/customers/me', '/api/v2/products?category=shoes', '/api/v2/cart/items'];
  const clientIps = ['10.0.40.18', '10.0.41.7', '10.0.42.133'];
  const proxyLog = (k: number) => {
    const out = [
      `/docker-entrypoint.sh: Configuration complete; ready for start up`,
      `${ngxTime(35.7 - k * 0.4)} [notice] 1#1: using the "epoll" event method`,
      `${ngxTime(35.7 - k * 0.4)} [notice] 1#1: nginx/1.27.2`,
      `${ngxTime(35.7 - k * 0.4)} [notice] 1#1: start worker processes`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 30 - i * 2.1 - k * 0.3;
      const p = paths[(i + k) % paths.length] ?? '/api/v2/cart';
      out.push(`${clientIps[i % 3]} - - [${clfTime(t)}] "GET ${p} HTTP/1.1" 404 58 "https://shop.example.com/" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15" rt=0.00${3 + (i % 5)} uct=0.000 urt=0.00${3 + (i % 5)}`);
      if (i % 4 === 1) out.push(`${clientIps[(i + 1) % 3]} - - [${clfTime(t - 0.05)}] "GET /static/js/app.4f2a91.js HTTP/1.1" 200 182331 "https://shop.example.com/" "Mozilla/5.0 (Windows NT 10.0; Win64; x64)" rt=0.012 uct=0.001 urt=0.011`);
    }
    return lines(...out);
  };
  const apiLog = (k: number) => {
    const out = [`{"ts":"${at(6 * DAYS - k - 0.5)}","level":"info","msg":"shop-api 7.3.1 listening","addr":":8080","base_path":"/api"}`];
    for (let i = 0; i < 10; i++) {
      const t = 29.5 - i * 2.8 - k * 0.2;
      const p = (paths[(i + k + 1) % paths.length] ?? '/api/v2/cart').replace(/^\/api\//, '/');
      out.push(`{"ts":"${at(t)}","level":"info","msg":"request","method":"GET","path":"${p}","status":404,"duration_ms":1,"route":"<unmatched>"}`);
    }
    out.push(`{"ts":"${at(0.3)}","level":"info","msg":"request","method":"GET","path":"/healthz/ready","status":200,"duration_ms":0}`);
    return lines(...out);
  };
  return {
    id: 'heldout66-nginx-proxy-pass-trailing-slash-strips-api',
    class: 'config',
    truth: 'At 02:37 someone edited ConfigMap edge-proxy-conf ("tidy proxy_pass") and changed `proxy_pass http://backend;` to `proxy_pass http://backend/;` inside `location /api/`, then ran `kubectl rollout restart` (edge-proxy revision 15). With a URI part on proxy_pass, nginx replaces the matched /api/ prefix with "/", so /api/v2/cart reaches shop-api as /v2/cart; shop-api serves its routes under /api and answers 404 to every API call (its access log shows the paths without /api). Pods are all ready; the static site works. Fix: remove the trailing slash from proxy_pass (or restore the previous ConfigMap) and reload nginx. shop-api is not at fault.',
    ask: { service: 'edge-proxy', namespace: ns },
    objects: [
      ...nodes, cm, ...proxy.objects, ...api.objects, ...web.objects,
      ...exposed({ namespace: ns, name: 'edge-proxy', selector: { app: 'edge-proxy' }, pods: proxy.pods }),
      ...exposed({ namespace: ns, name: 'shop-api', selector: { app: 'shop-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: web.pods }),
      scaledReplicaSet(deploymentOf(proxy), rsOf(proxy, 15), 1, 0, 36),
      scaledReplicaSet(deploymentOf(proxy), rsOf(proxy, 14), 2, 3, 35.7),
      scaledReplicaSet(deploymentOf(proxy), rsOf(proxy, 15), 3, 1, 35.3),
      scaledReplicaSet(deploymentOf(proxy), rsOf(proxy, 14), 0, 2, 35),
      ...proxy.pods.flatMap((p, k) => startedNormally(p, 'nginx', nginxImage, 35.8 - k * 0.4)),
    ],
    logs: [
      ...proxy.pods.map((p, k) => logsFor(p, 'nginx', { current: proxyLog(k) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/proxy_pass|trailing slash|strip|prefix|rewrit/i, /edge-proxy-conf|config ?map|nginx\.conf|\/api/i],
      facts: [/404/, /proxy_pass/i, /edge-proxy-conf/],
      never: [/OOM/i, /crash ?loop/i, /shop-api[^\n]*(bug|regress|broke|roll ?back)/i, /storefront-web/],
    },
  };
}

// ---- 2. CPU limit cut to 1: the JVM falls back to SerialGC --------------------------------------

function jvmSerialGcAfterCpuLimitCut(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.88', ['24', '141', '230']);
  const image = `${ECR}/pricing/quote-service:5.8.2`;
  const tpl = (cpuLimit: string, cpu: string) => ({
    containers: [container({
      image, ports: [8080], cpu, cpuLimit, memory: '2Gi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75.0 -Xlog:gc:stdout:uptime,level,tags' },
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 1, periodSeconds: 5, failureThreshold: 3 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, timeoutSeconds: 5, failureThreshold: 6 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'quote-service', replicas: 4,
    revisions: [
      { revision: 47, createdAgo: 12 * DAYS, changeCause: 'argocd: quote-service 5.8.2', template: tpl('2', '1500m') },
      { revision: 48, createdAgo: 97, changeCause: 'rightsizing PLAT-2291 (VPA recommendation applied)', template: tpl('1', '750m') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 48, node: names[k % 3] ?? '', createdAgo: 96 - k * 1.5, ready: k !== 1 && k !== 3, containers: { app: running({ sinceAgo: 95.8 - k * 1.5, ready: k !== 1 && k !== 3 }) } })),
    settled: { available: false, availableSince: 1.2, progressingSince: 97, progressingUpdatedAgo: 90 },
  });
  const other = bystander(ns, 'fx-rates-sync', names, 4 * HOURS, { revisions: [12, 13], versions: ['1.9.0', '1.9.1'], olderAgo: 30 * DAYS });
  const gcLog = (k: number) => {
    const start = 95.8 - k * 1.5;
    const out = [
      `Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75.0 -Xlog:gc:stdout:uptime,level,tags`,
      `${upt(0.006)}[info][gc] Using Serial`,
      `${lbTime(start - 0.01)}  INFO 1 --- [quote-service] [           main] c.a.p.quote.QuoteServiceApplication      : Starting QuoteServiceApplication v5.8.2 using Java 21.0.5 with PID 1`,
      `${lbTime(start - 0.9)}  INFO 1 --- [quote-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
      `${lbTime(start - 0.9)}  INFO 1 --- [quote-service] [           main] c.a.p.quote.QuoteServiceApplication      : Started QuoteServiceApplication in 51.877 seconds (process running for 53.402)`,
    ];
    let up = 3200;
    for (let i = 0; i < 14; i++) {
      const t = 40 - i * 2.8 - k * 0.2;
      up += 150 + i;
      out.push(`${upt(up)}[info][gc] GC(${900 + i * 37 + k}) Pause Young (Allocation Failure) 612M->431M(1536M) ${(180 + ((i * 53 + k * 17) % 160)).toFixed(3)}ms`);
      if (i % 3 === 1) out.push(`${upt(up + 20)}[info][gc] GC(${901 + i * 37 + k}) Pause Full (Allocation Failure) 1391M->1027M(1536M) ${(1780 + ((i * 311 + k * 97) % 1300)).toFixed(3)}ms`);
      if (i % 3 === 1) out.push(`${lbTime(t - 0.02)}  WARN 1 --- [quote-service] [nio-8080-exec-${(i % 9) + 1}] c.a.p.quote.web.QuoteController         : slow request POST /v3/quotes took ${2100 + ((i * 173) % 1400)}ms (sla 400ms)`);
    }
    return lines(...out);
  };
  const unready = [podOf(app, 1), podOf(app, 3)];
  return {
    id: 'heldout66-jvm-serialgc-after-cpu-limit-cut-to-one',
    class: 'capacity',
    truth: 'quote-service revision 48 (97 minutes ago, a right-sizing change PLAT-2291) cut the container CPU limit from 2 to 1 (request 1500m → 750m). With fewer than 2 available CPUs the JVM is not a "server-class machine", so its ergonomics selects SerialGC instead of G1 (the start-up GC log says "Using Serial"); the 1.5 GiB heap now gets single-threaded stop-the-world full pauses of 2–3 seconds, p99 latency blew up and the 1-second readiness probe times out during pauses, so pods flap in and out of the Service. Fix: restore a CPU limit of at least 2 (or pin -XX:+UseG1GC / -XX:ActiveProcessorCount=2).',
    ask: { service: 'quote-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-service', selector: { app: 'quote-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-rates-sync', selector: { app: 'fx-rates-sync' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 48), 4, 3, 92),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 47), 0, 1, 90),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 40 + k * 11, firstAgo: 85 - k, lastAgo: unready.includes(p) ? 0.2 : 3.5 + k })),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: gcLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/serial ?gc|\bgc\b|garbage.?collect|stop.the.world|pause/i, /cpu (limit|request)|limit[^\n]*\b1\b|right-?siz|revision 48|PLAT-2291/i],
      facts: [/Using Serial|SerialGC|Serial (GC|collector)/i, /revision 48|limit[^\n]{0,40}\b(2\b[^\n]{0,10}\b1|1 ?(cpu|core))|cpu[^\n]{0,20}\b1\b/i],
      never: [/OOM|out of memory/i, /liveness[^\n]*(kill|restart)/i, /fx-rates-sync/, /crash ?loop/i],
    },
  };
}

// ---- 3. terminationGracePeriodSeconds 5: Kafka consumers killed before committing ---------------

function kafkaConsumerGracePeriodTooShort(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.130', ['15', '66', '190']);
  const image = (v: string) => `${ECR}/orders/order-events-writer:${v}`;
  const tpl = (v: string, grace: number) => ({
    terminationGracePeriodSeconds: grace,
    containers: [container({
      name: 'consumer', image: image(v), ports: [{ name: 'metrics', containerPort: 9404 }], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'orders-kafka-bootstrap.kafka.svc.cluster.local:9092' },
        { name: 'KAFKA_GROUP_ID', value: 'order-events-writer' },
        { name: 'KAFKA_TOPIC', value: 'order-events' },
        { name: 'KAFKA_ENABLE_AUTO_COMMIT', value: 'false' },
        { name: 'KAFKA_MAX_POLL_RECORDS', value: '500' },
      ],
      readiness: httpProbe('/health', 'metrics'), liveness: httpProbe('/health', 'metrics', { initialDelaySeconds: 30 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'order-events-writer', replicas: 4,
    revisions: [
      { revision: 21, createdAgo: 19 * DAYS, changeCause: 'helm: order-events-writer 2.4.0', template: tpl('2.4.0', 60) },
      { revision: 22, createdAgo: 3 * HOURS + 12, changeCause: 'helm: order-events-writer 2.4.1 (chart 3.2.0)', template: tpl('2.4.1', 5) },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 22, node: names[k % 3] ?? '', createdAgo: k < 2 ? 3 * HOURS + 11 - k : 40 - (k - 2) * 0.3 })),
    settled: { available: true, availableSince: 3 * HOURS + 8, progressingSince: 3 * HOURS + 12, progressingUpdatedAgo: 3 * HOURS + 8 },
  });
  const deployment = deploymentOf(app);
  const h = hpa({ namespace: ns, name: 'order-events-writer', target: { kind: 'Deployment', name: 'order-events-writer' }, min: 2, max: 8, current: 4, desired: 4, cpu: { current: 58, target: 70 }, lastScaleAgo: 28 });
  const other = bystander(ns, 'order-status-api', names, 2 * DAYS, { revisions: [40, 41], versions: ['3.1.4', '3.1.5'], olderAgo: 9 * DAYS });
  const rs = rsOf(app, 22);
  // Pods the ReplicaSet deleted at the HPA's scale-ins (6 -> 4 at 71 and 28 min): gone, their events remain.
  const gone = [[`${rs}-q2wzk`, 71], [`${rs}-h8m4t`, 71], [`${rs}-x7v9p`, 28], [`${rs}-b5nfr`, 28]] as const;
  const pid = (k: number) => `consumer-order-events-writer-1-${['3f9a2c1e', '8b7d6e5f', '1c2d3e4f', '9e8d7c6b'][k] ?? '0'}`;
  const consumerLog = (k: number, since: number) => {
    const c = `[Consumer clientId=consumer-order-events-writer-1, groupId=order-events-writer]`;
    const out = [
      `${lbTime(since - 0.3)} INFO  [main] o.a.k.c.c.internals.ConsumerCoordinator - ${c} Discovered group coordinator orders-kafka-1.orders-kafka-brokers.kafka.svc:9092 (id: 2147483646 rack: null)`,
      `${lbTime(since - 0.35)} INFO  [main] o.a.k.c.c.internals.ConsumerCoordinator - ${c} Successfully joined group with generation Generation{generationId=${412 + k}, memberId='${pid(k)}', protocol='cooperative-sticky'}`,
    ];
    for (const [t, gen] of [[71, 431], [28, 437]] as const) {
      if (t > since) continue;
      out.push(
        `${lbTime(t - 0.05)} INFO  [main] o.a.k.c.c.internals.ConsumerCoordinator - ${c} Request joining group due to: group is already rebalancing`,
        `${lbTime(t - 0.1)} INFO  [main] o.a.k.c.c.internals.ConsumerCoordinator - ${c} Successfully joined group with generation Generation{generationId=${gen}, memberId='${pid(k)}', protocol='cooperative-sticky'}`,
        `${lbTime(t - 0.11)} INFO  [main] o.a.k.c.c.internals.ConsumerCoordinator - ${c} Adding newly assigned partitions: order-events-${(k * 3 + 1) % 12}, order-events-${(k * 3 + 7) % 12}`,
        `${lbTime(t - 0.12)} INFO  [main] o.a.k.c.c.internals.ConsumerCoordinator - ${c} Setting offset for partition order-events-${(k * 3 + 1) % 12} to the committed offset FetchPosition{offset=${18_220_400 + k * 911 + gen}, offsetEpoch=Optional[14], currentLeader=LeaderAndEpoch{leader=Optional[orders-kafka-2.orders-kafka-brokers.kafka.svc:9092 (id: 2 rack: eu-west-1c)], epoch=14}}`,
      );
      for (let i = 0; i < 4; i++) {
        out.push(`${lbTime(t - 0.2 - i * 0.05)} WARN  [main] c.a.o.writer.OrderEventSink - skipping already-applied event: org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint "order_events_pkey"\n  Detail: Key (event_id)=(oe_${(7_731_000 + gen * 13 + i * 7 + k).toString(36)}) already exists.`);
      }
      out.push(`${lbTime(t - 0.45)} WARN  [main] c.a.o.writer.OrderEventSink - re-processed batch from order-events-${(k * 3 + 1) % 12}: 500 records, 312 duplicates (offsets not committed by previous owner)`);
    }
    out.push(`${lbTime(0.5)} INFO  [main] c.a.o.writer.OrderEventSink - committed batch partition=order-events-${(k * 3 + 7) % 12} records=500 lag=${40 + k * 3}`);
    return lines(...out);
  };
  return {
    id: 'heldout66-kafka-consumer-grace-period-5s-duplicates',
    class: 'rollout',
    truth: 'order-events-writer revision 22 (3 hours ago, chart 3.2.0 "faster rollouts") lowered terminationGracePeriodSeconds from 60 to 5. The consumer commits offsets manually after each 500-record batch written to Postgres and, on SIGTERM, finishes the batch, commits and leaves the group — which takes longer than 5 s. So at the rollout and at every HPA scale-in (71 and 28 minutes ago) the kubelet SIGKILLs the pods before they commit; the partitions move to other members, which resume from the last committed offsets and re-process hundreds of events (duplicate-key errors on order_events_pkey after each rebalance; downstream sees duplicate notifications). Fix: restore a grace period long enough for the shutdown commit (60 s).',
    ask: { service: 'order-events-writer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, h,
      ...exposed({ namespace: ns, name: 'order-status-api', selector: { app: 'order-status-api' }, pods: other.pods }),
      scaledReplicaSet(deployment, rs, 6, 4, 95),
      scaledReplicaSet(deployment, rs, 4, 6, 71),
      scaledReplicaSet(deployment, rs, 6, 4, 40),
      scaledReplicaSet(deployment, rs, 4, 6, 28),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'order-events-writer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 4; reason: All metrics below target', count: 2, firstAgo: 71, lastAgo: 28, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'order-events-writer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', count: 2, firstAgo: 95, lastAgo: 40, component: 'horizontal-pod-autoscaler' }),
      ...gone.map(([name, t]) => event({ on: { kind: 'Pod', name, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container consumer', firstAgo: t, lastAgo: t, fieldPath: 'spec.containers{consumer}' })),
      ...app.pods.slice(2).flatMap((p, k) => startedNormally(p, 'consumer', image('2.4.1'), 40 - k * 0.3)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'consumer', { current: consumerLog(k, k < 2 ? 3 * HOURS + 11 - k : 40 - (k - 2) * 0.3) })),
    expect: {
      verdict: 'problems',
      headline: [/grace|SIGKILL|killed before|before commit|offset/i, /terminationGracePeriod|grace period|\b5 ?s|revision 22|duplicat|re-?process/i],
      facts: [/terminationGracePeriodSeconds|grace period[^\n]{0,30}\b5\b|\b60\b[^\n]{0,10}\b5\b/i, /duplicate key|duplicat/i],
      never: [/OOM/i, /crash ?loop/i, /order-status-api/, /postgres[^\n]*(down|unreachable|unavailable)/i, /lag[^\n]*(cause|root)/i],
    },
  };
}

// ---- 4. Elasticsearch: Fielddata is disabled after a reindex with dynamic mapping ----------------

function elasticsearchFielddataAfterReindex(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.152', ['31', '104', '222']);
  const esImage = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const es = statefulSetApp({
    namespace: ns, name: 'es-reports', replicas: 3, serviceName: 'es-reports-headless', createdAgo: 200 * DAYS,
    revisions: [{ revision: 4, createdAgo: 34 * DAYS, template: { containers: [container({ name: 'elasticsearch', image: esImage, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '2', memory: '8Gi', readiness: execProbe(['bash', '-c', 'curl -s -k "http://127.0.0.1:9200/_cluster/health?local=true" | grep -vq \'"status":"red"\''], { periodSeconds: 10, timeoutSeconds: 5 }), liveness: tcpProbe('transport', { initialDelaySeconds: 60 }), volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((o) => ({ revision: 4, ordinal: o, node: names[o] ?? '', createdAgo: 34 * DAYS - o * 6 })),
  });
  const claims = [0, 1, 2].flatMap((o) => boundClaim({ namespace: ns, name: `data-es-reports-${o}`, storage: '200Gi', zone: `eu-west-1${'abc'[o]}`, createdAgo: 200 * DAYS, storageClass: 'gp3' }));
  const apiImage = `${ECR}/analytics/report-api:3.6.0`;
  const api = deploymentApp({
    namespace: ns, name: 'report-api', replicas: 2,
    revisions: [{ revision: 33, createdAgo: 8 * DAYS, changeCause: 'argocd: report-api 3.6.0', template: { containers: [container({ image: apiImage, ports: [8000], cpu: '250m', memory: '512Mi', env: [{ name: 'ES_URL', value: 'http://es-reports.analytics.svc.cluster.local:9200' }, { name: 'ES_ORDERS_INDEX', value: 'orders' }], readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }) })] } }],
    pods: [0, 1].map((k) => ({ revision: 33, node: names[k + 1] ?? '', createdAgo: 8 * DAYS - k })),
  });
  const reindexImage = `${ECR}/analytics/es-tools:1.4.2`;
  const reindex = job({
    namespace: ns, name: 'reindex-orders-v2', createdAgo: 2 * HOURS + 40,
    template: { containers: [batchContainer({ name: 'reindex', image: reindexImage, command: ['python', '-m', 'estools.reindex'], args: ['--source', 'orders-v1', '--dest', 'orders-v2', '--swap-alias', 'orders', '--shards', '6'], cpu: '200m', memory: '256Mi' })] },
    pods: [{ node: names[0] ?? '', createdAgo: 2 * HOURS + 40, phase: 'Succeeded', containers: { reindex: terminated({ exitCode: 0, finishedAgo: 2 * HOURS + 2, ranSeconds: 2270 }) } }],
    outcome: { complete: true, ago: 2 * HOURS + 2 },
    backoffLimit: 0,
  });
  const jobPod = podOf(reindex, 0);
  const other = bystander(ns, 'events-ingest', names, 5 * HOURS, { revisions: [17, 18], versions: ['0.22.0', '0.22.1'], olderAgo: 20 * DAYS });
  const fd = 'Text fields are not optimised for operations that require per-document field data like aggregations and sorting, so these operations are disabled by default. Please use a keyword field instead. Alternatively, set fielddata=true on [merchant_name] in order to load field data by uninverting the inverted index. Note that this can use significant memory.';
  const apiLog = (k: number) => {
    const out = [`INFO:     Started server process [1]`, `INFO:     Application startup complete.`];
    for (let i = 0; i < 8; i++) {
      const t = 118 - i * 15 - k * 3;
      out.push(
        `${pyTime(t)} ERROR report_api.reports: report top_merchants failed: BadRequestError(400, 'search_phase_execution_exception', '${fd}')`,
        `INFO:     10.0.152.${60 + i}:0 - "GET /v1/reports/top-merchants?from=2026-11-01&to=2026-11-20 HTTP/1.1" 500 Internal Server Error`,
      );
      if (i % 2 === 0) out.push(`INFO:     10.0.152.${61 + i}:0 - "GET /v1/reports/daily-revenue?day=2026-11-20 HTTP/1.1" 200 OK`);
    }
    return lines(...out);
  };
  const reindexLog = lines(
    `${pyTime(2 * HOURS + 39.8)} INFO estools.reindex: source index orders-v1: 48123311 docs, mapping from index template orders-template (merchant_name: keyword)`,
    `${pyTime(2 * HOURS + 39.8)} INFO estools.reindex: creating dest index orders-v2 with settings {"number_of_shards": 6, "number_of_replicas": 1} (mappings: dynamic)`,
    `${pyTime(2 * HOURS + 39.7)} INFO estools.reindex: POST _reindex?wait_for_completion=false {"source":{"index":"orders-v1"},"dest":{"index":"orders-v2"}} -> task oTUltX4IQMOUUVeiohTt8A:1203844`,
    `${pyTime(2 * HOURS + 20)} INFO estools.reindex: task oTUltX4IQMOUUVeiohTt8A:1203844 progress created=26004117/48123311`,
    `${pyTime(2 * HOURS + 3)} INFO estools.reindex: task oTUltX4IQMOUUVeiohTt8A:1203844 completed: created=48123311 updated=0 failures=[] took=2241.3s`,
    `${pyTime(2 * HOURS + 2.5)} INFO estools.reindex: POST _aliases {"actions":[{"remove":{"index":"orders-v1","alias":"orders"}},{"add":{"index":"orders-v2","alias":"orders"}}]} -> acknowledged`,
    `${pyTime(2 * HOURS + 2.4)} INFO estools.reindex: done; alias orders -> orders-v2`,
  );
  return {
    id: 'heldout66-elasticsearch-fielddata-disabled-after-reindex',
    class: 'config',
    truth: 'The Job reindex-orders-v2 (2h40m ago) reindexed orders-v1 into a new index orders-v2 created without mappings, so dynamic mapping typed merchant_name as `text` (with a .keyword sub-field) instead of the `keyword` the old index template gave it, and swapped the alias orders to orders-v2. Since then report-api\'s top-merchants report, a terms aggregation sorted on merchant_name, is refused by Elasticsearch with 400 "Fielddata is disabled on [merchant_name]" / "Text fields are not optimised…", and the endpoint returns 500. Elasticsearch and report-api are healthy and unchanged. Fix: aggregate on merchant_name.keyword, or recreate orders-v2 with the explicit keyword mapping and reindex (or swap the alias back to orders-v1) — not fielddata=true.',
    ask: { service: 'report-api', namespace: ns },
    objects: [
      ...nodes, ...es.objects, ...claims, ...api.objects, ...reindex.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: api.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'es-reports', selector: { app: 'es-reports' }, pods: es.pods, endpointPort: 9200 }),
      jobEvent(reindex.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(jobPod)}`, 2 * HOURS + 40),
      jobEvent(reindex.objects[0], 'Completed', 'Job completed', 2 * HOURS + 2),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(jobPod, 'reindex', { current: reindexLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/fielddata|text field|keyword|mapping/i, /reindex|orders-v2|merchant_name/i],
      facts: [/merchant_name/, /reindex-orders-v2/, /fielddata|400|BadRequest/i],
      never: [/OOM|heap|circuit.?break/i, ADVISES_ROLLBACK, /events-ingest/, /cluster[^\n]*(red|yellow)/i],
    },
  };
}

// ---- 5. RabbitMQ 4.0 lowers max_message_size to 16 MiB ------------------------------------------

function rabbitmqMaxMessageSize16MiB(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.64', ['20', '117', '244']);
  const rmqImage = (v: string) => `docker.io/library/rabbitmq:${v}-management`;
  const rmqTpl = (v: string) => ({
    containers: [container({
      name: 'rabbitmq', image: rmqImage(v), ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }, { name: 'epmd', containerPort: 4369 }],
      cpu: '1', memory: '4Gi', readiness: execProbe(['rabbitmq-diagnostics', '-q', 'check_port_connectivity'], { periodSeconds: 30, timeoutSeconds: 20 }), liveness: execProbe(['rabbitmq-diagnostics', '-q', 'status'], { periodSeconds: 60, timeoutSeconds: 20, initialDelaySeconds: 60 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq' }, { name: 'config', mountPath: '/etc/rabbitmq/conf.d/10-cluster.conf', subPath: '10-cluster.conf' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'rabbitmq-config' } }],
  });
  const rmq = statefulSetApp({
    namespace: ns, name: 'rabbitmq', replicas: 3, serviceName: 'rabbitmq-headless', createdAgo: 300 * DAYS,
    revisions: [
      { revision: 6, createdAgo: 70 * DAYS, template: rmqTpl('3.13.7') },
      { revision: 7, createdAgo: 2 * HOURS + 15, template: rmqTpl('4.0.5') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClass: 'gp3' }],
    pods: [2, 1, 0].map((o, i) => ({ revision: 7, ordinal: o, node: names[o] ?? '', createdAgo: 2 * HOURS + 14 - i * 4 })),
  });
  const claims = [0, 1, 2].flatMap((o) => boundClaim({ namespace: ns, name: `data-rabbitmq-${o}`, storage: '50Gi', zone: `eu-west-1${'abc'[o]}`, createdAgo: 300 * DAYS, storageClass: 'gp3' }));
  const cm = configMap({ namespace: ns, name: 'rabbitmq-config', createdAgo: 300 * DAYS, data: { '10-cluster.conf': 'cluster_formation.peer_discovery_backend = k8s\ncluster_formation.k8s.host = kubernetes.default.svc.cluster.local\ncluster_formation.k8s.address_type = hostname\nvm_memory_high_watermark.relative = 0.6\ndisk_free_limit.absolute = 2GB\nloopback_users.guest = false\n' } });
  const pubImage = `${ECR}/media/render-dispatcher:2.11.0`;
  const pub = deploymentApp({
    namespace: ns, name: 'render-dispatcher', replicas: 2,
    revisions: [{ revision: 29, createdAgo: 15 * DAYS, changeCause: 'argocd: render-dispatcher 2.11.0', template: { containers: [container({ image: pubImage, ports: [8000], cpu: '250m', memory: '512Mi', env: [{ name: 'AMQP_URL', value: 'amqp://render@rabbitmq.media.svc.cluster.local:5672/%2F' }, { name: 'RENDER_QUEUE', value: 'render.jobs' }] })] } }],
    pods: [0, 1].map((k) => ({ revision: 29, node: names[k] ?? '', createdAgo: 15 * DAYS - k })),
  });
  const other = bystander(ns, 'thumbnail-worker', names, 9 * HOURS, { revisions: [51, 52], versions: ['4.2.7', '4.2.8'], olderAgo: 11 * DAYS });
  const rmqPod = podOf(rmq, 2);
  const sizes = [23_871_234, 41_002_117, 17_530_880, 29_644_019, 19_112_553, 35_870_002];
  const pubLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 9; i++) {
      const t = 2 * HOURS - i * 13 - k * 2;
      const size = sizes[(i + k) % sizes.length] ?? 20_000_000;
      out.push(`${pyTime(t)} INFO render_dispatcher.publish: publishing job rj-${88_410 + i * 7 + k} scene=${['atrium', 'lobby-4k', 'facade-night'][i % 3]} payload_bytes=${size}`);
      out.push(`${pyTime(t - 0.01)} ERROR render_dispatcher.publish: publish failed for rj-${88_410 + i * 7 + k}, reconnecting channel: ChannelClosedByBroker: (406, 'PRECONDITION_FAILED - message size ${size} is larger than configured max size 16777216')`);
      out.push(`${pyTime(t - 0.4)} INFO render_dispatcher.publish: published job rj-${88_411 + i * 7 + k} scene=preview payload_bytes=${412_000 + i * 1_337}`);
    }
    return lines(...out);
  };
  const rmqLog = lines(
    `${rmqTime(2 * HOURS + 5.5)} [info] <0.254.0>  Starting RabbitMQ 4.0.5 on Erlang 26.2.5.6 [jit]`,
    `${rmqTime(2 * HOURS + 5)} [info] <0.728.0> Server startup complete; 5 plugins started.`,
    ...[0, 1, 2, 3, 4].flatMap((i) => [
      `${rmqTime(2 * HOURS - 1 - i * 26)} [error] <0.${31_204 + i * 97}.0> Channel error on connection <0.${30_118 + i}.0> (${ipOfPod(pub.pods[i % 2])}:${41_822 + i * 3} -> ${ipOfPod(rmqPod)}:5672, vhost: '/', user: 'render'), channel 1:`,
      `${rmqTime(2 * HOURS - 1 - i * 26)} [error] <0.${31_204 + i * 97}.0> operation basic.publish caused a channel exception precondition_failed: message size ${sizes[i] ?? 20_000_000} is larger than configured max size 16777216`,
    ]),
  );
  return {
    id: 'heldout66-rabbitmq-4-max-message-size-16mib',
    class: 'config',
    truth: 'The rabbitmq StatefulSet was upgraded from 3.13.7 to 4.0.5 2h15m ago (revision 7). RabbitMQ 4.0 lowered the default max_message_size from 128 MiB to 16 MiB, and rabbitmq-config does not set it. render-dispatcher publishes render jobs of 17–41 MB; since the upgrade each such publish is refused with a channel error 406 PRECONDITION_FAILED "message size … is larger than configured max size 16777216" while small preview jobs still pass. Fix: set max_message_size (e.g. 134217728) in rabbitmq.conf, or move payloads to object storage and publish references.',
    ask: { service: 'render-dispatcher', namespace: ns },
    objects: [
      ...nodes, ...rmq.objects, ...claims, cm, ...pub.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: rmq.pods, endpointPort: 5672 }),
      ...exposed({ namespace: ns, name: 'render-dispatcher', selector: { app: 'render-dispatcher' }, pods: pub.pods, endpointPort: 8000 }),
      ...rmq.pods.flatMap((p, i) => startedNormally(p, 'rabbitmq', rmqImage('4.0.5'), 2 * HOURS + 14 - i * 4)),
      event({ on: { kind: 'StatefulSet', name: 'rabbitmq', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod rabbitmq-0 in StatefulSet rabbitmq successful', firstAgo: 2 * HOURS + 6.2, lastAgo: 2 * HOURS + 6.2, component: 'statefulset-controller' }),
    ],
    logs: [
      ...pub.pods.map((p, k) => logsFor(p, 'app', { current: pubLog(k) })),
      logsFor(rmqPod, 'rabbitmq', { current: rmqLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max_message_size|message size|16 ?MiB|16777216|too large|larger than/i, /rabbitmq|upgrade|4\.0/i],
      facts: [lit('16777216'), /4\.0\.5|3\.13/, /PRECONDITION_FAILED|406/],
      never: [/OOM/i, /memory alarm|disk alarm|flow control/i, /network ?policy/i, /thumbnail-worker/, /render-dispatcher[^\n]*(roll ?back|revision 29)/i],
    },
  };
}

// ---- 6. ALTER ROLE app SET search_path from a half-failed migration ------------------------------

function postgresSearchPathMigration(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.97', ['8', '129', '211']);
  const pgImage = 'docker.io/library/postgres:16.4';
  const db = statefulSetApp({
    namespace: ns, name: 'billing-db', replicas: 1, serviceName: 'billing-db-headless', createdAgo: 400 * DAYS,
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi', readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: execProbe(['pg_isready', '-U', 'postgres'], { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 21 * DAYS }],
  });
  const claims = boundClaim({ namespace: ns, name: 'data-billing-db-0', storage: '100Gi', zone: 'eu-west-1c', createdAgo: 400 * DAYS, storageClass: 'gp3' });
  const apiImage = `${ECR}/billing/invoice-api:9.2.0`;
  const api = deploymentApp({
    namespace: ns, name: 'invoice-api', replicas: 3,
    revisions: [{ revision: 74, createdAgo: 4 * DAYS, changeCause: 'argocd: invoice-api 9.2.0', template: { containers: [container({ image: apiImage, ports: [8080], cpu: '300m', memory: '384Mi', env: [{ name: 'DATABASE_URL', value: 'postgres://app@billing-db.billing.svc.cluster.local:5432/billing?sslmode=disable' }, { name: 'DB_MAX_CONNS', value: '12' }, { name: 'DB_MAX_CONN_LIFETIME', value: '30m' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 74, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const migImage = `${ECR}/billing/billing-migrations:0087`;
  const mig = job({
    namespace: ns, name: 'billing-migrate-0087', createdAgo: 44, backoffLimit: 0,
    template: { containers: [batchContainer({ name: 'migrate', image: migImage, command: ['/bin/sh', '-c'], args: ['psql "$MIGRATOR_URL" -v ON_ERROR_STOP=1 -f /migrations/0087_move_to_billing_v2.sql'], cpu: '100m', memory: '128Mi' })] },
    pods: [{ node: names[1] ?? '', createdAgo: 44, phase: 'Failed', containers: { migrate: terminated({ exitCode: 3, finishedAgo: 42.5, ranSeconds: 85 }) } }],
    outcome: { failed: 'BackoffLimitExceeded', ago: 42.4 },
  });
  const migPod = podOf(mig, 0);
  const other = bystander(ns, 'dunning-mailer', names, 6 * HOURS, { revisions: [8, 9], versions: ['1.3.2', '1.4.0'], olderAgo: 25 * DAYS });
  const migLog = lines(
    'BEGIN',
    'CREATE SCHEMA',
    'GRANT',
    'COMMIT',
    'ALTER ROLE',
    'SET',
    'BEGIN',
    'psql:/migrations/0087_move_to_billing_v2.sql:14: ERROR:  canceling statement due to lock timeout',
    'psql:/migrations/0087_move_to_billing_v2.sql:14: STATEMENT:  ALTER TABLE public.orders SET SCHEMA billing_v2;',
  );
  const apiLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 12; i++) {
      const t = 40 - i * 3.2 - k * 0.4;
      if (i % 3 === 1) out.push(`{"time":"${at(t)}","level":"INFO","msg":"request","method":"GET","path":"/v1/invoices/inv_${(90_000 + i * 17 + k).toString(36)}","status":200,"dur_ms":${11 + i},"conn_age":"${24 + i}m${10 + k}s"}`);
      else out.push(`{"time":"${at(t)}","level":"ERROR","msg":"query failed","op":"orders.ListOpen","error":"ERROR: relation \\"orders\\" does not exist (SQLSTATE 42P01)","conn_age":"${2 + (i % 7)}s"}`, `{"time":"${at(t - 0.001)}","level":"INFO","msg":"request","method":"POST","path":"/v1/invoices/batch","status":500,"dur_ms":${3 + (i % 4)}}`);
    }
    return lines(...out);
  };
  const dbLog = lines(
    `${pgTime(43.1)} [88120] migrator@billing LOG:  statement: ALTER ROLE app SET search_path = billing_v2;`,
    `${pgTime(42.6)} [88120] migrator@billing ERROR:  canceling statement due to lock timeout`,
    `${pgTime(42.6)} [88120] migrator@billing STATEMENT:  ALTER TABLE public.orders SET SCHEMA billing_v2;`,
    ...[0, 1, 2, 3, 4, 5].flatMap((i) => [
      `${pgTime(39 - i * 6)} [${90_410 + i * 13}] app@billing ERROR:  relation "orders" does not exist at character 15`,
      `${pgTime(39 - i * 6)} [${90_410 + i * 13}] app@billing STATEMENT:  SELECT id, customer_id, total_cents, status FROM orders WHERE status = $1 ORDER BY created_at LIMIT 200`,
    ]),
    `${pgTime(5)} [61] LOG:  checkpoint complete: wrote 2214 buffers (13.5%); 0 WAL file(s) added, 0 removed, 2 recycled; write=269.911 s, sync=0.012 s, total=269.940 s; sync files=61, longest=0.004 s, average=0.001 s; distance=31021 kB, estimate=33110 kB; lsn=4A/9C11D2E8, redo lsn=4A/9A7F0C40`,
  );
  return {
    id: 'heldout66-postgres-search-path-migration-new-connections',
    class: 'config',
    truth: 'The migration Job billing-migrate-0087 (44 minutes ago) created schema billing_v2 and ran `ALTER ROLE app SET search_path = billing_v2` (committed), then its `ALTER TABLE public.orders SET SCHEMA billing_v2` hit a lock timeout and the Job failed, so the tables stayed in public. A role-level search_path applies only to new sessions: every connection invoice-api opens since (pool lifetime 30m) has search_path billing_v2 and fails with `relation "orders" does not exist` (42P01), while connections opened before the migration keep the old search_path and still work — hence a growing share of 500s. invoice-api and its revision are not the cause. Fix: `ALTER ROLE app RESET search_path` (or set it to billing_v2, public) now, and re-run the migration properly.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...claims, ...api.objects, ...mig.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'billing-db', selector: { app: 'billing-db' }, pods: db.pods, endpointPort: 5432 }),
      jobEvent(mig.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(migPod)}`, 44),
      jobEvent(mig.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 42.4, 'Warning'),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(podOf(db, 0), 'postgres', { current: dbLog }),
      logsFor(migPod, 'migrate', { current: migLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/search_path|schema/i, /billing-migrate-0087|migrat|ALTER ROLE/i],
      facts: [/relation "?orders"? does not exist|42P01/i, /billing-migrate-0087/, /search_path/i],
      never: [/OOM/i, ADVISES_ROLLBACK, /initdb|data loss|volume (lost|deleted|wiped)/i, /dunning-mailer/, /too many (clients|connections)/i],
    },
  };
}

// ---- 7. healthy: a Kafka client's one start-up "Broker may not be available" --------------------

function kafkaStartupBrokerNotAvailableHealthy(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.210', ['9', '115', '236']);
  const image = `${ECR}/fulfilment/shipment-tracker:3.0.4`;
  const app = deploymentApp({
    namespace: ns, name: 'shipment-tracker', replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 20 * DAYS, changeCause: 'argocd: shipment-tracker 3.0.3', template: { containers: [container({ image: image.replace('3.0.4', '3.0.3'), ports: [8080], cpu: '300m', memory: '768Mi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }) })] } },
      { revision: 18, createdAgo: 3 * DAYS + 4 * HOURS, changeCause: 'argocd: shipment-tracker 3.0.4', template: { containers: [container({ image, ports: [8080], cpu: '300m', memory: '768Mi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 3 * DAYS + 4 * HOURS - k * 1.2 })),
  });
  const other = bystander(ns, 'label-printer-gateway', names, 26 * HOURS, { revisions: [5, 6], versions: ['1.1.0', '1.1.1'], olderAgo: 40 * DAYS });
  const log = (k: number) => {
    const s = 3 * DAYS + 4 * HOURS - k * 1.2 - 0.1;
    const c = `[Consumer clientId=consumer-shipment-tracker-1, groupId=shipment-tracker]`;
    const out = [
      `${lbTime(s)}  INFO 1 --- [shipment-tracker] [           main] c.a.f.tracker.ShipmentTrackerApplication : Starting ShipmentTrackerApplication v3.0.4 using Java 21.0.5 with PID 1`,
      `${lbTime(s - 0.4)}  INFO 1 --- [shipment-tracker] [           main] o.a.kafka.common.utils.AppInfoParser     : Kafka version: 3.8.1`,
      `${lbTime(s - 0.41)}  WARN 1 --- [shipment-tracker] [ntainer#0-0-C-1] org.apache.kafka.clients.NetworkClient   : ${c} Connection to node -1 (fulfilment-kafka-bootstrap.kafka.svc.cluster.local/172.20.41.18:9092) could not be established. Broker may not be available.`,
      `${lbTime(s - 0.42)}  WARN 1 --- [shipment-tracker] [ntainer#0-0-C-1] org.apache.kafka.clients.NetworkClient   : ${c} Bootstrap broker fulfilment-kafka-bootstrap.kafka.svc.cluster.local:9092 (id: -1 rack: null) disconnected`,
      `${lbTime(s - 0.45)}  INFO 1 --- [shipment-tracker] [ntainer#0-0-C-1] org.apache.kafka.clients.Metadata        : ${c} Cluster ID: 4q2mVx9nT8uY1cLk3pZr0A`,
      `${lbTime(s - 0.46)}  INFO 1 --- [shipment-tracker] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : ${c} Discovered group coordinator fulfilment-kafka-0.fulfilment-kafka-brokers.kafka.svc:9092 (id: 2147483647 rack: null)`,
      `${lbTime(s - 0.5)}  INFO 1 --- [shipment-tracker] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : ${c} Successfully synced group in generation Generation{generationId=${88 + k}, memberId='consumer-shipment-tracker-1-${['a1b2', 'c3d4', 'e5f6'][k]}', protocol='range'}`,
      `${lbTime(s - 0.6)}  INFO 1 --- [shipment-tracker] [           main] c.a.f.tracker.ShipmentTrackerApplication : Started ShipmentTrackerApplication in 31.204 seconds (process running for 33.017)`,
    ];
    for (let i = 0; i < 6; i++) out.push(`${lbTime(50 - i * 9 - k)}  INFO 1 --- [shipment-tracker] [ntainer#0-0-C-1] c.a.f.tracker.ShipmentEventListener      : applied ${180 + i * 7 + k} carrier events (partition shipment-events-${(k * 2 + i) % 6}, lag ${i % 3})`);
    return lines(...out);
  };
  return {
    id: 'heldout66-healthy-kafka-startup-broker-not-available',
    class: 'healthy',
    truth: 'shipment-tracker has run revision 18 (3.0.4) for three days; each pod, at start-up, logged once that the Kafka bootstrap connection to node -1 "could not be established. Broker may not be available." (a transient first dial; the client retried and connected within a second), then connected, joined its group and has consumed steadily since with near-zero lag. All pods ready, no restarts, no warning events. Nothing to do.',
    ask: { service: 'shipment-tracker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'shipment-tracker', selector: { app: 'shipment-tracker' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'label-printer-gateway', selector: { app: 'label-printer-gateway' }, pods: other.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue|action)|nothing|running (normally|fine)|all \d+ (pods )?(are )?ready|ready/i],
      facts: [],
      never: [/broker[^\n]*(not available|unavailable|down|unreachable)/i, /kafka[^\n]*(down|outage|unreachable)/i, /crash ?loop/i, /OOM/i],
    },
  };
}

export const PART_ONE: readonly CorpusScenario[] = [
  nginxProxyPassTrailingSlash(),
  jvmSerialGcAfterCpuLimitCut(),
  kafkaConsumerGracePeriodTooShort(),
  elasticsearchFielddataAfterReindex(),
  rabbitmqMaxMessageSize16MiB(),
  postgresSearchPathMigration(),
  kafkaStartupBrokerNotAvailableHealthy(),
];
