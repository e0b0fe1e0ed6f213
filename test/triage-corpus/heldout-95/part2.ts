// Held-out stories, ninety-fifth round, part two: (jobs) a Flyway migration Job that fails with
// "Migration checksum mismatch for migration version 41" because release 2.30.0 edited an already
// applied migration, so it hits its backoff limit; (storage) a StatefulSet scaled from 2 to 3 whose
// new claim stays Pending because its StorageClass "gp3-encrypted" was deleted; (network) an nginx
// gateway whose ConfigMap change turned on upstream keepalive (60 s idle) in front of a Node.js API
// that closes idle sockets after 5 s, so nginx logs "upstream prematurely closed connection" and
// clients see 502s; (rollout) revision 14 of an API whose image was built for arm64 and dies with
// "exec format error" on amd64 nodes, leaving the rollout stuck; (scheduling) a Deployment scaled
// from 3 to 4 with a required pod anti-affinity per hostname on three nodes, so the fourth pod is
// Pending; (config) a router whose ConfigMap-mounted YAML got a tab indentation, so every restarted
// pod crashes with "yaml: line 14: found character that cannot start any token"; and a healthy
// control: a Redis cache logging "WARNING Memory overcommit must be enabled!" and the somaxconn note.
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, crashLoop, deploymentApp, event,
  exposed, failedScheduling, httpProbe, job, jobEvent, rsOf, running, scaledReplicaSet, statefulSetApp,
  tcpProbe, terminated, boundClaim, pvc, clfTime,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

// ---- 1. Flyway checksum mismatch fails the migration Job ---------------------------------------------

