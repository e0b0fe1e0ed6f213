// Held-out stories, eighty-third round, part one (written blind):
// 1. billing-api (Spring Boot, HikariCP) crash-loops on "Public Key Retrieval is not allowed": the
//    DBA re-created its MySQL 8 user with caching_sha2_password while the JDBC URL keeps useSSL=false.
// 2. catalog-bff (Node.js) crash-loops since revision 46 on "RangeError: Maximum call stack size
//    exceeded" in a recursive category-tree walk that meets a cyclic parent link.
// 3. cart-svc (Go) panics "assignment to entry in nil map" on the coupon path since revision 19;
//    pods restart now and then while most requests succeed.
// 4. invoice-scheduler: Azure Blob lease leader election stuck on an infinite lease held by a pod that
//    died with its node; every replica gets LeaseAlreadyPresent, no leader, scheduled runs stop.
// 5. shop-web (Laravel) answers 500 with "SQLSTATE[HY000] [2002] No such file or directory" since
//    its ConfigMap set DB_HOST=localhost (unix socket) after MySQL moved to a managed server.
// 6. booking-service (Connector/J 5.1) crash-loops on "The server time zone value 'CEST' is
//    unrecognized" after the DBA changed the MySQL server's time_zone.
// 7. Healthy control: a Java reporting API whose startup log carries the JVM's harmless CDS warning
//    "Sharing is only supported for boot loader classes because bootstrap classpath has been appended".
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, deploymentApp, event, exposed, httpProbe,
  nameOf, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot's console time: `2026-11-21T03:12:41.563Z`. */
const springLine = (m: number, level: string, thread: string, logger: string, msg: string): string =>
  `${at(m)}  ${level.padStart(5)} 1 --- [${thread}] ${logger.padEnd(40)} : ${msg}`;

// ---- 1. MySQL 8 user re-created with caching_sha2_password; client on useSSL=false ---------------

