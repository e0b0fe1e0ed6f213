// Held-out stories, forty-second round, part one: an order router whose new release calls a gRPC
// method (ReserveBatch) that inventory-api only gets in 2.14.0, whose rollout is stuck on a
// ConfigMap key nobody added, so every batch reservation comes back UNIMPLEMENTED; a SQLite-backed
// link shortener on an EFS (ReadWriteMany) claim scaled from 1 to 2 replicas, so two writers fight
// over one database file ("database is locked"); a PDF renderer whose new release moved to a
// distroless base that has no `pdfsvc` passwd entry, so the runtime cannot create its container;
// an oauth2-proxy whose Azure AD client secret expired at the identity provider (AADSTS7000222)
// while nothing in the cluster changed; a metrics ingester whose ConfigMap raised its Cassandra
// batch size from 50 to 500, so Cassandra refuses every batch ("Batch too large"); an invoice
// service repointed at a standalone mongod, so its transactions fail ("Transaction numbers are only
// allowed on a replica set member or mongos"); and a healthy control: a card authorizer that logs
// every issuer decline at ERROR level.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, boundClaim, clfTime, configMap, container, deploymentApp, epochMs, event, exposed, httpProbe,
  nameOf, node, probeFailed, pulledFresh, pv, pvc, pyTime, rsOf, running, scaledReplicaSet, service,
  startedNormally, statefulSetApp, tcpProbe, waiting, ago, execProbe,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** A time without fractions, as kubectl writes `restartedAt` and oauth2-proxy/Go print RFC 3339. */
const secs = (minutes: number): string => at(minutes).replace(/\.\d+Z$/, 'Z');
/** oauth2-proxy's standard log time: `2026/11/21 03:12:41`. */
const slashTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Cassandra's logback time: `2026-11-21 03:12:41,563`. */
const cassTime = pyTime;
/** Deterministic pseudo-random pick. */
const pick = <T>(xs: readonly T[], i: number): T => xs[((i * 7919) >>> 0) % xs.length] as T;

// ---- 1. gRPC version skew: the caller calls a method the server's stuck rollout would add ----------

