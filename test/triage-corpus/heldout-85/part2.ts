// Held-out stories, eighty-fifth round, part two (written blind):
// 1. (config) The in-cluster Redis StatefulSet's ACL file (users.acl in ConfigMap redis-acl) was tightened
//    (-@scripting for user cart-svc) and Redis restarted; cart-api's EVALSHA calls fail with NOPERM.
// 2. (config) The in-cluster MySQL StatefulSet moved 5.7 → 8.0 (revision 2); the unchanged score-api's
//    query on a column named `rank` (reserved since 8.0.2) now fails with error 1064.
// 3. (rollout) invoice-api revision 15 added gunicorn --preload; the DB connection opened at import is
//    shared by the forked workers, so requests fail with "SSL error: decryption failed or bad record mac".
// 4. (config) The Envoy sidecar ConfigMap partner-gateway-envoy lowered the local rate limit token bucket
//    to 50 tokens a minute; clients get 429 local_rate_limited while the app container is fine.
// 5. (rollout) asset-fingerprinter revision 23 moved to a Node 18 base image; its md4 hash hits OpenSSL 3's
//    "error:0308010C:digital envelope routines::unsupported" and the new pods crash-loop.
// 6. (capacity) ingest-proxy revision 41 disabled upstream keep-alive; under load the Go proxy exhausts its
//    4096 open-file limit ("accept4: too many open files", "socket: too many open files"), pods stay Ready.
// 7. (healthy) report-builder with psycopg: Postgres logs an occasional harmless "WARNING: there is no
//    transaction in progress" from a stray COMMIT; everything is healthy.
import {
  DAYS, ECR, HOURS, at, backOff, clfTime, configMap, container, crashLoop, deploymentApp, event, exposed, httpProbe, nameOf, pyTime,
  restartedAgain, rsOf, running, scaledReplicaSet, scheduled, statefulSetApp, tcpProbe, execProbe, boundClaim,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, logsFor, podOf, threeEksNodes, ipOfPod } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Redis' log time: `1:M 21 Nov 2026 03:12:41.563`. */
