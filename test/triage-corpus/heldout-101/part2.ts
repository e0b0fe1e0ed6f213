// Held-out stories, hundred-and-first round, part two: a Go gRPC service whose revision moved to a
// distroless image without grpc_health_probe, so its exec liveness probe errors ("executable file
// not found in $PATH") and the kubelet restarts healthy containers; a Kafka Streams consumer
// crash-looping on Avro records it cannot read since another team's producer registered an
// incompatible schema; an NVIDIA device plugin OOM-killed on one GPU node since its DaemonSet's
// revision gave it a 40Mi limit, so the kubelet there rejects GPU pods with
// UnexpectedAdmissionError; a CronJob with startingDeadlineSeconds 10 that a slow controller makes
// miss every run, so the FX rates it writes go stale; a LoadBalancer Service whose ELB cannot be
// created (no subnet tagged for it) while its pods are fine; a worker whose revision raised its
// concurrency so MySQL transactions deadlock (Error 1213); and a healthy control: a Go TLS gateway
// whose logs carry the load balancer's health-check "TLS handshake error … EOF" lines.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, container, crashLoop, cronJob, cronJobEvent, daemonSetApp, deploymentApp,
  event, execProbe, exposed, httpProbe, jobEvent, nameOf, node, probeKilling, pyTime, restartedAgain, rsOf, running,
  scaledReplicaSet, scheduled, service, endpointSliceFor, tcpProbe, configMap, ago, hpa,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Go's log package / klog time: `2026/11/21 03:12:41`. */
const goTime = (m: number): string => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** klog header time: `I1121 03:12:41.563210`. */
const klogTime = (m: number): string => `${at(m).slice(5, 7)}${at(m).slice(8, 10)} ${at(m).slice(11, 23)}210`;

// ---- 1. exec liveness probe whose binary the new base image no longer ships ------------------------

function execProbeBinaryRemoved(): CorpusScenario {
  const ns = 'fulfillment';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '143', '228']);
  const image = (v: string) => `${ECR}/fulfillment/shipment-router:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [{ name: 'grpc', containerPort: 9090 }, { name: 'metrics', containerPort: 9102 }],
      cpu: '300m', memory: '256Mi',
      env: [{ name: 'GRPC_PORT', value: '9090' }, { name: 'CARRIER_API_URL', value: 'https://carriers.internal.acme.io' }, { name: 'GOMAXPROCS', value: '2' }],
      readiness: tcpProbe('grpc', { periodSeconds: 5 }),
      liveness: execProbe(['grpc_health_probe', '-addr=:9090', '-connect-timeout=2s'], { initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 3 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shipment-router',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: shipment-router 2.7.4', template: tpl('2.7.4') },
      { revision: 58, createdAgo: 31, changeCause: 'argocd: shipment-router 2.8.0', template: tpl('2.8.0') },
    ],
    pods: [
      { revision: 58, node: names[0] ?? '', createdAgo: 30.5, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 41 }, 7) } },
      { revision: 58, node: names[1] ?? '', createdAgo: 30, containers: { app: running({ sinceAgo: 0.4, restarts: 7, last: { exitCode: 1, finishedAgo: 0.45, ranSeconds: 42 } }) } },
      { revision: 58, node: names[2] ?? '', createdAgo: 29.5, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3.3, ranSeconds: 41 }, 6) } },
    ],
    settled: { available: false, availableSince: 8, progressingSince: 31, progressingUpdatedAgo: 29 },
  });
  const other = bystander(ns, 'label-printer', names, 3 * HOURS, { revisions: [14, 15], versions: ['1.9.2', '1.9.3'], olderAgo: 20 * DAYS });
  const probeErr = (p: k8s.V1Pod, k: number) => `Liveness probe errored: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "${(nameOf(p) + k).split('').map((c) => c.charCodeAt(0).toString(16)).join('').slice(0, 64)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "grpc_health_probe": executable file not found in $PATH: unknown`;
  const evs = app.pods.flatMap((p, i) => [
    event({ on: p, reason: 'Unhealthy', message: probeErr(p, i), count: 3 * (7 - (i === 2 ? 1 : 0)), firstAgo: 30 - i * 0.5, lastAgo: i === 1 ? 0.5 : 2.2 + i * 0.3, fieldPath: 'spec.containers{app}' }),
    probeKilling(p, 'app', 'liveness', { count: 7 - (i === 2 ? 1 : 0), firstAgo: 29.6 - i * 0.5, lastAgo: i === 1 ? 0.5 : 2.1 + i * 0.3 }),
    ...restartedAgain(p, 'app', image('2.8.0'), { count: 8 - (i === 2 ? 1 : 0), firstAgo: 30.4 - i * 0.5, lastAgo: i === 1 ? 0.4 : 6 }),
    ...(i === 1 ? [] : [backOff(p, 'app', { count: 14, firstAgo: 24, lastAgo: 0.3 })]),
  ]);
  const runLog = (start: number, end: number | undefined) => {
    const out = [
      `{"level":"info","ts":"${at(start)}","caller":"cmd/router/main.go:61","msg":"starting shipment-router","version":"2.8.0","commit":"4be19d0","go":"go1.23.3"}`,
      `{"level":"info","ts":"${at(start - 0.01)}","caller":"carriers/client.go:44","msg":"carrier registry loaded","carriers":["dhl","ups","postnl","dpd"]}`,
      `{"level":"info","ts":"${at(start - 0.02)}","caller":"server/grpc.go:38","msg":"gRPC server listening","addr":":9090","health_service":"grpc.health.v1.Health"}`,
      `{"level":"info","ts":"${at(start - 0.3)}","caller":"server/interceptors.go:72","msg":"rpc","method":"/fulfillment.v1.ShipmentRouter/Route","code":"OK","duration_ms":18}`,
      `{"level":"info","ts":"${at(start - 0.5)}","caller":"server/interceptors.go:72","msg":"rpc","method":"/fulfillment.v1.ShipmentRouter/Route","code":"OK","duration_ms":23}`,
    ];
    if (end !== undefined) out.push(
      `{"level":"info","ts":"${at(end + 0.01)}","caller":"cmd/router/main.go:97","msg":"received signal, shutting down","signal":"terminated"}`,
      `{"level":"fatal","ts":"${at(end)}","caller":"server/grpc.go:71","msg":"graceful stop interrupted, in-flight RPCs cancelled","inflight":3}`,
    );
    return lines(...out);
  };
  const [p0, p1, p2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  return {
    id: 'heldout101-grpc-health-probe-missing-from-distroless-image',
    class: 'probes',
    truth: 'shipment-router revision 58 (2.8.0, 31 minutes ago) moved the image to a distroless static base and dropped the grpc_health_probe binary the Dockerfile used to copy in. The liveness probe still execs `grpc_health_probe -addr=:9090`, so every probe errors with "exec: \\"grpc_health_probe\\": executable file not found in $PATH" and the kubelet kills the perfectly healthy gRPC server every ~40 s (7 restarts each, two pods in back-off, the Deployment below minimum availability). The app itself serves fine (readiness, a TCP check, passes). Fix: switch the liveness probe to the native gRPC probe (grpc: {port: 9090}) or put the binary back in the image; rolling back to revision 57 mitigates.',
    ask: { service: 'shipment-router', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'shipment-router', selector: { app: 'shipment-router' }, pods: app.pods, ports: [{ name: 'grpc', port: 9090, targetPort: 'grpc' }], endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'label-printer', selector: { app: 'label-printer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 3, 0, 31),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 0, 3, 29),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 15), 2, 0, 3 * HOURS),
      ...evs,
    ],
    logs: [
      logsFor(p0, 'app', { current: '', previous: runLog(2.8, 2.1) }),
      logsFor(p1, 'app', { current: runLog(0.4, undefined), previous: runLog(1.2, 0.45) }),
      logsFor(p2, 'app', { current: '', previous: runLog(4.0, 3.3) }),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(1)}","msg":"label rendered","format":"zpl","ms":12}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/grpc_health_probe|executable file not found|not found in \$PATH|liveness/i, /revision 58|\b58\b|2\.8\.0/],
      facts: [/executable file not found|not found in \$PATH/, /grpc_health_probe/, /liveness/i],
      never: [/\bOOM/, /connection refused/i, /label-printer/, /readiness probe[^\n]*fail/i],
    },
  };
}

