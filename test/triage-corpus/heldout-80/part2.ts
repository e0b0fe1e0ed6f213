// Held-out stories, eightieth round, part two:
// 1. orders-mongo, a MongoDB StatefulSet upgraded from 5.0 to 6.0, under orders-api whose old Node
//    driver (mongodb 3.1) still sends commands as OP_QUERY: "Unsupported OP_QUERY command: find".
// 2. A new Postgres 15 database whose init script only GRANTs on the DATABASE: the Alembic
//    migration Job fails "permission denied for schema public", so ledger-api finds no tables.
// 3. invoice-service revision 19 moves to Spring Boot 2.6 with springfox 3.0: "Failed to start bean
//    'documentationPluginsBootstrapper'" (NullPointerException) crash-loops the new pods.
// 4. billing-api revision 42 declares its own `new ObjectMapper()` bean without the JSR-310 module:
//    "Java 8 date/time type `java.time.Instant` not supported by default", 500s while pods stay Ready.
// 5. report-worker rebuilt on python:3.12-slim still imports boto 2.49: "ModuleNotFoundError: No
//    module named 'imp'" at start, CrashLoopBackOff.
// 6. pricing-engine gRPC server scaled 3 -> 8 by its HPA; checkout-api's HTTP/2 connections stay on
//    the three old pods (ClusterIP, no client-side balancing): the new pods get nothing, the old ones
//    shed load (ResourceExhausted) and callers hit DeadlineExceeded.
// 7. Healthy control: an SFTP-export service logging paramiko's CryptographyDeprecationWarning
//    (TripleDES moved to decrepit) at start.
import {
  DAYS, ECR, HOURS, at, backOff, container, crashLoop, deploymentApp, event, exposed, hpa, httpProbe, job, jobEvent,
  probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, startedNormally, statefulSetApp, tcpProbe, boundClaim, configMap,
  batchContainer, service, terminated,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Spring Boot 2.x console time: `2026-11-21 03:02:11.412`. */
const bootTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '');
/** Spring Boot 3.x console time: `2026-11-21T03:02:11.412Z`. */
const boot3Time = (m: number): string => at(m);
/** Postgres' log_line_prefix time. */
const pgTime = (m: number): string => at(m).replace('T', ' ').replace('Z', ' UTC');
/** mongod's structured-log time. */
const mongoTime = (m: number): string => at(m).replace('Z', '+00:00');

// ---- 1. MongoDB 6.0 under an old driver ---------------------------------------------------------