const redisTime = (m: number): string => {
  const d = new Date(at(m));
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${String(d.getUTCDate()).padStart(2, '0')} ${mon} ${d.getUTCFullYear()} ${at(m).slice(11, 23)}`;
};
/** Postgres' log_line_prefix time. */
const pgTime = (m: number): string => at(m).replace('T', ' ').replace('Z', ' UTC');
/** gunicorn's time: `[2026-11-21 03:12:41 +0000]`. */
const gunTime = (m: number): string => `[${at(m).slice(0, 19).replace('T', ' ')} +0000]`;
/** Go's log package time: `2026/11/21 03:12:41`. */
const goTime = (m: number): string => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

// ---- 1. Redis ACL tightened: NOPERM on evalsha ------------------------------------------------------

function redisAclNoPermEvalsha(): CorpusScenario {
  const ns = 'checkout';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '231']);
  const redisImage = 'docker.io/library/redis:7.2.5-alpine';
  const redisTpl = (restartedAt?: string) => ({
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
    containers: [container({
      name: 'redis', image: redisImage, command: ['redis-server'], args: ['/etc/redis/redis.conf', '--aclfile', '/etc/redis/acl/users.acl'],
      ports: [{ name: 'redis', containerPort: 6379 }], cpu: '200m', memory: '1Gi',
      readiness: execProbe(['sh', '-c', 'redis-cli -h 127.0.0.1 --user probe --pass "$PROBE_PASSWORD" ping | grep PONG']),
      liveness: tcpProbe('redis', { initialDelaySeconds: 15 }),
      volumeMounts: [{ name: 'config', mountPath: '/etc/redis' }, { name: 'acl', mountPath: '/etc/redis/acl' }, { name: 'data', mountPath: '/data' }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'redis-config' } }, { name: 'acl', configMap: { name: 'redis-acl' } }],
  });
  const redis = statefulSetApp({
    namespace: ns, name: 'redis', replicas: 1, serviceName: 'redis-headless', createdAgo: 200 * DAYS,
    revisions: [
      { revision: 3, createdAgo: 64 * DAYS, template: redisTpl() },
      { revision: 4, createdAgo: 41, template: redisTpl(at(41)) },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '8Gi', storageClass: 'gp3' }],
    pods: [{ revision: 4, ordinal: 0, node: names[2] ?? '', createdAgo: 40.8 }],
  });
  const apiImage = (v: string) => `${ECR}/checkout/cart-api:${v}`;
  const apiTpl = (v: string) => ({
    containers: [container({
      image: apiImage(v), ports: [3000], memory: '384Mi',
      env: [{ name: 'REDIS_URL', value: 'redis://cart-svc@redis.checkout.svc.cluster.local:6379/0' }, { name: 'NODE_ENV', value: 'production' }],
      readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000),
    })],
  });
  const api = deploymentApp({
    namespace: ns, name: 'cart-api', replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 12 * DAYS, changeCause: 'argocd: cart-api 5.3.0', template: apiTpl('5.3.0') },
      { revision: 58, createdAgo: 6 * DAYS, changeCause: 'argocd: cart-api 5.3.1', template: apiTpl('5.3.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const other = bystander(ns, 'promo-engine', names, 95, { revisions: [18, 19], versions: ['1.9.2', '1.10.0'], olderAgo: 20 * DAYS });
  const acl = configMap({
    namespace: ns, name: 'redis-acl', createdAgo: 200 * DAYS, updatedAgo: 43,
    data: {
      'users.acl': [
        'user default off',
        'user probe on #5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8 +ping +info',
        'user cart-svc on #a94a8fe5ccb19ba61c4c0873d391e987982fbbd3a1d6e1c1f7a4c2b9d8e1f0c3 ~cart:* ~session:* &* -@all +@read +@write +@connection +@transaction -@dangerous',
        'user promo-svc on #7c4a8d09ca3762af61e59520943dc26494f8941b6c6a0f1b0e8e0a3c9f2b8e71 ~promo:* -@all +@read +@write +@connection',
        'user admin on #8c6976e5b5410415bde908bd4dee15dfb167a9c873fc4bb8a81f6f2ab448a918 ~* &* +@all',
        '',
      ].join('\n'),
    },
  });
  const conf = configMap({ namespace: ns, name: 'redis-config', createdAgo: 200 * DAYS, data: { 'redis.conf': 'bind 0.0.0.0\nport 6379\nmaxmemory 768mb\nmaxmemory-policy allkeys-lru\nappendonly yes\nappendfsync everysec\n' } });
  const rp = podOf(redis, 0);
  const apiLog = (k: number) => {
    const out: string[] = [
      `{"level":30,"time":${Date.parse(at(6 * DAYS - k - 0.5))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","msg":"cart-api 5.3.1 listening on :3000"}`,
      `{"level":40,"time":${Date.parse(at(40.7))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","msg":"redis connection lost, reconnecting","err":"Connection is closed."}`,
      `{"level":30,"time":${Date.parse(at(40.5))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","msg":"redis ready","host":"redis.checkout.svc.cluster.local"}`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = 40 - i * 4 - k * 0.3;
      out.push(`{"level":30,"time":${Date.parse(at(t + 0.02))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","req":{"method":"GET","url":"/v1/carts/c_${8812 + i * 7 + k}"},"res":{"statusCode":200},"responseTime":${4 + i % 3},"msg":"request completed"}`);
      out.push(`{"level":50,"time":${Date.parse(at(t))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","err":{"type":"ReplyError","message":"NOPERM User cart-svc has no permissions to run the 'evalsha' command","stack":"ReplyError: NOPERM User cart-svc has no permissions to run the 'evalsha' command\\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)\\n    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)","command":{"name":"evalsha","args":["3f1c0e9b2a7d4c55e8a61f0b9d2e7c4a1b6f8d30","1","cart:c_${9120 + i * 13 + k}","sku-${400 + i}","1"]}},"msg":"reserveItem failed"}`);
      out.push(`{"level":50,"time":${Date.parse(at(t - 0.001))},"pid":1,"hostname":"${nameOf(podOf(api, k))}","req":{"method":"POST","url":"/v1/carts/c_${9120 + i * 13 + k}/items"},"res":{"statusCode":500},"responseTime":${3 + i % 4},"msg":"request errored"}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout85-redis-acl-noperm-evalsha',
    class: 'config',
    truth: 'Someone edited the redis-acl ConfigMap (users.acl) 43 minutes ago to tighten the cart-svc user to -@all +@read +@write +@connection +@transaction, dropping @scripting, and restarted the redis StatefulSet (revision 4, a rollout restart) to load it. cart-api, unchanged for six days, reserves items with a Lua script via EVALSHA, which Redis 7 now refuses with "NOPERM User cart-svc has no permissions to run the \'evalsha\' command", so add-to-cart requests return 500. Fix: grant +@scripting (or +evalsha +eval) to cart-svc in users.acl and ACL LOAD.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...redis.objects, ...api.objects, ...other.objects, acl, conf,
      ...boundClaim({ namespace: ns, name: 'data-redis-0', storage: '8Gi', zone: 'eu-west-1c', createdAgo: 200 * DAYS, storageClass: 'gp3' }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: api.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'redis', selector: { app: 'redis' }, pods: redis.pods, endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'promo-engine', selector: { app: 'promo-engine' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 19), 2, 0, 95),
      event({ on: { kind: 'StatefulSet', name: 'redis', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod redis-0 in StatefulSet redis successful', firstAgo: 41, lastAgo: 41, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'redis', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod redis-0 in StatefulSet redis successful', firstAgo: 40.8, lastAgo: 40.8, component: 'statefulset-controller' }),
      scheduled(rp, 40.8),
      ...restartedAgain(rp, 'redis', redisImage, { count: 1, firstAgo: 40.7, lastAgo: 40.7 }),
    ],
    logs: [
      logsFor(rp, 'redis', {
        current: lines(
          `1:C ${redisTime(40.7)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
          `1:C ${redisTime(40.7)} * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
          `1:C ${redisTime(40.7)} * Configuration loaded`,
          `1:M ${redisTime(40.7)} * monotonic clock: POSIX clock_gettime`,
          `1:M ${redisTime(40.7)} * Running mode=standalone, port=6379.`,
          `1:M ${redisTime(40.7)} * Server initialized`,
          `1:M ${redisTime(40.69)} * Reading RDB base file on AOF loading...`,
          `1:M ${redisTime(40.68)} * DB loaded from append only file: 0.412 seconds`,
          `1:M ${redisTime(40.68)} * Ready to accept connections tcp`,
          `1:M ${redisTime(10.2)} * 100 changes in 300 seconds. Saving...`,
          `1:M ${redisTime(10.2)} * Background saving started by pid 412`,
          `412:C ${redisTime(10.1)} * DB saved on disk`,
          `1:M ${redisTime(10.1)} * Background saving terminated with success`,
        ),
      }),
      ...[0, 1, 2].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/NOPERM|evalsha|\bACL\b|users\.acl|redis-acl|permission/i],
      facts: [/evalsha/i, /redis-acl|users\.acl/, /cart-svc/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /promo-engine/],
    },
  };
}

// ---- 2. MySQL 5.7 → 8.0: `rank` is reserved ---------------------------------------------------------

function mysql8RankReserved(): CorpusScenario {
  const ns = 'leaderboard';
  const { nodes, names } = threeEksNodes('10.0.52', ['9', '118', '204']);
  const mysqlImage = (v: string) => `docker.io/library/mysql:${v}`;
  const mysqlTpl = (v: string) => ({
    containers: [container({
      name: 'mysql', image: mysqlImage(v), ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '1', memory: '4Gi',
      args: ['--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci'],
      env: [{ name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'mysql-root', key: 'password' } } }],
      readiness: execProbe(['sh', '-c', 'mysqladmin ping -h 127.0.0.1 -uroot -p"$MYSQL_ROOT_PASSWORD"']),
      liveness: tcpProbe('mysql', { initialDelaySeconds: 30 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }],
    })],
  });
  const db = statefulSetApp({
    namespace: ns, name: 'mysql', replicas: 1, serviceName: 'mysql-headless', createdAgo: 400 * DAYS,
    revisions: [
      { revision: 6, createdAgo: 90 * DAYS, template: mysqlTpl('5.7.44') },
      { revision: 7, createdAgo: 58, template: mysqlTpl('8.0.40') },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClass: 'gp3' }],
    pods: [{ revision: 7, ordinal: 0, node: names[1] ?? '', createdAgo: 57.5 }],
  });
  const apiImage = `${ECR}/leaderboard/score-api:2.14.1`;
  const api = deploymentApp({
    namespace: ns, name: 'score-api', replicas: 2,
    revisions: [
      { revision: 11, createdAgo: 30 * DAYS, changeCause: 'argocd: score-api 2.14.0', template: { containers: [container({ image: `${ECR}/leaderboard/score-api:2.14.0`, ports: [8000] })] } },
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: score-api 2.14.1', template: { containers: [container({ image: apiImage, ports: [8000], env: [{ name: 'DB_HOST', value: 'mysql.leaderboard.svc.cluster.local' }, { name: 'DB_NAME', value: 'leaderboard' }], readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000) })] } },
    ],
    pods: [{ revision: 12, node: names[0] ?? '', createdAgo: 9 * DAYS }, { revision: 12, node: names[2] ?? '', createdAgo: 9 * DAYS - 1, containers: { app: running({ sinceAgo: 57, last: { exitCode: 3, finishedAgo: 57.2, ranSeconds: 9 * 86400 } }) } }],
    settled: { available: true, availableSince: 56.8, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 2 },
  });
  const other = bystander(ns, 'season-scheduler', names, 130, { revisions: [4, 5], versions: ['0.8.3', '0.9.0'], olderAgo: 45 * DAYS });
  const dp = podOf(db, 0);
  const query = 'SELECT player_id, display_name, score, rank FROM player_scores WHERE season_id = %s ORDER BY rank ASC LIMIT 50';
  const near = (s: number) => `rank FROM player_scores WHERE season_id = ${s} ORDER BY rank ASC LIMIT 50`;
  const apiLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 8; i++) {
      const t = 54 - i * 6.5 - k;
      const season = 42;
      out.push(`${pyTime(t + 0.01)} INFO uvicorn.access: 10.0.${40 + k}.${17 + i}:5${1200 + i} - "GET /v1/players/p_${3300 + i * 17}/profile HTTP/1.1" 200`);
      out.push(`${pyTime(t)} ERROR app.routes.leaderboard: failed to load leaderboard season=${season}`);
      out.push('Traceback (most recent call last):');
      out.push('  File "/app/app/routes/leaderboard.py", line 38, in get_leaderboard');
      out.push('    rows = await repo.top_scores(season_id, limit=50)');
      out.push('  File "/app/app/repo.py", line 71, in top_scores');
      out.push(`    cur.execute("${query}", (season_id,))`);
      out.push('  File "/usr/local/lib/python3.11/site-packages/pymysql/cursors.py", line 153, in execute');
      out.push('    result = self._query(query)');
      out.push('  File "/usr/local/lib/python3.11/site-packages/pymysql/err.py", line 150, in raise_mysql_exception');
      out.push('    raise errorclass(errno, errval)');
      out.push(`pymysql.err.ProgrammingError: (1064, "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${near(season)}' at line 1")`);
      out.push(`${pyTime(t - 0.001)} INFO uvicorn.access: 10.0.${40 + k}.${90 + i}:4${3100 + i} - "GET /v1/leaderboards/${season}?limit=50 HTTP/1.1" 500`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout85-mysql8-rank-reserved-word',
    class: 'config',
    truth: 'The in-cluster mysql StatefulSet was upgraded from mysql:5.7.44 to mysql:8.0.40 by revision 7, 58 minutes ago; the server ran its in-place upgrade and serves fine. score-api (unchanged for nine days) selects and orders by a column named `rank`, which is a reserved word since MySQL 8.0.2, so every leaderboard query now fails with error 1064 "You have an error in your SQL syntax ... near \'rank FROM player_scores ...\'" and the endpoint returns 500. Fix: quote the column as `rank` with backticks (or rename it) in score-api; a downgrade back to 5.7 after the data dictionary upgrade is not supported.',
    ask: { service: 'score-api', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...api.objects, ...other.objects,
      ...boundClaim({ namespace: ns, name: 'data-mysql-0', storage: '50Gi', zone: 'eu-west-1b', createdAgo: 400 * DAYS, storageClass: 'gp3' }),
      ...exposed({ namespace: ns, name: 'score-api', selector: { app: 'score-api' }, pods: api.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'mysql', selector: { app: 'mysql' }, pods: db.pods, endpointPort: 3306 }),
      ...exposed({ namespace: ns, name: 'season-scheduler', selector: { app: 'season-scheduler' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 5), 2, 0, 130),
      event({ on: { kind: 'StatefulSet', name: 'mysql', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod mysql-0 in StatefulSet mysql successful', firstAgo: 58, lastAgo: 58, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'mysql', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod mysql-0 in StatefulSet mysql successful', firstAgo: 57.5, lastAgo: 57.5, component: 'statefulset-controller' }),
      scheduled(dp, 57.5),
      event({ on: dp, type: 'Normal', reason: 'Pulling', message: `Pulling image "${mysqlImage('8.0.40')}"`, firstAgo: 57.4, lastAgo: 57.4, fieldPath: 'spec.containers{mysql}' }),
      event({ on: dp, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${mysqlImage('8.0.40')}" in 6.873s (6.873s including waiting). Image size: 172934811 bytes.`, firstAgo: 57.3, lastAgo: 57.3, fieldPath: 'spec.containers{mysql}' }),
      event({ on: dp, type: 'Normal', reason: 'Created', message: 'Created container mysql', firstAgo: 57.3, lastAgo: 57.3, fieldPath: 'spec.containers{mysql}' }),
      event({ on: dp, type: 'Normal', reason: 'Started', message: 'Started container mysql', firstAgo: 57.3, lastAgo: 57.3, fieldPath: 'spec.containers{mysql}' }),
      event({ on: dp, reason: 'Unhealthy', message: 'Readiness probe failed: mysqladmin: connect to server at \'127.0.0.1\' failed\nerror: \'Can\'t connect to MySQL server on \'127.0.0.1:3306\' (111)\'', count: 5, firstAgo: 57.1, lastAgo: 56, fieldPath: 'spec.containers{mysql}' }),
    ],
    logs: [
      logsFor(dp, 'mysql', {
        current: lines(
          `${at(57.3).replace('Z', '+00:00')} [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.40-1.el9 started.`,
          `${at(57.2)} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.40) starting as process 1`,
          `${at(57.2)} 1 [System] [MY-011012] [Server] Starting upgrade of data directory.`,
          `${at(57.2)} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
          `${at(57.0)} 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended.`,
          `${at(56.6)} 2 [System] [MY-011003] [Server] Finished populating Data Dictionary tables with data.`,
          `${at(56.5)} 5 [System] [MY-013381] [Server] Server upgrade from '50700' to '80040' started.`,
          `${at(56.2)} 5 [System] [MY-013381] [Server] Server upgrade from '50700' to '80040' completed.`,
          `${at(56.1)} 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.`,
          `${at(56.1)} 0 [System] [MY-013602] [Server] Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.`,
          `${at(56.1)} 0 [System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock`,
          `${at(56.1)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.40'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
        ),
      }),
      ...[0, 1].map((k) => logsFor(podOf(api, k), 'app', {
        current: apiLog(k),
        ...(k === 1 ? { previous: lines(`${pyTime(57.3)} ERROR app.db: lost connection to MySQL server: (2013, 'Lost connection to MySQL server during query')`, `${pyTime(57.2)} CRITICAL app.main: database pool unusable, exiting`) } : {}),
      })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\brank\b|reserved|1064|SQL syntax/i, /mysql|8\.0/i],
      facts: [/\brank\b/i, /8\.0(\.40)?/, /revision 7|mysql-0|mysql:8/i],
      never: [/\bOOM/, /score-api[^\n]*(2\.14\.1|revision 12)[^\n]*(caus|broke|introduc)/i, /season-scheduler/],
    },
  };
}

// ---- 3. gunicorn --preload: forked workers share one TLS connection ---------------------------------

function gunicornPreloadSharedSsl(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.143', ['22', '87', '190']);
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const tpl = (v: string, preload: boolean) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '500m', memory: '768Mi',
      command: ['gunicorn'],
      args: ['--bind', '0.0.0.0:8000', '--workers', '4', '--timeout', '60', '--access-logfile', '-', ...(preload ? ['--preload'] : []), 'invoice_api.wsgi:app'],
      env: [{ name: 'DATABASE_URL', value: 'postgresql://invoice_app@billing-db.c9q2x7r3kp1a.eu-west-1.rds.amazonaws.com:5432/billing?sslmode=require' }],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-api', replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 15 * DAYS, changeCause: 'argocd: invoice-api 3.7.2', template: tpl('3.7.2', false) },
      { revision: 15, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: invoice-api 3.7.2 (gunicorn args: faster boot)', template: tpl('3.7.2', true) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 2 * HOURS + 9 - k })),
    settled: { available: true, availableSince: 2 * HOURS + 6, progressingSince: 2 * HOURS + 10, progressingUpdatedAgo: 2 * HOURS + 6 },
  });
  const other = bystander(ns, 'dunning-worker', names, 25, { revisions: [30, 31], versions: ['1.21.0', '1.21.1'], olderAgo: 9 * DAYS });
  const appLog = (k: number) => {
    const start = 2 * HOURS + 8.8 - k;
    const out: string[] = [
      `${gunTime(start)} [1] [INFO] Starting gunicorn 22.0.0`,
      `${gunTime(start)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${gunTime(start)} [1] [INFO] Using worker: sync`,
      `${gunTime(start)} [8] [INFO] Booting worker with pid: 8`,
      `${gunTime(start)} [9] [INFO] Booting worker with pid: 9`,
      `${gunTime(start)} [10] [INFO] Booting worker with pid: 10`,
      `${gunTime(start)} [11] [INFO] Booting worker with pid: 11`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = 100 - i * 11 - k * 0.7;
      out.push(`10.0.${60 + k}.${11 + i} - - [${clfTime(t + 0.02)}] "GET /v1/invoices?customer=cus_${4100 + i} HTTP/1.1" 200 ${1800 + i * 37} "-" "billing-portal/2.3"`);
      out.push(`[${at(t).slice(0, 19).replace('T', ' ')},${at(t).slice(20, 23)}] ERROR in app: Exception on /v1/invoices/INV-2026-${18800 + i * 3} [GET]`);
      out.push('Traceback (most recent call last):');
      out.push('  File "/usr/local/lib/python3.12/site-packages/flask/app.py", line 1473, in wsgi_app');
      out.push('    response = self.full_dispatch_request()');
      out.push('  File "/app/invoice_api/views.py", line 52, in get_invoice');
      out.push('    cur.execute("SELECT * FROM invoices WHERE number = %s", (number,))');
      out.push(i % 3 === 2 ? 'psycopg2.OperationalError: SSL SYSCALL error: EOF detected' : 'psycopg2.OperationalError: SSL error: decryption failed or bad record mac');
      out.push(`10.0.${60 + k}.${40 + i} - - [${clfTime(t)}] "GET /v1/invoices/INV-2026-${18800 + i * 3} HTTP/1.1" 500 265 "-" "billing-portal/2.3"`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout85-gunicorn-preload-shared-ssl-connection',
    class: 'rollout',
    truth: 'invoice-api revision 15 (same image 3.7.2, 2h10m ago) added --preload to gunicorn\'s args. invoice_api opens its psycopg2 connection to the RDS Postgres at import time, so with --preload the master opens it once and the four forked workers share the same TLS socket; their interleaved reads and writes corrupt the TLS stream and requests fail intermittently with "SSL error: decryption failed or bad record mac" or "SSL SYSCALL error: EOF detected" (500s) while pods stay Ready. Fix: drop --preload (roll back to revision 14) or open the connection after fork (post_fork hook / lazy connect).',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods, endpointPort: 8000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 15), 3, 0, 2 * HOURS + 10),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 0, 3, 2 * HOURS + 6),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 25),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: appLog(k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`${pyTime(20)} INFO dunning: run started batch=overdue_7d`, `${pyTime(19.5)} INFO dunning: sent 14 reminders`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/preload|fork|shared (db |database |postgres |TLS |SSL )?(connection|socket)|bad record mac|decryption failed/i],
      facts: [/bad record mac|decryption failed/i, /--preload/, /revision 15|\b15\b/],
      never: [/certificate[^\n]*(expired|invalid|untrusted)/i, /\bOOM/, /dunning-worker/],
    },
  };
}

