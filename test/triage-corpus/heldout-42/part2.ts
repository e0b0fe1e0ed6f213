// Held-out stories, forty-second round, part two: Redis replicas that refuse every read with
// MASTERDOWN (replica-serve-stale-data no) because their master pod is stuck Terminating on a node
// whose kubelet stopped posting status; a new invoice-api revision crash-looping on "permission
// denied for table invoice_adjustments" because its PreSync migration Job created the table as
// another role without grants; an etcd member whose claim was deleted and re-provisioned (a gp2 →
// gp3 migration) and that now cannot rejoin ("has already been bootstrapped"); ClickHouse report
// queries hitting "Memory limit (for query) exceeded" after a ConfigMap edit cut max_memory_usage
// to 2 GB; an API that rejects every bearer token with 401 since Keycloak's hostname changed and
// tokens carry another `iss`; a Flask service whose rebuilt image resolved Werkzeug 3 (ImportError:
// url_quote) and whose gunicorn exits 3; and a healthy control: a fraud scorer that logs its
// declines at WARN while Kyverno's background scan files audit-mode PolicyViolation warnings.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, configMap, container, crashLoop, deploymentApp, endpointSliceFor,
  epochMs, event, every, exposed, httpProbe, job, jobEvent, nameOf, node, pulledFresh, pv, pvc, pyTime,
  rsOf, running, scaledReplicaSet, scheduled, service, statefulSetApp, tcpProbe, terminated, boundClaim, clfTime,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const statefulSetOf = (app: Built): KubeJson => app.objects[0] ?? {};
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
function redisTime(minutes: number): string {
  const d = ago(minutes);
  return `${p2(d.getUTCDate())} ${MON[d.getUTCMonth()] ?? 'Nov'} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
}

/** ClickHouse's server-log time: `2026.11.21 03:12:41.563412`. */
const chTime = (minutes: number, micro = 0): string => `${at(minutes).slice(0, 23).replace('T', ' ').replace(/-/g, '.')}${String(micro % 1000).padStart(3, '0')}`;

/** gunicorn's time: `[2026-11-21 03:12:41 +0000]`. */
const gunicornTime = (minutes: number): string => `[${at(minutes).slice(0, 19).replace('T', ' ')} +0000]`;

/** A pod's Ready condition as the node lifecycle controller leaves it when the node stops reporting. */
function markedNotReadyByNodeController(p: k8s.V1Pod, sinceAgo: number): void {
  for (const c of p.status?.conditions ?? []) {
    if (c.type !== 'Ready') continue;
    c.status = 'False';
    c.lastTransitionTime = ago(sinceAgo);
    delete c.reason;
    delete c.message;
  }
}

// ---- 1. Redis replicas answer MASTERDOWN: the master is stuck Terminating on an unreachable node ------

function redisReplicasMasterDown(): CorpusScenario {
  const ns = 'feeds';
  const { nodes, names } = threeEksNodes('10.0.96', ['44', '170', '213']);
  const deadNode = eksNodeName('10.0.96.91');
  const dead = node({ name: deadNode, zone: 'eu-west-1a', ready: 'Unknown', readySince: 18.6, createdAgo: 23 * DAYS, instanceType: 'r6i.large', pool: 'memory' });
  const redisImage = 'docker.io/library/redis:7.2.6-alpine';
  const redisTpl = (role: 'master' | 'replica') => ({
    containers: [
      container({
        name: 'redis',
        image: redisImage,
        command: ['redis-server'],
        args: [`/etc/redis/${role}.conf`],
        ports: [{ name: 'redis', containerPort: 6379 }],
        cpu: '250m',
        memory: '2Gi',
        readiness: tcpProbe('redis', { periodSeconds: 5 }),
        liveness: tcpProbe('redis', { initialDelaySeconds: 20, failureThreshold: 5 }),
        volumeMounts: [{ name: 'config', mountPath: '/etc/redis' }, { name: 'data', mountPath: '/data' }],
      }),
    ],
    volumes: [{ name: 'config', configMap: { name: 'feed-redis-config', defaultMode: 420 } }, ...(role === 'replica' ? [{ name: 'data', emptyDir: {} }] : [])],
    securityContext: { runAsUser: 999, runAsGroup: 1000, fsGroup: 1000 },
    nodeSelector: { 'eks.amazonaws.com/nodegroup': role === 'master' ? 'memory' : 'general' },
  });
  const masterSel = { 'app.kubernetes.io/name': 'feed-redis', 'app.kubernetes.io/component': 'master' };
  const replicaSel = { 'app.kubernetes.io/name': 'feed-redis', 'app.kubernetes.io/component': 'replica' };
  const master = statefulSetApp({
    namespace: ns,
    name: 'feed-redis-master',
    replicas: 1,
    selector: masterSel,
    serviceName: 'feed-redis-headless',
    createdAgo: 64 * DAYS,
    revisions: [{ revision: 3, createdAgo: 64 * DAYS, template: redisTpl('master') }],
    volumeClaimTemplates: [{ name: 'data', storage: '8Gi', storageClass: 'gp3' }],
    pods: [
      {
        revision: 3,
        ordinal: 0,
        node: deadNode,
        createdAgo: 12 * DAYS,
        ready: false,
        deletingAgo: 13.1,
        containers: { redis: running({ sinceAgo: 12 * DAYS - 0.4 }) },
        conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: ago(13.6) }],
      },
    ],
  });
  const masterPod = podOf(master, 0);
  markedNotReadyByNodeController(masterPod, 18.6);
  const replicas = statefulSetApp({
    namespace: ns,
    name: 'feed-redis-replicas',
    replicas: 2,
    selector: replicaSel,
    serviceName: 'feed-redis-headless',
    createdAgo: 64 * DAYS,
    revisions: [{ revision: 3, createdAgo: 64 * DAYS, template: redisTpl('replica') }],
    pods: [
      { revision: 3, ordinal: 0, node: names[1] ?? '', createdAgo: 12 * DAYS - 2 },
      { revision: 3, ordinal: 1, node: names[2] ?? '', createdAgo: 12 * DAYS - 3 },
    ],
  });
  const [masterClaim, masterVolume] = boundClaim({ namespace: ns, name: 'data-feed-redis-master-0', storage: '8Gi', zone: 'eu-west-1a', createdAgo: 64 * DAYS, labels: masterSel });
  const redisConfig = configMap({
    namespace: ns,
    name: 'feed-redis-config',
    createdAgo: 64 * DAYS,
    data: {
      'master.conf': lines('bind 0.0.0.0', 'port 6379', 'protected-mode no', 'dir /data', 'appendonly yes', 'appendfsync everysec', 'maxmemory 1536mb', 'maxmemory-policy allkeys-lru', 'tcp-keepalive 60'),
      'replica.conf': lines(
        'bind 0.0.0.0', 'port 6379', 'protected-mode no', 'dir /data',
        'replicaof feed-redis-master.feeds.svc.cluster.local 6379',
        'replica-read-only yes',
        '# never serve a feed that may be minutes old: readers must see their own likes',
        'replica-serve-stale-data no',
        'repl-timeout 60', 'repl-diskless-load on-empty-db',
        'appendonly no', 'save ""', 'maxmemory 1536mb', 'maxmemory-policy allkeys-lru',
      ),
    },
  });
  const headless = service({ namespace: ns, name: 'feed-redis-headless', selector: { 'app.kubernetes.io/name': 'feed-redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], headless: true, createdAgo: 64 * DAYS });
  const masterSvc = service({ namespace: ns, name: 'feed-redis-master', selector: masterSel, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], createdAgo: 64 * DAYS });
  const replicaSvc = service({ namespace: ns, name: 'feed-redis-replicas', selector: replicaSel, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], createdAgo: 64 * DAYS });
  const masterIp = masterSvc.spec?.clusterIP ?? '';

  const apiImage = (v: string) => `${ECR}/feeds/feed-api:${v}`;
  const apiTpl = (v: string) => ({
    containers: [
      container({
        image: apiImage(v),
        ports: [8080],
        cpu: '300m',
        memory: '512Mi',
        env: [
          { name: 'NODE_ENV', value: 'production' },
          { name: 'REDIS_WRITE_URL', value: 'redis://feed-redis-master.feeds.svc.cluster.local:6379/0' },
          { name: 'REDIS_READ_URL', value: 'redis://feed-redis-replicas.feeds.svc.cluster.local:6379/0' },
          { name: 'REDIS_COMMAND_TIMEOUT_MS', value: '800' },
          { name: 'FEED_PAGE_SIZE', value: '50' },
        ],
        readiness: httpProbe('/healthz', 8080),
        liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
      }),
    ],
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'feed-api',
    replicas: 3,
    revisions: [
      { revision: 17, createdAgo: 9 * DAYS, changeCause: 'argocd: feed-api 5.3.0', template: apiTpl('5.3.0') },
      { revision: 18, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: feed-api 5.3.1', template: apiTpl('5.3.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 2 * HOURS + 9 - k * 0.7 })),
    settled: { available: true, availableSince: 2 * HOURS + 6, progressingSince: 2 * HOURS + 10, progressingUpdatedAgo: 2 * HOURS + 6 },
  });
  const ranker = bystander(ns, 'feed-ranker', names, 41, { revisions: [33, 34], versions: ['1.19.2', '1.20.0'], olderAgo: 15 * DAYS });

  const fastify = (p: k8s.V1Pod, t: number, level: number, body: Record<string, unknown>): string => JSON.stringify({ level, time: epochMs(t), pid: 1, hostname: nameOf(p), ...body });
  const masterDown = "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.";
  const apiLog = (p: k8s.V1Pod, k: number): string => {
    const out: string[] = [
      fastify(p, 2 * HOURS + 8.6 - k * 0.7, 30, { msg: 'feed-api 5.3.1 starting', node: 'v20.18.0' }),
      fastify(p, 2 * HOURS + 8.5 - k * 0.7, 30, { msg: 'redis ready', conn: 'write', host: 'feed-redis-master.feeds.svc.cluster.local', port: 6379 }),
      fastify(p, 2 * HOURS + 8.5 - k * 0.7, 30, { msg: 'redis ready', conn: 'read', host: 'feed-redis-replicas.feeds.svc.cluster.local', port: 6379 }),
      fastify(p, 2 * HOURS + 8.4 - k * 0.7, 30, { msg: 'Server listening at http://0.0.0.0:8080' }),
    ];
    let r = 0;
    const request = (t: number, status: number, extra?: string): void => {
      r += 1;
      const reqId = `req-${(k * 7919 + r).toString(36)}`;
      const user = 8_800_000 + ((r * 7411 + k * 131) % 190_000);
      out.push(fastify(p, t, 30, { reqId, req: { method: 'GET', url: `/v1/feed/${user}?limit=50`, hostname: 'feed-api.feeds.svc.cluster.local', remoteAddress: `10.0.9.${(r % 200) + 20}`, remotePort: 40000 + ((r * 97) % 20000) }, msg: 'incoming request' }));
      if (extra !== undefined) out.push(extra.replace('REQID', reqId).replace('USER', String(user)));
      out.push(fastify(p, t - 0.002, status >= 500 ? 50 : 30, { reqId, res: { statusCode: status }, responseTime: +(status >= 500 ? 3.1 + (r % 5) * 0.4 : 6.2 + (r % 9) * 1.3).toFixed(2), msg: 'request completed' }));
    };
    for (let t = 26 - k * 0.2; t > 19.3; t -= 0.7) request(t, 200);
    out.push(fastify(p, 19.1 - k * 0.05, 50, { op: 'fanout', err: { type: 'Error', message: 'Command timed out', stack: 'Error: Command timed out\n    at Timeout._onTimeout (/app/node_modules/ioredis/built/Redis.js:331:33)\n    at listOnTimeout (node:internal/timers:581:17)\n    at process.processTimers (node:internal/timers:519:7)' }, msg: 'feed write failed' }));
    request(18.9 - k * 0.05, 200);
    out.push(fastify(p, 18.55 - k * 0.05, 40, { conn: 'write', err: { type: 'Error', message: `connect ECONNREFUSED ${masterIp}:6379`, code: 'ECONNREFUSED', errno: -111, syscall: 'connect', address: masterIp, port: 6379 }, msg: 'redis connection error' }));
    let i = 0;
    for (let t = 18.2 - k * 0.1; t > 0.2; t -= 0.45) {
      i += 1;
      const failed = fastify(p, t - 0.001, 50, {
        reqId: 'REQID',
        op: 'timeline',
        err: { type: 'ReplyError', message: masterDown, stack: `ReplyError: ${masterDown}\n    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)\n    at parseType (/app/node_modules/redis-parser/lib/parser.js:302:14)`, command: { name: 'zrevrange', args: ['feed:u:USER', '0', '49', 'WITHSCORES'] } },
        msg: 'feed read failed',
      });
      request(t, 503, failed);
      if (i % 6 === 0) out.push(fastify(p, t - 0.2, 40, { conn: 'write', err: { type: 'Error', message: `connect ECONNREFUSED ${masterIp}:6379`, code: 'ECONNREFUSED', errno: -111, syscall: 'connect', address: masterIp, port: 6379 }, msg: 'redis connection error' }));
    }
    return lines(...out);
  };
  const replicaLog = (k: number): string => {
    const start = 12 * DAYS - 2 - k - 0.3;
    const s = (t: number, level: string, msg: string, role = 'S') => `1:${role} ${redisTime(t)} ${level} ${msg}`;
    const out = [
      s(start, '#', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo', 'C'),
      s(start, '#', 'Redis version=7.2.6, bits=64, commit=00000000, modified=0, pid=1, just started', 'C'),
      s(start, '#', 'Configuration loaded', 'C'),
      s(start, '*', 'monotonic clock: POSIX clock_gettime'),
      s(start, '*', 'Running mode=standalone, port=6379.'),
      s(start, '*', 'Server initialized'),
      s(start, '*', 'Ready to accept connections tcp'),
      s(start, '*', 'Connecting to MASTER feed-redis-master.feeds.svc.cluster.local:6379'),
      s(start, '*', 'MASTER <-> REPLICA sync started'),
      s(start, '*', 'Non blocking connect for SYNC fired the event.'),
      s(start, '*', 'Master replied to PING, replication can continue...'),
      s(start, '*', 'Partial resynchronization not possible (no cached master)'),
      s(start - 0.01, '*', 'Full resync from master: 5d1f0c8e6b2a4f7d9e3c1b0a8f6d4e2c7b9a1f3e:118273645'),
      s(start - 0.02, '*', 'MASTER <-> REPLICA sync: receiving streamed RDB from master with EOF to disk'),
      s(start - 0.03, '*', 'MASTER <-> REPLICA sync: Flushing old data'),
      s(start - 0.03, '*', 'MASTER <-> REPLICA sync: Loading DB in memory'),
      s(start - 0.03, '*', 'Loading RDB produced by version 7.2.6'),
      s(start - 0.03, '*', 'RDB age 2 seconds'),
      s(start - 0.03, '*', 'RDB memory usage when created 412.37 Mb'),
      s(start - 0.04, '*', 'Done loading RDB, keys loaded: 1284113, keys expired: 0.'),
      s(start - 0.04, '*', 'MASTER <-> REPLICA sync: Finished with success'),
      s(18.3 - k * 0.01, '#', 'MASTER timeout: no data nor PING received...'),
      s(18.3 - k * 0.01, '#', 'Connection with master lost.'),
      s(18.3 - k * 0.01, '*', 'Caching the disconnected master state.'),
    ];
    const attempts = every(18.28 - k * 0.01, 0.05, 10, (t) => lines(
      s(t, '*', 'Connecting to MASTER feed-redis-master.feeds.svc.cluster.local:6379'),
      s(t, '*', 'MASTER <-> REPLICA sync started'),
      s(t - 0.00002, '#', 'Error condition on socket for SYNC: Connection refused'),
    ));
    return lines(...out) + attempts;
  };
  const apiSlice = exposed({ namespace: ns, name: 'feed-api', selector: { app: 'feed-api' }, pods: api.pods });
  return {
    id: 'heldout42-redis-replica-masterdown-master-stuck-terminating',
    class: 'nodes',
    truth: 'Node ip-10-0-96-91 (memory node group, eu-west-1a) hung 19 minutes ago and its kubelet stopped posting status; the only Redis master, feed-redis-master-0, ran there. The taint manager marked it for deletion, but a StatefulSet pod on an unreachable node stays Terminating and is never replaced, so the feed-redis-master Service has no endpoint. The replicas are configured with replica-serve-stale-data no, so since they lost the master link they answer every read with MASTERDOWN and feed-api (unchanged, revision 18 from two hours earlier) returns 503 on every feed read. Fix: once the instance is confirmed gone, force-delete feed-redis-master-0 (or bring the node back) so the master is recreated; feed-api itself needs no change.',
    ask: { service: 'feed-api', namespace: ns },
    objects: [
      ...nodes, dead, ...master.objects, ...replicas.objects, masterClaim, masterVolume, redisConfig,
      headless, endpointSliceFor(headless, [...master.pods, ...replicas.pods], 6379),
      masterSvc, endpointSliceFor(masterSvc, master.pods, 6379),
      replicaSvc, endpointSliceFor(replicaSvc, replicas.pods, 6379),
      ...api.objects, ...apiSlice, ...ranker.objects,
      ...exposed({ namespace: ns, name: 'feed-ranker', selector: { app: 'feed-ranker' }, pods: ranker.pods }),
      scaledReplicaSet(deploymentOf(ranker), rsOf(ranker, 34), 2, 0, 41),
      scaledReplicaSet(deploymentOf(ranker), rsOf(ranker, 33), 0, 2, 40),
      nodeNotice(deadNode, 'NodeNotReady', `Node ${deadNode} status is now: NodeNotReady`, 18.6, 'node-controller'),
      event({ on: masterPod, reason: 'NodeNotReady', message: 'Node is not ready', firstAgo: 18.6, lastAgo: 18.6, component: 'node-controller' }),
      event({ on: masterPod, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/${nameOf(masterPod)}`, firstAgo: 13.6, lastAgo: 13.6, component: 'taint-eviction-controller' }),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
      ...replicas.pods.map((p, k) => logsFor(p, 'redis', { current: replicaLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/MASTERDOWN|stale[- ]data|feed-redis|redis/i, /feed-redis-master|master[^\n]{0,60}(down|unreachable|terminating|NotReady|not ready|lost|gone)|ip-10-0-96-91/i],
      facts: [lit('feed-redis-master-0'), /ip-10-0-96-91/, /Terminating|marked for deletion|NoExecute|stopped posting|NotReady|Unknown|unreachable/i, /force[- ]delet|--force|--grace-period=0|replica-serve-stale-data|promot|fail ?over|REPLICAOF NO ONE/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /feed-ranker/],
    },
  };
}