function mongoOpQuery(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.84', ['21', '140', '213']);
  const mongoTpl = (v: string) => ({
    containers: [container({
      name: 'mongod', image: `docker.io/library/mongo:${v}`, command: ['mongod'], args: ['--bind_ip_all', '--replSet', 'rs0', '--wiredTigerCacheSizeGB', '1'],
      ports: [{ name: 'mongo', containerPort: 27017 }], cpu: '500m', memory: '2Gi',
      readiness: { exec: { command: ['mongosh', '--quiet', '--eval', 'db.adminCommand("ping")'] }, periodSeconds: 10, timeoutSeconds: 5 },
      liveness: tcpProbe('mongo', { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/data/db' }],
    })],
  });
  const mongo = statefulSetApp({
    namespace: ns, name: 'orders-mongo', replicas: 1, serviceName: 'orders-mongo',
    revisions: [
      { revision: 6, createdAgo: 140 * DAYS, template: mongoTpl('5.0.28') },
      { revision: 7, createdAgo: 52, template: mongoTpl('6.0.19') },
    ],
    pods: [{ revision: 7, ordinal: 0, node: names[1] ?? '', createdAgo: 51 }],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClass: 'gp3' }],
  });
  const apiImage = `${ECR}/orders/orders-api:5.14.2`;
  const api = deploymentApp({
    namespace: ns, name: 'orders-api', replicas: 3,
    revisions: [
      { revision: 63, createdAgo: 9 * DAYS, changeCause: 'argocd: orders-api 5.14.2', template: { containers: [container({
        image: apiImage, ports: [3000], cpu: '250m', memory: '384Mi',
        env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'MONGO_URL', value: 'mongodb://orders-mongo-0.orders-mongo.orders.svc.cluster.local:27017/orders?replicaSet=rs0' }],
        readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }),
      })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 63, node: names[k] ?? '', createdAgo: 9 * DAYS - k, containers: { app: running({ sinceAgo: 9 * DAYS - k, ready: false }) }, ready: false })),
  });
  const other = bystander(ns, 'orders-notifier', names, 4 * HOURS, { revisions: [21, 22], versions: ['1.8.0', '1.8.1'], olderAgo: 20 * DAYS });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-orders-mongo-0', storage: '50Gi', zone: 'eu-west-1b', createdAgo: 140 * DAYS, storageClass: 'gp3' });
  const mongoPod = podOf(mongo, 0);
  const mongoLog = lines(
    `{"t":{"$date":"${mongoTime(50.9)}"},"s":"I",  "c":"CONTROL",  "id":23285,   "ctx":"-","msg":"Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'"}`,
    `{"t":{"$date":"${mongoTime(50.9)}"},"s":"I",  "c":"CONTROL",  "id":4615611, "ctx":"initandlisten","msg":"MongoDB starting","attr":{"pid":1,"port":27017,"dbPath":"/data/db","architecture":"64-bit","host":"orders-mongo-0"}}`,
    `{"t":{"$date":"${mongoTime(50.9)}"},"s":"I",  "c":"CONTROL",  "id":23403,   "ctx":"initandlisten","msg":"Build Info","attr":{"buildInfo":{"version":"6.0.19","gitVersion":"4a4f1d2c2c3d0e1c6c2d5a8f0b1e4f1a7c9d2e11","openSSLVersion":"OpenSSL 3.0.2 15 Mar 2022","modules":[],"allocator":"tcmalloc","environment":{"distmod":"ubuntu2204","distarch":"x86_64","target_arch":"x86_64"}}}}`,
    `{"t":{"$date":"${mongoTime(50.6)}"},"s":"W",  "c":"CONTROL",  "id":22120,   "ctx":"initandlisten","msg":"Access control is not enabled for the database. Read and write access to data and configuration is unrestricted","tags":["startupWarnings"]}`,
    `{"t":{"$date":"${mongoTime(50.4)}"},"s":"I",  "c":"REPL",     "id":21358,   "ctx":"ReplCoord-0","msg":"Replica set state transition","attr":{"newState":"PRIMARY","oldState":"RECOVERING"}}`,
    `{"t":{"$date":"${mongoTime(50.2)}"},"s":"I",  "c":"NETWORK",  "id":22943,   "ctx":"listener","msg":"Connection accepted","attr":{"remote":"10.0.84.57:40112","uuid":"0c3f6f0e-5a57-4f3e-9b0e-1d2f4a6b8c11","connectionId":14,"connectionCount":3}}`,
    `{"t":{"$date":"${mongoTime(50.2)}"},"s":"I",  "c":"NETWORK",  "id":51800,   "ctx":"conn14","msg":"client metadata","attr":{"remote":"10.0.84.57:40112","client":"conn14","doc":{"driver":{"name":"nodejs","version":"3.1.13"},"os":{"type":"Linux","name":"linux","architecture":"x64","version":"5.10.227-219.884.amzn2.x86_64"},"platform":"'Node.js v14.21.3, LE, mongodb-core: 3.1.11"}}}`,
    `{"t":{"$date":"${mongoTime(49.8)}"},"s":"I",  "c":"NETWORK",  "id":51800,   "ctx":"conn17","msg":"client metadata","attr":{"remote":"10.0.84.160:52218","client":"conn17","doc":{"driver":{"name":"nodejs","version":"3.1.13"},"os":{"type":"Linux","name":"linux","architecture":"x64","version":"5.10.227-219.884.amzn2.x86_64"},"platform":"'Node.js v14.21.3, LE, mongodb-core: 3.1.11"}}}`,
    `{"t":{"$date":"${mongoTime(12.1)}"},"s":"I",  "c":"NETWORK",  "id":22943,   "ctx":"listener","msg":"Connection accepted","attr":{"remote":"10.0.84.241:38870","uuid":"7a1d0b4e-93c2-4f0b-a1de-55e0c4a2f9b3","connectionId":88,"connectionCount":9}}`,
    `{"t":{"$date":"${mongoTime(12.1)}"},"s":"I",  "c":"NETWORK",  "id":51800,   "ctx":"conn88","msg":"client metadata","attr":{"remote":"10.0.84.241:38870","client":"conn88","doc":{"application":{"name":"mongosh 2.3.2"},"driver":{"name":"nodejs|mongosh","version":"6.10.0|2.3.2"},"platform":"Node.js v20.18.0, LE"}}}`,
  );
  const apiLog = (k: number) => {
    const out = [
      `{"level":30,"time":${Date.parse(at(9 * DAYS - k - 0.2))},"pid":1,"hostname":"${podOf(api, k).metadata?.name ?? ''}","msg":"orders-api 5.14.2 listening on :3000"}`,
      `{"level":30,"time":${Date.parse(at(62 - k))},"pid":1,"hostname":"${podOf(api, k).metadata?.name ?? ''}","req":{"method":"GET","url":"/v1/orders?customer=C-40${k}17"},"res":{"statusCode":200},"responseTime":${14 + k},"msg":"request completed"}`,
      `{"level":40,"time":${Date.parse(at(52.5 - k * 0.1))},"pid":1,"hostname":"${podOf(api, k).metadata?.name ?? ''}","msg":"MongoNetworkError: connection 4 to orders-mongo-0.orders-mongo.orders.svc.cluster.local:27017 closed"}`,
      `{"level":30,"time":${Date.parse(at(51 - k * 0.1))},"pid":1,"hostname":"${podOf(api, k).metadata?.name ?? ''}","msg":"reconnected to mongodb"}`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 48 - i * 8 - k * 0.3;
      const cmd = ['find', 'insert', 'aggregate', 'ping', 'find', 'update'][i] ?? 'find';
      out.push(`{"level":50,"time":${Date.parse(at(t))},"pid":1,"hostname":"${podOf(api, k).metadata?.name ?? ''}","err":{"type":"MongoError","message":"Unsupported OP_QUERY command: ${cmd}. The client driver may require an upgrade. For more details see https://dochub.mongodb.org/core/legacy-opcode-removal","stack":"MongoError: Unsupported OP_QUERY command: ${cmd}. The client driver may require an upgrade. For more details see https://dochub.mongodb.org/core/legacy-opcode-removal\\n    at /app/node_modules/mongodb-core/lib/connection/pool.js:581:63\\n    at authenticateStragglers (/app/node_modules/mongodb-core/lib/connection/pool.js:504:16)\\n    at Connection.messageHandler (/app/node_modules/mongodb-core/lib/connection/pool.js:540:5)","ok":0,"errmsg":"Unsupported OP_QUERY command: ${cmd}. The client driver may require an upgrade. For more details see https://dochub.mongodb.org/core/legacy-opcode-removal","code":352,"codeName":"UnsupportedOpQueryCommand","name":"MongoError"},"msg":"${cmd === 'ping' ? 'readiness check failed' : 'request failed'}"}`);
      if (cmd !== 'ping') out.push(`{"level":30,"time":${Date.parse(at(t - 0.01))},"pid":1,"hostname":"${podOf(api, k).metadata?.name ?? ''}","req":{"method":"GET","url":"/v1/orders/ORD-2211${k}${i}"},"res":{"statusCode":500},"responseTime":${6 + i},"msg":"request completed"}`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout80-mongo6-old-driver-op-query',
    class: 'config',
    truth: 'The orders-mongo StatefulSet was upgraded from mongo 5.0.28 to 6.0.19 (revision 7, 52 minutes ago). MongoDB 6.0 removed the legacy OP_QUERY wire opcode for commands, and orders-api still uses the Node mongodb driver 3.1.13 (mongodb-core 3.1.11), which sends commands as OP_QUERY: every find/insert/ping fails with "Unsupported OP_QUERY command: … The client driver may require an upgrade" (code 352), so the API returns 500s and its readiness check fails. mongod itself is healthy. Fix: upgrade the driver (mongodb ≥ 3.6/4.x, which uses OP_MSG) and redeploy orders-api, or roll orders-mongo back to 5.0 (its featureCompatibilityVersion is still 5.0) until then.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...mongo.objects, ...api.objects, ...other.objects, claim, vol,
      service({ namespace: ns, name: 'orders-mongo', selector: { app: 'orders-mongo' }, headless: true, ports: [{ name: 'mongo', port: 27017, targetPort: 'mongo' }] }),
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      event({ on: { kind: 'StatefulSet', name: 'orders-mongo', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod orders-mongo-0 in StatefulSet orders-mongo successful', firstAgo: 51.5, lastAgo: 51.5, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'orders-mongo', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod orders-mongo-0 in StatefulSet orders-mongo successful', firstAgo: 51, lastAgo: 51, component: 'statefulset-controller' }),
      ...startedNormally(mongoPod, 'mongod', 'docker.io/library/mongo:6.0.19', 51),
      ...[0, 1, 2].map((k) => probeFailed(podOf(api, k), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 290 + k * 3, firstAgo: 49, lastAgo: 0.2 })),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 22), 2, 0, 4 * HOURS),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 21), 0, 2, 4 * HOURS - 2),
    ],
    logs: [
      logsFor(mongoPod, 'mongod', { current: mongoLog }),
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/OP_QUERY|legacy opcode|driver/i, /mongo/i],
      facts: [/Unsupported OP_QUERY command/i, /6\.0(\.19)?/, /3\.1\.13|driver/i, /orders-mongo/],
      never: [/\bOOM/i, /orders-notifier/, /orders-api[^\n]*(revision 63|5\.14\.2)[^\n]*(caused|broke|introduced)/i],
    },
  };
}

// ---- 2. Postgres 15: the migration user may not create in schema public -----------------------

