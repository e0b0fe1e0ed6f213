// Held-out stories, sixty-fourth round, part two: a Node.js upload service whose base image moved
// from Node 16 to Node 20, so the http server's default requestTimeout (300 s, since Node 18) now
// cuts every upload that takes longer than five minutes; an app revision whose readiness probe
// runs `nc -z` against MySQL from inside the pod, so MySQL counts the aborted handshakes against
// the pod IPs and blocks them (max_connect_errors, "unblock with 'mysqladmin flush-hosts'"); a
// Python service whose weekly image rebuild pulled SQLAlchemy 2.0 through an unpinned requirement
// and now dies on `conn.execute("SELECT 1")`; a Redis Cluster StatefulSet scaled 6 → 5 without
// resharding, so the slots of the removed master are not served; a Kafka consumer with
// isolation.level=read_committed stuck at the last stable offset behind a transaction its evicted
// producer left open (transaction.timeout.ms two hours); an HPA whose ContainerResource metric
// names the container a new revision renamed, so it stays at minReplicas through the daily peak;
// and a healthy control: a Postgres StatefulSet that logged "checkpoints are occurring too
// frequently" during a nightly batch load that finished hours ago.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, boundClaim, configMap, container, crashLoop, cronJob, deploymentApp, epochMs,
  event, execProbe, exposed, hpa, httpProbe, nameOf, nodeEvent, probeFailed, pulledFresh, pyTime, restartedAgain, rsOf, running,
  scaledReplicaSet, service, statefulSetApp, tcpProbe, terminated, ago, replicaSetOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Postgres' log_line_prefix `%m [%p] ` time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** MySQL 8's error-log time: `2026-11-21T03:12:41.563204Z`. */
