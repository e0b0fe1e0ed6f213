// Held-out stories, forty-first round, part one: a restore Job that ran `TRUNCATE … RESTART
// IDENTITY` before `\copy`-ing the rows back, so the orders table's id sequence restarts at 1 and
// every insert hits "duplicate key value violates unique constraint orders_pkey" while reads are
// fine; an in-cluster Postgres whose pg_hba.conf only admits 10.0.0.0/16, so the pods that a node
// group migration put on the new 10.1.x nodes cannot connect while the same revision works on the
// old nodes; a new CronJob whose Lua sweep (KEYS cart:*) blocks the cart Redis for minutes, so the
// cart API gets "BUSY Redis is busy running a script"; a Spring Kafka outbox relay scaled from 1
// to 3 replicas with one transaction-id-prefix, so the producers fence each other; a Java service
// whose new revision's init container copies the OpenTelemetry agent under a new file name while
// JAVA_TOOL_OPTIONS still names the old one; a Redis cache without persistence that came back
// empty after a spot interruption, so the product API's misses saturate Postgres; and a healthy
// control: an nginx docs site that reloaded gracefully after a ConfigMap edit.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, clfTime, backOff, batchContainer, boundClaim, configMap, container, crashLoop, cronJob, cronJobEvent,
  deploymentApp, event, exposed, httpProbe, job, jobEvent, nameOf, node, nodeEvent, probeFailed, pulledFresh, pyTime,
  restartedAgain, rsOf, running, scaledReplicaSet, scheduled, startedNormally, statefulSetApp, tcpProbe, terminated, execProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** Postgres' default log_line_prefix time (`%m`): `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const redisTime = (minutes: number): string => {
  const d = ago(minutes);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
};
/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Spring Boot 3's default console line. */
const spring = (minutes: number, level: string, app: string, thread: string, logger: string, msg: string): string =>
  `${at(minutes)} ${level.padStart(5)} 1 --- [${app}] [${thread.slice(-15).padStart(15)}] ${logger.padEnd(40)} : ${msg}`;

/** The node's addresses as the kubelet reports them for a private IP. */
function withInternalIp(n: k8s.V1Node, ip: string): k8s.V1Node {
  if (n.status) n.status.addresses = [{ type: 'InternalIP', address: ip }, { type: 'InternalDNS', address: nameOf(n) }, { type: 'Hostname', address: nameOf(n) }];
  return n;
}

/** A pod's IP and its node's IP, as the VPC CNI assigned them. */
function placeIp(p: k8s.V1Pod, podIp: string, hostIp: string): void {
  if (!p.status) return;
  p.status.podIP = podIp;
  p.status.podIPs = [{ ip: podIp }];
  p.status.hostIP = hostIp;
  p.status.hostIPs = [{ ip: hostIp }];
}

// ---- 1. a restore Job reset the orders id sequence ---------------------------------------------------

