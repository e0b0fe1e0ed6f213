// Held-out stories, fifteenth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
//
// A memory limit written 512m (millibytes) so runc's init is OOM-killed before the app starts, a
// liveness probe on a health check that includes the database (a 4-minute Postgres failover makes
// the kubelet restart every pod at once), a revision that sets dnsPolicy: Default so cluster names
// no longer resolve, a base image whose USER is a name under runAsNonRoot, flags written into
// `command:` instead of `args:`, an istio-proxy sidecar OOMKilled at its 128Mi limit while the app
// is fine, Karpenter unable to add nodes past its NodePool CPU limit after an HPA scale-out; and in
// part2.ts: a zone topology spread constraint on-prem nodes cannot satisfy, a PVC whose filesystem
// resize waits for the pod to restart, a concurrencyPolicy Replace CronJob killing every run, Redis
// at maxmemory with noeviction, a registry answering 503 to a scale-up's new nodes, and two
// healthy controls.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, at, backOff, container, coreDns, crashLoop, deploymentApp, epochMs, event, exposed, hpa, httpProbe, nameOf, node,
  probeFailed, probeKilling, pulledFresh, pyTime, replicaSetOf, restartedAgain, rsOf, running, scaledReplicaSet, statefulSetApp,
  waiting, execProbe, batchContainer, failedScheduling,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, eksNodeName, ipOfPod, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';
import { PART_TWO, aksNode, bystander, deploymentOf, gkeNode, lines, relabel, spring } from './part2.js';

const zap = (t: number, msg: string, extra = '') => `{"level":"info","ts":"${at(t)}","caller":"server/http.go:88","msg":"${msg}"${extra}}`;

/** Pulled (already present) / Created / Failed, `count` times: a container the runtime cannot start. */
function failedToStart(p: k8s.V1Pod, image: string, error: string, o: { count: number; firstAgo: number; lastAgo: number }): k8s.CoreV1Event[] {
  const fieldPath = 'spec.containers{app}';
  return [
    event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, count: o.count - 1, firstAgo: o.firstAgo - 0.2, lastAgo: o.lastAgo, fieldPath }),
    event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', count: o.count, firstAgo: o.firstAgo, lastAgo: o.lastAgo, fieldPath }),
    event({ on: p, reason: 'Failed', message: `Error: ${error}`, count: o.count, firstAgo: o.firstAgo, lastAgo: o.lastAgo, fieldPath }),
    backOff(p, 'app', { count: o.count * 9, firstAgo: o.firstAgo - 0.1 }),
  ];
}

// ---- 1. memory limit 512m (millibytes): runc's init is OOM-killed ------------------------------------

function memoryLimitMillibytes(): CorpusScenario {
  const ns = 'treasury';
  const { nodes, names } = threeEksNodes('10.0.42');
  const image = (v: string) => `${ECR}/treasury/fx-rates:${v}`;
  const tpl = (v: string, memory: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '250m', memory, readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] });
  const startErr = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: container init was OOM-killed (memory limit too low?): unknown';
  const app = deploymentApp({
    namespace: ns,
    name: 'fx-rates',
    replicas: 4,
    revisions: [
      { revision: 11, createdAgo: 9 * DAYS, changeCause: 'argocd: fx-rates 1.14.2', template: tpl('1.14.2', '512Mi') },
      { revision: 12, createdAgo: 24, changeCause: 'argocd: fx-rates 1.15.0 (chart 3.0.0: resources from values.yaml)', template: tpl('1.15.0', '512m') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 11, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      ...[0, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 23.9 - k * 0.05, containers: { app: crashLoop({ exitCode: 128, reason: 'StartError', message: startErr, finishedAgo: 2 + k, ranSeconds: 0 }, 9) } })),
    ],
  });
  const fresh = [podOf(app, 3), podOf(app, 4)];
  const quotes = bystander(ns, 'fx-quotes', names, 50);
  return {
    id: 'heldout15-memory-limit-millibytes-init-oom',
    class: 'config',
    truth: 'Revision 12 (fx-rates 1.15.0, chart 3.0.0, 24 minutes ago) moved resources into values.yaml and wrote the memory as "512m", which Kubernetes reads as 512 millibytes (half a byte), not 512Mi. The request and limit are both 512m, so the container cgroup gets a limit of 1 byte and runc\'s init process is OOM-killed before the Go binary even starts: StartError, exit 128, "container init was OOM-killed (memory limit too low?)", crash loop on both new pods. The app never ran (no logs), nothing leaks; the three revision-11 pods (512Mi) still serve 3/4 and the rollout is stuck. fx-quotes\' rollout is unrelated. Fix: write 512Mi (or roll back to revision 11).',
    ask: { service: 'fx-rates' },
    objects: [
      ...nodes, ...app.objects, ...quotes.objects,
      ...exposed({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'fx-quotes', selector: { app: 'fx-quotes' }, pods: quotes.pods }),
      scaledReplicaSet(deploymentOf(quotes), rsOf(quotes, 71), 2, 0, 50),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 1, 0, 24),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 11), 3, 4, 24),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 2, 1, 23.9),
      ...fresh.flatMap((p, k) => [
        ...pulledFresh(p, 'app', image('1.15.0'), { atAgo: 23.9 - k * 0.05, bytes: 18734112, seconds: 1.42 }),
        ...failedToStart(p, image('1.15.0'), startErr, { count: 10, firstAgo: 23.8 - k * 0.05, lastAgo: 2 + k }),
      ]),
    ],
    logs: app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(zap(2, 'request', ',"method":"GET","path":"/v1/rates/EURUSD","status":200,"duration_ms":3'), zap(1, 'rates refreshed', ',"source":"ecb","pairs":164')) })),
    expect: {
      verdict: 'problems',
      headline: [/\b512m\b/, /memory/i],
      facts: [/revision 12/, /StartError|\b128\b|memory limit too low|OOM-killed/i, /512Mi/, /3\/4|3 of (the )?4|revision 11/i],
      never: [/memory leak/i, /\b137\b/, /MemoryPressure|memory pressure/i, /fx-quotes[^\n]*(caus|broke|trigger)/i],
    },
  };
}

