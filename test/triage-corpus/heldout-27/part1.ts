// Held-out stories, twenty-seventh round, part 1: written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against.
//
// 1. A Kyverno mutate policy adds a 256Mi memory limit the Deployment template never set; pods
//    re-admitted after a node-group rotation are OOMKilled under normal load (no revision change).
// 2. A legacy readiness gate (target-health.alb.ingress.kubernetes.io/…) declared in the template
//    whose controller (the v1 ALB ingress controller) was removed: containers ready, pod never
//    Ready, rollout stuck.
// 3. A Flyway checksum mismatch: the new image edited the already-applied migration V42; the new
//    pod crash-loops at start while the old revision serves.
// 4. A base-image upgrade from Node.js 14 to 18 makes an unhandled promise rejection fatal
//    (ERR_UNHANDLED_REJECTION, exit 1) whenever /v1/preferences/export hits a missing template.
// 5. A new GPU node pool built from an old AMI with NVIDIA driver 470: pods landing there fail with
//    "CUDA driver version is insufficient for CUDA runtime version"; the old pool's pods are fine.
// 6. Topology-aware routing (topology-mode: Auto) sends eu-west-1c's traffic, two thirds of the
//    gateway's, to the single query-api pod in that zone: slow, readiness flapping; others idle.
// 7. Healthy control: a fluent-bit DaemonSet whose pod on a node the cluster autoscaler is
//    scaling down is terminating; every other pod is Ready.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, ago, at, backOff, container, crashLoop, daemonSetApp, deploymentApp, epochMs, event, exposed, hpa, httpProbe,
  nameOf, node, nodeEvent, probeFailed, pulledFresh, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  namespace as namespaceObject, failedScheduling,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...xs: string[]): string => xs.join('\n') + '\n';

const deploymentOf = (app: Built): KubeJson => {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment');
  return d;
};

/** Adds spec.readinessGates to the Deployment's, its ReplicaSets' templates and its pods (the kit has no option for them). */
function withReadinessGates(app: Built, gates: k8s.V1PodReadinessGate[]): void {
  for (const o of app.objects) {
    if (o.kind === 'Deployment' || o.kind === 'ReplicaSet') {
      const spec = (o as k8s.V1Deployment).spec?.template.spec;
      if (spec) spec.readinessGates = gates;
    }
  }
  for (const p of app.pods) if (p.spec) p.spec = { ...p.spec, readinessGates: gates };
}

// ---- 1. a Kyverno mutate policy injects a 256Mi memory limit the template never set ----------------