const myTime = (minutes: number): string => at(minutes).replace('Z', `${String(Math.round(minutes * 997) % 1000).padStart(3, '0')}Z`);
/** Logback's default pattern time: `2026-11-21 03:12:41.563`. */
const logbackTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '');
/** Kafka's log4j time: `[2026-11-21 03:12:41,563]`. */
const kafkaTime = (minutes: number): string => `[${pyTime(minutes)}]`;
/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
function redisTime(minutes: number): string {
  const d = ago(minutes);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()] ?? 'Nov';
  return `${String(d.getUTCDate()).padStart(2, '0')} ${mon} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
}

// ---- 1. Node 16 → 20 base image: the http server's 300-second requestTimeout cuts long uploads ----

function nodeRequestTimeoutCutsUploads(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '139', '220']);
  const image = (v: string) => `${ECR}/media/upload-api:${v}`;
  const tpl = (v: string, base: string) => ({
    annotations: { 'ci.acme.io/base-image': base, 'ci.acme.io/commit': v === '3.8.4' ? '51c0e9a' : 'b7d2f40' },
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'UPLOAD_MAX_BYTES', value: '10737418240' },
        { name: 'HTTP_SOCKET_TIMEOUT_MS', value: '0' },
        { name: 'S3_BUCKET', value: 'acme-media-originals-eu-west-1' },
        { name: 'S3_PART_SIZE_MB', value: '64' },
      ],
      readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'upload-api',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 23 * DAYS, changeCause: 'argocd: upload-api 3.8.4', template: tpl('3.8.4', 'node:16.20.2-alpine3.18') },
      { revision: 58, createdAgo: 5 * HOURS + 12, changeCause: 'argocd: upload-api 3.9.0', template: tpl('3.9.0', 'node:20.18.1-alpine3.20') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 5 * HOURS + 11 - k })),
    settled: { available: true, availableSince: 5 * HOURS + 8, progressingSince: 5 * HOURS + 12, progressingUpdatedAgo: 5 * HOURS + 8 },
  });
  const other = bystander(ns, 'thumbnail-worker', names, 74, { revisions: [40, 41], versions: ['1.22.0', '1.22.1'], olderAgo: 12 * DAYS });
  const uploadLog = (p: k8s.V1Pod, k: number) => {
    const host = nameOf(p);
    const started = 5 * HOURS + 10.5 - k;
    const out = [
      `{"level":30,"time":${epochMs(started)},"pid":1,"hostname":"${host}","msg":"upload-api 3.9.0 listening on :8080","node":"v20.18.1","httpSocketTimeoutMs":0,"maxUploadBytes":10737418240}`,
    ];
    const uploads: [number, number, number, boolean][] = [
      // [minutes ago when it ended, seconds it ran, bytes received, ok]
      [41 + k, 212.4, 1_402_118_144, true],
      [33 + k, 300.004, 1_873_412_096 + k * 7_340_032, false],
      [27 - k, 18.9, 96_337_920, true],
      [19 + k, 300.002, 2_214_592_512 - k * 4_194_304, false],
      [12, 0.41, 2_116_843, true],
      [7 - k, 300.006, 1_610_612_736 + k * 9_437_184, false],
      [3, 141.7, 902_823_936, true],
    ];
    uploads.forEach(([end, secs, bytes, ok], i) => {
      const id = `upl_${(k * 7 + i).toString(36)}${host.slice(-5)}`;
      if (ok) {
        out.push(`{"level":30,"time":${epochMs(end)},"pid":1,"hostname":"${host}","uploadId":"${id}","bytes":${bytes},"parts":${Math.ceil(bytes / 67_108_864)},"elapsedMs":${Math.round(secs * 1000)},"msg":"upload complete"}`);
        out.push(`{"level":30,"time":${epochMs(end)},"pid":1,"hostname":"${host}","req":{"id":${900 + i},"method":"POST","url":"/v1/uploads"},"res":{"statusCode":201},"responseTime":${Math.round(secs * 1000) + 37},"msg":"request completed"}`);
      } else {
        out.push(`{"level":50,"time":${epochMs(end)},"pid":1,"hostname":"${host}","uploadId":"${id}","bytesReceived":${bytes},"elapsedMs":${Math.round(secs * 1000)},"err":{"type":"Error","message":"aborted","stack":"Error: aborted\\n    at abortIncoming (node:_http_server:806:17)\\n    at socketOnClose (node:_http_server:800:3)\\n    at Socket.emit (node:events:530:35)\\n    at TCP.<anonymous> (node:net:343:12)","code":"ECONNRESET"},"msg":"multipart upload aborted by client, aborting S3 multipart upload"}`);
        out.push(`{"level":40,"time":${epochMs(end - 0.01)},"pid":1,"hostname":"${host}","uploadId":"${id}","s3UploadId":"2~${id.toUpperCase()}Qx","msg":"AbortMultipartUpload done"}`);
      }
    });
    out.push(`{"level":30,"time":${epochMs(0.6)},"pid":1,"hostname":"${host}","req":{"id":977,"method":"GET","url":"/v1/uploads/upl_2k9/status"},"res":{"statusCode":200},"responseTime":3,"msg":"request completed"}`);
    return out;
  };
  return {
    id: 'heldout64-node-request-timeout-cuts-uploads',
    class: 'config',
    truth: 'upload-api revision 58 (3.9.0, 5 hours ago) rebuilt the service on a node:20 base image instead of node:16. Since Node 18 the http.Server has requestTimeout = 300000 ms by default (it was 0, unlimited, on Node 16): a request whose body has not fully arrived within 300 s is answered 408 and its socket closed. The app only disables the socket idle timeout (HTTP_SOCKET_TIMEOUT_MS=0, server.timeout), so every multi-gigabyte upload that takes longer than five minutes is now cut at exactly ~300 s (clients see 408 / connection reset, the app logs "aborted" ECONNRESET at elapsedMs≈300000), while short requests and uploads under five minutes succeed. Pods are healthy; fix: set server.requestTimeout (e.g. 0 or an hour) in the app, or roll back to the node:16 build until then.',
    ask: { service: 'upload-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'upload-api', selector: { app: 'upload-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'thumbnail-worker', selector: { app: 'thumbnail-worker' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 1, 73),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 40), 0, 1, 72),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: lines(...uploadLog(p, k)) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(2.1)}","msg":"thumbnail rendered","key":"originals/2026/11/21/a81f.mov","sizes":[320,640,1280],"ms":812}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/request ?timeout|300 ?s|five minutes|5 ?min|408/i, /node(\.js)? ?(18|20)|node:20|base image|3\.9\.0|revision 58/i],
      facts: [/requestTimeout|request timeout/i, /v20\.18\.1|node:20|node ?20/i, /300/],
      never: [/\bOOM/, /crash ?loop/i, /liveness/i, /thumbnail-worker/, /S3[^\n]*(down|throttl|unavailable)/i],
    },
  };
}

// ---- 2. a readiness probe that runs `nc -z` against MySQL from the pod: max_connect_errors ----------

function mysqlHostBlockedByNcProbe(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.41', ['23', '108', '196']);
  const mysqlImage = 'docker.io/library/mysql:8.0.40';
  const mysql = statefulSetApp({
    namespace: ns,
    name: 'mysql',
    replicas: 1,
    serviceName: 'mysql-headless',
    revisions: [{
      revision: 3,
      createdAgo: 64 * DAYS,
      template: {
        containers: [container({
          name: 'mysql', image: mysqlImage, ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '2', memory: '6Gi',
          readiness: execProbe(['mysqladmin', 'ping', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: tcpProbe('mysql', { initialDelaySeconds: 30, periodSeconds: 20 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }, { name: 'config', mountPath: '/etc/mysql/conf.d' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'mysql-config' } }],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 18 * DAYS }],
  });
  const apiImage = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const dsn = [{ name: 'DB_HOST', value: 'mysql.billing.svc.cluster.local' }, { name: 'DB_NAME', value: 'billing' }, { name: 'DB_MAX_OPEN_CONNS', value: '25' }, { name: 'DB_CONN_MAX_LIFETIME', value: '5m' }];
  const apiTpl = (v: string, readiness: k8s.V1Probe) => ({ containers: [container({ image: apiImage(v), ports: [8080], cpu: '500m', memory: '512Mi', env: dsn, readiness, liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] });
  const ncProbe = execProbe(['sh', '-c', 'nc -z -w 2 mysql.billing.svc.cluster.local 3306 && wget -q -O /dev/null http://127.0.0.1:8080/ready'], { periodSeconds: 5, timeoutSeconds: 3 });
  const api = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    revisions: [
      { revision: 43, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-api 5.1.7', template: apiTpl('5.1.7', httpProbe('/ready', 8080)) },
      { revision: 44, createdAgo: 41, changeCause: 'argocd: invoice-api 5.2.0', template: apiTpl('5.2.0', ncProbe) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 44, node: names[k] ?? '', createdAgo: 40.5 - k })),
    settled: { available: true, availableSince: 38, progressingSince: 41, progressingUpdatedAgo: 38 },
  });
  const worker = deploymentApp({
    namespace: ns,
    name: 'invoice-worker',
    replicas: 2,
    revisions: [{ revision: 17, createdAgo: 6 * DAYS, changeCause: 'argocd: invoice-worker 2.9.3', template: { containers: [batchContainer({ image: `${ECR}/billing/invoice-worker:2.9.3`, cpu: '250m', memory: '384Mi', env: dsn })] } }],
    pods: [{ revision: 17, node: names[0] ?? '', createdAgo: 6 * DAYS }, { revision: 17, node: names[1] ?? '', createdAgo: 6 * DAYS - 1 }],
  });
  const cfg = configMap({
    namespace: ns,
    name: 'mysql-config',
    createdAgo: 64 * DAYS,
    data: { 'custom.cnf': '[mysqld]\nskip-name-resolve\nmax_connections = 600\ninnodb_buffer_pool_size = 4G\nlog_error_verbosity = 3\nbinlog_expire_logs_seconds = 259200\n' },
  });
  const mysqlPod = podOf(mysql, 0);
  const apiIps = api.pods.map(ipOfPod);
  const workerIps = worker.pods.map(ipOfPod);
  const blocked = (ip: string) => `Error 1129 (HY000): Host '${ip}' is blocked because of many connection errors; unblock with 'mysqladmin flush-hosts'`;
  const apiLog = (p: k8s.V1Pod, k: number) => {
    const ip = ipOfPod(p);
    const out = [
      `{"time":"${at(40.2 - k)}","level":"INFO","msg":"invoice-api starting","version":"5.2.0","addr":":8080"}`,
      `{"time":"${at(40.1 - k)}","level":"INFO","msg":"db pool ready","host":"mysql.billing.svc.cluster.local","max_open":25,"conn_max_lifetime":"5m0s"}`,
      `{"time":"${at(35 - k)}","level":"INFO","msg":"request","method":"POST","path":"/v1/invoices","status":201,"dur_ms":23}`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 30 - k - i * 2.4;
      out.push(`{"time":"${at(t)}","level":"ERROR","msg":"db query failed","route":"${i % 2 === 0 ? 'POST /v1/invoices' : 'GET /v1/invoices/{id}'}","err":"${blocked(ip)}"}`);
      out.push(`{"time":"${at(t - 0.001)}","level":"INFO","msg":"request","method":"${i % 2 === 0 ? 'POST' : 'GET'}","path":"/v1/invoices${i % 2 === 0 ? '' : `/inv_8${k}${i}4f`}","status":500,"dur_ms":${4 + i}}`);
      if (i % 3 === 1) out.push(`{"time":"${at(t - 0.4)}","level":"INFO","msg":"request","method":"GET","path":"/v1/invoices/inv_7${i}c2","status":200,"dur_ms":9}`);
    }
    return out;
  };
  const mysqlLog: string[] = [
    `${myTime(18 * DAYS - 0.5)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.40'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
  ];
  let id = 881_204;
  for (let s = 40 * 60; s > 20; s -= 5) {
    apiIps.forEach((ip, k) => {
      if (s / 60 > 40.3 - k) return;
      id += 1;
      mysqlLog.push(`${myTime(s / 60 - k * 0.013)} ${id} [Note] [MY-010914] [Server] Aborted connection ${id} to db: 'unconnected' user: 'unauthenticated' host: '${ip}' (Got an error reading communication packets).`);
    });
    if (s % 600 === 0) mysqlLog.push(`${myTime(s / 60 - 0.05)} ${id} [Note] [MY-010914] [Server] Aborted connection ${id - 40_117} to db: 'billing' user: 'invoice_worker' host: '${workerIps[0] ?? ''}' (Got timeout reading communication packets).`);
  }
  return {
    id: 'heldout64-mysql-host-blocked-by-nc-readiness-probe',
    class: 'network',
    truth: 'invoice-api revision 44 (5.2.0, 41 minutes ago) replaced its HTTP readiness probe by an exec probe that first runs `nc -z mysql.billing.svc.cluster.local 3306` every 5 seconds. The probe runs inside the pod, so each check is a TCP connection from the pod IP that closes before the MySQL handshake; MySQL counts each as a connection error for that host, and after max_connect_errors (100, the default, ~8 minutes of probing) it blocks the pod IPs: every new connection the app opens gets "Error 1129: Host \'<pod IP>\' is blocked because of many connection errors; unblock with \'mysqladmin flush-hosts\'", so invoice requests that need a fresh pooled connection fail with 500 while the probe itself (a bare TCP connect) still passes and the pods stay ready. invoice-worker, without the probe, is unaffected. Fix: drop the nc check from the probe (or raise max_connect_errors), then FLUSH HOSTS / truncate performance_schema.host_cache.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...mysql.objects, ...api.objects, ...worker.objects, cfg,
      ...boundClaim({ namespace: ns, name: 'data-mysql-0', storage: '200Gi', zone: 'eu-west-1c', createdAgo: 64 * DAYS, storageClass: 'gp3' }),
      service({ namespace: ns, name: 'mysql-headless', selector: { app: 'mysql' }, ports: [{ name: 'mysql', port: 3306, targetPort: 'mysql' }], headless: true }),
      ...exposed({ namespace: ns, name: 'mysql', selector: { app: 'mysql' }, ports: [{ name: 'mysql', port: 3306, targetPort: 'mysql' }], pods: mysql.pods, endpointPort: 3306 }),
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 44), 3, 2, 38.5),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 43), 0, 1, 38.4),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: lines(...apiLog(p, k)) })),
      logsFor(mysqlPod, 'mysql', { current: lines(...mysqlLog) }),
      ...worker.pods.map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(4.2)}","level":"INFO","msg":"invoice batch issued","count":118,"dur_ms":2411}`, `{"time":"${at(1.1)}","level":"INFO","msg":"dunning run complete","reminders":7}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/blocked|max_connect_errors|flush.hosts|1129|connection errors/i, /probe|nc -z|netcat|revision 44|5\.2\.0/i],
      facts: [/max_connect_errors|flush.hosts|host.?cache/i, /nc -z|netcat|exec probe|readiness probe/i],
      never: [/\bOOM/, /Access denied|password|credential/i, /too many connections|max_connections/i, /crash ?loop/i],
    },
  };
}

