// Held-out stories, seventy-third round, part one: a Spring Boot 3 upgrade with a filter still on
// javax.servlet, a Go worker deadlocking with zero workers, a Laravel class renamed only in letter
// case, an EBS gp3 regional storage limit, a Cilium L7 policy denying a new endpoint, a kube-dns
// Service re-created with a new ClusterIP, and a healthy control: Spring's open-in-view warning.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, at, backOff, container, coreDns, crashLoop, daemonSetApp, deploymentApp, event, exposed, httpProbe,
  nameOf, probeFailed, pvc, boundClaim, restartedAgain, running, scaledReplicaSet, scheduled, statefulSetApp, waiting, rsOf,
} from '../kit/index.js';
import type { KubeJson } from '../kit/index.js';
import { bystander, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const dep = (objects: KubeJson[]): KubeJson => objects.find((o) => o.kind === 'Deployment') ?? { kind: 'Deployment', metadata: { name: '' } };
const bootTs = (m: number): string => at(m).replace('Z', '+00:00');

// ---- 1. Spring Boot 2 -> 3 while a shared filter still links against javax.servlet -------------

function javaxJakartaNoClassDef(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.64');
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (v: string, boot: string) => ({ containers: [container({ image: image(v), memory: '1Gi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })], annotations: { 'acme.io/spring-boot': boot } });
  const exit = { exitCode: 1, finishedAgo: 1.3, ranSeconds: 9 };
  const app = deploymentApp({
    namespace: ns, name: 'invoice-api', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 14, createdAgo: 9 * DAYS, changeCause: 'argocd: invoice-api 3.8.2', template: tpl('3.8.2', '2.7.18') },
      { revision: 15, createdAgo: 26, changeCause: 'argocd: invoice-api 4.0.0 (spring boot 3.2 / java 21)', template: tpl('4.0.0', '3.2.5') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 9 * DAYS - k, ...(k === 1 ? { containers: { app: running({ sinceAgo: 3 * DAYS, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 3 * DAYS } }) } } : {}) })),
      { revision: 15, node: names[2] ?? '', createdAgo: 25.8, containers: { app: crashLoop(exit, 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'invoice-pdf', names, 3 * 60, { revisions: [6, 7], versions: ['1.4.0', '1.4.1'], olderAgo: 20 * DAYS });
  const boot = lines(
    '',
    '  .   ____          _            __ _ _',
    ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
    '( ( )\\___ | \'_ | \'_| | \'_ \\/ _` | \\ \\ \\ \\',
    ' \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )',
    '  \'  |____| .__|_| |_|_| |_\\__, | / / / /',
    ' =========|_|==============|___/=/_/_/_/',
    '',
    ' :: Spring Boot ::                (v3.2.5)',
    '',
    `${bootTs(1.45)}  INFO 1 --- [invoice-api] [           main] c.a.billing.invoice.InvoiceApplication   : Starting InvoiceApplication v4.0.0 using Java 21.0.4 with PID 1 (/app/app.jar started by app in /app)`,
    `${bootTs(1.45)}  INFO 1 --- [invoice-api] [           main] c.a.billing.invoice.InvoiceApplication   : The following 1 profile is active: "prod"`,
    `${bootTs(1.44)}  INFO 1 --- [invoice-api] [           main] .s.d.r.c.RepositoryConfigurationDelegate : Bootstrapping Spring Data JPA repositories in DEFAULT mode.`,
    `${bootTs(1.44)}  INFO 1 --- [invoice-api] [           main] .s.d.r.c.RepositoryConfigurationDelegate : Finished Spring Data repository scanning in 212 ms. Found 9 JPA repository interfaces.`,
    `${bootTs(1.43)}  INFO 1 --- [invoice-api] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)`,
    `${bootTs(1.43)}  INFO 1 --- [invoice-api] [           main] o.apache.catalina.core.StandardService   : Starting service [Tomcat]`,
    `${bootTs(1.43)}  INFO 1 --- [invoice-api] [           main] o.apache.catalina.core.StandardEngine    : Starting Servlet engine: [Apache Tomcat/10.1.20]`,
    `${bootTs(1.42)}  INFO 1 --- [invoice-api] [           main] w.s.c.ServletWebServerApplicationContext : Root WebApplicationContext: initialization completed in 2841 ms`,
    `${bootTs(1.42)}  WARN 1 --- [invoice-api] [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.context.ApplicationContextException: Unable to start web server`,
    `${bootTs(1.41)}  INFO 1 --- [invoice-api] [           main] .s.b.a.l.ConditionEvaluationReportLogger : `,
    '',
    'Error starting ApplicationContext. To display the condition evaluation report re-run your application with \'debug\' enabled.',
    `${bootTs(1.41)} ERROR 1 --- [invoice-api] [           main] o.s.boot.SpringApplication               : Application run failed`,
    '',
    'org.springframework.context.ApplicationContextException: Unable to start web server',
    '\tat org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext.onRefresh(ServletWebServerApplicationContext.java:165)',
    '\tat org.springframework.context.support.AbstractApplicationContext.refresh(AbstractApplicationContext.java:618)',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:334)',
    '\tat com.acme.billing.invoice.InvoiceApplication.main(InvoiceApplication.java:14)',
    'Caused by: org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'tenantContextFilter\' defined in class path resource [com/acme/platform/web/TenantWebAutoConfiguration.class]: Failed to instantiate [javax.servlet.Filter]: Factory method \'tenantContextFilter\' threw exception with message: javax/servlet/Filter',
    '\tat org.springframework.beans.factory.support.ConstructorResolver.instantiate(ConstructorResolver.java:648)',
    '\tat org.springframework.boot.web.servlet.ServletContextInitializerBeans.getOrderedBeansOfType(ServletContextInitializerBeans.java:211)',
    '\t... 17 common frames omitted',
    'Caused by: java.lang.NoClassDefFoundError: javax/servlet/Filter',
    '\tat java.base/java.lang.ClassLoader.defineClass1(Native Method)',
    '\tat java.base/java.lang.ClassLoader.defineClass(ClassLoader.java:1027)',
    '\tat org.springframework.boot.loader.net.protocol.jar.JarUrlClassLoader.loadClass(JarUrlClassLoader.java:104)',
    '\tat com.acme.platform.web.TenantWebAutoConfiguration.tenantContextFilter(TenantWebAutoConfiguration.java:38)',
    '\t... 31 common frames omitted',
    'Caused by: java.lang.ClassNotFoundException: javax.servlet.Filter',
    '\tat java.base/jdk.internal.loader.BuiltinClassLoader.loadClass(BuiltinClassLoader.java:641)',
    '\tat org.springframework.boot.loader.net.protocol.jar.JarUrlClassLoader.loadClass(JarUrlClassLoader.java:104)',
    '\tat java.base/java.lang.ClassLoader.loadClass(ClassLoader.java:526)',
    '\t... 36 common frames omitted',
  );
  return {
    id: 'heldout73-javax-jakarta-noclassdef',
    class: 'containers',
    truth: 'Revision 15 (invoice-api 4.0.0) upgraded to Spring Boot 3.2 / Tomcat 10 (jakarta.servlet), but the shared acme-platform web library still auto-configures a TenantContextFilter compiled against javax.servlet; Spring Boot 3 has no javax.servlet on the classpath, so start-up fails with NoClassDefFoundError: javax/servlet/Filter and the new pod crash-loops while the three revision-14 pods keep serving. Fix: roll back / upgrade the platform library to its jakarta build.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-pdf', selector: { app: 'invoice-pdf' }, pods: other.pods }),
      scaledReplicaSet(dep(app.objects), rsOf(app, 15), 1, 0, 26),
      scheduled(fresh, 25.8),
      ...restartedAgain(fresh, 'app', image('4.0.0'), { count: 10, firstAgo: 25.6, lastAgo: 1.5 }),
      backOff(fresh, 'app', { count: 104, firstAgo: 25.2, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: boot }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`${bootTs(2.1)}  INFO 1 --- [nio-8080-exec-4] c.a.b.invoice.web.InvoiceController      : GET /v1/invoices?customer=C-88211 200 in 31 ms`, `${bootTs(0.7)}  INFO 1 --- [nio-8080-exec-9] c.a.b.invoice.web.InvoiceController      : POST /v1/invoices 201 in 58 ms`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/javax[./]servlet|NoClassDefFoundError|ClassNotFoundException|jakarta/i],
      facts: [/javax[./]servlet/i, /revision 15|4\.0\.0|Spring Boot 3/i],
      never: [/\bOOM/, /liveness/i, /invoice-pdf/],
    },
  };
}

// ---- 2. A Go worker whose new config sets zero workers ------------------------------------------

function goGoroutinesAsleep(): CorpusScenario {
  const ns = 'ingest';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '201', '88']);
  const image = `${ECR}/ingest/event-fanout:2.11.0`;
  const tpl = (workers: string) => ({ containers: [container({ image, ports: [{ name: 'metrics', containerPort: 9102 }], memory: '256Mi', env: [{ name: 'FANOUT_WORKERS', value: workers }, { name: 'FANOUT_SPOOL_DIR', value: '/var/spool/fanout' }, { name: 'GOMEMLIMIT', value: '230MiB' }], readiness: httpProbe('/healthz', 9102), liveness: null })] });
  const exit = { exitCode: 2, finishedAgo: 0.9, ranSeconds: 1 };
  const app = deploymentApp({
    namespace: ns, name: 'event-fanout', replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'helm upgrade event-fanout: workers=16', template: tpl('16') },
      { revision: 42, createdAgo: 17, changeCause: 'helm upgrade event-fanout: values-prod.yaml autoscaling tweaks', template: tpl('0') },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 41, node: names[1] ?? '', createdAgo: 6 * DAYS - 1, containers: { app: running({ sinceAgo: 20 * 60, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 20 * 60, ranSeconds: 5 * DAYS } }) } },
      { revision: 42, node: names[2] ?? '', createdAgo: 16.8, containers: { app: crashLoop(exit, 8) } },
    ],
  });
  const fresh = podOf(app, 2);
  const other = bystander(ns, 'event-archiver', names, 2 * DAYS, { revisions: [9, 10], versions: ['0.9.3', '0.9.4'], olderAgo: 30 * DAYS });
  const ts = (m: number) => at(m);
  const crash = lines(
    `{"level":"info","ts":"${ts(0.92)}","caller":"fanout/main.go:52","msg":"event-fanout starting","version":"2.11.0","go":"go1.22.7"}`,
    `{"level":"info","ts":"${ts(0.92)}","caller":"fanout/main.go:61","msg":"config loaded","workers":0,"spool":"/var/spool/fanout","topic":"events.raw"}`,
    `{"level":"info","ts":"${ts(0.91)}","caller":"fanout/spool.go:33","msg":"replaying spool","segments":3}`,
    'fatal error: all goroutines are asleep - deadlock!',
    '',
    'goroutine 1 [chan send]:',
    'main.(*dispatcher).replaySpool(0xc0001a2000, {0xc00002e0f0, 0x11})',
    '\t/src/cmd/fanout/spool.go:58 +0x2d4',
    'main.run(0xc0001a2000)',
    '\t/src/cmd/fanout/main.go:79 +0x1a5',
    'main.main()',
    '\t/src/cmd/fanout/main.go:44 +0x6f',
    '',
    'goroutine 18 [select (no cases)]:',
    'main.(*dispatcher).metricsLoop(0xc0001a2000)',
    '\t/src/cmd/fanout/metrics.go:21 +0x18',
    'created by main.run in goroutine 1',
    '\t/src/cmd/fanout/main.go:70 +0x11b',
  );
  const ok = (m: number) => `{"level":"info","ts":"${ts(m)}","caller":"fanout/dispatch.go:112","msg":"batch delivered","workers":16,"events":500,"lag_ms":41}`;
  return {
    id: 'heldout73-go-goroutines-asleep-deadlock',
    class: 'containers',
    truth: 'Revision 42 (a Helm values change) set FANOUT_WORKERS to 0; event-fanout starts no worker goroutines, main blocks sending the first spooled event on the work channel, and the Go runtime aborts with "fatal error: all goroutines are asleep - deadlock!" (exit 2) about a second after every start, so the new pod crash-loops while the two revision-41 pods keep serving. Fix: restore FANOUT_WORKERS=16 (roll back revision 42).',
    ask: { service: 'event-fanout', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'event-fanout-metrics', selector: { app: 'event-fanout' }, ports: [{ name: 'metrics', port: 9102, targetPort: 9102 }], pods: app.pods, endpointPort: 9102 }),
      scaledReplicaSet(dep(app.objects), rsOf(app, 42), 1, 0, 17),
      scheduled(fresh, 16.8),
      ...restartedAgain(fresh, 'app', image, { count: 9, firstAgo: 16.7, lastAgo: 0.95 }),
      backOff(fresh, 'app', { count: 77, firstAgo: 16.5, lastAgo: 0.2 }),
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${podOf(app, 1).status?.podIP ?? ''}:9102/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 20 * 60, lastAgo: 20 * 60 - 0.5 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash, current: '' }),
      logsFor(podOf(app, 0), 'app', { current: lines(ok(1.2), ok(0.4)) }),
      logsFor(podOf(app, 1), 'app', { current: lines(ok(1.1), ok(0.3)) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/deadlock|goroutines are asleep|FANOUT_WORKERS|workers?\W{0,5}(=|to|is|of)?\s*0/i],
      facts: [/FANOUT_WORKERS|workers/i, /deadlock/i],
      never: [/\bOOM/, /liveness/i, /event-archiver/],
    },
  };
}