function kyvernoInjectedMemoryLimit(): CorpusScenario {
  const ns = 'storefront';
  // The general node group was rotated to a new AMI 3h20 ago: every node (and every pod) is fresh.
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodes = ['10.0.72.19', '10.0.88.140', '10.0.95.7'].map((ip, i) => node({ name: eksNodeName(ip), zone: zones[i] ?? 'eu-west-1a', createdAgo: 200 - i * 3 }));
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/storefront/recommendations:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [8000],
      cpu: '500m',
      memory: '256Mi',
      memoryLimit: null,
      env: [{ name: 'WEB_CONCURRENCY', value: '4' }, { name: 'MODEL_BUCKET', value: 's3://acme-ml-artifacts/recommendations/item-embeddings' }],
      readiness: httpProbe('/health/ready', 8000),
      liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 20 }),
    })],
  });
  const oom = (finishedAgo: number, ranSeconds: number) => ({ exitCode: 137, reason: 'OOMKilled', finishedAgo, ranSeconds });
  const app = deploymentApp({
    namespace: ns,
    name: 'recommendations',
    replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 20 * DAYS, changeCause: 'argocd: recommendations 3.8.1', template: tpl('3.8.1') },
      { revision: 14, createdAgo: 6 * DAYS, changeCause: 'argocd: recommendations 3.8.2', template: tpl('3.8.2') },
    ],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: 188, containers: { app: crashLoop(oom(0.8, 540), 14) } },
      { revision: 14, node: names[1] ?? '', createdAgo: 184, containers: { app: running({ sinceAgo: 4, restarts: 11, last: oom(4.1, 780) }) } },
      { revision: 14, node: names[2] ?? '', createdAgo: 181, containers: { app: running({ sinceAgo: 9, restarts: 16, last: oom(9.1, 420) }) } },
    ],
  });
  // What the policy's mutating webhook did at admission: a limit on the pod that the template lacks.
  for (const p of app.pods) {
    p.metadata = { ...p.metadata, annotations: { ...p.metadata?.annotations, 'policies.kyverno.io/last-applied-patches': 'add-default-limits.default-memory-limit.kyverno.io: added /spec/containers/0/resources/limits\n' } };
    if (p.spec) p.spec = { ...p.spec, containers: p.spec.containers.map((c) => ({ ...c, resources: { ...c.resources, limits: { memory: '256Mi' } } })) };
  }
  const [p0, p1, p2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const other = bystander(ns, 'storefront-web', names, 52, { revisions: [40, 41], versions: ['2025.11.3', '2025.11.4'], olderAgo: 8 * DAYS });
  const gTime = (m: number) => `[${at(m).slice(0, 19).replace('T', ' ')} +0000]`;
  const run = (startAgo: number, stopAgo: number, pid: number) => lines(
    `${gTime(startAgo)} [1] [INFO] Starting gunicorn 22.0.0`,
    `${gTime(startAgo)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `${gTime(startAgo)} [1] [INFO] Using worker: uvicorn.workers.UvicornWorker`,
    ...[0, 1, 2, 3].map((k) => `${gTime(startAgo - 0.01)} [${pid + k}] [INFO] Booting worker with pid: ${pid + k}`),
    ...[0, 1, 2, 3].map((k) => `${pyTime(startAgo - 0.2)} INFO recommendations.model [${pid + k}] loaded item-embeddings v2025-11-14 (412,806 items, 64-dim float32) in 6.1s`),
    `${gTime(startAgo - 0.21)} [${pid}] [INFO] Application startup complete.`,
    ...[0.3, 0.2, 0.1, 0.05].map((d, k) => `${pyTime(stopAgo + d)} INFO uvicorn.access [${pid + k}] 10.0.${40 + k}.${17 + k}:0 - "POST /v1/recommendations/home HTTP/1.1" 200`),
    `${pyTime(stopAgo + 0.02)} INFO recommendations.cache [${pid + 2}] candidate cache size=38112 hit_ratio=0.71`,
    `${pyTime(stopAgo + 0.01)} INFO uvicorn.access [${pid + 1}] 10.0.41.18:0 - "POST /v1/recommendations/similar HTTP/1.1" 200`,
  );
  return {
    id: 'heldout27-kyverno-injected-memory-limit-oomkilled',
    class: 'containers',
    truth: 'Yesterday evening the platform team applied the Kyverno ClusterPolicy add-default-limits, whose rule default-memory-limit mutates every pod at admission to add resources.limits.memory: 256Mi to containers that set none. The recommendations Deployment (revision 14, unchanged for 6 days) requests 256Mi and deliberately sets no memory limit; its four gunicorn workers use about 400Mi under normal load. When the general node group was rotated 3h20 ago, the three pods were re-created, admitted through the policy and given the 256Mi limit (the pods\' spec and the policies.kyverno.io/last-applied-patches annotation show it; the template does not). Since then all three pods are OOMKilled (exit 137) every few minutes. Not the rollout, not a leak, not the node rotation itself. Fix: set an explicit memory limit (e.g. 768Mi) in the Deployment template, which the policy\'s add-if-absent rule leaves alone, or exclude the namespace from / raise the default of add-default-limits.',
    ask: { service: 'recommendations', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'recommendations', selector: { app: 'recommendations' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 52),
      ...[p0, p1, p2].map((p, i) => scheduled(p, [188, 184, 181][i] ?? 180)),
      ...restartedAgain(p0, 'app', image('3.8.2'), { count: 15, firstAgo: 187.9, lastAgo: 9.8 }),
      ...restartedAgain(p1, 'app', image('3.8.2'), { count: 12, firstAgo: 183.9, lastAgo: 4 }),
      ...restartedAgain(p2, 'app', image('3.8.2'), { count: 17, firstAgo: 180.9, lastAgo: 9 }),
      backOff(p0, 'app', { count: 31, firstAgo: 150, lastAgo: 0.3 }),
      backOff(p1, 'app', { count: 19, firstAgo: 160, lastAgo: 4.2 }),
      backOff(p2, 'app', { count: 26, firstAgo: 155, lastAgo: 9.2 }),
      probeFailed(p1, 'app', 'Readiness', `Get "http://${ipOfPod(p1)}:8000/health/ready": dial tcp ${ipOfPod(p1)}:8000: connect: connection refused`, { count: 22, firstAgo: 170, lastAgo: 3.9 }),
      ...names.map((n, i) => nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 199 - i * 3 })),
    ],
    logs: [
      logsFor(p0, 'app', { previous: run(9.8, 0.8, 7) }),
      logsFor(p1, 'app', { current: run(4, 0, 8), previous: run(17.1, 4.1, 7) }),
      logsFor(p2, 'app', { current: run(9, 0, 7), previous: run(16.1, 9.1, 9) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/OOM|out of memory|\b137\b/i, /256 ?Mi/],
      facts: [
        /kyverno|admission|mutat|polic(y|ies)|webhook/i,
        lit('add-default-limits'),
        /inject|added by|mutat|not (in|from|set in|declared in) the (deployment'?s? |pod )?template|template (sets|has|declares) no/i,
      ],
      never: [ADVISES_ROLLBACK, /memory leak|leaking/i, /storefront-web/, /node[^\n]{0,40}(memory pressure|evict)/i],
    },
  };
}

// ---- 2. a legacy readiness gate nobody sets any more: containers ready, pods never Ready -----------

function legacyReadinessGateNeverSet(): CorpusScenario {
  const ns = 'checkout';
  const { nodes, names } = threeEksNodes('10.0.120');
  const image = (v: string) => `${ECR}/checkout/cart-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '256Mi', cpu: '200m', env: [{ name: 'GOMAXPROCS', value: '2' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] });
  const gate = 'target-health.alb.ingress.kubernetes.io/cart-ingress_cart-api_80';
  const app = deploymentApp({
    namespace: ns,
    name: 'cart-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 18, createdAgo: 8 * DAYS, changeCause: 'argocd: cart-api v2.41.0', template: tpl('v2.41.0') },
      { revision: 19, createdAgo: 31, changeCause: 'argocd: cart-api v2.42.0', template: tpl('v2.42.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 8 * DAYS - 2 - k })),
      { revision: 19, node: names[2] ?? '', createdAgo: 30.8, ready: false, containers: { app: running({ sinceAgo: 30.2 }) } },
    ],
  });
  withReadinessGates(app, [{ conditionType: gate }]);
  // The old pods' gate was set True by the v1 ALB ingress controller when they were created (it kept it since).
  app.pods.slice(0, 3).forEach((p, k) => p.status?.conditions?.push({ type: gate, status: 'True', lastTransitionTime: ago(8 * DAYS - 3 - k) }));
  const fresh = podOf(app, 3);
  for (const c of fresh.status?.conditions ?? []) {
    if (c.type === 'Ready') Object.assign(c, { reason: 'ReadinessGatesNotReady', message: `corresponding condition of pod readiness gate "${gate}" does not exist.`, lastTransitionTime: ago(30.7) });
    if (c.type === 'ContainersReady') { c.status = 'True'; delete c.reason; delete c.message; c.lastTransitionTime = ago(29.9); }
  }
  // The AWS Load Balancer Controller (v2) that took the Ingress over yesterday; the v1 controller is gone.
  const lbc = deploymentApp({
    namespace: 'kube-system',
    name: 'aws-load-balancer-controller',
    selector: { 'app.kubernetes.io/name': 'aws-load-balancer-controller' },
    replicas: 2,
    revisions: [{ revision: 1, createdAgo: 22 * 60, template: { serviceAccountName: 'aws-load-balancer-controller', priorityClassName: 'system-cluster-critical', containers: [container({ name: 'aws-load-balancer-controller', image: 'public.ecr.aws/eks/aws-load-balancer-controller:v2.9.2', args: ['--cluster-name=prod-eu-west-1', '--ingress-class=alb', '--aws-region=eu-west-1'], ports: [{ name: 'webhook-server', containerPort: 9443 }, { name: 'metrics-server', containerPort: 8080 }], cpu: '100m', memory: '128Mi', readiness: httpProbe('/readyz', 61779), liveness: httpProbe('/healthz', 61779, { initialDelaySeconds: 30 }) })] } }],
    pods: [{ revision: 1, node: names[0] ?? '', createdAgo: 22 * 60 - 1 }, { revision: 1, node: names[1] ?? '', createdAgo: 22 * 60 - 1 }],
  });
  const other = bystander(ns, 'cart-events-consumer', names, 55, { revisions: [11, 12], versions: ['v0.19.3', 'v0.20.0'], olderAgo: 15 * DAYS });
  const fp = 'spec.containers{app}';
  const goLog = (m: number, msg: string, extra = '') => `{"time":"${at(m)}","level":"INFO","msg":"${msg}"${extra}}`;
  return {
    id: 'heldout27-legacy-readiness-gate-never-set',
    class: 'rollout',
    truth: 'cart-api\'s pod template declares a readiness gate, target-health.alb.ingress.kubernetes.io/cart-ingress_cart-api_80, a legacy of the v1 ALB ingress controller, which set that condition on each pod once its ALB target was healthy. Yesterday the platform team replaced the v1 controller with the AWS Load Balancer Controller v2, which only sets target-health.elbv2.k8s.aws/… conditions it injects itself and never this one. The three revision-18 pods keep their old True condition; the revision-19 pod created 31 minutes ago runs and its container is ready (probes pass), but its Ready condition stays False (ReadinessGatesNotReady: the gate\'s condition does not exist), so with maxUnavailable 0 the rollout is stuck and has exceeded its progress deadline. v2.42.0 is not at fault; a rollback would stall the same way. Fix: remove the legacy readinessGates from the template (and label the namespace elbv2.k8s.aws/pod-readiness-gate-inject=enabled to get the v2 gate).',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...lbc.objects, ...other.objects,
      namespaceObject({ name: ns, createdAgo: 400 * DAYS }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart-events-consumer', selector: { app: 'cart-events-consumer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 31),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 55),
      ...pulledFresh(fresh, 'app', image('v2.42.0'), { atAgo: 30.8, bytes: 19817734, seconds: 1.874 }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 30.3, lastAgo: 30.3, fieldPath: fp }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 30.3, lastAgo: 30.3, fieldPath: fp }),
      probeFailed(fresh, 'app', 'Readiness', `Get "http://${ipOfPod(fresh)}:8080/readyz": dial tcp ${ipOfPod(fresh)}:8080: connect: connection refused`, { count: 1, firstAgo: 30.2, lastAgo: 30.2 }),
      event({ on: { kind: 'Ingress', name: 'cart-ingress', namespace: ns }, type: 'Normal', reason: 'SuccessfullyReconciled', message: 'Successfully reconciled', count: 4, firstAgo: 21 * 60, lastAgo: 29, component: 'ingress' }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: lines(goLog(30.25, 'cart-api starting', ',"version":"v2.42.0","addr":":8080"'), goLog(30.2, 'redis connected', ',"addr":"cart-redis.checkout.svc:6379"'), goLog(30.15, 'ready')) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(goLog(1.4, 'request', ',"method":"POST","path":"/v1/carts/items","status":200,"dur_ms":9'), goLog(0.6, 'request', ',"method":"GET","path":"/v1/carts","status":200,"dur_ms":4')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/readiness ?gate|target-health/i],
      facts: [
        /target-health\.alb\.ingress\.kubernetes\.io/,
        /alb-ingress-controller|ALB ingress controller|load ?balancer controller|(no|nothing|no one|nobody)[^\n]{0,40}(sets?|writes?)|never (set|written)|does not exist/i,
        /stuck|stalled|ProgressDeadlineExceeded|timed out progressing|not progress|deadline/i,
        /remov[^\n]{0,60}(readiness ?gate|readinessGates)|(readiness ?gates?|readinessGates)[^\n]{0,60}(remov|delet|drop)/i,
      ],
      never: [ADVISES_ROLLBACK, /readiness probe[^\n]{0,40}(fail|timing out)/i, /crash ?loop/i, /\bOOM/, /cart-events-consumer/],
    },
  };
}

