// Held-out stories, seventeenth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
//
// A framework upgrade whose server now listens on 127.0.0.1 (the kubelet's probes to the pod IP are
// refused), an nginx image made to run as user 10001 that still binds port 80, a cloud-sql-proxy
// sidecar pointed at an instance that does not exist (the app container runs and is refused on
// 127.0.0.1:5432), a Helm chart that dropped `role` from the Postgres read-write Service's selector
// (writes land on the replica), an Elasticsearch data node past its flood-stage watermark (the
// indexer's bulk writes blocked), a CronJob edited with the time zone "Europe/Frankfurt", a new
// LoadBalancer Service the cloud cannot find subnets for, then (part2.ts) a VPA in Auto mode
// evicting a cache-warming service, a Go binary needing GLIBC_2.34, a workingDir the new image lacks,
// an exec liveness probe timing out on a slow broker, an ExternalSecret that stopped syncing before
// the API key was revoked, and two healthy controls (an HPA scale-up, a StatefulSet beside its
// completed backup Job).
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, boundClaim, container, cronJob, cronJobEvent, deploymentApp, epochMs, event,
  execProbe, exposed, httpProbe, jobEvent, nameOf, probeFailed, probeKilling, pulledFresh, pyTime, restartedAgain, rsOf,
  running, crashLoop, scaledReplicaSet, startedNormally, statefulSetApp, tcpProbe, terminated,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, ipOfPod, lit, logsFor, podOf, threeEksNodes, bystander as heldOutBystander } from '../kit/held-out.js';
import type { Built, KubeJson } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';
import { PART_TWO, acr, aksNodes, date, deploymentOf, gar, gkeNodes, lines, sideApp, spring, zonalClaim } from './part2.js';

/** This round's EKS bystander: a healthy Deployment of the namespace that rolled out recently. */
const bystander = (ns: string, name: string, names: readonly string[], rolledAgo: number): Built =>
  heldOutBystander(ns, name, names, rolledAgo, { revisions: [30, 31], versions: ['2.2.0', '2.3.0'], olderAgo: 10 * DAYS });

/** pino's JSON line. */
const pino = (t: number, hostname: string, msg: string, o: Record<string, unknown> = {}): string =>
  JSON.stringify({ level: 30, time: epochMs(t), pid: 1, hostname, ...o, msg });

// ---- 1. the framework upgrade's server listens on 127.0.0.1: the kubelet's probes are refused ----------------

function listensOnLoopback(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = gkeNodes('prod-euw1', 'default-pool', ['6c1d2e0a-4h7k', '6c1d2e0a-q9zr', 'b83f51c7-m2xd']);
  const image = (v: string) => gar('storefront/catalog-bff', v);
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [8080], memory: '384Mi',
    env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'PORT', value: '8080' }, { name: 'CATALOG_API_URL', value: 'http://catalog-api.storefront.svc' }],
    readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-bff',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: catalog-bff 6.14.2', template: tpl('6.14.2') },
      { revision: 58, createdAgo: 34, changeCause: 'argocd: catalog-bff 7.0.0 (@acme/http-kit 4 -> 5)', template: tpl('7.0.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 58, node: names[0] ?? '', createdAgo: 33.5, containers: { app: crashLoop({ exitCode: 143, finishedAgo: 1.3, ranSeconds: 41 }, 9) } },
      { revision: 58, node: names[2] ?? '', createdAgo: 33.5, containers: { app: running({ sinceAgo: 0.4, ready: false, restarts: 9, last: { exitCode: 143, finishedAgo: 0.45, ranSeconds: 41 } }) } },
    ],
  });
  const fresh = [podOf(app, 3), podOf(app, 4)];
  const refused = (p: k8s.V1Pod, path: string) => `Get "http://${ipOfPod(p)}:8080${path}": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`;
  const boot = (p: k8s.V1Pod, t: number) => [
    pino(t, nameOf(p), 'catalog-bff 7.0.0 starting (node v22.11.0, @acme/http-kit 5.0.1)'),
    pino(t - 0.02, nameOf(p), 'connected to redis', { url: 'redis://catalog-cache.storefront.svc:6379' }),
    pino(t - 0.03, nameOf(p), 'Listening on http://127.0.0.1:8080'),
  ];
  const other = sideApp(ns, 'search-suggest', (v) => gar('storefront/search-suggest', v), names, 22);
  const served = (p: k8s.V1Pod) => lines(
    pino(2, nameOf(p), 'request completed', { req: { method: 'GET', url: '/api/catalog/categories/shoes' }, res: { statusCode: 200 }, responseTime: 38 }),
    pino(1, nameOf(p), 'request completed', { req: { method: 'GET', url: '/api/catalog/products/sku-88213' }, res: { statusCode: 200 }, responseTime: 21 }),
  );
  return {
    id: 'heldout17-listen-address-loopback-probes-refused',
    class: 'probes',
    truth: 'Revision 58 (catalog-bff 7.0.0, 34 minutes ago) upgraded the in-house HTTP framework @acme/http-kit from 4 to 5, whose default HOST changed from 0.0.0.0 to 127.0.0.1 ("secure by default"). The new pods log "Listening on http://127.0.0.1:8080": the server only accepts connections on the pod\'s loopback, so the kubelet\'s probes to the pod IP are refused ("dial tcp 10.x.x.x:8080: connect: connection refused"): readiness never passes and the liveness probe kills each container after ~40 s (exit 143), restarts and back-off. The port is right, the app is fine otherwise. maxUnavailable 1 lets the three revision-57 pods serve; the rollout is stuck. Fix: set HOST=0.0.0.0 (or the listen option) in 7.0.x, or roll back to revision 57.',
    ask: { service: 'catalog-bff' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'catalog-bff', selector: { app: 'catalog-bff' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'search-suggest', selector: { app: 'search-suggest' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 34),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 3, 4, 34),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 2, 1, 34),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 22),
      ...fresh.flatMap((p, k) => [
        ...pulledFresh(p, 'app', image('7.0.0'), { atAgo: 33.5, bytes: 61210624, seconds: 3.874 }),
        ...restartedAgain(p, 'app', image('7.0.0'), { count: 10, firstAgo: 33.3, lastAgo: k === 0 ? 2 : 0.4 }),
        probeFailed(p, 'app', 'Readiness', refused(p, '/ready'), { count: 131, firstAgo: 33.2 }),
        probeFailed(p, 'app', 'Liveness', refused(p, '/healthz'), { count: 27, firstAgo: 33.1, lastAgo: k === 0 ? 1.35 : 0.5 }),
        probeKilling(p, 'app', 'liveness', { count: 9, firstAgo: 32.8, lastAgo: k === 0 ? 1.3 : 0.45 }),
        backOff(p, 'app', { count: 58, firstAgo: 31, lastAgo: k === 0 ? 0.3 : 0.5 }),
      ]),
    ],
    logs: [
      logsFor(fresh[0], 'app', { previous: lines(...boot(podOf(app, 3), 1.98)), current: lines(...boot(podOf(app, 3), 1.98)) }),
      logsFor(fresh[1], 'app', { previous: lines(...boot(podOf(app, 4), 1.15)), current: lines(...boot(podOf(app, 4), 0.38)) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: served(p) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: served(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/127\.0\.0\.1|loopback|localhost/i, /revision 58/i],
      facts: [/connection refused/, /revision 57|6\.14\.2/, /liveness/i],
      never: [/\bOOM/, /(wrong|mismatch(ed)?) (container ?)?port|port mismatch/i, /search-suggest/, /redis/i],
    },
  };
}

