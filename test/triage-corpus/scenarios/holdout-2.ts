// Corpus stories: the second holdout. Fourteen failures written without reading the bot's code, to
// measure how it does on stories its authors have not seen: gunicorn workers killed by their own
// timeout under a slow database, an upstream's expired certificate, a sidecar-injector webhook
// without endpoints, a Secret volume that does not exist, a subPath to a missing ConfigMap key, a
// memory leak with no change, an HPA blind without the metrics API, a PodDisruptionBudget that
// blocks a node drain (the workload itself is fine), a maxUnavailable-0 rollout with no room for
// its surge pod, a Postgres volume full of WAL, a rotated Secret with a trailing newline, an init
// container waiting for a Service that does not exist, a suspended CronJob, and a healthy control.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, clfTime, configMap, container, coreDns, crashLoop, createdPod, cronJob, daemonSetApp,
  deploymentApp, event, every, exposed, failedScheduling, hpa, httpProbe, job, nameOf, node, nodeEvent, notTriggerScaleUp, probeFailed, pvc, pv,
  pyTime, replicaSetOf, restartedAgain, running, scaledReplicaSet, service, statefulSetApp, tcpProbe, terminated, uidOf, waiting,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- local helpers -------------------------------------------------------------------------

/** Blames a rollout (or advises undoing one) where the rollout is not the cause. */
const BLAMES_ROLLOUT = /roll(ing)? ?back to|undo the rollout|rollout undo|revision \d+[^\n]*(caused|broke|introduced)/i;

const EXIT_1 = /\bexit(s|ed)?( with)?( code)? 1\b|exit code 1\b|exitCode:? 1\b|\b1 \(exit/i;

/** An EKS node name for a private IP. */
function nodeName(ip: string): string {
  return `ip-${ip.replace(/\./g, '-')}.eu-west-1.compute.internal`;
}

function must<T>(x: T | undefined, what: string): T {
  if (x === undefined) throw new Error(`holdout-2: missing ${what}`);
  return x;
}

function deploymentOf(app: Built): k8s.V1Deployment {
  return app.objects[0] as k8s.V1Deployment;
}

function rsOfRevision(app: Built, revision: number): k8s.V1ReplicaSet {
  return replicaSetOf(app, revision) as k8s.V1ReplicaSet;
}

/** The ReplicaSet controller cannot create pods: FailedCreate copied into ReplicaFailure conditions. */
function replicaFailure(app: Built, rs: k8s.V1ReplicaSet, desired: number, message: string, sinceAgo: number): void {
  const failure = { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message, lastTransitionTime: ago(sinceAgo) };
  if (rs.spec !== undefined) rs.spec.replicas = desired;
  if (rs.status !== undefined) rs.status.conditions = [failure];
  deploymentOf(app).status?.conditions?.push({ ...failure, lastUpdateTime: ago(sinceAgo) });
}

const ipOfPod = (p: k8s.V1Pod | undefined): string => p?.status?.podIP ?? '10.0.0.1';

/** gunicorn's log time: `[2026-11-21 03:12:41 +0000]`. */
const gTime = (minutes: number): string => `[${at(minutes).slice(0, 19).replace('T', ' ')} +0000]`;

/** PostgreSQL's log_line_prefix time: `2026-11-21 03:13:22.901 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');

// ---- 1. gunicorn workers killed by their own timeout under a slow database -------------------

/**
 * The catalog Postgres (RDS) has answered product queries in 20–40 s since about 02:38: the
 * nightly price import's bulk UPDATE holds row locks on products. catalog-api's gunicorn sync
 * workers block on those queries past `--timeout 30`; the arbiter aborts them ([CRITICAL]
 * WORKER TIMEOUT) and boots new ones. /healthz/ready needs a free worker and a SELECT 1, so the
 * pods flap in and out of the Service. No restart, no rollout (revision 41 is 12 days old).
 */
function gunicornWorkerTimeoutSlowDb(): CorpusScenario {
  const ns = 'catalog';
  const nodes = [
    node({ name: nodeName('10.0.151.22'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.152.140'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.153.61'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const dbHost = 'catalog-db.cluster-cq1x8f2kz7ab.eu-west-1.rds.amazonaws.com';
  const image = (v: string) => `${ECR}/catalog/catalog-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      command: ['gunicorn'],
      args: ['catalog.wsgi:application', '--bind', '0.0.0.0:8000', '--workers', '4', '--timeout', '30', '--access-logfile', '-'],
      ports: [8000],
      cpu: '500m',
      memory: '768Mi',
      env: [
        { name: 'DB_HOST', value: dbHost },
        { name: 'DB_NAME', value: 'catalog' },
        { name: 'DB_USER', value: 'catalog_api' },
        { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'catalog-db', key: 'password' } } },
        { name: 'DJANGO_SETTINGS_MODULE', value: 'catalog.settings.prod' },
      ],
      readiness: httpProbe('/healthz/ready', 8000, { timeoutSeconds: 2 }),
      liveness: httpProbe('/healthz/live', 8000, { initialDelaySeconds: 20, timeoutSeconds: 5, failureThreshold: 6 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-api',
    replicas: 4,
    revisions: [
      { revision: 40, createdAgo: 31 * DAYS, template: tpl('7.13.0') },
      { revision: 41, createdAgo: 12 * DAYS, changeCause: 'argocd: catalog-api 7.14.3', template: tpl('7.14.3') },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 41, node: names[1] ?? '', createdAgo: 12 * DAYS, containers: { app: running({ sinceAgo: 12 * DAYS, ready: false }) } },
      { revision: 41, node: names[2] ?? '', createdAgo: 12 * DAYS },
      { revision: 41, node: names[0] ?? '', createdAgo: 12 * DAYS },
    ],
  });
  const sync = deploymentApp({
    namespace: ns,
    name: 'catalog-search-sync',
    replicas: 1,
    revisions: [{ revision: 9, createdAgo: 45 * DAYS, template: { containers: [container({ image: `${ECR}/catalog/search-sync:2.4.1`, cpu: '200m', memory: '256Mi', ports: [9090] })] } }],
    pods: [{ revision: 9, node: names[2] ?? '', createdAgo: 45 * DAYS }],
  });
  const readinessCounts = [44, 61, 39, 52];
  const lastFail = [3.2, 0.3, 5.8, 1.9];
  const logsFor = (p: k8s.V1Pod, k: number): string => {
    let pid = 310 + k * 97;
    return every(8, 0, 20, (t, i) => {
      const lines: string[] = [];
      const client = `10.0.${150 + (i % 3)}.${40 + ((i * 7 + k) % 180)}`;
      if (i % 3 === 0) {
        const victim = pid;
        pid += 1;
        lines.push(
          `${gTime(t)} [1] [CRITICAL] WORKER TIMEOUT (pid:${victim})`,
          `${gTime(t)} [${victim}] [ERROR] Error handling request /v1/products?category=${['garden', 'kitchen', 'toys', 'outdoor'][i % 4] ?? 'garden'}&page=${1 + (i % 5)}`,
          'Traceback (most recent call last):',
          '  File "/usr/local/lib/python3.11/site-packages/gunicorn/workers/sync.py", line 135, in handle',
          '    self.handle_request(listener, req, client, addr)',
          '  File "/usr/local/lib/python3.11/site-packages/gunicorn/workers/sync.py", line 178, in handle_request',
          '    respiter = self.wsgi(environ, resp.start_response)',
          '  File "/app/catalog/views/products.py", line 61, in list_products',
          '    rows = repository.list_products(category, page)',
          '  File "/app/catalog/repository.py", line 88, in list_products',
          '    cur.execute(LIST_PRODUCTS_SQL, params)',
          '  File "/usr/local/lib/python3.11/site-packages/gunicorn/workers/base.py", line 204, in handle_abort',
          '    sys.exit(1)',
          'SystemExit: 1',
          `${gTime(t - 0.01)} [${victim}] [INFO] Worker exiting (pid: ${victim})`,
          `${gTime(t - 0.02)} [1] [ERROR] Worker (pid:${victim}) exited with code 1`,
          `${gTime(t - 0.03)} [${pid + 400}] [INFO] Booting worker with pid: ${pid + 400}`,
        );
      } else if (i % 3 === 1) {
        lines.push(`${pyTime(t)} WARNING catalog.db: slow query ${(18 + ((i * 13 + k * 5) % 21)).toFixed(1)}s on ${dbHost}: SELECT p.id, p.sku, p.title, pr.amount, s.available FROM products p JOIN prices pr ON pr.product_id = p.id JOIN stock s ON s.product_id = p.id WHERE p.category_id = %s ORDER BY p.rank LIMIT 48 OFFSET %s`);
        lines.push(`${client} - - [${clfTime(t)}] "GET /v1/products?category=kitchen&page=2 HTTP/1.1" 200 18231 "-" "catalog-web/3.2.0"`);
      } else {
        lines.push(`${client} - - [${clfTime(t)}] "GET /v1/products/SKU-${40000 + i * 13} HTTP/1.1" 200 2210 "-" "catalog-web/3.2.0"`);
        lines.push(`${pyTime(t - 0.01)} WARNING catalog.health: readiness check failed: database ping took 2.41s (limit 1.5s)`);
      }
      return `${lines.join('\n')}\n`;
    });
  };
  return {
    id: 'holdout2-gunicorn-worker-timeout-slow-db',
    class: 'probes',
    truth: 'Since ~02:38 the catalog Postgres (RDS catalog-db) has answered product queries in 20–40 s (the nightly price import holds row locks on products); catalog-api\'s gunicorn sync workers block past --timeout 30, the arbiter aborts them ([CRITICAL] WORKER TIMEOUT, worker exits 1, a new one boots), and /healthz/ready (needs a free worker and a DB ping) times out, so the 4 pods flap in and out of the Service (3/4 Ready now). No container restarts, no rollout (revision 41 is 12 days old). Fix the database side (stop or throttle the import); a longer worker timeout would only hide it.',
    ask: { service: 'catalog-api' },
    objects: [
      ...nodes,
      ...app.objects,
      ...sync.objects,
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'catalog-search-sync', selector: { app: 'catalog-search-sync' }, pods: sync.pods, endpointPort: 9090 }),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8000/healthz/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: readinessCounts[k] ?? 40, firstAgo: 36, lastAgo: lastFail[k] ?? 1 })),
      ...app.pods.slice(0, 2).map((p) => probeFailed(p, 'app', 'Liveness', `Get "http://${ipOfPod(p)}:8000/healthz/live": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 7, firstAgo: 31, lastAgo: 4 })),
      event({ on: sync.pods[0] ?? {}, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(sync.pods[0])}:9090/ready": dial tcp ${ipOfPod(sync.pods[0])}:9090: connect: connection refused`, count: 1, firstAgo: 50, lastAgo: 50, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: logsFor(p, k) })),
      { namespace: ns, pod: nameOf(sync.pods[0]), container: 'app', current: `${at(1.2)} INFO sync: pushed 212 product updates to opensearch (lag 41s)\n` },
    ],
    expect: {
      verdict: 'problems',
      headline: [/WORKER TIMEOUT|worker time-?outs?|gunicorn/i, /database|\bDB\b|postgres|slow quer|catalog-db/i],
      facts: [/readiness/i, /catalog-db|rds\.amazonaws\.com/],
      never: [/\bOOM|out of memory/i, BLAMES_ROLLOUT, /crash-?loop/i],
    },
  };
}

// ---- 2. an upstream's certificate expired --------------------------------------------------

/**
 * fx-rates refreshes its quotes every minute from a partner bank's API over TLS. The partner's
 * certificate expired at 00:00 UTC; since then every refresh fails with Go's "x509: certificate
 * has expired or is not yet valid", and conversions that need quotes younger than 15 minutes get
 * 503. Pods stay Ready (readiness does not check the upstream). Revision 19, five hours old and
 * working until midnight, is a red herring.
 */
function upstreamCertificateExpired(): CorpusScenario {
  const ns = 'treasury';
  const nodes = [
    node({ name: nodeName('10.0.161.18'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.162.201'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.163.77'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/treasury/fx-rates:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      cpu: '200m',
      memory: '256Mi',
      env: [
        { name: 'UPSTREAM_URL', value: 'https://rates.partner-bank.eu/v2/quotes' },
        { name: 'REFRESH_INTERVAL', value: '60s' },
        { name: 'MAX_QUOTE_AGE', value: '15m' },
        { name: 'UPSTREAM_CLIENT_ID', valueFrom: { secretKeyRef: { name: 'partner-bank-api', key: 'client-id' } } },
      ],
      readiness: httpProbe('/readyz', 8080),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'fx-rates',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, template: tpl('2.11.4') },
      { revision: 19, createdAgo: 5 * HOURS, changeCause: 'argocd: fx-rates 2.12.0 (JPY crosses)', template: tpl('2.12.0') },
    ],
    pods: [0, 1, 2].map((i) => ({ revision: 19, node: names[i] ?? '', createdAgo: 5 * HOURS - i * 0.5 })),
  });
  const ledger = deploymentApp({
    namespace: ns,
    name: 'fx-ledger',
    replicas: 2,
    revisions: [{ revision: 33, createdAgo: 20 * DAYS, template: { containers: [container({ image: `${ECR}/treasury/fx-ledger:5.0.2`, cpu: '300m', memory: '512Mi' })] } }],
    pods: [{ revision: 33, node: names[0] ?? '', createdAgo: 20 * DAYS }, { revision: 33, node: names[2] ?? '', createdAgo: 20 * DAYS }],
  });
  const midnight = 194; // 00:00 UTC, minutes before NOW
  const rfc = (t: number) => `${at(t).slice(0, 19)}Z`;
  const logsFor = (start: number, k: number): string => {
    const boot = [
      `{"level":"info","ts":"${at(start)}","caller":"cmd/main.go:38","msg":"starting fx-rates","version":"2.12.0","commit":"b71e0c4","go":"go1.23.3"}`,
      `{"level":"info","ts":"${at(start - 0.01)}","caller":"upstream/client.go:54","msg":"upstream configured","url":"https://rates.partner-bank.eu/v2/quotes","refresh":"60s"}`,
      `{"level":"info","ts":"${at(start - 0.02)}","caller":"http/server.go:27","msg":"listening","addr":":8080"}`,
      '',
    ].join('\n');
    const ok = every(start - 0.5, midnight + 0.2, 60, (t) => `{"level":"info","ts":"${at(t)}","caller":"quote/refresher.go:71","msg":"quotes refreshed","pairs":164,"duration_ms":${180 + ((Math.round(t) * 7 + k) % 90)}}\n`);
    const failing = every(midnight - 0.2 - k * 0.1, 0, 60, (t) => {
      const age = midnight + 0.2 - t;
      const h = Math.floor(age / 60);
      const m = Math.floor(age % 60);
      return [
        `{"level":"error","ts":"${at(t)}","caller":"quote/refresher.go:64","msg":"quote refresh failed","upstream":"rates.partner-bank.eu","error":"Get \\"https://rates.partner-bank.eu/v2/quotes?base=EUR\\": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time ${rfc(t)} is after 2026-11-21T00:00:00Z"}`,
        ...(age > 15 ? [`{"level":"warn","ts":"${at(t - 0.2)}","caller":"http/convert.go:48","msg":"request","method":"GET","path":"/v1/convert","status":503,"error":"quotes stale (age ${h}h${m}m, max 15m)"}`] : []),
        '',
      ].join('\n');
    });
    return boot + ok + failing;
  };
  return {
    id: 'holdout2-upstream-tls-certificate-expired',
    class: 'network',
    truth: 'The partner bank\'s TLS certificate for rates.partner-bank.eu expired at 2026-11-21T00:00:00Z; since then every quote refresh of fx-rates fails with "x509: certificate has expired or is not yet valid" and conversions needing fresh quotes return 503. The 3 pods are Ready (readiness does not check the upstream). Revision 19 (5 hours ago) worked until midnight and is not the cause. The partner must renew its certificate; nothing to roll back.',
    ask: { service: 'fx-rates' },
    objects: [
      ...nodes,
      ...app.objects,
      ...ledger.objects,
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-ledger', selector: { app: 'fx-ledger' }, pods: ledger.pods }),
      event({ on: ledger.pods[1] ?? {}, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(ledger.pods[1])}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 40, lastAgo: 39, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: logsFor(5 * HOURS - k * 0.5 - 0.1, k) })),
      ...ledger.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: `${at(0.8)} INFO ledger: booked 12 conversions (batch 88211)\n` })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/x509|certificate|\bcert\b|TLS/i, /expired?/i],
      facts: [/rates\.partner-bank\.eu/, /3\/3/],
      never: [BLAMES_ROLLOUT, /\bOOM/, /DNS|name resolution|no such host/i],
    },
  };
}