function pg15SchemaPublic(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.91', ['12', '97', '188']);
  const dbImage = 'docker.io/library/postgres:15.10-bookworm';
  const db = statefulSetApp({
    namespace: ns, name: 'ledger-db', replicas: 1, serviceName: 'ledger-db', createdAgo: 2 * HOURS + 10,
    revisions: [{ revision: 1, createdAgo: 2 * HOURS + 10, template: {
      containers: [container({
        name: 'postgres', image: dbImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '500m', memory: '1Gi',
        env: [{ name: 'POSTGRES_DB', value: 'ledger' }, { name: 'POSTGRES_USER', value: 'postgres' }, { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }],
        readiness: { exec: { command: ['pg_isready', '-U', 'postgres'] }, periodSeconds: 10 },
        liveness: tcpProbe('postgres', { initialDelaySeconds: 30 }),
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }, { name: 'initdb', mountPath: '/docker-entrypoint-initdb.d' }],
      })],
      volumes: [{ name: 'initdb', configMap: { name: 'ledger-db-init' } }],
    } }],
    pods: [{ revision: 1, ordinal: 0, node: names[0] ?? '', createdAgo: 2 * HOURS + 9 }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi', storageClass: 'gp3' }],
  });
  const [claim, vol] = boundClaim({ namespace: ns, name: 'data-ledger-db-0', storage: '20Gi', zone: 'eu-west-1a', createdAgo: 2 * HOURS + 9, storageClass: 'gp3' });
  const init = configMap({ namespace: ns, name: 'ledger-db-init', createdAgo: 2 * HOURS + 11, data: {
    '01-users.sql': [
      "CREATE USER ledger_migrator WITH PASSWORD :'migrator_password';",
      "CREATE USER ledger_app WITH PASSWORD :'app_password';",
      'GRANT ALL PRIVILEGES ON DATABASE ledger TO ledger_migrator;',
      'GRANT CONNECT ON DATABASE ledger TO ledger_app;',
      'ALTER DEFAULT PRIVILEGES FOR ROLE ledger_migrator IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ledger_app;',
      '',
    ].join('\n'),
  } });
  const appImage = `${ECR}/ledger/ledger-api:1.0.0`;
  const TRIES = [0, 0.3, 1, 2.5];
  const migrate = job({
    namespace: ns, name: 'ledger-api-migrate-1-0-0', backoffLimit: 3, createdAgo: 2 * HOURS,
    template: { containers: [batchContainer({ name: 'migrate', image: appImage, command: ['alembic', 'upgrade', 'head'],
      env: [{ name: 'DATABASE_URL', value: 'postgresql+psycopg2://ledger_migrator@ledger-db.ledger.svc.cluster.local:5432/ledger' }] })] },
    pods: TRIES.map((d, i) => ({ node: names[i % 3] ?? '', phase: 'Failed' as const, createdAgo: 2 * HOURS - d,
      containers: { migrate: terminated({ exitCode: 1, finishedAgo: 2 * HOURS - d - 0.1, ranSeconds: 3 }) } })),
    outcome: { failed: 'BackoffLimitExceeded', ago: 2 * HOURS - 6.5 },
  });
  const api = deploymentApp({
    namespace: ns, name: 'ledger-api', replicas: 2, createdAgo: 2 * HOURS,
    revisions: [{ revision: 1, createdAgo: 2 * HOURS, changeCause: 'helm: ledger 1.0.0', template: { containers: [container({
      image: appImage, ports: [8000], cpu: '250m', memory: '512Mi', command: ['gunicorn', '-k', 'uvicorn.workers.UvicornWorker', '-b', '0.0.0.0:8000', 'ledger.main:app'],
      env: [{ name: 'DATABASE_URL', value: 'postgresql+psycopg2://ledger_app@ledger-db.ledger.svc.cluster.local:5432/ledger' }],
      readiness: httpProbe('/readyz', 8000), liveness: httpProbe('/livez', 8000, { initialDelaySeconds: 20 }),
    })] } }],
    pods: [0, 1].map((k) => ({ revision: 1, node: names[(k + 1) % 3] ?? '', createdAgo: 2 * HOURS - k * 0.1,
      containers: { app: crashLoop({ exitCode: 3, finishedAgo: 2 + k, ranSeconds: 4 }, 26 + k) } })),
  });
  const other = bystander(ns, 'ledger-statements', names, 6 * DAYS, { revisions: [3, 4], versions: ['0.9.2', '0.9.3'], olderAgo: 30 * DAYS });
  const dbPod = podOf(db, 0);
  const jobPods = migrate.pods;
  const alembic = lines(
    'INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.',
    'INFO  [alembic.runtime.migration] Will assume transactional DDL.',
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/base.py", line 1967, in _exec_single_context',
    '    self.dialect.do_execute(',
    '  File "/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/default.py", line 941, in do_execute',
    '    cursor.execute(statement, parameters)',
    'psycopg2.errors.InsufficientPrivilege: permission denied for schema public',
    'LINE 2: CREATE TABLE alembic_version (',
    '                     ^',
    '',
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'Traceback (most recent call last):',
    '  File "/usr/local/bin/alembic", line 8, in <module>',
    '    sys.exit(main())',
    '  File "/usr/local/lib/python3.11/site-packages/alembic/runtime/migration.py", line 589, in _ensure_version_table',
    '    self._version.create(self.connection, checkfirst=True)',
    'sqlalchemy.exc.ProgrammingError: (psycopg2.errors.InsufficientPrivilege) permission denied for schema public',
    'LINE 2: CREATE TABLE alembic_version (',
    '                     ^',
    '',
    "[SQL: ",
    'CREATE TABLE alembic_version (',
    '\tversion_num VARCHAR(32) NOT NULL, ',
    '\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)',
    ')',
    '',
    ']',
    '(Background on this error at: https://sqlalche.me/e/20/f405)',
  );
  const dbLog = lines(
    'PostgreSQL init process complete; ready for start up.',
    '',
    `${pgTime(2 * HOURS + 8.5)} [1] LOG:  starting PostgreSQL 15.10 (Debian 15.10-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgTime(2 * HOURS + 8.5)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${pgTime(2 * HOURS + 8.5)} [1] LOG:  database system is ready to accept connections`,
    ...TRIES.flatMap((d, i) => [
      `${pgTime(2 * HOURS - d - 0.06)} [${212 + i * 9}] ERROR:  permission denied for schema public at character 14`,
      `${pgTime(2 * HOURS - d - 0.06)} [${212 + i * 9}] STATEMENT:  `,
      '\tCREATE TABLE alembic_version (',
      '\t\tversion_num VARCHAR(32) NOT NULL, ',
      '\t\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)',
      '\t)',
    ]),
    ...[0, 1, 2, 3, 4, 5].map((i) => `${pgTime(40 - i * 7.5)} [${640 + i * 31}] ERROR:  relation "accounts" does not exist at character 15`),
    `${pgTime(35)} [58] LOG:  checkpoint complete: wrote 3 buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.204 s, sync=0.003 s, total=0.215 s; sync files=3, longest=0.002 s, average=0.001 s; distance=9 kB, estimate=9 kB`,
  );
  const apiLog = lines(
    '[2026-11-21 03:11:58 +0000] [1] [INFO] Starting gunicorn 23.0.0',
    '[2026-11-21 03:11:58 +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)',
    '[2026-11-21 03:11:58 +0000] [1] [INFO] Using worker: uvicorn.workers.UvicornWorker',
    '[2026-11-21 03:11:58 +0000] [7] [INFO] Booting worker with pid: 7',
    '[2026-11-21 03:11:59 +0000] [7] [INFO] Started server process [7]',
    '[2026-11-21 03:11:59 +0000] [7] [INFO] Waiting for application startup.',
    '[2026-11-21 03:11:59 +0000] [7] [ERROR] Traceback (most recent call last):',
    '  File "/app/ledger/main.py", line 41, in lifespan',
    '    await accounts.load_chart_of_accounts()',
    '  File "/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/default.py", line 941, in do_execute',
    '    cursor.execute(statement, parameters)',
    'sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedTable) relation "accounts" does not exist',
    'LINE 1: SELECT accounts.id, accounts.code, accounts.name FROM accounts',
    '                                                             ^',
    '',
    '[2026-11-21 03:11:59 +0000] [7] [ERROR] Application startup failed. Exiting.',
    '[2026-11-21 03:11:59 +0000] [7] [INFO] Worker exiting (pid: 7)',
    '[2026-11-21 03:12:00 +0000] [1] [ERROR] Worker (pid:7) exited with code 3',
    '[2026-11-21 03:12:00 +0000] [1] [ERROR] Shutting down: Master',
    '[2026-11-21 03:12:00 +0000] [1] [ERROR] Reason: Worker failed to boot.',
  );
  return {
    id: 'heldout80-pg15-migrator-schema-public',
    class: 'jobs',
    truth: 'The new ledger database runs Postgres 15, where the public schema no longer grants CREATE to every role. Its init script only did `GRANT ALL PRIVILEGES ON DATABASE ledger TO ledger_migrator`, which does not cover the schema, so the Alembic migration Job ledger-api-migrate-1-0-0 fails creating alembic_version with "permission denied for schema public" and hit its backoff limit; no tables exist and ledger-api crash-loops on `relation "accounts" does not exist`. Fix: `GRANT USAGE, CREATE ON SCHEMA public TO ledger_migrator` (or make it the database/schema owner), re-run the migration Job, then restart ledger-api.',
    ask: { service: 'ledger-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, claim, vol, init, ...migrate.objects, ...api.objects, ...other.objects,
      service({ namespace: ns, name: 'ledger-db', selector: { app: 'ledger-db' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], createdAgo: 2 * HOURS + 10 }),
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000, createdAgo: 2 * HOURS }),
      ...exposed({ namespace: ns, name: 'ledger-statements', selector: { app: 'ledger-statements' }, pods: other.pods }),
      ...startedNormally(dbPod, 'postgres', dbImage, 2 * HOURS + 9),
      ...jobPods.map((p, i) => jobEvent(migrate.objects[0], 'SuccessfulCreate', `Created pod: ${p.metadata?.name ?? ''}`, 2 * HOURS - (TRIES[i] ?? 0))),
      jobEvent(migrate.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 2 * HOURS - 6.5, 'Warning'),
      ...[0, 1].flatMap((k) => [
        ...restartedAgain(podOf(api, k), 'app', appImage, { count: 27 + k, firstAgo: 2 * HOURS, lastAgo: 2 + k }),
        backOff(podOf(api, k), 'app', { count: 540 + k * 7, firstAgo: 2 * HOURS - 1, lastAgo: 0.3 }),
      ]),
      event({ on: dbPod, type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: /var/run/postgresql:5432 - no response', firstAgo: 2 * HOURS + 8.8, lastAgo: 2 * HOURS + 8.8, fieldPath: 'spec.containers{postgres}' }),
    ],
    logs: [
      ...jobPods.map((p) => logsFor(p, 'migrate', { current: alembic })),
      logsFor(dbPod, 'postgres', { current: dbLog }),
      ...[0, 1].map((k) => logsFor(podOf(api, k), 'app', { previous: apiLog, current: '' })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/permission denied for schema public|schema public|CREATE (privilege|permission)|GRANT|privilege/i],
      facts: [/ledger-api-migrate/, /ledger_migrator|GRANT/i, /Postgres(QL)? ?15|15\.10/i, /relation "?accounts"? does not exist|no tables|tables? (missing|not created)/i],
      never: [/\bOOM/i, /ledger-statements/, /ledger-db[^\n]*(not ready|down|unreachable|crash)/i],
    },
  };
}

