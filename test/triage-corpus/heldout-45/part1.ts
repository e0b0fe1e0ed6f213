// Held-out stories, forty-fifth round, part one: a 3-node MariaDB Galera StatefulSet whose pods a
// node-group upgrade restarted all at once, so none may bootstrap (grastate.dat
// safe_to_bootstrap: 0, gcomm cannot reach a primary view) and the ledger API gets "WSREP has not
// yet prepared node for application use"; a Patroni (spilo) cluster whose primary demoted itself
// when the API began answering 403 on patching its leader Endpoints after an RBAC change, leaving
// only replicas and failing writes with "cannot execute INSERT in a read-only transaction"; a
// Kafka consumer whose new revision set group.instance.id from a fixed env var, so the three
// replicas fence each other (FencedInstanceIdException); a Redis 7 ACL file (ConfigMap) edited an
// hour ago without +@scripting, so the rate limiter's EVALSHA gets NOPERM; S3 uploads failing
// with KMS.DisabledException because the bucket's KMS key was disabled outside the cluster; an
// image rebuilt with zstd layers that nodes of the old node group (containerd 1.4) cannot unpack;
// and a healthy control: a Postgres-backed service with autovacuum and checkpoint-frequency
// lines in the database's log and one liveness probe failure 50 minutes ago.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, configMap, container, crashLoop, deploymentApp, event, execProbe, exposed, httpProbe,
  nameOf, node, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, endpointSliceFor,
  statefulSetApp, tcpProbe, waiting, ago, boundClaim, nodeEvent, pulledFresh, uidOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, startedAt, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** MariaDB's error-log time: `2026-11-21  3:12:41`. */
const mariaTime = (m: number): string => { const s = at(m); return `${s.slice(0, 10)} ${String(Number(s.slice(11, 13))).padStart(2, ' ')}:${s.slice(14, 19)}`; };
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (m: number): string => at(m).replace('T', ' ').replace('Z', ' UTC');
/** Logback's default: `2026-11-21 03:12:41.563`. */
const lbTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '');

// ---- 1. Galera: every node restarted at once, none safe to bootstrap --------------------------------

