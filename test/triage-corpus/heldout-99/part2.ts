// Held-out stories, round 99, part 2: a MongoDB client pinned to one member by directConnection
// after an election, a Lua script blocking a shared Redis (BUSY), a .NET revision exhausting
// ephemeral ports with a per-request HttpClient, a CronJob's Job whose PriorityClass was renamed,
// a logging DaemonSet that does not tolerate a new node group's taint, a Go 1.23 rebuild rejecting
// a legacy appliance's negative certificate serial number, and a healthy nginx edge that warns
// about OCSP stapling.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, HOURS, ago, at, configMap, container, cronJob, daemonSetApp, deploymentApp, event, exposed, httpProbe, nameOf, node,
  probeFailed, running, rsOf, scaledReplicaSet, scheduled, service, statefulSetApp, tcpProbe, terminated,
  batchContainer, jobEvent, cronJobEvent, ECR,
} from '../kit/index.js';
import { ADVISES_ROLLBACK, logsFor, podOf, startedAt } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

function gkeNodes(pool: string, zoneBase: string, seed: string, n = 3): k8s.V1Node[] {
  const zones = ['a', 'b', 'c'];
  return Array.from({ length: n }, (_, i) =>
    node({ name: `gke-prod-${pool}-${seed}-${['x9kq', 'm2vd', 'r7tb'][i] ?? 'z'}`, zone: `${zoneBase}-${zones[i % 3]}`, pool, instanceType: 'n2-standard-4', createdAgo: 60 * DAYS }),
  );
}

function aksNodes(pool: string, n = 3): k8s.V1Node[] {
  return Array.from({ length: n }, (_, i) => node({ name: `aks-${pool}-31847266-vmss00000${i}`, zone: `westeurope-${i + 1}`, pool, instanceType: 'Standard_D4s_v5', createdAgo: 45 * DAYS }));
}

// ---- 1. MongoDB client pinned to one member with directConnection=true, after an election --------

