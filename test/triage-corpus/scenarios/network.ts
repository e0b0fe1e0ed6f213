// Corpus stories: network. Dependencies that refuse or time out, a NetworkPolicy that cuts egress,
// cluster DNS down, a name that does not exist, Services that select nothing or resolve no port,
// and an external API that times out while every pod looks fine.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, NODE_A, NODE_B, NODE_C, at, backOff, boundClaim, clusterIpOf, configMap, container, coreDns, crashLoop, deploymentApp, epochMs,
  every, execProbe, exposed, httpProbe, ipOf, kubeProxy, logsOf, nameOf, networkPolicy, probeFailed, pyTime, restartedAgain, running,
  scaledReplicaSet, statefulSetApp, threeNodes,
} from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- local helpers -------------------------------------------------------------------------

/** `2026-11-21 03:12:41.563 GMT`, as PostgreSQL stamps its log lines. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' GMT');

/** A short request id, stable per (seed, i). */
const rid = (seed: string, i: number): string => ((i * 2654435761 + seed.length * 40503) >>> 0).toString(16).padStart(8, '0');

// ---- 1. readiness cascade from a dead dependency ----------------------------------------------

const PG_IMAGE = 'docker.io/bitnami/postgresql:16.4.0-debian-12-r14';

function postgresTemplate(): { containers: k8s.V1Container[]; securityContext: k8s.V1PodSecurityContext } {
  const isReady = ['/bin/sh', '-c', '-e', 'exec pg_isready -U "postgres" -h 127.0.0.1 -p 5432'];
  return {
    containers: [
      container({
        name: 'postgresql',
        image: PG_IMAGE,
        ports: [{ name: 'tcp-postgresql', containerPort: 5432 }],
        env: [
          { name: 'POSTGRESQL_PORT_NUMBER', value: '5432' },
          { name: 'POSTGRESQL_VOLUME_DIR', value: '/bitnami/postgresql' },
          { name: 'PGDATA', value: '/bitnami/postgresql/data' },
          { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'postgres', key: 'postgres-password' } } },
        ],
        cpu: '500m',
        memory: '2Gi',
        readiness: execProbe(isReady, { initialDelaySeconds: 5, timeoutSeconds: 5, failureThreshold: 6 }),
        liveness: execProbe(isReady, { initialDelaySeconds: 30, timeoutSeconds: 5, failureThreshold: 6 }),
        volumeMounts: [{ name: 'data', mountPath: '/bitnami/postgresql' }],
        securityContext: { runAsUser: 1001, runAsNonRoot: true, allowPrivilegeEscalation: false },
      }),
    ],
    securityContext: { fsGroup: 1001 },
  };
}

/** The last run of a PostgreSQL whose volume is full: recovery cannot write, the startup process exits 1. */
function postgresDiskFullRun(endAgo: number): string {
  const s = endAgo + 2.2 / 60;
  const bitnami = (dt: number, msg: string) => `postgresql ${at(s - dt / 60).slice(11, 22)} INFO  ==> ${msg}\n`;
  const pg = (dt: number, pid: number, level: string, msg: string) => `${pgTime(s - dt / 60)} [${pid}] ${level}:  ${msg}\n`;
  return [
    bitnami(0.0, '** Starting PostgreSQL setup **'),
    bitnami(0.04, 'Validating settings in POSTGRESQL_* env vars..'),
    bitnami(0.05, 'Loading custom pre-init scripts...'),
    bitnami(0.06, 'Initializing PostgreSQL database...'),
    bitnami(0.08, 'pg_hba.conf file not detected. Generating it...'),
    bitnami(0.08, 'Generating local authentication configuration'),
    bitnami(0.1, 'Deploying PostgreSQL with persisted data...'),
    bitnami(0.13, 'Configuring replication parameters'),
    bitnami(0.16, 'Configuring fsync'),
    bitnami(0.19, 'Loading custom scripts...'),
    bitnami(0.2, 'Enabling remote connections'),
    bitnami(0.22, '** PostgreSQL setup finished! **'),
    '\n',
    bitnami(0.24, '** Starting PostgreSQL **'),
    pg(0.3, 1, 'LOG', 'pgaudit extension initialized'),
    pg(0.31, 1, 'LOG', 'starting PostgreSQL 16.4 on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit'),
    pg(0.33, 1, 'LOG', 'listening on IPv4 address "0.0.0.0", port 5432'),
    pg(0.33, 1, 'LOG', 'listening on IPv6 address "::", port 5432'),
    pg(0.35, 1, 'LOG', 'listening on Unix socket "/tmp/.s.PGSQL.5432"'),
    pg(0.38, 88, 'LOG', 'database system was interrupted; last known up at 2026-11-21 02:43:51 GMT'),
    pg(0.52, 88, 'LOG', 'database system was not properly shut down; automatic recovery in progress'),
    pg(0.55, 88, 'LOG', 'redo starts at 3A/7F0001C8'),
    pg(1.91, 88, 'FATAL', 'could not extend file "base/16384/24577": No space left on device'),
    pg(1.91, 88, 'HINT', 'Check free disk space.'),
    pg(1.91, 88, 'CONTEXT', 'WAL redo at 3A/8B2F11D0 for Heap/INSERT: off: 12, flags: 0x00; blkref #0: rel 1663/16384/24577, blk 88213'),
    pg(1.95, 1, 'LOG', 'startup process (PID 88) exited with exit code 1'),
    pg(1.95, 1, 'LOG', 'terminating any other active server processes'),
    pg(1.97, 1, 'LOG', 'shutting down due to startup process failure'),
    pg(2.2, 1, 'LOG', 'database system is shut down'),
  ].join('');
}