// ---- 2. runAsUser 10001 on an nginx image that binds port 80 ------------------------------------------------

function nonRootBindsPort80(): CorpusScenario {
  const ns = 'web';
  const { nodes, names } = threeEksNodes('10.0.62');
  const image = `${ECR}/web/marketing-site:2026.11.19-2`;
  const tpl = (hardened: boolean) => ({
    containers: [container({
      name: 'nginx', image, ports: [80], cpu: '100m', memory: '128Mi',
      readiness: httpProbe('/', 80), liveness: httpProbe('/nginx-health', 80, { initialDelaySeconds: 5 }),
      volumeMounts: [{ name: 'cache', mountPath: '/var/cache/nginx' }, { name: 'run', mountPath: '/var/run' }],
      ...(hardened ? { securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true } } : {}),
    })],
    volumes: [{ name: 'cache', emptyDir: {} }, { name: 'run', emptyDir: {} }],
    ...(hardened ? { securityContext: { runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } } } : {}),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'marketing-site',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 2 * DAYS, changeCause: 'helm: marketing-site chart 2.3.4 (content 2026.11.19-2)', template: tpl(false) },
      { revision: 23, createdAgo: 41, changeCause: 'helm: marketing-site chart 2.4.0 (podSecurityContext: restricted profile)', template: tpl(true) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 2 * DAYS - k })),
      { revision: 23, node: names[1] ?? '', createdAgo: 40.5, containers: { nginx: crashLoop({ exitCode: 1, finishedAgo: 3.4, ranSeconds: 0 }, 13) } },
    ],
  });
  const fresh = podOf(app, 3);
  const ngx = (t: number) => at(t).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
  const crash = (t: number) => lines(
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${ngx(t)} [warn] 1#1: the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:2`,
    'nginx: [warn] the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:2',
    `${ngx(t)} [emerg] 1#1: bind() to 0.0.0.0:80 failed (13: Permission denied)`,
    'nginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)',
  );
  const access = (p: k8s.V1Pod) => lines(
    `10.0.62.${nameOf(p).length} - - [${at(2).slice(0, 19)}] "GET /pricing HTTP/1.1" 200 18231 "-" "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15"`,
    `10.0.62.${nameOf(p).length + 1} - - [${at(1).slice(0, 19)}] "GET /nginx-health HTTP/1.1" 200 2 "-" "kube-probe/1.31+"`,
  );
  const other = bystander(ns, 'newsletter-signup', names, 18);
  return {
    id: 'heldout17-nonroot-nginx-bind-port-80-denied',
    class: 'config',
    truth: 'Revision 23 (chart 2.4.0, 41 minutes ago) applied the restricted pod security profile to marketing-site: runAsNonRoot, runAsUser/runAsGroup 10001, capabilities drop ALL, read-only root filesystem, with the same image. nginx in that image still listens on port 80; as user 10001 without NET_BIND_SERVICE (and with containerd 1.7 not lowering ip_unprivileged_port_start) it cannot bind a port below 1024: "bind() to 0.0.0.0:80 failed (13: Permission denied)", exit 1 immediately, CrashLoopBackOff. The "can not modify default.conf (read-only file system?)" line is the entrypoint\'s harmless info message. The three revision-22 pods keep serving; the rollout is stuck. Fix: make nginx listen on 8080 (containerPort, probes and Service targetPort with it), or roll back to revision 22 until then.',
    ask: { service: 'marketing-site' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'marketing-site', selector: { app: 'marketing-site' }, pods: app.pods, endpointPort: 80 }),
      ...exposed({ namespace: ns, name: 'newsletter-signup', selector: { app: 'newsletter-signup' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 0, 41),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 18),
      ...startedNormally(fresh, 'nginx', image, 40.5),
      ...restartedAgain(fresh, 'nginx', image, { count: 13, firstAgo: 40.4, lastAgo: 3.4 }),
      backOff(fresh, 'nginx', { count: 176, firstAgo: 40.3 }),
    ],
    logs: [
      logsFor(fresh, 'nginx', { previous: crash(3.4), current: crash(3.4) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'nginx', { current: access(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\b80\b/, /non-?root|runAsUser|runAsNonRoot|10001|unprivileged|privileged port/i],
      facts: [/Permission denied/, /revision 23/, /exit(ed)?( with)?( code)? 1\b|exit code:? 1\b/i],
      never: [/\bOOM/, /read-only (root )?file ?system (is|as) the cause|(fails?|crash(es|ing)?|exits?) (because|due to)[^\n]*read-only/i, /ImagePull/i, /newsletter-signup/],
    },
  };
}

// ---- 3. the cloud-sql-proxy sidecar points at an instance that does not exist --------------------------------------

function cloudSqlProxyWrongInstance(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = gkeNodes('prod-euw1', 'apps-pool', ['0f3b9c77-7gzd', '0f3b9c77-vc2m', '9a8e21d4-n4qp']);
  const image = (v: string) => gar('orders/orders-api', v);
  const proxyImage = 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1';
  const instanceOld = 'acme-prod-eu:europe-west1:orders-pg15';
  const instanceNew = 'acme-prod-eu:europe-west1:orders-pg-16';
  const tpl = (v: string, instance: string) => ({
    serviceAccountName: 'orders-api',
    containers: [
      container({
        image: image(v), ports: [8080], memory: '1536Mi',
        env: [
          { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://127.0.0.1:5432/orders' },
          { name: 'SPRING_DATASOURCE_HIKARI_INITIALIZATIONFAILTIMEOUT', value: '-1' },
          { name: 'SPRING_DATASOURCE_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-api-db', key: 'password' } } },
        ],
        readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
      }),
      container({
        name: 'cloud-sql-proxy', image: proxyImage, ports: [{ name: 'health', containerPort: 9090 }], cpu: '100m', memory: '128Mi',
        args: ['--structured-logs', '--port=5432', '--private-ip', '--health-check', '--http-address=0.0.0.0', '--http-port=9090'],
        env: [{ name: 'CSQL_PROXY_INSTANCE_CONNECTION_NAME', value: instance }],
        readiness: httpProbe('/readiness', 9090), liveness: httpProbe('/liveness', 9090, { initialDelaySeconds: 10 }),
        securityContext: { runAsNonRoot: true },
      }),
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 112, createdAgo: 6 * DAYS, changeCause: 'argocd: orders-api 5.21.3', template: tpl('5.21.3', instanceOld) },
      { revision: 113, createdAgo: 27, changeCause: 'argocd: orders-api 5.22.0 (db cutover to Postgres 16 instance)', template: tpl('5.22.0', instanceNew) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 112, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 113, node: names[1] ?? '', createdAgo: 26.5, containers: { app: running({ sinceAgo: 26.3, ready: true }), 'cloud-sql-proxy': crashLoop({ exitCode: 1, finishedAgo: 1.7, ranSeconds: 1 }, 10) } },
    ],
  });
  const fresh = podOf(app, 3);
  const csql = (t: number, severity: string, message: string) => JSON.stringify({ severity, timestamp: at(t), message });
  const proxyCrash = (t: number) => lines(
    csql(t + 0.02, 'INFO', 'Authorizing with Application Default Credentials'),
    csql(t, 'ERROR', `The proxy has encountered a terminal error: unable to start: errors parsing config: googleapi: Error 404: The Cloud SQL instance does not exist., instanceDoesNotExist`),
  );
  const refused = 'org.postgresql.util.PSQLException: Connection to 127.0.0.1:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.';
  const appLog = lines(
    spring(26.2, 'INFO', 'orders-api', 'main', 'com.acme.orders.OrdersApplication', 'Starting OrdersApplication v5.22.0 using Java 21.0.5 with PID 1'),
    spring(26.0, 'INFO', 'orders-api', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
    spring(25.9, 'WARN', 'orders-api', 'main', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Exception during pool initialization (initializationFailTimeout=-1, continuing).'),
    spring(25.4, 'INFO', 'orders-api', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
    spring(25.4, 'INFO', 'orders-api', 'main', 'com.acme.orders.OrdersApplication', 'Started OrdersApplication in 48.1 seconds (process running for 49.3)'),
    spring(0.6, 'ERROR', 'orders-api', 'scheduling-1', 'com.acme.orders.outbox.OutboxRelay', 'outbox relay failed: org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection'),
    refused,
    '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:352)',
    '\tat org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54)',
    '\tat com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:361)',
    'Caused by: java.net.ConnectException: Connection refused',
    '\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)',
    spring(0.1, 'WARN', 'orders-api', 'l-1 connection adder', 'com.zaxxer.hikari.pool.HikariPool', `HikariPool-1 - Pool is empty, failed to create/setup connection (${refused.slice(32, 74)})`),
  );
  const fp = 'spec.containers{cloud-sql-proxy}';
  const other = sideApp(ns, 'order-notifications', (v) => gar('orders/order-notifications', v), names, 44);
  return {
    id: 'heldout17-cloud-sql-proxy-instance-does-not-exist',
    class: 'containers',
    truth: `Revision 113 (orders-api 5.22.0, 27 minutes ago) changed the cloud-sql-proxy sidecar's CSQL_PROXY_INSTANCE_CONNECTION_NAME from ${instanceOld} to ${instanceNew} for the Postgres 16 cutover; the new instance is named orders-pg16, so the proxy gets "Error 404: The Cloud SQL instance does not exist., instanceDoesNotExist" at startup, exits 1 and crash-loops. The app container in the same pod is Running (it tolerates a missing database at boot) and logs "Connection to 127.0.0.1:5432 refused" because nothing listens there: the sidecar is the mechanism, not the database or the app. The pod never becomes Ready; maxUnavailable 0 keeps the three revision-112 pods serving and the rollout is stuck. Fix: correct the connection name to acme-prod-eu:europe-west1:orders-pg16 (or roll back to revision 112).`,
    ask: { service: 'orders-api' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'order-notifications', selector: { app: 'order-notifications' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 113), 1, 0, 27),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 44),
      ...startedNormally(fresh, 'app', image('5.22.0'), 26.5),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Container image "${proxyImage}" already present on machine`, count: 11, firstAgo: 26.4, lastAgo: 1.75, fieldPath: fp }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container cloud-sql-proxy', count: 11, firstAgo: 26.4, lastAgo: 1.75, fieldPath: fp }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container cloud-sql-proxy', count: 11, firstAgo: 26.4, lastAgo: 1.75, fieldPath: fp }),
      backOff(fresh, 'cloud-sql-proxy', { count: 119, firstAgo: 26.2 }),
    ],
    logs: [
      logsFor(fresh, 'cloud-sql-proxy', { previous: proxyCrash(1.7), current: proxyCrash(1.7) }),
      logsFor(fresh, 'app', { current: appLog }),
      ...app.pods.slice(0, 3).flatMap((p) => [
        logsFor(p, 'app', { current: lines(spring(1, 'INFO', 'orders-api', 'nio-8080-exec-4', 'com.acme.orders.web.AccessLog', 'POST /v2/orders 201 44ms'), spring(0.5, 'INFO', 'orders-api', 'scheduling-1', 'com.acme.orders.outbox.OutboxRelay', 'relayed 12 outbox events')) }),
        logsFor(p, 'cloud-sql-proxy', { current: lines(csql(6 * DAYS, 'INFO', `[${instanceOld}] Listening on 127.0.0.1:5432`), csql(6 * DAYS, 'INFO', 'The proxy has started successfully and is ready for new connections!')) }),
      ]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/cloud-sql-proxy/i, /orders-pg-16|instance/i],
      facts: [/does not exist|instanceDoesNotExist|404/i, lit('orders-pg-16'), /revision 113/, /127\.0\.0\.1:5432|5432/],
      never: [/\bOOM/, /(postgres(ql)?|cloud sql|database)( server| instance)? (is )?(down|outage)/i, /order-notifications/, /container app[^\n]*crash/i],
    },
  };
}

// ---- 4. the chart dropped `role` from the read-write Service's selector: writes hit the replica -------------------

function pgServiceSelectsReplica(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.76');
  const pgImage = `${ECR}/platform/postgres-patroni:16.4-p4.0.3`;
  const sts = statefulSetApp({
    namespace: ns,
    name: 'ledger-pg',
    replicas: 2,
    selector: { app: 'ledger-pg', 'cluster-name': 'ledger-pg' },
    podManagementPolicy: 'Parallel',
    volumeClaimTemplates: [{ name: 'pgdata', storage: '500Gi' }],
    revisions: [{ revision: 6, createdAgo: 30 * DAYS, template: { serviceAccountName: 'ledger-pg', containers: [container({
      name: 'postgres', image: pgImage, cpu: '2', memory: '8Gi',
      ports: [{ name: 'postgresql', containerPort: 5432 }, { name: 'patroni', containerPort: 8008 }],
      readiness: httpProbe('/readiness', 8008), liveness: httpProbe('/liveness', 8008, { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'pgdata', mountPath: '/home/postgres/pgdata' }],
    })] } }],
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 30 * DAYS },
      { revision: 6, ordinal: 1, node: names[1] ?? '', createdAgo: 30 * DAYS },
    ],
  });
  // Patroni labels the pods with their role.
  const [primary, replica] = [podOf(sts, 0), podOf(sts, 1)];
  primary.metadata = { ...primary.metadata, labels: { ...primary.metadata?.labels, role: 'primary' } };
  replica.metadata = { ...replica.metadata, labels: { ...replica.metadata?.labels, role: 'replica' } };
  const claims = [0, 1].flatMap((k) => boundClaim({ namespace: ns, name: `pgdata-ledger-pg-${k}`, storage: '500Gi', zone: k === 0 ? 'eu-west-1a' : 'eu-west-1b', createdAgo: 30 * DAYS }));
  const pgPort = [{ name: 'postgresql', port: 5432, targetPort: 5432 }];
  const helmMeta = (svc: k8s.V1Service, changedAgo: number): void => {
    svc.metadata = {
      ...svc.metadata,
      labels: { app: 'ledger-pg', 'cluster-name': 'ledger-pg', 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'ledger-pg-3.0.0' },
      annotations: { 'meta.helm.sh/release-name': 'ledger-pg', 'meta.helm.sh/release-namespace': ns },
      managedFields: [{ manager: 'helm', operation: 'Update', apiVersion: 'v1', time: date(changedAgo), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': {}, 'f:spec': { 'f:selector': {} } } }],
    };
  };
  const [rw, rwSlice] = exposed({ namespace: ns, name: 'ledger-pg-rw', selector: { app: 'ledger-pg', 'cluster-name': 'ledger-pg' }, pods: sts.pods, ports: pgPort, endpointPort: 5432, createdAgo: 30 * DAYS });
  const [ro, roSlice] = exposed({ namespace: ns, name: 'ledger-pg-ro', selector: { app: 'ledger-pg', 'cluster-name': 'ledger-pg', role: 'replica' }, pods: sts.pods, ports: pgPort, endpointPort: 5432, createdAgo: 30 * DAYS });
  helmMeta(rw as k8s.V1Service, 118);
  helmMeta(ro as k8s.V1Service, 118);
  const image = `${ECR}/ledger/ledger-api:4.2.1`;
  const app = deploymentApp({
    namespace: ns,
    name: 'ledger-api',
    replicas: 3,
    revisions: [
      { revision: 30, createdAgo: 8 * DAYS, changeCause: 'argocd: ledger-api 4.2.0', template: { containers: [container({ image: `${ECR}/ledger/ledger-api:4.2.0`, ports: [8080] })] } },
      { revision: 31, createdAgo: 6 * HOURS, changeCause: 'argocd: ledger-api 4.2.1', template: { containers: [container({
        image, ports: [8080], memory: '512Mi',
        env: [
          { name: 'PGHOST', value: 'ledger-pg-rw.ledger.svc.cluster.local' }, { name: 'PGPORT', value: '5432' }, { name: 'PGDATABASE', value: 'ledger' },
          { name: 'PGUSER', value: 'ledger_api' }, { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'ledger-api-db', key: 'password' } } },
          { name: 'PGHOST_RO', value: 'ledger-pg-ro.ledger.svc.cluster.local' },
        ],
      })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 6 * HOURS - k })),
  });
  const slog = (t: number, level: string, msg: string, o: Record<string, unknown> = {}) => JSON.stringify({ time: at(t), level, msg, ...o });
  const apiLog = (p: k8s.V1Pod, k: number) => lines(
    slog(4.1, 'INFO', 'request', { method: 'POST', path: '/v1/journal-entries', status: 201, dur_ms: 17 }),
    slog(3.6, 'ERROR', 'post journal entry failed', { request_id: `${nameOf(p).slice(-5)}-a1`, err: 'insert journal_entries: ERROR: cannot execute INSERT in a read-only transaction (SQLSTATE 25006)' }),
    slog(3.6, 'INFO', 'request', { method: 'POST', path: '/v1/journal-entries', status: 500, dur_ms: 4 }),
    slog(2.9, 'INFO', 'request', { method: 'GET', path: '/v1/accounts/acc_7731/balance', status: 200, dur_ms: 6 }),
    slog(2.2, 'INFO', 'request', { method: 'POST', path: '/v1/journal-entries', status: 201, dur_ms: 15 + k }),
    slog(1.4, 'ERROR', 'post journal entry failed', { request_id: `${nameOf(p).slice(-5)}-b7`, err: 'update account_balances: ERROR: cannot execute UPDATE in a read-only transaction (SQLSTATE 25006)' }),
    slog(1.4, 'INFO', 'request', { method: 'POST', path: '/v1/journal-entries', status: 500, dur_ms: 5 }),
    slog(0.6, 'INFO', 'request', { method: 'POST', path: '/v1/journal-entries', status: 201, dur_ms: 19 }),
  );
  const pgTime = (t: number) => at(t).replace('T', ' ').replace('Z', ' UTC');
  const other = bystander(ns, 'ledger-reports', names, 50);
  return {
    id: 'heldout17-postgres-rw-service-selects-replica',
    class: 'network',
    truth: 'The ledger-pg Helm chart was upgraded to 3.0.0 118 minutes ago; its template refactor built the ledger-pg-rw Service\'s selector from the common labels only, dropping role: primary. The read-write Service now selects both Patroni pods, the primary ledger-pg-0 and the streaming replica ledger-pg-1 (its EndpointSlice lists both), so about half of ledger-api\'s new connections land on the replica and every write on them fails with "ERROR: cannot execute INSERT in a read-only transaction (SQLSTATE 25006)" (500 on POST /v1/journal-entries), while all pods are Running and Ready. No failover happened (Patroni: ledger-pg-0 leader), ledger-api revision 31 (6 hours ago) predates the errors, the replica is healthy. Fix: put role: primary back into ledger-pg-rw\'s selector (fix the chart), then recycle the app\'s connection pools.',
    ask: { service: 'ledger-api', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, ...app.objects, ...other.objects,
      rw as KubeJson, rwSlice as KubeJson, ro as KubeJson, roSlice as KubeJson,
      ...exposed({ namespace: ns, name: 'ledger-pg', selector: { app: 'ledger-pg', 'cluster-name': 'ledger-pg' }, pods: sts.pods, headless: true, ports: pgPort, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'ledger-reports', selector: { app: 'ledger-reports' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 50),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
      logsFor(primary, 'postgres', { current: lines(`${pyTime(1.5)} INFO: no action. I am (ledger-pg-0), the leader with the lock`, `${pgTime(1)} [612] LOG:  checkpoint complete: wrote 2210 buffers (1.7%); 0 WAL file(s) added, 0 removed, 3 recycled; write=269.811 s, sync=0.004 s, total=269.840 s`) }),
      logsFor(replica, 'postgres', { current: lines(
        `${pyTime(3.9)} INFO: no action. I am (ledger-pg-1), a secondary, and following a leader (ledger-pg-0)`,
        `${pgTime(3.6)} [80412] ERROR:  cannot execute INSERT in a read-only transaction`,
        `${pgTime(3.6)} [80412] STATEMENT:  INSERT INTO journal_entries (id, account_id, amount_minor, currency, posted_at) VALUES ($1, $2, $3, $4, $5)`,
        `${pgTime(1.4)} [80577] ERROR:  cannot execute UPDATE in a read-only transaction`,
        `${pgTime(1.4)} [80577] STATEMENT:  UPDATE account_balances SET amount_minor = amount_minor + $1 WHERE account_id = $2`,
        `${pyTime(0.9)} INFO: no action. I am (ledger-pg-1), a secondary, and following a leader (ledger-pg-0)`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ledger-pg-rw/, /selector|replica|role/i],
      facts: [/read-only transaction/, /ledger-pg-1/, /\brole\b/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /failover (happened|occurred|took place)|failed over|was promoted|replication lag|disk (is )?full/i, /ledger-reports/],
    },
  };
}

// ---- 5. an Elasticsearch data node past its flood-stage watermark blocks the indexer's writes ------------------------

function elasticsearchFloodStage(): CorpusScenario {
  const ns = 'catalog';
  const esNs = 'elastic';
  const { nodes, names } = gkeNodes('prod-euw1', 'apps-pool', ['2c7e1f90-d9ls', '2c7e1f90-wx4b', '8d0a6b35-r7mn']);
  const esImage = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const esSelector = { 'elasticsearch.k8s.elastic.co/cluster-name': 'search', 'elasticsearch.k8s.elastic.co/statefulset-name': 'search-es-data' };
  const es = statefulSetApp({
    namespace: esNs,
    name: 'search-es-data',
    replicas: 3,
    selector: esSelector,
    podManagementPolicy: 'Parallel',
    serviceName: 'search-es-data',
    volumeClaimTemplates: [{ name: 'elasticsearch-data', storage: '200Gi', storageClass: 'premium-rwo' }],
    revisions: [{ revision: 5, createdAgo: 40 * DAYS, template: { containers: [container({
      name: 'elasticsearch', image: esImage, cpu: '2', memory: '8Gi',
      ports: [{ name: 'https', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }],
      readiness: execProbe(['bash', '-c', '/mnt/elastic-internal/scripts/readiness-port-script.sh'], { periodSeconds: 5, timeoutSeconds: 5 }),
      liveness: null,
      volumeMounts: [{ name: 'elasticsearch-data', mountPath: '/usr/share/elasticsearch/data' }],
    })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 5, ordinal: k, node: names[k] ?? '', createdAgo: 40 * DAYS - k })),
  });
  const zones = ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'];
  const claims = [0, 1, 2].flatMap((k) => zonalClaim({ namespace: esNs, name: `elasticsearch-data-search-es-data-${k}`, storage: '200Gi', zone: zones[k] ?? '', createdAgo: 40 * DAYS, driver: 'pd.csi.storage.gke.io', storageClass: 'premium-rwo' }));
  const esLog = (t: number, level: string, logger: string, node: string, message: string) => JSON.stringify({
    '@timestamp': at(t), 'log.level': level, message, 'ecs.version': '1.2.0', 'service.name': 'ES_ECS', 'event.dataset': 'elasticsearch.server',
    'process.thread.name': `elasticsearch[${node}][management][T#2]`, 'log.logger': logger, 'elasticsearch.cluster.uuid': 'hZ3vQ0tYRj2mL8cW1nXoKA',
    'elasticsearch.node.id': 'a9Vq2LkeS4mB7dX0pT3uZg', 'elasticsearch.node.name': node, 'elasticsearch.cluster.name': 'search',
  });
  const dtm = 'org.elasticsearch.cluster.routing.allocation.DiskThresholdMonitor';
  const data1 = '[p4Kq1XyVQ9-2bL7cR3nWzA][search-es-data-1][/usr/share/elasticsearch/data]';
  const masterLog = lines(
    esLog(3 * HOURS, 'WARN', dtm, 'search-es-data-0', `high disk watermark [90%] exceeded on ${data1} free: 19.6gb[9.8%], shards will be relocated away from this node; currently relocating away shards totalling [0b] and ignoring shards totalling [0b]`),
    esLog(47.2, 'WARN', dtm, 'search-es-data-0', `flood stage disk watermark [95%] exceeded on ${data1} free: 9.6gb[4.8%], all indices on this node will be marked read-only`),
    esLog(17, 'WARN', dtm, 'search-es-data-0', `flood stage disk watermark [95%] exceeded on ${data1} free: 9.2gb[4.6%], all indices on this node will be marked read-only`),
  );
  const image = (v: string) => gar('catalog/product-indexer', v);
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [8000], memory: '768Mi', command: ['python', '-m', 'product_indexer'],
    env: [
      { name: 'ELASTICSEARCH_URL', value: 'https://search-es-http.elastic.svc:9200' }, { name: 'ES_INDEX', value: 'products' },
      { name: 'KAFKA_TOPIC', value: 'catalog.product-changes.v2' }, { name: 'BULK_SIZE', value: '500' },
    ],
    readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'product-indexer',
    replicas: 2,
    revisions: [
      { revision: 21, createdAgo: 15 * DAYS, changeCause: 'argocd: product-indexer 1.18.3', template: tpl('1.18.3') },
      { revision: 22, createdAgo: 70, changeCause: 'argocd: product-indexer 1.19.0 (brand facets)', template: tpl('1.19.0') },
    ],
    pods: [0, 1].map((k) => ({ revision: 22, node: names[k + 1] ?? '', createdAgo: 69.5 - k })),
  });
  const block = "{'index': {'_index': 'products', '_id': 'sku-1048812', 'status': 429, 'error': {'type': 'cluster_block_exception', 'reason': 'index [products] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];'}}}";
  const idxLog = (p: k8s.V1Pod, k: number) => lines(
    `${pyTime(69)} INFO product_indexer: product-indexer 1.19.0 consuming catalog.product-changes.v2 partitions [${k * 3}, ${k * 3 + 1}, ${k * 3 + 2}] -> https://search-es-http.elastic.svc:9200/products`,
    `${pyTime(52)} INFO product_indexer.sink: bulk ok: 500 docs to [products] in 812ms`,
    `${pyTime(46.5)} ERROR product_indexer.sink: bulk of 500 actions to [products] failed: 500 document(s) failed to index. first error: ${block}`,
    `${pyTime(46.5)} WARNING product_indexer.consumer: not committing offsets for partition ${k * 3} (batch failed), retrying in 30s`,
    `${pyTime(1.2)} ERROR product_indexer.sink: bulk of 500 actions to [products] failed: 500 document(s) failed to index. first error: ${block}`,
    `${pyTime(1.2)} WARNING product_indexer.consumer: not committing offsets for partition ${k * 3} (batch failed), retrying in 30s; lag=${48211 + 977 * k} (${nameOf(p)})`,
  );
  const other = sideApp(ns, 'catalog-api', (v) => gar('catalog/catalog-api', v), names, 120);
  return {
    id: 'heldout17-elasticsearch-flood-stage-blocks-indexer',
    class: 'storage',
    truth: 'The data disk of Elasticsearch node search-es-data-1 (StatefulSet search-es-data in namespace elastic, 200Gi PVC) filled past the flood-stage watermark 47 minutes ago (free 4.8%; it had passed the 90% high watermark three hours earlier without anywhere to relocate shards). Elasticsearch then put the read-only-allow-delete block on every index with a shard on that node, including products, and the elected master logs "flood stage disk watermark [95%] exceeded ... all indices on this node will be marked read-only". Since then every bulk request of product-indexer fails with 429 cluster_block_exception "index [products] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block]"; the indexer retries without committing offsets and its Kafka lag grows, while its own pods are Running and Ready. Not a rate limit, not the indexer\'s 1.19.0 rollout (70 minutes ago, 23 minutes of successful bulks after it). Fix: free space on search-es-data-1 (delete old indices) or expand its PVC / add a data node; the block lifts by itself once usage drops below the high watermark.',
    ask: { service: 'product-indexer' },
    objects: [
      ...nodes, ...es.objects, ...claims, ...app.objects, ...other.objects,
      ...exposed({ namespace: esNs, name: 'search-es-http', selector: { 'elasticsearch.k8s.elastic.co/cluster-name': 'search' }, pods: es.pods, ports: [{ name: 'https', port: 9200, targetPort: 9200 }], endpointPort: 9200 }),
      ...exposed({ namespace: esNs, name: 'search-es-data', selector: esSelector, pods: es.pods, headless: true, ports: [{ name: 'transport', port: 9300, targetPort: 9300 }], endpointPort: 9300 }),
      ...exposed({ namespace: ns, name: 'product-indexer', selector: { app: 'product-indexer' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 2, 0, 70),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 21), 0, 2, 69),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: idxLog(p, k) })),
      logsFor(podOf(es, 0), 'elasticsearch', { current: masterLog }),
      logsFor(podOf(es, 1), 'elasticsearch', { current: lines(esLog(2 * HOURS, 'INFO', 'org.elasticsearch.index.engine.Engine', 'search-es-data-1', '[products-2026.10-reindex][2] merge segment [_8k1] done')) }),
      logsFor(podOf(es, 2), 'elasticsearch', { current: lines(esLog(30, 'INFO', 'org.elasticsearch.cluster.service.ClusterApplierService', 'search-es-data-2', 'applied cluster state version 88412')) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/flood[- ]stage|watermark|read-only|disk/i, /elasticsearch|search-es|products/i],
      facts: [/cluster_block_exception|TOO_MANY_REQUESTS\/12/, /95%/, /search-es-data-1/],
      never: [/\bOOM/, ADVISES_ROLLBACK, /rate[- ]limit|throttl/i, /catalog-api/],
    },
  };
}