function mongoDirectConnectionNotPrimary(): CorpusScenario {
  const ns = 'accounts';
  const nodes = gkeNodes('general', 'europe-west4', '5c1e0a7b');
  const names = nodes.map(nameOf);
  const mongoImage = 'docker.io/library/mongo:7.0.14';
  const mongoTpl = {
    containers: [container({
      name: 'mongod', image: mongoImage, args: ['--replSet', 'rs0', '--bind_ip_all'], ports: [{ name: 'mongodb', containerPort: 27017 }], memory: '4Gi', cpu: '1',
      readiness: { exec: { command: ['mongosh', '--quiet', '--eval', 'db.adminCommand("ping").ok'] }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 },
      liveness: tcpProbe(27017, { initialDelaySeconds: 30, periodSeconds: 20 }),
      volumeMounts: [{ name: 'data', mountPath: '/data/db' }],
    })],
  };
  const mongo = statefulSetApp({
    namespace: ns, name: 'mongo', replicas: 3, serviceName: 'mongo-headless', createdAgo: 300 * DAYS,
    revisions: [{ revision: 4, createdAgo: 90 * DAYS, template: mongoTpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi' }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 20 * DAYS },
      // Rescheduled by a GKE node auto-upgrade surge 47 minutes ago: the old primary stepped down on SIGTERM.
      { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 47, containers: { mongod: running({ sinceAgo: 46 }) } },
      { revision: 4, ordinal: 2, node: names[2] ?? '', createdAgo: 20 * DAYS },
    ],
  });
  const image = (v: string) => `europe-west4-docker.pkg.dev/acme-prod/accounts/profile-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], memory: '512Mi',
      env: [{ name: 'NODE_ENV', value: 'production' }],
      envFrom: [{ configMapRef: { name: 'profile-api-config' } }],
      readiness: httpProbe('/healthz/ready', 3000), liveness: httpProbe('/healthz/live', 3000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'profile-api', replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 12 * DAYS, changeCause: 'argocd: profile-api 4.2.0', template: tpl('4.2.0') },
      { revision: 58, createdAgo: 3 * DAYS + 5 * HOURS, changeCause: 'argocd: profile-api 4.2.1', template: tpl('4.2.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 3 * DAYS + 5 * HOURS - k })),
  });
  const cm = configMap({
    namespace: ns, name: 'profile-api-config', createdAgo: 200 * DAYS, updatedAgo: 3 * DAYS + 6 * HOURS,
    data: {
      MONGODB_URI: 'mongodb://mongo-1.mongo-headless.accounts.svc.cluster.local:27017/profiles?directConnection=true&authSource=admin',
      MONGODB_MAX_POOL_SIZE: '50',
      LOG_LEVEL: 'info',
    },
  });
  const m0 = podOf(mongo, 0);
  const m1 = podOf(mongo, 1);
  const p = app.pods;
  const notPrimary = (t: number, id: string, host = nameOf(p[0])) =>
    `{"level":50,"time":${ago(t).getTime()},"pid":1,"hostname":"${host}","reqId":"${id}","req":{"method":"PATCH","url":"/v1/profiles/${id.slice(4)}"},"err":{"type":"MongoServerError","message":"not primary","stack":"MongoServerError: not primary\\n    at Connection.onMessage (/app/node_modules/mongodb/lib/cmap/connection.js:231:30)\\n    at MessageStream.<anonymous> (/app/node_modules/mongodb/lib/cmap/connection.js:61:60)","ok":0,"code":10107,"codeName":"NotWritablePrimary"},"msg":"update profile failed"}`;
  const readOk = (t: number, host = nameOf(p[0])) => `{"level":30,"time":${ago(t).getTime()},"pid":1,"hostname":"${host}","req":{"method":"GET","url":"/v1/profiles/u_81c2"},"res":{"statusCode":200},"responseTime":7,"msg":"request completed"}`;
  return {
    id: 'heldout99-mongo-directconnection-not-primary',
    class: 'config',
    truth: 'Three days ago someone edited ConfigMap profile-api-config (kubectl edit) and set MONGODB_URI to a single replica-set member, mongo-1, with directConnection=true, so the driver no longer discovers the replica set. mongo-1 was primary then. 47 minutes ago a GKE node upgrade restarted mongo-1; it stepped down and mongo-0 won the election. profile-api keeps talking only to mongo-1, now a secondary: reads still work, every write fails with MongoServerError "not primary" (10107 NotWritablePrimary). Fix: point MONGODB_URI at the replica set (all members, replicaSet=rs0, no directConnection) and restart profile-api; MongoDB itself is healthy.',
    ask: { service: 'profile-api', namespace: ns },
    objects: [
      ...nodes, ...mongo.objects, ...app.objects, cm,
      service({ namespace: ns, name: 'mongo-headless', selector: { app: 'mongo' }, ports: [{ name: 'mongodb', port: 27017, targetPort: 27017 }], headless: true }),
      ...exposed({ namespace: ns, name: 'profile-api', selector: { app: 'profile-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      scheduled(m1, 47),
      ...startedAt(m1, 'mongod', mongoImage, 46.8).slice(1),
      event({ on: m1, type: 'Normal', reason: 'Killing', message: 'Stopping container mongod', firstAgo: 47.5, lastAgo: 47.5, fieldPath: 'spec.containers{mongod}' }),
      event({ on: { kind: 'Node', name: names[1] ?? '' }, type: 'Normal', reason: 'NodeNotSchedulable', message: `Node ${names[1]} status is now: NodeNotSchedulable`, firstAgo: 48, lastAgo: 48, component: 'kubelet' }),
      event({ on: { kind: 'Node', name: names[1] ?? '' }, type: 'Normal', reason: 'NodeSchedulable', message: `Node ${names[1]} status is now: NodeSchedulable`, firstAgo: 44, lastAgo: 44, component: 'kubelet' }),
    ],
    logs: [
      logsFor(p[0], 'app', { current: lines(readOk(6), notPrimary(5.5, 'req-7f1a'), readOk(3), notPrimary(2.2, 'req-7f9c'), notPrimary(0.4, 'req-80b2')) }),
      logsFor(p[1], 'app', { current: lines(readOk(4, nameOf(p[1])), notPrimary(1.1, 'req-2c41', nameOf(p[1]))) }),
      logsFor(m0, 'mongod', { current: lines(
        `{"t":{"$date":"${at(46.9)}"},"s":"I",  "c":"ELECTION", "id":21450,   "ctx":"ReplCoord-3","msg":"Election succeeded, assuming primary role","attr":{"term":19}}`,
        `{"t":{"$date":"${at(46.9)}"},"s":"I",  "c":"REPL",     "id":21358,   "ctx":"ReplCoord-3","msg":"Replica set state transition","attr":{"newState":"PRIMARY","oldState":"SECONDARY"}}`,
        `{"t":{"$date":"${at(46.8)}"},"s":"I",  "c":"REPL",     "id":21331,   "ctx":"OplogApplier-0","msg":"Transition to primary complete; database writes are now permitted"}`,
      ) }),
      logsFor(m1, 'mongod', { current: lines(
        `{"t":{"$date":"${at(46)}"},"s":"I",  "c":"REPL",     "id":21358,   "ctx":"ReplCoord-0","msg":"Replica set state transition","attr":{"newState":"SECONDARY","oldState":"STARTUP2"}}`,
        `{"t":{"$date":"${at(0.4)}"},"s":"I",  "c":"NETWORK",  "id":22943,   "ctx":"listener","msg":"Connection accepted","attr":{"remote":"${p[0]?.status?.podIP ?? ''}:51244","connectionCount":152}}`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/directConnection|not ?primary|NotWritablePrimary|secondary/i],
      facts: [/directConnection/, /mongo-1/, /profile-api-config|MONGODB_URI/],
      never: [/\bOOM/, ADVISES_ROLLBACK, /network ?polic/i],
    },
  };
}

// ---- 2. A Lua script of search-indexer's new revision keeps Redis BUSY; cart-api times out --------

function redisBusyLuaScript(): CorpusScenario {
  const ns = 'catalog';
  const nodes = aksNodes('apps');
  const names = nodes.map(nameOf);
  const redisImage = 'docker.io/library/redis:7.2.6';
  const redis = deploymentApp({
    namespace: ns, name: 'redis-cache', replicas: 1,
    revisions: [{ revision: 3, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'redis', image: redisImage, ports: [{ name: 'redis', containerPort: 6379 }], memory: '2Gi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }) })] } }],
    pods: [{ revision: 3, node: names[2] ?? '', createdAgo: 70 * DAYS }],
  });
  const idxImage = (v: string) => `acmecr.azurecr.io/catalog/search-indexer:${v}`;
  const idxTpl = (v: string, extra: k8s.V1EnvVar[]) => ({ containers: [container({ image: idxImage(v), ports: [8080], env: [{ name: 'REDIS_ADDR', value: 'redis-cache.catalog.svc.cluster.local:6379' }, ...extra] })] });
  const indexer = deploymentApp({
    namespace: ns, name: 'search-indexer', replicas: 1,
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: search-indexer 1.9.4', template: idxTpl('1.9.4', []) },
      { revision: 19, createdAgo: 26, changeCause: 'argocd: search-indexer 1.10.0', template: idxTpl('1.10.0', [{ name: 'STALE_KEY_SWEEP', value: 'lua' }, { name: 'STALE_KEY_SWEEP_INTERVAL', value: '5m' }]) },
    ],
    pods: [{ revision: 19, node: names[0] ?? '', createdAgo: 25.5 }],
  });
  const cartImage = (v: string) => `acmecr.azurecr.io/catalog/cart-api:${v}`;
  const cartTpl = (v: string) => ({ containers: [container({ image: cartImage(v), ports: [8080], memory: '256Mi', env: [{ name: 'REDIS_ADDR', value: 'redis-cache.catalog.svc.cluster.local:6379' }, { name: 'REDIS_READ_TIMEOUT', value: '3s' }], readiness: httpProbe('/readyz', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] });
  const cart = deploymentApp({
    namespace: ns, name: 'cart-api', replicas: 3,
    revisions: [
      { revision: 33, createdAgo: 6 * DAYS, changeCause: 'argocd: cart-api 2.14.0', template: cartTpl('2.14.0') },
      { revision: 34, createdAgo: 19 * HOURS, changeCause: 'argocd: cart-api 2.14.1', template: cartTpl('2.14.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 34, node: names[k] ?? '', createdAgo: 19 * HOURS - k, ready: false, containers: { app: running({ sinceAgo: 19 * HOURS - k, ready: false, ...(k === 1 ? { restarts: 1, last: { exitCode: 2, finishedAgo: 17 * HOURS, ranSeconds: 7200 } } : {}) }) } })),
  });
  const busy = 'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.';
  const cartLog = (t: number, msg: string, extra = '') => `{"level":"error","ts":"${at(t)}","caller":"cart/store.go:88","msg":"${msg}"${extra}}`;
  const redisPod = podOf(redis, 0);
  const idxPod = podOf(indexer, 0);
  return {
    id: 'heldout99-redis-busy-lua-script',
    class: 'network',
    truth: 'Revision 19 of search-indexer (1.10.0, 26 minutes ago) added a stale-key sweep that runs a Lua script (EVALSHA) on the shared redis-cache which walks the whole keyspace with KEYS/SCAN inside one script call. Redis is single-threaded: while the script runs (minutes, every 5 minutes) it answers every other command with "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.", so cart-api, an innocent client, fails its Redis calls and its readiness check (/readyz pings Redis) and drops out of the Service. Fix: roll search-indexer back to revision 18 / disable the Lua sweep (SCRIPT KILL to unblock now) and sweep with an incremental SCAN from the client; cart-api\'s own revision 34 from yesterday is not the cause.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...redis.objects, ...indexer.objects, ...cart.objects,
      ...exposed({ namespace: ns, name: 'redis-cache', selector: { app: 'redis-cache' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: indexer.pods }),
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: cart.pods }),
      scaledReplicaSet(indexer.objects[0] as k8s.V1Deployment, rsOf(indexer, 19), 1, 0, 26),
      scaledReplicaSet(indexer.objects[0] as k8s.V1Deployment, rsOf(indexer, 18), 0, 1, 25),
      ...startedAt(idxPod, 'app', idxImage('1.10.0'), 25.5),
      ...cart.pods.map((cp, k) => probeFailed(cp, 'app', 'Readiness', k === 2 ? `Get "http://${cp.status?.podIP}:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` : 'HTTP probe failed with statuscode: 503', { count: 61 - k * 4, firstAgo: 20, lastAgo: 0.2 })),
      event({ on: podOf(cart, 1), type: 'Warning', reason: 'BackOff', message: `Back-off restarting failed container app in pod ${nameOf(podOf(cart, 1))}_${ns}(${podOf(cart, 1).metadata?.uid})`, firstAgo: 17 * HOURS + 1, lastAgo: 17 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...cart.pods.map((cp, k) => logsFor(cp, 'app', { current: lines(
        `{"level":"info","ts":"${at(22)}","caller":"http/server.go:61","msg":"GET /v1/carts/c_${k}91","status":200,"dur_ms":4}`,
        cartLog(19.8, 'get cart', `,"cart":"c_${k}a7","error":"${busy}"`),
        cartLog(14.1, 'readyz: redis ping failed', `,"error":"${busy}"`),
        cartLog(9.3, 'add item', `,"cart":"c_${k}f2","error":"i/o timeout"`),
        cartLog(0.6, 'get cart', `,"cart":"c_${k}e0","error":"${busy}"`),
      ) })),
      logsFor(redisPod, 'redis', { current: lines(
        `1:M 21 Nov 2026 ${at(20.1).slice(11, 23)} # Slow script detected: still in execution after 5000 milliseconds. You can try killing the script using the SCRIPT KILL command. Script name is: f_3c9a1e0b7d2f44a8c61e5b9d0a7c2e41f8b3d6a0.`,
        `1:M 21 Nov 2026 ${at(15.1).slice(11, 23)} # Slow script detected: still in execution after 5000 milliseconds. You can try killing the script using the SCRIPT KILL command. Script name is: f_3c9a1e0b7d2f44a8c61e5b9d0a7c2e41f8b3d6a0.`,
        `1:M 21 Nov 2026 ${at(5.1).slice(11, 23)} # Slow script detected: still in execution after 5000 milliseconds. You can try killing the script using the SCRIPT KILL command. Script name is: f_3c9a1e0b7d2f44a8c61e5b9d0a7c2e41f8b3d6a0.`,
      ) }),
      logsFor(idxPod, 'app', { current: lines(
        `time=${at(25.3)} level=INFO msg="search-indexer starting" version=1.10.0 stale_key_sweep=lua interval=5m`,
        `time=${at(20.2)} level=INFO msg="stale key sweep: EVALSHA sweep_stale.lua" pattern="*"`,
        `time=${at(18.4)} level=INFO msg="stale key sweep done" scanned=41822117 deleted=3120 took=1m48.2s`,
        `time=${at(5.2)} level=INFO msg="stale key sweep: EVALSHA sweep_stale.lua" pattern="*"`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/BUSY|busy running a script|Lua|script|search-indexer/i],
      facts: [/redis-cache/, /search-indexer/, /SCRIPT KILL|Lua|EVALSHA|script/i],
      never: [/\bOOM/, /maxmemory|evict/i, /network ?polic/i],
    },
  };
}

// ---- 3. .NET: a per-request HttpClient exhausts ephemeral ports (SocketException 99) --------------

function dotnetEphemeralPortExhaustion(): CorpusScenario {
  const ns = 'billing';
  const nodes = [0, 1, 2].map((i) => node({ name: `ip-10-40-${[17, 88, 141][i]}-${[9, 203, 66][i]}.eu-central-1.compute.internal`, zone: `eu-central-1${'abc'[i]}`, pool: 'general-m7i', instanceType: 'm7i.xlarge', createdAgo: 18 * DAYS }));
  const names = nodes.map(nameOf);
  const image = (v: string) => `${ECR}/billing/invoice-gateway:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '512Mi', env: [{ name: 'ASPNETCORE_URLS', value: 'http://+:8080' }, { name: 'TaxService__BaseUrl', value: 'http://tax-service.billing.svc.cluster.local' }], readiness: httpProbe('/health/ready', 8080), liveness: httpProbe('/health/live', 8080, { initialDelaySeconds: 15 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'invoice-gateway', replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 8 * DAYS, changeCause: 'argocd: invoice-gateway 3.3.2', template: tpl('3.3.2') },
      { revision: 27, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: invoice-gateway 3.4.0 (TaxClient: configurable base address per tenant)', template: tpl('3.4.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 2 * HOURS + 9 - k })),
  });
  const tax = deploymentApp({
    namespace: ns, name: 'tax-service', replicas: 2,
    revisions: [{ revision: 12, createdAgo: 15 * DAYS, changeCause: 'argocd: tax-service 5.0.3', template: { containers: [container({ image: `${ECR}/billing/tax-service:5.0.3`, ports: [8080] })] } }],
    pods: [{ revision: 12, node: names[0] ?? '', createdAgo: 15 * DAYS }, { revision: 12, node: names[2] ?? '', createdAgo: 15 * DAYS }],
  });
  const fail = (t: number, inv: string) => [
    `fail: Billing.InvoiceGateway.Tax.TaxClient[0]`,
    `      Tax quote failed for invoice ${inv}`,
    `      System.Net.Http.HttpRequestException: Cannot assign requested address (tax-service.billing.svc.cluster.local:80)`,
    `       ---> System.Net.Sockets.SocketException (99): Cannot assign requested address`,
    `         at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)`,
    `         at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.System.Threading.Tasks.Sources.IValueTaskSource.GetResult(Int16 token)`,
    `         at System.Net.Http.HttpConnectionPool.ConnectToTcpHostAsync(String host, Int32 port, HttpRequestMessage initialRequest, Boolean async, CancellationToken cancellationToken)`,
    `         --- End of inner exception stack trace ---`,
    `         at System.Net.Http.HttpConnectionPool.ConnectToTcpHostAsync(String host, Int32 port, HttpRequestMessage initialRequest, Boolean async, CancellationToken cancellationToken)`,
    `         at Billing.InvoiceGateway.Tax.TaxClient.QuoteAsync(Invoice invoice, CancellationToken ct) in /src/InvoiceGateway/Tax/TaxClient.cs:line 47`,
    `info: Microsoft.AspNetCore.Hosting.Diagnostics[2]`,
    `      Request finished HTTP/1.1 POST http://invoice-gateway.billing/v1/invoices - 502 null application/problem+json ${(t * 3).toFixed(4)}ms`,
  ];
  const p = app.pods;
  return {
    id: 'heldout99-dotnet-httpclient-ephemeral-ports',
    class: 'network',
    truth: 'invoice-gateway revision 27 (3.4.0, about two hours ago) changed TaxClient to build a new HttpClient (new SocketsHttpHandler) for every request instead of using IHttpClientFactory / one shared client. Each request opens a fresh TCP connection to tax-service and the closed ones sit in TIME_WAIT; under load the pod runs out of ephemeral source ports and connect() fails with System.Net.Sockets.SocketException (99): Cannot assign requested address, so invoice creation returns 502. tax-service is healthy. Fix: roll back to revision 26 (3.3.2) or reuse the HttpClient (IHttpClientFactory).',
    ask: { service: 'invoice-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...tax.objects,
      ...exposed({ namespace: ns, name: 'invoice-gateway', selector: { app: 'invoice-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'tax-service', selector: { app: 'tax-service' }, pods: tax.pods }),
      scaledReplicaSet(app.objects[0] as k8s.V1Deployment, rsOf(app, 27), 3, 0, 2 * HOURS + 10),
      scaledReplicaSet(app.objects[0] as k8s.V1Deployment, rsOf(app, 26), 0, 3, 2 * HOURS + 7),
      event({ on: podOf(tax, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(tax, 0).status?.podIP}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 26 * HOURS, lastAgo: 26 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(p[0], 'app', { current: lines(
        `info: Microsoft.Hosting.Lifetime[14]`, `      Now listening on: http://[::]:8080`,
        `info: Microsoft.Hosting.Lifetime[0]`, `      Application started. Press Ctrl+C to shut down.`,
        ...fail(4.2, 'INV-2026-118223'), ...fail(1.7, 'INV-2026-118241'), ...fail(0.3, 'INV-2026-118260'),
      ) }),
      logsFor(p[1], 'app', { current: lines(...fail(2.9, 'INV-2026-118230'), ...fail(0.8, 'INV-2026-118255')) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Cannot assign requested address|ephemeral|port exhaust|TIME_WAIT|SocketException|revision 27|3\.4\.0/i],
      facts: [/Cannot assign requested address|SocketException \(99\)|ephemeral|TIME_WAIT/i, /revision 27|3\.4\.0/, /tax-service/],
      never: [/NXDOMAIN|DNS (resolution )?(fail|error)/i, /network ?polic/i, /\bOOM/],
    },
  };
}

// ---- 4. A CronJob's Job can create no pod: its PriorityClass batch-low was renamed ---------------

function jobPriorityClassMissing(): CorpusScenario {
  const ns = 'reporting';
  const nodes = gkeNodes('batch', 'us-central1', '9e27d4c3');
  const names = nodes.map(nameOf);
  const image = 'us-central1-docker.pkg.dev/acme-prod/reporting/ledger-export:2.6.1';
  const template = {
    containers: [batchContainer({ name: 'export', image, args: ['--since=24h', '--bucket=gs://acme-ledger-exports'], memory: '1Gi', cpu: '500m' })],
    priorityClassName: 'batch-low',
    serviceAccountName: 'ledger-export',
  };
  const done = (daysAgo: number) => ({
    createdAgo: daysAgo * DAYS + 14,
    pods: [{ node: names[daysAgo % 3] ?? '', createdAgo: daysAgo * DAYS + 14, phase: 'Succeeded' as const, ready: false, containers: { export: terminated({ exitCode: 0, finishedAgo: daysAgo * DAYS + 3, ranSeconds: 640 }) } }],
    outcome: { complete: true as const, ago: daysAgo * DAYS + 3 },
  });
  const cron = cronJob({
    namespace: ns, name: 'ledger-export', schedule: '0 3 * * *', template, createdAgo: 400 * DAYS, lastSuccessfulAgo: 1 * DAYS + 3,
    jobs: [done(3), done(2), done(1), { createdAgo: 14, pods: [] }],
  });
  const cronObj = cron.objects[0] as k8s.V1CronJob;
  const jobTpl = cronObj.spec?.jobTemplate.spec?.template.spec;
  if (jobTpl) Object.assign(jobTpl, { priorityClassName: 'batch-low', serviceAccountName: 'ledger-export' });
  const current = cron.jobs[3];
  const currentJob = current?.objects[0] as k8s.V1Job;
  const jobName = nameOf(currentJob);
  if (cronObj.status) cronObj.status.active = [{ kind: 'Job', name: jobName, namespace: ns, uid: current?.uid ?? '', apiVersion: 'batch/v1' }];
  const forbidden = `Error creating: pods "${jobName}-" is forbidden: no PriorityClass with name batch-low was found`;
  const other = deploymentApp({
    namespace: ns, name: 'report-viewer', replicas: 2,
    revisions: [{ revision: 9, createdAgo: 20 * DAYS, changeCause: 'argocd: report-viewer 1.8.0', template: { containers: [container({ image: 'us-central1-docker.pkg.dev/acme-prod/reporting/report-viewer:1.8.0', ports: [8080] })] } }],
    pods: [{ revision: 9, node: names[0] ?? '', createdAgo: 20 * DAYS }, { revision: 9, node: names[1] ?? '', createdAgo: 20 * DAYS }],
  });
  return {
    id: 'heldout99-job-priorityclass-batch-low-missing',
    class: 'jobs',
    truth: 'Yesterday afternoon the platform team replaced the PriorityClass batch-low with batch-low-preemptible (cluster-wide cleanup of priority classes); the ledger-export CronJob still names priorityClassName batch-low. Tonight\'s Job (scheduled 03:00, 14 minutes ago) cannot create its pod: the Priority admission plugin rejects it ("pods \\"…\\" is forbidden: no PriorityClass with name batch-low was found"), so the job controller reports FailedCreate and no pod exists; nothing ran and the export is missing. Fix: recreate batch-low or change the CronJob to the new class.',
    ask: { service: 'ledger-export', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'report-viewer', selector: { app: 'report-viewer' }, pods: other.pods }),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${jobName}`, 14),
      event({ on: currentJob, type: 'Warning', reason: 'FailedCreate', message: forbidden, count: 9, firstAgo: 14, lastAgo: 0.7, component: 'job-controller' }),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(cron.jobs[2]?.objects[0])}, status: Complete`, DAYS + 3),
      jobEvent(cron.jobs[2]?.objects[0], 'Completed', 'Job completed', DAYS + 3),
      event({ on: podOf(other, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${podOf(other, 0).status?.podIP}:8080/ready": dial tcp ${podOf(other, 0).status?.podIP}:8080: connect: connection refused`, count: 1, firstAgo: 20 * DAYS, lastAgo: 20 * DAYS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: cron.jobs.slice(2, 3).map((j) => logsFor(j.pods[0], 'export', { current: lines(
      `${at(DAYS + 13.8)} INFO  exporting ledger entries since ${at(2 * DAYS + 14)}`,
      `${at(DAYS + 3.1)} INFO  wrote gs://acme-ledger-exports/${at(DAYS + 14).slice(0, 10)}/ledger.parquet rows=1843220`,
    ) })),
    expect: {
      verdict: 'problems',
      headline: [/batch-low|PriorityClass/i],
      facts: [/batch-low/, /PriorityClass/i, /forbidden|FailedCreate|no pods?|never created/i],
      never: [/quota/i, /backoff ?limit/i, /\bOOM/],
    },
  };
}

// ---- 5. fluent-bit DaemonSet does not tolerate the new GPU node group's taint ---------------------

function daemonSetMissingTaintedNodeGroup(): CorpusScenario {
  const ns = 'logging';
  const general = [0, 1, 2].map((i) => node({ name: `ip-10-12-${[3, 41, 77][i]}-${[18, 140, 9][i]}.us-east-2.compute.internal`, zone: `us-east-2${'abc'[i]}`, pool: 'general', instanceType: 'm6i.2xlarge', createdAgo: 50 * DAYS }));
  const gpuTaint = { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' };
  const gpu = [0, 1, 2].map((i) => node({ name: `ip-10-12-${[5, 44, 80][i]}-${[201, 33, 112][i]}.us-east-2.compute.internal`, zone: `us-east-2${'abc'[i]}`, pool: 'gpu-inference', instanceType: 'g5.2xlarge', labels: { 'nvidia.com/gpu.present': 'true', workload: 'inference' }, taints: [gpuTaint], createdAgo: 2 * DAYS + 5 * HOURS }));
  const gNames = general.map(nameOf);
  const gpuNames = gpu.map(nameOf);
  const fbImage = 'cr.fluentbit.io/fluent/fluent-bit:3.1.9';
  const tolerations = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }, { key: 'dedicated', operator: 'Equal', value: 'ingress', effect: 'NoSchedule' }];
  const ds = daemonSetApp({
    namespace: ns, name: 'fluent-bit', createdAgo: 300 * DAYS,
    revisions: [{ revision: 7, createdAgo: 34 * DAYS, template: { containers: [container({ name: 'fluent-bit', image: fbImage, ports: [{ name: 'http', containerPort: 2020 }], memory: '128Mi', cpu: '100m', readiness: httpProbe('/api/v1/health', 2020), liveness: httpProbe('/', 2020), volumeMounts: [{ name: 'varlog', mountPath: '/var/log', readOnly: true }] })], volumes: [{ name: 'varlog', hostPath: { path: '/var/log', type: '' } }], tolerations, serviceAccountName: 'fluent-bit' } }],
    pods: gNames.map((n, i) => ({ revision: 7, node: n, createdAgo: 34 * DAYS - i, ...(i === 1 ? { containers: { 'fluent-bit': running({ sinceAgo: 6 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 6 * DAYS, ranSeconds: 2300000 } }) } } : {}) })),
    desired: 3,
  });
  const infImage = `${ECR}/ml/embeddings-server:0.9.2`;
  const inf = deploymentApp({
    namespace: 'ml-serving', name: 'embeddings-server', replicas: 3,
    revisions: [{ revision: 2, createdAgo: 2 * DAYS, changeCause: 'argocd: embeddings-server 0.9.2', template: { containers: [container({ image: infImage, ports: [8000], memory: '12Gi' })], nodeSelector: { 'eks.amazonaws.com/nodegroup': 'gpu-inference' }, tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] } }],
    pods: gpuNames.map((n, i) => ({ revision: 2, node: n, createdAgo: 2 * DAYS - i })),
  });
  const fb0 = podOf(ds, 0);
  return {
    id: 'heldout99-daemonset-untolerated-gpu-taint',
    class: 'scheduling',
    truth: 'Two days ago the platform added the gpu-inference node group (3 g5.2xlarge nodes) with the taint nvidia.com/gpu=present:NoSchedule. The fluent-bit DaemonSet tolerates only the control-plane and dedicated=ingress taints, so the DaemonSet controller never creates pods on the three GPU nodes: desiredNumberScheduled is 3 for 6 nodes, every existing pod is healthy, and the logs of everything on the GPU nodes (embeddings-server) are not collected. Fix: add a toleration for nvidia.com/gpu (or operator: Exists) to the DaemonSet.',
    ask: { service: 'fluent-bit', namespace: ns },
    objects: [
      ...general, ...gpu, ...ds.objects, ...inf.objects,
      ...exposed({ namespace: 'ml-serving', name: 'embeddings-server', selector: { app: 'embeddings-server' }, pods: inf.pods, endpointPort: 8000 }),
      ...gpuNames.map((n, i) => nodeReadyEvent(n, 2 * DAYS + 5 * HOURS - i)),
    ],
    logs: [
      logsFor(fb0, 'fluent-bit', { current: lines(
        `[${at(20 * HOURS).replace('T', ' ').slice(0, 19)}] [ warn] [engine] failed to flush chunk '1-1763590201.412733880.flb', retry in 8 seconds: task_id=3, input=tail.0 > output=es.0 (out_id=0)`,
        `[${at(20 * HOURS - 0.2).replace('T', ' ').slice(0, 19)}] [ info] [engine] flush chunk '1-1763590201.412733880.flb' succeeded at retry 1: task_id=3, input=tail.0 > output=es.0 (out_id=0)`,
        `[${at(1).replace('T', ' ').slice(0, 19)}] [ info] [input:tail:tail.0] inotify_fs_add(): inode=3148021 watch_fd=88 name=/var/log/containers/report-viewer.log`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/taint|toleration|nvidia\.com\/gpu|gpu-inference/i],
      facts: [/nvidia\.com\/gpu/, /tolerat/i, /\b3\b[^\n]*\b6\b|\b6\b[^\n]*\b3\b|gpu-inference/i],
      never: [/crash ?loop/i, /ImagePull|pull(ing)? (the )?image/i, /OOMKilled[^\n]*(cause|why)/i],
    },
  };
}

function nodeReadyEvent(name: string, atAgo: number): k8s.CoreV1Event {
  return event({ on: { kind: 'Node', name }, type: 'Normal', reason: 'NodeReady', message: `Node ${name} status is now: NodeReady`, firstAgo: atAgo, lastAgo: atAgo, component: 'kubelet' });
}

// ---- 6. Go 1.23 rebuild rejects a legacy appliance certificate with a negative serial number ----

function goNegativeSerialCertificate(): CorpusScenario {
  const ns = 'settlement';
  const nodes = aksNodes('payments');
  const names = nodes.map(nameOf);
  const image = (v: string) => `acmecr.azurecr.io/settlement/sepa-connector:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8443], memory: '256Mi', env: [{ name: 'HSM_GATEWAY_URL', value: 'https://hsm-gw.bank-legacy.internal:8443' }, { name: 'GOMEMLIMIT', value: '230MiB' }], readiness: httpProbe('/readyz', 8443), liveness: httpProbe('/livez', 8443, { initialDelaySeconds: 5 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'sepa-connector', replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 40, createdAgo: 11 * DAYS, changeCause: 'argocd: sepa-connector 2.7.3', template: tpl('2.7.3') },
      { revision: 41, createdAgo: 35, changeCause: 'argocd: sepa-connector 2.8.0 (base image golang:1.23.2-bookworm)', template: tpl('2.8.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 40, node: names[k] ?? '', createdAgo: 11 * DAYS - k })),
      { revision: 41, node: names[1] ?? '', createdAgo: 34.5, ready: false, containers: { app: running({ sinceAgo: 34, ready: false }) } },
    ],
  });
  const fresh = podOf(app, 3);
  const negErr = 'tls: failed to parse certificate from server: x509: negative serial number';
  const other = deploymentApp({
    namespace: ns, name: 'settlement-ui', replicas: 2,
    revisions: [{ revision: 14, createdAgo: 3 * DAYS, changeCause: 'argocd: settlement-ui 6.1.0', template: { containers: [container({ image: 'acmecr.azurecr.io/settlement/settlement-ui:6.1.0', ports: [8080] })] } }],
    pods: [{ revision: 14, node: names[0] ?? '', createdAgo: 3 * DAYS }, { revision: 14, node: names[2] ?? '', createdAgo: 3 * DAYS }],
  });
  return {
    id: 'heldout99-go123-negative-serial-certificate',
    class: 'rollout',
    truth: 'sepa-connector revision 41 (2.8.0, 35 minutes ago) was rebuilt on Go 1.23, whose crypto/x509 rejects certificates with a negative serial number. The bank\'s legacy HSM gateway (hsm-gw.bank-legacy.internal:8443) serves such a certificate, so every TLS handshake of the new pod fails with "tls: failed to parse certificate from server: x509: negative serial number"; its readiness check (which needs the HSM gateway) fails and the rollout is stuck with three revision-40 pods serving. Fix: set GODEBUG=x509negativeserial=1 (or roll back to revision 40) until the appliance certificate is reissued.',
    ask: { service: 'sepa-connector', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'sepa-connector', selector: { app: 'sepa-connector' }, pods: app.pods, endpointPort: 8443 }),
      ...exposed({ namespace: ns, name: 'settlement-ui', selector: { app: 'settlement-ui' }, pods: other.pods }),
      scaledReplicaSet(app.objects[0] as k8s.V1Deployment, rsOf(app, 41), 1, 0, 35),
      ...startedAt(fresh, 'app', image('2.8.0'), 34.5),
      probeFailed(fresh, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 201, firstAgo: 33.8, lastAgo: 0.1 }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: lines(
        `{"time":"${at(34)}","level":"INFO","msg":"sepa-connector starting","version":"2.8.0","go":"go1.23.2","addr":":8443"}`,
        `{"time":"${at(33.9)}","level":"ERROR","msg":"hsm session init failed","url":"https://hsm-gw.bank-legacy.internal:8443/v2/session","err":"Post \\"https://hsm-gw.bank-legacy.internal:8443/v2/session\\": ${negErr}"}`,
        `{"time":"${at(12)}","level":"ERROR","msg":"hsm session init failed","url":"https://hsm-gw.bank-legacy.internal:8443/v2/session","err":"Post \\"https://hsm-gw.bank-legacy.internal:8443/v2/session\\": ${negErr}"}`,
        `{"time":"${at(0.2)}","level":"WARN","msg":"readyz: not ready","reason":"hsm session not established"}`,
      ) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(0.8)}","level":"INFO","msg":"pain.001 batch signed","batch":"B-77120","go":"go1.22.8","dur_ms":41}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/negative serial|x509/i],
      facts: [/hsm-gw/, /revision 41|2\.8\.0/, /negative serial/i],
      never: [/expired/i, /unknown authority|root CA|CA bundle/i, /\bOOM/],
    },
  };
}

