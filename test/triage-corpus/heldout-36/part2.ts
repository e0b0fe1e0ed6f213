// Held-out stories, thirty-sixth round, part two:
//   1. quote-service (Spring Boot 2.7, Apache HttpClient 4.5) whose pooled client to fx-rates keeps
//      the default 2 connections per route; a promotion doubled traffic and requests now wait for
//      a pooled connection ("Timeout waiting for connection from pool") while fx-rates answers in
//      3 ms;
//   2. order-router (Go) whose revision 27 calls the ledger by its Service's cluster DNS name,
//      which the ledger's certificate does not list ("x509: certificate is valid for …, not …");
//   3. cart-api (Node, ioredis) whose revision 58 batches cart reads into one MGET across keys of
//      different hash slots on a Redis Cluster: "CROSSSLOT Keys in request don't hash to the same slot";
//   4. webhook-receiver (Python, SQLAlchemy) whose int4 webhook_deliveries.id sequence reached
//      2147483647: every insert fails, reads still work, nothing changed in the cluster;
//   5. shipping-rates (.NET 8) calling ParcelNet's v1 rates API, which the partner sunset at
//      midnight: 410 Gone with a body naming the sunset and the v3 API;
//   6. search-api, whose Service selector was copied from a pod and carries pod-template-hash:
//      revision 12 rolled out fine but the Service selects no pod since, callers get ECONNREFUSED;
//   7. healthy control: statement-service right after a completed rollout, whose new pods each
//      logged startup probe failures while the JVM booted (by design, failureThreshold 36).
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, boundClaim, configMap, container, crashLoop, deploymentApp, endpointSliceFor,
  epochMs, event, exposed, httpProbe, nameOf, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet,
  scheduled, service, startedNormally, statefulSetApp, tcpProbe, uidOf, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const hashOfRs = (app: Built, name: string, revision: number): string => rsOf(app, revision).slice(name.length + 1);

