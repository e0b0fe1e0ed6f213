// Held-out stories, thirty-ninth round, part one: a Rails API whose new revision raised Puma's
// RAILS_MAX_THREADS to 16 while database.yml (a ConfigMap) keeps `pool: 5`, so requests wait 5 s
// and fail with ActiveRecord::ConnectionTimeoutError; a Cassandra-backed dispatcher whose
// queue-like table piled up tombstones (deletes kept for gc_grace_seconds) until reads scan over
// the 100000 tombstone_failure_threshold and abort; an Elasticsearch indexer scaled by hand from
// 2 to 12 replicas whose bulk requests the write thread pools reject with 429; a NATS consumer
// whose new revision handles messages on one worker, so it falls behind and is cut as a slow
// consumer; a .NET service whose new revision caps the GC heap at 100 MB (DOTNET_GCHeapHardLimit)
// under a 1Gi limit and aborts with System.OutOfMemoryException (exit 134); an API whose
// transfers die with Postgres "deadlock detected" since ANOTHER Deployment (the balance
// reconciler) rolled out a revision that locks the same rows in another order; and a healthy
// control: a JVM on ParallelGC whose GC log prints "Pause Young (Allocation Failure)".
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, boundClaim, configMap, container, crashLoop, deploymentApp, event, exposed, httpProbe,
  ago, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, statefulSetApp, tcpProbe, uidOf, execProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** A deterministic hex string of `n` characters. */
const hex = (seed: string, n: number): string => uidOf(seed).replace(/-/g, '').slice(0, n);
/** Ruby Logger's time: `2026-11-21T03:12:41.563201`. */
const rubyTime = (m: number): string => `${at(m).slice(0, 23)}${String(Math.round(m * 977) % 1000).padStart(3, '0')}`;
/** nats-server's time: `2026/11/21 03:12:41.563201`. */
const natsTime = (m: number): string => `${at(m).slice(0, 23).replace('T', ' ').replace(/-/g, '/')}${String(Math.round(m * 631) % 1000).padStart(3, '0')}`;
/** `t` moved back by a deterministic fraction of a second, so log times are not all whole seconds. */
const jit = (t: number, seed: number): number => t - ((seed * 7919) % 997) / 60000;
/** Postgres' `%m`: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (m: number): string => at(m).replace('T', ' ').replace('Z', ' UTC');

/** The ScalingReplicaSet events of a rolling update of `n` replicas, one pod at a time, from `atAgo`. */
function rolloutEvents(dep: KubeJson, newRs: string, oldRs: string, n: number, atAgo: number): k8s.CoreV1Event[] {
  const out: k8s.CoreV1Event[] = [];
  for (let i = 1; i <= n; i++) {
    const t = atAgo - (i - 1) * 0.6;
    out.push(scaledReplicaSet(dep, newRs, i, i - 1, t), scaledReplicaSet(dep, oldRs, n - i, n - i + 1, t - 0.4));
  }
  return out;
}

// ---- 1. Puma threads raised to 16, ActiveRecord pool still 5 ------------------------------------

function railsPoolSmallerThanPumaThreads(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.44', ['19', '140', '233']);
  const image = `${ECR}/storefront/orders-api:2026.11.18-3f9e1c2`;
  const databaseYml = [
    '# Managed by the storefront Helm chart (charts/orders-api/files/database.yml).',
    'default: &default',
    '  adapter: postgresql',
    '  encoding: unicode',
    '  pool: 5',
    '  checkout_timeout: 5',
    '  prepared_statements: false',
    '  url: <%= ENV["DATABASE_URL"] %>',
    '',
    'production:',
    '  <<: *default',
    '',
  ].join('\n');
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
        { name: 'DATABASE_URL', value: 'postgres://orders_app@orders-db.cluster-c1m8x2kq7w.eu-west-1.rds.amazonaws.com:5432/orders?sslmode=require' },
      ],
      readiness: httpProbe('/up', 3000, { timeoutSeconds: 1 }),
      liveness: httpProbe('/up', 3000, { initialDelaySeconds: 20, timeoutSeconds: 5, failureThreshold: 6 }),
      volumeMounts: [{ name: 'database-config', mountPath: '/rails/config/database.yml', subPath: 'database.yml', readOnly: true }],
    })],
    volumes: [{ name: 'database-config', configMap: { name: 'orders-api-database', defaultMode: 420 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 4,
    revisions: [
      { revision: 57, createdAgo: 11 * DAYS, changeCause: 'argocd: orders-api 2026.11.10-81c0a7d', template: tpl('5') },
      { revision: 58, createdAgo: 49, changeCause: 'argocd: orders-api values (puma tuning for the holiday peak)', template: tpl('16') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 58, node: names[k % 3] ?? '', createdAgo: 49 - k * 0.6 })),
    settled: { available: true, availableSince: 46.5, progressingSince: 49, progressingUpdatedAgo: 46.5 },
  });
  // The Sidekiq worker shares the database and the ConfigMap: concurrency 5 with pool 5, and its jobs run fine.
  const sidekiqImage = image;
  const worker = deploymentApp({
    namespace: ns,
    name: 'orders-sidekiq',
    replicas: 2,
    revisions: [{
      revision: 44,
      createdAgo: 11 * DAYS,
      changeCause: 'argocd: orders-api 2026.11.10-81c0a7d',
      template: {
        containers: [container({
          name: 'sidekiq', image: sidekiqImage, command: ['bundle', 'exec', 'sidekiq', '-C', 'config/sidekiq.yml'], ports: [], cpu: '500m', memory: '1Gi',
          env: [{ name: 'RAILS_ENV', value: 'production' }, { name: 'SIDEKIQ_CONCURRENCY', value: '5' }, { name: 'REDIS_URL', value: 'redis://orders-redis.storefront.svc.cluster.local:6379/0' }, { name: 'DATABASE_URL', value: 'postgres://orders_app@orders-db.cluster-c1m8x2kq7w.eu-west-1.rds.amazonaws.com:5432/orders?sslmode=require' }],
          readiness: null, liveness: execProbe(['sh', '-c', 'test -f /tmp/sidekiq_alive'], { periodSeconds: 30 }),
          volumeMounts: [{ name: 'database-config', mountPath: '/rails/config/database.yml', subPath: 'database.yml', readOnly: true }],
        })],
        volumes: [{ name: 'database-config', configMap: { name: 'orders-api-database', defaultMode: 420 } }],
      },
    }],
    pods: [0, 1].map((k) => ({ revision: 44, node: names[(k + 1) % 3] ?? '', createdAgo: 11 * DAYS - k })),
  });
  const other = bystander(ns, 'storefront-web', names, 3 * HOURS + 5, { revisions: [212, 213], versions: ['7.40.1', '7.41.0'], olderAgo: 4 * DAYS });
  const paths = ['GET "/api/v1/orders/4471209"', 'POST "/api/v1/orders"', 'GET "/api/v1/orders?customer_id=88102&page=1"', 'PATCH "/api/v1/orders/4470988/cancel"', 'GET "/api/v1/carts/c_9f2k1m"', 'POST "/api/v1/carts/c_7d1x0q/items"'];
  const actions = ['Api::V1::OrdersController#show', 'Api::V1::OrdersController#create', 'Api::V1::OrdersController#index', 'Api::V1::OrdersController#cancel', 'Api::V1::CartsController#show', 'Api::V1::CartItemsController#create'];
  const clients = ['10.0.44.201', '10.0.140.17', '10.0.233.88'];
  const railsLog = (k: number): string => {
    const start = 48.5 - k * 0.6;
    const out: string[] = [
      `=> Booting Puma`,
      `=> Rails 7.1.4 application starting in production`,
      `=> Run \`bin/rails server --help\` for more startup options`,
      `[1] Puma starting in cluster mode...`,
      `[1] * Puma version: 6.4.3 (ruby 3.3.5-p100) ("The Eagle of Durango")`,
      `[1] *  Min threads: 16`,
      `[1] *  Max threads: 16`,
      `[1] *  Environment: production`,
      `[1] *   Master PID: 1`,
      `[1] *      Workers: 2`,
      `[1] *     Restarts: (✔) hot (✖) phased`,
      `[1] * Preloading application`,
      `[1] * Listening on http://0.0.0.0:3000`,
      `[1] Use Ctrl-C to stop`,
      `[1] - Worker 0 (PID: 14) booted in 0.02s, phase: 0`,
      `[1] - Worker 1 (PID: 19) booted in 0.02s, phase: 0`,
    ];
    for (let i = 0; i < 34; i++) {
      const t = jit(start - 1.5 - i * 1.35, i * 31 + k);
      if (t < 0.1) break;
      const pid = i % 2 === 0 ? 14 : 19;
      const r = `${hex(`orders/${k}/${i}`, 8)}-${hex(`orders/${k}/${i}/b`, 4)}-${hex(`orders/${k}/${i}/c`, 4)}-${hex(`orders/${k}/${i}/d`, 4)}-${hex(`orders/${k}/${i}/e`, 12)}`;
      const p = (i * 7 + k) % paths.length;
      const when = at(t).slice(0, 19).replace('T', ' ') + ' +0000';
      out.push(`I, [${rubyTime(t)} #${pid}]  INFO -- : [${r}] Started ${paths[p]} for ${clients[(i + k) % 3]} at ${when}`);
      out.push(`I, [${rubyTime(t)} #${pid}]  INFO -- : [${r}] Processing by ${actions[p]} as JSON`);
      // Most requests still get a connection; the ones that queue behind the 5 checked-out connections wait 5 s and fail.
      if (i % 3 !== 1) {
        out.push(`I, [${rubyTime(t - 0.001)} #${pid}]  INFO -- : [${r}] Completed 200 OK in ${31 + ((i * 37 + k * 11) % 90)}ms (Views: ${(0.4 + (i % 5) * 0.3).toFixed(1)}ms | ActiveRecord: ${(2.1 + ((i * 13) % 17) * 0.7).toFixed(1)}ms | Allocations: ${4100 + i * 97})`);
      } else {
        const tf = t - 5.004 / 60;
        out.push(`I, [${rubyTime(tf)} #${pid}]  INFO -- : [${r}] Completed 500 Internal Server Error in ${5003 + (i % 4)}ms (ActiveRecord: 0.0ms | Allocations: ${2200 + i * 11})`);
        out.push(`F, [${rubyTime(tf)} #${pid}] FATAL -- : [${r}]   `);
        out.push(`[${r}] ActiveRecord::ConnectionTimeoutError (could not obtain a connection from the pool within 5.000 seconds (waited 5.00${2 + (i % 7)} seconds); all pooled connections were in use):`);
        out.push(`[${r}]   `);
        out.push(`[${r}] activerecord (7.1.4) lib/active_record/connection_adapters/abstract/connection_pool/queue.rb:128:in \`block in wait_poll'`);
        out.push(`[${r}] activerecord (7.1.4) lib/active_record/connection_adapters/abstract/connection_pool/queue.rb:118:in \`loop'`);
        out.push(`[${r}] activerecord (7.1.4) lib/active_record/connection_adapters/abstract/connection_pool/queue.rb:118:in \`wait_poll'`);
        out.push(`[${r}] activerecord (7.1.4) lib/active_record/connection_adapters/abstract/connection_pool.rb:792:in \`acquire_connection'`);
        out.push(`[${r}] activerecord (7.1.4) lib/active_record/connection_adapters/abstract/connection_pool.rb:339:in \`checkout'`);
        out.push(`[${r}] app/controllers/api/v1/${p === 4 ? 'carts' : p === 5 ? 'cart_items' : 'orders'}_controller.rb:${18 + p * 3}:in \`${['show', 'create', 'index', 'cancel', 'show', 'create'][p]}'`);
      }
    }
    return out.join('\n') + '\n';
  };
  const sidekiqLog = (k: number): string => {
    const out: string[] = [];
    const jobs = ['OrderConfirmationMailerJob', 'InventoryReservationJob', 'Webhooks::DeliverJob', 'OrderExportJob'];
    for (let i = 0; i < 14; i++) {
      const t = jit(12 - i * 0.85 - k * 0.1, i * 17 + k);
      const jid = hex(`jid/${k}/${i}`, 24);
      const tid = hex(`tid/${k}/${i % 5}`, 4);
      out.push(`${at(t)} pid=1 tid=${tid} class=${jobs[i % 4]} jid=${jid} INFO: start`);
      out.push(`${at(t - 0.004)} pid=1 tid=${tid} class=${jobs[i % 4]} jid=${jid} elapsed=${(0.08 + (i % 6) * 0.041).toFixed(3)} INFO: done`);
    }
    return out.join('\n') + '\n';
  };
  const dep = deploymentOf(app);
  return {
    id: 'heldout39-rails-pool-smaller-than-puma-threads',
    class: 'config',
    truth: 'orders-api revision 58 (49 minutes ago, a values-only change "puma tuning for the holiday peak") raised RAILS_MAX_THREADS from 5 to 16, so every Puma worker now runs 16 request threads. database.yml comes from the ConfigMap orders-api-database, which hard-codes `pool: 5` (instead of deriving it from RAILS_MAX_THREADS) and `checkout_timeout: 5`: up to 11 threads per worker wait for one of 5 ActiveRecord connections, and after 5 seconds raise ActiveRecord::ConnectionTimeoutError ("could not obtain a connection from the pool within 5.000 seconds … all pooled connections were in use"), answered as 500s; the slow /up probe times out now and then. The RDS database is healthy (successful requests spend a few ms in ActiveRecord, the Sidekiq worker on the same database is fine). Fix: roll back to revision 57 (RAILS_MAX_THREADS=5), or raise the pool to match the threads (pool: <%= ENV.fetch("RAILS_MAX_THREADS") %>) within the database\'s connection budget.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...worker.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'orders-api-database', createdAgo: 214 * DAYS, data: { 'database.yml': databaseYml } }),
      ...rolloutEvents(dep, rsOf(app, 58), rsOf(app, 57), 4, 49),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 213), 2, 0, 3 * HOURS + 5),
      ...app.pods.flatMap((p, k) => startedAt(p, 'app', image, 49 - k * 0.6)),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:3000/up": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 6 + k * 2, firstAgo: 44 - k, lastAgo: 2.5 + k * 1.5 })),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: railsLog(k) })),
      ...worker.pods.map((p, k) => logsFor(p, 'sidekiq', { current: sidekiqLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\bpool\b|ConnectionTimeoutError|connections?/i, /RAILS_MAX_THREADS|puma|threads?|revision 58/i],
      facts: [/RAILS_MAX_THREADS/, /pool: ?5|pool (size )?(of )?5\b|\b5 (pooled )?connections/i, /could not obtain a connection|ConnectionTimeoutError/, /orders-api-database|database\.yml/],
      never: [/\bOOM/, /database[^\n]*(down|unreachable|unavailable|overloaded)/i, /too many (clients|connections)|max_connections/i, /crash ?loop/i, /storefront-web/],
    },
  };
}

