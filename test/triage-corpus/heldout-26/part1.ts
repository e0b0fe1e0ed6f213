// Held-out stories, twenty-sixth round, part one (written blind to the analysis code):
//
// 1. Django's ALLOWED_HOSTS: revision 42 of storefront-api turns DEBUG off and restricts
//    DJANGO_ALLOWED_HOSTS to the public hostnames; the kubelet's probes send Host: <podIP>:8000,
//    Django answers 400 (DisallowedHost), the new pod never becomes ready.
// 2. A HikariCP pool shrunk by revision 18 of order-service (DB_POOL_MAX_SIZE 30 → 3): pods Ready,
//    requests time out waiting for a connection; the database is healthy.
// 3. An operator built on an old client-go that never re-reads its projected service-account token:
//    401 Unauthorized from the API server when the token expires, leader election lost, exit 1,
//    a restart every ~48 minutes for six days, no change to the workload.
// 4. A ReadWriteMany claim on the EBS gp3 StorageClass (added by thumbnailer revision 9):
//    ProvisioningFailed, claim Pending, the new pods Pending.
// 5. A circular readiness dependency: inventory-api's readiness needs pricing-api and vice versa;
//    after a node-group upgrade replaced every node at once, neither becomes ready again.
// 6. The billing RDS Postgres now forces TLS (DBA parameter change); invoice-worker connects with
//    PGSSLMODE=disable and crash-loops on "no pg_hba.conf entry … no encryption"; an unrelated
//    rollout of billing-reports just before is noise.
// 7. Healthy control: the opensearch-data StatefulSet scaled by hand from 3 to 5, pod 3 Ready,
//    pod 4 just scheduled and pulling its image with its claim provisioned seconds ago.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, ago, at, boundClaim, container, crashLoop, deploymentApp, epochMs, event, exposed, hpa, httpProbe,
  clusterIpOf, clfTime, nameOf, networkPolicy, node, nodeEvent, pulledFresh, pvc, pyTime, restartedAgain, rsOf, running,
  scaledReplicaSet, scheduled, statefulSetApp, volumeOf, waiting, backOff,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

/** The Deployment a deploymentApp() built (its first object). */
const deploymentOf = (objects: readonly { kind?: string; metadata?: k8s.V1ObjectMeta }[]): { kind?: string; metadata?: k8s.V1ObjectMeta } =>
  objects.find((o) => o.kind === 'Deployment') ?? {};

/** gunicorn's own time format: `2026-11-21 03:13:21 +0000`. */
const gunicornTime = (m: number): string => `${at(m).slice(0, 19).replace('T', ' ')} +0000`;

/** klog's header: `E1121 03:01:50.113402       1 file.go:123] `. */
function klog(sev: 'I' | 'W' | 'E', m: number, where: string, msg: string): string {
  const iso = at(m);
  const micros = `${iso.slice(20, 23)}${String((Math.round(m * 997) % 1000)).padStart(3, '0')}`;
  return `${sev}${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 19)}.${micros}       1 ${where}] ${msg}`;
}

/** Spring Boot 3's console line. */
function spring(m: number, level: 'INFO' | 'WARN' | 'ERROR', thread: string, logger: string, msg: string): string {
  return `${at(m)} ${level.padStart(5)} 1 --- [order-service] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
}

// ---- 1. Django ALLOWED_HOSTS rejects the kubelet's probes (Host: <podIP>:8000) -------------------

function djangoAllowedHostsRejectsProbes(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.64');
  const image = (v: string) => `${ECR}/catalog/storefront-api:${v}`;
  const env = (debug: string, hosts: string): k8s.V1EnvVar[] => [
    { name: 'DJANGO_SETTINGS_MODULE', value: 'storefront.settings.production' },
    { name: 'DJANGO_DEBUG', value: debug },
    { name: 'DJANGO_ALLOWED_HOSTS', value: hosts },
    { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'storefront-db', key: 'url' } } },
    { name: 'REDIS_URL', value: 'redis://storefront-cache.catalog.svc.cluster.local:6379/0' },
  ];
  const tpl = (v: string, debug: string, hosts: string) => ({
    containers: [container({
      image: image(v),
      command: ['gunicorn', 'storefront.wsgi:application', '--bind', '0.0.0.0:8000', '--workers', '3', '--access-logfile', '-'],
      ports: [8000],
      memory: '768Mi',
      env: env(debug, hosts),
      readiness: httpProbe('/healthz/', 8000),
      liveness: httpProbe('/healthz/', 8000, { initialDelaySeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'storefront-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: storefront-api 2.31.4', template: tpl('2.31.4', 'True', '*') },
      { revision: 42, createdAgo: 28, changeCause: 'argocd: storefront-api 2.32.0', template: tpl('2.32.0', 'False', 'shop.northwind.example,www.shop.northwind.example') },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 6 * DAYS - 2 },
      { revision: 41, node: names[1] ?? '', createdAgo: 6 * DAYS - 3, containers: { app: running({ sinceAgo: 2 * DAYS + 190, restarts: 1, last: { exitCode: 1, finishedAgo: 2 * DAYS + 190, ranSeconds: (4 * DAYS - 195) * 60 } }) } },
      { revision: 41, node: names[2] ?? '', createdAgo: 6 * DAYS - 4 },
      { revision: 42, node: names[2] ?? '', createdAgo: 27.6, containers: { app: running({ sinceAgo: 0.4, ready: false, restarts: 8, last: { exitCode: 0, reason: 'Completed', finishedAgo: 0.55, ranSeconds: 52 } }) } },
    ],
  });
  const fresh = podOf(app, 3);
  const ip = ipOfPod(fresh);
  const hostIp = fresh.status?.hostIP ?? '10.0.64.77';
  const other = bystander(ns, 'catalog-search', names, 46, { revisions: [18, 19], versions: ['1.9.0', '1.9.1'], olderAgo: 20 * DAYS });
  const fp = 'spec.containers{app}';
  const disallowed = (m: number): string[] => [
    `ERROR ${pyTime(m)} django.security.DisallowedHost Invalid HTTP_HOST header: '${ip}:8000'. You may need to add '${ip}' to ALLOWED_HOSTS.`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/django/core/handlers/exception.py", line 55, in inner',
    '    response = get_response(request)',
    '               ^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/django/utils/deprecation.py", line 128, in __call__',
    '    response = self.process_request(request)',
    '               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/django/middleware/common.py", line 48, in process_request',
    '    host = request.get_host()',
    '           ^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/django/http/request.py", line 151, in get_host',
    '    raise DisallowedHost(msg)',
    `django.core.exceptions.DisallowedHost: Invalid HTTP_HOST header: '${ip}:8000'. You may need to add '${ip}' to ALLOWED_HOSTS.`,
    `${hostIp} - - [${clfTime(m)}] "GET /healthz/ HTTP/1.1" 400 143 "-" "kube-probe/1.31"`,
  ];
  const boot = (m: number): string[] => [
    `[${gunicornTime(m)}] [1] [INFO] Starting gunicorn 23.0.0`,
    `[${gunicornTime(m)}] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `[${gunicornTime(m)}] [1] [INFO] Using worker: sync`,
    `[${gunicornTime(m - 0.01)}] [7] [INFO] Booting worker with pid: 7`,
    `[${gunicornTime(m - 0.01)}] [8] [INFO] Booting worker with pid: 8`,
    `[${gunicornTime(m - 0.01)}] [9] [INFO] Booting worker with pid: 9`,
  ];
  return {
    id: 'heldout26-django-allowed-hosts-rejects-probes',
    class: 'probes',
    truth: 'storefront-api revision 42 (2.32.0, 28 minutes ago) hardened the Django settings after a pentest: DJANGO_DEBUG=False and DJANGO_ALLOWED_HOSTS restricted to shop.northwind.example,www.shop.northwind.example (it was "*"). The kubelet\'s HTTP readiness and liveness probes on /healthz/ send Host: <podIP>:8000, which is not in ALLOWED_HOSTS, so Django raises DisallowedHost and answers 400: the new pod never becomes ready and is restarted by its liveness probe every minute or so (gunicorn exits 0 on the SIGTERM). The rollout is stuck with one new pod; the three revision-41 pods still serve. Fix: let the probes through (add the pod IP / a probe Host header, or exempt the health endpoint from host validation, e.g. a middleware before CommonMiddleware), or roll back to revision 41 meanwhile.',
    ask: { service: 'storefront-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'storefront-api', selector: { app: 'storefront-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'catalog-search', selector: { app: 'catalog-search' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app.objects), rsOf(app, 42), 1, 0, 28),
      scaledReplicaSet(deploymentOf(other.objects), rsOf(other, 19), 2, 0, 46),
      ...pulledFresh(fresh, 'app', image('2.32.0'), { atAgo: 27.6, bytes: 187_334_912, seconds: 6.218 }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Container image "${image('2.32.0')}" already present on machine`, count: 8, firstAgo: 26.4, lastAgo: 0.45, fieldPath: fp }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container app', count: 9, firstAgo: 27.4, lastAgo: 0.45, fieldPath: fp }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container app', count: 9, firstAgo: 27.4, lastAgo: 0.4, fieldPath: fp }),
      event({ on: fresh, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 400', count: 93, firstAgo: 27.3, lastAgo: 0.1, fieldPath: fp }),
      event({ on: fresh, reason: 'Unhealthy', message: 'Liveness probe failed: HTTP probe failed with statuscode: 400', count: 24, firstAgo: 27.0, lastAgo: 0.6, fieldPath: fp }),
      event({ on: fresh, type: 'Normal', reason: 'Killing', message: 'Container app failed liveness probe, will be restarted', count: 8, firstAgo: 26.9, lastAgo: 0.6, fieldPath: fp }),
      backOff(fresh, 'app', { count: 41, firstAgo: 25.8, lastAgo: 0.9 }),
    ],
    logs: [
      logsFor(fresh, 'app', {
        current: lines(...boot(0.4), ...disallowed(0.2), ...disallowed(0.05)),
        previous: lines(
          ...boot(1.4),
          ...disallowed(1.3),
          ...disallowed(1.15),
          ...disallowed(1.0),
          ...disallowed(0.85),
          ...disallowed(0.7),
          `[${gunicornTime(0.56)}] [1] [INFO] Handling signal: term`,
          `[${gunicornTime(0.56)}] [8] [INFO] Worker exiting (pid: 8)`,
          `[${gunicornTime(0.56)}] [7] [INFO] Worker exiting (pid: 7)`,
          `[${gunicornTime(0.56)}] [9] [INFO] Worker exiting (pid: 9)`,
          `[${gunicornTime(0.55)}] [1] [INFO] Shutting down: Master`,
        ),
      }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', {
        current: lines(
          `${p.status?.hostIP ?? ''} - - [${clfTime(0.9)}] "GET /healthz/ HTTP/1.1" 200 2 "-" "kube-probe/1.31"`,
          `10.0.64.19 - - [${clfTime(0.8)}] "GET /api/v2/products/?category=outdoor&page=2 HTTP/1.1" 200 18342 "https://shop.northwind.example/outdoor" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15"`,
          `10.0.64.19 - - [${clfTime(0.6)}] "POST /api/v2/cart/items/ HTTP/1.1" 201 412 "https://shop.northwind.example/p/trail-runner-4" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"`,
          `${p.status?.hostIP ?? ''} - - [${clfTime(0.1)}] "GET /healthz/ HTTP/1.1" 200 2 "-" "kube-probe/1.31"`,
        ),
      })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ALLOWED_HOSTS|DisallowedHost|HTTP_HOST|Host header/i],
      facts: [/\b400\b/, /revision 42|2\.32\.0/i, /DJANGO_ALLOWED_HOSTS/, /pod(['’]s)? IP|kube-?probe|kubelet|10\.0\.\d+\.\d+/i],
      never: [/\bOOM/, /ImagePull|image (not found|missing)/i, /wrong (probe )?port|port mismatch|not listening/i, /catalog-search/],
    },
  };
}

