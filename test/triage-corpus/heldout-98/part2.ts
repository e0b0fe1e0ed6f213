// Held-out stories, ninety-eighth round, part two: a Node consumer whose revision redeclares an
// existing classic RabbitMQ queue as a quorum queue (PRECONDITION_FAILED, inequivalent arg
// 'x-queue-type'); a Go publisher whose revision embeds snapshots in each NATS message past the
// server's 1 MB max_payload; a Java service whose image bumped opensearch-java, bringing a
// jackson-databind that calls a jackson-core method the pinned older jackson-core lacks
// (NoSuchMethodError); a Python image rebuilt from unpinned requirements that pulled NumPy 2 under
// a pandas built for NumPy 1 ("numpy.dtype size changed"); a single-node Elasticsearch Deployment
// scaled to two replicas on one ReadWriteMany claim ("failed to obtain node locks"); a ConfigMap
// edit switching REDIS_URL to rediss:// against a plain-TCP in-cluster Redis ("wrong version
// number"); and a healthy control: a Java service whose JVM prints CDS and SecurityManager
// deprecation warnings at start.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, ipOf, configMap, container, crashLoop, deploymentApp, event, exposed, httpProbe, node,
  probeFailed, pvc, pv, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, startedNormally,
  statefulSetApp, tcpProbe, volumeOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
const redisTime = (m: number): string => { const d = new Date(Date.parse(at(m))); return `${d.getUTCDate()} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()} ${at(m).slice(11, 23)}`; };

function gkeNodes(pool: string, region: string, hash: string): { nodes: k8s.V1Node[]; names: string[] } {
  const suffixes = ['7k2q', 'm9xd', 'r4tz'];
  const nodes = suffixes.map((s, i) => node({
    name: `gke-prod-${region.split('-')[0]}-${pool}-${hash}-${s}`,
    zone: `${region}-${['a', 'b', 'c'][i] ?? 'a'}`,
    instanceType: 'e2-standard-8',
    pool,
    labels: { 'cloud.google.com/gke-nodepool': pool, 'cloud.google.com/machine-family': 'e2', 'topology.kubernetes.io/region': region },
  }));
  return { nodes, names: nodes.map((n) => n.metadata?.name ?? '') };
}

function aksNodes(pool: string, vmss: string): { nodes: k8s.V1Node[]; names: string[] } {
  const nodes = [0, 1, 2].map((i) => node({
    name: `aks-${pool}-${vmss}-vmss00000${i}`,
    zone: `westeurope-${i + 1}`,
    instanceType: 'Standard_D8s_v5',
    pool,
    labels: { 'kubernetes.azure.com/agentpool': pool, agentpool: pool, 'kubernetes.azure.com/cluster': 'MC_rg-prod_aks-prod_westeurope', 'topology.kubernetes.io/region': 'westeurope' },
  }));
  return { nodes, names: nodes.map((n) => n.metadata?.name ?? '') };
}

/** The events of a pod crash-looping since `sinceAgo` minutes. */
function crashEvents(p: k8s.V1Pod, c: string, image: string, sinceAgo: number, restarts: number): k8s.CoreV1Event[] {
  return [
    scheduled(p, sinceAgo),
    ...restartedAgain(p, c, image, { count: restarts + 1, firstAgo: sinceAgo - 0.1, lastAgo: 2.1 }),
    backOff(p, c, { count: restarts * 4, firstAgo: sinceAgo - 0.8 }),
  ];
}

// ---- 1. RabbitMQ: a consumer's revision redeclares a classic queue as quorum ------------------------