// ---- 4. Envoy sidecar local rate limit lowered ------------------------------------------------------

function envoyLocalRateLimited(): CorpusScenario {
  const ns = 'partners';
  const { nodes, names } = threeEksNodes('10.0.210', ['5', '99', '178']);
  const image = `${ECR}/partners/partner-gateway:4.2.0`;
  const envoyImage = 'docker.io/envoyproxy/envoy:v1.31.2';
  const tpl = (restartedAt?: string) => ({
    ...(restartedAt === undefined ? {} : { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } }),
    containers: [
      container({ image, ports: [8081], memory: '512Mi', readiness: httpProbe('/ready', 8081), liveness: httpProbe('/live', 8081) }),
      container({ name: 'envoy', image: envoyImage, command: ['envoy'], args: ['-c', '/etc/envoy/envoy.yaml', '--log-level', 'info'], ports: [{ name: 'http', containerPort: 8080 }, { name: 'admin', containerPort: 9901 }], cpu: '100m', memory: '128Mi', readiness: httpProbe('/ready', 9901), liveness: null, volumeMounts: [{ name: 'envoy-config', mountPath: '/etc/envoy' }] }),
    ],
    volumes: [{ name: 'envoy-config', configMap: { name: 'partner-gateway-envoy' } }],
  });
  const app = deploymentApp({
    namespace: ns, name: 'partner-gateway', replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 11 * DAYS, changeCause: 'argocd: partner-gateway 4.2.0', template: tpl() },
      { revision: 9, createdAgo: 34, template: tpl(at(34)) },
    ],
    pods: [{ revision: 9, node: names[0] ?? '', createdAgo: 33.8 }, { revision: 9, node: names[2] ?? '', createdAgo: 33.2 }],
    settled: { available: true, availableSince: 32.9, progressingSince: 34, progressingUpdatedAgo: 32.9 },
  });
  const other = bystander(ns, 'partner-webhooks', names, 70, { revisions: [12, 13], versions: ['2.0.4', '2.1.0'], olderAgo: 26 * DAYS });
  const envoyYaml = `static_resources:
  listeners:
  - name: ingress
    address: { socket_address: { address: 0.0.0.0, port_value: 8080 } }
    filter_chains:
    - filters:
      - name: envoy.filters.network.http_connection_manager
        typed_config:
          "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
          stat_prefix: ingress_http
          access_log:
          - name: envoy.access_loggers.stdout
            typed_config:
              "@type": type.googleapis.com/envoy.extensions.access_loggers.stream.v3.StdoutAccessLog
              log_format:
                text_format: "[%START_TIME%] \\"%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%\\" %RESPONSE_CODE% %RESPONSE_FLAGS% %RESPONSE_CODE_DETAILS% %BYTES_RECEIVED% %BYTES_SENT% %DURATION% \\"%REQ(X-FORWARDED-FOR)%\\" \\"%REQ(USER-AGENT)%\\" \\"%REQ(X-REQUEST-ID)%\\" \\"%UPSTREAM_HOST%\\"\\n"
          route_config:
            name: local
            virtual_hosts:
            - name: app
              domains: ["*"]
              routes:
              - match: { prefix: "/" }
                route: { cluster: app, timeout: 15s }
          http_filters:
          - name: envoy.filters.http.local_ratelimit
            typed_config:
              "@type": type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit
              stat_prefix: http_local_rate_limiter
              token_bucket:
                max_tokens: 50
                tokens_per_fill: 50
                fill_interval: 60s
              filter_enabled:
                runtime_key: local_rate_limit_enabled
                default_value: { numerator: 100, denominator: HUNDRED }
              filter_enforced:
                runtime_key: local_rate_limit_enforced
                default_value: { numerator: 100, denominator: HUNDRED }
              response_headers_to_add:
              - append_action: OVERWRITE_IF_EXISTS_OR_ADD
                header: { key: x-local-rate-limit, value: "true" }
          - name: envoy.filters.http.router
            typed_config:
              "@type": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router
  clusters:
  - name: app
    connect_timeout: 1s
    type: STATIC
    load_assignment:
      cluster_name: app
      endpoints:
      - lb_endpoints:
        - endpoint: { address: { socket_address: { address: 127.0.0.1, port_value: 8081 } } }
admin:
  address: { socket_address: { address: 0.0.0.0, port_value: 9901 } }
`;
  const cm = configMap({ namespace: ns, name: 'partner-gateway-envoy', createdAgo: 11 * DAYS, updatedAgo: 36, data: { 'envoy.yaml': envoyYaml } });
  const envoyLog = (k: number) => {
    const out: string[] = [
      `[${at(33.6 - k * 0.6).replace('T', ' ').replace('Z', '')}][1][info][main] [source/server/server.cc:430] initializing epoch 0 (base id=0, hot restart version=11.104)`,
      `[${at(33.6 - k * 0.6).replace('T', ' ').replace('Z', '')}][1][info][main] [source/server/server.cc:951] starting main dispatch loop`,
      `[${at(33.5 - k * 0.6).replace('T', ' ').replace('Z', '')}][1][info][upstream] [source/common/upstream/cluster_manager_impl.cc:240] cm init: all clusters initialized`,
      `[${at(33.5 - k * 0.6).replace('T', ' ').replace('Z', '')}][1][info][main] [source/server/server.cc:932] all clusters initialized. initializing init manager`,
    ];
    for (let i = 0; i < 24; i++) {
      const t = 30 - i * 1.2 - k * 0.13;
      const limited = i % 4 !== 0;
      const ua = ['acme-partner-sdk/3.1.0', 'Globex-Integration/1.8', 'okhttp/4.12.0'][i % 3];
      out.push(limited
        ? `[${at(t)}] "POST /v2/orders HTTP/1.1" 429 RL local_rate_limited 812 18 0 "203.0.113.${20 + (i % 9)}" "${ua}" "b${k}1c${i}e4a-7d2f-4c1e-9a0b-5e6f${String(1000 + i)}aa12" "-"`
        : `[${at(t)}] "POST /v2/orders HTTP/1.1" 201 - via_upstream 791 344 ${42 + i} "203.0.113.${20 + (i % 9)}" "${ua}" "b${k}1c${i}e4a-7d2f-4c1e-9a0b-5e6f${String(1000 + i)}bb34" "127.0.0.1:8081"`);
    }
    return lines(...out);
  };
  const appLog = lines(
    `time=${at(33.4)} level=INFO msg="partner-gateway listening" addr=:8081 version=4.2.0`,
    `time=${at(12)} level=INFO msg="order accepted" partner=acme order_id=ord_88121 duration=41ms`,
    `time=${at(6)} level=INFO msg="order accepted" partner=globex order_id=ord_88140 duration=38ms`,
    `time=${at(1)} level=INFO msg="order accepted" partner=acme order_id=ord_88152 duration=44ms`,
  );
  return {
    id: 'heldout85-envoy-local-rate-limit-429',
    class: 'config',
    truth: 'The partner-gateway-envoy ConfigMap was edited 36 minutes ago: the Envoy sidecar\'s local_ratelimit token bucket went to max_tokens 50 / tokens_per_fill 50 / fill_interval 60s (per pod), far below the partners\' traffic, and a rollout restart (revision 9) loaded it. Envoy now answers most requests itself with 429 (response details local_rate_limited) before they reach the app container, which is healthy and logs only the requests let through. Fix: restore the token bucket in the ConfigMap and restart.',
    ask: { service: 'partner-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'partner-gateway', selector: { app: 'partner-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'partner-webhooks', selector: { app: 'partner-webhooks' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 1, 0, 34),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 0, 1, 33),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 13), 2, 0, 70),
    ],
    logs: [
      ...[0, 1].map((k) => logsFor(podOf(app, k), 'envoy', { current: envoyLog(k) })),
      ...[0, 1].map((k) => logsFor(podOf(app, k), 'app', { current: appLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/rate.?limit|429|token.?bucket/i],
      facts: [/local_rate_limited/, /partner-gateway-envoy/, /max_tokens|token_bucket|\b50\b/],
      never: [/\bOOM/, /crash ?loop/i, /partner-webhooks/],
    },
  };
}