// ---- 3. Spring Boot 2.6 with springfox ---------------------------------------------------------

function springfoxBoot26(): CorpusScenario {
  const ns = 'invoicing';
  const { nodes, names } = threeEksNodes('10.0.66', ['33', '121', '245']);
  const image = (v: string) => `${ECR}/invoicing/invoice-service:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
    env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }],
    readiness: httpProbe('/actuator/health/readiness', 8080, { initialDelaySeconds: 20 }),
    liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
  })] });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-service', replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    revisions: [
      { revision: 18, createdAgo: 12 * DAYS, changeCause: 'argocd: invoice-service 3.21.0', template: tpl('3.21.0') },
      { revision: 19, createdAgo: 36, changeCause: 'argocd: invoice-service 3.22.0', template: tpl('3.22.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
      { revision: 19, node: names[0] ?? '', createdAgo: 36, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.5, ranSeconds: 14 }, 11) } },
      { revision: 19, node: names[2] ?? '', createdAgo: 36, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3.2, ranSeconds: 13 }, 11) } },
    ],
  });
  // The red herring: an old pod restarted once, six days ago, on a node drain's SIGTERM.
  const oldPod = podOf(app, 1);
  if (oldPod.status?.containerStatuses?.[0]) {
    const cs = oldPod.status.containerStatuses[0];
    cs.restartCount = 1;
    cs.lastState = { terminated: { exitCode: 143, reason: 'Error', startedAt: new Date(Date.parse(at(12 * DAYS - 1))), finishedAt: new Date(Date.parse(at(6 * DAYS))), containerID: 'containerd://5e1f0a9c3b7d2e4f6a8b0c1d3e5f7a9b1c3d5e7f9a0b2c4d6e8f0a1b3c5d7e9f' } };
  }
  const other = bystander(ns, 'invoice-pdf-renderer', names, 5 * HOURS, { revisions: [9, 10], versions: ['2.0.4', '2.0.5'], olderAgo: 25 * DAYS });
  const newPods = [podOf(app, 3), podOf(app, 4)];
  const crashLog = (m: number, pod: string) => lines(
    '',
    '  .   ____          _            __ _ _',
    ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
    '( ( )\\___ | \'_ | \'_| | \'_ \\/ _` | \\ \\ \\ \\',
    ' \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )',
    '  \'  |____| .__|_| |_|_| |_\\__, | / / / /',
    ' =========|_|==============|___/=/_/_/_/',
    ' :: Spring Boot ::                (v2.6.15)',
    '',
    `${bootTime(m + 0.22)}  INFO 1 --- [           main] c.a.invoicing.InvoiceServiceApplication  : Starting InvoiceServiceApplication v3.22.0 using Java 17.0.13 on ${pod} with PID 1 (/app/app.jar started by app in /app)`,
    `${bootTime(m + 0.22)}  INFO 1 --- [           main] c.a.invoicing.InvoiceServiceApplication  : The following 1 profile is active: "prod"`,
    `${bootTime(m + 0.19)}  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port(s): 8080 (http)`,
    `${bootTime(m + 0.12)}  INFO 1 --- [           main] o.s.b.a.e.web.EndpointLinksResolver      : Exposing 3 endpoint(s) beneath base path '/actuator'`,
    `${bootTime(m + 0.05)}  WARN 1 --- [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.context.ApplicationContextException: Failed to start bean 'documentationPluginsBootstrapper'; nested exception is java.lang.NullPointerException`,
    `${bootTime(m + 0.04)}  INFO 1 --- [           main] o.apache.catalina.core.StandardService   : Stopping service [Tomcat]`,
    `${bootTime(m + 0.03)}  INFO 1 --- [           main] ConditionEvaluationReportLoggingListener : `,
    '',
    "Error starting ApplicationContext. To display the conditions report re-run your application with 'debug' enabled.",
    `${bootTime(m + 0.02)} ERROR 1 --- [           main] o.s.boot.SpringApplication               : Application run failed`,
    '',
    "org.springframework.context.ApplicationContextException: Failed to start bean 'documentationPluginsBootstrapper'; nested exception is java.lang.NullPointerException",
    '\tat org.springframework.context.support.DefaultLifecycleProcessor.doStart(DefaultLifecycleProcessor.java:181) ~[spring-context-5.3.27.jar!/:5.3.27]',
    '\tat org.springframework.context.support.DefaultLifecycleProcessor.access$200(DefaultLifecycleProcessor.java:54) ~[spring-context-5.3.27.jar!/:5.3.27]',
    '\tat org.springframework.context.support.DefaultLifecycleProcessor$LifecycleGroup.start(DefaultLifecycleProcessor.java:356) ~[spring-context-5.3.27.jar!/:5.3.27]',
    '\tat org.springframework.context.support.AbstractApplicationContext.finishRefresh(AbstractApplicationContext.java:937) ~[spring-context-5.3.27.jar!/:5.3.27]',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:303) ~[spring-boot-2.6.15.jar!/:2.6.15]',
    '\tat com.acme.invoicing.InvoiceServiceApplication.main(InvoiceServiceApplication.java:12) ~[classes!/:3.22.0]',
    'Caused by: java.lang.NullPointerException: null',
    '\tat springfox.documentation.spring.web.WebMvcPatternsRequestConditionWrapper.getPatterns(WebMvcPatternsRequestConditionWrapper.java:56) ~[springfox-spring-webmvc-3.0.0.jar!/:3.0.0]',
    '\tat springfox.documentation.RequestHandler.sortedPaths(RequestHandler.java:113) ~[springfox-core-3.0.0.jar!/:3.0.0]',
    '\tat springfox.documentation.spi.service.contexts.Orderings.lambda$byPatternsCondition$3(Orderings.java:89) ~[springfox-spi-3.0.0.jar!/:3.0.0]',
    '\tat java.base/java.util.Comparator.lambda$comparing$77a9974f$1(Comparator.java:473) ~[na:na]',
    '\tat java.base/java.util.TimSort.countRunAndMakeAscending(TimSort.java:355) ~[na:na]',
    '\tat springfox.documentation.spring.web.plugins.DocumentationPluginsBootstrapper.start(DocumentationPluginsBootstrapper.java:93) ~[springfox-spring-web-3.0.0.jar!/:3.0.0]',
    '\t... 16 common frames omitted',
    '',
  );
  const okLog = (k: number) => lines(
    `${bootTime(12 * DAYS - k - 0.5)}  INFO 1 --- [           main] c.a.invoicing.InvoiceServiceApplication  : Started InvoiceServiceApplication in 21.884 seconds (JVM running for 23.107)`,
    ...[0, 1, 2, 3].map((i) => `${bootTime(20 - i * 5 - k)}  INFO 1 --- [nio-8080-exec-${i + 2}] c.a.invoicing.web.InvoiceController       : GET /api/invoices/INV-2026-${48210 + i * 13 + k} -> 200 in ${31 + i * 4 + k} ms`),
  );
  return {
    id: 'heldout80-springfox-boot26-bootstrapper-npe',
    class: 'rollout',
    truth: "invoice-service 3.22.0 (revision 19, 36 minutes ago) upgraded Spring Boot to 2.6.15 but kept springfox 3.0.0. Boot 2.6 switched Spring MVC's default path matching to PathPatternParser, which springfox's WebMvcPatternsRequestConditionWrapper cannot read, so startup fails with \"Failed to start bean 'documentationPluginsBootstrapper'; nested exception is java.lang.NullPointerException\" and the new pods crash-loop; the rollout is stuck with three revision-18 pods still serving. Fix: set spring.mvc.pathmatch.matching-strategy=ant_path_matcher (or migrate to springdoc-openapi) and re-release, or roll back to revision 18 meanwhile.",
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'invoice-pdf-renderer', selector: { app: 'invoice-pdf-renderer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 2, 0, 36),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 3, 4, 36),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 10), 2, 0, 5 * HOURS),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 0, 2, 5 * HOURS - 2),
      ...newPods.flatMap((p, i) => [
        ...restartedAgain(p, 'app', image('3.22.0'), { count: 12, firstAgo: 35.8, lastAgo: 1.7 + i * 1.7 }),
        backOff(p, 'app', { count: 150 + i * 4, firstAgo: 35, lastAgo: 0.4 }),
      ]),
      event({ on: { kind: 'Node', name: names[1] ?? '' }, type: 'Normal', reason: 'NodeNotSchedulable', message: `Node ${names[1] ?? ''} status is now: NodeNotSchedulable`, firstAgo: 6 * DAYS + 2, lastAgo: 6 * DAYS + 2, component: 'kubelet' }),
    ],
    logs: [
      ...newPods.map((p, i) => logsFor(p, 'app', { previous: crashLog(1.7 + i * 1.7, p.metadata?.name ?? ''), current: '' })),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: okLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/documentationPluginsBootstrapper|springfox|NullPointerException/i],
      facts: [/revision 19|3\.22\.0/, /Spring Boot 2\.6|2\.6\.15|matching-strategy|ant_path_matcher|PathPattern/i, /CrashLoopBackOff|crash ?loop/i],
      never: [/\bOOM/i, /invoice-pdf-renderer/, /liveness[^\n]*(kill|fail)/i],
    },
  };
}