// ---- 3. the sidecar-injector webhook has no endpoints --------------------------------------

/**
 * While cleaning up the old canary control plane, someone scaled the wrong istiod Deployment
 * (istio-system/istiod) to 0, 21 minutes ago. The sidecar injector webhook
 * (namespace.sidecar-injector.istio.io, failurePolicy Fail) now has no endpoints, so when
 * points-api revision 27 rolled out 12 minutes ago, every new pod was rejected at admission.
 * The rollout is stuck; revision 26 serves on 3 of 4 pods.
 */
function sidecarInjectorWebhookNoEndpoints(): CorpusScenario {
  const ns = 'loyalty';
  const nodes = [
    node({ name: nodeName('10.0.171.30'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.172.95'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.173.140'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const proxyImage = 'docker.io/istio/proxyv2:1.23.3';
  const istioInit = container({
    name: 'istio-init', image: proxyImage, args: ['istio-iptables', '-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15090,15021,15020'],
    ports: [], cpu: '100m', memory: '128Mi', memoryLimit: '1Gi', cpuLimit: '2', readiness: null, liveness: null,
    securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_ADMIN', 'NET_RAW'], drop: ['ALL'] }, runAsUser: 0, runAsNonRoot: false },
  });
  const istioProxy = container({
    name: 'istio-proxy', image: proxyImage, args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local'],
    ports: [{ name: 'http-envoy-prom', containerPort: 15090 }], cpu: '100m', memory: '128Mi', memoryLimit: '1Gi', cpuLimit: '2',
    env: [{ name: 'CA_ADDR', value: 'istiod.istio-system.svc:15012' }, { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
    readiness: httpProbe('/healthz/ready', 15021, { periodSeconds: 15, failureThreshold: 4 }), liveness: null,
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsUser: 1337, runAsNonRoot: true },
  });
  const appContainer = (v: string) => container({ image: `${ECR}/loyalty/points-api:${v}`, cpu: '300m', memory: '512Mi', env: [{ name: 'LEDGER_URL', value: 'http://points-ledger.loyalty.svc.cluster.local:8080' }] });
  const injected = (v: string) => ({ containers: [appContainer(v), istioProxy], initContainers: [istioInit], labels: { 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': 'points-api' }, annotations: { 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"revision":"default"}' } });
  const app = deploymentApp({
    namespace: ns,
    name: 'points-api',
    replicas: 4,
    revisions: [
      { revision: 26, createdAgo: 10 * DAYS, template: injected('3.8.2') },
      { revision: 27, createdAgo: 12, changeCause: 'argocd: points-api 3.9.0', template: injected('3.9.0') },
    ],
    pods: [
      { revision: 26, node: names[0] ?? '', createdAgo: 10 * DAYS },
      { revision: 26, node: names[1] ?? '', createdAgo: 10 * DAYS },
      { revision: 26, node: names[2] ?? '', createdAgo: 10 * DAYS },
    ],
  });
  // The sidecar is injected at pod creation: the templates hold only the app container.
  for (const o of app.objects) {
    if (o.kind === 'Deployment' || o.kind === 'ReplicaSet') {
      const spec = (o as k8s.V1Deployment).spec?.template.spec;
      if (spec !== undefined) {
        spec.containers = spec.containers.filter((c) => c.name === 'app');
        delete spec.initContainers;
      }
      const meta = (o as k8s.V1Deployment).spec?.template.metadata;
      if (meta !== undefined) delete meta.annotations;
    }
  }
  const deployment = deploymentOf(app);
  const newRs = rsOfRevision(app, 27);
  const oldRs = rsOfRevision(app, 26);
  const refused = 'Internal error occurred: failed calling webhook "namespace.sidecar-injector.istio.io": failed to call webhook: Post "https://istiod.istio-system.svc:443/inject?timeout=10s": no endpoints available for service "istiod"';
  replicaFailure(app, newRs, 2, refused, 12);
  const ledger = deploymentApp({
    namespace: ns,
    name: 'points-ledger',
    replicas: 2,
    revisions: [{ revision: 14, createdAgo: 22 * DAYS, template: { containers: [container({ image: `${ECR}/loyalty/points-ledger:1.19.0`, cpu: '200m', memory: '384Mi' }), istioProxy], initContainers: [istioInit] } }],
    pods: [{ revision: 14, node: names[1] ?? '', createdAgo: 22 * DAYS }, { revision: 14, node: names[2] ?? '', createdAgo: 22 * DAYS }],
  });
  const istiodTemplate = {
    containers: [container({ name: 'discovery', image: 'docker.io/istio/pilot:1.23.3', args: ['discovery', '--monitoringAddr=:15014', '--domain', 'cluster.local', '--keepaliveMaxServerConnectionAge', '30m'], ports: [8080, { name: 'grpc-xds', containerPort: 15010 }, { name: 'https-dns', containerPort: 15012 }, { name: 'https-webhooks', containerPort: 15017 }], cpu: '500m', memory: '2Gi', memoryLimit: null, readiness: httpProbe('/ready', 8080, { initialDelaySeconds: 1, periodSeconds: 3, timeoutSeconds: 5 }), liveness: null })],
    serviceAccountName: 'istiod',
  };
  const istiod = deploymentApp({
    namespace: 'istio-system',
    name: 'istiod',
    replicas: 0,
    selector: { app: 'istiod', 'istio.io/rev': 'default' },
    revisions: [{ revision: 9, createdAgo: 63 * DAYS, template: istiodTemplate }],
    pods: [],
  });
  const istiodRs = rsOfRevision(istiod, 9);
  const canary = deploymentApp({
    namespace: 'istio-system',
    name: 'istiod-1-22-6',
    replicas: 1,
    selector: { app: 'istiod', 'istio.io/rev': '1-22-6' },
    revisions: [{ revision: 2, createdAgo: 70 * DAYS, template: { ...istiodTemplate, containers: [container({ name: 'discovery', image: 'docker.io/istio/pilot:1.22.6', ports: [8080, { name: 'https-webhooks', containerPort: 15017 }], cpu: '500m', memory: '2Gi', memoryLimit: null, readiness: httpProbe('/ready', 8080), liveness: null })] } }],
    pods: [{ revision: 2, node: names[0] ?? '', createdAgo: 70 * DAYS }],
  });
  const istiodHpa = hpa({
    namespace: 'istio-system', name: 'istiod', target: { kind: 'Deployment', name: 'istiod' }, min: 2, max: 5, current: 0, desired: 0, cpu: { current: 0, target: 80 },
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: 'the HPA controller was able to get the target\'s current scale', lastTransitionTime: ago(63 * DAYS) },
      { type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero', lastTransitionTime: ago(21) },
    ],
  });
  if (istiodHpa.status !== undefined) delete istiodHpa.status.currentMetrics;
  const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, uid: uidOf(`namespace/${ns}`), creationTimestamp: ago(400 * DAYS), labels: { 'istio-injection': 'enabled', 'kubernetes.io/metadata.name': ns } } } as KubeJson;
  return {
    id: 'holdout2-sidecar-injector-webhook-no-endpoints',
    class: 'rollout',
    truth: 'istiod (istio-system) was scaled to 0 replicas 21 minutes ago by mistake during the cleanup of the old canary control plane; the sidecar injector webhook namespace.sidecar-injector.istio.io (failurePolicy Fail) has no endpoints, so every pod of points-api revision 27 (rolled out 12 minutes ago) is rejected at admission (FailedCreate: failed calling webhook ... no endpoints available for service "istiod"). The rollout is stuck; 3/4 pods of revision 26 serve. Scale istiod back up; revision 27 itself is not at fault.',
    ask: { service: 'points-api' },
    objects: [
      ...nodes,
      namespace,
      ...app.objects,
      ...ledger.objects,
      ...istiod.objects,
      ...canary.objects,
      istiodHpa,
      ...exposed({ namespace: 'istio-system', name: 'istiod', selector: { app: 'istiod', 'istio.io/rev': 'default' }, pods: istiod.pods, ports: [{ name: 'grpc-xds', port: 15010, targetPort: 15010 }, { name: 'https-dns', port: 15012, targetPort: 15012 }, { name: 'https-webhook', port: 443, targetPort: 15017 }], endpointPort: 15017 }),
      ...exposed({ namespace: ns, name: 'points-api', selector: { app: 'points-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'points-ledger', selector: { app: 'points-ledger' }, pods: ledger.pods }),
      scaledReplicaSet(istiod.objects[0] ?? {}, nameOf(istiodRs), 0, 2, 21),
      event({ on: { kind: 'Pod', name: `${nameOf(istiodRs)}-9qz4f`, namespace: 'istio-system' }, type: 'Normal', reason: 'Killing', message: 'Stopping container discovery', firstAgo: 21, lastAgo: 21, fieldPath: 'spec.containers{discovery}' }),
      event({ on: { kind: 'Pod', name: `${nameOf(istiodRs)}-m7xkd`, namespace: 'istio-system' }, type: 'Normal', reason: 'Killing', message: 'Stopping container discovery', firstAgo: 21, lastAgo: 21, fieldPath: 'spec.containers{discovery}' }),
      scaledReplicaSet(deployment, nameOf(newRs), 1, 0, 12),
      scaledReplicaSet(deployment, nameOf(oldRs), 3, 4, 12),
      scaledReplicaSet(deployment, nameOf(newRs), 2, 1, 12),
      event({ on: { kind: 'Pod', name: `${nameOf(oldRs)}-w2b8t`, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 12, lastAgo: 12, fieldPath: 'spec.containers{app}' }),
      event({ on: newRs, reason: 'FailedCreate', message: `Error creating: ${refused}`, count: 2, firstAgo: 12, lastAgo: 12, component: 'replicaset-controller' }),
      event({ on: newRs, reason: 'FailedCreate', message: `(combined from similar events): Error creating: ${refused}`, count: 24, firstAgo: 11.9, lastAgo: 0.4, component: 'replicaset-controller' }),
      event({ on: ledger.pods[0] ?? {}, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 2, firstAgo: 20.5, lastAgo: 20.4, fieldPath: 'spec.containers{istio-proxy}' }),
    ],
    logs: [
      ...app.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: `${at(0.6)} INFO  points-api: POST /v1/points/redeem member=M-${uidOf(nameOf(p)).slice(0, 6)} 200 42ms\n` })),
      ...app.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'istio-proxy', current: `${at(20.9)}\twarn\txdsproxy\tupstream [311] terminated with unexpected error rpc error: code = Unavailable desc = error reading from server: EOF\n${at(20.8)}\twarn\txdsproxy\tupstream [312] terminated with unexpected error rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 172.20.118.40:15012: connect: connection refused"\n` })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/webhook|sidecar-injector|injector/i, /istiod/i],
      facts: [/no endpoints available/, /\b3\/4\b|3 of 4/i, /istio-system/],
      never: [BLAMES_ROLLOUT, /exceeded quota|resource ?quota|PodSecurity|gatekeeper/i, /\bOOM/],
    },
  };
}

