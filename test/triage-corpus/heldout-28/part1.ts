// Held-out stories, round 28, part 1: failures written without reading the analysis code.
//
// Classes compiled by JDK 21 on a Java 17 base image (UnsupportedClassVersionError), a php-fpm
// pool whose pm.max_children a release lowered to 5 behind an nginx sidecar, a new node pool
// whose kubelet reserves 56Gi of its 62Gi, autoscaled GKE nodes the route controller could not
// give a route (ROUTES quota), PgBouncer in transaction mode under pgjdbc's server-side prepared
// statements, a Node.js keep-alive shorter than ingress-nginx's upstream keep-alive, and a healthy
// control: a deliberate canary Deployment beside the stable one behind one Service.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, clfTime, configMap, container, crashLoop, deploymentApp, epochMs, event, every, exposed,
  failedScheduling, hpa, httpProbe, pyTime, kubeProxy, nameOf, node, nodeEvent, pulledFresh, restartedAgain, rsOf, running, scaledReplicaSet,
  startedNormally, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

// ---- shared helpers ---------------------------------------------------------------------------

const lines = (...xs: string[]): string => xs.join('\n') + '\n';

function deploymentOf(app: Built): KubeJson {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment');
  return d;
}

const p2 = (n: number): string => String(n).padStart(2, '0');
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** php-fpm's own log time: `21-Nov-2026 03:10:12`. */
function fpmTime(m: number): string {
  const d = ago(m);
  return `${p2(d.getUTCDate())}-${MON[d.getUTCMonth()]}-${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** nginx's error log time: `2026/11/21 03:10:12`. */
const nginxTime = (m: number): string => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

/** A Spring Boot 3 console line: `2026-11-21T03:12:41.563Z  WARN 1 --- [app] [nio-8080-exec-7] o.h.e.j.s.SqlExceptionHelper   : …`. */
function spring(app: string, m: number, level: 'INFO' | 'WARN' | 'ERROR' | 'DEBUG', thread: string, logger: string, msg: string): string {
  const t = thread.length > 15 ? thread.slice(thread.length - 15) : thread.padStart(15);
  const l = logger.length > 40 ? logger.slice(logger.length - 40) : logger.padEnd(40);
  return `${at(m)} ${level.padStart(5)} 1 --- [${app}] [${t}] ${l} : ${msg}`;
}

// ---- 1. classes compiled for Java 21 on a Java 17 base image -------------------------------------

function jdk21ClassesOnJava17Runtime(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.142', ['18', '93', '201']);
  const image = (v: string) => `${ECR}/billing/invoice-service:${v}`;
  const mainClass = 'com.acme.billing.InvoiceServiceApplication';
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      // Jib's entrypoint: the classpath file and the main class, on the base image's JVM.
      command: ['java', '-cp', '@/app/jib-classpath-file', mainClass],
      ports: [8080],
      cpu: '500m',
      memory: '1Gi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError' },
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'invoice-service-db', key: 'password' } } },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
    serviceAccountName: 'invoice-service',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-service',
    replicas: 4,
    revisions: [
      { revision: 40, createdAgo: 9 * DAYS, changeCause: 'argocd: invoice-service 2.17.4', template: tpl('2.17.4') },
      { revision: 41, createdAgo: 3 * DAYS, changeCause: 'argocd: invoice-service 2.18.0', template: tpl('2.18.0') },
      { revision: 42, createdAgo: 18, changeCause: 'argocd: invoice-service 2.19.0', template: tpl('2.19.0') },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 3 * DAYS },
      // Old noise: a liveness kill during last night's batch, running fine since.
      { revision: 41, node: names[1] ?? '', createdAgo: 3 * DAYS - 2, containers: { app: running({ sinceAgo: 19 * HOURS, last: { exitCode: 143, finishedAgo: 19 * HOURS, ranSeconds: 2 * 24 * 3600 } }) } },
      { revision: 41, node: names[2] ?? '', createdAgo: 3 * DAYS - 4 },
      { revision: 42, node: names[2] ?? '', createdAgo: 17.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.4, ranSeconds: 0.6 }, 8) } },
      { revision: 42, node: names[0] ?? '', createdAgo: 17.7, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 0.5 }, 8) } },
    ],
  });
  const [a, b, c, n1, n2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3), podOf(app, 4)];
  const renderer = bystander(ns, 'invoice-pdf-renderer', names, 41, { revisions: [12, 13], versions: ['0.9.3', '0.9.4'], olderAgo: 20 * DAYS });
  const jvm = lines(
    'Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError',
    `Error: LinkageError occurred while loading main class ${mainClass}`,
    '\tjava.lang.UnsupportedClassVersionError: com/acme/billing/InvoiceServiceApplication has been compiled by a more recent version of the Java Runtime (class file version 65.0), this version of the Java Runtime only recognizes class file versions up to 61.0',
  );
  const served = (p: k8s.V1Pod) => lines(
    spring('invoice-service', 2.6, 'INFO', 'nio-8080-exec-3', 'c.a.billing.api.InvoiceController', `GET /v2/invoices?customerId=C-448120 200 in 41ms pod=${nameOf(p)}`),
    spring('invoice-service', 1.9, 'INFO', 'nio-8080-exec-9', 'c.a.billing.api.InvoiceController', 'POST /v2/invoices 201 in 118ms'),
    spring('invoice-service', 0.7, 'INFO', 'scheduling-1', 'c.a.billing.dunning.DunningScheduler', 'dunning run: 14 reminders queued'),
  );
  const crashEvents = (p: k8s.V1Pod, t: number, lastAgo: number) => [
    ...pulledFresh(p, 'app', image('2.19.0'), { atAgo: t, bytes: 212_448_913, seconds: 6.113 }),
    event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', count: 9, firstAgo: t - 0.1, lastAgo, fieldPath: 'spec.containers{app}' }),
    event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', count: 9, firstAgo: t - 0.1, lastAgo, fieldPath: 'spec.containers{app}' }),
    event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image('2.19.0')}" already present on machine`, count: 8, firstAgo: t - 0.2, lastAgo, fieldPath: 'spec.containers{app}' }),
    backOff(p, 'app', { count: 76, firstAgo: t - 0.15, lastAgo: 0.2 }),
  ];
  const dep = deploymentOf(app);
  return {
    id: 'heldout28-jdk21-classes-on-java17-runtime',
    class: 'containers',
    truth: 'invoice-service 2.19.0 (revision 42, 18 minutes ago) was the first build after the Gradle toolchain was bumped to JDK 21, but the Jib base image stayed eclipse-temurin:17-jre. The JVM refuses the application classes (class file version 65.0 = Java 21, the runtime recognizes up to 61.0 = Java 17): every revision-42 container exits 1 within a second with java.lang.UnsupportedClassVersionError and crash-loops, the rollout is stuck past its deadline and the three revision-41 pods keep serving. Fix: roll back to revision 41, then rebuild on a Java 21 base image (or compile with --release 17).',
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...renderer.objects,
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-pdf-renderer', selector: { app: 'invoice-pdf-renderer' }, pods: renderer.pods }),
      scaledReplicaSet(dep, rsOf(app, 42), 1, 0, 17.9),
      scaledReplicaSet(dep, rsOf(app, 41), 3, 4, 17.85),
      scaledReplicaSet(dep, rsOf(app, 42), 2, 1, 17.8),
      scaledReplicaSet(deploymentOf(renderer), rsOf(renderer, 13), 2, 0, 41),
      scaledReplicaSet(deploymentOf(renderer), rsOf(renderer, 12), 0, 2, 40),
      ...crashEvents(n1, 17.8, 1.5),
      ...crashEvents(n2, 17.7, 2.2),
    ],
    logs: [
      logsFor(n1, 'app', { current: jvm, previous: jvm }),
      logsFor(n2, 'app', { current: jvm, previous: jvm }),
      logsFor(a, 'app', { current: served(a) }),
      logsFor(b, 'app', {
        current: served(b),
        previous: lines(
          spring('invoice-service', 19 * HOURS + 2, 'WARN', 'HikariPool-1 housekeeper', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m12s).'),
          spring('invoice-service', 19 * HOURS + 0.4, 'INFO', 'ionShutdownHook', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Commencing graceful shutdown. Waiting for active requests to complete'),
        ),
      }),
      logsFor(c, 'app', { current: served(c) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/UnsupportedClassVersionError|class file version|Java (Runtime )?(17|21)|JDK ?(17|21)/i],
      facts: [/65\.0/, /61\.0/, /revision 42|2\.19\.0/],
      never: [/\bOOM/, /invoice-pdf-renderer/, /ImagePull|image pull/i, /liveness probe[^\n]*(cause|kill|fail)/i],
    },
  };
}