function grpcMethodMissingServerRolloutStuck(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '139', '211']);
  const n = (i: number): string => names[i % 3] ?? '';
  const invImage = (v: string) => `${ECR}/fulfilment/inventory-api:${v}`;
  const fromCm = (key: string): k8s.V1EnvVar => ({ name: key, valueFrom: { configMapKeyRef: { name: 'inventory-api-config', key } } });
  const invTpl = (v: string, extra: k8s.V1EnvVar[]) => ({
    containers: [container({
      image: invImage(v),
      ports: [{ name: 'grpc', containerPort: 9090 }, { name: 'http', containerPort: 8080 }],
      cpu: '500m', memory: '1536Mi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+UseG1GC' },
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        fromCm('SPRING_DATASOURCE_URL'),
        fromCm('LOW_STOCK_THRESHOLD'),
        ...extra,
      ],
      readiness: httpProbe('/actuator/health/readiness', 'http', { periodSeconds: 5 }),
      liveness: httpProbe('/actuator/health/liveness', 'http', { initialDelaySeconds: 60 }),
    })],
  });
  const missingKey = "couldn't find key RESERVATION_HOLD_TTL in ConfigMap fulfilment/inventory-api-config";
  const inventory = deploymentApp({
    namespace: ns,
    name: 'inventory-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 9 * DAYS, changeCause: 'argocd: inventory-api 2.13.4', template: invTpl('2.13.4', []) },
      { revision: 42, createdAgo: 47, changeCause: 'argocd: inventory-api 2.14.0', template: invTpl('2.14.0', [fromCm('RESERVATION_HOLD_TTL')]) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 41, node: n(k), createdAgo: 9 * DAYS - 3 - k })),
      { revision: 42, node: n(1), createdAgo: 46.8, containers: { app: waiting('CreateContainerConfigError', missingKey) } },
    ],
  });
  const routerImage = (v: string) => `${ECR}/fulfilment/order-router:${v}`;
  const routerTpl = (v: string) => ({
    containers: [container({
      image: routerImage(v), ports: [8080], cpu: '250m', memory: '256Mi',
      env: [
        { name: 'INVENTORY_GRPC_TARGET', value: 'dns:///inventory-api.fulfilment.svc.cluster.local:9090' },
        { name: 'INVENTORY_RPC_TIMEOUT', value: '800ms' },
        { name: 'GOMEMLIMIT', value: '230MiB' },
      ],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const router = deploymentApp({
    namespace: ns,
    name: 'order-router',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: order-router 3.8.4', template: routerTpl('3.8.4') },
      { revision: 58, createdAgo: 31, changeCause: 'argocd: order-router 3.9.0', template: routerTpl('3.9.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: n(k + 1), createdAgo: 31 - k * 0.8 })),
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 31, progressingUpdatedAgo: 28.9 },
  });
  const returns = bystander(ns, 'returns-service', names, 3 * DAYS, { revisions: [19, 20], versions: ['1.22.0', '1.22.1'], olderAgo: 20 * DAYS });
  const stuck = podOf(inventory, 3);
  const fp = 'spec.containers{app}';
  const invCm = configMap({
    namespace: ns, name: 'inventory-api-config', createdAgo: 310 * DAYS, updatedAgo: 9 * DAYS,
    data: {
      SPRING_DATASOURCE_URL: 'jdbc:postgresql://inventory-db.cluster-cq81mz0v2k.eu-west-1.rds.amazonaws.com:5432/inventory',
      LOW_STOCK_THRESHOLD: '5',
      STOCK_CACHE_TTL: '30s',
    },
  });
  const orders = ['ORD-7741920', 'ORD-7741933', 'ORD-7741951', 'ORD-7741958', 'ORD-7741977', 'ORD-7741990', 'ORD-7742004', 'ORD-7742019'];
  const routerLog = (k: number): string => {
    const out: string[] = [
      `{"level":"info","ts":"${at(30.6 - k * 0.8)}","caller":"cmd/router/main.go:64","msg":"order-router starting","version":"3.9.0","commit":"a41c9e7","go":"go1.23.3"}`,
      `{"level":"info","ts":"${at(30.6 - k * 0.8)}","caller":"inventory/client.go:51","msg":"inventory client ready","target":"dns:///inventory-api.fulfilment.svc.cluster.local:9090","lb":"round_robin"}`,
      `{"level":"info","ts":"${at(30.5 - k * 0.8)}","caller":"httpx/server.go:40","msg":"listening","addr":":8080"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 27 - i * 1.9 - k * 0.13;
      const o = pick(orders, i + k * 3);
      out.push(`{"level":"info","ts":"${at(t + 0.02)}","caller":"httpx/middleware.go:57","msg":"request","method":"GET","path":"/v1/orders/${o}/status","status":200,"duration_ms":${3 + (i % 4)}}`);
      out.push(`{"level":"error","ts":"${at(t)}","caller":"inventory/client.go:118","msg":"reserve stock failed","rpc":"inventory.v1.InventoryService/ReserveBatch","order_id":"${o}","lines":${2 + (i % 3)},"grpc_code":"Unimplemented","error":"rpc error: code = Unimplemented desc = Method not found: inventory.v1.InventoryService/ReserveBatch"}`);
      out.push(`{"level":"warn","ts":"${at(t - 0.003)}","caller":"httpx/middleware.go:57","msg":"request","method":"POST","path":"/v1/orders/${o}/route","status":502,"duration_ms":${9 + (i % 5)}}`);
    }
    return lines(...out);
  };
  const invLog = (k: number): string => lines(
    `${at(9 * DAYS - 4 - k)}  INFO 1 --- [inventory-api] [           main] c.a.inventory.InventoryApplication       : Started InventoryApplication in 21.774 seconds (process running for 23.102)`,
    `${at(9 * DAYS - 4 - k)}  INFO 1 --- [inventory-api] [           main] n.d.b.g.s.s.GrpcServerLifecycle          : gRPC Server started, listening on address: *, port: 9090`,
    ...[0, 1, 2, 3, 4, 5].map((i) => `${at(12 - i * 2 - k * 0.2)}  INFO 1 --- [inventory-api] [ault-executor-${3 + i}] c.a.inventory.grpc.InventoryGrpcService  : ReserveStock order=RTN-55${k}${i}10 skus=1 ok in ${14 + i}ms`),
    `${at(1.1 + k * 0.1)}  INFO 1 --- [inventory-api] [ault-executor-2] c.a.inventory.grpc.InventoryGrpcService  : GetAvailability skus=12 ok in 6ms`,
  );
  return {
    id: 'heldout42-grpc-unimplemented-server-rollout-stuck',
    class: 'rollout',
    truth: 'order-router 3.9.0 (revision 58, 31 minutes ago) switched stock reservation to the new inventory.v1.InventoryService/ReserveBatch RPC, which only inventory-api 2.14.0 implements. inventory-api\'s 2.14.0 rollout (revision 42, 47 minutes ago) is stuck: its new pod cannot start (CreateContainerConfigError: the ConfigMap inventory-api-config has no RESERVATION_HOLD_TTL key), so the three 2.13.4 pods still serve and answer every ReserveBatch call with UNIMPLEMENTED, and order routing fails with 502. Fix: add the key so inventory-api 2.14.0 rolls out (or roll order-router back to 3.8.4 until it has).',
    ask: { service: 'order-router', namespace: ns },
    objects: [
      ...nodes, ...router.objects, ...inventory.objects, ...returns.objects, invCm,
      ...exposed({ namespace: ns, name: 'order-router', selector: { app: 'order-router' }, pods: router.pods }),
      ...exposed({ namespace: ns, name: 'inventory-api', selector: { app: 'inventory-api' }, ports: [{ name: 'grpc', port: 9090, targetPort: 'grpc' }], pods: inventory.pods, endpointPort: 9090 }),
      ...exposed({ namespace: ns, name: 'returns-service', selector: { app: 'returns-service' }, pods: returns.pods }),
      scaledReplicaSet(deploymentOf(inventory), rsOf(inventory, 42), 1, 0, 47),
      scaledReplicaSet(deploymentOf(router), rsOf(router, 58), 1, 0, 31),
      scaledReplicaSet(deploymentOf(router), rsOf(router, 57), 2, 3, 30.2),
      scaledReplicaSet(deploymentOf(router), rsOf(router, 58), 3, 2, 29.6),
      scaledReplicaSet(deploymentOf(router), rsOf(router, 57), 0, 1, 28.9),
      ...router.pods.flatMap((p, k) => startedNormally(p, 'app', routerImage('3.9.0'), 31 - k * 0.8)),
      ...pulledFresh(stuck, 'app', invImage('2.14.0'), { atAgo: 46.8, bytes: 187_334_120, seconds: 5.214 }),
      event({ on: stuck, type: 'Normal', reason: 'Pulled', message: `Container image "${invImage('2.14.0')}" already present on machine`, count: 212, firstAgo: 46.5, lastAgo: 0.4, fieldPath: fp }),
      event({ on: stuck, reason: 'Failed', message: `Error: ${missingKey}`, count: 213, firstAgo: 46.6, lastAgo: 0.4, fieldPath: fp }),
    ],
    logs: [
      ...router.pods.map((p, k) => logsFor(p, 'app', { current: routerLog(k) })),
      ...inventory.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: invLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/unimplemented|method not found|ReserveBatch/i, /inventory-api/],
      facts: [/revision 42|2\.14\.0/, /RESERVATION_HOLD_TTL|CreateContainerConfigError|couldn't find key/, /3\.9\.0|revision 58/],
      never: [/\bOOM/, /crash ?loop/i, /NetworkPolicy/],
    },
  };
}

// ---- 2. SQLite on an EFS (ReadWriteMany) claim, scaled from 1 to 2 replicas ---------------------

function sqliteLockedAfterScaleToTwo(): CorpusScenario {
  const ns = 'tools';
  const { nodes, names } = threeEksNodes('10.0.58', ['23', '170', '92']);
  const image = (v: string) => `${ECR}/tools/shortlinks:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v),
      command: ['gunicorn'],
      args: ['--bind', '0.0.0.0:8000', '--workers', '2', '--threads', '4', '--worker-class', 'gthread', '--access-logfile', '-', 'shortlinks.wsgi:app'],
      ports: [8000], cpu: '100m', memory: '256Mi',
      env: [
        { name: 'DATABASE_URL', value: 'sqlite:////data/shortlinks.db' },
        { name: 'PUBLIC_BASE_URL', value: 'https://go.acme.internal' },
        { name: 'LOG_LEVEL', value: 'INFO' },
      ],
      readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10, failureThreshold: 6 }),
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
    })],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'shortlinks-data' } }],
    securityContext: { fsGroup: 1000, runAsUser: 1000, runAsGroup: 1000 },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shortlinks',
    replicas: 2,
    strategy: { type: 'Recreate' },
    revisions: [
      { revision: 11, createdAgo: 71 * DAYS, changeCause: 'helm: shortlinks 1.9.1', template: tpl('1.9.1') },
      { revision: 12, createdAgo: 28 * DAYS, changeCause: 'helm: shortlinks 1.9.2', template: tpl('1.9.2') },
    ],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 9 * DAYS, containers: { app: running({ sinceAgo: 6 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 6 * DAYS, ranSeconds: 3 * 24 * 3600 } }) } },
      { revision: 12, node: names[2] ?? '', createdAgo: 42 },
    ],
    settled: { available: true, availableSince: 41.6, progressingSince: 28 * DAYS, progressingUpdatedAgo: 41.6 },
  });
  // `kubectl scale deployment shortlinks --replicas=2`: the scale subresource, 42 minutes ago.
  const dep = deploymentOf(app);
  if (dep.metadata) {
    dep.metadata.managedFields = [
      { manager: 'helm', operation: 'Update', apiVersion: 'apps/v1', time: ago(28 * DAYS), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:template': {} } } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', time: ago(41.6), fieldsType: 'FieldsV1', fieldsV1: { 'f:status': {} }, subresource: 'status' },
      { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', time: ago(42), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' },
    ];
  }
  const efsVolume = 'pvc-5c1d7e0a-93b2-4f61-b0a8-2d4e6f8a1c35';
  const claim = pvc({ namespace: ns, name: 'shortlinks-data', storage: '5Gi', storageClass: 'efs-sc', phase: 'Bound', volumeName: efsVolume, accessModes: ['ReadWriteMany'], createdAgo: 240 * DAYS, annotations: { 'volume.kubernetes.io/storage-provisioner': 'efs.csi.aws.com', 'volume.beta.kubernetes.io/storage-provisioner': 'efs.csi.aws.com' } });
  const volume = pv({ name: efsVolume, storage: '5Gi', claim: { namespace: ns, name: 'shortlinks-data' }, storageClass: 'efs-sc', accessModes: ['ReadWriteMany'], createdAgo: 240 * DAYS, csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-0b7e41c29d3a58f16::fsap-04c2e9a7d15b83f60' } });
  const other = bystander(ns, 'status-page', names, 5 * DAYS, { revisions: [30, 31], versions: ['4.0.2', '4.1.0'], olderAgo: 33 * DAYS });
  const [old, fresh] = [podOf(app, 0), podOf(app, 1)];
  const probe = (p: k8s.V1Pod) => `Get "http://${p.status?.podIP ?? ''}:8000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  const slugs = ['q3x9k', 'onb-eng', 'pto-form', 'h7mzt', 'okr-q4', 'wiki-vpn', 'b2ktr', 'lunch'];
  const users = ['jdoe', 'mkaur', 'tnguyen', 'abrown', 'lfischer'];
  const gunicorn = (t: number, pid: number, level: string, msg: string) => `[${pyTime(t).slice(0, 19)} +0000] [${pid}] [${level}] ${msg}`;
  const locked = (t: number, i: number, pod: number): string[] => {
    const slug = pick(slugs, i + pod);
    const who = pick(users, i * 3 + pod);
    return [
      `${pyTime(t)} ERROR shortlinks.app Exception on /api/v1/links [POST]`,
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 1967, in _exec_single_context',
      '    self.dialect.do_execute(',
      '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/default.py", line 941, in do_execute',
      '    cursor.execute(statement, parameters)',
      'sqlite3.OperationalError: database is locked',
      '',
      'The above exception was the direct cause of the following exception:',
      '',
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/flask/app.py", line 1511, in wsgi_app',
      '    response = self.full_dispatch_request()',
      '  File "/app/shortlinks/api.py", line 88, in create_link',
      '    db.session.commit()',
      'sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked',
      '[SQL: INSERT INTO links (slug, target_url, created_by, created_at, hits) VALUES (?, ?, ?, ?, ?)]',
      `[parameters: ('${slug}', 'https://confluence.acme.internal/x/${slug}', '${who}', '${pyTime(t + 0.09).replace(',', '.')}', 0)]`,
      '(Background on this error at: https://sqlalche.me/e/20/e3q8)',
      `10.0.${40 + pod}.${17 + i} - - [${clfTime(t)}] "POST /api/v1/links HTTP/1.1" 500 265 "https://go.acme.internal/new" "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15"`,
    ];
  };
  const redirects = (t: number, i: number, pod: number): string =>
    `10.0.${40 + pod}.${90 + i} - - [${clfTime(t)}] "GET /${pick(slugs, i * 5 + pod)} HTTP/1.1" 302 0 "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"`;
  const oldLog: string[] = [
    gunicorn(6 * DAYS, 1, 'INFO', 'Starting gunicorn 22.0.0'),
    gunicorn(6 * DAYS, 1, 'INFO', 'Listening at: http://0.0.0.0:8000 (1)'),
    gunicorn(6 * DAYS, 1, 'INFO', 'Using worker: gthread'),
    gunicorn(6 * DAYS, 7, 'INFO', 'Booting worker with pid: 7'),
    gunicorn(6 * DAYS, 8, 'INFO', 'Booting worker with pid: 8'),
    redirects(55, 0, 0),
    `10.0.40.31 - - [${clfTime(50)}] "POST /api/v1/links HTTP/1.1" 201 88 "https://go.acme.internal/new" "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0"`,
    redirects(46, 1, 0),
  ];
  const freshLog: string[] = [
    gunicorn(41.8, 1, 'INFO', 'Starting gunicorn 22.0.0'),
    gunicorn(41.8, 1, 'INFO', 'Listening at: http://0.0.0.0:8000 (1)'),
    gunicorn(41.8, 1, 'INFO', 'Using worker: gthread'),
    gunicorn(41.8, 7, 'INFO', 'Booting worker with pid: 7'),
    gunicorn(41.8, 8, 'INFO', 'Booting worker with pid: 8'),
  ];
  for (let i = 0; i < 7; i++) {
    const t = 39 - i * 5.3;
    oldLog.push(redirects(t + 0.4, i + 2, 0), ...locked(t, i, 0));
    freshLog.push(redirects(t + 1.1, i + 2, 1), ...locked(t - 1.7, i, 1));
  }
  oldLog.push(`10.0.40.77 - - [${clfTime(1.3)}] "POST /api/v1/links HTTP/1.1" 201 91 "https://go.acme.internal/new" "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0"`, redirects(0.6, 9, 0));
  return {
    id: 'heldout42-sqlite-locked-scaled-to-two-on-efs',
    class: 'storage',
    truth: 'shortlinks keeps its data in a SQLite file on an EFS (ReadWriteMany) claim and was built for a single replica (strategy Recreate). 42 minutes ago someone ran `kubectl scale --replicas=2`; the second pod mounted the same claim, and the two processes now contend for SQLite\'s file lock over NFS, so writes fail with "sqlite3.OperationalError: database is locked" (POST /api/v1/links returns 500) on both pods and health checks time out while threads wait on the lock. Nothing was rolled out. Fix: scale back to 1 replica (SQLite allows one writer; a second replica needs a real database).',
    ask: { service: 'shortlinks', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects, claim, volume,
      ...exposed({ namespace: ns, name: 'shortlinks', selector: { app: 'shortlinks' }, pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'status-page', selector: { app: 'status-page' }, pods: other.pods }),
      scaledReplicaSet(dep, rsOf(app, 12), 2, 1, 42),
      event({ on: { kind: 'ReplicaSet', metadata: { name: rsOf(app, 12), namespace: ns } }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(fresh)}`, firstAgo: 42, lastAgo: 42, component: 'replicaset-controller' }),
      ...pulledFresh(fresh, 'app', image('1.9.2'), { atAgo: 42, bytes: 61_482_337, seconds: 2.907 }),
      event({ on: fresh, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 41.9, lastAgo: 41.9, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 41.9, lastAgo: 41.9, fieldPath: 'spec.containers{app}' }),
      probeFailed(old, 'app', 'Readiness', probe(old), { count: 6, firstAgo: 37.8, lastAgo: 5.9 }),
      probeFailed(fresh, 'app', 'Readiness', probe(fresh), { count: 4, firstAgo: 35.2, lastAgo: 8.4 }),
    ],
    logs: [
      logsFor(old, 'app', { current: lines(...oldLog) }),
      logsFor(fresh, 'app', { current: lines(...freshLog) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/database is locked|sqlite/i, /scal|replicas|\b1 ?(→|->|to) ?2\b|second (pod|replica)/i],
      facts: [/ReadWriteMany|RWX|EFS|shortlinks-data/i, /(scale|replicas)[^\n]*(\b1\b|one)|single replica/i, /database is locked/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(increase|raise|loosen|relax)[^\n]*(probe|timeoutSeconds)/i],
    },
  };
}