function rabbitQueueTypeMismatch(): CorpusScenario {
  const ns = 'fulfillment';
  const { nodes, names } = threeEksNodes('10.0.96', ['44', '171', '208']);
  const mqImage = 'docker.io/library/rabbitmq:3.13.7-management';
  const mq = statefulSetApp({
    namespace: ns,
    name: 'rabbitmq',
    replicas: 1,
    serviceName: 'rabbitmq-headless',
    revisions: [{ revision: 2, createdAgo: 63 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: mqImage, ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }], memory: '2Gi', cpu: '500m', readiness: tcpProbe('amqp'), liveness: tcpProbe('amqp', { initialDelaySeconds: 60 }) })] } }],
    pods: [{ revision: 2, ordinal: 0, node: names[2] ?? '', createdAgo: 11 * DAYS }],
  });
  const image = (v: string) => `${ECR}/fulfillment/shipment-notifier:${v}`;
  const tpl = (v: string, quorum: boolean) => ({
    containers: [container({
      image: image(v), ports: [3000], memory: '256Mi', cpu: '100m',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'AMQP_URL', value: 'amqp://notifier@rabbitmq.fulfillment.svc.cluster.local:5672/%2F' },
        { name: 'CONSUME_QUEUE', value: 'orders.shipped' },
        { name: 'PREFETCH', value: '20' },
        ...(quorum ? [{ name: 'QUEUE_TYPE', value: 'quorum' }] : []),
      ],
      readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shipment-notifier',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: shipment-notifier 2.8.4', template: tpl('2.8.4', false) },
      { revision: 19, createdAgo: 26, changeCause: 'argocd: shipment-notifier 2.9.0', template: tpl('2.9.0', true) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 19, node: names[0] ?? '', createdAgo: 25.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2, ranSeconds: 2 }, 9) } },
    ],
  });
  const archiver = deploymentApp({
    namespace: ns,
    name: 'order-events-archiver',
    replicas: 2,
    revisions: [{ revision: 7, createdAgo: 30 * DAYS, changeCause: 'argocd: order-events-archiver 1.4.1', template: { containers: [container({ image: `${ECR}/fulfillment/order-events-archiver:1.4.1`, env: [{ name: 'AMQP_QUEUE', value: 'orders.shipped' }] })] } }],
    pods: [{ revision: 7, node: names[1] ?? '', createdAgo: 11 * DAYS }, { revision: 7, node: names[2] ?? '', createdAgo: 11 * DAYS }],
  });
  const other = bystander(ns, 'label-printer', names, 70, { revisions: [11, 12], versions: ['5.2.0', '5.3.0'], olderAgo: 20 * DAYS });
  const fresh = podOf(app, 3);
  const mqPod = podOf(mq, 0);
  const err = `PRECONDITION_FAILED - inequivalent arg 'x-queue-type' for queue 'orders.shipped' in vhost '/': received 'quorum' but current is 'classic'`;
  const crash = lines(
    `{"level":30,"time":${Date.parse(at(2.05))},"pid":1,"hostname":"${fresh.metadata?.name}","msg":"shipment-notifier 2.9.0 starting","queue":"orders.shipped","queueType":"quorum"}`,
    `{"level":30,"time":${Date.parse(at(2.04))},"pid":1,"hostname":"${fresh.metadata?.name}","msg":"connected to amqp://rabbitmq.fulfillment.svc.cluster.local:5672"}`,
    `{"level":60,"time":${Date.parse(at(2.02))},"pid":1,"hostname":"${fresh.metadata?.name}","err":{"type":"Error","message":"Operation failed: QueueDeclare; 406 (PRECONDITION-FAILED) with message \\"${err}\\"","stack":"Error: Operation failed: QueueDeclare; 406 (PRECONDITION-FAILED) with message \\"${err}\\"\\n    at reply (/app/node_modules/amqplib/lib/channel.js:135:17)\\n    at ConfirmChannel.accept (/app/node_modules/amqplib/lib/channel.js:419:7)\\n    at Connection.mainAccept [as accept] (/app/node_modules/amqplib/lib/connection.js:64:33)\\n    at Socket.go (/app/node_modules/amqplib/lib/connection.js:478:48)","code":406,"classId":50,"methodId":10},"msg":"failed to assert queue, exiting"}`,
  );
  return {
    id: 'heldout98-rabbitmq-queue-type-quorum-vs-classic',
    class: 'config',
    truth: "Revision 19 of shipment-notifier (2.9.0, 26 minutes ago) adds QUEUE_TYPE=quorum, so on start it declares orders.shipped with x-queue-type quorum. The queue already exists in vhost / as a classic queue, so RabbitMQ refuses the declaration with 406 PRECONDITION_FAILED (inequivalent arg 'x-queue-type': received 'quorum' but current is 'classic') and closes the channel; the new pod exits and crash-loops while the three revision-18 pods and order-events-archiver, which declare the queue as classic, keep consuming. RabbitMQ itself is healthy. Fix: drop QUEUE_TYPE (roll back) or migrate the queue to quorum (new queue + shovel) before redeclaring.",
    ask: { service: 'shipment-notifier', namespace: ns },
    objects: [
      ...nodes, ...mq.objects, ...app.objects, ...archiver.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: mq.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }, { name: 'management', port: 15672, targetPort: 'management' }], endpointPort: 5672 }),
      ...exposed({ namespace: ns, name: 'shipment-notifier', selector: { app: 'shipment-notifier' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 26),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 70),
      ...crashEvents(fresh, 'app', image('2.9.0'), 25.5, 9),
      event({ on: mqPod, type: 'Warning', reason: 'Unhealthy', message: `Readiness probe failed: dial tcp ${ipOf(mqPod)}:5672: i/o timeout`, firstAgo: 6 * DAYS, lastAgo: 6 * DAYS, fieldPath: 'spec.containers{rabbitmq}' }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: crash, previous: crash }),
      ...app.pods.slice(0, 3).map((p, i) => logsFor(p, 'app', { current: lines(`{"level":30,"time":${Date.parse(at(1.4 - i * 0.1))},"pid":1,"hostname":"${p.metadata?.name}","msg":"notification sent","orderId":"ORD-${884120 + i}","channel":"email","ms":${140 + i * 12}}`, `{"level":30,"time":${Date.parse(at(0.6))},"pid":1,"hostname":"${p.metadata?.name}","msg":"ack","deliveryTag":${20411 + i * 3}}`) })),
      logsFor(mqPod, 'rabbitmq', { current: lines(
        `${at(25.2).replace('T', ' ').replace('Z', '+00:00')} [info] <0.48211.0> accepting AMQP connection <0.48211.0> (${ipOf(fresh)}:51412 -> ${ipOf(mqPod)}:5672)`,
        `${at(25.2).replace('T', ' ').replace('Z', '+00:00')} [info] <0.48211.0> connection <0.48211.0> (${ipOf(fresh)}:51412 -> ${ipOf(mqPod)}:5672): user 'notifier' authenticated and granted access to vhost '/'`,
        `${at(2.02).replace('T', ' ').replace('Z', '+00:00')} [error] <0.51877.0> Channel error on connection <0.51870.0> (${ipOf(fresh)}:38004 -> ${ipOf(mqPod)}:5672, vhost: '/', user: 'notifier'), channel 1:`,
        `${at(2.02).replace('T', ' ').replace('Z', '+00:00')} [error] <0.51877.0> operation queue.declare caused a channel exception precondition_failed: inequivalent arg 'x-queue-type' for queue 'orders.shipped' in vhost '/': received 'quorum' but current is 'classic'`,
        `${at(1.9).replace('T', ' ').replace('Z', '+00:00')} [warning] <0.51870.0> closing AMQP connection <0.51870.0> (${ipOf(fresh)}:38004 -> ${ipOf(mqPod)}:5672, vhost: '/', user: 'notifier'):`,
        `${at(1.9).replace('T', ' ').replace('Z', '+00:00')} [warning] <0.51870.0> client unexpectedly closed TCP connection`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/x-queue-type|quorum|inequivalent|PRECONDITION.FAILED|406/i],
      facts: [/orders\.shipped/, /quorum/i, /classic/i],
      never: [/rabbitmq (server |broker )?(is |was )?(down|unreachable|unavailable)/i, /\bOOM/, /label-printer/],
    },
  };
}

// ---- 2. NATS: the publisher's revision embeds snapshots past max_payload 1MB ------------------------

