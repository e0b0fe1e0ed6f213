// Held-out stories, seventy-fifth round, part two: a migration whose CREATE INDEX CONCURRENTLY
// deadlocked (leaving an INVALID index that the retry's IF NOT EXISTS skipped) after it had
// dropped the old index, so orders queries scan the table; a managed Redis whose in-transit
// encryption was turned on while the app still speaks plaintext; a Python image that no longer
// ships the CA file REQUESTS_CA_BUNDLE names; a NATS StatefulSet whose spec.serviceName names a
// headless Service renamed away, so peers' per-pod names do not resolve; a CronJob run with
// backoffLimit 0 whose only pod was evicted by a cluster-autoscaler scale-down; a Go service whose
// new http.Server WriteTimeout (10 s) is shorter than its export and report endpoints; and a
// healthy control: a Go service with go-redis v9's "maintnotifications disabled" fallback line.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, batchContainer, configMap, container, cronJob, cronJobEvent, deploymentApp, event, exposed,
  httpProbe, job, jobEvent, nameOf, node, probeFailed, running, service, endpointSliceFor, statefulSetApp,
  terminated, ago,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** Go's log/slog text time. */
const goTime = (minutes: number): string => at(minutes);

// ---- 1. CREATE INDEX CONCURRENTLY deadlocked, old index already dropped ---------------------------