// ---- 3. a distroless base image without the image's USER in /etc/passwd ---------------------------

function onPremNode(name: string, zone: string): k8s.V1Node {
  const n = node({ name, zone, instanceType: 'r640' });
  const labels = { ...n.metadata?.labels };
  delete labels['eks.amazonaws.com/nodegroup'];
  labels['topology.kubernetes.io/region'] = 'fra';
  labels['node-role.kubernetes.io/worker'] = '';
  if (n.metadata) n.metadata.labels = labels;
  if (n.spec) delete n.spec.providerID;
  if (n.status?.nodeInfo) {
    Object.assign(n.status.nodeInfo, {
      containerRuntimeVersion: 'cri-o://1.31.3',
      kernelVersion: '5.14.0-503.15.1.el9_5.x86_64',
      kubeProxyVersion: 'v1.31.4',
      kubeletVersion: 'v1.31.4',
      osImage: 'Rocky Linux 9.5 (Blue Onyx)',
    });
  }
  return n;
}

function distrolessBaseMissingUser(): CorpusScenario {
  const ns = 'documents';
  const nodes = [onPremNode('k8s-w01.fra1.acme.internal', 'fra1-a'), onPremNode('k8s-w02.fra1.acme.internal', 'fra1-b'), onPremNode('k8s-w03.fra1.acme.internal', 'fra1-c')];
  const names = nodes.map(nameOf);
  const registry = 'harbor.acme.internal/documents';
  const image = (v: string) => `${registry}/pdf-renderer:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '500m', memory: '768Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'RENDER_CONCURRENCY', value: '4' },
        { name: 'FONTS_DIR', value: '/usr/share/fonts/acme' },
        { name: 'ASSETS_BUCKET_URL', value: 'https://s3.fra1.acme.internal/doc-assets' },
      ],
      readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 15 }),
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
      volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    })],
    volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '512Mi' } }],
    securityContext: { fsGroup: 1001, seccompProfile: { type: 'RuntimeDefault' } },
  });
  const userMsg = 'unable to find user pdfsvc: no matching entries in passwd file';
  const app = deploymentApp({
    namespace: ns,
    name: 'pdf-renderer',
    replicas: 4,
    revisions: [
      { revision: 32, createdAgo: 11 * DAYS, changeCause: 'argocd: pdf-renderer 5.2.4', template: tpl('5.2.4') },
      { revision: 33, createdAgo: 26, changeCause: 'argocd: pdf-renderer 5.3.0', template: tpl('5.3.0') },
    ],
    pods: [
      { revision: 32, node: names[0] ?? '', createdAgo: 11 * DAYS - 2 },
      { revision: 32, node: names[1] ?? '', createdAgo: 11 * DAYS - 3 },
      { revision: 32, node: names[2] ?? '', createdAgo: 4 * DAYS, containers: { app: running({ sinceAgo: 4 * DAYS - 0.5, restarts: 1, last: { exitCode: 1, finishedAgo: 3 * DAYS, ranSeconds: 22 * 3600 } }) } },
      { revision: 33, node: names[1] ?? '', createdAgo: 25.9, containers: { app: waiting('CreateContainerError', userMsg) } },
      { revision: 33, node: names[2] ?? '', createdAgo: 25.9, containers: { app: waiting('CreateContainerError', userMsg) } },
    ],
  });
  const other = bystander(ns, 'doc-indexer', names, 2 * DAYS, { revisions: [14, 15], versions: ['0.9.3', '0.9.4'], olderAgo: 30 * DAYS });
  const stuck = [podOf(app, 3), podOf(app, 4)];
  const fp = 'spec.containers{app}';
  const dep = deploymentOf(app);
  const nodeLog = (k: number): string => lines(
    `{"level":30,"time":${epochMs(11 * DAYS - 2 - k)},"pid":1,"hostname":"${nameOf(podOf(app, k))}","msg":"pdf-renderer 5.2.4 listening on :3000","concurrency":4}`,
    `(node:1) [DEP0040] DeprecationWarning: The \`punycode\` module is deprecated. Please use a userland alternative instead.`,
    ...[0, 1, 2, 3].map((i) => `{"level":30,"time":${epochMs(9 - i * 2.1 - k * 0.3)},"pid":1,"hostname":"${nameOf(podOf(app, k))}","req":{"method":"POST","url":"/v1/render"},"template":"invoice-${['de', 'fr', 'en', 'nl'][i] ?? 'en'}","pages":${1 + i},"res":{"statusCode":200},"responseTime":${640 + i * 117 + k * 31},"msg":"request completed"}`),
  );
  return {
    id: 'heldout42-distroless-base-missing-passwd-user',
    class: 'containers',
    truth: 'pdf-renderer 5.3.0 (revision 33, 26 minutes ago) moved its image to a distroless Node base; the Dockerfile still ends with `USER pdfsvc`, but the useradd step that created that user could not run on distroless and was dropped, so the image\'s /etc/passwd has no pdfsvc entry. CRI-O cannot resolve the user and every container create fails (CreateContainerError "unable to find user pdfsvc: no matching entries in passwd file"): both new pods are stuck and the rollout is stalled with three 5.2.4 pods serving. Fix: roll back to revision 32, then use a numeric USER (or add the user) in the new image.',
    ask: { service: 'pdf-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pdf-renderer', selector: { app: 'pdf-renderer' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'doc-indexer', selector: { app: 'doc-indexer' }, pods: other.pods }),
      scaledReplicaSet(dep, rsOf(app, 33), 1, 0, 26),
      scaledReplicaSet(dep, rsOf(app, 32), 3, 4, 26),
      scaledReplicaSet(dep, rsOf(app, 33), 2, 1, 26),
      ...stuck.flatMap((p, k) => [
        ...pulledFresh(p, 'app', image('5.3.0'), { atAgo: 25.9, bytes: 71_903_442, seconds: k === 0 ? 3.884 : 4.217 }),
        event({ on: p, reason: 'Failed', message: `Error: ${userMsg}`, count: 121 - k * 2, firstAgo: 25.8, lastAgo: 0.3 + k * 0.2, fieldPath: fp }),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image('5.3.0')}" already present on machine`, count: 120 - k * 2, firstAgo: 25.6, lastAgo: 0.3 + k * 0.2, fieldPath: fp }),
      ]),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: nodeLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/unable to find user|passwd|pdfsvc/i, /5\.3\.0|revision 33|base image|distroless/i],
      facts: [/CreateContainerError/, /roll(ing)? ?back|rollout undo|revert|previous (image|revision)|revision 32/i, lit('pdfsvc')],
      never: [/\bOOM/, /ImagePullBackOff|ErrImagePull|image pull (fail|error)/i, /crash ?loop/i],
    },
  };
}