// ---- 4. An ObjectMapper without JSR-310 ---------------------------------------------------------

function jacksonJsr310(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.53', ['44', '109', '230']);
  const image = (v: string) => `${ECR}/billing/billing-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
    env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
    readiness: httpProbe('/actuator/health/readiness', 8080, { initialDelaySeconds: 20 }),
    liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
  })] });
  const app = deploymentApp({
    namespace: ns, name: 'billing-api', replicas: 3,
    revisions: [
      { revision: 41, createdAgo: 15 * DAYS, changeCause: 'argocd: billing-api 3.7.4', template: tpl('3.7.4') },
      { revision: 42, createdAgo: 74, changeCause: 'argocd: billing-api 3.8.0', template: tpl('3.8.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 42, node: names[k] ?? '', createdAgo: 73 - k * 1.5 })),
    settled: { available: true, availableSince: 69, progressingSince: 74, progressingUpdatedAgo: 69 },
  });
  const other = bystander(ns, 'billing-webhooks', names, 3 * DAYS, { revisions: [12, 13], versions: ['1.4.0', '1.4.1'], olderAgo: 40 * DAYS });
  const log = (k: number, pod: string) => {
    const out = [
      `${boot3Time(72 - k * 1.5)}  INFO 1 --- [billing-api] [           main] c.acme.billing.BillingApiApplication     : Starting BillingApiApplication v3.8.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
      `${boot3Time(72 - k * 1.5)}  INFO 1 --- [billing-api] [           main] c.acme.billing.BillingApiApplication     : The following 1 profile is active: "prod"`,
      `${boot3Time(71.7 - k * 1.5)}  INFO 1 --- [billing-api] [           main] c.a.billing.config.LedgerClientConfig    : Registering ObjectMapper bean for ledger client (FAIL_ON_UNKNOWN_PROPERTIES=false)`,
      `${boot3Time(71.6 - k * 1.5)}  INFO 1 --- [billing-api] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
      `${boot3Time(71.5 - k * 1.5)}  INFO 1 --- [billing-api] [           main] c.acme.billing.BillingApiApplication     : Started BillingApiApplication in 18.412 seconds (process running for 19.6) on ${pod}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 60 - i * 6 - k * 0.7;
      out.push(`${boot3Time(t)}  INFO 1 --- [billing-api] [nio-8080-exec-${(i % 8) + 1}] c.a.billing.web.RequestLogFilter         : GET /api/v1/customers/CUS-${7100 + i * 17 + k} 200 ${18 + i} ms`);
      if (i % 2 === 0) {
        out.push(`${boot3Time(t - 0.05)}  WARN 1 --- [billing-api] [nio-8080-exec-${(i % 8) + 1}] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.http.converter.HttpMessageNotWritableException: Could not write JSON: Java 8 date/time type \`java.time.Instant\` not supported by default: add Module "com.fasterxml.jackson.datatype:jackson-datatype-jsr310" to enable handling (through reference chain: com.acme.billing.api.InvoiceDto["issuedAt"])]`);
        out.push(`${boot3Time(t - 0.05)}  INFO 1 --- [billing-api] [nio-8080-exec-${(i % 8) + 1}] c.a.billing.web.RequestLogFilter         : GET /api/v1/invoices/INV-${90211 + i * 7 + k} 500 ${9 + i} ms`);
      } else {
        out.push(`${boot3Time(t - 0.08)} ERROR 1 --- [billing-api] [nio-8080-exec-${(i % 8) + 1}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.http.converter.HttpMessageConversionException: Type definition error: [simple type, class com.acme.billing.api.PaymentDto]] with root cause`);
        out.push('');
        out.push('com.fasterxml.jackson.databind.exc.InvalidDefinitionException: Java 8 date/time type `java.time.Instant` not supported by default: add Module "com.fasterxml.jackson.datatype:jackson-datatype-jsr310" to enable handling (through reference chain: com.acme.billing.api.PaymentDto["settledAt"])');
        out.push('\tat com.fasterxml.jackson.databind.exc.InvalidDefinitionException.from(InvalidDefinitionException.java:77) ~[jackson-databind-2.17.2.jar!/:2.17.2]');
        out.push('\tat com.fasterxml.jackson.databind.SerializerProvider.reportBadDefinition(SerializerProvider.java:1330) ~[jackson-databind-2.17.2.jar!/:2.17.2]');
        out.push('\tat com.fasterxml.jackson.databind.ser.impl.UnsupportedTypeSerializer.serialize(UnsupportedTypeSerializer.java:35) ~[jackson-databind-2.17.2.jar!/:2.17.2]');
        out.push('\tat org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter.writeInternal(AbstractJackson2HttpMessageConverter.java:483) ~[spring-web-6.1.14.jar!/:6.1.14]');
        out.push(`${boot3Time(t - 0.08)}  INFO 1 --- [billing-api] [nio-8080-exec-${(i % 8) + 1}] c.a.billing.web.RequestLogFilter         : GET /api/v1/payments/PAY-${33017 + i * 3 + k} 500 ${7 + i} ms`);
      }
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout80-objectmapper-missing-jsr310',
    class: 'rollout',
    truth: 'billing-api 3.8.0 (revision 42, 74 minutes ago) added a `@Bean ObjectMapper` built with `new ObjectMapper()` for its new ledger client. It replaced Spring Boot\'s auto-configured mapper, which registers the JavaTimeModule, so every response containing a java.time field (invoices, payments) fails with "Java 8 date/time type `java.time.Instant` not supported by default: add Module jackson-datatype-jsr310" and returns 500, while endpoints without dates work and the pods stay Running and Ready. Fix: build the bean from Jackson2ObjectMapperBuilder or register JavaTimeModule (findAndRegisterModules), or roll back to revision 41.',
    ask: { service: 'billing-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'billing-api', selector: { app: 'billing-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'billing-webhooks', selector: { app: 'billing-webhooks' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 3, 0, 74),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 0, 3, 69),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('3.8.0'), 73 - k * 1.5)),
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${podOf(app, 1).status?.podIP ?? ''}:8080/actuator/health/readiness": dial tcp ${podOf(app, 1).status?.podIP ?? ''}:8080: connect: connection refused`, { count: 2, firstAgo: 71.6, lastAgo: 71.4 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k, p.metadata?.name ?? '') })),
    expect: {
      verdict: 'problems',
      headline: [/jsr-?310|java\.time|date\/time|JavaTimeModule|ObjectMapper|Jackson/i],
      facts: [/\b500\b/, /revision 42|3\.8\.0/, /java\.time\.Instant|jackson-datatype-jsr310/i],
      never: [/crash ?loop/i, /\bOOM/i, /billing-webhooks/],
    },
  };
}

