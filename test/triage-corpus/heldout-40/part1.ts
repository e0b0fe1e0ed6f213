// Held-out stories, fortieth round, part one: a Postgres StatefulSet whose parallel queries (just
// enabled by a ConfigMap edit and a reload) cannot grow dynamic shared memory past the container
// runtime's default 64 MB /dev/shm, so analytic reports fail with "could not resize shared memory
// segment … No space left on device"; a reporting service scaled 4 → 8 whose connections now exceed
// its Postgres ROLE's CONNECTION LIMIT 40 (the server has room); an uploader whose new revision puts
// every object (and three times as many of them) under one date prefix, so S3 answers 503 SlowDown;
// a Python service rolled back with `kubectl rollout undo` whose old image does not know the
// Alembic revision the bad release migrated the database to; an nginx reverse proxy whose ConfigMap
// gained a 75-character server_name, so every new pod's nginx dies on server_names_hash_bucket_size
// (an innocent app rollout merely started new pods); a Kafka consumer scaled to zero for nine days,
// longer than offsets.retention.minutes, that re-read its topic from offset 0 when scaled back; and
// a healthy control whose logs are full of handled duplicate-key errors (idempotent replays).
import { createHash } from 'node:crypto';
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, boundClaim, clfTime, configMap, container, createdPod, crashLoop, deploymentApp, endpointSliceFor,
  event, execProbe, exposed, httpProbe, nameOf, nameSuffix, pulledFresh, pyTime, restartedAgain, rsOf, replicaSetOf, running,
  scaledReplicaSet, scheduled, service, statefulSetApp, tcpProbe, uidOf,
} from '../kit/index.js';
import type { Built, KubeJson, TemplateOpts } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** Postgres' `%m` time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Spring Boot 3's console line. */
const spring = (m: number, level: string, app: string, thread: string, logger: string, msg: string): string =>
  `${at(m)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
/** A 32-bit-looking number from a seed (PIDs, segment handles, offsets). */
const num = (seed: string, mod: number, base = 0): number => base + (parseInt(createHash('sha256').update(seed).digest('hex').slice(0, 8), 16) % mod);

/** A Deployment's managedFields as the API shows them after `kubectl scale`. */
function scaledByKubectl(app: Built, scaledAgo: number, createdAgo: number): void {
  const d = deploymentOf(app) as k8s.V1Deployment;
  d.metadata = {
    ...d.metadata,
    managedFields: [
      { manager: 'helm', operation: 'Update', apiVersion: 'apps/v1', time: ago(createdAgo), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:template': {} } } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', time: ago(Math.max(0.5, scaledAgo - 2)), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} }, subresource: 'status' },
      { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', time: ago(scaledAgo), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' },
    ],
  };
}

// ---- 1. Postgres parallel query vs the runtime's default 64 MB /dev/shm --------------------------

function warehouseDevShm(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '139', '220']);
  const pgImage = (v: string) => `docker.io/library/postgres:${v}`;
  const pgIsReady = ['pg_isready', '-U', 'postgres', '-h', '127.0.0.1', '-p', '5432'];
  const pgTpl = (v: string): TemplateOpts => ({
    containers: [container({
      name: 'postgres',
      image: pgImage(v),
      args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
      env: [
        { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
        { name: 'POSTGRES_DB', value: 'warehouse' },
        { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'warehouse-pg-superuser', key: 'password' } } },
      ],
      ports: [{ name: 'postgres', containerPort: 5432 }],
      cpu: '3',
      memory: '10Gi',
      readiness: execProbe(pgIsReady, { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: execProbe(pgIsReady, { initialDelaySeconds: 30, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6 }),
      volumeMounts: [
        { name: 'data', mountPath: '/var/lib/postgresql/data' },
        { name: 'config', mountPath: '/etc/postgresql', readOnly: true },
      ],
    })],
    volumes: [{ name: 'config', configMap: { name: 'warehouse-pg-config', defaultMode: 420 } }],
    securityContext: { fsGroup: 999 },
    terminationGracePeriodSeconds: 120,
  });
  const db = statefulSetApp({
    namespace: ns,
    name: 'warehouse-pg',
    replicas: 1,
    serviceName: 'warehouse-pg-headless',
    createdAgo: 210 * DAYS,
    revisions: [
      { revision: 3, createdAgo: 64 * DAYS, template: pgTpl('16.3') },
      { revision: 4, createdAgo: 12 * DAYS, template: pgTpl('16.4') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [{ revision: 4, ordinal: 0, node: names[1] ?? '', createdAgo: 12 * DAYS - 2 }],
  });
  const claim = boundClaim({ namespace: ns, name: 'data-warehouse-pg-0', storage: '500Gi', zone: 'eu-west-1b', createdAgo: 210 * DAYS });
  const pgConf = configMap({
    namespace: ns,
    name: 'warehouse-pg-config',
    createdAgo: 210 * DAYS,
    updatedAgo: 172,
    data: {
      'postgresql.conf': [
        "listen_addresses = '*'",
        'max_connections = 200',
        'shared_buffers = 2560MB',
        'effective_cache_size = 7GB',
        'work_mem = 128MB',
        'maintenance_work_mem = 1GB',
        'dynamic_shared_memory_type = posix',
        'max_wal_size = 8GB',
        'checkpoint_timeout = 15min',
        'random_page_cost = 1.1',
        'effective_io_concurrency = 200',
        'max_worker_processes = 12',
        'max_parallel_workers = 8',
        '# DATA-2291: enable parallel query for the quarter-end dashboards (was 0)',
        'max_parallel_workers_per_gather = 4',
        'max_parallel_maintenance_workers = 2',
        "log_line_prefix = '%m [%p] %q%u@%d '",
        'log_min_duration_statement = 10s',
        'log_checkpoints = on',
        "timezone = 'UTC'",
        '',
      ].join('\n'),
    },
  });
  const apiImage = (v: string) => `${ECR}/analytics/insights-api:${v}`;
  const apiTpl = (v: string): TemplateOpts => ({
    containers: [container({
      image: apiImage(v),
      ports: [8080],
      cpu: '500m',
      memory: '512Mi',
      env: [
        { name: 'PGHOST', value: 'warehouse-pg.analytics.svc.cluster.local' },
        { name: 'PGDATABASE', value: 'warehouse' },
        { name: 'PGUSER', value: 'insights' },
        { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'insights-api-db', key: 'password' } } },
        { name: 'DB_MAX_CONNS', value: '16' },
        { name: 'REPORT_QUERY_TIMEOUT', value: '120s' },
      ],
      readiness: httpProbe('/ready', 8080),
      liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'insights-api',
    replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 18 * DAYS, changeCause: 'argocd: insights-api 2.8.3', template: apiTpl('2.8.3') },
      { revision: 14, createdAgo: 26 * HOURS, changeCause: 'argocd: insights-api 2.9.0', template: apiTpl('2.9.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 26 * HOURS - 1 - k })),
    settled: { available: true, availableSince: 26 * HOURS - 4, progressingSince: 26 * HOURS, progressingUpdatedAgo: 26 * HOURS - 4 },
  });
  const web = bystander(ns, 'insights-web', names, 48, { revisions: [20, 21], versions: ['1.31.0', '1.32.0'], olderAgo: 9 * DAYS });

  const reports = [
    { name: 'revenue_by_region_quarter', path: '/v1/reports/revenue-by-region?quarter=2026Q4', sql: "SELECT s.region, date_trunc('week', o.ordered_at) AS week, sum(o.total_cents) AS revenue_cents FROM fact_orders o JOIN dim_store s ON s.store_id = o.store_id WHERE o.ordered_at >= $1 AND o.ordered_at < $2 GROUP BY 1, 2 ORDER BY 1, 2" },
    { name: 'active_customers_by_segment', path: '/v1/reports/active-customers?window=90d', sql: 'SELECT c.segment, count(DISTINCT o.customer_id) AS customers FROM fact_orders o JOIN dim_customer c ON c.customer_id = o.customer_id WHERE o.ordered_at >= $1 GROUP BY 1' },
    { name: 'basket_mix_quarter', path: '/v1/reports/basket-mix?quarter=2026Q4', sql: 'SELECT p.category, count(*) AS lines, sum(l.quantity) AS units FROM fact_order_lines l JOIN dim_product p ON p.product_id = l.product_id JOIN fact_orders o ON o.order_id = l.order_id WHERE o.ordered_at >= $1 AND o.ordered_at < $2 GROUP BY 1' },
  ];
  const sizes = [67108864, 134217728, 33554432, 268435456];

  // Postgres' own log: checkpoints, then the reload that enabled parallel query, then the failures.
  const pgLog: string[] = [];
  pgLog.push(`${pgTime(12 * DAYS - 1.9)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`);
  pgLog.push(`${pgTime(12 * DAYS - 1.9)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`);
  pgLog.push(`${pgTime(12 * DAYS - 1.9)} [1] LOG:  listening on IPv6 address "::", port 5432`);
  pgLog.push(`${pgTime(12 * DAYS - 1.9)} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`);
  pgLog.push(`${pgTime(12 * DAYS - 1.9)} [64] LOG:  database system was shut down at ${pgTime(12 * DAYS - 2)}`);
  pgLog.push(`${pgTime(12 * DAYS - 1.9)} [1] LOG:  database system is ready to accept connections`);
  const events1: { t: number; line: string[] }[] = [];
  for (let t = 240; t > 0; t -= 15) {
    const wrote = num(`ckpt${t}`, 9000, 800);
    events1.push({ t, line: [`${pgTime(t)} [62] LOG:  checkpoint starting: time`] });
    events1.push({ t: t - 4.5, line: [`${pgTime(t - 4.5)} [62] LOG:  checkpoint complete: wrote ${wrote} buffers (${(wrote / 3276.8).toFixed(1)}%); 0 WAL file(s) added, 0 removed, ${num(`r${t}`, 4, 1)} recycled; write=269.${num(`w${t}`, 900, 100)} s, sync=0.0${num(`s${t}`, 90, 10)} s, total=269.${num(`tt${t}`, 900, 100)} s; sync files=${num(`f${t}`, 60, 20)}, longest=0.004 s, average=0.001 s; distance=${num(`d${t}`, 90000, 20000)} kB, estimate=${num(`e${t}`, 90000, 30000)} kB; lsn=5C/${num(`l${t}`, 0xffffff, 0x1000000).toString(16).toUpperCase()}, redo lsn=5C/${num(`rl${t}`, 0xffffff, 0x1000000).toString(16).toUpperCase()}`] });
  }
  events1.push({ t: 205, line: [`${pgTime(205)} [${num('slow1', 20000, 40000)}] etl@warehouse LOG:  duration: 14211.907 ms  statement: REFRESH MATERIALIZED VIEW CONCURRENTLY mv_daily_store_sales`] });
  events1.push({
    t: 168.2,
    line: [
      `${pgTime(168.2)} [1] LOG:  received SIGHUP, reloading configuration files`,
      `${pgTime(168.2)} [1] LOG:  parameter "max_parallel_workers_per_gather" changed to "4"`,
    ],
  });
  let i = 0;
  for (let t = 161.3; t > 0.5; t -= 3.7 + (i % 3) * 0.6, i++) {
    const r = reports[i % reports.length] ?? reports[0];
    if (r === undefined) break;
    const leader = num(`leader${i}`, 30000, 52000);
    const worker = leader + 3 + (i % 4);
    const seg = num(`seg${i}`, 4_000_000_000, 100_000_000);
    const size = sizes[i % sizes.length] ?? 67108864;
    events1.push({
      t,
      line: [
        `${pgTime(t)} [${worker}] ERROR:  could not resize shared memory segment "/PostgreSQL.${seg}" to ${size} bytes: No space left on device`,
        `${pgTime(t)} [${worker}] STATEMENT:  ${r.sql}`,
        `${pgTime(t - 0.0005)} [${leader}] insights@warehouse ERROR:  could not resize shared memory segment "/PostgreSQL.${seg}" to ${size} bytes: No space left on device`,
        `${pgTime(t - 0.0005)} [${leader}] insights@warehouse CONTEXT:  parallel worker`,
        `${pgTime(t - 0.0005)} [${leader}] insights@warehouse STATEMENT:  ${r.sql}`,
        `${pgTime(t - 0.001)} [1] LOG:  background worker "parallel worker" (PID ${worker}) exited with exit code 1`,
      ],
    });
  }
  events1.sort((a, b) => b.t - a.t);
  for (const e of events1) pgLog.push(...e.line);

  const apiLog = (k: number): string => {
    const out: string[] = [
      `{"level":"info","ts":"${at(26 * HOURS - 1.5 - k)}","caller":"cmd/insights-api/main.go:54","msg":"starting insights-api","version":"2.9.0","commit":"a41c9e7"}`,
      `{"level":"info","ts":"${at(26 * HOURS - 1.5 - k)}","caller":"db/pool.go:38","msg":"connected to postgres","host":"warehouse-pg.analytics.svc.cluster.local","database":"warehouse","max_conns":16}`,
      `{"level":"info","ts":"${at(26 * HOURS - 1.5 - k)}","caller":"server/http.go:61","msg":"listening","addr":":8080"}`,
      `{"level":"info","ts":"${at(190 + k)}","caller":"server/log.go:29","msg":"request","method":"GET","path":"/v1/reports/revenue-by-region?quarter=2026Q4","status":200,"duration_ms":${38400 + k * 911}}`,
    ];
    let j = 0;
    for (let t = 158 - k * 1.3; t > 0.6; t -= 11.2 + k * 0.7, j++) {
      const r = reports[(j + k) % reports.length] ?? reports[0];
      if (r === undefined) break;
      const seg = num(`api-seg${k}-${j}`, 4_000_000_000, 100_000_000);
      const size = sizes[(j + k) % sizes.length] ?? 67108864;
      out.push(`{"level":"info","ts":"${at(t + 0.4)}","caller":"server/log.go:29","msg":"request","method":"GET","path":"/v1/stores/${1000 + num(`s${k}${j}`, 900)}/summary","status":200,"duration_ms":${num(`d${k}${j}`, 60, 8)}}`);
      out.push(`{"level":"error","ts":"${at(t)}","caller":"reports/run.go:118","msg":"report query failed","report":"${r.name}","duration_ms":${num(`q${k}${j}`, 3000, 900)},"error":"ERROR: could not resize shared memory segment \\"/PostgreSQL.${seg}\\" to ${size} bytes: No space left on device (SQLSTATE 53100)"}`);
      out.push(`{"level":"info","ts":"${at(t - 0.001)}","caller":"server/log.go:29","msg":"request","method":"GET","path":"${r.path}","status":500,"duration_ms":${num(`q${k}${j}`, 3000, 902)}}`);
    }
    out.push(`{"level":"info","ts":"${at(0.3)}","caller":"server/log.go:29","msg":"request","method":"GET","path":"/v1/stores/1187/summary","status":200,"duration_ms":14}`);
    return out.join('\n') + '\n';
  };

  const pgPod = podOf(db, 0);
  return {
    id: 'heldout40-warehouse-pg-dev-shm-parallel-query',
    class: 'config',
    truth: 'insights-api\'s analytic reports (revenue by region, active customers, basket mix) fail with HTTP 500 because the Postgres StatefulSet warehouse-pg cannot allocate dynamic shared memory for parallel query: "could not resize shared memory segment "/PostgreSQL.…" to 134217728 bytes: No space left on device" (SQLSTATE 53100, reported as disk_full but it is not the disk). The container\'s /dev/shm is the container runtime\'s default 64 MB — the StatefulSet mounts no emptyDir with medium: Memory at /dev/shm — and dynamic_shared_memory_type = posix puts every parallel hash/sort segment there. The trigger: 172 minutes ago someone edited ConfigMap warehouse-pg-config to set max_parallel_workers_per_gather = 4 (was 0, ticket DATA-2291) and reloaded Postgres (the log shows the SIGHUP and the parameter change 168 minutes ago); from then on the planner chooses parallel plans whose shared hash tables need far more than 64 MB. The 500Gi data volume is not full, insights-api 2.9.0 (rolled out 26 hours ago) is innocent, and the pod is healthy. Fix: mount an emptyDir { medium: Memory, sizeLimit: 1–2Gi } at /dev/shm in the warehouse-pg StatefulSet (within its memory limit); mitigate now by setting max_parallel_workers_per_gather back to 0 and reloading.',
    ask: { service: 'insights-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...claim, pgConf, ...api.objects, ...web.objects,
      service({ namespace: ns, name: 'warehouse-pg-headless', selector: { app: 'warehouse-pg' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], headless: true, createdAgo: 210 * DAYS }),
      ...(() => {
        const svc = service({ namespace: ns, name: 'warehouse-pg', selector: { app: 'warehouse-pg' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], createdAgo: 210 * DAYS });
        return [svc, endpointSliceFor(svc, db.pods, 5432)];
      })(),
      ...exposed({ namespace: ns, name: 'insights-api', selector: { app: 'insights-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'insights-web', selector: { app: 'insights-web' }, pods: web.pods }),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 21), 1, 0, 48),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 20), 1, 2, 47.5),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 21), 2, 1, 47.5),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 20), 0, 1, 47),
      ...web.pods.flatMap((p, k) => [scheduled(p, 48 - k), ...restartedAgain(p, 'app', `${ECR}/${ns}/insights-web:1.32.0`, { count: 1, firstAgo: 47.9 - k, lastAgo: 47.9 - k })]),
    ],
    logs: [
      logsFor(pgPod, 'postgres', { current: pgLog.join('\n') + '\n' }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      ...web.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(47.8)}","msg":"insights-web listening on :8080"}`, `{"level":"info","ts":"${at(0.7)}","msg":"GET /dashboards/quarter-end 200 31ms"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\/dev\/shm|\bshm\b|shared[- ]memory/i, /warehouse-pg|postgres/i],
      facts: [/could not resize shared memory segment/, /max_parallel_workers_per_gather/, /64 ?M(i?B)?\b|emptyDir|medium:? ?"?Memory/i],
      never: [
        ADVISES_ROLLBACK,
        /\bOOM/,
        /\b(expand|grow|resize|increase)\b[^\n]{0,25}\b(PVC|persistent ?volume|data volume|disk)\b/i,
        /\b(PVC|persistent ?volume|data volume|disk) (is )?(full|out of space)/i,
        /2\.9\.0[^\n]{0,40}(caused|broke|introduced|regression)/i,
      ],
    },
  };
}

// ---- 2. a reporting service over its Postgres role's CONNECTION LIMIT after a scale-out ----------

function reportingRoleConnectionLimit(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.140', ['12', '97', '203']);
  const pgImage = 'docker.io/library/postgres:15.8';
  const pgIsReady = ['pg_isready', '-U', 'postgres', '-h', '127.0.0.1', '-p', '5432'];
  const db = statefulSetApp({
    namespace: ns,
    name: 'finance-pg',
    replicas: 1,
    serviceName: 'finance-pg-headless',
    createdAgo: 400 * DAYS,
    revisions: [{
      revision: 6,
      createdAgo: 33 * DAYS,
      template: {
        containers: [container({
          name: 'postgres', image: pgImage, args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
          env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'ledger' }, { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'finance-pg-superuser', key: 'password' } } }],
          ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi',
          readiness: execProbe(pgIsReady, { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: execProbe(pgIsReady, { initialDelaySeconds: 30, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6 }),
          volumeMounts: [
            { name: 'data', mountPath: '/var/lib/postgresql/data' },
            { name: 'config', mountPath: '/etc/postgresql', readOnly: true },
            { name: 'initdb', mountPath: '/docker-entrypoint-initdb.d', readOnly: true },
            { name: 'dshm', mountPath: '/dev/shm' },
          ],
        })],
        volumes: [
          { name: 'config', configMap: { name: 'finance-pg-config', defaultMode: 420 } },
          { name: 'initdb', configMap: { name: 'finance-pg-initdb', defaultMode: 420 } },
          { name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } },
        ],
        securityContext: { fsGroup: 999 },
        terminationGracePeriodSeconds: 120,
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 6, ordinal: 0, node: names[2] ?? '', createdAgo: 33 * DAYS - 1 }],
  });
  const claim = boundClaim({ namespace: ns, name: 'data-finance-pg-0', storage: '200Gi', zone: 'eu-west-1c', createdAgo: 400 * DAYS });
  const pgConf = configMap({
    namespace: ns, name: 'finance-pg-config', createdAgo: 400 * DAYS, updatedAgo: 33 * DAYS,
    data: {
      'postgresql.conf': [
        "listen_addresses = '*'", 'max_connections = 400', 'superuser_reserved_connections = 5', 'shared_buffers = 2GB', 'effective_cache_size = 6GB',
        'work_mem = 16MB', 'password_encryption = scram-sha-256', 'log_connections = on', 'log_disconnections = off',
        "log_line_prefix = '%m [%p] %q%u@%d '", 'log_min_duration_statement = 2s', 'log_checkpoints = on', "timezone = 'UTC'", '',
      ].join('\n'),
    },
  });
  const initdb = configMap({
    namespace: ns, name: 'finance-pg-initdb', createdAgo: 400 * DAYS, updatedAgo: 140 * DAYS,
    data: {
      '01-roles.sql': [
        '-- Application roles. Each service gets its own role and its own connection budget (FIN-112).',
        "CREATE ROLE ledger_app LOGIN PASSWORD :'ledger_app_password' CONNECTION LIMIT 120;",
        "CREATE ROLE fx_sync LOGIN PASSWORD :'fx_sync_password' CONNECTION LIMIT 10;",
        "CREATE ROLE rpt_reader LOGIN PASSWORD :'rpt_reader_password' CONNECTION LIMIT 40;",
        'GRANT pg_read_all_data TO rpt_reader;',
        'ALTER ROLE rpt_reader SET default_transaction_read_only = on;',
        'ALTER ROLE rpt_reader SET statement_timeout = \'5min\';',
        '',
      ].join('\n'),
    },
  });

  const rptImage = (v: string) => `${ECR}/finance/ledger-reporting:${v}`;
  const rptTpl = (v: string): TemplateOpts => ({
    containers: [container({
      image: rptImage(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://finance-pg.finance.svc.cluster.local:5432/ledger?ApplicationName=ledger-reporting' },
        { name: 'SPRING_DATASOURCE_USERNAME', value: 'rpt_reader' },
        { name: 'SPRING_DATASOURCE_PASSWORD', valueFrom: { secretKeyRef: { name: 'ledger-reporting-db', key: 'password' } } },
        { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE', value: '8' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 10 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40, periodSeconds: 10 }),
    })],
  });
  const rpt = deploymentApp({
    namespace: ns,
    name: 'ledger-reporting',
    replicas: 8,
    revisions: [
      { revision: 30, createdAgo: 12 * DAYS, changeCause: 'argocd: ledger-reporting 1.21.4', template: rptTpl('1.21.4') },
      { revision: 31, createdAgo: 3 * DAYS, changeCause: 'argocd: ledger-reporting 1.22.0', template: rptTpl('1.22.0') },
    ],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 31, node: names[k % 3] ?? '', createdAgo: 3 * DAYS - 1 - k })),
      ...[0, 1, 2, 3].map((k) => ({ revision: 31, node: names[(k + 1) % 3] ?? '', createdAgo: 36 - k * 0.05, containers: { app: running({ sinceAgo: 35.8 - k * 0.05 }) } })),
    ],
    settled: { available: true, availableSince: 35, progressingSince: 3 * DAYS, progressingUpdatedAgo: 3 * DAYS - 4 },
  });
  scaledByKubectl(rpt, 36, 3 * DAYS);
  const apiImage = `${ECR}/finance/ledger-api:3.40.2`;
  const ledgerApi = deploymentApp({
    namespace: ns,
    name: 'ledger-api',
    replicas: 4,
    revisions: [{
      revision: 88, createdAgo: 6 * DAYS, changeCause: 'argocd: ledger-api 3.40.2',
      template: { containers: [container({ image: apiImage, ports: [8080], memory: '1Gi', env: [{ name: 'SPRING_DATASOURCE_USERNAME', value: 'ledger_app' }, { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE', value: '20' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] },
    }],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 88, node: names[k % 3] ?? '', createdAgo: 6 * DAYS - k })),
  });

  const newPods = rpt.pods.slice(4);
  const failing = rpt.pods.slice(5);
  const app = 'ledger-reporting';
  const pgjdbcTrace = [
    'org.postgresql.util.PSQLException: FATAL: too many connections for role "rpt_reader"',
    '\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:704)',
    '\tat org.postgresql.core.v3.ConnectionFactoryImpl.tryConnect(ConnectionFactoryImpl.java:213)',
    '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:268)',
    '\tat org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54)',
    '\tat org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:273)',
    '\tat org.postgresql.Driver.makeConnection(Driver.java:446)',
    '\tat org.postgresql.Driver.connect(Driver.java:298)',
    '\tat com.zaxxer.hikari.util.DriverDataSource.getConnection(DriverDataSource.java:139)',
    '\tat com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:368)',
    '\tat com.zaxxer.hikari.pool.PoolBase.newPoolEntry(PoolBase.java:205)',
    '\tat com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:484)',
    '\tat com.zaxxer.hikari.pool.HikariPool.checkFailFast(HikariPool.java:576)',
    '\tat com.zaxxer.hikari.pool.HikariPool.<init>(HikariPool.java:97)',
    '\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:111)',
    '\tat org.springframework.jdbc.datasource.DataSourceUtils.fetchConnection(DataSourceUtils.java:160)',
    '\tat org.springframework.jdbc.datasource.DataSourceUtils.doGetConnection(DataSourceUtils.java:118)',
    '\tat org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:81)',
    '\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:653)',
    '\tat org.springframework.jdbc.core.JdbcTemplate.query(JdbcTemplate.java:723)',
    '\tat com.acme.finance.reporting.LedgerReportRepository.trialBalance(LedgerReportRepository.java:88)',
    '\tat com.acme.finance.reporting.ReportController.trialBalance(ReportController.java:51)',
    '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
    '\tat java.base/java.lang.reflect.Method.invoke(Method.java:580)',
    '\tat org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:118)',
    '\tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)',
    '\tat org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run(TaskThread.java:63)',
    '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
  ];
  const startup = (m: number): string[] => [
    spring(m, 'INFO', app, 'main', 'c.a.f.reporting.ReportingApplication', 'Starting ReportingApplication v1.22.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
    spring(m - 0.01, 'INFO', app, 'main', 'c.a.f.reporting.ReportingApplication', 'The following 1 profile is active: "prod"'),
    spring(m - 0.03, 'INFO', app, 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
    spring(m - 0.05, 'INFO', app, 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
    spring(m - 0.05, 'INFO', app, 'main', 'c.a.f.reporting.ReportingApplication', 'Started ReportingApplication in 6.912 seconds (process running for 7.48)'),
  ];
  const reqOk = (m: number, path: string, ms: number) => spring(m, 'INFO', app, `nio-8080-exec-${1 + (Math.round(m * 7) % 9)}`, 'c.a.f.reporting.web.AccessLogFilter', `GET ${path} 200 ${ms}ms`);
  const paths = ['/api/reports/trial-balance?period=2026-11', '/api/reports/ledger-movements?account=4000&from=2026-11-01', '/api/reports/aged-receivables', '/api/reports/cash-position?date=2026-11-20'];
  const healthyLog = (k: number, since: number): string => {
    const out = [...startup(since)];
    out.push(spring(since - 0.3, 'INFO', app, 'nio-8080-exec-1', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'));
    out.push(spring(since - 0.3, 'INFO', app, 'nio-8080-exec-1', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@' + num(`pg${k}`, 0xfffffff, 0x1000000).toString(16)));
    out.push(spring(since - 0.3, 'INFO', app, 'nio-8080-exec-1', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'));
    for (let t = 30 - k; t > 0.4; t -= 4.3) out.push(reqOk(t, paths[Math.round(t) % paths.length] ?? '/', num(`ok${k}${t}`, 900, 60)));
    return out.join('\n') + '\n';
  };
  const failingLog = (k: number): string => {
    const out = [...startup(35.6 - k * 0.05)];
    for (let t = 34.8 - k * 0.4, j = 0; t > 0.5; t -= 2.9 + k * 0.3, j++) {
      const thread = `nio-8080-exec-${1 + ((j + k) % 10)}`;
      out.push(spring(t, 'INFO', app, thread, 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'));
      out.push(spring(t - 0.0002, 'ERROR', app, thread, 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Exception during pool initialization.'));
      out.push('', ...pgjdbcTrace, '');
      out.push(spring(t - 0.0003, 'ERROR', app, thread, 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection] with root cause'));
      out.push('', ...pgjdbcTrace.slice(0, 6), '\t... 48 common frames omitted', '');
    }
    return out.join('\n') + '\n';
  };

  // Postgres: everyone else connects fine; rpt_reader is refused after authentication.
  const pgPod = podOf(db, 0);
  const pgEvents: { t: number; l: string[] }[] = [];
  const apiIps = ledgerApi.pods.map(ipOfPod);
  for (let t = 60; t > 0.3; t -= 5.5) {
    const pid = num(`fx${t}`, 30000, 80000);
    pgEvents.push({ t, l: [
      `${pgTime(t)} [${pid}] [unknown]@[unknown] LOG:  connection received: host=${apiIps[Math.round(t) % 4] ?? '10.0.1.1'} port=${num(`p${t}`, 20000, 40000)}`,
      `${pgTime(t - 0.0001)} [${pid}] ledger_app@ledger LOG:  connection authenticated: identity="ledger_app" method=scram-sha-256 (/var/lib/postgresql/data/pgdata/pg_hba.conf:100)`,
      `${pgTime(t - 0.0001)} [${pid}] ledger_app@ledger LOG:  connection authorized: user=ledger_app database=ledger application_name=ledger-api`,
    ] });
  }
  for (let t = 45; t > 0; t -= 15) {
    pgEvents.push({ t, l: [`${pgTime(t)} [58] LOG:  checkpoint starting: time`] });
    pgEvents.push({ t: t - 2.5, l: [`${pgTime(t - 2.5)} [58] LOG:  checkpoint complete: wrote ${num(`c${t}`, 3000, 300)} buffers (${(num(`c${t}`, 3000, 300) / 2621.44).toFixed(1)}%); 0 WAL file(s) added, 0 removed, 1 recycled; write=149.${num(`w${t}`, 900, 100)} s, sync=0.012 s, total=149.${num(`x${t}`, 900, 100)} s; sync files=${num(`f${t}`, 40, 10)}, longest=0.003 s, average=0.001 s; distance=${num(`d${t}`, 20000, 4000)} kB, estimate=${num(`e${t}`, 20000, 8000)} kB`] });
  }
  pgEvents.push({ t: 35.95, l: newPods.flatMap((p, k) => {
    const pid = num(`new${k}`, 30000, 80000);
    return [
      `${pgTime(35.95 - k * 0.01)} [${pid}] [unknown]@[unknown] LOG:  connection received: host=${ipOfPod(p)} port=${num(`np${k}`, 20000, 40000)}`,
      `${pgTime(35.95 - k * 0.01)} [${pid}] rpt_reader@ledger LOG:  connection authenticated: identity="rpt_reader" method=scram-sha-256 (/var/lib/postgresql/data/pgdata/pg_hba.conf:100)`,
      `${pgTime(35.95 - k * 0.01)} [${pid}] rpt_reader@ledger LOG:  connection authorized: user=rpt_reader database=ledger application_name=ledger-reporting`,
      ...(k === 0 ? [] : [`${pgTime(35.95 - k * 0.01)} [${pid}] rpt_reader@ledger FATAL:  too many connections for role "rpt_reader"`]),
    ];
  }) });
  failing.forEach((p, k) => {
    for (let t = 34.8 - k * 0.4; t > 0.5; t -= 2.9 + k * 0.3) {
      const pid = num(`rej${k}${t}`, 30000, 80000);
      pgEvents.push({ t, l: [
        `${pgTime(t + 0.0001)} [${pid}] [unknown]@[unknown] LOG:  connection received: host=${ipOfPod(p)} port=${num(`rp${k}${t}`, 20000, 40000)}`,
        `${pgTime(t + 0.0001)} [${pid}] rpt_reader@ledger LOG:  connection authenticated: identity="rpt_reader" method=scram-sha-256 (/var/lib/postgresql/data/pgdata/pg_hba.conf:100)`,
        `${pgTime(t + 0.0001)} [${pid}] rpt_reader@ledger LOG:  connection authorized: user=rpt_reader database=ledger application_name=ledger-reporting`,
        `${pgTime(t)} [${pid}] rpt_reader@ledger FATAL:  too many connections for role "rpt_reader"`,
      ] });
    }
  });
  pgEvents.push({ t: 12.4, l: [`${pgTime(12.4)} [${num('slowq', 30000, 80000)}] rpt_reader@ledger LOG:  duration: 2841.113 ms  execute S_3: SELECT a.account_no, sum(e.amount_minor) FROM ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE e.booked_at < $1 GROUP BY a.account_no`] });
  pgEvents.sort((a, b) => b.t - a.t);
  const pgLog = pgEvents.flatMap((e) => e.l).join('\n') + '\n';

  const dep = deploymentOf(rpt);
  const rs = replicaSetOf(rpt, 31);
  return {
    id: 'heldout40-reporting-role-connection-limit',
    class: 'capacity',
    truth: 'ledger-reporting was scaled by hand from 4 to 8 replicas 36 minutes ago (kubectl scale, for month-end reporting). Every replica opens a fixed HikariCP pool of 8 connections as the Postgres role rpt_reader, and finance-pg\'s init script gives that role CONNECTION LIMIT 40 (CREATE ROLE rpt_reader … CONNECTION LIMIT 40). 4 × 8 = 32 fit; 8 × 8 = 64 do not: the first new pod took the last 8 slots and the other three new pods are refused with "FATAL: too many connections for role "rpt_reader"", so their pool never starts and every request they serve fails (500, CannotGetJdbcConnectionException). They stay Ready because the readiness group does not check the database, so about 3/8 of the reporting traffic fails. The server itself has room (max_connections = 400, ledger_app keeps connecting fine); the per-role limit, not max_connections, is what is hit. Revision 31 (1.22.0, three days ago) is innocent. Fix: scale back to 5 replicas or shrink the pool (maximumPoolSize 5 × 8 = 40), or raise the role\'s limit with ALTER ROLE rpt_reader CONNECTION LIMIT 80 if the database can afford it.',
    ask: { service: 'ledger-reporting', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...claim, pgConf, initdb, ...rpt.objects, ...ledgerApi.objects,
      service({ namespace: ns, name: 'finance-pg-headless', selector: { app: 'finance-pg' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], headless: true, createdAgo: 400 * DAYS }),
      ...(() => {
        const svc = service({ namespace: ns, name: 'finance-pg', selector: { app: 'finance-pg' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], createdAgo: 400 * DAYS });
        return [svc, endpointSliceFor(svc, db.pods, 5432)];
      })(),
      ...exposed({ namespace: ns, name: 'ledger-reporting', selector: { app: 'ledger-reporting' }, pods: rpt.pods }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: ledgerApi.pods }),
      scaledReplicaSet(dep, nameOf(rs), 8, 4, 36),
      ...newPods.flatMap((p, k) => [
        createdPod(rs, p, 36 - k * 0.05),
        scheduled(p, 36 - k * 0.05),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${rptImage('1.22.0')}" already present on machine`, firstAgo: 35.9 - k * 0.05, lastAgo: 35.9 - k * 0.05, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 35.9 - k * 0.05, lastAgo: 35.9 - k * 0.05, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 35.9 - k * 0.05, lastAgo: 35.9 - k * 0.05, fieldPath: 'spec.containers{app}' }),
      ]),
      ...newPods.map((p, k) => event({ on: p, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(p)}:8080/actuator/health/readiness": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, count: 2, firstAgo: 35.8 - k * 0.05, lastAgo: 35.7 - k * 0.05, fieldPath: 'spec.containers{app}' })),
    ],
    logs: [
      logsFor(pgPod, 'postgres', { current: pgLog }),
      ...rpt.pods.slice(0, 4).map((p, k) => logsFor(p, 'app', { current: healthyLog(k, 3 * DAYS - 1.5 - k) })),
      logsFor(podOf(rpt, 4), 'app', { current: healthyLog(4, 35.6) }),
      ...failing.map((p, k) => logsFor(p, 'app', { current: failingLog(k) })),
      ...ledgerApi.pods.map((p) => logsFor(p, 'app', { current: lines(spring(2.1, 'INFO', 'ledger-api', 'nio-8080-exec-4', 'c.a.f.ledger.web.AccessLogFilter', 'POST /api/entries 201 18ms'), spring(0.6, 'INFO', 'ledger-api', 'nio-8080-exec-2', 'c.a.f.ledger.web.AccessLogFilter', 'GET /api/accounts/4000/balance 200 7ms')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/rpt_reader|\brole\b/i, /connection limit|too many connections|CONNECTION LIMIT/i],
      facts: [/too many connections for role/, /\b40\b/, /from 4 to 8|4 ?(→|->|to) ?8\b|\b8 replicas|scaled (up|out)/i],
      never: [
        /(raise|increase|bump) (the )?max_connections|max_connections (is |was |has been )?(reached|exhausted|exceeded)/i,
        /too many clients already/i,
        /(wrong|invalid|bad|expired|rotated) (password|credentials)|password authentication failed/i,
        /\bOOM/,
        ADVISES_ROLLBACK,
      ],
    },
  };
}

// ---- 3. S3 503 SlowDown: a new revision writes everything under one date prefix ------------------

function s3SlowDownSinglePrefix(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.52', ['23', '148', '211']);
  const image = (v: string) => `${ECR}/media/asset-ingest:${v}`;
  const bucket = 'acme-prod-media-assets';
  const tpl = (v: string, env: k8s.V1EnvVar[]): TemplateOpts => ({
    serviceAccountName: 'asset-ingest',
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '1Gi',
      env: [
        { name: 'AWS_REGION', value: 'eu-west-1' },
        { name: 'S3_BUCKET', value: bucket },
        { name: 'SQS_QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/media-ingest-jobs' },
        { name: 'WORKERS', value: '64' },
        ...env,
      ],
      readiness: httpProbe('/readyz', 8080),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'asset-ingest',
    replicas: 6,
    revisions: [
      { revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: asset-ingest 3.7.4', template: tpl('3.7.4', [{ name: 'S3_KEY_SCHEME', value: 'hashed' }, { name: 'RENDITIONS', value: 'thumb,large' }]) },
      { revision: 42, createdAgo: 125, changeCause: 'argocd: asset-ingest 3.8.0', template: tpl('3.8.0', [{ name: 'S3_KEY_SCHEME', value: 'date-path' }, { name: 'S3_KEY_PREFIX', value: 'renditions/' }, { name: 'RENDITIONS', value: 'thumb,small,medium,large,xlarge,webp-2x' }]) },
    ],
    pods: [0, 1, 2, 3, 4, 5].map((k) => ({ revision: 42, node: names[k % 3] ?? '', createdAgo: 124.5 - k * 0.4 })),
    settled: { available: true, availableSince: 122, progressingSince: 125, progressingUpdatedAgo: 122 },
  });
  const trImage = `${ECR}/media/transcode-worker:5.2.3`;
  const transcode = deploymentApp({
    namespace: ns,
    name: 'transcode-worker',
    replicas: 3,
    revisions: [{ revision: 17, createdAgo: 15 * DAYS, changeCause: 'argocd: transcode-worker 5.2.3', template: { serviceAccountName: 'transcode-worker', containers: [container({ image: trImage, ports: [8080], cpu: '2', memory: '3Gi', env: [{ name: 'S3_BUCKET', value: bucket }, { name: 'S3_PREFIX', value: 'video/hls/' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 17, node: names[k] ?? '', createdAgo: 15 * DAYS - k })),
  });
  const other = bystander(ns, 'media-catalog', names, 40, { revisions: [63, 64], versions: ['2.18.0', '2.18.1'], olderAgo: 6 * DAYS });

  const rid = (seed: string) => createHash('sha256').update(`rid${seed}`).digest('hex').slice(0, 16).toUpperCase();
  const hid = (seed: string) => createHash('sha256').update(`hid${seed}`).digest('base64') + createHash('sha256').update(`hid2${seed}`).digest('base64').slice(0, 32);
  const variants = ['thumb.webp', 'small.webp', 'medium.webp', 'large.webp', 'xlarge.webp', 'large@2x.webp'];
  const appLog = (k: number): string => {
    const out: string[] = [
      `{"time":"${at(124 - k * 0.4)}","level":"INFO","msg":"asset-ingest starting","version":"3.8.0","commit":"e19b07d","workers":64}`,
      `{"time":"${at(124 - k * 0.4)}","level":"INFO","msg":"storage configured","bucket":"${bucket}","key_scheme":"date-path","key_prefix":"renditions/","renditions":6}`,
      `{"time":"${at(123.9 - k * 0.4)}","level":"INFO","msg":"polling queue","queue":"media-ingest-jobs","max_messages":10,"wait_seconds":20}`,
      `{"time":"${at(123.9 - k * 0.4)}","level":"INFO","msg":"http listening","addr":":8080"}`,
    ];
    const events: { t: number; s: string }[] = [];
    for (let t = 118 - k * 0.3, j = 0; t > 0.5; t -= 7.1 + (k % 3) * 0.5, j++) {
      const asset = uidOf(`asset${k}-${j}`);
      const v = variants[(j + k) % variants.length] ?? 'thumb.webp';
      const key = `renditions/2026/11/21/${asset}/${v}`;
      const err = j % 4 === 3
        ? `operation error S3: PutObject, failed to get rate limit token, retry quota exceeded, 0 available, 5 requested`
        : `operation error S3: PutObject, exceeded maximum number of attempts, 3, https response error StatusCode: 503, RequestID: ${rid(`${k}-${j}`)}, HostID: ${hid(`${k}-${j}`)}, api error SlowDown: Please reduce your request rate.`;
      events.push({ t, s: `{"time":"${at(t)}","level":"ERROR","msg":"upload failed","bucket":"${bucket}","key":"${key}","bytes":${num(`b${k}${j}`, 400000, 9000)},"attempts":3,"err":"${err}"}` });
      events.push({ t: t - 0.001, s: `{"time":"${at(t - 0.001)}","level":"WARN","msg":"job failed, returning to queue","asset_id":"${asset}","receive_count":${1 + (j % 4)},"visibility_timeout_s":120}` });
      if (j % 2 === 0) events.push({ t: t - 1.3, s: `{"time":"${at(t - 1.3)}","level":"INFO","msg":"asset processed","asset_id":"${uidOf(`ok${k}-${j}`)}","renditions":6,"duration_ms":${num(`dur${k}${j}`, 9000, 2400)}}` });
    }
    for (let t = 120; t > 0.5; t -= 15) {
      const m = Math.round(120 - t);
      const attempts = 640 + num(`at${k}${t}`, 80);
      const slowRatio = Math.min(0.45, 0.12 + m * 0.003);
      events.push({ t: t - 0.2, s: `{"time":"${at(t - 0.2)}","level":"INFO","msg":"upload stats","window_s":60,"put_attempts_per_s":${attempts},"put_ok":${Math.round(attempts * 60 * (1 - slowRatio))},"put_slowdown_503":${Math.round(attempts * 60 * slowRatio)},"p99_ms":${1800 + m * 21},"queue_visible":${12000 + m * 1450}}` });
    }
    events.sort((a, b) => b.t - a.t);
    return [...out, ...events.map((e) => e.s)].join('\n') + '\n';
  };
  const trLog = (k: number): string => {
    const out: string[] = [];
    for (let t = 30 - k; t > 0.3; t -= 3.1) {
      const vid = uidOf(`vid${k}${t}`);
      out.push(`time=${at(t)} level=INFO msg="segment uploaded" bucket=${bucket} key=video/hls/${vid.slice(0, 2)}/${vid}/1080p/seg_${String(num(`sg${k}${t}`, 400)).padStart(5, '0')}.ts bytes=${num(`sb${k}${t}`, 900000, 1800000)} status=200 duration=${num(`sd${k}${t}`, 90, 40)}ms`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout40-s3-slowdown-single-prefix',
    class: 'rollout',
    truth: 'asset-ingest revision 42 (3.8.0, rolled out 125 minutes ago) changed how it names objects in s3://acme-prod-media-assets: instead of hash-spread keys (S3_KEY_SCHEME=hashed) every rendition now goes under one sequential date prefix, renditions/2026/11/21/…, and it writes six renditions per image instead of two. The PUT rate into that single prefix (~4,000/s across 6 pods × 64 workers) is above what S3 sustains per prefix (3,500 PUT/s), so S3 throttles it with 503 "SlowDown: Please reduce your request rate."; the SDK\'s retries exhaust the retry quota, jobs go back to the SQS queue and the backlog grows. S3 itself is fine: transcode-worker writes video/hls/… in the same bucket without errors, and the pods are healthy. Fix: roll back to revision 41 (3.7.4) now, then ship the date layout with a hashed leading component (or a lower write rate / fewer renditions).',
    ask: { service: 'asset-ingest', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...transcode.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'asset-ingest', selector: { app: 'asset-ingest' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-catalog', selector: { app: 'media-catalog' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 64), 1, 0, 40),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 63), 1, 2, 39.5),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 64), 2, 1, 39.5),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 63), 0, 1, 39),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
      ...transcode.pods.map((p, k) => logsFor(p, 'app', { current: trLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/SlowDown|\b503\b|throttl|reduce your request rate|request rate|rate[- ]limit/i, /prefix|key (layout|scheme|naming)|revision 42|3\.8\.0/i],
      facts: [/SlowDown/, /renditions\//, /revision 42|3\.8\.0/],
      never: [/\b(S3|AWS)\b[^\n]{0,20}\b(outage|is down|degraded)/i, /AccessDenied|\bIAM\b/, /\bOOM/, /NetworkPolicy|\bDNS\b/],
    },
  };
}

// ---- 4. rollout undo onto an image that does not know the database's Alembic head ----------------

function alembicRollbackUnknownRevision(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.33', ['41', '162', '90']);
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (v: string): TemplateOpts => ({
    serviceAccountName: 'invoice-api',
    containers: [container({
      image: image(v),
      command: ['/bin/sh', '-c'],
      args: ['python -m invoice_api.migrate && exec gunicorn invoice_api.main:app -k uvicorn.workers.UvicornWorker -b 0.0.0.0:8000 -w 4 --access-logfile -'],
      ports: [8000],
      cpu: '500m',
      memory: '768Mi',
      env: [
        { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'invoice-api-db', key: 'url' } } },
        { name: 'LOG_LEVEL', value: 'INFO' },
        { name: 'PDF_RENDERER_URL', value: 'http://pdf-renderer.billing.svc.cluster.local' },
      ],
      readiness: httpProbe('/health/ready', 8000, { periodSeconds: 5 }),
      liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 56, createdAgo: 20 * DAYS, changeCause: 'ci: invoice-api 2.13.4 (pipeline #8702)', template: tpl('2.13.4') },
      { revision: 58, createdAgo: 78, changeCause: 'ci: invoice-api 2.15.0 (pipeline #8817)', template: tpl('2.15.0') },
      // `kubectl rollout undo` re-uses revision 57's ReplicaSet (2.14.1, created six days ago) as revision 59.
      { revision: 59, createdAgo: 6 * DAYS, changeCause: 'ci: invoice-api 2.14.1 (pipeline #8790)', template: tpl('2.14.1') },
    ],
    pods: [0, 1, 2].map((k) => ({
      revision: 59,
      node: names[k] ?? '',
      createdAgo: 23.8 - k * 0.02,
      containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.4 + k * 0.7, ranSeconds: 3 }, 9) },
    })),
    conditions: [],
  });
  const dep = deploymentOf(app) as k8s.V1Deployment;
  const rs59 = replicaSetOf(app, 59);
  const rs58 = replicaSetOf(app, 58);
  rs59.metadata = { ...rs59.metadata, annotations: { ...rs59.metadata?.annotations, 'deployment.kubernetes.io/revision-history': '57' } };
  if (dep.status) {
    dep.status.conditions = [
      { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: ago(23.9), lastTransitionTime: ago(23.9) },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${nameOf(rs59)}" has timed out progressing.`, lastUpdateTime: ago(13.8), lastTransitionTime: ago(13.8) },
    ];
  }
  const renderer = bystander(ns, 'pdf-renderer', names, 5 * DAYS, { revisions: [11, 12], versions: ['1.9.2', '1.9.3'], olderAgo: 30 * DAYS });
  const oldPods = [0, 1, 2].map((k) => `${nameOf(rs58)}-${nameSuffix(`${nameOf(rs58)}/${k}`)}`);
  const trace = (m: number): string => lines(
    `${pyTime(m)} INFO invoice_api.migrate: invoice-api 2.14.1 running database migrations (script head 4e1b9d0c2a77)`,
    'INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.',
    'INFO  [alembic.runtime.migration] Will assume transactional DDL.',
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/script/base.py", line 250, in _catch_revision_errors',
    '    yield',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/script/base.py", line 442, in _upgrade_revs',
    '    for script in reversed(list(revs))',
    '                           ^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/script/revision.py", line 814, in iterate_revisions',
    '    revisions, heads = fn(',
    '                       ^^^',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/script/revision.py", line 1447, in _collect_upgrade_revisions',
    '    current_revisions = self.get_revisions(lower)',
    '                        ^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/script/revision.py", line 545, in get_revisions',
    '    return tuple(',
    '           ^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/script/revision.py", line 546, in <genexpr>',
    '    self._revision_for_ident(rev_id, branch_label)',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/script/revision.py", line 637, in _revision_for_ident',
    '    raise ResolutionError(',
    "alembic.script.revision.ResolutionError: No such revision or branch 'c7f2a91e4b3d'",
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'Traceback (most recent call last):',
    '  File "<frozen runpy>", line 198, in _run_module_as_main',
    '  File "<frozen runpy>", line 88, in _run_code',
    '  File "/app/invoice_api/migrate.py", line 31, in <module>',
    '    main()',
    '  File "/app/invoice_api/migrate.py", line 27, in main',
    '    command.upgrade(cfg, "head")',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/command.py", line 406, in upgrade',
    '    script.run_env()',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/script/base.py", line 586, in run_env',
    '    util.load_python_file(self.dir, "env.py")',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/util/pyfiles.py", line 95, in load_python_file',
    '    module = load_module_py(module_id, path)',
    '             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/util/pyfiles.py", line 113, in load_module_py',
    '    spec.loader.exec_module(module)  # type: ignore',
    '    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "<frozen importlib._bootstrap_external>", line 995, in exec_module',
    '  File "<frozen importlib._bootstrap>", line 488, in _call_with_frames_removed',
    '  File "/app/migrations/env.py", line 84, in <module>',
    '    run_migrations_online()',
    '  File "/app/migrations/env.py", line 78, in run_migrations_online',
    '    context.run_migrations()',
    '  File "<string>", line 8, in run_migrations',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/runtime/environment.py", line 946, in run_migrations',
    '    self.get_context().run_migrations(**kw)',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/runtime/migration.py", line 616, in run_migrations',
    '    for step in self._migrations_fn(heads, self):',
    '                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/command.py", line 395, in upgrade',
    '    return script._upgrade_revs(revision, rev)',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/script/base.py", line 430, in _upgrade_revs',
    '    with self._catch_revision_errors(',
    '  File "/usr/local/lib/python3.12/contextlib.py", line 158, in __exit__',
    '    self.gen.throw(value)',
    '  File "/usr/local/lib/python3.12/site-packages/alembic/script/base.py", line 282, in _catch_revision_errors',
    '    raise util.CommandError(resolution) from re',
    "alembic.util.exc.CommandError: Can't locate revision identified by 'c7f2a91e4b3d'",
  );
  const rendererLog = lines(
    `${pyTime(9.2)} INFO pdf_renderer.worker: rendered invoice INV-2026-118842 pages=2 ms=412`,
    `${pyTime(6.4)} WARNING pdf_renderer.client: upstream invoice-api.billing.svc.cluster.local unavailable (connection refused), will retry in 30s`,
    `${pyTime(0.8)} WARNING pdf_renderer.client: upstream invoice-api.billing.svc.cluster.local unavailable (connection refused), will retry in 30s`,
  );
  return {
    id: 'heldout40-alembic-rollback-unknown-revision',
    class: 'rollout',
    truth: 'invoice-api 2.15.0 (revision 58, 78 minutes ago) ran its Alembic migration c7f2a91e4b3d at start, moving the database\'s alembic_version to c7f2a91e4b3d, and then turned out buggy; 24 minutes ago the on-call ran `kubectl rollout undo`, which re-used the 2.14.1 ReplicaSet as revision 59 (revision-history 57). The Deployment uses the Recreate strategy, so all three 2.15.0 pods were stopped first. Every 2.14.1 pod runs `python -m invoice_api.migrate` before gunicorn, and 2.14.1\'s migration scripts end at 4e1b9d0c2a77: Alembic cannot find the database\'s current revision and exits with "alembic.util.exc.CommandError: Can\'t locate revision identified by \'c7f2a91e4b3d\'" (exit 1), so all three pods crash-loop and invoice-api has no ready pod — the rollback turned a partial bug into a full outage. Rolling back further or restarting will not help. Fix: roll forward (redeploy 2.15.0, or a 2.15.1 with the bug fixed) to restore service; if 2.14.1 must run, first downgrade the schema with 2.15.0\'s image (alembic downgrade 4e1b9d0c2a77) — and make the migrate step tolerate a newer head (or run migrations as a separate job) so a rollback cannot fail this way.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...renderer.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'pdf-renderer', selector: { app: 'pdf-renderer' }, pods: renderer.pods }),
      scaledReplicaSet(dep, nameOf(rs58), 0, 3, 24.1),
      ...oldPods.map((n) => event({ on: { kind: 'Pod', name: n, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 24.1, lastAgo: 24.1, fieldPath: 'spec.containers{app}' })),
      scaledReplicaSet(dep, nameOf(rs59), 3, 0, 23.8),
      ...app.pods.flatMap((p, k) => [
        createdPod(rs59, p, 23.8 - k * 0.02),
        ...pulledFresh(p, 'app', image('2.14.1'), { atAgo: 23.8 - k * 0.02, bytes: 187_331_902, seconds: 5.118 + k }),
        ...restartedAgain(p, 'app', image('2.14.1'), { count: 10, firstAgo: 23.6 - k * 0.02, lastAgo: 1.5 + k * 0.7 }).filter((e) => e.reason !== 'Pulled'),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image('2.14.1')}" already present on machine`, count: 9, firstAgo: 23.4 - k * 0.02, lastAgo: 1.5 + k * 0.7, fieldPath: 'spec.containers{app}' }),
        backOff(p, 'app', { count: 96 - k * 3, firstAgo: 23.5 - k * 0.02, lastAgo: 0.2 + k * 0.1 }),
      ]),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { previous: trace(1.45 + k * 0.7) })),
      ...renderer.pods.map((p) => logsFor(p, 'app', { current: rendererLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/alembic|migration|c7f2a91e4b3d/i, /roll(ed|ing)? ?back|rollout undo|\bundo\b|older (image|version|release)|2\.14\.1|revision 59/i],
      facts: [/c7f2a91e4b3d/, /Can't locate revision/, /2\.15\.0|revision 58/],
      never: [
        /\bOOM/,
        /ImagePull|image[^\n]{0,15}not found/i,
        /roll(ing)? ?back (further )?to[^\n]{0,30}(2\.14|2\.13|revision 5[67])/i,
        /(database|postgres)[^\n]{0,30}\b(down|unreachable|refused)/i,
        /(liveness|readiness) probe[^\n]{0,40}(kill|restart|caus)/i,
      ],
    },
  };
}

// ---- 5. nginx server_names_hash_bucket_size: a ConfigMap edit added a 75-character server_name ----

function nginxServerNamesHash(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.208', ['9', '131', '245']);
  const appImage = (v: string) => `${ECR}/storefront/storefront-web:${v}`;
  const nginxImage = 'docker.io/library/nginx:1.27.2-alpine';
  const longName = 'storefront-preview-eu-west-1.internal.prod.acme-retail-platform.example.com';
  const tpl = (v: string): TemplateOpts => ({
    containers: [
      container({
        image: appImage(v), ports: [{ name: 'app', containerPort: 3000 }], cpu: '500m', memory: '768Mi',
        env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'PORT', value: '3000' }, { name: 'HOSTNAME', value: '0.0.0.0' }, { name: 'API_BASE_URL', value: 'http://catalog-api.catalog.svc.cluster.local' }],
        readiness: httpProbe('/api/health', 3000), liveness: httpProbe('/api/health', 3000, { initialDelaySeconds: 15 }),
      }),
      container({
        name: 'nginx', image: nginxImage, ports: [8080], cpu: '100m', memory: '128Mi',
        readiness: httpProbe('/nginx-health', 8080, { periodSeconds: 5 }), liveness: tcpProbe(8080, { initialDelaySeconds: 5 }),
        volumeMounts: [{ name: 'nginx-conf', mountPath: '/etc/nginx/conf.d', readOnly: true }],
      }),
    ],
    volumes: [{ name: 'nginx-conf', configMap: { name: 'storefront-web-nginx', defaultMode: 420 } }],
  });
  const nginxCrash = crashLoop({ exitCode: 1, finishedAgo: 1.1, ranSeconds: 1 }, 7);
  const app = deploymentApp({
    namespace: ns,
    name: 'storefront-web',
    replicas: 4,
    revisions: [
      { revision: 22, createdAgo: 6 * DAYS, changeCause: 'argocd: storefront-web 5.2.0', template: tpl('5.2.0') },
      { revision: 23, createdAgo: 14, changeCause: 'argocd: storefront-web 5.2.1', template: tpl('5.2.1') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 23, node: names[0] ?? '', createdAgo: 13.9, containers: { app: running({ sinceAgo: 13.6 }), nginx: nginxCrash } },
      { revision: 23, node: names[2] ?? '', createdAgo: 13.7, containers: { app: running({ sinceAgo: 13.4 }), nginx: crashLoop({ exitCode: 1, finishedAgo: 2.3, ranSeconds: 1 }, 7) } },
    ],
  });
  const conf = configMap({
    namespace: ns,
    name: 'storefront-web-nginx',
    createdAgo: 140 * DAYS,
    updatedAgo: 95,
    data: {
      'storefront.conf': [
        'upstream storefront_app {',
        '    server 127.0.0.1:3000;',
        '    keepalive 32;',
        '}',
        '',
        'server {',
        '    listen 8080 default_server;',
        '    # OPS-5120: preview hostname for the EU blue/green test',
        `    server_name shop.acme-retail.example.com www.acme-retail.example.com storefront-web.storefront.svc.cluster.local ${longName};`,
        '',
        '    client_max_body_size 2m;',
        '    gzip on;',
        '    gzip_types text/css application/javascript application/json image/svg+xml;',
        '',
        '    location = /nginx-health {',
        '        access_log off;',
        '        return 200 "ok\\n";',
        '    }',
        '',
        '    location /_next/static/ {',
        '        proxy_pass http://storefront_app;',
        '        expires 365d;',
        '        add_header Cache-Control "public, immutable";',
        '    }',
        '',
        '    location / {',
        '        proxy_pass http://storefront_app;',
        '        proxy_http_version 1.1;',
        '        proxy_set_header Connection "";',
        '        proxy_set_header Host $host;',
        '        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
        '        proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;',
        '        proxy_read_timeout 30s;',
        '    }',
        '}',
        '',
      ].join('\n'),
    },
  });
  const dep = deploymentOf(app);
  const rs22 = rsOf(app, 22);
  const rs23 = replicaSetOf(app, 23);
  const goneOld = `${rs22}-${nameSuffix(`${rs22}/gone`)}`;
  const fresh = app.pods.slice(3);
  const entry = (m: number): string => lines(
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf is not a file or does not exist',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${ngxTime(m)} [emerg] 1#1: could not build server_names_hash, you should increase server_names_hash_bucket_size: 64`,
    'nginx: [emerg] could not build server_names_hash, you should increase server_names_hash_bucket_size: 64',
  );
  const nextLog = (since: number, v: string): string => lines(
    `  ▲ Next.js 14.2.15`,
    '  - Local:        http://0.0.0.0:3000',
    '  - Network:      http://0.0.0.0:3000',
    '',
    ' ✓ Starting...',
    ` ✓ Ready in ${num(`ready${since}`, 300, 180)}ms`,
    `{"level":30,"time":${Date.parse(at(since - 0.2))},"pid":1,"hostname":"storefront-web","msg":"storefront-web ${v} ready","catalogApi":"http://catalog-api.catalog.svc.cluster.local"}`,
  );
  const ua = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
  const access = (k: number): string => {
    const out: string[] = [];
    for (let t = 6 + k * 0.2; t > 0.2; t -= 0.9) {
      const path = ['/', '/c/outerwear', '/p/SKU-88213-BLK', '/_next/static/chunks/app/page-5c1e2f9a0b7d.js', '/cart'][Math.round(t * 3) % 5] ?? '/';
      out.push(`10.0.${num(`a${k}${t}`, 60)}.${num(`b${k}${t}`, 250, 2)} - - [${clfTime(t)}] "GET ${path} HTTP/1.1" 200 ${num(`sz${k}${t}`, 60000, 900)} "https://shop.acme-retail.example.com/" "${ua}"`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout40-nginx-server-names-hash-bucket',
    class: 'config',
    truth: `The nginx reverse-proxy container of storefront-web reads its server blocks from ConfigMap storefront-web-nginx, which someone edited with kubectl 95 minutes ago (OPS-5120) to add the 75-character server_name ${longName}. That name does not fit nginx's default server_names_hash_bucket_size of 64, so any nginx that starts with this config exits at once with "[emerg] could not build server_names_hash, you should increase server_names_hash_bucket_size: 64". The running revision-22 pods never reloaded and still serve with the old config in memory; the edit only showed when the innocent app rollout (revision 23, storefront-web 5.2.1, 14 minutes ago) started new pods: their app container is fine, their nginx crash-loops, so they never become ready and the rollout is stuck (ProgressDeadlineExceeded) with 3 of 4 old pods serving. Rolling back to revision 22 would not help — new pods would read the same ConfigMap — and any old pod whose nginx restarts will crash too. Fix: add "server_names_hash_bucket_size 128;" to the config (or shorten/remove the long name) in the ConfigMap, then let the rollout proceed.`,
    ask: { service: 'storefront-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, conf,
      ...exposed({ namespace: ns, name: 'storefront-web', selector: { app: 'storefront-web' }, pods: app.pods }),
      scaledReplicaSet(dep, nameOf(rs23), 1, 0, 14),
      scaledReplicaSet(dep, rs22, 3, 4, 14),
      scaledReplicaSet(dep, nameOf(rs23), 2, 1, 13.7),
      event({ on: { kind: 'Pod', name: goneOld, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 14, lastAgo: 14, fieldPath: 'spec.containers{app}' }),
      event({ on: { kind: 'Pod', name: goneOld, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container nginx', firstAgo: 14, lastAgo: 14, fieldPath: 'spec.containers{nginx}' }),
      ...fresh.flatMap((p, k) => {
        const startedAgo = 13.9 - k * 0.2;
        return [
          createdPod(rs23, p, startedAgo),
          ...pulledFresh(p, 'app', appImage('5.2.1'), { atAgo: startedAgo, bytes: 96_418_220, seconds: 3.412 + k }),
          event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: startedAgo - 0.2, lastAgo: startedAgo - 0.2, fieldPath: 'spec.containers{app}' }),
          event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: startedAgo - 0.2, lastAgo: startedAgo - 0.2, fieldPath: 'spec.containers{app}' }),
          ...restartedAgain(p, 'nginx', nginxImage, { count: 8, firstAgo: startedAgo - 0.2, lastAgo: 1.1 + k * 1.2 }),
          backOff(p, 'nginx', { count: 61 - k * 2, firstAgo: startedAgo - 0.3, lastAgo: 0.3 + k * 0.1 }),
          event({ on: p, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(p)}:8080/nginx-health": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, count: 3, firstAgo: startedAgo - 0.25, lastAgo: startedAgo - 0.5, fieldPath: 'spec.containers{nginx}' }),
        ];
      }),
    ],
    logs: [
      ...fresh.map((p, k) => logsFor(p, 'nginx', { previous: entry(1.1 + k * 1.2 + 1 / 60) })),
      ...fresh.map((p, k) => logsFor(p, 'app', { current: nextLog(13.6 - k * 0.2, '5.2.1') })),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'nginx', { current: access(k) })),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: nextLog(6 * DAYS - k - 0.4, '5.2.0') })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/server_names_hash|server_name|hash[_ ]bucket/i, /storefront-web-nginx|ConfigMap/i],
      facts: [/server_names_hash_bucket_size/, lit(longName), /storefront-web-nginx/],
      never: [
        /roll(ing)? ?back to|undo the rollout|rollout undo/i,
        /5\.2\.1[^\n]{0,40}(caused|broke|introduced|bug)/i,
        /revision 23[^\n]{0,40}(caused|broke|introduced)/i,
        /\bOOM/,
        /ImagePull/i,
      ],
    },
  };
}

// ---- 6. Kafka consumer idle past offsets.retention.minutes, replaying its topic from 0 -----------

function kafkaOffsetsExpiredReplay(): CorpusScenario {
  const ns = 'fulfillment';
  const { nodes, names } = threeEksNodes('10.0.164', ['27', '119', '233']);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const kImage = 'docker.io/apache/kafka:3.7.1';
  const kafka = statefulSetApp({
    namespace: ns,
    name: 'kafka',
    replicas: 3,
    serviceName: 'kafka-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 300 * DAYS,
    revisions: [{
      revision: 9,
      createdAgo: 16 * DAYS + 30,
      template: {
        containers: [container({
          name: 'kafka', image: kImage, command: ['/bin/bash', '-c'], args: ['exec /opt/kafka/bin/kafka-server-start.sh /etc/kafka/server-${HOSTNAME##*-}.properties'],
          ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }], cpu: '2', memory: '6Gi',
          env: [{ name: 'KAFKA_HEAP_OPTS', value: '-Xms3g -Xmx3g' }],
          readiness: tcpProbe('client', { periodSeconds: 10 }), liveness: tcpProbe('client', { initialDelaySeconds: 60, periodSeconds: 20 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/kafka/data' }, { name: 'config', mountPath: '/etc/kafka', readOnly: true }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'kafka-config', defaultMode: 420 } }],
        terminationGracePeriodSeconds: 120,
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '1Ti', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((k) => ({ revision: 9, ordinal: k, node: names[k] ?? '', createdAgo: 16 * DAYS + 20 - k * 4 })),
  });
  const claims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-kafka-${k}`, storage: '1Ti', zone: zones[k] ?? 'eu-west-1a', createdAgo: 300 * DAYS }));
  const common = [
    'process.roles=broker,controller',
    'controller.quorum.voters=0@kafka-0.kafka-headless.fulfillment.svc.cluster.local:9093,1@kafka-1.kafka-headless.fulfillment.svc.cluster.local:9093,2@kafka-2.kafka-headless.fulfillment.svc.cluster.local:9093',
    'listeners=PLAINTEXT://:9092,CONTROLLER://:9093',
    'controller.listener.names=CONTROLLER',
    'log.dirs=/var/lib/kafka/data',
    'num.partitions=12',
    'default.replication.factor=3',
    'min.insync.replicas=2',
    'auto.create.topics.enable=false',
    'log.retention.hours=720',
    'log.segment.bytes=1073741824',
    'offsets.topic.replication.factor=3',
    'offsets.retention.minutes=10080',
    'group.initial.rebalance.delay.ms=3000',
  ];
  const kconf = configMap({
    namespace: ns,
    name: 'kafka-config',
    createdAgo: 300 * DAYS,
    updatedAgo: 16 * DAYS + 35,
    data: Object.fromEntries([0, 1, 2].map((k) => [`server-${k}.properties`, [`node.id=${k}`, `broker.rack=${zones[k]}`, `advertised.listeners=PLAINTEXT://kafka-${k}.kafka-headless.fulfillment.svc.cluster.local:9092`, ...common, ''].join('\n')])),
  });

  const image = (v: string) => `${ECR}/fulfillment/shipment-notifier:${v}`;
  const tpl = (v: string): TemplateOpts => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'file:/config/' }, { name: 'NOTIFY_GATEWAY_URL', value: 'http://notification-gateway.fulfillment.svc.cluster.local' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
      volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'shipment-notifier-config', defaultMode: 420 } }],
  });
  const notifier = deploymentApp({
    namespace: ns,
    name: 'shipment-notifier',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 29 * DAYS, changeCause: 'helm: shipment-notifier 4.6.1', template: tpl('4.6.1') },
      { revision: 12, createdAgo: 23 * DAYS, changeCause: 'helm: shipment-notifier 4.6.2', template: tpl('4.6.2') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 41 - k * 0.03 })),
    settled: { available: true, availableSince: 40, progressingSince: 23 * DAYS, progressingUpdatedAgo: 23 * DAYS - 3 },
  });
  scaledByKubectl(notifier, 41, 23 * DAYS);
  const nd = deploymentOf(notifier);
  nd.metadata = { ...nd.metadata, annotations: { ...nd.metadata?.annotations, 'ops.acme.io/paused': 'scaled to 0 during the WMS cutover freeze (OPS-4410), 2026-11-12' } };
  const appConf = configMap({
    namespace: ns,
    name: 'shipment-notifier-config',
    createdAgo: 90 * DAYS,
    updatedAgo: 23 * DAYS,
    data: {
      'application-prod.yaml': [
        'spring:',
        '  kafka:',
        '    bootstrap-servers: kafka-headless.fulfillment.svc.cluster.local:9092',
        '    consumer:',
        '      group-id: shipment-notifier',
        '      auto-offset-reset: earliest',
        '      enable-auto-commit: false',
        '      max-poll-records: 500',
        '    listener:',
        '      ack-mode: batch',
        '      concurrency: 4',
        'notifier:',
        '  topic: shipment-events',
        '  templates:',
        '    SHIPPED: shipment_shipped',
        '    OUT_FOR_DELIVERY: shipment_out_for_delivery',
        '    DELIVERED: shipment_delivered',
        '',
      ].join('\n'),
    },
  });
  const gwImage = `${ECR}/fulfillment/notification-gateway:2.3.0`;
  const gateway = deploymentApp({
    namespace: ns,
    name: 'notification-gateway',
    replicas: 2,
    revisions: [{ revision: 29, createdAgo: 11 * DAYS, changeCause: 'helm: notification-gateway 2.3.0', template: { containers: [container({ image: gwImage, ports: [8080] })] } }],
    pods: [0, 1].map((k) => ({ revision: 29, node: names[k + 1] ?? '', createdAgo: 11 * DAYS - k })),
  });

  const app = 'shipment-notifier';
  const coordinatorHost = 'kafka-1.kafka-headless.fulfillment.svc.cluster.local:9092';
  const leaderOf = (p: number) => p % 3;
  const notifierLog = (k: number): string => {
    const start = 40.6 - k * 0.03;
    const out: string[] = [
      spring(start, 'INFO', app, 'main', 'c.a.f.n.ShipmentNotifierApplication', 'Starting ShipmentNotifierApplication v4.6.2 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
      spring(start - 0.01, 'INFO', app, 'main', 'c.a.f.n.ShipmentNotifierApplication', 'The following 1 profile is active: "prod"'),
      spring(start - 0.06, 'INFO', app, 'main', 'o.a.k.clients.consumer.ConsumerConfig', 'ConsumerConfig values: '),
      '\tallow.auto.create.topics = true',
      '\tauto.commit.interval.ms = 5000',
      '\tauto.include.jmx.reporter = true',
      '\tauto.offset.reset = earliest',
      '\tbootstrap.servers = [kafka-headless.fulfillment.svc.cluster.local:9092]',
      '\tcheck.crcs = true',
      `\tclient.id = consumer-shipment-notifier-${k * 4 + 1}`,
      '\tenable.auto.commit = false',
      '\tfetch.max.bytes = 52428800',
      '\tgroup.id = shipment-notifier',
      '\tgroup.protocol = classic',
      '\theartbeat.interval.ms = 3000',
      '\tisolation.level = read_uncommitted',
      '\tmax.poll.interval.ms = 300000',
      '\tmax.poll.records = 500',
      '\tpartition.assignment.strategy = [class org.apache.kafka.clients.consumer.RangeAssignor, class org.apache.kafka.clients.consumer.CooperativeStickyAssignor]',
      '\tsession.timeout.ms = 45000',
      '',
      spring(start - 0.07, 'INFO', app, 'main', 'o.a.kafka.common.utils.AppInfoParser', 'Kafka version: 3.7.1'),
      spring(start - 0.07, 'INFO', app, 'main', 'o.a.kafka.common.utils.AppInfoParser', 'Kafka commitId: e2494e6ffb89f828'),
      spring(start - 0.08, 'INFO', app, 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
      spring(start - 0.08, 'INFO', app, 'main', 'c.a.f.n.ShipmentNotifierApplication', 'Started ShipmentNotifierApplication in 8.304 seconds (process running for 8.97)'),
    ];
    for (let c = 0; c < 4; c++) {
      const id = k * 4 + c + 1;
      const part = k * 4 + c;
      const thread = `ntainer#0-${c}-C-1`;
      const cc = `[Consumer clientId=consumer-shipment-notifier-${id}, groupId=shipment-notifier]`;
      const member = `consumer-shipment-notifier-${id}-${uidOf(`member${id}`)}`;
      const t = start - 0.1 - c * 0.001;
      out.push(
        spring(t, 'INFO', app, thread, 'org.apache.kafka.clients.Metadata', `${cc} Cluster ID: Wq3vX0pQTPq7mJx1bC9d2A`),
        spring(t, 'INFO', app, thread, 'o.a.k.c.c.internals.ConsumerCoordinator', `${cc} Discovered group coordinator ${coordinatorHost} (id: 2147483646 rack: null)`),
        spring(t, 'INFO', app, thread, 'o.a.k.c.c.internals.ConsumerCoordinator', `${cc} (Re-)joining group`),
        spring(t, 'INFO', app, thread, 'o.a.k.c.c.internals.ConsumerCoordinator', `${cc} Request joining group due to: need to re-join with the given member-id: ${member}`),
        spring(t - 0.06, 'INFO', app, thread, 'o.a.k.c.c.internals.ConsumerCoordinator', `${cc} Successfully joined group with generation Generation{generationId=1, memberId='${member}', protocol='range'}`),
        spring(t - 0.06, 'INFO', app, thread, 'o.a.k.c.c.internals.ConsumerCoordinator', `${cc} Successfully synced group in generation Generation{generationId=1, memberId='${member}', protocol='range'}`),
        spring(t - 0.06, 'INFO', app, thread, 'o.a.k.c.c.internals.ConsumerCoordinator', `${cc} Notifying assignor about the new Assignment(partitions=[shipment-events-${part}])`),
        spring(t - 0.06, 'INFO', app, thread, 'o.a.k.c.c.internals.ConsumerCoordinator', `${cc} Adding newly assigned partitions: shipment-events-${part}`),
        spring(t - 0.061, 'INFO', app, thread, 'o.a.k.c.c.internals.ConsumerCoordinator', `${cc} Found no committed offset for partition shipment-events-${part}`),
        spring(t - 0.062, 'INFO', app, thread, 'o.a.k.c.c.internals.SubscriptionState', `${cc} Resetting offset for partition shipment-events-${part} to position FetchPosition{offset=0, offsetEpoch=Optional.empty, currentLeader=LeaderAndEpoch{leader=Optional[kafka-${leaderOf(part)}.kafka-headless.fulfillment.svc.cluster.local:9092 (id: ${leaderOf(part)} rack: ${zones[leaderOf(part)]})], epoch=14}}.`),
        spring(t - 0.063, 'INFO', app, thread, 'o.s.k.l.KafkaMessageListenerContainer', `shipment-notifier: partitions assigned: [shipment-events-${part}]`),
      );
    }
    const events: { t: number; s: string }[] = [];
    for (let t = 39.5 - k * 0.2, j = 0; t > 0.3; t -= 1.7, j++) {
      const part = k * 4 + (j % 4);
      const progress = (39.5 - t) / 39.5;
      const shipped = `2026-10-${22 + Math.floor(progress * 4.7)}T${String(6 + (j % 14)).padStart(2, '0')}:${String(num(`mm${k}${j}`, 60)).padStart(2, '0')}:${String(num(`ss${k}${j}`, 60)).padStart(2, '0')}Z`;
      const offset = Math.round(progress * 165_000) + num(`o${k}${j}`, 4000);
      events.push({ t, s: spring(t, 'INFO', app, `ntainer#0-${j % 4}-C-1`, 'c.a.f.notifier.ShipmentListener', `notified order=A-${10_200_000 + num(`ord${k}${j}`, 600_000)} event=SHIPPED shipped_at=${shipped} template=shipment_shipped partition=${part} offset=${offset}`) });
      if (j % 6 === 0) events.push({ t: t - 0.3, s: spring(t - 0.3, 'INFO', app, 'lag-reporter', 'c.a.f.notifier.LagReporter', `consumer lag shipment-events-${part}: position=${offset} end=${1_050_000 + num(`end${part}`, 40_000)} lag=${1_050_000 - offset + num(`end${part}`, 40_000)}`) });
    }
    events.sort((a, b) => b.t - a.t);
    return [...out, ...events.map((e) => e.s)].join('\n') + '\n';
  };
  const kTime = (m: number) => `[${pyTime(m)}]`;
  const gm = '[GroupMetadataManager brokerId=1]';
  const gc = '[GroupCoordinator 1]:';
  const brokerLog = (() => {
    const ev: { t: number; s: string }[] = [];
    const emptyAt = 9 * DAYS - 2 * HOURS;
    const expiredAt = emptyAt - 7 * DAYS - 7;
    for (let t = 60 * HOURS + 3; t > 0.5; t -= 10) if (Math.abs(t - expiredAt) > 1) ev.push({ t, s: `${kTime(t)} INFO ${gm} Removed 0 expired offsets in ${t % 3 === 0 ? 0 : 1} milliseconds. (kafka.coordinator.group.GroupMetadataManager)` });
    ev.push({ t: emptyAt + 0.2, s: `${kTime(emptyAt + 0.2)} INFO ${gc} Preparing to rebalance group shipment-notifier in state PreparingRebalance with old generation 57 (__consumer_offsets-37) (reason: Removing member consumer-shipment-notifier-9-${uidOf('old9')} on LeaveGroup; client reason: the consumer is being closed) (kafka.coordinator.group.GroupCoordinator)` });
    ev.push({ t: emptyAt + 0.1, s: `${kTime(emptyAt + 0.1)} INFO ${gc} Member MemberMetadata(memberId=consumer-shipment-notifier-12-${uidOf('old12')}, groupInstanceId=None, clientId=consumer-shipment-notifier-12, clientHost=/10.0.31.88, sessionTimeoutMs=45000, rebalanceTimeoutMs=300000, supportedProtocols=List(range, cooperative-sticky)) has left group shipment-notifier through explicit \`LeaveGroup\`; client reason: the consumer is being closed (kafka.coordinator.group.GroupCoordinator)` });
    ev.push({ t: emptyAt, s: `${kTime(emptyAt)} INFO ${gc} Group shipment-notifier with generation 58 is now empty (__consumer_offsets-37) (kafka.coordinator.group.GroupCoordinator)` });
    ev.push({ t: expiredAt, s: `${kTime(expiredAt)} INFO ${gm} Group shipment-notifier transitioned to Dead in generation 58 (kafka.coordinator.group.GroupMetadataManager)` });
    ev.push({ t: expiredAt - 0.001, s: `${kTime(expiredAt - 0.001)} INFO ${gm} Removed 12 expired offsets in 3 milliseconds. (kafka.coordinator.group.GroupMetadataManager)` });
    ev.push({ t: 40.55, s: `${kTime(40.55)} INFO ${gc} Dynamic member with unknown member id joins group shipment-notifier in Empty state. Created a new member id consumer-shipment-notifier-1-${uidOf('member1')} and request the member to rejoin with this id. (kafka.coordinator.group.GroupCoordinator)` });
    ev.push({ t: 40.549, s: `${kTime(40.549)} INFO ${gc} Preparing to rebalance group shipment-notifier in state PreparingRebalance with old generation 0 (__consumer_offsets-37) (reason: Adding new member consumer-shipment-notifier-1-${uidOf('member1')} with group instance id None; client reason: need to re-join with the given member-id: consumer-shipment-notifier-1-${uidOf('member1')}) (kafka.coordinator.group.GroupCoordinator)` });
    ev.push({ t: 40.49, s: `${kTime(40.49)} INFO ${gc} Stabilized group shipment-notifier generation 1 (__consumer_offsets-37) with 12 members (kafka.coordinator.group.GroupCoordinator)` });
    ev.push({ t: 40.489, s: `${kTime(40.489)} INFO ${gc} Assignment received from leader consumer-shipment-notifier-1-${uidOf('member1')} for group shipment-notifier for generation 1. The group has 12 members, 0 of which are static. (kafka.coordinator.group.GroupCoordinator)` });
    for (let t = 3 * DAYS; t > 1; t -= 19 * HOURS) ev.push({ t, s: `${kTime(t)} INFO [ProducerStateManager partition=shipment-events-${Math.round(t) % 12}] Wrote producer snapshot at offset ${900_000 + Math.round(3 * DAYS - t) * 3} with 0 producer ids in 2 ms. (org.apache.kafka.storage.internals.log.ProducerStateManager)` });
    ev.sort((a, b) => b.t - a.t);
    return ev.map((e) => e.s).join('\n') + '\n';
  })();
  const gatewayLog = (k: number): string => {
    const out: string[] = [];
    for (let t = 39 - k * 0.4, j = 0; t > 0.4; t -= 1.9, j++) {
      if (j % 4 === 1) out.push(`{"level":"info","time":"${at(t)}","msg":"duplicate suppressed","template":"shipment_shipped","order_id":"A-${10_740_000 + num(`dup${k}${j}`, 90_000)}","first_sent":"2026-11-1${num(`fd${k}${j}`, 2)}T${String(8 + (j % 10)).padStart(2, '0')}:14:07Z","dedupe_window":"14d"}`);
      else out.push(`{"level":"info","time":"${at(t)}","msg":"email accepted","provider":"sendgrid","template":"shipment_shipped","order_id":"A-${10_200_000 + num(`gw${k}${j}`, 500_000)}","status":202}`);
      if (j % 5 === 0) out.push(`{"level":"info","time":"${at(t - 0.01)}","msg":"throughput","window_s":60,"accepted":${24000 + num(`tp${k}${j}`, 3000)},"baseline_p50":38}`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout40-kafka-offsets-expired-replay',
    class: 'config',
    truth: 'shipment-notifier was scaled to 0 on 2026-11-12 for the WMS cutover freeze (OPS-4410) and left there for nine days. Its consumer group shipment-notifier went empty, and once the broker\'s offsets.retention.minutes=10080 (7 days) had passed the group coordinator expired its 12 committed offsets and removed the group (kafka-1: "Removed 12 expired offsets", "transitioned to Dead" two days ago). When someone scaled it back to 3 replicas with kubectl 41 minutes ago, the group started again at generation 1 with no committed offsets, so each consumer logged "Found no committed offset for partition shipment-events-N" and, per auto.offset.reset=earliest in shipment-notifier-config, reset to offset 0: it is replaying the whole 30-day topic (about a million events per partition, lag ~1M), re-sending "your order shipped" e-mails for October orders — notification-gateway only suppresses duplicates within its 14-day window. Pods are healthy; nothing crashed and no rollout is involved. Fix: scale shipment-notifier to 0 now, reset the group\'s offsets to where it stopped (kafka-consumer-groups --reset-offsets --to-datetime 2026-11-12T…, or --to-latest if the backlog is irrelevant), then resume; for the future raise offsets.retention.minutes or commit/park offsets before long pauses, and make the notifier idempotent.',
    ask: { service: 'shipment-notifier', namespace: ns },
    objects: [
      ...nodes, ...kafka.objects, ...claims, kconf, ...notifier.objects, appConf, ...gateway.objects,
      service({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, ports: [{ name: 'client', port: 9092, targetPort: 'client' }, { name: 'controller', port: 9093, targetPort: 'controller' }], headless: true, createdAgo: 300 * DAYS }),
      ...exposed({ namespace: ns, name: 'shipment-notifier', selector: { app: 'shipment-notifier' }, pods: notifier.pods }),
      ...exposed({ namespace: ns, name: 'notification-gateway', selector: { app: 'notification-gateway' }, pods: gateway.pods }),
      scaledReplicaSet(nd, rsOf(notifier, 12), 3, 0, 41),
      ...notifier.pods.flatMap((p, k) => [
        createdPod(replicaSetOf(notifier, 12), p, 41 - k * 0.03),
        ...pulledFresh(p, 'app', image('4.6.2'), { atAgo: 41 - k * 0.03, bytes: 241_908_113, seconds: 6.281 + k }),
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 40.85 - k * 0.03, lastAgo: 40.85 - k * 0.03, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 40.85 - k * 0.03, lastAgo: 40.85 - k * 0.03, fieldPath: 'spec.containers{app}' }),
      ]),
    ],
    logs: [
      ...notifier.pods.map((p, k) => logsFor(p, 'app', { current: notifierLog(k) })),
      logsFor(podOf(kafka, 1), 'kafka', { current: brokerLog }),
      logsFor(podOf(kafka, 0), 'kafka', { current: lines(`${kTime(2 * HOURS)} INFO [GroupMetadataManager brokerId=0] Removed 0 expired offsets in 0 milliseconds. (kafka.coordinator.group.GroupMetadataManager)`, `${kTime(20)} INFO [ProducerStateManager partition=shipment-events-3] Wrote producer snapshot at offset 1052117 with 0 producer ids in 1 ms. (org.apache.kafka.storage.internals.log.ProducerStateManager)`) }),
      ...gateway.pods.map((p, k) => logsFor(p, 'app', { current: gatewayLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/offset/i, /expir|retention|earliest|re-?process|replay|re-?consum|from (the )?(beginning|start)|offset 0/i],
      facts: [/offsets\.retention\.minutes|10080/, /auto[.-]offset[.-]reset|earliest/, /Found no committed offset/],
      never: [
        /\bOOM/,
        /crash ?loop/i,
        ADVISES_ROLLBACK,
        /scale (it |the consumer |shipment-notifier )?(up|out)|add (more )?(replicas|consumers|partitions)|increase (the )?(replicas|partitions)/i,
        /rebalanc(e|ing) (storm|loop)/i,
      ],
    },
  };
}

// ---- 7. healthy control: handled duplicate-key errors from idempotent retries --------------------

function healthyIdempotentDuplicateKeys(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.118', ['36', '171', '240']);
  const image = (v: string) => `${ECR}/payments/payments-intake:${v}`;
  const tpl = (v: string): TemplateOpts => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://payments-db.cluster-c5v8xk2m9q1r.eu-west-1.rds.amazonaws.com:5432/payments' },
        { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE', value: '15' },
        { name: 'IDEMPOTENCY_KEY_TTL', value: '24h' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'payments-intake',
    replicas: 3,
    revisions: [
      { revision: 47, createdAgo: 11 * DAYS, changeCause: 'argocd: payments-intake 7.3.0', template: tpl('7.3.0') },
      { revision: 48, createdAgo: 3 * DAYS, changeCause: 'argocd: payments-intake 7.3.1', template: tpl('7.3.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 48, node: names[k] ?? '', createdAgo: 3 * DAYS - 1 - k })),
    settled: { available: true, availableSince: 3 * DAYS - 4, progressingSince: 3 * DAYS, progressingUpdatedAgo: 3 * DAYS - 4 },
  });
  const webhooks = bystander(ns, 'payments-webhooks', names, 5 * DAYS, { revisions: [19, 20], versions: ['1.12.0', '1.12.1'], olderAgo: 26 * DAYS });
  const a = 'payments-intake';
  const log = (k: number): string => {
    const out: string[] = [
      spring(3 * DAYS - 1.5 - k, 'INFO', a, 'main', 'c.a.p.intake.IntakeApplication', 'Started IntakeApplication in 9.118 seconds (process running for 9.77)'),
    ];
    for (let t = 30 - k * 0.5, j = 0; t > 0.3; t -= 1.6, j++) {
      const th = `nio-8080-exec-${1 + ((j * 3 + k) % 12)}`;
      const key = uidOf(`idem${k}-${j}`);
      if (j % 3 === 1) {
        out.push(
          spring(t, 'WARN', a, th, 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'SQL Error: 0, SQLState: 23505'),
          spring(t, 'ERROR', a, th, 'o.h.engine.jdbc.spi.SqlExceptionHelper', 'ERROR: duplicate key value violates unique constraint "idempotency_keys_pkey"'),
          `  Detail: Key (idempotency_key)=(${key}) already exists.`,
          spring(t - 0.0003, 'INFO', a, th, 'c.a.p.intake.IdempotencyService', `Idempotency-Key ${key} already recorded (first seen ${at(t + 0.05 + (j % 4) * 0.02).slice(0, 19)}Z); replaying stored response 201`),
          spring(t - 0.0004, 'INFO', a, th, 'c.a.p.intake.web.AccessLogFilter', `POST /v2/payment-intents 201 ${num(`r${k}${j}`, 20, 6)}ms replay=true`),
        );
      } else {
        out.push(spring(t, 'INFO', a, th, 'c.a.p.intake.web.AccessLogFilter', `POST /v2/payment-intents 201 ${num(`n${k}${j}`, 120, 40)}ms replay=false`));
        if (j % 4 === 0) out.push(spring(t - 0.2, 'INFO', a, th, 'c.a.p.intake.web.AccessLogFilter', `GET /v2/payment-intents/pi_${uidOf(`pi${k}${j}`).replace(/-/g, '').slice(0, 24)} 200 ${num(`g${k}${j}`, 15, 3)}ms`));
      }
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout40-healthy-idempotent-duplicate-keys',
    class: 'healthy',
    truth: 'payments-intake is healthy: 3/3 pods of revision 48 (7.3.1, three days old) are ready with no restarts, and every request is answered (201/200). Its logs look alarming — Hibernate logs "ERROR: duplicate key value violates unique constraint "idempotency_keys_pkey"" (SQLState 23505) every few seconds — but that is the idempotency design working: mobile clients retry POST /v2/payment-intents with the same Idempotency-Key, the insert of the key fails on the primary key, and the service replays the stored 201 response (replay=true). Nothing to fix; at most lower SqlExceptionHelper\'s log level.',
    ask: { service: 'payments-intake', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...webhooks.objects,
      ...exposed({ namespace: ns, name: 'payments-intake', selector: { app: 'payments-intake' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'payments-webhooks', selector: { app: 'payments-webhooks' }, pods: webhooks.pods }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      ...webhooks.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(3.2)}","msg":"delivered webhook","endpoint_id":"we_4411","status":200,"attempt":1}`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (current )?(problems?|issues?|faults?|failures?)|nothing (wrong|broken)/i],
      facts: [/payments-intake/],
      never: [
        /\bOOM/,
        /crash ?loop/i,
        ADVISES_ROLLBACK,
        /(duplicate key|unique constraint|23505|idempotency)[^\n]{0,60}\b(caus|outage|failing|broken)/i,
        /(database|postgres|RDS)[^\n]{0,30}\b(down|unreachable|failing|outage)/i,
      ],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  warehouseDevShm(),
  reportingRoleConnectionLimit(),
  s3SlowDownSinglePrefix(),
  alembicRollbackUnknownRevision(),
  nginxServerNamesHash(),
  kafkaOffsetsExpiredReplay(),
  healthyIdempotentDuplicateKeys(),
];
