// Held-out stories, hundred-and-first round, part one: a Spring Boot service whose ConfigMap key
// was renamed (PAYMENT_GATEWAY_URL → PAYMENTS_GATEWAY_URL), so pods restarted since crash on
// "Could not resolve placeholder"; a cart service whose new release builds single-table DynamoDB
// keys (PK/SK) against a table keyed userId/sku; an exporter that assumes a cross-account role
// once at start and never refreshes, so every S3 call fails with ExpiredToken after an hour; a
// search API whose "products" index was deleted by another workload's new index naming; a Flyway
// migration Job that created a table as a different Postgres role, leaving the app without grants;
// an SQS consumer pointed by a ConfigMap edit at a queue that does not exist; and a healthy
// control: a Spring Boot service printing its usual benign WARNs.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, deploymentApp, epochMs, event, every,
  exposed, httpProbe, job, jobEvent, nameOf, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  startedNormally, terminated, execProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** Spring Boot 3.3's default console line. */
function spring(t: number, level: 'INFO' | 'WARN' | 'ERROR' | 'DEBUG', app: string, thread: string, logger: string, msg: string): string {
  return `${at(t)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;
}

function springBanner(t: number, app: string, main: string, version: string): string[] {
  return [
    '',
    '  .   ____          _            __ _ _',
    ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
    '( ( )\\___ | \'_ | \'_| | \'_ \\/ _` | \\ \\ \\ \\',
    ' \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )',
    '  \'  |____| .__|_| |_|_| |_\\__, | / / / /',
    ' =========|_|==============|___/=/_/_/_/',
    '',
    ' :: Spring Boot ::                (v3.3.5)',
    '',
    spring(t, 'INFO', app, 'main', main, `Starting ${main.split('.').pop() ?? main} v${version} using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`),
    spring(t - 0.001, 'INFO', app, 'main', main, 'The following 1 profile is active: "prod"'),
  ];
}

// ---- 1. Spring Boot: ConfigMap key renamed, placeholder unresolvable on restart ------------------

