// Held-out stories, fifty-sixth round, part one: a Kafka consumer Deployment that its HPA scaled
// from 4 to 12 replicas while the brokers cap a group at group.max.size=8, so the extra members are
// refused with GROUP_MAX_SIZE_REACHED, crash-loop and keep the group rebalancing while lag grows; a
// revision that moved DATABASE_URL="postgres://$(DB_USER):$(DB_PASSWORD)@…" above DB_USER and
// DB_PASSWORD, so Kubernetes leaves the references unexpanded and Postgres rejects user "$(DB_USER)";
// a MySQL StatefulSet whose my.cnf ConfigMap was edited to wait_timeout=60, so the Java app's pooled
// connections idle past a minute are closed under it ("Communications link failure … 74,312
// milliseconds ago"); a memcached StatefulSet scaled from 3 to 4 whose clients hash keys modulo the
// server count, so three quarters of the keys move, the hit rate collapses and Postgres saturates;
// a Postgres StatefulSet on a 100 GiB gp2 EBS volume whose night-long REINDEX drained the burst
// balance, so checkpoints and fsyncs crawl at the 300-IOPS baseline and the API's queries time out;
// a gunicorn service whose new base image's entrypoint dropped `--worker-tmp-dir /dev/shm`, so the
// worker heartbeat file sits on the busy overlay disk and the arbiter SIGKILLs idle-CPU workers;
// and a healthy control: an Istio-injected service whose sidecar logs xDS stream closes every ~30
// minutes (istiod's max connection age) and one readiness-probe failure 40 minutes ago.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, boundClaim, configMap, container, crashLoop, deploymentApp, event, every, exposed, hpa, httpProbe,
  job, jobEvent, batchContainer, terminated, ago, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, statefulSetApp, tcpProbe, execProbe, clfTime,
} from '../kit/index.js';
import type { Built, ContainerStory, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const ipOf = (p: k8s.V1Pod): string => p.status?.podIP ?? '10.0.0.1';
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** Logback's default pattern time: `2026-11-21 03:12:41.563`. */
const jTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');
/** gunicorn's time: `[2026-11-21 03:12:41 +0000]`. */
const gTime = (minutes: number): string => `[${at(minutes).slice(0, 19).replace('T', ' ')} +0000]`;

// ---- 1. Kafka consumer group at group.max.size after an HPA scale-out --------------------------------

function kafkaGroupMaxSize(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.84', ['27', '140', '219']);
  const image = `${ECR}/fulfilment/shipment-events-consumer:3.8.2`;
  const group = 'shipment-events-processor';
  const tplOf = (img: string) => ({
    containers: [container({
      image: img, ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'b-1.fulfilment-msk.x7k2pq.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.fulfilment-msk.x7k2pq.c3.kafka.eu-west-1.amazonaws.com:9098,b-3.fulfilment-msk.x7k2pq.c3.kafka.eu-west-1.amazonaws.com:9098' },
        { name: 'SPRING_KAFKA_CONSUMER_GROUP_ID', value: group },
        { name: 'SPRING_KAFKA_LISTENER_CONCURRENCY', value: '1' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 10 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, periodSeconds: 15 }),
    })],
  });
  const scaledAgo = 47;
  const crashers = [8, 9, 10, 11];
  const app = deploymentApp({
    namespace: ns,
    name: 'shipment-events-consumer',
    replicas: 12,
    revisions: [
      { revision: 14, createdAgo: 23 * DAYS, changeCause: 'argocd: shipment-events-consumer 3.8.1', template: tplOf(image.replace('3.8.2', '3.8.1')) },
      { revision: 15, createdAgo: 9 * DAYS, changeCause: 'argocd: shipment-events-consumer 3.8.2', template: tplOf(image) },
    ],
    pods: Array.from({ length: 12 }, (_, k) => ({
      revision: 15,
      node: names[k % 3] ?? '',
      createdAgo: k < 4 ? 9 * DAYS - k : scaledAgo - 0.2,
      containers: ((): Record<string, ContainerStory> => {
        if (crashers.includes(k)) return { app: crashLoop({ exitCode: 1, finishedAgo: 1.5 + (k - 8) * 0.9, ranSeconds: 41 }, 11 + (k % 3)) };
        if (k >= 4) return { app: running({ sinceAgo: 6 + k, restarts: k % 2 === 0 ? 3 : 2, last: { exitCode: 1, finishedAgo: 6 + k, ranSeconds: 300 + k * 40 } }) };
        return {};
      })(),
    })),
    settled: { available: true, availableSince: 9 * DAYS - 5, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 5 },
  });
  const other = bystander(ns, 'shipment-tracking-api', names, 70, { revisions: [41, 42], versions: ['5.2.0', '5.2.1'], olderAgo: 12 * DAYS });
  const rs = rsOf(app, 15);
  const joinLog = (k: number, t: number, gen: number) => [
    `${jTime(t)}  INFO 1 --- [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-${group}-1, groupId=${group}] Request joining group due to: group is already rebalancing`,
    `${jTime(t - 0.01)}  INFO 1 --- [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-${group}-1, groupId=${group}] Revoke previously assigned partitions shipment-events-${k}, shipment-events-${k + 12}`,
    `${jTime(t - 0.02)}  INFO 1 --- [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : ${group}: partitions revoked: [shipment-events-${k}, shipment-events-${k + 12}]`,
    `${jTime(t - 0.03)}  INFO 1 --- [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-${group}-1, groupId=${group}] (Re-)joining group`,
    `${jTime(t - 0.12)}  INFO 1 --- [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-${group}-1, groupId=${group}] Successfully joined group with generation Generation{generationId=${gen}, memberId='consumer-${group}-1-${(k * 7919).toString(16)}a1-4c2e-9b7f-${(gen * 31).toString(16)}e0c2d1', protocol='range'}`,
    `${jTime(t - 0.14)}  INFO 1 --- [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-${group}-1, groupId=${group}] Adding newly assigned partitions: shipment-events-${(k + gen) % 24}, shipment-events-${(k + gen + 8) % 24}, shipment-events-${(k + gen + 16) % 24}`,
  ];
  const runningLog = (k: number): string => {
    const out: string[] = [
      `${jTime(k < 4 ? 9 * DAYS - k - 1 : 5 + k)}  INFO 1 --- [           main] c.a.f.s.ShipmentEventsConsumerApplication : Started ShipmentEventsConsumerApplication in 18.412 seconds (process running for 20.03)`,
    ];
    for (let i = 0; i < 6; i++) {
      out.push(...joinLog(k % 8, 4.5 - i * 0.7 - k * 0.02, 1841 + i * 2));
      out.push(`${jTime(4.2 - i * 0.7 - k * 0.02)}  WARN 1 --- [   lag-reporter] c.a.f.s.metrics.LagReporter              : consumer lag for ${group}: total=${182_000 + i * 9_400 + k * 310} max_partition=shipment-events-${(k + 3) % 24} (${21_000 + i * 1_200})`);
    }
    return out.join('\n') + '\n';
  };
  const crashLog = (k: number, base = 1.65 + (k - 8) * 0.9): string => lines(
    `${jTime(base)}  INFO 1 --- [           main] c.a.f.s.ShipmentEventsConsumerApplication : Started ShipmentEventsConsumerApplication in 17.906 seconds (process running for 19.55)`,
    `${jTime(base - 0.05)}  INFO 1 --- [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-${group}-1, groupId=${group}] (Re-)joining group`,
    `${jTime(base - 0.07)}  INFO 1 --- [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-${group}-1, groupId=${group}] Request joining group due to: need to re-join with the given member-id: consumer-${group}-1-0f3c${k}e21-7d4a-4b1e-a2c9-58e1d0b4c${k}17`,
    `${jTime(base - 0.08)}  INFO 1 --- [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-${group}-1, groupId=${group}] (Re-)joining group`,
    `${jTime(base - 0.1)} ERROR 1 --- [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-${group}-1, groupId=${group}] JoinGroup failed due to fatal error: The consumer group has reached its max size.`,
    `${jTime(base - 0.1)} ERROR 1 --- [ntainer#0-0-C-1] essageListenerContainer$ListenerConsumer : Fatal consumer exception; stopping container`,
    '',
    `org.apache.kafka.common.errors.GroupMaxSizeReachedException: Consumer group ${group} already has the configured maximum number of members.`,
    '',
    `${jTime(base - 0.11)}  INFO 1 --- [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : ${group}: Consumer stopped`,
    `${jTime(base - 0.12)} ERROR 1 --- [         task-1] c.a.f.s.config.ContainerWatchdog         : listener container ${group} stopped abnormally (GroupMaxSizeReachedException); exiting so the pod is restarted`,
    `${jTime(base - 0.13)}  INFO 1 --- [ionShutdownHook] o.s.b.w.e.tomcat.GracefulShutdown        : Commencing graceful shutdown. Waiting for active requests to complete`,
  );
  return {
    id: 'heldout56-kafka-consumer-group-max-size',
    class: 'capacity',
    truth: `The HPA of shipment-events-consumer scaled it from 4 to 12 replicas ${scaledAgo} minutes ago on a CPU spike, but the MSK brokers run with group.max.size=8: every member past the eighth gets GROUP_MAX_SIZE_REACHED ("Consumer group ${group} already has the configured maximum number of members"), the listener container stops and the pod exits and crash-loops, and each retry triggers another rebalance of the whole group, so consumption stalls and lag grows. Fix: cap the HPA's maxReplicas at 8 (or at the partition count within the broker limit) or raise group.max.size on the cluster; the image (3.8.2, nine days old) is innocent.`,
    ask: { service: 'shipment-events-consumer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'shipment-events-consumer', selector: { app: 'shipment-events-consumer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'shipment-tracking-api', selector: { app: 'shipment-tracking-api' }, pods: other.pods }),
      hpa({
        namespace: ns, name: 'shipment-events-consumer', target: { kind: 'Deployment', name: 'shipment-events-consumer' }, min: 4, max: 12, current: 12, desired: 12,
        cpu: { current: 83, target: 65, averageValue: '415m' }, lastScaleAgo: scaledAgo,
        conditions: [
          { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(scaledAgo - 5) },
          { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(30 * DAYS) },
          { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count', lastTransitionTime: ago(scaledAgo) },
        ],
      }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'shipment-events-consumer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 8; reason: cpu resource utilization (percentage of request) above target', firstAgo: scaledAgo + 3, lastAgo: scaledAgo + 3, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'shipment-events-consumer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 12; reason: cpu resource utilization (percentage of request) above target', firstAgo: scaledAgo, lastAgo: scaledAgo, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rs, 8, 4, scaledAgo + 3),
      scaledReplicaSet(deploymentOf(app), rs, 12, 8, scaledAgo),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 42), 2, 0, 70),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 0, 2, 68),
      ...crashers.flatMap((k) => [
        backOff(podOf(app, k), 'app', { count: 160 + k * 3, firstAgo: scaledAgo - 6, lastAgo: 0.4 + (k - 8) * 0.3 }),
        ...restartedAgain(podOf(app, k), 'app', image, { count: 11 + (k % 3), firstAgo: scaledAgo - 1, lastAgo: 2.5 + (k - 8) }),
      ]),
      ...[4, 5, 6, 7].map((k) => probeFailed(podOf(app, k), 'app', 'Readiness', `HTTP probe failed with statuscode: 503`, { count: 9 + k, firstAgo: scaledAgo - 2, lastAgo: 3 + k * 0.5 })),
    ],
    logs: [
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((k) => logsFor(podOf(app, k), 'app', { current: runningLog(k), ...(k >= 4 ? { previous: crashLog(k, 6 + k + 0.15) } : {}) })),
      ...crashers.map((k) => logsFor(podOf(app, k), 'app', { current: crashLog(k), previous: crashLog(k, 1.65 + (k - 8) * 0.9 + 5.3) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/GROUP_MAX_SIZE_REACHED|GroupMaxSizeReached|group\.max\.size|max(imum)? (size|number of members|members|capacity)|group (is )?full/i, /\b12\b|\b8\b|HPA|autoscal|scal(ed|ing)? ?(up|out)|replicas/i],
      facts: [/shipment-events-consumer/, /shipment-events-processor|GroupMaxSizeReachedException|max size/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /shipment-tracking-api/, /liveness/i],
    },
  };
}