function flywayChecksumMismatch(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.51', ['12', '140', '233']);
  const image = `${ECR}/billing/billing-migrations:2.30.0`;
  const jdbc = 'jdbc:postgresql://billing-db.cluster-cq81xz0p4k.eu-west-1.rds.amazonaws.com:5432/billing';
  const migrate = job({
    namespace: ns,
    name: 'billing-db-migrate-2-30-0',
    backoffLimit: 2,
    createdAgo: 26,
    template: {
      containers: [batchContainer({
        name: 'flyway', image, args: ['-connectRetries=5', 'migrate'], cpu: '250m', memory: '512Mi',
        env: [{ name: 'FLYWAY_URL', value: jdbc }, { name: 'FLYWAY_USER', value: 'billing_owner' }, { name: 'FLYWAY_LOCATIONS', value: 'filesystem:/flyway/sql' }],
      })],
    },
    pods: [
      { node: names[0] ?? '', phase: 'Failed', createdAgo: 26, containers: { flyway: terminated({ exitCode: 1, finishedAgo: 25.5, ranSeconds: 14 }) } },
      { node: names[1] ?? '', phase: 'Failed', createdAgo: 25, containers: { flyway: terminated({ exitCode: 1, finishedAgo: 24.6, ranSeconds: 13 }) } },
      { node: names[2] ?? '', phase: 'Failed', createdAgo: 23.5, containers: { flyway: terminated({ exitCode: 1, finishedAgo: 23.1, ranSeconds: 15 }) } },
    ],
    outcome: { failed: 'BackoffLimitExceeded', ago: 23 },
  });
  const api = bystander(ns, 'billing-api', names, 9 * DAYS, { revisions: [57, 58], versions: ['2.29.1', '2.29.2'], olderAgo: 15 * DAYS });
  const flywayLog = (): string => lines(
    'Flyway OSS Edition 10.17.0 by Redgate',
    '',
    'See release notes here: https://rd.gt/416ObMi',
    `Database: ${jdbc} (PostgreSQL 15.7)`,
    'ERROR: Validate failed: Migrations have failed validation',
    'Migration checksum mismatch for migration version 41',
    '-> Applied to database : 1893021142',
    '-> Resolved locally    : -408216477',
    'Either revert the changes to the migration, or run repair to update the schema history.',
    'Need more flexibility with validation rules? Learn more: https://rd.gt/3AbJUZE',
  );
  const jobObj = migrate.objects.find((o) => o.kind === 'Job');
  return {
    id: 'heldout95-flyway-checksum-mismatch',
    class: 'jobs',
    truth: 'The pre-deploy migration Job billing-db-migrate-2-30-0 (billing-migrations 2.30.0) fails on every attempt with Flyway "Validate failed: Migration checksum mismatch for migration version 41": release 2.30.0 edited the already-applied migration V41 (applied checksum 1893021142, local -408216477), so validation refuses to migrate and the Job reached its backoffLimit of 2 (BackoffLimitExceeded). The database and billing-api are fine. Fix: revert the edit to V41 and put the change in a new migration (V42), or run `flyway repair` if the edit was intentional and harmless.',
    ask: { service: 'billing-db-migrate', namespace: ns },
    objects: [
      ...nodes, ...migrate.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: api.pods }),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${migrate.pods[0]?.metadata?.name ?? ''}`, 26),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${migrate.pods[1]?.metadata?.name ?? ''}`, 25),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${migrate.pods[2]?.metadata?.name ?? ''}`, 23.5),
      jobEvent(jobObj, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 23, 'Warning'),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(migrate, k), 'flyway', { current: flywayLog() })),
    expect: {
      verdict: 'problems',
      headline: [/checksum|version 41|V41|validat/i],
      facts: [/checksum mismatch/i, /billing-db-migrate-2-30-0/, /backoff ?limit|BackoffLimitExceeded/i],
      never: [/\bOOM/i, /billing-api[^\n]*(fail|crash|broken)/i, /connection refused|authentication failed|password/i],
    },
  };
}

// ---- 2. StatefulSet scale-up claim Pending: StorageClass deleted -------------------------------------

function storageClassDeleted(): CorpusScenario {
  const ns = 'telemetry';
  const { nodes, names } = threeEksNodes('10.0.88', ['20', '117', '205']);
  const image = `${ECR}/telemetry/metrics-ingester:3.4.1`;
  const tpl = {
    containers: [container({
      name: 'ingester', image, ports: [{ name: 'http', containerPort: 8080 }, { name: 'grpc', containerPort: 9095 }], cpu: '1', memory: '2Gi',
      readiness: httpProbe('/ready', 'http'), liveness: httpProbe('/healthz', 'http', { initialDelaySeconds: 20 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/ingester' }],
    })],
  };
  const sts = statefulSetApp({
    namespace: ns,
    name: 'metrics-ingester',
    replicas: 3,
    podManagementPolicy: 'Parallel',
    revisions: [{ revision: 6, createdAgo: 20 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3-encrypted' }],
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 6, ordinal: 1, node: names[1] ?? '', createdAgo: 12 * DAYS },
      { revision: 6, ordinal: 2, createdAgo: 47, unschedulable: '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.' },
    ],
  });
  const [c0, v0] = boundClaim({ namespace: ns, name: 'data-metrics-ingester-0', storage: '100Gi', zone: 'eu-west-1a', createdAgo: 60 * DAYS, storageClass: 'gp3-encrypted' });
  const [c1, v1] = boundClaim({ namespace: ns, name: 'data-metrics-ingester-1', storage: '100Gi', zone: 'eu-west-1b', createdAgo: 60 * DAYS, storageClass: 'gp3-encrypted' });
  const c2 = pvc({ namespace: ns, name: 'data-metrics-ingester-2', storage: '100Gi', storageClass: 'gp3-encrypted', phase: 'Pending', createdAgo: 47, labels: { app: 'metrics-ingester' } });
  const other = bystander(ns, 'metrics-query', names, 4 * HOURS, { revisions: [22, 23], versions: ['3.4.0', '3.4.1'], olderAgo: 12 * DAYS });
  const ingLog = (k: number) => lines(
    `level=info ts=${at(30 + k)} caller=ingester.go:512 msg="flushed series" tenant=prod series=48211 chunks=96122 duration=2.81s`,
    `level=info ts=${at(15 + k)} caller=ingester.go:512 msg="flushed series" tenant=prod series=48977 chunks=97010 duration=2.94s`,
    `level=warn ts=${at(9 + k)} caller=ring.go:233 msg="ring member not ACTIVE, replication degraded" member=metrics-ingester-2 state=PENDING`,
    `level=info ts=${at(1 + k)} caller=ingester.go:512 msg="flushed series" tenant=prod series=49310 chunks=98450 duration=3.02s`,
  );
  return {
    id: 'heldout95-storageclass-deleted-claim-pending',
    class: 'storage',
    truth: 'metrics-ingester was scaled from 2 to 3 replicas 47 minutes ago; the new claim data-metrics-ingester-2 asks for StorageClass "gp3-encrypted", which the platform team deleted last week when it consolidated classes into "gp3" (existing volumes stay bound), so the PVC stays Pending with ProvisioningFailed "storageclass.storage.k8s.io \\"gp3-encrypted\\" not found" and metrics-ingester-2 cannot be scheduled (unbound immediate PersistentVolumeClaims). Fix: recreate the gp3-encrypted StorageClass (or change the volumeClaimTemplate, which requires recreating the StatefulSet with --cascade=orphan).',
    ask: { service: 'metrics-ingester', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, c0, v0, c1, v1, c2, ...other.objects,
      ...exposed({ namespace: ns, name: 'metrics-ingester', selector: { app: 'metrics-ingester' }, pods: sts.pods.slice(0, 2), ports: [{ name: 'http', port: 8080, targetPort: 'http' }], endpointPort: 8080 }),
      ...exposed({ namespace: ns, name: 'metrics-query', selector: { app: 'metrics-query' }, pods: other.pods }),
      event({ on: { kind: 'StatefulSet', name: 'metrics-ingester', namespace: ns }, reason: 'SuccessfulCreate', message: 'create Claim data-metrics-ingester-2 Pod metrics-ingester-2 in StatefulSet metrics-ingester success', component: 'statefulset-controller', firstAgo: 47, lastAgo: 47 }),
      event({ on: { kind: 'StatefulSet', name: 'metrics-ingester', namespace: ns }, reason: 'SuccessfulCreate', message: 'create Pod metrics-ingester-2 in StatefulSet metrics-ingester successful', component: 'statefulset-controller', firstAgo: 47, lastAgo: 47 }),
      event({ on: c2, reason: 'ProvisioningFailed', type: 'Warning', message: 'storageclass.storage.k8s.io "gp3-encrypted" not found', component: 'persistentvolume-controller', count: 188, firstAgo: 47, lastAgo: 0.2 }),
      failedScheduling(podOf(sts, 2), '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.', { count: 14, firstAgo: 47, lastAgo: 2 }),
    ],
    logs: [0, 1].map((k) => logsFor(podOf(sts, k), 'ingester', { current: ingLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/gp3-encrypted|storage ?class|data-metrics-ingester-2|unbound|Pending/i],
      facts: [/gp3-encrypted/, /not found/i, /data-metrics-ingester-2/],
      never: [/insufficient (cpu|memory)/i, /\bquota/i, /metrics-query/, /volume node affinity/i],
    },
  };
}

// ---- 3. nginx upstream keepalive outlives the Node.js keep-alive timeout ---------------------------

function keepaliveRace(): CorpusScenario {
  const ns = 'edge';
  const { nodes, names } = threeEksNodes('10.0.64', ['33', '150', '219']);
  const nginxConf = (keepalive: boolean) => [
    'worker_processes auto;',
    'events { worker_connections 4096; }',
    'http {',
    '  access_log /dev/stdout combined;',
    '  error_log /dev/stderr warn;',
    '  upstream quotes {',
    '    server quotes-api.edge.svc.cluster.local:8080;',
    ...(keepalive ? ['    keepalive 64;', '    keepalive_timeout 60s;', '    keepalive_requests 10000;'] : []),
    '  }',
    '  server {',
    '    listen 8080;',
    '    server_name api.acme.io;',
    '    location = /nginx-health { access_log off; return 200 "ok"; }',
    '    location /v1/quotes/ {',
    '      proxy_pass http://quotes;',
    ...(keepalive ? ['      proxy_http_version 1.1;', '      proxy_set_header Connection "";'] : []),
    '      proxy_next_upstream off;',
    '      proxy_read_timeout 30s;',
    '    }',
    '  }',
    '}',
  ].join('\n');
  const cm = configMap({ namespace: ns, name: 'edge-gateway-nginx', createdAgo: 90 * DAYS, updatedAgo: 2 * HOURS + 5, data: { 'nginx.conf': nginxConf(true) } });
  const gw = deploymentApp({
    namespace: ns,
    name: 'edge-gateway',
    replicas: 2,
    revisions: [
      { revision: 11, createdAgo: 30 * DAYS, template: { containers: [container({ name: 'nginx', image: 'docker.io/library/nginx:1.27.2', ports: [8080], cpu: '250m', memory: '256Mi', readiness: httpProbe('/nginx-health', 8080), volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf' }] })], volumes: [{ name: 'conf', configMap: { name: 'edge-gateway-nginx' } }] } },
      { revision: 12, createdAgo: 2 * HOURS + 3, changeCause: 'kubectl rollout restart (reload edge-gateway-nginx: upstream keepalive)', template: { labels: { 'config-rev': '2' }, containers: [container({ name: 'nginx', image: 'docker.io/library/nginx:1.27.2', ports: [8080], cpu: '250m', memory: '256Mi', readiness: httpProbe('/nginx-health', 8080), volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf' }] })], volumes: [{ name: 'conf', configMap: { name: 'edge-gateway-nginx' } }] } },
    ],
    pods: [{ revision: 12, node: names[0] ?? '', createdAgo: 2 * HOURS + 3 }, { revision: 12, node: names[1] ?? '', createdAgo: 2 * HOURS + 2 }],
    settled: { available: true, availableSince: 2 * HOURS + 1, progressingSince: 2 * HOURS + 3, progressingUpdatedAgo: 2 * HOURS + 1 },
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'quotes-api',
    replicas: 3,
    revisions: [{ revision: 40, createdAgo: 6 * DAYS, changeCause: 'argocd: quotes-api 5.2.1', template: { containers: [container({ image: `${ECR}/edge/quotes-api:5.2.1`, ports: [8080], cpu: '500m', memory: '512Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'HTTP_KEEPALIVE_TIMEOUT_MS', value: '5000' }], readiness: httpProbe('/healthz', 8080) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 40, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const ngx = (m: number) => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
  const apiIps = api.pods.map((p) => p.status?.podIP ?? '10.0.64.9');
  const gwLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 18; i++) {
      const t = 40 - i * 2.2 - k * 0.3;
      const q = `Q-${7310 + i * 13 + k}`;
      const ip = apiIps[(i + k) % apiIps.length] ?? '';
      out.push(`10.0.${12 + k}.${40 + i} - - [${clfTime(t)}] "GET /v1/quotes/${q} HTTP/1.1" 200 1824 "-" "acme-mobile/8.14.0 (iOS 18.1)"`);
      if (i % 3 === 1) {
        out.push(`${ngx(t - 0.05)} [error] 29#29: *${88000 + i * 211 + k} upstream prematurely closed connection while reading response header from upstream, client: 10.0.${12 + k}.${90 + i}, server: api.acme.io, request: "POST /v1/quotes/ HTTP/1.1", upstream: "http://${ip}:8080/v1/quotes/", host: "api.acme.io"`);
        out.push(`10.0.${12 + k}.${90 + i} - - [${clfTime(t - 0.05)}] "POST /v1/quotes/ HTTP/1.1" 502 157 "-" "acme-web/2026.11.3"`);
      }
      if (i % 5 === 3) {
        out.push(`${ngx(t - 0.1)} [error] 30#30: *${91000 + i * 97 + k} recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 10.0.${12 + k}.${60 + i}, server: api.acme.io, request: "GET /v1/quotes/${q} HTTP/1.1", upstream: "http://${ip}:8080/v1/quotes/${q}", host: "api.acme.io"`);
        out.push(`10.0.${12 + k}.${60 + i} - - [${clfTime(t - 0.1)}] "GET /v1/quotes/${q} HTTP/1.1" 502 157 "-" "acme-mobile/8.14.0 (Android 15)"`);
      }
    }
    return out.join('\n') + '\n';
  };
  const apiLog = (k: number) => {
    const out = [`{"level":30,"time":${Date.parse(at(6 * DAYS - k))},"pid":1,"hostname":"quotes-api","msg":"Server listening at http://0.0.0.0:8080","keepAliveTimeout":5000}`];
    for (let i = 0; i < 10; i++) out.push(`{"level":30,"time":${Date.parse(at(30 - i * 3 - k * 0.2))},"pid":1,"hostname":"quotes-api","reqId":"req-${4000 + i * 7 + k}","res":{"statusCode":200},"responseTime":${(12 + i * 1.7).toFixed(1)},"msg":"request completed"}`);
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout95-nginx-upstream-keepalive-race',
    class: 'network',
    truth: 'Two hours ago the edge-gateway-nginx ConfigMap enabled upstream keepalive toward quotes-api (keepalive 64, keepalive_timeout 60s, HTTP/1.1) and edge-gateway was restarted to load it. quotes-api (Node.js) closes idle keep-alive sockets after 5 s (HTTP_KEEPALIVE_TIMEOUT_MS=5000), so nginx regularly reuses a connection the upstream is closing: "upstream prematurely closed connection while reading response header" and "recv() failed (104: Connection reset by peer)", returned to clients as 502 (POSTs are not retried). Both sides are Running and ready. Fix: set nginx keepalive_timeout below the upstream\'s (e.g. 4s) or raise quotes-api\'s keepAliveTimeout above 60 s.',
    ask: { service: 'edge-gateway', namespace: ns },
    objects: [
      ...nodes, cm, ...gw.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'edge-gateway', selector: { app: 'edge-gateway' }, pods: gw.pods }),
      ...exposed({ namespace: ns, name: 'quotes-api', selector: { app: 'quotes-api' }, pods: api.pods, ports: [{ name: 'http', port: 8080, targetPort: 'http' }], endpointPort: 8080 }),
      scaledReplicaSet(deploymentOf(gw), rsOf(gw, 12), 2, 0, 2 * HOURS + 3),
      scaledReplicaSet(deploymentOf(gw), rsOf(gw, 11), 0, 2, 2 * HOURS + 1),
    ],
    logs: [
      ...[0, 1].map((k) => logsFor(podOf(gw, k), 'nginx', { current: gwLog(k) })),
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/keep-?alive|prematurely closed|connection reset|idle/i],
      facts: [/prematurely closed|Connection reset by peer/i, /keepalive|keep-alive/i, /quotes-api/, /502/],
      never: [/\bDNS\b/i, /network ?polic/i, /quotes-api[^\n]*(crash|not ready|unready|OOM)/i, /selector|targetPort/i],
    },
  };
}

