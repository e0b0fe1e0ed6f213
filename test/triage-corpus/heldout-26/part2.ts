// Held-out stories, twenty-sixth round, part two: written without reading the analysis code.
//
// 1. A Kafka StatefulSet scaled 3 → 4 whose new broker mounts a claim (data-kafka-3) left over from
//    the Kafka cluster this one replaced: InconsistentClusterIdException, meta.properties.
// 2. A Node.js service whose new image builds an HTTPS agent without keep-alive per request: its
//    pods run out of ephemeral ports toward pricing-engine (connect EADDRNOTAVAIL); pods Ready.
// 3. A feature-flag ConfigMap key injected with envFrom grew past 128 KiB: the HPA's new pods fail
//    at exec ("argument list too long", StartError 128); the pods started before keep serving.
// 4. Calico's CNI plugin is Unauthorized after the service-account signing key was rotated: every
//    new pod sits in ContainerCreating (FailedCreatePodSandBox); the rollout of order-router stalls.
// 5. A new node group whose launch template sets the IMDSv2 hop limit to 1: the pods rescheduled onto
//    it cannot fetch instance-profile credentials (169.254.169.254 token timeouts); no workload change.
// 6. A new image on Debian bookworm / OpenSSL 3 refuses a partner's TLS 1.0 server: calls to that
//    one carrier fail with "unsupported protocol"; the rest of the service works.
// 7. Healthy control: a Karpenter drift replacement drained a node guarded by a PodDisruptionBudget;
//    two pods were evicted (one waited on the budget) and rescheduled; all replicas Ready.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, at, backOff, boundClaim, configMap, container, crashLoop, createdPod, daemonSetApp, deploymentApp, event, exposed,
  hpa, httpProbe, nameOf, node, nodeEvent, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  startedNormally, statefulSetApp, tcpProbe, waiting, epochMs, execProbe, every, replicaSetOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const deploymentOf = (app: Built): KubeJson => {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment');
  return d;
};
const LOOK = { revisions: [18, 19], versions: ['2.3.0', '2.3.1'], olderAgo: 12 * DAYS } as const;

// ---- 1. Kafka scaled 3 → 4: the new broker's claim is a leftover of the previous Kafka cluster ----