const SPRING_DB_DOWN = [
  'org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection',
  '\tat org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:84)',
  '\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:388)',
  '\tat org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator.getProduct(DataSourceHealthIndicator.java:122)',
  '\tat org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator.doDataSourceHealthCheck(DataSourceHealthIndicator.java:105)',
  '\tat org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator.doHealthCheck(DataSourceHealthIndicator.java:100)',
  '\tat org.springframework.boot.actuate.health.AbstractHealthIndicator.health(AbstractHealthIndicator.java:82)',
  '\t... 58 common frames omitted',
  'Caused by: java.sql.SQLTransientConnectionException: orders-pool - Connection is not available, request timed out after 3001ms (total=0, active=0, idle=0, waiting=0)',
  '\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:686)',
  '\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:179)',
  '\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:144)',
  '\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:99)',
  '\tat org.springframework.jdbc.datasource.DataSourceUtils.fetchConnection(DataSourceUtils.java:160)',
  '\tat org.springframework.jdbc.datasource.DataSourceUtils.doGetConnection(DataSourceUtils.java:118)',
  '\tat org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:81)',
  '\t... 63 common frames omitted',
  'Caused by: org.postgresql.util.PSQLException: Connection to postgres.orders.svc.cluster.local:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
  '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:352)',
  '\tat org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54)',
  '\tat org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:273)',
  '\tat org.postgresql.Driver.makeConnection(Driver.java:446)',
  '\tat org.postgresql.Driver.connect(Driver.java:298)',
  '\tat com.zaxxer.hikari.util.DriverDataSource.getConnection(DriverDataSource.java:137)',
  '\tat com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:360)',
  '\tat com.zaxxer.hikari.pool.PoolBase.newPoolEntry(PoolBase.java:202)',
  '\tat com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:461)',
  '\tat com.zaxxer.hikari.pool.HikariPool$PoolEntryCreator.call(HikariPool.java:724)',
  '\tat com.zaxxer.hikari.pool.HikariPool$PoolEntryCreator.call(HikariPool.java:703)',
  '\tat java.base/java.util.concurrent.FutureTask.run(FutureTask.java:317)',
  '\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)',
  '\tat java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:642)',
  '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
  'Caused by: java.net.ConnectException: Connection refused',
  '\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)',
  '\tat java.base/sun.nio.ch.Net.pollConnectNow(Net.java:682)',
  '\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:542)',
  '\tat java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:592)',
  '\tat java.base/java.net.SocksSocketImpl.connect(SocksSocketImpl.java:327)',
  '\tat java.base/java.net.Socket.connect(Socket.java:751)',
  '\tat org.postgresql.core.PGStream.createSocket(PGStream.java:243)',
  '\tat org.postgresql.core.PGStream.<init>(PGStream.java:98)',
  '\tat org.postgresql.core.v3.ConnectionFactoryImpl.tryConnect(ConnectionFactoryImpl.java:136)',
  '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:262)',
  '\t... 14 common frames omitted',
].join('\n');

/**
 * postgres-0 filled its 20Gi volume with WAL and crashed half an hour ago; every restart fails in
 * recovery (No space left on device). The orders pods run, but their readiness group includes the
 * database, so all three are unready and their logs are full of refused connections.
 */
function readinessCascadeFromDeadPostgres(): CorpusScenario {
  const ns = 'orders';
  const pg = statefulSetApp({
    namespace: ns,
    name: 'postgres',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 210 * DAYS, template: postgresTemplate() }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi', storageClass: 'gp3' }],
    pods: [{ revision: 3, ordinal: 0, node: NODE_B, createdAgo: 34 * DAYS, containers: { postgresql: crashLoop({ exitCode: 1, finishedAgo: 1.6, ranSeconds: 2 }, 9) } }],
  });
  const [pg0] = pg.pods;
  const data = boundClaim({ namespace: ns, name: 'data-postgres-0', storage: '20Gi', zone: 'eu-west-1b', volumeName: 'pvc-6b1f0c2e-93a4-4d7e-a1c2-5d8e7f9a0b13', createdAgo: 210 * DAYS, labels: { app: 'postgres' } });

  const image = (v: string) => `123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders/orders-service:${v}`;
  const ordersTemplate = (v: string) => ({
    containers: [
      container({
        image: image(v),
        env: [
          { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
          { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://postgres.orders.svc.cluster.local:5432/orders' },
          { name: 'SPRING_DATASOURCE_USERNAME', value: 'orders' },
          { name: 'SPRING_DATASOURCE_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db', key: 'password' } } },
          { name: 'MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE', value: 'readinessState,db' },
          { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
        ],
        cpu: '500m',
        memory: '1Gi',
        readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 5, timeoutSeconds: 3 }),
        liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, timeoutSeconds: 3 }),
      }),
    ],
  });
  const orders = deploymentApp({
    namespace: ns,
    name: 'orders',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 19 * DAYS, template: ordersTemplate('2.13.4') },
      { revision: 22, createdAgo: 6 * DAYS, changeCause: 'ci: orders-service 2.14.1', template: ordersTemplate('2.14.1') },
    ],
    pods: [NODE_A, NODE_B, NODE_C].map((n, i) => ({ revision: 22, node: n, createdAgo: 6 * DAYS - i, containers: { app: running({ sinceAgo: 6 * DAYS - i - 0.5, ready: false }) } })),
    // Rolled out 6 days ago; unavailable since the database went down.
    settled: { available: false, availableSince: 29.7, progressingSince: 6 * DAYS - 3 },
  });

  const springWarn = (t: number, thread: string) => `${at(t)}  WARN 1 --- [orders-service] [${thread}] o.s.b.a.jdbc.DataSourceHealthIndicator   : DataSource health check failed\n\n${SPRING_DB_DOWN}\n`;
  const ordersLog = (i: number) =>
    every(2.6 + i * 0.03, 0.05, 5, (t, k) =>
      k % 6 === 5
        ? `${at(t + 0.01)} ERROR 1 --- [orders-service] [   scheduling-1] c.e.orders.outbox.OutboxRelay            : outbox relay failed, 214 events pending: Could not open JPA EntityManager for transaction\n${springWarn(t, `nio-8080-exec-${(k % 9) + 1}`)}`
        : springWarn(t, `nio-8080-exec-${(k % 9) + 1}`),
    );

  return {
    id: 'network-readiness-cascade-postgres-refused',
    class: 'network',
    truth: 'postgres-0 (the only replica of the postgres StatefulSet) filled its volume and crash-loops in recovery; postgres.orders.svc:5432 refuses connections, and the orders pods, whose readiness includes the database, are all unready (0/3) without restarting.',
    ask: { service: 'orders' },
    objects: [
      ...threeNodes(),
      ...orders.objects,
      ...exposed({ namespace: ns, name: 'orders', selector: { app: 'orders' }, pods: orders.pods }),
      ...pg.objects,
      ...exposed({ namespace: ns, name: 'postgres', selector: { app: 'postgres' }, ports: [{ name: 'tcp-postgresql', port: 5432, targetPort: 'tcp-postgresql' }], pods: pg.pods, endpointPort: 5432 }),
      ...data,
      ...orders.pods.map((p, i) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 352 - i * 3, firstAgo: 29.5 })),
      ...(pg0
        ? [
            probeFailed(pg0, 'postgresql', 'Readiness', '127.0.0.1:5432 - no response', { count: 2, firstAgo: 30.5, lastAgo: 30.2 }),
            ...restartedAgain(pg0, 'postgresql', PG_IMAGE, { count: 10, firstAgo: 30, lastAgo: 3.8 }),
            backOff(pg0, 'postgresql', { count: 131, firstAgo: 29 }),
          ]
        : []),
    ],
    logs: [
      ...logsOf(orders.pods, 'app', (_p, i) => ({ current: ordersLog(i) })),
      ...logsOf(pg.pods, 'postgresql', () => ({ previous: postgresDiskFullRun(1.6) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/postgres/i, /refus|5432/i],
      facts: [/0\/3/, /postgres-0/, /connection refused|Connection to postgres\.orders\.svc\.cluster\.local:5432 refused/i],
      never: [/roll ?back (to|orders|the deployment)|rollout undo/i, /\bOOM/],
    },
  };
}

