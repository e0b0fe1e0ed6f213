// Held-out stories, thirty-fourth round, part two: an in-cluster memcached started with `-m 64`
// that a release filled with ~400 KB product documents, so sets fail with "SERVER_ERROR out of
// memory storing object" and the API falls through to Postgres; an nginx gateway that resolved an
// upstream Service's name once at startup and keeps dialing its old clusterIP after the Service
// was deleted and recreated; a Job with parallelism 4 whose pods all mount one ReadWriteOnce EBS
// claim, so three sit in ContainerCreating on Multi-Attach errors; a Postgres StatefulSet whose
// Helm reinstall deleted its claim and volume (reclaimPolicy Delete), so postgres ran initdb on a
// fresh volume and the app finds no "orders" table; a ReplicaSet orphaned by `kubectl delete
// deployment --cascade=orphan` (to change the immutable selector) still serving the old API to
// a third of requests; (probes) a Spring Boot service whose CPU limit a right-sizing change cut
// to 500m, so startup now outlasts its 120-second startup probe and the kubelet kills every new
// pod; and a healthy control: a Postgres StatefulSet during its nightly pg_basebackup with
// "checkpoints are occurring too frequently" hints.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, clfTime, configMap, container, crashLoop, cronJob, deploymentApp, event,
  execProbe, exposed, httpProbe, job, jobEvent, nameOf, node, probeFailed, probeKilling, pyTime,
  restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, endpointSliceFor, startedNormally, statefulSetApp,
  tcpProbe, volumeOf, waiting, ago, boundClaim, replicaSetOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');

// ---- 1. memcached `-m 64` full of large items after a release ---------------------------------------