// ---- 4. a Secret volume that does not exist -------------------------------------------------

/**
 * sso-proxy chart 4.0.0 (revision 8) renamed the TLS volume's Secret to `api-tls`, expecting a
 * cert-manager Certificate that the chart does not create; the Secret cert-manager keeps
 * renewing is still `sso-proxy-tls`. The new pod cannot mount its volume and sits in
 * ContainerCreating; revision 7 serves on 3 pods.
 */
function secretVolumeNotFound(): CorpusScenario {
  const ns = 'identity';
  const nodes = [
    node({ name: nodeName('10.0.181.12'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.182.67'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.183.203'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/identity/sso-proxy:${v}`;
  const tpl = (v: string, secretName: string) => ({
    containers: [container({
      image: image(v),
      ports: [8443],
      cpu: '250m',
      memory: '256Mi',
      env: [{ name: 'TLS_CERT_FILE', value: '/etc/tls/tls.crt' }, { name: 'TLS_KEY_FILE', value: '/etc/tls/tls.key' }, { name: 'OIDC_ISSUER', value: 'https://login.acme-corp.eu/realms/staff' }],
      readiness: { httpGet: { path: '/ready', port: 8443, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      liveness: { httpGet: { path: '/healthz', port: 8443, scheme: 'HTTPS' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      volumeMounts: [{ name: 'tls', mountPath: '/etc/tls', readOnly: true }, { name: 'config', mountPath: '/etc/sso-proxy', readOnly: true }],
    })],
    volumes: [{ name: 'tls', secret: { secretName, defaultMode: 420 } }, { name: 'config', configMap: { name: 'sso-proxy', defaultMode: 420 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'sso-proxy',
    replicas: 3,
    revisions: [
      { revision: 7, createdAgo: 24 * DAYS, template: tpl('3.6.1', 'sso-proxy-tls') },
      { revision: 8, createdAgo: 16, changeCause: 'helm upgrade sso-proxy chart 4.0.0', template: tpl('3.7.0', 'api-tls') },
    ],
    pods: [
      { revision: 8, node: names[1] ?? '', createdAgo: 15.9, containers: { app: waiting('ContainerCreating') } },
      { revision: 7, node: names[0] ?? '', createdAgo: 24 * DAYS },
      { revision: 7, node: names[1] ?? '', createdAgo: 24 * DAYS },
      { revision: 7, node: names[2] ?? '', createdAgo: 24 * DAYS },
    ],
  });
  const stuck = must(app.pods[0], 'stuck pod');
  const newRs = rsOfRevision(app, 8);
  const keycloak = statefulSetApp({
    namespace: ns,
    name: 'keycloak',
    replicas: 2,
    revisions: [{ revision: 12, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'keycloak', image: 'quay.io/keycloak/keycloak:26.0.5', cpu: '1', memory: '1536Mi', ports: [8080] })] } }],
    pods: [{ revision: 12, ordinal: 0, node: names[0] ?? '', createdAgo: 60 * DAYS }, { revision: 12, ordinal: 1, node: names[2] ?? '', createdAgo: 60 * DAYS }],
  });
  return {
    id: 'holdout2-secret-volume-api-tls-not-found',
    class: 'config',
    truth: 'Revision 8 (sso-proxy chart 4.0.0) mounts its TLS volume from Secret "api-tls", which does not exist (the certificate cert-manager keeps renewing is still in Secret "sso-proxy-tls"); the new pod cannot mount the volume (FailedMount: MountVolume.SetUp failed for volume "tls" : secret "api-tls" not found) and stays in ContainerCreating, so the rollout is stuck. Revision 7 (secret sso-proxy-tls) serves on 3/3 pods. Point the volume back at sso-proxy-tls (or create the Certificate for api-tls).',
    ask: { service: 'sso-proxy' },
    objects: [
      ...nodes,
      ...app.objects,
      ...keycloak.objects,
      configMap({ namespace: ns, name: 'sso-proxy', createdAgo: 24 * DAYS, data: { 'config.yaml': 'listen: ":8443"\nupstream: http://keycloak.identity.svc:8080\ncookie_domain: .acme-corp.eu\n' } }),
      ...exposed({ namespace: ns, name: 'sso-proxy', selector: { app: 'sso-proxy' }, pods: app.pods, ports: [{ name: 'https', port: 443, targetPort: 8443 }], endpointPort: 8443 }),
      ...exposed({ namespace: ns, name: 'keycloak', selector: { app: 'keycloak' }, pods: keycloak.pods }),
      scaledReplicaSet(deploymentOf(app), nameOf(newRs), 1, 0, 16),
      createdPod(newRs, stuck, 15.9),
      event({ on: stuck, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(stuck)} to ${names[1] ?? ''}`, firstAgo: 15.9, lastAgo: 15.9, component: 'default-scheduler' }),
      event({ on: stuck, reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "tls" : secret "api-tls" not found', count: 13, firstAgo: 15.9, lastAgo: 1.1 }),
      event({ on: stuck, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[tls], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition', count: 7, firstAgo: 13.8, lastAgo: 1.6 }),
      event({ on: keycloak.pods[1] ?? {}, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(keycloak.pods[1])}:8080/ready": dial tcp ${ipOfPod(keycloak.pods[1])}:8080: connect: connection refused`, count: 3, firstAgo: 52, lastAgo: 51, fieldPath: 'spec.containers{keycloak}' }),
    ],
    logs: app.pods.slice(1).map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: `${at(0.4)} INFO sso-proxy: GET /oauth2/callback 302 user=j.martin@acme-corp.eu 38ms\n${at(0.2)} INFO sso-proxy: GET /dashboards/ 200 (proxied) 112ms\n` })),
    expect: {
      verdict: 'problems',
      headline: [/api-tls/, /secret|mount/i, /revision 8|4\.0\.0|3\.7\.0/i],
      facts: [/not found/, /ContainerCreating|FailedMount|MountVolume/, /revision 7/i],
      never: [/\bOOM/, /crash/i, /(node|ip-10-0-182-67)[^\n]{0,40}(NotReady|pressure)/i],
    },
  };
}

// ---- 5. a subPath to a ConfigMap key that does not exist ------------------------------------

/**
 * storefront chart 3.0.0 (revision 22) moved nginx's configuration to the ConfigMap
 * storefront-nginx-v2, whose keys are default.conf and gzip.conf, but kept the mount
 * `subPath: nginx.conf` at /etc/nginx/nginx.conf. For a missing key the kubelet bind-mounts an
 * empty directory, and runc refuses to mount a directory onto the image's nginx.conf file: the
 * two new pods fail at start (StartError, exit 128) and crash-loop. Revision 21 serves on 3 pods.
 */
function configMapSubPathMissingKey(): CorpusScenario {
  const ns = 'web';
  const nodes = [
    node({ name: nodeName('10.0.191.44'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.192.8'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.193.150'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const image = 'public.ecr.aws/nginx/nginx:1.27.2';
  const tpl = (cm: string) => ({
    containers: [container({
      name: 'nginx',
      image,
      ports: [8080],
      cpu: '100m',
      memory: '128Mi',
      readiness: httpProbe('/nginx-health', 8080),
      liveness: tcpProbe(8080, { initialDelaySeconds: 5 }),
      volumeMounts: [
        { name: 'nginx-conf', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf', readOnly: true },
        { name: 'static', mountPath: '/usr/share/nginx/html' },
      ],
    })],
    volumes: [{ name: 'nginx-conf', configMap: { name: cm, defaultMode: 420 } }, { name: 'static', emptyDir: {} }],
  });
  const startError = (uid: string) => `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting "/var/lib/kubelet/pods/${uid}/volume-subpaths/nginx-conf/nginx/0" to rootfs at "/etc/nginx/nginx.conf": mount /var/lib/kubelet/pods/${uid}/volume-subpaths/nginx-conf/nginx/0:/etc/nginx/nginx.conf (via /proc/self/fd/6), flags: 0x5001: not a directory: unknown: Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type`;
  const app = deploymentApp({
    namespace: ns,
    name: 'storefront-nginx',
    replicas: 4,
    revisions: [
      { revision: 21, createdAgo: 13 * DAYS, template: tpl('storefront-nginx') },
      { revision: 22, createdAgo: 9, changeCause: 'argocd: storefront chart 3.0.0', template: tpl('storefront-nginx-v2') },
    ],
    pods: [
      { revision: 22, node: names[0] ?? '', createdAgo: 8.9, containers: { nginx: crashLoop({ exitCode: 128, reason: 'StartError', finishedAgo: 1.4, ranSeconds: 0 }, 6) } },
      { revision: 22, node: names[2] ?? '', createdAgo: 8.9, containers: { nginx: crashLoop({ exitCode: 128, reason: 'StartError', finishedAgo: 0.7, ranSeconds: 0 }, 6) } },
      { revision: 21, node: names[0] ?? '', createdAgo: 13 * DAYS },
      { revision: 21, node: names[1] ?? '', createdAgo: 13 * DAYS },
      { revision: 21, node: names[2] ?? '', createdAgo: 13 * DAYS },
    ],
  });
  const crashing = app.pods.slice(0, 2);
  for (const p of crashing) {
    const last = p.status?.containerStatuses?.[0]?.lastState?.terminated;
    if (last !== undefined) last.message = startError(p.metadata?.uid ?? '');
  }
  const deployment = deploymentOf(app);
  const newRs = rsOfRevision(app, 22);
  const oldRs = rsOfRevision(app, 21);
  const mainConf = 'worker_processes auto;\nevents { worker_connections 1024; }\nhttp {\n  include /etc/nginx/mime.types;\n  include /etc/nginx/conf.d/*.conf;\n  server { listen 8080; location /nginx-health { return 200; } location / { root /usr/share/nginx/html; try_files $uri /index.html; } }\n}\n';
  const api = deploymentApp({
    namespace: ns,
    name: 'storefront-bff',
    replicas: 2,
    revisions: [{ revision: 48, createdAgo: 4 * DAYS, template: { containers: [container({ image: `${ECR}/web/storefront-bff:6.2.0`, cpu: '300m', memory: '512Mi' })] } }],
    pods: [{ revision: 48, node: names[1] ?? '', createdAgo: 4 * DAYS }, { revision: 48, node: names[2] ?? '', createdAgo: 4 * DAYS }],
  });
  return {
    id: 'holdout2-configmap-subpath-missing-key',
    class: 'config',
    truth: 'Revision 22 (storefront chart 3.0.0) mounts key nginx.conf of ConfigMap storefront-nginx-v2 with subPath at /etc/nginx/nginx.conf, but that ConfigMap only has default.conf and gzip.conf; the kubelet bind-mounts an empty directory for the missing key and runc refuses to mount a directory onto the image\'s nginx.conf file ("not a directory ... Are you trying to mount a directory onto a file"), so both new pods fail at start (StartError, exit 128) and crash-loop; the rollout is stuck. Revision 21 serves on 3 pods. Add the nginx.conf key to storefront-nginx-v2 (or fix the subPath).',
    ask: { service: 'storefront-nginx' },
    objects: [
      ...nodes,
      ...app.objects,
      ...api.objects,
      configMap({ namespace: ns, name: 'storefront-nginx', createdAgo: 13 * DAYS, data: { 'nginx.conf': mainConf } }),
      configMap({ namespace: ns, name: 'storefront-nginx-v2', createdAgo: 9.2, data: { 'default.conf': 'server {\n  listen 8080;\n  location /nginx-health { return 200; }\n  location / { root /usr/share/nginx/html; try_files $uri /index.html; }\n}\n', 'gzip.conf': 'gzip on;\ngzip_types text/css application/javascript application/json image/svg+xml;\n' } }),
      ...exposed({ namespace: ns, name: 'storefront-nginx', selector: { app: 'storefront-nginx' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'storefront-bff', selector: { app: 'storefront-bff' }, pods: api.pods }),
      scaledReplicaSet(deployment, nameOf(newRs), 1, 0, 9),
      scaledReplicaSet(deployment, nameOf(oldRs), 3, 4, 9),
      scaledReplicaSet(deployment, nameOf(newRs), 2, 1, 9),
      ...crashing.flatMap((p) => [
        event({ on: p, reason: 'Failed', message: `Error: ${startError(p.metadata?.uid ?? '')}`, count: 7, firstAgo: 8.8, lastAgo: 0.7, fieldPath: 'spec.containers{nginx}' }),
        ...restartedAgain(p, 'nginx', image, { count: 7, firstAgo: 8.8, lastAgo: 0.7 }).slice(0, 2),
        backOff(p, 'nginx', { count: 38, firstAgo: 8.6 }),
      ]),
      event({ on: api.pods[0] ?? {}, reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${ipOfPod(api.pods[0])}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 1, firstAgo: 47, lastAgo: 47, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.slice(2).map((p) => ({ namespace: ns, pod: nameOf(p), container: 'nginx', current: `10.0.192.31 - - [${clfTime(0.5)}] "GET /products/garden-chair-oslo HTTP/1.1" 200 5120 "-" "Mozilla/5.0"\n10.0.191.7 - - [${clfTime(0.4)}] "GET /nginx-health HTTP/1.1" 200 0 "-" "kube-probe/1.31"\n` })),
    expect: {
      verdict: 'problems',
      headline: [/nginx\.conf|subPath|storefront-nginx-v2/i, /revision 22|3\.0\.0/i],
      facts: [/not a directory|mount a directory onto a file/i, /storefront-nginx-v2|default\.conf/, /revision 21/i],
      never: [/\bOOM/, /config ?map "?storefront-nginx-v2"? (is )?(not found|missing|does not exist)/i, /image[^\n]{0,30}(not found|missing|pull)/i],
    },
  };
}

// ---- 6. a memory leak: OOMKilled every ~45 minutes for days, no change -----------------------

/**
 * Four days ago Apple started answering 410 Unregistered for a large batch of stale device
 * tokens; push-dispatcher keeps a retry record per failed token in an unbounded in-process
 * registry. RSS climbs ~19 MiB a minute until the 1Gi limit, and every pod is OOMKilled about
 * every 45 minutes, ~125 restarts each. Nothing changed on the cluster side: revision 12 is
 * 40 days old, the limit was never touched.
 */
function memoryLeakSteadyOomNoChange(): CorpusScenario {
  const ns = 'notifications';
  const nodes = [
    node({ name: nodeName('10.0.201.16'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.202.143'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.203.90'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/notifications/push-dispatcher:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      command: ['python', '-m', 'push_dispatcher'],
      ports: [8080],
      cpu: '500m',
      memory: '1Gi',
      env: [{ name: 'APNS_TOPIC', value: 'eu.acme.shopapp' }, { name: 'FCM_PROJECT', value: 'acme-shop-prod' }, { name: 'WORKERS', value: '8' }],
      readiness: httpProbe('/ready', 8080),
      liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15 }),
    })],
  });
  const since = [3, 17, 29, 0.15];
  const restarts = [127, 124, 129, 126];
  const app = deploymentApp({
    namespace: ns,
    name: 'push-dispatcher',
    replicas: 4,
    revisions: [
      { revision: 11, createdAgo: 70 * DAYS, template: tpl('4.2.0') },
      { revision: 12, createdAgo: 40 * DAYS, changeCause: 'argocd: push-dispatcher 4.3.1', template: tpl('4.3.1') },
    ],
    pods: [0, 1, 2, 3].map((i) => ({
      revision: 12,
      node: names[i % 3] ?? '',
      createdAgo: 40 * DAYS - i,
      containers: {
        app: running({ sinceAgo: since[i] ?? 1, ready: i !== 3, restarts: restarts[i] ?? 120, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: (since[i] ?? 1) + 0.02, ranSeconds: 2640 + i * 70 } }),
      },
    })),
  });
  const prevLog = (k: number): string => {
    const end = (since[k] ?? 1) + 0.02;
    const start = end + 44 + k;
    const boot = `${pyTime(start)} INFO push_dispatcher: push-dispatcher 4.3.1 starting, 8 workers, apns=api.push.apple.com fcm=acme-shop-prod\n`;
    return boot + every(start - 0.5, end + 0.3, 300, (t) => {
      const minutes = start - t;
      const rss = Math.round(170 + minutes * 19);
      const registry = Math.round(minutes * 38_400);
      return `${pyTime(t)} INFO push_dispatcher.stats: rss_mb=${rss} sent_5m=${46_000 + Math.round(minutes * 13)} apns_410_5m=${1_900 + Math.round(minutes * 3)} retry_registry=${registry.toLocaleString('en-US')} fcm_inflight=${80 + (Math.round(minutes) % 17)}\n${pyTime(t - 0.01)} WARNING push_dispatcher.apns: 410 Unregistered for 1,9${String(10 + (Math.round(minutes) % 89)).padStart(2, '0')} tokens in the last 5m; queued for retry\n`;
    });
  };
  const curLog = (k: number): string => {
    const start = since[k] ?? 1;
    return `${pyTime(start - 0.05)} INFO push_dispatcher: push-dispatcher 4.3.1 starting, 8 workers, apns=api.push.apple.com fcm=acme-shop-prod\n` + every(start - 0.5, 0, 300, (t) => {
      const minutes = start - t;
      return `${pyTime(t)} INFO push_dispatcher.stats: rss_mb=${Math.round(170 + minutes * 19)} sent_5m=${46_100 + Math.round(minutes * 11)} apns_410_5m=1,9${String(20 + (Math.round(minutes) % 70)).padStart(2, '0')} retry_registry=${Math.round(minutes * 38_400).toLocaleString('en-US')} fcm_inflight=84\n`;
    });
  };
  const email = deploymentApp({
    namespace: ns,
    name: 'email-sender',
    replicas: 2,
    revisions: [{ revision: 30, createdAgo: 8 * DAYS, template: { containers: [container({ image: `${ECR}/notifications/email-sender:9.1.0`, cpu: '200m', memory: '384Mi' })] } }],
    pods: [{ revision: 30, node: names[0] ?? '', createdAgo: 8 * DAYS }, { revision: 30, node: names[1] ?? '', createdAgo: 8 * DAYS }],
  });
  const killed = (pid: number, rss: number) => `Memory cgroup out of memory: Killed process ${pid} (python) total-vm:${rss + 640_000}kB, anon-rss:${rss}kB, file-rss:11832kB, shmem-rss:0kB, UID:10001 pgtables:2412kB oom_score_adj:-997`;
  return {
    id: 'holdout2-memory-leak-oomkilled-every-45min-no-change',
    class: 'containers',
    truth: 'push-dispatcher leaks memory: since Apple started answering 410 Unregistered for a large batch of stale device tokens four days ago, it keeps a retry record per failed token in an unbounded in-process registry; RSS grows ~19 MiB/min until the 1Gi limit and each pod is OOMKilled (exit 137) about every 45 minutes, ~125 restarts per pod. No deployment or config change (revision 12 is 40 days old) and the limit is unchanged; rolling back would not help. Bound or fix the retry registry (raising the limit only stretches the interval).',
    ask: { service: 'push-dispatcher' },
    objects: [
      ...nodes,
      ...app.objects,
      ...email.objects,
      ...exposed({ namespace: ns, name: 'push-dispatcher', selector: { app: 'push-dispatcher' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'email-sender', selector: { app: 'email-sender' }, pods: email.pods }),
      // Restarts every ~45 minutes keep the events alive: one series per pod since four days.
      ...app.pods.flatMap((p, i) => [
        ...restartedAgain(p, 'app', image('4.3.1'), { count: restarts[i] ?? 120, firstAgo: 4 * DAYS - i * 7, lastAgo: since[i] ?? 1 }),
        backOff(p, 'app', { count: restarts[i] ?? 120, firstAgo: 4 * DAYS - i * 7, lastAgo: (since[i] ?? 1) + 0.01 }),
      ]),
      probeFailed(app.pods[3] ?? {}, 'app', 'Readiness', `Get "http://${ipOfPod(app.pods[3])}:8080/ready": dial tcp ${ipOfPod(app.pods[3])}:8080: connect: connection refused`, { count: 126, firstAgo: 4 * DAYS - 21, lastAgo: 0.1 }),
      ...nodes.map((n, i) => nodeEvent(nameOf(n), 'OOMKilling', killed(2_817_391 + i * 10_009, 1_043_764 + i * 311), { type: 'Warning', count: [85, 42, 43][i] ?? 40, firstAgo: 4 * DAYS - i * 5, lastAgo: [3, 17, 29][i] ?? 3, component: 'kernel-monitor' })),
    ],
    logs: [
      ...app.pods.map((p, k) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: curLog(k), previous: prevLog(k) })),
      ...email.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: `${pyTime(0.7)} INFO email_sender: sent 41 messages via ses (template order-shipped)\n` })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\bOOM/, /1Gi|memory limit|\blimit\b/i, /leak|no (recent )?(change|rollout|deploy)|unchanged|without (a |any )?(change|rollout|deploy)|grow/i],
      facts: [/\b137\b/, /revision 12/i, /45 ?min|4\d ?min|every ~?4\d|4 days|\b4d\b|\b12\d restarts/i],
      never: [/roll ?back/i, /liveness[^\n]{0,40}(kill|restart|fail)/i, /memory ?pressure|evict/i],
    },
  };
}

// ---- 7. the HPA cannot scale: the metrics API is gone -----------------------------------------

/**
 * The EKS add-on migration at 00:10 uninstalled the metrics-server Helm release before the
 * add-on was installed, and the add-on install failed; the APIService v1beta1.metrics.k8s.io is
 * gone. The HPA of query-api cannot read CPU (FailedGetResourceMetric) and stays at its
 * minimum of 3 while the APAC morning peak since 02:35 saturates the three pods (CPU-bound,
 * readiness timeouts, 503s).
 */
function hpaMetricsApiUnavailable(): CorpusScenario {
  const ns = 'search';
  const nodes = [
    node({ name: nodeName('10.0.211.25'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.212.180'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.213.66'), zone: 'eu-west-1c' }),
    node({ name: nodeName('10.0.211.140'), zone: 'eu-west-1a' }),
  ];
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/search/query-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      cpu: '1',
      cpuLimit: '2',
      memory: '2Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }, { name: 'SERVER_TOMCAT_THREADS_MAX', value: '200' }, { name: 'OPENSEARCH_URL', value: 'https://search-prod.eu-west-1.es.amazonaws.com' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 2 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, timeoutSeconds: 5, failureThreshold: 6 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'query-api',
    replicas: 3,
    revisions: [
      { revision: 63, createdAgo: 30 * DAYS, template: tpl('12.7.1') },
      { revision: 64, createdAgo: 16 * DAYS, changeCause: 'argocd: query-api 12.8.0', template: tpl('12.8.0') },
    ],
    pods: [
      { revision: 64, node: names[0] ?? '', createdAgo: 16 * DAYS },
      { revision: 64, node: names[1] ?? '', createdAgo: 16 * DAYS, containers: { app: running({ sinceAgo: 16 * DAYS, ready: false }) } },
      { revision: 64, node: names[2] ?? '', createdAgo: 16 * DAYS },
    ],
  });
  const failure = 'failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)';
  const scaler = hpa({
    namespace: ns,
    name: 'query-api',
    target: { kind: 'Deployment', name: 'query-api' },
    min: 3,
    max: 12,
    current: 3,
    desired: 3,
    cpu: { current: 0, target: 65 },
    lastScaleAgo: 7 * HOURS,
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: 'the HPA controller was able to get the target\'s current scale', lastTransitionTime: ago(16 * DAYS) },
      { type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: `the HPA was unable to compute the replica count: ${failure}`, lastTransitionTime: ago(184) },
      { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(7 * HOURS) },
    ],
  });
  // What the controller writes when a metric cannot be read: an empty status (`<unknown>/65%`).
  if (scaler.status !== undefined) scaler.status.currentMetrics = [{ type: '' }];
  const suggest = deploymentApp({
    namespace: ns,
    name: 'suggest-api',
    replicas: 2,
    revisions: [{ revision: 21, createdAgo: 9 * DAYS, template: { containers: [container({ image: `${ECR}/search/suggest-api:3.3.0`, cpu: '300m', memory: '512Mi' })] } }],
    pods: [{ revision: 21, node: names[3] ?? '', createdAgo: 9 * DAYS }, { revision: 21, node: names[1] ?? '', createdAgo: 9 * DAYS }],
  });
  const javaLog = (k: number): string => every(5, 0, 15, (t, i) => {
    const inflight = 200;
    const lat = 3800 + ((i * 331 + k * 97) % 2400);
    return [
      `${at(t)}  WARN 1 --- [query-api] [nio-8080-exec-${1 + ((i * 7 + k) % 200)}] c.a.search.web.LatencyFilter            : slow request GET /v2/search?q=${['sofa', 'lamp', 'rug', 'desk'][i % 4] ?? 'sofa'}&market=SG ${lat}ms (inflight ${inflight}/${inflight}, queue ${80 + ((i * 13) % 60)})`,
      ...(i % 4 === 0 ? [`${at(t - 0.05)} ERROR 1 --- [query-api] [nio-8080-exec-${1 + ((i * 11 + k) % 200)}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] threw exception: org.springframework.web.context.request.async.AsyncRequestTimeoutException`] : []),
      ...(i % 6 === 3 ? [`${at(t - 0.07)}  INFO 1 --- [query-api] [   scheduling-1] c.a.search.metrics.CpuReporter           : process cpu 1.98 cores (limit 2), throttled 41% of periods in the last 60s`] : []),
      '',
    ].join('\n');
  });
  return {
    id: 'holdout2-hpa-blind-metrics-api-unavailable',
    class: 'capacity',
    truth: 'The metrics API is unavailable (the add-on migration at 00:10 removed metrics-server and the APIService v1beta1.metrics.k8s.io); the HPA of query-api cannot read CPU ("unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)", ScalingActive=False FailedGetResourceMetric for 3 hours) and stays at its minimum of 3 replicas (max 12) while the APAC peak since 02:35 saturates them: CPU at the 2-core limit, request latency of seconds, readiness timeouts (2/3 Ready now). Restore metrics-server; scale query-api by hand meanwhile. No rollout involved.',
    ask: { service: 'query-api' },
    objects: [
      ...nodes,
      ...app.objects,
      ...suggest.objects,
      scaler,
      ...exposed({ namespace: ns, name: 'query-api', selector: { app: 'query-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'suggest-api', selector: { app: 'suggest-api' }, pods: suggest.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'query-api', namespace: ns }, reason: 'FailedGetResourceMetric', message: failure, count: 731, firstAgo: 184, lastAgo: 0.2, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'query-api', namespace: ns }, reason: 'FailedComputeMetricsReplicas', message: `invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${failure}`, count: 731, firstAgo: 184, lastAgo: 0.2, component: 'horizontal-pod-autoscaler' }),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: [23, 57, 31][k] ?? 20, firstAgo: 38, lastAgo: [2.5, 0.2, 4.1][k] ?? 1 })),
    ],
    logs: [
      ...app.pods.map((p, k) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: javaLog(k) })),
      ...suggest.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: `${at(0.5)}  INFO 1 --- [suggest-api] [nio-8080-exec-3] c.a.s.SuggestController : GET /v1/suggest?q=so 200 9ms\n` })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/metrics|FailedGetResourceMetric/i, /HPA|autoscal|scal/i],
      facts: [/pods\.metrics\.k8s\.io|resource metrics API|metrics-server/i, /readiness/i],
      never: [/\bOOM/, /(at|reached|hit) (its |the )?max(imum)?\b|maxReplicas reached/i, BLAMES_ROLLOUT],
    },
  };
}