function galeraNoSafeBootstrap(): CorpusScenario {
  const ns = 'ledger';
  // The node group was replaced 40 minutes ago: three fresh nodes.
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '221']);
  for (const n of nodes) { n.metadata = { ...n.metadata, creationTimestamp: ago(44), labels: { ...n.metadata?.labels, 'eks.amazonaws.com/nodegroup': 'stateful-v2', 'eks.amazonaws.com/nodegroup-image': 'ami-0c3f2a91d7e5b8804' } }; }
  const dbImage = 'docker.io/bitnami/mariadb-galera:11.4.4-debian-12-r2';
  const dbTpl = {
    containers: [container({
      name: 'mariadb-galera', image: dbImage, command: ['bash', '-ec', 'exec /opt/bitnami/scripts/mariadb-galera/entrypoint.sh /opt/bitnami/scripts/mariadb-galera/run.sh'],
      ports: [{ name: 'mysql', containerPort: 3306 }, { name: 'galera', containerPort: 4567 }, { name: 'ist', containerPort: 4568 }, { name: 'sst', containerPort: 4444 }],
      cpu: '1', memory: '4Gi',
      env: [
        { name: 'MARIADB_GALERA_CLUSTER_NAME', value: 'ledger' },
        { name: 'MARIADB_GALERA_CLUSTER_ADDRESS', value: 'gcomm://ledger-galera-headless.ledger.svc.cluster.local' },
        { name: 'MARIADB_GALERA_CLUSTER_BOOTSTRAP', value: 'no' },
        { name: 'MARIADB_GALERA_FORCE_SAFETOBOOTSTRAP', value: 'no' },
      ],
      readiness: execProbe(['bash', '-ec', 'exec mysqladmin status -uroot -p"${MARIADB_ROOT_PASSWORD}"'], { initialDelaySeconds: 30, periodSeconds: 10 }),
      liveness: execProbe(['bash', '-ec', 'exec mysqladmin status -uroot -p"${MARIADB_ROOT_PASSWORD}"'], { initialDelaySeconds: 120, periodSeconds: 10 }),
      volumeMounts: [{ name: 'data', mountPath: '/bitnami/mariadb' }],
    })],
  };
  const crashAt = [1.8, 0.9, 2.6];
  const db = statefulSetApp({
    namespace: ns, name: 'ledger-galera', replicas: 3, serviceName: 'ledger-galera-headless', podManagementPolicy: 'Parallel', createdAgo: 220 * DAYS,
    revisions: [{ revision: 4, createdAgo: 63 * DAYS, template: dbTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((i) => ({
      revision: 4, ordinal: i, node: names[i] ?? '', createdAgo: 39 - i * 0.3,
      containers: { 'mariadb-galera': crashLoop({ exitCode: 1, finishedAgo: crashAt[i] ?? 1, ranSeconds: 34 }, 10 + i) },
    })),
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-ledger-galera-${i}`, storage: '100Gi', zone: `eu-west-1${'abc'[i]}`, createdAgo: 220 * DAYS, storageClass: 'gp3' }));
  const apiImage = (v: string) => `${ECR}/ledger/ledger-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [8080], memory: '1Gi', env: [{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:mariadb://ledger-galera.ledger.svc.cluster.local:3306/ledger' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] });
  const api = deploymentApp({
    namespace: ns, name: 'ledger-api', replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: ledger-api 3.22.0', template: apiTpl('3.22.0') },
      { revision: 58, createdAgo: 2 * DAYS + 5 * HOURS, changeCause: 'argocd: ledger-api 3.22.1', template: apiTpl('3.22.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 38.5 - k * 0.2, ready: false, containers: { app: running({ sinceAgo: 38 - k * 0.2, ready: false }) } })),
    settled: { available: false, availableSince: 38, progressingSince: 2 * DAYS + 5 * HOURS, progressingUpdatedAgo: 2 * DAYS + 5 * HOURS - 3 },
  });
  const other = bystander(ns, 'ledger-statements', names, 3 * HOURS, { revisions: [12, 13], versions: ['1.6.2', '1.7.0'], olderAgo: 20 * DAYS });
  const dbLog = (i: number, end: number) => {
    const t0 = end + 34 / 60;
    const host = `ledger-galera-${i}`;
    const out = [
      `mariadb ${ago(t0).toISOString().slice(11, 19)}.12 INFO  ==> ** Starting MariaDB setup **`,
      `mariadb ${ago(t0).toISOString().slice(11, 19)}.19 INFO  ==> Validating settings in MYSQL_*/MARIADB_* env vars`,
      `mariadb ${ago(t0).toISOString().slice(11, 19)}.31 INFO  ==> Initializing mariadb database`,
      `mariadb ${ago(t0).toISOString().slice(11, 19)}.33 INFO  ==> Updating 'my.cnf' with custom configuration`,
      `mariadb ${ago(t0).toISOString().slice(11, 19)}.47 INFO  ==> Persisted data detected. Restoring`,
      `mariadb ${ago(t0).toISOString().slice(11, 19)}.52 INFO  ==> ** MariaDB setup finished! **`,
      `mariadb ${ago(t0).toISOString().slice(11, 19)}.60 INFO  ==> ** Starting MariaDB **`,
      `${mariaTime(t0 - 0.01)} 0 [Note] Starting MariaDB 11.4.4-MariaDB-log source revision 0e7bd0b8c8b0a6f6f4e2b0a3f7b1f3e0d8c9a1b2 server_uid 3kq8Vn2Qz0bX9aRtYfHcLmPw1sE= as process 1`,
      `${mariaTime(t0 - 0.01)} 0 [Note] WSREP: Loading provider /opt/bitnami/mariadb/lib/libgalera_smm.so initial position: 4c7a9e12-6f3b-11ef-9a1d-2b7c5e8f1a04:18829341`,
      `${mariaTime(t0 - 0.01)} 0 [Note] WSREP: wsrep_load(): Galera 26.4.20(r7d5a6b4) by Codership Oy <info@codership.com> loaded successfully.`,
      `${mariaTime(t0 - 0.01)} 0 [Note] WSREP: Found saved state: 4c7a9e12-6f3b-11ef-9a1d-2b7c5e8f1a04:-1, safe_to_bootstrap: 0`,
      `${mariaTime(t0 - 0.02)} 0 [Note] WSREP: GCache DEBUG: opened preamble:\nVersion: 2\nUUID: 4c7a9e12-6f3b-11ef-9a1d-2b7c5e8f1a04\nSeqno: 18801122 - ${18829341 - i * 7}\nOffset: 1280\nSynced: 0`,
      `${mariaTime(t0 - 0.02)} 0 [Note] WSREP: Start replication`,
      `${mariaTime(t0 - 0.02)} 0 [Note] WSREP: Connecting with bootstrap option: ${i === 0 ? 1 : 0}`,
    ];
    if (i === 0) {
      out.push(
        `${mariaTime(t0 - 0.02)} 0 [ERROR] WSREP: It may not be safe to bootstrap the cluster from this node. It was not the last one to leave the cluster and may not contain all the updates. To force cluster bootstrap with this node, edit the grastate.dat file manually and set safe_to_bootstrap to 1 .`,
        `${mariaTime(t0 - 0.02)} 0 [ERROR] WSREP: wsrep::connect(gcomm://) failed: 7`,
      );
    } else {
      out.push(
        `${mariaTime(t0 - 0.03)} 0 [Note] WSREP: (8d1f${i}a2c-b0e4, 'tcp://0.0.0.0:4567') connection established to 9a${i}e4f71-8c22 tcp://10.0.${40 + i}.${17 + i * 9}:4567`,
        `${mariaTime(t0 - 0.3)} 0 [Warning] WSREP: no nodes coming from prim view, prim not possible`,
        `${mariaTime(end + 0.01)} 0 [ERROR] WSREP: failed to open gcomm backend connection: 110: failed to reach primary view (pc.wait_prim_timeout): 110 (Connection timed out)`,
        `${mariaTime(end + 0.01)} 0 [ERROR] WSREP: gcs/src/gcs_core.cpp:gcs_core_open():221: Failed to open backend connection: -110 (Connection timed out)`,
        `${mariaTime(end + 0.01)} 0 [ERROR] WSREP: gcs/src/gcs.cpp:gcs_open():1687: Failed to open channel 'ledger' at 'gcomm://ledger-galera-headless.ledger.svc.cluster.local': -110 (Connection timed out)`,
        `${mariaTime(end + 0.01)} 0 [ERROR] WSREP: gcs connect failed: Connection timed out`,
        `${mariaTime(end + 0.01)} 0 [ERROR] WSREP: wsrep::connect(gcomm://ledger-galera-headless.ledger.svc.cluster.local) failed: 7`,
      );
    }
    out.push(`${mariaTime(end)} 0 [ERROR] Aborting`);
    return lines(...out);
  };
  const apiLog = (k: number) => lines(
    `${lbTime(37.6 - k * 0.2)}  INFO 1 --- [ledger-api] [           main] c.a.ledger.LedgerApiApplication          : Started LedgerApiApplication in 21.904 seconds (process running for 23.118)`,
    ...[0, 1, 2, 3].flatMap((j) => [
      `${lbTime(12 - j * 3 - k * 0.1)}  WARN 1 --- [ledger-api] [nio-8080-exec-${j + 2}] o.h.engine.jdbc.spi.SqlExceptionHelper   : SQL Error: 1047, SQLState: 08S01`,
      `${lbTime(12 - j * 3 - k * 0.1)} ERROR 1 --- [ledger-api] [nio-8080-exec-${j + 2}] o.h.engine.jdbc.spi.SqlExceptionHelper   : (conn=${40112 + j}) WSREP has not yet prepared node for application use`,
      `${lbTime(11.9 - j * 3 - k * 0.1)}  WARN 1 --- [ledger-api] [onnection adder] com.zaxxer.hikari.pool.PoolBase          : HikariPool-1 - Pool is empty, failed to create/setup connection (java.sql.SQLNonTransientConnectionException: Socket fail to connect to address=(host=ledger-galera.ledger.svc.cluster.local)(port=3306)(type=primary). Connection refused)`,
    ]),
    `${lbTime(0.6 - k * 0.1)}  WARN 1 --- [ledger-api] [nio-8080-exec-9] o.s.b.a.jdbc.DataSourceHealthIndicator   : DataSource health check failed`,
  );
  const dbPods = db.pods;
  return {
    id: 'heldout45-galera-all-nodes-restarted-no-safe-bootstrap',
    class: 'containers',
    truth: 'The stateful node group was replaced (AMI upgrade) 40 minutes ago and all three ledger-galera pods were evicted and restarted at once, so Galera lost its quorum without a graceful shutdown: every node\'s grastate.dat says safe_to_bootstrap: 0, ledger-galera-0 refuses to bootstrap ("It may not be safe to bootstrap the cluster from this node") and the other two cannot reach a primary view over gcomm, so all three crash-loop. ledger-api (not changed for two days) gets "WSREP has not yet prepared node for application use" and then connection refused, and is unready. Fix: find the node with the highest seqno, set safe_to_bootstrap: 1 (or MARIADB_GALERA_FORCE_SAFETOBOOTSTRAP) there and bootstrap from it.',
    ask: { service: 'ledger-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...claims, ...api.objects, ...other.objects,
      service({ namespace: ns, name: 'ledger-galera-headless', selector: { app: 'ledger-galera' }, headless: true, ports: [{ name: 'galera', port: 4567, targetPort: 4567 }, { name: 'ist', port: 4568, targetPort: 4568 }, { name: 'sst', port: 4444, targetPort: 4444 }] }),
      ...exposed({ namespace: ns, name: 'ledger-galera', selector: { app: 'ledger-galera' }, pods: dbPods, ports: [{ name: 'mysql', port: 3306, targetPort: 'mysql' }], endpointPort: 3306 }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'ledger-statements', selector: { app: 'ledger-statements' }, pods: other.pods }),
      ...names.map((n) => nodeEvent(n, 'RegisteredNode', `Node ${n} event: Registered Node ${n} in Controller`, { firstAgo: 43, component: 'node-controller' })),
      ...dbPods.flatMap((p, i) => [
        scheduled(p, 39 - i * 0.3),
        ...restartedAgain(p, 'mariadb-galera', dbImage, { count: 11 + i, firstAgo: 38.5 - i * 0.3, lastAgo: (crashAt[i] ?? 1) + 0.6 }),
        backOff(p, 'mariadb-galera', { count: 140 + i * 9, firstAgo: 36 - i * 0.3, lastAgo: 0.3 }),
        probeFailed(p, 'mariadb-galera', 'Readiness', `mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local server through socket '/opt/bitnami/mariadb/tmp/mysql.sock' (2)'\nCheck that mariadbd is running and that the socket: '/opt/bitnami/mariadb/tmp/mysql.sock' exists!`, { count: 31 + i, firstAgo: 38, lastAgo: 2.2 }),
      ]),
      ...api.pods.flatMap((p, k) => [
        ...startedAt(p, 'app', apiImage('3.22.1'), 38.5 - k * 0.2),
        probeFailed(p, 'app', 'Readiness', `HTTP probe failed with statuscode: 503`, { count: 220 + k, firstAgo: 37.4, lastAgo: 0.1 }),
      ]),
      event({ on: podOf(other, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(other, 0).status?.podIP}:8080/healthz": dial tcp ${podOf(other, 0).status?.podIP}:8080: connect: connection refused`, count: 2, firstAgo: 3 * HOURS - 0.2, lastAgo: 3 * HOURS - 0.3, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...dbPods.map((p, i) => logsFor(p, 'mariadb-galera', { previous: dbLog(i, crashAt[i] ?? 1), current: '' })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/galera|wsrep/i, /safe.to.bootstrap|bootstrap|primary view|quorum|grastate/i],
      facts: [/grastate|safe_to_bootstrap/i, /WSREP has not yet prepared|1047/i, /gcomm|primary view|pc\.wait_prim_timeout/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /ledger-statements/, /liveness/i],
    },
  };
}

// ---- 2. Patroni demoted itself: 403 on its leader Endpoints --------------------------------------

function patroniLeaderLockForbidden(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.128', ['23', '164', '88']);
  const spilo = 'ghcr.io/zalando/spilo-16:3.3-p2';
  const dbTpl = {
    serviceAccountName: 'orders-db',
    containers: [container({
      name: 'postgres', image: spilo, ports: [{ name: 'postgresql', containerPort: 5432 }, { name: 'patroni', containerPort: 8008 }], cpu: '1', memory: '4Gi',
      env: [{ name: 'SCOPE', value: 'orders-db' }, { name: 'DCS_ENABLE_KUBERNETES_API', value: 'true' }, { name: 'KUBERNETES_USE_CONFIGMAPS', value: 'false' }, { name: 'KUBERNETES_LABELS', value: '{"application":"spilo"}' }, { name: 'PGVERSION', value: '16' }],
      readiness: httpProbe('/readiness', 8008, { periodSeconds: 10 }), liveness: null,
      volumeMounts: [{ name: 'pgdata', mountPath: '/home/postgres/pgdata' }],
    })],
  };
  const db = statefulSetApp({
    namespace: ns, name: 'orders-db', replicas: 3, serviceName: 'orders-db', createdAgo: 300 * DAYS,
    revisions: [{ revision: 9, createdAgo: 34 * DAYS, template: dbTpl }],
    volumeClaimTemplates: [{ name: 'pgdata', storage: '200Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 9, ordinal: 0, node: names[0] ?? '', createdAgo: 18 * DAYS },
      { revision: 9, ordinal: 1, node: names[1] ?? '', createdAgo: 18 * DAYS },
      { revision: 9, ordinal: 2, node: names[2] ?? '', createdAgo: 3 * DAYS + 2 * HOURS, containers: { postgres: running({ sinceAgo: 3 * DAYS + 2 * HOURS - 2, last: { exitCode: 137, reason: 'Error', finishedAgo: 3 * DAYS + 2 * HOURS - 2, ranSeconds: 40 } }) } },
    ],
  });
  for (const p of db.pods) p.metadata = { ...p.metadata, labels: { ...p.metadata?.labels, application: 'spilo', 'cluster-name': 'orders-db', 'spilo-role': 'replica' } };
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `pgdata-orders-db-${i}`, storage: '200Gi', zone: `eu-west-1${'abc'[i]}`, createdAgo: 300 * DAYS, storageClass: 'gp3' }));
  const ip0 = db.pods[0]?.status?.podIP ?? '10.0.0.1';
  // Patroni's own objects: the leader Endpoints (no selector), its lock annotations stale since it demoted.
  const leaderSvc: KubeJson = { ...service({ namespace: ns, name: 'orders-db', selector: {}, ports: [{ name: 'postgresql', port: 5432, targetPort: 5432 }] }) };
  delete (leaderSvc as k8s.V1Service).spec?.selector;
  (leaderSvc.metadata as k8s.V1ObjectMeta).labels = { application: 'spilo', 'cluster-name': 'orders-db', 'spilo-role': 'master' };
  const leaderEp: k8s.V1Endpoints = {
    apiVersion: 'v1', kind: 'Endpoints',
    metadata: {
      name: 'orders-db', namespace: ns, uid: uidOf(`endpoints/${ns}/orders-db`), creationTimestamp: ago(300 * DAYS),
      labels: { application: 'spilo', 'cluster-name': 'orders-db' },
      annotations: { leader: 'orders-db-0', acquireTime: ago(18 * DAYS).toISOString(), renewTime: ago(27.2).toISOString(), ttl: '30', optime: '412803915776', transitions: '6' },
    },
    subsets: [{ addresses: [{ ip: ip0, nodeName: names[0] ?? '', targetRef: { kind: 'Pod', name: 'orders-db-0', namespace: ns } }], ports: [{ name: 'postgresql', port: 5432, protocol: 'TCP' }] }],
  };
  const replicaSvc = exposed({ namespace: ns, name: 'orders-db-repl', selector: { application: 'spilo', 'cluster-name': 'orders-db', 'spilo-role': 'replica' }, pods: db.pods, ports: [{ name: 'postgresql', port: 5432, targetPort: 5432 }], endpointPort: 5432 });
  const apiImage = (v: string) => `${ECR}/orders/orders-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [8080], env: [{ name: 'DATABASE_URL', value: 'postgres://orders_app@orders-db.orders.svc.cluster.local:5432/orders?sslmode=require' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })] });
  const api = deploymentApp({
    namespace: ns, name: 'orders-api', replicas: 3,
    revisions: [
      { revision: 88, createdAgo: 11 * DAYS, changeCause: 'argocd: orders-api 5.3.0', template: apiTpl('5.3.0') },
      { revision: 89, createdAgo: 4 * DAYS, changeCause: 'argocd: orders-api 5.3.1', template: apiTpl('5.3.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 89, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const other = bystander(ns, 'orders-notifier', names, 55, { revisions: [30, 31], versions: ['2.0.4', '2.1.0'], olderAgo: 12 * DAYS });
  const forbidden = (verb: string) => `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"endpoints \\"orders-db\\" is forbidden: User \\"system:serviceaccount:orders:orders-db\\" cannot ${verb} resource \\"endpoints\\" in API group \\"\\" in the namespace \\"orders\\"","reason":"Forbidden","details":{"name":"orders-db","kind":"endpoints"},"code":403}`;
  const patroni0 = lines(
    `${pyTime(29)} INFO: no action. I am (orders-db-0), the leader with the lock`,
    `${pyTime(28.8)} WARNING: Request failed to PATCH https://172.20.0.1:443/api/v1/namespaces/orders/endpoints/orders-db: 403 Forbidden ${forbidden('patch')}`,
    `${pyTime(28.8)} ERROR: failed to update leader lock`,
    `${pyTime(28.6)} WARNING: Request failed to PATCH https://172.20.0.1:443/api/v1/namespaces/orders/endpoints/orders-db: 403 Forbidden ${forbidden('patch')}`,
    `${pyTime(28.6)} ERROR: failed to update leader lock`,
    `${pyTime(28.5)} INFO: demoting self because failed to update leader lock in DCS`,
    `${pyTime(28.5)} WARNING: Loop time exceeded, rescheduling immediately.`,
    `${pgTime(28.49)} [412] LOG:  received fast shutdown request`,
    `${pgTime(28.48)} [412] LOG:  aborting any active transactions`,
    `${pgTime(28.48)} [2311] FATAL:  terminating connection due to administrator command`,
    `${pgTime(28.3)} [412] LOG:  database system is shut down`,
    `${pyTime(28.2)} INFO: Lock owner: orders-db-0; I am orders-db-0`,
    `${pyTime(28.1)} INFO: starting after demotion in progress`,
    `${pgTime(28.0)} [9120] LOG:  database system is ready to accept read-only connections`,
    `${pyTime(26.9)} INFO: Lock owner: None; I am orders-db-0`,
    `${pyTime(26.9)} WARNING: Request failed to PATCH https://172.20.0.1:443/api/v1/namespaces/orders/endpoints/orders-db: 403 Forbidden ${forbidden('patch')}`,
    `${pyTime(26.9)} INFO: Could not take out TTL lock`,
    ...[20, 12, 4, 0.5].flatMap((t) => [
      `${pyTime(t)} INFO: Lock owner: None; I am orders-db-0`,
      `${pyTime(t)} WARNING: Request failed to PATCH https://172.20.0.1:443/api/v1/namespaces/orders/endpoints/orders-db: 403 Forbidden ${forbidden('patch')}`,
      `${pyTime(t)} INFO: Could not take out TTL lock`,
      `${pyTime(t)} INFO: following a different leader because i am not the healthiest node`,
    ]),
  );
  const patroniReplica = (name: string) => lines(
    `${pyTime(29.2)} INFO: no action. I am (${name}), a secondary, and following a leader (orders-db-0)`,
    `${pyTime(26.8)} INFO: Got response from orders-db-0 http://${ip0}:8008/patroni: {"state": "running", "role": "replica", "server_version": 160004, "xlog": {"received_location": 412803915776, "replayed_location": 412803915776, "paused": false}}`,
    `${pyTime(26.8)} WARNING: Request failed to PATCH https://172.20.0.1:443/api/v1/namespaces/orders/endpoints/orders-db: 403 Forbidden ${forbidden('patch')}`,
    `${pyTime(26.8)} INFO: Could not take out TTL lock`,
    `${pyTime(26.7)} INFO: following a different leader because i am not the healthiest node`,
    ...[18, 9, 1].flatMap((t) => [
      `${pyTime(t)} INFO: Lock owner: None; I am ${name}`,
      `${pyTime(t)} WARNING: Request failed to PATCH https://172.20.0.1:443/api/v1/namespaces/orders/endpoints/orders-db: 403 Forbidden ${forbidden('patch')}`,
      `${pyTime(t)} INFO: Could not take out TTL lock`,
    ]),
  );
  const apiLog = (k: number) => lines(
    ...[24, 17, 9, 3, 0.4].flatMap((t, j) => [
      `{"level":"error","ts":"${at(t - k * 0.05)}","caller":"store/orders.go:211","msg":"create order failed","order_ref":"ORD-${7731200 + j * 37 + k}","error":"ERROR: cannot execute INSERT in a read-only transaction (SQLSTATE 25006)"}`,
      `{"level":"info","ts":"${at(t - k * 0.05 - 0.01)}","caller":"http/middleware.go:58","msg":"request","method":"POST","path":"/v1/orders","status":500,"duration_ms":${9 + j}}`,
      `{"level":"info","ts":"${at(t - k * 0.05 - 0.02)}","caller":"http/middleware.go:58","msg":"request","method":"GET","path":"/v1/orders/ORD-77${31100 + j}","status":200,"duration_ms":${4 + j}}`,
    ]),
  );
  return {
    id: 'heldout45-patroni-leader-lock-forbidden-all-replicas',
    class: 'config',
    truth: 'An RBAC hardening change replaced the orders-db service account\'s Role and dropped patch on endpoints, so Patroni on the primary orders-db-0 got 403 Forbidden renewing its leader lock (the orders-db Endpoints), demoted itself 28 minutes ago, and no member can take the lock since: all three pods run as read-only replicas. orders-api\'s writes fail with "cannot execute INSERT in a read-only transaction" (500s). Fix: restore get/patch/update on endpoints (and configmaps) for the orders-db service account.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...claims, leaderSvc, leaderEp, ...replicaSvc, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'orders-notifier', selector: { app: 'orders-notifier' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 55),
      event({ on: podOf(db, 2), type: 'Normal', reason: 'Killing', message: 'Stopping container postgres', firstAgo: 3 * DAYS + 2 * HOURS - 1.5, lastAgo: 3 * DAYS + 2 * HOURS - 1.5, fieldPath: 'spec.containers{postgres}' }),
    ],
    logs: [
      logsFor(podOf(db, 0), 'postgres', { current: patroni0 }),
      logsFor(podOf(db, 1), 'postgres', { current: patroniReplica('orders-db-1') }),
      logsFor(podOf(db, 2), 'postgres', { current: patroniReplica('orders-db-2') }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/read-only|25006|leader lock|no (primary|leader)|demot/i, /orders-db|patroni/i],
      facts: [/403|forbidden/i, /leader lock|demot/i, /endpoints/i, /read-only transaction/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /orders-notifier/, /exit(ed)? (code )?137/i],
    },
  };
}

// ---- 3. Kafka: static membership with one shared group.instance.id --------------------------------

function kafkaSharedInstanceId(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.144', ['37', '190', '66']);
  const image = (v: string) => `${ECR}/fulfilment/shipment-events-consumer:${v}`;
  const baseEnv = [
    { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'b-1.prod-msk.x7k2qa.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.prod-msk.x7k2qa.c3.kafka.eu-west-1.amazonaws.com:9098,b-3.prod-msk.x7k2qa.c3.kafka.eu-west-1.amazonaws.com:9098' },
    { name: 'KAFKA_GROUP_ID', value: 'shipment-events' },
    { name: 'KAFKA_TOPIC', value: 'shipment.events.v2' },
  ];
  const tpl = (v: string, extra: k8s.V1EnvVar[]) => ({ containers: [container({ image: image(v), ports: [{ name: 'mgmt', containerPort: 8081 }], memory: '768Mi', env: [...baseEnv, ...extra], readiness: httpProbe('/actuator/health/readiness', 'mgmt'), liveness: httpProbe('/actuator/health/liveness', 'mgmt', { initialDelaySeconds: 45 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'shipment-events-consumer', replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 15 * DAYS, changeCause: 'argocd: shipment-events-consumer 2.9.3', template: tpl('2.9.3', []) },
      { revision: 15, createdAgo: 47, changeCause: 'argocd: shipment-events-consumer 2.10.0 (static membership to avoid rebalances)', template: tpl('2.10.0', [{ name: 'KAFKA_GROUP_INSTANCE_ID', value: 'shipment-events-consumer' }, { name: 'KAFKA_SESSION_TIMEOUT_MS', value: '120000' }]) },
    ],
    pods: [
      { revision: 15, node: names[0] ?? '', createdAgo: 46.5, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.4, ranSeconds: 310 }, 7) } },
      { revision: 15, node: names[1] ?? '', createdAgo: 45.8, containers: { app: running({ sinceAgo: 3.1, restarts: 8, last: { exitCode: 1, finishedAgo: 3.2, ranSeconds: 280 } }) } },
      { revision: 15, node: names[2] ?? '', createdAgo: 45.1, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 0.8, ranSeconds: 150 }, 8) } },
    ],
    settled: { available: true, availableSince: 44, progressingSince: 47, progressingUpdatedAgo: 44 },
  });
  const other = bystander(ns, 'shipment-label-api', names, 5 * HOURS, { revisions: [40, 41], versions: ['4.4.0', '4.4.1'], olderAgo: 9 * DAYS });
  const fenced = 'org.apache.kafka.common.errors.FencedInstanceIdException: The broker rejected this static consumer since another consumer with the same group.instance.id has registered with a different member.id.';
  const crashLog = (pod: string, end: number, ran: number) => lines(
    `${lbTime(end + ran / 60)}  INFO 1 --- [shipment-events-consumer] [           main] o.a.k.clients.consumer.ConsumerConfig    : ConsumerConfig values: \n\tbootstrap.servers = [b-1.prod-msk.x7k2qa.c3.kafka.eu-west-1.amazonaws.com:9098]\n\tgroup.id = shipment-events\n\tgroup.instance.id = shipment-events-consumer\n\tsession.timeout.ms = 120000`,
    `${lbTime(end + ran / 60 - 0.2)}  INFO 1 --- [shipment-events-consumer] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer instanceId=shipment-events-consumer, clientId=consumer-shipment-events-1, groupId=shipment-events] Successfully joined group with generation Generation{generationId=${412 + Math.round(end)}, memberId='shipment-events-consumer-${uidOf(pod).slice(0, 8)}', protocol='range'}`,
    `${lbTime(end + ran / 60 - 0.25)}  INFO 1 --- [shipment-events-consumer] [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : shipment-events: partitions assigned: [shipment.events.v2-0, shipment.events.v2-1, shipment.events.v2-2, shipment.events.v2-3, shipment.events.v2-4, shipment.events.v2-5, shipment.events.v2-6, shipment.events.v2-7, shipment.events.v2-8, shipment.events.v2-9, shipment.events.v2-10, shipment.events.v2-11]`,
    `${lbTime(end + 0.02)} ERROR 1 --- [shipment-events-consumer] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer instanceId=shipment-events-consumer, clientId=consumer-shipment-events-1, groupId=shipment-events] Received fatal exception: group.instance.id gets fenced`,
    `${lbTime(end + 0.01)} ERROR 1 --- [shipment-events-consumer] [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : Fatal consumer exception; stopping container\n${fenced}`,
    `${lbTime(end + 0.005)} ERROR 1 --- [shipment-events-consumer] [ntainer#0-0-C-1] c.a.f.consumer.ContainerStoppedHandler   : listener container shipment-events stopped: exiting so Kubernetes restarts the consumer`,
    `${lbTime(end)}  INFO 1 --- [shipment-events-consumer] [ionShutdownHook] o.a.k.clients.consumer.KafkaConsumer     : [Consumer instanceId=shipment-events-consumer, clientId=consumer-shipment-events-1, groupId=shipment-events] Resetting generation and member id due to: consumer pro-actively leaving the group`,
  );
  const pods = app.pods;
  return {
    id: 'heldout45-kafka-static-membership-shared-instance-id',
    class: 'rollout',
    truth: 'Revision 15 of shipment-events-consumer (2.10.0, 47 minutes ago) turned on static membership with KAFKA_GROUP_INSTANCE_ID set to the fixed value "shipment-events-consumer", so all three replicas register the same group.instance.id; each join fences the previous holder (FencedInstanceIdException), its listener stops and the pod exits, so the consumers keep restarting, at most one consumes and the lag on shipment.events.v2 grows. Fix: derive the instance id from the pod name (fieldRef metadata.name, or a StatefulSet) or roll back to revision 14.',
    ask: { service: 'shipment-events-consumer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'shipment-label-api', selector: { app: 'shipment-label-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 3, 0, 47),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 0, 3, 44.5),
      ...pods.flatMap((p, i) => [
        ...pulledFresh(p, 'app', image('2.10.0'), { atAgo: 46.5 - i * 0.7, bytes: 201_334_812, seconds: 4.8 }),
        ...restartedAgain(p, 'app', image('2.10.0'), { count: 8 + (i % 2), firstAgo: 46.3 - i * 0.7, lastAgo: [6.8, 3.1, 3.3][i] ?? 3 }),
        ...(i === 1 ? [] : [backOff(p, 'app', { count: 18 + i, firstAgo: 38, lastAgo: 0.4 })]),
        probeFailed(p, 'app', 'Readiness', `Get "http://${p.status?.podIP}:8081/actuator/health/readiness": dial tcp ${p.status?.podIP}:8081: connect: connection refused`, { count: 16 + i, firstAgo: 46, lastAgo: i === 1 ? 3 : 0.7 }),
      ]),
    ],
    logs: [
      logsFor(pods[0], 'app', { previous: crashLog(nameOf(pods[0]), 2.4, 310) }),
      logsFor(pods[1], 'app', { previous: crashLog(nameOf(pods[1]), 3.2, 280), current: lines(
        `${lbTime(2.6)}  INFO 1 --- [shipment-events-consumer] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer instanceId=shipment-events-consumer, clientId=consumer-shipment-events-1, groupId=shipment-events] Successfully joined group with generation Generation{generationId=431, memberId='shipment-events-consumer-2f0c7e9a', protocol='range'}`,
        `${lbTime(2.55)}  INFO 1 --- [shipment-events-consumer] [ntainer#0-0-C-1] c.a.f.consumer.ShipmentEventListener     : caught up 0 of 12 partitions, consumer lag 184211 records`,
        `${lbTime(0.3)}  INFO 1 --- [shipment-events-consumer] [ntainer#0-0-C-1] c.a.f.consumer.ShipmentEventListener     : processed 5000 records, consumer lag 191876 records`,
      ) }),
      logsFor(pods[2], 'app', { previous: crashLog(nameOf(pods[2]), 0.8, 150) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/group\.instance\.id|FencedInstanceId|instance.?id|static (member|consumer)/i],
      facts: [/KAFKA_GROUP_INSTANCE_ID|group\.instance\.id/, /revision 15|2\.10\.0/, /fenc/i],
      never: [/\bOOM/, /(broker|kafka|msk)[^\n]*(down|unreachable|outage)/i, /shipment-label-api/, /liveness/i],
    },
  };
}

