// Held-out stories, nineteenth round (part one): failures written without reading the analysis
// code, to measure how the triage generalizes to causes it was not built against.
//
// Postgres out of connection slots after an HPA scale-up, a Redis maxclients wall reached through
// a client-per-request leak, cert-manager refused by Let's Encrypt's rate limit, a dropped /dev/shm
// emptyDir killing PyTorch DataLoader workers with SIGBUS, emptyDir sizeLimit evictions, a namespace
// deleted by mistake and stuck Terminating, and a healthy control: a CronJob run that needed a retry.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, configMap, container, crashLoop, cronJob, cronJobEvent, event, exposed,
  httpProbe, hpa, jobEvent, kubeletEviction, namespace, nameOf, nodeEvent, probeFailed, pyTime, restartedAgain, rsOf, running,
  scaledReplicaSet, scheduled, service, pv, pvc, volumeOf, boundClaim, startedNormally, statefulSetApp, terminated, waiting, deploymentApp, replicaSetOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...xs: string[]): string => xs.join('\n') + '\n';

function deploymentOf(app: Built): KubeJson {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment');
  return d;
}

/** Postgres's default log_line_prefix '%m [%p] ': `2026-11-21 02:55:12.345 UTC [31245] `. */
const pgTime = (minutes: number): string => `${at(minutes).replace('T', ' ').replace('Z', '')} UTC`;