// ---- 8. a PodDisruptionBudget blocks a node drain; the workload is fine ---------------------

/**
 * Karpenter expired node ip-10-0-221-40 (expireAfter 720h) 48 minutes ago and has been draining
 * it since. price-engine's PDB (minAvailable: 3 with 3 replicas) allows no disruption, so every
 * eviction of its pod there is refused (429, "Cannot evict pod as it would violate the pod's
 * disruption budget."); the other pods of the node moved to the replacement node. price-engine
 * itself is healthy: 3/3 Ready, serving.
 */
function pdbBlocksNodeDrain(): CorpusScenario {
  const ns = 'pricing';
  const expiring = nodeName('10.0.221.40');
  const replacement = nodeName('10.0.221.233');
  const others = [nodeName('10.0.222.16'), nodeName('10.0.223.171')];
  const karpenter = (name: string, zone: string, createdAgo: number) => node({ name, zone, pool: 'default', createdAgo, labels: { 'karpenter.sh/nodepool': 'default', 'karpenter.sh/capacity-type': 'on-demand', 'karpenter.k8s.aws/instance-family': 'm6i' } });
  const nodes = [
    karpenter(expiring, 'eu-west-1a', 30 * DAYS + 48),
    karpenter(others[0] ?? '', 'eu-west-1b', 12 * DAYS),
    karpenter(others[1] ?? '', 'eu-west-1c', 9 * DAYS),
    karpenter(replacement, 'eu-west-1a', 50),
  ];
  const old = must(nodes[0], 'expiring node');
  old.metadata = { ...old.metadata, deletionTimestamp: ago(48), finalizers: ['karpenter.sh/termination'] };
  if (old.spec !== undefined) old.spec.taints = [{ key: 'karpenter.sh/disrupted', effect: 'NoSchedule', timeAdded: ago(48) }];
  const image = (v: string) => `${ECR}/pricing/price-engine:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), cpu: '1', memory: '2Gi', env: [{ name: 'PRICE_RULES_BUCKET', value: 's3://acme-pricing-rules/prod' }] })], terminationGracePeriodSeconds: 60 });
  const app = deploymentApp({
    namespace: ns,
    name: 'price-engine',
    replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 33 * DAYS, template: tpl('8.0.3') },
      { revision: 15, createdAgo: 11 * DAYS, changeCause: 'argocd: price-engine 8.1.0', template: tpl('8.1.0') },
    ],
    pods: [
      { revision: 15, node: expiring, createdAgo: 11 * DAYS },
      { revision: 15, node: others[0] ?? '', createdAgo: 11 * DAYS },
      { revision: 15, node: others[1] ?? '', createdAgo: 9 * DAYS },
    ],
  });
  const blocked = must(app.pods[0], 'blocked pod');
  const cache = deploymentApp({
    namespace: ns,
    name: 'price-cache',
    replicas: 2,
    revisions: [{ revision: 6, createdAgo: 50 * DAYS, template: { containers: [container({ name: 'redis', image: 'public.ecr.aws/docker/library/redis:7.4.1', ports: [6379], cpu: '250m', memory: '1Gi', readiness: tcpProbe(6379), liveness: null })] } }],
    pods: [{ revision: 6, node: replacement, createdAgo: 47.5 }, { revision: 6, node: others[1] ?? '', createdAgo: 9 * DAYS }],
  });
  const cacheRs = replicaSetOf(cache, 6);
  const evictedCache = `${nameOf(cacheRs)}-t8hzq`;
  const proxy = deploymentApp({
    namespace: ns,
    name: 'pricing-gateway',
    replicas: 2,
    revisions: [{ revision: 22, createdAgo: 6 * DAYS, template: { containers: [container({ image: `${ECR}/pricing/pricing-gateway:2.9.4`, cpu: '250m', memory: '256Mi' })] } }],
    pods: [{ revision: 22, node: replacement, createdAgo: 47.6 }, { revision: 22, node: others[0] ?? '', createdAgo: 6 * DAYS }],
  });
  const proxyRs = replicaSetOf(proxy, 22);
  const evictedProxy = `${nameOf(proxyRs)}-lk2vw`;
  const logs = (p: k8s.V1Pod) => `${at(0.9)} INFO  [http-nio-8080-exec-12] c.a.pricing.QuoteController - POST /v3/quotes basket=${uidOf(nameOf(p)).slice(0, 8)} lines=14 200 23ms\n${at(0.4)} INFO  [rules-refresh] c.a.pricing.RuleStore - 18,204 price rules current (etag "7f1c0a")\n`;
  return {
    id: 'holdout2-pdb-blocks-karpenter-drain-workload-healthy',
    class: 'healthy',
    truth: 'price-engine is healthy: 3/3 Ready on revision 15 (11 days old), serving normally. Separately, Karpenter expired node ip-10-0-221-40 48 minutes ago and its drain is stuck because price-engine\'s PodDisruptionBudget (minAvailable: 3 with 3 replicas) allows no disruption: every eviction of its pod there is refused ("evicting pod ... violated a PDB"; the API answers "Cannot evict pod as it would violate the pod\'s disruption budget."). Nothing in price-engine is broken; relax the PDB (maxUnavailable: 1) or run 4 replicas so the drain can finish.',
    ask: { service: 'price-engine' },
    objects: [
      ...nodes,
      ...app.objects,
      ...cache.objects,
      ...proxy.objects,
      ...exposed({ namespace: ns, name: 'price-engine', selector: { app: 'price-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'price-cache', selector: { app: 'price-cache' }, pods: cache.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'pricing-gateway', selector: { app: 'pricing-gateway' }, pods: proxy.pods }),
      nodeEvent(expiring, 'DisruptionBlocked', 'Node is deleting or marked for deletion', { firstAgo: 47, lastAgo: 2, count: 24, component: 'karpenter' }),
      nodeEvent(expiring, 'FailedDraining', 'Failed to drain node, 1 pods are waiting to be evicted', { type: 'Warning', firstAgo: 47.8, lastAgo: 0.4, count: 95, component: 'karpenter' }),
      nodeEvent(replacement, 'NodeReady', `Node ${replacement} status is now: NodeReady`, { firstAgo: 49 }),
      event({ on: blocked, reason: 'FailedEviction', message: `evicting pod ${ns}/${nameOf(blocked)} violated a PDB`, count: 212, firstAgo: 47.8, lastAgo: 0.2, component: 'karpenter' }),
      event({ on: { kind: 'Pod', name: evictedCache, namespace: ns }, type: 'Normal', reason: 'Evicted', message: 'Evicted pod', firstAgo: 47.8, lastAgo: 47.8, component: 'karpenter' }),
      event({ on: { kind: 'Pod', name: evictedCache, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container redis', firstAgo: 47.8, lastAgo: 47.8, fieldPath: 'spec.containers{redis}' }),
      event({ on: { kind: 'Pod', name: evictedProxy, namespace: ns }, type: 'Normal', reason: 'Evicted', message: 'Evicted pod', firstAgo: 47.8, lastAgo: 47.8, component: 'karpenter' }),
      event({ on: { kind: 'Pod', name: evictedProxy, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 47.8, lastAgo: 47.8, fieldPath: 'spec.containers{app}' }),
      createdPod(cacheRs, must(cache.pods[0], 'cache pod'), 47.5),
      createdPod(proxyRs, must(proxy.pods[0], 'gateway pod'), 47.6),
    ],
    logs: [
      ...app.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: logs(p) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/\b3\/3\b/],
      facts: [/PDB|disruption budget|FailedEviction|evict/i, /ip-10-0-221-40/],
      never: [/crash/i, /roll ?back/i, /\bOOM/, /ip-10-0-221-40[^\n]{0,60}(NotReady|not ready|unreachable)/i],
    },
  };
}

// ---- 9. a maxUnavailable-0 rollout with no room for its surge pod -------------------------

/**
 * bid-router rolls out with maxSurge 1 / maxUnavailable 0: every step needs one extra 1-CPU pod
 * first. The ads node group is at its maximum of 4 nodes, and the spare CPU it had was taken 55
 * minutes ago by the audience-backfill Job. Revision 58 (image only) has its surge pod Pending
 * (Insufficient cpu) and the rollout has stalled; the service is untouched, 6/6 on revision 57.
 */
function rolloutStalledSurgePodNoCpu(): CorpusScenario {
  const ns = 'ads';
  const adsNodes = ['10.0.231.11', '10.0.231.96', '10.0.232.54', '10.0.233.201'].map(nodeName);
  const general = ['10.0.234.30', '10.0.235.77', '10.0.236.140'].map(nodeName);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodes = [
    ...adsNodes.map((n, i) => node({ name: n, zone: zones[i % 3] ?? 'eu-west-1a', pool: 'ads', labels: { workload: 'ads' }, taints: [{ key: 'dedicated', value: 'ads', effect: 'NoSchedule' }] })),
    ...general.map((n, i) => node({ name: n, zone: zones[i] ?? 'eu-west-1a' })),
  ];
  const image = (v: string) => `${ECR}/ads/bid-router:${v}`;
  const placement = { nodeSelector: { workload: 'ads' }, tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'ads', effect: 'NoSchedule' }] };
  const tpl = (v: string) => ({ ...placement, containers: [container({ image: image(v), cpu: '1', memory: '1536Mi', env: [{ name: 'BID_TIMEOUT_MS', value: '80' }] })] });
  const unschedulable = '0/7 nodes are available: 3 node(s) didn\'t match Pod\'s node affinity/selector, 4 Insufficient cpu. preemption: 0/7 nodes are available: 3 Preemption is not helpful for scheduling, 4 No preemption victims found for incoming pod.';
  const app = deploymentApp({
    namespace: ns,
    name: 'bid-router',
    replicas: 6,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, template: tpl('5.30.2') },
      { revision: 58, createdAgo: 23, changeCause: 'argocd: bid-router 5.31.0', template: tpl('5.31.0') },
    ],
    pods: [
      { revision: 58, createdAgo: 22.9, unschedulable },
      ...[0, 1, 2, 3, 0, 2].map((n) => ({ revision: 57, node: adsNodes[n] ?? '', createdAgo: 9 * DAYS })),
    ],
  });
  const pending = must(app.pods[0], 'pending pod');
  const newRs = rsOfRevision(app, 58);
  const backfill = job({
    namespace: ns,
    name: 'audience-backfill-20261121',
    template: { ...placement, containers: [batchContainer({ name: 'backfill', image: `${ECR}/ads/audience-tools:1.12.0`, command: ['python', '-m', 'audience.backfill', '--since', '2026-10-01'], cpu: '1500m', memory: '3Gi' })] },
    parallelism: 4,
    completions: 4,
    createdAgo: 55,
    pods: [0, 1, 2, 3].map((n) => ({ node: adsNodes[n] ?? '', createdAgo: 55 })),
  });
  const tools = deploymentApp({
    namespace: ns,
    name: 'campaign-api',
    replicas: 2,
    revisions: [{ revision: 40, createdAgo: 5 * DAYS, template: { containers: [container({ image: `${ECR}/ads/campaign-api:7.2.1`, cpu: '300m', memory: '512Mi' })] } }],
    pods: [{ revision: 40, node: general[0] ?? '', createdAgo: 5 * DAYS }, { revision: 40, node: general[1] ?? '', createdAgo: 5 * DAYS }],
  });
  return {
    id: 'holdout2-rollout-stalled-surge-pod-insufficient-cpu',
    class: 'scheduling',
    truth: 'Revision 58 (bid-router 5.31.0, image only) cannot roll out: with maxSurge 1 / maxUnavailable 0 the rollout needs one extra 1-CPU pod first, but the ads node group is at its max of 4 nodes and its spare CPU was taken 55 minutes ago by the audience-backfill Job (4 x 1500m); the surge pod is Pending ("4 Insufficient cpu", cluster-autoscaler: max node group size reached) and the rollout has stalled (ProgressDeadlineExceeded). The service is unaffected: 6/6 pods of revision 57 serve. Free capacity (let the backfill finish or stop it, raise the node group max) or allow maxUnavailable 1; revision 58 itself is fine.',
    ask: { service: 'bid-router' },
    objects: [
      ...nodes,
      ...app.objects,
      ...backfill.objects,
      ...tools.objects,
      ...exposed({ namespace: ns, name: 'bid-router', selector: { app: 'bid-router' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'campaign-api', selector: { app: 'campaign-api' }, pods: tools.pods }),
      scaledReplicaSet(deploymentOf(app), nameOf(newRs), 1, 0, 23),
      createdPod(newRs, pending, 22.9),
      failedScheduling(pending, unschedulable, { count: 11, firstAgo: 22.9, lastAgo: 1.4 }),
      notTriggerScaleUp(pending, '3 node(s) didn\'t match Pod\'s node affinity/selector, 1 max node group size reached', { count: 134, firstAgo: 22.5, lastAgo: 0.3 }),
      ...backfill.pods.map((p) => event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container backfill', firstAgo: 54.8, lastAgo: 54.8, fieldPath: 'spec.containers{backfill}' })),
    ],
    logs: [
      ...app.pods.slice(1).map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: `${at(0.3)} INFO bidrouter: auction=${uidOf(nameOf(p)).slice(0, 10)} bidders=14 winner=dsp-7 price=0.42 took=31ms\n` })),
      ...backfill.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'backfill', current: `${pyTime(0.6)} INFO audience.backfill: segment batch 118/400 done (2,950,112 profiles)\n` })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Insufficient cpu|\bcpu\b/i, /Pending|unschedulable|schedul|stall|stuck|surge/i, /revision 58|5\.31\.0/i],
      facts: [/\b6\/6\b|6 of 6/i, /max node group size/i, /revision 57/i],
      never: [/\bOOM/, /revision 58[^\n]{0,80}(broke|caused|crash)/i, /(outage|bid-router (is )?down|service (is )?down)/i],
    },
  };
}

// ---- 10. a Postgres volume full of WAL -----------------------------------------------------

/**
 * The Debezium connector that read ledger-postgres through the logical replication slot
 * debezium_ledger was deleted three days ago, the slot was not: Postgres kept every WAL segment
 * since, and the 50Gi data volume filled 24 minutes ago. Postgres panicked, and every restart
 * now fails in recovery writing WAL ("No space left on device"), exit 1, crash loop. The node's
 * disk is fine; nothing changed in the StatefulSet.
 */
function postgresVolumeFull(): CorpusScenario {
  const ns = 'ledger';
  const nodes = [
    node({ name: nodeName('10.0.241.19'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.242.107'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.243.62'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const image = 'public.ecr.aws/docker/library/postgres:16.4';
  const tpl = {
    containers: [container({
      name: 'postgres',
      image,
      ports: [{ name: 'postgres', containerPort: 5432 }],
      cpu: '1',
      memory: '4Gi',
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'ledger' }, { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'ledger-postgres', key: 'password' } } }],
      readiness: { exec: { command: ['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 },
      liveness: null,
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
    })],
    securityContext: { fsGroup: 999, runAsUser: 999 },
    terminationGracePeriodSeconds: 120,
  };
  const app = statefulSetApp({
    namespace: ns,
    name: 'ledger-postgres',
    replicas: 1,
    serviceName: 'ledger-postgres-headless',
    revisions: [{ revision: 3, createdAgo: 30 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClass: 'gp3' }],
    pods: [{ revision: 3, ordinal: 0, node: names[1] ?? '', createdAgo: 30 * DAYS, containers: { postgres: crashLoop({ exitCode: 1, finishedAgo: 1.3, ranSeconds: 2 }, 9) } }],
  });
  const pod = must(app.pods[0], 'postgres pod');
  const claim = 'data-ledger-postgres-0';
  const volume = `pvc-${uidOf(`pvc/${ns}/${claim}`)}`;
  const api = deploymentApp({
    namespace: ns,
    name: 'ledger-api',
    replicas: 3,
    revisions: [{ revision: 51, createdAgo: 6 * DAYS, template: { containers: [container({ image: `${ECR}/ledger/ledger-api:10.4.1`, cpu: '500m', memory: '768Mi', env: [{ name: 'DATABASE_URL', value: 'postgres://ledger@ledger-postgres.ledger.svc:5432/ledger' }] })] } }],
    pods: [0, 1, 2].map((i) => ({ revision: 51, node: names[i] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 6 * DAYS, ready: false }) } })),
  });
  const previous = [
    `${pgTime(1.34)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgTime(1.34)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${pgTime(1.34)} [1] LOG:  listening on IPv6 address "::", port 5432`,
    `${pgTime(1.34)} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
    `${pgTime(1.335)} [29] LOG:  database system was interrupted while in recovery at ${pgTime(3.9).slice(0, 19)} UTC`,
    `${pgTime(1.335)} [29] HINT:  This probably means that some data is corrupted and you will have to use the last backup for recovery.`,
    `${pgTime(1.33)} [29] LOG:  database system was not properly shut down; automatic recovery in progress`,
    `${pgTime(1.33)} [29] LOG:  redo starts at 3A/5F0012B8`,
    `${pgTime(1.31)} [29] LOG:  redo done at 3A/7FFFFF60 system usage: CPU: user: 0.81 s, system: 0.40 s, elapsed: 1.35 s`,
    `${pgTime(1.305)} [29] FATAL:  could not write to file "pg_wal/xlogtemp.29": No space left on device`,
    `${pgTime(1.304)} [1] LOG:  startup process (PID 29) exited with exit code 1`,
    `${pgTime(1.304)} [1] LOG:  aborting startup due to startup process failure`,
    `${pgTime(1.3)} [1] LOG:  database system is shut down`,
    '',
  ].join('\n');
  return {
    id: 'holdout2-postgres-pvc-full-wal-no-space',
    class: 'storage',
    truth: 'The 50Gi data volume of ledger-postgres-0 (PVC data-ledger-postgres-0) is full: WAL piled up in pg_wal behind the inactive logical replication slot debezium_ledger (its connector was deleted 3 days ago). Postgres panicked 24 minutes ago and every restart now fails in recovery with FATAL: could not write to file "pg_wal/xlogtemp.29": No space left on device, exit 1, crash loop; ledger-api is 0/3 Ready behind it. The node disk is fine and nothing changed in the StatefulSet. Expand the PVC, then drop the stale slot.',
    ask: { service: 'ledger-postgres' },
    objects: [
      ...nodes,
      ...app.objects,
      pvc({ namespace: ns, name: claim, storage: '50Gi', phase: 'Bound', volumeName: volume, createdAgo: 30 * DAYS, labels: { app: 'ledger-postgres' } }),
      pv({ name: volume, storage: '50Gi', zone: 'eu-west-1b', claim: { namespace: ns, name: claim }, createdAgo: 30 * DAYS }),
      ...api.objects,
      service({ namespace: ns, name: 'ledger-postgres-headless', selector: { app: 'ledger-postgres' }, headless: true, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }] }),
      ...exposed({ namespace: ns, name: 'ledger-postgres', selector: { app: 'ledger-postgres' }, pods: app.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      backOff(pod, 'postgres', { count: 97, firstAgo: 23 }),
      ...restartedAgain(pod, 'postgres', image, { count: 9, firstAgo: 23.5, lastAgo: 1.34 }),
      event({ on: pod, reason: 'Unhealthy', message: 'Readiness probe failed: 127.0.0.1:5432 - no response', count: 14, firstAgo: 24, lastAgo: 1.3, fieldPath: 'spec.containers{postgres}' }),
      ...api.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 139, firstAgo: 24 })),
    ],
    logs: [
      { namespace: ns, pod: nameOf(pod), container: 'postgres', previous, current: previous.split('\n').slice(0, 4).join('\n') + '\n' },
      ...api.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: `${at(0.4)} WARN  HikariPool-1 - Connection is not available, request timed out after 30000ms.\n${at(0.3)} ERROR org.postgresql.util.PSQLException: Connection to ledger-postgres.ledger.svc:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.\n` })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/No space left|(volume|disk|PVC|storage)[^\n]{0,20}full|full[^\n]{0,30}(volume|disk|PVC)|out of (disk )?space/i, /data-ledger-postgres-0|PVC|volume|pg_wal|50Gi/i],
      facts: [/No space left on device/, /pg_wal/, /50Gi/, EXIT_1],
      never: [/\bOOM/, /(node|ip-10-0-242-107)[^\n]{0,40}(disk ?pressure|disk (is )?full|out of disk)/i, BLAMES_ROLLOUT],
    },
  };
}