// ---- 2. a default-deny egress NetworkPolicy -------------------------------------------------

/**
 * The platform team's baseline policy `default-deny-egress` landed in the checkout namespace 20
 * minutes ago: every pod, Egress only, DNS to kube-dns allowed and nothing else. The checkout pods
 * stay Ready (their probes do not leave the pod) but every call to redis-master and payments-api
 * times out.
 */
function defaultDenyEgressPolicy(): CorpusScenario {
  const ns = 'checkout';
  const tpl = (v: string) => ({
    containers: [
      container({
        image: `registry.example.com/checkout/checkout:${v}`,
        env: [
          { name: 'REDIS_ADDR', value: 'redis-master:6379' },
          { name: 'PAYMENTS_API_URL', value: 'https://payments-api.payments.svc.cluster.local:8443' },
          { name: 'GOMEMLIMIT', value: '400MiB' },
        ],
        readiness: httpProbe('/readyz', 8080),
        liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
      }),
    ],
  });
  const checkout = deploymentApp({
    namespace: ns,
    name: 'checkout',
    replicas: 3,
    revisions: [
      { revision: 56, createdAgo: 12 * DAYS, template: tpl('5.12.2') },
      { revision: 57, createdAgo: 5 * DAYS, changeCause: 'argocd: checkout 5.12.3', template: tpl('5.12.3') },
    ],
    pods: [NODE_A, NODE_B, NODE_C].map((n, i) => ({ revision: 57, node: n, createdAgo: 5 * DAYS - i })),
  });
  const redisTpl = {
    containers: [
      container({
        name: 'redis',
        image: 'docker.io/bitnami/redis:7.4.1-debian-12-r2',
        ports: [{ name: 'redis', containerPort: 6379 }],
        memory: '1Gi',
        readiness: execProbe(['sh', '-c', '/health/ping_readiness_local.sh 1'], { periodSeconds: 5, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 5 }),
        liveness: execProbe(['sh', '-c', '/health/ping_liveness_local.sh 5'], { initialDelaySeconds: 20, periodSeconds: 5, timeoutSeconds: 6, failureThreshold: 5 }),
      }),
    ],
  };
  const redis = statefulSetApp({ namespace: ns, name: 'redis-master', replicas: 1, revisions: [{ revision: 2, createdAgo: 90 * DAYS, template: redisTpl }], pods: [{ revision: 2, ordinal: 0, node: NODE_C, createdAgo: 22 * DAYS }] });
  const redisSvc = exposed({ namespace: ns, name: 'redis-master', selector: { app: 'redis-master' }, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'redis' }], pods: redis.pods, endpointPort: 6379 });
  const payments = deploymentApp({
    namespace: 'payments',
    name: 'payments-api',
    replicas: 2,
    revisions: [{ revision: 88, createdAgo: 3 * DAYS, template: { containers: [container({ image: 'registry.example.com/payments/payments-api:11.4.0', ports: [{ name: 'https', containerPort: 8443 }], readiness: { httpGet: { path: '/health/ready', port: 8443, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 } })] } }],
    pods: [{ revision: 88, node: NODE_A, createdAgo: 3 * DAYS }, { revision: 88, node: NODE_B, createdAgo: 3 * DAYS }],
  });
  const paymentsSvc = exposed({ namespace: 'payments', name: 'payments-api', selector: { app: 'payments-api' }, ports: [{ name: 'https', port: 8443, targetPort: 'https' }], pods: payments.pods, endpointPort: 8443 });

  const deny = networkPolicy({
    namespace: ns,
    name: 'default-deny-egress',
    createdAgo: 20,
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
      },
    ],
  });
  deny.metadata = { ...deny.metadata, labels: { 'app.kubernetes.io/managed-by': 'argocd', 'app.kubernetes.io/part-of': 'netpol-baseline' }, annotations: { 'argocd.argoproj.io/tracking-id': 'netpol-baseline:networking.k8s.io/NetworkPolicy:checkout/default-deny-egress' } };
  const ingressOnly = networkPolicy({
    namespace: ns,
    name: 'allow-ingress-from-gateway',
    createdAgo: 180 * DAYS,
    podSelector: { app: 'checkout' },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
  });

  const redisIp = clusterIpOf(redisSvc, 'redis-master');
  const paymentsIp = clusterIpOf(paymentsSvc, 'payments-api');
  const line = (t: number, level: string, source: string, msg: string, rest: string) => `time=${at(t)} level=${level} source=${source} msg=${msg} ${rest}\n`;
  const healthy = (t: number, i: number) =>
    line(t, 'INFO', 'httpserver/log.go:41', 'request', `method=POST path=/api/v1/checkout status=200 duration=${140 + ((i * 37) % 90)}ms request_id=${rid('ok', i)}`);
  const broken = (t: number, i: number) =>
    line(t, 'ERROR', 'cart/store.go:71', '"load cart"', `cart_id=c_${rid('cart', i)} err="dial tcp ${redisIp}:6379: i/o timeout"`) +
    (i % 2 === 0
      ? line(t - 0.04, 'ERROR', 'payments/client.go:118', '"authorize payment"', `order_id=o_${rid('ord', i)} err="Post \\"https://payments-api.payments.svc.cluster.local:8443/v1/authorizations\\": dial tcp ${paymentsIp}:8443: i/o timeout"`)
      : '') +
    line(t - 0.05, 'WARN', 'httpserver/log.go:41', 'request', `method=POST path=/api/v1/checkout status=503 duration=3.00${i % 9}s request_id=${rid('req', i)}`);
  const checkoutLog = (i: number) => every(23.5 - i * 0.1, 20.05, 20, healthy) + every(19.9 - i * 0.1, 0.1, 15, broken);

  return {
    id: 'network-default-deny-egress-timeouts',
    class: 'network',
    truth: 'NetworkPolicy default-deny-egress, created 20 minutes ago in namespace checkout, selects every pod for Egress and allows only DNS; checkout stays Ready but its calls to redis-master:6379 and payments-api:8443 time out since.',
    ask: { service: 'checkout', namespace: ns },
    objects: [
      ...threeNodes(),
      ...checkout.objects,
      ...exposed({ namespace: ns, name: 'checkout', selector: { app: 'checkout' }, pods: checkout.pods }),
      ...redis.objects,
      ...redisSvc,
      ...payments.objects,
      ...paymentsSvc,
      deny,
      ingressOnly,
    ],
    logs: logsOf(checkout.pods, 'app', (_p, i) => ({ current: checkoutLog(i) })),
    expect: {
      verdict: 'problems',
      headline: [/default-deny-egress/, /time ?out|timed out|timing out/i],
      facts: [/6379/, /8443/, /egress/i],
      never: [/roll ?back (to|checkout|the deployment)|rollout undo/i, /redis(-master)? (is )?(down|crash|not ready)/i],
    },
  };
}

