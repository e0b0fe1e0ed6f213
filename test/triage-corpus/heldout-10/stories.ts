// Held-out stories, tenth round: failures written without reading the analysis code, to measure
// how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
//
// A node whose conntrack table is full (only the pods there time out), a Kafka truststore password
// taken from the wrong key of an existing Secret, a StatefulSet pod rescheduled onto a new node
// whose image came through an ECR pull-through cache that was deleted, a Liquibase changelog lock
// left by a pod killed mid-migration, an HPA blind because its custom metric was renamed, a
// CronJob whose failed Jobs vanish at once (ttlSecondsAfterFinished 0), kube-proxy unable to sync
// iptables on one node (xtables lock) after a Service got a new ClusterIP, a DaemonSet fix never
// applied because of the OnDelete update strategy, a rollout blocked by a claim that is being
// deleted, a StatefulSet scale-up refused by a storage ResourceQuota, a native gRPC readiness
// probe asking for a health service the server does not register, a gunicorn service exiting 3
// after a Python 3.12 base image dropped pkg_resources, and two healthy controls: old noise around
// a steady service, and a service that recovered hours ago from a database failover.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, container, crashLoop, cronJob, cronJobEvent, daemonSetApp, deploymentApp,
  event, execProbe, exposed, failedScheduling, httpProbe, job, jobEvent, kubeProxy, nameOf, node, nodeEvent, probeFailed,
  probeKilling, pv, pvc, pyTime, replicaSetOf, resourceQuota, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  statefulSetApp, tcpProbe, uidOf, waiting, boundClaim, BLAMES_ROLLOUT,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, eksNodeName, ipOfPod, lit, logsFor, podOf, startedAt, threeEksNodes as threeNodes, bystander as heldOutBystander } from '../kit/held-out.js';
import type { Built } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- local helpers -------------------------------------------------------------------------

const lines = (...l: string[]): string => l.join('\n') + '\n';

/** This round's bystander: a healthy Deployment of the namespace that rolled out recently. */
const bystander = (ns: string, name: string, names: string[], rolledAgo: number): Built => heldOutBystander(ns, name, names, rolledAgo, { revisions: [12, 13], versions: ['1.4.0', '1.5.0'], olderAgo: 11 * DAYS });

