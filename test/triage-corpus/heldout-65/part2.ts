// Held-out stories, sixty-fifth round, part two: a Rails app whose release bumped Sidekiq to 7.2
// while its Redis StatefulSet still runs 6.0.16, so every worker pod exits on "Sidekiq requires
// Redis 6.2.0 or greater" and jobs pile up; a FastAPI service whose release shares one asyncpg
// connection across concurrent requests ("another operation is in progress"); a LoadBalancer
// Service whose loadBalancerSourceRanges were hardened without a payment partner's new NAT
// addresses, so that partner's webhooks stop arriving while every pod is healthy; a Prometheus
// whose ConfigMap gained a scrape job for a gateway with a raw-path label, so Mimir refuses its
// remote_write on the per-user series limit (err-mimir-max-series-per-user); a Redis Deployment
// whose revision moved the ConfigMap mount, so redis-server starts on its defaults (protected mode,
// no password) and clients get DENIED; a Celery render worker whose base-image bump brought
// ImageMagick's default policy.xml that forbids PDF; and a healthy control: an Elasticsearch-backed
// search API whose cluster logs a deprecation WARN ([ignore_throttled]) on every search.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, boundClaim, batchContainer, configMap, container, crashLoop, deploymentApp, event, execProbe,
  exposed, httpProbe, nameOf, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, service, endpointSliceFor,
  statefulSetApp, tcpProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** redis-server's log time: `21 Nov 2026 02:49:12.345`. */