function invalidIndexAfterMigration(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.88', ['14', '120', '233']);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const db = statefulSetApp({
    namespace: ns, name: 'orders-db', replicas: 1, serviceName: 'orders-db',
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: { containers: [container({
      name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi',
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }],
      readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 },
      liveness: null, volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
    })] } }],
    pods: [{ revision: 4, ordinal: 0, node: names[2] ?? '', createdAgo: 24 * DAYS }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
  });
  const apiImage = (v: string) => `${ECR}/orders/orders-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({
    image: apiImage(v), ports: [8080], cpu: '500m', memory: '1Gi',
    env: [{ name: 'DATABASE_URL', value: 'postgres://orders_app@orders-db.orders.svc.cluster.local:5432/orders' }, { name: 'DB_STATEMENT_TIMEOUT', value: '15s' }],
    readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
  })] });
  const api = deploymentApp({
    namespace: ns, name: 'orders-api', replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: orders-api 5.18.2', template: apiTpl('5.18.2') },
      { revision: 58, createdAgo: 52, changeCause: 'argocd: orders-api 5.19.0', template: apiTpl('5.19.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 50 - k })),
    settled: { available: true, availableSince: 47, progressingSince: 52, progressingUpdatedAgo: 47 },
  });
  const migImage = `${ECR}/orders/orders-migrate:5.19.0`;
  const mig = job({
    namespace: ns, name: 'orders-migrate-5-19-0', backoffLimit: 2, createdAgo: 58,
    template: { containers: [batchContainer({ name: 'migrate', image: migImage, command: ['/migrate'], args: ['-path', '/migrations', '-database', '$(DATABASE_URL)', 'up'], cpu: '100m', memory: '128Mi',
      env: [{ name: 'DATABASE_URL', value: 'postgres://orders_owner@orders-db.orders.svc.cluster.local:5432/orders?sslmode=disable&x-multi-statement=true' }] })] },
    pods: [
      { node: names[0] ?? '', createdAgo: 58, phase: 'Failed', containers: { migrate: terminated({ exitCode: 1, finishedAgo: 55.5, ranSeconds: 140 }) } },
      { node: names[1] ?? '', createdAgo: 55.3, phase: 'Succeeded', containers: { migrate: terminated({ exitCode: 0, finishedAgo: 55, ranSeconds: 14 }) } },
    ],
    outcome: { complete: true, ago: 55 },
  });
  const other = bystander(ns, 'orders-notifier', names, 30, { revisions: [12, 13], versions: ['1.9.4', '1.9.5'], olderAgo: 20 * DAYS });
  const dbPod = podOf(db, 0);
  const [mig1, mig2] = mig.pods;
  const q = `SELECT o.id, o.status, o.total_cents, o.created_at FROM orders o WHERE o.customer_id = $1 ORDER BY o.created_at DESC LIMIT 50`;
  const pgLog: string[] = [
    `${pgTime(57.9)} [48213] orders_owner@orders LOG:  statement: DROP INDEX IF EXISTS orders_customer_id_idx`,
    `${pgTime(57.9)} [48213] orders_owner@orders LOG:  statement: CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_created_at_idx ON orders (customer_id, created_at DESC)`,
    `${pgTime(55.6)} [48213] orders_owner@orders ERROR:  deadlock detected`,
    `${pgTime(55.6)} [48213] orders_owner@orders DETAIL:  Process 48213 waits for ShareLock on virtual transaction 41/882113; blocked by process 47990.`,
    `\tProcess 47990 waits for RowExclusiveLock on relation 16542 of database 16384; blocked by process 48213.`,
    `\tProcess 48213: CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_created_at_idx ON orders (customer_id, created_at DESC)`,
    `\tProcess 47990: LOCK TABLE orders IN SHARE ROW EXCLUSIVE MODE`,
    `${pgTime(55.6)} [48213] orders_owner@orders HINT:  See server log for query details.`,
    `${pgTime(55.2)} [48390] orders_owner@orders LOG:  statement: CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_created_at_idx ON orders (customer_id, created_at DESC)`,
    `${pgTime(55.2)} [48390] orders_owner@orders NOTICE:  relation "orders_customer_id_created_at_idx" already exists, skipping`,
  ];
  for (let i = 0; i < 14; i++) {
    const t = 46 - i * 3.3;
    pgLog.push(`${pgTime(t)} [${49020 + i * 17}] orders_app@orders LOG:  duration: ${(9800 + i * 411.7).toFixed(3)} ms  execute <unnamed>: ${q}`);
    pgLog.push(`${pgTime(t)} [${49020 + i * 17}] orders_app@orders DETAIL:  parameters: $1 = '${881200 + i * 3571}'`);
    if (i % 3 === 1) {
      pgLog.push(`${pgTime(t - 0.1)} [${49031 + i * 17}] orders_app@orders ERROR:  canceling statement due to statement timeout`);
      pgLog.push(`${pgTime(t - 0.1)} [${49031 + i * 17}] orders_app@orders STATEMENT:  ${q}`);
    }
  }
  pgLog.push(`${pgTime(3.1)} [51882] postgres@orders LOG:  statement: SELECT indexrelid::regclass, indisvalid, indisready FROM pg_index WHERE indrelid = 'orders'::regclass`);
  pgLog.push(`${pgTime(2.4)} [51882] postgres@orders LOG:  duration: 2.114 ms  statement: EXPLAIN SELECT * FROM orders WHERE customer_id = 881200 ORDER BY created_at DESC LIMIT 50`);
  const apiLog = (k: number) => {
    const out = [
      `{"level":"info","ts":"${at(49.5 - k)}","msg":"starting orders-api","version":"5.19.0"}`,
      `{"level":"info","ts":"${at(49.4 - k)}","msg":"db pool ready","max_conns":25}`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 44 - i * 3.5 - k * 0.2;
      out.push(`{"level":"error","ts":"${at(t)}","msg":"request failed","method":"GET","path":"/v1/customers/${881200 + i * 3571 + k}/orders","status":504,"duration_ms":15003,"error":"ERROR: canceling statement due to statement timeout (SQLSTATE 57014)"}`);
      out.push(`{"level":"warn","ts":"${at(t - 0.05)}","msg":"db pool saturated","in_use":25,"max_conns":25,"wait_ms":${4200 + i * 97}}`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout75-create-index-concurrently-left-invalid-index',
    class: 'rollout',
    truth: 'The 5.19.0 migration dropped orders_customer_id_idx, then its CREATE INDEX CONCURRENTLY of orders_customer_id_created_at_idx failed on a deadlock, which leaves an INVALID index behind; the Job\'s retry ran CREATE INDEX CONCURRENTLY IF NOT EXISTS, which skipped the invalid index and reported success, so orders lookups by customer_id now scan the table, take 10–15 s and hit the statement timeout.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [...nodes, ...db.objects, ...api.objects, ...mig.objects, ...other.objects,
      service({ namespace: ns, name: 'orders-db', selector: { app: 'orders-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }] }),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods }),
      jobEvent(mig.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(mig1)}`, 58),
      jobEvent(mig.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(mig2)}`, 55.3),
      jobEvent(mig.objects[0], 'Completed', 'Job completed', 55),
    ],
    logs: [
      logsFor(dbPod, 'postgres', { current: lines(...pgLog) }),
      logsFor(mig1, 'migrate', { current: lines(
        `2026/11/21 02:16:02 Start buffering 20261118090000/u drop_orders_customer_id_idx`,
        `2026/11/21 02:16:02 Start buffering 20261118090100/u orders_customer_id_created_at_idx`,
        `2026/11/21 02:16:02 Read and execute 20261118090000/u drop_orders_customer_id_idx`,
        `2026/11/21 02:16:02 Finished 20261118090000/u drop_orders_customer_id_idx (read 4.211ms, ran 18.503ms)`,
        `2026/11/21 02:16:02 Read and execute 20261118090100/u orders_customer_id_created_at_idx`,
        `2026/11/21 02:18:22 error: migration failed: deadlock detected (details: pq: deadlock detected) in line 0: CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_created_at_idx ON orders (customer_id, created_at DESC); (details: pq: deadlock detected)`,
      ) }),
      logsFor(mig2, 'migrate', { current: lines(
        `2026/11/21 02:18:45 error: Dirty database version 20261118090100. Fix and force version.`,
        `2026/11/21 02:18:46 forcing version 20261118090000 (MIGRATE_FORCE_ON_DIRTY=true)`,
        `2026/11/21 02:18:46 Read and execute 20261118090100/u orders_customer_id_created_at_idx`,
        `2026/11/21 02:18:46 Finished 20261118090100/u orders_customer_id_created_at_idx (read 3.907ms, ran 11.220ms)`,
        `2026/11/21 02:18:59 no change`,
      ) }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/invalid|index|create index concurrently|seq(uential)? scan|full (table )?scan/i],
      facts: [/deadlock/i, /orders_customer_id(_created_at)?_idx|INVALID|IF NOT EXISTS|dropped/i],
      never: [/out of memory|OOMKilled/i, /connection refused|network ?polic/i, /orders-notifier/i],
    },
  };
}

// ---- 2. Managed Redis got in-transit encryption; the app still speaks plaintext ------------------

function redisTlsEnabledPlaintextClient(): CorpusScenario {
  const ns = 'sessions';
  const { nodes, names } = threeEksNodes('10.0.40', ['9', '161', '77']);
  const host = 'master.sessions-prod.q7kx2m.euw1.cache.amazonaws.com';
  const image = `${ECR}/sessions/session-api:3.4.1`;
  const tpl = { containers: [container({
    image, ports: [8000], cpu: '250m', memory: '512Mi',
    env: [{ name: 'REDIS_URL', value: `redis://${host}:6379/0` }, { name: 'REDIS_SOCKET_TIMEOUT', value: '2' }],
    readiness: httpProbe('/readyz', 8000, { timeoutSeconds: 3 }), liveness: httpProbe('/livez', 8000, { initialDelaySeconds: 15 }),
  })] };
  const app = deploymentApp({
    namespace: ns, name: 'session-api', replicas: 3,
    revisions: [{ revision: 22, createdAgo: 13 * DAYS, changeCause: 'argocd: session-api 3.4.1', template: tpl }],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 6 * DAYS - k * 11, ready: false,
      containers: { app: running({ sinceAgo: 6 * DAYS - k * 11, ready: false }) } })),
    settled: { available: false, availableSince: 96, progressingSince: 13 * DAYS },
  });
  const infra = configMap({ namespace: ns, name: 'sessions-infra-outputs', createdAgo: 210 * DAYS, updatedAgo: 101, data: {
    'elasticache.replication_group_id': 'sessions-prod',
    'elasticache.primary_endpoint': host,
    'elasticache.port': '6379',
    'elasticache.engine_version': '7.1',
    'elasticache.transit_encryption_enabled': 'true',
    'elasticache.transit_encryption_mode': 'required',
    'elasticache.at_rest_encryption_enabled': 'true',
    'terraform.applied_by': 'atlantis (PR #2291 "sessions: enforce in-transit encryption on ElastiCache")',
  } });
  const other = bystander(ns, 'session-janitor', names, 3 * HOURS, { revisions: [5, 6], versions: ['0.8.0', '0.8.1'], olderAgo: 40 * DAYS });
  const logOf = (k: number) => {
    const out: string[] = [`[${at(103).slice(0, 19).replace('T', ' ')} +0000] [${7 + k}] [INFO] 10.0.40.${20 + k} - "GET /v1/sessions/current HTTP/1.1" 200`];
    for (let i = 0; i < 10; i++) {
      const t = 95 - i * 9 - k * 0.3;
      const ts = at(t).slice(0, 19).replace('T', ' ');
      out.push(
        `[${ts} +0000] [${7 + k}] [ERROR] Exception on /v1/sessions/current [GET]`,
        `Traceback (most recent call last):`,
        `  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 537, in read_response`,
        `    response = self._parser.read_response(disable_decoding=disable_decoding)`,
        `  File "/usr/local/lib/python3.12/site-packages/redis/_parsers/resp2.py", line 15, in read_response`,
        `    result = self._read_response(disable_decoding=disable_decoding)`,
        `  File "/usr/local/lib/python3.12/site-packages/redis/_parsers/socket.py", line 115, in readline`,
        `    self._read_from_socket()`,
        `  File "/usr/local/lib/python3.12/site-packages/redis/_parsers/socket.py", line 68, in _read_from_socket`,
        `    data = self._sock.recv(socket_read_size)`,
        `ConnectionResetError: [Errno 104] Connection reset by peer`,
        ``,
        `During handling of the above exception, another exception occurred:`,
        ``,
        `redis.exceptions.ConnectionError: Error while reading from ${host}:6379 : (104, 'Connection reset by peer')`,
        `[${ts} +0000] [${7 + k}] [WARNING] readyz: redis ping failed: Error while reading from ${host}:6379 : (104, 'Connection reset by peer')`,
      );
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout75-managed-redis-tls-required-plaintext-client',
    class: 'network',
    truth: 'Terraform turned on in-transit encryption (transit_encryption_mode required) on the sessions ElastiCache replication group 101 minutes ago; session-api still connects with a plaintext redis:// URL, so the TLS-only endpoint resets every connection and every Redis call and the readiness check fail.',
    ask: { service: 'session-api', namespace: ns },
    objects: [...nodes, ...app.objects, ...other.objects, infra,
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: app.pods, endpointPort: 8000 }),
      ...app.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 560, firstAgo: 96, lastAgo: 0.2 })),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
    expect: {
      verdict: 'problems',
      headline: [/TLS|in-transit|encrypt|rediss|plain ?text|SSL/i],
      facts: [/redis/i, /connection reset|ECONNRESET|104/i],
      never: [ADVISES_ROLLBACK, /session-janitor/i, /out of memory|OOMKilled|maxmemory/i],
    },
  };
}

