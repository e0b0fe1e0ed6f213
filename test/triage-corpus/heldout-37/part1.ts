// Held-out stories, thirty-seventh round, part one:
//  1. billing-worker (Celery) discards "render_invoice_pdf" tasks as unregistered: billing-web's
//     new revision enqueues the renamed task before the workers were upgraded (version skew);
//  2. a Kafka consumer (price-sync, old revision, Confluent JSON Schema deserializer) failing with
//     "Unknown magic byte!" after its producer pricing-engine switched to Avro through the Glue
//     Schema Registry serializer in its new revision;
//  3. a NetFlow collector whose revision 15 turned on hostNetwork but kept dnsPolicy ClusterFirst,
//     so it resolves through the node's VPC resolver and cannot find redis-master.cache.svc;
//  4. a distroless Rust service whose preStop hook runs `sleep 15` (no sleep binary): the hook
//     fails at once (FailedPreStopHook) and every rollout drops in-flight requests (502s);
//  5. a Consul server StatefulSet whose serviceName names a Service recreated with a clusterIP (not
//     headless), so consul-server-N.consul-server.consul.svc never resolves and no leader is elected;
//  6. a Node.js API answering 431 (HPE_HEADER_OVERFLOW) since a storefront release set a ~14 KB
//     experiments cookie that pushes requests past Node's 16 KiB default header limit;
//  7. healthy control: a Spring service restarted in place by a node reboot 40 minutes ago,
//     logging ClientAbortException for clients that hung up.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, clfTime, configMap, container, coreDns, crashLoop, deploymentApp, event,
  execProbe, exposed, httpProbe, nameOf, nodeEvent, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet,
  scheduled, service, endpointSliceFor, startedNormally, statefulSetApp, replicaSetOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const internalIp = (n: k8s.V1Node | undefined): string => n?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '10.0.0.10';
const hashOf = (app: Built, revision: number): string => (replicaSetOf(app, revision).metadata?.labels ?? {})['pod-template-hash'] ?? '';
/** The pod spec of a Deployment's template, of a ReplicaSet's and of its pods: patched alike. */
function patchRevision(app: Built, revision: number, current: boolean, patch: (s: k8s.V1PodSpec) => void): void {
  const dep = deploymentOf(app) as k8s.V1Deployment;
  if (current && dep.spec?.template.spec) patch(dep.spec.template.spec);
  const rs = replicaSetOf(app, revision) as k8s.V1ReplicaSet;
  if (rs.spec?.template?.spec) patch(rs.spec.template.spec);
  const hash = hashOf(app, revision);
  for (const p of app.pods) if (p.metadata?.labels?.['pod-template-hash'] === hash && p.spec) patch(p.spec);
}

// ---- 1. Celery: the web app enqueues a task the old workers do not know ---------------------------

