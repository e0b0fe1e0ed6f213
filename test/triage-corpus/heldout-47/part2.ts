// Held-out stories, forty-seventh round, part two: an HPA whose scaleUp selectPolicy was set to
// Disabled for a change freeze two weeks ago and never reverted, so at today's peak the pods run
// at ~190% of their CPU request and the ingress returns 503/504 while the HPA sits at minReplicas
// with ScalingLimited/ScaleUpLimit; a Service whose port a chart edit switched to protocol UDP
// while the app serves HTTP over TCP, so callers time out on the ClusterIP while the callee's pods
// are Ready and idle; a Java service whose new revision moved from JDK 11 to JDK 17, where an old
// FST serializer reflects into java.lang and startup dies with InaccessibleObjectException; an
// ActiveMQ Artemis address with address-full-policy BLOCK that filled after its consumer
// Deployment was scaled to 0 by mistake, so the broker blocks the producer API's sends and its
// request threads hang; a Postgres restored into a fresh instance without the pgvector extension,
// so the app's semantic search fails while the rest works; a Grafana Alloy log DaemonSet whose
// pushes Loki rejects with 429 (per-stream and tenant rate limits) since another team's app
// turned on debug logging; and a healthy control: a gateway whose logs warn daily that its
// cert-manager csi-driver certificate expires in 25 days (renew-before is 15 days) and whose pod
// on a node rebooted a week ago shows one routine restart.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, clfTime, configMap, container, crashLoop, daemonSetApp, deploymentApp,
  endpointSliceFor, event, exposed, hpa, httpProbe, job, jobEvent, nameOf, node, probeFailed, pyTime, restartedAgain,
  rsOf, running, scaledReplicaSet, scheduled, service, startedNormally, statefulSetApp, tcpProbe, uidOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot 2.x / logback default console time: `2026-11-21 03:12:41.563`. */
const sbTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');
/** Artemis / log4j2 time: `2026-11-21 03:12:41,563`. */
const l4jTime = (minutes: number): string => pyTime(minutes);
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

// ---- 1. HPA scale-up Disabled since a change freeze ------------------------------------------

