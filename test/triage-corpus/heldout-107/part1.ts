// Held-out stories, round 107, part one: a Rails service whose revision raised RAILS_MAX_THREADS
// to 16 while database.yml still sizes the ActiveRecord pool from DB_POOL=5, so requests wait 5 s
// for a connection and fail with ConnectionTimeoutError; a Go quoting service whose revision
// disabled HTTP keep-alives to its carrier API, so every call opens a new connection and the pods
// run out of ephemeral ports toward that one address (EADDRNOTAVAIL); a RabbitMQ StatefulSet whose
// Helm upgrade regenerated the Erlang cookie, so the restarted rabbitmq-2 is rejected by its peers
// ("Invalid challenge reply") and cannot rejoin; a base-image bump to Python 3.12 that removed
// distutils, so gunicorn's worker fails to import the app and the new pods crash-loop; (network) a
// gRPC service the HPA scaled out whose clients keep their HTTP/2 connections to the three old
// pods through the ClusterIP, so the new pods idle while the old ones miss deadlines; (jobs) an
// hourly CronJob whose namespace got Istio injection, so the Job's istio-proxy sidecar keeps its
// pod Running after the export finished and concurrencyPolicy Forbid skips every run since; and a
// healthy control: a service that crash-looped five hours ago during a Redis failover and has been
// stable since.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, boundClaim, configMap, container, containerStatus, crashLoop, cronJob,
  cronJobEvent, deploymentApp, event, execProbe, exposed, hpa, httpProbe, namespace, nameOf, probeFailed, pyTime,
  restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, endpointSliceFor, startedNormally, statefulSetApp,
  tcpProbe, terminated, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** Ruby Logger's time: `2026-11-21T03:12:41.563412`. */
const rbTime = (minutes: number, salt = 0): string => at(minutes).slice(0, 23) + String(100 + (salt * 37) % 900).padStart(3, '0');
/** RabbitMQ's log time: `2026-11-21 03:12:41.563412+00:00`. */
const rmqTime = (minutes: number, salt = 0): string => `${at(minutes).slice(0, 23).replace('T', ' ')}${String(100 + (salt * 53) % 900).padStart(3, '0')}+00:00`;
/** gunicorn's time: `[2026-11-21 03:12:41 +0000]`. */
const gunicornTime = (minutes: number): string => `[${at(minutes).slice(0, 19).replace('T', ' ')} +0000]`;
const hex = (seed: number, n = 8): string => Array.from({ length: n }, (_, i) => '0123456789abcdef'[(seed * 7 + i * 13 + ((seed * i) % 11)) % 16]).join('');

// ---- 1. Puma threads raised above the ActiveRecord pool ---------------------------------------------