// ---- 2. HikariCP pool shrunk from 30 to 3 by revision 18 ---------------------------------------

function hikariPoolShrunk(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.112', ['23', '140', '71']);
  const image = (v: string) => `${ECR}/orders/order-service:${v}`;
  const jdbc = 'jdbc:postgresql://orders-db.cluster-c7hx2k1m9qzv.eu-west-1.rds.amazonaws.com:5432/orders';
  const tpl = (v: string, pool: string) => ({
    containers: [container({
      image: image(v),
      ports: [8080],
      cpu: '1',
      memory: '1536Mi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
        { name: 'SPRING_DATASOURCE_URL', value: jdbc },
        { name: 'SPRING_DATASOURCE_USERNAME', value: 'order_service' },
        { name: 'SPRING_DATASOURCE_PASSWORD', valueFrom: { secretKeyRef: { name: 'order-service-db', key: 'password' } } },
        { name: 'DB_POOL_MAX_SIZE', value: pool },
        { name: 'DB_POOL_CONNECTION_TIMEOUT_MS', value: '30000' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { initialDelaySeconds: 20 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-service',
    replicas: 4,
    revisions: [
      { revision: 17, createdAgo: 9 * DAYS, changeCause: 'argocd: order-service 4.11.2', template: tpl('4.11.2', '30') },
      { revision: 18, createdAgo: 131, changeCause: 'argocd: order-service 4.12.0', template: tpl('4.12.0', '3') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 18, node: names[k % 3] ?? '', createdAgo: 130 - k })),
  });
  const consumer = bystander(ns, 'order-events-consumer', names, 3 * DAYS, { revisions: [9, 10], versions: ['2.2.1', '2.3.0'], olderAgo: 30 * DAYS });
  const timeout = (waitingN: number) => `HikariPool-1 - Connection is not available, request timed out after 30000ms (total=3, active=3, idle=0, waiting=${waitingN})`;
  const failure = (m: number, thread: string, waitingN: number): string[] => [
    spring(m, 'WARN', thread, 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'SQL Error: 0, SQLState: null'),
    spring(m, 'ERROR', thread, 'o.h.engine.jdbc.spi.SqlExceptionHelper', timeout(waitingN)),
    spring(m, 'ERROR', thread, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', `Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.orm.jpa.JpaSystemException: Unable to acquire JDBC Connection [${timeout(waitingN)}] [n/a]] with root cause`),
    '',
    `java.sql.SQLTransientConnectionException: ${timeout(waitingN)}`,
    '\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:686) ~[HikariCP-5.1.0.jar!/:na]',
    '\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:179) ~[HikariCP-5.1.0.jar!/:na]',
    '\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:144) ~[HikariCP-5.1.0.jar!/:na]',
    '\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:127) ~[HikariCP-5.1.0.jar!/:na]',
    '\tat org.hibernate.engine.jdbc.connections.internal.DatasourceConnectionProviderImpl.getConnection(DatasourceConnectionProviderImpl.java:122) ~[hibernate-core-6.5.2.Final.jar!/:6.5.2.Final]',
    '\tat org.hibernate.internal.NonContextualJdbcConnectionAccess.obtainConnection(NonContextualJdbcConnectionAccess.java:46) ~[hibernate-core-6.5.2.Final.jar!/:6.5.2.Final]',
    '\tat org.hibernate.resource.jdbc.internal.LogicalConnectionManagedImpl.acquireConnectionIfNeeded(LogicalConnectionManagedImpl.java:126) ~[hibernate-core-6.5.2.Final.jar!/:6.5.2.Final]',
    '\tat com.northwind.orders.service.OrderService.placeOrder(OrderService.java:88) ~[!/:4.12.0]',
    '\t... 58 common frames omitted',
    spring(m - 0.001, 'WARN', thread, 'c.n.orders.web.RequestTimingFilter', 'POST /api/v1/orders -> 500 in 30047 ms'),
  ];
  const podLogs = (p: k8s.V1Pod, i: number) => logsFor(p, 'app', {
    current: lines(
      spring(130 - i - 0.2, 'INFO', 'main', 'c.n.orders.OrderServiceApplication', `Starting OrderServiceApplication v4.12.0 using Java 21.0.5 with PID 1 (/app/order-service.jar started by app in /app)`),
      spring(130 - i - 0.25, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
      spring(130 - i - 0.26, 'INFO', 'main', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@5a7b3c21'),
      spring(130 - i - 0.26, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
      spring(130 - i - 0.4, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      spring(130 - i - 0.41, 'INFO', 'main', 'c.n.orders.OrderServiceApplication', 'Started OrderServiceApplication in 14.882 seconds (process running for 16.01)'),
      spring(2.1, 'WARN', 'nio-8080-exec-12', 'c.n.orders.web.RequestTimingFilter', 'GET /api/v1/orders/ORD-88213407 -> 200 in 21408 ms'),
      ...failure(1.6, 'nio-8080-exec-37', 38 + i),
      spring(1.2, 'WARN', 'nio-8080-exec-4', 'c.n.orders.web.RequestTimingFilter', 'GET /api/v1/customers/c-20931/orders -> 200 in 26115 ms'),
      ...failure(0.7, 'nio-8080-exec-51', 44 + i),
      ...failure(0.2, 'nio-8080-exec-19', 41 + i),
    ),
  });
  return {
    id: 'heldout26-hikari-pool-shrunk-to-three',
    class: 'config',
    truth: 'order-service revision 18 (4.12.0, rolled out 2 h 10 min ago) changed the env DB_POOL_MAX_SIZE from 30 to 3 (a values file copied from staging). Each pod\'s HikariCP pool now holds 3 connections, so under normal evening load requests queue for a connection and time out after 30 s ("Connection is not available, request timed out after 30000ms (total=3, active=3, idle=0, waiting=N)"), returning 500s; the pods stay Ready because the readiness group does not check the database. The Aurora database is healthy (order-events-consumer queries it fine). Fix: restore DB_POOL_MAX_SIZE to 30 (or roll back to revision 17).',
    ask: { service: 'order-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...consumer.objects,
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
      hpa({ namespace: ns, name: 'order-service', target: { kind: 'Deployment', name: 'order-service' }, min: 4, max: 12, current: 4, desired: 4, cpu: { current: 11, target: 70, averageValue: '112m' } }),
      scaledReplicaSet(deploymentOf(app.objects), rsOf(app, 18), 1, 0, 131),
      scaledReplicaSet(deploymentOf(app.objects), rsOf(app, 17), 3, 4, 130.5),
      scaledReplicaSet(deploymentOf(app.objects), rsOf(app, 18), 4, 1, 128),
      scaledReplicaSet(deploymentOf(app.objects), rsOf(app, 17), 0, 3, 127),
    ],
    logs: [
      ...app.pods.map(podLogs),
      ...consumer.pods.map((p, i) => logsFor(p, 'app', {
        current: lines(
          `{"time":"${at(1.1)}","level":"INFO","msg":"batch committed","topic":"order-events","partition":${i},"records":214,"db_ms":37}`,
          `{"time":"${at(0.6)}","level":"INFO","msg":"batch committed","topic":"order-events","partition":${i},"records":188,"db_ms":29}`,
          `{"time":"${at(0.1)}","level":"INFO","msg":"batch committed","topic":"order-events","partition":${i},"records":203,"db_ms":33}`,
        ),
      })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pool|Hikari/i, /DB_POOL_MAX_SIZE|total=3|\b(size|max(imum)?|of|to)\W{0,3}3\b|30\s*(→|->|to)\s*3\b/i],
      facts: [/revision 18|4\.12\.0/i, /DB_POOL_MAX_SIZE/, /30\s*(→|->|to)\s*3\b|from 30|was 30|\b30\b[^\n]{0,40}\b3\b/i, /Connection is not available|timed out after 30000 ?ms|waiting=\d+/i],
      never: [/\bOOM/, /(database|postgres|aurora|RDS)[^\n]{0,40}(is )?(down|unreachable|overload|unavailable|slow)/i, /crash ?loop/i, /order-events-consumer/],
    },
  };
}

// ---- 3. an old client-go that never re-reads its projected service-account token -----------------

/** A worker of the self-managed (kubeadm) cluster: no EKS labels, no cloud provider. */
function kubeadmNode(name: string, zone: string): k8s.V1Node {
  const n = node({ name, zone, createdAgo: 300 * DAYS });
  const labels = { ...n.metadata?.labels };
  delete labels['eks.amazonaws.com/nodegroup'];
  delete labels['node.kubernetes.io/instance-type'];
  labels['topology.kubernetes.io/region'] = 'fra1';
  labels['node-role.kubernetes.io/worker'] = '';
  const spec = { ...n.spec };
  delete spec.providerID;
  const info = n.status?.nodeInfo;
  return {
    ...n,
    metadata: { ...n.metadata, labels, annotations: { ...n.metadata?.annotations, 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock' } },
    spec,
    status: {
      ...n.status,
      ...(info === undefined ? {} : { nodeInfo: { ...info, kubeletVersion: 'v1.31.3', kubeProxyVersion: 'v1.31.3', containerRuntimeVersion: 'containerd://1.7.24', osImage: 'Ubuntu 24.04.1 LTS', kernelVersion: '6.8.0-49-generic' } }),
    },
  };
}

function staleProjectedTokenOldClient(): CorpusScenario {
  const ns = 'tenant-system';
  const nodes = [kubeadmNode('k8s-prod-w01', 'fra1-a'), kubeadmNode('k8s-prod-w02', 'fra1-b'), kubeadmNode('k8s-prod-w03', 'fra1-c')];
  const names = nodes.map(nameOf);
  const image = 'ghcr.io/northwind/tenant-operator:v0.9.4';
  const app = deploymentApp({
    namespace: ns,
    name: 'tenant-operator',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 5, createdAgo: 240 * DAYS, changeCause: 'helm upgrade tenant-operator 0.9.3', template: { serviceAccountName: 'tenant-operator', containers: [container({ name: 'manager', image: 'ghcr.io/northwind/tenant-operator:v0.9.3', command: ['/manager'], args: ['--enable-leader-election', '--metrics-addr=:8080'], ports: [{ name: 'metrics', containerPort: 8080 }], cpu: '100m', memory: '128Mi', readiness: null, liveness: null })] } },
      { revision: 6, createdAgo: 41 * DAYS, changeCause: 'helm upgrade tenant-operator 0.9.4', template: { serviceAccountName: 'tenant-operator', containers: [container({ name: 'manager', image, command: ['/manager'], args: ['--enable-leader-election', '--metrics-addr=:8080'], ports: [{ name: 'metrics', containerPort: 8080 }], cpu: '100m', memory: '128Mi', readiness: null, liveness: null })] } },
    ],
    pods: [{ revision: 6, node: names[1] ?? '', createdAgo: 41 * DAYS - 1, containers: { manager: running({ sinceAgo: 12.1, restarts: 178, last: { exitCode: 1, finishedAgo: 12.15, ranSeconds: 2891 } }) } }],
  });
  const pod = podOf(app, 0);
  const portal = bystander(ns, 'tenant-portal', names, 6 * DAYS + 130, { revisions: [21, 22], versions: ['3.4.0', '3.5.0'], olderAgo: 50 * DAYS });
  const lock = 'tenant-system/tenant-operator-lock';
  const zap = (m: number, level: 'info' | 'error', logger: string, msg: string, extra = ''): string =>
    `{"level":"${level}","ts":${(epochMs(m) / 1000).toFixed(7)},"logger":"${logger}","msg":"${msg}"${extra}}`;
  const startup = (m: number): string[] => [
    zap(m, 'info', 'setup', 'starting tenant-operator', ',"version":"v0.9.4","commit":"3f9a2c1","go":"go1.13.4","controller-runtime":"v0.3.0"'),
    zap(m - 0.005, 'info', 'controller-runtime.metrics', 'metrics server is starting to listen', ',"addr":":8080"'),
    zap(m - 0.008, 'info', 'setup', 'starting manager'),
    klog('I', m - 0.01, 'leaderelection.go:241', `attempting to acquire leader lease  ${lock}...`),
    klog('I', m - 0.3, 'leaderelection.go:251', `successfully acquired lease ${lock}`),
    zap(m - 0.3, 'info', 'controller-runtime.controller', 'Starting EventSource', ',"controller":"tenant","source":"kind source: /, Kind="'),
    zap(m - 0.31, 'info', 'controller-runtime.controller', 'Starting Controller', ',"controller":"tenant"'),
    zap(m - 0.32, 'info', 'controller-runtime.controller', 'Starting workers', ',"controller":"tenant","worker count":1'),
  ];
  const reconciled = (m: number, tenant: string): string => zap(m, 'info', 'controllers.Tenant', 'reconciled tenant', `,"tenant":"${tenant}","namespace":"t-${tenant}","quota":"ok","networkpolicies":3`);
  const runStart = 12.15 + 2891 / 60;
  return {
    id: 'heldout26-old-client-go-stale-projected-token',
    class: 'containers',
    truth: 'tenant-operator v0.9.4 is built with controller-runtime v0.3.0 / client-go of Kubernetes 1.15, which reads the service-account token file once at start and never re-reads it. Six days ago the platform team hardened this self-managed cluster\'s API server (--service-account-extend-token-expiration=false), so the projected token (expirationSeconds 3607) really expires after an hour; the kubelet writes a fresh token to the volume at 80% of its lifetime, but the process keeps sending the old one. When it expires the API server answers 401 Unauthorized, the operator cannot renew its leader-election lease, exits 1 ("leader election lost") and is restarted with the then-current token: a restart every ~48 minutes, 178 so far. Nothing changed in the workload (revision 6, 41 days old); the tenant-portal rollout six days ago is unrelated. Fix: upgrade the operator to a client-go/controller-runtime that reloads the token (client-go v0.15.7+); restarts only mitigate.',
    ask: { service: 'tenant-operator', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...portal.objects,
      ...exposed({ namespace: ns, name: 'tenant-operator-metrics', selector: { app: 'tenant-operator' }, pods: app.pods, ports: [{ name: 'metrics', port: 8080, targetPort: 'metrics' }] }),
      ...exposed({ namespace: ns, name: 'tenant-portal', selector: { app: 'tenant-portal' }, pods: portal.pods }),
      ...restartedAgain(pod, 'manager', image, { count: 178, firstAgo: 6 * DAYS - 40, lastAgo: 12.1 }),
    ],
    logs: [
      logsFor(pod, 'manager', {
        current: lines(
          ...startup(12.1),
          reconciled(11.5, 'acme-corp'),
          reconciled(11.4, 'globex'),
          reconciled(11.3, 'initech'),
          reconciled(6.4, 'acme-corp'),
          reconciled(1.4, 'globex'),
        ),
        previous: lines(
          ...startup(runStart),
          reconciled(runStart - 0.6, 'acme-corp'),
          reconciled(runStart - 0.7, 'globex'),
          reconciled(runStart - 0.8, 'initech'),
          zap(31.2, 'error', 'controller-runtime.controller', 'Reconciler error', ',"controller":"tenant","request":"/globex","error":"Operation cannot be fulfilled on namespaces \\"t-globex\\": the object has been modified; please apply your changes to the latest version and try again"'),
          reconciled(31.1, 'globex'),
          reconciled(21.7, 'acme-corp'),
          klog('E', 12.6, 'leaderelection.go:320', `error retrieving resource lock ${lock}: Unauthorized`),
          klog('E', 12.55, 'reflector.go:123', 'pkg/mod/k8s.io/client-go@v12.0.0+incompatible/tools/cache/reflector.go:96: Failed to list *v1alpha1.Tenant: Unauthorized'),
          klog('E', 12.5, 'leaderelection.go:320', `error retrieving resource lock ${lock}: Unauthorized`),
          klog('E', 12.45, 'reflector.go:123', 'pkg/mod/k8s.io/client-go@v12.0.0+incompatible/tools/cache/reflector.go:96: Failed to list *v1.Namespace: Unauthorized'),
          klog('E', 12.4, 'leaderelection.go:320', `error retrieving resource lock ${lock}: Unauthorized`),
          klog('E', 12.3, 'leaderelection.go:320', `error retrieving resource lock ${lock}: Unauthorized`),
          klog('E', 12.2, 'leaderelection.go:320', `error retrieving resource lock ${lock}: Unauthorized`),
          klog('I', 12.16, 'leaderelection.go:277', `failed to renew lease ${lock}: timed out waiting for the condition`),
          zap(12.15, 'error', 'setup', 'problem running manager', ',"error":"leader election lost","stacktrace":"github.com/go-logr/zapr.(*zapLogger).Error\\n\\t/go/pkg/mod/github.com/go-logr/zapr@v0.1.0/zapr.go:128\\nmain.main\\n\\t/workspace/main.go:97\\nruntime.main\\n\\t/usr/local/go/src/runtime/proc.go:203"'),
        ),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\b401\b|Unauthori[sz]ed/i, /token/i],
      facts: [/client-go|client (library|version)|kubernetes client|controller-runtime/i, /upgrad|bump|newer|update (the )?(client|library|operator|controller-runtime)/i, /expir|rotat|refresh|re-?read|reload/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(missing|lacks?|grant|add)[^\n]{0,30}(RBAC|permission|ClusterRole|Role\b)/i, /tenant-portal/],
    },
  };
}

// ---- 4. a ReadWriteMany claim on EBS gp3 ---------------------------------------------------------

function rwxClaimOnEbs(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.96', ['12', '140', '203']);
  const image = (v: string) => `${ECR}/media/thumbnailer:${v}`;
  const base = (v: string) => container({
    image: image(v),
    ports: [3000],
    cpu: '500m',
    memory: '1Gi',
    env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'SOURCE_BUCKET', value: 'northwind-media-originals' }, { name: 'UV_THREADPOOL_SIZE', value: '8' }],
    readiness: httpProbe('/ready', 3000),
    liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }),
  });
  const v9 = container({
    image: image('3.4.0'),
    ports: [3000],
    cpu: '500m',
    memory: '1Gi',
    env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'SOURCE_BUCKET', value: 'northwind-media-originals' }, { name: 'UV_THREADPOOL_SIZE', value: '8' }, { name: 'THUMB_CACHE_DIR', value: '/var/cache/thumbs' }],
    readiness: httpProbe('/ready', 3000),
    liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }),
    volumeMounts: [{ name: 'shared-cache', mountPath: '/var/cache/thumbs' }],
  });
  const claimName = 'thumbnailer-shared';
  const prebind = `running PreBind plugin "VolumeBinding": binding volumes: provisioning failed for PVC "${claimName}"`;
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 4,
    revisions: [
      { revision: 8, createdAgo: 12 * DAYS, changeCause: 'argocd: thumbnailer 3.3.2', template: { containers: [base('3.3.2')] } },
      { revision: 9, createdAgo: 33, changeCause: 'argocd: thumbnailer 3.4.0', template: { containers: [v9], volumes: [{ name: 'shared-cache', persistentVolumeClaim: { claimName } }] } },
    ],
    pods: [
      { revision: 8, node: names[0] ?? '', createdAgo: 12 * DAYS - 1 },
      { revision: 8, node: names[1] ?? '', createdAgo: 12 * DAYS - 2, containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 1, finishedAgo: 3 * DAYS, ranSeconds: 9 * DAYS } }) } },
      { revision: 8, node: names[2] ?? '', createdAgo: 12 * DAYS - 3 },
      { revision: 9, node: null, createdAgo: 33, unschedulable: prebind },
      { revision: 9, node: null, createdAgo: 32.8, unschedulable: prebind },
    ],
  });
  // A PreBind failure is not a fit error: the scheduler writes SchedulerError, not Unschedulable.
  for (const p of app.pods.slice(3)) for (const c of p.status?.conditions ?? []) if (c.type === 'PodScheduled') c.reason = 'SchedulerError';
  const [p4, p5] = [podOf(app, 3), podOf(app, 4)];
  const claim = pvc({
    namespace: ns,
    name: claimName,
    storage: '50Gi',
    storageClass: 'gp3',
    phase: 'Pending',
    accessModes: ['ReadWriteMany'],
    createdAgo: 33.2,
    labels: { 'app.kubernetes.io/name': 'thumbnailer', 'app.kubernetes.io/managed-by': 'Helm' },
    annotations: { 'meta.helm.sh/release-name': 'thumbnailer', 'meta.helm.sh/release-namespace': ns, 'volume.beta.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com', 'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com' },
  });
  const [uploadsClaim, uploadsVolume] = boundClaim({ namespace: ns, name: 'media-uploads-staging', storage: '200Gi', zone: 'eu-west-1a', createdAgo: 90 * DAYS });
  const uploads = bystander(ns, 'media-uploads', names, 2 * DAYS + 300, { revisions: [14, 15], versions: ['1.22.0', '1.22.1'], olderAgo: 25 * DAYS });
  const provisioner = 'ebs.csi.aws.com_ebs-csi-controller-6d4f8b9c7-2xkqp_3b1e0c52-7f0e-4d1a-9a63-1c2f0e9d4b7a';
  const onClaim = { kind: 'PersistentVolumeClaim', metadata: claim.metadata ?? {} };
  const dep = deploymentOf(app.objects);
  return {
    id: 'heldout26-rwx-claim-on-ebs-gp3',
    class: 'storage',
    truth: 'thumbnailer revision 9 (3.4.0, 33 minutes ago) added a shared thumbnail cache: a new PersistentVolumeClaim thumbnailer-shared asking ReadWriteMany on the gp3 StorageClass, mounted by every pod. gp3 is EBS (ebs.csi.aws.com), block storage that supports only ReadWriteOnce, so the CSI provisioner refuses the claim (ProvisioningFailed: "Volume capabilities MULTI_NODE_MULTI_WRITER not supported. Only AccessModes[ReadWriteOnce] supported."), the claim stays Pending and the two new pods stay Pending (PreBind VolumeBinding: provisioning failed). The rollout is stuck with three revision-8 pods serving (one fewer than the four wanted). Fix: put the shared cache on an RWX-capable class (EFS via efs.csi.aws.com) or make it per-pod (ReadWriteOnce / emptyDir); meanwhile roll back to revision 8.',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...uploads.objects, claim, uploadsClaim, uploadsVolume,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'media-uploads', selector: { app: 'media-uploads' }, pods: uploads.pods }),
      scaledReplicaSet(dep, rsOf(app, 9), 1, 0, 33),
      scaledReplicaSet(dep, rsOf(app, 8), 3, 4, 33),
      scaledReplicaSet(dep, rsOf(app, 9), 2, 1, 32.8),
      event({ on: onClaim, type: 'Normal', reason: 'ExternalProvisioning', message: "Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.", count: 134, firstAgo: 33, lastAgo: 0.2, component: 'persistentvolume-controller' }),
      event({ on: onClaim, type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${ns}/${claimName}"`, count: 15, firstAgo: 33, lastAgo: 1.4, component: provisioner }),
      event({ on: onClaim, reason: 'ProvisioningFailed', message: 'failed to provision volume with StorageClass "gp3": rpc error: code = InvalidArgument desc = Volume capabilities MULTI_NODE_MULTI_WRITER not supported. Only AccessModes[ReadWriteOnce] supported.', count: 15, firstAgo: 33, lastAgo: 1.4, component: provisioner }),
      event({ on: p4, reason: 'FailedScheduling', message: prebind, count: 14, firstAgo: 32.9, lastAgo: 1.3, component: 'default-scheduler' }),
      event({ on: p5, reason: 'FailedScheduling', message: prebind, count: 14, firstAgo: 32.7, lastAgo: 1.2, component: 'default-scheduler' }),
    ],
    logs: [
      ...app.pods.slice(0, 3).map((p, i) => logsFor(p, 'app', {
        current: lines(
          `{"level":30,"time":${epochMs(1.3)},"pid":1,"hostname":"${nameOf(p)}","reqId":"req-${i}a1","key":"originals/2026/11/21/IMG_${4410 + i}.jpg","sizes":[160,480,1080],"ms":412,"msg":"thumbnails generated"}`,
          `{"level":30,"time":${epochMs(0.6)},"pid":1,"hostname":"${nameOf(p)}","reqId":"req-${i}b7","key":"originals/2026/11/21/IMG_${4460 + i}.heic","sizes":[160,480,1080],"ms":655,"msg":"thumbnails generated"}`,
        ),
      })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ReadWriteMany|RWX|MULTI_NODE_MULTI_WRITER/i, /thumbnailer-shared|gp3|EBS/i],
      facts: [lit(claimName), /revision 9|3\.4\.0/i, /EFS|ReadWriteOnce|RWO|emptyDir|per-pod/i, /Pending/],
      never: [/\bOOM/, /Insufficient (cpu|memory)|not enough (cpu|memory)/i, /Multi-Attach/i, /quota/i, /media-uploads/],
    },
  };
}