// ---- 3. CoreDNS is down ---------------------------------------------------------------------

const COREFILE_LOOP = `.:53 {
    errors
    health {
        lameduck 5s
      }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
      pods insecure
      fallthrough in-addr.arpa ip6.arpa
    }
    prometheus :9153
    forward . 127.0.0.1
    cache 30
    loop
    reload
    loadbalance
}
`;

/**
 * An edit to the coredns ConfigMap 32 minutes ago made CoreDNS forward "." to itself; on reload the
 * loop plugin detects it and exits, both replicas crash-loop, and every lookup in the cluster
 * fails. storefront (Node) cannot resolve inventory or redis and reports itself unready, while
 * inventory itself is fine.
 */
function coreDnsLoopCrash(): CorpusScenario {
  const ns = 'shop';
  const dns = coreDns([
    { node: NODE_A, story: crashLoop({ exitCode: 1, finishedAgo: 0.9, ranSeconds: 1 }, 9) },
    { node: NODE_C, story: crashLoop({ exitCode: 1, finishedAgo: 3.1, ranSeconds: 1 }, 9) },
  ]);
  // CoreDNS answers on 53 over UDP and TCP; the kit's kube-dns slice lists only the first port name, as TCP.
  const kubeDnsSlice = dns.objects.find((o) => o.kind === 'EndpointSlice' && o.metadata?.labels?.['kubernetes.io/service-name'] === 'kube-dns') as k8s.V1EndpointSlice | undefined;
  if (kubeDnsSlice) kubeDnsSlice.ports = [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }];
  const corefile = configMap({ namespace: 'kube-system', name: 'coredns', createdAgo: 40 * DAYS, updatedAgo: 32, data: { Corefile: COREFILE_LOOP } });
  const proxy = kubeProxy([{ node: NODE_A }, { node: NODE_B }, { node: NODE_C }]);

  const storefrontTpl = (v: string) => ({
    containers: [
      container({
        image: `registry.example.com/shop/storefront:${v}`,
        ports: [3000],
        env: [
          { name: 'NODE_ENV', value: 'production' },
          { name: 'INVENTORY_URL', value: 'http://inventory.shop.svc.cluster.local:8080' },
          { name: 'REDIS_URL', value: 'redis://redis.shop.svc.cluster.local:6379' },
        ],
        memory: '384Mi',
        readiness: httpProbe('/ready', 3000),
        liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }),
      }),
    ],
  });
  const storefront = deploymentApp({
    namespace: ns,
    name: 'storefront',
    replicas: 3,
    revisions: [
      { revision: 63, createdAgo: 8 * DAYS, template: storefrontTpl('9.2.7') },
      { revision: 64, createdAgo: 2 * DAYS, changeCause: 'ci: storefront 9.3.0', template: storefrontTpl('9.3.0') },
    ],
    pods: [NODE_A, NODE_B, NODE_C].map((n, i) => ({ revision: 64, node: n, createdAgo: 2 * DAYS - i, containers: { app: running({ sinceAgo: 2 * DAYS - i - 0.4, ready: false }) } })),
    settled: { available: false, availableSince: 30.5, progressingSince: 2 * DAYS - 3 },
  });
  const inventory = deploymentApp({
    namespace: ns,
    name: 'inventory',
    replicas: 2,
    revisions: [{ revision: 11, createdAgo: 15 * DAYS, template: { containers: [container({ image: 'registry.example.com/shop/inventory:3.8.1' })] } }],
    pods: [{ revision: 11, node: NODE_B, createdAgo: 15 * DAYS }, { revision: 11, node: NODE_C, createdAgo: 15 * DAYS }],
  });

  const pino = (t: number, level: number, host: string, fields: string) => `{"level":${level},"time":${epochMs(t)},"pid":1,"hostname":"${host}",${fields}}\n`;
  const eaiAgain = (hostname: string) =>
    `"err":{"type":"Error","message":"getaddrinfo EAI_AGAIN ${hostname}","stack":"Error: getaddrinfo EAI_AGAIN ${hostname}\\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)","errno":-3001,"code":"EAI_AGAIN","syscall":"getaddrinfo","hostname":"${hostname}"}`;
  const storefrontLog = (p: k8s.V1Pod, i: number) => {
    const host = nameOf(p);
    return every(2.8 - i * 0.05, 0.05, 5, (t, k) =>
      pino(t, 50, host, `${eaiAgain('inventory.shop.svc.cluster.local')},"msg":"GET http://inventory.shop.svc.cluster.local:8080/v1/stock?sku=SKU-${40210 + k} failed"`) +
      pino(t - 0.01, 40, host, `"check":"inventory","msg":"readiness: dependency unreachable, answering 503"`) +
      (k % 4 === 0
        ? `[ioredis] Unhandled error event: Error: getaddrinfo EAI_AGAIN redis.shop.svc.cluster.local\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)\n`
        : ''),
    );
  };
  const coreDnsRun = (seed: number) =>
    [
      '.:53',
      `[INFO] plugin/reload: Running configuration SHA512 = ${(seed * 9301 + 49297).toString(16)}c4f0e7d1b2a39c8e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7`,
      'CoreDNS-1.11.3',
      'linux/amd64, go1.22.8, 8b8b8ba',
      `[FATAL] plugin/loop: Loop (127.0.0.1:${38827 + seed} -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO ${6062418392716484711n + BigInt(seed)}.4380963582185523612."`,
      '',
    ].join('\n');

  return {
    id: 'network-coredns-loop-crashloop',
    class: 'network',
    truth: 'The coredns ConfigMap was edited 32 minutes ago to forward "." to 127.0.0.1; CoreDNS detects the forwarding loop and exits, both coredns pods in kube-system crash-loop, and cluster DNS is down: storefront cannot resolve inventory.shop.svc.cluster.local (EAI_AGAIN) and is 0/3 ready, while inventory itself is healthy.',
    ask: { service: 'storefront' },
    objects: [
      ...threeNodes(),
      ...storefront.objects,
      ...exposed({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, pods: storefront.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...inventory.objects,
      ...exposed({ namespace: ns, name: 'inventory', selector: { app: 'inventory' }, ports: [{ name: 'http', port: 8080, targetPort: 'http' }], pods: inventory.pods }),
      ...dns.objects,
      corefile,
      ...proxy.objects,
      ...storefront.pods.map((p, i) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 176 - i, firstAgo: 30.5 })),
      ...dns.pods.map((p) => backOff(p, 'coredns', { count: 128, firstAgo: 30 })),
      ...dns.pods.map((p) => probeFailed(p, 'coredns', 'Readiness', `Get "http://${ipOf(p)}:8181/ready": dial tcp ${ipOf(p)}:8181: connect: connection refused`, { count: 11, firstAgo: 31.5, lastAgo: 4 })),
    ],
    logs: [
      ...logsOf(storefront.pods, 'app', (p, i) => ({ current: storefrontLog(p, i) })),
      ...logsOf(dns.pods, 'coredns', (_p, i) => ({ previous: coreDnsRun(i) })),
    ],
    expect: {
      verdict: 'problems',
      // CoreDNS named as what is broken (crash-looping, down, 0/2), not only as where to look next.
      headline: [/core-?dns|kube-dns/i, /crash|0\/2|\bdown\b|not ready|forwarding loop|plugin\/loop/i],
      facts: [/EAI_AGAIN/, /inventory\.shop\.svc\.cluster\.local/, /0\/3/],
      never: [/roll ?back (to|storefront|the deployment)|rollout undo/i, /inventory (is )?(down|unavailable|not ready|crash)/i, /\bOOM/],
    },
  };
}