/** Spring Boot's console line. */
const spring = (m: number, level: string, logger: string, msg: string, thread = 'main'): string => `${at(m)} ${level.padStart(5)} 1 --- [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;

/** klog's header: `E1121 02:48:03.118000       1 `. */
const klog = (m: number, level: 'I' | 'W' | 'E'): string => `${level}${at(m).slice(5, 7)}${at(m).slice(8, 10)} ${at(m).slice(11, 23)}000       1 `;

/** Fluent Bit's time: `[2026/11/21 03:10:41]`. */
const fbTime = (m: number): string => `[${at(m).slice(0, 19).replace(/-/g, '/').replace('T', ' ')}]`;

/** gunicorn's time: `[2026-11-21 03:10:01 +0000]`. */
const gTime = (m: number): string => `[${at(m).slice(0, 19).replace('T', ' ')} +0000]`;

// ---- 1. a node whose conntrack table is full: only the pods there time out ----------------------

function conntrackFullOneNode(): CorpusScenario {
  const ns = 'edge';
  const { nodes, names } = threeNodes('10.0.21');
  const bad = names[1] ?? '';
  const image = `${ECR}/edge/geo-api:3.9.2`;
  const app = deploymentApp({
    namespace: ns,
    name: 'geo-api',
    replicas: 4,
    revisions: [{ revision: 58, createdAgo: 6 * DAYS, changeCause: 'argocd: geo-api 3.9.2', template: { containers: [container({ image, ports: [8080], readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }), liveness: null })] } }],
    pods: [
      { revision: 58, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 58, node: bad, createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 6 * DAYS, ready: false }) } },
      { revision: 58, node: bad, createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 6 * DAYS, ready: false }) } },
      { revision: 58, node: names[2] ?? '', createdAgo: 6 * DAYS },
    ],
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS },
  });
  const redis = statefulSetApp({ namespace: ns, name: 'geo-cache', replicas: 1, revisions: [{ revision: 3, createdAgo: 50 * DAYS, template: { containers: [container({ name: 'redis', image: 'public.ecr.aws/docker/library/redis:7.2.5', ports: [6379], readiness: tcpProbe(6379), liveness: null })] } }], pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 20 * DAYS }] });
  const soak = job({
    namespace: ns, name: 'k6-soak-geo-api', createdAgo: 31,
    template: { containers: [batchContainer({ name: 'k6', image: 'grafana/k6:0.54.0', args: ['run', '--vus', '4000', '--duration', '2h', '/scripts/soak.js'], cpu: '2', memory: '2Gi' })] },
    pods: [{ node: bad, createdAgo: 31 }],
  });
  const other = bystander(ns, 'geo-tiles', names, 8);
  const cacheIp = '172.20.44.19';
  const sick = [podOf(app, 1), podOf(app, 2)];
  const sickLog = lines(
    `{"level":"info","ts":"${at(40)}","msg":"lookup","ip":"81.2.69.160","country":"GB","ms":3}`,
    `{"level":"error","ts":"${at(27)}","msg":"cache get failed","key":"asn:AS2856","error":"dial tcp ${cacheIp}:6379: i/o timeout"}`,
    `{"level":"error","ts":"${at(19)}","msg":"upstream maxmind refresh failed","error":"Get \\"https://updates.maxmind.com/geoip/databases/GeoIP2-City/update\\": dial tcp 104.17.196.130:443: i/o timeout"}`,
    `{"level":"error","ts":"${at(2)}","msg":"cache get failed","key":"city:2643743","error":"dial tcp ${cacheIp}:6379: i/o timeout"}`,
    `{"level":"warn","ts":"${at(1)}","msg":"readiness: cache unreachable for 25m0s"}`,
  );
  return {
    id: 'heldout10-conntrack-table-full-one-node',
    class: 'nodes',
    truth: `The connection-tracking table of node ${bad} is full (nf_conntrack: table full, dropping packet): 31 minutes ago a k6 soak test Job (k6-soak-geo-api, 4000 virtual users) was scheduled on that node and its short-lived connections filled the 262144 entries. The kernel now drops new connections from every pod on the node, so the two geo-api pods there time out to geo-cache (Redis) and to the internet, and their readiness probes time out; the two geo-api pods on the other nodes are fine. geo-api, Redis and the geo-tiles rollout 8 minutes ago are not at fault. Fix: stop the soak test (or move it to a dedicated node), raise net.netfilter.nf_conntrack_max on the node group, and cordon/drain ${bad} if it does not recover.`,
    ask: { service: 'geo-api' },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, ...soak.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'geo-api', selector: { app: 'geo-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'geo-cache', selector: { app: 'geo-cache' }, pods: redis.pods, clusterIP: cacheIp, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'geo-tiles', selector: { app: 'geo-tiles' }, pods: other.pods }),
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 13), 2, 0, 8),
      jobEvent(soak.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(soak.pods[0])}`, 31),
      nodeEvent(bad, 'ConntrackFull', 'Conntrack table usage over 90%: 262144/262144 entries; kernel: nf_conntrack: nf_conntrack: table full, dropping packet', { type: 'Warning', count: 52, firstAgo: 28, lastAgo: 0.5, component: 'network-custom-plugin-monitor' }),
      ...sick.map((p) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 150, firstAgo: 27 })),
    ],
    logs: [
      ...sick.map((p) => logsFor(p, 'app', { current: sickLog })),
      ...[podOf(app, 0), podOf(app, 3)].map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(1)}","msg":"lookup","ip":"185.60.216.35","country":"IE","ms":2}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [lit(bad.split('.')[0] ?? bad), /conntrack/i],
      facts: [/k6-soak-geo-api|soak/i],
      never: [BLAMES_ROLLOUT, /geo-tiles/, /\bOOM/, /geo-cache (is )?(down|unavailable|crash)/i],
    },
  };
}

// ---- 2. a truststore password read from the wrong key of an existing Secret ----------------------

function truststorePasswordWrongKey(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeNodes('10.0.32');
  const tpl = (v: string, trust: boolean) => ({
    containers: [container({
      image: `${ECR}/ledger/settlement-svc:${v}`, ports: [8080], memory: '1Gi',
      env: [
        { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'events-kafka-bootstrap.kafka.svc:9093' },
        { name: 'KAFKA_KEYSTORE_PASSWORD', valueFrom: { secretKeyRef: { name: 'settlement-kafka-user', key: 'user.password' } } },
        ...(trust ? [
          { name: 'KAFKA_TRUSTSTORE_LOCATION', value: '/etc/kafka-ca/ca.p12' },
          { name: 'KAFKA_TRUSTSTORE_PASSWORD', valueFrom: { secretKeyRef: { name: 'settlement-kafka-user', key: 'user.password' } } },
        ] : []),
      ],
      volumeMounts: [{ name: 'kafka-user', mountPath: '/etc/kafka-user', readOnly: true }, ...(trust ? [{ name: 'kafka-ca', mountPath: '/etc/kafka-ca', readOnly: true }] : [])],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
    volumes: [{ name: 'kafka-user', secret: { secretName: 'settlement-kafka-user' } }, ...(trust ? [{ name: 'kafka-ca', secret: { secretName: 'events-cluster-ca-cert' } }] : [])],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'settlement-svc',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 27, createdAgo: 5 * DAYS, changeCause: 'argocd: settlement-svc 3.1.4', template: tpl('3.1.4', false) },
      { revision: 28, createdAgo: 22, changeCause: 'argocd: settlement-svc 3.2.0 (verify broker certificates with the cluster CA)', template: tpl('3.2.0', true) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 5 * DAYS })),
      { revision: 28, node: names[1] ?? '', createdAgo: 21, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2, ranSeconds: 9 }, 8) } },
    ],
  });
  const p = podOf(app, 3);
  const image = `${ECR}/ledger/settlement-svc:3.2.0`;
  const prev = lines(
    spring(1.35, 'INFO', 'c.e.settlement.SettlementApplication', 'Starting SettlementApplication v3.2.0 using Java 21.0.5 with PID 1'),
    spring(1.3, 'INFO', 'o.a.k.clients.consumer.ConsumerConfig', 'These configurations \'[ssl.truststore.location, ssl.truststore.type]\' were supplied but are not used yet.'),
    spring(1.25, 'WARN', 'ConfigServletWebServerApplicationContext', 'Exception encountered during context initialization - cancelling refresh attempt: org.springframework.context.ApplicationContextException: Failed to start bean \'org.springframework.kafka.config.internalKafkaListenerEndpointRegistry\''),
    spring(1.22, 'ERROR', 'o.s.boot.SpringApplication', 'Application run failed'),
    'org.apache.kafka.common.KafkaException: Failed to construct kafka consumer',
    '\tat org.apache.kafka.clients.consumer.internals.LegacyKafkaConsumer.<init>(LegacyKafkaConsumer.java:375)',
    'Caused by: org.apache.kafka.common.KafkaException: Failed to load SSL keystore /etc/kafka-ca/ca.p12 of type PKCS12',
    '\tat org.apache.kafka.common.security.ssl.DefaultSslEngineFactory$FileBasedStore.load(DefaultSslEngineFactory.java:382)',
    'Caused by: java.io.IOException: keystore password was incorrect',
    '\tat java.base/sun.security.pkcs12.PKCS12KeyStore.engineLoad(PKCS12KeyStore.java:2159)',
    'Caused by: java.security.UnrecoverableKeyException: failed to decrypt safe contents entry: javax.crypto.BadPaddingException: Given final block not properly padded. Such issues can arise if a bad key is used during decryption.',
  );
  return {
    id: 'heldout10-truststore-password-wrong-secret-key',
    class: 'config',
    truth: 'Revision 28 (settlement-svc 3.2.0, 22 minutes ago) made the Kafka client verify brokers with the cluster CA truststore /etc/kafka-ca/ca.p12 (Secret events-cluster-ca-cert), but set KAFKA_TRUSTSTORE_PASSWORD from the key user.password of the Secret settlement-kafka-user (the keystore password) instead of ca.password of events-cluster-ca-cert. The key exists, so the container starts, but loading the truststore fails ("keystore password was incorrect") and Spring exits 1: the new pod crash-loops while maxUnavailable 0 keeps the three revision-27 pods serving. Fix: take the truststore password from events-cluster-ca-cert / ca.password (or roll back to revision 27).',
    ask: { service: 'settlement-svc' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'settlement-svc', selector: { app: 'settlement-svc' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 28), 1, 0, 22),
      ...startedAt(p, 'app', image, 21),
      ...restartedAgain(p, 'app', image, { count: 8, firstAgo: 20, lastAgo: 1.4 }),
      backOff(p, 'app', { count: 95, firstAgo: 20 }),
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(app, 0))}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(p, 'app', { previous: prev, current: lines(spring(0.1, 'INFO', 'c.e.settlement.SettlementApplication', 'Starting SettlementApplication v3.2.0 using Java 21.0.5 with PID 1')) }),
      ...app.pods.slice(0, 3).map((q) => logsFor(q, 'app', { current: lines(spring(2, 'INFO', 'c.e.settlement.batch.SettlementWriter', 'settled batch 88213 (412 entries)', 'ntainer#0-0-C-1')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/truststore|ca\.p12|keystore password|password was incorrect/i],
      facts: [/revision 28/, /user\.password|ca\.password|KAFKA_TRUSTSTORE_PASSWORD/],
      never: [/\bOOM/, /CreateContainerConfigError|couldn't find key/i, /liveness probe (fail|kill)/i],
    },
  };
}

// ---- 3. a rescheduled Redis pod cannot pull an image cached through a deleted ECR pull-through rule

function pullThroughCacheDeleted(): CorpusScenario {
  const ns = 'sessions';
  const { nodes: old, names: oldNames } = threeNodes('10.0.43');
  const gone = oldNames[2] ?? '';
  const fresh = eksNodeName('10.0.43.205');
  const nodes = [...old.slice(0, 2), node({ name: fresh, zone: 'eu-west-1c', createdAgo: 24, readySince: 23 })];
  const names = [oldNames[0] ?? '', oldNames[1] ?? '', fresh];
  const image = `${ECR}/docker-hub/library/redis:7.4.1`;
  const app = statefulSetApp({
    namespace: ns,
    name: 'session-redis',
    replicas: 3,
    serviceName: 'session-redis-headless',
    revisions: [{ revision: 4, createdAgo: 34 * DAYS, template: { containers: [container({ name: 'redis', image, ports: [6379], memory: '2Gi', readiness: execProbe(['redis-cli', 'ping']), liveness: tcpProbe(6379) })] } }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 34 * DAYS },
      { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 34 * DAYS },
      { revision: 4, ordinal: 2, node: fresh, createdAgo: 22, containers: { redis: waiting('ImagePullBackOff', `Back-off pulling image "${image}"`) } },
    ],
  });
  const p = podOf(app, 2);
  const pullErr = `rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`;
  const other = bystander(ns, 'session-api', names, 10);
  return {
    id: 'heldout10-ecr-pull-through-cache-rule-deleted',
    class: 'containers',
    truth: `Yesterday a Terraform clean-up removed the ECR pull-through cache rule for the docker-hub prefix, and the cached repository docker-hub/library/redis went with it. Nodes that already had redis:7.4.1 kept running it (session-redis-0 and -1 run the same image), so nobody noticed until node ${gone} failed 25 minutes ago and was replaced by ${fresh}: session-redis-2, recreated there, cannot pull ${image} ("not found") and sits in ImagePullBackOff, leaving the Redis set at 2 of 3. The tag is right and nothing changed in session-redis; the session-api rollout 10 minutes ago is unrelated. Fix: restore the pull-through cache rule (or push redis:7.4.1 to a regular repository and point the StatefulSet at it).`,
    ask: { service: 'session-redis' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'session-redis-headless', selector: { app: 'session-redis' }, pods: app.pods, headless: true, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: other.pods }),
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 13), 2, 0, 10),
      nodeEvent(gone, 'NodeNotReady', `Node ${gone} status is now: NodeNotReady`, { firstAgo: 25, component: 'node-controller' }),
      nodeEvent(gone, 'RemovingNode', `Node ${gone} event: Removing Node ${gone} from Controller`, { firstAgo: 23, component: 'node-controller' }),
      nodeEvent(fresh, 'NodeReady', `Node ${fresh} status is now: NodeReady`, { firstAgo: 23 }),
      event({ on: { kind: 'StatefulSet', name: 'session-redis', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod session-redis-2 in StatefulSet session-redis successful', firstAgo: 22, lastAgo: 22, component: 'statefulset-controller' }),
      scheduled(p, 22),
      event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, count: 8, firstAgo: 21.9, lastAgo: 3, fieldPath: 'spec.containers{redis}' }),
      event({ on: p, reason: 'Failed', message: `Failed to pull image "${image}": ${pullErr}`, count: 8, firstAgo: 21.8, lastAgo: 3, fieldPath: 'spec.containers{redis}' }),
      event({ on: p, reason: 'Failed', message: 'Error: ErrImagePull', count: 8, firstAgo: 21.8, lastAgo: 3, fieldPath: 'spec.containers{redis}' }),
      event({ on: p, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image}"`, count: 90, firstAgo: 21.5, lastAgo: 0.3, fieldPath: 'spec.containers{redis}' }),
      event({ on: p, reason: 'Failed', message: 'Error: ImagePullBackOff', count: 90, firstAgo: 21.5, lastAgo: 0.3, fieldPath: 'spec.containers{redis}' }),
    ],
    logs: app.pods.slice(0, 2).map((q) => logsFor(q, 'redis', { current: lines(`1:M 21 Nov 2026 ${at(20).slice(11, 23)} # Connection with replica ${ipOfPod(p)}:6379 lost.`, `1:M 21 Nov 2026 ${at(5).slice(11, 23)} * 10000 changes in 60 seconds. Saving...`) })),
    expect: {
      verdict: 'problems',
      headline: [/session-redis-2|ImagePull|pull/i, /docker-hub|redis:7\.4\.1|not found/i],
      facts: [lit(fresh.split('.')[0] ?? fresh)],
      never: [/\b401\b|unauthori[sz]ed/i, /rate.?limit/i, /session-api/, BLAMES_ROLLOUT],
    },
  };
}

