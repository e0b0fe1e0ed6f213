// Held-out stories, round 102, part one (data stores and their upgrades), written blind:
// 1. heldout102-postgres-major-bump-on-old-datadir — orders-db revision bumps postgres:15.8 → 16.4 on its PG15 data volume: "database files are incompatible with server".
// 2. heldout102-standby-system-identifier-differs — ledger-db-primary re-created (fresh claim, initdb + dump restore); the streaming standby's walreceiver fails "database system identifier differs": re-seed with pg_basebackup.
// 3. heldout102-redis-pinned-back-to-6-rdb-v11 — session-cache revision pins redis:7.2.5 → 6.2.14; the volume's dump.rdb is format 11: "Can't handle RDB format version 11", crash loop.
// 4. heldout102-mysql-80-after-eviction-crash — mysql (OnDelete, template already 8.0.40) evicted under node memory pressure; recreated on 8.0 over a crashed 5.7 redo log: "Upgrade after a crash is not supported".
// 5. heldout102-redis-cluster-rebalance-tryagain — a rebalance Job moving slots to two new masters: cart-api's MGET/multi-key Lua get "TRYAGAIN Multiple keys request during rehashing of slot"; cart-api's own rollout is innocent.
// 6. heldout102-mongo-70-fcv-still-50 — mongo StatefulSet bumped 6.0 → 7.0 while featureCompatibilityVersion was never raised from 5.0: mongo-2 exits 62 "UPGRADE PROBLEM".
// 7. heldout102-postgres-primary-standby-routine-noise — healthy control: a primary + standby with checkpoints, autovacuum, a reset client connection.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, container, crashLoop, deploymentApp, event, execProbe, exposed, httpProbe,
  job, jobEvent, nameOf, nodeEvent, probeFailed, restartedAgain, running, scheduled, service, endpointSliceFor, statefulSetApp, tcpProbe,
  boundClaim, scaledReplicaSet, rsOf, startedNormally, volumeOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (m: number): string => at(m).replace('T', ' ').replace('Z', ' UTC');
/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function redisTime(m: number): string {
  const s = at(m);
  const d = new Date(s);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${s.slice(11, 23)}`;
}
/** MySQL 8's error-log time: `2026-11-21T03:12:41.563000Z`. */
const myTime = (m: number): string => at(m).replace('Z', '000Z');
const ipOf = (p: k8s.V1Pod | undefined): string => p?.status?.podIP ?? '10.0.0.1';

function claims(ns: string, claim: string, sts: string, ordinals: number[], zones: string[], storage: string, createdAgo: number | ((i: number) => number)): KubeJson[] {
  return ordinals.flatMap((i) => boundClaim({ namespace: ns, name: `${claim}-${sts}-${i}`, storage, zone: zones[i % zones.length] ?? 'eu-west-1a', createdAgo: typeof createdAgo === 'number' ? createdAgo : createdAgo(i), labels: { app: sts } }));
}
const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

// ---- 1. postgres 15 → 16 on the existing data directory ----------------------------------------------

function postgresMajorBump(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.64', ['21', '140', '88']);
  const img = (v: string) => `docker.io/library/postgres:${v}`;
  const pgTpl = (v: string) => ({
    containers: [container({
      name: 'postgres', image: img(v), ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi',
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'orders' }, { name: 'POSTGRES_USER', value: 'orders' }, { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db-credentials', key: 'password' } } }],
      readiness: execProbe(['pg_isready', '-U', 'orders', '-d', 'orders'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: execProbe(['pg_isready', '-U', 'orders', '-d', 'orders'], { initialDelaySeconds: 30, periodSeconds: 15, timeoutSeconds: 5 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
    })],
    securityContext: { fsGroup: 999 },
  });
  const db = statefulSetApp({
    namespace: ns, name: 'orders-db', replicas: 1, serviceName: 'orders-db-headless', createdAgo: 410 * DAYS,
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    revisions: [
      { revision: 6, createdAgo: 142 * DAYS, template: pgTpl('15.8') },
      { revision: 7, createdAgo: 26, template: pgTpl('16.4') },
    ],
    pods: [{ revision: 7, ordinal: 0, node: names[1] ?? '', createdAgo: 25.5, ready: false, containers: { postgres: crashLoop({ exitCode: 1, finishedAgo: 1.9, ranSeconds: 1 }, 9) } }],
  });
  const apiImg = (v: string) => `${ECR}/orders/orders-api:${v}`;
  const api = deploymentApp({
    namespace: ns, name: 'orders-api', replicas: 3,
    revisions: [
      { revision: 54, createdAgo: 6 * DAYS, changeCause: 'argocd: orders-api 3.8.1', template: { containers: [container({ image: apiImg('3.8.1'), ports: [8080], env: [{ name: 'DATABASE_URL', value: 'postgres://orders@orders-db.orders.svc.cluster.local:5432/orders?sslmode=disable' }], readiness: httpProbe('/ready', 8080) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 54, node: names[k] ?? '', createdAgo: 6 * DAYS - k, ready: false, containers: { app: running({ sinceAgo: 6 * DAYS - k, ready: false }) } })),
    settled: { available: false, availableSince: 24, progressingSince: 6 * DAYS },
  });
  const pod = podOf(db, 0);
  const dbSvc = service({ namespace: ns, name: 'orders-db', selector: { app: 'orders-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] });
  const headless = service({ namespace: ns, name: 'orders-db-headless', selector: { app: 'orders-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], headless: true });
  const crash = (t: number) => lines(
    '',
    'PostgreSQL Database directory appears to contain a database; Skipping initialization',
    '',
    `${pgTime(t)} [1] FATAL:  database files are incompatible with server`,
    `${pgTime(t)} [1] DETAIL:  The data directory was initialized by PostgreSQL version 15, which is not compatible with this version 16.4 (Debian 16.4-1.pgdg120+2).`,
  );
  const dbIp = dbSvc.spec?.clusterIP ?? '';
  const apiLog = (k: number) => lines(
    `{"level":"info","ts":"${at(6 * DAYS - k - 0.4)}","msg":"orders-api starting","version":"3.8.1"}`,
    `{"level":"info","ts":"${at(27 + k * 0.1)}","msg":"request","method":"POST","path":"/v1/orders","status":201,"duration_ms":${22 + k}}`,
    `{"level":"error","ts":"${at(25.9 - k * 0.05)}","msg":"db ping failed","error":"FATAL: the database system is shutting down (SQLSTATE 57P03)"}`,
    `{"level":"error","ts":"${at(25.4 - k * 0.05)}","msg":"db ping failed","error":"failed to connect to \`host=orders-db.orders.svc.cluster.local user=orders database=orders\`: dial error (dial tcp ${dbIp}:5432: connect: connection refused)"}`,
    `{"level":"warn","ts":"${at(20 - k * 0.1)}","msg":"readiness: database unavailable","error":"dial tcp ${dbIp}:5432: connect: connection refused"}`,
    `{"level":"error","ts":"${at(0.6 + k * 0.1)}","msg":"request","method":"POST","path":"/v1/orders","status":503,"duration_ms":3,"error":"database unavailable"}`,
  );
  return {
    id: 'heldout102-postgres-major-bump-on-old-datadir',
    class: 'rollout',
    truth: 'StatefulSet orders-db revision 7 (26 minutes ago) changed only the image, postgres:15.8 → postgres:16.4, a major-version jump. The pod came back on its existing volume data-orders-db-0, whose data directory was initialized by PostgreSQL 15; postgres 16 refuses to start ("database files are incompatible with server") and exits 1 in a crash loop, so orders-api cannot connect (connection refused) and is unready. Safest action: put the StatefulSet back on postgres:15.8 (revision 6) so the server starts on its data, then upgrade properly with pg_upgrade or dump and restore into a new 16 volume.',
    ask: { service: 'orders-db', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...api.objects, dbSvc, headless, endpointSliceFor(dbSvc, db.pods, 5432), endpointSliceFor(headless, db.pods, 5432),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods }),
      ...claims(ns, 'data', 'orders-db', [0], ['eu-west-1b'], '100Gi', 410 * DAYS),
      event({ on: { kind: 'StatefulSet', name: 'orders-db', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod orders-db-0 in StatefulSet orders-db successful', firstAgo: 26, lastAgo: 26, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'orders-db', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod orders-db-0 in StatefulSet orders-db successful', firstAgo: 25.5, lastAgo: 25.5, component: 'statefulset-controller' }),
      scheduled(pod, 25.5),
      event({ on: pod, type: 'Normal', reason: 'Pulling', message: `Pulling image "${img('16.4')}"`, firstAgo: 25.4, lastAgo: 25.4, fieldPath: 'spec.containers{postgres}' }),
      event({ on: pod, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${img('16.4')}" in 6.204s (6.204s including waiting). Image size: 153148611 bytes.`, firstAgo: 25.3, lastAgo: 25.3, fieldPath: 'spec.containers{postgres}' }),
      ...restartedAgain(pod, 'postgres', img('16.4'), { count: 10, firstAgo: 25.3, lastAgo: 1.9 }),
      backOff(pod, 'postgres', { count: 112, firstAgo: 25, lastAgo: 0.3 }),
      ...api.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 140, firstAgo: 25, lastAgo: 0.2 })),
    ],
    logs: [
      logsFor(pod, 'postgres', { current: crash(1.9), previous: crash(7.1) }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/incompatible|initialized by PostgreSQL version 15|major[- ]version|15(\.8)? ?(→|->|to) ?16/i, /16\.4|revision 7|postgres:16|version 16/i],
      facts: [/database files are incompatible with server/i, /pg_upgrade|dump|pg_dump/i, /15\.8|revision 6/i],
      never: [/\bOOM/, /(delete|wipe|recreate|re-create) (the )?(pvc|volume|claim|data)/i, /password|authentication failed/i],
    },
  };
}

