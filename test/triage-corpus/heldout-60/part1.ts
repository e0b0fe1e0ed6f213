// Held-out stories, sixtieth round, part one:
// 1. a reporting API answering 500 on its report endpoints after its MySQL StatefulSet was
//    upgraded 5.7 → 8.0 with a rewritten my.cnf that dropped sql_mode, so ONLY_FULL_GROUP_BY
//    (8.0's default) rejects its GROUP BY queries (error 1055); the API did not change;
// 2. an mTLS client whose certificate the in-namespace rotator re-issued with only the serverAuth
//    extended key usage, so the ledger gateway rejects every handshake (bad certificate);
// 3. expand/contract violated: a migration Job added a NOT NULL column without a default, the API
//    was updated, the legacy EDI importer was not and fails every insert (not-null violation);
// 4. a Spring Boot liveness group that includes the database health: a DB failover made every
//    pod fail liveness together, and they keep being killed while the database is slow;
// 5. a Go service switched to the cgo DNS resolver (GODEBUG=netdns=cgo) crashing under slow DNS
//    with "fatal error: thread exhaustion" (exit 2), its threads blocked in getaddrinfo;
// 6. a Kafka Streams app whose state directory moved from a PVC to an emptyDir: every start
//    restores the changelog from scratch and the startup probe kills it before it finishes;
// 7. healthy control: a steady JVM search service with CDS, Hibernate HHH90000025 and
//    Elasticsearch "security not enabled" startup warnings.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, boundClaim, configMap, container, crashLoop, cronJob, deploymentApp, event,
  exposed, httpProbe, job, jobEvent, nameOf, probeFailed, probeKilling, pulledFresh, pyTime, restartedAgain, rsOf, running,
  scaledReplicaSet, startedNormally, statefulSetApp, tcpProbe, coreDns, exited,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot 3's console line. */