function natsMaxPayload(): CorpusScenario {
  const ns = 'telemetry';
  const { nodes, names } = gkeNodes('general', 'europe-west4', '5c1e9a02');
  const natsConf = 'port: 4222\nhttp_port: 8222\nserver_name: $POD_NAME\nmax_payload: 1MB\nmax_connections: 4096\nwrite_deadline: "10s"\nlame_duck_duration: "30s"\njetstream: false\n';
  const natsCm = configMap({ namespace: ns, name: 'nats-config', createdAgo: 140 * DAYS, data: { 'nats.conf': natsConf } });
  const natsImage = 'docker.io/library/nats:2.10.22-alpine';
  const nats = statefulSetApp({
    namespace: ns,
    name: 'nats',
    replicas: 1,
    serviceName: 'nats-headless',
    revisions: [{ revision: 4, createdAgo: 140 * DAYS, template: { containers: [container({ name: 'nats', image: natsImage, args: ['--config', '/etc/nats-config/nats.conf'], ports: [{ name: 'nats', containerPort: 4222 }, { name: 'monitor', containerPort: 8222 }], memory: '512Mi', readiness: httpProbe('/healthz?js-enabled-only=true', 8222), liveness: httpProbe('/healthz?js-enabled-only=true', 8222, { initialDelaySeconds: 10 }), volumeMounts: [{ name: 'config', mountPath: '/etc/nats-config' }] })], volumes: [{ name: 'config', configMap: { name: 'nats-config' } }] } }],
    pods: [{ revision: 4, ordinal: 0, node: names[1] ?? '', createdAgo: 17 * DAYS }],
  });
  const image = (v: string) => `europe-west4-docker.pkg.dev/acme-prod/telemetry/report-publisher:${v}`;
  const tpl = (v: string, embed: boolean) => ({
    containers: [container({
      image: image(v), ports: [8080], memory: '512Mi',
      env: [
        { name: 'NATS_URL', value: 'nats://nats.telemetry.svc.cluster.local:4222' },
        { name: 'SUBJECT_PREFIX', value: 'reports.fleet' },
        ...(embed ? [{ name: 'EMBED_SNAPSHOTS', value: 'true' }] : []),
      ],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'report-publisher',
    replicas: 2,
    revisions: [
      { revision: 41, createdAgo: 12 * DAYS, changeCause: 'flux: report-publisher v1.21.3', template: tpl('v1.21.3', false) },
      { revision: 42, createdAgo: 38, changeCause: 'flux: report-publisher v1.22.0', template: tpl('v1.22.0', true) },
    ],
    pods: [{ revision: 42, node: names[0] ?? '', createdAgo: 37.5 }, { revision: 42, node: names[2] ?? '', createdAgo: 36.8 }],
    settled: { available: true, availableSince: 36.5, progressingSince: 38, progressingUpdatedAgo: 36.5 },
  });
  const sink = deploymentApp({
    namespace: ns,
    name: 'fleet-dashboard',
    replicas: 2,
    revisions: [{ revision: 15, createdAgo: 6 * DAYS, changeCause: 'flux: fleet-dashboard v3.0.2', template: { containers: [container({ image: 'europe-west4-docker.pkg.dev/acme-prod/telemetry/fleet-dashboard:v3.0.2' })] } }],
    pods: [{ revision: 15, node: names[1] ?? '', createdAgo: 6 * DAYS }, { revision: 15, node: names[2] ?? '', createdAgo: 6 * DAYS }],
  });
  const natsPod = podOf(nats, 0);
  const pubLog = (k: number) => {
    const out = [
      `{"time":"${at(37 - k * 0.7)}","level":"INFO","msg":"report-publisher starting","version":"v1.22.0","embed_snapshots":true}`,
      `{"time":"${at(36.9 - k * 0.7)}","level":"INFO","msg":"connected to NATS","url":"nats://nats.telemetry.svc.cluster.local:4222","server_id":"NCXQ4QZ7N3R2LZKJ5X2V7EYPQ6HPSGL7XQXJ4TMSD2K3WQ3DOWVQJ6A4","max_payload":1048576}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 30 - i * 3 - k * 0.2;
      const size = 1_180_000 + ((i * 104_729 + k * 7919) % 900_000);
      out.push(`{"time":"${at(t)}","level":"ERROR","msg":"publish failed","subject":"reports.fleet.vehicle.VH-${20410 + i * 7 + k}","bytes":${size},"error":"nats: maximum payload exceeded"}`);
      if (i % 3 === 0) out.push(`{"time":"${at(t - 0.05)}","level":"INFO","msg":"published","subject":"reports.fleet.depot.D-${12 + i}","bytes":${48_210 + i * 311}}`);
    }
    out.push(`{"time":"${at(0.5)}","level":"WARN","msg":"report batch incomplete","published":${14 + k},"failed":${61 - k},"batch":"${at(1).slice(0, 16)}"}`);
    return lines(...out);
  };
  return {
    id: 'heldout98-nats-maximum-payload-exceeded',
    class: 'config',
    truth: 'Revision 42 of report-publisher (v1.22.0, 38 minutes ago) sets EMBED_SNAPSHOTS=true and now embeds each vehicle snapshot in the report message, so most messages are 1.1–2 MB; the NATS server allows at most 1 MB (max_payload: 1MB in ConfigMap nats-config, advertised as 1048576 bytes), so the client refuses every such publish with "nats: maximum payload exceeded" and vehicle reports stop reaching fleet-dashboard. The pods are running and ready; NATS is healthy. Fix: do not embed the snapshots (publish a reference to object storage, or roll back), or raise max_payload deliberately.',
    ask: { service: 'report-publisher', namespace: ns },
    objects: [
      ...nodes, natsCm, ...nats.objects, ...app.objects, ...sink.objects,
      ...exposed({ namespace: ns, name: 'nats', selector: { app: 'nats' }, pods: nats.pods, ports: [{ name: 'nats', port: 4222, targetPort: 'nats' }], endpointPort: 4222 }),
      ...exposed({ namespace: ns, name: 'report-publisher', selector: { app: 'report-publisher' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fleet-dashboard', selector: { app: 'fleet-dashboard' }, pods: sink.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 2, 0, 37.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 0, 2, 36.5),
      ...startedNormally(podOf(app, 0), 'app', image('v1.22.0'), 37.5),
      event({ on: podOf(sink, 0), type: 'Warning', reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOf(podOf(sink, 0))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: pubLog(k) })),
      logsFor(natsPod, 'nats', { current: lines(
        `[1] ${at(17 * DAYS).replace('T', ' ').replace('Z', '').replace(/-/g, '/')} [INF] Starting nats-server`,
        `[1] ${at(17 * DAYS).replace('T', ' ').replace('Z', '').replace(/-/g, '/')} [INF]   Version:  2.10.22`,
        `[1] ${at(17 * DAYS).replace('T', ' ').replace('Z', '').replace(/-/g, '/')} [INF] Listening for client connections on 0.0.0.0:4222`,
        `[1] ${at(17 * DAYS).replace('T', ' ').replace('Z', '').replace(/-/g, '/')} [INF] Server is ready`,
        `[1] ${at(36.9).replace('T', ' ').replace('Z', '').replace(/-/g, '/')} [INF] 10.0.17.61:40788 - cid:20931 - Client connection closed: Client Closed`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max(imum)?[ _]?payload/i],
      facts: [/1 ?MB|1048576|max_payload/i, /EMBED_SNAPSHOTS|snapshot|revision 42|v1\.22\.0/i],
      never: [/nats (server )?(is |was )?(down|unreachable|unavailable)|nats-0[^\n]*(crash|not ready)/i, /\bOOM/, /authori[sz]ation|credentials|\bTLS\b/i],
    },
  };
}

// ---- 3. Java: opensearch-java bump drags jackson-databind past a pinned jackson-core ---------------

function jacksonNoSuchMethod(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = aksNodes('apps', '31844107');
  const image = (v: string) => `acmeprod.azurecr.io/pricing/price-index:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], memory: '1Gi', cpu: '500m',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'OPENSEARCH_URL', value: 'https://search-prod.westeurope.internal:9200' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'price-index',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 56, createdAgo: 15 * DAYS, changeCause: 'helm upgrade price-index 3.17.2', template: tpl('3.17.2') },
      { revision: 57, createdAgo: 31, changeCause: 'helm upgrade price-index 3.18.0', template: tpl('3.18.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 56, node: names[k] ?? '', createdAgo: 15 * DAYS - k })),
      { revision: 57, node: names[1] ?? '', createdAgo: 30.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.8, ranSeconds: 9 }, 8) } },
    ],
  });
  const other = bystander(ns, 'promo-rules', names, 55, { revisions: [21, 22], versions: ['1.9.0', '1.9.1'], olderAgo: 25 * DAYS });
  const fresh = podOf(app, 3);
  const t = (m: number) => at(m).replace('Z', '+00:00');
  const crash = lines(
    `${t(1.95)}  INFO 1 --- [price-index] [           main] c.a.pricing.PriceIndexApplication        : Starting PriceIndexApplication v3.18.0 using Java 17.0.12 with PID 1 (/app/app.jar started by app in /app)`,
    `${t(1.94)}  INFO 1 --- [price-index] [           main] c.a.pricing.PriceIndexApplication        : The following 1 profile is active: "prod"`,
    `${t(1.9)}  INFO 1 --- [price-index] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)`,
    `${t(1.86)}  WARN 1 --- [price-index] [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'openSearchClient' defined in class path resource [com/acme/pricing/config/SearchConfig.class]: Failed to instantiate [org.opensearch.client.opensearch.OpenSearchClient]: Factory method 'openSearchClient' threw exception with message: 'com.fasterxml.jackson.core.util.JacksonFeatureSet com.fasterxml.jackson.core.JsonParser.getReadCapabilities()'`,
    `${t(1.85)}  INFO 1 --- [price-index] [           main] o.apache.catalina.core.StandardService   : Stopping service [Tomcat]`,
    `${t(1.84)} ERROR 1 --- [price-index] [           main] o.s.boot.SpringApplication               : Application run failed`,
    '',
    "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'openSearchClient' defined in class path resource [com/acme/pricing/config/SearchConfig.class]: Failed to instantiate [org.opensearch.client.opensearch.OpenSearchClient]: Factory method 'openSearchClient' threw exception with message: 'com.fasterxml.jackson.core.util.JacksonFeatureSet com.fasterxml.jackson.core.JsonParser.getReadCapabilities()'",
    '\tat org.springframework.beans.factory.support.ConstructorResolver.instantiate(ConstructorResolver.java:651)',
    '\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.createBeanInstance(AbstractAutowireCapableBeanFactory.java:1193)',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:334)',
    '\tat com.acme.pricing.PriceIndexApplication.main(PriceIndexApplication.java:14)',
    "Caused by: java.lang.NoSuchMethodError: 'com.fasterxml.jackson.core.util.JacksonFeatureSet com.fasterxml.jackson.core.JsonParser.getReadCapabilities()'",
    '\tat com.fasterxml.jackson.databind.DeserializationContext.<init>(DeserializationContext.java:212)',
    '\tat com.fasterxml.jackson.databind.deser.DefaultDeserializationContext.<init>(DefaultDeserializationContext.java:50)',
    '\tat com.fasterxml.jackson.databind.deser.DefaultDeserializationContext$Impl.<init>(DefaultDeserializationContext.java:391)',
    '\tat com.fasterxml.jackson.databind.deser.DefaultDeserializationContext$Impl.createInstance(DefaultDeserializationContext.java:413)',
    '\tat com.fasterxml.jackson.databind.ObjectMapper.createDeserializationContext(ObjectMapper.java:4801)',
    '\tat com.fasterxml.jackson.databind.ObjectMapper._readMapAndClose(ObjectMapper.java:4900)',
    '\tat com.fasterxml.jackson.databind.ObjectMapper.readValue(ObjectMapper.java:3848)',
    '\tat com.acme.pricing.config.SearchConfig.loadIndexTemplate(SearchConfig.java:58)',
    '\tat com.acme.pricing.config.SearchConfig.openSearchClient(SearchConfig.java:43)',
    '\t... 22 common frames omitted',
  );
  return {
    id: 'heldout98-java-jackson-nosuchmethoderror',
    class: 'containers',
    truth: "Image 3.18.0 of price-index (revision 57, 31 minutes ago) bumped opensearch-java, which pulls jackson-databind 2.17 transitively, while the build still pins jackson-core 2.11.4 through an old platform BOM. jackson-databind 2.17 calls JsonParser.getReadCapabilities(), added in jackson-core 2.12, so creating the OpenSearch client's ObjectMapper throws java.lang.NoSuchMethodError at startup, Spring's context fails and the pod exits 1 and crash-loops; the three revision-56 pods (3.17.2) keep serving. Fix: roll back to 3.17.2 and align jackson-core with jackson-databind (jackson-bom) in the build.",
    ask: { service: 'price-index', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'price-index', selector: { app: 'price-index' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'promo-rules', selector: { app: 'promo-rules' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 1, 0, 31),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 22), 2, 0, 55),
      ...crashEvents(fresh, 'app', image('3.18.0'), 30.5, 8),
      event({ on: podOf(app, 0), type: 'Warning', reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${ipOf(podOf(app, 0))}:8080/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, firstAgo: 4 * DAYS, lastAgo: 4 * DAYS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: crash, previous: crash }),
      ...app.pods.slice(0, 3).map((p, i) => logsFor(p, 'app', { current: lines(`${t(1.1 - i * 0.1)}  INFO 1 --- [price-index] [nio-8080-exec-${i + 3}] c.a.pricing.api.PriceController          : GET /v2/prices/sku/SKU-${40112 + i} 200 in ${18 + i}ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NoSuchMethodError|getReadCapabilities|jackson/i],
      facts: [/jackson|JsonParser/i, /3\.18\.0|revision 57/],
      never: [/\bOOM/, /OutOfMemory/, /probe[^\n]*(kill|too (short|tight|aggressive))/i],
    },
  };
}

// ---- 4. Python: rebuilt image pulled NumPy 2 under a pandas built for NumPy 1 ------------------------

function numpyAbiBreak(): CorpusScenario {
  const ns = 'forecasting';
  const { nodes, names } = threeEksNodes('10.0.140', ['12', '98', '230']);
  const image = (v: string) => `${ECR}/forecasting/demand-forecast:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), command: ['gunicorn'], args: ['-c', 'gunicorn.conf.py', 'app.main:app'], ports: [8000], memory: '1536Mi', cpu: '500m',
      env: [{ name: 'WEB_CONCURRENCY', value: '3' }, { name: 'MODEL_BUCKET', value: 's3://acme-ml-models/demand/v14' }],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'demand-forecast',
    replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 33, createdAgo: 21 * DAYS, changeCause: 'ci: demand-forecast git-4e1a9c2 build 1187', template: tpl('git-4e1a9c2-b1187') },
      { revision: 34, createdAgo: 44, changeCause: 'ci: demand-forecast git-4e1a9c2 build 1203 (weekly base image refresh)', template: tpl('git-4e1a9c2-b1203') },
    ],
    pods: [
      { revision: 33, node: names[0] ?? '', createdAgo: 21 * DAYS },
      { revision: 33, node: names[1] ?? '', createdAgo: 21 * DAYS - 1 },
      { revision: 34, node: names[2] ?? '', createdAgo: 43.5, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 3.5, ranSeconds: 4 }, 11) } },
    ],
  });
  const other = bystander(ns, 'forecast-scheduler', names, 90, { revisions: [8, 9], versions: ['0.7.2', '0.7.3'], olderAgo: 40 * DAYS });
  const fresh = podOf(app, 2);
  const g = (m: number) => `[${pyTime(m).replace(/,\d+$/, '')} +0000]`;
  const crash = lines(
    `${g(3.6)} [1] [INFO] Starting gunicorn 23.0.0`,
    `${g(3.6)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `${g(3.6)} [1] [INFO] Using worker: sync`,
    `${g(3.59)} [7] [INFO] Booting worker with pid: 7`,
    `${g(3.55)} [7] [ERROR] Exception in worker process`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.11/site-packages/gunicorn/arbiter.py", line 608, in spawn_worker',
    '    worker.init_process()',
    '  File "/usr/local/lib/python3.11/site-packages/gunicorn/util.py", line 370, in import_app',
    '    mod = importlib.import_module(module)',
    '  File "/app/app/main.py", line 6, in <module>',
    '    import pandas as pd',
    '  File "/usr/local/lib/python3.11/site-packages/pandas/__init__.py", line 22, in <module>',
    '    from pandas.compat import is_numpy_dev as _is_numpy_dev  # pyright: ignore # noqa:F401',
    '  File "/usr/local/lib/python3.11/site-packages/pandas/compat/__init__.py", line 18, in <module>',
    '    from pandas.compat.numpy import (',
    '  File "/usr/local/lib/python3.11/site-packages/pandas/compat/numpy/__init__.py", line 4, in <module>',
    '    from pandas.util.version import Version',
    '  File "/usr/local/lib/python3.11/site-packages/pandas/util/__init__.py", line 2, in <module>',
    '    from pandas.util._decorators import (  # noqa:F401',
    '  File "/usr/local/lib/python3.11/site-packages/pandas/util/_decorators.py", line 14, in <module>',
    '    from pandas._libs.properties import cache_readonly',
    '  File "/usr/local/lib/python3.11/site-packages/pandas/_libs/__init__.py", line 13, in <module>',
    '    from pandas._libs.interval import Interval',
    '  File "pandas/_libs/interval.pyx", line 1, in init pandas._libs.interval',
    'ValueError: numpy.dtype size changed, may indicate binary incompatibility. Expected 96 from C header, got 88 from PyObject',
    `${g(3.54)} [7] [INFO] Worker exiting (pid: 7)`,
    `${g(3.52)} [1] [ERROR] Worker (pid:7) exited with code 3`,
    `${g(3.52)} [1] [ERROR] Shutting down: Master`,
    `${g(3.52)} [1] [ERROR] Reason: Worker failed to boot.`,
  );
  return {
    id: 'heldout98-python-numpy2-pandas-abi',
    class: 'containers',
    truth: 'Revision 34 of demand-forecast (44 minutes ago) is the same commit (git-4e1a9c2) rebuilt by the weekly base-image refresh, build 1203. requirements.txt does not pin numpy, so the rebuild installed NumPy 2.x under the pinned pandas 1.5.3, whose compiled extensions were built against NumPy 1.x; importing pandas fails with "ValueError: numpy.dtype size changed, may indicate binary incompatibility. Expected 96 from C header, got 88 from PyObject", the gunicorn worker fails to boot, the container exits 3 and crash-loops. The revision-33 pods (build 1187) still serve. Fix: roll back to build 1187 and pin numpy<2 (or upgrade pandas to a NumPy-2 build) in requirements.',
    ask: { service: 'demand-forecast', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'demand-forecast', selector: { app: 'demand-forecast' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 1, 0, 44),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 90),
      ...crashEvents(fresh, 'app', image('git-4e1a9c2-b1203'), 43.5, 11),
    ],
    logs: [
      logsFor(fresh, 'app', { current: crash, previous: crash }),
      ...app.pods.slice(0, 2).map((p, i) => logsFor(p, 'app', { current: lines(
        `${g(1.2)} [${9 + i}] [INFO] POST /v1/forecast store=${1104 + i} horizon=28d 200 412ms`,
        `/usr/local/lib/python3.11/site-packages/sklearn/base.py:439: UserWarning: X does not have valid feature names, but LGBMRegressor was fitted with feature names`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/numpy|dtype size|binary incompatib/i],
      facts: [/pandas/i, /numpy ?2|NumPy 1|unpinned|pin/i, /revision 34|b1203|rebuil/i],
      never: [/\bOOM/, /\bS3\b|acme-ml-models|model[^\n]*(missing|not found)/i, /forecast-scheduler/],
    },
  };
}

// ---- 5. Elasticsearch: two replicas of a Deployment on one ReadWriteMany data claim -----------------

function elasticsearchSharedDataPath(): CorpusScenario {
  const ns = 'audit';
  const { nodes, names } = threeEksNodes('10.0.201', ['19', '140', '66']);
  const image = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const claim = 'audit-es-data';
  const tpl = {
    containers: [container({
      name: 'elasticsearch', image, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], memory: '4Gi', cpu: '1',
      env: [{ name: 'discovery.type', value: 'single-node' }, { name: 'cluster.name', value: 'audit' }, { name: 'ES_JAVA_OPTS', value: '-Xms2g -Xmx2g' }, { name: 'xpack.security.enabled', value: 'false' }],
      readiness: httpProbe('/_cluster/health?local=true', 9200, { periodSeconds: 10 }), liveness: tcpProbe('transport', { initialDelaySeconds: 90 }),
      volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
    })],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }],
    securityContext: { fsGroup: 1000, runAsUser: 1000 },
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'audit-es',
    replicas: 2,
    strategy: { type: 'Recreate' },
    revisions: [{ revision: 6, createdAgo: 47 * DAYS, changeCause: 'helm upgrade audit-es 0.4.2', template: tpl }],
    pods: [
      { revision: 6, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 6, node: names[2] ?? '', createdAgo: 17, containers: { elasticsearch: crashLoop({ exitCode: 1, finishedAgo: 2.4, ranSeconds: 14 }, 6) } },
    ],
    settled: { available: true, availableSince: 12 * DAYS, progressingSince: 47 * DAYS, progressingUpdatedAgo: 12 * DAYS },
  });
  const volumeName = volumeOf(ns, claim);
  const efs = { driver: 'efs.csi.aws.com', volumeHandle: 'fs-0a4c2e81d97b3f615::fsap-0e91c7a2b54d83f10' };
  const ingest = deploymentApp({
    namespace: ns,
    name: 'audit-ingest',
    replicas: 2,
    revisions: [{ revision: 13, createdAgo: 9 * DAYS, changeCause: 'helm upgrade audit-ingest 2.2.0', template: { containers: [container({ image: `${ECR}/audit/audit-ingest:2.2.0`, env: [{ name: 'ES_URL', value: 'http://audit-es.audit.svc.cluster.local:9200' }] })] } }],
    pods: [{ revision: 13, node: names[1] ?? '', createdAgo: 9 * DAYS }, { revision: 13, node: names[2] ?? '', createdAgo: 9 * DAYS }],
  });
  const fresh = podOf(app, 1);
  const old = podOf(app, 0);
  const stack = 'java.lang.IllegalStateException: failed to obtain node locks, tried [/usr/share/elasticsearch/data]; maybe these locations are not writable or multiple nodes were started on the same data path?\\n\\tat org.elasticsearch.server@8.15.3/org.elasticsearch.env.NodeEnvironment.<init>(NodeEnvironment.java:293)\\n\\tat org.elasticsearch.server@8.15.3/org.elasticsearch.node.NodeConstruction.validateSettings(NodeConstruction.java:513)\\n\\tat org.elasticsearch.server@8.15.3/org.elasticsearch.bootstrap.Elasticsearch.main(Elasticsearch.java:72)\\nCaused by: org.apache.lucene.store.LockObtainFailedException: Lock held by another program: /usr/share/elasticsearch/data/node.lock\\n\\tat org.apache.lucene.core@9.11.1/org.apache.lucene.store.NativeFSLockFactory.obtainFSLock(NativeFSLockFactory.java:117)\\n\\tat org.elasticsearch.server@8.15.3/org.elasticsearch.env.NodeEnvironment$NodeLock.<init>(NodeEnvironment.java:222)\\n\\t... 12 more\\n';
  const crash = lines(
    `{"@timestamp":"${at(2.6)}", "log.level": "INFO", "message":"version[8.15.3], pid[88], build[docker/f97532e680b555c3a05e73a74c28afb666923018/2024-10-09T22:08:00.328917561Z], OS[Linux/6.1.112-124.190.amzn2023.x86_64/amd64], JVM[Oracle Corporation/OpenJDK 64-Bit Server VM/22.0.1/22.0.1+8-16]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"main","log.logger":"org.elasticsearch.node.Node","elasticsearch.node.name":"${fresh.metadata?.name}","elasticsearch.cluster.name":"audit"}`,
    `{"@timestamp":"${at(2.45)}", "log.level":"ERROR", "message":"fatal exception while booting Elasticsearch", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"main","log.logger":"org.elasticsearch.bootstrap.Elasticsearch","elasticsearch.node.name":"${fresh.metadata?.name}","elasticsearch.cluster.name":"audit","error.type":"java.lang.IllegalStateException","error.message":"failed to obtain node locks, tried [/usr/share/elasticsearch/data]; maybe these locations are not writable or multiple nodes were started on the same data path?","error.stack_trace":"${stack}"}`,
    '',
    'ERROR: Elasticsearch did not exit normally - check the logs at /usr/share/elasticsearch/logs/audit.log',
    '',
    'ERROR: Elasticsearch exited unexpectedly, with exit code 1',
  );
  return {
    id: 'heldout98-elasticsearch-two-pods-one-data-path',
    class: 'storage',
    truth: 'audit-es is a single-node Elasticsearch run as a Deployment whose data directory is the ReadWriteMany EFS claim audit-es-data. 17 minutes ago someone scaled the Deployment from 1 to 2 replicas; the second pod mounts the same claim, and Elasticsearch refuses to start on a data path whose node.lock the first pod holds ("failed to obtain node locks, tried [/usr/share/elasticsearch/data] … multiple nodes were started on the same data path?", LockObtainFailedException), exits 1 and crash-loops. The first pod keeps serving. Fix: scale back to 1 replica (and run ES as a StatefulSet with a claim per pod if more nodes are wanted); the volume is writable and the image is fine.',
    ask: { service: 'audit-es', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...ingest.objects,
      pvc({ namespace: ns, name: claim, storage: '200Gi', storageClass: 'efs-sc', phase: 'Bound', volumeName, accessModes: ['ReadWriteMany'], createdAgo: 47 * DAYS, annotations: { 'volume.kubernetes.io/storage-provisioner': 'efs.csi.aws.com' } }),
      pv({ name: volumeName, storage: '200Gi', claim: { namespace: ns, name: claim }, storageClass: 'efs-sc', accessModes: ['ReadWriteMany'], createdAgo: 47 * DAYS, csi: efs }),
      ...exposed({ namespace: ns, name: 'audit-es', selector: { app: 'audit-es' }, pods: app.pods, ports: [{ name: 'http', port: 9200, targetPort: 'http' }], endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: 'audit-ingest', selector: { app: 'audit-ingest' }, pods: ingest.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 6), 2, 1, 17),
      event({ on: { kind: 'ReplicaSet', name: rsOf(app, 6), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${fresh.metadata?.name}`, firstAgo: 17, lastAgo: 17, component: 'replicaset-controller' }),
      scheduled(fresh, 17),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: 16.8, lastAgo: 16.8, fieldPath: 'spec.containers{elasticsearch}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in 21.304s (21.304s including waiting). Image size: 716520839 bytes.`, firstAgo: 16.4, lastAgo: 16.4, fieldPath: 'spec.containers{elasticsearch}' }),
      ...restartedAgain(fresh, 'elasticsearch', image, { count: 6, firstAgo: 16.4, lastAgo: 2.7 }),
      backOff(fresh, 'elasticsearch', { count: 58, firstAgo: 15.8 }),
      event({ on: old, type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 4, firstAgo: 2 * DAYS, lastAgo: 2 * DAYS - 1, fieldPath: 'spec.containers{elasticsearch}' }),
    ],
    logs: [
      logsFor(fresh, 'elasticsearch', { current: crash, previous: crash }),
      logsFor(old, 'elasticsearch', { current: lines(`{"@timestamp":"${at(5)}", "log.level": "INFO", "message":"[audit-2026.11.21][0] primary-replica resync completed with 0 operations", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[${old.metadata?.name}][generic][T#3]","log.logger":"org.elasticsearch.index.shard.IndexShard","elasticsearch.node.name":"${old.metadata?.name}","elasticsearch.cluster.name":"audit"}`, `{"@timestamp":"${at(1)}", "log.level": "WARN", "message":"flood stage disk watermark [95%] not exceeded on [${old.metadata?.name}] anymore", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[${old.metadata?.name}][masterService#updateTask][T#1]","log.logger":"org.elasticsearch.cluster.routing.allocation.DiskThresholdMonitor","elasticsearch.node.name":"${old.metadata?.name}","elasticsearch.cluster.name":"audit"}`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/lock|same data path|audit-es-data|ReadWriteMany|shared (claim|volume)/i],
      facts: [/audit-es-data/, /ReadWriteMany|RWX|same (claim|volume|data path)|shar(ed|es)/i, /node\.?lock|LockObtainFailed|failed to obtain node locks/i],
      never: [/\bOOM/, /permission denied|fsGroup|chown|runAsUser/i, /disk (full|pressure)|watermark/i],
    },
  };
}

// ---- 6. Redis: ConfigMap switched REDIS_URL to rediss:// against a plain-TCP Redis ------------------

function redisTlsWrongVersion(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = gkeNodes('apps', 'us-central1', '9b7d31f4');
  const redisImage = 'docker.io/library/redis:7.4.1-alpine';
  const redis = statefulSetApp({
    namespace: ns,
    name: 'session-redis',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 88 * DAYS, template: { containers: [container({ name: 'redis', image: redisImage, args: ['--appendonly', 'yes', '--maxmemory', '768mb'], ports: [{ name: 'redis', containerPort: 6379 }], memory: '1Gi', readiness: { exec: { command: ['redis-cli', 'ping'] }, periodSeconds: 10, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 3 }, liveness: tcpProbe('redis', { initialDelaySeconds: 15 }) })] } }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 23 * DAYS }],
  });
  const cm = configMap({
    namespace: ns, name: 'session-service-config', createdAgo: 88 * DAYS, updatedAgo: 19,
    data: { REDIS_URL: 'rediss://session-redis.accounts.svc.cluster.local:6379/0', SESSION_TTL_SECONDS: '86400', LOG_LEVEL: 'info', CORS_ORIGINS: 'https://app.acme.io' },
  });
  const image = `us-central1-docker.pkg.dev/acme-prod/accounts/session-service:4.3.1`;
  const tpl = (restartedAt?: string) => ({
    containers: [container({ image, command: ['uvicorn'], args: ['session_service.main:app', '--host', '0.0.0.0', '--port', '8000'], ports: [8000], memory: '384Mi', envFrom: [{ configMapRef: { name: 'session-service-config' } }], readiness: httpProbe('/readyz', 8000), liveness: httpProbe('/livez', 8000, { initialDelaySeconds: 10 }) })],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const notReady = running({ sinceAgo: 16, ready: false });
  const app = deploymentApp({
    namespace: ns,
    name: 'session-service',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 23, createdAgo: 6 * DAYS, changeCause: 'argocd: session-service 4.3.1', template: tpl() },
      { revision: 24, createdAgo: 16.5, template: tpl(at(16.5).replace(/\.\d+Z$/, 'Z')) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 24, node: names[1] ?? '', createdAgo: 16.3, containers: { app: notReady } },
    ],
  });
  const other = bystander(ns, 'profile-api', names, 75, { revisions: [30, 31], versions: ['2.14.0', '2.14.1'], olderAgo: 18 * DAYS });
  const fresh = podOf(app, 3);
  const redisPod = podOf(redis, 0);
  const tb = (m: number, path: string) => [
    `${pyTime(m)} ERROR session_service.health readiness check failed: redis ping`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/redis/asyncio/connection.py", line 276, in connect',
    '    await self.retry.call_with_retry(',
    '  File "/usr/local/lib/python3.12/site-packages/redis/asyncio/connection.py", line 784, in _connect',
    '    reader, writer = await asyncio.open_connection(',
    '  File "/usr/local/lib/python3.12/asyncio/sslproto.py", line 651, in _do_handshake',
    '    self._sslobj.do_handshake()',
    '  File "/usr/local/lib/python3.12/ssl.py", line 917, in do_handshake',
    '    self._sslobj.do_handshake()',
    'ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1000)',
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    'redis.exceptions.ConnectionError: Error 1 connecting to session-redis.accounts.svc.cluster.local:6379. [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1000).',
    `INFO:     10.0.3.1:52110 - "GET ${path} HTTP/1.1" 503 Service Unavailable`,
  ].join('\n');
  const freshLog = lines(
    'INFO:     Started server process [1]',
    'INFO:     Waiting for application startup.',
    `${pyTime(16.1)} INFO session_service.main starting session-service 4.3.1 redis=rediss://session-redis.accounts.svc.cluster.local:6379/0`,
    'INFO:     Application startup complete.',
    'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)',
    tb(1.5, '/readyz'),
    tb(0.5, '/readyz'),
  );
  return {
    id: 'heldout98-redis-rediss-against-plain-tcp',
    class: 'config',
    truth: 'ConfigMap session-service-config was edited 19 minutes ago (kubectl edit) to switch REDIS_URL from redis:// to rediss://session-redis.accounts.svc.cluster.local:6379/0, and a `kubectl rollout restart` (revision 24, 16.5 minutes ago) picked it up. The in-cluster session-redis speaks plain TCP on 6379 (no TLS port), so the TLS handshake gets a RESP reply and fails with "[SSL: WRONG_VERSION_NUMBER] wrong version number"; the new pod cannot reach Redis, answers /readyz with 503 and never turns ready, so the rollout is stuck. The revision-23 pods, started before the edit, still use redis:// and serve. Revision 24 only restarted the pods; rolling back would read the same ConfigMap. Fix: set REDIS_URL back to redis:// (or enable TLS on Redis).',
    ask: { service: 'session-service', namespace: ns },
    objects: [
      ...nodes, cm, ...redis.objects, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'session-redis', selector: { app: 'session-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'session-service', selector: { app: 'session-service' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 24), 1, 0, 16.5),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 75),
      ...startedNormally(fresh, 'app', image, 16.3),
      probeFailed(fresh, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 95, firstAgo: 15.9 }),
      event({ on: redisPod, type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: command timed out: "redis-cli ping" timed out after 2s', firstAgo: 3 * DAYS, lastAgo: 3 * DAYS, fieldPath: 'spec.containers{redis}' }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: freshLog }),
      ...app.pods.slice(0, 3).map((p, i) => logsFor(p, 'app', { current: lines(`INFO:     10.0.${12 + i}.4:4${1200 + i} - "POST /v1/sessions HTTP/1.1" 201 Created`, `INFO:     10.0.3.1:5${2000 + i} - "GET /readyz HTTP/1.1" 200 OK`) })),
      logsFor(redisPod, 'redis', { current: lines(`1:M ${redisTime(30)} * 100 changes in 300 seconds. Saving...`, `1:M ${redisTime(30)} * Background saving started by pid 4187`, `4187:C ${redisTime(29.9)} * DB saved on disk`, `1:M ${redisTime(29.9)} * Background saving terminated with success`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/rediss|TLS|SSL|wrong version/i],
      facts: [/session-service-config|REDIS_URL/, /rediss:\/\//, /plain|without TLS|no TLS|not (speak|use|enable)[^\n]*TLS|TLS[^\n]*not enabled/i],
      never: [ADVISES_ROLLBACK, /session-redis[^\n]*(is down|crash|\bOOM|out of memory)/i, /profile-api/],
    },
  };
}

// ---- 7. healthy control: JVM CDS and SecurityManager warnings at start --------------------------------

function healthyJvmWarnings(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = aksNodes('general', '60219477');
  const image = (v: string) => `acmeprod.azurecr.io/billing/invoice-renderer:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '1Gi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Xshare:auto -XX:MaxRAMPercentage=70' }], readiness: httpProbe('/q/health/ready', 8080), liveness: httpProbe('/q/health/live', 8080, { initialDelaySeconds: 30 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-renderer',
    replicas: 3,
    revisions: [
      { revision: 12, createdAgo: 20 * DAYS, changeCause: 'helm upgrade invoice-renderer 2.6.0', template: tpl('2.6.0') },
      { revision: 13, createdAgo: 2 * HOURS + 10, changeCause: 'helm upgrade invoice-renderer 2.6.1', template: tpl('2.6.1') },
    ],
    pods: [
      { revision: 13, node: names[0] ?? '', createdAgo: 2 * HOURS + 9 },
      { revision: 13, node: names[1] ?? '', createdAgo: 2 * HOURS + 8, containers: { app: running({ sinceAgo: 2 * HOURS + 1, restarts: 1, last: { exitCode: 143, finishedAgo: 2 * HOURS + 1.2, ranSeconds: 380 } }) } },
      { revision: 13, node: names[2] ?? '', createdAgo: 2 * HOURS + 7 },
    ],
  });
  const other = bystander(ns, 'tax-calculator', names, 4 * HOURS, { revisions: [40, 41], versions: ['7.1.0', '7.1.1'], olderAgo: 12 * DAYS });
  const t = (m: number) => at(m).replace('T', ' ').replace('Z', '').slice(0, 23).replace('.', ',');
  const startup = (m: number) => [
    'Picked up JAVA_TOOL_OPTIONS: -Xshare:auto -XX:MaxRAMPercentage=70',
    'OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes because bootstrap classpath has been appended',
    'WARNING: A terminally deprecated method in java.lang.System has been called',
    'WARNING: System::setSecurityManager has been called by org.apache.fop.apps.FopFactory (file:/deployments/lib/main/org.apache.xmlgraphics.fop-core-2.9.jar)',
    'WARNING: Please consider reporting this to the maintainers of org.apache.fop.apps.FopFactory',
    'WARNING: System::setSecurityManager will be removed in a future release',
    `${t(m)} INFO  [io.quarkus] (main) invoice-renderer 2.6.1 on JVM (powered by Quarkus 3.15.1) started in 4.812s. Listening on: http://0.0.0.0:8080`,
    `${t(m - 0.01)} INFO  [io.quarkus] (main) Profile prod activated.`,
    `${t(1.3)} INFO  [c.a.b.r.InvoiceResource] (executor-thread-4) rendered invoice INV-2026-118204 (3 pages) in 211 ms`,
    `${t(0.4)} INFO  [c.a.b.r.InvoiceResource] (executor-thread-2) rendered invoice INV-2026-118219 (1 page) in 96 ms`,
  ];
  return {
    id: 'heldout98-healthy-jvm-cds-securitymanager-warnings',
    class: 'healthy',
    truth: 'invoice-renderer runs healthy: revision 13 (2.6.1) rolled out two hours ago, all three pods are ready and rendering invoices. Each JVM start prints an OpenJDK CDS warning ("Sharing is only supported for boot loader classes…") and the JDK 17+ SecurityManager deprecation warnings triggered by Apache FOP; both are harmless. One pod restarted once two hours ago (exit 143, SIGTERM during the rollout\'s node shuffle) and has run fine since.',
    ask: { service: 'invoice-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'tax-calculator', selector: { app: 'tax-calculator' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 13), 3, 0, 2 * HOURS + 10),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 0, 3, 2 * HOURS + 6),
      ...startedNormally(podOf(app, 0), 'app', image('2.6.1'), 2 * HOURS + 9),
    ],
    logs: app.pods.map((p, i) => logsFor(p, 'app', { current: lines(...startup(2 * HOURS + 8.5 - i)), ...(i === 1 ? { previous: lines(...startup(2 * HOURS + 7.5), `${t(2 * HOURS + 1.2)} INFO  [io.quarkus] (Shutdown thread) invoice-renderer stopped in 0.081s`) } : {}) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|running|ready/i],
      facts: [/invoice-renderer/],
      never: [/(SecurityManager|CDS|class data sharing|bootstrap classpath)[^\n]*(caus|fail|break|broke)/i, /\bOOM/, /crash ?loop/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  rabbitQueueTypeMismatch(),
  natsMaxPayload(),
  jacksonNoSuchMethod(),
  numpyAbiBreak(),
  elasticsearchSharedDataPath(),
  redisTlsWrongVersion(),
  healthyJvmWarnings(),
];