function celeryUnregisteredTask(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.96', ['44', '170', '231']);
  const image = (n: string, v: string) => `${ECR}/billing/${n}:${v}`;
  const broker = [{ name: 'CELERY_BROKER_URL', value: 'amqp://billing@rabbitmq.billing.svc.cluster.local:5672/billing' }, { name: 'CELERY_RESULT_BACKEND', value: 'redis://billing-redis.billing.svc.cluster.local:6379/1' }];
  const workerTpl = (v: string) => ({
    containers: [batchContainer({
      name: 'worker', image: image('billing', v), cpu: '500m', memory: '1Gi',
      command: ['celery', '-A', 'billing.celery_app', 'worker', '-Q', 'invoices,payments,default', '--concurrency=4', '--loglevel=INFO', '--without-gossip', '--without-mingle'],
      env: [...broker, { name: 'DJANGO_SETTINGS_MODULE', value: 'billing.settings.prod' }],
    })],
  });
  const worker = deploymentApp({
    namespace: ns,
    name: 'billing-worker',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 23 * DAYS, changeCause: 'argocd: billing-worker 2.18.1', template: workerTpl('2.18.1') },
      { revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: billing-worker 2.18.3', template: workerTpl('2.18.3') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 9 * DAYS - k, ...(k === 2 ? { containers: { worker: running({ sinceAgo: 2 * DAYS + 310, last: { exitCode: 143, reason: 'Error', finishedAgo: 2 * DAYS + 310, ranSeconds: 6 * DAYS } }) } } : {}) })),
    settled: { available: true, availableSince: 9 * DAYS - 3, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 3 },
  });
  const webTpl = (v: string) => ({
    containers: [container({
      image: image('billing', v), ports: [8000], cpu: '500m', memory: '768Mi',
      command: ['gunicorn', 'billing.wsgi:application', '--bind=0.0.0.0:8000', '--workers=4', '--access-logfile=-'],
      env: [...broker, { name: 'DJANGO_SETTINGS_MODULE', value: 'billing.settings.prod' }],
      readiness: httpProbe('/health/ready', 8000), liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 20 }),
    })],
  });
  const web = deploymentApp({
    namespace: ns,
    name: 'billing-web',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS + 20, changeCause: 'argocd: billing-web 2.18.3', template: webTpl('2.18.3') },
      { revision: 58, createdAgo: 38, changeCause: 'argocd: billing-web 2.19.0', template: webTpl('2.19.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[(k + 1) % 3] ?? '', createdAgo: 37 - k })),
    settled: { available: true, availableSince: 34, progressingSince: 38, progressingUpdatedAgo: 34 },
  });
  const beatTpl = { containers: [batchContainer({ name: 'beat', image: image('billing', '2.18.3'), cpu: '50m', memory: '256Mi', command: ['celery', '-A', 'billing.celery_app', 'beat', '--loglevel=INFO', '--schedule=/tmp/celerybeat-schedule'], env: broker })] };
  const beat = deploymentApp({ namespace: ns, name: 'billing-beat', replicas: 1, revisions: [{ revision: 12, createdAgo: 9 * DAYS, template: beatTpl }], pods: [{ revision: 12, node: names[0] ?? '', createdAgo: 9 * DAYS }] });
  const task = 'billing.tasks.invoices.render_invoice_pdf';
  const unregistered = (t: number, inv: number, k: number): string => {
    const id = `${(0x5a1c0f00 + inv * 7919 + k).toString(16)}-8d4e-4c1b-9f0a-${(0x3b2e91d7c400 + inv).toString(16)}`;
    return [
      `[${pyTime(t)}: ERROR/MainProcess] Received unregistered task of type '${task}'.`,
      'The message has been ignored and discarded.',
      '',
      'Did you remember to import the module containing this task?',
      "Or maybe you're using relative imports?",
      '',
      'Please see',
      'https://docs.celeryq.dev/en/latest/internals/protocol.html',
      'for more information.',
      '',
      'The full contents of the message body was:',
      `b'[["INV-2026-11-${String(inv).padStart(6, '0')}"], {"locale": "de_DE", "send_email": true}, {"callbacks": null, "errbacks": null, "chain": null, "chord": null}]' (142b)`,
      '',
      'The full contents of the message headers:',
      `{'lang': 'py', 'task': '${task}', 'id': '${id}', 'shadow': None, 'eta': None, 'expires': None, 'group': None, 'group_index': None, 'retries': 0, 'timelimit': [None, None], 'root_id': '${id}', 'parent_id': None, 'argsrepr': "('INV-2026-11-${String(inv).padStart(6, '0')}',)", 'kwargsrepr': "{'locale': 'de_DE', 'send_email': True}", 'origin': 'gen7@billing-web', 'ignore_result': False, 'replaced_task_nesting': 0, 'stamped_headers': None, 'stamps': {}}`,
      '',
      'The delivery info for this task is:',
      "{'consumer_tag': 'None4', 'delivery_tag': " + (4410 + inv) + ", 'redelivered': False, 'exchange': '', 'routing_key': 'invoices'}",
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/celery/worker/consumer/consumer.py", line 659, in on_task_received',
      '    strategy = strategies[type_]',
      '               ~~~~~~~~~~^^^^^^^',
      `KeyError: '${task}'`,
    ].join('\n');
  };
  const workerLog = (k: number) => {
    const out = [
      `[${pyTime(2 * DAYS + 309.9)}: INFO/MainProcess] Connected to amqp://billing:**@rabbitmq.billing.svc.cluster.local:5672/billing`,
      `[${pyTime(2 * DAYS + 309.8)}: INFO/MainProcess] celery@billing-worker ready.`,
      `[${pyTime(52)}: INFO/MainProcess] Task billing.tasks.payments.capture_settlement[0c7e2f4a-1b9d-4f66-a2e1-77c0d${k}4a19be] received`,
      `[${pyTime(51.9)}: INFO/ForkPoolWorker-2] Task billing.tasks.payments.capture_settlement[0c7e2f4a-1b9d-4f66-a2e1-77c0d${k}4a19be] succeeded in 0.412s: None`,
    ];
    for (let i = 0; i < 9; i++) {
      out.push(unregistered(34 - i * 3.6 - k * 0.4, 18230 + i * 3 + k, i));
      if (i % 3 === 1) out.push(`[${pyTime(33 - i * 3.6)}: INFO/MainProcess] Task billing.tasks.payments.capture_settlement[9b${k}1e0c2-77d4-4a0e-8c1f-2e5d${i}0b7a3c1] received`, `[${pyTime(32.9 - i * 3.6)}: INFO/ForkPoolWorker-${(i % 4) + 1}] Task billing.tasks.payments.capture_settlement[9b${k}1e0c2-77d4-4a0e-8c1f-2e5d${i}0b7a3c1] succeeded in 0.38${i}s: None`);
    }
    return lines(...out);
  };
  const webLog = (k: number) => lines(
    `[${pyTime(36.5 - k)}] [1] [INFO] Starting gunicorn 22.0.0`,
    `[${pyTime(36.5 - k)}] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    ...[0, 1, 2, 3].map((i) => `{"ts":"${at(30 - i * 7 - k)}","level":"INFO","logger":"billing.invoices.views","msg":"invoice finalised, pdf rendering queued","invoice":"INV-2026-11-0${18233 + i * 5 + k}","task":"${task}","queue":"invoices"}`),
    `10.0.${40 + k}.17 - - [${clfTime(0.6)}] "GET /api/v2/invoices/INV-2026-11-018231/pdf HTTP/1.1" 404 58 "-" "billing-portal/5.3"`,
    `10.0.${40 + k}.17 - - [${clfTime(0.4)}] "GET /health/ready HTTP/1.1" 200 15 "-" "kube-probe/1.31"`,
  );
  const rabbit = exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }], pods: [] });
  return {
    id: 'heldout37-celery-unregistered-task-version-skew',
    class: 'rollout',
    truth: `billing-web revision 58 (2.19.0, rolled out 38 minutes ago) renamed the invoice PDF task and now enqueues "${task}" on the invoices queue, but billing-worker still runs revision 41 (2.18.3, nine days old), which has no such task registered. Every worker logs "Received unregistered task of type '${task}'. The message has been ignored and discarded.", so invoice PDFs are silently dropped (the portal gets 404 for them) while the workers look healthy. Fix: roll billing-worker forward to 2.19.0 (deploy workers before producers, or keep the old task name as an alias), then re-enqueue the invoices finalised since the billing-web rollout.`,
    ask: { service: 'billing-worker', namespace: ns },
    objects: [
      ...nodes, ...worker.objects, ...web.objects, ...beat.objects,
      ...exposed({ namespace: ns, name: 'billing-web', selector: { app: 'billing-web' }, ports: [{ name: 'http', port: 80, targetPort: 8000 }], pods: web.pods, endpointPort: 8000 }),
      ...rabbit,
      scaledReplicaSet(deploymentOf(web), rsOf(web, 58), 3, 0, 38),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 57), 0, 3, 34),
      event({ on: podOf(web, 0), type: 'Warning', reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(web, 0).status?.podIP}:8000/health/ready": dial tcp ${podOf(web, 0).status?.podIP}:8000: connect: connection refused`, count: 2, firstAgo: 36.8, lastAgo: 36.6, fieldPath: 'spec.containers{app}' }),
      configMap({ namespace: ns, name: 'billing-celery-routes', createdAgo: 200 * DAYS, data: { 'routes.yaml': 'billing.tasks.invoices.*: {queue: invoices}\nbilling.tasks.payments.*: {queue: payments}\n' } }),
    ],
    logs: [
      ...worker.pods.map((p, k) => logsFor(p, 'worker', { current: workerLog(k), ...(k === 2 ? { previous: lines(`[${pyTime(2 * DAYS + 310.1)}: WARNING/MainProcess] consumer: Connection to broker lost. Trying to re-establish the connection...`, `[${pyTime(2 * DAYS + 310)}: INFO/MainProcess] Warm shutdown (MainProcess)`) } : {}) })),
      ...web.pods.map((p, k) => logsFor(p, 'app', { current: webLog(k) })),
      logsFor(podOf(beat, 0), 'beat', { current: lines(`[${pyTime(15)}: INFO/MainProcess] Scheduler: Sending due task expire-stale-quotes (billing.tasks.payments.expire_stale_quotes)`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/render_invoice_pdf/, /unregistered|not registered|billing-web|2\.19\.0/i],
      facts: [/billing-web/, lit('2.19.0'), lit('2.18.3'), /discarded|unregistered/i],
      never: [/\bOOM/, /crash ?loop/i, /revision 40\b/, /billing-worker[^\n]*roll(ing)? ?back|roll(ing)? ?back[^\n]*billing-worker/i, /rabbitmq[^\n]*(down|unreachable)/i],
    },
  };
}

// ---- 2. Kafka: the producer switched to Avro (Glue Schema Registry), the consumer did not -------