// ---- 5. circular readiness: inventory-api needs pricing-api, which needs inventory-api ------------

function circularReadiness(): CorpusScenario {
  const ns = 'booking';
  const hosts = ['14', '201', '88'] as const;
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodes = hosts.map((h, i) => node({ name: eksNodeName(`10.0.150.${h}`), zone: zones[i] ?? 'eu-west-1a', createdAgo: 44 - i * 0.3, readySince: 43 - i * 0.3, labels: { 'eks.amazonaws.com/nodegroup-image': 'ami-0d3f9a7c1b2e4f508' } }));
  const names = nodes.map(nameOf);
  const invImage = `${ECR}/booking/inventory-api:5.8.1`;
  const priImage = `${ECR}/booking/pricing-api:2.14.0`;
  const inventory = deploymentApp({
    namespace: ns,
    name: 'inventory-api',
    replicas: 3,
    revisions: [{ revision: 12, createdAgo: 3 * DAYS, changeCause: 'argocd: inventory-api 5.8.1', template: { containers: [container({
      image: invImage,
      ports: [3000],
      memory: '512Mi',
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'READINESS_DEPENDENCIES', value: 'http://pricing-api.booking.svc.cluster.local/internal/ping' }],
      readiness: httpProbe('/ready', 3000),
      liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }),
    })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 40 - k * 0.2, containers: { app: running({ sinceAgo: 39.6 - k * 0.2, ready: false }) } })),
    settled: { available: false, availableSince: 40, progressingSince: 3 * DAYS },
  });
  const pricing = deploymentApp({
    namespace: ns,
    name: 'pricing-api',
    replicas: 2,
    revisions: [
      { revision: 29, createdAgo: 20 * DAYS, changeCause: 'argocd: pricing-api 2.13.2', template: { containers: [container({ image: `${ECR}/booking/pricing-api:2.13.2`, ports: [8080], memory: '256Mi', env: [{ name: 'READINESS_DEPENDENCIES', value: 'http://inventory-api.booking.svc.cluster.local/internal/ping' }] })] } },
      { revision: 30, createdAgo: 6 * DAYS, changeCause: 'argocd: pricing-api 2.14.0', template: { containers: [container({ image: priImage, ports: [8080], memory: '256Mi', env: [{ name: 'READINESS_DEPENDENCIES', value: 'http://inventory-api.booking.svc.cluster.local/internal/ping' }] })] } },
    ],
    pods: [0, 1].map((k) => ({ revision: 30, node: names[k + 1] ?? '', createdAgo: 40.1 - k * 0.2, containers: { app: running({ sinceAgo: 39.8 - k * 0.2, ready: false }) } })),
    settled: { available: false, availableSince: 40, progressingSince: 6 * DAYS },
  });
  const notifier = deploymentApp({
    namespace: ns,
    name: 'booking-notifier',
    replicas: 2,
    revisions: [{ revision: 4, createdAgo: 9 * DAYS, changeCause: 'argocd: booking-notifier 1.3.0', template: { containers: [container({ image: `${ECR}/booking/booking-notifier:1.3.0`, ports: [8080], memory: '256Mi' })] } }],
    pods: [0, 1].map((k) => ({ revision: 4, node: names[k] ?? '', createdAgo: 40 - k * 0.1 })),
    settled: { available: true, availableSince: 39, progressingSince: 9 * DAYS },
  });
  const invSvc = exposed({ namespace: ns, name: 'inventory-api', selector: { app: 'inventory-api' }, pods: inventory.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 });
  const priSvc = exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: pricing.pods });
  const services = [...invSvc, ...priSvc];
  const invIp = clusterIpOf(services, 'inventory-api');
  const priIp = clusterIpOf(services, 'pricing-api');
  const fp = 'spec.containers{app}';
  const podEvents = (p: k8s.V1Pod, image: string, since: number, count: number): k8s.CoreV1Event[] => [
    ...pulledFresh(p, 'app', image, { atAgo: since, bytes: image === invImage ? 71_204_113 : 18_930_442, seconds: image === invImage ? 3.104 : 1.377 }),
    event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: since - 0.2, lastAgo: since - 0.2, fieldPath: fp }),
    event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: since - 0.2, lastAgo: since - 0.2, fieldPath: fp }),
    event({ on: p, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count, firstAgo: since - 0.3, lastAgo: 0.1, fieldPath: fp }),
  ];
  const pino = (p: k8s.V1Pod, m: number, level: number, body: string): string => `{"level":${level},"time":${epochMs(m)},"pid":1,"hostname":"${nameOf(p)}",${body}}`;
  const invLogs = (p: k8s.V1Pod) => logsFor(p, 'app', {
    current: lines(
      pino(p, 39.5, 30, '"msg":"inventory-api 5.8.1 listening on :3000"'),
      pino(p, 39.5, 30, '"msg":"connected to postgres inventory@inventory-db.cluster-r2m8x1c0qjvb.eu-west-1.rds.amazonaws.com"'),
      ...[2.1, 1.1, 0.1].flatMap((m) => [
        pino(p, m, 40, `"dep":"pricing-api","url":"http://pricing-api.booking.svc.cluster.local/internal/ping","err":"connect ECONNREFUSED ${priIp}:80","msg":"readiness: dependency check failed"`),
        pino(p, m, 30, '"req":{"method":"GET","url":"/ready","remoteAddress":"' + (p.status?.hostIP ?? '') + '"},"res":{"statusCode":503},"responseTime":3,"msg":"request completed"'),
      ]),
    ),
  });
  const priLogs = (p: k8s.V1Pod) => logsFor(p, 'app', {
    current: lines(
      `{"time":"${at(39.7)}","level":"INFO","msg":"pricing-api starting","version":"2.14.0","addr":":8080"}`,
      `{"time":"${at(39.7)}","level":"INFO","msg":"loaded price rules","rules":1842}`,
      ...[1.6, 0.6].map((m) => `{"time":"${at(m)}","level":"WARN","msg":"readiness check failed","dependency":"inventory-api","error":"Get \\"http://inventory-api.booking.svc.cluster.local/internal/ping\\": dial tcp ${invIp}:80: connect: connection refused"}`),
    ),
  });
  return {
    id: 'heldout26-circular-readiness-after-node-group-upgrade',
    class: 'probes',
    truth: 'inventory-api\'s readiness endpoint checks that pricing-api answers (READINESS_DEPENDENCIES), and pricing-api\'s readiness checks inventory-api. As long as pods were replaced a few at a time the other side always had ready endpoints, but 40 minutes ago the node-group upgrade, run with max unavailable 100% to fit the maintenance window, replaced all three nodes at once: every pod of both Deployments restarted together, each Service has no ready endpoints, the ClusterIP refuses connections, so each readiness check fails on the other and neither ever becomes ready (a deadlock). No revision changed. Fix: readiness must only check the pod itself (move dependency checks out of readiness, or make them non-blocking); to recover now, disable the dependency check on one side (e.g. drop READINESS_DEPENDENCIES from pricing-api) so it becomes ready and breaks the cycle.',
    ask: { service: 'inventory-api', namespace: ns },
    objects: [
      ...nodes, ...inventory.objects, ...pricing.objects, ...notifier.objects, ...services,
      ...exposed({ namespace: ns, name: 'booking-notifier', selector: { app: 'booking-notifier' }, pods: notifier.pods }),
      networkPolicy({ namespace: ns, name: 'default-deny-ingress', createdAgo: 210 * DAYS, podSelector: {}, policyTypes: ['Ingress'] }),
      networkPolicy({ namespace: ns, name: 'allow-same-namespace', createdAgo: 210 * DAYS, podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }] }] }),
      ...names.flatMap((n, i) => [
        nodeEvent(n, 'Starting', 'Starting kubelet.', { firstAgo: 44 - i * 0.3 }),
        nodeEvent(n, 'RegisteredNode', `Node ${n} event: Registered Node ${n} in Controller`, { firstAgo: 43.8 - i * 0.3, component: 'node-controller' }),
        nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 43 - i * 0.3 }),
      ]),
      ...inventory.pods.flatMap((p, k) => podEvents(p, invImage, 40 - k * 0.2, 236)),
      ...pricing.pods.flatMap((p, k) => podEvents(p, priImage, 40.1 - k * 0.2, 237)),
      ...notifier.pods.flatMap((p, k) => pulledFresh(p, 'app', `${ECR}/booking/booking-notifier:1.3.0`, { atAgo: 40 - k * 0.1, bytes: 22_118_903, seconds: 1.02 })),
    ],
    logs: [...inventory.pods.map(invLogs), ...pricing.pods.map(priLogs)],
    expect: {
      verdict: 'problems',
      headline: [/pricing-api/, /circular|cycl|each other|mutual|deadlock|chicken|depend|waits? (on|for)/i],
      facts: [
        /circular|cycl|each other|mutual|deadlock|chicken.{0,10}egg|inventory-api[^\n]{0,120}pricing-api[^\n]{0,120}inventory-api/i,
        /node[- ]?(group|pool)|nodes? (were |was )?(all )?(replac|upgrad|recreat|rotat)|all (the )?pods (were )?(re)?(start|creat|schedul)|restarted (all )?at once/i,
        /ECONNREFUSED|connection refused|no (ready )?endpoints|not ready/i,
      ],
      never: [ADVISES_ROLLBACK, /\bOOM/, /NetworkPolicy[^\n]{0,40}(block|den|drop)/i, /DNS[^\n]{0,30}(fail|broken|error|timeout)/i, /booking-notifier/],
    },
  };
}

