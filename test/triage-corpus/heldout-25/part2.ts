// Held-out stories, twenty-fifth round, part two: failures written without reading the analysis
// code, to measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general.
//
// A revision that put the whole Spring Boot app behind OIDC login, health endpoints included, so
// the kubelet's probes get 401 and the new pods never turn ready; a revision whose memory limit is
// four times its request where the namespace's LimitRange allows two, so its ReplicaSet cannot
// create a single pod; a revision that added HTTP_PROXY/HTTPS_PROXY for a carrier's API without
// NO_PROXY, sending in-cluster calls to the corporate Squid, which refuses them (403); a revision
// whose 15 GB image is still being pulled on every node when the progress deadline passed; the EBS
// CSI node plugin crash-looping on one new Karpenter node (IMDS hop limit), so the StatefulSet pod
// scheduled there cannot mount its volume; a key renamed in a shared ConfigMap read through an
// optional configMapKeyRef, so the pods the HPA added since fall back to localhost:9092; and a
// healthy control: a Postgres StatefulSet whose replica was killed by its liveness probe two hours
// ago during the nightly base backup, Ready and clean since.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, ago, at, backOff, batchContainer, boundClaim, clfTime, configMap, container, crashLoop, cronJob, daemonSetApp,
  deploymentApp, epochMs, event, execProbe, exposed, hpa, httpProbe, limitRange, nameOf, networkPolicy, node,
  nodeEvent, probeFailed, probeKilling, pulledFresh, pyTime, replicaSetOf, resourceQuota, restartedAgain, rsOf, running,
  scaledReplicaSet, scheduled, service, endpointSliceFor, startedNormally, statefulSetApp, terminated, volumeOf, waiting,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

// ---- small helpers ------------------------------------------------------------------------------

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

function deploymentOf(app: Built): KubeJson {
  const d = app.objects.find((o) => o.kind === 'Deployment');
  if (d === undefined) throw new Error('no Deployment');
  return d;
}

const p2 = (n: number, w = 2): string => String(n).padStart(w, '0');

/** klog's header time: `1121 03:11:02.114301`. */
function klog(minutes: number, micro = 0): string {
  const d = ago(minutes);
  return `${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${p2(d.getUTCMilliseconds(), 3)}${p2(micro % 1000, 3)}`;
}

/** gunicorn's own log time: `2026-11-21 02:27:12 +0000`. */
const gTime = (minutes: number): string => `${at(minutes).slice(0, 19).replace('T', ' ')} +0000`;