// ---- 2. an incompatible Avro schema registered by another team's producer --------------------------

function avroSchemaBreaksConsumer(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '117', '205']);
  const producerImage = (v: string) => `${ECR}/checkout/checkout-api:${v}`;
  const producerTpl = (v: string) => ({
    containers: [container({
      image: producerImage(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'b-1.orders-msk.x7k2p1.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.orders-msk.x7k2p1.c3.kafka.eu-west-1.amazonaws.com:9098' },
        { name: 'SCHEMA_REGISTRY_URL', value: 'http://schema-registry.kafka.svc.cluster.local:8081' },
        { name: 'SPRING_KAFKA_PRODUCER_PROPERTIES_AUTO_REGISTER_SCHEMAS', value: 'true' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const producer = deploymentApp({
    namespace: ns,
    name: 'checkout-api',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 6 * DAYS, changeCause: 'argocd: checkout-api 5.1.7', template: producerTpl('5.1.7') },
      { revision: 41, createdAgo: 47, changeCause: 'argocd: checkout-api 5.2.0', template: producerTpl('5.2.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 46.5 - k })),
    settled: { available: true, availableSince: 43, progressingSince: 47, progressingUpdatedAgo: 43 },
  });
  const consumerImage = `${ECR}/orders/order-ledger-consumer:3.0.2`;
  const consumerTpl = {
    containers: [container({
      image: consumerImage, ports: [{ name: 'metrics', containerPort: 9404 }], cpu: '500m', memory: '1536Mi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' },
        { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'b-1.orders-msk.x7k2p1.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.orders-msk.x7k2p1.c3.kafka.eu-west-1.amazonaws.com:9098' },
        { name: 'SCHEMA_REGISTRY_URL', value: 'http://schema-registry.kafka.svc.cluster.local:8081' },
        { name: 'APPLICATION_ID', value: 'order-ledger' },
        { name: 'INPUT_TOPIC', value: 'orders.order-placed' },
        { name: 'SPECIFIC_AVRO_READER', value: 'true' },
      ],
      readiness: null, liveness: httpProbe('/health', 'metrics', { initialDelaySeconds: 60 }),
    })],
  };
  const consumer = deploymentApp({
    namespace: ns,
    name: 'order-ledger-consumer',
    replicas: 2,
    revisions: [{ revision: 12, createdAgo: 12 * DAYS, changeCause: 'argocd: order-ledger-consumer 3.0.2', template: consumerTpl }],
    pods: [
      { revision: 12, node: names[1] ?? '', createdAgo: 12 * DAYS, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.8, ranSeconds: 27 }, 11) } },
      { revision: 12, node: names[2] ?? '', createdAgo: 12 * DAYS - 1, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 4.2, ranSeconds: 26 }, 11) } },
    ],
    settled: { available: false, availableSince: 40, progressingSince: 12 * DAYS, progressingUpdatedAgo: 12 * DAYS },
  });
  const [c0, c1] = [podOf(consumer, 0), podOf(consumer, 1)];
  const crashLog = (end: number, thread: number, offset: number) => {
    const t = (d: number) => at(end + d);
    return lines(
      `${t(0.45)} INFO  [main] c.a.o.ledger.LedgerApplication - Starting LedgerApplication v3.0.2 using Java 21.0.5`,
      `${t(0.4)} INFO  [main] o.a.k.s.KafkaStreams - stream-client [order-ledger-7f0c] State transition from CREATED to REBALANCING`,
      `${t(0.3)} INFO  [order-ledger-7f0c-StreamThread-${thread}] o.a.k.s.p.i.StreamThread - stream-thread [order-ledger-7f0c-StreamThread-${thread}] State transition from PARTITIONS_ASSIGNED to RUNNING`,
      `${t(0.02)} ERROR [order-ledger-7f0c-StreamThread-${thread}] o.a.k.s.e.LogAndFailExceptionHandler - Exception caught during Deserialization, taskId: 0_${thread + 2}, topic: orders.order-placed, partition: ${thread + 2}, offset: ${offset}`,
      `org.apache.kafka.common.errors.SerializationException: Error deserializing Avro message for id 1187`,
      `\tat io.confluent.kafka.serializers.AbstractKafkaAvroDeserializer$DeserializationContext.read(AbstractKafkaAvroDeserializer.java:577)`,
      `\tat io.confluent.kafka.serializers.AbstractKafkaAvroDeserializer.deserialize(AbstractKafkaAvroDeserializer.java:214)`,
      `Caused by: org.apache.avro.AvroTypeException: Found com.acme.checkout.events.OrderPlaced, expecting com.acme.checkout.events.OrderPlaced, missing required field currency`,
      `\tat org.apache.avro.io.ResolvingDecoder.doAction(ResolvingDecoder.java:308)`,
      `\tat org.apache.avro.io.parsing.Parser.advance(Parser.java:86)`,
      `${t(0.01)} ERROR [order-ledger-7f0c-StreamThread-${thread}] o.a.k.s.p.i.StreamThread - stream-thread [order-ledger-7f0c-StreamThread-${thread}] Encountered the following exception during processing and the registered exception handler opted to SHUTDOWN_CLIENT. The streams client is going to shut down now.`,
      `org.apache.kafka.streams.errors.StreamsException: Deserialization exception handler is set to fail upon a deserialization error. If you would rather have the streaming pipeline continue after a deserialization error, please set the default.deserialization.exception.handler appropriately.`,
      `${t(0)} INFO  [main] c.a.o.ledger.LedgerApplication - Kafka Streams reached ERROR state, exiting with status 1`,
    );
  };
  const checkoutLog = (k: number) => lines(
    `${at(46 - k)} INFO 1 --- [main] c.a.checkout.CheckoutApplication : Started CheckoutApplication in 18.412 seconds (process running for 19.3)`,
    `${at(45.2 - k)} INFO 1 --- [kafka-producer-network-thread | checkout-api-1] i.c.k.s.AbstractKafkaSchemaSerDe : Registered schema id 1187 for subject orders.order-placed-value (version 9)`,
    `${at(1.1)} INFO 1 --- [http-nio-8080-exec-${k + 3}] c.a.checkout.api.OrderController : order placed orderId=ORD-${8812440 + k * 17} amount=84.90 totalCurrency=EUR`,
    `${at(0.6)} WARN 1 --- [http-nio-8080-exec-${k + 1}] o.h.e.j.s.SqlExceptionHelper : SQL Warning Code: 0, SQLState: 00000`,
  );
  const cm = configMap({ namespace: ns, name: 'checkout-api-events', createdAgo: 200 * DAYS, data: { 'topic.order-placed': 'orders.order-placed', 'schema.compatibility.expected': 'BACKWARD', 'events.version': '2' } });
  return {
    id: 'heldout101-avro-schema-change-breaks-ledger-consumer',
    class: 'containers',
    truth: 'checkout-api revision 41 (5.2.0, 47 minutes ago, another team) renamed OrderPlaced\'s required field `currency` to `totalCurrency` and, with auto.register.schemas on and the subject\'s compatibility set to NONE in the registry, registered it as schema id 1187 (version 9) of orders.order-placed-value. order-ledger-consumer (unchanged for 12 days, specific Avro reader on the old class) cannot resolve the new writer schema ("missing required field currency"), Kafka Streams\' LogAndFail handler shuts the client down, and both pods crash-loop (exit 1, 11 restarts) while ledger lag grows. Fix: have checkout-api restore `currency` (or add it back with a default) and register a compatible version, restore BACKWARD compatibility on the subject; the consumer itself needs no rollback.',
    ask: { service: 'order-ledger-consumer', namespace: ns },
    objects: [
      ...nodes, ...producer.objects, ...consumer.objects, cm,
      ...exposed({ namespace: ns, name: 'checkout-api', selector: { app: 'checkout-api' }, pods: producer.pods }),
      scaledReplicaSet(deploymentOf(producer), rsOf(producer, 41), 3, 0, 47),
      scaledReplicaSet(deploymentOf(producer), rsOf(producer, 40), 0, 3, 44),
      ...[c0, c1].flatMap((p, i) => [
        ...restartedAgain(p, 'app', consumerImage, { count: 11, firstAgo: 44.5 - i, lastAgo: i === 0 ? 2.3 : 4.7 }),
        backOff(p, 'app', { count: 170, firstAgo: 43 - i, lastAgo: 0.2 }),
      ]),
    ],
    logs: [
      logsFor(c0, 'app', { current: '', previous: crashLog(1.8, 1, 48213377) }),
      logsFor(c1, 'app', { current: '', previous: crashLog(4.2, 2, 47990214) }),
      ...producer.pods.map((p, k) => logsFor(p, 'app', { current: checkoutLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/avro|schema|deserializ/i, /checkout-api|1187|revision 41/i],
      facts: [/missing required field currency|1187/, /checkout-api/, /revision 41|5\.2\.0/],
      never: [/\bOOM/, /order-ledger-consumer[^\n]*(roll(ing)? ?back|rollout undo)/i, /kafka (broker|cluster)s?[^\n]*(unreachable|is down|are down|not reachable)/i, /liveness probe[^\n]*(fail|kill)/i],
    },
  };
}

// ---- 3. the NVIDIA device plugin OOM-killed on one GPU node: UnexpectedAdmissionError ----------------

function gpuDevicePluginRestartAdmission(): CorpusScenario {
  const ns = 'ml-serving';
  const gpuNode = (ip: string, zone: string) => node({
    name: eksNodeName(ip), zone, instanceType: 'g5.12xlarge', pool: 'gpu-a10g',
    labels: { 'nvidia.com/gpu.present': 'true', 'nvidia.com/gpu.product': 'NVIDIA-A10G', workload: 'gpu' },
    taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
    allocatable: { cpu: '47810m', 'ephemeral-storage': '191681344068', memory: '183586388Ki', pods: '234', 'nvidia.com/gpu': '4' },
    createdAgo: 18 * DAYS,
  });
  const gpuA = gpuNode('10.0.201.40', 'eu-west-1a');
  const gpuB = gpuNode('10.0.202.73', 'eu-west-1b');
  const { nodes: cpuNodes } = threeEksNodes('10.0.200', ['11', '96', '180']);
  const [a, b] = [nameOf(gpuA), nameOf(gpuB)];
  const pluginImage = (v: string) => `nvcr.io/nvidia/k8s-device-plugin:${v}`;
  const pluginTpl = (v: string, limit: string) => ({
    containers: [container({
      name: 'nvidia-device-plugin-ctr', image: pluginImage(v), ports: [], cpu: '10m', memory: limit, readiness: null, liveness: null,
      env: [{ name: 'FAIL_ON_INIT_ERROR', value: 'false' }, { name: 'DEVICE_LIST_STRATEGY', value: 'envvar' }, { name: 'MIG_STRATEGY', value: 'none' }],
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
      volumeMounts: [{ name: 'device-plugin', mountPath: '/var/lib/kubelet/device-plugins' }],
    })],
    volumes: [{ name: 'device-plugin', hostPath: { path: '/var/lib/kubelet/device-plugins', type: '' } }],
    tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
    nodeSelector: { 'nvidia.com/gpu.present': 'true' },
    priorityClassName: 'system-node-critical',
  });
  const plugin = daemonSetApp({
    namespace: 'kube-system',
    name: 'nvidia-device-plugin-daemonset',
    revisions: [
      { revision: 3, createdAgo: 40 * DAYS, template: pluginTpl('v0.16.2', '128Mi') },
      { revision: 4, createdAgo: 23, template: pluginTpl('v0.17.0', '40Mi') },
    ],
    pods: [
      { revision: 3, node: a, createdAgo: 18 * DAYS },
      { revision: 4, node: b, createdAgo: 22.5, containers: { 'nvidia-device-plugin-ctr': running({ sinceAgo: 0.3, restarts: 6, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 0.35, ranSeconds: 95 } }) } },
    ],
  });
  // The plugin updates OnDelete: someone deleted its pod on gpu-b to pick up revision 4; gpu-a still runs revision 3.
  const ds = plugin.objects[0] as k8s.V1DaemonSet;
  if (ds.spec) ds.spec.updateStrategy = { type: 'OnDelete' };
  const pp = podOf(plugin, 1);
  const rerankImage = `${ECR}/ml/reranker-triton:24.10-r7`;
  const rerankTpl = {
    containers: [container({
      image: rerankImage, ports: [{ name: 'http', containerPort: 8000 }, { name: 'grpc', containerPort: 8001 }], cpu: '4', memory: '24Gi',
      args: ['tritonserver', '--model-repository=s3://acme-ml-models/reranker/v14', '--strict-readiness=true'],
      readiness: httpProbe('/v2/health/ready', 'http', { periodSeconds: 10 }), liveness: httpProbe('/v2/health/live', 'http', { initialDelaySeconds: 90 }),
    })],
    tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
    nodeSelector: { workload: 'gpu' },
  };
  for (const c of rerankTpl.containers) c.resources = { requests: { cpu: '4', memory: '24Gi', 'nvidia.com/gpu': '1' }, limits: { memory: '24Gi', 'nvidia.com/gpu': '1' } };
  const rejectMsg = 'Allocate failed due to requested number of devices unavailable for nvidia.com/gpu. Requested: 1, Available: 0, which is unexpected';
  const rejectedAgo = [19.6, 19.5, 14.1, 14.0, 9.2, 5.1, 2.05];
  const app = deploymentApp({
    namespace: ns,
    name: 'reranker',
    replicas: 6,
    revisions: [{ revision: 9, createdAgo: 6 * DAYS, changeCause: 'argocd: reranker model v14', template: rerankTpl }],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 9, node: a, createdAgo: 6 * DAYS - k })),
      { revision: 9, node: b, createdAgo: 6 * DAYS - 5 },
      ...rejectedAgo.map((m) => ({ revision: 9, node: b, createdAgo: m, phase: 'Failed' as const, reason: 'UnexpectedAdmissionError', message: `Pod was rejected: ${rejectMsg}`, ready: false })),
      { revision: 9, node: b, createdAgo: 0.5, ready: false, containers: { app: running({ sinceAgo: 0.4, ready: false }) } },
    ],
  });
  // A pod the kubelet rejected at admission never got a sandbox or a container.
  for (const p of app.pods) {
    if (p.status?.reason !== 'UnexpectedAdmissionError' || p.status === undefined) continue;
    delete p.status.containerStatuses;
    delete p.status.podIP;
    delete p.status.podIPs;
  }
  const rejected = app.pods.filter((p) => p.status?.reason === 'UnexpectedAdmissionError');
  const older = podOf(app, 4);
  const pluginLog = (start: number, end: number | undefined) => lines(
    `I${klogTime(start)}       1 main.go:235] "Starting NVIDIA Device Plugin" version="v0.17.0" commit="3b6b1a5c"`,
    `I${klogTime(start - 0.01)}       1 main.go:238] Starting FS watcher for /var/lib/kubelet/device-plugins`,
    `I${klogTime(start - 0.02)}       1 main.go:245] Starting OS watcher.`,
    `I${klogTime(start - 0.03)}       1 main.go:260] Starting Plugins.`,
    `I${klogTime(start - 0.04)}       1 main.go:317] Loading configuration.`,
    `I${klogTime(start - 0.05)}       1 main.go:342] Updating config with default resource matching patterns.`,
    `I${klogTime(start - 0.06)}       1 main.go:353] Retrieving plugins.`,
    `I${klogTime(start - 0.08)}       1 server.go:195] Starting GRPC server for 'nvidia.com/gpu'`,
    `I${klogTime(start - 0.09)}       1 server.go:139] Starting to serve 'nvidia.com/gpu' on /var/lib/kubelet/device-plugins/nvidia-gpu.sock`,
    `I${klogTime(start - 0.1)}       1 server.go:146] Registered device plugin for 'nvidia.com/gpu' with Kubelet`,
    ...(end === undefined ? [] : [`I${klogTime(end + 0.02)}       1 health.go:125] Ignoring the following XIDs for health checks: map[13:true 31:true 43:true 45:true 68:true 109:true]`]),
  );
  return {
    id: 'heldout101-device-plugin-oomkilled-gpu-pods-rejected',
    class: 'nodes',
    truth: `Revision 4 of kube-system/nvidia-device-plugin-daemonset (23 minutes ago: v0.17.0 with a new 40Mi memory limit, added for a "limits everywhere" policy) (its update strategy is OnDelete) was picked up only on GPU node ${b}, whose plugin pod an engineer deleted 23 minutes ago; there the plugin is OOM-killed every few minutes (6 restarts). Each time it dies the kubelet drops its registered nvidia.com/gpu devices while the node still advertises 4 allocatable GPUs, so reranker pods the scheduler binds to ${b} are rejected at admission with UnexpectedAdmissionError ("Allocate failed … Requested: 1, Available: 0, which is unexpected"): seven Failed pods in 20 minutes, reranker at 5 of 6 ready, and the Triton pods themselves are fine. Fix: raise (or drop) the plugin's memory limit and finish/undo the DaemonSet rollout, then delete the Failed pods; reranker's own revision 9 (6 days old) is not involved.`,
    ask: { service: 'reranker', namespace: ns },
    objects: [
      gpuA, gpuB, ...cpuNodes, ...plugin.objects, ...app.objects,
      ...exposed({ namespace: ns, name: 'reranker', selector: { app: 'reranker' }, pods: app.pods, ports: [{ name: 'http', port: 8000, targetPort: 'http' }], endpointPort: 8000 }),
      hpa({ namespace: ns, name: 'reranker', target: { kind: 'Deployment', name: 'reranker' }, min: 4, max: 8, current: 6, desired: 6, cpu: { current: 61, target: 70 }, lastScaleAgo: 2 * HOURS }),
      ...restartedAgain(pp, 'nvidia-device-plugin-ctr', pluginImage('v0.17.0'), { count: 7, firstAgo: 22.4, lastAgo: 0.3 }),
      event({ on: { kind: 'DaemonSet', name: 'nvidia-device-plugin-daemonset', namespace: 'kube-system' }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(pp)}`, firstAgo: 22.5, lastAgo: 22.5, component: 'daemonset-controller' }),
      scheduled(pp, 22.5),
      ...rejected.flatMap((p, i) => [
        scheduled(p, rejectedAgo[i] ?? 1),
        event({ on: p, reason: 'UnexpectedAdmissionError', message: rejectMsg, firstAgo: (rejectedAgo[i] ?? 1) - 0.01, lastAgo: (rejectedAgo[i] ?? 1) - 0.01 }),
      ]),
      ...rejected.map((p, i) => event({ on: { kind: 'ReplicaSet', name: rsOf(app, 9), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p)}`, firstAgo: rejectedAgo[i] ?? 1, lastAgo: rejectedAgo[i] ?? 1, component: 'replicaset-controller' })),
      scheduled(podOf(app, app.pods.length - 1), 0.5),
    ],
    logs: [
      logsFor(pp, 'nvidia-device-plugin-ctr', { current: pluginLog(0.3, undefined), previous: pluginLog(1.95, 0.35) }),
      logsFor(older, 'app', { current: lines(`I1121 ${at(6 * DAYS - 6).slice(11, 23)} 1 http_server.cc:4713] "Started HTTPService at 0.0.0.0:8000"`, `W1121 ${at(3).slice(11, 23)} 1 pinned_memory_manager.cc:273] "Unable to allocate pinned system memory, pinned memory pool will not be available: out of memory"`) }),
      ...app.pods.slice(0, 4).map((p) => logsFor(p, 'app', { current: lines(`I1121 ${at(6 * DAYS - 6).slice(11, 23)} 1 grpc_server.cc:2519] "Started GRPCInferenceService at 0.0.0.0:8001"`, `I1121 ${at(6 * DAYS - 6).slice(11, 23)} 1 http_server.cc:4713] "Started HTTPService at 0.0.0.0:8000"`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/UnexpectedAdmissionError|device.?plugin|nvidia|admission|Allocate failed/i, /10-0-202-73|device.?plugin|nvidia/i],
      facts: [/Requested: 1, Available: 0|UnexpectedAdmissionError/, /OOMKilled|40Mi|memory limit/i, /nvidia-device-plugin/],
      never: [/reranker[^\n]*OOM/i, /quota/i, /Insufficient nvidia\.com\/gpu/, /reranker[^\n]*(roll(ing)? ?back|rollout undo)/i],
    },
  };
}

// ---- 4. a CronJob whose 10-second starting deadline a slow controller keeps missing -------------------

function cronJobStartingDeadlineMissed(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.58', ['9', '131', '240']);
  const image = `${ECR}/pricing/fx-rates-sync:1.6.3`;
  const template = {
    containers: [batchContainer({
      image, cpu: '100m', memory: '128Mi',
      args: ['sync', '--source=ecb', '--source=oanda', '--redis=pricing-cache.pricing.svc.cluster.local:6379'],
      env: [{ name: 'RATES_TTL_SECONDS', value: '1800' }],
    })],
  };
  const runs = [139, 144, 149];
  const cron = cronJob({
    namespace: ns,
    name: 'fx-rates-sync',
    schedule: '*/5 * * * *',
    template,
    jobs: runs.map((m) => ({ createdAgo: m, outcome: { complete: true as const, ago: m - 0.4 }, pods: [{ node: names[m % 3] ?? '', createdAgo: m, phase: 'Succeeded' as const, containers: { app: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(m - 0.05), finishedAt: ago(m - 0.4) } }, ready: false, restartCount: 0 } } }] })),
    lastSuccessfulAgo: 138.6,
    createdAgo: 300 * DAYS,
  });
  const cj = cron.objects[0] as k8s.V1CronJob;
  if (cj.spec) cj.spec.startingDeadlineSeconds = 10;
  cj.metadata = { ...cj.metadata, annotations: { 'argocd.argoproj.io/tracking-id': 'pricing:batch/CronJob:pricing/fx-rates-sync' } };
  const rfc1123z = (m: number): string => {
    const d = ago(m);
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const p = (n: number) => String(n).padStart(2, '0');
    return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
  };
  // NOW is 03:14; the missed slots are 03:10, 03:05, … back to 01:00; the last run was 00:55.
  const missed: number[] = [];
  for (let m = 4; m < 139; m += 5) missed.push(m);
  const missEvents = missed.map((m) => event({ on: { kind: 'CronJob', metadata: cj.metadata ?? {} }, reason: 'MissSchedule', message: `Missed scheduled time to start a job: ${rfc1123z(m)}`, firstAgo: m - 0.35, lastAgo: m - 0.35, component: 'cronjob-controller' }));
  const apiImage = (v: string) => `${ECR}/pricing/pricing-api:${v}`;
  const api = deploymentApp({
    namespace: ns,
    name: 'pricing-api',
    replicas: 3,
    revisions: [
      { revision: 66, createdAgo: 11 * DAYS, template: { containers: [container({ image: apiImage('8.3.1'), ports: [8080], env: [{ name: 'FX_MAX_AGE', value: '30m' }] })] } },
      { revision: 67, createdAgo: 5 * HOURS, changeCause: 'argocd: pricing-api 8.3.2', template: { containers: [container({ image: apiImage('8.3.2'), ports: [8080], env: [{ name: 'FX_MAX_AGE', value: '30m' }] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 67, node: names[k] ?? '', createdAgo: 5 * HOURS - k })),
    settled: { available: true, availableSince: 5 * HOURS - 3, progressingSince: 5 * HOURS, progressingUpdatedAgo: 5 * HOURS - 3 },
  });
  const apiLog = (k: number) => {
    const out: string[] = [];
    for (let m = 100; m >= 1; m -= 11) {
      const age = Math.round(138.6 - m);
      out.push(`${pyTime(m - k * 0.1)} WARNING pricing.fx: fx rates stale: EUR/USD last_updated=${at(138.6).slice(0, 19)}Z age=${Math.floor(age / 60)}h${age % 60}m max_age=30m, serving last known rates`);
      out.push(`${pyTime(m - k * 0.1 - 0.02)} INFO uvicorn.access: 10.0.58.${40 + k} - "GET /v3/quote?sku=SKU-2291&currency=USD HTTP/1.1" 200`);
    }
    return lines(...out);
  };
  const last = cron.jobs[0];
  return {
    id: 'heldout101-cronjob-starting-deadline-missed-stale-fx-rates',
    class: 'jobs',
    truth: 'fx-rates-sync runs every 5 minutes with startingDeadlineSeconds: 10. Since the 01:00 slot (2 h 14 min ago; the last run was 00:55) the kube-controller-manager has been slow (a control-plane under load: the CronJob controller reaches each schedule tens of seconds late), so every run falls outside the 10-second window and is skipped with "Missed scheduled time to start a job" — no Job created, nothing failed. The FX rates in Redis are now about 2 h 19 min old and pricing-api serves stale rates (it warns on every quote). Fix: raise startingDeadlineSeconds to a few minutes (e.g. 200–300 s) and look at the control plane\'s latency; the job\'s code and image are fine and pricing-api\'s rollout 5 h ago is unrelated.',
    ask: { service: 'fx-rates-sync', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: api.pods }),
      ...cron.jobs.flatMap((j, i) => [
        cronJobEvent(cj, 'SuccessfulCreate', `Created job ${nameOf(j.objects[0])}`, runs[i] ?? 139),
        jobEvent(j.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(j.pods[0])}`, runs[i] ?? 139),
        jobEvent(j.objects[0], 'Completed', 'Job completed', (runs[i] ?? 139) - 0.4),
        cronJobEvent(cj, 'SawCompletedJob', `Saw completed job: ${nameOf(j.objects[0])}, condition: Complete`, (runs[i] ?? 139) - 0.3),
      ]),
      ...missEvents,
      scaledReplicaSet(deploymentOf(api), rsOf(api, 67), 3, 0, 5 * HOURS),
    ],
    logs: [
      ...(last ? [logsFor(last.pods[0], 'app', { current: lines(`${pyTime(138.95)} INFO fx_sync: fetched 32 rates from ecb (ref date 2026-11-20)`, `${pyTime(138.8)} INFO fx_sync: fetched 161 rates from oanda`, `${pyTime(138.65)} INFO fx_sync: wrote 161 rates to redis key fx:rates:v2 ttl=1800s`) })] : []),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/startingDeadlineSeconds|starting deadline|missed|miss(ed)? (its )?schedule|not (been )?(run|scheduled)|no job/i],
      facts: [/startingDeadlineSeconds|\b10 ?s\b|10 seconds/, /Missed scheduled time|MissSchedule/, /stale|pricing-api|2 ?h|last (successful|run|schedul)/i],
      never: [/BackoffLimitExceeded|backoff limit/i, /\bOOM/, /\bis suspended|suspend: ?true/i, /pricing-api[^\n]*(roll(ing)? ?back|rollout undo|revision 67[^\n]*caus)/i],
    },
  };
}

// ---- 5. a LoadBalancer Service whose ELB cannot be created ----------------------------------------

function loadBalancerNoSuitableSubnets(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.33', ['50', '167', '219']);
  const image = (v: string) => `${ECR}/web/storefront-web:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '300m', memory: '512Mi',
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'NEXT_PUBLIC_API_BASE', value: 'https://api.shop.acme.io' }],
      readiness: httpProbe('/api/health', 3000), liveness: httpProbe('/api/health', 3000, { initialDelaySeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'storefront-web',
    replicas: 3,
    revisions: [
      { revision: 102, createdAgo: 8 * DAYS, changeCause: 'argocd: storefront-web 14.2.0', template: tpl('14.2.0') },
      { revision: 103, createdAgo: 6 * DAYS, changeCause: 'argocd: storefront-web 14.2.1', template: tpl('14.2.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 103, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const svc = service({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, type: 'LoadBalancer', createdAgo: 41, ports: [{ name: 'https', port: 443, targetPort: 'http' }, { name: 'http', port: 80, targetPort: 'http' }] });
  svc.metadata = {
    ...svc.metadata,
    annotations: {
      'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb',
      'service.beta.kubernetes.io/aws-load-balancer-ssl-cert': 'arn:aws:acm:eu-west-1:123456789012:certificate/5b1d0f3e-9a7c-4c2e-8d61-2f4a9b0c7e11',
      'service.beta.kubernetes.io/aws-load-balancer-ssl-ports': '443',
      'external-dns.alpha.kubernetes.io/hostname': 'www.shop.acme.io',
      'argocd.argoproj.io/sync-options': 'Replace=true',
    },
    finalizers: ['service.kubernetes.io/load-balancer-cleanup'],
  };
  if (svc.spec) { svc.spec.externalTrafficPolicy = 'Cluster'; svc.spec.allocateLoadBalancerNodePorts = true; for (const [i, p] of (svc.spec.ports ?? []).entries()) p.nodePort = 31443 - i * 1000; }
  const slice = endpointSliceFor(svc, app.pods, 3000);
  const other = bystander(ns, 'storefront-bff', names, 41, { revisions: [58, 59], versions: ['6.0.3', '6.1.0'], olderAgo: 9 * DAYS });
  const svcRef = { kind: 'Service', metadata: svc.metadata ?? {} };
  const sync = [41, 40.9, 40.7, 40.3, 39.5, 37.9, 34.7, 29.7, 24.7, 19.7, 14.7, 9.7, 4.7];
  const webLog = (k: number) => {
    const out: string[] = [];
    for (let m = 50; m > 41; m -= 1.5) out.push(`{"level":30,"time":${ago(m - k * 0.1).getTime()},"pid":1,"hostname":"storefront-web","msg":"request completed","req":{"method":"GET","url":"/products/winter-jackets","remoteAddress":"10.0.${33 + k}.${12 + k * 9}","headers":{"x-forwarded-for":"84.${30 + k}.${120 + k}.9"}},"res":{"statusCode":200},"responseTime":${41 + k * 7}}`);
    for (let m = 40; m > 0; m -= 6) out.push(`{"level":30,"time":${ago(m - k * 0.1).getTime()},"pid":1,"hostname":"storefront-web","msg":"request completed","req":{"method":"GET","url":"/api/health","remoteAddress":"10.0.33.${50 + k}","headers":{"user-agent":"kube-probe/1.31"}},"res":{"statusCode":200},"responseTime":1}`);
    out.push(`{"level":40,"time":${ago(2 * DAYS).getTime()},"pid":1,"hostname":"storefront-web","msg":"Image optimization cache exceeded 500MB, evicting oldest entries"}`);
    return lines(...out.sort((x, y) => Number(/"time":(\d+)/.exec(x)?.[1]) - Number(/"time":(\d+)/.exec(y)?.[1])));
  };
  return {
    id: 'heldout101-loadbalancer-service-no-suitable-subnets',
    class: 'network',
    truth: 'The storefront-web Service (type LoadBalancer, an NLB fronting www.shop.acme.io) was deleted and recreated by an Argo CD sync with Replace=true 41 minutes ago. Deleting it removed the old NLB; the service controller cannot create the new one: "Error syncing load balancer: failed to ensure load balancer: could not find any suitable subnets for creating the ELB" — the public subnets lost their kubernetes.io/role/elb / cluster tags in last week\'s Terraform VPC refactor, which went unnoticed while the old NLB existed. The Service has no ingress hostname, external-dns has nothing to point at, and the site is unreachable from outside, while the three storefront-web pods are healthy (only kube-probe traffic since). Fix: re-tag the public subnets (or pin subnets with the aws-load-balancer-subnets annotation); no rollback of the app is needed.',
    ask: { service: 'storefront-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, svc, slice,
      ...exposed({ namespace: ns, name: 'storefront-bff', selector: { app: 'storefront-bff' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 59), 2, 0, 41),
      event({ on: svcRef, type: 'Normal', reason: 'EnsuringLoadBalancer', message: 'Ensuring load balancer', count: sync.length, firstAgo: 41, lastAgo: 4.7, component: 'service-controller' }),
      event({ on: svcRef, reason: 'SyncLoadBalancerFailed', message: 'Error syncing load balancer: failed to ensure load balancer: could not find any suitable subnets for creating the ELB', count: sync.length, firstAgo: 40.99, lastAgo: 4.69, component: 'service-controller' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: webLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/load ?balancer|\bELB\b|\bNLB\b|SyncLoadBalancerFailed/i, /subnet|SyncLoadBalancerFailed|external|ensure/i],
      facts: [/could not find any suitable subnets|suitable subnets/, /storefront-web/, /tag|subnet/i],
      never: [/crash ?loop/i, /\bOOM/, /readiness probe[^\n]*fail/i, ADVISES_ROLLBACK, /storefront-bff/],
    },
  };
}

// ---- 6. a worker's concurrency raised by its revision: MySQL deadlocks --------------------------------

function mysqlDeadlocksAfterConcurrency(): CorpusScenario {
  const ns = 'inventory';
  const { nodes, names } = threeEksNodes('10.0.117', ['26', '139', '210']);
  const image = (v: string) => `${ECR}/inventory/stock-reservation-worker:${v}`;
  const tpl = (v: string, conc: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'metrics', containerPort: 9100 }], cpu: '250m', memory: '256Mi',
      env: [
        { name: 'MYSQL_DSN', value: 'reservation_rw@tcp(inventory-db.cluster-c1r7x2mqa9.eu-west-1.rds.amazonaws.com:3306)/inventory?parseTime=true&tls=true' },
        { name: 'SQS_QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/order-reservations' },
        { name: 'WORKER_CONCURRENCY', value: conc },
        { name: 'MAX_RETRIES', value: '3' },
      ],
      readiness: httpProbe('/ready', 'metrics'), liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'stock-reservation-worker',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 15 * DAYS, changeCause: 'argocd: stock-reservation-worker 2.11.0', template: tpl('2.11.0', '1') },
      { revision: 19, createdAgo: 58, changeCause: 'argocd: stock-reservation-worker 2.11.0 (scale workers for black friday)', template: tpl('2.11.0', '8') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 57.5 - k * 0.5 })),
    settled: { available: true, availableSince: 56, progressingSince: 58, progressingUpdatedAgo: 56 },
  });
  const other = bystander(ns, 'inventory-api', names, 26 * HOURS, { revisions: [71, 72], versions: ['4.0.8', '4.0.9'], olderAgo: 12 * DAYS });
  const skus = ['SKU-88213-BLK', 'SKU-10452-M', 'SKU-77310', 'SKU-23018-XL', 'SKU-55402', 'SKU-90117-RED'];
  const workerLog = (k: number) => {
    const out: string[] = [
      `${goTime(57 - k * 0.5)} INFO stock-reservation-worker 2.11.0 starting: concurrency=8 queue=order-reservations max_retries=3`,
      `${goTime(56.9 - k * 0.5)} INFO mysql pool: max_open=16 max_idle=8 host=inventory-db.cluster-c1r7x2mqa9.eu-west-1.rds.amazonaws.com`,
    ];
    for (let i = 0; i < 18; i++) {
      const t = 52 - i * 2.8 - k * 0.07;
      const order = `ORD-${8810000 + i * 131 + k * 7}`;
      const a = skus[(i + k) % skus.length] ?? '';
      const b = skus[(i + k + 3) % skus.length] ?? '';
      out.push(`${goTime(t)} INFO worker=${i % 8} reserved order=${order} lines=3 ms=${38 + i}`);
      out.push(`${goTime(t - 0.05)} WARN worker=${(i + 3) % 8} reserve order=ORD-${8810050 + i * 131 + k} attempt=${(i % 3) + 1}/3 skus=[${a} ${b}]: UPDATE stock_levels SET reserved = reserved + ? WHERE sku = ? AND warehouse_id = ?: Error 1213 (40001): Deadlock found when trying to get lock; try restarting transaction`);
      if (i % 3 === 2) out.push(`${goTime(t - 0.06)} ERROR worker=${(i + 3) % 8} giving up on order=ORD-${8810050 + i * 131 + k} after 3 attempts, message left for redrive to order-reservations-dlq: Error 1213 (40001): Deadlock found when trying to get lock; try restarting transaction`);
    }
    out.push(`${goTime(0.3)} INFO stats: reserved=412 deadlocks=97 dlq=31 last_5m`);
    return lines(...out);
  };
  return {
    id: 'heldout101-worker-concurrency-mysql-deadlocks',
    class: 'config',
    truth: 'stock-reservation-worker revision 19 (58 minutes ago, same image 2.11.0) raised WORKER_CONCURRENCY from 1 to 8 for Black Friday. Each reservation updates the stock_levels rows of an order\'s SKUs in the order\'s line order, not sorted, so with 24 concurrent transactions (3 pods × 8) orders sharing SKUs lock rows in opposite orders and MySQL kills one of them: "Error 1213 (40001): Deadlock found when trying to get lock; try restarting transaction". Three retries are not enough; about a third of the failing reservations end in the DLQ and those orders are never reserved. Pods are healthy (no restarts, ready). Fix: set WORKER_CONCURRENCY back to 1 (revision 18) now; then lock rows in a sorted order (or SELECT … FOR UPDATE in SKU order) before raising it again.',
    ask: { service: 'stock-reservation-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'inventory-api', selector: { app: 'inventory-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 3, 0, 58),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 3, 56),
      ...app.pods.flatMap((p, k) => [scheduled(p, 57.5 - k * 0.5), ...restartedAgain(p, 'app', image('2.11.0'), { count: 1, firstAgo: 57.4 - k * 0.5, lastAgo: 57.4 - k * 0.5 })]),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: workerLog(k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`${goTime(2)} INFO GET /v1/stock/SKU-10452-M 200 4ms`, `${goTime(1)} WARN slow query 212ms: SELECT sku, available FROM stock_levels WHERE warehouse_id = ?`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/deadlock|1213/i, /revision 19|\b19\b|WORKER_CONCURRENCY|concurrency/i],
      facts: [/Deadlock found|1213/, /WORKER_CONCURRENCY|concurrency/i, /\b8\b|from 1/],
      never: [/\bOOM/, /crash ?loop/i, /connection refused/i, /inventory-api/, /image[^\n]*(2\.11\.0)[^\n]*(broke|caus)/i],
    },
  };
}

// ---- 7. healthy control: a Go TLS gateway with load-balancer health-check handshake noise ------------

function healthyTlsHandshakeNoise(): CorpusScenario {
  const ns = 'edge';
  const { nodes, names } = threeEksNodes('10.0.12', ['33', '148', '201']);
  const image = (v: string) => `${ECR}/edge/partner-gateway:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'https', containerPort: 8443 }, { name: 'admin', containerPort: 9901 }], cpu: '500m', memory: '256Mi',
      env: [{ name: 'TLS_CERT_FILE', value: '/etc/tls/tls.crt' }, { name: 'TLS_KEY_FILE', value: '/etc/tls/tls.key' }, { name: 'UPSTREAM', value: 'http://partner-api.edge.svc.cluster.local' }],
      readiness: httpProbe('/ready', 'admin'), liveness: httpProbe('/healthz', 'admin', { initialDelaySeconds: 5 }),
      volumeMounts: [{ name: 'tls', mountPath: '/etc/tls', readOnly: true }],
    })],
    volumes: [{ name: 'tls', secret: { secretName: 'partner-gateway-tls', defaultMode: 420 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'partner-gateway',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 23 * DAYS, changeCause: 'argocd: partner-gateway 1.19.4', template: tpl('1.19.4') },
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: partner-gateway 1.20.0', template: tpl('1.20.0') },
    ],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 12, node: names[1] ?? '', createdAgo: 9 * DAYS - 1, containers: { app: running({ sinceAgo: 4 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 4 * DAYS + 0.1, ranSeconds: 5 * DAYS * 60 } }) } },
      { revision: 12, node: names[2] ?? '', createdAgo: 9 * DAYS - 2 },
    ],
    settled: { available: true, availableSince: 4 * DAYS, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 3 },
  });
  const svc = service({ namespace: ns, name: 'partner-gateway', selector: { app: 'partner-gateway' }, type: 'LoadBalancer', createdAgo: 300 * DAYS, ports: [{ name: 'https', port: 443, targetPort: 'https' }] });
  svc.metadata = { ...svc.metadata, annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb', 'service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol': 'TCP' } };
  if (svc.status) svc.status.loadBalancer = { ingress: [{ hostname: 'a3f9c1e07d5b44c2a8e1f0b7c6d2e9f4-5d1c2e7f9a10b3c4.elb.eu-west-1.amazonaws.com' }] };
  const slice = endpointSliceFor(svc, app.pods, 8443);
  const upstream = bystander(ns, 'partner-api', names, 5 * HOURS, { revisions: [30, 31], versions: ['3.7.1', '3.7.2'], olderAgo: 14 * DAYS });
  const lbIps = ['10.0.12.87', '10.0.13.204', '10.0.14.19'];
  const gwLog = (k: number) => {
    const out: string[] = [];
    let port = 21034 + k * 977;
    for (let m = 12; m > 0; m -= 1 / 6) {
      for (const ip of lbIps) { port = (port * 7 + 13) % 40000 + 20000; out.push(`${goTime(m - k * 0.01)} http: TLS handshake error from ${ip}:${port}: EOF`); }
      if (Math.round(m * 6) % 4 === 0) out.push(`${goTime(m - 0.05)} access partner=globex method=POST path=/v2/shipments status=201 dur=48ms`);
      if (Math.round(m * 6) % 9 === 0) out.push(`${goTime(m - 0.07)} access partner=initech method=GET path=/v2/shipments/SHP-77${k}1 status=200 dur=12ms`);
    }
    out.push(`${goTime(3.2)} http: TLS handshake error from 185.220.101.${40 + k}:${51000 + k}: tls: client offered only unsupported versions: [302 301]`);
    return lines(...out);
  };
  return {
    id: 'heldout101-healthy-go-gateway-lb-healthcheck-tls-eof',
    class: 'healthy',
    truth: 'partner-gateway is healthy: three ready pods of revision 12 (9 days old), the NLB is provisioned and partners\' requests get 2xx. The "http: TLS handshake error from 10.0.x.y:…: EOF" lines, several per second, come from the NLB\'s TCP health checks, which open a connection and close it without a TLS handshake; the odd "unsupported versions" line is an internet scanner. The one restart four days ago was a node maintenance, long over. Nothing to do.',
    ask: { service: 'partner-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...upstream.objects, svc, slice,
      ...exposed({ namespace: ns, name: 'partner-api', selector: { app: 'partner-api' }, pods: upstream.pods }),
      scaledReplicaSet(deploymentOf(upstream), rsOf(upstream, 31), 2, 0, 5 * HOURS),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: gwLog(k) })),
      ...upstream.pods.map((p) => logsFor(p, 'app', { current: lines(`${goTime(1)} INFO POST /v2/shipments 201 31ms`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|nothing (wrong|to do)|ready|running|fine|ok\b/i],
      facts: [],
      never: [/TLS[^\n]*(broken|misconfigured)/i, /certificate[^\n]*(expired|invalid|mismatch)/i, /crash ?loop/i, /\bOOM/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  execProbeBinaryRemoved(),
  avroSchemaBreaksConsumer(),
  gpuDevicePluginRestartAdmission(),
  cronJobStartingDeadlineMissed(),
  loadBalancerNoSuitableSubnets(),
  mysqlDeadlocksAfterConcurrency(),
  healthyTlsHandshakeNoise(),
];

