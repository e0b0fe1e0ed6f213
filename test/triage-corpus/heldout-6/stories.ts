// Held-out stories, sixth round: failures written without reading the analysis code, to measure
// how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
//
// A database password rotated while running pods keep the old one, a liveness probe put behind
// authentication (401), a startup probe too short for migrations run at boot, a mutating webhook
// timing out so no pod of a rollout is created, an Istio sidecar OOM-killed while the app is fine,
// a Job killed by its activeDeadlineSeconds, a StatefulSet scale-up whose claim names a removed
// StorageClass, a node whose image filesystem is full, a DaemonSet image without an arm64 build on
// a new Graviton pool, gRPC clients sent GOAWAY too_many_pings after a keepalive change, a
// LimitRange refusing a rollout's memory limit, an egress NetworkPolicy that forgot DNS, and two
// healthy controls: old noise around a steady service, and a service recovered after a node
// replacement.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, boundClaim, container, crashLoop, daemonSetApp, deploymentApp, event,
  exposed, httpProbe, jobEvent, cronJob, limitRange, nameOf, networkPolicy, node, nodeEvent, probeFailed, probeKilling,
  pvc, pyTime, replicaSetOf, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, statefulSetApp, terminated, waiting,
  failedScheduling, BLAMES_ROLLOUT,
} from '../kit/index.js';
import { eksNodeName as nodeName, ipOfPod, logsFor, startedAt, threeEksNodes as threeNodes, bystander as heldOutBystander } from '../kit/held-out.js';
import type { Built } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- local helpers -------------------------------------------------------------------------

const lines = (...l: string[]): string => l.join('\n') + '\n';

/** This round's bystander: a healthy Deployment of the namespace that rolled out recently. */
const bystander = (ns: string, name: string, names: string[], rolledAgo: number): Built => heldOutBystander(ns, name, names, rolledAgo, { revisions: [70, 71], versions: ['3.1.0', '3.2.0'], olderAgo: 9 * DAYS });

/** The conditions a Deployment shows while its new ReplicaSet cannot create pods. */
function replicaFailure(newRs: string, message: string, since: number): k8s.V1DeploymentCondition[] {
  return [
    { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: new Date(Date.parse(at(6 * DAYS))), lastTransitionTime: new Date(Date.parse(at(6 * DAYS))) },
    { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message, lastUpdateTime: new Date(Date.parse(at(since))), lastTransitionTime: new Date(Date.parse(at(since))) },
    { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRs}" has timed out progressing.`, lastUpdateTime: new Date(Date.parse(at(since - 10))), lastTransitionTime: new Date(Date.parse(at(since - 10))) },
  ];
}

// ---- 1. a database password rotated; running pods keep the old one ---------------------------

function secretRotatedOldPassword(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeNodes('10.0.41');
  const image = `${ECR}/payments/ledger-api:4.7.2`;
  const app = deploymentApp({
    namespace: ns,
    name: 'ledger-api',
    replicas: 3,
    revisions: [{
      revision: 63, createdAgo: 5 * DAYS, changeCause: 'argocd: ledger-api 4.7.2',
      template: { containers: [container({
        image, ports: [8080],
        env: [{ name: 'DB_HOST', value: 'ledger-db.cluster-c9x2.eu-west-1.rds.amazonaws.com' }, { name: 'DB_USER', value: 'ledger' }, { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'ledger-db', key: 'password' } } }],
        readiness: httpProbe('/ready', 8080), liveness: httpProbe('/live', 8080),
      })] },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 63, node: names[k] ?? '', createdAgo: 5 * DAYS - k, containers: { app: running({ sinceAgo: 5 * DAYS - k, ready: false }) } })),
    settled: { available: false, availableSince: 31, progressingSince: 5 * DAYS },
  });
  const other = bystander(ns, 'ledger-web', names, 12);
  const log = (p: k8s.V1Pod) => lines(
    `${at(44)} INFO  [pool] connection recycled (maxLifetime 30m) pod=${nameOf(p)}`,
    `${at(38)} ERROR [pool] connect failed: FATAL: password authentication failed for user "ledger"`,
    `${at(33)} ERROR [pool] connect failed: FATAL: password authentication failed for user "ledger"`,
    `${at(31)} WARN  [health] readiness: database pool has 0 live connections (min 4)`,
    `${at(2)} ERROR [pool] connect failed: FATAL: password authentication failed for user "ledger"`,
    `${at(1)} ERROR POST /v1/entries 503 db unavailable`,
  );
  return {
    id: 'heldout6-secret-rotated-pods-keep-old-password',
    class: 'config',
    truth: 'The RDS password of user ledger was rotated 47 minutes ago (the Secret ledger-db was updated by external-secrets from AWS Secrets Manager). ledger-api reads DB_PASSWORD as an environment variable at start, so its running pods still hold the old password; as pooled connections reach their 30-minute max lifetime, every reconnect fails with "password authentication failed", the pools drain and all three pods turn unready. Nothing in ledger-api changed, and the ledger-web rollout 12 minutes ago is unrelated. Fix: restart the pods (kubectl rollout restart deployment/ledger-api) so they read the new password, and have rotation trigger a restart.',
    ask: { service: 'ledger-api' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'ledger-web', selector: { app: 'ledger-web' }, pods: other.pods }),
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 71), 2, 0, 12),
      event({ on: { kind: 'ExternalSecret', name: 'ledger-db', namespace: ns }, type: 'Normal', reason: 'Updated', message: 'Updated Secret', firstAgo: 47, lastAgo: 47, component: 'external-secrets' }),
      ...app.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 180, firstAgo: 31 })),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: log(p) })),
    expect: {
      verdict: 'problems',
      headline: [/password|credential|authentication/i, /ledger-db|secret|rotat/i],
      facts: [/restart/i],
      never: [BLAMES_ROLLOUT, /ledger-web/, /\bOOM/],
    },
  };
}

// ---- 2. a liveness probe behind the new authentication middleware ------------------------------