/** Postgres' log_line_prefix time: `2026-11-21 01:13:02.118 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');

const hostIpOf = (p: k8s.V1Pod): string => p.status?.hostIP ?? '10.0.0.1';
const podIpOf = (p: k8s.V1Pod): string => p.status?.podIP ?? '10.0.0.1';

// ---- 1. a revision puts the whole app, health endpoints included, behind OIDC login ---------------

function probesBehindOidcLogin(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.44');
  const image = (v: string) => `${ECR}/billing/invoice-portal:${v}`;
  const tpl = (v: string, sso: boolean) => ({
    containers: [
      container({
        image: image(v),
        ports: [8080],
        cpu: '500m',
        memory: '1Gi',
        env: [
          { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError' },
          { name: 'SPRING_PROFILES_ACTIVE', value: sso ? 'prod,sso' : 'prod' },
          { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://billing-db.billing.svc.cluster.local:5432/invoices' },
          ...(sso
            ? [
                { name: 'SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI', value: 'https://login.acme-corp.com/realms/finance' },
                { name: 'SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES', value: 'invoice-portal' },
              ]
            : []),
        ],
        readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 10, failureThreshold: 3 }),
        liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 90, periodSeconds: 10, failureThreshold: 3 }),
      }),
    ],
    terminationGracePeriodSeconds: 30,
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-portal',
    replicas: 4,
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: invoice-portal 3.7.4', template: tpl('3.7.4', false) },
      { revision: 19, createdAgo: 26, changeCause: 'argocd: invoice-portal 3.8.0', template: tpl('3.8.0', true) },
    ],
    pods: [
      { revision: 18, node: names[0] ?? '', createdAgo: 9 * DAYS },
      // An old restart: the JVM exited on OutOfMemoryError four days ago, once.
      { revision: 18, node: names[1] ?? '', createdAgo: 9 * DAYS - 2, containers: { app: running({ sinceAgo: 4 * DAYS, restarts: 1, last: { exitCode: 3, finishedAgo: 4 * DAYS + 0.2, ranSeconds: 5 * 86400 } }) } },
      { revision: 18, node: names[2] ?? '', createdAgo: 9 * DAYS - 4 },
      { revision: 19, node: names[0] ?? '', createdAgo: 25.6, ready: false, containers: { app: running({ sinceAgo: 1.4, ready: false, restarts: 6, last: { exitCode: 143, finishedAgo: 1.5, ranSeconds: 121 } }) } },
      { revision: 19, node: names[2] ?? '', createdAgo: 25.5, containers: { app: crashLoop({ exitCode: 143, finishedAgo: 2.8, ranSeconds: 120 }, 6) } },
    ],
  });
  const [fresh1, fresh2] = [podOf(app, 3), podOf(app, 4)];
  const other = bystander(ns, 'invoice-notifier', names, 41, { revisions: [7, 8], versions: ['1.4.0', '1.4.1'], olderAgo: 20 * DAYS });
  const fp = 'spec.containers{app}';
  const probeEvents = (p: k8s.V1Pod, atAgo: number, restarts: number): k8s.CoreV1Event[] => [
    ...pulledFresh(p, 'app', image('3.8.0'), { atAgo, bytes: 212_448_913, seconds: 4.87 }),
    ...restartedAgain(p, 'app', image('3.8.0'), { count: restarts + 1, firstAgo: atAgo - 0.2, lastAgo: 1.5 }).filter((e) => e.reason !== 'Pulled'),
    event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image('3.8.0')}" already present on machine`, count: restarts, firstAgo: atAgo - 2.4, lastAgo: 1.5, fieldPath: fp }),
    probeFailed(p, 'app', 'Readiness', `Get "http://${podIpOf(p)}:8080/actuator/health/readiness": dial tcp ${podIpOf(p)}:8080: connect: connection refused`, { count: 14, firstAgo: atAgo - 0.1, lastAgo: 1.2 }),
    probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 401', { count: 97, firstAgo: atAgo - 0.5, lastAgo: 0.1 }),
    probeFailed(p, 'app', 'Liveness', 'HTTP probe failed with statuscode: 401', { count: 18, firstAgo: atAgo - 1.6, lastAgo: 1.6 }),
    probeKilling(p, 'app', 'liveness', { count: 6, firstAgo: atAgo - 2, lastAgo: 1.6 }),
  ];
  const spring = (m: number, thread: string, logger: string, msg: string, level = 'INFO') => `${at(m)} ${level.padStart(5)} 1 --- [invoice-portal] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
  const boot = (m: number, p: k8s.V1Pod) => [
    spring(m, 'main', 'c.a.billing.InvoicePortalApplication', 'Starting InvoicePortalApplication v3.8.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
    spring(m - 0.01, 'main', 'c.a.billing.InvoicePortalApplication', 'The following 2 profiles are active: "prod", "sso"'),
    spring(m - 0.08, 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
    spring(m - 0.2, 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
    spring(m - 0.3, 'main', 'o.s.s.web.DefaultSecurityFilterChain', 'Will secure any request with filters: DisableEncodeUrlFilter, WebAsyncManagerIntegrationFilter, SecurityContextHolderFilter, HeaderWriterFilter, CorsFilter, LogoutFilter, BearerTokenAuthenticationFilter, RequestCacheAwareFilter, SecurityContextHolderAwareRequestFilter, AnonymousAuthenticationFilter, ExceptionTranslationFilter, AuthorizationFilter'),
    spring(m - 0.33, 'main', 'o.s.b.a.e.web.EndpointLinksResolver', "Exposing 1 endpoint beneath base path '/actuator'"),
    spring(m - 0.35, 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
    spring(m - 0.36, 'main', 'c.a.billing.InvoicePortalApplication', 'Started InvoicePortalApplication in 21.604 seconds (process running for 22.871)'),
    ...[0.4, 0.57, 0.73, 0.9, 1.07, 1.23, 1.4, 1.57, 1.73].filter((d) => m - d > 0).map((d) => `${hostIpOf(p)} - - [${clfTime(m - d)}] "GET /actuator/health/readiness HTTP/1.1" 401 - "-" "kube-probe/1.31"`),
    ...[1.4, 1.57, 1.73].filter((d) => m - d > 0).map((d) => `${hostIpOf(p)} - - [${clfTime(m - d - 0.05)}] "GET /actuator/health/liveness HTTP/1.1" 401 - "-" "kube-probe/1.31"`),
  ];
  const shutdown = (m: number) => [
    spring(m, 'ionShutdownHook', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Commencing graceful shutdown. Waiting for active requests to complete'),
    spring(m - 0.01, 'tomcat-shutdown', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Graceful shutdown complete'),
    spring(m - 0.02, 'ionShutdownHook', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Shutdown completed.'),
  ];
  const oldLogs = (p: k8s.V1Pod) => lines(
    `${hostIpOf(p)} - - [${clfTime(2.1)}] "GET /actuator/health/readiness HTTP/1.1" 200 15 "-" "kube-probe/1.31"`,
    `10.0.38.201 - - [${clfTime(1.6)}] "GET /api/v2/invoices?status=open&page=3 HTTP/1.1" 200 18342 "-" "invoice-web/2.31.0"`,
    `10.0.38.201 - - [${clfTime(1.1)}] "POST /api/v2/invoices/INV-2026-118204/send HTTP/1.1" 202 61 "-" "invoice-web/2.31.0"`,
    `${hostIpOf(p)} - - [${clfTime(0.6)}] "GET /actuator/health/liveness HTTP/1.1" 200 15 "-" "kube-probe/1.31"`,
  );
  return {
    id: 'heldout25-health-endpoints-behind-oidc-login',
    class: 'probes',
    truth: 'invoice-portal revision 19 (3.8.0, 26 minutes ago) turned on the "sso" profile: Spring Security as an OAuth2 resource server now requires a bearer token on every request, /actuator/health/* included. The kubelet\'s readiness and liveness probes carry no token and get HTTP 401, so the new pods never become Ready and the liveness probe kills them every two minutes (exit 143, SIGTERM); the rollout is stuck while the three revision-18 pods serve. The JVM, memory and startup time are fine. Fix: permitAll the health endpoints (or move actuator to an unauthenticated management port and probe that), or roll back to revision 18 meanwhile.',
    ask: { service: 'invoice-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-portal', selector: { app: 'invoice-portal' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-notifier', selector: { app: 'invoice-notifier' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 3, 4, 25.7),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 2, 1, 25.6),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 8), 2, 0, 41),
      ...probeEvents(fresh1, 25.6, 6),
      ...probeEvents(fresh2, 25.5, 6),
      backOff(fresh2, 'app', { count: 21, firstAgo: 17, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh1, 'app', { current: lines(...boot(1.4, fresh1)), previous: lines(...boot(3.6, fresh1), ...shutdown(1.55)) }),
      logsFor(fresh2, 'app', { current: lines(...boot(4.8, fresh2), ...shutdown(2.85)), previous: lines(...boot(4.8, fresh2), ...shutdown(2.85)) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: oldLogs(p) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(1.3)}","level":"info","msg":"sent 14 reminder emails","batch":"dunning-d7"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/401|unauthori[sz]ed|authenticat|\bauth\b|sso|oidc/i, /probe|health|readiness|liveness/i],
      facts: [/statuscode: 401|\b401\b/, /actuator\/health/, /revision 19|3\.8\.0/, /permitAll|exempt|unauthenticated|without (auth|a token)|no token|public|management port|separate port|exclude[^\n]*(health|actuator)|allow[^\n]*(health|probe|actuator)/i],
      never: [/\bOOM/, /invoice-notifier/, /(increase|raise)[^\n]*(memory|initialDelay|timeout)/i, /slow(ly)? (to )?(start|boot)/i, /exit(ed)? (code )?3\b/i],
    },
  };
}

// ---- 2. the LimitRange's maxLimitRequestRatio refuses every pod of a new revision ----------------

function limitRangeRatioRefusesRevision(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.120');
  const image = (v: string) => `${ECR}/search/query-gateway:${v}`;
  const tpl = (v: string, memory: string) => ({
    containers: [
      container({
        image: image(v),
        ports: [8080, { name: 'metrics', containerPort: 9090 }],
        cpu: '500m',
        cpuLimit: '2',
        memory,
        memoryLimit: '2Gi',
        env: [{ name: 'GOMEMLIMIT', value: '1800MiB' }, { name: 'OPENSEARCH_URL', value: 'https://opensearch.search.svc.cluster.local:9200' }],
        readiness: httpProbe('/readyz', 8080),
        liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
      }),
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'query-gateway',
    replicas: 4,
    revisions: [
      { revision: 41, createdAgo: 12 * DAYS, changeCause: 'argocd: query-gateway 2.18.3', template: tpl('2.18.3', '1Gi') },
      { revision: 42, createdAgo: 31, changeCause: 'argocd: query-gateway 2.19.0', template: tpl('2.19.0', '512Mi') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({
      revision: 41,
      node: names[k % 3] ?? '',
      createdAgo: 12 * DAYS - k,
      // Noise: one pod restarted once, a day and a half ago (a Go panic on a malformed query, exit 2).
      ...(k === 2 ? { containers: { app: running({ sinceAgo: 36 * 60, restarts: 1, last: { exitCode: 2, finishedAgo: 36 * 60 + 0.1, ranSeconds: 9 * 86400 } }) } } : {}),
    })),
    conditions: [],
  });
  const rsName = rsOf(app, 42);
  const refusal = `pods "${rsName}-" is forbidden: memory max limit to request ratio per Container is 2, but provided ratio is 4.000000`;
  const deployment = deploymentOf(app) as k8s.V1Deployment;
  if (deployment.status) {
    deployment.status.conditions = [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(12 * DAYS), lastTransitionTime: ago(12 * DAYS) },
      { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: refusal, lastUpdateTime: ago(31), lastTransitionTime: ago(31) },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.`, lastUpdateTime: ago(21), lastTransitionTime: ago(21) },
    ];
    deployment.status.updatedReplicas = 0;
  }
  const rs = replicaSetOf(app, 42) as k8s.V1ReplicaSet;
  if (rs.spec) rs.spec.replicas = 1;
  rs.status = { replicas: 0, observedGeneration: 1, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: refusal, lastTransitionTime: ago(31) }] };
  const other = bystander(ns, 'index-writer', names, 44, { revisions: [15, 16], versions: ['0.33.0', '0.34.0'], olderAgo: 30 * DAYS });
  const zap = (m: number, msg: string, extra: string) => `{"level":"info","ts":"${at(m)}","caller":"server/handler.go:88","msg":"${msg}",${extra}}`;
  return {
    id: 'heldout25-limitrange-ratio-refuses-new-revision',
    class: 'capacity',
    truth: 'query-gateway revision 42 (2.19.0, 31 minutes ago) lowered the container\'s memory request from 1Gi to 512Mi and kept the 2Gi limit. The namespace\'s LimitRange container-limits sets maxLimitRequestRatio memory: 2, so admission refuses every pod of the new ReplicaSet ("memory max limit to request ratio per Container is 2, but provided ratio is 4.000000"): no new pod exists, the rollout passed its progress deadline, and the four revision-41 pods keep serving. Quota, nodes and scheduling are fine. Fix: set the memory request back to at least 1Gi (or the limit to at most 1Gi) in the next revision, or roll back to revision 41.',
    ask: { service: 'query-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'query-gateway', selector: { app: 'query-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'index-writer', selector: { app: 'index-writer' }, pods: other.pods }),
      limitRange({
        namespace: ns,
        name: 'container-limits',
        createdAgo: 240 * DAYS,
        // The wire's field name `default` (the TypeScript client calls it `_default`).
        limits: [{ type: 'Container', default: { cpu: '500m', memory: '512Mi' }, defaultRequest: { cpu: '100m', memory: '256Mi' }, max: { cpu: '4', memory: '8Gi' }, maxLimitRequestRatio: { cpu: '4', memory: '2' } } as unknown as k8s.V1LimitRangeItem],
      }),
      resourceQuota({ namespace: ns, name: 'search-compute', createdAgo: 240 * DAYS, hard: { 'requests.cpu': '24', 'requests.memory': '64Gi', 'limits.memory': '96Gi', pods: '60' }, used: { 'requests.cpu': '4250m', 'requests.memory': '9Gi', 'limits.memory': '15Gi', pods: '9' } }),
      scaledReplicaSet(deploymentOf(app), rsName, 1, 0, 31),
      event({ on: rs, reason: 'FailedCreate', message: `Error creating: ${refusal}`, count: 17, firstAgo: 31, lastAgo: 0.7, component: 'replicaset-controller' }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 16), 2, 0, 44),
      // A day-old warning: OpenSearch was slow during yesterday's reindex.
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${podIpOf(podOf(app, 1))}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 4, firstAgo: 22 * 60, lastAgo: 21.8 * 60 }),
    ],
    logs: app.pods.map((p, i) => logsFor(p, 'app', {
      current: lines(
        zap(1.8 - i * 0.1, 'request served', '"method":"POST","path":"/v1/search","status":200,"duration_ms":23,"hits":118'),
        zap(1.2 - i * 0.1, 'request served', '"method":"GET","path":"/v1/suggest","status":200,"duration_ms":7,"hits":10'),
        zap(0.5 - i * 0.1, 'request served', '"method":"POST","path":"/v1/search","status":200,"duration_ms":41,"hits":2031'),
      ),
    })),
    expect: {
      verdict: 'problems',
      headline: [/ratio|LimitRange|container-limits/i],
      facts: [/max limit to request ratio|maxLimitRequestRatio|limit.to.request ratio/i, /512Mi/, /revision 42|2\.19\.0/, /container-limits|LimitRange/, /(raise|increase|restore|set)[^\n]*request|request[^\n]*1Gi|lower[^\n]*limit|roll(ing)? ?back|undo/i],
      never: [/\bOOM/, /exceeded quota|quota[^\n]*(exceeded|exhausted|full)/i, /insufficient (memory|cpu)/i, /index-writer/, /unschedulable|FailedScheduling/i],
    },
  };
}

// ---- 3. HTTP(S)_PROXY added for a carrier API, without NO_PROXY: in-cluster calls hit the proxy ----

function proxyWithoutNoProxy(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.73');
  const image = (v: string) => `${ECR}/fulfilment/shipping-rates:${v}`;
  const proxy = 'http://egress-proxy.corp.acme.net:3128';
  const tpl = (v: string, withProxy: boolean) => ({
    containers: [
      container({
        image: image(v),
        command: ['gunicorn', '--bind=0.0.0.0:8000', '--workers=3', '--threads=4', '--access-logfile=-', 'shipping_rates.wsgi:app'],
        ports: [8000],
        cpu: '300m',
        memory: '384Mi',
        env: [
          { name: 'INVENTORY_URL', value: 'http://inventory.fulfilment.svc.cluster.local:8080' },
          { name: 'PRICING_RULES_URL', value: 'http://pricing-rules.fulfilment.svc.cluster.local' },
          ...(withProxy
            ? [
                { name: 'DHL_API_BASE', value: 'https://express.api.dhl.com/mydhlapi' },
                { name: 'HTTP_PROXY', value: proxy },
                { name: 'HTTPS_PROXY', value: proxy },
              ]
            : [{ name: 'DHL_API_BASE', value: 'https://express.api.dhl.com/mydhlapi/test' }]),
        ],
        readiness: httpProbe('/healthz', 8000),
        liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
      }),
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shipping-rates',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 6 * DAYS, changeCause: 'argocd: shipping-rates 3.2.1', template: tpl('3.2.1', false) },
      { revision: 27, createdAgo: 48, changeCause: 'argocd: shipping-rates 3.3.0', template: tpl('3.3.0', true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 47.5 - k * 0.6 })),
  });
  const inventory = deploymentApp({
    namespace: ns,
    name: 'inventory',
    replicas: 2,
    revisions: [{ revision: 63, createdAgo: 4 * DAYS, changeCause: 'argocd: inventory 7.12.0', template: { containers: [container({ image: `${ECR}/fulfilment/inventory:7.12.0`, ports: [8080], memory: '768Mi' })] } }],
    pods: [{ revision: 63, node: names[0] ?? '', createdAgo: 4 * DAYS }, { revision: 63, node: names[2] ?? '', createdAgo: 4 * DAYS }],
  });
  const other = bystander(ns, 'label-printer', names, 19, { revisions: [11, 12], versions: ['2.0.4', '2.1.0'], olderAgo: 15 * DAYS });
  const py = (m: number, level: string, logger: string, msg: string) => `${pyTime(m)} ${level} [${logger}] ${msg}`;
  const access = (m: number, status: number, bytes: number, path = '/v1/quotes', ua = 'checkout-api/5.12.1') => `10.0.${m > 10 ? 17 : 12}.${Math.round(m * 7) % 200 + 20} - - [${clfTime(m)}] "POST ${path} HTTP/1.1" ${status} ${bytes} "-" "${ua}"`;
  const shippingLogs = (p: k8s.V1Pod, i: number, started: number) => lines(
    `[${gTime(started)}] [1] [INFO] Starting gunicorn 23.0.0`,
    `[${gTime(started)}] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `[${gTime(started)}] [1] [INFO] Using worker: gthread`,
    ...[7, 8, 9].map((pid) => `[${gTime(started - 0.01)}] [${pid}] [INFO] Booting worker with pid: ${pid}`),
    py(started - 0.02, 'INFO', 'shipping_rates.config', `shipping-rates 3.3.0 starting env=production inventory=http://inventory.fulfilment.svc.cluster.local:8080 carrier=https://express.api.dhl.com/mydhlapi`),
    py(started - 0.02, 'INFO', 'shipping_rates.http', `outbound proxy from environment: http=${proxy} https=${proxy} no_proxy=<unset>`),
    ...[6.2, 4.1, 2.3, 0.9].flatMap((m, k) => [
      py(m + i * 0.05, 'INFO', 'shipping_rates.clients.dhl', `rate request ok product=P account=9518**** status=200 elapsed=0.${412 + k * 37}s`),
      py(m + i * 0.05 - 0.002, 'WARNING', 'shipping_rates.clients.inventory', `stock check answered 403 via="1.1 egress-proxy-2 (squid/6.10)" x-squid-error="ERR_ACCESS_DENIED 0" url=http://inventory.fulfilment.svc.cluster.local:8080/v1/stock/check`),
      py(m + i * 0.05 - 0.003, 'ERROR', 'shipping_rates.quote', `quote failed order=ORD-${884120 + k * 17 + i} carrier=dhl-express: 403 Client Error: Forbidden for url: http://inventory.fulfilment.svc.cluster.local:8080/v1/stock/check`),
      ...(k === 2
        ? [
            'Traceback (most recent call last):',
            '  File "/app/shipping_rates/quote.py", line 57, in build_quote',
            '    stock = inventory.check(order.items)',
            '  File "/app/shipping_rates/clients/inventory.py", line 31, in check',
            '    resp.raise_for_status()',
            '  File "/usr/local/lib/python3.12/site-packages/requests/models.py", line 1024, in raise_for_status',
            '    raise HTTPError(http_error_msg, response=self)',
            'requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: http://inventory.fulfilment.svc.cluster.local:8080/v1/stock/check',
            py(m + i * 0.05 - 0.004, 'ERROR', 'shipping_rates.clients.pricing', "pricing rules unavailable, using cached table age=2871s: 403 Client Error: Forbidden for url: http://pricing-rules.fulfilment.svc.cluster.local/v2/rules?market=DE"),
          ]
        : []),
      access(m + i * 0.05 - 0.005, 502, 87),
      `${hostIpOf(p)} - - [${clfTime(m + i * 0.05 - 0.1)}] "GET /healthz HTTP/1.1" 200 15 "-" "kube-probe/1.31"`,
    ]),
  );
  const inventoryLogs = () => lines(
    `{"ts":"${at(2.2)}","level":"INFO","logger":"http","msg":"GET /v1/stock/SKU-77120","status":200,"ms":4,"caller":"warehouse-sync"}`,
    `{"ts":"${at(1.1)}","level":"INFO","logger":"http","msg":"POST /v1/reservations","status":201,"ms":11,"caller":"order-api"}`,
    `{"ts":"${at(0.4)}","level":"INFO","logger":"http","msg":"GET /v1/stock/SKU-10233","status":200,"ms":3,"caller":"warehouse-sync"}`,
  );
  const shippingSvc = exposed({ namespace: ns, name: 'shipping-rates', selector: { app: 'shipping-rates' }, pods: app.pods, endpointPort: 8000 });
  return {
    id: 'heldout25-https-proxy-without-no-proxy',
    class: 'network',
    truth: 'shipping-rates revision 27 (3.3.0, 48 minutes ago) moved to DHL\'s production API and, since the cluster has no direct egress, added HTTP_PROXY and HTTPS_PROXY pointing at the corporate Squid (egress-proxy.corp.acme.net:3128) — without NO_PROXY. Python requests now sends the in-cluster calls to inventory.fulfilment.svc.cluster.local and pricing-rules through the proxy too, which refuses internal destinations (403 ERR_ACCESS_DENIED), so every quote fails with 502 while the DHL calls succeed. The pods are Ready (the health check is shallow); inventory and pricing-rules are healthy. Fix: add NO_PROXY=localhost,127.0.0.1,.svc,.svc.cluster.local,.cluster.local,10.0.0.0/16,172.20.0.0/16 (the pod and service CIDRs), or roll back to revision 26 meanwhile.',
    ask: { service: 'shipping-rates', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...inventory.objects, ...other.objects,
      ...shippingSvc,
      ...exposed({ namespace: ns, name: 'inventory', selector: { app: 'inventory' }, pods: inventory.pods, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] }),
      ...exposed({ namespace: ns, name: 'label-printer', selector: { app: 'label-printer' }, pods: other.pods }),
      networkPolicy({ namespace: ns, name: 'default-deny-ingress', createdAgo: 300 * DAYS, podSelector: {}, policyTypes: ['Ingress'] }),
      networkPolicy({ namespace: ns, name: 'allow-same-namespace-and-ingress', createdAgo: 300 * DAYS, podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }, { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }, { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'checkout' } } }] }] }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 1, 0, 48),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 2, 3, 47.4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 2, 1, 47.4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 1, 2, 46.8),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 3, 2, 46.8),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 0, 1, 46.2),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 12), 2, 0, 19),
    ],
    logs: [
      ...app.pods.map((p, i) => logsFor(p, 'app', { current: shippingLogs(p, i, 47.4 - i * 0.6) })),
      ...inventory.pods.map((p) => logsFor(p, 'app', { current: inventoryLogs() })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/proxy/i],
      facts: [/NO_PROXY/, /HTTPS?_PROXY|egress-proxy/, /\b403\b|Forbidden/, /revision 27|3\.3\.0/, /\.svc|cluster\.local|in-cluster|internal/i],
      never: [/(blocked|denied|dropped) by (a |the )?NetworkPolicy|NetworkPolicy [\w-]+ (blocks|denies|drops)/i, /inventory[^\n]*(is )?(down|unavailable|crash|unhealthy|failing)/i, /\bOOM/, /label-printer/, /DNS (resolution|failure|lookup)/i],
    },
  };
}

// ---- 4. a 15 GB image still pulling on every node when the progress deadline passed --------------

function hugeImageStillPulling(): CorpusScenario {
  const ns = 'ml-serving';
  const { nodes, names } = threeEksNodes('10.0.200');
  const image = (v: string) => `${ECR}/ml/recommender:${v}`;
  const tpl = (v: string) => ({
    containers: [
      container({
        image: image(v),
        command: ['uvicorn', 'recommender.api:app', '--host=0.0.0.0', '--port=8000', '--workers=2'],
        ports: [8000],
        cpu: '2',
        memory: '6Gi',
        env: [{ name: 'MODEL_DIR', value: '/opt/models' }, { name: 'OMP_NUM_THREADS', value: '2' }],
        readiness: httpProbe('/ready', 8000, { periodSeconds: 5 }),
        liveness: httpProbe('/live', 8000, { initialDelaySeconds: 120 }),
      }),
    ],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'recommender',
    replicas: 6,
    revisions: [
      { revision: 12, createdAgo: 8 * DAYS, changeCause: 'argocd: recommender 4.9.3', template: tpl('4.9.3') },
      { revision: 13, createdAgo: 24, changeCause: 'argocd: recommender 5.0.0', template: tpl('5.0.0') },
    ],
    pods: [
      ...[0, 1, 2, 3, 4].map((k) => ({ revision: 12, node: names[k % 3] ?? '', createdAgo: 8 * DAYS - k })),
      ...[0, 1, 2].map((k) => ({ revision: 13, node: names[k] ?? '', createdAgo: 23.9 - k * 0.05, phase: 'Pending' as const, containers: { app: waiting('ContainerCreating') }, sandbox: true })),
    ],
  });
  const fresh = [5, 6, 7].map((i) => podOf(app, i));
  const other = bystander(ns, 'feature-store-api', names, 29, { revisions: [30, 31], versions: ['1.22.0', '1.22.1'], olderAgo: 18 * DAYS });
  const otherImage = `${ECR}/${ns}/feature-store-api:1.22.1`;
  const uvicorn = (m: number, msg: string) => `${pyTime(m)} INFO [uvicorn.access] ${msg}`;
  return {
    id: 'heldout25-huge-image-still-pulling-past-deadline',
    class: 'rollout',
    truth: 'recommender revision 13 (5.0.0, 24 minutes ago) bakes the model weights into the image, which grew from about 2 GB to about 15 GB. Its three new pods have been "Pulling image" on all three nodes for 24 minutes with no error, so the Deployment passed its 600 s progressDeadlineSeconds (ProgressDeadlineExceeded) while the five revision-12 pods serve. Nothing is broken: the registry, credentials, scheduling and the image itself are fine — the pull is simply slow. Fix: ship the weights separately (a volume or an init download) and keep the image small, or pre-pull the image on the nodes, and raise progressDeadlineSeconds for this Deployment; waiting also lets this rollout finish.',
    ask: { service: 'recommender', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'recommender', selector: { app: 'recommender' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'feature-store-api', selector: { app: 'feature-store-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 13), 2, 0, 24),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 5, 6, 24),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 13), 3, 2, 23.95),
      ...fresh.flatMap((p) => [
        scheduled(p, 23.9),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('5.0.0')}"`, firstAgo: 23.85, lastAgo: 23.85, fieldPath: 'spec.containers{app}' }),
      ]),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 29),
      ...other.pods.flatMap((p, i) => [
        ...pulledFresh(p, 'app', otherImage, { atAgo: 29 - i, bytes: 48_213_907, seconds: 2.114 }),
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 28.9 - i, lastAgo: 28.9 - i, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 28.9 - i, lastAgo: 28.9 - i, fieldPath: 'spec.containers{app}' }),
      ]),
      // Yesterday's noise: one old pod was slow to answer its readiness probe during the nightly retrain.
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${podIpOf(podOf(app, 1))}:8000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 6, firstAgo: 20 * 60, lastAgo: 19.9 * 60 }),
    ],
    logs: [
      ...app.pods.slice(0, 5).map((p, i) => logsFor(p, 'app', {
        current: lines(
          uvicorn(2.1 - i * 0.1, `${podIpOf(podOf(other, 0))}:51834 - "POST /v1/recommend HTTP/1.1" 200`),
          uvicorn(1.4 - i * 0.1, `${hostIpOf(p)}:40112 - "GET /ready HTTP/1.1" 200`),
          uvicorn(0.7 - i * 0.1, `${podIpOf(podOf(other, 1))}:51902 - "POST /v1/recommend HTTP/1.1" 200`),
        ),
      })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(0.8)}","level":"info","msg":"GET /v1/features/user/8812","status":200,"ms":3}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pull/i],
      facts: [/ProgressDeadlineExceeded|progress deadline|timed out progressing/i, /Pulling image|still pulling|pulling (the )?image|image pull/i, /pre-?pull|smaller image|slim|image size|large image|progressDeadlineSeconds|(raise|increase|longer)[^\n]*deadline/i],
      never: [/ImagePullBackOff|ErrImagePull/, /not found|manifest unknown|does not exist/i, /(denied|unauthori[sz]ed|forbidden|401|403)/i, /\bOOM/, /crash ?loop/i, /feature-store-api/, /insufficient|unschedulable/i],
    },
  };
}

// ---- 5. the EBS CSI node plugin crash-loops on one new node: the StatefulSet pod there cannot mount -

function csiNodePluginDownOnOneNode(): CorpusScenario {
  const ns = 'logging';
  const { nodes, names } = threeEksNodes('10.0.92');
  const newNodeName = eksNodeName('10.0.92.14');
  const newNode = node({ name: newNodeName, zone: 'eu-west-1b', instanceType: 'm7i.xlarge', createdAgo: 38, labels: { 'karpenter.sh/nodepool': 'general-v2', 'karpenter.k8s.aws/ec2nodeclass': 'general-v2', 'karpenter.sh/capacity-type': 'on-demand', 'karpenter.sh/registered': 'true', 'karpenter.sh/initialized': 'true' } });
  if (newNode.metadata?.labels) delete newNode.metadata.labels['eks.amazonaws.com/nodegroup'];
  const lokiImage = 'docker.io/grafana/loki:3.2.1';
  const sts = statefulSetApp({
    namespace: ns,
    name: 'loki-ingester',
    replicas: 3,
    serviceName: 'loki-ingester-headless',
    podManagementPolicy: 'Parallel',
    revisions: [{
      revision: 9,
      createdAgo: 20 * DAYS,
      template: {
        containers: [container({ name: 'ingester', image: lokiImage, args: ['-config.file=/etc/loki/config.yaml', '-target=ingester'], ports: [{ name: 'http-metrics', containerPort: 3100 }, { name: 'grpc', containerPort: 9095 }], cpu: '1', memory: '4Gi', readiness: httpProbe('/ready', 3100, { initialDelaySeconds: 15 }), liveness: null, volumeMounts: [{ name: 'data', mountPath: '/var/loki' }] })],
        terminationGracePeriodSeconds: 300,
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 9, ordinal: 0, node: names[0] ?? '', createdAgo: 20 * DAYS },
      { revision: 9, ordinal: 1, node: newNodeName, createdAgo: 34.5, containers: { ingester: waiting('ContainerCreating') } },
      { revision: 9, ordinal: 2, node: names[2] ?? '', createdAgo: 20 * DAYS },
    ],
  });
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-loki-ingester-${i}`, storage: '50Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 200 * DAYS, labels: { app: 'loki-ingester' } }));
  const volume1 = volumeOf(ns, 'data-loki-ingester-1');
  const stuck = podOf(sts, 1);

  // The EBS CSI driver's node DaemonSet (EKS add-on), one pod per node.
  const eks = '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks';
  const pluginImage = `${eks}/aws-ebs-csi-driver:v1.37.0`;
  const csiTemplate = {
    containers: [
      container({ name: 'ebs-plugin', image: pluginImage, args: ['node', '--endpoint=$(CSI_ENDPOINT)', '--csi-mount-point-prefix=/var/lib/kubelet/plugins/kubernetes.io/csi/ebs.csi.aws.com/', '--logging-format=text', '--v=2'], env: [{ name: 'CSI_ENDPOINT', value: 'unix:/csi/csi.sock' }, { name: 'CSI_NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }], ports: [{ name: 'healthz', containerPort: 9808 }], cpu: '10m', memory: '40Mi', memoryLimit: '256Mi', readiness: null, liveness: httpProbe('/healthz', 'healthz', { initialDelaySeconds: 10, timeoutSeconds: 3, periodSeconds: 10, failureThreshold: 5 }), volumeMounts: [{ name: 'kubelet-dir', mountPath: '/var/lib/kubelet', mountPropagation: 'Bidirectional' }, { name: 'plugin-dir', mountPath: '/csi' }, { name: 'device-dir', mountPath: '/dev' }], securityContext: { privileged: true, readOnlyRootFilesystem: true } }),
      container({ name: 'node-driver-registrar', image: `${eks}/csi-node-driver-registrar:v2.12.0-eks-1-31-7`, args: ['--csi-address=$(ADDRESS)', '--kubelet-registration-path=$(DRIVER_REG_SOCK_PATH)', '--v=2'], env: [{ name: 'ADDRESS', value: '/csi/csi.sock' }, { name: 'DRIVER_REG_SOCK_PATH', value: '/var/lib/kubelet/plugins/ebs.csi.aws.com/csi.sock' }], ports: [], cpu: '10m', memory: '40Mi', memoryLimit: '256Mi', readiness: null, liveness: execProbe(['/csi-node-driver-registrar', '--kubelet-registration-path=$(DRIVER_REG_SOCK_PATH)', '--mode=kubelet-registration-probe'], { initialDelaySeconds: 30, timeoutSeconds: 15, periodSeconds: 90 }), volumeMounts: [{ name: 'plugin-dir', mountPath: '/csi' }, { name: 'registration-dir', mountPath: '/registration' }] }),
      container({ name: 'liveness-probe', image: `${eks}/livenessprobe:v2.14.0-eks-1-31-7`, args: ['--csi-address=/csi/csi.sock'], ports: [], cpu: '10m', memory: '40Mi', memoryLimit: '256Mi', readiness: null, liveness: null, volumeMounts: [{ name: 'plugin-dir', mountPath: '/csi' }] }),
    ],
    volumes: [
      { name: 'kubelet-dir', hostPath: { path: '/var/lib/kubelet', type: 'Directory' } },
      { name: 'plugin-dir', hostPath: { path: '/var/lib/kubelet/plugins/ebs.csi.aws.com/', type: 'DirectoryOrCreate' } },
      { name: 'registration-dir', hostPath: { path: '/var/lib/kubelet/plugins_registry/', type: 'Directory' } },
      { name: 'device-dir', hostPath: { path: '/dev', type: 'Directory' } },
    ],
    serviceAccountName: 'ebs-csi-node-sa',
    priorityClassName: 'system-node-critical',
    tolerations: [{ operator: 'Exists' }],
  };
  const csi = daemonSetApp({
    namespace: 'kube-system',
    name: 'ebs-csi-node',
    selector: { app: 'ebs-csi-node', 'app.kubernetes.io/name': 'aws-ebs-csi-driver' },
    pinnedToNodes: true,
    revisions: [{ revision: 4, createdAgo: 26 * DAYS, template: csiTemplate }],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 4, node: names[k] ?? '', createdAgo: 26 * DAYS })),
      { revision: 4, node: newNodeName, createdAgo: 37.6, ready: false, containers: { 'ebs-plugin': crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 5 }, 11) } },
    ],
  });
  const csiPod = podOf(csi, 3);
  const other = bystander(ns, 'grafana', [newNodeName, names[0] ?? ''], 33, { revisions: [21, 22], versions: ['11.3.0', '11.3.1'], olderAgo: 25 * DAYS });
  const pluginRun = (m: number) => lines(
    `I${klog(m, 301)}       1 main.go:154] "Initializing metadata"`,
    `I${klog(m - 0.001, 398)}       1 metadata.go:66] "Attempting to retrieve instance metadata from IMDS"`,
    `E${klog(m - 0.085, 812)}       1 metadata.go:72] "Retrieving IMDS metadata failed" err="could not get IMDS metadata: operation error ec2imds: GetInstanceIdentityDocument, canceled, context deadline exceeded"`,
    `I${klog(m - 0.085, 840)}       1 metadata.go:75] "Attempting to retrieve instance metadata from Kubernetes API"`,
    `E${klog(m - 0.086, 276)}       1 metadata.go:79] "Retrieving Kubernetes metadata failed" err="error getting Node ${newNodeName}: nodes \\"${newNodeName}\\" is forbidden: User \\"system:serviceaccount:kube-system:ebs-csi-node-sa\\" cannot get resource \\"nodes\\" in API group \\"\\" at the cluster scope"`,
    `E${klog(m - 0.086, 310)}       1 main.go:159] "Failed to initialize metadata when it is required" err="IMDS metadata failed; Kubernetes metadata failed"`,
  );
  const registrar = lines(
    `I${klog(37.4, 133)}       1 main.go:135] Version: v2.12.0`,
    `I${klog(37.4, 301)}       1 main.go:136] Running node-driver-registrar in mode=`,
    `I${klog(37.4, 322)}       1 main.go:157] Attempting to open a gRPC connection with: "/csi/csi.sock"`,
    ...[37.2, 37.0, 36.8, 20.1, 8.4, 1.2].map((m) => `W${klog(m, 4)}       1 connection.go:234] Still connecting to unix:///csi/csi.sock`),
  );
  const healthyPlugin = (nodeName: string) => lines(
    `I${klog(26 * DAYS - 0.1, 12)}       1 metadata.go:66] "Attempting to retrieve instance metadata from IMDS"`,
    `I${klog(26 * DAYS - 0.1, 560)}       1 driver.go:69] "Driver Information" Driver="ebs.csi.aws.com" Version="v1.37.0"`,
    `I${klog(26 * DAYS - 0.1, 871)}       1 node.go:952] "CSINode Allocatable value is set" nodeName="${nodeName}" count=26`,
    `I${klog(3 * DAYS, 118)}       1 node.go:224] "NodeStageVolume: volume operation finished" volumeID="vol-0b2f8c1d9e3a47f51"`,
  );
  return {
    id: 'heldout25-ebs-csi-node-crashloop-one-node',
    class: 'storage',
    truth: `Karpenter consolidated a node 35 minutes ago and loki-ingester-1 was rescheduled onto the new node ${newNodeName} (NodePool general-v2, 38 minutes old). On that node the EBS CSI node plugin, ${nameOf(csiPod)}, crash-loops: the new EC2NodeClass leaves the IMDS hop limit at 1 so ebs-plugin cannot reach instance metadata from its container, and its fallback to the Kubernetes API is refused (its service account may not get nodes), so the driver never registers with that kubelet. The volume attaches, but MountDevice fails with "driver name ebs.csi.aws.com not found in the list of registered CSI drivers", and loki-ingester-1 stays in ContainerCreating; loki-ingester-0 and -2 run on other nodes, and grafana runs fine on the new node. Fix: set the EC2NodeClass metadataOptions httpPutResponseHopLimit to 2 (and give ebs-csi-node-sa get on nodes), then restart the ebs-csi-node pod there; cordon ${newNodeName} meanwhile and delete loki-ingester-1 so it reschedules.`,
    ask: { service: 'loki-ingester', namespace: ns },
    objects: [
      ...nodes, newNode, ...sts.objects, ...claims, ...csi.objects, ...other.objects,
      service({ namespace: ns, name: 'loki-ingester-headless', selector: { app: 'loki-ingester' }, headless: true, ports: [{ name: 'grpc', port: 9095, targetPort: 'grpc' }] }),
      ...exposed({ namespace: ns, name: 'loki-ingester', selector: { app: 'loki-ingester' }, pods: sts.pods, ports: [{ name: 'http-metrics', port: 3100, targetPort: 'http-metrics' }], endpointPort: 3100 }),
      ...exposed({ namespace: ns, name: 'grafana', selector: { app: 'grafana' }, pods: other.pods }),
      nodeEvent(newNodeName, 'Starting', 'Starting kubelet.', { firstAgo: 37.9 }),
      nodeEvent(newNodeName, 'NodeReady', `Node ${newNodeName} status is now: NodeReady`, { firstAgo: 37.7 }),
      nodeEvent(newNodeName, 'Registered', `Status condition transitioned, Type: Registered, Status: Unknown -> True, Reason: Registered`, { firstAgo: 37.8, component: 'karpenter' }),
      nodeEvent(eksNodeName('10.0.92.203'), 'DisruptionTerminating', 'Disrupting Node: Underutilized/Replace', { firstAgo: 35.2, component: 'karpenter' }),
      scheduled(stuck, 34.5),
      event({ on: stuck, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volume1}" `, firstAgo: 34.1, lastAgo: 34.1, component: 'attachdetach-controller' }),
      event({ on: stuck, reason: 'FailedMount', message: `MountVolume.MountDevice failed for volume "${volume1}" : kubernetes.io/csi: attacher.MountDevice failed to create newCsiDriverClient: driver name ebs.csi.aws.com not found in the list of registered CSI drivers`, count: 25, firstAgo: 34, lastAgo: 0.9 }),
      event({ on: stuck, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: context deadline exceeded', count: 15, firstAgo: 32.4, lastAgo: 2.3 }),
      scheduled(csiPod, 37.6),
      ...restartedAgain(csiPod, 'ebs-plugin', pluginImage, { count: 12, firstAgo: 37.5, lastAgo: 2.2 }),
      event({ on: csiPod, type: 'Normal', reason: 'Started', message: 'Started container node-driver-registrar', firstAgo: 37.4, lastAgo: 37.4, fieldPath: 'spec.containers{node-driver-registrar}' }),
      event({ on: csiPod, type: 'Normal', reason: 'Started', message: 'Started container liveness-probe', firstAgo: 37.4, lastAgo: 37.4, fieldPath: 'spec.containers{liveness-probe}' }),
      backOff(csiPod, 'ebs-plugin', { count: 152, firstAgo: 37, lastAgo: 0.4 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 22), 2, 0, 33),
      ...startedNormally(podOf(other, 0), 'app', `${ECR}/${ns}/grafana:11.3.1`, 33),
    ],
    logs: [
      logsFor(csiPod, 'ebs-plugin', { current: pluginRun(2.2), previous: pluginRun(7.5) }),
      logsFor(csiPod, 'node-driver-registrar', { current: registrar }),
      ...[0, 1, 2].map((k) => logsFor(podOf(csi, k), 'ebs-plugin', { current: healthyPlugin(names[k] ?? '') })),
      ...[0, 2].map((k) => logsFor(podOf(sts, k), 'ingester', { current: lines(`level=info ts=${at(1.1)} caller=flush.go:305 component=ingester msg="flushing stream" user=fake fp=6f2c1b0a9d8e7f41 immediate=false num_chunks=1 total_comp="1.1 MB" avg_comp="1.1 MB" total_uncomp="4.2 MB" avg_uncomp="4.2 MB" full=1 labels="{namespace=\\"checkout\\"}"`, `level=info ts=${at(0.3)} caller=checkpoint.go:615 msg="starting checkpoint"`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ebs-csi-node|CSI/i, /ip-10-0-92-14/],
      facts: [/not found in the list of registered CSI drivers|not registered/i, lit(nameOf(csiPod)), /IMDS|metadata|hop limit/i, /cordon/i],
      never: [/Multi-Attach/i, /\bOOM/, ADVISES_ROLLBACK, /grafana/, /(volume|PV|EBS)[^\n]*(zone|affinity)/i, /(disk|memory) pressure/i],
    },
  };
}

// ---- 6. a ConfigMap key renamed under an optional configMapKeyRef: new pods fall back to localhost -

function optionalConfigMapKeyRenamed(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.58');
  const image = `${ECR}/orders/order-events-consumer:4.6.2`;
  const brokers = 'b-1.orders-msk.x7k2qp.c3.kafka.eu-west-1.amazonaws.com:9094,b-2.orders-msk.x7k2qp.c3.kafka.eu-west-1.amazonaws.com:9094,b-3.orders-msk.x7k2qp.c3.kafka.eu-west-1.amazonaws.com:9094';
  const tpl = {
    containers: [
      container({
        image,
        command: ['node', 'dist/main.js'],
        ports: [8080],
        cpu: '250m',
        memory: '512Mi',
        env: [
          { name: 'NODE_ENV', value: 'production' },
          { name: 'KAFKA_BROKERS', valueFrom: { configMapKeyRef: { name: 'kafka-client', key: 'KAFKA_BROKERS', optional: true } } },
          { name: 'KAFKA_SSL', valueFrom: { configMapKeyRef: { name: 'kafka-client', key: 'KAFKA_SSL', optional: true } } },
          { name: 'KAFKA_GROUP_ID', value: 'order-events-consumer' },
          { name: 'ORDERS_TOPIC', value: 'orders.events.v2' },
        ],
        readiness: httpProbe('/ready', 8080),
        liveness: httpProbe('/live', 8080, { initialDelaySeconds: 10 }),
      }),
    ],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'order-events-consumer',
    replicas: 5,
    revisions: [
      { revision: 13, createdAgo: 19 * DAYS, changeCause: 'argocd: order-events-consumer 4.6.1', template: tpl },
      { revision: 14, createdAgo: 3 * DAYS, changeCause: 'argocd: order-events-consumer 4.6.2', template: tpl },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
      { revision: 14, node: names[0] ?? '', createdAgo: 24.2, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.9, ranSeconds: 41 }, 7) } },
      { revision: 14, node: names[1] ?? '', createdAgo: 24.2, containers: { app: running({ sinceAgo: 0.5, ready: false, restarts: 7, last: { exitCode: 1, finishedAgo: 0.55, ranSeconds: 42 } }) } },
    ],
    settled: { available: false, availableSince: 23.5, progressingSince: 3 * DAYS - 1 },
  });
  const [new1, new2] = [podOf(app, 3), podOf(app, 4)];
  const cm = configMap({
    namespace: ns,
    name: 'kafka-client',
    createdAgo: 310 * DAYS,
    updatedAgo: 52,
    data: { KAFKA_BOOTSTRAP_SERVERS: brokers, KAFKA_SSL: 'true', KAFKA_CLIENT_RACK_AWARE: 'true' },
  });
  const other = bystander(ns, 'order-api', names, 36, { revisions: [88, 89], versions: ['12.4.0', '12.4.1'], olderAgo: 6 * DAYS });
  const pino = (m: number, level: number, pod: string, fields: string) => `{"level":${level},"time":${epochMs(m)},"pid":1,"hostname":"${pod}",${fields}}`;
  const failingRun = (p: k8s.V1Pod, start: number) => {
    const pod = nameOf(p);
    const refused = 'Connection error: connect ECONNREFUSED 127.0.0.1:9092';
    return lines(
      pino(start, 30, pod, '"msg":"order-events-consumer 4.6.2 starting","env":"production"'),
      pino(start - 0.002, 40, pod, '"msg":"KAFKA_BROKERS not set, using default brokers","brokers":["localhost:9092"]'),
      pino(start - 0.004, 30, pod, '"msg":"http server listening","port":8080'),
      ...[0, 1, 2, 3, 4, 5].map((k) => pino(start - 0.01 - k * 0.1, 50, pod, `"logger":"kafkajs","msg":"[BrokerPool] Failed to connect to seed broker, trying another broker from the list: ${refused}","retryCount":${k},"retryTime":${[292, 604, 1180, 2410, 4630, 9218][k] ?? 300}`)),
      pino(start - 0.66, 50, pod, `"logger":"kafkajs","msg":"[Consumer] Crash: KafkaJSNumberOfRetriesExceeded: ${refused}","groupId":"order-events-consumer","retryCount":5,"stack":"KafkaJSNonRetriableError\\n  Caused by: KafkaJSConnectionError: ${refused}\\n    at Socket.onError (/app/node_modules/kafkajs/src/network/connection.js:210:23)\\n    at Socket.emit (node:events:519:28)\\n    at emitErrorNT (node:internal/streams/destroy:169:8)"`),
      pino(start - 0.67, 60, pod, '"msg":"consumer crashed, exiting","err":{"type":"KafkaJSNumberOfRetriesExceeded","message":"Connection error: connect ECONNREFUSED 127.0.0.1:9092"}'),
    );
  };
  const healthyRun = (p: k8s.V1Pod) => lines(
    pino(2.4, 30, nameOf(p), '"msg":"batch processed","topic":"orders.events.v2","partition":4,"messages":212,"lagAfter":31'),
    pino(1.2, 30, nameOf(p), '"msg":"batch processed","topic":"orders.events.v2","partition":9,"messages":340,"lagAfter":57'),
    pino(0.3, 30, nameOf(p), '"msg":"batch processed","topic":"orders.events.v2","partition":4,"messages":198,"lagAfter":12'),
  );
  return {
    id: 'heldout25-optional-configmap-key-renamed',
    class: 'config',
    truth: 'Fifty-two minutes ago someone edited the shared ConfigMap kafka-client (kubectl edit) and renamed its key KAFKA_BROKERS to KAFKA_BOOTSTRAP_SERVERS for a new client library. order-events-consumer reads KAFKA_BROKERS through a configMapKeyRef with optional: true, so pods started since get no variable at all and the app silently falls back to its default, localhost:9092: the two pods the HPA added 24 minutes ago crash-loop on ECONNREFUSED 127.0.0.1:9092 (exit 1), while the three pods started three days ago still hold the old value and consume normally. No rollout is involved (revision 14 is three days old); Kafka is up. Fix: put KAFKA_BROKERS back in kafka-client (or point the configMapKeyRef at KAFKA_BOOTSTRAP_SERVERS and make it required), then restart the failing pods.',
    ask: { service: 'order-events-consumer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'order-api', selector: { app: 'order-api' }, pods: other.pods }),
      hpa({ namespace: ns, name: 'order-events-consumer', target: { kind: 'Deployment', name: 'order-events-consumer' }, min: 3, max: 10, current: 5, desired: 5, cpu: { current: 71, target: 65, averageValue: '178m' }, lastScaleAgo: 24.3 }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'order-events-consumer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 5; reason: cpu resource utilization (percentage of request) above target', firstAgo: 24.3, lastAgo: 24.3, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 5, 3, 24.25),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 89), 2, 0, 36),
      ...[new1, new2].flatMap((p) => [
        scheduled(p, 24.2),
        ...restartedAgain(p, 'app', image, { count: 8, firstAgo: 24.1, lastAgo: p === new1 ? 2.6 : 0.5 }),
        backOff(p, 'app', { count: 96, firstAgo: 22.5, lastAgo: p === new1 ? 0.3 : 0.6 }),
        probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 41, firstAgo: 24, lastAgo: p === new1 ? 2 : 0.2 }),
      ]),
    ],
    logs: [
      logsFor(new1, 'app', { current: failingRun(new1, 2.6), previous: failingRun(new1, 2.6) }),
      logsFor(new2, 'app', { current: lines(pino(0.5, 30, nameOf(new2), '"msg":"order-events-consumer 4.6.2 starting","env":"production"'), pino(0.498, 40, nameOf(new2), '"msg":"KAFKA_BROKERS not set, using default brokers","brokers":["localhost:9092"]'), pino(0.49, 50, nameOf(new2), '"logger":"kafkajs","msg":"[BrokerPool] Failed to connect to seed broker, trying another broker from the list: Connection error: connect ECONNREFUSED 127.0.0.1:9092","retryCount":0,"retryTime":301')), previous: failingRun(new2, 1.3) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: healthyRun(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/KAFKA_BROKERS|kafka-client/],
      facts: [/KAFKA_BROKERS/, /KAFKA_BOOTSTRAP_SERVERS/, /optional/i, /localhost:9092|127\.0\.0\.1:9092/, /kafka-client/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /order-api/, /(kafka|broker|MSK)[^\n]*(is |are )?(down|outage|unavailable)/i],
    },
  };
}

// ---- 7. healthy control: a liveness kill two hours ago during the nightly base backup -------------

function postgresOldLivenessKillHealthy(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.166');
  const image = 'docker.io/library/postgres:16.6-bookworm';
  const pgProbe = ['/bin/sh', '-c', 'exec pg_isready -U postgres -h 127.0.0.1 -p 5432'];
  const tpl = {
    containers: [
      container({
        name: 'postgres',
        image,
        ports: [{ name: 'postgres', containerPort: 5432 }],
        cpu: '2',
        memory: '8Gi',
        env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_PASSWORD_FILE', value: '/etc/postgres-secret/password' }],
        readiness: execProbe(pgProbe, { periodSeconds: 10, timeoutSeconds: 5 }),
        liveness: execProbe(pgProbe, { initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 }),
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'postgres-secret', mountPath: '/etc/postgres-secret', readOnly: true }],
      }),
    ],
    volumes: [{ name: 'postgres-secret', secret: { secretName: 'reporting-db-superuser', defaultMode: 256 } }],
    terminationGracePeriodSeconds: 30,
  };
  const sts = statefulSetApp({
    namespace: ns,
    name: 'reporting-db',
    replicas: 3,
    serviceName: 'reporting-db-headless',
    revisions: [{ revision: 6, createdAgo: 12 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 6, ordinal: 1, node: names[1] ?? '', createdAgo: 12 * DAYS - 2, containers: { postgres: running({ sinceAgo: 120.6, restarts: 1, last: { exitCode: 137, finishedAgo: 120.7, ranSeconds: 12 * 86400 - 3 * 3600 } }) } },
      { revision: 6, ordinal: 2, node: names[2] ?? '', createdAgo: 12 * DAYS - 4 },
    ],
  });
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-reporting-db-${i}`, storage: '500Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 300 * DAYS, labels: { app: 'reporting-db' } }));
  const db1 = podOf(sts, 1);
  const backupTpl = {
    containers: [batchContainer({ name: 'backup', image, command: ['/bin/sh', '-c', 'pg_basebackup -h reporting-db-1.reporting-db-headless -U replicator -D - -Ft -X fetch -z | aws s3 cp - s3://acme-db-backups/reporting-db/$(date +%F).tar.gz --expected-size 400000000000'], cpu: '500m', memory: '1Gi' })],
    serviceAccountName: 'db-backup',
  };
  const backups = cronJob({
    namespace: ns,
    name: 'reporting-db-backup',
    schedule: '0 1 * * *',
    template: backupTpl,
    lastSuccessfulAgo: 93,
    jobs: [1, 0].map((d) => ({
      createdAgo: 134 + d * DAYS,
      pods: [{ node: names[2] ?? '', createdAgo: 134 + d * DAYS, phase: 'Succeeded' as const, containers: { backup: terminated({ exitCode: 0, finishedAgo: 93 + d * DAYS - (d ? 6 : 0), ranSeconds: 2460 }) } }],
      outcome: { complete: true as const, ago: 93 + d * DAYS - (d ? 6 : 0) },
    })),
  });
  const pg = (m: number, pid: number, level: string, msg: string) => `${pgTime(m)} [${pid}] ${level}:  ${msg}`;
  const db1Current = lines(
    pg(120.55, 1, 'LOG', 'starting PostgreSQL 16.6 (Debian 16.6-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit'),
    pg(120.55, 1, 'LOG', 'listening on IPv4 address "0.0.0.0", port 5432'),
    pg(120.54, 28, 'LOG', `database system was interrupted while in recovery at log time ${pgTime(121.9)}`),
    pg(120.54, 28, 'HINT', 'If this has occurred more than once some data might be corrupted and you might need to choose an earlier recovery target.'),
    pg(120.53, 28, 'LOG', 'entering standby mode'),
    pg(120.52, 28, 'LOG', 'redo starts at 3F1/8A2D41C0'),
    pg(120.31, 28, 'LOG', 'consistent recovery state reached at 3F1/9C11E2A8'),
    pg(120.31, 1, 'LOG', 'database system is ready to accept read-only connections'),
    pg(120.29, 35, 'LOG', 'started streaming WAL from primary at 3F1/9C000000 on timeline 1'),
    pg(95.0, 30, 'LOG', 'restartpoint starting: time'),
    pg(90.4, 30, 'LOG', 'restartpoint complete: wrote 48211 buffers (9.2%); 0 WAL file(s) added, 0 removed, 31 recycled; write=269.914 s, sync=0.118 s, total=270.203 s; sync files=402, longest=0.019 s, average=0.001 s; distance=512007 kB, estimate=530112 kB; lsn=3F2/1B3C5F80, redo lsn=3F1/DD0A1B48'),
    pg(35.0, 30, 'LOG', 'restartpoint starting: time'),
    pg(30.5, 30, 'LOG', 'restartpoint complete: wrote 20317 buffers (3.9%); 0 WAL file(s) added, 0 removed, 14 recycled; write=269.870 s, sync=0.063 s, total=270.011 s; sync files=188, longest=0.011 s, average=0.001 s; distance=229410 kB, estimate=499941 kB; lsn=3F2/4A019E10, redo lsn=3F2/3E8812D0'),
  );
  const db1Previous = lines(
    pg(134.9, 30, 'LOG', 'restartpoint starting: time'),
    pg(133.8, 11302, 'LOG', 'connection authorized: user=replicator application_name=pg_basebackup SSL enabled (protocol=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384, bits=256)'),
    pg(124.0, 30, 'LOG', 'restartpoint complete: wrote 61944 buffers (11.8%); 0 WAL file(s) added, 0 removed, 27 recycled; write=269.990 s, sync=31.480 s, total=651.200 s; sync files=441, longest=14.212 s, average=0.071 s; distance=498301 kB, estimate=510442 kB; lsn=3F1/88F1D2C0, redo lsn=3F1/7A0C11E8'),
    pg(121.08, 1, 'LOG', 'received fast shutdown request'),
    pg(121.07, 1, 'LOG', 'aborting any active transactions'),
    pg(121.06, 30, 'LOG', 'shutting down'),
  );
  const quietLogs = (m: number) => lines(
    pg(m, 30, 'LOG', 'checkpoint starting: time'),
    pg(m - 4.5, 30, 'LOG', 'checkpoint complete: wrote 18822 buffers (3.6%); 0 WAL file(s) added, 0 removed, 12 recycled; write=269.911 s, sync=0.052 s, total=270.102 s; sync files=151, longest=0.009 s, average=0.001 s; distance=201223 kB, estimate=481002 kB; lsn=3F2/4A1F0020, redo lsn=3F2/3E9A3310'),
  );
  const other = bystander(ns, 'report-renderer', names, 52, { revisions: [40, 41], versions: ['2.8.0', '2.8.1'], olderAgo: 9 * DAYS });
  const headless = service({ namespace: ns, name: 'reporting-db-headless', selector: { app: 'reporting-db' }, headless: true, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] });
  return {
    id: 'heldout25-postgres-old-liveness-kill-during-backup-healthy',
    class: 'healthy',
    truth: 'Healthy. At 01:00 the nightly reporting-db-backup job streamed a pg_basebackup from the replica reporting-db-1; under that I/O its pg_isready liveness probe answered "no response" three times at about 01:12 and the kubelet restarted it (exit 137 after the 30 s grace period, a kill, not OOM). It recovered, resumed streaming from the primary within a minute, the backup job completed at 01:41, and all three pods have been Ready for two hours with clean logs. Nothing to do now; the old Unhealthy warnings and the restart count are history (a longer liveness timeout during backups is a possible improvement, not an incident).',
    ask: { service: 'reporting-db', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, ...backups.objects, ...other.objects,
      headless, endpointSliceFor(headless, sts.pods, 5432),
      ...exposed({ namespace: ns, name: 'reporting-db', selector: { app: 'reporting-db', 'apps.kubernetes.io/pod-index': '0' }, pods: sts.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'report-renderer', selector: { app: 'report-renderer' }, pods: other.pods }),
      probeFailed(db1, 'postgres', 'Readiness', '127.0.0.1:5432 - no response', { count: 4, firstAgo: 121.7, lastAgo: 121.1 }),
      probeFailed(db1, 'postgres', 'Liveness', '127.0.0.1:5432 - no response', { count: 3, firstAgo: 121.6, lastAgo: 121.1 }),
      probeKilling(db1, 'postgres', 'liveness', { count: 1, firstAgo: 121.1, lastAgo: 121.1 }),
      ...restartedAgain(db1, 'postgres', image, { count: 1, firstAgo: 120.6, lastAgo: 120.6 }),
      probeFailed(db1, 'postgres', 'Readiness', '127.0.0.1:5432 - rejecting connections', { count: 2, firstAgo: 120.5, lastAgo: 120.4 }),
      event({ on: { kind: 'CronJob', name: 'reporting-db-backup', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created job ${nameOf(backups.jobs[1]?.objects[0])}`, firstAgo: 134, lastAgo: 134, component: 'cronjob-controller' }),
      event({ on: { kind: 'CronJob', name: 'reporting-db-backup', namespace: ns }, type: 'Normal', reason: 'SawCompletedJob', message: `Saw completed job: ${nameOf(backups.jobs[1]?.objects[0])}, condition: Complete`, firstAgo: 93, lastAgo: 93, component: 'cronjob-controller' }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 52),
    ],
    logs: [
      logsFor(db1, 'postgres', { current: db1Current, previous: db1Previous }),
      logsFor(podOf(sts, 0), 'postgres', { current: quietLogs(40) }),
      logsFor(podOf(sts, 2), 'postgres', { current: lines(pg(32, 30, 'LOG', 'restartpoint starting: time'), pg(27.5, 30, 'LOG', 'restartpoint complete: wrote 19904 buffers (3.8%); 0 WAL file(s) added, 0 removed, 13 recycled; write=269.902 s, sync=0.048 s, total=270.077 s; sync files=160, longest=0.008 s, average=0.001 s; distance=214001 kB, estimate=470210 kB; lsn=3F2/4A1A1110, redo lsn=3F2/3E91C0A8')) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (current |active )?(problem|issue)|all 3|3\/3|ready|running/i],
      facts: [/3\/3|all 3|3 of 3|three|ready/i],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK, /report-renderer/, /(increase|raise)[^\n]*memory/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  probesBehindOidcLogin(),
  limitRangeRatioRefusesRevision(),
  proxyWithoutNoProxy(),
  hugeImageStillPulling(),
  csiNodePluginDownOnOneNode(),
  optionalConfigMapKeyRenamed(),
  postgresOldLivenessKillHealthy(),
];