// ---- 2. a release's www.conf lowered php-fpm's pm.max_children to 5 behind an nginx sidecar ------

function phpFpmMaxChildrenLowered(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.77', ['12', '140', '66']);
  const image = (v: string) => `${ECR}/storefront/catalog-web:${v}`;
  const nginxImage = 'docker.io/library/nginx:1.27.2-alpine';
  const fpmOld = 'catalog-web-fpm-5g7t2k9hbm';
  const fpmNew = 'catalog-web-fpm-8m4d6c2fbt';
  const tpl = (v: string, fpmConfig: string) => ({
    containers: [
      container({
        name: 'nginx',
        image: nginxImage,
        ports: [8080],
        cpu: '100m',
        memory: '128Mi',
        // nginx answers its own health location: the probes never reach php-fpm.
        readiness: httpProbe('/nginx-health', 8080),
        liveness: httpProbe('/nginx-health', 8080, { initialDelaySeconds: 5 }),
        volumeMounts: [{ name: 'nginx-conf', mountPath: '/etc/nginx/conf.d', readOnly: true }, { name: 'php-socket', mountPath: '/run/php' }],
      }),
      container({
        name: 'php-fpm',
        image: image(v),
        ports: [],
        cpu: '1',
        memory: '1536Mi',
        readiness: null,
        liveness: null,
        env: [{ name: 'APP_ENV', value: 'production' }, { name: 'DB_HOST', value: 'catalog-db.storefront.svc.cluster.local' }],
        envFrom: [{ secretRef: { name: 'catalog-web-env' } }],
        volumeMounts: [{ name: 'fpm-pool', mountPath: '/usr/local/etc/php-fpm.d/zz-www.conf', subPath: 'www.conf', readOnly: true }, { name: 'php-socket', mountPath: '/run/php' }],
      }),
    ],
    volumes: [
      { name: 'nginx-conf', configMap: { name: 'catalog-web-nginx', defaultMode: 420 } },
      { name: 'fpm-pool', configMap: { name: fpmConfig, defaultMode: 420 } },
      { name: 'php-socket', emptyDir: {} },
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-web',
    replicas: 3,
    revisions: [
      { revision: 16, createdAgo: 6 * DAYS, changeCause: 'argocd: catalog-web 3.8.1', template: tpl('3.8.1', fpmOld) },
      { revision: 17, createdAgo: 38, changeCause: 'argocd: catalog-web 3.9.0', template: tpl('3.9.0', fpmNew) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 17, node: names[k] ?? '', createdAgo: 37.5 - k * 1.2 })),
  });
  const worker = deploymentApp({
    namespace: ns,
    name: 'catalog-worker',
    replicas: 2,
    revisions: [{ revision: 9, createdAgo: 6 * DAYS, changeCause: 'argocd: catalog-web 3.8.1', template: { containers: [container({ image: image('3.8.1'), command: ['php', 'artisan', 'queue:work', '--sleep=3', '--tries=3', '--max-time=3600'], ports: [], readiness: null, liveness: null, memory: '512Mi' })] } }],
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 6 * DAYS },
      // Old noise: the worker died once yesterday on a bad import file.
      { revision: 9, node: names[2] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 21 * HOURS, last: { exitCode: 255, finishedAgo: 21 * HOURS, ranSeconds: 3500 } }) } },
    ],
  });
  const pool = (maxChildren: number, start: number, minSpare: number, maxSpare: number) => [
    '[www]',
    'user = www-data',
    'group = www-data',
    'listen = /run/php/php-fpm.sock',
    'listen.owner = www-data',
    'listen.group = www-data',
    'listen.mode = 0660',
    'pm = dynamic',
    `pm.max_children = ${maxChildren}`,
    `pm.start_servers = ${start}`,
    `pm.min_spare_servers = ${minSpare}`,
    `pm.max_spare_servers = ${maxSpare}`,
    'pm.max_requests = 500',
    'request_terminate_timeout = 60s',
    'clear_env = no',
    'catch_workers_output = yes',
    '',
  ].join('\n');
  const nginxConf = [
    'server {',
    '    listen 8080 default_server;',
    '    server_name _;',
    '    root /var/www/html/public;',
    '    index index.php;',
    '    location = /nginx-health { access_log off; return 200 "ok"; }',
    '    location / { try_files $uri $uri/ /index.php?$query_string; }',
    '    location ~ \\.php$ {',
    '        fastcgi_pass unix:/run/php/php-fpm.sock;',
    '        fastcgi_read_timeout 30s;',
    '        fastcgi_param SCRIPT_FILENAME $realpath_root$fastcgi_script_name;',
    '        include fastcgi_params;',
    '    }',
    '}',
    '',
  ].join('\n');
  const [w0, w1, w2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const host = 'catalog.shop.example.com';
  const clients = ['10.0.77.201', '10.0.77.38', '10.0.77.154'];
  const nginxLogs = (p: k8s.V1Pod, i: number) => {
    const client = clients[i] ?? '10.0.77.201';
    let conn = 48_211 + i * 7_000;
    return every(9, 0.1, 20, (t, k) => {
      conn += 37;
      const path = ['/products/8812', '/api/products?category=shoes&page=2', '/products/1290', '/search?q=trail+runner'][k % 4] ?? '/';
      if (k % 5 === 1) return lines(
        `${nginxTime(t)} [error] 29#29: *${conn} connect() to unix:/run/php/php-fpm.sock failed (11: Resource temporarily unavailable) while connecting to upstream, client: ${client}, server: _, request: "GET ${path} HTTP/1.1", upstream: "fastcgi://unix:/run/php/php-fpm.sock:", host: "${host}"`,
        `${client} - - [${clfTime(t)}] "GET ${path} HTTP/1.1" 502 157 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15" "203.0.113.${40 + k}"`,
      );
      if (k % 5 === 3) return lines(
        `${nginxTime(t)} [error] 29#29: *${conn} upstream timed out (110: Connection timed out) while reading response header from upstream, client: ${client}, server: _, request: "GET ${path} HTTP/1.1", upstream: "fastcgi://unix:/run/php/php-fpm.sock", host: "${host}"`,
        `${client} - - [${clfTime(t)}] "GET ${path} HTTP/1.1" 504 167 "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36" "198.51.100.${10 + k}"`,
      );
      return lines(`${client} - - [${clfTime(t)}] "GET ${path} HTTP/1.1" 200 ${18_000 + k * 131} "-" "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15" "192.0.2.${20 + k}"`);
    });
  };
  const fpmLogs = (i: number) => lines(
    `[${fpmTime(37.2 - i * 1.2)}] NOTICE: fpm is running, pid 1`,
    `[${fpmTime(37.2 - i * 1.2)}] NOTICE: ready to handle connections`,
    `${clients[i] ?? ''} -  ${clfTime(30)} "GET /index.php" 200`,
    `[${fpmTime(27.4 - i)}] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it`,
    `${clients[i] ?? ''} -  ${clfTime(12)} "GET /index.php" 200`,
    `[${fpmTime(11.1 - i)}] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it`,
    `${clients[i] ?? ''} -  ${clfTime(4)} "GET /index.php" 200`,
    `[${fpmTime(3.6 - i * 0.5)}] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it`,
    `${clients[i] ?? ''} -  ${clfTime(0.3)} "GET /index.php" 200`,
  );
  const dep = deploymentOf(app);
  const rollEvents = [w0, w1, w2].flatMap((p, i) => startedNormally(p, 'nginx', nginxImage, 37.5 - i * 1.2));
  return {
    id: 'heldout28-php-fpm-max-children-lowered',
    class: 'config',
    truth: 'catalog-web 3.9.0 (revision 17, 38 minutes ago) shipped a "cleaned-up" php-fpm pool file copied from the upstream defaults: its generated ConfigMap catalog-web-fpm-8m4d6c2fbt sets pm.max_children = 5 where revision 16\'s catalog-web-fpm-5g7t2k9hbm had 40. Each pod now runs at most five PHP workers; at normal traffic the pool is saturated (php-fpm: "server reached pm.max_children setting (5)"), the socket backlog overflows and nginx answers 502 (connect() to unix:/run/php/php-fpm.sock failed (11: Resource temporarily unavailable)) and 504 (upstream timed out). The pods stay Ready because the probes hit nginx\'s own health location. Fix: restore pm.max_children (40) in the pool file, or roll back to revision 16.',
    ask: { service: 'catalog-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...worker.objects,
      ...exposed({ namespace: ns, name: 'catalog-web', selector: { app: 'catalog-web' }, pods: app.pods }),
      configMap({ namespace: ns, name: 'catalog-web-nginx', createdAgo: 80 * DAYS, data: { 'default.conf': nginxConf } }),
      configMap({ namespace: ns, name: fpmOld, createdAgo: 6 * DAYS, data: { 'www.conf': pool(40, 8, 4, 12) } }),
      configMap({ namespace: ns, name: fpmNew, createdAgo: 38, data: { 'www.conf': pool(5, 2, 1, 3) } }),
      scaledReplicaSet(dep, rsOf(app, 17), 1, 0, 37.6),
      scaledReplicaSet(dep, rsOf(app, 16), 2, 3, 36.9),
      scaledReplicaSet(dep, rsOf(app, 17), 2, 1, 36.9),
      scaledReplicaSet(dep, rsOf(app, 16), 1, 2, 35.7),
      scaledReplicaSet(dep, rsOf(app, 17), 3, 2, 35.7),
      scaledReplicaSet(dep, rsOf(app, 16), 0, 1, 34.6),
      ...rollEvents,
      // Stale: the worker's crash yesterday.
      event({ on: podOf(worker, 1), reason: 'BackOff', message: `Back-off restarting failed container app in pod ${nameOf(podOf(worker, 1))}_${ns}(${podOf(worker, 1).metadata?.uid ?? ''})`, count: 1, firstAgo: 21 * HOURS, lastAgo: 21 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...[w0, w1, w2].map((p, i) => logsFor(p, 'nginx', { current: nginxLogs(p, i) })),
      ...[w0, w1, w2].map((p, i) => logsFor(p, 'php-fpm', { current: fpmLogs(i) })),
      logsFor(podOf(worker, 0), 'app', { current: lines(`[${at(2).replace('T', ' ').slice(0, 19)}] production.INFO: Processed job App\\Jobs\\ReindexProduct {"id":"8812","ms":412}`) }),
      logsFor(podOf(worker, 1), 'app', {
        current: lines(`[${at(1).replace('T', ' ').slice(0, 19)}] production.INFO: Processed job App\\Jobs\\SyncStock {"sku_count":140,"ms":988}`),
        previous: lines(`[${ago(21 * HOURS).toISOString().replace('T', ' ').slice(0, 19)}] production.ERROR: Allowed memory size of 268435456 bytes exhausted (tried to allocate 20480 bytes) {"exception":"[object] (Symfony\\Component\\ErrorHandler\\Error\\FatalError(code: 0): Allowed memory size of 268435456 bytes exhausted at /var/www/html/app/Imports/SupplierFeed.php:88)"}`),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max_children|php-fpm[^\n]*(worker|pool|children|saturat)/i],
      facts: [/max_children[^\n]{0,40}\b5\b|\(5\)/, /\b50[24]\b|Resource temporarily unavailable|upstream timed out/, /catalog-web-fpm-8m4d6c2fbt|revision 17|3\.9\.0/],
      never: [/\bOOM/, /catalog-worker/, /crash ?loop/i, /readiness probe[^\n]*fail/i],
    },
  };
}

// ---- 3. a new node pool whose kubelet reserves 56Gi of 62Gi ---------------------------------------

function kubeletReservedTypoAllocatable(): CorpusScenario {
  const ns = 'analytics';
  const general = threeEksNodes('10.0.60', ['21', '118', '205']);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  // r6i.2xlarge (8 vCPU, 64 GiB) in the node group that replaced ingest-v1 this morning.
  const ingest = ['44', '171', '230'].map((h, i) => {
    const n = node({
      name: eksNodeName(`10.0.61.${h}`),
      zone: zones[i] ?? 'eu-west-1a',
      instanceType: 'r6i.2xlarge',
      pool: 'ingest-v2',
      labels: { workload: 'ingest', 'eks.amazonaws.com/capacityType': 'ON_DEMAND' },
      createdAgo: 5 * HOURS + i * 2,
      readySince: 5 * HOURS + i * 2 - 1,
      allocatable: { cpu: '7910m', 'ephemeral-storage': '95491281146', memory: '6063860Ki', pods: '58' },
    });
    if (n.status) n.status.capacity = { cpu: '8', 'ephemeral-storage': '104845292Ki', memory: '64886516Ki', pods: '58' };
    return n;
  });
  const ingestNames = ingest.map(nameOf);
  const tplOf = (v: string) => ({
    containers: [container({
      image: `${ECR}/analytics/clickstream-ingest:${v}`,
      ports: [8080],
      cpu: '500m',
      memory: '3Gi',
      env: [{ name: 'KAFKA_BROKERS', value: 'b-1.clickstream.kafka.eu-west-1.amazonaws.com:9098,b-2.clickstream.kafka.eu-west-1.amazonaws.com:9098' }, { name: 'GOMEMLIMIT', value: '2750MiB' }],
      readiness: httpProbe('/readyz', 8080),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
    })],
    nodeSelector: { workload: 'ingest' },
  });
  const pendingMsg = '0/6 nodes are available: 3 Insufficient memory, 3 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/6 nodes are available: 3 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.';
  const app = deploymentApp({
    namespace: ns,
    name: 'clickstream-ingest',
    replicas: 8,
    revisions: [
      { revision: 8, createdAgo: 24 * DAYS, changeCause: 'argocd: clickstream-ingest 5.4.1', template: tplOf('5.4.1') },
      { revision: 9, createdAgo: 11 * DAYS, changeCause: 'argocd: clickstream-ingest 5.4.2', template: tplOf('5.4.2') },
    ],
    pods: [
      // Rescheduled onto ingest-v2 when ingest-v1 was drained this morning: one per node.
      ...[0, 1, 2].map((k) => ({ revision: 9, node: ingestNames[k] ?? '', createdAgo: 4 * HOURS + 30 - k * 3 })),
      ...[0, 1, 2, 3, 4].map((k) => ({ revision: 9, node: null, createdAgo: 23.8 - k * 0.01, unschedulable: pendingMsg, containers: {} })),
    ],
  });
  const pending = [3, 4, 5, 6, 7].map((i) => podOf(app, i));
  const api = deploymentApp({
    namespace: ns,
    name: 'clickstream-api',
    replicas: 2,
    revisions: [{ revision: 31, createdAgo: 4 * DAYS, changeCause: 'argocd: clickstream-api 2.2.0', template: { containers: [container({ image: `${ECR}/analytics/clickstream-api:2.2.0`, ports: [8080], memory: '768Mi' })] } }],
    pods: [
      { revision: 31, node: general.names[0] ?? '', createdAgo: 4 * DAYS },
      // Old noise: a restart last night.
      { revision: 31, node: general.names[1] ?? '', createdAgo: 4 * DAYS, containers: { app: running({ sinceAgo: 15 * HOURS, last: { exitCode: 2, finishedAgo: 15 * HOURS, ranSeconds: 3 * 24 * 3600 } }) } },
    ],
  });
  const proxy = kubeProxy([...general.names, ...ingestNames].map((n) => ({ node: n })));
  const dep = deploymentOf(app);
  const ingestLogs = (p: k8s.V1Pod) => lines(
    `{"time":"${at(3)}","level":"INFO","msg":"batch committed","partition":${p.metadata?.name?.length ?? 7},"records":18244,"lag":412330,"dur_ms":912}`,
    `{"time":"${at(1.5)}","level":"WARN","msg":"consumer lag growing","topic":"clickstream.events.v3","lag":431871}`,
    `{"time":"${at(0.5)}","level":"INFO","msg":"batch committed","partition":${p.metadata?.name?.length ?? 7},"records":18102,"lag":438004,"dur_ms":944}`,
  );
  return {
    id: 'heldout28-kubelet-reserved-typo-allocatable',
    class: 'scheduling',
    truth: 'The ingest-v2 node group (r6i.2xlarge, 64 GiB) that replaced ingest-v1 this morning was launched with a kubelet kube-reserved memory of 57344Mi instead of 5734Mi (an extra digit in the launch template): each node has 62Gi of capacity but only ~5.8Gi allocatable. The three ingest pods (3Gi requests) each fill one node; when the HPA scaled clickstream-ingest from 3 to 8 replicas 24 minutes ago, the five new pods stayed Pending with "3 Insufficient memory" although the nodes are nearly empty, and the cluster autoscaler could not add nodes (group at its max of 3). Fix: correct kube-reserved in the launch template and roll the node group.',
    ask: { service: 'clickstream-ingest', namespace: ns },
    objects: [
      ...general.nodes, ...ingest, ...app.objects, ...api.objects, ...proxy.objects,
      ...exposed({ namespace: ns, name: 'clickstream-ingest', selector: { app: 'clickstream-ingest' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'clickstream-api', selector: { app: 'clickstream-api' }, pods: api.pods }),
      hpa({ namespace: ns, name: 'clickstream-ingest', target: { kind: 'Deployment', name: 'clickstream-ingest' }, min: 3, max: 12, current: 8, desired: 8, cpu: { current: 184, target: 70, averageValue: '920m' }, lastScaleAgo: 24 }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'clickstream-ingest', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 8; reason: cpu resource utilization (percentage of request) above target', firstAgo: 24, lastAgo: 24, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(dep, rsOf(app, 9), 8, 3, 23.9),
      ...pending.flatMap((p) => [
        failedScheduling(p, pendingMsg, { count: 7, firstAgo: 23.8, lastAgo: 1.2 }),
        event({ on: p, type: 'Normal', reason: 'NotTriggerScaleUp', message: 'pod didn\'t trigger scale-up: 3 node(s) didn\'t match Pod\'s node affinity/selector, 1 max node group size reached', count: 22, firstAgo: 23.5, lastAgo: 0.6, component: 'cluster-autoscaler' }),
      ]),
      ...ingestNames.flatMap((n, i) => [
        nodeEvent(n, 'Starting', 'Starting kubelet.', { firstAgo: 5 * HOURS + i * 2 - 0.5 }),
        nodeEvent(n, 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', { firstAgo: 5 * HOURS + i * 2 - 0.5 }),
        nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 5 * HOURS + i * 2 - 1 }),
      ]),
      // Stale: a readiness blip on the API last night.
      event({ on: podOf(api, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(api, 1))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 15 * HOURS + 1, lastAgo: 15 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...[0, 1, 2].map((i) => logsFor(podOf(app, i), 'app', { current: ingestLogs(podOf(app, i)) })),
      logsFor(podOf(api, 0), 'app', { current: lines(`{"time":"${at(0.8)}","level":"INFO","msg":"GET /v1/sessions/summary","status":200,"dur_ms":23}`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/allocatable|reserved/i],
      facts: [lit('Insufficient memory'), /ingest-v2|r6i\.2xlarge|ip-10-0-61-(44|171|230)/, /6063860Ki|\b5\.\d+ ?Gi|\b6(\.\d+)? ?Gi\b|\b59\d\d ?Mi/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /MemoryPressure|memory pressure/i, /clickstream-api/],
    },
  };
}

// ---- 4. autoscaled GKE nodes the route controller could not route (ROUTES quota) -----------------

const GKE_POOL = 'gke-prod-eu-default-pool-8c1d2e3f';

/** A node of a routes-based (non VPC-native) GKE cluster; `noRoute`: minutes since its route failed. */
function gkeNode(suffix: string, zone: string, o: { createdAgo: number; podCIDR: string; noRoute?: number }): k8s.V1Node {
  const name = `${GKE_POOL}-${suffix}`;
  const n = node({
    name,
    zone,
    instanceType: 'e2-standard-4',
    createdAgo: o.createdAgo,
    readySince: o.createdAgo - 0.8,
    allocatable: { cpu: '3920m', 'ephemeral-storage': '47060071478', memory: '13554588Ki', pods: '110' },
    ...(o.noRoute === undefined ? {} : { pressure: { network: o.noRoute }, taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule', timeAdded: ago(o.noRoute) }] }),
  });
  n.metadata = {
    ...n.metadata,
    labels: {
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/instance-type': 'e2-standard-4',
      'beta.kubernetes.io/os': 'linux',
      'cloud.google.com/gke-boot-disk': 'pd-balanced',
      'cloud.google.com/gke-container-runtime': 'containerd',
      'cloud.google.com/gke-nodepool': 'default-pool',
      'cloud.google.com/gke-os-distribution': 'cos',
      'cloud.google.com/machine-family': 'e2',
      'failure-domain.beta.kubernetes.io/region': 'europe-west1',
      'failure-domain.beta.kubernetes.io/zone': zone,
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': name,
      'kubernetes.io/os': 'linux',
      'node.kubernetes.io/instance-type': 'e2-standard-4',
      'topology.kubernetes.io/region': 'europe-west1',
      'topology.kubernetes.io/zone': zone,
    },
  };
  n.spec = { ...n.spec, providerID: `gce://acme-prod/${zone}/${name}`, podCIDR: o.podCIDR, podCIDRs: [o.podCIDR] };
  if (n.status) {
    n.status.capacity = { cpu: '4', 'ephemeral-storage': '98831908Ki', memory: '16374256Ki', pods: '110' };
    const conds = (n.status.conditions ?? []).filter((c) => c.type !== 'NetworkUnavailable');
    const net: k8s.V1NodeCondition = o.noRoute === undefined
      ? { type: 'NetworkUnavailable', status: 'False', reason: 'RouteCreated', message: 'RouteController created a route', lastHeartbeatTime: ago(o.createdAgo - 0.5), lastTransitionTime: ago(o.createdAgo - 0.5) }
      : { type: 'NetworkUnavailable', status: 'True', reason: 'NoRouteCreated', message: 'RouteController failed to create a route', lastHeartbeatTime: ago(0.2), lastTransitionTime: ago(o.noRoute) };
    n.status.conditions = [net, ...conds];
    if (n.status.nodeInfo) {
      n.status.nodeInfo = { ...n.status.nodeInfo, kernelVersion: '6.1.100+', kubeProxyVersion: 'v1.30.5-gke.1014001', kubeletVersion: 'v1.30.5-gke.1014001', osImage: 'Container-Optimized OS from Google', containerRuntimeVersion: 'containerd://1.7.22' };
    }
  }
  return n;
}

function autoscaledNodesNoRouteQuota(): CorpusScenario {
  const ns = 'media';
  const old = [
    gkeNode('b7x2', 'europe-west1-b', { createdAgo: 34 * DAYS, podCIDR: '10.60.0.0/24' }),
    gkeNode('k9qm', 'europe-west1-c', { createdAgo: 34 * DAYS, podCIDR: '10.60.1.0/24' }),
    gkeNode('t4wz', 'europe-west1-d', { createdAgo: 12 * DAYS, podCIDR: '10.60.5.0/24' }),
  ];
  const fresh = [
    gkeNode('m2pd', 'europe-west1-b', { createdAgo: 16.5, podCIDR: '10.60.7.0/24', noRoute: 16 }),
    gkeNode('r8vn', 'europe-west1-c', { createdAgo: 16.2, podCIDR: '10.60.8.0/24', noRoute: 15.7 }),
  ];
  const [o0, o1, o2] = old.map(nameOf);
  const registry = 'europe-west1-docker.pkg.dev/acme-prod/media';
  const tpl = (v: string) => ({
    containers: [container({
      image: `${registry}/thumbnailer:${v}`,
      ports: [8080],
      cpu: '1500m',
      memory: '1Gi',
      env: [{ name: 'PUBSUB_SUBSCRIPTION', value: 'projects/acme-prod/subscriptions/uploads-thumbnails' }, { name: 'GOMAXPROCS', value: '2' }],
      readiness: httpProbe('/readyz', 8080),
      liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }),
    })],
    serviceAccountName: 'thumbnailer',
  });
  const pendingMsg = '0/5 nodes are available: 2 node(s) had untolerated taint {node.kubernetes.io/network-unavailable: }, 3 Insufficient cpu. preemption: 0/5 nodes are available: 2 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 9,
    revisions: [
      { revision: 30, createdAgo: 15 * DAYS, changeCause: 'argocd: thumbnailer 4.7.1', template: tpl('4.7.1') },
      { revision: 31, createdAgo: 6 * DAYS, changeCause: 'argocd: thumbnailer 4.7.2', template: tpl('4.7.2') },
    ],
    pods: [
      { revision: 31, node: o0 ?? '', createdAgo: 6 * DAYS },
      { revision: 31, node: o1 ?? '', createdAgo: 6 * DAYS },
      { revision: 31, node: o2 ?? '', createdAgo: 6 * DAYS },
      { revision: 31, node: o0 ?? '', createdAgo: 2 * DAYS },
      { revision: 31, node: o2 ?? '', createdAgo: 19.6 },
      ...[0, 1, 2, 3].map(() => ({ revision: 31, node: null, createdAgo: 19.6, unschedulable: pendingMsg, containers: {} })),
    ],
  });
  const pending = [5, 6, 7, 8].map((i) => podOf(app, i));
  const mediaApi = deploymentApp({
    namespace: ns,
    name: 'media-api',
    replicas: 3,
    revisions: [
      { revision: 52, createdAgo: 9 * DAYS, changeCause: 'argocd: media-api 1.31.0', template: { containers: [container({ image: `${registry}/media-api:1.31.0`, ports: [8080], cpu: '750m', memory: '768Mi' })] } },
      { revision: 53, createdAgo: 2 * DAYS, changeCause: 'argocd: media-api 1.31.1', template: { containers: [container({ image: `${registry}/media-api:1.31.1`, ports: [8080], cpu: '750m', memory: '768Mi' })] } },
    ],
    pods: [
      { revision: 53, node: o0 ?? '', createdAgo: 2 * DAYS - 1 },
      { revision: 53, node: o1 ?? '', createdAgo: 2 * DAYS - 2 },
      // Old noise: a restart 9 hours ago after a panic, running since.
      { revision: 53, node: o2 ?? '', createdAgo: 2 * DAYS - 3, containers: { app: running({ sinceAgo: 9 * HOURS, last: { exitCode: 2, finishedAgo: 9 * HOURS, ranSeconds: 38 * 3600 } }) } },
    ],
  });
  const dep = deploymentOf(app);
  const grp = `https://www.googleapis.com/compute/v1/projects/acme-prod/zones/europe-west1-b/instanceGroups/${GKE_POOL}-grp`;
  const routeFailed = (n: k8s.V1Node, cidr: string, since: number, count: number) =>
    event({
      on: { kind: 'Node', name: nameOf(n) },
      reason: 'FailedToCreateRoute',
      message: `Could not create route ${n.metadata?.uid ?? ''} ${cidr} for node ${nameOf(n)} after 1.284193617s: googleapi: Error 403: Quota 'ROUTES' exceeded.  Limit: 250.0 globally., quotaExceeded`,
      count,
      firstAgo: since,
      lastAgo: 0.4,
      component: 'route_controller',
    });
  const workerLogs = (p: k8s.V1Pod) => lines(
    `{"time":"${at(2.2)}","level":"INFO","msg":"thumbnail rendered","object":"uploads/2026/11/21/${nameOf(p).slice(-5)}-a.jpg","sizes":[128,512,1024],"dur_ms":1840}`,
    `{"time":"${at(1.1)}","level":"WARN","msg":"subscription backlog","undelivered":48213,"oldest_unacked_s":1104}`,
    `{"time":"${at(0.3)}","level":"INFO","msg":"thumbnail rendered","object":"uploads/2026/11/21/${nameOf(p).slice(-5)}-b.png","sizes":[128,512,1024],"dur_ms":2210}`,
  );
  return {
    id: 'heldout28-autoscaled-nodes-no-route-quota',
    class: 'nodes',
    truth: 'A burst of uploads made the HPA scale thumbnailer from 5 to 9 replicas 20 minutes ago; the three existing nodes had no cpu left, so the cluster autoscaler grew default-pool from 3 to 5 nodes. This routes-based (non VPC-native) GKE cluster needs one VPC route per node, and the project\'s ROUTES quota (250) is exhausted: the route controller cannot create the routes for the new nodes (googleapi 403 quotaExceeded), so they stay NetworkUnavailable=True (NoRouteCreated) with the node.kubernetes.io/network-unavailable:NoSchedule taint, and the four pending thumbnailer pods can be placed nowhere. Fix: raise the ROUTES quota or delete stale routes (longer term: migrate to VPC-native); the workload and its revisions are not the cause.',
    ask: { service: 'thumbnailer', namespace: ns },
    objects: [
      ...old, ...fresh, ...app.objects, ...mediaApi.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-api', selector: { app: 'media-api' }, pods: mediaApi.pods }),
      hpa({ namespace: ns, name: 'thumbnailer', target: { kind: 'Deployment', name: 'thumbnailer' }, min: 3, max: 12, current: 9, desired: 9, cpu: { current: 142, target: 75, averageValue: '2130m' }, lastScaleAgo: 19.8 }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'thumbnailer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 9; reason: cpu resource utilization (percentage of request) above target', firstAgo: 19.8, lastAgo: 19.8, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(dep, rsOf(app, 31), 9, 5, 19.7),
      ...startedNormally(podOf(app, 4), 'app', `${registry}/thumbnailer:4.7.2`, 19.5),
      ...pending.flatMap((p) => [
        failedScheduling(p, '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', { count: 2, firstAgo: 19.6, lastAgo: 17 }),
        event({ on: p, type: 'Normal', reason: 'TriggeredScaleUp', message: `pod triggered scale-up: [{${grp} 3->5 (max: 10)}]`, firstAgo: 19.2, lastAgo: 19.2, component: 'cluster-autoscaler' }),
        failedScheduling(p, pendingMsg, { count: 9, firstAgo: 15.5, lastAgo: 0.9 }),
      ]),
      ...fresh.flatMap((n, i) => {
        const name = nameOf(n);
        const t = i === 0 ? 16.5 : 16.2;
        return [
          nodeEvent(name, 'Starting', 'Starting kubelet.', { firstAgo: t - 0.1 }),
          nodeEvent(name, 'NodeHasSufficientMemory', `Node ${name} status is now: NodeHasSufficientMemory`, { firstAgo: t - 0.1 }),
          nodeEvent(name, 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`, { firstAgo: t - 0.05, component: 'node-controller' }),
          nodeEvent(name, 'NodeReady', `Node ${name} status is now: NodeReady`, { firstAgo: t - 0.8 }),
          routeFailed(n, i === 0 ? '10.60.7.0/24' : '10.60.8.0/24', t - 0.4, 93 - i * 2),
        ];
      }),
    ],
    logs: [
      ...[0, 1, 2, 3, 4].map((i) => logsFor(podOf(app, i), 'app', { current: workerLogs(podOf(app, i)) })),
      logsFor(podOf(mediaApi, 0), 'app', { current: lines(`{"time":"${at(0.6)}","level":"INFO","msg":"POST /v2/uploads","status":202,"dur_ms":61}`) }),
      logsFor(podOf(mediaApi, 2), 'app', {
        current: lines(`{"time":"${at(0.9)}","level":"INFO","msg":"GET /v2/media/9b1c0e","status":200,"dur_ms":14}`),
        previous: lines(
          'panic: runtime error: invalid memory address or nil pointer dereference',
          '[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x9c3f2e]',
          '',
          'goroutine 48211 [running]:',
          'github.com/acme/media-api/internal/exif.(*Reader).Orientation(0x0)',
          '\t/src/internal/exif/reader.go:112 +0x2e',
        ),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/network-unavailable|NetworkUnavailable|NoRouteCreated|\broutes?\b/i],
      facts: [/ROUTES|quota/i, /gke-prod-eu-default-pool-8c1d2e3f-(m2pd|r8vn)/, /taint/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /media-api/, /thumbnailer[^\n]*(crash|exit)/i],
    },
  };
}

// ---- 5. DATABASE_URL moved to PgBouncer (transaction pooling) under pgjdbc's prepared statements ----

function pgbouncerTransactionPreparedStatements(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.88', ['27', '109', '233']);
  const image = (v: string) => `${ECR}/orders/order-service:${v}`;
  const rds = 'jdbc:postgresql://orders-prod.cluster-c9x2k1m3n4p5.eu-west-1.rds.amazonaws.com:5432/orders?sslmode=require';
  const bouncer = 'jdbc:postgresql://pgbouncer.orders.svc.cluster.local:6432/orders?sslmode=disable';
  const tpl = (v: string, url: string) => ({
    containers: [container({
      image: image(v),
      ports: [8080],
      cpu: '1',
      memory: '1536Mi',
      env: [
        { name: 'DATABASE_URL', value: url },
        { name: 'DATABASE_USER', value: 'orders_app' },
        { name: 'DATABASE_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db-credentials', key: 'password' } } },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70.0' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }),
    })],
    serviceAccountName: 'order-service',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-service',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 2 * DAYS, changeCause: 'argocd: order-service 7.3.0', template: tpl('7.3.0', rds) },
      { revision: 58, createdAgo: 26, changeCause: 'argocd: order-service 7.3.0 (values: route DB through pgbouncer)', template: tpl('7.3.0', bouncer) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 25.6 - k * 1.1 })),
  });
  const pgbImage = 'docker.io/bitnami/pgbouncer:1.20.1';
  const pgb = deploymentApp({
    namespace: ns,
    name: 'pgbouncer',
    replicas: 2,
    revisions: [{ revision: 3, createdAgo: 9 * DAYS, changeCause: 'helm upgrade pgbouncer', template: {
      containers: [container({ name: 'pgbouncer', image: pgbImage, ports: [{ name: 'pgbouncer', containerPort: 6432 }], cpu: '250m', memory: '128Mi', readiness: tcpProbe(6432), liveness: tcpProbe(6432, { initialDelaySeconds: 15 }), volumeMounts: [{ name: 'config', mountPath: '/bitnami/pgbouncer/conf', readOnly: true }] })],
      volumes: [{ name: 'config', configMap: { name: 'pgbouncer-ini', defaultMode: 420 } }],
    } }],
    pods: [
      { revision: 3, node: names[0] ?? '', createdAgo: 9 * DAYS },
      // Old noise: restarted three days ago when its node was under memory pressure.
      { revision: 3, node: names[2] ?? '', createdAgo: 9 * DAYS, containers: { pgbouncer: running({ sinceAgo: 3 * DAYS, last: { exitCode: 137, reason: 'Error', finishedAgo: 3 * DAYS, ranSeconds: 6 * 24 * 3600 } }) } },
    ],
  });
  const consumer = deploymentApp({
    namespace: ns,
    name: 'order-events-consumer',
    replicas: 2,
    revisions: [{ revision: 14, createdAgo: 5 * DAYS, changeCause: 'argocd: order-events-consumer 2.8.4', template: { containers: [container({ image: `${ECR}/orders/order-events-consumer:2.8.4`, ports: [8081], env: [{ name: 'DATABASE_URL', value: rds }], memory: '768Mi' })] } }],
    pods: [{ revision: 14, node: names[1] ?? '', createdAgo: 5 * DAYS }, { revision: 14, node: names[2] ?? '', createdAgo: 5 * DAYS }],
  });
  const ini = [
    '[databases]',
    'orders = host=orders-prod.cluster-c9x2k1m3n4p5.eu-west-1.rds.amazonaws.com port=5432 dbname=orders',
    '',
    '[pgbouncer]',
    'listen_addr = 0.0.0.0',
    'listen_port = 6432',
    'auth_type = scram-sha-256',
    'auth_file = /bitnami/pgbouncer/conf/userlist.txt',
    'pool_mode = transaction',
    'default_pool_size = 40',
    'max_client_conn = 2000',
    'server_reset_query = DISCARD ALL',
    'ignore_startup_parameters = extra_float_digits',
    'server_tls_sslmode = require',
    'stats_period = 60',
    '',
  ].join('\n');
  const svc = 'order-service';
  const sel = 'select o1_0.id,o1_0.created_at,o1_0.customer_id,o1_0.status,o1_0.total_cents from orders o1_0 where o1_0.customer_id=? order by o1_0.created_at desc fetch first ? rows only';
  const failure = (m: number, thread: string, stmt: string, state: '42P05' | '26000') => {
    const pg = state === '42P05' ? `ERROR: prepared statement "${stmt}" already exists` : `ERROR: prepared statement "${stmt}" does not exist`;
    return [
      spring(svc, m, 'WARN', thread, 'o.h.engine.jdbc.spi.SqlExceptionHelper', `SQL Error: 0, SQLState: ${state}`),
      spring(svc, m, 'ERROR', thread, 'o.h.engine.jdbc.spi.SqlExceptionHelper', pg),
      spring(svc, m, 'ERROR', thread, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', `Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.dao.InvalidDataAccessResourceUsageException: JDBC exception executing SQL [${sel}] [${pg}] [n/a]; SQL [n/a]] with root cause`),
      '',
      `org.postgresql.util.PSQLException: ${pg}`,
      '\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)',
      '\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2420)',
      '\tat org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:372)',
      '\tat org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:517)',
      '\tat org.postgresql.jdbc.PgPreparedStatement.executeQuery(PgPreparedStatement.java:137)',
      '\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)',
      '\tat org.hibernate.sql.results.jdbc.internal.DeferredResultSetAccess.executeQuery(DeferredResultSetAccess.java:246)',
      '\tat com.acme.orders.api.OrderController.listForCustomer(OrderController.java:64)',
      '\t... 48 common frames omitted',
    ].join('\n') + '\n';
  };
  const ok = (m: number, thread: string, msg: string) => spring(svc, m, 'INFO', thread, 'c.a.orders.api.RequestLogFilter', msg) + '\n';
  const appLogs = (i: number) => [
    spring(svc, 25.2 - i, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...') + '\n',
    spring(svc, 25.2 - i, 'INFO', 'main', 'com.zaxxer.hikari.pool.HikariPool', `HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@${(0x5a1f3c2 + i * 977).toString(16)}`) + '\n',
    spring(svc, 25.2 - i, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.') + '\n',
    spring(svc, 24.9 - i, 'INFO', 'main', 'com.acme.orders.OrderServiceApplication', 'Started OrderServiceApplication in 14.212 seconds (process running for 15.03)') + '\n',
    ok(6.1, 'nio-8080-exec-2', 'GET /api/v1/orders?customerId=C-90112 200 38ms'),
    failure(5.4, 'nio-8080-exec-7', 'S_1', '42P05'),
    ok(4.8, 'nio-8080-exec-4', 'POST /api/v1/orders 201 71ms'),
    failure(3.9, 'nio-8080-exec-1', 'S_3', '26000'),
    failure(2.7, 'io-8080-exec-11', `S_${2 + i}`, '42P05'),
    ok(2.2, 'nio-8080-exec-9', 'GET /api/v1/orders/8f2c1a0e 200 12ms'),
    failure(1.3, 'nio-8080-exec-3', 'S_3', '26000'),
    failure(0.4, 'nio-8080-exec-6', 'S_1', '42P05'),
  ].join('');
  const pgbLogs = lines(
    `${pyTime(3.1).replace(',', '.')} UTC [1] LOG stats: 388 xacts/s, 402 queries/s, in 96211 B/s, out 413870 B/s, xact 2810 us, query 2644 us, wait 18 us`,
    `${pyTime(2.1).replace(',', '.')} UTC [1] LOG stats: 391 xacts/s, 405 queries/s, in 97004 B/s, out 409112 B/s, xact 2795 us, query 2630 us, wait 21 us`,
    `${pyTime(1.1).replace(',', '.')} UTC [1] LOG stats: 379 xacts/s, 394 queries/s, in 94433 B/s, out 400281 B/s, xact 2830 us, query 2671 us, wait 17 us`,
  );
  const dep = deploymentOf(app);
  return {
    id: 'heldout28-pgbouncer-transaction-prepared-statements',
    class: 'config',
    truth: 'Revision 58 of order-service (26 minutes ago, same image 7.3.0) only changed DATABASE_URL from the RDS writer to the in-cluster PgBouncer (pgbouncer:6432), whose pgbouncer.ini runs pool_mode = transaction. pgjdbc switches to named server-side prepared statements (S_1, S_2, …) after five executions; in transaction pooling consecutive transactions land on different server connections, so the app hits "prepared statement "S_1" already exists" (SQLSTATE 42P05) and "prepared statement "S_3" does not exist" (26000) on a large share of requests while the pods stay Ready. PgBouncer itself is healthy. Fix: add prepareThreshold=0 to the JDBC URL (or use session pooling, or a PgBouncer ≥ 1.21 with max_prepared_statements), or roll back to revision 57 meanwhile.',
    ask: { service: 'order-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...pgb.objects, ...consumer.objects,
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pgbouncer', selector: { app: 'pgbouncer' }, ports: [{ name: 'pgbouncer', port: 6432, targetPort: 'pgbouncer' }], pods: pgb.pods, endpointPort: 6432 }),
      configMap({ namespace: ns, name: 'pgbouncer-ini', createdAgo: 9 * DAYS, data: { 'pgbouncer.ini': ini } }),
      scaledReplicaSet(dep, rsOf(app, 58), 1, 0, 25.7),
      scaledReplicaSet(dep, rsOf(app, 57), 2, 3, 24.5),
      scaledReplicaSet(dep, rsOf(app, 58), 2, 1, 24.5),
      scaledReplicaSet(dep, rsOf(app, 57), 1, 2, 23.4),
      scaledReplicaSet(dep, rsOf(app, 58), 3, 2, 23.4),
      scaledReplicaSet(dep, rsOf(app, 57), 0, 1, 22.3),
      ...app.pods.flatMap((p, i) => startedNormally(p, 'app', image('7.3.0'), 25.6 - i * 1.1)),
      // Stale: the readiness blips of the pods' first seconds.
      ...app.pods.map((p, i) => event({ on: p, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(p)}:8080/actuator/health/readiness": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, count: 2, firstAgo: 25.5 - i * 1.1, lastAgo: 25.3 - i * 1.1, fieldPath: 'spec.containers{app}' })),
    ],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'app', { current: appLogs(i) })),
      ...pgb.pods.map((p) => logsFor(p, 'pgbouncer', { current: pgbLogs })),
      ...consumer.pods.map((p) => logsFor(p, 'app', { current: lines(spring('order-events-consumer', 0.8, 'INFO', 'ntainer#0-0-C-1', 'c.a.orders.events.OrderEventListener', 'order.paid handled orderId=8f2c1a0e offset=1184211')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/prepared statement/i, /pgbouncer|transaction (pool|mode)|pool_mode/i],
      facts: [/S_1|S_3/, /42P05|26000/, /revision 58|DATABASE_URL/, /pool_mode ?= ?transaction|transaction (pooling|mode)/i],
      never: [/\bOOM/, /order-events-consumer/, /pgbouncer[^\n]*(down|crash|not ready|unavailable|restart)/i],
    },
  };
}

// ---- 6. Node.js keep-alive (5 s default) shorter than ingress-nginx's upstream keep-alive (60 s) --

function nodeKeepAliveShorterThanIngress(): CorpusScenario {
  const ns = 'web';
  const ing = 'ingress-nginx';
  const { nodes, names } = threeEksNodes('10.0.21', ['37', '164', '92']);
  const image = (v: string) => `${ECR}/web/profile-api:${v}`;
  const tpl = (v: string, env: k8s.V1EnvVar[]) => ({
    containers: [container({
      image: image(v),
      command: ['node', '--enable-source-maps', 'dist/server.js'],
      ports: [3000],
      cpu: '300m',
      memory: '384Mi',
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'PORT', value: '3000' }, ...env, { name: 'REDIS_URL', value: 'redis://profile-cache.web.svc.cluster.local:6379' }],
      readiness: httpProbe('/health/ready', 3000),
      liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'profile-api',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 8 * DAYS, changeCause: 'argocd: profile-api 4.11.0', template: tpl('4.11.0', [{ name: 'SERVER_KEEPALIVE_TIMEOUT_MS', value: '75000' }, { name: 'SERVER_HEADERS_TIMEOUT_MS', value: '76000' }]) },
      { revision: 23, createdAgo: 190, changeCause: 'argocd: profile-api 4.12.0 (helm values cleanup)', template: tpl('4.12.0', []) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 189.5 - k })),
  });
  const ctrlImage = 'registry.k8s.io/ingress-nginx/controller:v1.11.3';
  const ctrlSel = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' };
  const ctrl = deploymentApp({
    namespace: ing,
    name: 'ingress-nginx-controller',
    replicas: 3,
    selector: ctrlSel,
    revisions: [{ revision: 7, createdAgo: 26 * DAYS, changeCause: 'helm upgrade ingress-nginx 4.11.3', template: {
      containers: [container({
        name: 'controller',
        image: ctrlImage,
        args: ['/nginx-ingress-controller', '--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx', '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller', '--validating-webhook=:8443'],
        ports: [{ name: 'http', containerPort: 80 }, { name: 'https', containerPort: 443 }, { name: 'webhook', containerPort: 8443 }],
        cpu: '500m',
        memory: '512Mi',
        env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
        readiness: httpProbe('/healthz', 10254, { failureThreshold: 3 }),
        liveness: httpProbe('/healthz', 10254, { initialDelaySeconds: 10, failureThreshold: 5 }),
      })],
      serviceAccountName: 'ingress-nginx',
    } }],
    pods: [
      { revision: 7, node: names[0] ?? '', createdAgo: 26 * DAYS },
      // Old noise: a liveness restart two days ago during a config reload storm.
      { revision: 7, node: names[1] ?? '', createdAgo: 26 * DAYS, containers: { controller: running({ sinceAgo: 2 * DAYS, last: { exitCode: 137, finishedAgo: 2 * DAYS, ranSeconds: 24 * 24 * 3600 } }) } },
      { revision: 7, node: names[2] ?? '', createdAgo: 26 * DAYS },
    ],
  });
  const cache = deploymentApp({
    namespace: ns,
    name: 'profile-cache',
    replicas: 1,
    revisions: [{ revision: 2, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.4.1-alpine', ports: [{ name: 'redis', containerPort: 6379 }], memory: '256Mi', readiness: tcpProbe(6379), liveness: tcpProbe(6379) })] } }],
    pods: [{ revision: 2, node: names[1] ?? '', createdAgo: 60 * DAYS }],
  });
  const ingressCm = configMap({
    namespace: ing,
    name: 'ingress-nginx-controller',
    createdAgo: 200 * DAYS,
    updatedAgo: 26 * DAYS,
    data: {
      'allow-snippet-annotations': 'false',
      'use-forwarded-headers': 'true',
      'proxy-body-size': '8m',
      'proxy-read-timeout': '60',
      'upstream-keepalive-connections': '320',
      'upstream-keepalive-requests': '10000',
      'upstream-keepalive-timeout': '60',
      'enable-real-ip': 'true',
    },
  });
  const upstreams = app.pods.map((p) => `${ipOfPod(p)}:3000`);
  const host = 'api.example.com';
  let rid = 0x4a1f90;
  const reqId = () => (rid += 7919).toString(16).padStart(32, 'e');
  const ctrlLogs = (i: number) => every(14, 0.2, 25, (t, k) => {
    const up = upstreams[(k + i) % upstreams.length] ?? '10.0.0.1:3000';
    const other = upstreams[(k + i + 1) % upstreams.length] ?? '10.0.0.2:3000';
    const client = `10.0.21.${(k * 13 + i * 7) % 250}`;
    if (k % 9 === 4) {
      const path = `/v1/profiles/${88_000 + k * 17}`;
      return lines(
        `${nginxTime(t)} [error] ${412 + i}#${412 + i}: *${8_812_344 + k * 311} upstream prematurely closed connection while reading response header from upstream, client: ${client}, server: ${host}, request: "PATCH ${path} HTTP/2.0", upstream: "http://${up}${path}", host: "${host}"`,
        `${client} - - [${clfTime(t)}] "PATCH ${path} HTTP/2.0" 502 150 "-" "okhttp/4.12.0" 211 0.001 [web-profile-api-http] [] ${up} 0 0.001 502 ${reqId()}`,
      );
    }
    if (k % 9 === 7) {
      // A GET is retried on the next upstream after the same error: the client sees a 200.
      const path = `/v1/profiles/${88_000 + k * 17}/avatar`;
      return lines(
        `${nginxTime(t)} [error] ${412 + i}#${412 + i}: *${8_812_344 + k * 311} upstream prematurely closed connection while reading response header from upstream, client: ${client}, server: ${host}, request: "GET ${path} HTTP/2.0", upstream: "http://${up}${path}", host: "${host}"`,
        `${client} - - [${clfTime(t)}] "GET ${path} HTTP/2.0" 200 412 "-" "Mozilla/5.0 (Linux; Android 15) AppleWebKit/537.36" 88 0.014 [web-profile-api-http] [] ${up}, ${other} 0, 412 0.001, 0.013 502, 200 ${reqId()}`,
      );
    }
    return lines(`${client} - - [${clfTime(t)}] "GET /v1/profiles/${88_000 + k * 17} HTTP/2.0" 200 ${1_100 + k} "-" "okhttp/4.12.0" 74 0.011 [web-profile-api-http] [] ${up} ${1_100 + k} 0.011 200 ${reqId()}`);
  });
  const appLogs = (p: k8s.V1Pod, i: number) => lines(
    `{"level":30,"time":${epochMs(189 - i)},"pid":1,"hostname":"${nameOf(p)}","msg":"config loaded","env":"production","version":"4.12.0"}`,
    `{"level":30,"time":${epochMs(189 - i)},"pid":1,"hostname":"${nameOf(p)}","msg":"server listening","address":"0.0.0.0","port":3000,"keepAliveTimeout":5000,"headersTimeout":60000,"requestTimeout":300000}`,
    ...[3.2, 2.1, 1.4, 0.6].map((t, k) => `{"level":30,"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(p)}","reqId":"req-${(i * 97 + k * 31).toString(36)}","req":{"method":"${k === 1 ? 'PATCH' : 'GET'}","url":"/v1/profiles/${88_100 + k * 7}"},"res":{"statusCode":200},"responseTime":${9 + k * 3},"msg":"request completed"}`),
  );
  const dep = deploymentOf(app);
  return {
    id: 'heldout28-node-keepalive-shorter-than-ingress',
    class: 'network',
    truth: 'profile-api 4.12.0 (revision 23, about three hours ago) came with a Helm values cleanup that dropped SERVER_KEEPALIVE_TIMEOUT_MS=75000, so the Node.js server runs with its default keepAliveTimeout of 5000 ms, while ingress-nginx keeps idle upstream connections for 60 s (upstream-keepalive-timeout: "60"). The app closes idle keep-alive connections that nginx still considers reusable; when nginx sends a request on one just as Node closes it, nginx logs "upstream prematurely closed connection while reading response header from upstream" and answers 502 (GETs are retried on another upstream, PATCH/POST are not). Pods are healthy with no restarts and the app never sees the failed requests. Fix: set the server keepAliveTimeout above the proxy\'s 60 s again (e.g. 75 s, headersTimeout above it), or lower upstream-keepalive-timeout below 5 s.',
    ask: { service: 'profile-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...ctrl.objects, ...cache.objects,
      ...exposed({ namespace: ns, name: 'profile-api', selector: { app: 'profile-api' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'profile-cache', selector: { app: 'profile-cache' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], pods: cache.pods, endpointPort: 6379 }),
      ...exposed({ namespace: ing, name: 'ingress-nginx-controller', type: 'LoadBalancer', selector: ctrlSel, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'https', port: 443, targetPort: 'https' }], pods: ctrl.pods, endpointPort: 80 }),
      ingressCm,
      scaledReplicaSet(dep, rsOf(app, 23), 1, 0, 189.6),
      scaledReplicaSet(dep, rsOf(app, 22), 2, 3, 189),
      scaledReplicaSet(dep, rsOf(app, 23), 2, 1, 189),
      scaledReplicaSet(dep, rsOf(app, 22), 1, 2, 188),
      scaledReplicaSet(dep, rsOf(app, 23), 3, 2, 188),
      scaledReplicaSet(dep, rsOf(app, 22), 0, 1, 187),
      // Stale: the controller's liveness failures two days ago.
      event({ on: podOf(ctrl, 1), reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${ipOfPod(podOf(ctrl, 1))}:10254/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 5, firstAgo: 2 * DAYS + 1, lastAgo: 2 * DAYS, fieldPath: 'spec.containers{controller}' }),
    ],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'app', { current: appLogs(p, i) })),
      ...ctrl.pods.map((p, i) => logsFor(p, 'controller', { current: ctrlLogs(i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/keep-?alive/i],
      facts: [lit('upstream prematurely closed'), /\b5000\b|\b5 ?s(ec(ond)?s?)?\b/, /upstream-keepalive-timeout|\b60 ?s(ec(ond)?s?)?\b/],
      never: [/\bOOM/, /crash ?loop/i, /ingress-nginx-controller[^\n]*(restart|crash|unhealthy|liveness)/i, /profile-cache|redis/i],
    },
  };
}

// ---- 7. healthy control: a deliberate canary Deployment beside the stable one --------------------

function canaryBesideStableHealthy(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.33', ['14', '129', '240']);
  const image = (v: string) => `${ECR}/search/search-api:${v}`;
  const tpl = (v: string, track: string) => ({
    containers: [container({
      image: image(v),
      ports: [8080],
      cpu: '750m',
      memory: '1Gi',
      env: [{ name: 'OPENSEARCH_URL', value: 'https://search-prod.eu-west-1.es.amazonaws.com' }, { name: 'TRACK', value: track }],
      readiness: httpProbe('/readyz', 8080),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10, timeoutSeconds: 3 }),
    })],
    labels: { version: v },
  });
  const stable = deploymentApp({
    namespace: ns,
    name: 'search-api',
    replicas: 5,
    selector: { app: 'search-api', track: 'stable' },
    revisions: [
      { revision: 63, createdAgo: 11 * DAYS, changeCause: 'argocd: search-api 2.30.4', template: tpl('2.30.4', 'stable') },
      { revision: 64, createdAgo: 3 * DAYS, changeCause: 'argocd: search-api 2.31.0', template: tpl('2.31.0', 'stable') },
    ],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 64, node: names[k % 3] ?? '', createdAgo: 3 * DAYS - k })),
      // Old noise: a liveness restart yesterday during an OpenSearch slowdown.
      { revision: 64, node: names[1] ?? '', createdAgo: 3 * DAYS - 4, containers: { app: running({ sinceAgo: 20 * HOURS, last: { exitCode: 143, finishedAgo: 20 * HOURS, ranSeconds: 28 * 3600 } }) } },
    ],
  });
  const canary = deploymentApp({
    namespace: ns,
    name: 'search-api-canary',
    replicas: 1,
    selector: { app: 'search-api', track: 'canary' },
    revisions: [
      { revision: 11, createdAgo: 4 * DAYS, changeCause: 'argocd: search-api-canary 2.31.0', template: tpl('2.31.0', 'canary') },
      { revision: 12, createdAgo: 42, changeCause: 'argocd: search-api-canary 2.32.0-rc.1', template: tpl('2.32.0-rc.1', 'canary') },
    ],
    pods: [{ revision: 12, node: names[2] ?? '', createdAgo: 41.5 }],
  });
  const suggest = bystander(ns, 'search-suggest', names, 6 * HOURS, { revisions: [18, 19], versions: ['1.4.2', '1.5.0'], olderAgo: 14 * DAYS });
  const all = [...stable.pods, ...canary.pods];
  const queries = ['running shoes', 'gore-tex jacket', 'merino socks', 'trail runner', 'headlamp'];
  const traffic = (p: k8s.V1Pod, v: string) => lines(
    ...[4.1, 3.0, 1.8, 0.9, 0.2].map((t, k) => `{"ts":"${at(t)}","level":"info","msg":"search","version":"${v}","pod":"${nameOf(p)}","q":"${queries[k] ?? ''}","hits":${120 + k * 37},"took_ms":${28 + k * 4},"status":200}`),
  );
  const restarted = podOf(stable, 4);
  const c0 = podOf(canary, 0);
  return {
    id: 'heldout28-canary-beside-stable-healthy',
    class: 'healthy',
    truth: 'Nothing is wrong. The search team runs a deliberate canary: search-api-canary (1 replica, 2.32.0-rc.1, track=canary, rolled 42 minutes ago) sits beside search-api (5 replicas, 2.31.0, track=stable); the search-api Service selects app=search-api, so it balances over all six Ready pods, which is the intended one-in-six canary share. The two Deployments\' selectors are disjoint (track differs), every pod is Ready, the canary logs normal traffic. The liveness restart of one stable pod yesterday is old and did not recur.',
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...nodes, ...stable.objects, ...canary.objects, ...suggest.objects,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: all }),
      ...exposed({ namespace: ns, name: 'search-suggest', selector: { app: 'search-suggest' }, pods: suggest.pods }),
      hpa({ namespace: ns, name: 'search-api', target: { kind: 'Deployment', name: 'search-api' }, min: 5, max: 15, current: 5, desired: 5, cpu: { current: 41, target: 65, averageValue: '307m' } }),
      scaledReplicaSet(deploymentOf(canary), rsOf(canary, 12), 1, 0, 41.6),
      scaledReplicaSet(deploymentOf(canary), rsOf(canary, 11), 0, 1, 41),
      ...pulledFresh(c0, 'app', image('2.32.0-rc.1'), { atAgo: 41.5, bytes: 98_114_202, seconds: 4.207 }),
      event({ on: c0, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 41.4, lastAgo: 41.4, fieldPath: 'spec.containers{app}' }),
      event({ on: c0, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 41.4, lastAgo: 41.4, fieldPath: 'spec.containers{app}' }),
      // Stale: yesterday's liveness failures and restart of one stable pod.
      event({ on: restarted, reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${ipOfPod(restarted)}:8080/livez": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 20 * HOURS + 0.5, lastAgo: 20 * HOURS + 0.1, fieldPath: 'spec.containers{app}' }),
      event({ on: restarted, type: 'Normal', reason: 'Killing', message: 'Container app failed liveness probe, will be restarted', firstAgo: 20 * HOURS + 0.1, lastAgo: 20 * HOURS + 0.1, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(restarted, 'app', image('2.31.0'), { count: 1, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS }),
    ],
    logs: [
      ...stable.pods.map((p) => logsFor(p, 'app', { current: traffic(p, '2.31.0') })),
      logsFor(c0, 'app', { current: lines(`{"ts":"${at(41.3)}","level":"info","msg":"search-api starting","version":"2.32.0-rc.1","track":"canary","addr":":8080"}`, `{"ts":"${at(41.2)}","level":"info","msg":"opensearch cluster reachable","status":"green","nodes":6}`) + traffic(c0, '2.32.0-rc.1') }),
      logsFor(restarted, 'app', {
        current: traffic(restarted, '2.31.0'),
        previous: lines(`{"ts":"${at(20 * HOURS + 1)}","level":"warn","msg":"opensearch slow","took_ms":4810,"status":200}`, `{"ts":"${at(20 * HOURS + 0.1)}","level":"info","msg":"SIGTERM received, draining","inflight":37}`),
      }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|ready|no (problems?|issues?)|serving/i],
      facts: [/search-api/, /\b5\b[^\n]*(ready|replicas|pods)|5\/5/i],
      never: [ADVISES_ROLLBACK, /(selector|label)s?[^\n]*(overlap|conflict|collide|clash)/i, /canary[^\n]*(conflict|fight|steal|orphan|unexpected|rogue)/i, /\bOOM/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  jdk21ClassesOnJava17Runtime(),
  phpFpmMaxChildrenLowered(),
  kubeletReservedTypoAllocatable(),
  autoscaledNodesNoRouteQuota(),
  pgbouncerTransactionPreparedStatements(),
  nodeKeepAliveShorterThanIngress(),
  canaryBesideStableHealthy(),
];