// ---- 5. Python 3.12 base image under boto 2 ------------------------------------------------------

function python312Imp(): CorpusScenario {
  const ns = 'reporting';
  const { nodes, names } = threeEksNodes('10.0.38', ['15', '102', '222']);
  const image = (v: string) => `${ECR}/reporting/report-worker:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [9100], cpu: '250m', memory: '512Mi', command: ['python', '-m', 'worker'],
    env: [{ name: 'REPORT_BUCKET', value: 'acme-reports-prod' }, { name: 'REDIS_URL', value: 'redis://reporting-redis:6379/2' }],
    readiness: null, liveness: httpProbe('/metrics', 9100, { initialDelaySeconds: 15 }),
  })] });
  const app = deploymentApp({
    namespace: ns, name: 'report-worker', replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 22 * DAYS, changeCause: 'argocd: report-worker 4.3.1 (python:3.11-slim-bookworm)', template: tpl('4.3.1') },
      { revision: 27, createdAgo: 28, changeCause: 'argocd: report-worker 4.4.0 (python:3.12-slim-bookworm)', template: tpl('4.4.0') },
    ],
    pods: [
      ...[0, 1].map((k) => ({ revision: 26, node: names[k] ?? '', createdAgo: 22 * DAYS - k })),
      { revision: 27, node: names[2] ?? '', createdAgo: 28, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.4, ranSeconds: 1 }, 10) } },
    ],
  });
  const other = bystander(ns, 'report-scheduler', names, 2 * DAYS, { revisions: [5, 6], versions: ['1.2.0', '1.2.1'], olderAgo: 50 * DAYS });
  const bad = podOf(app, 2);
  const crash = lines(
    'Traceback (most recent call last):',
    '  File "<frozen runpy>", line 198, in _run_module_as_main',
    '  File "<frozen runpy>", line 88, in _run_code',
    '  File "/app/worker/__main__.py", line 3, in <module>',
    '    from worker.app import main',
    '  File "/app/worker/app.py", line 14, in <module>',
    '    from worker.storage import S3Archive',
    '  File "/app/worker/storage.py", line 5, in <module>',
    '    import boto',
    '  File "/usr/local/lib/python3.12/site-packages/boto/__init__.py", line 29, in <module>',
    '    import boto.plugin',
    '  File "/usr/local/lib/python3.12/site-packages/boto/plugin.py", line 40, in <module>',
    '    import imp',
    "ModuleNotFoundError: No module named 'imp'",
  );
  const okLog = (k: number) => lines(
    `${pyTime(22 * DAYS - k - 0.2)} INFO [worker.app] report-worker 4.3.1 starting (python 3.11.10), queue=reports concurrency=4`,
    `${pyTime(22 * DAYS - k - 0.2)} WARNING [py.warnings] /usr/local/lib/python3.11/site-packages/boto/plugin.py:40: DeprecationWarning: the imp module is deprecated in favour of importlib and slated for removal in Python 3.12; see the module's documentation for alternative uses`,
    ...[0, 1, 2].map((i) => `${pyTime(40 - i * 13 - k)} INFO [worker.jobs] report monthly-usage/ACC-${3310 + i * 7 + k} uploaded to s3://acme-reports-prod/2026/11/ in ${(2.1 + i * 0.4).toFixed(1)}s`),
  );
  return {
    id: 'heldout80-python312-boto-no-module-imp',
    class: 'containers',
    truth: 'report-worker 4.4.0 (revision 27, 28 minutes ago) only changed the base image to python:3.12-slim-bookworm, but the worker still depends on boto 2.49, whose boto/plugin.py does `import imp`; Python 3.12 removed the imp module, so the process dies at import with "ModuleNotFoundError: No module named \'imp\'" and the new pod crash-loops while two revision-26 pods keep working (they had been logging the DeprecationWarning for weeks). Fix: roll back to revision 26 / python 3.11, then replace boto with boto3 before moving to 3.12.',
    ask: { service: 'report-worker', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 1, 0, 28),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 2, 3, 28),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 6), 2, 0, 2 * DAYS),
      ...restartedAgain(bad, 'app', image('4.4.0'), { count: 11, firstAgo: 27.9, lastAgo: 2.4 }),
      backOff(bad, 'app', { count: 126, firstAgo: 27.5, lastAgo: 0.5 }),
      event({ on: podOf(app, 0), type: 'Warning', reason: 'Unhealthy', message: 'Liveness probe failed: Get "http://10.0.38.61:9100/metrics": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', firstAgo: 21 * HOURS, lastAgo: 21 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(bad, 'app', { previous: crash, current: '' }),
      ...[0, 1].map((k) => logsFor(podOf(app, k), 'app', { current: okLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/No module named '?imp'?|\bimp\b|ModuleNotFoundError/i],
      facts: [/3\.12/, /boto/i, /revision 27|4\.4\.0/, /CrashLoopBackOff|crash ?loop/i],
      never: [/\bOOM/i, /liveness[^\n]*(kill|caus)/i, /report-scheduler/],
    },
  };
}

// ---- 6. gRPC connections pinned to the old pods after an HPA scale-up ---------------------------

function grpcPinnedAfterScaleUp(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.47', ['26', '117', '204']);
  const image = `${ECR}/pricing/pricing-engine:7.2.3`;
  const tpl = { containers: [container({
    image, ports: [{ name: 'grpc', containerPort: 9090 }, { name: 'metrics', containerPort: 9102 }], cpu: '1', memory: '1Gi',
    env: [{ name: 'GRPC_MAX_INFLIGHT', value: '400' }, { name: 'GOMAXPROCS', value: '1' }],
    readiness: { grpc: { port: 9090 }, periodSeconds: 5 }, liveness: { grpc: { port: 9090 }, initialDelaySeconds: 10, periodSeconds: 10 },
  })] };
  const oldAgo = 6 * DAYS;
  const app = deploymentApp({
    namespace: ns, name: 'pricing-engine', replicas: 8,
    revisions: [{ revision: 14, createdAgo: oldAgo, changeCause: 'argocd: pricing-engine 7.2.3', template: tpl }],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: oldAgo - k })),
      ...[0, 1, 2, 3, 4].map((k) => ({ revision: 14, node: names[k % 3] ?? '', createdAgo: 23 - (k > 2 ? 4 : 0) })),
    ],
    settled: { available: true, availableSince: oldAgo - 3, progressingSince: oldAgo, progressingUpdatedAgo: oldAgo - 3 },
  });
  const clientImage = `${ECR}/checkout/checkout-api:9.1.0`;
  const client = deploymentApp({
    namespace: ns, name: 'checkout-api', replicas: 4,
    revisions: [{ revision: 88, createdAgo: 3 * DAYS, changeCause: 'argocd: checkout-api 9.1.0', template: { containers: [container({
      image: clientImage, ports: [8080], cpu: '500m', memory: '512Mi',
      env: [{ name: 'PRICING_GRPC_TARGET', value: 'pricing-engine.pricing.svc.cluster.local:9090' }, { name: 'PRICING_TIMEOUT', value: '300ms' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })] } }],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 88, node: names[k % 3] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const scaler = hpa({ namespace: ns, name: 'pricing-engine', target: { kind: 'Deployment', name: 'pricing-engine' }, min: 3, max: 12, current: 8, desired: 8,
    cpu: { current: 41, target: 60, averageValue: '410m' }, lastScaleAgo: 19 });
  const hot = [0, 1, 2].map((k) => podOf(app, k));
  const fresh = [3, 4, 5, 6, 7].map((k) => podOf(app, k));
  const hotLog = (k: number) => {
    const out = [`{"level":"info","ts":"${at(oldAgo - k - 0.1)}","msg":"pricing-engine 7.2.3 serving","grpc_addr":":9090","max_inflight":400}`];
    for (let i = 0; i < 14; i++) {
      const t = 21 - i * 1.5 - k * 0.1;
      out.push(`{"level":"warn","ts":"${at(t)}","logger":"grpc.limiter","msg":"shedding load","method":"/pricing.v1.PricingService/Quote","inflight":400,"limit":400,"code":"ResourceExhausted"}`);
      if (i % 3 === 0) out.push(`{"level":"warn","ts":"${at(t - 0.02)}","logger":"grpc","msg":"finished unary call with code DeadlineExceeded","grpc.method":"Quote","grpc.code":"DeadlineExceeded","grpc.time_ms":300.4,"peer.address":"10.0.47.${90 + i}:4${1000 + i * 37}"}`);
      if (i % 4 === 1) out.push(`{"level":"info","ts":"${at(t - 0.03)}","logger":"stats","msg":"load","cpu_throttled_pct":${61 + i},"goroutines":${4100 + i * 37},"active_streams":${398 + (i % 3)},"connections":${5 + (k % 2)}}`);
    }
    return out.join('\n') + '\n';
  };
  const freshLog = (k: number) => lines(
    `{"level":"info","ts":"${at(22.8 - (k > 2 ? 4 : 0))}","msg":"pricing-engine 7.2.3 serving","grpc_addr":":9090","max_inflight":400}`,
    `{"level":"info","ts":"${at(22.7 - (k > 2 ? 4 : 0))}","logger":"pricing.rules","msg":"rule set loaded","rules":1842,"version":"2026-11-20.3"}`,
    ...[0, 1, 2].map((i) => `{"level":"info","ts":"${at(15 - i * 5)}","logger":"stats","msg":"load","cpu_throttled_pct":0,"goroutines":41,"active_streams":0,"connections":0}`),
  );
  const clientLog = (k: number) => {
    const out = [`{"time":"${at(3 * DAYS - k - 0.2)}","level":"INFO","msg":"grpc client dialed","target":"pricing-engine.pricing.svc.cluster.local:9090","lb_policy":"pick_first"}`];
    for (let i = 0; i < 10; i++) {
      const t = 20 - i * 2 - k * 0.2;
      out.push(i % 3 === 1
        ? `{"time":"${at(t)}","level":"ERROR","msg":"quote failed","cart":"c_${8810 + i * 11 + k}","error":"rpc error: code = ResourceExhausted desc = server overloaded: 400 requests in flight","upstream":"pricing-engine"}`
        : `{"time":"${at(t)}","level":"ERROR","msg":"quote failed","cart":"c_${8810 + i * 11 + k}","error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded","upstream":"pricing-engine","elapsed_ms":301}`);
      if (i % 4 === 0) out.push(`{"time":"${at(t - 0.01)}","level":"WARN","msg":"request","method":"POST","path":"/v2/checkout/quote","status":503,"duration_ms":304}`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout80-grpc-clients-pinned-after-hpa-scaleup',
    class: 'network',
    truth: 'Under a traffic ramp the pricing-engine HPA scaled the Deployment from 3 to 8 replicas (about 20 minutes ago), but its callers (checkout-api, grpc-go with the default pick_first policy) dial the ClusterIP Service once and multiplex every call over long-lived HTTP/2 connections, which kube-proxy balanced only when they were opened. All traffic stays on the three pods that existed then: they shed load with ResourceExhausted at 400 in-flight calls and callers time out with DeadlineExceeded, while the five new pods report zero connections; the HPA sees an average of 41% CPU and does nothing more. Fix: client-side balancing (headless Service + dns:/// target with round_robin, or a mesh/L7 proxy) and/or server-side MaxConnectionAge so clients reconnect.',
    ask: { service: 'pricing-engine', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...client.objects, scaler,
      ...exposed({ namespace: ns, name: 'pricing-engine', selector: { app: 'pricing-engine' }, pods: app.pods, ports: [{ name: 'grpc', port: 9090, targetPort: 'grpc' }], endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'checkout-api', selector: { app: 'checkout-api' }, pods: client.pods }),
      event({ on: scaler, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', firstAgo: 23, lastAgo: 23, component: 'horizontal-pod-autoscaler' }),
      event({ on: scaler, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 8; reason: cpu resource utilization (percentage of request) above target', firstAgo: 19, lastAgo: 19, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 6, 3, 23),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 8, 6, 19),
      ...fresh.flatMap((p, k) => startedNormally(p, 'app', image, 23 - (k > 2 ? 4 : 0))),
      ...hot.map((p, k) => probeFailed(p, 'app', 'Readiness', 'timeout: failed to connect service ":9090" within 1s: context deadline exceeded', { count: 3 + k, firstAgo: 17, lastAgo: 2 + k })),
      event({ on: podOf(client, 2), type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', firstAgo: 2 * DAYS, lastAgo: 2 * DAYS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...hot.map((p, k) => logsFor(p, 'app', { current: hotLog(k) })),
      ...fresh.map((p, k) => logsFor(p, 'app', { current: freshLog(k) })),
      ...[0, 1, 2, 3].map((k) => logsFor(podOf(client, k), 'app', { current: clientLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/HTTP\/2|long-lived|connection|load.?balanc|round.?robin|pick_first|headless|pinn|sticky|uneven|imbalance|new pods/i],
      facts: [/DeadlineExceeded|deadline exceeded/i, /ResourceExhausted|shedding load|overloaded/i, /HPA|autoscal|scaled|3 to 8|8 replicas/i, /ClusterIP|headless|round_robin|client-side|MaxConnectionAge/i],
      never: [/crash ?loop/i, /\bOOM/i, /(raise|increase)[^\n]*max ?replicas/i],
    },
  };
}

// ---- 7. Healthy control: paramiko's CryptographyDeprecationWarning ------------------------------

function healthyParamikoWarning(): CorpusScenario {
  const ns = 'partners';
  const { nodes, names } = threeEksNodes('10.0.29', ['40', '131', '219']);
  const image = (v: string) => `${ECR}/partners/sftp-exporter:${v}`;
  const tpl = (v: string) => ({ containers: [container({
    image: image(v), ports: [8000], cpu: '200m', memory: '384Mi',
    env: [{ name: 'SFTP_HOST', value: 'sftp.partner-logistics.example.com' }, { name: 'EXPORT_INTERVAL', value: '300' }],
    readiness: httpProbe('/health', 8000), liveness: httpProbe('/health', 8000, { initialDelaySeconds: 15 }),
  })] });
  const app = deploymentApp({
    namespace: ns, name: 'sftp-exporter', replicas: 2,
    revisions: [
      { revision: 11, createdAgo: 30 * DAYS, changeCause: 'argocd: sftp-exporter 2.5.0', template: tpl('2.5.0') },
      { revision: 12, createdAgo: 5 * DAYS, changeCause: 'argocd: sftp-exporter 2.6.0', template: tpl('2.6.0') },
    ],
    pods: [0, 1].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 5 * DAYS - k,
      ...(k === 1 ? { containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 143, reason: 'Error', finishedAgo: 3 * DAYS, ranSeconds: 2 * DAYS * 60 } }) } } : {}) })),
  });
  const other = bystander(ns, 'partner-portal', names, 9 * HOURS, { revisions: [30, 31], versions: ['5.0.1', '5.0.2'], olderAgo: 14 * DAYS });
  const log = (k: number, since: number) => {
    const out = [
      `[${pyTime(since - 0.1)}] INFO in app: sftp-exporter 2.6.0 starting, interval=300s`,
      '/usr/local/lib/python3.11/site-packages/paramiko/pkey.py:100: CryptographyDeprecationWarning: TripleDES has been moved to cryptography.hazmat.decrepit.ciphers.algorithms.TripleDES and will be removed from this module in 48.0.0.',
      '  "cipher": algorithms.TripleDES,',
      '/usr/local/lib/python3.11/site-packages/paramiko/transport.py:259: CryptographyDeprecationWarning: TripleDES has been moved to cryptography.hazmat.decrepit.ciphers.algorithms.TripleDES and will be removed from this module in 48.0.0.',
      '  "class": algorithms.TripleDES,',
      `[${pyTime(since - 0.15)}] INFO in server: Listening on 0.0.0.0:8000`,
    ];
    for (let i = 0; i < 6; i++) {
      const t = 28 - i * 5 - k * 0.4;
      out.push(`[${pyTime(t)}] INFO in transport: Connected (version 2.0, client OpenSSH_9.2p1)`);
      out.push(`[${pyTime(t - 0.01)}] INFO in transport: Authentication (publickey) successful!`);
      out.push(`[${pyTime(t - 0.03)}] INFO in exporter: uploaded shipments_${20261121}_${String(i + k * 6).padStart(3, '0')}.csv.gz (${1200 + i * 87 + k * 13} rows) to /inbound/acme/`);
      out.push(`[${pyTime(t - 0.05)}] INFO in _internal: 10.0.29.${12 + k} - - "GET /health HTTP/1.1" 200 -`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout80-healthy-paramiko-tripledes-warning',
    class: 'healthy',
    truth: 'sftp-exporter is healthy: both pods of revision 12 (5 days old) are Running and Ready and upload partner exports every five minutes. Each start logs paramiko\'s CryptographyDeprecationWarning ("TripleDES has been moved to cryptography.hazmat.decrepit…"), a harmless notice from cryptography 43 about a legacy cipher paramiko still lists; one pod restarted once three days ago during a node maintenance and has run cleanly since. Nothing needs fixing.',
    ask: { service: 'sftp-exporter', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'sftp-exporter', selector: { app: 'sftp-exporter' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'partner-portal', selector: { app: 'partner-portal' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 9 * HOURS),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 30), 0, 2, 9 * HOURS - 2),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k, k === 1 ? 3 * DAYS : 5 * DAYS) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|ready|no issues/i],
      facts: [/sftp-exporter/],
      never: [/CryptographyDeprecationWarning[^\n]*(cause|fail|break)/i, ADVISES_ROLLBACK, /\bOOM/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  mongoOpQuery(),
  pg15SchemaPublic(),
  springfoxBoot26(),
  jacksonJsr310(),
  python312Imp(),
  grpcPinnedAfterScaleUp(),
  healthyParamikoWarning(),
];