function livenessProbeBehindAuth(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeNodes('10.0.52');
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/identity/profile-svc:${v}`, ports: [8080], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'profile-svc',
    replicas: 3,
    revisions: [
      { revision: 36, createdAgo: 8 * DAYS, changeCause: 'argocd: profile-svc 2.13.0', template: tpl('2.13.0') },
      { revision: 37, createdAgo: 25, changeCause: 'argocd: profile-svc 2.14.0 (oauth2 middleware on all routes)', template: tpl('2.14.0') },
    ],
    pods: [
      ...[0, 1].map((k) => ({ revision: 36, node: names[k] ?? '', createdAgo: 8 * DAYS })),
      ...[0, 1].map((k) => ({ revision: 37, node: names[k + 1] ?? '', createdAgo: 24 - k, containers: { app: crashLoop({ exitCode: 143, finishedAgo: 1.5 + k, ranSeconds: 45 }, 6 - k) } })),
    ],
  });
  const fresh = app.pods.slice(2);
  const image = `${ECR}/identity/profile-svc:2.14.0`;
  const prev = (p: k8s.V1Pod) => lines(
    `{"level":"info","time":"${at(2.3)}","msg":"profile-svc 2.14.0 listening","addr":":8080","auth":"oauth2 (issuer https://login.example-corp.com)"}`,
    `{"level":"info","time":"${at(2.2)}","msg":"request","method":"GET","path":"/ready","status":200,"ua":"kube-probe/1.30"}`,
    `{"level":"warn","time":"${at(2.1)}","msg":"request","method":"GET","path":"/healthz","status":401,"ua":"kube-probe/1.30","err":"missing bearer token"}`,
    `{"level":"warn","time":"${at(1.9)}","msg":"request","method":"GET","path":"/healthz","status":401,"ua":"kube-probe/1.30","err":"missing bearer token"}`,
    `{"level":"warn","time":"${at(1.7)}","msg":"request","method":"GET","path":"/healthz","status":401,"ua":"kube-probe/1.30","err":"missing bearer token"}`,
    `{"level":"info","time":"${at(1.6)}","msg":"received SIGTERM, shutting down","pod":"${nameOf(p)}"}`,
  );
  return {
    id: 'heldout6-liveness-probe-behind-auth-401',
    class: 'probes',
    truth: 'Revision 37 (profile-svc 2.14.0, 25 minutes ago) put an oauth2 middleware in front of every route, including /healthz, which the liveness probe calls without a token. The probe gets 401, which the kubelet counts as a failure, so each new container is killed after three probes (exit 143, graceful SIGTERM) and crash-loops; /ready is still open, so the pods briefly turn ready. The two revision-36 pods keep serving. Fix: exempt /healthz (and probe paths) from auth, or roll back to revision 36.',
    ask: { service: 'profile-svc' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'profile-svc', selector: { app: 'profile-svc' }, pods: app.pods }),
      event({ on: { kind: 'Pod', name: `${rsOf(app, 36)}-q8xzt`, namespace: ns }, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.9.12:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', firstAgo: 22 * HOURS, lastAgo: 22 * HOURS }),
      ...fresh.flatMap((p, k) => [
        ...startedAt(p, 'app', image, 24 - k),
        probeFailed(p, 'app', 'Liveness', 'HTTP probe failed with statuscode: 401', { count: 18 - 3 * k, firstAgo: 23.5 - k }),
        probeKilling(p, 'app', 'liveness', { count: 6 - k, firstAgo: 23 - k }),
        backOff(p, 'app', { count: 20, firstAgo: 20 - k }),
      ]),
    ],
    logs: fresh.map((p) => logsFor(p, 'app', { previous: prev(p), current: lines(`{"level":"info","time":"${at(0.4)}","msg":"profile-svc 2.14.0 listening","addr":":8080"}`) })).concat(
      app.pods.slice(0, 2).map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","time":"${at(3)}","msg":"request","method":"GET","path":"/v1/profiles/me","status":200}`) })),
    ),
    expect: {
      verdict: 'problems',
      headline: [/401/, /liveness/i],
      facts: [/revision 37/, /\/healthz/],
      never: [/\bOOM|out of memory/i, /readiness probe fail/i],
    },
  };
}

// ---- 3. a startup probe too short for the migrations the new version runs at boot ----------------