// ---- 2. the standby of a re-initialized primary --------------------------------------------------------

function standbySystemIdentifierDiffers(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '203', '71']);
  const img = 'docker.io/library/postgres:16.4';
  const pgc = (role: string, extra: Partial<Parameters<typeof container>[0]> = {}) => container({
    name: 'postgres', image: img, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi',
    env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'PG_ROLE', value: role }, { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'ledger-db-superuser', key: 'password' } } }],
    readiness: execProbe(['pg_isready', '-U', 'postgres'], { periodSeconds: 10, timeoutSeconds: 5 }),
    liveness: execProbe(['pg_isready', '-U', 'postgres'], { initialDelaySeconds: 30, periodSeconds: 15, timeoutSeconds: 5 }),
    volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'initdb', mountPath: '/docker-entrypoint-initdb.d' }],
    ...extra,
  });
  const primary = statefulSetApp({
    namespace: ns, name: 'ledger-db-primary', replicas: 1, serviceName: 'ledger-db-primary', createdAgo: 49,
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    revisions: [{ revision: 1, createdAgo: 49, template: { containers: [pgc('primary')], volumes: [{ name: 'initdb', configMap: { name: 'ledger-db-restore', defaultMode: 493 } }] } }],
    pods: [{ revision: 1, ordinal: 0, node: names[0] ?? '', createdAgo: 48.5 }],
  });
  const replicaReady = execProbe(['/bin/sh', '-c', 'psql -U postgres -Atc "select status from pg_stat_wal_receiver" | grep -q streaming || { echo "replica not streaming: pg_stat_wal_receiver is empty"; exit 1; }'], { periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 });
  const replica = statefulSetApp({
    namespace: ns, name: 'ledger-db-replica', replicas: 1, serviceName: 'ledger-db-replica', createdAgo: 300 * DAYS,
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    revisions: [{ revision: 4, createdAgo: 64 * DAYS, template: { containers: [pgc('replica', { readiness: replicaReady, volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    pods: [{ revision: 4, ordinal: 0, node: names[1] ?? '', createdAgo: 31 * DAYS, ready: false, containers: { postgres: running({ sinceAgo: 31 * DAYS, ready: false }) } }],
  });
  const pPod = podOf(primary, 0);
  const rPod = podOf(replica, 0);
  const restoreCm: k8s.V1ConfigMap = {
    apiVersion: 'v1', kind: 'ConfigMap',
    metadata: { name: 'ledger-db-restore', namespace: ns, uid: 'b1f0c2d3-7a41-4c55-a0e2-6a2f1d0c9e11', creationTimestamp: new Date(Date.parse(at(50))) },
    data: { '10-restore.sh': '#!/bin/bash\nset -euo pipefail\n# incident INC-4471: rebuild ledger primary from the 02:00 logical dump\naws s3 cp s3://acme-db-dumps/ledger/ledger-20261121T0200Z.dump /tmp/ledger.dump\npg_restore -U postgres -d ledger --no-owner -j 4 /tmp/ledger.dump\n', '20-replication.sql': "CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'repl_password';\n" },
  };
  const roSvc = service({ namespace: ns, name: 'ledger-db-ro', selector: { app: 'ledger-db-replica' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] });
  const rwSvc = service({ namespace: ns, name: 'ledger-db-primary', selector: { app: 'ledger-db-primary' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], createdAgo: 300 * DAYS });
  const replSvc = service({ namespace: ns, name: 'ledger-db-replica', selector: { app: 'ledger-db-replica' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], headless: true, createdAgo: 300 * DAYS });
  const fatal: string[] = [];
  // The startup process retries the stream every wal_retrieve_retry_interval (5 s); each walreceiver dies the same way.
  let pid = 18204;
  for (let t = 46.2; t > 0.05; t -= 5 / 60) {
    pid += 1 + (pid % 3);
    fatal.push(`${pgTime(t)} [${pid}] FATAL:  database system identifier differs between the primary and standby`);
    fatal.push(`${pgTime(t)} [${pid}] DETAIL:  The primary's identifier is 7440118392036654118, the standby's identifier is 7301562245906391876.`);
  }
  const rwIp = rwSvc.spec?.clusterIP ?? '';
  const refused = (t: number, p: number) => [
    `${pgTime(t)} [${p}] FATAL:  could not connect to the primary server: connection to server at "ledger-db-primary.ledger.svc.cluster.local" (${rwIp}), port 5432 failed: Connection refused`,
    `\t\tIs the server running on that host and accepting TCP/IP connections?`,
  ];
  const replicaLog = lines(
    `${pgTime(51.6)} [88] LOG:  restartpoint starting: time`,
    `${pgTime(50.1)} [88] LOG:  restartpoint complete: wrote 912 buffers (5.6%); 0 WAL file(s) added, 0 removed, 1 recycled; write=89.711 s, sync=0.009 s, total=89.738 s; sync files=41, longest=0.003 s, average=0.001 s; distance=16384 kB, estimate=17012 kB; lsn=3/A0FFD1C8, redo lsn=3/A07C22E0`,
    `${pgTime(50.1)} [88] LOG:  recovery restart point at 3/A07C22E0`,
    `${pgTime(49.4)} [17521] FATAL:  could not receive data from WAL stream: server closed the connection unexpectedly`,
    `\t\tThis probably means the server terminated abnormally`,
    `\t\tbefore or while processing the request.`,
    `${pgTime(49.4)} [87] LOG:  invalid record length at 3/A1000018: expected at least 24, got 0`,
    ...refused(49.3, 17533),
    `${pgTime(49.3)} [87] LOG:  waiting for WAL to become available at 3/A1000018`,
    ...refused(49.2, 17540), ...refused(48.1, 17702), ...refused(47.0, 17866),
    ...fatal,
  );
  const primaryLog = lines(
    'The files belonging to this database system will be owned by user "postgres".',
    'This user must also own the server process.',
    '',
    'The database cluster will be initialized with locale "en_US.utf8".',
    'fixing permissions on existing directory /var/lib/postgresql/data/pgdata ... ok',
    'creating subdirectories ... ok',
    'Success. You can now start the database server using:',
    '',
    '/usr/local/bin/docker-entrypoint.sh: running /docker-entrypoint-initdb.d/10-restore.sh',
    'download: s3://acme-db-dumps/ledger/ledger-20261121T0200Z.dump to ../../tmp/ledger.dump',
    '/usr/local/bin/docker-entrypoint.sh: running /docker-entrypoint-initdb.d/20-replication.sql',
    'CREATE ROLE',
    '',
    'PostgreSQL init process complete; ready for start up.',
    '',
    `${pgTime(46.4)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgTime(46.4)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${pgTime(46.3)} [71] LOG:  database system was shut down at ${pgTime(46.5)}`,
    `${pgTime(46.3)} [1] LOG:  database system is ready to accept connections`,
    `${pgTime(31.2)} [70] LOG:  checkpoint starting: time`,
    `${pgTime(29.9)} [70] LOG:  checkpoint complete: wrote 10244 buffers (62.5%); 0 WAL file(s) added, 0 removed, 0 recycled; write=77.812 s, sync=0.140 s, total=78.004 s; sync files=2219, longest=0.021 s, average=0.001 s; distance=1322761 kB, estimate=1322761 kB; lsn=0/5B3E0F10, redo lsn=0/50F3A8C8`,
  );
  return {
    id: 'heldout102-standby-system-identifier-differs',
    class: 'storage',
    truth: 'During incident INC-4471 the ledger primary was rebuilt 49 minutes ago: StatefulSet ledger-db-primary and its claim data-ledger-db-primary-0 were re-created, initdb ran on the empty volume and the 02:00 logical dump was restored (ConfigMap ledger-db-restore). That is a new database cluster with a new system identifier, so the existing streaming standby ledger-db-replica-0 can never follow it again: its walreceiver fails every few seconds with "database system identifier differs between the primary and standby" and the replica is unready (ledger-db-ro has no ready endpoint). Restarting the standby does not help; it must be re-seeded from the new primary (pg_basebackup into an emptied data directory / a fresh claim).',
    ask: { service: 'ledger-db-replica', namespace: ns },
    objects: [
      ...nodes, ...primary.objects, ...replica.objects, restoreCm, roSvc, rwSvc, replSvc,
      endpointSliceFor(roSvc, replica.pods, 5432), endpointSliceFor(rwSvc, primary.pods, 5432), endpointSliceFor(replSvc, replica.pods, 5432),
      ...claims(ns, 'data', 'ledger-db-primary', [0], ['eu-west-1a'], '200Gi', 49),
      ...claims(ns, 'data', 'ledger-db-replica', [0], ['eu-west-1b'], '200Gi', 300 * DAYS),
      event({ on: { kind: 'StatefulSet', name: 'ledger-db-primary', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Claim data-ledger-db-primary-0 Pod ledger-db-primary-0 in StatefulSet ledger-db-primary success', firstAgo: 48.9, lastAgo: 48.9, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'ledger-db-primary', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod ledger-db-primary-0 in StatefulSet ledger-db-primary successful', firstAgo: 48.5, lastAgo: 48.5, component: 'statefulset-controller' }),
      event({ on: { kind: 'PersistentVolumeClaim', name: 'data-ledger-db-primary-0', namespace: ns }, type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${volumeOf(ns, 'data-ledger-db-primary-0')}`, firstAgo: 48.8, lastAgo: 48.8, component: 'ebs.csi.aws.com_ebs-csi-controller-6d8c7b9f4-9xk2m_6a1e' }),
      ...startedNormally(pPod, 'postgres', img, 48.5),
      probeFailed(rPod, 'postgres', 'Readiness', 'replica not streaming: pg_stat_wal_receiver is empty', { count: 296, firstAgo: 49.2, lastAgo: 0.1 }),
    ],
    logs: [
      logsFor(rPod, 'postgres', { current: replicaLog }),
      logsFor(pPod, 'postgres', { current: primaryLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/system identifier|re-?initiali[sz]ed|re-?created|new (database )?cluster|rebuilt|re-?seed|pg_basebackup/i],
      facts: [/identifier differs/i, /pg_basebackup|re-?seed|re-?clone|rebuild the (standby|replica)/i, /ledger-db-primary/],
      never: [/\bOOM/, /pg_hba|authentication failed|password/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 3. redis pinned back to 6.2 over an RDB written by 7.2 ---------------------------------------------

function redisPinnedBack(): CorpusScenario {
  const ns = 'web';
  const { nodes, names } = threeEksNodes('10.0.140', ['9', '117', '230']);
  const img = (v: string) => `docker.io/library/redis:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      name: 'redis', image: img(v), command: ['redis-server'], args: ['/etc/redis/redis.conf'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '200m', memory: '1Gi',
      readiness: execProbe(['redis-cli', 'ping'], { periodSeconds: 5 }), liveness: tcpProbe('redis', { initialDelaySeconds: 20 }),
      volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'config', mountPath: '/etc/redis' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'session-cache-config' } }],
  });
  const sts = statefulSetApp({
    namespace: ns, name: 'session-cache', replicas: 1, serviceName: 'session-cache-headless', createdAgo: 500 * DAYS,
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi', storageClass: 'gp3' }],
    revisions: [
      { revision: 11, createdAgo: 75 * DAYS, template: tpl('7.2.5-alpine') },
      { revision: 12, createdAgo: 18, template: { ...tpl('6.2.14-alpine'), annotations: { 'acme.io/change': 'PLAT-2291 pin redis to 6.2.14-alpine (align with ElastiCache engine 6.2)' } } },
    ],
    pods: [{ revision: 12, ordinal: 0, node: names[2] ?? '', createdAgo: 17.6, ready: false, containers: { redis: crashLoop({ exitCode: 1, finishedAgo: 2.2, ranSeconds: 0.4 }, 8) } }],
  });
  const pod = podOf(sts, 0);
  const conf = {
    apiVersion: 'v1', kind: 'ConfigMap',
    metadata: { name: 'session-cache-config', namespace: ns, uid: 'c9a1f3e2-1b2c-4d3e-a8f9-77aa01e3c5d2', creationTimestamp: new Date(Date.parse(at(500 * DAYS))) },
    data: { 'redis.conf': 'bind 0.0.0.0\nport 6379\ndir /data\nsave 900 1\nsave 300 10\nsave 60 10000\ndbfilename dump.rdb\nappendonly no\nmaxmemory 768mb\nmaxmemory-policy allkeys-lru\n' },
  } as KubeJson;
  const svc = service({ namespace: ns, name: 'session-cache', selector: { app: 'session-cache' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }] });
  const webImg = `${ECR}/web/storefront:5.31.0`;
  const web = deploymentApp({
    namespace: ns, name: 'storefront', replicas: 3,
    revisions: [{ revision: 88, createdAgo: 2 * DAYS, changeCause: 'argocd: storefront 5.31.0', template: { containers: [container({ image: webImg, ports: [3000], env: [{ name: 'REDIS_URL', value: 'redis://session-cache.web.svc.cluster.local:6379/0' }], readiness: httpProbe('/healthz', 3000) })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 2 * DAYS - k })),
  });
  const crash = (t: number) => lines(
    `1:C ${redisTime(t)} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C ${redisTime(t)} # Redis version=6.2.14, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:C ${redisTime(t)} # Configuration loaded`,
    `1:M ${redisTime(t)} * monotonic clock: POSIX clock_gettime`,
    `1:M ${redisTime(t)} * Running mode=standalone, port=6379.`,
    `1:M ${redisTime(t)} # Server initialized`,
    `1:M ${redisTime(t)} # Can't handle RDB format version 11`,
    `1:M ${redisTime(t)} # Fatal error loading the DB: Invalid argument. Exiting.`,
  );
  const cacheIp = svc.spec?.clusterIP ?? '';
  return {
    id: 'heldout102-redis-pinned-back-to-6-rdb-v11',
    class: 'rollout',
    truth: 'StatefulSet session-cache revision 12 (18 minutes ago, PLAT-2291) pinned the image back from redis:7.2.5-alpine to redis:6.2.14-alpine to match an ElastiCache engine version. The claim data-session-cache-0 holds a dump.rdb written by Redis 7.2 (RDB format version 11); Redis 6.2 only reads up to format 9, so it logs "Can\'t handle RDB format version 11" / "Fatal error loading the DB" and exits 1 on every start, a crash loop; storefront loses its session store. Safest action: go back to redis:7.2.5-alpine (revision 11); a downgrade needs the data migrated (or the sessions given up) deliberately.',
    ask: { service: 'session-cache', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...web.objects, conf, svc, endpointSliceFor(svc, sts.pods, 6379),
      ...exposed({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, pods: web.pods }),
      ...claims(ns, 'data', 'session-cache', [0], ['eu-west-1c'], '10Gi', 500 * DAYS),
      event({ on: { kind: 'StatefulSet', name: 'session-cache', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod session-cache-0 in StatefulSet session-cache successful', firstAgo: 17.6, lastAgo: 17.6, component: 'statefulset-controller' }),
      scheduled(pod, 17.6),
      event({ on: pod, type: 'Normal', reason: 'Pulling', message: `Pulling image "${img('6.2.14-alpine')}"`, firstAgo: 17.5, lastAgo: 17.5, fieldPath: 'spec.containers{redis}' }),
      event({ on: pod, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${img('6.2.14-alpine')}" in 2.871s (2.871s including waiting). Image size: 11744233 bytes.`, firstAgo: 17.4, lastAgo: 17.4, fieldPath: 'spec.containers{redis}' }),
      ...restartedAgain(pod, 'redis', img('6.2.14-alpine'), { count: 9, firstAgo: 17.4, lastAgo: 2.2 }),
      backOff(pod, 'redis', { count: 77, firstAgo: 17.2, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(pod, 'redis', { current: crash(2.2), previous: crash(7.3) }),
      ...web.pods.map((p, k) => logsFor(p, 'app', { current: lines(
        `{"level":30,"time":"${at(16.8 - k * 0.1)}","msg":"redis session store error","err":"connect ECONNREFUSED ${cacheIp}:6379"}`,
        `{"level":40,"time":"${at(1.1 + k * 0.1)}","msg":"session lookup failed, treating request as anonymous","err":"Connection is closed."}`,
        `{"level":30,"time":"${at(0.5)}","msg":"GET /cart 200 41ms"}`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/RDB|format version 11|6\.2|downgrad/i],
      facts: [/Can't handle RDB format version 11/i, /7\.2\.5|revision 11/i, /session-cache/],
      never: [/\bOOM/, /maxmemory|eviction policy/i, /liveness probe/i],
    },
  };
}

// ---- 4. MySQL 8.0 recreated over a 5.7 data dir that crashed ----------------------------------------------

function mysqlUpgradeAfterCrash(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.50', ['33', '161', '94']);
  const img = (v: string) => `docker.io/library/mysql:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      name: 'mysql', image: img(v), ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '2', memory: '6Gi',
      env: [{ name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'billing-mysql-root', key: 'password' } } }],
      readiness: execProbe(['mysqladmin', 'ping', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: execProbe(['mysqladmin', 'ping', '-h', '127.0.0.1'], { initialDelaySeconds: 60, periodSeconds: 20, timeoutSeconds: 5 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }, { name: 'conf', mountPath: '/etc/mysql/conf.d' }],
    })],
    volumes: [{ name: 'conf', configMap: { name: 'billing-mysql-conf' } }],
    terminationGracePeriodSeconds: 120,
  });
  const sts = statefulSetApp({
    namespace: ns, name: 'billing-mysql', replicas: 1, serviceName: 'billing-mysql-headless', createdAgo: 900 * DAYS,
    volumeClaimTemplates: [{ name: 'data', storage: '250Gi', storageClass: 'gp3' }],
    revisions: [
      { revision: 9, createdAgo: 210 * DAYS, template: tpl('5.7.44') },
      { revision: 10, createdAgo: 2 * DAYS + 3 * HOURS, template: { ...tpl('8.0.40'), annotations: { 'acme.io/change': 'DBA-812 MySQL 8.0 upgrade; OnDelete, pod to be deleted in the Sat 06:00 window' } } },
    ],
    currentRevision: 9,
    pods: [{ revision: 10, ordinal: 0, node: names[2] ?? '', createdAgo: 39, ready: false, containers: { mysql: crashLoop({ exitCode: 1, finishedAgo: 3.4, ranSeconds: 3 }, 11) } }],
  });
  const stsObj = sts.objects[0] as k8s.V1StatefulSet;
  if (stsObj.spec) stsObj.spec.updateStrategy = { type: 'OnDelete' };
  const pod = podOf(sts, 0);
  const evictMsg = 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 58212Ki. Container mysql was using 6108420Ki, request is 6Gi, has larger consumption of memory.';
  const old = names[0] ?? '';
  const svc = service({ namespace: ns, name: 'billing-mysql', selector: { app: 'billing-mysql' }, ports: [{ name: 'mysql', port: 3306, targetPort: 'mysql' }] });
  const api = deploymentApp({
    namespace: ns, name: 'invoice-api', replicas: 2,
    revisions: [{ revision: 17, createdAgo: 9 * DAYS, changeCause: 'argocd: invoice-api 2.4.0', template: { containers: [container({ image: `${ECR}/billing/invoice-api:2.4.0`, ports: [8080], readiness: httpProbe('/actuator/health/readiness', 8080) })] } }],
    pods: [0, 1].map((k) => ({ revision: 17, node: names[k + 1] ?? '', createdAgo: 9 * DAYS - k, ready: false, containers: { app: running({ sinceAgo: 9 * DAYS - k, ready: false }) } })),
    settled: { available: false, availableSince: 40, progressingSince: 9 * DAYS },
  });
  const crash = (t: number) => lines(
    `${myTime(t + 0.05)} 0 [Warning] [MY-011068] [Server] The syntax '--skip-host-cache' is deprecated and will be removed in a future release. Please use SET GLOBAL host_cache_size=0 instead.`,
    `${myTime(t + 0.05)} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.40) starting as process 1`,
    `${myTime(t + 0.04)} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
    `${myTime(t + 0.02)} 1 [ERROR] [MY-012526] [InnoDB] Upgrade after a crash is not supported. This redo log was created with MySQL 5.7.44. Please follow the instructions at http://dev.mysql.com/doc/refman/8.0/en/upgrading.html`,
    `${myTime(t + 0.02)} 1 [ERROR] [MY-012930] [InnoDB] Plugin initialization aborted with error Generic error.`,
    `${myTime(t + 0.01)} 1 [ERROR] [MY-011013] [Server] Failed to initialize DD Storage Engine.`,
    `${myTime(t + 0.01)} 0 [ERROR] [MY-010020] [Server] Data Dictionary initialization failed.`,
    `${myTime(t)} 0 [ERROR] [MY-010119] [Server] Aborting`,
    `${myTime(t)} 0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld 8.0.40)  MySQL Community Server - GPL.`,
  );
  const podRef = { kind: 'Pod', name: 'billing-mysql-0', namespace: ns };
  return {
    id: 'heldout102-mysql-80-after-eviction-crash',
    class: 'storage',
    truth: 'billing-mysql uses updateStrategy OnDelete; revision 10 (two days ago, DBA-812) already set mysql:8.0.40, to take effect when the DBA deleted the pod in Saturday\'s window. 40 minutes ago the kubelet on ' + old + ' evicted billing-mysql-0 (5.7.44) under node memory pressure, killing mysqld without a clean shutdown. The controller recreated the pod from the update revision, so MySQL 8.0.40 started on a 5.7 data directory that needs crash recovery and refuses: "Upgrade after a crash is not supported. This redo log was created with MySQL 5.7.44", exit 1, crash loop; invoice-api is down. Safest action: put the StatefulSet back on mysql:5.7.44 (revision 9) so InnoDB recovers, shut it down cleanly (innodb_fast_shutdown=0), then do the 8.0 upgrade.',
    ask: { service: 'billing-mysql', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...api.objects, svc, endpointSliceFor(svc, sts.pods, 3306),
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: api.pods }),
      ...claims(ns, 'data', 'billing-mysql', [0], ['eu-west-1c'], '250Gi', 900 * DAYS),
      nodeEvent(old, 'EvictionThresholdMet', 'Attempting to reclaim memory', { type: 'Warning', firstAgo: 40.5 }),
      nodeEvent(old, 'NodeHasInsufficientMemory', `Node ${old} status is now: NodeHasInsufficientMemory`, { firstAgo: 40.6 }),
      nodeEvent(old, 'NodeHasSufficientMemory', `Node ${old} status is now: NodeHasSufficientMemory`, { firstAgo: 36.2 }),
      event({ on: podRef, reason: 'Evicted', message: evictMsg, firstAgo: 40.4, lastAgo: 40.4 }),
      event({ on: podRef, type: 'Normal', reason: 'Killing', message: 'Stopping container mysql', firstAgo: 40.4, lastAgo: 40.4, fieldPath: 'spec.containers{mysql}' }),
      event({ on: { kind: 'StatefulSet', name: 'billing-mysql', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod billing-mysql-0 in StatefulSet billing-mysql successful', firstAgo: 39.2, lastAgo: 39.2, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'billing-mysql', namespace: ns }, type: 'Warning', reason: 'RecreatingFailedPod', message: 'StatefulSet billing/billing-mysql is recreating failed Pod billing-mysql-0', firstAgo: 39.2, lastAgo: 39.2, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'billing-mysql', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod billing-mysql-0 in StatefulSet billing-mysql successful', firstAgo: 39, lastAgo: 39, component: 'statefulset-controller' }),
      scheduled(pod, 39),
      event({ on: pod, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volumeOf(ns, 'data-billing-mysql-0')}"`, firstAgo: 38.4, lastAgo: 38.4, component: 'attachdetach-controller' }),
      event({ on: pod, type: 'Normal', reason: 'Pulling', message: `Pulling image "${img('8.0.40')}"`, firstAgo: 38.3, lastAgo: 38.3, fieldPath: 'spec.containers{mysql}' }),
      event({ on: pod, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${img('8.0.40')}" in 9.117s (9.117s including waiting). Image size: 172336840 bytes.`, firstAgo: 38.1, lastAgo: 38.1, fieldPath: 'spec.containers{mysql}' }),
      ...restartedAgain(pod, 'mysql', img('8.0.40'), { count: 12, firstAgo: 38.1, lastAgo: 3.4 }),
      backOff(pod, 'mysql', { count: 160, firstAgo: 37.8, lastAgo: 0.3 }),
      ...api.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 230, firstAgo: 40, lastAgo: 0.2 })),
    ],
    logs: [
      logsFor(pod, 'mysql', { current: lines(
        `${at(3.5).slice(0, 19).replace('T', ' ')}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.40-1.el9 started.`,
        `${at(3.5).slice(0, 19).replace('T', ' ')}+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'`,
      ) + crash(3.4), previous: crash(8.6) }),
      ...api.pods.map((p) => logsFor(p, 'app', { current: lines(
        `${at(39.9).replace('T', ' ').replace('Z', '')}  WARN 1 --- [invoice-api] [nio-8080-exec-4] com.zaxxer.hikari.pool.PoolBase          : HikariPool-1 - Failed to validate connection com.mysql.cj.jdbc.ConnectionImpl@5e1f0c2a (No operations allowed after connection closed.). Possibly consider using a shorter maxLifetime value.`,
        `${at(0.8).replace('T', ' ').replace('Z', '')} ERROR 1 --- [invoice-api] [nio-8080-exec-9] o.h.engine.jdbc.spi.SqlExceptionHelper   : HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=0)`,
        `${at(0.8).replace('T', ' ').replace('Z', '')} ERROR 1 --- [invoice-api] [nio-8080-exec-9] o.h.engine.jdbc.spi.SqlExceptionHelper   : Communications link failure`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/upgrade after a crash|crash recovery|unclean|not shut down cleanly|crashed|evict/i],
      facts: [/Upgrade after a crash is not supported/i, /5\.7\.44|revision 9/i, /evict|memory pressure|low on resource/i],
      never: [/(delete|wipe|remove|recreate|re-create) (the )?(pvc|volume|claim|data|redo|ib_logfile)/i, /liveness probe (kill|fail)/i, /innodb_force_recovery/i],
    },
  };
}

// ---- 5. a Redis Cluster rebalance: TRYAGAIN on multi-key commands -------------------------------------------

function redisClusterRebalance(): CorpusScenario {
  const ns = 'cart';
  const { nodes, names } = threeEksNodes('10.0.12', ['41', '178', '66']);
  const rimg = 'docker.io/bitnami/redis-cluster:7.2.5-debian-12-r0';
  const rtpl = { containers: [container({
    name: 'redis-cluster', image: rimg, ports: [{ name: 'tcp-redis', containerPort: 6379 }, { name: 'tcp-redis-bus', containerPort: 16379 }], cpu: '500m', memory: '3Gi',
    readiness: execProbe(['sh', '-c', '/scripts/ping_readiness_local.sh 1'], { periodSeconds: 5, timeoutSeconds: 2 }),
    liveness: execProbe(['sh', '-c', '/scripts/ping_liveness_local.sh 5'], { initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 6 }),
    volumeMounts: [{ name: 'redis-data', mountPath: '/bitnami/redis/data' }],
  })] };
  const cluster = statefulSetApp({
    namespace: ns, name: 'redis-cluster', replicas: 8, podManagementPolicy: 'Parallel', serviceName: 'redis-cluster-headless', createdAgo: 240 * DAYS,
    volumeClaimTemplates: [{ name: 'redis-data', storage: '8Gi', storageClass: 'gp3' }],
    revisions: [{ revision: 3, createdAgo: 81 * DAYS, template: rtpl }],
    pods: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ revision: 3, ordinal: i, node: names[i % 3] ?? '', createdAgo: i < 6 ? 81 * DAYS - i : 16 - (i - 6) * 0.3 })),
  });
  const ips = cluster.pods.map(ipOf);
  const jobImg = 'docker.io/bitnami/redis-cluster:7.2.5-debian-12-r0';
  const reb = job({
    namespace: ns, name: 'redis-cluster-rebalance', createdAgo: 9, backoffLimit: 0,
    template: { containers: [batchContainer({ name: 'rebalance', image: jobImg, command: ['/bin/bash', '-c'], args: [`redis-cli --cluster add-node ${'redis-cluster-6.redis-cluster-headless.cart.svc.cluster.local'}:6379 redis-cluster-0.redis-cluster-headless.cart.svc.cluster.local:6379 && redis-cli --cluster add-node redis-cluster-7.redis-cluster-headless.cart.svc.cluster.local:6379 redis-cluster-0.redis-cluster-headless.cart.svc.cluster.local:6379 && sleep 10 && redis-cli --cluster rebalance redis-cluster-0.redis-cluster-headless.cart.svc.cluster.local:6379 --cluster-use-empty-masters --cluster-pipeline 10`] })] },
    pods: [{ node: names[1] ?? '', createdAgo: 9 }],
  });
  const rebPod = podOf(reb, 0);
  const apiImg = (v: string) => `${ECR}/cart/cart-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImg(v), ports: [8080], env: [{ name: 'REDIS_CLUSTER_NODES', value: 'redis-cluster-headless.cart.svc.cluster.local:6379' }], readiness: httpProbe('/ready', 8080) })] });
  const api = deploymentApp({
    namespace: ns, name: 'cart-api', replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 5 * DAYS, changeCause: 'argocd: cart-api 7.19.2', template: apiTpl('7.19.2') },
      { revision: 41, createdAgo: 34, changeCause: 'argocd: cart-api 7.20.0', template: apiTpl('7.20.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 33.5 - k * 0.7 })),
    settled: { available: true, availableSince: 31, progressingSince: 34, progressingUpdatedAgo: 31.5 },
  });
  const slot = (k: number, i: number) => 1366 + ((k * 977 + i * 131) % 1360);
  const apiLog = (k: number) => {
    const out = [
      `{"level":"info","time":"${at(33 - k * 0.7)}","msg":"cart-api listening","version":"7.20.0","port":8080}`,
      `{"level":"info","time":"${at(32.9 - k * 0.7)}","msg":"redis cluster ready","nodes":6,"slots_covered":16384}`,
      `{"level":"info","time":"${at(20 + k)}","msg":"request","method":"GET","path":"/v1/carts/c_81f2a","status":200,"duration_ms":4}`,
      `{"level":"info","time":"${at(11.2 + k * 0.1)}","msg":"request","method":"POST","path":"/v1/carts/c_77d10/items","status":201,"duration_ms":7}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 7.6 - i * 0.5 - k * 0.03;
      if (i % 2 === 0) out.push(`{"level":"error","time":"${at(t)}","msg":"request failed","method":"GET","path":"/v1/carts/c_${(k * 31 + i * 17).toString(16)}9/summary","status":500,"err":"MGET cart:{c_${(k * 31 + i * 17).toString(16)}9}:items cart:{c_${(k * 31 + i * 17).toString(16)}9}:meta: TRYAGAIN Multiple keys request during rehashing of slot"}`);
      else if (i % 3 === 1) out.push(`{"level":"error","time":"${at(t)}","msg":"request failed","method":"POST","path":"/v1/carts/merge","status":500,"err":"EVALSHA merge_carts.lua (3 keys): TRYAGAIN Multiple keys request during rehashing of slot"}`);
      else out.push(`{"level":"debug","time":"${at(t)}","msg":"redis redirect","redirect":"ASK ${slot(k, i)} ${ips[6 + (i % 2)]}:6379","cmd":"GET"}`);
      out.push(`{"level":"info","time":"${at(t - 0.02)}","msg":"request","method":"GET","path":"/v1/carts/c_${(i * 7 + k).toString(16)}2","status":200,"duration_ms":${5 + (i % 4)}}`);
    }
    return lines(...out);
  };
  const rebLog = lines(
    `>>> Adding node redis-cluster-6.redis-cluster-headless.cart.svc.cluster.local:6379 to cluster redis-cluster-0.redis-cluster-headless.cart.svc.cluster.local:6379`,
    `>>> Performing Cluster Check (using node redis-cluster-0.redis-cluster-headless.cart.svc.cluster.local:6379)`,
    `M: 3f9a0c1e7d2b4a58e6c1f0a2b3d4e5f60718293a ${ips[0]}:6379`,
    `   slots:[0-5460] (5461 slots) master`,
    `   1 additional replica(s)`,
    `M: a81c2e0f4b6d8a1c3e5f7092b4d6f8a0c2e4f6a8 ${ips[1]}:6379`,
    `   slots:[5461-10922] (5462 slots) master`,
    `   1 additional replica(s)`,
    `M: 5d7f9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e ${ips[2]}:6379`,
    `   slots:[10923-16383] (5461 slots) master`,
    `   1 additional replica(s)`,
    `[OK] All nodes agree about slots configuration.`,
    `>>> Check for open slots...`,
    `>>> Check slots coverage...`,
    `[OK] All 16384 slots covered.`,
    `>>> Getting functions from cluster`,
    `>>> Send FUNCTION LIST to ${ips[6]}:6379 to verify there is no functions in it`,
    `>>> Send FUNCTION RESTORE to ${ips[6]}:6379`,
    `>>> Send CLUSTER MEET to node ${ips[6]}:6379 to make it join the cluster.`,
    `[OK] New node added correctly.`,
    `>>> Adding node redis-cluster-7.redis-cluster-headless.cart.svc.cluster.local:6379 to cluster redis-cluster-0.redis-cluster-headless.cart.svc.cluster.local:6379`,
    `[OK] All 16384 slots covered.`,
    `>>> Send CLUSTER MEET to node ${ips[7]}:6379 to make it join the cluster.`,
    `[OK] New node added correctly.`,
    `>>> Performing Cluster Check (using node redis-cluster-0.redis-cluster-headless.cart.svc.cluster.local:6379)`,
    `[OK] All nodes agree about slots configuration.`,
    `>>> Check for open slots...`,
    `>>> Check slots coverage...`,
    `[OK] All 16384 slots covered.`,
    `>>> Rebalancing across 5 nodes. Total weight = 5.00`,
    `Moving 1093 slots from ${ips[0]}:6379 to ${ips[6]}:6379`,
    '#'.repeat(1093),
    `Moving 1093 slots from ${ips[1]}:6379 to ${ips[6]}:6379`,
    '#'.repeat(612),
  );
  return {
    id: 'heldout102-redis-cluster-rebalance-tryagain',
    class: 'network',
    truth: 'Nine minutes ago the platform team scaled redis-cluster from 6 to 8 pods and started Job redis-cluster-rebalance, which added the two new nodes as masters and is moving slots to them (redis-cli --cluster rebalance, still running). While a slot is migrating, multi-key commands whose keys are split between source and target get "TRYAGAIN Multiple keys request during rehashing of slot" (single-key commands are just ASK-redirected and succeed): cart-api\'s MGET of cart summaries and its 3-key merge script fail with 500s since the rebalance started, its GETs work. cart-api revision 41 (34 minutes ago, healthy for 25 minutes before) is not the cause. The errors stop when the migration finishes; let the Job complete (or pause resharding off-peak) and retry TRYAGAIN in the client.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...cluster.objects, ...reb.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: api.pods }),
      ...(() => { const h = service({ namespace: ns, name: 'redis-cluster-headless', selector: { app: 'redis-cluster' }, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'tcp-redis' }, { name: 'tcp-redis-bus', port: 16379, targetPort: 'tcp-redis-bus' }], headless: true, createdAgo: 240 * DAYS }); return [h, endpointSliceFor(h, cluster.pods, 6379)]; })(),
      ...claims(ns, 'redis-data', 'redis-cluster', [0, 1, 2, 3, 4, 5, 6, 7], ZONES, '8Gi', (i) => (i < 6 ? 240 * DAYS : 16)),
      event({ on: { kind: 'StatefulSet', name: 'redis-cluster', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod redis-cluster-6 in StatefulSet redis-cluster successful', firstAgo: 16, lastAgo: 16, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'redis-cluster', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod redis-cluster-7 in StatefulSet redis-cluster successful', firstAgo: 15.7, lastAgo: 15.7, component: 'statefulset-controller' }),
      ...startedNormally(podOf(cluster, 6), 'redis-cluster', rimg, 16),
      ...startedNormally(podOf(cluster, 7), 'redis-cluster', rimg, 15.7),
      jobEvent(reb.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(rebPod)}`, 9),
      ...startedNormally(rebPod, 'rebalance', jobImg, 9),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 41), 3, 0, 34),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 40), 0, 3, 31.5),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(rebPod, 'rebalance', { current: rebLog }),
      logsFor(podOf(cluster, 0), 'redis-cluster', { current: lines(
        `1:M ${redisTime(62)} * 100 changes in 300 seconds. Saving...`,
        `1:M ${redisTime(62)} * Background saving started by pid 41177`,
        `41177:C ${redisTime(61.9)} * DB saved on disk`,
        `1:M ${redisTime(61.9)} * Background saving terminated with success`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/TRYAGAIN|rehashing|reshard|rebalanc|slot migration|migrating slots/i],
      facts: [/redis-cluster-rebalance/, /MGET|multi-?key|Multiple keys/i, /TRYAGAIN/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /cart-api[^\n]*(7\.20\.0|revision 41)[^\n]*(cause|broke|introduc)/i],
    },
  };
}

// ---- 6. mongo 6.0 → 7.0 while featureCompatibilityVersion is still 5.0 ----------------------------------------

function mongoFcvStillOld(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.208', ['12', '99', '175']);
  const img = (v: string) => `docker.io/library/mongo:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      name: 'mongod', image: img(v), command: ['mongod'], args: ['--replSet', 'rs0', '--bind_ip_all', '--wiredTigerCacheSizeGB', '1.5', '--auth', '--keyFile', '/etc/mongo-keyfile/keyfile'],
      ports: [{ name: 'mongodb', containerPort: 27017 }], cpu: '1', memory: '4Gi',
      readiness: execProbe(['mongosh', '--quiet', '--eval', 'db.adminCommand("ping").ok'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: tcpProbe('mongodb', { initialDelaySeconds: 30, periodSeconds: 20 }),
      volumeMounts: [{ name: 'datadir', mountPath: '/data/db' }, { name: 'keyfile', mountPath: '/etc/mongo-keyfile', readOnly: true }],
    })],
    volumes: [{ name: 'keyfile', secret: { secretName: 'mongo-keyfile', defaultMode: 256 } }],
  });
  const sts = statefulSetApp({
    namespace: ns, name: 'mongo', replicas: 3, serviceName: 'mongo', createdAgo: 700 * DAYS,
    volumeClaimTemplates: [{ name: 'datadir', storage: '150Gi', storageClass: 'gp3' }],
    revisions: [
      { revision: 14, createdAgo: 310 * DAYS, template: tpl('5.0.26') },
      { revision: 15, createdAgo: 95 * DAYS, template: tpl('6.0.16') },
      { revision: 16, createdAgo: 23, template: tpl('7.0.14') },
    ],
    pods: [
      { revision: 15, ordinal: 0, node: names[0] ?? '', createdAgo: 95 * DAYS - 12 },
      { revision: 15, ordinal: 1, node: names[1] ?? '', createdAgo: 95 * DAYS - 6 },
      { revision: 16, ordinal: 2, node: names[2] ?? '', createdAgo: 22.5, ready: false, containers: { mongod: crashLoop({ exitCode: 62, finishedAgo: 2.6, ranSeconds: 2 }, 9) } },
    ],
  });
  const m2 = podOf(sts, 2);
  const m0 = podOf(sts, 0);
  const t = (m: number) => `{"$date":"${at(m).replace('Z', '+00:00')}"}`;
  const fcvErr = 'UPGRADE PROBLEM: Found an invalid featureCompatibilityVersion document (ERROR: Location4926900: Invalid featureCompatibilityVersion document in admin.system.version: { _id: \\"featureCompatibilityVersion\\", version: \\"5.0\\" }. See https://docs.mongodb.com/master/release-notes/7.0-compatibility/#feature-compatibility. :: caused by :: Invalid feature compatibility version value \'5.0\'; expected \'6.0\' or \'6.3\' or \'7.0\'. See https://docs.mongodb.com/master/release-notes/7.0-compatibility/#feature-compatibility.). If the current featureCompatibilityVersion is below 6.0, see the documentation on upgrading at https://docs.mongodb.com/master/release-notes/7.0/#upgrade-procedures.';
  const crash = (m: number) => lines(
    `{"t":${t(m + 0.03)},"s":"I",  "c":"CONTROL",  "id":23285,   "ctx":"main","msg":"Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'"}`,
    `{"t":${t(m + 0.03)},"s":"I",  "c":"CONTROL",  "id":4615611, "ctx":"initandlisten","msg":"MongoDB starting","attr":{"pid":1,"port":27017,"dbPath":"/data/db","architecture":"64-bit","host":"mongo-2"}}`,
    `{"t":${t(m + 0.03)},"s":"I",  "c":"CONTROL",  "id":23403,   "ctx":"initandlisten","msg":"Build Info","attr":{"buildInfo":{"version":"7.0.14","gitVersion":"ce59cfc6a3c5e5c067dca0d30697edd68d4f5188","openSSLVersion":"OpenSSL 3.0.2 15 Mar 2022","modules":[],"allocator":"tcmalloc","environment":{"distmod":"ubuntu2204","distarch":"x86_64","target_arch":"x86_64"}}}}`,
    `{"t":${t(m + 0.02)},"s":"I",  "c":"STORAGE",  "id":22315,   "ctx":"initandlisten","msg":"Opening WiredTiger","attr":{"config":"create,cache_size=1536M,session_max=33000,eviction=(threads_min=4,threads_max=4),config_base=false,statistics=(fast),log=(enabled=true,remove=true,path=journal,compressor=snappy),builtin_extension_config=(zstd=(compression_level=6)),file_manager=(close_idle_time=600,close_scan_interval=10,close_handle_minimum=2000),statistics_log=(wait=0),json_output=(error,message),verbose=[recovery_progress:1,checkpoint_progress:1,compact_progress:1,backup:0,checkpoint:0,compact:0,evict:0,history_store:0,recovery:0,rts:0,salvage:0,tiered:0,timestamp:0,transaction:0,verify:0,log:0],"}}`,
    `{"t":${t(m + 0.01)},"s":"I",  "c":"STORAGE",  "id":4795906, "ctx":"initandlisten","msg":"WiredTiger opened","attr":{"durationMillis":812}}`,
    `{"t":${t(m)},"s":"F",  "c":"CONTROL",  "id":20573,   "ctx":"initandlisten","msg":"Wrong mongod version","attr":{"error":"${fcvErr}"}}`,
    `{"t":${t(m)},"s":"I",  "c":"CONTROL",  "id":20565,   "ctx":"initandlisten","msg":"Now exiting"}`,
    `{"t":${t(m)},"s":"I",  "c":"CONTROL",  "id":23138,   "ctx":"initandlisten","msg":"Shutting down","attr":{"exitCode":62}}`,
  );
  const svc = service({ namespace: ns, name: 'mongo', selector: { app: 'mongo' }, ports: [{ name: 'mongodb', port: 27017, targetPort: 'mongodb' }], headless: true, createdAgo: 700 * DAYS });
  const m0log = lines(
    `{"t":${t(22.9)},"s":"I",  "c":"REPL_HB",  "id":23974,   "ctx":"ReplCoord-12","msg":"Heartbeat failed after max retries","attr":{"target":"mongo-2.mongo.catalog.svc.cluster.local:27017","maxHeartbeatRetries":2,"error":{"code":6,"codeName":"HostUnreachable","errmsg":"Error connecting to mongo-2.mongo.catalog.svc.cluster.local:27017 (${ipOf(m2)}:27017) :: caused by :: Connection refused"}}}`,
    `{"t":${t(12.4)},"s":"I",  "c":"NETWORK",  "id":22943,   "ctx":"listener","msg":"Connection accepted","attr":{"remote":"10.0.33.18:51544","uuid":{"uuid":{"$uuid":"0c1f5c3e-62aa-4e1f-9f0b-8d6c2f1a7b44"}},"connectionId":88214,"connectionCount":61}}`,
    `{"t":${t(1.1)},"s":"I",  "c":"REPL_HB",  "id":23974,   "ctx":"ReplCoord-31","msg":"Heartbeat failed after max retries","attr":{"target":"mongo-2.mongo.catalog.svc.cluster.local:27017","maxHeartbeatRetries":2,"error":{"code":6,"codeName":"HostUnreachable","errmsg":"Error connecting to mongo-2.mongo.catalog.svc.cluster.local:27017 (${ipOf(m2)}:27017) :: caused by :: Connection refused"}}}`,
  );
  return {
    id: 'heldout102-mongo-70-fcv-still-50',
    class: 'rollout',
    truth: 'StatefulSet mongo revision 16 (23 minutes ago) bumped mongo:6.0.16 → mongo:7.0.14. When the replica set went 5.0 → 6.0 three months ago (revision 15), nobody ran setFeatureCompatibilityVersion "6.0", so the data files still carry featureCompatibilityVersion 5.0; mongod 7.0 only starts on FCV 6.0 or later. The rolling update (highest ordinal first) replaced mongo-2, which fails with "UPGRADE PROBLEM: Found an invalid featureCompatibilityVersion document … version 5.0" and exits 62 in a crash loop; mongo-0 and mongo-1 (6.0) still hold a majority, and the update is stalled. Safest action: put mongo back on 6.0.16 (revision 15), run setFeatureCompatibilityVersion "6.0" on the primary, then roll 7.0 again.',
    ask: { service: 'mongo', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, svc, endpointSliceFor(svc, sts.pods, 27017),
      ...claims(ns, 'datadir', 'mongo', [0, 1, 2], ZONES, '150Gi', 700 * DAYS),
      event({ on: { kind: 'StatefulSet', name: 'mongo', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod mongo-2 in StatefulSet mongo successful', firstAgo: 23, lastAgo: 23, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'mongo', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod mongo-2 in StatefulSet mongo successful', firstAgo: 22.5, lastAgo: 22.5, component: 'statefulset-controller' }),
      scheduled(m2, 22.5),
      event({ on: m2, type: 'Normal', reason: 'Pulling', message: `Pulling image "${img('7.0.14')}"`, firstAgo: 22.4, lastAgo: 22.4, fieldPath: 'spec.containers{mongod}' }),
      event({ on: m2, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${img('7.0.14')}" in 8.402s (8.402s including waiting). Image size: 268143412 bytes.`, firstAgo: 22.2, lastAgo: 22.2, fieldPath: 'spec.containers{mongod}' }),
      ...restartedAgain(m2, 'mongod', img('7.0.14'), { count: 10, firstAgo: 22.2, lastAgo: 2.6 }),
      backOff(m2, 'mongod', { count: 94, firstAgo: 22, lastAgo: 0.4 }),
    ],
    logs: [
      logsFor(m2, 'mongod', { current: crash(2.6), previous: crash(7.8) }),
      logsFor(m0, 'mongod', { current: m0log }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/featureCompatibilityVersion|FCV|feature compatibility/i],
      facts: [/5\.0/, /setFeatureCompatibilityVersion|FCV[^\n]*6\.0|feature ?compatibility ?version[^\n]*6\.0/i, /mongo-2/],
      never: [/\bOOM/, /(delete|wipe|remove|recreate|re-create) (the )?(pvc|volume|claim|data)/i, /liveness probe (kill|fail)/i],
    },
  };
}

// ---- 7. healthy control: a primary and a standby with routine noise --------------------------------------------

function postgresRoutineNoise(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.171', ['5', '122', '249']);
  const img = 'docker.io/library/postgres:16.4';
  const pg = (role: string) => ({ containers: [container({
    name: 'postgres', image: img, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '1', memory: '4Gi',
    env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'PG_ROLE', value: role }],
    readiness: execProbe(['pg_isready', '-U', 'postgres'], { periodSeconds: 10, timeoutSeconds: 5 }),
    liveness: execProbe(['pg_isready', '-U', 'postgres'], { initialDelaySeconds: 30, periodSeconds: 15, timeoutSeconds: 5 }),
    volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
  })] });
  const primary = statefulSetApp({
    namespace: ns, name: 'accounts-db', replicas: 1, serviceName: 'accounts-db-headless', createdAgo: 380 * DAYS,
    volumeClaimTemplates: [{ name: 'data', storage: '120Gi', storageClass: 'gp3' }],
    revisions: [{ revision: 5, createdAgo: 44 * DAYS, template: pg('primary') }],
    pods: [{ revision: 5, ordinal: 0, node: names[0] ?? '', createdAgo: 12 * DAYS, containers: { postgres: running({ sinceAgo: 12 * DAYS }) } }],
  });
  const standby = statefulSetApp({
    namespace: ns, name: 'accounts-db-standby', replicas: 1, serviceName: 'accounts-db-standby', createdAgo: 380 * DAYS,
    volumeClaimTemplates: [{ name: 'data', storage: '120Gi', storageClass: 'gp3' }],
    revisions: [{ revision: 5, createdAgo: 44 * DAYS, template: pg('replica') }],
    pods: [{ revision: 5, ordinal: 0, node: names[1] ?? '', createdAgo: 12 * DAYS, containers: { postgres: running({ sinceAgo: 12 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 9 * DAYS, ranSeconds: 3 * 86400 } }) } }],
  });
  const p = podOf(primary, 0);
  const s = podOf(standby, 0);
  const rw = service({ namespace: ns, name: 'accounts-db', selector: { app: 'accounts-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] });
  const ro = service({ namespace: ns, name: 'accounts-db-ro', selector: { app: 'accounts-db-standby' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] });
  const pLog = lines(
    `${pgTime(14.8)} [67] LOG:  checkpoint starting: time`,
    `${pgTime(10.3)} [67] LOG:  checkpoint complete: wrote 2311 buffers (14.1%); 0 WAL file(s) added, 0 removed, 2 recycled; write=269.844 s, sync=0.017 s, total=269.912 s; sync files=97, longest=0.006 s, average=0.001 s; distance=31044 kB, estimate=33517 kB; lsn=1C/7E2A1F08, redo lsn=1C/7D11C3B0`,
    `${pgTime(8.1)} [1932117] LOG:  automatic vacuum of table "accounts.public.sessions": index scans: 1`,
    `\tpages: 0 removed, 18422 remain, 4120 scanned (22.36% of total)`,
    `\ttuples: 61204 removed, 402117 remain, 0 are dead but not yet removable`,
    `\tindex scan needed: 2210 pages from table (12.00% of total) had 61204 dead item identifiers removed`,
    `\tavg read rate: 3.118 MB/s, avg write rate: 2.904 MB/s`,
    `\tsystem usage: CPU: user: 0.41 s, system: 0.09 s, elapsed: 1.86 s`,
    `${pgTime(5.5)} [1931890] LOG:  could not receive data from client: Connection reset by peer`,
    `${pgTime(5.5)} [1931890] LOG:  unexpected EOF on client connection with an open transaction`,
    `${pgTime(4.8)} [67] LOG:  checkpoint starting: time`,
    `${pgTime(0.3)} [67] LOG:  checkpoint complete: wrote 1987 buffers (12.1%); 0 WAL file(s) added, 0 removed, 2 recycled; write=269.801 s, sync=0.011 s, total=269.860 s; sync files=88, longest=0.004 s, average=0.001 s; distance=28871 kB, estimate=33052 kB; lsn=1C/7FD06E40, redo lsn=1C/7EE02A18`,
  );
  const sLog = lines(
    `${pgTime(14.6)} [66] LOG:  restartpoint starting: time`,
    `${pgTime(10.1)} [66] LOG:  restartpoint complete: wrote 2140 buffers (13.1%); 0 WAL file(s) added, 1 removed, 1 recycled; write=269.702 s, sync=0.021 s, total=269.790 s; sync files=92, longest=0.007 s, average=0.001 s; distance=31044 kB, estimate=33517 kB; lsn=1C/7E2A1F08, redo lsn=1C/7D11C3B0`,
    `${pgTime(10.1)} [66] LOG:  recovery restart point at 1C/7D11C3B0`,
    `${pgTime(10.1)} [66] DETAIL:  Last completed transaction was at log time ${pgTime(10.12)}.`,
    `${pgTime(3.2)} [1402211] ERROR:  canceling statement due to conflict with recovery`,
    `${pgTime(3.2)} [1402211] DETAIL:  User query might have needed to see row versions that must be removed.`,
    `${pgTime(3.2)} [1402211] STATEMENT:  SELECT count(*) FROM ledger_entries WHERE created_at > now() - interval '30 days'`,
    `${pgTime(0.1)} [66] LOG:  restartpoint starting: time`,
  );
  const api = deploymentApp({
    namespace: ns, name: 'accounts-api', replicas: 2,
    revisions: [{ revision: 22, createdAgo: 4 * DAYS, changeCause: 'argocd: accounts-api 1.9.4', template: { containers: [container({ image: `${ECR}/accounts/accounts-api:1.9.4`, ports: [8080] })] } }],
    pods: [0, 1].map((k) => ({ revision: 22, node: names[k + 1] ?? '', createdAgo: 4 * DAYS - k })),
  });
  return {
    id: 'heldout102-postgres-primary-standby-routine-noise',
    class: 'healthy',
    truth: 'Nothing is wrong with accounts-db: the primary and its streaming standby are Ready, serving, and unchanged for weeks. The logs hold only routine noise: timed checkpoints and restartpoints, an autovacuum of sessions, a client that reset its connection mid-transaction, and one analytics query on the standby cancelled by a recovery conflict; the standby restarted once nine days ago and has been steady since.',
    ask: { service: 'accounts-db', namespace: ns },
    objects: [
      ...nodes, ...primary.objects, ...standby.objects, ...api.objects, rw, ro, endpointSliceFor(rw, primary.pods, 5432), endpointSliceFor(ro, standby.pods, 5432),
      ...exposed({ namespace: ns, name: 'accounts-api', selector: { app: 'accounts-api' }, pods: api.pods }),
      ...claims(ns, 'data', 'accounts-db', [0], ['eu-west-1a'], '120Gi', 380 * DAYS),
      ...claims(ns, 'data', 'accounts-db-standby', [0], ['eu-west-1b'], '120Gi', 380 * DAYS),
    ],
    logs: [
      logsFor(p, 'postgres', { current: pLog }),
      logsFor(s, 'postgres', { current: sLog }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue)|nothing (is )?wrong|ready|fine/i],
      facts: [/accounts-db/],
      never: [/\bOOM/, /conflict with recovery[^\n]*(cause|outage|broken)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  postgresMajorBump(),
  standbySystemIdentifierDiffers(),
  redisPinnedBack(),
  mysqlUpgradeAfterCrash(),
  redisClusterRebalance(),
  mongoFcvStillOld(),
  postgresRoutineNoise(),
];