const boot = (m: number, level: string, app: string, thread: string, logger: string, msg: string): string =>
  `${at(m)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;
/** MySQL 8's error-log time. */
const myTime = (m: number): string => at(m).replace('Z', '000Z');

// ---- 1. MySQL 5.7 → 8.0: ONLY_FULL_GROUP_BY rejects the reporting API's GROUP BY ----------------

function mysql8OnlyFullGroupBy(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.44', ['12', '139', '210']);
  const oldCnf = configMap({
    namespace: ns, name: 'reports-mysql-conf', createdAgo: 400 * DAYS,
    data: { 'my.cnf': '[mysqld]\ncharacter-set-server=utf8mb4\ncollation-server=utf8mb4_unicode_ci\ninnodb_buffer_pool_size=2G\nmax_connections=300\nsql_mode=STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION\nslow_query_log=1\nlong_query_time=2\n' },
  });
  const newCnf = configMap({
    namespace: ns, name: 'reports-mysql-conf-80', createdAgo: 43,
    data: { 'my.cnf': '[mysqld]\n# 8.0: utf8mb4 / utf8mb4_0900_ai_ci are the defaults now\ninnodb_buffer_pool_size=2G\nmax_connections=300\nslow_query_log=1\nlong_query_time=2\nskip-name-resolve\n' },
  });
  const dbTpl = (image: string, cnf: string) => ({
    containers: [container({
      name: 'mysql', image, ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '1', memory: '3Gi',
      env: [{ name: 'MYSQL_DATABASE', value: 'reports' }, { name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'reports-mysql', key: 'root-password' } } }],
      readiness: { exec: { command: ['sh', '-c', 'mysqladmin ping -uroot -p"$MYSQL_ROOT_PASSWORD"'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 },
      liveness: tcpProbe('mysql', { initialDelaySeconds: 60, periodSeconds: 20 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }, { name: 'conf', mountPath: '/etc/mysql/conf.d' }],
    })],
    volumes: [{ name: 'conf', configMap: { name: cnf, defaultMode: 420 } }],
  });
  const db = statefulSetApp({
    namespace: ns, name: 'reports-mysql', replicas: 1, serviceName: 'reports-mysql',
    revisions: [
      { revision: 3, createdAgo: 400 * DAYS, template: dbTpl('docker.io/library/mysql:5.7.44', 'reports-mysql-conf') },
      { revision: 4, createdAgo: 41, template: dbTpl('docker.io/library/mysql:8.0.40', 'reports-mysql-conf-80') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi' }],
    pods: [{ revision: 4, ordinal: 0, node: names[1] ?? '', createdAgo: 40.5, containers: { mysql: running({ sinceAgo: 40 }) } }],
  });
  const apiImage = `${ECR}/analytics/reporting-api:3.8.2`;
  const apiTpl = (image: string) => ({
    containers: [container({
      image, ports: [8000], cpu: '500m', memory: '768Mi',
      command: ['uvicorn', 'reporting.main:app', '--host', '0.0.0.0', '--port', '8000', '--workers', '4'],
      env: [
        { name: 'DATABASE_URL', value: 'mysql+pymysql://reporting@reports-mysql.analytics.svc.cluster.local:3306/reports' },
        { name: 'DB_POOL_SIZE', value: '10' },
        { name: 'EXPORT_BUCKET', value: 's3://acme-analytics-exports-prod' },
      ],
      readiness: httpProbe('/healthz', 8000, { periodSeconds: 10 }),
      liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 20 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns, name: 'reporting-api', replicas: 3,
    revisions: [
      { revision: 16, createdAgo: 23 * DAYS, changeCause: 'argocd: reporting-api 3.8.1', template: apiTpl(`${ECR}/analytics/reporting-api:3.8.1`) },
      { revision: 17, createdAgo: 9 * DAYS, changeCause: 'argocd: reporting-api 3.8.2', template: apiTpl(apiImage) },
    ],
    pods: [
      { revision: 17, node: names[0] ?? '', createdAgo: 9 * DAYS - 1 },
      { revision: 17, node: names[1] ?? '', createdAgo: 9 * DAYS - 2, containers: { app: running({ sinceAgo: 3 * DAYS + 200, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 3 * DAYS + 200.2, ranSeconds: 6 * DAYS * 60 } }) } },
      { revision: 17, node: names[2] ?? '', createdAgo: 9 * DAYS - 3 },
    ],
  });
  const sched = bystander(ns, 'report-scheduler', names, 34, { revisions: [11, 12], versions: ['1.4.0', '1.4.1'], olderAgo: 30 * DAYS });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-reports-mysql-0', storage: '100Gi', zone: 'eu-west-1b', createdAgo: 400 * DAYS });
  const dbPod = podOf(db, 0);
  const mysqlImage = 'docker.io/library/mysql:8.0.40';
  const sts = { kind: 'StatefulSet', name: 'reports-mysql', namespace: ns };
  const nonAgg: [string, string, string][] = [
    ['revenue-by-region', "Expression #2 of SELECT list is not in GROUP BY clause and contains nonaggregated column 'reports.r.display_name' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by", '?month=2026-11'],
    ['top-customers', "Expression #3 of SELECT list is not in GROUP BY clause and contains nonaggregated column 'reports.c.account_manager' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by", '?limit=50&from=2026-10-01'],
    ['orders-daily', "Expression #1 of ORDER BY clause is not in GROUP BY clause and contains nonaggregated column 'reports.o.created_at' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by", '?days=30'],
  ];
  const apiLog = (k: number): string => {
    const out: string[] = [
      `INFO:     10.0.44.${30 + k}:4${k}112 - "GET /healthz HTTP/1.1" 200 OK`,
      `WARNING:  slow export: report=quarterly-tax rows=418233 took 3.41s`,
      `INFO:     10.0.44.${30 + k}:4${k}118 - "GET /v1/reports/revenue-by-region?month=2026-10 HTTP/1.1" 200 OK`,
      `ERROR:    (pymysql.err.OperationalError) (2013, 'Lost connection to MySQL server during query') [reconnecting pool]`,
      `ERROR:    (pymysql.err.OperationalError) (2003, "Can't connect to MySQL server on 'reports-mysql.analytics.svc.cluster.local' ([Errno 111] Connection refused)")`,
      `INFO:     10.0.21.${70 + k}:5${k}310 - "GET /v1/reports/top-customers?limit=50&from=2026-10-01 HTTP/1.1" 503 Service Unavailable`,
    ];
    for (let i = 0; i < 9; i++) {
      const [path, msg, q] = nonAgg[(i + k) % 3] ?? nonAgg[0]!;
      out.push(
        `ERROR:    Exception in ASGI application`,
        `Traceback (most recent call last):`,
        `  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 1967, in _exec_single_context`,
        `    self.dialect.do_execute(`,
        `  File "/usr/local/lib/python3.12/site-packages/pymysql/err.py", line 150, in raise_mysql_exception`,
        `    raise errorclass(errno, errval)`,
        `pymysql.err.OperationalError: (1055, "${msg}")`,
        ``,
        `The above exception was the direct cause of the following exception:`,
        ``,
        `Traceback (most recent call last):`,
        `  File "/app/reporting/routes/reports.py", line 142, in ${path.replace(/-/g, '_')}`,
        `    rows = (await session.execute(stmt)).all()`,
        `sqlalchemy.exc.OperationalError: (pymysql.err.OperationalError) (1055, "${msg}")`,
        `(Background on this error at: https://sqlalche.me/e/20/e3q8)`,
        `INFO:     10.0.21.${70 + k}:5${k}${400 + i} - "GET /v1/reports/${path}${q} HTTP/1.1" 500 Internal Server Error`,
      );
      if (i % 3 === 1) out.push(`INFO:     10.0.44.${30 + k}:4${k}${200 + i} - "GET /healthz HTTP/1.1" 200 OK`, `INFO:     10.0.21.${70 + k}:5${k}${500 + i} - "GET /v1/datasets HTTP/1.1" 200 OK`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout60-mysql8-only-full-group-by',
    class: 'config',
    truth: 'The reports-mysql StatefulSet was upgraded from mysql:5.7.44 to mysql:8.0.40 (revision 4, 41 minutes ago) with a rewritten config (reports-mysql-conf-80) that dropped the old sql_mode line (it named NO_AUTO_CREATE_USER, removed in 8.0), so the server now runs with 8.0\'s default sql_mode including ONLY_FULL_GROUP_BY; the unchanged reporting-api\'s GROUP BY queries fail with error 1055 and its report endpoints answer 500. Fix: restore a sql_mode without ONLY_FULL_GROUP_BY (or fix the queries); the API\'s own revision is not the cause.',
    ask: { service: 'reporting-api', namespace: ns },
    objects: [
      ...nodes, oldCnf, newCnf, ...db.objects, claim, vol, ...api.objects, ...sched.objects,
      ...exposed({ namespace: ns, name: 'reports-mysql', selector: { app: 'reports-mysql' }, pods: db.pods, ports: [{ name: 'mysql', port: 3306, targetPort: 'mysql' }], endpointPort: 3306 }),
      ...exposed({ namespace: ns, name: 'reporting-api', selector: { app: 'reporting-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'report-scheduler', selector: { app: 'report-scheduler' }, pods: sched.pods }),
      event({ on: sts, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod reports-mysql-0 in StatefulSet reports-mysql successful', firstAgo: 41, lastAgo: 41, component: 'statefulset-controller' }),
      event({ on: sts, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod reports-mysql-0 in StatefulSet reports-mysql successful', firstAgo: 40.5, lastAgo: 40.5, component: 'statefulset-controller' }),
      ...pulledFresh(dbPod, 'mysql', mysqlImage, { atAgo: 40.5, bytes: 172_881_934, seconds: 7.812, pulledAgo: 40.2 }),
      event({ on: dbPod, type: 'Normal', reason: 'Created', message: 'Created container mysql', firstAgo: 40.1, lastAgo: 40.1, fieldPath: 'spec.containers{mysql}' }),
      event({ on: dbPod, type: 'Normal', reason: 'Started', message: 'Started container mysql', firstAgo: 40, lastAgo: 40, fieldPath: 'spec.containers{mysql}' }),
      probeFailed(dbPod, 'mysql', 'Readiness', 'mysqladmin: connect to server at \'localhost\' failed\nerror: \'Can\'t connect to local MySQL server through socket \'/var/run/mysqld/mysqld.sock\' (2)\'\nCheck that mysqld is running and that the socket: \'/var/run/mysqld/mysqld.sock\' exists!', { count: 9, firstAgo: 39.8, lastAgo: 38.4 }),
      probeFailed(podOf(api, 1), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(api, 1))}:8000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS - 0.2 }),
      scaledReplicaSet(deploymentOf(sched), rsOf(sched, 12), 2, 0, 34),
      scaledReplicaSet(deploymentOf(sched), rsOf(sched, 11), 0, 2, 33),
    ],
    logs: [
      logsFor(dbPod, 'mysql', { current: lines(
        `${myTime(40)} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.40) starting as process 1`,
        `${myTime(40)} 0 [Warning] [MY-011068] [Server] The syntax '--skip-host-cache' is deprecated and will be removed in a future release. Please use SET GLOBAL host_cache_size=0 instead.`,
        `${myTime(39.9)} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
        `${myTime(39.6)} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
        `${myTime(39.5)} 1 [System] [MY-011012] [Server] Starting upgrade of data directory.`,
        `${myTime(38.9)} 2 [System] [MY-011003] [Server] Finished populating Data Dictionary tables with data.`,
        `${myTime(38.6)} 5 [System] [MY-013381] [Server] Server upgrade from '50700' to '80040' started.`,
        `${myTime(38.2)} 5 [System] [MY-013381] [Server] Server upgrade from '50700' to '80040' completed.`,
        `${myTime(38.1)} 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.`,
        `${myTime(38.1)} 0 [System] [MY-013602] [Server] Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.`,
        `${myTime(38.1)} 0 [Warning] [MY-011810] [Server] Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.`,
        `${myTime(38)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.40'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
        `${myTime(38)} 0 [System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock`,
      ) }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/only_full_group_by|sql_mode|1055|group by/i, /mysql|8\.0|reports-mysql/i],
      facts: [/only_full_group_by/i, /8\.0(\.40)?/],
      never: [/\bOOM/, /report-scheduler/, /reporting-api[^\n]*(revision 17|3\.8\.2)[^\n]*(caused|broke|introduced)/i, /liveness/i],
    },
  };
}

// ---- 2. mTLS client certificate re-issued with serverAuth only ---------------------------------

function mtlsClientCertServerAuthOnly(): CorpusScenario {
  const ns = 'treasury';
  const { nodes, names } = threeEksNodes('10.0.96', ['24', '151', '233']);
  const gwImage = `${ECR}/treasury/ledger-gateway:2.19.0`;
  const gw = deploymentApp({
    namespace: ns, name: 'ledger-gateway', replicas: 2,
    revisions: [{ revision: 44, createdAgo: 11 * DAYS, changeCause: 'argocd: ledger-gateway 2.19.0', template: {
      containers: [container({ image: gwImage, ports: [{ name: 'grpc', containerPort: 8443 }, { name: 'admin', containerPort: 9090 }], cpu: '300m', memory: '256Mi',
        env: [{ name: 'TLS_CERT_DIR', value: '/etc/ledger/tls' }, { name: 'TLS_CLIENT_AUTH', value: 'require-and-verify' }],
        readiness: httpProbe('/ready', 'admin'), liveness: httpProbe('/healthz', 'admin', { initialDelaySeconds: 5 }),
        volumeMounts: [{ name: 'tls', mountPath: '/etc/ledger/tls', readOnly: true }] })],
      volumes: [{ name: 'tls', secret: { secretName: 'ledger-gateway-tls', defaultMode: 288 } }],
    } }],
    pods: [0, 1].map((k) => ({ revision: 44, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
  });
  const payImage = (v: string) => `${ECR}/treasury/payout-service:${v}`;
  const payTpl = (v: string) => ({
    containers: [container({ image: payImage(v), ports: [8080], cpu: '250m', memory: '384Mi',
      env: [{ name: 'LEDGER_ADDR', value: 'ledger-gateway.treasury.svc.cluster.local:8443' }, { name: 'MTLS_DIR', value: '/etc/payout/mtls' }, { name: 'MTLS_RELOAD', value: 'fsnotify' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
      volumeMounts: [{ name: 'mtls', mountPath: '/etc/payout/mtls', readOnly: true }] })],
    volumes: [{ name: 'mtls', secret: { secretName: 'payout-service-mtls', defaultMode: 288 } }],
  });
  const notReady = { app: running({ sinceAgo: 6 * DAYS, ready: false }) };
  const pay = deploymentApp({
    namespace: ns, name: 'payout-service', replicas: 3,
    revisions: [
      { revision: 62, createdAgo: 20 * DAYS, changeCause: 'argocd: payout-service 5.3.0', template: payTpl('5.3.0') },
      { revision: 63, createdAgo: 6 * DAYS + 30, changeCause: 'argocd: payout-service 5.3.1', template: payTpl('5.3.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 63, node: names[k] ?? '', createdAgo: 6 * DAYS + 29 - k, containers: notReady })),
    settled: { available: false, availableSince: 57, progressingSince: 6 * DAYS + 30, progressingUpdatedAgo: 6 * DAYS + 26 },
  });
  const rotCfg = configMap({
    namespace: ns, name: 'mtls-rotator-config', createdAgo: 180 * DAYS, updatedAgo: 4 * HOURS + 12,
    data: {
      'rotator.yaml': [
        'issuer: vault-pki-int',
        'pki_mount: pki_int/treasury',
        'renew_before: 72h',
        'ttl: 720h',
        'defaults:',
        '  key_type: ec',
        '  key_bits: 256',
        '  ext_key_usage: ["ServerAuth"]',
        'certificates:',
        '  - secret: ledger-gateway-tls',
        '    role: ledger-gateway',
        '    common_name: ledger-gateway.treasury.svc',
        '    alt_names: [ledger-gateway.treasury.svc.cluster.local]',
        '  - secret: payout-service-mtls',
        '    role: payout-service',
        '    common_name: payout-service.treasury.svc',
        '  - secret: fx-quotes-mtls',
        '    role: fx-quotes',
        '    common_name: fx-quotes.treasury.svc',
        '',
      ].join('\n'),
    },
  });
  const rotImage = `${ECR}/platform/mtls-rotator:0.9.4`;
  const rotator = cronJob({
    namespace: ns, name: 'mtls-rotator', schedule: '15 */6 * * *', createdAgo: 180 * DAYS, lastSuccessfulAgo: 58,
    template: { containers: [batchContainer({ name: 'rotator', image: rotImage, args: ['--config', '/etc/rotator/rotator.yaml'], cpu: '50m', memory: '64Mi' })], serviceAccountName: 'mtls-rotator' },
    jobs: [
      { createdAgo: 6 * HOURS + 59, outcome: { complete: true, ago: 6 * HOURS + 58 }, pods: [{ node: names[2] ?? '', createdAgo: 6 * HOURS + 59, phase: 'Succeeded', containers: { rotator: { state: exited({ exitCode: 0, finishedAgo: 6 * HOURS + 58.5, ranSeconds: 9 }, 'r1'), ready: false, restartCount: 0, started: false } } }] },
      { createdAgo: 59, outcome: { complete: true, ago: 58 }, pods: [{ node: names[0] ?? '', createdAgo: 59, phase: 'Succeeded', containers: { rotator: { state: exited({ exitCode: 0, finishedAgo: 58.4, ranSeconds: 11 }, 'r2'), ready: false, restartCount: 0, started: false } } }] },
    ],
  });
  const rotPod = rotator.jobs[1]?.pods[0];
  const oldRotPod = rotator.jobs[0]?.pods[0];
  const gwLog = (k: number): string => {
    const out = [
      `{"time":"${at(3 * HOURS)}","level":"WARN","msg":"slow upstream","op":"PostJournal","db":"ledger-pg","dur_ms":812}`,
      `{"time":"${at(58.3 - k * 0.1)}","level":"INFO","msg":"tls: server certificate reloaded","subject":"CN=ledger-gateway.treasury.svc","serial":"41:8c:a2:9e","not_after":"2026-12-21T02:15:47Z"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 57 - i * 4 - k * 0.4;
      const src = `${ipOfPod(podOf(pay, (i + k) % 3))}:${41000 + i * 37 + k * 5}`;
      const ts = at(t).replace(/-/g, '/').replace('T', ' ').slice(0, 19);
      out.push(`${ts} WARNING: [core] [Server #1 ListenSocket #2] grpc: Server.Serve failed to complete security handshake from "${src}": tls: failed to verify certificate: x509: certificate specifies an incompatible key usage`);
      if (i % 4 === 0) out.push(`{"time":"${at(t - 0.1)}","level":"INFO","msg":"rpc","method":"/ledger.v1.Ledger/GetBalance","peer":"CN=fx-quotes.treasury.svc","code":"OK","dur_ms":4}`);
    }
    return lines(...out);
  };
  const payLog = (k: number): string => {
    const out = [
      `{"time":"${at(6 * DAYS)}","level":"INFO","msg":"payout-service starting","version":"5.3.1"}`,
      `{"time":"${at(6 * DAYS - 0.1)}","level":"INFO","msg":"mtls: client certificate loaded","serial":"3a:91:0c:7e","not_after":"2026-11-23T03:16:09Z"}`,
      `{"time":"${at(2 * HOURS)}","level":"WARN","msg":"payout batch retried","batch":"PB-20261121-0007","attempt":2,"error":"ledger: rpc error: code = DeadlineExceeded desc = context deadline exceeded"}`,
      `{"time":"${at(58.2 - k * 0.1)}","level":"INFO","msg":"mtls: client certificate reloaded","serial":"6f:02:d4:18","not_after":"2026-12-21T02:15:48Z"}`,
    ];
    for (let i = 0; i < 16; i++) {
      const t = 57.5 - i * 3.4 - k * 0.3;
      out.push(`{"time":"${at(t)}","level":"WARN","msg":"[core] [Channel #1 SubChannel #3] grpc: addrConn.createTransport failed to connect to {Addr: \\"ledger-gateway.treasury.svc.cluster.local:8443\\", ServerName: \\"ledger-gateway.treasury.svc.cluster.local\\"}. Err: connection error: desc = \\"transport: authentication handshake failed: remote error: tls: bad certificate\\""}`);
      if (i % 2 === 0) out.push(`{"time":"${at(t - 0.05)}","level":"ERROR","msg":"payout submit failed","batch":"PB-20261121-00${12 + i}","error":"ledger: rpc error: code = Unavailable desc = connection error: desc = \\"transport: authentication handshake failed: remote error: tls: bad certificate\\""}`);
      if (i % 5 === 0) out.push(`{"time":"${at(t - 0.08)}","level":"INFO","msg":"GET /readyz","status":503,"reason":"ledger connection TRANSIENT_FAILURE"}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout60-mtls-client-cert-server-auth-only',
    class: 'network',
    truth: 'A change to the mtls-rotator defaults (ext_key_usage ["ServerAuth"] for every certificate) took effect when the rotator re-issued payout-service\'s client certificate 58 minutes ago; ledger-gateway requires client certificates valid for clientAuth, rejects every handshake ("x509: certificate specifies an incompatible key usage"), payout-service sees "remote error: tls: bad certificate" and its pods turned unready. Fix: re-issue the client certificate with the clientAuth extended key usage; neither deployment changed.',
    ask: { service: 'payout-service', namespace: ns },
    objects: [
      ...nodes, rotCfg, ...rotator.objects, ...gw.objects, ...pay.objects,
      ...exposed({ namespace: ns, name: 'ledger-gateway', selector: { app: 'ledger-gateway' }, pods: gw.pods, ports: [{ name: 'grpc', port: 8443, targetPort: 'grpc' }], endpointPort: 8443 }),
      ...exposed({ namespace: ns, name: 'payout-service', selector: { app: 'payout-service' }, pods: pay.pods }),
      ...(rotPod ? [jobEvent(rotator.jobs[1]?.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(rotPod)}`, 59)] : []),
      jobEvent(rotator.jobs[1]?.objects[0], 'Completed', 'Job completed', 58),
      event({ on: { kind: 'CronJob', name: 'mtls-rotator', namespace: ns }, type: 'Normal', reason: 'SawCompletedJob', message: `Saw completed job: ${nameOf(rotator.jobs[1]?.objects[0])}, condition: Complete`, firstAgo: 58, lastAgo: 58, component: 'cronjob-controller' }),
      ...pay.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 338 - k * 3, firstAgo: 57.3 - k * 0.2, lastAgo: 0.1 + k * 0.1 })),
    ],
    logs: [
      ...gw.pods.map((p, k) => logsFor(p, 'app', { current: gwLog(k) })),
      ...pay.pods.map((p, k) => logsFor(p, 'app', { current: payLog(k) })),
      ...(rotPod ? [logsFor(rotPod, 'rotator', { current: lines(
        `time="${at(58.9)}" level=info msg="loaded config" certificates=3 issuer=vault-pki-int`,
        `time="${at(58.8)}" level=info msg="certificate due for renewal" secret=ledger-gateway-tls not_after="2026-11-23T03:16:02Z"`,
        `time="${at(58.7)}" level=info msg="issued certificate" secret=ledger-gateway-tls serial="41:8c:a2:9e" ext_key_usage="[ServerAuth]" ttl=720h`,
        `time="${at(58.6)}" level=info msg="certificate due for renewal" secret=payout-service-mtls not_after="2026-11-23T03:16:09Z"`,
        `time="${at(58.5)}" level=info msg="issued certificate" secret=payout-service-mtls serial="6f:02:d4:18" ext_key_usage="[ServerAuth]" ttl=720h`,
        `time="${at(58.5)}" level=info msg="certificate still valid" secret=fx-quotes-mtls not_after="2026-12-09T09:15:44Z"`,
        `time="${at(58.4)}" level=info msg="done" renewed=2 skipped=1`,
      ) })] : []),
      ...(oldRotPod ? [logsFor(oldRotPod, 'rotator', { current: lines(`time="${at(6 * HOURS + 58.9)}" level=info msg="loaded config" certificates=3 issuer=vault-pki-int`, `time="${at(6 * HOURS + 58.6)}" level=info msg="done" renewed=0 skipped=3`) })] : []),
    ],
    expect: {
      verdict: 'problems',
      headline: [/key usage|ext_?key_?usage|serverAuth|clientAuth|bad certificate|certificate/i],
      facts: [/incompatible key usage|ServerAuth|clientAuth/i, /bad certificate/i],
      never: [/\b(has|had|is|was) expired|expired (client |server )?cert/i, /\bOOM/, ADVISES_ROLLBACK, /NetworkPolicy/i],
    },
  };
}

// ---- 3. expand/contract violated: NOT NULL column without a default, legacy writer not updated ---

function notNullColumnLegacyWriter(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.58', ['40', '117', '222']);
  const dbUrl = { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'shipments-db', key: 'url' } } };
  const apiImage = (v: string) => `${ECR}/fulfilment/shipments-api:${v}`;
  const apiTpl = (v: string) => ({ containers: [container({ image: apiImage(v), ports: [8080], cpu: '500m', memory: '1Gi', env: [dbUrl, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) })] });
  const api = deploymentApp({
    namespace: ns, name: 'shipments-api', replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 15 * DAYS, changeCause: 'argocd: shipments-api 7.21.0', template: apiTpl('7.21.0') },
      { revision: 58, createdAgo: 24, changeCause: 'argocd: shipments-api 7.22.0', template: apiTpl('7.22.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 23.8 - k * 1.1 })),
  });
  const migImage = `${ECR}/fulfilment/shipments-migrations:7.22.0`;
  const mig = job({
    namespace: ns, name: 'shipments-db-migrate-7-22-0', createdAgo: 25.5, backoffLimit: 0,
    template: { containers: [batchContainer({ name: 'flyway', image: migImage, args: ['migrate'], env: [dbUrl], cpu: '100m', memory: '256Mi' })] },
    pods: [{ node: names[2] ?? '', createdAgo: 25.5, phase: 'Succeeded', containers: { flyway: { state: exited({ exitCode: 0, finishedAgo: 25, ranSeconds: 21 }, 'mig'), ready: false, restartCount: 0, started: false } } }],
    outcome: { complete: true, ago: 25 },
  });
  const migPod = podOf(mig, 0);
  const edImage = `${ECR}/fulfilment/edi-importer:2.4.7`;
  const edi = deploymentApp({
    namespace: ns, name: 'edi-importer', replicas: 2,
    revisions: [
      { revision: 11, createdAgo: 140 * DAYS, changeCause: 'edi-importer 2.4.6', template: { containers: [batchContainer({ image: `${ECR}/fulfilment/edi-importer:2.4.6`, env: [dbUrl, { name: 'SFTP_HOST', value: 'sftp.partners.acme-logistics.com' }], cpu: '200m', memory: '384Mi' })] } },
      { revision: 12, createdAgo: 71 * DAYS, changeCause: 'edi-importer 2.4.7', template: { containers: [batchContainer({ image: edImage, env: [dbUrl, { name: 'SFTP_HOST', value: 'sftp.partners.acme-logistics.com' }, { name: 'POLL_INTERVAL', value: '60s' }], cpu: '200m', memory: '384Mi' })] } },
    ],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 12 * DAYS, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.1, ranSeconds: 41 }, 7) } },
      { revision: 12, node: names[1] ?? '', createdAgo: 12 * DAYS, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 0.9, ranSeconds: 38 }, 8) } },
    ],
  });
  const tracker = bystander(ns, 'carrier-tracker', names, 6 * HOURS, { revisions: [30, 31], versions: ['3.0.9', '3.1.0'], olderAgo: 21 * DAYS });
  const rows = ['ASN-771402', 'ASN-771403', 'ASN-771405', 'ASN-771409'];
  const crashRun = (k: number, end: number): string => {
    const out = [
      `${pyTime(end + 0.68)} INFO edi_importer.main edi-importer 2.4.7 starting (partners=4, poll=60s)`,
      `${pyTime(end + 0.67)} INFO edi_importer.db connected to shipments@shipments-db.cluster-cq81kd2mzx0p.eu-west-1.rds.amazonaws.com:5432`,
      `${pyTime(end + 0.64)} WARNING paramiko.transport Socket exception: Connection reset by peer (104)`,
      `${pyTime(end + 0.62)} INFO edi_importer.sftp reconnected to sftp.partners.acme-logistics.com (attempt 2)`,
      `${pyTime(end + 0.6)} INFO edi_importer.sftp polling /outbound/856 on sftp.partners.acme-logistics.com`,
      `${pyTime(end + 0.55)} INFO edi_importer.consumer processing 856 batch partner=ACME-LOGISTICS file=ASN_20261121_0${k}2${Math.round(end)}.edi records=48`,
    ];
    for (let a = 1; a <= 3; a++) {
      const ref = rows[(a + k) % rows.length] ?? 'ASN-1';
      out.push(
        `${pyTime(end + 0.5 - a * 0.1)} ERROR edi_importer.store insert failed for ${ref} (attempt ${a}/3)`,
        `Traceback (most recent call last):`,
        `  File "/app/edi_importer/store.py", line 88, in insert_shipment`,
        `    cur.execute(INSERT_SHIPMENT, row)`,
        `psycopg2.errors.NotNullViolation: null value in column "service_level" of relation "shipments" violates not-null constraint`,
        `DETAIL:  Failing row contains (9${k}81${a}4, ${ref}, ACME-LOGISTICS, 1Z84F0${a}70312245${k}, in_transit, 2026-11-21 0${k}:58:11+00, null).`,
      );
    }
    out.push(
      `${pyTime(end + 0.05)} ERROR edi_importer.consumer giving up on batch after 3 attempts; leaving file in /outbound/856 for the next run`,
      `Traceback (most recent call last):`,
      `  File "/app/edi_importer/main.py", line 61, in <module>`,
      `    run_forever(cfg)`,
      `  File "/app/edi_importer/consumer.py", line 117, in run_forever`,
      `    raise BatchFailed(batch.file) from last_error`,
      `edi_importer.consumer.BatchFailed: ASN_20261121_0${k}2${Math.round(end)}.edi`,
    );
    return lines(...out);
  };
  return {
    id: 'heldout60-not-null-column-legacy-writer',
    class: 'config',
    truth: 'The shipments-api 7.22.0 release ran Flyway migration v142 (Job shipments-db-migrate-7-22-0, 25 minutes ago) adding shipments.service_level as NOT NULL without a default; the API was updated to write it, but the legacy edi-importer (unchanged for 71 days) still inserts without that column, so every insert fails with "null value in column \\"service_level\\" ... violates not-null constraint" and the importer crash-loops. Fix: give the column a default (or make it nullable) until the importer is updated — expand/contract.',
    ask: { service: 'edi-importer', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...mig.objects, ...edi.objects, ...tracker.objects,
      ...exposed({ namespace: ns, name: 'shipments-api', selector: { app: 'shipments-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'carrier-tracker', selector: { app: 'carrier-tracker' }, pods: tracker.pods }),
      jobEvent(mig.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(migPod)}`, 25.5),
      jobEvent(mig.objects[0], 'Completed', 'Job completed', 25),
      ...startedNormally(migPod, 'flyway', migImage, 25.4),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 58), 1, 0, 24),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 57), 0, 1, 21.5),
      ...edi.pods.flatMap((p, k) => [
        ...restartedAgain(p, 'app', edImage, { count: 8 - k, firstAgo: 23.5 - k * 0.3, lastAgo: 1.5 - k * 0.6 }),
        backOff(p, 'app', { count: 96 - k * 7, firstAgo: 23 - k * 0.3 }),
      ]),
    ],
    logs: [
      logsFor(migPod, 'flyway', { current: lines(
        'Flyway OSS Edition 10.20.1 by Redgate',
        '',
        'See release notes here: https://rd.gt/416ObMi',
        'Database: jdbc:postgresql://shipments-db.cluster-cq81kd2mzx0p.eu-west-1.rds.amazonaws.com:5432/shipments (PostgreSQL 16.4)',
        'Successfully validated 142 migrations (execution time 00:00.091s)',
        'Current version of schema "public": 141',
        'Migrating schema "public" to version "142 - shipments service level"',
        'Successfully applied 1 migration to schema "public", now at version v142 (execution time 00:02.318s)',
      ) }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: lines(
        boot(23 - k, 'INFO', 'shipments-api', 'main', 'c.a.f.shipments.ShipmentsApplication', 'Started ShipmentsApplication in 21.604 seconds (process running for 22.9)'),
        boot(12 - k, 'INFO', 'shipments-api', 'nio-8080-exec-3', 'c.a.f.s.web.ShipmentController', 'created shipment id=9184' + k + '2 serviceLevel=EXPRESS carrier=UPS'),
        boot(4 - k * 0.5, 'WARN', 'shipments-api', 'nio-8080-exec-7', 'c.a.f.s.carrier.UpsRatesClient', 'rates lookup slow (2140 ms), serving cached quote'),
      ) })),
      ...edi.pods.map((p, k) => logsFor(p, 'app', {
        previous: crashRun(k, k === 0 ? 2.1 : 0.9),
        current: lines(`${pyTime(0.4)} INFO edi_importer.main edi-importer 2.4.7 starting (partners=4, poll=60s)`, `${pyTime(0.39)} INFO edi_importer.db connected to shipments@shipments-db.cluster-cq81kd2mzx0p.eu-west-1.rds.amazonaws.com:5432`),
      })),
      ...tracker.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","time":"${at(1)}","msg":"tracking poll done","updated":37}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/not[- ]null|NotNullViolation|service_level/i],
      facts: [/service_level/, /migrat|v142|flyway/i],
      never: [/\bOOM/, /probe/i, /carrier-tracker/, ADVISES_ROLLBACK],
    },
  };
}

// ---- 4. Spring Boot liveness group includes db: a DB failover restarts every pod together --------

function livenessIncludesDatabase(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.120', ['9', '140', '251']);
  const cfg = configMap({
    namespace: ns, name: 'customer-profile-config', createdAgo: 200 * DAYS, updatedAgo: 47 * DAYS,
    data: {
      'application.properties': [
        'spring.datasource.url=jdbc:postgresql://accounts-db.cluster-c9p2xk1q7w3e.eu-west-1.rds.amazonaws.com:5432/accounts',
        'spring.datasource.hikari.maximum-pool-size=20',
        'spring.datasource.hikari.connection-timeout=30000',
        'spring.jpa.open-in-view=false',
        'management.endpoints.web.exposure.include=health,info,prometheus',
        'management.endpoint.health.probes.enabled=true',
        'management.endpoint.health.group.liveness.include=livenessState,db',
        'management.endpoint.health.group.readiness.include=readinessState,db,redis',
        'management.health.redis.enabled=true',
        'server.shutdown=graceful',
        '',
      ].join('\n'),
    },
  });
  const image = (v: string) => `${ECR}/accounts/customer-profile:${v}`;
  const tpl = (v: string) => ({
    containers: [container({ image: image(v), ports: [8080], cpu: '1', memory: '1536Mi', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }, { name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'file:/config/' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 5, timeoutSeconds: 3 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 }),
      startup: httpProbe('/actuator/health/liveness', 8080, { periodSeconds: 5, failureThreshold: 24 }),
      volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }] })],
    volumes: [{ name: 'config', configMap: { name: 'customer-profile-config', defaultMode: 420 } }],
  });
  const restarts = [6, 6, 5, 6];
  const app = deploymentApp({
    namespace: ns, name: 'customer-profile', replicas: 4,
    revisions: [
      { revision: 21, createdAgo: 33 * DAYS, changeCause: 'argocd: customer-profile 4.9.0', template: tpl('4.9.0') },
      { revision: 22, createdAgo: 12 * DAYS, changeCause: 'argocd: customer-profile 4.9.1', template: tpl('4.9.1') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({
      revision: 22, node: names[k % 3] ?? '', createdAgo: 12 * DAYS - k,
      containers: { app: k === 2
        ? crashLoop({ exitCode: 143, finishedAgo: 1.2, ranSeconds: 170 }, restarts[k] ?? 5)
        : running({ sinceAgo: 2.4 - k * 0.3, ready: false, restarts: restarts[k] ?? 5, last: { exitCode: 143, finishedAgo: 2.5 - k * 0.3, ranSeconds: 190 + k * 11 } }) },
    })),
  });
  const other = bystander(ns, 'consent-service', names, 50, { revisions: [14, 15], versions: ['1.12.3', '1.13.0'], olderAgo: 26 * DAYS });
  const sb = (m: number, lvl: string, th: string, lg: string, msg: string) => boot(m, lvl, 'customer-profile', th, lg, msg);
  const failRun = (end: number, k: number): string => lines(
    sb(end + 3.2, 'INFO', 'main', 'c.a.a.profile.ProfileApplication', 'Starting ProfileApplication v4.9.1 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
    sb(end + 3.1, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
    sb(end + 2.6, 'WARN', 'main', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Pool is empty, failed to create/setup connection (connection-timeout 30000ms)'),
    sb(end + 2.4, 'INFO', 'main', 'c.a.a.profile.ProfileApplication', `Started ProfileApplication in 44.${k}12 seconds (process running for 46.0)`),
    sb(end + 2.0, 'WARN', 'nio-8080-exec-2', 'o.s.b.a.jdbc.DataSourceHealthIndicator', 'DataSource health check failed'),
    'org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection',
    '\tat org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:84)',
    '\tat org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator.doDataSourceHealthCheck(DataSourceHealthIndicator.java:108)',
    'Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30004ms (total=2, active=2, idle=0, waiting=14)',
    '\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:686)',
    'Caused by: org.postgresql.util.PSQLException: The connection attempt failed.',
    'Caused by: java.net.SocketTimeoutException: Connect timed out',
    sb(end + 1.1, 'ERROR', 'nio-8080-exec-5', 'o.a.c.c.C.[.[.[/].[dispatcherServlet]', 'Servlet.service() for servlet [dispatcherServlet] threw exception [Request processing failed: org.springframework.transaction.CannotCreateTransactionException: Could not open JPA EntityManager for transaction] with root cause'),
    sb(end + 0.5, 'WARN', 'nio-8080-exec-9', 'o.s.b.a.jdbc.DataSourceHealthIndicator', 'DataSource health check failed'),
    sb(end + 0.05, 'INFO', 'ionShutdownHook', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Commencing graceful shutdown. Waiting for active requests to complete'),
    sb(end + 0.04, 'INFO', 'tomcat-shutdown', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Graceful shutdown complete'),
    sb(end + 0.02, 'INFO', 'ionShutdownHook', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Shutdown initiated...'),
  );
  const pods = app.pods;
  return {
    id: 'heldout60-liveness-group-includes-db',
    class: 'probes',
    truth: 'customer-profile\'s liveness health group includes the database (management.endpoint.health.group.liveness.include=livenessState,db in customer-profile-config), so when the accounts Aurora cluster failed over ~31 minutes ago and stayed slow, /actuator/health/liveness answered 503 on every pod at once and the kubelet killed all four together, again and again (exit 143). The application is fine; liveness must not depend on the database (keep db in readiness only).',
    ask: { service: 'customer-profile', namespace: ns },
    objects: [
      ...nodes, cfg, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'customer-profile', selector: { app: 'customer-profile' }, pods }),
      ...exposed({ namespace: ns, name: 'consent-service', selector: { app: 'consent-service' }, pods: other.pods }),
      ...pods.flatMap((p, k) => [
        probeFailed(p, 'app', 'Liveness', 'HTTP probe failed with statuscode: 503', { count: 9 - k, firstAgo: 30.5 - k * 0.1, lastAgo: 0.3 + k * 0.2 }),
        probeFailed(p, 'app', 'Liveness', `Get "http://${ipOfPod(p)}:8080/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 11 + k, firstAgo: 30.2 - k * 0.1, lastAgo: 0.8 + k * 0.2 }),
        probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 310 - k * 9, firstAgo: 30.8 - k * 0.1, lastAgo: 0.2 }),
        probeKilling(p, 'app', 'liveness', { count: restarts[k] ?? 5, firstAgo: 30 - k * 0.1, lastAgo: 2.5 - k * 0.3 }),
        ...restartedAgain(p, 'app', image('4.9.1'), { count: restarts[k] ?? 5, firstAgo: 29.9 - k * 0.1, lastAgo: 2.4 - k * 0.3 }),
      ]),
      backOff(podOf(app, 2), 'app', { count: 4, firstAgo: 9 }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 15), 2, 0, 50),
    ],
    logs: [
      ...pods.map((p, k) => logsFor(p, 'app', {
        previous: failRun(k === 2 ? 1.2 : 2.5 - k * 0.3, k),
        ...(k === 2 ? {} : { current: lines(
          sb(2.3 - k * 0.3, 'INFO', 'main', 'c.a.a.profile.ProfileApplication', 'Starting ProfileApplication v4.9.1 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
          sb(2.2 - k * 0.3, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
          sb(1.6 - k * 0.3, 'WARN', 'main', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Pool is empty, failed to create/setup connection (connection-timeout 30000ms)'),
          sb(1.5 - k * 0.3, 'INFO', 'main', 'c.a.a.profile.ProfileApplication', 'Started ProfileApplication in 47.390 seconds (process running for 48.8)'),
          sb(0.8, 'WARN', 'nio-8080-exec-1', 'o.s.b.a.jdbc.DataSourceHealthIndicator', 'DataSource health check failed'),
          'Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30001ms (total=3, active=3, idle=0, waiting=9)',
        ) }),
      })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(0.5)}","msg":"GET /v1/consents/88f1c2 200 3ms"}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/liveness/i, /db|database|datasource|group|livenessState|depend/i],
      facts: [/livenessState,\s*db|group\.liveness/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /consent-service/, /memory/i],
    },
  };
}

// ---- 5. GODEBUG=netdns=cgo under slow DNS: thread exhaustion (exit 2) ---------------------------

function cgoResolverThreadExhaustion(): CorpusScenario {
  const ns = 'integrations';
  const { nodes, names } = threeEksNodes('10.0.137', ['15', '98', '201']);
  const image = `${ECR}/integrations/webhook-dispatcher:1.31.4`;
  const env = (cgo: boolean): k8s.V1EnvVar[] => [
    { name: 'QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/webhook-deliveries' },
    { name: 'DELIVERY_CONCURRENCY', value: '2000' },
    { name: 'DELIVERY_TIMEOUT', value: '10s' },
    { name: 'GOMEMLIMIT', value: '900MiB' },
    ...(cgo ? [{ name: 'GODEBUG', value: 'netdns=cgo' }] : []),
  ];
  const tpl = (cgo: boolean) => ({ containers: [container({ image, ports: [8080], cpu: '1', memory: '1Gi', env: env(cgo), readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] });
  const restarts = [5, 4, 5, 3];
  const app = deploymentApp({
    namespace: ns, name: 'webhook-dispatcher', replicas: 4,
    revisions: [
      { revision: 40, createdAgo: 18 * DAYS, changeCause: 'argocd: webhook-dispatcher 1.31.4', template: tpl(false) },
      { revision: 41, createdAgo: 38, changeCause: 'argocd: webhook-dispatcher 1.31.4 (PLAT-2291: use libc resolver so partner /etc/hosts overrides apply)', template: tpl(true) },
    ],
    settled: { available: false, availableSince: 31, progressingSince: 38, progressingUpdatedAgo: 34.9 },
    pods: [0, 1, 2, 3].map((k) => ({
      revision: 41, node: names[k % 3] ?? '', createdAgo: 37.5 - k * 0.8,
      containers: { app: k % 2 === 0
        ? crashLoop({ exitCode: 2, finishedAgo: 1.4 + k * 0.3, ranSeconds: 250 + k * 20 }, restarts[k] ?? 4)
        : running({ sinceAgo: 2.2 + k * 0.2, restarts: restarts[k] ?? 4, last: { exitCode: 2, finishedAgo: 2.3 + k * 0.2, ranSeconds: 280 } }) },
    })),
  });
  const dns = coreDns(names.slice(0, 2).map((n) => ({ node: n })));
  const other = bystander(ns, 'partner-registry', names, 2 * HOURS, { revisions: [8, 9], versions: ['0.14.1', '0.15.0'], olderAgo: 40 * DAYS });
  const hosts = ['hooks.shopwave.io', 'api.brightcart.de', 'webhooks.tillpoint.com', 'notify.parcelhub.eu', 'ingest.orderly.app'];
  const crash = (k: number, end: number): string => {
    const out: string[] = [
      `{"level":"info","ts":"${at(end + 4.6)}","msg":"webhook-dispatcher starting","version":"1.31.4","go":"go1.23.4","concurrency":2000}`,
      `{"level":"info","ts":"${at(end + 4.6)}","msg":"listening","addr":":8080"}`,
    ];
    for (let i = 0; i < 12; i++) {
      const h = hosts[(i + k) % hosts.length] ?? 'hooks.example.com';
      const t = end + 3.8 - i * 0.3;
      out.push(`{"level":"warn","ts":"${at(t)}","msg":"delivery failed","endpoint":"https://${h}/v1/events","event_id":"evt_${k}${i}8f21c","attempt":${1 + (i % 4)},"error":"Post \\"https://${h}/v1/events\\": context deadline exceeded"}`);
      if (i % 4 === 3) out.push(`{"level":"info","ts":"${at(t - 0.05)}","msg":"delivered","endpoint":"https://hooks.acme-internal.net/ingest","status":204,"ms":38}`);
    }
    out.push(
      `{"level":"warn","ts":"${at(end + 0.2)}","msg":"queue backlog growing","inflight":2000,"queued":${18000 + k * 911}}`,
      'runtime: program exceeds 10000-thread limit',
      'fatal error: thread exhaustion',
      '',
      'runtime stack:',
      'runtime.throw({0xb6d1c4?, 0x7f2a5cff8c50?})',
      '\t/usr/local/go/src/runtime/panic.go:1067 +0x48 fp=0x7f2a5cff8c20 sp=0x7f2a5cff8bf0 pc=0x4713c8',
      'runtime.checkmcount()',
      '\t/usr/local/go/src/runtime/proc.go:864 +0x8c fp=0x7f2a5cff8c48 sp=0x7f2a5cff8c20 pc=0x47598c',
      'runtime.mReserveID()',
      '\t/usr/local/go/src/runtime/proc.go:880 +0x36 fp=0x7f2a5cff8c70 sp=0x7f2a5cff8c48 pc=0x4759d6',
      'runtime.startm(0xc000070008, 0x0, 0x0)',
      '\t/usr/local/go/src/runtime/proc.go:2935 +0x13e fp=0x7f2a5cff8cc8 sp=0x7f2a5cff8c70 pc=0x4788be',
      'runtime.handoffp(0xc000070008?)',
      '\t/usr/local/go/src/runtime/proc.go:3011 +0x2d4 fp=0x7f2a5cff8cf0 sp=0x7f2a5cff8cc8 pc=0x478c34',
      'runtime.entersyscallblock_handoff()',
      '\t/usr/local/go/src/runtime/proc.go:4516 +0x29 fp=0x7f2a5cff8d10 sp=0x7f2a5cff8cf0 pc=0x47c949',
      '',
      `goroutine ${183000 + k * 1117} gp=0xc00bb2e1c0 m=9998 mp=0xc01a2f4008 [syscall]:`,
      `net._C2func_getaddrinfo(0xc0143a1f40, 0x0, 0xc0131e20c0, 0xc00a91c0a8)`,
      '\t_cgo_gotypes.go:100 +0x55',
      'net._C_getaddrinfo.func1(0xc0143a1f40, 0x0, 0xc0131e20c0, 0xc00a91c0a8)',
      '\t/usr/local/go/src/net/cgo_unix_cgo.go:78 +0x9c',
      'net._C_getaddrinfo(...)',
      '\t/usr/local/go/src/net/cgo_unix_cgo.go:78',
      `net.cgoLookupHostIP({0xb3f2a1, 0x3}, {0xc0041d2a80, 0x${(17 + k).toString(16)}})`,
      '\t/usr/local/go/src/net/cgo_unix.go:166 +0x1f1',
      'net.cgoLookupIP.func1()',
      '\t/usr/local/go/src/net/cgo_unix.go:217 +0x39',
      'net.doBlockingWithCtx[...].func1()',
      '\t/usr/local/go/src/net/cgo_unix.go:56 +0x3a',
      'created by net.doBlockingWithCtx[...] in goroutine 182977',
      '\t/usr/local/go/src/net/cgo_unix.go:54 +0x16b',
      '',
      `goroutine ${183001 + k * 1117} gp=0xc00bb2e380 m=9997 mp=0xc01a2f2008 [syscall]:`,
      'net._C2func_getaddrinfo(0xc0143a2040, 0x0, 0xc0131e2180, 0xc00a91c0c0)',
      '\t_cgo_gotypes.go:100 +0x55',
      'net._C_getaddrinfo.func1(0xc0143a2040, 0x0, 0xc0131e2180, 0xc00a91c0c0)',
      '\t/usr/local/go/src/net/cgo_unix_cgo.go:78 +0x9c',
      '...additional frames elided...',
    );
    return lines(...out);
  };
  const dnsLog = (j: number): string => {
    const out = [`.:53`, `[INFO] plugin/reload: Running configuration SHA512 = 8a7d59126e7f114ab49c6d2613be93d8ef7d408af8ee0f4d6d3dc6d2a0bb8d0d6d7c8e3b5a9f1c4e2d0b7a6f5e4d3c2b1a09f8e7d6c5b4a3928170615243`, `CoreDNS-1.11.3`, `linux/amd64, go1.22.7, a6338e9`];
    for (let i = 0; i < 10; i++) {
      const h = hosts[(i + j) % hosts.length] ?? 'hooks.example.com';
      out.push(`[ERROR] plugin/errors: 2 ${h}. A: read udp 10.0.137.${40 + j}:${40112 + i * 13}->10.0.0.2:53: i/o timeout`);
      if (i % 3 === 0) out.push(`[ERROR] plugin/errors: 2 ${h}. AAAA: read udp 10.0.137.${40 + j}:${40500 + i * 7}->10.0.0.2:53: i/o timeout`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout60-cgo-resolver-thread-exhaustion',
    class: 'containers',
    truth: 'Revision 41 of webhook-dispatcher (38 minutes ago, same image) added GODEBUG=netdns=cgo; with the cgo resolver every lookup blocks an OS thread in getaddrinfo, and with upstream DNS answering slowly and 2000 concurrent deliveries the process passes Go\'s 10000-thread limit and dies with "fatal error: thread exhaustion" (exit 2), over and over. Fix: drop netdns=cgo (the pure-Go resolver does not pin threads) or bound lookups; the slow upstream DNS is the trigger, not the cause.',
    ask: { service: 'webhook-dispatcher', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...dns.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'webhook-dispatcher', selector: { app: 'webhook-dispatcher' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'partner-registry', selector: { app: 'partner-registry' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 1, 0, 38),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 3, 4, 37.4),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 4, 3, 35.1),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 0, 1, 34.9),
      ...app.pods.flatMap((p, k) => [
        ...restartedAgain(p, 'app', image, { count: (restarts[k] ?? 4) + 1, firstAgo: 37.4 - k * 0.8, lastAgo: k % 2 === 0 ? 6 + k : 2.2 + k * 0.2 }),
        ...(k % 2 === 0 ? [backOff(p, 'app', { count: 14 + k, firstAgo: 24 - k })] : []),
        probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 6 + k, firstAgo: 31 - k, lastAgo: 1.6 + k * 0.3 }),
      ]),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', {
        previous: crash(k, k % 2 === 0 ? 1.4 + k * 0.3 : 2.3 + k * 0.2),
        ...(k % 2 === 0 ? {} : { current: lines(`{"level":"info","ts":"${at(2.1 + k * 0.2)}","msg":"webhook-dispatcher starting","version":"1.31.4","go":"go1.23.4","concurrency":2000}`, `{"level":"warn","ts":"${at(0.6)}","msg":"delivery failed","endpoint":"https://hooks.shopwave.io/v1/events","event_id":"evt_91ac0","attempt":2,"error":"Post \\"https://hooks.shopwave.io/v1/events\\": context deadline exceeded"}`) }),
      })),
      ...dns.pods.map((p, j) => logsFor(p, 'coredns', { current: dnsLog(j) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/netdns|cgo|GODEBUG|getaddrinfo|thread/i],
      facts: [/thread exhaustion|10000-thread/i, /netdns=cgo|GODEBUG/],
      never: [/\bOOM/, /liveness/i, /partner-registry/, /memory limit/i],
    },
  };
}