function startupProbeKillsMigrations(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeNodes('10.0.63');
  const tpl = (v: string) => ({ containers: [container({
    image: `${ECR}/catalog/catalog-api:${v}`, ports: [8080], memory: '1536Mi',
    readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080),
    startup: httpProbe('/actuator/health', 8080, { periodSeconds: 10, failureThreshold: 6 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 89, createdAgo: 6 * DAYS, changeCause: 'argocd: catalog-api 9.3.1', template: tpl('9.3.1') },
      { revision: 90, createdAgo: 41, changeCause: 'argocd: catalog-api 9.4.0', template: tpl('9.4.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 89, node: names[k] ?? '', createdAgo: 6 * DAYS })),
      { revision: 90, node: names[1] ?? '', createdAgo: 40, containers: { app: crashLoop({ exitCode: 143, finishedAgo: 2, ranSeconds: 62 }, 9) } },
    ],
  });
  const p = app.pods[3] as k8s.V1Pod;
  const image = `${ECR}/catalog/catalog-api:9.4.0`;
  const prev = lines(
    `${at(3)}  INFO 1 --- [main] c.a.catalog.CatalogApiApplication : Starting CatalogApiApplication v9.4.0 using Java 21.0.5`,
    `${at(2.95)}  INFO 1 --- [main] o.f.core.internal.command.DbMigrate : Current version of schema "catalog": 211`,
    `${at(2.95)}  INFO 1 --- [main] o.f.core.internal.command.DbMigrate : Migrating schema "catalog" to version "212 - backfill sku search vectors"`,
    `${at(2.4)}  INFO 1 --- [main] o.f.c.i.s.DefaultSqlScriptExecutor : 1840000 rows affected so far (V212__backfill_sku_search_vectors.sql)`,
    `${at(2.05)}  INFO 1 --- [ionShutdownHook] o.s.b.w.e.tomcat.GracefulShutdown : Commencing graceful shutdown. Waiting for active requests to complete`,
  );
  return {
    id: 'heldout6-startup-probe-kills-boot-migration',
    class: 'probes',
    truth: 'Revision 90 (catalog-api 9.4.0, 41 minutes ago) ships Flyway migration V212, a backfill of 12 million rows that Spring Boot runs at startup before the HTTP port opens. The startup probe allows 60 s (failureThreshold 6 × periodSeconds 10); the backfill takes several minutes, so the kubelet kills the container (exit 143) each time, Postgres rolls the migration back, and the next start begins again: 9 restarts, never ready. maxUnavailable 0 keeps the three revision-89 pods serving, so users see nothing yet but the rollout is stuck. Fix: run the migration as a Job (or raise the startup probe\'s failureThreshold) and let the rollout continue.',
    ask: { service: 'catalog-api' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: app.pods }),
      ...startedAt(p, 'app', image, 40),
      probeFailed(p, 'app', 'Startup', `Get "http://${ipOfPod(p)}:8080/actuator/health": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, { count: 54, firstAgo: 39.8 }),
      probeKilling(p, 'app', 'startup', { count: 9, firstAgo: 39 }),
      backOff(p, 'app', { count: 30, firstAgo: 30 }),
    ],
    logs: [logsFor(p, 'app', { previous: prev, current: lines(`${at(0.5)}  INFO 1 --- [main] o.f.core.internal.command.DbMigrate : Migrating schema "catalog" to version "212 - backfill sku search vectors"`) })],
    expect: {
      verdict: 'problems',
      headline: [/startup probe/i, /migrat|Flyway|V212/i],
      facts: [/revision 90/, /60 ?s|failureThreshold/i],
      never: [/\bOOM|out of memory/i, /liveness probe fail/i],
    },
  };
}

// ---- 4. a mutating webhook timing out: no pod of the rollout is created ---------------------------

function webhookTimeoutNoPods(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeNodes('10.0.74');
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/billing/invoice-api:${v}`, ports: [8080] })], annotations: { 'vault.hashicorp.com/agent-inject': 'true', 'vault.hashicorp.com/role': 'invoice-api' } });
  const message = 'Error creating: Internal error occurred: failed calling webhook "vault.hashicorp.com": failed to call webhook: Post "https://vault-agent-injector-svc.vault.svc:443/mutate?timeout=10s": context deadline exceeded';
  const base = deploymentApp({ namespace: ns, name: 'invoice-api', replicas: 3, revisions: [{ revision: 14, createdAgo: 9 * DAYS, template: tpl('6.0.3') }, { revision: 15, createdAgo: 22, changeCause: 'argocd: invoice-api 6.1.0', template: tpl('6.1.0') }], pods: [0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 9 * DAYS })) });
  const newRs = rsOf(base, 15);
  const app = deploymentApp({ namespace: ns, name: 'invoice-api', replicas: 3, revisions: [{ revision: 14, createdAgo: 9 * DAYS, template: tpl('6.0.3') }, { revision: 15, createdAgo: 22, changeCause: 'argocd: invoice-api 6.1.0', template: tpl('6.1.0') }], pods: [0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 9 * DAYS })), conditions: replicaFailure(newRs, message, 21) });
  return {
    id: 'heldout6-mutating-webhook-timeout-no-pods',
    class: 'rollout',
    truth: 'The Vault agent injector (namespace vault) has had no ready pod since its node was drained 25 minutes ago, and its MutatingWebhookConfiguration has failurePolicy Fail. Every pod create in a namespace it watches now fails ("failed calling webhook \\"vault.hashicorp.com\\" … context deadline exceeded"), so the revision-15 ReplicaSet of invoice-api cannot create any pod (FailedCreate) and the rollout stalls; the three revision-14 pods still serve. invoice-api 6.1.0 itself is not at fault and rolling back would not help (any new pod is refused). Fix: bring vault-agent-injector back (or scale it up), then the rollout continues.',
    ask: { service: 'invoice-api' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, newRs, 1, 0, 22),
      event({ on: replicaSetOf(app, 15), reason: 'FailedCreate', message, count: 17, firstAgo: 22, lastAgo: 0.7, component: 'replicaset-controller' }),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(2)} INFO invoice rendered id=inv_88${nameOf(p).slice(-3)} ms=212`) })),
    expect: {
      verdict: 'problems',
      headline: [/webhook/i, /vault/i],
      facts: [/revision 15|FailedCreate/],
      // Advising a rollback would be wrong; saying a rollback would be refused too is true.
      never: [BLAMES_ROLLOUT, /image/i, /\bOOM/],
    },
  };
}

// ---- 5. the Istio sidecar OOM-killed while the app container is fine -----------------------------

function istioSidecarOomKilled(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeNodes('10.0.85');
  const proxy = container({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.22.3', ports: [{ name: 'http-envoy-prom', containerPort: 15090 }], cpu: '100m', memory: '128Mi', memoryLimit: '256Mi', readiness: httpProbe('/healthz/ready', 15021), liveness: null });
  const app = deploymentApp({
    namespace: ns,
    name: 'search-gateway',
    replicas: 3,
    revisions: [{ revision: 12, createdAgo: 10 * DAYS, changeCause: 'argocd: search-gateway 1.18.0', template: { containers: [container({ image: `${ECR}/search/search-gateway:1.18.0`, ports: [8080] }), proxy], annotations: { 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"]}' } } }],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 10 * DAYS, containers: { 'istio-proxy': k === 2 ? crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 1.5, ranSeconds: 200 }, 11) : running({ sinceAgo: 3 + 4 * k, ready: true, restarts: 9 - k, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 3.1 + 4 * k, ranSeconds: 240 } }) } })),
    settled: { available: true, availableSince: 30, progressingSince: 10 * DAYS },
  });
  const other = bystander(ns, 'search-indexer', names, 35);
  const sick = app.pods[2] as k8s.V1Pod;
  const envoyLog = lines(
    `${at(40)}\tinfo\txdsproxy\tconnected to upstream XDS server: istiod.istio-system.svc:15012`,
    `${at(6)}\tinfo\tads\tCDS: PUSH request for node:${nameOf(sick)}.${ns} resources:4912 size:38.2MB`,
    `${at(5)}\tinfo\tads\tEDS: PUSH request for node:${nameOf(sick)}.${ns} resources:4907 size:61.7MB empty:0 cached:4907/4907`,
    `${at(3)}\twarning\tenvoy main\tcaught ENVOY_SIGTERM`,
  );
  return {
    id: 'heldout6-istio-sidecar-oom-killed',
    class: 'containers',
    truth: 'Since the data-platform namespaces joined the mesh 40 minutes ago, istiod pushes every search-gateway sidecar the whole mesh\'s configuration (about 4,900 clusters, no Sidecar resource scoping what it needs); Envoy\'s memory passes the istio-proxy container\'s 256Mi limit and it is OOMKilled (exit 137) again and again, 8-11 restarts per pod, dropping in-flight requests each time. The app container search-gateway itself never restarted and is not short of memory; the search-indexer rollout 35 minutes ago is unrelated. Fix: add a Sidecar resource limiting egress hosts for namespace search (or raise the proxy memory limit via sidecar.istio.io/proxyMemoryLimit).',
    ask: { service: 'search-gateway' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'search-gateway', selector: { app: 'search-gateway' }, pods: app.pods }),
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 71), 2, 0, 35),
      ...restartedAgain(sick, 'istio-proxy', 'docker.io/istio/proxyv2:1.22.3', { count: 11, firstAgo: 38, lastAgo: 5 }),
      backOff(sick, 'istio-proxy', { count: 14, firstAgo: 20 }),
      probeFailed(sick, 'istio-proxy', 'Readiness', `Get "http://${ipOfPod(sick)}:15021/healthz/ready": dial tcp ${ipOfPod(sick)}:15021: connect: connection refused`, { count: 22, firstAgo: 37 }),
    ],
    logs: [
      logsFor(sick, 'istio-proxy', { previous: envoyLog }),
      ...app.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(4)} level=info msg="query served" q_ms=41 status=200`, `${at(1.5)} level=warn msg="upstream reset" err="upstream connect error or disconnect/reset before headers. reset reason: connection termination"`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/istio-proxy|sidecar/i, /OOM|137|memory/i],
      facts: [/256Mi/],
      never: [/search-indexer/, BLAMES_ROLLOUT],
    },
  };
}