const redisTime = (minutes: number): string => {
  const d = ago(minutes);
  const iso = d.toISOString();
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? 'Nov'} ${d.getUTCFullYear()} ${iso.slice(11, 23)}`;
};
/** Rails' logger time: `2026-11-21T03:12:10.441201`. */
const rubyTime = (minutes: number): string => at(minutes).replace('Z', '201');
const hex = (seed: number, n: number): string => {
  let s = '';
  let x = seed * 2654435761 + 97;
  while (s.length < n) { x = (x * 1103515245 + 12345) % 2147483648; s += (x % 16).toString(16); }
  return s;
};

// ---- 1. Sidekiq 7.2 against Redis 6.0.16 -----------------------------------------------------------

function sidekiq7OnRedis60(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '139', '220']);
  const image = (v: string) => `${ECR}/storefront/storefront:${v}`;
  const redisUrl = 'redis://redis.storefront.svc.cluster.local:6379/0';
  const env = [
    { name: 'RAILS_ENV', value: 'production' },
    { name: 'REDIS_URL', value: redisUrl },
    { name: 'DATABASE_URL', value: 'postgres://storefront@storefront-db.cluster-cq1x8a2pz0.eu-west-1.rds.amazonaws.com:5432/storefront' },
    { name: 'RAILS_MAX_THREADS', value: '10' },
  ];
  const webTpl = (v: string) => ({ containers: [container({ name: 'web', image: image(v), command: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'], env, ports: [3000], cpu: '500m', memory: '1Gi', readiness: httpProbe('/up', 3000), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 20 }) })] });
  const workerTpl = (v: string) => ({ containers: [batchContainer({ name: 'sidekiq', image: image(v), command: ['bundle', 'exec', 'sidekiq', '-C', 'config/sidekiq.yml'], env, cpu: '500m', memory: '1Gi' })] });
  const web = deploymentApp({
    namespace: ns,
    name: 'storefront-web',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: storefront 2026.11.12-1 (a41c09e)', template: webTpl('2026.11.12-1') },
      { revision: 58, createdAgo: 38, changeCause: 'argocd: storefront 2026.11.21-1 (7d2e4b1) bundle update: sidekiq 6.5.12 -> 7.2.4, rails 7.1.5', template: webTpl('2026.11.21-1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 37 - k })),
  });
  const worker = deploymentApp({
    namespace: ns,
    name: 'storefront-sidekiq',
    replicas: 3,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: storefront 2026.11.12-1 (a41c09e)', template: workerTpl('2026.11.12-1') },
      { revision: 58, createdAgo: 38, changeCause: 'argocd: storefront 2026.11.21-1 (7d2e4b1) bundle update: sidekiq 6.5.12 -> 7.2.4, rails 7.1.5', template: workerTpl('2026.11.21-1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 37.5, containers: { sidekiq: crashLoop({ exitCode: 1, finishedAgo: 1.5 + k, ranSeconds: 9 }, 11 + (k === 0 ? 1 : 0)) } })),
  });
  const redisImage = 'docker.io/library/redis:6.0.16';
  const redis = statefulSetApp({
    namespace: ns,
    name: 'redis',
    replicas: 1,
    createdAgo: 540 * DAYS,
    revisions: [{ revision: 2, createdAgo: 412 * DAYS, template: { containers: [container({ name: 'redis', image: redisImage, args: ['redis-server', '--appendonly', 'yes', '--save', '300 100'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '200m', memory: '2Gi', readiness: execProbe(['redis-cli', 'ping']), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }), volumeMounts: [{ name: 'data', mountPath: '/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi', storageClass: 'gp3' }],
    pods: [{ revision: 2, ordinal: 0, node: names[2] ?? '', createdAgo: 63 * DAYS }],
  });
  const other = bystander(ns, 'storefront-imgproxy', names, 6 * HOURS, { revisions: [12, 13], versions: ['3.24.1', '3.25.0'], olderAgo: 30 * DAYS });
  const sidekiqImage = image('2026.11.21-1');
  const crash = (k: number) => lines(
    `${at(1.6 + k)} pid=1 tid=2bx${k} INFO: Booted Rails 7.1.5 application in production environment`,
    `${at(1.6 + k)} pid=1 tid=2bx${k} INFO: Running in ruby 3.3.6 (2024-11-05 revision 75015d4c1f) +YJIT [x86_64-linux]`,
    `${at(1.6 + k)} pid=1 tid=2bx${k} INFO: See LICENSE and the LGPL-3.0 for licensing details.`,
    `${at(1.6 + k)} pid=1 tid=2bx${k} INFO: Upgrade to Sidekiq Pro for more features and support: https://sidekiq.org`,
    `${at(1.55 + k)} pid=1 tid=2bx${k} INFO: Sidekiq 7.2.4 connecting to Redis with options {:size=>10, :pool_name=>"internal", :url=>"${redisUrl}"}`,
    'You are connecting to Redis 6.0.16, Sidekiq requires Redis 6.2.0 or greater',
    '/usr/local/bundle/gems/sidekiq-7.2.4/lib/sidekiq/cli.rb:77:in `run\'',
    '/usr/local/bundle/gems/sidekiq-7.2.4/bin/sidekiq:31:in `<top (required)>\'',
    '/usr/local/bundle/bin/sidekiq:25:in `load\'',
    '/usr/local/bundle/bin/sidekiq:25:in `<top (required)>\'',
    '/usr/local/lib/ruby/3.3.0/bundler/cli/exec.rb:58:in `load\'',
    '/usr/local/lib/ruby/3.3.0/bundler/cli/exec.rb:58:in `kernel_load\'',
    '/usr/local/lib/ruby/3.3.0/bundler/cli/exec.rb:23:in `run\'',
  );
  const webLog = (k: number) => {
    const out = ['=> Booting Puma', '=> Rails 7.1.5 application starting in production', '[1] Puma starting in single mode...', '[1] * Puma version: 6.4.3 (ruby 3.3.6-p108) ("The Eagle of Durango")', '[1] * Listening on http://0.0.0.0:3000'];
    for (let i = 0; i < 8; i++) {
      const t = 9 - i * 1.1 - k * 0.2;
      const req = `${hex(i * 7 + k, 8)}-${hex(i + 31 * k, 4)}`;
      out.push(`I, [${rubyTime(t)} #1]  INFO -- : [${req}] Started POST "/checkout/complete" for 10.0.96.${40 + i} at ${at(t).slice(0, 19).replace('T', ' ')} +0000`);
      out.push(`I, [${rubyTime(t - 0.002)} #1]  INFO -- : [${req}] [ActiveJob] Enqueued OrderConfirmationMailerJob (Job ID: ${hex(i * 13 + k, 8)}-${hex(i + k, 4)}-4${hex(i, 3)}-a${hex(k + i, 3)}-${hex(i * 3 + k, 12)}) to Sidekiq(mailers) with arguments: "Order", ${884120 + i * 37 + k}`);
      out.push(`I, [${rubyTime(t - 0.003)} #1]  INFO -- : [${req}] [ActiveJob] Enqueued FulfillmentExportJob (Job ID: ${hex(i * 17 + k, 8)}-${hex(i * 5 + k, 4)}-4${hex(i + 2, 3)}-b${hex(k, 3)}-${hex(i * 11 + k, 12)}) to Sidekiq(default) with arguments: ${884120 + i * 37 + k}`);
      out.push(`I, [${rubyTime(t - 0.004)} #1]  INFO -- : [${req}] Completed 302 Found in ${88 + i * 7}ms (ActiveRecord: ${21 + i}.4ms | Allocations: ${18000 + i * 311})`);
    }
    return lines(...out);
  };
  const redisPod = podOf(redis, 0);
  const redisLog = lines(
    ...[25, 20, 15, 10, 5].flatMap((m, i) => [
      `1:M ${redisTime(m)} * 100 changes in 300 seconds. Saving...`,
      `1:M ${redisTime(m)} * Background saving started by pid ${48110 + i * 7}`,
      `${48110 + i * 7}:C ${redisTime(m - 0.01)} * DB saved on disk`,
      `${48110 + i * 7}:C ${redisTime(m - 0.01)} * RDB: 4 MB of memory used by copy-on-write`,
      `1:M ${redisTime(m - 0.02)} * Background saving terminated with success`,
    ]),
  );
  return {
    id: 'heldout65-sidekiq7-requires-redis-62',
    class: 'containers',
    truth: 'Release 2026.11.21-1 (revision 58 of storefront-web and storefront-sidekiq, 38 minutes ago) ran `bundle update`, which took Sidekiq from 6.5.12 to 7.2.4. Sidekiq 7 refuses to start against a Redis server older than 6.2, and the in-cluster Redis StatefulSet still runs redis:6.0.16: every storefront-sidekiq pod boots Rails, checks the server version, prints "You are connecting to Redis 6.0.16, Sidekiq requires Redis 6.2.0 or greater" and exits 1, so the worker Deployment (Recreate strategy, no old pods left) is in CrashLoopBackOff. The web pods still enqueue jobs (the Sidekiq 7 client works with Redis 6.0), so the mailers/default queues pile up unprocessed. Redis itself is healthy. Fix: upgrade Redis to 6.2+/7.x, or pin sidekiq < 7 and redeploy.',
    ask: { service: 'storefront-sidekiq', namespace: ns },
    objects: [
      ...nodes, ...web.objects, ...worker.objects, ...redis.objects, ...other.objects,
      ...boundClaim({ namespace: ns, name: 'data-redis-0', storage: '20Gi', zone: 'eu-west-1c', createdAgo: 540 * DAYS, storageClass: 'gp3' }),
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: web.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'redis', selector: { app: 'redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379, createdAgo: 540 * DAYS }),
      ...exposed({ namespace: ns, name: 'storefront-imgproxy', selector: { app: 'storefront-imgproxy' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 57), 0, 3, 38),
      scaledReplicaSet(deploymentOf(worker), rsOf(worker, 58), 3, 0, 37.6),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 58), 3, 0, 37),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 57), 0, 1, 34),
      ...worker.pods.flatMap((p, k) => [
        ...restartedAgain(p, 'sidekiq', sidekiqImage, { count: 12 + (k === 0 ? 1 : 0), firstAgo: 37.3, lastAgo: 1.8 + k }),
        backOff(p, 'sidekiq', { count: 150 + k * 3, firstAgo: 36.9, lastAgo: 0.3 }),
      ]),
    ],
    logs: [
      ...worker.pods.map((p, k) => logsFor(p, 'sidekiq', { current: crash(k), previous: crash(k + 2.5) })),
      ...web.pods.map((p, k) => logsFor(p, 'web', { current: webLog(k) })),
      logsFor(redisPod, 'redis', { current: redisLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/sidekiq/i, /redis[^\n]*(6\.0|6\.2|version|too old|older)|(6\.0|6\.2|version|too old|older)[^\n]*redis/i],
      facts: [lit('6.0.16'), /7\.2\.4|sidekiq 7|revision 58|2026\.11\.21-1/i],
      never: [/\bOOM/, /liveness|readiness probe/i, /redis[^\n]*(unreachable|down|not running|connection refused)/i, /storefront-imgproxy/],
    },
  };
}

// ---- 2. one asyncpg connection shared across concurrent requests --------------------------------------