// ---- 4. an Azure AD (Entra ID) client secret expired at the identity provider ---------------------

function entraClientSecretExpired(): CorpusScenario {
  const ns = 'platform-tools';
  const { nodes, names } = threeEksNodes('10.0.40', ['61', '188', '9']);
  const tenant = '8d1f3c2a-5b7e-4c1d-9a0e-2f6b7c8d9e01';
  const clientId = '6b1f0e4c-2a7d-4e5b-8c3f-91d2a4b6c7e8';
  const image = 'quay.io/oauth2-proxy/oauth2-proxy:v7.7.1';
  const tpl = {
    containers: [container({
      name: 'oauth2-proxy', image, ports: [4180, { name: 'metrics', containerPort: 44180 }], cpu: '50m', memory: '64Mi', memoryLimit: '128Mi',
      args: [
        '--http-address=0.0.0.0:4180',
        '--metrics-address=0.0.0.0:44180',
        '--provider=oidc',
        `--oidc-issuer-url=https://login.microsoftonline.com/${tenant}/v2.0`,
        `--client-id=${clientId}`,
        '--email-domain=acme.io',
        '--upstream=http://grafana.platform-tools.svc.cluster.local:3000',
        '--redirect-url=https://grafana.acme.io/oauth2/callback',
        '--cookie-secure=true',
        '--cookie-refresh=1h',
        '--cookie-expire=12h',
        '--reverse-proxy=true',
        '--skip-provider-button=true',
        '--pass-access-token=true',
      ],
      env: [
        { name: 'OAUTH2_PROXY_CLIENT_SECRET', valueFrom: { secretKeyRef: { name: 'sso-proxy-oidc', key: 'client-secret' } } },
        { name: 'OAUTH2_PROXY_COOKIE_SECRET', valueFrom: { secretKeyRef: { name: 'sso-proxy-oidc', key: 'cookie-secret' } } },
      ],
      readiness: httpProbe('/ready', 4180), liveness: httpProbe('/ping', 4180, { initialDelaySeconds: 5 }),
    })],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'sso-proxy',
    replicas: 2,
    revisions: [
      { revision: 8, createdAgo: 95 * DAYS, changeCause: 'helm: oauth2-proxy chart 7.7.9', template: { containers: tpl.containers.map((c) => ({ ...c, image: 'quay.io/oauth2-proxy/oauth2-proxy:v7.6.0' })) } },
      { revision: 9, createdAgo: 47 * DAYS, changeCause: 'helm: oauth2-proxy chart 7.8.1', template: tpl },
    ],
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 12 * DAYS },
      { revision: 9, node: names[2] ?? '', createdAgo: 12 * DAYS, containers: { 'oauth2-proxy': running({ sinceAgo: 11 * DAYS, restarts: 1, last: { exitCode: 1, finishedAgo: 11 * DAYS, ranSeconds: 86_000 } }) } },
    ],
  });
  const grafanaImage = 'docker.io/grafana/grafana:11.3.1';
  const grafana = deploymentApp({
    namespace: ns,
    name: 'grafana',
    replicas: 1,
    revisions: [{ revision: 22, createdAgo: 19 * DAYS, changeCause: 'helm: grafana 8.6.0', template: { containers: [container({ name: 'grafana', image: grafanaImage, ports: [3000], cpu: '200m', memory: '512Mi', readiness: httpProbe('/api/health', 3000), liveness: httpProbe('/api/health', 3000, { initialDelaySeconds: 60 }) })] } }],
    pods: [{ revision: 22, node: names[1] ?? '', createdAgo: 19 * DAYS }],
  });
  const backstage = bystander(ns, 'backstage', names, 38, { revisions: [61, 62], versions: ['1.33.0', '1.33.2'], olderAgo: 8 * DAYS });
  const cfg = configMap({
    namespace: ns, name: 'sso-proxy-config', createdAgo: 730 * DAYS, updatedAgo: 210 * DAYS,
    data: { 'authenticated-emails.txt': '', 'allowed-groups': 'sg-platform-grafana-viewers,sg-platform-grafana-editors', 'redirect-url': 'https://grafana.acme.io/oauth2/callback' },
  });
  const aad = (t: number, i: number): string =>
    `oauth2: "invalid_client" "AADSTS7000222: The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds. Trace ID: ${['4c1e', '9b02', 'e7a3', '21fd', '5d88'][i % 5]}7a10-52c3-4f1e-8b9d-0e6f${String(1000 + i)}a1b2c3 Correlation ID: 0f3b${String(2000 + i)}-77aa-4c2e-9d1b-6a5e4c3b2a19 Timestamp: ${secs(t).replace('T', ' ')}" "https://login.microsoftonline.com/error?code=7000222"`;
  const people = ['alice.meyer@acme.io', 'rahul.s@acme.io', 'jonas.weber@acme.io', 'k.okafor@acme.io', 'li.wei@acme.io', 'p.santos@acme.io'];
  const ua = '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"';
  const proxyLog = (k: number): string => {
    const out: string[] = [
      `[${slashTime(12 * DAYS - 0.2)}] [proxy.go:77] mapping path "/" => upstream "http://grafana.platform-tools.svc.cluster.local:3000"`,
      `[${slashTime(12 * DAYS - 0.2)}] [oauthproxy.go:172] OAuthProxy configured for OpenID Connect Client ID: ${clientId}`,
      `[${slashTime(12 * DAYS - 0.2)}] [oauthproxy.go:178] Cookie settings: name:_oauth2_proxy secure(https):true httponly:true expiry:12h0m0s domains: path:/ samesite: refresh:after 1h0m0s`,
      `[${slashTime(12 * DAYS - 0.2)}] [http.go:64] HTTP: listening on 0.0.0.0:4180`,
      `10.0.40.12 - 8a1fc2d0-${k}e5b - ${pick(people, k)} [${clfTime(96)}] grafana.acme.io GET grafana.platform-tools.svc.cluster.local:3000 "/api/search?query=&starred=false" HTTP/1.1 ${ua} 200 2214 0.038`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = 81 - i * 9.1 - k * 1.7;
      const who = pick(people, i + k * 2);
      out.push(`10.0.40.12 - 3b${k}${i}e1a7-0c5d - ${who} [${clfTime(t + 0.6)}] grafana.acme.io GET grafana.platform-tools.svc.cluster.local:3000 "/api/dashboards/uid/k8s-ovw-${i}" HTTP/1.1 ${ua} 200 ${18_000 + i * 311} 0.0${41 + i}`);
      out.push(`[${slashTime(t + 0.2)}] [stored_session.go:178] Unable to refresh session: error refreshing tokens: ${aad(t + 0.2, i + 20 * k)}`);
      out.push(`10.0.40.12 - 5e${k}${i}a9c4-7f1b - ${who} [${clfTime(t + 0.2)}] grafana.acme.io GET - "/d/k8s-ovw-${i}/kubernetes-overview" HTTP/1.1 ${ua} 302 0 0.212`);
      out.push(`[${slashTime(t)}] [oauthproxy.go:873] Error redeeming code during OAuth2 callback: token exchange failed: ${aad(t, i + 40 * k)}`);
      out.push(`10.0.40.12 - 7d${k}${i}c3e2-9a0f - - [${clfTime(t)}] grafana.acme.io GET - "/oauth2/callback?code=1.AUEB...&state=c0a9f2e1b7d3:%2Fd%2Fk8s-ovw-${i}" HTTP/1.1 ${ua} 500 2797 0.2${10 + i}`);
    }
    out.push(`10.0.40.12 - 0f${k}aa31c-2b7e - - [${clfTime(0.7)}] grafana.acme.io GET - "/ping" HTTP/1.1 "kube-probe/1.31+" 200 2 0.000`);
    return lines(...out);
  };
  return {
    id: 'heldout42-entra-client-secret-expired',
    class: 'config',
    truth: 'The client secret of the sso-proxy app registration in Azure AD (Entra ID) reached its expiry date at the identity provider about 80 minutes ago. Since then oauth2-proxy cannot redeem authorization codes or refresh sessions: Azure answers invalid_client AADSTS7000222 (client secret keys expired), so every login to Grafana ends in a 500 on /oauth2/callback. Nothing changed in the cluster (sso-proxy last rolled out 47 days ago; the backstage rollout 38 minutes ago is unrelated). Fix: create a new client secret in the app registration, update the sso-proxy-oidc Secret and restart the proxy.',
    ask: { service: 'sso-proxy', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...grafana.objects, ...backstage.objects, cfg,
      ...exposed({ namespace: ns, name: 'sso-proxy', selector: { app: 'sso-proxy' }, pods: app.pods, endpointPort: 4180 }),
      ...exposed({ namespace: ns, name: 'grafana', selector: { app: 'grafana' }, ports: [{ name: 'http', port: 3000, targetPort: 'http' }], pods: grafana.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'backstage', selector: { app: 'backstage' }, pods: backstage.pods }),
      scaledReplicaSet(deploymentOf(backstage), rsOf(backstage, 62), 2, 0, 38),
      scaledReplicaSet(deploymentOf(backstage), rsOf(backstage, 61), 0, 2, 37),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'oauth2-proxy', { current: proxyLog(k) })),
      logsFor(podOf(grafana, 0), 'grafana', {
        current: lines(
          `logger=context userId=14 orgId=1 uname=alice.meyer@acme.io t=${secs(95)} level=info msg="Request Completed" method=GET path=/api/live/ws status=-1 remote_addr=10.0.40.12 time_ms=3 duration=3.2ms size=0 referer= handler=/api/live/ws status_source=server`,
          `logger=cleanup t=${secs(40)} level=info msg="Completed cleanup jobs" duration=11.8ms`,
          `logger=infra.usagestats t=${secs(12)} level=info msg="Usage stats are ready to report"`,
        ),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/AADSTS7000222|client secret[^\n]*expir|expired[^\n]*(client )?secret|secret[^\n]*expired/i],
      facts: [/AADSTS7000222|invalid_client/, /Azure|Entra|identity provider|\bIdP\b|app registration/i, /(new|rotate|renew|regenerate)[^\n]*secret|secret[^\n]*(rotat|renew)/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /backstage[^\n]*(caus|trigger|broke|roll ?back)/i],
    },
  };
}