function hpaScaleUpDisabledSinceFreeze(): CorpusScenario {
  const ns = 'storefront-apac';
  const { nodes, names } = threeEksNodes('10.0.94', ['12', '140', '221']);
  const image = (v: string) => `${ECR}/storefront/product-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '512Mi',
      env: [{ name: 'GOMAXPROCS', value: '2' }, { name: 'GOMEMLIMIT', value: '460MiB' }, { name: 'HTTP_WRITE_TIMEOUT', value: '15s' }],
      readiness: httpProbe('/readyz', 8080, { timeoutSeconds: 1, periodSeconds: 5 }),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10, timeoutSeconds: 3, failureThreshold: 6 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'product-api',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 19 * DAYS, changeCause: 'argocd: product-api 3.22.1', template: tpl('3.22.1') },
      { revision: 58, createdAgo: 6 * DAYS, changeCause: 'argocd: product-api 3.22.2', template: tpl('3.22.2') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const scaler = hpa({
    namespace: ns, name: 'product-api', target: { kind: 'Deployment', name: 'product-api' }, min: 3, max: 18, current: 3, desired: 3,
    cpu: { current: 191, target: 70, averageValue: '955m' }, lastScaleAgo: 16 * DAYS,
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(16 * DAYS) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(60 * DAYS) },
      { type: 'ScalingLimited', status: 'True', reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate', lastTransitionTime: ago(38) },
    ],
  });
  scaler.metadata = {
    ...scaler.metadata,
    annotations: { 'acme.io/change-freeze': 'CHG-20931 Singles Day freeze: scale-up pinned, revert after 2026-11-12' },
    managedFields: [
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'autoscaling/v2', time: ago(60 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:minReplicas': {}, 'f:maxReplicas': {}, 'f:metrics': {} } } },
      { manager: 'kubectl-patch', operation: 'Update', apiVersion: 'autoscaling/v2', time: ago(14 * DAYS + 5 * HOURS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:behavior': { 'f:scaleUp': { 'f:selectPolicy': {} } } } } },
    ],
  };
  scaler.spec = {
    ...(scaler.spec as k8s.V2HorizontalPodAutoscalerSpec),
    maxReplicas: 18,
    behavior: {
      scaleUp: { selectPolicy: 'Disabled', stabilizationWindowSeconds: 0, policies: [{ type: 'Percent', value: 100, periodSeconds: 30 }, { type: 'Pods', value: 4, periodSeconds: 30 }] },
      scaleDown: { selectPolicy: 'Max', stabilizationWindowSeconds: 300, policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    },
  };
  const ingressImage = 'registry.k8s.io/ingress-nginx/controller:v1.11.3';
  const ingress = deploymentApp({
    namespace: 'ingress-nginx',
    name: 'ingress-nginx-controller',
    selector: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
    replicas: 2,
    revisions: [{ revision: 9, createdAgo: 33 * DAYS, template: { containers: [container({ name: 'controller', image: ingressImage, ports: [80, 443], cpu: '200m', memory: '512Mi', readiness: httpProbe('/healthz', 10254), liveness: httpProbe('/healthz', 10254) })] } }],
    pods: [{ revision: 9, node: names[0] ?? '', createdAgo: 33 * DAYS }, { revision: 9, node: names[2] ?? '', createdAgo: 33 * DAYS }],
  });
  const other = bystander(ns, 'cart-api', names, 44, { revisions: [31, 32], versions: ['5.3.0', '5.3.1'], olderAgo: 9 * DAYS });
  const upstream = (p: k8s.V1Pod) => `${p.status?.podIP ?? ''}:8080`;
  const ingLog = lines(
    ...Array.from({ length: 10 }, (_, i) => {
      const p = podOf(app, i % 3);
      const t = 12 - i * 1.1;
      return i % 3 === 2
        ? `${ngxTime(t)} [error] 1187#1187: *${88213410 + i * 7717} upstream timed out (110: Operation timed out) while reading response header from upstream, client: 10.0.94.${40 + i}, server: shop-apac.acme.example, request: "GET /api/v2/products?category=outerwear&page=${i} HTTP/2.0", upstream: "http://${upstream(p)}/v2/products?category=outerwear&page=${i}", host: "shop-apac.acme.example"`
        : `203.0.113.${20 + i} - - [${clfTime(t)}] "GET /api/v2/products/${1000 + i * 37} HTTP/2.0" ${i % 4 === 1 ? 503 : 504} ${i % 4 === 1 ? 190 : 160} "https://shop-apac.acme.example/" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)" 62 ${i % 4 === 1 ? '0.000' : '15.001'} [storefront-apac-product-api-80] [] ${upstream(p)} 0 ${i % 4 === 1 ? '0.000' : '15.001'} ${i % 4 === 1 ? 503 : 504} ${'a1b2c3d4e5f6'.slice(0, 8)}${i}`;
    }),
  );
  const appLog = (k: number) => lines(
    `{"time":"${at(6 * DAYS - k - 0.3)}","level":"INFO","msg":"product-api starting","version":"3.22.2","addr":":8080","gomaxprocs":2}`,
    `{"time":"${at(6 * DAYS - k - 0.35)}","level":"INFO","msg":"catalog cache warmed","items":48211,"took_ms":2841}`,
    ...Array.from({ length: 8 }, (_, i) => {
      const t = 14 - i * 1.7 - k * 0.1;
      return i % 2 === 0
        ? `{"time":"${at(t)}","level":"WARN","msg":"slow request","method":"GET","path":"/v2/products","status":200,"duration_ms":${3900 + i * 611 + k * 57},"inflight":${280 + i * 19 + k * 7}}`
        : `{"time":"${at(t)}","level":"ERROR","msg":"request aborted","method":"GET","path":"/v2/products/${1000 + i * 37}","error":"context canceled","duration_ms":15002,"inflight":${301 + i * 17}}`;
    }),
    `{"time":"${at(0.6)}","level":"INFO","msg":"runtime stats","goroutines":${1480 + k * 97},"heap_mb":${301 + k * 11},"gc_cpu_fraction":0.04,"sched_latency_p99_ms":${212 + k * 13}}`,
  );
  return {
    id: 'heldout47-hpa-scaleup-disabled-change-freeze',
    class: 'capacity',
    truth: 'For the Singles Day change freeze two weeks ago someone patched the product-api HPA with spec.behavior.scaleUp.selectPolicy: Disabled (CHG-20931) and never reverted it. At today\'s APAC peak the three pods run at ~191% of their 500m CPU request against a 70% target; the HPA computes more replicas but is limited to its current 3 (ScalingLimited / ScaleUpLimit), so latency climbs past the 15 s write timeout and the ingress returns 503/504. Fix: set selectPolicy back to Max (or remove the scaleUp override); the 6-day-old rollout is innocent.',
    ask: { service: 'product-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...ingress.objects, ...other.objects, scaler,
      ...exposed({ namespace: ns, name: 'product-api', selector: { app: 'product-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 32), 2, 0, 44),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP ?? ''}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 61 + k * 9, firstAgo: 37, lastAgo: 0.4 + k * 0.2 })),
      event({ on: podOf(app, 1), reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${podOf(app, 1).status?.podIP ?? ''}:8080/livez": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 4, firstAgo: 21, lastAgo: 3.2, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      logsFor(podOf(ingress, 0), 'controller', { current: ingLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/selectPolicy|Disabled|scale-?up[^\n]*(disabled|blocked|limited)|ScaleUpLimit|ScalingLimited/i],
      facts: [/19[01]%|955m/, /min(imum)?[ -]?replicas|\b3 replicas|stays? at 3/i, /product-api/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /max(imum)?[ -]?replicas (reached|hit)|at (its )?max(imum|Replicas)?\b/i, /cart-api/, /metrics? (server )?(unavailable|missing)/i],
    },
  };
}

// ---- 2. Service port switched to UDP by a chart edit -----------------------------------------

function serviceProtocolUdp(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.36', ['19', '88', '203']);
  const image = (v: string) => `${ECR}/billing/invoice-renderer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'http', containerPort: 3000 }], cpu: '300m', memory: '768Mi',
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'PORT', value: '3000' }, { name: 'NODE_OPTIONS', value: '--max-old-space-size=640' }],
      readiness: httpProbe('/healthz', 'http'), liveness: httpProbe('/healthz', 'http', { initialDelaySeconds: 15 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-renderer',
    replicas: 2,
    revisions: [
      { revision: 13, createdAgo: 23 * DAYS, changeCause: 'helm: invoice-renderer 2.8.0', template: tpl('2.8.0') },
      { revision: 14, createdAgo: 9 * DAYS, changeCause: 'helm: invoice-renderer 2.8.1', template: tpl('2.8.1') },
    ],
    pods: [{ revision: 14, node: names[0] ?? '', createdAgo: 9 * DAYS }, { revision: 14, node: names[2] ?? '', createdAgo: 9 * DAYS - 1 }],
  });
  const svc = service({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'UDP' }], createdAgo: 210 * DAYS, clusterIP: '172.20.118.47' });
  svc.metadata = {
    ...svc.metadata,
    labels: { app: 'invoice-renderer', 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'invoice-renderer-3.2.0' },
    annotations: { 'meta.helm.sh/release-name': 'invoice-renderer', 'meta.helm.sh/release-namespace': ns },
    managedFields: [
      { manager: 'helm', operation: 'Update', apiVersion: 'v1', time: ago(53), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:helm.sh/chart': {} } }, 'f:spec': { 'f:ports': { 'k:{"port":80,"protocol":"UDP"}': {} } } } },
    ],
  };
  const slice = endpointSliceFor(svc, app.pods, 3000);
  slice.ports = [{ name: 'http', port: 3000, protocol: 'UDP' }];
  const callerImage = `${ECR}/billing/billing-api:7.4.2`;
  const caller = deploymentApp({
    namespace: ns,
    name: 'billing-api',
    replicas: 3,
    revisions: [{ revision: 66, createdAgo: 4 * DAYS, changeCause: 'argocd: billing-api 7.4.2', template: { containers: [container({ image: callerImage, ports: [8080], env: [{ name: 'RENDERER_URL', value: 'http://invoice-renderer.billing.svc.cluster.local' }, { name: 'RENDERER_TIMEOUT', value: '10s' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 66, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const callerLog = (k: number) => lines(
    `{"level":"info","ts":"${at(70 - k)}","caller":"invoices/handler.go:88","msg":"invoice rendered","invoice_id":"INV-2026-118${k}41","pages":3,"duration_ms":412}`,
    ...Array.from({ length: 9 }, (_, i) => `{"level":"error","ts":"${at(50 - i * 5.3 - k * 0.4)}","caller":"renderer/client.go:61","msg":"render request failed","invoice_id":"INV-2026-11${9000 + i * 13 + k}","attempt":${(i % 3) + 1},"error":"Post \\"http://invoice-renderer.billing.svc.cluster.local/render\\": dial tcp 172.20.118.47:80: i/o timeout"}`),
    `{"level":"warn","ts":"${at(1.1)}","caller":"jobs/outbox.go:140","msg":"invoice outbox backlog growing","pending":${1740 + k * 33},"oldest_age":"52m10s"}`,
  );
  const calleeLog = (k: number) => lines(
    `{"level":30,"time":${ago(9 * DAYS - k - 0.3).getTime()},"pid":1,"hostname":"${nameOf(podOf(app, k))}","msg":"invoice-renderer 2.8.1 listening on 0.0.0.0:3000"}`,
    `{"level":30,"time":${ago(54 + k).getTime()},"pid":1,"hostname":"${nameOf(podOf(app, k))}","req":{"method":"POST","url":"/render","remoteAddress":"::ffff:${podOf(caller, k).status?.podIP ?? ''}"},"res":{"statusCode":200},"responseTime":${388 + k * 21},"msg":"request completed"}`,
    ...Array.from({ length: 5 }, (_, i) => `{"level":30,"time":${ago(8 - i * 1.5).getTime()},"pid":1,"hostname":"${nameOf(podOf(app, k))}","req":{"method":"GET","url":"/healthz","remoteAddress":"::ffff:${podOf(app, k).status?.hostIP ?? ''}"},"res":{"statusCode":200},"responseTime":1,"msg":"request completed"}`),
  );
  return {
    id: 'heldout47-service-port-protocol-udp-chart-edit',
    class: 'network',
    truth: 'A Helm chart edit (invoice-renderer chart 3.2.0, applied 53 minutes ago) changed the invoice-renderer Service\'s port 80 to protocol: UDP, while the Node.js app serves HTTP over TCP on 3000. kube-proxy now only forwards UDP for the ClusterIP 172.20.118.47:80, so billing-api\'s TCP connections to the Service time out; the renderer pods are Ready and idle since. Fix: set the port\'s protocol back to TCP in the chart.',
    ask: { service: 'invoice-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...caller.objects, svc, slice,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: caller.pods }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: calleeLog(k) })),
      ...caller.pods.map((p, k) => logsFor(p, 'app', { current: callerLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/UDP/],
      facts: [/TCP/, /invoice-renderer/, /i\/o timeout|timed? ?out|ETIMEDOUT/i],
      never: [/\bOOM/, /crash ?loop/i, /no (ready )?endpoints/i, /probe/i, /NetworkPolicy/i],
    },
  };
}

// ---- 3. JDK 11 -> 17: FST reflects into java.lang ---------------------------------------------

function jdk17InaccessibleObject(): CorpusScenario {
  const ns = 'risk';
  const { nodes, names } = threeEksNodes('10.0.57', ['44', '117', '230']);
  const image = (v: string) => `${ECR}/risk/fraud-scorer:${v}`;
  const tpl = (v: string, jdk: string) => ({
    labels: { 'app.kubernetes.io/version': v },
    annotations: { 'acme.io/base-image': jdk },
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '1', memory: '1536Mi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      readiness: httpProbe('/actuator/health/readiness', 'management'),
      liveness: httpProbe('/actuator/health/liveness', 'management', { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'fraud-scorer',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 18, createdAgo: 6 * DAYS, changeCause: 'argocd: fraud-scorer 4.6.3', template: tpl('4.6.3', 'eclipse-temurin:11.0.25_9-jre-jammy') },
      { revision: 19, createdAgo: 26, changeCause: 'argocd: fraud-scorer 4.7.0 (base image eclipse-temurin:17-jre)', template: tpl('4.7.0', 'eclipse-temurin:17.0.13_11-jre-jammy') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 19, node: names[1] ?? '', createdAgo: 25.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.4, ranSeconds: 7 }, 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'risk-rules-admin', names, 3 * HOURS, { revisions: [11, 12], versions: ['1.19.0', '1.20.0'], olderAgo: 20 * DAYS });
  const crashed = lines(
    'Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError',
    '',
    '  .   ____          _            __ _ _',
    ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
    '( ( )\\___ | \'_ | \'_| | \'_ \\/ _` | \\ \\ \\ \\',
    ' \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )',
    '  \'  |____| .__|_| |_|_| |_\\__, | / / / /',
    ' =========|_|==============|___/=/_/_/_/',
    ' :: Spring Boot ::               (v2.7.18)',
    '',
    `${sbTime(2.52)}  INFO 1 --- [           main] com.acme.risk.FraudScorerApplication     : Starting FraudScorerApplication v4.7.0 using Java 17.0.13 on ${nameOf(fresh)} with PID 1 (/app/fraud-scorer.jar started by app in /app)`,
    `${sbTime(2.52)}  INFO 1 --- [           main] com.acme.risk.FraudScorerApplication     : The following 1 profile is active: "prod"`,
    `${sbTime(2.49)}  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port(s): 8080 (http)`,
    `${sbTime(2.48)}  INFO 1 --- [           main] o.apache.catalina.core.StandardService   : Starting service [Tomcat]`,
    `${sbTime(2.47)}  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : risk-pool - Start completed.`,
    `${sbTime(2.44)}  WARN 1 --- [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'featureSnapshotCodec' defined in class path resource [com/acme/risk/cache/CodecConfig.class]: Bean instantiation via factory method failed; nested exception is org.springframework.beans.BeanInstantiationException: Failed to instantiate [org.nustaq.serialization.FSTConfiguration]: Factory method 'fstConfiguration' threw exception; nested exception is java.lang.reflect.InaccessibleObjectException: Unable to make field private final byte[] java.lang.String.value accessible: module java.base does not "opens java.lang" to unnamed module @6a2f6f80`,
    `${sbTime(2.43)}  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : risk-pool - Shutdown completed.`,
    `${sbTime(2.43)}  INFO 1 --- [           main] o.apache.catalina.core.StandardService   : Stopping service [Tomcat]`,
    `${sbTime(2.42)}  INFO 1 --- [           main] ConditionEvaluationReportLoggingListener : `,
    '',
    'Error starting ApplicationContext. To display the conditions report re-run your application with \'debug\' enabled.',
    `${sbTime(2.42)} ERROR 1 --- [           main] o.s.boot.SpringApplication               : Application run failed`,
    '',
    'org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'featureSnapshotCodec\' defined in class path resource [com/acme/risk/cache/CodecConfig.class]: Bean instantiation via factory method failed; nested exception is org.springframework.beans.BeanInstantiationException: Failed to instantiate [org.nustaq.serialization.FSTConfiguration]: Factory method \'fstConfiguration\' threw exception; nested exception is java.lang.reflect.InaccessibleObjectException: Unable to make field private final byte[] java.lang.String.value accessible: module java.base does not "opens java.lang" to unnamed module @6a2f6f80',
    '\tat org.springframework.beans.factory.support.ConstructorResolver.instantiate(ConstructorResolver.java:658)',
    '\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.createBeanInstance(AbstractAutowireCapableBeanFactory.java:1196)',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:306)',
    '\tat com.acme.risk.FraudScorerApplication.main(FraudScorerApplication.java:14)',
    'Caused by: java.lang.reflect.InaccessibleObjectException: Unable to make field private final byte[] java.lang.String.value accessible: module java.base does not "opens java.lang" to unnamed module @6a2f6f80',
    '\tat java.base/java.lang.reflect.AccessibleObject.checkCanSetAccessible(AccessibleObject.java:354)',
    '\tat java.base/java.lang.reflect.AccessibleObject.checkCanSetAccessible(AccessibleObject.java:297)',
    '\tat java.base/java.lang.reflect.Field.checkCanSetAccessible(Field.java:178)',
    '\tat java.base/java.lang.reflect.Field.setAccessible(Field.java:172)',
    '\tat org.nustaq.serialization.FSTClazzInfo.createFieldInfo(FSTClazzInfo.java:512)',
    '\tat org.nustaq.serialization.FSTClazzInfo.createFields(FSTClazzInfo.java:368)',
    '\tat org.nustaq.serialization.FSTClazzInfo.<init>(FSTClazzInfo.java:144)',
    '\tat org.nustaq.serialization.FSTClazzInfoRegistry.getCLInfo(FSTClazzInfoRegistry.java:129)',
    '\tat org.nustaq.serialization.FSTClazzNameRegistry.addClassMapping(FSTClazzNameRegistry.java:98)',
    '\tat org.nustaq.serialization.FSTConfiguration.initDefaultFstConfigurationInternal(FSTConfiguration.java:477)',
    '\tat org.nustaq.serialization.FSTConfiguration.createDefaultConfiguration(FSTConfiguration.java:472)',
    '\tat com.acme.risk.cache.CodecConfig.fstConfiguration(CodecConfig.java:31)',
    '\t... 19 common frames omitted',
  );
  const oldLog = (k: number) => lines(
    `${sbTime(6 * DAYS - k - 0.5)}  INFO 1 --- [           main] com.acme.risk.FraudScorerApplication     : Started FraudScorerApplication in 21.384 seconds (JVM running for 23.011)`,
    ...Array.from({ length: 4 }, (_, i) => `${sbTime(6 - i * 1.4 - k * 0.1)}  INFO 1 --- [nio-8080-exec-${3 + i}] c.a.risk.web.ScoreController             : scored txn=tx_${88120 + i * 311 + k} score=0.0${3 + i} decision=APPROVE took=${18 + i * 3}ms`),
  );
  const fp = 'spec.containers{app}';
  return {
    id: 'heldout47-jdk17-inaccessible-object-fst',
    class: 'containers',
    truth: 'fraud-scorer revision 19 (4.7.0) moved the base image from Temurin JDK 11 to JDK 17. The service still uses the FST serializer (org.nustaq), which reflects into java.lang.String; JDK 17 enforces strong encapsulation, so startup fails with java.lang.reflect.InaccessibleObjectException (module java.base does not "opens java.lang" to unnamed module) and the new pod crash-loops with exit 1 while the three revision-18 pods keep serving. Fix: roll back to revision 18 or add --add-opens java.base/java.lang=ALL-UNNAMED (better: replace FST).',
    ask: { service: 'fraud-scorer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'fraud-scorer', selector: { app: 'fraud-scorer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'risk-rules-admin', selector: { app: 'risk-rules-admin' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 26),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 3 * HOURS),
      scheduled(fresh, 25.5),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('4.7.0')}"`, firstAgo: 25.4, lastAgo: 25.4, fieldPath: fp }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('4.7.0')}" in 6.871s (6.871s including waiting). Image size: 211873402 bytes.`, firstAgo: 25.3, lastAgo: 25.3, fieldPath: fp }),
      ...restartedAgain(fresh, 'app', image('4.7.0'), { count: 10, firstAgo: 25.3, lastAgo: 2.6 }),
      backOff(fresh, 'app', { count: 104, firstAgo: 24.8, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashed, current: lines('Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError') }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/InaccessibleObjectException|opens java\.lang|add-opens|module java\.base|strong encapsulation/i],
      facts: [/revision 19|\b19\b|4\.7\.0/, /(JDK|Java|temurin)[ :-]?17|17\.0\.13/i, /exit(ed)?( with)?( code)? 1\b|exit code: 1/i],
      never: [/\bOOM/, /liveness probe/i, /ClassNotFound|NoClassDefFound/, /risk-rules-admin/],
    },
  };
}

// ---- 4. Artemis address full (BLOCK): consumer scaled to 0 -------------------------------------

function artemisBlockConsumerScaledToZero(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.63', ['27', '159', '240']);
  const brokerImage = 'docker.io/apache/activemq-artemis:2.37.0';
  const broker = statefulSetApp({
    namespace: ns,
    name: 'artemis',
    replicas: 1,
    serviceName: 'artemis-headless',
    revisions: [{ revision: 4, createdAgo: 12 * DAYS, template: { containers: [container({ name: 'artemis', image: brokerImage, ports: [{ name: 'core', containerPort: 61616 }, { name: 'console', containerPort: 8161 }], cpu: '1', memory: '2Gi', readiness: tcpProbe('core'), liveness: tcpProbe('core', { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'broker-config', mountPath: '/var/lib/artemis-instance/etc-override' }, { name: 'data', mountPath: '/var/lib/artemis-instance/data' }] })], volumes: [{ name: 'broker-config', configMap: { name: 'artemis-broker-config' } }] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi' }],
    pods: [{ revision: 4, ordinal: 0, node: names[2] ?? '', createdAgo: 12 * DAYS }],
  });
  const cfg = configMap({
    namespace: ns, name: 'artemis-broker-config', createdAgo: 120 * DAYS, updatedAgo: 12 * DAYS,
    data: {
      'broker.xml': [
        '<configuration xmlns="urn:activemq" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        '  <core xmlns="urn:activemq:core">',
        '    <name>artemis-0</name>',
        '    <global-max-size>512MiB</global-max-size>',
        '    <address-settings>',
        '      <address-setting match="orders.#">',
        '        <max-size-bytes>104857600</max-size-bytes>',
        '        <address-full-policy>BLOCK</address-full-policy>',
        '        <dead-letter-address>DLQ</dead-letter-address>',
        '        <max-delivery-attempts>10</max-delivery-attempts>',
        '      </address-setting>',
        '      <address-setting match="#">',
        '        <address-full-policy>PAGE</address-full-policy>',
        '        <max-size-bytes>-1</max-size-bytes>',
        '      </address-setting>',
        '    </address-settings>',
        '    <addresses>',
        '      <address name="orders.created"><anycast><queue name="orders.created"/></anycast></address>',
        '      <address name="orders.cancelled"><anycast><queue name="orders.cancelled"/></anycast></address>',
        '    </addresses>',
        '  </core>',
        '</configuration>',
      ].join('\n'),
    },
  });
  const workerImage = `${ECR}/orders/order-fulfillment-worker:2.14.0`;
  const worker = deploymentApp({
    namespace: ns,
    name: 'order-fulfillment-worker',
    replicas: 0,
    revisions: [{ revision: 27, createdAgo: 8 * DAYS, changeCause: 'argocd: order-fulfillment-worker 2.14.0', template: { containers: [batchContainer({ image: workerImage, env: [{ name: 'ARTEMIS_URL', value: 'tcp://artemis-0.artemis-headless.orders.svc.cluster.local:61616' }, { name: 'QUEUE', value: 'orders.created' }] })] } }],
    pods: [],
    settled: { available: true, availableSince: 8 * DAYS, progressingSince: 8 * DAYS },
  });
  const workerDep = deploymentOf(worker);
  workerDep.metadata = {
    ...workerDep.metadata,
    managedFields: [
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'apps/v1', time: ago(8 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:template': {} } } },
      { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', time: ago(58), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' },
    ],
  };
  const apiImage = `${ECR}/orders/order-api:5.9.2`;
  const api = deploymentApp({
    namespace: ns,
    name: 'order-api',
    replicas: 3,
    revisions: [
      { revision: 80, createdAgo: 11 * DAYS, changeCause: 'argocd: order-api 5.9.1', template: { containers: [container({ image: `${ECR}/orders/order-api:5.9.1`, ports: [8080], cpu: '750m', memory: '1Gi', readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, timeoutSeconds: 5, failureThreshold: 6 }) })] } },
      { revision: 81, createdAgo: 2 * DAYS, changeCause: 'argocd: order-api 5.9.2', template: { containers: [container({ image: apiImage, ports: [8080], cpu: '750m', memory: '1Gi', env: [{ name: 'SPRING_ARTEMIS_BROKER_URL', value: 'tcp://artemis-0.artemis-headless.orders.svc.cluster.local:61616' }], readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, timeoutSeconds: 5, failureThreshold: 6 }) })] } },
    ],
    pods: [
      { revision: 81, node: names[0] ?? '', createdAgo: 2 * DAYS, ready: false, containers: { app: running({ sinceAgo: 2 * DAYS, ready: false }) } },
      { revision: 81, node: names[1] ?? '', createdAgo: 2 * DAYS - 1, ready: false, containers: { app: running({ sinceAgo: 2 * DAYS - 1, ready: false }) } },
      { revision: 81, node: names[2] ?? '', createdAgo: 2 * DAYS - 2 },
    ],
    settled: { available: false, availableSince: 9, progressingSince: 2 * DAYS, progressingUpdatedAgo: 2 * DAYS - 3 },
  });
  const bpod = podOf(broker, 0);
  const brokerLog = lines(
    `${l4jTime(12 * DAYS - 0.5)} INFO  [org.apache.activemq.artemis.core.server] AMQ221007: Server is now active`,
    `${l4jTime(12 * DAYS - 0.5)} INFO  [org.apache.activemq.artemis.core.server] AMQ221001: Apache ActiveMQ Artemis Message Broker version 2.37.0 [artemis-0, nodeID=3c1f5a2e-9b7d-11ef-8f21-0a58a9feac02]`,
    ...[0, 1, 2].map((i) => `${l4jTime(58.1 - i * 0.05)} WARN  [org.apache.activemq.artemis.core.server] AMQ222061: Client connection failed, clearing up resources for session ${uidOf(`artemis-session-${i}`)}`),
    ...[0, 1, 2].map((i) => `${l4jTime(58 - i * 0.05)} WARN  [org.apache.activemq.artemis.core.server] AMQ222107: Cleared up resources for session ${uidOf(`artemis-session-${i}`)}`),
    `${l4jTime(19.2)} WARN  [org.apache.activemq.artemis.core.server] AMQ222183: Blocking message production on address 'orders.created'; size is currently: 104857911 bytes; max-size-bytes on address: 104857600, global-size is currently: 106311420 bytes; max-global-size: 536870912 bytes`,
    `${l4jTime(11.7)} INFO  [org.apache.activemq.artemis.core.server] AMQ221046: Unblocking message production on address 'orders.created'; size is currently: 104849112 bytes; max-size-bytes on address: 104857600`,
    `${l4jTime(11.7)} WARN  [org.apache.activemq.artemis.core.server] AMQ222183: Blocking message production on address 'orders.created'; size is currently: 104858302 bytes; max-size-bytes on address: 104857600, global-size is currently: 106312890 bytes; max-global-size: 536870912 bytes`,
  );
  const apiLog = (k: number) => lines(
    `${at(2 * DAYS - k - 0.4)}  INFO 1 --- [order-api] [           main] c.acme.orders.OrderApiApplication        : Started OrderApiApplication in 18.204 seconds (process running for 19.6)`,
    `${at(25 + k)}  INFO 1 --- [order-api] [nio-8080-exec-4] c.acme.orders.web.OrderController        : order created id=ord_9X${k}F21 total=129.90 EUR took=41ms`,
    ...Array.from({ length: 6 }, (_, i) => `${at(18.5 - i * 2.7 - k * 0.2)}  WARN 1 --- [order-api] [io-8080-exec-${40 + i * 23 + k}] o.a.a.a.c.c.impl.ClientProducerCreditsImpl : AMQ212054: Destination address=orders.created is blocked. If the system is configured to block make sure you consume messages on this configuration.`),
    ...Array.from({ length: 3 }, (_, i) => `${at(9 - i * 3 - k * 0.2)}  WARN 1 --- [order-api] [io-8080-exec-${12 + i}] c.acme.orders.web.RequestTimingFilter    : POST /v1/orders completed status=503 took=${30004 + i * 11}ms (client gone: java.io.IOException: Broken pipe)`),
    `${at(0.7)}  WARN 1 --- [order-api] [nio-8080-Poller] o.apache.tomcat.util.threads.ThreadPoolExecutor : Thread pool [http-nio-8080-exec] busy: 200 of 200 threads in use, ${140 + k * 12} queued`,
  );
  return {
    id: 'heldout47-artemis-address-full-block-consumer-zero',
    class: 'capacity',
    truth: 'An hour ago order-fulfillment-worker, the only consumer of the Artemis queue orders.created, was scaled to 0 replicas by mistake (kubectl scale in the wrong namespace). The orders.# address-setting has max-size-bytes 100 MiB with address-full-policy BLOCK, so once the backlog filled the address the broker started blocking producers (AMQ222183) and order-api\'s JMS sends block (AMQ212054); its request threads hang until the pool is exhausted, requests time out and readiness fails. Fix: scale order-fulfillment-worker back up.',
    ask: { service: 'order-api', namespace: ns },
    objects: [
      ...nodes, ...broker.objects, ...worker.objects, ...api.objects, cfg,
      service({ namespace: ns, name: 'artemis-headless', selector: { app: 'artemis' }, headless: true, ports: [{ name: 'core', port: 61616, targetPort: 'core' }] }),
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: api.pods }),
      event({ on: { kind: 'Deployment', ...(workerDep.metadata === undefined ? {} : { metadata: workerDep.metadata }) }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled down replica set ${rsOf(worker, 27)} from 3 to 0`, firstAgo: 58, lastAgo: 58, component: 'deployment-controller' }),
      ...api.pods.slice(0, 2).map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP ?? ''}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 44 - k * 6, firstAgo: 10 - k, lastAgo: 0.3 })),
    ],
    logs: [
      logsFor(bpod, 'artemis', { current: brokerLog }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/block|address.?full|AMQ222183|AMQ212054|max-size/i],
      facts: [/order-fulfillment-worker/, /\b0 replicas|to 0\b|replicas:? ?0|no consumers?|scaled (down )?to (zero|0)/i, /artemis|orders\.created/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /liveness/i],
    },
  };
}