// ---- 6. the RDS Postgres now forces TLS; invoice-worker connects with PGSSLMODE=disable -----------

function postgresNowRequiresTls(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.176', ['9', '133', '61']);
  const dbHost = 'billing-prod.cluster-cx8r2k1vqz7m.eu-west-1.rds.amazonaws.com';
  const image = `${ECR}/billing/invoice-worker:3.7.2`;
  const workerTpl = (img: string) => ({
    containers: [container({
      image: img,
      command: ['python', '-m', 'invoice_worker'],
      ports: [{ name: 'metrics', containerPort: 9102 }],
      memory: '384Mi',
      env: [
        { name: 'PGHOST', value: dbHost },
        { name: 'PGPORT', value: '5432' },
        { name: 'PGDATABASE', value: 'billing' },
        { name: 'PGUSER', value: 'invoicing' },
        { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'invoice-worker-db', key: 'password' } } },
        { name: 'PGSSLMODE', value: 'disable' },
        { name: 'QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/invoices-pending' },
        { name: 'WORKER_CONCURRENCY', value: '4' },
      ],
      readiness: null,
      liveness: httpProbe('/metrics', 9102, { initialDelaySeconds: 15, periodSeconds: 20 }),
    })],
  });
  const crash = (i: number) => crashLoop({ exitCode: 1, finishedAgo: 1.8 + i * 1.4, ranSeconds: 2 }, 18 - (i === 2 ? 1 : 0));
  const worker = deploymentApp({
    namespace: ns,
    name: 'invoice-worker',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 33 * DAYS, changeCause: 'argocd: invoice-worker 3.7.1', template: workerTpl(`${ECR}/billing/invoice-worker:3.7.1`) },
      { revision: 22, createdAgo: 4 * DAYS, changeCause: 'argocd: invoice-worker 3.7.2', template: workerTpl(image) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 4 * DAYS - k, containers: { app: crash(k) } })),
    settled: { available: false, availableSince: 70, progressingSince: 4 * DAYS },
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 2,
    revisions: [{ revision: 40, createdAgo: 8 * DAYS, changeCause: 'argocd: invoice-api 6.2.0', template: { containers: [container({
      image: `${ECR}/billing/invoice-api:6.2.0`,
      memory: '1Gi',
      env: [{ name: 'SPRING_DATASOURCE_URL', value: `jdbc:postgresql://${dbHost}:5432/billing` }, { name: 'SPRING_DATASOURCE_USERNAME', value: 'invoice_api' }],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })] } }],
    pods: [0, 1].map((k) => ({ revision: 40, node: names[k + 1] ?? '', createdAgo: 8 * DAYS - k })),
  });
  const reports = bystander(ns, 'billing-reports', names, 76, { revisions: [7, 8], versions: ['0.19.0', '0.20.0'], olderAgo: 16 * DAYS });
  const workerEvents = worker.pods.flatMap((p, k) => [
    ...restartedAgain(p, 'app', image, { count: 18 - (k === 2 ? 1 : 0), firstAgo: 70.5 - k * 0.1, lastAgo: 1.85 + k * 1.4 }),
    backOff(p, 'app', { count: 302 - k * 4, firstAgo: 70.3 - k * 0.1, lastAgo: 0.1 }),
  ]);
  const failedRun = (p: k8s.V1Pod, m: number): string => lines(
    `${pyTime(m + 0.03)} INFO invoice_worker.main starting invoice-worker 3.7.2 (queue=invoices-pending, concurrency=4)`,
    `${pyTime(m + 0.02)} INFO invoice_worker.db connecting to ${dbHost}:5432/billing as invoicing`,
    `${pyTime(m)} ERROR invoice_worker.main cannot connect to the database, exiting`,
    'Traceback (most recent call last):',
    '  File "/app/invoice_worker/__main__.py", line 41, in main',
    '    conn = db.connect()',
    '           ^^^^^^^^^^^^',
    '  File "/app/invoice_worker/db.py", line 19, in connect',
    '    return psycopg2.connect(connect_timeout=5, application_name="invoice-worker")',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/psycopg2/__init__.py", line 122, in connect',
    '    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    `psycopg2.OperationalError: connection to server at "${dbHost}" (10.40.12.87), port 5432 failed: FATAL:  no pg_hba.conf entry for host "${ipOfPod(p)}", user "invoicing", database "billing", no encryption`,
  );
  return {
    id: 'heldout26-postgres-now-requires-tls',
    class: 'config',
    truth: 'At 02:03 UTC the DBA team applied rds.force_ssl=1 to the billing-prod Aurora PostgreSQL cluster\'s parameter group (with a reboot in the maintenance window). invoice-worker connects through libpq with PGSSLMODE=disable (set in its pod spec long ago), so since then every connection is rejected: "FATAL: no pg_hba.conf entry for host <pod IP>, user "invoicing", database "billing", no encryption"; the worker exits 1 at start and all three pods crash-loop (18 restarts). Nothing changed in the cluster for invoice-worker (revision 22 is 4 days old); invoice-api, whose JDBC driver negotiates TLS, reconnected fine; the billing-reports rollout 76 minutes ago is unrelated. Fix: connect with TLS (PGSSLMODE=require or verify-full with the RDS CA bundle).',
    ask: { service: 'invoice-worker', namespace: ns },
    objects: [
      ...nodes, ...worker.objects, ...api.objects, ...reports.objects,
      ...exposed({ namespace: ns, name: 'invoice-worker-metrics', selector: { app: 'invoice-worker' }, pods: worker.pods, ports: [{ name: 'metrics', port: 9102, targetPort: 'metrics' }], endpointPort: 9102 }),
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'billing-reports', selector: { app: 'billing-reports' }, pods: reports.pods }),
      scaledReplicaSet(deploymentOf(reports.objects), rsOf(reports, 8), 2, 0, 76),
      scaledReplicaSet(deploymentOf(reports.objects), rsOf(reports, 7), 0, 2, 75),
      ...reports.pods.flatMap((p, k) => pulledFresh(p, 'app', `${ECR}/billing/billing-reports:0.20.0`, { atAgo: 76 - k, bytes: 64_330_118, seconds: 2.61 })),
      ...workerEvents,
    ],
    logs: [
      ...worker.pods.map((p, k) => logsFor(p, 'app', { previous: failedRun(p, 1.8 + k * 1.4) })),
      ...api.pods.map((p) => logsFor(p, 'app', {
        current: lines(
          `${at(71.2)}  WARN 1 --- [invoice-api] [nio-8080-exec-9] com.zaxxer.hikari.pool.PoolBase          : HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@1f3c2a9b (This connection has been closed.). Possibly consider using a shorter maxLifetime value.`,
          `${at(71.1)}  WARN 1 --- [invoice-api] [nio-8080-exec-9] com.zaxxer.hikari.pool.PoolBase          : HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@6b21d0e4 (This connection has been closed.). Possibly consider using a shorter maxLifetime value.`,
          `${at(1.3)}  INFO 1 --- [invoice-api] [nio-8080-exec-2] c.n.billing.web.InvoiceController        : GET /api/v1/invoices/INV-2026-118204 200 (14 ms)`,
          `${at(0.4)}  INFO 1 --- [invoice-api] [nio-8080-exec-7] c.n.billing.web.InvoiceController        : POST /api/v1/invoices 201 (41 ms)`,
        ),
      })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pg_hba|no encryption|\bSSL\b|\bTLS\b|sslmode|encrypt/i],
      facts: [/PGSSLMODE|sslmode/i, /require|verify-(ca|full)|force_ssl|enforc|enable (SSL|TLS)/i, /\b(3|three)\b[^\n]{0,30}(pods?|replicas?)|all (pods|replicas)|every (pod|replica)|3\/3/i],
      never: [ADVISES_ROLLBACK, /billing-reports/, /\bOOM/, /(password|credential)s?[^\n]{0,30}(wrong|invalid|rotat|expir)/i],
    },
  };
}

