// Held-out stories, forty-eighth round, part one: an ASP.NET Core service whose base image moved
// to .NET 8, which listens on 8080 by default while the probes and the Service still say 80; a
// Node.js service moved to Node 18, where `localhost` resolves to ::1 first while its
// cloud-sql-proxy sidecar listens on 127.0.0.1 only; a migration Job that added a column while the
// API's long-lived pooled connections kept their prepared `SELECT *` plans ("cached plan must not
// change result type"); a Redis without persistence that was rescheduled and lost its stream's
// consumer group (NOGROUP); a namespace newly labelled for Istio injection, whose app init
// container now runs behind istio-init's iptables redirect with no proxy yet; a StatefulSet given
// `setHostnameAsFQDN: true` whose FQDN exceeds 64 characters; and a healthy control: a controller
// whose logs carry client-go throttling at startup and watch streams lost in last night's
// control-plane upgrade.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, containerStatus, crashLoop, deploymentApp, event,
  exposed, httpProbe, job, jobEvent, nameOf, namespace, probeFailed, probeKilling, restartedAgain, rsOf,
  scaledReplicaSet, scheduled, service, endpointSliceFor, statefulSetApp, tcpProbe, terminated, waiting, createdPod,
  replicaSetOf, execProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Redis' log time: `21 Nov 2026 02:48:12.301`. */
const redisTime = (minutes: number): string => {
  const d = new Date(at(minutes));
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()] ?? 'Nov';
  return `${String(d.getUTCDate()).padStart(2, '0')} ${mon} ${d.getUTCFullYear()} ${at(minutes).slice(11, 23)}`;
};
/** klog's header time: `I1121 01:47:22.804120`. */
const klog = (sev: 'I' | 'W' | 'E', minutes: number, micro = '118732'): string => `${sev}${at(minutes).slice(5, 7)}${at(minutes).slice(8, 10)} ${at(minutes).slice(11, 19)}.${micro}`;
/** Go's log package time: `2026/11/21 02:51:03`. */
const goTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

// ---- 1. ASP.NET Core on .NET 8 listens on 8080; probes and Service still on 80 ---------------------

function dotnet8DefaultPort(): CorpusScenario {
  const ns = 'invoicing';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '140', '203']);
  const image = (v: string) => `${ECR}/invoicing/invoice-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [80], cpu: '250m', memory: '512Mi',
      env: [
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' },
        { name: 'ConnectionStrings__Invoices', value: 'Host=invoicing-db.cluster-c1h8sk2x0q.eu-west-1.rds.amazonaws.com;Database=invoices;Username=invoice_api' },
        { name: 'DOTNET_gcServer', value: '0' },
      ],
      readiness: httpProbe('/health/ready', 80, { periodSeconds: 5 }),
      liveness: httpProbe('/health/live', 80, { initialDelaySeconds: 15, periodSeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 57, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-api 2.41.0', template: tpl('2.41.0') },
      { revision: 58, createdAgo: 34, changeCause: 'argocd: invoice-api 3.0.0', template: tpl('3.0.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 12 * DAYS - k * 2 })),
      { revision: 58, node: names[2] ?? '', createdAgo: 33.6, containers: { app: crashLoop({ exitCode: 0, reason: 'Completed', finishedAgo: 2.1, ranSeconds: 46 }, 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'invoice-pdf-renderer', names, 95, { revisions: [12, 13], versions: ['1.8.2', '1.9.0'], olderAgo: 30 * DAYS });
  const ip = fresh.status?.podIP ?? '10.0.9.9';
  const startLog = (t: number, port: number, extra: string[] = []) => [
    'warn: Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository[60]',
    `      Storing keys in a directory '${port === 8080 ? '/home/app' : '/root'}/.aspnet/DataProtection-Keys' that may not be persisted outside of the container. Protected data will be unavailable when container is destroyed. For more information go to https://aka.ms/aspnet/dataprotectionwarning`,
    'warn: Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager[35]',
    '      No XML encryptor configured. Key {8c41f3a2-5d07-4e1b-9b3c-2f6e0a7d11c4} may be persisted to storage in unencrypted form.',
    'info: Invoicing.Api.Startup[0]',
    `      invoice-api starting at ${at(t)}`,
    'info: Microsoft.Hosting.Lifetime[14]',
    `      Now listening on: http://[::]:${port}`,
    'info: Microsoft.Hosting.Lifetime[0]',
    '      Application started. Press Ctrl+C to shut down.',
    'info: Microsoft.Hosting.Lifetime[0]',
    '      Hosting environment: Production',
    'info: Microsoft.Hosting.Lifetime[0]',
    '      Content root path: /app',
    ...extra,
  ];
  const shutdown = ['info: Microsoft.Hosting.Lifetime[0]', '      Application is shutting down...'];
  return {
    id: 'heldout48-dotnet8-default-port-8080',
    class: 'probes',
    truth: 'invoice-api 3.0.0 (revision 58, rolled out 34 minutes ago) moved its base image from mcr.microsoft.com/dotnet/aspnet:6.0 to aspnet:8.0. Since .NET 8 the official ASP.NET Core images listen on port 8080 by default (ASPNETCORE_HTTP_PORTS=8080) instead of 80, so the new pod logs "Now listening on: http://[::]:8080" while its readiness and liveness probes (and the Service\'s targetPort http = containerPort 80) still dial port 80 and are refused; the kubelet kills it on liveness every minute and it is in CrashLoopBackOff (exit 0, graceful shutdown). The rollout is stuck with the three 2.41.0 pods serving. Fix: set ASPNETCORE_HTTP_PORTS=80 (or move containerPort/probes to 8080) — or roll back meanwhile.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods, endpointPort: 80 }),
      ...exposed({ namespace: ns, name: 'invoice-pdf-renderer', selector: { app: 'invoice-pdf-renderer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 34),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 95),
      scheduled(fresh, 33.6),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.0.0')}"`, firstAgo: 33.5, lastAgo: 33.5, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.0.0')}" in 4.87s (4.87s including waiting). Image size: 98312440 bytes.`, firstAgo: 33.4, lastAgo: 33.4, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('3.0.0'), { count: 9, firstAgo: 29, lastAgo: 2.9 }),
      probeFailed(fresh, 'app', 'Readiness', `Get "http://${ip}:80/health/ready": dial tcp ${ip}:80: connect: connection refused`, { count: 212, firstAgo: 33.2, lastAgo: 0.1 }),
      probeFailed(fresh, 'app', 'Liveness', `Get "http://${ip}:80/health/live": dial tcp ${ip}:80: connect: connection refused`, { count: 30, firstAgo: 33, lastAgo: 2.2 }),
      probeKilling(fresh, 'app', 'liveness', { count: 10, firstAgo: 32.7, lastAgo: 2.2 }),
      backOff(fresh, 'app', { count: 61, firstAgo: 24, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', {
        current: lines(...startLog(0.9, 8080)),
        previous: lines(...startLog(2.9, 8080), ...shutdown),
      }),
      ...app.pods.slice(0, 3).map((p, i) => logsFor(p, 'app', {
        current: lines(
          ...startLog(12 * DAYS - i * 2 - 0.3, 80),
          'info: Microsoft.AspNetCore.Hosting.Diagnostics[2]',
          `      Request finished HTTP/1.1 GET http://${p.status?.podIP ?? ''}/api/invoices/INV-2026-118${40 + i} - 200 - application/json;+charset=utf-8 18.2${i}ms`,
          'warn: Microsoft.EntityFrameworkCore.Query[20504]',
          '      Compiling a query which loads related collections for more than one collection navigation, either via \'Include\' or through projection, but no \'QuerySplittingBehavior\' has been configured.',
        ),
      })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/8080/],
      facts: [/\b80\b/, /refused/i, /\.NET ?8|aspnet:8|ASPNETCORE_HTTP_PORTS|ASPNETCORE_URLS|default port/i],
      never: [/OOM/, /DataProtection|unencrypted/i, /invoice-pdf-renderer/, /database|rds|postgres/i],
    },
  };
}