function springPlaceholderAfterKeyRename(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '139', '220']);
  const image = `${ECR}/billing/billing-api:2.14.0`;
  const tpl = (restartedAt?: string) => ({
    containers: [container({
      image, ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '500m', memory: '1Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      envFrom: [{ configMapRef: { name: 'billing-api-env' } }],
      readiness: httpProbe('/actuator/health/readiness', 'management'),
      liveness: httpProbe('/actuator/health/liveness', 'management', { initialDelaySeconds: 60 }),
    })],
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'billing-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 43, createdAgo: 6 * DAYS, changeCause: 'argocd: billing-api 2.14.0', template: tpl() },
      { revision: 44, createdAgo: 19, template: tpl(at(19).replace(/\.\d+Z$/, 'Z')) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 43, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 44, node: names[2] ?? '', createdAgo: 18.9, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.4, ranSeconds: 11 }, 8) } },
    ],
  });
  const fresh = podOf(app, 3);
  const cm = configMap({
    namespace: ns, name: 'billing-api-env', createdAgo: 210 * DAYS, updatedAgo: 24,
    data: {
      PAYMENTS_GATEWAY_URL: 'https://gateway.payments.internal.acme.io/v2',
      BILLING_DB_URL: 'jdbc:postgresql://billing-db.cluster-cq81zt2vx0.eu-west-1.rds.amazonaws.com:5432/billing',
      INVOICE_BUCKET: 'acme-prod-invoices',
      KAFKA_BOOTSTRAP_SERVERS: 'b-1.prod-msk.x7k2e1.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.prod-msk.x7k2e1.c3.kafka.eu-west-1.amazonaws.com:9098',
    },
  });
  const other = bystander(ns, 'invoice-renderer', names, 3 * HOURS, { revisions: [17, 18], versions: ['1.6.2', '1.7.0'], olderAgo: 20 * DAYS });
  const name = 'billing-api';
  const crashRun = (t: number): string => lines(
    ...springBanner(t, name, 'com.acme.billing.BillingApiApplication', '2.14.0'),
    spring(t - 0.02, 'INFO', name, 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
    spring(t - 0.021, 'INFO', name, 'main', 'o.apache.catalina.core.StandardService', 'Starting service [Tomcat]'),
    spring(t - 0.03, 'INFO', name, 'main', 'w.s.c.ServletWebServerApplicationContext', 'Root WebApplicationContext: initialization completed in 2214 ms'),
    spring(t - 0.06, 'INFO', name, 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
    spring(t - 0.07, 'INFO', name, 'main', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@6f1c3b2a'),
    spring(t - 0.071, 'INFO', name, 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
    spring(t - 0.12, 'WARN', name, 'main', 'ConfigServletWebServerApplicationContext', 'Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.UnsatisfiedDependencyException: Error creating bean with name \'invoiceController\' defined in URL [jar:nested:/app/app.jar/!BOOT-INF/classes/!/com/acme/billing/web/InvoiceController.class]: Unsatisfied dependency expressed through constructor parameter 1: Error creating bean with name \'paymentGatewayClient\': Injection of autowired dependencies failed'),
    spring(t - 0.13, 'INFO', name, 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Shutdown initiated...'),
    spring(t - 0.131, 'INFO', name, 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Shutdown completed.'),
    spring(t - 0.132, 'INFO', name, 'main', 'o.apache.catalina.core.StandardService', 'Stopping service [Tomcat]'),
    spring(t - 0.14, 'INFO', name, 'main', '.s.b.a.l.ConditionEvaluationReportLogger', ''),
    '',
    'Error starting ApplicationContext. To display the condition evaluation report re-run your application with \'debug\' enabled.',
    spring(t - 0.141, 'ERROR', name, 'main', 'o.s.boot.SpringApplication', 'Application run failed'),
    '',
    'org.springframework.beans.factory.UnsatisfiedDependencyException: Error creating bean with name \'invoiceController\' defined in URL [jar:nested:/app/app.jar/!BOOT-INF/classes/!/com/acme/billing/web/InvoiceController.class]: Unsatisfied dependency expressed through constructor parameter 1: Error creating bean with name \'paymentGatewayClient\': Injection of autowired dependencies failed',
    '\tat org.springframework.beans.factory.support.ConstructorResolver.createArgumentArray(ConstructorResolver.java:795)',
    '\tat org.springframework.beans.factory.support.ConstructorResolver.autowireConstructor(ConstructorResolver.java:237)',
    '\t... 25 common frames omitted',
    'Caused by: org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'paymentGatewayClient\': Injection of autowired dependencies failed',
    '\tat org.springframework.beans.factory.annotation.AutowiredAnnotationBeanPostProcessor.postProcessProperties(AutowiredAnnotationBeanPostProcessor.java:515)',
    '\t... 39 common frames omitted',
    'Caused by: java.lang.IllegalArgumentException: Could not resolve placeholder \'PAYMENT_GATEWAY_URL\' in value "billing.gateway.base-url" <-- "${PAYMENT_GATEWAY_URL}"',
    '\tat org.springframework.util.PropertyPlaceholderHelper.parseStringValue(PropertyPlaceholderHelper.java:180)',
    '\tat org.springframework.util.PropertyPlaceholderHelper.replacePlaceholders(PropertyPlaceholderHelper.java:126)',
    '\tat org.springframework.core.env.AbstractPropertyResolver.doResolvePlaceholders(AbstractPropertyResolver.java:239)',
    '\tat org.springframework.beans.factory.annotation.AutowiredAnnotationBeanPostProcessor$AutowiredFieldElement.inject(AutowiredAnnotationBeanPostProcessor.java:765)',
    '\t... 41 common frames omitted',
  );
  const servingLog = (k: number): string => lines(
    spring(6 * DAYS - k - 0.8, 'INFO', name, 'main', 'com.acme.billing.BillingApiApplication', 'Started BillingApiApplication in 14.882 seconds (process running for 16.1)'),
    spring(3.2 - k * 0.1, 'INFO', name, 'nio-8080-exec-4', 'c.a.billing.web.InvoiceController', `Invoice INV-2026-118${40 + k} issued for account 77${k}213 (EUR 129.00)`),
    spring(1.1 - k * 0.1, 'INFO', name, 'nio-8080-exec-7', 'c.a.b.gateway.PaymentGatewayClient', `POST https://gateway.payments.internal.acme.io/v2/charges -> 201 (212 ms)`),
  );
  return {
    id: 'heldout101-spring-placeholder-configmap-key-renamed',
    class: 'config',
    truth: 'Someone renamed the key PAYMENT_GATEWAY_URL to PAYMENTS_GATEWAY_URL in the ConfigMap billing-api-env (kubectl edit, 24 minutes ago), which billing-api reads through envFrom; application.yml still resolves billing.gateway.base-url from ${PAYMENT_GATEWAY_URL}. The running revision-43 pods kept their old environment, but the `kubectl rollout restart` five minutes later (revision 44, template unchanged except restartedAt) starts pods without that variable: Spring fails with "Could not resolve placeholder \'PAYMENT_GATEWAY_URL\'" and exits 1, so the new pod crash-loops and the rollout is stuck with the three old pods serving. Rolling back would not help (the old template reads the same ConfigMap). Fix: restore the key name in the ConfigMap (or update application.yml) and restart.',
    ask: { service: 'billing-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 44), 1, 0, 19),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 18), 2, 0, 3 * HOURS),
      scheduled(fresh, 18.9),
      ...restartedAgain(fresh, 'app', image, { count: 9, firstAgo: 18.8, lastAgo: 1.6 }),
      backOff(fresh, 'app', { count: 84, firstAgo: 18.4, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: '', previous: crashRun(1.58) }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: servingLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/PAYMENTS?_GATEWAY_URL|placeholder|billing-api-env/i],
      facts: [/PAYMENT_GATEWAY_URL/, /billing-api-env/, /renam|key|PAYMENTS_GATEWAY_URL/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /ImagePull|image (is )?(missing|not found)/i],
    },
  };
}

// ---- 2. DynamoDB: a release builds keys the table's schema does not have ---------------------------

function dynamoKeySchemaMismatch(): CorpusScenario {
  const ns = 'cart';
  const { nodes, names } = threeEksNodes('10.0.52', ['27', '164', '88']);
  const image = (v: string) => `${ECR}/cart/cart-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '250m', memory: '384Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'AWS_REGION', value: 'eu-west-1' },
        { name: 'CART_TABLE', value: 'cart-items' },
        { name: 'NODE_OPTIONS', value: '--max-old-space-size=288' },
      ],
      readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }),
    })],
    serviceAccountName: 'cart-service',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'cart-service',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 12 * DAYS, changeCause: 'argocd: cart-service 3.7.4', template: tpl('3.7.4') },
      { revision: 19, createdAgo: 34, changeCause: 'argocd: cart-service 3.8.0', template: tpl('3.8.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 33.5 - k * 0.6 })),
  });
  const other = bystander(ns, 'cart-pricing', names, 5 * HOURS, { revisions: [40, 41], versions: ['0.19.1', '0.19.2'], olderAgo: 9 * DAYS });
  const skus = ['sku-44120', 'sku-10873', 'sku-99321', 'sku-55012', 'sku-31877', 'sku-72004'];
  const podLog = (p: k8s.V1Pod, k: number): string => {
    const host = nameOf(p);
    const out: string[] = [
      JSON.stringify({ level: 30, time: epochMs(33 - k * 0.6), pid: 1, hostname: host, msg: 'cart-service 3.8.0 listening on :3000', table: 'cart-items', region: 'eu-west-1' }),
      JSON.stringify({ level: 40, time: epochMs(32.9 - k * 0.6), pid: 1, hostname: host, msg: '(node:1) NOTE: The AWS SDK for JavaScript (v3) will no longer support Node.js 16.x on January 6, 2025.' }),
    ];
    for (let i = 0; i < 18; i++) {
      const t = 32 - i * 1.7 - k * 0.2;
      const user = 81000 + ((i * 37 + k * 11) % 900);
      const sku = skus[(i + k) % skus.length] ?? 'sku-1';
      const op = i % 3 === 0 ? 'UpdateItem' : 'GetItem';
      out.push(JSON.stringify({ level: 20, time: epochMs(t), pid: 1, hostname: host, reqId: `req-${(i * 7 + k).toString(36)}${k}q`, msg: 'dynamodb request', op, table: 'cart-items', key: op === 'GetItem' ? { PK: `USER#${user}`, SK: 'CART' } : { PK: `USER#${user}`, SK: `ITEM#${sku}` } }));
      out.push(JSON.stringify({ level: 50, time: epochMs(t - 0.003), pid: 1, hostname: host, reqId: `req-${(i * 7 + k).toString(36)}${k}q`, op, table: 'cart-items', err: { type: 'ValidationException', message: 'The provided key element does not match the schema', name: 'ValidationException', $fault: 'client', $metadata: { httpStatusCode: 400, requestId: `Q8${i}K${k}7TLM2R0AJ5V4KQNSO5AEMVJF66Q9ASUAAJG`, attempts: 1, totalRetryDelay: 0 } }, msg: 'dynamodb request failed' }));
      out.push(JSON.stringify({ level: 30, time: epochMs(t - 0.004), pid: 1, hostname: host, reqId: `req-${(i * 7 + k).toString(36)}${k}q`, res: { statusCode: 500 }, req: { method: op === 'GetItem' ? 'GET' : 'POST', url: op === 'GetItem' ? `/v1/carts/${user}` : `/v1/carts/${user}/items` }, responseTime: 23 + i, msg: 'request completed' }));
      if (i % 6 === 4) out.push(JSON.stringify({ level: 30, time: epochMs(t - 0.01), pid: 1, hostname: host, req: { method: 'GET', url: '/health/ready' }, res: { statusCode: 200 }, responseTime: 1, msg: 'request completed' }));
    }
    return lines(...out);
  };
  return {
    id: 'heldout101-dynamodb-key-schema-mismatch',
    class: 'rollout',
    truth: 'Revision 19 of cart-service (3.8.0, rolled out 34 minutes ago) moved the data layer to a single-table design: it now builds keys as {PK: "USER#<id>", SK: "CART" | "ITEM#<sku>"}, but the cart-items table it still points at is keyed userId (hash) / sku (range) and nobody migrated it. Every GetItem and UpdateItem is rejected by DynamoDB with "ValidationException: The provided key element does not match the schema", so every cart request returns 500 since the rollout; the pods stay up and ready (health checks do not touch DynamoDB). Fix: roll back to revision 18 (3.7.4) until the table migration ships.',
    ask: { service: 'cart-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'cart-service', selector: { app: 'cart-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart-pricing', selector: { app: 'cart-pricing' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 34),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 2, 3, 33.4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 3, 1, 33.4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 0, 2, 32.8),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('3.8.0'), 33.5 - k * 0.6)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(p, k) })),
    expect: {
      verdict: 'problems',
      headline: [/revision 19|since .*\b19\b|3\.8\.0/, /key|schema|ValidationException|DynamoDB/i],
      facts: [/does not match the schema|ValidationException/, /cart-items/, /roll ?back|undo|revision 18|3\.7\.4/i],
      never: [/\bOOM/, /AccessDenied|not authori[sz]ed/i, /throttl|ProvisionedThroughput/i, /cart-pricing/],
    },
  };
}

// ---- 3. An assumed role never refreshed: ExpiredToken an hour after start ---------------------------

function assumedRoleNeverRefreshed(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.140', ['9', '101', '233']);
  const image = (v: string) => `${ECR}/finance/ledger-exporter:${v}`;
  const baseEnv = [
    { name: 'AWS_REGION', value: 'eu-west-1' },
    { name: 'EXPORT_BUCKET', value: 'acme-dwh-landing-prod' },
    { name: 'EXPORT_PREFIX', value: 'ledger/v2/' },
    { name: 'BATCH_SIZE', value: '5000' },
  ];
  const tpl = (v: string, env: k8s.V1EnvVar[]) => ({
    containers: [batchContainer({ image: image(v), cpu: '200m', memory: '512Mi', env: [...baseEnv, ...env], command: ['python', '-m', 'ledger_exporter.worker'] })],
    serviceAccountName: 'ledger-exporter',
  });
  const startedAgo = 110;
  const app = deploymentApp({
    namespace: ns,
    name: 'ledger-exporter',
    replicas: 2,
    revisions: [
      { revision: 11, createdAgo: 23 * DAYS, changeCause: 'argocd: ledger-exporter 1.9.3', template: tpl('1.9.3', []) },
      { revision: 12, createdAgo: startedAgo + 1, changeCause: 'argocd: ledger-exporter 2.0.0', template: tpl('2.0.0', [{ name: 'EXPORT_ROLE_ARN', value: 'arn:aws:iam::210987654321:role/dwh-landing-writer' }, { name: 'EXPORT_ROLE_SESSION_SECONDS', value: '3600' }]) },
    ],
    pods: [0, 1].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: startedAgo - k * 0.5 })),
  });
  const other = bystander(ns, 'ledger-api', names, 2 * DAYS, { revisions: [88, 89], versions: ['5.2.0', '5.2.1'], olderAgo: 15 * DAYS });
  const podLog = (p: k8s.V1Pod, k: number): string => {
    const s = startedAgo - k * 0.5 - 0.3;
    const session = `ledger-exporter-${nameOf(p).slice(-5)}`;
    const out = [
      `${pyTime(s)} INFO ledger_exporter.worker: ledger-exporter 2.0.0 starting (worker ${k + 1}/2, batch_size=5000)`,
      `${pyTime(s - 0.02)} INFO ledger_exporter.aws: assumed role arn:aws:iam::210987654321:role/dwh-landing-writer as session ${session}; credentials expire at ${at(s - 60).replace(/\.\d+Z$/, '+00:00')}`,
      `${pyTime(s - 0.03)} INFO ledger_exporter.aws: s3 client ready for bucket acme-dwh-landing-prod (region eu-west-1)`,
    ];
    let batch = 48_110 + k * 1000;
    for (let t = s - 0.5; t > s - 60; t -= 4) {
      out.push(`${pyTime(t)} INFO ledger_exporter.worker: exported batch ${batch} (5000 rows) to s3://acme-dwh-landing-prod/ledger/v2/dt=2026-11-21/batch-${batch}.parquet in 1.8s`);
      batch += 1;
    }
    out.push(every(s - 60.2, 0.5, 75, (t) => [
      `${pyTime(t)} ERROR ledger_exporter.worker: export of batch ${batch} failed, will retry in 60s`,
      'Traceback (most recent call last):',
      '  File "/app/ledger_exporter/worker.py", line 141, in export_batch',
      '    self.s3.put_object(Bucket=self.bucket, Key=key, Body=body, ServerSideEncryption="aws:kms")',
      '  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 569, in _api_call',
      '    return self._make_api_call(operation_name, kwargs)',
      '  File "/usr/local/lib/python3.12/site-packages/botocore/client.py", line 1023, in _make_api_call',
      '    raise error_class(parsed_response, operation_name)',
      'botocore.exceptions.ClientError: An error occurred (ExpiredToken) when calling the PutObject operation: The provided token has expired.',
      '',
    ].join('\n')).trimEnd());
    return lines(...out);
  };
  return {
    id: 'heldout101-assumed-role-never-refreshed-expired-token',
    class: 'config',
    truth: 'Revision 12 of ledger-exporter (2.0.0, rolled out 111 minutes ago) writes to a cross-account bucket by calling sts:AssumeRole for arn:aws:iam::210987654321:role/dwh-landing-writer once at process start (EXPORT_ROLE_SESSION_SECONDS=3600) and building its S3 client from those static credentials, which are never refreshed. The worker exported fine for its first hour; since the session expired (about 50 minutes ago) every PutObject fails with "ExpiredToken: The provided token has expired", on both pods, and no ledger batch has landed since. The pods run without restarts, so nothing in Kubernetes looks wrong. Fix: use a refreshable credentials provider (or re-assume before expiry); restarting the pods only buys another hour.',
    ask: { service: 'ledger-exporter', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 2, 0, startedAgo + 1),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 11), 0, 2, startedAgo - 1),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(p, k) })),
    expect: {
      verdict: 'problems',
      headline: [/ExpiredToken|expired|expir/i],
      facts: [/ExpiredToken|token has expired/, /assum|refresh|3600|session|hour/i, /dwh-landing-writer|PutObject|acme-dwh-landing-prod/],
      never: [/\bOOM/, /AccessDenied|bucket policy|permission(s)? (was |were )?(removed|revoked)/i, /clock (skew|drift)/i, /ledger-api/],
    },
  };
}

