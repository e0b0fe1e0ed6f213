// Held-out stories, forty-fifth round, part two: a RabbitMQ cluster rebuilt from scratch whose
// definitions.json (a ConfigMap) never had the orders → fulfilment.orders binding, so the
// publisher's mandatory messages come back 312 NO_ROUTE while the consumer idles; a Python search
// API whose new revision moved to elasticsearch-py 8.x against a cluster migrated to OpenSearch,
// so every query dies on the client's product check (UnsupportedProductError); a Deployment whose
// pods carry a scheduling gate that an in-house capacity gatekeeper should lift, but that
// controller was scaled to 0 during maintenance, so the new pod sits SchedulingGated; a Deployment
// pinned with spec.nodeName whose new gp3 claim (WaitForFirstConsumer) is never provisioned, since
// the scheduler never sees the pod, so it hangs in ContainerCreating on FailedMount; a Spring Boot
// 3.2 service on JDK 21 whose revision enabled virtual threads, pinned to their carriers by
// MySQL Connector/J's synchronized I/O, so requests and probes hang; a Postgres standby back after
// two days of node maintenance that cannot catch up because the primary's wal_keep_size was cut
// ("requested WAL segment … has already been removed"), leaving the read-only Service without
// endpoints; and a healthy control: a public Express site whose logs are full of 404s from bots
// scanning for /wp-login.php and /.env, plus Node DeprecationWarnings at startup.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, boundClaim, configMap, container, event, execProbe, exposed, httpProbe, nameOf, probeFailed,
  probeKilling, pvc, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, endpointSliceFor,
  statefulSetApp, deploymentApp, waiting, nodeEvent, createdPod, replicaSetOf, startedNormally, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** RabbitMQ's log time: `2026-11-21 01:12:09.123000+00:00`. */
const rmqTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '000+00:00');
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');

// ---- 1. RabbitMQ rebuilt from a definitions.json that lacks one binding ---------------------------