// ---- 3. an unpinned requirement: the image rebuild pulled SQLAlchemy 2.0 ----------------------------

function sqlalchemyTwoAfterRebuild(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.57', ['9', '141', '233']);
  const image = (v: string) => `${ECR}/reporting/report-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), command: ['python', '-m', 'report_api'], ports: [8000], cpu: '300m', memory: '512Mi',
      env: [{ name: 'DATABASE_URL', value: 'postgresql+psycopg2://reports_app@reports-db.reporting.svc.cluster.local:5432/reports' }, { name: 'LOG_LEVEL', value: 'INFO' }],
      readiness: httpProbe('/ready', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 20 }),
    })],
  });
  const crash = crashLoop({ exitCode: 1, finishedAgo: 1.3, ranSeconds: 2 }, 9);
  const app = deploymentApp({
    namespace: ns,
    name: 'report-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 19, createdAgo: 14 * DAYS, changeCause: 'ci: report-api 2.6.1 (build 412)', template: tpl('2.6.1-b412') },
      { revision: 20, createdAgo: 24, changeCause: 'ci: weekly base-image rebuild report-api 2.6.1 (build 431)', template: tpl('2.6.1-b431') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 14 * DAYS - k })),
      { revision: 20, node: names[1] ?? '', createdAgo: 23.8, containers: { app: crash } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'report-scheduler', names, 3 * HOURS, { revisions: [8, 9], versions: ['1.4.0', '1.4.1'], olderAgo: 30 * DAYS });
  const traceback = (t: number) => [
    `${pyTime(t)} INFO report_api.app: starting report-api 2.6.1 (python 3.11.10, sqlalchemy 2.0.36, psycopg2 2.9.10, fastapi 0.115.5)`,
    `${pyTime(t - 0.005)} INFO report_api.db: waiting for database reports-db.reporting.svc.cluster.local:5432/reports (timeout 60s)`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/base.py", line 1412, in execute',
    '    meth = statement._execute_on_connection',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    "AttributeError: 'str' object has no attribute '_execute_on_connection'",
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'Traceback (most recent call last):',
    '  File "<frozen runpy>", line 198, in _run_module_as_main',
    '  File "<frozen runpy>", line 88, in _run_code',
    '  File "/app/report_api/__main__.py", line 9, in <module>',
    '    main()',
    '  File "/app/report_api/app.py", line 58, in main',
    '    db.wait_for_database(engine, timeout=60)',
    '  File "/app/report_api/db.py", line 31, in wait_for_database',
    '    conn.execute("SELECT 1")',
    '  File "/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/base.py", line 1414, in execute',
    '    raise exc.ObjectNotExecutableError(statement) from err',
    "sqlalchemy.exc.ObjectNotExecutableError: Not an executable object: 'SELECT 1'",
  ];
  return {
    id: 'heldout64-sqlalchemy-2-after-image-rebuild',
    class: 'containers',
    truth: 'report-api revision 20 (24 minutes ago) is the CI\'s weekly base-image rebuild of the same 2.6.1 code (build 431); requirements.txt lists SQLAlchemy without a version bound, so the rebuild installed SQLAlchemy 2.0.36 instead of 1.4.54. In 2.0, Connection.execute() no longer accepts a plain SQL string: the startup database check `conn.execute("SELECT 1")` raises ObjectNotExecutableError ("Not an executable object: \'SELECT 1\'") and the process exits 1 within two seconds, so the new pod is in CrashLoopBackOff and the rollout is stuck, with the three build-412 pods still serving. The database is fine. Fix: roll back to build 412 and pin sqlalchemy<2.0 (or port the code: text("SELECT 1")).',
    ask: { service: 'report-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: app.pods, endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 20), 1, 0, 24),
      ...pulledFresh(fresh, 'app', image('2.6.1-b431'), { atAgo: 23.8, bytes: 187_334_912, seconds: 6.214 }),
      ...restartedAgain(fresh, 'app', image('2.6.1-b431'), { count: 9, firstAgo: 23.6, lastAgo: 1.35 }),
      backOff(fresh, 'app', { count: 104, firstAgo: 23.4, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: lines(...traceback(1.34)), current: lines(...traceback(0.05).slice(0, 2)) }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: lines(`${pyTime(14 * DAYS - k - 0.2)} INFO report_api.app: starting report-api 2.6.1 (python 3.11.10, sqlalchemy 1.4.54, psycopg2 2.9.9, fastapi 0.110.0)`, `${pyTime(14 * DAYS - k - 0.21)} INFO report_api.db: database reachable`, `${pyTime(0.8 + k)} INFO uvicorn.access: 10.0.57.${40 + k}:51${k}22 - "GET /v1/reports/daily-revenue?date=2026-11-20 HTTP/1.1" 200`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/sqlalchemy|ObjectNotExecutable|Not an executable object/i, /rebuil|image|revision 20|b431|build 431|2\.0/i],
      facts: [/2\.0\.36|SQLAlchemy 2/i, /pin|<\s?2|text\(|unpinned|requirement/i],
      never: [/\bOOM/, /liveness/i, /database[^\n]*(down|unreachable)|connection refused/i, /report-scheduler/],
    },
  };
}

// ---- 4. a Redis Cluster StatefulSet scaled 6 → 5 without resharding ---------------------------------

function redisClusterScaledDownSlotsUnserved(): CorpusScenario {
  const ns = 'sessions';
  const { nodes, names } = threeEksNodes('10.0.112', ['37', '161', '244']);
  const image = 'docker.io/bitnami/redis-cluster:7.2.5-debian-12-r4';
  const headlessNames = [0, 1, 2, 3, 4, 5].map((i) => `redis-cluster-${i}.redis-cluster-headless`).join(' ');
  const sts = statefulSetApp({
    namespace: ns,
    name: 'redis-cluster',
    replicas: 5,
    serviceName: 'redis-cluster-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 140 * DAYS,
    revisions: [{
      revision: 2,
      createdAgo: 52 * DAYS,
      template: {
        containers: [container({
          name: 'redis-cluster', image, command: ['/bin/bash', '-c'], args: ['/opt/bitnami/scripts/redis-cluster/entrypoint.sh /opt/bitnami/scripts/redis-cluster/run.sh'],
          ports: [{ name: 'tcp-redis', containerPort: 6379 }, { name: 'tcp-redis-bus', containerPort: 16379 }], cpu: '500m', memory: '2Gi',
          env: [
            { name: 'REDIS_NODES', value: headlessNames },
            { name: 'REDIS_CLUSTER_REPLICAS', value: '0' },
            { name: 'REDIS_AOF_ENABLED', value: 'yes' },
            { name: 'REDIS_PORT_NUMBER', value: '6379' },
            { name: 'REDIS_CLUSTER_ANNOUNCE_HOSTNAME', value: '' },
          ],
          readiness: execProbe(['sh', '-c', '/scripts/ping_readiness_local.sh 1'], { periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 5 }),
          liveness: execProbe(['sh', '-c', '/scripts/ping_liveness_local.sh 5'], { initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 6, failureThreshold: 5 }),
          volumeMounts: [{ name: 'redis-data', mountPath: '/bitnami/redis/data' }, { name: 'default-config', mountPath: '/opt/bitnami/redis/etc/redis-default.conf', subPath: 'redis-default.conf' }],
        })],
        volumes: [{ name: 'default-config', configMap: { name: 'redis-cluster-default' } }],
      },
    }],
    volumeClaimTemplates: [{ name: 'redis-data', storage: '8Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2, 3, 4].map((i) => ({ revision: 2, ordinal: i, node: names[i % 3] ?? '', createdAgo: 52 * DAYS - i })),
  });
  const stsObj = sts.objects[0] as k8s.V1StatefulSet;
  stsObj.metadata = {
    ...stsObj.metadata,
    managedFields: [
      { manager: 'helm', operation: 'Update', apiVersion: 'apps/v1', time: ago(52 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', time: ago(35), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} }, subresource: 'status' },
      { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', time: ago(36), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' },
    ],
  };
  const claims = [0, 1, 2, 3, 4, 5].flatMap((i) => boundClaim({ namespace: ns, name: `redis-data-redis-cluster-${i}`, storage: '8Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i % 3] ?? 'eu-west-1a', createdAgo: 140 * DAYS, storageClass: 'gp3', labels: { 'app.kubernetes.io/instance': 'redis-cluster', 'app.kubernetes.io/name': 'redis-cluster' } }));
  const cfg = configMap({
    namespace: ns,
    name: 'redis-cluster-default',
    createdAgo: 140 * DAYS,
    data: { 'redis-default.conf': 'bind 0.0.0.0\nport 6379\ncluster-enabled yes\ncluster-config-file /bitnami/redis/data/nodes.conf\ncluster-node-timeout 5000\ncluster-require-full-coverage no\ncluster-allow-reads-when-down no\nappendonly yes\nmaxmemory 1536mb\nmaxmemory-policy volatile-lru\n' },
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'session-api',
    replicas: 3,
    revisions: [
      { revision: 30, createdAgo: 40 * DAYS, changeCause: 'argocd: session-api 3.3.0', template: { containers: [container({ image: `${ECR}/sessions/session-api:3.3.0` })] } },
      { revision: 31, createdAgo: 8 * DAYS, changeCause: 'argocd: session-api 3.3.1', template: { containers: [container({ image: `${ECR}/sessions/session-api:3.3.1`, env: [{ name: 'REDIS_CLUSTER_ADDRS', value: 'redis-cluster.sessions.svc.cluster.local:6379' }, { name: 'REDIS_READ_TIMEOUT', value: '500ms' }] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 8 * DAYS - k })),
    settled: { available: true, availableSince: 8 * DAYS - 3, progressingSince: 8 * DAYS, progressingUpdatedAgo: 8 * DAYS - 3 },
  });
  const ids = ['3f1c2a9e0b7d4c11a6e8f2b5d09c7e41aa0b3c52', '9b02e7c4d1a8f6035e2c9b71d4a0e8f3c6b5d217', 'c47a0e19b3d2f8065a1e7c4b92d0f3e8a6c1b540', '5e8d3b0a7c1f9e2046b8d5a3c0e7f1b9d2a4c683', '07c9f1e4a2b8d6350e1c7a9f4b2d8e0c5a3f1b96', 'e2a6b0d8f4c1937a5e0b2d6c8f1a4e7b9c3d0f25'];
  const failing = ids[5] ?? '';
  const redisLog = (i: number) => {
    const out = [
      `1:M ${redisTime(52 * DAYS - i - 0.1)} * Ready to accept connections tcp`,
      `1:M ${redisTime(52 * DAYS - i - 0.2)} * Cluster state changed: ok`,
      `1:M ${redisTime(9 * HOURS + 17 * i)} * Background append only file rewriting started by pid ${4100 + i * 13}`,
      `1:M ${redisTime(9 * HOURS + 17 * i - 0.05)} * Background AOF rewrite finished successfully`,
    ];
    out.push(i === 0
      ? `1:M ${redisTime(35.9)} * Marking node ${failing} () as failing (quorum reached).`
      : `1:M ${redisTime(35.9 - 0.001 * i)} * FAIL message received from ${ids[0] ?? ''} () about ${failing} ()`);
    return out;
  };
  const gone = '10.0.33.214'; // redis-cluster-5's pod IP, still in the client's slot map
  const apiLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const t = 34 - i * 2.3 - k * 0.2;
      out.push(`{"level":"info","ts":"${at(t)}","msg":"request","method":"GET","path":"/v1/sessions/s_${(i * 977 + k * 31).toString(36)}","status":200,"dur_ms":${2 + (i % 3)}}`);
      if (i % 2 === 0) out.push(`{"level":"error","ts":"${at(t - 0.05)}","msg":"session lookup failed","key":"sess:${(i * 7919 + k * 104729).toString(16)}","err":"CLUSTERDOWN Hash slot not served"}`);
      if (i % 2 === 0) out.push(`{"level":"info","ts":"${at(t - 0.051)}","msg":"request","method":"GET","path":"/v1/sessions/s_${(i * 131 + k).toString(36)}","status":503,"dur_ms":1}`);
      if (i % 5 === 1) out.push(`{"level":"warn","ts":"${at(t - 0.1)}","msg":"redis: cluster: node unavailable, reloading slots","addr":"${gone}:6379","err":"dial tcp ${gone}:6379: i/o timeout"}`);
    }
    return out;
  };
  return {
    id: 'heldout64-redis-cluster-scaled-down-slots-unserved',
    class: 'capacity',
    truth: 'The redis-cluster StatefulSet (bitnami redis-cluster, 6 masters with REDIS_CLUSTER_REPLICAS=0, cluster-require-full-coverage no) was scaled from 6 to 5 replicas with `kubectl scale` 36 minutes ago to save memory, without resharding first. The StatefulSet deleted redis-cluster-5, which was the master of one sixth of the hash slots (about 13653–16383) and had no replica to fail over to; the other nodes marked it as failing, and every key hashing to those slots now gets "CLUSTERDOWN Hash slot not served" (session-api answers 503 for roughly one lookup in six, the rest work). Its volume redis-data-redis-cluster-5 still holds the data. Fix: scale back to 6 so redis-cluster-5 rejoins with its nodes.conf and AOF, then reshard its slots away (redis-cli --cluster reshard / del-node) before scaling down.',
    ask: { service: 'redis-cluster', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, cfg, ...api.objects,
      service({ namespace: ns, name: 'redis-cluster-headless', selector: { 'app': 'redis-cluster' }, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'tcp-redis' }, { name: 'tcp-redis-bus', port: 16379, targetPort: 'tcp-redis-bus' }], headless: true, createdAgo: 140 * DAYS }),
      ...exposed({ namespace: ns, name: 'redis-cluster', selector: { app: 'redis-cluster' }, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'tcp-redis' }], pods: sts.pods, endpointPort: 6379, createdAgo: 140 * DAYS }),
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: api.pods }),
      event({ on: stsObj, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod redis-cluster-5 in StatefulSet redis-cluster successful', firstAgo: 36, lastAgo: 36, component: 'statefulset-controller' }),
    ],
    logs: [
      ...sts.pods.map((p, i) => logsFor(p, 'redis-cluster', { current: lines(...redisLog(i)) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: lines(...apiLog(k)) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/slot|CLUSTERDOWN|not served/i, /scal|6 ?(→|->|to) ?5|replicas|redis-cluster-5/i],
      facts: [/redis-cluster-5/, /reshard|rebalanc|del-node|migrat|scale (it )?(back|up)|to 6/i],
      never: [/\bOOM/, /maxmemory|evict/i, /crash ?loop/i, /session-api[^\n]*(revision|rollout|3\.3\.1)/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 5. read_committed consumers stuck behind a transaction an evicted producer left open -----------

function kafkaLsoStuckOpenTransaction(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.88', ['12', '147', '205']);
  const kafkaImage = 'docker.io/apache/kafka:3.8.0';
  const kafka = statefulSetApp({
    namespace: ns,
    name: 'kafka',
    replicas: 3,
    serviceName: 'kafka-headless',
    podManagementPolicy: 'Parallel',
    revisions: [{
      revision: 6,
      createdAgo: 95 * DAYS,
      template: {
        containers: [container({
          name: 'kafka', image: kafkaImage, ports: [{ name: 'client', containerPort: 9092 }, { name: 'controller', containerPort: 9093 }], cpu: '1', memory: '4Gi',
          readiness: tcpProbe('client', { periodSeconds: 10 }), liveness: tcpProbe('client', { initialDelaySeconds: 60, periodSeconds: 20 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/kafka/data' }, { name: 'config', mountPath: '/mnt/config' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'kafka-config' } }],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((i) => ({ revision: 6, ordinal: i, node: names[i] ?? '', createdAgo: 33 * DAYS - i * 6 })),
  });
  const kafkaCfg = configMap({
    namespace: ns,
    name: 'kafka-config',
    createdAgo: 210 * DAYS,
    updatedAgo: 95 * DAYS,
    data: { 'server.properties': 'process.roles=broker,controller\ncontroller.quorum.voters=0@kafka-0.kafka-headless:9093,1@kafka-1.kafka-headless:9093,2@kafka-2.kafka-headless:9093\nnum.partitions=6\ndefault.replication.factor=3\nmin.insync.replicas=2\noffsets.topic.replication.factor=3\ntransaction.state.log.replication.factor=3\ntransaction.state.log.min.isr=2\ntransaction.max.timeout.ms=7200000\nlog.retention.hours=168\n' },
  });
  const relayImage = `${ECR}/orders/order-outbox-relay:1.12.2`;
  const relay = deploymentApp({
    namespace: ns,
    name: 'order-outbox-relay',
    replicas: 1,
    revisions: [{
      revision: 12, createdAgo: 20 * DAYS, changeCause: 'argocd: order-outbox-relay 1.12.2',
      template: {
        containers: [container({
          name: 'relay', image: relayImage, ports: [8081], cpu: '250m', memory: '512Mi', memoryLimit: null,
          env: [
            { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'kafka.orders.svc.cluster.local:9092' },
            { name: 'KAFKA_TRANSACTIONAL_ID', value: 'outbox-relay-$(POD_NAME)' },
            { name: 'KAFKA_TRANSACTION_TIMEOUT_MS', value: '7200000' },
            { name: 'OUTBOX_BATCH_SIZE', value: '5000' },
            { name: 'TOPIC', value: 'order-events' },
          ],
          readiness: httpProbe('/actuator/health/readiness', 8081), liveness: httpProbe('/actuator/health/liveness', 8081, { initialDelaySeconds: 40 }),
        })],
      },
    }],
    pods: [
      { revision: 12, node: names[1] ?? '', createdAgo: 6 * DAYS, phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 83412Ki. Container relay was using 1712304Ki, request is 512Mi, has larger consumption of memory. ', ready: false, containers: { relay: terminated({ exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated', finishedAgo: 47, ranSeconds: 6 * 24 * 3600 }) } },
      { revision: 12, node: names[2] ?? '', createdAgo: 47 },
    ],
    settled: { available: true, availableSince: 46, progressingSince: 20 * DAYS, progressingUpdatedAgo: 20 * DAYS - 2 },
  });
  const [evicted, relayNow] = [podOf(relay, 0), podOf(relay, 1)];
  const consumerTpl = { containers: [container({ image: `${ECR}/orders/order-fulfillment:4.7.1`, ports: [8080], cpu: '500m', memory: '768Mi', env: [{ name: 'SPRING_KAFKA_CONSUMER_ISOLATION_LEVEL', value: 'read_committed' }, { name: 'SPRING_KAFKA_CONSUMER_GROUP_ID', value: 'order-fulfillment' }, { name: 'SPRING_KAFKA_BOOTSTRAP_SERVERS', value: 'kafka.orders.svc.cluster.local:9092' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }) })] };
  const consumer = deploymentApp({
    namespace: ns,
    name: 'order-fulfillment',
    replicas: 3,
    revisions: [{ revision: 27, createdAgo: 11 * DAYS, changeCause: 'argocd: order-fulfillment 4.7.1', template: consumerTpl }],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
  });
  const oldTxn = `outbox-relay-${nameOf(evicted)}`;
  const newTxn = `outbox-relay-${nameOf(relayNow)}`;
  const lagLog = (k: number) => {
    const out = [`${logbackTime(11 * DAYS - k - 0.5)} INFO  [main] o.a.k.c.c.ConsumerConfig - ConsumerConfig values: group.id = order-fulfillment, isolation.level = read_committed, enable.auto.commit = false, max.poll.records = 500, auto.offset.reset = earliest`];
    for (let m = 55; m >= 1; m -= 3) {
      const part = k * 2;
      const stuck = m < 47;
      const committed = 5_531_902 + part * 211_003 + (stuck ? 0 : (55 - m) * 410);
      const lag = stuck ? (47 - m) * 392 + 180 + k * 17 : 3 + (m % 4);
      if (!stuck) out.push(`${logbackTime(m + 0.2)} INFO  [ntainer#0-0-C-1] c.a.o.f.OrderEventsListener - processed 418 records from order-events-${part} in 1.2s`);
      out.push(`${logbackTime(m)} ${stuck ? 'WARN ' : 'INFO '} [lag-monitor-1] c.a.o.f.kafka.LagMonitor - group=order-fulfillment partition=order-events-${part} committed=${committed} logEndOffset=${committed + lag} lag=${lag}${stuck ? ` lastRecordAgo=${Math.round((47 - m) * 60)}s` : ''}`);
    }
    out.push(`${logbackTime(0.4)} INFO  [ntainer#0-0-C-1] c.a.o.f.OrderEventsListener - no records received for 2820s on [order-events-${k * 2}, order-events-${k * 2 + 1}] (isolation.level=read_committed)`);
    return out;
  };
  const relayLog: string[] = [
    `${logbackTime(46.6)} INFO  [main] o.a.k.c.p.ProducerConfig - ProducerConfig values: acks = -1, bootstrap.servers = [kafka.orders.svc.cluster.local:9092], enable.idempotence = true, transaction.timeout.ms = 7200000, transactional.id = ${newTxn}`,
    `${logbackTime(46.5)} INFO  [main] o.a.k.c.p.i.TransactionManager - [Producer clientId=producer-${newTxn}, transactionalId=${newTxn}] Invoking InitProducerId for the first time in order to acquire a producer ID`,
    `${logbackTime(46.5)} INFO  [main] o.a.k.c.p.i.TransactionManager - [Producer clientId=producer-${newTxn}, transactionalId=${newTxn}] ProducerId set to 91044 with epoch 0`,
    `${logbackTime(46.3)} INFO  [main] c.a.o.r.OutboxRelayApplication - Started OutboxRelayApplication in 9.412 seconds (process running for 10.118)`,
  ];
  for (let m = 45; m >= 1; m -= 4) relayLog.push(`${logbackTime(m)} INFO  [relay-1] c.a.o.r.OutboxRelay - committed transaction: ${310 + (m % 7) * 23} outbox rows -> order-events (transactionalId=${newTxn})`);
  const brokerLog = [
    `${kafkaTime(46.5)} INFO [TransactionCoordinator id=1] Initialized transactionalId ${newTxn} with producerId 91044 and producer epoch 0 on partition __transaction_state-17 (kafka.coordinator.transaction.TransactionCoordinator)`,
    `${kafkaTime(12)} INFO [GroupCoordinator 1]: Preparing to rebalance group order-fulfillment-dlq in state PreparingRebalance with old generation 3 (__consumer_offsets-12) (reason: Adding new member consumer-dlq-1-4f0c2b1e with group instance id None; client reason: rebalance failed due to MemberIdRequiredException) (kafka.coordinator.group.GroupCoordinator)`,
    `${kafkaTime(1.5)} INFO [LogLoader partition=order-events-2, dir=/var/lib/kafka/data] Deleted producer state snapshot /var/lib/kafka/data/order-events-2/00000000000005431102.snapshot (kafka.log.SnapshotFile)`,
  ];
  return {
    id: 'heldout64-kafka-read-committed-stuck-behind-open-transaction',
    class: 'capacity',
    truth: `order-outbox-relay is a transactional producer whose transactional.id is derived from its pod name (outbox-relay-$(POD_NAME)) and whose transaction.timeout.ms is 7200000 (2 hours; the brokers allow it with transaction.max.timeout.ms=7200000). 47 minutes ago the kubelet evicted its pod ${nameOf(evicted)} for node memory pressure in the middle of a 5000-row transaction on order-events. The replacement pod got a new transactional.id, so nothing fenced or aborted the old one (${oldTxn}): the transaction stays open until the coordinator times it out, two hours after it began. Until then the last stable offset of the partitions it wrote to cannot advance, and order-fulfillment, which consumes with isolation.level=read_committed, receives no records past it although new transactions keep committing: its lag has grown steadily for 47 minutes with no error anywhere. Fix: abort the hanging transaction (kafka-transactions.sh find-hanging / abort, Kafka 3.0+) or wait for the timeout; use a stable transactional.id (StatefulSet ordinal) and a short transaction.timeout.ms.`,
    ask: { service: 'order-fulfillment', namespace: ns },
    objects: [
      ...nodes, ...kafka.objects, kafkaCfg, ...relay.objects, ...consumer.objects,
      ...[0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-kafka-${i}`, storage: '500Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 210 * DAYS, storageClass: 'gp3' })),
      service({ namespace: ns, name: 'kafka-headless', selector: { app: 'kafka' }, ports: [{ name: 'client', port: 9092, targetPort: 'client' }, { name: 'controller', port: 9093, targetPort: 'controller' }], headless: true, createdAgo: 210 * DAYS }),
      ...exposed({ namespace: ns, name: 'kafka', selector: { app: 'kafka' }, ports: [{ name: 'client', port: 9092, targetPort: 'client' }], pods: kafka.pods, endpointPort: 9092, createdAgo: 210 * DAYS }),
      ...exposed({ namespace: ns, name: 'order-fulfillment', selector: { app: 'order-fulfillment' }, pods: consumer.pods }),
      event({ on: evicted, reason: 'Evicted', message: 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 83412Ki. Container relay was using 1712304Ki, request is 512Mi, has larger consumption of memory. ', firstAgo: 47, lastAgo: 47 }),
      event({ on: evicted, type: 'Normal', reason: 'Killing', message: 'Stopping container relay', firstAgo: 47, lastAgo: 47, fieldPath: 'spec.containers{relay}' }),
      event({ on: replicaSetOf(relay, 12), type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(relayNow)}`, firstAgo: 47, lastAgo: 47, component: 'replicaset-controller' }),
      nodeEvent(names[1] ?? '', 'EvictionThresholdMet', 'Attempting to reclaim memory', { type: 'Warning', firstAgo: 47.2 }),
      nodeEvent(names[1] ?? '', 'NodeHasInsufficientMemory', `Node ${names[1] ?? ''} status is now: NodeHasInsufficientMemory`, { firstAgo: 47.1 }),
      nodeEvent(names[1] ?? '', 'NodeHasSufficientMemory', `Node ${names[1] ?? ''} status is now: NodeHasSufficientMemory`, { firstAgo: 41 }),
      ...pulledFresh(relayNow, 'relay', relayImage, { atAgo: 47, bytes: 143_881_216, seconds: 4.17 }),
      event({ on: relayNow, type: 'Normal', reason: 'Created', message: 'Created container relay', firstAgo: 46.9, lastAgo: 46.9, fieldPath: 'spec.containers{relay}' }),
      event({ on: relayNow, type: 'Normal', reason: 'Started', message: 'Started container relay', firstAgo: 46.9, lastAgo: 46.9, fieldPath: 'spec.containers{relay}' }),
    ],
    logs: [
      ...consumer.pods.map((p, k) => logsFor(p, 'app', { current: lines(...lagLog(k)) })),
      logsFor(relayNow, 'relay', { current: lines(...relayLog) }),
      logsFor(podOf(kafka, 1), 'kafka', { current: lines(...brokerLog) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/transaction|last stable offset|\bLSO\b|read_committed/i, /evict|order-outbox-relay|producer/i],
      facts: [/7200000|transaction\.timeout\.ms|2 ?h(ours?)?/i, /read_committed/i, /abort|kafka-transactions|hanging/i],
      never: [/\bOOM ?kill/i, /rebalanc/i, ADVISES_ROLLBACK, /(broker|kafka-\d)[^\n]*(down|unavailable|crash)/i, /order-fulfillment[^\n]*(crash|restart)/i],
    },
  };
}

