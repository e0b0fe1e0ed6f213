// Held-out stories, fifty-sixth round, part two: a Kinesis consumer Deployment scaled by hand from
// 2 to 6 replicas whose pods each poll every shard, so the shards' 5-GetRecords-per-second limit
// throttles them (ProvisionedThroughputExceededException) and the iterator age climbs while every
// pod stays Ready; a producer in the same namespace whose new protobuf schema reused field number 3
// (string customer_id became int64 amount_cents), so the unchanged consumer decodes events with an
// empty customer_id and dead-letters them; a Cassandra client whose ConfigMap was switched to
// consistency ALL while cassandra-2 sits Pending on a replaced node, so every query fails with
// "Not enough replicas available for query at consistency ALL"; a nightly export CronJob whose
// kustomize overlay left `parallelism: 0` in its job template, so its Job never gets a pod and,
// with concurrencyPolicy Forbid, blocks every later night; a Deployment on an NFS volume exported
// with root_squash that gained a `chown -R` init container, which root cannot do there, so the new
// pods sit in Init:CrashLoopBackOff; a bulk-import endpoint whose new revision puts 20000 documents
// in one MongoDB transaction, which outlives transactionLifetimeLimitSeconds (60 s) and is aborted
// and retried forever; and a healthy control: Redis Sentinels that still list and report "+sdown"
// for a replica scaled away last week.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, cronJob, cronJobEvent, deploymentApp, event,
  execProbe, exposed, httpProbe, jobEvent, nameOf, probeFailed, pyTime, rsOf, running, scaledReplicaSet,
  scheduled, statefulSetApp, tcpProbe, waiting, ago, failedScheduling, nodeEvent, epochMs, batchContainer,
  restartedAgain, boundClaim,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes, eksNodeName } from '../kit/held-out.js';
import { node } from '../kit/nodes.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const svcOf = (ns: string, name: string, app: string, port: number, pods: readonly k8s.V1Pod[], headless = false): KubeJson[] =>
  exposed({ namespace: ns, name, selector: { app }, ports: [{ name: port === 8080 || port === 3000 ? 'http' : 'tcp', port, targetPort: port }], pods, endpointPort: port, ...(headless ? { headless: true } : {}) });