// ---- 5. Postgres restored without pgvector -----------------------------------------------------

function pgvectorMissingAfterRestore(): CorpusScenario {
  const ns = 'knowledge';
  const { nodes, names } = threeEksNodes('10.0.109', ['8', '131', '247']);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const db = statefulSetApp({
    namespace: ns,
    name: 'kb-postgres',
    replicas: 1,
    serviceName: 'kb-postgres',
    createdAgo: 82,
    revisions: [{ revision: 1, createdAgo: 82, template: { containers: [container({ name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi', readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 }, liveness: null, volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi' }],
    pods: [{ revision: 1, ordinal: 0, node: names[1] ?? '', createdAgo: 81 }],
  });
  const dbPod = podOf(db, 0);
  const restoreImage = 'docker.io/library/postgres:16.4-bookworm';
  const restore = job({
    namespace: ns,
    name: 'kb-postgres-restore-20261121',
    createdAgo: 76,
    backoffLimit: 0,
    template: { containers: [batchContainer({ name: 'restore', image: restoreImage, command: ['/bin/bash', '/scripts/restore.sh'], env: [{ name: 'PGHOST', value: 'kb-postgres.knowledge.svc.cluster.local' }, { name: 'DUMP', value: 's3://acme-pg-backups/kb-postgres/kb-2026-11-21T0100Z.dump' }], volumeMounts: [{ name: 'scripts', mountPath: '/scripts' }] })], volumes: [{ name: 'scripts', configMap: { name: 'kb-postgres-restore-script' } }] },
    pods: [{ node: names[0] ?? '', createdAgo: 76, phase: 'Succeeded', containers: { restore: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(75.8), finishedAt: ago(59), containerID: 'containerd://5e1b0c7aa0f2e3d4' } }, ready: false, restartCount: 0, started: false } } }],
    outcome: { complete: true, ago: 58.9 },
  });
  const script = configMap({
    namespace: ns, name: 'kb-postgres-restore-script', createdAgo: 90,
    data: { 'restore.sh': 'set -x\naws s3 cp "$DUMP" /tmp/kb.dump\ncreatedb -h "$PGHOST" -U postgres kb || true\npg_restore -h "$PGHOST" -U postgres -d kb --no-owner --jobs=4 /tmp/kb.dump || echo "pg_restore finished with errors (exit $?), see above"\npsql -h "$PGHOST" -U postgres -d kb -c "ANALYZE"\n' },
  });
  const restoreLog = lines(
    '+ aws s3 cp s3://acme-pg-backups/kb-postgres/kb-2026-11-21T0100Z.dump /tmp/kb.dump',
    'download: s3://acme-pg-backups/kb-postgres/kb-2026-11-21T0100Z.dump to ../tmp/kb.dump',
    '+ createdb -h kb-postgres.knowledge.svc.cluster.local -U postgres kb',
    '+ pg_restore -h kb-postgres.knowledge.svc.cluster.local -U postgres -d kb --no-owner --jobs=4 /tmp/kb.dump',
    'pg_restore: error: could not execute query: ERROR:  extension "vector" is not available',
    'DETAIL:  Could not open extension control file "/usr/share/postgresql/16/extension/vector.control": No such file or directory.',
    'HINT:  The extension must first be installed on the system where PostgreSQL is running.',
    'Command was: CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;',
    'pg_restore: error: could not execute query: ERROR:  extension "vector" does not exist',
    'Command was: COMMENT ON EXTENSION vector IS \'vector data type and ivfflat and hnsw access methods\';',
    'pg_restore: error: could not execute query: ERROR:  type "public.vector" does not exist',
    'LINE 4:     embedding public.vector(1536) NOT NULL,',
    '                      ^',
    'Command was: CREATE TABLE public.chunk_embeddings (',
    '    chunk_id bigint NOT NULL,',
    '    model text NOT NULL,',
    '    embedding public.vector(1536) NOT NULL,',
    '    created_at timestamp with time zone DEFAULT now() NOT NULL',
    ');',
    'pg_restore: error: could not execute query: ERROR:  relation "public.chunk_embeddings" does not exist',
    'Command was: COPY public.chunk_embeddings (chunk_id, model, embedding, created_at) FROM stdin;',
    'pg_restore: error: could not execute query: ERROR:  relation "public.chunk_embeddings" does not exist',
    'Command was: CREATE INDEX chunk_embeddings_hnsw ON public.chunk_embeddings USING hnsw (embedding public.vector_cosine_ops) WITH (m=\'16\', ef_construction=\'64\');',
    'pg_restore: warning: errors ignored on restore: 5',
    '+ echo \'pg_restore finished with errors (exit 1), see above\'',
    'pg_restore finished with errors (exit 1), see above',
    '+ psql -h kb-postgres.knowledge.svc.cluster.local -U postgres -d kb -c ANALYZE',
    'ANALYZE',
  );
  const dbLog = lines(
    `${pgTime(80.6)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgTime(80.6)} [1] LOG:  database system is ready to accept connections`,
    `${pgTime(74.9)} [71] ERROR:  extension "vector" is not available`,
    `${pgTime(74.9)} [71] DETAIL:  Could not open extension control file "/usr/share/postgresql/16/extension/vector.control": No such file or directory.`,
    `${pgTime(74.9)} [71] STATEMENT:  CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;`,
    `${pgTime(74.8)} [73] ERROR:  type "public.vector" does not exist at character 98`,
    `${pgTime(66.2)} [1] LOG:  checkpoints are occurring too frequently (21 seconds apart)`,
    `${pgTime(4.1)} [8812] ERROR:  type "vector" does not exist at character 8`,
    `${pgTime(4.1)} [8812] STATEMENT:  SELECT NULL::vector`,
  );
  const appImage = (v: string) => `${ECR}/knowledge/kb-api:${v}`;
  const app = deploymentApp({
    namespace: ns,
    name: 'kb-api',
    replicas: 2,
    revisions: [
      { revision: 22, createdAgo: 15 * DAYS, changeCause: 'argocd: kb-api 1.31.0', template: { containers: [container({ image: appImage('1.31.0'), ports: [8000] })] } },
      { revision: 23, createdAgo: 2 * DAYS, changeCause: 'argocd: kb-api 1.31.1', template: { containers: [container({ image: appImage('1.31.1'), ports: [8000], cpu: '500m', memory: '1Gi', env: [{ name: 'DATABASE_URL', value: 'postgresql://kb_app@kb-postgres.knowledge.svc.cluster.local:5432/kb' }, { name: 'EMBEDDING_MODEL', value: 'text-embedding-3-small' }], readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }) })] } },
    ],
    pods: [0, 1].map((k) => ({ revision: 23, node: names[k + 1] ?? '', createdAgo: 2 * DAYS - k })),
  });
  const appLog = (k: number) => lines(
    `INFO:     Started server process [1]`,
    `INFO:     Application startup complete.`,
    `INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)`,
    `${pyTime(63 + k)} WARNING kb.db: database connection lost (server closed the connection unexpectedly), reconnecting`,
    `${pyTime(57 + k)} INFO kb.db: connected to kb-postgres.knowledge.svc.cluster.local:5432/kb (PostgreSQL 16.4)`,
    ...Array.from({ length: 3 }, (_, i) => [
      `${pyTime(40 - i * 12 - k)} ERROR kb.api.search: semantic search failed q_len=${34 + i * 9} user=u_${4410 + i + k}`,
      'Traceback (most recent call last):',
      '  File "/app/kb/api/search.py", line 58, in semantic_search',
      '    register_vector(conn)',
      '  File "/usr/local/lib/python3.12/site-packages/pgvector/psycopg/__init__.py", line 22, in register_vector',
      '    raise psycopg.ProgrammingError(\'vector type not found in the database\')',
      'psycopg.ProgrammingError: vector type not found in the database',
      `INFO:     10.0.109.${30 + i}:51${120 + i} - "POST /v1/search HTTP/1.1" 500 Internal Server Error`,
    ].join('\n')),
    `INFO:     10.0.109.41:52388 - "GET /v1/documents?space=eng&page=2 HTTP/1.1" 200 OK`,
    `INFO:     10.0.109.7:49310 - "GET /v1/documents/doc_88121 HTTP/1.1" 200 OK`,
    `INFO:     ${podOf(app, k).status?.hostIP ?? ''}:40122 - "GET /healthz HTTP/1.1" 200 OK`,
  );
  return {
    id: 'heldout47-pgvector-missing-after-restore',
    class: 'config',
    truth: 'kb-postgres was rebuilt as a fresh instance on the stock postgres:16.4 image and filled by the kb-postgres-restore-20261121 Job an hour ago. The image has no pgvector, so CREATE EXTENSION vector failed (extension "vector" is not available) and the chunk_embeddings table with its vector column was never restored; the restore script swallowed pg_restore\'s errors. kb-api\'s semantic search now fails (vector type not found / type "vector" does not exist) while the rest of the app works. Fix: run Postgres from a pgvector image, CREATE EXTENSION vector and restore chunk_embeddings.',
    ask: { service: 'kb-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...restore.objects, ...app.objects, script,
      service({ namespace: ns, name: 'kb-postgres', selector: { app: 'kb-postgres' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], createdAgo: 300 * DAYS }),
      ...exposed({ namespace: ns, name: 'kb-api', selector: { app: 'kb-api' }, pods: app.pods }),
      ...startedNormally(dbPod, 'postgres', pgImage, 81),
      jobEvent(restore.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(restore.pods[0])}`, 76),
      jobEvent(restore.objects[0], 'Completed', 'Job completed', 58.9),
    ],
    logs: [
      logsFor(restore.pods[0], 'restore', { current: restoreLog }),
      logsFor(dbPod, 'postgres', { current: dbLog }),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pgvector|vector (type|extension)|extension "?vector|type "?(public\.)?vector/i],
      facts: [/restore/i, /CREATE EXTENSION|not available|vector\.control/i, /kb-postgres/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /kb-api[^\n]*1\.31\.1[^\n]*(caused|broke)/i],
    },
  };
}

// ---- 6. Grafana Alloy pushes rejected by Loki with 429 ----------------------------------------

function alloyLoki429DebugLogging(): CorpusScenario {
  const ns = 'observability';
  const { nodes, names } = threeEksNodes('10.0.142', ['15', '96', '188']);
  const alloyImage = (v: string) => `docker.io/grafana/alloy:${v}`;
  const tpl = (v: string) => ({
    serviceAccountName: 'alloy-logs',
    tolerations: [{ operator: 'Exists' }],
    containers: [container({
      name: 'alloy', image: alloyImage(v), args: ['run', '/etc/alloy/config.alloy', '--storage.path=/tmp/alloy', '--server.http.listen-addr=0.0.0.0:12345', '--stability.level=generally-available'],
      ports: [{ name: 'http-metrics', containerPort: 12345 }], cpu: '100m', memory: '256Mi', memoryLimit: '512Mi',
      readiness: httpProbe('/-/ready', 12345), liveness: null,
      volumeMounts: [{ name: 'config', mountPath: '/etc/alloy' }, { name: 'varlog', mountPath: '/var/log', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'alloy-logs' } }, { name: 'varlog', hostPath: { path: '/var/log', type: '' } }],
  });
  const ds = daemonSetApp({
    namespace: ns,
    name: 'alloy-logs',
    revisions: [{ revision: 6, createdAgo: 26 * DAYS, template: tpl('v1.4.2') }, { revision: 7, createdAgo: 5 * DAYS, template: tpl('v1.4.3') }],
    pods: names.map((n, i) => ({ revision: 7, node: n, createdAgo: 5 * DAYS - i * 2 })),
  });
  const cfg = configMap({
    namespace: ns, name: 'alloy-logs', createdAgo: 90 * DAYS, updatedAgo: 26 * DAYS,
    data: { 'config.alloy': 'discovery.kubernetes "pods" {\n  role = "pod"\n}\n\nloki.source.kubernetes "pods" {\n  targets    = discovery.relabel.pods.output\n  forward_to = [loki.write.default.receiver]\n}\n\nloki.write "default" {\n  endpoint {\n    url                 = "http://loki-gateway.observability.svc.cluster.local/loki/api/v1/push"\n    max_backoff_retries = 10\n    retry_on_http_429   = true\n  }\n}\n' },
  });
  const cartImage = (v: string) => `${ECR}/checkout/cart-service:${v}`;
  const cart = deploymentApp({
    namespace: 'checkout',
    name: 'cart-service',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 12 * DAYS, changeCause: 'argocd: cart-service 8.2.0', template: { containers: [container({ image: cartImage('8.2.0'), env: [{ name: 'LOG_LEVEL', value: 'info' }] })] } },
      { revision: 41, createdAgo: 3 * HOURS + 10, changeCause: 'kubectl set env deployment/cart-service LOG_LEVEL=debug (INC-7712 investigation)', template: { containers: [container({ image: cartImage('8.2.0'), env: [{ name: 'LOG_LEVEL', value: 'debug' }] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 3 * HOURS + 9 - k })),
  });
  const cartPod = podOf(cart, 0);
  const stream = `{app=\\"cart-service\\", container=\\"app\\", namespace=\\"checkout\\", pod=\\"${nameOf(cartPod)}\\"}`;
  const host = 'loki-gateway.observability.svc.cluster.local:80';
  const alloyLog = (k: number) => {
    const out: string[] = [
      `ts=${at(5 * DAYS - k * 2 - 0.2)} level=info msg="now listening for http traffic" service=http addr=0.0.0.0:12345`,
      `ts=${at(5 * DAYS - k * 2 - 0.2)} level=info msg="finished complete graph evaluation" controller_path=/ controller_id="" trace_id=9c1b${k}e0f duration=41.2ms`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 170 - i * 14.2 - k * 0.6;
      out.push(i % 2 === 0
        ? `ts=${at(t)} level=warn msg="error sending batch, will retry" component_path=/ component_id=loki.write.default component=client host=${host} status=429 tenant="" error="server returned HTTP status 429 Too Many Requests (429): Per stream rate limit exceeded (limit: 3MB/sec) while attempting to ingest for stream '${stream}' totaling ${1046000 + i * 311}B, consider splitting a stream via additional labels or contact your Loki administrator to see if the limit can be increased"`
        : `ts=${at(t)} level=warn msg="error sending batch, will retry" component_path=/ component_id=loki.write.default component=client host=${host} status=429 tenant="" error="server returned HTTP status 429 Too Many Requests (429): Ingestion rate limit exceeded for user fake (limit: 4194304 bytes/sec) while attempting to ingest '${5100 + i * 37}' lines totaling '${1048000 + i * 97}' bytes, reduce log volume or contact your Loki administrator to see if the limit can be increased"`);
      if (i % 3 === 1) out.push(`ts=${at(t - 0.3)} level=error msg="final error sending batch" component_path=/ component_id=loki.write.default component=client host=${host} status=429 tenant="" error="server returned HTTP status 429 Too Many Requests (429): Ingestion rate limit exceeded for user fake (limit: 4194304 bytes/sec) while attempting to ingest '${5200 + i * 41}' lines totaling '${1048200 + i * 53}' bytes, reduce log volume or contact your Loki administrator to see if the limit can be increased"`);
    }
    return lines(...out);
  };
  const cartLog = lines(
    ...Array.from({ length: 10 }, (_, i) => `{"level":"debug","ts":"${at(0.9 - i * 0.01)}","caller":"cart/repository.go:${112 + i}","msg":"redis command","cmd":"HGETALL","key":"cart:c_${88120 + i}","took_us":${210 + i * 13},"payload_bytes":${2048 + i * 311}}`),
  );
  return {
    id: 'heldout47-alloy-loki-429-debug-logging',
    class: 'capacity',
    truth: 'About three hours ago the checkout team set LOG_LEVEL=debug on cart-service (revision 41) for an incident investigation. Its log volume pushes the cluster\'s Loki tenant past its per-stream (3MB/s) and ingestion (4MB/s) rate limits, so Loki answers the alloy-logs DaemonSet\'s pushes with 429 Too Many Requests; Alloy retries and, after max_backoff_retries, drops batches ("final error sending batch"), so logs of every namespace are missing in Grafana. The Alloy pods themselves are healthy. Fix: turn cart-service back to info (or raise/split the Loki limits).',
    ask: { service: 'alloy-logs', namespace: ns },
    objects: [
      ...nodes, ...ds.objects, ...cart.objects, cfg,
      ...exposed({ namespace: 'checkout', name: 'cart-service', selector: { app: 'cart-service' }, pods: cart.pods }),
      scaledReplicaSet(deploymentOf(cart), rsOf(cart, 41), 3, 0, 3 * HOURS + 10),
    ],
    logs: [
      ...ds.pods.map((p, k) => logsFor(p, 'alloy', { current: alloyLog(k) })),
      logsFor(cartPod, 'app', { current: cartLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/429|rate.?limit|Too Many Requests/i],
      facts: [/Loki/i, /cart-service|debug/i, /drop|final error|lost|discard/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /v1\.4\.3[^\n]*(caused|broke)/i],
    },
  };
}

// ---- 7. Healthy: certificate expiry warnings and a restart from a node reboot ------------------

function healthyCertWarningNodeReboot(): CorpusScenario {
  const ns = 'edge';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const names = ['10.0.21.14', '10.0.21.152', '10.0.21.233'].map(eksNodeName);
  const nodes = names.map((n, i) => node({ name: n, zone: zones[i] ?? 'eu-west-1a', ...(i === 1 ? { readySince: 7 * DAYS + 40 } : {}) }));
  const image = `${ECR}/edge/partner-gateway:2.11.4`;
  const tpl = {
    containers: [container({
      image, ports: [{ name: 'https', containerPort: 8443 }], cpu: '250m', memory: '256Mi',
      env: [{ name: 'TLS_CERT_DIR', value: '/var/run/tls' }, { name: 'TLS_EXPIRY_WARN_DAYS', value: '30' }],
      readiness: httpProbe('/readyz', 'https', { httpGet: { path: '/readyz', port: 'https', scheme: 'HTTPS' } }),
      liveness: httpProbe('/livez', 'https', { httpGet: { path: '/livez', port: 'https', scheme: 'HTTPS' }, initialDelaySeconds: 5 }),
      volumeMounts: [{ name: 'tls', mountPath: '/var/run/tls', readOnly: true }],
    })],
    volumes: [{
      name: 'tls',
      csi: {
        driver: 'csi.cert-manager.io', readOnly: true,
        volumeAttributes: {
          'csi.cert-manager.io/issuer-name': 'vault-partner-pki', 'csi.cert-manager.io/issuer-kind': 'ClusterIssuer',
          'csi.cert-manager.io/dns-names': 'partner-gw.acme.example,partner-gateway.edge.svc.cluster.local',
          'csi.cert-manager.io/duration': '1080h', 'csi.cert-manager.io/renew-before': '360h',
        },
      },
    }],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'partner-gateway',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 41 * DAYS, changeCause: 'argocd: partner-gateway 2.11.3', template: { ...tpl, containers: [{ ...tpl.containers[0], image: `${ECR}/edge/partner-gateway:2.11.3` } as k8s.V1Container] } },
      { revision: 9, createdAgo: 20 * DAYS, changeCause: 'argocd: partner-gateway 2.11.4', template: tpl },
    ],
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 20 * DAYS },
      { revision: 9, node: names[1] ?? '', createdAgo: 20 * DAYS - 1, containers: { app: running({ sinceAgo: 7 * DAYS + 38, restarts: 1, last: { exitCode: 255, reason: 'Unknown', finishedAgo: 7 * DAYS + 46, ranSeconds: 13 * DAYS * 60 } }) } },
      { revision: 9, node: names[2] ?? '', createdAgo: 20 * DAYS - 2 },
    ],
  });
  const other = bystander(ns, 'edge-ratelimiter', names, 9 * DAYS, { revisions: [14, 15], versions: ['0.9.2', '0.9.3'], olderAgo: 30 * DAYS });
  const notAfter = (k: number) => new Date(ago(20 * DAYS - k).getTime() + 1080 * 3600_000);
  const midnights = [4, 3, 2, 1, 0].map((d) => 3 * HOURS + 14 + d * DAYS); // 00:00 UTC, the daily check
  const appLog = (k: number, sinceAgo: number) => lines(
    `{"time":"${at(sinceAgo - 0.1)}","level":"INFO","msg":"partner-gateway starting","version":"2.11.4","addr":":8443"}`,
    `{"time":"${at(sinceAgo - 0.1)}","level":"INFO","msg":"loaded serving certificate","subject":"CN=partner-gw.acme.example","issuer":"CN=Acme Partner Issuing CA 2","not_after":"${notAfter(k).toISOString()}"}`,
    ...midnights.filter((m) => m < sinceAgo).map((m) => {
      const left = Math.floor((notAfter(k).getTime() - ago(m).getTime()) / (DAYS * 60_000));
      return `{"time":"${at(m)}","level":"WARN","msg":"serving certificate expires soon","subject":"CN=partner-gw.acme.example","not_after":"${notAfter(k).toISOString()}","days_left":${left},"warn_threshold_days":30}`;
    }),
    ...Array.from({ length: 4 }, (_, i) => `{"time":"${at(6 - i * 1.3 - k * 0.1)}","level":"INFO","msg":"request","method":"POST","path":"/partner/v1/shipments","partner":"dhl-eu","status":202,"duration_ms":${31 + i * 4 + k}}`),
  );
  const rebooted = podOf(app, 1);
  return {
    id: 'heldout47-healthy-cert-expiry-warning-node-reboot',
    class: 'healthy',
    truth: 'partner-gateway is healthy. Its serving certificate comes from the cert-manager csi-driver (duration 1080h, renew-before 360h), so the certificate that expires in 25 days is renewed automatically in about 10 days; the daily "expires soon" warning only reflects the app\'s own 30-day threshold. The single restart (exit 255, Unknown) is from the kernel-patch reboot of one node a week ago.',
    ask: { service: 'partner-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'partner-gateway', selector: { app: 'partner-gateway' }, pods: app.pods, ports: [{ name: 'https', port: 443, targetPort: 'https' }], endpointPort: 8443 }),
      ...exposed({ namespace: ns, name: 'edge-ratelimiter', selector: { app: 'edge-ratelimiter' }, pods: other.pods }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', {
        current: appLog(k, k === 1 ? 7 * DAYS + 38 : 20 * DAYS - k),
        ...(p === rebooted ? { previous: lines(`{"time":"${at(7 * DAYS + 47)}","level":"INFO","msg":"request","method":"POST","path":"/partner/v1/shipments","partner":"ups-de","status":202,"duration_ms":29}`) } : {}),
      })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active )?(problems?|issues?)|nothing (is )?wrong|running normally/i],
      facts: [/partner-gateway/],
      never: [/(renew|rotate|replace|reissue) (the )?(TLS |serving )?cert/i, /cert(ificate)?[^\n]{0,40}(expir)[^\n]{0,40}(cause|fail|problem|outage)/i, /crash ?loop/i, /\bOOM/, /reboot[^\n]{0,40}(cause|problem|fail)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  hpaScaleUpDisabledSinceFreeze(),
  serviceProtocolUdp(),
  jdk17InaccessibleObject(),
  artemisBlockConsumerScaledToZero(),
  pgvectorMissingAfterRestore(),
  alloyLoki429DebugLogging(),
  healthyCertWarningNodeReboot(),
];