// ---- 7. Healthy control: nginx edge warning that OCSP stapling is ignored ------------------------

function healthyNginxSslStaplingWarning(): CorpusScenario {
  const ns = 'web';
  const nodes = gkeNodes('edge', 'asia-southeast1', '2b8f61d0');
  const names = nodes.map(nameOf);
  const image = (v: string) => `asia-southeast1-docker.pkg.dev/acme-prod/web/storefront-edge:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '128Mi', cpu: '100m', readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080, { initialDelaySeconds: 5 }), volumeMounts: [{ name: 'tls', mountPath: '/etc/nginx/tls', readOnly: true }] })], volumes: [{ name: 'tls', secret: { secretName: 'storefront-tls' } }] });
  const app = deploymentApp({
    namespace: ns, name: 'storefront-edge', replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 16 * DAYS, changeCause: 'argocd: storefront-edge 1.27.2-r4', template: tpl('1.27.2-r4') },
      { revision: 22, createdAgo: 3 * DAYS, changeCause: 'argocd: storefront-edge 1.27.3-r1', template: tpl('1.27.3-r1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 3 * DAYS - k })),
  });
  const nginxTime = (m: number) => at(m).slice(0, 19).replace(/-/g, '/').replace('T', ' ');
  const clf = (m: number) => {
    const d = ago(m);
    const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
    return `${String(d.getUTCDate()).padStart(2, '0')}/${mon}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
  };
  return {
    id: 'heldout99-healthy-nginx-ssl-stapling-warning',
    class: 'healthy',
    truth: 'storefront-edge is healthy: three ready pods of revision 22 (rolled out three days ago), serving 200s. At every start nginx warns "ssl_stapling" ignored, issuer certificate not found for the certificate, because the mounted certificate lacks the intermediate in its chain for OCSP stapling; nginx simply serves without stapling, which is harmless.',
    ask: { service: 'storefront-edge', namespace: ns },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'storefront-edge', selector: { app: 'storefront-edge' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] as k8s.V1Deployment, rsOf(app, 22), 3, 0, 3 * DAYS),
      scaledReplicaSet(app.objects[0] as k8s.V1Deployment, rsOf(app, 21), 0, 3, 3 * DAYS - 3),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: lines(
      `${nginxTime(3 * DAYS - k - 0.1)} [warn] 1#1: "ssl_stapling" ignored, issuer certificate not found for certificate "/etc/nginx/tls/tls.crt"`,
      `${nginxTime(3 * DAYS - k - 0.1)} [notice] 1#1: using the "epoll" event method`,
      `${nginxTime(3 * DAYS - k - 0.1)} [notice] 1#1: nginx/1.27.3`,
      `${nginxTime(3 * DAYS - k - 0.1)} [notice] 1#1: start worker processes`,
      `10.0.${k}.14 - - [${clf(1.2)}] "GET /products/sku-4471 HTTP/1.1" 200 18342 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)" "203.0.113.${40 + k}"`,
      `10.0.${k}.14 - - [${clf(0.3)}] "GET /nginx-health HTTP/1.1" 200 2 "-" "kube-probe/1.31" "-"`,
    ) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no problem|ready|fine|ok\b/i],
      facts: [/storefront-edge/],
      never: [/ssl_stapling[^\n]*(cause|fail|broke)/i, /certificate[^\n]*expired/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  mongoDirectConnectionNotPrimary(),
  redisBusyLuaScript(),
  dotnetEphemeralPortExhaustion(),
  jobPriorityClassMissing(),
  daemonSetMissingTaintedNodeGroup(),
  goNegativeSerialCertificate(),
  healthyNginxSslStaplingWarning(),
];