// ---- 2. DATABASE_URL defined before the variables it references --------------------------------------

function envReferenceOrder(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.52', ['33', '118', '246']);
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const dbUrl = { name: 'DATABASE_URL', value: 'postgres://$(DB_USER):$(DB_PASSWORD)@billing-pg.cluster-cq8v1x2r4t.eu-west-1.rds.amazonaws.com:5432/billing?sslmode=require' };
  const dbUser = { name: 'DB_USER', valueFrom: { secretKeyRef: { name: 'invoice-api-db', key: 'username' } } };
  const dbPass = { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'invoice-api-db', key: 'password' } } };
  const common = [
    { name: 'NODE_ENV', value: 'production' },
    { name: 'PORT', value: '3000' },
    { name: 'PG_POOL_MAX', value: '15' },
  ];
  const old = container({
    image: image('2.14.3'), ports: [3000], cpu: '250m', memory: '512Mi',
    env: [...common, dbUser, dbPass, dbUrl, { name: 'LOG_LEVEL', value: 'info' }],
    readiness: httpProbe('/readyz', 3000), liveness: httpProbe('/livez', 3000, { initialDelaySeconds: 10 }),
  });
  const neu = container({
    image: image('2.15.0'), ports: [3000], cpu: '250m', memory: '512Mi',
    env: [dbUrl, ...common, { name: 'LOG_LEVEL', value: 'info' }, { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector.observability:4318' }, { name: 'OTEL_SERVICE_NAME', value: 'invoice-api' }, dbUser, dbPass],
    readiness: httpProbe('/readyz', 3000), liveness: httpProbe('/livez', 3000, { initialDelaySeconds: 10 }),
  });
  const rolledAgo = 26;
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 4,
    revisions: [
      { revision: 17, createdAgo: 15 * DAYS, changeCause: 'argocd: invoice-api 2.14.3', template: { containers: [old] } },
      { revision: 18, createdAgo: rolledAgo, changeCause: 'argocd: invoice-api 2.15.0 (helm chart 4.0.0: env via values.env list, OTEL)', template: { containers: [neu] } },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 17, node: names[k] ?? '', createdAgo: 15 * DAYS - k })),
      ...[0, 1].map((k) => ({ revision: 18, node: names[(k + 1) % 3] ?? '', createdAgo: rolledAgo - 0.2, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2 + k * 1.7, ranSeconds: 3 }, 9 - k) } })),
    ],
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
  });
  const other = bystander(ns, 'billing-webhooks', names, 95, { revisions: [8, 9], versions: ['1.6.2', '1.7.0'], olderAgo: 40 * DAYS });
  const newPods = [podOf(app, 3), podOf(app, 4)];
  const crash = (k: number) => lines(
    `{"level":30,"time":${Date.parse(at(1.3 + k * 1.7))},"pid":1,"hostname":"${newPods[k]?.metadata?.name ?? ''}","msg":"invoice-api 2.15.0 starting","node":"v20.18.0"}`,
    `{"level":30,"time":${Date.parse(at(1.29 + k * 1.7))},"pid":1,"hostname":"${newPods[k]?.metadata?.name ?? ''}","msg":"otel: exporting traces to http://otel-collector.observability:4318"}`,
    `{"level":30,"time":${Date.parse(at(1.28 + k * 1.7))},"pid":1,"hostname":"${newPods[k]?.metadata?.name ?? ''}","msg":"connecting to postgres","host":"billing-pg.cluster-cq8v1x2r4t.eu-west-1.rds.amazonaws.com","database":"billing"}`,
    `{"level":60,"time":${Date.parse(at(1.25 + k * 1.7))},"pid":1,"hostname":"${newPods[k]?.metadata?.name ?? ''}","err":{"type":"DatabaseError","message":"password authentication failed for user \\"$(DB_USER)\\"","stack":"error: password authentication failed for user \\"$(DB_USER)\\"\\n    at Parser.parseErrorMessage (/app/node_modules/pg-protocol/dist/parser.js:283:98)\\n    at Parser.handlePacket (/app/node_modules/pg-protocol/dist/parser.js:122:29)\\n    at Parser.parse (/app/node_modules/pg-protocol/dist/parser.js:35:38)\\n    at TLSSocket.<anonymous> (/app/node_modules/pg-protocol/dist/index.js:11:42)","length":104,"name":"error","severity":"FATAL","code":"28P01","file":"auth.c","line":"326","routine":"auth_failed"},"msg":"database connection failed; exiting"}`,
  );
  const ok = (k: number) => lines(
    ...Array.from({ length: 6 }, (_, i) => `{"level":30,"time":${Date.parse(at(6 - i + k * 0.1))},"pid":1,"hostname":"${podOf(app, k).metadata?.name ?? ''}","req":{"method":"GET","url":"/v1/invoices?customer=cus_${4810 + i * 7}&limit=20"},"res":{"statusCode":200},"responseTime":${18 + i * 3},"msg":"request completed"}`),
  );
  return {
    id: 'heldout56-env-var-reference-order',
    class: 'config',
    truth: 'Revision 18 (invoice-api 2.15.0 with helm chart 4.0.0) rewrote the container env as a list in which DATABASE_URL ("postgres://$(DB_USER):$(DB_PASSWORD)@…") comes before DB_USER and DB_PASSWORD. Kubernetes expands $(VAR) only for variables defined earlier in the list, so the new pods receive the literal "$(DB_USER)" and "$(DB_PASSWORD)"; Postgres answers "password authentication failed for user \\"$(DB_USER)\\"" and the two new pods crash-loop while the three revision-17 pods (old env order) keep serving. The secret and the password are fine. Fix: move DB_USER and DB_PASSWORD above DATABASE_URL (or roll back to revision 17).',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'billing-webhooks', selector: { app: 'billing-webhooks' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 1, 0, rolledAgo),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 17), 3, 4, rolledAgo),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 2, 1, rolledAgo),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 95),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 8), 0, 2, 93),
      ...newPods.flatMap((p, k) => [
        backOff(p, 'app', { count: 112 - k * 4, firstAgo: rolledAgo - 1, lastAgo: 0.3 + k * 0.5 }),
        ...restartedAgain(p, 'app', image('2.15.0'), { count: 9 - k, firstAgo: rolledAgo - 0.1, lastAgo: 1.3 + k * 1.7 }),
      ]),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: ok(k) })),
      ...newPods.map((p, k) => logsFor(p, 'app', { current: crash(k), previous: crash(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\$\(DB_USER\)|DB_USER|DB_PASSWORD|DATABASE_URL|env(ironment)?[ -]?(var(iable)?s?)? ?(order|reference|expan)|unexpanded|expan/i],
      facts: [/revision 18|2\.15\.0/i, /password authentication failed|28P01/i],
      never: [/\bOOM/, /(password|credential)s? (was |were )?(rotat|chang|expir)/i, /secret[^\n]*(missing|not found)/i, /billing-webhooks/],
    },
  };
}