/** Java logback time: `2026-11-21 03:12:41.563`. */
const jTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');
/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
const redisTime = (minutes: number): string => {
  const d = ago(minutes);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()] ?? 'Nov';
  return `${String(d.getUTCDate()).padStart(2, '0')} ${mon} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
};

// ---- 1. Kinesis consumers scaled from 2 to 6: GetRecords throttled per shard ---------------------------

function kinesisConsumersThrottled(): CorpusScenario {
  const ns = 'fulfillment';
  const { nodes, names } = threeEksNodes('10.0.84', ['27', '140', '213']);
  const imageOf = (v: string) => `${ECR}/fulfillment/order-events-consumer:${v}`;
  const image = imageOf('2.14.1');
  const tplOf = (v: string) => ({
    serviceAccountName: 'order-events-consumer',
    containers: [container({
      image: imageOf(v), ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '250m', memory: '256Mi',
      env: [
        { name: 'KINESIS_STREAM', value: 'orders-stream' },
        { name: 'AWS_REGION', value: 'eu-west-1' },
        { name: 'POLL_INTERVAL', value: '1s' },
        { name: 'MAX_RECORDS_PER_CALL', value: '500' },
        { name: 'CHECKPOINT_TABLE', value: 'order-events-consumer-checkpoints' },
        { name: 'SHARD_ASSIGNMENT', value: 'all' },
      ],
      readiness: httpProbe('/readyz', 9102), liveness: httpProbe('/healthz', 9102, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-events-consumer',
    replicas: 6,
    revisions: [
      { revision: 18, createdAgo: 23 * DAYS, changeCause: 'argocd: order-events-consumer 2.13.4', template: tplOf('2.13.4') },
      { revision: 19, createdAgo: 9 * DAYS, changeCause: 'argocd: order-events-consumer 2.14.1', template: tplOf('2.14.1') },
    ],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 19, node: names[1] ?? '', createdAgo: 9 * DAYS - 3 },
      { revision: 19, node: names[2] ?? '', createdAgo: 52 },
      { revision: 19, node: names[0] ?? '', createdAgo: 52 },
      { revision: 19, node: names[1] ?? '', createdAgo: 52 },
      { revision: 19, node: names[2] ?? '', createdAgo: 52 },
    ],
    settled: { available: true, availableSince: 9 * DAYS - 3, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 3 },
  });
  const dep = deploymentOf(app);
  const other = bystander(ns, 'shipment-label-api', names, 35, { revisions: [44, 45], versions: ['5.2.0', '5.2.1'], olderAgo: 12 * DAYS });
  const shards = ['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002', 'shardId-000000000003'];
  const req = (i: number) => `${(0x5e7a1c3 + i * 7919).toString(16)}-${(0xb21f + i * 31).toString(16)}-4c1e-9d2a-${(0x1a2b3c4d5e6f + i * 104729).toString(16).slice(0, 12)}`;
  const logOf = (k: number, fresh: boolean) => {
    const out: string[] = [];
    if (fresh) {
      out.push(
        `{"level":"info","ts":"${at(51.8)}","caller":"cmd/consumer/main.go:61","msg":"starting order-events-consumer","version":"2.14.1","stream":"orders-stream"}`,
        `{"level":"info","ts":"${at(51.7)}","caller":"consumer/shards.go:44","msg":"listed shards","stream":"orders-stream","shards":4,"assignment":"all"}`,
      );
      for (const s of shards) out.push(`{"level":"info","ts":"${at(51.7)}","caller":"consumer/shards.go:88","msg":"resuming from checkpoint","shard":"${s}","iterator_type":"AFTER_SEQUENCE_NUMBER"}`);
    } else {
      out.push(`{"level":"info","ts":"${at(58)}","caller":"consumer/poller.go:131","msg":"batch processed","shard":"shardId-000000000002","records":212,"millis_behind_latest":850}`);
    }
    for (let i = 0; i < 22; i++) {
      const t = 40 - i * 1.8 - k * 0.07;
      const s = shards[(i + k) % 4] ?? 'shardId-000000000003';
      const shard = i % 3 === 0 ? 'shardId-000000000003' : s;
      out.push(`{"level":"warn","ts":"${at(t)}","caller":"consumer/poller.go:97","msg":"GetRecords failed, backing off","shard":"${shard}","attempt":${(i % 5) + 1},"backoff":"${[200, 400, 800, 1600, 3200][i % 5]}ms","error":"operation error Kinesis: GetRecords, https response error StatusCode: 400, RequestID: ${req(i + k * 100)}, ProvisionedThroughputExceededException: Rate exceeded for shard ${shard} in stream orders-stream under account 123456789012."}`);
      if (i % 4 === 1) out.push(`{"level":"info","ts":"${at(t - 0.2)}","caller":"consumer/poller.go:131","msg":"batch processed","shard":"${s}","records":${40 + ((i * 37 + k * 11) % 160)},"millis_behind_latest":${(380 + i * 95 + k * 7) * 1000}}`);
      if (i % 6 === 3) out.push(`{"level":"info","ts":"${at(t - 0.3)}","caller":"checkpoint/dynamo.go:77","msg":"checkpoint saved","shard":"${s}","table":"order-events-consumer-checkpoints"}`);
    }
    out.push(`{"level":"warn","ts":"${at(0.6)}","caller":"consumer/lag.go:38","msg":"consumer lag above threshold","stream":"orders-stream","max_millis_behind_latest":${2_710_000 + k * 3100},"threshold_ms":60000}`);
    return lines(...out);
  };
  const events = [
    scaledReplicaSet(dep, rsOf(app, 19), 6, 2, 52),
    ...app.pods.slice(2).flatMap((p) => [scheduled(p, 52), ...restartedAgain(p, 'app', image, { count: 1, firstAgo: 51.9, lastAgo: 51.9 })]),
    scaledReplicaSet(deploymentOf(other), rsOf(other, 45), 2, 0, 35),
  ];
  return {
    id: 'heldout56-kinesis-consumers-scaled-out-throttled',
    class: 'capacity',
    truth: 'order-events-consumer was scaled by hand from 2 to 6 replicas 52 minutes ago to work off a backlog; each replica polls all four shards of orders-stream once a second (SHARD_ASSIGNMENT=all), so each shard now gets 6 GetRecords calls per second against Kinesis\' limit of 5, the calls fail with ProvisionedThroughputExceededException and back off, and the iterator age keeps growing though every pod is Ready.',
    ask: { service: 'order-events-consumer' },
    objects: [...nodes, ...app.objects, ...other.objects, ...svcOf(ns, 'order-events-consumer-metrics', 'order-events-consumer', 9102, app.pods), ...events],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k, k >= 2) })),
    expect: {
      verdict: 'problems',
      headline: [/ProvisionedThroughputExceeded|Rate exceeded|GetRecords|throttl|read (limit|throughput)/i, /\b6\b|replicas|scal(ed|ing)|shard/i],
      facts: [/orders-stream|shardId-000000000003/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /shipment-label-api[^\n]*(caused|broke|trigger)/i],
    },
  };
}

// ---- 2. producer reused protobuf field 3: the unchanged consumer dead-letters -----------------------

function protobufFieldReused(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.96', ['15', '122', '230']);
  const consImage = `${ECR}/billing/invoice-writer:7.3.2`;
  const consumer = deploymentApp({
    namespace: ns,
    name: 'invoice-writer',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-writer 7.3.2', template: { containers: [container({
        image: consImage, cpu: '500m', memory: '1Gi', ports: [8080],
        env: [
          { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'billing-kafka-bootstrap.kafka.svc:9092' },
          { name: 'INVOICE_EVENTS_TOPIC', value: 'payments.events.v1' },
          { name: 'DLQ_TOPIC', value: 'payments.events.v1.dlq' },
          { name: 'SPRING_KAFKA_CONSUMER_GROUP_ID', value: 'invoice-writer' },
        ],
        readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
      })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
    settled: { available: true, availableSince: 12 * DAYS - 3, progressingSince: 12 * DAYS },
  });
  const prodTpl = (v: string, schema: string) => ({ containers: [container({
    image: `${ECR}/billing/payment-events-publisher:${v}`, cpu: '250m', memory: '512Mi', ports: [8080],
    env: [
      { name: 'KAFKA_BROKERS', value: 'billing-kafka-bootstrap.kafka.svc:9092' },
      { name: 'PAYMENT_EVENTS_TOPIC', value: 'payments.events.v1' },
      { name: 'EVENT_SCHEMA', value: schema },
    ],
    readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080),
  })] });
  const producer = deploymentApp({
    namespace: ns,
    name: 'payment-events-publisher',
    replicas: 2,
    revisions: [
      { revision: 9, createdAgo: 30 * DAYS, changeCause: 'argocd: payment-events-publisher 3.6.0', template: prodTpl('3.6.0', 'billing.events.v1.PaymentCaptured@sha256:1f0c9e') },
      { revision: 10, createdAgo: 47, changeCause: 'argocd: payment-events-publisher 3.7.0 (PaymentCaptured: amount in minor units)', template: prodTpl('3.7.0', 'billing.events.v1.PaymentCaptured@sha256:8b27d4') },
    ],
    pods: [{ revision: 10, node: names[1] ?? '', createdAgo: 47 }, { revision: 10, node: names[2] ?? '', createdAgo: 46 }],
    settled: { available: true, availableSince: 45, progressingSince: 47, progressingUpdatedAgo: 45 },
  });
  const other = bystander(ns, 'tax-rates-api', names, 3 * HOURS, { revisions: [12, 13], versions: ['1.9.0', '1.9.1'], olderAgo: 20 * DAYS });
  const consLog = (k: number) => {
    const out: string[] = [
      `${jTime(2 * HOURS)} INFO  [invoice-writer,,] 1 --- [ntainer#0-0-C-1] c.a.billing.invoice.PaymentEventHandler  : invoice INV-2026-${884100 + k * 13} written for customer cus_8JQ2${k}LmX (payment pay_3Tz${k}91A, 149.00 EUR)`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 44 - i * 3.1 - k * 0.11;
      const pay = `pay_${(0x4a1f00 + i * 977 + k * 131).toString(36)}`;
      const off = 1_884_220 + i * 41 + k * 7;
      out.push(
        `${jTime(t)} WARN  [invoice-writer,,] 1 --- [ntainer#0-0-C-1] c.a.billing.invoice.PaymentEventHandler  : PaymentCaptured rejected (partition ${k}, offset ${off}): customer_id is empty; event=payment_id: "${pay}" currency: "EUR" captured_at { seconds: ${Math.floor(epochMs(t + 0.02) / 1000)} } 3: ${1900 + i * 1375 + k * 50}`,
        `${jTime(t - 0.001)} ERROR [invoice-writer,,] 1 --- [ntainer#0-0-C-1] o.s.k.l.DeadLetterPublishingRecoverer    : Dead-letter publication to payments.events.v1.dlq-${k} succeeded for: payments.events.v1-${k}@${off}`,
      );
      if (i % 5 === 2) out.push(`${jTime(t - 0.01)} ERROR [invoice-writer,,] 1 --- [ntainer#0-0-C-1] o.s.k.l.DefaultErrorHandler              : Backoff FixedBackOff{interval=1000, currentAttempts=3, maxAttempts=2} exhausted for payments.events.v1-${k}@${off}\njava.lang.IllegalStateException: PaymentCaptured ${pay} has no customer_id\n\tat com.acme.billing.invoice.PaymentEventHandler.toInvoice(PaymentEventHandler.java:88)\n\tat com.acme.billing.invoice.PaymentEventHandler.onPaymentCaptured(PaymentEventHandler.java:54)\n\tat org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer.doInvokeRecordListener(KafkaMessageListenerContainer.java:2800)`);
    }
    return lines(...out);
  };
  const prodLog = lines(
    `{"level":"info","ts":"${at(46.8)}","msg":"starting payment-events-publisher","version":"3.7.0","schema":"billing.events.v1.PaymentCaptured@sha256:8b27d4"}`,
    `{"level":"info","ts":"${at(46.7)}","msg":"kafka producer ready","topic":"payments.events.v1","acks":"all","compression":"zstd"}`,
    ...[40, 30, 20, 10, 2].map((m, i) => `{"level":"info","ts":"${at(m)}","msg":"published","event":"PaymentCaptured","payment_id":"pay_${(0x51c0 + i * 911).toString(36)}","partition":${i % 3},"amount_cents":${4900 + i * 1250}}`),
  );
  return {
    id: 'heldout56-protobuf-field-number-reused',
    class: 'rollout',
    truth: 'payment-events-publisher 3.7.0 (revision 10, 47 minutes ago) changed PaymentCaptured so that field number 3, which was `string customer_id`, is now `int64 amount_cents`; the unchanged invoice-writer still decodes field 3 as customer_id, so the varint lands in unknown fields, customer_id comes out empty, and every new event is rejected and dead-lettered to payments.events.v1.dlq.',
    ask: { service: 'invoice-writer' },
    objects: [...nodes, ...consumer.objects, ...producer.objects, ...other.objects,
      ...svcOf(ns, 'invoice-writer', 'invoice-writer', 8080, consumer.pods),
      ...svcOf(ns, 'payment-events-publisher', 'payment-events-publisher', 8080, producer.pods),
      scaledReplicaSet(deploymentOf(producer), rsOf(producer, 10), 2, 0, 47),
      scaledReplicaSet(deploymentOf(producer), rsOf(producer, 9), 0, 2, 45),
    ],
    logs: [
      ...consumer.pods.map((p, k) => logsFor(p, 'app', { current: consLog(k) })),
      ...producer.pods.map((p) => logsFor(p, 'app', { current: prodLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/payment-events-publisher|producer|schema|proto|field (number )?3|customer_id|amount_cents/i],
      facts: [/payment-events-publisher/i, /dead.?letter|dlq/i],
      never: [/\bOOM/, /invoice-writer[^\n]*(revision|rollout) \d*[^\n]*(caused|broke|introduced)/i, /kafka (broker|cluster)[^\n]*(down|unreachable|unavailable)/i],
    },
  };
}

// ---- 3. Cassandra client at consistency ALL while one of three nodes is down ------------------------

function cassandraConsistencyAll(): CorpusScenario {
  const ns = 'reviews';
  const { nodes: three, names } = threeEksNodes('10.0.40', ['66', '151', '29']);
  // The eu-west-1c node (10.0.40.29) was terminated for an AMI refresh; its replacement has not joined yet.
  const nodes = [three[0], three[1], node({ name: eksNodeName('10.0.40.118'), zone: 'eu-west-1b' })].filter((n): n is k8s.V1Node => n !== undefined);
  const replacement = node({ name: eksNodeName('10.0.40.244'), zone: 'eu-west-1c' });
  const cassImage = 'docker.io/library/cassandra:4.1.7';
  const cass = statefulSetApp({
    namespace: ns,
    name: 'cassandra',
    replicas: 3,
    serviceName: 'cassandra',
    revisions: [{ revision: 4, createdAgo: 80 * DAYS, template: { containers: [container({
      name: 'cassandra', image: cassImage, ports: [{ name: 'cql', containerPort: 9042 }, { name: 'intra-node', containerPort: 7000 }], cpu: '2', memory: '8Gi',
      env: [{ name: 'CASSANDRA_CLUSTER_NAME', value: 'reviews' }, { name: 'CASSANDRA_DC', value: 'eu-west-1' }, { name: 'CASSANDRA_SEEDS', value: 'cassandra-0.cassandra.reviews.svc.cluster.local' }],
      readiness: execProbe(['/bin/sh', '-c', 'nodetool status | grep -E "^UN\\s+${POD_IP}"'], { periodSeconds: 15, timeoutSeconds: 10 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/cassandra' }],
    })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 31 * DAYS },
      { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 31 * DAYS },
      { revision: 4, ordinal: 2, createdAgo: 96, unschedulable: '0/4 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 3 node(s) had volume node affinity conflict. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.' },
    ],
  });
  const cassPending = podOf(cass, 2);
  const cassClaims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-cassandra-${k}`, storage: '200Gi', storageClass: 'gp3', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][k] ?? 'eu-west-1a', createdAgo: 80 * DAYS }));
  const confOld = 'datastax-java-driver {\n  basic.contact-points = ["cassandra-0.cassandra.reviews.svc.cluster.local:9042", "cassandra-1.cassandra.reviews.svc.cluster.local:9042"]\n  basic.load-balancing-policy.local-datacenter = eu-west-1\n  basic.session-keyspace = reviews\n  basic.request.timeout = 2 seconds\n  basic.request.consistency = LOCAL_QUORUM\n  basic.request.serial-consistency = LOCAL_SERIAL\n  advanced.retry-policy.class = DefaultRetryPolicy\n}\n';
  const conf = confOld.replace('consistency = LOCAL_QUORUM', 'consistency = ALL');
  const cm = configMap({ namespace: ns, name: 'reviews-api-driver', createdAgo: 200 * DAYS, updatedAgo: 38, data: { 'application.conf': conf } });
  const apiImage = `${ECR}/reviews/reviews-api:4.8.0`;
  const apiTpl = {
    volumes: [{ name: 'driver-config', configMap: { name: 'reviews-api-driver' } }],
    containers: [container({
      image: apiImage, cpu: '500m', memory: '1Gi', ports: [8080],
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Dconfig.file=/etc/reviews/application.conf -XX:MaxRAMPercentage=75' }],
      volumeMounts: [{ name: 'driver-config', mountPath: '/etc/reviews' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 3 }), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }),
    })],
  };
  const api = deploymentApp({
    namespace: ns,
    name: 'reviews-api',
    replicas: 3,
    revisions: [
      { revision: 56, createdAgo: 34 * DAYS, changeCause: 'argocd: reviews-api 4.7.3', template: { ...apiTpl, containers: [{ ...apiTpl.containers[0], name: 'app', image: `${ECR}/reviews/reviews-api:4.7.3` }] } },
      { revision: 57, createdAgo: 16 * DAYS, changeCause: 'argocd: reviews-api 4.8.0', template: apiTpl },
    ],
    // The driver reloads application.conf from the mounted ConfigMap every 5 minutes: no rollout.
    pods: [0, 1, 2].map((k) => ({ revision: 57, node: nameOf(nodes[k]), createdAgo: 16 * DAYS - k, containers: { app: running({ sinceAgo: 16 * DAYS - k - 0.5, ready: false }) } })),
    settled: { available: false, availableSince: 35, progressingSince: 16 * DAYS, progressingUpdatedAgo: 16 * DAYS - 3 },
  });
  const apiDep = deploymentOf(api);
  const cql = (i: number) => ['SELECT * FROM reviews.reviews_by_product WHERE product_id=? LIMIT 20', 'SELECT avg_rating, review_count FROM reviews.product_rating WHERE product_id=?', 'INSERT INTO reviews.reviews_by_product (product_id, review_id, author_id, rating, body, created_at) VALUES (?,?,?,?,?,?)'][i % 3];
  const apiLog = (k: number) => {
    const out = [
      `${jTime(97 - k * 0.2)} INFO 1 --- [        s0-io-3] c.d.o.d.i.core.pool.ChannelPool          : [s0|cassandra-2.cassandra.reviews.svc.cluster.local/10.0.40.187:9042]  Error while opening new channel (ConnectionInitException: [s0|connecting...] Protocol initialization request, step 1 (OPTIONS): failed to send request (io.netty.channel.ConnectTimeoutException: connection timed out: cassandra-2.cassandra.reviews.svc.cluster.local/10.0.40.187:9042))`,
      `${jTime(60 - k * 0.2)} INFO 1 --- [nio-8080-exec-4] c.acme.reviews.api.ReviewController      : GET /v1/products/P-88213/reviews 200 in 14 ms`,
      `${jTime(40 - k * 0.2)} INFO 1 --- [nio-8080-exec-7] c.acme.reviews.api.ReviewController      : GET /v1/products/P-10452/rating 200 in 6 ms`,
    ];
    for (let i = 0; i < 16; i++) {
      const t = 35.5 - i * 2.1 - k * 0.13;
      out.push(`${jTime(t)} ERROR 1 --- [nio-8080-exec-${(i % 10) + 1}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: com.datastax.oss.driver.api.core.servererrors.UnavailableException: Not enough replicas available for query at consistency ALL (3 required but only 2 alive)] with root cause\n\ncom.datastax.oss.driver.api.core.servererrors.UnavailableException: Not enough replicas available for query at consistency ALL (3 required but only 2 alive)\n\tat com.datastax.oss.driver.api.core.servererrors.UnavailableException.copy(UnavailableException.java:111)\n\tat com.datastax.oss.driver.internal.core.util.concurrent.CompletableFutures.getUninterruptibly(CompletableFutures.java:151)\n\tat com.datastax.oss.driver.internal.core.cql.CqlRequestSyncProcessor.process(CqlRequestSyncProcessor.java:53)\n\tat com.acme.reviews.repo.ReviewRepository.query(ReviewRepository.java:${61 + (i % 3) * 14}) [${cql(i)}]`);
    }
    out.push(`${jTime(0.4)} WARN 1 --- [nio-8080-exec-3] o.s.b.a.health.HealthEndpointSupport      : Health contributor cassandra (cassandra) is DOWN: UnavailableException: Not enough replicas available for query at consistency ALL (3 required but only 2 alive)`);
    return lines(...out);
  };
  const cassLog = lines(
    `INFO  [GossipStage:1] ${jTime(98).replace('.', ',')} Gossiper.java:1342 - InetAddress /10.0.40.187:7000 is now DOWN`,
    `INFO  [ScheduledTasks:1] ${jTime(60).replace('.', ',')} StatusLogger.java:65 - Pool Name                       Active   Pending      Completed   Blocked  All Time Blocked`,
    `WARN  [Native-Transport-Requests-4] ${jTime(20).replace('.', ',')} NoSpamLogger.java:108 - Unavailable: Cannot achieve consistency level ALL`,
  );
  const events = [
    failedScheduling(cassPending, cassPending.status?.conditions?.[0]?.message ?? '', { count: 41, firstAgo: 96, lastAgo: 2 }),
    nodeEvent(nameOf(replacement), 'NodeNotReady', `Node ${nameOf(replacement)} status is now: NodeNotReady`, { firstAgo: 9, component: 'node-controller' }),
    nodeEvent(nameOf(replacement), 'RegisteredNode', `Node ${nameOf(replacement)} event: Registered Node ${nameOf(replacement)} in Controller`, { type: 'Normal', firstAgo: 9, component: 'node-controller' }),
    ...api.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 190, firstAgo: 35, lastAgo: 0.2 })),
  ];
  void apiDep;
  const replNode = replacement as k8s.V1Node;
  replNode.spec = { ...replNode.spec, taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] };
  const readyCond = replNode.status?.conditions?.find((c) => c.type === 'Ready');
  if (readyCond) { readyCond.status = 'False'; readyCond.reason = 'KubeletNotReady'; readyCond.message = 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized'; readyCond.lastTransitionTime = ago(9); }
  return {
    id: 'heldout56-cassandra-consistency-all-one-node-down',
    class: 'config',
    truth: 'The reviews-api-driver ConfigMap was edited 38 minutes ago to set basic.request.consistency = ALL (was LOCAL_QUORUM), which the DataStax driver in the running reviews-api pods reloaded without a rollout; cassandra-2 has been Pending for 96 minutes because its eu-west-1c node was replaced and its volume cannot follow, so only 2 of 3 replicas are alive and every query fails with UnavailableException (3 required but only 2 alive).',
    ask: { service: 'reviews-api' },
    objects: [...nodes, replacement, ...cass.objects, ...cassClaims, cm, ...api.objects,
      ...svcOf(ns, 'reviews-api', 'reviews-api', 8080, api.pods),
      ...svcOf(ns, 'cassandra', 'cassandra', 9042, cass.pods.slice(0, 2), true),
      ...events],
    logs: [...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })), logsFor(podOf(cass, 0), 'cassandra', { current: cassLog })],
    expect: {
      verdict: 'problems',
      headline: [/consistency[^\n]*\bALL\b|\bALL\b[^\n]*consistency|UnavailableException|not enough replicas/i, /reviews-api-driver|ConfigMap|cassandra-2|LOCAL_QUORUM|2 alive/i],
      facts: [/cassandra-2/, /reviews-api-driver|consistency/i],
      never: [/\bOOM/, /readiness probe[^\n]*(too (strict|short)|timeout)/i],
    },
  };
}

// ---- 4. nightly export CronJob with parallelism 0 ---------------------------------------------------

function cronJobParallelismZero(): CorpusScenario {
  const ns = 'finance-reporting';
  const { nodes, names } = threeEksNodes('10.0.112', ['9', '101', '187']);
  const image = `${ECR}/finance/ledger-export:1.22.0`;
  const tpl = {
    serviceAccountName: 'ledger-export',
    containers: [batchContainer({
      name: 'export', image, cpu: '1', memory: '2Gi',
      args: ['export', '--date=yesterday', '--format=parquet', '--dest=s3://acme-finance-reports/ledger/'],
      env: [{ name: 'LEDGER_DB_HOST', value: 'ledger-replica.cluster-ro-c9w2p1.eu-west-1.rds.amazonaws.com' }],
    })],
  };
  // 02:30 UTC nightly; NOW is 03:14, so tonight's run was due 44 minutes ago.
  const tonight = 44;
  const built = cronJob({
    namespace: ns,
    name: 'nightly-ledger-export',
    schedule: '30 2 * * *',
    template: tpl,
    backoffLimit: 2,
    createdAgo: 300 * DAYS,
    lastSuccessfulAgo: 3 * DAYS + tonight - 23,
    jobs: [
      { createdAgo: 3 * DAYS + tonight, parallelism: 1, pods: [{ node: names[1] ?? '', phase: 'Succeeded', createdAgo: 3 * DAYS + tonight, containers: { export: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(3 * DAYS + tonight - 0.3), finishedAt: ago(3 * DAYS + tonight - 23) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: 3 * DAYS + tonight - 23 } },
      { createdAgo: 2 * DAYS + tonight, parallelism: 0, pods: [] },
    ],
  });
  const cron = built.objects[0] as k8s.V1CronJob;
  cron.metadata = {
    ...cron.metadata,
    generation: 7,
    labels: { 'app.kubernetes.io/name': 'ledger-export', 'app.kubernetes.io/part-of': 'finance-reporting', 'argocd.argoproj.io/instance': 'finance-reporting-prod' },
    annotations: { 'argocd.argoproj.io/tracking-id': 'finance-reporting-prod:batch/CronJob:finance-reporting/nightly-ledger-export' },
  };
  if (cron.spec?.jobTemplate.spec) {
    cron.spec.jobTemplate.spec = { ...cron.spec.jobTemplate.spec, parallelism: 0, completions: 1 };
    cron.spec.jobTemplate.spec.template.metadata = { labels: { 'app.kubernetes.io/name': 'ledger-export' }, annotations: { 'kustomize.config.k8s.io/overlay': 'overlays/prod' } };
  }
  const stuck = built.jobs[1];
  const stuckJob = stuck?.objects[0] as k8s.V1Job;
  if (stuckJob.status) stuckJob.status = { startTime: ago(2 * DAYS + tonight), ready: 0, terminating: 0, uncountedTerminatedPods: {} };
  if (cron.status) cron.status.active = [{ kind: 'Job', name: nameOf(stuckJob), namespace: ns, uid: stuckJob.metadata?.uid ?? '', apiVersion: 'batch/v1' }];
  const other = cronJob({
    namespace: ns,
    name: 'fx-rates-sync',
    schedule: '*/30 * * * *',
    template: { containers: [batchContainer({ name: 'sync', image: `${ECR}/finance/fx-rates-sync:0.9.4`, cpu: '100m', memory: '128Mi' })] },
    lastSuccessfulAgo: 13,
    jobs: [44, 14].map((m) => ({ createdAgo: m, pods: [{ node: names[(m / 14) % 3 | 0] ?? '', phase: 'Succeeded' as const, createdAgo: m, containers: { sync: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(m - 0.2), finishedAt: ago(m - 1) } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true as const, ago: m - 1 } })),
  });
  const api = bystander(ns, 'reporting-api', names, 50, { revisions: [31, 32], versions: ['2.8.0', '2.8.1'], olderAgo: 18 * DAYS });
  const exportLog = lines(
    `${pyTime(3 * DAYS + tonight - 0.3)} INFO ledger_export.cli: export starting date=${ago(4 * DAYS).toISOString().slice(0, 10)} format=parquet`,
    `${pyTime(3 * DAYS + tonight - 12)} INFO ledger_export.writer: wrote 4,118,302 rows to s3://acme-finance-reports/ledger/dt=${ago(4 * DAYS).toISOString().slice(0, 10)}/part-0000.parquet`,
    `${pyTime(3 * DAYS + tonight - 23)} INFO ledger_export.cli: export finished in 1372.4s`,
  );
  const events = [
    cronJobEvent(cron, 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', tonight),
    ...other.jobs.flatMap((j, i) => [jobEvent(j.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(j.pods[0])}`, i === 0 ? 44 : 14), jobEvent(j.objects[0], 'Completed', 'Job completed', i === 0 ? 43 : 13)]),
    cronJobEvent(other.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(other.jobs[1]?.objects[0])}, condition: Complete`, 13),
  ];
  return {
    id: 'heldout56-cronjob-parallelism-zero',
    class: 'jobs',
    truth: 'A kustomize overlay that once "paused" nightly-ledger-export by patching its job template to parallelism: 0 was left in overlays/prod; the Job created two nights ago never got a pod (active 0, no failure, never completes) and, with concurrencyPolicy Forbid, the CronJob has skipped every night since, so the ledger report has not been produced for three nights.',
    ask: { service: 'nightly-ledger-export' },
    objects: [...nodes, ...built.objects, ...other.objects, ...api.objects, ...events],
    logs: [logsFor(built.jobs[0]?.pods[0], 'export', { current: exportLog })],
    expect: {
      verdict: 'problems',
      headline: [/parallelism/i],
      facts: [lit(nameOf(stuckJob)), /Forbid|JobAlreadyActive|prior execution/i],
      never: [/\bOOM/, /backoff ?limit/i, /\bis suspended|suspend: true/i, /image ?pull/i],
    },
  };
}

// ---- 5. chown init container on a root_squash NFS volume ---------------------------------------------

function nfsRootSquashChown(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.58', ['12', '97', '203']);
  const pvName = 'media-assets-nfs';
  const pvObj: k8s.V1PersistentVolume = {
    apiVersion: 'v1', kind: 'PersistentVolume',
    metadata: { name: pvName, uid: '3c1d9f0e-5a77-4b2e-8d61-0f2b6c9e4a11', creationTimestamp: ago(400 * DAYS), labels: { 'storage.acme.io/tier': 'nfs' }, finalizers: ['kubernetes.io/pv-protection'] },
    spec: {
      capacity: { storage: '2Ti' }, accessModes: ['ReadWriteMany'], persistentVolumeReclaimPolicy: 'Retain', storageClassName: '', volumeMode: 'Filesystem',
      mountOptions: ['nfsvers=4.1', 'hard', 'timeo=600', 'retrans=2'],
      nfs: { server: 'filer-01.storage.acme.internal', path: '/exports/media/assets' },
      claimRef: { kind: 'PersistentVolumeClaim', namespace: ns, name: 'media-assets', apiVersion: 'v1' },
    },
    status: { phase: 'Bound', lastPhaseTransitionTime: ago(400 * DAYS) },
  };
  const claim: k8s.V1PersistentVolumeClaim = {
    apiVersion: 'v1', kind: 'PersistentVolumeClaim',
    metadata: { name: 'media-assets', namespace: ns, uid: '9b2e14c7-0d3a-4f58-a6e9-71c4d2b08f35', creationTimestamp: ago(400 * DAYS), annotations: { 'pv.kubernetes.io/bind-completed': 'yes' }, finalizers: ['kubernetes.io/pvc-protection'] },
    spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '2Ti' } }, storageClassName: '', volumeName: pvName, volumeMode: 'Filesystem' },
    status: { phase: 'Bound', accessModes: ['ReadWriteMany'], capacity: { storage: '2Ti' } },
  };
  const appContainer = (v: string) => container({
    image: `${ECR}/media/asset-service:${v}`, cpu: '500m', memory: '768Mi', ports: [8080],
    volumeMounts: [{ name: 'assets', mountPath: '/data' }],
    env: [{ name: 'ASSET_ROOT', value: '/data' }, { name: 'THUMBNAIL_WORKERS', value: '4' }],
    securityContext: { runAsUser: 1000, runAsGroup: 1000, runAsNonRoot: true, allowPrivilegeEscalation: false },
    readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
  });
  const initImage = 'docker.io/library/busybox:1.36.1';
  const fixPerms = container({
    name: 'fix-perms', image: initImage, command: ['sh', '-c', 'chown -R 1000:1000 /data && chmod -R g+rwX /data'], cpu: '50m', memory: '64Mi',
    readiness: null, liveness: null, ports: [],
    volumeMounts: [{ name: 'assets', mountPath: '/data' }], securityContext: { runAsUser: 0, runAsNonRoot: false },
  });
  const volumes = [{ name: 'assets', persistentVolumeClaim: { claimName: 'media-assets' } }];
  const app = deploymentApp({
    namespace: ns,
    name: 'asset-service',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    revisions: [
      { revision: 7, createdAgo: 26 * DAYS, changeCause: 'argocd: asset-service 3.4.2', template: { volumes, containers: [appContainer('3.4.2')], securityContext: { fsGroup: 1000 } } },
      { revision: 8, createdAgo: 41, changeCause: 'argocd: asset-service 3.5.0', template: { volumes, initContainers: [fixPerms], containers: [appContainer('3.5.0')], securityContext: { fsGroup: 1000 } } },
    ],
    pods: [
      { revision: 7, node: names[0] ?? '', createdAgo: 26 * DAYS - 1 },
      { revision: 7, node: names[1] ?? '', createdAgo: 26 * DAYS - 2 },
      { revision: 7, node: names[2] ?? '', createdAgo: 26 * DAYS - 3 },
      { revision: 8, node: names[2] ?? '', createdAgo: 41, initContainers: { 'fix-perms': crashLoop({ exitCode: 1, finishedAgo: 2.5, ranSeconds: 4 }, 12) }, containers: { app: waiting('PodInitializing') } },
    ],
  });
  const other = bystander(ns, 'transcode-worker', names, 3 * HOURS, { revisions: [15, 16], versions: ['1.30.0', '1.30.1'], olderAgo: 9 * DAYS });
  const dep = deploymentOf(app);
  const newPods = app.pods.slice(3);
  const paths = ['/data/uploads/2026/11/20/c7f1e2a9.jpg', '/data/uploads/2026/11/20/c7f1e2a9_thumb.webp', '/data/uploads/2026/11/20', '/data/catalog/banners/winter-sale.png', '/data/catalog/banners', '/data/.snapshot', '/data/uploads/2026/11', '/data/uploads'];
  const initLog = lines(...paths.map((p) => `chown: ${p}: Operation not permitted`), 'chown: /data: Operation not permitted');
  const events = [
    scaledReplicaSet(dep, rsOf(app, 8), 1, 0, 41),
    ...newPods.flatMap((p) => [
      scheduled(p, 41),
      event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${initImage}" already present on machine`, count: 13, firstAgo: 40.8, lastAgo: 2.6, fieldPath: 'spec.initContainers{fix-perms}' }),
      event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container fix-perms', count: 13, firstAgo: 40.8, lastAgo: 2.6, fieldPath: 'spec.initContainers{fix-perms}' }),
      event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container fix-perms', count: 13, firstAgo: 40.8, lastAgo: 2.6, fieldPath: 'spec.initContainers{fix-perms}' }),
      backOff(p, 'fix-perms', { count: 178, firstAgo: 40.5, init: true }),
    ]),
  ];
  return {
    id: 'heldout56-nfs-root-squash-chown-init',
    class: 'storage',
    truth: 'asset-service 3.5.0 (revision 8) added a fix-perms init container that runs `chown -R 1000:1000 /data` as root on the media-assets NFS volume; filer-01 exports /exports/media/assets with root_squash, so root is mapped to nobody, chown fails with "Operation not permitted" and the new pod sits in Init:CrashLoopBackOff (the rollout is stuck at one new pod, maxUnavailable 0) while revision 7\'s three pods keep serving.',
    ask: { service: 'asset-service' },
    objects: [...nodes, pvObj, claim, ...app.objects, ...other.objects, ...svcOf(ns, 'asset-service', 'asset-service', 8080, app.pods), ...events],
    logs: [
      ...newPods.map((p) => logsFor(p, 'fix-perms', { current: initLog, previous: initLog })),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","time":"${at(3)}","msg":"GET /v1/assets/c7f1e2a9/thumb 200","bytes":18233,"ms":12}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/chown|root.?squash|Operation not permitted|ownership|permission/i, /fix-perms|init/i],
      facts: [/media-assets|NFS|filer-01/i],
      never: [/\bOOM/, /image ?pull/i, /(PVC|claim)[^\n]*(Pending|not bound|unbound)/i],
    },
  };
}

// ---- 6. bulk import beyond MongoDB's transaction lifetime -------------------------------------------

function mongoTransactionLifetime(): CorpusScenario {
  const ns = 'crm';
  const { nodes, names } = threeEksNodes('10.0.130', ['44', '170', '222']);
  const apiTpl = (v: string, batch: string) => ({ containers: [container({
    image: `${ECR}/crm/contacts-api:${v}`, cpu: '1', memory: '1536Mi', ports: [3000],
    env: [
      { name: 'NODE_ENV', value: 'production' },
      { name: 'MONGODB_URI', value: 'mongodb://contacts-mongo-0.contacts-mongo,contacts-mongo-1.contacts-mongo,contacts-mongo-2.contacts-mongo/crm?replicaSet=rs0&retryWrites=true' },
      { name: 'IMPORT_BATCH_SIZE', value: batch },
      { name: 'IMPORT_MAX_RETRIES', value: '0' },
    ],
    readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }),
  })] });
  const api = deploymentApp({
    namespace: ns,
    name: 'contacts-api',
    replicas: 3,
    revisions: [
      { revision: 41, createdAgo: 15 * DAYS, changeCause: 'argocd: contacts-api 3.8.2', template: apiTpl('3.8.2', '500') },
      { revision: 42, createdAgo: 5 * HOURS + 10, changeCause: 'argocd: contacts-api 3.9.0 (import: one transaction per upload)', template: apiTpl('3.9.0', '20000') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 42, node: names[k] ?? '', createdAgo: 5 * HOURS + 9 - k })),
    settled: { available: true, availableSince: 5 * HOURS + 6, progressingSince: 5 * HOURS + 10, progressingUpdatedAgo: 5 * HOURS + 6 },
  });
  const mongo = statefulSetApp({
    namespace: ns,
    name: 'contacts-mongo',
    replicas: 3,
    serviceName: 'contacts-mongo',
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: { containers: [container({
      name: 'mongod', image: 'docker.io/library/mongo:7.0.14', args: ['--replSet', 'rs0', '--bind_ip_all', '--wiredTigerCacheSizeGB', '2'], ports: [{ name: 'mongo', containerPort: 27017 }], cpu: '2', memory: '6Gi',
      readiness: execProbe(['mongosh', '--quiet', '--eval', 'db.adminCommand("ping").ok'], { periodSeconds: 10, timeoutSeconds: 5 }),
      volumeMounts: [{ name: 'data', mountPath: '/data/db' }],
    })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((k) => ({ revision: 3, ordinal: k, node: names[k] ?? '', createdAgo: 40 * DAYS })),
  });
  const mongoClaims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-contacts-mongo-${k}`, storage: '100Gi', storageClass: 'gp3', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][k] ?? 'eu-west-1a', createdAgo: 90 * DAYS }));
  const other = bystander(ns, 'crm-web', names, 90, { revisions: [73, 74], versions: ['2026.11.20-1', '2026.11.20-2'], olderAgo: 6 * DAYS });
  const importId = 'imp_01JD8K3W7Q2Y5';
  const apiLog = (k: number) => {
    const out: string[] = [`{"level":30,"time":${epochMs(5 * HOURS + 8 - k)},"pid":1,"hostname":"contacts-api","msg":"contacts-api 3.9.0 listening on :3000"}`];
    if (k === 0) {
      for (let a = 0; a < 9; a++) {
        const start = 48 - a * 5.2;
        out.push(
          `{"level":30,"time":${epochMs(start)},"pid":1,"hostname":"contacts-api","importId":"${importId}","tenant":"t_4410","attempt":${a + 1},"docs":86412,"batchSize":20000,"msg":"bulk import: batch 1/5 started in transaction"}`,
          `{"level":40,"time":${epochMs(start - 1.02)},"pid":1,"hostname":"contacts-api","importId":"${importId}","attempt":${a + 1},"inserted":${17200 + a * 130},"elapsedMs":${61100 + a * 40},"err":{"type":"MongoServerError","message":"Transaction with { txnNumber: ${a + 1} } has been aborted.","code":251,"codeName":"NoSuchTransaction","errorLabels":["TransientTransactionError"]},"msg":"bulk import: transaction aborted, retrying withTransaction"}`,
        );
        if (a % 3 === 2) out.push(`{"level":50,"time":${epochMs(start - 1.1)},"pid":1,"hostname":"contacts-api","importId":"${importId}","err":{"type":"MongoServerError","message":"Transaction with { txnNumber: ${a + 1} } has been aborted.","stack":"MongoServerError: Transaction with { txnNumber: ${a + 1} } has been aborted.\\n    at Connection.sendCommand (/app/node_modules/mongodb/lib/cmap/connection.js:299:27)\\n    at async ClientSession.withTransaction (/app/node_modules/mongodb/lib/sessions.js:392:17)\\n    at async ImportService.importBatch (/app/dist/import/import.service.js:88:9)","code":251,"codeName":"NoSuchTransaction"},"msg":"POST /v2/imports/${importId}/run 500"}`);
      }
    }
    for (let i = 0; i < 8; i++) out.push(`{"level":30,"time":${epochMs(40 - i * 5 - k)},"pid":1,"hostname":"contacts-api","req":{"method":"GET","url":"/v2/contacts?tenant=t_${4400 + i}&limit=50"},"res":{"statusCode":200},"responseTime":${18 + i},"msg":"request completed"}`);
    return lines(...out);
  };
  const mongoLog = (() => {
    const out: string[] = [];
    for (let a = 0; a < 9; a++) {
      const t = 48 - a * 5.2 - 1.01;
      out.push(
        `{"t":{"$date":"${at(t)}"},"s":"I",  "c":"TXN",      "id":5377700, "ctx":"TransactionAbortExpiredTransactions","msg":"Aborting transaction because it has been running for longer than 'transactionLifetimeLimitSeconds'","attr":{"sessionId":{"id":{"$uuid":"8f2c1e70-3b9a-4d61-a0c4-5e7d91b2c3f${a}"},"uid":{"$binary":{"base64":"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=","subType":"0"}}},"txnNumber":${a + 1},"lifetimeLimitSeconds":60}}`,
        `{"t":{"$date":"${at(t - 0.01)}"},"s":"I",  "c":"TXN",      "id":51802,   "ctx":"conn${812 + a}","msg":"transaction","attr":{"parameters":{"lsid":{"id":{"$uuid":"8f2c1e70-3b9a-4d61-a0c4-5e7d91b2c3f${a}"}},"txnNumber":${a + 1},"readConcern":{"level":"snapshot"}},"terminationCause":"aborted","timeActiveMicros":${61_020_000 + a * 1000},"numYields":0,"locks":{},"durationMillis":${61030 + a}}}`,
      );
    }
    out.push(`{"t":{"$date":"${at(12)}"},"s":"I",  "c":"WTCHKPT",  "id":22430,   "ctx":"Checkpointer","msg":"WiredTiger message","attr":{"message":{"ts_sec":${Math.floor(epochMs(12) / 1000)},"category":"WT_VERB_CHECKPOINT_PROGRESS","category_id":6,"verbose_level":"DEBUG_1","verbose_level_id":1,"msg":"saving checkpoint snapshot min: 81234, snapshot max: 81234 snapshot count: 0, oldest timestamp: (0, 0) , meta checkpoint timestamp: (0, 0) base write gen: 1"}}}`);
    return lines(...out);
  })();
  return {
    id: 'heldout56-mongo-transaction-lifetime-bulk-import',
    class: 'config',
    truth: 'contacts-api 3.9.0 (revision 42) raised IMPORT_BATCH_SIZE from 500 to 20000 and runs each batch in one multi-document transaction; a batch takes about 61 seconds, longer than MongoDB\'s transactionLifetimeLimitSeconds of 60, so mongod aborts it, the driver sees NoSuchTransaction with TransientTransactionError and withTransaction retries from scratch, and tenant t_4410\'s import never completes.',
    ask: { service: 'contacts-api' },
    objects: [...nodes, ...api.objects, ...mongo.objects, ...mongoClaims, ...other.objects,
      ...svcOf(ns, 'contacts-api', 'contacts-api', 3000, api.pods),
      ...svcOf(ns, 'contacts-mongo', 'contacts-mongo', 27017, mongo.pods, true),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 74), 2, 0, 90)],
    logs: [...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })), logsFor(podOf(mongo, 0), 'mongod', { current: mongoLog })],
    expect: {
      verdict: 'problems',
      headline: [/transactionLifetimeLimitSeconds|lifetime|60 ?s(ec(ond)?s?)?|NoSuchTransaction|transaction[^\n]*(abort|too long|limit)/i],
      facts: [/IMPORT_BATCH_SIZE|20000|batch/i, /contacts-mongo|transactionLifetimeLimitSeconds/i],
      never: [/\bOOM/, /(mongo|contacts-mongo)[^\n]*(down|unreachable|unavailable)/i, /crm-web[^\n]*(caused|broke)/i],
    },
  };
}

// ---- 7. healthy: Sentinel still remembers a replica scaled away last week ----------------------------

function sentinelRemembersRemovedReplica(): CorpusScenario {
  const ns = 'sessions';
  const { nodes, names } = threeEksNodes('10.0.150', ['8', '119', '240']);
  const redisImage = 'docker.io/library/redis:7.2.6';
  const redis = statefulSetApp({
    namespace: ns,
    name: 'redis',
    replicas: 2,
    serviceName: 'redis',
    revisions: [{ revision: 6, createdAgo: 60 * DAYS, template: { containers: [container({
      name: 'redis', image: redisImage, command: ['redis-server', '/etc/redis/redis.conf'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '250m', memory: '1Gi',
      readiness: execProbe(['redis-cli', 'ping'], { periodSeconds: 5 }), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }),
    })] } }],
    pods: [0, 1].map((k) => ({ revision: 6, ordinal: k, node: names[k] ?? '', createdAgo: 33 * DAYS - k })),
  });
  const sentinel = statefulSetApp({
    namespace: ns,
    name: 'redis-sentinel',
    replicas: 3,
    serviceName: 'redis-sentinel',
    podManagementPolicy: 'Parallel',
    revisions: [4, 5].map((revision) => ({ revision, createdAgo: revision === 4 ? 60 * DAYS : 2 * DAYS + 40, template: { containers: [container({
      name: 'sentinel', image: redisImage, command: ['redis-sentinel', '/data/sentinel.conf'], ports: [{ name: 'sentinel', containerPort: 26379 }], cpu: '50m', memory: revision === 4 ? '64Mi' : '128Mi',
      readiness: execProbe(['redis-cli', '-p', '26379', 'ping'], { periodSeconds: 5 }),
      volumeMounts: [{ name: 'sentinel-data', mountPath: '/data' }],
    })] } })),
    volumeClaimTemplates: [{ name: 'sentinel-data', storage: '1Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((k) => ({ revision: 5, ordinal: k, node: names[k] ?? '', createdAgo: 2 * DAYS + 40 - k })),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'session-gateway',
    replicas: 3,
    revisions: [{ revision: 27, createdAgo: 11 * DAYS, changeCause: 'argocd: session-gateway 1.18.3', template: { containers: [container({
      image: `${ECR}/sessions/session-gateway:1.18.3`, cpu: '250m', memory: '256Mi', ports: [8080],
      env: [{ name: 'REDIS_SENTINELS', value: 'redis-sentinel-0.redis-sentinel:26379,redis-sentinel-1.redis-sentinel:26379,redis-sentinel-2.redis-sentinel:26379' }, { name: 'REDIS_MASTER_NAME', value: 'mymaster' }],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080),
    })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
    settled: { available: true, availableSince: 11 * DAYS - 3, progressingSince: 11 * DAYS },
  });
  const master = '10.0.150.61';
  const replica = '10.0.150.143';
  const gone = '10.0.150.212';
  const sentinelIds = ['3f1c0a9e2b7d4c6f8a1e5b2d9c0f7a3e6b4d1c8f', 'a7e2d9c1b4f60385e2a7c9d1f4b6e8a0c3d5f7b9', '5c9e1a3f7b2d4e6a8c0f2b4d6e8a1c3e5f7b9d0a'];
  // The sentinels were rolled two days ago (memory 64Mi -> 128Mi); sentinel.conf on their volume still
  // lists the replica removed six days ago, so each one reloads it and flags it down again.
  const sentinelLog = (k: number) => {
    const start = 2 * DAYS + 39.5 - k;
    const others = sentinelIds.map((id, j) => ({ id, ip: sentinelIps[j] ?? '' })).filter((_, j) => j !== k);
    return lines(
      `1:X ${redisTime(start)} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
      `1:X ${redisTime(start)} # Redis version=7.2.6, bits=64, commit=00000000, modified=0, pid=1, just started`,
      `1:X ${redisTime(start)} # Configuration loaded`,
      `1:X ${redisTime(start - 0.001)} * Running mode=sentinel, port=26379.`,
      `1:X ${redisTime(start - 0.002)} # Sentinel ID is ${sentinelIds[k]}`,
      `1:X ${redisTime(start - 0.002)} # +monitor master mymaster ${master} 6379 quorum 2`,
      `1:X ${redisTime(start - 0.01)} * +slave slave ${replica}:6379 ${replica} 6379 @ mymaster ${master} 6379`,
      `1:X ${redisTime(start - 0.02)} * Sentinel new configuration saved on disk`,
      ...others.map((o, j) => `1:X ${redisTime(start - 0.03 - j * 0.01)} * +sentinel sentinel ${o.id} ${o.ip} 26379 @ mymaster ${master} 6379`),
      `1:X ${redisTime(start - 0.51)} # +sdown slave ${gone}:6379 ${gone} 6379 @ mymaster ${master} 6379`,
    );
  };
  const sentinelClaims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `sentinel-data-redis-sentinel-${k}`, storage: '1Gi', storageClass: 'gp3', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][k] ?? 'eu-west-1a', createdAgo: 60 * DAYS }));
  const redisLog = (k: number) => k === 0
    ? lines(
      `1:M ${redisTime(6 * DAYS + 199.5)} # Connection with replica ${gone}:6379 lost.`,
      `1:M ${redisTime(3 * HOURS)} * 100 changes in 300 seconds. Saving...`,
      `1:M ${redisTime(3 * HOURS - 0.01)} * Background saving started by pid 8812`,
      `8812:C ${redisTime(3 * HOURS - 0.05)} * DB saved on disk`,
      `1:M ${redisTime(3 * HOURS - 0.06)} * Background saving terminated with success`,
      `1:M ${redisTime(20)} * 100 changes in 300 seconds. Saving...`,
      `1:M ${redisTime(19.99)} * Background saving started by pid 9310`,
      `1:M ${redisTime(19.9)} * Background saving terminated with success`,
    )
    : lines(
      `1:S ${redisTime(33 * DAYS - 1)} * Connecting to MASTER ${master}:6379`,
      `1:S ${redisTime(33 * DAYS - 1.01)} * MASTER <-> REPLICA sync: Finished with success`,
      `1:S ${redisTime(20)} * 100 changes in 300 seconds. Saving...`,
      `1:S ${redisTime(19.9)} * Background saving terminated with success`,
    );
  const appLog = (k: number) => lines(
    ...[50, 38, 26, 14, 3].map((m, i) => `{"level":"info","time":"${at(m - k * 0.1)}","msg":"request completed","method":"${i % 2 ? 'POST' : 'GET'}","path":"/v1/sessions/${i % 2 ? 'refresh' : 'validate'}","status":200,"ms":${3 + i}}`),
  );
  const sentinelIps = ['10.0.150.27', '10.0.150.95', '10.0.150.181'];
  sentinel.pods.forEach((p, k) => { if (p.status) { p.status.podIP = sentinelIps[k] ?? ''; p.status.podIPs = [{ ip: sentinelIps[k] ?? '' }]; } });
  const redisPods = redis.pods;
  if (redisPods[0]?.status) { redisPods[0].status.podIP = master; redisPods[0].status.podIPs = [{ ip: master }]; }
  if (redisPods[1]?.status) { redisPods[1].status.podIP = replica; redisPods[1].status.podIPs = [{ ip: replica }]; }
  const redisSts = redis.objects[0] as k8s.V1StatefulSet;
  if (redisSts.metadata) redisSts.metadata.generation = 9;
  return {
    id: 'heldout56-healthy-sentinel-remembers-removed-replica',
    class: 'healthy',
    truth: 'The redis StatefulSet was deliberately scaled from 3 to 2 six days ago; the Sentinels never forget a replica until SENTINEL RESET, so after their routine rollout two days ago each of them reloaded it from sentinel.conf and reported "+sdown slave 10.0.150.212:6379" for the removed redis-2, while the master, the remaining replica and session-gateway are healthy.',
    ask: { service: 'session-gateway' },
    objects: [...nodes, ...redis.objects, ...sentinel.objects, ...sentinelClaims, ...app.objects,
      ...svcOf(ns, 'session-gateway', 'session-gateway', 8080, app.pods),
      ...svcOf(ns, 'redis', 'redis', 6379, redis.pods, true),
      ...svcOf(ns, 'redis-sentinel', 'redis-sentinel', 26379, sentinel.pods, true)],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...sentinel.pods.map((p, k) => logsFor(p, 'sentinel', { current: sentinelLog(k) })),
      ...redis.pods.map((p, k) => logsFor(p, 'redis', { current: redisLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue|fault)s?|nothing (wrong|to fix)|all (pods )?(ready|running)/i],
      facts: [/session-gateway/],
      never: [/sdown|replica[^\n]*(down|lost|unreachable)|failover|redis-2/i, /\bOOM/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  kinesisConsumersThrottled(),
  protobufFieldReused(),
  cassandraConsistencyAll(),
  cronJobParallelismZero(),
  nfsRootSquashChown(),
  mongoTransactionLifetime(),
  sentinelRemembersRemovedReplica(),
];