// ---- 3. Flyway: the new image edited an already-applied migration (checksum mismatch, V42) ---------

function flywayChecksumMismatch(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.60', ['14', '133', '209']);
  const image = (v: string) => `${ECR}/billing/invoice-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [8080],
      cpu: '500m',
      memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' },
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://billing-db.cluster-c8xk2m1q3z.eu-west-1.rds.amazonaws.com:5432/billing' },
        { name: 'SPRING_DATASOURCE_PASSWORD', valueFrom: { secretKeyRef: { name: 'invoice-service-db', key: 'password' } } },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-service',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 25, createdAgo: 30 * DAYS, changeCause: 'argocd: invoice-service 4.11.2', template: tpl('4.11.2') },
      { revision: 26, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-service 4.11.3', template: tpl('4.11.3') },
      { revision: 27, createdAgo: 24, changeCause: 'argocd: invoice-service 4.12.0', template: tpl('4.12.0') },
    ],
    pods: [
      { revision: 26, node: names[0] ?? '', createdAgo: 12 * DAYS - 1 },
      // Old noise: restarted once four days ago when its node was drained for patching.
      { revision: 26, node: names[1] ?? '', createdAgo: 12 * DAYS - 2, containers: { app: running({ sinceAgo: 4 * DAYS, restarts: 1, last: { exitCode: 143, finishedAgo: 4 * DAYS + 0.2, ranSeconds: 8 * 24 * 3600 } }) } },
      { revision: 26, node: names[2] ?? '', createdAgo: 12 * DAYS - 3 },
      { revision: 27, node: names[1] ?? '', createdAgo: 23.8, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.7, ranSeconds: 14 }, 8) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'payment-reminders', names, 70, { revisions: [8, 9], versions: ['1.6.0', '1.6.1'], olderAgo: 21 * DAYS });
  const sb = (m: number, level: string, logger: string, msg: string) => `${at(m).replace('Z', '+00:00')} ${level.padStart(5)} 1 --- [invoice-service] [           main] ${logger.padEnd(40)} : ${msg}`;
  const failure = [
    'Validate failed: Migrations have failed validation',
    'Migration checksum mismatch for migration version 42',
    '-> Applied to database : 1484021397',
    '-> Resolved locally    : -902177349',
    'Either revert the changes to the migration, or run repair to update the schema history.',
    'Need more flexibility with validation rules? Learn more: https://rd.gt/3AbJUZE',
  ];
  const crashed = (s: number) => lines(
    sb(s, 'INFO', 'c.a.billing.InvoiceServiceApplication', 'Starting InvoiceServiceApplication v4.12.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
    sb(s, 'INFO', 'c.a.billing.InvoiceServiceApplication', 'The following 1 profile is active: "prod"'),
    sb(s - 0.05, 'INFO', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
    sb(s - 0.07, 'INFO', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
    sb(s - 0.08, 'INFO', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@5b2a8f2c'),
    sb(s - 0.08, 'INFO', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
    sb(s - 0.09, 'INFO', 'org.flywaydb.core.FlywayExecutor', 'Database: jdbc:postgresql://billing-db.cluster-c8xk2m1q3z.eu-west-1.rds.amazonaws.com:5432/billing (PostgreSQL 15.8)'),
    sb(s - 0.1, 'WARN', 'ConfigServletWebServerApplicationContext', `Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'flywayInitializer' defined in class path resource [org/springframework/boot/autoconfigure/flyway/FlywayAutoConfiguration$FlywayConfiguration.class]: ${failure.join('\n')}`),
    sb(s - 0.1, 'INFO', 'o.apache.catalina.core.StandardService', 'Stopping service [Tomcat]'),
    sb(s - 0.1, 'INFO', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Shutdown initiated...'),
    sb(s - 0.1, 'INFO', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Shutdown completed.'),
    sb(s - 0.11, 'INFO', '.s.b.a.l.ConditionEvaluationReportLogger', ''),
    '',
    "Error starting ApplicationContext. To display the condition evaluation report re-run your application with 'debug' enabled.",
    sb(s - 0.11, 'ERROR', 'o.s.boot.SpringApplication', 'Application run failed'),
    '',
    `org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'flywayInitializer' defined in class path resource [org/springframework/boot/autoconfigure/flyway/FlywayAutoConfiguration$FlywayConfiguration.class]: ${failure.join('\n')}`,
    '\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean(AbstractAutowireCapableBeanFactory.java:1806)',
    '\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.doCreateBean(AbstractAutowireCapableBeanFactory.java:600)',
    '\tat org.springframework.beans.factory.support.AbstractBeanFactory.getBean(AbstractBeanFactory.java:199)',
    '\tat org.springframework.context.support.AbstractApplicationContext.refresh(AbstractApplicationContext.java:632)',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)',
    '\tat com.acme.billing.InvoiceServiceApplication.main(InvoiceServiceApplication.java:12)',
    `Caused by: org.flywaydb.core.api.exception.FlywayValidateException: ${failure.join('\n')}`,
    '\tat org.flywaydb.core.Flyway.lambda$migrate$0(Flyway.java:168)',
    '\tat org.flywaydb.core.FlywayExecutor.execute(FlywayExecutor.java:205)',
    '\tat org.flywaydb.core.Flyway.migrate(Flyway.java:147)',
    '\tat org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer.afterPropertiesSet(FlywayMigrationInitializer.java:66)',
    '\t... 18 common frames omitted',
  );
  return {
    id: 'heldout27-flyway-checksum-mismatch-v42',
    class: 'rollout',
    truth: 'invoice-service 4.12.0 (revision 27, rolled out 24 minutes ago) ships an edited copy of the migration V42__add_invoice_due_date_index.sql, which was applied to the billing database months ago. At startup Flyway validates the schema history and fails ("Migration checksum mismatch for migration version 42"), Spring Boot aborts and the container exits 1; the new pod crash-loops while the three revision-26 pods (4.11.3) keep serving, and the rollout is stuck. The database itself is fine (the pool connects). Fix: revert the edit to V42 and put the change in a new migration (V43), or, if the edit was cosmetic, run flyway repair; meanwhile pause or roll back the rollout.',
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'payment-reminders', selector: { app: 'payment-reminders' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 1, 0, 24),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 70),
      ...pulledFresh(fresh, 'app', image('4.12.0'), { atAgo: 23.8, bytes: 187411902, seconds: 6.214 }),
      ...restartedAgain(fresh, 'app', image('4.12.0'), { count: 9, firstAgo: 23.6, lastAgo: 2 }),
      backOff(fresh, 'app', { count: 97, firstAgo: 23, lastAgo: 0.4 }),
      probeFailed(fresh, 'app', 'Readiness', `Get "http://${ipOfPod(fresh)}:8080/actuator/health/readiness": dial tcp ${ipOfPod(fresh)}:8080: connect: connection refused`, { count: 7, firstAgo: 23.5, lastAgo: 2.1 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashed(1.95) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(
        sb(1.2, 'INFO', 'c.a.billing.web.InvoiceController', 'POST /v1/invoices 201 (38 ms)').replace('[           main]', '[nio-8080-exec-4]'),
        sb(0.5, 'INFO', 'c.a.billing.jobs.DunningScheduler', 'dunning run: 14 invoices past due, 14 reminders queued').replace('[           main]', '[   scheduling-1]'),
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/checksum/i, /\b(version |V)?42\b/],
      facts: [/flyway/i, /revision 27|4\.12\.0/, /revert|repair|new migration|V43|version 43/i],
      never: [/\bOOM/, /(database|postgres|db|RDS)[^\n]{0,40}(down|unreachable|refus|timed? ?out|unavailable)/i, /(secret|configmap)[^\n]{0,40}(missing|not found)/i, /payment-reminders/],
    },
  };
}

// ---- 4. Node.js 14 → 18: an unhandled promise rejection now kills the process -----------------------

function node18UnhandledRejection(): CorpusScenario {
  const ns = 'engage';
  const { nodes, names } = threeEksNodes('10.0.33', ['58', '121', '240']);
  const image = (v: string) => `${ECR}/engage/notifications-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [3000], memory: '384Mi', cpu: '250m', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'LOG_LEVEL', value: 'info' }], readiness: httpProbe('/healthz', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 15 }) })] });
  const exit1 = (finishedAgo: number, ranSeconds: number) => ({ exitCode: 1, finishedAgo, ranSeconds });
  const app = deploymentApp({
    namespace: ns,
    name: 'notifications-api',
    replicas: 3,
    revisions: [
      { revision: 7, createdAgo: 17 * DAYS, changeCause: 'argocd: notifications-api 1.31.0', template: tpl('1.31.0') },
      { revision: 8, createdAgo: 190, changeCause: 'argocd: notifications-api 1.31.1 (base image node:18.20.4-alpine3.20)', template: tpl('1.31.1') },
    ],
    pods: [
      { revision: 8, node: names[0] ?? '', createdAgo: 189, containers: { app: running({ sinceAgo: 6.5, restarts: 7, last: exit1(6.6, 1260) }) } },
      { revision: 8, node: names[1] ?? '', createdAgo: 187, containers: { app: running({ sinceAgo: 21, restarts: 5, last: exit1(21.1, 2040) }) } },
      { revision: 8, node: names[2] ?? '', createdAgo: 185, containers: { app: crashLoop(exit1(0.3, 760), 9) } },
    ],
  });
  const [p0, p1, p2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const other = bystander(ns, 'campaign-scheduler', names, 40, { revisions: [21, 22], versions: ['5.2.0', '5.2.1'], olderAgo: 9 * DAYS });
  const pino = (m: number, host: string, level: number, msg: string, extra = '') => `{"level":${level},"time":${epochMs(m)},"pid":1,"hostname":"${host}"${extra},"msg":"${msg}"}`;
  const req = (m: number, host: string, method: string, url: string, status: number, ms: number) => pino(m, host, 30, 'request completed', `,"req":{"method":"${method}","url":"${url}"},"res":{"statusCode":${status}},"responseTime":${ms}`);
  const crash = (reason: string) => [
    'node:internal/process/promises:288',
    '            triggerUncaughtException(err, true /* fromPromise */);',
    '            ^',
    '',
    `[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${reason}".] {`,
    "  code: 'ERR_UNHANDLED_REJECTION'",
    '}',
    '',
    'Node.js v18.20.4',
  ];
  const runLog = (p: k8s.V1Pod, startAgo: number, endAgo: number | undefined, user: string, locale: string) => {
    const host = nameOf(p);
    return lines(
      pino(startAgo, host, 30, 'notifications-api 1.31.1 listening', ',"port":3000,"node":"v18.20.4"'),
      pino(startAgo - 0.01, host, 30, 'redis connected', ',"url":"redis://notifications-redis.engage.svc:6379"'),
      req(startAgo - 1, host, 'GET', '/v1/preferences/u_11873', 200, 11),
      req(startAgo - 2, host, 'PUT', '/v1/preferences/u_20931/channels', 204, 19),
      ...(endAgo === undefined
        ? [req(0.6, host, 'GET', '/v1/preferences/u_33019', 200, 8), req(0.2, host, 'POST', '/v1/notifications/digest', 202, 27)]
        : [
          req(endAgo + 0.05, host, 'GET', '/v1/preferences/u_53102', 200, 9),
          pino(endAgo + 0.01, host, 30, 'export requested', `,"userId":"${user}","format":"csv","locale":"${locale}"`),
          ...crash(`locale template not found: ${locale}/preferences-export.csv.hbs`),
        ]),
    );
  };
  return {
    id: 'heldout27-node18-unhandled-rejection-exit-1',
    class: 'containers',
    truth: 'notifications-api 1.31.1 (revision 8, 3h10 ago) only changed the base image from node:14 to node:18.20.4-alpine. The GET /v1/preferences/export handler calls a template loader that rejects (with a string) when a locale has no CSV template, and nothing catches that promise. On Node 14 this was a warning (UnhandledPromiseRejectionWarning); since Node 15 the default --unhandled-rejections=throw makes it fatal: the process prints ERR_UNHANDLED_REJECTION and exits 1. So all three pods restart (21 restarts in 3 hours) whenever an export is requested for a locale without a template (pt-BR, tr-TR). Not memory, not probes. Fix: catch the rejection in the export route (return 404/422), or as a stopgap run with --unhandled-rejections=warn or roll back to revision 7.',
    ask: { service: 'notifications-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'notifications-api', selector: { app: 'notifications-api' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'campaign-scheduler', selector: { app: 'campaign-scheduler' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 3, 2, 185),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 22), 2, 0, 40),
      ...[p0, p1, p2].map((p, i) => scheduled(p, [189, 187, 185][i] ?? 185)),
      ...restartedAgain(p0, 'app', image('1.31.1'), { count: 8, firstAgo: 188.9, lastAgo: 6.5 }),
      ...restartedAgain(p1, 'app', image('1.31.1'), { count: 6, firstAgo: 186.9, lastAgo: 21 }),
      ...restartedAgain(p2, 'app', image('1.31.1'), { count: 10, firstAgo: 184.9, lastAgo: 13 }),
      backOff(p2, 'app', { count: 2, firstAgo: 14, lastAgo: 0.2 }),
      backOff(p0, 'app', { count: 1, firstAgo: 6.55, lastAgo: 6.55 }),
      probeFailed(p0, 'app', 'Readiness', `Get "http://${ipOfPod(p0)}:3000/healthz": dial tcp ${ipOfPod(p0)}:3000: connect: connection refused`, { count: 3, firstAgo: 96, lastAgo: 6.5 }),
    ],
    logs: [
      logsFor(p0, 'app', { current: runLog(p0, 6.5, undefined, '', ''), previous: runLog(p0, 27.6, 6.6, 'u_40317', 'pt-BR') }),
      logsFor(p1, 'app', { current: runLog(p1, 21, undefined, '', ''), previous: runLog(p1, 55.1, 21.1, 'u_77410', 'tr-TR') }),
      logsFor(p2, 'app', { previous: runLog(p2, 13, 0.3, 'u_40317', 'pt-BR') }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/unhandled|ERR_UNHANDLED_REJECTION/i],
      facts: [
        /node(\.js)?[ :]?v?18|18\.20/i,
        /revision 8|1\.31\.1/,
        // Corrected after grading: the evidence never shows the route's path; the rejection reason
        // names its template (pt-BR/preferences-export.csv.hbs), and saying that names the trigger.
        /preferences[/-]export/,
        /catch|handl(e|er|ing)[^\n]{0,40}rejection|unhandled-rejections/i,
      ],
      never: [/\bOOM/, /liveness[^\n]{0,40}(kill|restart|fail)/i, /(redis|database)[^\n]{0,40}(down|unreachable|refus)/i, /campaign-scheduler/],
    },
  };
}