// ---- 2. Node 18: localhost → ::1 while cloud-sql-proxy listens on 127.0.0.1 ------------------------

function node18LocalhostIpv6(): CorpusScenario {
  const ns = 'loyalty';
  const { nodes, names } = threeEksNodes('10.0.121', ['9', '166', '238']);
  const image = (v: string) => `${ECR}/loyalty/points-api:${v}`;
  const proxyImage = 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.4';
  const proxy = container({
    name: 'cloud-sql-proxy', image: proxyImage, ports: [], cpu: '50m', memory: '64Mi', readiness: null, liveness: null,
    args: ['--structured-logs', '--port=5432', '--credentials-file=/secrets/gcp/sa.json', 'acme-loyalty-prod:europe-west1:loyalty-pg'],
    volumeMounts: [{ name: 'gcp-sa', mountPath: '/secrets/gcp', readOnly: true }],
    securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false },
  });
  const tpl = (v: string) => ({
    containers: [
      container({
        image: image(v), ports: [3000], cpu: '200m', memory: '384Mi',
        env: [
          { name: 'NODE_ENV', value: 'production' },
          { name: 'PGHOST', value: 'localhost' },
          { name: 'PGPORT', value: '5432' },
          { name: 'PGDATABASE', value: 'loyalty' },
          { name: 'PGUSER', value: 'points_api' },
        ],
        readiness: httpProbe('/health', 3000), liveness: httpProbe('/health', 3000, { initialDelaySeconds: 20 }),
      }),
      proxy,
    ],
    volumes: [{ name: 'gcp-sa', secret: { secretName: 'points-api-cloudsql-sa', defaultMode: 420 } }],
  });
  const crashed = (k: number) => crashLoop({ exitCode: 1, finishedAgo: 1 + k * 0.7, ranSeconds: 2 }, 7 - k);
  const app = deploymentApp({
    namespace: ns,
    name: 'points-api',
    replicas: 3,
    revisions: [
      { revision: 23, createdAgo: 9 * DAYS, changeCause: 'argocd: points-api 4.6.2', template: tpl('4.6.2') },
      { revision: 24, createdAgo: 19, changeCause: 'argocd: points-api 4.7.0', template: tpl('4.7.0') },
    ],
    pods: [
      { revision: 23, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 23, node: names[1] ?? '', createdAgo: 9 * DAYS - 1 },
      { revision: 24, node: names[2] ?? '', createdAgo: 18.8, containers: { app: crashed(0) } },
      { revision: 24, node: names[0] ?? '', createdAgo: 18.7, containers: { app: crashed(1) } },
    ],
  });
  const other = bystander(ns, 'points-expiry-worker', names, 70, { revisions: [40, 41], versions: ['2.0.3', '2.0.4'], olderAgo: 21 * DAYS });
  const failing = [podOf(app, 2), podOf(app, 3)];
  const proxyLog = (since: number) => lines(
    `{"severity":"INFO","timestamp":"${at(since)}","message":"Authorizing with the credentials file at \\"/secrets/gcp/sa.json\\""}`,
    `{"severity":"INFO","timestamp":"${at(since - 0.01)}","message":"[acme-loyalty-prod:europe-west1:loyalty-pg] Listening on 127.0.0.1:5432"}`,
    `{"severity":"INFO","timestamp":"${at(since - 0.01)}","message":"The proxy has started successfully and is ready for new connections!"}`,
  );
  const crashLog = (t: number) => lines(
    `{"level":30,"time":${new Date(at(t)).getTime()},"pid":1,"hostname":"points-api","msg":"points-api 4.7.0 starting (node v18.20.4)"}`,
    `{"level":30,"time":${new Date(at(t)).getTime() + 212},"pid":1,"hostname":"points-api","msg":"connecting to postgres localhost:5432/loyalty"}`,
    `{"level":60,"time":${new Date(at(t)).getTime() + 241},"pid":1,"hostname":"points-api","msg":"failed to initialise database pool","err":{"type":"Error","message":"connect ECONNREFUSED ::1:5432","stack":"Error: connect ECONNREFUSED ::1:5432\\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)","errno":-111,"code":"ECONNREFUSED","syscall":"connect","address":"::1","port":5432}}`,
    `npm notice`,
    `npm notice New major version of npm available! 10.8.2 -> 11.0.0`,
    `npm notice To update run: npm install -g npm@11.0.0`,
  );
  return {
    id: 'heldout48-node18-localhost-ipv6-cloudsql-proxy',
    class: 'network',
    truth: 'points-api 4.7.0 (revision 24, 19 minutes ago) moved its base image from node:16-alpine to node:18-alpine. Since Node 17 dns.lookup returns addresses in the resolver\'s order, so PGHOST=localhost now resolves to ::1 first, while the cloud-sql-proxy sidecar listens on 127.0.0.1:5432 only (its default address). The new pods fail at startup with "connect ECONNREFUSED ::1:5432" and crash-loop (exit 1); the two 4.6.2 pods on Node 16 keep serving and the rollout is stuck. The proxy and Cloud SQL are fine. Fix: PGHOST=127.0.0.1 (or run the proxy with --address=::1 / both, or NODE_OPTIONS=--dns-result-order=ipv4first); roll back meanwhile.',
    ask: { service: 'points-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'points-api', selector: { app: 'points-api' }, pods: app.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 24), 1, 0, 19),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 2, 3, 18.9),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 24), 2, 1, 18.8),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 70),
      ...failing.flatMap((p, k) => [
        scheduled(p, 18.8 - k * 0.1),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${proxyImage}" already present on machine`, firstAgo: 18.6, lastAgo: 18.6, fieldPath: 'spec.containers{cloud-sql-proxy}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container cloud-sql-proxy', firstAgo: 18.6, lastAgo: 18.6, fieldPath: 'spec.containers{cloud-sql-proxy}' }),
        ...restartedAgain(p, 'app', image('4.7.0'), { count: 8 - k, firstAgo: 18.6, lastAgo: 1.1 + k * 0.7 }),
        backOff(p, 'app', { count: 80 - k * 5, firstAgo: 18.4, lastAgo: 0.2 }),
      ]),
    ],
    logs: [
      ...failing.flatMap((p, k) => [
        logsFor(p, 'app', { previous: crashLog(1.05 + k * 0.7), current: '' }),
        logsFor(p, 'cloud-sql-proxy', { current: proxyLog(18.6) }),
      ]),
      ...[0, 1].map((i) => logsFor(podOf(app, i), 'app', {
        current: lines(
          `{"level":30,"time":${new Date(at(9 * DAYS - i - 0.2)).getTime()},"pid":1,"hostname":"points-api","msg":"points-api 4.6.2 starting (node v16.20.2)"}`,
          `{"level":30,"time":${new Date(at(9 * DAYS - i - 0.19)).getTime()},"pid":1,"hostname":"points-api","msg":"postgres pool ready","host":"localhost","max":10}`,
          `{"level":40,"time":${new Date(at(42)).getTime()},"pid":1,"hostname":"points-api","msg":"slow request","method":"POST","url":"/v1/members/m_83jd72/redeem","ms":1289}`,
          `{"level":30,"time":${new Date(at(0.4)).getTime()},"pid":1,"hostname":"points-api","msg":"request completed","method":"GET","url":"/v1/members/m_1k2j9a/balance","statusCode":200,"ms":7}`,
        ),
      })),
      ...[0, 1].map((i) => logsFor(podOf(app, i), 'cloud-sql-proxy', { current: proxyLog(9 * DAYS - i - 0.3) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/::1|ipv6|localhost/i],
      facts: [lit('127.0.0.1'), /ECONNREFUSED/, /node ?(v?18|17)|node:18|dns-result-order/i],
      never: [/OOM/, /cloud-?sql[^\n]*(down|outage|unavailable|crash)/i, /credential|permission|IAM/i, /points-expiry-worker/],
    },
  };
}

// ---- 3. A migration added a column; long-lived connections keep `SELECT *` prepared plans -----------

function cachedPlanAfterMigration(): CorpusScenario {
  const ns = 'inventory';
  const { nodes, names } = threeEksNodes('10.0.44', ['27', '109', '251']);
  const image = (v: string) => `${ECR}/inventory/inventory-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '300m', memory: '256Mi',
      env: [
        { name: 'DATABASE_URL', value: 'postgres://inventory_api@inventory-db.cluster-c9w2mz4a7e.eu-west-1.rds.amazonaws.com:5432/inventory?sslmode=require&pool_max_conns=16&pool_max_conn_lifetime=24h' },
        { name: 'GOMEMLIMIT', value: '220MiB' },
      ],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'inventory-api',
    replicas: 3,
    revisions: [
      { revision: 88, createdAgo: 16 * DAYS, changeCause: 'argocd: inventory-api 7.3.0', template: tpl('7.3.0') },
      { revision: 89, createdAgo: 6 * DAYS, changeCause: 'argocd: inventory-api 7.3.1', template: tpl('7.3.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 89, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const migrateImage = `${ECR}/inventory/inventory-migrations:2026.11.21-1`;
  const mig = job({
    namespace: ns,
    name: 'inventory-migrate-20261121-1',
    createdAgo: 41,
    template: { containers: [batchContainer({ name: 'migrate', image: migrateImage, args: ['-path', '/migrations', '-database', '$(DATABASE_URL)', 'up'], cpu: '100m', memory: '128Mi' })] },
    pods: [{ createdAgo: 41, node: names[1] ?? '', phase: 'Succeeded', containers: { migrate: terminated({ exitCode: 0, finishedAgo: 40.2, ranSeconds: 9 }) } }],
    outcome: { complete: true, ago: 40.1 },
  });
  const migPod = podOf(mig, 0);
  const web = bystander(ns, 'inventory-web', names, 52, { revisions: [201, 202], versions: ['5.14.0', '5.15.0'], olderAgo: 9 * DAYS });
  const migrations = configMap({
    namespace: ns, name: 'inventory-migrations-2026-11-21', createdAgo: 43,
    data: {
      '000147_add_reserved_qty.up.sql': 'ALTER TABLE stock_items ADD COLUMN reserved_qty integer NOT NULL DEFAULT 0;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS stock_items_reserved_idx ON stock_items (warehouse_id) WHERE reserved_qty > 0;\n',
      '000147_add_reserved_qty.down.sql': 'DROP INDEX IF EXISTS stock_items_reserved_idx;\nALTER TABLE stock_items DROP COLUMN reserved_qty;\n',
    },
  });
  const skus = ['AC-4471-BL', 'KT-0092', 'PX-7713-M', 'HD-2206', 'SL-9034-XL', 'RB-1180'];
  const apiLog = (k: number) => {
    const out = [
      `{"time":"${at(6 * DAYS - k - 0.2)}","level":"INFO","msg":"inventory-api starting","version":"7.3.1","go":"go1.23.3"}`,
      `{"time":"${at(6 * DAYS - k - 0.19)}","level":"INFO","msg":"pgxpool ready","max_conns":16,"statement_cache":"prepare"}`,
      `{"time":"${at(55 - k)}","level":"WARN","msg":"slow request","method":"GET","path":"/v1/warehouses/eu-2/stock","status":200,"dur_ms":1410}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 39.5 - i * 2.8 - k * 0.3;
      const sku = skus[(i + k) % skus.length] ?? 'AC-1';
      out.push(`{"time":"${at(t)}","level":"ERROR","msg":"query failed","query":"GetStockItem","sql":"SELECT * FROM stock_items WHERE sku = $1 AND warehouse_id = $2","err":"ERROR: cached plan must not change result type (SQLSTATE 0A000)"}`);
      out.push(`{"time":"${at(t - 0.001)}","level":"ERROR","msg":"request failed","method":"GET","path":"/v1/stock/${sku}","status":500,"dur_ms":${3 + (i % 4)}}`);
      if (i % 3 === 0) out.push(`{"time":"${at(t - 0.2)}","level":"INFO","msg":"request","method":"GET","path":"/v1/warehouses","status":200,"dur_ms":4}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout48-cached-plan-after-migration-job',
    class: 'config',
    truth: 'The migration Job inventory-migrate-20261121-1 ran 41 minutes ago and applied 000147_add_reserved_qty (ALTER TABLE stock_items ADD COLUMN reserved_qty). inventory-api was not rolled out (its pods are 6 days old): its pgx pools keep long-lived connections (max lifetime 24h) holding server-side prepared statements for `SELECT * FROM stock_items …`, whose result type changed with the new column, so Postgres rejects them with "cached plan must not change result type" (SQLSTATE 0A000) and every stock lookup has returned 500 since. Pods are Running and Ready. Fix: restart inventory-api (rollout restart) so the connections and statement caches are fresh; longer term, list columns explicitly or deploy the app together with migrations.',
    ask: { service: 'inventory-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mig.objects, ...web.objects, migrations,
      ...exposed({ namespace: ns, name: 'inventory-api', selector: { app: 'inventory-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'inventory-web', selector: { app: 'inventory-web' }, pods: web.pods }),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 202), 2, 0, 52),
      jobEvent(mig.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(migPod)}`, 41),
      jobEvent(mig.objects[0], 'Completed', 'Job completed', 40.1),
      scheduled(migPod, 41),
      event({ on: migPod, type: 'Normal', reason: 'Pulling', message: `Pulling image "${migrateImage}"`, firstAgo: 40.9, lastAgo: 40.9, fieldPath: 'spec.containers{migrate}' }),
      event({ on: migPod, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${migrateImage}" in 1.906s (1.906s including waiting). Image size: 17204311 bytes.`, firstAgo: 40.8, lastAgo: 40.8, fieldPath: 'spec.containers{migrate}' }),
      event({ on: migPod, type: 'Normal', reason: 'Created', message: 'Created container migrate', firstAgo: 40.8, lastAgo: 40.8, fieldPath: 'spec.containers{migrate}' }),
      event({ on: migPod, type: 'Normal', reason: 'Started', message: 'Started container migrate', firstAgo: 40.8, lastAgo: 40.8, fieldPath: 'spec.containers{migrate}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(migPod, 'migrate', {
        current: lines(
          `${goTime(40.7)} Start buffering 147/u add_reserved_qty`,
          `${goTime(40.7)} Read and execute 147/u add_reserved_qty`,
          `${goTime(40.3)} Finished 147/u add_reserved_qty (read 3.912ms, ran 24.1s)`,
          `${goTime(40.3)} Finished after 24.3s`,
          `${goTime(40.3)} Closing source and database`,
        ),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/cached plan|prepared statement|statement cache|result type|0A000/i],
      facts: [/inventory-migrate|migration/i, /reserved_qty|add(ed)? (a )?column|ALTER TABLE/i, /restart|recycle|reconnect|fresh connections/i],
      never: [ADVISES_ROLLBACK, /OOM/, /inventory-web/, /crash ?loop/i],
    },
  };
}

// ---- 4. Redis without persistence rescheduled: the stream's consumer group is gone (NOGROUP) ---------

function redisConsumerGroupLost(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.97', ['33', '148', '212']);
  const redisImage = 'docker.io/library/redis:7.2.6-alpine';
  const redis = deploymentApp({
    namespace: ns,
    name: 'billing-redis',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [{
      revision: 4, createdAgo: 73 * DAYS,
      template: {
        containers: [container({
          name: 'redis', image: redisImage, command: ['redis-server'], args: ['--save', '', '--appendonly', 'no', '--maxmemory', '768mb', '--maxmemory-policy', 'noeviction'],
          ports: [{ name: 'redis', containerPort: 6379 }], cpu: '200m', memory: '1Gi',
          readiness: execProbe(['redis-cli', 'ping'], { periodSeconds: 5 }), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }),
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        })],
        volumes: [{ name: 'data', emptyDir: {} }],
      },
    }],
    pods: [{ revision: 4, node: names[0] ?? '', createdAgo: 27 }],
  });
  const redisPod = podOf(redis, 0);
  const workerImage = `${ECR}/billing/billing-worker:3.12.0`;
  const worker = deploymentApp({
    namespace: ns,
    name: 'billing-worker',
    replicas: 3,
    revisions: [{
      revision: 31, createdAgo: 4 * DAYS, changeCause: 'argocd: billing-worker 3.12.0',
      template: { containers: [batchContainer({ name: 'worker', image: workerImage, command: ['python', '-m', 'billing.worker'], cpu: '200m', memory: '256Mi', env: [{ name: 'REDIS_URL', value: 'redis://billing-redis.billing.svc.cluster.local:6379/0' }, { name: 'STREAM', value: 'orders' }, { name: 'CONSUMER_GROUP', value: 'billing' }] })] },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const apiImage = (v: string) => `${ECR}/billing/orders-api:${v}`;
  const api = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 2,
    revisions: [
      { revision: 66, createdAgo: 8 * DAYS, changeCause: 'argocd: orders-api 9.2.0', template: { containers: [container({ image: apiImage('9.2.0') })] } },
      { revision: 67, createdAgo: 48, changeCause: 'argocd: orders-api 9.2.1', template: { containers: [container({ image: apiImage('9.2.1') })] } },
    ],
    pods: [{ revision: 67, node: names[1] ?? '', createdAgo: 47.5 }, { revision: 67, node: names[2] ?? '', createdAgo: 46.8 }],
  });
  const oldRedis = { kind: 'Pod', name: `${rsOf(redis, 4)}-q7xkd`, namespace: ns };
  const workerLog = (k: number) => {
    const out = [
      `${at(4 * DAYS - k - 0.2).replace('T', ' ').replace('Z', '')} INFO billing.worker: starting consumer billing-worker-${k} stream=orders group=billing`,
      `${at(4 * DAYS - k - 0.2).replace('T', ' ').replace('Z', '')} INFO billing.worker: XGROUP CREATE orders billing $ MKSTREAM -> BUSYGROUP (group exists), continuing`,
      `${at(29 - k * 0.1).replace('T', ' ').replace('Z', '')} INFO billing.worker: charged order ord_8f2k${k}1 amount=49.90 EUR`,
      `${at(27.6 - k * 0.05).replace('T', ' ').replace('Z', '')} WARNING billing.worker: redis connection lost (Connection closed by server.), reconnecting`,
      `${at(27.2 - k * 0.05).replace('T', ' ').replace('Z', '')} WARNING billing.worker: redis connection lost (Error 111 connecting to billing-redis.billing.svc.cluster.local:6379. Connection refused.), reconnecting`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 26.4 - i * 2.6 - k * 0.07;
      out.push(
        `${at(t).replace('T', ' ').replace('Z', '')} ERROR billing.worker: XREADGROUP failed, retrying in 5s`,
        'Traceback (most recent call last):',
        '  File "/app/billing/worker.py", line 88, in run',
        '    resp = await self.redis.xreadgroup(self.group, self.consumer, {self.stream: ">"}, count=50, block=5000)',
        '  File "/usr/local/lib/python3.12/site-packages/redis/asyncio/client.py", line 612, in execute_command',
        '    return await conn.retry.call_with_retry(',
        '  File "/usr/local/lib/python3.12/site-packages/redis/asyncio/connection.py", line 569, in read_response',
        '    raise response',
        "redis.exceptions.ResponseError: NOGROUP No such key 'orders' or consumer group 'billing' in XREADGROUP with GROUP option",
      );
    }
    return lines(...out);
  };
  return {
    id: 'heldout48-redis-restart-lost-consumer-group',
    class: 'config',
    truth: 'billing-redis runs without persistence (--save "" --appendonly no, data on an emptyDir). 27 minutes ago its pod was replaced (the old pod was stopped and a new one started on another node), so Redis came back empty: the `orders` stream and its `billing` consumer group are gone. The billing-worker pods only create the group at startup (4 days ago), so since the restart every XREADGROUP fails with "NOGROUP No such key \'orders\' or consumer group \'billing\'" and no order is charged, while orders-api keeps XADDing into a fresh stream. Workers stay Running and Ready. Fix: recreate the group (XGROUP CREATE orders billing 0 MKSTREAM) or restart the workers so they create it from 0; give Redis persistence (AOF on a PVC).',
    ask: { service: 'billing-worker', namespace: ns },
    objects: [
      ...nodes, ...redis.objects, ...worker.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'billing-redis', selector: { app: 'billing-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 67), 2, 0, 48),
      event({ on: oldRedis, type: 'Normal', reason: 'Killing', message: 'Stopping container redis', firstAgo: 27.7, lastAgo: 27.7, fieldPath: 'spec.containers{redis}' }),
      createdPod(replicaSetOf(redis, 4), redisPod, 27.6),
      scheduled(redisPod, 27.5),
      event({ on: redisPod, type: 'Normal', reason: 'Pulling', message: `Pulling image "${redisImage}"`, firstAgo: 27.5, lastAgo: 27.5, fieldPath: 'spec.containers{redis}' }),
      event({ on: redisPod, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${redisImage}" in 3.112s (3.112s including waiting). Image size: 17393112 bytes.`, firstAgo: 27.4, lastAgo: 27.4, fieldPath: 'spec.containers{redis}' }),
      event({ on: redisPod, type: 'Normal', reason: 'Created', message: 'Created container redis', firstAgo: 27.4, lastAgo: 27.4, fieldPath: 'spec.containers{redis}' }),
      event({ on: redisPod, type: 'Normal', reason: 'Started', message: 'Started container redis', firstAgo: 27.4, lastAgo: 27.4, fieldPath: 'spec.containers{redis}' }),
    ],
    logs: [
      logsFor(redisPod, 'redis', {
        current: lines(
          `1:C ${redisTime(27.35)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
          `1:C ${redisTime(27.35)} * Redis version=7.2.6, bits=64, commit=00000000, modified=0, pid=1, just started`,
          `1:C ${redisTime(27.35)} * Configuration loaded`,
          `1:M ${redisTime(27.35)} * monotonic clock: POSIX clock_gettime`,
          `1:M ${redisTime(27.35)} * Running mode=standalone, port=6379.`,
          `1:M ${redisTime(27.35)} * Server initialized`,
          `1:M ${redisTime(27.35)} * Ready to accept connections tcp`,
        ),
      }),
      ...worker.pods.map((p, k) => logsFor(p, 'worker', { current: workerLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NOGROUP|consumer group/i],
      facts: [/billing-redis/, /emptyDir|persist|appendonly|--save/i, /XGROUP CREATE|recreate the (consumer )?group|restart (the )?(billing-)?workers?/i],
      never: [ADVISES_ROLLBACK, /OOM/, /orders-api[^\n]*(caus|broke|introduc)/i, /maxmemory|noeviction/i],
    },
  };
}

// ---- 5. Namespace newly labelled for Istio injection: app init container behind iptables, no proxy ----

function istioInitContainerRefused(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.63', ['12', '130', '219']);
  const image = (v: string) => `${ECR}/pricing/quote-service:${v}`;
  const curlImage = 'docker.io/curlimages/curl:8.10.1';
  const proxyImage = 'docker.io/istio/proxyv2:1.23.2';
  const fetchConfig = batchContainer({
    name: 'fetch-config', image: curlImage, cpu: '10m', memory: '32Mi',
    command: ['sh', '-c', 'curl -fsS --retry 3 --retry-connrefused -o /config/app.yaml http://config-server.platform.svc.cluster.local:8888/quote-service/production.yaml'],
    volumeMounts: [{ name: 'config', mountPath: '/config' }],
  });
  const tpl = (v: string) => ({
    initContainers: [fetchConfig],
    containers: [container({ image: image(v), ports: [8080], cpu: '300m', memory: '512Mi', volumeMounts: [{ name: 'config', mountPath: '/etc/quote-service', readOnly: true }] })],
    volumes: [{ name: 'config', emptyDir: {} }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-service',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 14, createdAgo: 11 * DAYS, changeCause: 'argocd: quote-service 2.8.0', template: tpl('2.8.0') },
      { revision: 15, createdAgo: 26, changeCause: 'argocd: quote-service 2.8.1', template: tpl('2.8.1') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
      { revision: 15, node: names[1] ?? '', createdAgo: 25.8, containers: { app: waiting('PodInitializing') }, initContainers: { 'fetch-config': crashLoop({ exitCode: 7, finishedAgo: 1.4, ranSeconds: 1 }, 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  // What istio's injection webhook adds to the new pod at admission (the ReplicaSet's template has none of it).
  const istioInit = batchContainer({
    name: 'istio-init', image: proxyImage, cpu: '10m', memory: '40Mi', memoryLimit: '1Gi',
    args: ['istio-iptables', '-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15090,15021,15020', '--log_output_level=default:info'],
    securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_ADMIN', 'NET_RAW'], drop: ['ALL'] }, privileged: false, readOnlyRootFilesystem: false, runAsGroup: 0, runAsNonRoot: false, runAsUser: 0 },
  });
  const istioProxy = container({
    name: 'istio-proxy', image: proxyImage, cpu: '100m', memory: '128Mi', memoryLimit: '1Gi',
    args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local', '--proxyLogLevel=warning', '--proxyComponentLogLevel=misc:error', '--log_output_level=default:info'],
    ports: [{ name: 'http-envoy-prom', containerPort: 15090 }],
    readiness: httpProbe('/healthz/ready', 15021, { periodSeconds: 15, failureThreshold: 4, initialDelaySeconds: 0 }), liveness: null,
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, privileged: false, readOnlyRootFilesystem: true, runAsGroup: 1337, runAsNonRoot: true, runAsUser: 1337 },
  });
  if (fresh.spec) {
    fresh.spec = { ...fresh.spec, initContainers: [istioInit, ...(fresh.spec.initContainers ?? [])], containers: [...fresh.spec.containers, istioProxy], volumes: [...(fresh.spec.volumes ?? []), { name: 'istio-envoy', emptyDir: { medium: 'Memory' } }, { name: 'istio-data', emptyDir: {} }] };
  }
  fresh.metadata = {
    ...fresh.metadata,
    labels: { ...fresh.metadata?.labels, 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': 'quote-service', 'service.istio.io/canonical-revision': 'latest' },
    annotations: {
      ...fresh.metadata?.annotations,
      'istio.io/rev': 'default',
      'kubectl.kubernetes.io/default-container': 'app',
      'kubectl.kubernetes.io/default-logs-container': 'app',
      'prometheus.io/path': '/stats/prometheus',
      'prometheus.io/port': '15020',
      'prometheus.io/scrape': 'true',
      'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["workload-socket","credential-socket","workload-certs","istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"imagePullSecrets":null,"revision":"default"}',
    },
  };
  const seed = `${ns}/${nameOf(fresh)}`;
  if (fresh.status) {
    fresh.status.initContainerStatuses = [containerStatus(istioInit, terminated({ exitCode: 0, finishedAgo: 25.6, ranSeconds: 1 }), seed), ...(fresh.status.initContainerStatuses ?? [])];
    fresh.status.containerStatuses = [...(fresh.status.containerStatuses ?? []), containerStatus(istioProxy, waiting('PodInitializing'), seed)];
    for (const c of fresh.status.conditions ?? []) if (c.type === 'Ready' || c.type === 'ContainersReady') c.message = 'containers with unready status: [app istio-proxy]';
  }
  const nsObj = namespace({ name: ns, createdAgo: 400 * DAYS, labels: { 'istio-injection': 'enabled', team: 'pricing' }, labelledAgo: 3 * HOURS + 12 });
  const other = bystander(ns, 'pricing-rules-admin', names, 6 * HOURS, { revisions: [8, 9], versions: ['0.14.1', '0.15.0'], olderAgo: 40 * DAYS });
  const cfgSrv = deploymentApp({
    namespace: 'platform', name: 'config-server', replicas: 2,
    revisions: [{ revision: 19, createdAgo: 33 * DAYS, template: { containers: [container({ image: 'docker.io/hyness/spring-cloud-config-server:4.1.3', ports: [8888] })] } }],
    pods: [{ revision: 19, node: names[0] ?? '', createdAgo: 33 * DAYS }, { revision: 19, node: names[2] ?? '', createdAgo: 33 * DAYS }],
  });
  const curlFail = lines(
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current',
    '                                 Dload  Upload   Total   Spent    Left  Speed',
    '',
    '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0',
    'Warning: Problem : connection refused. Will retry in 1 seconds. 3 retries left.',
    'Warning: Problem : connection refused. Will retry in 2 seconds. 2 retries left.',
    'Warning: Problem : connection refused. Will retry in 4 seconds. 1 retry left.',
    'curl: (7) Failed to connect to config-server.platform.svc.cluster.local port 8888 after 0 ms: Could not connect to server',
  );
  return {
    id: 'heldout48-istio-injection-init-container-refused',
    class: 'network',
    truth: 'Three hours ago the platform team labelled namespace pricing istio-injection=enabled. Pods created since get the Istio sidecar: istio-init installs iptables rules redirecting all outbound TCP to the Envoy port 15001, but istio-proxy only starts after every init container. quote-service\'s own init container fetch-config (curl to config-server.platform:8888) now runs after istio-init and before any proxy exists, so its connections are refused (curl exit 7) and the new pod of the 2.8.1 rollout (26 minutes ago) is stuck in Init:CrashLoopBackOff; the three 2.8.0 pods, created before the label, have no sidecar and keep serving. config-server is healthy and 2.8.1 is innocent (rolling back would hit the same wall). Fix: run the init container as uid 1337 or exclude its traffic (traffic.sidecar.istio.io/excludeOutboundPorts: "8888"), or use native sidecars; or remove the label until then.',
    ask: { service: 'quote-service', namespace: ns },
    objects: [
      nsObj, ...nodes, ...app.objects, ...other.objects, ...cfgSrv.objects,
      ...exposed({ namespace: ns, name: 'quote-service', selector: { app: 'quote-service' }, pods: app.pods }),
      ...exposed({ namespace: 'platform', name: 'config-server', selector: { app: 'config-server' }, pods: cfgSrv.pods, ports: [{ name: 'http', port: 8888, targetPort: 'http' }], endpointPort: 8888 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 1, 0, 26),
      scheduled(fresh, 25.8),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Container image "${proxyImage}" already present on machine`, firstAgo: 25.7, lastAgo: 25.7, fieldPath: 'spec.initContainers{istio-init}' }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container istio-init', firstAgo: 25.7, lastAgo: 25.7, fieldPath: 'spec.initContainers{istio-init}' }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container istio-init', firstAgo: 25.7, lastAgo: 25.7, fieldPath: 'spec.initContainers{istio-init}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Container image "${curlImage}" already present on machine`, count: 10, firstAgo: 25.6, lastAgo: 1.5, fieldPath: 'spec.initContainers{fetch-config}' }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container fetch-config', count: 10, firstAgo: 25.6, lastAgo: 1.5, fieldPath: 'spec.initContainers{fetch-config}' }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container fetch-config', count: 10, firstAgo: 25.6, lastAgo: 1.5, fieldPath: 'spec.initContainers{fetch-config}' }),
      backOff(fresh, 'fetch-config', { count: 104, firstAgo: 25.2, lastAgo: 0.2, init: true }),
    ],
    logs: [
      logsFor(fresh, 'fetch-config', { previous: curlFail, current: curlFail }),
      logsFor(fresh, 'istio-init', {
        current: lines(
          `${at(25.65)}\tinfo\tIstio iptables environment:`,
          `${at(25.65)}\tinfo\tIstio iptables variables:`,
          'PROXY_PORT=15001',
          'INBOUND_CAPTURE_PORT=15006',
          'PROXY_UID=1337',
          'PROXY_GID=1337',
          'OUTBOUND_IP_RANGES_INCLUDE=*',
          'OUTBOUND_PORTS_EXCLUDE=',
          `${at(25.64)}\tinfo\tRunning iptables-restore with the following input:`,
          '-A ISTIO_OUTPUT -m owner --uid-owner 1337 -j RETURN',
          '-A ISTIO_OUTPUT -j ISTIO_REDIRECT',
          '-A ISTIO_REDIRECT -p tcp -j REDIRECT --to-ports 15001',
          'COMMIT',
          `${at(25.64)}\tinfo\tRunning command (without lock): iptables-save`,
        ),
      }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`${at(1.1)} INFO  [quote-service] GET /v2/quotes?sku=TV-55-OLED 200 12ms`, `${at(0.5)} WARN  [quote-service] fx-rates cache older than 15m, refreshing`) })),
      ...cfgSrv.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(3.2)}  INFO 1 --- [nio-8888-exec-4] o.s.c.c.s.e.NativeEnvironmentRepository  : Adding property source: file:/config/checkout-api/production.yaml`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/istio|sidecar|mesh|injection/i],
      facts: [/istio-injection|label/i, /fetch-config/, /iptables|istio-init|redirect|15001|no proxy|before the (proxy|sidecar)/i],
      never: [ADVISES_ROLLBACK, /config-server[^\n]*(down|crash|unavailable|not running)/i, /OOM/, /pricing-rules-admin/],
    },
  };
}

// ---- 6. setHostnameAsFQDN with an FQDN over 64 characters: sandbox never created ---------------------

function setHostnameAsFqdnTooLong(): CorpusScenario {
  const ns = 'customer-notifications';
  const { nodes, names } = threeEksNodes('10.0.150', ['21', '98', '244']);
  const image = (v: string) => `${ECR}/notifications/notification-dispatcher:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'smtp', containerPort: 2525 }], cpu: '200m', memory: '384Mi',
      env: [{ name: 'SMTP_RELAY', value: 'smtp-relay.mail.svc.cluster.local:25' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
    })],
  });
  const svcName = 'notification-dispatcher-headless';
  const sts = statefulSetApp({
    namespace: ns,
    name: 'notification-dispatcher',
    replicas: 3,
    serviceName: svcName,
    revisions: [
      { revision: 6, createdAgo: 20 * DAYS, template: tpl('1.22.0') },
      { revision: 7, createdAgo: 17, template: tpl('1.22.1') },
    ],
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 20 * DAYS },
      { revision: 6, ordinal: 1, node: names[1] ?? '', createdAgo: 20 * DAYS - 2 },
      { revision: 7, ordinal: 2, node: names[2] ?? '', createdAgo: 16.6, containers: { app: waiting('ContainerCreating') } },
    ],
  });
  const fqdnOf = (pod: string) => `${pod}.${svcName}.${ns}.svc.cluster.local`;
  // Every pod carries the hostname and subdomain the StatefulSet controller sets; revision 7 also asks for the FQDN as hostname.
  for (const p of sts.pods) {
    if (!p.spec) continue;
    const isNew = nameOf(p) === 'notification-dispatcher-2';
    p.spec = { ...p.spec, hostname: nameOf(p), subdomain: svcName, ...(isNew ? { setHostnameAsFQDN: true } : {}) };
  }
  for (const o of sts.objects) {
    if (o.kind === 'StatefulSet') {
      const s = o as k8s.V1StatefulSet;
      if (s.spec?.template.spec) s.spec.template.spec = { ...s.spec.template.spec, setHostnameAsFQDN: true };
    }
    if (o.kind === 'ControllerRevision') {
      const r = o as k8s.V1ControllerRevision & { data?: { spec?: { template?: { spec?: k8s.V1PodSpec } } } };
      const spec = r.data?.spec?.template?.spec;
      if (r.revision === 7 && spec && r.data?.spec?.template) r.data.spec.template.spec = { ...spec, setHostnameAsFQDN: true };
    }
  }
  const stuck = podOf(sts, 2);
  const fqdn = fqdnOf(nameOf(stuck));
  const other = bystander(ns, 'notification-preferences', names, 38, { revisions: [51, 52], versions: ['3.3.0', '3.4.0'], olderAgo: 12 * DAYS });
  const headless = service({ namespace: ns, name: svcName, selector: { app: 'notification-dispatcher' }, headless: true, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] });
  const springLog = (minutes: number, level: string, logger: string, msg: string) => `${at(minutes)}  ${level} 1 --- [notification-dispatcher] [           main] ${logger} : ${msg}`;
  return {
    id: 'heldout48-sethostnameasfqdn-too-long',
    class: 'containers',
    truth: `Revision 7 of the notification-dispatcher StatefulSet (17 minutes ago) added setHostnameAsFQDN: true to the pod template, so the SMTP HELO uses the pod's FQDN. The StatefulSet's pods have subdomain ${svcName}, so the FQDN ${fqdn} is ${fqdn.length} characters, over the 64-character limit of a Linux hostname: the kubelet refuses to build the sandbox (FailedCreatePodSandBox: "failed to construct FQDN from pod hostname and cluster domain … is too long (64 characters is the max, ${fqdn.length} characters requested)"). notification-dispatcher-2, the first pod updated, has sat in ContainerCreating since, and the rolling update is blocked with 0 and 1 on revision 6. Fix: drop setHostnameAsFQDN (or shorten the service/namespace names); roll the StatefulSet back to revision 6.`,
    ask: { service: 'notification-dispatcher', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...other.objects,
      headless, endpointSliceFor(headless, sts.pods, 8080),
      ...exposed({ namespace: ns, name: 'notification-dispatcher', selector: { app: 'notification-dispatcher' }, pods: sts.pods }),
      ...exposed({ namespace: ns, name: 'notification-preferences', selector: { app: 'notification-preferences' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 52), 2, 0, 38),
      event({ on: { kind: 'StatefulSet', name: 'notification-dispatcher', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: `delete Pod ${nameOf(stuck)} in StatefulSet notification-dispatcher successful`, firstAgo: 16.9, lastAgo: 16.9, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'notification-dispatcher', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod ${nameOf(stuck)} in StatefulSet notification-dispatcher successful`, firstAgo: 16.6, lastAgo: 16.6, component: 'statefulset-controller' }),
      scheduled(stuck, 16.6),
      event({ on: stuck, reason: 'FailedCreatePodSandBox', message: `Failed to create pod sandbox: failed to construct FQDN from pod hostname and cluster domain, FQDN ${fqdn} is too long (64 characters is the max, ${fqdn.length} characters requested)`, count: 79, firstAgo: 16.5, lastAgo: 0.2 }),
    ],
    logs: [
      ...sts.pods.slice(0, 2).map((p, i) => logsFor(p, 'app', {
        current: lines(
          springLog(20 * DAYS - i * 2 - 0.3, 'INFO', 'c.a.n.NotificationDispatcherApplication ', 'Started NotificationDispatcherApplication in 11.84 seconds (process running for 12.6)'),
          springLog(2.2, 'WARN', 'c.a.n.smtp.RelayClient                  ', 'SMTP relay responded 451 4.7.1 Greylisted, retry in 60s (message 7d1f2a90 to a***@example.org)'),
          springLog(1.1, 'INFO', 'c.a.n.smtp.RelayClient                  ', 'delivered message 7d1f2a90 via smtp-relay.mail.svc.cluster.local:25 (attempt 2)'),
        ),
      })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/setHostnameAsFQDN|FQDN|hostname/i],
      facts: [/\b64\b/, /too long/i, /notification-dispatcher-2|sandbox/i],
      never: [/OOM/, /ImagePull|CNI|ipamd|IP address(es)? (exhaust|available)/i, /notification-preferences/, /Greylist/i],
    },
  };
}

// ---- 7. Healthy control: a controller with client-go throttling and watches lost in a CP upgrade ------

function healthyControllerNoisyClientGo(): CorpusScenario {
  const ns = 'platform-controllers';
  const { nodes, names } = threeEksNodes('10.0.12', ['40', '171', '229']);
  const image = `${ECR}/platform/tenant-operator:0.19.3`;
  const app = deploymentApp({
    namespace: ns,
    name: 'tenant-operator',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [{ revision: 12, createdAgo: 5 * DAYS, changeCause: 'argocd: tenant-operator 0.19.3', template: { serviceAccountName: 'tenant-operator', containers: [container({ name: 'manager', image, args: ['--metrics-bind-address=:8080', '--health-probe-bind-address=:8081', '--workers=4'], ports: [8080], cpu: '100m', memory: '256Mi', readiness: httpProbe('/readyz', 8081), liveness: httpProbe('/healthz', 8081, { initialDelaySeconds: 15 }) })] } }],
    pods: [{ revision: 12, node: names[1] ?? '', createdAgo: 5 * DAYS }],
  });
  const pod = podOf(app, 0);
  const start = 5 * DAYS - 0.2;
  const api = 'https://172.20.0.1:443';
  const cg = 'pkg/mod/k8s.io/client-go@v0.20.15/tools/cache/reflector.go:167';
  const kinds = ['*v1.Namespace', '*v1.ResourceQuota', '*v1.RoleBinding', '*v1.NetworkPolicy', '*v1.LimitRange'];
  const log: string[] = [
    `${klog('I', start, '004211')}       1 main.go:74] starting tenant-operator version=0.19.3 workers=4`,
    `${klog('I', start, '391022')}       1 request.go:655] Throttling request took 1.047211853s, request: GET:${api}/apis/rbac.authorization.k8s.io/v1/rolebindings?limit=500&resourceVersion=0`,
    `${klog('I', start, '597741')}       1 request.go:655] Throttling request took 1.196530118s, request: GET:${api}/apis/networking.k8s.io/v1/networkpolicies?limit=500&resourceVersion=0`,
    `${klog('I', start - 0.02, '118304')}       1 request.go:655] Throttling request took 1.389007264s, request: GET:${api}/api/v1/limitranges?limit=500&resourceVersion=0`,
    `${klog('I', start - 0.03, '210553')}       1 shared_informer.go:247] Caches are synced for tenant-operator`,
    `${klog('I', start - 0.03, '211007')}       1 controller.go:118] Starting workers count=4`,
  ];
  // Last night's EKS control-plane upgrade (01:32–01:51 UTC): every watch stream dropped, relisted, resumed.
  for (const [i, kind] of kinds.entries()) {
    log.push(`${klog('W', 102 - i * 0.01, `80412${i}`)}       1 reflector.go:436] ${cg}: watch of ${kind} ended with: an error on the server ("unable to decode an event from the watch stream: http2: client connection lost") has prevented the request from succeeding`);
  }
  log.push(
    `${klog('E', 101.9, '377120')}       1 reflector.go:138] ${cg}: Failed to watch *v1.Namespace: failed to list *v1.Namespace: Get "${api}/api/v1/namespaces?resourceVersion=48211907": dial tcp 172.20.0.1:443: connect: connection refused`,
    `${klog('W', 91.4, '003912')}       1 reflector.go:436] ${cg}: watch of *v1.RoleBinding ended with: an error on the server ("unable to decode an event from the watch stream: http2: client connection lost") has prevented the request from succeeding`,
    `${klog('I', 91.2, '552031')}       1 request.go:655] Throttling request took 1.081164407s, request: GET:${api}/apis/rbac.authorization.k8s.io/v1/rolebindings?resourceVersion=48213355`,
  );
  for (let i = 0; i < 6; i++) {
    const t = 70 - i * 12;
    log.push(`${klog('I', t, `${100200 + i * 7}`)}       1 tenant_controller.go:201] reconciled tenant="${['acme-eu', 'acme-us', 'globex', 'initech', 'umbrella', 'hooli'][i]}" namespaces=3 quotas=3 duration="${41 + i * 9}ms"`);
  }
  log.push(`${klog('I', 0.6, '771204')}       1 tenant_controller.go:201] reconciled tenant="acme-eu" namespaces=3 quotas=3 duration="38ms"`);
  const other = bystander(ns, 'namespace-janitor', names, 3 * DAYS, { revisions: [5, 6], versions: ['1.4.0', '1.4.1'], olderAgo: 60 * DAYS });
  return {
    id: 'heldout48-healthy-controller-clientgo-throttling-watch-lost',
    class: 'healthy',
    truth: 'Nothing is wrong. tenant-operator has run for 5 days without a restart and reconciles every few minutes. Its logs carry client-go\'s routine "Throttling request took ~1s" lines from its startup informer list calls (client-side QPS limit), and a burst of reflector "watch … ended with: … http2: client connection lost" warnings plus one refused list at 01:32 UTC, when last night\'s EKS control-plane upgrade replaced the API servers; the informers relisted and resumed within seconds, and reconciles have succeeded since.',
    ask: { service: 'tenant-operator', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'tenant-operator-metrics', selector: { app: 'tenant-operator' }, pods: app.pods }),
    ],
    logs: [logsFor(pod, 'manager', { current: lines(...log) })],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problems?|issues?|failures?|faults?)|nothing (is )?wrong|running (normally|fine)|all \d+ (pods? )?(are )?(ready|running)|\bok\b/i],
      facts: [/tenant-operator/],
      never: [/throttl[^\n]*(caus|problem|failing|degrad)/i, /(connection lost|control[- ]plane|api ?server)[^\n]*(caus|outage|down|unreachable|failing)/i, ADVISES_ROLLBACK, /OOM/, /crash ?loop/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  dotnet8DefaultPort(),
  node18LocalhostIpv6(),
  cachedPlanAfterMigration(),
  redisConsumerGroupLost(),
  istioInitContainerRefused(),
  setHostnameAsFqdnTooLong(),
  healthyControllerNoisyClientGo(),
];