// ---- 6. a nightly Job killed by its activeDeadlineSeconds after the data grew --------------------

function jobActiveDeadlineExceeded(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeNodes('10.0.96');
  const image = `${ECR}/analytics/warehouse-export:2.4.1`;
  const cron = cronJob({
    namespace: ns,
    name: 'nightly-export',
    schedule: '30 2 * * *',
    activeDeadlineSeconds: 1800,
    backoffLimit: 2,
    template: { containers: [batchContainer({ name: 'export', image, cpu: '1', memory: '2Gi' })] },
    lastSuccessfulAgo: 1 * DAYS + 20,
    jobs: [
      { createdAgo: 2 * DAYS + 44, pods: [{ node: names[0] ?? '', phase: 'Succeeded', createdAgo: 2 * DAYS + 44, containers: { export: terminated({ exitCode: 0, finishedAgo: 2 * DAYS + 22, ranSeconds: 1290 }) } }], outcome: { complete: true, ago: 2 * DAYS + 22 } },
      { createdAgo: 1 * DAYS + 44, pods: [{ node: names[1] ?? '', phase: 'Succeeded', createdAgo: 1 * DAYS + 44, containers: { export: terminated({ exitCode: 0, finishedAgo: 1 * DAYS + 20, ranSeconds: 1420 }) } }], outcome: { complete: true, ago: 1 * DAYS + 20 } },
      { createdAgo: 44, pods: [{ node: names[2] ?? '', phase: 'Failed', createdAgo: 44, containers: { export: terminated({ exitCode: 143, finishedAgo: 13.9, ranSeconds: 1800 }) } }], outcome: { failed: 'DeadlineExceeded', ago: 14 } },
    ],
  });
  const today = cron.jobs[2] as Built;
  const p = today.pods[0] as k8s.V1Pod;
  const log = lines(
    `${pyTime(43.8)} INFO export: tables=orders,order_lines,refunds since=2026-11-20 tenant=all`,
    `${pyTime(43.5)} INFO export: order_lines estimated rows 88412000 (yesterday 31270000)`,
    `${pyTime(30)} INFO export: order_lines 23800000/88412000 rows written to s3://dwh-landing/order_lines/dt=2026-11-20/`,
    `${pyTime(15)} INFO export: order_lines 41200000/88412000 rows written to s3://dwh-landing/order_lines/dt=2026-11-20/`,
    `${pyTime(14)} WARNING export: received SIGTERM, aborting multipart upload`,
  );
  return {
    id: 'heldout6-nightly-job-active-deadline-exceeded',
    class: 'jobs',
    truth: 'Yesterday\'s backfill of the acme tenant nearly tripled order_lines (31 → 88 million rows for the day). The 02:30 run of the nightly-export CronJob needs about an hour at its usual rate, but the Job has activeDeadlineSeconds 1800: after 30 minutes the Job controller failed it with DeadlineExceeded and killed the pod (exit 143, SIGTERM) halfway through order_lines, so no export landed for 2026-11-20. Not a crash, not memory, not the backoff limit. Fix: raise activeDeadlineSeconds (or split the export by table) and re-run the Job.',
    ask: { service: 'nightly-export' },
    objects: [
      ...nodes, ...cron.objects,
      jobEvent(today.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, 44),
      jobEvent(today.objects[0], 'DeadlineExceeded', 'Job was active longer than specified deadline', 14, 'Warning'),
      event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container export', firstAgo: 14, lastAgo: 14, fieldPath: 'spec.containers{export}' }),
    ],
    logs: [logsFor(p, 'export', { current: log })],
    expect: {
      verdict: 'problems',
      headline: [/deadline|activeDeadlineSeconds/i, /1800|30 ?min/i],
      facts: [/nightly-export/],
      // Claiming a memory kill would be wrong; saying it was not one (no OOMKilled) is true.
      never: [/OOMKilled at|killed for (its )?memory|out of memory|raise the memory/i, /backoff ?limit/i],
    },
  };
}

// ---- 7. a StatefulSet scale-up whose claim template names a removed StorageClass -----------------