// ---- 4. a Liquibase changelog lock left by a pod killed mid-migration ----------------------------

function liquibaseStaleLock(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeNodes('10.0.54');
  const spot = eksNodeName('10.0.54.190');
  const tpl = (v: string) => ({ containers: [container({
    image: `${ECR}/orders/order-service:${v}`, ports: [8080], memory: '1536Mi',
    readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080),
    startup: httpProbe('/actuator/health', 8080, { periodSeconds: 10, failureThreshold: 60 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-service',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: order-service 5.7.3', template: tpl('5.7.3') },
      { revision: 42, createdAgo: 35, changeCause: 'argocd: order-service 5.8.0', template: tpl('5.8.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 6 * DAYS })),
      { revision: 42, node: names[0] ?? '', createdAgo: 29, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2, ranSeconds: 305 }, 4) } },
    ],
  });
  const p = podOf(app, 3);
  const first = `${rsOf(app, 42)}-vq7kd`;
  const image = `${ECR}/orders/order-service:5.8.0`;
  const since = at(33).slice(11, 16).replace(/^0/, '');
  const prev = lines(
    spring(7.1, 'INFO', 'c.e.orders.OrderServiceApplication', 'Starting OrderServiceApplication v5.8.0 using Java 21.0.5 with PID 1'),
    spring(6.9, 'INFO', 'liquibase.database', 'Set default schema name to public'),
    spring(6.8, 'INFO', 'liquibase.lockservice', 'Waiting for changelog lock....'),
    spring(4.8, 'INFO', 'liquibase.lockservice', 'Waiting for changelog lock....'),
    spring(2.8, 'INFO', 'liquibase.lockservice', 'Waiting for changelog lock....'),
    spring(2.05, 'WARN', 'ConfigServletWebServerApplicationContext', 'Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'liquibase\' defined in class path resource [org/springframework/boot/autoconfigure/liquibase/LiquibaseAutoConfiguration$LiquibaseConfiguration.class]: liquibase.exception.LockException: Could not acquire change log lock.  Currently locked by ' + first + ' (10.0.54.211) since 11/21/26, ' + since + ' AM'),
    spring(2.02, 'ERROR', 'o.s.boot.SpringApplication', 'Application run failed'),
    `liquibase.exception.LockException: Could not acquire change log lock.  Currently locked by ${first} (10.0.54.211) since 11/21/26, ${since} AM`,
    '\tat liquibase.lockservice.StandardLockService.waitForLock(StandardLockService.java:301)',
  );
  return {
    id: 'heldout10-liquibase-changelog-lock-stale',
    class: 'rollout',
    truth: `Revision 42 (order-service 5.8.0, 35 minutes ago) brings Liquibase changesets that Spring Boot applies at startup. Its first pod, ${first}, took the Liquibase lock (DATABASECHANGELOGLOCK) and was killed mid-migration 33 minutes ago when its spot node ${spot} was reclaimed, so the lock row was never released. Every later pod waits five minutes for the lock ("Waiting for changelog lock....") and exits 1 with "Could not acquire change log lock. Currently locked by ${first}"; the rollout is stuck while the three revision-41 pods keep serving. The code of 5.8.0 is fine and the database is up. Fix: release the stale lock (liquibase releaseLocks, or UPDATE DATABASECHANGELOGLOCK SET LOCKED=false) after checking the half-applied changeset, then let the rollout continue.`,
    ask: { service: 'order-service' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 42), 1, 0, 35),
      nodeEvent(spot, 'SpotInterrupted', 'Spot interruption warning was triggered', { type: 'Warning', firstAgo: 34, component: 'karpenter' }),
      nodeEvent(spot, 'RemovingNode', `Node ${spot} event: Removing Node ${spot} from Controller`, { firstAgo: 31, component: 'node-controller' }),
      event({ on: { kind: 'Pod', name: first, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 33, lastAgo: 33, fieldPath: 'spec.containers{app}' }),
      event({ on: replicaSetOf(app, 42), type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p)}`, firstAgo: 29, lastAgo: 29, component: 'replicaset-controller' }),
      ...startedAt(p, 'app', image, 29),
      ...restartedAgain(p, 'app', image, { count: 4, firstAgo: 23, lastAgo: 7.2 }),
      probeFailed(p, 'app', 'Startup', `Get "http://${ipOfPod(p)}:8080/actuator/health": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, { count: 140, firstAgo: 28.8 }),
      backOff(p, 'app', { count: 6, firstAgo: 18 }),
    ],
    logs: [
      logsFor(p, 'app', { previous: prev, current: lines(spring(0.8, 'INFO', 'liquibase.lockservice', 'Waiting for changelog lock....')) }),
      ...app.pods.slice(0, 3).map((q) => logsFor(q, 'app', { current: lines(spring(1, 'INFO', 'c.e.orders.api.OrderController', 'POST /v2/orders 201 (48 ms)', 'nio-8080-exec-7')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/lock/i],
      facts: [/DATABASECHANGELOGLOCK|releaseLocks|release the lock|locked by/i, /revision 42/],
      never: [/\bOOM/, /password|credential/i, /startup probe (fail|kill)/i],
    },
  };
}

// ---- 5. an HPA blind because the custom metric it scales on was renamed ---------------------------

function hpaCustomMetricRenamed(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeNodes('10.0.65');
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/search/query-api:${v}`, ports: [8080], cpu: '1', memory: '2Gi', readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 2 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'query-api',
    replicas: 4,
    revisions: [
      { revision: 29, createdAgo: 9 * DAYS, changeCause: 'argocd: query-api 7.0.6', template: tpl('7.0.6') },
      { revision: 30, createdAgo: 3 * HOURS, changeCause: 'argocd: query-api 7.1.0 (Spring Boot 3.3, Micrometer 1.13)', template: tpl('7.1.0') },
    ],
    pods: [0, 1, 2, 0].map((k, i) => ({ revision: 30, node: names[k] ?? '', createdAgo: 3 * HOURS - i, ...(i >= 2 ? { containers: { app: running({ sinceAgo: 3 * HOURS - i, ready: false }) } } : {}) })),
    settled: { available: true, availableSince: 3 * HOURS - 4, progressingSince: 3 * HOURS - 4 },
  });
  const metric = 'http_server_requests_per_second';
  const why = `the HPA was unable to compute the replica count: unable to get metric ${metric}: unable to fetch metrics from custom metrics API: the server could not find the metric ${metric} for pods`;
  const hpaObj: k8s.V2HorizontalPodAutoscaler = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'query-api', namespace: ns, uid: uidOf(`hpa/${ns}/query-api`), creationTimestamp: ago(200 * DAYS) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'query-api' },
      minReplicas: 4,
      maxReplicas: 20,
      metrics: [{ type: 'Pods', pods: { metric: { name: metric }, target: { type: 'AverageValue', averageValue: '40' } } }],
    },
    status: {
      currentReplicas: 4,
      desiredReplicas: 4,
      lastScaleTime: ago(3 * HOURS + 40),
      conditions: [
        { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: 'the HPA controller was able to get the target\'s current scale', lastTransitionTime: ago(30 * DAYS) },
        { type: 'ScalingActive', status: 'False', reason: 'FailedGetPodsMetric', message: why, lastTransitionTime: ago(3 * HOURS - 3) },
        { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(10 * DAYS) },
      ],
    },
  };
  const hpaRef = { kind: 'HorizontalPodAutoscaler', name: 'query-api', namespace: ns };
  const slow = app.pods.slice(2);
  const log = lines(
    `{"@timestamp":"${at(9)}","level":"WARN","logger":"c.e.search.QueryController","message":"slow query","q_ms":2210,"pool_active":200,"pool_queue":1184}`,
    `{"@timestamp":"${at(4)}","level":"ERROR","logger":"o.a.c.c.C.[Tomcat].[localhost]","message":"request rejected: executor queue full (1200)"}`,
    `{"@timestamp":"${at(1)}","level":"WARN","logger":"c.e.search.QueryController","message":"slow query","q_ms":3480,"pool_active":200,"pool_queue":1200}`,
  );
  return {
    id: 'heldout10-hpa-custom-metric-renamed',
    class: 'capacity',
    truth: `The query-api HPA scales on the custom metric ${metric}, served by prometheus-adapter from a series the app exported. Revision 30 (query-api 7.1.0, 3 hours ago) upgraded Micrometer, which renamed the underlying Prometheus series, so the adapter no longer finds ${metric} (FailedGetPodsMetric, ScalingActive False): the HPA has been blind since and held query-api at its minimum of 4 while the Asia-morning traffic doubled. The pods are saturated (executor queues full, slow queries), two fail readiness. Not node capacity and not the HPA's maximum (20). Fix: scale query-api by hand now, then fix the adapter rule (or the metric name) so the HPA sees the metric again.`,
    ask: { service: 'query-api' },
    objects: [
      ...nodes, ...app.objects, hpaObj,
      ...exposed({ namespace: ns, name: 'query-api', selector: { app: 'query-api' }, pods: app.pods }),
      event({ on: hpaRef, reason: 'FailedGetPodsMetric', message: `unable to get metric ${metric}: unable to fetch metrics from custom metrics API: the server could not find the metric ${metric} for pods`, count: 712, firstAgo: 3 * HOURS - 3, lastAgo: 0.3, component: 'horizontal-pod-autoscaler' }),
      event({ on: hpaRef, reason: 'FailedComputeMetricsReplicas', message: `invalid metrics (1 invalid out of 1), first error is: failed to get pods metric value: unable to get metric ${metric}: unable to fetch metrics from custom metrics API: the server could not find the metric ${metric} for pods`, count: 712, firstAgo: 3 * HOURS - 3, lastAgo: 0.3, component: 'horizontal-pod-autoscaler' }),
      ...slow.map((p) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 64, firstAgo: 14 })),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: log })),
    expect: {
      verdict: 'problems',
      headline: [/http_server_requests_per_second|FailedGetPodsMetric|custom metric/i],
      facts: [/revision 30/, /HPA|autoscal/i],
      never: [/Insufficient (cpu|memory)/i, /(HPA|autoscaler) (is )?(at|reached) (its )?(max|maximum)|maxReplicas reached/i, /\bOOM/],
    },
  };
}