// ---- 11. a rotated Secret with a trailing newline ------------------------------------------

/**
 * The stock-db Secret was rotated 20 minutes ago from a file written with `echo`, so its `port`
 * key holds "5432\n". The platform's secret watcher deleted the stock-service pods a minute
 * later to pick it up; the ReplicaSet recreated them from the same revision 14 (9 days old), and
 * each one now dies at start: Spring cannot parse DB_PORT (java.lang.NumberFormatException: For
 * input string: "5432\n"). 0/3 pods, full outage.
 */
function rotatedSecretTrailingNewline(): CorpusScenario {
  const ns = 'inventory';
  const nodes = [
    node({ name: nodeName('10.0.251.33'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.252.180'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.253.9'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/inventory/stock-service:${v}`;
  const dbEnv = [
    { name: 'DB_HOST', value: 'stock-db.cluster-c7k2m9x1p4qa.eu-west-1.rds.amazonaws.com' },
    { name: 'DB_PORT', valueFrom: { secretKeyRef: { name: 'stock-db', key: 'port' } } },
    { name: 'DB_USER', valueFrom: { secretKeyRef: { name: 'stock-db', key: 'username' } } },
    { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'stock-db', key: 'password' } } },
  ];
  const tpl = (v: string) => ({
    containers: [container({ image: image(v), cpu: '500m', memory: '1Gi', env: dbEnv, readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }) })],
    annotations: { 'secrets.acme.io/restart-on-change': 'stock-db' },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'stock-service',
    replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 20 * DAYS, template: tpl('8.1.4') },
      { revision: 14, createdAgo: 9 * DAYS, changeCause: 'argocd: stock-service 8.2.1', template: tpl('8.2.1') },
    ],
    settled: { available: false, availableSince: 18.5, progressingSince: 9 * DAYS },
    pods: [0, 1, 2].map((i) => ({ revision: 14, node: names[i] ?? '', createdAgo: 19.3, containers: { app: crashLoop({ exitCode: 1, finishedAgo: [0.9, 2.2, 0.4][i] ?? 1, ranSeconds: 6 }, 8) } })),
  });
  const rs = replicaSetOf(app, 14);
  const gone = ['h2x9p', 'q7vmc', 'z4ktf'].map((s) => `${nameOf(rs)}-${s}`);
  const previous = [
    `${at(1.1)}  INFO 1 --- [stock-service] [           main] c.a.inventory.StockServiceApplication    : Starting StockServiceApplication v8.2.1 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
    `${at(1.1)}  INFO 1 --- [stock-service] [           main] c.a.inventory.StockServiceApplication    : The following 1 profile is active: "prod"`,
    `${at(1.05)}  INFO 1 --- [stock-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)`,
    `${at(1.0)}  WARN 1 --- [stock-service] [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'dataSource' defined in class path resource [com/acme/inventory/config/DataSourceConfig.class]: Failed to instantiate [com.zaxxer.hikari.HikariDataSource]: Factory method 'dataSource' threw exception with message: For input string: "5432`,
    '"',
    `${at(0.99)} ERROR 1 --- [stock-service] [           main] o.s.boot.SpringApplication               : Application run failed`,
    '',
    'org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'dataSource\' defined in class path resource [com/acme/inventory/config/DataSourceConfig.class]: Failed to instantiate [com.zaxxer.hikari.HikariDataSource]: Factory method \'dataSource\' threw exception with message: For input string: "5432',
    '"',
    '\tat org.springframework.beans.factory.support.ConstructorResolver.instantiate(ConstructorResolver.java:657)',
    '\tat org.springframework.beans.factory.support.ConstructorResolver.instantiateUsingFactoryMethod(ConstructorResolver.java:489)',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)',
    '\tat com.acme.inventory.StockServiceApplication.main(StockServiceApplication.java:12)',
    'Caused by: java.lang.NumberFormatException: For input string: "5432',
    '"',
    '\tat java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)',
    '\tat java.base/java.lang.Integer.parseInt(Integer.java:662)',
    '\tat java.base/java.lang.Integer.parseInt(Integer.java:778)',
    '\tat com.acme.inventory.config.DataSourceConfig.dataSource(DataSourceConfig.java:31)',
    '\t... 21 common frames omitted',
    '',
  ].join('\n');
  const reserve = deploymentApp({
    namespace: ns,
    name: 'reservation-worker',
    replicas: 2,
    revisions: [{ revision: 17, createdAgo: 12 * DAYS, template: { containers: [container({ image: `${ECR}/inventory/reservation-worker:3.0.9`, cpu: '250m', memory: '512Mi' })] } }],
    pods: [{ revision: 17, node: names[0] ?? '', createdAgo: 12 * DAYS }, { revision: 17, node: names[2] ?? '', createdAgo: 12 * DAYS }],
  });
  return {
    id: 'holdout2-rotated-secret-trailing-newline-numberformat',
    class: 'config',
    truth: 'Secret stock-db was rotated 20 minutes ago from a file with a trailing newline, so its port key is "5432\\n"; the platform\'s secret watcher deleted the stock-service pods a minute later and their replacements (same revision 14, 9 days old) fail at start because Spring cannot parse DB_PORT (java.lang.NumberFormatException: For input string: "5432\\n"), exit 1, crash loop: 0/3 Ready, full outage. Re-create the Secret value without the newline; no rollout to undo.',
    ask: { service: 'stock-service' },
    objects: [
      ...nodes,
      ...app.objects,
      ...reserve.objects,
      ...exposed({ namespace: ns, name: 'stock-service', selector: { app: 'stock-service' }, pods: app.pods }),
      ...gone.map((name) => event({ on: { kind: 'Pod', name, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 19.4, lastAgo: 19.4, fieldPath: 'spec.containers{app}' })),
      ...app.pods.flatMap((p) => [createdPod(rs, p, 19.3), backOff(p, 'app', { count: 74, firstAgo: 18.6 }), ...restartedAgain(p, 'app', image('8.2.1'), { count: 9, firstAgo: 19.2, lastAgo: 1.1 })]),
    ],
    logs: [
      ...app.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', previous, current: previous.split('\n').slice(0, 3).join('\n') + '\n' })),
      ...reserve.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: `${at(0.5)}  WARN 1 --- [reservation-worker] [pool-2-thread-1] c.a.i.r.StockClient : stock-service unavailable (503), retrying reservation R-${uidOf(nameOf(p)).slice(0, 6)} in 5s\n` })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NumberFormatException|For input string|"5432/i, /DB_PORT|stock-db|secret/i],
      facts: [EXIT_1, /revision 14/i, /\b0\/3\b/],
      never: [BLAMES_ROLLOUT, /\bOOM/, /database (is )?(down|unreachable|unavailable)|connection refused/i],
    },
  };
}

// ---- 12. an init container waiting for a Service that does not exist -----------------------

/**
 * contacts-api chart 2.0.0 (revision 19) templated its wait-for-db init container with the
 * Bitnami default host `postgres-primary`; the database is a CloudNativePG cluster whose
 * read-write Service is contacts-db-rw. busybox nslookup never resolves the name, the loop never
 * ends, and the two new pods stay in Init:0/1. Revision 18 serves on 3 of 4.
 */
function initContainerWaitsForWrongService(): CorpusScenario {
  const ns = 'crm';
  const nodes = [
    node({ name: nodeName('10.0.114.21'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.115.130'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.116.58'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/crm/contacts-api:${v}`;
  const waitFor = (host: string) => batchContainer({
    name: 'wait-for-db',
    image: 'busybox:1.28',
    command: ['sh', '-c', `until nslookup ${host}; do echo "waiting for ${host}:5432"; sleep 2; done`],
    cpu: '10m',
    memory: '16Mi',
  });
  const tpl = (v: string, host: string) => ({
    initContainers: [waitFor(host)],
    containers: [container({ image: image(v), cpu: '300m', memory: '512Mi', env: [{ name: 'DB_HOST', value: host }, { name: 'DB_NAME', value: 'contacts' }, { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'contacts-db-app', key: 'password' } } }] })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'contacts-api',
    replicas: 4,
    revisions: [
      { revision: 18, createdAgo: 15 * DAYS, template: tpl('4.6.0', 'contacts-db-rw') },
      { revision: 19, createdAgo: 13, changeCause: 'argocd: contacts-api chart 2.0.0', template: tpl('4.7.0', 'postgres-primary') },
    ],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 12.9, initContainers: { 'wait-for-db': running({ sinceAgo: 12.8, ready: false }) }, containers: { app: waiting('PodInitializing') } },
      { revision: 19, node: names[2] ?? '', createdAgo: 12.9, initContainers: { 'wait-for-db': running({ sinceAgo: 12.8, ready: false }) }, containers: { app: waiting('PodInitializing') } },
      { revision: 18, node: names[0] ?? '', createdAgo: 15 * DAYS },
      { revision: 18, node: names[1] ?? '', createdAgo: 15 * DAYS },
      { revision: 18, node: names[2] ?? '', createdAgo: 15 * DAYS },
    ],
  });
  const stuck = app.pods.slice(0, 2);
  const deployment = deploymentOf(app);
  const newRs = rsOfRevision(app, 19);
  const oldRs = rsOfRevision(app, 18);
  const db = statefulSetApp({
    namespace: ns,
    name: 'contacts-db',
    replicas: 3,
    selector: { 'cnpg.io/cluster': 'contacts-db' },
    revisions: [{ revision: 2, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'postgres', image: 'ghcr.io/cloudnative-pg/postgresql:16.4', ports: [{ name: 'postgresql', containerPort: 5432 }], cpu: '1', memory: '2Gi', readiness: httpProbe('/readyz', 8000), liveness: httpProbe('/healthz', 8000) })] } }],
    pods: [0, 1, 2].map((i) => ({ revision: 2, ordinal: i, node: names[i] ?? '', createdAgo: 80 * DAYS })),
  });
  const dns = coreDns([{ node: names[0] ?? '' }, { node: names[1] ?? '' }]);
  const nslookupLoop = every(12.8, 0, 3, () => 'Server:    172.20.0.10\nAddress 1: 172.20.0.10 kube-dns.kube-system.svc.cluster.local\n\nnslookup: can\'t resolve \'postgres-primary\'\nwaiting for postgres-primary:5432\n');
  return {
    id: 'holdout2-init-wait-for-db-wrong-service-name',
    class: 'rollout',
    truth: 'Revision 19 (contacts-api chart 2.0.0) templated the wait-for-db init container (and DB_HOST) with the host postgres-primary, but no such Service exists: the database is the CloudNativePG cluster contacts-db, whose read-write Service is contacts-db-rw (what revision 18 used). nslookup can\'t resolve \'postgres-primary\', the loop never ends, and both new pods sit in Init:0/1; the rollout is stuck and revision 18 serves on 3 of 4 pods. DNS itself is fine. Set the DB host back to contacts-db-rw.',
    ask: { service: 'contacts-api' },
    objects: [
      ...nodes,
      ...app.objects,
      ...db.objects,
      ...dns.objects,
      ...exposed({ namespace: ns, name: 'contacts-api', selector: { app: 'contacts-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'contacts-db-rw', selector: { 'cnpg.io/cluster': 'contacts-db', 'apps.kubernetes.io/pod-index': '0' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'contacts-db-r', selector: { 'cnpg.io/cluster': 'contacts-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
      scaledReplicaSet(deployment, nameOf(newRs), 1, 0, 13),
      scaledReplicaSet(deployment, nameOf(oldRs), 3, 4, 13),
      scaledReplicaSet(deployment, nameOf(newRs), 2, 1, 13),
      event({ on: { kind: 'Pod', name: `${nameOf(oldRs)}-f5rnc`, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 13, lastAgo: 13, fieldPath: 'spec.containers{app}' }),
      ...stuck.flatMap((p) => [
        createdPod(newRs, p, 12.9),
        event({ on: p, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(p)} to ${p.spec?.nodeName ?? ''}`, firstAgo: 12.9, lastAgo: 12.9, component: 'default-scheduler' }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: 'Container image "busybox:1.28" already present on machine', firstAgo: 12.85, lastAgo: 12.85, fieldPath: 'spec.initContainers{wait-for-db}' }),
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container wait-for-db', firstAgo: 12.82, lastAgo: 12.82, fieldPath: 'spec.initContainers{wait-for-db}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container wait-for-db', firstAgo: 12.8, lastAgo: 12.8, fieldPath: 'spec.initContainers{wait-for-db}' }),
      ]),
      event({ on: db.pods[2] ?? {}, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(db.pods[2])}:8000/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 44, lastAgo: 43, fieldPath: 'spec.containers{postgres}' }),
    ],
    logs: [
      ...stuck.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'wait-for-db', current: nslookupLoop })),
      ...app.pods.slice(2).map((p) => ({ namespace: ns, pod: nameOf(p), container: 'app', current: `${at(0.7)} INFO  contacts-api: GET /v2/contacts?owner=u-${uidOf(nameOf(p)).slice(0, 5)} 200 18ms\n` })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/wait-for-db|init(-| )?container|Init:0\/1/i, /postgres-primary/, /revision 19|2\.0\.0|4\.7\.0/i],
      facts: [/can't resolve/, /revision 18/i, /contacts-db-rw/],
      never: [/\bOOM/, /crash-?loop/i, /core-?dns[^\n]{0,40}(down|fail|broken|unhealthy)|DNS (is |server )?(down|broken|failing|outage)/i],
    },
  };
}