// ---- 2. liveness probe on a health check that includes the database ---------------------------------

function livenessProbeChecksDatabase(): CorpusScenario {
  const ns = 'banking';
  const zones = ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'];
  const nodes = ['k2tq', 'r8vm', 'w4nz'].map((s, i) => gkeNode({ name: `gke-prod-euw1-default-pool-5d1e9c3a-${s}`, zone: zones[i] ?? 'europe-west1-b', pool: 'default-pool', createdAgo: 17 * DAYS }));
  const names = nodes.map(nameOf);
  const image = (v: string) => `europe-west1-docker.pkg.dev/acme-prod-eu/banking/accounts-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [8080], cpu: '1', memory: '2Gi',
    env: [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://10.41.0.3:5432/accounts' }, { name: 'SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT', value: '2000' }],
    readiness: httpProbe('/health', 8080, { timeoutSeconds: 3 }),
    liveness: httpProbe('/health', 8080, { initialDelaySeconds: 60, timeoutSeconds: 3 }),
  })] });
  // Every pod was killed at the same moments (4.3, 2.8, 1.1 minutes ago) and restarted after its back-off.
  const d = (k: number) => k * 0.04;
  const app = deploymentApp({
    namespace: ns,
    name: 'accounts-api',
    replicas: 4,
    revisions: [
      { revision: 30, createdAgo: 20 * DAYS, changeCause: 'argocd: accounts-api 5.21.0', template: tpl('5.21.0') },
      { revision: 31, createdAgo: 6 * DAYS, changeCause: 'argocd: accounts-api 5.22.1', template: tpl('5.22.1') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 31, node: names[k % 3] ?? '', createdAgo: 6 * DAYS - k, containers: { app: running({ sinceAgo: 0.43 - d(k), ready: false, restarts: 3, last: { exitCode: 143, finishedAgo: 1.1 - d(k), ranSeconds: 80 } }) } })),
    settled: { available: false, availableSince: 4.3, progressingSince: 6 * DAYS },
  });
  const worker = bystander(ns, 'statements-worker', names, 35);
  const probeUrl = (p: k8s.V1Pod) => `http://${ipOfPod(p)}:8080/health`;
  const refused = 'Caused by: org.postgresql.util.PSQLException: Connection to 10.41.0.3:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.';
  const downCheck = (t: number) => [
    spring(t, 'WARN', 'nio-8080-exec-2', 'o.s.b.a.jdbc.DataSourceHealthIndicator', 'DataSource health check failed'),
    'org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection',
    'Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 2001ms (total=0, active=0, idle=0, waiting=0)',
    refused,
    spring(t, 'WARN', 'nio-8080-exec-2', 'c.a.accounts.health.HealthLogger', 'health DOWN: db=DOWN diskSpace=UP ping=UP'),
    spring(t, 'INFO', 'nio-8080-exec-2', 'c.a.accounts.web.AccessLog', 'GET /health 503 2004ms ua=kube-probe/1.31'),
  ];
  const previous = (k: number) => lines(
    spring(2.43 - d(k), 'INFO', 'main', 'com.acme.accounts.AccountsApiApplication', 'Starting AccountsApiApplication v5.22.1 using Java 21.0.5 with PID 1'),
    spring(1.65 - d(k), 'INFO', 'main', 'com.acme.accounts.AccountsApiApplication', 'Started AccountsApiApplication in 47.1 seconds (process running for 49.3)'),
    ...downCheck(1.43 - d(k)), ...downCheck(1.27 - d(k)), ...downCheck(1.1 - d(k)),
    spring(1.1 - d(k), 'INFO', 'ionShutdownHook', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Commencing graceful shutdown. Waiting for active requests to complete'),
    spring(1.1 - d(k), 'INFO', 'tomcat-shutdown', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Graceful shutdown complete'),
    spring(1.1 - d(k), 'INFO', 'ionShutdownHook', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Shutdown initiated...'),
  );
  const current = (k: number) => lines(
    spring(0.43 - d(k), 'INFO', 'main', 'com.acme.accounts.AccountsApiApplication', 'Starting AccountsApiApplication v5.22.1 using Java 21.0.5 with PID 1'),
    spring(0.2 - d(k), 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
    spring(0.18 - d(k), 'INFO', 'main', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@6d4a2b1f'),
    spring(0.18 - d(k), 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
    spring(0.05, 'INFO', 'main', 'o.s.o.j.LocalContainerEntityManagerFactoryBean', 'Initialized JPA EntityManagerFactory for persistence unit \'default\''),
  );
  const workerLog = lines(
    `${pyTime(4.65)} ERROR statements.worker: batch failed, will retry: psycopg.OperationalError: connection failed: connection to server at "10.41.0.3", port 5432 failed: Connection refused`,
    `${pyTime(2.4)} ERROR statements.worker: batch failed, will retry: psycopg.OperationalError: connection failed: connection to server at "10.41.0.3", port 5432 failed: Connection refused`,
    `${pyTime(0.68)} INFO statements.worker: database connection restored after 239s`,
    `${pyTime(0.3)} INFO statements.worker: batch 88213 done: 5000 statements in 4.1s`,
  );
  return {
    id: 'heldout15-liveness-probe-checks-database',
    class: 'probes',
    truth: 'The managed Postgres (Cloud SQL, 10.41.0.3) failed over for about 4 minutes (4.7 to 0.7 minutes ago). accounts-api\'s liveness probe uses /health, the aggregate Spring Boot health that includes the db indicator, so as soon as the database refused connections /health answered 503 on every pod and the kubelet killed all four pods at once ("failed liveness probe, will be restarted", exit 143), then again after each restart while the database was still away, with growing back-off. The database is back (the restarted JVMs connect fine; statements-worker, whose liveness does not check the DB, just reconnected with 0 restarts), but all four accounts-api pods are still booting after their back-off: 0/4 ready, a 4-minute blip turned into a full outage. No change to the workload (revision 31 is 6 days old); statements-worker\'s rollout is unrelated. Fix: point liveness at a shallow check (/actuator/health/liveness, no DB) and keep the DB in readiness only.',
    ask: { service: 'accounts-api' },
    objects: [
      ...nodes, ...app.objects, ...worker.objects,
      ...exposed({ namespace: ns, name: 'accounts-api', selector: { app: 'accounts-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'statements-worker', selector: { app: 'statements-worker' }, pods: worker.pods }),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 71), 2, 0, 35),
      ...app.pods.flatMap((p, k) => [
        probeFailed(p, 'app', 'Liveness', 'HTTP probe failed with statuscode: 503', { count: 9, firstAgo: 4.6 - d(k), lastAgo: 1.1 - d(k) }),
        probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 21, firstAgo: 4.65 - d(k), lastAgo: 1.15 - d(k) }),
        probeFailed(p, 'app', 'Readiness', `Get "${probeUrl(p)}": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, { count: 14, firstAgo: 4.05 - d(k), lastAgo: 0.1 }),
        probeKilling(p, 'app', 'liveness', { count: 3, firstAgo: 4.27 - d(k), lastAgo: 1.1 - d(k) }),
        ...restartedAgain(p, 'app', image('5.22.1'), { count: 3, firstAgo: 4.1 - d(k), lastAgo: 0.43 - d(k) }),
        backOff(p, 'app', { count: 3, firstAgo: 4.25 - d(k), lastAgo: 0.5 - d(k) }),
      ]),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { previous: previous(k), current: current(k) })),
      ...worker.pods.map((p) => logsFor(p, 'app', { current: workerLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/liveness/i, /\/health|database|\bDB\b|postgres|\b503\b/i],
      facts: [/\b503\b/, /(all|every|4) (of the )?(4 |four )?pods|4\/4|0\/4|simultaneous|same time|at once/i, /\/health\b/, /liveness[^\n]*(database|\bDB\b|dependenc)|(database|\bDB\b|dependenc)[^\n]*liveness/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /statements-worker[^\n]*(caus|broke|trigger)/i, /node[^\n]*(pressure|NotReady|unreachable)/i],
    },
  };
}

// ---- 3. a revision sets dnsPolicy: Default; cluster names no longer resolve ------------------------------

function dnsPolicyDefaultLosesClusterDns(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.53');
  const image = (v: string) => `${ECR}/identity/session-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [3000], memory: '512Mi', env: [{ name: 'REDIS_URL', value: 'redis://redis-master.cache.svc.cluster.local:6379/2' }, { name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'session-api',
    replicas: 3,
    revisions: [
      { revision: 7, createdAgo: 14 * DAYS, changeCause: 'helm: session-api chart 2.3.4', template: tpl('4.7.3') },
      { revision: 8, createdAgo: 19, changeCause: 'helm: session-api chart 2.4.0', template: tpl('4.8.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 7, node: names[k] ?? '', createdAgo: 14 * DAYS - k })),
      { revision: 8, node: names[2] ?? '', createdAgo: 18.9, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.4, ranSeconds: 11 }, 8) } },
    ],
  });
  // Revision 8's template (and so its pods) resolve names with the node's resolver, not CoreDNS.
  const defaultDns = (spec: k8s.V1PodSpec | undefined) => { if (spec) spec.dnsPolicy = 'Default'; };
  defaultDns((deploymentOf(app) as k8s.V1Deployment).spec?.template.spec);
  defaultDns((replicaSetOf(app, 8) as k8s.V1ReplicaSet).spec?.template?.spec);
  const fresh = podOf(app, 3);
  defaultDns(fresh.spec);
  const redis = statefulSetApp({
    namespace: 'cache',
    name: 'redis-master',
    replicas: 1,
    revisions: [{ revision: 2, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/bitnami/redis:7.4.1-debian-12-r2', ports: [{ name: 'redis', containerPort: 6379 }], memory: '1Gi', readiness: execProbe(['sh', '-c', '/health/ping_readiness_local.sh 1']), liveness: execProbe(['sh', '-c', '/health/ping_liveness_local.sh 5'], { initialDelaySeconds: 20 }) })] } }],
    pods: [{ revision: 2, ordinal: 0, node: names[0] ?? '', createdAgo: 30 * DAYS }],
  });
  const dns = coreDns(names.slice(0, 2).map((n) => ({ node: n })));
  const pino = (t: number, level: number, msg: string, extra: Record<string, unknown> = {}) => JSON.stringify({ level, time: epochMs(t), pid: 1, hostname: nameOf(fresh), msg, ...extra });
  const enotfound = { type: 'Error', message: 'getaddrinfo ENOTFOUND redis-master.cache.svc.cluster.local', stack: 'Error: getaddrinfo ENOTFOUND redis-master.cache.svc.cluster.local\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)', errno: -3008, code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: 'redis-master.cache.svc.cluster.local' };
  const crash = lines(
    pino(1.58, 30, 'session-api 4.8.0 starting', { node: 'v20.18.1' }),
    pino(1.57, 30, 'jwks fetched', { url: 'https://login.acme-id.com/.well-known/jwks.json', keys: 3 }),
    pino(1.57, 30, 'connecting to redis', { host: 'redis-master.cache.svc.cluster.local', port: 6379 }),
    ...[1.55, 1.52, 1.48, 1.44].map((t, i) => pino(t, 40, `[ioredis] Unhandled error event: Error: getaddrinfo ENOTFOUND redis-master.cache.svc.cluster.local (attempt ${i + 1})`)),
    pino(1.4, 60, 'startup failed: redis not reachable after 5 attempts', { err: enotfound }),
  );
  return {
    id: 'heldout15-dns-policy-default-loses-cluster-dns',
    class: 'network',
    truth: 'Chart 2.4.0 (revision 8, 19 minutes ago) set dnsPolicy: Default on session-api to speed up lookups of external APIs (avoiding ndots:5 search lists). With dnsPolicy Default the pod does not use CoreDNS but inherits the node\'s resolv.conf (the VPC resolver), which cannot resolve cluster names: redis-master.cache.svc.cluster.local gives getaddrinfo ENOTFOUND while the external JWKS fetch works, the app exits at startup and the new pod crash-loops. Redis and CoreDNS are healthy; the three revision-7 pods (dnsPolicy ClusterFirst) keep serving and the rollout is stuck. Fix: go back to dnsPolicy ClusterFirst (tune ndots via dnsConfig instead) or roll back to revision 7.',
    ask: { service: 'session-api' },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, ...dns.objects,
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: 'cache', name: 'redis-master', selector: { app: 'redis-master' }, pods: redis.pods, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 1, 0, 19),
      ...startedAt(fresh, 'app', image('4.8.0'), 18.9),
      ...restartedAgain(fresh, 'app', image('4.8.0'), { count: 8, firstAgo: 18.4, lastAgo: 1.6 }),
      backOff(fresh, 'app', { count: 77, firstAgo: 18.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash, current: lines(pino(0.2, 30, 'session-api 4.8.0 starting', { node: 'v20.18.1' })) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(JSON.stringify({ level: 30, time: epochMs(1), pid: 1, hostname: nameOf(p), msg: 'request completed', req: { method: 'POST', url: '/v1/sessions/refresh' }, res: { statusCode: 200 }, responseTime: 6 })) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/dnsPolicy|DNS policy/i, /\bDefault\b/],
      facts: [/revision 8/, /ENOTFOUND/, /redis-master/, /ClusterFirst/],
      never: [/redis(-master)?[^\n]*(is down|not running|crash|unhealthy)/i, /coredns[^\n]*(down|fail|unhealthy|overload)/i, /\bOOM/, /NetworkPolicy/],
    },
  };
}

// ---- 4. new base image with USER app (a name) under runAsNonRoot -------------------------------------

function runAsNonRootNonNumericUser(): CorpusScenario {
  const ns = 'billing';
  const nodes = [aksNode({ pool: 'system', index: 0, zone: 1 }), aksNode({ pool: 'apps', index: 3, zone: 1 }), aksNode({ pool: 'apps', index: 4, zone: 2 }), aksNode({ pool: 'apps', index: 6, zone: 3 })];
  const names = nodes.map(nameOf).slice(1);
  const image = (v: string) => `acmeprod.azurecr.io/billing/billing-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], memory: '1Gi', command: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'],
      envFrom: [{ secretRef: { name: 'billing-api-env' } }],
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
      readiness: httpProbe('/up', 3000), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 20 }),
    })],
    securityContext: { runAsNonRoot: true, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'billing-api',
    replicas: 3,
    revisions: [
      { revision: 56, createdAgo: 8 * DAYS, changeCause: 'flux: billing-api 4.2.0', template: tpl('4.2.0') },
      { revision: 57, createdAgo: 16, changeCause: 'flux: billing-api 4.3.0 (base image platform/ruby-base:3.3.6)', template: tpl('4.3.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 56, node: names[k] ?? '', createdAgo: 8 * DAYS - k })),
      { revision: 57, node: names[1] ?? '', createdAgo: 15.9, phase: 'Pending' as const, containers: { app: waiting('CreateContainerConfigError', 'container has runAsNonRoot and image has non-numeric user (app), cannot verify user is non-root') } },
    ],
  });
  const fresh = podOf(app, 3);
  const refused = `container has runAsNonRoot and image has non-numeric user (app), cannot verify user is non-root (pod: "${nameOf(fresh)}_${ns}(${fresh.metadata?.uid ?? ''})", container: app)`;
  const waitingState = fresh.status?.containerStatuses?.[0]?.state?.waiting;
  if (waitingState) waitingState.message = refused;
  const pdf = bystander(ns, 'invoice-pdf', names, 40);
  const fieldPath = 'spec.containers{app}';
  return {
    id: 'heldout15-run-as-non-root-non-numeric-user',
    class: 'config',
    truth: 'billing-api 4.3.0 (revision 57, 16 minutes ago) was rebuilt on the new platform base image platform/ruby-base:3.3.6, whose Dockerfile ends with USER app (a user name) instead of the numeric USER 10001 of the old image. The pod has securityContext.runAsNonRoot: true and no runAsUser, so the kubelet must prove the image user is not root and cannot with a name: CreateContainerConfigError "container has runAsNonRoot and image has non-numeric user (app), cannot verify user is non-root". The container is never created; the Secret billing-api-env exists and is fine. The three revision-56 pods keep serving, the rollout is stuck. Fix: set runAsUser: 10001 (numeric) in the pod securityContext, or USER 10001 in the base image, or roll back to revision 56.',
    ask: { service: 'billing-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...pdf.objects,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'invoice-pdf', selector: { app: 'invoice-pdf' }, pods: pdf.pods }),
      scaledReplicaSet(deploymentOf(pdf), rsOf(pdf, 71), 2, 0, 40),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 1, 0, 16),
      ...pulledFresh(fresh, 'app', image('4.3.0'), { atAgo: 15.9, bytes: 287441920, seconds: 6.803 }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Container image "${image('4.3.0')}" already present on machine`, count: 74, firstAgo: 15.6, lastAgo: 0.4, fieldPath }),
      event({ on: fresh, reason: 'Failed', message: `Error: ${refused}`, count: 75, firstAgo: 15.7, lastAgo: 0.4, fieldPath }),
    ],
    logs: app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`I, [${at(2)} #1]  INFO -- : [${nameOf(p).slice(-5)}] Started POST "/api/v1/invoices" for 10.244.3.17`, `I, [${at(2)} #1]  INFO -- : [${nameOf(p).slice(-5)}] Completed 201 Created in 48ms (Views: 0.3ms | ActiveRecord: 12.4ms | Allocations: 8841)`) })),
    expect: {
      verdict: 'problems',
      headline: [/runAsNonRoot/, /non-numeric|numeric (user|UID)|user "?app"?\b|USER app/i],
      facts: [/CreateContainerConfigError/, /revision 57/, /runAsUser|numeric/i, /4\.3\.0|ruby-base/],
      never: [/(secret|configmap)[^\n]*(missing|not found|does not exist)/i, /\bOOM/, /ImagePull/, /invoice-pdf[^\n]*(caus|broke|trigger)/i],
    },
  };
}

// ---- 5. flags written into command: instead of args: ----------------------------------------------------

function flagsInCommandInsteadOfArgs(): CorpusScenario {
  const ns = 'discovery';
  const zones = ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'];
  const nodes = ['f3lc', 'h8zr', 'q2vd'].map((s, i) => gkeNode({ name: `gke-prod-euw1-ml-pool-71c4a0e9-${s}`, zone: zones[i] ?? 'europe-west1-b', pool: 'ml-pool', machine: 'n2-standard-8', createdAgo: 25 * DAYS }));
  const names = nodes.map(nameOf);
  const image = (v: string) => `europe-west1-docker.pkg.dev/acme-prod-eu/discovery/recommendations:${v}`;
  const flags = ['--port', '8080', '--workers', '4', '--model-dir', '/models'];
  const startErr = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "--port": executable file not found in $PATH: unknown';
  const tpl = (v: string, how: 'args' | 'command') => ({ containers: [container({ image: image(v), ports: [8080], cpu: '2', memory: '3Gi', [how]: flags, readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 30 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'recommendations',
    replicas: 4,
    revisions: [
      { revision: 23, createdAgo: 10 * DAYS, changeCause: 'argocd: recommendations 8.1.4', template: tpl('8.1.4', 'args') },
      { revision: 24, createdAgo: 21, changeCause: 'argocd: recommendations 8.2.0 (chart 4.0.0)', template: tpl('8.2.0', 'command') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 10 * DAYS - k, ...(k === 1 ? { containers: { app: running({ sinceAgo: 20 * 60, restarts: 1, last: { exitCode: 137, finishedAgo: 20 * 60 + 0.2, ranSeconds: 8 * 24 * 3600 } }) } } : {}) })),
      ...[0, 2].map((k) => ({ revision: 24, node: names[k] ?? '', createdAgo: 20.9 - k * 0.05, containers: { app: crashLoop({ exitCode: 128, reason: 'StartError', message: startErr, finishedAgo: 1.5 + k, ranSeconds: 0 }, 8) } })),
    ],
  });
  const old1 = podOf(app, 1);
  const fresh = [podOf(app, 3), podOf(app, 4)];
  const trending = bystander(ns, 'trending', names, 70);
  const py = (t: number, msg: string) => `${pyTime(t)} INFO recs.server: ${msg}`;
  return {
    id: 'heldout15-flags-in-command-instead-of-args',
    class: 'config',
    truth: 'Chart 4.0.0 (revision 24, recommendations 8.2.0, 21 minutes ago) renamed the values key so the flags ["--port", "8080", "--workers", "4", "--model-dir", "/models"] land in the container\'s command: instead of args:. command replaces the image ENTRYPOINT (python -m recs.server), so the runtime tries to execute "--port" as the program: StartError, exit 128, exec: "--port": executable file not found in $PATH, crash loop on both new pods. The image is fine (revision 23 passes the same flags as args); the three revision-23 pods keep serving 3/4. trending\'s rollout and the liveness restart of one old pod yesterday are unrelated. Fix: move the flags back to args: (or roll back to revision 23).',
    ask: { service: 'recommendations' },
    objects: [
      ...nodes, ...app.objects, ...trending.objects,
      ...exposed({ namespace: ns, name: 'recommendations', selector: { app: 'recommendations' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'trending', selector: { app: 'trending' }, pods: trending.pods }),
      scaledReplicaSet(deploymentOf(trending), rsOf(trending, 71), 2, 0, 70),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 24), 1, 0, 21),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 3, 4, 21),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 24), 2, 1, 20.9),
      probeFailed(old1, 'app', 'Liveness', `Get "http://${ipOfPod(old1)}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3, firstAgo: 20 * 60 + 0.7, lastAgo: 20 * 60 + 0.25 }),
      probeKilling(old1, 'app', 'liveness', { count: 1, firstAgo: 20 * 60 + 0.25, lastAgo: 20 * 60 + 0.25 }),
      ...fresh.flatMap((p, k) => [
        ...pulledFresh(p, 'app', image('8.2.0'), { atAgo: 20.9 - k * 0.05, bytes: 1184220911, seconds: 14.206 }),
        ...failedToStart(p, image('8.2.0'), startErr, { count: 9, firstAgo: 20.6 - k * 0.05, lastAgo: 1.5 + k }),
      ]),
    ],
    logs: app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(py(2, 'GET /v3/recommendations?user=88412093&slot=home 200 38ms'), py(1, 'model recs-2tower-v31 cache hit ratio 0.93')) })),
    expect: {
      verdict: 'problems',
      headline: [/--port|executable file not found/i, /\bcommand\b/i],
      facts: [/\b128\b|StartError/, /revision 24/, /\bargs\b/i, /3\/4|3 of (the )?4|revision 23/i],
      never: [/\bOOM/, /ImagePull|image (tag )?(does not exist|is missing|not found)/i, /port[^\n]*(in use|conflict|already)/i, /trending[^\n]*(caus|broke|trigger)/i],
    },
  };
}

// ---- 6. the istio-proxy sidecar OOMKilled at 128Mi; the app is fine ----------------------------------------

function istioSidecarOomKilled(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.66');
  const appImage = (v: string) => `${ECR}/storefront/catalog:${v}`;
  const proxyImage = 'docker.io/istio/proxyv2:1.23.2';
  const proxy = container({
    name: 'istio-proxy', image: proxyImage, args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local', '--proxyLogLevel=warning', '--proxyComponentLogLevel=misc:error', '--log_output_level=default:info'],
    ports: [{ name: 'http-envoy-prom', containerPort: 15090 }], cpu: '100m', memory: '128Mi', memoryLimit: '128Mi', cpuLimit: '2',
    readiness: httpProbe('/healthz/ready', 15021, { periodSeconds: 15, failureThreshold: 4 }), liveness: null,
  });
  const init = batchContainer({ name: 'istio-init', image: proxyImage, args: ['istio-iptables', '-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15090,15021,15020'], cpu: '100m', memory: '128Mi', memoryLimit: '128Mi' });
  const tpl = (v: string) => ({
    containers: [container({ image: appImage(v), ports: [8080], memory: '768Mi' }), proxy],
    initContainers: [init],
    labels: { 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': 'catalog' },
    annotations: { 'sidecar.istio.io/proxyMemory': '128Mi', 'sidecar.istio.io/proxyMemoryLimit': '128Mi', 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["workload-socket","credential-socket","workload-certs","istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"imagePullSecrets":null,"revision":"default"}' },
  });
  const oom = (finishedAgo: number, ranSeconds: number) => ({ exitCode: 137, reason: 'OOMKilled', finishedAgo, ranSeconds });
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 10 * DAYS, changeCause: 'argocd: catalog 2.6.3', template: tpl('2.6.3') },
      { revision: 19, createdAgo: 3 * DAYS, changeCause: 'argocd: catalog 2.7.0', template: tpl('2.7.0') },
    ],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 3 * DAYS, containers: { 'istio-proxy': running({ sinceAgo: 6, restarts: 11, last: oom(6.05, 1500) }) } },
      { revision: 19, node: names[1] ?? '', createdAgo: 3 * DAYS - 1, containers: { 'istio-proxy': crashLoop(oom(1.2, 540), 14) } },
      { revision: 19, node: names[2] ?? '', createdAgo: 3 * DAYS - 2, containers: { 'istio-proxy': running({ sinceAgo: 0.4, ready: false, restarts: 12, last: oom(0.45, 800) }) } },
    ],
    settled: { available: false, availableSince: 1.2, progressingSince: 3 * DAYS },
  });
  // The Deployment and its ReplicaSets hold the template as written; the injector adds the sidecar to pods only.
  for (const o of app.objects) {
    if (o.kind !== 'Deployment' && o.kind !== 'ReplicaSet') continue;
    const spec = (o as k8s.V1Deployment).spec?.template.spec;
    if (spec === undefined) continue;
    spec.containers = spec.containers.filter((c) => c.name === 'app');
    delete spec.initContainers;
    const meta = (o as k8s.V1Deployment).spec?.template.metadata;
    if (meta?.annotations) delete meta.annotations['sidecar.istio.io/status'];
  }
  const unready = [podOf(app, 1), podOf(app, 2)];
  const istioLine = (t: number, level: string, msg: string) => `${at(t).replace(/Z$/, '118Z')}\t${level}\t${msg}`;
  const proxyLog = (from: number) => lines(
    istioLine(from, 'info', 'FLAG: --concurrency="2"'),
    istioLine(from, 'info', 'Proxy role	ips=[] type=sidecar id=catalog.storefront domain=storefront.svc.cluster.local'),
    istioLine(from - 0.01, 'info', 'xdsproxy	Initializing with upstream address "istiod.istio-system.svc:15012" and cluster "Kubernetes"'),
    istioLine(from - 0.02, 'info', 'cache	generated new workload certificate	resourceName=default latency=104.118ms ttl=23h59m59.9s'),
    istioLine(from - 0.08, 'info', 'Readiness succeeded in 4.918s'),
    istioLine(from - 0.08, 'info', 'Envoy proxy is ready'),
  );
  const goLine = (t: number, path: string) => `{"level":"info","ts":"${at(t)}","caller":"api/handler.go:142","msg":"request","method":"GET","path":"${path}","status":200,"duration_ms":7}`;
  return {
    id: 'heldout15-istio-sidecar-oomkilled-128mi',
    class: 'containers',
    truth: 'The istio-proxy sidecar of the catalog pods runs with a 128Mi memory limit (sidecar.istio.io/proxyMemoryLimit, unchanged for a year). Since the mesh grew this morning (another team exported ~600 services into the mesh and there is no Sidecar resource scoping catalog\'s egress), the Envoy configuration pushed to every sidecar no longer fits: istio-proxy is OOMKilled (exit 137) every 10-25 minutes on all three pods (11-14 restarts), and while it restarts the pod is not ready, so 2/3 pods are unready now and callers get 503s. The app container itself has 0 restarts and serves fine; catalog\'s own rollout 3 days ago (revision 19) is not the cause. Fix: raise the sidecar memory limit (e.g. 512Mi via the annotation) and add a Sidecar resource limiting the config catalog receives.',
    ask: { service: 'catalog' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'catalog', selector: { app: 'catalog' }, pods: app.pods }),
      ...app.pods.flatMap((p, k) => restartedAgain(p, 'istio-proxy', proxyImage, { count: [11, 14, 12][k] ?? 11, firstAgo: 9 * 60 - 10 * k, lastAgo: [6, 10.2, 0.4][k] ?? 1 })),
      ...unready.flatMap((p, k) => [
        probeFailed(p, 'istio-proxy', 'Readiness', `Get "http://${ipOfPod(p)}:15021/healthz/ready": dial tcp ${ipOfPod(p)}:15021: connect: connection refused`, { count: 31 + k, firstAgo: 8 * 60, lastAgo: 0.3 }),
        backOff(p, 'istio-proxy', { count: 22 + 5 * k, firstAgo: 7 * 60, lastAgo: k === 0 ? 0.3 : 0.5 }),
      ]),
    ],
    logs: [
      logsFor(podOf(app, 0), 'istio-proxy', { current: proxyLog(6), previous: proxyLog(31) }),
      logsFor(podOf(app, 1), 'istio-proxy', { current: proxyLog(10.2), previous: proxyLog(10.2) }),
      logsFor(podOf(app, 2), 'istio-proxy', { current: istioLine(0.4, 'info', 'FLAG: --concurrency="2"') + '\n', previous: proxyLog(13.8) }),
      ...app.pods.map((p) => logsFor(p, 'app', { current: lines(goLine(2, '/v1/products/88123'), goLine(1, '/v1/categories/shoes')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/istio-proxy|sidecar/i, /OOM|\b137\b|128Mi|memory/i],
      facts: [/128Mi/, /OOMKilled|\b137\b/, /istio-proxy/, /unready|not ready|1\/3|503/i],
      never: [ADVISES_ROLLBACK, /container "?app"?[^\n]*(OOM|crash)/i, /memory leak/i, /MemoryPressure|memory pressure/i],
    },
  };
}

// ---- 7. Karpenter cannot add nodes: NodePool CPU limit reached after an HPA scale-out ----------------------

function karpenterNodePoolLimitReached(): CorpusScenario {
  const ns = 'pricing';
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodes = ['12', '45', '88', '131', '174', '219'].map((h, i) => {
    const n = node({ name: eksNodeName(`10.0.71.${h}`), zone: zones[i % 3] ?? 'eu-west-1a', instanceType: 'm6i.xlarge', createdAgo: (i + 2) * DAYS });
    relabel(n, ['eks.amazonaws.com/nodegroup'], { 'karpenter.sh/nodepool': 'default', 'karpenter.sh/capacity-type': 'on-demand', 'karpenter.k8s.aws/instance-family': 'm6i', 'karpenter.k8s.aws/instance-size': 'xlarge', 'karpenter.sh/initialized': 'true', 'karpenter.sh/registered': 'true' });
    return n;
  });
  const names = nodes.map(nameOf);
  const image = `${ECR}/pricing/pricing-engine:6.4.1`;
  const scheduler = '0/6 nodes are available: 6 Insufficient cpu. preemption: 0/6 nodes are available: 6 No preemption victims found for incoming pod.';
  const karpenter = 'Failed to schedule pod, incompatible with nodepool "default", daemonset overhead={"cpu":"210m","memory":"296Mi","pods":"4"}, all available instance types exceed limits for nodepool: "default"';
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-engine',
    replicas: 14,
    revisions: [{ revision: 33, createdAgo: 9 * DAYS, changeCause: 'argocd: pricing-engine 6.4.1', template: { containers: [container({ image, ports: [8000], cpu: '1', memory: '2Gi', command: ['gunicorn', 'pricing.app:app', '-k', 'uvicorn.workers.UvicornWorker', '-w', '3', '-b', '0.0.0.0:8000'], readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15 }) })] } }],
    pods: [
      ...[0, 1, 2, 3, 4, 5, 0, 3].map((k, i) => ({ revision: 33, node: names[k] ?? '', createdAgo: 9 * DAYS - i })),
      { revision: 33, node: names[4] ?? '', createdAgo: 17 },
      ...[0, 1, 2, 3, 4].map(() => ({ revision: 33, createdAgo: 17, unschedulable: scheduler })),
    ],
    settled: { available: false, availableSince: 17, progressingSince: 9 * DAYS },
  });
  const pending = app.pods.slice(9);
  const admin = bystander(ns, 'pricing-admin', names, 25);
  const slow = (t: number, ms: number) => `${pyTime(t)} WARNING pricing.api: POST /v2/quotes computed in ${ms}ms (slo 800ms) inflight=37`;
  return {
    id: 'heldout15-karpenter-nodepool-cpu-limit-reached',
    class: 'capacity',
    truth: 'Traffic rose and the HPA scaled pricing-engine from 8 to 14 replicas 17 minutes ago (CPU 91% of requests, target 60%). One new pod fit on an existing node; the other five need a new node, but Karpenter will not create one: the NodePool "default" has a CPU limit its six m6i.xlarge nodes already reach, so every instance type would exceed it ("all available instance types exceed limits for nodepool: \\"default\\""), and the scheduler reports 0/6 nodes with enough CPU. Five pods have been Pending for 17 minutes and the nine running pods are overloaded (quotes take 2-3 s). No node is unhealthy, no quota applies, nothing was deployed (pricing-admin\'s rollout is unrelated). Fix: raise the NodePool\'s spec.limits.cpu (or add a second NodePool), then review the HPA maximum against that limit.',
    ask: { service: 'pricing-engine' },
    objects: [
      ...nodes, ...app.objects, ...admin.objects,
      ...exposed({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'pricing-admin', selector: { app: 'pricing-admin' }, pods: admin.pods }),
      scaledReplicaSet(deploymentOf(admin), rsOf(admin, 71), 2, 0, 25),
      hpa({ namespace: ns, name: 'pricing-engine', target: { kind: 'Deployment', name: 'pricing-engine' }, min: 6, max: 20, current: 14, desired: 14, cpu: { current: 91, target: 60, averageValue: '910m' }, lastScaleAgo: 17 }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'pricing-engine', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 14; reason: cpu resource utilization (percentage of request) above target', firstAgo: 17, lastAgo: 17, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 33), 14, 8, 17),
      ...startedAt(podOf(app, 8), 'app', image, 16.9),
      ...pending.flatMap((p) => [
        failedScheduling(p, scheduler, { count: 11, firstAgo: 17, lastAgo: 0.9 }),
        event({ on: p, reason: 'FailedScheduling', message: karpenter, count: 9, firstAgo: 16.9, lastAgo: 0.7, component: 'karpenter' }),
      ]),
    ],
    logs: app.pods.slice(0, 9).map((p, k) => logsFor(p, 'app', { current: lines(slow(2, 2410 + 37 * k), slow(1, 2980 - 21 * k), `${pyTime(0.5)} INFO uvicorn.access: 10.0.71.5:40412 - "POST /v2/quotes HTTP/1.1" 200`) })),
    expect: {
      verdict: 'problems',
      headline: [/karpenter|nodepool/i, /limit/i],
      facts: [/Pending/, /Insufficient cpu/, /nodepool:? ?\\?"?default/i, /HPA|HorizontalPodAutoscaler|autoscal|\b14\b/i],
      never: [ADVISES_ROLLBACK, /ResourceQuota|exceeded quota/i, /\bOOM/, /node[^\n]*(NotReady|unreachable|unhealthy)/i],
    },
  };
}

export const HOLDOUT_15_SCENARIOS: CorpusScenario[] = [
  memoryLimitMillibytes(),
  livenessProbeChecksDatabase(),
  dnsPolicyDefaultLosesClusterDns(),
  runAsNonRootNonNumericUser(),
  flagsInCommandInsteadOfArgs(),
  istioSidecarOomKilled(),
  karpenterNodePoolLimitReached(),
  ...PART_TWO,
];