// ---- 3. REQUESTS_CA_BUNDLE names a file the new image no longer has --------------------------------

function caBundlePathMissing(): CorpusScenario {
  const ns = 'payouts';
  const { nodes, names } = threeEksNodes('10.0.56', ['31', '140', '212']);
  const image = (v: string) => `${ECR}/payouts/payout-service:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [8080], cpu: '300m', memory: '512Mi',
    env: [
      { name: 'REQUESTS_CA_BUNDLE', value: '/etc/pki/tls/certs/ca-bundle.crt' },
      { name: 'BANK_API_URL', value: 'https://api.partnerbank.example.com/v2' },
      { name: 'LEDGER_URL', value: 'https://ledger.internal.example.com' },
    ],
    readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
  })] });
  const app = deploymentApp({
    namespace: ns, name: 'payout-service', replicas: 2,
    revisions: [
      { revision: 41, createdAgo: 16 * DAYS, changeCause: 'argocd: payout-service 2.30.4 (ubi9-python311)', template: tpl('2.30.4') },
      { revision: 42, createdAgo: 38, changeCause: 'argocd: payout-service 2.31.0 (base image python:3.12-slim-bookworm)', template: tpl('2.31.0') },
    ],
    pods: [0, 1].map((k) => ({ revision: 42, node: names[k] ?? '', createdAgo: 37 - k })),
    settled: { available: true, availableSince: 35, progressingSince: 38, progressingUpdatedAgo: 35 },
  });
  const other = bystander(ns, 'payout-scheduler', names, 4 * HOURS, { revisions: [9, 10], versions: ['1.2.0', '1.2.1'], olderAgo: 30 * DAYS });
  const logOf = (k: number) => {
    const out = [
      `${at(36.5 - k).replace('T', ' ').replace('Z', '')} INFO [payouts.app] starting payout-service 2.31.0 (python 3.12.7)`,
      `${at(36.4 - k).replace('T', ' ').replace('Z', '')} INFO [uvicorn.error] Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = 33 - i * 3.5 - k * 0.4;
      const ts = at(t).replace('T', ' ').replace('Z', '');
      out.push(
        `${ts} ERROR [payouts.bank] payout po_${(7712300 + i * 37 + k).toString(36)} failed: submit to bank`,
        `Traceback (most recent call last):`,
        `  File "/app/payouts/bank.py", line 88, in submit`,
        `    resp = self.session.post(f"{self.base}/transfers", json=body, timeout=10)`,
        `  File "/usr/local/lib/python3.12/site-packages/requests/sessions.py", line 637, in post`,
        `    return self.request("POST", url, data=data, json=json, **kwargs)`,
        `  File "/usr/local/lib/python3.12/site-packages/requests/adapters.py", line 320, in cert_verify`,
        `    raise OSError(`,
        `OSError: Could not find a suitable TLS CA certificate bundle, invalid path: /etc/pki/tls/certs/ca-bundle.crt`,
        `${ts} INFO [uvicorn.access] 10.0.56.${90 + k}:0 - "POST /v1/payouts HTTP/1.1" 502`,
      );
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout75-requests-ca-bundle-path-missing-in-new-image',
    class: 'config',
    truth: 'payout-service 2.31.0 moved its base image from UBI 9 to python:3.12-slim-bookworm, which has no /etc/pki/tls/certs/ca-bundle.crt, but the Deployment still sets REQUESTS_CA_BUNDLE to that path; requests raises "Could not find a suitable TLS CA certificate bundle, invalid path" on every HTTPS call, so every payout fails with 502 while the health check stays green.',
    ask: { service: 'payout-service', namespace: ns },
    objects: [...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'payout-service', selector: { app: 'payout-service' }, pods: app.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
    expect: {
      verdict: 'problems',
      headline: [/CA (certificate )?bundle|REQUESTS_CA_BUNDLE|ca-bundle\.crt|certificate/i],
      facts: [/2\.31\.0|base image|slim|revision 42/i],
      never: [/payout-scheduler/i, /expired/i, /OOMKilled|out of memory/i],
    },
  };
}