// ---- 6. a CronJob whose failed Jobs are deleted at once (ttlSecondsAfterFinished 0) -------------

function cronJobTtlZeroFailuresVanish(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeNodes('10.0.76');
  const image = `${ECR}/catalog/search-reindex:2.4.0`;
  const cron = cronJob({
    namespace: ns,
    name: 'search-reindex',
    schedule: '30 2 * * *',
    backoffLimit: 2,
    template: { containers: [batchContainer({ name: 'reindex', image, cpu: '1', memory: '2Gi' })] },
    lastSuccessfulAgo: 3 * DAYS + 20,
    jobs: [],
  });
  const cj = cron.objects[0] as k8s.V1CronJob;
  if (cj.spec?.jobTemplate.spec) cj.spec.jobTemplate.spec.ttlSecondsAfterFinished = 0;
  if (cj.status) cj.status.lastScheduleTime = ago(44);
  const jobName = `search-reindex-${Math.floor(ago(44).getTime() / 60_000)}`;
  const jobRef = { kind: 'Job', name: jobName, namespace: ns };
  const podNames = ['x7p2k', 'q4mzt', 'c9wnb'].map((s) => `${jobName}-${s}`);
  const pods = podNames.map((n) => ({ kind: 'Pod', name: n, namespace: ns }));
  const other = bystander(ns, 'catalog-web', names, 15);
  return {
    id: 'heldout10-cronjob-ttl-zero-failed-jobs-vanish',
    class: 'jobs',
    truth: `The search-reindex CronJob has not succeeded for three nights (last success 3 days ago): each night's Job fails its three attempts (backoffLimit 2) and ends BackoffLimitExceeded. Because its jobTemplate sets ttlSecondsAfterFinished: 0, the TTL controller deletes each Job and its pods the moment it finishes, so there are no pods or logs to read; tonight's run (${jobName}) is visible only through its events. Nothing is suspended and no deadline is involved. Fix: raise ttlSecondsAfterFinished (e.g. 86400) so failures can be inspected, re-run the Job by hand (kubectl create job --from=cronjob/search-reindex) and read its logs.`,
    ask: { service: 'search-reindex' },
    objects: [
      ...nodes, ...cron.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'catalog-web', selector: { app: 'catalog-web' }, pods: other.pods }),
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 13), 2, 0, 15),
      cronJobEvent(cj, 'SuccessfulCreate', `Created job ${jobName}`, 44),
      ...pods.map((p, i) => jobEvent({ kind: 'Job', metadata: { name: jobName, namespace: ns } }, 'SuccessfulCreate', `Created pod: ${p.name}`, 44 - i * 4.5)),
      ...pods.flatMap((p, i) => [
        event({ on: p, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${p.name} to ${names[i] ?? ''}`, firstAgo: 44 - i * 4.5, lastAgo: 44 - i * 4.5, component: 'default-scheduler' }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, firstAgo: 43.9 - i * 4.5, lastAgo: 43.9 - i * 4.5, fieldPath: 'spec.containers{reindex}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container reindex', firstAgo: 43.9 - i * 4.5, lastAgo: 43.9 - i * 4.5, fieldPath: 'spec.containers{reindex}' }),
      ]),
      event({ on: jobRef, reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', firstAgo: 31, lastAgo: 31, component: 'job-controller' }),
      cronJobEvent(cj, 'SawCompletedJob', `Saw completed job: ${jobName}, condition: Failed`, 31),
    ],
    expect: {
      verdict: 'problems',
      headline: [/search-reindex/, /backoff ?limit|BackoffLimitExceeded|fail/i],
      facts: [/ttlSecondsAfterFinished|TTL/i, /3 days|last success/i],
      never: [/(is|was) suspended/i, /DeadlineExceeded|activeDeadline/i, /\bOOM/, /catalog-web/],
    },
  };
}

// ---- 7. kube-proxy cannot sync iptables on one node; a Service's new ClusterIP is unreachable there

function kubeProxyXtablesLockOneNode(): CorpusScenario {
  const ns = 'checkout';
  const { nodes, names } = threeNodes('10.0.87');
  const bad = names[0] ?? '';
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-api',
    replicas: 3,
    revisions: [{ revision: 74, createdAgo: 2 * DAYS, changeCause: 'argocd: pricing-api 8.2.1', template: { containers: [container({ image: `${ECR}/checkout/pricing-api:8.2.1`, ports: [3000], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 74, node: names[k] ?? '', createdAgo: 2 * DAYS, ...(k === 0 ? { containers: { app: running({ sinceAgo: 2 * DAYS, ready: false }) } } : {}) })),
    settled: { available: true, availableSince: 2 * DAYS, progressingSince: 2 * DAYS },
  });
  const tax = deploymentApp({
    namespace: ns, name: 'tax-engine', replicas: 2,
    revisions: [{ revision: 12, createdAgo: 26, changeCause: 'helm: tax-engine 2.0.0 (chart v2, Service recreated)', template: { containers: [container({ image: `${ECR}/checkout/tax-engine:2.0.0`, ports: [8080] })] } }],
    pods: [{ revision: 12, node: names[1] ?? '', createdAgo: 26 }, { revision: 12, node: names[2] ?? '', createdAgo: 26 }],
  });
  const taxSvc = exposed({ namespace: ns, name: 'tax-engine', selector: { app: 'tax-engine' }, pods: tax.pods, createdAgo: 26, clusterIP: '172.20.131.58' });
  const proxy = kubeProxy(names.map((n) => ({ node: n })));
  const badProxy = proxy.pods.find((p) => p.spec?.nodeName === bad);
  const proxyLog = lines(
    `${klog(45, 'I')}proxier.go:805] "Syncing iptables rules"`,
    `${klog(41, 'E')}proxier.go:1523] "Failed to execute iptables-restore" err=<`,
    '\texit status 4: Another app is currently holding the xtables lock. Stopped waiting after 5s.',
    ' >',
    `${klog(41, 'I')}proxier.go:810] "Sync failed" retryingTime="30s"`,
    `${klog(26, 'E')}proxier.go:1523] "Failed to execute iptables-restore" err=<`,
    '\texit status 4: Another app is currently holding the xtables lock. Stopped waiting after 5s.',
    ' >',
    `${klog(26, 'I')}proxier.go:810] "Sync failed" retryingTime="30s"`,
    `${klog(0.5, 'E')}proxier.go:1523] "Failed to execute iptables-restore" err=<`,
    '\texit status 4: Another app is currently holding the xtables lock. Stopped waiting after 5s.',
    ' >',
    `${klog(0.5, 'I')}proxier.go:810] "Sync failed" retryingTime="30s"`,
  );
  const sick = podOf(app, 0);
  const sickLog = lines(
    `{"level":30,"time":${ago(30).getTime()},"msg":"GET /v1/price 200","ms":14}`,
    `{"level":50,"time":${ago(24).getTime()},"msg":"tax quote failed","err":"connect ETIMEDOUT 172.20.131.58:80","url":"http://tax-engine.checkout.svc.cluster.local/v2/quote"}`,
    `{"level":50,"time":${ago(1).getTime()},"msg":"tax quote failed","err":"connect ETIMEDOUT 172.20.131.58:80","url":"http://tax-engine.checkout.svc.cluster.local/v2/quote"}`,
    `{"level":40,"time":${ago(0.5).getTime()},"msg":"readiness: dependency tax-engine failing (3/3)"}`,
  );
  const other = bystander(ns, 'cart-ui', names, 11);
  return {
    id: 'heldout10-kube-proxy-xtables-lock-one-node',
    class: 'network',
    truth: `kube-proxy on node ${bad} has not been able to apply iptables rules for about 40 minutes: every iptables-restore fails with "Another app is currently holding the xtables lock" (a hung iptables process of a node agent holds it). 26 minutes ago the tax-engine Helm chart v2 recreated its Service with a new ClusterIP (172.20.131.58); every other node programmed it, but ${bad} has no rule for it, so the pricing-api pod on that node times out calling tax-engine and fails readiness, while the two pricing-api pods on the other nodes work. tax-engine is healthy and pricing-api did not change; the cart-ui rollout is unrelated. Fix: kill the process holding /run/xtables.lock (or restart kube-proxy / replace node ${bad}).`,
    ask: { service: 'pricing-api' },
    objects: [
      ...nodes, ...app.objects, ...tax.objects, ...taxSvc, ...proxy.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'cart-ui', selector: { app: 'cart-ui' }, pods: other.pods }),
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 13), 2, 0, 11),
      probeFailed(sick, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 140, firstAgo: 23 }),
    ],
    logs: [
      logsFor(sick, 'app', { current: sickLog }),
      ...app.pods.slice(1).map((p) => logsFor(p, 'app', { current: lines(`{"level":30,"time":${ago(1).getTime()},"msg":"GET /v1/price 200","ms":22}`) })),
      ...(badProxy === undefined ? [] : [logsFor(badProxy, 'kube-proxy', { current: proxyLog })]),
    ],
    expect: {
      verdict: 'problems',
      headline: [lit(bad.split('.')[0] ?? bad), /kube-proxy|iptables|xtables/i],
      facts: [/xtables lock|iptables-restore/, /tax-engine|172\.20\.131\.58/],
      never: [/tax-engine (is )?(down|unavailable|crash)/i, BLAMES_ROLLOUT, /cart-ui/, /\bOOM/],
    },
  };
}

// ---- 8. a DaemonSet fix never applied: the update strategy is OnDelete ----------------------------

function daemonSetOnDeleteFixNotApplied(): CorpusScenario {
  const ns = 'logging';
  const { nodes, names } = threeNodes('10.0.98');
  const tpl = (v: string) => ({
    containers: [container({ name: 'fluent-bit', image: `cr.fluentbit.io/fluent/fluent-bit:${v}`, ports: [2020], cpu: '100m', memory: '256Mi', readiness: httpProbe('/api/v1/health', 2020), liveness: httpProbe('/', 2020), volumeMounts: [{ name: 'varlog', mountPath: '/var/log', readOnly: true }] })],
    volumes: [{ name: 'varlog', hostPath: { path: '/var/log', type: '' } }],
    serviceAccountName: 'fluent-bit',
    tolerations: [{ operator: 'Exists' }],
  });
  const ds = daemonSetApp({
    namespace: ns,
    name: 'fluent-bit',
    revisions: [
      { revision: 13, createdAgo: 9 * DAYS, changeCause: 'helm: fluent-bit 3.1.4', template: tpl('3.1.4') },
      { revision: 14, createdAgo: 2 * HOURS, changeCause: 'helm: fluent-bit 3.1.9 (fix SIGSEGV in in_tail on rotated files)', template: tpl('3.1.9') },
    ],
    pods: [
      { revision: 13, node: names[0] ?? '', createdAgo: 9 * DAYS, containers: { 'fluent-bit': crashLoop({ exitCode: 139, finishedAgo: 3, ranSeconds: 140 }, 37) } },
      { revision: 13, node: names[1] ?? '', createdAgo: 9 * DAYS, containers: { 'fluent-bit': crashLoop({ exitCode: 139, finishedAgo: 1.5, ranSeconds: 95 }, 41) } },
      { revision: 13, node: names[2] ?? '', createdAgo: 9 * DAYS, containers: { 'fluent-bit': running({ sinceAgo: 6, restarts: 22, last: { exitCode: 139, finishedAgo: 6, ranSeconds: 310 } }) } },
    ],
  });
  const dsObj = ds.objects[0] as k8s.V1DaemonSet;
  if (dsObj.spec) dsObj.spec.updateStrategy = { type: 'OnDelete' };
  const prev = (p: k8s.V1Pod, k: number) => lines(
    `Fluent Bit v3.1.4`,
    `${fbTime(5)} [ info] [fluent bit] version=3.1.4, commit=d5ae3ac00a, pid=1`,
    `${fbTime(5)} [ info] [input:tail:tail.0] initializing`,
    `${fbTime(4)} [ info] [input:tail:tail.0] inode=${41221 + k} handle rotation(): /var/log/containers/${nameOf(p)}_logging_fluent-bit-0.log => /var/log/pods/rotated.log.1`,
    `${fbTime(3.5)} [engine] caught signal (SIGSEGV)`,
    '#0  0x55d1c9a3b1e4      in  flb_tail_file_chunk() at plugins/in_tail/tail_file.c:1434',
    '#1  0x55d1c9a3c0aa      in  in_tail_collect_event() at plugins/in_tail/tail.c:309',
    '#2  0x55d1c99b7e51      in  flb_input_collector_fd() at src/flb_input.c:1970',
  );
  return {
    id: 'heldout10-daemonset-ondelete-fix-never-applied',
    class: 'rollout',
    truth: 'fluent-bit 3.1.4 (revision 13) crashes with SIGSEGV (exit 139) in in_tail when container logs rotate under load, so log shipping has been dropping for days. Revision 14 (fluent-bit 3.1.9, with the fix) was applied 2 hours ago, but the DaemonSet\'s updateStrategy is OnDelete (left from a careful migration months ago): the controller does not replace pods, so all three still run revision 13 and keep crashing (updatedNumberScheduled 0). Revision 14 is not at fault; nothing has run it. Fix: delete the fluent-bit pods (one node at a time) so they come back on revision 14, and set the update strategy back to RollingUpdate.',
    ask: { service: 'fluent-bit' },
    objects: [
      ...nodes, ...ds.objects,
      ...ds.pods.slice(0, 2).map((p, k) => backOff(p, 'fluent-bit', { count: 300 - 20 * k, firstAgo: 2 * DAYS })),
      nodeEvent(names[1] ?? '', 'FreeDiskSpaceFailed', 'Failed to garbage collect required amount of images. Attempted to free 3288436326 bytes, but only found 0 bytes eligible to free.', { type: 'Warning', firstAgo: 19 * HOURS }),
    ],
    logs: ds.pods.map((p, k) => logsFor(p, 'fluent-bit', { previous: prev(p, k), current: lines('Fluent Bit v3.1.4', `${fbTime(0.4)} [ info] [fluent bit] version=3.1.4, commit=d5ae3ac00a, pid=1`) })),
    expect: {
      verdict: 'problems',
      headline: [/OnDelete/],
      facts: [/revision 14/, /SIGSEGV|139/],
      never: [/\bOOM/, ADVISES_ROLLBACK, /disk (pressure|full)|garbage collect/i],
    },
  };
}

// ---- 9. a rollout blocked by a claim that is being deleted ---------------------------------------

function pvcBeingDeletedBlocksRollout(): CorpusScenario {
  const ns = 'cms';
  const { nodes, names } = threeNodes('10.0.109');
  const tpl = (v: string) => ({
    containers: [container({ image: `${ECR}/cms/media-worker:${v}`, ports: [8080], volumeMounts: [{ name: 'media', mountPath: '/srv/media' }] })],
    volumes: [{ name: 'media', persistentVolumeClaim: { claimName: 'media-shared' } }],
  });
  const why = '0/3 nodes are available: persistentvolumeclaim "media-shared" is being deleted. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
  const app = deploymentApp({
    namespace: ns,
    name: 'media-worker',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 12 * DAYS, changeCause: 'argocd: media-worker 1.22.0', template: tpl('1.22.0') },
      { revision: 19, createdAgo: 20, changeCause: 'argocd: media-worker 1.23.0', template: tpl('1.23.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 12 * DAYS })),
      { revision: 19, createdAgo: 20, unschedulable: why },
    ],
  });
  const claim = pvc({ namespace: ns, name: 'media-shared', storage: '1Ti', storageClass: 'efs-sc', phase: 'Bound', accessModes: ['ReadWriteMany'], volumeName: 'pvc-media-shared-efs', createdAgo: 200 * DAYS });
  if (claim.metadata) Object.assign(claim.metadata, { deletionTimestamp: ago(3 * DAYS + 5 * HOURS), deletionGracePeriodSeconds: 0 });
  const vol = pv({ name: 'pvc-media-shared-efs', storage: '1Ti', storageClass: 'efs-sc', accessModes: ['ReadWriteMany'], claim: { namespace: ns, name: 'media-shared' }, createdAgo: 200 * DAYS, csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-0a1b2c3d4e5f67890::fsap-0123456789abcdef0' } });
  const p = podOf(app, 3);
  return {
    id: 'heldout10-pvc-being-deleted-blocks-rollout',
    class: 'storage',
    truth: 'Three days ago someone cleaning up staging ran kubectl delete pvc media-shared against the production context. The claim could not go away because the running media-worker pods use it (kubernetes.io/pvc-protection finalizer), so it has sat in Terminating ever since without anyone noticing. Today\'s rollout (revision 19, 20 minutes ago) creates a new pod, which the scheduler refuses: persistentvolumeclaim "media-shared" is being deleted. The rollout is stuck; the three revision-18 pods keep working. Revision 19 is innocent, and the danger is real: once the last old pod stops, the claim and its EFS volume (reclaim policy Delete) are deleted. Fix: set the PV\'s reclaim policy to Retain at once, then re-create the claim bound to that volume (or restore from backup) before pods are replaced.',
    ask: { service: 'media-worker' },
    objects: [
      ...nodes, ...app.objects, claim, vol,
      ...exposed({ namespace: ns, name: 'media-worker', selector: { app: 'media-worker' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 19), 1, 0, 20),
      failedScheduling(p, why, { count: 14, firstAgo: 20, lastAgo: 1 }),
    ],
    logs: app.pods.slice(0, 3).map((q) => logsFor(q, 'app', { current: lines(`${pyTime(2)} INFO media_worker.thumbs: wrote /srv/media/thumbs/2026/11/a81f.webp (480x320)`) })),
    expect: {
      verdict: 'problems',
      headline: [/media-shared/, /being deleted|deletion|Terminating|deleted/i],
      facts: [/pvc-protection|finalizer|deletionTimestamp|being deleted/i],
      never: [/Insufficient (cpu|memory)/i, /node affinity/i, ADVISES_ROLLBACK, /storage ?class .*not found/i],
    },
  };
}

// ---- 10. a StatefulSet scale-up refused by a storage ResourceQuota -------------------------------

function statefulSetStorageQuota(): CorpusScenario {
  const ns = 'observability';
  const { nodes, names } = threeNodes('10.0.120');
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const app = statefulSetApp({
    namespace: ns,
    name: 'opensearch',
    replicas: 4,
    serviceName: 'opensearch-headless',
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    revisions: [{ revision: 6, createdAgo: 45 * DAYS, template: { containers: [container({ name: 'opensearch', image: 'opensearchproject/opensearch:2.17.1', ports: [9200, { name: 'transport', containerPort: 9300 }], cpu: '2', memory: '8Gi', readiness: tcpProbe(9200), liveness: null })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 6, ordinal: k, node: names[k] ?? '', createdAgo: 20 * DAYS })),
  });
  const claims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-opensearch-${k}`, storage: '500Gi', zone: zones[k] ?? 'eu-west-1a', createdAgo: 45 * DAYS, labels: { app: 'opensearch' } }));
  const quota = resourceQuota({ namespace: ns, name: 'storage', createdAgo: 90 * DAYS, hard: { 'requests.storage': '1600Gi', persistentvolumeclaims: '10' }, used: { 'requests.storage': '1500Gi', persistentvolumeclaims: '3' } });
  const forbidden = 'persistentvolumeclaims "data-opensearch-3" is forbidden: exceeded quota: storage, requested: requests.storage=500Gi, used: requests.storage=1500Gi, limited: requests.storage=1600Gi';
  const sts = { kind: 'StatefulSet', name: 'opensearch', namespace: ns };
  const log = (k: number) => lines(
    `[${at(40).replace('T', ' ').replace('Z', '').replace('.', ',')}][WARN ][o.o.c.r.a.DiskThresholdMonitor] [opensearch-${k}] high disk watermark [90%] exceeded on [opensearch-${k}][/usr/share/opensearch/data/nodes/0] free: 46.1gb[9.2%], shards will be relocated away from this node`,
    `[${at(2).replace('T', ' ').replace('Z', '').replace('.', ',')}][INFO ][o.o.c.r.a.AllocationService] [opensearch-${k}] Cluster health status changed from [GREEN] to [YELLOW] (reason: [shards failed to allocate: no node below high watermark]).`,
  );
  return {
    id: 'heldout10-statefulset-storage-quota-blocks-claim',
    class: 'capacity',
    truth: 'The three OpenSearch data nodes passed their 90% disk watermark, so the on-call scaled the opensearch StatefulSet from 3 to 4 replicas 14 minutes ago. The namespace has a ResourceQuota "storage" limiting requests.storage to 1600Gi; the three existing 500Gi claims use 1500Gi, so the new claim data-opensearch-3 (500Gi) is forbidden and the statefulset-controller never creates opensearch-3. The cluster stays at three full nodes and turns yellow. Not node capacity, not the StorageClass. Fix: raise the storage quota (to at least 2000Gi) or grow the existing volumes instead.',
    ask: { service: 'opensearch' },
    objects: [
      ...nodes, ...app.objects, ...claims, quota,
      ...exposed({ namespace: ns, name: 'opensearch-headless', selector: { app: 'opensearch' }, pods: app.pods, headless: true, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], endpointPort: 9200 }),
      event({ on: sts, reason: 'FailedCreate', message: `create Claim data-opensearch-3 for Pod opensearch-3 in StatefulSet opensearch failed error: ${forbidden}`, count: 31, firstAgo: 14, lastAgo: 0.5, component: 'statefulset-controller' }),
      event({ on: sts, reason: 'FailedCreate', message: `create Pod opensearch-3 in StatefulSet opensearch failed error: failed to create PVC data-opensearch-3: ${forbidden}`, count: 31, firstAgo: 14, lastAgo: 0.5, component: 'statefulset-controller' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'opensearch', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/quota/i, /opensearch-3|storage/i],
      facts: [/requests\.storage/, /1600Gi|1500Gi/],
      never: [/Insufficient (cpu|memory)/i, /storage ?class/i, /\bOOM/],
    },
  };
}