/** Logback's default pattern time: `2026-11-21T02:55:12.345Z`. */
const springLine = (minutes: number, level: string, thread: string, logger: string, msg: string): string =>
  `${at(minutes)} ${level.padStart(5)} 1 --- [orders-api] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;

// ---- 1. Postgres `too many clients` after an HPA scale-up ---------------------------------------

function postgresTooManyClientsAfterScaleUp(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.96');
  const node = (i: number) => names[i % 3] ?? '';
  const image = `${ECR}/orders/orders-api:3.12.4`;
  const tplFor = (img: string) => ({
    containers: [
      container({
        image: img,
        ports: [8080, { name: 'management', containerPort: 8081 }],
        cpu: '500m',
        memory: '1Gi',
        env: [
          { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
          { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://orders-db:5432/orders' },
          { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE', value: '10' },
          { name: 'SPRING_DATASOURCE_HIKARI_INITIALIZATION_FAIL_TIMEOUT', value: '-1' },
          { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
        ],
        readiness: httpProbe('/actuator/health/readiness', 8081, { periodSeconds: 5, timeoutSeconds: 3 }),
        liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 60, timeoutSeconds: 3 }),
      }),
    ],
  });
  const tpl = tplFor(image);
  // 4 pods for days, 16 more from the HPA 21 minutes ago: four of the new ones got their ten connections, twelve did not.
  const oldPods = [0, 1, 2, 3].map((k) => ({ revision: 12, node: node(k), createdAgo: 6 * DAYS - k * 2 }));
  const newPods = Array.from({ length: 16 }, (_, k) => {
    const createdAgo = k < 4 ? 21.4 : k < 12 ? 21.1 : 20.8;
    const connected = k === 0 || k === 1 || k === 4 || k === 5;
    return { revision: 12, node: node(k + 1), createdAgo, ready: connected, containers: { app: running({ sinceAgo: createdAgo - 0.1, ready: connected }) } };
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 20,
    revisions: [
      { revision: 11, createdAgo: 13 * DAYS, changeCause: 'argocd: orders-api 3.12.3', template: tplFor(`${ECR}/orders/orders-api:3.12.3`) },
      { revision: 12, createdAgo: 6 * DAYS, changeCause: 'argocd: orders-api 3.12.4', template: tpl },
    ],
    pods: [...oldPods, ...newPods],
  });
  const rs = rsOf(app, 12);
  const deployment = deploymentOf(app) as k8s.V1Deployment;
  if (deployment.status) {
    deployment.status.conditions = [
      { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: ago(21.4), lastTransitionTime: ago(21.4) },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rs}" has timed out progressing.`, lastUpdateTime: ago(9.6), lastTransitionTime: ago(9.6) },
    ];
  }
  const unready = app.pods.filter((p) => !(p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'));
  const ready = app.pods.filter((p) => !unready.includes(p));

  // The bystander: the outbox worker, rolled out an hour ago, 2 pods with a pool of 5 each.
  const workerImage = (v: string) => `${ECR}/orders/orders-outbox-worker:${v}`;
  const worker = deploymentApp({
    namespace: ns,
    name: 'orders-outbox-worker',
    replicas: 2,
    revisions: [
      { revision: 7, createdAgo: 9 * DAYS, template: { containers: [container({ image: workerImage('1.4.0'), ports: [{ name: 'management', containerPort: 8081 }], readiness: httpProbe('/actuator/health/readiness', 8081), liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 60 }) })] } },
      { revision: 8, createdAgo: 66, changeCause: 'argocd: orders-outbox-worker 1.4.1', template: { containers: [container({ image: workerImage('1.4.1'), ports: [{ name: 'management', containerPort: 8081 }], readiness: httpProbe('/actuator/health/readiness', 8081), liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 60 }) })] } },
    ],
    pods: [{ revision: 8, node: node(0), createdAgo: 65.5 }, { revision: 8, node: node(2), createdAgo: 64.8 }],
  });

  // The database: Postgres 16, max_connections=100 on its command line, up for 41 days.
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const db = statefulSetApp({
    namespace: ns,
    name: 'orders-db',
    replicas: 1,
    serviceName: 'orders-db-headless',
    revisions: [{
      revision: 3,
      createdAgo: 41 * DAYS,
      template: {
        containers: [container({
          name: 'postgres',
          image: pgImage,
          args: ['-c', 'max_connections=100', '-c', 'shared_buffers=2GB', '-c', 'superuser_reserved_connections=3', '-c', 'log_connections=off'],
          ports: [{ name: 'postgres', containerPort: 5432 }],
          cpu: '2',
          memory: '8Gi',
          env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'orders' }],
          readiness: { exec: { command: ['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 },
          liveness: { exec: { command: ['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'] }, initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 6 },
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 3, ordinal: 0, node: node(1), createdAgo: 41 * DAYS }],
  });
  const dbPod = podOf(db, 0);
  const hpaObj = hpa({
    namespace: ns, name: 'orders-api', target: { kind: 'Deployment', name: 'orders-api' }, min: 4, max: 24, current: 20, desired: 20, lastScaleAgo: 20.8,
    cpu: { current: 58, target: 60, averageValue: '290m' },
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(20.8) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(41 * DAYS) },
      { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(20.8) },
    ],
  });
  const rescale = (size: number, atAgo: number) => event({ on: { kind: 'HorizontalPodAutoscaler', name: 'orders-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: `New size: ${size}; reason: cpu resource utilization (percentage of request) above target`, firstAgo: atAgo, lastAgo: atAgo, component: 'horizontal-pod-autoscaler' });
  const tooMany = 'FATAL: sorry, too many clients already';
  const appLogsUnready = (p: k8s.V1Pod, i: number) => lines(
    springLine(20.9, 'INFO', 'main', 'c.a.orders.OrdersApiApplication', 'Starting OrdersApiApplication v3.12.4 using Java 21.0.5 with PID 1'),
    springLine(20.7, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
    springLine(20.6, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
    springLine(20.6, 'INFO', 'main', 'c.a.orders.OrdersApiApplication', 'Started OrdersApiApplication in 17.412 seconds (process running for 18.96)'),
    springLine(19.9, 'WARN', 'nio-8081-exec-3', 'o.s.b.a.jdbc.DataSourceHealthIndicator', 'DataSource health check failed'),
    `org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection`,
    `\tat org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:84)`,
    `\tat org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator.doDataSourceHealthCheck(DataSourceHealthIndicator.java:120)`,
    `Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 3001ms (total=0, active=0, idle=0, waiting=0)`,
    `\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:686)`,
    `\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:179)`,
    `\t... 58 common frames omitted`,
    `Caused by: org.postgresql.util.PSQLException: ${tooMany}`,
    `\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:698)`,
    `\tat org.postgresql.core.v3.ConnectionFactoryImpl.tryConnect(ConnectionFactoryImpl.java:207)`,
    `\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:262)`,
    `\tat com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:476)`,
    springLine(8.2 - i * 0.1, 'WARN', 'nio-8081-exec-7', 'o.s.b.a.jdbc.DataSourceHealthIndicator', 'DataSource health check failed'),
    `Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 3000ms (total=0, active=0, idle=0, waiting=0)`,
    `Caused by: org.postgresql.util.PSQLException: ${tooMany}`,
    springLine(0.6, 'WARN', 'nio-8081-exec-2', 'o.s.b.a.jdbc.DataSourceHealthIndicator', 'DataSource health check failed'),
    `Caused by: org.postgresql.util.PSQLException: ${tooMany}`,
  );
  const appLogsServing = (k: number) => lines(
    springLine(2.1, 'INFO', 'nio-8080-exec-4', 'c.a.orders.web.OrderController', `POST /v1/orders 201 in 48ms (customer=C-88${k}412)`),
    springLine(1.3, 'INFO', 'nio-8080-exec-9', 'c.a.orders.web.OrderController', 'GET /v1/orders/ORD-2026-11-9931204 200 in 12ms'),
    springLine(0.4, 'INFO', 'nio-8080-exec-1', 'c.a.orders.web.OrderController', `POST /v1/orders 201 in 61ms (customer=C-19${k}007)`),
  );
  const pgLog = lines(
    `${pgTime(41 * DAYS - 0.2)} [1] LOG:  database system is ready to accept connections`,
    `${pgTime(95)} [112] LOG:  checkpoint complete: wrote 18231 buffers (7.0%); 0 WAL file(s) added, 0 removed, 11 recycled; write=269.811 s, sync=0.004 s, total=269.855 s`,
    ...Array.from({ length: 14 }, (_, i) => `${pgTime(20.7 - i * 1.4)} [${31245 + i * 97}] FATAL:  sorry, too many clients already`),
    `${pgTime(5)} [112] LOG:  checkpoint starting: time`,
    ...Array.from({ length: 6 }, (_, i) => `${pgTime(1.5 - i * 0.2)} [${33870 + i * 13}] FATAL:  sorry, too many clients already`),
  );
  return {
    id: 'heldout19-postgres-too-many-clients-after-hpa-scale-up',
    class: 'capacity',
    truth: 'A traffic spike made the orders-api HPA scale the Deployment from 4 to 20 replicas 21 minutes ago (4 → 8 → 16 → 20). Each pod opens a HikariCP pool of 10 connections to the namespace\'s Postgres orders-db, which runs with max_connections=100 (3 reserved for superusers): the old pods, the outbox worker and the first new pods took every slot, so the other twelve new pods get "FATAL: sorry, too many clients already", their readiness (which checks the DB) answers 503 and they never join the Service; Postgres itself is healthy and logs the same FATAL for each refused connection. No revision changed. Fix: cap the HPA (or the pool size) so replicas × pool stays below max_connections, or put PgBouncer in front / raise max_connections.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...worker.objects, ...db.objects, hpaObj,
      ...boundClaim({ namespace: ns, name: 'data-orders-db-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 41 * DAYS }),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'orders-db', selector: { app: 'orders-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], pods: db.pods, endpointPort: 5432 }),
      service({ namespace: ns, name: 'orders-db-headless', selector: { app: 'orders-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], headless: true }),
      configMap({ namespace: ns, name: 'orders-api-config', createdAgo: 120 * DAYS, updatedAgo: 13 * DAYS, data: { 'application-prod.yaml': 'spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 10\n      minimum-idle: 10\n      connection-timeout: 3000\nmanagement:\n  endpoint:\n    health:\n      group:\n        readiness:\n          include: readinessState,db\n' } }),
      rescale(8, 21.5), rescale(16, 21.2), rescale(20, 20.9),
      scaledReplicaSet(deployment, rs, 8, 4, 21.5), scaledReplicaSet(deployment, rs, 16, 8, 21.2), scaledReplicaSet(deployment, rs, 20, 16, 20.9),
      ...newPods.flatMap((o, k) => startedNormally(podOf(app, 4 + k), 'app', image, o.createdAgo)),
      ...unready.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 230, firstAgo: 20.4, lastAgo: 0.1 })),
      ...ready.slice(4, 6).map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 3, firstAgo: 20.6, lastAgo: 20.4 })),
      // Yesterday's blip during the nightly vacuum: two slow readiness answers on one old pod.
      probeFailed(podOf(app, 2), 'app', 'Readiness', `Get "http://${podOf(app, 2).status?.podIP ?? ''}:8081/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 22 * HOURS, lastAgo: 22 * HOURS - 0.2 }),
    ],
    logs: [
      logsFor(dbPod, 'postgres', { current: pgLog }),
      ...unready.map((p, i) => logsFor(p, 'app', { current: appLogsUnready(p, i) })),
      ...ready.map((p, k) => logsFor(p, 'app', { current: appLogsServing(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/too many clients|max_connections|connection (limit|slots)|connections? (exhausted|limit)/i],
      facts: [/max_connections|100 connections/i, /\b20 (replicas|pods)|4 ?(→|->|to) ?20|scal(ed|ing) (up|out)|scale-?(up|out)/i, /orders-db|postgres/i, /too many clients/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /orders-outbox-worker/, /orders-db[^\n]*(crash|down|not ready|unavailable|restart)/i, /CPU (throttl|limit)/i],
    },
  };
}

// ---- 2. Redis maxclients reached through a client-per-request leak in a new revision ---------------

function redisMaxclientsLeakInNewRevision(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.140');
  const image = (v: string) => `${ECR}/identity/session-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [3000],
      cpu: '250m',
      memory: '512Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'REDIS_URL', value: 'redis://session-cache:6379/0' },
        { name: 'NODE_OPTIONS', value: '--max-old-space-size=384' },
      ],
      readiness: httpProbe('/health/ready', 3000, { periodSeconds: 5, timeoutSeconds: 2 }),
      liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'session-api',
    replicas: 3,
    revisions: [
      { revision: 41, createdAgo: 8 * DAYS, changeCause: 'argocd: session-api 2.7.3', template: tpl('2.7.3') },
      { revision: 42, createdAgo: 50, changeCause: 'argocd: session-api 2.8.0', template: tpl('2.8.0') },
    ],
    pods: [
      { revision: 42, node: names[0] ?? '', createdAgo: 49.6, containers: { app: running({ sinceAgo: 49.5 }) } },
      { revision: 42, node: names[1] ?? '', createdAgo: 49.1, ready: false, containers: { app: running({ sinceAgo: 49.0, ready: false }) } },
      { revision: 42, node: names[2] ?? '', createdAgo: 48.6, containers: { app: running({ sinceAgo: 48.5 }) } },
    ],
    settled: { available: true, availableSince: 48.3, progressingSince: 48.3 },
  });
  // Redis: maxclients 2000 and timeout 300 in its redis.conf; it logs nothing when it refuses a client.
  const redisImage = 'docker.io/library/redis:7.2.5-alpine';
  const cache = statefulSetApp({
    namespace: ns,
    name: 'session-cache',
    replicas: 1,
    serviceName: 'session-cache-headless',
    revisions: [{
      revision: 2,
      createdAgo: 76 * DAYS,
      template: {
        containers: [container({
          name: 'redis',
          image: redisImage,
          command: ['redis-server', '/etc/redis/redis.conf'],
          ports: [{ name: 'redis', containerPort: 6379 }],
          cpu: '500m',
          memory: '2Gi',
          readiness: { exec: { command: ['redis-cli', 'ping'] }, periodSeconds: 10, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 3 },
          liveness: { tcpSocket: { port: 6379 }, initialDelaySeconds: 15, periodSeconds: 10, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 3 },
          volumeMounts: [{ name: 'config', mountPath: '/etc/redis' }, { name: 'data', mountPath: '/data' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'session-cache-config', defaultMode: 420 } }],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi' }],
    pods: [{ revision: 2, ordinal: 0, node: names[1] ?? '', createdAgo: 33 * DAYS }],
  });
  const redisPod = podOf(cache, 0);
  // The bystander: the auth service, rolled out two hours ago; its few long-lived Redis connections were opened before the wall.
  const authImage = (v: string) => `${ECR}/identity/auth-api:${v}`;
  const auth = deploymentApp({
    namespace: ns,
    name: 'auth-api',
    replicas: 2,
    revisions: [
      { revision: 63, createdAgo: 11 * DAYS, template: { containers: [container({ image: authImage('5.1.0'), ports: [3000], readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }) })] } },
      { revision: 64, createdAgo: 2 * HOURS + 5, changeCause: 'argocd: auth-api 5.1.1', template: { containers: [container({ image: authImage('5.1.1'), ports: [3000], readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }) })] } },
    ],
    pods: [{ revision: 64, node: names[0] ?? '', createdAgo: 2 * HOURS + 4 }, { revision: 64, node: names[2] ?? '', createdAgo: 2 * HOURS + 3 }],
  });
  const deployment = deploymentOf(app);
  const authDeployment = deploymentOf(auth);
  const pino = (minutes: number, level: number, msg: string, extra = ''): string =>
    `{"level":${level},"time":${ago(minutes).getTime()},"pid":1,"hostname":"HOST","msg":"${msg}"${extra}}`;
  const replyErr = ',"err":{"type":"ReplyError","message":"ERR max number of clients reached","stack":"ReplyError: ERR max number of clients reached\\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)\\n    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)"}';
  const appLog = (p: k8s.V1Pod, i: number) => lines(
    ...[
      pino(49.4, 30, 'session-api listening', ',"port":3000,"version":"2.8.0"'),
      pino(40.2 - i, 30, 'request completed', ',"req":{"method":"GET","url":"/v1/sessions/current"},"res":{"statusCode":200},"responseTime":4'),
      pino(35.1 - i * 0.3, 50, 'session lookup failed', replyErr),
      '[ioredis] Unhandled error event: ReplyError: ERR max number of clients reached',
      '    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)',
      '    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)',
      pino(35.0 - i * 0.3, 30, 'request completed', ',"req":{"method":"GET","url":"/v1/sessions/current"},"res":{"statusCode":503},"responseTime":2'),
      pino(21.7, 40, 'readiness check failed', ',"check":"redis","error":"ERR max number of clients reached"'),
      pino(14.3, 30, 'request completed', ',"req":{"method":"POST","url":"/v1/sessions"},"res":{"statusCode":201},"responseTime":7'),
      pino(3.2 - i * 0.2, 50, 'session lookup failed', replyErr),
      '[ioredis] Unhandled error event: ReplyError: ERR max number of clients reached',
      '    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)',
      pino(0.4, 40, 'readiness check failed', ',"check":"redis","error":"ERR max number of clients reached"'),
    ].map((l) => l.replace('HOST', nameOf(p))),
  );
  const redisLog = lines(
    `1:C ${redisTime(33 * DAYS)} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(33 * DAYS)} # Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${redisTime(33 * DAYS)} # Configuration loaded`,
    `1:M ${redisTime(33 * DAYS)} * monotonic clock: POSIX clock_gettime`,
    `1:M ${redisTime(33 * DAYS)} * Running mode=standalone, port=6379.`,
    `1:M ${redisTime(33 * DAYS)} * Server initialized`,
    `1:M ${redisTime(33 * DAYS)} * Ready to accept connections tcp`,
    ...[62, 51, 40, 29, 18, 7].flatMap((m, k) => [
      `1:M ${redisTime(m)} * 100 changes in 300 seconds. Saving...`,
      `1:M ${redisTime(m)} * Background saving started by pid ${4811 + k * 7}`,
      `${4811 + k * 7}:C ${redisTime(m - 0.02)} * DB saved on disk`,
      `${4811 + k * 7}:C ${redisTime(m - 0.02)} * Fork CoW for RDB: current 2 MB, peak 2 MB, average 1 MB`,
      `1:M ${redisTime(m - 0.03)} * Background saving terminated with success`,
    ]),
  );
  return {
    id: 'heldout19-redis-maxclients-connection-leak-new-revision',
    class: 'containers',
    truth: 'session-api revision 42 (2.8.0, rolled out 50 minutes ago) creates a new ioredis client for every request and never quits it: the connections to the session-cache Redis pile up until Redis\'s maxclients (2000) is reached about 35 minutes ago, after which every new connection is refused with "ERR max number of clients reached"; Redis itself is healthy and logs nothing about it. The pods stay Running, session lookups answer 503 and readiness fails intermittently (slots free up only as Redis\'s 300 s idle timeout closes leaked clients). Fix: roll session-api back to revision 41 (2.7.3) and fix the leak (one shared client).',
    ask: { service: 'session-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...cache.objects, ...auth.objects,
      ...boundClaim({ namespace: ns, name: 'data-session-cache-0', storage: '10Gi', zone: 'eu-west-1b', createdAgo: 76 * DAYS }),
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'auth-api', selector: { app: 'auth-api' }, pods: auth.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'session-cache', selector: { app: 'session-cache' }, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], pods: cache.pods, endpointPort: 6379 }),
      configMap({ namespace: ns, name: 'session-cache-config', createdAgo: 76 * DAYS, data: { 'redis.conf': 'bind 0.0.0.0\nport 6379\nprotected-mode no\nmaxclients 2000\ntimeout 300\ntcp-keepalive 60\nmaxmemory 1536mb\nmaxmemory-policy volatile-lru\nsave 300 100\nappendonly no\n' } }),
      scaledReplicaSet(deployment, rsOf(app, 42), 1, 0, 50), scaledReplicaSet(deployment, rsOf(app, 41), 2, 3, 49.4),
      scaledReplicaSet(deployment, rsOf(app, 42), 2, 1, 49.4), scaledReplicaSet(deployment, rsOf(app, 41), 1, 2, 48.9),
      scaledReplicaSet(deployment, rsOf(app, 42), 3, 2, 48.9), scaledReplicaSet(deployment, rsOf(app, 41), 0, 1, 48.4),
      scaledReplicaSet(authDeployment, rsOf(auth, 64), 2, 0, 2 * HOURS + 5),
      ...app.pods.flatMap((p, i) => startedNormally(p, 'app', image('2.8.0'), 49.6 - i * 0.5)),
      probeFailed(podOf(app, 0), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 61, firstAgo: 34.6, lastAgo: 2.1 }),
      probeFailed(podOf(app, 1), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 88, firstAgo: 34.2, lastAgo: 0.1 }),
      probeFailed(podOf(app, 2), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 47, firstAgo: 33.9, lastAgo: 4.4 }),
      // Yesterday: one Redis readiness timeout during the nightly RDB save of a bigger dataset.
      probeFailed(redisPod, 'redis', 'Readiness', 'command timed out: "redis-cli ping" timed out after 2s', { count: 1, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS }),
    ],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'app', { current: appLog(p, i) })),
      logsFor(redisPod, 'redis', { current: redisLog }),
      ...auth.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":30,"time":${ago(1.1).getTime()},"pid":1,"hostname":"${nameOf(p)}","msg":"request completed","req":{"method":"POST","url":"/v1/token"},"res":{"statusCode":200},"responseTime":11}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max(imum)? (number of )?clients|maxclients|redis[^\n]*(connection|client)s?[^\n]*(limit|exhaust|leak)|connection leak/i],
      facts: [/ERR max number of clients reached/i, /revision 42|2\.8\.0/i, /session-cache|redis/i, /roll(ing)? ?back|rollout undo|revision 41|2\.7\.3/i],
      never: [/\bOOM/, /auth-api/, /session-cache[^\n]*(crash|down|not ready|restart)/i, /liveness[^\n]*(fail|kill|restart)/i],
    },
  };
}