// ---- 6. an HPA's ContainerResource metric names the container a revision renamed ------------------

function hpaContainerRenamed(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.150', ['21', '118', '239']);
  const image = (v: string) => `${ECR}/search/search-api:${v}`;
  const tpl = (v: string, name: string) => ({ containers: [container({ name, image: image(v), ports: [8080], cpu: '1', cpuLimit: '2', memory: '1536Mi', readiness: httpProbe('/ready', 8080, { periodSeconds: 5, timeoutSeconds: 1 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 20, timeoutSeconds: 5, failureThreshold: 6 }) })] });
  const flapping = (k: number) => running({ sinceAgo: 9 * HOURS - k, ready: k !== 3 });
  const app = deploymentApp({
    namespace: ns,
    name: 'search-api',
    replicas: 4,
    revisions: [
      { revision: 111, createdAgo: 10 * DAYS, changeCause: 'argocd: search-api 8.3.2', template: tpl('8.3.2', 'app') },
      { revision: 112, createdAgo: 9 * HOURS + 3, changeCause: 'argocd: search-api 8.4.0', template: tpl('8.4.0', 'search-api') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 112, node: names[k % 3] ?? '', createdAgo: 9 * HOURS + 2 - k, containers: { 'search-api': flapping(k) } })),
    settled: { available: true, availableSince: 9 * HOURS - 2, progressingSince: 9 * HOURS + 3, progressingUpdatedAgo: 9 * HOURS - 2 },
  });
  const firstPod = nameOf(podOf(app, 0));
  const notPresent = `failed to get cpu utilization: unable to get metrics for resource cpu: container app not present in metrics for pod ${ns}/${firstPod}`;
  const autoscaler: k8s.V2HorizontalPodAutoscaler = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'search-api', namespace: ns, uid: '7d1e4c0a-93b2-4f6e-a1d8-2c5b9e0f3a71', creationTimestamp: ago(160 * DAYS) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'search-api' },
      minReplicas: 4,
      maxReplicas: 24,
      metrics: [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', target: { type: 'Utilization', averageUtilization: 60 } } }],
      behavior: { scaleDown: { stabilizationWindowSeconds: 600, policies: [{ type: 'Percent', value: 25, periodSeconds: 60 }], selectPolicy: 'Max' }, scaleUp: { stabilizationWindowSeconds: 0, policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }, { type: 'Pods', value: 4, periodSeconds: 15 }], selectPolicy: 'Max' } },
    },
    status: {
      currentReplicas: 4,
      desiredReplicas: 4,
      lastScaleTime: ago(11 * HOURS + 20),
      currentMetrics: [{ type: '' }],
      conditions: [
        { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: 'the HPA controller was able to get the target\'s current scale', lastTransitionTime: ago(160 * DAYS) },
        { type: 'ScalingActive', status: 'False', reason: 'FailedGetContainerResourceMetric', message: `the HPA was unable to compute the replica count: ${notPresent}`, lastTransitionTime: ago(9 * HOURS) },
        { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: ago(11 * HOURS + 20) },
      ],
    },
  };
  const suggest = deploymentApp({
    namespace: ns,
    name: 'search-suggest',
    replicas: 6,
    revisions: [{ revision: 40, createdAgo: 15 * DAYS, changeCause: 'argocd: search-suggest 2.1.4', template: { containers: [container({ image: `${ECR}/search/search-suggest:2.1.4`, cpu: '250m' })] } }],
    pods: [0, 1, 2, 3, 4, 5].map((k) => ({ revision: 40, node: names[k % 3] ?? '', createdAgo: k < 2 ? 15 * DAYS : 70 - k })),
  });
  const suggestHpa = hpa({ namespace: ns, name: 'search-suggest', target: { kind: 'Deployment', name: 'search-suggest' }, min: 2, max: 12, current: 6, desired: 6, cpu: { current: 58, target: 65, averageValue: '145m' }, lastScaleAgo: 66 });
  const hpaRef = { kind: 'HorizontalPodAutoscaler', metadata: autoscaler.metadata };
  const appLog = (p: k8s.V1Pod, k: number) => {
    const out = [`{"level":"info","ts":"${at(9 * HOURS - k)}","msg":"search-api 8.4.0 listening","addr":":8080","workers":64}`];
    for (let i = 0; i < 14; i++) {
      const t = 70 - i * 5 - k * 0.3;
      out.push(`{"level":"warn","ts":"${at(t)}","msg":"slow request","path":"/v2/search","q_len":${12 + i},"duration_ms":${2100 + i * 230 + k * 40},"inflight":${180 + i * 9},"queue_wait_ms":${1400 + i * 190}}`);
      if (i % 3 === 2) out.push(`{"level":"error","ts":"${at(t - 0.1)}","msg":"request timed out","path":"/v2/search","timeout":"5s","status":504}`);
    }
    out.push(`{"level":"info","ts":"${at(0.3)}","msg":"request","path":"/v2/search","status":200,"duration_ms":${3900 + k * 77}}`);
    return out;
  };
  const ready = (p: k8s.V1Pod) => `Readiness probe failed: Get "http://${ipOfPod(p)}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  return {
    id: 'heldout64-hpa-container-resource-renamed-container',
    class: 'capacity',
    truth: 'The search-api HPA scales on a ContainerResource metric: cpu utilization of the container named "app". Revision 112 (search-api 8.4.0, 9 hours ago, off-peak while the HPA sat at its minimum of 4) renamed the container from "app" to "search-api". Since then the HPA controller cannot find container "app" in any pod\'s metrics (FailedGetContainerResourceMetric, ScalingActive=False: "container app not present in metrics for pod …"), so it stopped scaling altogether. The daily APAC peak began about 75 minutes ago and search-api stays at 4 replicas (max 24): pods are CPU-saturated, requests take seconds or time out, and readiness probes time out so pods flap in and out of the Service. Fix: point the HPA\'s containerResource.container at "search-api" (or rename the container back); then it will scale out.',
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, autoscaler, ...suggest.objects, suggestHpa,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'search-suggest', selector: { app: 'search-suggest' }, pods: suggest.pods }),
      event({ on: hpaRef, reason: 'FailedGetContainerResourceMetric', message: notPresent, count: 2158, firstAgo: 9 * HOURS, lastAgo: 0.2, component: 'horizontal-pod-autoscaler' }),
      event({ on: hpaRef, reason: 'FailedComputeMetricsReplicas', message: `invalid metrics (1 invalid out of 1), first error is: failed to get cpu container metric value: ${notPresent}`, count: 2158, firstAgo: 9 * HOURS, lastAgo: 0.2, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'search-suggest', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', firstAgo: 66, lastAgo: 66, component: 'horizontal-pod-autoscaler' }),
      ...app.pods.map((p, k) => probeFailed(p, 'search-api', 'Readiness', ready(p), { count: 131 + k * 17, firstAgo: 72 - k, lastAgo: 0.1 + k * 0.2 })),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'search-api', { current: lines(...appLog(p, k)) })),
    expect: {
      verdict: 'problems',
      headline: [/HPA|autoscal/i, /renam|container[^\n]*app|not present in metrics|FailedGetContainerResourceMetric|revision 112/i],
      facts: [/FailedGetContainerResourceMetric|not present in metrics/i, /search-api/, /\b4\b[^\n]*(min|replica)|minReplicas|min(imum)? (of )?4/i],
      never: [/\bOOM/, /metrics-server[^\n]*(down|unavailable|crash)/i, /max(imum|Replicas)[^\n]*(reached|limit)/i, /search-suggest/],
    },
  };
}

// ---- 7. healthy control: checkpoint warnings from last night's batch load ----------------------------

function healthyPostgresCheckpointWarningsFromNightlyLoad(): CorpusScenario {
  const ns = 'warehouse';
  const { nodes, names } = threeEksNodes('10.0.203', ['16', '127', '238']);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const db = statefulSetApp({
    namespace: ns,
    name: 'analytics-db',
    replicas: 1,
    serviceName: 'analytics-db-headless',
    revisions: [{
      revision: 4,
      createdAgo: 48 * DAYS,
      template: {
        containers: [container({
          name: 'postgres', image: pgImage, args: ['-c', 'config_file=/etc/postgresql/postgresql.conf'], ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi',
          readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { initialDelaySeconds: 30, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'config', mountPath: '/etc/postgresql' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'analytics-db-config' } }],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '400Gi', storageClass: 'gp3' }],
    pods: [{ revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 48 * DAYS }],
  });
  const cfg = configMap({ namespace: ns, name: 'analytics-db-config', createdAgo: 48 * DAYS, data: { 'postgresql.conf': "listen_addresses = '*'\nmax_connections = 150\nshared_buffers = 2GB\nwork_mem = 32MB\nmax_wal_size = 2GB\nmin_wal_size = 512MB\ncheckpoint_timeout = 15min\ncheckpoint_completion_target = 0.9\nlog_checkpoints = on\nlog_line_prefix = '%m [%p] '\nlog_min_duration_statement = 5000\n" } });
  const loadTpl = { containers: [batchContainer({ name: 'load', image: `${ECR}/warehouse/nightly-load:5.0.3`, args: ['--source', 's3://acme-dw-exports/daily/', '--target', 'analytics-db.warehouse.svc.cluster.local'], cpu: '1', memory: '2Gi' })] };
  const loads = cronJob({
    namespace: ns,
    name: 'nightly-load',
    schedule: '0 23 * * *',
    template: loadTpl,
    jobs: [
      { createdAgo: 2 * DAYS + 4 * HOURS + 14, pods: [{ node: names[1] ?? '', phase: 'Succeeded', createdAgo: 2 * DAYS + 4 * HOURS + 14, containers: { load: terminated({ exitCode: 0, finishedAgo: 2 * DAYS + 2 * HOURS + 31, ranSeconds: 6180 }) } }], outcome: { complete: true, ago: 2 * DAYS + 2 * HOURS + 31 } },
      { createdAgo: DAYS + 4 * HOURS + 14, pods: [{ node: names[2] ?? '', phase: 'Succeeded', createdAgo: DAYS + 4 * HOURS + 14, containers: { load: terminated({ exitCode: 0, finishedAgo: DAYS + 2 * HOURS + 40, ranSeconds: 5630 }) } }], outcome: { complete: true, ago: DAYS + 2 * HOURS + 40 } },
      { createdAgo: 4 * HOURS + 14, pods: [{ node: names[1] ?? '', phase: 'Succeeded', createdAgo: 4 * HOURS + 14, containers: { load: terminated({ exitCode: 0, finishedAgo: 2 * HOURS + 36, ranSeconds: 5850 }) } }], outcome: { complete: true, ago: 2 * HOURS + 36 } },
    ],
    lastSuccessfulAgo: 2 * HOURS + 36,
    createdAgo: 300 * DAYS,
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'analytics-api',
    replicas: 2,
    revisions: [{ revision: 22, createdAgo: 9 * DAYS, changeCause: 'argocd: analytics-api 1.18.0', template: { containers: [container({ image: `${ECR}/warehouse/analytics-api:1.18.0` })] } }],
    pods: [{ revision: 22, node: names[1] ?? '', createdAgo: 9 * DAYS }, { revision: 22, node: names[2] ?? '', createdAgo: 9 * DAYS - 1 }],
  });
  const pg: string[] = [];
  // WAL positions: each size-triggered checkpoint comes ~1 GB of WAL after the previous one.
  let wal = 0x3a * 2 ** 32 + 0x1e9a3b58;
  const lsn = (x: number): string => `${Math.floor(x / 2 ** 32).toString(16).toUpperCase()}/${(x % 2 ** 32).toString(16).toUpperCase().padStart(8, '0')}`;
  for (let m = 4 * HOURS + 10; m > 2 * HOURS + 38; m -= 0.4 + ((m * 7) % 5) / 20) {
    const apart = 22 + Math.round((m * 13) % 9);
    pg.push(`${pgTime(m)} [27] LOG:  checkpoint starting: wal`);
    if (Math.round(m * 10) % 3 === 0) {
      pg.push(`${pgTime(m)} [27] LOG:  checkpoints are occurring too frequently (${apart} seconds apart)`);
      pg.push(`${pgTime(m)} [27] HINT:  Consider increasing the configuration parameter "max_wal_size".`);
    }
    const redo = wal;
    wal += 1048602 * 1024;
    pg.push(`${pgTime(m - 0.35)} [27] LOG:  checkpoint complete: wrote 48213 buffers (18.4%); 0 WAL file(s) added, 0 removed, 64 recycled; write=19.806 s, sync=0.412 s, total=20.911 s; sync files=38, longest=0.188 s, average=0.011 s; distance=1048602 kB, estimate=1048602 kB; lsn=${lsn(wal + 0x8e10)}, redo lsn=${lsn(redo)}`);
  }
  pg.push(`${pgTime(2 * HOURS + 36.5)} [48117] LOG:  duration: 11842.113 ms  statement: ANALYZE fact_orders;`);
  for (let m = 2 * HOURS + 20; m > 1; m -= 15) {
    const kb = 18000 + Math.round(m) * 11;
    const redo = wal;
    wal += kb * 1024;
    pg.push(`${pgTime(m)} [27] LOG:  checkpoint starting: time`, `${pgTime(m - 3)} [27] LOG:  checkpoint complete: wrote ${1800 + Math.round(m) * 3} buffers (0.7%); 0 WAL file(s) added, 1 removed, 0 recycled; write=179.812 s, sync=0.004 s, total=179.861 s; sync files=41, longest=0.002 s, average=0.001 s; distance=${kb} kB, estimate=${Math.max(kb, 1048602 - Math.round((2 * HOURS + 20 - m) * 7000))} kB; lsn=${lsn(wal + 0x2c8)}, redo lsn=${lsn(redo)}`);
  }
  const lastJob = loads.jobs[2];
  const loadPod = lastJob?.pods[0];
  return {
    id: 'heldout64-healthy-postgres-checkpoint-warnings-nightly-load',
    class: 'healthy',
    truth: 'Nothing is wrong now. The nightly-load CronJob bulk-loads yesterday\'s exports into analytics-db every night at 23:00; during the load (23:00–00:38 UTC) the WAL volume filled max_wal_size (2GB) every 20–30 seconds, so Postgres logged "checkpoints are occurring too frequently" with its max_wal_size hint. The Job completed successfully 2.5 hours ago; since then checkpoints are timed (every 15 min) and small, the database pod is ready with no restarts, and analytics-api serves normally. At most a tuning note (raise max_wal_size for the load window), not an incident.',
    ask: { service: 'analytics-db', namespace: ns },
    objects: [
      ...nodes, ...db.objects, cfg, ...loads.objects, ...api.objects,
      ...boundClaim({ namespace: ns, name: 'data-analytics-db-0', storage: '400Gi', zone: 'eu-west-1a', createdAgo: 48 * DAYS, storageClass: 'gp3' }),
      service({ namespace: ns, name: 'analytics-db-headless', selector: { app: 'analytics-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], headless: true }),
      ...exposed({ namespace: ns, name: 'analytics-db', selector: { app: 'analytics-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], pods: db.pods, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'analytics-api', selector: { app: 'analytics-api' }, pods: api.pods }),
    ],
    logs: [
      logsFor(podOf(db, 0), 'postgres', { current: lines(...pg) }),
      ...(loadPod === undefined ? [] : [logsFor(loadPod, 'load', { current: lines(`${at(4 * HOURS + 13)} INFO nightly-load 5.0.3: 214 export files, 61.2 GiB`, `${at(3 * HOURS + 2)} INFO fact_orders: COPY 184220113 rows`, `${at(2 * HOURS + 37)} INFO fact_order_lines: COPY 603118742 rows`, `${at(2 * HOURS + 36.2)} INFO load complete in 1h37m30s; ANALYZE done`) })]),
      ...api.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(1.4)}","msg":"request","path":"/v1/dashboards/revenue","status":200,"duration_ms":212}`) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (current |active |ongoing )?(problem|issue|incident)s?|nothing (is )?wrong|all (\d+ )?(pods? )?(are )?ready|running normally/i],
      facts: [],
      never: [/\bOOM/, /crash ?loop/i, /nightly-load[^\n]*(fail|stuck|error)/i, /analytics-db[^\n]*(down|unavailable|not ready)/i],
    },
  };
}

export const PART_TWO: readonly CorpusScenario[] = [
  nodeRequestTimeoutCutsUploads(),
  mysqlHostBlockedByNcProbe(),
  sqlalchemyTwoAfterRebuild(),
  redisClusterScaledDownSlotsUnserved(),
  kafkaLsoStuckOpenTransaction(),
  hpaContainerRenamed(),
  healthyPostgresCheckpointWarningsFromNightlyLoad(),
];