function kafkaLeftoverClaimClusterId(): CorpusScenario {
  const ns = 'streaming';
  const { nodes, names } = threeEksNodes('10.0.140', ['12', '88', '203']);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const image = 'confluentinc/cp-kafka:7.6.1';
  const zkConnect = 'zookeeper-0.zookeeper-headless.streaming.svc.cluster.local:2181,zookeeper-1.zookeeper-headless.streaming.svc.cluster.local:2181,zookeeper-2.zookeeper-headless.streaming.svc.cluster.local:2181/kafka';
  const tpl = {
    containers: [container({
      name: 'kafka',
      image,
      command: ['/bin/bash', '-c', 'export KAFKA_BROKER_ID=${HOSTNAME##*-} && export KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://${HOSTNAME}.kafka-headless.streaming.svc.cluster.local:9092 && exec /etc/confluent/docker/run'],
      env: [
        { name: 'KAFKA_ZOOKEEPER_CONNECT', value: zkConnect },
        { name: 'KAFKA_LOG_DIRS', value: '/var/lib/kafka/data/logs' },
        { name: 'KAFKA_DEFAULT_REPLICATION_FACTOR', value: '3' },
        { name: 'KAFKA_MIN_INSYNC_REPLICAS', value: '2' },
        { name: 'KAFKA_HEAP_OPTS', value: '-Xms4g -Xmx4g' },
      ],
      ports: [{ name: 'kafka', containerPort: 9092 }, { name: 'jmx', containerPort: 5555 }],
      cpu: '1',
      memory: '8Gi',
      readiness: tcpProbe(9092, { initialDelaySeconds: 20 }),
      liveness: tcpProbe(9092, { initialDelaySeconds: 60, failureThreshold: 6 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/kafka/data' }],
    })],
    terminationGracePeriodSeconds: 120,
  };
  const sts = statefulSetApp({
    namespace: ns,
    name: 'kafka',
    replicas: 4,
    serviceName: 'kafka-headless',
    createdAgo: 141 * DAYS,
    revisions: [{ revision: 3, createdAgo: 38 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 3, ordinal: 0, node: names[0] ?? '', createdAgo: 38 * DAYS },
      { revision: 3, ordinal: 1, node: names[1] ?? '', createdAgo: 38 * DAYS - 4 },
      { revision: 3, ordinal: 2, node: names[2] ?? '', createdAgo: 38 * DAYS - 8, containers: { kafka: running({ sinceAgo: 9 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 9 * DAYS + 0.5, ranSeconds: 29 * 86400 } }) } },
      { revision: 3, ordinal: 3, node: names[0] ?? '', createdAgo: 19, containers: { kafka: crashLoop({ exitCode: 1, finishedAgo: 2.2, ranSeconds: 7 }, 8) } },
    ],
  });
  const zkTpl = { containers: [container({ name: 'zookeeper', image: 'confluentinc/cp-zookeeper:7.6.1', ports: [{ name: 'client', containerPort: 2181 }, { name: 'quorum', containerPort: 2888 }, { name: 'election', containerPort: 3888 }], cpu: '250m', memory: '1Gi', readiness: tcpProbe(2181), liveness: tcpProbe(2181, { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/zookeeper' }] })] };
  const zk = statefulSetApp({
    namespace: ns,
    name: 'zookeeper',
    replicas: 3,
    serviceName: 'zookeeper-headless',
    createdAgo: 141 * DAYS,
    revisions: [{ revision: 2, createdAgo: 60 * DAYS, template: zkTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((i) => ({ revision: 2, ordinal: i, node: names[i] ?? '', createdAgo: 60 * DAYS - i * 3 })),
  });
  const ui = bystander(ns, 'kafka-ui', names, 47, LOOK);
  // Claims 0–2 were made with this StatefulSet 141 days ago; data-kafka-3 dates from the Kafka cluster it replaced.
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-kafka-${i}`, storage: '500Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 141 * DAYS, labels: { app: 'kafka' } }));
  const leftover = boundClaim({ namespace: ns, name: 'data-kafka-3', storage: '500Gi', zone: 'eu-west-1a', createdAgo: 402 * DAYS, labels: { app: 'kafka' } });
  const zkClaims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-zookeeper-${i}`, storage: '20Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 141 * DAYS, labels: { app: 'zookeeper' } }));
  const k3 = podOf(sts, 3);
  const stsRef = { kind: 'StatefulSet', name: 'kafka', namespace: ns };
  const newId = 'Xq3bW0o9R8eM2s1f7pTz4A';
  const oldId = 'Jd9fK1yQ6uHe2rNw5tVb8g';
  const t = (m: number) => `[${pyTime(m)}]`;
  const crashRun = (m: number) => lines(
    '===> User',
    'uid=1000(appuser) gid=1000(appuser) groups=1000(appuser)',
    '===> Configuring ...',
    '===> Running preflight checks ... ',
    '===> Check if /var/lib/kafka/data is writable ...',
    '===> Check if Zookeeper is healthy ...',
    `${t(m)} INFO Client environment:zookeeper.version=3.8.3-6ad6d364c7c0bcf0de452d54ebefa3058098ab56, built on 2023-10-05 10:34 UTC (org.apache.zookeeper.ZooKeeper)`,
    '===> Launching ... ',
    '===> Launching kafka ... ',
    `${t(m - 0.03)} INFO Registered kafka:type=kafka.Log4jController MBean (kafka.utils.Log4jControllerRegistration$)`,
    `${t(m - 0.04)} INFO starting (kafka.server.KafkaServer)`,
    `${t(m - 0.04)} INFO Connecting to zookeeper on ${zkConnect} (kafka.server.KafkaServer)`,
    `${t(m - 0.05)} INFO [ZooKeeperClient Kafka server] Connected. (kafka.zookeeper.ZooKeeperClient)`,
    `${t(m - 0.06)} INFO Cluster ID = ${newId} (kafka.server.KafkaServer)`,
    `${t(m - 0.07)} ERROR Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer)`,
    `kafka.common.InconsistentClusterIdException: The Cluster ID ${newId} doesn't match stored clusterId Some(${oldId}) in meta.properties. The broker is trying to join the wrong cluster. Configured zookeeper.connect may be wrong.`,
    '\tat kafka.server.KafkaServer.startup(KafkaServer.scala:244)',
    '\tat kafka.Kafka$.main(Kafka.scala:113)',
    '\tat kafka.Kafka.main(Kafka.scala)',
    `${t(m - 0.07)} INFO shutting down (kafka.server.KafkaServer)`,
    `${t(m - 0.08)} INFO [ZooKeeperClient Kafka server] Closing. (kafka.zookeeper.ZooKeeperClient)`,
    `${t(m - 0.08)} INFO Session: 0x300a41f5c2d0071 closed (org.apache.zookeeper.ZooKeeper)`,
    `${t(m - 0.08)} INFO [ZooKeeperClient Kafka server] Closed. (kafka.zookeeper.ZooKeeperClient)`,
    `${t(m - 0.09)} INFO App info kafka.server for 3 unregistered (org.apache.kafka.common.utils.AppInfoParser)`,
    `${t(m - 0.09)} INFO shut down completed (kafka.server.KafkaServer)`,
    `${t(m - 0.09)} ERROR Exiting Kafka due to fatal exception during startup. (kafka.Kafka$)`,
    `kafka.common.InconsistentClusterIdException: The Cluster ID ${newId} doesn't match stored clusterId Some(${oldId}) in meta.properties. The broker is trying to join the wrong cluster. Configured zookeeper.connect may be wrong.`,
    '\tat kafka.server.KafkaServer.startup(KafkaServer.scala:244)',
    '\tat kafka.Kafka$.main(Kafka.scala:113)',
    '\tat kafka.Kafka.main(Kafka.scala)',
    `${t(m - 0.1)} INFO shutting down (kafka.server.KafkaServer)`,
  );
  const brokerLogs = (b: number) => lines(
    `${t(3.1)} INFO [GroupMetadataManager brokerId=${b}] Removed 0 expired offsets in 1 milliseconds. (kafka.coordinator.group.GroupMetadataManager)`,
    `${t(2.4)} INFO [Log partition=orders-events-${4 + b}, dir=/var/lib/kafka/data/logs] Rolled new log segment at offset 88213554 in 2 ms. (kafka.log.LocalLog)`,
    `${t(0.9)} INFO [ProducerStateManager partition=orders-events-${4 + b}] Wrote producer snapshot at offset 88213554 with 12 producer ids in 1 ms. (kafka.log.ProducerStateManager)`,
  );
  return {
    id: 'heldout26-kafka-scaled-up-leftover-claim-cluster-id',
    class: 'storage',
    truth: 'The streaming team scaled the kafka StatefulSet from 3 to 4 brokers 19 minutes ago. The StatefulSet controller found an existing claim named data-kafka-3 and reused it: it is a leftover of the Kafka cluster this one replaced (the claim and its volume are 402 days old, the StatefulSet and claims 0–2 are 141 days old), and its meta.properties records the old cluster id. kafka-3 therefore exits 1 at startup with InconsistentClusterIdException (cluster id Xq3bW… does not match stored Some(Jd9f…)) and crash-loops; ZooKeeper and brokers 0–2 are fine and zookeeper.connect is correct. No template change. Fix: after checking nothing on it is needed, delete the stale claim data-kafka-3 (and its volume) so the controller provisions a fresh one, or wipe meta.properties on it, then let kafka-3 restart.',
    ask: { service: 'kafka', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...zk.objects, ...ui.objects, ...claims, ...leftover, ...zkClaims,
      ...exposed({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, ports: [{ name: 'kafka', port: 9092, targetPort: 9092 }], headless: true, pods: sts.pods, endpointPort: 9092, createdAgo: 141 * DAYS }),
      ...exposed({ namespace: ns, name: 'kafka', selector: { app: 'kafka' }, ports: [{ name: 'kafka', port: 9092, targetPort: 9092 }], pods: sts.pods, endpointPort: 9092, createdAgo: 141 * DAYS }),
      ...exposed({ namespace: ns, name: 'zookeeper-headless', selector: { app: 'zookeeper' }, ports: [{ name: 'client', port: 2181, targetPort: 2181 }], headless: true, pods: zk.pods, endpointPort: 2181, createdAgo: 141 * DAYS }),
      ...exposed({ namespace: ns, name: 'kafka-ui', selector: { app: 'kafka-ui' }, pods: ui.pods }),
      event({ on: stsRef, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod kafka-3 in StatefulSet kafka successful', firstAgo: 19, lastAgo: 19, component: 'statefulset-controller' }),
      scheduled(k3, 19),
      event({ on: k3, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${leftover[1].metadata?.name ?? ''}"`, firstAgo: 18.7, lastAgo: 18.7, component: 'attachdetach-controller' }),
      ...restartedAgain(k3, 'kafka', image, { count: 9, firstAgo: 18.4, lastAgo: 2.3 }),
      backOff(k3, 'kafka', { count: 74, firstAgo: 18, lastAgo: 0.4 }),
      scaledReplicaSet(deploymentOf(ui), rsOf(ui, 19), 2, 0, 47),
    ],
    logs: [
      logsFor(k3, 'kafka', { previous: crashRun(2.35), current: lines('===> User', 'uid=1000(appuser) gid=1000(appuser) groups=1000(appuser)', '===> Configuring ...') }),
      ...[0, 1, 2].map((b) => logsFor(podOf(sts, b), 'kafka', { current: brokerLogs(b) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/kafka-3/, /InconsistentClusterId|cluster ?id/i],
      facts: [lit('data-kafka-3'), /meta\.properties|stale|left ?over|retained|reused|older|previous (kafka )?cluster|402 days/i, /scal(ed|e|ing)( up| out)?|3 (→|->|to) 4|4 replicas|new (broker|replica|ordinal)/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(fix|change|correct|update) (the )?zookeeper\.connect/i, /zookeeper (is |looks )?(down|unhealthy|unreachable)/i, /kafka-ui/],
    },
  };
}

// ---- 2. a new HTTP agent per request: ephemeral ports exhausted toward pricing-engine -------------

function ephemeralPortExhaustion(): CorpusScenario {
  const ns = 'sales';
  const { nodes, names } = threeEksNodes('10.0.96', ['44', '171', '230']);
  const image = (v: string) => `${ECR}/sales/quote-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [3000],
      cpu: '500m',
      memory: '512Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'PRICING_URL', value: 'https://pricing-engine.pricing.svc.cluster.local' },
        { name: 'UV_THREADPOOL_SIZE', value: '8' },
      ],
      readiness: httpProbe('/health/ready', 3000),
      liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-service',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: quote-service 3.8.4', template: tpl('3.8.4') },
      { revision: 58, createdAgo: 131, changeCause: 'argocd: quote-service 3.9.0', template: tpl('3.9.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 130 - k * 1.5 })),
  });
  // The downstream, healthy, in its own namespace: a ClusterIP in the 10.100.0.0/16 service range.
  const pricingImage = `${ECR}/pricing/pricing-engine:5.2.1`;
  const pricing = deploymentApp({
    namespace: 'pricing',
    name: 'pricing-engine',
    replicas: 4,
    revisions: [{ revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: pricing-engine 5.2.1', template: { containers: [container({ image: pricingImage, ports: [{ name: 'https', containerPort: 8443 }], cpu: '1', memory: '1Gi', readiness: { httpGet: { path: '/readyz', port: 8443, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }, liveness: null })] } }],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 12, node: names[k % 3] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const pricingIp = '10.100.43.12';
  const other = bystander(ns, 'cart-api', names, 63, LOOK);
  const host = (p: k8s.V1Pod) => nameOf(p);
  const errLine = (p: k8s.V1Pod, m: number, i: number) => `{"level":50,"time":${epochMs(m)},"pid":1,"hostname":"${host(p)}","reqId":"req-${(i * 7919 + 4242).toString(36)}","err":{"type":"Error","message":"connect EADDRNOTAVAIL ${pricingIp}:443 - Local (0.0.0.0:0)","stack":"Error: connect EADDRNOTAVAIL ${pricingIp}:443 - Local (0.0.0.0:0)\\n    at internalConnect (node:net:1097:16)\\n    at defaultTriggerAsyncIdScope (node:internal/async_hooks:464:18)\\n    at node:net:1323:9\\n    at process.processTicksAndRejections (node:internal/process/task_queues:85:11)","errno":-99,"code":"EADDRNOTAVAIL","syscall":"connect","address":"${pricingIp}","port":443},"msg":"pricing call failed"}\n{"level":30,"time":${epochMs(m)},"pid":1,"hostname":"${host(p)}","reqId":"req-${(i * 7919 + 4242).toString(36)}","res":{"statusCode":502},"responseTime":2.41,"msg":"request completed"}\n`;
  const okLine = (p: k8s.V1Pod, m: number, i: number) => `{"level":30,"time":${epochMs(m)},"pid":1,"hostname":"${host(p)}","reqId":"req-${(i * 104729 + 99).toString(36)}","res":{"statusCode":200},"responseTime":${38 + (i % 9)}.7,"msg":"request completed"}\n`;
  const serviceLogs = (p: k8s.V1Pod, started: number) =>
    lines(
      `{"level":30,"time":${epochMs(started)},"pid":1,"hostname":"${host(p)}","msg":"quote-service 3.9.0 starting","node":"v20.18.1"}`,
      `{"level":30,"time":${epochMs(started - 0.01)},"pid":1,"hostname":"${host(p)}","msg":"pricing client configured","baseURL":"https://pricing-engine.pricing.svc.cluster.local","agent":{"keepAlive":false,"perRequest":true},"timeoutMs":2000}`,
      `{"level":30,"time":${epochMs(started - 0.02)},"pid":1,"hostname":"${host(p)}","msg":"Server listening at http://0.0.0.0:3000"}`,
    ) + every(2.5, 0.1, 6, (m, i) => (i % 4 === 3 ? okLine(p, m, i) : errLine(p, m, i)));
  const pricingLogs = (p: k8s.V1Pod) => every(2, 0.2, 20, (m, i) => `{"time":"${at(m)}","level":"INFO","msg":"http request","method":"POST","path":"/v2/price","status":200,"duration_ms":${11 + (i % 6)},"peer":"${nameOf(p).length % 2 === 0 ? '10.0.31.7' : '10.0.12.190'}"}\n`);
  return {
    id: 'heldout26-node-agent-per-request-ephemeral-port-exhaustion',
    class: 'network',
    truth: 'quote-service revision 58 (3.9.0, rolled out 131 minutes ago) builds a new HTTPS agent without keep-alive for every call to pricing-engine. Every call opens a fresh TCP connection to the same ClusterIP 10.100.43.12:443 and leaves its local port in TIME_WAIT, so under ordinary load each pod runs out of ephemeral source ports: most calls fail with "connect EADDRNOTAVAIL 10.100.43.12:443 - Local (0.0.0.0:0)" and the service answers 502. Pods stay Running and Ready with no restarts; pricing-engine is healthy and barely sees the traffic. Trigger: the revision 58 image. Fix: reuse one keep-alive agent (or roll back to revision 57 / 3.8.4 until the client is fixed).',
    ask: { service: 'quote-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...pricing.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-service', selector: { app: 'quote-service' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: 'pricing', name: 'pricing-engine', clusterIP: pricingIp, selector: { app: 'pricing-engine' }, ports: [{ name: 'https', port: 443, targetPort: 'https' }], pods: pricing.pods, endpointPort: 8443 }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 131),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 2, 3, 130),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 3, 2, 127),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 0, 1, 126.5),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('3.9.0'), 130 - k * 1.5)),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 19), 2, 0, 63),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: serviceLogs(p, 129.9 - k * 1.5) })),
      ...pricing.pods.map((p) => logsFor(p, 'app', { current: pricingLogs(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/EADDRNOTAVAIL|ephemeral|source ports?|local ports?|port exhaustion/i],
      facts: [/keep-?alive|connection (reuse|pool)|per[- ]request|new (HTTPS? )?(agent|client|connection)/i, /revision 58|3\.9\.0/, /pricing-engine|10\.100\.43\.12/],
      never: [/\bOOM/, /crash ?loop/i, /pricing-engine (is |was |looks )?(down|unhealthy|overloaded|unavailable|not ready)/i, /DNS[^\n]*(fail|timeout|broken)/i, /NetworkPolicy[^\n]*(block|den)/i, /cart-api/],
    },
  };
}

// ---- 3. an envFrom ConfigMap key past 128 KiB: new containers cannot exec ---------------------------

function flagsBlob(targetBytes: number): string {
  const flags: Record<string, unknown> = {};
  let i = 0;
  let s = '';
  while (s.length < targetBytes) {
    const id = String(i).padStart(4, '0');
    flags[`catalog.exp-${id}`] = { enabled: i % 3 !== 0, variants: { control: 50, treatment: 50 }, rules: [{ segment: `seg-${(i * 37) % 211}`, country: ['DE', 'FR', 'NL', 'PL'][i % 4], rollout: (i * 13) % 100 }], owner: ['search', 'pdp', 'merch'][i % 3], updated: '2026-11-21T02:33:00Z' };
    i += 1;
    if (i % 50 === 0) s = JSON.stringify({ version: '2026.11.21-0233', flags });
  }
  return JSON.stringify({ version: '2026.11.21-0233', flags });
}

function envFromConfigMapTooBig(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.52', ['9', '140', '66']);
  const image = `${ECR}/storefront/catalog-api:4.31.0`;
  const tplOf = (v: string) => ({
    containers: [container({
      image: `${ECR}/storefront/catalog-api:${v}`,
      command: ['/app/entrypoint.sh'],
      args: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'],
      ports: [9292],
      cpu: '500m',
      memory: '768Mi',
      envFrom: [{ configMapRef: { name: 'catalog-config' } }, { configMapRef: { name: 'catalog-flags' } }, { secretRef: { name: 'catalog-db' } }],
      readiness: httpProbe('/up', 9292),
      liveness: httpProbe('/up', 9292, { initialDelaySeconds: 20 }),
    })],
  });
  const startError = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec /app/entrypoint.sh: argument list too long: unknown';
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-api',
    replicas: 5,
    revisions: [
      { revision: 41, createdAgo: 11 * DAYS, changeCause: 'argocd: catalog-api 4.30.2', template: tplOf('4.30.2') },
      { revision: 42, createdAgo: 4 * DAYS, changeCause: 'argocd: catalog-api 4.31.0', template: tplOf('4.31.0') },
    ],
    settled: { available: false, availableSince: 21, progressingSince: 4 * DAYS },
    pods: [
      { revision: 42, node: names[0] ?? '', createdAgo: 4 * DAYS },
      { revision: 42, node: names[1] ?? '', createdAgo: 4 * DAYS - 1 },
      { revision: 42, node: names[2] ?? '', createdAgo: 4 * DAYS - 2, containers: { app: running({ sinceAgo: 2 * DAYS, restarts: 1, last: { exitCode: 1, finishedAgo: 2 * DAYS + 0.2, ranSeconds: 86400 } }) } },
      { revision: 42, node: names[1] ?? '', createdAgo: 22, containers: { app: crashLoop({ exitCode: 128, reason: 'StartError', message: startError, finishedAgo: 1.8, ranSeconds: 0 }, 9) } },
      { revision: 42, node: names[2] ?? '', createdAgo: 22, containers: { app: crashLoop({ exitCode: 128, reason: 'StartError', message: startError, finishedAgo: 3.1, ranSeconds: 0 }, 9) } },
    ],
  });
  const blob = flagsBlob(134_000);
  const flagsCm = configMap({ namespace: ns, name: 'catalog-flags', createdAgo: 200 * DAYS, updatedAgo: 41, data: { FEATURE_FLAGS_JSON: blob, FEATURE_FLAGS_VERSION: '2026.11.21-0233' } });
  flagsCm.metadata = { ...flagsCm.metadata, managedFields: (flagsCm.metadata?.managedFields ?? []).map((f) => (f.manager === 'kubectl-edit' ? { ...f, manager: 'flag-sync', operation: 'Apply' } : f)) };
  const appCm = configMap({ namespace: ns, name: 'catalog-config', createdAgo: 200 * DAYS, updatedAgo: 11 * DAYS, data: { RAILS_ENV: 'production', RAILS_LOG_TO_STDOUT: '1', WEB_CONCURRENCY: '2', RAILS_MAX_THREADS: '5', SEARCH_URL: 'http://catalog-search.storefront.svc.cluster.local' } });
  const indexer = bystander(ns, 'catalog-indexer', names, 52, LOOK);
  const fresh = [podOf(app, 3), podOf(app, 4)];
  const scaler = hpa({ namespace: ns, name: 'catalog-api', target: { kind: 'Deployment', name: 'catalog-api' }, min: 3, max: 12, current: 5, desired: 5, cpu: { current: 64, target: 60, averageValue: '320m' }, lastScaleAgo: 22 });
  const pumaLogs = (p: k8s.V1Pod) => lines(
    `I, [${at(1.4).replace('Z', '')} #1]  INFO -- : [${nameOf(p).slice(-5)}] Started GET "/v1/products?category=shoes&page=3" for 10.0.12.4 at ${at(1.4)}`,
    `I, [${at(1.4).replace('Z', '')} #1]  INFO -- : [${nameOf(p).slice(-5)}] Completed 200 OK in 41ms (Views: 12.3ms | ActiveRecord: 18.1ms | Allocations: 8812)`,
    `I, [${at(0.6).replace('Z', '')} #1]  INFO -- : [${nameOf(p).slice(-5)}] Completed 200 OK in 37ms (Views: 10.9ms | ActiveRecord: 16.4ms | Allocations: 8120)`,
  );
  return {
    id: 'heldout26-envfrom-configmap-key-too-big-to-exec',
    class: 'config',
    truth: 'The flag-sync job rewrote ConfigMap catalog-flags 41 minutes ago; its key FEATURE_FLAGS_JSON grew to about 139 KB (136 KiB), past Linux\'s 128 KiB (131072-byte) limit on a single environment string. catalog-api injects the ConfigMap with envFrom, so every container started since fails at execve: runc reports "exec /app/entrypoint.sh: argument list too long" (StartError, exit code 128). The two pods the HPA added 22 minutes ago crash-loop; the three pods started days ago captured the old, smaller value and keep serving. The Deployment (revision 42, 4 days old) and catalog-indexer\'s rollout are innocent. Fix: shrink FEATURE_FLAGS_JSON below 128 KiB, or mount catalog-flags as a file instead of envFrom.',
    ask: { service: 'catalog-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...indexer.objects, flagsCm, appCm, scaler,
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: app.pods, endpointPort: 9292 }),
      ...exposed({ namespace: ns, name: 'catalog-indexer', selector: { app: 'catalog-indexer' }, pods: indexer.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'catalog-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 5; reason: cpu resource utilization (percentage of request) above target', firstAgo: 22, lastAgo: 22, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 5, 3, 22),
      ...fresh.flatMap((p) => [
        createdPod(replicaSetOf(app, 42), p, 22),
        scheduled(p, 22),
        ...restartedAgain(p, 'app', image, { count: 10, firstAgo: 21.9, lastAgo: 1.8 }).filter((e) => e.reason !== 'Started'),
        event({ on: p, reason: 'Failed', message: `Error: ${startError}`, count: 10, firstAgo: 21.9, lastAgo: 1.8, fieldPath: 'spec.containers{app}' }),
        backOff(p, 'app', { count: 96, firstAgo: 21.8, lastAgo: 0.3 }),
      ]),
      scaledReplicaSet(deploymentOf(indexer), rsOf(indexer, 19), 2, 0, 52),
      event({ on: podOf(app, 2), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(app, 2).status?.podIP ?? ''}:9292/up": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 19 * 60, lastAgo: 19 * 60 - 0.2, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: pumaLogs(podOf(app, k)) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/argument list too long|E2BIG|too (large|big|long)/i],
      facts: [lit('catalog-flags'), /FEATURE_FLAGS_JSON/, /128 ?Ki?B|131,?072|\d+ ?K(i)?B|size|grew|too (large|big)/i, /envFrom|environment|env(ironment)? var/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(image|entrypoint)[^\n]*(missing|not found|permission denied)/i, /catalog-indexer/, /Insufficient (cpu|memory)|quota/i],
    },
  };
}

// ---- 4. Calico's CNI plugin Unauthorized: every new pod stays ContainerCreating -------------------

function calicoCniUnauthorized(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.72', ['18', '133', '250']);
  const image = (v: string) => `${ECR}/orders/order-router:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080, { name: 'grpc', containerPort: 9090 }], cpu: '300m', memory: '256Mi', env: [{ name: 'GOMAXPROCS', value: '2' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-router',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 20, createdAgo: 8 * DAYS, changeCause: 'argocd: order-router 2.14.0', template: tpl('2.14.0') },
      { revision: 21, createdAgo: 26, changeCause: 'argocd: order-router 2.14.1', template: tpl('2.14.1') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 20, node: names[k] ?? '', createdAgo: 8 * DAYS - k })),
      { revision: 21, node: names[1] ?? '', createdAgo: 25.8, containers: { app: waiting('ContainerCreating') } },
    ],
  });
  const calicoImage = 'quay.io/calico/node:v3.28.2';
  const calico = daemonSetApp({
    namespace: 'calico-system',
    name: 'calico-node',
    selector: { 'k8s-app': 'calico-node' },
    revisions: [{ revision: 4, createdAgo: 33 * DAYS, template: { containers: [container({ name: 'calico-node', image: calicoImage, ports: [], cpu: '250m', memory: '256Mi', memoryLimit: null, env: [{ name: 'DATASTORE_TYPE', value: 'kubernetes' }, { name: 'CALICO_NETWORKING_BACKEND', value: 'bird' }, { name: 'CNI_NET_DIR', value: '/etc/cni/net.d' }], readiness: execProbe(['/bin/calico-node', '-felix-ready', '-bird-ready'], { timeoutSeconds: 5 }), liveness: httpProbe('/liveness', 9099, { timeoutSeconds: 10 }), volumeMounts: [{ name: 'cni-net-dir', mountPath: '/host/etc/cni/net.d' }] })], volumes: [{ name: 'cni-net-dir', hostPath: { path: '/etc/cni/net.d', type: '' } }], serviceAccountName: 'calico-node', priorityClassName: 'system-node-critical' } }],
    pods: names.map((n, i) => ({ revision: 4, node: n, createdAgo: 33 * DAYS - i })),
  });
  // Another team's new pod, on another node, stuck the same way.
  const billingImage = `${ECR}/billing/invoice-renderer:1.9.3`;
  const billing = deploymentApp({
    namespace: 'billing',
    name: 'invoice-renderer',
    replicas: 2,
    revisions: [{ revision: 7, createdAgo: 15 * DAYS, changeCause: 'argocd: invoice-renderer 1.9.3', template: { containers: [container({ image: billingImage })] } }],
    pods: [
      { revision: 7, node: names[0] ?? '', createdAgo: 15 * DAYS },
      { revision: 7, node: names[2] ?? '', createdAgo: 14, containers: { app: waiting('ContainerCreating') } },
    ],
    settled: { available: true, availableSince: 15 * DAYS, progressingSince: 15 * DAYS },
  });
  const other = bystander(ns, 'order-events', names, 3 * 60, LOOK);
  const fresh = podOf(app, 3);
  const stuckBilling = podOf(billing, 1);
  const sandboxErr = (id: string) => `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${id}": plugin type="calico" failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized`;
  const calicoLogs = (i: number) => lines(
    `${pyTime(44.2).replace(',', '.')} [INFO][${70 + i}] felix/summary.go 100: Summarising 11 dataplane reconciliation loops over 1m2.1s: avg=6ms longest=19ms ()`,
    `${pyTime(43.6).replace(',', '.')} [ERROR][${88 + i}] cni-config-monitor/token_watch.go 108: Unable to create token for CNI kubeconfig error=Unauthorized`,
    `${pyTime(43.1).replace(',', '.')} [WARNING][${70 + i}] felix/watchercache.go 186: Failed to perform list of current data during resync ListRoot="/calico/resources/v3/projectcalico.org/networkpolicies" error=connection is unauthorized: Unauthorized`,
    `${pyTime(21.6).replace(',', '.')} [ERROR][${88 + i}] cni-config-monitor/token_watch.go 108: Unable to create token for CNI kubeconfig error=Unauthorized`,
    `${pyTime(5.2).replace(',', '.')} [WARNING][${70 + i}] felix/watchercache.go 186: Failed to perform list of current data during resync ListRoot="/calico/resources/v3/projectcalico.org/globalnetworksets" error=connection is unauthorized: Unauthorized`,
    `${pyTime(1.1).replace(',', '.')} [ERROR][${88 + i}] cni-config-monitor/token_watch.go 108: Unable to create token for CNI kubeconfig error=Unauthorized`,
    `${pyTime(0.4).replace(',', '.')} [INFO][${70 + i}] felix/summary.go 100: Summarising 12 dataplane reconciliation loops over 1m0.8s: avg=5ms longest=17ms ()`,
  );
  return {
    id: 'heldout26-calico-cni-unauthorized-new-pods-stuck',
    class: 'network',
    truth: 'The platform team rotated the cluster\'s service-account signing key during a control-plane change about 45 minutes ago. The tokens Calico holds went stale: calico-node (Running, 0 restarts) can no longer mint the token for the CNI kubeconfig, and the Calico CNI plugin is refused by the API server. Every new pod on every node fails sandbox creation (FailedCreatePodSandBox: plugin type="calico" failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized) and stays ContainerCreating; running pods are unaffected. order-router\'s rollout to revision 21 is stuck on its first new pod (the three revision-20 pods keep serving), as is billing/invoice-renderer\'s replacement pod. Revision 21 is innocent. Fix: restart the calico-node DaemonSet (kubectl rollout restart ds/calico-node -n calico-system) so it gets fresh tokens and rewrites the CNI kubeconfig.',
    ask: { service: 'order-router', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...calico.objects, ...billing.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-router', selector: { app: 'order-router' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'order-events', selector: { app: 'order-events' }, pods: other.pods }),
      ...exposed({ namespace: 'billing', name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: billing.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 21), 1, 0, 26),
      createdPod(replicaSetOf(app, 21), fresh, 25.8),
      scheduled(fresh, 25.8),
      event({ on: fresh, reason: 'FailedCreatePodSandBox', message: sandboxErr('5b9e0c7d41f2a8836e1c07d9f4b2a6e3c58d1f09a7b4e2c6d8f0a1b3c5e7d9f2'), count: 112, firstAgo: 25.7, lastAgo: 0.2 }),
      scheduled(stuckBilling, 14),
      event({ on: stuckBilling, reason: 'FailedCreatePodSandBox', message: sandboxErr('a04c7e19d3b58f2e6c1a9d07b4e3f8a2c6d5e1b09f7a3c8e2d4b6f1a0c9e8d7b'), count: 61, firstAgo: 13.9, lastAgo: 0.3 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 19), 2, 0, 3 * 60),
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(app, 0).status?.podIP ?? ''}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 21 * 60, lastAgo: 21 * 60 - 0.5, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...calico.pods.map((p, i) => logsFor(p, 'calico-node', { current: calicoLogs(i) })),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: lines(`{"level":"info","ts":"${at(1.3)}","msg":"routed order","order_id":"ord_8812${k}","partition":${k + 3},"latency_ms":4}`, `{"level":"info","ts":"${at(0.5)}","msg":"routed order","order_id":"ord_8813${k}","partition":${k + 7},"latency_ms":3}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/calico/i, /Unauthori[sz]ed|token|credential|sandbox|CNI/i],
      facts: [/calico-node/, /ClusterInformation|Unauthori[sz]ed/i, /ContainerCreating|sandbox/i, /(all|every|any|other) (new )?pods|cluster-?wide|every node|all nodes|invoice-renderer|billing|not (specific|limited) to/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(ImagePull|pull(ing)? (the )?image)[^\n]*(fail|error)/i, /\bIP (address(es)? )?(exhaust|pool)|no (free )?IP addresses/i, /order-events/],
    },
  };
}

// ---- 5. IMDSv2 hop limit 1 on a new node group: no instance-profile credentials in pods --------------

function imdsHopLimitNewNodeGroup(): CorpusScenario {
  const ns = 'media';
  const zones = ['eu-west-1a', 'eu-west-1b'];
  const oldNames = [eksNodeName('10.0.64.21'), eksNodeName('10.0.65.140')];
  const newNames = [eksNodeName('10.0.80.37'), eksNodeName('10.0.81.212')];
  const gone = eksNodeName('10.0.64.199');
  const nodes = [
    ...oldNames.map((n, i) => node({ name: n, zone: zones[i] ?? 'eu-west-1a', pool: 'general', createdAgo: 63 * DAYS })),
    ...newNames.map((n, i) => node({ name: n, zone: zones[i] ?? 'eu-west-1a', pool: 'general-v2', createdAgo: 96, readySince: 95, labels: { 'eks.amazonaws.com/nodegroup-image': 'ami-0a7c3e19b2d54f816', 'eks.amazonaws.com/capacityType': 'ON_DEMAND' } })),
  ];
  const image = `${ECR}/media/thumbnailer:1.22.3`;
  const tpl = {
    containers: [container({
      name: 'worker',
      image,
      command: ['php', 'artisan', 'queue:work', 'sqs', '--sleep=3', '--tries=3', '--max-time=3600'],
      ports: [],
      cpu: '500m',
      memory: '512Mi',
      env: [
        { name: 'APP_ENV', value: 'production' },
        { name: 'LOG_CHANNEL', value: 'stderr' },
        { name: 'AWS_DEFAULT_REGION', value: 'eu-west-1' },
        { name: 'SQS_PREFIX', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012' },
        { name: 'SQS_QUEUE', value: 'thumbnail-jobs' },
        { name: 'APP_SECRETS_ID', value: 'prod/thumbnailer/app' },
      ],
      readiness: null,
      liveness: null,
    })],
    serviceAccountName: 'thumbnailer',
  };
  const crash = crashLoop({ exitCode: 1, finishedAgo: 1.4, ranSeconds: 3 }, 17);
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 4,
    revisions: [
      { revision: 13, createdAgo: 30 * DAYS, changeCause: 'argocd: thumbnailer 1.22.2', template: { ...tpl, containers: [{ ...tpl.containers[0], image: `${ECR}/media/thumbnailer:1.22.2` } as k8s.V1Container] } },
      { revision: 14, createdAgo: 9 * DAYS, changeCause: 'argocd: thumbnailer 1.22.3', template: tpl },
    ],
    settled: { available: false, availableSince: 74, progressingSince: 9 * DAYS },
    pods: [
      { revision: 14, node: oldNames[0] ?? '', createdAgo: 9 * DAYS, containers: { worker: running({ sinceAgo: 2 * DAYS, restarts: 1, last: { exitCode: 1, finishedAgo: 2 * DAYS + 0.1, ranSeconds: 3600 * 30 } }) } },
      { revision: 14, node: oldNames[1] ?? '', createdAgo: 9 * DAYS - 1 },
      { revision: 14, node: newNames[0] ?? '', createdAgo: 75, containers: { worker: crash } },
      { revision: 14, node: newNames[1] ?? '', createdAgo: 74.5, containers: { worker: crash } },
    ],
  });
  // Another team's API on the new nodes, with IRSA (web identity): it does not need the node's metadata service.
  const apiImage = `${ECR}/media/media-api:3.4.0`;
  const api = deploymentApp({
    namespace: ns,
    name: 'media-api',
    replicas: 2,
    revisions: [{ revision: 22, createdAgo: 5 * DAYS, changeCause: 'argocd: media-api 3.4.0', template: { containers: [container({ image: apiImage, env: [{ name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::123456789012:role/media-api' }, { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' }, { name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' }] })], serviceAccountName: 'media-api' } }],
    pods: [{ revision: 22, node: newNames[0] ?? '', createdAgo: 75.5 }, { revision: 22, node: oldNames[1] ?? '', createdAgo: 5 * DAYS }],
    settled: { available: true, availableSince: 74, progressingSince: 5 * DAYS },
  });
  const crashing = [podOf(app, 2), podOf(app, 3)];
  const laravelTime = (m: number) => at(m).slice(0, 19).replace('T', ' ');
  const imdsError = 'Error retrieving credentials from the instance profile metadata service. (cURL error 28: Operation timed out after 1001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for http://169.254.169.254/latest/api/token)';
  const crashRun = (m: number) => lines(
    `[${laravelTime(m)}] production.ERROR: ${imdsError} {"exception":"[object] (Aws\\\\Exception\\\\CredentialsException(code: 0): ${imdsError} at /var/www/html/vendor/aws/aws-sdk-php/src/Credentials/InstanceProfileProvider.php:264)`,
    '[stacktrace]',
    '#0 /var/www/html/vendor/guzzlehttp/promises/src/Promise.php(209): Aws\\Credentials\\InstanceProfileProvider->Aws\\Credentials\\{closure}(Object(GuzzleHttp\\Exception\\ConnectException))',
    '#1 /var/www/html/vendor/guzzlehttp/promises/src/Promise.php(158): GuzzleHttp\\Promise\\Promise::callHandler(2, Object(GuzzleHttp\\Exception\\ConnectException), NULL)',
    '#2 /var/www/html/vendor/aws/aws-sdk-php/src/SecretsManager/SecretsManagerClient.php(170): Aws\\AwsClient->execute(Object(Aws\\Command))',
    '#3 /var/www/html/app/Providers/SecretsServiceProvider.php(31): Aws\\SecretsManager\\SecretsManagerClient->getSecretValue(Array)',
    '#4 /var/www/html/vendor/laravel/framework/src/Illuminate/Foundation/Application.php(1059): App\\Providers\\SecretsServiceProvider->boot()',
    '#5 /var/www/html/artisan(13): Illuminate\\Foundation\\Application->handleCommand(Object(Symfony\\Component\\Console\\Input\\ArgvInput))',
    '#6 {main}',
    '"}',
    '',
    '   Aws\\Exception\\CredentialsException ',
    '',
    `  ${imdsError}`,
    '',
    '  at vendor/aws/aws-sdk-php/src/Credentials/InstanceProfileProvider.php:264',
  );
  const workerLogs = lines(
    `  ${laravelTime(2.2)} App\\Jobs\\GenerateThumbnail ........................ RUNNING`,
    `  ${laravelTime(2.2)} App\\Jobs\\GenerateThumbnail ................... 412.31ms DONE`,
    `  ${laravelTime(0.9)} App\\Jobs\\GenerateThumbnail ........................ RUNNING`,
    `  ${laravelTime(0.9)} App\\Jobs\\GenerateThumbnail ................... 388.02ms DONE`,
  );
  return {
    id: 'heldout26-imds-hop-limit-new-node-group',
    class: 'nodes',
    truth: 'The platform team rolled out a new managed node group, general-v2 (nodes registered 95 minutes ago), whose launch template sets the instance-metadata PUT response hop limit to 1 with IMDSv2 required. 75 minutes ago a general node was drained and removed, and two thumbnailer pods were rescheduled onto general-v2. thumbnailer uses the node\'s instance-profile role (no IRSA); from a pod (one extra hop) the IMDSv2 token request to 169.254.169.254 never gets an answer, so Laravel\'s boot-time Secrets Manager call fails with CredentialsException (cURL error 28 ... for http://169.254.169.254/latest/api/token) and the pods crash-loop with exit 1. The two pods on the old general nodes work; media-api on general-v2 is fine because it uses IRSA. No change to thumbnailer (revision 14 is 9 days old). Fix: set the hop limit to 2 in the general-v2 launch template (or move thumbnailer to IRSA).',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'media-api', selector: { app: 'media-api' }, pods: api.pods }),
      nodeEvent(gone, 'NodeNotSchedulable', `Node ${gone} status is now: NodeNotSchedulable`, { firstAgo: 77 }),
      nodeEvent(gone, 'RemovingNode', `Node ${gone} event: Removing Node ${gone} from Controller`, { firstAgo: 71, component: 'node-controller' }),
      ...newNames.flatMap((n) => [
        nodeEvent(n, 'Starting', 'Starting kubelet.', { firstAgo: 96 }),
        nodeEvent(n, 'RegisteredNode', `Node ${n} event: Registered Node ${n} in Controller`, { firstAgo: 95.8, component: 'node-controller' }),
        nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 95 }),
      ]),
      ...crashing.flatMap((p, i) => [
        createdPod(replicaSetOf(app, 14), p, 75 - i * 0.5),
        scheduled(p, 75 - i * 0.5),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: 74.9 - i * 0.5, lastAgo: 74.9 - i * 0.5, fieldPath: 'spec.containers{worker}' }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in 6.204s (6.204s including waiting). Image size: 187331202 bytes.`, firstAgo: 74.8 - i * 0.5, lastAgo: 74.8 - i * 0.5, fieldPath: 'spec.containers{worker}' }),
        ...restartedAgain(p, 'worker', image, { count: 17, firstAgo: 74.8 - i * 0.5, lastAgo: 1.5 }).filter((e) => e.reason !== 'Pulled'),
        backOff(p, 'worker', { count: 322, firstAgo: 74, lastAgo: 0.2 }),
      ]),
    ],
    logs: [
      ...crashing.map((p) => logsFor(p, 'worker', { previous: crashRun(1.45), current: '' })),
      logsFor(podOf(app, 0), 'worker', { current: workerLogs }),
      logsFor(podOf(app, 1), 'worker', { current: workerLogs }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/general-v2|node ?group|new nodes|10-0-8[01]-/i, /169\.254\.169\.254|IMDS|metadata|credential/i],
      facts: [/hop ?limit|HttpPutResponseHopLimit|IMDSv2|launch template|instance metadata/i, /CredentialsException|credentials|api\/token/i, /\bgeneral\b(?!-)|old (node ?group|nodes)|other nodes|10-0-6[45]-/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /NetworkPolicy[^\n]*(block|den)/i, /media-api/, /secret[^\n]*(not found|missing|deleted)/i],
    },
  };
}

// ---- 6. bookworm / OpenSSL 3 refuses a partner's TLS 1.0 server -------------------------------------

function opensslRefusesLegacyTls(): CorpusScenario {
  const ns = 'logistics';
  const { nodes, names } = threeEksNodes('10.0.120', ['5', '97', '161']);
  const image = (v: string) => `${ECR}/logistics/carrier-gateway:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), args: ['uvicorn', 'carrier_gateway.main:app', '--host', '0.0.0.0', '--port', '8000', '--workers', '4'], ports: [8000], cpu: '500m', memory: '768Mi', readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'carrier-gateway',
    replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 9 * DAYS, changeCause: 'argocd: carrier-gateway 2.7.4', template: tpl('2.7.4') },
      { revision: 34, createdAgo: 128, changeCause: 'argocd: carrier-gateway 2.8.0', template: tpl('2.8.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 34, node: names[k] ?? '', createdAgo: 127 - k * 1.2 })),
  });
  const other = bystander(ns, 'tracking-api', names, 30, LOOK);
  const partner = 'edi.nordfracht-logistik.de';
  const sslErr = (m: number, shp: string) => lines(
    `${pyTime(m)} ERROR carrier_gateway.carriers.nordfracht booking failed shipment=${shp} carrier=nordfracht`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/urllib3/connectionpool.py", line 466, in _make_request',
    '    self._validate_conn(conn)',
    '  File "/usr/local/lib/python3.12/site-packages/urllib3/connection.py", line 741, in connect',
    '    sock_and_verified = _ssl_wrap_socket_and_match_hostname(',
    '  File "/usr/local/lib/python3.12/ssl.py", line 1372, in do_handshake',
    '    self._sslobj.do_handshake()',
    'ssl.SSLError: [SSL: UNSUPPORTED_PROTOCOL] unsupported protocol (_ssl.c:1000)',
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    'Traceback (most recent call last):',
    '  File "/app/carrier_gateway/carriers/nordfracht.py", line 88, in book',
    '    resp = self.session.post(f"{self.base_url}/edi/v1/bookings", data=payload, timeout=15)',
    '  File "/usr/local/lib/python3.12/site-packages/requests/adapters.py", line 698, in send',
    '    raise SSLError(e, request=request)',
    `requests.exceptions.SSLError: HTTPSConnectionPool(host='${partner}', port=443): Max retries exceeded with url: /edi/v1/bookings (Caused by SSLError(SSLError(1, '[SSL: UNSUPPORTED_PROTOCOL] unsupported protocol (_ssl.c:1000)')))`,
    `INFO:     10.0.44.18:0 - "POST /v1/shipments/${shp}/book HTTP/1.1" 502 Bad Gateway`,
  );
  const ok = (m: number, carrier: string, shp: string) => lines(
    `${pyTime(m)} INFO carrier_gateway.carriers.${carrier} booked shipment=${shp} carrier=${carrier} duration_ms=${180 + shp.length * 7}`,
    `INFO:     10.0.44.18:0 - "POST /v1/shipments/${shp}/book HTTP/1.1" 201 Created`,
  );
  const podLogs = (k: number, started: number) =>
    lines(
      `${pyTime(started)} INFO carrier_gateway.main starting carrier-gateway 2.8.0 (python 3.12.7, OpenSSL 3.0.15 3 Sep 2024)`,
      `${pyTime(started - 0.01)} INFO carrier_gateway.main carriers enabled: dhl, ups, dpd, nordfracht`,
      `INFO:     Application startup complete.`,
    ) +
    ok(3.2, 'dhl', `SHP-7781${k}2`) + sslErr(2.9, `SHP-7781${k}5`) + ok(2.1, 'dpd', `SHP-7782${k}0`) + ok(1.6, 'ups', `SHP-7782${k}4`) + sslErr(1.1, `SHP-7782${k}9`) +
    lines(`INFO:     10.0.9.3:0 - "GET /healthz HTTP/1.1" 200 OK`) + ok(0.4, 'dhl', `SHP-7783${k}1`);
  return {
    id: 'heldout26-openssl3-image-refuses-partner-tls10',
    class: 'network',
    truth: 'carrier-gateway revision 34 (2.8.0, rolled out 128 minutes ago) moved to a Python 3.12 / Debian bookworm base image with OpenSSL 3, whose default security level refuses TLS 1.0. The Nordfracht partner\'s EDI server edi.nordfracht-logistik.de only speaks TLS 1.0, so every booking for that carrier fails with "[SSL: UNSUPPORTED_PROTOCOL] unsupported protocol" and the API answers 502; bookings for DHL, UPS and DPD work, and pods are Running and Ready with no restarts. Trigger: the revision 34 image. Fix: roll back to revision 33 (2.7.4) or allow TLS 1.0 for that one client (an SSLContext with minimum_version TLSv1 and SECLEVEL=0) until the partner upgrades.',
    ask: { service: 'carrier-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'carrier-gateway', selector: { app: 'carrier-gateway' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'tracking-api', selector: { app: 'tracking-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 1, 0, 128),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 33), 2, 3, 126.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 3, 1, 126.4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 33), 0, 2, 125),
      ...app.pods.flatMap((p, k) => startedAt(p, 'app', image('2.8.0'), 127 - k * 1.2)),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 19), 2, 0, 30),
      event({ on: podOf(other, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(other, 0).status?.podIP ?? ''}:8080/ready": dial tcp ${podOf(other, 0).status?.podIP ?? ''}:8080: connect: connection refused`, count: 2, firstAgo: 29.8, lastAgo: 29.6, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: podLogs(k, 126.9 - k * 1.2) })),
    expect: {
      verdict: 'problems',
      headline: [/unsupported protocol|TLS ?(v?1\.0|1\.[01])|legacy TLS|TLS version|protocol version|OpenSSL ?3/i, /nordfracht/i],
      facts: [/revision 34|2\.8\.0/, /OpenSSL ?3|bookworm|base image|python ?3\.12|SECLEVEL|TLS ?(v?1\.0)|minimum_version/i, /nordfracht/i],
      never: [/\bOOM/, /crash ?loop/i, /CERTIFICATE_VERIFY_FAILED|certificate (has )?expired|(root )?CA (bundle |certificate )?(is )?missing/i, /DNS[^\n]*(fail|resolv)/i, /NetworkPolicy/, /tracking-api/],
    },
  };
}

// ---- 7. healthy control: a Karpenter drift replacement drained a node under a PDB ---------------------

function healthyKarpenterDrainWithPdb(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.150', ['23', '109', '184']);
  const drained = eksNodeName('10.0.150.61');
  const replacement = eksNodeName('10.0.150.212');
  const fresh = node({ name: replacement, zone: 'eu-west-1c', instanceType: 'm7i.xlarge', createdAgo: 18.5, readySince: 17.8, labels: { 'karpenter.sh/nodepool': 'default', 'karpenter.sh/capacity-type': 'on-demand', 'karpenter.sh/registered': 'true', 'karpenter.sh/initialized': 'true' } });
  const image = `${ECR}/search/query-api:6.4.2`;
  const tpl = { containers: [container({ image, ports: [8080], cpu: '1', memory: '2Gi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }], readiness: httpProbe('/actuator/health/readiness', 8080, { initialDelaySeconds: 20 }), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })], terminationGracePeriodSeconds: 45 };
  const app = deploymentApp({
    namespace: ns,
    name: 'query-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 87, createdAgo: 16 * DAYS, changeCause: 'argocd: query-api 6.4.1', template: { ...tpl, containers: [{ ...tpl.containers[0], image: `${ECR}/search/query-api:6.4.1` } as k8s.V1Container] } },
      { revision: 88, createdAgo: 6 * DAYS, changeCause: 'argocd: query-api 6.4.2', template: tpl },
    ],
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS },
    pods: [
      { revision: 88, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 88, node: replacement, createdAgo: 15.6 },
      { revision: 88, node: names[1] ?? '', createdAgo: 13.2 },
    ],
  });
  // The two pods Karpenter evicted from the drifted node: gone, but their events remain.
  const hash = rsOf(app, 88);
  const evictedA = { kind: 'Pod', name: `${hash}-kq7tz`, namespace: ns };
  const evictedB = { kind: 'Pod', name: `${hash}-w5dxh`, namespace: ns };
  const other = bystander(ns, 'indexer', names, 3 * DAYS, LOOK);
  const [podA, podB] = [podOf(app, 1), podOf(app, 2)];
  const karpenter = { component: 'karpenter' };
  const springLogs = (m: number) => lines(
    `${at(m).replace('T', ' ').replace('Z', '')}  INFO 1 --- [query-api] [           main] c.a.search.QueryApiApplication           : Started QueryApiApplication in 21.87 seconds (process running for 23.4)`,
    `${at(m - 0.1).replace('T', ' ').replace('Z', '')}  INFO 1 --- [query-api] [nio-8080-exec-1] o.s.web.servlet.DispatcherServlet        : Completed initialization in 2 ms`,
    `${at(1).replace('T', ' ').replace('Z', '')}  INFO 1 --- [query-api] [nio-8080-exec-7] c.a.search.web.QueryController           : q="running shoes" hits=1284 took=23ms`,
  );
  return {
    id: 'heldout26-healthy-karpenter-drain-pdb',
    class: 'healthy',
    truth: 'Healthy. Karpenter replaced a drifted node (ip-10-0-150-61) 16 minutes ago. The two query-api pods on it were evicted one at a time: the PodDisruptionBudget (minAvailable 2) held the second eviction until the first pod\'s replacement was Ready, which is what the budget is for. Both replacements started and became Ready (one failed its readiness probe twice while the JVM warmed up); the drifted node was removed. All 3 replicas of revision 88 (6 days old) are Ready. Nothing to do.',
    ask: { service: 'query-api', namespace: ns },
    objects: [
      ...nodes, fresh, ...app.objects, ...other.objects,
      nodeEvent(replacement, 'Starting', 'Starting kubelet.', { firstAgo: 18.2 }),
      nodeEvent(replacement, 'RegisteredNode', `Node ${replacement} event: Registered Node ${replacement} in Controller`, { firstAgo: 18, component: 'node-controller' }),
      nodeEvent(replacement, 'NodeReady', `Node ${replacement} status is now: NodeReady`, { firstAgo: 17.8 }),
      ...exposed({ namespace: ns, name: 'query-api', selector: { app: 'query-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'indexer', selector: { app: 'indexer' }, pods: other.pods }),
      nodeEvent(drained, 'DisruptionBlocked', 'Pdb prevents pod evictions (PodDisruptionBudget=search/query-api)', { firstAgo: 24, ...karpenter }),
      nodeEvent(drained, 'DisruptionTerminating', 'Disrupting Node: Drifted/Replace', { firstAgo: 16.2, ...karpenter }),
      nodeEvent(drained, 'FailedDraining', 'Failed to drain node, 4 pods are waiting to be evicted', { type: 'Warning', firstAgo: 16.1, ...karpenter }),
      event({ on: { kind: 'Node', name: evictedB.name, namespace: ns }, reason: 'FailedDraining', message: `Failed to drain node, evicting pod ${ns}/${evictedB.name} violates a PDB`, count: 7, firstAgo: 15.9, lastAgo: 13.4, ...karpenter }),
      nodeEvent(drained, 'InstanceTerminating', 'Instance is terminating', { type: 'Warning', firstAgo: 12.1, ...karpenter }),
      nodeEvent(drained, 'RemovingNode', `Node ${drained} event: Removing Node ${drained} from Controller`, { firstAgo: 11.2, component: 'node-controller' }),
      event({ on: evictedA, type: 'Normal', reason: 'Evicted', message: 'Evicted pod: Drifted', firstAgo: 15.9, lastAgo: 15.9, ...karpenter }),
      event({ on: evictedA, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 15.9, lastAgo: 15.9, fieldPath: 'spec.containers{app}' }),
      event({ on: evictedB, type: 'Normal', reason: 'Evicted', message: 'Evicted pod: Drifted', firstAgo: 13.3, lastAgo: 13.3, ...karpenter }),
      event({ on: evictedB, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 13.3, lastAgo: 13.3, fieldPath: 'spec.containers{app}' }),
      createdPod(replicaSetOf(app, 88), podA, 15.6),
      ...startedNormally(podA, 'app', image, 15.6),
      probeFailed(podA, 'app', 'Readiness', `Get "http://${podA.status?.podIP ?? ''}:8080/actuator/health/readiness": dial tcp ${podA.status?.podIP ?? ''}:8080: connect: connection refused`, { count: 2, firstAgo: 15.3, lastAgo: 15.1 }),
      createdPod(replicaSetOf(app, 88), podB, 13.2),
      ...startedNormally(podB, 'app', image, 13.2),
    ],
    logs: [
      logsFor(podA, 'app', { current: springLogs(15.2) }),
      logsFor(podB, 'app', { current: springLogs(12.8) }),
      logsFor(podOf(app, 0), 'app', { current: lines(`${at(0.7).replace('T', ' ').replace('Z', '')}  INFO 1 --- [query-api] [nio-8080-exec-3] c.a.search.web.QueryController           : q="winter jacket" hits=872 took=19ms`) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?|action)|all (3 )?(replicas|pods)[^\n]*(ready|running|available)|3\/3|running normally/i],
      facts: [/3\/3|3 of 3|all 3|3 (replicas|pods)[^\n]*ready/i],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK, /\bevict(ed|ion)\b[^\n]*(memory|disk|pressure)/i, /indexer/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  kafkaLeftoverClaimClusterId(),
  ephemeralPortExhaustion(),
  envFromConfigMapTooBig(),
  calicoCniUnauthorized(),
  imdsHopLimitNewNodeGroup(),
  opensslRefusesLegacyTls(),
  healthyKarpenterDrainWithPdb(),
];