function kafkaUnknownMagicByte(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.140', ['12', '98', '203']);
  const kafka = [
    { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'b-1.prices-msk.k3x9qa.c4.kafka.eu-west-1.amazonaws.com:9098,b-2.prices-msk.k3x9qa.c4.kafka.eu-west-1.amazonaws.com:9098' },
    { name: 'KAFKA_TOPIC', value: 'pricing.price-changed.v1' },
  ];
  const producerEnv = (avro: boolean): k8s.V1EnvVar[] => [
    ...kafka,
    ...(avro
      ? [{ name: 'VALUE_SERIALIZER', value: 'com.amazonaws.services.schemaregistry.serializers.GlueSchemaRegistryKafkaSerializer' }, { name: 'GSR_DATA_FORMAT', value: 'AVRO' }, { name: 'GSR_REGISTRY_NAME', value: 'pricing-events' }, { name: 'GSR_SCHEMA_NAME', value: 'PriceChanged' }]
      : [{ name: 'VALUE_SERIALIZER', value: 'io.confluent.kafka.serializers.json.KafkaJsonSchemaSerializer' }, { name: 'SCHEMA_REGISTRY_URL', value: 'http://schema-registry.platform.svc.cluster.local:8081' }]),
  ];
  const prodImage = (v: string) => `${ECR}/pricing/pricing-engine:${v}`;
  const prodTpl = (v: string, avro: boolean) => ({ containers: [container({ image: prodImage(v), ports: [8080], cpu: '1', memory: '1536Mi', env: [...producerEnv(avro), { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] });
  const producer = deploymentApp({
    namespace: ns,
    name: 'pricing-engine',
    replicas: 2,
    revisions: [
      { revision: 22, createdAgo: 12 * DAYS, changeCause: 'argocd: pricing-engine 5.8.2', template: prodTpl('5.8.2', false) },
      { revision: 23, createdAgo: 47, changeCause: 'argocd: pricing-engine 6.0.0', template: prodTpl('6.0.0', true) },
    ],
    pods: [0, 1].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 46 - k * 2 })),
    settled: { available: true, availableSince: 42, progressingSince: 47, progressingUpdatedAgo: 42 },
  });
  const consImage = `${ECR}/pricing/price-sync:3.4.1`;
  const consTpl = { containers: [container({ image: consImage, ports: [8080], cpu: '500m', memory: '1Gi', env: [...kafka, { name: 'KAFKA_GROUP_ID', value: 'price-sync' }, { name: 'VALUE_DESERIALIZER', value: 'io.confluent.kafka.serializers.json.KafkaJsonSchemaDeserializer' }, { name: 'SCHEMA_REGISTRY_URL', value: 'http://schema-registry.platform.svc.cluster.local:8081' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] };
  const consumer = deploymentApp({
    namespace: ns,
    name: 'price-sync',
    replicas: 3,
    revisions: [{ revision: 17, createdAgo: 34 * DAYS, changeCause: 'argocd: price-sync 3.4.1', template: consTpl }],
    pods: [0, 1, 2].map((k) => ({ revision: 17, node: names[k] ?? '', createdAgo: 34 * DAYS - k })),
    settled: { available: true, availableSince: 34 * DAYS - 3, progressingSince: 34 * DAYS },
  });
  const other = bystander(ns, 'promo-rules', names, 25, { revisions: [40, 41], versions: ['1.22.0', '1.22.1'], olderAgo: 6 * DAYS });
  const springTs = (t: number) => at(t).replace('Z', '+00:00');
  const consLog = (k: number) => {
    const out = [`${springTs(50)}  INFO 1 --- [price-sync] [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : price-sync: partitions assigned: [pricing.price-changed.v1-${k}, pricing.price-changed.v1-${k + 3}]`];
    out.push(`${springTs(49)}  INFO 1 --- [price-sync] [ntainer#0-0-C-1] c.a.pricesync.PriceChangedListener      : applied price change sku=SKU-${40112 + k} store=DE-0${k + 4} price=19.99 offset=${8812340 + k * 11}`);
    for (let i = 0; i < 8; i++) {
      const off = 8812377 + k * 11 + i;
      out.push(
        `${springTs(44 - i * 5 - k * 0.3)} ERROR 1 --- [price-sync] [ntainer#0-0-C-1] o.s.k.l.DefaultErrorHandler             : Backoff FixedBackOff{interval=0, currentAttempts=10, maxAttempts=9} exhausted for pricing.price-changed.v1-${k}@${off}`,
        '',
        `org.springframework.kafka.listener.ListenerExecutionFailedException: Listener failed`,
        '\tat org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer.decorateException(KafkaMessageListenerContainer.java:2975) ~[spring-kafka-3.2.4.jar!/:3.2.4]',
        `Caused by: org.springframework.kafka.support.serializer.DeserializationException: failed to deserialize`,
        '\tat org.springframework.kafka.support.serializer.SerializationUtils.deserializationException(SerializationUtils.java:158) ~[spring-kafka-3.2.4.jar!/:3.2.4]',
        `Caused by: org.apache.kafka.common.errors.SerializationException: Error deserializing JSON message for id -1`,
        '\tat io.confluent.kafka.serializers.json.AbstractKafkaJsonSchemaDeserializer.deserialize(AbstractKafkaJsonSchemaDeserializer.java:238) ~[kafka-json-schema-serializer-7.6.1.jar!/:na]',
        `Caused by: org.apache.kafka.common.errors.SerializationException: Unknown magic byte!`,
        '\tat io.confluent.kafka.serializers.AbstractKafkaSchemaSerDe.getByteBuffer(AbstractKafkaSchemaSerDe.java:600) ~[kafka-schema-serializer-7.6.1.jar!/:na]',
        '\tat io.confluent.kafka.serializers.json.AbstractKafkaJsonSchemaDeserializer.deserialize(AbstractKafkaJsonSchemaDeserializer.java:120) ~[kafka-json-schema-serializer-7.6.1.jar!/:na]',
        '\t... 14 common frames omitted',
        `${springTs(44 - i * 5 - k * 0.3 - 0.01)}  WARN 1 --- [price-sync] [ntainer#0-0-C-1] c.a.pricesync.DeadLetterPublisher        : record sent to pricing.price-changed.v1.DLT partition=${k} offset=${off} reason=DeserializationException`,
      );
    }
    out.push(`${springTs(0.5)}  INFO 1 --- [price-sync] [   scheduling-1] c.a.pricesync.LagReporter                : consumer lag group=price-sync partition=${k} lag=0 dlt_total=${1240 + k * 97}`);
    return lines(...out);
  };
  const prodLog = (k: number) => lines(
    `${springTs(45 - k * 2)}  INFO 1 --- [pricing-engine] [           main] c.a.s.s.GlueSchemaRegistryKafkaSerializer : Using registry pricing-events, schema PriceChanged, dataFormat AVRO, compatibility BACKWARD`,
    `${springTs(44.8 - k * 2)}  INFO 1 --- [pricing-engine] [           main] c.a.pricing.PricingEngineApplication      : Started PricingEngineApplication in 21.84 seconds (process running for 23.1)`,
    `${springTs(1.2)}  INFO 1 --- [pricing-engine] [  price-batch-3] c.a.pricing.publish.PriceChangePublisher   : published 412 price changes to pricing.price-changed.v1 (schemaVersionId=6b0f7a91-2c4e-4d7b-9a55-0e2c81f3d6aa)`,
  );
  return {
    id: 'heldout37-kafka-unknown-magic-byte-producer-avro',
    class: 'rollout',
    truth: 'pricing-engine revision 23 (6.0.0, 47 minutes ago) switched the value serializer of pricing.price-changed.v1 from Confluent\'s JSON Schema serializer to the AWS Glue Schema Registry Avro serializer (VALUE_SERIALIZER GlueSchemaRegistryKafkaSerializer, GSR_DATA_FORMAT=AVRO). The consumer price-sync still runs revision 17 (3.4.1, 34 days old) with KafkaJsonSchemaDeserializer, which expects Confluent\'s framing (magic byte 0), so every new record fails with "SerializationException: Unknown magic byte!" and goes to the dead-letter topic: store prices stop updating while the pods stay healthy. price-sync itself did not change; fix: move the producer back to the old serializer (or dual-publish) until price-sync ships an Avro/Glue deserializer, then replay the DLT.',
    ask: { service: 'price-sync', namespace: ns },
    objects: [
      ...nodes, ...consumer.objects, ...producer.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'price-sync', selector: { app: 'price-sync' }, pods: consumer.pods }),
      ...exposed({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, pods: producer.pods }),
      scaledReplicaSet(deploymentOf(producer), rsOf(producer, 23), 2, 0, 47),
      scaledReplicaSet(deploymentOf(producer), rsOf(producer, 22), 0, 2, 42),
      event({ on: podOf(consumer, 1), type: 'Warning', reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${podOf(consumer, 1).status?.podIP}:8080/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 1, firstAgo: 31, lastAgo: 31, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...consumer.pods.map((p, k) => logsFor(p, 'app', { current: consLog(k) })),
      ...producer.pods.map((p, k) => logsFor(p, 'app', { current: prodLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pricing-engine/, /magic byte|Avro|serializ/i],
      facts: [/Unknown magic byte/, /revision 23|6\.0\.0/, /GlueSchemaRegistryKafkaSerializer|AVRO|Avro/],
      never: [/\bOOM/, /crash ?loop/i, /price-sync[^\n]*revision 17[^\n]*(caused|broke|introduced)/i, /promo-rules/, /liveness/i],
    },
  };
}

// ---- 3. hostNetwork: true with dnsPolicy ClusterFirst --------------------------------------------

function hostNetworkClusterFirst(): CorpusScenario {
  const ns = 'observability';
  const { nodes, names } = threeEksNodes('10.0.58', ['21', '140', '77']);
  const image = (v: string) => `${ECR}/observability/netflow-collector:${v}`;
  const tpl = (v: string, host: boolean) => ({
    containers: [container({
      name: 'collector', image: image(v), cpu: '500m', memory: '512Mi',
      ports: [{ name: 'netflow', containerPort: 2055, protocol: 'UDP', ...(host ? { hostPort: 2055 } : {}) }, { name: 'metrics', containerPort: 9102 }],
      env: [{ name: 'REDIS_ADDR', value: 'redis-master.cache.svc.cluster.local:6379' }, { name: 'REDIS_STREAM', value: 'flows' }, { name: 'LISTEN_ADDR', value: ':2055' }],
      readiness: httpProbe('/readyz', 9102), liveness: httpProbe('/healthz', 9102, { initialDelaySeconds: 10 }),
    })],
  });
  const lastExit = { exitCode: 1, reason: 'Error', finishedAgo: 1.4, ranSeconds: 5 };
  const app = deploymentApp({
    namespace: ns,
    name: 'netflow-collector',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
    revisions: [
      { revision: 14, createdAgo: 18 * DAYS, changeCause: 'argocd: netflow-collector 0.9.4', template: tpl('0.9.4', false) },
      { revision: 15, createdAgo: 26, changeCause: 'argocd: netflow-collector 0.9.4 (hostNetwork: keep exporter source IPs)', template: tpl('0.9.4', true) },
    ],
    pods: [
      { revision: 15, node: names[0] ?? '', createdAgo: 25.5, containers: { collector: crashLoop(lastExit, 9) } },
      { revision: 14, node: names[1] ?? '', createdAgo: 18 * DAYS },
      { revision: 14, node: names[2] ?? '', createdAgo: 18 * DAYS - 1 },
    ],
  });
  patchRevision(app, 15, true, (s) => { s.hostNetwork = true; s.dnsPolicy = 'ClusterFirst'; });
  const fresh = podOf(app, 0);
  const nodeIp = internalIp(nodes[0]);
  if (fresh.status) { fresh.status.podIP = nodeIp; fresh.status.podIPs = [{ ip: nodeIp }]; fresh.status.hostIP = nodeIp; fresh.status.hostIPs = [{ ip: nodeIp }]; }
  const dns = coreDns([{ node: names[0] ?? '' }, { node: names[2] ?? '' }]);
  const redisImage = 'docker.io/bitnami/redis:7.4.1-debian-12-r2';
  const redis = statefulSetApp({
    namespace: 'cache', name: 'redis-master', replicas: 1, serviceName: 'redis-headless',
    revisions: [{ revision: 3, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'redis', image: redisImage, ports: [{ name: 'redis', containerPort: 6379 }], cpu: '250m', memory: '1Gi', readiness: execProbe(['sh', '-c', '/health/ping_readiness_local.sh 1']), liveness: execProbe(['sh', '-c', '/health/ping_liveness_local.sh 5']) })] } }],
    pods: [{ revision: 3, ordinal: 0, node: names[1] ?? '', createdAgo: 60 * DAYS }],
  });
  const crashRun = (t: number) => lines(
    `{"time":"${at(t)}","level":"INFO","msg":"netflow-collector starting","version":"0.9.4","listen":":2055","redis":"redis-master.cache.svc.cluster.local:6379"}`,
    `{"time":"${at(t - 0.01)}","level":"INFO","msg":"udp listener bound","addr":"0.0.0.0:2055","rcvbuf":8388608}`,
    ...[1, 2, 3].map((n) => `{"time":"${at(t - 0.02 * n)}","level":"WARN","msg":"redis ping failed, retrying","attempt":${n},"err":"dial tcp: lookup redis-master.cache.svc.cluster.local on 10.0.0.2:53: no such host"}`),
    `{"time":"${at(t - 0.08)}","level":"ERROR","msg":"cannot reach redis, exiting","addr":"redis-master.cache.svc.cluster.local:6379","err":"dial tcp: lookup redis-master.cache.svc.cluster.local on 10.0.0.2:53: no such host"}`,
  );
  const oldLog = lines(
    `{"time":"${at(3)}","level":"INFO","msg":"flush","records":18422,"stream":"flows","redis_ms":3}`,
    `{"time":"${at(0.4)}","level":"WARN","msg":"template not yet received, dropping v9 records","exporter":"10.20.4.1","source_id":256,"dropped":12}`,
  );
  return {
    id: 'heldout37-hostnetwork-clusterfirst-dns',
    class: 'network',
    truth: 'netflow-collector revision 15 (26 minutes ago) turned on hostNetwork: true (hostPort 2055) so the collector sees exporters\' real source IPs, but left dnsPolicy at ClusterFirst. With hostNetwork, ClusterFirst falls back to the node\'s /etc/resolv.conf (the VPC resolver 10.0.0.2), which cannot answer cluster names, so "lookup redis-master.cache.svc.cluster.local on 10.0.0.2:53: no such host" and the new pod exits 1 and crash-loops; two revision-14 pods still run. Fix: set dnsPolicy: ClusterFirstWithHostNet in the pod template.',
    ask: { service: 'netflow-collector', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...dns.objects, ...redis.objects,
      ...exposed({ namespace: 'cache', name: 'redis-master', selector: { app: 'redis-master' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], pods: redis.pods, endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'netflow-collector-metrics', selector: { app: 'netflow-collector' }, ports: [{ name: 'metrics', port: 9102, targetPort: 9102 }], pods: app.pods, endpointPort: 9102 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 2, 3, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 1, 0, 25.9),
      scheduled(fresh, 25.5),
      ...restartedAgain(fresh, 'collector', image('0.9.4'), { count: 10, firstAgo: 25.4, lastAgo: 1.5 }),
      backOff(fresh, 'collector', { count: 112, firstAgo: 25, lastAgo: 0.3 }),
      event({ on: fresh, type: 'Warning', reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${nodeIp}:9102/readyz": dial tcp ${nodeIp}:9102: connect: connection refused`, count: 6, firstAgo: 25.3, lastAgo: 1.5, fieldPath: 'spec.containers{collector}' }),
    ],
    logs: [
      logsFor(fresh, 'collector', { current: crashRun(0.2), previous: crashRun(1.5) }),
      logsFor(podOf(app, 1), 'collector', { current: oldLog }),
      logsFor(podOf(app, 2), 'collector', { current: oldLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/hostNetwork|ClusterFirstWithHostNet|dnsPolicy/],
      facts: [/ClusterFirstWithHostNet/, lit('redis-master.cache.svc.cluster.local'), /no such host/, /revision 15/],
      never: [/\bOOM/, /coredns[^\n]*(down|fail|unhealthy|crash)/i, /redis-master[^\n]*(down|not ready|unhealthy)/i, /NetworkPolicy/],
    },
  };
}

// ---- 4. distroless image, preStop `sleep 15` ---------------------------------------------------

function distrolessPreStopSleep(): CorpusScenario {
  const ns = 'quotes';
  const { nodes, names } = threeEksNodes('10.0.212', ['9', '118', '240']);
  const image = (v: string) => `${ECR}/quotes/quote-api:${v}`;
  const tpl = (v: string) => ({
    containers: [{
      ...container({ image: image(v), ports: [8080], cpu: '250m', memory: '256Mi', env: [{ name: 'RUST_LOG', value: 'info,tower_http=warn' }, { name: 'BIND_ADDR', value: '0.0.0.0:8080' }], readiness: httpProbe('/ready', 8080, { periodSeconds: 5 }), liveness: httpProbe('/live', 8080), securityContext: { runAsNonRoot: true, runAsUser: 65532, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false } }),
      lifecycle: { preStop: { exec: { command: ['sleep', '15'] } } },
    }],
    terminationGracePeriodSeconds: 45,
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-api',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 26, createdAgo: 19 * DAYS, changeCause: 'argocd: quote-api 3.11.0', template: tpl('3.11.0') },
      { revision: 27, createdAgo: 4 * DAYS, changeCause: 'argocd: quote-api 3.12.0 (runtime image gcr.io/distroless/cc-debian12:nonroot)', template: tpl('3.12.0') },
      { revision: 28, createdAgo: 16, changeCause: 'argocd: quote-api 3.12.1', template: tpl('3.12.1') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 28, node: names[k % 3] ?? '', createdAgo: 15.5 - k * 0.7 })),
    settled: { available: true, availableSince: 4 * DAYS, progressingSince: 16, progressingUpdatedAgo: 12.9 },
  });
  const dep = deploymentOf(app);
  const oldPod = (k: number) => `quote-api-${hashOf(app, 27)}-${['x7fkq', 'm2p9d', 'tz4wc', 'b8rjn'][k]}`;
  const oldRef = (k: number) => ({ kind: 'Pod', name: oldPod(k), namespace: ns });
  const hookFail = (k: number) => `Exec lifecycle hook ([sleep 15]) for Container "app" in Pod "${oldPod(k)}_${ns}(${['4f1d2c7a', '9b3e0d51', 'c27a8e14', '1e6f4b90'][k]}-6a2e-4c1f-8b7d-0e5a91c3d2f${k})" failed - error: command 'sleep 15' exited with 126: , message: "OCI runtime exec failed: exec failed: unable to start container process: exec: \\"sleep\\": executable file not found in $PATH: unknown\\r\\n"`;
  const ingressImage = 'registry.k8s.io/ingress-nginx/controller:v1.11.3';
  const ingress = deploymentApp({
    namespace: 'ingress-nginx', name: 'ingress-nginx-controller', replicas: 2, selector: { 'app.kubernetes.io/name': 'ingress-nginx' },
    revisions: [{ revision: 9, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'controller', image: ingressImage, ports: [80, { name: 'https', containerPort: 443 }], cpu: '200m', memory: '512Mi', readiness: httpProbe('/healthz', 10254), liveness: httpProbe('/healthz', 10254) })] } }],
    pods: [0, 1].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: 30 * DAYS - k })),
  });
  const oldIps = ['10.0.33.71', '10.0.12.198', '10.0.51.24', '10.0.7.160'];
  const ngxLog = (k: number) => lines(
    ...[0, 1, 2, 3].flatMap((i) => {
      const t = 15.2 - i * 0.7 - k * 0.05;
      return [
        `${(k + 3) * 17}.${i + 80}.14.2${i} - - [${clfTime(t)}] "POST /v2/quotes HTTP/2.0" 502 150 "-" "quote-client/2.4 (ios)" 612 0.003 [quotes-quote-api-80] [] ${oldIps[i]}:8080 0 0.003 502 ${(0xa1b2c3 + i * 97 + k).toString(16)}e0f9d7c2b1a4`,
        `${(k + 5) * 11}.${i + 60}.201.9 - - [${clfTime(t - 0.01)}] "GET /v2/quotes/Q-88${i}12 HTTP/2.0" 502 150 "-" "Mozilla/5.0" 233 0.001 [quotes-quote-api-80] [] ${oldIps[i]}:8080 0 0.001 502 ${(0x77b2c3 + i * 31 + k).toString(16)}f00d1e2a3b4c`,
      ];
    }),
    `${(k + 3) * 17}.90.14.33 - - [${clfTime(0.5)}] "POST /v2/quotes HTTP/2.0" 201 1840 "-" "quote-client/2.4 (ios)" 640 0.019 [quotes-quote-api-80] [] 10.0.40.12:8080 1840 0.019 201 9f0e1d2c3b4a59687766554433221100`,
  );
  const rustLog = (k: number) => lines(
    `${at(15.4 - k * 0.7)}  INFO quote_api: starting quote-api version=3.12.1 bind=0.0.0.0:8080`,
    `${at(15.39 - k * 0.7)}  INFO quote_api::db: postgres pool ready max_size=16`,
    `${at(15.38 - k * 0.7)}  INFO quote_api: listening addr=0.0.0.0:8080`,
    `${at(0.8)}  INFO request{method=POST uri=/v2/quotes}: quote_api::http: finished status=201 latency_ms=17`,
  );
  return {
    id: 'heldout37-distroless-prestop-sleep-missing',
    class: 'rollout',
    truth: 'quote-api\'s pods have a preStop hook `sleep 15` (to let the ingress drop them from its endpoints before SIGTERM), but since revision 27 (3.12.0, four days ago) the runtime image is gcr.io/distroless/cc-debian12, which has no shell and no sleep binary. The hook fails at once (FailedPreStopHook: exec: "sleep": executable file not found in $PATH), the kubelet sends SIGTERM immediately, and the old pods exit while ingress-nginx still routes to them: the 3.12.1 rollout 16 minutes ago (revision 28) produced a burst of 502s, as every rollout has since revision 27. The new pods are healthy; rolling back would not help (revision 27 has the same image base). Fix: use the native sleep action (lifecycle.preStop.sleep.seconds: 15, Kubernetes 1.30+) or ship a sleep binary in the image.',
    ask: { service: 'quote-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...ingress.objects,
      ...exposed({ namespace: ns, name: 'quote-api', selector: { app: 'quote-api' }, pods: app.pods }),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('3.12.1'), 15.5 - k * 0.7)),
      ...[0, 1, 2, 3].flatMap((k) => {
        const t = 15.2 - k * 0.7;
        return [
          event({ on: oldRef(k), type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: t, lastAgo: t, fieldPath: 'spec.containers{app}' }),
          event({ on: oldRef(k), type: 'Warning', reason: 'FailedPreStopHook', message: hookFail(k), firstAgo: t, lastAgo: t, fieldPath: 'spec.containers{app}' }),
        ];
      }),
      ...[0, 1, 2, 3].flatMap((k) => [
        scaledReplicaSet(dep, rsOf(app, 28), k + 1, k, 15.6 - k * 0.7),
        scaledReplicaSet(dep, rsOf(app, 27), 3 - k, 4 - k, 15.2 - k * 0.7),
      ]),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: rustLog(k) })),
      ...ingress.pods.map((p, k) => logsFor(p, 'controller', { current: ngxLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/sleep/, /preStop|PreStopHook/i],
      facts: [/executable file not found/, /FailedPreStopHook/, /distroless|no (sleep|shell)|sleep (action|binary)|preStop\.sleep|sleep:/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /ingress-nginx[^\n]*(down|unhealthy|crash)/i],
    },
  };
}