// ---- 4. Elasticsearch: another workload's new index naming deleted "products" -----------------------

function elasticsearchIndexGoneAfterIndexerRelease(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.33', ['45', '170', '212']);
  const esUrl = 'https://prod-search.es.eu-west-1.aws.found.io:443';
  const searchImage = `${ECR}/search/product-search:1.22.3`;
  const searchTpl = {
    containers: [container({
      image: searchImage, ports: [8080], cpu: '300m', memory: '256Mi',
      env: [{ name: 'ES_URL', value: esUrl }, { name: 'ES_INDEX', value: 'products' }, { name: 'ES_TIMEOUT', value: '2s' }, { name: 'GOMEMLIMIT', value: '220MiB' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  };
  const searchApp = deploymentApp({
    namespace: ns, name: 'product-search', replicas: 3,
    revisions: [
      { revision: 52, createdAgo: 30 * DAYS, changeCause: 'argocd: product-search 1.22.2', template: { containers: [container({ ...{ image: `${ECR}/search/product-search:1.22.2` }, ports: [8080] })] } },
      { revision: 53, createdAgo: 9 * DAYS, changeCause: 'argocd: product-search 1.22.3', template: searchTpl },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 53, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const idxImage = (v: string) => `${ECR}/search/catalog-indexer:${v}`;
  const idxTpl = (v: string, alias: string) => ({
    containers: [container({
      image: idxImage(v), ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '500m', memory: '1Gi',
      env: [{ name: 'ES_URL', value: esUrl }, { name: 'INDEX_ALIAS', value: alias }, { name: 'ROLLOVER_MAX_DOCS', value: '5000000' }, { name: 'RETAIN_OLD_INDICES', value: '1' }],
      readiness: httpProbe('/metrics', 'metrics'), liveness: null,
    })],
  });
  const indexer = deploymentApp({
    namespace: ns, name: 'catalog-indexer', replicas: 1, strategy: { type: 'Recreate' },
    revisions: [
      { revision: 26, createdAgo: 41 * DAYS, changeCause: 'argocd: catalog-indexer 4.3.1', template: idxTpl('4.3.1', 'products') },
      { revision: 27, createdAgo: 42, changeCause: 'argocd: catalog-indexer 5.0.0', template: idxTpl('5.0.0', 'catalog-products') },
    ],
    pods: [{ revision: 27, node: names[1] ?? '', createdAgo: 41.5 }],
  });
  const idxPod = podOf(indexer, 0);
  const idxLog = lines(
    `${pyTime(41.2)} INFO catalog_indexer.main: catalog-indexer 5.0.0 starting; es=${esUrl} alias=catalog-products`,
    `${pyTime(41.1)} INFO elastic_transport.transport: HEAD ${esUrl}/_alias/catalog-products [status:404 duration:0.021s]`,
    `${pyTime(41.1)} INFO catalog_indexer.bootstrap: alias catalog-products not found, bootstrapping write index`,
    `${pyTime(41.0)} INFO elastic_transport.transport: PUT ${esUrl}/_index_template/catalog-products [status:200 duration:0.088s]`,
    `${pyTime(40.9)} INFO elastic_transport.transport: PUT ${esUrl}/catalog-products-000001 [status:200 duration:0.412s]`,
    `${pyTime(40.9)} INFO catalog_indexer.bootstrap: created index catalog-products-000001 with alias catalog-products (is_write_index=true)`,
    `${pyTime(40.8)} INFO catalog_indexer.full_sync: full sync started from catalog-db (3,912,440 products)`,
    `${pyTime(22.4)} INFO catalog_indexer.full_sync: full sync done: 3,912,440 documents indexed into catalog-products-000001 in 18m24s`,
    `${pyTime(22.3)} INFO catalog_indexer.retention: indices matching products-* not referenced by alias catalog-products: [products-v7]`,
    `${pyTime(22.3)} INFO elastic_transport.transport: DELETE ${esUrl}/products-v7 [status:200 duration:0.733s]`,
    `${pyTime(22.3)} INFO catalog_indexer.retention: deleted 1 stale index (retain_old_indices=1 applies to catalog-products-*)`,
    `${pyTime(2.1)} INFO catalog_indexer.cdc: applied 412 change events to catalog-products (lag 3s)`,
  );
  const searchLog = (k: number): string => {
    const out = [
      `{"level":"info","ts":"${at(9 * DAYS - k - 0.4)}","caller":"cmd/server/main.go:61","msg":"product-search listening","addr":":8080","index":"products","version":"1.22.3"}`,
    ];
    const qs = ['winter jacket', 'usb-c hub', 'running shoes', 'espresso', 'desk lamp', 'yoga mat', 'headphones'];
    for (let i = 0; i < 6; i++) out.push(`{"level":"info","ts":"${at(30 - i * 1.3 - k * 0.1)}","caller":"http/log.go:38","msg":"request","path":"/v1/search","q":"${qs[i % qs.length]}","status":200,"hits":${120 + i * 17},"took_ms":${18 + i}}`);
    for (let i = 0; i < 16; i++) {
      const t = 22.2 - i * 1.35 - k * 0.07;
      const q = qs[(i + k) % qs.length] ?? 'shoes';
      out.push(`{"level":"error","ts":"${at(t)}","caller":"search/es.go:117","msg":"search failed","index":"products","status":404,"error":"[404 Not Found] {\\"error\\":{\\"root_cause\\":[{\\"type\\":\\"index_not_found_exception\\",\\"reason\\":\\"no such index [products]\\",\\"resource.type\\":\\"index_or_alias\\",\\"resource.id\\":\\"products\\",\\"index_uuid\\":\\"_na_\\",\\"index\\":\\"products\\"}],\\"type\\":\\"index_not_found_exception\\",\\"reason\\":\\"no such index [products]\\",\\"index\\":\\"products\\"},\\"status\\":404}"}`);
      out.push(`{"level":"info","ts":"${at(t - 0.001)}","caller":"http/log.go:38","msg":"request","path":"/v1/search","q":"${q}","status":502,"took_ms":${9 + (i % 5)}}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout101-elasticsearch-index-deleted-by-indexer-rename',
    class: 'config',
    truth: 'catalog-indexer revision 27 (5.0.0, rolled out 42 minutes ago) switched to rollover-managed indices behind a new alias, catalog-products (catalog-products-000001); after its full sync finished 22 minutes ago its retention step deleted the old index products-v7, which backed the "products" alias that product-search (unchanged for 9 days, ES_INDEX=products) queries. Since then every search returns 502 with "index_not_found_exception: no such index [products]". The pods of product-search are healthy and rolling it back would change nothing. Fix: add a "products" alias on catalog-products (or point product-search at catalog-products), and fix the indexer\'s retention rule.',
    ask: { service: 'product-search', namespace: ns },
    objects: [
      ...nodes, ...searchApp.objects, ...indexer.objects,
      ...exposed({ namespace: ns, name: 'product-search', selector: { app: 'product-search' }, pods: searchApp.pods }),
      scaledReplicaSet(deploymentOf(indexer), rsOf(indexer, 26), 0, 1, 42),
      scaledReplicaSet(deploymentOf(indexer), rsOf(indexer, 27), 1, 0, 41.6),
      ...startedNormally(idxPod, 'app', idxImage('5.0.0'), 41.5),
    ],
    logs: [
      ...searchApp.pods.map((p, k) => logsFor(p, 'app', { current: searchLog(k) })),
      logsFor(idxPod, 'app', { current: idxLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/index_not_found|no such index|index|products/i, /catalog-indexer|revision 27|5\.0\.0/],
      facts: [/no such index \[products\]|index_not_found_exception/, /products-v7|catalog-products/, /alias|ES_INDEX/i],
      never: [/product-search[^\n]*revision \d+[^\n]*(caused|broke|introduced)|roll(ing)? ?back product-search/i, /\bOOM/, /(elasticsearch|cluster) (is )?(down|unreachable)/i],
    },
  };
}

// ---- 5. Postgres: a migration Job created a table as another role ---------------------------------------

function postgresPermissionDeniedNewTable(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.118', ['5', '122', '241']);
  const jdbc = 'jdbc:postgresql://orders-db.cluster-c1p9xw0rk2ae.eu-west-1.rds.amazonaws.com:5432/orders';
  const appImage = (v: string) => `${ECR}/orders/order-service:${v}`;
  const appTpl = (v: string) => ({
    containers: [container({
      image: appImage(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'SPRING_DATASOURCE_URL', value: jdbc }, { name: 'SPRING_DATASOURCE_USERNAME', value: 'orders_app' }, { name: 'SPRING_FLYWAY_ENABLED', value: 'false' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'order-service', replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 6 * DAYS, changeCause: 'argocd: order-service 5.2.4', template: appTpl('5.2.4') },
      { revision: 34, createdAgo: 27, changeCause: 'argocd: order-service 5.3.0', template: appTpl('5.3.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 34, node: names[k] ?? '', createdAgo: 26.5 - k * 1.1 })),
  });
  const migImage = (v: string) => `${ECR}/orders/order-db-migrations:${v}`;
  const migTpl = (v: string, user: string) => ({
    containers: [batchContainer({
      name: 'flyway', image: migImage(v), cpu: '100m', memory: '256Mi',
      env: [{ name: 'FLYWAY_URL', value: jdbc }, { name: 'FLYWAY_USER', value: user }, { name: 'FLYWAY_SCHEMAS', value: 'public' }],
      args: ['migrate'],
    })],
  });
  const old = job({
    namespace: ns, name: 'order-db-migrate-v211', template: migTpl('211', 'orders_owner'), createdAgo: 6 * DAYS + 5,
    pods: [{ phase: 'Succeeded', node: names[0] ?? '', createdAgo: 6 * DAYS + 5, containers: { flyway: terminated({ exitCode: 0, finishedAgo: 6 * DAYS + 4.7, ranSeconds: 12 }) } }],
    outcome: { complete: true, ago: 6 * DAYS + 4.6 },
  });
  const mig = job({
    namespace: ns, name: 'order-db-migrate-v212', template: migTpl('212', 'orders_migrator'), createdAgo: 31,
    pods: [{ phase: 'Succeeded', node: names[2] ?? '', createdAgo: 31, containers: { flyway: terminated({ exitCode: 0, finishedAgo: 30.6, ranSeconds: 14 }) } }],
    outcome: { complete: true, ago: 30.5 },
  });
  const migPod = mig.pods[0] as k8s.V1Pod;
  const migLog = lines(
    'Flyway OSS Edition 10.17.3 by Redgate',
    '',
    'See release notes here: https://rd.gt/416ObMi',
    'Database: jdbc:postgresql://orders-db.cluster-c1p9xw0rk2ae.eu-west-1.rds.amazonaws.com:5432/orders (PostgreSQL 15.8)',
    'Successfully validated 212 migrations (execution time 00:00.311s)',
    'Current version of schema "public": 211',
    'Migrating schema "public" to version "212 - create order refunds"',
    'Successfully applied 1 migration to schema "public", now at version v212 (execution time 00:00.094s)',
  );
  const name = 'order-service';
  const appLog = (k: number): string => {
    const out = [spring(25.8 - k * 1.1, 'INFO', name, 'main', 'com.acme.orders.OrderServiceApplication', 'Started OrderServiceApplication in 21.417 seconds (process running for 23.02)')];
    for (let i = 0; i < 10; i++) {
      const t = 24 - i * 2.2 - k * 0.2;
      const thread = `nio-8080-exec-${(i % 9) + 1}`;
      out.push(spring(t + 0.3, 'INFO', name, thread, 'c.a.orders.web.OrderController', `Order ORD-${912400 + i * 13 + k} placed (3 lines, EUR ${(48 + i * 7).toFixed(2)})`));
      out.push(spring(t, 'WARN', name, thread, 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'SQL Error: 0, SQLState: 42501'));
      out.push(spring(t - 0.0001, 'ERROR', name, thread, 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'ERROR: permission denied for table order_refunds'));
      out.push(spring(t - 0.0002, 'ERROR', name, thread, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', `Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.dao.InvalidDataAccessResourceUsageException: could not execute statement [ERROR: permission denied for table order_refunds] [insert into order_refunds (amount_cents,currency,order_id,reason,requested_at,status,id) values (?,?,?,?,?,?,?)]; SQL [insert into order_refunds (amount_cents,currency,order_id,reason,requested_at,status,id) values (?,?,?,?,?,?,?)]] with root cause`));
      out.push('');
      out.push('org.postgresql.util.PSQLException: ERROR: permission denied for table order_refunds');
      out.push('\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)');
      out.push('\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2420)');
      out.push('\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeUpdate(HikariProxyPreparedStatement.java)');
      out.push('\tat com.acme.orders.refunds.RefundService.requestRefund(RefundService.java:58)');
    }
    return lines(...out);
  };
  return {
    id: 'heldout101-postgres-permission-denied-table-owned-by-migrator',
    class: 'config',
    truth: 'The 5.3.0 release added migration V212 (create table order_refunds). Its Job order-db-migrate-v212 ran 31 minutes ago as FLYWAY_USER=orders_migrator instead of orders_owner as every earlier migration did (v211); the schema\'s ALTER DEFAULT PRIVILEGES grants only cover tables created by orders_owner, so order_refunds is owned by orders_migrator and the application role orders_app has no privileges on it. Since order-service revision 34 (5.3.0) went live 27 minutes ago every refund request fails with "ERROR: permission denied for table order_refunds" (SQLState 42501); orders themselves still work and the pods are healthy. Fix: GRANT SELECT, INSERT, UPDATE ON order_refunds TO orders_app (or reassign ownership to orders_owner) and run future migrations as orders_owner.',
    ask: { service: 'order-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...old.objects, ...mig.objects,
      ...exposed({ namespace: ns, name: 'order-service', selector: { app: 'order-service' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 1, 0, 27),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 3, 1, 24.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 33), 0, 3, 24),
      jobEvent(mig.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(migPod)}`, 31),
      ...startedNormally(migPod, 'flyway', migImage('212'), 30.9),
      jobEvent(mig.objects[0], 'Completed', 'Job completed', 30.5),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', appImage('5.3.0'), 26.5 - k * 1.1)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      logsFor(migPod, 'flyway', { current: migLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/permission denied|privilege|grant|owner/i, /order_refunds|migrat|orders_migrator|v212/i],
      facts: [/orders_migrator/, /orders_app/, /GRANT|privilege|owner/i],
      never: [/\bOOM/, /password authentication failed|pg_hba/i, /too many (clients|connections)/i, /connection (refused|timed? ?out)/i],
    },
  };
}

// ---- 6. SQS consumer pointed by a ConfigMap edit at a queue that does not exist -----------------------

function sqsNonExistentQueueAfterConfigEdit(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.201', ['17', '84', '150']);
  const image = `${ECR}/notifications/email-dispatcher:3.1.2`;
  const tpl = (checksum: string) => ({
    containers: [batchContainer({
      image, cpu: '150m', memory: '256Mi', command: ['python', '-m', 'dispatcher'],
      envFrom: [{ configMapRef: { name: 'email-dispatcher-config' } }],
      env: [{ name: 'AWS_REGION', value: 'eu-west-1' }],
    })],
    serviceAccountName: 'email-dispatcher',
    annotations: { 'checksum/config': checksum },
  });
  const app = deploymentApp({
    namespace: ns, name: 'email-dispatcher', replicas: 2,
    revisions: [
      { revision: 15, createdAgo: 17 * DAYS, changeCause: 'helm upgrade notifications 0.41.0', template: tpl('5b1e0c93a7d2f4e86c1b9a0d3e7f2c45a8b6d1e09f3c7a2b4d6e8f0a1c3b5d7e') },
      { revision: 16, createdAgo: 21, changeCause: 'helm upgrade notifications 0.41.1', template: tpl('c94a2e7f1b3d5a8c0e6f2b4d7a9c1e3f5b8d0a2c4e6f8a1b3d5c7e9f0a2b4c6d') },
    ],
    pods: [0, 1].map((k) => ({ revision: 16, node: names[k + 1] ?? '', createdAgo: 20.8 - k * 0.4 })),
  });
  const cm = configMap({
    namespace: ns, name: 'email-dispatcher-config', createdAgo: 300 * DAYS, updatedAgo: 21.5,
    data: {
      SQS_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/email-outbound-prod',
      SQS_WAIT_TIME_SECONDS: '20',
      SQS_MAX_MESSAGES: '10',
      SES_CONFIGURATION_SET: 'transactional',
      SES_FROM: 'no-reply@mail.acme.io',
      LOG_LEVEL: 'INFO',
    },
  });
  const apiImage = `${ECR}/notifications/notification-api:2.8.0`;
  const api = deploymentApp({
    namespace: ns, name: 'notification-api', replicas: 2,
    revisions: [{ revision: 31, createdAgo: 17 * DAYS, changeCause: 'helm upgrade notifications 0.41.0', template: { containers: [container({ image: apiImage, ports: [8080], env: [{ name: 'EMAIL_QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/prod-email-outbound' }] })] } }],
    pods: [0, 1].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 17 * DAYS - k })),
  });
  const url = 'https://sqs.eu-west-1.amazonaws.com/123456789012/email-outbound-prod';
  const podLog = (p: k8s.V1Pod, k: number): string => {
    const s = 20.7 - k * 0.4;
    const out = [
      `${pyTime(s)} INFO dispatcher.main: email-dispatcher 3.1.2 starting (pid 1, concurrency 8)`,
      `${pyTime(s - 0.01)} INFO dispatcher.consumer: polling ${url} (wait=20s, max=10)`,
    ];
    out.push(every(s - 0.02, 0.2, 30, (t) => [
      `${pyTime(t)} ERROR dispatcher.consumer: receive_message failed; backing off 30s`,
      'Traceback (most recent call last):',
      '  File "/app/dispatcher/consumer.py", line 74, in poll',
      '    resp = self.sqs.receive_message(QueueUrl=self.queue_url, WaitTimeSeconds=self.wait, MaxNumberOfMessages=self.max, MessageAttributeNames=["All"])',
      '  File "/usr/local/lib/python3.11/site-packages/botocore/client.py", line 565, in _api_call',
      '    return self._make_api_call(operation_name, kwargs)',
      '  File "/usr/local/lib/python3.11/site-packages/botocore/client.py", line 1021, in _make_api_call',
      '    raise error_class(parsed_response, operation_name)',
      'botocore.errorfactory.QueueDoesNotExist: An error occurred (AWS.SimpleQueueService.NonExistentQueue) when calling the ReceiveMessage operation: The specified queue does not exist.',
      '',
    ].join('\n')).trimEnd());
    return lines(...out);
  };
  const apiLog = (k: number): string => lines(
    `${at(2.4 - k * 0.3)} INFO  POST /v1/emails 202 accepted template=order-confirmation queue=prod-email-outbound (14ms)`,
    `${at(0.9 - k * 0.3)} INFO  POST /v1/emails 202 accepted template=password-reset queue=prod-email-outbound (11ms)`,
  );
  return {
    id: 'heldout101-sqs-consumer-nonexistent-queue-config-edit',
    class: 'config',
    truth: 'The notifications chart 0.41.1 (helm upgrade 21 minutes ago, email-dispatcher revision 16, a config-only change: checksum/config) rewrote SQS_QUEUE_URL in the ConfigMap email-dispatcher-config to .../email-outbound-prod; the real queue is prod-email-outbound, as notification-api, which keeps enqueueing successfully, still uses. Both new email-dispatcher pods poll the wrong URL and every ReceiveMessage fails with AWS.SimpleQueueService.NonExistentQueue ("The specified queue does not exist"); the worker catches it and backs off, so the pods run without restarts while no email has been sent for 21 minutes and the real queue backs up. Fix: set SQS_QUEUE_URL back to .../prod-email-outbound and restart the dispatcher.',
    ask: { service: 'email-dispatcher', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...api.objects, cm,
      ...exposed({ namespace: ns, name: 'notification-api', selector: { app: 'notification-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 16), 1, 0, 21),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 1, 2, 20.7),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 16), 2, 1, 20.7),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 0, 1, 20.3),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image, 20.8 - k * 0.4)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(p, k) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NonExistentQueue|QueueDoesNotExist|queue does not exist|(queue|SQS)[^\n]*(missing|not exist|wrong|nonexistent)|SQS_QUEUE_URL/i],
      facts: [/email-outbound-prod/, /email-dispatcher-config|SQS_QUEUE_URL/, /prod-email-outbound/],
      never: [/\bOOM/, /AccessDenied|not authori[sz]ed/i, /throttl/i, /crash ?loop/i],
    },
  };
}

// ---- control: a Spring Boot service with its usual benign WARNs -----------------------------------------

function healthySpringBootBenignWarnings(): CorpusScenario {
  const ns = 'warehouse';
  const { nodes, names } = threeEksNodes('10.0.77', ['12', '131', '204']);
  const image = (v: string) => `${ECR}/warehouse/inventory-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'inventory-service', replicas: 3,
    revisions: [
      { revision: 70, createdAgo: 11 * DAYS, changeCause: 'argocd: inventory-service 8.4.1', template: tpl('8.4.1') },
      { revision: 71, createdAgo: 2 * DAYS + 140, changeCause: 'argocd: inventory-service 8.4.2', template: tpl('8.4.2') },
    ],
    pods: [
      { revision: 71, node: names[0] ?? '', createdAgo: 2 * DAYS + 139 },
      { revision: 71, node: names[1] ?? '', createdAgo: 2 * DAYS + 137, containers: { app: running({ sinceAgo: 19 * HOURS, restarts: 1, last: { exitCode: 143, finishedAgo: 19 * HOURS + 0.1, ranSeconds: Math.round((2 * DAYS + 136.5 - 19 * HOURS) * 60) } }) } },
      { revision: 71, node: names[2] ?? '', createdAgo: 2 * DAYS + 135 },
    ],
  });
  const other = bystander(ns, 'pick-planner', names, 26, { revisions: [12, 13], versions: ['2.0.4', '2.0.5'], olderAgo: 8 * DAYS });
  const name = 'inventory-service';
  const log = (k: number, startAgo: number): string => lines(
    ...springBanner(startAgo, name, 'com.acme.inventory.InventoryServiceApplication', '8.4.2'),
    spring(startAgo - 0.02, 'INFO', name, 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
    spring(startAgo - 0.04, 'INFO', name, 'main', 'o.hibernate.jpa.internal.util.LogHelper', 'HHH000204: Processing PersistenceUnitInfo [name: default]'),
    spring(startAgo - 0.041, 'INFO', name, 'main', 'org.hibernate.Version', 'HHH000412: Hibernate ORM core version 6.5.3.Final'),
    spring(startAgo - 0.05, 'WARN', name, 'main', 'org.hibernate.orm.deprecation', 'HHH90000025: PostgreSQLDialect does not need to be specified explicitly using \'hibernate.dialect\' (remove the property setting and it will be selected by default)'),
    spring(startAgo - 0.06, 'INFO', name, 'main', 'j.LocalContainerEntityManagerFactoryBean', 'Initialized JPA EntityManagerFactory for persistence unit \'default\''),
    spring(startAgo - 0.07, 'WARN', name, 'main', 'JpaBaseConfiguration$JpaWebConfiguration', 'spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view rendering. Explicitly configure spring.jpa.open-in-view to disable this warning'),
    spring(startAgo - 0.08, 'WARN', name, 'main', 'o.s.c.s.PostProcessorRegistrationDelegate', 'Bean \'org.springframework.retry.annotation.RetryConfiguration\' of type [org.springframework.retry.annotation.RetryConfiguration] is not eligible for getting processed by all BeanPostProcessors (for example: not eligible for auto-proxying). Is this bean getting eagerly injected/applied to a currently created BeanPostProcessor [meterRegistryPostProcessor]?'),
    spring(startAgo - 0.09, 'INFO', name, 'main', 'o.s.b.a.e.web.EndpointLinksResolver', 'Exposing 3 endpoints beneath base path \'/actuator\''),
    spring(startAgo - 0.1, 'INFO', name, 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
    spring(startAgo - 0.101, 'INFO', name, 'main', 'c.a.i.InventoryServiceApplication', 'Started InventoryServiceApplication in 19.204 seconds (process running for 20.6)'),
    spring(7.5 - k * 0.3, 'WARN', name, 'HikariPool-1 housekeeper', 'com.zaxxer.hikari.pool.PoolBase', 'HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@3e1f7a92 (This connection has been closed.). Possibly consider using a shorter maxLifetime value.'),
    spring(4.2 - k * 0.3, 'INFO', name, 'nio-8080-exec-3', 'c.a.inventory.web.StockController', `GET /v1/stock/SKU-${40210 + k} -> 200 (9 ms)`),
    spring(1.1 - k * 0.3, 'INFO', name, 'nio-8080-exec-8', 'c.a.inventory.web.StockController', `POST /v1/reservations -> 201 (31 ms)`),
  );
  return {
    id: 'heldout101-healthy-spring-boot-benign-warnings',
    class: 'healthy',
    truth: 'inventory-service is healthy: three revision-71 pods (8.4.2, rolled out two days ago) are running and ready and serving 200s. Its logs carry the usual benign Spring Boot/Hibernate WARNs (spring.jpa.open-in-view enabled by default, HHH90000025 dialect deprecation, a BeanPostProcessor eligibility notice, a Hikari "Failed to validate connection … consider a shorter maxLifetime" after the database closed an idle connection). One pod restarted once 19 hours ago with exit 143 (a graceful SIGTERM during a node-group update) and has been fine since; pick-planner rolled out 26 minutes ago, unrelated. Nothing to do.',
    ask: { service: 'inventory-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'inventory-service', selector: { app: 'inventory-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pick-planner', selector: { app: 'pick-planner' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 26),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 0, 2, 25),
    ],
    logs: [
      logsFor(podOf(app, 0), 'app', { current: log(0, 2 * DAYS + 138.5) }),
      logsFor(podOf(app, 1), 'app', { current: log(1, 19 * HOURS - 0.1), previous: lines(spring(19 * HOURS + 0.2, 'INFO', name, 'SpringApplicationShutdownHook', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Commencing graceful shutdown. Waiting for active requests to complete'), spring(19 * HOURS + 0.15, 'INFO', name, 'tomcat-shutdown', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Graceful shutdown complete'), spring(19 * HOURS + 0.12, 'INFO', name, 'SpringApplicationShutdownHook', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Shutdown completed.')) }),
      logsFor(podOf(app, 2), 'app', { current: log(2, 2 * DAYS + 134.5) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problems?|issues?|failures?)|running|ready|fine|ok\b/i],
      facts: [/inventory-service/],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  springPlaceholderAfterKeyRename(),
  dynamoKeySchemaMismatch(),
  assumedRoleNeverRefreshed(),
  elasticsearchIndexGoneAfterIndexerRelease(),
  postgresPermissionDeniedNewTable(),
  sqsNonExistentQueueAfterConfigEdit(),
  healthySpringBootBenignWarnings(),
];