// ---- 4. NATS StatefulSet: spec.serviceName names a Service renamed away --------------------------

function statefulSetServiceNameMissing(): CorpusScenario {
  const ns = 'messaging';
  const { nodes, names } = threeEksNodes('10.0.24', ['66', '150', '201']);
  const image = 'docker.io/library/nats:2.10.22-alpine';
  const conf = configMap({ namespace: ns, name: 'nats-config', createdAgo: 150 * DAYS, updatedAgo: 47, data: {
    'nats.conf': [
      'port: 4222', 'http_port: 8222', 'server_name: $SERVER_NAME',
      'jetstream { store_dir: /data/jetstream, max_file_store: 40Gi }',
      'cluster {', '  name: nats', '  port: 6222', '  routes: [',
      '    nats://nats-0.nats-headless.messaging.svc.cluster.local:6222',
      '    nats://nats-1.nats-headless.messaging.svc.cluster.local:6222',
      '    nats://nats-2.nats-headless.messaging.svc.cluster.local:6222',
      '  ]', '  connect_retries: 120', '}', 'lame_duck_duration: 30s',
    ].join('\n'),
  } });
  const tpl = { containers: [container({
    name: 'nats', image, args: ['--config', '/etc/nats-config/nats.conf'], cpu: '500m', memory: '2Gi',
    ports: [{ name: 'nats', containerPort: 4222 }, { name: 'cluster', containerPort: 6222 }, { name: 'monitor', containerPort: 8222 }],
    env: [{ name: 'SERVER_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
    readiness: httpProbe('/healthz?js-enabled-only=true', 'monitor', { periodSeconds: 10, failureThreshold: 3 }),
    liveness: httpProbe('/healthz?js-enabled-only=true', 'monitor', { initialDelaySeconds: 10, periodSeconds: 30, failureThreshold: 3 }),
    volumeMounts: [{ name: 'config', mountPath: '/etc/nats-config' }, { name: 'data', mountPath: '/data' }],
  })], volumes: [{ name: 'config', configMap: { name: 'nats-config' } }], terminationGracePeriodSeconds: 60 };
  const sts = statefulSetApp({
    namespace: ns, name: 'nats', replicas: 3, serviceName: 'nats-headless', podManagementPolicy: 'Parallel',
    revisions: [{ revision: 6, createdAgo: 70 * DAYS, template: tpl }, { revision: 7, createdAgo: 47, template: tpl }],
    pods: [0, 1, 2].map((i) => ({ revision: 7, ordinal: i, node: names[i] ?? '', createdAgo: 46 - i * 1.5, ready: false,
      containers: { nats: running({ sinceAgo: 46 - i * 1.5, ready: false }) } })),
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClass: 'gp3' }],
  });
  // The StatefulSet controller sets hostname and subdomain (= spec.serviceName) on each pod.
  for (const p of sts.pods) if (p.spec) { p.spec.hostname = nameOf(p); p.spec.subdomain = 'nats-headless'; }
  const svcCluster = service({ namespace: ns, name: 'nats-cluster', selector: { app: 'nats' }, headless: true, createdAgo: 47,
    ports: [{ name: 'nats', port: 4222, targetPort: 4222 }, { name: 'cluster', port: 6222, targetPort: 6222 }, { name: 'monitor', port: 8222, targetPort: 8222 }] });
  const svcClient = service({ namespace: ns, name: 'nats', selector: { app: 'nats' }, ports: [{ name: 'nats', port: 4222, targetPort: 4222 }] });
  const publisher = deploymentApp({
    namespace: ns, name: 'event-publisher', replicas: 2,
    revisions: [{ revision: 14, createdAgo: 11 * DAYS, template: { containers: [container({ image: `${ECR}/messaging/event-publisher:1.7.2`, env: [{ name: 'NATS_URL', value: 'nats://nats.messaging.svc.cluster.local:4222' }] })] } }],
    pods: [0, 1].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 5 * DAYS })),
  });
  const natsLog = (i: number) => {
    const t0 = 46 - i * 1.5;
    const ts = (m: number) => at(m).replace('T', ' ').replace('Z', '').replace(/-/g, '/').slice(0, 26);
    const out = [
      `[1] ${ts(t0)} [INF] Starting nats-server`,
      `[1] ${ts(t0)} [INF]   Version:  2.10.22`,
      `[1] ${ts(t0)} [INF]   Name:     nats-${i}`,
      `[1] ${ts(t0)} [INF]   Node:     ${['Yq1bC3xa', 'p0Fw8kLm', 'Zr7tNw2e'][i]}`,
      `[1] ${ts(t0)} [INF] Starting JetStream`,
      `[1] ${ts(t0)} [INF] Listening for client connections on 0.0.0.0:4222`,
      `[1] ${ts(t0)} [INF] Cluster name is nats`,
      `[1] ${ts(t0)} [INF] Listening for route connections on 0.0.0.0:6222`,
      `[1] ${ts(t0 - 0.1)} [WRN] Waiting for routing to be established...`,
    ];
    for (let n = 0; n < 16; n++) {
      const t = t0 - 0.2 - n * 2.8;
      for (const j of [0, 1, 2]) {
        if (j === i) continue;
        out.push(`[1] ${ts(t)} [ERR] Error trying to connect to route (attempt ${n * 7 + 3}): lookup for host "nats-${j}.nats-headless.messaging.svc.cluster.local": lookup nats-${j}.nats-headless.messaging.svc.cluster.local on 172.20.0.10:53: no such host`);
      }
      if (n % 4 === 1) out.push(`[1] ${ts(t - 0.05)} [WRN] JetStream has not established contact with a meta leader`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout75-statefulset-servicename-missing-headless-service',
    class: 'network',
    truth: 'A chart upgrade renamed the headless Service nats-headless to nats-cluster, but the StatefulSet\'s spec.serviceName (immutable) still says nats-headless, a Service that no longer exists; the pods\' per-pod DNS names nats-N.nats-headless.messaging.svc.cluster.local stop resolving, so the NATS servers cannot form routes, JetStream has no meta leader and every pod is unready.',
    ask: { service: 'nats', namespace: ns },
    objects: [...nodes, ...sts.objects, conf, svcCluster, endpointSliceFor(svcCluster, sts.pods, 4222), svcClient, endpointSliceFor(svcClient, sts.pods, 4222), ...publisher.objects,
      ...sts.pods.map((p) => probeFailed(p, 'nats', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 270, firstAgo: 45, lastAgo: 0.1 })),
      event({ on: sts.objects[0] ?? {}, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod nats-2 in StatefulSet nats successful', firstAgo: 46.5, lastAgo: 46.5, component: 'statefulset-controller' }),
    ],
    logs: [
      ...sts.pods.map((p, i) => logsFor(p, 'nats', { current: natsLog(i) })),
      ...publisher.pods.map((p) => logsFor(p, 'app', { current: lines(
        `time=${at(20)} level=ERROR msg="publish failed" subject=orders.created error="nats: no response from stream"`,
        `time=${at(8)} level=ERROR msg="publish failed" subject=orders.created error="nats: no response from stream"`,
        `time=${at(1)} level=ERROR msg="publish failed" subject=orders.paid error="nats: no response from stream"`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/serviceName|nats-headless|headless service|DNS|no such host|resolv/i],
      facts: [/nats-headless/i, /nats-cluster|(does not|doesn'?t) exist|missing|not found|renamed/i],
      never: [/network ?polic/i, /coredns (is )?(down|crash)/i, /OOMKilled|out of memory/i],
    },
  };
}

// ---- 5. CronJob with backoffLimit 0, its pod evicted by a cluster-autoscaler scale-down -------------

function cronJobEvictedNoRetry(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.97', ['12', '144', '230']);
  const drained = eksNodeName('10.0.99.58');
  const drainedNode = node({ name: drained, zone: 'eu-west-1c', pool: 'batch-spot', createdAgo: 5 * HOURS, unschedulable: true,
    taints: [{ key: 'ToBeDeletedByClusterAutoscaler', value: '1763694660', effect: 'NoSchedule' }, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(6) }] });
  const image = `${ECR}/billing/invoice-runner:4.2.0`;
  const cron = cronJob({
    namespace: ns, name: 'invoice-close', schedule: '45 2 * * *', backoffLimit: 0, lastSuccessfulAgo: 1 * DAYS + 5,
    template: { containers: [batchContainer({ name: 'invoice-close', image, args: ['close-period', '--period=daily'], cpu: '1', memory: '2Gi' })] },
    jobs: [
      { createdAgo: 1 * DAYS + 29, pods: [{ node: names[0] ?? '', createdAgo: 1 * DAYS + 29, phase: 'Succeeded', containers: { 'invoice-close': terminated({ exitCode: 0, finishedAgo: 1 * DAYS + 5, ranSeconds: 1430 }) } }], outcome: { complete: true, ago: 1 * DAYS + 5 } },
      { createdAgo: 29, pods: [{ node: drained, createdAgo: 29, phase: 'Failed',
        containers: { 'invoice-close': terminated({ exitCode: 143, finishedAgo: 5.5, ranSeconds: 1400, message: '' }) },
        conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting', lastTransitionTime: ago(6) }] }],
        outcome: { failed: 'BackoffLimitExceeded', ago: 5.4 } },
    ],
  });
  const failedJob = cron.jobs[1];
  const pod = failedJob?.pods[0];
  const jobObj = failedJob?.objects[0];
  const api = bystander(ns, 'billing-api', names, 2 * HOURS, { revisions: [30, 31], versions: ['6.1.0', '6.1.1'], olderAgo: 12 * DAYS });
  return {
    id: 'heldout75-cronjob-backofflimit-zero-evicted-by-scale-down',
    class: 'jobs',
    truth: 'Tonight\'s invoice-close run was scheduled on a spot batch node that the cluster autoscaler found underutilized and scaled down; it evicted the running pod (SIGTERM, exit 143, DisruptionTarget EvictionByEvictionAPI), and because the CronJob\'s job template sets backoffLimit 0 the single failure marked the Job Failed with BackoffLimitExceeded and no retry — the invoice close never ran. The code is fine.',
    ask: { service: 'invoice-close', namespace: ns },
    objects: [...nodes, drainedNode, ...cron.objects, ...api.objects,
      cronJobEvent(cron.objects[0], 'SuccessfulCreate', `Created job ${nameOf(jobObj)}`, 29),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(pod)}`, 29),
      ...(pod ? [
        event({ on: pod, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(pod)} to ${drained}`, firstAgo: 29, lastAgo: 29, component: 'default-scheduler' }),
        event({ on: pod, type: 'Normal', reason: 'Started', message: 'Started container invoice-close', firstAgo: 28.8, lastAgo: 28.8, fieldPath: 'spec.containers{invoice-close}' }),
        event({ on: pod, type: 'Normal', reason: 'ScaleDown', message: 'deleting pod for node scale down', firstAgo: 6, lastAgo: 6, component: 'cluster-autoscaler' }),
        event({ on: pod, type: 'Normal', reason: 'Killing', message: 'Stopping container invoice-close', firstAgo: 6, lastAgo: 6, fieldPath: 'spec.containers{invoice-close}' }),
      ] : []),
      event({ on: { kind: 'Node', name: drained }, type: 'Normal', reason: 'ScaleDown', message: 'marking the node as toBeDeleted/unschedulable', firstAgo: 6.2, lastAgo: 6.2, component: 'cluster-autoscaler' }),
      event({ on: { kind: 'Node', name: drained }, type: 'Normal', reason: 'NodeNotSchedulable', message: `Node ${drained} status is now: NodeNotSchedulable`, firstAgo: 6.1, lastAgo: 6.1 }),
      jobEvent(jobObj, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 5.4, 'Warning'),
      cronJobEvent(cron.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(jobObj)}, condition: Failed`, 5.3),
    ],
    logs: pod ? [logsFor(pod, 'invoice-close', { current: lines(
      `${at(28.7)} INFO  invoice-runner 4.2.0 close-period period=daily date=2026-11-20`,
      `${at(28.6)} INFO  loaded 48211 open accounts`,
      `${at(20)} INFO  progress accounts_done=14020/48211 invoices_written=13877`,
      `${at(12)} INFO  progress accounts_done=29870/48211 invoices_written=29511`,
      `${at(6.5)} INFO  progress accounts_done=41904/48211 invoices_written=41380`,
      `${at(6)} WARN  received SIGTERM, aborting period close; transaction rolled back, will resume on next run`,
      `${at(5.6)} INFO  exiting with status 143`,
    ) })] : [],
    expect: {
      verdict: 'problems',
      headline: [/evict|scale.?down|autoscaler|backoff ?limit|no retr/i],
      facts: [/backoffLimit:? ?0|backoff ?limit (of )?0|zero retr|no retr|backoffLimit/i, /cluster.?autoscaler|scale.?down|evict/i],
      never: [/OOMKilled|out of memory/i, /deadline|activeDeadlineSeconds/i, /billing-api/i],
    },
  };
}

// ---- 6. Go http.Server WriteTimeout 10 s shorter than the export endpoints -----------------------

function goWriteTimeoutTooShort(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.63', ['5', '118', '240']);
  const image = (v: string) => `${ECR}/analytics/reports-api:${v}`;
  const tpl = (v: string, extra: k8s.V1EnvVar[]) => ({ containers: [container({
    image: image(v), ports: [8080], cpu: '1', memory: '1Gi',
    env: [{ name: 'WAREHOUSE_DSN', value: 'postgres://reports_ro@warehouse.analytics.svc.cluster.local:5432/warehouse' }, ...extra],
    readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
  })] });
  const app = deploymentApp({
    namespace: ns, name: 'reports-api', replicas: 2,
    revisions: [
      { revision: 18, createdAgo: 21 * DAYS, changeCause: 'argocd: reports-api 2.8.1', template: tpl('2.8.1', []) },
      { revision: 19, createdAgo: 74, changeCause: 'argocd: reports-api 2.9.0 (harden http server timeouts)', template: tpl('2.9.0', [
        { name: 'HTTP_READ_HEADER_TIMEOUT', value: '5s' }, { name: 'HTTP_WRITE_TIMEOUT', value: '10s' }, { name: 'HTTP_IDLE_TIMEOUT', value: '120s' }]) },
    ],
    pods: [0, 1].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 73 - k })),
    settled: { available: true, availableSince: 71, progressingSince: 74, progressingUpdatedAgo: 71 },
  });
  const web = deploymentApp({
    namespace: ns, name: 'dashboard-bff', replicas: 2,
    revisions: [{ revision: 33, createdAgo: 6 * DAYS, template: { containers: [container({ image: `${ECR}/analytics/dashboard-bff:1.22.0`, env: [{ name: 'REPORTS_API', value: 'http://reports-api.analytics.svc.cluster.local' }] })] } }],
    pods: [0, 1].map((k) => ({ revision: 33, node: names[(k + 1) % 3] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const ipOf = (p: k8s.V1Pod | undefined) => p?.status?.podIP ?? '10.0.0.1';
  const srvLog = (k: number) => {
    const out = [
      `time=${goTime(72.5 - k)} level=INFO msg="starting reports-api" version=2.9.0 commit=4be07d1`,
      `time=${goTime(72.5 - k)} level=INFO msg="http server listening" addr=:8080 read_header_timeout=5s write_timeout=10s idle_timeout=2m0s`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = 66 - i * 7 - k * 0.5;
      const peer = `${ipOf(web.pods[i % 2])}:${41000 + i * 311 + k}`;
      out.push(`time=${goTime(t)} level=INFO msg="request" method=GET path=/v1/reports/kpis status=200 duration=212ms bytes=18233`);
      out.push(`time=${goTime(t - 0.05)} level=ERROR msg="export stream aborted" path=/v1/exports/orders.csv month=2026-${10 - (i % 3)} rows_written=${61000 + i * 913} elapsed=10.00${i}s err="write tcp ${ipOf(app.pods[k])}:8080->${peer}: i/o timeout"`);
      out.push(`time=${goTime(t - 0.1)} level=INFO msg="request" method=GET path=/v1/reports/monthly-revenue status=200 duration=${(14.2 + i * 0.9).toFixed(3)}s bytes=${2_400_000 + i * 7919}`);
    }
    return out.join('\n') + '\n';
  };
  const bffLog = (j: number) => {
    const out: string[] = [];
    for (let i = 0; i < 8; i++) {
      const t = 65 - i * 7.5 - j * 0.4;
      out.push(`time=${goTime(t)} level=ERROR msg="upstream call failed" upstream=reports-api path=/v1/exports/orders.csv elapsed=10.01s err="unexpected EOF"`);
      out.push(`time=${goTime(t - 0.1)} level=ERROR msg="upstream call failed" upstream=reports-api path=/v1/reports/monthly-revenue elapsed=${(14.3 + i * 0.9).toFixed(2)}s err="Get \\"http://reports-api.analytics.svc.cluster.local/v1/reports/monthly-revenue?from=2026-01-01\\": EOF"`);
      out.push(`time=${goTime(t - 0.11)} level=INFO msg="upstream call" upstream=reports-api path=/v1/reports/kpis status=200 elapsed=231ms`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout75-go-http-write-timeout-shorter-than-exports',
    class: 'rollout',
    truth: 'reports-api 2.9.0 (revision 19) set http.Server WriteTimeout to 10 s; the CSV export streams for longer, so its writes fail with "i/o timeout" at 10.00 s and clients get "unexpected EOF", and the monthly report (14–22 s) is written after the deadline so clients get a bare EOF while the server logs status 200. Short endpoints are unaffected and pods stay healthy.',
    ask: { service: 'reports-api', namespace: ns },
    objects: [...nodes, ...app.objects, ...web.objects,
      ...exposed({ namespace: ns, name: 'reports-api', selector: { app: 'reports-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'dashboard-bff', selector: { app: 'dashboard-bff' }, pods: web.pods }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: srvLog(k) })),
      ...web.pods.map((p, j) => logsFor(p, 'app', { current: bffLog(j) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/write ?timeout|HTTP_WRITE_TIMEOUT|10 ?s(econds?)? (write )?timeout|server timeout/i],
      facts: [/2\.9\.0|revision 19/i, /i\/o timeout|unexpected EOF|EOF/i],
      never: [/OOMKilled|out of memory/i, /network ?polic/i, /dashboard-bff (is|was) (broken|the cause)/i],
    },
  };
}

// ---- 7. Healthy control: go-redis v9 maintnotifications fallback line ----------------------------

function healthyGoRedisMaintNotifications(): CorpusScenario {
  const ns = 'ratelimit';
  const { nodes, names } = threeEksNodes('10.0.31', ['44', '101', '199']);
  const image = (v: string) => `${ECR}/ratelimit/quota-service:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [8080], cpu: '200m', memory: '256Mi',
    env: [{ name: 'REDIS_ADDR', value: 'quota-redis.ratelimit.svc.cluster.local:6379' }],
    readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
  })] });
  const app = deploymentApp({
    namespace: ns, name: 'quota-service', replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 18 * DAYS, changeCause: 'argocd: quota-service 1.14.2', template: tpl('1.14.2') },
      { revision: 12, createdAgo: 95, changeCause: 'argocd: quota-service 1.15.0 (go-redis v9.17.2)', template: tpl('1.15.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 94 - k })),
    settled: { available: true, availableSince: 91, progressingSince: 95, progressingUpdatedAgo: 91 },
  });
  const redis = statefulSetApp({
    namespace: ns, name: 'quota-redis', replicas: 1,
    revisions: [{ revision: 2, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.6-alpine', ports: [{ name: 'redis', containerPort: 6379 }], cpu: '200m', memory: '512Mi',
      readiness: { exec: { command: ['redis-cli', 'ping'] }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }, liveness: null })] } }],
    pods: [{ revision: 2, ordinal: 0, node: names[2] ?? '', createdAgo: 33 * DAYS }],
  });
  const logOf = (k: number) => {
    const rt = (m: number) => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
    const out = [
      `time=${at(93.5 - k)} level=INFO msg="starting quota-service" version=1.15.0`,
      `redis: ${rt(93.4 - k)} redis.go:478: auto mode fallback: maintnotifications disabled due to handshake error: ERR unknown subcommand 'maint_notifications'. Try CLIENT HELP.`,
      `time=${at(93.3 - k)} level=INFO msg="redis connected" addr=quota-redis.ratelimit.svc.cluster.local:6379 pool_size=40`,
      `time=${at(93.3 - k)} level=INFO msg="http server listening" addr=:8080`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 85 - i * 7 - k * 0.3;
      if (i % 4 === 2) out.push(`redis: ${rt(t + 0.1)} redis.go:478: auto mode fallback: maintnotifications disabled due to handshake error: ERR unknown subcommand 'maint_notifications'. Try CLIENT HELP.`);
      out.push(`time=${at(t)} level=INFO msg="quota stats" window=5m checks=${182000 + i * 1713 + k * 97} allowed=${181200 + i * 1701 + k * 95} limited=${800 + i * 12} redis_p99_ms=${(1.1 + (i % 3) * 0.2).toFixed(1)}`);
    }
    return out.join('\n') + '\n';
  };
  const redisPod = podOf(redis, 0);
  return {
    id: 'heldout75-healthy-go-redis-maintnotifications-fallback',
    class: 'healthy',
    truth: 'quota-service 1.15.0 upgraded go-redis to v9.17, whose default auto mode probes CLIENT MAINT_NOTIFICATIONS on each new connection and logs "auto mode fallback: maintnotifications disabled due to handshake error" against Redis 7.2, which lacks the command; the client falls back and every call succeeds. Nothing is wrong.',
    ask: { service: 'quota-service', namespace: ns },
    objects: [...nodes, ...app.objects, ...redis.objects,
      ...exposed({ namespace: ns, name: 'quota-service', selector: { app: 'quota-service' }, pods: app.pods }),
      service({ namespace: ns, name: 'quota-redis', selector: { app: 'quota-redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }] }),
      endpointSliceFor(service({ namespace: ns, name: 'quota-redis', selector: { app: 'quota-redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }] }), redis.pods, 6379),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: logOf(k) })),
      logsFor(redisPod, 'redis', { current: lines(
        `1:M ${'21 Nov 2026 01:40:12.118'} * 1 changes in 3600 seconds. Saving...`,
        `1:M 21 Nov 2026 01:40:12.121 * Background saving started by pid 8812`,
        `8812:C 21 Nov 2026 01:40:12.904 * DB saved on disk`,
        `1:M 21 Nov 2026 01:40:13.021 * Background saving terminated with success`,
      ) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)s?|nothing (is )?wrong|all .*(ready|running)/i],
      facts: [/quota-service/i],
      never: [/maint_?notifications|handshake error|unknown subcommand/i, ADVISES_ROLLBACK, /redis (is )?(down|unreachable|failing)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  invalidIndexAfterMigration(),
  redisTlsEnabledPlaintextClient(),
  caBundlePathMissing(),
  statefulSetServiceNameMissing(),
  cronJobEvictedNoRetry(),
  goWriteTimeoutTooShort(),
  healthyGoRedisMaintNotifications(),
];