// ---- 11. a native gRPC readiness probe asks for a health service the server does not register -----

function grpcReadinessUnknownService(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeNodes('10.0.131');
  const ports = [{ name: 'grpc', containerPort: 9090 }];
  const v50 = { containers: [container({ image: `${ECR}/fulfilment/inventory-grpc:3.12.2`, ports, readiness: execProbe(['/bin/grpc_health_probe', '-addr=:9090']), liveness: execProbe(['/bin/grpc_health_probe', '-addr=:9090'], { initialDelaySeconds: 10 }) })] };
  const v51 = { containers: [container({ image: `${ECR}/fulfilment/inventory-grpc:4.0.0`, ports, readiness: { grpc: { port: 9090, service: 'inventory.v1.InventoryService' }, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }, liveness: { grpc: { port: 9090 }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 } })] };
  const app = deploymentApp({
    namespace: ns,
    name: 'inventory-grpc',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 50, createdAgo: 12 * DAYS, changeCause: 'argocd: inventory-grpc 3.12.2', template: v50 },
      { revision: 51, createdAgo: 33, changeCause: 'argocd: inventory-grpc 4.0.0 (native gRPC probes, distroless image)', template: v51 },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 50, node: names[k] ?? '', createdAgo: 12 * DAYS })),
      { revision: 51, node: names[2] ?? '', createdAgo: 32, containers: { app: running({ sinceAgo: 32, ready: false }) } },
    ],
  });
  const p = podOf(app, 3);
  const image = `${ECR}/fulfilment/inventory-grpc:4.0.0`;
  const log = lines(
    `{"level":"info","ts":"${at(31.9)}","logger":"server","msg":"inventory-grpc 4.0.0 starting","grpc_addr":":9090"}`,
    `{"level":"info","ts":"${at(31.8)}","logger":"health","msg":"health status set","service":"","status":"SERVING"}`,
    `{"level":"info","ts":"${at(31.8)}","logger":"server","msg":"registered services","services":["inventory.v1.Inventory","grpc.health.v1.Health","grpc.reflection.v1.ServerReflection"]}`,
    `{"level":"info","ts":"${at(31.7)}","logger":"server","msg":"serving gRPC","addr":"[::]:9090"}`,
  );
  return {
    id: 'heldout10-grpc-readiness-unknown-service',
    class: 'probes',
    truth: 'Revision 51 (inventory-grpc 4.0.0, 33 minutes ago) moved to a distroless image and replaced the grpc_health_probe exec probes with native gRPC probes. The readiness probe asks the health service for "inventory.v1.InventoryService", but the server only sets a status for the empty service name "" (and its service is actually called inventory.v1.Inventory), so every check answers NotFound "unknown service". The new pod runs fine (liveness, which asks for "", passes; no restarts) but never turns Ready; maxUnavailable 0 keeps the three revision-50 pods serving and the rollout stalls. Fix: drop the service field from the readiness probe (or register a status for that name in the health server).',
    ask: { service: 'inventory-grpc' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'inventory-grpc', selector: { app: 'inventory-grpc' }, pods: app.pods, ports: [{ name: 'grpc', port: 9090, targetPort: 9090 }], endpointPort: 9090 }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 51), 1, 0, 33),
      ...startedAt(p, 'app', image, 32),
      probeFailed(p, 'app', 'Readiness', 'error: health rpc probe failed: rpc error: code = NotFound desc = unknown service', { count: 380, firstAgo: 31.7 }),
    ],
    logs: [logsFor(p, 'app', { current: log }), ...app.pods.slice(0, 3).map((q) => logsFor(q, 'app', { current: lines(`{"level":"info","ts":"${at(1)}","logger":"grpc","msg":"finished unary call","grpc.method":"Reserve","grpc.code":"OK","grpc.time_ms":4.1}`) }))],
    expect: {
      verdict: 'problems',
      headline: [/readiness/i, /unknown service|NotFound|inventory\.v1\.InventoryService/],
      facts: [/revision 51/],
      never: [/\bOOM/, /connection refused/i, /liveness probe fail/i, /crash-?loop/i],
    },
  };
}