/** An event on a node, in this file's argument order. */
function nodeNotice(name: string, reason: string, message: string, atAgo: number, component: string): k8s.CoreV1Event {
  return event({ on: { kind: 'Node', name }, type: 'Normal', reason, message, firstAgo: atAgo, lastAgo: atAgo, component });
}

// ---- 2. a PreSync migration created invoice_adjustments as another role; the new revision cannot read it --

function postgresPermissionDeniedAfterMigration(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.140', ['12', '97', '230']);
  const image = (v: string) => `${ECR}/billing/invoice-api:${v}`;
  const dbHost = 'billing-db.cluster-cq8v2n1x7kfa.eu-west-1.rds.amazonaws.com';
  const pgEnv = (user: string, secret: string): k8s.V1EnvVar[] => [
    { name: 'PGHOST', value: dbHost },
    { name: 'PGPORT', value: '5432' },
    { name: 'PGDATABASE', value: 'billing' },
    { name: 'PGUSER', value: user },
    { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: secret, key: 'password' } } },
    { name: 'PGSSLMODE', value: 'require' },
  ];
  const tpl = (v: string) => ({
    containers: [
      container({
        image: image(v),
        ports: [8080],
        cpu: '250m',
        memory: '256Mi',
        env: [...pgEnv('invoice_app', 'invoice-api-db'), { name: 'DB_MAX_CONNS', value: '25' }, { name: 'LOG_LEVEL', value: 'info' }],
        readiness: httpProbe('/readyz', 8080),
        liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
      }),
    ],
    serviceAccountName: 'invoice-api',
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: invoice-api 3.7.4', template: tpl('3.7.4') },
      { revision: 42, createdAgo: 13, changeCause: 'argocd: invoice-api 3.8.0', template: tpl('3.8.0') },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 6 * DAYS - 1 },
      { revision: 41, node: names[1] ?? '', createdAgo: 6 * DAYS - 2, containers: { app: running({ sinceAgo: 4 * DAYS + 200, restarts: 1, last: { exitCode: 2, finishedAgo: 4 * DAYS + 200.1, ranSeconds: (2 * DAYS - 210) * 60 } }) } },
      { revision: 41, node: names[2] ?? '', createdAgo: 6 * DAYS - 3 },
      { revision: 42, node: names[1] ?? '', createdAgo: 12.4, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.3, ranSeconds: 2 }, 7) } },
    ],
  });
  const migrate = job({
    namespace: ns,
    name: 'invoice-api-db-migrate',
    backoffLimit: 1,
    createdAgo: 14.2,
    template: {
      containers: [batchContainer({ name: 'migrate', image: image('3.8.0'), command: ['/app/invoice-api'], args: ['migrate', 'up', '--dir=/app/migrations'], env: pgEnv('billing_migrator', 'billing-migrator-db'), cpu: '100m', memory: '128Mi' })],
      serviceAccountName: 'invoice-api',
    },
    pods: [{ node: names[2] ?? '', phase: 'Succeeded', createdAgo: 14.2, containers: { migrate: terminated({ exitCode: 0, finishedAgo: 13.7, ranSeconds: 6 }) } }],
    outcome: { complete: true, ago: 13.6 },
  });
  const jobObj = migrate.objects[0] ?? {};
  if (jobObj.metadata) {
    jobObj.metadata.annotations = { 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' };
    jobObj.metadata.labels = { ...jobObj.metadata.labels, 'app.kubernetes.io/instance': 'invoice-api' };
  }
  const migratePod = migrate.pods[0];
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'dunning-worker', names, 26 * HOURS, { revisions: [11, 12], versions: ['0.14.1', '0.15.0'], olderAgo: 30 * DAYS });
  const slog = (t: number, level: string, msg: string, attrs: Record<string, unknown> = {}): string => JSON.stringify({ time: at(t), level, msg, ...attrs });
  const crashRun = (t: number): string => lines(
    slog(t, 'INFO', 'starting invoice-api', { version: '3.8.0', commit: 'd1e07a9', go: 'go1.23.3' }),
    slog(t - 0.005, 'INFO', 'postgres pool ready', { host: dbHost, user: 'invoice_app', database: 'billing', max_conns: 25 }),
    slog(t - 0.01, 'INFO', 'loaded tax rules', { count: 412, duration_ms: 31 }),
    slog(t - 0.011, 'INFO', 'loading adjustment rules'),
    slog(t - 0.012, 'ERROR', 'startup failed', { step: 'load adjustment rules', error: 'rules.LoadAdjustments: select invoice_adjustments: ERROR: permission denied for table invoice_adjustments (SQLSTATE 42501)' }),
  );
  const oldLog = (k: number): string => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const t = 9 - i * 0.6 - k * 0.07;
      const inv = `INV-2026-${118_200 + ((i * 37 + k * 11) % 900)}`;
      out.push(i % 4 === 3
        ? slog(t, 'INFO', 'request', { method: 'POST', path: '/v1/invoices', status: 201, duration_ms: 23 + i, invoice: inv })
        : slog(t, 'INFO', 'request', { method: 'GET', path: `/v1/invoices/${inv}`, status: 200, duration_ms: 6 + (i % 5) }));
    }
    return lines(...out);
  };
  const migrateLog = lines(
    slog(14.05, 'INFO', 'migrate: connected', { host: dbHost, user: 'billing_migrator', database: 'billing' }),
    slog(14.04, 'INFO', 'migrate: current version', { version: 20261104093000, dirty: false }),
    slog(14.03, 'INFO', 'migrate: applying', { version: 20261118141500, name: 'create_invoice_adjustments' }),
    slog(14.02, 'INFO', 'migrate: applied', { version: 20261118141500, duration_ms: 38 }),
    slog(14.02, 'INFO', 'migrate: applying', { version: 20261119102000, name: 'backfill_adjustment_rules' }),
    slog(13.8, 'INFO', 'migrate: applied', { version: 20261119102000, duration_ms: 11842, rows: 18231 }),
    slog(13.75, 'INFO', 'migrate: done', { version: 20261119102000 }),
  );
  const fp = 'spec.containers{app}';
  return {
    id: 'heldout42-postgres-permission-denied-new-table-after-migration-job',
    class: 'config',
    truth: 'invoice-api 3.8.0 (revision 42, 13 minutes ago) added a table: its Argo CD PreSync Job invoice-api-db-migrate ran the migration as billing_migrator, which created invoice_adjustments owned by that role with no GRANT to invoice_app and no ALTER DEFAULT PRIVILEGES. The new revision reads the table at startup, gets "permission denied for table invoice_adjustments" (SQLSTATE 42501) and exits 1 in a crash loop, so the rollout is stuck while the revision-41 pods, which never touch the table, keep serving. Fix: GRANT SELECT (and what the app needs) on invoice_adjustments to invoice_app, and make the migration grant or set default privileges.',
    ask: { service: 'invoice-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...migrate.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'dunning-worker', selector: { app: 'dunning-worker' }, pods: other.pods }),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(migratePod)}`, 14.2),
      ...(migratePod === undefined ? [] : [
        ...pulledFresh(migratePod, 'migrate', image('3.8.0'), { atAgo: 14.2, bytes: 31_822_410, seconds: 2.871 }),
        event({ on: migratePod, type: 'Normal', reason: 'Created', message: 'Created container migrate', firstAgo: 14.1, lastAgo: 14.1, fieldPath: 'spec.containers{migrate}' }),
        event({ on: migratePod, type: 'Normal', reason: 'Started', message: 'Started container migrate', firstAgo: 14.1, lastAgo: 14.1, fieldPath: 'spec.containers{migrate}' }),
      ]),
      jobEvent(jobObj, 'Completed', 'Job completed', 13.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 1, 0, 12.4),
      scheduled(fresh, 12.4),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Container image "${image('3.8.0')}" already present on machine`, count: 8, firstAgo: 12.35, lastAgo: 1.35, fieldPath: fp }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container app', count: 8, firstAgo: 12.35, lastAgo: 1.35, fieldPath: fp }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container app', count: 8, firstAgo: 12.34, lastAgo: 1.34, fieldPath: fp }),
      backOff(fresh, 'app', { count: 53, firstAgo: 12.2 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashRun(1.33) }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: oldLog(k) })),
      ...(migratePod === undefined ? [] : [logsFor(migratePod, 'migrate', { current: migrateLog })]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/permission denied|SQLSTATE 42501|\b42501\b|privilege|GRANT/i, /invoice_adjustments|migrat/i],
      facts: [lit('invoice_adjustments'), /invoice_app|billing_migrator|invoice-api-db-migrate/, /GRANT|privileges/i, /revision 42|3\.8\.0/],
      never: [/\bOOM/, /password authentication|pg_hba|too many connections|connection refused/i, /image[^\n]{0,30}(not found|pull)/i],
    },
  };
}

// ---- 3. an etcd member whose claim was re-provisioned cannot rejoin: "has already been bootstrapped" --

function etcdMemberLostDataCannotRejoin(): CorpusScenario {
  const ns = 'featureflags';
  const { nodes, names } = threeEksNodes('10.0.77', ['25', '163', '208']);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const fqdn = (i: number | string) => `flags-etcd-${i}.flags-etcd-headless.featureflags.svc.cluster.local`;
  const initialCluster = [0, 1, 2].map((i) => `flags-etcd-${i}=http://${fqdn(i)}:2380`).join(',');
  const image = 'quay.io/coreos/etcd:v3.5.16';
  const selector = { app: 'flags-etcd' };
  const tpl = {
    containers: [
      container({
        name: 'etcd',
        image,
        command: ['/usr/local/bin/etcd'],
        args: [
          '--name=$(POD_NAME)',
          '--data-dir=/var/run/etcd/default.etcd',
          '--listen-peer-urls=http://0.0.0.0:2380',
          '--listen-client-urls=http://0.0.0.0:2379',
          '--advertise-client-urls=http://$(POD_NAME).flags-etcd-headless.featureflags.svc.cluster.local:2379',
          '--initial-advertise-peer-urls=http://$(POD_NAME).flags-etcd-headless.featureflags.svc.cluster.local:2380',
          `--initial-cluster=${initialCluster}`,
          '--initial-cluster-token=flags-etcd',
          '--initial-cluster-state=new',
          '--auto-compaction-mode=periodic',
          '--auto-compaction-retention=1h',
          '--quota-backend-bytes=4294967296',
        ],
        env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }, { name: 'GOMAXPROCS', value: '2' }],
        ports: [{ name: 'client', containerPort: 2379 }, { name: 'peer', containerPort: 2380 }],
        cpu: '500m',
        memory: '1Gi',
        readiness: httpProbe('/health', 2379, { timeoutSeconds: 5 }),
        liveness: httpProbe('/health?serializable=true', 2379, { initialDelaySeconds: 15, timeoutSeconds: 5, failureThreshold: 8 }),
        volumeMounts: [{ name: 'data', mountPath: '/var/run/etcd' }],
      }),
    ],
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: selector }, topologyKey: 'topology.kubernetes.io/zone' }] } },
  };
  // Re-created 41 minutes ago with `--cascade=orphan` to switch the claim template to gp3; the
  // running pods were adopted.
  const sts = statefulSetApp({
    namespace: ns,
    name: 'flags-etcd',
    replicas: 3,
    selector,
    podManagementPolicy: 'Parallel',
    serviceName: 'flags-etcd-headless',
    createdAgo: 41,
    revisions: [{ revision: 1, createdAgo: 41, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '10Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 1, ordinal: 0, node: names[0] ?? '', createdAgo: 33 * DAYS },
      { revision: 1, ordinal: 1, node: names[1] ?? '', createdAgo: 33 * DAYS - 4 },
      { revision: 1, ordinal: 2, node: names[2] ?? '', createdAgo: 38.1, containers: { etcd: crashLoop({ exitCode: 1, finishedAgo: 2.2, ranSeconds: 1 }, 11) } },
    ],
  });
  const stsObj = statefulSetOf(sts);
  const [m0, m1, m2] = [podOf(sts, 0), podOf(sts, 1), podOf(sts, 2)];
  const oldClaims = [0, 1].flatMap((i) => boundClaim({ namespace: ns, name: `data-flags-etcd-${i}`, storage: '10Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 214 * DAYS, storageClass: 'gp2', labels: selector }));
  const newVolume = `pvc-${'3b7e91c4-5d2a-4f08-a6c1-9e0d47b2f815'}`;
  const newClaim = pvc({ namespace: ns, name: 'data-flags-etcd-2', storage: '10Gi', storageClass: 'gp3', phase: 'Bound', volumeName: newVolume, createdAgo: 38.2, labels: selector, annotations: { 'volume.kubernetes.io/selected-node': names[2] ?? '' } });
  const newPv = pv({ name: newVolume, storage: '10Gi', zone: 'eu-west-1c', claim: { namespace: ns, name: 'data-flags-etcd-2' }, storageClass: 'gp3', createdAgo: 37.9 });
  const headless = service({ namespace: ns, name: 'flags-etcd-headless', selector, ports: [{ name: 'client', port: 2379, targetPort: 2379 }, { name: 'peer', port: 2380, targetPort: 2380 }], headless: true, createdAgo: 214 * DAYS });
  const client = service({ namespace: ns, name: 'flags-etcd', selector, ports: [{ name: 'client', port: 2379, targetPort: 2379 }], createdAgo: 214 * DAYS });

  const flagImage = (v: string) => `${ECR}/featureflags/flag-service:${v}`;
  const flags = deploymentApp({
    namespace: ns,
    name: 'flag-service',
    replicas: 2,
    revisions: [{ revision: 22, createdAgo: 12 * DAYS, changeCause: 'argocd: flag-service 3.4.2', template: { containers: [container({ image: flagImage('3.4.2'), ports: [8080], env: [{ name: 'ETCD_ENDPOINTS', value: 'http://flags-etcd.featureflags.svc.cluster.local:2379' }, { name: 'ETCD_PREFIX', value: '/flags/' }] })] } }],
    pods: [{ revision: 22, node: names[0] ?? '', createdAgo: 12 * DAYS }, { revision: 22, node: names[1] ?? '', createdAgo: 12 * DAYS - 1 }],
  });

  const ids = ['8e2f6a1c7b3d4e05', 'c41a9b2e6f7d0813', '5b1c0f3e8a7d92c4'];
  const lost = ids[2] ?? '';
  const ip2 = ipOfPod(m2);
  const j = (t: number, level: string, caller: string, msg: string, attrs: Record<string, unknown> = {}): string => JSON.stringify({ level, ts: at(t), caller, msg, ...attrs });
  const crashRun = (t: number): string => lines(
    j(t, 'info', 'etcdmain/config.go:307', 'running etcd with environment variable', { 'variable-name': 'GOMAXPROCS', 'variable-value': '2' }),
    j(t, 'info', 'etcdmain/etcd.go:73', 'Running: ', { args: ['/usr/local/bin/etcd', '--name=flags-etcd-2', '--data-dir=/var/run/etcd/default.etcd', '--listen-peer-urls=http://0.0.0.0:2380', '--listen-client-urls=http://0.0.0.0:2379', `--advertise-client-urls=http://${fqdn(2)}:2379`, `--initial-advertise-peer-urls=http://${fqdn(2)}:2380`, `--initial-cluster=${initialCluster}`, '--initial-cluster-token=flags-etcd', '--initial-cluster-state=new', '--auto-compaction-mode=periodic', '--auto-compaction-retention=1h', '--quota-backend-bytes=4294967296'] }),
    j(t, 'info', 'embed/etcd.go:128', 'configuring peer listeners', { 'listen-peer-urls': ['http://0.0.0.0:2380'] }),
    j(t, 'info', 'embed/etcd.go:136', 'configuring client listeners', { 'listen-client-urls': ['http://0.0.0.0:2379'] }),
    j(t, 'info', 'embed/etcd.go:310', 'starting an etcd server', { 'etcd-version': '3.5.16', 'git-sha': 'f20bbad', 'go-version': 'go1.22.7', 'go-os': 'linux', 'go-arch': 'amd64', 'max-cpu-set': 2, 'max-cpu-available': 4, 'member-initialized': false, name: 'flags-etcd-2', 'data-dir': '/var/run/etcd/default.etcd', 'wal-dir': '', 'member-dir': '/var/run/etcd/default.etcd/member', 'force-new-cluster': false, 'heartbeat-interval': '100ms', 'election-timeout': '1s', 'snapshot-count': 100000, 'initial-advertise-peer-urls': [`http://${fqdn(2)}:2380`], 'advertise-client-urls': [`http://${fqdn(2)}:2379`], 'initial-cluster': initialCluster, 'initial-cluster-state': 'new', 'initial-cluster-token': 'flags-etcd', 'quota-backend-bytes': 4294967296, 'pre-vote': true, 'auto-compaction-mode': 'periodic', 'auto-compaction-retention': '1h0m0s', 'auto-compaction-interval': '1h0m0s' }),
    j(t - 0.0001, 'info', 'etcdserver/backend.go:81', 'opened backend db', { path: '/var/run/etcd/default.etcd/member/snap/db', took: '4.871ms' }),
    j(t - 0.004, 'info', 'embed/etcd.go:375', 'closing etcd server', { name: 'flags-etcd-2', 'data-dir': '/var/run/etcd/default.etcd', 'advertise-peer-urls': [`http://${fqdn(2)}:2380`], 'advertise-client-urls': [`http://${fqdn(2)}:2379`] }),
    j(t - 0.004, 'info', 'embed/etcd.go:377', 'closed etcd server', { name: 'flags-etcd-2', 'data-dir': '/var/run/etcd/default.etcd', 'advertise-peer-urls': [`http://${fqdn(2)}:2380`], 'advertise-client-urls': [`http://${fqdn(2)}:2379`] }),
    j(t - 0.004, 'fatal', 'etcdmain/etcd.go:204', 'discovery failed', { error: `member ${lost} has already been bootstrapped`, stacktrace: 'go.etcd.io/etcd/server/v3/etcdmain.startEtcdOrProxyV2\n\tgo.etcd.io/etcd/server/v3/etcdmain/etcd.go:204\ngo.etcd.io/etcd/server/v3/etcdmain.Main\n\tgo.etcd.io/etcd/server/v3/etcdmain/main.go:40\nmain.main\n\tgo.etcd.io/etcd/server/v3/main.go:31\nruntime.main\n\truntime/proc.go:271' }),
  );
  const peerLog = (k: number): string => {
    const local = ids[k] ?? '';
    const out: string[] = [
      j(39.1 - k * 0.01, 'warn', 'rafthttp/stream.go:421', 'lost TCP streaming connection with remote peer', { 'stream-reader-type': 'stream MsgApp v2', 'local-member-id': local, 'remote-peer-id': lost, error: 'EOF' }),
      j(39.1 - k * 0.01, 'warn', 'rafthttp/stream.go:421', 'lost TCP streaming connection with remote peer', { 'stream-reader-type': 'stream Message', 'local-member-id': local, 'remote-peer-id': lost, error: 'EOF' }),
      j(39.1 - k * 0.01, 'warn', 'rafthttp/peer_status.go:66', 'peer became inactive (message send to peer failed)', { 'peer-id': lost, error: 'failed to read 5b1c0f3e8a7d92c4 on stream Message (unexpected EOF)' }),
    ];
    for (let t = 38.6 - k * 0.02, i = 0; t > 0.2; t -= 0.5, i++) {
      out.push(j(t, 'warn', 'rafthttp/probing_status.go:68', 'prober detected unhealthy status', { 'round-tripper-name': i % 2 === 0 ? 'ROUND_TRIPPER_RAFT_MESSAGE' : 'ROUND_TRIPPER_SNAPSHOT', 'remote-peer-id': lost, rtt: '0s', error: `dial tcp ${ip2}:2380: connect: connection refused` }));
      if (k === 1 && i % 4 === 1) {
        out.push(j(t - 0.05, 'warn', 'etcdserver/cluster_util.go:288', 'failed to reach the peer URL', { address: `http://${fqdn(2)}:2380/version`, 'remote-member-id': lost, error: `Get "http://${fqdn(2)}:2380/version": dial tcp ${ip2}:2380: connect: connection refused` }));
        out.push(j(t - 0.05, 'warn', 'etcdserver/cluster_util.go:155', 'failed to get version', { 'remote-member-id': lost, error: `Get "http://${fqdn(2)}:2380/version": dial tcp ${ip2}:2380: connect: connection refused` }));
      }
      if (i % 23 === 7) out.push(j(t - 0.1, 'warn', 'etcdserver/util.go:170', 'apply request took too long', { took: `${118 + i}.${(i * 37) % 100}ms`, 'expected-duration': '100ms', prefix: 'read-only range ', request: 'key:"/flags/" range_end:"/flags0" ', response: 'range_response_count:412 size:88213' }));
      if (i % 60 === 30) {
        out.push(j(t - 0.15, 'info', 'mvcc/index.go:214', 'compact tree index', { revision: 1_842_210 + i * 31 }));
        out.push(j(t - 0.15, 'info', 'mvcc/kvstore_compaction.go:66', 'finished scheduled compaction', { 'compact-revision': 1_842_210 + i * 31, took: '4.213ms', hash: 2_918_442_611, 'current-db-size-bytes': 24_801_280, 'current-db-size': '25 MB', 'current-db-size-in-use-bytes': 9_437_184, 'current-db-size-in-use': '9.4 MB' }));
      }
    }
    return lines(...out);
  };
  const claimRef = { kind: 'PersistentVolumeClaim', name: 'data-flags-etcd-2', namespace: ns };
  const fp = 'spec.containers{etcd}';
  return {
    id: 'heldout42-etcd-member-pvc-recreated-already-bootstrapped',
    class: 'storage',
    truth: 'During a gp2 → gp3 migration the flags-etcd StatefulSet was re-created with --cascade=orphan and the claim data-flags-etcd-2 was deleted with its pod 38 minutes ago; the controller provisioned a new, empty gp3 volume. flags-etcd-2 now starts with no data directory and --initial-cluster-state=new, finds that its member ID is already part of the running cluster and exits with "member 5b1c0f3e8a7d92c4 has already been bootstrapped" in a crash loop. The cluster runs degraded on 2 of 3 members (quorum held, no fault tolerance left). Fix: remove the stale member (etcdctl member remove 5b1c0f3e8a7d92c4), add it back (member add) and start flags-etcd-2 with --initial-cluster-state=existing; do not touch the other two claims.',
    ask: { service: 'flags-etcd', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...oldClaims, newClaim, newPv,
      headless, endpointSliceFor(headless, sts.pods, 2379),
      client, endpointSliceFor(client, sts.pods, 2379),
      ...flags.objects, ...exposed({ namespace: ns, name: 'flag-service', selector: { app: 'flag-service' }, pods: flags.pods }),
      event({ on: claimRef, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', firstAgo: 38.2, lastAgo: 38.2, component: 'persistentvolume-controller' }),
      event({ on: claimRef, type: 'Normal', reason: 'ExternalProvisioning', message: "Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator. If volume creation is delayed, please verify that your external provisioner is running and correctly registered.", count: 2, firstAgo: 38.1, lastAgo: 38.0, component: 'persistentvolume-controller' }),
      event({ on: claimRef, type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${ns}/data-flags-etcd-2"`, firstAgo: 38.1, lastAgo: 38.1, component: 'ebs.csi.aws.com_ebs-csi-controller-7d9c6b8f4-x2v7q_8c3e0d5a-61f2-4b9e-9a07-2d4c1e8b6f30' }),
      event({ on: claimRef, type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${newVolume}`, firstAgo: 37.9, lastAgo: 37.9, component: 'ebs.csi.aws.com_ebs-csi-controller-7d9c6b8f4-x2v7q_8c3e0d5a-61f2-4b9e-9a07-2d4c1e8b6f30' }),
      event({ on: stsObj, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Claim data-flags-etcd-2 Pod flags-etcd-2 in StatefulSet flags-etcd success', firstAgo: 38.2, lastAgo: 38.2, component: 'statefulset-controller' }),
      event({ on: stsObj, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod flags-etcd-2 in StatefulSet flags-etcd successful', firstAgo: 38.2, lastAgo: 38.2, component: 'statefulset-controller' }),
      scheduled(m2, 37.9),
      event({ on: m2, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${newVolume}" `, firstAgo: 37.6, lastAgo: 37.6, component: 'attachdetach-controller' }),
      event({ on: m2, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, count: 12, firstAgo: 37.4, lastAgo: 2.22, fieldPath: fp }),
      event({ on: m2, type: 'Normal', reason: 'Created', message: 'Created container etcd', count: 12, firstAgo: 37.4, lastAgo: 2.22, fieldPath: fp }),
      event({ on: m2, type: 'Normal', reason: 'Started', message: 'Started container etcd', count: 12, firstAgo: 37.4, lastAgo: 2.21, fieldPath: fp }),
      backOff(m2, 'etcd', { count: 164, firstAgo: 37.2 }),
    ],
    logs: [
      logsFor(m2, 'etcd', { previous: crashRun(2.22) }),
      logsFor(m0, 'etcd', { current: peerLog(0) }),
      logsFor(m1, 'etcd', { current: peerLog(1) }),
      ...flags.pods.map((p, k) => logsFor(p, 'app', { current: lines(
        JSON.stringify({ level: 'info', ts: at(12 * DAYS - k - 0.2), msg: 'etcd client ready', endpoints: ['http://flags-etcd.featureflags.svc.cluster.local:2379'], prefix: '/flags/' }),
        JSON.stringify({ level: 'info', ts: at(3.4 - k * 0.3), msg: 'watch event', key: '/flags/checkout.new-address-form', type: 'PUT', revision: 1_844_901 + k }),
        JSON.stringify({ level: 'info', ts: at(0.6 - k * 0.1), msg: 'GET /v1/flags', status: 200, duration_ms: 2 }),
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/flags-etcd-2/, /already (been )?bootstrapped|data[^\n]{0,30}(lost|empty|wiped|gone)|(PVC|claim|volume)[^\n]{0,40}(re-?created|new|replaced|deleted|re-?provisioned)|rejoin|member/i],
      facts: [lit('data-flags-etcd-2'), /member remove|member add|initial-cluster-state[= ]existing/i, /2\/3|2 of 3|two of (the )?three|1 of 3|one of (the )?three|degraded|quorum/i],
      never: [/\bOOM/, /(lost|no|without) quorum|quorum (is |was )?lost/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 4. ClickHouse report queries over a lowered max_memory_usage (ConfigMap edit) ----------------

function clickhouseQueryMemoryLimitAfterConfigMapEdit(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.58', ['20', '141', '199']);
  const chImage = 'docker.io/clickhouse/clickhouse-server:24.8.6.70';
  const chSel = { app: 'clickhouse' };
  const ch = statefulSetApp({
    namespace: ns,
    name: 'clickhouse',
    replicas: 1,
    selector: chSel,
    serviceName: 'clickhouse-headless',
    createdAgo: 160 * DAYS,
    revisions: [{
      revision: 4,
      createdAgo: 19 * DAYS,
      template: {
        containers: [container({
          name: 'clickhouse',
          image: chImage,
          ports: [{ name: 'http', containerPort: 8123 }, { name: 'native', containerPort: 9000 }, { name: 'interserver', containerPort: 9009 }],
          cpu: '2500m',
          memory: '12Gi',
          readiness: httpProbe('/ping', 8123),
          liveness: httpProbe('/ping', 8123, { initialDelaySeconds: 30, failureThreshold: 6 }),
          volumeMounts: [
            { name: 'data', mountPath: '/var/lib/clickhouse' },
            { name: 'config', mountPath: '/etc/clickhouse-server/config.d' },
            { name: 'users', mountPath: '/etc/clickhouse-server/users.d' },
          ],
        })],
        volumes: [{ name: 'config', configMap: { name: 'clickhouse-config', defaultMode: 420 } }, { name: 'users', configMap: { name: 'clickhouse-users', defaultMode: 420 } }],
        securityContext: { runAsUser: 101, runAsGroup: 101, fsGroup: 101 },
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [{
      revision: 4,
      ordinal: 0,
      node: names[2] ?? '',
      createdAgo: 19 * DAYS,
      containers: { clickhouse: running({ sinceAgo: 2 * DAYS + 37, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 2 * DAYS + 37.2, ranSeconds: (17 * DAYS - 40) * 60 } }) },
    }],
  });
  const chPod = podOf(ch, 0);
  const [chClaim, chVolume] = boundClaim({ namespace: ns, name: 'data-clickhouse-0', storage: '200Gi', zone: 'eu-west-1c', createdAgo: 160 * DAYS, labels: chSel });
  const users = configMap({
    namespace: ns,
    name: 'clickhouse-users',
    createdAgo: 160 * DAYS,
    updatedAgo: 47,
    data: {
      'profiles.xml': lines(
        '<clickhouse>',
        '    <profiles>',
        '        <default>',
        '            <!-- per-query cap; lowered after the OOMKill of clickhouse-0 on 2026-11-19 (INC-4471) -->',
        '            <max_memory_usage>2000000000</max_memory_usage>',
        '            <max_bytes_before_external_group_by>0</max_bytes_before_external_group_by>',
        '            <max_execution_time>120</max_execution_time>',
        '            <max_threads>8</max_threads>',
        '            <load_balancing>random</load_balancing>',
        '        </default>',
        '        <readonly>',
        '            <readonly>1</readonly>',
        '        </readonly>',
        '    </profiles>',
        '</clickhouse>',
      ),
      'users.xml': lines(
        '<clickhouse>',
        '    <users>',
        '        <report_ro>',
        '            <password_sha256_hex from_env="CLICKHOUSE_REPORT_RO_SHA256"/>',
        '            <networks><ip>10.0.0.0/16</ip></networks>',
        '            <profile>default</profile>',
        '            <quota>default</quota>',
        '        </report_ro>',
        '    </users>',
        '</clickhouse>',
      ),
    },
  });
  const serverCfg = configMap({
    namespace: ns,
    name: 'clickhouse-config',
    createdAgo: 160 * DAYS,
    updatedAgo: 19 * DAYS,
    data: {
      'server.xml': lines(
        '<clickhouse>',
        '    <listen_host>0.0.0.0</listen_host>',
        '    <max_server_memory_usage_to_ram_ratio>0.85</max_server_memory_usage_to_ram_ratio>',
        '    <max_concurrent_queries>64</max_concurrent_queries>',
        '    <logger><level>information</level><console>1</console></logger>',
        '</clickhouse>',
      ),
    },
  });

  const image = (v: string) => `${ECR}/analytics/report-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      command: ['uvicorn'],
      args: ['report_api.main:app', '--host', '0.0.0.0', '--port', '8000', '--workers', '2'],
      ports: [8000],
      cpu: '500m',
      memory: '1Gi',
      env: [
        { name: 'CLICKHOUSE_URL', value: 'http://clickhouse.analytics.svc.cluster.local:8123' },
        { name: 'CLICKHOUSE_USER', value: 'report_ro' },
        { name: 'CLICKHOUSE_DATABASE', value: 'sales' },
        { name: 'REPORT_TIMEOUT_S', value: '120' },
      ],
      readiness: httpProbe('/health', 8000),
      liveness: httpProbe('/health', 8000, { initialDelaySeconds: 10 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'report-api',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 12 * DAYS, changeCause: 'argocd: report-api 2.9.0', template: tpl('2.9.0') },
      { revision: 12, createdAgo: 20 * HOURS, changeCause: 'argocd: report-api 2.9.1', template: tpl('2.9.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 20 * HOURS - 1 - k * 0.6 })),
    settled: { available: true, availableSince: 20 * HOURS - 3, progressingSince: 20 * HOURS, progressingUpdatedAgo: 20 * HOURS - 3 },
  });
  const dash = bystander(ns, 'dashboard-web', names, 33, { revisions: [57, 58], versions: ['4.2.0', '4.2.1'], olderAgo: 6 * DAYS });

  const heavy = ['monthly_revenue_by_region', 'merchant_cohort_retention', 'sku_margin_by_week'];
  const light = ['daily_orders_summary', 'refunds_last_24h', 'top_merchants_today'];
  const limitMsg = 'Code: 241. DB::Exception: Memory limit (for query) exceeded: would use 1.86 GiB (attempt to allocate chunk of 4194304 bytes), maximum: 1.86 GiB.: While executing AggregatingTransform. (MEMORY_LIMIT_EXCEEDED) (version 24.8.6.70 (official build))';
  const apiLog = (p: k8s.V1Pod, k: number): string => {
    const out: string[] = [];
    const client = `10.0.41.${17 + k}`;
    for (let t = 58 - k * 0.3, i = 0; t > 0.3; t -= 1.9, i++) {
      const isHeavy = i % 2 === 0;
      const report = (isHeavy ? heavy : light)[(i + k) % 3] ?? 'daily_orders_summary';
      const req = ((i * 2654435761 + k * 97) >>> 0).toString(16).slice(0, 6);
      if (isHeavy && t < 45.5) {
        out.push(`${pyTime(t)} ERROR report_api.reports [req=${req}] report ${report} failed after ${(2.1 + (i % 7) * 0.37).toFixed(2)}s`);
        out.push('Traceback (most recent call last):');
        out.push('  File "/app/report_api/reports.py", line 118, in run_report');
        out.push('    result = client.query(sql, parameters=params, settings=settings)');
        out.push('  File "/usr/local/lib/python3.12/site-packages/clickhouse_connect/driver/client.py", line 229, in query');
        out.push('    return self._query_with_context(query_context)');
        out.push('  File "/usr/local/lib/python3.12/site-packages/clickhouse_connect/driver/httpclient.py", line 234, in _query_with_context');
        out.push('    response = self._raw_request(body, params, headers, stream=True, server_wait=False, fields=fields)');
        out.push('  File "/usr/local/lib/python3.12/site-packages/clickhouse_connect/driver/httpclient.py", line 460, in _raw_request');
        out.push('    self._error_handler(response)');
        out.push('  File "/usr/local/lib/python3.12/site-packages/clickhouse_connect/driver/httpclient.py", line 385, in _error_handler');
        out.push('    raise OperationalError(err_str) if retried else DatabaseError(err_str) from None');
        out.push('clickhouse_connect.driver.exceptions.DatabaseError: HTTPDriver for http://clickhouse.analytics.svc.cluster.local:8123 returned response code 500)');
        out.push(` ${limitMsg}`);
        out.push(`INFO:     ${client}:${40000 + i * 13} - "POST /v1/reports/${report}/run HTTP/1.1" 500 Internal Server Error`);
      } else {
        out.push(`${pyTime(t)} INFO report_api.reports [req=${req}] report ${report} ok rows=${isHeavy ? 1200 + i * 7 : 24 + (i % 9)} in ${(isHeavy ? 3.4 + (i % 5) * 0.3 : 0.21 + (i % 4) * 0.05).toFixed(2)}s`);
        out.push(`INFO:     ${client}:${40000 + i * 13} - "POST /v1/reports/${report}/run HTTP/1.1" 200 OK`);
      }
    }
    return lines(...out);
  };
  const chLog = (): string => {
    const out: string[] = [];
    const apiIps = api.pods.map(ipOfPod);
    const queryId = (i: number) => `${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}-4c1e-4f0a-9b3d-${String(100000000000 + i * 7919).slice(0, 12)}`;
    for (let t = 58, i = 0; t > 47; t -= 1.3, i++) {
      out.push(`${chTime(t, i * 37)} [ ${1100 + i} ] {${queryId(i)}} <Information> executeQuery: Read ${48_211_033 + i * 1013} rows, 1.21 GiB in ${(1.58 + (i % 4) * 0.2).toFixed(2)} sec., ${30_511_000 + i * 91} rows/sec., 783.40 MiB/sec.`);
      out.push(`${chTime(t - 0.001, i * 41)} [ ${1100 + i} ] {${queryId(i)}} <Information> MemoryTracker: Peak memory usage (for query): ${(3.9 + (i % 3) * 0.6).toFixed(2)} GiB.`);
    }
    out.push(`${chTime(46.2, 510)} [ 47 ] {} <Debug> ConfigReloader: Loading config '/etc/clickhouse-server/users.xml'`);
    out.push(`${chTime(46.2, 633)} [ 47 ] {} <Debug> Processing configuration file '/etc/clickhouse-server/users.xml'.`);
    out.push(`${chTime(46.2, 881)} [ 47 ] {} <Debug> Merging configuration file '/etc/clickhouse-server/users.d/profiles.xml'.`);
    out.push(`${chTime(46.2, 902)} [ 47 ] {} <Debug> Merging configuration file '/etc/clickhouse-server/users.d/users.xml'.`);
    out.push(`${chTime(46.19, 420)} [ 47 ] {} <Debug> Saved preprocessed configuration to '/var/lib/clickhouse/preprocessed_configs/users.xml'.`);
    out.push(`${chTime(46.19, 515)} [ 47 ] {} <Debug> ConfigReloader: Loaded config '/etc/clickhouse-server/users.xml', performed update on configuration`);
    for (let t = 45.3, i = 0; t > 0.3; t -= 0.95, i++) {
      const qid = queryId(100 + i);
      const from = apiIps[i % apiIps.length] ?? '10.0.0.1';
      if (i % 2 === 0) {
        const report = heavy[i % 3] ?? '';
        out.push(`${chTime(t, i * 13)} [ ${1400 + i} ] {${qid}} <Error> executeQuery: ${limitMsg} (from ${from}:${41000 + i * 7}) (user: report_ro) (comment: report=${report}) (in query: SELECT region, toStartOfMonth(order_date) AS month, merchant_id, sum(net_amount) AS revenue, uniqExact(customer_id) AS customers FROM sales.orders WHERE order_date >= {from:Date} GROUP BY region, month, merchant_id ORDER BY revenue DESC FORMAT Native), Stack trace (when copying this message, always include the lines below):`);
        out.push('');
        out.push('0. DB::Exception::Exception(DB::Exception::MessageMasked&&, int, bool) @ 0x000000000d3f5b7b');
        out.push('1. DB::Exception::Exception<char const*, char const*, String, long&, String, char const*, std::basic_string_view<char, std::char_traits<char>>>(int, FormatStringHelperImpl<std::type_identity<char const*>::type, std::type_identity<char const*>::type, std::type_identity<String>::type, std::type_identity<long&>::type, std::type_identity<String>::type, std::type_identity<char const*>::type, std::type_identity<std::basic_string_view<char, std::char_traits<char>>>::type>, char const*&&, char const*&&, String&&, long&, String&&, char const*&&, std::basic_string_view<char, std::char_traits<char>>&&) @ 0x000000000d447a4c');
        out.push('2. MemoryTracker::allocImpl(long, bool, MemoryTracker*, double) @ 0x000000000d6d61c8');
        out.push('3. MemoryTracker::allocImpl(long, bool, MemoryTracker*, double) @ 0x000000000d6d5c4e');
        out.push('4. Allocator<false, false>::alloc(unsigned long, unsigned long) @ 0x000000000d69a8d0');
        out.push('5. DB::Arena::addMemoryChunk(unsigned long) @ 0x0000000007c18b6e');
        out.push('6. void DB::Aggregator::executeImplBatch<false, false, false, DB::AggregationMethodKeysFixed<HashMapTable<UInt128, HashMapCell<UInt128, char*, UInt128HashCRC32, HashTableNoState, PairNoInit<UInt128, char*>>, UInt128HashCRC32, TwoLevelHashTableGrower<8ul>, Allocator<true, true>>, false, false, true>>(...) const @ 0x0000000012bd1f3a');
        out.push('7. DB::AggregatingTransform::consume(DB::Chunk) @ 0x00000000143c2e47');
        out.push('');
        out.push(`${chTime(t - 0.001, i * 17)} [ ${1400 + i} ] {${qid}} <Error> DynamicQueryHandler: Code: 241. DB::Exception: Memory limit (for query) exceeded: would use 1.86 GiB (attempt to allocate chunk of 4194304 bytes), maximum: 1.86 GiB.: While executing AggregatingTransform. (MEMORY_LIMIT_EXCEEDED), Stack trace (when copying this message, always include the lines below):`);
      } else {
        out.push(`${chTime(t, i * 19)} [ ${1400 + i} ] {${qid}} <Information> executeQuery: Read ${412_009 + i * 17} rows, 18.31 MiB in 0.084 sec., ${4_904_000 + i * 3} rows/sec., 217.98 MiB/sec.`);
      }
      if (i % 9 === 4) out.push(`${chTime(t - 0.2, i * 23)} [ 61 ] {} <Information> SystemLog (system.query_log): Flushing system log, ${180 + i} entries to flush up to offset ${9_412 + i * 40}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout42-clickhouse-query-memory-limit-after-configmap-edit',
    class: 'config',
    truth: 'Two days after clickhouse-0 was OOMKilled, someone edited the clickhouse-users ConfigMap (47 minutes ago, kubectl edit) and lowered the default profile\'s per-query max_memory_usage to 2000000000 bytes (1.86 GiB). ClickHouse reloaded users.xml a minute later without a restart, and since then every heavy GROUP BY report of report-api fails with "Memory limit (for query) exceeded … maximum: 1.86 GiB" (MEMORY_LIMIT_EXCEEDED) and the API answers 500, while small reports still succeed. report-api 2.9.1 (20 hours old) and the ClickHouse pod itself are fine; the fix is to restore a per-query limit the reports fit in (or let GROUP BY spill with max_bytes_before_external_group_by) in that ConfigMap.',
    ask: { service: 'report-api', namespace: ns },
    objects: [
      ...nodes, ...ch.objects, chClaim, chVolume, users, serverCfg, ...api.objects, ...dash.objects,
      ...exposed({ namespace: ns, name: 'clickhouse', selector: chSel, ports: [{ name: 'http', port: 8123, targetPort: 8123 }, { name: 'native', port: 9000, targetPort: 9000 }], pods: ch.pods, endpointPort: 8123 }),
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, ports: [{ name: 'http', port: 80, targetPort: 8000 }], pods: api.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'dashboard-web', selector: { app: 'dashboard-web' }, pods: dash.pods }),
      scaledReplicaSet(deploymentOf(dash), rsOf(dash, 58), 2, 0, 33),
      scaledReplicaSet(deploymentOf(dash), rsOf(dash, 57), 0, 2, 32),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
      logsFor(chPod, 'clickhouse', { current: chLog() }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Memory limit \(for query\)|MEMORY_LIMIT_EXCEEDED|max_memory_usage|Code:? 241|query memory limit/i, /clickhouse-users|max_memory_usage|ConfigMap/i],
      facts: [/max_memory_usage/, /2000000000|1\.86 GiB/, /clickhouse-users/],
      never: [ADVISES_ROLLBACK, /report-api[^\n]{0,60}(\bOOM|out of memory)|(raise|increase|bump)[^\n]{0,40}memory limits?[^\n]{0,30}report-api/i],
    },
  };
}

// ---- 5. Keycloak's hostname changed: tokens carry another `iss`, the API answers 401 to everyone ----

function oidcIssuerMismatchAfterKeycloakHostnameChange(): CorpusScenario {
  const ns = 'shop';
  const idns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.212', ['9', '118', '240']);
  const oldIssuer = 'https://auth.acme.io/realms/acme';
  const newIssuer = 'https://login.acme.io/realms/acme';
  const kcImage = 'quay.io/keycloak/keycloak:26.0.5';
  const kcTpl = (hostname: string) => ({
    containers: [container({
      name: 'keycloak',
      image: kcImage,
      args: ['start', '--optimized'],
      ports: [{ name: 'http', containerPort: 8080 }, { name: 'management', containerPort: 9000 }],
      cpu: '500m',
      memory: '1536Mi',
      env: [
        { name: 'KC_HOSTNAME', value: hostname },
        { name: 'KC_PROXY_HEADERS', value: 'xforwarded' },
        { name: 'KC_HTTP_ENABLED', value: 'true' },
        { name: 'KC_HEALTH_ENABLED', value: 'true' },
        { name: 'KC_DB', value: 'postgres' },
        { name: 'KC_DB_URL', value: 'jdbc:postgresql://keycloak-db.cluster-ro8d1k2v9s3w.eu-west-1.rds.amazonaws.com:5432/keycloak' },
        { name: 'KC_DB_USERNAME', value: 'keycloak' },
        { name: 'KC_DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'keycloak-db', key: 'password' } } },
        { name: 'KC_CACHE_STACK', value: 'kubernetes' },
        { name: 'JAVA_OPTS_APPEND', value: '-Djgroups.dns.query=keycloak-headless.identity.svc.cluster.local' },
      ],
      readiness: httpProbe('/health/ready', 9000, { timeoutSeconds: 2 }),
      liveness: httpProbe('/health/live', 9000, { initialDelaySeconds: 30, timeoutSeconds: 2 }),
      startup: httpProbe('/health/started', 9000, { failureThreshold: 60, periodSeconds: 5 }),
    })],
    serviceAccountName: 'keycloak',
  });
  const kc = statefulSetApp({
    namespace: idns,
    name: 'keycloak',
    replicas: 2,
    serviceName: 'keycloak-headless',
    createdAgo: 300 * DAYS,
    revisions: [
      { revision: 14, createdAgo: 45 * DAYS, template: kcTpl('auth.acme.io') },
      { revision: 15, createdAgo: 71, template: kcTpl('https://login.acme.io') },
    ],
    pods: [
      { revision: 15, ordinal: 0, node: names[0] ?? '', createdAgo: 69 },
      { revision: 15, ordinal: 1, node: names[2] ?? '', createdAgo: 70.8 },
    ],
  });

  const image = (v: string) => `${ECR}/shop/orders-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [8080],
      cpu: '250m',
      memory: '256Mi',
      envFrom: [{ configMapRef: { name: 'orders-api-config' } }],
      readiness: httpProbe('/healthz', 8080),
      liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 62, createdAgo: 9 * DAYS, changeCause: 'argocd: orders-api 8.1.3', template: tpl('8.1.3') },
      { revision: 63, createdAgo: 2 * DAYS + 300, changeCause: 'argocd: orders-api 8.2.0', template: tpl('8.2.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 63, node: names[k] ?? '', createdAgo: 2 * DAYS + 299 - k * 0.8 })),
    settled: { available: true, availableSince: 2 * DAYS + 296, progressingSince: 2 * DAYS + 300, progressingUpdatedAgo: 2 * DAYS + 296 },
  });
  const cfg = configMap({
    namespace: ns,
    name: 'orders-api-config',
    createdAgo: 210 * DAYS,
    updatedAgo: 40 * DAYS,
    data: {
      OIDC_ISSUER_URL: oldIssuer,
      OIDC_AUDIENCE: 'orders-api',
      DATABASE_HOST: 'orders-db.cluster-c1x9v4b7n2m5.eu-west-1.rds.amazonaws.com',
      HTTP_ADDR: ':8080',
      LOG_LEVEL: 'info',
    },
  });
  const cart = bystander(ns, 'cart-api', names, 24, { revisions: [90, 91], versions: ['12.4.0', '12.4.1'], olderAgo: 4 * DAYS });

  const zl = (t: number, level: string, message: string, f: Record<string, unknown> = {}): string => JSON.stringify({ level, service: 'orders-api', ...f, time: at(t).replace(/\.\d{3}Z$/, 'Z'), message });
  const mismatch = `oidc: id token issued by a different provider, expected "${oldIssuer}" got "${newIssuer}"`;
  const paths = ['/v1/orders', '/v1/orders/ORD-7731824', '/v1/orders?status=open&limit=20', '/v1/orders/ORD-7731790/returns', '/v1/orders/ORD-7731655'];
  const apiLog = (k: number): string => {
    const out: string[] = [
      zl(2 * DAYS + 298.6 - k * 0.8, 'info', 'oidc provider discovered', { issuer: oldIssuer, jwks_uri: `${oldIssuer}/protocol/openid-connect/certs`, audience: 'orders-api' }),
      zl(2 * DAYS + 298.5 - k * 0.8, 'info', 'listening', { addr: ':8080', version: '8.2.0' }),
    ];
    for (let t = 82 - k * 0.1, i = 0; t > 0.2; t -= 0.55, i++) {
      const path = paths[(i + k) % paths.length] ?? '/v1/orders';
      const method = i % 7 === 3 ? 'POST' : 'GET';
      const remote = `10.0.${60 + (i % 3)}.${(i * 37 + k) % 240 + 10}`;
      if (t > 69.2) {
        out.push(zl(t, 'info', 'request', { method, path: method === 'POST' ? '/v1/orders' : path, status: method === 'POST' ? 201 : 200, bytes: 800 + (i % 13) * 211, duration_ms: +(4.1 + (i % 9) * 1.7).toFixed(2), remote_ip: remote }));
      } else {
        out.push(zl(t, 'warn', 'rejecting request: invalid bearer token', { remote_ip: remote, method, path: method === 'POST' ? '/v1/orders' : path, error: mismatch }));
        out.push(zl(t - 0.001, 'info', 'request', { method, path: method === 'POST' ? '/v1/orders' : path, status: 401, bytes: 52, duration_ms: +(0.3 + (i % 5) * 0.04).toFixed(2), remote_ip: remote }));
      }
    }
    return lines(...out);
  };
  const kcLog = (k: number, startAgo: number): string => {
    const q = (t: number, level: string, cat: string, thread: string, msg: string) => `${pyTime(t)} ${level.padEnd(5)} [${cat}] (${thread}) ${msg}`;
    const out = [
      q(startAgo, 'INFO', 'org.keycloak.quarkus.runtime.storage.infinispan.CacheManagerFactory', 'main', 'Starting Infinispan embedded cache manager'),
      q(startAgo - 0.1, 'INFO', 'org.infinispan.CLUSTER', 'main', `ISPN000094: Received new cluster view for channel ISPN: [keycloak-${1 - k}-${28913 + k}|${7 + k}] (2) [keycloak-${1 - k}-${28913 + k}, keycloak-${k}-${41822 - k}]`),
      q(startAgo - 0.15, 'INFO', 'org.keycloak.connections.infinispan.DefaultInfinispanConnectionProviderFactory', 'main', `Node name: keycloak-${k}-${41822 - k}, Site name: null`),
      q(startAgo - 0.3, 'INFO', 'io.quarkus', 'main', 'Keycloak 26.0.5 on JVM (powered by Quarkus 3.15.1) started in 19.882s. Listening on: http://0.0.0.0:8080. Management interface listening on http://0.0.0.0:9000.'),
      q(startAgo - 0.3, 'INFO', 'io.quarkus', 'main', 'Profile prod activated. '),
      q(startAgo - 0.3, 'INFO', 'io.quarkus', 'main', 'Installed features: [agroal, cdi, hibernate-orm, jdbc-postgresql, keycloak, narayana-jta, opentelemetry, reactive-routes, rest, rest-jackson, smallrye-context-propagation, smallrye-health, vertx]'),
    ];
    for (let t = startAgo - 3 - k, i = 0; t > 0.5; t -= 7.5, i++) {
      out.push(q(t, 'WARN', 'org.keycloak.events', `executor-thread-${12 + (i % 9)}`, `type="LOGIN_ERROR", realmId="4c1f7d2e-9a3b-4e58-b6f0-2d81c7a93e15", realmName="acme", clientId="shop-web", userId="null", ipAddress="81.2.${69 + i}.${(i * 31) % 250}", error="user_not_found", auth_method="openid-connect", auth_type="code", redirect_uri="https://shop.acme.io/callback", code_id="${((i + 7) * 2654435761 >>> 0).toString(16)}-58c1-4a07-93e2-7b1d0f6c4a${String(10 + i).slice(-2)}", username="${['jdoe@example.com', 'm.keller@gmx.de', 'test'][i % 3] ?? 'test'}", authSessionParentId="${((i + 3) * 40503 >>> 0).toString(16)}", authSessionTabId="x${i}Qd"`));
    }
    return lines(...out);
  };
  return {
    id: 'heldout42-oidc-issuer-mismatch-after-keycloak-hostname-change',
    class: 'config',
    truth: 'Keycloak (identity/keycloak, revision 15, 71 minutes ago) was moved to the new domain: KC_HOSTNAME changed from auth.acme.io to https://login.acme.io, so every token it issues now carries iss "https://login.acme.io/realms/acme". orders-api still validates tokens against OIDC_ISSUER_URL https://auth.acme.io/realms/acme (orders-api-config, unchanged for 40 days), so since about 69 minutes ago it rejects every bearer token ("id token issued by a different provider") and answers 401 to all users; its pods are healthy and its own revision 63 is two days old. Fix: accept the new issuer in orders-api-config (and roll its pods), or revert the Keycloak hostname until the relying parties are updated.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, cfg, ...cart.objects, ...kc.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: cart.pods }),
      ...exposed({ namespace: idns, name: 'keycloak', selector: { app: 'keycloak' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: kc.pods }),
      ...exposed({ namespace: idns, name: 'keycloak-headless', selector: { app: 'keycloak' }, ports: [{ name: 'jgroups', port: 7800, targetPort: 7800 }], headless: true, pods: kc.pods, endpointPort: 7800 }),
      scaledReplicaSet(deploymentOf(cart), rsOf(cart, 91), 2, 0, 24),
      scaledReplicaSet(deploymentOf(cart), rsOf(cart, 90), 0, 2, 23),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(podOf(kc, 0), 'keycloak', { current: kcLog(0, 68.6) }),
      logsFor(podOf(kc, 1), 'keycloak', { current: kcLog(1, 70.4) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\biss(uer)?\b|issued by a different provider/i, /login\.acme\.io|keycloak|KC_HOSTNAME|hostname|\b401\b|token/i],
      facts: [lit(newIssuer), lit(oldIssuer), /\b401\b/, /OIDC_ISSUER_URL|orders-api-config|keycloak/i],
      never: [/\bexpired\b/i, /clock skew/i, /orders-api[^\n]{0,50}(roll ?back|rollout undo)|revision 63[^\n]{0,40}(caused|broke|introduced)/i],
    },
  };
}

// ---- 6. a rebuilt image resolved Werkzeug 3: ImportError url_quote, gunicorn exits 3 ------------------

function pythonImportErrorAfterDependencyBump(): CorpusScenario {
  const ns = 'quoting';
  const { nodes, names } = threeEksNodes('10.0.33', ['61', '129', '250']);
  const image = (v: string) => `${ECR}/quoting/quote-service:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      command: ['gunicorn'],
      args: ['--bind', '0.0.0.0:8000', '--workers', '3', '--threads', '4', '--worker-class', 'gthread', '--access-logfile', '-', '--timeout', '30', 'quote_service.wsgi:app'],
      ports: [8000],
      cpu: '400m',
      memory: '512Mi',
      env: [
        { name: 'QUOTE_DB_URL', value: 'postgresql://quote_app@quotes-db.cluster-cz7m1q8w3e4r.eu-west-1.rds.amazonaws.com:5432/quotes' },
        { name: 'PRICING_RULES_URL', value: 'http://pricing-rules.quoting.svc.cluster.local/v1/rules' },
        { name: 'SENTRY_ENVIRONMENT', value: 'production' },
      ],
      readiness: httpProbe('/healthz', 8000, { timeoutSeconds: 2 }),
      liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 20, timeoutSeconds: 2 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-service',
    replicas: 4,
    revisions: [
      { revision: 26, createdAgo: 11 * DAYS, changeCause: 'argocd: quote-service 2.13.2', template: tpl('2.13.2') },
      { revision: 27, createdAgo: 16, changeCause: 'argocd: quote-service 2.14.0 (deps: sentry-sdk[flask] 1.39.1 -> 2.18.0)', template: tpl('2.14.0') },
    ],
    pods: [
      { revision: 26, node: names[0] ?? '', createdAgo: 11 * DAYS - 1 },
      { revision: 26, node: names[1] ?? '', createdAgo: 11 * DAYS - 2 },
      { revision: 26, node: names[2] ?? '', createdAgo: 11 * DAYS - 3 },
      { revision: 27, node: names[1] ?? '', createdAgo: 15.9, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 1.9, ranSeconds: 3 }, 8) } },
      { revision: 27, node: names[2] ?? '', createdAgo: 15.9, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 0.8, ranSeconds: 3 }, 8) } },
    ],
  });
  const dep = deploymentOf(app);
  const [n1, n2] = [podOf(app, 3), podOf(app, 4)];
  const pdf = bystander(ns, 'quote-pdf-renderer', names, 38, { revisions: [14, 15], versions: ['3.0.7', '3.1.0'], olderAgo: 20 * DAYS });
  const crashRun = (t: number, pid: number): string => {
    const site = '/usr/local/lib/python3.11/site-packages';
    return lines(
      `${gunicornTime(t)} [1] [INFO] Starting gunicorn 22.0.0`,
      `${gunicornTime(t)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${gunicornTime(t)} [1] [INFO] Using worker: gthread`,
      `${gunicornTime(t)} [${pid}] [INFO] Booting worker with pid: ${pid}`,
      `${gunicornTime(t)} [${pid + 1}] [INFO] Booting worker with pid: ${pid + 1}`,
      `${gunicornTime(t)} [${pid + 2}] [INFO] Booting worker with pid: ${pid + 2}`,
      `${gunicornTime(t - 0.02)} [${pid}] [ERROR] Exception in worker process`,
      'Traceback (most recent call last):',
      `  File "${site}/gunicorn/arbiter.py", line 609, in spawn_worker`,
      '    worker.init_process()',
      `  File "${site}/gunicorn/workers/gthread.py", line 95, in init_process`,
      '    super().init_process()',
      `  File "${site}/gunicorn/workers/base.py", line 134, in init_process`,
      '    self.load_wsgi()',
      `  File "${site}/gunicorn/workers/base.py", line 146, in load_wsgi`,
      '    self.wsgi = self.app.wsgi()',
      '                ^^^^^^^^^^^^^^^',
      `  File "${site}/gunicorn/app/base.py", line 67, in wsgi`,
      '    self.callable = self.load()',
      '                    ^^^^^^^^^^^',
      `  File "${site}/gunicorn/app/wsgiapp.py", line 58, in load`,
      '    return self.load_wsgiapp()',
      '           ^^^^^^^^^^^^^^^^^^^',
      `  File "${site}/gunicorn/app/wsgiapp.py", line 48, in load_wsgiapp`,
      '    return util.import_app(self.app_uri)',
      '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      `  File "${site}/gunicorn/util.py", line 371, in import_app`,
      '    mod = importlib.import_module(module)',
      '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.11/importlib/__init__.py", line 126, in import_module',
      '    return _bootstrap._gcd_import(name[level:], package, level)',
      '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "<frozen importlib._bootstrap>", line 1204, in _gcd_import',
      '  File "<frozen importlib._bootstrap>", line 1176, in _find_and_load',
      '  File "<frozen importlib._bootstrap>", line 1147, in _find_and_load_unlocked',
      '  File "<frozen importlib._bootstrap>", line 690, in _load_unlocked',
      '  File "<frozen importlib._bootstrap_external>", line 940, in exec_module',
      '  File "<frozen importlib._bootstrap>", line 241, in _call_with_frames_removed',
      '  File "/app/quote_service/wsgi.py", line 1, in <module>',
      '    from quote_service.app import create_app',
      '  File "/app/quote_service/app.py", line 4, in <module>',
      '    from flask import Flask, jsonify, request',
      `  File "${site}/flask/__init__.py", line 5, in <module>`,
      '    from .app import Flask as Flask',
      `  File "${site}/flask/app.py", line 30, in <module>`,
      '    from werkzeug.urls import url_quote',
      `ImportError: cannot import name 'url_quote' from 'werkzeug.urls' (${site}/werkzeug/urls.py)`,
      `${gunicornTime(t - 0.02)} [${pid}] [INFO] Worker exiting (pid: ${pid})`,
      `${gunicornTime(t - 0.03)} [1] [ERROR] Worker (pid:${pid}) exited with code 3`,
      `${gunicornTime(t - 0.03)} [1] [ERROR] Worker (pid:${pid + 1}) was sent SIGTERM!`,
      `${gunicornTime(t - 0.03)} [1] [ERROR] Worker (pid:${pid + 2}) was sent SIGTERM!`,
      `${gunicornTime(t - 0.04)} [1] [ERROR] Shutting down: Master`,
      `${gunicornTime(t - 0.04)} [1] [ERROR] Reason: Worker failed to boot.`,
    );
  };
  const oldLog = (p: k8s.V1Pod, k: number): string => {
    const out: string[] = [];
    for (let t = 6 - k * 0.05, i = 0; t > 0.2; t -= 0.3, i++) {
      const client = `10.0.${20 + (i % 3)}.${(i * 53 + k * 7) % 240 + 5}`;
      out.push(i % 5 === 4
        ? `${client} - - [${clfTime(t)}] "GET /v1/quotes/Q-${884_100 + i * 3 + k} HTTP/1.1" 200 1284 "-" "python-httpx/0.27.2"`
        : `${client} - - [${clfTime(t)}] "POST /v1/quotes HTTP/1.1" 200 ${380 + (i % 11) * 7} "-" "checkout-service/4.22.1"`);
    }
    return lines(...out);
  };
  const fp = 'spec.containers{app}';
  const restarts = (p: k8s.V1Pod, lastAgo: number): k8s.CoreV1Event[] => [
    ...pulledFresh(p, 'app', image('2.14.0'), { atAgo: 15.9, bytes: 68_144_903, seconds: 4.216 }),
    event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', count: 9, firstAgo: 15.8, lastAgo, fieldPath: fp }),
    event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container app', count: 9, firstAgo: 15.8, lastAgo, fieldPath: fp }),
    event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image('2.14.0')}" already present on machine`, count: 8, firstAgo: 15.6, lastAgo, fieldPath: fp }),
    backOff(p, 'app', { count: 66, firstAgo: 15.7 }),
  ];
  return {
    id: 'heldout42-python-importerror-werkzeug-url-quote-after-dependency-bump',
    class: 'rollout',
    truth: 'quote-service 2.14.0 (revision 27, 16 minutes ago) only bumped sentry-sdk[flask], but the image was rebuilt without a lock file and pip resolved Werkzeug 3.x, which removed werkzeug.urls.url_quote, while Flask stays pinned at 2.2.x (its requirement Werkzeug>=2.2.2 has no upper bound). Every gunicorn worker dies on "ImportError: cannot import name \'url_quote\' from \'werkzeug.urls\'" and the master exits 3 ("Worker failed to boot"), so both new pods crash-loop and the rollout is stuck while three revision-26 pods serve at reduced capacity. Fix: roll back to revision 26 and pin Werkzeug<3 (or upgrade Flask) with a lock file.',
    ask: { service: 'quote-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...pdf.objects,
      ...exposed({ namespace: ns, name: 'quote-service', selector: { app: 'quote-service' }, ports: [{ name: 'http', port: 80, targetPort: 8000 }], pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'quote-pdf-renderer', selector: { app: 'quote-pdf-renderer' }, pods: pdf.pods }),
      scaledReplicaSet(dep, rsOf(app, 27), 1, 0, 16),
      scaledReplicaSet(dep, rsOf(app, 26), 3, 4, 16),
      scaledReplicaSet(dep, rsOf(app, 27), 2, 1, 15.95),
      scaledReplicaSet(deploymentOf(pdf), rsOf(pdf, 15), 2, 0, 38),
      scaledReplicaSet(deploymentOf(pdf), rsOf(pdf, 14), 0, 2, 37),
      ...restarts(n1, 1.95),
      ...restarts(n2, 0.85),
    ],
    logs: [
      logsFor(n1, 'app', { previous: crashRun(1.95, 7) }),
      logsFor(n2, 'app', { previous: crashRun(0.85, 8) }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: oldLog(p, k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ImportError|url_quote|werkzeug|cannot import|Worker failed to boot/i, /revision 27|2\.14\.0/],
      facts: [lit("cannot import name 'url_quote'"), /exit(ed)?( with)?( code)? 3|Worker failed to boot/i, /roll(ing)? ?back|rollout undo|\bpin/i],
      never: [/\bOOM/, /(liveness|readiness) probe[^\n]{0,40}(kill|fail|cause)/i, /quote-pdf-renderer/],
    },
  };
}

// ---- 7. healthy: declines logged at WARN, Kyverno audit-mode PolicyViolation warnings ----------------

function healthyFraudScorerWithAuditViolations(): CorpusScenario {
  const ns = 'risk';
  const { nodes, names } = threeEksNodes('10.0.121', ['14', '88', '203']);
  const image = (v: string) => `${ECR}/risk/fraud-scorer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      ports: [8080, { name: 'metrics', containerPort: 9090 }],
      cpu: '500m',
      memory: '768Mi',
      env: [
        { name: 'MODEL_BUCKET', value: 's3://acme-risk-models/prod' },
        { name: 'DECLINE_THRESHOLD', value: '0.91' },
        { name: 'REVIEW_THRESHOLD', value: '0.78' },
        { name: 'GOMEMLIMIT', value: '680MiB' },
      ],
      readiness: httpProbe('/readyz', 8080),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
    })],
    serviceAccountName: 'fraud-scorer',
  });
  const rolled = 6 * DAYS + 200;
  const app = deploymentApp({
    namespace: ns,
    name: 'fraud-scorer',
    replicas: 3,
    revisions: [
      { revision: 8, createdAgo: 20 * DAYS, changeCause: 'argocd: fraud-scorer 7.4.1', template: tpl('7.4.1') },
      { revision: 9, createdAgo: rolled, changeCause: 'argocd: fraud-scorer 7.4.2', template: tpl('7.4.2') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: rolled - 1 - k * 0.7 })),
    settled: { available: true, availableSince: rolled - 4, progressingSince: rolled, progressingUpdatedAgo: rolled - 4 },
  });
  const admin = deploymentApp({
    namespace: ns,
    name: 'risk-rules-admin',
    replicas: 1,
    revisions: [{ revision: 5, createdAgo: 30 * DAYS, changeCause: 'argocd: risk-rules-admin 1.8.0', template: { containers: [container({ image: `${ECR}/risk/risk-rules-admin:1.8.0`, ports: [8080], memory: '256Mi' })] } }],
    pods: [{ revision: 5, node: names[2] ?? '', createdAgo: 30 * DAYS - 1 }],
  });
  const podMsg = 'policy require-run-as-nonroot/run-as-non-root fail: validation error: Running as root is not allowed. Either the field spec.securityContext.runAsNonRoot must be set to `true`, or the fields spec.containers[*].securityContext.runAsNonRoot, spec.initContainers[*].securityContext.runAsNonRoot, and spec.ephemeralContainers[*].securityContext.runAsNonRoot must be set to `true`. rule run-as-non-root[0] failed at path /spec/securityContext/runAsNonRoot/ rule run-as-non-root[1] failed at path /spec/containers/0/securityContext/runAsNonRoot/';
  const depMsg = 'policy require-run-as-nonroot/autogen-run-as-non-root fail: validation error: Running as root is not allowed. Either the field spec.securityContext.runAsNonRoot must be set to `true`, or the fields spec.containers[*].securityContext.runAsNonRoot, spec.initContainers[*].securityContext.runAsNonRoot, and spec.ephemeralContainers[*].securityContext.runAsNonRoot must be set to `true`. rule autogen-run-as-non-root[0] failed at path /spec/template/spec/securityContext/runAsNonRoot/ rule autogen-run-as-non-root[1] failed at path /spec/template/spec/containers/0/securityContext/runAsNonRoot/';
  const zap = (t: number, level: string, logger: string, msg: string, f: Record<string, unknown> = {}): string => JSON.stringify({ level, ts: at(t), logger, msg, ...f });
  const rules = [['velocity_card_5m', 'ip_country_mismatch'], ['new_device_high_amount'], ['bin_country_mismatch', 'velocity_email_1h'], ['disposable_email', 'new_device_high_amount']];
  const scorerLog = (k: number): string => {
    const start = rolled - 1.5 - k * 0.7;
    const out: string[] = [
      zap(start, 'info', 'main', 'fraud-scorer starting', { version: '7.4.2', commit: '6b0e2f1' }),
      zap(start - 0.1, 'info', 'model', 'model loaded', { model: 'gbdt-2026.11.13', features: 214, load_ms: 812 }),
      zap(start - 0.12, 'info', 'http', 'listening', { addr: ':8080', metrics: ':9090' }),
    ];
    for (let t = 9 - k * 0.07, i = 0; t > 0.1; t -= 0.2, i++) {
      if (i % 5 === 0) out.push(zap(t, 'info', 'decision', 'decision summary (60s)', { approved: 1831 + ((i * 17 + k * 5) % 90), declined: 29 + ((i + k) % 17), review: 11 + (i % 9), errors: 0, p99_ms: +(19.2 + (i % 7) * 0.8).toFixed(1) }));
      else if (i % 5 === 2) out.push(zap(t, 'info', 'decision', 'transaction sent to manual review', { txn_id: `tx_01JD${((i * 7919 + k) * 2654435761 >>> 0).toString(36).toUpperCase()}`, score: +(0.78 + (i % 12) * 0.01).toFixed(3), queue: 'eu-cards' }));
      else {
        out.push(zap(t, 'warn', 'decision', 'transaction declined', {
          txn_id: `tx_01JD${((i * 104729 + k) * 2654435761 >>> 0).toString(36).toUpperCase()}`,
          merchant_id: `m_${48_000 + ((i * 131 + k) % 900)}`,
          amount_minor: 4_900 + ((i * 7331) % 250_000),
          currency: ['EUR', 'GBP', 'EUR', 'SEK'][i % 4],
          score: +(0.912 + (i % 8) * 0.01).toFixed(3),
          threshold: 0.91,
          rules: rules[i % rules.length],
        }));
      }
    }
    return lines(...out);
  };
  return {
    id: 'heldout42-healthy-fraud-scorer-declines-and-audit-policy-violations',
    class: 'healthy',
    truth: 'fraud-scorer is healthy: three ready pods of revision 9 (six days old), no restarts, every request answered within its latency budget and 0 scoring errors. The WARN lines are its business output (declined transactions, about 2% as every minute\'s summary shows), and the Warning PolicyViolation events come from Kyverno\'s hourly background scan of an audit-mode policy (require-run-as-nonroot) that reports but never blocks or evicts anything.',
    ask: { service: 'fraud-scorer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...admin.objects,
      ...exposed({ namespace: ns, name: 'fraud-scorer', selector: { app: 'fraud-scorer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'risk-rules-admin', selector: { app: 'risk-rules-admin' }, pods: admin.pods }),
      event({ on: deploymentOf(app), reason: 'PolicyViolation', message: depMsg, count: 152, firstAgo: rolled - 2, lastAgo: 14.2, component: 'kyverno-scan' }),
      ...app.pods.map((p, k) => event({ on: p, reason: 'PolicyViolation', message: podMsg, count: 151, firstAgo: rolled - 1.8 - k * 0.7, lastAgo: 14.1 - k * 0.01, component: 'kyverno-scan' })),
      event({ on: deploymentOf(admin), reason: 'PolicyViolation', message: depMsg, count: 712, firstAgo: 30 * DAYS - 5, lastAgo: 14.2, component: 'kyverno-scan' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: scorerLog(k) })),
      logsFor(podOf(admin, 0), 'app', { current: lines(zap(30 * DAYS - 1.5, 'info', 'main', 'risk-rules-admin listening', { addr: ':8080' }), zap(42, 'info', 'rules', 'rule set published', { version: 318, rules: 64, by: 'a.lindqvist' })) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?|faults?|failures?)|all[- ]clear|nothing (wrong|broken|failing)|running (fine|normally)|\bready\b|\bOK\b/i],
      facts: [/fraud-scorer/],
      never: [/kyverno|PolicyViolation|run-?as-?non-?root/i, /\bdeclin/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  redisReplicasMasterDown(),
  postgresPermissionDeniedAfterMigration(),
  etcdMemberLostDataCannotRejoin(),
  clickhouseQueryMemoryLimitAfterConfigMapEdit(),
  oidcIssuerMismatchAfterKeycloakHostnameChange(),
  pythonImportErrorAfterDependencyBump(),
  healthyFraudScorerWithAuditViolations(),
];