// ---- 5. Cassandra refuses batches after a ConfigMap raised the writer's batch size ---------------

function cassandraBatchTooLarge(): CorpusScenario {
  const ns = 'telemetry';
  const { nodes, names } = threeEksNodes('10.0.120', ['44', '167', '230']);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const cassImage = 'docker.io/library/cassandra:4.1.7';
  const cassTpl = {
    containers: [container({
      name: 'cassandra', image: cassImage,
      ports: [{ name: 'cql', containerPort: 9042 }, { name: 'intra-node', containerPort: 7000 }, { name: 'jmx', containerPort: 7199 }],
      cpu: '2', memory: '8Gi',
      env: [
        { name: 'CASSANDRA_CLUSTER_NAME', value: 'telemetry' },
        { name: 'CASSANDRA_DC', value: 'dc1' },
        { name: 'CASSANDRA_ENDPOINT_SNITCH', value: 'GossipingPropertyFileSnitch' },
        { name: 'CASSANDRA_SEEDS', value: 'cassandra-0.cassandra.telemetry.svc.cluster.local,cassandra-1.cassandra.telemetry.svc.cluster.local' },
        { name: 'MAX_HEAP_SIZE', value: '4G' },
        { name: 'HEAP_NEWSIZE', value: '800M' },
        { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
      ],
      readiness: execProbe(['/bin/sh', '-c', 'nodetool status | grep -E "^UN\\s+${POD_IP}"'], { initialDelaySeconds: 60, periodSeconds: 15, timeoutSeconds: 10 }),
      liveness: tcpProbe('cql', { initialDelaySeconds: 120, periodSeconds: 20, timeoutSeconds: 5 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/cassandra' }],
    })],
    terminationGracePeriodSeconds: 120,
  };
  const cass = statefulSetApp({
    namespace: ns,
    name: 'cassandra',
    replicas: 3,
    serviceName: 'cassandra',
    createdAgo: 400 * DAYS,
    revisions: [{ revision: 6, createdAgo: 62 * DAYS, template: cassTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((i) => ({ revision: 6, ordinal: i, node: names[i] ?? '', createdAgo: 62 * DAYS - i * 9 })),
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-cassandra-${i}`, storage: '500Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 400 * DAYS, labels: { app: 'cassandra' } }));
  const image = `${ECR}/telemetry/metrics-ingester:2.8.3`;
  const restartedAt = secs(24);
  const tpl = (annotations?: Record<string, string>) => ({
    containers: [container({
      image, ports: [8080], cpu: '1', memory: '1536Mi',
      envFrom: [{ configMapRef: { name: 'metrics-ingester-config' } }],
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError' }],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }),
    })],
    ...(annotations === undefined ? {} : { annotations }),
  });
  const ingester = deploymentApp({
    namespace: ns,
    name: 'metrics-ingester',
    replicas: 3,
    revisions: [
      { revision: 14, createdAgo: 12 * DAYS, changeCause: 'argocd: metrics-ingester 2.8.3', template: tpl() },
      { revision: 15, createdAgo: 24, template: tpl({ 'kubectl.kubernetes.io/restartedAt': restartedAt }) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 15, node: names[k] ?? '', createdAgo: 24 - k * 0.9 })),
    settled: { available: true, availableSince: 12 * DAYS, progressingSince: 24, progressingUpdatedAgo: 21.6 },
  });
  const cm = configMap({
    namespace: ns, name: 'metrics-ingester-config', createdAgo: 180 * DAYS, updatedAgo: 25.5,
    data: {
      KAFKA_BOOTSTRAP_SERVERS: 'kafka-bootstrap.kafka.svc.cluster.local:9092',
      KAFKA_TOPIC: 'metrics.samples',
      KAFKA_GROUP_ID: 'metrics-ingester',
      DLQ_TOPIC: 'metrics.samples.dlq',
      CASSANDRA_CONTACT_POINTS: 'cassandra-0.cassandra.telemetry.svc.cluster.local:9042,cassandra-1.cassandra.telemetry.svc.cluster.local:9042,cassandra-2.cassandra.telemetry.svc.cluster.local:9042',
      CASSANDRA_LOCAL_DC: 'dc1',
      CASSANDRA_KEYSPACE: 'telemetry',
      INGEST_BATCH_SIZE: '500',
      INGEST_LINGER_MS: '200',
      INGEST_CONCURRENCY: '4',
    },
  });
  const other = bystander(ns, 'metrics-query', names, 4 * DAYS, { revisions: [40, 41], versions: ['3.4.0', '3.4.1'], olderAgo: 21 * DAYS });
  const springTs = (t: number) => at(t);
  const ingLog = (k: number): string => {
    const start = 23.6 - k * 0.9;
    const out: string[] = [
      `${springTs(start)}  INFO 1 --- [metrics-ingester] [           main] c.a.telemetry.ingest.IngestApplication   : Starting IngestApplication v2.8.3 using Java 21.0.5 with PID 1`,
      `${springTs(start - 0.05)}  INFO 1 --- [metrics-ingester] [           main] c.a.telemetry.ingest.IngestProperties    : ingest settings: batchSize=500, lingerMs=200, concurrency=4, keyspace=telemetry, table=samples_by_series`,
      `${springTs(start - 0.06)}  INFO 1 --- [metrics-ingester] [     s0-admin-0] c.d.o.d.i.core.DefaultMavenCoordinates   : DataStax Java driver for Apache Cassandra(R) (com.datastax.oss:java-driver-core) version 4.17.0`,
      `${springTs(start - 0.08)}  INFO 1 --- [metrics-ingester] [     s0-admin-1] c.d.o.d.internal.core.time.Clock         : Using native clock for microsecond precision`,
      `${springTs(start - 0.2)}  INFO 1 --- [metrics-ingester] [           main] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-metrics-ingester-1, groupId=metrics-ingester] Adding newly assigned partitions: metrics.samples-${k * 4}, metrics.samples-${k * 4 + 1}, metrics.samples-${k * 4 + 2}, metrics.samples-${k * 4 + 3}`,
      `${springTs(start - 0.3)}  INFO 1 --- [metrics-ingester] [           main] c.a.telemetry.ingest.IngestApplication   : Started IngestApplication in 14.212 seconds (process running for 15.87)`,
    ];
    for (let i = 0; i < 10; i++) {
      const t = start - 0.6 - i * 2.2;
      const attempt = (i % 5) + 1;
      out.push(
        `${springTs(t)} ERROR 1 --- [metrics-ingester] [  sink-writer-${i % 4}] c.a.telemetry.ingest.CassandraSink       : batch write failed (500 samples, bucket 20261121${String(2 + Math.floor(i / 6)).padStart(2, '0')}, attempt ${attempt}/5)`,
        'com.datastax.oss.driver.api.core.servererrors.InvalidQueryException: Batch too large',
        '\tat com.datastax.oss.driver.api.core.servererrors.InvalidQueryException.copy(InvalidQueryException.java:48)',
        '\tat com.datastax.oss.driver.internal.core.util.concurrent.CompletableFutures.getUninterruptibly(CompletableFutures.java:149)',
        '\tat com.datastax.oss.driver.internal.core.cql.CqlRequestSyncProcessor.process(CqlRequestSyncProcessor.java:53)',
        '\tat com.acme.telemetry.ingest.CassandraSink.writeBatch(CassandraSink.java:112)',
        '\tat com.acme.telemetry.ingest.SinkWriter.run(SinkWriter.java:67)',
      );
      if (attempt === 5) out.push(`${springTs(t - 0.01)}  WARN 1 --- [metrics-ingester] [  sink-writer-${i % 4}] c.a.telemetry.ingest.CassandraSink       : giving up on batch after 5 attempts: 500 samples sent to metrics.samples.dlq`);
      if (i % 3 === 2) out.push(`${springTs(t - 0.02)}  WARN 1 --- [metrics-ingester] [    lag-monitor] c.a.telemetry.ingest.LagMonitor          : consumer lag on metrics.samples is ${(180_000 + i * 97_000 + k * 13_000).toLocaleString('en-US').replace(/,/g, '')} records (alert threshold 100000)`);
    }
    return lines(...out);
  };
  const cassLog = (i: number): string => {
    const out: string[] = [
      `INFO  [main] ${cassTime(62 * DAYS - i * 9 - 1)} StorageService.java:3139 - Node /10.0.120.${44 + i * 60}:7000 state jump to NORMAL`,
      `WARN  [Native-Transport-Requests-${3 + i}] ${cassTime(3 * HOURS)} NoSpamLogger.java:108 - Batch for [telemetry.samples_by_series] is of size 24.318KiB, exceeding specified threshold of 5.000KiB by 19.318KiB.`,
      `WARN  [Native-Transport-Requests-${5 + i}] ${cassTime(65)} NoSpamLogger.java:108 - Batch for [telemetry.samples_by_series] is of size 25.102KiB, exceeding specified threshold of 5.000KiB by 20.102KiB.`,
      `INFO  [Service Thread] ${cassTime(47)} GCInspector.java:294 - G1 Young Generation GC in 208ms.  G1 Eden Space: 478150656 -> 0; G1 Old Gen: 1892734112 -> 1901273600; G1 Survivor Space: 41943040 -> 46137344;`,
    ];
    for (let j = 0; j < 8; j++) {
      const t = 22.8 - j * 2.7 - i * 0.4;
      const kib = 238 + ((j * 37 + i * 11) % 26) + ((j * 131 + i * 17) % 1000) / 1000;
      out.push(`ERROR [Native-Transport-Requests-${1 + ((j + i) % 16)}] ${cassTime(t)} BatchStatement.java:308 - Batch for [telemetry.samples_by_series] is of size ${kib.toFixed(3)}KiB, exceeding specified threshold of 50.000KiB by ${(kib - 50).toFixed(3)}KiB. (see batch_size_fail_threshold)`);
      if (j % 3 === 0) out.push(`WARN  [Native-Transport-Requests-${2 + j}] ${cassTime(t - 0.01)} NoSpamLogger.java:108 - Unlogged batch covering 44 partitions detected against table [telemetry.samples_by_series]. You should use a logged batch for atomicity, or asynchronous writes for performance.`);
    }
    out.push(`INFO  [CompactionExecutor:${7 + i}] ${cassTime(2.5)} CompactionTask.java:254 - Compacted (8f2d1a40-a7b1-11ef-9c3e-2b1f${i}7d4e6a01) 4 sstables to [/var/lib/cassandra/data/telemetry/samples_by_series-3c1b7d20a0a111ee8f7e4d1c2b3a4f5e/nb-88${i}14-big,] to level=0.  1.204GiB to 1.197GiB (~99% of original) in 41,883ms.`);
    return lines(...out);
  };
  return {
    id: 'heldout42-cassandra-batch-too-large-after-configmap-edit',
    class: 'config',
    truth: 'Someone edited the metrics-ingester-config ConfigMap 25 minutes ago, raising INGEST_BATCH_SIZE from 50 to 500, and ran `kubectl rollout restart` (revision 15, same image 2.8.3) so the ingester picked it up. Each batch is now about 240 KiB, over Cassandra\'s batch_size_fail_threshold (50 KiB), so Cassandra rejects every write batch with InvalidQueryException "Batch too large"; the ingester retries, dead-letters the samples and its Kafka lag grows. Cassandra itself is healthy (the 5 KiB warnings are months old). Fix: set INGEST_BATCH_SIZE back to 50 and restart the ingester; a Deployment rollback would not help, since the value lives in the ConfigMap.',
    ask: { service: 'metrics-ingester', namespace: ns },
    objects: [
      ...nodes, ...ingester.objects, ...cass.objects, ...claims, ...other.objects, cm,
      ...exposed({ namespace: ns, name: 'metrics-ingester', selector: { app: 'metrics-ingester' }, pods: ingester.pods }),
      ...exposed({ namespace: ns, name: 'cassandra', selector: { app: 'cassandra' }, headless: true, ports: [{ name: 'cql', port: 9042, targetPort: 'cql' }], pods: cass.pods, endpointPort: 9042 }),
      ...exposed({ namespace: ns, name: 'metrics-query', selector: { app: 'metrics-query' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(ingester), rsOf(ingester, 15), 1, 0, 24),
      scaledReplicaSet(deploymentOf(ingester), rsOf(ingester, 14), 2, 3, 23.1),
      scaledReplicaSet(deploymentOf(ingester), rsOf(ingester, 15), 2, 1, 23.1),
      scaledReplicaSet(deploymentOf(ingester), rsOf(ingester, 14), 1, 2, 22.2),
      scaledReplicaSet(deploymentOf(ingester), rsOf(ingester, 15), 3, 2, 22.2),
      scaledReplicaSet(deploymentOf(ingester), rsOf(ingester, 14), 0, 1, 21.6),
      ...ingester.pods.flatMap((p, k) => startedNormally(p, 'app', image, 24 - k * 0.9)),
    ],
    logs: [
      ...ingester.pods.map((p, k) => logsFor(p, 'app', { current: ingLog(k) })),
      ...cass.pods.map((p, i) => logsFor(p, 'cassandra', { current: cassLog(i) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/batch too large|batch_size_fail_threshold|batch size/i, /INGEST_BATCH_SIZE|metrics-ingester-config|ConfigMap/i],
      facts: [/cassandra/i, /\b500\b/, /InvalidQueryException|Batch too large|batch_size_fail_threshold/],
      never: [/\bOOM/, /roll(ing)? ?back to|rollout undo|undo the rollout/i, /cassandra-\d[^\n]*(down|crash|unhealthy|not ready)/i],
    },
  };
}

// ---- 6. MongoDB transactions against a standalone mongod ---------------------------------------

function mongoTransactionsOnStandalone(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.150', ['35', '102', '219']);
  const mongoImage = 'docker.io/library/mongo:7.0.14';
  const mongoContainer = (args: string[], mounts: k8s.V1VolumeMount[] = []) => container({
    name: 'mongod', image: mongoImage, args, ports: [{ name: 'mongodb', containerPort: 27017 }], cpu: '1', memory: '4Gi',
    readiness: execProbe(['mongosh', '--quiet', '--eval', 'db.adminCommand({ ping: 1 }).ok'], { periodSeconds: 10, timeoutSeconds: 5 }),
    liveness: tcpProbe('mongodb', { initialDelaySeconds: 30 }),
    volumeMounts: [{ name: 'data', mountPath: '/data/db' }, ...mounts],
  });
  const rs = statefulSetApp({
    namespace: ns,
    name: 'mongo-rs',
    replicas: 3,
    serviceName: 'mongo-rs',
    createdAgo: 500 * DAYS,
    revisions: [{ revision: 4, createdAgo: 88 * DAYS, template: { containers: [mongoContainer(['--replSet', 'rs0', '--bind_ip_all', '--keyFile', '/etc/mongo-keyfile/keyfile'], [{ name: 'keyfile', mountPath: '/etc/mongo-keyfile', readOnly: true }])], volumes: [{ name: 'keyfile', secret: { secretName: 'mongo-rs-keyfile', defaultMode: 0o400 } }] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClass: 'gp3' }],
    pods: [0, 1, 2].map((i) => ({ revision: 4, ordinal: i, node: names[i] ?? '', createdAgo: 88 * DAYS - i * 6 })),
  });
  const standalone = statefulSetApp({
    namespace: ns,
    name: 'mongo-invoices',
    replicas: 1,
    serviceName: 'mongo-invoices',
    createdAgo: 3 * DAYS,
    revisions: [{ revision: 1, createdAgo: 3 * DAYS, template: { containers: [mongoContainer(['--bind_ip_all', '--wiredTigerCacheSizeGB', '1.5'])] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [{ revision: 1, ordinal: 0, node: names[1] ?? '', createdAgo: 3 * DAYS }],
  });
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const claims = [
    ...[0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-mongo-rs-${i}`, storage: '200Gi', zone: zones[i] ?? 'eu-west-1a', createdAgo: 500 * DAYS, labels: { app: 'mongo-rs' } })),
    ...boundClaim({ namespace: ns, name: 'data-mongo-invoices-0', storage: '100Gi', zone: 'eu-west-1b', createdAgo: 3 * DAYS, labels: { app: 'mongo-invoices' } }),
  ];
  const image = `${ECR}/billing/invoice-service:1.42.0`;
  const rsUri = 'mongodb://mongo-rs-0.mongo-rs.billing.svc.cluster.local:27017,mongo-rs-1.mongo-rs.billing.svc.cluster.local:27017,mongo-rs-2.mongo-rs.billing.svc.cluster.local:27017/invoices?replicaSet=rs0&authSource=admin';
  const newUri = 'mongodb://mongo-invoices-0.mongo-invoices.billing.svc.cluster.local:27017/invoices?authSource=admin';
  const tpl = (uri: string) => ({
    containers: [container({
      image, ports: [3000], cpu: '300m', memory: '512Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'MONGODB_URI', value: uri },
        { name: 'MONGODB_USERNAME', valueFrom: { secretKeyRef: { name: 'invoice-service-mongo', key: 'username' } } },
        { name: 'MONGODB_PASSWORD', valueFrom: { secretKeyRef: { name: 'invoice-service-mongo', key: 'password' } } },
        { name: 'PDF_RENDERER_URL', value: 'http://pdf-renderer.documents.svc.cluster.local' },
      ],
      readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/health/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-service',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 5 * DAYS, changeCause: 'argocd: sync billing-apps@9e04b7a', template: tpl(rsUri) },
      { revision: 27, createdAgo: 17, changeCause: 'argocd: sync billing-apps@4f2c91e', template: tpl(newUri) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 17 - k * 0.7 })),
    settled: { available: true, availableSince: 5 * DAYS, progressingSince: 17, progressingUpdatedAgo: 15.5 },
  });
  const webhooks = bystander(ns, 'payment-webhooks', names, 6 * DAYS, { revisions: [12, 13], versions: ['2.0.7', '2.0.8'], olderAgo: 40 * DAYS });
  const invoices = ['INV-2026-118842', 'INV-2026-118857', 'INV-2026-118861', 'INV-2026-118870', 'INV-2026-118893', 'INV-2026-118901'];
  const appLog = (k: number, p: k8s.V1Pod): string => {
    const host = nameOf(p);
    const base = (t: number, level: number) => `"level":${level},"time":${epochMs(t)},"pid":1,"hostname":"${host}"`;
    const start = 16.8 - k * 0.7;
    const out: string[] = [
      `{${base(start, 30)},"msg":"invoice-service 1.42.0 starting","node":"v20.18.1"}`,
      `{${base(start - 0.02, 30)},"db":"invoices","topology":"Single","servers":["mongo-invoices-0.mongo-invoices.billing.svc.cluster.local:27017"],"msg":"connected to MongoDB"}`,
      `{${base(start - 0.03, 30)},"msg":"Server listening at http://0.0.0.0:3000"}`,
    ];
    for (let i = 0; i < 9; i++) {
      const t = start - 1 - i * 1.6;
      const inv = pick(invoices, i + k);
      out.push(`{${base(t + 0.3, 30)},"reqId":"req-${k}${i}a","req":{"method":"GET","url":"/v1/invoices/${inv}"},"res":{"statusCode":200},"responseTime":${7 + i},"msg":"request completed"}`);
      out.push(`{${base(t, 50)},"reqId":"req-${k}${i}f","invoiceId":"${inv}","err":{"type":"MongoServerError","message":"Transaction numbers are only allowed on a replica set member or mongos","stack":"MongoServerError: Transaction numbers are only allowed on a replica set member or mongos\\n    at Connection.sendCommand (/app/node_modules/mongodb/lib/cmap/connection.js:297:27)\\n    at async Connection.command (/app/node_modules/mongodb/lib/cmap/connection.js:325:26)\\n    at async FindAndModifyOperation.executeCommand (/app/node_modules/mongodb/lib/operations/command.js:69:16)\\n    at async finalizeInvoice (/app/dist/invoices/finalize.js:41:9)","errorLabelSet":{},"errorResponse":{"ok":0,"errmsg":"Transaction numbers are only allowed on a replica set member or mongos","code":20,"codeName":"IllegalOperation"},"ok":0,"code":20,"codeName":"IllegalOperation"},"msg":"finalize invoice failed"}`);
      out.push(`{${base(t - 0.001, 30)},"reqId":"req-${k}${i}f","req":{"method":"POST","url":"/v1/invoices/${inv}/finalize"},"res":{"statusCode":500},"responseTime":${11 + i},"msg":"request completed"}`);
    }
    return lines(...out);
  };
  const mongoTs = (t: number) => `{"$date":"${at(t).replace('Z', '+00:00')}"}`;
  const standaloneLog = lines(
    `{"t":${mongoTs(3 * DAYS - 0.5)},"s":"I","c":"CONTROL","id":23403,"ctx":"initandlisten","msg":"Build Info","attr":{"buildInfo":{"version":"7.0.14","gitVersion":"ce59cfc6a3c5e5c067dca0d30697edd68d4f5188"}}}`,
    `{"t":${mongoTs(3 * DAYS - 0.5)},"s":"I","c":"NETWORK","id":23016,"ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}`,
    ...[0, 1, 2, 3].map((i) => `{"t":${mongoTs(16.8 - i * 0.7)},"s":"I","c":"NETWORK","id":22943,"ctx":"listener","msg":"Connection accepted","attr":{"remote":"10.0.${7 + i}.${31 + i}:${51234 + i}","uuid":{"uuid":{"$uuid":"3b9e2c1a-7d4f-4e8b-9a1c-0f5e6d7c8b${String(10 + i)}"}},"connectionId":${812 + i},"connectionCount":${24 + i}}}`),
    `{"t":${mongoTs(4.2)},"s":"I","c":"WTCHKPT","id":22430,"ctx":"Checkpointer","msg":"WiredTiger message","attr":{"message":{"ts_sec":${Math.floor(epochMs(4.2) / 1000)},"ts_usec":0,"thread":"1:0x7f3a","session_name":"WT_SESSION.checkpoint","category":"WT_VERB_CHECKPOINT_PROGRESS","category_id":6,"verbose_level":"DEBUG_1","verbose_level_id":1,"msg":"saving checkpoint snapshot min: 41822, snapshot max: 41822 snapshot count: 0, oldest timestamp: (0, 0) , meta checkpoint timestamp: (0, 0) base write gen: 1"}}}`,
  );
  return {
    id: 'heldout42-mongo-transactions-on-standalone',
    class: 'config',
    truth: 'invoice-service revision 27 (17 minutes ago, same image 1.42.0) changed MONGODB_URI from the rs0 replica set (mongo-rs) to the new dedicated mongo-invoices instance, which runs as a standalone mongod (no --replSet). Reads work, but invoice finalization runs in a multi-document transaction, and a standalone refuses it: "Transaction numbers are only allowed on a replica set member or mongos" (code 20, IllegalOperation), so every POST /finalize returns 500. Fix: roll back to revision 26 (the replica-set URI), then run mongo-invoices as a (single-member) replica set before moving to it.',
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...rs.objects, ...standalone.objects, ...claims, ...webhooks.objects,
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'mongo-rs', selector: { app: 'mongo-rs' }, headless: true, ports: [{ name: 'mongodb', port: 27017, targetPort: 'mongodb' }], pods: rs.pods, endpointPort: 27017 }),
      ...exposed({ namespace: ns, name: 'mongo-invoices', selector: { app: 'mongo-invoices' }, headless: true, ports: [{ name: 'mongodb', port: 27017, targetPort: 'mongodb' }], pods: standalone.pods, endpointPort: 27017 }),
      ...exposed({ namespace: ns, name: 'payment-webhooks', selector: { app: 'payment-webhooks' }, pods: webhooks.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 1, 0, 17),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 2, 3, 16.3),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 2, 1, 16.3),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 1, 2, 15.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 27), 3, 2, 15.6),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 26), 0, 1, 15.5),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image, 17 - k * 0.7)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k, p) })),
      logsFor(podOf(standalone, 0), 'mongod', { current: standaloneLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/transaction numbers|replica set|standalone|IllegalOperation/i, /MONGODB_URI|mongo-invoices|revision 27/i],
      facts: [/IllegalOperation|code 20|Transaction numbers are only allowed/, /--replSet|replica ?set|rs0/i, lit('mongo-invoices')],
      never: [/\bOOM/, /mongo-invoices[^\n]*(down|crash|unreachable|not ready|refus)/i, /auth(entication)? fail/i],
    },
  };
}