function asyncpgSharedConnection(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '97', '201']);
  const image = (v: string) => `${ECR}/pricing/quote-api:${v}`;
  const dsn = { name: 'DATABASE_URL', value: 'postgresql://quote_api@pricing-db.cluster-ro9k2m1x7a.eu-west-1.rds.amazonaws.com:5432/pricing' };
  const tpl = (v: string, pooled: boolean) => ({
    containers: [container({
      image: image(v), command: ['uvicorn', 'quote_api.main:app', '--host', '0.0.0.0', '--port', '8000', '--workers', '1'], ports: [8000], cpu: '500m', memory: '512Mi',
      env: [dsn, ...(pooled ? [{ name: 'DB_POOL_MIN_SIZE', value: '5' }, { name: 'DB_POOL_MAX_SIZE', value: '20' }] : [])],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-api',
    replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 12 * DAYS, changeCause: 'argocd: quote-api 1.8.3', template: tpl('1.8.3', true) },
      { revision: 15, createdAgo: 52, changeCause: 'argocd: quote-api 1.9.0 (db: replace pool with lazily-opened connection)', template: tpl('1.9.0', false) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 51 - k })),
  });
  const other = bystander(ns, 'fx-rates-sync', names, 3 * HOURS, { revisions: [4, 5], versions: ['0.6.2', '0.7.0'], olderAgo: 40 * DAYS });
  const log = (k: number) => {
    const out = [
      `INFO:     Started server process [1]`,
      `INFO:     Waiting for application startup.`,
      `${pyTime(50.8 - k)} INFO quote_api.db: opened database connection to pricing-db.cluster-ro9k2m1x7a.eu-west-1.rds.amazonaws.com:5432/pricing (asyncpg 0.30.0)`,
      `INFO:     Application startup complete.`,
      `INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)`,
    ];
    for (let i = 0; i < 10; i++) {
      const ip = `10.0.140.${60 + ((i * 7 + k) % 80)}`;
      out.push(`INFO:     ${ip}:${40000 + i * 311 + k} - "POST /v1/quotes HTTP/1.1" 200 OK`);
      out.push(`INFO:     10.0.140.${33 + k}:${51000 + i} - "GET /healthz HTTP/1.1" 200 OK`);
      if (i % 2 === 0) {
        out.push(
          `ERROR:    Exception in ASGI application`,
          `Traceback (most recent call last):`,
          `  File "/usr/local/lib/python3.12/site-packages/uvicorn/protocols/http/httptools_impl.py", line 409, in run_asgi`,
          `    result = await app(  # type: ignore[func-returns-value]`,
          `  File "/usr/local/lib/python3.12/site-packages/starlette/routing.py", line 73, in app`,
          `    response = await f(request)`,
          `  File "/app/quote_api/routes/quotes.py", line 58, in create_quote`,
          `    rates = await repo.rates_for(body.sku, body.region)`,
          `  File "/app/quote_api/repo.py", line 41, in rates_for`,
          `    return await self.conn.fetch(RATES_SQL, sku, region)`,
          `  File "/usr/local/lib/python3.12/site-packages/asyncpg/connection.py", line 690, in fetch`,
          `    return await self._execute(`,
          `  File "/usr/local/lib/python3.12/site-packages/asyncpg/connection.py", line 1864, in _execute`,
          `    result, _ = await self.__execute(`,
          `  File "/usr/local/lib/python3.12/site-packages/asyncpg/connection.py", line 1961, in __execute`,
          `    result, stmt = await self._do_execute(`,
          `  File "/usr/local/lib/python3.12/site-packages/asyncpg/connection.py", line 2024, in _do_execute`,
          `    result = await executor(stmt, None)`,
          `  File "asyncpg/protocol/protocol.pyx", line 185, in bind_execute`,
          `  File "asyncpg/protocol/protocol.pyx", line 774, in asyncpg.protocol.protocol.BaseProtocol._check_state`,
          `asyncpg.exceptions._base.InterfaceError: cannot perform operation: another operation is in progress`,
          `INFO:     ${ip}:${40100 + i * 313 + k} - "POST /v1/quotes HTTP/1.1" 500 Internal Server Error`,
        );
      }
      if (i % 3 === 1) out.push(`INFO:     ${ip}:${40200 + i} - "GET /v1/quotes/Q-${88120 + i * 7 + k} HTTP/1.1" 200 OK`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout65-asyncpg-shared-connection',
    class: 'containers',
    truth: 'quote-api 1.9.0 (revision 15, 52 minutes ago) replaced its asyncpg pool (DB_POOL_MIN/MAX_SIZE, dropped from the template) with a single connection opened at startup and shared by every request handler. asyncpg connections are not safe for concurrent use: whenever two requests query at the same time one fails with "asyncpg.exceptions._base.InterfaceError: cannot perform operation: another operation is in progress" and the client gets a 500 — about a third of POST /v1/quotes under load. Pods stay ready (the health check does not touch the database) and Postgres is fine. Fix: roll back to 1.8.3 / restore the pool (asyncpg.create_pool, acquire per request).',
    ask: { service: 'quote-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-api', selector: { app: 'quote-api' }, pods: app.pods, endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 3, 0, 51),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 0, 3, 48),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 5), 2, 0, 3 * HOURS),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/another operation is in progress|asyncpg|(shared|single|one) (database |db |postgres )?connection|concurren/i, /1\.9\.0|revision 15|rollout|release|deploy/i],
      facts: [/InterfaceError|another operation is in progress/],
      never: [/\bOOM/, /too many (clients|connections)|max_connections|connection (pool )?exhaust/i, /postgres[^\n]*(down|unreachable|unavailable)/i, /probe fail/i, /fx-rates-sync/],
    },
  };
}

// ---- 3. loadBalancerSourceRanges hardened without the partner's new NAT addresses ---------------------