// ---- 3. Laravel: a class file renamed only in letter case on macOS -------------------------------

function phpClassCase(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.128', ['9', '140', '66']);
  const image = (v: string) => `${ECR}/storefront/shop-web:${v}`;
  const nginxImage = 'docker.io/library/nginx:1.27.2-alpine';
  const tpl = (v: string) => ({ containers: [
    container({ name: 'php-fpm', image: image(v), ports: [{ name: 'fpm', containerPort: 9000 }], memory: '512Mi', env: [{ name: 'APP_ENV', value: 'production' }, { name: 'LOG_CHANNEL', value: 'stderr' }], readiness: { tcpSocket: { port: 9000 }, periodSeconds: 10 }, liveness: null }),
    container({ name: 'nginx', image: nginxImage, ports: [80], memory: '64Mi', readiness: httpProbe('/up', 80), liveness: null }),
  ] });
  const app = deploymentApp({
    namespace: ns, name: 'shop-web', replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 4 * DAYS, changeCause: 'argocd: shop-web 2026.11.17-1', template: tpl('2026.11.17-1') },
      { revision: 22, createdAgo: 48, changeCause: 'argocd: shop-web 2026.11.21-1', template: tpl('2026.11.21-1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 47 - k })),
  });
  const other = bystander(ns, 'cart-api', names, 5 * DAYS, { revisions: [30, 31], versions: ['5.2.0', '5.2.1'], olderAgo: 12 * DAYS });
  const cls = 'App\\Services\\Invoices\\PdfInvoiceRenderer';
  const err = (m: number, user: number) => [
    `[${at(m).replace('T', ' ').slice(0, 19)}] production.ERROR: Class "${cls}" not found {"userId":${user},"exception":"[object] (Error(code: 0): Class \\"App\\\\Services\\\\Invoices\\\\PdfInvoiceRenderer\\" not found at /var/www/html/app/Http/Controllers/Account/InvoiceController.php:47)`,
    '[stacktrace]',
    '#0 /var/www/html/vendor/laravel/framework/src/Illuminate/Routing/ControllerDispatcher.php(46): App\\Http\\Controllers\\Account\\InvoiceController->download()',
    '#1 /var/www/html/vendor/laravel/framework/src/Illuminate/Routing/Route.php(260): Illuminate\\Routing\\ControllerDispatcher->dispatch()',
    '#2 /var/www/html/vendor/laravel/framework/src/Illuminate/Routing/Route.php(206): Illuminate\\Routing\\Route->runController()',
    '#3 /var/www/html/vendor/laravel/framework/src/Illuminate/Routing/Router.php(808): Illuminate\\Routing\\Route->run()',
    '#4 {main}',
    '"} ',
  ];
  const fpm = (k: number) => lines(
    `[${at(47 - k).replace('T', ' ').slice(0, 19).replace(/^(\d+)-(\d+)-(\d+)/, '$3-Nov-$1')}] NOTICE: fpm is running, pid 1`,
    `[${at(47 - k).replace('T', ' ').slice(0, 19).replace(/^(\d+)-(\d+)-(\d+)/, '$3-Nov-$1')}] NOTICE: ready to handle connections`,
    ...err(31 - k, 20411 + k), ...err(9 - k, 88310 + k), ...err(1.2 + k / 10, 5120 + k),
  );
  const acc = (ip: string, m: number, req: string, st: number, bytes: number) => `${ip} - - [21/Nov/2026:${at(m).slice(11, 19)} +0000] "${req} HTTP/1.1" ${st} ${bytes} "https://shop.acme.example/account/invoices" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15"`;
  const ngx = (k: number) => lines(
    acc('10.0.4.18', 1.6, 'GET /catalog/lamps?page=2', 200, 48211),
    acc('10.0.4.18', 1.3, `GET /account/invoices/INV-2026-1184${20 + k}/pdf`, 500, 6604),
    acc('10.0.5.201', 1.1, 'GET /account/orders', 200, 21877),
    acc('10.0.4.18', 0.8, 'POST /cart/items', 302, 370),
    acc('10.0.5.201', 0.5, `GET /account/invoices/INV-2026-1190${10 + k}/pdf`, 500, 6604),
    acc('10.0.6.33', 0.2, 'GET /up', 200, 2),
  );
  const p0 = podOf(app, 0);
  return {
    id: 'heldout73-php-class-case-sensitivity',
    class: 'config',
    truth: 'In shop-web revision 22 a developer on macOS (case-insensitive filesystem) renamed app/Services/Invoices/PDFInvoiceRenderer.php to PdfInvoiceRenderer.php only by letter case; git kept the old file name, so in the Linux image Composer\'s PSR-4 autoloader looks for PdfInvoiceRenderer.php and finds nothing: every invoice PDF route fails with Class "App\\Services\\Invoices\\PdfInvoiceRenderer" not found (HTTP 500) since the rollout, while all other routes work and the pods stay Ready.',
    ask: { service: 'shop-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'shop-web', selector: { app: 'shop-web' }, ports: [{ name: 'http', port: 80, targetPort: 80 }], pods: app.pods, endpointPort: 80 }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: other.pods }),
      scaledReplicaSet(dep(app.objects), rsOf(app, 21), 0, 1, 44),
      probeFailed(p0, 'nginx', 'Readiness', `Get "http://${p0.status?.podIP ?? ''}:80/up": dial tcp ${p0.status?.podIP ?? ''}:80: connect: connection refused`, { count: 1, firstAgo: 46.8, lastAgo: 46.8 }),
    ],
    logs: app.pods.flatMap((p, k) => [logsFor(p, 'php-fpm', { current: fpm(k) }), logsFor(p, 'nginx', { current: ngx(k) })]),
    expect: {
      verdict: 'problems',
      headline: [/PdfInvoiceRenderer|class\W.{0,60}not found|autoload|letter case|case.?sensitiv/i],
      facts: [/PdfInvoiceRenderer/, /500/],
      never: [/\bOOM/, /crash ?loop/i, /cart-api/],
    },
  };
}

// ---- 4. StatefulSet scale-up: EBS gp3 regional storage limit --------------------------------------

function ebsVolumeLimit(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.160', ['12', '99', '203']);
  const image = 'public.ecr.aws/opensearchproject/opensearch:2.17.1';
  const tpl = { containers: [container({ name: 'opensearch', image, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], memory: '8Gi', cpu: '2', env: [{ name: 'OPENSEARCH_JAVA_OPTS', value: '-Xms4g -Xmx4g' }], readiness: { tcpSocket: { port: 9200 }, periodSeconds: 10 }, liveness: null, volumeMounts: [{ name: 'data', mountPath: '/usr/share/opensearch/data' }] })] };
  const pendingMsg = 'running PreBind plugin "VolumeBinding": binding volumes: provisioning failed for PVC "data-opensearch-data-3"';
  const sts = statefulSetApp({
    namespace: ns, name: 'opensearch-data', replicas: 4, serviceName: 'opensearch-data-headless', podManagementPolicy: 'Parallel', createdAgo: 200 * DAYS,
    revisions: [{ revision: 5, createdAgo: 40 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '2000Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 5, ordinal: 0, node: names[0] ?? '', createdAgo: 40 * DAYS },
      { revision: 5, ordinal: 1, node: names[1] ?? '', createdAgo: 40 * DAYS, containers: { opensearch: running({ sinceAgo: 9 * DAYS, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 9 * DAYS } }) } },
      { revision: 5, ordinal: 2, node: names[2] ?? '', createdAgo: 40 * DAYS },
      { revision: 5, ordinal: 3, node: null, createdAgo: 34, unschedulable: pendingMsg, containers: { opensearch: waiting('ContainerCreating') } },
    ],
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-opensearch-data-${i}`, storage: '2000Gi', zone: `eu-west-1${'abc'[i]}`, createdAgo: 200 * DAYS, storageClass: 'gp3', labels: { app: 'opensearch-data' } }));
  const claimName = 'data-opensearch-data-3';
  const pending = pvc({ namespace: ns, name: claimName, storage: '2000Gi', storageClass: 'gp3', phase: 'Pending', createdAgo: 34, labels: { app: 'opensearch-data' }, annotations: { 'volume.beta.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com', 'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com', 'volume.kubernetes.io/selected-node': names[1] ?? '' } });
  const pod3 = podOf(sts, 3);
  const pvcRef = { kind: 'PersistentVolumeClaim', name: claimName, namespace: ns };
  const pvName = 'pvc-5f1d9c2e-8b7a-4e31-9a44-0d3c6be21f87';
  const failed = `failed to provision volume with StorageClass "gp3": rpc error: code = Internal desc = Could not create volume "${pvName}": could not create volume in EC2: operation error EC2: CreateVolume, https response error StatusCode: 400, RequestID: 7c1e0a52-93d4-4f0b-bc6e-2a8d41f9e360, api error VolumeLimitExceeded: You have exceeded your maximum gp3 storage limit of 50 TiB in this region. Please contact AWS Support to request an Elastic Block Store service limit increase.`;
  const osLog = (k: number) => lines(
    `[${at(33).slice(0, 23).replace('.', ',')}][INFO ][o.o.c.s.ClusterApplierService] [opensearch-data-${k}] updated cluster state: nodes: {opensearch-master-0, opensearch-master-1, opensearch-master-2, opensearch-data-0, opensearch-data-1, opensearch-data-2}`,
    `[${at(5).slice(0, 23).replace('.', ',')}][WARN ][o.o.m.j.JvmGcMonitorService] [opensearch-data-${k}] [gc][${3_801_220 + k * 977}] overhead, spent [1.1s] collecting in the last [1.4s]`,
  );
  return {
    id: 'heldout73-ebs-volume-limit-exceeded',
    class: 'storage',
    truth: 'opensearch-data was scaled from 3 to 4 replicas to relieve disk pressure; the new claim data-opensearch-data-3 (2000Gi gp3) cannot be provisioned because the AWS account has hit its regional gp3 storage quota: the EBS CSI driver\'s CreateVolume fails with VolumeLimitExceeded ("maximum gp3 storage limit of 50 TiB in this region"), so the claim stays Pending and opensearch-data-3 cannot be scheduled; the three existing replicas are fine. Fix: request an EBS gp3 quota increase (or free/shrink volumes).',
    ask: { service: 'opensearch-data', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, pending,
      ...exposed({ namespace: ns, name: 'opensearch-data-headless', selector: { app: 'opensearch-data' }, headless: true, ports: [{ name: 'http', port: 9200, targetPort: 9200 }, { name: 'transport', port: 9300, targetPort: 9300 }], pods: sts.pods, endpointPort: 9200 }),
      event({ on: { kind: 'StatefulSet', name: 'opensearch-data', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Claim ${claimName} Pod opensearch-data-3 in StatefulSet opensearch-data success`, firstAgo: 34, lastAgo: 34, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'opensearch-data', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod opensearch-data-3 in StatefulSet opensearch-data successful', firstAgo: 34, lastAgo: 34, component: 'statefulset-controller' }),
      event({ on: pvcRef, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', firstAgo: 34, lastAgo: 34, component: 'persistentvolume-controller' }),
      event({ on: pvcRef, type: 'Normal', reason: 'ExternalProvisioning', message: 'Waiting for a volume to be created either by the external provisioner \'ebs.csi.aws.com\' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.', count: 137, firstAgo: 33.9, lastAgo: 0.2, component: 'persistentvolume-controller' }),
      event({ on: pvcRef, type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${ns}/${claimName}"`, count: 14, firstAgo: 33.9, lastAgo: 1.4, component: 'ebs.csi.aws.com_ebs-csi-controller-6d9f7b8c54-x2kqp_0b3f2a17-4c7e-4d1a-9f55-8e2b1c6d7a30' }),
      event({ on: pvcRef, reason: 'ProvisioningFailed', message: failed, count: 14, firstAgo: 33.8, lastAgo: 1.3, component: 'ebs.csi.aws.com_ebs-csi-controller-6d9f7b8c54-x2kqp_0b3f2a17-4c7e-4d1a-9f55-8e2b1c6d7a30' }),
      event({ on: pod3, reason: 'FailedScheduling', message: pendingMsg, count: 15, firstAgo: 33.9, lastAgo: 1.3, component: 'default-scheduler' }),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(sts, k), 'opensearch', { current: osLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/VolumeLimitExceeded|storage limit|quota|limit of 50 TiB|data-opensearch-data-3/i],
      facts: [/VolumeLimitExceeded|50 TiB/i, /data-opensearch-data-3/],
      never: [/\bOOM/, /volume node affinity|zone (mismatch|conflict)/i, /ebs-csi[^\n]*(crash|down\b|not running)/i],
    },
  };
}

// ---- 5. Cilium L7 policy without the new endpoint -------------------------------------------------

function ciliumL7Policy(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.192', ['21', '117', '250']);
  const img = (n: string, v: string) => `${ECR}/orders/${n}:${v}`;
  const ctpl = (v: string) => ({ containers: [container({ image: img('checkout-api', v), memory: '512Mi', env: [{ name: 'INVENTORY_URL', value: 'http://inventory-api.orders.svc.cluster.local' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })] });
  const client = deploymentApp({
    namespace: ns, name: 'checkout-api', replicas: 3,
    revisions: [
      { revision: 30, createdAgo: 8 * DAYS, changeCause: 'argocd: checkout-api 7.3.0', template: ctpl('7.3.0') },
      { revision: 31, createdAgo: 38, changeCause: 'argocd: checkout-api 7.4.0 (reserve stock via inventory v2)', template: ctpl('7.4.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 37 - k })),
  });
  const server = deploymentApp({
    namespace: ns, name: 'inventory-api', replicas: 2,
    revisions: [
      { revision: 11, createdAgo: 20 * DAYS, template: { containers: [container({ image: img('inventory-api', '3.1.4'), memory: '384Mi', readiness: httpProbe('/readyz', 8080), liveness: null })] } },
      { revision: 12, createdAgo: 2 * DAYS, changeCause: 'argocd: inventory-api 3.2.0 (adds /api/v2/reservations)', template: { containers: [container({ image: img('inventory-api', '3.2.0'), memory: '384Mi', readiness: httpProbe('/readyz', 8080), liveness: null })], annotations: { 'policy.cilium.io/proxy-visibility': '<Ingress/8080/TCP/HTTP>' } } },
    ],
    pods: [{ revision: 12, node: names[1] ?? '', createdAgo: 2 * DAYS }, { revision: 12, node: names[2] ?? '', createdAgo: 2 * DAYS - 1 }],
  });
  const ciliumImg = 'quay.io/cilium/cilium:v1.16.3@sha256:62d2a09bbef840a46099ac4c69421c90f84f28d018d479749049011329aa7f28';
  const cilium = daemonSetApp({
    namespace: 'kube-system', name: 'cilium', selector: { 'k8s-app': 'cilium' },
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'cilium-agent', image: ciliumImg, ports: [], memory: '512Mi', readiness: httpProbe('/healthz', 9879), liveness: httpProbe('/healthz', 9879) }), container({ name: 'export-stdout', image: 'docker.io/library/busybox:1.36.1', command: ['/bin/sh', '-c', 'tail -q -F /var/run/cilium/hubble/events.log 2> /dev/null'], ports: [], memory: '32Mi', readiness: null, liveness: null })], priorityClassName: 'system-node-critical', serviceAccountName: 'cilium' } }],
    pods: names.map((n) => ({ revision: 4, node: n, createdAgo: 60 * DAYS })),
  });
  const agentLog = (k: number) => lines(
    `time="${at(2 * DAYS + 30)}" level=info msg="Policy imported via API, recalculating..." policyAddRequest=4c1b9f0e-2d77-4a51-8c3e-9e0a6b7d1f22 policyRevision=318 subsys=daemon`,
    `time="${at(2 * DAYS + 30)}" level=info msg="Imported CiliumNetworkPolicy" ciliumNetworkPolicyName=inventory-api-l7 k8sApiVersion= k8sNamespace=orders subsys=k8s-watcher`,
    `time="${at(37 - k)}" level=info msg="Rewrote endpoint BPF program" ciliumEndpointName=orders/${nameOf(podOf(client, k))} containerID=3f0c${k}a91be identity=48211 ipv4=${podOf(client, k).status?.podIP ?? ""} k8sPodName=orders/${nameOf(podOf(client, k))} subsys=endpoint`,
  );
  const url = 'http://inventory-api.orders.svc.cluster.local/api/v2/reservations';
  const flow = (m: number, k: number, dst: number, reply: boolean) => {
    const src = podOf(client, k);
    const to = podOf(server, dst);
    const ends = { source: { identity: 48211, namespace: ns, labels: ['k8s:app=checkout-api', 'k8s:io.kubernetes.pod.namespace=orders'], pod_name: nameOf(src) }, destination: { identity: 51907, namespace: ns, labels: ['k8s:app=inventory-api', 'k8s:io.kubernetes.pod.namespace=orders'], pod_name: nameOf(to) } };
    const l7 = reply
      ? { type: 'RESPONSE', latency_ns: '412000', http: { code: 403, method: 'POST', url, protocol: 'HTTP/1.1' } }
      : { type: 'REQUEST', http: { method: 'POST', url, protocol: 'HTTP/1.1', headers: [{ key: 'X-Request-Id', value: `9c1e0f${k}${dst}-${Math.round(m * 100)}` }] } };
    const f = {
      time: at(m), verdict: reply ? 'FORWARDED' : 'DROPPED',
      IP: reply ? { source: to.status?.podIP, destination: src.status?.podIP, ipVersion: 'IPv4' } : { source: src.status?.podIP, destination: to.status?.podIP, ipVersion: 'IPv4' },
      ...(reply ? { source: ends.destination, destination: ends.source } : ends),
      Type: 'L7', node_name: to.spec?.nodeName, l7, event_type: { type: 129 }, traffic_direction: 'INGRESS', is_reply: reply,
      Summary: reply ? `HTTP/1.1 403 0ms (POST ${url})` : `HTTP/1.1 POST ${url}`,
    };
    return JSON.stringify({ flow: f, node_name: to.spec?.nodeName, time: at(m) });
  };
  // The Hubble flow export (hubble.export.static to a file, tailed to stdout) of the nodes hosting inventory-api.
  const exported = (k: number) => k === 0 ? '' : lines(flow(20.01, 0, k - 1, false), flow(20.01, 0, k - 1, true), flow(0.61, k, k - 1, false), flow(0.61, k, k - 1, true));
  const cl = (k: number) => lines(
    `{"ts":"${at(36 - k)}","level":"info","msg":"checkout-api listening","version":"7.4.0","port":8080}`,
    `{"ts":"${at(20)}","level":"error","msg":"reserve stock failed","order_id":"o_7f3k2${k}","upstream":"inventory-api","method":"POST","url":"http://inventory-api.orders.svc.cluster.local/api/v2/reservations","status":403,"body":"Access denied\\r\\n","dur_ms":2}`,
    `{"ts":"${at(19.8)}","level":"info","msg":"GET inventory","url":"http://inventory-api.orders.svc.cluster.local/api/v1/stock/SKU-10442","status":200,"dur_ms":9}`,
    `{"ts":"${at(0.6)}","level":"error","msg":"reserve stock failed","order_id":"o_9q1x4${k}","upstream":"inventory-api","method":"POST","url":"http://inventory-api.orders.svc.cluster.local/api/v2/reservations","status":403,"body":"Access denied\\r\\n","dur_ms":1}`,
    `{"ts":"${at(0.6)}","level":"warn","msg":"POST /v1/checkout","status":502,"error":"inventory reservation rejected: 403 Forbidden","dur_ms":14}`,
  );
  const sv = lines(
    `${at(1.4)} INFO  http GET /api/v1/stock/SKU-10442 200 7ms`,
    `${at(0.9)} INFO  http GET /api/v1/stock/SKU-20031 200 6ms`,
    `${at(0.5)} INFO  http PUT /api/v1/stock/SKU-20031/hold 200 11ms`,
  );
  return {
    id: 'heldout73-cilium-l7-policy-403',
    class: 'network',
    truth: 'checkout-api revision 31 (7.4.0) started reserving stock with POST /api/v2/reservations on inventory-api, but the CiliumNetworkPolicy inventory-api-l7 in orders only allows L7 HTTP rules for GET /api/v1/stock/.* and PUT /api/v1/stock/.*/hold from checkout-api; Cilium\'s Envoy proxy answers the new calls itself with 403 "Access denied" and inventory-api never sees them, so every checkout fails with 502 while all pods are Ready. Fix: add the POST /api/v2/reservations rule to the policy.',
    ask: { service: 'checkout-api', namespace: ns },
    objects: [
      ...nodes, ...client.objects, ...server.objects, ...cilium.objects,
      ...exposed({ namespace: ns, name: 'checkout-api', selector: { app: 'checkout-api' }, pods: client.pods }),
      ...exposed({ namespace: ns, name: 'inventory-api', selector: { app: 'inventory-api' }, pods: server.pods }),
      scaledReplicaSet(dep(client.objects), rsOf(client, 30), 0, 1, 34),
    ],
    logs: [
      ...client.pods.map((p, k) => logsFor(p, 'app', { current: cl(k) })),
      ...server.pods.map((p) => logsFor(p, 'app', { current: sv })),
      ...cilium.pods.map((p, k) => logsFor(p, 'cilium-agent', { current: agentLog(k) })),
      ...cilium.pods.map((p, k) => logsFor(p, 'export-stdout', { current: exported(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/cilium|L7|network ?policy|policy[- ]denied|inventory-api-l7/i],
      facts: [/403|Access denied/i, /\/api\/v2\/reservations/],
      never: [/inventory-api[^\n]*(crash|down\b|not ready|unready)/i, /\bOOM/, /JWT|token expired|credentials/i],
    },
  };
}

// ---- 6. kube-dns re-created with a new ClusterIP; kubelets still point at the old one -------------

function kubeDnsClusterIpChanged(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.224', ['5', '130', '61']);
  const image = `${ECR}/notifications/email-dispatcher:1.19.2`;
  const app = deploymentApp({
    namespace: ns, name: 'email-dispatcher', replicas: 2,
    revisions: [{ revision: 19, createdAgo: 6 * DAYS, changeCause: 'argocd: email-dispatcher 1.19.2', template: { containers: [container({ image, memory: '256Mi', env: [{ name: 'SMTP_HOST', value: 'smtp-relay.mail.svc.cluster.local:587' }, { name: 'TEMPLATES_URL', value: 'http://template-store.notifications.svc.cluster.local' }], readiness: httpProbe('/healthz', 8080), liveness: null })] } }],
    pods: [{ revision: 19, node: names[0] ?? '', createdAgo: 6 * DAYS }, { revision: 19, node: names[2] ?? '', createdAgo: 6 * DAYS - 2, containers: { app: running({ sinceAgo: 2 * DAYS, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 2 * DAYS } }) } }],
  });
  const other = bystander(ns, 'template-store', names, 3 * DAYS, { revisions: [3, 4], versions: ['0.7.0', '0.7.1'], olderAgo: 40 * DAYS });
  const dnsAll = coreDns([{ node: names[1] ?? '', createdAgo: 71 }, { node: names[2] ?? '', createdAgo: 71 }]);
  const dnsObjects = dnsAll.objects.filter((o) => !(o.kind === 'Service' || o.kind === 'EndpointSlice'));
  const newIp = '172.20.147.52';
  const dnsSvc = exposed({ namespace: 'kube-system', name: 'kube-dns', clusterIP: newIp, createdAgo: 71, selector: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, targetPort: 53 }], pods: dnsAll.pods, endpointPort: 53 });
  for (const o of dnsSvc) if (o.kind === 'Service' && o.metadata) o.metadata = { ...o.metadata, labels: { ...o.metadata.labels, 'k8s-app': 'kube-dns', 'kubernetes.io/name': 'CoreDNS', 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'coredns-1.36.1' }, annotations: { 'meta.helm.sh/release-name': 'coredns', 'meta.helm.sh/release-namespace': 'kube-system' } };
  const pods = app.pods;
  const ipOfP = (p: k8s.V1Pod | undefined) => p?.status?.podIP ?? '10.0.224.9';
  const dl = (k: number) => lines(
    `{"time":"${at(80)}","level":"INFO","msg":"sent","queue":"email.outbound","message_id":"m-71c2${k}","to_domain":"gmail.com","dur_ms":412}`,
    `{"time":"${at(66)}","level":"ERROR","msg":"smtp dial failed","err":"dial tcp: lookup smtp-relay.mail.svc.cluster.local on 172.20.0.10:53: read udp ${ipOfP(pods[k])}:4${k}811->172.20.0.10:53: i/o timeout","attempt":1}`,
    `{"time":"${at(40)}","level":"ERROR","msg":"render failed","err":"Get \\"http://template-store.notifications.svc.cluster.local/v1/templates/order-shipped\\": dial tcp: lookup template-store.notifications.svc.cluster.local on 172.20.0.10:53: read udp ${ipOfP(pods[k])}:5${k}203->172.20.0.10:53: i/o timeout"}`,
    `{"time":"${at(1.3)}","level":"ERROR","msg":"smtp dial failed","err":"dial tcp: lookup smtp-relay.mail.svc.cluster.local on 172.20.0.10:53: read udp ${ipOfP(pods[k])}:3${k}917->172.20.0.10:53: i/o timeout","attempt":5}`,
    `{"time":"${at(1.3)}","level":"WARN","msg":"message requeued","queue":"email.outbound","message_id":"m-88a0${k}","retry_in":"30s","backlog":${4810 + k * 37}}`,
  );
  const dnsLog = lines(
    '.:53',
    '[INFO] plugin/reload: Running configuration SHA512 = 8a7d59126e7f114ab49c6d2613be93d8ef7d408af8ee61a710210843dc409f03133727e38f64469d9bb180f396c84ebf48a42bde3b3769730865ca9df5eb281c',
    'CoreDNS-1.11.3',
    'linux/amd64, go1.21.11, a6338e9',
  );
  return {
    id: 'heldout73-kube-dns-clusterip-changed',
    class: 'network',
    truth: '71 minutes ago the CoreDNS add-on was reinstalled with Helm, which deleted and re-created the kube-dns Service in kube-system; it got a new ClusterIP 172.20.147.52, while every kubelet\'s clusterDNS (and so every pod\'s resolv.conf) still names 172.20.0.10, which no Service owns any more. All DNS lookups time out (email-dispatcher cannot resolve smtp-relay or template-store), while CoreDNS pods are healthy and receive nothing. Fix: re-create kube-dns with clusterIP 172.20.0.10 (pin it in the chart values).',
    ask: { service: 'email-dispatcher', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...dnsObjects, ...dnsSvc,
      ...exposed({ namespace: ns, name: 'email-dispatcher', selector: { app: 'email-dispatcher' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'template-store', selector: { app: 'template-store' }, pods: other.pods }),
      ...dnsAll.pods.flatMap((p) => startedAt(p, 'coredns', dnsAll.pods.length > 0 ? (p.spec?.containers[0]?.image ?? '') : '', 71)),
    ],
    logs: [
      ...pods.map((p, k) => logsFor(p, 'app', { current: dl(k) })),
      ...dnsAll.pods.map((p) => logsFor(p, 'coredns', { current: dnsLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/kube-dns|clusterDNS|cluster ?IP|172\.20\.0\.10|172\.20\.147\.52/i],
      facts: [lit('172.20.0.10'), lit('172.20.147.52')],
      never: [/coredns[^\n]*(crash|down\b|not ready|unready|overload)/i, /\bOOM/, /smtp-relay[^\n]*(down\b|crash)/i],
    },
  };
}

// ---- 7. healthy: Spring Boot logging the open-in-view warning at every start ----------------------

function healthySpringOpenInView(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.32', ['44', '171', '19']);
  const image = (v: string) => `${ECR}/catalog/product-catalog:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), memory: '768Mi', env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'product-catalog', replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 5 * DAYS, changeCause: 'argocd: product-catalog 2.30.1', template: tpl('2.30.1') },
      { revision: 58, createdAgo: 52, changeCause: 'argocd: product-catalog 2.31.0', template: tpl('2.31.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 51 - 2 * k })),
    settled: { available: true, availableSince: 46, progressingSince: 46 },
  });
  const other = bystander(ns, 'price-feed', names, 4 * DAYS, { revisions: [12, 13], versions: ['1.2.0', '1.2.1'], olderAgo: 30 * DAYS });
  const l = (m: number, lvl: string, thread: string, logger: string, msg: string) => `${bootTs(m)} ${lvl.padStart(5)} 1 --- [product-catalog] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const log = (k: number) => {
    const s = 50.5 - 2 * k;
    return lines(
      l(s, 'INFO', 'main', 'c.a.catalog.ProductCatalogApplication', 'Starting ProductCatalogApplication v2.31.0 using Java 21.0.4 with PID 1 (/app/app.jar started by app in /app)'),
      l(s, 'INFO', 'main', 'c.a.catalog.ProductCatalogApplication', 'The following 1 profile is active: "prod"'),
      l(s - 0.05, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
      l(s - 0.06, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
      l(s - 0.06, 'INFO', 'main', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@5b6e8f77'),
      l(s - 0.06, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
      l(s - 0.08, 'INFO', 'main', 'j.LocalContainerEntityManagerFactoryBean', 'Initialized JPA EntityManagerFactory for persistence unit \'default\''),
      l(s - 0.1, 'WARN', 'main', 'JpaBaseConfiguration$JpaWebConfiguration', 'spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view rendering. Explicitly configure spring.jpa.open-in-view to disable this warning'),
      l(s - 0.12, 'INFO', 'main', 'o.s.b.a.e.web.EndpointLinksResolver', 'Exposing 3 endpoints beneath base path \'/actuator\''),
      l(s - 0.13, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
      l(s - 0.13, 'INFO', 'main', 'c.a.catalog.ProductCatalogApplication', 'Started ProductCatalogApplication in 7.912 seconds (process running for 8.604)'),
      l(2.2, 'INFO', 'nio-8080-exec-3', 'c.a.catalog.web.ProductController', 'GET /v2/products/SKU-10442 200 12ms'),
      l(0.6, 'INFO', 'nio-8080-exec-7', 'c.a.catalog.web.ProductController', 'GET /v2/products?category=lighting&page=3 200 38ms'),
    );
  };
  return {
    id: 'heldout73-healthy-spring-open-in-view-warning',
    class: 'healthy',
    truth: 'Nothing is wrong. product-catalog revision 58 (2.31.0) rolled out 52 minutes ago and all three pods are Running, ready and serving 200s; the WARN "spring.jpa.open-in-view is enabled by default…" that every pod prints at start-up is Spring Boot\'s standing advice about the default setting, not a failure.',
    ask: { service: 'product-catalog', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'product-catalog', selector: { app: 'product-catalog' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'price-feed', selector: { app: 'price-feed' }, pods: other.pods }),
      scaledReplicaSet(dep(app.objects), rsOf(app, 58), 3, 2, 48),
      scaledReplicaSet(dep(app.objects), rsOf(app, 57), 0, 1, 46),
      ...app.pods.flatMap((p, k) => startedAt(p, 'app', image('2.31.0'), 51 - 2 * k)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|looks fine|no (issue|fault|failure)s?|nothing (is )?wrong|running normally/i],
      facts: [/product-catalog/, /ready|3\/3/i],
      never: [/open-in-view[^\n]*(cause|fail|broke|root)/i, /\bOOM/, /crash ?loop/i, /price-feed/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  javaxJakartaNoClassDef(),
  goGoroutinesAsleep(),
  phpClassCase(),
  ebsVolumeLimit(),
  ciliumL7Policy(),
  kubeDnsClusterIpChanged(),
  healthySpringOpenInView(),
];