/** Redis's log time: `21 Nov 2026 02:24:00.123`. */
function redisTime(minutes: number): string {
  const d = ago(minutes);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()] ?? 'Jan';
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCDate())} ${mon} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

// ---- 3. cert-manager cannot issue the TLS certificate (Let's Encrypt rate limit) ---------------------

function certManagerRateLimitedSecretMissing(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.212');
  const image = (v: string) => `${ECR}/billing/billing-gateway:${v}`;
  const base = (v: string) => ({
    image: image(v),
    ports: [8443, { name: 'metrics', containerPort: 9090 }],
    cpu: '300m',
    memory: '512Mi',
  });
  // Revision 19 terminates TLS itself, with the certificate cert-manager should put in billing-gateway-tls.
  const tpl18 = { containers: [container({ ...base('4.2.0'), ports: [8080, { name: 'metrics', containerPort: 9090 }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] };
  const tpl19 = {
    containers: [container({
      ...base('4.3.0'),
      env: [{ name: 'TLS_CERT_FILE', value: '/etc/tls/tls.crt' }, { name: 'TLS_KEY_FILE', value: '/etc/tls/tls.key' }],
      readiness: { httpGet: { path: '/readyz', port: 8443, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      liveness: { httpGet: { path: '/livez', port: 8443, scheme: 'HTTPS' }, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      volumeMounts: [{ name: 'tls', mountPath: '/etc/tls', readOnly: true }],
    })],
    volumes: [{ name: 'tls', secret: { secretName: 'billing-gateway-tls', defaultMode: 420 } }],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'billing-gateway',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 4 * DAYS, changeCause: 'argocd: billing-gateway 4.2.0', template: tpl18 },
      { revision: 19, createdAgo: 10, changeCause: 'argocd: billing-gateway 4.3.0 (in-pod TLS)', template: tpl19 },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
      { revision: 19, node: names[1] ?? '', createdAgo: 9.9, containers: { app: waiting('ContainerCreating') } },
    ],
  });
  const fresh = podOf(app, 3);
  const deployment = deploymentOf(app);
  const other = deploymentApp({
    namespace: ns,
    name: 'invoice-renderer',
    replicas: 2,
    revisions: [
      { revision: 30, createdAgo: 12 * DAYS, template: { containers: [container({ image: `${ECR}/billing/invoice-renderer:2.0.8` })] } },
      { revision: 31, createdAgo: 55, changeCause: 'argocd: invoice-renderer 2.0.9', template: { containers: [container({ image: `${ECR}/billing/invoice-renderer:2.0.9` })] } },
    ],
    pods: [{ revision: 31, node: names[0] ?? '', createdAgo: 54.6 }, { revision: 31, node: names[2] ?? '', createdAgo: 54.1 }],
  });
  const cmImage = 'quay.io/jetstack/cert-manager-controller:v1.16.1';
  const cm = deploymentApp({
    namespace: 'cert-manager',
    name: 'cert-manager',
    replicas: 1,
    selector: { 'app.kubernetes.io/name': 'cert-manager', 'app.kubernetes.io/component': 'controller' },
    revisions: [{ revision: 6, createdAgo: 38 * DAYS, template: { containers: [container({ name: 'cert-manager-controller', image: cmImage, args: ['--v=2', '--cluster-resource-namespace=$(POD_NAMESPACE)', '--leader-election-namespace=kube-system', '--acme-http01-solver-image=quay.io/jetstack/cert-manager-acmesolver:v1.16.1', '--max-concurrent-challenges=60'], ports: [{ name: 'http-metrics', containerPort: 9402 }, { name: 'http-healthz', containerPort: 9403 }], cpu: '50m', memory: '256Mi', readiness: null, liveness: httpProbe('/livez', 'http-healthz', { initialDelaySeconds: 10, timeoutSeconds: 15, failureThreshold: 8 }) })], serviceAccountName: 'cert-manager' } }],
    pods: [{ revision: 6, node: names[2] ?? '', createdAgo: 38 * DAYS }],
  });
  const cmPod = podOf(cm, 0);
  const order = 'billing-gateway-tls-1-2907391518';
  const retryAfter = new Date(ago(-33 * HOURS).getTime()).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const acmeErr = `429 urn:ietf:params:acme:error:rateLimited: too many certificates (5) already issued for this exact set of identifiers in the last 168h0m0s, retry after ${retryAfter}: see https://letsencrypt.org/docs/rate-limits/#new-certificates-per-exact-set-of-hostnames`;
  const orderFailed = `Failed to wait for order resource "${order}" to become ready: order is in "errored" state: Failed to create Order: ${acmeErr}`;
  const cr = (kind: string, name: string, apiVersion: string) => ({ kind, name, namespace: ns, apiVersion });
  const crEvent = (on: { kind: string; name: string; namespace: string; apiVersion: string }, reason: string, message: string, atAgo: number, type: 'Normal' | 'Warning' = 'Normal', component = 'cert-manager-certificates-issuing') => {
    const e = event({ on, type, reason, message, firstAgo: atAgo, lastAgo: atAgo, component });
    e.involvedObject.apiVersion = on.apiVersion;
    return e;
  };
  const cert = cr('Certificate', 'billing-gateway-tls', 'cert-manager.io/v1');
  const req = cr('CertificateRequest', 'billing-gateway-tls-1', 'cert-manager.io/v1');
  const klog = (minutes: number, level: 'I' | 'E', file: string, msg: string, kv: string): string => {
    const d = ago(minutes);
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    return `${level}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}412       1 ${file}] "${msg}" ${kv}`;
  };
  const cmLog = lines(
    klog(3 * HOURS, 'I', 'sync.go:232', 're-queuing item due to optimistic locking on resource', 'logger="cert-manager.controller" error="Operation cannot be fulfilled on certificates.cert-manager.io \\"payments-edge-tls\\": the object has been modified; please apply your changes to the latest version and try again"'),
    klog(9.8, 'I', 'trigger_controller.go:215', 'Certificate must be re-issued', 'logger="cert-manager.certificates-trigger" key="billing/billing-gateway-tls" reason="DoesNotExist" message="Issuing certificate as Secret does not exist"'),
    klog(9.7, 'I', 'conditions.go:263', 'Setting lastTransitionTime for CertificateRequest condition "Approved" to 2026-11-21 03:04:18 +0000 UTC', 'logger="cert-manager.controller"'),
    klog(9.6, 'E', 'sync.go:120', 'failed to create Order resource due to bad request, marking Order as failed', `err="${acmeErr}" logger="cert-manager.orders" resource_name="${order}" resource_namespace="billing" resource_kind="Order" resource_version="v1"`),
    klog(9.5, 'E', 'controller.go:151', 're-queuing item due to error processing', `logger="cert-manager.certificaterequests-issuer-acme" error="${orderFailed.replace(/"/g, '\\"')}" key="billing/billing-gateway-tls-1"`),
    klog(9.4, 'I', 'issuing_controller.go:163', 'The certificate request has failed to complete and will be retried', `logger="cert-manager.certificates-issuing" key="billing/billing-gateway-tls" error="${orderFailed.replace(/"/g, '\\"')}"`),
  );
  return {
    id: 'heldout19-cert-manager-rate-limited-tls-secret-missing',
    class: 'config',
    truth: 'billing-gateway revision 19 (4.3.0, 10 minutes ago) terminates TLS in the pod and mounts the Secret billing-gateway-tls, which cert-manager should create from the new Certificate billing-gateway-tls. Let\'s Encrypt refuses the ACME order with 429 rateLimited (too many certificates, 5, already issued for this exact set of identifiers in the last 168 hours, after repeated re-issues from the staging cluster with the same hostnames), so the CertificateRequest fails and the Secret is never created: the new pod stays ContainerCreating on FailedMount (secret "billing-gateway-tls" not found) while the three revision-18 pods keep serving. Fix: wait for the retry-after, issue with a different hostname set or import the existing certificate (or roll back to revision 18 meanwhile).',
    ask: { service: 'billing-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...cm.objects,
      namespace({ name: 'cert-manager', createdAgo: 300 * DAYS }),
      ...exposed({ namespace: ns, name: 'billing-gateway', selector: { app: 'billing-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: other.pods }),
      scaledReplicaSet(deployment, rsOf(app, 19), 1, 0, 10),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 55),
      scheduled(fresh, 9.9),
      event({ on: fresh, reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "tls" : secret "billing-gateway-tls" not found', count: 13, firstAgo: 9.9, lastAgo: 1.7 }),
      event({ on: fresh, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[tls], unattached volumes=[], failed to process volumes=[]: context deadline exceeded', count: 4, firstAgo: 7.9, lastAgo: 1.8 }),
      crEvent(cert, 'Issuing', 'Issuing certificate as Secret does not exist', 9.8, 'Normal', 'cert-manager-certificates-trigger'),
      crEvent(cert, 'Generated', 'Stored new private key in temporary Secret resource "billing-gateway-tls-5xq8r"', 9.8, 'Normal', 'cert-manager-certificates-key-manager'),
      crEvent(cert, 'Requested', 'Created new CertificateRequest resource "billing-gateway-tls-1"', 9.7, 'Normal', 'cert-manager-certificates-request-manager'),
      crEvent(req, 'cert-manager.io', 'Certificate request has been approved by cert-manager.io', 9.7, 'Normal', 'cert-manager-certificaterequests-approver'),
      crEvent(req, 'OrderCreated', `Created Order resource billing/${order}`, 9.7, 'Normal', 'cert-manager-certificaterequests-issuer-acme'),
      crEvent(req, 'OrderFailed', orderFailed, 9.5, 'Warning', 'cert-manager-certificaterequests-issuer-acme'),
      crEvent(cert, 'Failed', `The certificate request has failed to complete and will be retried: ${orderFailed}`, 9.4, 'Warning'),
      // Yesterday: a renewal of another certificate of the namespace, all fine.
      crEvent(cr('Certificate', 'billing-internal-tls', 'cert-manager.io/v1'), 'Issuing', 'The certificate has been successfully issued', 20 * HOURS),
    ],
    logs: [
      logsFor(cmPod, 'cert-manager-controller', { current: cmLog }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(1.4)}","level":"info","msg":"POST /v2/charges","status":201,"latency_ms":38}`, `{"ts":"${at(0.3)}","level":"info","msg":"GET /v2/charges/ch_93kd81","status":200,"latency_ms":9}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/billing-gateway-tls/, /rate ?limit|too many certificates|cert-manager|certificate/i],
      facts: [/secret "?billing-gateway-tls"? not found/i, /rateLimited|rate ?limit|429/i, /revision 19|4\.3\.0/, /ContainerCreating|FailedMount/i],
      never: [/\bOOM/, /crash ?loop/i, /invoice-renderer/, /image ?pull|ErrImagePull|pull(ing)? (the )?image/i],
    },
  };
}

// ---- 4. /dev/shm too small: DataLoader workers die of SIGBUS ---------------------------------------

function shmDroppedDataLoaderBusError(): CorpusScenario {
  const ns = 'ml';
  const { nodes, names } = threeEksNodes('10.0.57');
  const image = (v: string) => `${ECR}/ml/embedder:${v}`;
  const worker = (v: string, shm: boolean) => ({
    containers: [container({
      name: 'embedder',
      image: image(v),
      command: ['python', '-m', 'embedder.main'],
      args: ['--queue', 'embedding-jobs', '--model', '/models/e5-large-v2', '--num-workers', '4', '--batch-size', '64'],
      ports: [{ name: 'metrics', containerPort: 9100 }],
      cpu: '3',
      memory: '10Gi',
      readiness: null,
      liveness: null,
      env: [{ name: 'OMP_NUM_THREADS', value: '3' }, { name: 'HF_HUB_OFFLINE', value: '1' }],
      volumeMounts: [{ name: 'models', mountPath: '/models', readOnly: true }, ...(shm ? [{ name: 'dshm', mountPath: '/dev/shm' }] : [])],
    })],
    volumes: [
      { name: 'models', persistentVolumeClaim: { claimName: 'embedder-models', readOnly: true } },
      ...(shm ? [{ name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: '2Gi' } }] : []),
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'embedder',
    replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 12 * DAYS, changeCause: 'helm upgrade embedder-1.6.2 (app 0.14.0)', template: worker('0.14.0', true) },
      { revision: 9, createdAgo: 30, changeCause: 'helm upgrade embedder-2.0.0 (app 0.14.1)', template: worker('0.14.1', false) },
    ],
    pods: [
      { revision: 8, node: names[0] ?? '', createdAgo: 12 * DAYS - 1 },
      { revision: 8, node: names[2] ?? '', createdAgo: 12 * DAYS - 2 },
      { revision: 9, node: names[1] ?? '', createdAgo: 29.8, containers: { embedder: crashLoop({ exitCode: 1, finishedAgo: 1.6, ranSeconds: 94 }, 6) } },
    ],
  });
  const fresh = podOf(app, 2);
  const deployment = deploymentOf(app);
  // The bystander: the search API of the namespace, rolled out 70 minutes ago.
  const search = deploymentApp({
    namespace: ns,
    name: 'semantic-search',
    replicas: 2,
    revisions: [
      { revision: 21, createdAgo: 6 * DAYS, template: { containers: [container({ image: `${ECR}/ml/semantic-search:1.9.2` })] } },
      { revision: 22, createdAgo: 70, changeCause: 'argocd: semantic-search 1.9.3', template: { containers: [container({ image: `${ECR}/ml/semantic-search:1.9.3` })] } },
    ],
    pods: [{ revision: 22, node: names[0] ?? '', createdAgo: 69.5 }, { revision: 22, node: names[1] ?? '', createdAgo: 69.1 }],
  });
  const run = (end: number, pid: number) => lines(
    `${pyTime(end + 1.57)} INFO embedder.main: embedder 0.14.1 starting (torch 2.4.1+cpu, python 3.11.10)`,
    `${pyTime(end + 1.5)} INFO embedder.model: loading /models/e5-large-v2 (335M parameters)`,
    `${pyTime(end + 0.95)} INFO embedder.model: model ready in 33.1s`,
    `${pyTime(end + 0.9)} INFO embedder.queue: consuming embedding-jobs (prefetch=256)`,
    `${pyTime(end + 0.6)} INFO embedder.batch: job 7f3e2c91: 18432 chunks, DataLoader(num_workers=4, batch_size=64, pin_memory=False)`,
    'ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).',
    'ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).',
    'Traceback (most recent call last):',
    '  File "/opt/conda/lib/python3.11/site-packages/torch/utils/data/dataloader.py", line 1243, in _try_get_data',
    '    data = self._data_queue.get(timeout=timeout)',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/opt/conda/lib/python3.11/multiprocessing/queues.py", line 113, in get',
    '    if not self._poll(timeout):',
    '           ^^^^^^^^^^^^^^^^^^^',
    '  File "/opt/conda/lib/python3.11/multiprocessing/connection.py", line 257, in poll',
    '    return self._poll(timeout)',
    '  File "/opt/conda/lib/python3.11/multiprocessing/connection.py", line 440, in _poll',
    '    r = wait([self], timeout)',
    '  File "/opt/conda/lib/python3.11/multiprocessing/connection.py", line 1136, in wait',
    '    ready = selector.select(timeout)',
    '  File "/opt/conda/lib/python3.11/selectors.py", line 415, in select',
    '    fd_event_list = self._selector.poll(timeout)',
    '  File "/opt/conda/lib/python3.11/site-packages/torch/utils/data/_utils/signal_handling.py", line 73, in handler',
    '    _error_if_any_worker_fails()',
    `RuntimeError: DataLoader worker (pid ${pid}) is killed by signal: Bus error. It is possible that dataloader's workers are out of shared memory. Please try to raise your shared memory limit.`,
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'Traceback (most recent call last):',
    '  File "<frozen runpy>", line 198, in _run_module_as_main',
    '  File "<frozen runpy>", line 88, in _run_code',
    '  File "/app/embedder/main.py", line 112, in <module>',
    '    main()',
    '  File "/app/embedder/main.py", line 104, in main',
    '    consumer.run_forever()',
    '  File "/app/embedder/queue.py", line 67, in run_forever',
    '    self.handle(job)',
    '  File "/app/embedder/batch.py", line 41, in handle',
    '    for batch in loader:',
    '  File "/opt/conda/lib/python3.11/site-packages/torch/utils/data/dataloader.py", line 630, in __next__',
    '    data = self._next_data()',
    '  File "/opt/conda/lib/python3.11/site-packages/torch/utils/data/dataloader.py", line 1424, in _next_data',
    '    idx, data = self._get_data()',
    '  File "/opt/conda/lib/python3.11/site-packages/torch/utils/data/dataloader.py", line 1390, in _get_data',
    '    success, data = self._try_get_data()',
    '  File "/opt/conda/lib/python3.11/site-packages/torch/utils/data/dataloader.py", line 1256, in _try_get_data',
    "    raise RuntimeError(f'DataLoader worker (pid(s) {pids_str}) exited unexpectedly') from e",
    `RuntimeError: DataLoader worker (pid(s) ${pid}) exited unexpectedly`,
  );
  const healthy = () => lines(
    `${pyTime(3.4)} INFO embedder.batch: job 5a1d9e07: 9216 chunks, DataLoader(num_workers=4, batch_size=64, pin_memory=False)`,
    `${pyTime(1.2)} INFO embedder.batch: job 5a1d9e07 done: 9216 embeddings in 131.4s (70.1/s), written to pgvector`,
    `${pyTime(0.9)} INFO embedder.batch: job 0c77b4e2: 4096 chunks, DataLoader(num_workers=4, batch_size=64, pin_memory=False)`,
  );
  return {
    id: 'heldout19-dev-shm-dropped-dataloader-bus-error',
    class: 'containers',
    truth: 'embedder revision 9 (Helm chart 2.0.0, app 0.14.1, 30 minutes ago) dropped the dshm emptyDir (medium: Memory, 2Gi) that revision 8 mounted at /dev/shm, so the container gets the runtime\'s default 64M /dev/shm. The PyTorch DataLoader workers (num_workers=4) pass batches through shared memory, run out of it and die of SIGBUS ("Unexpected bus error encountered in worker ... insufficient shared memory (shm)"); the main process raises "DataLoader worker (pid 57) is killed by signal: Bus error" and exits with code 1, so the new pod crash-loops while the two revision-8 pods keep working. It is not a memory-limit OOM. Fix: put the dshm emptyDir back (or roll back to revision 8).',
    ask: { service: 'embedder', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...search.objects,
      pvc({ namespace: ns, name: 'embedder-models', storage: '50Gi', storageClass: 'efs-sc', phase: 'Bound', volumeName: volumeOf(ns, 'embedder-models'), accessModes: ['ReadOnlyMany'], createdAgo: 200 * DAYS }),
      pv({ name: volumeOf(ns, 'embedder-models'), storage: '50Gi', storageClass: 'efs-sc', accessModes: ['ReadOnlyMany'], claim: { namespace: ns, name: 'embedder-models' }, createdAgo: 200 * DAYS, csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-0a8c41f2d93b7e615::fsap-02c9e1d07a4b3f8e1' } }),
      ...exposed({ namespace: ns, name: 'semantic-search', selector: { app: 'semantic-search' }, pods: search.pods }),
      scaledReplicaSet(deployment, rsOf(app, 9), 1, 0, 30),
      scaledReplicaSet(deploymentOf(search), rsOf(search, 22), 2, 0, 70),
      event({ on: fresh, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(fresh)} to ${names[1] ?? ''}`, firstAgo: 29.8, lastAgo: 29.8, component: 'default-scheduler' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('0.14.1')}"`, firstAgo: 29.8, lastAgo: 29.8, fieldPath: 'spec.containers{embedder}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('0.14.1')}" in 41.862s (41.862s including waiting). Image size: 3981442671 bytes.`, firstAgo: 29.1, lastAgo: 29.1, fieldPath: 'spec.containers{embedder}' }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container embedder', firstAgo: 29.1, lastAgo: 29.1, fieldPath: 'spec.containers{embedder}' }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container embedder', firstAgo: 29.1, lastAgo: 29.1, fieldPath: 'spec.containers{embedder}' }),
      ...restartedAgain(fresh, 'embedder', image('0.14.1'), { count: 6, firstAgo: 27.3, lastAgo: 3.2 }),
      backOff(fresh, 'embedder', { count: 24, firstAgo: 26.5 }),
      // The bystander's rollout 70 minutes ago: its new pods answered 503 while warming their index.
      ...search.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 4, firstAgo: 69, lastAgo: 68.4 })),
    ],
    logs: [
      // Crash-looping: the last run is what `kubectl logs` shows, the run before it `--previous`.
      logsFor(fresh, 'embedder', { current: run(1.6, 57), previous: run(8.4, 57) }),
      ...app.pods.slice(0, 2).map((p) => logsFor(p, 'embedder', { current: healthy() })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/shm|shared memory/i],
      facts: [/Bus error|SIGBUS/i, /dshm|\/dev\/shm/i, /revision 9|0\.14\.1|chart 2\.0\.0/i, /DataLoader/i],
      never: [/\bOOM/, /\b135\b/, /semantic-search/, /image ?pull|ErrImagePull/i, /(liveness|readiness) probe[^\n]*(fail|kill)/i],
    },
  };
}

// ---- 5. emptyDir sizeLimit evictions ------------------------------------------------------------------

function emptyDirSizeLimitEvictions(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.77');
  const image = (v: string) => `${ECR}/reporting/report-renderer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [3000],
      cpu: '1',
      memory: '2Gi',
      env: [{ name: 'TMPDIR', value: '/scratch' }, { name: 'PUPPETEER_EXECUTABLE_PATH', value: '/usr/bin/chromium' }, { name: 'NODE_ENV', value: 'production' }],
      readiness: httpProbe('/healthz', 3000),
      liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 15 }),
      volumeMounts: [{ name: 'scratch', mountPath: '/scratch' }],
    })],
    volumes: [{ name: 'scratch', emptyDir: { sizeLimit: '1Gi' } }],
    terminationGracePeriodSeconds: 60,
  });
  const msg = 'Usage of EmptyDir volume "scratch" exceeds the limit "1Gi". ';
  const evicted = (createdAgo: number, evictedAgo: number, node: string) => ({
    revision: 17, node, createdAgo, ...kubeletEviction(msg, evictedAgo), ready: false,
    containers: { app: terminated({ exitCode: 137, reason: 'Error', finishedAgo: evictedAgo - 0.05, ranSeconds: Math.round((createdAgo - evictedAgo) * 60) }) },
  });
  const evictions = [
    { createdAgo: 9 * DAYS, evictedAgo: 96, node: names[1] ?? '' },
    { createdAgo: 95.9, evictedAgo: 71, node: names[2] ?? '' },
    { createdAgo: 9 * DAYS - 1, evictedAgo: 47, node: names[2] ?? '' },
    { createdAgo: 70.9, evictedAgo: 23, node: names[0] ?? '' },
    { createdAgo: 46.9, evictedAgo: 7, node: names[1] ?? '' },
  ];
  const app = deploymentApp({
    namespace: ns,
    name: 'report-renderer',
    replicas: 3,
    revisions: [
      { revision: 16, createdAgo: 23 * DAYS, changeCause: 'argocd: report-renderer 6.4.1', template: tpl('6.4.1') },
      { revision: 17, createdAgo: 9 * DAYS, changeCause: 'argocd: report-renderer 6.4.2', template: tpl('6.4.2') },
    ],
    pods: [
      { revision: 17, node: names[0] ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 17, node: names[2] ?? '', createdAgo: 22.9 },
      { revision: 17, node: names[1] ?? '', createdAgo: 6.9 },
      ...evictions.map((e) => evicted(e.createdAgo, e.evictedAgo, e.node)),
    ],
    settled: { available: true, availableSince: 9 * DAYS, progressingSince: 9 * DAYS },
  });
  const rs = replicaSetOf(app, 17);
  const evictedPods = app.pods.slice(3);
  const other = deploymentApp({
    namespace: ns,
    name: 'report-scheduler',
    replicas: 1,
    revisions: [
      { revision: 40, createdAgo: 15 * DAYS, template: { containers: [container({ image: `${ECR}/reporting/report-scheduler:3.3.0` })] } },
      { revision: 41, createdAgo: 62, changeCause: 'argocd: report-scheduler 3.3.1', template: { containers: [container({ image: `${ECR}/reporting/report-scheduler:3.3.1` })] } },
    ],
    pods: [{ revision: 41, node: names[0] ?? '', createdAgo: 61.6 }],
  });
  // Every replacement the ReplicaSet created after an eviction (three of them were evicted in turn).
  const replacements = [{ i: 4, atAgo: 95.9 }, { i: 6, atAgo: 70.9 }, { i: 7, atAgo: 46.9 }, { i: 1, atAgo: 22.9 }, { i: 2, atAgo: 6.9 }];
  const renderLog = (fromAgo: number, tenant: string, big: boolean) => lines(
    `{"level":"info","time":"${at(fromAgo)}","msg":"render job accepted","job":"rj_${tenant.slice(0, 4)}91c2","tenant":"${tenant}","template":"annual-statement","accounts":${big ? 48211 : 312}}`,
    `{"level":"info","time":"${at(fromAgo - 0.8)}","msg":"chunk rendered","file":"/scratch/rj_${tenant.slice(0, 4)}91c2/part-0007.pdf","bytes":${big ? 118_402_211 : 2_104_553}}`,
    `{"level":"info","time":"${at(fromAgo - 1.9)}","msg":"chunk rendered","file":"/scratch/rj_${tenant.slice(0, 4)}91c2/part-0015.pdf","bytes":${big ? 121_977_040 : 1_998_317}}`,
    ...(big ? [`{"level":"info","time":"${at(fromAgo - 2.6)}","msg":"merging chunks","parts":24,"scratch_bytes":981237760}`] : [`{"level":"info","time":"${at(fromAgo - 2.1)}","msg":"render job done","pages":1480,"bytes":31_402_877,"ms":126114}`.replace(/_/g, '')]),
  );
  return {
    id: 'heldout19-emptydir-sizelimit-evictions',
    class: 'storage',
    truth: 'report-renderer writes its temporary PDF chunks to the emptyDir "scratch", limited to 1Gi (sizeLimit). Since the monthly annual-statement batch of the biggest tenant started about 100 minutes ago, single render jobs need close to 1 GB of scratch space, so the kubelet evicts the pod whose scratch crosses the limit ("Usage of EmptyDir volume "scratch" exceeds the limit "1Gi"."): five pods evicted in 96 minutes, each replaced by the ReplicaSet, and the job it was rendering is lost. The nodes have no disk or memory pressure; revision 17 is 9 days old and not the cause; exit 137 is the eviction\'s kill, not an OOM. Fix: raise the scratch sizeLimit (and the ephemeral-storage request) or stream/merge chunks without keeping them all on disk.',
    ask: { service: 'report-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'report-renderer', selector: { app: 'report-renderer' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'report-scheduler', selector: { app: 'report-scheduler' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 1, 0, 62),
      ...evictedPods.flatMap((p, k) => {
        const e = evictions[k];
        const t = e?.evictedAgo ?? 1;
        return [
          event({ on: p, reason: 'Evicted', message: msg, firstAgo: t, lastAgo: t }),
          event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: t, lastAgo: t, fieldPath: 'spec.containers{app}' }),
        ];
      }),
      ...replacements.flatMap(({ i, atAgo }) => [event({ on: rs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(podOf(app, i))}`, firstAgo: atAgo, lastAgo: atAgo, component: 'replicaset-controller' }), ...startedNormally(podOf(app, i), 'app', image('6.4.2'), atAgo)]),
      // Yesterday: the image garbage collector of one node could not free what it wanted (a big image was in use). Cleared since.
      nodeEvent(names[2] ?? '', 'FreeDiskSpaceFailed', 'Failed to garbage collect required amount of images. Attempted to free 3154378752 bytes, but only found 1163421184 bytes eligible to free.', { type: 'Warning', firstAgo: 27 * HOURS }),
    ],
    logs: [
      logsFor(podOf(app, 0), 'app', { current: renderLog(3.1, 'smallbooks-ltd', false) }),
      logsFor(podOf(app, 1), 'app', { current: renderLog(4.4, 'northwind-holdings', true) }),
      logsFor(podOf(app, 2), 'app', { current: renderLog(5.2, 'northwind-holdings', true) }),
      logsFor(evictedPods[4], 'app', { current: renderLog(9.8, 'northwind-holdings', true) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/scratch|emptyDir|sizeLimit|ephemeral/i, /evict/i],
      facts: [/1Gi/, /Usage of EmptyDir volume|exceeds the limit|sizeLimit/i, /\b5\b[^\n]*evict|evict[^\n]*\b5\b|five/i],
      never: [/\bOOM/, /DiskPressure|disk pressure|node[^\n]*(pressure|low on)/i, ADVISES_ROLLBACK, /report-scheduler/],
    },
  };
}

// ---- 6. The namespace is being deleted ------------------------------------------------------------------

function namespaceStuckTerminating(): CorpusScenario {
  const ns = 'loyalty';
  const { nodes, names } = threeEksNodes('10.0.33');
  const deletedAgo = 15;
  const nsObj = namespace({ name: ns, createdAgo: 410 * DAYS, labels: { team: 'loyalty', 'pod-security.kubernetes.io/enforce': 'baseline' } });
  nsObj.metadata = { ...nsObj.metadata, deletionTimestamp: ago(deletedAgo) };
  const cond = (type: string, status: string, reason: string, message: string): k8s.V1NamespaceCondition => ({ type, status, reason, message, lastTransitionTime: ago(deletedAgo - 0.1) });
  nsObj.status = {
    phase: 'Terminating',
    conditions: [
      cond('NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'),
      cond('NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'),
      cond('NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'),
      cond('NamespaceContentRemaining', 'True', 'SomeResourcesRemain', 'Some resources are remaining: kafkatopics.kafka.strimzi.io has 2 resource instances, pods. has 1 resource instances'),
      cond('NamespaceFinalizersRemaining', 'True', 'SomeFinalizersRemain', 'Some content in the namespace has finalizers remaining: strimzi.io/topic-operator in 2 resource instances'),
    ],
  };
  const image = (v: string) => `${ECR}/loyalty/loyalty-api:${v}`;
  const app = deploymentApp({
    namespace: ns,
    name: 'loyalty-api',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 19 * DAYS, changeCause: 'argocd: loyalty-api 8.0.4', template: { containers: [container({ image: image('8.0.4'), ports: [8080], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] } },
      { revision: 27, createdAgo: 6 * DAYS, changeCause: 'argocd: loyalty-api 8.1.0', template: { containers: [container({ image: image('8.1.0'), ports: [8080], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] } },
    ],
    pods: [],
    conditions: [
      { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: ago(deletedAgo - 0.3), lastTransitionTime: ago(deletedAgo - 0.3) },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "loyalty-api-PLACEHOLDER" has successfully progressed.`, lastUpdateTime: ago(6 * DAYS - 2), lastTransitionTime: ago(6 * DAYS - 2) },
    ],
  });
  const rs = replicaSetOf(app, 27);
  const rsName = nameOf(rs);
  const d = deploymentOf(app) as k8s.V1Deployment;
  for (const c of d.status?.conditions ?? []) c.message = c.message?.replace('loyalty-api-PLACEHOLDER', rsName);
  // The Kafka consumer drains its partitions before it exits (30 min of grace): still Terminating.
  const consumerImage = `${ECR}/loyalty/points-consumer:2.2.7`;
  const consumer = deploymentApp({
    namespace: ns,
    name: 'points-consumer',
    replicas: 1,
    revisions: [{ revision: 12, createdAgo: 30 * DAYS, template: { containers: [container({ image: consumerImage, ports: [{ name: 'metrics', containerPort: 9404 }], readiness: httpProbe('/ready', 9404), liveness: httpProbe('/healthz', 9404, { initialDelaySeconds: 20 }) })], terminationGracePeriodSeconds: 1800 } }],
    pods: [{ revision: 12, node: names[2] ?? '', createdAgo: 30 * DAYS, deletingAgo: deletedAgo - 30, ready: false, containers: { app: running({ sinceAgo: 30 * DAYS, ready: false }) } }],
    settled: { available: false, availableSince: deletedAgo - 0.1, progressingSince: 30 * DAYS },
  });
  const consumerPod = podOf(consumer, 0);
  const consumerRs = replicaSetOf(consumer, 12);
  const forbidden = (rsn: string) => `Error creating: pods "${rsn}-" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`;
  return {
    id: 'heldout19-namespace-deleted-stuck-terminating',
    class: 'config',
    truth: 'Someone ran `kubectl delete namespace loyalty` by mistake 15 minutes ago (meaning another namespace). The namespace is Terminating: the namespace controller deleted its pods, and it cannot finish because two KafkaTopics keep the strimzi.io/topic-operator finalizer while the entity operator that would remove it was deleted with the namespace. Nothing can be created in a terminating namespace, so the loyalty-api ReplicaSet cannot recreate its pods (FailedCreate: unable to create new content in namespace loyalty because it is being terminated) and the service has no pods at all. Nothing in the workload is wrong; the fix is to let the deletion finish (remove the orphaned finalizers) and redeploy the namespace from Git, or restore it from backup.',
    ask: { service: 'loyalty-api', namespace: ns },
    objects: [
      ...nodes, nsObj, ...app.objects, ...consumer.objects,
      namespace({ name: 'loyalty-staging', createdAgo: 300 * DAYS, labels: { team: 'loyalty' } }),
      ...exposed({ namespace: ns, name: 'loyalty-api', selector: { app: 'loyalty-api' }, pods: app.pods }),
      event({ on: rs, reason: 'FailedCreate', message: forbidden(rsName), count: 19, firstAgo: deletedAgo - 0.1, lastAgo: 0.4, component: 'replicaset-controller' }),
      event({ on: consumerRs, reason: 'FailedCreate', message: forbidden(nameOf(consumerRs)), count: 19, firstAgo: deletedAgo - 0.1, lastAgo: 0.5, component: 'replicaset-controller' }),
      event({ on: consumerPod, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: deletedAgo, lastAgo: deletedAgo, fieldPath: 'spec.containers{app}' }),
      // Yesterday: one readiness blip of loyalty-api during a Kafka broker restart.
      event({ on: { kind: 'Pod', name: `${rsName}-x7kqp`, namespace: ns }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 3, firstAgo: 21 * HOURS, lastAgo: 21 * HOURS - 0.5, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(consumerPod, 'app', { current: lines(
        `${at(deletedAgo + 2)} INFO  [points-consumer] c.a.l.PointsConsumer - committed offsets loyalty-points-ledger-3@881204`,
        `${at(deletedAgo - 0.02)} INFO  [SIGTERM handler] c.a.l.Shutdown - SIGTERM received, draining in-flight batches (grace 1800s)`,
        `${at(deletedAgo - 0.5)} WARN  [kafka-coordinator-heartbeat-thread | points] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=points-consumer-1, groupId=points] Offset commit failed on partition loyalty-points-ledger-3 at offset 881391: The coordinator is not available.`,
        `${at(1)} INFO  [SIGTERM handler] c.a.l.Shutdown - waiting for 212 in-flight records to be acknowledged`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/(namespace|loyalty)[^\n]*(terminat|being deleted|deletion|deleted)|(terminat|deleted|deletion)[^\n]*namespace/i],
      facts: [/being terminated|Terminating/i, /FailedCreate|unable to create new content|cannot (create|recreate)/i, /finaliz|strimzi|kafkatopic/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /revision 27[^\n]*(caus|broke)/i, /scale[^\n]*to 0|scaled (down )?to zero|replicas: ?0/i, /quota/i],
    },
  };
}

// ---- 7. Healthy control: a CronJob whose last run needed one retry ------------------------------------------

function cronJobRunNeededOneRetry(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.120');
  const image = `${ECR}/finance/ledger-export:1.11.0`;
  const template = {
    containers: [batchContainer({
      name: 'export',
      image,
      command: ['python', '-m', 'ledger_export'],
      args: ['--since', 'last-run', '--bucket', 's3://acme-ledger-exports/ledger/'],
      cpu: '500m',
      memory: '1Gi',
      env: [{ name: 'AWS_REGION', value: 'eu-west-1' }, { name: 'PGHOST', value: 'ledger-db.finance.svc' }],
    })],
    serviceAccountName: 'ledger-export',
  };
  // Runs at :00 and :30; NOW is 03:14. Kept: 02:00, 02:30, 03:00 (three successful, the history limit).
  const ok = (createdAgo: number, ranMin: number) => ({
    createdAgo,
    pods: [{ node: names[Math.round(createdAgo) % 3] ?? '', createdAgo: createdAgo - 0.02, phase: 'Succeeded' as const, ready: false, containers: { export: terminated({ exitCode: 0, reason: 'Completed', finishedAgo: createdAgo - ranMin, ranSeconds: Math.round(ranMin * 60) - 3 }) } }],
    outcome: { complete: true as const, ago: createdAgo - ranMin - 0.05 },
  });
  const cron = cronJob({
    namespace: ns,
    name: 'ledger-export',
    schedule: '*/30 * * * *',
    template,
    backoffLimit: 3,
    jobs: [
      ok(74, 1.9),
      ok(44, 2.1),
      {
        createdAgo: 14,
        pods: [
          { node: names[0] ?? '', createdAgo: 13.98, phase: 'Failed', ready: false, containers: { export: terminated({ exitCode: 1, reason: 'Error', finishedAgo: 13.2, ranSeconds: 46 }) } },
          { node: names[1] ?? '', createdAgo: 13.0, phase: 'Succeeded', ready: false, containers: { export: terminated({ exitCode: 0, reason: 'Completed', finishedAgo: 11.0, ranSeconds: 118 }) } },
        ],
        outcome: { complete: true, ago: 10.95 },
      },
    ],
    lastSuccessfulAgo: 10.95,
  });
  const [jobA, jobB, jobC] = cron.jobs;
  const cronObj = cron.objects[0];
  const failedPod = jobC?.pods[0];
  const retryPod = jobC?.pods[1];
  const jobName = (j: Built | undefined) => nameOf(j?.objects[0]);
  // The bystander: the ledger API of the namespace.
  const api = deploymentApp({
    namespace: ns,
    name: 'ledger-api',
    replicas: 2,
    revisions: [{ revision: 15, createdAgo: 17 * DAYS, changeCause: 'argocd: ledger-api 4.0.2', template: { containers: [container({ image: `${ECR}/finance/ledger-api:4.0.2` })] } }],
    pods: [{ revision: 15, node: names[0] ?? '', createdAgo: 17 * DAYS }, { revision: 15, node: names[2] ?? '', createdAgo: 17 * DAYS }],
  });
  const exportLog = (startAgo: number, rows: number, key: string) => lines(
    `${pyTime(startAgo)} INFO ledger_export: ledger-export 1.11.0, window ${key}`,
    `${pyTime(startAgo - 0.3)} INFO ledger_export.db: fetched ${rows} ledger entries`,
    `${pyTime(startAgo - 0.6)} INFO ledger_export.s3: multipart upload started s3://acme-ledger-exports/ledger/2026/11/21/${key}.csv.gz`,
    `${pyTime(startAgo - 1.7)} INFO ledger_export.s3: upload complete (4 parts, ${Math.round(rows * 0.41)} bytes)`,
    `${pyTime(startAgo - 1.75)} INFO ledger_export: done`,
  );
  const failedLog = lines(
    `${pyTime(13.97)} INFO ledger_export: ledger-export 1.11.0, window ledger-0300`,
    `${pyTime(13.7)} INFO ledger_export.db: fetched 1184022 ledger entries`,
    `${pyTime(13.45)} INFO ledger_export.s3: multipart upload started s3://acme-ledger-exports/ledger/2026/11/21/ledger-0300.csv.gz`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/urllib3/connectionpool.py", line 789, in urlopen',
    '    response = self._make_request(',
    '  File "/usr/local/lib/python3.12/site-packages/urllib3/connectionpool.py", line 536, in _make_request',
    '    response = conn.getresponse()',
    '  File "/usr/local/lib/python3.12/ssl.py", line 1233, in recv_into',
    '    return self.read(nbytes, buffer)',
    'ConnectionResetError: [Errno 104] Connection reset by peer',
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/botocore/httpsession.py", line 464, in send',
    '    urllib_response = conn.urlopen(',
    "urllib3.exceptions.ProtocolError: ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))",
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    'Traceback (most recent call last):',
    '  File "/app/ledger_export/__main__.py", line 58, in <module>',
    '    main()',
    '  File "/app/ledger_export/s3.py", line 73, in upload',
    '    client.upload_part(Bucket=bucket, Key=key, PartNumber=n, UploadId=upload_id, Body=chunk)',
    '  File "/usr/local/lib/python3.12/site-packages/botocore/httpsession.py", line 499, in send',
    '    raise ConnectionClosedError(',
    'botocore.exceptions.ConnectionClosedError: Connection was closed before we received a valid response from endpoint URL: "https://acme-ledger-exports.s3.eu-west-1.amazonaws.com/ledger/2026/11/21/ledger-0300.csv.gz?uploadId=Zx9.kq2LrX5bQ0e1&partNumber=3".',
  );
  return {
    id: 'heldout19-healthy-cronjob-run-needed-one-retry',
    class: 'healthy',
    truth: 'Nothing is wrong. The ledger-export CronJob runs every 30 minutes; in the 03:00 run the first pod failed (exit 1) after a transient ConnectionResetError while uploading a part to S3 (botocore gave up after its retries), the Job controller started a second pod within its backoffLimit of 3, and that pod finished the export: the Job is Complete, like the 02:00 and 02:30 runs. No action needed.',
    ask: { service: 'ledger-export' },
    objects: [
      ...nodes, ...cron.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${jobName(jobA)}`, 74),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${jobName(jobA)}, status: Complete`, 72),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${jobName(jobB)}`, 44),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${jobName(jobB)}, status: Complete`, 41.8),
      cronJobEvent(cronObj, 'SuccessfulDelete', `Deleted job ledger-export-${Math.floor(ago(134).getTime() / 60_000)}`, 41.8),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${jobName(jobC)}`, 14),
      jobEvent(jobA?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(jobA?.pods[0])}`, 74),
      jobEvent(jobA?.objects[0], 'Completed', 'Job completed', 72.05),
      jobEvent(jobB?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(jobB?.pods[0])}`, 44),
      jobEvent(jobB?.objects[0], 'Completed', 'Job completed', 41.85),
      jobEvent(jobC?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(failedPod)}`, 14),
      jobEvent(jobC?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(retryPod)}`, 13.0),
      jobEvent(jobC?.objects[0], 'Completed', 'Job completed', 10.95),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${jobName(jobC)}, status: Complete`, 10.9),
      cronJobEvent(cronObj, 'SuccessfulDelete', `Deleted job ledger-export-${Math.floor(ago(104).getTime() / 60_000)}`, 10.9),
      ...(failedPod ? startedNormally(failedPod, 'export', image, 13.98) : []),
      ...(retryPod ? startedNormally(retryPod, 'export', image, 13.0) : []),
    ],
    logs: [
      logsFor(failedPod, 'export', { current: failedLog }),
      logsFor(retryPod, 'export', { current: exportLog(12.95, 1184022, 'ledger-0300') }),
      logsFor(jobB?.pods[0], 'export', { current: exportLog(43.95, 1022817, 'ledger-0230') }),
      logsFor(jobA?.pods[0], 'export', { current: exportLog(73.95, 988410, 'ledger-0200') }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue)|running normally|succe(ss|eded)|complete|all (\d+ )?(pods )?(are )?ready|\d\/\d/i],
      facts: [/ledger-export/],
      never: [/BackoffLimitExceeded|backoff limit (reached|exceeded)/i, /\bOOM/, /S3[^\n]*(down|outage|unreachable|broken)|network ?polic/i, /ledger-export[^\n]*(is )?(failing|broken)/i, /ledger-api/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  postgresTooManyClientsAfterScaleUp(),
  redisMaxclientsLeakInNewRevision(),
  certManagerRateLimitedSecretMissing(),
  shmDroppedDataLoaderBusError(),
  emptyDirSizeLimitEvictions(),
  namespaceStuckTerminating(),
  cronJobRunNeededOneRetry(),
];