// ---- 4. a DNS name that does not exist ------------------------------------------------------

/**
 * Revision 41 of refunds (a Python worker) moved the database settings into the chart's values and
 * typed DB_HOST as postgress.payments.svc.cluster.local. The name does not exist; the new pod dies
 * at start with socket.gaierror (exit 1) while revision 40 keeps serving.
 */
function dbHostTypo(): CorpusScenario {
  const ns = 'payments';
  const tpl = (v: string, host: string) => ({
    containers: [
      container({
        image: `registry.example.com/payments/refunds:${v}`,
        command: ['python', '-m', 'refunds'],
        ports: [{ name: 'metrics', containerPort: 9102 }],
        env: [
          { name: 'DB_HOST', value: host },
          { name: 'DB_PORT', value: '5432' },
          { name: 'DB_NAME', value: 'refunds' },
          { name: 'DB_USER', value: 'refunds' },
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'refunds-db', key: 'password' } } },
          { name: 'QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/refund-requests' },
        ],
        memory: '256Mi',
        readiness: null,
        liveness: execProbe(['python', '-m', 'refunds.healthcheck'], { initialDelaySeconds: 20, periodSeconds: 30, timeoutSeconds: 5 }),
      }),
    ],
  });
  const refunds = deploymentApp({
    namespace: ns,
    name: 'refunds',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 12 * DAYS, changeCause: 'helm upgrade refunds 2.7.3', template: tpl('2.7.3', 'postgres.payments.svc.cluster.local') },
      { revision: 41, createdAgo: 14, changeCause: 'helm upgrade refunds 2.8.0 (db settings moved to values.yaml)', template: tpl('2.8.0', 'postgress.payments.svc.cluster.local') },
    ],
    pods: [
      { revision: 41, node: NODE_C, createdAgo: 13.9, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2, ranSeconds: 2 }, 7) } },
      { revision: 40, node: NODE_A, createdAgo: 12 * DAYS },
      { revision: 40, node: NODE_B, createdAgo: 12 * DAYS },
      { revision: 40, node: NODE_C, createdAgo: 12 * DAYS },
    ],
  });
  const [broken] = refunds.pods;
  const pg = statefulSetApp({
    namespace: ns,
    name: 'postgres',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 210 * DAYS, template: postgresTemplate() }],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClass: 'gp3' }],
    pods: [{ revision: 3, ordinal: 0, node: NODE_A, createdAgo: 27 * DAYS }],
  });
  const deployment = refunds.objects[0] ?? {};
  const newRs = nameOf(refunds.objects[2]);

  const start = 1.2 + 2 / 60;
  const py = (dt: number, level: string, logger: string, msg: string) => `${pyTime(start - dt / 60)} ${level} ${logger}: ${msg}\n`;
  const previous =
    py(0.0, 'INFO', 'refunds.__main__', 'refunds 2.8.0 starting (queue=refund-requests, concurrency=8)') +
    py(0.3, 'INFO', 'refunds.db', 'connecting to postgres at postgress.payments.svc.cluster.local:5432/refunds') +
    [
      'Traceback (most recent call last):',
      '  File "<frozen runpy>", line 198, in _run_module_as_main',
      '  File "<frozen runpy>", line 88, in _run_code',
      '  File "/app/refunds/__main__.py", line 41, in <module>',
      '    asyncio.run(main())',
      '  File "/usr/local/lib/python3.12/asyncio/runners.py", line 194, in run',
      '    return runner.run(main)',
      '           ^^^^^^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.12/asyncio/runners.py", line 118, in run',
      '    return self._loop.run_until_complete(task)',
      '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.12/asyncio/base_events.py", line 687, in run_until_complete',
      '    return future.result()',
      '           ^^^^^^^^^^^^^^^',
      '  File "/app/refunds/__main__.py", line 29, in main',
      '    pool = await db.create_pool(settings)',
      '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/app/refunds/db.py", line 18, in create_pool',
      '    return await asyncpg.create_pool(dsn=settings.dsn, min_size=2, max_size=10)',
      '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/app/.venv/lib/python3.12/site-packages/asyncpg/pool.py", line 403, in _async__init__',
      '    await self._initialize()',
      '  File "/app/.venv/lib/python3.12/site-packages/asyncpg/pool.py", line 430, in _initialize',
      '    await first_ch.connect()',
      '  File "/app/.venv/lib/python3.12/site-packages/asyncpg/pool.py", line 128, in connect',
      '    self._con = await self._pool._get_new_connection()',
      '                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/app/.venv/lib/python3.12/site-packages/asyncpg/connect_utils.py", line 1023, in _connect',
      '    conn = await _connect_addr(',
      '           ^^^^^^^^^^^^^^^^^^^^',
      '  File "/app/.venv/lib/python3.12/site-packages/asyncpg/connect_utils.py", line 873, in __connect_addr',
      '    tr, pr = await connector',
      '             ^^^^^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.12/asyncio/base_events.py", line 1080, in create_connection',
      '    infos = await self._ensure_resolved(',
      '            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.12/asyncio/base_events.py", line 1463, in _ensure_resolved',
      '    return await loop.getaddrinfo(host, port, family=family, type=type,',
      '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.12/asyncio/base_events.py", line 901, in getaddrinfo',
      '    return await self.run_in_executor(',
      '           ^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.12/concurrent/futures/thread.py", line 59, in run',
      '    result = self.fn(*self.args, **self.kwargs)',
      '             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.12/socket.py", line 976, in getaddrinfo',
      '    for res in _socket.getaddrinfo(host, port, family, type, proto, flags):',
      '               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      'socket.gaierror: [Errno -2] Name or service not known',
      '',
    ].join('\n');
  const oldLog = (i: number) =>
    every(3 - i * 0.1, 0.1, 20, (t, k) => `${pyTime(t)} INFO refunds.worker: refund ${k % 3 === 0 ? 'settled' : 'queued'} id=rf_${rid('rf', k + i * 100)} amount_eur=${(12 + ((k * 7) % 180)).toFixed(2)} latency_ms=${38 + ((k * 13) % 40)}\n`);

  return {
    id: 'network-db-host-typo-name-not-known',
    class: 'network',
    truth: 'Revision 41 set DB_HOST to postgress.payments.svc.cluster.local (a typo for postgres); the name does not resolve (socket.gaierror: Name or service not known) and the new pod exits 1 at start and crash-loops; revision 40 still serves and the postgres StatefulSet is healthy.',
    ask: { service: 'refunds', namespace: ns },
    objects: [
      ...threeNodes(),
      ...refunds.objects,
      ...pg.objects,
      ...exposed({ namespace: ns, name: 'postgres', selector: { app: 'postgres' }, ports: [{ name: 'tcp-postgresql', port: 5432, targetPort: 'tcp-postgresql' }], pods: pg.pods, endpointPort: 5432 }),
      ...boundClaim({ namespace: ns, name: 'data-postgres-0', storage: '50Gi', zone: 'eu-west-1a', volumeName: 'pvc-0c7d3e51-2b8a-4f16-9e0d-7a1b3c5d9e24', createdAgo: 210 * DAYS }),
      scaledReplicaSet(deployment, newRs, 1, 0, 14),
      ...(broken ? [backOff(broken, 'app', { count: 58, firstAgo: 13 })] : []),
    ],
    logs: [
      ...logsOf(broken ? [broken] : [], 'app', () => ({ previous })),
      ...logsOf(refunds.pods.slice(1), 'app', (_p, i) => ({ current: oldLog(i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/postgress/, /revision 41|DB_HOST/i],
      facts: [/Name or service not known/, /revision 40/i, /exit(ed)?( with)?( code)? 1\b|exit code 1\b|\b1 \(exit|exitCode:? 1\b/i],
      never: [/\bOOM/, /core-?dns/i, /network ?polic/i],
    },
  };
}

// ---- 5. a Service whose selector matches no pod ----------------------------------------------

/**
 * Chart cart 3.0.0 (revision 18) replaced the template label app.kubernetes.io/name=cart by
 * app=cart-svc. The Deployment selects on app.kubernetes.io/instance and rolled out fine, but the
 * Service cart, owned by the gateway's kustomization, still selects app.kubernetes.io/name=cart:
 * it has no endpoints, and the gateway answers 503 for every cart call.
 */
function serviceSelectsNothing(): CorpusScenario {
  const ns = 'commerce';
  const selector = { 'app.kubernetes.io/instance': 'cart' };
  const tpl = (v: string, labels: Record<string, string>) => ({
    labels,
    containers: [
      container({
        image: `registry.example.com/commerce/cart:${v}`,
        env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'REDIS_URL', value: 'redis://cart-redis:6379/0' }],
        memory: '256Mi',
        readiness: httpProbe('/healthz', 'http'),
        liveness: httpProbe('/healthz', 'http', { initialDelaySeconds: 10 }),
      }),
    ],
  });
  const cart = deploymentApp({
    namespace: ns,
    name: 'cart',
    replicas: 3,
    selector,
    revisions: [
      { revision: 17, createdAgo: 9 * DAYS, changeCause: 'helm upgrade cart 2.9.4', template: tpl('2.9.4', { 'app.kubernetes.io/name': 'cart' }) },
      { revision: 18, createdAgo: 26, changeCause: 'helm upgrade cart 3.0.0 (labels: app=cart-svc)', template: tpl('3.0.0', { app: 'cart-svc' }) },
    ],
    pods: [NODE_A, NODE_B, NODE_C].map((n, i) => ({ revision: 18, node: n, createdAgo: 25.8 - i * 0.6 })),
  });
  const deployment = cart.objects[0] ?? {};
  const oldRs = nameOf(cart.objects[1]);
  const newRs = nameOf(cart.objects[2]);
  const gatewayTpl = { containers: [container({ name: 'envoy', image: 'docker.io/envoyproxy/envoy:v1.32.1', ports: [8080, { name: 'admin', containerPort: 9901 }], readiness: httpProbe('/ready', 9901) })] };
  const gateway = deploymentApp({ namespace: ns, name: 'api-gateway', replicas: 2, revisions: [{ revision: 5, createdAgo: 30 * DAYS, template: gatewayTpl }], pods: [{ revision: 5, node: NODE_A, createdAgo: 30 * DAYS }, { revision: 5, node: NODE_B, createdAgo: 30 * DAYS }] });

  const fastify = (t: number, host: string, fields: string) => `{"level":30,"time":${epochMs(t)},"pid":1,"hostname":"${host}",${fields}}\n`;
  const cartLog = (p: k8s.V1Pod, i: number) => {
    const host = nameOf(p);
    const started = 25.8 - i * 0.6 - 0.2;
    const kubelet = p.status?.hostIP ?? '10.0.1.23';
    return (
      fastify(started, host, '"msg":"cart 3.0.0 starting"') +
      fastify(started - 0.01, host, '"msg":"connected to redis cart-redis:6379/0"') +
      fastify(started - 0.02, host, '"msg":"Server listening at http://0.0.0.0:8080"') +
      every(started - 0.1, 0.1, 10, (t, k) =>
        fastify(t, host, `"reqId":"req-${(k + 1).toString(36)}","req":{"method":"GET","url":"/healthz","hostname":"${ipOf(p)}:8080","remoteAddress":"${kubelet}"},"res":{"statusCode":200},"responseTime":${(0.4 + (k % 5) / 10).toFixed(2)},"msg":"request completed"`),
      )
    );
  };

  return {
    id: 'network-service-selector-matches-nothing',
    class: 'network',
    truth: 'Revision 18 (chart cart 3.0.0) relabelled the pods from app.kubernetes.io/name=cart to app=cart-svc; Service cart still selects app.kubernetes.io/name=cart, so it has no endpoints although all three cart pods are Ready.',
    ask: { service: 'cart' },
    objects: [
      ...threeNodes(),
      ...cart.objects,
      ...exposed({ namespace: ns, name: 'cart', selector: { 'app.kubernetes.io/name': 'cart' }, pods: cart.pods }),
      ...gateway.objects,
      ...exposed({ namespace: ns, name: 'api-gateway', selector: { app: 'api-gateway' }, pods: gateway.pods, type: 'LoadBalancer' }),
      scaledReplicaSet(deployment, newRs, 1, 0, 26),
      scaledReplicaSet(deployment, oldRs, 2, 3, 25.6),
      scaledReplicaSet(deployment, newRs, 2, 1, 25.6),
      scaledReplicaSet(deployment, oldRs, 1, 2, 25.1),
      scaledReplicaSet(deployment, newRs, 3, 2, 25.1),
      scaledReplicaSet(deployment, oldRs, 0, 1, 24.6),
    ],
    logs: logsOf(cart.pods, 'app', (p, i) => ({ current: cartLog(p, i) })),
    expect: {
      verdict: 'problems',
      headline: [/\bcart\b/, /no (ready )?endpoints|selects? no pods?|matches no pods?|no pods match|0 endpoints|selector/i],
      facts: [/app\.kubernetes\.io\/name[=:] ?"?cart\b/, /cart-svc/, /revision 18/i],
      never: [/crash-?loop/i, /\bOOM/, /pods? (are |is )?not ready/i],
    },
  };
}

// ---- 6. a named targetPort that no longer exists ---------------------------------------------

/**
 * Revision 9 of thumbnailer renamed its container port http to web (and added metrics). The
 * Service still targets the port named http, which no pod has any more: the EndpointSlice lists the
 * three Ready pods with no ports, and clients of thumbnailer:80 are refused.
 */
function namedTargetPortGone(): CorpusScenario {
  const ns = 'media';
  const tpl = (v: string, port: k8s.V1ContainerPort[], probePort: string) => ({
    containers: [
      container({
        image: `registry.example.com/media/thumbnailer:${v}`,
        ports: port,
        cpu: '1',
        memory: '768Mi',
        readiness: httpProbe('/readyz', probePort),
        liveness: httpProbe('/livez', probePort, { initialDelaySeconds: 5 }),
      }),
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 20 * DAYS, changeCause: 'ci: thumbnailer 1.18.2', template: tpl('1.18.2', [{ name: 'http', containerPort: 8080 }], 'http') },
      { revision: 9, createdAgo: 45, changeCause: 'ci: thumbnailer 1.19.0 (expose /metrics on :9090)', template: tpl('1.19.0', [{ name: 'web', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }], 'web') },
    ],
    pods: [NODE_A, NODE_B, NODE_C].map((n, i) => ({ revision: 9, node: n, createdAgo: 44.5 - i * 0.7 })),
  });
  const deployment = app.objects[0] ?? {};
  const oldRs = nameOf(app.objects[1]);
  const newRs = nameOf(app.objects[2]);
  const [svc, slice] = exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods }) as [k8s.V1Service, k8s.V1EndpointSlice];
  // The EndpointSlice controller finds no container port named http in the pods: it keeps the
  // endpoints but lists no port for them (and the legacy Endpoints object has no subsets).
  slice.ports = [];
  const api = deploymentApp({ namespace: ns, name: 'media-api', replicas: 2, revisions: [{ revision: 31, createdAgo: 4 * DAYS, template: { containers: [container({ image: 'registry.example.com/media/media-api:6.2.0' })] } }], pods: [{ revision: 31, node: NODE_B, createdAgo: 4 * DAYS }, { revision: 31, node: NODE_C, createdAgo: 4 * DAYS }] });

  const zl = (t: number, level: string, msg: string, rest = '') => `{"level":"${level}",${rest}"time":"${at(t)}","message":"${msg}"}\n`;
  const thumbLog = (i: number) => {
    const s = 44.5 - i * 0.7 - 0.2;
    return (
      zl(s, 'info', 'thumbnailer starting', '"version":"1.19.0","workers":4,') +
      zl(s - 0.01, 'info', 'http server listening', '"addr":":8080",') +
      zl(s - 0.01, 'info', 'metrics server listening', '"addr":":9090",') +
      every(s - 1, 0.2, 60, (t) => zl(t, 'info', 'render stats', '"window":"60s","rendered":0,"failed":0,"queue_depth":0,'))
    );
  };

  return {
    id: 'network-service-target-port-renamed',
    class: 'network',
    truth: 'Revision 9 renamed the container port http to web; Service thumbnailer still has targetPort http, so its EndpointSlice lists the three Ready pods with no ports and the Service serves nothing.',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...threeNodes(),
      ...app.objects,
      svc,
      slice,
      ...api.objects,
      ...exposed({ namespace: ns, name: 'media-api', selector: { app: 'media-api' }, pods: api.pods }),
      scaledReplicaSet(deployment, newRs, 1, 0, 45),
      scaledReplicaSet(deployment, oldRs, 2, 3, 44.3),
      scaledReplicaSet(deployment, newRs, 2, 1, 44.3),
      scaledReplicaSet(deployment, oldRs, 1, 2, 43.6),
      scaledReplicaSet(deployment, newRs, 3, 2, 43.6),
      scaledReplicaSet(deployment, oldRs, 0, 1, 43.0),
    ],
    logs: logsOf(app.pods, 'app', (_p, i) => ({ current: thumbLog(i) })),
    expect: {
      verdict: 'problems',
      headline: [/target(s|ed)? ?port|targetPort|port name/i, /\bhttp\b/],
      facts: [/\bweb\b/, /revision 9/i],
      never: [/selects? no pods?|matches no pods?|no pods match/i, /crash-?loop/i],
    },
  };
}