// ---- 7. healthy control: a StatefulSet scaled by hand from 3 to 5 --------------------------------

function statefulSetScaleUpInProgress(): CorpusScenario {
  const ns = 'search';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1a', 'eu-west-1b'];
  const hosts = ['40', '171', '96', '58', '212'];
  const nodes = hosts.map((h, i) => node({ name: eksNodeName(`10.0.208.${h}`), zone: zones[i] ?? 'eu-west-1a', pool: 'search', instanceType: 'r6i.2xlarge', allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '63193092Ki', pods: '58' }, ...(i >= 3 ? { createdAgo: 24 - (i - 3), readySince: 23 - (i - 3) } : {}) }));
  const names = nodes.map(nameOf);
  const image = 'opensearchproject/opensearch:2.17.1';
  const tpl = {
    containers: [container({
      name: 'opensearch',
      image,
      ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }],
      cpu: '2',
      memory: '16Gi',
      env: [
        { name: 'node.roles', value: 'data,ingest' },
        { name: 'cluster.name', value: 'search-prod' },
        { name: 'discovery.seed_hosts', value: 'opensearch-master-headless' },
        { name: 'OPENSEARCH_JAVA_OPTS', value: '-Xms8g -Xmx8g' },
      ],
      readiness: { tcpSocket: { port: 9200 }, periodSeconds: 5, timeoutSeconds: 3, successThreshold: 3, failureThreshold: 3 },
      liveness: null,
      startup: { tcpSocket: { port: 9200 }, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 3, successThreshold: 1, failureThreshold: 30 },
      volumeMounts: [{ name: 'data', mountPath: '/usr/share/opensearch/data' }],
    })],
    securityContext: { fsGroup: 1000, runAsUser: 1000 },
    terminationGracePeriodSeconds: 120,
  };
  const sts = statefulSetApp({
    namespace: ns,
    name: 'opensearch-data',
    replicas: 5,
    serviceName: 'opensearch-data-headless',
    revisions: [{ revision: 7, createdAgo: 21 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 7, ordinal: 0, node: names[0] ?? '', createdAgo: 21 * DAYS - 3 },
      { revision: 7, ordinal: 1, node: names[1] ?? '', createdAgo: 21 * DAYS - 6, containers: { opensearch: running({ sinceAgo: 27 * 60, restarts: 1, last: { exitCode: 1, finishedAgo: 27 * 60, ranSeconds: 19 * DAYS } }) } },
      { revision: 7, ordinal: 2, node: names[2] ?? '', createdAgo: 21 * DAYS - 9 },
      { revision: 7, ordinal: 3, node: names[3] ?? '', createdAgo: 6.5, containers: { opensearch: running({ sinceAgo: 5.6 }) } },
      { revision: 7, ordinal: 4, node: names[4] ?? '', createdAgo: 0.45, sandbox: true, containers: { opensearch: waiting('ContainerCreating') } },
    ],
  });
  const [set] = sts.objects;
  if (set?.metadata) {
    set.metadata.managedFields = [
      { manager: 'helm', operation: 'Update', apiVersion: 'apps/v1', time: ago(21 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } },
      { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', time: ago(6.6), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' },
    ];
  }
  const pod3 = podOf(sts, 3);
  const pod4 = podOf(sts, 4);
  // OpenSearch took about a minute to pass its readiness probe.
  for (const c of pod3.status?.conditions ?? []) if (c.type === 'Ready' || c.type === 'ContainersReady') c.lastTransitionTime = ago(4.4);
  const claims = [0, 1, 2, 3, 4].flatMap((i) => boundClaim({ namespace: ns, name: `data-opensearch-data-${i}`, storage: '500Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: i === 3 ? 6.5 : i === 4 ? 0.45 : 21 * DAYS - i * 3, labels: { app: 'opensearch-data' } }));
  const dashboards = bystander(ns, 'opensearch-dashboards', names, 3 * DAYS, { revisions: [5, 6], versions: ['2.17.0', '2.17.1'], olderAgo: 40 * DAYS });
  const provisioner = 'ebs.csi.aws.com_ebs-csi-controller-7b9c5d6f4-m4xq8_9c2f1e07-3a5b-4c8d-b1e6-0f7a2d3c4b51';
  const claimEvents = (i: number, m: number): k8s.CoreV1Event[] => {
    const name = `data-opensearch-data-${i}`;
    const on = { kind: 'PersistentVolumeClaim', name, namespace: ns };
    return [
      event({ on, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', firstAgo: m, lastAgo: m, component: 'persistentvolume-controller' }),
      event({ on, type: 'Normal', reason: 'ExternalProvisioning', message: "Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.", count: 2, firstAgo: m - 0.02, lastAgo: m - 0.05, component: 'persistentvolume-controller' }),
      event({ on, type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${ns}/${name}"`, firstAgo: m - 0.03, lastAgo: m - 0.03, component: provisioner }),
      event({ on, type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${volumeOf(ns, name)}`, firstAgo: m - 0.12, lastAgo: m - 0.12, component: provisioner }),
    ];
  };
  const stsRef = { kind: 'StatefulSet', name: 'opensearch-data', namespace: ns };
  const created = (i: number, m: number): k8s.CoreV1Event[] => [
    event({ on: stsRef, type: 'Normal', reason: 'SuccessfulCreate', message: `create Claim data-opensearch-data-${i} Pod opensearch-data-${i} in StatefulSet opensearch-data success`, firstAgo: m, lastAgo: m, component: 'statefulset-controller' }),
    event({ on: stsRef, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod opensearch-data-${i} in StatefulSet opensearch-data successful`, firstAgo: m, lastAgo: m, component: 'statefulset-controller' }),
  ];
  const attached = (p: k8s.V1Pod, i: number, m: number) => event({ on: p, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volumeOf(ns, `data-opensearch-data-${i}`)}" `, firstAgo: m, lastAgo: m, component: 'attachdetach-controller' });
  const fp = 'spec.containers{opensearch}';
  const osLog = (m: number, level: string, logger: string, nodeName: string, msg: string): string => `[${at(m).slice(0, 19)},${at(m).slice(20, 23)}][${level.padEnd(5)}][${logger.padEnd(28)}] [${nodeName}] ${msg}`;
  return {
    id: 'heldout26-statefulset-scale-up-three-to-five',
    class: 'healthy',
    truth: 'The search team scaled the opensearch-data StatefulSet by hand from 3 to 5 replicas (kubectl scale, 6.6 minutes ago) after adding two nodes to the search node group. With OrderedReady, opensearch-data-3 was created first, its gp3 claim provisioned, it started and joined the cluster and is Ready; opensearch-data-4 was created 27 seconds ago, its claim data-opensearch-data-4 was provisioned seconds later, the volume is attached and the kubelet is pulling the image on the fresh node. Only Normal events; nothing is wrong, the scale-up is progressing. The old restart of opensearch-data-1 27 hours ago is unrelated history.',
    ask: { service: 'opensearch-data', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, ...dashboards.objects,
      ...exposed({ namespace: ns, name: 'opensearch-data-headless', headless: true, selector: { app: 'opensearch-data' }, pods: sts.pods, ports: [{ name: 'http', port: 9200, targetPort: 9200 }, { name: 'transport', port: 9300, targetPort: 9300 }], endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: 'opensearch', selector: { app: 'opensearch-data' }, pods: sts.pods, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: 'opensearch-dashboards', selector: { app: 'opensearch-dashboards' }, pods: dashboards.pods }),
      ...names.slice(3).flatMap((n, i) => [
        nodeEvent(n, 'Starting', 'Starting kubelet.', { firstAgo: 24 - i }),
        nodeEvent(n, 'RegisteredNode', `Node ${n} event: Registered Node ${n} in Controller`, { firstAgo: 23.8 - i, component: 'node-controller' }),
        nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 23 - i }),
      ]),
      ...created(3, 6.5), ...claimEvents(3, 6.5),
      scheduled(pod3, 6.35),
      attached(pod3, 3, 6.2),
      event({ on: pod3, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: 6.15, lastAgo: 6.15, fieldPath: fp }),
      event({ on: pod3, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in 31.412s (31.412s including waiting). Image size: 812447102 bytes.`, firstAgo: 5.63, lastAgo: 5.63, fieldPath: fp }),
      event({ on: pod3, type: 'Normal', reason: 'Created', message: 'Created container opensearch', firstAgo: 5.62, lastAgo: 5.62, fieldPath: fp }),
      event({ on: pod3, type: 'Normal', reason: 'Started', message: 'Started container opensearch', firstAgo: 5.6, lastAgo: 5.6, fieldPath: fp }),
      ...created(4, 0.45), ...claimEvents(4, 0.45),
      scheduled(pod4, 0.3),
      attached(pod4, 4, 0.2),
      event({ on: pod4, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: 0.15, lastAgo: 0.15, fieldPath: fp }),
    ],
    logs: [
      logsFor(pod3, 'opensearch', {
        current: lines(
          osLog(5.55, 'INFO', 'o.o.n.Node', 'opensearch-data-3', 'version[2.17.1], pid[1], build[tar/1893d20797e30110e5877170e44d42275ce5951e/2024-09-26T21:59:32.078798875Z], OS[Linux/6.1.112-122.189.amzn2023.x86_64/amd64], JVM[Eclipse Adoptium/OpenJDK 64-Bit Server VM/21.0.4/21.0.4+7-LTS]'),
          osLog(5.1, 'INFO', 'o.o.n.Node', 'opensearch-data-3', 'initialized'),
          osLog(5.1, 'INFO', 'o.o.n.Node', 'opensearch-data-3', 'starting ...'),
          osLog(4.9, 'INFO', 'o.o.c.s.ClusterApplierService', 'opensearch-data-3', 'master node changed {previous [], current [{opensearch-master-1}{Qm2c7cE2T7yZ1pG9qk3nUw}{10.0.208.171}{dimr}]}, added {{opensearch-data-0},{opensearch-data-1},{opensearch-data-2}}, term: 14, version: 22104, reason: ApplyCommitRequest{term=14, version=22104, sourceNode={opensearch-master-1}}'),
          osLog(4.7, 'INFO', 'o.o.n.Node', 'opensearch-data-3', 'started'),
          osLog(2.3, 'INFO', 'o.o.i.r.PeerRecoveryTargetService', 'opensearch-data-3', '[logs-2026.11.20][3] recovery of [logs-2026.11.20][3] from [opensearch-data-0] complete'),
          osLog(0.8, 'INFO', 'o.o.i.r.PeerRecoveryTargetService', 'opensearch-data-3', '[products-v12][1] recovery of [products-v12][1] from [opensearch-data-2] complete'),
        ),
      }),
      logsFor(podOf(sts, 0), 'opensearch', {
        current: lines(
          osLog(4.9, 'INFO', 'o.o.c.s.ClusterApplierService', 'opensearch-data-0', 'added {{opensearch-data-3}{x8V1cRkZQyWm0c3s2Dg9ha}{10.0.208.58}{di}}, term: 14, version: 22104, reason: ApplyCommitRequest{term=14, version=22104, sourceNode={opensearch-master-1}}'),
          osLog(2.3, 'INFO', 'o.o.c.r.a.AllocationService', 'opensearch-data-0', 'rebalancing: relocated [logs-2026.11.20][3] to [opensearch-data-3]'),
        ),
      }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?|faults?)|scal(ing|ed|e)[ -]?up|progress|as expected|normal/i],
      facts: [/opensearch-data-4/, /(3|three)\s*(→|->|to)\s*(5|five)|scal(e|ed|ing)/i],
      never: [/\bOOM/, /crash ?loop/i, /ImagePullBackOff|ErrImagePull|pull (fail|error)/i, /Provisioning ?Failed|FailedScheduling|Unschedulable/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  djangoAllowedHostsRejectsProbes(),
  hikariPoolShrunk(),
  staleProjectedTokenOldClient(),
  rwxClaimOnEbs(),
  circularReadiness(),
  postgresNowRequiresTls(),
  statefulSetScaleUpInProgress(),
];