// ---- 5. Node 18 base image: md4 unsupported by OpenSSL 3 --------------------------------------------

function node18Md4Unsupported(): CorpusScenario {
  const ns = 'assets';
  const { nodes, names } = threeEksNodes('10.0.34', ['61', '130', '222']);
  const image = (v: string) => `${ECR}/assets/asset-fingerprinter:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '256Mi', command: ['node'], args: ['server.js'], readiness: httpProbe('/healthz', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }) })] });
  const crash = { exitCode: 1, finishedAgo: 2.1, ranSeconds: 1 };
  const app = deploymentApp({
    namespace: ns, name: 'asset-fingerprinter', replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 22, createdAgo: 23 * DAYS, changeCause: 'ci: asset-fingerprinter 3.3.7 (node:16.20.2-alpine)', template: tpl('3.3.7') },
      { revision: 23, createdAgo: 27, changeCause: 'ci: asset-fingerprinter 3.4.0 (node:18.20.4-alpine)', template: tpl('3.4.0') },
    ],
    pods: [
      { revision: 22, node: names[0] ?? '', createdAgo: 23 * DAYS },
      { revision: 22, node: names[1] ?? '', createdAgo: 23 * DAYS - 1 },
      { revision: 23, node: names[2] ?? '', createdAgo: 26.8, containers: { app: crashLoop(crash, 10) } },
    ],
  });
  const other = bystander(ns, 'thumbnailer', names, 48, { revisions: [40, 41], versions: ['5.1.3', '5.2.0'], olderAgo: 13 * DAYS });
  const bad = podOf(app, 2);
  const trace = lines(
    `{"level":"info","time":"${at(2.13)}","msg":"asset-fingerprinter 3.4.0 starting","node":"v18.20.4"}`,
    `{"level":"info","time":"${at(2.12)}","msg":"warming manifest cache","entries":4812}`,
    'node:internal/crypto/hash:69',
    '  this[kHandle] = new _Hash(algorithm, xofLen);',
    '                  ^',
    '',
    'Error: error:0308010C:digital envelope routines::unsupported',
    '    at new Hash (node:internal/crypto/hash:69:19)',
    '    at Object.createHash (node:crypto:133:10)',
    '    at legacyFingerprint (/app/lib/fingerprint.js:14:23)',
    '    at ManifestCache.warm (/app/lib/manifest-cache.js:41:19)',
    '    at async main (/app/server.js:22:3) {',
    '  opensslErrorStack: [ \'error:03000086:digital envelope routines::initialization error\' ],',
    '  library: \'digital envelope routines\',',
    '  reason: \'unsupported\',',
    '  code: \'ERR_OSSL_EVP_UNSUPPORTED\'',
    '}',
    '',
    'Node.js v18.20.4',
  );
  return {
    id: 'heldout85-node18-md4-openssl3-unsupported',
    class: 'rollout',
    truth: 'asset-fingerprinter revision 23 (3.4.0, 27 minutes ago) moved the image from a node:16 to a node:18 base. Node 18 links OpenSSL 3, which no longer provides md4 by default, and the service computes legacy md4 fingerprints with crypto.createHash at startup, so every new pod dies with "Error: error:0308010C:digital envelope routines::unsupported" (ERR_OSSL_EVP_UNSUPPORTED) and crash-loops; the rollout is stuck with the two revision-22 pods serving. Fix: roll back to revision 22, then switch the hash (or run with --openssl-legacy-provider).',
    ask: { service: 'asset-fingerprinter', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'asset-fingerprinter', selector: { app: 'asset-fingerprinter' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 0, 27),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 48),
      scheduled(bad, 26.8),
      event({ on: bad, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('3.4.0')}"`, firstAgo: 26.7, lastAgo: 26.7, fieldPath: 'spec.containers{app}' }),
      event({ on: bad, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('3.4.0')}" in 3.108s (3.108s including waiting). Image size: 61877402 bytes.`, firstAgo: 26.6, lastAgo: 26.6, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(bad, 'app', image('3.4.0'), { count: 10, firstAgo: 26.5, lastAgo: 2.2 }),
      backOff(bad, 'app', { count: 115, firstAgo: 26.4, lastAgo: 0.3 }),
    ],
    logs: [
      logsFor(bad, 'app', { current: trace, previous: trace }),
      ...[0, 1].map((k) => logsFor(podOf(app, k), 'app', { current: lines(`{"level":"info","time":"${at(5 - k)}","msg":"GET /v1/fingerprint/static/app.${k}b41.js","status":200,"ms":3}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/0308010C|digital envelope|ERR_OSSL_EVP_UNSUPPORTED|md4|openssl/i],
      facts: [/ERR_OSSL_EVP_UNSUPPORTED|0308010C/, /md4|createHash|node(\.js)? ?v?18|openssl ?3/i, /revision 23|3\.4\.0/],
      never: [/\bOOM/, /image ?pull|ErrImagePull/i, /thumbnailer/],
    },
  };
}

// ---- 6. Go proxy without keep-alive runs out of file descriptors ------------------------------------

function goProxyTooManyOpenFiles(): CorpusScenario {
  const ns = 'edge';
  const { nodes, names } = threeEksNodes('10.0.17', ['40', '101', '250']);
  const image = (v: string) => `${ECR}/edge/ingest-proxy:${v}`;
  const tpl = (v: string, keepAlive: boolean) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '512Mi',
      command: ['/bin/sh', '-c', 'ulimit -n 4096 && exec /usr/local/bin/ingest-proxy'],
      env: [
        { name: 'LISTEN_ADDR', value: ':8080' },
        { name: 'UPSTREAM_URL', value: 'http://ingest-collector.edge.svc.cluster.local:9000' },
        { name: 'UPSTREAM_DISABLE_KEEPALIVES', value: keepAlive ? 'false' : 'true' },
        { name: 'UPSTREAM_MAX_IDLE_CONNS_PER_HOST', value: '256' },
      ],
      readiness: httpProbe('/healthz', 8080, { periodSeconds: 5 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'ingest-proxy', replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 17 * DAYS, changeCause: 'argocd: ingest-proxy 1.9.4', template: tpl('1.9.4', true) },
      { revision: 41, createdAgo: 3 * HOURS + 5, changeCause: 'argocd: ingest-proxy 1.9.5', template: tpl('1.9.5', false) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 3 * HOURS + 4 - k })),
    settled: { available: true, availableSince: 3 * HOURS + 1, progressingSince: 3 * HOURS + 5, progressingUpdatedAgo: 3 * HOURS + 1 },
  });
  const collector = deploymentApp({
    namespace: ns, name: 'ingest-collector', replicas: 2,
    revisions: [{ revision: 12, createdAgo: 30 * DAYS, changeCause: 'argocd: ingest-collector 2.2.1', template: { containers: [container({ image: `${ECR}/edge/ingest-collector:2.2.1`, ports: [9000], memory: '1Gi' })] } }],
    pods: [{ revision: 12, node: names[1] ?? '', createdAgo: 30 * DAYS }, { revision: 12, node: names[2] ?? '', createdAgo: 4 * DAYS, containers: { app: running({ sinceAgo: 4 * DAYS - 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 4 * DAYS - 1.1, ranSeconds: 3600 } }) } }],
  });
  const other = bystander(ns, 'edge-config-sync', names, 40, { revisions: [6, 7], versions: ['0.4.1', '0.4.2'], olderAgo: 60 * DAYS });
  const cIp = ipOfPod(podOf(collector, 0));
  const log = (k: number) => {
    const out: string[] = [
      `${goTime(3 * HOURS + 3.8 - k)} ingest-proxy 1.9.5 (go1.22.7) listening on :8080 upstream=http://ingest-collector.edge.svc.cluster.local:9000 disable_keepalives=true rlimit_nofile=4096`,
      `${goTime(2 * HOURS)} stats: in_flight=212 req_per_s=1840 upstream_errors=0 open_fds=688`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 48 - i * 3.9 - k * 0.2;
      out.push(`${goTime(t + 0.5)} stats: in_flight=${1900 + i * 37} req_per_s=${5200 + i * 60} upstream_errors=${80 + i * 41} open_fds=4096`);
      out.push(`${goTime(t)} http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in 5ms`);
      out.push(`${goTime(t)} http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in 10ms`);
      out.push(`${goTime(t - 0.01)} http: proxy error: dial tcp ${cIp}:9000: socket: too many open files`);
      if (i % 2 === 0) out.push(`${goTime(t - 0.02)} http: proxy error: dial tcp ${cIp}:9000: socket: too many open files`);
    }
    out.push(`${goTime(0.5)} stats: in_flight=96 req_per_s=610 upstream_errors=0 open_fds=1130`);
    return lines(...out);
  };
  return {
    id: 'heldout85-go-proxy-too-many-open-files',
    class: 'capacity',
    truth: 'ingest-proxy revision 41 (1.9.5, about three hours ago) set UPSTREAM_DISABLE_KEEPALIVES=true, so the Go reverse proxy opens a fresh upstream connection per request on top of each client connection. At peak load it reaches the container\'s 4096 open-file limit (ulimit -n 4096 in its command): the server logs "http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in 5ms" and the proxy "dial tcp ...:9000: socket: too many open files", so requests fail (502s, refused accepts) while pods stay Ready with no restarts. Fix: re-enable keep-alive (roll back to revision 40) and/or raise the nofile limit.',
    ask: { service: 'ingest-proxy', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...collector.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'ingest-proxy', selector: { app: 'ingest-proxy' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'ingest-collector', selector: { app: 'ingest-collector' }, pods: collector.pods, endpointPort: 9000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 3, 0, 3 * HOURS + 5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 40), 0, 3, 3 * HOURS + 1),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 7), 2, 0, 40),
    ],
    logs: [
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: log(k) })),
      ...collector.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":"info","ts":"${at(3)}","msg":"batch flushed","events":48213,"bytes":19822011}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/too many open files|EMFILE|file descriptors?|nofile|ulimit|keep-?alive/i],
      facts: [/too many open files/i, /keep-?alive|DISABLE_KEEPALIVES/i, /4096|revision 41|1\.9\.5/],
      never: [/\bOOM/, /crash ?loop/i, /ingest-collector[^\n]*(down|crash|fail)/i],
    },
  };
}