function rabbitDefinitionsMissingBinding(): CorpusScenario {
  const ns = 'commerce';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '139', '220']);
  const rmqImage = 'docker.io/library/rabbitmq:3.13.7-management';
  const rebuilt = 2 * HOURS + 10;
  const rmq = statefulSetApp({
    namespace: ns,
    name: 'rabbitmq',
    replicas: 3,
    serviceName: 'rabbitmq-headless',
    createdAgo: rebuilt,
    podManagementPolicy: 'Parallel',
    revisions: [{
      revision: 1,
      createdAgo: rebuilt,
      template: {
        annotations: { 'checksum/definitions': '5d0c7a1e9f4b3c2a8e6d1f0b7a9c4e2d3b5f8a1c6e0d9b7f2a4c8e1d3f5b7a9c' },
        containers: [container({
          name: 'rabbitmq', image: rmqImage, cpu: '500m', memory: '2Gi',
          ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }, { name: 'epmd', containerPort: 4369 }, { name: 'dist', containerPort: 25672 }],
          env: [{ name: 'RABBITMQ_USE_LONGNAME', value: 'true' }, { name: 'K8S_SERVICE_NAME', value: 'rabbitmq-headless' }],
          readiness: execProbe(['rabbitmq-diagnostics', '-q', 'check_port_connectivity'], { periodSeconds: 30, timeoutSeconds: 20 }),
          liveness: execProbe(['rabbitmq-diagnostics', '-q', 'status'], { periodSeconds: 60, timeoutSeconds: 20, initialDelaySeconds: 120 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq/mnesia' }, { name: 'config', mountPath: '/etc/rabbitmq' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'rabbitmq-definitions' } }],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }],
    pods: [0, 1, 2].map((k) => ({ revision: 1, ordinal: k, node: names[k] ?? '', createdAgo: rebuilt - 1 })),
  });
  const claims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-rabbitmq-${k}`, storage: '20Gi', zone: `eu-west-1${'abc'[k] ?? 'a'}`, createdAgo: rebuilt - 1 }));
  const definitions = {
    rabbit_version: '3.12.14',
    users: [{ name: 'order-api', password_hash: '', hashing_algorithm: 'rabbit_password_hashing_sha256', tags: [] }, { name: 'fulfilment-worker', password_hash: '', hashing_algorithm: 'rabbit_password_hashing_sha256', tags: [] }],
    vhosts: [{ name: 'shop' }],
    exchanges: [
      { name: 'orders', vhost: 'shop', type: 'topic', durable: true, auto_delete: false, internal: false, arguments: {} },
      { name: 'orders.dlx', vhost: 'shop', type: 'fanout', durable: true, auto_delete: false, internal: false, arguments: {} },
    ],
    queues: [
      { name: 'fulfilment.orders', vhost: 'shop', durable: true, auto_delete: false, arguments: { 'x-queue-type': 'quorum', 'x-dead-letter-exchange': 'orders.dlx' } },
      { name: 'billing.invoices', vhost: 'shop', durable: true, auto_delete: false, arguments: { 'x-queue-type': 'quorum' } },
      { name: 'notifications.email', vhost: 'shop', durable: true, auto_delete: false, arguments: { 'x-queue-type': 'quorum' } },
      { name: 'orders.dead-letter', vhost: 'shop', durable: true, auto_delete: false, arguments: { 'x-queue-type': 'quorum' } },
    ],
    bindings: [
      { source: 'orders', vhost: 'shop', destination: 'billing.invoices', destination_type: 'queue', routing_key: 'order.paid', arguments: {} },
      { source: 'orders', vhost: 'shop', destination: 'notifications.email', destination_type: 'queue', routing_key: 'order.*', arguments: {} },
      { source: 'orders.dlx', vhost: 'shop', destination: 'orders.dead-letter', destination_type: 'queue', routing_key: '', arguments: {} },
    ],
  };
  const defs = configMap({
    namespace: ns, name: 'rabbitmq-definitions', createdAgo: 214 * DAYS,
    data: {
      'definitions.json': JSON.stringify(definitions, null, 2),
      'rabbitmq.conf': [
        'cluster_formation.peer_discovery_backend = rabbit_peer_discovery_k8s',
        'cluster_formation.k8s.host = kubernetes.default.svc.cluster.local',
        'cluster_formation.k8s.address_type = hostname',
        'cluster_partition_handling = pause_minority',
        'load_definitions = /etc/rabbitmq/definitions.json',
        'vm_memory_high_watermark.relative = 0.6',
        'default_vhost = shop',
      ].join('\n') + '\n',
      enabled_plugins: '[rabbitmq_management,rabbitmq_peer_discovery_k8s,rabbitmq_prometheus].\n',
    },
  });

  const apiImage = (v: string) => `${ECR}/commerce/order-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [3000], memory: '384Mi', env: [{ name: 'AMQP_URL', value: 'amqp://order-api@rabbitmq.commerce.svc.cluster.local:5672/shop' }, { name: 'ORDERS_EXCHANGE', value: 'orders' }, { name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }) })] });
  const api = deploymentApp({
    namespace: ns, name: 'order-api', replicas: 3,
    revisions: [
      { revision: 56, createdAgo: 11 * DAYS, changeCause: 'argocd: order-api 5.21.0', template: apiTpl('5.21.0') },
      { revision: 57, createdAgo: 3 * DAYS, changeCause: 'argocd: order-api 5.22.1', template: apiTpl('5.22.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const workerImage = `${ECR}/commerce/fulfilment-worker:2.9.4`;
  const worker = deploymentApp({
    namespace: ns, name: 'fulfilment-worker', replicas: 2,
    revisions: [{ revision: 19, createdAgo: 23 * DAYS, changeCause: 'argocd: fulfilment-worker 2.9.4', template: { containers: [container({ image: workerImage, ports: [9090], memory: '256Mi', env: [{ name: 'AMQP_URL', value: 'amqp://fulfilment-worker@rabbitmq.commerce.svc.cluster.local:5672/shop' }, { name: 'QUEUE', value: 'fulfilment.orders' }, { name: 'PREFETCH', value: '20' }], readiness: httpProbe('/healthz', 9090), liveness: httpProbe('/healthz', 9090, { initialDelaySeconds: 10 }) })] } }],
    pods: [0, 1].map((k) => ({ revision: 19, node: names[k + 1] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const other = bystander(ns, 'cart-api', names, 6 * HOURS, { revisions: [40, 41], versions: ['3.3.0', '3.3.1'], olderAgo: 18 * DAYS });
  const order = (i: number) => `ORD-2611-${String(48_210 + i * 37).padStart(6, '0')}`;
  const apiLog = (k: number): string => {
    const out: string[] = [
      `{"level":30,"time":${Date.parse(at(3 * DAYS - k - 0.2))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","msg":"order-api 5.22.1 listening on :3000"}`,
      `{"level":30,"time":${Date.parse(at(3 * DAYS - k - 0.2))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","msg":"amqp channel ready","exchange":"orders","confirm":true,"mandatory":true}`,
      `{"level":40,"time":${Date.parse(at(rebuilt + 2 - k * 0.1))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","msg":"amqp connection closed, reconnecting in 5s","err":"Connection closed: 320 (CONNECTION-FORCED) with message \\"CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'\\""}`,
      `{"level":50,"time":${Date.parse(at(rebuilt - 0.5 - k * 0.1))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","msg":"amqp connect failed","err":"connect ECONNREFUSED 172.20.88.17:5672"}`,
      `{"level":30,"time":${Date.parse(at(rebuilt - 3 - k * 0.1))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","msg":"amqp channel ready","exchange":"orders","confirm":true,"mandatory":true}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 24 - i * 1.7 - k * 0.3;
      const id = order(i * 3 + k);
      out.push(`{"level":30,"time":${Date.parse(at(t))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","reqId":"req-${(i * 7 + k) * 131 % 9000 + 1000}","req":{"method":"POST","url":"/v1/orders"},"res":{"statusCode":201},"responseTime":${41 + (i * 13 + k * 7) % 60},"msg":"request completed"}`);
      out.push(`{"level":40,"time":${Date.parse(at(t - 0.001))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","msg":"message returned by broker (unroutable)","exchange":"orders","routingKey":"order.created","replyCode":312,"replyText":"NO_ROUTE","orderId":"${id}"}`);
      if (i % 4 === 1) out.push(`{"level":30,"time":${Date.parse(at(t - 0.4))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","reqId":"req-${i * 53 + k + 2000}","req":{"method":"POST","url":"/v1/orders/${order(i)}/pay"},"res":{"statusCode":200},"responseTime":88,"msg":"request completed"}`);
    }
    return lines(...out);
  };
  const workerLog = (k: number): string => lines(
    `${at(9 * DAYS - k - 0.2)} INFO  fulfilment-worker 2.9.4 starting (prefetch=20, queue=fulfilment.orders)`,
    `${at(9 * DAYS - k - 0.2)} INFO  consuming from fulfilment.orders, consumer tag amq.ctag-${k === 0 ? 'Wq3LkN0' : 'p8Hs2Tr'}`,
    `${at(2 * DAYS + 40)} INFO  shipped order ORD-2611-047122 (carrier=dhl, 1 parcel)`,
    `${at(rebuilt + 2)} WARN  amqp connection lost: CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'`,
    `${at(rebuilt - 0.4)} WARN  reconnect attempt 4 failed: dial tcp 172.20.88.17:5672: connect: connection refused`,
    `${at(rebuilt - 3.1)} INFO  declared queue fulfilment.orders (durable, quorum); 0 messages ready`,
    `${at(rebuilt - 3.1)} INFO  consuming from fulfilment.orders, consumer tag amq.ctag-${k === 0 ? 'Jv81QmA' : 'c0Zr6Ye'}`,
    `${at(rebuilt - 63)} INFO  stats: delivered=0 acked=0 nacked=0 in 60m`,
    `${at(rebuilt - 123)} INFO  stats: delivered=0 acked=0 nacked=0 in 60m`,
  );
  const rmqLog = (k: number): string => lines(
    `${rmqTime(rebuilt - 1.5)} [info] <0.230.0> Starting RabbitMQ 3.13.7 on Erlang 26.2.5.4 [jit]`,
    `${rmqTime(rebuilt - 1.5)} [info] <0.230.0> Copyright (c) 2007-2024 Broadcom Inc and/or its subsidiaries`,
    `${rmqTime(rebuilt - 1.4)} [info] <0.230.0> Node database directory at /var/lib/rabbitmq/mnesia/rabbit@rabbitmq-${k}.rabbitmq-headless.commerce.svc.cluster.local is empty. Assuming we need to join an existing cluster or initialise from scratch...`,
    `${rmqTime(rebuilt - 1.3)} [info] <0.230.0> Peer discovery backend rabbit_peer_discovery_k8s does not support registration, skipping registration.`,
    ...(k === 0
      ? [
          `${rmqTime(rebuilt - 1.2)} [info] <0.655.0> Applying definitions from file at '/etc/rabbitmq/definitions.json'`,
          `${rmqTime(rebuilt - 1.2)} [info] <0.655.0> Asked to import definitions. Acting user: rmq-internal`,
          `${rmqTime(rebuilt - 1.2)} [info] <0.655.0> Importing concurrently 2 users...`,
          `${rmqTime(rebuilt - 1.2)} [info] <0.655.0> Importing concurrently 1 vhosts...`,
          `${rmqTime(rebuilt - 1.2)} [info] <0.655.0> Importing concurrently 2 exchanges...`,
          `${rmqTime(rebuilt - 1.2)} [info] <0.655.0> Importing concurrently 4 queues...`,
          `${rmqTime(rebuilt - 1.2)} [info] <0.655.0> Importing sequentially 3 bindings...`,
          `${rmqTime(rebuilt - 1.2)} [info] <0.655.0> All definitions have been imported`,
        ]
      : []),
    `${rmqTime(rebuilt - 1.1)} [info] <0.230.0> Ready to start client connection listeners`,
    `${rmqTime(rebuilt - 1.1)} [info] <0.870.0> started TCP listener on [::]:5672`,
    `${rmqTime(rebuilt - 1.1)} [info] <0.230.0> Server startup complete; 4 plugins started.`,
    `${rmqTime(rebuilt - 3.1)} [info] <0.1290.0> accepting AMQP connection 10.0.${30 + k}.41:48812 -> 10.0.${20 + k}.9:5672`,
    `${rmqTime(rebuilt - 3.1)} [info] <0.1290.0> connection 10.0.${30 + k}.41:48812 -> 10.0.${20 + k}.9:5672: user 'order-api' authenticated and granted access to vhost 'shop'`,
    `${rmqTime(40 - k)} [warning] <0.2113.0> closing AMQP connection <0.2113.0> (10.0.${40 + k}.12:51022 -> 10.0.${20 + k}.9:5672, vhost: 'shop', user: 'metrics-probe'):`,
    `${rmqTime(40 - k)} [warning] <0.2113.0> client unexpectedly closed TCP connection`,
  );
  const apiPod = podOf(api, 0);
  return {
    id: 'heldout45-rabbitmq-definitions-missing-binding',
    class: 'config',
    truth: 'The commerce RabbitMQ cluster was rebuilt from empty volumes two hours ago (3.12 → 3.13.7) and its topology re-imported from the rabbitmq-definitions ConfigMap (load_definitions). That definitions.json never had the binding of the orders exchange to the fulfilment.orders queue (it had been added by hand in the management UI long ago), so order.created messages now match no queue: order-api publishes them mandatory and the broker returns them 312 NO_ROUTE, while fulfilment-worker is connected to an empty queue and idle, and orders pile up unfulfilled. Fix: add the orders → fulfilment.orders (order.created) binding to definitions.json and the broker, then replay the returned orders.',
    ask: { service: 'order-api', namespace: ns },
    objects: [
      ...nodes, ...rmq.objects, ...claims, defs, ...api.objects, ...worker.objects, ...other.objects,
      service({ namespace: ns, name: 'rabbitmq-headless', selector: { app: 'rabbitmq' }, headless: true, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }, { name: 'epmd', port: 4369, targetPort: 4369 }, { name: 'dist', port: 25672, targetPort: 25672 }] }),
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: rmq.pods, clusterIP: '172.20.88.17', ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }, { name: 'management', port: 15672, targetPort: 'management' }], endpointPort: 5672 }),
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: api.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: other.pods }),
      ...rmq.pods.flatMap((p) => [scheduled(p, rebuilt - 1), ...restartedAgain(p, 'rabbitmq', rmqImage, { count: 1, firstAgo: rebuilt - 1.05, lastAgo: rebuilt - 1.05 })]),
      event({ on: podOf(rmq, 2), reason: 'Unhealthy', message: 'Readiness probe failed: Error:\nunable to perform an operation on node \'rabbit@rabbitmq-2.rabbitmq-headless.commerce.svc.cluster.local\'. Please see diagnostics information and suggestions below.', count: 2, firstAgo: rebuilt - 1.2, lastAgo: rebuilt - 1.7, fieldPath: 'spec.containers{rabbitmq}' }),
      event({ on: apiPod, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(apiPod)}:3000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...worker.pods.map((p, k) => logsFor(p, 'app', { current: workerLog(k) })),
      ...rmq.pods.map((p, k) => logsFor(p, 'rabbitmq', { current: rmqLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NO_ROUTE|unroutable|binding/i],
      facts: [/fulfil?ment\.orders/, /binding/i, /definitions/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /fulfil?ment-worker[^\n]*(crash|down|not running)/i, /cart-api/],
    },
  };
}

// ---- 2. elasticsearch-py 8.x against a cluster migrated to OpenSearch ------------------------------

function elasticsearchClientAgainstOpenSearch(): CorpusScenario {
  const ns = 'marketplace';
  const { nodes, names } = threeEksNodes('10.0.130', ['22', '97', '185']);
  const image = (v: string) => `${ECR}/marketplace/search-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8000], memory: '512Mi', cpu: '300m',
      env: [
        { name: 'ELASTICSEARCH_URL', value: 'http://search-cluster.search.svc.cluster.local:9200' },
        { name: 'ELASTICSEARCH_INDEX', value: 'listings-v7' },
        { name: 'WEB_CONCURRENCY', value: '2' },
      ],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'search-api', replicas: 4,
    revisions: [
      { revision: 41, createdAgo: 12 * DAYS, changeCause: 'argocd: search-api 3.7.4', template: tpl('3.7.4') },
      { revision: 42, createdAgo: 47, changeCause: 'argocd: search-api 3.8.0', template: tpl('3.8.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 42, node: names[k % 3] ?? '', createdAgo: 46 - k * 1.5 })),
  });
  const osImage = 'docker.io/opensearchproject/opensearch:2.17.1';
  const os = statefulSetApp({
    namespace: 'search', name: 'search-cluster', replicas: 3, serviceName: 'search-cluster-headless', createdAgo: 34 * DAYS,
    revisions: [{ revision: 2, createdAgo: 34 * DAYS, template: { containers: [container({ name: 'opensearch', image: osImage, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], memory: '4Gi', cpu: '1', readiness: tcpProbe(9200), liveness: tcpProbe(9300, { initialDelaySeconds: 60 }), volumeMounts: [{ name: 'data', mountPath: '/usr/share/opensearch/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi' }],
    pods: [0, 1, 2].map((k) => ({ revision: 2, ordinal: k, node: names[k] ?? '', createdAgo: 34 * DAYS - k * 3 })),
  });
  const osClaims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: 'search', name: `data-search-cluster-${k}`, storage: '100Gi', zone: `eu-west-1${'abc'[k] ?? 'a'}`, createdAgo: 34 * DAYS }));
  const other = bystander(ns, 'listing-indexer', names, 5 * HOURS, { revisions: [17, 18], versions: ['1.12.0', '1.12.1'], olderAgo: 20 * DAYS });
  const site = 'python3.12/site-packages';
  const trace = (t: number, q: string, ip: string): string[] => [
    `${pyTime(t)} ERROR [search_api.routes] search failed q=${JSON.stringify(q)}`,
    'Traceback (most recent call last):',
    '  File "/app/search_api/routes.py", line 58, in search',
    '    resp = es.search(index=settings.index, query=build_query(q), size=24, from_=offset)',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    `  File "/usr/local/lib/${site}/elasticsearch/_sync/client/utils.py", line 455, in wrapped`,
    '    return api(*args, **kwargs)',
    '           ^^^^^^^^^^^^^^^^^^^^',
    `  File "/usr/local/lib/${site}/elasticsearch/_sync/client/__init__.py", line 4125, in search`,
    '    return self.perform_request(  # type: ignore[return-value]',
    '           ^^^^^^^^^^^^^^^^^^^^^',
    `  File "/usr/local/lib/${site}/elasticsearch/_sync/client/_base.py", line 271, in perform_request`,
    '    response = self._perform_request(',
    '               ^^^^^^^^^^^^^^^^^^^^^',
    `  File "/usr/local/lib/${site}/elasticsearch/_sync/client/_base.py", line 351, in _perform_request`,
    '    raise UnsupportedProductError(',
    'elasticsearch.UnsupportedProductError: The client noticed that the server is not Elasticsearch and we do not support this unknown product',
    `INFO:     ${ip}:${40_000 + Math.round(t * 97) % 20_000} - "GET /v1/search?q=${encodeURIComponent(q)} HTTP/1.1" 500 Internal Server Error`,
  ];
  const queries = ['vintage lamp', 'bike helmet', 'oak desk', 'iphone 13', 'sofa bed', 'garden hose', 'lego technic', 'winter tyres'];
  const appLog = (k: number): string => {
    const started = 46 - k * 1.5 - 0.2;
    const out: string[] = [
      `INFO:     Started server process [${7 + k}]`,
      'INFO:     Waiting for application startup.',
      `${pyTime(started)} INFO [search_api.main] search-api 3.8.0 starting (python 3.12.7, elasticsearch-py 8.15.1, index=listings-v7)`,
      'INFO:     Application startup complete.',
      'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)',
    ];
    for (let i = 0; i < 6; i++) {
      const t = 12 - i * 2 - k * 0.2;
      out.push(...trace(t, queries[(i + k) % queries.length] ?? 'lamp', `10.0.${12 + k}.${50 + i}`));
      out.push(`INFO:     ${ipOfPod(podOf(app, k)).replace(/\.\d+$/, '.1')}:${51_000 + i} - "GET /healthz HTTP/1.1" 200 OK`);
    }
    return lines(...out);
  };
  const osLog = (k: number): string => lines(
    `[${at(34 * DAYS - k * 3).replace('Z', '').replace('.', ',')}][INFO ][o.o.n.Node               ] [search-cluster-${k}] version[2.17.1], pid[1], build[tar/1893d20797e30110e5877170e44d42275ce5951e/2024-09-26T21:59:52.691008096Z], OS[Linux/6.1.112-124.190.amzn2023.x86_64/amd64], JVM[Eclipse Adoptium/OpenJDK 64-Bit Server VM/21.0.4/21.0.4+7-LTS]`,
    `[${at(3 * HOURS).replace('Z', '').replace('.', ',')}][INFO ][o.o.c.m.MetadataIndexTemplateService] [search-cluster-${k}] adding index template [listings] for index patterns [listings-*]`,
    `[${at(40).replace('Z', '').replace('.', ',')}][INFO ][o.o.i.i.ManagedIndexCoordinator] [search-cluster-${k}] Cache miss for policy [hot-warm], fetching from index`,
  );
  const fresh = podOf(app, 0);
  return {
    id: 'heldout45-elasticsearch-client-8-against-opensearch',
    class: 'rollout',
    truth: 'search-api revision 42 (3.8.0, 47 minutes ago) upgraded the Python client from elasticsearch 7.10.1 to elasticsearch-py 8.15.1, but the search cluster it talks to (search-cluster in namespace search) was migrated to OpenSearch 2.17 a month ago. The 8.x client checks the X-Elastic-Product header on every response and refuses OpenSearch with UnsupportedProductError ("The client noticed that the server is not Elasticsearch and we do not support this unknown product"), so every /v1/search returns 500 while the pods stay Ready (the health check does not touch the cluster). Fix: roll back to revision 41 and move the app to opensearch-py.',
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...os.objects, ...osClaims, ...other.objects,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: 'search', name: 'search-cluster', selector: { app: 'search-cluster' }, pods: os.pods, ports: [{ name: 'http', port: 9200, targetPort: 'http' }], endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: 'listing-indexer', selector: { app: 'listing-indexer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 4, 3, 41),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 0, 1, 41),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('3.8.0'), 46 - k * 1.5)),
      event({ on: fresh, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(fresh)}:8000/healthz": dial tcp ${ipOfPod(fresh)}:8000: connect: connection refused`, count: 1, firstAgo: 45.9, lastAgo: 45.9, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...os.pods.map((p, k) => logsFor(p, 'opensearch', { current: osLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/UnsupportedProductError|not Elasticsearch|unknown product|product check/i],
      facts: [/OpenSearch/i, /revision 42|3\.8\.0/, /8\.15|elasticsearch-py 8|client 8|8\.x/i],
      never: [/\bOOM/, /search-cluster[^\n]*(down|unreachable|not ready|unhealthy)/i, /connection refused/i, /listing-indexer/],
    },
  };
}

// ---- 3. a scheduling gate nobody lifts: the gatekeeper was scaled to 0 ------------------------------

function schedulingGateControllerScaledToZero(): CorpusScenario {
  const ns = 'ml-serving';
  const { nodes, names } = threeEksNodes('10.0.58', ['40', '121', '233']);
  const gate = 'platform.acme.io/capacity-reservation';
  const image = (v: string) => `${ECR}/ml-serving/embeddings-api:${v}`;
  const tpl = (v: string, model: string) => ({
    labels: { 'platform.acme.io/capacity-class': 'inference-large' },
    containers: [container({
      image: image(v), ports: [8080], cpu: '2', memory: '6Gi',
      env: [{ name: 'MODEL_ID', value: model }, { name: 'MAX_BATCH', value: '64' }],
      readiness: httpProbe('/v1/ready', 8080, { periodSeconds: 5 }), liveness: httpProbe('/v1/health', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'embeddings-api', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 23, createdAgo: 9 * DAYS, changeCause: 'argocd: embeddings-api 0.18.2 (e5-large-v2)', template: tpl('0.18.2', 'intfloat/e5-large-v2') },
      { revision: 24, createdAgo: 38, changeCause: 'argocd: embeddings-api 0.19.0 (bge-m3)', template: tpl('0.19.0', 'BAAI/bge-m3') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 9 * DAYS - k * 2 })),
      { revision: 24, node: null, createdAgo: 37.8 },
    ],
  });
  // The gate is in the templates (the chart's `schedulingGates`); the gatekeeper lifts it once it reserved capacity.
  for (const o of app.objects) {
    if (o.kind === 'Deployment' || o.kind === 'ReplicaSet') {
      const spec = (o as k8s.V1Deployment).spec?.template.spec;
      if (spec) spec.schedulingGates = [{ name: gate }];
    }
  }
  const gated = podOf(app, 3);
  if (gated.spec) gated.spec.schedulingGates = [{ name: gate }];
  if (gated.status) gated.status.conditions = [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates', lastTransitionTime: gated.metadata?.creationTimestamp ?? new Date() }];
  for (const p of app.pods.slice(0, 3)) p.metadata = { ...p.metadata, annotations: { ...p.metadata?.annotations, 'platform.acme.io/reservation': `rsv-${nameOf(p).slice(-5)}`, 'platform.acme.io/gate-removed-at': String(p.metadata?.creationTimestamp instanceof Date ? p.metadata.creationTimestamp.toISOString() : '') } };

  const gkImage = 'registry.platform.acme.internal/platform/capacity-gatekeeper:1.6.2';
  const gk = deploymentApp({
    namespace: 'platform-system', name: 'capacity-gatekeeper', replicas: 0,
    revisions: [
      { revision: 11, createdAgo: 61 * DAYS, changeCause: 'argocd: capacity-gatekeeper 1.6.1', template: { serviceAccountName: 'capacity-gatekeeper', containers: [container({ name: 'manager', image: gkImage.replace('1.6.2', '1.6.1'), ports: [{ name: 'metrics', containerPort: 8443 }], cpu: '100m', memory: '128Mi', args: ['--leader-elect', '--gate-name=' + gate] })] } },
      { revision: 12, createdAgo: 27 * DAYS, changeCause: 'argocd: capacity-gatekeeper 1.6.2', template: { serviceAccountName: 'capacity-gatekeeper', containers: [container({ name: 'manager', image: gkImage, ports: [{ name: 'metrics', containerPort: 8443 }], cpu: '100m', memory: '128Mi', args: ['--leader-elect', '--gate-name=' + gate] })] } },
    ],
    pods: [],
    settled: { available: true, availableSince: 3 * HOURS + 5, progressingSince: 27 * DAYS },
  });
  const gkDep = deploymentOf(gk) as k8s.V1Deployment;
  gkDep.metadata = { ...gkDep.metadata, annotations: { ...gkDep.metadata?.annotations, 'argocd.argoproj.io/sync-options': 'Prune=false' }, managedFields: [{ manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', time: new Date(Date.parse(at(3 * HOURS + 6))), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }] };
  const other = bystander(ns, 'rerank-api', names, 2 * DAYS, { revisions: [8, 9], versions: ['0.4.0', '0.4.1'], olderAgo: 30 * DAYS });
  const logOf = (k: number): string => lines(
    `{"ts":"${at(9 * DAYS - k * 2 - 0.5)}","level":"info","msg":"loading model","model":"intfloat/e5-large-v2","device":"cpu"}`,
    `{"ts":"${at(9 * DAYS - k * 2 - 1.4)}","level":"info","msg":"model ready","dim":1024,"warmup_ms":4213}`,
    `{"ts":"${at(2.1 - k * 0.1)}","level":"info","msg":"POST /v1/embeddings","status":200,"batch":32,"latency_ms":${212 + k * 17}}`,
    `{"ts":"${at(0.6 - k * 0.1)}","level":"info","msg":"POST /v1/embeddings","status":200,"batch":8,"latency_ms":${71 + k * 5}}`,
  );
  return {
    id: 'heldout45-scheduling-gate-controller-scaled-to-zero',
    class: 'scheduling',
    truth: `The embeddings-api pod template carries the scheduling gate ${gate}, which the platform's capacity-gatekeeper controller (platform-system) removes once it has reserved capacity. During last night's node-group maintenance, three hours ago, someone scaled capacity-gatekeeper to 0 replicas and never scaled it back, so the revision-24 pod created 38 minutes ago keeps its gate and sits Pending with PodScheduled=False reason SchedulingGated; the scheduler never sees it (no FailedScheduling), and the rollout is stuck with three revision-23 pods serving. Revision 24 is innocent. Fix: scale capacity-gatekeeper back to 1.`,
    ask: { service: 'embeddings-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...gk.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'embeddings-api', selector: { app: 'embeddings-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'rerank-api', selector: { app: 'rerank-api' }, pods: other.pods }),
      ...exposed({ namespace: 'platform-system', name: 'capacity-gatekeeper-metrics', selector: { app: 'capacity-gatekeeper' }, pods: gk.pods, ports: [{ name: 'metrics', port: 8443, targetPort: 'metrics' }], endpointPort: 8443 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 24), 1, 0, 38),
      createdPod(replicaSetOf(app, 24), gated, 37.8),
      scaledReplicaSet(gkDep, rsOf(gk, 12), 0, 1, 3 * HOURS + 6),
      nodeEvent(names[2] ?? '', 'NodeNotSchedulable', `Node ${names[2] ?? ''} status is now: NodeNotSchedulable`, { firstAgo: 3 * HOURS + 20 }),
      nodeEvent(names[2] ?? '', 'NodeSchedulable', `Node ${names[2] ?? ''} status is now: NodeSchedulable`, { firstAgo: 2 * HOURS + 10 }),
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(app, 1))}:8080/v1/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 22 * HOURS, lastAgo: 22 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
    expect: {
      verdict: 'problems',
      headline: [/SchedulingGated|scheduling ?gates?|capacity-reservation|capacity-gatekeeper/i],
      facts: [/capacity-gatekeeper/, /scaled (down )?to 0|0 replicas|replicas:? 0|zero replicas|scaled down/i, lit(gate)],
      never: [ADVISES_ROLLBACK, /FailedScheduling|Insufficient (cpu|memory)/i, /\bOOM/, /rerank-api/],
    },
  };
}

// ---- 4. spec.nodeName bypasses the scheduler: a WaitForFirstConsumer claim never binds --------------

function nodeNameWaitForFirstConsumer(): CorpusScenario {
  const ns = 'maps';
  const { nodes, names } = threeEksNodes('10.0.44', ['17', '201', '90']);
  const pinned = names[1] ?? '';
  const image = (v: string) => `${ECR}/maps/tile-renderer:${v}`;
  const base = (v: string) => container({
    image: image(v), ports: [8080], cpu: '1500m', memory: '3Gi',
    env: [{ name: 'TILE_CACHE_DIR', value: '/var/cache/tiles' }, { name: 'RENDER_THREADS', value: '6' }],
    readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }),
    volumeMounts: [{ name: 'tile-cache', mountPath: '/var/cache/tiles' }],
  });
  const app = deploymentApp({
    namespace: ns, name: 'tile-renderer', replicas: 1, strategy: { type: 'Recreate' },
    revisions: [
      { revision: 6, createdAgo: 4 * DAYS, changeCause: 'argocd: tile-renderer 2.4.0', template: { containers: [base('2.4.0')], volumes: [{ name: 'tile-cache', emptyDir: { sizeLimit: '40Gi' } }], nodeSelector: { 'eks.amazonaws.com/nodegroup': 'general' } } },
      { revision: 7, createdAgo: 26, changeCause: 'argocd: tile-renderer 2.4.0 (persistent tile cache)', template: { containers: [base('2.4.0')], volumes: [{ name: 'tile-cache', persistentVolumeClaim: { claimName: 'tile-cache' } }] } },
    ],
    pods: [{ revision: 7, node: pinned, createdAgo: 25.9, containers: { app: waiting('ContainerCreating') } }],
  });
  // Revision 7's template pins the pod with spec.nodeName (no scheduler involved).
  for (const o of app.objects) {
    if (o.kind !== 'Deployment' && !(o.kind === 'ReplicaSet' && o.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '7')) continue;
    const spec = (o as k8s.V1Deployment).spec?.template.spec;
    if (spec) spec.nodeName = pinned;
  }
  const pod = podOf(app, 0);
  const claim = pvc({ namespace: ns, name: 'tile-cache', storage: '50Gi', storageClass: 'gp3', phase: 'Pending', createdAgo: 26.2, labels: { app: 'tile-renderer' }, annotations: { 'meta.helm.sh/release-name': 'tile-renderer', 'meta.helm.sh/release-namespace': ns } });
  const other = bystander(ns, 'tile-api', names, 3 * DAYS, { revisions: [30, 31], versions: ['1.9.2', '1.9.3'], olderAgo: 15 * DAYS });
  const tileApiLog = lines(
    `${pyTime(14)} WARNING [tile_api.upstream] render upstream failed z=12 x=2177 y=1423: HTTPConnectionPool(host='tile-renderer.maps.svc.cluster.local', port=80): Max retries exceeded with url: /render/12/2177/1423.png (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f3b1c2a9e50>: Failed to establish a new connection: [Errno 111] Connection refused'))`,
    `${pyTime(13.2)} INFO [tile_api.http] GET /tiles/12/2177/1423.png 503 3ms`,
    `${pyTime(6)} INFO [tile_api.http] GET /tiles/10/544/355.png 200 2ms (cache hit)`,
    `${pyTime(1.1)} WARNING [tile_api.upstream] render upstream failed z=14 x=8712 y=5690: HTTPConnectionPool(host='tile-renderer.maps.svc.cluster.local', port=80): Max retries exceeded with url: /render/14/8712/5690.png (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f3b1c2b0a10>: Failed to establish a new connection: [Errno 111] Connection refused'))`,
  );
  return {
    id: 'heldout45-nodename-pinned-wffc-claim-pending',
    class: 'storage',
    truth: `tile-renderer revision 7 (26 minutes ago) moved its tile cache from an emptyDir to a new gp3 claim tile-cache and pinned the pod with spec.nodeName: ${pinned}. gp3 is volumeBindingMode WaitForFirstConsumer: the claim is provisioned only after the scheduler picks a node and annotates it (volume.kubernetes.io/selected-node), but a pod with spec.nodeName bypasses the scheduler, so the claim stays Pending ("waiting for first consumer to be created before binding") and the kubelet cannot mount it (FailedMount: PVC is not bound); with Recreate the old pod is gone and the Service has no endpoints. Fix: replace nodeName with a nodeSelector/affinity on kubernetes.io/hostname.`,
    ask: { service: 'tile-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, claim, ...other.objects,
      ...exposed({ namespace: ns, name: 'tile-renderer', selector: { app: 'tile-renderer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'tile-api', selector: { app: 'tile-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 6), 0, 1, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 7), 1, 0, 26),
      createdPod(replicaSetOf(app, 7), pod, 25.9),
      event({ on: claim, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', count: 104, firstAgo: 26.2, lastAgo: 0.2, component: 'persistentvolume-controller' }),
      event({ on: pod, reason: 'FailedMount', message: `Unable to attach or mount volumes: unmounted volumes=[tile-cache], unattached volumes=[], failed to process volumes=[tile-cache]: error processing PVC ${ns}/tile-cache: PVC is not bound`, count: 12, firstAgo: 23.8, lastAgo: 1.8 }),
      nodeEvent(pinned, 'FreeDiskSpaceFailed', 'Failed to garbage collect required amount of images. Attempted to free 2147483648 bytes, but only found 0 bytes eligible to free.', { type: 'Warning', firstAgo: 20 * HOURS, count: 2, lastAgo: 19 * HOURS + 55 }),
    ],
    logs: other.pods.slice(0, 1).map((p) => logsFor(p, 'app', { current: tileApiLog })),
    expect: {
      verdict: 'problems',
      headline: [/nodeName|bypass(es|ing|ed)? the scheduler/i, /tile-cache|WaitForFirstConsumer|first consumer|not bound|PVC/i],
      facts: [/WaitForFirstConsumer|first consumer/i, /scheduler/i, /tile-cache/],
      never: [/\bOOM/, /Multi-Attach/i, /quota/i, /FreeDiskSpace|disk pressure/i],
    },
  };
}

// ---- 5. Spring Boot 3.2 virtual threads pinned by Connector/J's synchronized I/O -------------------

function springVirtualThreadsPinned(): CorpusScenario {
  const ns = 'insurance';
  const { nodes, names } = threeEksNodes('10.0.212', ['9', '144', '71']);
  const image = (v: string) => `${ECR}/insurance/quote-service:${v}`;
  const baseEnv: k8s.V1EnvVar[] = [
    { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
    { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:mysql://quotes-db.cluster-cq1x7v2k9d3e.eu-west-1.rds.amazonaws.com:3306/quotes?useSSL=true' },
    { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE', value: '20' },
  ];
  const tpl = (v: string, virtual: boolean) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '1', cpuLimit: '2', memory: '1536Mi',
      env: virtual
        ? [...baseEnv, { name: 'SPRING_THREADS_VIRTUAL_ENABLED', value: 'true' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -Djdk.tracePinnedThreads=full' }]
        : [...baseEnv, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }],
      readiness: httpProbe('/actuator/health/readiness', 8081, { timeoutSeconds: 3 }),
      liveness: httpProbe('/actuator/health/liveness', 8081, { timeoutSeconds: 3, failureThreshold: 5, initialDelaySeconds: 45 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'quote-service', replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 13 * DAYS, changeCause: 'argocd: quote-service 2.13.3', template: tpl('2.13.3', false) },
      { revision: 19, createdAgo: 52, changeCause: 'argocd: quote-service 2.14.0', template: tpl('2.14.0', true) },
    ],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 51, ready: false, containers: { app: running({ sinceAgo: 9, ready: false, restarts: 2, last: { exitCode: 143, finishedAgo: 9, ranSeconds: 960 } }) } },
      { revision: 19, node: names[1] ?? '', createdAgo: 49, ready: false, containers: { app: running({ sinceAgo: 14, ready: false, restarts: 1, last: { exitCode: 143, finishedAgo: 14, ranSeconds: 1500 } }) } },
      { revision: 19, node: names[2] ?? '', createdAgo: 47, containers: { app: running({ sinceAgo: 3, restarts: 3, last: { exitCode: 143, finishedAgo: 3, ranSeconds: 720 } }) } },
    ],
    settled: { available: false, availableSince: 18, progressingSince: 52, progressingUpdatedAgo: 44 },
  });
  const other = bystander(ns, 'policy-docs', names, 20 * HOURS, { revisions: [5, 6], versions: ['1.2.0', '1.2.1'], olderAgo: 40 * DAYS });
  const spring = (t: number, level: string, thread: string, logger: string, msg: string) => `${at(t)} ${level.padStart(5)} 1 --- [quote-service] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40)} : ${msg}`;
  const pinned = (carrier: number, worker: number): string[] => [
    `Thread[#${carrier},ForkJoinPool-1-worker-${worker},5,CarrierThreads]`,
    '    java.base/java.lang.VirtualThread$VThreadContinuation.onPinned(VirtualThread.java:183)',
    '    java.base/jdk.internal.vm.Continuation.onPinned0(Continuation.java:393)',
    '    java.base/java.lang.VirtualThread.park(VirtualThread.java:582)',
    '    java.base/java.lang.System$2.parkVirtualThread(System.java:2643)',
    '    java.base/jdk.internal.misc.VirtualThreads.park(VirtualThreads.java:54)',
    '    java.base/sun.nio.ch.NioSocketImpl.park(NioSocketImpl.java:186)',
    '    java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:290)',
    '    java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:314)',
    '    java.base/sun.nio.ch.NioSocketImpl.read(NioSocketImpl.java:355)',
    '    java.base/sun.nio.ch.NioSocketImpl$1.read(NioSocketImpl.java:808)',
    '    java.base/java.net.Socket$SocketInputStream.read(Socket.java:966)',
    '    java.base/sun.security.ssl.SSLSocketInputRecord.read(SSLSocketInputRecord.java:484)',
    '    java.base/sun.security.ssl.SSLSocketImpl$AppInputStream.read(SSLSocketImpl.java:1098)',
    '    com.mysql.cj.protocol.FullReadInputStream.readFully(FullReadInputStream.java:64)',
    '    com.mysql.cj.protocol.a.SimplePacketReader.readHeaderLocal(SimplePacketReader.java:81)',
    '    com.mysql.cj.protocol.a.NativeProtocol.readMessage(NativeProtocol.java:556)',
    '    com.mysql.cj.protocol.a.NativeProtocol.sendCommand(NativeProtocol.java:633)',
    '    com.mysql.cj.jdbc.ClientPreparedStatement.executeInternal(ClientPreparedStatement.java:912) <== monitors:1',
    '    com.mysql.cj.jdbc.ClientPreparedStatement.executeQuery(ClientPreparedStatement.java:1009) <== monitors:1',
    '    com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery(ProxyPreparedStatement.java:52)',
    '    com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)',
    '    org.springframework.jdbc.core.JdbcTemplate.lambda$query$3(JdbcTemplate.java:732)',
    '    com.acme.quotes.rating.RateTableRepository.findRates(RateTableRepository.java:71)',
  ];
  const run = (started: number, until: number, k: number): string => {
    const out: string[] = [
      'Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75 -Djdk.tracePinnedThreads=full',
      '',
      '  .   ____          _            __ _ _',
      ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
      ' :: Spring Boot ::                (v3.2.5)',
      '',
      spring(started, 'INFO', 'main', 'c.a.quotes.QuoteServiceApplication', `Starting QuoteServiceApplication v2.14.0 using Java 21.0.3 with PID 1 (/app/app.jar started by app in /app)`),
      spring(started - 0.05, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
      spring(started - 0.1, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
      spring(started - 0.15, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path ''"),
      spring(started - 0.15, 'INFO', 'main', 'c.a.quotes.QuoteServiceApplication', 'Started QuoteServiceApplication in 11.482 seconds (process running for 12.391)'),
    ];
    const mid = (started + until) / 2;
    out.push(...pinned(47 + k, 1), ...pinned(52 + k, 2));
    out.push(spring(mid, 'WARN', 'tomcat-handler-412', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m2s94ms).'));
    out.push(spring(mid - 0.6, 'ERROR', 'tomcat-handler-688', 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection] with root cause'));
    out.push('java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=20, active=20, idle=0, waiting=241)');
    out.push('\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:686)');
    out.push('\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:179)');
    out.push(spring(until + 0.05, 'INFO', 'SpringApplicationShutdownHook', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Commencing graceful shutdown. Waiting for active requests to complete'));
    return lines(...out);
  };
  const ps = app.pods;
  const events = [
    probeFailed(podOf(app, 0), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(app, 0))}:8081/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 214, firstAgo: 44, lastAgo: 0.2 }),
    probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(app, 1))}:8081/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 187, firstAgo: 41, lastAgo: 0.3 }),
    probeFailed(podOf(app, 0), 'app', 'Liveness', `Get "http://${ipOfPod(podOf(app, 0))}:8081/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 12, firstAgo: 33, lastAgo: 9.2 }),
    probeKilling(podOf(app, 0), 'app', 'liveness', { count: 2, firstAgo: 26, lastAgo: 9.1 }),
    probeFailed(podOf(app, 1), 'app', 'Liveness', `Get "http://${ipOfPod(podOf(app, 1))}:8081/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 5, firstAgo: 14.8, lastAgo: 14.1 }),
    probeKilling(podOf(app, 1), 'app', 'liveness', { count: 1, firstAgo: 14.1, lastAgo: 14.1 }),
    probeKilling(podOf(app, 2), 'app', 'liveness', { count: 3, firstAgo: 30, lastAgo: 3.1 }),
    ...restartedAgain(podOf(app, 0), 'app', image('2.14.0'), { count: 3, firstAgo: 50.8, lastAgo: 9 }),
    ...restartedAgain(podOf(app, 2), 'app', image('2.14.0'), { count: 4, firstAgo: 46.8, lastAgo: 3 }),
    scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 1, 44),
  ];
  return {
    id: 'heldout45-spring-virtual-threads-pinned-carriers',
    class: 'rollout',
    truth: 'quote-service revision 19 (2.14.0, 52 minutes ago) turned on virtual threads (SPRING_THREADS_VIRTUAL_ENABLED=true, Spring Boot 3.2 on JDK 21). MySQL Connector/J 8.x does its socket reads inside synchronized blocks, so every virtual thread waiting on the database pins its carrier thread (jdk.tracePinnedThreads shows "<== monitors:1" in ClientPreparedStatement); with a 2-CPU limit there are only two carriers, so under load all are pinned, every request and even the actuator probes hang, readiness times out and liveness restarts the pods. Fix: roll back to revision 18 (or disable virtual threads until the driver is upgraded to Connector/J 9, which replaced synchronized with locks).',
    ask: { service: 'quote-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-service', selector: { app: 'quote-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'policy-docs', selector: { app: 'policy-docs' }, pods: other.pods }),
      ...events,
    ],
    logs: [
      logsFor(ps[0], 'app', { current: run(9, 0.1, 0), previous: run(26, 9.1, 1) }),
      logsFor(ps[1], 'app', { current: run(14, 0.1, 2), previous: run(48.8, 14.1, 3) }),
      logsFor(ps[2], 'app', { current: lines(spring(3, 'INFO', 'main', 'c.a.quotes.QuoteServiceApplication', 'Started QuoteServiceApplication in 10.917 seconds (process running for 11.804)'), spring(1.2, 'INFO', 'tomcat-handler-31', 'c.a.quotes.web.QuoteController', 'quote Q-88213 priced in 184 ms')), previous: run(15, 3.1, 4) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/virtual.?threads?|threads\.virtual|THREADS_VIRTUAL/i, /pin(ned|ning|s)?\b|carrier/i],
      facts: [/revision 19|2\.14\.0/, /mysql|Connector\/J|synchronized|monitors?/i, /tracePinnedThreads|pinned/i],
      never: [/\bOOM/, /CPU (limit|throttl)/i, /quotes-db[^\n]*(down|unreachable)/i, /policy-docs/],
    },
  };
}

// ---- 6. a Postgres standby that cannot catch up: wal_keep_size was cut -------------------------

function postgresReplicaWalRemoved(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.170', ['33', '108', '250']);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const db = statefulSetApp({
    namespace: ns, name: 'reports-db', replicas: 2, serviceName: 'reports-db-headless', createdAgo: 300 * DAYS,
    revisions: [{
      revision: 3, createdAgo: 96 * DAYS,
      template: {
        containers: [container({
          name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi',
          command: ['/scripts/entrypoint.sh'],
          env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'PRIMARY_HOST', value: 'reports-db-0.reports-db-headless.analytics.svc.cluster.local' }],
          readiness: execProbe(['/scripts/readiness.sh'], { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: execProbe(['pg_isready', '-U', 'postgres'], { periodSeconds: 20, timeoutSeconds: 5, initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }, { name: 'scripts', mountPath: '/scripts' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'reports-db-config' } }, { name: 'scripts', configMap: { name: 'reports-db-scripts', defaultMode: 493 } }],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [
      { revision: 3, ordinal: 0, node: names[0] ?? '', createdAgo: 17 * DAYS },
      { revision: 3, ordinal: 1, node: names[1] ?? '', createdAgo: 2 * DAYS + 3 * HOURS, ready: false, containers: { postgres: running({ sinceAgo: 5 * HOURS + 2, ready: false }) } },
    ],
  });
  const claims = [0, 1].flatMap((k) => boundClaim({ namespace: ns, name: `data-reports-db-${k}`, storage: '200Gi', zone: `eu-west-1${'ab'[k] ?? 'a'}`, createdAgo: 300 * DAYS }));
  const pgConf = (keep: string) => [
    "listen_addresses = '*'",
    'max_connections = 200',
    'shared_buffers = 1GB',
    'wal_level = replica',
    'max_wal_senders = 5',
    `wal_keep_size = ${keep}`,
    'max_wal_size = 4GB',
    'hot_standby = on',
    'log_min_duration_statement = 2000',
    "log_line_prefix = '%m [%p] %q%u@%d '",
  ].join('\n') + '\n';
  const conf = configMap({ namespace: ns, name: 'reports-db-config', createdAgo: 300 * DAYS, updatedAgo: 3 * DAYS + 2 * HOURS, data: { 'postgresql.conf': pgConf('512MB'), 'pg_hba.conf': 'host replication replicator 10.0.0.0/16 scram-sha-256\nhost all all 10.0.0.0/16 scram-sha-256\n' } });
  conf.metadata = { ...conf.metadata, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'reports-db-config', namespace: ns }, data: { 'postgresql.conf': pgConf('16GB') } }) } };
  const scripts = configMap({ namespace: ns, name: 'reports-db-scripts', createdAgo: 300 * DAYS, data: { 'readiness.sh': '#!/bin/sh\nset -e\npg_isready -U postgres -q\nif [ "$(psql -U postgres -tAc \'select pg_is_in_recovery()\')" = "t" ]; then\n  lag=$(psql -U postgres -tAc "select coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp())::int, 999999)")\n  streaming=$(psql -U postgres -tAc "select count(*) from pg_stat_wal_receiver where status = \'streaming\'")\n  if [ "$streaming" = "0" ] || [ "$lag" -gt 300 ]; then echo "replica not ready: streaming=$streaming replay_lag=${lag}s (max 300s)"; exit 1; fi\nfi\n' } });

  const apiImage = (v: string) => `${ECR}/analytics/report-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [8000], memory: '768Mi', env: [{ name: 'PRIMARY_DSN', value: 'postgresql://report_rw@reports-db-0.reports-db-headless.analytics.svc.cluster.local:5432/reports' }, { name: 'READONLY_DSN', value: 'postgresql://report_ro@reports-db-ro.analytics.svc.cluster.local:5432/reports?connect_timeout=5' }], readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }) })] });
  const api = deploymentApp({
    namespace: ns, name: 'report-api', replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 20 * DAYS, changeCause: 'argocd: report-api 1.31.0', template: apiTpl('1.31.0') },
      { revision: 15, createdAgo: 26 * HOURS, changeCause: 'argocd: report-api 1.31.1', template: apiTpl('1.31.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 26 * HOURS - k })),
  });
  const ro = service({ namespace: ns, name: 'reports-db-ro', selector: { app: 'reports-db', 'statefulset.kubernetes.io/pod-name': 'reports-db-1' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], clusterIP: '172.20.41.7' });
  const rw = service({ namespace: ns, name: 'reports-db-rw', selector: { app: 'reports-db', 'statefulset.kubernetes.io/pod-name': 'reports-db-0' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] });
  const headless = service({ namespace: ns, name: 'reports-db-headless', selector: { app: 'reports-db' }, headless: true, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] });
  const replica = podOf(db, 1);
  const primary = podOf(db, 0);
  const seg = '00000001000000A7000000C3';
  const replicaLog = (): string => {
    const out: string[] = [
      `${pgTime(5 * HOURS + 2)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
      `${pgTime(5 * HOURS + 2)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
      `${pgTime(5 * HOURS + 2)} [27] LOG:  database system was shut down in recovery at ${pgTime(2 * DAYS + 3 * HOURS + 4).slice(0, 19)} UTC`,
      `${pgTime(5 * HOURS + 2)} [27] LOG:  entering standby mode`,
      `${pgTime(5 * HOURS + 2)} [27] LOG:  redo starts at A7/C2FFD8A0`,
      `${pgTime(5 * HOURS + 2)} [27] LOG:  consistent recovery state reached at A7/C3000000`,
      `${pgTime(5 * HOURS + 2)} [1] LOG:  database system is ready to accept read-only connections`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = i < 3 ? 5 * HOURS + 1.9 - i * 0.1 : 1.5 - (i - 3) * 0.2;
      out.push(`${pgTime(t)} [${31 + i * 4}] LOG:  started streaming WAL from primary at A7/C3000000 on timeline 1`);
      out.push(`${pgTime(t - 0.001)} [${31 + i * 4}] FATAL:  could not receive data from WAL stream: ERROR:  requested WAL segment ${seg} has already been removed`);
      out.push(`${pgTime(t - 0.002)} [27] LOG:  waiting for WAL to become available at A7/C3002000`);
    }
    return lines(...out);
  };
  const primaryLog = lines(
    `${pgTime(3 * DAYS + 2 * HOURS - 1)} [1] LOG:  received SIGHUP, reloading configuration files`,
    `${pgTime(3 * DAYS + 2 * HOURS - 1)} [1] LOG:  parameter "wal_keep_size" changed to "512MB"`,
    `${pgTime(2 * DAYS + 3 * HOURS + 4)} [88120] replicator@[unknown] LOG:  could not receive data from client: Connection reset by peer`,
    `${pgTime(2 * DAYS + 3 * HOURS + 4)} [88120] replicator@[unknown] LOG:  unexpected EOF on standby connection`,
    `${pgTime(31)} [412] LOG:  checkpoint starting: time`,
    `${pgTime(27.4)} [412] LOG:  checkpoint complete: wrote 18204 buffers (13.9%); 0 WAL file(s) added, 31 removed, 2 recycled; write=269.811 s, sync=0.012 s, total=269.870 s; sync files=61, longest=0.004 s, average=0.001 s; distance=540122 kB, estimate=552310 kB; lsn=C4/1A0F2D88, redo lsn=C3/F2114A10`,
    ...[0, 1, 2, 3, 4].flatMap((i) => [
      `${pgTime(1.5 - i * 0.2)} [${90_211 + i * 3}] replicator@[unknown] ERROR:  requested WAL segment ${seg} has already been removed`,
      `${pgTime(1.5 - i * 0.2)} [${90_211 + i * 3}] replicator@[unknown] STATEMENT:  START_REPLICATION A7/C3000000 TIMELINE 1`,
    ]),
    `${pgTime(0.8)} [90244] report_rw@reports LOG:  duration: 2481.113 ms  statement: INSERT INTO report_runs (report_id, requested_by, status) VALUES ($1, $2, 'queued')`,
  );
  const apiLog = (k: number): string => {
    const out: string[] = [`${pyTime(26 * HOURS - k - 0.3)} INFO [report_api.main] report-api 1.31.1 ready (workers=4)`];
    for (let i = 0; i < 6; i++) {
      const t = 40 - i * 7 - k * 0.4;
      out.push(`${pyTime(t)} ERROR [report_api.reports] report rpt-${4100 + i * 13 + k} failed: psycopg.OperationalError: connection failed: connection to server at "172.20.41.7", port 5432 failed: Connection refused`);
      out.push('\tIs the server running on that host and accepting TCP/IP connections?');
      out.push(`${pyTime(t - 0.01)} INFO [report_api.http] "GET /v1/reports/rpt-${4100 + i * 13 + k}/download HTTP/1.1" 503`);
      out.push(`${pyTime(t - 0.5)} INFO [report_api.http] "POST /v1/reports HTTP/1.1" 202`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout45-postgres-replica-wal-segment-removed',
    class: 'config',
    truth: `reports-db-1, the streaming standby, was down for two days while its node was under maintenance; meanwhile wal_keep_size in the reports-db-config ConfigMap had been cut from 16GB to 512MB (kubectl edit, three days ago) and the primary keeps no replication slot, so the WAL it needs is gone: every reconnect fails with "requested WAL segment ${seg} has already been removed". The standby stays up but never catches up, its readiness check fails, the reports-db-ro Service has no ready endpoints and report-api's read-only queries (report downloads) fail with connection refused. Fix: re-seed reports-db-1 with pg_basebackup, restore wal_keep_size (or use a replication slot).`,
    ask: { service: 'report-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...claims, conf, scripts, ...api.objects,
      ro, endpointSliceFor(ro, db.pods, 5432), rw, endpointSliceFor(rw, db.pods, 5432), headless, endpointSliceFor(headless, db.pods, 5432),
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: api.pods, endpointPort: 8000 }),
      probeFailed(replica, 'postgres', 'Readiness', 'replica not ready: streaming=0 replay_lag=177341s (max 300s)', { count: 1794, firstAgo: 5 * HOURS + 1, lastAgo: 0.1 }),
      nodeEvent(names[1] ?? '', 'NodeNotSchedulable', `Node ${names[1] ?? ''} status is now: NodeNotSchedulable`, { firstAgo: 2 * DAYS + 3 * HOURS + 10 }),
      nodeEvent(names[1] ?? '', 'NodeSchedulable', `Node ${names[1] ?? ''} status is now: NodeSchedulable`, { firstAgo: 5 * HOURS + 8 }),
      nodeEvent(names[1] ?? '', 'Starting', 'Starting kubelet.', { firstAgo: 5 * HOURS + 12 }),
      ...restartedAgain(replica, 'postgres', pgImage, { count: 1, firstAgo: 5 * HOURS + 2, lastAgo: 5 * HOURS + 2 }),
      event({ on: primary, reason: 'Unhealthy', message: 'Liveness probe failed: /var/run/postgresql:5432 - no response', count: 1, firstAgo: 21 * HOURS, lastAgo: 21 * HOURS, fieldPath: 'spec.containers{postgres}' }),
    ],
    logs: [
      logsFor(replica, 'postgres', { current: replicaLog() }),
      logsFor(primary, 'postgres', { current: primaryLog }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/already been removed|WAL segment|00000001000000A7000000C3|wal_keep_size/i, /reports-db-1|replica|standby|reports-db-ro/i],
      facts: [/wal_keep_size/, /reports-db-ro/, /reports-db-1/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /reports-db-0[^\n]*(down|crash|unreachable)/i],
    },
  };
}

// ---- 7. healthy control: a public site scanned by bots, with Node deprecation warnings ------------

function healthyPublicSiteBotScans(): CorpusScenario {
  const ns = 'web';
  const { nodes, names } = threeEksNodes('10.0.8', ['61', '177', '29']);
  const image = (v: string) => `${ECR}/web/www:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [3000], memory: '256Mi', cpu: '200m', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'PORT', value: '3000' }], readiness: httpProbe('/healthz', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'www', replicas: 3,
    revisions: [
      { revision: 87, createdAgo: 19 * DAYS, changeCause: 'argocd: www 2024.11.2', template: tpl('2024.11.2') },
      { revision: 88, createdAgo: 6 * DAYS, changeCause: 'argocd: www 2024.11.3', template: tpl('2024.11.3') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const other = bystander(ns, 'newsletter-api', names, 2 * DAYS, { revisions: [12, 13], versions: ['0.9.4', '0.9.5'], olderAgo: 25 * DAYS });
  const probes = ['/wp-login.php', '/.env', '/phpmyadmin/index.php', '/wp-admin/setup-config.php', '/.git/config', '/xmlrpc.php', '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php', '/.aws/credentials', '/admin/.env', '/pma/'];
  const scanners = ['185.220.101.47', '45.148.10.81', '193.41.206.12', '79.124.62.130'];
  const uas = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.124 Safari/537.36', 'python-requests/2.31.0', 'Mozilla/5.0 zgrab/0.x', 'Go-http-client/1.1'];
  const logOf = (k: number): string => {
    const host = nameOf(podOf(app, k));
    const started = 6 * DAYS - k - 0.2;
    const out: string[] = [
      '(node:1) [DEP0040] DeprecationWarning: The `punycode` module is deprecated. Please use a userland alternative instead.',
      '(Use `node --trace-deprecation ...` to show where the warning was created)',
      '(node:1) [DEP0005] DeprecationWarning: Buffer() is deprecated due to security and usability issues. Please use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
      `{"level":30,"time":${Date.parse(at(started))},"pid":1,"hostname":"${host}","msg":"www 2024.11.3 listening on :3000 (node v20.18.0, express 4.21.1)"}`,
    ];
    for (let i = 0; i < 24; i++) {
      const t = 30 - i * 1.2 - k * 0.15;
      const path = probes[(i + k * 3) % probes.length] ?? '/.env';
      const ip = scanners[(i + k) % scanners.length] ?? '45.148.10.81';
      const ua = uas[(i * 3 + k) % uas.length] ?? 'Go-http-client/1.1';
      out.push(`{"level":40,"time":${Date.parse(at(t))},"pid":1,"hostname":"${host}","req":{"method":"${i % 5 === 2 ? 'POST' : 'GET'}","url":"${path}","remoteAddress":"${ip}","userAgent":"${ua}"},"res":{"statusCode":404},"responseTime":1,"msg":"route not found"}`);
      if (i % 2 === 0) out.push(`{"level":30,"time":${Date.parse(at(t - 0.3))},"pid":1,"hostname":"${host}","req":{"method":"GET","url":"/${['pricing', 'blog/kubernetes-cost-tips', 'docs/getting-started', '', 'about'][i % 5] ?? ''}"},"res":{"statusCode":200},"responseTime":${18 + (i * 7 + k) % 40},"msg":"request completed"}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout45-healthy-public-site-bot-scans',
    class: 'healthy',
    truth: 'Nothing is wrong with www: its three revision-88 pods have been Ready for six days without a restart and serve real pages with 200s. Its logs are full of 404 "route not found" warnings from internet scanners probing /wp-login.php, /.env, /phpmyadmin and the like (the site is not WordPress or PHP), and each start prints Node DeprecationWarnings (DEP0040 punycode, DEP0005 Buffer()) from dependencies; both are background noise, not a failure.',
    ask: { service: 'www', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'www', selector: { app: 'www' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'newsletter-api', selector: { app: 'newsletter-api' }, pods: other.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active )?(problems?|issues?|failures?)|running normally|nothing (is )?wrong/i],
      facts: [/www/],
      never: [
        /\b(404s?|wp-login|phpmyadmin|\.env|scann\w+|bots?)\b[^\n]*(caus|root|broke|fail|outage|degrad)/i,
        /(DeprecationWarning|punycode|DEP0040|DEP0005)[^\n]*(caus|root|broke|fail|crash)/i,
        ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i,
      ],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  rabbitDefinitionsMissingBinding(),
  elasticsearchClientAgainstOpenSearch(),
  schedulingGateControllerScaledToZero(),
  nodeNameWaitForFirstConsumer(),
  springVirtualThreadsPinned(),
  postgresReplicaWalRemoved(),
  healthyPublicSiteBotScans(),
];