/** Spring Boot 2.x's console time: `2026-11-21 03:12:41.563`. */
const bootTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');
/** Postgres' log_line_prefix '%m [%p] ' time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
function redisTime(minutes: number): string {
  const d = ago(minutes);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}
const NO_ROLLBACK_ADVICE = /roll(ing)? ?back to|undo the rollout|rollout undo/i;

// ---- 1. Apache HttpClient's default 2 connections per route, under a traffic increase ---------------

function httpClientDefaultMaxPerRoute(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '141', '230']);
  const image = (v: string) => `${ECR}/pricing/quote-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '1', memory: '1536Mi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'file:/config/' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError' },
        { name: 'SERVER_TOMCAT_THREADS_MAX', value: '200' },
      ],
      volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
      readiness: httpProbe('/actuator/health/readiness', 'management', { periodSeconds: 5 }),
      liveness: httpProbe('/actuator/health/liveness', 'management', { initialDelaySeconds: 60 }),
    })],
    volumes: [{ name: 'config', configMap: { name: 'quote-service-config' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-service',
    replicas: 4,
    revisions: [
      { revision: 57, createdAgo: 23 * DAYS, changeCause: 'argocd: quote-service 3.14.1', template: tpl('3.14.1') },
      { revision: 58, createdAgo: 9 * DAYS, changeCause: 'argocd: quote-service 3.14.2', template: tpl('3.14.2') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 58, node: names[k % 3] ?? '', createdAgo: 9 * DAYS - k })),
    settled: { available: true, availableSince: 9 * DAYS - 4, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 4 },
  });
  const fxImage = `${ECR}/pricing/fx-rates:1.9.4`;
  const fx = deploymentApp({
    namespace: ns,
    name: 'fx-rates',
    replicas: 3,
    revisions: [{ revision: 12, createdAgo: 31 * DAYS, changeCause: 'argocd: fx-rates 1.9.4', template: { containers: [container({ image: fxImage, ports: [8080], cpu: '250m', memory: '256Mi', readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[(k + 1) % 3] ?? '', createdAgo: 31 * DAYS - k })),
  });
  const other = bystander(ns, 'promo-engine', names, 71, { revisions: [40, 41], versions: ['6.2.0', '6.3.0'], olderAgo: 12 * DAYS });
  const cfg = configMap({
    namespace: ns,
    name: 'quote-service-config',
    createdAgo: 23 * DAYS,
    data: {
      'application-prod.yaml': [
        'server:',
        '  port: 8080',
        'management:',
        '  server.port: 8081',
        'fx:',
        '  base-url: http://fx-rates.pricing.svc.cluster.local:8080',
        '  http:',
        '    max-total: 20',
        '    connect-timeout: 1s',
        '    connection-request-timeout: 2s',
        '    socket-timeout: 3s',
        'quote:',
        '  cache-ttl: 5s',
        '',
      ].join('\n'),
    },
  });
  const fxUrl = 'http://fx-rates.pricing.svc.cluster.local:8080';
  const logOf = (k: number): string => {
    const out: string[] = [
      `${bootTime(9 * DAYS - k - 0.9)}  INFO 1 --- [           main] c.a.pricing.quote.QuoteServiceApplication : Starting QuoteServiceApplication v3.14.2 using Java 17.0.12 with PID 1 (/app/quote-service.jar started by app in /app)`,
      `${bootTime(9 * DAYS - k - 0.7)}  INFO 1 --- [           main] c.a.pricing.quote.config.FxClientConfig  : fx-rates client: PoolingHttpClientConnectionManager maxTotal=20, defaultMaxPerRoute=2, connectionRequestTimeout=2000ms, socketTimeout=3000ms`,
      `${bootTime(9 * DAYS - k - 0.6)}  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port(s): 8080 (http) with context path ''`,
      `${bootTime(9 * DAYS - k - 0.6)}  INFO 1 --- [           main] c.a.pricing.quote.QuoteServiceApplication : Started QuoteServiceApplication in 21.884 seconds (JVM running for 23.517)`,
      `${bootTime(2 * HOURS + 5 - k * 0.01)}  INFO 1 --- [   scheduling-1] c.a.pricing.quote.metrics.FxPoolMonitor  : fx-rates pool ${fxUrl} [leased: 1; pending: 0; available: 1; max: 2] quotes/s=38`,
      `${bootTime(HOURS + 10 - k * 0.01)}  INFO 1 --- [   scheduling-1] c.a.pricing.quote.metrics.FxPoolMonitor  : fx-rates pool ${fxUrl} [leased: 2; pending: 4; available: 0; max: 2] quotes/s=71`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 9 - i * 0.85 - k * 0.03;
      out.push(`${bootTime(t)}  INFO 1 --- [   scheduling-1] c.a.pricing.quote.metrics.FxPoolMonitor  : fx-rates pool ${fxUrl} [leased: 2; pending: ${58 + ((i * 13 + k * 7) % 40)}; available: 0; max: 2] quotes/s=${84 + ((i * 5 + k) % 12)}`);
      out.push(
        `${bootTime(t - 0.05)} ERROR 1 --- [o-8080-exec-${120 + i * 7 + k}] c.a.pricing.quote.QuoteController        : quote failed basket=bsk_${(918273 + i * 311 + k * 17).toString(16)} currency=${['EUR-USD', 'GBP-EUR', 'USD-JPY', 'EUR-CHF'][i % 4]} after 2004 ms`,
        '',
        `org.springframework.web.client.ResourceAccessException: I/O error on GET request for "${fxUrl}/v1/rates/${['EUR-USD', 'GBP-EUR', 'USD-JPY', 'EUR-CHF'][i % 4]}": Timeout waiting for connection from pool; nested exception is org.apache.http.conn.ConnectionPoolTimeoutException: Timeout waiting for connection from pool`,
        '\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:791)',
        '\tat org.springframework.web.client.RestTemplate.execute(RestTemplate.java:717)',
        '\tat org.springframework.web.client.RestTemplate.getForObject(RestTemplate.java:333)',
        '\tat com.acme.pricing.quote.fx.FxRatesClient.rate(FxRatesClient.java:58)',
        '\tat com.acme.pricing.quote.QuoteService.quote(QuoteService.java:112)',
        'Caused by: org.apache.http.conn.ConnectionPoolTimeoutException: Timeout waiting for connection from pool',
        '\tat org.apache.http.impl.conn.PoolingHttpClientConnectionManager.leaseConnection(PoolingHttpClientConnectionManager.java:316)',
        '\tat org.apache.http.impl.conn.PoolingHttpClientConnectionManager$1.get(PoolingHttpClientConnectionManager.java:282)',
        '\tat org.apache.http.impl.execchain.MainClientExec.execute(MainClientExec.java:190)',
        '\tat org.apache.http.impl.execchain.ProtocolExec.execute(ProtocolExec.java:186)',
        '\tat org.apache.http.impl.execchain.RetryExec.execute(RetryExec.java:89)',
        '\tat org.apache.http.impl.client.InternalHttpClient.doExecute(InternalHttpClient.java:185)',
        '\t... 94 common frames omitted',
        '',
      );
      if (i % 3 === 1) out.push(`${bootTime(t - 0.1)}  WARN 1 --- [o-8080-exec-${131 + i + k}] c.a.pricing.quote.QuoteController        : slow quote basket=bsk_${(771002 + i * 97).toString(16)} took 1873 ms (fx lease wait 1861 ms, fx call 3 ms)`);
    }
    return lines(...out);
  };
  const fxLog = (k: number): string => {
    const out: string[] = [`{"level":"info","ts":"${at(31 * DAYS - k - 0.5)}","caller":"cmd/fx-rates/main.go:61","msg":"fx-rates listening","addr":":8080","version":"1.9.4"}`];
    for (let i = 0; i < 8; i++) out.push(`{"level":"info","ts":"${at(8 - i - k * 0.1)}","caller":"server/metrics.go:44","msg":"http stats (60s)","requests":${1960 + i * 11 + k * 3},"status_5xx":0,"p50_ms":1.2,"p99_ms":${3 + (i % 2)},"in_flight":2}`);
    return lines(...out);
  };
  return {
    id: 'heldout36-httpclient-default-max-per-route',
    class: 'config',
    truth: 'quote-service calls fx-rates through a RestTemplate backed by Apache HttpClient 4.5\'s PoolingHttpClientConnectionManager; its configuration sets maxTotal 20 but never setDefaultMaxPerRoute, so all calls to the single route fx-rates.pricing.svc.cluster.local:8080 share the default 2 connections per route (the startup line and the pool stats say "max: 2"). Since the promotion that started about an hour ago doubled quote traffic (~40 to ~90 quotes/s per pod), requests queue for a pooled connection and fail after the 2 s connection-request timeout ("Timeout waiting for connection from pool"), while fx-rates itself answers in 3 ms with no errors. Revision 58 (9 days old) is not the cause. Fix: set the connection manager\'s default max per route (e.g. 50, alongside maxTotal) and roll it out; fx-rates needs nothing.',
    ask: { service: 'quote-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...fx.objects, ...other.objects, cfg,
      ...exposed({ namespace: ns, name: 'quote-service', selector: { app: 'quote-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: fx.pods }),
      ...exposed({ namespace: ns, name: 'promo-engine', selector: { app: 'promo-engine' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 71),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 40), 0, 2, 69),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
      ...fx.pods.map((p, k) => logsFor(p, 'app', { current: fxLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/per[- ]?route|MaxPerRoute/i, /pool/i],
      facts: [/Timeout waiting for connection from pool/, /max: 2|defaultMaxPerRoute=2|MaxPerRoute[^\n]{0,20}\b2\b/, /fx-rates/],
      never: [ADVISES_ROLLBACK, /fx-rates[^\n]*(slow|down|unhealthy|failing|overloaded|not ready|degraded)/i, /\bOOM/, /memory limit/i, /(readiness|liveness) probe[^\n]*fail/i, /promo-engine/],
    },
  };
}

// ---- 2. a new DNS name the server certificate does not list --------------------------------------

function certificateNameMismatch(): CorpusScenario {
  const ns = 'fulfillment';
  const { nodes, names } = threeEksNodes('10.0.148', ['9', '117', '203']);
  const image = (v: string) => `${ECR}/fulfillment/order-router:${v}`;
  const tpl = (v: string, ledgerUrl: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'metrics', containerPort: 9090 }], cpu: '300m', memory: '256Mi',
      env: [
        { name: 'LEDGER_URL', value: ledgerUrl },
        { name: 'LEDGER_CA_FILE', value: '/etc/acme/ca/internal-ca.pem' },
        { name: 'KAFKA_BROKERS', value: 'kafka-0.kafka-headless.streaming:9092,kafka-1.kafka-headless.streaming:9092,kafka-2.kafka-headless.streaming:9092' },
        { name: 'GOMEMLIMIT', value: '220MiB' },
      ],
      volumeMounts: [{ name: 'internal-ca', mountPath: '/etc/acme/ca', readOnly: true }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
    volumes: [{ name: 'internal-ca', configMap: { name: 'acme-internal-ca' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-router',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 26, createdAgo: 11 * DAYS, changeCause: 'argocd: order-router 1.30.4', template: tpl('1.30.4', 'https://ledger.acme.internal:8443') },
      { revision: 27, createdAgo: 19, changeCause: 'argocd: order-router 1.31.0', template: tpl('1.31.0', 'https://ledger-api.finance.svc.cluster.local:8443') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 26, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
      { revision: 27, node: names[2] ?? '', createdAgo: 18.6, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 1 }, 8) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'pick-list-generator', names, 95, { revisions: [18, 19], versions: ['0.22.1', '0.23.0'], olderAgo: 20 * DAYS });
  const ca = configMap({ namespace: ns, name: 'acme-internal-ca', createdAgo: 300 * DAYS, data: { 'internal-ca.pem': '-----BEGIN CERTIFICATE-----\nMIIDqTCCApGgAwIBAgIUb3JkZXItcm91dGVyLWFjbWUtaW50ZXJuYWwtY2EwDQYJ\nKoZIhvcNAQELBQAwRzELMAkGA1UEBhMCREUxDTALBgNVBAoMBEFjbWUxKTAnBgNV\n-----END CERTIFICATE-----\n' } });
  const err = 'Post "https://ledger-api.finance.svc.cluster.local:8443/v2/reservations/ping": tls: failed to verify certificate: x509: certificate is valid for ledger.acme.internal, ledger-api.finance.svc, not ledger-api.finance.svc.cluster.local';
  const crashRun = (t: number) => [
    `{"level":"info","ts":"${at(t)}","caller":"cmd/order-router/main.go:48","msg":"starting order-router","version":"1.31.0","commit":"c41e9a7"}`,
    `{"level":"info","ts":"${at(t)}","caller":"ledger/client.go:77","msg":"ledger client configured","url":"https://ledger-api.finance.svc.cluster.local:8443","ca_file":"/etc/acme/ca/internal-ca.pem"}`,
    `{"level":"fatal","ts":"${at(t - 0.01)}","caller":"cmd/order-router/main.go:83","msg":"ledger connectivity check failed","error":"${err.replace(/"/g, '\\"')}"}`,
  ];
  return {
    id: 'heldout36-tls-san-mismatch-new-dns-name',
    class: 'config',
    truth: 'order-router 1.31.0 (revision 27) changed LEDGER_URL from https://ledger.acme.internal:8443 to the ledger Service\'s cluster DNS name https://ledger-api.finance.svc.cluster.local:8443. The ledger\'s serving certificate lists only ledger.acme.internal and ledger-api.finance.svc, so the Go client rejects the handshake ("x509: certificate is valid for ledger.acme.internal, ledger-api.finance.svc, not ledger-api.finance.svc.cluster.local"), the startup connectivity check exits 1 and the new pod crash-loops; the three revision-26 pods still serve and the ledger is fine. Fix: point LEDGER_URL back at a name the certificate lists (or have the finance team add the cluster DNS name to the certificate\'s SANs) and roll out again.',
    ask: { service: 'order-router', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ca,
      ...exposed({ namespace: ns, name: 'order-router', selector: { app: 'order-router' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pick-list-generator', selector: { app: 'pick-list-generator' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 1, 0, 19),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 19), 2, 0, 95),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 18), 0, 2, 93),
      scheduled(fresh, 18.6),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('1.31.0')}"`, firstAgo: 18.5, lastAgo: 18.5, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('1.31.0')}" in 1.874s (1.874s including waiting). Image size: 18233410 bytes.`, firstAgo: 18.4, lastAgo: 18.4, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('1.31.0'), { count: 8, firstAgo: 18.3, lastAgo: 2.1 }),
      backOff(fresh, 'app', { count: 79, firstAgo: 18.2, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: lines(...crashRun(0.1)), previous: lines(...crashRun(2.1)) }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: lines(
        `{"level":"info","ts":"${at(11 * DAYS - k - 0.5)}","caller":"ledger/client.go:77","msg":"ledger client configured","url":"https://ledger.acme.internal:8443","ca_file":"/etc/acme/ca/internal-ca.pem"}`,
        `{"level":"info","ts":"${at(1.4 + k * 0.1)}","caller":"router/route.go:211","msg":"order routed","order_id":"ord_${8812930 + k}","warehouse":"DUS-2","ledger_reservation":"res_${55120 + k}","dur_ms":${41 + k}}`,
        `{"level":"info","ts":"${at(0.6 + k * 0.1)}","caller":"router/route.go:211","msg":"order routed","order_id":"ord_${8812977 + k}","warehouse":"HAM-1","ledger_reservation":"res_${55168 + k}","dur_ms":${37 + k}}`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/x509|certificate/i, /ledger-api\.finance\.svc\.cluster\.local|LEDGER_URL/],
      facts: [lit('ledger-api.finance.svc.cluster.local'), /ledger\.acme\.internal/, /revision 27|1\.31\.0/],
      never: [/\bOOM/, /expired/i, /unknown authority|root CA|CA bundle/i, /liveness/i, /ledger[^\n]*(down|outage|unreachable|unavailable)/i, /pick-list-generator/],
    },
  };
}

// ---- 3. a release's MGET across Redis Cluster hash slots -----------------------------------------

function redisClusterCrossSlot(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.33', ['40', '158', '219']);
  const image = (v: string) => `${ECR}/shop/cart-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '400m', memory: '384Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'REDIS_CLUSTER_NODES', value: 'redis-cluster-0.redis-cluster-headless.shop.svc.cluster.local:6379,redis-cluster-1.redis-cluster-headless.shop.svc.cluster.local:6379,redis-cluster-2.redis-cluster-headless.shop.svc.cluster.local:6379' },
        { name: 'UV_THREADPOOL_SIZE', value: '8' },
      ],
      readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'cart-api',
    replicas: 4,
    revisions: [
      { revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: cart-api 2.18.3', template: tpl('2.18.3') },
      { revision: 58, createdAgo: 47, changeCause: 'argocd: cart-api 2.19.0', template: tpl('2.19.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 58, node: names[k % 3] ?? '', createdAgo: 46.5 - k * 0.7 })),
  });
  const redisImage = 'docker.io/bitnami/redis-cluster:7.2.5-debian-12-r4';
  const redis = statefulSetApp({
    namespace: ns,
    name: 'redis-cluster',
    replicas: 6,
    serviceName: 'redis-cluster-headless',
    podManagementPolicy: 'Parallel',
    revisions: [{ revision: 3, createdAgo: 88 * DAYS, template: { containers: [container({ name: 'redis-cluster', image: redisImage, command: ['/bin/bash', '-c'], args: ['/opt/bitnami/scripts/redis-cluster/entrypoint.sh /opt/bitnami/scripts/redis-cluster/run.sh'], ports: [{ name: 'tcp-redis', containerPort: 6379 }, { name: 'tcp-redis-bus', containerPort: 16379 }], cpu: '250m', memory: '1Gi', readiness: { exec: { command: ['sh', '-c', '/scripts/ping_readiness_local.sh 1'] }, periodSeconds: 5, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 5 }, liveness: { exec: { command: ['sh', '-c', '/scripts/ping_liveness_local.sh 5'] }, periodSeconds: 5, timeoutSeconds: 6, successThreshold: 1, failureThreshold: 5 }, volumeMounts: [{ name: 'redis-data', mountPath: '/bitnami/redis/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'redis-data', storage: '8Gi' }],
    pods: [0, 1, 2, 3, 4, 5].map((o) => ({
      revision: 3, ordinal: o, node: names[o % 3] ?? '', createdAgo: o === 4 ? 4 * DAYS : 40 * DAYS - o,
      ...(o === 4 ? { containers: { 'redis-cluster': running({ sinceAgo: 4 * DAYS - 1, restarts: 1, last: { exitCode: 1, finishedAgo: 4 * DAYS - 0.9, ranSeconds: 12 } }) } } : {}),
    })),
  });
  const claims = [0, 1, 2, 3, 4, 5].flatMap((o) => boundClaim({ namespace: ns, name: `redis-data-redis-cluster-${o}`, storage: '8Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][o % 3] ?? 'eu-west-1a', createdAgo: 88 * DAYS }));
  const other = bystander(ns, 'checkout', names, 130, { revisions: [211, 212], versions: ['9.4.0', '9.4.1'], olderAgo: 5 * DAYS });
  const cartLog = (p: k8s.V1Pod, k: number): string => {
    const host = nameOf(p);
    const out: string[] = [
      `{"level":30,"time":${epochMs(46.2 - k * 0.7)},"pid":1,"hostname":"${host}","version":"2.19.0","msg":"cart-api starting"}`,
      `{"level":30,"time":${epochMs(46.1 - k * 0.7)},"pid":1,"hostname":"${host}","nodes":6,"masters":3,"msg":"redis cluster ready"}`,
      `{"level":30,"time":${epochMs(46.1 - k * 0.7)},"pid":1,"hostname":"${host}","msg":"Server listening at http://0.0.0.0:3000"}`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 11 - i * 0.9 - k * 0.04;
      const user = `u-${88213 + i * 37 + k * 5}`;
      const sku = ['SKU-10452-M', 'SKU-77310', 'SKU-23018-XL', 'SKU-90117-RED'][(i + k) % 4] ?? 'SKU-1';
      const req = `req-${(4000 + i * 13 + k * 101).toString(36)}`;
      out.push(`{"level":50,"time":${epochMs(t)},"pid":1,"hostname":"${host}","reqId":"${req}","err":{"type":"ReplyError","message":"CROSSSLOT Keys in request don't hash to the same slot","stack":"ReplyError: CROSSSLOT Keys in request don't hash to the same slot\\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)\\n    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)","command":{"name":"mget","args":["cart:${user}:items","cart:${user}:coupon","price:${sku}","stock:${sku}"]}},"msg":"cart read failed"}`);
      out.push(`{"level":30,"time":${epochMs(t - 0.001)},"pid":1,"hostname":"${host}","reqId":"${req}","res":{"statusCode":500},"responseTime":${2.1 + (i % 4) * 0.4},"msg":"request completed"}`);
      if (i % 4 === 2) out.push(`{"level":30,"time":${epochMs(t - 0.2)},"pid":1,"hostname":"${host}","reqId":"req-${(9000 + i + k).toString(36)}","res":{"statusCode":204},"responseTime":3.7,"msg":"request completed"}`);
    }
    return lines(...out);
  };
  const redisLog = (o: number): string => lines(
    `1:${o < 3 ? 'M' : 'S'} ${redisTime(40 * DAYS - o - 0.5)} * Ready to accept connections tcp`,
    `1:${o < 3 ? 'M' : 'S'} ${redisTime(6 * HOURS)} * 100 changes in 300 seconds. Saving...`,
    `1:${o < 3 ? 'M' : 'S'} ${redisTime(6 * HOURS - 0.01)} * Background saving started by pid ${40211 + o}`,
    `1:${o < 3 ? 'M' : 'S'} ${redisTime(6 * HOURS - 0.05)} * Background saving terminated with success`,
  );
  return {
    id: 'heldout36-redis-cluster-crossslot-mget',
    class: 'rollout',
    truth: 'cart-api 2.19.0 (revision 58, 47 minutes ago) batched the cart read into a single MGET over cart:<user>:items, cart:<user>:coupon, price:<sku> and stock:<sku>. Those keys hash to different slots of the 3-master Redis Cluster (redis-cluster), which refuses multi-key commands across slots with "CROSSSLOT Keys in request don\'t hash to the same slot", so every cart read returns 500 while pods stay ready and Redis is healthy. Fix: put the keys that are read together under one hash tag (e.g. cart:{u-88213}:items) or read them per key/per slot; until then roll back to revision 57 (2.18.3).',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, ...claims, ...other.objects,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'redis-cluster', selector: { app: 'redis-cluster' }, pods: redis.pods, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'tcp-redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'redis-cluster-headless', selector: { app: 'redis-cluster' }, pods: redis.pods, headless: true, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'tcp-redis' }, { name: 'tcp-redis-bus', port: 16379, targetPort: 'tcp-redis-bus' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'checkout', selector: { app: 'checkout' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 47),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 3, 4, 46.4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 4, 1, 44.3),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 0, 3, 44),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: cartLog(p, k) })),
      ...redis.pods.map((p, o) => logsFor(p, 'redis-cluster', { current: redisLog(o) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/CROSSSLOT|same (hash )?slot|hash slot/i, /revision 58|2\.19\.0|MGET/i],
      facts: [/CROSSSLOT/, /mget/i, /redis-cluster/],
      never: [/redis-cluster[^\n]*(down|unhealthy|crash|failover|failed over|restart)/i, /\bOOM/, /ECONNREFUSED|connection refused/i, /network ?polic/i, /checkout/],
    },
  };
}

// ---- 4. an int4 id sequence at 2147483647 --------------------------------------------------------

function int4SequenceExhausted(): CorpusScenario {
  const ns = 'integrations';
  const { nodes, names } = threeEksNodes('10.0.210', ['22', '87', '164']);
  const image = (v: string) => `${ECR}/integrations/webhook-receiver:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), command: ['gunicorn'], args: ['webhook_receiver.main:app', '-k', 'uvicorn.workers.UvicornWorker', '-w', '4', '-b', '0.0.0.0:8000'], ports: [8000], cpu: '500m', memory: '512Mi',
      env: [
        { name: 'DATABASE_URL', value: 'postgresql+psycopg2://webhooks@integrations-pg.integrations.svc.cluster.local:5432/integrations' },
        { name: 'DB_POOL_SIZE', value: '10' },
        { name: 'LOG_LEVEL', value: 'INFO' },
      ],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/livez', 8000, { initialDelaySeconds: 15 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'webhook-receiver',
    replicas: 3,
    revisions: [
      { revision: 20, createdAgo: 41 * DAYS, changeCause: 'argocd: webhook-receiver 5.8.0', template: tpl('5.8.0') },
      { revision: 21, createdAgo: 13 * DAYS, changeCause: 'argocd: webhook-receiver 5.8.1', template: tpl('5.8.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 21, node: names[k] ?? '', createdAgo: 13 * DAYS - k })),
    settled: { available: true, availableSince: 13 * DAYS - 3, progressingSince: 13 * DAYS, progressingUpdatedAgo: 13 * DAYS - 3 },
  });
  const pgImage = 'docker.io/library/postgres:15.8-bookworm';
  const pg = statefulSetApp({
    namespace: ns,
    name: 'integrations-pg',
    replicas: 1,
    revisions: [{ revision: 2, createdAgo: 210 * DAYS, template: { containers: [container({ name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi', env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }], readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 }, liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 2, ordinal: 0, node: names[1] ?? '', createdAgo: 34 * DAYS }],
  });
  const pgPod = podOf(pg, 0);
  const claim = boundClaim({ namespace: ns, name: 'data-integrations-pg-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 210 * DAYS });
  const other = bystander(ns, 'webhook-dispatcher', names, 36, { revisions: [63, 64], versions: ['3.2.7', '3.3.0'], olderAgo: 9 * DAYS });
  const seqErr = 'nextval: reached maximum value of sequence "webhook_deliveries_id_seq" (2147483647)';
  const partners = ['stripe-connect', 'shopify', 'adyen', 'zendesk'];
  const events = ['charge.succeeded', 'orders/create', 'AUTHORISATION', 'ticket.updated'];
  const recvLog = (p: k8s.V1Pod, k: number): string => {
    const out: string[] = [
      `[${pyTime(13 * DAYS - k - 0.4).slice(0, 19)} +0000] [1] [INFO] Starting gunicorn 22.0.0`,
      `[${pyTime(13 * DAYS - k - 0.4).slice(0, 19)} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${pyTime(13 * DAYS - k - 0.3)} INFO [webhook_receiver.main] webhook-receiver 5.8.1 ready, db pool_size=10`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = 50 - i * 5.5 - k * 0.2;
      const partner = partners[(i + k) % 4] ?? 'shopify';
      const ev = events[(i + k) % 4] ?? 'orders/create';
      out.push(
        `${pyTime(t)} ERROR [webhook_receiver.api.hooks] delivery from partner=${partner} event=${ev} not persisted, answering 500`,
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 1967, in _exec_single_context',
        '    self.dialect.do_execute(',
        '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/default.py", line 924, in do_execute',
        '    cursor.execute(statement, parameters)',
        `psycopg2.errors.SequenceGeneratorLimitExceeded: ${seqErr}`,
        '',
        '',
        'The above exception was the direct cause of the following exception:',
        '',
        'Traceback (most recent call last):',
        '  File "/app/webhook_receiver/api/hooks.py", line 88, in receive',
        '    await store.save_delivery(partner, event, payload)',
        '  File "/app/webhook_receiver/store.py", line 41, in save_delivery',
        '    session.flush()',
        `sqlalchemy.exc.DataError: (psycopg2.errors.SequenceGeneratorLimitExceeded) ${seqErr}`,
        '',
        '[SQL: INSERT INTO webhook_deliveries (partner_id, event_type, payload, signature_ok, received_at) VALUES (%(partner_id)s, %(event_type)s, %(payload)s, %(signature_ok)s, %(received_at)s) RETURNING webhook_deliveries.id]',
        `[parameters: {'partner_id': '${partner}', 'event_type': '${ev}', 'payload': '{"id": "evt_${(99120 + i * 7 + k).toString(16)}", ...', 'signature_ok': True, 'received_at': datetime.datetime(2026, 11, 21, 2, ${String(24 + i * 5).padStart(2, '0')}, 11, 412000)}]`,
        '(Background on this error at: https://sqlalche.me/e/20/9h9h)',
        `10.0.${40 + k}.${17 + i}:0 - "POST /v1/hooks/${partner} HTTP/1.1" 500`,
      );
      if (i % 2 === 0) out.push(`10.0.7.${30 + i}:0 - "GET /v1/deliveries/${2147483000 + i * 61 + k}?include=payload HTTP/1.1" 200`);
    }
    return lines(...out);
  };
  const pgLog = lines(
    `${pgTime(34 * DAYS - 0.5)} [1] LOG:  database system is ready to accept connections`,
    `${pgTime(3 * HOURS)} [61] LOG:  checkpoint starting: time`,
    `${pgTime(3 * HOURS - 2.4)} [61] LOG:  checkpoint complete: wrote 18231 buffers (13.9%); 0 WAL file(s) added, 0 removed, 11 recycled; write=269.912 s, sync=0.041 s, total=270.113 s; sync files=88, longest=0.011 s, average=0.001 s; distance=182114 kB, estimate=190288 kB`,
    `${pgTime(71)} [48102] LOG:  automatic vacuum of table "integrations.public.webhook_deliveries": index scans: 1`,
    ...[52, 44, 33, 22, 11, 2].flatMap((t, i) => [
      `${pgTime(t)} [${48211 + i * 3}] ERROR:  ${seqErr}`,
      `${pgTime(t)} [${48211 + i * 3}] STATEMENT:  INSERT INTO webhook_deliveries (partner_id, event_type, payload, signature_ok, received_at) VALUES ($1, $2, $3, $4, $5) RETURNING webhook_deliveries.id`,
    ]),
  );
  return {
    id: 'heldout36-postgres-int4-sequence-exhausted',
    class: 'capacity',
    truth: 'The webhook_deliveries table\'s id column is an int4 serial; its sequence webhook_deliveries_id_seq reached 2147483647 about 52 minutes ago, so every INSERT fails with "nextval: reached maximum value of sequence \\"webhook_deliveries_id_seq\\" (2147483647)" and webhook-receiver answers partners\' deliveries with 500, while reads (GET /v1/deliveries) and its readiness still work. Nothing changed in the cluster: the last rollout was 13 days ago and Postgres is healthy. Fix: migrate the column and the sequence to bigint (ALTER SEQUENCE webhook_deliveries_id_seq AS bigint MAXVALUE 9223372036854775807; ALTER TABLE webhook_deliveries ALTER COLUMN id TYPE bigint, with the foreign keys) and let the partners\' retries replay the lost deliveries.',
    ask: { service: 'webhook-receiver', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...pg.objects, ...claim, ...other.objects,
      ...exposed({ namespace: ns, name: 'webhook-receiver', selector: { app: 'webhook-receiver' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'integrations-pg', selector: { app: 'integrations-pg' }, pods: pg.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'webhook-dispatcher', selector: { app: 'webhook-dispatcher' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 64), 2, 0, 36),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 63), 0, 2, 34),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: recvLog(p, k) })),
      logsFor(pgPod, 'postgres', { current: pgLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/webhook_deliveries/, /2147483647|bigint|int4|maximum value/i],
      facts: [lit('webhook_deliveries_id_seq'), /2147483647/, /bigint/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /disk (is )?full|no space|storage full/i, /integrations-pg[^\n]*(down|unreachable|crash|unhealthy)/i, /webhook-dispatcher/],
    },
  };
}

// ---- 5. a partner's sunset API version: 410 Gone -------------------------------------------------

function partnerApiVersionSunset(): CorpusScenario {
  const ns = 'logistics';
  const { nodes, names } = threeEksNodes('10.0.57', ['61', '129', '244']);
  const image = (v: string) => `${ECR}/logistics/shipping-rates:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '300m', memory: '384Mi',
      env: [
        { name: 'ASPNETCORE_URLS', value: 'http://+:8080' },
        { name: 'DOTNET_gcServer', value: '0' },
      ],
      envFrom: [{ configMapRef: { name: 'shipping-rates-config' } }],
      readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shipping-rates',
    replicas: 3,
    revisions: [
      { revision: 32, createdAgo: 40 * DAYS, changeCause: 'argocd: shipping-rates 7.3.2', template: tpl('7.3.2') },
      { revision: 33, createdAgo: 17 * DAYS, changeCause: 'argocd: shipping-rates 7.4.0', template: tpl('7.4.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 33, node: names[k] ?? '', createdAgo: 17 * DAYS - k })),
    settled: { available: true, availableSince: 17 * DAYS - 3, progressingSince: 17 * DAYS, progressingUpdatedAgo: 17 * DAYS - 3 },
  });
  const cfg = configMap({
    namespace: ns,
    name: 'shipping-rates-config',
    createdAgo: 200 * DAYS,
    updatedAgo: 17 * DAYS,
    data: {
      Carriers__ParcelNet__BaseUrl: 'https://api.parcelnet.io/v1/',
      Carriers__ParcelNet__TimeoutSeconds: '5',
      Carriers__Dhl__BaseUrl: 'https://express.api.dhl.com/mydhlapi/',
      Carriers__Ups__BaseUrl: 'https://onlinetools.ups.com/api/rating/v2403/',
      Logging__Console__FormatterName: 'simple',
    },
  });
  const other = bystander(ns, 'label-printer', names, 28, { revisions: [14, 15], versions: ['2.0.9', '2.1.0'], olderAgo: 25 * DAYS });
  const sunsetBody = '{"type":"https://developer.parcelnet.io/errors/version-sunset","title":"API version retired","status":410,"detail":"API v1 was sunset on 2026-11-21T00:00:00Z and no longer serves requests. Migrate to /v3/rates: https://developer.parcelnet.io/migrate/v1-to-v3"}';
  const ratesLog = (k: number): string => {
    const out: string[] = [
      `${at(17 * DAYS - k - 0.4)} info: Microsoft.Hosting.Lifetime[14] Now listening on: http://[::]:8080`,
      `${at(17 * DAYS - k - 0.4)} info: Microsoft.Hosting.Lifetime[0] Application started. Press Ctrl+C to shut down.`,
      `${at(2 * DAYS + 40 - k)} warn: ShippingRates.Carriers.ParcelNet.ParcelNetClient[2001] ParcelNet answered with Deprecation: @1735689600, Sunset: Sat, 21 Nov 2026 00:00:00 GMT, Link: <https://developer.parcelnet.io/migrate/v1-to-v3>; rel="deprecation" for POST /v1/rates`,
      `${at(5 * HOURS + k)} info: System.Net.Http.HttpClient.ParcelNet.LogicalHandler[101] End processing HTTP request after 212.4ms - 200`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 190 - i * 19 - k * 0.3;
      out.push(
        `${at(t)} info: System.Net.Http.HttpClient.ParcelNet.LogicalHandler[100] Start processing HTTP request POST https://api.parcelnet.io/v1/rates`,
        `${at(t - 0.001)} info: System.Net.Http.HttpClient.ParcelNet.LogicalHandler[101] End processing HTTP request after ${(61 + i * 3.1).toFixed(1)}ms - 410`,
        `${at(t - 0.002)} fail: ShippingRates.Carriers.ParcelNet.ParcelNetClient[2003] ParcelNet rate request for shipment shp_${(7711220 + i * 97 + k).toString()} failed: 410 (Gone) ${sunsetBody}`,
        `${at(t - 0.002)} fail: ShippingRates.Api.RatesController[3001] Carrier ParcelNet unavailable, returning quotes without it`,
        `      System.Net.Http.HttpRequestException: Response status code does not indicate success: 410 (Gone).`,
        `         at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()`,
        `         at ShippingRates.Carriers.ParcelNet.ParcelNetClient.GetRatesAsync(RateRequest request, CancellationToken ct) in /src/ShippingRates/Carriers/ParcelNet/ParcelNetClient.cs:line 74`,
      );
      if (i % 3 === 0) out.push(`${at(t - 0.01)} info: System.Net.Http.HttpClient.Dhl.LogicalHandler[101] End processing HTTP request after ${(180 + i * 4).toFixed(1)}ms - 200`);
      if (i === 4 && k === 1) out.push(`${at(t - 0.02)} warn: ShippingRates.Carriers.Ups.UpsClient[2101] UPS rating throttled: 429 (Too Many Requests), retry in 1s`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout36-partner-api-v1-sunset-410',
    class: 'config',
    truth: 'ParcelNet retired its v1 API at 2026-11-21 00:00 UTC as announced by the Deprecation/Sunset headers it had been sending for weeks; since then every POST https://api.parcelnet.io/v1/rates from shipping-rates answers 410 Gone with a body saying v1 was sunset and pointing to /v3/rates, so checkout shows no ParcelNet quotes. Nothing changed on our side (revision 33 is 17 days old, pods healthy, DHL and UPS calls succeed). Fix: ship a shipping-rates release that calls ParcelNet\'s v3 rates API (and its new request/response shape), then update Carriers__ParcelNet__BaseUrl; rolling back cannot help.',
    ask: { service: 'shipping-rates', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cfg,
      ...exposed({ namespace: ns, name: 'shipping-rates', selector: { app: 'shipping-rates' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'label-printer', selector: { app: 'label-printer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 15), 2, 0, 28),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 14), 0, 2, 26),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: ratesLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/410|Gone|sunset/i, /parcelnet|\bv1\b/i],
      facts: [/410/, /sunset/i, /v3/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /\bDNS\b|network ?polic|egress/i, /(readiness|liveness) probe/i, /label-printer/, /\bUPS\b[^\n]*(cause|throttl)/i],
    },
  };
}

// ---- 6. a Service selector that carries pod-template-hash ----------------------------------------

function serviceSelectorPodTemplateHash(): CorpusScenario {
  const ns = 'discovery';
  const { nodes, names } = threeEksNodes('10.0.120', ['5', '99', '188']);
  const image = (v: string) => `${ECR}/discovery/search-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '512Mi',
      env: [{ name: 'RUST_LOG', value: 'info,actix_web=info' }, { name: 'OPENSEARCH_URL', value: 'https://search-os.discovery.svc.cluster.local:9200' }],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/live', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'search-api',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 34 * DAYS, changeCause: 'argocd: search-api 0.41.3', template: tpl('0.41.3') },
      { revision: 12, createdAgo: 23, changeCause: 'argocd: search-api 0.42.0', template: tpl('0.42.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 22.8 - k * 0.6 })),
  });
  const oldHash = hashOfRs(app, 'search-api', 11);
  const svc = service({ namespace: ns, name: 'search-api', selector: { app: 'search-api', 'pod-template-hash': oldHash }, createdAgo: 33 * DAYS });
  const slice = endpointSliceFor(svc, app.pods);
  const endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'search-api', namespace: ns, uid: uidOf(`endpoints/${ns}/search-api`), creationTimestamp: ago(33 * DAYS), labels: { app: 'search-api' } } };
  const storefrontImage = `${ECR}/discovery/storefront-bff:5.12.1`;
  const storefront = deploymentApp({
    namespace: ns,
    name: 'storefront-bff',
    replicas: 2,
    revisions: [{ revision: 88, createdAgo: 3 * DAYS, changeCause: 'argocd: storefront-bff 5.12.1', template: { containers: [container({ image: storefrontImage, ports: [3000], env: [{ name: 'SEARCH_API_URL', value: 'http://search-api.discovery.svc.cluster.local' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000) })] } }],
    pods: [0, 1].map((k) => ({ revision: 88, node: names[k + 1] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const clusterIp = svc.spec?.clusterIP ?? '';
  const bffLog = (p: k8s.V1Pod, k: number): string => {
    const out: string[] = [`{"level":30,"time":${epochMs(3 * DAYS - k - 0.3)},"pid":1,"hostname":"${nameOf(p)}","msg":"storefront-bff 5.12.1 listening on :3000"}`];
    for (let i = 0; i < 10; i++) {
      const t = 21 - i * 2.1 - k * 0.1;
      out.push(`{"level":50,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(p)}","reqId":"r-${(7100 + i * 17 + k).toString(36)}","upstream":"search-api","err":{"type":"Error","message":"connect ECONNREFUSED ${clusterIp}:80","code":"ECONNREFUSED","errno":-111,"syscall":"connect","address":"${clusterIp}","port":80},"msg":"search request failed"}`);
      out.push(`{"level":30,"time":${epochMs(t - 0.001)},"pid":1,"hostname":"${nameOf(p)}","reqId":"r-${(7100 + i * 17 + k).toString(36)}","res":{"statusCode":503},"responseTime":${(1.2 + (i % 3) * 0.3).toFixed(1)},"msg":"request completed"}`);
    }
    return lines(...out);
  };
  const searchLog = (k: number): string => lines(
    `[${at(22.6 - k * 0.6).slice(0, 19)}Z INFO  search_api] search-api 0.42.0 starting, opensearch=https://search-os.discovery.svc.cluster.local:9200`,
    `[${at(22.6 - k * 0.6).slice(0, 19)}Z INFO  actix_server::builder] starting 4 workers`,
    `[${at(22.6 - k * 0.6).slice(0, 19)}Z INFO  actix_server::server] Actix runtime found; starting in Actix runtime`,
    `[${at(2 + k).slice(0, 19)}Z INFO  actix_web::middleware::logger] 10.0.120.${5 + k} "GET /ready HTTP/1.1" 200 2 "-" "kube-probe/1.30" 0.000211`,
    `[${at(1 + k).slice(0, 19)}Z INFO  actix_web::middleware::logger] 10.0.120.${5 + k} "GET /live HTTP/1.1" 200 2 "-" "kube-probe/1.30" 0.000187`,
  );
  const dep = deploymentOf(app);
  return {
    id: 'heldout36-service-selector-pod-template-hash',
    class: 'network',
    truth: `The search-api Service was created 33 days ago with a selector copied from a running pod's labels, including pod-template-hash=${oldHash} (revision 11's ReplicaSet). It worked until revision 12 (0.42.0) rolled out 23 minutes ago: its pods are Ready but carry pod-template-hash=${hashOfRs(app, 'search-api', 12)}, so the Service selects no pod, its EndpointSlice is empty and callers (storefront-bff) get ECONNREFUSED on the cluster IP and answer 503. Revision 12 itself is fine. Fix: remove pod-template-hash from the Service's selector (app: search-api only); rolling back would only hide it until the next rollout.`,
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...storefront.objects, svc, slice, endpoints,
      ...exposed({ namespace: ns, name: 'storefront-bff', selector: { app: 'storefront-bff' }, pods: storefront.pods, endpointPort: 3000 }),
      scaledReplicaSet(dep, rsOf(app, 12), 1, 0, 23),
      scaledReplicaSet(dep, rsOf(app, 11), 2, 3, 22.4),
      scaledReplicaSet(dep, rsOf(app, 12), 2, 1, 22.3),
      scaledReplicaSet(dep, rsOf(app, 11), 1, 2, 21.7),
      scaledReplicaSet(dep, rsOf(app, 12), 3, 2, 21.6),
      scaledReplicaSet(dep, rsOf(app, 11), 0, 1, 21.1),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('0.42.0'), 22.8 - k * 0.6)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: searchLog(k) })),
      ...storefront.pods.map((p, k) => logsFor(p, 'app', { current: bffLog(p, k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pod-template-hash/],
      facts: [lit(oldHash), /revision 12|0\.42\.0/, /ECONNREFUSED|connection refused|no (ready )?endpoints?|0 endpoints|empty/i],
      never: [NO_ROLLBACK_ADVICE, /\bOOM/, /crash ?loop/i, /(readiness|liveness) probe/i, /network ?polic/i, /storefront-bff[^\n]*(cause|broken|misconfigur)/i],
    },
  };
}

// ---- 7. healthy: startup probe failures of a JVM boot after a completed rollout ------------------

function healthyStartupProbeNoise(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.176', ['12', '90', '251']);
  const image = (v: string) => `${ECR}/billing/statement-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '1', cpuLimit: '2', memory: '2Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+UseG1GC' },
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://billing-db.cluster-cq81kx7zp2.eu-west-1.rds.amazonaws.com:5432/billing' },
      ],
      startup: httpProbe('/actuator/health/liveness', 'management', { periodSeconds: 5, failureThreshold: 36 }),
      readiness: httpProbe('/actuator/health/readiness', 'management', { periodSeconds: 5 }),
      liveness: httpProbe('/actuator/health/liveness', 'management', { periodSeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'statement-service',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 87, createdAgo: 8 * DAYS, changeCause: 'argocd: statement-service 12.6.1', template: tpl('12.6.1') },
      { revision: 88, createdAgo: 38, changeCause: 'argocd: statement-service 12.7.0', template: tpl('12.7.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 88, node: names[k % 3] ?? '', createdAgo: 37.8 - k * 1.1 })),
  });
  const dep = deploymentOf(app);
  const bootEvents = app.pods.flatMap((p, k) => {
    const t = 37.8 - k * 1.1;
    const ip = ipOfPod(p);
    return [
      ...startedNormally(p, 'app', image('12.7.0'), t),
      probeFailed(p, 'app', 'Startup', `Get "http://${ip}:8081/actuator/health/liveness": dial tcp ${ip}:8081: connect: connection refused`, { count: 8 + (k % 3), firstAgo: t - 0.1, lastAgo: t - 0.75 }),
    ];
  });
  const scaling = [0, 1, 2, 3].flatMap((k) => [
    scaledReplicaSet(dep, rsOf(app, 88), k + 1, k, 38 - k * 1.1),
    scaledReplicaSet(dep, rsOf(app, 87), 3 - k, 4 - k, 37 - k * 1.1),
  ]);
  const log = (k: number): string => {
    const t = 37.7 - k * 1.1;
    return lines(
      'OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes because bootstrap classpath has been appended',
      'Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75 -XX:+UseG1GC',
      `${at(t)}  INFO 1 --- [statement-service] [           main] c.a.b.s.StatementServiceApplication      : Starting StatementServiceApplication v12.7.0 using Java 21.0.5 with PID 1`,
      `${at(t - 0.3)}  WARN 1 --- [statement-service] [           main] JpaBaseConfiguration$JpaWebConfiguration : spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view rendering. Explicitly configure spring.jpa.open-in-view to disable this warning`,
      `${at(t - 0.4)}  INFO 1 --- [statement-service] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.`,
      `${at(t - 0.55)}  WARN 1 --- [statement-service] [           main] o.s.b.a.m.e.EndpointId                   : Endpoint ID 'statement-exports' contains invalid characters, please migrate to a valid format.`,
      `${at(t - 0.8)}  INFO 1 --- [statement-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8081 (http) with context path '/'`,
      `${at(t - 0.8)}  INFO 1 --- [statement-service] [           main] c.a.b.s.StatementServiceApplication      : Started StatementServiceApplication in ${(44.1 + k * 1.7).toFixed(3)} seconds (process running for ${(47.9 + k * 1.7).toFixed(3)})`,
      `${at(6 - k)}  INFO 1 --- [statement-service] [nio-8080-exec-${3 + k}] c.a.b.s.api.StatementController          : GET /v2/statements/acct_${4410 + k}/2026-10 200 in 38 ms`,
      `${at(1.5 - k * 0.2)}  INFO 1 --- [statement-service] [nio-8080-exec-${7 + k}] c.a.b.s.api.StatementController          : GET /v2/statements/acct_${5120 + k}/2026-10 200 in 41 ms`,
    );
  };
  return {
    id: 'heldout36-healthy-startup-probe-during-jvm-boot',
    class: 'healthy',
    truth: 'statement-service 12.7.0 (revision 88) rolled out 38 minutes ago and completed: 4/4 pods Ready, no restarts, requests answered in ~40 ms. Each new pod logged 8–10 "Startup probe failed … connection refused" warnings while the JVM booted for ~45–50 s, which is what the startup probe (period 5 s, failureThreshold 36, i.e. 3 minutes) is for; plus benign Spring warnings (open-in-view, CDS sharing). Nothing to do.',
    ask: { service: 'statement-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...bootEvents, ...scaling,
      ...exposed({ namespace: ns, name: 'statement-service', selector: { app: 'statement-service' }, pods: app.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/statement-service/],
      facts: [/\b4\/4\b|4 of 4|all 4/i],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK, /(raise|increase|lengthen|extend)[^\n]*(startup|failureThreshold|initialDelaySeconds|probe)/i, /open-in-view/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  httpClientDefaultMaxPerRoute(),
  certificateNameMismatch(),
  redisClusterCrossSlot(),
  int4SequenceExhausted(),
  partnerApiVersionSunset(),
  serviceSelectorPodTemplateHash(),
  healthyStartupProbeNoise(),
];