function lbSourceRangesDropPartner(): CorpusScenario {
  const ns = 'integrations';
  const { nodes, names } = threeEksNodes('10.0.58', ['19', '144', '230']);
  const image = (v: string) => `${ECR}/integrations/webhook-receiver:${v}`;
  const app = deploymentApp({
    namespace: ns,
    name: 'webhook-receiver',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 16 * DAYS, changeCause: 'argocd: webhook-receiver 2.7.0', template: { containers: [container({ image: image('2.7.0'), ports: [8080], cpu: '200m', memory: '256Mi', readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })] } },
      { revision: 22, createdAgo: 9 * DAYS, changeCause: 'argocd: webhook-receiver 2.7.1', template: { containers: [container({ image: image('2.7.1'), ports: [8080], cpu: '200m', memory: '256Mi', readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const other = bystander(ns, 'partner-portal', names, 41, { revisions: [33, 34], versions: ['5.2.0', '5.3.0'], olderAgo: 20 * DAYS });
  const editAgo = 118;
  const ranges = ['52.49.173.0/27', '3.248.112.0/24', '34.246.20.16/28', '185.52.140.0/22', '10.0.0.0/16'];
  const base = service({ namespace: ns, name: 'webhook-receiver-public', selector: { app: 'webhook-receiver' }, type: 'LoadBalancer', ports: [{ name: 'https', port: 443, targetPort: 'http' }], createdAgo: 300 * DAYS, clusterIP: '172.20.118.40' });
  const lb: k8s.V1Service = {
    ...base,
    metadata: {
      ...base.metadata,
      annotations: {
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'instance',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
        'service.beta.kubernetes.io/aws-load-balancer-ssl-cert': 'arn:aws:acm:eu-west-1:123456789012:certificate/5b1e7c2a-9d4f-4c1e-8a3b-2f6d0e9c7a11',
        'service.beta.kubernetes.io/aws-load-balancer-ssl-ports': 'https',
        'change-ticket': 'SEC-2291 restrict public webhook ingress to partner allowlist',
      },
      managedFields: [
        { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'v1', time: ago(300 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:ports': {}, 'f:selector': {}, 'f:type': {} } } },
        { manager: 'kubectl-edit', operation: 'Update', apiVersion: 'v1', time: ago(editAgo), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:annotations': { 'f:change-ticket': {} } }, 'f:spec': { 'f:loadBalancerSourceRanges': {} } } },
        { manager: 'aws-load-balancer-controller', operation: 'Update', apiVersion: 'v1', time: ago(editAgo - 0.5), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': { 'f:loadBalancer': { 'f:ingress': {} } } }, subresource: 'status' },
      ],
    },
    spec: { ...base.spec, externalTrafficPolicy: 'Local', healthCheckNodePort: 31872, allocateLoadBalancerNodePorts: true, loadBalancerSourceRanges: ranges, ports: [{ name: 'https', port: 443, targetPort: 'http', protocol: 'TCP', nodePort: 30443 }] },
    status: { loadBalancer: { ingress: [{ hostname: 'k8s-integrat-webhookr-5e0c1a9b7d-2f41c8e6a9d3b7f0.elb.eu-west-1.amazonaws.com' }] } },
  };
  const internal = exposed({ namespace: ns, name: 'webhook-receiver', selector: { app: 'webhook-receiver' }, pods: app.pods, createdAgo: 300 * DAYS });
  const partnerIps = ['18.203.77.41', '18.203.77.42', '18.203.77.45'];
  const log = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 48; i++) {
      const t = 200 - i * 4.2 - k * 0.7;
      if (t > editAgo) {
        out.push(`{"ts":"${at(t)}","level":"info","msg":"webhook accepted","partner":"paystream","remote_ip":"${partnerIps[(i + k) % 3] ?? ''}","path":"/hooks/paystream","event":"payment.settled","status":200,"duration_ms":${12 + (i % 9)},"ua":"Paystream-Webhooks/2.0"}`);
      }
      if (i % 2 === 0) out.push(`{"ts":"${at(t - 1.3)}","level":"info","msg":"webhook accepted","partner":"shipfast","remote_ip":"3.248.112.${17 + (i % 5)}","path":"/hooks/shipfast","event":"shipment.updated","status":200,"duration_ms":${9 + (i % 7)},"ua":"ShipFast-Notifier/4.1"}`);
      if (i % 3 === 0) out.push(`{"ts":"${at(t - 2.1)}","level":"info","msg":"webhook accepted","partner":"taxbridge","remote_ip":"185.52.141.${30 + (i % 4)}","path":"/hooks/taxbridge","event":"filing.accepted","status":200,"duration_ms":${15 + (i % 5)},"ua":"TaxBridge/1.9"}`);
    }
    if (k === 0) for (const m of [60, 45, 30, 15, 0.5]) out.push(`{"ts":"${at(m)}","level":"warn","msg":"reconciler: payments settled at provider without webhook","partner":"paystream","missing":${Math.round((editAgo - m) / 3.1)},"last_webhook_at":"${at(editAgo + 0.4)}"}`);
    return lines(...out.sort());
  };
  return {
    id: 'heldout65-lb-source-ranges-drop-partner',
    class: 'network',
    truth: 'Under ticket SEC-2291 someone restricted the public webhook Service webhook-receiver-public (type LoadBalancer, AWS NLB) with `kubectl edit` 118 minutes ago, adding loadBalancerSourceRanges built from the partners\' documented IP lists. Paystream moved its webhook egress to new NAT addresses (18.203.77.40/29) months ago; its old range 52.49.173.0/27 is in the list, its real source addresses are not, so the NLB\'s security group drops Paystream\'s webhooks: the access log shows Paystream traffic (from 18.203.77.41/42/45) ending at the edit while ShipFast and TaxBridge keep arriving, and the reconciler counts settled payments without webhooks. Pods, endpoints and the Deployment are healthy and unchanged. Fix: add Paystream\'s current egress range to loadBalancerSourceRanges.',
    ask: { service: 'webhook-receiver', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...internal,
      lb, endpointSliceFor(lb, app.pods),
      ...exposed({ namespace: ns, name: 'partner-portal', selector: { app: 'partner-portal' }, pods: other.pods }),
      event({ on: lb, type: 'Normal', reason: 'EnsuringLoadBalancer', message: 'Ensuring load balancer', firstAgo: editAgo, lastAgo: editAgo, component: 'service-controller' }),
      event({ on: lb, type: 'Normal', reason: 'EnsuredLoadBalancer', message: 'Ensured load balancer', firstAgo: editAgo - 0.4, lastAgo: editAgo - 0.4, component: 'service-controller' }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 34), 2, 0, 41),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/loadBalancerSourceRanges|source ?ranges?|allow ?list|whitelist|security group/i, /paystream|partner|18\.203\.77|webhook/i],
      facts: [/18\.203\.77/, /webhook-receiver-public/],
      never: [/\bOOM/, /crash ?loop/i, /network ?polic/i, ADVISES_ROLLBACK, /partner-portal/, /probe fail/i],
    },
  };
}

// ---- 4. Mimir refuses remote_write: per-user series limit after a high-cardinality scrape job --------

function mimirSeriesLimitNewScrapeJob(): CorpusScenario {
  const ns = 'monitoring';
  const { nodes, names } = threeEksNodes('10.0.200', ['11', '128', '245']);
  const editAgo = 97;
  const promImage = 'quay.io/prometheus/prometheus:v2.54.1';
  const reloaderImage = 'ghcr.io/jimmidyson/configmap-reload:v0.13.1';
  const url = 'https://mimir.obs.acme.internal/api/v1/push';
  const tpl = {
    containers: [
      container({
        name: 'prometheus', image: promImage, args: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.path=/prometheus', '--storage.tsdb.retention.time=2d', '--web.enable-lifecycle'],
        ports: [{ name: 'web', containerPort: 9090 }], cpu: '1', memory: '6Gi',
        readiness: httpProbe('/-/ready', 'web'), liveness: httpProbe('/-/healthy', 'web', { initialDelaySeconds: 30 }),
        volumeMounts: [{ name: 'config', mountPath: '/etc/prometheus' }, { name: 'data', mountPath: '/prometheus' }],
      }),
      container({ name: 'config-reloader', image: reloaderImage, args: ['--volume-dir=/etc/prometheus', '--webhook-url=http://127.0.0.1:9090/-/reload'], ports: [], cpu: '10m', memory: '32Mi', readiness: null, liveness: null, volumeMounts: [{ name: 'config', mountPath: '/etc/prometheus', readOnly: true }] }),
    ],
    volumes: [{ name: 'config', configMap: { name: 'prometheus-config', defaultMode: 420 } }],
    serviceAccountName: 'prometheus',
  };
  const prom = statefulSetApp({
    namespace: ns,
    name: 'prometheus',
    replicas: 2,
    createdAgo: 300 * DAYS,
    revisions: [{ revision: 9, createdAgo: 24 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [0, 1].map((i) => ({ revision: 9, ordinal: i, node: names[i] ?? '', createdAgo: 24 * DAYS - i * 3 })),
  });
  const promYml = [
    'global:',
    '  scrape_interval: 30s',
    '  external_labels:',
    '    cluster: prod-eu-1',
    'remote_write:',
    `  - url: ${url}`,
    '    name: mimir',
    '    headers:',
    '      X-Scope-OrgID: prod-eu',
    '    queue_config:',
    '      max_samples_per_send: 2000',
    '      max_shards: 50',
    'scrape_configs:',
    '  - job_name: kubernetes-pods',
    '    kubernetes_sd_configs: [{ role: pod }]',
    '    relabel_configs:',
    '      - { source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape], action: keep, regex: "true" }',
    '  - job_name: kube-state-metrics',
    '    static_configs: [{ targets: ["kube-state-metrics.monitoring.svc:8080"] }]',
    '  - job_name: edge-gateway',
    '    metrics_path: /metrics',
    '    kubernetes_sd_configs: [{ role: endpoints, namespaces: { names: [edge] } }]',
    '    relabel_configs:',
    '      - { source_labels: [__meta_kubernetes_service_name], action: keep, regex: edge-gateway }',
    '      - { source_labels: [__meta_kubernetes_pod_name], target_label: pod }',
    '    # per-route latency histograms (edge_http_request_duration_seconds by path)',
    '',
  ].join('\n');
  const cm = configMap({ namespace: ns, name: 'prometheus-config', createdAgo: 300 * DAYS, updatedAgo: editAgo, data: { 'prometheus.yml': promYml } });
  const ksm = deploymentApp({
    namespace: ns,
    name: 'kube-state-metrics',
    replicas: 1,
    revisions: [{ revision: 6, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'kube-state-metrics', image: 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0', ports: [8080], memory: '256Mi', readiness: httpProbe('/readyz', 8081), liveness: httpProbe('/livez', 8080) })] } }],
    pods: [{ revision: 6, node: names[2] ?? '', createdAgo: 18 * DAYS }],
  });
  const err = (n: number) => `server returned HTTP status 400 Bad Request: failed pushing to ingester mimir-ingester-zone-${'abc'[n % 3] ?? 'a'}-${n % 4}: user=prod-eu: per-user series limit of 1500000 exceeded (err-mimir-max-series-per-user). To adjust the related per-tenant limit, configure -ingester.max-global-series-per-user, or contact your service administrator.`;
  const promLog = (k: number) => {
    const out = [
      `ts=${at(editAgo - 1.1 + k * 0.05)} caller=main.go:1367 level=info msg="Loading configuration file" filename=/etc/prometheus/prometheus.yml`,
      `ts=${at(editAgo - 1.1 + k * 0.05)} caller=kubernetes.go:331 level=info component="discovery manager scrape" discovery=kubernetes config=edge-gateway msg="Using pod service account via in-cluster config"`,
      `ts=${at(editAgo - 1.12 + k * 0.05)} caller=main.go:1404 level=info msg="Completed loading of configuration file" filename=/etc/prometheus/prometheus.yml totalDuration=38.214ms db_storage=2.1µs remote_storage=211.4µs web_handler=1.3µs query_engine=1.9µs scrape=412.7µs scrape_sd=1.12ms notify=1.4µs rules=2.9µs tracing=8.2µs`,
    ];
    for (let i = 0; i < 20; i++) {
      const t = editAgo - 4 - i * 4.6 - k * 0.3;
      out.push(`ts=${at(t)} caller=dedupe.go:112 component=remote level=error remote_name=mimir url=${url} msg="non-recoverable error" count=2000 exemplarCount=0 err="${err(i + k)}"`);
      if (i % 6 === 0) out.push(`ts=${at(t - 0.5)} caller=head.go:1355 level=info component=tsdb msg="Head GC completed" caller=truncateMemory duration=${(1.9 + i * 0.11).toFixed(2)}s`);
    }
    out.push(`ts=${at(0.6)} caller=dedupe.go:112 component=remote level=error remote_name=mimir url=${url} msg="non-recoverable error" count=1874 exemplarCount=0 err="${err(k + 1)}"`);
    return lines(...out.sort());
  };
  const goTime = (m: number) => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
  const reloaderLog = lines(
    `${goTime(24 * DAYS)} Watching directory: "/etc/prometheus"`,
    `${goTime(editAgo - 1.1)} config map updated`,
    `${goTime(editAgo - 1.12)} successfully triggered reload`,
  );
  return {
    id: 'heldout65-mimir-series-limit-new-scrape-job',
    class: 'containers',
    truth: 'At 97 minutes ago someone edited the prometheus-config ConfigMap (kubectl edit) to add an edge-gateway scrape job; the config-reloader sidecar reloaded both Prometheus replicas a minute later. edge-gateway\'s latency histograms carry a raw `path` label (order and session ids in the URL), so the tenant\'s active series jumped past Mimir\'s per-user limit of 1,500,000. Since then Mimir rejects part of every remote_write batch with "per-user series limit of 1500000 exceeded (err-mimir-max-series-per-user)"; Prometheus treats it as non-recoverable and drops those samples, so dashboards and alerts fed from Mimir show gaps. The Prometheus pods are healthy and the StatefulSet unchanged. Fix: drop or relabel the path label (metric_relabel_configs / labeldrop) or remove the job, or raise the tenant limit.',
    ask: { service: 'prometheus', namespace: ns },
    objects: [
      ...nodes, ...prom.objects, cm, ...ksm.objects,
      ...[0, 1].flatMap((i) => boundClaim({ namespace: ns, name: `data-prometheus-${i}`, storage: '100Gi', zone: `eu-west-1${'ab'[i] ?? 'a'}`, createdAgo: 300 * DAYS, storageClass: 'gp3' })),
      service({ namespace: ns, name: 'prometheus', selector: { app: 'prometheus' }, ports: [{ name: 'web', port: 9090, targetPort: 'web' }], createdAgo: 300 * DAYS }),
      endpointSliceFor(service({ namespace: ns, name: 'prometheus', selector: { app: 'prometheus' }, ports: [{ name: 'web', port: 9090, targetPort: 'web' }], createdAgo: 300 * DAYS }), prom.pods, 9090),
      ...exposed({ namespace: ns, name: 'kube-state-metrics', selector: { app: 'kube-state-metrics' }, pods: ksm.pods }),
    ],
    logs: [
      ...prom.pods.map((p, k) => logsFor(p, 'prometheus', { current: promLog(k) })),
      ...prom.pods.map((p) => logsFor(p, 'config-reloader', { current: reloaderLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/series limit|max-series-per-user|cardinality|series/i, /scrape|edge-gateway|prometheus-config|config ?map|config(uration)? (change|edit|reload)/i],
      facts: [/err-mimir-max-series-per-user|per-user series limit/, /edge-gateway/],
      never: [/\bOOM/, /crash ?loop/i, /ingestion[- ]rate|rate[- ]limit/i, /disk (full|pressure)|out of (disk|space)/i, /kube-state-metrics/],
    },
  };
}

// ---- 5. Redis without its config: protected mode, clients DENIED ------------------------------------

function redisConfigMountMovedProtectedMode(): CorpusScenario {
  const ns = 'sessions';
  const { nodes, names } = threeEksNodes('10.0.33', ['40', '171', '212']);
  const redisImage = 'docker.io/library/redis:7.2.5';
  const wrapper = '[ -f /usr/local/etc/redis/redis.conf ] && set -- /usr/local/etc/redis/redis.conf; exec redis-server "$@"';
  const redisTpl = (mountPath: string) => ({
    containers: [container({
      name: 'redis', image: redisImage, command: ['sh', '-c'], args: [wrapper], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '250m', memory: '1Gi',
      readiness: execProbe(['redis-cli', 'ping']), liveness: tcpProbe('redis', { initialDelaySeconds: 10 }),
      volumeMounts: [{ name: 'config', mountPath }, { name: 'data', mountPath: '/data' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'session-redis-config', defaultMode: 420 } }, { name: 'data', emptyDir: {} }],
  });
  const redis = deploymentApp({
    namespace: ns,
    name: 'session-redis',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 3, createdAgo: 70 * DAYS, changeCause: 'helm: session-redis chart 1.4.2', template: redisTpl('/usr/local/etc/redis') },
      { revision: 4, createdAgo: 27, changeCause: 'helm: session-redis chart 2.0.0 (standardize config mounts under /etc/<app>)', template: redisTpl('/etc/redis') },
    ],
    pods: [{ revision: 4, node: names[1] ?? '', createdAgo: 26.5 }],
  });
  const cm = configMap({ namespace: ns, name: 'session-redis-config', createdAgo: 70 * DAYS, data: { 'redis.conf': 'bind 0.0.0.0\nprotected-mode no\nport 6379\nmaxmemory 768mb\nmaxmemory-policy allkeys-lru\nsave ""\nappendonly no\ntimeout 0\ntcp-keepalive 300\n' } });
  const apiImage = (v: string) => `${ECR}/sessions/session-api:${v}`;
  const api = deploymentApp({
    namespace: ns,
    name: 'session-api',
    replicas: 3,
    revisions: [{ revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: session-api 3.2.1', template: { containers: [container({ image: apiImage('3.2.1'), ports: [3000], memory: '384Mi', env: [{ name: 'REDIS_URL', value: 'redis://session-redis.sessions.svc.cluster.local:6379' }, { name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/healthz', 3000), liveness: httpProbe('/healthz', 3000) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const other = bystander(ns, 'login-ui', names, 2 * HOURS, { revisions: [18, 19], versions: ['8.0.4', '8.1.0'], olderAgo: 25 * DAYS });
  const rp = podOf(redis, 0);
  const redisLog = lines(
    `1:C ${redisTime(26.3)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
    `1:C ${redisTime(26.3)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(26.3)} * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${redisTime(26.3)} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
    `1:M ${redisTime(26.29)} * monotonic clock: POSIX clock_gettime`,
    `1:M ${redisTime(26.29)} * Running mode=standalone, port=6379.`,
    `1:M ${redisTime(26.29)} * Server initialized`,
    `1:M ${redisTime(26.29)} * Ready to accept connections tcp`,
  );
  const denied = 'DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. In this mode connections are only accepted from the loopback interface. If you want to connect from external computers to Redis you may adopt one of the following solutions: 1) Just disable protected mode sending the command \'CONFIG SET protected-mode no\' from the loopback interface by connecting to Redis from the same host the server is running, however MAKE SURE Redis is not publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change permanent. 2) Alternatively you can just disable the protected mode by editing the Redis configuration file, and setting the protected mode option to \'no\', and then restarting the server. 3) If you started the server manually just for testing, restart it with the \'--protected-mode no\' option. 4) Set up an authentication password for the default user. NOTE: You only need to do one of the above things in order for the server to start accepting connections from the outside.';
  const apiLog = (k: number) => {
    const out = [`{"level":30,"time":${ago(60).getTime() + k},"pid":1,"hostname":"${nameOf(podOf(api, k))}","req":{"method":"GET","url":"/v1/session"},"res":{"statusCode":200},"responseTime":3,"msg":"request completed"}`];
    for (let i = 0; i < 12; i++) {
      const t = 26 - i * 2.1 - k * 0.3;
      out.push(`[ioredis] Unhandled error event: ReplyError: ${denied}`);
      out.push(`{"level":50,"time":${ago(t).getTime()},"pid":1,"hostname":"${nameOf(podOf(api, k))}","err":{"type":"ReplyError","message":"${denied.slice(0, 120)}...","stack":"ReplyError: DENIED Redis is running in protected mode because protected mode is enabled...\\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)"},"msg":"session lookup failed"}`);
      out.push(`{"level":30,"time":${ago(t - 0.01).getTime()},"pid":1,"hostname":"${nameOf(podOf(api, k))}","req":{"method":"GET","url":"/v1/session"},"res":{"statusCode":503},"responseTime":${4 + i},"msg":"request completed"}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout65-redis-config-mount-moved-protected-mode',
    class: 'containers',
    truth: 'session-redis revision 4 (chart 2.0.0, 27 minutes ago) moved the session-redis-config ConfigMap mount from /usr/local/etc/redis to /etc/redis, but the container\'s start wrapper still looks for /usr/local/etc/redis/redis.conf; not finding it, it starts redis-server with no config file ("no config file specified, using the default config"). The defaults have protected-mode yes and no password (the mounted config had protected-mode no), so Redis accepts only loopback connections: its own redis-cli ping probe passes and the pod is ready, but every session-api pod gets "DENIED Redis is running in protected mode…" and answers 503. session-api itself did not change. Fix: mount the ConfigMap back at /usr/local/etc/redis (or point the wrapper at /etc/redis/redis.conf).',
    ask: { service: 'session-api', namespace: ns },
    objects: [
      ...nodes, ...redis.objects, cm, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'session-redis', selector: { app: 'session-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: api.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'login-ui', selector: { app: 'login-ui' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(redis), rsOf(redis, 3), 0, 1, 27),
      scaledReplicaSet(deploymentOf(redis), rsOf(redis, 4), 1, 0, 26.8),
      ...restartedAgain(rp, 'redis', redisImage, { count: 1, firstAgo: 26.4, lastAgo: 26.4 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 19), 2, 0, 2 * HOURS),
    ],
    logs: [
      logsFor(rp, 'redis', { current: redisLog }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/protected[- ]mode|DENIED/i, /mount|config(uration)? file|redis\.conf|no config|default config|session-redis[^\n]*(revision|rollout|chart)|revision 4/i],
      facts: [/\/etc\/redis|\/usr\/local\/etc\/redis/, /DENIED|protected mode/i],
      never: [/\bOOM/, /NOAUTH|WRONGPASS|invalid password/i, /network ?polic/i, /session-api[^\n]*(revision|rollout|deploy)/i, /login-ui/],
    },
  };
}

// ---- 6. ImageMagick's policy.xml forbids PDF after a base-image bump -----------------------------------

function imagemagickPolicyBlocksPdf(): CorpusScenario {
  const ns = 'documents';
  const { nodes, names } = threeEksNodes('10.0.77', ['25', '118', '204']);
  const image = (v: string) => `${ECR}/documents/doc-render:${v}`;
  const tpl = (v: string) => ({
    containers: [batchContainer({
      name: 'worker', image: image(v), command: ['celery', '-A', 'doc_render', 'worker', '-Q', 'render', '--concurrency', '4', '--loglevel', 'INFO'], cpu: '1', memory: '2Gi',
      env: [{ name: 'CELERY_BROKER_URL', value: 'amqp://doc-render@rabbitmq.documents.svc.cluster.local:5672//' }, { name: 'RENDER_DPI', value: '150' }],
    })],
  });
  const withProbe = (t: ReturnType<typeof tpl>) => ({ ...t, containers: t.containers.map((c) => ({ ...c, livenessProbe: execProbe(['sh', '-c', 'celery -A doc_render inspect ping -d celery@$HOSTNAME --timeout 10'], { periodSeconds: 60, timeoutSeconds: 15 }) })) });
  const app = deploymentApp({
    namespace: ns,
    name: 'doc-render',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 21 * DAYS, changeCause: 'argocd: doc-render 3.3.2', template: withProbe(tpl('3.3.2')) },
      { revision: 23, createdAgo: 3 * HOURS + 5, changeCause: 'argocd: doc-render 3.4.0 (base image python:3.12-slim-bookworm, was python:3.11-alpine3.18)', template: withProbe(tpl('3.4.0')) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: 3 * HOURS + 4 - k })),
  });
  const apiImage = `${ECR}/documents/doc-api:7.0.3`;
  const api = deploymentApp({
    namespace: ns,
    name: 'doc-api',
    replicas: 2,
    revisions: [{ revision: 50, createdAgo: 11 * DAYS, changeCause: 'argocd: doc-api 7.0.3', template: { containers: [container({ image: apiImage, ports: [8080], memory: '512Mi' })] } }],
    pods: [0, 1].map((k) => ({ revision: 50, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
  });
  const other = bystander(ns, 'doc-search-indexer', names, 50, { revisions: [8, 9], versions: ['1.12.0', '1.12.1'], olderAgo: 30 * DAYS });
  const log = (k: number) => {
    const out = [
      `[${pyTime(3 * HOURS + 3.5 - k)}: INFO/MainProcess] Connected to amqp://doc-render:**@rabbitmq.documents.svc.cluster.local:5672//`,
      `[${pyTime(3 * HOURS + 3.5 - k)}: INFO/MainProcess] mingle: searching for neighbors`,
      `[${pyTime(3 * HOURS + 3.4 - k)}: INFO/MainProcess] celery@${nameOf(podOf(app, k))} ready.`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 60 - i * 4.1 - k * 0.6;
      const id = `${hex(i * 5 + k, 8)}-${hex(i + k * 3, 4)}-4${hex(i, 3)}-9${hex(k, 3)}-${hex(i * 9 + k, 12)}`;
      const doc = `doc_${70412 + i * 13 + k}`;
      out.push(`[${pyTime(t)}: INFO/MainProcess] Task doc_render.tasks.render_preview[${id}] received`);
      if (i % 4 === 3) {
        out.push(`[${pyTime(t - 0.05)}: INFO/ForkPoolWorker-${1 + (i % 4)}] Task doc_render.tasks.render_preview[${id}] succeeded in ${(0.8 + i * 0.05).toFixed(3)}s: {'document': '${doc}', 'source': 'image/png', 'pages': 1}`);
        continue;
      }
      out.push(
        `[${pyTime(t - 0.02)}: ERROR/ForkPoolWorker-${1 + (i % 4)}] Task doc_render.tasks.render_preview[${id}] raised unexpected: RenderError("convert failed for ${doc}.pdf (exit 1): convert-im6.q16: attempt to perform an operation not allowed by the security policy \`PDF' @ error/constitute.c/IsCoderAuthorized/421.\\nconvert-im6.q16: no images defined \`/tmp/render/${doc}/page-%03d.png' @ error/convert.c/ConvertImageCommand/3229.\\n")`,
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.12/site-packages/celery/app/trace.py", line 453, in trace_task',
        '    R = retval = fun(*args, **kwargs)',
        '  File "/app/doc_render/tasks.py", line 88, in render_preview',
        '    pages = rasterize(src, dpi=settings.RENDER_DPI)',
        '  File "/app/doc_render/imaging.py", line 41, in rasterize',
        '    raise RenderError(f"convert failed for {src.name} (exit {proc.returncode}): {proc.stderr}")',
        `doc_render.imaging.RenderError: convert failed for ${doc}.pdf (exit 1): convert-im6.q16: attempt to perform an operation not allowed by the security policy \`PDF' @ error/constitute.c/IsCoderAuthorized/421.`,
      );
    }
    return lines(...out);
  };
  return {
    id: 'heldout65-imagemagick-policy-blocks-pdf',
    class: 'containers',
    truth: 'doc-render 3.4.0 (revision 23, about three hours ago) rebased the Celery render worker from python:3.11-alpine onto python:3.12-slim-bookworm and installs Debian\'s imagemagick, whose /etc/ImageMagick-6/policy.xml ships `<policy domain="coder" rights="none" pattern="PDF" />` (the Ghostscript hardening). Every PDF preview now fails in `convert` with "attempt to perform an operation not allowed by the security policy `PDF\'"; image uploads still render. Worker pods are running and ready, no restarts — only the tasks fail. Fix: ship a policy.xml that allows read on PDF (or roll back to 3.3.2 until the image does).',
    ask: { service: 'doc-render', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'doc-api', selector: { app: 'doc-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'doc-search-indexer', selector: { app: 'doc-search-indexer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 3, 0, 3 * HOURS + 4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 0, 3, 3 * HOURS),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 50),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'worker', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/security policy|policy\.xml|ImageMagick|convert/i, /base image|3\.4\.0|revision 23|bookworm|rollout|release|image (bump|upgrade|change)/i],
      facts: [/not allowed by the security policy|policy\.xml/, /PDF/],
      never: [/\bOOM/, /crash ?loop/i, /ghostscript[^\n]*(missing|not installed|not found)/i, /permission denied/i, /doc-search-indexer/, /rabbitmq[^\n]*(down|unreachable)/i],
    },
  };
}

// ---- 7. healthy control: Elasticsearch deprecation WARN on every search -------------------------------

function elasticsearchDeprecationNoise(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.120', ['36', '150', '233']);
  const esImage = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const es = statefulSetApp({
    namespace: ns,
    name: 'es',
    replicas: 3,
    serviceName: 'es-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 200 * DAYS,
    revisions: [{ revision: 5, createdAgo: 33 * DAYS, template: { containers: [container({
      name: 'elasticsearch', image: esImage, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '2', memory: '8Gi',
      env: [{ name: 'cluster.name', value: 'catalog-search' }, { name: 'ES_JAVA_OPTS', value: '-Xms4g -Xmx4g' }, { name: 'discovery.seed_hosts', value: 'es-headless' }],
      readiness: execProbe(['bash', '-c', 'curl -fsk "https://127.0.0.1:9200/_cluster/health?wait_for_status=yellow&timeout=1s" -u "elastic:${ELASTIC_PASSWORD}"'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: tcpProbe('transport', { initialDelaySeconds: 60 }),
      volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
    })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((i) => ({ revision: 5, ordinal: i, node: names[i] ?? '', createdAgo: 33 * DAYS - i * 4 })),
  });
  const apiImage = `${ECR}/search/search-api:4.6.1`;
  const api = deploymentApp({
    namespace: ns,
    name: 'search-api',
    replicas: 3,
    revisions: [
      { revision: 60, createdAgo: 19 * DAYS, changeCause: 'argocd: search-api 4.6.0', template: { containers: [container({ image: `${ECR}/search/search-api:4.6.0`, ports: [8080], memory: '512Mi' })] } },
      { revision: 61, createdAgo: 6 * DAYS, changeCause: 'argocd: search-api 4.6.1', template: { containers: [container({ image: apiImage, ports: [8080], memory: '512Mi', env: [{ name: 'ES_URL', value: 'https://es-http.search.svc:9200' }] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 61, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const esLog = (i: number) => {
    const out: string[] = [];
    for (let j = 0; j < 30; j++) {
      const t = 30 - j - i * 0.2;
      out.push(`{"@timestamp":"${at(t)}", "log.level":"WARN", "data_stream.dataset":"deprecation.elasticsearch","data_stream.namespace":"default","data_stream.type":"logs","elasticsearch.elastic_product_origin":"","elasticsearch.event.category":"api","elasticsearch.http.request.x_opaque_id":"","event.code":"ignore_throttled_param","message":"[ignore_throttled] parameter is deprecated because frozen indices have been deprecated. Consider cold or frozen tiers in place of frozen indices." , "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"deprecation.elasticsearch","process.thread.name":"elasticsearch[es-${i}][transport_worker][T#${1 + (j % 4)}]","log.logger":"org.elasticsearch.deprecation.rest.action.search.RestSearchAction","elasticsearch.cluster.uuid":"Qy3b8dTUR2mW0e9kXn1s4A","elasticsearch.node.id":"${['pZ7rQm1xS0aC9bV2nL4dEw', 'kT2vN8yHQ5uJ1oR6eW3fXg', 'aB5cD7eF9gH1iJ3kL5mN7o'][i] ?? ''}","elasticsearch.node.name":"es-${i}","elasticsearch.cluster.name":"catalog-search"}`);
      if (j % 10 === 0) out.push(`{"@timestamp":"${at(t - 0.3)}", "log.level": "INFO", "message":"[gc][${1900000 + j * 60}] overhead, spent [${180 + j}ms] collecting in the last [1s]", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[es-${i}][scheduler][T#1]","log.logger":"org.elasticsearch.monitor.jvm.JvmGcMonitorService","elasticsearch.node.name":"es-${i}","elasticsearch.cluster.name":"catalog-search"}`);
    }
    return lines(...out);
  };
  const apiLog = (k: number) => lines(
    `${pyTime(6 * DAYS - k - 0.2)} WARNING py.warnings: /app/search_api/es.py:74: ElasticsearchWarning: [ignore_throttled] parameter is deprecated because frozen indices have been deprecated. Consider cold or frozen tiers in place of frozen indices.`,
    '  resp = self.client.search(index=index, body=query, ignore_throttled=False, request_timeout=2)',
    ...Array.from({ length: 12 }, (_, i) => `${pyTime(12 - i - k * 0.1)} INFO uvicorn.access: 10.0.120.${50 + i} - "GET /v2/search?q=${['boots', 'rain+jacket', 'wool+socks', 'tent'][i % 4] ?? 'x'}&page=1 HTTP/1.1" 200`),
  );
  return {
    id: 'heldout65-healthy-elasticsearch-deprecation-warnings',
    class: 'healthy',
    truth: 'Nothing is wrong. search-api (unchanged for six days) passes the deprecated ignore_throttled parameter on every search, so every Elasticsearch node logs a deprecation.elasticsearch WARN "[ignore_throttled] parameter is deprecated because frozen indices have been deprecated" per query, and the Python client warned once at startup. It is a cleanup item for the next client upgrade, not an incident: all three es pods and all search-api pods are ready, searches return 200, there are no warning events.',
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...nodes, ...es.objects, ...api.objects,
      ...[0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-es-${i}`, storage: '200Gi', zone: `eu-west-1${'abc'[i] ?? 'a'}`, createdAgo: 200 * DAYS, storageClass: 'gp3' })),
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'es-http', selector: { app: 'es' }, pods: es.pods, ports: [{ name: 'http', port: 9200, targetPort: 'http' }], endpointPort: 9200, createdAgo: 200 * DAYS }),
      ...exposed({ namespace: ns, name: 'es-headless', selector: { app: 'es' }, pods: es.pods, headless: true, ports: [{ name: 'transport', port: 9300, targetPort: 'transport' }], endpointPort: 9300, createdAgo: 200 * DAYS }),
    ],
    logs: [
      ...es.pods.map((p, i) => logsFor(p, 'elasticsearch', { current: esLog(i) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|nothing (wrong|found)|(all|every)[^\n]*ready/i],
      facts: [/search-api|\bes\b|elasticsearch/i],
      never: [/deprecat[^\n]*(caus|fail|broke|outage|error rate)/i, /ignore_throttled[^\n]*(caus|fail|broke)/i, /elasticsearch[^\n]*(down|unavailable|failing|red)/i, /\bOOM/, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: readonly CorpusScenario[] = [
  sidekiq7OnRedis60(),
  asyncpgSharedConnection(),
  lbSourceRangesDropPartner(),
  mimirSeriesLimitNewScrapeJob(),
  redisConfigMountMovedProtectedMode(),
  imagemagickPolicyBlocksPdf(),
  elasticsearchDeprecationNoise(),
];