function publicKeyRetrieval(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.64', ['21', '140', '203']);
  const image = (v: string) => `${ECR}/billing/billing-api:${v}`;
  const url = 'jdbc:mysql://billing-db.cluster-cq1x7v2k9z.eu-west-1.rds.amazonaws.com:3306/billing?useSSL=false&serverTimezone=UTC';
  const tpl = (v: string) => ({ containers: [container({ image: image(v), memory: '1Gi', env: [{ name: 'SPRING_DATASOURCE_URL', value: url }, { name: 'SPRING_DATASOURCE_USERNAME', value: 'billing_app' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] });
  const last = { exitCode: 1, finishedAgo: 2.1, ranSeconds: 14 };
  const app = deploymentApp({
    namespace: ns, name: 'billing-api', replicas: 2,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: billing-api 3.8.1', template: tpl('3.8.1') },
      { revision: 58, createdAgo: 4 * DAYS, changeCause: 'argocd: billing-api 3.8.2', template: tpl('3.8.2') },
    ],
    pods: [
      { revision: 58, node: names[0] ?? '', createdAgo: 4 * DAYS, containers: { app: crashLoop(last, 11) } },
      { revision: 58, node: names[1] ?? '', createdAgo: 4 * DAYS - 1, containers: { app: crashLoop({ ...last, finishedAgo: 3.4 }, 11) } },
    ],
  });
  const other = bystander(ns, 'billing-notifier', names, 3 * HOURS, { revisions: [12, 13], versions: ['1.4.0', '1.4.1'], olderAgo: 20 * DAYS });
  const previous = (m: number) => lines(
    `  .   ____          _            __ _ _`,
    springLine(m + 0.25, 'INFO', 'main', 'c.a.billing.BillingApiApplication', 'Starting BillingApiApplication v3.8.2 using Java 17.0.13 with PID 1 (/app/app.jar started by app in /app)'),
    springLine(m + 0.15, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
    springLine(m + 0.15, 'ERROR', 'main', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Exception during pool initialization.'),
    '',
    'java.sql.SQLNonTransientConnectionException: Public Key Retrieval is not allowed',
    '\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:111) ~[mysql-connector-j-8.3.0.jar!/:8.3.0]',
    '\tat com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping.translateException(SQLExceptionsMapping.java:122) ~[mysql-connector-j-8.3.0.jar!/:8.3.0]',
    '\tat com.mysql.cj.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:815) ~[mysql-connector-j-8.3.0.jar!/:8.3.0]',
    '\tat com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:477) ~[HikariCP-5.1.0.jar!/:na]',
    'Caused by: com.mysql.cj.exceptions.UnableToConnectException: Public Key Retrieval is not allowed',
    '\tat com.mysql.cj.protocol.a.authentication.CachingSha2PasswordPlugin.nextAuthenticationStep(CachingSha2PasswordPlugin.java:130) ~[mysql-connector-j-8.3.0.jar!/:8.3.0]',
    '\tat com.mysql.cj.protocol.a.NativeAuthenticationProvider.proceedHandshakeWithPluggableAuthentication(NativeAuthenticationProvider.java:469) ~[mysql-connector-j-8.3.0.jar!/:8.3.0]',
    '\t... 62 common frames omitted',
    springLine(m + 0.05, 'WARN', 'main', 'ConfigServletWebServerApplicationContext', "Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'flywayInitializer'"),
    springLine(m, 'ERROR', 'main', 'o.s.boot.SpringApplication', 'Application run failed'),
  );
  const p0 = podOf(app, 0);
  const p1 = podOf(app, 1);
  return {
    id: 'heldout83-mysql-public-key-retrieval-not-allowed',
    class: 'config',
    truth: 'During a credential rotation 40 minutes ago the DBA dropped and re-created the MySQL 8 user billing_app without specifying a plugin, so it now uses caching_sha2_password (it was mysql_native_password). billing-api connects with useSSL=false and without allowPublicKeyRetrieval, so Connector/J cannot fetch the RSA public key for the full sha2 authentication and refuses with "Public Key Retrieval is not allowed"; Hikari fails at startup and both pods crash-loop. Revision 58 (4 days old) is not the cause. Fix: re-create the user WITH mysql_native_password or connect over TLS (useSSL=true / sslMode=REQUIRED), or as a stopgap set allowPublicKeyRetrieval=true.',
    ask: { service: 'billing-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: app.pods }),
      ...[p0, p1].flatMap((p) => [
        ...restartedAgain(p, 'app', image('3.8.2'), { count: 11, firstAgo: 39, lastAgo: 2.4 }),
        backOff(p, 'app', { count: 140, firstAgo: 38, lastAgo: 0.3 }),
      ]),
      probeFailed(p0, 'app', 'Readiness', 'Get "http://10.0.64.77:8080/actuator/health/readiness": dial tcp 10.0.64.77:8080: connect: connection refused', { count: 6, firstAgo: 2 * DAYS, lastAgo: 2 * DAYS - 1 }),
    ],
    logs: [
      logsFor(p0, 'app', { previous: previous(2.1), current: '' }),
      logsFor(p1, 'app', { previous: previous(3.4), current: '' }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Public Key Retrieval|caching_sha2|allowPublicKeyRetrieval/i],
      facts: [/caching_sha2|allowPublicKeyRetrieval|useSSL|public key/i, /billing_app|MySQL|database user/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /billing-notifier/],
    },
  };
}

// ---- 2. Node.js RangeError: Maximum call stack size exceeded since revision 46 --------------------

function nodeStackOverflow(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.90', ['12', '99', '180']);
  const image = (v: string) => `${ECR}/storefront/catalog-bff:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [3000], memory: '512Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'CATALOG_URL', value: 'http://catalog-api.catalog.svc.cluster.local:8080' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'catalog-bff', replicas: 3,
    revisions: [
      { revision: 45, createdAgo: 6 * DAYS, changeCause: 'argocd: catalog-bff 2.21.0', template: tpl('2.21.0') },
      { revision: 46, createdAgo: 48, changeCause: 'argocd: catalog-bff 2.22.0', template: tpl('2.22.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 46, node: names[k] ?? '', createdAgo: 47 - k, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1 + k, ranSeconds: 9 }, 13 - k) } })),
  });
  const other = bystander(ns, 'cart-ui', names, 5 * HOURS, { revisions: [30, 31], versions: ['5.0.3', '5.0.4'], olderAgo: 12 * DAYS });
  const stack = (m: number, k: number) => lines(
    `{"level":30,"time":${Date.parse(at(m + 0.15))},"pid":1,"hostname":"${nameOf(app.pods[k])}","msg":"catalog-bff 2.22.0 listening on :3000"}`,
    `{"level":30,"time":${Date.parse(at(m + 0.12))},"pid":1,"hostname":"${nameOf(app.pods[k])}","msg":"warming category tree cache"}`,
    '/app/dist/catalog/tree.js:42',
    '    const children = nodes.filter((n) => n.parentId === node.id).map((c) => buildBreadcrumbs(c, nodes, [...trail, node.slug]));',
    '                           ^',
    '',
    'RangeError: Maximum call stack size exceeded',
    '    at Array.filter (<anonymous>)',
    '    at buildBreadcrumbs (/app/dist/catalog/tree.js:42:28)',
    '    at /app/dist/catalog/tree.js:42:78',
    '    at Array.map (<anonymous>)',
    '    at buildBreadcrumbs (/app/dist/catalog/tree.js:42:70)',
    '    at /app/dist/catalog/tree.js:42:78',
    '    at Array.map (<anonymous>)',
    '    at buildBreadcrumbs (/app/dist/catalog/tree.js:42:70)',
    '    at /app/dist/catalog/tree.js:42:78',
    '    at Array.map (<anonymous>)',
    '',
    'Node.js v20.18.1',
  );
  return {
    id: 'heldout83-node-max-call-stack-since-revision',
    class: 'rollout',
    truth: 'catalog-bff 2.22.0 (revision 46, 48 minutes ago) added a recursive buildBreadcrumbs() that walks the category tree at startup to warm its cache; production data holds a category whose parent chain loops (a category re-parented under its own descendant), which staging never had, so the recursion never ends and every pod dies with "RangeError: Maximum call stack size exceeded" seconds after start. Revision 45 did not have the walk. Fix: roll back to revision 45 and give the walk a visited-set / depth guard (and fix the cyclic category).',
    ask: { service: 'catalog-bff', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'catalog-bff', selector: { app: 'catalog-bff' }, pods: app.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 45), 0, 3, 44),
      ...app.pods.flatMap((p, k) => [
        scheduled(p, 47 - k),
        ...restartedAgain(p, 'app', image('2.22.0'), { count: 13 - k, firstAgo: 46.8 - k, lastAgo: 1.2 + k }),
        backOff(p, 'app', { count: 190 - k * 9, firstAgo: 46 - k, lastAgo: 0.2 }),
      ]),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { previous: stack(1 + k, k), current: '' })),
    expect: {
      verdict: 'problems',
      headline: [/Maximum call stack|RangeError|stack overflow|recursion/i],
      facts: [/revision 46|2\.22\.0/, /buildBreadcrumbs|tree\.js|recurs/i],
      never: [/\bOOM/, /cart-ui/, /liveness/i],
    },
  };
}

// ---- 3. Go "assignment to entry in nil map" on the coupon path since revision 19 ------------------

function goNilMap(): CorpusScenario {
  const ns = 'checkout';
  const { nodes, names } = threeEksNodes('10.0.118', ['40', '111', '230']);
  const image = (v: string) => `${ECR}/checkout/cart-svc:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), memory: '256Mi', env: [{ name: 'GOMEMLIMIT', value: '230MiB' }, { name: 'REDIS_ADDR', value: 'cart-redis.checkout.svc.cluster.local:6379' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/healthz', 8080) })] });
  const restarts = [4, 3, 5];
  const app = deploymentApp({
    namespace: ns, name: 'cart-svc', replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 10 * DAYS, changeCause: 'argocd: cart-svc 1.31.2', template: tpl('1.31.2') },
      { revision: 19, createdAgo: 95, changeCause: 'argocd: cart-svc 1.32.0', template: tpl('1.32.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 94 - k, containers: { app: running({ sinceAgo: 6 + k * 7, restarts: restarts[k] ?? 3, last: { exitCode: 2, finishedAgo: 6 + k * 7, ranSeconds: 900 + k * 300 } }) } })),
    settled: { available: true, availableSince: 90, progressingSince: 95, progressingUpdatedAgo: 90 },
  });
  const other = bystander(ns, 'checkout-api', names, 26 * HOURS, { revisions: [70, 71], versions: ['8.2.0', '8.2.1'], olderAgo: 9 * DAYS });
  const req = (m: number, path: string, status: number, ms: number) => `{"time":"${at(m)}","level":"INFO","msg":"request","method":"${path.startsWith('GET') ? 'GET' : 'POST'}","path":"${path.replace(/^(GET|POST) /, '')}","status":${status},"duration_ms":${ms}}`;
  const panic = (m: number, g: number) => lines(
    `{"time":"${at(m + 15)}","level":"INFO","msg":"cart-svc starting","version":"1.32.0","addr":":8080"}`,
    req(m + 3, 'GET /v1/carts/c_81f2a9', 200, 4),
    req(m + 1, 'POST /v1/carts/c_17ab30/items', 201, 9),
    req(m + 0.5, 'GET /v1/carts/c_5502ee', 200, 3),
    `{"time":"${at(m + 0.01)}","level":"INFO","msg":"applying coupon","cart":"c_9d21f0","code":"WINTER15"}`,
    'panic: assignment to entry in nil map',
    '',
    `goroutine ${g} [running]:`,
    'github.com/acme/cart-svc/internal/pricing.(*Engine).ApplyCoupon(0xc0001a4000, 0xc00042e0c0, {0xc0003b8a20, 0x8})',
    '\t/src/internal/pricing/coupons.go:87 +0x2b4',
    'github.com/acme/cart-svc/internal/api.(*Handler).postCoupon.func1()',
    '\t/src/internal/api/coupons.go:44 +0x6c',
    `created by github.com/acme/cart-svc/internal/api.(*Handler).postCoupon in goroutine ${g - 3}`,
    '\t/src/internal/api/coupons.go:39 +0x1a5',
  );
  const current = (k: number) => lines(
    `{"time":"${at(6 + k * 7 - 0.05)}","level":"INFO","msg":"cart-svc starting","version":"1.32.0","addr":":8080"}`,
    req(3.1, 'GET /v1/carts/c_44e1d0', 200, 5),
    req(1.2, 'POST /v1/carts/c_0a9b71/items', 201, 8),
    req(0.3, 'GET /v1/carts/c_b7730c', 200, 3),
  );
  return {
    id: 'heldout83-go-nil-map-panic-coupon-path',
    class: 'rollout',
    truth: 'cart-svc 1.32.0 (revision 19, 95 minutes ago) refactored coupon pricing: Engine.ApplyCoupon writes into a per-cart discounts map that is only initialised on the loyalty path, so the first coupon applied to a cart without loyalty data panics with "assignment to entry in nil map" (coupons.go:87) and net/http does not recover it because it happens in a goroutine the handler spawns (coupons.go:39), killing the process (exit 2). Ordinary cart requests succeed, so pods are Running and Ready but restart every few minutes, dropping in-flight requests. Fix: roll back to revision 18 and initialise the map (make(map[string]Money)) in 1.32.1.',
    ask: { service: 'cart-svc', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'cart-svc', selector: { app: 'cart-svc' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 3, 90),
      ...app.pods.flatMap((p, k) => [
        scheduled(p, 94 - k),
        ...restartedAgain(p, 'app', image('1.32.0'), { count: (restarts[k] ?? 3) + 1, firstAgo: 93.8 - k, lastAgo: 6 + k * 7 }),
      ]),
      probeFailed(podOf(app, 0), 'app', 'Readiness', 'Get "http://10.0.118.52:8080/readyz": dial tcp 10.0.118.52:8080: connect: connection refused', { count: 2, firstAgo: 6, lastAgo: 6 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { previous: panic(6 + k * 7, 4211 + k * 977), current: current(k) })),
    expect: {
      verdict: 'problems',
      headline: [/nil map/i],
      facts: [/revision 19|1\.32\.0/, /coupon|ApplyCoupon|coupons\.go/i],
      never: [/\bOOM/, /checkout-api/, /liveness probe/i],
    },
  };
}

// ---- 4. Azure Blob lease leader election: an infinite lease held by a dead instance ---------------

function blobLeaseStuck(): CorpusScenario {
  const ns = 'invoicing';
  const { nodes, names } = threeEksNodes('10.0.150', ['14', '98', '201']);
  const image = `${ECR}/invoicing/invoice-scheduler:4.6.0`;
  const cm = configMap({ namespace: ns, name: 'invoice-scheduler-config', createdAgo: 60 * DAYS, updatedAgo: 14 * DAYS, data: { LEADER_LEASE_CONTAINER: 'leader-election', LEADER_LEASE_BLOB: 'invoice-scheduler.lock', LEADER_LEASE_DURATION_SECONDS: '-1', LEADER_RETRY_SECONDS: '15', AZURE_STORAGE_ACCOUNT: 'stinvoicingprodweu' } });
  const tpl = { containers: [container({ image, envFrom: [{ configMapRef: { name: 'invoice-scheduler-config' } }], memory: '384Mi', readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080) })] };
  const app = deploymentApp({
    namespace: ns, name: 'invoice-scheduler', replicas: 3,
    revisions: [{ revision: 9, createdAgo: 14 * DAYS, changeCause: 'argocd: invoice-scheduler 4.6.0 lease via blob', template: tpl }],
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 14 * DAYS },
      { revision: 9, node: names[1] ?? '', createdAgo: 14 * DAYS - 1 },
      { revision: 9, node: names[2] ?? '', createdAgo: 2 * HOURS + 30 },
    ],
    settled: { available: true, availableSince: 14 * DAYS - 2, progressingSince: 14 * DAYS, progressingUpdatedAgo: 14 * DAYS - 2 },
  });
  const other = bystander(ns, 'invoice-api', names, 2 * DAYS, { revisions: [40, 41], versions: ['6.1.0', '6.1.1'], olderAgo: 15 * DAYS });
  const deadPod = 'invoice-scheduler-6f8b9c7d54-q2xkd';
  const fresh = podOf(app, 2);
  // .NET console logger (Microsoft.Extensions.Logging, single line).
  const follower = (k: number) => {
    const out: string[] = [];
    if (k === 2) {
      out.push(`${at(2 * HOURS + 29)} info: Invoicing.Scheduler.Program[0] invoice-scheduler 4.6.0 starting, instance ${nameOf(fresh)}`);
    } else {
      out.push(`${at(2 * HOURS + 32)} info: Invoicing.Scheduler.LeaderElection.BlobLeaseElector[0] Following; leader is ${deadPod}`);
    }
    for (let i = 0; i < 10; i++) {
      const t = 2 * HOURS + 25 - i * 16 - k * 0.2;
      out.push(`${at(t)} warn: Invoicing.Scheduler.LeaderElection.BlobLeaseElector[0] Could not acquire lease on leader-election/invoice-scheduler.lock: Status: 409 (There is already a lease present.) ErrorCode: LeaseAlreadyPresent. Lease state=leased, duration=infinite, holder=${deadPod}. Retrying in 15s.`);
      if (i % 3 === 0) out.push(`${at(t - 0.01)} info: Invoicing.Scheduler.Jobs.JobRunner[0] Not the leader; skipping due job "issue-invoices" (cron 0 */1 * * *)`);
    }
    out.push(`${at(0.2)} warn: Invoicing.Scheduler.LeaderElection.BlobLeaseElector[0] Could not acquire lease on leader-election/invoice-scheduler.lock: Status: 409 (There is already a lease present.) ErrorCode: LeaseAlreadyPresent. Lease state=leased, duration=infinite, holder=${deadPod}. Retrying in 15s.`);
    return lines(...out);
  };
  return {
    id: 'heldout83-azure-blob-lease-infinite-dead-holder',
    class: 'config',
    truth: 'invoice-scheduler elects its leader by taking a lease on the blob leader-election/invoice-scheduler.lock, with LEADER_LEASE_DURATION_SECONDS=-1 (an infinite lease) set when leasing moved to Blob storage two weeks ago. 2.5 hours ago the leader pod invoice-scheduler-6f8b9c7d54-q2xkd died with its node without releasing the lease; an infinite lease never expires, so every replica (including its replacement) gets 409 LeaseAlreadyPresent forever, no replica is leader, and the hourly issue-invoices job has not run since. All pods are Running and Ready. Fix: break the lease (az storage blob lease break), and use a finite lease (15–60 s) that the leader renews.',
    ask: { service: 'invoice-scheduler', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'invoice-scheduler', selector: { app: 'invoice-scheduler' }, pods: app.pods }),
      scheduled(fresh, 2 * HOURS + 30),
      ...restartedAgain(fresh, 'app', image, { count: 1, firstAgo: 2 * HOURS + 29.5, lastAgo: 2 * HOURS + 29.5 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: follower(k) })),
    expect: {
      verdict: 'problems',
      headline: [/LeaseAlreadyPresent|lease/i],
      facts: [/infinite|-1/, /leader/i, /q2xkd|issue-invoices|skipping/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i],
    },
  };
}

// ---- 5. Laravel SQLSTATE[HY000] [2002] since DB_HOST=localhost ----------------------------------

function phpLocalhostSocket(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.33', ['17', '128', '244']);
  const image = `${ECR}/shop/shop-web:2025.11.3`;
  const cm = configMap({ namespace: ns, name: 'shop-web-env', createdAgo: 200 * DAYS, updatedAgo: 34, data: { APP_ENV: 'production', DB_CONNECTION: 'mysql', DB_HOST: 'localhost', DB_PORT: '3306', DB_DATABASE: 'shop', DB_USERNAME: 'shop', CACHE_DRIVER: 'redis', REDIS_HOST: 'shop-redis' } });
  const tpl = { containers: [container({ image, ports: [80], envFrom: [{ configMapRef: { name: 'shop-web-env' } }], memory: '512Mi', readiness: httpProbe('/health', 80, { timeoutSeconds: 3 }), liveness: httpProbe('/ping', 80) })] };
  const app = deploymentApp({
    namespace: ns, name: 'shop-web', replicas: 3,
    revisions: [{ revision: 88, createdAgo: 3 * DAYS, changeCause: 'argocd: shop-web 2025.11.3', template: tpl }],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 32 - k * 0.5, containers: { app: running({ sinceAgo: 31.8 - k * 0.5, ready: false }) } })),
  });
  const other = bystander(ns, 'shop-worker', names, 3 * DAYS, { revisions: [51, 52], versions: ['2025.11.2', '2025.11.3'], olderAgo: 9 * DAYS });
  const lar = (m: number, msg: string) => `[${at(m).slice(0, 19).replace('T', ' ')}] production.ERROR: ${msg}`;
  const log = (k: number) => {
    const out: string[] = [`[${at(31.7 - k * 0.5).slice(0, 19).replace('T', ' ')}] NOTICE: fpm is running, pid 1`, `[${at(31.7 - k * 0.5).slice(0, 19).replace('T', ' ')}] NOTICE: ready to handle connections`];
    for (let i = 0; i < 8; i++) {
      const t = 30 - i * 3.8 - k * 0.3;
      out.push(lar(t, 'SQLSTATE[HY000] [2002] No such file or directory (Connection: mysql, SQL: select * from `sessions` where `id` = 9QnZc1yRk3 limit 1) {"exception":"[object] (Illuminate\\\\Database\\\\QueryException(code: 2002): SQLSTATE[HY000] [2002] No such file or directory (Connection: mysql, SQL: select * from `sessions` where `id` = 9QnZc1yRk3 limit 1) at /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php:825)'));
      out.push('[previous exception] [object] (PDOException(code: 2002): SQLSTATE[HY000] [2002] No such file or directory at /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connectors/Connector.php:65)');
      out.push(`10.0.33.${17 + k} -  ${at(t).slice(0, 19)} "GET /health" 500`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout83-php-db-host-localhost-socket',
    class: 'config',
    truth: 'shop-web\'s MySQL used to run as a sidecar in the pod, reached as 127.0.0.1. When the database moved to a managed MySQL server, a config change 34 minutes ago set DB_HOST=localhost in the shop-web-env ConfigMap (the new host was meant to go there) and the pods were restarted. PHP\'s mysqlnd treats "localhost" as a Unix socket, not TCP, and there is no socket in the container, so every query fails with "SQLSTATE[HY000] [2002] No such file or directory"; /health returns 500 and no pod is ready. Revision 88 is not the cause. Fix: set DB_HOST to the managed server\'s hostname (TCP) and restart.',
    ask: { service: 'shop-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'shop-web', selector: { app: 'shop-web' }, pods: app.pods, endpointPort: 80 }),
      ...app.pods.flatMap((p, k) => [
        scheduled(p, 32 - k * 0.5),
        ...restartedAgain(p, 'app', image, { count: 1, firstAgo: 31.9 - k * 0.5, lastAgo: 31.9 - k * 0.5 }),
        probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 500', { count: 180 - k * 3, firstAgo: 31.5 - k * 0.5, lastAgo: 0.1 }),
      ]),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/2002|No such file or directory|DB_HOST|localhost/i],
      facts: [lit('DB_HOST'), /localhost/, /socket|shop-web-env/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /shop-worker/],
    },
  };
}

// ---- 6. Connector/J "server time zone value 'CEST' is unrecognized" ------------------------------

function mysqlTimezoneCest(): CorpusScenario {
  const ns = 'bookings';
  const { nodes, names } = threeEksNodes('10.0.201', ['9', '87', '166']);
  const image = `${ECR}/bookings/booking-service:7.3.4`;
  const tpl = { containers: [container({ image, memory: '768Mi', env: [{ name: 'DB_URL', value: 'jdbc:mysql://mysql-bookings.db.acme.internal:3306/bookings?useSSL=true' }, { name: 'DB_USER', value: 'booking' }], readiness: httpProbe('/status', 8080), liveness: httpProbe('/status', 8080, { initialDelaySeconds: 45 }) })] };
  const app = deploymentApp({
    namespace: ns, name: 'booking-service', replicas: 2,
    revisions: [{ revision: 23, createdAgo: 21 * DAYS, changeCause: 'jenkins: booking-service 7.3.4', template: tpl }],
    pods: [0, 1].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 21 * DAYS - k, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.5 + k * 2, ranSeconds: 11 }, 9 + k) } })),
  });
  const other = bystander(ns, 'availability-api', names, 70, { revisions: [14, 15], versions: ['3.0.9', '3.1.0'], olderAgo: 30 * DAYS });
  const log4j = (m: number, level: string, logger: string, msg: string) => `${pyTime(m)} ${level.padEnd(5)} [main] ${logger} - ${msg}`;
  const prev = (m: number) => lines(
    log4j(m + 0.18, 'INFO', 'com.acme.booking.Main', 'booking-service 7.3.4 starting (Jetty 9.4.54, Java 1.8.0_432)'),
    log4j(m + 0.1, 'INFO', 'org.apache.commons.dbcp2.BasicDataSource', 'Creating connection pool for jdbc:mysql://mysql-bookings.db.acme.internal:3306/bookings'),
    log4j(m, 'ERROR', 'com.acme.booking.Main', 'Fatal error during startup'),
    "java.sql.SQLException: The server time zone value 'CEST' is unrecognized or represents more than one time zone. You must configure either the server or JDBC driver (via the serverTimezone configuration property) to use a more specifc time zone value if you want to utilize time zone support.",
    '\tat com.mysql.jdbc.SQLError.createSQLException(SQLError.java:964)',
    '\tat com.mysql.jdbc.SQLError.createSQLException(SQLError.java:897)',
    '\tat com.mysql.jdbc.ConnectionImpl.configureTimezone(ConnectionImpl.java:2236)',
    '\tat com.mysql.jdbc.ConnectionImpl.initializePropsFromServer(ConnectionImpl.java:3443)',
    '\tat com.mysql.jdbc.ConnectionImpl.connectOneTryOnly(ConnectionImpl.java:2445)',
    '\tat com.mysql.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:2215)',
    '\tat org.apache.commons.dbcp2.DriverConnectionFactory.createConnection(DriverConnectionFactory.java:55)',
    '\tat com.acme.booking.db.Database.init(Database.java:48)',
    '\tat com.acme.booking.Main.main(Main.java:61)',
  );
  return {
    id: 'heldout83-connectorj-server-timezone-cest',
    class: 'config',
    truth: 'The DBA moved mysql-bookings to a new host an hour ago and, with it, the server\'s time_zone became SYSTEM on a host set to Europe/Berlin, so MySQL reports its time zone as "CEST". booking-service uses MySQL Connector/J 5.1 with time zone support (useLegacyDatetimeCode=false via its defaults) and no serverTimezone in its URL, so every connection fails with "The server time zone value \'CEST\' is unrecognized or represents more than one time zone" and both pods crash-loop. The service (revision 23, 21 days old) did not change. Fix: set the server back to time_zone=\'+00:00\' (default-time-zone) or add serverTimezone=UTC to the JDBC URL.',
    ask: { service: 'booking-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'booking-service', selector: { app: 'booking-service' }, pods: app.pods }),
      ...app.pods.flatMap((p, k) => [
        ...restartedAgain(p, 'app', image, { count: 9 + k, firstAgo: 52, lastAgo: 1.7 + k * 2 }),
        backOff(p, 'app', { count: 120 + k * 4, firstAgo: 51, lastAgo: 0.3 }),
      ]),
      probeFailed(podOf(app, 1), 'app', 'Liveness', 'Get "http://10.0.201.40:8080/status": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', { count: 3, firstAgo: 26 * HOURS, lastAgo: 26 * HOURS - 1 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { previous: prev(1.5 + k * 2), current: '' })),
    expect: {
      verdict: 'problems',
      headline: [/CEST|server time ?zone|serverTimezone/i],
      facts: [/CEST/, /serverTimezone|time_zone|time zone/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /availability-api/],
    },
  };
}