// ---- 6. a CronJob edited with timeZone "Europe/Frankfurt": no Job since ----------------------------------------------

function cronJobUnknownTimeZone(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = aksNodes('nodepool1', '38215649');
  const image = acr('billing/invoice-reminders', '2026.11.02');
  // Jobs of the 16th, 17th and 18th at 06:00 UTC; the edit on the 18th at 10:20 UTC.
  const runs = [7034, 5594, 4154];
  const edited = 3894;
  const cron = cronJob({
    namespace: ns,
    name: 'invoice-reminders',
    schedule: '0 7 * * *',
    backoffLimit: 3,
    template: { containers: [batchContainer({ name: 'reminders', image, command: ['bundle', 'exec', 'rake', 'reminders:send_due'], cpu: '200m', memory: '512Mi', env: [{ name: 'RAILS_ENV', value: 'production' }] })] },
    lastSuccessfulAgo: 4154 - 3.6,
    jobs: runs.map((c, i) => ({
      createdAgo: c,
      pods: i === 1
        ? [
            { node: names[i] ?? '', phase: 'Failed' as const, createdAgo: c, containers: { reminders: terminated({ exitCode: 1, finishedAgo: c - 1.2, ranSeconds: 68 }) } },
            { node: names[2] ?? '', phase: 'Succeeded' as const, createdAgo: c - 1.3, containers: { reminders: terminated({ exitCode: 0, finishedAgo: c - 4.6, ranSeconds: 190 }) } },
          ]
        : [{ node: names[i] ?? '', phase: 'Succeeded' as const, createdAgo: c, containers: { reminders: terminated({ exitCode: 0, finishedAgo: c - 3.5, ranSeconds: 200 }) } }],
      outcome: { complete: true as const, ago: c - (i === 1 ? 4.7 : 3.6) },
    })),
  });
  const cj = cron.objects[0] as k8s.V1CronJob;
  if (cj.spec) cj.spec.timeZone = 'Europe/Frankfurt';
  cj.metadata = {
    ...cj.metadata,
    generation: 2,
    managedFields: [
      { manager: 'helm', operation: 'Update', apiVersion: 'batch/v1', time: date(200 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } },
      { manager: 'kubectl-edit', operation: 'Update', apiVersion: 'batch/v1', time: date(edited), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:schedule': {}, 'f:timeZone': {} } } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'batch/v1', time: date(4154 - 3.6), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} }, subresource: 'status' },
    ],
  };
  const lastJob = cron.jobs[2] as Built;
  const lastPod = podOf(lastJob, 0);
  const flaky = podOf(cron.jobs[1] as Built, 0);
  const rb = (t: number, level: 'I' | 'E' | 'W', msg: string) => `${level}, [${at(t).replace('Z', '')} #1] ${level === 'I' ? ' INFO' : level === 'W' ? ' WARN' : 'ERROR'} -- : ${msg}`;
  const billing = sideApp(ns, 'billing-api', (v) => acr('billing/billing-api', v), names, 95, { versions: ['7.1.0', '7.2.0'] });
  return {
    id: 'heldout17-cronjob-unknown-time-zone',
    class: 'jobs',
    truth: 'On the 18th at 10:20 UTC someone ran kubectl edit on the invoice-reminders CronJob to move it from 06:00 UTC to 07:00 local time: schedule "0 7 * * *" and timeZone "Europe/Frankfurt", which is not an IANA zone (Germany is Europe/Berlin). The cronjob-controller cannot load the zone and refuses to schedule: Warning UnknownTimeZone "invalid timeZone: \\"Europe/Frankfurt\\": unknown time zone Europe/Frankfurt" on every sync, and no Job has been created since; the last run is the 18th at 06:00 UTC, so the runs of the 19th and 20th were skipped and no invoice reminders went out. The old failed pod of the 17th (an SMTP timeout, retried successfully) and billing-api\'s rollout are unrelated. Fix: set timeZone to Europe/Berlin, then trigger the missed run (kubectl create job --from=cronjob/invoice-reminders).',
    ask: { service: 'invoice-reminders', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...billing.objects,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: billing.pods }),
      scaledReplicaSet(deploymentOf(billing), rsOf(billing, 13), 2, 0, 95),
      cronJobEvent(cj, 'SuccessfulCreate', `Created job ${nameOf(lastJob.objects[0])}`, 4154),
      cronJobEvent(cj, 'SawCompletedJob', `Saw completed job: ${nameOf(lastJob.objects[0])}, condition: Complete`, 4154 - 3.6),
      event({ on: { kind: 'CronJob', ...(cj.metadata === undefined ? {} : { metadata: cj.metadata }) }, reason: 'UnknownTimeZone', message: 'invalid timeZone: "Europe/Frankfurt": unknown time zone Europe/Frankfurt', count: 9, firstAgo: edited, lastAgo: 41, component: 'cronjob-controller' }),
      jobEvent(lastJob.objects[0], 'Completed', 'Job completed', 4154 - 3.6),
    ],
    logs: [
      logsFor(lastPod, 'reminders', { current: lines(rb(4154 - 0.2, 'I', 'reminders:send_due starting (cutoff 2026-11-18)'), rb(4154 - 3.4, 'I', 'reminders: 412 invoices due, 412 reminder emails queued, 0 skipped')) }),
      logsFor(flaky, 'reminders', { current: lines(rb(5594 - 0.2, 'I', 'reminders:send_due starting (cutoff 2026-11-17)'), rb(5594 - 1.2, 'E', 'Net::ReadTimeout with #<TCPSocket:(closed)> (smtp.postmarkapp.com:587)'), rb(5594 - 1.2, 'E', 'rake aborted!')) }),
      ...billing.pods.map((p) => logsFor(p, 'app', { current: lines(rb(1, 'I', `Completed 200 OK in 31ms (pod ${nameOf(p)})`)) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Europe\/Frankfurt|time ?zone/i],
      facts: [/UnknownTimeZone|unknown time zone/i, /Europe\/Frankfurt/, /no (new )?jobs?|not (been )?(created|run|scheduled)|has(n'?t| not) (run|created|scheduled)|last schedul|missed|skipped/i],
      never: [/\bOOM/, /BackoffLimit|backoff limit/i, /is suspended|been suspended/i, /billing-api/, /Net::ReadTimeout|smtp/i],
    },
  };
}

// ---- 7. a new LoadBalancer Service the cloud cannot find subnets for ---------------------------------------------------

function loadBalancerNoSubnets(): CorpusScenario {
  const ns = 'partners';
  const { nodes, names } = threeEksNodes('10.0.104');
  const image = (v: string) => `${ECR}/partners/partner-gateway:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [{ name: 'https', containerPort: 8443 }, { name: 'admin', containerPort: 9901 }], memory: '256Mi',
    readiness: httpProbe('/ready', 9901), liveness: tcpProbe(8443, { initialDelaySeconds: 5 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'partner-gateway',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 21 * DAYS, changeCause: 'helm: partner-gateway chart 1.7.2', template: tpl('1.7.2') },
      { revision: 9, createdAgo: 67, changeCause: 'helm: partner-gateway chart 1.8.0 (public endpoint for partner webhooks)', template: tpl('1.8.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: 66.5 - 0.8 * k })),
  });
  const [pub, pubSlice] = exposed({ namespace: ns, name: 'partner-gateway-public', selector: { app: 'partner-gateway' }, pods: app.pods, type: 'LoadBalancer', ports: [{ name: 'https', port: 443, targetPort: 'https' }], endpointPort: 8443, createdAgo: 67 });
  const svc = pub as k8s.V1Service;
  svc.metadata = { ...svc.metadata, annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb', 'meta.helm.sh/release-name': 'partner-gateway', 'meta.helm.sh/release-namespace': ns } };
  if (svc.spec) {
    svc.spec.ports = (svc.spec.ports ?? []).map((p) => ({ ...p, nodePort: 31847 }));
    svc.spec.externalTrafficPolicy = 'Cluster';
    svc.spec.allocateLoadBalancerNodePorts = true;
  }
  const msg = 'Error syncing load balancer: failed to ensure load balancer: could not find any suitable subnets for creating the ELB';
  const zap = (t: number, o: Record<string, unknown>) => JSON.stringify({ level: 'info', ts: epochMs(t) / 1000, logger: 'gateway', ...o });
  const other = bystander(ns, 'partner-portal', names, 26);
  return {
    id: 'heldout17-loadbalancer-no-suitable-subnets',
    class: 'network',
    truth: 'Chart 1.8.0 of partner-gateway (67 minutes ago) added partner-gateway-public, a Service of type LoadBalancer (NLB) for partner webhooks. It has had no external address since: the cloud provider\'s service controller fails every retry with SyncLoadBalancerFailed "Error syncing load balancer: failed to ensure load balancer: could not find any suitable subnets for creating the ELB", because a Terraform change to the VPC earlier in the week removed the kubernetes.io/role/elb tags from the public subnets, so no subnet qualifies for an internet-facing load balancer. The gateway pods (revision 9) are Running and Ready and serve the internal Service; partners simply cannot reach the endpoint. Rolling the Deployment back would change nothing. Fix: restore the kubernetes.io/role/elb=1 tag (and the cluster tag) on the public subnets, or pin subnets with the service.beta.kubernetes.io/aws-load-balancer-subnets annotation.',
    ask: { service: 'partner-gateway' },
    objects: [
      ...nodes, ...app.objects, ...other.objects, pub as KubeJson, pubSlice as KubeJson,
      ...exposed({ namespace: ns, name: 'partner-gateway', selector: { app: 'partner-gateway' }, pods: app.pods, ports: [{ name: 'https', port: 443, targetPort: 'https' }], endpointPort: 8443 }),
      ...exposed({ namespace: ns, name: 'partner-portal', selector: { app: 'partner-portal' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 3, 0, 67),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 0, 3, 65),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 26),
      event({ on: svc, type: 'Normal', reason: 'EnsuringLoadBalancer', message: 'Ensuring load balancer', count: 19, firstAgo: 67, lastAgo: 2.2, component: 'service-controller' }),
      event({ on: svc, reason: 'SyncLoadBalancerFailed', message: msg, count: 19, firstAgo: 67, lastAgo: 2.2, component: 'service-controller' }),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { current: lines(
        zap(66, { msg: 'partner-gateway 1.8.0 listening', https: ':8443', admin: ':9901' }),
        zap(3, { msg: 'request', method: 'POST', path: '/v1/partners/acme-logistics/shipments', status: 202, ms: 31, via: 'internal' }),
        zap(1, { msg: 'request', method: 'GET', path: '/v1/partners/acme-logistics/status', status: 200, ms: 6, pod: nameOf(p) }),
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/partner-gateway-public|load ?balancer/i, /subnet/i],
      facts: [/could not find any suitable subnets/, /pending|no (external|ingress)|EXTERNAL-IP|external (address|IP|hostname)/i, /SyncLoadBalancerFailed|Error syncing load balancer/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /partner-portal/],
    },
  };
}

export const HOLDOUT_17_SCENARIOS: CorpusScenario[] = [
  listensOnLoopback(),
  nonRootBindsPort80(),
  cloudSqlProxyWrongInstance(),
  pgServiceSelectsReplica(),
  elasticsearchFloodStage(),
  cronJobUnknownTimeZone(),
  loadBalancerNoSubnets(),
  ...PART_TWO,
];