function restoreResetSequence(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '203']);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const pg = statefulSetApp({
    namespace: ns,
    name: 'orders-pg',
    replicas: 1,
    serviceName: 'orders-pg',
    revisions: [{
      revision: 4,
      createdAgo: 63 * DAYS,
      template: {
        containers: [container({
          name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi',
          args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'],
          env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'orders' }],
          readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { initialDelaySeconds: 30, timeoutSeconds: 5 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'orders-pg-config', defaultMode: 420 } }],
        securityContext: { fsGroup: 999, runAsUser: 999 },
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [{ revision: 4, ordinal: 0, node: names[2] ?? '', createdAgo: 17 * DAYS }],
  });
  const pgPod = podOf(pg, 0);
  const image = (v: string) => `${ECR}/orders/orders:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '512Mi',
      env: [
        { name: 'DATABASE_URL', value: 'postgres://orders_app@orders-pg.orders.svc.cluster.local:5432/orders?sslmode=disable' },
        { name: 'DB_MAX_CONNS', value: '25' },
        { name: 'GOMEMLIMIT', value: '460MiB' },
      ],
      readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }),
      liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'orders',
    replicas: 3,
    revisions: [
      { revision: 56, createdAgo: 9 * DAYS, changeCause: 'argocd: orders 3.18.1', template: tpl('3.18.1') },
      { revision: 57, createdAgo: 3 * DAYS + 140, changeCause: 'argocd: orders 3.18.2', template: tpl('3.18.2') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 3 * DAYS + 139 - k })),
    settled: { available: true, availableSince: 3 * DAYS + 136, progressingSince: 3 * DAYS + 140, progressingUpdatedAgo: 3 * DAYS + 136 },
  });
  const restoreSql = [
    '\\set ON_ERROR_STOP on',
    '-- INC-4471: bring back the orders rows the 2026-11-20 batch update overwrote (export of 2026-11-20 23:00 UTC)',
    'BEGIN;',
    'TRUNCATE TABLE order_items, orders RESTART IDENTITY;',
    "\\copy orders FROM '/data/orders.csv' WITH (FORMAT csv, HEADER true)",
    "\\copy order_items FROM '/data/order_items.csv' WITH (FORMAT csv, HEADER true)",
    'COMMIT;',
    'ANALYZE orders;',
    'ANALYZE order_items;',
  ].join('\n') + '\n';
  const restore = job({
    namespace: ns,
    name: 'orders-restore-20261121',
    createdAgo: 56,
    backoffLimit: 0,
    template: {
      initContainers: [batchContainer({
        name: 'fetch', image: 'public.ecr.aws/aws-cli/aws-cli:2.18.6', cpu: '100m', memory: '256Mi',
        command: ['aws', 's3', 'cp', 's3://acme-orders-exports/2026-11-20T2300Z/', '/data/', '--recursive'],
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
      })],
      containers: [batchContainer({
        name: 'restore', image: pgImage, cpu: '500m', memory: '1Gi',
        command: ['psql', '--echo-errors', '-f', '/restore/restore.sql'],
        env: [{ name: 'PGHOST', value: 'orders-pg.orders.svc.cluster.local' }, { name: 'PGDATABASE', value: 'orders' }, { name: 'PGUSER', value: 'orders_admin' }],
        volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'sql', mountPath: '/restore', readOnly: true }],
      })],
      volumes: [{ name: 'data', emptyDir: { sizeLimit: '20Gi' } }, { name: 'sql', configMap: { name: 'orders-restore-sql', defaultMode: 420 } }],
      serviceAccountName: 'orders-restore',
    },
    pods: [{ node: names[1] ?? '', createdAgo: 56, phase: 'Succeeded', containers: { restore: terminated({ exitCode: 0, finishedAgo: 49.2, ranSeconds: 371 }) } }],
    outcome: { complete: true, ago: 49.1 },
  });
  const restorePod = podOf(restore, 0);
  const notifier = bystander(ns, 'orders-notifier', names, 26, { revisions: [14, 15], versions: ['1.9.0', '1.9.1'], olderAgo: 12 * DAYS });
  const customers = ['c_81723', 'c_20931', 'c_66410', 'c_10288', 'c_45102', 'c_90017', 'c_31876', 'c_72215'];
  const orderLog = (k: number): string => {
    const out: string[] = [
      `{"time":"${at(58 - k * 0.3)}","level":"INFO","msg":"request","method":"POST","path":"/v1/orders","status":201,"dur_ms":${18 + k}}`,
      `{"time":"${at(57.8 - k * 0.3)}","level":"INFO","msg":"request","method":"GET","path":"/v1/orders/${1048170 + k}","status":200,"dur_ms":3}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 48.6 - i * 3.4 - k * 0.4;
      const id = Math.round((48.6 - t) * 28) + k + 1;
      const c = customers[(i + k) % customers.length] ?? 'c_1';
      out.push(`{"time":"${at(t)}","level":"INFO","msg":"request","method":"GET","path":"/v1/customers/${c}/orders","status":200,"dur_ms":${6 + (i % 5)}}`);
      out.push(`{"time":"${at(t - 0.02)}","level":"ERROR","msg":"create order failed","customer_id":"${c}","err":"insert order: ERROR: duplicate key value violates unique constraint \\"orders_pkey\\" (SQLSTATE 23505)","pg_detail":"Key (id)=(${id}) already exists."}`);
      out.push(`{"time":"${at(t - 0.021)}","level":"INFO","msg":"request","method":"POST","path":"/v1/orders","status":500,"dur_ms":${9 + (i % 4)}}`);
      if (i % 4 === 1) out.push(`{"time":"${at(t - 0.05)}","level":"INFO","msg":"request","method":"GET","path":"/v1/orders/${1047000 + i * 131 + k}","status":200,"dur_ms":4}`);
      if (i === 6) out.push(`{"time":"${at(t - 0.07)}","level":"WARN","msg":"slow query","query":"ListOrdersByCustomer","dur_ms":612,"rows":1840}`);
    }
    return lines(...out);
  };
  const pgLog = (() => {
    const out: string[] = [
      `${pgTime(61)} [74] LOG:  checkpoint starting: time`,
      `${pgTime(60.4)} [74] LOG:  checkpoint complete: wrote 912 buffers (5.6%); 0 WAL file(s) added, 0 removed, 2 recycled; write=35.911 s, sync=0.006 s, total=36.102 s; sync files=48, longest=0.003 s, average=0.001 s; distance=12830 kB, estimate=14211 kB; lsn=5/1A2C40F8, redo lsn=5/19F01D28`,
      `${pgTime(55.1)} [51877] LOG:  duration: 1422.871 ms  statement: TRUNCATE TABLE order_items, orders RESTART IDENTITY;`,
      `${pgTime(50.2)} [51877] LOG:  duration: 287114.203 ms  statement: COPY  orders FROM STDIN WITH (FORMAT csv, HEADER true)`,
      `${pgTime(49.4)} [74] LOG:  checkpoint starting: wal`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 48.5 - i * 4.7;
      const pid = 52010 + i * 37;
      out.push(`${pgTime(t)} [${pid}] ERROR:  duplicate key value violates unique constraint "orders_pkey"`);
      out.push(`${pgTime(t)} [${pid}] DETAIL:  Key (id)=(${Math.round((48.6 - t) * 28) + 1}) already exists.`);
      out.push(`${pgTime(t)} [${pid}] STATEMENT:  INSERT INTO orders (customer_id, status, currency, total_cents, placed_at) VALUES ($1, $2, $3, $4, now()) RETURNING id`);
    }
    out.push(`${pgTime(1.2)} [74] LOG:  checkpoint starting: time`);
    return lines(...out);
  })();
  return {
    id: 'heldout41-restore-job-reset-orders-sequence',
    class: 'config',
    truth: 'The data-restore Job orders-restore-20261121 (created 56 minutes ago, Complete 49 minutes ago) ran `TRUNCATE TABLE order_items, orders RESTART IDENTITY` and then `\\copy`-ed 1,048,212 order rows back with their original ids, so the orders id sequence restarted at 1 while the table holds ids up to ~1,048,212. Since then every insert of the orders service fails with `duplicate key value violates unique constraint "orders_pkey"` (Key (id)=(n) already exists, n climbing from 1), POST /v1/orders returns 500, while reads (GETs) keep working and the pods are healthy and ready. Fix: `SELECT setval(\'orders_id_seq\', (SELECT max(id) FROM orders))` (and the same for order_items); the orders rollout (3 days old) and the orders-notifier rollout 26 minutes ago are unrelated.',
    ask: { service: 'orders', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...pg.objects, ...restore.objects, ...notifier.objects,
      ...boundClaim({ namespace: ns, name: 'data-orders-pg-0', storage: '200Gi', zone: 'eu-west-1c', createdAgo: 63 * DAYS }),
      ...exposed({ namespace: ns, name: 'orders', selector: { app: 'orders' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'orders-pg', selector: { app: 'orders-pg' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], pods: pg.pods, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'orders-notifier', selector: { app: 'orders-notifier' }, pods: notifier.pods }),
      configMap({ namespace: ns, name: 'orders-restore-sql', createdAgo: 58, data: { 'restore.sql': restoreSql } }),
      configMap({ namespace: ns, name: 'orders-pg-config', createdAgo: 63 * DAYS, data: { 'postgresql.conf': "listen_addresses = '*'\nmax_connections = 200\nshared_buffers = 2GB\nlog_min_duration_statement = 1000\nlog_line_prefix = '%m [%p] '\n" } }),
      jobEvent(restore.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(restorePod)}`, 56),
      ...pulledFresh(restorePod, 'fetch', 'public.ecr.aws/aws-cli/aws-cli:2.18.6', { atAgo: 56, bytes: 131877452, seconds: 4.812, init: true }),
      event({ on: restorePod, type: 'Normal', reason: 'Started', message: 'Started container fetch', firstAgo: 55.9, lastAgo: 55.9, fieldPath: 'spec.initContainers{fetch}' }),
      event({ on: restorePod, type: 'Normal', reason: 'Pulled', message: `Container image "${pgImage}" already present on machine`, firstAgo: 55.4, lastAgo: 55.4, fieldPath: 'spec.containers{restore}' }),
      event({ on: restorePod, type: 'Normal', reason: 'Started', message: 'Started container restore', firstAgo: 55.4, lastAgo: 55.4, fieldPath: 'spec.containers{restore}' }),
      jobEvent(restore.objects[0], 'Completed', 'Job completed', 49.1),
      scaledReplicaSet(deploymentOf(notifier), rsOf(notifier, 15), 2, 0, 26),
      scaledReplicaSet(deploymentOf(notifier), rsOf(notifier, 14), 0, 2, 25),
      ...startedNormally(podOf(notifier, 0), 'app', `${ECR}/orders/orders-notifier:1.9.1`, 26),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: orderLog(k) })),
      logsFor(pgPod, 'postgres', { current: pgLog }),
      logsFor(restorePod, 'fetch', { current: lines('download: s3://acme-orders-exports/2026-11-20T2300Z/order_items.csv to ../data/order_items.csv', 'download: s3://acme-orders-exports/2026-11-20T2300Z/orders.csv to ../data/orders.csv') }),
      logsFor(restorePod, 'restore', { current: lines('BEGIN', 'TRUNCATE TABLE', 'COPY 1048212', 'COPY 2311876', 'COMMIT', 'ANALYZE', 'ANALYZE') }),
      ...notifier.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(3)}","level":"INFO","msg":"sent order confirmation","channel":"email","status":"queued"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/duplicate key|orders_pkey|sequence|23505|already exists/i, /restore/i],
      facts: [lit('orders_pkey'), /setval|orders_id_seq|\bsequence\b/i, /RESTART IDENTITY|TRUNCATE|orders-restore-20261121/i, /GET[^\n]*200|reads?\b[^\n]*(fine|ok|succeed|work)|only (the )?(inserts?|writes?|POST)/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /orders-notifier[^\n]*(caus|broke|introduc)/i],
    },
  };
}

// ---- 2. pg_hba.conf does not admit the new node group's pod CIDR -------------------------------------

function pgHbaMissesNewNodeGroup(): CorpusScenario {
  const ns = 'inventory';
  const oldIps = ['10.0.12.9', '10.0.44.130', '10.0.27.61'];
  const newIps = ['10.1.37.5', '10.1.90.212'];
  const oldNodes = oldIps.map((ip, i) => withInternalIp(node({
    name: eksNodeName(ip), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', pool: 'apps-m6i', instanceType: 'm6i.2xlarge', createdAgo: 88 * DAYS,
    ...(i === 2 ? { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(38) }] } : {}),
  }), ip));
  const newNodes = newIps.map((ip, i) => withInternalIp(node({ name: eksNodeName(ip), zone: ['eu-west-1a', 'eu-west-1b'][i] ?? 'eu-west-1a', pool: 'apps-m7i', instanceType: 'm7i.2xlarge', createdAgo: 53 - i * 0.5, readySince: 52.5 - i * 0.5 }), ip));
  const oldNames = oldNodes.map(nameOf);
  const newNames = newNodes.map(nameOf);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const pg = statefulSetApp({
    namespace: ns,
    name: 'inventory-pg',
    replicas: 1,
    serviceName: 'inventory-pg',
    revisions: [{
      revision: 3,
      createdAgo: 140 * DAYS,
      template: {
        containers: [container({
          name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi',
          args: ['-c', 'config_file=/etc/postgresql/postgresql.conf', '-c', 'hba_file=/etc/postgresql/pg_hba.conf'],
          env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }],
          readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { timeoutSeconds: 5 }),
          liveness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { initialDelaySeconds: 30, timeoutSeconds: 5 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'inventory-pg-config', defaultMode: 420 } }],
        securityContext: { fsGroup: 999, runAsUser: 999 },
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi' }],
    pods: [{ revision: 3, ordinal: 0, node: oldNames[1] ?? '', createdAgo: 24 * DAYS }],
  });
  const pgPod = podOf(pg, 0);
  const image = `${ECR}/inventory/inventory-api:2.31.0`;
  const startupFailure = { exitCode: 3, finishedAgo: 2.6, ranSeconds: 3 };
  const app = deploymentApp({
    namespace: ns,
    name: 'inventory-api',
    replicas: 4,
    revisions: [
      { revision: 21, createdAgo: 15 * DAYS, changeCause: 'argocd: inventory-api 2.30.4', template: { containers: [container({ image: `${ECR}/inventory/inventory-api:2.30.4`, ports: [8000] })] } },
      {
        revision: 22,
        createdAgo: 6 * DAYS,
        changeCause: 'argocd: inventory-api 2.31.0',
        template: {
          containers: [container({
            image, ports: [8000], cpu: '250m', memory: '384Mi',
            command: ['uvicorn', 'inventory_api.main:app', '--host', '0.0.0.0', '--port', '8000', '--workers', '2'],
            env: [
              { name: 'DATABASE_URL', value: 'postgresql+psycopg://inventory_app@inventory-pg.inventory.svc.cluster.local:5432/inventory' },
              { name: 'DB_POOL_SIZE', value: '10' },
            ],
            readiness: httpProbe('/readyz', 8000), liveness: httpProbe('/livez', 8000, { initialDelaySeconds: 15 }),
          })],
        },
      },
    ],
    pods: [
      { revision: 22, node: oldNames[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 22, node: oldNames[1] ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 22, node: newNames[0] ?? '', createdAgo: 37.7, containers: { app: crashLoop(startupFailure, 10) } },
      { revision: 22, node: newNames[1] ?? '', createdAgo: 37.6, containers: { app: crashLoop({ ...startupFailure, finishedAgo: 0.9 }, 10) } },
    ],
    settled: { available: false, availableSince: 37.2, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const notifier = deploymentApp({
    namespace: ns,
    name: 'stock-notifier',
    replicas: 2,
    revisions: [{ revision: 9, createdAgo: 20 * DAYS, changeCause: 'argocd: stock-notifier 0.8.2', template: { containers: [container({ image: `${ECR}/inventory/stock-notifier:0.8.2`, ports: [8080], memory: '128Mi' })] } }],
    pods: [{ revision: 9, node: oldNames[0] ?? '', createdAgo: 20 * DAYS }, { revision: 9, node: newNames[1] ?? '', createdAgo: 37.6 }],
  });
  // Pods on the old nodes have VPC addresses of 10.0.0.0/16; the new node group's subnets are in the secondary CIDR 10.1.0.0/16.
  const crashing = [podOf(app, 2), podOf(app, 3)];
  const newPodIps = ['10.1.37.112', '10.1.91.46'];
  crashing.forEach((p, i) => placeIp(p, newPodIps[i] ?? '', newIps[i] ?? ''));
  placeIp(podOf(notifier, 1), '10.1.88.19', newIps[1] ?? '');
  [podOf(app, 0), podOf(app, 1)].forEach((p, i) => placeIp(p, ['10.0.13.77', '10.0.45.18'][i] ?? '', oldIps[i] ?? ''));
  placeIp(podOf(notifier, 0), '10.0.14.201', oldIps[0] ?? '');
  placeIp(pgPod, '10.0.47.9', oldIps[1] ?? '');
  const hba = [
    '# pg_hba.conf for inventory-pg (managed in the inventory-pg Helm values)',
    '# TYPE  DATABASE        USER            ADDRESS                 METHOD',
    '',
    '# local socket (pg_isready, maintenance)',
    'local   all             all                                     peer',
    'host    all             all             127.0.0.1/32            scram-sha-256',
    '',
    '# cluster pod network (VPC 10.0.0.0/16)',
    'host    inventory       inventory_app   10.0.0.0/16             scram-sha-256',
    'host    inventory       inventory_ro    10.0.0.0/16             scram-sha-256',
    'host    replication     replicator      10.0.0.0/16             scram-sha-256',
  ].join('\n') + '\n';
  const dbFatal = (podIp: string) => `psycopg.OperationalError: connection failed: connection to server at "172.20.88.14", port 5432 failed: FATAL:  no pg_hba.conf entry for host "${podIp}", user "inventory_app", database "inventory", no encryption`;
  const crashLog = (t: number, podIp: string) => lines(
    'INFO:     Started server process [1]',
    'INFO:     Waiting for application startup.',
    `${pyTime(t)} INFO [inventory_api.db] creating engine postgresql+psycopg://inventory_app@inventory-pg.inventory.svc.cluster.local:5432/inventory pool_size=10`,
    'ERROR:    Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/starlette/routing.py", line 732, in lifespan',
    '    async with self.lifespan_context(app) as maybe_state:',
    '  File "/usr/local/lib/python3.12/contextlib.py", line 210, in __aenter__',
    '    return await anext(self.gen)',
    '           ^^^^^^^^^^^^^^^^^^^^^',
    '  File "/app/inventory_api/main.py", line 38, in lifespan',
    '    await db.check_connection()',
    '  File "/app/inventory_api/db.py", line 27, in check_connection',
    '    async with engine.connect() as conn:',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/ext/asyncio/engine.py", line 895, in __aenter__',
    '    return await self.start(is_ctxmanager=True)',
    '  File "/usr/local/lib/python3.12/site-packages/psycopg/connection_async.py", line 135, in connect',
    '    raise last_ex.with_traceback(None)',
    `sqlalchemy.exc.OperationalError: (${dbFatal(podIp).replace(/^psycopg\.OperationalError: /, 'psycopg.OperationalError) ')}`,
    '(Background on this error at: https://sqlalche.me/e/20/e3q8)',
    '',
    'ERROR:    Application startup failed. Exiting.',
  );
  const pgLog = (() => {
    const out: string[] = [`${pgTime(44)} [81] LOG:  checkpoint complete: wrote 233 buffers (1.4%); 0 WAL file(s) added, 0 removed, 0 recycled; write=23.104 s, sync=0.003 s, total=23.121 s; sync files=19, longest=0.002 s, average=0.001 s; distance=1882 kB, estimate=2406 kB; lsn=1/6C21F0A0, redo lsn=1/6C0E3B18`];
    for (let i = 0; i < 9; i++) {
      const t = 37.4 - i * 4.1;
      const pid = 30112 + i * 29;
      const ip = newPodIps[i % 2] ?? '';
      out.push(`${pgTime(t)} [${pid}] LOG:  connection received: host=${ip} port=${41000 + i * 113}`);
      out.push(`${pgTime(t)} [${pid}] FATAL:  no pg_hba.conf entry for host "${ip}", user "inventory_app", database "inventory", no encryption`);
      if (i % 3 === 0) {
        out.push(`${pgTime(t - 0.2)} [${pid + 3}] LOG:  connection received: host=10.0.13.77 port=${52200 + i}`);
        out.push(`${pgTime(t - 0.2)} [${pid + 3}] LOG:  connection authenticated: identity="inventory_app" method=scram-sha-256 (/etc/postgresql/pg_hba.conf:9)`);
        out.push(`${pgTime(t - 0.2)} [${pid + 3}] LOG:  connection authorized: user=inventory_app database=inventory application_name=inventory-api`);
      }
    }
    return lines(...out);
  })();
  const healthyApi = (ip: string) => lines(
    `${pyTime(2.1)} INFO [uvicorn.access] ${ip.replace(/\.\d+$/, '.1')}:0 - "GET /v1/stock/SKU-20931?warehouse=DUB2 HTTP/1.1" 200`,
    `${pyTime(1.4)} INFO [uvicorn.access] 10.0.45.3:0 - "POST /v1/reservations HTTP/1.1" 201`,
    `${pyTime(0.6)} INFO [uvicorn.access] 10.0.13.1:0 - "GET /readyz HTTP/1.1" 200`,
  );
  const evicted = [`${rsOf(app, 22)}-w7kx2`, `${rsOf(notifier, 9)}-b9tqp`];
  return {
    id: 'heldout41-pg-hba-misses-new-node-group',
    class: 'config',
    truth: 'The platform team added the node group apps-m7i (nodes created ~53 minutes ago) in new subnets of the VPC\'s secondary CIDR 10.1.0.0/16 and cordoned and drained an old apps-m6i node 38 minutes ago. The two inventory-api pods rescheduled onto the new nodes got 10.1.x addresses, and inventory-pg\'s pg_hba.conf (ConfigMap inventory-pg-config) only admits 10.0.0.0/16, so Postgres answers `no pg_hba.conf entry for host "10.1.37.112"` and uvicorn exits 3 at startup: those two pods crash-loop, while the same revision 22 runs fine on the old nodes. Fix: add a pg_hba entry for 10.1.0.0/16 and reload Postgres; nothing in inventory-api changed.',
    ask: { service: 'inventory-api', namespace: ns },
    objects: [
      ...oldNodes, ...newNodes, ...app.objects, ...pg.objects, ...notifier.objects,
      ...boundClaim({ namespace: ns, name: 'data-inventory-pg-0', storage: '100Gi', zone: 'eu-west-1b', createdAgo: 140 * DAYS }),
      ...exposed({ namespace: ns, name: 'inventory-api', selector: { app: 'inventory-api' }, ports: [{ name: 'http', port: 80, targetPort: 8000 }], pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'inventory-pg', clusterIP: '172.20.88.14', selector: { app: 'inventory-pg' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], pods: pg.pods, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'stock-notifier', selector: { app: 'stock-notifier' }, pods: notifier.pods }),
      configMap({ namespace: ns, name: 'inventory-pg-config', createdAgo: 140 * DAYS, data: { 'pg_hba.conf': hba, 'postgresql.conf': "listen_addresses = '*'\nmax_connections = 150\nshared_buffers = 1GB\nlog_connections = on\nlog_line_prefix = '%m [%p] '\n" } }),
      ...newNames.flatMap((n, i) => [
        nodeEvent(n, 'Starting', 'Starting kubelet.', { firstAgo: 53 - i * 0.5 }),
        nodeEvent(n, 'RegisteredNode', `Node ${n} event: Registered Node ${n} in Controller`, { firstAgo: 52.8 - i * 0.5, component: 'node-controller' }),
        nodeEvent(n, 'NodeReady', `Node ${n} status is now: NodeReady`, { firstAgo: 52.5 - i * 0.5 }),
      ]),
      nodeEvent(oldNames[2] ?? '', 'NodeNotSchedulable', `Node ${oldNames[2] ?? ''} status is now: NodeNotSchedulable`, { firstAgo: 38 }),
      ...evicted.map((name) => event({ on: { kind: 'Pod', name, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 37.8, lastAgo: 37.8, fieldPath: 'spec.containers{app}' })),
      event({ on: replicaSetOfName(app, 22), type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(crashing[0])}`, firstAgo: 37.7, lastAgo: 37.7, component: 'replicaset-controller' }),
      event({ on: replicaSetOfName(app, 22), type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(crashing[1])}`, firstAgo: 37.6, lastAgo: 37.6, component: 'replicaset-controller' }),
      ...crashing.flatMap((p, i) => [
        scheduled(p, 37.7 - i * 0.1),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: 37.6 - i * 0.1, lastAgo: 37.6 - i * 0.1, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in 6.204s (6.204s including waiting). Image size: 98311042 bytes.`, firstAgo: 37.5 - i * 0.1, lastAgo: 37.5 - i * 0.1, fieldPath: 'spec.containers{app}' }),
        ...restartedAgain(p, 'app', image, { count: 11, firstAgo: 37.4 - i * 0.1, lastAgo: i === 0 ? 2.65 : 0.95 }),
        backOff(p, 'app', { count: 162 - i * 3, firstAgo: 37.3 - i * 0.1, lastAgo: 0.3 }),
      ]),
      ...startedNormally(podOf(notifier, 1), 'app', `${ECR}/inventory/stock-notifier:0.8.2`, 37.6),
    ],
    logs: [
      ...crashing.map((p, i) => logsFor(p, 'app', { previous: crashLog(i === 0 ? 2.65 : 0.95, newPodIps[i] ?? '') })),
      logsFor(podOf(app, 0), 'app', { current: healthyApi('10.0.13.77') }),
      logsFor(podOf(app, 1), 'app', { current: healthyApi('10.0.45.18') }),
      logsFor(pgPod, 'postgres', { current: pgLog }),
      logsFor(podOf(notifier, 1), 'app', { current: lines(`{"ts":"${at(4)}","level":"info","msg":"published low-stock alert","sku":"SKU-88213","topic":"arn:aws:sns:eu-west-1:123456789012:low-stock"}`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pg_hba/i, /10\.1\.|apps-m7i|new(ly added)? node|node ?group|2 (of|\/) ?4/i],
      facts: [/no pg_hba\.conf entry/i, /10\.1\.0\.0\/16|10\.1\.\d+\.\d+/, /inventory-pg/, /apps-m6i|old(er)? nodes?|other nodes?|same revision/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /password authentication failed|wrong password/i],
    },
  };
}

function replicaSetOfName(app: Built, revision: number): { kind: string; name: string; namespace: string } {
  const rs = app.objects.find((o) => o.kind === 'ReplicaSet' && o.metadata?.annotations?.['deployment.kubernetes.io/revision'] === String(revision));
  return { kind: 'ReplicaSet', name: nameOf(rs), namespace: rs?.metadata?.namespace ?? '' };
}

// ---- 3. a new CronJob's Lua sweep blocks the cart Redis ------------------------------------------------

function luaSweepBlocksRedis(): CorpusScenario {
  const ns = 'cart';
  const { nodes, names } = threeEksNodes('10.0.210', ['8', '119', '236']);
  const redisImage = 'docker.io/library/redis:7.2.5-bookworm';
  const redis = statefulSetApp({
    namespace: ns,
    name: 'cart-redis',
    replicas: 1,
    serviceName: 'cart-redis',
    revisions: [{
      revision: 2,
      createdAgo: 97 * DAYS,
      template: {
        containers: [container({
          name: 'redis', image: redisImage, command: ['redis-server'], args: ['--appendonly', 'yes', '--maxmemory', '6gb', '--maxmemory-policy', 'volatile-lru'],
          ports: [{ name: 'redis', containerPort: 6379 }], cpu: '1', memory: '7Gi',
          readiness: tcpProbe('redis', { periodSeconds: 5 }), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }),
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }],
    pods: [{ revision: 2, ordinal: 0, node: names[2] ?? '', createdAgo: 31 * DAYS }],
  });
  const redisPod = podOf(redis, 0);
  const apiImage = `${ECR}/cart/cart-api:7.4.2`;
  const api = deploymentApp({
    namespace: ns,
    name: 'cart-api',
    replicas: 4,
    revisions: [
      { revision: 40, createdAgo: 13 * DAYS, changeCause: 'argocd: cart-api 7.4.1', template: { containers: [container({ image: `${ECR}/cart/cart-api:7.4.1`, ports: [3000] })] } },
      {
        revision: 41,
        createdAgo: 2 * DAYS + 300,
        changeCause: 'argocd: cart-api 7.4.2',
        template: {
          containers: [container({
            image: apiImage, ports: [3000], cpu: '300m', memory: '384Mi',
            env: [{ name: 'REDIS_URL', value: 'redis://cart-redis.cart.svc.cluster.local:6379/0' }, { name: 'NODE_OPTIONS', value: '--max-old-space-size=288' }],
            readiness: httpProbe('/ready', 3000, { periodSeconds: 5, timeoutSeconds: 1 }), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }),
          })],
        },
      },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 41, node: names[k % 3] ?? '', createdAgo: 2 * DAYS + 299 - k, ready: false, containers: { app: running({ sinceAgo: 2 * DAYS + 299 - k, ready: false }) } })),
    settled: { available: false, availableSince: 13.7, progressingSince: 2 * DAYS + 300, progressingUpdatedAgo: 2 * DAYS + 296 },
  });
  const sweepLua = [
    '-- Removes carts not touched for ARGV[1] seconds. Runs inside Redis so the sweep is atomic.',
    'local cutoff = tonumber(ARGV[1])',
    'local removed = 0',
    "for _, key in ipairs(redis.call('KEYS', 'cart:*')) do",
    "  local touched = tonumber(redis.call('HGET', key, 'updated_at') or '0')",
    '  if touched < cutoff then',
    "    redis.call('UNLINK', key)",
    '    removed = removed + 1',
    '  end',
    'end',
    'return removed',
  ].join('\n') + '\n';
  const sweeperImage = `${ECR}/cart/cart-maintenance:0.4.0`;
  const sweeper = cronJob({
    namespace: ns,
    name: 'abandoned-cart-sweeper',
    schedule: '*/15 * * * *',
    createdAgo: 41,
    backoffLimit: 0,
    template: {
      containers: [batchContainer({
        name: 'sweeper', image: sweeperImage, cpu: '100m', memory: '128Mi', command: ['node', 'dist/sweep.js'],
        env: [{ name: 'REDIS_URL', value: 'redis://cart-redis.cart.svc.cluster.local:6379/0' }, { name: 'SWEEP_MAX_AGE_HOURS', value: '72' }, { name: 'SWEEP_SCRIPT', value: '/scripts/sweep.lua' }],
        volumeMounts: [{ name: 'scripts', mountPath: '/scripts', readOnly: true }],
      })],
      volumes: [{ name: 'scripts', configMap: { name: 'abandoned-cart-sweeper-lua', defaultMode: 420 } }],
    },
    jobs: [
      { createdAgo: 29, pods: [{ node: names[0] ?? '', createdAgo: 29, phase: 'Succeeded', containers: { sweeper: terminated({ exitCode: 0, finishedAgo: 20.1, ranSeconds: 527 }) } }], outcome: { complete: true, ago: 20 } },
      { createdAgo: 14, pods: [{ node: names[1] ?? '', createdAgo: 14, containers: { sweeper: running({ sinceAgo: 13.9 }) } }] },
    ],
    lastSuccessfulAgo: 20,
  });
  const [firstJob, secondJob] = sweeper.jobs;
  const firstPod = firstJob?.pods[0];
  const secondPod = secondJob?.pods[0];
  if (firstPod === undefined || secondPod === undefined) throw new Error('sweeper jobs');
  const pricing = bystander(ns, 'cart-pricing', names, 16, { revisions: [18, 19], versions: ['3.2.0', '3.3.0'], olderAgo: 9 * DAYS });
  const sha = '9c1f52e7a04b3d86e1f0c2a9b7d45e18f3a6c0d2';
  const busy = 'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSCRIPT.';
  // The two runs blocked Redis from 28.9 to 20.1 and from 13.9 minutes ago until now.
  const blocked = (t: number) => (t <= 28.9 && t >= 20.1) || t <= 13.9;
  const apiLog = (p: k8s.V1Pod, k: number): string => {
    const out: string[] = [];
    const users = ['u_88123', 'u_10422', 'u_77310', 'u_23018', 'u_55402', 'u_90117'];
    for (let i = 0; i < 36; i++) {
      const t = 32 - i * 0.9 - k * 0.07;
      const u = users[(i + k) % users.length] ?? 'u_1';
      const base = `"pid":1,"hostname":"${nameOf(p)}"`;
      if (blocked(t)) {
        const cmd = i % 3 === 0 ? `{"name":"hset","args":["cart:${u}","updated_at","${Math.floor(ago(t).getTime() / 1000)}"]}` : `{"name":"hgetall","args":["cart:${u}"]}`;
        out.push(`{"level":50,"time":${ago(t).getTime()},${base},"reqId":"req-${(i * 37 + k).toString(36)}","err":{"type":"ReplyError","message":"${busy}","stack":"ReplyError: ${busy}\\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)\\n    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)","command":${cmd}},"msg":"cart store unavailable"}`);
        out.push(`{"level":30,"time":${ago(t).getTime() + 3},${base},"reqId":"req-${(i * 37 + k).toString(36)}","req":{"method":"${i % 3 === 0 ? 'POST' : 'GET'}","url":"${i % 3 === 0 ? '/v2/cart/items' : '/v2/cart'}"},"res":{"statusCode":503},"responseTime":${2 + (i % 4)},"msg":"request completed"}`);
      } else {
        out.push(`{"level":30,"time":${ago(t).getTime()},${base},"reqId":"req-${(i * 37 + k).toString(36)}","req":{"method":"GET","url":"/v2/cart"},"res":{"statusCode":200},"responseTime":${4 + (i % 5)},"msg":"request completed"}`);
      }
    }
    return lines(...out);
  };
  const redisLog = lines(
    `1:M ${redisTime(33.5)} * 100 changes in 300 seconds. Saving...`,
    `1:M ${redisTime(33.5)} * Background saving started by pid 48817`,
    `48817:C ${redisTime(33.3)} * DB saved on disk`,
    `48817:C ${redisTime(33.3)} * Fork CoW for RDB: current 41 MB, peak 41 MB, average 27 MB`,
    `1:M ${redisTime(33.3)} * Background saving terminated with success`,
    `1:M ${redisTime(28.8)} # Slow script detected: still in execution after 5000 milliseconds. You can try killing the script using the SCRIPT KILL command. Script name is: f_${sha}.`,
    `1:M ${redisTime(20.1)} * 100 changes in 300 seconds. Saving...`,
    `1:M ${redisTime(20.1)} * Background saving started by pid 49102`,
    `49102:C ${redisTime(19.9)} * DB saved on disk`,
    `1:M ${redisTime(19.9)} * Background saving terminated with success`,
    `1:M ${redisTime(13.8)} # Slow script detected: still in execution after 5000 milliseconds. You can try killing the script using the SCRIPT KILL command. Script name is: f_${sha}.`,
  );
  const sweepLog = (start: number, end?: number) => lines(
    `{"level":30,"time":${ago(start).getTime()},"pid":1,"hostname":"sweeper","msg":"script loaded","sha":"${sha}","file":"/scripts/sweep.lua"}`,
    `{"level":30,"time":${ago(start - 0.01).getTime()},"pid":1,"hostname":"sweeper","msg":"sweeping abandoned carts","pattern":"cart:*","maxAgeHours":72}`,
    ...(end === undefined ? [] : [`{"level":30,"time":${ago(end).getTime()},"pid":1,"hostname":"sweeper","msg":"sweep finished","removed":211907,"elapsedMs":527140}`]),
  );
  return {
    id: 'heldout41-cronjob-lua-script-blocks-redis',
    class: 'jobs',
    truth: 'The new CronJob abandoned-cart-sweeper (created 41 minutes ago, every 15 minutes) runs a Lua script (EVALSHA of sweep.lua) that does KEYS cart:* over millions of carts inside cart-redis; Redis is single-threaded, so while it runs (8.8 minutes for the 02:45 run, and again since the 03:00 run started 14 minutes ago) every other command gets `BUSY Redis is busy running a script`. cart-api, which reads and writes carts in that Redis, answers 503 and its readiness fails, so all four pods are unready. cart-api and Redis themselves are fine; fix: SCRIPT KILL, suspend the CronJob, and rewrite the sweep with SCAN in small batches from the client. The cart-pricing rollout 16 minutes ago is unrelated.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...redis.objects, ...sweeper.objects, ...pricing.objects,
      ...boundClaim({ namespace: ns, name: 'data-cart-redis-0', storage: '20Gi', zone: 'eu-west-1c', createdAgo: 97 * DAYS }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, ports: [{ name: 'http', port: 80, targetPort: 3000 }], pods: api.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'cart-redis', selector: { app: 'cart-redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], pods: redis.pods, endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'cart-pricing', selector: { app: 'cart-pricing' }, pods: pricing.pods }),
      configMap({ namespace: ns, name: 'abandoned-cart-sweeper-lua', createdAgo: 41, data: { 'sweep.lua': sweepLua } }),
      cronJobEvent(sweeper.objects[0], 'SuccessfulCreate', `Created job ${nameOf(firstJob?.objects[0])}`, 29),
      jobEvent(firstJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(firstPod)}`, 29),
      ...startedNormally(firstPod, 'sweeper', sweeperImage, 29),
      jobEvent(firstJob?.objects[0], 'Completed', 'Job completed', 20),
      cronJobEvent(sweeper.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(firstJob?.objects[0])}, condition: Complete`, 20),
      cronJobEvent(sweeper.objects[0], 'SuccessfulCreate', `Created job ${nameOf(secondJob?.objects[0])}`, 14),
      jobEvent(secondJob?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(secondPod)}`, 14),
      ...startedNormally(secondPod, 'sweeper', sweeperImage, 14),
      ...api.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 221, firstAgo: 28.7, lastAgo: 0.1 })),
      scaledReplicaSet(deploymentOf(pricing), rsOf(pricing, 19), 2, 0, 16),
      scaledReplicaSet(deploymentOf(pricing), rsOf(pricing, 18), 0, 2, 15),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
      logsFor(redisPod, 'redis', { current: redisLog }),
      logsFor(firstPod, 'sweeper', { current: sweepLog(28.95, 20.15) }),
      logsFor(secondPod, 'sweeper', { current: sweepLog(13.95) }),
      ...pricing.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":30,"time":${ago(2).getTime()},"msg":"price rules reloaded","rules":412}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/BUSY|Lua|script|SCRIPT KILL/i, /abandoned-cart-sweeper/],
      facts: [/cart-redis/, /busy running a script|SCRIPT KILL|KEYS/i, /\*\/15|every 15|cron ?job|schedule/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /cart-pricing[^\n]*(caus|broke|introduc)/i, /cart-redis[^\n]*(crash|restart|down\b)/i],
    },
  };
}

// ---- 4. a transactional outbox relay scaled 1 → 3 with one transaction-id prefix -----------------------

function kafkaProducersFenceAfterScale(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.57', ['22', '161', '240']);
  const image = `${ECR}/billing/invoice-publisher:2.6.4`;
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-publisher',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 34 * DAYS, changeCause: 'argocd: invoice-publisher 2.6.3', template: { containers: [container({ image: `${ECR}/billing/invoice-publisher:2.6.3` })] } },
      {
        revision: 19,
        createdAgo: 11 * DAYS,
        changeCause: 'argocd: invoice-publisher 2.6.4',
        template: {
          containers: [container({
            image, ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '500m', memory: '1Gi',
            env: [
              { name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'optional:file:/config/' },
              { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70 -XX:+UseG1GC' },
            ],
            readiness: httpProbe('/actuator/health/readiness', 8081), liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 40 }),
            volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
          })],
          volumes: [{ name: 'config', configMap: { name: 'invoice-publisher-config', defaultMode: 420 } }],
          serviceAccountName: 'invoice-publisher',
        },
      },
    ],
    pods: [
      { revision: 19, node: names[0] ?? '', createdAgo: 11 * DAYS - 2 },
      { revision: 19, node: names[1] ?? '', createdAgo: 23 },
      { revision: 19, node: names[2] ?? '', createdAgo: 23 },
    ],
    settled: { available: true, availableSince: 11 * DAYS - 1, progressingSince: 11 * DAYS, progressingUpdatedAgo: 22 },
  });
  const deployment = deploymentOf(app);
  if (deployment.metadata) {
    deployment.metadata.managedFields = [
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'apps/v1', time: ago(11 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:template': {} } } },
      { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', time: ago(23), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', time: ago(22), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} }, subresource: 'status' },
    ];
  }
  const api = bystander(ns, 'billing-api', names, 3 * HOURS, { revisions: [64, 65], versions: ['5.0.7', '5.0.8'], olderAgo: 6 * DAYS });
  const appYaml = [
    'spring:',
    '  application:',
    '    name: invoice-publisher',
    '  kafka:',
    '    bootstrap-servers: b-1.billing-msk.x7k2pq.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.billing-msk.x7k2pq.c3.kafka.eu-west-1.amazonaws.com:9098,b-3.billing-msk.x7k2pq.c3.kafka.eu-west-1.amazonaws.com:9098',
    '    security:',
    '      protocol: SASL_SSL',
    '    producer:',
    '      acks: all',
    '      transaction-id-prefix: invoice-publisher-tx-',
    '      properties:',
    '        enable.idempotence: true',
    '        transaction.timeout.ms: 60000',
    'outbox:',
    '  relay:',
    '    batch-size: 250',
    '    poll-interval: 2s',
    '    topic: billing.invoice-events.v1',
  ].join('\n') + '\n';
  const tx = 'invoice-publisher-tx-0';
  const pfx = `[Producer clientId=producer-${tx}, transactionalId=${tx}]`;
  const TM = 'o.a.k.c.p.internals.TransactionManager';
  const relay = 'c.a.billing.outbox.OutboxRelay';
  const fenced = 'org.apache.kafka.common.errors.ProducerFencedException: There is a newer producer with the same transactionalId which fences the current one.';
  const podLog = (k: number): string => {
    const out: string[] = [];
    if (k === 0) {
      for (let i = 0; i < 4; i++) out.push(spring(31 - i * 2, 'INFO', 'invoice-publisher', 'scheduling-1', relay, `Relayed 250 outbox rows to billing.invoice-events.v1 (ids ${8790001 + i * 250}..${8790250 + i * 250}) in ${180 + i * 9} ms`));
      out.push(spring(24, 'INFO', 'invoice-publisher', 'scheduling-1', relay, 'Outbox backlog 41877 rows, oldest 19m02s'));
    } else {
      out.push(spring(22.4, 'INFO', 'invoice-publisher', 'main', 'c.a.billing.InvoicePublisherApplication', 'Started InvoicePublisherApplication in 21.384 seconds (process running for 22.913)'));
    }
    for (let i = 0; i < 9; i++) {
      const t = 21.8 - i * 2.3 - k * 0.6;
      const epoch = 31 + i * 3 + k + 1;
      out.push(spring(t, 'INFO', 'invoice-publisher', 'scheduling-1', TM, `${pfx} Invoking InitProducerId for the first time in order to acquire a producer ID`));
      out.push(spring(t - 0.003, 'INFO', 'invoice-publisher', `kafka-producer-network-thread | producer-${tx}`, TM, `${pfx} ProducerId set to 1200417 with epoch ${epoch}`));
      out.push(spring(t - 0.35, 'ERROR', 'invoice-publisher', `kafka-producer-network-thread | producer-${tx}`, TM, `${pfx} Transiting to fatal error state due to ${fenced}`));
      out.push(spring(t - 0.351, 'ERROR', 'invoice-publisher', 'scheduling-1', relay, `Relay of 250 outbox rows failed, transaction rolled back; retrying in 2000 ms\norg.springframework.kafka.KafkaException: Send failed\n\tat org.springframework.kafka.core.KafkaTemplate.doSend(KafkaTemplate.java:866)\n\tat org.springframework.kafka.core.KafkaTemplate.executeInTransaction(KafkaTemplate.java:553)\n\tat com.acme.billing.outbox.OutboxRelay.relayBatch(OutboxRelay.java:94)\nCaused by: ${fenced}`));
      out.push(spring(t - 0.352, 'INFO', 'invoice-publisher', 'scheduling-1', 'o.s.k.core.DefaultKafkaProducerFactory', 'Error during some operation; producer removed from cache: CloseSafeProducer [delegate=org.apache.kafka.clients.producer.KafkaProducer@5d1b4a7e]'));
      if (i % 3 === 1) out.push(spring(t - 0.5, 'INFO', 'invoice-publisher', `kafka-producer-network-thread | producer-${tx}`, 'org.apache.kafka.clients.NetworkClient', `${pfx} Node -1 disconnected.`));
      if (k === 0 && i % 4 === 0) out.push(spring(t - 0.6, 'INFO', 'invoice-publisher', 'scheduling-1', relay, `Outbox backlog ${42310 + i * 1190} rows, oldest ${20 + i * 2}m${10 + i}s`));
    }
    return lines(...out);
  };
  return {
    id: 'heldout41-kafka-transactional-producers-fence-after-scale',
    class: 'config',
    truth: 'Someone ran `kubectl scale deployment invoice-publisher --replicas=3` 23 minutes ago to drain the invoice outbox backlog faster. Its Spring Kafka producer uses the fixed transaction-id-prefix invoice-publisher-tx- from the ConfigMap, so all three pods use transactional.id invoice-publisher-tx-0: each InitProducerId bumps the epoch and fences the others (ProducerFencedException: There is a newer producer with the same transactionalId), every transaction is aborted and no invoice event has been published since, while the backlog grows. The pods stay ready. Fix: scale back to 1 now, then make the transactional id unique per replica (e.g. a StatefulSet ordinal or the pod name in the prefix).',
    ask: { service: 'invoice-publisher', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'invoice-publisher', selector: { app: 'invoice-publisher' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: api.pods }),
      configMap({ namespace: ns, name: 'invoice-publisher-config', createdAgo: 34 * DAYS, data: { 'application.yaml': appYaml } }),
      scaledReplicaSet(deployment, rsOf(app, 19), 3, 1, 23),
      ...[podOf(app, 1), podOf(app, 2)].flatMap((p) => [
        event({ on: replicaSetOfName(app, 19), type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(p)}`, firstAgo: 23, lastAgo: 23, component: 'replicaset-controller' }),
        ...startedNormally(p, 'app', image, 23),
        probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8081/actuator/health/readiness": dial tcp ${ipOfPod(p)}:8081: connect: connection refused`, { count: 2, firstAgo: 22.8, lastAgo: 22.6 }),
      ]),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(k) })),
      ...api.pods.map((p) => logsFor(p, 'app', { current: lines(spring(1.5, 'INFO', 'billing-api', 'http-nio-8080-exec-3', 'c.a.billing.api.InvoiceController', 'GET /v1/invoices?customer=cus_8812 200 (23 ms)')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ProducerFenced|fenc|transactional[ .-]?id|invoice-publisher-tx/i, /scal|replicas|1 ?(→|->|to) ?3|3 pods/i],
      facts: [/invoice-publisher-tx/, /ProducerFencedException|newer producer with the same transactionalId/i, /unique|per[- ](pod|instance|replica)|scale[^\n]*(back|down|to 1)|StatefulSet|pod name/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /(broker|MSK|kafka)[^\n]*(down|unreachable|unavailable)/i],
    },
  };
}