// ---- 4. Redis 7 ACL edit dropped scripting: NOPERM on EVALSHA --------------------------------------

function redisAclNoScripting(): CorpusScenario {
  const ns = 'checkout';
  const { nodes, names } = threeEksNodes('10.0.160', ['12', '175', '94']);
  const redisImage = 'docker.io/library/redis:7.2.6-alpine';
  const reloaderImage = 'ghcr.io/acme-platform/file-watch-exec:0.8.2';
  const redis = statefulSetApp({
    namespace: ns, name: 'checkout-redis', replicas: 1, createdAgo: 200 * DAYS,
    revisions: [{ revision: 3, createdAgo: 27 * DAYS, template: {
      containers: [
        container({ name: 'redis', image: redisImage, command: ['redis-server'], args: ['/etc/redis/redis.conf', '--aclfile', '/etc/redis/acl/users.acl'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '200m', memory: '1Gi', readiness: tcpProbe('redis', { periodSeconds: 5 }), liveness: tcpProbe('redis', { initialDelaySeconds: 20 }), volumeMounts: [{ name: 'acl', mountPath: '/etc/redis/acl' }, { name: 'data', mountPath: '/data' }] }),
        container({ name: 'acl-reloader', image: reloaderImage, ports: [], cpu: '10m', memory: '32Mi', readiness: null, liveness: null, args: ['--watch=/etc/redis/acl/users.acl', '--', 'redis-cli', '--user', 'default', 'ACL', 'LOAD'], volumeMounts: [{ name: 'acl', mountPath: '/etc/redis/acl', readOnly: true }] }),
      ],
      volumes: [{ name: 'acl', configMap: { name: 'checkout-redis-acl', defaultMode: 420 } }],
    } }],
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi', storageClass: 'gp3' }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 27 * DAYS }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-checkout-redis-0', storage: '10Gi', zone: 'eu-west-1c', createdAgo: 200 * DAYS, storageClass: 'gp3' });
  const acl = configMap({
    namespace: ns, name: 'checkout-redis-acl', createdAgo: 200 * DAYS, updatedAgo: 63,
    data: {
      'users.acl': [
        'user default on #9f2c4b1e7a0d3c58e6f1b2a9d4c7e0f38b5a1d6c2e9f4b7a0c3d8e1f5a2b6c9d ~* &* +@all',
        'user checkout on #4e1a7c9b2d5f8e0a3c6b9d2f5e8a1c4b7d0e3f6a9c2b5d8e1f4a7c0b3d6e9f2a ~cart:* ~session:* ~ratelimit:* resetchannels -@all +@read +@write +@connection +@transaction -@dangerous',
        'user exporter on #0b3d6e9f2a5c8b1d4e7f0a3c6b9d2e5f8a1c4b7d0e3f6a9c2b5d8e1f4a7c0b3d ~* -@all +info +ping +config|get +client|list +slowlog|get +latency|latest',
        '',
      ].join('\n'),
    },
  });
  const appImage = (v: string) => `${ECR}/checkout/checkout-api:${v}`;
  const appTpl = (v: string) => ({ containers: [container({ image: appImage(v), ports: [3000], env: [{ name: 'REDIS_URL', value: 'redis://checkout@checkout-redis.checkout.svc.cluster.local:6379/0' }, { name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000) })] });
  const app = deploymentApp({
    namespace: ns, name: 'checkout-api', replicas: 4,
    revisions: [
      { revision: 40, createdAgo: 13 * DAYS, changeCause: 'argocd: checkout-api 7.18.0', template: appTpl('7.18.0') },
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: checkout-api 7.18.2', template: appTpl('7.18.2') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 41, node: names[k % 3] ?? '', createdAgo: 6 * DAYS - k, ...(k === 2 ? { containers: { app: running({ sinceAgo: 2 * DAYS, last: { exitCode: 137, reason: 'Error', finishedAgo: 2 * DAYS, ranSeconds: 4 * DAYS * 60 } }) } } : {}) })),
  });
  const other = bystander(ns, 'checkout-webhooks', names, 80, { revisions: [19, 20], versions: ['1.3.0', '1.3.1'], olderAgo: 30 * DAYS });
  const redisPod = podOf(redis, 0);
  const noperm = "NOPERM User checkout has no permissions to run the 'evalsha' command";
  const appLog = (k: number) => lines(
    `{"level":30,"time":${ago(70 - k).getTime()},"pid":1,"hostname":"${nameOf(app.pods[k])}","req":{"method":"POST","url":"/v2/cart/items"},"res":{"statusCode":200},"responseTime":23,"msg":"request completed"}`,
    ...[58, 41, 27, 14, 6, 1.2].flatMap((t, j) => [
      `{"level":50,"time":${ago(t - k * 0.07).getTime()},"pid":1,"hostname":"${nameOf(app.pods[k])}","err":{"type":"ReplyError","message":"${noperm}","stack":"ReplyError: ${noperm}\\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)\\n    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)","command":{"name":"evalsha","args":["b3f1c9e07a2d54e8c6a1f0d9b2e7c4a8f5d3b1e0","1","ratelimit:checkout:10.0.4.${30 + j}"]}},"msg":"rate limiter failed"}`,
      `{"level":50,"time":${ago(t - k * 0.07 - 0.001).getTime()},"pid":1,"hostname":"${nameOf(app.pods[k])}","req":{"method":"POST","url":"/v2/checkout/sessions"},"res":{"statusCode":500},"responseTime":${4 + j},"msg":"request errored"}`,
      `{"level":30,"time":${ago(t - k * 0.07 - 0.002).getTime()},"pid":1,"hostname":"${nameOf(app.pods[k])}","req":{"method":"GET","url":"/v2/cart"},"res":{"statusCode":200},"responseTime":${6 + j},"msg":"request completed"}`,
    ]),
  );
  return {
    id: 'heldout45-redis-acl-edit-dropped-scripting',
    class: 'config',
    truth: 'An hour ago someone edited the checkout-redis-acl ConfigMap (users.acl) and rewrote the checkout user\'s rules without +@scripting; the acl-reloader sidecar ran ACL LOAD, so since then the rate limiter\'s Lua script gets "NOPERM User checkout has no permissions to run the \'evalsha\' command" and checkout-api returns 500 on checkout sessions. checkout-api was not rolled out (revision 41 is six days old). Fix: add +evalsha +eval (or +@scripting) back to the checkout user and ACL LOAD.',
    ask: { service: 'checkout-api', namespace: ns },
    objects: [
      ...nodes, ...redis.objects, claim, vol, acl, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'checkout-redis', selector: { app: 'checkout-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'checkout-api', selector: { app: 'checkout-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'checkout-webhooks', selector: { app: 'checkout-webhooks' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 20), 2, 0, 80),
      event({ on: podOf(app, 2), type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 2 * DAYS + 0.2, lastAgo: 2 * DAYS + 0.2, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(redisPod, 'redis', { current: lines(
        `1:M 25 Oct 2026 03:02:11.204 * Ready to accept connections tcp`,
        `1:M 21 Nov 2026 02:00:01.117 * 100 changes in 300 seconds. Saving...`,
        `1:M 21 Nov 2026 02:00:01.119 * Background saving started by pid 2211`,
        `2211:C 21 Nov 2026 02:00:01.402 * DB saved on disk`,
        `1:M 21 Nov 2026 02:00:01.431 * Background saving terminated with success`,
        `1:M 21 Nov 2026 03:05:02.088 * 100 changes in 300 seconds. Saving...`,
        `1:M 21 Nov 2026 03:05:02.301 * Background saving terminated with success`,
      ) }),
      logsFor(redisPod, 'acl-reloader', { current: lines(
        `${at(27 * DAYS - 0.2)} watching /etc/redis/acl/users.acl`,
        `${at(62.1)} /etc/redis/acl/users.acl changed (..2026_11_21_02_11_54.3381045172), running: redis-cli --user default ACL LOAD`,
        `${at(62.1)} OK`,
      ) }),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NOPERM|no permissions?|ACL/i, /evalsha|script|users\.acl|checkout-redis-acl|checkout user/i],
      facts: [/checkout-redis-acl|users\.acl/, /evalsha|@scripting|scripting/i, /500/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /exit(ed)? (code )?137/i, /checkout-webhooks/],
    },
  };
}

// ---- 5. S3 SSE-KMS: the key was disabled outside the cluster ----------------------------------------

function s3KmsKeyDisabled(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.200', ['45', '118', '9']);
  const keyArn = 'arn:aws:kms:eu-west-1:123456789012:key/6b2e91f4-3c7a-4d08-b5e1-9a0c7f2d4e63';
  const image = (v: string) => `${ECR}/media/media-upload:${v}`;
  const tpl = (v: string) => ({
    serviceAccountName: 'media-upload',
    containers: [container({ image: image(v), ports: [8080], memory: '512Mi', env: [{ name: 'UPLOAD_BUCKET', value: 'acme-prod-media-uploads' }, { name: 'SSE_KMS_KEY_ID', value: keyArn }, { name: 'AWS_REGION', value: 'eu-west-1' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080) })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'media-upload', replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 16 * DAYS, changeCause: 'argocd: media-upload 2.4.0', template: tpl('2.4.0') },
      { revision: 22, createdAgo: 5 * DAYS, changeCause: 'argocd: media-upload 2.4.1', template: tpl('2.4.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 5 * DAYS - k, ...(k === 0 ? { containers: { app: running({ sinceAgo: 20 * HOURS, last: { exitCode: 2, finishedAgo: 20 * HOURS, ranSeconds: 3 * DAYS * 60 } }) } } : {}) })),
  });
  const other = bystander(ns, 'media-thumbnailer', names, 38, { revisions: [33, 34], versions: ['1.11.0', '1.12.0'], olderAgo: 21 * DAYS });
  const apiErr = (j: number) => `operation error S3: PutObject, https response error StatusCode: 400, RequestID: ${uidOf(`rq${j}`).replace(/-/g, '').slice(0, 16).toUpperCase()}, HostID: ${Buffer.from(uidOf(`h${j}`)).toString('base64').slice(0, 56)}=, api error KMS.DisabledException: ${keyArn} is disabled.`;
  const appLog = (k: number) => lines(
    `time=${at(2 * HOURS - k)} level=INFO msg="upload stored" bucket=acme-prod-media-uploads key=u/8812/${uidOf(`a${k}`).slice(0, 8)}.jpg bytes=${880_112 + k * 1313} sse=aws:kms dur=412ms`,
    `time=${at(29 - k * 0.2)} level=INFO msg="upload stored" bucket=acme-prod-media-uploads key=u/1204/${uidOf(`b${k}`).slice(0, 8)}.png bytes=${211_840 + k} sse=aws:kms dur=388ms`,
    ...[24, 18, 11, 6, 2, 0.5].flatMap((t, j) => [
      `time=${at(t - k * 0.1)} level=ERROR msg="put object failed" bucket=acme-prod-media-uploads key=u/${3000 + j * 17 + k}/${uidOf(`c${j}${k}`).slice(0, 8)}.jpg err="${apiErr(j * 3 + k).replace(/"/g, '\\"')}"`,
      `time=${at(t - k * 0.1 - 0.001)} level=WARN msg="request" method=POST path=/v1/uploads status=502 dur=${95 + j}ms`,
      `time=${at(t - k * 0.1 - 0.002)} level=INFO msg="request" method=GET path=/v1/uploads/${uidOf(`d${j}`).slice(0, 8)} status=200 dur=${12 + j}ms`,
    ]),
  );
  return {
    id: 'heldout45-s3-sse-kms-key-disabled',
    class: 'config',
    truth: `The customer-managed KMS key that encrypts the acme-prod-media-uploads bucket (${keyArn}) was disabled in the AWS console about 25 minutes ago (outside the cluster); every S3 PutObject with SSE-KMS since fails with KMS.DisabledException, so media-upload, still Ready and unchanged for five days, answers 502 to uploads while downloads work. Fix: re-enable the key (or point SSE_KMS_KEY_ID at an enabled key).`,
    ask: { service: 'media-upload', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'media-upload', selector: { app: 'media-upload' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-thumbnailer', selector: { app: 'media-thumbnailer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 34), 2, 0, 38),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 33), 0, 2, 36),
      event({ on: podOf(app, 0), type: 'Normal', reason: 'Pulled', message: `Container image "${image('2.4.1')}" already present on machine`, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS, fieldPath: 'spec.containers{app}' }),
      event({ on: podOf(other, 1), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(other, 1).status?.podIP}:8080/healthz": dial tcp ${podOf(other, 1).status?.podIP}:8080: connect: connection refused`, count: 2, firstAgo: 36.8, lastAgo: 36.7, fieldPath: 'spec.containers{app}' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/KMS|DisabledException|key[^\n]*disabled/i],
      facts: [/DisabledException|is disabled/i, /6b2e91f4|kms/i, /502|PutObject/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /media-thumbnailer/, /NetworkPolicy|DNS/i, /exit(ed)? (code )?2\b/i],
    },
  };
}

// ---- 6. zstd layers the old node group's containerd cannot unpack ----------------------------------

function zstdLayersOldContainerd(): CorpusScenario {
  const ns = 'search';
  const mk = (ip: string, zone: string, pool: string, createdAgo: number, kubelet: string, runtime: string, os: string) => {
    const n = node({ name: eksNodeName(ip), zone, pool, createdAgo });
    if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { kubeletVersion: kubelet, kubeProxyVersion: kubelet, containerRuntimeVersion: runtime, osImage: os, kernelVersion: os.startsWith('Ubuntu') ? '5.4.0-1103-aws' : n.status.nodeInfo.kernelVersion });
    return n;
  };
  const old = [['10.0.33.17', 'eu-west-1a'], ['10.0.34.201', 'eu-west-1b'], ['10.0.35.90', 'eu-west-1c']].map(([ip, z]) => mk(ip ?? '', z ?? '', 'general-ubuntu2004', 410 * DAYS, 'v1.28.3', 'containerd://1.4.13', 'Ubuntu 20.04.6 LTS'));
  const fresh = [['10.0.33.142', 'eu-west-1a'], ['10.0.34.66', 'eu-west-1b'], ['10.0.35.12', 'eu-west-1c']].map(([ip, z]) => mk(ip ?? '', z ?? '', 'general-al2023', 6 * DAYS, 'v1.30.6-eks-94953ac', 'containerd://1.7.23', 'Amazon Linux 2023.6.20241121'));
  const on = [...old, ...fresh].map(nameOf);
  const image = (v: string) => `${ECR}/search/search-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '500m', memory: '1Gi', readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20 }) })] });
  const pull = () => waiting('ImagePullBackOff', `Back-off pulling image "${image('1.9.0')}"`);
  const app = deploymentApp({
    namespace: ns, name: 'search-api', replicas: 6,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '50%', maxUnavailable: '25%' } },
    revisions: [
      { revision: 23, createdAgo: 12 * DAYS, changeCause: 'argocd: search-api 1.8.4', template: tpl('1.8.4') },
      { revision: 24, createdAgo: 34, changeCause: 'argocd: search-api 1.9.0', template: tpl('1.9.0') },
    ],
    pods: [
      { revision: 23, node: on[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 23, node: on[1] ?? '', createdAgo: 12 * DAYS },
      { revision: 23, node: on[5] ?? '', createdAgo: 6 * DAYS - 20 },
      { revision: 24, node: on[3] ?? '', createdAgo: 33.8 },
      { revision: 24, node: on[4] ?? '', createdAgo: 33.8 },
      { revision: 24, node: on[2] ?? '', createdAgo: 33.7, containers: { app: pull() } },
      { revision: 24, node: on[0] ?? '', createdAgo: 33.1, containers: { app: pull() } },
      { revision: 24, node: on[1] ?? '', createdAgo: 33.1, containers: { app: pull() } },
    ],
  });
  const other = bystander(ns, 'search-indexer', on.slice(3), 4 * HOURS, { revisions: [61, 62], versions: ['3.0.1', '3.0.2'], olderAgo: 10 * DAYS });
  const stuck = app.pods.slice(5);
  const good = app.pods.slice(3, 5);
  const failMsg = (layer: string) => `Failed to pull image "${image('1.9.0')}": rpc error: code = Unknown desc = failed to pull and unpack image "${image('1.9.0')}": failed to extract layer sha256:${layer}: failed to get stream processor for application/vnd.oci.image.layer.v1.tar+zstd: no processor for media type`;
  const layer = uidOf('zstd-layer').replace(/-/g, '') + uidOf('zstd-layer-2').replace(/-/g, '');
  return {
    id: 'heldout45-zstd-layers-old-containerd-nodegroup',
    class: 'rollout',
    truth: 'search-api 1.9.0 (revision 24, 34 minutes ago) was built by a new CI builder that pushes zstd-compressed OCI layers. Nodes of the old general-ubuntu2004 node group run containerd 1.4.13, which has no zstd support ("failed to get stream processor for application/vnd.oci.image.layer.v1.tar+zstd"), so revision-24 pods there sit in ImagePullBackOff while those on the general-al2023 nodes (containerd 1.7.23) run fine; the rollout is stuck half way. Fix: rebuild with gzip layers (or finish moving off the old node group); rolling back to revision 23 also restores service.',
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...old, ...fresh, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 24), 3, 0, 34),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 5, 6, 33.9),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 24), 5, 3, 33.2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 3, 5, 32.8),
      ...good.flatMap((p) => [...pulledFresh(p, 'app', image('1.9.0'), { atAgo: 33.8, bytes: 187_442_019, seconds: 6.1 }),
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 33.6, lastAgo: 33.6, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 33.6, lastAgo: 33.6, fieldPath: 'spec.containers{app}' })]),
      ...stuck.flatMap((p, i) => [
        scheduled(p, 33.7 - i * 0.3),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('1.9.0')}"`, count: 9, firstAgo: 33.6, lastAgo: 2.5 + i, fieldPath: 'spec.containers{app}' }),
        event({ on: p, reason: 'Failed', message: failMsg(layer), count: 9, firstAgo: 33.5, lastAgo: 2.4 + i, fieldPath: 'spec.containers{app}' }),
        event({ on: p, reason: 'Failed', message: 'Error: ErrImagePull', count: 9, firstAgo: 33.5, lastAgo: 2.4 + i, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image('1.9.0')}"`, count: 131 + i, firstAgo: 33.4, lastAgo: 0.2, fieldPath: 'spec.containers{app}' }),
        event({ on: p, reason: 'Failed', message: 'Error: ImagePullBackOff', count: 131 + i, firstAgo: 33.4, lastAgo: 0.2, fieldPath: 'spec.containers{app}' }),
      ]),
      nodeEvent(on[1] ?? '', 'FreeDiskSpaceFailed', 'Failed to garbage collect required amount of images. Attempted to free 2147483648 bytes, but only found 1610612736 bytes eligible to free.', { type: 'Warning', firstAgo: 19 * HOURS }),
    ],
    logs: [
      ...good.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(33.5)}","level":"info","msg":"search-api 1.9.0 listening on :8080"}`, `{"ts":"${at(0.5)}","level":"info","msg":"GET /v1/search?q=boots","status":200,"took_ms":41}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/zstd/i],
      facts: [/containerd:\/\/1\.4\.13|containerd 1\.4|1\.4\.13/, /general-ubuntu2004|old node ?group|ip-10-0-33-17/i, /revision 24|1\.9\.0/],
      never: [/\bOOM/, /not found|NotFound|does not exist/i, /unauthori[sz]ed|credential|pull secret|imagePullSecret/i, /search-indexer/, /disk/i],
    },
  };
}

