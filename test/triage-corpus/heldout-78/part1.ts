// Held-out stories, seventy-eighth round, part one (written blind):
// 1. checkout's calls to inventory fail with 503 because an Istio DestinationRule cut inventory's
//    connectionPool http1MaxPendingRequests to 1: checkout's istio-proxy logs response flag UO
//    (upstream overflow) while the inventory pods are healthy and idle.
// 2. order-service revision 19 renamed its Kafka topic orders → orders-v2, the brokers run with
//    auto.create.topics.enable=false, so every send times out: "Topic orders-v2 not present in
//    metadata after 60000 ms."
// 3. A ConfigMap edit set wallet-api's DB_ISOLATION_LEVEL to SERIALIZABLE; under concurrent
//    transfers Postgres aborts with SQLSTATE 40001 "could not serialize access due to read/write
//    dependencies among transactions", the app's three retries run out and clients get 409/500s.
// 4. peak-scaler, a controller scaled back up from 0 after a year, authenticates with a legacy
//    long-lived ServiceAccount token Secret (secret volume) that the legacy token cleaner
//    invalidated as unused: every API call gets 401 Unauthorized and it exits on cache sync.
// 5. profile-api revision 13 added https://+:8443 to ASPNETCORE_URLS with no certificate: Kestrel
//    exits at start ("Unable to configure HTTPS endpoint. No server certificate was specified…").
// 6. dispatch revision 28 lowered its gRPC keepalive time to 10s, below geo-index's enforcement
//    minimum: the server sends GOAWAY ENHANCE_YOUR_CALM "too_many_pings" and dispatch's calls fail
//    intermittently with Unavailable.
// 7. Healthy control: a Redis session cache whose logs carry the "Memory overcommit must be
//    enabled!" startup warning and routine background saves.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, deploymentApp, event, exposed, httpProbe,
  pulledFresh, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, statefulSetApp, tcpProbe, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const p2 = (n: number, w = 2): string => String(n).padStart(w, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** klog's header: `E1121 03:12:41.563210       1 file.go:42] `. */
function klog(level: 'I' | 'W' | 'E' | 'F', minutes: number, file: string, msg: string): string {
  const d = ago(minutes);
  const us = d.getUTCMilliseconds() * 1000 + 210;
  return `${level}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${p2(us, 6)}       1 ${file}] ${msg}`;
}
/** Go's log package / grpclog: `2026/11/21 03:12:41`. */
const goLogTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Redis: `21 Nov 2026 03:12:41.563`. */
function redisTime(minutes: number): string {
  const d = ago(minutes);
  return `${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${p2(d.getUTCMilliseconds(), 3)}`;
}
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');

// ---- 1. Istio circuit breaking: http1MaxPendingRequests lowered, UO in the client's sidecar ---------

function istioUpstreamOverflow(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '203']);
  const proxyImage = 'docker.io/istio/proxyv2:1.23.2';
  const proxy = container({
    name: 'istio-proxy', image: proxyImage, args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local', '--proxyLogLevel=warning', '--log_output_level=default:info'],
    ports: [{ name: 'http-envoy-prom', containerPort: 15090 }], cpu: '100m', memory: '128Mi', memoryLimit: '1Gi',
    readiness: httpProbe('/healthz/ready', 15021, { periodSeconds: 15, failureThreshold: 4 }), liveness: null,
  });
  const mesh = { annotations: { 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"]}', 'kubectl.kubernetes.io/default-container': 'app' }, labels: { 'security.istio.io/tlsMode': 'istio' } };
  const coImage = (v: string) => `${ECR}/shop/checkout:${v}`;
  const coTpl = (v: string) => ({
    containers: [container({ image: coImage(v), ports: [8080], memory: '256Mi', env: [{ name: 'INVENTORY_URL', value: 'http://inventory.shop.svc.cluster.local:8080' }, { name: 'INVENTORY_TIMEOUT_MS', value: '2500' }], readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 10 }) }), proxy],
    annotations: mesh.annotations, labels: { ...mesh.labels, 'service.istio.io/canonical-name': 'checkout' },
  });
  const checkout = deploymentApp({
    namespace: ns, name: 'checkout', replicas: 3,
    revisions: [
      { revision: 54, createdAgo: 9 * DAYS, template: coTpl('3.18.0') },
      { revision: 55, createdAgo: 2 * DAYS + 5 * HOURS, changeCause: 'argocd: checkout 3.18.1', template: coTpl('3.18.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 55, node: names[k] ?? '', createdAgo: 2 * DAYS + 5 * HOURS - k, ...(k === 1 ? { containers: { app: running({ sinceAgo: 31 * HOURS, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 31 * HOURS, ranSeconds: 20 * HOURS } }) } } : {}) })),
    settled: { available: true, availableSince: 2 * DAYS + 5 * HOURS - 3, progressingSince: 2 * DAYS + 5 * HOURS },
  });
  const invImage = `${ECR}/shop/inventory:7.2.4`;
  const inventory = deploymentApp({
    namespace: ns, name: 'inventory', replicas: 3,
    revisions: [{ revision: 21, createdAgo: 13 * DAYS, changeCause: 'argocd: inventory 7.2.4', template: { containers: [container({ image: invImage, ports: [8080], memory: '384Mi' }), proxy], annotations: mesh.annotations, labels: { ...mesh.labels, 'service.istio.io/canonical-name': 'inventory' } } }],
    pods: [0, 1, 2].map((k) => ({ revision: 21, node: names[(k + 1) % 3] ?? '', createdAgo: 13 * DAYS - k })),
  });
  const other = bystander(ns, 'recommendations', names, 40, { revisions: [11, 12], versions: ['1.9.0', '1.9.1'], olderAgo: 20 * DAYS });
  const invIp = '172.20.41.118';
  const skus = ['SKU-10293', 'SKU-88410-BLK', 'SKU-55021', 'SKU-70033-M', 'SKU-31337', 'SKU-90871-XL'];
  const proxyLog = (k: number, pod: k8s.V1Pod) => {
    const out: string[] = [
      `${at(2 * DAYS + 5 * HOURS - k - 0.4)}\tinfo\tEnvoy proxy is ready`,
      `${at(26 * HOURS + k)}\twarning\tenvoy config external/envoy/source/extensions/config_subscription/grpc/grpc_stream.h:155\tStreamAggregatedResources gRPC config stream to xds-grpc closed: 13, \tthread=14`,
    ];
    for (let i = 0; i < 18; i++) {
      const t = 38 - i * 2.1 - k * 0.07;
      const sku = skus[(i + k) % skus.length] ?? 'SKU-1';
      const ok = i % 4 === 3;
      out.push(ok
        ? `[${at(t)}] "GET /v1/stock/${sku} HTTP/1.1" 200 - via_upstream - "-" 0 142 ${9 + i % 5} ${8 + i % 5} "-" "checkout/3.18.1" "5f1c${p2(i, 4)}-${k}a2e-4b1d-9c3e-7d21a8f0${p2(i, 4)}" "inventory.shop.svc.cluster.local:8080" "10.0.${20 + k}.${31 + i}:8080" outbound|8080||inventory.shop.svc.cluster.local 10.0.7.${40 + k}:51${p2(i)}2 ${invIp}:8080 ${pod.status?.podIP ?? ''}:4${p2(i, 4)} - default`
        : `[${at(t)}] "GET /v1/stock/${sku} HTTP/1.1" 503 UO upstream_reset_before_response_started{overflow} - "-" 0 81 0 - "-" "checkout/3.18.1" "5f1c${p2(i, 4)}-${k}a2e-4b1d-9c3e-7d21a8f0${p2(i, 4)}" "inventory.shop.svc.cluster.local:8080" "-" outbound|8080||inventory.shop.svc.cluster.local - ${invIp}:8080 ${pod.status?.podIP ?? ''}:4${p2(i, 4)} - default`);
    }
    return lines(...out);
  };
  const appLog = (k: number) => {
    const out: string[] = [`{"level":30,"time":"${at(2 * DAYS + 5 * HOURS - k - 0.5)}","msg":"checkout 3.18.1 listening on :8080"}`];
    for (let i = 0; i < 12; i++) {
      const t = 37.9 - i * 3.1 - k * 0.07;
      out.push(`{"level":50,"time":"${at(t)}","msg":"inventory reservation failed","orderId":"ord_${7731 + i * 13 + k}","upstream":"inventory","status":503,"body":"upstream connect error or disconnect/reset before headers. reset reason: overflow","attempt":3}`);
      out.push(`{"level":40,"time":"${at(t - 0.01)}","msg":"POST /api/checkout 503","duration_ms":${14 + i}}`);
    }
    out.push(`{"level":30,"time":"${at(0.5)}","msg":"GET /health/ready 200","duration_ms":1}`);
    return lines(...out);
  };
  const invLog = lines(
    `{"ts":"${at(13 * DAYS - 0.4)}","level":"info","msg":"inventory 7.2.4 started","port":8080,"db_pool":16}`,
    `{"ts":"${at(30)}","level":"info","msg":"GET /v1/stock/SKU-10293","status":200,"dur_ms":7}`,
    `{"ts":"${at(12)}","level":"info","msg":"GET /v1/stock/SKU-55021","status":200,"dur_ms":6}`,
    `{"ts":"${at(2)}","level":"info","msg":"stats","inflight":0,"rps_1m":1.4,"p99_ms":11,"db_pool_in_use":1}`,
  );
  return {
    id: 'heldout78-istio-pending-requests-overflow',
    class: 'network',
    truth: 'Forty minutes ago the mesh team applied a DestinationRule for inventory.shop.svc.cluster.local whose connectionPool sets http1MaxPendingRequests: 1 (and maxRequestsPerConnection: 1). checkout\'s Envoy sidecar now rejects most requests to inventory locally: its access log shows 503 with response flag UO (upstream overflow, reset reason overflow) and checkout returns 503s, while the inventory pods are healthy, idle and never see those requests. Fix: raise or remove the DestinationRule\'s connection-pool limits; neither checkout nor inventory needs a rollback or a restart.',
    ask: { service: 'checkout', namespace: ns },
    objects: [
      ...nodes, ...checkout.objects, ...inventory.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'checkout', selector: { app: 'checkout' }, pods: checkout.pods }),
      ...exposed({ namespace: ns, name: 'inventory', selector: { app: 'inventory' }, pods: inventory.pods, ports: [{ name: 'http', port: 8080, targetPort: 'http' }], clusterIP: invIp }),
      ...exposed({ namespace: ns, name: 'recommendations', selector: { app: 'recommendations' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 40),
    ],
    logs: [
      ...checkout.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...checkout.pods.map((p, k) => logsFor(p, 'istio-proxy', { current: proxyLog(k, p) })),
      ...inventory.pods.map((p) => logsFor(p, 'app', { current: invLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\bUO\b|overflow|circuit.?break|pending.?requests|connection.?pool/i],
      facts: [/inventory/, /\b503\b/, /istio|envoy|sidecar|DestinationRule/i],
      never: [/inventory[^\n]*(crash|not ready|unavailable pods|down\b|OOM)/i, ADVISES_ROLLBACK, /recommendations/],
    },
  };
}

// ---- 2. Kafka topic renamed, brokers refuse to auto-create it ----------------------------------------

function kafkaTopicRenamed(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.112', ['9', '161', '230']);
  const image = (v: string) => `${ECR}/orders/order-service:${v}`;
  const tpl = (v: string, topic: string) => ({
    containers: [container({
      image: image(v), ports: [8080], memory: '1Gi', cpu: '500m',
      env: [
        { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'kafka-0.kafka-headless.orders.svc:9092,kafka-1.kafka-headless.orders.svc:9092,kafka-2.kafka-headless.orders.svc:9092' },
        { name: 'ORDERS_TOPIC', value: topic },
        { name: 'SPRING_KAFKA_PRODUCER_PROPERTIES_MAX_BLOCK_MS', value: '60000' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'order-service', replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 6 * DAYS, changeCause: 'argocd: order-service 5.3.2', template: tpl('5.3.2', 'orders') },
      { revision: 19, createdAgo: 47, changeCause: 'argocd: order-service 5.4.0', template: tpl('5.4.0', 'orders-v2') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 46 - k * 1.5 })),
    settled: { available: true, availableSince: 42, progressingSince: 47, progressingUpdatedAgo: 42 },
  });
  const kImage = 'docker.io/bitnami/kafka:3.8.1';
  const kafka = statefulSetApp({
    namespace: ns, name: 'kafka', replicas: 3, serviceName: 'kafka-headless', createdAgo: 200 * DAYS,
    revisions: [{ revision: 4, createdAgo: 64 * DAYS, template: { containers: [container({ name: 'kafka', image: kImage, ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }], memory: '4Gi', cpu: '1', readiness: tcpProbe('client'), liveness: tcpProbe('controller', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'config', mountPath: '/opt/bitnami/kafka/config/server.properties', subPath: 'server.properties' }] })], volumes: [{ name: 'config', configMap: { name: 'kafka-config' } }] } }],
    pods: [0, 1, 2].map((o) => ({ revision: 4, ordinal: o, node: names[o] ?? '', createdAgo: 64 * DAYS - o * 3 })),
  });
  const kafkaCm = configMap({ namespace: ns, name: 'kafka-config', createdAgo: 200 * DAYS, updatedAgo: 64 * DAYS, data: { 'server.properties': ['process.roles=broker,controller', 'listeners=CLIENT://:9092,CONTROLLER://:9093', 'num.partitions=6', 'default.replication.factor=3', 'min.insync.replicas=2', 'auto.create.topics.enable=false', 'delete.topic.enable=true', 'log.retention.hours=168', ''].join('\n') } });
  const other = bystander(ns, 'order-history', names, 3 * HOURS, { revisions: [30, 31], versions: ['2.0.7', '2.1.0'], olderAgo: 15 * DAYS });
  const jt = (t: number) => at(t);
  const log = (k: number) => {
    const start = 45 - k * 1.5;
    const out: string[] = [
      `${jt(start)}  INFO 1 --- [order-service] [           main] c.a.orders.OrderServiceApplication       : Starting OrderServiceApplication v5.4.0 using Java 21.0.5 with PID 1`,
      `${jt(start - 0.3)}  WARN 1 --- [order-service] [           main] o.a.k.clients.producer.ProducerConfig    : These configurations '[spring.json.add.type.headers]' were supplied but are not used yet.`,
      `${jt(start - 0.5)}  INFO 1 --- [order-service] [           main] o.a.k.clients.producer.KafkaProducer     : [Producer clientId=order-service-producer-1] Instantiated an idempotent producer.`,
      `${jt(start - 0.6)}  INFO 1 --- [order-service] [           main] c.a.orders.OrderServiceApplication       : Started OrderServiceApplication in 14.212 seconds (process running for 15.03)`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = start - 2 - i * 4.1;
      const id = 4_410_230 + i * 17 + k * 3;
      out.push(`${jt(t)}  WARN 1 --- [order-service] [vice-producer-1] org.apache.kafka.clients.NetworkClient   : [Producer clientId=order-service-producer-1] Error while fetching metadata with correlation id ${120 + i * 9} : {orders-v2=UNKNOWN_TOPIC_OR_PARTITION}`);
      out.push(`${jt(t - 1)} ERROR 1 --- [order-service] [nio-8080-exec-${(i % 9) + 1}] c.a.orders.events.OrderEventPublisher    : Failed to publish OrderCreated for order ${id} to topic orders-v2`,
        `org.springframework.kafka.KafkaException: Send failed`,
        `\tat org.springframework.kafka.core.KafkaTemplate.doSend(KafkaTemplate.java:868)`,
        `\tat org.springframework.kafka.core.KafkaTemplate.send(KafkaTemplate.java:478)`,
        `\tat com.acme.orders.events.OrderEventPublisher.publish(OrderEventPublisher.java:41)`,
        `Caused by: org.apache.kafka.common.errors.TimeoutException: Topic orders-v2 not present in metadata after 60000 ms.`);
      out.push(`${jt(t - 1.01)} ERROR 1 --- [order-service] [nio-8080-exec-${(i % 9) + 1}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.kafka.KafkaException: Send failed] with root cause`);
    }
    return lines(...out);
  };
  const brokerLog = (o: number) => lines(
    `[${pgTime(64 * DAYS - o * 3 - 0.5).replace(' UTC', '').replace('.', ',')}] INFO [KafkaRaftServer nodeId=${o}] Kafka Server started (kafka.server.KafkaRaftServer)`,
    `[${pgTime(20 * HOURS).replace(' UTC', '').replace('.', ',')}] WARN [ReplicaFetcher replicaId=${o}, leaderId=${(o + 1) % 3}, fetcherId=0] Error in response for fetch request (type=FetchRequest, replicaId=${o}, maxWait=500, minBytes=1, maxBytes=10485760) (kafka.server.ReplicaFetcherThread)`,
    `[${pgTime(9).replace(' UTC', '').replace('.', ',')}] INFO [GroupCoordinator ${o}]: Member order-history-consumer-1 in group order-history has left (kafka.coordinator.group.GroupCoordinator)`,
  );
  return {
    id: 'heldout78-kafka-topic-renamed-no-autocreate',
    class: 'config',
    truth: 'order-service revision 19 (5.4.0, 47 minutes ago) changed ORDERS_TOPIC from orders to orders-v2, but nobody created orders-v2 and the brokers run with auto.create.topics.enable=false (ConfigMap kafka-config). Every producer send blocks for max.block.ms and fails with "Topic orders-v2 not present in metadata after 60000 ms." (metadata says UNKNOWN_TOPIC_OR_PARTITION), so order creation returns 500s. The brokers are healthy. Fix: create the topic orders-v2 (or roll back to revision 18 / the old topic name).',
    ask: { service: 'order-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...kafka.objects, ...other.objects, kafkaCm,
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, pods: kafka.pods, headless: true, ports: [{ name: 'client', port: 9092, targetPort: 'client' }], endpointPort: 9092 }),
      ...exposed({ namespace: ns, name: 'order-history', selector: { app: 'order-history' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 3, 2, 42),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 1, 42),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 3 * HOURS),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      ...kafka.pods.map((p, o) => logsFor(p, 'kafka', { current: brokerLog(o) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/orders-v2/, /not present in metadata|UNKNOWN_TOPIC_OR_PARTITION|auto\.create\.topics|topic[^\n]*(missing|does not exist|not exist|absent)|(missing|nonexistent|non-existent) topic/i],
      facts: [/auto\.create\.topics\.enable|kafka-config/i, /revision 19|5\.4\.0|ORDERS_TOPIC/],
      never: [/\bOOM/, /kafka-\d[^\n]*(crash|down\b|not ready|unreachable)/i, /were supplied but are not used|order-history/i],
    },
  };
}

// ---- 3. SERIALIZABLE isolation from a ConfigMap edit: 40001 under concurrency -----------------------

function serializableIsolation(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '175', '240']);
  const image = `${ECR}/billing/wallet-api:2.9.3`;
  const tpl = (restartedAt?: string) => ({
    containers: [container({ image, ports: [8000], memory: '512Mi', envFrom: [{ configMapRef: { name: 'wallet-api-config' } }], env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'wallet-db', key: 'password' } } }], readiness: httpProbe('/readyz', 8000), liveness: httpProbe('/livez', 8000, { initialDelaySeconds: 10 }) })],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const app = deploymentApp({
    namespace: ns, name: 'wallet-api', replicas: 4,
    revisions: [
      { revision: 40, createdAgo: 11 * DAYS, changeCause: 'argocd: wallet-api 2.9.3', template: tpl() },
      { revision: 41, createdAgo: 52, template: tpl(at(52)) },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 41, node: names[k % 3] ?? '', createdAgo: 51.5 - k * 0.7 })),
    settled: { available: true, availableSince: 49, progressingSince: 52, progressingUpdatedAgo: 49 },
  });
  const cm = configMap({
    namespace: ns, name: 'wallet-api-config', createdAgo: 210 * DAYS, updatedAgo: 54,
    data: { DB_HOST: 'wallet-db.billing.svc.cluster.local', DB_NAME: 'wallet', DB_USER: 'wallet_app', DB_POOL_SIZE: '15', DB_ISOLATION_LEVEL: 'SERIALIZABLE', DB_RETRY_ATTEMPTS: '3', LOG_LEVEL: 'INFO', FX_RATES_URL: 'http://fx-rates.billing.svc.cluster.local' },
  });
  const pgImage = 'docker.io/library/postgres:16.4';
  const db = statefulSetApp({
    namespace: ns, name: 'wallet-db', replicas: 1, serviceName: 'wallet-db', createdAgo: 300 * DAYS,
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], memory: '4Gi', cpu: '2', readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 }, liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }) })] } }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 33 * DAYS }],
  });
  const fx = bystander(ns, 'fx-rates', names, 5 * HOURS, { revisions: [8, 9], versions: ['1.4.2', '1.5.0'], olderAgo: 30 * DAYS });
  const py = (t: number) => at(t).replace('T', ' ').replace('Z', '').replace('.', ',');
  const log = (k: number) => {
    const start = 51 - k * 0.7;
    const out: string[] = [
      `${py(start)} INFO [uvicorn.error] Started server process [1]`,
      `${py(start - 0.01)} INFO [wallet.db] engine ready host=wallet-db.billing.svc.cluster.local db=wallet pool_size=15 isolation_level=SERIALIZABLE`,
      `${py(start - 0.02)} INFO [uvicorn.error] Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)`,
      `${py(start - 0.5)} WARNING [wallet.fx] fx-rates responded slowly (1840 ms), using cached EUR/USD rate`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 44 - i * 3.5 - k * 0.05;
      const tr = `tr_${83_120 + i * 7 + k}`;
      out.push(`${py(t)} WARNING [wallet.db] serialization failure on attempt 1/3 for transfer ${tr}, retrying in 40ms`);
      out.push(`${py(t - 0.001)} WARNING [wallet.db] serialization failure on attempt 2/3 for transfer ${tr}, retrying in 80ms`);
      out.push(`${py(t - 0.003)} ERROR [wallet.api.transfers] transfer ${tr} failed after 3 attempts`,
        'Traceback (most recent call last):',
        '  File "/app/wallet/db.py", line 88, in run_in_transaction',
        '    await session.commit()',
        '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/ext/asyncio/session.py", line 1011, in commit',
        '    await greenlet_spawn(self.sync_session.commit)',
        'sqlalchemy.exc.OperationalError: (psycopg.errors.SerializationFailure) could not serialize access due to read/write dependencies among transactions',
        'DETAIL:  Reason code: Canceled on identification as a pivot, during commit attempt.',
        'HINT:  The transaction might succeed if retried.',
        '(Background on this error at: https://sqlalche.me/e/20/e3q8)');
      out.push(`${py(t - 0.004)} INFO [uvicorn.access] 10.0.${30 + i}.${12 + k}:0 - "POST /v1/transfers HTTP/1.1" ${i % 3 === 0 ? 500 : 409}`);
      out.push(`${py(t - 0.2)} INFO [uvicorn.access] 10.0.${31 + i}.${19 + k}:0 - "GET /v1/wallets/w_${5100 + i}/balance HTTP/1.1" 200`);
    }
    return lines(...out);
  };
  const dbLog = lines(
    `${pgTime(33 * DAYS - 0.5)} [1] LOG:  database system is ready to accept connections`,
    `${pgTime(19 * HOURS)} [61120] LOG:  checkpoint complete: wrote 18211 buffers (13.9%); 0 WAL file(s) added, 0 removed, 12 recycled; write=269.8 s, sync=0.012 s, total=269.9 s`,
    ...Array.from({ length: 8 }, (_, i) => [
      `${pgTime(44 - i * 5)} [${70_412 + i * 31}] wallet_app@wallet ERROR:  could not serialize access due to read/write dependencies among transactions`,
      `${pgTime(44 - i * 5)} [${70_412 + i * 31}] wallet_app@wallet DETAIL:  Reason code: Canceled on identification as a pivot, during commit attempt.`,
      `${pgTime(44 - i * 5)} [${70_412 + i * 31}] wallet_app@wallet HINT:  The transaction might succeed if retried.`,
      `${pgTime(44 - i * 5)} [${70_412 + i * 31}] wallet_app@wallet STATEMENT:  COMMIT`,
    ].join('\n')),
  );
  return {
    id: 'heldout78-postgres-serializable-isolation',
    class: 'config',
    truth: 'Fifty-four minutes ago someone edited ConfigMap wallet-api-config and set DB_ISOLATION_LEVEL to SERIALIZABLE (it was READ COMMITTED), then restarted wallet-api (revision 41, a rollout restart with the same image). Under concurrent transfers Postgres now aborts transactions with SQLSTATE 40001 "could not serialize access due to read/write dependencies among transactions"; the app\'s 3 retries are exhausted and POST /v1/transfers returns 409/500. Fix: set the isolation level back (or make the transfer path retry properly) and restart.',
    ask: { service: 'wallet-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...db.objects, ...fx.objects, cm,
      ...exposed({ namespace: ns, name: 'wallet-api', selector: { app: 'wallet-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'wallet-db', selector: { app: 'wallet-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: fx.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 4, 3, 49),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 0, 1, 49),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      logsFor(podOf(db, 0), 'postgres', { current: dbLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/SERIALIZABLE|serializ(e|ation|able)|isolation/i],
      facts: [/40001|could not serialize access/i, /wallet-api-config|DB_ISOLATION_LEVEL/],
      never: [/\bOOM/, /deadlock/i, /fx-rates[^\n]*(cause|slow|fail)/i],
    },
  };
}

// ---- 4. a legacy ServiceAccount token Secret invalidated by the cleaner: 401 Unauthorized -----------

function legacyTokenInvalidated(): CorpusScenario {
  const ns = 'platform';
  const { nodes, names } = threeEksNodes('10.0.48', ['12', '130', '219']);
  const image = `${ECR}/platform/peak-scaler:0.7.3`;
  const tpl = {
    serviceAccountName: 'peak-scaler',
    containers: [container({
      image, command: ['/peak-scaler'], args: ['--kubeconfig=/etc/peak-scaler/kubeconfig', '--leader-elect=true', '--leader-elect-resource-namespace=platform', '--v=2'],
      ports: [{ name: 'metrics', containerPort: 8080 }, { name: 'healthz', containerPort: 8081 }], cpu: '50m', memory: '128Mi',
      readiness: httpProbe('/readyz', 'healthz'), liveness: httpProbe('/healthz', 'healthz', { initialDelaySeconds: 15 }),
      volumeMounts: [{ name: 'kubeconfig', mountPath: '/etc/peak-scaler', readOnly: true }, { name: 'legacy-token', mountPath: '/var/run/secrets/peak-scaler', readOnly: true }],
    })],
    volumes: [{ name: 'kubeconfig', configMap: { name: 'peak-scaler-kubeconfig', defaultMode: 420 } }, { name: 'legacy-token', secret: { secretName: 'peak-scaler-token', defaultMode: 420 } }],
  };
  const app = deploymentApp({
    namespace: ns, name: 'peak-scaler', replicas: 1, createdAgo: 740 * DAYS,
    revisions: [{ revision: 9, createdAgo: 372 * DAYS, changeCause: 'helm upgrade peak-scaler 0.7.3', template: tpl }],
    pods: [{ revision: 9, node: names[1] ?? '', createdAgo: 26, containers: { app: crashLoop({ exitCode: 255, finishedAgo: 1.8, ranSeconds: 64 }, 8) } }],
    conditions: [
      { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: ago(26), lastTransitionTime: ago(26) },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "x" has successfully progressed.', lastUpdateTime: ago(340 * DAYS), lastTransitionTime: ago(372 * DAYS) },
    ],
  });
  const pod = podOf(app, 0);
  const progressing = (app.objects[0] as k8s.V1Deployment).status?.conditions?.[1];
  if (progressing) progressing.message = `ReplicaSet "${rsOf(app, 9)}" has successfully progressed.`;
  const kubeconfig = configMap({
    namespace: ns, name: 'peak-scaler-kubeconfig', createdAgo: 740 * DAYS,
    data: { kubeconfig: ['apiVersion: v1', 'kind: Config', 'clusters:', '- name: in-cluster', '  cluster:', '    server: https://kubernetes.default.svc', '    certificate-authority: /var/run/secrets/peak-scaler/ca.crt', 'users:', '- name: peak-scaler', '  user:', '    tokenFile: /var/run/secrets/peak-scaler/token', 'contexts:', '- name: default', '  context: {cluster: in-cluster, user: peak-scaler}', 'current-context: default', ''].join('\n') },
  });
  const other = bystander(ns, 'namespace-provisioner', names, 2 * DAYS, { revisions: [14, 15], versions: ['3.1.0', '3.2.0'], olderAgo: 40 * DAYS });
  const run = (t: number, fatal: boolean) => [
    klog('I', t, 'main.go:61', 'peak-scaler 0.7.3 (commit 4e1a9d0) starting'),
    klog('I', t - 0.001, 'main.go:74', '"Using kubeconfig" path="/etc/peak-scaler/kubeconfig" user="peak-scaler" tokenFile="/var/run/secrets/peak-scaler/token"'),
    klog('I', t - 0.002, 'leaderelection.go:254', 'attempting to acquire leader lease platform/peak-scaler...'),
    klog('E', t - 0.01, 'leaderelection.go:436', 'error retrieving resource lock platform/peak-scaler: Unauthorized'),
    klog('W', t - 0.02, 'reflector.go:561', 'k8s.io/client-go@v0.31.2/tools/cache/reflector.go:243: failed to list *v1.Node: Unauthorized'),
    klog('E', t - 0.021, 'reflector.go:158', '"Unhandled Error" err="k8s.io/client-go@v0.31.2/tools/cache/reflector.go:243: Failed to watch *v1.Node: failed to list *v1.Node: Unauthorized" logger="UnhandledError"'),
    klog('W', t - 0.3, 'reflector.go:561', 'k8s.io/client-go@v0.31.2/tools/cache/reflector.go:243: failed to list *v1.ConfigMap: Unauthorized'),
    klog('E', t - 0.5, 'leaderelection.go:436', 'error retrieving resource lock platform/peak-scaler: Unauthorized'),
    ...(fatal ? [klog('F', t - 1.05, 'main.go:132', 'timed out waiting for caches to sync: Unauthorized (401): the server has asked for the client to provide credentials')] : []),
  ];
  const previous = lines(...run(2.9, true));
  return {
    id: 'heldout78-legacy-sa-token-invalidated',
    class: 'config',
    truth: 'peak-scaler, a Black Friday pre-scaling controller, was scaled from 0 back to 1 twenty-six minutes ago after a year idle. It authenticates with a legacy long-lived ServiceAccount token Secret (peak-scaler-token, mounted as a secret volume and referenced by its kubeconfig\'s tokenFile), which the API server\'s legacy token cleaner (LegacyServiceAccountTokenCleanUp) marked invalid because it had not been used for a year. Every API call gets 401 Unauthorized and the controller exits (255) when its caches cannot sync. Fix: move to a projected (TokenRequest) token or remove the kubernetes.io/legacy-token-invalid-since label; RBAC is not the problem and nothing in a revision changed.',
    ask: { service: 'peak-scaler', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, kubeconfig,
      ...exposed({ namespace: ns, name: 'peak-scaler-metrics', selector: { app: 'peak-scaler' }, pods: app.pods, ports: [{ name: 'metrics', port: 8080, targetPort: 'metrics' }] }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 1, 0, 26),
      event({ on: { kind: 'ReplicaSet', name: rsOf(app, 9), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${pod.metadata?.name ?? ''}`, firstAgo: 26, lastAgo: 26, component: 'replicaset-controller' }),
      ...pulledFresh(pod, 'app', image, { atAgo: 26, bytes: 31_402_118, seconds: 3.204 }),
      ...restartedAgain(pod, 'app', image, { count: 9, firstAgo: 25.8, lastAgo: 2.95 }).slice(1),
      backOff(pod, 'app', { count: 31, firstAgo: 24.5, lastAgo: 0.4 }),
      event({ on: pod, reason: 'Unhealthy', message: `Readiness probe failed: HTTP probe failed with statuscode: 500`, count: 14, firstAgo: 25.5, lastAgo: 3, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [logsFor(pod, 'app', { previous })],
    expect: {
      verdict: 'problems',
      headline: [/Unauthorized|\b401\b|credential|token/i],
      facts: [lit('peak-scaler-token'), /legacy|long-lived|secret[- ]based|invalid/i],
      never: [/\bOOM/, /RBAC|forbidden|ClusterRole|RoleBinding|permission/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 5. ASP.NET Core: https in ASPNETCORE_URLS without a certificate -------------------------------

function kestrelHttpsNoCertificate(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.204', ['6', '118', '247']);
  const image = (v: string) => `${ECR}/identity/profile-api:${v}`;
  const tpl = (v: string, urls: string) => ({
    containers: [container({
      image: image(v), ports: urls.includes('https') ? [8080, { name: 'https', containerPort: 8443 }] : [8080], memory: '384Mi',
      env: [{ name: 'ASPNETCORE_URLS', value: urls }, { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }, { name: 'DOTNET_gcServer', value: '0' }, { name: 'ConnectionStrings__Profiles', value: 'Host=profiles-db.identity.svc;Database=profiles;Username=profile_api' }],
      readiness: httpProbe('/healthz/ready', 8080), liveness: httpProbe('/healthz/live', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'profile-api', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 12, createdAgo: 16 * DAYS, changeCause: 'argocd: profile-api 4.6.1', template: tpl('4.6.1', 'http://+:8080') },
      { revision: 13, createdAgo: 19, changeCause: 'argocd: profile-api 4.7.0', template: tpl('4.7.0', 'https://+:8443;http://+:8080') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 16 * DAYS - k })),
      { revision: 13, node: names[2] ?? '', createdAgo: 18.8, containers: { app: crashLoop({ exitCode: 134, finishedAgo: 1.4, ranSeconds: 1 }, 8) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'token-issuer', names, 70, { revisions: [40, 41], versions: ['9.0.2', '9.0.3'], olderAgo: 12 * DAYS });
  const crash = lines(
    'warn: Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository[60]',
    "      Storing keys in a directory '/home/app/.aspnet/DataProtection-Keys' that may not be persisted outside of the container. Protected data will be unavailable when container is destroyed. For more information go to https://aka.ms/aspnet/dataprotectionwarning",
    'warn: Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager[35]',
    '      No XML encryptor configured. Key {6b0e51c3-2f7a-4d8e-9a61-0c4f3e2b8d17} may be persisted to storage in unencrypted form.',
    'crit: Microsoft.AspNetCore.Server.Kestrel[0]',
    '      Unable to start Kestrel.',
    '      System.InvalidOperationException: Unable to configure HTTPS endpoint. No server certificate was specified, and the default developer certificate could not be found or is out of date.',
    "      To generate a developer certificate run 'dotnet dev-certs https'. To trust the certificate (Windows and macOS only) run 'dotnet dev-certs https --trust'.",
    '      For more information on configuring HTTPS see https://go.microsoft.com/fwlink/?linkid=848054.',
    '         at Microsoft.AspNetCore.Hosting.ListenOptionsHttpsExtensions.UseHttps(ListenOptions listenOptions, Action`1 configureOptions)',
    '         at Microsoft.AspNetCore.Hosting.ListenOptionsHttpsExtensions.UseHttps(ListenOptions listenOptions)',
    '         at Microsoft.AspNetCore.Server.Kestrel.Core.Internal.AddressBinder.AddressesStrategy.BindAsync(AddressBindContext context, CancellationToken cancellationToken)',
    '         at Microsoft.AspNetCore.Server.Kestrel.Core.Internal.AddressBinder.BindAsync(ListenOptions[] listenOptions, AddressBindContext context, Func`2 useHttps, CancellationToken cancellationToken)',
    '         at Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerImpl.BindAsync(CancellationToken cancellationToken)',
    '         at Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerImpl.StartAsync[TContext](IHttpApplication`1 application, CancellationToken cancellationToken)',
    'Unhandled exception. System.InvalidOperationException: Unable to configure HTTPS endpoint. No server certificate was specified, and the default developer certificate could not be found or is out of date.',
    "To generate a developer certificate run 'dotnet dev-certs https'. To trust the certificate (Windows and macOS only) run 'dotnet dev-certs https --trust'.",
    'For more information on configuring HTTPS see https://go.microsoft.com/fwlink/?linkid=848054.',
    '   at Microsoft.AspNetCore.Hosting.ListenOptionsHttpsExtensions.UseHttps(ListenOptions listenOptions, Action`1 configureOptions)',
    '   at Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerImpl.StartAsync[TContext](IHttpApplication`1 application, CancellationToken cancellationToken)',
    '   at Microsoft.AspNetCore.Hosting.GenericWebHostService.StartAsync(CancellationToken cancellationToken)',
    '   at Microsoft.Extensions.Hosting.Internal.Host.StartAsync(CancellationToken cancellationToken)',
    '   at Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.Run(IHost host)',
    '   at Program.<Main>$(String[] args) in /src/ProfileApi/Program.cs:line 71',
  );
  const oldLog = lines(
    'warn: Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository[60]',
    "      Storing keys in a directory '/home/app/.aspnet/DataProtection-Keys' that may not be persisted outside of the container. Protected data will be unavailable when container is destroyed. For more information go to https://aka.ms/aspnet/dataprotectionwarning",
    'info: Microsoft.Hosting.Lifetime[14]',
    '      Now listening on: http://[::]:8080',
    'info: Microsoft.Hosting.Lifetime[0]',
    '      Application started. Press Ctrl+C to shut down.',
    'info: Microsoft.Hosting.Lifetime[0]',
    '      Hosting environment: Production',
    'warn: Microsoft.EntityFrameworkCore.Query[20504]',
    "      Compiling a query which loads related collections for more than one collection navigation, either via 'Include' or through projection, but no 'QuerySplittingBehavior' has been configured.",
  );
  return {
    id: 'heldout78-kestrel-https-no-certificate',
    class: 'rollout',
    truth: 'profile-api revision 13 (4.7.0, 19 minutes ago) changed ASPNETCORE_URLS from http://+:8080 to https://+:8443;http://+:8080 without configuring a certificate (no Kestrel certificate path, no mounted cert). Kestrel fails at startup with "System.InvalidOperationException: Unable to configure HTTPS endpoint. No server certificate was specified, and the default developer certificate could not be found", the process aborts (exit 134) and the new pod crash-loops; the rollout is stuck with three revision-12 pods still serving. Fix: drop https from ASPNETCORE_URLS (TLS is terminated at the ingress) or mount a certificate; rolling back to revision 12 works.',
    ask: { service: 'profile-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'profile-api', selector: { app: 'profile-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'token-issuer', selector: { app: 'token-issuer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 13), 1, 0, 19),
      ...pulledFresh(fresh, 'app', image('4.7.0'), { atAgo: 18.8, bytes: 98_114_203, seconds: 5.911 }),
      ...restartedAgain(fresh, 'app', image('4.7.0'), { count: 9, firstAgo: 18.6, lastAgo: 1.45 }).slice(1),
      backOff(fresh, 'app', { count: 84, firstAgo: 18.4, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: oldLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/HTTPS|certificate/i],
      facts: [/ASPNETCORE_URLS|https:\/\/\+:8443|8443/, /Unable to configure HTTPS endpoint|No server certificate/i, /revision 13|4\.7\.0/],
      never: [/DataProtection|XML encryptor/i, /\bOOM/, /token-issuer/],
    },
  };
}

// ---- 6. gRPC keepalive below the server's minimum: GOAWAY ENHANCE_YOUR_CALM too_many_pings ---------

function grpcTooManyPings(): CorpusScenario {
  const ns = 'rides';
  const { nodes, names } = threeEksNodes('10.0.60', ['27', '144', '212']);
  const image = (v: string) => `${ECR}/rides/dispatch:${v}`;
  const tpl = (v: string, keepalive: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'grpc', containerPort: 9090 }], memory: '256Mi',
      env: [{ name: 'GEO_INDEX_ADDR', value: 'dns:///geo-index.rides.svc.cluster.local:9090' }, { name: 'GRPC_KEEPALIVE_TIME', value: keepalive }, { name: 'GRPC_KEEPALIVE_TIMEOUT', value: '5s' }, { name: 'GRPC_KEEPALIVE_PERMIT_WITHOUT_STREAM', value: 'true' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'dispatch', replicas: 3,
    revisions: [
      { revision: 27, createdAgo: 8 * DAYS, changeCause: 'argocd: dispatch 2.31.0', template: tpl('2.31.0', '5m') },
      { revision: 28, createdAgo: 64, changeCause: 'argocd: dispatch 2.32.0', template: tpl('2.32.0', '10s') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 28, node: names[k] ?? '', createdAgo: 63 - k })),
    settled: { available: true, availableSince: 60, progressingSince: 64, progressingUpdatedAgo: 60 },
  });
  const geoImage = `${ECR}/rides/geo-index:5.0.8`;
  const geo = deploymentApp({
    namespace: ns, name: 'geo-index', replicas: 3,
    revisions: [{ revision: 12, createdAgo: 21 * DAYS, changeCause: 'argocd: geo-index 5.0.8', template: { containers: [container({ image: geoImage, ports: [8080, { name: 'grpc', containerPort: 9090 }], memory: '2Gi', cpu: '1', env: [{ name: 'GRPC_KEEPALIVE_MIN_TIME', value: '5m' }, { name: 'GRPC_MAX_CONNECTION_AGE', value: '30m' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[(k + 2) % 3] ?? '', createdAgo: 21 * DAYS - k })),
  });
  const other = bystander(ns, 'surge-pricing', names, 100, { revisions: [18, 19], versions: ['7.7.1', '7.8.0'], olderAgo: 9 * DAYS });
  const goaway = 'Client received GoAway with error code ENHANCE_YOUR_CALM and debug data equal to ASCII "too_many_pings".';
  const log = (k: number) => {
    const start = 62.5 - k;
    const out: string[] = [
      `{"time":"${at(start)}","level":"INFO","msg":"dispatch starting","version":"2.32.0","grpc_keepalive_time":"10s","grpc_keepalive_timeout":"5s","permit_without_stream":true}`,
      `{"time":"${at(start - 0.01)}","level":"INFO","msg":"connected","target":"dns:///geo-index.rides.svc.cluster.local:9090"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = start - 3 - i * 4.2;
      out.push(`${goLogTime(t)} ERROR: [transport] [client-transport 0xc000${(0x3a2000 + i * 0x1a0 + k * 0x40).toString(16)}] ${goaway}`);
      out.push(`{"time":"${at(t - 0.001)}","level":"ERROR","msg":"nearby drivers lookup failed","ride_id":"r_${90_311 + i * 11 + k}","rpc":"/geo.v1.GeoIndex/NearbyDrivers","error":"rpc error: code = Unavailable desc = closing transport due to: connection error: desc = \\"error reading from server: EOF\\", received prior goaway: code: ENHANCE_YOUR_CALM, debug data: \\"too_many_pings\\""}`);
      out.push(`{"time":"${at(t - 0.002)}","level":"WARN","msg":"POST /v1/rides/match","status":503,"duration_ms":${3 + i % 4}}`);
      out.push(`{"time":"${at(t - 0.5)}","level":"INFO","msg":"POST /v1/rides/match","status":200,"duration_ms":${21 + i % 9}}`);
    }
    return lines(...out);
  };
  const geoLog = lines(
    `{"time":"${at(21 * DAYS - 0.3)}","level":"INFO","msg":"geo-index serving","grpc":":9090","keepalive_enforcement_min_time":"5m0s","permit_without_stream":false}`,
    `{"time":"${at(9 * HOURS)}","level":"WARN","msg":"h3 cell cache rebuild took longer than expected","duration":"4.1s"}`,
    `{"time":"${at(3)}","level":"INFO","msg":"stats","rpcs_1m":812,"p99_ms":9,"open_conns":6}`,
  );
  return {
    id: 'heldout78-grpc-keepalive-too-many-pings',
    class: 'network',
    truth: 'dispatch revision 28 (2.32.0, 64 minutes ago) lowered GRPC_KEEPALIVE_TIME from 5m to 10s (with permit-without-stream). geo-index\'s gRPC server enforces a 5-minute minimum ping interval, so after a few pings it sends GOAWAY ENHANCE_YOUR_CALM with debug data "too_many_pings" and closes the connection; dispatch\'s in-flight NearbyDrivers calls fail with code Unavailable and ride matching intermittently returns 503. geo-index itself is healthy. Fix: set dispatch\'s keepalive back to at least 5m (or roll back to revision 27).',
    ask: { service: 'dispatch', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...geo.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'dispatch', selector: { app: 'dispatch' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'geo-index', selector: { app: 'geo-index' }, pods: geo.pods, ports: [{ name: 'grpc', port: 9090, targetPort: 'grpc' }], endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'surge-pricing', selector: { app: 'surge-pricing' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 28), 3, 2, 60),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 0, 1, 60),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      ...geo.pods.map((p) => logsFor(p, 'app', { current: geoLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/too_many_pings|ENHANCE_YOUR_CALM|keepalive|GOAWAY/i],
      facts: [/GRPC_KEEPALIVE_TIME|10s/, /geo-index/, /Unavailable|UNAVAILABLE/],
      never: [/geo-index[^\n]*(crash|down\b|overload|not ready|OOM)/i, /\bOOM/, /surge-pricing/],
    },
  };
}

// ---- 7. healthy control: Redis with the memory-overcommit warning ------------------------------------

function healthyRedisOvercommitWarning(): CorpusScenario {
  const ns = 'web';
  const { nodes, names } = threeEksNodes('10.0.88', ['40', '99', '188']);
  const image = 'docker.io/library/redis:7.2.6-alpine';
  const app = deploymentApp({
    namespace: ns, name: 'session-cache', replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 5, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.5-alpine', command: ['redis-server'], args: ['--maxmemory', '768mb', '--maxmemory-policy', 'allkeys-lru', '--save', '900', '1'], ports: [{ name: 'redis', containerPort: 6379 }], memory: '1Gi', readiness: { exec: { command: ['redis-cli', 'ping'] }, periodSeconds: 10, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 3 }, liveness: tcpProbe('redis', { initialDelaySeconds: 5 }) })] } },
      { revision: 6, createdAgo: 6 * DAYS, changeCause: 'argocd: redis 7.2.6', template: { containers: [container({ name: 'redis', image, command: ['redis-server'], args: ['--maxmemory', '768mb', '--maxmemory-policy', 'allkeys-lru', '--save', '900', '1'], ports: [{ name: 'redis', containerPort: 6379 }], memory: '1Gi', readiness: { exec: { command: ['redis-cli', 'ping'] }, periodSeconds: 10, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 3 }, liveness: tcpProbe('redis', { initialDelaySeconds: 5 }) })] } },
    ],
    pods: [{ revision: 6, node: names[0] ?? '', createdAgo: 6 * DAYS - 0.5 }],
  });
  const web = bystander(ns, 'storefront', names, 4 * HOURS, { revisions: [60, 61], versions: ['12.4.0', '12.5.0'], olderAgo: 5 * DAYS });
  const start = 6 * DAYS - 0.8;
  const log = lines(
    `1:C ${redisTime(start)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
    `1:C ${redisTime(start)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(start)} * Redis version=7.2.6, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${redisTime(start)} * Configuration loaded`,
    `1:M ${redisTime(start)} * monotonic clock: POSIX clock_gettime`,
    `1:M ${redisTime(start)} * Running mode=standalone, port=6379.`,
    `1:M ${redisTime(start)} * Server initialized`,
    `1:M ${redisTime(start)} * Ready to accept connections tcp`,
    ...[96, 71, 44, 29, 14].flatMap((t, i) => [
      `1:M ${redisTime(t)} * 1 changes in 900 seconds. Saving...`,
      `1:M ${redisTime(t)} * Background saving started by pid ${2211 + i * 37}`,
      `${2211 + i * 37}:C ${redisTime(t - 0.01)} * DB saved on disk`,
      `${2211 + i * 37}:C ${redisTime(t - 0.01)} * Fork CoW for RDB: current 2 MB, peak 2 MB, average 1 MB`,
      `1:M ${redisTime(t - 0.02)} * Background saving terminated with success`,
    ]),
  );
  return {
    id: 'heldout78-healthy-redis-overcommit-warning',
    class: 'healthy',
    truth: 'session-cache, a single Redis 7.2.6 Deployment upgraded six days ago, is healthy: ready, no restarts, serving the storefront, with background saves succeeding every 15 minutes. Its log opens with Redis\' standard "WARNING Memory overcommit must be enabled!" line, which every Redis on a node with vm.overcommit_memory=0 prints and which has caused nothing here.',
    ask: { service: 'session-cache', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...web.objects,
      ...exposed({ namespace: ns, name: 'session-cache', selector: { app: 'session-cache' }, pods: app.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, pods: web.pods }),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 61), 2, 0, 4 * HOURS),
    ],
    logs: [logsFor(podOf(app, 0), 'redis', { current: log })],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue|fault)s?/i],
      facts: [/session-cache/],
      never: [/overcommit/i, /\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  istioUpstreamOverflow(),
  kafkaTopicRenamed(),
  serializableIsolation(),
  legacyTokenInvalidated(),
  kestrelHttpsNoCertificate(),
  grpcTooManyPings(),
  healthyRedisOvercommitWarning(),
];
