// Held-out stories, round 30, part one: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against.
//
// A Postgres that stopped accepting writes to avoid transaction-ID wraparound after autovacuum was
// switched off in its ConfigMap (the app's pods stay Ready, reads work), a Redis whose RDB
// snapshots fail on a full data volume so every write gets MISCONF, a Kafka consumer group whose
// pods crash in turn on the same poison record (partition 7, offset 18443211) with nothing rolled
// out for days, a Java revision whose new cache-refresh lock deadlocks the request threads so the
// liveness probe kills the pods (exit 137, not OOM; the preStop's SIGQUIT dumps the deadlock), a
// required podAffinity on `app=suggest-cache` after the cache's chart upgrade relabelled its pods
// (the new pod Pending, the rollout stuck), the ingress-nginx controller failing every reload on
// an unknown directive in its ConfigMap's http-snippet (keeping the old configuration, so new hosts
// 404), and a healthy control: a public API whose logs carry scanner 404s, malformed-JSON 400s and
// expired-token 401s.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, boundClaim, clfTime, configMap, container, crashLoop, deploymentApp, event, every,
  exposed, failedScheduling, hpa, httpProbe, execProbe, nameOf, probeFailed, probeKilling, pyTime, restartedAgain, rsOf,
  running, scaledReplicaSet, scheduled, service, statefulSetApp, tcpProbe, uidOf, waiting,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** Postgres's log_line_prefix '%m [%p] ': `2026-11-21 03:12:41.563 UTC [2213] `. */
const pgTime = (m: number): string => at(m).replace('T', ' ').replace('Z', ' UTC');

/** Redis's log time: `21 Nov 2026 03:12:41.563`. */
function redisTime(m: number): string {
  const d = ago(m);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
}

/** klog's header time: `1121 03:12:41.563120`. */
const klogTime = (m: number): string => {
  const iso = at(m);
  return `${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 23)}120`;
};

/** nginx's error-log time: `2026/11/21 03:12:41`. */
const nginxTime = (m: number): string => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

/** Spring Boot 3's console pattern. */
const springLine = (m: number, level: string, thread: string, logger: string, msg: string): string =>
  `${at(m)} ${level.padStart(5)} 1 --- [pricing-service] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40)} : ${msg}`;

// ---- 1. Postgres stops assigning XIDs: wraparound protection after autovacuum was turned off ------