// ---- 7. Healthy control: a Java API with the JVM's CDS "Sharing is only supported…" warning -------

function healthyCdsWarning(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.7', ['25', '136', '219']);
  const image = (v: string) => `${ECR}/analytics/report-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), memory: '1Gi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Xbootclasspath/a:/opt/agent/apm-bootstrap.jar -XX:MaxRAMPercentage=70' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'report-api', replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 20 * DAYS, changeCause: 'argocd: report-api 2.9.0', template: tpl('2.9.0') },
      { revision: 15, createdAgo: 6 * DAYS, changeCause: 'argocd: report-api 2.9.1', template: tpl('2.9.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 6 * DAYS - k, ...(k === 1 ? { containers: { app: running({ sinceAgo: 4 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 4 * DAYS, ranSeconds: 2 * DAYS * 60 } }) } } : {}) })),
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const other = bystander(ns, 'report-renderer', names, 9 * HOURS, { revisions: [3, 4], versions: ['0.7.2', '0.7.3'], olderAgo: 25 * DAYS });
  const log = (k: number) => lines(
    'Picked up JAVA_TOOL_OPTIONS: -Xbootclasspath/a:/opt/agent/apm-bootstrap.jar -XX:MaxRAMPercentage=70',
    'OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes because bootstrap classpath has been appended',
    springLine((k === 1 ? 4 * DAYS : 6 * DAYS - k) - 0.3, 'INFO', 'main', 'c.a.analytics.ReportApiApplication', 'Started ReportApiApplication in 14.212 seconds (process running for 15.03)'),
    springLine(2.5, 'INFO', 'http-nio-8080-exec-3', 'c.a.analytics.web.ReportController', 'GET /v1/reports/weekly-revenue tenant=acme-eu 200 in 212ms'),
    springLine(0.6, 'INFO', 'http-nio-8080-exec-7', 'c.a.analytics.web.ReportController', 'GET /v1/reports/daily-active tenant=acme-us 200 in 88ms'),
  );
  return {
    id: 'heldout83-healthy-jvm-cds-sharing-warning',
    class: 'healthy',
    truth: 'report-api is healthy: three revision-15 pods Running and Ready for six days, serving reports. Each JVM prints "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes because bootstrap classpath has been appended" at startup, a harmless class-data-sharing notice caused by the APM agent on -Xbootclasspath/a. One pod restarted once four days ago (exit 143 during a node drain), long settled. Nothing to fix.',
    ask: { service: 'report-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: app.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|ready|running/i],
      facts: [/report-api/],
      never: [/crash ?loop/i, ADVISES_ROLLBACK, /\bOOM/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  publicKeyRetrieval(),
  nodeStackOverflow(),
  goNilMap(),
  blobLeaseStuck(),
  phpLocalhostSocket(),
  mysqlTimezoneCest(),
  healthyCdsWarning(),
];
