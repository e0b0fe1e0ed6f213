// Held-out stories, forty-eighth round, part two: a MongoDB member whose claim was restored from a
// snapshot of the legacy VM's XFS volume into an ext4 CSI volume, so MountDevice fails with "wrong
// fs type"; Pulsar producers blocked by the backlog quota because the analytics sink that drains a
// subscription was scaled to 0 a week ago; a shared Kafka library upgrade that turned on zstd
// against Kafka 2.0 brokers; a producer's new JSON field that a strict Jackson consumer rejects; a
// new node group whose resolv.conf carries so many search domains that the kubelet drops the one a
// short name relies on; a JDK 11 → 17 base image whose CLDR data abbreviates September as "Sept"
// for en_GB; and a healthy control: an HPA scale-up whose pods waited for the cluster autoscaler.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, deploymentApp, event, exposed, failedScheduling,
  hpa, httpProbe, nameOf, node, nodeEvent, pvc, pv, rsOf, running, scaledReplicaSet, scheduled, statefulSetApp, tcpProbe,
  execProbe, waiting, volumeOf, boundClaim, createdPod, replicaSetOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Logback's default time: `2026-11-21 03:12:41.563`. */
const logbackTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');

// ---- 1. a claim restored from an XFS snapshot into an ext4 CSI volume -----------------------------