// ---- 7. an external API that times out -------------------------------------------------------

/**
 * The partner bank's API degraded 35 minutes ago. transfers (Go) is 4/4 Ready with no restarts,
 * but every call to https://api.partner-bank.example/v2/transfers times out or gets a 504, and its
 * circuit breaker keeps opening. Kubernetes shows nothing; the logs show everything.
 */
function externalApiTimeouts(): CorpusScenario {
  const ns = 'treasury';
  const tpl = (v: string) => ({
    containers: [
      container({
        image: `registry.example.com/treasury/transfers:${v}`,
        env: [
          { name: 'PARTNER_BANK_URL', value: 'https://api.partner-bank.example/v2' },
          { name: 'PARTNER_BANK_TIMEOUT', value: '10s' },
          { name: 'PARTNER_BANK_CLIENT_CERT', value: '/etc/partner-bank/tls.crt' },
        ],
        readiness: httpProbe('/readyz', 8080),
        liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
        volumeMounts: [{ name: 'partner-bank-mtls', mountPath: '/etc/partner-bank', readOnly: true }],
      }),
    ],
    volumes: [{ name: 'partner-bank-mtls', secret: { secretName: 'partner-bank-mtls' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'transfers',
    replicas: 4,
    revisions: [
      { revision: 32, createdAgo: 21 * DAYS, template: tpl('4.6.0') },
      { revision: 33, createdAgo: 8 * DAYS, changeCause: 'ci: transfers 4.7.1', template: tpl('4.7.1') },
    ],
    pods: [NODE_A, NODE_B, NODE_C, NODE_A].map((n, i) => ({ revision: 33, node: n, createdAgo: 8 * DAYS - i })),
  });
  const fx = deploymentApp({ namespace: ns, name: 'fx-rates', replicas: 2, revisions: [{ revision: 12, createdAgo: 16 * DAYS, template: { containers: [container({ image: 'registry.example.com/treasury/fx-rates:2.0.4' })] } }], pods: [{ revision: 12, node: NODE_B, createdAgo: 16 * DAYS }, { revision: 12, node: NODE_C, createdAgo: 16 * DAYS }] });

  const zap = (t: number, level: string, logger: string, caller: string, msg: string, rest: string) => `{"level":"${level}","ts":"${at(t)}","logger":"${logger}","caller":"${caller}","msg":"${msg}"${rest}}\n`;
  const url = 'https://api.partner-bank.example/v2/transfers';
  const entry = (t: number, k: number) => {
    const id = `tr_01JDQ${rid('tr', k).toUpperCase()}`;
    if (k % 7 === 3) {
      return (
        zap(t, 'warn', 'breaker', 'resilience/breaker.go:64', 'circuit breaker state changed', ',"name":"partner-bank","from":"half-open","to":"open","failures":5') +
        zap(t - 0.01, 'error', 'partnerbank', 'partnerbank/client.go:142', 'create transfer failed', `,"transfer_id":"${id}","attempt":1,"error":"circuit breaker is open"`) +
        zap(t - 0.02, 'info', 'http', 'httpx/middleware.go:52', 'request', ',"method":"POST","path":"/v1/transfers","status":503,"duration_ms":1')
      );
    }
    if (k % 5 === 1) {
      return (
        zap(t, 'error', 'partnerbank', 'partnerbank/client.go:151', 'create transfer failed', `,"transfer_id":"${id}","attempt":2,"status":504,"error":"partner bank answered 504 Gateway Timeout: upstream request timeout"`) +
        zap(t - 0.01, 'info', 'http', 'httpx/middleware.go:52', 'request', `,"method":"POST","path":"/v1/transfers","status":504,"duration_ms":${6100 + ((k * 131) % 900)}`)
      );
    }
    return (
      zap(t, 'error', 'partnerbank', 'partnerbank/client.go:142', 'create transfer failed', `,"transfer_id":"${id}","attempt":3,"error":"Post \\"${url}\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"`) +
      zap(t - 0.01, 'info', 'http', 'httpx/middleware.go:52', 'request', ',"method":"POST","path":"/v1/transfers","status":504,"duration_ms":10003')
    );
  };
  const transfersLog = (i: number) =>
    every(3.2 - i * 0.07, 0.1, 9, entry) + zap(0.05, 'info', 'http', 'httpx/middleware.go:52', 'request', ',"method":"GET","path":"/v1/transfers/tr_01JDQ8Z3K2","status":200,"duration_ms":4');

  return {
    id: 'network-external-api-timeouts-pods-ready',
    class: 'network',
    truth: 'The partner bank API (https://api.partner-bank.example/v2/transfers) has been timing out for 35 minutes (context deadline exceeded, 504 upstream request timeout, circuit breaker open); transfers is 4/4 Ready with no restarts, so only its logs show the outage.',
    ask: { service: 'transfers' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...exposed({ namespace: ns, name: 'transfers', selector: { app: 'transfers' }, pods: app.pods }),
      ...fx.objects,
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: fx.pods }),
    ],
    logs: logsOf(app.pods, 'app', (_p, i) => ({ current: transfersLog(i) })),
    expect: {
      verdict: 'problems',
      headline: [/partner-bank/i, /time ?out|timed out|deadline exceeded|504/i],
      facts: [/circuit breaker/i, /4\/4/],
      never: [/roll ?back (to|transfers|the deployment)|rollout undo/i, /\bOOM/, /rollout restart|restart the pods|restart (the )?deployment/i],
    },
  };
}

export const NETWORK_SCENARIOS: CorpusScenario[] = [
  readinessCascadeFromDeadPostgres(),
  defaultDenyEgressPolicy(),
  coreDnsLoopCrash(),
  dbHostTypo(),
  serviceSelectsNothing(),
  namedTargetPortGone(),
  externalApiTimeouts(),
];
