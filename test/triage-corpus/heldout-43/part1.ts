// Held-out stories, forty-third round, part one: a Spring service whose new revision turned on
// XA (Atomikos JTA over Postgres and Artemis) against a Postgres left at max_prepared_transactions
// = 0, so every checkout's PREPARE TRANSACTION is refused; an in-cluster nginx whose ConfigMap was
// edited to `listen 8080 proxy_protocol` behind an NLB that sends no PROXY header, so every
// request dies on "broken header"; a Django 3.2 → 4.2 upgrade behind a TLS-terminating load
// balancer without CSRF_TRUSTED_ORIGINS, so every POST gets 403 "Origin checking failed"; an
// Express app keeping sessions in the default MemoryStore scaled by hand from 1 to 3 replicas
// with no affinity, so users are logged out at random and CSRF tokens mismatch; a Celery worker
// whose reminder countdown (2 h) now exceeds the Redis transport's default visibility_timeout
// (1 h), so every reminder is delivered and e-mailed twice; a Go service whose $push onto an
// unbounded points_history array hits MongoDB's 16 MB document limit for three large members; and
// a healthy control: a Java service that just rolled out, whose pods carry a recurring
// FailedToRetrieveImagePullSecret warning for a leftover `regcred` reference (the image comes
// from ECR through the node role) and whose JVM prints CDS and agent warnings at start.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, batchContainer, boundClaim, clfTime, configMap, container, deploymentApp, epochMs, event,
  execProbe, exposed, httpProbe, nameOf, probeFailed, pulledFresh, pyTime, restartedAgain, rsOf, running, scaledReplicaSet,
  scheduled, statefulSetApp, tcpProbe, uidOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Postgres' `%m`: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** gunicorn's own log time: `2026-11-21 03:12:41 +0000`. */
const gunicornTime = (minutes: number): string => `${at(minutes).slice(0, 19).replace('T', ' ')} +0000`;
/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
function redisTime(minutes: number): string {
  const iso = at(minutes);
  const clf = clfTime(minutes);
  return `${clf.slice(0, 2)} ${clf.slice(3, 6)} ${clf.slice(7, 11)} ${iso.slice(11, 23)}`;
}

/** Scheduled, a first pull of the image, Created and Started. */
function freshStart(p: k8s.V1Pod, c: string, image: string, atAgo: number, bytes: number, seconds = 3.4, init = false): k8s.CoreV1Event[] {
  const fieldPath = `spec.${init ? 'initContainers' : 'containers'}{${c}}`;
  return [
    ...pulledFresh(p, c, image, { atAgo, bytes, seconds, init }).filter((e) => !init || e.reason !== 'Scheduled'),
    event({ on: p, type: 'Normal', reason: 'Created', message: `Created container ${c}`, firstAgo: atAgo - 0.12, lastAgo: atAgo - 0.12, fieldPath }),
    event({ on: p, type: 'Normal', reason: 'Started', message: `Started container ${c}`, firstAgo: atAgo - 0.12, lastAgo: atAgo - 0.12, fieldPath }),
  ];
}

/** The rolling update's ScalingReplicaSet events: the new ReplicaSet up one by one, the old one down. */
function rolled(app: Built, from: number, to: number, replicas: number, startAgo: number, stepMinutes: number): k8s.CoreV1Event[] {
  const out: k8s.CoreV1Event[] = [];
  for (let i = 1; i <= replicas; i++) {
    out.push(scaledReplicaSet(deploymentOf(app), rsOf(app, to), i, i - 1, startAgo - (i - 1) * stepMinutes));
    out.push(scaledReplicaSet(deploymentOf(app), rsOf(app, from), replicas - i, replicas - i + 1, startAgo - (i - 1) * stepMinutes - stepMinutes / 2));
  }
  return out;
}

// ---- 1. XA turned on against a Postgres with max_prepared_transactions = 0 ---------------------------