// ---- 13. a CronJob suspended two days ago -----------------------------------------------------

/**
 * During the warehouse migration two days ago someone ran `kubectl patch cronjob
 * daily-revenue-report -p '{"spec":{"suspend":true}}'` and never resumed it. The 01:30 runs of
 * Nov 20 and Nov 21 were skipped; finance pages because the revenue reports are missing. The
 * last three Jobs (Nov 17–19) all completed.
 */
function cronJobSuspended(): CorpusScenario {
  const ns = 'finance';
  const nodes = [
    node({ name: nodeName('10.0.124.17'), zone: 'eu-west-1a' }),
    node({ name: nodeName('10.0.125.88'), zone: 'eu-west-1b' }),
    node({ name: nodeName('10.0.126.140'), zone: 'eu-west-1c' }),
  ];
  const names = nodes.map(nameOf);
  const image = `${ECR}/finance/revenue-report:3.4.2`;
  const run = 104; // 01:30 today, minutes before NOW
  const lastRuns = [2, 3, 4].map((d) => d * DAYS + run);
  const durations = [21.4, 22.9, 20.8];
  const cron = cronJob({
    namespace: ns,
    name: 'daily-revenue-report',
    schedule: '30 1 * * *',
    suspend: true,
    backoffLimit: 2,
    template: {
      containers: [batchContainer({
        name: 'report',
        image,
        command: ['python', '-m', 'revenue.daily'],
        cpu: '1',
        memory: '2Gi',
        env: [{ name: 'WAREHOUSE_DSN', valueFrom: { secretKeyRef: { name: 'warehouse-readonly', key: 'dsn' } } }, { name: 'REPORT_BUCKET', value: 's3://acme-finance-reports/daily-revenue' }],
      })],
    },
    jobs: lastRuns.map((created, i) => ({
      createdAgo: created,
      pods: [{ node: names[i] ?? '', phase: 'Succeeded' as const, createdAgo: created, containers: { report: terminated({ exitCode: 0, finishedAgo: created - (durations[i] ?? 21), ranSeconds: Math.round((durations[i] ?? 21) * 60) }) } }],
      outcome: { complete: true as const, ago: created - (durations[i] ?? 21) - 0.05 },
    })),
    lastSuccessfulAgo: (lastRuns[0] ?? 0) - (durations[0] ?? 21) - 0.05,
  });
  const cronObj = must(cron.objects[0], 'cronjob');
  cronObj.metadata = {
    ...cronObj.metadata,
    generation: 2,
    managedFields: [
      { manager: 'argocd-controller', operation: 'Update', apiVersion: 'batch/v1', time: ago(200 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:schedule': {}, 'f:jobTemplate': {} } } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'batch/v1', time: ago((lastRuns[0] ?? 0) - (durations[0] ?? 21)), fieldsType: 'FieldsV1', subresource: 'status', fieldsV1: { 'f:status': { 'f:lastScheduleTime': {}, 'f:lastSuccessfulTime': {} } } },
      { manager: 'kubectl-patch', operation: 'Update', apiVersion: 'batch/v1', time: ago(2 * DAYS + 14), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:suspend': {} } } },
    ],
  };
  const hourly = cronJob({
    namespace: ns,
    name: 'fx-rates-snapshot',
    schedule: '0 * * * *',
    template: { containers: [batchContainer({ name: 'snapshot', image: `${ECR}/finance/fx-snapshot:1.2.0`, command: ['/snapshot'], cpu: '100m', memory: '128Mi' })] },
    jobs: [14, 74, 134].map((c, i) => ({
      createdAgo: c,
      pods: [{ node: names[(i + 1) % 3] ?? '', phase: 'Succeeded' as const, createdAgo: c, containers: { snapshot: terminated({ exitCode: 0, finishedAgo: c - 0.4, ranSeconds: 22 }) } }],
      outcome: { complete: true as const, ago: c - 0.45 },
    })),
    lastSuccessfulAgo: 14 - 0.45,
  });
  const hourlyJob = hourly.jobs[0]?.objects[0];
  const reportLog = (created: number, d: number) => [
    `${pyTime(created - 0.1)} INFO revenue.daily: daily revenue report for ${at(created + 1440).slice(0, 10)} starting (warehouse=analytics-replica)`,
    `${pyTime(created - 3)} INFO revenue.extract: orders 412,880 rows, refunds 9,114 rows`,
    `${pyTime(created - d + 0.5)} INFO revenue.render: 31 markets x 14 metrics`,
    `${pyTime(created - d + 0.1)} INFO revenue.daily: report written to s3://acme-finance-reports/daily-revenue/${at(created + 1440).slice(0, 10)}/revenue.xlsx`,
    '',
  ].join('\n');
  return {
    id: 'holdout2-cronjob-suspended-two-days',
    class: 'jobs',
    truth: 'CronJob daily-revenue-report (schedule 30 1 * * *) has been suspended (spec.suspend: true, set by kubectl patch 2 days ago during the warehouse migration and never reverted), so the 01:30 runs of Nov 20 and Nov 21 never happened: no Job since 2026-11-19 01:30. The last three Jobs completed fine. Resume it (suspend: false) and trigger the missed reports by hand.',
    ask: { service: 'daily-revenue-report' },
    objects: [
      ...nodes,
      ...cron.objects,
      ...hourly.objects,
      event({ on: { kind: 'CronJob', name: 'fx-rates-snapshot', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created job ${nameOf(hourlyJob)}`, firstAgo: 14, lastAgo: 14, component: 'cronjob-controller' }),
      event({ on: { kind: 'CronJob', name: 'fx-rates-snapshot', namespace: ns }, type: 'Normal', reason: 'SawCompletedJob', message: `Saw completed job: ${nameOf(hourlyJob)}, status: Complete`, firstAgo: 13.5, lastAgo: 13.5, component: 'cronjob-controller' }),
    ],
    logs: cron.jobs.flatMap((j, i) => j.pods.map((p) => ({ namespace: ns, pod: nameOf(p), container: 'report', current: reportLog(lastRuns[i] ?? 0, durations[i] ?? 21) }))),
    expect: {
      verdict: 'problems',
      headline: [/suspend/i, /2 days|\b2d\b|48 ?h|since|2026-11-19|Nov(ember)? 19|no (new )?(jobs?|runs?)|missed|skipped|not (been )?(run|scheduled)/i],
      facts: [/30 1 \* \* \*|01:30/, /2026-11-19|2 days|\b2d\b|Nov(ember)? 19/i],
      never: [/\bOOM/, /(last|latest) (job|run)[^\n]{0,20} failed|BackoffLimitExceeded|DeadlineExceeded/i, /crash/i],
    },
  };
}

// ---- 14. healthy control: a DaemonSet and a node that just joined ----------------------------

/**
 * node-exporter runs on every node. Karpenter added a seventh node two minutes ago; its
 * node-exporter pod was scheduled 40 seconds ago and is still pulling the image
 * (ContainerCreating). One pod restarted nine days ago. Nothing is wrong.
 */
function healthyDaemonSetNewNodeStarting(): CorpusScenario {
  const ns = 'monitoring';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const oldNames = ['10.0.131.14', '10.0.132.77', '10.0.133.201', '10.0.131.98', '10.0.132.150', '10.0.133.36'].map(nodeName);
  const fresh = nodeName('10.0.132.219');
  const nodes = [
    ...oldNames.map((n, i) => node({ name: n, zone: zones[i % 3] ?? 'eu-west-1a', createdAgo: (20 - i) * DAYS })),
    node({ name: fresh, zone: 'eu-west-1b', createdAgo: 2, readySince: 1 }),
  ];
  const image = 'quay.io/prometheus/node-exporter:v1.8.2';
  const tpl = {
    containers: [container({
      name: 'node-exporter',
      image,
      args: ['--path.procfs=/host/proc', '--path.sysfs=/host/sys', '--path.rootfs=/host/root', '--web.listen-address=[$(HOST_IP)]:9100'],
      ports: [{ name: 'http-metrics', containerPort: 9100 }],
      cpu: '50m',
      memory: '64Mi',
      memoryLimit: '128Mi',
      readiness: httpProbe('/', 9100),
      liveness: httpProbe('/', 9100),
      env: [{ name: 'HOST_IP', value: '0.0.0.0' }],
      volumeMounts: [{ name: 'proc', mountPath: '/host/proc', readOnly: true }, { name: 'sys', mountPath: '/host/sys', readOnly: true }, { name: 'root', mountPath: '/host/root', readOnly: true }],
      securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
    })],
    volumes: [{ name: 'proc', hostPath: { path: '/proc' } }, { name: 'sys', hostPath: { path: '/sys' } }, { name: 'root', hostPath: { path: '/' } }],
    tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
    securityContext: { runAsNonRoot: true, runAsUser: 65534, fsGroup: 65534 },
  };
  const app = daemonSetApp({
    namespace: ns,
    name: 'node-exporter',
    selector: { 'app.kubernetes.io/name': 'node-exporter' },
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: tpl }],
    pods: [
      ...oldNames.map((n, i) => ({
        revision: 4,
        node: n,
        createdAgo: Math.min(60 * DAYS, (20 - i) * DAYS),
        ...(i === 2 ? { containers: { 'node-exporter': running({ sinceAgo: 9 * DAYS, restarts: 1, last: { exitCode: 143, reason: 'Error', finishedAgo: 9 * DAYS, ranSeconds: 9 * 24 * 3600 } }) } } : {}),
      })),
      { revision: 4, node: fresh, createdAgo: 0.65, containers: { 'node-exporter': waiting('ContainerCreating') }, sandbox: true },
    ],
  });
  const starting = must(app.pods[6], 'starting pod');
  const prometheus = statefulSetApp({
    namespace: ns,
    name: 'prometheus-k8s',
    replicas: 2,
    revisions: [{ revision: 7, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'prometheus', image: 'quay.io/prometheus/prometheus:v2.55.1', ports: [9090], cpu: '1', memory: '6Gi', readiness: httpProbe('/-/ready', 9090), liveness: httpProbe('/-/healthy', 9090) })] } }],
    pods: [{ revision: 7, ordinal: 0, node: oldNames[0] ?? '', createdAgo: 30 * DAYS }, { revision: 7, ordinal: 1, node: oldNames[4] ?? '', createdAgo: 30 * DAYS }],
  });
  return {
    id: 'holdout2-healthy-daemonset-new-node-pod-starting',
    class: 'healthy',
    truth: 'Nothing is wrong: node-exporter is Ready on the 6 established nodes; a seventh node joined 2 minutes ago and its node-exporter pod, scheduled 40 seconds ago, is still pulling the image (ContainerCreating). The one restart is 9 days old.',
    ask: { service: 'node-exporter', namespace: ns },
    objects: [
      ...nodes,
      ...app.objects,
      ...prometheus.objects,
      ...exposed({ namespace: ns, name: 'node-exporter', selector: { 'app.kubernetes.io/name': 'node-exporter' }, pods: app.pods, ports: [{ name: 'http-metrics', port: 9100, targetPort: 9100 }], endpointPort: 9100 }),
      nodeEvent(fresh, 'Starting', 'Starting kubelet.', { firstAgo: 1.8 }),
      nodeEvent(fresh, 'RegisteredNode', `Node ${fresh} event: Registered Node ${fresh} in Controller`, { firstAgo: 1.6, component: 'node-controller' }),
      nodeEvent(fresh, 'NodeReady', `Node ${fresh} status is now: NodeReady`, { firstAgo: 1 }),
      event({ on: { kind: 'DaemonSet', name: 'node-exporter', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(starting)}`, firstAgo: 0.65, lastAgo: 0.65, component: 'daemonset-controller' }),
      event({ on: starting, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(starting)} to ${fresh}`, firstAgo: 0.65, lastAgo: 0.65, component: 'default-scheduler' }),
      event({ on: starting, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: 0.5, lastAgo: 0.5, fieldPath: 'spec.containers{node-exporter}' }),
    ],
    logs: app.pods.slice(0, 6).map((p) => ({ namespace: ns, pod: nameOf(p), container: 'node-exporter', current: `ts=${at(20 * DAYS).slice(0, 19)}Z caller=node_exporter.go:193 level=info msg="Starting node_exporter" version="(version=1.8.2, branch=HEAD, revision=f1e0e8360aa60b6cb5e5cc1560bed348fc2c1895)"\nts=${at(20 * DAYS).slice(0, 19)}Z caller=tls_config.go:313 level=info msg="Listening on" address=[::]:9100\n` })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy/i, /6\/7|new node|starting|joined/i],
      facts: [/ContainerCreating|Pulling|starting/i, /ip-10-0-132-219/],
      never: [/crash/i, /ImagePullBackOff|ErrImagePull|image pull (failed|error)/i, /\bOOM/, /roll ?back/i],
    },
  };
}

export const HOLDOUT_2_SCENARIOS: CorpusScenario[] = [
  gunicornWorkerTimeoutSlowDb(),
  upstreamCertificateExpired(),
  sidecarInjectorWebhookNoEndpoints(),
  secretVolumeNotFound(),
  configMapSubPathMissingKey(),
  memoryLeakSteadyOomNoChange(),
  hpaMetricsApiUnavailable(),
  pdbBlocksNodeDrain(),
  rolloutStalledSurgePodNoCpu(),
  postgresVolumeFull(),
  rotatedSecretTrailingNewline(),
  initContainerWaitsForWrongService(),
  cronJobSuspended(),
  healthyDaemonSetNewNodeStarting(),
];