function xfsSnapshotIntoExt4Volume(): CorpusScenario {
  const ns = 'profiles';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '141', '220']);
  const image = 'docker.io/library/mongo:7.0.14';
  const tpl = {
    containers: [container({
      name: 'mongod', image, command: ['mongod'], args: ['--replSet', 'rs0', '--bind_ip_all', '--wiredTigerCacheSizeGB', '2', '--dbpath', '/data/db'],
      ports: [{ name: 'mongo', containerPort: 27017 }], cpu: '1', memory: '6Gi',
      readiness: execProbe(['mongosh', '--quiet', '--eval', 'db.adminCommand({ ping: 1 }).ok'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: tcpProbe('mongo', { initialDelaySeconds: 30, periodSeconds: 20 }),
      volumeMounts: [{ name: 'data', mountPath: '/data/db' }],
    })],
    securityContext: { fsGroup: 999, runAsUser: 999 },
    terminationGracePeriodSeconds: 60,
  };
  const sts = statefulSetApp({
    namespace: ns,
    name: 'profiles-mongo',
    replicas: 3,
    serviceName: 'profiles-mongo-headless',
    createdAgo: 120 * DAYS,
    revisions: [{ revision: 4, createdAgo: 33 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 33 * DAYS },
      { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 33 * DAYS - 4 },
      { revision: 4, ordinal: 2, node: names[2] ?? '', createdAgo: 46, containers: { mongod: waiting('ContainerCreating') } },
    ],
  });
  const [c0, v0] = boundClaim({ namespace: ns, name: 'data-profiles-mongo-0', storage: '200Gi', zone: 'eu-west-1a', createdAgo: 120 * DAYS });
  const [c1, v1] = boundClaim({ namespace: ns, name: 'data-profiles-mongo-1', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 120 * DAYS });
  // The restored claim: re-created from a VolumeSnapshot of the legacy EC2 mongod's data volume (XFS).
  const restoredName = volumeOf(ns, 'data-profiles-mongo-2');
  const restored = pvc({
    namespace: ns, name: 'data-profiles-mongo-2', storage: '200Gi', phase: 'Bound', volumeName: restoredName, createdAgo: 49,
    labels: { app: 'profiles-mongo' },
    annotations: { 'volume.beta.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com', 'restore.acme.io/source': 'legacy-mongo-03 /dev/xvdf (vol-0a81c3f2e97d14b55) snapshot snap-06d2f1a9c4be7e310' },
  });
  (restored.spec as k8s.V1PersistentVolumeClaimSpec).dataSource = { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'legacy-mongo-03-data-20261120' };
  (restored.spec as k8s.V1PersistentVolumeClaimSpec).dataSourceRef = { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'legacy-mongo-03-data-20261120' };
  const restoredPv = pv({ name: restoredName, storage: '200Gi', zone: 'eu-west-1c', claim: { namespace: ns, name: 'data-profiles-mongo-2' }, createdAgo: 48.5 });
  const stuck = podOf(sts, 2);
  const api = deploymentApp({
    namespace: ns,
    name: 'profiles-api',
    replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 12 * DAYS, template: { containers: [container({ image: `${ECR}/profiles/profiles-api:3.4.0`, env: [{ name: 'MONGO_URI', value: 'mongodb://profiles-mongo-0.profiles-mongo-headless,profiles-mongo-1.profiles-mongo-headless,profiles-mongo-2.profiles-mongo-headless/profiles?replicaSet=rs0' }], readiness: httpProbe('/health/ready', 8080) })] } },
      { revision: 18, createdAgo: 95, changeCause: 'argocd: profiles-api 3.4.1', template: { containers: [container({ image: `${ECR}/profiles/profiles-api:3.4.1`, env: [{ name: 'MONGO_URI', value: 'mongodb://profiles-mongo-0.profiles-mongo-headless,profiles-mongo-1.profiles-mongo-headless,profiles-mongo-2.profiles-mongo-headless/profiles?replicaSet=rs0' }], readiness: httpProbe('/health/ready', 8080) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 94 - k })),
  });
  const dev = '/dev/nvme2n1';
  const globalmount = `/var/lib/kubelet/plugins/kubernetes.io/csi/ebs.csi.aws.com/3f6c0d2a9be17d4e58a0c9f1b2e3d4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0/globalmount`;
  const mountErr = `MountVolume.MountDevice failed for volume "${restoredName}" : rpc error: code = Internal desc = could not format "${dev}" and mount it at "${globalmount}": mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t ext4 -o defaults ${dev} ${globalmount}\nOutput: mount: ${globalmount}: wrong fs type, bad option, bad superblock on ${dev}, missing codepage or helper program, or other error.\n       dmesg(1) may have more information after failed mount system call.\n`;
  const mongoLog = (p: number) => lines(
    `{"t":{"$date":"${at(30)}"},"s":"I",  "c":"REPL_HB",  "id":23974,   "ctx":"ReplCoord-${p}","msg":"Heartbeat failed after max retries","attr":{"target":"profiles-mongo-2.profiles-mongo-headless:27017","maxHeartbeatRetries":2,"error":{"code":6,"codeName":"HostUnreachable","errmsg":"Error connecting to profiles-mongo-2.profiles-mongo-headless:27017 :: caused by :: Could not find address for profiles-mongo-2.profiles-mongo-headless:27017: SocketException: Host not found (authoritative)"}}}`,
    `{"t":{"$date":"${at(2)}"},"s":"I",  "c":"NETWORK",  "id":22943,   "ctx":"listener","msg":"Connection accepted","attr":{"remote":"10.0.96.77:51324","connectionId":88121,"connectionCount":41}}`,
    `{"t":{"$date":"${at(0.6)}"},"s":"I",  "c":"WTCHKPT",  "id":22430,   "ctx":"Checkpointer","msg":"WiredTiger message","attr":{"message":{"ts_sec":1763694789,"ts_usec":221310,"thread":"1:0x7f3a2c1fe640","session_name":"WT_SESSION.checkpoint","category":"WT_VERB_CHECKPOINT_PROGRESS","category_id":6,"verbose_level":"DEBUG_1","verbose_level_id":1,"msg":"saving checkpoint snapshot min: 4412, snapshot max: 4412 snapshot count: 0, oldest timestamp: (1763694489, 1) , meta checkpoint timestamp: (1763694789, 1) base write gen: 88213"}}}`,
  );
  return {
    id: 'heldout48-mongo-xfs-snapshot-restored-into-ext4-volume',
    class: 'storage',
    truth: 'To seed the third replica-set member with the legacy data, the data team deleted data-profiles-mongo-2 about 50 minutes ago and re-created it from a VolumeSnapshot of the legacy EC2 mongod\'s data volume (legacy-mongo-03), which was formatted XFS. The new PV comes from the gp3 StorageClass, whose CSI fsType is ext4, so the EBS CSI node plugin finds an existing XFS filesystem, does not format it, and runs `mount -t ext4`, which fails with "wrong fs type, bad option, bad superblock" (MountVolume.MountDevice failed). profiles-mongo-2 has sat in ContainerCreating for 46 minutes; members 0 and 1 are fine and the replica set runs on two members. profiles-api\'s rollout is unrelated. Fix: restore into a PV/StorageClass with csi.fsType xfs (or copy the data onto an ext4 volume), not reformat the volume.',
    ask: { service: 'profiles-mongo', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...api.objects, c0, v0, c1, v1, restored, restoredPv,
      ...exposed({ namespace: ns, name: 'profiles-mongo-headless', selector: { app: 'profiles-mongo' }, pods: sts.pods, endpointPort: 27017 }),
      ...exposed({ namespace: ns, name: 'profiles-api', selector: { app: 'profiles-api' }, pods: api.pods }),
      event({ on: { kind: 'StatefulSet', name: 'profiles-mongo', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod profiles-mongo-2 in StatefulSet profiles-mongo successful`, firstAgo: 46, lastAgo: 46, component: 'statefulset-controller' }),
      event({ on: restored, type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${ns}/data-profiles-mongo-2"`, firstAgo: 49, lastAgo: 49, component: 'ebs.csi.aws.com_ebs-csi-controller-6d9f7c8b5-x2kqp_5e1f0a7c-3b1d-4d1e-9a3c-7f2e0b9c4d11' }),
      event({ on: restored, type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${restoredName}`, firstAgo: 48.5, lastAgo: 48.5, component: 'ebs.csi.aws.com_ebs-csi-controller-6d9f7c8b5-x2kqp_5e1f0a7c-3b1d-4d1e-9a3c-7f2e0b9c4d11' }),
      scheduled(stuck, 46),
      event({ on: stuck, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${restoredName}" `, firstAgo: 45.6, lastAgo: 45.6, component: 'attachdetach-controller' }),
      event({ on: stuck, reason: 'FailedMount', message: mountErr, count: 31, firstAgo: 45.4, lastAgo: 0.9 }),
      event({ on: stuck, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition', count: 20, firstAgo: 43.9, lastAgo: 1.8 }),
    ],
    logs: [
      logsFor(podOf(sts, 0), 'mongod', { current: mongoLog(0) }),
      logsFor(podOf(sts, 1), 'mongod', { current: mongoLog(1) }),
      ...api.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","time":"${at(1)}","msg":"GET /v2/profiles/8812034","status":200,"ms":9}`, `{"level":"warn","time":"${at(0.5)}","msg":"mongo topology: server profiles-mongo-2.profiles-mongo-headless:27017 unknown","err":"server selection: no such host"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/xfs|wrong fs type|fs ?type|file ?system type|superblock/i, /data-profiles-mongo-2|profiles-mongo-2|snapshot|restor/i],
      facts: [/ext4/i, /snapshot|restor/i, /MountDevice|FailedMount|ContainerCreating/i],
      never: [ADVISES_ROLLBACK, /profiles-api[^\n]*(caus|broke|roll)/i, /\bOOM/, /profiles-mongo-[01][^\n]*(fail|broken|stuck)/i],
    },
  };
}

// ---- 2. Pulsar backlog quota: the analytics sink was scaled to 0 a week ago --------------------------

function pulsarBacklogQuotaSinkScaledToZero(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.40', ['23', '119', '208']);
  const pulsarUrl = 'pulsar+ssl://pulsar-prod.messaging.acme.internal:6651';
  const topic = 'persistent://acme/orders/order-events';
  const pubImage = (v: string) => `${ECR}/orders/order-events-publisher:${v}`;
  const pubTpl = (v: string) => ({
    containers: [container({
      image: pubImage(v), memory: '1Gi', cpu: '500m',
      env: [{ name: 'PULSAR_SERVICE_URL', value: pulsarUrl }, { name: 'PULSAR_TOPIC', value: topic }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const publisher = deploymentApp({
    namespace: ns,
    name: 'order-events-publisher',
    replicas: 3,
    revisions: [{ revision: 22, createdAgo: 19 * DAYS, changeCause: 'argocd: order-events-publisher 1.19.2', template: pubTpl('1.19.2') }],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 19 * DAYS - k, ready: false, containers: { app: running({ sinceAgo: 19 * DAYS - k, ready: false }) } })),
    settled: { available: false, availableSince: 38, progressingSince: 19 * DAYS },
  });
  const sinkImage = `${ECR}/analytics/order-analytics-sink:0.14.3`;
  const sink = deploymentApp({
    namespace: ns,
    name: 'order-analytics-sink',
    replicas: 0,
    revisions: [{ revision: 9, createdAgo: 41 * DAYS, changeCause: 'argocd: order-analytics-sink 0.14.3', template: { containers: [container({ image: sinkImage, memory: '768Mi', env: [{ name: 'PULSAR_SERVICE_URL', value: pulsarUrl }, { name: 'PULSAR_TOPIC', value: topic }, { name: 'PULSAR_SUBSCRIPTION', value: 'analytics-warehouse' }, { name: 'PULSAR_SUBSCRIPTION_TYPE', value: 'Shared' }, { name: 'WAREHOUSE_DSN', value: 'snowflake://acme-eu.snowflakecomputing.com/ANALYTICS/RAW' }] })] } }],
    pods: [],
    settled: { available: true, availableSince: 7 * DAYS + 3 * HOURS, progressingSince: 41 * DAYS },
  });
  const dep = deploymentOf(sink);
  dep.metadata = { ...dep.metadata, annotations: { ...dep.metadata?.annotations, 'ops.acme.io/note': 'scaled to 0 by m.okafor during the warehouse cutover (CHG-40913), 2026-11-14' } };
  const other = bystander(ns, 'order-status-api', names, 70, { revisions: [40, 41], versions: ['5.2.0', '5.2.1'], olderAgo: 9 * DAYS });
  const exc = `org.apache.pulsar.client.api.PulsarClientException$ProducerBlockedQuotaExceededException: {"errorMsg":"Cannot create producer on topic with backlog quota exceeded","reqId":8842119021, "remote":"pulsar-prod.messaging.acme.internal/10.20.4.17:6651", "local":"/10.0.40.61:48812"}`;
  const pubLog = (k: number) => {
    const out: string[] = [
      `${logbackTime(2 * HOURS)} INFO  [order-events-publisher,,] 1 --- [nio-8080-exec-${k + 2}] c.a.o.web.OrderEventsController         : accepted batch of 40 events for ${topic}`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = 38 - i * 4.2 - k * 0.3;
      out.push(
        `${logbackTime(t)} WARN  [order-events-publisher,,] 1 --- [pulsar-client-io-1-1] o.a.pulsar.client.impl.ProducerImpl      : [${topic}] [prod-order-events-${k}] Failed to create producer: {"errorMsg":"Cannot create producer on topic with backlog quota exceeded","reqId":${1200 + i}, "remote":"pulsar-prod.messaging.acme.internal/10.20.4.17:6651", "local":"/10.0.40.6${k}:48812"}`,
        `${logbackTime(t - 0.01)} ERROR [order-events-publisher,,] 1 --- [nio-8080-exec-${(i % 8) + 1}] c.a.o.pulsar.OrderEventPublisher         : publish failed for order ${7710234 + i * 13 + k}, buffering to outbox (outbox size=${4100 + i * 530 + k * 90})`,
        `${exc}`,
        `\tat org.apache.pulsar.client.api.PulsarClientException.unwrap(PulsarClientException.java:1104)`,
        `\tat org.apache.pulsar.client.impl.ProducerBuilderImpl.create(ProducerBuilderImpl.java:94)`,
        `\tat com.acme.orders.pulsar.OrderEventPublisher.producer(OrderEventPublisher.java:61)`,
      );
    }
    out.push(`${logbackTime(0.7)} WARN  [order-events-publisher,,] 1 --- [   scheduling-1] c.a.o.outbox.OutboxMonitor               : outbox backlog 8732 events, oldest 37m; readiness DOWN (threshold 5000)`);
    out.push(`${logbackTime(0.4)} WARN  [order-events-publisher,,] 1 --- [   scheduling-1] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Warning Code: 0, SQLState: 00000`);
    return lines(...out);
  };
  return {
    id: 'heldout48-pulsar-backlog-quota-analytics-sink-at-zero',
    class: 'capacity',
    truth: 'Order events go to the Pulsar topic persistent://acme/orders/order-events, which the namespace\'s backlog quota caps (policy producer_exception). Its subscription analytics-warehouse is drained only by order-analytics-sink, which was scaled to 0 on 2026-11-14 for the warehouse cutover and never scaled back. For a week the subscription\'s backlog grew until, about 38 minutes ago, it reached the quota; since then the broker refuses producers ("Cannot create producer on topic with backlog quota exceeded", ProducerBlockedQuotaExceededException), order-events-publisher buffers into its outbox and its readiness went DOWN. The publisher did not change (19 days). Fix: scale order-analytics-sink back up (or skip/clear the abandoned subscription\'s backlog), not restart or roll back the publisher.',
    ask: { service: 'order-events-publisher', namespace: ns },
    objects: [
      ...nodes, ...publisher.objects, ...sink.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'order-events-publisher', selector: { app: 'order-events-publisher' }, pods: publisher.pods }),
      ...exposed({ namespace: ns, name: 'order-status-api', selector: { app: 'order-status-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 70),
      configMap({ namespace: ns, name: 'order-analytics-sink-config', createdAgo: 41 * DAYS, data: { 'application.yaml': 'pulsar:\n  topic: persistent://acme/orders/order-events\n  subscription: analytics-warehouse\n  subscriptionType: Shared\n  ackTimeout: 60s\nwarehouse:\n  batchSize: 5000\n  flushInterval: 30s\n' } }),
      ...publisher.pods.map((p) => event({ on: p, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 210, firstAgo: 37, lastAgo: 0.2, fieldPath: 'spec.containers{app}' })),
    ],
    logs: publisher.pods.map((p, k) => logsFor(p, 'app', { current: pubLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/backlog|quota|ProducerBlocked/i, /order-analytics-sink|analytics-warehouse|scaled? (to|down to) (0|zero)|no consumer/i],
      facts: [/order-analytics-sink/, /\b0\b|zero/i, /backlog quota|ProducerBlockedQuotaExceeded/i],
      never: [ADVISES_ROLLBACK, /order-status-api/, /\bOOM/, /restart (the )?order-events-publisher/i],
    },
  };
}

// ---- 3. a Kafka library upgrade turned on zstd against Kafka 2.0 brokers ---------------------------

function kafkaZstdAgainstOldBrokers(): CorpusScenario {
  const ns = 'telemetry';
  const { nodes, names } = threeEksNodes('10.0.132', ['9', '88', '177']);
  const image = (v: string) => `${ECR}/telemetry/device-ingest:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), command: ['gunicorn'], args: ['-k', 'uvicorn.workers.UvicornWorker', '-w', '4', '-b', '0.0.0.0:8080', 'ingest.app:app'],
      memory: '768Mi', cpu: '500m',
      env: [{ name: 'KAFKA_BOOTSTRAP', value: 'kafka-legacy-1.int.acme.net:9092,kafka-legacy-2.int.acme.net:9092,kafka-legacy-3.int.acme.net:9092' }, { name: 'KAFKA_TOPIC', value: 'device-readings' }],
      envFrom: [{ configMapRef: { name: 'device-ingest-kafka' } }],
      readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'device-ingest',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 15 * DAYS, changeCause: 'argocd: device-ingest 4.7.2', template: tpl('4.7.2') },
      { revision: 58, createdAgo: 52, changeCause: 'argocd: device-ingest 4.8.0 (acme-events 3.0.1, confluent-kafka 2.6.1)', template: tpl('4.8.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 51 - k })),
    settled: { available: true, availableSince: 48, progressingSince: 52, progressingUpdatedAgo: 48 },
  });
  const other = bystander(ns, 'device-registry', names, 26 * HOURS, { revisions: [12, 13], versions: ['2.0.4', '2.1.0'], olderAgo: 30 * DAYS });
  const ke = 'KafkaError{code=UNSUPPORTED_COMPRESSION_TYPE,val=76,str="Broker: Unsupported compression type"}';
  const podLog = (k: number) => {
    const out: string[] = [
      `[${at(50 - k).replace('T', ' ').slice(0, 19)} +0000] [1] [INFO] Starting gunicorn 23.0.0`,
      `[${at(50 - k).replace('T', ' ').slice(0, 19)} +0000] [1] [INFO] Listening at: http://0.0.0.0:8080 (1)`,
      `{"ts":"${at(49.9 - k)}","level":"INFO","logger":"acme_events.producer","msg":"kafka producer configured","library":"acme-events 3.0.1","librdkafka":"2.6.1","acks":"all","compression.type":"zstd","linger.ms":20,"enable.idempotence":false}`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 49 - i * 4 - k * 0.2;
      out.push(
        `{"ts":"${at(t)}","level":"ERROR","logger":"acme_events.producer","msg":"delivery failed","topic":"device-readings","partition":${(i * 5 + k) % 24},"key":"dev-${48110 + i * 37 + k}","error":"${ke.replace(/"/g, '\\"')}"}`,
      );
      if (i % 4 === 1) out.push(`{"ts":"${at(t - 0.02)}","level":"WARNING","logger":"ingest.app","msg":"dropping readings after delivery failure","batch":${500 + i},"spooled_to":"/tmp/spool","spool_bytes":${1_200_000 * (i + 1)}}`);
    }
    out.push(`{"ts":"${at(0.5)}","level":"INFO","logger":"uvicorn.access","msg":"10.0.132.40:51122 - \\"POST /v1/readings HTTP/1.1\\" 202"}`);
    return lines(...out);
  };
  return {
    id: 'heldout48-kafka-zstd-against-kafka-2-0-brokers',
    class: 'config',
    truth: 'device-ingest 4.8.0 (revision 58, 52 minutes ago) upgraded the shared acme-events library to 3.0.1, whose producer defaults changed to compression.type=zstd. The legacy brokers (kafka-legacy-1..3) still run Kafka 2.0, which predates zstd (added in 2.1, KIP-110), so every produce request is rejected with UNSUPPORTED_COMPRESSION_TYPE ("Broker: Unsupported compression type") and no reading reaches device-readings since the rollout; the HTTP side still answers 202, so pods look healthy. Fix: set compression.type to lz4/snappy (the ConfigMap or library override) or roll back to 4.7.2; device-registry\'s rollout is unrelated.',
    ask: { service: 'device-ingest', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'device-ingest', selector: { app: 'device-ingest' }, pods: app.pods }),
      configMap({ namespace: ns, name: 'device-ingest-kafka', createdAgo: 200 * DAYS, updatedAgo: 90 * DAYS, data: { KAFKA_ACKS: 'all', KAFKA_LINGER_MS: '20', KAFKA_CLIENT_ID: 'device-ingest', KAFKA_BROKER_VERSION_FALLBACK: '2.0.1', KAFKA_CLUSTER: 'kafka-legacy (on-prem, Kafka 2.0.1; MSK migration tracked in PLAT-2291)' } }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 3, 0, 52),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 0, 3, 48),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/zstd|compression|UNSUPPORTED_COMPRESSION_TYPE/i],
      facts: [/4\.8\.0|revision 58|acme-events/i, /2\.0|old(er)? broker|legacy/i, /UNSUPPORTED_COMPRESSION_TYPE|Unsupported compression type/i],
      never: [/device-registry/, /\bOOM/, /crash ?loop/i],
    },
  };
}

// ---- 4. a producer's new JSON field, a strict Jackson consumer ---------------------------------------

function newJsonFieldStrictJacksonConsumer(): CorpusScenario {
  const ns = 'inventory';
  const { nodes, names } = threeEksNodes('10.0.58', ['31', '150', '242']);
  const apiImage = (v: string) => `${ECR}/inventory/inventory-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), memory: '1Gi', env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'b-1.inventory-msk.x7k2qa.c3.kafka.eu-west-1.amazonaws.com:9098' }], readiness: httpProbe('/actuator/health/readiness', 8080) })] });
  const api = deploymentApp({
    namespace: ns,
    name: 'inventory-api',
    replicas: 3,
    revisions: [
      { revision: 64, createdAgo: 6 * DAYS, changeCause: 'argocd: inventory-api 8.2.0', template: apiTpl('8.2.0') },
      { revision: 65, createdAgo: 34, changeCause: 'argocd: inventory-api 8.3.0', template: apiTpl('8.3.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 65, node: names[k] ?? '', createdAgo: 33 - k })),
    settled: { available: true, availableSince: 30, progressingSince: 34, progressingUpdatedAgo: 30 },
  });
  const projImage = `${ECR}/inventory/inventory-projector:2.11.4`;
  const projector = deploymentApp({
    namespace: ns,
    name: 'inventory-projector',
    replicas: 2,
    revisions: [{ revision: 23, createdAgo: 23 * DAYS, changeCause: 'argocd: inventory-projector 2.11.4', template: { containers: [container({ image: projImage, memory: '768Mi', env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'PROJECTOR_TOPIC', value: 'inventory.stock-events.v1' }, { name: 'PROJECTOR_DLT', value: 'inventory.stock-events.v1.DLT' }], readiness: httpProbe('/actuator/health/readiness', 8080) })] } }],
    pods: [0, 1].map((k) => ({ revision: 23, node: names[k + 1] ?? '', createdAgo: 23 * DAYS - k })),
  });
  const known = '"eventId", "sku", "warehouseId", "quantity", "orderId", "reservedAt"';
  const projLog = (k: number) => {
    const out: string[] = [
      `${logbackTime(3 * HOURS)} INFO 1 --- [inventory-projector] [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : inventory-projector: partitions assigned: [inventory.stock-events.v1-${k * 6}, inventory.stock-events.v1-${k * 6 + 1}, inventory.stock-events.v1-${k * 6 + 2}]`,
      `${logbackTime(40)} INFO 1 --- [inventory-projector] [ntainer#0-0-C-1] c.a.i.projector.StockProjection          : projected StockReserved sku=SKU-4471-BLU warehouse=DUB-2 qty=2 lag=0`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 31 - i * 3 - k * 0.4;
      const sku = `SKU-${3300 + i * 71 + k}`;
      out.push(
        `${logbackTime(t)} ERROR 1 --- [inventory-projector] [ntainer#0-0-C-1] o.s.k.l.DefaultErrorHandler              : Backoff FixedBackOff{interval=1000, currentAttempts=3, maxAttempts=2} exhausted for inventory.stock-events.v1-${k * 6 + (i % 3)}@${1884120 + i * 311}`,
        `org.springframework.kafka.listener.ListenerExecutionFailedException: Listener method 'public void com.acme.inventory.projector.StockEventListener.onEvent(java.lang.String)' threw exception`,
        `Caused by: com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException: Unrecognized field "reservationTtlSeconds" (class com.acme.inventory.events.StockReserved), not marked as ignorable (6 known properties: ${known}])`,
        ` at [Source: REDACTED (\`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION\` disabled); line: 1, column: 201] (through reference chain: com.acme.inventory.events.StockReserved["reservationTtlSeconds"])`,
        `\tat com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.from(UnrecognizedPropertyException.java:61)`,
        `\tat com.fasterxml.jackson.databind.DeserializationContext.handleUnknownProperty(DeserializationContext.java:1153)`,
        `\tat com.acme.inventory.projector.StockEventListener.onEvent(StockEventListener.java:48)`,
        `${logbackTime(t - 0.01)} WARN 1 --- [inventory-projector] [ntainer#0-0-C-1] c.a.i.projector.DeadLetterPublisher      : sent record key=${sku} to inventory.stock-events.v1.DLT (dlt depth=${180 + i * 97 + k * 40})`,
      );
    }
    return lines(...out);
  };
  const apiLog = (k: number) => lines(
    `${logbackTime(33 - k)} INFO 1 --- [inventory-api] [           main] c.a.inventory.InventoryApiApplication    : Started InventoryApiApplication in 14.812 seconds (process running for 15.9)`,
    `${logbackTime(32 - k)} INFO 1 --- [inventory-api] [           main] c.a.i.reservations.ReservationConfig     : reservation TTL enabled: default 900s (published as StockReserved.reservationTtlSeconds)`,
    `${logbackTime(2)} INFO 1 --- [inventory-api] [nio-8080-exec-4] c.a.i.reservations.ReservationService    : reserved sku=SKU-5120 qty=1 order=ORD-99120${k} ttl=900s`,
    `${logbackTime(1.5)} WARN 1 --- [inventory-api] [nio-8080-exec-2] o.s.w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.web.HttpMediaTypeNotSupportedException: Content-Type 'text/plain;charset=UTF-8' is not supported]`,
  );
  return {
    id: 'heldout48-new-json-field-strict-jackson-consumer',
    class: 'rollout',
    truth: 'inventory-api 8.3.0 (revision 65, 34 minutes ago) added a reservationTtlSeconds field to the StockReserved events it publishes to inventory.stock-events.v1. inventory-projector, unchanged for 23 days, deserializes them with Jackson\'s default FAIL_ON_UNKNOWN_PROPERTIES=true into a class with six known properties, so since that rollout every new StockReserved event fails with UnrecognizedPropertyException ("Unrecognized field \\"reservationTtlSeconds\\"") and goes to the DLT; inventory projections are stale. The projector\'s pods are Running and Ready. Fix: make the projector tolerant (@JsonIgnoreProperties(ignoreUnknown = true) / disable FAIL_ON_UNKNOWN_PROPERTIES) or roll inventory-api back to 8.2.0, then replay the DLT; the projector itself did not change.',
    ask: { service: 'inventory-projector', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...projector.objects,
      ...exposed({ namespace: ns, name: 'inventory-api', selector: { app: 'inventory-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'inventory-projector', selector: { app: 'inventory-projector' }, pods: projector.pods }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 65), 3, 0, 34),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 64), 0, 3, 30),
    ],
    logs: [
      ...projector.pods.map((p, k) => logsFor(p, 'app', { current: projLog(k) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/reservationTtlSeconds|Unrecognized(PropertyException| field)|unknown (json )?(field|propert)/i, /inventory-api|8\.3\.0|producer|schema/i],
      facts: [/inventory-api/, /8\.3\.0|revision 65/i, /FAIL_ON_UNKNOWN_PROPERTIES|ignoreUnknown|ignorable|tolerant/i],
      never: [/roll(ing)? ?back (the )?(inventory-projector|projector|to 2\.11)/i, /inventory-projector[^\n]*revision 23[^\n]*(caus|broke|introduc)/i, /\bOOM/, /crash ?loop/i],
    },
  };
}

// ---- 5. a new node group's resolv.conf: search line limits drop the domain a short name needs ------

function searchLineLimitsOnNewNodeGroup(): CorpusScenario {
  const ns = 'billing';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const oldHosts = ['12', '133', '201'];
  const newHosts = ['47', '166'];
  const oldNodes = oldHosts.map((h, i) => node({ name: eksNodeName(`10.0.24.${h}`), zone: zones[i] ?? 'eu-west-1a', pool: 'general-al2', createdAgo: 64 * DAYS, labels: { 'eks.amazonaws.com/nodegroup-image': 'ami-0c7e1b4a9f23d5e81' } }));
  const newNodes = newHosts.map((h, i) => node({ name: eksNodeName(`10.0.25.${h}`), zone: zones[i] ?? 'eu-west-1a', pool: 'general-al2023', createdAgo: 5 * HOURS - i * 3, labels: { 'eks.amazonaws.com/nodegroup-image': 'ami-04a9d31c7e58f0b26' } }));
  for (const n of [...oldNodes, ...newNodes]) if (n.status?.nodeInfo) n.status.nodeInfo.kubeletVersion = n.status.nodeInfo.kubeProxyVersion = 'v1.26.15-eks-59bf375';
  for (const n of oldNodes) if (n.status?.nodeInfo) { n.status.nodeInfo.osImage = 'Amazon Linux 2'; n.status.nodeInfo.kernelVersion = '5.10.228-219.884.amzn2.x86_64'; }
  const oldN = oldNodes.map(nameOf);
  const newN = newNodes.map(nameOf);
  const image = (v: string) => `${ECR}/billing/invoice-renderer:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), memory: '512Mi', env: [{ name: 'VAULT_ADDR', value: 'https://vault:8200' }, { name: 'PDF_FONTS', value: '/usr/share/fonts/acme' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }) })] });
  const failing = crashLoop({ exitCode: 1, finishedAgo: 2.5, ranSeconds: 2 }, 38);
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-renderer',
    replicas: 4,
    revisions: [{ revision: 19, createdAgo: 11 * DAYS, changeCause: 'argocd: invoice-renderer 2.6.1', template: tpl('2.6.1') }],
    pods: [
      { revision: 19, node: oldN[0] ?? '', createdAgo: 11 * DAYS },
      { revision: 19, node: oldN[2] ?? '', createdAgo: 11 * DAYS - 1 },
      { revision: 19, node: newN[0] ?? '', createdAgo: 3 * HOURS + 10, containers: { app: failing } },
      { revision: 19, node: newN[1] ?? '', createdAgo: 3 * HOURS + 9, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2, ranSeconds: 2 }, 37) } },
    ],
    settled: { available: true, availableSince: 3 * HOURS + 10, progressingSince: 11 * DAYS },
  });
  const other = bystander(ns, 'billing-ledger', [oldN[1] ?? '', newN[1] ?? ''], 2 * HOURS, { revisions: [30, 31], versions: ['7.0.2', '7.0.3'], olderAgo: 20 * DAYS });
  const applied = `Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ${ns}.svc.cluster.local svc.cluster.local cluster.local eu-west-1.compute.internal corp.acme.net acme.internal`;
  const crashLog = lines(
    `{"time":"${at(2.6)}","level":"INFO","msg":"invoice-renderer starting","version":"2.6.1"}`,
    `{"time":"${at(2.6)}","level":"ERROR","msg":"vault login failed","addr":"https://vault:8200","error":"Put \\"https://vault:8200/v1/auth/kubernetes/login\\": dial tcp: lookup vault on 172.20.0.10:53: no such host"}`,
    `{"time":"${at(2.55)}","level":"ERROR","msg":"fatal: cannot load signing key","error":"vault: not authenticated"}`,
  );
  const fresh = [podOf(app, 2), podOf(app, 3)];
  const okLog = lines(
    `{"time":"${at(11 * DAYS - 0.2)}","level":"INFO","msg":"vault login ok","addr":"https://vault:8200","policies":["billing-signing"]}`,
    `{"time":"${at(1)}","level":"INFO","msg":"rendered invoice","invoice":"INV-2026-118823","pages":3,"ms":412}`,
    `{"time":"${at(0.3)}","level":"WARN","msg":"font fallback","font":"Acme Sans Condensed","fallback":"DejaVu Sans"}`,
  );
  return {
    id: 'heldout48-search-line-limit-new-node-group',
    class: 'network',
    truth: 'A new node group general-al2023 (new AMI ami-04a9d31c7e58f0b26, up ~5 hours) has a host resolv.conf with more search domains (eu-west-1.compute.internal corp.acme.net acme.internal platform.acme.internal …). On this 1.26 kubelet a pod gets at most six search paths, so with the three cluster domains first the kubelet drops the rest ("Search Line limits were exceeded, some search paths have been omitted", DNSConfigForming) — including platform.acme.internal, through which the short name "vault" (VAULT_ADDR=https://vault:8200) used to resolve. invoice-renderer pods scheduled on the new nodes crash-loop on "lookup vault … no such host"; the two pods on the old general-al2 nodes are fine. Fix: use the FQDN (vault.platform.acme.internal) or trim the new AMI\'s DHCP/resolv.conf search list; not a rollout.',
    ask: { service: 'invoice-renderer', namespace: ns },
    objects: [
      ...oldNodes, ...newNodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'billing-ledger', selector: { app: 'billing-ledger' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 2 * HOURS),
      ...fresh.map((p) => event({ on: p, reason: 'DNSConfigForming', message: applied, count: 160, firstAgo: 3 * HOURS + 9, lastAgo: 0.4 })),
      event({ on: podOf(other, 1), reason: 'DNSConfigForming', message: applied, count: 60, firstAgo: 2 * HOURS, lastAgo: 1.1 }),
      ...fresh.map((p) => backOff(p, 'app', { count: 800, firstAgo: 3 * HOURS, lastAgo: 0.3 })),
    ],
    logs: [
      logsFor(podOf(app, 0), 'app', { current: okLog }),
      logsFor(podOf(app, 1), 'app', { current: okLog }),
      ...fresh.map((p) => logsFor(p, 'app', { current: crashLog, previous: crashLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/search (line|path|domain)|DNSConfigForming|resolv\.conf|no such host|vault/i, /node ?group|general-al2023|new nodes?|AMI|ami-04a9d31c7e58f0b26/i],
      facts: [/general-al2023|ami-04a9d31c7e58f0b26|10-0-25-(47|166)/, /vault/, /FQDN|fully.qualified|vault\.platform\.acme\.internal|search (list|domains?)/i],
      never: [ADVISES_ROLLBACK, /billing-ledger/, /\bOOM/, /coredns[^\n]*(down|crash|fail)/i],
    },
  };
}

// ---- 6. JDK 11 → 17 base image: CLDR abbreviates September as "Sept" for en_GB ------------------------

function jdk17SeptAbbreviation(): CorpusScenario {
  const ns = 'settlements';
  const { nodes, names } = threeEksNodes('10.0.112', ['6', '131', '219']);
  const image = (v: string) => `${ECR}/settlements/partner-file-importer:${v}`;
  const tpl = (v: string, jdk: string) => ({
    containers: [container({
      image: image(v), memory: '1536Mi', cpu: '500m',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70 -Duser.timezone=UTC' }, { name: 'IMPORT_SFTP_HOST', value: 'sftp.partners.acme.net' }, { name: 'IMPORT_POLL', value: 'PT5M' }, { name: 'BASE_IMAGE', value: jdk }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'partner-file-importer',
    replicas: 2,
    revisions: [
      { revision: 41, createdAgo: 27 * DAYS, changeCause: 'argocd: partner-file-importer 6.1.3', template: tpl('6.1.3', 'eclipse-temurin:11.0.25_9-jre-jammy') },
      { revision: 42, createdAgo: 20 * HOURS, changeCause: 'argocd: partner-file-importer 6.2.0 (base image eclipse-temurin:17-jre)', template: tpl('6.2.0', 'eclipse-temurin:17.0.13_11-jre-jammy') },
    ],
    pods: [0, 1].map((k) => ({ revision: 42, node: names[k + 1] ?? '', createdAgo: 20 * HOURS - k })),
    settled: { available: true, availableSince: 20 * HOURS - 3, progressingSince: 20 * HOURS, progressingUpdatedAgo: 20 * HOURS - 3 },
  });
  const other = bystander(ns, 'settlement-reports', names, 4 * HOURS, { revisions: [15, 16], versions: ['3.3.0', '3.3.1'], olderAgo: 12 * DAYS });
  const podLog = (k: number) => {
    const out: string[] = [
      `${logbackTime(20 * HOURS - k - 0.5)}  INFO 1 --- [           main] c.a.s.PartnerFileImporterApplication     : Starting PartnerFileImporterApplication v6.2.0 using Java 17.0.13 with PID 1 (/app/app.jar started by app in /app)`,
      `${logbackTime(20 * HOURS - k - 0.2)}  INFO 1 --- [           main] c.a.s.PartnerFileImporterApplication     : Started PartnerFileImporterApplication in 11.204 seconds (process running for 12.1)`,
    ];
    const files = ['WORLDPAY', 'ADYEN_UK', 'BARCLAYCARD', 'WORLDPAY', 'ADYEN_UK'];
    for (let i = 0; i < 8; i++) {
      const t = 60 * (7 - i) + 40 - k * 2.5;
      const partner = files[(i + k) % files.length] ?? 'WORLDPAY';
      const file = `${partner}_SETTLE_${'2026112'}${i % 2}_${String((i * 3) % 24).padStart(2, '0')}00.csv`;
      out.push(`${logbackTime(t)}  INFO 1 --- [   scheduling-1] c.a.s.importer.SftpPoller                 : picked up ${file} (${14_000 + i * 913} lines)`);
      if (i % 3 === 2) {
        out.push(`${logbackTime(t - 0.3)}  INFO 1 --- [   scheduling-1] c.a.s.importer.SettlementFileImporter    : imported ${file}: ${14_000 + i * 913} rows, 0 rejected`);
        continue;
      }
      const d = 2 + ((i * 7 + k) % 27);
      out.push(
        `${logbackTime(t - 0.1)} ERROR 1 --- [   scheduling-1] c.a.s.importer.SettlementFileImporter    : import of ${file} aborted at line ${112 + i * 41}: original_txn_date could not be parsed; file moved to /inbox/failed`,
        `java.time.format.DateTimeParseException: Text '${String(d).padStart(2, '0')}-Sep-2026' could not be parsed at index 3`,
        `\tat java.base/java.time.format.DateTimeFormatter.parseResolved0(DateTimeFormatter.java:2052)`,
        `\tat java.base/java.time.format.DateTimeFormatter.parse(DateTimeFormatter.java:1954)`,
        `\tat java.base/java.time.LocalDate.parse(LocalDate.java:430)`,
        `\tat com.acme.settlements.importer.RowMapper.date(RowMapper.java:77)`,
        `\tat com.acme.settlements.importer.RowMapper.map(RowMapper.java:41)`,
        `\tat com.acme.settlements.importer.SettlementFileImporter.importFile(SettlementFileImporter.java:118)`,
      );
    }
    out.push(`${logbackTime(0.8)}  WARN 1 --- [   scheduling-1] c.a.s.importer.SftpPoller                 : /inbox/failed holds ${22 + k} files; oldest 19h`);
    out.push(`${logbackTime(0.5)}  WARN 1 --- [   scheduling-1] com.jcraft.jsch                           : Permanently added 'sftp.partners.acme.net' (RSA) to the list of known hosts.`);
    return lines(...out);
  };
  return {
    id: 'heldout48-jdk17-cldr-sept-datetimeparse',
    class: 'rollout',
    truth: 'partner-file-importer 6.2.0 (revision 42, 20 hours ago) moved the base image from eclipse-temurin 11 to 17. The importer parses partner settlement dates with DateTimeFormatter "dd-MMM-yyyy" and Locale.UK; the CLDR data in JDK 17 abbreviates September as "Sept" for en_GB, so every file carrying a September date (chargebacks and refunds referencing original transactions) fails with DateTimeParseException "Text \'dd-Sep-2026\' could not be parsed at index 3" and is moved to /inbox/failed, while files with only other months still import. Pods are Running and Ready. Fix: parse with Locale.ENGLISH/US (or -Djava.locale.providers=COMPAT), or roll back to 6.1.3 (JDK 11) meanwhile, then reprocess /inbox/failed.',
    ask: { service: 'partner-file-importer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'partner-file-importer', selector: { app: 'partner-file-importer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'settlement-reports', selector: { app: 'settlement-reports' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 16), 2, 0, 4 * HOURS),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/DateTimeParse|Sept?\b|locale|CLDR|date pars/i, /JDK ?17|Java 17|temurin|base image|6\.2\.0|revision 42/i],
      facts: [/DateTimeParseException/, /JDK ?11|Java 11|6\.1\.3|temurin:?11/i, /Locale|CLDR|COMPAT/i],
      never: [/settlement-reports/, /\bOOM/, /crash ?loop/i, /(corrupt|malformed) (partner )?file/i],
    },
  };
}

// ---- 7. healthy: an HPA scale-up whose pods waited ~2 minutes for the cluster autoscaler ------------

function hpaScaleUpWaitedForAutoscaler(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.150', ['21', '97', '188']);
  const added = [node({ name: eksNodeName('10.0.151.64'), zone: 'eu-west-1a', createdAgo: 11.2 }), node({ name: eksNodeName('10.0.151.203'), zone: 'eu-west-1b', createdAgo: 11.0 })];
  const addedN = added.map(nameOf);
  for (const [i, n] of added.entries()) {
    const rc = n.status?.conditions?.find((c) => c.type === 'Ready');
    if (rc) rc.lastTransitionTime = new Date(Date.parse(at(10.6 - i * 0.2)));
  }
  const image = `${ECR}/search/query-api:9.4.2`;
  const tpl = { containers: [container({ image, cpu: '1500m', memory: '2Gi', readiness: httpProbe('/ready', 8080, { initialDelaySeconds: 5 }), liveness: httpProbe('/live', 8080, { initialDelaySeconds: 20 }) })] };
  const app = deploymentApp({
    namespace: ns,
    name: 'query-api',
    replicas: 6,
    revisions: [{ revision: 77, createdAgo: 9 * DAYS, changeCause: 'argocd: query-api 9.4.2', template: tpl }],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 77, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 77, node: addedN[0] ?? '', createdAgo: 13.5 },
      { revision: 77, node: addedN[1] ?? '', createdAgo: 13.5 },
      { revision: 77, node: addedN[0] ?? '', createdAgo: 13.4 },
    ],
    settled: { available: true, availableSince: 9 * DAYS - 3, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 3 },
  });
  for (const p of app.pods.slice(3)) {
    const cs = p.status?.containerStatuses?.[0];
    if (cs?.state?.running) cs.state.running.startedAt = new Date(Date.parse(at(10)));
    for (const c of p.status?.conditions ?? []) {
      if (c.type === 'PodScheduled') c.lastTransitionTime = new Date(Date.parse(at(10.4)));
      if (c.type === 'Ready' || c.type === 'ContainersReady') c.lastTransitionTime = new Date(Date.parse(at(9.6)));
    }
  }
  const newPods = app.pods.slice(3);
  const h = hpa({ namespace: ns, name: 'query-api', target: { kind: 'Deployment', name: 'query-api' }, min: 3, max: 12, current: 6, desired: 6, cpu: { current: 58, target: 65, averageValue: '870m' }, lastScaleAgo: 13.5 });
  const rs = replicaSetOf(app, 77);
  const unsched = '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
  const other = bystander(ns, 'index-writer', names, 3 * HOURS, { revisions: [20, 21], versions: ['1.8.0', '1.8.1'], olderAgo: 15 * DAYS });
  const reqLog = (k: number) => lines(
    `{"ts":"${at(9.9)}","level":"info","msg":"query-api ready","version":"9.4.2","shards_warm":true}`,
    `{"ts":"${at(1.2)}","level":"info","msg":"GET /v3/search","q_len":${14 + k},"hits":${120 + k * 7},"ms":${38 + k}}`,
    `{"ts":"${at(0.4)}","level":"info","msg":"GET /v3/suggest","q_len":4,"ms":6}`,
  );
  return {
    id: 'heldout48-healthy-hpa-scale-up-waited-for-autoscaler',
    class: 'healthy',
    truth: 'Morning traffic pushed query-api\'s CPU above its HPA target 13.5 minutes ago and the HPA scaled the Deployment from 3 to 6. The three new pods did not fit on the three existing nodes (Insufficient cpu), so they were Pending with FailedScheduling for about three minutes; the cluster autoscaler triggered a scale-up of the node group, two nodes joined about 11 minutes ago, and the pods were scheduled there and have been Ready for ~10 minutes. CPU is now 58% of a 65% target at 6 replicas. Nothing is wrong; the FailedScheduling events are the normal wait for new capacity.',
    ask: { service: 'query-api', namespace: ns },
    objects: [
      ...nodes, ...added, ...app.objects, ...other.objects, h,
      ...exposed({ namespace: ns, name: 'query-api', selector: { app: 'query-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'index-writer', selector: { app: 'index-writer' }, pods: other.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'query-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', firstAgo: 13.5, lastAgo: 13.5, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), nameOf(rs), 6, 3, 13.5),
      ...newPods.map((p) => createdPod(rs, p, 13.5)),
      ...newPods.map((p) => failedScheduling(p, unsched, { count: 3, firstAgo: 13.4, lastAgo: 12.1 })),
      ...newPods.map((p) => event({ on: p, type: 'Normal', reason: 'TriggeredScaleUp', message: 'pod triggered scale-up: [{eks-general-20260915-6ec8f1b2-7a3d-4c1e-b9f0-2d4e6a8c1f35 3->5 (max: 12)}]', firstAgo: 13.3, lastAgo: 13.3, component: 'cluster-autoscaler' })),
      ...newPods.map((p) => scheduled(p, 10.4)),
      ...newPods.flatMap((p) => [
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: 10.3, lastAgo: 10.3, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in 6.881s (6.881s including waiting). Image size: 187224311 bytes.`, firstAgo: 10.1, lastAgo: 10.1, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 10, lastAgo: 10, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 10, lastAgo: 10, fieldPath: 'spec.containers{app}' }),
      ]),
      ...addedN.flatMap((n, i) => [
        nodeEvent(n, 'RegisteredNode', `Node ${n} event: Registered Node ${n} in Controller`, { firstAgo: 11 - i * 0.2, component: 'node-controller' }),
        nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 10.6 - i * 0.2 }),
      ]),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: reqLog(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)|nothing (is )?wrong|all (6 )?(pods )?(are )?(ready|running)|6\/6/i],
      facts: [/scale|autoscal|HPA/i],
      never: [/Insufficient cpu[^\n]*(cause|blocking|stuck)/i, /\d+ pods? (are|is) (still )?pending|stuck (in )?pending|cannot be scheduled/i, ADVISES_ROLLBACK, /\bOOM/, /index-writer/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  xfsSnapshotIntoExt4Volume(),
  pulsarBacklogQuotaSinkScaledToZero(),
  kafkaZstdAgainstOldBrokers(),
  newJsonFieldStrictJacksonConsumer(),
  searchLineLimitsOnNewNodeGroup(),
  jdk17SeptAbbreviation(),
  hpaScaleUpWaitedForAutoscaler(),
];