// ---- 7. healthy control: a stray COMMIT's harmless Postgres warning ---------------------------------

function healthyStrayCommitWarning(): CorpusScenario {
  const ns = 'reports';
  const { nodes, names } = threeEksNodes('10.0.120', ['12', '77', '199']);
  const pgImage = 'docker.io/library/postgres:16.4';
  const db = statefulSetApp({
    namespace: ns, name: 'reports-db', replicas: 1, serviceName: 'reports-db-headless', createdAgo: 300 * DAYS,
    revisions: [{ revision: 2, createdAgo: 80 * DAYS, template: { containers: [container({ name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], memory: '2Gi', readiness: execProbe(['pg_isready', '-U', 'postgres']), liveness: null, volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] })] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [{ revision: 2, ordinal: 0, node: names[2] ?? '', createdAgo: 33 * DAYS }],
  });
  const image = (v: string) => `${ECR}/reports/report-builder:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8000], memory: '512Mi', env: [{ name: 'PGHOST', value: 'reports-db.reports.svc.cluster.local' }, { name: 'PGDATABASE', value: 'reports' }], readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000) })] });
  const app = deploymentApp({
    namespace: ns, name: 'report-builder', replicas: 2,
    revisions: [
      { revision: 19, createdAgo: 21 * DAYS, changeCause: 'argocd: report-builder 1.12.0', template: tpl('1.12.0') },
      { revision: 20, createdAgo: 5 * DAYS, changeCause: 'argocd: report-builder 1.12.1', template: tpl('1.12.1') },
    ],
    pods: [
      { revision: 20, node: names[0] ?? '', createdAgo: 5 * DAYS },
      { revision: 20, node: names[1] ?? '', createdAgo: 5 * DAYS - 1, containers: { app: running({ sinceAgo: 3 * DAYS, last: { exitCode: 143, reason: 'Error', finishedAgo: 3 * DAYS + 0.1, ranSeconds: 2 * 86400 } }) } },
    ],
    settled: { available: true, availableSince: 3 * DAYS - 0.5, progressingSince: 5 * DAYS, progressingUpdatedAgo: 5 * DAYS - 2 },
  });
  const other = bystander(ns, 'report-mailer', names, 22, { revisions: [9, 10], versions: ['0.7.0', '0.7.1'], olderAgo: 30 * DAYS });
  const dp = podOf(db, 0);
  const pgLog: string[] = [`${pgTime(33 * DAYS - 0.5)} [1] LOG:  database system is ready to accept connections`];
  for (let i = 0; i < 6; i++) {
    const t = 170 - i * 29;
    pgLog.push(`${pgTime(t)} [${3120 + i * 17}] WARNING:  there is no transaction in progress`);
    pgLog.push(`${pgTime(t - 4)} [68] LOG:  checkpoint starting: time`);
    pgLog.push(`${pgTime(t - 4.5)} [68] LOG:  checkpoint complete: wrote ${210 + i * 13} buffers (1.3%); 0 WAL file(s) added, 0 removed, 1 recycled; write=26.911 s, sync=0.004 s, total=26.934 s; sync files=${41 + i}, longest=0.002 s, average=0.001 s; distance=${2300 + i * 90} kB, estimate=${2500 + i * 90} kB; lsn=3/9A${10 + i}E2F8, redo lsn=3/9A${10 + i}0C40`);
  }
  const appLog = (k: number) => lines(
    `${pyTime(3 * DAYS - 0.2)} INFO uvicorn.error: Started server process [1]`,
    `${pyTime(3 * DAYS - 0.2)} INFO uvicorn.error: Application startup complete.`,
    `${pyTime(58 - k)} INFO report_builder.jobs: built report monthly-revenue tenant=t_${210 + k} rows=18422 in 2.31s`,
    `${pyTime(30 - k)} INFO uvicorn.access: 10.0.7.${30 + k}:51122 - "POST /v1/reports HTTP/1.1" 202`,
    `${pyTime(29 - k)} INFO report_builder.jobs: built report churn-weekly tenant=t_${330 + k} rows=2210 in 0.48s`,
    `${pyTime(4 - k)} INFO uvicorn.access: 10.0.7.${31 + k}:40211 - "GET /v1/reports/r_${99120 + k} HTTP/1.1" 200`,
  );
  return {
    id: 'heldout85-healthy-psycopg-no-transaction-warning',
    class: 'healthy',
    truth: 'Nothing is wrong. report-builder (psycopg 3, autocommit connections) issues an explicit COMMIT after some reports, so reports-db logs "WARNING: there is no transaction in progress" now and then; the warning is harmless and the statement succeeds. Both pods are Ready and serving, one restart three days ago was a node drain (exit 143), and report-mailer rolled out 22 minutes ago without trouble.',
    ask: { service: 'report-builder', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...app.objects, ...other.objects,
      ...boundClaim({ namespace: ns, name: 'data-reports-db-0', storage: '100Gi', zone: 'eu-west-1c', createdAgo: 300 * DAYS, storageClass: 'gp3' }),
      ...exposed({ namespace: ns, name: 'report-builder', selector: { app: 'report-builder' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'reports-db', selector: { app: 'reports-db' }, pods: db.pods, endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'report-mailer', selector: { app: 'report-mailer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 10), 2, 0, 22),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 9), 0, 2, 21),
    ],
    logs: [
      logsFor(dp, 'postgres', { current: lines(...pgLog) }),
      ...[0, 1].map((k) => logsFor(podOf(app, k), 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|running normally|no (issues|failures)|nothing (is )?wrong/i],
      facts: [/report-builder/],
      never: [/no transaction in progress[^\n]*(caus|fail|broke|error)/i, /transaction[^\n]*(fail|lost|broken|rolled back)/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  redisAclNoPermEvalsha(),
  mysql8RankReserved(),
  gunicornPreloadSharedSsl(),
  envoyLocalRateLimited(),
  node18Md4Unsupported(),
  goProxyTooManyOpenFiles(),
  healthyStrayCommitWarning(),
];