// ---- 3. MySQL wait_timeout=60 under a 30-minute HikariCP maxLifetime ---------------------------------

function mysqlWaitTimeout(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.60', ['14', '129', '203']);
  const myImage = 'docker.io/library/mysql:8.0.39';
  const editedAgo = 2 * HOURS + 12;
  const myCnf = (timeout: number) => [
    '[mysqld]',
    'bind-address = 0.0.0.0',
    'character-set-server = utf8mb4',
    'collation-server = utf8mb4_0900_ai_ci',
    'max_connections = 400',
    `wait_timeout = ${timeout}`,
    `interactive_timeout = ${timeout}`,
    'innodb_buffer_pool_size = 3G',
    'innodb_log_file_size = 512M',
    'slow_query_log = ON',
    'long_query_time = 1',
    'log_error_verbosity = 3',
    '',
  ].join('\n');
  const cm = configMap({ namespace: ns, name: 'ledger-mysql-config', createdAgo: 210 * DAYS, updatedAgo: editedAgo, data: { 'my.cnf': myCnf(60) } });
  const myTpl = (hash: string) => ({
    annotations: { 'checksum/config': hash },
    containers: [container({
      name: 'mysql', image: myImage, ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '2', memory: '6Gi',
      env: [{ name: 'MYSQL_DATABASE', value: 'ledger' }, { name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'ledger-mysql', key: 'root-password' } } }],
      readiness: execProbe(['sh', '-c', 'mysqladmin ping -h 127.0.0.1 -uroot -p"$MYSQL_ROOT_PASSWORD"'], { periodSeconds: 10 }),
      liveness: tcpProbe('mysql', { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }, { name: 'config', mountPath: '/etc/mysql/conf.d' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'ledger-mysql-config' } }],
  });
  const db = statefulSetApp({
    namespace: ns, name: 'ledger-mysql', replicas: 1, serviceName: 'ledger-mysql',
    revisions: [
      { revision: 6, createdAgo: 64 * DAYS, template: myTpl('5b1f0e7c2a9d4c8e1f6b3a70d2c94e18a7f3b5c6d1e2f3a4b5c6d7e8f9a0b1c2') },
      { revision: 7, createdAgo: editedAgo - 1, template: myTpl('c93d7a1e04b2f8e6a5d1c7b3e9f2a4d6b8c0e1f3a5b7d9e2c4f6a8b0d1e3f5a7') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 7, ordinal: 0, node: names[1] ?? '', createdAgo: editedAgo - 1.5 }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-ledger-mysql-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 210 * DAYS, storageClass: 'gp3' });
  const appImage = `${ECR}/ledger/ledger-service:7.3.4`;
  const app = deploymentApp({
    namespace: ns, name: 'ledger-service', replicas: 3,
    revisions: [
      { revision: 52, createdAgo: 6 * DAYS, changeCause: 'argocd: ledger-service 7.3.4', template: { containers: [container({
        image: appImage, ports: [8080], cpu: '1', memory: '2Gi',
        env: [
          { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:mysql://ledger-mysql-0.ledger-mysql.ledger.svc.cluster.local:3306/ledger?useSSL=false&serverTimezone=UTC' },
          { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE', value: '30' },
          { name: 'SPRING_DATASOURCE_HIKARI_MAX_LIFETIME', value: '1800000' },
          { name: 'SPRING_DATASOURCE_HIKARI_IDLE_TIMEOUT', value: '600000' },
        ],
        readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 90 }),
      })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 52, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS },
  });
  const other = bystander(ns, 'ledger-reports', names, 3 * HOURS + 40, { revisions: [19, 20], versions: ['2.0.7', '2.1.0'], olderAgo: 30 * DAYS });
  const mysqlPod = podOf(db, 0);
  const appLog = (k: number): string => {
    const out: string[] = [];
    for (let i = 0; i < 9; i++) {
      const t = 95 - i * 10.5 - k * 0.7;
      const ms = 61_000 + ((i * 7331 + k * 1913) % 40_000);
      const fmt = ms.toLocaleString('en-US');
      out.push(`${jTime(t)}  WARN 1 --- [nio-8080-exec-${3 + i}] com.zaxxer.hikari.pool.PoolBase          : HikariPool-1 - Failed to validate connection com.mysql.cj.jdbc.ConnectionImpl@${(0x5f1a2b3c + i * 977 + k).toString(16)} (No operations allowed after connection closed.). Possibly consider using a shorter maxLifetime value.`);
      if (i % 2 === 0) {
        out.push(
          `${jTime(t - 0.01)} ERROR 1 --- [nio-8080-exec-${4 + i}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.dao.DataAccessResourceFailureException: PreparedStatementCallback; SQL [select * from journal_entries where account_id = ? order by posted_at desc limit ?]; Communications link failure`,
          '',
          `The last packet successfully received from the server was ${fmt} milliseconds ago. The last packet sent successfully to the server was ${(ms + 1).toLocaleString('en-US')} milliseconds ago.] with root cause`,
          '',
          'java.io.EOFException: Can not read response from server. Expected to read 4 bytes, read 0 bytes before connection was unexpectedly lost.',
          '\tat com.mysql.cj.protocol.FullReadInputStream.readFully(FullReadInputStream.java:67) ~[mysql-connector-j-8.3.0.jar!/:8.3.0]',
          '\tat com.mysql.cj.protocol.a.SimplePacketReader.readHeaderLocal(SimplePacketReader.java:81) ~[mysql-connector-j-8.3.0.jar!/:8.3.0]',
          '\tat com.mysql.cj.protocol.a.NativeProtocol.readMessage(NativeProtocol.java:538) ~[mysql-connector-j-8.3.0.jar!/:8.3.0]',
        );
      }
      out.push(`${jTime(t - 0.05)}  INFO 1 --- [nio-8080-exec-${5 + i}] c.a.l.web.RequestLogFilter              : GET /api/v2/accounts/ACC-${70412 + i * 13}/entries status=${i % 2 === 0 ? 500 : 200} duration_ms=${i % 2 === 0 ? 9 : 22 + i}`);
    }
    return out.join('\n') + '\n';
  };
  const mysqlLog = lines(
    `${at(editedAgo - 1.4).replace('Z', '000Z')} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.39) starting as process 1`,
    `${at(editedAgo - 1.3).replace('Z', '000Z')} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
    `${at(editedAgo - 1.2).replace('Z', '000Z')} 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.`,
    `${at(editedAgo - 1.2).replace('Z', '000Z')} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.39'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
    ...Array.from({ length: 14 }, (_, i) => `${at(120 - i * 8.4).replace('Z', '000Z')} ${1840 + i * 37} [Note] [MY-010914] [Server] Aborted connection ${1840 + i * 37} to db: 'ledger' user: 'ledger_app' host: '${ipOf(podOf(app, i % 3))}' (Got timeout reading communication packets).`),
  );
  return {
    id: 'heldout56-mysql-wait-timeout-60',
    class: 'config',
    truth: `Someone edited the ledger-mysql-config ConfigMap (my.cnf) ${editedAgo} minutes ago, setting wait_timeout and interactive_timeout to 60 (they were 28800), and the checksum annotation rolled ledger-mysql-0 to revision 7. MySQL now closes any connection idle for more than 60 s ("Aborted connection … Got timeout reading communication packets"), while ledger-service's HikariCP keeps idle connections up to maxLifetime=30 min; requests that draw such a connection fail with "Communications link failure … The last packet successfully received from the server was 74,312 milliseconds ago" / "No operations allowed after connection closed" and return 500. ledger-service itself did not change (revision 52, six days old). Fix: restore wait_timeout=28800 (or set Hikari maxLifetime/keepaliveTime below 60 s).`,
    ask: { service: 'ledger-service', namespace: ns },
    objects: [
      ...nodes, cm, claim, vol, ...db.objects, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'ledger-mysql', selector: { app: 'ledger-mysql' }, pods: db.pods, ports: [{ name: 'mysql', port: 3306, targetPort: 'mysql' }], endpointPort: 3306, headless: true }),
      ...exposed({ namespace: ns, name: 'ledger-service', selector: { app: 'ledger-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'ledger-reports', selector: { app: 'ledger-reports' }, pods: other.pods }),
      event({ on: { kind: 'StatefulSet', name: 'ledger-mysql', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod ledger-mysql-0 in StatefulSet ledger-mysql successful', firstAgo: editedAgo - 1, lastAgo: editedAgo - 1, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'ledger-mysql', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod ledger-mysql-0 in StatefulSet ledger-mysql successful', firstAgo: editedAgo - 1.5, lastAgo: editedAgo - 1.5, component: 'statefulset-controller' }),
      probeFailed(mysqlPod, 'mysql', 'Readiness', 'mysqladmin: connect to server at \'127.0.0.1\' failed\nerror: \'Can\'t connect to MySQL server on \'127.0.0.1:3306\' (111)\'\nCheck that mysqld is running on 127.0.0.1 and that the port is 3306.', { count: 2, firstAgo: editedAgo - 1.45, lastAgo: editedAgo - 1.3 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 20), 2, 0, 3 * HOURS + 40),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 19), 0, 2, 3 * HOURS + 38),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: appLog(k) })),
      logsFor(mysqlPod, 'mysql', { current: mysqlLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/wait_timeout|interactive_timeout|idle[- ]?(connection )?timeout|timeout (of |= ?)?60|60 ?s/i, /ledger-mysql|my\.cnf|ConfigMap|MySQL/i],
      facts: [/ledger-mysql-config|my\.cnf/i, /Communications link failure|connection closed|Got timeout reading/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /ledger-reports/, /ledger-service[^\n]*(revision|image|7\.3\.4)[^\n]*(caus|broke)/i],
    },
  };
}

// ---- 4. memcached scaled 3 -> 4 under modula hashing --------------------------------------------------

function memcachedModulaRehash(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.96', ['22', '151', '240']);
  const scaledAgo = 38;
  const mcImage = 'docker.io/library/memcached:1.6.31-alpine';
  const mcTpl = { containers: [container({
    name: 'memcached', image: mcImage, args: ['-m', '3072', '-c', '4096', '-t', '4', '-I', '2m'], ports: [{ name: 'memcache', containerPort: 11211 }], cpu: '500m', memory: '3584Mi',
    readiness: tcpProbe('memcache'), liveness: tcpProbe('memcache', { initialDelaySeconds: 10 }),
  })] };
  const cache = statefulSetApp({
    namespace: ns, name: 'product-cache', replicas: 4, serviceName: 'product-cache', podManagementPolicy: 'Parallel',
    revisions: [{ revision: 3, createdAgo: 140 * DAYS, template: mcTpl }],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 3, ordinal: k, node: names[k % 3] ?? '', createdAgo: k < 3 ? 33 * DAYS + k : scaledAgo })),
  });
  const pgImage = 'docker.io/library/postgres:16.4';
  const pg = statefulSetApp({
    namespace: ns, name: 'catalog-postgres', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 200 * DAYS, template: { containers: [container({
      name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '4', memory: '16Gi',
      readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: execProbe(['pg_isready', '-U', 'postgres'], { initialDelaySeconds: 30 }),
    })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [{ revision: 2, ordinal: 0, node: names[2] ?? '', createdAgo: 33 * DAYS }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-catalog-postgres-0', storage: '500Gi', zone: 'eu-west-1c', createdAgo: 200 * DAYS, storageClass: 'gp3' });
  const cm = configMap({ namespace: ns, name: 'product-api-config', createdAgo: 150 * DAYS, updatedAgo: 61 * DAYS, data: {
    'settings.toml': [
      '[cache]',
      'backend = "pylibmc"',
      '# one entry per memcached pod, resolved from the headless service at startup and refreshed every 60s',
      'discovery = "dns+srv://_memcache._tcp.product-cache.catalog.svc.cluster.local"',
      'refresh_interval = 60',
      'behaviors = { tcp_nodelay = true, no_block = true, distribution = "modula", remove_failed = 0, connect_timeout = 200 }',
      'default_ttl = 3600',
      '',
      '[database]',
      'dsn = "postgresql://catalog_ro@catalog-postgres.catalog.svc.cluster.local:5432/catalog"',
      'pool_size = 12',
      'statement_timeout_ms = 3000',
      '',
    ].join('\n'),
  } });
  const apiImage = `${ECR}/catalog/product-api:12.4.1`;
  const api = deploymentApp({
    namespace: ns, name: 'product-api', replicas: 6,
    revisions: [{ revision: 88, createdAgo: 4 * DAYS, changeCause: 'argocd: product-api 12.4.1', template: { containers: [container({
      image: apiImage, ports: [8000], cpu: '1', memory: '1Gi',
      volumeMounts: [{ name: 'config', mountPath: '/etc/product-api' }],
      readiness: httpProbe('/health/ready', 8000, { timeoutSeconds: 2 }), liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 20 }),
    })], volumes: [{ name: 'config', configMap: { name: 'product-api-config' } }] } }],
    pods: Array.from({ length: 6 }, (_, k) => ({ revision: 88, node: names[k % 3] ?? '', createdAgo: 4 * DAYS - k })),
    settled: { available: true, availableSince: 4 * DAYS - 8, progressingSince: 4 * DAYS },
  });
  const other = bystander(ns, 'catalog-feed-exporter', names, 55, { revisions: [12, 13], versions: ['0.9.4', '0.10.0'], olderAgo: 20 * DAYS });
  const apiLog = (k: number): string => {
    const out: string[] = [
      `${pyTime(scaledAgo + 1.5 - k * 0.05)} INFO product_api.metrics: cache stats window=60s gets=${39_800 + k * 70} hits=${37_900 + k * 60} hit_ratio=0.952`,
      `${pyTime(scaledAgo - 0.9 - k * 0.05)} INFO product_api.cache: memcached server list changed: 3 -> 4 servers (product-cache-0..product-cache-3)`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 30 - i * 2.4 - k * 0.07;
      if (i % 3 === 0) out.push(`${pyTime(t)} INFO product_api.metrics: cache stats window=60s gets=${41_200 + i * 90} hits=${9_300 + i * 140} hit_ratio=${(0.22 + i * 0.004).toFixed(3)}`);
      out.push(`${pyTime(t - 0.01)} ERROR product_api.views: GET /v3/products/${88100 + i * 17 + k} failed`);
      out.push('Traceback (most recent call last):');
      out.push('  File "/app/product_api/repository.py", line 142, in get_product');
      out.push('    row = await conn.fetchrow(PRODUCT_SQL, product_id)');
      out.push(i % 2 === 0
        ? 'asyncpg.exceptions.QueryCanceledError: canceling statement due to statement timeout'
        : 'asyncpg.exceptions.TooManyConnectionsError: remaining connection slots are reserved for roles with the SUPERUSER attribute');
      out.push(`${pyTime(t - 0.02)} INFO uvicorn.access: 10.0.${96 + (i % 3)}.${30 + i}:0 - "GET /v3/products/${88100 + i * 17 + k} HTTP/1.1" 503`);
    }
    return out.join('\n') + '\n';
  };
  const pgLog = lines(
    ...Array.from({ length: 10 }, (_, i) => `${pgTime(34 - i * 3.2)} [${40_110 + i * 211}] catalog_ro@catalog LOG:  duration: ${(2_100 + i * 97.31).toFixed(3)} ms  execute <unnamed>: SELECT p.id, p.sku, p.title, p.attributes, array_agg(v.*) FROM products p LEFT JOIN variants v ON v.product_id = p.id WHERE p.id = $1 GROUP BY p.id`),
    ...Array.from({ length: 8 }, (_, i) => `${pgTime(31 - i * 3.7)} [${41_900 + i * 13}] catalog_ro@catalog FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute`),
    `${pgTime(4.1)} [41970] catalog_ro@catalog ERROR:  canceling statement due to statement timeout`,
  );
  const cachePods = [0, 1, 2, 3].map((k) => podOf(cache, k));
  return {
    id: 'heldout56-memcached-modula-rehash-scale',
    class: 'capacity',
    truth: `The product-cache memcached StatefulSet was scaled from 3 to 4 replicas ${scaledAgo} minutes ago. product-api's pylibmc client uses distribution = "modula" (not consistent/ketama hashing) over the discovered server list, so when the list grew to 4 about three quarters of the keys now map to a different server: the hit ratio fell from ~0.95 to ~0.22, every miss goes to catalog-postgres, which runs out of connection slots and slows to multi-second queries, and product-api requests time out with 503s. Nothing is down and nothing was deployed. Fix: switch the client to consistent (ketama) hashing before resizing, or scale product-cache back to 3 and let it warm.`,
    ask: { service: 'product-api', namespace: ns },
    objects: [
      ...nodes, cm, claim, vol, ...cache.objects, ...pg.objects, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'product-cache', selector: { app: 'product-cache' }, pods: cache.pods, ports: [{ name: 'memcache', port: 11211, targetPort: 'memcache' }], endpointPort: 11211, headless: true }),
      ...exposed({ namespace: ns, name: 'catalog-postgres', selector: { app: 'catalog-postgres' }, pods: pg.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'product-api', selector: { app: 'product-api' }, pods: api.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'catalog-feed-exporter', selector: { app: 'catalog-feed-exporter' }, pods: other.pods }),
      event({ on: { kind: 'StatefulSet', name: 'product-cache', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod product-cache-3 in StatefulSet product-cache successful', firstAgo: scaledAgo, lastAgo: scaledAgo, component: 'statefulset-controller' }),
      ...restartedAgain(cachePods[3] ?? podOf(cache, 3), 'memcached', mcImage, { count: 1, firstAgo: scaledAgo - 0.1, lastAgo: scaledAgo - 0.1 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 55),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 0, 2, 53),
      ...[0, 2, 4].map((k) => probeFailed(podOf(api, k), 'app', 'Readiness', `Get "http://${ipOf(podOf(api, k))}:8000/health/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 5 + k, firstAgo: scaledAgo - 3, lastAgo: 2 + k })),
    ],
    logs: [
      ...[0, 1, 2, 3, 4, 5].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
      ...cachePods.map((p) => logsFor(p, 'memcached', { current: '' })),
      logsFor(podOf(pg, 0), 'postgres', { current: pgLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/modula|hash(ing)?|remap|re-?shard|key (distribution|placement)|ketama|consistent|hit (rate|ratio)|cache miss/i, /product-cache|memcache|\b3\b|\b4\b|scal/i],
      facts: [/product-cache/, /catalog-postgres|remaining connection slots|statement timeout/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /catalog-feed-exporter/, /catalog-postgres[^\n]*(disk|volume|storage|IOPS)/i],
    },
  };
}

// ---- 5. gp2 EBS burst balance drained by a long REINDEX -------------------------------------------------

function gp2BurstBalance(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.44', ['19', '137', '208']);
  const pgImage = 'docker.io/library/postgres:14.13';
  const pg = statefulSetApp({
    namespace: ns, name: 'accounts-postgres', replicas: 1,
    revisions: [{ revision: 4, createdAgo: 300 * DAYS, template: { containers: [container({
      name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi',
      args: ['-c', 'shared_buffers=2GB', '-c', 'max_wal_size=4GB', '-c', 'checkpoint_timeout=5min', '-c', 'log_min_duration_statement=1000', '-c', 'log_checkpoints=on'],
      readiness: execProbe(['pg_isready', '-U', 'postgres'], { timeoutSeconds: 5 }), liveness: execProbe(['pg_isready', '-U', 'postgres'], { initialDelaySeconds: 30, timeoutSeconds: 5 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
    })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp2' }],
    pods: [{ revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 41 * DAYS }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-accounts-postgres-0', storage: '100Gi', zone: 'eu-west-1a', createdAgo: 300 * DAYS, storageClass: 'gp2' });
  const apiImage = `${ECR}/accounts/accounts-api:9.1.0`;
  const api = deploymentApp({
    namespace: ns, name: 'accounts-api', replicas: 4,
    revisions: [{ revision: 61, createdAgo: 5 * DAYS, changeCause: 'argocd: accounts-api 9.1.0', template: { containers: [container({
      image: apiImage, ports: [8080], cpu: '500m', memory: '512Mi',
      env: [{ name: 'DB_HOST', value: 'accounts-postgres.accounts.svc.cluster.local' }, { name: 'DB_STATEMENT_TIMEOUT', value: '5s' }],
      readiness: httpProbe('/readyz', 8080, { timeoutSeconds: 3 }), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
    })] } }],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 61, node: names[k % 3] ?? '', createdAgo: 5 * DAYS - k })),
    settled: { available: true, availableSince: 5 * DAYS - 4, progressingSince: 5 * DAYS },
  });
  const maintImage = 'docker.io/library/postgres:14.13';
  const maint = job({
    namespace: ns, name: 'accounts-db-reindex-manual-1120',
    template: { containers: [batchContainer({ name: 'job', image: maintImage, command: ['psql', '-v', 'ON_ERROR_STOP=1', '-h', 'accounts-postgres', '-U', 'postgres', '-d', 'accounts', '-c', 'REINDEX TABLE CONCURRENTLY ledger_entries; REINDEX TABLE CONCURRENTLY audit_events;'], cpu: '100m', memory: '128Mi' })] },
    createdAgo: 7 * HOURS + 14,
    pods: [{ node: names[1] ?? '', createdAgo: 7 * HOURS + 14, phase: 'Succeeded', containers: { job: terminated({ exitCode: 0, finishedAgo: 52, ranSeconds: 6 * 3600 + 22 * 60 - 5 }) } }],
    outcome: { complete: true, ago: 52 },
  });
  const other = bystander(ns, 'accounts-notifier', names, 2 * HOURS + 5, { revisions: [30, 31], versions: ['3.3.0', '3.4.0'], olderAgo: 18 * DAYS });
  const pgPod = podOf(pg, 0);
  const pgLog = (): string => {
    const out: string[] = [];
    for (let i = 0; i < 8; i++) {
      const t = 58 - i * 7.3;
      const sync = 212 + ((i * 37) % 61) + 0.418;
      out.push(`${pgTime(t + 5)} [61] LOG:  checkpoint starting: time`);
      out.push(`${pgTime(t)} [61] LOG:  checkpoint complete: wrote ${18_400 + i * 733} buffers (7.${i}%); 0 WAL file(s) added, ${2 + (i % 3)} removed, ${9 + (i % 4)} recycled; write=${(269.8 + i * 0.11).toFixed(3)} s, sync=${sync.toFixed(3)} s, total=${(sync + 270.2).toFixed(3)} s; sync files=${311 + i * 4}, longest=${(sync * 0.41).toFixed(3)} s, average=${(sync / 311).toFixed(3)} s; distance=${612_000 + i * 4_200} kB, estimate=${640_000 + i * 3_000} kB`);
      out.push(`${pgTime(t - 1.2)} [${52_310 + i * 97}] accounts_app@accounts LOG:  duration: ${(4_100 + i * 311.7).toFixed(3)} ms  execute <unnamed>: UPDATE accounts SET balance_cents = balance_cents + $1, updated_at = now() WHERE id = $2`);
      out.push(`${pgTime(t - 1.9)} [${52_330 + i * 97}] accounts_app@accounts LOG:  duration: ${(3_800 + i * 201.4).toFixed(3)} ms  execute <unnamed>: INSERT INTO ledger_entries (account_id, amount_cents, kind, ref) VALUES ($1, $2, $3, $4)`);
      out.push(`${pgTime(t - 2.5)} [${52_350 + i * 97}] accounts_app@accounts ERROR:  canceling statement due to statement timeout`);
      out.push(`${pgTime(t - 2.5)} [${52_350 + i * 97}] accounts_app@accounts STATEMENT:  SELECT id, balance_cents, currency FROM accounts WHERE customer_id = $1`);
      if (i % 3 === 1) out.push(`${pgTime(t - 3)} [58] LOG:  using stale statistics instead of current ones because stats collector is not responding`);
    }
    return out.join('\n') + '\n';
  };
  const apiLog = (k: number): string => lines(
    ...Array.from({ length: 10 }, (_, i) => {
      const t = 40 - i * 3.9 - k * 0.1;
      return i % 2 === 0
        ? `{"time":"${at(t)}","level":"ERROR","msg":"request failed","method":"POST","path":"/v1/accounts/transfer","status":504,"duration_ms":5003,"error":"ERROR: canceling statement due to statement timeout (SQLSTATE 57014)"}`
        : `{"time":"${at(t)}","level":"WARN","msg":"slow request","method":"GET","path":"/v1/accounts/acct_${21_000 + i * 31 + k}","status":200,"duration_ms":${3_400 + i * 120}}`;
    }),
  );
  const maintPod = maint.pods[0];
  return {
    id: 'heldout56-gp2-burst-balance-exhausted',
    class: 'storage',
    truth: 'accounts-postgres keeps its data on a 100 GiB gp2 EBS volume (data-accounts-postgres-0, storage class gp2), whose baseline is only 300 IOPS with bursts to 3000 paid from a credit balance. A manual job (accounts-db-reindex-manual-1120) ran REINDEX TABLE CONCURRENTLY on the two largest tables for more than six hours overnight and drained the burst balance; since then the volume is throttled to its baseline, checkpoints take 200+ s to sync, statements that normally take milliseconds take seconds, and accounts-api\'s queries hit the 5 s statement timeout (504s). Nothing changed in the workloads. Fix: move the volume to gp3 (or provisioned IOPS / a larger gp2 volume) and schedule heavy maintenance within the burst budget.',
    ask: { service: 'accounts-api', namespace: ns },
    objects: [
      ...nodes, claim, vol, ...pg.objects, ...api.objects, ...maint.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'accounts-postgres', selector: { app: 'accounts-postgres' }, pods: pg.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'accounts-api', selector: { app: 'accounts-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'accounts-notifier', selector: { app: 'accounts-notifier' }, pods: other.pods }),
      jobEvent(maint.objects[0], 'SuccessfulCreate', `Created pod: ${maintPod?.metadata?.name ?? ''}`, 7 * HOURS + 14),
      jobEvent(maint.objects[0], 'Completed', 'Job completed', 52),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 2 * HOURS + 5),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 30), 0, 2, 2 * HOURS + 3),
      probeFailed(pgPod, 'postgres', 'Readiness', 'command "pg_isready -U postgres" timed out', { count: 3, firstAgo: 44, lastAgo: 12 }),
      ...[1, 3].map((k) => probeFailed(podOf(api, k), 'app', 'Readiness', `Get "http://${ipOf(podOf(api, k))}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 4 + k, firstAgo: 50, lastAgo: 3 + k })),
    ],
    logs: [
      ...[0, 1, 2, 3].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
      logsFor(pgPod, 'postgres', { current: pgLog() }),
      ...(maintPod === undefined ? [] : [logsFor(maintPod, 'job', { current: lines('REINDEX', 'REINDEX', `Time: 22914093.412 ms (06:21:54.093)`) })]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/gp2|burst|IOPS|I\/O|disk|EBS|storage|volume|fsync/i],
      facts: [/accounts-postgres|data-accounts-postgres-0/, /gp2|burst|IOPS|300/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /accounts-notifier/, /lock(ed|s)? (by|on|held)|deadlock/i],
    },
  };
}

// ---- 6. gunicorn heartbeat file off /dev/shm after a base-image move ----------------------------------

function gunicornWorkerTmpDir(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.108', ['25', '144', '231']);
  const image = (v: string) => `${ECR}/search/suggest-api:${v}`;
  const rolledAgo = 3 * HOURS + 2;
  const old = container({
    image: image('4.8.2'), ports: [8000], cpu: '1', memory: '1536Mi',
    command: ['gunicorn'],
    args: ['--worker-tmp-dir', '/dev/shm', '--workers', '4', '--timeout', '30', '--bind', '0.0.0.0:8000', '--access-logfile', '-', 'suggest.wsgi:application'],
    readiness: httpProbe('/healthz', 8000, { timeoutSeconds: 2 }), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15, timeoutSeconds: 2 }),
  });
  const neu = container({
    image: image('4.9.0'), ports: [8000], cpu: '1', memory: '1536Mi',
    env: [{ name: 'APP_MODULE', value: 'suggest.wsgi:application' }, { name: 'WEB_CONCURRENCY', value: '4' }, { name: 'GUNICORN_TIMEOUT', value: '30' }],
    readiness: httpProbe('/healthz', 8000, { timeoutSeconds: 2 }), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15, timeoutSeconds: 2 }),
  });
  const app = deploymentApp({
    namespace: ns, name: 'suggest-api', replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 19 * DAYS, changeCause: 'argocd: suggest-api 4.8.2', template: { containers: [old] } },
      { revision: 23, createdAgo: rolledAgo, changeCause: 'argocd: suggest-api 4.9.0 (base image platform/python-web:3.12)', template: { containers: [neu] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: rolledAgo - 1 - k })),
    settled: { available: true, availableSince: rolledAgo - 4, progressingSince: rolledAgo, progressingUpdatedAgo: rolledAgo - 4 },
  });
  const other = bystander(ns, 'search-indexer', names, 4 * HOURS + 30, { revisions: [70, 71], versions: ['8.2.0', '8.2.1'], olderAgo: 9 * DAYS });
  const podLog = (k: number): string => {
    const start = rolledAgo - 1.5 - k;
    const out: string[] = [
      `+ exec gunicorn suggest.wsgi:application --bind 0.0.0.0:8000 --workers 4 --timeout 30 --access-logfile - --log-level info`,
      `${gTime(start)} [1] [INFO] Starting gunicorn 23.0.0`,
      `${gTime(start)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${gTime(start)} [1] [INFO] Using worker: sync`,
      ...[7, 8, 9, 10].map((pid) => `${gTime(start)} [${pid}] [INFO] Booting worker with pid: ${pid}`),
    ];
    let pid = 11 + k * 3;
    for (let i = 0; i < 9; i++) {
      const t = 80 - i * 8.7 - k * 0.9;
      for (let j = 0; j < 3; j++) out.push(`10.0.${108 + j}.${40 + i} - - [${clfTime(t + 0.2 - j * 0.05)}] "GET /v2/suggest?q=${['wint', 'boot', 'rain', 'lapt', 'head'][(i + j) % 5]}&limit=8 HTTP/1.1" 200 ${812 + i * 17} "-" "suggest-client/2.3"`);
      const victim = pid - 4 >= 7 ? pid - 4 : 8;
      out.push(`${gTime(t)} [1] [CRITICAL] WORKER TIMEOUT (pid:${victim})`);
      if (i % 2 === 0) out.push(`${gTime(t)} [${victim}] [INFO] Worker exiting (pid: ${victim})`);
      else out.push(`${gTime(t + 0.02)} [1] [ERROR] Worker (pid:${victim}) was sent SIGKILL! Perhaps out of memory?`);
      out.push(`${gTime(t - 0.01)} [${pid}] [INFO] Booting worker with pid: ${pid}`);
      pid += 1;
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout56-gunicorn-worker-tmp-dir-dropped',
    class: 'config',
    truth: 'Revision 23 (suggest-api 4.9.0) moved to the platform/python-web:3.12 base image and dropped the explicit gunicorn command; the image\'s entrypoint runs `gunicorn … --workers 4 --timeout 30` without `--worker-tmp-dir /dev/shm`. gunicorn workers now touch their heartbeat file on the container\'s overlay /tmp, and on these busy node disks the fchmod/fstat stalls for longer than the 30 s timeout, so the arbiter logs "[CRITICAL] WORKER TIMEOUT" and SIGKILLs workers ("Perhaps out of memory?") although CPU is idle, memory is fine and requests take milliseconds; in-flight requests are dropped. Fix: put `--worker-tmp-dir /dev/shm` back (GUNICORN_CMD_ARGS or the command), or roll back to revision 22.',
    ask: { service: 'suggest-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'suggest-api', selector: { app: 'suggest-api' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 0, rolledAgo),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 2, 3, rolledAgo - 1.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 3, 1, rolledAgo - 2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 0, 2, rolledAgo - 3),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 71), 2, 0, 4 * HOURS + 30),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 70), 0, 2, 4 * HOURS + 28),
      ...[0, 2].map((k) => probeFailed(podOf(app, k), 'app', 'Readiness', `Get "http://${ipOf(podOf(app, k))}:8000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 6 + k, firstAgo: 150, lastAgo: 7 + k })),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: podLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/worker-tmp-dir|\/dev\/shm|heartbeat|tmp ?dir|WORKER TIMEOUT|worker timeout/i, /revision 23|4\.9\.0|entrypoint|base image|command|args/i],
      facts: [/suggest-api/, /WORKER TIMEOUT|SIGKILL/i],
      never: [/\bOOM/, /out of memory|memory limit/i, /CPU (limit|throttl)/i, /search-indexer/],
    },
  };
}

// ---- 7. healthy: Istio sidecar xDS stream reconnects and one old readiness blip -----------------------

function healthyIstioXdsReconnects(): CorpusScenario {
  const ns = 'profiles';
  const { nodes, names } = threeEksNodes('10.0.120', ['17', '133', '212']);
  const image = `${ECR}/profiles/profile-api:6.0.3`;
  const proxyImage = 'docker.io/istio/proxyv2:1.23.2';
  const app = deploymentApp({
    namespace: ns, name: 'profile-api', replicas: 3,
    revisions: [{ revision: 34, createdAgo: 11 * DAYS, changeCause: 'argocd: profile-api 6.0.3', template: {
      annotations: { 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"revision":"default"}', 'prometheus.io/port': '15020', 'prometheus.io/path': '/stats/prometheus' },
      labels: { 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': 'profile-api' },
      initContainers: [container({ name: 'istio-init', image: proxyImage, args: ['istio-iptables', '-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15090,15021,15020'], cpu: '10m', memory: '40Mi', readiness: null, liveness: null })],
      containers: [
        container({ image, ports: [8080], cpu: '500m', memory: '768Mi', readiness: httpProbe('/app-health/app/readyz', 15020, { periodSeconds: 10 }), liveness: httpProbe('/app-health/app/livez', 15020, { initialDelaySeconds: 20 }) }),
        container({ name: 'istio-proxy', image: proxyImage, args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local', '--proxyLogLevel=warning', '--proxyComponentLogLevel=misc:error', '--log_output_level=default:info'], ports: [{ name: 'http-envoy-prom', containerPort: 15090 }], cpu: '100m', memory: '128Mi', memoryLimit: '1Gi', readiness: httpProbe('/healthz/ready', 15021, { periodSeconds: 15, failureThreshold: 4 }), liveness: null }),
      ],
    } }],
    pods: [0, 1, 2].map((k) => ({ revision: 34, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
    settled: { available: true, availableSince: 11 * DAYS - 4, progressingSince: 11 * DAYS },
  });
  const other = bystander(ns, 'avatar-resizer', names, 9 * DAYS, { revisions: [5, 6], versions: ['1.2.0', '1.3.0'], olderAgo: 60 * DAYS });
  const envoyTime = (m: number) => at(m).replace('Z', '123Z');
  const proxyLog = (k: number): string => {
    const out: string[] = [];
    for (let i = 0; i < 5; i++) {
      const t = 150 - i * 30.2 - k * 3.1;
      out.push(`${envoyTime(t)}\twarning\tenvoy config external/envoy/source/extensions/config_subscription/grpc/grpc_stream.h:152\tStreamAggregatedResources gRPC config stream to xds-grpc closed since ${1796 + i * 3 + k}s ago: 13, \tthread=15`);
      out.push(`${envoyTime(t - 0.01)}\tinfo\txdsproxy\tconnected to delta upstream XDS server: istiod.istio-system.svc:15012\tid=${88 + i + k * 7}`);
      out.push(`${envoyTime(t - 0.02)}\tinfo\tads\tADS: "@" ${ns}/profile-api-${k} resources:${214 + i}`);
    }
    out.push(`${envoyTime(45)}\twarning\tenvoy config external/envoy/source/extensions/config_subscription/grpc/grpc_stream.h:152\tgRPC config stream to xds-grpc closed: 13, `);
    return out.join('\n') + '\n';
  };
  const appLog = (k: number): string => lines(
    ...Array.from({ length: 8 }, (_, i) => `{"ts":"${at(12 - i * 1.4 - k * 0.1)}","level":"info","logger":"http","msg":"handled","method":"GET","route":"/v1/profiles/:id","status":200,"duration_ms":${11 + i + k}}`),
  );
  const blip = podOf(app, 1);
  return {
    id: 'heldout56-healthy-istio-xds-reconnects',
    class: 'healthy',
    truth: 'profile-api is healthy: its three pods are ready and serve requests in milliseconds. The istio-proxy sidecars log "StreamAggregatedResources gRPC config stream to xds-grpc closed since ~1800s ago: 13," every half hour because istiod closes xDS streams at its max connection age (30 min) and the proxy reconnects at once; one readiness probe failed 40 minutes ago during such a reconnect and the pod recovered without a restart. Nothing to do.',
    ask: { service: 'profile-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'profile-api', selector: { app: 'profile-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'avatar-resizer', selector: { app: 'avatar-resizer' }, pods: other.pods }),
      probeFailed(blip, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 1, firstAgo: 40, lastAgo: 40 }),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'istio-proxy', { current: proxyLog(k) })),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|ready|serving|fine|ok\b/i],
      facts: [/profile-api/],
      never: [/\bOOM/, ADVISES_ROLLBACK, /istiod[^\n]*(down|unreachable|fail)/i, /crash ?loop/i, /restart(ed|ing)? (the )?(pod|sidecar|istio)/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  kafkaGroupMaxSize(),
  envReferenceOrder(),
  mysqlWaitTimeout(),
  memcachedModulaRehash(),
  gp2BurstBalance(),
  gunicornWorkerTmpDir(),
  healthyIstioXdsReconnects(),
];