function statefulSetStorageClassRemoved(): CorpusScenario {
  const ns = 'data';
  const { nodes, names } = threeNodes('10.0.107');
  const image = `${ECR}/data/kafka:3.8.1`;
  const app = statefulSetApp({
    namespace: ns,
    name: 'kafka',
    replicas: 4,
    serviceName: 'kafka-headless',
    podManagementPolicy: 'Parallel',
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp2-encrypted' }],
    revisions: [{ revision: 7, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'kafka', image, ports: [9092], cpu: '2', memory: '8Gi', readiness: httpProbe('/ready', 9093), liveness: null })] } }],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 7, ordinal: k, node: names[k] ?? '', createdAgo: 12 * DAYS })),
      { revision: 7, ordinal: 3, createdAgo: 18, unschedulable: '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.' },
    ],
  });
  const claims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-kafka-${k}`, storage: '500Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][k] ?? 'eu-west-1a', createdAgo: 40 * DAYS, storageClass: 'gp2-encrypted', labels: { app: 'kafka' } }));
  const pending = pvc({ namespace: ns, name: 'data-kafka-3', storage: '500Gi', storageClass: 'gp2-encrypted', phase: 'Pending', createdAgo: 18, labels: { app: 'kafka' } });
  const p3 = app.pods[3] as k8s.V1Pod;
  return {
    id: 'heldout6-statefulset-claim-storageclass-removed',
    class: 'storage',
    truth: 'The kafka StatefulSet was scaled from 3 to 4 brokers 18 minutes ago. Its volumeClaimTemplate still names the StorageClass gp2-encrypted, which was deleted last week in the gp3 migration (existing volumes keep working, so nobody noticed). The new claim data-kafka-3 cannot be provisioned (ProvisioningFailed: storageclass.storage.k8s.io "gp2-encrypted" not found), so kafka-3 stays Pending with unbound immediate PersistentVolumeClaims. Not a capacity problem: the nodes have room. Fix: recreate a gp2-encrypted class (or point the claim at gp3: delete data-kafka-3 and recreate it with the new class; the template itself is immutable).',
    ask: { service: 'kafka' },
    objects: [
      ...nodes, ...app.objects, ...claims, pending,
      ...exposed({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, pods: app.pods, headless: true, ports: [{ name: 'tcp-kafka', port: 9092, targetPort: 9092 }] }),
      event({ on: { kind: 'StatefulSet', name: 'kafka', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Claim data-kafka-3 Pod kafka-3 in StatefulSet kafka success', firstAgo: 18, lastAgo: 18, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'kafka', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod kafka-3 in StatefulSet kafka successful', firstAgo: 18, lastAgo: 18, component: 'statefulset-controller' }),
      event({ on: { kind: 'PersistentVolumeClaim', name: 'data-kafka-3', namespace: ns }, reason: 'ProvisioningFailed', message: 'storageclass.storage.k8s.io "gp2-encrypted" not found', count: 74, firstAgo: 18, lastAgo: 0.2, component: 'persistentvolume-controller' }),
      failedScheduling(p3, '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.', { count: 9, firstAgo: 18, lastAgo: 2 }),
    ],
    logs: app.pods.slice(0, 3).map((p) => logsFor(p, 'kafka', { current: lines(`[${at(3).replace('T', ' ').replace('Z', '')}] INFO [ReplicaManager broker=${nameOf(p).slice(-1)}] Partition rebalance pending: broker 3 not registered (kafka.server.ReplicaManager)`) })),
    expect: {
      verdict: 'problems',
      headline: [/gp2-encrypted|storage ?class/i, /kafka-3/],
      facts: [/gp2-encrypted/, /data-kafka-3/],
      never: [/insufficient (cpu|memory)/i, /node affinity/i, /\bOOM/],
    },
  };
}

// ---- 8. a node whose image filesystem is full: the new image cannot be unpacked there -------------

function nodeImageFsFull(): CorpusScenario {
  const ns = 'web';
  const { nodes: healthy, names } = threeNodes('10.0.118');
  const full = names[2] ?? '';
  // The failed unpack pushed the disk past the eviction threshold: DiskPressure, tainted, after the pod was placed.
  const nodes = [...healthy.slice(0, 2), node({ name: full, zone: 'eu-west-1c', pressure: { disk: 11 }, taints: [{ key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule', timeAdded: new Date(Date.parse(at(11))) }] })];
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/web/storefront:${v}`, ports: [8080] })] });
  const newImage = `${ECR}/web/storefront:12.9.0`;
  const digest = 'sha256:5b1e0c7d9a3f42e8b6c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9';
  const pullErr = `rpc error: code = Unknown desc = failed to pull and unpack image "${newImage}": failed to extract layer ${digest}: write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/48213/fs/app/node_modules/@img/sharp-linux-x64/lib/libvips-cpp.so.42: no space left on device`;
  const app = deploymentApp({
    namespace: ns,
    name: 'storefront',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 60, createdAgo: 3 * DAYS, changeCause: 'argocd: storefront 12.8.4', template: tpl('12.8.4') },
      { revision: 61, createdAgo: 16, changeCause: 'argocd: storefront 12.9.0', template: tpl('12.9.0') },
    ],
    pods: [
      { revision: 60, node: names[0] ?? '', createdAgo: 3 * DAYS },
      { revision: 61, node: names[0] ?? '', createdAgo: 15.5 },
      { revision: 61, node: names[1] ?? '', createdAgo: 14 },
      { revision: 61, node: full, createdAgo: 12.5, containers: { app: waiting('ImagePullBackOff', `Back-off pulling image "${newImage}"`) } },
    ],
  });
  const stuck = app.pods[3] as k8s.V1Pod;
  return {
    id: 'heldout6-node-image-filesystem-full',
    class: 'nodes',
    truth: `The image filesystem (/var/lib/containerd) of node ${full} is full: the large ML images of yesterday's feature-extract jobs are still pinned there and the kubelet's image garbage collection cannot free anything ("only found 0 bytes eligible to free"). The new storefront 12.9.0 image pulls fine elsewhere (two revision-61 pods are Ready) but cannot be unpacked on that node ("no space left on device"), so the third pod sits in ImagePullBackOff and the rollout stalls; the failed unpacks pushed the node into DiskPressure 11 minutes ago. The registry, the tag and the credentials are fine, and revision 61 is not at fault. Fix: cordon ${full}, clean its images (or replace the node), and delete the stuck pod.`,
    ask: { service: 'storefront' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, pods: app.pods }),
      nodeEvent(full, 'ImageGCFailed', 'Failed to garbage collect required amount of images. Attempted to free 11811160064 bytes, but only found 0 bytes eligible to free.', { type: 'Warning', count: 41, firstAgo: 9 * HOURS, lastAgo: 3 }),
      scheduled(stuck, 12.5),
      event({ on: stuck, type: 'Normal', reason: 'Pulling', message: `Pulling image "${newImage}"`, count: 5, firstAgo: 12.4, lastAgo: 2, fieldPath: 'spec.containers{app}' }),
      event({ on: stuck, reason: 'Failed', message: `Failed to pull image "${newImage}": ${pullErr}`, count: 5, firstAgo: 11.9, lastAgo: 1.6, fieldPath: 'spec.containers{app}' }),
      event({ on: stuck, reason: 'Failed', message: 'Error: ErrImagePull', count: 5, firstAgo: 11.9, lastAgo: 1.6, fieldPath: 'spec.containers{app}' }),
      event({ on: stuck, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${newImage}"`, count: 38, firstAgo: 11.8, lastAgo: 0.3, fieldPath: 'spec.containers{app}' }),
      event({ on: stuck, reason: 'Failed', message: 'Error: ImagePullBackOff', count: 38, firstAgo: 11.8, lastAgo: 0.3, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`${at(2)} info: GET /product/88213 200 41ms`) })),
    expect: {
      verdict: 'problems',
      headline: [/no space|disk|image (file ?system|fs)|containerd/i, new RegExp(full.split('.')[0] ?? full)],
      facts: [/garbage collect|ImageGCFailed/i],
      never: [/not found|unauthori[sz]ed|credential|rate limit/i, BLAMES_ROLLOUT],
    },
  };
}

// ---- 9. a DaemonSet image without an arm64 build, on a new Graviton node group -------------------