// ---- 7. healthy: a card authorizer that logs every issuer decline at ERROR ------------------------

function healthyDeclinesLoggedAsErrors(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.210', ['27', '144', '83']);
  const image = (v: string) => `${ECR}/payments/payment-authorizer:${v}`;
  const tls = (path: string): k8s.V1Probe => ({ httpGet: { path, port: 'https', scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 });
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [{ name: 'https', containerPort: 8443 }, { name: 'metrics', containerPort: 9102 }], cpu: '500m', memory: '384Mi',
      env: [
        { name: 'PSP_ENDPOINT', value: 'https://pal-live.adyen.com/pal/servlet/Payment/v68' },
        { name: 'PSP_TIMEOUT', value: '4s' },
        { name: 'GOMEMLIMIT', value: '340MiB' },
      ],
      readiness: { ...tls('/readyz'), periodSeconds: 5 }, liveness: { ...tls('/livez'), initialDelaySeconds: 5 },
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'payment-authorizer',
    replicas: 4,
    revisions: [
      { revision: 62, createdAgo: 20 * DAYS, changeCause: 'argocd: payment-authorizer 7.3.1', template: tpl('7.3.1') },
      { revision: 63, createdAgo: 6 * DAYS, changeCause: 'argocd: payment-authorizer 7.3.2', template: tpl('7.3.2') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 63, node: names[k % 3] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const ledger = bystander(ns, 'payment-ledger', names, 9 * DAYS, { revisions: [88, 89], versions: ['5.1.0', '5.1.1'], olderAgo: 24 * DAYS });
  const declines = [
    { code: '51', reason: 'Not enough balance', refusal: 'insufficient_funds' },
    { code: '05', reason: 'Refused', refusal: 'do_not_honor' },
    { code: '54', reason: 'Expired Card', refusal: 'expired_card' },
    { code: '14', reason: 'Invalid Card Number', refusal: 'invalid_card' },
    { code: '61', reason: 'Withdrawal amount exceeded', refusal: 'limit_exceeded' },
  ];
  const merchants = ['acme-shop-eu', 'acme-shop-uk', 'acme-travel', 'acme-subscriptions'];
  const schemes = ['visa', 'mc', 'amex', 'visa', 'mc'];
  const authLog = (k: number): string => {
    const out: string[] = [
      `{"time":"${at(6 * DAYS - k - 0.2)}","level":"INFO","msg":"payment-authorizer starting","version":"7.3.2","commit":"d19a4e2"}`,
      `{"time":"${at(6 * DAYS - k - 0.2)}","level":"INFO","msg":"psp client ready","endpoint":"https://pal-live.adyen.com/pal/servlet/Payment/v68","timeout":"4s"}`,
    ];
    for (let i = 0; i < 24; i++) {
      const t = 14 - i * 0.55 - k * 0.07;
      const m = pick(merchants, i + k);
      const ref = `pa_${(9_120_000 + i * 37 + k * 1_000).toString(36)}`;
      if (i % 12 === 5) {
        const d = pick(declines, i + k * 2);
        out.push(`{"time":"${at(t)}","level":"ERROR","msg":"authorization declined by issuer","payment_ref":"${ref}","merchant":"${m}","scheme":"${pick(schemes, i)}","psp_result":"Refused","refusal_reason":"${d.reason}","refusal_code":"${d.code}","decline":"${d.refusal}","latency_ms":${190 + i * 9}}`);
        out.push(`{"time":"${at(t - 0.001)}","level":"INFO","msg":"http request","method":"POST","path":"/v1/authorizations","status":200,"decision":"declined","duration_ms":${196 + i * 9}}`);
      } else {
        out.push(`{"time":"${at(t)}","level":"INFO","msg":"http request","method":"POST","path":"/v1/authorizations","status":200,"decision":"approved","duration_ms":${160 + ((i * 13 + k * 7) % 90)}}`);
      }
    }
    out.push(`{"time":"${at(1.2 - k * 0.1)}","level":"INFO","msg":"authorization stats (5m)","approved":${1840 + k * 23},"declined":${71 + k * 3},"psp_errors":0,"p99_ms":${412 + k * 9}}`);
    return lines(...out);
  };
  return {
    id: 'heldout42-healthy-issuer-declines-logged-as-errors',
    class: 'healthy',
    truth: 'payment-authorizer is healthy: four pods of revision 63 (6 days old) ready on three nodes with no restarts and no warnings. Its logs carry a steady stream of ERROR lines, but each is an issuer decline (insufficient funds, do not honor, expired card) the service logs at error level while answering 200 with decision "declined"; about 4% of authorizations, its normal decline rate, with zero PSP errors.',
    ask: { service: 'payment-authorizer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...ledger.objects,
      ...exposed({ namespace: ns, name: 'payment-authorizer', selector: { app: 'payment-authorizer' }, ports: [{ name: 'https', port: 443, targetPort: 'https' }], pods: app.pods, endpointPort: 8443 }),
      ...exposed({ namespace: ns, name: 'payment-ledger', selector: { app: 'payment-ledger' }, pods: ledger.pods }),
      service({ namespace: ns, name: 'payment-authorizer-metrics', selector: { app: 'payment-authorizer' }, ports: [{ name: 'metrics', port: 9102, targetPort: 'metrics' }] }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: authLog(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue|fault)s?|nothing (wrong|failing)|all clear|running normally|all (4|four)[^\n]*ready/i],
      facts: [/payment-authorizer/, /4\/4|4 of 4|all (4|four)|(4|four) (pods|replicas)/i],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  grpcMethodMissingServerRolloutStuck(),
  sqliteLockedAfterScaleToTwo(),
  distrolessBaseMissingUser(),
  entraClientSecretExpired(),
  cassandraBatchTooLarge(),
  mongoTransactionsOnStandalone(),
  healthyDeclinesLoggedAsErrors(),
];