// ---- 12. gunicorn exits 3 after the Python 3.12 base image dropped pkg_resources ----------------

function gunicornPkgResourcesExit3(): CorpusScenario {
  const ns = 'risk';
  const { nodes, names } = threeNodes('10.0.142');
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/risk/fraud-scorer:${v}`, ports: [8000], memory: '1Gi', command: ['gunicorn', '-k', 'uvicorn.workers.UvicornWorker', '-w', '4', '-b', '0.0.0.0:8000', 'fraud_scorer.app:app'], readiness: httpProbe('/ready', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 20 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'fraud-scorer',
    replicas: 3,
    revisions: [
      { revision: 66, createdAgo: 4 * DAYS, changeCause: 'argocd: fraud-scorer 2.18.3', template: tpl('2.18.3') },
      { revision: 67, createdAgo: 18, changeCause: 'argocd: fraud-scorer 2.19.0 (base image python:3.12-slim)', template: tpl('2.19.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 66, node: names[k] ?? '', createdAgo: 4 * DAYS })),
      { revision: 67, node: names[0] ?? '', createdAgo: 17, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 2.5, ranSeconds: 4 }, 7) } },
    ],
  });
  const p = podOf(app, 3);
  const image = `${ECR}/risk/fraud-scorer:2.19.0`;
  const t = 2.6;
  const prev = lines(
    `${gTime(t)} [1] [INFO] Starting gunicorn 23.0.0`,
    `${gTime(t)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `${gTime(t)} [1] [INFO] Using worker: uvicorn.workers.UvicornWorker`,
    `${gTime(t)} [7] [INFO] Booting worker with pid: 7`,
    `${gTime(2.55)} [7] [ERROR] Exception in worker process`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py", line 608, in spawn_worker',
    '    worker.init_process()',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/util.py", line 371, in import_app',
    '    mod = importlib.import_module(module)',
    '  File "/app/fraud_scorer/app.py", line 9, in <module>',
    '    from fraud_scorer.model import load_model',
    '  File "/app/fraud_scorer/model.py", line 4, in <module>',
    '    import pkg_resources',
    'ModuleNotFoundError: No module named \'pkg_resources\'',
    `${gTime(2.55)} [7] [INFO] Worker exiting (pid: 7)`,
    `${gTime(2.5)} [1] [ERROR] Worker (pid:7) exited with code 3`,
    `${gTime(2.5)} [1] [ERROR] Shutting down: Master`,
    `${gTime(2.5)} [1] [ERROR] Reason: Worker failed to boot.`,
  );
  return {
    id: 'heldout10-gunicorn-pkg-resources-exit-3',
    class: 'containers',
    truth: 'Revision 67 (fraud-scorer 2.19.0, 18 minutes ago) moved the base image to python:3.12-slim, whose virtual environment no longer ships setuptools; fraud_scorer/model.py still does "import pkg_resources", so every gunicorn worker fails to import the app (ModuleNotFoundError: No module named \'pkg_resources\') and the master exits with code 3 ("Worker failed to boot"). The new pod crash-loops; the three revision-66 pods keep serving. Not memory, not a probe. Fix: replace pkg_resources with importlib.metadata (or add setuptools to the requirements), or roll back to revision 66.',
    ask: { service: 'fraud-scorer' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'fraud-scorer', selector: { app: 'fraud-scorer' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 67), 1, 0, 18),
      ...startedAt(p, 'app', image, 17),
      ...restartedAgain(p, 'app', image, { count: 7, firstAgo: 16.5, lastAgo: 2.6 }),
      backOff(p, 'app', { count: 70, firstAgo: 16 }),
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(app, 1))}:8000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 23 * HOURS, lastAgo: 23 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(p, 'app', { previous: prev, current: lines(`${gTime(0.2)} [1] [INFO] Starting gunicorn 23.0.0`) }),
      ...app.pods.slice(0, 3).map((q) => logsFor(q, 'app', { current: lines(`INFO:     10.0.3.7:51234 - "POST /v1/score HTTP/1.1" 200 OK`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pkg_resources|ModuleNotFoundError|Worker failed to boot/],
      facts: [/revision 67/, /\b(exit(ed)?( with)?( code)? 3|code 3)\b/i],
      never: [/\bOOM/, /liveness probe (fail|kill)/i, /readiness probe fail/i],
    },
  };
}