// ---- 4. revision 14 image built for arm64: exec format error -----------------------------------------

function execFormatError(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.19', ['44', '131', '240']);
  const image = (v: string) => `${ECR}/ledger/ledger-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ image: image(v), command: ['/app/ledger-api'], ports: [8080], cpu: '500m', memory: '512Mi', readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }) })],
  });
  const boom = crashLoop({ exitCode: 255, finishedAgo: 1.2, ranSeconds: 0 }, 9);
  const app = deploymentApp({
    namespace: ns,
    name: 'ledger-api',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    revisions: [
      { revision: 13, createdAgo: 11 * DAYS, changeCause: 'argocd: ledger-api 1.18.2', template: tpl('1.18.2') },
      { revision: 14, createdAgo: 24, changeCause: 'argocd: ledger-api 1.19.0-hotfix1', template: tpl('1.19.0-hotfix1') },
    ],
    pods: [
      { revision: 13, node: names[0] ?? '', createdAgo: 11 * DAYS },
      { revision: 13, node: names[1] ?? '', createdAgo: 11 * DAYS },
      { revision: 13, node: names[2] ?? '', createdAgo: 11 * DAYS },
      { revision: 14, node: names[1] ?? '', createdAgo: 24, containers: { app: boom } },
      { revision: 14, node: names[2] ?? '', createdAgo: 24, containers: { app: boom } },
    ],
  });
  const other = bystander(ns, 'ledger-reconciler', names, 3 * HOURS, { revisions: [8, 9], versions: ['0.9.4', '0.9.5'], olderAgo: 20 * DAYS });
  const okLog = (k: number) => lines(
    `time=${at(20 + k)} level=INFO msg="request" method=GET path=/v1/accounts/ACC-${1020 + k}/balance status=200 dur=14ms`,
    `time=${at(8 + k)} level=INFO msg="request" method=POST path=/v1/entries status=201 dur=31ms`,
    `time=${at(0.5 + k * 0.1)} level=INFO msg="request" method=GET path=/v1/accounts/ACC-${2210 + k}/balance status=200 dur=11ms`,
  );
  return {
    id: 'heldout95-arm64-image-exec-format-error',
    class: 'rollout',
    truth: 'ledger-api revision 14 (1.19.0-hotfix1, 24 minutes ago) ships an image built and pushed from an Apple-silicon laptop for linux/arm64 only; the cluster\'s nodes are amd64, so the binary cannot run: "exec /app/ledger-api: exec format error", exit 255, CrashLoopBackOff on both new pods. The rollout is stuck (ProgressDeadlineExceeded) while the three revision-13 pods keep serving. Fix: rebuild with --platform linux/amd64 (or multi-arch) in CI and redeploy, or roll back to revision 13 meanwhile.',
    ask: { service: 'ledger-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'ledger-reconciler', selector: { app: 'ledger-reconciler' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 2, 0, 24),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 13), 3, 4, 24),
      backOff(podOf(app, 3), 'app', { count: 105, firstAgo: 23.5, lastAgo: 0.3 }),
      backOff(podOf(app, 4), 'app', { count: 104, firstAgo: 23.4, lastAgo: 0.4 }),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: okLog(k) })),
      logsFor(podOf(app, 3), 'app', { current: 'exec /app/ledger-api: exec format error\n', previous: 'exec /app/ledger-api: exec format error\n' }),
      logsFor(podOf(app, 4), 'app', { current: 'exec /app/ledger-api: exec format error\n', previous: 'exec /app/ledger-api: exec format error\n' }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/exec format error|arm64|amd64|architecture|platform/i],
      facts: [/exec format error/i, /revision 14|1\.19\.0-hotfix1/i],
      never: [/\bOOM/i, /ledger-reconciler/, /ImagePull|ErrImagePull/i, /liveness|readiness probe/i],
    },
  };
}

// ---- 5. required anti-affinity, 4 replicas on 3 nodes --------------------------------------------------

function antiAffinityFourthReplica(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.27', ['15', '128', '212']);
  const tpl = {
    containers: [container({ image: `${ECR}/pricing/pricing-engine:7.3.0`, ports: [8080], cpu: '1', memory: '1536Mi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })],
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'pricing-engine' } }, topologyKey: 'kubernetes.io/hostname' }] } },
  };
  const msg = '0/3 nodes are available: 3 node(s) didn\'t match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-engine',
    replicas: 4,
    revisions: [{ revision: 21, createdAgo: 9 * DAYS, changeCause: 'argocd: pricing-engine 7.3.0', template: tpl }],
    pods: [
      { revision: 21, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 21, node: names[1] ?? '', createdAgo: 9 * DAYS },
      { revision: 21, node: names[2] ?? '', createdAgo: 9 * DAYS },
      { revision: 21, createdAgo: 38, unschedulable: msg },
    ],
    settled: { available: true, availableSince: 9 * DAYS, progressingSince: 9 * DAYS },
  });
  const other = bystander(ns, 'pricing-rules-admin', names, 5 * HOURS, { revisions: [3, 4], versions: ['1.2.0', '1.3.0'], olderAgo: 30 * DAYS });
  const log = (k: number) => lines(
    `${at(25 + k).replace('T', ' ').replace('Z', '')}  INFO 1 --- [pricing-engine] [nio-8080-exec-4] c.a.p.api.QuoteController : priced basket items=12 total=184.20 EUR in 41 ms`,
    `${at(3 + k).replace('T', ' ').replace('Z', '')}  INFO 1 --- [pricing-engine] [nio-8080-exec-9] c.a.p.api.QuoteController : priced basket items=3 total=27.90 EUR in 18 ms`,
  );
  return {
    id: 'heldout95-anti-affinity-fourth-replica',
    class: 'scheduling',
    truth: 'pricing-engine was scaled from 3 to 4 replicas 38 minutes ago for the Black Friday load test, but its pod template has a required podAntiAffinity on kubernetes.io/hostname and the node group has only three nodes, so the fourth pod stays Pending: "0/3 nodes are available: 3 node(s) didn\'t match pod anti-affinity rules". The three running replicas are healthy. Fix: add a node (raise the node group / let the autoscaler add one) or switch to preferredDuringScheduling / a topologySpreadConstraint with ScheduleAnyway.',
    ask: { service: 'pricing-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pricing-rules-admin', selector: { app: 'pricing-rules-admin' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 21), 4, 3, 38),
      failedScheduling(podOf(app, 3), msg, { count: 19, firstAgo: 38, lastAgo: 1.5 }),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/anti-?affinity/i],
      facts: [/didn't match pod anti-affinity|anti-?affinity/i, /0\/3|three nodes|3 nodes/i],
      never: [/insufficient (cpu|memory)/i, /taint/i, /\bquota/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 6. tab in a ConfigMap-mounted YAML config --------------------------------------------------------

function yamlTabConfig(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.93', ['11', '160', '227']);
  const cfg = [
    'server:',
    '  listen: ":8080"',
    '  read_timeout: 10s',
    'routes:',
    '  - match: { currency: EUR }',
    '    provider: adyen',
    '    weight: 100',
    '  - match: { currency: GBP }',
    '    provider: adyen',
    '    weight: 100',
    '  - match: { currency: USD }',
    '    provider: stripe',
    '    weight: 80',
    '\tfallback: braintree',
    'limits:',
    '  max_amount_minor: 5000000',
  ].join('\n');
  const cm = configMap({ namespace: ns, name: 'payment-router-config', createdAgo: 200 * DAYS, updatedAgo: 19, data: { 'router.yaml': cfg } });
  const tpl = (restart: string) => ({
    labels: { 'restarted-at': restart },
    containers: [container({ image: `${ECR}/payments/payment-router:2.8.4`, args: ['--config=/etc/router/router.yaml'], ports: [8080], cpu: '300m', memory: '256Mi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }), volumeMounts: [{ name: 'config', mountPath: '/etc/router', readOnly: true }] })],
    volumes: [{ name: 'config', configMap: { name: 'payment-router-config' } }],
  });
  const boom = crashLoop({ exitCode: 1, finishedAgo: 0.8, ranSeconds: 0 }, 7);
  const app = deploymentApp({
    namespace: ns,
    name: 'payment-router',
    replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 12 * DAYS, changeCause: 'argocd: payment-router 2.8.4', template: tpl('20261109') },
      { revision: 34, createdAgo: 17, changeCause: 'kubectl rollout restart deployment/payment-router', template: tpl('20261121-0257') },
    ],
    pods: [
      { revision: 33, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 33, node: names[1] ?? '', createdAgo: 12 * DAYS },
      { revision: 34, node: names[2] ?? '', createdAgo: 17, containers: { app: boom } },
    ],
  });
  const other = bystander(ns, 'payment-webhooks', names, 2 * DAYS, { revisions: [14, 15], versions: ['1.6.0', '1.6.1'], olderAgo: 25 * DAYS });
  const crash = lines(
    `{"time":"${at(0.82)}","level":"INFO","msg":"starting payment-router","version":"2.8.4","config":"/etc/router/router.yaml"}`,
    `{"time":"${at(0.81)}","level":"ERROR","msg":"load config","error":"yaml: line 14: found character that cannot start any token"}`,
    'Error: load config /etc/router/router.yaml: yaml: line 14: found character that cannot start any token',
  );
  const okLog = (k: number) => lines(
    `{"time":"${at(12 + k)}","level":"INFO","msg":"routed","currency":"EUR","provider":"adyen","amount_minor":${4599 + k},"dur_ms":212}`,
    `{"time":"${at(2 + k)}","level":"INFO","msg":"routed","currency":"USD","provider":"stripe","amount_minor":${1299 + k},"dur_ms":188}`,
  );
  return {
    id: 'heldout95-yaml-tab-in-configmap',
    class: 'config',
    truth: 'Someone edited the payment-router-config ConfigMap 19 minutes ago to add a USD fallback provider and indented the new line 14 ("fallback: braintree") with a tab; YAML forbids tabs for indentation, so payment-router fails at startup with "yaml: line 14: found character that cannot start any token" and exits 1. The `kubectl rollout restart` 17 minutes later (revision 34, same image) created a pod that crash-loops; the rollout is stuck and the two old pods still run the config they loaded earlier. Fix: replace the tab with spaces in router.yaml (and validate config in CI); the restart/revision is not the cause.',
    ask: { service: 'payment-router', namespace: ns },
    objects: [
      ...nodes, cm, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'payment-router', selector: { app: 'payment-router' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'payment-webhooks', selector: { app: 'payment-webhooks' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 34), 1, 0, 17),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 33), 2, 3, 17),
      backOff(podOf(app, 2), 'app', { count: 74, firstAgo: 16.5, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(podOf(app, 0), 'app', { current: okLog(0) }),
      logsFor(podOf(app, 1), 'app', { current: okLog(1) }),
      logsFor(podOf(app, 2), 'app', { current: crash, previous: crash }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/yaml|router\.yaml|payment-router-config|line 14|cannot start any token|tab/i],
      facts: [/cannot start any token|yaml: line 14/i, /payment-router-config/],
      never: [/\bOOM/i, /payment-webhooks/, /missing (key|env)/i, /ImagePull/i],
    },
  };
}

// ---- healthy control: Redis startup warnings ----------------------------------------------------------

function redisWarningsHealthy(): CorpusScenario {
  const ns = 'sessions';
  const { nodes, names } = threeEksNodes('10.0.45', ['23', '119', '208']);
  const redis = statefulSetApp({
    namespace: ns,
    name: 'session-redis',
    replicas: 1,
    revisions: [{ revision: 2, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.4.1', args: ['--save', '', '--appendonly', 'no', '--maxmemory', '1gb', '--maxmemory-policy', 'allkeys-lru'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '250m', memory: '1280Mi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }) })] } }],
    pods: [{ revision: 2, ordinal: 0, node: names[1] ?? '', createdAgo: 6 * DAYS }],
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'session-api',
    replicas: 2,
    revisions: [{ revision: 18, createdAgo: 6 * DAYS, changeCause: 'argocd: session-api 3.1.0', template: { containers: [container({ image: `${ECR}/sessions/session-api:3.1.0`, ports: [8080], cpu: '200m', memory: '256Mi', env: [{ name: 'REDIS_URL', value: 'redis://session-redis.sessions.svc.cluster.local:6379/0' }], readiness: httpProbe('/ready', 8080) })] } }],
    pods: [{ revision: 18, node: names[0] ?? '', createdAgo: 6 * DAYS }, { revision: 18, node: names[2] ?? '', createdAgo: 6 * DAYS }],
  });
  const rt = (m: number) => {
    const x = new Date(at(m));
    const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][x.getUTCMonth()] ?? 'Nov';
    return `${String(x.getUTCDate()).padStart(2, '0')} ${mon} ${x.getUTCFullYear()} ${x.toISOString().slice(11, 23)}`;
  };
  const s = 6 * DAYS - 0.2;
  const redisLog = lines(
    `1:C ${rt(s)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
    `1:C ${rt(s)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${rt(s)} * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${rt(s)} * Configuration loaded`,
    `1:M ${rt(s)} * monotonic clock: POSIX clock_gettime`,
    `1:M ${rt(s)} # WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.`,
    `1:M ${rt(s)} * Running mode=standalone, port=6379.`,
    `1:M ${rt(s)} * Server initialized`,
    `1:M ${rt(s)} * Ready to accept connections tcp`,
  );
  const apiLog = (k: number) => lines(
    `{"level":"info","ts":"${at(6 * DAYS - 1 - k)}","msg":"connected to redis","addr":"session-redis.sessions.svc.cluster.local:6379"}`,
    `{"level":"info","ts":"${at(14 + k)}","msg":"request","method":"GET","path":"/v1/sessions/current","status":200,"duration_ms":3}`,
    `{"level":"info","ts":"${at(1 + k)}","msg":"request","method":"POST","path":"/v1/sessions","status":201,"duration_ms":5}`,
  );
  return {
    id: 'heldout95-redis-overcommit-warning-healthy',
    class: 'healthy',
    truth: 'Healthy: session-redis and session-api are Running and ready, serving normally for six days. Redis logged its usual startup warnings ("WARNING Memory overcommit must be enabled!" and the somaxconn 128 TCP backlog note); persistence is disabled (--save "" --appendonly no) so neither matters here. Nothing to fix.',
    ask: { service: 'session-redis', namespace: ns },
    objects: [
      ...nodes, ...redis.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'session-redis', selector: { app: 'session-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: api.pods }),
    ],
    logs: [
      logsFor(podOf(redis, 0), 'redis', { current: redisLog }),
      ...[0, 1].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems|issues)|running|ready/i],
      facts: [/session-redis/],
      never: [/overcommit[^\n]*(cause|fail|problem)/i, /somaxconn[^\n]*(cause|problem)/i, /memory (pressure|exhaust)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  flywayChecksumMismatch(),
  storageClassDeleted(),
  keepaliveRace(),
  execFormatError(),
  antiAffinityFourthReplica(),
  yamlTabConfig(),
  redisWarningsHealthy(),
];