function daemonSetNoArm64Image(): CorpusScenario {
  const ns = 'observability';
  const amd = [node({ name: nodeName('10.0.131.20'), zone: 'eu-west-1a' }), node({ name: nodeName('10.0.132.45'), zone: 'eu-west-1b' })];
  const arm = [
    node({ name: nodeName('10.0.140.11'), zone: 'eu-west-1a', arch: 'arm64', instanceType: 'm7g.xlarge', pool: 'general-graviton', createdAgo: 3 * HOURS }),
    node({ name: nodeName('10.0.141.87'), zone: 'eu-west-1b', arch: 'arm64', instanceType: 'm7g.xlarge', pool: 'general-graviton', createdAgo: 2.8 * HOURS }),
  ];
  const image = `${ECR}/platform/log-agent:0.41.1`;
  const ds = daemonSetApp({
    namespace: ns,
    name: 'log-agent',
    revisions: [{ revision: 6, createdAgo: 21 * DAYS, template: { containers: [container({ image, ports: [{ name: 'metrics', containerPort: 9598 }], cpu: '100m', memory: '256Mi', readiness: null, liveness: httpProbe('/health', 8686) })], tolerations: [{ operator: 'Exists' }] } }],
    pods: [
      ...amd.map((n) => ({ revision: 6, node: nameOf(n), createdAgo: 21 * DAYS })),
      ...arm.map((n, k) => ({ revision: 6, node: nameOf(n), createdAgo: 3 * HOURS - 12 * k, containers: { app: crashLoop({ exitCode: 255, finishedAgo: 2 + k, ranSeconds: 0 }, 35 - 2 * k) } })),
    ],
  });
  const other = bystander('observability', 'grafana', amd.map(nameOf), 50);
  const sick = ds.pods.slice(2);
  return {
    id: 'heldout6-daemonset-image-without-arm64-build',
    class: 'containers',
    truth: 'The general-graviton node group (m7g.xlarge, arm64) was added 3 hours ago. The log-agent DaemonSet tolerates everything, so it runs a pod there too, but its image platform/log-agent:0.41.1 was built for linux/amd64 only: the arm64 nodes run it and the binary cannot start ("exec /usr/bin/log-agent: exec format error", exit 255), crash-looping ever since, so nothing ships the logs of pods on the Graviton nodes. The amd64 pods are fine; the DaemonSet itself did not change. Fix: publish a multi-arch image (linux/arm64) or keep log-agent off arm64 nodes until one exists.',
    ask: { service: 'log-agent', namespace: ns },
    objects: [
      ...amd, ...arm, ...ds.objects, ...other.objects,
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 71), 2, 0, 50),
      ...sick.flatMap((p, k) => [
        ...restartedAgain(p, 'app', image, { count: 35 - 2 * k, firstAgo: 3 * HOURS - 12 * k, lastAgo: 2 + k }),
        backOff(p, 'app', { count: 800, firstAgo: 3 * HOURS - 12 * k }),
      ]),
    ],
    logs: [
      ...sick.map((p) => logsFor(p, 'app', { previous: lines('exec /usr/bin/log-agent: exec format error'), current: lines('exec /usr/bin/log-agent: exec format error') })),
      ...ds.pods.slice(0, 2).map((p) => logsFor(p, 'app', { current: lines(`${at(1)}  INFO vector::topology::builder: Healthcheck passed.`, `${at(0.5)}  INFO sink{component_kind="sink" component_id=loki}: events sent=412`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/exec format|arm64|architecture|platform/i],
      facts: [/arm64/, /255/],
      never: [/\bOOM|out of memory/i, BLAMES_ROLLOUT, /grafana/],
    },
  };
}

// ---- 10. gRPC clients sent GOAWAY too_many_pings after a keepalive change -----------------------

function grpcKeepaliveTooManyPings(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeNodes('10.0.152');
  const tpl = (keepalive: string | undefined) => ({ containers: [container({
    image: `${ECR}/orders/order-router:7.2.0`, ports: [8080],
    env: [{ name: 'INVENTORY_ADDR', value: 'inventory.orders.svc.cluster.local:9090' }, ...(keepalive === undefined ? [] : [{ name: 'GRPC_KEEPALIVE_TIME', value: keepalive }])],
    readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-router',
    replicas: 3,
    revisions: [
      { revision: 51, createdAgo: 11 * DAYS, changeCause: 'argocd: order-router 7.2.0', template: tpl(undefined) },
      { revision: 52, createdAgo: 52, changeCause: 'argocd: order-router keepalive 10s (NLB idle resets)', template: tpl('10s') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 52, node: names[k] ?? '', createdAgo: 51 - k, containers: { app: running({ sinceAgo: 51 - k, ready: k === 0 }) } })),
    settled: { available: true, availableSince: 18, progressingSince: 49 },
  });
  const inventory = deploymentApp({
    namespace: ns, name: 'inventory', replicas: 2,
    revisions: [{ revision: 30, createdAgo: 20 * DAYS, template: { containers: [container({ image: `${ECR}/orders/inventory:5.0.2`, ports: [9090], readiness: null })] } }],
    pods: [0, 1].map((k) => ({ revision: 30, node: names[k] ?? '', createdAgo: 20 * DAYS })),
  });
  const log = (p: k8s.V1Pod) => lines(
    `{"level":"info","ts":"${at(50.5)}","msg":"inventory client dialed","target":"inventory.orders.svc.cluster.local:9090","keepalive_time":"10s","permit_without_stream":true}`,
    `{"level":"warn","ts":"${at(44)}","msg":"grpc: addrConn.createTransport failed","pod":"${nameOf(p)}","err":"connection closed"}`,
    `{"level":"error","ts":"${at(20)}","msg":"ReserveStock failed","err":"rpc error: code = Unavailable desc = closing transport due to: connection error: desc = \\"error reading from server: EOF\\", received prior goaway: code: ENHANCE_YOUR_CALM, debug data: \\"too_many_pings\\""}`,
    `{"level":"error","ts":"${at(2)}","msg":"ReserveStock failed","err":"rpc error: code = Unavailable desc = closing transport due to: connection error: desc = \\"error reading from server: EOF\\", received prior goaway: code: ENHANCE_YOUR_CALM, debug data: \\"too_many_pings\\""}`,
    `{"level":"warn","ts":"${at(1)}","msg":"readiness failing","reason":"inventory error rate 0.41 > 0.2"}`,
  );
  return {
    id: 'heldout6-grpc-keepalive-too-many-pings',
    class: 'network',
    truth: 'Revision 52 (52 minutes ago) set GRPC_KEEPALIVE_TIME=10s on order-router\'s inventory client (with pings even without active streams) to survive NLB idle resets. The inventory server runs grpc-go with the default enforcement policy (MinTime 5 minutes), so after a few pings it answers GOAWAY ENHANCE_YOUR_CALM "too_many_pings" and closes the connection; every in-flight ReserveStock fails Unavailable, the error rate passes the readiness threshold and two of three order-router pods are unready. inventory itself is healthy; DNS and network policies are not involved. Fix: roll back to revision 51 or set the keepalive to at least 5 minutes (or relax the server\'s enforcement policy).',
    ask: { service: 'order-router' },
    objects: [
      ...nodes, ...app.objects, ...inventory.objects,
      ...exposed({ namespace: ns, name: 'order-router', selector: { app: 'order-router' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'inventory', selector: { app: 'inventory' }, pods: inventory.pods, ports: [{ name: 'grpc', port: 9090, targetPort: 9090 }], endpointPort: 9090 }),
      ...app.pods.slice(1).map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 95, firstAgo: 18 })),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { current: log(p) })),
      ...inventory.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(3)} INFO ReserveStock ok sku=88-1120 qty=2`, `${at(2)} ERROR transport: Got too many pings from the client, closing the connection.`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/too_many_pings|keepalive|GOAWAY|ENHANCE_YOUR_CALM/i, /revision 52|GRPC_KEEPALIVE/i],
      facts: [/inventory/],
      never: [/\bDNS\b/, /network ?policy/i, /\bOOM/],
    },
  };
}

// ---- 11. a LimitRange refusing the memory limit a rollout raised ------------------------------------

function limitRangeRefusesMemoryLimit(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeNodes('10.0.163');
  const tpl = (v: string, memory: string) => ({ containers: [container({ image: `${ECR}/reporting/report-builder:${v}`, ports: [8080], memory })] });
  const revisions = [
    { revision: 23, createdAgo: 15 * DAYS, changeCause: 'argocd: report-builder 3.9.0', template: tpl('3.9.0', '1536Mi') },
    { revision: 24, createdAgo: 31, changeCause: 'argocd: report-builder 3.10.0 (memory 3Gi for PDF batches)', template: tpl('3.10.0', '3Gi') },
  ];
  const pods = [0, 1].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 15 * DAYS }));
  const base = deploymentApp({ namespace: ns, name: 'report-builder', replicas: 2, revisions, pods });
  const newRs = rsOf(base, 24);
  const message = `pods "${newRs}-xk2pd" is forbidden: maximum memory usage per Container is 2Gi, but limit is 3Gi`;
  const app = deploymentApp({ namespace: ns, name: 'report-builder', replicas: 2, revisions, pods, conditions: replicaFailure(newRs, message, 30) });
  return {
    id: 'heldout6-limitrange-refuses-memory-limit',
    class: 'config',
    truth: 'Revision 24 (report-builder 3.10.0, 31 minutes ago) raised the container memory to 3Gi (request and limit) for large PDF batches. The namespace reporting has a LimitRange, container-limits, with max memory 2Gi per container, so admission refuses every pod of the new ReplicaSet ("maximum memory usage per Container is 2Gi, but limit is 3Gi") and the rollout never starts; the two revision-23 pods keep running. Not a quota and not node capacity. Fix: raise the LimitRange max (platform team) or bring the limit back to 2Gi.',
    ask: { service: 'report-builder' },
    objects: [
      ...nodes, ...app.objects,
      limitRange({ namespace: ns, name: 'container-limits', createdAgo: 60 * DAYS, limits: [{ type: 'Container', max: { memory: '2Gi', cpu: '2' }, _default: { memory: '512Mi', cpu: '500m' }, defaultRequest: { memory: '256Mi', cpu: '100m' } } as k8s.V1LimitRangeItem] }),
      ...exposed({ namespace: ns, name: 'report-builder', selector: { app: 'report-builder' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, newRs, 1, 0, 31),
      event({ on: replicaSetOf(app, 24), reason: 'FailedCreate', message: `Error creating: ${message}`, count: 19, firstAgo: 31, lastAgo: 1, component: 'replicaset-controller' }),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: lines(`${pyTime(4)} INFO report done id=r-55${nameOf(p).slice(-2)} pages=14`) })),
    expect: {
      verdict: 'problems',
      headline: [/LimitRange|maximum memory|forbidden/i, /2Gi|3Gi/],
      facts: [/revision 24/, /container-limits|LimitRange/],
      never: [/quota/i, /Insufficient/i, /\bOOM/],
    },
  };
}

// ---- 12. a new egress NetworkPolicy that forgot DNS --------------------------------------------------

function egressPolicyForgotDns(): CorpusScenario {
  const ns = 'checkout';
  const { nodes, names } = threeNodes('10.0.174');
  const image = `${ECR}/checkout/cart-api:5.3.0`;
  const app = deploymentApp({
    namespace: ns,
    name: 'cart-api',
    replicas: 3,
    revisions: [{ revision: 40, createdAgo: 4 * DAYS, changeCause: 'argocd: cart-api 5.3.0', template: { containers: [container({ image, ports: [3000], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 40, node: names[k] ?? '', createdAgo: 4 * DAYS, containers: { app: running({ sinceAgo: 4 * DAYS, ready: false }) } })),
    settled: { available: false, availableSince: 19, progressingSince: 4 * DAYS },
  });
  const redis = statefulSetApp({ namespace: ns, name: 'cart-redis', replicas: 1, revisions: [{ revision: 2, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'redis', image: 'public.ecr.aws/docker/library/redis:7.2.5', ports: [6379], readiness: null, liveness: null })] } }], pods: [{ revision: 2, ordinal: 0, node: names[1] ?? '', createdAgo: 9 * DAYS }] });
  const policy = networkPolicy({
    namespace: ns, name: 'cart-api-egress', createdAgo: 21, podSelector: { app: 'cart-api' }, policyTypes: ['Egress'],
    egress: [
      { to: [{ podSelector: { matchLabels: { app: 'cart-redis' } } }], ports: [{ protocol: 'TCP', port: 6379 }] },
      { to: [{ ipBlock: { cidr: '10.0.96.0/20' } }], ports: [{ protocol: 'TCP', port: 5432 }] },
    ] as k8s.V1NetworkPolicyEgressRule[],
  });
  const log = lines(
    `{"level":30,"time":"${at(25)}","msg":"GET /cart 200","ms":12}`,
    `{"level":50,"time":"${at(20)}","msg":"redis connection lost","err":"getaddrinfo EAI_AGAIN cart-redis.checkout.svc.cluster.local"}`,
    `{"level":50,"time":"${at(12)}","msg":"pg connect failed","err":"getaddrinfo EAI_AGAIN carts.cluster-c1a2.eu-west-1.rds.amazonaws.com"}`,
    `{"level":50,"time":"${at(1)}","msg":"redis reconnect failed","err":"getaddrinfo EAI_AGAIN cart-redis.checkout.svc.cluster.local"}`,
  );
  return {
    id: 'heldout6-egress-policy-forgot-dns',
    class: 'network',
    truth: 'The security team applied NetworkPolicy cart-api-egress 21 minutes ago to restrict cart-api\'s egress to cart-redis (6379) and the database subnet (5432). Making it an Egress policy denies everything else, including DNS (UDP/TCP 53 to kube-dns in kube-system), so every lookup fails with EAI_AGAIN once cached answers expire; cart-api loses Redis and Postgres and all three pods turn unready. CoreDNS, Redis and the database are healthy; cart-api did not change. Fix: add an egress rule to kube-dns on port 53 (UDP and TCP) to cart-api-egress.',
    ask: { service: 'cart-api' },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, policy,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'cart-redis', selector: { app: 'cart-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
      ...app.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 110, firstAgo: 19 })),
      event({ on: app.pods[0] ?? {}, reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${ipOfPod(app.pods[0])}:3000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, firstAgo: 26 * HOURS, lastAgo: 26 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: log })),
    expect: {
      verdict: 'problems',
      headline: [/cart-api-egress|network ?policy/i, /DNS|53|EAI_AGAIN|resol/i],
      facts: [/cart-api-egress/],
      never: [/CoreDNS (is )?(down|crash|unhealthy)/i, BLAMES_ROLLOUT, /\bOOM/],
    },
  };
}

// ---- 13. healthy: a steady service with old noise around it ---------------------------------------

function healthySteadyWithOldNoise(): CorpusScenario {
  const ns = 'messaging';
  const { nodes, names } = threeNodes('10.0.185');
  const image = `${ECR}/messaging/mailer:4.2.3`;
  const app = deploymentApp({
    namespace: ns,
    name: 'mailer',
    replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 20 * DAYS, template: { containers: [container({ image: `${ECR}/messaging/mailer:4.2.2`, ports: [8080] })] } },
      { revision: 18, createdAgo: 6 * DAYS, changeCause: 'argocd: mailer 4.2.3', template: { containers: [container({ image, ports: [8080] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 6 * DAYS, ...(k === 1 ? { containers: { app: running({ sinceAgo: 2 * DAYS + 3 * HOURS, restarts: 1, last: { exitCode: 1, finishedAgo: 2 * DAYS + 3 * HOURS, ranSeconds: 3 * DAYS } }) } } : {}) })),
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS },
  });
  const other = bystander(ns, 'mail-templates', names, 9);
  const p = app.pods[0] as k8s.V1Pod;
  return {
    id: 'heldout6-healthy-steady-with-old-noise',
    class: 'healthy',
    truth: 'Nothing is wrong with mailer: its three revision-18 pods (6 days old) are Ready and delivering. The one restart (exit 1) was two days ago, when the SMTP relay was briefly unreachable, and has not recurred; the FailedCreatePodSandBox warning is from yesterday, on a pod that started fine on retry; the "421 try again later" lines are ordinary greylisting that the mailer retries. The mail-templates rollout 9 minutes ago is unrelated and healthy.',
    ask: { service: 'mailer' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'mailer', selector: { app: 'mailer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'mail-templates', selector: { app: 'mail-templates' }, pods: other.pods }),
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 71), 2, 0, 9),
      event({ on: p, reason: 'FailedCreatePodSandBox', message: 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "3f9c1e": plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container', firstAgo: 21 * HOURS, lastAgo: 21 * HOURS }),
    ],
    logs: app.pods.map((q, k) => logsFor(q, 'app', { current: lines(
      `${at(6)} INFO delivered msg=${8812 + k} to=gmail-smtp-in.l.google.com status=250`,
      `${at(4)} WARN deferred msg=${8830 + k} to=mx.example-mail.de status=421 "try again later" retry_in=300s`,
      `${at(1)} INFO delivered msg=${8851 + k} to=outlook-com.olc.protection.outlook.com status=250`,
    ), ...(k === 1 ? { previous: lines(`${at(2 * DAYS + 3 * HOURS + 0.1)} ERROR smtp relay email-smtp.eu-west-1.amazonaws.com:587 unreachable: connect ETIMEDOUT`, `${at(2 * DAYS + 3 * HOURS)} FATAL giving up after 5 attempts, exiting`) } : {}) })),
    expect: {
      verdict: 'healthy',
      headline: [/mailer/],
      facts: [],
      never: [BLAMES_ROLLOUT, /mail-templates/, /crash-?loop/i, /sandbox/i],
    },
  };
}

// ---- 14. healthy: recovered after a node was replaced ---------------------------------------------

function healthyRecoveredAfterNodeReplacement(): CorpusScenario {
  const ns = 'shipping';
  const { nodes, names } = threeNodes('10.0.196');
  const gone = nodeName('10.0.196.240');
  const image = `${ECR}/shipping/rate-quoter:2.8.0`;
  const app = deploymentApp({
    namespace: ns,
    name: 'rate-quoter',
    replicas: 3,
    revisions: [{ revision: 33, createdAgo: 9 * DAYS, changeCause: 'argocd: rate-quoter 2.8.0', template: { containers: [container({ image, ports: [8080], readiness: httpProbe('/ready', 8080, { initialDelaySeconds: 5 }) })] } }],
    pods: [
      { revision: 33, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 33, node: names[1] ?? '', createdAgo: 9 * DAYS },
      { revision: 33, node: names[2] ?? '', createdAgo: 14 },
    ],
    settled: { available: true, availableSince: 13, progressingSince: 9 * DAYS },
  });
  const fresh = app.pods[2] as k8s.V1Pod;
  return {
    id: 'heldout6-healthy-recovered-after-node-replacement',
    class: 'healthy',
    truth: `Nothing needs doing: the node ${gone} failed its EC2 status check 20 minutes ago and was replaced by the node group; the rate-quoter pod on it was evicted and its replacement started 14 minutes ago on ${names[2] ?? ''}, failed readiness twice while warming up and has been Ready since 13 minutes ago. All three pods are Ready with no restarts; the node's NotReady events are history.`,
    ask: { service: 'rate-quoter' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'rate-quoter', selector: { app: 'rate-quoter' }, pods: app.pods }),
      nodeEvent(gone, 'NodeNotReady', `Node ${gone} status is now: NodeNotReady`, { firstAgo: 20, component: 'node-controller' }),
      event({ on: { kind: 'Pod', name: `${rsOf(app, 33)}-hw4kz`, namespace: ns }, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/${rsOf(app, 33)}-hw4kz`, firstAgo: 15, lastAgo: 15, component: 'taint-eviction-controller' }),
      ...startedAt(fresh, 'app', image, 14),
      probeFailed(fresh, 'app', 'Readiness', `Get "http://${ipOfPod(fresh)}:8080/ready": dial tcp ${ipOfPod(fresh)}:8080: connect: connection refused`, { count: 2, firstAgo: 13.9, lastAgo: 13.6 }),
    ],
    logs: app.pods.map((q) => logsFor(q, 'app', { current: lines(`${pyTime(3)} INFO quote carrier=dhl zone=EU-2 ms=88`, `${pyTime(1)} INFO quote carrier=ups zone=EU-1 ms=102`) })),
    expect: {
      verdict: 'healthy',
      headline: [/rate-quoter/],
      facts: [],
      never: [BLAMES_ROLLOUT, /readiness probe fail/i, /\bOOM/],
    },
  };
}

export const HOLDOUT_6_SCENARIOS: CorpusScenario[] = [
  secretRotatedOldPassword(),
  livenessProbeBehindAuth(),
  startupProbeKillsMigrations(),
  webhookTimeoutNoPods(),
  istioSidecarOomKilled(),
  jobActiveDeadlineExceeded(),
  statefulSetStorageClassRemoved(),
  nodeImageFsFull(),
  daemonSetNoArm64Image(),
  grpcKeepaliveTooManyPings(),
  limitRangeRefusesMemoryLimit(),
  egressPolicyForgotDns(),
  healthySteadyWithOldNoise(),
  healthyRecoveredAfterNodeReplacement(),
];