function pumaThreadsAboveActiveRecordPool(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '222']);
  const image = `${ECR}/storefront/shop-web:2026.11.18-2`;
  const tpl = (threads: string) => ({
    containers: [container({
      image,
      command: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'],
      ports: [3000],
      cpu: '1',
      memory: '1536Mi',
      env: [
        { name: 'RAILS_ENV', value: 'production' },
        { name: 'RAILS_LOG_TO_STDOUT', value: '1' },
        { name: 'WEB_CONCURRENCY', value: '2' },
        { name: 'RAILS_MAX_THREADS', value: threads },
        { name: 'DB_POOL', value: '5' },
        { name: 'DATABASE_HOST', value: 'storefront-pg.cluster-cq81xk2m4v0e.eu-west-1.rds.amazonaws.com' },
        { name: 'DATABASE_PASSWORD', valueFrom: { secretKeyRef: { name: 'shop-web-db', key: 'password' } } },
      ],
      readiness: httpProbe('/up', 3000, { timeoutSeconds: 2 }),
      liveness: httpProbe('/up', 3000, { initialDelaySeconds: 20, timeoutSeconds: 2 }),
      volumeMounts: [{ name: 'database-yml', mountPath: '/app/config/database.yml', subPath: 'database.yml', readOnly: true }],
    })],
    volumes: [{ name: 'database-yml', configMap: { name: 'shop-web-database', defaultMode: 420 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shop-web',
    replicas: 4,
    revisions: [
      { revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: shop-web 2026.11.18-2', template: tpl('5') },
      { revision: 58, createdAgo: 96, changeCause: 'argocd: shop-web values (puma threads)', template: tpl('16') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 58, node: names[k % 3] ?? '', createdAgo: 95 - k * 1.2 })),
    settled: { available: true, availableSince: 90, progressingSince: 96, progressingUpdatedAgo: 90 },
  });
  const dbYml = configMap({
    namespace: ns,
    name: 'shop-web-database',
    createdAgo: 140 * DAYS,
    data: {
      'database.yml': [
        'production:',
        '  adapter: postgresql',
        '  encoding: unicode',
        '  host: <%= ENV["DATABASE_HOST"] %>',
        '  database: storefront_production',
        '  username: shop_web',
        '  password: <%= ENV["DATABASE_PASSWORD"] %>',
        '  pool: <%= ENV.fetch("DB_POOL") { 5 } %>',
        '  checkout_timeout: 5',
        '  prepared_statements: false',
        '',
      ].join('\n'),
    },
  });
  const other = bystander(ns, 'shop-sidekiq', names, 3 * HOURS, { revisions: [40, 41], versions: ['2026.11.14-1', '2026.11.18-2'], olderAgo: 9 * DAYS });
  const paths = ['POST "/cart/items"', 'GET "/products/winter-parka-navy"', 'POST "/checkout"', 'GET "/account/orders"', 'GET "/cart"', 'GET "/products/merino-beanie"'];
  const controllers = ['CartItemsController#create', 'ProductsController#show', 'CheckoutsController#create', 'OrdersController#index', 'CartsController#show', 'ProductsController#show'];
  const web = (k: number) => {
    const out: string[] = [
      `[1] Puma starting in cluster mode...`,
      `[1] * Puma version: 6.4.3 (ruby 3.3.5-p100) ("The Eagle of Durango")`,
      `[1] *  Min threads: 16`,
      `[1] *  Max threads: 16`,
      `[1] *  Environment: production`,
      `[1] *   Master PID: 1`,
      `[1] *      Workers: 2`,
      `[1] *     Restarts: (\u2714) hot (\u2716) phased`,
      `[1] * Preloading application`,
      `[1] * Listening on http://0.0.0.0:3000`,
      `[1] Use Ctrl-C to stop`,
      `[1] - Worker 0 (PID: 14) booted in 0.02s, phase: 0`,
      `[1] - Worker 1 (PID: 19) booted in 0.02s, phase: 0`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 8 - i * 0.5 - k * 0.07;
      const id = `${hex(i + k * 31)}-${hex(i * 3 + k, 4)}-${hex(i + 5, 4)}-${hex(k + 9, 4)}-${hex(i * 7 + k, 12)}`;
      const pid = i % 2 === 0 ? 14 : 19;
      const ip = `10.0.${[18, 66, 131][i % 3]}.${40 + ((i * 17 + k) % 180)}`;
      const p = paths[(i + k) % paths.length] ?? 'GET "/"';
      const c = controllers[(i + k) % controllers.length] ?? 'HomeController#show';
      out.push(`I, [${rbTime(t, i)} #${pid}]  INFO -- : [${id}] Started ${p} for ${ip} at ${at(t).slice(0, 19).replace('T', ' ')} +0000`);
      out.push(`I, [${rbTime(t, i + 1)} #${pid}]  INFO -- : [${id}] Processing by ${c} as HTML`);
      if (i % 3 === 2) {
        out.push(`I, [${rbTime(t - 0.01, i + 2)} #${pid}]  INFO -- : [${id}] Completed 200 OK in ${2140 + i * 173}ms (Views: 41.2ms | ActiveRecord: ${2065 + i * 160}.4ms | Allocations: ${18000 + i * 311})`);
      } else {
        out.push(`I, [${rbTime(t - 0.09, i + 2)} #${pid}]  INFO -- : [${id}] Completed 500 Internal Server Error in ${5004 + ((i * 7) % 9)}ms (ActiveRecord: 0.0ms | Allocations: ${1100 + i * 13})`);
        out.push(`F, [${rbTime(t - 0.09, i + 3)} #${pid}] FATAL -- : [${id}]   `);
        out.push(`F, [${rbTime(t - 0.09, i + 4)} #${pid}] FATAL -- : [${id}] ActiveRecord::ConnectionTimeoutError (could not obtain a connection from the pool within 5.000 seconds (waited 5.00${(i + k) % 9} seconds); all pooled connections were in use):`);
        out.push(`F, [${rbTime(t - 0.09, i + 5)} #${pid}] FATAL -- : [${id}]   `);
        out.push(`F, [${rbTime(t - 0.09, i + 6)} #${pid}] FATAL -- : [${id}] app/controllers/application_controller.rb:27:in \`set_current_cart'`);
      }
    }
    return lines(...out);
  };
  return {
    id: 'heldout107-rails-puma-threads-exceed-activerecord-pool',
    class: 'capacity',
    truth: 'Revision 58 of shop-web (96 minutes ago, a values-only change, same image) raised RAILS_MAX_THREADS from 5 to 16, so each Puma worker now runs 16 request threads, but the mounted database.yml still sizes the ActiveRecord pool from DB_POOL=5. Under load 16 threads contend for 5 connections per worker: requests wait checkout_timeout (5 s) and fail with ActiveRecord::ConnectionTimeoutError ("all pooled connections were in use"), returning 500s; /up does not touch the database, so the pods stay Ready. Fix: set DB_POOL to at least RAILS_MAX_THREADS (or size the pool from RAILS_MAX_THREADS), or revert the thread count; the database itself is healthy.',
    ask: { service: 'shop-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, dbYml,
      ...exposed({ namespace: ns, name: 'shop-web', selector: { app: 'shop-web' }, pods: app.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 4, 0, 96),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 0, 4, 90),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 3 * HOURS),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: web(k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(2.1)}","level":"INFO","msg":"done","class":"OrderConfirmationMailerJob","jid":"b1f0c2a9d4e7","elapsed":0.412}`, `{"ts":"${at(0.6)}","level":"INFO","msg":"done","class":"InventorySyncJob","jid":"7c3e91fa0b22","elapsed":1.87}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pool|ConnectionTimeout/i, /RAILS_MAX_THREADS|threads/i],
      facts: [/DB_POOL|pool[^\n]*\b5\b/i, /\b16\b/, /revision 58|\b58\b/i],
      never: [/\bOOM/, /(database|postgres|RDS)[^\n]*(down|unreachable|outage|overloaded)/i, /liveness/i],
    },
  };
}

// ---- 2. ephemeral ports exhausted toward one carrier API after keep-alives were disabled -------------

function ephemeralPortExhaustionNoKeepAlive(): CorpusScenario {
  const ns = 'logistics';
  const { nodes, names } = threeEksNodes('10.0.44', ['27', '158', '203']);
  const image = (v: string) => `${ECR}/logistics/route-quoter:${v}`;
  const tpl = (v: string, noKeepAlive: boolean) => ({
    containers: [container({
      image: image(v),
      ports: [8080, { name: 'metrics', containerPort: 9102 }],
      cpu: '500m',
      memory: '256Mi',
      env: [
        { name: 'CARRIER_API_URL', value: 'https://api.carrier-gateway.example.net' },
        { name: 'CARRIER_TIMEOUT', value: '10s' },
        ...(noKeepAlive ? [{ name: 'CARRIER_HTTP_DISABLE_KEEPALIVES', value: 'true' }] : [{ name: 'CARRIER_HTTP_MAX_IDLE_CONNS_PER_HOST', value: '64' }]),
        { name: 'GOMEMLIMIT', value: '230MiB' },
      ],
      readiness: httpProbe('/readyz', 8080),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'route-quoter',
    replicas: 3,
    revisions: [
      { revision: 41, createdAgo: 8 * DAYS, changeCause: 'argocd: route-quoter 3.7.0', template: tpl('3.7.0', false) },
      { revision: 42, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: route-quoter 3.7.1', template: tpl('3.7.1', true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 42, node: names[k] ?? '', createdAgo: 2 * HOURS + 9 - k })),
    settled: { available: true, availableSince: 2 * HOURS + 6, progressingSince: 2 * HOURS + 10, progressingUpdatedAgo: 2 * HOURS + 6 },
  });
  const other = bystander(ns, 'shipment-tracker', names, 26 * HOURS, { revisions: [18, 19], versions: ['1.22.4', '1.23.0'], olderAgo: 12 * DAYS });
  const carriers = ['dhl', 'ups', 'dpd', 'gls', 'fedex'];
  const quoter = (k: number) => {
    const out: string[] = [
      `{"time":"${at(2 * HOURS + 8.8 - k)}","level":"INFO","msg":"starting route-quoter","version":"3.7.1","commit":"e41b7d0","go":"go1.23.3"}`,
      `{"time":"${at(2 * HOURS + 8.8 - k)}","level":"INFO","msg":"carrier client configured","base_url":"https://api.carrier-gateway.example.net","timeout":"10s","disable_keepalives":true,"max_idle_conns_per_host":0}`,
      `{"time":"${at(2 * HOURS + 8.7 - k)}","level":"INFO","msg":"http server listening","addr":":8080"}`,
    ];
    for (let i = 0; i < 18; i++) {
      const t = 11 - i * 0.6 - k * 0.03;
      const carrier = carriers[(i + k) % carriers.length] ?? 'dhl';
      if (i % 4 === 3) {
        out.push(`{"time":"${at(t)}","level":"INFO","msg":"quote served","carrier":"${carrier}","lanes":${3 + (i % 5)},"dur_ms":${180 + i * 7}}`);
      } else {
        out.push(`{"time":"${at(t)}","level":"ERROR","msg":"carrier quote failed","carrier":"${carrier}","attempt":${1 + (i % 3)},"err":"Post \\"https://api.carrier-gateway.example.net/v2/rates\\": dial tcp 198.51.100.23:443: connect: cannot assign requested address","dur_ms":0}`);
        if (i % 3 === 0) out.push(`{"time":"${at(t - 0.01)}","level":"WARN","msg":"request failed","method":"POST","path":"/v1/quotes","status":502,"dur_ms":${2 + (i % 4)}}`);
      }
    }
    return lines(...out);
  };
  return {
    id: 'heldout107-ephemeral-port-exhaustion-no-keepalive',
    class: 'network',
    truth: 'Revision 42 of route-quoter (3.7.1, two hours ago) set CARRIER_HTTP_DISABLE_KEEPALIVES=true (to dodge stale-connection resets), so every carrier quote opens a new TLS connection to the one carrier API address 198.51.100.23:443 and closes it, leaving the socket in TIME_WAIT for 60 s. At evening peak each pod exhausts its ephemeral source-port range toward that single destination, and new dials fail immediately with "connect: cannot assign requested address" (EADDRNOTAVAIL), so most quotes return 502. Pods stay Ready and nothing restarts; the carrier API is fine. Fix: re-enable keep-alives / connection pooling (or revert revision 42).',
    ask: { service: 'route-quoter', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'route-quoter', selector: { app: 'route-quoter' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'shipment-tracker', selector: { app: 'shipment-tracker' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 3, 0, 2 * HOURS + 10),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 0, 3, 2 * HOURS + 6),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: quoter(k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(1.4)}","level":"INFO","msg":"tracking event ingested","carrier":"ups","status":"in_transit"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/cannot assign requested address|EADDRNOTAVAIL|ephemeral|source ports?|port exhaustion/i],
      facts: [/keep-?alive|KEEPALIVES/i, /198\.51\.100\.23/, /revision 42|\b42\b|3\.7\.1/i],
      never: [/\bOOM/, /(carrier|upstream)[^\n]*(outage|is down)/i, /rate.?limit/i],
    },
  };
}

// ---- 3. RabbitMQ: a regenerated Erlang cookie on the restarted member -----------------------------

function rabbitmqErlangCookieMismatch(): CorpusScenario {
  const ns = 'messaging';
  const { nodes, names } = threeEksNodes('10.0.120', ['9', '137', '246']);
  const image = 'docker.io/bitnami/rabbitmq:3.13.7-debian-12-r2';
  const fqdn = (i: number) => `rabbit@rabbitmq-${i}.rabbitmq-headless.messaging.svc.cluster.local`;
  const tpl = (secretSum: string) => ({
    annotations: { 'checksum/config': '6f1d0c8a2e4b9f7153d8a0c6b2e9f41a7d3c5b8e0f2a4c6d8e1b3a5c7d9e0f21', 'checksum/secret': secretSum },
    serviceAccountName: 'rabbitmq',
    securityContext: { fsGroup: 1001 },
    terminationGracePeriodSeconds: 120,
    containers: [container({
      name: 'rabbitmq',
      image,
      ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'dist', containerPort: 25672 }, { name: 'epmd', containerPort: 4369 }, { name: 'stats', containerPort: 15672 }],
      cpu: '500m',
      memory: '2Gi',
      env: [
        { name: 'MY_POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'K8S_SERVICE_NAME', value: 'rabbitmq-headless' },
        { name: 'K8S_ADDRESS_TYPE', value: 'hostname' },
        { name: 'RABBITMQ_FORCE_BOOT', value: 'no' },
        { name: 'RABBITMQ_NODE_NAME', value: 'rabbit@$(MY_POD_NAME).$(K8S_SERVICE_NAME).$(MY_POD_NAMESPACE).svc.cluster.local' },
        { name: 'RABBITMQ_USE_LONGNAME', value: 'true' },
        { name: 'RABBITMQ_ERL_COOKIE', valueFrom: { secretKeyRef: { name: 'rabbitmq', key: 'rabbitmq-erlang-cookie' } } },
        { name: 'RABBITMQ_PASSWORD', valueFrom: { secretKeyRef: { name: 'rabbitmq', key: 'rabbitmq-password' } } },
      ],
      readiness: execProbe(['sh', '-ec', 'rabbitmq-diagnostics -q check_running && rabbitmq-diagnostics -q check_local_alarms'], { initialDelaySeconds: 10, periodSeconds: 30, timeoutSeconds: 20 }),
      liveness: execProbe(['sh', '-ec', 'rabbitmq-diagnostics -q ping'], { initialDelaySeconds: 120, periodSeconds: 30, timeoutSeconds: 20, failureThreshold: 6 }),
      volumeMounts: [{ name: 'data', mountPath: '/opt/bitnami/rabbitmq/.rabbitmq/mnesia' }],
    })],
  });
  const sts = statefulSetApp({
    namespace: ns,
    name: 'rabbitmq',
    replicas: 3,
    serviceName: 'rabbitmq-headless',
    createdAgo: 210 * DAYS,
    revisions: [
      { revision: 6, createdAgo: 47 * DAYS, template: tpl('a3c9e07b51d24f86e19b0c7d2f4a6e8b3c5d7f90a1b2c4d6e8f0a2b4c6d8e0f1') },
      { revision: 7, createdAgo: 14, template: tpl('e82f4b1c9d07a6e35b2c8f1d4a7e0b93c6f2d8a15e4b7c0f3a9d2e6b1c8f5a07') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }],
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 47 * DAYS - 2 },
      { revision: 6, ordinal: 1, node: names[1] ?? '', createdAgo: 47 * DAYS - 6 },
      { revision: 7, ordinal: 2, node: names[2] ?? '', createdAgo: 13.6, containers: { rabbitmq: running({ sinceAgo: 2.8, ready: false, restarts: 2, last: { exitCode: 1, finishedAgo: 3.1, ranSeconds: 318 } }) } },
    ],
  });
  const [r0, r1, r2] = [podOf(sts, 0), podOf(sts, 1), podOf(sts, 2)];
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-rabbitmq-${i}`, storage: '20Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 210 * DAYS, storageClass: 'gp3' }));
  const amqp = service({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }, { name: 'http-stats', port: 15672, targetPort: 'stats' }], createdAgo: 210 * DAYS });
  const headless = service({ namespace: ns, name: 'rabbitmq-headless', selector: { app: 'rabbitmq' }, headless: true, ports: [{ name: 'epmd', port: 4369, targetPort: 'epmd' }, { name: 'amqp', port: 5672, targetPort: 'amqp' }, { name: 'dist', port: 25672, targetPort: 'dist' }], createdAgo: 210 * DAYS });
  const consumer = bystander(ns, 'order-events-consumer', names, 5 * DAYS, { revisions: [12, 13], versions: ['2.4.0', '2.4.1'], olderAgo: 20 * DAYS });
  const rejected = (k: number) => {
    const out: string[] = [`${rmqTime(47 * DAYS - 30, k)} [info] <0.9281.0> accepting AMQP connection <0.9281.0> (10.0.120.88:41562 -> 10.0.121.14:5672)`];
    // Each boot attempt of rabbitmq-2 retries the distribution handshake; every attempt is refused.
    for (let i = 0; i < 16; i++) {
      const t = 13.3 - i * 0.8 - k * 0.02;
      out.push(`${rmqTime(t, i + k)} [error] <0.${31200 + i * 17 + k * 5}.0> ** Connection attempt from node '${fqdn(2)}' rejected. Invalid challenge reply. **`);
      if (i % 5 === 1) out.push(`${rmqTime(t - 0.05, i)} [info] <0.${30100 + i * 3}.0> node '${fqdn(2)}' down: connection_closed`);
    }
    out.push(`${rmqTime(0.7, k)} [info] <0.${32901 + k}.0> connection <0.${32901 + k}.0> (10.0.120.88:50214 -> 10.0.121.14:5672): user 'orders' authenticated and granted access to vhost '/'`);
    return lines(...out);
  };
  const bootHeader = (t: number) => [
    `rabbitmq ${at(t - 0.02).slice(11, 19)}.41 INFO  ==> `,
    `rabbitmq ${at(t - 0.02).slice(11, 19)}.41 INFO  ==> Welcome to the Bitnami rabbitmq container`,
    `rabbitmq ${at(t - 0.02).slice(11, 19)}.52 INFO  ==> ** Starting RabbitMQ setup **`,
    `rabbitmq ${at(t - 0.02).slice(11, 19)}.58 INFO  ==> Validating settings in RABBITMQ_* env vars..`,
    `rabbitmq ${at(t - 0.02).slice(11, 19)}.71 INFO  ==> Initializing RabbitMQ...`,
    `rabbitmq ${at(t - 0.02).slice(11, 19)}.80 INFO  ==> Persisted data detected. Restoring...`,
    `rabbitmq ${at(t - 0.02).slice(11, 19)}.91 INFO  ==> ** RabbitMQ setup finished! **`,
    `rabbitmq ${at(t - 0.02).slice(11, 19)}.02 INFO  ==> ** Starting RabbitMQ **`,
    `${rmqTime(t - 0.1)} [notice] <0.44.0> Application syslog exited with reason: stopped`,
    `${rmqTime(t - 0.12)} [info] <0.230.0> ra: starting system quorum_queues`,
    `${rmqTime(t - 0.13)} [info] <0.230.0>  Starting RabbitMQ 3.13.7 on Erlang 26.2.5.5 [jit]`,
    `${rmqTime(t - 0.13)} [info] <0.230.0>  node           : ${fqdn(2)}`,
    `${rmqTime(t - 0.13)} [info] <0.230.0>  home dir       : /opt/bitnami/rabbitmq/.rabbitmq`,
    `${rmqTime(t - 0.13)} [info] <0.230.0>  cookie hash    : 0Rb6tVQ2mK3xZyS8dN1wJg==`,
    `${rmqTime(t - 0.13)} [info] <0.230.0>  database dir   : /opt/bitnami/rabbitmq/.rabbitmq/mnesia/${fqdn(2)}`,
    `${rmqTime(t - 0.15)} [info] <0.230.0> Waiting for Mnesia tables for 30000 ms, 9 retries left`,
  ];
  const waits = (t: number, upTo: number) => {
    const out: string[] = [];
    for (let left = 9; left > 9 - upTo; left--) {
      const w = t - 0.15 - (10 - left) * 0.5;
      out.push(`${rmqTime(w, left)} [warning] <0.230.0> Error while waiting for Mnesia tables: {timeout_waiting_for_tables,['${fqdn(2)}','${fqdn(1)}','${fqdn(0)}'],[rabbit_user,rabbit_user_permission,rabbit_topic_permission,rabbit_vhost,rabbit_durable_route,rabbit_durable_exchange,rabbit_runtime_parameters,rabbit_durable_queue]}`);
      if (left - 1 >= 0) out.push(`${rmqTime(w, left + 1)} [info] <0.230.0> Waiting for Mnesia tables for 30000 ms, ${left - 1} retries left`);
    }
    return out;
  };
  const bootFailed = (t: number) => [
    `${rmqTime(t)} [error] <0.230.0> `,
    `${rmqTime(t)} [error] <0.230.0> BOOT FAILED`,
    `${rmqTime(t)} [error] <0.230.0> ===========`,
    `${rmqTime(t)} [error] <0.230.0> Timeout contacting cluster nodes: ['${fqdn(1)}',`,
    `${rmqTime(t)} [error] <0.230.0>                                    '${fqdn(0)}'].`,
    `${rmqTime(t)} [error] <0.230.0> `,
    `${rmqTime(t)} [error] <0.230.0> BACKGROUND`,
    `${rmqTime(t)} [error] <0.230.0> ==========`,
    `${rmqTime(t)} [error] <0.230.0> `,
    `${rmqTime(t)} [error] <0.230.0> This cluster node was shut down while other nodes were still running.`,
    `${rmqTime(t)} [error] <0.230.0> To avoid losing data, you should start the other nodes first, then`,
    `${rmqTime(t)} [error] <0.230.0> start this one. To force this node to start, first invoke`,
    `${rmqTime(t)} [error] <0.230.0> "rabbitmqctl force_boot". If you do so, any changes made on other`,
    `${rmqTime(t)} [error] <0.230.0> cluster nodes after this one was shut down may be lost.`,
    `${rmqTime(t)} [error] <0.230.0> `,
    `${rmqTime(t)} [error] <0.230.0> DIAGNOSTICS`,
    `${rmqTime(t)} [error] <0.230.0> ===========`,
    `${rmqTime(t)} [error] <0.230.0> `,
    `${rmqTime(t)} [error] <0.230.0> attempted to contact: ['${fqdn(1)}','${fqdn(0)}']`,
    `${rmqTime(t)} [error] <0.230.0> `,
    `${rmqTime(t)} [error] <0.230.0> ${fqdn(1)}:`,
    `${rmqTime(t)} [error] <0.230.0>   * connected to epmd (port 4369) on rabbitmq-1.rabbitmq-headless.messaging.svc.cluster.local`,
    `${rmqTime(t)} [error] <0.230.0>   * epmd reports node 'rabbit' uses port 25672 for inter-node and CLI tool traffic `,
    `${rmqTime(t)} [error] <0.230.0>   * TCP connection succeeded but Erlang distribution failed `,
    `${rmqTime(t)} [error] <0.230.0>   * suggestion: check if the Erlang cookie is identical for all server nodes and CLI tools`,
    `${rmqTime(t)} [error] <0.230.0>   * suggestion: check if all server nodes and CLI tools use consistent hostnames when addressing each other`,
    `${rmqTime(t)} [error] <0.230.0> `,
    `${rmqTime(t)} [error] <0.230.0> ${fqdn(0)}:`,
    `${rmqTime(t)} [error] <0.230.0>   * connected to epmd (port 4369) on rabbitmq-0.rabbitmq-headless.messaging.svc.cluster.local`,
    `${rmqTime(t)} [error] <0.230.0>   * epmd reports node 'rabbit' uses port 25672 for inter-node and CLI tool traffic `,
    `${rmqTime(t)} [error] <0.230.0>   * TCP connection succeeded but Erlang distribution failed `,
    `${rmqTime(t)} [error] <0.230.0>   * suggestion: check if the Erlang cookie is identical for all server nodes and CLI tools`,
    `${rmqTime(t)} [error] <0.230.0> `,
    `${rmqTime(t)} [error] <0.230.0> Current node details:`,
    `${rmqTime(t)} [error] <0.230.0>  * node name: '${fqdn(2)}'`,
    `${rmqTime(t)} [error] <0.230.0>  * effective user's home directory: /opt/bitnami/rabbitmq/.rabbitmq`,
    `${rmqTime(t)} [error] <0.230.0>  * Erlang cookie hash: 0Rb6tVQ2mK3xZyS8dN1wJg==`,
    `${rmqTime(t)} [error] <0.230.0> `,
    `${rmqTime(t)} [error] <0.230.0> `,
    `${rmqTime(t)} [error] <0.230.0> ERROR: could not boot the node. Reason: {error,{timeout_waiting_for_tables,['${fqdn(2)}','${fqdn(1)}','${fqdn(0)}'],[rabbit_user,rabbit_user_permission,rabbit_topic_permission,rabbit_vhost,rabbit_durable_route,rabbit_durable_exchange,rabbit_runtime_parameters,rabbit_durable_queue]}}`,
  ];
  const notBooted = `Readiness probe failed: Error:\nRabbitMQ on node ${fqdn(2)} is not running or has not fully booted yet (check with is_booting)`;
  return {
    id: 'heldout107-rabbitmq-erlang-cookie-mismatch',
    class: 'config',
    truth: 'A Helm upgrade of the rabbitmq chart 14 minutes ago ran without auth.erlangCookie pinned, so the chart generated a new Erlang cookie into the rabbitmq Secret (checksum/secret changed, StatefulSet revision 7). The rolling update restarted rabbitmq-2 first with the new cookie while rabbitmq-0 and rabbitmq-1 still run with the old one: every distribution handshake from rabbitmq-2 is refused ("Connection attempt from node rabbit@rabbitmq-2… rejected. Invalid challenge reply."), rabbitmq-2 times out waiting for its Mnesia tables, fails to boot and restarts, never becomes Ready, and the StatefulSet rollout is stuck. Fix: put the old cookie back into the Secret (and pin auth.erlangCookie), then restart rabbitmq-2; do not force_boot or reset its data.',
    ask: { service: 'rabbitmq', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, ...consumer.objects, amqp, endpointSliceFor(amqp, sts.pods, 5672), headless, endpointSliceFor(headless, sts.pods, 4369),
      event({ on: { kind: 'StatefulSet', name: 'rabbitmq', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod rabbitmq-2 in StatefulSet rabbitmq successful', firstAgo: 14, lastAgo: 14, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'rabbitmq', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod rabbitmq-2 in StatefulSet rabbitmq successful', firstAgo: 13.6, lastAgo: 13.6, component: 'statefulset-controller' }),
      ...startedNormally(r2, 'rabbitmq', image, 13.6),
      ...restartedAgain(r2, 'rabbitmq', image, { count: 2, firstAgo: 8.3, lastAgo: 2.8 }),
      probeFailed(r2, 'rabbitmq', 'Readiness', notBooted.slice('Readiness probe failed: '.length), { count: 26, firstAgo: 13.3, lastAgo: 0.3 }),
      backOff(r2, 'rabbitmq', { count: 2, firstAgo: 3.1, lastAgo: 3.0 }),
    ],
    logs: [
      logsFor(r0, 'rabbitmq', { current: rejected(0) }),
      logsFor(r1, 'rabbitmq', { current: rejected(1) }),
      logsFor(r2, 'rabbitmq', { current: lines(...bootHeader(2.8), ...waits(2.8, 5)), previous: lines(...bootHeader(8.3), ...waits(8.3, 10), ...bootFailed(3.15)) }),
      ...consumer.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(0.8)}","level":"INFO","msg":"consumed","queue":"order-events","delivery_tag":88213,"ack":true}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/cookie/i, /rabbitmq-2/],
      facts: [/Invalid challenge reply/i, /secret|checksum|revision 7|helm/i],
      never: [/\bOOM/, /force_boot|reset (the )?(node|data)|delete (the )?(pvc|claim|volume)/i, /disk (full|pressure)/i],
    },
  };
}

// ---- 4. Python 3.12 base image: distutils is gone -------------------------------------------------

function python312DistutilsRemoved(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.88', ['19', '141', '230']);
  const image = (v: string) => `${ECR}/analytics/report-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      command: ['gunicorn'],
      args: ['--bind', '0.0.0.0:8000', '--workers', '3', '--timeout', '60', 'reports.wsgi:application'],
      ports: [8000],
      cpu: '500m',
      memory: '768Mi',
      env: [{ name: 'REPORTS_CACHE_ENABLED', value: 'true' }, { name: 'DATABASE_URL', value: 'postgresql://reports@analytics-pg.analytics.svc.cluster.local:5432/reports' }],
      readiness: httpProbe('/health/ready', 8000),
      liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 15 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'report-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 18, createdAgo: 11 * DAYS, changeCause: 'argocd: report-api 5.2.0', template: tpl('5.2.0') },
      { revision: 19, createdAgo: 24, changeCause: 'argocd: report-api 5.2.1 (renovate: update python docker tag to v3.12)', template: tpl('5.2.1') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
      { revision: 19, node: names[1] ?? '', createdAgo: 23.8, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 2.2, ranSeconds: 2 }, 9) } },
    ],
  });
  const crash = podOf(app, 3);
  const other = bystander(ns, 'report-scheduler', names, 2 * DAYS, { revisions: [6, 7], versions: ['1.8.3', '1.9.0'], olderAgo: 30 * DAYS });
  const boot = (t: number, pid: number) => lines(
    `${gunicornTime(t)} [1] [INFO] Starting gunicorn 23.0.0`,
    `${gunicornTime(t)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `${gunicornTime(t)} [1] [INFO] Using worker: sync`,
    `${gunicornTime(t)} [${pid}] [INFO] Booting worker with pid: ${pid}`,
    `${gunicornTime(t)} [${pid + 1}] [INFO] Booting worker with pid: ${pid + 1}`,
    `${gunicornTime(t)} [${pid + 2}] [INFO] Booting worker with pid: ${pid + 2}`,
    `${gunicornTime(t - 0.01)} [${pid}] [ERROR] Exception in worker process`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py", line 608, in spawn_worker',
    '    worker.init_process()',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/base.py", line 135, in init_process',
    '    self.load_wsgi()',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/base.py", line 147, in load_wsgi',
    '    self.wsgi = self.app.wsgi()',
    '                ^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/app/base.py", line 66, in wsgi',
    '    self.callable = self.load()',
    '                    ^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/app/wsgiapp.py", line 57, in load',
    '    return self.load_wsgiapp()',
    '           ^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/app/wsgiapp.py", line 47, in load_wsgiapp',
    '    return util.import_app(self.app_uri)',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/util.py", line 370, in import_app',
    '    mod = importlib.import_module(module)',
    '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/importlib/__init__.py", line 90, in import_module',
    '    return _bootstrap._gcd_import(name[level:], package, level)',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "<frozen importlib._bootstrap>", line 1387, in _gcd_import',
    '  File "<frozen importlib._bootstrap>", line 1360, in _find_and_load',
    '  File "<frozen importlib._bootstrap>", line 1331, in _find_and_load_unlocked',
    '  File "<frozen importlib._bootstrap>", line 935, in _load_unlocked',
    '  File "<frozen importlib._bootstrap_external>", line 995, in exec_module',
    '  File "<frozen importlib._bootstrap>", line 488, in _call_with_frames_removed',
    '  File "/app/reports/wsgi.py", line 5, in <module>',
    '    from reports.app import create_app',
    '  File "/app/reports/app.py", line 9, in <module>',
    '    from reports.settings import Settings',
    '  File "/app/reports/settings.py", line 4, in <module>',
    '    from distutils.util import strtobool',
    "ModuleNotFoundError: No module named 'distutils'",
    `${gunicornTime(t - 0.01)} [${pid}] [INFO] Worker exiting (pid: ${pid})`,
    `${gunicornTime(t - 0.02)} [1] [ERROR] Worker (pid:${pid}) exited with code 3`,
    `${gunicornTime(t - 0.02)} [1] [ERROR] Shutting down: Master`,
    `${gunicornTime(t - 0.02)} [1] [ERROR] Reason: Worker failed to boot.`,
  );
  const access = (k: number) => lines(
    `10.0.${[17, 90, 141][k]}.${33 + k} - - [21/Nov/2026:03:12:${10 + k * 7} +0000] "GET /v1/reports/weekly-revenue?region=emea HTTP/1.1" 200 18233 "-" "dashboard/4.1"`,
    `10.0.${[17, 90, 141][k]}.${71 + k} - - [21/Nov/2026:03:13:${20 + k * 9} +0000] "GET /v1/reports/churn?cohort=2026-10 HTTP/1.1" 200 5512 "-" "dashboard/4.1"`,
  );
  return {
    id: 'heldout107-python312-distutils-removed',
    class: 'containers',
    truth: 'Revision 19 of report-api (5.2.1, 24 minutes ago) is a Renovate bump of the base image from python 3.11 to 3.12. Python 3.12 removed the distutils module (PEP 632), and reports/settings.py still does `from distutils.util import strtobool`, so every gunicorn worker fails to import the app with "ModuleNotFoundError: No module named \'distutils\'", gunicorn exits with code 3 ("Worker failed to boot") and the new pod crash-loops; the rollout is stuck with the three revision-18 pods still serving. Fix: replace strtobool (or pin the 3.11 base image / add setuptools) and roll forward, or roll back to revision 18 meanwhile.',
    ask: { service: 'report-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: app.pods, endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 24),
      scheduled(crash, 23.8),
      event({ on: crash, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('5.2.1')}"`, firstAgo: 23.7, lastAgo: 23.7, fieldPath: 'spec.containers{app}' }),
      event({ on: crash, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('5.2.1')}" in 6.81s (6.81s including waiting). Image size: 198412263 bytes.`, firstAgo: 23.6, lastAgo: 23.6, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(crash, 'app', image('5.2.1'), { count: 9, firstAgo: 23.6, lastAgo: 2.25 }),
      backOff(crash, 'app', { count: 104, firstAgo: 23.4 }),
    ],
    logs: [
      logsFor(crash, 'app', { previous: boot(2.22, 7) }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: access(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/distutils/i],
      facts: [/3\.12/, /revision 19|\b19\b|5\.2\.1/i, /ModuleNotFoundError|No module named/i],
      never: [/\bOOM/, /ImagePull|pull(ing)? (the )?image fail/i],
    },
  };
}

// ---- 5. gRPC clients pinned to the old pods through the ClusterIP after a scale-out ----------------

function grpcConnectionsPinnedAfterScaleOut(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.152', ['12', '99', '187']);
  const image = `${ECR}/search/ranking:7.3.2`;
  const tpl = {
    containers: [container({
      image,
      ports: [{ name: 'grpc', containerPort: 9090 }, { name: 'metrics', containerPort: 9102 }],
      cpu: '1',
      cpuLimit: '2',
      memory: '2Gi',
      env: [{ name: 'MODEL_PATH', value: '/models/ltr-2026-11-12.bin' }, { name: 'GOMAXPROCS', value: '2' }],
      readiness: { grpc: { port: 9090, service: '' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      liveness: { grpc: { port: 9090, service: '' }, initialDelaySeconds: 20, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    })],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'ranking',
    replicas: 7,
    revisions: [{ revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: ranking 7.3.2', template: tpl }],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      ...[0, 1, 2, 3].map((k) => ({ revision: 12, node: names[(k + 1) % 3] ?? '', createdAgo: 21.5 - k * 0.1 })),
    ],
    settled: { available: true, availableSince: 9 * DAYS - 3, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 3 },
  });
  const feImage = `${ECR}/search/search-frontend:4.18.0`;
  const frontend = deploymentApp({
    namespace: ns,
    name: 'search-frontend',
    replicas: 3,
    revisions: [{ revision: 33, createdAgo: 9 * DAYS + 50, changeCause: 'argocd: search-frontend 4.18.0', template: { containers: [container({ image: feImage, ports: [8080], env: [{ name: 'RANKING_ADDR', value: 'ranking.search.svc.cluster.local:9090' }, { name: 'RANKING_DEADLINE', value: '300ms' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 33, node: names[k] ?? '', createdAgo: 9 * DAYS + 49 - k })),
  });
  const svc = service({ namespace: ns, name: 'ranking', selector: { app: 'ranking' }, ports: [{ name: 'grpc', port: 9090, targetPort: 'grpc' }], createdAgo: 400 * DAYS });
  const scaler = hpa({ namespace: ns, name: 'ranking', target: { kind: 'Deployment', name: 'ranking' }, min: 3, max: 12, current: 7, desired: 7, cpu: { current: 57, target: 60, averageValue: '571m' }, lastScaleAgo: 22 });
  const old = (k: number) => {
    const out: string[] = [`{"level":"info","ts":"${at(9 * DAYS - k - 0.3)}","caller":"server/main.go:71","msg":"model loaded","path":"/models/ltr-2026-11-12.bin","features":412,"trees":1800}`];
    for (let i = 0; i < 12; i++) {
      const t = 11 - i;
      out.push(`{"level":"info","ts":"${at(t)}","caller":"server/stats.go:44","msg":"stats","window":"60s","rpcs":${24100 + i * 410 + k * 377},"in_flight":${180 + i * 9 + k * 4},"p50_ms":${118 + i * 6},"p99_ms":${640 + i * 31},"cpu_throttled_pct":${61 + (i % 4)},"conns":${k === 2 ? 1 : 1}}`);
      if (i % 2 === 0) out.push(`{"level":"warn","ts":"${at(t - 0.3)}","caller":"server/rank.go:118","msg":"deadline exceeded before scoring finished","method":"/ranking.v1.Ranker/Rank","candidates":${300 + i * 10},"elapsed_ms":${302 + i}}`);
    }
    return lines(...out);
  };
  const fresh = (k: number) => {
    const out: string[] = [
      `{"level":"info","ts":"${at(21.3 - k * 0.1)}","caller":"server/main.go:71","msg":"model loaded","path":"/models/ltr-2026-11-12.bin","features":412,"trees":1800}`,
      `{"level":"info","ts":"${at(21.2 - k * 0.1)}","caller":"server/main.go:88","msg":"serving gRPC","addr":":9090"}`,
    ];
    for (let i = 0; i < 12; i++) out.push(`{"level":"info","ts":"${at(11 - i)}","caller":"server/stats.go:44","msg":"stats","window":"60s","rpcs":0,"in_flight":0,"p50_ms":0,"p99_ms":0,"cpu_throttled_pct":0,"conns":0}`);
    return lines(...out);
  };
  const fe = (k: number) => {
    const out: string[] = [`{"level":"info","ts":"${at(9 * DAYS + 48 - k)}","msg":"ranking client dialed","target":"ranking.search.svc.cluster.local:9090","balancer":"pick_first"}`];
    for (let i = 0; i < 10; i++) out.push(`{"level":"error","ts":"${at(9.5 - i * 0.9 - k * 0.05)}","msg":"rank failed, serving unranked results","query_id":"q-${hex(i * 5 + k, 10)}","error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded","deadline":"300ms"}`);
    return lines(...out);
  };
  return {
    id: 'heldout107-grpc-connections-pinned-after-scale-out',
    class: 'network',
    truth: 'search-frontend dials ranking through its ClusterIP Service with gRPC\'s default pick_first balancer, so each frontend pod holds one long-lived HTTP/2 connection and kube-proxy, which balances per connection, pinned all three of them to the three ranking pods that existed nine days ago. When the evening peak came, the HPA scaled ranking from 3 to 7 (22 minutes ago), but the four new pods receive no RPCs (rpcs 0, conns 0) while the three old ones are CPU-throttled and miss the 300 ms deadline, so the frontend serves unranked results. Fix: balance per request (a headless Service with dns:/// and round_robin, a server MaxConnectionAge, or a mesh) and recycle the frontend connections; more replicas alone do not help.',
    ask: { service: 'ranking', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...frontend.objects, scaler, svc, endpointSliceFor(svc, app.pods, 9090),
      ...exposed({ namespace: ns, name: 'search-frontend', selector: { app: 'search-frontend' }, pods: frontend.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'ranking', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 7; reason: cpu resource utilization (percentage of request) above target', firstAgo: 22, lastAgo: 22, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 7, 3, 22),
      ...app.pods.slice(3).flatMap((p) => startedNormally(p, 'app', image, 21.5)),
    ],
    logs: [
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: old(k) })),
      ...app.pods.slice(3).map((p, k) => logsFor(p, 'app', { current: fresh(k) })),
      ...frontend.pods.map((p, k) => logsFor(p, 'app', { current: fe(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/grpc|http\/2|long-lived|persistent|pinned|connection[- ]level|per[- ]connection|(load[- ]?)?balanc/i],
      facts: [/rpcs"?:? ?0|no (rpcs|traffic|requests)|idle|receive nothing|zero (traffic|requests|rpcs)/i, /headless|round.?robin|MaxConnectionAge|client[- ]side|mesh/i, /DeadlineExceeded|deadline/i],
      never: [/\bOOM/, /(HPA|autoscaler)[^\n]*(at|reached|hit) (its )?max/i, /roll ?back/i],
    },
  };
}

// ---- 6. a CronJob's Job kept Running by an injected istio-proxy sidecar ----------------------------

function cronJobIstioSidecarNeverExits(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.64', ['21', '130', '244']);
  const image = `${ECR}/finance/ledger-export:2.6.0`;
  const proxyImage = 'docker.io/istio/proxyv2:1.22.6';
  const exportC = batchContainer({
    name: 'export',
    image,
    args: ['export', '--since=1h', '--dest=s3://acme-finance-exports/ledger/'],
    cpu: '250m',
    memory: '512Mi',
    env: [{ name: 'LEDGER_DB_HOST', value: 'ledger-pg.finance.svc.cluster.local' }, { name: 'AWS_REGION', value: 'eu-west-1' }],
  });
  const injectedAt = 3 * DAYS - 26;
  const hungAt = 3 * DAYS - 61;
  const cj = cronJob({
    namespace: ns,
    name: 'ledger-export',
    schedule: '15 * * * *',
    template: { containers: [exportC], serviceAccountName: 'ledger-export' },
    backoffLimit: 2,
    createdAgo: 300 * DAYS,
    lastSuccessfulAgo: 3 * DAYS + 1 - 3.2,
    jobs: [
      ...[121, 61, 1].map((m) => ({ createdAgo: 3 * DAYS + m, pods: [{ node: names[m % 3] ?? '', createdAgo: 3 * DAYS + m, phase: 'Succeeded' as const, containers: { export: terminated({ exitCode: 0, reason: 'Completed', finishedAgo: 3 * DAYS + m - 3.1, ranSeconds: 180 }) } }], outcome: { complete: true as const, ago: 3 * DAYS + m - 3.2 } })),
      { createdAgo: hungAt, pods: [{ node: names[1] ?? '', createdAgo: hungAt, containers: { export: terminated({ exitCode: 0, reason: 'Completed', finishedAgo: hungAt - 3.3, ranSeconds: 186 }) } }] },
    ],
  });
  const hungJob = cj.jobs[3];
  const hung = hungJob?.pods[0];
  if (hung === undefined) throw new Error('no hung pod');
  // What the istio sidecar injector added at admission: istio-init, the istio-proxy container, its annotation and labels.
  const proxy = container({
    name: 'istio-proxy', image: proxyImage, args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local', '--proxyLogLevel=warning', '--log_output_level=default:info'],
    ports: [{ name: 'http-envoy-prom', containerPort: 15090 }], cpu: '100m', memory: '128Mi', memoryLimit: '1Gi',
    readiness: httpProbe('/healthz/ready', 15021, { initialDelaySeconds: 1, periodSeconds: 2, failureThreshold: 30 }), liveness: null,
    securityContext: { runAsUser: 1337, runAsGroup: 1337, runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
  });
  const init = batchContainer({ name: 'istio-init', image: proxyImage, args: ['istio-iptables', '-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15090,15021,15020', '--log_output_level=default:info'], cpu: '100m', memory: '128Mi', memoryLimit: '1Gi', securityContext: { runAsUser: 0, runAsNonRoot: false, capabilities: { add: ['NET_ADMIN', 'NET_RAW'], drop: ['ALL'] } } });
  hung.metadata = {
    ...hung.metadata,
    labels: { ...hung.metadata?.labels, 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': 'ledger-export', 'service.istio.io/canonical-revision': 'latest' },
    annotations: { ...hung.metadata?.annotations, 'istio.io/rev': 'default', 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["workload-socket","credential-socket","workload-certs","istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"imagePullSecrets":null,"revision":"default"}' },
  };
  if (hung.spec) hung.spec = { ...hung.spec, initContainers: [init], containers: [...hung.spec.containers, proxy] };
  if (hung.status) {
    hung.status.containerStatuses = [...(hung.status.containerStatuses ?? []), containerStatus(proxy, running({ sinceAgo: hungAt - 0.2 }), `${ns}/${nameOf(hung)}`)];
    hung.status.initContainerStatuses = [containerStatus(init, terminated({ exitCode: 0, reason: 'Completed', finishedAgo: hungAt - 0.1, ranSeconds: 1 }), `${ns}/${nameOf(hung)}/init`)];
  }
  const nsObj = namespace({ name: ns, createdAgo: 500 * DAYS, labels: { 'istio-injection': 'enabled', team: 'finance' }, labelledAgo: injectedAt });
  const api = bystander(ns, 'ledger-api', names, 3 * DAYS - 30, { revisions: [51, 52], versions: ['9.1.4', '9.1.4'], olderAgo: 12 * DAYS });
  const cronRef = cj.objects[0] ?? {};
  return {
    id: 'heldout107-cronjob-istio-sidecar-never-exits',
    class: 'jobs',
    truth: 'Three days ago the finance namespace was labelled istio-injection=enabled (and ledger-api restarted into the mesh). The next hourly run of the ledger-export CronJob got an injected istio-proxy sidecar: its export container finished the export and exited 0 three minutes later, but istio-proxy never exits, so the pod stays Running and the Job never completes. Because the CronJob\'s concurrencyPolicy is Forbid, every scheduled run since has been skipped ("Not starting job because prior execution is running"), so no ledger export has run for three days. Fix: exclude the job from injection (sidecar.istio.io/inject: "false") or use native sidecars / quit the proxy at the end, then delete the stuck Job.',
    ask: { service: 'ledger-export', namespace: ns },
    objects: [
      ...nodes, nsObj, ...cj.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      { ...cronJobEvent(cronRef, 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', 59), count: 70, firstTimestamp: ago(hungAt - 60) } as KubeJson,
    ],
    logs: [
      logsFor(hung, 'export', { current: lines(
        `${pyTime(hungAt - 0.2)} INFO ledger_export.main: starting export window=2026-11-18T03:15:00Z..2026-11-18T04:15:00Z`,
        `${pyTime(hungAt - 0.3)} INFO ledger_export.db: connected to ledger-pg.finance.svc.cluster.local:5432/ledger`,
        `${pyTime(hungAt - 2.9)} INFO ledger_export.writer: wrote 48213 rows to s3://acme-finance-exports/ledger/2026-11-18T04.csv.gz (11.2 MiB)`,
        `${pyTime(hungAt - 3.3)} INFO ledger_export.main: export finished in 186.4s, exiting`,
      ) }),
      logsFor(hung, 'istio-proxy', { current: lines(
        `${at(hungAt - 0.2)}\tinfo\tFLAG: --concurrency="2"`,
        `${at(hungAt - 0.2)}\tinfo\tVersion 1.22.6-2f0b2a1d2c6e8e4b9a0a5c7f3d1e8b6a4c2d0f9e-Clean`,
        `${at(hungAt - 0.21)}\tinfo\txdsproxy\tInitializing with upstream address "istiod.istio-system.svc:15012" and cluster "Kubernetes"`,
        `${at(hungAt - 0.22)}\tinfo\tcache\tgenerated new workload certificate\tlatency=41.8ms ttl=23h59m59.1s`,
        `${at(hungAt - 0.23)}\tinfo\tReadiness succeeded in 1.08s`,
        `${at(hungAt - 0.23)}\tinfo\tEnvoy proxy is ready`,
        `${at(hungAt - 33)}\tinfo\txdsproxy\tconnected to delta upstream XDS server: istiod.istio-system.svc:15012\tid=2`,
        `${at(2 * DAYS)}\tinfo\tcache\tgenerated new workload certificate\tlatency=37.2ms ttl=23h59m59.2s`,
        `${at(1 * DAYS)}\tinfo\tcache\tgenerated new workload certificate\tlatency=35.9ms ttl=23h59m59.0s`,
        `${at(27)}\tinfo\txdsproxy\tconnected to delta upstream XDS server: istiod.istio-system.svc:15012\tid=97`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/istio|sidecar|proxy/i],
      facts: [/Forbid|JobAlreadyActive|prior execution|not starting|skipp/i, /istio-injection|inject/i, /exit(ed)? (with )?(code )?0|Completed|completed|finished/i],
      never: [/\bOOM/, /backoff ?limit/i, /CronJob (is )?suspended/i],
    },
  };
}

// ---- healthy control: crash-looped five hours ago during a Redis failover, stable since -----------

function healthyCrashLoopedFiveHoursAgo(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.176', ['33', '148', '219']);
  const image = `${ECR}/payments/fraud-scorer:3.14.2`;
  const app = deploymentApp({
    namespace: ns,
    name: 'fraud-scorer',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 19 * DAYS, changeCause: 'argocd: fraud-scorer 3.14.1', template: { containers: [container({ image: `${ECR}/payments/fraud-scorer:3.14.1`, env: [{ name: 'REDIS_ADDR', value: 'fraud-redis.payments.svc.cluster.local:6379' }] })] } },
      { revision: 22, createdAgo: 6 * DAYS, changeCause: 'argocd: fraud-scorer 3.14.2', template: { containers: [container({ image, env: [{ name: 'REDIS_ADDR', value: 'fraud-redis.payments.svc.cluster.local:6379' }] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({
      revision: 22,
      node: names[k] ?? '',
      createdAgo: 6 * DAYS - k,
      containers: { app: running({ sinceAgo: 5 * HOURS - 4 - k * 0.4, restarts: 4 + (k % 2), last: { exitCode: 1, finishedAgo: 5 * HOURS - 3.8 - k * 0.4, ranSeconds: 12 } }) },
    })),
    settled: { available: true, availableSince: 5 * HOURS - 5, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const other = bystander(ns, 'payment-gateway', names, 2 * DAYS, { revisions: [88, 89], versions: ['12.0.3', '12.0.4'], olderAgo: 9 * DAYS });
  const prev = (k: number) => lines(
    `{"level":"info","ts":"${at(5 * HOURS - 3.6 - k * 0.4)}","msg":"starting fraud-scorer","version":"3.14.2"}`,
    `{"level":"error","ts":"${at(5 * HOURS - 3.8 - k * 0.4)}","msg":"redis ping failed","addr":"fraud-redis.payments.svc.cluster.local:6379","error":"dial tcp 172.20.31.118:6379: connect: connection refused"}`,
    `{"level":"fatal","ts":"${at(5 * HOURS - 3.8 - k * 0.4)}","msg":"cannot start without feature store","error":"dial tcp 172.20.31.118:6379: connect: connection refused"}`,
  );
  const cur = (k: number) => lines(
    `{"level":"info","ts":"${at(5 * HOURS - 4 - k * 0.4)}","msg":"starting fraud-scorer","version":"3.14.2"}`,
    `{"level":"info","ts":"${at(5 * HOURS - 4.1 - k * 0.4)}","msg":"feature store connected","addr":"fraud-redis.payments.svc.cluster.local:6379"}`,
    `{"level":"info","ts":"${at(1.3)}","msg":"scored","txn":"tx_${hex(k + 3, 12)}","score":0.0${3 + k},"dur_ms":${4 + k}}`,
    `{"level":"info","ts":"${at(0.4)}","msg":"scored","txn":"tx_${hex(k + 9, 12)}","score":0.1${k},"dur_ms":${5 + k}}`,
  );
  return {
    id: 'heldout107-healthy-crashloop-five-hours-ago',
    class: 'healthy',
    truth: 'Five hours ago the fraud-redis instance failed over for maintenance; fraud-scorer refuses to start without its feature store, so its three pods crash-looped (exit 1, connection refused) for a few minutes and restarted 4–5 times. Redis came back, every pod has been running and ready for five hours since, serving normally; the restart counts and the old BackOff events are history, nothing needs doing.',
    ask: { service: 'fraud-scorer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'fraud-scorer', selector: { app: 'fraud-scorer' }, pods: app.pods }),
      ...app.pods.flatMap((p, k) => [
        backOff(p, 'app', { count: 6 + k, firstAgo: 5 * HOURS + 2, lastAgo: 5 * HOURS - 3.5 - k * 0.4 }),
        ...restartedAgain(p, 'app', image, { count: 4 + (k % 2), firstAgo: 5 * HOURS + 3, lastAgo: 5 * HOURS - 4 - k * 0.4 }),
      ]),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: cur(k), previous: prev(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|stable|no (current |active )?(problem|issue)|running|recovered|fine/i],
      facts: [/restart/i],
      never: [/is crash ?looping|currently crash|crash ?looping now/i, /roll ?back/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  pumaThreadsAboveActiveRecordPool(),
  ephemeralPortExhaustionNoKeepAlive(),
  rabbitmqErlangCookieMismatch(),
  python312DistutilsRemoved(),
  grpcConnectionsPinnedAfterScaleOut(),
  cronJobIstioSidecarNeverExits(),
  healthyCrashLoopedFiveHoursAgo(),
];