// ---- 2. Cassandra: a queue-like table full of tombstones ------------------------------------------

function cassandraTombstoneOverwhelming(): CorpusScenario {
  const ns = 'notify';
  const { nodes, names } = threeEksNodes('10.0.91', ['12', '166', '74']);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const cassImage = 'docker.io/library/cassandra:4.1.7';
  const cass = statefulSetApp({
    namespace: ns,
    name: 'cassandra',
    replicas: 3,
    serviceName: 'cassandra',
    createdAgo: 300 * DAYS,
    revisions: [{
      revision: 6,
      createdAgo: 62 * DAYS,
      template: {
        containers: [container({
          name: 'cassandra', image: cassImage, cpu: '2', memory: '8Gi',
          ports: [{ name: 'cql', containerPort: 9042 }, { name: 'intra-node', containerPort: 7000 }, { name: 'jmx', containerPort: 7199 }],
          env: [
            { name: 'MAX_HEAP_SIZE', value: '4G' }, { name: 'HEAP_NEWSIZE', value: '800M' },
            { name: 'CASSANDRA_CLUSTER_NAME', value: 'notify' }, { name: 'CASSANDRA_DC', value: 'eu-west-1' },
            { name: 'CASSANDRA_ENDPOINT_SNITCH', value: 'GossipingPropertyFileSnitch' },
            { name: 'CASSANDRA_SEEDS', value: 'cassandra-0.cassandra.notify.svc.cluster.local,cassandra-1.cassandra.notify.svc.cluster.local' },
          ],
          readiness: execProbe(['/bin/bash', '-c', 'nodetool status | grep -E "^UN\\s+${POD_IP}"'], { initialDelaySeconds: 15, timeoutSeconds: 5 }),
          liveness: tcpProbe(9042, { initialDelaySeconds: 90, periodSeconds: 30, timeoutSeconds: 5 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/cassandra' }, { name: 'config', mountPath: '/etc/cassandra/cassandra.yaml', subPath: 'cassandra.yaml' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'cassandra-config', defaultMode: 420 } }],
        terminationGracePeriodSeconds: 180,
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }],
    pods: [0, 1, 2].map((i) => ({ revision: 6, ordinal: i, node: names[i] ?? '', createdAgo: 20 * DAYS - i * 8 })),
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-cassandra-${i}`, storage: '500Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 300 * DAYS, labels: { app: 'cassandra' } }));
  const cassandraYaml = [
    'cluster_name: notify',
    'num_tokens: 16',
    'endpoint_snitch: GossipingPropertyFileSnitch',
    'read_request_timeout: 5000ms',
    'range_request_timeout: 10000ms',
    '# Warn above this many tombstones scanned by one query; abort the query above the failure threshold.',
    'tombstone_warn_threshold: 1000',
    'tombstone_failure_threshold: 100000',
    'compaction_throughput: 64MiB/s',
    'concurrent_reads: 32',
    'concurrent_writes: 32',
    '',
  ].join('\n');
  const schema = [
    'CREATE KEYSPACE IF NOT EXISTS notifications WITH replication = {\'class\': \'NetworkTopologyStrategy\', \'eu-west-1\': 3};',
    '',
    '-- One row per notification waiting to be sent; the dispatcher reads the oldest 200 of a shard,',
    '-- sends them and DELETEs each row it sent.',
    'CREATE TABLE IF NOT EXISTS notifications.pending_deliveries (',
    '    shard int,',
    '    enqueued_at timeuuid,',
    '    notification_id uuid,',
    '    channel text,',
    '    recipient text,',
    '    payload blob,',
    '    PRIMARY KEY ((shard), enqueued_at)',
    ') WITH CLUSTERING ORDER BY (enqueued_at ASC)',
    '    AND gc_grace_seconds = 864000',
    '    AND default_time_to_live = 0',
    '    AND compaction = {\'class\': \'org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy\', \'min_threshold\': \'4\', \'max_threshold\': \'32\'};',
    '',
    'CREATE TABLE IF NOT EXISTS notifications.delivery_log (',
    '    notification_id uuid PRIMARY KEY,',
    '    sent_at timestamp,',
    '    status text',
    ') WITH default_time_to_live = 2592000;',
    '',
  ].join('\n');
  const appConfig = [
    'spring:',
    '  cassandra:',
    '    contact-points: cassandra-0.cassandra.notify.svc.cluster.local:9042,cassandra-1.cassandra.notify.svc.cluster.local:9042,cassandra-2.cassandra.notify.svc.cluster.local:9042',
    '    local-datacenter: eu-west-1',
    '    keyspace-name: notifications',
    '    request:',
    '      consistency: local_quorum',
    '      timeout: 6s',
    'dispatcher:',
    '  shards: 16',
    '  poll-interval: 2s',
    '  batch-size: 200',
    '  delete-after-send: true',
    '',
  ].join('\n');
  const image = (v: string) => `${ECR}/notify/notification-dispatcher:${v}`;
  const dispatcherTpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }, { name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'file:/config/' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 2 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40, timeoutSeconds: 2 }),
      volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'notification-dispatcher-config', defaultMode: 420 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'notification-dispatcher',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 41 * DAYS, changeCause: 'argocd: notification-dispatcher 3.7.2', template: dispatcherTpl('3.7.2') },
      { revision: 19, createdAgo: 23 * DAYS, changeCause: 'argocd: notification-dispatcher 3.8.0', template: dispatcherTpl('3.8.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 6 * DAYS - k * 3 })),
  });
  // The producer rolled out 50 minutes ago: a red herring (its writes look as they always did).
  const producer = bystander(ns, 'notification-api', names, 50, { revisions: [63, 64], versions: ['5.2.0', '5.2.1'], olderAgo: 9 * DAYS });
  const cassIps = cass.pods.map((p) => ipOfPod(p));
  const cassLog = (i: number): string => {
    const out: string[] = [
      `INFO  [CompactionExecutor:41] ${pyTime(19 * HOURS)} CompactionTask.java:253 - Compacted (3a1f0c20-c6f1-11ef-9d2b-7b1e4c0a${i}e11) 4 sstables to [/var/lib/cassandra/data/notifications/pending_deliveries-7d1e80a0f2a111ee8c1b3f0c9a1d2e44/nb-${8812 + i}-big,] to level=0.  287.114MiB to 281.902MiB (~98% of original) in 41,233ms.  Read Throughput = 6.963MiB/s, Write Throughput = 6.837MiB/s, Row Throughput = ~1,417,208/s.  4 total partitions merged to 4.  Partition merge counts were {1:4, }`,
      `WARN  [ReadStage-3] ${pyTime(17 * HOURS + i)} ReadCommand.java:617 - Read 200 live rows and 31842 tombstone cells for query SELECT * FROM notifications.pending_deliveries WHERE shard = ${3 + i} LIMIT 200 ALLOW FILTERING; token ${-3485513579396041028n + BigInt(i) * 1000000007n} (see tombstone_warn_threshold)`,
      `INFO  [Service Thread] ${pyTime(9 * HOURS + i * 3)} GCInspector.java:294 - G1 Young Generation GC in 412ms.  G1 Eden Space: 2399141888 -> 0; G1 Old Gen: 1184110592 -> 1297068032; G1 Survivor Space: 83886080 -> 100663296;`,
      `WARN  [ReadStage-7] ${pyTime(4 * HOURS + i)} ReadCommand.java:617 - Read 200 live rows and 71205 tombstone cells for query SELECT * FROM notifications.pending_deliveries WHERE shard = ${9 + i} LIMIT 200 ALLOW FILTERING; token ${1844674407370955161n - BigInt(i) * 999999937n} (see tombstone_warn_threshold)`,
    ];
    for (let j = 0; j < 12; j++) {
      const t = jit(38 - j * 3.1 - i * 0.2, j * 13 + i);
      const shard = (j * 5 + i * 3) % 16;
      const tok = -9000000000000000000n + BigInt(shard) * 1152921504606846976n + BigInt(j * 7919);
      if (j % 4 === 3) out.push(`WARN  [ReadStage-${(j + i) % 8}] ${pyTime(t + 0.02)} ReadCommand.java:617 - Read 0 live rows and 96117 tombstone cells for query SELECT * FROM notifications.pending_deliveries WHERE shard = ${shard} LIMIT 200 ALLOW FILTERING; token ${tok} (see tombstone_warn_threshold)`);
      out.push(`ERROR [ReadStage-${(j + i + 1) % 8}] ${pyTime(t)} ReadCommand.java:534 - Scanned over 100001 tombstones during query 'SELECT * FROM notifications.pending_deliveries WHERE shard = ${shard} LIMIT 200 ALLOW FILTERING' (last scanned row token was ${tok} and partion key was (${shard})); query aborted`);
      if (j % 5 === 2) out.push(`INFO  [Service Thread] ${pyTime(t - 0.5)} GCInspector.java:294 - G1 Young Generation GC in 288ms.  G1 Eden Space: 2378170368 -> 0; G1 Old Gen: 1310720000 -> 1352663040; G1 Survivor Space: 100663296 -> 92274688;`);
    }
    out.push(`INFO  [NonPeriodicTasks:1] ${pyTime(3)} SSTable.java:111 - Deleting sstable: /var/lib/cassandra/data/notifications/delivery_log-1c2e9fb0f2a111ee8c1b3f0c9a1d2e44/nb-${2241 + i}-big`);
    return out.join('\n') + '\n';
  };
  const dispatcherLog = (k: number): string => {
    const start = 6 * DAYS - k * 3 - 0.5;
    const out: string[] = [
      `${at(start)}  INFO 1 --- [notification-dispatcher] [           main] c.a.n.NotificationDispatcherApplication  : Starting NotificationDispatcherApplication v3.8.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
      `${at(start - 0.1)}  INFO 1 --- [notification-dispatcher] [           main] c.d.o.d.internal.core.DefaultMavenCoordinates : DataStax Java driver for Apache Cassandra(R) (com.datastax.oss:java-driver-core) version 4.17.0`,
      `${at(start - 0.12)}  INFO 1 --- [notification-dispatcher] [     s0-admin-0] c.d.o.d.internal.core.time.Clock          : Using native clock for microsecond precision`,
      `${at(start - 0.2)}  INFO 1 --- [notification-dispatcher] [           main] c.a.n.dispatch.ShardPoller               : Polling 16 shards every 2s, batch-size=200, consistency=LOCAL_QUORUM`,
      `${at(start - 0.25)}  INFO 1 --- [notification-dispatcher] [           main] c.a.n.NotificationDispatcherApplication  : Started NotificationDispatcherApplication in 9.412 seconds (process running for 10.377)`,
    ];
    for (let j = 0; j < 16; j++) {
      const t = jit(36 - j * 2.3 - k * 0.3, j * 29 + k);
      const shard = (j * 3 + k * 5) % 16;
      const thread = `shard-poller-${shard % 4}`.padStart(15, ' ');
      if (j % 4 === 1) {
        out.push(`${at(t)}  INFO 1 --- [notification-dispatcher] [${thread}] c.a.n.dispatch.ShardPoller               : shard ${(shard + 1) % 16}: sent 200 notifications, deleted 200 rows in 1412 ms`);
        continue;
      }
      const a = cassIps[(shard + 1) % 3] ?? '10.0.0.1';
      const b = cassIps[(shard + 2) % 3] ?? '10.0.0.2';
      out.push(`${at(t)} ERROR 1 --- [notification-dispatcher] [${thread}] c.a.n.dispatch.ShardPoller               : Poll of shard ${shard} failed (replica failures: {/${a}:7000=READ_TOO_MANY_TOMBSTONES, /${b}:7000=READ_TOO_MANY_TOMBSTONES}), will retry in 2s`);
      out.push('');
      out.push(`com.datastax.oss.driver.api.core.servererrors.ReadFailureException: Cassandra failure during read query at consistency LOCAL_QUORUM (2 responses were required but only 0 replica responded, 2 failed)`);
      out.push(`\tat com.datastax.oss.driver.api.core.servererrors.ReadFailureException.copy(ReadFailureException.java:135)`);
      out.push(`\tat com.datastax.oss.driver.internal.core.util.concurrent.CompletableFutures.getUninterruptibly(CompletableFutures.java:149)`);
      out.push(`\tat com.datastax.oss.driver.internal.core.cql.CqlRequestSyncProcessor.process(CqlRequestSyncProcessor.java:53)`);
      out.push(`\tat com.datastax.oss.driver.api.core.cql.SyncCqlSession.execute(SyncCqlSession.java:54)`);
      out.push(`\tat com.acme.notify.dispatch.PendingDeliveryRepository.oldest(PendingDeliveryRepository.java:61)`);
      out.push(`\tat com.acme.notify.dispatch.ShardPoller.poll(ShardPoller.java:88)`);
      out.push(`\t... 6 common frames omitted`);
      if (j % 5 === 4) out.push(`${at(t - 0.05)}  WARN 1 --- [notification-dispatcher] [      metrics-1] c.a.n.dispatch.BacklogReporter           : oldest pending notification is ${(41 - j * 2.3).toFixed(0)} minutes old (12 of 16 shards failing)`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout39-cassandra-tombstone-overwhelming',
    class: 'capacity',
    truth: 'notification-dispatcher uses the Cassandra table notifications.pending_deliveries as a queue: it reads the oldest 200 rows of a shard and DELETEs each row it sent. Deleted rows stay as tombstones for gc_grace_seconds = 864000 (10 days) before compaction may purge them, so every shard partition now holds far more tombstones than live rows, and each "SELECT … WHERE shard = ? LIMIT 200" scans them first. Cassandra had warned for days (tombstone_warn_threshold, 31k then 71k tombstone cells); tonight reads crossed tombstone_failure_threshold (100000): the replicas log "Scanned over 100001 tombstones during query … query aborted" (TombstoneOverwhelmingException) and the driver gets ReadFailureException (READ_TOO_MANY_TOMBSTONES), so most shards stop dispatching. Nothing was deployed to the dispatcher (revision 19 is 23 days old) and Cassandra is up; the notification-api rollout 50 minutes ago is unrelated. Fix: the data pattern — lower gc_grace_seconds on this table (with repairs inside it) and compact, or remodel the queue (time-bucketed partitions, range reads from a cursor, TWCS/TTL instead of deletes); raising the threshold only buys time.',
    ask: { service: 'notification-dispatcher', namespace: ns },
    objects: [
      ...nodes, ...cass.objects, ...claims, ...app.objects, ...producer.objects,
      ...exposed({ namespace: ns, name: 'cassandra', selector: { app: 'cassandra' }, pods: cass.pods, headless: true, ports: [{ name: 'cql', port: 9042, targetPort: 9042 }], endpointPort: 9042 }),
      ...exposed({ namespace: ns, name: 'notification-dispatcher', selector: { app: 'notification-dispatcher' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'notification-api', selector: { app: 'notification-api' }, pods: producer.pods }),
      configMap({ namespace: ns, name: 'cassandra-config', createdAgo: 300 * DAYS, updatedAgo: 62 * DAYS, data: { 'cassandra.yaml': cassandraYaml } }),
      configMap({ namespace: ns, name: 'notification-dispatcher-schema', createdAgo: 190 * DAYS, data: { 'schema.cql': schema } }),
      configMap({ namespace: ns, name: 'notification-dispatcher-config', createdAgo: 190 * DAYS, updatedAgo: 41 * DAYS, data: { 'application.yaml': appConfig } }),
      ...rolloutEvents(deploymentOf(producer), rsOf(producer, 64), rsOf(producer, 63), 2, 50),
    ],
    logs: [
      ...cass.pods.map((p, i) => logsFor(p, 'cassandra', { current: cassLog(i) })),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: dispatcherLog(k) })),
      ...producer.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(1.2)}","level":"INFO","msg":"POST /v1/notifications","status":202,"dur_ms":9}`, `{"time":"${at(0.6)}","level":"INFO","msg":"POST /v1/notifications","status":202,"dur_ms":7}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/tombstone/i],
      facts: [/Scanned over 100001 tombstones|tombstone_failure_threshold|TombstoneOverwhelming|READ_TOO_MANY_TOMBSTONES/i, /pending_deliveries/, /gc_grace_seconds|delet/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /cassandra[^\n]*\b(down|unreachable|crash)/i, /notification-api/, /network ?polic/i],
    },
  };
}

// ---- 3. Elasticsearch write rejections after the indexer was scaled 2 → 12 ------------------------

function elasticsearchBulkRejectedAfterScaleUp(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.126', ['40', '171', '9']);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const esImage = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const es = statefulSetApp({
    namespace: ns,
    name: 'es-data',
    replicas: 3,
    serviceName: 'es-data-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 400 * DAYS,
    revisions: [{
      revision: 9,
      createdAgo: 33 * DAYS,
      template: {
        containers: [container({
          name: 'elasticsearch', image: esImage, cpu: '3', memory: '12Gi',
          ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }],
          env: [{ name: 'ES_JAVA_OPTS', value: '-Xms6g -Xmx6g' }, { name: 'node.name', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
          readiness: execProbe(['bash', '-c', 'curl -s -k "http://127.0.0.1:9200/_cluster/health?local=true" | grep -vq \'"status":"red"\''], { initialDelaySeconds: 10, timeoutSeconds: 5 }),
          liveness: tcpProbe(9300, { initialDelaySeconds: 60, periodSeconds: 20 }),
          volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }, { name: 'config', mountPath: '/usr/share/elasticsearch/config/elasticsearch.yml', subPath: 'elasticsearch.yml' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'es-config', defaultMode: 420 } }],
        terminationGracePeriodSeconds: 120,
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '400Gi' }],
    pods: [0, 1, 2].map((i) => ({ revision: 9, ordinal: i, node: names[i] ?? '', createdAgo: 33 * DAYS - i * 6 })),
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-es-data-${i}`, storage: '400Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 400 * DAYS, labels: { app: 'es-data' } }));
  const esYml = [
    'cluster.name: search-prod',
    'network.host: 0.0.0.0',
    'discovery.seed_hosts: es-data-headless',
    'cluster.initial_master_nodes: es-data-0,es-data-1,es-data-2',
    'node.roles: [ master, data, ingest ]',
    'xpack.security.enabled: false',
    '# write thread pool: size = allocated processors (3), queue_size left at the default (10000)',
    'indices.memory.index_buffer_size: 20%',
    '',
  ].join('\n');
  const image = `${ECR}/search/catalog-indexer:1.22.4`;
  const tplOf = (img: string) => ({
    containers: [container({
      image: img, ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '500m', memory: '768Mi',
      env: [
        { name: 'ES_URL', value: 'http://elasticsearch.search.svc.cluster.local:9200' },
        { name: 'ES_INDEX', value: 'products-v7' },
        { name: 'KAFKA_BROKERS', value: 'kafka-0.kafka.data.svc.cluster.local:9092,kafka-1.kafka.data.svc.cluster.local:9092' },
        { name: 'KAFKA_TOPIC', value: 'catalog.product-changes' },
        { name: 'KAFKA_GROUP', value: 'catalog-indexer' },
        { name: 'BULK_WORKERS', value: '8' },
        { name: 'BULK_FLUSH_DOCS', value: '5000' },
        { name: 'BULK_FLUSH_BYTES', value: '15MB' },
        { name: 'BULK_MAX_RETRIES', value: '5' },
      ],
      readiness: httpProbe('/ready', 'metrics'),
      liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-indexer',
    replicas: 12,
    revisions: [
      { revision: 13, createdAgo: 30 * DAYS, changeCause: 'argocd: catalog-indexer 1.22.1', template: tplOf(`${ECR}/search/catalog-indexer:1.22.1`) },
      { revision: 14, createdAgo: 9 * DAYS, changeCause: 'argocd: catalog-indexer 1.22.4', template: tplOf(image) },
    ],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: 9 * DAYS },
      { revision: 14, node: names[1] ?? '', createdAgo: 9 * DAYS - 1 },
      ...Array.from({ length: 10 }, (_, k) => ({ revision: 14, node: names[k % 3] ?? '', createdAgo: 36 - k * 0.02 })),
    ],
    settled: { available: true, availableSince: 35.5, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 1 },
  });
  // `kubectl scale deployment/catalog-indexer --replicas=12` writes spec.replicas through the scale subresource.
  const dep = deploymentOf(app);
  if (dep.metadata) {
    dep.metadata.managedFields = [
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'apps/v1', time: ago(9 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:template': {} } } },
      { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', time: ago(36), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' },
    ];
  }
  const searchApi = bystander(ns, 'search-api', names, 2 * HOURS + 40, { revisions: [88, 89], versions: ['3.14.0', '3.14.1'], olderAgo: 6 * DAYS });
  const rejection = (node: number, queued: number, completed: number) =>
    `rejected execution of TimedRunnable{original=ActionRunnable#wrap[org.elasticsearch.action.bulk.TransportShardBulkAction$$Lambda/0x00007f3c1c9e2d48@${hex(`r/${node}/${completed}`, 8)}], creationTimeNanos=${9120334417729 + completed}, startTimeNanos=0, finishTimeNanos=-1, failedOrRejected=false} on TaskExecutionTimeTrackingEsThreadPoolExecutor[name = es-data-${node}/write, queue capacity = 10000, task execution EWMA = 7.4ms, total task execution time = 41.2h, org.elasticsearch.common.util.concurrent.TaskExecutionTimeTrackingEsThreadPoolExecutor@${hex(`pool/${node}`, 8)}[Running, pool size = 3, active threads = 3, queued tasks = ${queued}, completed tasks = ${completed}]]`;
  const indexerLog = (k: number, fresh: boolean): string => {
    const start = fresh ? 35.8 - k * 0.02 : 9 * DAYS - k - 0.4;
    const out: string[] = [
      `{"level":"info","ts":"${at(start)}","caller":"cmd/indexer/main.go:61","msg":"starting catalog-indexer","version":"1.22.4","index":"products-v7","bulk_workers":8,"flush_docs":5000,"flush_bytes":"15MB"}`,
      `{"level":"info","ts":"${at(start - 0.05)}","caller":"kafka/consumer.go:77","msg":"joined consumer group","group":"catalog-indexer","topic":"catalog.product-changes","partitions":${fresh ? '[' + String(k + 2) + ']' : '[' + String(k * 6) + ',' + String(k * 6 + 1) + ',' + String(k * 6 + 2) + ']'}}`,
    ];
    if (!fresh) {
      out.push(`{"level":"info","ts":"${at(40)}","caller":"indexer/stats.go:38","msg":"indexing stats","docs_per_sec":6120,"bulk_p99_ms":412,"consumer_lag":1840211,"rejected_items":0}`);
      out.push(`{"level":"info","ts":"${at(36.4)}","caller":"kafka/consumer.go:131","msg":"partitions revoked, rebalancing","group":"catalog-indexer"}`);
      out.push(`{"level":"info","ts":"${at(35.7)}","caller":"kafka/consumer.go:77","msg":"joined consumer group","group":"catalog-indexer","topic":"catalog.product-changes","partitions":[${k}]}`);
    }
    for (let j = 0; j < 14; j++) {
      const t = jit(33 - j * 2.35 - k * 0.07, j * 11 + k);
      const node = (j + k) % 3;
      const queued = 10000;
      if (j % 4 === 0) {
        out.push(`{"level":"warn","ts":"${at(t)}","caller":"indexer/bulk.go:142","msg":"bulk request partially rejected, retrying","worker":${j % 8},"items":5000,"rejected":${1800 + ((j * 331 + k * 97) % 2900)},"status":429,"attempt":${1 + (j % 5)},"backoff":"${2 ** (j % 5)}s"}`);
      }
      out.push(`{"level":"error","ts":"${at(t - 0.01)}","caller":"indexer/bulk.go:171","msg":"bulk item failed","index":"products-v7","id":"sku-${40000 + j * 131 + k * 17}","status":429,"error.type":"es_rejected_execution_exception","error.reason":"${rejection(node, queued, 48213377 + j * 10411 + k * 77)}"}`);
      if (j % 4 === 2) out.push(`{"level":"error","ts":"${at(t - 0.02)}","caller":"indexer/bulk.go:188","msg":"giving up on items after max retries, sending to dead-letter topic","items":${600 + ((j * 53) % 400)},"attempts":5,"dlq":"catalog.product-changes.dlq"}`);
      if (j % 6 === 5) out.push(`{"level":"info","ts":"${at(t - 0.03)}","caller":"indexer/stats.go:38","msg":"indexing stats","docs_per_sec":${380 + ((j * 41 + k * 13) % 300)},"bulk_p99_ms":${11800 + j * 120},"consumer_lag":${2210044 + j * 41877},"rejected_items":${8911 + j * 1034}}`);
    }
    return out.join('\n') + '\n';
  };
  const esLog = (i: number): string => {
    const base = (lvl: string, logger: string, thread: string, msg: string, t: number) =>
      `{"@timestamp":"${at(t)}", "log.level":"${lvl}", "message":"${msg}", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[es-data-${i}][${thread}]","log.logger":"${logger}","elasticsearch.cluster.uuid":"Qm3v9xR2Tq2d0Vb8nJ1k4w","elasticsearch.node.id":"${hex(`esnode/${i}`, 22)}","elasticsearch.node.name":"es-data-${i}","elasticsearch.cluster.name":"search-prod"}`;
    const out: string[] = [
      base('INFO', 'org.elasticsearch.cluster.routing.allocation.AllocationService', 'masterService#updateTask][T#1', 'current.health=\\"GREEN\\" message=\\"Cluster health status changed from [YELLOW] to [GREEN] (reason: [shards started [[products-v7][4]]]).\\" previous.health=\\"YELLOW\\" reason=\\"shards started [[products-v7][4]]\\"', 33 * DAYS - 12),
      base('INFO', 'org.elasticsearch.cluster.metadata.MetadataMappingService', 'masterService#updateTask][T#1', '[products-v7/Hk2xYtq1Rj6b0l9mQ2n4Vw] update_mapping [_doc]', 9 * DAYS - 2),
    ];
    for (let j = 0; j < 8; j++) {
      const t = jit(31 - j * 3.9 - i * 0.3, j * 7 + i);
      out.push(base('WARN', 'org.elasticsearch.monitor.jvm.JvmGcMonitorService', 'scheduler][T#1', `[gc][${2841033 + j * 233}] overhead, spent [${520 + ((j * 71 + i * 19) % 400)}ms] collecting in the last [1s]`, t));
      if (j % 3 === 1) out.push(base('INFO', 'org.elasticsearch.monitor.jvm.JvmGcMonitorService', 'scheduler][T#1', `[gc][${2841033 + j * 233 + 1}] overhead, spent [${310 + j * 17}ms] collecting in the last [1s]`, t - 0.02));
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout39-elasticsearch-bulk-rejected-after-scale-up',
    class: 'capacity',
    truth: 'To drain a reindex backlog faster, someone ran `kubectl scale deployment/catalog-indexer --replicas=12` 36 minutes ago (it had run 2 replicas for months; the Deployment\'s revision 14 is 9 days old and unchanged). Each indexer pod runs 8 bulk workers flushing 5000-document bulks, so 96 concurrent bulk requests now hit a 3-node Elasticsearch cluster whose write thread pools (3 threads each, queue capacity 10000) fill up: shard bulk operations are rejected with HTTP 429 es_rejected_execution_exception ("queue capacity = 10000 … queued tasks = 10000"), retries amplify the load, items go to the dead-letter topic and throughput collapsed from ~6000 to a few hundred docs/s. Elasticsearch is green and healthy, only overloaded by the indexer. Fix: scale the indexer back to 2 (or cut BULK_WORKERS) and replay the DLQ; a rollback would change nothing.',
    ask: { service: 'catalog-indexer', namespace: ns },
    objects: [
      ...nodes, ...es.objects, ...claims, ...app.objects, ...searchApi.objects,
      ...exposed({ namespace: ns, name: 'elasticsearch', selector: { app: 'es-data' }, pods: es.pods, ports: [{ name: 'http', port: 9200, targetPort: 9200 }], endpointPort: 9200 }),
      ...exposed({ namespace: ns, name: 'es-data-headless', selector: { app: 'es-data' }, pods: es.pods, headless: true, ports: [{ name: 'transport', port: 9300, targetPort: 9300 }], endpointPort: 9300 }),
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: searchApi.pods }),
      configMap({ namespace: ns, name: 'es-config', createdAgo: 400 * DAYS, updatedAgo: 33 * DAYS, data: { 'elasticsearch.yml': esYml } }),
      scaledReplicaSet(dep, rsOf(app, 14), 12, 2, 36),
      ...app.pods.slice(2).flatMap((p, k) => startedAt(p, 'app', image, 36 - k * 0.02)),
      ...rolloutEvents(deploymentOf(searchApi), rsOf(searchApi, 89), rsOf(searchApi, 88), 2, 2 * HOURS + 40),
    ],
    logs: [
      logsFor(podOf(app, 0), 'app', { current: indexerLog(0, false) }),
      logsFor(podOf(app, 1), 'app', { current: indexerLog(1, false) }),
      ...app.pods.slice(2).map((p, k) => logsFor(p, 'app', { current: indexerLog(k, true) })),
      ...es.pods.map((p, i) => logsFor(p, 'elasticsearch', { current: esLog(i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/429|reject|es_rejected_execution|overload|queue/i, /scal|replicas|\b12\b/i],
      facts: [/es_rejected_execution_exception/, /queue capacity = 10000|10000/, /from 2 to 12|2 ?(→|->|to) ?12|12 replicas/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /elasticsearch[^\n]*\b(down|unreachable|crash|red)\b/i, /disk (watermark|full)|read[- ]only/i, /search-api/],
    },
  };
}

// ---- 4. NATS slow consumer after the consumer went single-worker -----------------------------------

function natsSlowConsumerSingleWorker(): CorpusScenario {
  const ns = 'telemetry';
  const { nodes, names } = threeEksNodes('10.0.57', ['33', '118', '206']);
  const natsImage = 'docker.io/library/nats:2.10.22-alpine';
  const natsConf = [
    'port: 4222',
    'http_port: 8222',
    'server_name: $POD_NAME',
    'max_payload: 1MB',
    'max_pending: 64MB',
    'write_deadline: "10s"',
    'cluster {',
    '  name: telemetry',
    '  port: 6222',
    '  routes: [',
    '    nats://nats-0.nats-headless.telemetry.svc.cluster.local:6222',
    '    nats://nats-1.nats-headless.telemetry.svc.cluster.local:6222',
    '    nats://nats-2.nats-headless.telemetry.svc.cluster.local:6222',
    '  ]',
    '}',
    '',
  ].join('\n');
  const nats = statefulSetApp({
    namespace: ns,
    name: 'nats',
    replicas: 3,
    serviceName: 'nats-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 250 * DAYS,
    revisions: [{
      revision: 4,
      createdAgo: 47 * DAYS,
      template: {
        containers: [container({
          name: 'nats', image: natsImage, args: ['--config', '/etc/nats-config/nats.conf'], cpu: '500m', memory: '1Gi',
          ports: [{ name: 'client', containerPort: 4222 }, { name: 'cluster', containerPort: 6222 }, { name: 'monitor', containerPort: 8222 }],
          env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
          readiness: httpProbe('/healthz?js-enabled-only=true', 8222),
          liveness: httpProbe('/healthz?js-enabled-only=true', 8222, { initialDelaySeconds: 10, periodSeconds: 30, timeoutSeconds: 5 }),
          volumeMounts: [{ name: 'config', mountPath: '/etc/nats-config' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'nats-config', defaultMode: 420 } }],
      },
    }],
    pods: [0, 1, 2].map((i) => ({ revision: 4, ordinal: i, node: names[i] ?? '', createdAgo: 47 * DAYS - i * 2 })),
  });
  const image = (v: string) => `${ECR}/telemetry/geo-enricher:${v}`;
  const tpl = (v: string, workers: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'metrics', containerPort: 9090 }], cpu: '1', memory: '512Mi',
      env: [
        { name: 'NATS_URL', value: 'nats://nats.telemetry.svc.cluster.local:4222' },
        { name: 'NATS_SUBJECT', value: 'telemetry.raw.>' },
        { name: 'NATS_QUEUE', value: 'geo-enricher' },
        { name: 'NATS_PENDING_MSGS_LIMIT', value: '65536' },
        { name: 'NATS_PENDING_BYTES_LIMIT', value: '67108864' },
        { name: 'ENRICH_WORKERS', value: workers },
        { name: 'GEOIP_DB', value: '/data/GeoLite2-City.mmdb' },
        { name: 'OUTPUT_SUBJECT', value: 'telemetry.enriched' },
      ],
      readiness: httpProbe('/ready', 'metrics'),
      liveness: httpProbe('/healthz', 'metrics', { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'geo-enricher',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 12 * DAYS, changeCause: 'argocd: geo-enricher 3.1.4', template: tpl('3.1.4', '32') },
      { revision: 12, createdAgo: 55, changeCause: 'argocd: geo-enricher 3.2.0 (per-device ordering)', template: tpl('3.2.0', '1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 55 - k * 0.5 })),
    settled: { available: true, availableSince: 53.5, progressingSince: 55, progressingUpdatedAgo: 53.5 },
  });
  const archiver = deploymentApp({
    namespace: ns,
    name: 'telemetry-archiver',
    replicas: 2,
    revisions: [{ revision: 7, createdAgo: 30 * DAYS, changeCause: 'argocd: telemetry-archiver 1.9.0', template: { containers: [container({ image: `${ECR}/telemetry/telemetry-archiver:1.9.0`, ports: [{ name: 'metrics', containerPort: 9090 }], readiness: httpProbe('/ready', 'metrics'), liveness: httpProbe('/healthz', 'metrics') })] } }],
    pods: [0, 1].map((k) => ({ revision: 7, node: names[k + 1] ?? '', createdAgo: 30 * DAYS - k })),
  });
  const enricherIps = app.pods.map((p) => ipOfPod(p));
  const natsLog = (i: number): string => {
    const start = 47 * DAYS - i * 2 - 0.4;
    const out: string[] = [
      `[1] ${natsTime(start)} [INF] Starting nats-server`,
      `[1] ${natsTime(start)} [INF]   Version:  2.10.22`,
      `[1] ${natsTime(start)} [INF]   Git:      [240e9a4]`,
      `[1] ${natsTime(start)} [INF]   Cluster:  telemetry`,
      `[1] ${natsTime(start)} [INF]   Name:     nats-${i}`,
      `[1] ${natsTime(start)} [INF]   ID:       N${hex(`nats/${i}`, 24).toUpperCase()}`,
      `[1] ${natsTime(start)} [INF] Using configuration file: /etc/nats-config/nats.conf`,
      `[1] ${natsTime(start)} [INF] Starting http monitor on 0.0.0.0:8222`,
      `[1] ${natsTime(start)} [INF] Listening for client connections on 0.0.0.0:4222`,
      `[1] ${natsTime(start)} [INF] Server is ready`,
      `[1] ${natsTime(start)} [INF] Cluster name is telemetry`,
      `[1] ${natsTime(start)} [INF] Listening for route connections on 0.0.0.0:6222`,
      `[1] ${natsTime(start - 0.01)} [INF] 10.0.57.${40 + i}:6222 - rid:${5 + i} - Route connection created`,
    ];
    for (let j = 0; j < 10; j++) {
      const t = jit(50 - j * 5.1 - i * 0.4, j * 19 + i);
      const k = (j + i) % 3;
      const cid = 1180 + j * 7 + i * 3;
      out.push(`[1] ${natsTime(t)} [INF] ${enricherIps[k] ?? '10.0.0.1'}:${41022 + j * 13} - cid:${cid} - "v1.37.0:go:geo-enricher" - Slow Consumer Detected: WriteDeadline of 10s exceeded with ${412 + ((j * 97 + i * 31) % 600)} chunks of ${27108354 + j * 811233} total bytes.`);
      if (j % 3 === 0) out.push(`[1] ${natsTime(t - 0.3)} [INF] ${enricherIps[k] ?? '10.0.0.1'}:${41022 + j * 13 + 1} - cid:${cid + 2} - "v1.37.0:go:geo-enricher" - Slow Consumer Detected: MaxPending of 67108864 Exceeded`);
    }
    return out.join('\n') + '\n';
  };
  const enricherLog = (k: number): string => {
    const start = 55 - k * 0.5 - 0.3;
    const out: string[] = [
      `{"time":"${at(start)}","level":"INFO","msg":"geo-enricher starting","version":"3.2.0","workers":1,"ordering":"per-device"}`,
      `{"time":"${at(start - 0.01)}","level":"INFO","msg":"loaded geoip database","path":"/data/GeoLite2-City.mmdb","build":"2026-11-18"}`,
      `{"time":"${at(start - 0.02)}","level":"INFO","msg":"nats connected","url":"nats://nats.telemetry.svc.cluster.local:4222","server":"nats-${k}"}`,
      `{"time":"${at(start - 0.03)}","level":"INFO","msg":"subscribed","subject":"telemetry.raw.>","queue":"geo-enricher","pending_msgs_limit":65536,"pending_bytes_limit":67108864,"handler":"sequential"}`,
    ];
    for (let j = 0; j < 18; j++) {
      const t = jit(52 - j * 2.9 - k * 0.2, j * 23 + k);
      if (t < 0.1) break;
      out.push(`{"time":"${at(t)}","level":"INFO","msg":"throughput","received_per_sec":${1540 + ((j * 37 + k * 11) % 120)},"processed_per_sec":${318 + ((j * 23 + k * 7) % 90)},"handler_p50_ms":${(2.7 + (j % 4) * 0.2).toFixed(1)},"handler_p99_ms":${(9.8 + (j % 5) * 0.7).toFixed(1)},"pending_msgs":${Math.min(65536, 8000 + j * 21000)},"workers":1}`);
      if (j >= 1) out.push(`{"time":"${at(t - 0.01)}","level":"WARN","msg":"nats async error","error":"nats: slow consumer, messages dropped","subject":"telemetry.raw.>","queue":"geo-enricher","pending_msgs":65536,"dropped_total":${(j * 1221877 + k * 31337)}}`);
      if (j % 4 === 2) {
        out.push(`{"time":"${at(t - 0.02)}","level":"WARN","msg":"nats disconnected","error":"EOF"}`);
        out.push(`{"time":"${at(t - 0.03)}","level":"INFO","msg":"nats reconnected","url":"nats://nats.telemetry.svc.cluster.local:4222","server":"nats-${(k + j) % 3}"}`);
      }
    }
    return out.join('\n') + '\n';
  };
  const archiverLog = lines(
    `{"time":"${at(2.1)}","level":"INFO","msg":"flushed segment","subject":"telemetry.enriched","msgs":${41877},"bytes":18233109,"key":"s3://acme-telemetry-archive/2026/11/21/03/part-00412.parquet"}`,
    `{"time":"${at(0.9)}","level":"INFO","msg":"throughput","received_per_sec":941}`,
  );
  return {
    id: 'heldout39-nats-slow-consumer-single-worker',
    class: 'rollout',
    truth: 'geo-enricher revision 12 (3.2.0, 55 minutes ago, "per-device ordering") set ENRICH_WORKERS from 32 to 1: the queue subscription on telemetry.raw.> is now handled sequentially, one message at a time. Each pod receives ~1,600 msgs/s but processes only ~350/s, so the subscription\'s pending buffer fills to its 65536-message limit and the client drops messages ("nats: slow consumer, messages dropped"), while nats-server sees the connections stop draining and cuts them ("Slow Consumer Detected: WriteDeadline of 10s exceeded", "MaxPending of 67108864 Exceeded"), and the clients reconnect and fall behind again. The NATS cluster is healthy and the other subscriber (telemetry-archiver) keeps up. Fix: roll back to revision 11 (ENRICH_WORKERS=32), then implement ordering with per-key worker sharding rather than a single worker.',
    ask: { service: 'geo-enricher', namespace: ns },
    objects: [
      ...nodes, ...nats.objects, ...app.objects, ...archiver.objects,
      ...exposed({ namespace: ns, name: 'nats', selector: { app: 'nats' }, pods: nats.pods, ports: [{ name: 'client', port: 4222, targetPort: 4222 }], endpointPort: 4222 }),
      ...exposed({ namespace: ns, name: 'nats-headless', selector: { app: 'nats' }, pods: nats.pods, headless: true, ports: [{ name: 'cluster', port: 6222, targetPort: 6222 }], endpointPort: 6222 }),
      configMap({ namespace: ns, name: 'nats-config', createdAgo: 250 * DAYS, updatedAgo: 47 * DAYS, data: { 'nats.conf': natsConf } }),
      ...rolloutEvents(deploymentOf(app), rsOf(app, 12), rsOf(app, 11), 3, 55),
      ...app.pods.flatMap((p, k) => startedAt(p, 'app', image('3.2.0'), 55 - k * 0.5)),
    ],
    logs: [
      ...nats.pods.map((p, i) => logsFor(p, 'nats', { current: natsLog(i) })),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: enricherLog(k) })),
      ...archiver.pods.map((p) => logsFor(p, 'app', { current: archiverLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/slow consumer/i, /revision 12|3\.2\.0|ENRICH_WORKERS|workers?|sequential|single/i],
      facts: [/Slow Consumer Detected|slow consumer, messages dropped/i, /ENRICH_WORKERS/, /revision 12|3\.2\.0/],
      never: [/\bOOM/, /nats[^\n]*\b(down|unreachable|crash)/i, /network ?polic/i, /JetStream[^\n]*(full|storage|limit)/i, /telemetry-archiver/],
    },
  };
}

// ---- 5. .NET: DOTNET_GCHeapHardLimit far below the container limit ---------------------------------

function dotnetGcHeapHardLimit(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.163', ['27', '99', '244']);
  const image = (v: string) => `${ECR}/billing/invoice-renderer:${v}`;
  const env = (heapLimit?: string): k8s.V1EnvVar[] => [
    { name: 'ASPNETCORE_HTTP_PORTS', value: '8080' },
    { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' },
    { name: 'Logging__Console__FormatterOptions__TimestampFormat', value: 'yyyy-MM-ddTHH:mm:ss.fffZ ' },
    { name: 'Logging__Console__FormatterOptions__UseUtcTimestamp', value: 'true' },
    { name: 'RenderQueue__Url', value: 'amqp://rabbitmq.billing.svc.cluster.local:5672/billing' },
    { name: 'RenderQueue__Prefetch', value: '8' },
    { name: 'DOTNET_gcServer', value: '0' },
    ...(heapLimit === undefined ? [] : [{ name: 'DOTNET_GCHeapHardLimit', value: heapLimit }]),
  ];
  const tpl = (v: string, heapLimit?: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '1Gi', env: env(heapLimit),
      readiness: httpProbe('/healthz/ready', 8080, { timeoutSeconds: 2 }),
      liveness: httpProbe('/healthz/live', 8080, { initialDelaySeconds: 10, timeoutSeconds: 2 }),
    })],
  });
  const crash = (ago: number, ran: number) => ({ exitCode: 134, reason: 'Error', finishedAgo: ago, ranSeconds: ran });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-renderer',
    replicas: 4,
    revisions: [
      { revision: 23, createdAgo: 16 * DAYS, changeCause: 'argocd: invoice-renderer 5.7.3', template: tpl('5.7.3') },
      { revision: 24, createdAgo: 41, changeCause: 'argocd: invoice-renderer 5.8.0', template: tpl('5.8.0', '0x6400000') },
    ],
    pods: [
      { revision: 24, node: names[0] ?? '', createdAgo: 41, ready: false, containers: { app: crashLoop(crash(1.6, 214), 7) } },
      { revision: 24, node: names[1] ?? '', createdAgo: 40.6, containers: { app: running({ sinceAgo: 2.4, restarts: 6, last: crash(2.45, 262) }) } },
      { revision: 24, node: names[2] ?? '', createdAgo: 40.2, ready: false, containers: { app: crashLoop(crash(0.9, 188), 7) } },
      { revision: 24, node: names[0] ?? '', createdAgo: 39.8, containers: { app: running({ sinceAgo: 4.1, restarts: 6, last: crash(4.15, 301) }) } },
    ],
    settled: { available: false, availableSince: 1.6, progressingSince: 41, progressingUpdatedAgo: 38.5 },
  });
  const other = bystander(ns, 'billing-api', names, 2 * HOURS + 10, { revisions: [140, 141], versions: ['12.3.0', '12.3.1'], olderAgo: 5 * DAYS });
  const rabbit = statefulSetApp({
    namespace: ns,
    name: 'rabbitmq',
    replicas: 1,
    serviceName: 'rabbitmq-headless',
    revisions: [{ revision: 3, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: 'docker.io/library/rabbitmq:3.13.7-management', cpu: '500m', memory: '2Gi', ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }], readiness: execProbe(['rabbitmq-diagnostics', '-q', 'check_port_connectivity']), liveness: execProbe(['rabbitmq-diagnostics', '-q', 'status'], { periodSeconds: 60, timeoutSeconds: 15 }) })] } }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 80 * DAYS }],
  });
  const dotnetStart = (t: number, pid: number): string[] => [
    `${at(t)} info: InvoiceRenderer.Program[0]`,
    `      invoice-renderer 5.8.0 starting on .NET 8.0.11 (linux-x64), GC: Server=False Concurrent=True, TotalAvailableMemoryBytes=104857600, HeapHardLimit=104857600, pid=${pid}`,
    `${at(t - 0.01)} info: Microsoft.Hosting.Lifetime[14]`,
    `      Now listening on: http://[::]:8080`,
    `${at(t - 0.01)} info: InvoiceRenderer.Queue.RenderConsumer[0]`,
    `      Consuming queue invoice.render (prefetch 8) on a dedicated thread`,
    `${at(t - 0.012)} info: Microsoft.Hosting.Lifetime[0]`,
    `      Application started. Press Ctrl+C to shut down.`,
    `${at(t - 0.012)} info: Microsoft.Hosting.Lifetime[0]`,
    `      Hosting environment: Production`,
    `${at(t - 0.012)} info: Microsoft.Hosting.Lifetime[0]`,
    `      Content root path: /app`,
  ];
  const renders = (from: number, to: number, seed: number): string[] => {
    const out: string[] = [];
    let i = 0;
    for (let t = from; t > to; t -= 0.55, i++) {
      out.push(`${at(t)} info: InvoiceRenderer.Queue.RenderConsumer[20]`);
      out.push(`      Rendered invoice INV-2026-${String(188230 + seed * 97 + i).padStart(7, '0')} (${2 + ((i * 7 + seed) % 11)} pages, ${(310 + ((i * 131 + seed * 17) % 900))} KB) in ${420 + ((i * 53 + seed) % 700)} ms`);
    }
    return out;
  };
  const oomTail = (t: number, seed: number): string[] => [
    `${at(t + 0.05)} fail: Microsoft.AspNetCore.Server.Kestrel[13]`,
    `      Connection id "0HN8${hex(`kc/${seed}`, 9).toUpperCase()}", Request id "0HN8${hex(`kc/${seed}`, 9).toUpperCase()}:00000002": An unhandled exception was thrown by the application.`,
    `      System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.`,
    `         at System.IO.MemoryStream.set_Capacity(Int32 value)`,
    `         at System.IO.MemoryStream.EnsureCapacity(Int32 value)`,
    `         at System.IO.MemoryStream.Write(Byte[] buffer, Int32 offset, Int32 count)`,
    `         at InvoiceRenderer.Api.PreviewEndpoint.RenderPreviewAsync(HttpContext context) in /src/InvoiceRenderer/Api/PreviewEndpoint.cs:line 44`,
    `Unhandled exception. System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.`,
    `   at System.GC.AllocateNewArray(IntPtr typeHandle, Int32 length, GC_ALLOC_FLAGS flags)`,
    `   at System.Buffers.TlsOverPerCoreLockedStacksArrayPool\`1.Rent(Int32 minimumLength)`,
    `   at SkiaSharp.SKManagedWStream..ctor(Stream managedStream, Boolean disposeManagedStream)`,
    `   at QuestPDF.Drawing.DocumentGenerator.GeneratePdf(Stream stream, IDocument document)`,
    `   at InvoiceRenderer.Rendering.PdfRenderer.Render(InvoiceDocument invoice) in /src/InvoiceRenderer/Rendering/PdfRenderer.cs:line 71`,
    `   at InvoiceRenderer.Queue.RenderConsumer.ConsumeLoop() in /src/InvoiceRenderer/Queue/RenderConsumer.cs:line 118`,
    `   at System.Threading.Thread.StartCallback()`,
  ];
  const prevLog = (finishedAgo: number, ran: number, seed: number): string => {
    const start = finishedAgo + ran / 60;
    return [...dotnetStart(start - 0.02, 1), ...renders(start - 0.1, finishedAgo + 0.1, seed), ...oomTail(finishedAgo, seed)].join('\n') + '\n';
  };
  const p0 = podOf(app, 0);
  const p1 = podOf(app, 1);
  const p2 = podOf(app, 2);
  const p3 = podOf(app, 3);
  const img = image('5.8.0');
  return {
    id: 'heldout39-dotnet-gc-heap-hard-limit',
    class: 'config',
    truth: 'invoice-renderer revision 24 (5.8.0, 41 minutes ago) added DOTNET_GCHeapHardLimit=0x6400000 to the container env: the .NET GC heap is capped at 0x6400000 = 104857600 bytes = 100 MB, although the container\'s memory limit is 1Gi. Rendering a batch of PDF invoices needs more than 100 MB of managed heap, so the GC throws System.OutOfMemoryException well below the container limit; on the dedicated queue-consumer thread it is unhandled, the runtime prints "Unhandled exception. System.OutOfMemoryException" and aborts (SIGABRT, exit code 134) every 3–5 minutes. It is not a kernel OOM kill (no OOMKilled, memory far under the limit), and raising the container limit would not help. Fix: roll back to revision 23 or remove the variable (or set DOTNET_GCHeapHardLimitPercent sensibly).',
    ask: { service: 'invoice-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, ...rabbit.objects,
      ...exposed({ namespace: ns, name: 'invoice-renderer', selector: { app: 'invoice-renderer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: rabbit.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }], endpointPort: 5672 }),
      ...rolloutEvents(deploymentOf(app), rsOf(app, 24), rsOf(app, 23), 4, 41),
      ...rolloutEvents(deploymentOf(other), rsOf(other, 141), rsOf(other, 140), 2, 2 * HOURS + 10),
      ...app.pods.flatMap((p, k) => startedAt(p, 'app', img, 41 - k * 0.4)),
      ...restartedAgain(p0, 'app', img, { count: 7, firstAgo: 36, lastAgo: 4.9 }),
      ...restartedAgain(p1, 'app', img, { count: 6, firstAgo: 35, lastAgo: 2.4 }),
      ...restartedAgain(p2, 'app', img, { count: 7, firstAgo: 37, lastAgo: 4.1 }),
      ...restartedAgain(p3, 'app', img, { count: 6, firstAgo: 34, lastAgo: 4.1 }),
      backOff(p0, 'app', { count: 11, firstAgo: 22, lastAgo: 0.3 }),
      backOff(p2, 'app', { count: 9, firstAgo: 25, lastAgo: 0.2 }),
      backOff(p1, 'app', { count: 4, firstAgo: 18, lastAgo: 2.5 }),
      probeFailed(p0, 'app', 'Readiness', `Get "http://${ipOfPod(p0)}:8080/healthz/ready": dial tcp ${ipOfPod(p0)}:8080: connect: connection refused`, { count: 5, firstAgo: 30, lastAgo: 1.6 }),
    ],
    logs: [
      logsFor(p0, 'app', { previous: prevLog(1.6, 214, 0) }),
      logsFor(p1, 'app', { previous: prevLog(2.45, 262, 1), current: [...dotnetStart(2.39, 1), ...renders(2.3, 0.1, 11)].join('\n') + '\n' }),
      logsFor(p2, 'app', { previous: prevLog(0.9, 188, 2) }),
      logsFor(p3, 'app', { previous: prevLog(4.15, 301, 3), current: [...dotnetStart(4.09, 1), ...renders(4.0, 0.1, 13)].join('\n') + '\n' }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/GCHeapHardLimit|GC heap (hard )?limit|heap (hard )?limit|OutOfMemoryException|out of memory/i, /GCHeapHardLimit|heap|revision 24|5\.8\.0/i],
      facts: [/0x6400000|100 ?MB|100 ?MiB|104857600/i, /\b134\b/, /System\.OutOfMemoryException/, /DOTNET_GCHeapHardLimit/],
      never: [/\bOOMKilled\b|\bOOM[- ]?kill|killed by the kernel|kernel[^\n]*oom/i, /(raise|increase|bump) the (container'?s? )?memory (limit|request)/i, /billing-api/, /rabbitmq[^\n]*\b(down|unreachable)/i],
    },
  };
}

// ---- 6. Postgres deadlocks caused by another Deployment's new lock order ----------------------------

function postgresDeadlockFromReconciler(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.208', ['14', '121', '250']);
  const pgImage = 'docker.io/library/postgres:16.4';
  const pgConf = [
    "listen_addresses = '*'",
    'max_connections = 200',
    'shared_buffers = 2GB',
    "log_line_prefix = '%m [%p] %q%u@%d '",
    'log_lock_waits = on',
    'deadlock_timeout = 1s',
    'log_checkpoints = on',
    'log_autovacuum_min_duration = 10s',
    '',
  ].join('\n');
  const db = statefulSetApp({
    namespace: ns,
    name: 'ledger-db',
    replicas: 1,
    serviceName: 'ledger-db-headless',
    createdAgo: 500 * DAYS,
    revisions: [{
      revision: 5,
      createdAgo: 70 * DAYS,
      template: {
        containers: [container({
          name: 'postgres', image: pgImage, args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'], cpu: '2', memory: '6Gi',
          ports: [{ name: 'postgres', containerPort: 5432 }],
          env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }],
          readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 3 }),
          liveness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { initialDelaySeconds: 30, periodSeconds: 20, timeoutSeconds: 5 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'ledger-db-config', defaultMode: 420 } }],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 5, ordinal: 0, node: names[1] ?? '', createdAgo: 70 * DAYS }],
  });
  const claims = boundClaim({ namespace: ns, name: 'data-ledger-db-0', storage: '200Gi', zone: 'eu-west-1b', createdAgo: 500 * DAYS, labels: { app: 'ledger-db' } });
  const dsn = (user: string) => `postgres://${user}@ledger-db.ledger.svc.cluster.local:5432/ledger?sslmode=disable`;
  const apiImage = (v: string) => `${ECR}/ledger/accounts-api:${v}`;
  const apiTpl = (v: string) => ({
    containers: [container({
      image: apiImage(v), ports: [8080], cpu: '500m', memory: '512Mi',
      env: [{ name: 'DATABASE_URL', value: dsn('accounts_api') }, { name: 'DB_MAX_CONNS', value: '25' }, { name: 'TRANSFER_LOCK_ORDER', value: 'account_id_asc' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'accounts-api',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 19 * DAYS, changeCause: 'argocd: accounts-api 8.14.0', template: apiTpl('8.14.0') },
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: accounts-api 8.14.1', template: apiTpl('8.14.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const recImage = (v: string) => `${ECR}/ledger/balance-reconciler:${v}`;
  const recTpl = (v: string, batch: string, order: string) => ({
    containers: [container({
      image: recImage(v), command: ['python', '-m', 'reconciler'], ports: [{ name: 'metrics', containerPort: 9100 }], cpu: '250m', memory: '256Mi',
      env: [{ name: 'DATABASE_URL', value: dsn('reconciler') }, { name: 'RECONCILE_BATCH_SIZE', value: batch }, { name: 'RECONCILE_ORDER', value: order }, { name: 'RECONCILE_INTERVAL_SECONDS', value: '20' }],
      readiness: null, liveness: httpProbe('/healthz', 'metrics', { periodSeconds: 30 }),
    })],
  });
  const rec = deploymentApp({
    namespace: ns,
    name: 'balance-reconciler',
    replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 27 * DAYS, changeCause: 'argocd: balance-reconciler 2.3.2', template: recTpl('2.3.2', '50', 'account_id_asc') },
      { revision: 9, createdAgo: 31, changeCause: 'argocd: balance-reconciler 2.4.0', template: recTpl('2.4.0', '500', 'last_activity_desc') },
    ],
    pods: [0, 1].map((k) => ({ revision: 9, node: names[(k + 1) % 3] ?? '', createdAgo: 31 - k * 0.5 })),
  });
  const exporter = bystander(ns, 'statement-exporter', names, 2 * HOURS + 30, { revisions: [17, 18], versions: ['1.6.0', '1.6.1'], olderAgo: 12 * DAYS });
  const pgLog = (): string => {
    const out: string[] = [
      `${pgTime(70 * DAYS - 0.3)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
      `${pgTime(70 * DAYS - 0.3)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
      `${pgTime(70 * DAYS - 0.31)} [1] LOG:  database system is ready to accept connections`,
      `${pgTime(44)} [61] LOG:  checkpoint starting: time`,
      `${pgTime(43.5)} [61] LOG:  checkpoint complete: wrote 2841 buffers (1.1%); 0 WAL file(s) added, 0 removed, 2 recycled; write=28.612 s, sync=0.041 s, total=28.789 s; sync files=63, longest=0.012 s, average=0.001 s; distance=21544 kB, estimate=23811 kB; lsn=3A/9C2F1D88, redo lsn=3A/9B4E0A10`,
      `${pgTime(40)} [88412] LOG:  automatic vacuum of table "ledger.public.transfers": index scans: 1`,
    ];
    let pid = 91200;
    for (let j = 0; j < 12; j++) {
      const t = jit(28 - j * 2.3, j * 37);
      const api = pid + j * 17;
      const recPid = 90410 + (j % 2) * 6;
      const x1 = 9184700 + j * 311;
      const x2 = x1 + 23;
      const tuple = `(${1800 + j * 37},${4 + (j % 19)})`;
      const recVictim = j % 4 === 3;
      out.push(`${pgTime(t + 1 / 60)} [${recPid}] reconciler@ledger LOG:  process ${recPid} still waiting for ShareLock on transaction ${x1} after 1000.${String(41 + j).padStart(3, '0')} ms`);
      out.push(`${pgTime(t + 1 / 60)} [${recPid}] reconciler@ledger DETAIL:  Process holding the lock: ${api}. Wait queue: ${recPid}.`);
      out.push(`${pgTime(t + 1 / 60)} [${recPid}] reconciler@ledger CONTEXT:  while updating tuple ${tuple} in relation "accounts"`);
      out.push(`${pgTime(t + 1 / 60)} [${recPid}] reconciler@ledger STATEMENT:  UPDATE accounts SET balance = $1, reconciled_at = now() WHERE id = $2`);
      const [victim, other, victimUser, victimSql, otherSql] = recVictim
        ? [recPid, api, 'reconciler', 'UPDATE accounts SET balance = $1, reconciled_at = now() WHERE id = $2', 'UPDATE accounts SET balance = balance + $1, updated_at = now() WHERE id = $2']
        : [api, recPid, 'accounts_api', 'UPDATE accounts SET balance = balance + $1, updated_at = now() WHERE id = $2', 'UPDATE accounts SET balance = $1, reconciled_at = now() WHERE id = $2'];
      out.push(`${pgTime(t)} [${victim}] ${victimUser}@ledger ERROR:  deadlock detected`);
      out.push(`${pgTime(t)} [${victim}] ${victimUser}@ledger DETAIL:  Process ${victim} waits for ShareLock on transaction ${recVictim ? x1 : x2}; blocked by process ${other}.`);
      out.push(`\tProcess ${other} waits for ShareLock on transaction ${recVictim ? x2 : x1}; blocked by process ${victim}.`);
      out.push(`\tProcess ${victim}: ${victimSql}`);
      out.push(`\tProcess ${other}: ${otherSql}`);
      out.push(`${pgTime(t)} [${victim}] ${victimUser}@ledger HINT:  See server log for query details.`);
      out.push(`${pgTime(t)} [${victim}] ${victimUser}@ledger CONTEXT:  while updating tuple (${2200 + j * 11},${3 + (j % 7)}) in relation "accounts"`);
      out.push(`${pgTime(t)} [${victim}] ${victimUser}@ledger STATEMENT:  ${victimSql}`);
      pid += 3;
    }
    out.push(`${pgTime(14)} [61] LOG:  checkpoint starting: time`);
    out.push(`${pgTime(13.5)} [61] LOG:  checkpoint complete: wrote 3107 buffers (1.2%); 0 WAL file(s) added, 0 removed, 2 recycled; write=29.011 s, sync=0.038 s, total=29.170 s; sync files=58, longest=0.010 s, average=0.001 s; distance=24410 kB, estimate=24410 kB; lsn=3A/A1C07E20, redo lsn=3A/A0F21B58`);
    return out.join('\n') + '\n';
  };
  const apiLog = (k: number): string => {
    const out: string[] = [
      `{"level":"info","ts":"${at(6 * DAYS - k - 0.3)}","caller":"cmd/api/main.go:57","msg":"starting accounts-api","version":"8.14.1","db_max_conns":25}`,
      `{"level":"info","ts":"${at(40 - k)}","caller":"http/log.go:31","msg":"request","method":"POST","path":"/v1/transfers","status":201,"duration_ms":${18 + k}}`,
    ];
    for (let j = 0; j < 14; j++) {
      const t = jit(28.5 - j * 2 - k * 0.13, j * 41 + k);
      const from = 100231 + ((j * 7919 + k * 104729) % 90000);
      const to = from + 1 + ((j * 31) % 5000);
      out.push(`{"level":"info","ts":"${at(t + 0.2)}","caller":"http/log.go:31","msg":"request","method":"POST","path":"/v1/transfers","status":201,"duration_ms":${21 + ((j * 13) % 30)}}`);
      if (j % 2 === 0) {
        out.push(`{"level":"error","ts":"${at(t)}","caller":"transfers/service.go:112","msg":"transfer failed","transfer_id":"trf_${hex(`trf/${k}/${j}`, 12)}","from_account":${Math.min(from, to)},"to_account":${Math.max(from, to)},"error":"credit account ${Math.max(from, to)}: ERROR: deadlock detected (SQLSTATE 40P01)"}`);
        out.push(`{"level":"info","ts":"${at(t - 0.001)}","caller":"http/log.go:31","msg":"request","method":"POST","path":"/v1/transfers","status":500,"duration_ms":${1011 + ((j * 17) % 60)}}`);
      }
      if (j % 5 === 1) out.push(`{"level":"info","ts":"${at(t - 0.1)}","caller":"http/log.go:31","msg":"request","method":"GET","path":"/v1/accounts/${from}/balance","status":200,"duration_ms":4}`);
    }
    return out.join('\n') + '\n';
  };
  const recLog = (k: number): string => {
    const start = 31 - k * 0.5 - 0.2;
    const out: string[] = [
      `${pyTime(start)} INFO reconciler.main: balance-reconciler 2.4.0 starting (batch_size=500, order=last_activity_desc, interval=20s)`,
      `${pyTime(start - 0.01)} INFO reconciler.db: connected to ledger-db.ledger.svc.cluster.local:5432/ledger as reconciler`,
    ];
    for (let j = 0; j < 16; j++) {
      const t = jit(29.5 - j * 1.8 - k * 0.3, j * 43 + k);
      if (j % 4 === 3) {
        out.push(`${pyTime(t)} WARNING reconciler.batch: batch ${18830 + j * 2 + k} aborted, retrying in 5s: psycopg.errors.DeadlockDetected: deadlock detected`);
        out.push(`DETAIL:  Process ${90410 + k * 6} waits for ShareLock on transaction ${9184700 + j * 311}; blocked by process ${91200 + j * 17}.`);
        out.push(`Process ${91200 + j * 17} waits for ShareLock on transaction ${9184723 + j * 311}; blocked by process ${90410 + k * 6}.`);
        out.push(`HINT:  See server log for query details.`);
        out.push(`CONTEXT:  while updating tuple (${1800 + j * 37},${4 + (j % 19)}) in relation "accounts"`);
      } else {
        out.push(`${pyTime(t)} INFO reconciler.batch: batch ${18830 + j * 2 + k} committed: 500 accounts (ordered by last_activity_at desc), ${3 + (j % 4)} corrected, took ${(2.1 + (j % 5) * 0.4).toFixed(1)}s`);
      }
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout39-postgres-deadlock-from-reconciler',
    class: 'rollout',
    truth: 'accounts-api has not changed (revision 41, 6 days old): a transfer locks its two accounts in ascending id order (TRANSFER_LOCK_ORDER=account_id_asc). 31 minutes ago ANOTHER Deployment, balance-reconciler, rolled out revision 9 (2.4.0), which reconciles 500 accounts per transaction ordered by last_activity_at DESC (RECONCILE_BATCH_SIZE 50 → 500, RECONCILE_ORDER account_id_asc → last_activity_desc). The reconciler now holds row locks on the busiest accounts in a different order than the API and for seconds, so transfers and reconcile batches wait on each other\'s transactions: Postgres logs "ERROR: deadlock detected" with "Process X waits for ShareLock on transaction Y; blocked by process Z", aborts one side, and accounts-api answers 500 (SQLSTATE 40P01) on about half its transfers. Postgres itself is healthy. Fix: roll back balance-reconciler to revision 8 (or restore id-ordered, small batches); the API needs no rollback.',
    ask: { service: 'accounts-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...claims, ...api.objects, ...rec.objects, ...exporter.objects,
      ...exposed({ namespace: ns, name: 'ledger-db', selector: { app: 'ledger-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'accounts-api', selector: { app: 'accounts-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'statement-exporter', selector: { app: 'statement-exporter' }, pods: exporter.pods }),
      configMap({ namespace: ns, name: 'ledger-db-config', createdAgo: 500 * DAYS, updatedAgo: 70 * DAYS, data: { 'postgresql.conf': pgConf } }),
      ...rolloutEvents(deploymentOf(rec), rsOf(rec, 9), rsOf(rec, 8), 2, 31),
      ...rec.pods.flatMap((p, k) => startedAt(p, 'app', recImage('2.4.0'), 31 - k * 0.5)),
      ...rolloutEvents(deploymentOf(exporter), rsOf(exporter, 18), rsOf(exporter, 17), 2, 2 * HOURS + 30),
    ],
    logs: [
      logsFor(podOf(db, 0), 'postgres', { current: pgLog() }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...rec.pods.map((p, k) => logsFor(p, 'app', { current: recLog(k) })),
      ...exporter.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(3)}","msg":"exported statements","count":1204}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/deadlock/i, /balance-reconciler/],
      facts: [/deadlock detected/i, /ShareLock|40P01/, /revision 9|2\.4\.0|last_activity_desc|RECONCILE_ORDER|RECONCILE_BATCH_SIZE/],
      never: [/(roll(ing)? ?back|undo)[^\n]*accounts-api|accounts-api[^\n]*(roll(ing)? ?back|rollout undo)|accounts-api[^\n]*revision 41[^\n]*(caused|broke|introduced)/i, /\bOOM/, /too many (clients|connections)|connection pool/i, /postgres[^\n]*\b(down|unreachable|crash)/i, /statement-exporter/],
    },
  };
}

// ---- 7. healthy: ParallelGC logs "Pause Young (Allocation Failure)" -------------------------------

function healthyParallelGcAllocationFailure(): CorpusScenario {
  const ns = 'quotes';
  const { nodes, names } = threeEksNodes('10.0.12', ['61', '187', '230']);
  const image = (v: string) => `${ECR}/quotes/pricing-engine:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '1', memory: '2560Mi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:+UseParallelGC -XX:MaxRAMPercentage=75 -Xlog:gc:stdout:time,level,tags' },
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8081, { timeoutSeconds: 2 }),
      liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 30, timeoutSeconds: 2 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-engine',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 24 * DAYS, changeCause: 'argocd: pricing-engine 4.3.0', template: tpl('4.3.0') },
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: pricing-engine 4.3.1', template: tpl('4.3.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const jvmTime = (m: number): string => `${at(m).slice(0, 23)}+0000`;
  const pricingLog = (k: number): string => {
    const start = 9 * DAYS - k - 0.3;
    const out: string[] = [
      'Picked up JAVA_TOOL_OPTIONS: -XX:+UseParallelGC -XX:MaxRAMPercentage=75 -Xlog:gc:stdout:time,level,tags',
      `[${jvmTime(start)}][info][gc] Using Parallel`,
      `${at(start - 0.1)}  INFO 1 --- [pricing-engine] [           main] c.a.q.PricingEngineApplication           : Started PricingEngineApplication in 11.204 seconds (process running for 12.018)`,
    ];
    let gc = 48211 + k * 1377;
    for (let j = 0; j < 40; j++) {
      const t = jit(60 - j * 1.5 - k * 0.21, j * 47 + k);
      if (t < 0.05) break;
      const before = 1380 + ((j * 37 + k * 11) % 60);
      const after = 196 + ((j * 13 + k * 7) % 40);
      out.push(`[${jvmTime(t)}][info][gc] GC(${gc}) Pause Young (Allocation Failure) ${before}M->${after}M(1862M) ${(9.1 + ((j * 7 + k) % 60) / 10).toFixed(3)}ms`);
      gc += 1;
      if (j === 6) {
        out.push(`[${jvmTime(t - 0.3)}][info][gc] GC(${gc}) Pause Full (Ergonomics) 1701M->298M(1862M) ${(381.4 + k * 22.7).toFixed(3)}ms`);
        gc += 1;
      }
      if (j % 4 === 1) out.push(`${at(t - 0.2)}  INFO 1 --- [pricing-engine] [nio-8080-exec-${(j % 9) + 1}] c.a.q.api.QuoteController                : quote batch priced: ${40 + ((j * 11) % 60)} items in ${(18 + ((j * 7) % 30))} ms`);
      if (j % 10 === 3) out.push(`${at(t - 0.25)}  INFO 1 --- [pricing-engine] [   scheduling-1] c.a.q.rates.RateTableRefresher           : rate tables refreshed: 1284 tables, 0 changed`);
    }
    return out.join('\n') + '\n';
  };
  const other = bystander(ns, 'quotes-gateway', names, 6 * HOURS, { revisions: [33, 34], versions: ['2.9.4', '2.9.5'], olderAgo: 10 * DAYS });
  return {
    id: 'heldout39-healthy-parallel-gc-allocation-failure',
    class: 'healthy',
    truth: 'pricing-engine is healthy: three pods of revision 12 (9 days old) running and ready with no restarts, requests answered in tens of milliseconds. Its JVM runs the Parallel collector with GC logging to stdout, so the log is full of "Pause Young (Allocation Failure)" lines — the normal trigger of a young collection when eden fills, each ~10 ms and freeing the heap back to ~200M of 1862M — and a rare "Pause Full (Ergonomics)" of ~400 ms. Nothing to do; "Allocation Failure" is not an error.',
    ask: { service: 'pricing-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'quotes-gateway', selector: { app: 'quotes-gateway' }, pods: other.pods }),
      ...rolloutEvents(deploymentOf(other), rsOf(other, 34), rsOf(other, 33), 2, 6 * HOURS),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: pricingLog(k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(1)}","level":"INFO","msg":"GET /quotes/v2/health","status":200,"dur_ms":2}`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|running|ready|fine/i],
      facts: [/pricing-engine/],
      never: [/\bOOM/, /allocation failure/i, /garbage collect|\bGC\b[^\n]*(pause|pressure|thrash|overhead|storm)|memory (leak|pressure)|out of memory/i, /crash ?loop/i, ADVISES_ROLLBACK, /quotes-gateway/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  railsPoolSmallerThanPumaThreads(),
  cassandraTombstoneOverwhelming(),
  elasticsearchBulkRejectedAfterScaleUp(),
  natsSlowConsumerSingleWorker(),
  dotnetGcHeapHardLimit(),
  postgresDeadlockFromReconciler(),
  healthyParallelGcAllocationFailure(),
];