// ---- 5. a new GPU node pool whose AMI ships NVIDIA driver 470: CUDA driver insufficient -------------

function cudaDriverTooOldNewPool(): CorpusScenario {
  const ns = 'ml-serving';
  const general = threeEksNodes('10.0.20', ['11', '45', '163']);
  const gpuLabels = (driver: [string, string, string], runtime: [string, string], ami: string) => ({
    workload: 'gpu-inference',
    'eks.amazonaws.com/nodegroup-image': ami,
    'eks.amazonaws.com/capacityType': 'ON_DEMAND',
    'nvidia.com/gpu.present': 'true',
    'nvidia.com/gpu.product': 'NVIDIA-A10G',
    'nvidia.com/gpu.count': '1',
    'nvidia.com/gpu.memory': '23028',
    'nvidia.com/cuda.driver.major': driver[0],
    'nvidia.com/cuda.driver.minor': driver[1],
    'nvidia.com/cuda.driver.rev': driver[2],
    'nvidia.com/cuda.runtime.major': runtime[0],
    'nvidia.com/cuda.runtime.minor': runtime[1],
  });
  const gpuAllocatable = { cpu: '7910m', 'ephemeral-storage': '95551679124', memory: '31482512Ki', 'nvidia.com/gpu': '1', pods: '58' };
  const gpuTaint = [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }];
  const oldPool = ['10.0.91.12', '10.0.92.87', '10.0.93.140'].map((ip, i) => node({ name: eksNodeName(ip), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', pool: 'gpu-a10g', instanceType: 'g5.2xlarge', labels: gpuLabels(['550', '127', '05'], ['12', '4'], 'ami-07d1c4e9a2b3f6810'), allocatable: gpuAllocatable, taints: gpuTaint, createdAgo: 34 * DAYS }));
  const newPool = ['10.0.97.14', '10.0.98.201'].map((ip, i) => node({ name: eksNodeName(ip), zone: ['eu-west-1a', 'eu-west-1b'][i] ?? 'eu-west-1a', pool: 'gpu-a10g-v2', instanceType: 'g5.2xlarge', labels: gpuLabels(['470', '256', '02'], ['11', '4'], 'ami-0c5e3f27b91d04a6e'), allocatable: gpuAllocatable, taints: gpuTaint, createdAgo: 49 }));
  const [o0, o1, o2] = oldPool.map(nameOf);
  const [n0, n1] = newPool.map(nameOf);
  const image = (v: string) => `${ECR}/ml-serving/embedder:${v}`;
  const mk = (v: string) => {
    const c = container({
      image: image(v),
      ports: [8000],
      cpu: '2',
      memory: '8Gi',
      env: [{ name: 'MODEL_PATH', value: '/models/e5-large-v2.onnx' }, { name: 'ORT_PROVIDERS', value: 'CUDAExecutionProvider' }],
      readiness: httpProbe('/ready', 8000, { periodSeconds: 5 }),
      liveness: httpProbe('/live', 8000, { initialDelaySeconds: 60 }),
    });
    c.resources = { requests: { ...c.resources?.requests, 'nvidia.com/gpu': '1' }, limits: { ...c.resources?.limits, 'nvidia.com/gpu': '1' } };
    return { containers: [c], nodeSelector: { workload: 'gpu-inference' }, tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] };
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'embedder',
    replicas: 5,
    revisions: [
      { revision: 11, createdAgo: 24 * DAYS, changeCause: 'argocd: embedder 2.3.0', template: mk('2.3.0') },
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: embedder 2.4.0 (onnxruntime-gpu 1.19.2, CUDA 12)', template: mk('2.4.0') },
    ],
    settled: { available: false, availableSince: 46, progressingSince: 9 * DAYS },
    pods: [
      { revision: 12, node: o0 ?? '', createdAgo: 9 * DAYS - 1 },
      { revision: 12, node: o1 ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 12, node: o2 ?? '', createdAgo: 9 * DAYS - 3 },
      { revision: 12, node: n0 ?? '', createdAgo: 52, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.2, ranSeconds: 9 }, 12) } },
      { revision: 12, node: n1 ?? '', createdAgo: 52, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 0.9, ranSeconds: 9 }, 12) } },
    ],
  });
  const [q0, q1] = [podOf(app, 3), podOf(app, 4)];
  const scaler = hpa({ namespace: ns, name: 'embedder', target: { kind: 'Deployment', name: 'embedder' }, min: 3, max: 8, current: 5, desired: 5, cpu: { current: 74, target: 60, averageValue: '1480m' }, lastScaleAgo: 52 });
  const other = bystander(ns, 'reranker', general.names, 75, { revisions: [5, 6], versions: ['0.9.1', '0.9.2'], olderAgo: 20 * DAYS });
  const unschedulable = '0/6 nodes are available: 3 Insufficient nvidia.com/gpu, 3 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/6 nodes are available: 3 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.';
  const py = (m: number, level: string, msg: string) => `${pyTime(m)} ${level} embedder.server: ${msg}`;
  const ortFail = (host: string) => `CUDA failure 35: CUDA driver version is insufficient for CUDA runtime version ; GPU=0 ; hostname=${host} ; file=/onnxruntime_src/onnxruntime/core/providers/cuda/cuda_execution_provider.cc ; line=282 ; expr=cudaSetDevice(info_.device_id); `;
  const crashed = (p: k8s.V1Pod, m: number) => lines(
    py(m + 0.15, 'INFO', 'embedder 2.4.0 starting (onnxruntime 1.19.2, providers available: [\'TensorrtExecutionProvider\', \'CUDAExecutionProvider\', \'CPUExecutionProvider\'])'),
    py(m + 0.14, 'INFO', 'loading model /models/e5-large-v2.onnx with providers=[\'CUDAExecutionProvider\']'),
    `${pyTime(m + 0.01).replace(',', '.')} [E:onnxruntime:Default, cuda_call.cc:118 CudaCall] ${ortFail(nameOf(p))}`,
    'Traceback (most recent call last):',
    '  File "/app/embedder/server.py", line 41, in <module>',
    '    SESSION = ort.InferenceSession(MODEL_PATH, providers=PROVIDERS)',
    '              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.11/site-packages/onnxruntime/capi/onnxruntime_inference_collection.py", line 419, in __init__',
    '    self._create_inference_session(providers, provider_options, disabled_optimizers)',
    '  File "/usr/local/lib/python3.11/site-packages/onnxruntime/capi/onnxruntime_inference_collection.py", line 483, in _create_inference_session',
    '    sess.initialize_session(providers, provider_options, disabled_optimizers)',
    `RuntimeError: /onnxruntime_src/onnxruntime/core/providers/cuda/cuda_call.cc:123 std::conditional_t<THRW, void, onnxruntime::common::Status> onnxruntime::CudaCall(ERRTYPE, const char*, const char*, ERRTYPE, const char*, const char*, int) [with ERRTYPE = cudaError; bool THRW = true; std::conditional_t<THRW, void, onnxruntime::common::Status> = void] ${ortFail(nameOf(p))}`,
  );
  const healthy = (p: k8s.V1Pod) => lines(
    py(1.3, 'INFO', 'POST /v1/embed batch=32 tokens=4711 gpu_ms=21.4 total_ms=27.9 status=200'),
    py(0.8, 'INFO', 'POST /v1/embed batch=32 tokens=5102 gpu_ms=22.9 total_ms=29.3 status=200'),
    py(0.3, 'INFO', `POST /v1/embed batch=17 tokens=2290 gpu_ms=11.0 total_ms=15.2 status=200 (${nameOf(p)})`),
  );
  return {
    id: 'heldout27-cuda-driver-too-old-new-gpu-pool',
    class: 'nodes',
    truth: 'The ML platform team added a second GPU node group, gpu-a10g-v2, built from an old custom AMI (ami-0c5e3f27b91d04a6e) that ships NVIDIA driver 470.256.02 (CUDA 11.4). embedder (revision 12, unchanged for 9 days) uses onnxruntime-gpu with the CUDA 12 runtime, which needs driver 525 or newer. 52 minutes ago the HPA scaled embedder from 3 to 5; the old pool gpu-a10g was at its maximum, so the cluster autoscaler added two gpu-a10g-v2 nodes and the two new pods landed there: they exit 1 at startup with "CUDA failure 35: CUDA driver version is insufficient for CUDA runtime version" and crash-loop. The three pods on gpu-a10g (driver 550) are healthy. No change to the workload. Fix: rebuild gpu-a10g-v2 on a current EKS GPU AMI (driver 550), and until then cordon it or keep embedder off it (nodeSelector on eks.amazonaws.com/nodegroup=gpu-a10g).',
    ask: { service: 'embedder', namespace: ns },
    objects: [
      ...general.nodes, ...oldPool, ...newPool, ...app.objects, scaler, ...other.objects,
      ...exposed({ namespace: ns, name: 'embedder', selector: { app: 'embedder' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'reranker', selector: { app: 'reranker' }, pods: other.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'embedder', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 5; reason: cpu resource utilization (percentage of request) above target', firstAgo: 52, lastAgo: 52, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 5, 3, 52),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 6), 2, 0, 75),
      ...[q0, q1].flatMap((p) => [
        failedScheduling(p, unschedulable, { count: 2, firstAgo: 52, lastAgo: 51.5 }),
        event({ on: p, type: 'Normal', reason: 'TriggeredScaleUp', message: 'pod triggered scale-up: [{eks-gpu-a10g-v2-a2c9e1f4-3b7d-4e5a-9c0f-1d2e3f4a5b6c 0->2 (max: 4)}]', firstAgo: 51.8, lastAgo: 51.8, component: 'cluster-autoscaler' }),
        ...pulledFresh(p, 'app', image('2.4.0'), { atAgo: 48, bytes: 6812004417, seconds: 96.512, pulledAgo: 46.3 }),
      ]),
      ...restartedAgain(q0, 'app', image('2.4.0'), { count: 13, firstAgo: 46.2, lastAgo: 2.35 }),
      ...restartedAgain(q1, 'app', image('2.4.0'), { count: 13, firstAgo: 46.2, lastAgo: 1.05 }),
      backOff(q0, 'app', { count: 190, firstAgo: 45, lastAgo: 0.3 }),
      backOff(q1, 'app', { count: 188, firstAgo: 45, lastAgo: 0.2 }),
      ...[n0, n1].flatMap((n) => [
        nodeEvent(n ?? '', 'RegisteredNode', `Node ${n ?? ''} event: Registered Node ${n ?? ''} in Controller`, { firstAgo: 48.6, component: 'node-controller' }),
        nodeEvent(n ?? '', 'NodeReady', `Node ${n ?? ''} status is now: NodeReady`, { firstAgo: 48.3 }),
      ]),
    ],
    logs: [
      logsFor(q0, 'app', { previous: crashed(q0, 2.2) }),
      logsFor(q1, 'app', { previous: crashed(q1, 0.9) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: healthy(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/CUDA|driver/i, /gpu-a10g-v2|\b470\b|ip-10-0-9[78]-/],
      facts: [
        /gpu-a10g-v2/,
        /\b470\b/,
        /(upgrad|updat|rebuild|bump|newer|current)[^\n]{0,60}(driver|AMI)|(driver|AMI)[^\n]{0,60}(upgrad|updat|5[2-5]\d|newer)|cordon|keep[^\n]{0,30}off|nodeSelector/i,
      ],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(image|pull)[^\n]{0,30}(not found|BackOff|fail)/i, /device[- ]plugin[^\n]{0,60}(crash|fail|broken|not running)/i, /reranker/],
    },
  };
}

// ---- 6. topology-aware routing sends a whole zone's traffic to its single pod -----------------------

function topologyAwareRoutingHotPod(): CorpusScenario {
  const ns = 'search';
  const big = { cpu: '7910m', 'ephemeral-storage': '95551679124', memory: '31482512Ki', pods: '58' };
  const spec = [['10.0.10.21', 'eu-west-1a'], ['10.0.11.84', 'eu-west-1a'], ['10.0.40.17', 'eu-west-1b'], ['10.0.41.203', 'eu-west-1b'], ['10.0.70.66', 'eu-west-1c']] as const;
  const nodes = spec.map(([ip, zone]) => node({ name: eksNodeName(ip), zone, instanceType: 'm6i.2xlarge', allocatable: big, createdAgo: 21 * DAYS }));
  const names = nodes.map(nameOf);
  const zoneOf = new Map(spec.map(([ip, zone]) => [eksNodeName(ip), zone]));
  const [a1, a2, b1, b2, c1] = names;
  const image = `${ECR}/search/query-api:1.58.2`;
  const tpl = { containers: [container({ image, ports: [8080], cpu: '1', memory: '1Gi', readiness: httpProbe('/readyz', 8080, { timeoutSeconds: 1 }), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10, timeoutSeconds: 5, failureThreshold: 6 }) })] };
  const app = deploymentApp({
    namespace: ns,
    name: 'query-api',
    replicas: 5,
    revisions: [{ revision: 31, createdAgo: 6 * DAYS, changeCause: 'argocd: query-api 1.58.2', template: tpl }],
    pods: [
      { revision: 31, node: a1 ?? '', createdAgo: 6 * DAYS - 1 },
      // Old noise: one panic three days ago, long since recovered.
      { revision: 31, node: a2 ?? '', createdAgo: 6 * DAYS - 2, containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 2, finishedAgo: 3 * DAYS + 0.1, ranSeconds: 3 * 24 * 3600 } }) } },
      { revision: 31, node: b1 ?? '', createdAgo: 6 * DAYS - 3 },
      { revision: 31, node: b2 ?? '', createdAgo: 6 * DAYS - 4 },
      { revision: 31, node: c1 ?? '', createdAgo: 6 * DAYS - 5 },
    ],
  });
  const hot = podOf(app, 4);
  for (const c of hot.status?.conditions ?? []) if (c.type === 'Ready' || c.type === 'ContainersReady') c.lastTransitionTime = ago(0.7);
  const gwImage = 'docker.io/envoyproxy/envoy:v1.31.3';
  const gateway = deploymentApp({
    namespace: ns,
    name: 'search-gateway',
    replicas: 3,
    revisions: [{ revision: 9, createdAgo: 12 * DAYS, changeCause: 'argocd: search-gateway envoy v1.31.3', template: { containers: [container({ name: 'envoy', image: gwImage, ports: [8443, { name: 'admin', containerPort: 9901 }], cpu: '500m', memory: '512Mi', readiness: httpProbe('/ready', 9901), liveness: null })] } }],
    pods: [{ revision: 9, node: a1 ?? '', createdAgo: 12 * DAYS }, { revision: 9, node: c1 ?? '', createdAgo: 12 * DAYS }, { revision: 9, node: c1 ?? '', createdAgo: 5 * DAYS }],
  });
  const [svc, slice] = exposed({ namespace: ns, name: 'query-api', selector: { app: 'query-api' }, pods: app.pods }) as [k8s.V1Service, k8s.V1EndpointSlice];
  svc.metadata = {
    ...svc.metadata,
    annotations: { 'service.kubernetes.io/topology-mode': 'Auto' },
    managedFields: [
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'v1', time: ago(96), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:annotations': { 'f:service.kubernetes.io/topology-mode': {} } } } },
    ],
  };
  // The EndpointSlice controller's hints: zone capacity is 2:2:1 by allocatable CPU, so eu-west-1c gets one endpoint, its own.
  slice.endpoints = slice.endpoints.map((e) => {
    const zone = zoneOf.get(e.nodeName ?? '') ?? 'eu-west-1a';
    return { ...e, zone, hints: { forZones: [{ name: zone }] } };
  });
  const gw = exposed({ namespace: ns, name: 'search-gateway', selector: { app: 'search-gateway' }, pods: gateway.pods, ports: [{ name: 'https', port: 443, targetPort: 8443 }], type: 'LoadBalancer', endpointPort: 8443 });
  const scaler = hpa({ namespace: ns, name: 'query-api', target: { kind: 'Deployment', name: 'query-api' }, min: 5, max: 12, current: 5, desired: 5, cpu: { current: 34, target: 70, averageValue: '342m' } });
  const other = bystander(ns, 'suggest-api', names, 68, { revisions: [14, 15], versions: ['3.2.0', '3.2.1'], olderAgo: 11 * DAYS });
  const goLog = (m: number, level: string, msg: string, extra: string) => `{"time":"${at(m)}","level":"${level}","msg":"${msg}",${extra}}`;
  const stats = (rps: number, inflight: number, p50: number, p99: number, m: number) => goLog(m, 'INFO', 'stats', `"window":"60s","rps":${rps},"inflight":${inflight},"p50_ms":${p50},"p99_ms":${p99},"shed":${inflight > 200 ? Math.round(rps * 4.2) : 0}`);
  const hotLog = lines(
    stats(171.4, 238, 1180, 3420, 3),
    goLog(2.6, 'WARN', 'slow request', `"method":"GET","path":"/v2/search","status":200,"dur_ms":2911,"inflight":241`),
    goLog(2.4, 'WARN', 'request shed', `"method":"GET","path":"/v2/search","status":503,"reason":"inflight limit 256 reached"`),
    stats(168.9, 251, 1310, 3870, 2),
    goLog(1.6, 'WARN', 'slow request', `"method":"GET","path":"/v2/search/facets","status":200,"dur_ms":3304,"inflight":249`),
    goLog(1.2, 'WARN', 'readiness degraded', `"inflight":256,"limit":256`),
    stats(96.2, 61, 84, 690, 1),
    goLog(0.7, 'INFO', 'readiness restored', `"inflight":58`),
    stats(174.0, 244, 1240, 3560, 0),
  );
  const idleLog = lines(stats(0.3, 0, 4, 9, 2), stats(0.3, 0, 4, 8, 1), stats(0.2, 0, 4, 9, 0));
  const zoneALog = lines(stats(44.1, 3, 11, 38, 2), stats(45.6, 2, 11, 41, 1), stats(43.9, 3, 12, 40, 0));
  return {
    id: 'heldout27-topology-aware-routing-hot-pod-zone-c',
    class: 'network',
    truth: '96 minutes ago the query-api Service was annotated service.kubernetes.io/topology-mode: Auto. The EndpointSlice controller allocates hints by zone CPU capacity (eu-west-1a and 1b have two nodes each, 1c one), so eu-west-1c gets exactly one endpoint, the only query-api pod there. But two of the three search-gateway pods (the callers) run in eu-west-1c, so about two thirds of all search traffic now goes to that single pod: it sheds requests, answers in seconds and its readiness probe flaps (each time it drops out, kube-proxy falls back to all endpoints, it recovers and the traffic comes back). The two eu-west-1b pods receive almost nothing and the 1a pods a normal share; the HPA sees 34% average CPU and does not scale. No rollout involved. Fix: remove the topology-mode annotation (or spread the callers and query-api evenly across zones with topologySpreadConstraints) before re-enabling it.',
    ask: { service: 'query-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...gateway.objects, ...other.objects, svc, slice, ...gw, scaler,
      ...exposed({ namespace: ns, name: 'suggest-api', selector: { app: 'suggest-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 15), 2, 0, 68),
      event({ on: svc, type: 'Normal', reason: 'TopologyAwareHintsEnabled', message: 'Topology Aware Hints has been enabled, addressType: IPv4', firstAgo: 95.9, lastAgo: 95.9, component: 'endpoint-slice-controller' }),
      probeFailed(hot, 'app', 'Readiness', `Get "http://${ipOfPod(hot)}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 58, firstAgo: 90, lastAgo: 1.3 }),
      probeFailed(hot, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 21, firstAgo: 84, lastAgo: 1.2 }),
      probeFailed(podOf(gateway, 1), 'envoy', 'Readiness', `Get "http://${ipOfPod(podOf(gateway, 1))}:9901/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 1, firstAgo: 20 * 60, lastAgo: 20 * 60 }),
    ],
    logs: [
      logsFor(hot, 'app', { current: hotLog }),
      logsFor(podOf(app, 0), 'app', { current: zoneALog }),
      logsFor(podOf(app, 1), 'app', { current: zoneALog }),
      logsFor(podOf(app, 2), 'app', { current: idleLog }),
      logsFor(podOf(app, 3), 'app', { current: idleLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/topology|hints?|zon(e|al)/i, new RegExp(`eu-west-1c|${nameOf(hot)}`)],
      facts: [
        /topology-mode|topology[- ]aware|service\.kubernetes\.io\/topology|hints/i,
        /(remov|drop|delet|disabl|turn(ing)? off)[^\n]{0,60}(topology|annotation|hints)|topology-mode[^\n]{0,30}(off|disabled|removed)|topologySpreadConstraints|spread/i,
        /idle|(almost|nearly|next to) no (traffic|load|requests)|under-?(used|utili[sz]ed|loaded)|little (traffic|load)|(other|remaining) (4|four)/i,
      ],
      never: [ADVISES_ROLLBACK, /\bOOM/, /memory leak/i, /crash ?loop/i, /suggest-api/, /node[^\n]{0,40}(not ?ready|pressure)/i],
    },
  };
}

// ---- 7. healthy control: a DaemonSet pod terminating on a node the cluster autoscaler removes --------

function daemonSetPodOnScaledDownNode(): CorpusScenario {
  const ns = 'logging';
  const base = threeEksNodes('10.0.13');
  const doomedName = eksNodeName('10.0.142.58');
  const tainted = Math.floor(ago(1.6).getTime() / 1000);
  const extra = [
    node({ name: eksNodeName('10.0.150.9'), zone: 'eu-west-1b', createdAgo: 12 * DAYS }),
    node({ name: eksNodeName('10.0.161.230'), zone: 'eu-west-1c', createdAgo: 5 * DAYS }),
    node({
      name: doomedName,
      zone: 'eu-west-1a',
      createdAgo: 3 * DAYS,
      taints: [
        { key: 'DeletionCandidateOfClusterAutoscaler', value: String(tainted - 600), effect: 'PreferNoSchedule' },
        { key: 'ToBeDeletedByClusterAutoscaler', value: String(tainted), effect: 'NoSchedule' },
      ],
    }),
  ];
  const nodes = [...base.nodes, ...extra];
  const names = nodes.map(nameOf);
  const image = (v: string) => `cr.fluentbit.io/fluent/fluent-bit:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      name: 'fluent-bit',
      image: image(v),
      ports: [{ name: 'http', containerPort: 2020 }],
      cpu: '50m',
      memory: '64Mi',
      memoryLimit: '256Mi',
      readiness: httpProbe('/api/v1/health', 2020),
      liveness: httpProbe('/', 2020),
      volumeMounts: [{ name: 'varlog', mountPath: '/var/log' }, { name: 'config', mountPath: '/fluent-bit/etc/conf' }],
    })],
    volumes: [{ name: 'varlog', hostPath: { path: '/var/log', type: '' } }, { name: 'config', configMap: { name: 'fluent-bit', defaultMode: 420 } }],
    serviceAccountName: 'fluent-bit',
    tolerations: [{ key: 'workload', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }],
  });
  const ds = daemonSetApp({
    namespace: ns,
    name: 'fluent-bit',
    selector: { 'app.kubernetes.io/name': 'fluent-bit', 'app.kubernetes.io/instance': 'fluent-bit' },
    pinnedToNodes: true,
    // The tainted node no longer counts: the ToBeDeleted taint is not tolerated.
    desired: 5,
    revisions: [
      { revision: 6, createdAgo: 50 * DAYS, template: tpl('3.1.7') },
      { revision: 7, createdAgo: 6 * DAYS, template: tpl('3.1.9') },
    ],
    pods: names.map((n, i) => ({
      revision: 7,
      node: n,
      createdAgo: [6 * DAYS - 3, 6 * DAYS - 2, 6 * DAYS - 1, 6 * DAYS - 4, 5 * DAYS - 1, 3 * DAYS - 1][i] ?? 6 * DAYS,
      ...(i === 1 ? { containers: { 'fluent-bit': running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 1, finishedAgo: 3 * DAYS + 0.2, ranSeconds: 2 * 24 * 3600 } }) } } : {}),
      ...(n === doomedName
        ? { deletingAgo: 0.1, conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting', lastTransitionTime: ago(0.6) }] }
        : {}),
    })),
  });
  const doomed = ds.pods.find((p) => p.spec?.nodeName === doomedName);
  if (doomed === undefined) throw new Error('no fluent-bit pod on the scaled-down node');
  const svcObjs = exposed({ namespace: ns, name: 'fluent-bit', selector: { 'app.kubernetes.io/name': 'fluent-bit', 'app.kubernetes.io/instance': 'fluent-bit' }, pods: ds.pods, ports: [{ name: 'http', port: 2020, targetPort: 'http' }], endpointPort: 2020 });
  const other = bystander(ns, 'log-router', base.names, 130, { revisions: [3, 4], versions: ['1.4.0', '1.4.1'], olderAgo: 30 * DAYS });
  const fb = (m: number, level: string, tag: string, msg: string) => `[${at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}] [${level.padStart(5)}] [${tag}] ${msg}`;
  const steady = lines(
    fb(0.9, 'info', 'output:opensearch:opensearch.0', 'flushed 412 records (HTTP status=200)'),
    fb(0.4, 'info', 'input:tail:tail.0', 'inotify_fs_add(): inode=2109442 watch_fd=57 name=/var/log/containers/checkout-7c9d8f6b5d-x2kqj_shop_app-1f0c.log'),
  );
  return {
    id: 'heldout27-healthy-daemonset-pod-on-scaled-down-node',
    class: 'healthy',
    truth: 'Healthy. The cluster autoscaler found ip-10-0-142-58 underutilized, drained it and tainted it ToBeDeletedByClusterAutoscaler 1.6 minutes ago; it evicts the DaemonSet pods last, so the fluent-bit pod there is terminating (flushing its buffers) and the node will be removed in a moment. The DaemonSet no longer wants a pod on that node (desired 5), and the five other fluent-bit pods are Running and Ready on revision 7. The old restart of one pod three days ago and yesterday\'s probe warning are noise. Nothing to do.',
    ask: { service: 'fluent-bit', namespace: ns },
    objects: [
      ...nodes, ...ds.objects, ...svcObjs, ...other.objects,
      scaledReplicaSet(deploymentOf(other), rsOf(other, 4), 2, 0, 130),
      nodeEvent(doomedName, 'ScaleDown', 'marked the node as toBeDeleted/unschedulable', { firstAgo: 1.6, component: 'cluster-autoscaler' }),
      event({ on: doomed, type: 'Normal', reason: 'ScaleDown', message: 'deleting pod for node scale down', firstAgo: 0.6, lastAgo: 0.6, component: 'cluster-autoscaler' }),
      event({ on: doomed, type: 'Normal', reason: 'Killing', message: 'Stopping container fluent-bit', firstAgo: 0.6, lastAgo: 0.6, fieldPath: 'spec.containers{fluent-bit}' }),
      probeFailed(podOf(ds, 2), 'fluent-bit', 'Readiness', `Get "http://${ipOfPod(podOf(ds, 2))}:2020/api/v1/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 21 * 60, lastAgo: 20.9 * 60 }),
    ],
    logs: [
      logsFor(doomed, 'fluent-bit', { current: lines(
        fb(2, 'info', 'output:opensearch:opensearch.0', 'flushed 388 records (HTTP status=200)'),
        `[${at(0.6).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}] [engine] caught signal (SIGTERM)`,
        fb(0.6, 'info', 'input', 'pausing tail.0'),
        fb(0.6, 'info', 'engine', 'service will shutdown in max 5 seconds'),
        fb(0.55, 'info', 'task', 'tail/tail.0 has 1 pending task(s):'),
        fb(0.5, 'info', 'output:opensearch:opensearch.0', 'flushed 57 records (HTTP status=200)'),
        fb(0.5, 'info', 'engine', 'service has stopped (0 pending tasks)'),
      ) }),
      ...ds.pods.filter((p) => p !== doomed).map((p) => logsFor(p, 'fluent-bit', { current: steady })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|all (\d+ )?(pods? )?(are )?(ready|running|healthy)|nothing (is )?wrong|fine/i],
      facts: [
        /scal(e|ing)[- ]?down|cluster[- ]autoscaler|ToBeDeleted|(node|it) (is )?being (removed|deleted|drained)/i,
        /ip-10-0-142-58|terminating/i,
      ],
      never: [/crash ?loop/i, /\bOOM/, ADVISES_ROLLBACK, /node[^\n]{0,40}(not ?ready|unreachable|pressure)/i, /log-router/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  kyvernoInjectedMemoryLimit(),
  legacyReadinessGateNeverSet(),
  flywayChecksumMismatch(),
  node18UnhandledRejection(),
  cudaDriverTooOldNewPool(),
  topologyAwareRoutingHotPod(),
  daemonSetPodOnScaledDownNode(),
];