function memcachedOutOfMemory(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeEksNodes('10.0.72', ['18', '133', '201']);
  const cacheImage = 'docker.io/library/memcached:1.6.29-alpine';
  const cache = deploymentApp({
    namespace: ns,
    name: 'catalog-cache',
    replicas: 1,
    revisions: [
      {
        revision: 3,
        createdAgo: 41 * DAYS,
        template: {
          containers: [container({
            name: 'memcached', image: cacheImage, command: ['memcached'], args: ['-m', '64', '-c', '1024', '-I', '1m', '-t', '4', '-o', 'modern'],
            ports: [{ name: 'memcache', containerPort: 11211 }], cpu: '100m', memory: '96Mi',
            readiness: tcpProbe('memcache', { periodSeconds: 5 }), liveness: tcpProbe('memcache', { initialDelaySeconds: 10 }),
            securityContext: { runAsUser: 11211, runAsNonRoot: true, allowPrivilegeEscalation: false },
          })],
        },
      },
    ],
    pods: [{ revision: 3, node: names[2] ?? '', createdAgo: 19 * DAYS }],
  });
  const apiImage = (v: string) => `${ECR}/catalog/catalog-api:${v}`;
  const apiTpl = (v: string) => ({
    containers: [container({
      image: apiImage(v), ports: [8080], cpu: '500m', memory: '768Mi',
      env: [
        { name: 'MEMCACHED_ADDR', value: 'catalog-cache.catalog.svc.cluster.local:11211' },
        { name: 'CACHE_TTL', value: '15m' },
        { name: 'DATABASE_URL', value: 'postgres://catalog_app@catalog-db.cluster-c7x2kq9r1m.eu-west-1.rds.amazonaws.com:5432/catalog?sslmode=require' },
        { name: 'DB_MAX_CONNS', value: '20' },
      ],
      readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }),
      liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 15 }),
    })],
  });
  const api = deploymentApp({
    namespace: ns,
    name: 'catalog-api',
    replicas: 4,
    revisions: [
      { revision: 30, createdAgo: 8 * DAYS, changeCause: 'argocd: catalog-api 4.11.3', template: apiTpl('4.11.3') },
      { revision: 31, createdAgo: 3 * HOURS + 20, changeCause: 'argocd: catalog-api 4.12.0', template: apiTpl('4.12.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 31, node: names[k % 3] ?? '', createdAgo: 3 * HOURS + 19 - k })),
    settled: { available: true, availableSince: 3 * HOURS + 15, progressingSince: 3 * HOURS + 20, progressingUpdatedAgo: 3 * HOURS + 15 },
  });
  const other = bystander(ns, 'catalog-search-indexer', names, 52, { revisions: [7, 8], versions: ['2.3.1', '2.4.0'], olderAgo: 16 * DAYS });
  const cachePod = podOf(cache, 0);
  const skus = ['SKU-88213-BLK', 'SKU-10452-M', 'SKU-77310', 'SKU-23018-XL', 'SKU-55402', 'SKU-90117-RED', 'SKU-31876', 'SKU-64025-S'];
  const apiLog = (k: number) => {
    const out: string[] = [
      `{"level":"info","ts":"${at(3 * HOURS + 18 - k)}","caller":"cmd/main.go:88","msg":"starting catalog-api","version":"4.12.0","commit":"9f31c2e"}`,
      `{"level":"info","ts":"${at(3 * HOURS + 18 - k)}","caller":"cache/memcache.go:41","msg":"cache client ready","addr":"catalog-cache.catalog.svc.cluster.local:11211","max_idle":64}`,
      `{"level":"info","ts":"${at(3 * HOURS + 17.9 - k)}","caller":"http/server.go:52","msg":"listening","addr":":8080"}`,
    ];
    for (let i = 0; i < 16; i++) {
      const t = 9.5 - i * 0.6 - k * 0.05;
      const sku = skus[(i + k) % skus.length] ?? 'SKU-1';
      out.push(`{"level":"warn","ts":"${at(t)}","caller":"cache/memcache.go:97","msg":"cache set failed","key":"product:v2:${sku}:full","bytes":${388_000 + ((i * 7919 + k * 104729) % 90_000)},"error":"memcache: unexpected response line from \\"set\\": \\"SERVER_ERROR out of memory storing object\\\\r\\\\n\\""}`);
      if (i % 3 === 0) out.push(`{"level":"info","ts":"${at(t - 0.01)}","caller":"http/middleware.go:64","msg":"request","method":"GET","path":"/v2/products/${sku}","status":200,"duration_ms":${1100 + i * 97 + k * 31},"cache":"miss"}`);
      if (i % 5 === 2) out.push(`{"level":"warn","ts":"${at(t - 0.02)}","caller":"store/pg.go:133","msg":"slow query","query":"SELECT p.*, v.* FROM products p JOIN variants v ON v.product_id = p.id WHERE p.sku = $1","duration_ms":${840 + i * 61},"pool_acquire_wait_ms":${310 + i * 23},"pool_in_use":20,"pool_max":20}`);
    }
    out.push(`{"level":"info","ts":"${at(0.4)}","caller":"http/middleware.go:64","msg":"request","method":"GET","path":"/v2/categories/outerwear","status":200,"duration_ms":${38 + k},"cache":"hit"}`);
    return out.join('\n') + '\n';
  };
  // memcached runs without -v: it logs nothing.
  const cacheLog = '';
  return {
    id: 'heldout34-memcached-full-large-items',
    class: 'capacity',
    truth: 'catalog-api 4.12.0 (revision 31, rolled out 3h20m ago) started caching whole product documents with all variants (~390–480 KB each, up from ~6 KB) in the in-cluster memcached catalog-cache, which runs with `-m 64` (64 MB of item memory, 1 MB max item). The cache fills with a few hundred large items and sets fail with "SERVER_ERROR out of memory storing object"; the hit rate collapses, every request falls through to Postgres, the 20-connection pool saturates and latency rises to 1–2 s with occasional readiness timeouts. memcached itself is Running and ready. Fix: raise memcached\'s memory (-m and the container limit) or shrink/split the cached object (cache per-variant or compressed); rolling back to 4.11.3 also relieves it.',
    ask: { service: 'catalog-api', namespace: ns },
    objects: [
      ...nodes, ...cache.objects, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'catalog-cache', selector: { app: 'catalog-cache' }, pods: cache.pods, ports: [{ name: 'memcache', port: 11211, targetPort: 'memcache' }], endpointPort: 11211 }),
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'catalog-search-indexer', selector: { app: 'catalog-search-indexer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 8), 2, 0, 52),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 7), 0, 2, 50),
      probeFailed(podOf(api, 1), 'app', 'Readiness', `Get "http://${podOf(api, 1).status?.podIP ?? ''}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 4, firstAgo: 38, lastAgo: 6.2 }),
      probeFailed(podOf(api, 3), 'app', 'Readiness', `Get "http://${podOf(api, 3).status?.podIP ?? ''}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 21, lastAgo: 11 }),
    ],
    logs: [
      ...[0, 1, 2, 3].map((k) => logsFor(podOf(api, k), 'app', { current: apiLog(k) })),
      logsFor(cachePod, 'memcached', { current: cacheLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/memcache|catalog-cache|\bcache\b/i, /out of memory|full|memory|capacity|-m 64|64 ?MB?|evict|too (large|big)/i],
      facts: [/SERVER_ERROR out of memory storing object/i, /-m 64|64 ?M(i?B)?\b/i, /catalog-cache/, /4\.12\.0|revision 31|(larger|bigger|large) (cached )?(items|objects|values)|object size|\d{3} ?KB/i],
      never: [/\bOOM ?Kill|OOMKilled/i, /catalog-search-indexer/, /crash ?loop/i, /catalog-cache[^\n]*(not ready|unready|down|unavailable|crash)/i, /DNS/],
    },
  };
}

// ---- 2. nginx dialing a recreated Service's old clusterIP --------------------------------------------

function nginxStaleUpstreamIp(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.36', ['41', '157', '222']);
  const oldIp = '172.20.88.203';
  const newIp = '172.20.141.9';
  const nginxConf = [
    'worker_processes auto;',
    'events { worker_connections 4096; }',
    'http {',
    '  log_format main \'$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" rt=$request_time uct=$upstream_connect_time ua="$upstream_addr"\';',
    '  access_log /dev/stdout main;',
    '  error_log /dev/stderr warn;',
    '  proxy_connect_timeout 5s;',
    '  proxy_read_timeout 30s;',
    '  server {',
    '    listen 8080;',
    '    server_name shop.acme.io;',
    '    location = /nginx-health { access_log off; return 200 "ok"; }',
    '    location /api/orders/ {',
    '      proxy_pass http://orders-api.shop.svc.cluster.local:8080;',
    '      proxy_set_header Host $host;',
    '      proxy_set_header X-Request-ID $request_id;',
    '    }',
    '    location /api/catalog/ {',
    '      proxy_pass http://catalog-api.catalog.svc.cluster.local;',
    '    }',
    '    location / {',
    '      proxy_pass http://shop-web.shop.svc.cluster.local:3000;',
    '    }',
    '  }',
    '}',
  ].join('\n');
  const conf = configMap({ namespace: ns, name: 'shop-gateway-conf', createdAgo: 94 * DAYS, updatedAgo: 12 * DAYS, data: { 'nginx.conf': nginxConf } });
  const gwImage = 'docker.io/library/nginx:1.27.2-alpine';
  const gw = deploymentApp({
    namespace: ns,
    name: 'shop-gateway',
    replicas: 2,
    revisions: [{
      revision: 12, createdAgo: 12 * DAYS, changeCause: 'kubectl rollout restart',
      template: {
        containers: [container({ name: 'nginx', image: gwImage, ports: [8080], cpu: '200m', memory: '128Mi', readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080, { initialDelaySeconds: 5 }), volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf', readOnly: true }] })],
        volumes: [{ name: 'conf', configMap: { name: 'shop-gateway-conf', defaultMode: 420 } }],
      },
    }],
    pods: [{ revision: 12, node: names[0] ?? '', createdAgo: 3 * DAYS + 140 }, { revision: 12, node: names[1] ?? '', createdAgo: 3 * DAYS + 139 }],
  });
  const ordersImage = `${ECR}/shop/orders-api:5.2.1`;
  const orders = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [{ revision: 27, createdAgo: 6 * DAYS, changeCause: 'argocd: orders-api 5.2.1', template: { containers: [container({ image: ordersImage, ports: [8080], cpu: '500m', memory: '1Gi' })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const web = bystander(ns, 'shop-web', names, 40, { revisions: [63, 64], versions: ['2026.11.19-2', '2026.11.21-1'], olderAgo: 2 * DAYS });
  const ordersSvc = service({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, ports: [{ name: 'http', port: 8080, targetPort: 'http' }], createdAgo: 25, clusterIP: newIp });
  const paths = ['/api/orders/88123', '/api/orders?customer=c_51022&limit=20', '/api/orders/88140/items', '/api/orders/87711', '/api/orders', '/api/orders/88152/status'];
  const clients = ['10.0.12.7', '10.0.28.141', '10.0.44.90'];
  const errLog = (k: number) => {
    const out: string[] = [
      `/docker-entrypoint.sh: Configuration complete; ready for start up`,
      `${ngxTime(3 * DAYS + 139 - k)} [notice] 1#1: using the "epoll" event method`,
      `${ngxTime(3 * DAYS + 139 - k)} [notice] 1#1: nginx/1.27.2`,
      `${ngxTime(3 * DAYS + 139 - k)} [notice] 1#1: start worker processes`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 24 - i * 1.7 - k * 0.13;
      const p = paths[(i + k) % paths.length] ?? '/api/orders';
      const c = clients[(i + k) % clients.length] ?? '10.0.12.7';
      const conn = 1_840_211 + i * 311 + k * 97;
      out.push(i % 4 === 3
        ? `${ngxTime(t)} [error] ${23 + k}#${23 + k}: *${conn} connect() failed (110: Connection timed out) while connecting to upstream, client: ${c}, server: shop.acme.io, request: "GET ${p} HTTP/1.1", upstream: "http://${oldIp}:8080${p}", host: "shop.acme.io"`
        : `${ngxTime(t)} [error] ${23 + k}#${23 + k}: *${conn} upstream timed out (110: Connection timed out) while connecting to upstream, client: ${c}, server: shop.acme.io, request: "GET ${p} HTTP/1.1", upstream: "http://${oldIp}:8080${p}", host: "shop.acme.io"`);
      out.push(`${c} - - [${clfTime(t)}] "GET ${p} HTTP/1.1" ${i % 4 === 3 ? 502 : 504} 562 "https://shop.acme.io/account/orders" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15" rt=${i % 4 === 3 ? '3.012' : '5.001'} uct="-" ua="${oldIp}:8080"`);
      if (i % 3 === 1) out.push(`${c} - - [${clfTime(t - 0.05)}] "GET /products/rain-jacket-m HTTP/1.1" 200 48211 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)" rt=0.084 uct="0.001" ua="172.20.61.17:3000"`);
    }
    return out.join('\n') + '\n';
  };
  const ordersLog = (k: number) => lines(
    `time=${at(40 - k)} level=INFO msg="request" method=GET path=/api/orders/87002 status=200 dur_ms=${14 + k} src=10.0.44.12`,
    `time=${at(27 - k)} level=INFO msg="request" method=POST path=/api/orders status=201 dur_ms=${61 + k} src=10.0.44.12`,
    `time=${at(3 + k)} level=INFO msg="outbox relay" published=12 lag_ms=${80 + k * 11}`,
    `time=${at(0.5)} level=INFO msg="db pool" open=${8 + k} idle=${6 + k} wait_count=0`,
  );
  return {
    id: 'heldout34-nginx-stale-upstream-clusterip',
    class: 'network',
    truth: `The shop-gateway nginx proxies /api/orders/ with \`proxy_pass http://orders-api.shop.svc.cluster.local:8080;\` and no \`resolver\` directive, so nginx resolved the name once when it started 3 days ago (${oldIp}). 25 minutes ago the orders-api Service was deleted and recreated (kubectl replace --force while changing its ports), and it got a new clusterIP ${newIp}. nginx keeps dialing ${oldIp}, which no kube-proxy rule serves any more, so every /api/orders request times out while connecting to the upstream (504, some 502). The orders-api pods are healthy and serve direct traffic. Fix: reload/restart shop-gateway now; durably, add a resolver and proxy_pass through a variable (or point at a stable name such as the headless endpoints) so nginx re-resolves.`,
    ask: { service: 'shop-gateway', namespace: ns },
    objects: [
      ...nodes, conf, ...gw.objects, ...orders.objects, ...web.objects,
      ...exposed({ namespace: ns, name: 'shop-gateway', selector: { app: 'shop-gateway' }, pods: gw.pods, type: 'LoadBalancer', ports: [{ name: 'http', port: 80, targetPort: 'http' }] }),
      ordersSvc, endpointSliceFor(ordersSvc, orders.pods, 8080),
      ...exposed({ namespace: ns, name: 'shop-web', selector: { app: 'shop-web' }, pods: web.pods, ports: [{ name: 'http', port: 3000, targetPort: 'http' }], clusterIP: '172.20.61.17' }),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 64), 2, 0, 40),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 63), 0, 2, 38),
    ],
    logs: [
      ...[0, 1].map((k) => logsFor(podOf(gw, k), 'nginx', { current: errLog(k) })),
      ...[0, 1, 2].map((k) => logsFor(podOf(orders, k), 'app', { current: ordersLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/nginx|shop-gateway|proxy|gateway/i, /stale|old|cached|resolv|cluster ?IP|recreat|172\.20\.88\.203/i],
      facts: [lit(oldIp), /orders-api/, /recreat|deleted and (re-?)?created|new cluster ?IP|172\.20\.141\.9|created 25 min/i, /resolver|re-?resolv|reload|restart/i],
      never: [/NetworkPolicy/i, /orders-api[^\n]*(unhealthy|not ready|unready|crash|down\b)/i, /NXDOMAIN|SERVFAIL|CoreDNS/i, /shop-web/, /worker_connections/i],
    },
  };
}

// ---- 3. a parallel Job sharing one ReadWriteOnce claim: Multi-Attach --------------------------------

function jobMultiAttachRwo(): CorpusScenario {
  const ns = 'analytics';
  const zone = 'eu-west-1b';
  const batchNodes = ['10.0.81.14', '10.0.83.207', '10.0.85.66'].map((ip) => node({ name: eksNodeName(ip), zone, pool: 'batch-spot', instanceType: 'r6i.2xlarge', allocatable: { cpu: '7910m', 'ephemeral-storage': '95551679124', memory: '63221216Ki', pods: '58' }, createdAgo: 2 * DAYS, labels: { 'eks.amazonaws.com/capacityType': 'SPOT' } }));
  const names = batchNodes.map(nameOf);
  const general = threeEksNodes('10.0.90', ['12', '140', '231']);
  const claim = 'sessions-backfill-scratch';
  const volume = volumeOf(ns, claim);
  const [scratchPvc, scratchPv] = boundClaim({ namespace: ns, name: claim, storage: '200Gi', zone, createdAgo: 112 });
  const image = `${ECR}/analytics/sessions-backfill:1.9.2`;
  const c = batchContainer({
    name: 'backfill', image, cpu: '3', memory: '24Gi',
    command: ['python', '-m', 'backfill.sessions'],
    args: ['--from=2026-10-01', '--to=2026-11-20', '--shard-from-queue=sqs://sessions-backfill-shards', '--scratch=/scratch'],
    env: [{ name: 'AWS_REGION', value: 'eu-west-1' }, { name: 'SPARK_LOCAL_DIRS', value: '/scratch/tmp' }],
    volumeMounts: [{ name: 'scratch', mountPath: '/scratch' }],
  });
  const stuck = waiting('ContainerCreating');
  const bf = job({
    namespace: ns,
    name: 'sessions-backfill',
    template: { containers: [c], volumes: [{ name: 'scratch', persistentVolumeClaim: { claimName: claim } }], serviceAccountName: 'sessions-backfill', nodeSelector: { 'eks.amazonaws.com/nodegroup': 'batch-spot' } },
    parallelism: 4,
    completions: 16,
    backoffLimit: 4,
    activeDeadlineSeconds: 4 * 3600,
    createdAgo: 111,
    pods: [
      { node: names[0] ?? '', createdAgo: 111, phase: 'Succeeded', containers: { backfill: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(110.5), finishedAt: ago(74), containerID: 'containerd://5e0a9d1c44b2f0e8a7c3d9e6b1f24a8c0d7e3b5a9f1c6d2e8b4a7f0c3d5e9b1a' } }, ready: false, restartCount: 0, started: false } } },
      { node: names[1] ?? '', createdAgo: 111, phase: 'Pending', containers: { backfill: stuck } },
      { node: names[2] ?? '', createdAgo: 111, phase: 'Pending', containers: { backfill: stuck } },
      { node: names[1] ?? '', createdAgo: 111, phase: 'Pending', containers: { backfill: stuck } },
      { node: names[0] ?? '', createdAgo: 73.9, containers: { backfill: running({ sinceAgo: 73.5 }) } },
    ],
  });
  const jobObj = bf.objects[0] as k8s.V1Job;
  if (jobObj.status) { jobObj.status.ready = 1; jobObj.status.active = 4; }
  const first = podOf(bf, 0);
  const holder = podOf(bf, 4);
  const waiters = [1, 2, 3].map((i) => podOf(bf, i));
  const other = bystander(ns, 'events-ingest', general.names, 33, { revisions: [40, 41], versions: ['3.2.0', '3.2.1'], olderAgo: 9 * DAYS });
  const attachEvents = waiters.flatMap((p, i) => [
    scheduled(p, 111),
    event({ on: p, reason: 'FailedAttachVolume', message: `Multi-Attach error for volume "${volume}" Volume is already used by pod(s) ${nameOf(first)}`, count: 1, firstAgo: 110.9 - i * 0.02, lastAgo: 110.9 - i * 0.02, component: 'attachdetach-controller' }),
    event({ on: p, reason: 'FailedAttachVolume', message: `Multi-Attach error for volume "${volume}" Volume is already used by pod(s) ${nameOf(holder)}`, count: 1, firstAgo: 73.7 - i * 0.02, lastAgo: 73.7 - i * 0.02, component: 'attachdetach-controller' }),
    event({ on: p, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[scratch], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition', count: 49 - i, firstAgo: 109, lastAgo: 0.8 + i * 0.6 }),
  ]);
  const holderLog = lines(
    `${pyTime(73.4)} INFO backfill.sessions: worker sessions-backfill pod=${nameOf(holder)} scratch=/scratch (200G free 181G)`,
    `${pyTime(73.3)} INFO backfill.sessions: claimed shard 2026-10-05 from sqs://sessions-backfill-shards (receipt …a91f)`,
    `${pyTime(52.1)} INFO backfill.sessions: shard 2026-10-05 wrote 41,228,113 sessions to s3://acme-lake/sessions/dt=2026-10-05/ in 1271.4s`,
    `${pyTime(52.0)} INFO backfill.sessions: claimed shard 2026-10-06 from sqs://sessions-backfill-shards (receipt …0c2e)`,
    `${pyTime(30.7)} INFO backfill.sessions: shard 2026-10-06 wrote 39,870,554 sessions to s3://acme-lake/sessions/dt=2026-10-06/ in 1281.9s`,
    `${pyTime(30.6)} INFO backfill.sessions: claimed shard 2026-10-07 from sqs://sessions-backfill-shards (receipt …77d4)`,
    `${pyTime(4.2)} INFO backfill.sessions: progress shard=2026-10-07 rows=33,902,117 spill=/scratch/tmp 14.2G`,
  );
  return {
    id: 'heldout34-job-parallel-rwo-multi-attach',
    class: 'jobs',
    truth: `The sessions-backfill Job (parallelism 4, 16 completions, started 111 minutes ago) mounts one ReadWriteOnce EBS claim ${claim} (gp3, 200Gi) as scratch in every pod. An EBS volume attaches to one node at a time, so only the pod on ${names[0]} runs; the three pods the scheduler put on the other two batch nodes have been ContainerCreating for ~110 minutes with "Multi-Attach error … Volume is already used by pod(s)" and FailedMount timeouts. The Job runs one shard at a time (~21 min each): 1 of 16 done plus one in progress, far behind the planned ~90-minute run, and it will hit its 4-hour activeDeadlineSeconds. Fix: give each pod its own scratch (a generic ephemeral volume or emptyDir), or use a ReadWriteMany filesystem (EFS), or pin the Job to one node; then restart the Job.`,
    ask: { service: 'sessions-backfill', namespace: ns },
    objects: [
      ...batchNodes, ...general.nodes, scratchPvc, scratchPv, ...bf.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'events-ingest', selector: { app: 'events-ingest' }, pods: other.pods }),
      jobEvent(bf.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(first)}`, 111),
      ...waiters.map((p) => jobEvent(bf.objects[0], 'SuccessfulCreate', `Created pod: ${p.metadata?.name ?? ''}`, 111)),
      jobEvent(bf.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(holder)}`, 73.9),
      event({ on: { kind: 'PersistentVolumeClaim', name: claim, namespace: ns }, type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${volume}`, firstAgo: 111.5, lastAgo: 111.5, component: 'ebs.csi.aws.com_ebs-csi-controller-6d8f5c9b7d-x2k9p_1b7a1c1e-8f0e-4f0b-9c55-3d0f4c7a2b19' }),
      scheduled(first, 111),
      event({ on: first, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volume}" `, firstAgo: 110.8, lastAgo: 110.8, component: 'attachdetach-controller' }),
      event({ on: holder, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volume}" `, firstAgo: 73.85, lastAgo: 73.85, component: 'attachdetach-controller' }),
      ...startedNormally(holder, 'backfill', image, 73.8),
      ...attachEvents,
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 33),
      // Unrelated: a spot interruption warning on a general node, long handled.
      event({ on: { kind: 'Node', name: general.names[2] ?? '' }, type: 'Normal', reason: 'RegisteredNode', message: `Node ${general.names[2] ?? ''} event: Registered Node ${general.names[2] ?? ''} in Controller`, firstAgo: 58, lastAgo: 58, component: 'node-controller' }),
    ],
    logs: [
      logsFor(holder, 'backfill', { current: holderLog }),
      logsFor(first, 'backfill', { current: lines(`${pyTime(110.4)} INFO backfill.sessions: claimed shard 2026-10-04 from sqs://sessions-backfill-shards (receipt …5b10)`, `${pyTime(74.1)} INFO backfill.sessions: shard 2026-10-04 wrote 40,512,960 sessions to s3://acme-lake/sessions/dt=2026-10-04/ in 2142.0s`, `${pyTime(74.0)} INFO backfill.sessions: exiting after 1 shard(s)`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/multi-?attach|ReadWriteOnce|\bRWO\b|already (in use|used|attached)|attach/i, /sessions-backfill-scratch|volume|PVC|claim|EBS/i],
      facts: [/Multi-Attach/i, lit(claim), /parallelism|4 (parallel )?pods|3 pods|three pods/i, /ContainerCreating/i, /ReadWriteOnce|\bRWO\b|ReadWriteMany|\bRWX\b|EFS|emptyDir|ephemeral volume/i],
      never: [/Insufficient (cpu|memory)/i, /DeadlineExceeded|deadline (was )?exceeded/i, /\bOOM/, /image ?pull|ErrImagePull/i, /events-ingest/],
    },
  };
}

// ---- 4. Helm reinstall deleted the Postgres volume (reclaimPolicy Delete): initdb on empty disk ------

function postgresVolumeDeletedOnReinstall(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeEksNodes('10.0.52', ['23', '119', '240']);
  const pgImage = 'docker.io/bitnami/postgresql:16.4.0-debian-12-r14';
  const db = statefulSetApp({
    namespace: ns,
    name: 'orders-db-postgresql',
    replicas: 1,
    serviceName: 'orders-db-postgresql-hl',
    selector: { 'app.kubernetes.io/name': 'postgresql', 'app.kubernetes.io/instance': 'orders-db', 'app.kubernetes.io/component': 'primary' },
    revisions: [{
      revision: 1, createdAgo: 50,
      template: {
        containers: [container({
          name: 'postgresql', image: pgImage, ports: [{ name: 'tcp-postgresql', containerPort: 5432 }], cpu: '1', memory: '4Gi',
          env: [{ name: 'POSTGRESQL_PORT_NUMBER', value: '5432' }, { name: 'POSTGRES_DATABASE', value: 'orders' }, { name: 'POSTGRES_USER', value: 'orders_app' }, { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db-postgresql', key: 'password' } } }, { name: 'PGDATA', value: '/bitnami/postgresql/data' }],
          readiness: execProbe(['/bin/sh', '-c', '-e', 'exec pg_isready -U "orders_app" -d "dbname=orders" -h 127.0.0.1 -p 5432'], { periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6, initialDelaySeconds: 5 }),
          liveness: execProbe(['/bin/sh', '-c', 'exec pg_isready -U "orders_app" -d "dbname=orders" -h 127.0.0.1 -p 5432'], { periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6, initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/bitnami/postgresql' }],
        })],
        securityContext: { fsGroup: 1001 },
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi', storageClass: 'gp3' }],
    pods: [{ revision: 1, ordinal: 0, node: names[1] ?? '', createdAgo: 49.5 }],
    createdAgo: 50,
  });
  const claim = 'data-orders-db-postgresql-0';
  // The chart's primary.persistentVolumeClaimRetentionPolicy: the claim goes with the StatefulSet.
  const sts = db.objects[0] as k8s.V1StatefulSet;
  if (sts.spec) sts.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Delete', whenScaled: 'Retain' };
  if (sts.metadata) sts.metadata.labels = { ...sts.metadata.labels, 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'postgresql-15.5.38' };
  const [dataPvc, dataPv] = boundClaim({ namespace: ns, name: claim, storage: '100Gi', zone: 'eu-west-1b', createdAgo: 49.7, labels: { 'app.kubernetes.io/instance': 'orders-db', 'app.kubernetes.io/name': 'postgresql', 'app.kubernetes.io/component': 'primary' } });
  const dbPod = podOf(db, 0);
  const apiImage = `${ECR}/orders/orders-service:7.4.2`;
  const crash = crashLoop({ exitCode: 1, finishedAgo: 2.3, ranSeconds: 4 }, 13);
  const api = deploymentApp({
    namespace: ns,
    name: 'orders-service',
    replicas: 3,
    revisions: [{ revision: 58, createdAgo: 5 * DAYS, changeCause: 'argocd: orders-service 7.4.2', template: { containers: [container({ image: apiImage, ports: [8080], cpu: '500m', memory: '1Gi', env: [{ name: 'DB_HOST', value: 'orders-db-postgresql.orders.svc.cluster.local' }, { name: 'DB_NAME', value: 'orders' }, { name: 'DB_USER', value: 'orders_app' }] })] } }],
    pods: [
      { revision: 58, node: names[0] ?? '', createdAgo: 5 * DAYS, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.1, ranSeconds: 4 }, 14) } },
      { revision: 58, node: names[1] ?? '', createdAgo: 5 * DAYS - 1, containers: { app: crash } },
      { revision: 58, node: names[2] ?? '', createdAgo: 5 * DAYS - 2, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 3.9, ranSeconds: 5 }, 13) } },
    ],
  });
  const other = bystander(ns, 'orders-notifier', names, 95, { revisions: [21, 22], versions: ['1.6.0', '1.6.1'], olderAgo: 30 * DAYS });
  const pgLog = lines(
    `postgresql 02:24:33.12 INFO  ==> ** Starting PostgreSQL setup **`,
    `postgresql 02:24:33.19 INFO  ==> Validating settings in POSTGRESQL_* env vars..`,
    `postgresql 02:24:33.21 INFO  ==> Loading custom pre-init scripts...`,
    `postgresql 02:24:33.23 INFO  ==> Initializing PostgreSQL database...`,
    `postgresql 02:24:33.26 INFO  ==> pg_hba.conf file not detected. Generating it...`,
    `postgresql 02:24:33.27 INFO  ==> Generating local authentication configuration`,
    `postgresql 02:24:36.85 INFO  ==> Starting PostgreSQL in background...`,
    `postgresql 02:24:37.14 INFO  ==> Changing password of postgres`,
    `postgresql 02:24:37.16 INFO  ==> Creating user orders_app`,
    `postgresql 02:24:37.19 INFO  ==> Granting access to "orders_app" to the database "orders"`,
    `postgresql 02:24:37.25 INFO  ==> Setting ownership for the 'public' schema database "orders" to "orders_app"`,
    `postgresql 02:24:37.31 INFO  ==> Configuring replication parameters`,
    `postgresql 02:24:37.36 INFO  ==> Configuring fsync`,
    `postgresql 02:24:37.41 INFO  ==> Stopping PostgreSQL...`,
    `postgresql 02:24:38.52 INFO  ==> Loading custom scripts...`,
    `postgresql 02:24:38.53 INFO  ==> Enabling remote connections`,
    `postgresql 02:24:38.55 INFO  ==> ** PostgreSQL setup finished! **`,
    `postgresql 02:24:38.61 INFO  ==> ** Starting PostgreSQL **`,
    `${pgTime(49.25)} [1] LOG:  starting PostgreSQL 16.4 on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgTime(49.3)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${pgTime(49.3)} [94] LOG:  database system was shut down at ${pgTime(49.32).slice(0, 19)} UTC`,
    `${pgTime(49.3)} [1] LOG:  database system is ready to accept connections`,
    ...[46.1, 38.4, 29.2, 17.9, 9.3, 4.0, 2.3, 1.1].flatMap((t, i) => [
      `${pgTime(t)} [${2011 + i * 37}] ERROR:  relation "orders" does not exist at character 22`,
      `${pgTime(t)} [${2011 + i * 37}] STATEMENT:  SELECT count(*) FROM orders WHERE status = $1`,
    ]),
    `${pgTime(0.6)} [94] LOG:  checkpoint complete: wrote 3 buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.203 s, sync=0.002 s, total=0.214 s; sync files=2, longest=0.001 s, average=0.001 s; distance=11 kB, estimate=98 kB; lsn=0/1A3F0E8, redo lsn=0/1A3F0B0`,
  );
  const apiPrev = (k: number, t: number) => lines(
    `{"@timestamp":"${at(t + 0.07)}","level":"INFO","logger":"o.a.s.Main","message":"orders-service 7.4.2 starting (profile=prod)"}`,
    `{"@timestamp":"${at(t + 0.05)}","level":"INFO","logger":"c.z.h.HikariDataSource","message":"orders-pool - Start completed."}`,
    `{"@timestamp":"${at(t + 0.03)}","level":"INFO","logger":"o.a.s.SchemaCheck","message":"verifying schema version (expected >= 212)"}`,
    `{"@timestamp":"${at(t + 0.01)}","level":"ERROR","logger":"o.a.s.SchemaCheck","message":"schema check failed","exception":"org.postgresql.util.PSQLException: ERROR: relation \\"orders\\" does not exist\\n  Position: 22\\n\\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725)"}`,
    `{"@timestamp":"${at(t)}","level":"ERROR","logger":"o.a.s.Main","message":"refusing to start: database orders@orders-db-postgresql.orders.svc.cluster.local has no orders schema (pod ${k})"}`,
  );
  return {
    id: 'heldout34-postgres-pv-deleted-on-helm-reinstall',
    class: 'storage',
    truth: `50 minutes ago the orders-db Helm release (bitnami/postgresql) was uninstalled and reinstalled to fix a stuck upgrade. The chart sets persistentVolumeClaimRetentionPolicy whenDeleted: Delete, so deleting the StatefulSet deleted the claim ${claim}; its gp3 volume had persistentVolumeReclaimPolicy Delete, so the EBS CSI driver deleted the volume and all data with it. The reinstall created a new claim that bound a freshly provisioned, empty 100Gi volume; postgres ran initdb, created the empty "orders" database and user, and started healthy. orders-service now fails its startup schema check with 'relation "orders" does not exist' and crash-loops on all 3 pods. The data is gone from the cluster: restore from the latest backup/EBS snapshot (PITR), and set reclaimPolicy Retain on database volumes.`,
    ask: { service: 'orders-service', namespace: ns },
    objects: [
      ...nodes, ...db.objects, dataPvc, dataPv, ...api.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'orders-db-postgresql', selector: { 'app.kubernetes.io/name': 'postgresql', 'app.kubernetes.io/instance': 'orders-db', 'app.kubernetes.io/component': 'primary' }, pods: db.pods, ports: [{ name: 'tcp-postgresql', port: 5432, targetPort: 'tcp-postgresql' }], endpointPort: 5432, createdAgo: 50 }),
      ...exposed({ namespace: ns, name: 'orders-db-postgresql-hl', headless: true, selector: { 'app.kubernetes.io/name': 'postgresql', 'app.kubernetes.io/instance': 'orders-db', 'app.kubernetes.io/component': 'primary' }, pods: db.pods, ports: [{ name: 'tcp-postgresql', port: 5432, targetPort: 'tcp-postgresql' }], endpointPort: 5432, createdAgo: 50 }),
      ...exposed({ namespace: ns, name: 'orders-service', selector: { app: 'orders-service' }, pods: api.pods }),
      event({ on: { kind: 'StatefulSet', name: 'orders-db-postgresql', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `create Claim ${claim} Pod orders-db-postgresql-0 in StatefulSet orders-db-postgresql success`, firstAgo: 49.8, lastAgo: 49.8, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'orders-db-postgresql', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod orders-db-postgresql-0 in StatefulSet orders-db-postgresql successful', firstAgo: 49.8, lastAgo: 49.8, component: 'statefulset-controller' }),
      event({ on: dataPvc, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', firstAgo: 49.8, lastAgo: 49.8, component: 'persistentvolume-controller' }),
      event({ on: dataPvc, type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${ns}/${claim}"`, firstAgo: 49.7, lastAgo: 49.7, component: 'ebs.csi.aws.com_ebs-csi-controller-6d8f5c9b7d-x2k9p_1b7a1c1e-8f0e-4f0b-9c55-3d0f4c7a2b19' }),
      event({ on: dataPvc, type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${nameOf(dataPv)}`, firstAgo: 49.6, lastAgo: 49.6, component: 'ebs.csi.aws.com_ebs-csi-controller-6d8f5c9b7d-x2k9p_1b7a1c1e-8f0e-4f0b-9c55-3d0f4c7a2b19' }),
      scheduled(dbPod, 49.5),
      event({ on: dbPod, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${nameOf(dataPv)}" `, firstAgo: 49.4, lastAgo: 49.4, component: 'attachdetach-controller' }),
      ...restartedAgain(dbPod, 'postgresql', pgImage, { count: 1, firstAgo: 49.35, lastAgo: 49.35 }),
      ...api.pods.flatMap((p, i) => [
        backOff(p, 'app', { count: 190 - i * 7, firstAgo: 45, lastAgo: 0.4 + i * 0.3 }),
        ...restartedAgain(p, 'app', apiImage, { count: 13 + (i === 0 ? 1 : 0), firstAgo: 46, lastAgo: [1.2, 2.4, 4.0][i] ?? 1 }),
      ]),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 22), 2, 0, 95),
    ],
    logs: [
      logsFor(dbPod, 'postgresql', { current: pgLog }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiPrev(k, [1.1, 2.3, 3.9][k] ?? 1), previous: apiPrev(k, ([1.1, 2.3, 3.9][k] ?? 1) + 5) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/data (is |was )?(gone|lost|deleted|missing|wiped)|empty (database|volume|disk)|initdb|fresh (volume|database|disk)|new (empty )?volume|re-?initiali[sz]ed|relation "?orders"? does not exist/i, /orders-db|postgres|volume|\bPV\b|reclaim|claim|orders/i],
      facts: [/relation "orders" does not exist/, /reclaim ?policy[^\n]*Delete|Delete reclaim|reclaimPolicy/i, lit(claim), /50 min|helm|re-?install|re-?created/i, /backup|restore|snapshot|PITR/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /orders-notifier/, /Pending|unbound|not bound|ProvisioningFailed/i, /connection refused/i],
    },
  };
}

// ---- 5. an orphaned ReplicaSet still behind the Service serves the old API --------------------------

function orphanedReplicaSetOldVersion(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeEksNodes('10.0.60', ['9', '122', '247']);
  const image = (v: string) => `${ECR}/payments/ledger-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], cpu: '500m', memory: '768Mi', env: [{ name: 'LEDGER_DB', value: 'ledger-pg-rw.payments.svc.cluster.local' }] })] });
  // The new Deployment: selector changed (immutable), so it was deleted with --cascade=orphan and re-created.
  const current = deploymentApp({
    namespace: ns,
    name: 'ledger-api',
    replicas: 4,
    selector: { app: 'ledger-api', 'app.kubernetes.io/instance': 'ledger-api' },
    revisions: [{ revision: 1, createdAgo: 38, changeCause: 'kubectl apply --filename=deploy/ledger-api.yaml (ledger-api 3.8.0)', template: tpl('3.8.0') }],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 1, node: names[k % 3] ?? '', createdAgo: 38 - k * 0.3 })),
    createdAgo: 38,
  });
  // The old Deployment's last ReplicaSet (revision 14), its owner deleted with --cascade=orphan.
  const old = deploymentApp({
    namespace: ns,
    name: 'ledger-api',
    replicas: 2,
    revisions: [{ revision: 14, createdAgo: 6 * DAYS, changeCause: 'argocd: ledger-api 3.7.2', template: tpl('3.7.2') }],
    pods: [{ revision: 14, node: names[1] ?? '', createdAgo: 6 * DAYS }, { revision: 14, node: names[2] ?? '', createdAgo: 6 * DAYS - 1 }],
  });
  const oldRs = replicaSetOf(old, 14) as k8s.V1ReplicaSet;
  delete oldRs.metadata?.ownerReferences;
  const oldRsName = nameOf(oldRs);
  const all = [...current.pods, ...old.pods];
  const other = bystander(ns, 'payouts-worker', names, 22, { revisions: [88, 89], versions: ['6.1.4', '6.1.5'], olderAgo: 11 * DAYS });
  const holdIds = ['hld_9Qm2x', 'hld_4Rt7p', 'hld_8Kc1z', 'hld_2Vb6n', 'hld_7Lp3d'];
  const oldLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 12; i++) {
      const t = 30 - i * 2.4 - k * 0.2;
      const id = holdIds[(i + k) % holdIds.length] ?? 'hld_1';
      out.push(`{"ts":"${at(t)}","level":"info","svc":"ledger-api","ver":"3.7.2","msg":"http","method":"POST","path":"/v1/entries","status":201,"ms":${18 + i}}`);
      out.push(`{"ts":"${at(t - 0.02)}","level":"info","svc":"ledger-api","ver":"3.7.2","msg":"http","method":"${i % 2 === 0 ? 'POST' : 'GET'}","path":"/v2/holds${i % 2 === 0 ? '' : `/${id}`}","status":404,"ms":1}`);
    }
    return out.join('\n') + '\n';
  };
  const newLog = (k: number) => lines(
    `{"ts":"${at(37.5 - k * 0.3)}","level":"info","svc":"ledger-api","ver":"3.8.0","msg":"migrations up to date","schema":"0091_holds"}`,
    `{"ts":"${at(37.4 - k * 0.3)}","level":"info","svc":"ledger-api","ver":"3.8.0","msg":"listening","addr":":8080","routes":["/v1/entries","/v1/accounts","/v2/holds"]}`,
    `{"ts":"${at(12 - k)}","level":"info","svc":"ledger-api","ver":"3.8.0","msg":"http","method":"POST","path":"/v2/holds","status":201,"ms":${24 + k}}`,
    `{"ts":"${at(6 - k)}","level":"info","svc":"ledger-api","ver":"3.8.0","msg":"http","method":"GET","path":"/v2/holds/hld_9Qm2x","status":200,"ms":${7 + k}}`,
    `{"ts":"${at(0.5)}","level":"info","svc":"ledger-api","ver":"3.8.0","msg":"http","method":"POST","path":"/v1/entries","status":201,"ms":${19 + k}}`,
  );
  return {
    id: 'heldout34-orphaned-replicaset-old-version',
    class: 'rollout',
    truth: `To change ledger-api's immutable selector (adding app.kubernetes.io/instance), the team ran \`kubectl delete deployment ledger-api --cascade=orphan\` 38 minutes ago and re-created it with ledger-api 3.8.0. The old Deployment's ReplicaSet ${oldRsName} (3.7.2, 2 replicas) was left without an owner; the new Deployment's selector does not match it, so nothing adopts or scales it down, but its pods still carry app=ledger-api and the ledger-api Service (selector app=ledger-api) keeps sending them about a third of the traffic. 3.7.2 has no /v2/holds endpoint, so those requests get 404. The Deployment's own 4 pods are healthy. Fix: delete the orphaned ReplicaSet ${oldRsName} (and tighten the Service selector).`,
    ask: { service: 'ledger-api', namespace: ns },
    objects: [
      ...nodes, ...current.objects, oldRs, ...old.pods, ...other.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: all }),
      ...exposed({ namespace: ns, name: 'payouts-worker', selector: { app: 'payouts-worker' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(current), rsOf(current, 1), 4, 0, 38),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 89), 2, 0, 22),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 88), 0, 2, 21),
      ...current.pods.flatMap((p) => startedNormally(p, 'app', image('3.8.0'), 38)),
    ],
    logs: [
      ...old.pods.map((p, k) => logsFor(p, 'app', { current: oldLog(k) })),
      ...current.pods.map((p, k) => logsFor(p, 'app', { current: newLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/orphan|old ReplicaSet|leftover|stale ReplicaSet|not owned|no owner|without (an )?owner|unowned|old (pods|version)/i, /ledger-api|3\.7\.2|ReplicaSet|Service/i],
      facts: [lit(oldRsName), /3\.7\.2/, /404/, /selector|app=ledger-api|app: ledger-api/i, /cascade|orphan|ownerReference|owner/i],
      never: [ADVISES_ROLLBACK, /crash ?loop/i, /\bOOM/, /NetworkPolicy/i, /payouts-worker/],
    },
  };
}

// ---- 6. (probes) a CPU limit cut to 500m: Spring Boot startup outlasts the 120 s startup probe -------

function startupProbeCpuLimitCut(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.20', ['55', '171', '203']);
  const image = `${ECR}/billing/invoice-service:2.14.0`;
  const startup = httpProbe('/actuator/health/liveness', 8080, { periodSeconds: 10, failureThreshold: 12, timeoutSeconds: 2 });
  const tpl = (cpuLimit: string, cpu: string) => ({
    containers: [container({
      image, ports: [8080], cpu, cpuLimit, memory: '1536Mi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      startup,
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 5, timeoutSeconds: 2 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { periodSeconds: 10, timeoutSeconds: 2 }),
    })],
    terminationGracePeriodSeconds: 45,
  });
  const killed = (finishedAgo: number) => ({ exitCode: 143, reason: 'Error', finishedAgo, ranSeconds: 121 });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-service',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 44, createdAgo: 13 * DAYS, changeCause: 'argocd: invoice-service 2.14.0', template: tpl('2', '1') },
      { revision: 45, createdAgo: 41, changeCause: 'argocd: rightsizing PR #2291 (cpu request 1 -> 250m, limit 2 -> 500m)', template: tpl('500m', '250m') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 44, node: names[k] ?? '', createdAgo: 13 * DAYS - k * 2 })),
      { revision: 45, node: names[2] ?? '', createdAgo: 41, containers: { app: crashLoop(killed(3.1), 9) } },
    ],
  });
  const fresh = podOf(app, 3);
  const ip = fresh.status?.podIP ?? '';
  const other = bystander(ns, 'billing-webhooks', names, 18, { revisions: [30, 31], versions: ['1.12.0', '1.12.1'], olderAgo: 20 * DAYS });
  const t0 = 5.1;
  const sbLog = (base: number) => lines(
    `  .   ____          _            __ _ _`,
    ` /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\`,
    ` :: Spring Boot ::                (v3.3.5)`,
    `${at(base)}  INFO 1 --- [invoice-service] [           main] c.a.b.invoice.InvoiceServiceApplication  : Starting InvoiceServiceApplication v2.14.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)`,
    `${at(base - 0.01)}  INFO 1 --- [invoice-service] [           main] c.a.b.invoice.InvoiceServiceApplication  : The following 1 profile is active: "prod"`,
    `${at(base - 0.42)}  INFO 1 --- [invoice-service] [           main] .s.d.r.c.RepositoryConfigurationDelegate : Finished Spring Data repository scanning in 6412 ms. Found 37 JPA repository interfaces.`,
    `${at(base - 0.61)}  INFO 1 --- [invoice-service] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)`,
    `${at(base - 0.75)}  INFO 1 --- [invoice-service] [           main] com.zaxxer.hikari.HikariDataSource       : invoice-pool - Starting...`,
    `${at(base - 0.93)}  INFO 1 --- [invoice-service] [           main] com.zaxxer.hikari.HikariDataSource       : invoice-pool - Start completed.`,
    `${at(base - 1.05)}  INFO 1 --- [invoice-service] [           main] o.f.core.internal.command.DbValidate     : Successfully validated 118 migrations (execution time 00:04.211s)`,
    `${at(base - 1.38)}  INFO 1 --- [invoice-service] [           main] o.hibernate.orm.connections.pooling      : HHH10001005: Database info: PostgreSQL 15.8`,
    `${at(base - 1.71)}  INFO 1 --- [invoice-service] [           main] j.LocalContainerEntityManagerFactoryBean : Initialized JPA EntityManagerFactory for persistence unit 'default'`,
    `${at(base - 1.98)}  INFO 1 --- [invoice-service] [ionShutdownHook] o.s.b.w.e.tomcat.GracefulShutdown        : Commencing graceful shutdown. Waiting for active requests to complete`,
    `${at(base - 1.99)}  INFO 1 --- [invoice-service] [ionShutdownHook] j.LocalContainerEntityManagerFactoryBean : Closing JPA EntityManagerFactory for persistence unit 'default'`,
    `${at(base - 2.0)}  INFO 1 --- [invoice-service] [ionShutdownHook] com.zaxxer.hikari.HikariDataSource       : invoice-pool - Shutdown completed.`,
  );
  const oldLog = (k: number) => lines(
    `${at(20 - k)}  INFO 1 --- [invoice-service] [nio-8080-exec-${4 + k}] c.a.b.invoice.api.InvoiceController      : POST /v1/invoices tenant=t_${3810 + k} lines=14 200 in 41ms`,
    `${at(6 - k)}  INFO 1 --- [invoice-service] [   scheduling-1] c.a.b.invoice.dunning.DunningJob         : dunning run: 212 invoices checked, 9 reminders queued`,
    `${at(0.7)}  INFO 1 --- [invoice-service] [nio-8080-exec-${2 + k}] c.a.b.invoice.api.InvoiceController      : GET /v1/invoices/inv_88${k}21 200 in 9ms`,
  );
  return {
    id: 'heldout34-startup-probe-cpu-limit-cut',
    class: 'probes',
    truth: `Revision 45 of invoice-service (41 minutes ago, a right-sizing PR) cut the container's CPU limit from 2 to 500m (request 1 -> 250m) without touching the probes. Throttled to half a core, the Spring Boot 3 / Hibernate startup that took ~35 s now takes well over two minutes, while the startup probe allows only 12 x 10 s = 120 s: the kubelet kills the new pod at ~121 s (exit 143 after a graceful shutdown, 'Startup probe failed … connection refused'), 9 restarts and CrashLoopBackOff. The rollout is stuck (maxUnavailable 0) and the three revision-44 pods keep serving. Not OOM, not the app's code. Fix: restore the CPU limit (or at least 1500m) or give the startup probe a longer budget (failureThreshold 30).`,
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 45), 1, 0, 41),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 31), 2, 0, 18),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 30), 0, 2, 17),
      scheduled(fresh, 41),
      ...restartedAgain(fresh, 'app', image, { count: 10, firstAgo: 40.9, lastAgo: 5.12 }),
      probeFailed(fresh, 'app', 'Startup', `Get "http://${ip}:8080/actuator/health/liveness": dial tcp ${ip}:8080: connect: connection refused`, { count: 118, firstAgo: 40.6, lastAgo: 3.13 }),
      probeKilling(fresh, 'app', 'startup', { count: 9, firstAgo: 38.9, lastAgo: 3.12 }),
      backOff(fresh, 'app', { count: 31, firstAgo: 35, lastAgo: 0.6 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: sbLog(t0) }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: oldLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/startup probe|startup/i, /cpu|throttl|slow(er)? start|too short|500m|limit|120 ?s|failureThreshold/i],
      facts: [lit('500m'), /120 ?s|failureThreshold[^\n]*12|12 ?(x|×|\*) ?10|2 minutes/i, /revision 45|right-?sizing|PR #2291/i, /connection refused|Startup probe failed/i],
      never: [/\bOOM/, /liveness probe[^\n]*(port|wrong)/i, /image ?pull|ErrImagePull/i, /billing-webhooks/, /(missing|not found)[^\n]*(ConfigMap|Secret)/i],
    },
  };
}

// ---- 7. healthy: Postgres during its nightly pg_basebackup ------------------------------------------

function healthyPostgresNightlyBackup(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeEksNodes('10.0.112', ['30', '148', '219']);
  const pgImage = `${ECR}/platform/postgres-walg:16.4-3`;
  const sel = { app: 'ledger-pg' };
  const pgContainer = container({
    name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '2', memory: '8Gi', cpuLimit: '4',
    env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'WALG_S3_PREFIX', value: 's3://acme-pg-backups/ledger-pg' }, { name: 'ARCHIVE_MODE', value: 'on' }],
    readiness: execProbe(['pg_isready', '-h', '127.0.0.1', '-p', '5432', '-U', 'postgres'], { periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 }),
    liveness: execProbe(['pg_isready', '-h', '127.0.0.1', '-p', '5432', '-U', 'postgres'], { periodSeconds: 15, timeoutSeconds: 5, failureThreshold: 6, initialDelaySeconds: 30 }),
    volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
  });
  const db = statefulSetApp({
    namespace: ns,
    name: 'ledger-pg',
    replicas: 2,
    selector: sel,
    revisions: [{ revision: 6, createdAgo: 34 * DAYS, template: { containers: [pgContainer], terminationGracePeriodSeconds: 120 } }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [{ revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 34 * DAYS }, { revision: 6, ordinal: 1, node: names[1] ?? '', createdAgo: 34 * DAYS - 3 }],
    createdAgo: 210 * DAYS,
  });
  const claims = [0, 1].flatMap((i) => boundClaim({ namespace: ns, name: `data-ledger-pg-${i}`, storage: '500Gi', zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', createdAgo: 210 * DAYS - i }));
  const primary = podOf(db, 0);
  const replica = podOf(db, 1);
  const backupImage = pgImage;
  const backup = cronJob({
    namespace: ns,
    name: 'ledger-pg-basebackup',
    schedule: '30 2 * * *',
    template: { containers: [batchContainer({ name: 'basebackup', image: backupImage, cpu: '1', memory: '1Gi', command: ['/bin/bash', '-c'], args: ['set -o pipefail; pg_basebackup -h ledger-pg-0.ledger-pg -U replicator -D - -Ft -X none -P -v | zstd -T2 -3 | aws s3 cp - "s3://acme-pg-backups/ledger-pg/base/$(date +%F).tar.zst" --expected-size 450000000000'], env: [{ name: 'PGAPPNAME', value: 'pg_basebackup' }] })] },
    backoffLimit: 1,
    activeDeadlineSeconds: 3 * 3600,
    jobs: [
      { createdAgo: 2 * DAYS + 44, pods: [{ node: names[2] ?? '', createdAgo: 2 * DAYS + 44, phase: 'Succeeded', containers: { basebackup: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(2 * DAYS + 43.8), finishedAt: ago(2 * DAYS - 31), containerID: 'containerd://a1c0f7d2e9b84c36a5f1d0e7c2b9a4f6e3d8c1b7a0f5e2d9c4b6a3f8e1d7c0b2' } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: 2 * DAYS - 31 } },
      { createdAgo: DAYS + 44, pods: [{ node: names[2] ?? '', createdAgo: DAYS + 44, phase: 'Succeeded', containers: { basebackup: { state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(DAYS + 43.8), finishedAt: ago(DAYS - 29), containerID: 'containerd://b7e2d4c1a9f03e58b6d2c7a1f4e9b0d3c8a5f2e7b1d6c9a4f0e3b8d2c5a7f1e6' } }, ready: false, restartCount: 0, started: false } } }], outcome: { complete: true, ago: DAYS - 29 } },
      { createdAgo: 44, pods: [{ node: names[2] ?? '', createdAgo: 44, containers: { basebackup: running({ sinceAgo: 43.8 }) } }] },
    ],
    lastSuccessfulAgo: DAYS - 29,
  });
  const runJob = backup.jobs[2];
  const runPod = runJob?.pods[0];
  const runStatus = (runJob?.objects[0] as k8s.V1Job | undefined)?.status;
  if (runStatus) runStatus.ready = 1;
  const app = deploymentApp({
    namespace: ns,
    name: 'ledger-core',
    replicas: 3,
    revisions: [{ revision: 73, createdAgo: 4 * DAYS, changeCause: 'argocd: ledger-core 9.0.3', template: { containers: [container({ image: `${ECR}/ledger/ledger-core:9.0.3`, ports: [8080], cpu: '500m', memory: '1Gi', env: [{ name: 'PGHOST', value: 'ledger-pg-rw.ledger.svc.cluster.local' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 73, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
  });
  const rwSvc = service({ namespace: ns, name: 'ledger-pg-rw', selector: { ...sel, 'statefulset.kubernetes.io/pod-name': 'ledger-pg-0' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] });
  const roSvc = service({ namespace: ns, name: 'ledger-pg-ro', selector: { ...sel, 'statefulset.kubernetes.io/pod-name': 'ledger-pg-1' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] });
  const hl = service({ namespace: ns, name: 'ledger-pg', selector: sel, headless: true, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }] });
  const ckpt = (t: number, secs: number, buffers: number) => [
    `${pgTime(t)} [412] LOG:  checkpoints are occurring too frequently (${secs} seconds apart)`,
    `${pgTime(t)} [412] HINT:  Consider increasing the configuration parameter "max_wal_size".`,
    `${pgTime(t)} [412] LOG:  checkpoint starting: wal`,
    `${pgTime(t - 0.35)} [412] LOG:  checkpoint complete: wrote ${buffers} buffers (${(buffers / 1310.72).toFixed(1)}%); 0 WAL file(s) added, 0 removed, 33 recycled; write=19.884 s, sync=0.412 s, total=20.511 s; sync files=188, longest=0.061 s, average=0.003 s; distance=1049112 kB, estimate=1051230 kB; lsn=A3F/C41D2E08, redo lsn=A3F/B8F01A20`,
  ];
  const primaryLog = lines(
    `${pgTime(44.1)} [88211] LOG:  connection received: host=10.0.112.77 port=51044`,
    `${pgTime(44.1)} [88211] LOG:  replication connection authorized: user=replicator application_name=pg_basebackup SSL enabled (protocol=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384, bits=256)`,
    `${pgTime(43.9)} [412] LOG:  checkpoint starting: force wait`,
    `${pgTime(43.2)} [412] LOG:  checkpoint complete: wrote 9822 buffers (7.5%); 0 WAL file(s) added, 0 removed, 12 recycled; write=40.112 s, sync=0.201 s, total=40.420 s; sync files=97, longest=0.044 s, average=0.003 s; distance=401223 kB, estimate=1033016 kB; lsn=A3F/8E000060, redo lsn=A3F/8D000028`,
    ...ckpt(31.6, 27, 51877), ...ckpt(31.1, 28, 50210), ...ckpt(19.4, 24, 53006), ...ckpt(11.8, 26, 49531), ...ckpt(4.2, 25, 52018),
    `INFO: ${at(3.85).replace('T', ' ').replace('Z', '').replace(/-/g, '/')} FILE PATH: 0000000100000A3F000000C3.br`,
    `${pgTime(1.2)} [412] LOG:  checkpoint starting: time`,
  );
  const replicaLog = lines(
    `${pgTime(34 * DAYS - 3.4)} [1] LOG:  database system is ready to accept read-only connections`,
    `${pgTime(34 * DAYS - 3.4)} [66] LOG:  started streaming WAL from primary at 9F2/41000000 on timeline 1`,
    `${pgTime(30.2)} [61] LOG:  restartpoint starting: wal`,
    `${pgTime(29.7)} [61] LOG:  restartpoint complete: wrote 48801 buffers (37.2%); 0 WAL file(s) added, 0 removed, 31 recycled; write=27.118 s, sync=0.300 s, total=27.530 s; sync files=181, longest=0.052 s, average=0.002 s; distance=1049332 kB, estimate=1049332 kB; lsn=A3F/B9A00E88, redo lsn=A3F/B8F01A20`,
    `${pgTime(29.7)} [61] LOG:  recovery restart point at A3F/B8F01A20`,
    `${pgTime(29.7)} [61] DETAIL:  Last completed transaction was at log time ${pgTime(29.71).replace(' UTC', '+00')}.`,
  );
  const backupLog = lines(
    `pg_basebackup: initiating base backup, waiting for checkpoint to complete`,
    `pg_basebackup: checkpoint completed`,
    `pg_basebackup: write-ahead log start point: A3F/8D000028 on timeline 1`,
    `212771328/396492800 kB (53%), 0/1 tablespace (...base/16402/2613821.114)`,
  );
  const appLog = (k: number) => lines(
    `{"level":"info","time":"${at(30 - k)}","msg":"posting batch committed","batch":"pb_${77120 + k}","entries":1840,"ms":${412 + k * 40}}`,
    `{"level":"info","time":"${at(12 - k)}","msg":"posting batch committed","batch":"pb_${77190 + k}","entries":1795,"ms":${455 + k * 31}}`,
    `{"level":"info","time":"${at(0.8)}","msg":"db pool","in_use":${5 + k},"idle":${9 - k},"max":20,"wait_count":0}`,
  );
  return {
    id: 'heldout34-healthy-postgres-nightly-basebackup',
    class: 'healthy',
    truth: 'Nothing is wrong. The nightly ledger-pg-basebackup CronJob started at 02:30 (44 minutes ago) and is streaming a full base backup (53%) while the primary also archives WAL with wal-g; the backup\'s forced checkpoint plus the nightly posting batches push WAL fast enough that postgres logs "checkpoints are occurring too frequently … Consider increasing max_wal_size" every ~25 s — a tuning hint, not a failure — and CPU is high for the duration. Both ledger-pg pods are Running and ready, the replica streams WAL on timeline 1, the application is serving normally, and the two previous nightly backups completed in ~75 minutes. Two readiness probe timeouts on the replica 38 minutes ago were transient under the backup load.',
    ask: { service: 'ledger-pg', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...claims, ...backup.objects, ...app.objects,
      rwSvc, endpointSliceFor(rwSvc, db.pods, 5432), roSvc, endpointSliceFor(roSvc, db.pods, 5432), hl, endpointSliceFor(hl, db.pods, 5432),
      ...exposed({ namespace: ns, name: 'ledger-core', selector: { app: 'ledger-core' }, pods: app.pods }),
      ...(runJob === undefined ? [] : [jobEvent(runJob.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(runPod)}`, 44)]),
      event({ on: { kind: 'CronJob', name: 'ledger-pg-basebackup', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created job ${nameOf(runJob?.objects[0])}`, firstAgo: 44, lastAgo: 44, component: 'cronjob-controller' }),
      ...(runPod === undefined ? [] : startedNormally(runPod, 'basebackup', backupImage, 44)),
      probeFailed(replica, 'postgres', 'Readiness', 'command timed out: "pg_isready -h 127.0.0.1 -p 5432 -U postgres" timed out after 3s', { count: 2, firstAgo: 38.4, lastAgo: 37.9 }),
    ],
    logs: [
      logsFor(primary, 'postgres', { current: primaryLog }),
      logsFor(replica, 'postgres', { current: replicaLog }),
      ...(runPod === undefined ? [] : [logsFor(runPod, 'basebackup', { current: backupLog })]),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|looks fine|no (issue|fault|failure)s?|nothing (is )?wrong|running normally/i],
      facts: [/ledger-pg/, /backup|basebackup/i, /ready|2\/2/i],
      never: [/\bOOM/, /crash ?loop/i, /replication (lag|broken|fail)/i, /ledger-core/, /max_wal_size[^\n]*(cause|fail|broke)/i],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  memcachedOutOfMemory(),
  nginxStaleUpstreamIp(),
  jobMultiAttachRwo(),
  postgresVolumeDeletedOnReinstall(),
  orphanedReplicaSetOldVersion(),
  startupProbeCpuLimitCut(),
  healthyPostgresNightlyBackup(),
];