// ---- 5. the OpenTelemetry agent jar renamed by a new init container ----------------------------------

function javaagentJarMissingAfterInitChange(): CorpusScenario {
  const ns = 'risk';
  const { nodes, names } = threeEksNodes('10.0.131', ['40', '97', '188']);
  const image = (v: string) => `${ECR}/risk/fraud-scorer:${v}`;
  const toolOptions = '-javaagent:/otel/opentelemetry-javaagent.jar -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError';
  const app = (v: string, init: k8s.V1Container) => ({
    initContainers: [init],
    containers: [container({
      image: image(v), ports: [8080, { name: 'management', containerPort: 8081 }], cpu: '1', memory: '2Gi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: toolOptions },
        { name: 'OTEL_SERVICE_NAME', value: 'fraud-scorer' },
        { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector.observability.svc.cluster.local:4317' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8081), liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 60 }),
      volumeMounts: [{ name: 'otel-agent', mountPath: '/otel' }],
    })],
    volumes: [{ name: 'otel-agent', emptyDir: {} }],
  });
  const oldInit = batchContainer({ name: 'otel-agent', image: `${ECR}/platform/otel-javaagent-init:1.32.0`, cpu: '50m', memory: '64Mi', command: ['cp', '/opentelemetry-javaagent.jar', '/otel/opentelemetry-javaagent.jar'], volumeMounts: [{ name: 'otel-agent', mountPath: '/otel' }] });
  const newInitImage = 'ghcr.io/open-telemetry/opentelemetry-operator/autoinstrumentation-java:2.10.0';
  const newInit = batchContainer({ name: 'otel-agent', image: newInitImage, cpu: '50m', memory: '64Mi', command: ['cp', '/javaagent.jar', '/otel/javaagent.jar'], volumeMounts: [{ name: 'otel-agent', mountPath: '/otel' }] });
  const jvmFailure = { exitCode: 1, finishedAgo: 1.8, ranSeconds: 1 };
  const built = deploymentApp({
    namespace: ns,
    name: 'fraud-scorer',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 33, createdAgo: 6 * DAYS, changeCause: 'argocd: fraud-scorer 5.1.3 (chart java-service 2.7.1)', template: app('5.1.3', oldInit) },
      { revision: 34, createdAgo: 17, changeCause: 'argocd: fraud-scorer 5.2.0 (chart java-service 3.0.0)', template: app('5.2.0', newInit) },
    ],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 33, node: names[k % 3] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 34, node: names[1] ?? '', createdAgo: 16.8, containers: { app: crashLoop(jvmFailure, 8) } },
    ],
  });
  const fresh = podOf(built, 4);
  const dashboard = bystander(ns, 'risk-dashboard', names, 3 * HOURS + 10, { revisions: [7, 8], versions: ['1.4.0', '1.5.0'], olderAgo: 20 * DAYS });
  const crashLog = lines(
    `Picked up JAVA_TOOL_OPTIONS: ${toolOptions}`,
    'Error opening zip file or JAR manifest missing : /otel/opentelemetry-javaagent.jar',
    'Error occurred during initialization of VM',
    'agent library failed to init: instrument',
  );
  const healthy = (k: number) => lines(
    `${at(2.2 - k * 0.1)}  INFO 1 --- [fraud-scorer] [nio-8080-exec-${k + 2}] c.a.risk.scoring.ScoreController         : scored payment pay_${77120 + k} score=0.031 decision=ALLOW in 14 ms`,
    `${at(0.9 - k * 0.1)}  INFO 1 --- [fraud-scorer] [nio-8080-exec-${k + 4}] c.a.risk.scoring.ScoreController         : scored payment pay_${77188 + k} score=0.412 decision=REVIEW in 19 ms`,
  );
  return {
    id: 'heldout41-javaagent-jar-renamed-by-new-init-container',
    class: 'rollout',
    truth: 'Revision 34 of fraud-scorer (17 minutes ago, chart java-service 3.0.0) replaced the otel-agent init container: it now uses the upstream autoinstrumentation-java:2.10.0 image and copies /javaagent.jar to /otel/javaagent.jar, while JAVA_TOOL_OPTIONS still says -javaagent:/otel/opentelemetry-javaagent.jar. The JVM of the new pod cannot open the agent jar (`Error opening zip file or JAR manifest missing : /otel/opentelemetry-javaagent.jar`, `agent library failed to init: instrument`) and exits 1 at once, crash-looping; the rollout is stuck with the four revision-33 pods serving. Fix: roll back to revision 33, then point JAVA_TOOL_OPTIONS at /otel/javaagent.jar (or copy under the old name).',
    ask: { service: 'fraud-scorer', namespace: ns },
    objects: [
      ...nodes, ...built.objects, ...dashboard.objects,
      ...exposed({ namespace: ns, name: 'fraud-scorer', selector: { app: 'fraud-scorer' }, pods: built.pods }),
      ...exposed({ namespace: ns, name: 'risk-dashboard', selector: { app: 'risk-dashboard' }, pods: dashboard.pods }),
      scaledReplicaSet(deploymentOf(built), rsOf(built, 34), 1, 0, 17),
      ...pulledFresh(fresh, 'otel-agent', newInitImage, { atAgo: 16.8, bytes: 21877340, seconds: 2.118, init: true }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container otel-agent', firstAgo: 16.7, lastAgo: 16.7, fieldPath: 'spec.initContainers{otel-agent}' }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container otel-agent', firstAgo: 16.7, lastAgo: 16.7, fieldPath: 'spec.initContainers{otel-agent}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('5.2.0')}"`, firstAgo: 16.6, lastAgo: 16.6, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('5.2.0')}" in 7.731s (7.731s including waiting). Image size: 214553102 bytes.`, firstAgo: 16.5, lastAgo: 16.5, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('5.2.0'), { count: 9, firstAgo: 16.5, lastAgo: 1.85 }),
      backOff(fresh, 'app', { count: 74, firstAgo: 16.4, lastAgo: 0.2 }),
      scaledReplicaSet(deploymentOf(dashboard), rsOf(dashboard, 8), 2, 0, 3 * HOURS + 10),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashLog }),
      logsFor(fresh, 'otel-agent', { current: '' }),
      ...built.pods.slice(0, 4).map((p, k) => logsFor(p, 'app', { current: healthy(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/javaagent|agent library failed|JAVA_TOOL_OPTIONS|agent jar/i, /revision 34|5\.2\.0|init container|otel-agent/i],
      facts: [/JAVA_TOOL_OPTIONS|-javaagent/, /\/otel\/(opentelemetry-)?javaagent\.jar/, /roll(ing)? ?back|rollout undo|revision 33/i],
      never: [/\bOOM/, /ImagePull|image[^\n]*not found/i, /liveness/i],
    },
  };
}

// ---- 6. the product cache came back empty after a spot interruption: stampede on Postgres -------------

function cacheStampedeAfterRedisRestart(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.140', ['12', '77', '209']);
  const goneNode = eksNodeName('10.0.140.96');
  const cacheImage = 'docker.io/library/redis:7.2.5-alpine';
  const cache = deploymentApp({
    namespace: ns,
    name: 'product-cache',
    replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [{
      revision: 6,
      createdAgo: 52 * DAYS,
      template: {
        containers: [container({
          name: 'redis', image: cacheImage, command: ['redis-server'], args: ['--save', '', '--appendonly', 'no', '--maxmemory', '3gb', '--maxmemory-policy', 'allkeys-lru'],
          ports: [{ name: 'redis', containerPort: 6379 }], cpu: '500m', memory: '3584Mi',
          readiness: execProbe(['redis-cli', 'ping'], { periodSeconds: 5 }), liveness: tcpProbe('redis', { initialDelaySeconds: 10 }),
        })],
        tolerations: [{ key: 'karpenter.sh/capacity-type', operator: 'Equal', value: 'spot', effect: 'NoSchedule' }],
      },
    }],
    pods: [{ revision: 6, node: names[1] ?? '', createdAgo: 13.1 }],
  });
  const cachePod = podOf(cache, 0);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const pg = statefulSetApp({
    namespace: ns,
    name: 'storefront-pg',
    replicas: 1,
    serviceName: 'storefront-pg',
    revisions: [{
      revision: 5,
      createdAgo: 80 * DAYS,
      template: {
        containers: [container({
          name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '4', memory: '16Gi',
          args: ['-c', 'max_connections=200', '-c', 'statement_timeout=5s', '-c', 'log_min_duration_statement=1000'],
          readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { timeoutSeconds: 5 }),
          liveness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { initialDelaySeconds: 30, timeoutSeconds: 5, failureThreshold: 6 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }],
    pods: [{ revision: 5, ordinal: 0, node: names[0] ?? '', createdAgo: 33 * DAYS }],
  });
  const pgPod = podOf(pg, 0);
  const apiImage = `${ECR}/storefront/product-api:4.22.1`;
  const notReady = new Set([1, 3, 4]);
  const api = deploymentApp({
    namespace: ns,
    name: 'product-api',
    replicas: 6,
    revisions: [
      { revision: 87, createdAgo: 9 * DAYS, changeCause: 'argocd: product-api 4.22.0', template: { containers: [container({ image: `${ECR}/storefront/product-api:4.22.0` })] } },
      {
        revision: 88,
        createdAgo: 2 * DAYS + 75,
        changeCause: 'argocd: product-api 4.22.1',
        template: {
          containers: [container({
            image: apiImage, ports: [8080], cpu: '500m', memory: '512Mi',
            env: [
              { name: 'REDIS_ADDR', value: 'product-cache.storefront.svc.cluster.local:6379' },
              { name: 'CACHE_TTL', value: '30m' },
              { name: 'DATABASE_URL', value: 'postgres://storefront@storefront-pg.storefront.svc.cluster.local:5432/storefront?sslmode=disable&pool_max_conns=40' },
            ],
            readiness: httpProbe('/ready', 8080, { timeoutSeconds: 1 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
          })],
        },
      },
    ],
    pods: [0, 1, 2, 3, 4, 5].map((k) => ({
      revision: 88, node: names[k % 3] ?? '', createdAgo: 2 * DAYS + 74 - k,
      ...(notReady.has(k) ? { ready: false, containers: { app: running({ sinceAgo: 2 * DAYS + 74 - k, ready: false }) } } : {}),
    })),
    settled: { available: false, availableSince: 10.5, progressingSince: 2 * DAYS + 75, progressingUpdatedAgo: 2 * DAYS + 70 },
  });
  const recs = bystander(ns, 'storefront-recs', names, 35, { revisions: [30, 31], versions: ['0.19.2', '0.20.0'], olderAgo: 15 * DAYS });
  const cacheIp = '172.20.61.7';
  const pgIp = '172.20.33.140';
  const skus = ['SKU-88213-BLK', 'SKU-10452-M', 'SKU-77310', 'SKU-23018-XL', 'SKU-55402', 'SKU-90117-RED', 'SKU-31876', 'SKU-64025-S'];
  const apiLog = (p: k8s.V1Pod, k: number): string => {
    const ts = (t: number) => at(t);
    const out: string[] = [
      `{"level":"info","ts":"${ts(14.1 - k * 0.02)}","caller":"cache/stats.go:44","msg":"cache stats","window":"60s","hits":${18211 - k * 97},"misses":${402 + k * 11},"hit_ratio":0.978}`,
      `{"level":"warn","ts":"${ts(12.95 - k * 0.01)}","caller":"cache/redis.go:88","msg":"cache get failed, serving from database","err":"read tcp ${ipOfPod(p)}:${43100 + k}->${cacheIp}:6379: read: connection reset by peer"}`,
      `{"level":"warn","ts":"${ts(12.8 - k * 0.01)}","caller":"cache/redis.go:88","msg":"cache get failed, serving from database","err":"dial tcp ${cacheIp}:6379: connect: connection refused"}`,
      `{"level":"info","ts":"${ts(12.3 - k * 0.01)}","caller":"cache/redis.go:52","msg":"cache reconnected","addr":"product-cache.storefront.svc.cluster.local:6379"}`,
    ];
    const ratios = [0.004, 0.019, 0.037, 0.061, 0.088, 0.112, 0.131, 0.158, 0.177, 0.196, 0.214, 0.233];
    for (let i = 0; i < 12; i++) {
      const t = 12 - i - k * 0.03;
      const sku = skus[(i + k) % skus.length] ?? 'SKU-1';
      const ratio = ratios[i] ?? 0.2;
      out.push(`{"level":"info","ts":"${ts(t)}","caller":"cache/stats.go:44","msg":"cache stats","window":"60s","hits":${Math.round(17900 * ratio)},"misses":${Math.round(17900 * (1 - ratio))},"hit_ratio":${ratio}}`);
      out.push(`{"level":"error","ts":"${ts(t - 0.1)}","caller":"store/pg.go:141","msg":"get product failed","sku":"${sku}","err":"query product: ERROR: canceling statement due to statement timeout (SQLSTATE 57014)","duration_ms":${5003 + i}}`);
      if (i % 2 === 0) out.push(`{"level":"error","ts":"${ts(t - 0.2)}","caller":"store/pg.go:77","msg":"db acquire failed","err":"failed to connect to \`user=storefront database=storefront\`: ${pgIp}:5432 (storefront-pg.storefront.svc.cluster.local): server error: FATAL: sorry, too many clients already (SQLSTATE 53300)","pool_total":${12 + i * 2},"pool_max":40}`);
      out.push(`{"level":"info","ts":"${ts(t - 0.3)}","caller":"http/log.go:31","msg":"request","method":"GET","path":"/v3/products/${sku}","status":${i % 3 === 2 ? 200 : 504},"duration_ms":${i % 3 === 2 ? 2210 + i * 40 : 5004},"cache":"miss"}`);
    }
    return lines(...out);
  };
  const pgLog = (() => {
    const out: string[] = [
      `${pgTime(15.2)} [91] LOG:  checkpoint complete: wrote 1880 buffers (1.4%); 0 WAL file(s) added, 0 removed, 3 recycled; write=269.881 s, sync=0.011 s, total=269.934 s; sync files=77, longest=0.004 s, average=0.001 s; distance=44122 kB, estimate=51903 kB; lsn=A/3D11C0E8, redo lsn=A/3B9F1A40`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 12.4 - i;
      const pid = 88120 + i * 53;
      out.push(`${pgTime(t)} [${pid}] LOG:  duration: ${(3100 + i * 151.37).toFixed(3)} ms  execute stmtcache_${(i * 7919).toString(16)}: SELECT p.id, p.sku, p.title, p.description, v.id, v.size, v.colour, v.price_cents, s.on_hand FROM products p JOIN product_variants v ON v.product_id = p.id LEFT JOIN stock s ON s.variant_id = v.id WHERE p.sku = $1`);
      out.push(`${pgTime(t - 0.05)} [${pid + 7}] ERROR:  canceling statement due to statement timeout`);
      out.push(`${pgTime(t - 0.05)} [${pid + 7}] STATEMENT:  SELECT p.id, p.sku, p.title, p.description, v.id, v.size, v.colour, v.price_cents, s.on_hand FROM products p JOIN product_variants v ON v.product_id = p.id LEFT JOIN stock s ON s.variant_id = v.id WHERE p.sku = $1`);
      if (i % 2 === 0) out.push(`${pgTime(t - 0.1)} [${pid + 11}] FATAL:  sorry, too many clients already`);
    }
    return lines(...out);
  })();
  const cacheLog = lines(
    `1:C ${redisTime(12.4)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(12.4)} * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${redisTime(12.4)} * Configuration loaded`,
    `1:M ${redisTime(12.4)} * monotonic clock: POSIX clock_gettime`,
    `1:M ${redisTime(12.4)} * Running mode=standalone, port=6379.`,
    `1:M ${redisTime(12.4)} * Server initialized`,
    `1:M ${redisTime(12.4)} * Ready to accept connections tcp`,
  );
  const oldCachePod = `${rsOf(cache, 6)}-n4xqd`;
  return {
    id: 'heldout41-empty-cache-stampede-saturates-postgres',
    class: 'capacity',
    truth: 'The spot node running product-cache was interrupted 13 minutes ago (aws-node-termination-handler drained it); product-cache is a Redis with no persistence (--save "" --appendonly no), so it came back on another node 12.6 minutes ago empty. product-api\'s cache hit ratio fell from 0.98 to near 0, every request went to storefront-pg, whose 200 connections and CPU saturated: queries hit the 5 s statement_timeout, new connections get "sorry, too many clients already", product-api returns 504 and half its pods fail readiness. product-api is the victim; the cache warm-up (or request coalescing / rate-limiting misses, and a cache that survives restarts) is the fix, not a change to product-api.',
    ask: { service: 'product-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...cache.objects, ...pg.objects, ...recs.objects,
      ...boundClaim({ namespace: ns, name: 'data-storefront-pg-0', storage: '500Gi', zone: 'eu-west-1a', createdAgo: 80 * DAYS }),
      ...exposed({ namespace: ns, name: 'product-api', selector: { app: 'product-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'product-cache', clusterIP: cacheIp, selector: { app: 'product-cache' }, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], pods: cache.pods, endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'storefront-pg', clusterIP: pgIp, selector: { app: 'storefront-pg' }, ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }], pods: pg.pods, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'storefront-recs', selector: { app: 'storefront-recs' }, pods: recs.pods }),
      nodeEvent(goneNode, 'SpotInterruption', 'Spot Interruption notice for instance i-0f3a9c71d2b84e605 was sent at 2026-11-21 03:00:31 +0000 UTC', { type: 'Warning', firstAgo: 13.5, component: 'aws-node-termination-handler' }),
      nodeEvent(goneNode, 'NodeNotSchedulable', `Node ${goneNode} status is now: NodeNotSchedulable`, { firstAgo: 13.4 }),
      nodeEvent(goneNode, 'CordonAndDrain', 'Node successfully cordoned and drained', { firstAgo: 12.9, component: 'aws-node-termination-handler' }),
      nodeEvent(goneNode, 'RemovingNode', `Node ${goneNode} event: Removing Node ${goneNode} from Controller`, { firstAgo: 11.2, component: 'node-controller' }),
      event({ on: { kind: 'Pod', name: oldCachePod, namespace: ns }, type: 'Normal', reason: 'Killing', message: 'Stopping container redis', firstAgo: 13.2, lastAgo: 13.2, fieldPath: 'spec.containers{redis}' }),
      event({ on: replicaSetOfName(cache, 6), type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(cachePod)}`, firstAgo: 13.1, lastAgo: 13.1, component: 'replicaset-controller' }),
      ...pulledFresh(cachePod, 'redis', cacheImage, { atAgo: 12.6, bytes: 17211093, seconds: 1.904 }),
      event({ on: cachePod, type: 'Normal', reason: 'Started', message: 'Started container redis', firstAgo: 12.45, lastAgo: 12.45, fieldPath: 'spec.containers{redis}' }),
      ...api.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: notReady.has(k) ? 58 : 17, firstAgo: 11.8 - k * 0.1, lastAgo: notReady.has(k) ? 0.1 : 2.4 })),
      scaledReplicaSet(deploymentOf(recs), rsOf(recs, 31), 2, 0, 35),
      scaledReplicaSet(deploymentOf(recs), rsOf(recs, 30), 0, 2, 34),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
      logsFor(cachePod, 'redis', { current: cacheLog }),
      logsFor(pgPod, 'postgres', { current: pgLog }),
      ...recs.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(1)}","msg":"recommendations served","count":1280,"p95_ms":41}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/(cache|redis)[^\n]*(restart|recreat|empt|cold|lost|resched|evict|spot|interrupt|flush)|(cold|empty|flushed)[^\n]*(cache|redis)|stampede|thundering herd|cache miss/i],
      facts: [/product-cache/, /storefront-pg|postgres/i, /too many clients|statement timeout|57014|53300/i, /hit[ _]ratio|miss(es)?\b|no persistence|appendonly no|--save/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /product-api[^\n]*(bug|regression|memory leak)/i, /storefront-recs[^\n]*(caus|broke|introduc)/i],
    },
  };
}

// ---- 7. healthy: an nginx docs site that reloaded gracefully after a ConfigMap edit --------------------

function healthyNginxGracefulReload(): CorpusScenario {
  const ns = 'web';
  const { nodes, names } = threeEksNodes('10.0.18', ['33', '150', '201']);
  const nginxImage = 'docker.io/library/nginx:1.27.2-alpine';
  const reloader = batchContainer({
    name: 'config-reloader', image: nginxImage, cpu: '10m', memory: '32Mi',
    command: ['/bin/sh', '-c', 'last=$(cat /etc/nginx/conf.d/*.conf | md5sum); while sleep 15; do now=$(cat /etc/nginx/conf.d/*.conf | md5sum); if [ "$now" != "$last" ]; then echo "$(date -u +%FT%TZ) config changed, testing"; nginx -t && nginx -s reload && echo "$(date -u +%FT%TZ) reload signal sent"; last=$now; fi; done'],
    volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'docs-site',
    replicas: 3,
    revisions: [
      {
        revision: 12,
        createdAgo: 20 * DAYS,
        changeCause: 'argocd: docs-site 2026.11.1',
        template: {
          containers: [
            container({
              name: 'nginx', image: nginxImage, ports: [8080], cpu: '100m', memory: '128Mi',
              readiness: httpProbe('/healthz', 8080, { periodSeconds: 5 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }),
              volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true }, { name: 'site', mountPath: '/usr/share/nginx/html', readOnly: true }],
            }),
            reloader,
          ],
          initContainers: [batchContainer({ name: 'fetch-site', image: `${ECR}/web/docs-site-content:2026.11.1`, cpu: '100m', memory: '64Mi', command: ['cp', '-r', '/site/.', '/usr/share/nginx/html/'], volumeMounts: [{ name: 'site', mountPath: '/usr/share/nginx/html' }] })],
          volumes: [{ name: 'conf', configMap: { name: 'docs-site-nginx', defaultMode: 420 } }, { name: 'site', emptyDir: {} }],
        },
      },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 20 * DAYS - k })),
  });
  // The reloader signals the nginx master in the other container: the pod shares one process namespace.
  for (const o of app.objects) {
    const spec = o.kind === 'Pod' ? (o as k8s.V1Pod).spec : (o as k8s.V1Deployment).spec?.template.spec;
    if (spec) spec.shareProcessNamespace = true;
  }
  const conf = [
    'server {',
    '    listen 8080;',
    '    server_name docs.acme.io;',
    '    root /usr/share/nginx/html;',
    '    location = /healthz { access_log off; return 200 "ok\\n"; }',
    '    location / { try_files $uri $uri/ $uri.html =404; }',
    '    location /assets/ { expires 30d; add_header Cache-Control "public, immutable"; }',
    '    # campaign 2026-11: short links from the newsletter',
    '    location = /k8s-guide { return 301 /guides/kubernetes/getting-started; }',
    '    location = /webinar { return 301 /events/2026-12-webinar; }',
    '}',
  ].join('\n') + '\n';
  const reloadAt = (k: number) => 6.9 - k * 0.15;
  const nginxLog = (p: k8s.V1Pod, k: number): string => {
    const r = reloadAt(k);
    const worker = 29 + k;
    const client = ['10.0.18.4', '10.0.18.77', '10.0.18.150'][k] ?? '10.0.18.4';
    const access = (t: number, path: string, status: number, bytes: number) => `${client} - - [${clfTime(t)}] "GET ${path} HTTP/1.1" ${status} ${bytes} "-" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15" "203.0.113.${40 + k}"`;
    return lines(
      access(9.5, '/guides/kubernetes/getting-started', 200, 18422),
      access(8.8, '/assets/app.4f1c2e.css', 304, 0),
      access(7.6, '/api-reference/v2/orders', 200, 40213),
      `${ngxTime(r)} [notice] 1#1: signal 1 (SIGHUP) received from ${64 + k}, reconfiguring`,
      `${ngxTime(r)} [notice] 1#1: reconfiguring`,
      `${ngxTime(r)} [notice] 1#1: using the "epoll" event method`,
      `${ngxTime(r)} [notice] 1#1: start worker processes`,
      `${ngxTime(r)} [notice] 1#1: start worker process ${71 + k}`,
      `${ngxTime(r)} [notice] 1#1: start worker process ${72 + k}`,
      `${ngxTime(r)} [notice] ${worker}#${worker}: gracefully shutting down`,
      `${ngxTime(r)} [notice] ${worker + 1}#${worker + 1}: gracefully shutting down`,
      `${ngxTime(r - 0.02)} [notice] ${worker}#${worker}: exiting`,
      `${ngxTime(r - 0.02)} [notice] ${worker}#${worker}: exit`,
      `${ngxTime(r - 0.02)} [notice] ${worker + 1}#${worker + 1}: exiting`,
      `${ngxTime(r - 0.02)} [notice] ${worker + 1}#${worker + 1}: exit`,
      `${ngxTime(r - 0.02)} [notice] 1#1: signal 17 (SIGCHLD) received from ${worker}`,
      `${ngxTime(r - 0.02)} [notice] 1#1: worker process ${worker} exited with code 0`,
      `${ngxTime(r - 0.02)} [notice] 1#1: worker process ${worker + 1} exited with code 0`,
      `${ngxTime(r - 0.02)} [notice] 1#1: signal 29 (SIGIO) received`,
      access(5.1, '/k8s-guide', 301, 169),
      access(5.09, '/guides/kubernetes/getting-started', 200, 18422),
      access(3.2, '/webinar', 301, 169),
      access(3.19, '/events/2026-12-webinar', 200, 9321),
      access(1.4, '/api-reference/v2/payments', 200, 38877),
      access(0.6, '/favicon.ico', 200, 15086),
    );
  };
  const reloaderLog = (k: number): string => {
    const r = reloadAt(k);
    return lines(
      `${at(r + 0.01).slice(0, 19)}Z config changed, testing`,
      'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok',
      'nginx: configuration file /etc/nginx/nginx.conf test is successful',
      `${ngxTime(r)} [notice] ${64 + k}#${64 + k}: signal process started`,
      `${at(r).slice(0, 19)}Z reload signal sent`,
    );
  };
  const other = bystander(ns, 'marketing-site', names, 4 * HOURS, { revisions: [40, 41], versions: ['2026.11.19', '2026.11.20'], olderAgo: 2 * DAYS });
  return {
    id: 'heldout41-healthy-nginx-graceful-reload-after-configmap-edit',
    class: 'healthy',
    truth: 'Eight minutes ago someone added two newsletter short-link redirects to the docs-site-nginx ConfigMap with kubectl edit. About a minute later the kubelet refreshed the mounted file, each pod\'s config-reloader sidecar ran `nginx -t` (successful) and `nginx -s reload`, and nginx reconfigured gracefully: old workers "gracefully shutting down … exited with code 0" is the normal reload sequence. All three pods are running and ready with no restarts, and requests (including the new 301 redirects) are served. Nothing is wrong.',
    ask: { service: 'docs-site', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'docs-site', selector: { app: 'docs-site' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'marketing-site', selector: { app: 'marketing-site' }, pods: other.pods }),
      configMap({ namespace: ns, name: 'docs-site-nginx', createdAgo: 160 * DAYS, updatedAgo: 8, data: { 'default.conf': conf } }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'nginx', { current: nginxLog(p, k) })),
      ...app.pods.map((p, k) => logsFor(p, 'config-reloader', { current: reloaderLog(k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`10.0.18.4 - - [${clfTime(1)}] "GET / HTTP/1.1" 200 22011 "-" "Mozilla/5.0"`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?|failures?)|(all|every)\b[^\n]*(ready|running|serving)|nothing (wrong|to fix)|\bOK\b/i],
      facts: [/docs-site/, /ready|running|serving/i],
      never: [ADVISES_ROLLBACK, /\bcrash/i, /reload[^\n]*(fail|broke|caus)/i, /docs-site-nginx[^\n]*(broke|caus|revert|invalid)/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  restoreResetSequence(),
  pgHbaMissesNewNodeGroup(),
  luaSweepBlocksRedis(),
  kafkaProducersFenceAfterScale(),
  javaagentJarMissingAfterInitChange(),
  cacheStampedeAfterRedisRestart(),
  healthyNginxGracefulReload(),
];