// ---- 5. StatefulSet serviceName is not headless -------------------------------------------------

function statefulSetServiceNotHeadless(): CorpusScenario {
  const ns = 'consul';
  const { nodes, names } = threeEksNodes('10.0.164', ['30', '101', '222']);
  const image = 'docker.io/hashicorp/consul:1.19.2';
  const args = ['agent', '-server', '-bootstrap-expect=3', '-data-dir=/consul/data', '-config-dir=/consul/config', '-advertise=$(POD_IP)',
    '-retry-join=consul-server-0.consul-server.consul.svc:8301', '-retry-join=consul-server-1.consul-server.consul.svc:8301', '-retry-join=consul-server-2.consul-server.consul.svc:8301'];
  const tpl = (chart: string) => ({
    containers: [container({
      name: 'consul', image, command: ['consul'], args, cpu: '250m', memory: '512Mi',
      env: [{ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }, { name: 'CONSUL_CHART', value: chart }],
      ports: [{ name: 'http', containerPort: 8500 }, { name: 'serflan', containerPort: 8301 }, { name: 'server', containerPort: 8300 }, { name: 'dns', containerPort: 8600, protocol: 'UDP' }],
      readiness: execProbe(['/bin/sh', '-ec', 'curl -s http://127.0.0.1:8500/v1/status/leader 2>/dev/null | grep -E \'".+"\''], { periodSeconds: 3, initialDelaySeconds: 5, failureThreshold: 2, timeoutSeconds: 5 }),
      liveness: null,
      volumeMounts: [{ name: 'data-consul', mountPath: '/consul/data' }],
    })],
    terminationGracePeriodSeconds: 30,
  });
  const notReady = running({ sinceAgo: 172, ready: false });
  const sts = statefulSetApp({
    namespace: ns, name: 'consul-server', replicas: 3, serviceName: 'consul-server', podManagementPolicy: 'Parallel',
    revisions: [
      { revision: 4, createdAgo: 70 * DAYS, template: tpl('consul-platform-1.8.2') },
      { revision: 5, createdAgo: 173, template: tpl('consul-platform-2.0.0') },
    ],
    volumeClaimTemplates: [{ name: 'data-consul', storage: '10Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((i) => ({ revision: 5, ordinal: i, node: names[i] ?? '', createdAgo: 172.5 - i * 0.1, containers: { consul: notReady } })),
  });
  // The chart's 2.0 refactor folded the headless Service into one "consul-server" Service; the API
  // gave it a cluster IP (the old one was deleted and recreated, clusterIP being immutable).
  const svc = service({ namespace: ns, name: 'consul-server', selector: { app: 'consul-server' }, createdAgo: 173.2, clusterIP: '172.20.91.37', ports: [{ name: 'http', port: 8500, targetPort: 8500 }, { name: 'serflan-tcp', port: 8301, targetPort: 8301 }, { name: 'server', port: 8300, targetPort: 8300 }] });
  const slice = endpointSliceFor(svc, sts.pods, 8500);
  const claims = [0, 1, 2].map((i) => ({
    apiVersion: 'v1', kind: 'PersistentVolumeClaim',
    metadata: { name: `data-consul-consul-server-${i}`, namespace: ns, uid: `5c0e${i}a2b-1d3f-4e6a-9b8c-7d6e5f4a3b2${i}`, creationTimestamp: new Date(Date.parse(at(70 * DAYS))), labels: { app: 'consul-server' } },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, storageClassName: 'gp3', volumeMode: 'Filesystem', volumeName: `pvc-5c0e${i}a2b-1d3f-4e6a-9b8c-7d6e5f4a3b2${i}` },
    status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } },
  } as k8s.V1PersistentVolumeClaim));
  const hcl = (t: number, lvl: string, msg: string) => `${at(t).replace('Z', '+0000').replace(/\.(\d{3})/, '.$1')} [${lvl}] ${msg}`;
  const consulLog = (i: number) => {
    const out = [
      hcl(172.3, 'INFO ', `agent: Consul agent running!`),
      hcl(172.3, 'INFO ', `agent.server: Adding LAN server: server="consul-server-${i} (Addr: tcp/${sts.pods[i]?.status?.podIP}:8300) (DC: dc1)"`),
      hcl(172.3, 'INFO ', 'agent: Retry join is supported for the following discovery methods: cluster=LAN discovery_methods="aliyun aws azure digitalocean gce hcp k8s linode mdns os packet scaleway softlayer tencentcloud triton vsphere"'),
    ];
    for (let n = 0; n < 6; n++) {
      const t = 30 - n * 5 - i * 0.1;
      const peers = [0, 1, 2].map((j) => `\t* Failed to resolve consul-server-${j}.consul-server.consul.svc:8301: lookup consul-server-${j}.consul-server.consul.svc on 172.20.0.10:53: no such host`);
      out.push(
        hcl(t, 'INFO ', 'agent: Joining cluster...: cluster=LAN'),
        hcl(t, 'INFO ', `agent: (LAN) joining: lan_addresses=["consul-server-0.consul-server.consul.svc:8301", "consul-server-1.consul-server.consul.svc:8301", "consul-server-2.consul-server.consul.svc:8301"]`),
        hcl(t - 0.01, 'WARN ', `agent: (LAN) couldn't join: number_of_nodes=0\n  error=\n  | 3 errors occurred:\n${peers.map((p) => `  | ${p}`).join('\n')}\n  |\n  `),
        hcl(t - 0.01, 'WARN ', 'agent: Join cluster failed, will retry: cluster=LAN retry_interval=30s error="No servers to join"'),
        hcl(t - 0.5, 'ERROR', 'agent.anti_entropy: failed to sync remote state: error="No cluster leader"'),
        hcl(t - 1.5, 'ERROR', 'agent: Coordinate update error: error="No cluster leader"'),
      );
    }
    return lines(...out);
  };
  const webhookApp = deploymentApp({ namespace: ns, name: 'consul-connect-injector', replicas: 1, revisions: [{ revision: 6, createdAgo: 173, template: { containers: [container({ name: 'sidecar-injector', image: 'docker.io/hashicorp/consul-k8s-control-plane:1.5.2', ports: [{ name: 'webhook', containerPort: 8080 }], readiness: httpProbe('/readyz/ready', 9445), liveness: httpProbe('/readyz/ready', 9445) })] } }], pods: [{ revision: 6, node: names[1] ?? '', createdAgo: 172, containers: { 'sidecar-injector': running({ sinceAgo: 150, restarts: 4, last: { exitCode: 1, finishedAgo: 150, ranSeconds: 12 } }) } }] });
  return {
    id: 'heldout37-statefulset-service-not-headless',
    class: 'network',
    truth: 'The consul-platform chart 2.0 upgrade (StatefulSet revision 5, about three hours ago) merged the headless consul-server Service into a regular one: consul-server is now a ClusterIP Service (172.20.91.37), and it is the StatefulSet\'s spec.serviceName. Per-pod DNS records (consul-server-N.consul-server.consul.svc) are only published for a headless Service, so every server\'s retry-join fails with "lookup consul-server-N.consul-server.consul.svc on 172.20.0.10:53: no such host", the three servers never find each other, no leader is elected and all three stay unready. Fix: give the StatefulSet a headless Service (clusterIP: None, publishNotReadyAddresses: true) named as spec.serviceName, keeping a separate ClusterIP Service for clients.',
    ask: { service: 'consul-server', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, svc, slice, ...claims, ...webhookApp.objects,
      ...sts.pods.flatMap((p) => [probeFailed(p, 'consul', 'Readiness', '', { count: 3100, firstAgo: 172, lastAgo: 0.05 })]),
      event({ on: { kind: 'StatefulSet', name: 'consul-server', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod consul-server-2 in StatefulSet consul-server successful', firstAgo: 172.6, lastAgo: 172.6, component: 'statefulset-controller' }),
      ...[0, 1, 2].map((i) => event({ on: { kind: 'StatefulSet', name: 'consul-server', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod consul-server-${i} in StatefulSet consul-server successful`, firstAgo: 172.5 - i * 0.1, lastAgo: 172.5 - i * 0.1, component: 'statefulset-controller' })),
    ],
    logs: [
      ...sts.pods.map((p, i) => logsFor(p, 'consul', { current: consulLog(i) })),
      logsFor(podOf(webhookApp, 0), 'sidecar-injector', { current: lines(`${at(149)} [ERROR] consul-server-connection-manager: connection error: error="fetching supported dataplane features: rpc error: code = Unavailable desc = No cluster leader"`, `${at(2)} [INFO]  consul-server-connection-manager: trying to connect to a Consul server`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/consul-server/, /headless|clusterIP|ClusterIP|serviceName/],
      facts: [/no such host/, lit('consul-server-0.consul-server.consul.svc'), /clusterIP: None|headless/i, lit('172.20.91.37')],
      never: [ADVISES_ROLLBACK, /\bOOM/, /coredns[^\n]*(down|fail|unhealthy|crash)/i, /NetworkPolicy/, /(PersistentVolume|claim|disk)[^\n]*(full|lost|fail)/i],
    },
  };
}

// ---- 6. Node.js 431: a front-end cookie pushes headers past 16 KiB -------------------------------

function nodeHeaderOverflow431(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.120', ['5', '66', '190']);
  const apiImage = `${ECR}/shop/account-api:7.3.0`;
  const api = deploymentApp({
    namespace: ns,
    name: 'account-api',
    replicas: 3,
    revisions: [{ revision: 19, createdAgo: 6 * DAYS, changeCause: 'argocd: account-api 7.3.0', template: { containers: [container({ image: apiImage, command: ['node', 'dist/server.js'], ports: [3000], cpu: '300m', memory: '512Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'PORT', value: '3000' }, { name: 'SESSION_STORE', value: 'redis://session-redis.shop.svc.cluster.local:6379/0' }], readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 15 }) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS },
  });
  const feImage = (v: string) => `${ECR}/shop/storefront-web:${v}`;
  const feTpl = (v: string, full: boolean) => ({ containers: [container({ image: feImage(v), ports: [3000], cpu: '500m', memory: '768Mi', env: [{ name: 'ACCOUNT_API_URL', value: 'http://account-api.shop.svc.cluster.local' }, { name: 'EXPERIMENTS_COOKIE', value: full ? 'exp_assignments' : 'exp_id' }, { name: 'EXPERIMENTS_COOKIE_MODE', value: full ? 'full-payload' : 'id-only' }], readiness: httpProbe('/api/health', 3000), liveness: httpProbe('/api/health', 3000) })] });
  const fe = deploymentApp({
    namespace: ns,
    name: 'storefront-web',
    replicas: 4,
    revisions: [
      { revision: 111, createdAgo: 5 * DAYS, changeCause: 'argocd: storefront-web 2026.11.16-1', template: feTpl('2026.11.16-1', false) },
      { revision: 112, createdAgo: 2 * HOURS + 5, changeCause: 'argocd: storefront-web 2026.11.21-1 (experiments: client-side assignment)', template: feTpl('2026.11.21-1', true) },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 112, node: names[k % 3] ?? '', createdAgo: 2 * HOURS + 4 - k })),
    settled: { available: true, availableSince: 2 * HOURS, progressingSince: 2 * HOURS + 5, progressingUpdatedAgo: 2 * HOURS },
  });
  const other = bystander(ns, 'cart-api', names, 58, { revisions: [63, 64], versions: ['4.9.0', '4.9.1'], olderAgo: 9 * DAYS });
  const pino = (t: number, level: number, pid: number, rest: string) => `{"level":${level},"time":${Date.parse(at(t))},"pid":${pid},"hostname":"HOST",${rest}}`;
  const apiLog = (p: k8s.V1Pod, k: number) => {
    const host = nameOf(p);
    const out = [pino(6 * DAYS - k - 0.2, 30, 1, '"msg":"account-api 7.3.0 listening on :3000"')];
    for (let i = 0; i < 14; i++) {
      const t = 118 - i * 8.3 - k * 0.7;
      const bytes = 17211 + ((i * 337 + k * 101) % 2100);
      out.push(pino(t, 40, 1, `"reqId":null,"remoteAddress":"10.0.${(i * 7 + k) % 60}.${(i * 13 + 20) % 250}","err":{"type":"Error","message":"Header overflow","stack":"Error: Header overflow\\n    at Parser.execute (node:_http_common:…)","code":"HPE_HEADER_OVERFLOW","bytesParsed":${bytes},"rawPacket":"R0VUIC9hcGkvdjEvbWUgSFRUUC8xLjENCmhvc3Q6IGFjY291bnQtYXBpLnNob3Au..."},"msg":"client error, responded 431 Request Header Fields Too Large"`));
      if (i % 4 === 0) out.push(pino(t - 0.02, 30, 1, `"reqId":"req-${(0x4f1 + i * 17 + k).toString(36)}","req":{"method":"GET","url":"/api/v1/me","remoteAddress":"10.0.${(i * 3 + k) % 60}.44"},"res":{"statusCode":200},"responseTime":${12 + i},"msg":"request completed"`));
    }
    out.push(pino(0.3, 30, 1, '"reqId":"req-kp1","req":{"method":"GET","url":"/health/ready"},"res":{"statusCode":200},"responseTime":1,"msg":"request completed"'));
    return lines(...out.map((l) => l.replace('"HOST"', `"${host}"`)));
  };
  const feLog = (k: number) => lines(
    `  ▲ Next.js 14.2.15`,
    `   - Local:        http://localhost:3000`,
    ` ✓ Ready in 812ms`,
    ...[0, 1, 2].map((i) => `{"level":"error","time":"${at(40 - i * 11 - k)}","route":"/account","msg":"account-api request failed","status":431,"statusText":"Request Header Fields Too Large","upstream":"http://account-api.shop.svc.cluster.local/api/v1/me","cookieBytes":${14980 + i * 212 + k * 37}}`),
  );
  return {
    id: 'heldout37-node-431-header-overflow-cookie',
    class: 'config',
    truth: 'storefront-web revision 112 (2 hours ago) moved A/B experiment assignment to the client and now stores the full assignment payload in an exp_assignments cookie of about 15 KB, which the storefront forwards to account-api with the rest of the Cookie header. account-api (revision 19, six days old, node dist/server.js with no --max-http-header-size) runs on Node\'s default 16 KiB header limit, so the HTTP parser rejects those requests with HPE_HEADER_OVERFLOW and answers 431 Request Header Fields Too Large before any handler runs; logged-in pages fail for affected users while the pods stay healthy. Fix: shrink the cookie (store an id, keep the assignments server-side) or roll storefront-web back; as a stop-gap raise the limit (NODE_OPTIONS=--max-http-header-size=32768).',
    ask: { service: 'account-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...fe.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'account-api', selector: { app: 'account-api' }, ports: [{ name: 'http', port: 80, targetPort: 3000 }], pods: api.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, ports: [{ name: 'http', port: 80, targetPort: 3000 }], pods: fe.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(fe), rsOf(fe, 112), 4, 0, 2 * HOURS + 5),
      scaledReplicaSet(deploymentOf(fe), rsOf(fe, 111), 0, 4, 2 * HOURS),
      configMap({ namespace: ns, name: 'account-api-config', createdAgo: 90 * DAYS, data: { 'LOG_LEVEL': 'info', 'SESSION_TTL': '86400', 'CORS_ORIGINS': 'https://www.shop.example' } }),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
      ...fe.pods.map((p, k) => logsFor(p, 'app', { current: feLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/431|HPE_HEADER_OVERFLOW|header/i],
      facts: [/HPE_HEADER_OVERFLOW/, /max-http-header-size|16 ?Ki?B|16384/i, /cookie|storefront-web/i],
      never: [/\bOOM/, /crash ?loop/i, /account-api[^\n]*revision 19[^\n]*(caused|broke|introduced)|roll(ing)? ?back[^\n]*account-api|account-api[^\n]*roll(ing)? ?back/i, /cart-api/],
    },
  };
}

// ---- 7. healthy control: restarted in place by a node reboot; clients hanging up ---------------

function healthyAfterNodeReboot(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.77', ['14', '129', '250']);
  const image = `${ECR}/search/search-api:12.4.2`;
  const rebootedNode = names[1] ?? '';
  const app = deploymentApp({
    namespace: ns,
    name: 'search-api',
    replicas: 3,
    revisions: [
      { revision: 52, createdAgo: 11 * DAYS, changeCause: 'argocd: search-api 12.4.1', template: { containers: [container({ image: `${ECR}/search/search-api:12.4.1`, ports: [8080], cpu: '1', memory: '2Gi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] } },
      { revision: 53, createdAgo: 5 * DAYS, changeCause: 'argocd: search-api 12.4.2', template: { containers: [container({ image, ports: [8080], cpu: '1', memory: '2Gi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] } },
    ],
    pods: [
      { revision: 53, node: names[0] ?? '', createdAgo: 5 * DAYS },
      { revision: 53, node: rebootedNode, createdAgo: 5 * DAYS - 1, containers: { app: running({ sinceAgo: 38.5, restarts: 1, last: { exitCode: 255, reason: 'Unknown', finishedAgo: 40.2, ranSeconds: 5 * DAYS * 60 - 2400 } }) } },
      { revision: 53, node: names[2] ?? '', createdAgo: 5 * DAYS - 2 },
    ],
    settled: { available: true, availableSince: 5 * DAYS - 3, progressingSince: 5 * DAYS },
  });
  const rebooted = podOf(app, 1);
  const bootId = 'e3a4c1f7-52b9-4d08-9f6e-1b7c2a90d4e5';
  const springTs = (t: number) => at(t).replace('Z', '+00:00');
  const healthy = (k: number, since: number) => lines(
    `${springTs(since)}  INFO 1 --- [search-api] [           main] c.a.search.SearchApiApplication          : Started SearchApiApplication in 34.117 seconds (process running for 36.02)`,
    ...[0, 1, 2].map((i) => `${springTs(24 - i * 9 - k)} ERROR 1 --- [search-api] [nio-8080-exec-${i + 3}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.apache.catalina.connector.ClientAbortException: java.io.IOException: Broken pipe] with root cause\n\njava.io.IOException: Broken pipe\n\tat java.base/sun.nio.ch.SocketDispatcher.write0(Native Method)\n\tat org.apache.tomcat.util.net.NioEndpoint$NioSocketWrapper.doWrite(NioEndpoint.java:1412)\n\tat org.apache.catalina.connector.OutputBuffer.flushByteBuffer(OutputBuffer.java:809)`),
    `${springTs(0.6)}  INFO 1 --- [search-api] [nio-8080-exec-7] c.a.search.web.AccessLog                 : GET /v3/search?q=winter+boots status=200 took=48ms hits=312`,
    `${springTs(0.2)}  INFO 1 --- [search-api] [nio-8080-exec-2] c.a.search.web.AccessLog                 : GET /v3/suggest?q=rai status=200 took=9ms hits=8`,
  );
  const fp = 'spec.containers{app}';
  return {
    id: 'heldout37-healthy-restart-after-node-reboot',
    class: 'healthy',
    truth: `search-api is healthy: all three revision-53 pods (12.4.2, five days old) are ready and serving in the Service's endpoints. One pod shows a restart with exit code 255 (reason Unknown) 40 minutes ago only because its node ${rebootedNode} was rebooted for the kernel patch window (Rebooted, NodeNotReady then NodeReady); the kubelet re-created the sandbox and the container has run cleanly since. The ClientAbortException / Broken pipe errors are clients (mobile apps with 2-second timeouts) hanging up before long search responses complete — everyday noise. Nothing to fix.`,
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...nodes.map((n) => (nameOf(n) === rebootedNode && n.status?.nodeInfo ? { ...n, status: { ...n.status, nodeInfo: { ...n.status.nodeInfo, bootID: bootId } } } : n)),
      ...app.objects,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: app.pods }),
      nodeEvent(rebootedNode, 'NodeNotReady', `Node ${rebootedNode} status is now: NodeNotReady`, { firstAgo: 41, component: 'node-controller' }),
      nodeEvent(rebootedNode, 'Starting', 'Starting kubelet.', { firstAgo: 39.6 }),
      nodeEvent(rebootedNode, 'Rebooted', `Node ${rebootedNode} has been rebooted, boot id: ${bootId}`, { type: 'Warning', firstAgo: 39.6 }),
      nodeEvent(rebootedNode, 'NodeReady', `Node ${rebootedNode} status is now: NodeReady`, { firstAgo: 39.2 }),
      event({ on: rebooted, type: 'Normal', reason: 'SandboxChanged', message: 'Pod sandbox changed, it will be killed and re-created.', firstAgo: 39.1, lastAgo: 39.1 }),
      ...restartedAgain(rebooted, 'app', image, { count: 1, firstAgo: 38.6, lastAgo: 38.6 }),
      probeFailed(rebooted, 'app', 'Readiness', `Get "http://${rebooted.status?.podIP}:8080/actuator/health/readiness": dial tcp ${rebooted.status?.podIP}:8080: connect: connection refused`, { count: 3, firstAgo: 38.4, lastAgo: 38.0 }),
      event({ on: { kind: 'Pod', name: 'search-indexer-28870140-7xq2m', namespace: ns }, type: 'Normal', reason: 'Completed', message: 'Job completed', firstAgo: 14, lastAgo: 14, component: 'job-controller' }),
    ].filter((o) => o !== undefined),
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: healthy(k, k === 1 ? 38 : 5 * DAYS - k), ...(k === 1 ? { previous: lines(`${springTs(41.5)}  INFO 1 --- [search-api] [nio-8080-exec-4] c.a.search.web.AccessLog                 : GET /v3/search?q=jacket status=200 took=51ms hits=1204`) } : {}) })),
    expect: {
      verdict: 'healthy',
      headline: [/search-api/],
      facts: [/3\/3|3 of 3|all 3|three/i, /reboot/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /crash ?loop/i, /ClientAbort|Broken pipe/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  celeryUnregisteredTask(),
  kafkaUnknownMagicByte(),
  hostNetworkClusterFirst(),
  distrolessPreStopSleep(),
  statefulSetServiceNotHeadless(),
  nodeHeaderOverflow431(),
  healthyAfterNodeReboot(),
];