function xaAgainstPostgresWithoutPreparedTransactions(): CorpusScenario {
  const ns = 'commerce';
  const { nodes, names } = threeEksNodes('10.0.64', ['12', '140', '203']);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const pgConf = configMap({
    namespace: ns,
    name: 'orders-db-config',
    createdAgo: 210 * DAYS,
    updatedAgo: 64 * DAYS,
    data: {
      'postgresql.conf': [
        "listen_addresses = '*'",
        'port = 5432',
        'max_connections = 300',
        'shared_buffers = 1GB',
        'effective_cache_size = 3GB',
        'work_mem = 8MB',
        'maintenance_work_mem = 256MB',
        '#max_prepared_transactions = 0\t\t# zero disables the feature',
        '\t\t\t\t\t# (change requires restart)',
        'wal_level = replica',
        'max_wal_size = 4GB',
        'checkpoint_timeout = 15min',
        "log_line_prefix = '%m [%p] %q%u@%d '",
        'log_min_duration_statement = 500',
        'log_checkpoints = on',
        'log_autovacuum_min_duration = 1s',
        'password_encryption = scram-sha-256',
        '',
      ].join('\n'),
    },
  });
  const db = statefulSetApp({
    namespace: ns,
    name: 'orders-db',
    replicas: 1,
    serviceName: 'orders-db',
    createdAgo: 210 * DAYS,
    revisions: [{
      revision: 4,
      createdAgo: 64 * DAYS,
      template: {
        containers: [container({
          name: 'postgres',
          image: pgImage,
          args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
          env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }],
          ports: [{ name: 'postgres', containerPort: 5432 }],
          cpu: '1',
          memory: '4Gi',
          readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 20, timeoutSeconds: 5, initialDelaySeconds: 30, failureThreshold: 6 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql', readOnly: true }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'orders-db-config' } }],
        securityContext: { fsGroup: 999, runAsUser: 999 },
        terminationGracePeriodSeconds: 120,
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [{ revision: 4, ordinal: 0, node: names[1] ?? '', createdAgo: 23 * DAYS }],
  });
  const [dbClaim, dbVolume] = boundClaim({ namespace: ns, name: 'data-orders-db-0', storage: '100Gi', zone: 'eu-west-1b', createdAgo: 210 * DAYS });
  const artemis = statefulSetApp({
    namespace: ns,
    name: 'artemis',
    replicas: 1,
    createdAgo: 180 * DAYS,
    revisions: [{
      revision: 2,
      createdAgo: 40 * DAYS,
      template: {
        containers: [container({
          name: 'artemis', image: 'docker.io/apache/activemq-artemis:2.37.0', ports: [{ name: 'core', containerPort: 61616 }, { name: 'console', containerPort: 8161 }],
          cpu: '500m', memory: '2Gi', readiness: tcpProbe('core'), liveness: tcpProbe('core', { initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'journal', mountPath: '/var/lib/artemis-instance/data' }],
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'journal', storage: '20Gi', storageClass: 'gp3' }],
    pods: [{ revision: 2, ordinal: 0, node: names[2] ?? '', createdAgo: 40 * DAYS }],
  });
  const [mqClaim, mqVolume] = boundClaim({ namespace: ns, name: 'journal-artemis-0', storage: '20Gi', zone: 'eu-west-1c', createdAgo: 180 * DAYS });
  const image = (v: string) => `${ECR}/commerce/orders:${v}`;
  const baseEnv: k8s.V1EnvVar[] = [
    { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://orders-db.commerce.svc.cluster.local:5432/orders' },
    { name: 'SPRING_DATASOURCE_USERNAME', value: 'orders_app' },
    { name: 'SPRING_ARTEMIS_BROKER_URL', value: 'tcp://artemis.commerce.svc.cluster.local:61616' },
    { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' },
  ];
  const tpl = (v: string, xa: boolean) => ({
    containers: [container({
      image: image(v),
      ports: [8080, { name: 'management', containerPort: 8081 }],
      cpu: '500m',
      memory: '1Gi',
      env: xa
        ? [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod,xa' }, ...baseEnv,
          { name: 'ORDERS_TX_MODE', value: 'xa' },
          { name: 'SPRING_JTA_ENABLED', value: 'true' },
          { name: 'ORDERS_DATASOURCE_XA_DATA_SOURCE_CLASS_NAME', value: 'org.postgresql.xa.PGXADataSource' },
          { name: 'ATOMIKOS_DEFAULT_JTA_TIMEOUT', value: '30000' }]
        : [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, ...baseEnv],
      readiness: httpProbe('/actuator/health/readiness', 8081),
      liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'orders',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 12 * DAYS, changeCause: 'argocd: orders 3.7.4', template: tpl('3.7.4', false) },
      { revision: 58, createdAgo: 34, changeCause: 'argocd: orders 3.8.0 (exactly-once order events: JTA/XA over orders-db + artemis)', template: tpl('3.8.0', true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 34 - k * 1.2 })),
  });
  const projector = bystander(ns, 'orders-projector', names, 2 * HOURS + 10, { revisions: [11, 12], versions: ['1.9.0', '1.9.1'], olderAgo: 20 * DAYS });
  const dbPod = podOf(db, 0);

  const spring = (t: number, level: string, thread: string, logger: string, msg: string) =>
    `${at(t)} ${level.padStart(5)} 1 --- [orders] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;
  const gid = (k: number, i: number) => {
    const ip = `10.0.64.${40 + k}`;
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    return `4660_${b64(`${ip}.tm${epochMs(30 - i)}${String(10000 + i * 7 + k).padStart(5, '0')}`)}_${b64(`${ip}.tm1`)}`;
  };
  const customers = ['C-208114', 'C-551930', 'C-119402', 'C-870013', 'C-334561', 'C-702218', 'C-481207', 'C-992615'];
  const ordersLog = (k: number) => {
    const start = 34 - k * 1.2 - 0.15;
    const out: string[] = [
      spring(start, 'INFO', 'main', 'c.n.orders.OrdersApplication', `Starting OrdersApplication v3.8.0 using Java 21.0.5 with PID 1 (/app/orders.jar started by spring in /app)`),
      spring(start, 'INFO', 'main', 'c.n.orders.OrdersApplication', 'The following 2 profiles are active: "prod", "xa"'),
      spring(start - 0.05, 'INFO', 'main', 'c.a.i.provider.imp.AssemblerImp', 'Loaded jar:file:/app/orders.jar!/BOOT-INF/lib/transactions-6.0.0.jar!/transactions-defaults.properties'),
      spring(start - 0.05, 'INFO', 'main', 'c.a.i.provider.imp.AssemblerImp', 'USING: com.atomikos.icatch.default_jta_timeout = 30000'),
      spring(start - 0.05, 'INFO', 'main', 'c.a.i.provider.imp.AssemblerImp', `USING: com.atomikos.icatch.tm_unique_name = 10.0.64.${40 + k}.tm`),
      spring(start - 0.06, 'INFO', 'main', 'c.a.jdbc.internal.AbstractDataSourceBean', 'AtomikosDataSoureBean \'ordersDb\': init...'),
      spring(start - 0.07, 'INFO', 'main', 'c.a.jms.AtomikosConnectionFactoryBean', 'AtomikosConnectionFactoryBean \'artemisXa\': init...'),
      spring(start - 0.2, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      spring(start - 0.2, 'INFO', 'main', 'c.n.orders.OrdersApplication', `Started OrdersApplication in ${(15.2 + k * 0.7).toFixed(3)} seconds (process running for ${(16.4 + k * 0.7).toFixed(2)})`),
    ];
    for (let i = 0; i < 9; i++) {
      const t = 29 - i * 3.2 - k * 0.4;
      const thread = `nio-8080-exec-${(i + k) % 10 + 1}`;
      const customer = customers[(i + k * 3) % customers.length] ?? 'C-1';
      out.push(spring(t + 0.3, 'INFO', thread, 'c.n.orders.api.OrderQueryController', `GET /api/orders?customer=${customer} -> 200 (14 orders) in 38ms`));
      out.push(spring(t, 'INFO', thread, 'c.n.orders.checkout.CheckoutService', `placing order cart=K-${88100 + i * 13 + k} customer=${customer} lines=${1 + ((i + k) % 4)}`));
      out.push(spring(t - 0.01, 'WARN', thread, 'c.a.datasource.xa.XAResourceTransaction', `XA resource 'ordersDb': prepare for XID '${Buffer.from(`10.0.64.${40 + k}.tm${epochMs(t)}`).toString('hex').toUpperCase()}' raised -3: the XA resource detected an internal error`));
      out.push('');
      out.push(`org.postgresql.xa.PGXAException: Error preparing transaction. prepare xid=${gid(k, i)}`);
      out.push('\tat org.postgresql.xa.PGXAConnection.prepare(PGXAConnection.java:366)');
      out.push('\tat com.atomikos.datasource.xa.XAResourceTransaction.prepare(XAResourceTransaction.java:412)');
      out.push('\tat com.atomikos.icatch.imp.PrepareMessage.send(PrepareMessage.java:40)');
      out.push('\tat com.atomikos.icatch.imp.PropagationMessage.submit(PropagationMessage.java:67)');
      out.push('\tat com.atomikos.icatch.imp.Propagator$PropagatorThread.run(Propagator.java:63)');
      out.push('\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)');
      out.push('\tat java.base/java.lang.Thread.run(Thread.java:1583)');
      out.push('Caused by: org.postgresql.util.PSQLException: ERROR: prepared transactions are disabled');
      out.push('  Hint: Set max_prepared_transactions to a nonzero value.');
      out.push('\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)');
      out.push('\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2420)');
      out.push('\tat org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:372)');
      out.push('\tat org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:517)');
      out.push('\tat org.postgresql.xa.PGXAConnection.prepare(PGXAConnection.java:357)');
      out.push('\t... 6 common frames omitted');
      out.push('');
      out.push(spring(t - 0.02, 'ERROR', thread, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.transaction.UnexpectedRollbackException: JTA transaction rolled back] with root cause'));
      out.push('');
      out.push('com.atomikos.icatch.RollbackException: Prepare: NO vote');
      out.push('\tat com.atomikos.icatch.imp.ActiveStateHandler.prepare(ActiveStateHandler.java:202)');
      out.push('\tat com.atomikos.icatch.imp.CoordinatorImp.prepare(CoordinatorImp.java:523)');
      out.push('\tat com.atomikos.icatch.imp.CoordinatorImp.terminate(CoordinatorImp.java:687)');
      out.push('\tat com.atomikos.icatch.imp.CompositeTransactionImp.commit(CompositeTransactionImp.java:282)');
      out.push('\tat com.atomikos.icatch.jta.TransactionImp.commit(TransactionImp.java:172)');
      out.push('\tat com.atomikos.icatch.jta.TransactionManagerImp.commit(TransactionManagerImp.java:414)');
      out.push('\tat org.springframework.transaction.jta.JtaTransactionManager.doCommit(JtaTransactionManager.java:1033)');
      out.push('\tat org.springframework.transaction.support.AbstractPlatformTransactionManager.processCommit(AbstractPlatformTransactionManager.java:793)');
      out.push('\tat org.springframework.transaction.interceptor.TransactionAspectSupport.commitTransactionAfterReturning(TransactionAspectSupport.java:660)');
      out.push('\tat com.northwind.orders.checkout.CheckoutService$$SpringCGLIB$$0.placeOrder(<generated>)');
      out.push('\tat com.northwind.orders.api.CheckoutController.placeOrder(CheckoutController.java:58)');
      out.push('');
    }
    out.push(spring(0.6, 'INFO', 'scheduling-1', 'c.n.orders.outbox.OutboxRelay', 'relay tick: 0 pending events'));
    return out;
  };
  const pgLog = (): string => {
    const out: string[] = [
      `${pgTime(48)} [68] LOG:  checkpoint starting: time`,
      `${pgTime(47.5)} [68] LOG:  checkpoint complete: wrote 2841 buffers (2.2%); 0 WAL file(s) added, 0 removed, 2 recycled; write=29.874 s, sync=0.018 s, total=30.402 s; sync files=188, longest=0.004 s, average=0.001 s; distance=25122 kB, estimate=30117 kB`,
      `${pgTime(41.2)} [412877] orders_app@orders LOG:  duration: 812.338 ms  statement: SELECT o.id, o.status, o.total_cents FROM orders o WHERE o.customer_id = 'C-118270' ORDER BY o.created_at DESC LIMIT 200`,
      `${pgTime(33)} [68] LOG:  checkpoint starting: time`,
      `${pgTime(32.5)} [68] LOG:  checkpoint complete: wrote 3127 buffers (2.4%); 0 WAL file(s) added, 0 removed, 2 recycled; write=30.112 s, sync=0.021 s, total=30.683 s; sync files=211, longest=0.004 s, average=0.001 s; distance=27914 kB, estimate=30117 kB`,
    ];
    for (let i = 0; i < 9; i++) {
      for (const k of [0, 1, 2]) {
        const t = 29 - i * 3.2 - k * 0.4 + 0.005;
        const pid = 448210 + i * 31 + k * 7;
        out.push(`${pgTime(t)} [${pid}] orders_app@orders ERROR:  prepared transactions are disabled`);
        out.push(`${pgTime(t)} [${pid}] orders_app@orders HINT:  Set max_prepared_transactions to a nonzero value.`);
        out.push(`${pgTime(t)} [${pid}] orders_app@orders STATEMENT:  PREPARE TRANSACTION '${gid(k, i)}'`);
      }
      if (i === 4) out.push(`${pgTime(15.1)} [451902] LOG:  automatic vacuum of table "orders.public.order_events": index scans: 1`);
    }
    out.push(`${pgTime(18)} [68] LOG:  checkpoint starting: time`);
    out.push(`${pgTime(17.5)} [68] LOG:  checkpoint complete: wrote 1904 buffers (1.5%); 0 WAL file(s) added, 0 removed, 1 recycled; write=29.941 s, sync=0.012 s, total=30.214 s; sync files=164, longest=0.003 s, average=0.001 s; distance=17420 kB, estimate=28847 kB`);
    return lines(...out.sort());
  };
  const newPods = app.pods;
  return {
    id: 'heldout43-xa-prepare-refused-max-prepared-transactions-zero',
    class: 'rollout',
    truth: 'orders revision 58 (3.8.0, 34 minutes ago) switched the service to JTA/XA (Atomikos over orders-db and Artemis) for exactly-once order events, but orders-db still runs with max_prepared_transactions = 0 (the default, commented out in orders-db-config), so every PREPARE TRANSACTION is refused with "prepared transactions are disabled", Atomikos votes NO and every checkout rolls back with a 500 while reads keep working. Mitigation: roll orders back to revision 57 (or turn XA off); fix: set max_prepared_transactions (≥ max_connections of the XA pools) and restart orders-db before re-enabling XA.',
    ask: { service: 'orders', namespace: ns },
    objects: [
      ...nodes, pgConf, ...db.objects, dbClaim, dbVolume, ...artemis.objects, mqClaim, mqVolume, ...app.objects, ...projector.objects,
      ...exposed({ namespace: ns, name: 'orders', selector: { app: 'orders' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'orders-db', selector: { app: 'orders-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], pods: db.pods, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'artemis', selector: { app: 'artemis' }, ports: [{ name: 'core', port: 61616, targetPort: 61616 }], pods: artemis.pods, endpointPort: 61616 }),
      ...exposed({ namespace: ns, name: 'orders-projector', selector: { app: 'orders-projector' }, pods: projector.pods }),
      ...rolled(app, 57, 58, 3, 34, 1.2),
      ...newPods.flatMap((p, k) => [
        ...freshStart(p, 'app', image('3.8.0'), 34 - k * 1.2, 198_442_117, 4.1),
        probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP ?? ''}:8081/actuator/health/readiness": dial tcp ${p.status?.podIP ?? ''}:8081: connect: connection refused`, { count: 2, firstAgo: 33.9 - k * 1.2, lastAgo: 33.8 - k * 1.2 }),
      ]),
    ],
    logs: [
      ...newPods.map((p, k) => logsFor(p, 'app', { current: lines(...ordersLog(k)) })),
      logsFor(dbPod, 'postgres', { current: pgLog() }),
      logsFor(podOf(artemis, 0), 'artemis', { current: lines(`${pyTime(40 * DAYS - 0.5)} INFO  [org.apache.activemq.artemis] AMQ241004: Artemis Console available at http://0.0.0.0:8161/console`, `${pyTime(31)} INFO  [org.apache.activemq.artemis.core.server] AMQ221080: Deploying address orders.events supporting [MULTICAST]`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/prepared transactions|max_prepared_transactions|two-phase|\b2PC\b|PREPARE TRANSACTION/i, /revision 58|3\.8\.0|\bXA\b|\bJTA\b|Atomikos/i],
      facts: [/max_prepared_transactions/, /orders-db/, /restart|roll(ing)? ?back|revert|revision 57|disable (XA|JTA)|turn (XA|JTA) off/i],
      never: [/\bOOM/, /too many (clients|connections)|connection pool (exhaust|full)|connection refused/i, /orders-db[^\n]*(is down|unreachable|crash|not ready)/i],
    },
  };
}

// ---- 2. nginx edited to expect the PROXY protocol behind an NLB that does not send it ------------------

function nginxProxyProtocolWithoutLoadBalancerSupport(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.90', ['21', '118', '230']);
  const nginxImage = 'docker.io/library/nginx:1.27.2-alpine';
  const conf = (proxyProtocol: boolean) => [
    'worker_processes auto;',
    'error_log /dev/stderr notice;',
    'pid /tmp/nginx.pid;',
    '',
    'events { worker_connections 4096; }',
    '',
    'http {',
    "  log_format main '$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent \"$http_referer\" \"$http_user_agent\" rt=$request_time uct=$upstream_connect_time';",
    '  access_log /dev/stdout main;',
    ...(proxyProtocol ? ['  # keep the real client address (NLB)', '  real_ip_header proxy_protocol;', '  set_real_ip_from 10.0.0.0/16;'] : []),
    '  proxy_http_version 1.1;',
    '  proxy_set_header Connection "";',
    '  proxy_set_header Host $host;',
    '  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '  proxy_set_header X-Forwarded-Proto https;',
    '',
    '  upstream storefront_web { server storefront-web.storefront.svc.cluster.local:80; keepalive 32; }',
    '  upstream storefront_api { server storefront-api.storefront.svc.cluster.local:80; keepalive 32; }',
    '',
    '  server {',
    proxyProtocol ? '    listen 8080 proxy_protocol;' : '    listen 8080;',
    '    server_name shop.northwind.example;',
    '    client_max_body_size 2m;',
    '    location /api/ { proxy_pass http://storefront_api; }',
    '    location / { proxy_pass http://storefront_web; }',
    '  }',
    '',
    '  server {',
    '    listen 8081;',
    '    location = /healthz { access_log off; return 200 "ok\\n"; }',
    '    location = /stub_status { access_log off; stub_status; }',
    '  }',
    '}',
    '',
  ].join('\n');
  const cm = configMap({ namespace: ns, name: 'edge-proxy-conf', createdAgo: 140 * DAYS, updatedAgo: 19, data: { 'nginx.conf': conf(true) } });
  const tpl = (restartedAgo?: number) => ({
    containers: [container({
      name: 'nginx',
      image: nginxImage,
      ports: [{ name: 'http', containerPort: 8080 }, { name: 'health', containerPort: 8081 }],
      cpu: '250m',
      memory: '256Mi',
      readiness: httpProbe('/healthz', 'health', { periodSeconds: 5 }),
      liveness: httpProbe('/healthz', 'health', { initialDelaySeconds: 5 }),
      volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf', readOnly: true }],
      securityContext: { runAsNonRoot: true, runAsUser: 101, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
    })],
    volumes: [{ name: 'conf', configMap: { name: 'edge-proxy-conf' } }],
    ...(restartedAgo === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': at(restartedAgo).replace(/\.\d{3}Z$/, 'Z') } }),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'edge-proxy',
    replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 21 * DAYS, template: tpl() },
      { revision: 15, createdAgo: 18, template: tpl(18) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 18 - k * 0.5 })),
  });
  const web = deploymentApp({
    namespace: ns,
    name: 'storefront-web',
    replicas: 2,
    revisions: [{ revision: 88, createdAgo: 2 * DAYS, changeCause: 'argocd: storefront-web 2024.47.2', template: { containers: [container({ image: `${ECR}/storefront/storefront-web:2024.47.2`, ports: [3000], memory: '512Mi', readiness: httpProbe('/api/health', 3000) })] } }],
    pods: [0, 1].map((k) => ({ revision: 88, node: names[k + 1] ?? '', createdAgo: 2 * DAYS - k })),
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'storefront-api',
    replicas: 3,
    revisions: [{ revision: 203, createdAgo: 4 * DAYS, changeCause: 'argocd: storefront-api 6.31.0', template: { containers: [container({ image: `${ECR}/storefront/storefront-api:6.31.0`, ports: [8080], memory: '768Mi' })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 203, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const svcObjects = exposed({ namespace: ns, name: 'edge-proxy', selector: { app: 'edge-proxy' }, type: 'LoadBalancer', ports: [{ name: 'https', port: 443, targetPort: 'http' }], pods: app.pods, createdAgo: 140 * DAYS });
  const svc = svcObjects[0] as k8s.V1Service;
  svc.metadata = {
    ...svc.metadata,
    annotations: {
      'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
      'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
      'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
      'service.beta.kubernetes.io/aws-load-balancer-backend-protocol': 'tcp',
      'service.beta.kubernetes.io/aws-load-balancer-ssl-cert': 'arn:aws:acm:eu-west-1:123456789012:certificate/5c1f0e2a-7b3d-4f8e-9a61-2d4c8b7e0f13',
      'service.beta.kubernetes.io/aws-load-balancer-ssl-ports': '443',
    },
    finalizers: ['service.k8s.aws/resources'],
  };
  if (svc.spec) svc.spec = { ...svc.spec, ports: (svc.spec.ports ?? []).map((p) => ({ ...p, nodePort: 31847 })), allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'Cluster' };
  svc.status = { loadBalancer: { ingress: [{ hostname: 'k8s-storefro-edgeprox-3f9c2a1b7d-8e41c0a5f2d9b6e3.elb.eu-west-1.amazonaws.com' }] } };
  const nlbIps = ['10.0.4.117', '10.0.5.62', '10.0.6.209'];
  const requests = [
    'GET /api/cart HTTP/1.1\nHost: shop.northwind.example\nUser-Agent: Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    'GET / HTTP/1.1\nHost: shop.northwind.example\nUser-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'POST /api/checkout/session HTTP/1.1\nHost: shop.northwind.example\nContent-Type: application/json\nContent-Length: 412',
    'GET /products/trail-runner-gtx-m HTTP/1.1\nHost: shop.northwind.example\nAccept: text/html,application/xhtml+xml',
    'GET /api/products?category=outdoor&page=2 HTTP/1.1\nHost: shop.northwind.example\nAccept: application/json',
  ];
  const ngxLog = (k: number) => {
    const start = 18 - k * 0.5 - 0.08;
    const wpid = 20 + k * 3;
    const out: string[] = [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${ngxTime(start)} [notice] 1#1: using the "epoll" event method`,
      `${ngxTime(start)} [notice] 1#1: nginx/1.27.2`,
      `${ngxTime(start)} [notice] 1#1: built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) `,
      `${ngxTime(start)} [notice] 1#1: OS: Linux 6.1.112-122.189.amzn2023.x86_64`,
      `${ngxTime(start)} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
      `${ngxTime(start)} [notice] 1#1: start worker processes`,
      ...[0, 1, 2, 3].map((w) => `${ngxTime(start)} [notice] 1#1: start worker process ${wpid + w}`),
    ];
    let conn = 3 + k;
    for (let t = 17.4 - k * 0.5; t > 0.1; t -= 0.37) {
      const i = Math.round(t * 100);
      const raw = (requests[i % requests.length] ?? '').slice(0, 107);
      conn += 17 + (i % 11);
      out.push(`${ngxTime(t)} [error] ${wpid + (i % 4)}#${wpid + (i % 4)}: *${conn} broken header: "${raw}" while reading PROXY protocol, client: ${nlbIps[i % 3] ?? ''}, server: 0.0.0.0:8080`);
    }
    return lines(...out);
  };
  const zap = (t: number, msg: string, extra: string) => `{"level":"info","ts":"${at(t)}","caller":"httpx/middleware.go:71","msg":"${msg}"${extra}}`;
  const apiLog = (k: number) => {
    const out: string[] = [];
    for (let t = 32 - k * 0.3; t > 17.3; t -= 0.9) out.push(zap(t, 'request', `,"method":"GET","path":"/api/products","status":200,"duration_ms":${21 + (Math.round(t * 10) % 17)},"remote":"10.0.90.${40 + k}"`));
    for (let t = 15; t > 0; t -= 5) out.push(`{"level":"info","ts":"${at(t)}","caller":"cache/stats.go:33","msg":"cache stats","hits":0,"misses":0,"entries":${4120 - k * 13}}`);
    return lines(...out);
  };
  return {
    id: 'heldout43-nginx-proxy-protocol-without-lb-support',
    class: 'config',
    truth: 'Someone edited the edge-proxy-conf ConfigMap 19 minutes ago to `listen 8080 proxy_protocol` (with real_ip_header proxy_protocol) to get real client IPs, and ran `kubectl rollout restart` (revision 15). The AWS NLB in front (Service edge-proxy) is not configured to send PROXY protocol (no aws-load-balancer-proxy-protocol annotation), so nginx rejects every connection with "broken header … while reading PROXY protocol" and the storefront is down for everyone; the pods stay Ready because the health server on 8081 has no proxy_protocol. Rolling back to revision 14 would not help (same ConfigMap): revert the listen directive (or enable proxy protocol v2 on the NLB target group) and restart.',
    ask: { service: 'edge-proxy', namespace: ns },
    objects: [
      ...nodes, cm, ...app.objects, ...web.objects, ...api.objects, ...svcObjects,
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: web.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'storefront-api', selector: { app: 'storefront-api' }, pods: api.pods }),
      ...rolled(app, 14, 15, 3, 18, 0.5),
      ...app.pods.flatMap((p, k) => [scheduled(p, 18 - k * 0.5), ...restartedAgain(p, 'nginx', nginxImage, { count: 1, firstAgo: 18 - k * 0.5 - 0.05, lastAgo: 18 - k * 0.5 - 0.05 })]),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'nginx', { current: ngxLog(k) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/proxy[_ -]?protocol/i, /edge-proxy-conf|ConfigMap|nginx\.conf|config(uration)?[^\n]{0,20}(edit|change)|edited/i],
      facts: [/broken header/i, /load ?balancer|\bNLB\b|aws-load-balancer/i, /edge-proxy-conf/],
      never: [/roll(ing)? ?back to|undo the rollout|rollout undo/i, /\bOOM/, /storefront-(web|api)[^\n]*(is down|failing|unhealthy|crash)/i],
    },
  };
}

// ---- 3. Django 4.2 upgrade behind a TLS-terminating balancer, no CSRF_TRUSTED_ORIGINS ----------------

function djangoCsrfOriginCheckAfterUpgrade(): CorpusScenario {
  const ns = 'ops';
  const { nodes, names } = threeEksNodes('10.0.112', ['9', '141', '67']);
  const image = (v: string) => `${ECR}/ops/backoffice:${v}`;
  const settings = configMap({
    namespace: ns,
    name: 'backoffice-settings',
    createdAgo: 300 * DAYS,
    updatedAgo: 20 * DAYS,
    data: {
      DJANGO_SETTINGS_MODULE: 'config.settings.production',
      DJANGO_DEBUG: 'False',
      DJANGO_ALLOWED_HOSTS: 'backoffice.northwind-retail.com,backoffice.ops.svc.cluster.local',
      DATABASE_HOST: 'backoffice-db.c8k2pq1xz0ab.eu-west-1.rds.amazonaws.com',
      DATABASE_NAME: 'backoffice',
      DATABASE_CONN_MAX_AGE: '60',
      SESSION_COOKIE_SECURE: 'True',
      CSRF_COOKIE_SECURE: 'True',
      DJANGO_LOG_LEVEL: 'INFO',
      SENTRY_ENVIRONMENT: 'production',
    },
  });
  const tpl = (v: string) => ({
    initContainers: [batchContainer({ name: 'migrate', image: image(v), command: ['python', 'manage.py', 'migrate', '--noinput'], envFrom: [{ configMapRef: { name: 'backoffice-settings' } }], memory: '256Mi' })],
    containers: [container({
      image: image(v),
      command: ['gunicorn', 'config.wsgi:application', '--bind', '0.0.0.0:8000', '--workers', '3', '--threads', '4', '--access-logfile', '-'],
      envFrom: [{ configMapRef: { name: 'backoffice-settings' } }],
      ports: [8000],
      memory: '512Mi',
      readiness: httpProbe('/healthz/', 8000),
      liveness: httpProbe('/healthz/', 8000, { initialDelaySeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'backoffice',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 18 * DAYS, changeCause: 'argocd: backoffice 3.14.0', template: tpl('3.14.0') },
      { revision: 27, createdAgo: 47, changeCause: 'argocd: backoffice 3.15.0 (Django 3.2 LTS -> 4.2 LTS)', template: tpl('3.15.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 47 - k * 0.9 })),
  });
  const exports = bystander(ns, 'backoffice-exports', names, 3 * HOURS, { revisions: [8, 9], versions: ['1.4.2', '1.5.0'], olderAgo: 30 * DAYS });
  const albIps = ['10.0.3.44', '10.0.19.201', '10.0.35.12'];
  const ua = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
  const host = 'https://backoffice.northwind-retail.com';
  const posts = [
    (n: number) => `/orders/${48210 + n}/refund/`,
    () => '/admin/login/?next=/admin/',
    (n: number) => `/customers/${9100 + n}/notes/`,
    (n: number) => `/orders/${48210 + n}/status/`,
    () => '/admin/catalog/product/add/',
  ];
  const appLog = (k: number) => {
    const start = 47 - k * 0.9 - 0.25;
    const g = gunicornTime(start);
    const out: string[] = [
      `[${g}] [1] [INFO] Starting gunicorn 22.0.0`,
      `[${g}] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `[${g}] [1] [INFO] Using worker: gthread`,
      `[${g}] [7] [INFO] Booting worker with pid: 7`,
      `[${g}] [8] [INFO] Booting worker with pid: 8`,
      `[${g}] [9] [INFO] Booting worker with pid: 9`,
    ];
    const ip = (i: number) => albIps[(i + k) % 3] ?? '';
    for (let i = 0; i < 14; i++) {
      const t = 44 - i * 3.1 - k * 0.5;
      const path = (posts[(i + k) % posts.length] ?? posts[0])?.(i) ?? '/';
      const ref = path.startsWith('/admin/login') ? `${host}/admin/login/?next=/admin/` : `${host}${path.replace(/(refund|notes|status|add)\/$/, '')}`;
      out.push(`${ip(i)} - - [${clfTime(t + 0.2)}] "GET ${path.replace(/(refund|notes|status)\/$/, '')} HTTP/1.1" 200 ${18000 + i * 211} "${host}/orders/" "${ua}"`);
      out.push(`WARNING ${pyTime(t)} django.security.csrf Forbidden (Origin checking failed - ${host} does not match any trusted origins.): ${path.replace(/\?.*$/, '')}`);
      out.push(`${ip(i)} - - [${clfTime(t)}] "POST ${path} HTTP/1.1" 403 2870 "${ref}" "${ua}"`);
      if (i % 4 === 1) out.push(`${ip(i + 1)} - - [${clfTime(t - 0.3)}] "GET /orders/?status=pending_refund HTTP/1.1" 200 ${41000 + i * 97} "${host}/" "${ua}"`);
    }
    return lines(...out);
  };
  const migrateLog = (k: number) =>
    lines(
      'System check identified some issues:',
      '',
      'WARNINGS:',
      "?: (staticfiles.W004) The directory '/app/assets' in the STATICFILES_DIRS setting does not exist.",
      'Operations to perform:',
      '  Apply all migrations: admin, auth, catalog, contenttypes, customers, orders, refunds, sessions',
      'Running migrations:',
      ...(k === 0 ? ['  Applying refunds.0019_refund_reason_code... OK'] : ['  No migrations to apply.']),
    );
  return {
    id: 'heldout43-django-csrf-origin-check-after-4-2-upgrade',
    class: 'rollout',
    truth: 'backoffice revision 27 (3.15.0, 47 minutes ago) upgraded Django 3.2 to 4.2. Django 4 checks the Origin header of every unsafe request; behind the TLS-terminating load balancer Django sees plain http (no SECURE_PROXY_SSL_HEADER, gunicorn does not trust the forwarded proto), so "https://backoffice.northwind-retail.com" does not match and, with no CSRF_TRUSTED_ORIGINS in backoffice-settings, every POST (refunds, notes, even the admin login) gets 403 "Origin checking failed" while GETs work. Fix: add CSRF_TRUSTED_ORIGINS=https://backoffice.northwind-retail.com (and SECURE_PROXY_SSL_HEADER); rolling back to revision 26 is the quick mitigation.',
    ask: { service: 'backoffice', namespace: ns },
    objects: [
      ...nodes, settings, ...app.objects, ...exports.objects,
      ...exposed({ namespace: ns, name: 'backoffice', selector: { app: 'backoffice' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'backoffice-exports', selector: { app: 'backoffice-exports' }, pods: exports.pods }),
      ...rolled(app, 26, 27, 3, 47, 0.9),
      ...app.pods.flatMap((p, k) => [
        ...freshStart(p, 'migrate', image('3.15.0'), 47 - k * 0.9, 164_203_551, 3.9, true),
        scheduled(p, 47 - k * 0.9),
        ...restartedAgain(p, 'app', image('3.15.0'), { count: 1, firstAgo: 47 - k * 0.9 - 0.2, lastAgo: 47 - k * 0.9 - 0.2 }),
      ]),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...app.pods.map((p, k) => logsFor(p, 'migrate', { current: migrateLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/CSRF/i, /Origin|trusted origins|CSRF_TRUSTED_ORIGINS|\b403\b/i, /revision 27|3\.15\.0|Django 4|4\.2/i],
      facts: [/\b403\b/, /CSRF_TRUSTED_ORIGINS|SECURE_PROXY_SSL_HEADER/, /\bPOST\b/],
      never: [/\bOOM/, /DisallowedHost|ALLOWED_HOSTS/, /migrat(e|ion)[^\n]*(fail|broke|caus)/i],
    },
  };
}

// ---- 4. Express sessions in MemoryStore, scaled by hand from 1 to 3 replicas ------------------------

function memorySessionsScaledOut(): CorpusScenario {
  const ns = 'web';
  const { nodes, names } = threeEksNodes('10.0.140', ['33', '178', '245']);
  const image = `${ECR}/web/account-portal:5.2.1`;
  const cfg = configMap({
    namespace: ns,
    name: 'account-portal-config',
    createdAgo: 400 * DAYS,
    updatedAgo: 9 * DAYS,
    data: {
      NODE_ENV: 'production',
      PORT: '3000',
      ACCOUNT_API_URL: 'http://account-api.web.svc.cluster.local',
      SESSION_STORE: 'memory',
      SESSION_TTL_MINUTES: '30',
      COOKIE_DOMAIN: 'account.northwind.example',
      LOG_LEVEL: 'info',
    },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'account-portal',
    replicas: 3,
    revisions: [{
      revision: 19,
      createdAgo: 9 * DAYS,
      changeCause: 'argocd: account-portal 5.2.1',
      template: { containers: [container({ image, ports: [3000], memory: '384Mi', envFrom: [{ configMapRef: { name: 'account-portal-config' } }], readiness: httpProbe('/healthz', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }) })] },
    }],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 19, node: names[1] ?? '', createdAgo: 41 },
      { revision: 19, node: names[2] ?? '', createdAgo: 41 },
    ],
  });
  const dep = deploymentOf(app);
  dep.metadata = {
    ...dep.metadata,
    managedFields: [
      { manager: 'helm', operation: 'Update', apiVersion: 'apps/v1', time: ago(9 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:template': {} } } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', subresource: 'status', time: ago(40.5), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} } },
      { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', subresource: 'scale', time: ago(41), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
    ],
  };
  const accountApi = bystander(ns, 'account-api', names, 5 * DAYS, { revisions: [61, 62], versions: ['8.4.0', '8.4.1'], olderAgo: 22 * DAYS });
  const [oldPod, p1, p2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const rs = rsOf(app, 19);
  const host = (p: k8s.V1Pod) => nameOf(p);
  const pino = (p: k8s.V1Pod, t: number, level: number, rest: string) => `{"level":${level},"time":${epochMs(t)},"pid":1,"hostname":"${host(p)}",${rest}}`;
  const done = (p: k8s.V1Pod, t: number, id: number, method: string, url: string, status: number, ms: number) =>
    pino(p, t, status >= 500 ? 50 : status >= 400 ? 40 : 30, `"req":{"id":${id},"method":"${method}","url":"${url}"},"res":{"statusCode":${status}},"responseTime":${ms},"msg":"request completed"`);
  const warning = ['Warning: connect.session() MemoryStore is not', 'designed for a production environment, as it will leak', 'memory, and will not scale past a single process.'];
  const sid = (n: number) => Buffer.from(uidOf(`sid/${n}`)).toString('base64').replace(/[+/=]/g, '').slice(0, 32);
  const users = ['u_81723', 'u_20417', 'u_66310', 'u_90552', 'u_13874', 'u_47029', 'u_58811'];
  const pods = [oldPod, p1, p2];
  const logs = new Map<k8s.V1Pod, string[]>(pods.map((p) => [p, []]));
  const push = (p: k8s.V1Pod, l: string) => logs.get(p)?.push(l);
  for (const [i, p] of pods.entries()) {
    const start = i === 0 ? 9 * DAYS - 2.1 : 40.8;
    for (const w of warning) push(p, w);
    push(p, pino(p, start, 30, `"msg":"account-portal 5.2.1 listening","port":3000,"sessionStore":"MemoryStore","sessionTtlMinutes":30`));
  }
  // Before the scale: one pod, sessions hold.
  for (let t = 70, n = 0; t > 42; t -= 2.3, n++) push(oldPod, done(oldPod, t, 90_000 + n, n % 3 === 0 ? 'POST' : 'GET', n % 3 === 0 ? '/account/addresses' : '/account/orders', n % 3 === 0 ? 302 : 200, 30 + (n % 9)));
  // After: a login lands on one pod, the next request on another that never saw the session.
  let reqId = 120_000;
  for (let n = 0; n < 16; n++) {
    const t = 38 - n * 2.3;
    const user = users[n % users.length] ?? 'u_1';
    const s = sid(n);
    const a = pods[n % 3] ?? oldPod;
    const b = pods[(n + 1 + (n % 2)) % 3] ?? oldPod;
    push(a, done(a, t + 0.01, reqId++, 'POST', '/login', 302, 88));
    push(a, pino(a, t, 30, `"userId":"${user}","sid":"${s}","msg":"login ok"`));
    if (n % 3 === 2) {
      push(b, pino(b, t - 0.02, 50, `"req":{"id":${reqId},"method":"POST","url":"/account/addresses"},"res":{"statusCode":403},"err":{"type":"ForbiddenError","message":"invalid csrf token","stack":"ForbiddenError: invalid csrf token\\n    at csrf (/app/node_modules/csurf/index.js:112:19)\\n    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)\\n    at trim_prefix (/app/node_modules/express/lib/router/index.js:328:13)\\n    at /app/node_modules/express/lib/router/index.js:286:9\\n    at Function.process_params (/app/node_modules/express/lib/router/index.js:346:12)\\n    at next (/app/node_modules/express/lib/router/index.js:280:10)\\n    at session (/app/node_modules/express-session/index.js:487:7)","code":"EBADCSRFTOKEN","expose":true,"statusCode":403,"status":403},"msg":"request errored"`));
      reqId++;
    } else {
      push(b, pino(b, t - 0.02, 40, `"sid":"${s}","url":"/account/orders","msg":"no session for sid, redirecting to /login"`));
      push(b, done(b, t - 0.02, reqId++, 'GET', '/account/orders', 302, 3));
    }
    push(a, done(a, t - 0.05, reqId++, 'GET', '/account/profile', 200, 41));
  }
  for (const p of pods) push(p, pino(p, 0.4, 30, `"msg":"session store size","sessions":${p === oldPod ? 2140 : 310}`));
  const sorted = (p: k8s.V1Pod) => {
    const all = logs.get(p) ?? [];
    const head = all.slice(0, warning.length + 1);
    const rest = all.slice(warning.length + 1).sort((x, y) => Number(/"time":(\d+)/.exec(x)?.[1] ?? 0) - Number(/"time":(\d+)/.exec(y)?.[1] ?? 0));
    return lines(...head, ...rest);
  };
  return {
    id: 'heldout43-memory-sessions-scaled-one-to-three',
    class: 'config',
    truth: 'account-portal keeps its sessions in express-session\'s default MemoryStore (SESSION_STORE=memory), which only works with one replica. 41 minutes ago someone ran `kubectl scale --replicas=3` ahead of a campaign; the Service has no session affinity, so a login stored on one pod is unknown to the next pod that gets the request: users are bounced to /login at random ("no session for sid") and form posts fail with "invalid csrf token". Mitigation: scale back to 1 (or add affinity); fix: move sessions to a shared store (Redis) before running more than one replica.',
    ask: { service: 'account-portal', namespace: ns },
    objects: [
      ...nodes, cfg, ...app.objects, ...accountApi.objects,
      ...exposed({ namespace: ns, name: 'account-portal', selector: { app: 'account-portal' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'account-api', selector: { app: 'account-api' }, pods: accountApi.pods }),
      scaledReplicaSet(dep, rs, 3, 1, 41),
      event({ on: { kind: 'ReplicaSet', name: rs, namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p1)}`, firstAgo: 41, lastAgo: 41, component: 'replicaset-controller' }),
      event({ on: { kind: 'ReplicaSet', name: rs, namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p2)}`, firstAgo: 41, lastAgo: 41, component: 'replicaset-controller' }),
      ...freshStart(p1, 'app', image, 41, 61_880_412, 2.2),
      ...freshStart(p2, 'app', image, 41, 61_880_412, 2.6),
    ],
    logs: pods.map((p) => logsFor(p, 'app', { current: sorted(p) })),
    expect: {
      verdict: 'problems',
      headline: [/session/i, /scal|replica|1 to 3|1 → 3|three pods/i],
      facts: [/MemoryStore|in[- ]memory|process memory|per[- ](pod|replica|process)|local to (each|one)/i, /sticky|affinity|shared (session )?store|Redis|external (session )?store|scale[^\n]{0,30}\b1\b/i, /invalid csrf token|EBADCSRFTOKEN|no session/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /memory leak/i],
    },
  };
}

// ---- 5. Celery ETA longer than the Redis transport's visibility_timeout: reminders sent twice -------

function celeryCountdownBeyondVisibilityTimeout(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.170', ['15', '96', '222']);
  const redisImage = 'docker.io/library/redis:7.2.5-alpine';
  const redis = statefulSetApp({
    namespace: ns,
    name: 'billing-redis',
    replicas: 1,
    createdAgo: 260 * DAYS,
    revisions: [{
      revision: 3,
      createdAgo: 60 * DAYS,
      template: { containers: [container({ name: 'redis', image: redisImage, args: ['redis-server', '--appendonly', 'yes', '--maxmemory', '1gb', '--maxmemory-policy', 'noeviction'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '200m', memory: '1280Mi', readiness: execProbe(['redis-cli', 'ping']), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }), volumeMounts: [{ name: 'data', mountPath: '/data' }] })] },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi', storageClass: 'gp3' }],
    pods: [{ revision: 3, ordinal: 0, node: names[0] ?? '', createdAgo: 31 * DAYS }],
  });
  const [redisClaim, redisVolume] = boundClaim({ namespace: ns, name: 'data-billing-redis-0', storage: '10Gi', zone: 'eu-west-1a', createdAgo: 260 * DAYS });
  const cfg = configMap({
    namespace: ns,
    name: 'billing-worker-config',
    createdAgo: 260 * DAYS,
    updatedAgo: 6 * HOURS + 6,
    data: {
      CELERY_BROKER_URL: 'redis://billing-redis.billing.svc.cluster.local:6379/0',
      CELERY_RESULT_BACKEND: 'redis://billing-redis.billing.svc.cluster.local:6379/1',
      CELERY_WORKER_PREFETCH_MULTIPLIER: '4',
      CELERY_TASK_ACKS_LATE: 'false',
      CELERY_TASK_DEFAULT_QUEUE: 'celery',
      PAYMENT_REMINDER_COUNTDOWN_SECONDS: '7200',
      INVOICE_PDF_BUCKET: 's3://northwind-billing-invoices-prod',
      SMTP_HOST: 'email-smtp.eu-west-1.amazonaws.com',
      SMTP_PORT: '587',
    },
  });
  const image = (v: string) => `${ECR}/billing/billing-worker:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      name: 'worker',
      image: image(v),
      command: ['celery', '-A', 'billing', 'worker', '-l', 'INFO', '--concurrency', '4', '-Q', 'celery,reminders'],
      envFrom: [{ configMapRef: { name: 'billing-worker-config' } }],
      ports: [],
      cpu: '500m',
      memory: '768Mi',
      readiness: null,
      liveness: execProbe(['sh', '-c', 'celery -A billing inspect ping -d celery@$HOSTNAME --timeout 10'], { periodSeconds: 60, timeoutSeconds: 20, initialDelaySeconds: 60 }),
    })],
    terminationGracePeriodSeconds: 120,
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'billing-worker',
    replicas: 3,
    revisions: [
      { revision: 36, createdAgo: 15 * DAYS, changeCause: 'argocd: billing-worker 2.18.3', template: tpl('2.18.3') },
      { revision: 37, createdAgo: 6 * HOURS + 5, changeCause: 'argocd: billing-worker 2.19.0', template: tpl('2.19.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 37, node: names[k] ?? '', createdAgo: 6 * HOURS + 4.5 - k * 0.7 })),
  });
  const billingApi = bystander(ns, 'billing-api', names, 2 * DAYS, { revisions: [70, 71], versions: ['5.9.2', '5.10.0'], olderAgo: 19 * DAYS });
  const hosts = app.pods.map((p) => `celery@${nameOf(p)}`);
  const celery = (t: number, level: string, proc: string, msg: string) => `[${pyTime(t)}: ${level}/${proc}] ${msg}`;
  const banner = (k: number) => {
    const start = 6 * HOURS + 4.5 - k * 0.7 - 0.2;
    return [
      '/usr/local/lib/python3.12/site-packages/celery/worker/consumer/consumer.py:508: CPendingDeprecationWarning: The broker_connection_retry configuration setting will no longer determine',
      'whether broker connection retries are made during startup in Celery 6.0 and above.',
      'If you wish to retain the existing behavior for retrying connections on startup,',
      'you should set broker_connection_retry_on_startup to True.',
      '  warnings.warn(',
      ' ',
      ` -------------- ${hosts[k] ?? ''} v5.4.0 (opalescent)`,
      '--- ***** ----- ',
      `-- ******* ---- Linux-6.1.112-122.189.amzn2023.x86_64-x86_64-with-glibc2.36 ${pyTime(start).slice(0, 19)}`,
      '- *** --- * --- ',
      '- ** ---------- [config]',
      '- ** ---------- .> app:         billing:0x7f3c2a9d5e50',
      '- ** ---------- .> transport:   redis://billing-redis.billing.svc.cluster.local:6379/0',
      '- ** ---------- .> results:     redis://billing-redis.billing.svc.cluster.local:6379/1',
      '- *** --- * --- .> concurrency: 4 (prefork)',
      '-- ******* ---- .> task events: OFF (enable -E to monitor tasks in this worker)',
      '--- ***** ----- ',
      ' -------------- [queues]',
      '                .> celery           exchange=celery(direct) key=celery',
      '                .> reminders        exchange=reminders(direct) key=reminders',
      '',
      '[tasks]',
      '  . billing.tasks.handle_invoice_issued',
      '  . billing.tasks.render_invoice_pdf',
      '  . billing.tasks.send_payment_reminder',
      '  . billing.tasks.sync_payment_status',
      '',
      celery(start - 0.05, 'INFO', 'MainProcess', 'Connected to redis://billing-redis.billing.svc.cluster.local:6379/0'),
      celery(start - 0.06, 'INFO', 'MainProcess', 'mingle: searching for neighbors'),
      celery(start - 0.08, 'INFO', 'MainProcess', k === 0 ? 'mingle: all alone' : `mingle: sync with ${k} nodes`),
      ...(k === 0 ? [] : [celery(start - 0.08, 'INFO', 'MainProcess', 'mingle: sync complete')]),
      celery(start - 0.09, 'INFO', 'MainProcess', `${hosts[k] ?? ''} ready.`),
    ];
  };
  type Line = { t: number; s: string };
  const out: Line[][] = [[], [], []];
  const add = (k: number, t: number, s: string) => out[k]?.push({ t, s });
  const countdown = 120;
  const visibility = 60;
  // Reminders scheduled since the release: the original delivery on one worker, the copy the
  // Redis transport restored an hour later on another, and both executing at the ETA.
  for (let n = 0; n < 12; n++) {
    const eta = 33 - n * 2.7;
    const scheduledAt = eta + countdown;
    const a = n % 3;
    const b = (n + 1) % 3;
    const invoice = `INV-2026-${118204 + n * 37}`;
    const issueId = uidOf(`issue/${n}`);
    const reminderId = uidOf(`reminder/${n}`);
    add(a, scheduledAt, celery(scheduledAt, 'INFO', 'MainProcess', `Task billing.tasks.handle_invoice_issued[${issueId}] received`));
    add(a, scheduledAt - 0.004, celery(scheduledAt - 0.004, 'INFO', `ForkPoolWorker-${1 + (n % 4)}`, `billing.tasks.handle_invoice_issued[${issueId}]: payment reminder scheduled invoice=${invoice} countdown=7200s reminder_task=${reminderId}`));
    add(a, scheduledAt - 0.005, celery(scheduledAt - 0.005, 'INFO', `ForkPoolWorker-${1 + (n % 4)}`, `Task billing.tasks.handle_invoice_issued[${issueId}] succeeded in 0.21s: None`));
    add(a, scheduledAt - 0.01, celery(scheduledAt - 0.01, 'INFO', 'MainProcess', `Task billing.tasks.send_payment_reminder[${reminderId}] received`));
    const restoredAt = scheduledAt - visibility - 0.4 - (n % 3) * 0.3;
    add(b, restoredAt, celery(restoredAt, 'INFO', 'MainProcess', `Task billing.tasks.send_payment_reminder[${reminderId}] received`));
    for (const [k, w] of [[a, 2], [b, 3]] as const) {
      const done = eta - 0.008 * w;
      add(k, done, celery(done, 'INFO', `ForkPoolWorker-${w}`, `billing.tasks.send_payment_reminder[${reminderId}]: reminder e-mail sent invoice=${invoice} to=ap-${(n * 7919) % 1000}@customer.example ses_message_id=0102019${uidOf(`ses/${n}/${k}`).replace(/-/g, '').slice(0, 24)}`));
      add(k, done - 0.002, celery(done - 0.002, 'INFO', `ForkPoolWorker-${w}`, `Task billing.tasks.send_payment_reminder[${reminderId}] succeeded in 0.6${w}s: {'invoice': '${invoice}', 'sent': True}`));
    }
  }
  for (let t = 170; t > 0; t -= 10) {
    const k = Math.round(t / 10) % 3;
    const id = uidOf(`sync/${t}`);
    add(k, t, celery(t, 'INFO', 'MainProcess', `Task billing.tasks.sync_payment_status[${id}] received`));
    add(k, t - 0.02, celery(t - 0.02, 'INFO', 'ForkPoolWorker-1', `Task billing.tasks.sync_payment_status[${id}] succeeded in 1.12s: {'checked': ${40 + (t % 17)}, 'paid': ${3 + (t % 5)}}`));
  }
  const workerLog = (k: number) => lines(...banner(k), ...(out[k] ?? []).sort((x, y) => y.t - x.t).map((l) => l.s));
  const redisLog = lines(
    `1:M ${redisTime(31 * DAYS)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
    `1:M ${redisTime(31 * DAYS)} * Server initialized`,
    `1:M ${redisTime(31 * DAYS)} * Ready to accept connections tcp`,
    ...[25, 15, 5].flatMap((t, i) => [
      `1:M ${redisTime(t)} * 100 changes in 300 seconds. Saving...`,
      `1:M ${redisTime(t)} * Background saving started by pid ${88120 + i * 41}`,
      `${88120 + i * 41}:C ${redisTime(t - 0.01)} * DB saved on disk`,
      `${88120 + i * 41}:C ${redisTime(t - 0.01)} * Fork CoW for RDB: current 1 MB, peak 1 MB, average 1 MB`,
      `1:M ${redisTime(t - 0.02)} * Background saving terminated with success`,
    ]),
  );
  return {
    id: 'heldout43-celery-countdown-beyond-redis-visibility-timeout',
    class: 'config',
    truth: 'billing-worker 2.19.0 (revision 37, 6 hours ago) raised PAYMENT_REMINDER_COUNTDOWN_SECONDS from 15 minutes to 7200 s, but the Redis transport\'s visibility_timeout is still Celery\'s default of one hour (no broker_transport_options). A worker holds each ETA task unacknowledged until it is due, so after an hour Redis restores the message and another worker receives the same task id: since the first ETAs came due about four hours ago every payment reminder is executed, and e-mailed, twice. Fix: set broker_transport_options visibility_timeout well above the longest countdown (or schedule far-future reminders another way), then deduplicate the pending ones.',
    ask: { service: 'billing-worker', namespace: ns },
    objects: [
      ...nodes, cfg, ...redis.objects, redisClaim, redisVolume, ...app.objects, ...billingApi.objects,
      ...exposed({ namespace: ns, name: 'billing-redis', selector: { app: 'billing-redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], pods: redis.pods, endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: billingApi.pods }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'worker', { current: workerLog(k) })),
      logsFor(podOf(redis, 0), 'redis', { current: redisLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/visibility[_ ]timeout/i, /duplicat|twice|more than once|re-?deliver|double|executed again|run again/i],
      facts: [/3600|1 ?h(our)?|one hour|default/i, /7200|2 ?h(ours?)?|two hours|countdown|\bETA\b/i, /broker_transport_options|(raise|increase|set|bump)[^\n]*visibility[_ ]timeout|visibility[_ ]timeout[^\n]*(above|longer|greater|more than|exceed)/i],
      never: [/\bOOM/, /crash ?loop/i, /billing-redis[^\n]*(is down|unreachable|crash|out of memory)/i],
    },
  };
}

// ---- 6. MongoDB: $push onto an unbounded array hits the 16 MB document limit for a few members ------

function mongoDocumentOver16MegabytesForFewMembers(): CorpusScenario {
  const ns = 'loyalty';
  const { nodes, names } = threeEksNodes('10.0.200', ['14', '109', '188']);
  const mongoImage = 'docker.io/library/mongo:7.0.14';
  const mongo = statefulSetApp({
    namespace: ns,
    name: 'loyalty-mongo',
    replicas: 3,
    serviceName: 'loyalty-mongo',
    podManagementPolicy: 'Parallel',
    createdAgo: 500 * DAYS,
    revisions: [{
      revision: 6,
      createdAgo: 70 * DAYS,
      template: {
        containers: [container({
          name: 'mongod', image: mongoImage, command: ['mongod'], args: ['--replSet', 'rs0', '--bind_ip_all', '--wiredTigerCacheSizeGB', '3'],
          ports: [{ name: 'mongodb', containerPort: 27017 }], cpu: '1', memory: '8Gi',
          readiness: execProbe(['mongosh', '--quiet', '--eval', 'db.adminCommand("ping").ok'], { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: tcpProbe('mongodb', { initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/data/db' }],
        })],
        securityContext: { fsGroup: 999, runAsUser: 999 },
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((o) => ({ revision: 6, ordinal: o, node: names[o] ?? '', createdAgo: 70 * DAYS - o * 3 })),
  });
  const claims = [0, 1, 2].flatMap((o) => boundClaim({ namespace: ns, name: `data-loyalty-mongo-${o}`, storage: '200Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][o] ?? 'eu-west-1a', createdAgo: 500 * DAYS }));
  const image = (v: string) => `${ECR}/loyalty/loyalty-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], memory: '512Mi',
      env: [
        { name: 'MONGODB_URI', value: 'mongodb://loyalty-mongo-0.loyalty-mongo,loyalty-mongo-1.loyalty-mongo,loyalty-mongo-2.loyalty-mongo:27017/loyalty?replicaSet=rs0&w=majority' },
        { name: 'GOMEMLIMIT', value: '460MiB' },
      ],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'loyalty-api',
    replicas: 4,
    revisions: [
      { revision: 43, createdAgo: 25 * DAYS, changeCause: 'argocd: loyalty-api 7.2.4', template: tpl('7.2.4') },
      { revision: 44, createdAgo: 3 * DAYS, changeCause: 'argocd: loyalty-api 7.3.0', template: tpl('7.3.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 44, node: names[k % 3] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const web = bystander(ns, 'loyalty-rewards-web', names, 26, { revisions: [30, 31], versions: ['3.3.0', '3.3.1'], olderAgo: 12 * DAYS });
  const big = [
    { id: 'M-100482', since: 71 },
    { id: 'M-230911', since: 38 },
    { id: 'M-771205', since: 12 },
  ];
  const zap = (t: number, level: string, caller: string, msg: string, extra: string) => `{"level":"${level}","ts":"${at(t)}","caller":"${caller}","msg":"${msg}"${extra}}`;
  const apiLog = (k: number) => {
    const out: { t: number; s: string }[] = [];
    const start = 3 * DAYS - k - 0.2;
    const head = [
      zap(start, 'info', 'cmd/loyalty-api/main.go:64', 'starting loyalty-api', ',"version":"7.3.0","commit":"a41c9e2"'),
      zap(start - 0.01, 'info', 'store/mongo.go:38', 'connected to mongodb', ',"hosts":3,"replicaSet":"rs0","db":"loyalty"'),
      zap(start - 0.01, 'info', 'httpx/server.go:29', 'listening', ',"addr":":8080"'),
    ];
    for (let t = 80 - k * 0.3; t > 0.2; t -= 1.6) {
      const i = Math.round(t * 10);
      const member = `M-${String(300000 + ((i * 7919 + k * 131) % 600000)).padStart(6, '0')}`;
      out.push({ t, s: zap(t, 'info', 'httpx/log.go:41', 'request', `,"method":"POST","path":"/v1/members/${member}/transactions","status":201,"duration_ms":${9 + (i % 13)}`) });
      if (i % 3 === 0) out.push({ t: t - 0.1, s: zap(t - 0.1, 'info', 'httpx/log.go:41', 'request', `,"method":"GET","path":"/v1/members/${member}","status":200,"duration_ms":${4 + (i % 7)}`) });
    }
    for (const [j, m] of big.entries()) {
      for (let t = m.since - k * 0.7 - j * 0.2; t > 0.3; t -= 4.4) {
        const txn = `TX-${uidOf(`tx/${m.id}/${k}/${Math.round(t * 10)}`).slice(0, 8).toUpperCase()}`;
        out.push({ t, s: zap(t, 'error', 'store/members.go:212', 'append points transaction failed', `,"member_id":"${m.id}","txn_id":"${txn}","collection":"members","update":"$push points_history, $inc balance","points":${40 + (Math.round(t) % 9) * 15},"error":"write exception: write errors: [Resulting document after update is larger than 16777216]","code":17419,"stacktrace":"loyalty/internal/store.(*Members).AppendTransaction\\n\\t/src/internal/store/members.go:212\\nloyalty/internal/api.(*Handler).PostTransaction\\n\\t/src/internal/api/transactions.go:88"`) });
        out.push({ t: t - 0.001, s: zap(t - 0.001, 'info', 'httpx/log.go:41', 'request', `,"method":"POST","path":"/v1/members/${m.id}/transactions","status":500,"duration_ms":${380 + (Math.round(t * 10) % 200)}`) });
        if (Math.round(t) % 2 === 0) out.push({ t: t - 0.2, s: zap(t - 0.2, 'info', 'httpx/log.go:41', 'request', `,"method":"GET","path":"/v1/members/${m.id}","status":200,"duration_ms":${1400 + (Math.round(t * 10) % 600)}`) });
      }
    }
    return lines(...head, ...out.sort((x, y) => y.t - x.t).map((l) => l.s));
  };
  const mongoTs = (t: number) => at(t).replace('Z', '+00:00');
  const mongoLog = (o: number) => {
    const out: string[] = [];
    for (let t = 30; t > 0; t -= 6) {
      out.push(`{"t":{"$date":"${mongoTs(t)}"},"s":"I",  "c":"NETWORK",  "id":22943,   "ctx":"listener","msg":"Connection accepted","attr":{"remote":"10.0.200.${60 + o}:${41000 + Math.round(t * 31)}","uuid":{"uuid":{"$uuid":"${uidOf(`conn/${o}/${t}`)}"}},"connectionId":${91200 + Math.round(t * 7)},"connectionCount":${57 + o}}}`);
      out.push(`{"t":{"$date":"${mongoTs(t - 0.5)}"},"s":"I",  "c":"WTCHKPT",  "id":22430,   "ctx":"Checkpointer","msg":"WiredTiger message","attr":{"message":{"ts_sec":${Math.floor(epochMs(t - 0.5) / 1000)},"ts_usec":0,"thread":"1:0x7f2a1c7fe640","session_name":"WT_SESSION.checkpoint","category":"WT_VERB_CHECKPOINT_PROGRESS","category_id":6,"verbose_level":"DEBUG_1","verbose_level_id":1,"msg":"saving checkpoint snapshot min: ${812000 + Math.round(t)}, snapshot max: ${812000 + Math.round(t)} snapshot count: 0, oldest timestamp: (${Math.floor(epochMs(t + 5) / 1000)}, 1) , meta checkpoint timestamp: (${Math.floor(epochMs(t + 0.5) / 1000)}, 1) base write gen: 48211"}}}`);
    }
    if (o === 0) out.push(`{"t":{"$date":"${mongoTs(9.2)}"},"s":"I",  "c":"COMMAND",  "id":51803,   "ctx":"conn90412","msg":"Slow query","attr":{"type":"command","ns":"loyalty.members","appName":"loyalty-reports","command":{"aggregate":"members","pipeline":[{"$match":{"tier":"gold"}},{"$group":{"_id":"$region","n":{"$sum":1}}}],"$db":"loyalty"},"planSummary":"COLLSCAN","keysExamined":0,"docsExamined":1840233,"nreturned":9,"durationMillis":2911}}`);
    return lines(...out);
  };
  return {
    id: 'heldout43-mongo-document-over-16mb-few-members',
    class: 'storage',
    truth: 'loyalty-api appends every points transaction to an embedded points_history array in the member document ($push, never trimmed). Three large corporate members (M-100482 since about 70 minutes ago, then M-230911 and M-771205) have reached MongoDB\'s 16 MB BSON document limit, so every update to their documents fails with "Resulting document after update is larger than 16777216" (code 17419) and their transactions get 500s; every other member works, and the cluster and revision 44 (three days old) are fine. Fix: move the history to its own collection (or bucket/archive it, cap with $slice) and trim these three documents.',
    ask: { service: 'loyalty-api', namespace: ns },
    objects: [
      ...nodes, ...mongo.objects, ...claims, ...app.objects, ...web.objects,
      ...exposed({ namespace: ns, name: 'loyalty-mongo', selector: { app: 'loyalty-mongo' }, ports: [{ name: 'mongodb', port: 27017, targetPort: 27017 }], pods: mongo.pods, endpointPort: 27017, headless: true }),
      ...exposed({ namespace: ns, name: 'loyalty-api', selector: { app: 'loyalty-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'loyalty-rewards-web', selector: { app: 'loyalty-rewards-web' }, pods: web.pods }),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 31), 2, 0, 26),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 30), 0, 2, 25),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...mongo.pods.map((p, o) => logsFor(p, 'mongod', { current: mongoLog(o) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/16 ?MB|16777216|BSON|too large|document size/i],
      facts: [lit('M-100482'), /points_history|array|\$push/i, /\$slice|separate collection|own collection|bucket|archiv|\bcap\b|unbounded|trim/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(disk|volume|storage)[^\n]{0,20}(full|exhaust)|No space left/i],
    },
  };
}

// ---- 7. healthy: a fresh rollout whose pods warn about a leftover imagePullSecret -------------------

function healthyLeftoverPullSecretWarning(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.230', ['40', '101', '166']);
  const image = (v: string) => `${ECR}/pricing/pricing-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [8080, { name: 'management', containerPort: 8081 }],
      cpu: '500m',
      memory: '1Gi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-javaagent:/otel/opentelemetry-javaagent.jar -XX:MaxRAMPercentage=75' },
        { name: 'OTEL_SERVICE_NAME', value: 'pricing-api' },
        { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector.observability.svc.cluster.local:4317' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8081),
      liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 45 }),
      startup: httpProbe('/actuator/health/liveness', 8081, { periodSeconds: 5, failureThreshold: 30 }),
    })],
    // Left over from when the image lived on Docker Hub; ECR is reached through the node role.
    imagePullSecrets: ['regcred'],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 12, createdAgo: 19 * DAYS, changeCause: 'argocd: pricing-api 4.6.0', template: tpl('4.6.0') },
      { revision: 13, createdAgo: 45, changeCause: 'argocd: pricing-api 4.6.1', template: tpl('4.6.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 13, node: names[k] ?? '', createdAgo: 44.8 - k * 1.1 })),
  });
  const rules = bystander(ns, 'pricing-rules-sync', names, 4 * DAYS, { revisions: [5, 6], versions: ['0.9.3', '0.9.4'], olderAgo: 40 * DAYS });
  const spring = (t: number, level: string, thread: string, logger: string, msg: string) =>
    `${at(t)} ${level.padStart(5)} 1 --- [pricing-api] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;
  const otelTime = (t: number) => `${at(t).slice(0, 19).replace('T', ' ')}:${at(t).slice(20, 23)} +0000`;
  const skus = ['SKU-88213-BLK', 'SKU-10452-M', 'SKU-77310', 'SKU-23018-XL', 'SKU-55402'];
  const appLog = (k: number) => {
    const start = 44.8 - k * 1.1 - 0.1;
    const out: string[] = [
      'OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes because bootstrap classpath has been appended',
      `[otel.javaagent ${otelTime(start)}] [main] INFO io.opentelemetry.javaagent.tooling.VersionLogger - opentelemetry-javaagent - version: 2.9.0`,
      spring(start - 0.1, 'INFO', 'main', 'c.n.pricing.PricingApplication', 'Starting PricingApplication v4.6.1 using Java 21.0.5 with PID 1 (/app/pricing-api.jar started by app in /app)'),
      spring(start - 0.1, 'INFO', 'main', 'c.n.pricing.PricingApplication', 'The following 1 profile is active: "prod"'),
      spring(start - 0.3, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      spring(start - 0.3, 'INFO', 'main', 'c.n.pricing.rules.RuleCache', 'loaded 1284 pricing rules (version 2026-11-20T22:00:00Z)'),
      spring(start - 0.31, 'INFO', 'main', 'c.n.pricing.PricingApplication', `Started PricingApplication in ${(17.8 + k * 0.6).toFixed(3)} seconds (process running for ${(19.4 + k * 0.6).toFixed(2)})`),
    ];
    for (let t = start - 1; t > 0.2; t -= 2.4) {
      const i = Math.round(t * 10);
      out.push(spring(t, 'INFO', `nio-8080-exec-${(i % 10) + 1}`, 'c.n.pricing.api.QuoteController', `quote sku=${skus[(i + k) % skus.length] ?? ''} qty=${1 + (i % 3)} price=${(19.99 + (i % 40)).toFixed(2)} EUR rules=${3 + (i % 5)} took=${2 + (i % 6)}ms`));
    }
    return lines(...out);
  };
  return {
    id: 'heldout43-healthy-leftover-pull-secret-warning',
    class: 'healthy',
    truth: 'pricing-api finished rolling out revision 13 (4.6.1) 45 minutes ago and all three pods are ready and serving quotes. Its template still names an imagePullSecret "regcred" left over from the Docker Hub days; the kubelet warns on every sync (FailedToRetrieveImagePullSecret) that it cannot find it, but the image is pulled from ECR with the node role and pulled fine. The JVM\'s CDS warning and the OpenTelemetry agent banner are normal start-up output. Nothing to fix urgently; drop the stale secret reference some day.',
    ask: { service: 'pricing-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...rules.objects,
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pricing-rules-sync', selector: { app: 'pricing-rules-sync' }, pods: rules.pods }),
      ...rolled(app, 12, 13, 3, 45, 1.1),
      ...app.pods.flatMap((p, k) => [
        ...freshStart(p, 'app', image('4.6.1'), 44.8 - k * 1.1, 231_904_377, 5.3),
        event({ on: p, reason: 'FailedToRetrieveImagePullSecret', message: 'Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.', count: 34 - k, firstAgo: 44.8 - k * 1.1, lastAgo: 0.6 + k * 0.3 }),
      ]),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?|faults?)|nothing (wrong|abnormal)|(running|serving) normally|all \d+ (pods|replicas)|\b3\/3\b/i],
      facts: [/3\/3|3 of 3|all (3|three)|3 (pods )?(are )?ready|3 ready/i, /revision 13|4\.6\.1/],
      never: [/(regcred|pull secret)[^\n]*(caus|broke|block|prevent)/i, /ImagePullBackOff|ErrImagePull|(can ?not|can't|unable to) pull/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  xaAgainstPostgresWithoutPreparedTransactions(),
  nginxProxyProtocolWithoutLoadBalancerSupport(),
  djangoCsrfOriginCheckAfterUpgrade(),
  memorySessionsScaledOut(),
  celeryCountdownBeyondVisibilityTimeout(),
  mongoDocumentOver16MegabytesForFewMembers(),
  healthyLeftoverPullSecretWarning(),
];