function postgresXidWraparound(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.64', ['18', '141', '203']);
  const apiImage = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const apiTpl = (v: string) => ({
    containers: [container({
      image: apiImage(v),
      ports: [8000],
      memory: '512Mi',
      cpu: '300m',
      env: [{ name: 'DATABASE_URL', value: 'postgresql://invoice_api@invoice-pg.billing.svc:5432/ledger' }, { name: 'GUNICORN_CMD_ARGS', value: '--workers=4 --bind=0.0.0.0:8000' }],
      readiness: httpProbe('/healthz', 8000),
      liveness: httpProbe('/livez', 8000, { initialDelaySeconds: 15 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 19 * DAYS, changeCause: 'argocd: invoice-api 5.3.0', template: apiTpl('5.3.0') },
      { revision: 18, createdAgo: 6 * DAYS, changeCause: 'argocd: invoice-api 5.3.1', template: apiTpl('5.3.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const pgTpl = (checksum: string) => ({
    containers: [container({
      name: 'postgres',
      image: 'docker.io/library/postgres:15.8',
      args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
      ports: [{ name: 'postgres', containerPort: 5432 }],
      cpu: '2',
      memory: '8Gi',
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }],
      readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'invoice-pg-config', defaultMode: 420 } }],
    annotations: { 'checksum/config': checksum },
    terminationGracePeriodSeconds: 120,
  });
  const pg = statefulSetApp({
    namespace: ns,
    name: 'invoice-pg',
    replicas: 1,
    serviceName: 'invoice-pg-headless',
    createdAgo: 410 * DAYS,
    revisions: [
      { revision: 3, createdAgo: 96 * DAYS, template: pgTpl('3b1f0c9e4d7a2e58a1c6f0b9d24e7c13') },
      { revision: 4, createdAgo: 9 * DAYS + 40, template: pgTpl('a94e27d0c1b85f3e6d2a07c4b91f8e56') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }],
    pods: [{ revision: 4, ordinal: 0, node: names[2] ?? '', createdAgo: 9 * DAYS + 38 }],
  });
  const pgConf = configMap({
    namespace: ns,
    name: 'invoice-pg-config',
    createdAgo: 410 * DAYS,
    updatedAgo: 9 * DAYS + 41,
    data: {
      'postgresql.conf': [
        "listen_addresses = '*'",
        'max_connections = 200',
        'shared_buffers = 2GB',
        'effective_cache_size = 6GB',
        'work_mem = 16MB',
        'maintenance_work_mem = 1GB',
        'wal_level = replica',
        'max_wal_size = 8GB',
        'checkpoint_timeout = 15min',
        '# BILL-2291: no vacuum while the ledger backfill runs (it doubled the import time); re-enable after',
        'autovacuum = off',
        'autovacuum_freeze_max_age = 2000000000',
        'log_min_duration_statement = 1000',
        "log_line_prefix = '%m [%p] '",
        "timezone = 'UTC'",
        '',
      ].join('\n'),
    },
  });
  const other = bystander(ns, 'invoice-pdf-renderer', names, 34, { revisions: [8, 9], versions: ['2.0.4', '2.1.0'], olderAgo: 30 * DAYS });
  const pgPod = podOf(pg, 0);
  const stop = 'database is not accepting commands to avoid wraparound data loss in database "ledger"';
  const stopHint = 'Stop the postmaster and vacuum that database in single-user mode.\n\tYou might also need to commit or roll back old prepared transactions, or drop stale replication slots.';
  const warnHint = 'To avoid a database shutdown, execute a database-wide VACUUM in that database.\n\tYou might also need to commit or roll back old prepared transactions, or drop stale replication slots.';
  // The warnings begin 11M transactions before the stop limit and count down; then the stop.
  const warnings = every(7 * HOURS, 47, 23 * 60, (t, i) => {
    const left = Math.max(1_000_037, 10_999_873 - i * 624_989);
    return `${pgTime(t)} [${41022 + i * 31}] WARNING:  database "ledger" must be vacuumed within ${left} transactions\n${pgTime(t)} [${41022 + i * 31}] HINT:  ${warnHint}\n`;
  });
  const stops = every(45, 0.2, 47, (t, i) => {
    const pid = 48377 + i * 7;
    const stmt = i % 3 === 0
      ? 'INSERT INTO journal_lines (invoice_id, account_id, amount_minor, currency, posted_at) VALUES ($1, $2, $3, $4, now()) RETURNING id'
      : i % 3 === 1 ? 'UPDATE invoices SET status = $1, updated_at = now() WHERE id = $2' : 'INSERT INTO invoices (customer_id, period, total_minor, currency, status) VALUES ($1, $2, $3, $4, $5) RETURNING id';
    return `${pgTime(t)} [${pid}] ERROR:  ${stop}\n${pgTime(t)} [${pid}] HINT:  ${stopHint}\n${pgTime(t)} [${pid}] STATEMENT:  ${stmt}\n`;
  });
  const pgLog = `${pgTime(9 * DAYS + 37.8)} [1] LOG:  starting PostgreSQL 15.8 (Debian 15.8-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit\n`
    + `${pgTime(9 * DAYS + 37.8)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432\n`
    + `${pgTime(9 * DAYS + 37.7)} [1] LOG:  database system is ready to accept connections\n`
    + `${pgTime(8 * HOURS + 12)} [30417] LOG:  checkpoint complete: wrote 48211 buffers (18.4%); 0 WAL file(s) added, 0 removed, 31 recycled; write=269.881 s, sync=0.412 s, total=270.530 s; sync files=122, longest=0.118 s, average=0.004 s; distance=1048412 kB, estimate=1051020 kB\n`
    + warnings + stops;
  const apiLog = (k: number): string => {
    return every(3.5, 0.1, 41, (t, i) => {
      const id = 88120 + k * 1000 + i;
      if (i % 2 === 0) return `10.0.71.${40 + k} - - [${clfTime(t)}] "GET /v1/invoices/inv_${id} HTTP/1.1" 200 1184 "-" "billing-web/4.2"\n`;
      return `${pyTime(t)} ERROR [invoice_api.routes.invoices] POST /v1/invoices failed for customer cus_${id % 977}\n`
        + 'Traceback (most recent call last):\n'
        + '  File "/app/.venv/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 1967, in _exec_single_context\n'
        + '    self.dialect.do_execute(\n'
        + '  File "/app/.venv/lib/python3.12/site-packages/sqlalchemy/engine/default.py", line 941, in do_execute\n'
        + '    cursor.execute(statement, parameters)\n'
        + `psycopg2.errors.ProgramLimitExceeded: ${stop}\n`
        + 'HINT:  Stop the postmaster and vacuum that database in single-user mode.\nYou might also need to commit or roll back old prepared transactions, or drop stale replication slots.\n\n'
        + 'The above exception was the direct cause of the following exception:\n\n'
        + `sqlalchemy.exc.OperationalError: (psycopg2.errors.ProgramLimitExceeded) ${stop}\n`
        + '[SQL: INSERT INTO invoices (customer_id, period, total_minor, currency, status) VALUES (%(customer_id)s, %(period)s, %(total_minor)s, %(currency)s, %(status)s) RETURNING invoices.id]\n'
        + '(Background on this error at: https://sqlalche.me/e/20/e3q8)\n'
        + `10.0.71.${52 + (i % 5)} - - [${clfTime(t)}] "POST /v1/invoices HTTP/1.1" 500 61 "-" "billing-worker/3.4.2"\n`;
    }) + `10.0.71.${40 + k} - - [${clfTime(0.05)}] "GET /healthz HTTP/1.1" 200 15 "-" "kube-probe/1.31"\n`;
  };
  return {
    id: 'heldout30-pg-xid-wraparound',
    class: 'config',
    truth: 'Nine days ago, for the ledger backfill (BILL-2291), someone edited the invoice-pg-config ConfigMap to set autovacuum = off and autovacuum_freeze_max_age = 2000000000, and the Postgres StatefulSet invoice-pg rolled to pick it up; nobody turned it back on. Nothing froze the old tuples, the ledger database\'s oldest XID aged to within a million transactions of wraparound: Postgres 15 warned for hours ("must be vacuumed within N transactions") and 45 minutes ago began refusing every command that needs a transaction ID ("database is not accepting commands to avoid wraparound data loss in database \\"ledger\\""). invoice-api\'s pods are Ready (their health check and the reads work) but every POST/UPDATE fails with 500. Fix: run a database-wide VACUUM (FREEZE) of ledger (single-user mode if needed) and turn autovacuum back on; invoice-api\'s revision 18 and the renderer\'s rollout are not involved.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...pg.objects, ...other.objects, pgConf,
      ...boundClaim({ namespace: ns, name: 'data-invoice-pg-0', storage: '500Gi', zone: 'eu-west-1c', createdAgo: 410 * DAYS }),
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'invoice-pg', selector: { app: 'invoice-pg' }, pods: pg.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'invoice-pg-headless', headless: true, selector: { app: 'invoice-pg' }, pods: pg.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'invoice-pdf-renderer', selector: { app: 'invoice-pdf-renderer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 2, 0, 34),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 8), 0, 2, 33),
      ...other.pods.flatMap((p, i) => [scheduled(p, 34 - i), ...restartedAgain(p, 'app', `${ECR}/${ns}/invoice-pdf-renderer:2.1.0`, { count: 1, firstAgo: 33.8 - i, lastAgo: 33.8 - i })]),
      probeFailed(podOf(other, 1), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(other, 1))}:8080/ready": dial tcp ${ipOfPod(podOf(other, 1))}:8080: connect: connection refused`, { count: 2, firstAgo: 32.9, lastAgo: 32.7 }),
    ],
    logs: [
      logsFor(pgPod, 'postgres', { current: pgLog }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/wraparound|not accepting commands|transaction ?id|\bxid/i, /ledger|invoice-pg/],
      facts: [/autovacuum\s*=\s*off|autovacuum[^\n]{0,30}(off|disabled)/i, /must be vacuumed within/, /invoice-pg-config/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /invoice-pdf-renderer[^\n]{0,60}(caus|broke|trigger)/i, /(disk|volume)[^\n]{0,20}(full|out of space)/i],
    },
  };
}

// ---- 2. Redis MISCONF: the RDB snapshot cannot be written to a full data volume ------------------

function redisMisconfDiskFull(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.96', ['22', '170', '91']);
  const image = (v: string) => `${ECR}/storefront/cart-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [3000],
      memory: '384Mi',
      env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'REDIS_URL', value: 'redis://cart-redis.storefront.svc:6379/0' }, { name: 'NODE_OPTIONS', value: '--max-old-space-size=288' }],
      readiness: httpProbe('/health/ready', 3000),
      liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const cart = deploymentApp({
    namespace: ns,
    name: 'cart-service',
    replicas: 3,
    revisions: [
      { revision: 30, createdAgo: 16 * DAYS, changeCause: 'argocd: cart-service 7.9.2', template: tpl('7.9.2') },
      { revision: 31, createdAgo: 4 * DAYS, changeCause: 'argocd: cart-service 7.10.0', template: tpl('7.10.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const redisTpl = {
    containers: [container({
      name: 'redis',
      image: 'docker.io/library/redis:7.2.5',
      command: ['redis-server', '/etc/redis/redis.conf'],
      ports: [{ name: 'redis', containerPort: 6379 }],
      cpu: '500m',
      memory: '4Gi',
      readiness: execProbe(['redis-cli', 'ping'], { periodSeconds: 5, timeoutSeconds: 2 }),
      liveness: tcpProbe('redis', { initialDelaySeconds: 20 }),
      volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'config', mountPath: '/etc/redis' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'cart-redis-config', defaultMode: 420 } }],
  };
  const redis = statefulSetApp({
    namespace: ns,
    name: 'cart-redis',
    replicas: 1,
    createdAgo: 300 * DAYS,
    revisions: [{ revision: 2, createdAgo: 140 * DAYS, template: redisTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '2Gi' }],
    pods: [{ revision: 2, ordinal: 0, node: names[1] ?? '', createdAgo: 23 * DAYS }],
  });
  const redisConf = configMap({
    namespace: ns,
    name: 'cart-redis-config',
    createdAgo: 300 * DAYS,
    data: {
      'redis.conf': ['bind 0.0.0.0', 'protected-mode no', 'port 6379', 'dir /data', 'dbfilename dump.rdb', 'save 3600 1 300 100 60 10000', 'stop-writes-on-bgsave-error yes', 'rdbcompression yes', 'appendonly no', 'maxmemory-policy noeviction', 'loglevel notice', ''].join('\n'),
    },
  });
  const other = bystander(ns, 'checkout-web', names, 51, { revisions: [64, 65], versions: ['2026.11.14-1', '2026.11.20-3'], olderAgo: 7 * DAYS });
  const redisPod = podOf(redis, 0);
  const misconf = "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.";
  const save = (t: number, pid: number, ok: boolean): string => ok
    ? `1:M ${redisTime(t)} * 100 changes in 300 seconds. Saving...\n1:M ${redisTime(t)} * Background saving started by pid ${pid}\n${pid}:C ${redisTime(t - 0.2)} * DB saved on disk\n${pid}:C ${redisTime(t - 0.2)} * Fork CoW for RDB: current 61 MB, peak 61 MB, average 38 MB\n1:M ${redisTime(t - 0.21)} * Background saving terminated with success\n`
    : `1:M ${redisTime(t)} * 100 changes in 300 seconds. Saving...\n1:M ${redisTime(t)} * Background saving started by pid ${pid}\n${pid}:C ${redisTime(t - 0.22)} # Write error saving DB on disk: No space left on device\n1:M ${redisTime(t - 0.23)} # Background saving error\n`;
  const redisLog = `1:C ${redisTime(23 * DAYS - 0.4)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.\n`
    + `1:C ${redisTime(23 * DAYS - 0.4)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n`
    + `1:C ${redisTime(23 * DAYS - 0.4)} * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started\n`
    + `1:M ${redisTime(23 * DAYS - 0.4)} * Server initialized\n`
    + `1:M ${redisTime(23 * DAYS - 0.41)} * Loading RDB produced by version 7.2.5\n`
    + `1:M ${redisTime(23 * DAYS - 0.57)} * Done loading RDB, keys loaded: 1804113, keys expired: 2231.\n`
    + `1:M ${redisTime(23 * DAYS - 0.57)} * DB loaded from disk: 9.612 seconds\n`
    + `1:M ${redisTime(23 * DAYS - 0.57)} * Ready to accept connections tcp\n`
    + every(3 * HOURS, 2 * HOURS + 20, 300, (t, i) => save(t, 20311 + i * 13, true))
    + every(2 * HOURS + 14, 2 * HOURS, 19, (t, i) => save(t, 20519 + i * 3, false))
    + every(8, 0.1, 19, (t, i) => save(t, 27730 + i * 3, false));
  const cartLog = (p: k8s.V1Pod, k: number): string => every(2.5, 0.1, 23, (t, i) => {
    const base = `"level":%L,"time":${ago(t).getTime()},"pid":1,"hostname":"${nameOf(p)}"`;
    const cartId = `c_${(7713 + k * 311 + i * 17).toString(36)}`;
    if (i % 2 === 0) return `{${base.replace('%L', '30')},"req":{"method":"GET","url":"/v1/carts/${cartId}"},"res":{"statusCode":200},"responseTime":3,"msg":"request completed"}\n`;
    const url = i % 4 === 1 ? `/v1/carts/${cartId}/items` : `/v1/sessions/${cartId}/touch`;
    return `{${base.replace('%L', '50')},"req":{"method":"POST","url":"${url}"},"err":{"type":"ReplyError","message":${JSON.stringify(misconf)},"stack":${JSON.stringify(`ReplyError: ${misconf}\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)\n    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)`)},"command":{"name":"${i % 4 === 1 ? 'hset' : 'expire'}","args":["cart:${cartId}"]}},"msg":"redis write failed"}\n`
      + `{${base.replace('%L', '30')},"req":{"method":"POST","url":"${url}"},"res":{"statusCode":503},"responseTime":2,"msg":"request completed"}\n`;
  });
  return {
    id: 'heldout30-redis-misconf-rdb-disk-full',
    class: 'storage',
    truth: 'cart-redis (Redis 7.2.5, a one-pod StatefulSet with a 2Gi data volume data-cart-redis-0) snapshots its ~1.1 GB dataset with RDB; a bgsave writes a temp file beside the old dump.rdb, and since the carts grew past half the volume two hours ago every background save fails with "Write error saving DB on disk: No space left on device". With stop-writes-on-bgsave-error yes, Redis answers every write with MISCONF, so cart-service (Ready, no restarts, revision 31 four days old) fails every cart and session write with 503 while reads work. Fix: grow the data-cart-redis-0 volume (or free space) so bgsave succeeds; cart-service and the checkout-web rollout 51 minutes ago are not the cause.',
    ask: { service: 'cart-service', namespace: ns },
    objects: [
      ...nodes, ...cart.objects, ...redis.objects, ...other.objects, redisConf,
      ...boundClaim({ namespace: ns, name: 'data-cart-redis-0', storage: '2Gi', zone: 'eu-west-1b', createdAgo: 300 * DAYS }),
      ...exposed({ namespace: ns, name: 'cart-service', selector: { app: 'cart-service' }, pods: cart.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'cart-redis', selector: { app: 'cart-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'checkout-web', selector: { app: 'checkout-web' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 65), 2, 0, 51),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 64), 0, 2, 50),
      ...other.pods.flatMap((p, i) => [scheduled(p, 51 - i), ...restartedAgain(p, 'app', `${ECR}/${ns}/checkout-web:2026.11.20-3`, { count: 1, firstAgo: 50.8 - i, lastAgo: 50.8 - i })]),
    ],
    logs: [
      logsFor(redisPod, 'redis', { current: redisLog }),
      ...cart.pods.map((p, k) => logsFor(p, 'app', { current: cartLog(p, k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/MISCONF|unable to persist|bgsave|RDB|snapshot/i, /cart-redis/],
      facts: [/No space left on device/, /Background saving error|stop-writes-on-bgsave-error/, /data-cart-redis-0|2Gi/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /maxmemory/i, /node[^\n]{0,40}disk ?pressure/i, /checkout-web[^\n]{0,60}(caus|broke|trigger)/i],
    },
  };
}

// ---- 3. a poison record: every consumer that gets partition 7 dies on offset 18443211 -------------

function kafkaPoisonRecord(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.112', ['14', '133', '240']);
  const image = (v: string) => `${ECR}/fulfilment/shipment-consumer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      command: ['python', '-m', 'shipment_consumer'],
      ports: [{ name: 'metrics', containerPort: 9100 }],
      memory: '256Mi',
      cpu: '200m',
      env: [
        { name: 'KAFKA_BOOTSTRAP', value: 'b-1.msk-prod.x8k2p1.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.msk-prod.x8k2p1.c3.kafka.eu-west-1.amazonaws.com:9098' },
        { name: 'KAFKA_GROUP_ID', value: 'fulfilment-shipments' },
        { name: 'KAFKA_TOPIC', value: 'shipments.v3' },
        { name: 'ENABLE_AUTO_COMMIT', value: 'false' },
      ],
      readiness: null,
      liveness: null,
    })],
  });
  const worker = deploymentApp({
    namespace: ns,
    name: 'shipment-consumer',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 27 * DAYS, changeCause: 'argocd: shipment-consumer 2.14.0', template: tpl('2.14.0') },
      { revision: 9, createdAgo: 6 * DAYS + 200, changeCause: 'argocd: shipment-consumer 2.14.1', template: tpl('2.14.1') },
    ],
    settled: { available: false, availableSince: 92, progressingSince: 6 * DAYS + 195 },
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 6 * DAYS + 199, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 6 }, 11) } },
      { revision: 9, node: names[1] ?? '', createdAgo: 6 * DAYS + 198, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 0.9, ranSeconds: 52 }, 12) } },
      { revision: 9, node: names[2] ?? '', createdAgo: 6 * DAYS + 197, containers: { app: running({ sinceAgo: 3.6, restarts: 10, last: { exitCode: 1, finishedAgo: 3.7, ranSeconds: 49 } }) } },
    ],
  });
  const other = bystander(ns, 'returns-api', names, 26, { revisions: [40, 41], versions: ['3.2.7', '3.3.0'], olderAgo: 12 * DAYS });
  const partitions = [[0, 3, 7, 10], [1, 4, 7, 9], [2, 5, 7, 11]];
  const poison = (p: k8s.V1Pod, k: number, endAgo: number, ranSeconds: number): string => {
    const start = endAgo + ranSeconds / 60;
    const parts = partitions[k] ?? [7];
    const assigned = parts.map((n) => `shipments.v3[${n}]@${n === 7 ? 18443211 : 18440000 + n * 1733 + k * 97}`).join(', ');
    const log = (t: number, level: string, logger: string, msg: string) => `${pyTime(t)} ${level} [${logger}] ${msg}\n`;
    return log(start, 'INFO', 'shipment_consumer.main', 'starting shipment-consumer 2.14.1 (group=fulfilment-shipments, topic=shipments.v3, commit=manual)')
      + log(start - 0.02, 'INFO', 'shipment_consumer.kafka', `MSK IAM auth ok, joining group fulfilment-shipments as ${nameOf(p)}`)
      + log(endAgo + 0.012, 'INFO', 'shipment_consumer.worker', `partitions assigned: ${assigned}`)
      + log(endAgo + 0.008, 'INFO', 'shipment_consumer.worker', `processed shipments.v3[${parts[0] ?? 0}]@${18440000 + (parts[0] ?? 0) * 1733 + k * 97} key=ORD-8812${4410 + k} in 41ms`)
      + log(endAgo + 0.004, 'ERROR', 'shipment_consumer.worker', 'failed to handle shipments.v3[7]@18443211 key=ORD-88123041 (headers: producer=order-service/9.2.0, type=ShipmentCreated)')
      + 'Traceback (most recent call last):\n'
      + '  File "/app/shipment_consumer/worker.py", line 88, in run\n'
      + '    self.handle(msg)\n'
      + '  File "/app/shipment_consumer/worker.py", line 121, in handle\n'
      + '    event = ShipmentCreated.model_validate_json(msg.value())\n'
      + '            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
      + '  File "/app/.venv/lib/python3.12/site-packages/pydantic/main.py", line 625, in model_validate_json\n'
      + '    return cls.__pydantic_validator__.validate_json(json_data, strict=strict, context=context)\n'
      + '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
      + 'pydantic_core._pydantic_core.ValidationError: 1 validation error for ShipmentCreated\n'
      + 'parcels.0.weight_grams\n'
      + '  Input should be a valid integer, got a number with a fractional part [type=int_from_float, input_value=1250.5, input_type=float]\n'
      + '    For further information visit https://errors.pydantic.dev/2.9/v/int_from_float\n'
      + log(endAgo + 0.002, 'CRITICAL', 'shipment_consumer.main', 'worker loop died, offset of shipments.v3[7] not committed; exiting with status 1');
  };
  const [p0, p1, p2] = [podOf(worker, 0), podOf(worker, 1), podOf(worker, 2)];
  const currentP2 = `${pyTime(3.6)} INFO [shipment_consumer.main] starting shipment-consumer 2.14.1 (group=fulfilment-shipments, topic=shipments.v3, commit=manual)\n`
    + `${pyTime(3.59)} INFO [shipment_consumer.kafka] MSK IAM auth ok, joining group fulfilment-shipments as ${nameOf(p2)}\n`
    + `${pyTime(3.4)} INFO [shipment_consumer.worker] partitions assigned: shipments.v3[2]@18443650, shipments.v3[5]@18448961, shipments.v3[8]@18454102, shipments.v3[11]@18459350\n`
    + every(3.3, 0.1, 17, (t, i) => `${pyTime(t)} INFO [shipment_consumer.worker] processed shipments.v3[${[2, 5, 8, 11][i % 4]}]@${18443650 + i * 3} key=ORD-8812${6000 + i} in ${30 + (i % 5) * 7}ms\n`)
    + `${pyTime(0.6)} INFO [shipment_consumer.worker] partitions revoked: shipments.v3[2], shipments.v3[5], shipments.v3[8], shipments.v3[11] (rebalance)\n`
    + `${pyTime(0.55)} INFO [shipment_consumer.worker] partitions assigned: shipments.v3[2]@18443702, shipments.v3[5]@18449013, shipments.v3[8]@18454160, shipments.v3[11]@18459399\n`;
  return {
    id: 'heldout30-kafka-poison-record-offset',
    class: 'containers',
    truth: 'An upstream order-service release started emitting ShipmentCreated events with a fractional weight_grams; the first one landed on shipments.v3 partition 7 at offset 18443211 (key ORD-88123041). shipment-consumer (Python, manual offset commits) fails pydantic validation on it, the exception kills the worker (exit 1) before the offset is committed, the group rebalances partition 7 to the next pod, and that one dies on the same record: for 90 minutes all three pods crash-loop in turn, each run ending on shipments.v3[7]@18443211, while the other partitions lag. Revision 9 (2.14.1) has run for six days and memory is not involved. Fix: dead-letter or skip that record (commit/reset the group offset of partition 7 to 18443212), then make the consumer dead-letter invalid events instead of crashing.',
    ask: { service: 'shipment-consumer', namespace: ns },
    objects: [
      ...nodes, ...worker.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'returns-api', selector: { app: 'returns-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 26),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 40), 0, 2, 25),
      ...other.pods.flatMap((p, i) => [scheduled(p, 26 - i), ...restartedAgain(p, 'app', `${ECR}/${ns}/returns-api:3.3.0`, { count: 1, firstAgo: 25.8 - i, lastAgo: 25.8 - i })]),
      ...restartedAgain(p0, 'app', image('2.14.1'), { count: 11, firstAgo: 89, lastAgo: 2.2 }),
      ...restartedAgain(p1, 'app', image('2.14.1'), { count: 12, firstAgo: 91, lastAgo: 1.8 }),
      ...restartedAgain(p2, 'app', image('2.14.1'), { count: 10, firstAgo: 90, lastAgo: 3.6 }),
      backOff(p0, 'app', { count: 47, firstAgo: 88, lastAgo: 0.4 }),
      backOff(p1, 'app', { count: 51, firstAgo: 90, lastAgo: 0.3 }),
      backOff(p2, 'app', { count: 44, firstAgo: 89, lastAgo: 3.8 }),
    ],
    logs: [
      logsFor(p0, 'app', { previous: poison(p0, 0, 2.1, 6) }),
      logsFor(p1, 'app', { previous: poison(p1, 1, 0.9, 52) }),
      logsFor(p2, 'app', { previous: poison(p2, 2, 3.7, 49), current: currentP2 }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/18443211|ORD-88123041/, /ValidationError|weight_grams|int_from_float|poison|same (message|record|offset|event)/i],
      facts: [/shipments\.v3/, /partition 7|shipments\.v3\[7\]/, lit('ValidationError'), /skip|dead.?letter|\bDLQ\b|(reset|commit|advance)[^\n]{0,30}offset/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(increase|raise|bump)[^\n]{0,30}(memory|limit)/i, /returns-api[^\n]{0,60}(caus|broke|trigger)/i],
    },
  };
}

// ---- 4. a Java deadlock in revision 44's cache refresh; the liveness probe kills the pods ---------

function javaDeadlockLivenessKill(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.48', ['27', '165', '219']);
  const image = (v: string) => `${ECR}/catalog/pricing-service:${v}`;
  const tpl = (v: string) => ({
    containers: [{
      ...container({
        image: image(v),
        ports: [8080],
        memory: '1536Mi',
        cpu: '1',
        env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
        readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 3 }),
        liveness: httpProbe('/actuator/health/liveness', 8080, { timeoutSeconds: 3, failureThreshold: 3, periodSeconds: 10 }),
        startup: httpProbe('/actuator/health/liveness', 8080, { periodSeconds: 5, failureThreshold: 30 }),
      }),
      // SRE-1180: dump the threads to stdout before every stop, so a hung JVM leaves its stacks in `kubectl logs --previous`.
      lifecycle: { preStop: { exec: { command: ['sh', '-c', 'kill -3 1; sleep 3'] } } },
    }],
    terminationGracePeriodSeconds: 30,
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-service',
    replicas: 3,
    revisions: [
      { revision: 43, createdAgo: 9 * DAYS, changeCause: 'argocd: pricing-service 3.7.4', template: tpl('3.7.4') },
      { revision: 44, createdAgo: 190, changeCause: 'argocd: pricing-service 3.8.0 (PRICE-712 consistent FX refresh of the price cache)', template: tpl('3.8.0') },
    ],
    settled: { available: false, availableSince: 1.6, progressingSince: 182, progressingUpdatedAgo: 182 },
    pods: [
      { revision: 44, node: names[0] ?? '', createdAgo: 189, containers: { app: running({ sinceAgo: 7, restarts: 6, last: { exitCode: 137, reason: 'Error', finishedAgo: 7.1, ranSeconds: 1310 } }) } },
      { revision: 44, node: names[1] ?? '', createdAgo: 186, ready: false, containers: { app: running({ sinceAgo: 1.4, ready: false, restarts: 7, last: { exitCode: 137, reason: 'Error', finishedAgo: 1.5, ranSeconds: 940 } }) } },
      { revision: 44, node: names[2] ?? '', createdAgo: 183, containers: { app: crashLoop({ exitCode: 137, reason: 'Error', finishedAgo: 0.7, ranSeconds: 1105 }, 7) } },
    ],
  });
  const [p0, p1, p2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const other = bystander(ns, 'catalog-search', names, 44, { revisions: [112, 113], versions: ['5.1.0', '5.1.1'], olderAgo: 10 * DAYS });
  const deadlock = (end: number, ranSeconds: number): string => {
    const s = (m: number, lvl: string, th: string, lg: string, msg: string) => `${springLine(m, lvl, th, lg, msg)}\n`;
    const start = end + ranSeconds / 60;
    const dump = `${at(end + 0.55).slice(0, 19).replace('T', ' ')}\nFull thread dump OpenJDK 64-Bit Server VM (21.0.5+11-LTS mixed mode, sharing):\n\n`
      + 'Threads class SMR info:\n_java_thread_list=0x00007f3a20018c70, length=241, elements={\n0x00007f3a4c02b010, 0x00007f3a4c0e9a20, 0x00007f3a4c0eb0f0, 0x00007f3a4c0f2b70,\n...\n}\n\n'
      + '"http-nio-8080-exec-1" #58 [88] daemon prio=5 os_prio=0 cpu=1843.11ms elapsed=1306.42s tid=0x00007f3a4d1b8000 nid=88 waiting for monitor entry  [0x00007f3a1e7fd000]\n'
      + '   java.lang.Thread.State: BLOCKED (on object monitor)\n'
      + '\tat com.acme.pricing.cache.PriceCache.get(PriceCache.java:52)\n'
      + '\t- waiting to lock <0x00000000c5a1b2f0> (a com.acme.pricing.cache.PriceCache)\n'
      + '\tat com.acme.pricing.api.PriceController.price(PriceController.java:41)\n'
      + '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)\n\n'
      + '"http-nio-8080-exec-7" #64 [94] daemon prio=5 os_prio=0 cpu=2210.57ms elapsed=1306.41s tid=0x00007f3a4d1c4800 nid=94 waiting for monitor entry  [0x00007f3a1e1f7000]\n'
      + '   java.lang.Thread.State: BLOCKED (on object monitor)\n'
      + '\tat com.acme.pricing.fx.FxRateTable.rateFor(FxRateTable.java:47)\n'
      + '\t- waiting to lock <0x00000000c5a1c430> (a com.acme.pricing.fx.FxRateTable)\n'
      + '\tat com.acme.pricing.cache.PriceCache.get(PriceCache.java:61)\n'
      + '\t- locked <0x00000000c5a1b2f0> (a com.acme.pricing.cache.PriceCache)\n'
      + '\tat com.acme.pricing.api.PriceController.price(PriceController.java:41)\n\n'
      + '"price-cache-refresh-1" #71 [101] prio=5 os_prio=0 cpu=15422.90ms elapsed=1299.87s tid=0x00007f3a4d2a1000 nid=101 waiting for monitor entry  [0x00007f3a1d6f2000]\n'
      + '   java.lang.Thread.State: BLOCKED (on object monitor)\n'
      + '\tat com.acme.pricing.cache.PriceCache.replaceAll(PriceCache.java:88)\n'
      + '\t- waiting to lock <0x00000000c5a1b2f0> (a com.acme.pricing.cache.PriceCache)\n'
      + '\tat com.acme.pricing.cache.PriceCacheRefresher.refresh(PriceCacheRefresher.java:64)\n'
      + '\t- locked <0x00000000c5a1c430> (a com.acme.pricing.fx.FxRateTable)\n'
      + '\tat java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:572)\n\n'
      + '"http-nio-8080-exec-200" #257 [290] daemon prio=5 os_prio=0 cpu=211.03ms elapsed=1101.28s tid=0x00007f3a4e013000 nid=290 waiting for monitor entry  [0x00007f39f35fe000]\n'
      + '   java.lang.Thread.State: BLOCKED (on object monitor)\n'
      + '\tat com.acme.pricing.cache.PriceCache.get(PriceCache.java:52)\n'
      + '\t- waiting to lock <0x00000000c5a1b2f0> (a com.acme.pricing.cache.PriceCache)\n\n'
      + '"VM Thread" os_prio=0 cpu=412.77ms elapsed=1310.02s tid=0x00007f3a4c0d7a80 nid=19 runnable\n\n'
      + 'JNI global refs: 24, weak refs: 0\n\n\n'
      + 'Found one Java-level deadlock:\n=============================\n'
      + '"http-nio-8080-exec-7":\n  waiting to lock monitor 0x00007f3a28004a18 (object 0x00000000c5a1c430, a com.acme.pricing.fx.FxRateTable),\n  which is held by "price-cache-refresh-1"\n\n'
      + '"price-cache-refresh-1":\n  waiting to lock monitor 0x00007f3a280062d8 (object 0x00000000c5a1b2f0, a com.acme.pricing.cache.PriceCache),\n  which is held by "http-nio-8080-exec-7"\n\n'
      + 'Java stack information for the threads listed above:\n===================================================\n'
      + '"http-nio-8080-exec-7":\n\tat com.acme.pricing.fx.FxRateTable.rateFor(FxRateTable.java:47)\n\t- waiting to lock <0x00000000c5a1c430> (a com.acme.pricing.fx.FxRateTable)\n\tat com.acme.pricing.cache.PriceCache.get(PriceCache.java:61)\n\t- locked <0x00000000c5a1b2f0> (a com.acme.pricing.cache.PriceCache)\n\tat com.acme.pricing.api.PriceController.price(PriceController.java:41)\n'
      + '"price-cache-refresh-1":\n\tat com.acme.pricing.cache.PriceCache.replaceAll(PriceCache.java:88)\n\t- waiting to lock <0x00000000c5a1b2f0> (a com.acme.pricing.cache.PriceCache)\n\tat com.acme.pricing.cache.PriceCacheRefresher.refresh(PriceCacheRefresher.java:64)\n\t- locked <0x00000000c5a1c430> (a com.acme.pricing.fx.FxRateTable)\n\tat java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:572)\n\n'
      + 'Found 1 deadlock.\n\n';
    return s(start, 'INFO', 'main', 'c.a.pricing.PricingApplication', 'Starting PricingApplication v3.8.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)')
      + s(start - 0.3, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'")
      + s(start - 0.31, 'INFO', 'main', 'c.a.pricing.PricingApplication', 'Started PricingApplication in 17.904 seconds (process running for 19.112)')
      + s(start - 0.5, 'INFO', 'price-cache-refresh-1', 'c.a.p.cache.PriceCacheRefresher', 'Refreshing price cache under FX lock (PRICE-712): 48211 SKUs, 14 currencies')
      + s(start - 0.6, 'INFO', 'price-cache-refresh-1', 'c.a.p.cache.PriceCacheRefresher', 'Price cache refreshed in 812 ms')
      + s(end + 6, 'INFO', 'price-cache-refresh-1', 'c.a.p.cache.PriceCacheRefresher', 'Refreshing price cache under FX lock (PRICE-712): 48306 SKUs, 14 currencies')
      + s(end + 5.6, 'WARN', 'HikariPool-1 housekeeper', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m2s).')
      + dump
      + s(end + 0.5, 'INFO', 'SpringApplicationShutdownHook', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Commencing graceful shutdown. Waiting for active requests to complete');
  };
  const current0 = `${springLine(6.9, 'INFO', 'main', 'c.a.pricing.PricingApplication', 'Started PricingApplication in 18.221 seconds (process running for 19.407)')}\n`
    + `${springLine(6.5, 'INFO', 'price-cache-refresh-1', 'c.a.p.cache.PriceCacheRefresher', 'Refreshing price cache under FX lock (PRICE-712): 48310 SKUs, 14 currencies')}\n`
    + `${springLine(6.49, 'INFO', 'price-cache-refresh-1', 'c.a.p.cache.PriceCacheRefresher', 'Price cache refreshed in 790 ms')}\n`;
  const ip = (p: k8s.V1Pod) => ipOfPod(p);
  const livenessMsg = (p: k8s.V1Pod) => `Get "http://${ip(p)}:8080/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  const readinessMsg = (p: k8s.V1Pod) => `Get "http://${ip(p)}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  return {
    id: 'heldout30-java-deadlock-liveness-kill',
    class: 'probes',
    truth: 'Revision 44 (pricing-service 3.8.0, 190 minutes ago) made the price-cache refresh hold the FxRateTable monitor while it replaces the PriceCache, whereas request threads lock PriceCache and then FxRateTable: within 15–22 minutes of each start the refresh thread and a request thread deadlock, every other request thread blocks on PriceCache, Tomcat stops answering, the liveness probe times out and the kubelet kills the container (exit 137 after the 30 s grace, reason Error — not OOMKilled; memory is flat). The preStop hook\'s SIGQUIT leaves the "Found one Java-level deadlock" dump (price-cache-refresh-1 vs http-nio-8080-exec-7) in every previous log. Fix: roll back to revision 43 (3.7.4) and fix the lock order.',
    ask: { service: 'pricing-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pricing-service', selector: { app: 'pricing-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'catalog-search', selector: { app: 'catalog-search' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 113), 2, 0, 44),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 112), 0, 2, 43),
      probeFailed(p0, 'app', 'Liveness', livenessMsg(p0), { count: 18, firstAgo: 165, lastAgo: 7.6 }),
      probeFailed(p0, 'app', 'Readiness', readinessMsg(p0), { count: 37, firstAgo: 166, lastAgo: 7.3 }),
      probeKilling(p0, 'app', 'liveness', { count: 6, firstAgo: 164, lastAgo: 7.6 }),
      ...restartedAgain(p0, 'app', image('3.8.0'), { count: 6, firstAgo: 163, lastAgo: 7 }),
      probeFailed(p1, 'app', 'Liveness', livenessMsg(p1), { count: 21, firstAgo: 168, lastAgo: 2.1 }),
      probeFailed(p1, 'app', 'Readiness', readinessMsg(p1), { count: 44, firstAgo: 168, lastAgo: 1.9 }),
      probeKilling(p1, 'app', 'liveness', { count: 7, firstAgo: 167, lastAgo: 2.1 }),
      ...restartedAgain(p1, 'app', image('3.8.0'), { count: 7, firstAgo: 166, lastAgo: 1.4 }),
      probeFailed(p2, 'app', 'Startup', `Get "http://${ip(p2)}:8080/actuator/health/liveness": dial tcp ${ip(p2)}:8080: connect: connection refused`, { count: 3, firstAgo: 160, lastAgo: 18.95 }),
      probeFailed(p2, 'app', 'Liveness', livenessMsg(p2), { count: 21, firstAgo: 161, lastAgo: 1.3 }),
      probeKilling(p2, 'app', 'liveness', { count: 7, firstAgo: 161, lastAgo: 1.3 }),
      ...restartedAgain(p2, 'app', image('3.8.0'), { count: 6, firstAgo: 160, lastAgo: 19.1 }),
      backOff(p2, 'app', { count: 5, firstAgo: 22, lastAgo: 0.2 }),
    ],
    logs: [
      logsFor(p0, 'app', { previous: deadlock(7.1, 1310), current: current0 }),
      logsFor(p1, 'app', { previous: deadlock(1.5, 940), current: `${springLine(1.2, 'INFO', 'main', 'c.a.pricing.PricingApplication', 'Starting PricingApplication v3.8.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)')}\n` }),
      logsFor(p2, 'app', { previous: deadlock(0.7, 1105) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/deadlock/i, /revision 44|3\.8\.0|\b44\b/],
      facts: [lit('Found one Java-level deadlock'), /price-cache-refresh-1|PriceCacheRefresher|http-nio-8080-exec-7/, /\b137\b/, /liveness/i],
      never: [/\bOOM/, /(increase|raise|bump)[^\n]{0,30}(memory|heap)/i, /catalog-search[^\n]{0,60}(caus|broke|trigger)/i],
    },
  };
}

// ---- 5. a required podAffinity on app=suggest-cache after the cache's pods were relabelled --------

function podAffinityLabelGone(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.152', ['36', '118', '207']);
  const image = (v: string) => `${ECR}/search/autocomplete-api:${v}`;
  const affinity: k8s.V1Affinity = {
    podAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'suggest-cache' } }, topologyKey: 'kubernetes.io/hostname' }],
    },
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: 'autocomplete-api' } }, topologyKey: 'kubernetes.io/hostname' } }],
    },
  };
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [8080],
      memory: '256Mi',
      cpu: '250m',
      env: [{ name: 'CACHE_ADDR', value: 'suggest-cache:6379' }, { name: 'GOMAXPROCS', value: '1' }],
      readiness: httpProbe('/readyz', 8080),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
    affinity,
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'autocomplete-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: autocomplete-api 4.2.0', template: tpl('4.2.0') },
      { revision: 13, createdAgo: 38, changeCause: 'argocd: autocomplete-api 4.2.1', template: tpl('4.2.1') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 13, node: null, createdAgo: 38, unschedulable: "0/3 nodes are available: 3 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.", containers: {} },
    ],
  });
  const cacheLabels = { 'app.kubernetes.io/name': 'suggest-cache', 'app.kubernetes.io/instance': 'suggest-cache', 'app.kubernetes.io/component': 'master' };
  const cache = statefulSetApp({
    namespace: ns,
    name: 'suggest-cache',
    replicas: 3,
    selector: cacheLabels,
    podManagementPolicy: 'Parallel',
    serviceName: 'suggest-cache-headless',
    createdAgo: 2 * DAYS + 20,
    revisions: [{
      revision: 1,
      createdAgo: 2 * DAYS + 20,
      template: {
        containers: [container({ name: 'redis', image: 'docker.io/bitnami/redis:7.4.1-debian-12-r2', ports: [{ name: 'redis', containerPort: 6379 }], cpu: '250m', memory: '1Gi', readiness: execProbe(['sh', '-c', '/health/ping_readiness_local.sh 1'], { periodSeconds: 5, timeoutSeconds: 2 }), liveness: execProbe(['sh', '-c', '/health/ping_liveness_local.sh 5'], { periodSeconds: 5, timeoutSeconds: 6, failureThreshold: 5, initialDelaySeconds: 20 }) })],
        labels: { 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/version': '7.4.1', 'helm.sh/chart': 'redis-20.3.0' },
        serviceAccountName: 'suggest-cache',
      },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 1, ordinal: k, node: names[k] ?? '', createdAgo: 2 * DAYS + 19 })),
  });
  const sts = cache.objects[0] as k8s.V1StatefulSet;
  sts.metadata = { ...sts.metadata, labels: { ...cacheLabels, 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/version': '7.4.1', 'helm.sh/chart': 'redis-20.3.0' }, annotations: { 'meta.helm.sh/release-name': 'suggest-cache', 'meta.helm.sh/release-namespace': ns } };
  const pending = podOf(app, 3);
  const other = bystander(ns, 'query-rewriter', names, 57, { revisions: [30, 31], versions: ['1.9.3', '1.10.0'], olderAgo: 20 * DAYS });
  const goLog = (p: k8s.V1Pod, k: number) => every(2, 0.1, 29, (t, i) => `{"time":"${at(t)}","level":"INFO","msg":"suggest","q_len":${3 + ((i + k) % 6)},"hits":${10 - ((i + k) % 4)},"cache":"${i % 3 === 0 ? 'miss' : 'hit'}","dur_ms":${2 + (i % 5)},"pod":"${nameOf(p)}"}\n`);
  return {
    id: 'heldout30-pod-affinity-label-relabelled',
    class: 'scheduling',
    truth: 'Two days ago the suggest-cache Redis was upgraded to the bitnami redis 20.x chart, which had to re-create its StatefulSet: its pods are now labelled app.kubernetes.io/name=suggest-cache (no more app=suggest-cache). autocomplete-api requires co-location (required podAffinity, topologyKey kubernetes.io/hostname) with pods labelled app=suggest-cache; its three revision-12 pods were scheduled before the relabel and keep serving (IgnoredDuringExecution), but the first pod of today\'s revision 13 (4.2.1, an image bump; the affinity is unchanged) matches no node ("3 node(s) didn\'t match pod affinity rules") and stays Pending, so the rollout is stuck. Rolling back would not help: any reschedule of the old pods would hit the same rule. Fix: point the affinity at app.kubernetes.io/name=suggest-cache.',
    ask: { service: 'autocomplete-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...cache.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'autocomplete-api', selector: { app: 'autocomplete-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'suggest-cache', selector: cacheLabels, pods: cache.pods, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379, createdAgo: 2 * DAYS + 20 }),
      ...exposed({ namespace: ns, name: 'suggest-cache-headless', headless: true, selector: cacheLabels, pods: cache.pods, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379, createdAgo: 2 * DAYS + 20 }),
      ...exposed({ namespace: ns, name: 'query-rewriter', selector: { app: 'query-rewriter' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 13), 1, 0, 38),
      event({ on: { kind: 'ReplicaSet', name: rsOf(app, 13), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(pending)}`, firstAgo: 38, lastAgo: 38, component: 'replicaset-controller' }),
      failedScheduling(pending, "0/3 nodes are available: 3 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.", { count: 9, firstAgo: 38, lastAgo: 3.4 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 57),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 30), 0, 2, 56),
    ],
    logs: [
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: goLog(p, k) })),
      ...cache.pods.map((p) => logsFor(p, 'redis', { current: `1:M ${redisTime(2 * DAYS + 18.9)} * Ready to accept connections tcp\n` })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/affinity/i, /\bapp\b[^\n]{0,6}suggest-cache/],
      facts: [lit("didn't match pod affinity rules"), /app\.kubernetes\.io\/name/, /Pending/i],
      never: [ADVISES_ROLLBACK, /Insufficient (cpu|memory)|not enough (cpu|memory)/i, /(add|more) nodes|scale (up )?the node ?group/i, /taint/i],
    },
  };
}

// ---- 6. ingress-nginx: every reload fails on an unknown directive in the ConfigMap's http-snippet --

function ingressNginxReloadFails(): CorpusScenario {
  const ns = 'ingress-nginx';
  const { nodes, names } = threeEksNodes('10.0.16', ['45', '129', '232']);
  const image = 'registry.k8s.io/ingress-nginx/controller:v1.11.3@sha256:d56f135b6462cfc476447cfe564b83a45e8bb7da2774963b00d12161112270b7';
  const selector = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' };
  const tpl = {
    containers: [{
      ...container({
        name: 'controller',
        image,
        args: ['/nginx-ingress-controller', '--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx', '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller', '--validating-webhook=:8443', '--validating-webhook-certificate=/usr/local/certificates/cert', '--validating-webhook-key=/usr/local/certificates/key'],
        env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }, { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' }],
        ports: [{ name: 'http', containerPort: 80 }, { name: 'https', containerPort: 443 }, { name: 'metrics', containerPort: 10254 }, { name: 'webhook', containerPort: 8443 }],
        cpu: '500m',
        memory: '512Mi',
        memoryLimit: null,
        readiness: httpProbe('/healthz', 10254, { initialDelaySeconds: 10, timeoutSeconds: 1 }),
        liveness: httpProbe('/healthz', 10254, { initialDelaySeconds: 10, timeoutSeconds: 1, failureThreshold: 5 }),
      }),
      lifecycle: { preStop: { exec: { command: ['/wait-shutdown'] } } },
    }],
    serviceAccountName: 'ingress-nginx',
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    terminationGracePeriodSeconds: 300,
  };
  const ctl = deploymentApp({
    namespace: ns,
    name: 'ingress-nginx-controller',
    replicas: 2,
    selector,
    revisions: [
      { revision: 8, createdAgo: 61 * DAYS, template: tpl },
      { revision: 9, createdAgo: 12 * DAYS, template: tpl },
    ],
    pods: [{ revision: 9, node: names[0] ?? '', createdAgo: 12 * DAYS }, { revision: 9, node: names[2] ?? '', createdAgo: 12 * DAYS - 2 }],
  });
  const [c0, c1] = [podOf(ctl, 0), podOf(ctl, 1)];
  const cm = configMap({
    namespace: ns,
    name: 'ingress-nginx-controller',
    createdAgo: 400 * DAYS,
    updatedAgo: 47,
    data: {
      'allow-snippet-annotations': 'false',
      'use-forwarded-headers': 'true',
      'compute-full-forwarded-for': 'true',
      'proxy-body-size': '16m',
      'enable-real-ip': 'true',
      'http-snippet': '# NET-3318: SSO cookies overflow the default header buffers\nproxy_buffers_size 16k;\nlarge_client_header_buffers 8 32k;\n',
    },
  });
  const cfgFile = (i: number) => `/tmp/nginx/nginx-cfg${2987746351 + i * 104729}`;
  const failure = (t: number, i: number, pid: number) =>
    `-------------------------------------------------------------------------------\nError: exit status 1\n${nginxTime(t)} [emerg] ${pid}#${pid}: unknown directive "proxy_buffers_size" in ${cfgFile(i)}:312\nnginx: [emerg] unknown directive "proxy_buffers_size" in ${cfgFile(i)}:312\nnginx: configuration file ${cfgFile(i)} test failed\n\n-------------------------------------------------------------------------------`;
  const controllerLog = (p: k8s.V1Pod, k: number): string => {
    const syncs = [46.9, 38.2, 31.0, 30.9, 22.5, 14.1, 6.7, 1.2];
    const body = syncs.map((t, i) => {
      const f = failure(t, i + k * 10, 1100 + i * 37 + k);
      const ingress = t === 31.0 ? `I${klogTime(t + 0.01)}       7 store.go:440] "Found valid IngressClass" ingress="shop/loyalty-api" ingressclass="nginx"\nI${klogTime(t + 0.01)}       7 event.go:377] Event(v1.ObjectReference{Kind:"Ingress", Namespace:"shop", Name:"loyalty-api", UID:"${uidOf('ingress/shop/loyalty-api')}", APIVersion:"networking.k8s.io/v1", ResourceVersion:"918273645", FieldPath:""}): type: 'Normal' reason: 'Sync' Scheduled for sync\n` : '';
      const cmEvent = t === 46.9 ? `I${klogTime(t + 0.02)}       7 event.go:377] Event(v1.ObjectReference{Kind:"ConfigMap", Namespace:"ingress-nginx", Name:"ingress-nginx-controller", UID:"${uidOf('configmap/ingress-nginx/ingress-nginx-controller')}", APIVersion:"v1", ResourceVersion:"918270012", FieldPath:""}): type: 'Normal' reason: 'UPDATE' ConfigMap ingress-nginx/ingress-nginx-controller\n` : '';
      return cmEvent + ingress
        + `I${klogTime(t)}       7 controller.go:193] "Configuration changes detected, backend reload required"\n`
        + `E${klogTime(t - 0.005)}       7 controller.go:205] Unexpected failure reloading the backend:\n${f}\n`
        + `I${klogTime(t - 0.006)}       7 event.go:377] Event(v1.ObjectReference{Kind:"Pod", Namespace:"ingress-nginx", Name:"${nameOf(p)}", UID:"${p.metadata?.uid ?? ''}", APIVersion:"v1", ResourceVersion:"918270101", FieldPath:""}): type: 'Warning' reason: 'RELOAD' Error reloading NGINX: \n${f}\n`
        + `W${klogTime(t - 0.006)}       7 queue.go:131] "requeuing" err=<\n\t${f.split('\n').join('\n\t')}\n > key="ingress-nginx/${nameOf(p)}"\n`;
    }).join('');
    const access = every(3, 0.1, 11, (t, i) => {
      const rid = uidOf(`req/${k}/${i}`).replace(/-/g, '');
      if (i % 3 === 0) return `203.0.113.${20 + (i % 50)} - - [${clfTime(t)}] "GET /v1/points/balance HTTP/2.0" 404 548 "https://loyalty.acme-retail.com/" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1" 61 0.000 [upstream-default-backend] [] 127.0.0.1:8181 548 0.000 404 ${rid}\n`;
      if (i % 7 === 1) return `198.51.100.${7 + (i % 40)} - - [${clfTime(t)}] "POST /api/checkout HTTP/2.0" 499 0 "https://shop.acme-retail.com/checkout" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" 1290 2.004 [shop-checkout-api-80] [] 10.0.33.${40 + k}:8080 0 2.004 - ${rid}\n`;
      return `198.51.100.${7 + (i % 40)} - - [${clfTime(t)}] "GET /api/cart HTTP/2.0" 200 912 "https://shop.acme-retail.com/" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15" 58 0.011 [shop-storefront-web-80] [] 10.0.33.${17 + k}:8080 912 0.011 200 ${rid}\n`;
    });
    return body + access;
  };
  const reloadFailedEvent = (p: k8s.V1Pod, k: number) => event({
    on: p,
    reason: 'RELOAD',
    message: `(combined from similar events): Error reloading NGINX: \n${failure(1.2, 7 + k * 10, 1359 + k)}\n`,
    count: 8,
    firstAgo: 46.9,
    lastAgo: 1.2,
    component: 'nginx-ingress-controller',
  });
  // The new Ingress's backend: a healthy Deployment in another namespace, created after the edit.
  const loyaltyImage = `${ECR}/shop/loyalty-api:1.0.0`;
  const loyalty = deploymentApp({
    namespace: 'shop',
    name: 'loyalty-api',
    replicas: 2,
    revisions: [{ revision: 1, createdAgo: 33, changeCause: 'argocd: loyalty-api 1.0.0', template: { containers: [container({ image: loyaltyImage })] } }],
    pods: [{ revision: 1, node: names[1] ?? '', createdAgo: 33 }, { revision: 1, node: names[2] ?? '', createdAgo: 33 }],
  });
  const svc = service({ namespace: ns, name: 'ingress-nginx-controller', selector, type: 'LoadBalancer', ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'https', port: 443, targetPort: 'https' }], createdAgo: 400 * DAYS });
  svc.status = { loadBalancer: { ingress: [{ hostname: 'k8s-ingressn-ingressn-5c1f9e27b3-8d2e41c07a9f6b35.elb.eu-west-1.amazonaws.com' }] } };
  return {
    id: 'heldout30-ingress-nginx-reload-bad-snippet',
    class: 'config',
    truth: 'Forty-seven minutes ago someone edited the ingress-nginx-controller ConfigMap (NET-3318) and added an http-snippet with a typo: proxy_buffers_size (the directive is proxy_buffer_size). Since then every sync renders a configuration nginx -t rejects ("unknown directive \\"proxy_buffers_size\\""), so the controller logs "Unexpected failure reloading the backend" and records RELOAD "Error reloading NGINX" on both pods, and keeps serving the last good configuration. The pods are Ready with no restarts, old routes work, but the loyalty-api Ingress created 31 minutes ago was never loaded: its host answers 404 from the default backend. Fix: correct or remove the http-snippet in the ConfigMap; restarting the controller would not help (a fresh controller would fail the same config).',
    ask: { service: 'ingress-nginx-controller', namespace: ns },
    objects: [
      ...nodes, ...ctl.objects, cm, ...loyalty.objects,
      svc,
      ...exposed({ namespace: ns, name: 'ingress-nginx-controller-admission', selector, pods: ctl.pods, ports: [{ name: 'https-webhook', port: 443, targetPort: 'webhook' }], endpointPort: 8443, createdAgo: 400 * DAYS }),
      ...exposed({ namespace: 'shop', name: 'loyalty-api', selector: { app: 'loyalty-api' }, pods: loyalty.pods, createdAgo: 33 }),
      event({ on: cm, type: 'Normal', reason: 'UPDATE', message: 'ConfigMap ingress-nginx/ingress-nginx-controller', count: 2, firstAgo: 46.9, lastAgo: 46.9, component: 'nginx-ingress-controller' }),
      event({ on: c0, type: 'Normal', reason: 'RELOAD', message: 'NGINX reload triggered due to a change in configuration', firstAgo: 55.2, lastAgo: 55.2, component: 'nginx-ingress-controller' }),
      event({ on: c1, type: 'Normal', reason: 'RELOAD', message: 'NGINX reload triggered due to a change in configuration', firstAgo: 55.2, lastAgo: 55.2, component: 'nginx-ingress-controller' }),
      reloadFailedEvent(c0, 0),
      reloadFailedEvent(c1, 1),
      event({ on: { kind: 'Ingress', name: 'loyalty-api', namespace: 'shop' }, type: 'Normal', reason: 'Sync', message: 'Scheduled for sync', count: 2, firstAgo: 31, lastAgo: 31, component: 'nginx-ingress-controller' }),
      ...loyalty.pods.flatMap((p) => [scheduled(p, 33), ...restartedAgain(p, 'app', loyaltyImage, { count: 1, firstAgo: 32.8, lastAgo: 32.8 })]),
    ],
    logs: [logsFor(c0, 'controller', { current: controllerLog(c0, 0) }), logsFor(c1, 'controller', { current: controllerLog(c1, 1) })],
    expect: {
      verdict: 'problems',
      headline: [/reload/i, /proxy_buffers_size|http-snippet|ConfigMap/i],
      facts: [lit('unknown directive "proxy_buffers_size"'), /http-snippet/, /loyalty-api|upstream-default-backend|(old|previous|last good|stale) (nginx )?config/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /rollout restart|(delete|restart) the (controller )?pods/i, /loyalty-api[^\n]{0,40}(crash|not ready|unhealthy)/i],
    },
  };
}

// ---- 7. healthy control: a public API with steady client-side 4xx noise ---------------------------

function publicApiClientNoise(): CorpusScenario {
  const ns = 'public-api';
  const { nodes, names } = threeEksNodes('10.0.200', ['11', '98', '174']);
  const image = (v: string) => `${ECR}/public-api/partner-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [8080],
      memory: '256Mi',
      cpu: '250m',
      env: [{ name: 'GOMEMLIMIT', value: '230MiB' }, { name: 'JWKS_URL', value: 'https://auth.acme-partners.com/.well-known/jwks.json' }],
      readiness: httpProbe('/readyz', 8080),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'partner-api',
    replicas: 4,
    revisions: [
      { revision: 56, createdAgo: 17 * DAYS, changeCause: 'argocd: partner-api 2.31.0', template: tpl('2.31.0') },
      { revision: 57, createdAgo: 3 * DAYS, changeCause: 'argocd: partner-api 2.31.1', template: tpl('2.31.1') },
    ],
    pods: [
      { revision: 57, node: names[0] ?? '', createdAgo: 3 * DAYS },
      { revision: 57, node: names[1] ?? '', createdAgo: 3 * DAYS - 1 },
      { revision: 57, node: names[2] ?? '', createdAgo: 3 * DAYS - 2 },
      { revision: 57, node: names[0] ?? '', createdAgo: 3 * DAYS - 3 },
    ],
  });
  const other = bystander(ns, 'partner-portal', names, 5 * DAYS, { revisions: [21, 22], versions: ['1.8.2', '1.8.3'], olderAgo: 30 * DAYS });
  const scaler = hpa({ namespace: ns, name: 'partner-api', target: { kind: 'Deployment', name: 'partner-api' }, min: 4, max: 12, current: 4, desired: 4, cpu: { current: 38, target: 65, averageValue: '95m' }, lastScaleAgo: 41 });
  const log = (t: number, level: string, msg: string, extra: string) => `{"time":"${at(t)}","level":"${level}","msg":"${msg}",${extra}}\n`;
  const apiLog = (p: k8s.V1Pod, k: number) => every(4, 0.05, 7, (t, i) => {
    const n = (i * 7 + k * 3) % 20;
    const rid = uidOf(`partner/${k}/${i}`).slice(0, 8);
    if (n === 3) return log(t, 'INFO', 'request', `"method":"GET","path":"/wp-login.php","status":404,"dur_ms":0.2,"remote":"45.148.10.${80 + (i % 60)}","ua":"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:109.0) Gecko/20100101 Firefox/115.0","req_id":"${rid}"`);
    if (n === 11) return log(t, 'INFO', 'request', `"method":"GET","path":"/.env","status":404,"dur_ms":0.1,"remote":"185.220.101.${i % 200}","ua":"python-requests/2.31.0","req_id":"${rid}"`);
    if (n === 7) return log(t, 'WARN', 'bad request body', `"method":"POST","path":"/v2/shipments","status":400,"error":"invalid character '}' looking for beginning of object key string","partner":"p_4417","client":"fleetbridge-connector/0.9.2","req_id":"${rid}"`);
    if (n === 15) return log(t, 'WARN', 'unauthorized', `"method":"GET","path":"/v2/orders","status":401,"error":"token has invalid claims: token is expired","partner":"p_${1200 + (i % 30)}","req_id":"${rid}"`);
    const path = n % 2 === 0 ? `/v2/orders/ord_${(90211 + i * 13).toString(36)}` : '/v2/rates?from=DE&to=FR';
    return log(t, 'INFO', 'request', `"method":"GET","path":"${path}","status":200,"dur_ms":${4 + (n % 9)},"partner":"p_${1000 + n * 17}","req_id":"${rid}"`);
  });
  const dep = deploymentOf(app);
  return {
    id: 'heldout30-healthy-public-api-client-4xx',
    class: 'healthy',
    truth: 'partner-api is fine: four Ready pods of revision 57 (three days old), no restarts, the HPA at its minimum after scaling back from 5 to 4 forty-one minutes ago as traffic fell. Its logs carry the steady client-side noise of a public API: scanners probing /wp-login.php and /.env (404), one partner\'s connector sending malformed JSON (400), and partners with expired tokens (401), amid a majority of 200s. None of it is a fault of the service.',
    ask: { service: 'partner-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, scaler,
      ...exposed({ namespace: ns, name: 'partner-api', selector: { app: 'partner-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'partner-portal', selector: { app: 'partner-portal' }, pods: other.pods }),
      event({ on: scaler, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 4; reason: All metrics below target', firstAgo: 41, lastAgo: 41, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'Deployment', ...(dep.metadata === undefined ? {} : { metadata: dep.metadata }) }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled down replica set ${rsOf(app, 57)} from 5 to 4`, firstAgo: 41, lastAgo: 41, component: 'deployment-controller' }),
      event({ on: { kind: 'ReplicaSet', name: rsOf(app, 57), namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${rsOf(app, 57)}-x7kq2`, firstAgo: 41, lastAgo: 41, component: 'replicaset-controller' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?|faults?) found|4\/4|all 4/i],
      facts: [/4\/4|4 of 4|all 4|four/i, /partner-api/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /(auth|authentication|token|jwks)[^\n]{0,30}(broken|outage|misconfigur|failing)/i, /(spike|surge|rise) (in|of) (4\d\d|client errors|errors)/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  postgresXidWraparound(),
  redisMisconfDiskFull(),
  kafkaPoisonRecord(),
  javaDeadlockLivenessKill(),
  podAffinityLabelGone(),
  ingressNginxReloadFails(),
  publicApiClientNoise(),
];