// ---- 7. healthy control: autovacuum, checkpoint hints, one old liveness failure -----------------------

function healthyPostgresNoise(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.208', ['52', '103', '240']);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const db = statefulSetApp({
    namespace: ns, name: 'invoice-db', replicas: 1, createdAgo: 400 * DAYS,
    revisions: [{ revision: 6, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi', readiness: execProbe(['pg_isready', '-U', 'postgres'], { periodSeconds: 10 }), liveness: execProbe(['pg_isready', '-U', 'postgres'], { initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '150Gi', storageClass: 'gp3' }],
    pods: [{ revision: 6, ordinal: 0, node: names[1] ?? '', createdAgo: 40 * DAYS }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-invoice-db-0', storage: '150Gi', zone: 'eu-west-1b', createdAgo: 400 * DAYS, storageClass: 'gp3' });
  const image = (v: string) => `${ECR}/billing/invoice-service:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '768Mi', env: [{ name: 'DB_HOST', value: 'invoice-db.billing.svc.cluster.local' }], readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { timeoutSeconds: 2, failureThreshold: 3 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-service', replicas: 3,
    revisions: [
      { revision: 70, createdAgo: 17 * DAYS, changeCause: 'argocd: invoice-service 6.2.0', template: tpl('6.2.0') },
      { revision: 71, createdAgo: 3 * DAYS, changeCause: 'argocd: invoice-service 6.2.1', template: tpl('6.2.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 71, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const other = bystander(ns, 'invoice-pdf', names, 2 * DAYS, { revisions: [14, 15], versions: ['0.9.1', '0.9.2'], olderAgo: 25 * DAYS });
  const dbPod = podOf(db, 0);
  const flaky = podOf(app, 1);
  const pgLog = lines(
    `${pgTime(75)} [58114] LOG:  automatic vacuum of table "billing.public.invoice_lines": index scans: 1\n\tpages: 0 removed, 182311 remain, 41207 scanned (22.60% of total)\n\ttuples: 118420 removed, 9811204 remain, 0 are dead but not yet removable\n\tremovable cutoff: 88123011, which was 1204 XIDs old when operation ended\n\tindex scan needed: 20114 pages from table (11.03% of total) had 118420 dead item identifiers removed\n\tavg read rate: 38.112 MB/s, avg write rate: 12.907 MB/s\n\tbuffer usage: 98241 hits, 41120 misses, 13925 dirtied\n\tWAL usage: 61207 records, 14011 full page images, 88412309 bytes\n\tsystem usage: CPU: user: 2.11 s, system: 0.61 s, elapsed: 8.43 s`,
    `${pgTime(61)} [31] LOG:  checkpoint starting: wal`,
    `${pgTime(60.6)} [31] LOG:  checkpoints are occurring too frequently (24 seconds apart)`,
    `${pgTime(60.6)} [31] HINT:  Consider increasing the configuration parameter "max_wal_size".`,
    `${pgTime(58.9)} [31] LOG:  checkpoint complete: wrote 14208 buffers (10.8%); 0 WAL file(s) added, 0 removed, 33 recycled; write=107.812 s, sync=0.204 s, total=108.330 s; sync files=61, longest=0.048 s, average=0.004 s; distance=540211 kB, estimate=541002 kB; lsn=1A7/3C0112F8, redo lsn=1A7/21FE0C40`,
    `${pgTime(52)} [58290] LOG:  automatic analyze of table "billing.public.invoices"\n\tavg read rate: 21.402 MB/s, avg write rate: 0.000 MB/s\n\tbuffer usage: 3120 hits, 8123 misses, 0 dirtied\n\tsystem usage: CPU: user: 0.38 s, system: 0.09 s, elapsed: 2.96 s`,
    `${pgTime(31)} [31] LOG:  checkpoint starting: time`,
    `${pgTime(28.5)} [31] LOG:  checkpoint complete: wrote 2311 buffers (1.8%); 0 WAL file(s) added, 0 removed, 4 recycled; write=149.902 s, sync=0.041 s, total=150.012 s; sync files=37, longest=0.012 s, average=0.002 s; distance=61220 kB, estimate=493024 kB; lsn=1A7/40A11208, redo lsn=1A7/3F8C1A20`,
    `${pgTime(9)} [59012] LOG:  automatic vacuum of table "billing.public.payment_attempts": index scans: 0\n\tpages: 0 removed, 12011 remain, 3120 scanned (25.98% of total)\n\ttuples: 8112 removed, 612004 remain, 0 are dead but not yet removable\n\tsystem usage: CPU: user: 0.21 s, system: 0.03 s, elapsed: 0.61 s`,
  );
  const appLog = (k: number) => lines(
    `${lbTime(50.3)}  INFO 1 --- [invoice-service] [   scheduling-1] c.a.billing.jobs.DunningScheduler        : dunning run finished: 1204 invoices checked, 37 reminders queued in 18.2 s`,
    ...[20, 8, 1].map((t, j) => `${lbTime(t - k * 0.1)}  INFO 1 --- [invoice-service] [nio-8080-exec-${j + 1}] c.a.billing.api.RequestLog               : GET /v1/invoices?customer=C-${88120 + j} 200 ${14 + j} ms`),
  );
  return {
    id: 'heldout45-healthy-postgres-checkpoint-autovacuum',
    class: 'healthy',
    truth: 'Nothing is wrong: invoice-service\'s three pods are ready and serving 200s, invoice-db is up. The database\'s log shows routine autovacuum/analyze lines and, during a bulk dunning run an hour ago, a "checkpoints are occurring too frequently" hint (a tuning suggestion for max_wal_size, not an error); one invoice-service pod missed a single liveness probe 50 minutes ago during that run, below the failure threshold of 3, and never restarted.',
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...nodes, ...db.objects, claim, vol, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-db', selector: { app: 'invoice-db' }, pods: db.pods, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-pdf', selector: { app: 'invoice-pdf' }, pods: other.pods }),
      probeFailed(flaky, 'app', 'Liveness', `Get "http://${flaky.status?.podIP}:8080/health/live": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 1, firstAgo: 50.2, lastAgo: 50.2 }),
    ],
    logs: [
      logsFor(dbPod, 'postgres', { current: pgLog }),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|looks fine|no (issue|fault|failure)s?|nothing (is )?wrong|running normally/i],
      facts: [/invoice-service/, /ready|3\/3/i],
      never: [/\bOOM/, /crash ?loop/i, /liveness[^\n]*(caus|restart|kill|failing)/i, /max_wal_size[^\n]*(cause|fail|broke)/i, /checkpoint[^\n]*(cause|outage)/i, /invoice-pdf/],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  galeraNoSafeBootstrap(),
  patroniLeaderLockForbidden(),
  kafkaSharedInstanceId(),
  redisAclNoScripting(),
  s3KmsKeyDisabled(),
  zstdLayersOldContainerd(),
  healthyPostgresNoise(),
];