// ---- 13. healthy: a steady service with old noise around it --------------------------------------

function healthySteadyWithOldNoise(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeNodes('10.0.153');
  const image = `${ECR}/notifications/push-gateway:6.3.1`;
  const app = deploymentApp({
    namespace: ns,
    name: 'push-gateway',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 30 * DAYS, template: { containers: [container({ image: `${ECR}/notifications/push-gateway:6.2.0`, ports: [8080] })] } },
      { revision: 9, createdAgo: 8 * DAYS, changeCause: 'argocd: push-gateway 6.3.1', template: { containers: [container({ image, ports: [8080], volumeMounts: [{ name: 'apns-cert', mountPath: '/etc/apns', readOnly: true }] })], volumes: [{ name: 'apns-cert', secret: { secretName: 'apns-cert' } }] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: k === 2 ? 19 * HOURS : 8 * DAYS })),
    settled: { available: true, availableSince: 8 * DAYS, progressingSince: 8 * DAYS },
  });
  const other = bystander(ns, 'push-templates', names, 6);
  const late = podOf(app, 2);
  return {
    id: 'heldout10-healthy-steady-with-old-noise',
    class: 'healthy',
    truth: 'Nothing is wrong with push-gateway: its three revision-9 pods are Ready with no restarts and delivering. The FailedMount "failed to sync secret cache" warning is from 19 hours ago, when the third pod was rescheduled after a node rotation, and cleared on retry; the readiness timeouts are from the same start. The APNs "410 Unregistered" and FCM "NotRegistered" lines are per-device answers for uninstalled apps, routine. The push-templates rollout 6 minutes ago is unrelated and healthy.',
    ask: { service: 'push-gateway' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'push-gateway', selector: { app: 'push-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'push-templates', selector: { app: 'push-templates' }, pods: other.pods }),
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 13), 2, 0, 6),
      event({ on: late, reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "apns-cert" : failed to sync secret cache: timed out waiting for the condition', firstAgo: 19 * HOURS, lastAgo: 19 * HOURS }),
      probeFailed(late, 'app', 'Readiness', `Get "http://${ipOfPod(late)}:8080/ready": dial tcp ${ipOfPod(late)}:8080: connect: connection refused`, { count: 2, firstAgo: 19 * HOURS - 1, lastAgo: 19 * HOURS - 1.2 }),
    ],
    logs: app.pods.map((q, k) => logsFor(q, 'app', { current: lines(
      `${at(5)} INFO  push sent platform=apns id=${77120 + k} status=200`,
      `${at(3)} WARN  push rejected platform=apns id=${77141 + k} status=410 reason=Unregistered (token removed)`,
      `${at(2)} ERROR push rejected platform=fcm id=${77163 + k} error=NotRegistered (token removed)`,
      `${at(1)} INFO  push sent platform=fcm id=${77170 + k} status=200`,
    ) })),
    expect: {
      verdict: 'healthy',
      headline: [/push-gateway/],
      facts: [],
      never: [BLAMES_ROLLOUT, /push-templates/, /FailedMount|secret cache/i, /\bOOM/],
    },
  };
}