// ---- 6. Kafka Streams state on an emptyDir: full restore every start, startup probe kills it ----

function kafkaStreamsStateEmptyDir(): CorpusScenario {
  const ns = 'risk';
  const { nodes, names } = threeEksNodes('10.0.164', ['27', '103', '219']);
  const image = `${ECR}/risk/txn-aggregator:2.7.3`;
  const stateVolume = (pvcState: boolean): k8s.V1Volume => pvcState
    ? { name: 'state', persistentVolumeClaim: { claimName: 'txn-aggregator-state' } }
    : { name: 'state', emptyDir: { sizeLimit: '40Gi' } };
  const tpl = (pvcState: boolean) => ({
    containers: [container({
      image, ports: [{ name: 'admin', containerPort: 8081 }], cpu: '2', memory: '4Gi',
      env: [
        { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'b-1.risk-msk.x7k2pq.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.risk-msk.x7k2pq.c3.kafka.eu-west-1.amazonaws.com:9098' },
        { name: 'APPLICATION_ID', value: 'txn-aggregator' },
        { name: 'STATE_DIR', value: '/var/lib/kafka-streams' },
        { name: 'NUM_STREAM_THREADS', value: '4' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=60' },
      ],
      readiness: httpProbe('/health/ready', 'admin'),
      liveness: httpProbe('/health/live', 'admin', { periodSeconds: 15 }),
      startup: httpProbe('/health/ready', 'admin', { periodSeconds: 10, failureThreshold: 30 }),
      volumeMounts: [{ name: 'state', mountPath: '/var/lib/kafka-streams' }],
    })],
    volumes: [stateVolume(pvcState)],
    securityContext: { fsGroup: 1000 },
  });
  const app = deploymentApp({
    namespace: ns, name: 'txn-aggregator', replicas: 1,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 8, createdAgo: 34 * DAYS, changeCause: 'argocd: txn-aggregator 2.7.3', template: tpl(true) },
      { revision: 9, createdAgo: 50, changeCause: 'argocd: txn-aggregator 2.7.3 (RISK-1180: RocksDB state on local emptyDir, drop gp3 claim)', template: tpl(false) },
    ],
    pods: [{ revision: 9, node: names[1] ?? '', createdAgo: 49.6, containers: { app: running({ sinceAgo: 2.6, ready: false, restarts: 6, last: { exitCode: 143, finishedAgo: 2.7, ranSeconds: 306 } }) } }],
  });
  const appPod = podOf(app, 0);
  if (appPod.status?.containerStatuses?.[0]) appPod.status.containerStatuses[0].started = false;
  const [claim, vol] = boundClaim({ namespace: ns, name: 'txn-aggregator-state', storage: '50Gi', zone: 'eu-west-1b', createdAgo: 160 * DAYS });
  const rules = bystander(ns, 'risk-rules-api', names, 3 * HOURS + 10, { revisions: [52, 53], versions: ['6.2.0', '6.2.1'], olderAgo: 9 * DAYS });
  const enricher = deploymentApp({
    namespace: ns, name: 'txn-enricher', replicas: 2,
    revisions: [{ revision: 19, createdAgo: 12 * DAYS, changeCause: 'argocd: txn-enricher 1.8.0', template: { containers: [container({ image: `${ECR}/risk/txn-enricher:1.8.0`, ports: [8081] })] } }],
    pods: [0, 1].map((k) => ({ revision: 19, node: names[k * 2] ?? '', createdAgo: 12 * DAYS - k })),
  });
  const thread = (n: number) => `txn-aggregator-5c1e07d2-9a4b-4f31-b8e6-2d7f0c9a1e54-StreamThread-${n}`;
  const ks = (m: number, lvl: string, th: string, lg: string, msg: string) => `${pyTime(m)} ${lvl.padEnd(5)} [${th}] ${lg} - ${msg}`;
  const stores = ['txn-daily-totals', 'card-velocity-1h', 'merchant-window-7d'];
  const run = (start: number, end: number): string => {
    const out: string[] = [
      ks(start, 'INFO', 'main', 'c.a.r.aggregator.Main', 'txn-aggregator 2.7.3 starting, state.dir=/var/lib/kafka-streams, num.stream.threads=4'),
      ks(start - 0.05, 'INFO', 'main', 'o.a.k.s.p.i.StateDirectory', `No process id found on disk, got fresh process id 5c1e07d2-9a4b-4f31-b8e6-2d7f0c9a1e54`),
      ks(start - 0.1, 'INFO', 'main', 'o.a.k.s.KafkaStreams', 'stream-client [txn-aggregator-5c1e07d2-9a4b-4f31-b8e6-2d7f0c9a1e54] State transition from CREATED to REBALANCING'),
      ks(start - 0.2, 'INFO', 'main', 'c.a.r.aggregator.HealthServer', 'admin server listening on :8081'),
      ks(start - 0.4, 'INFO', thread(1), 'o.a.k.s.p.i.StreamsPartitionAssignor', 'stream-thread [' + thread(1) + '-consumer] Assigned tasks [0_0, 0_1, 0_2, 0_3, 1_0, 1_1, 1_2, 1_3, 2_0, 2_1, 2_2, 2_3] including stateful [0_0, 0_1, 0_2, 0_3, 1_0, 1_1, 1_2, 1_3, 2_0, 2_1, 2_2, 2_3] to clients as: ...'),
    ];
    for (let p = 0; p < 4; p++) {
      for (const [si, st] of stores.entries()) {
        out.push(ks(start - 0.45, 'INFO', thread(p + 1), 'o.a.k.s.p.i.ProcessorStateManager', `stream-thread [${thread(p + 1)}] task [${si}_${p}] State store ${st} did not find checkpoint offset, hence would default to the starting offset at changelog txn-aggregator-${st}-changelog-${p}`));
      }
    }
    for (let t = start - 2.4, i = 0; t > end + 0.05; t -= 2, i++) {
      for (let p = 1; p <= 4; p++) {
        const pos = Math.round((start - t) * 1_700_000 + p * 31_337);
        out.push(ks(t, 'INFO', thread(p), 'o.a.k.s.p.i.StoreChangelogReader', `stream-thread [${thread(p)}] Restoration in progress for 3 partitions. {txn-aggregator-txn-daily-totals-changelog-${p - 1}: position=${pos}, end=${48_113_090 + p * 220_417}, totalRestored=${pos}} {txn-aggregator-card-velocity-1h-changelog-${p - 1}: position=${Math.round(pos * 0.6)}, end=${19_402_215 + p * 90_113}, totalRestored=${Math.round(pos * 0.6)}} {txn-aggregator-merchant-window-7d-changelog-${p - 1}: position=${Math.round(pos * 1.3)}, end=${71_884_302 + p * 301_771}, totalRestored=${Math.round(pos * 1.3)}}`));
      }
    }
    if (end > 0) {
      out.push(
        ks(end + 0.02, 'INFO', 'SIGTERM handler', 'c.a.r.aggregator.Main', 'shutdown requested, closing streams (timeout 30s)'),
        ks(end + 0.01, 'INFO', 'SIGTERM handler', 'o.a.k.s.KafkaStreams', 'stream-client [txn-aggregator-5c1e07d2-9a4b-4f31-b8e6-2d7f0c9a1e54] State transition from REBALANCING to PENDING_SHUTDOWN'),
        ks(end, 'INFO', 'txn-aggregator-5c1e07d2-9a4b-4f31-b8e6-2d7f0c9a1e54-CloseThread', 'o.a.k.s.KafkaStreams', 'stream-client [txn-aggregator-5c1e07d2-9a4b-4f31-b8e6-2d7f0c9a1e54] State transition from PENDING_SHUTDOWN to NOT_RUNNING'),
      );
    }
    return lines(...out);
  };
  return {
    id: 'heldout60-kafka-streams-state-emptydir-restore',
    class: 'probes',
    truth: 'Revision 9 of txn-aggregator (50 minutes ago) replaced the txn-aggregator-state PVC with an emptyDir for the Kafka Streams state.dir, so every container start has no local RocksDB state or checkpoints and restores its changelogs from offset zero ("Restoration in progress"), which takes far longer than the 300-second startup probe allows; the kubelet kills it mid-restore (exit 143), the next start begins from scratch again, and the pod never becomes ready. Fix: put the state back on the persistent claim (or a far longer startup budget).',
    ask: { service: 'txn-aggregator', namespace: ns },
    objects: [
      ...nodes, ...app.objects, claim, vol, ...rules.objects, ...enricher.objects,
      ...exposed({ namespace: ns, name: 'txn-aggregator', selector: { app: 'txn-aggregator' }, pods: app.pods, ports: [{ name: 'admin', port: 8081, targetPort: 'admin' }], endpointPort: 8081 }),
      ...exposed({ namespace: ns, name: 'risk-rules-api', selector: { app: 'risk-rules-api' }, pods: rules.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 0, 1, 50),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 1, 0, 49.7),
      ...startedNormally(appPod, 'app', image, 49.6),
      probeFailed(appPod, 'app', 'Startup', 'HTTP probe failed with statuscode: 503', { count: 201, firstAgo: 49.2, lastAgo: 0.1 }),
      probeKilling(appPod, 'app', 'startup', { count: 6, firstAgo: 44.3, lastAgo: 2.7 }),
      ...restartedAgain(appPod, 'app', image, { count: 6, firstAgo: 44.1, lastAgo: 2.6 }),
      backOff(appPod, 'app', { count: 5, firstAgo: 38, lastAgo: 2.7 }),
      event({ on: appPod, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(appPod)}:8081/health/ready": dial tcp ${ipOfPod(appPod)}:8081: connect: connection refused`, count: 7, firstAgo: 49.5, lastAgo: 2.55, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(appPod, 'app', { previous: run(7.8, 2.7), current: run(2.6, 0) }),
      ...enricher.pods.map((p) => logsFor(p, 'app', { current: lines(ks(0.8, 'INFO', 'main', 'c.a.r.enricher.Loop', 'committed offsets for 16 partitions, lag=212')) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/emptyDir|txn-aggregator-state|PVC|persistent|state\.?dir|restor|changelog/i],
      facts: [/startup probe/i, /emptyDir/i],
      never: [/\bOOM/, /risk-rules-api/, /(kafka|broker|MSK)[^\n]*(down|unreachable|unavailable)/i],
    },
  };
}

// ---- 7. healthy control: a steady JVM search API with new-to-us startup warnings ----------------

function healthyJvmStartupWarnings(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.201', ['33', '88', '176']);
  const image = (v: string) => `${ECR}/search/catalog-search-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '1', memory: '2Gi',
    env: [
      { name: 'JAVA_TOOL_OPTIONS', value: '-Xbootclasspath/a:/opt/agents/tls-shim.jar -XX:MaxRAMPercentage=70 -Xshare:auto' },
      { name: 'SPRING_ELASTICSEARCH_URIS', value: 'http://search-es.search-data.svc.cluster.local:9200' },
      { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://catalog-ro.cluster-ro-c2m9x1k0p7q4.eu-west-1.rds.amazonaws.com:5432/catalog' },
      { name: 'SPRING_JPA_PROPERTIES_HIBERNATE_DIALECT', value: 'org.hibernate.dialect.PostgreSQLDialect' },
    ],
    readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'catalog-search-api', replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 19 * DAYS, changeCause: 'argocd: catalog-search-api 3.4.0', template: tpl('3.4.0') },
      { revision: 27, createdAgo: 4 * DAYS + 5 * HOURS, changeCause: 'argocd: catalog-search-api 3.4.1', template: tpl('3.4.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 4 * DAYS + 5 * HOURS - 1 - k * 1.5 })),
  });
  const idx = deploymentApp({
    namespace: ns, name: 'search-indexer', replicas: 1,
    revisions: [{ revision: 12, createdAgo: 26 * DAYS, changeCause: 'argocd: search-indexer 1.9.2', template: { containers: [batchContainer({ image: `${ECR}/search/search-indexer:1.9.2`, cpu: '500m', memory: '1Gi' })] } }],
    pods: [{ revision: 12, node: names[2] ?? '', createdAgo: 26 * DAYS - 1 }],
  });
  const sb = (m: number, lvl: string, th: string, lg: string, msg: string) => boot(m, lvl, 'catalog-search-api', th, lg, msg);
  const started = (k: number) => 4 * DAYS + 5 * HOURS - 1.1 - k * 1.5;
  const queries = ['winter jacket', 'usb-c hub', 'running shoes women', 'espresso grinder', 'kids raincoat'];
  const log = (k: number): string => {
    const s0 = started(k);
    const out = [
      'Picked up JAVA_TOOL_OPTIONS: -Xbootclasspath/a:/opt/agents/tls-shim.jar -XX:MaxRAMPercentage=70 -Xshare:auto',
      'OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes because bootstrap classpath has been appended',
      '',
      '  .   ____          _            __ _ _',
      ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
      '( ( )\\___ | \'_ | \'_| | \'_ \\/ _` | \\ \\ \\ \\',
      ' \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )',
      '  \'  |____| .__|_| |_|_| |_\\__, | / / / /',
      ' =========|_|==============|___/=/_/_/_/',
      '',
      ' :: Spring Boot ::                (v3.3.5)',
      '',
      sb(s0, 'INFO', 'main', 'c.a.s.search.SearchApplication', 'Starting SearchApplication v3.4.1 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
      sb(s0 - 0.05, 'INFO', 'main', 'o.hibernate.jpa.internal.util.LogHelper', 'HHH000204: Processing PersistenceUnitInfo [name: default]'),
      sb(s0 - 0.06, 'INFO', 'main', 'org.hibernate.Version', 'HHH000412: Hibernate ORM core version 6.5.3.Final'),
      sb(s0 - 0.08, 'WARN', 'main', 'org.hibernate.orm.deprecation', 'HHH90000025: PostgreSQLDialect does not need to be specified explicitly using \'hibernate.dialect\' (remove the property setting and it will be selected by default)'),
      sb(s0 - 0.1, 'INFO', 'main', 'o.h.e.t.j.p.i.JtaPlatformInitiator', 'HHH000489: No JTA platform available (set \'hibernate.transaction.jta.platform\' to enable JTA platform integration)'),
      sb(s0 - 0.15, 'WARN', 'main', 'org.elasticsearch.client.RestClient', `request [GET http://search-es.search-data.svc.cluster.local:9200/] returned 1 warnings: [299 Elasticsearch-7.17.24-fcf25fff740db6ab3ed5d145c58d70e4c3528ec8 "Elasticsearch built-in security features are not enabled. Without authentication, your cluster could be accessible to anyone. See https://www.elastic.co/guide/en/elasticsearch/reference/7.17/security-minimal-setup.html to enable security."]`),
      sb(s0 - 0.2, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
      sb(s0 - 0.21, 'INFO', 'main', 'c.a.s.search.SearchApplication', `Started SearchApplication in 27.${400 + k * 37} seconds (process running for 29.1)`),
    ];
    for (let i = 0; i < 8; i++) {
      const t = 6 - i * 0.7 - k * 0.05;
      if (i % 3 === 0) out.push(sb(t, 'WARN', 'nio-8080-exec-' + (i + 1), 'org.elasticsearch.client.RestClient', `request [POST http://search-es.search-data.svc.cluster.local:9200/products-v12/_search?typed_keys=true] returned 1 warnings: [299 Elasticsearch-7.17.24-fcf25fff740db6ab3ed5d145c58d70e4c3528ec8 "Elasticsearch built-in security features are not enabled. Without authentication, your cluster could be accessible to anyone. See https://www.elastic.co/guide/en/elasticsearch/reference/7.17/security-minimal-setup.html to enable security."]`));
      out.push(sb(t - 0.01, 'INFO', 'nio-8080-exec-' + (i + 1), 'c.a.s.search.web.SearchController', `q="${queries[(i + k) % queries.length]}" hits=${120 + i * 17 + k} took=${21 + i * 3}ms`));
    }
    return lines(...out);
  };
  return {
    id: 'heldout60-healthy-jvm-startup-warnings',
    class: 'healthy',
    truth: 'catalog-search-api has served steadily for four days on revision 27 with no restarts and every pod ready; its logs carry only harmless startup and client warnings (the JVM disabling CDS for non-boot classes because an agent appends to the boot classpath, Hibernate\'s HHH90000025 dialect deprecation, and Elasticsearch\'s "built-in security features are not enabled" response header). Nothing is failing.',
    ask: { service: 'catalog-search-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...idx.objects,
      ...exposed({ namespace: ns, name: 'catalog-search-api', selector: { app: 'catalog-search-api' }, pods: app.pods }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
      ...idx.pods.map((p) => logsFor(p, 'app', { current: lines(sb(3, 'INFO', 'scheduling-1', 'c.a.s.indexer.DeltaIndexer', 'delta sync done: 412 docs indexed, 3 deleted in 1.9s')) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?|failures?)|running|fine|serving|ready/i],
      facts: [/catalog-search-api/],
      never: [/HHH90000025|dialect/i, /security features|authentication/i, /Sharing is only supported|bootstrap classpath|CDS/i, /\bOOM/, /crash ?loop/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  mysql8OnlyFullGroupBy(),
  mtlsClientCertServerAuthOnly(),
  notNullColumnLegacyWriter(),
  livenessIncludesDatabase(),
  cgoResolverThreadExhaustion(),
  kafkaStreamsStateEmptyDir(),
  healthyJvmStartupWarnings(),
];