// ---- 14. healthy: recovered hours ago from a database failover ------------------------------------

function healthyRecoveredAfterDbFailover(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeNodes('10.0.164');
  const image = `${ECR}/accounts/auth-api:11.4.2`;
  const failover = 3 * HOURS + 10;
  const app = deploymentApp({
    namespace: ns,
    name: 'auth-api',
    replicas: 3,
    revisions: [{ revision: 21, createdAgo: 10 * DAYS, changeCause: 'argocd: auth-api 11.4.2', template: { containers: [container({ image, ports: [8080], liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 21, node: names[k] ?? '', createdAgo: 10 * DAYS, containers: { app: running({ sinceAgo: failover - 2 - k * 0.3, restarts: 1, last: { exitCode: 143, finishedAgo: failover - 2 - k * 0.3, ranSeconds: 10 * 24 * 3600 } }) } })),
    settled: { available: true, availableSince: failover - 3, progressingSince: 10 * DAYS },
  });
  const prev = lines(
    `${pyTime(failover + 0.2)} ERROR sqlalchemy.pool.impl.QueuePool: Exception during reset or similar: psycopg2.OperationalError: terminating connection due to administrator command`,
    `${pyTime(failover)} ERROR auth_api.health: database check failed: connection to server at "accounts-db.cluster-c7q1.eu-west-1.rds.amazonaws.com" (10.0.96.44), port 5432 failed: Connection refused`,
    `${pyTime(failover - 1.8)} INFO uvicorn.error: Shutting down`,
  );
  return {
    id: 'heldout10-healthy-recovered-after-db-failover',
    class: 'healthy',
    truth: 'Nothing needs doing: the Aurora cluster behind auth-api failed over 3 hours ago (planned maintenance); for about two minutes /healthz, which checks the database, failed, so the kubelet restarted each auth-api container once (exit 143). They reconnected to the new writer and have been Ready for over three hours with no further restarts; the probe failures and restarts are history.',
    ask: { service: 'auth-api' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'auth-api', selector: { app: 'auth-api' }, pods: app.pods }),
      ...app.pods.flatMap((p, k) => [
        probeFailed(p, 'app', 'Liveness', 'HTTP probe failed with statuscode: 503', { count: 3, firstAgo: failover + 0.5, lastAgo: failover - 1.9 - k * 0.3 }),
        probeKilling(p, 'app', 'liveness', { count: 1, firstAgo: failover - 2 - k * 0.3, lastAgo: failover - 2 - k * 0.3 }),
        probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 12, firstAgo: failover + 0.5, lastAgo: failover - 2.5 }),
      ]),
    ],
    logs: app.pods.map((q) => logsFor(q, 'app', { previous: prev, current: lines(`${pyTime(2)} INFO uvicorn.access: 10.0.7.31:40312 - "POST /v1/token HTTP/1.1" 200`, `${pyTime(1)} INFO uvicorn.access: 10.0.7.31:40388 - "GET /v1/userinfo HTTP/1.1" 200`) })),
    expect: {
      verdict: 'healthy',
      headline: [/auth-api/],
      facts: [],
      never: [BLAMES_ROLLOUT, /crash-?loop/i, /\bOOM/],
    },
  };
}

export const HOLDOUT_10_SCENARIOS: CorpusScenario[] = [
  conntrackFullOneNode(),
  truststorePasswordWrongKey(),
  pullThroughCacheDeleted(),
  liquibaseStaleLock(),
  hpaCustomMetricRenamed(),
  cronJobTtlZeroFailuresVanish(),
  kubeProxyXtablesLockOneNode(),
  daemonSetOnDeleteFixNotApplied(),
  pvcBeingDeletedBlocksRollout(),
  statefulSetStorageQuota(),
  grpcReadinessUnknownService(),
  gunicornPkgResourcesExit3(),
  healthySteadyWithOldNoise(),
  healthyRecoveredAfterDbFailover(),
];
