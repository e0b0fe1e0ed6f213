// Held-out stories, sixty-ninth round, part two: a Node.js API whose release bumped Mongoose 5 to
// 8 (MongoDB driver 6) while its code still passes `useCreateIndex`, so every new pod dies on
// "MongoParseError: option usecreateindex is not supported"; a Laravel storefront that keeps its
// sessions on each pod's disk (SESSION_DRIVER=file) and was scaled by its HPA from 1 to 4 pods, so
// users are logged out and forms fail with 419; a PyTorch ranker moved onto 64-core nodes whose
// OpenMP/MKL pools size themselves by the node (OMP_NUM_THREADS unset) under a 2-CPU limit and
// are throttled into liveness timeouts; a FastAPI service whose release pulled redis-py 8 (RESP3
// by default: HELLO 3) against a Redis 5 server; a JDK 8u292 service (not cgroup v2 aware)
// scheduled onto AL2023 nodes that sizes its heap from the node's 128 GiB and is OOMKilled; a Go
// websocket gateway that hits "too many open files" only on a new node group running containerd
// 2.0 (soft RLIMIT_NOFILE 1024); and a healthy control: a Node.js service printing the punycode
// DEP0040 deprecation warning at every start.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, clfTime, configMap, container, crashLoop, deploymentApp, event, exposed, hpa, httpProbe,
  node, nodeEvent, probeFailed, probeKilling, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  startedNormally, statefulSetApp, tcpProbe, epochMs, nameOf, ipOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, eksNodeName, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** A node whose runtime, OS and size differ from the kit's default m6i.xlarge on AL2023. */
function nodeWith(n: k8s.V1Node, o: { osImage?: string; kernelVersion?: string; runtime?: string; cpu?: string; allocCpu?: string; memory?: string; allocMemory?: string }): k8s.V1Node {
  const info = n.status?.nodeInfo;
  if (info !== undefined) {
    if (o.osImage !== undefined) info.osImage = o.osImage;
    if (o.kernelVersion !== undefined) info.kernelVersion = o.kernelVersion;
    if (o.runtime !== undefined) info.containerRuntimeVersion = o.runtime;
  }
  if (n.status !== undefined) {
    if (o.cpu !== undefined || o.memory !== undefined) n.status.capacity = { ...n.status.capacity, ...(o.cpu === undefined ? {} : { cpu: o.cpu }), ...(o.memory === undefined ? {} : { memory: o.memory }) };
    if (o.allocCpu !== undefined || o.allocMemory !== undefined) n.status.allocatable = { ...n.status.allocatable, ...(o.allocCpu === undefined ? {} : { cpu: o.allocCpu }), ...(o.allocMemory === undefined ? {} : { memory: o.allocMemory }) };
  }
  return n;
}

// ---- 1. Mongoose 8 upgrade with the removed useCreateIndex option -----------------------------------

function mongooseRemovedOption(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeEksNodes('10.0.81', ['24', '140', '219']);
  const image = (v: string) => `${ECR}/accounts/profile-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [3000], cpu: '300m', memory: '512Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'MONGO_URI', value: 'mongodb://profile-mongo-0.profile-mongo.accounts.svc.cluster.local:27017,profile-mongo-1.profile-mongo.accounts.svc.cluster.local:27017/profiles?replicaSet=rs0' },
        { name: 'LOG_LEVEL', value: 'info' },
      ],
      readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 20 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'profile-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 41, createdAgo: 12 * DAYS, changeCause: 'argocd: profile-api 3.8.2', template: tpl('3.8.2') },
      { revision: 42, createdAgo: 34, changeCause: 'argocd: profile-api 3.9.0 (deps: mongoose 5.13.22 -> 8.8.1)', template: tpl('3.9.0') },
    ],
    pods: [
      { revision: 41, node: names[0] ?? '', createdAgo: 12 * DAYS, containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 3 * DAYS, ranSeconds: 9 * DAYS * 60 } }) } },
      { revision: 41, node: names[1] ?? '', createdAgo: 12 * DAYS },
      { revision: 41, node: names[2] ?? '', createdAgo: 12 * DAYS },
      { revision: 42, node: names[1] ?? '', createdAgo: 34, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2.2, ranSeconds: 1 }, 11) } },
    ],
  });
  const mongo = statefulSetApp({
    namespace: ns,
    name: 'profile-mongo',
    replicas: 2,
    revisions: [{ revision: 3, createdAgo: 70 * DAYS, template: { containers: [container({ name: 'mongod', image: 'docker.io/library/mongo:6.0.19', ports: [{ name: 'mongodb', containerPort: 27017 }], cpu: '500m', memory: '2Gi', readiness: tcpProbe('mongodb'), liveness: tcpProbe('mongodb', { initialDelaySeconds: 30 }) })] } }],
    pods: [{ revision: 3, ordinal: 0, node: names[0] ?? '', createdAgo: 21 * DAYS }, { revision: 3, ordinal: 1, node: names[2] ?? '', createdAgo: 21 * DAYS }],
  });
  const other = bystander(ns, 'avatar-resizer', names, 95, { revisions: [12, 13], versions: ['1.4.0', '1.4.1'], olderAgo: 30 * DAYS });
  const bad = podOf(app, 3);
  const old = podOf(app, 0);
  const crash = lines(
    `{"level":30,"time":${epochMs(2.21)},"pid":1,"hostname":"${nameOf(bad)}","name":"profile-api","msg":"profile-api 3.9.0 starting","node":"v20.18.1","mongoose":"8.8.1"}`,
    `{"level":30,"time":${epochMs(2.21)},"pid":1,"hostname":"${nameOf(bad)}","name":"profile-api","msg":"connecting to MongoDB","hosts":["profile-mongo-0.profile-mongo.accounts.svc.cluster.local:27017","profile-mongo-1.profile-mongo.accounts.svc.cluster.local:27017"],"replicaSet":"rs0"}`,
    '/app/node_modules/mongodb/lib/connection_string.js:263',
    '        throw new error_1.MongoParseError(`${optionWord} ${Array.from(unsupportedOptions).join(\', \')} ${isOrAre} not supported`);',
    '        ^',
    '',
    'MongoParseError: option usecreateindex is not supported',
    '    at parseOptions (/app/node_modules/mongodb/lib/connection_string.js:263:15)',
    '    at new MongoClient (/app/node_modules/mongodb/lib/mongo_client.js:62:63)',
    '    at _createMongoClient (/app/node_modules/mongoose/lib/drivers/node-mongodb-native/connection.js:335:17)',
    '    at NativeConnection.createClient (/app/node_modules/mongoose/lib/drivers/node-mongodb-native/connection.js:279:3)',
    '    at NativeConnection.openUri (/app/node_modules/mongoose/lib/connection.js:1071:34)',
    '    at Mongoose.connect (/app/node_modules/mongoose/lib/mongoose.js:450:15)',
    '    at connectDb (/app/dist/db/connect.js:17:31)',
    '    at main (/app/dist/server.js:24:11)',
    '',
    'Node.js v20.18.1',
  );
  const oldLog = lines(
    ...[0, 1, 2, 3, 4, 5].map((i) => `{"level":30,"time":${epochMs(6 - i * 0.9)},"pid":1,"hostname":"${nameOf(old)}","name":"profile-api","req":{"method":"GET","url":"/v1/profiles/${48213 + i * 17}"},"res":{"statusCode":200},"responseTime":${11 + i}}`),
    `{"level":40,"time":${epochMs(2.5)},"pid":1,"hostname":"${nameOf(old)}","name":"profile-api","msg":"slow request","req":{"method":"GET","url":"/v1/profiles/search?q=an"},"responseTime":1284}`,
  );
  return {
    id: 'heldout69-mongoose-removed-usecreateindex',
    class: 'rollout',
    truth: 'Revision 42 (profile-api 3.9.0) upgraded Mongoose 5.13 to 8.8 (MongoDB Node driver 6), but the connect call still passes useCreateIndex, an option driver 4+ removed, so every new pod exits 1 at start-up with "MongoParseError: option usecreateindex is not supported"; MongoDB is healthy and the old revision keeps serving.',
    ask: { service: 'profile-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mongo.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'profile-api', selector: { app: 'profile-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'profile-mongo', selector: { app: 'profile-mongo' }, headless: true, ports: [{ name: 'mongodb', port: 27017, targetPort: 27017 }], pods: mongo.pods, endpointPort: 27017 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 1, 0, 34),
      scheduled(bad, 34),
      ...restartedAgain(bad, 'app', image('3.9.0'), { count: 12, firstAgo: 33.8, lastAgo: 2.2 }),
      backOff(bad, 'app', { count: 148, firstAgo: 33.5 }),
      event({ on: old, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOf(old)}:3000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 3 * DAYS + 2, lastAgo: 3 * DAYS + 1, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      logsFor(bad, 'app', { current: crash, previous: crash }),
      logsFor(old, 'app', { current: oldLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/usecreateindex|MongoParseError/i, /revision 42|3\.9\.0/],
      facts: [/option usecreateindex is not supported/i],
      never: [/\bOOM/, /mongo(db)?[^\n]{0,30}(down|unreachable|unavailable)/i, /connection refused/i],
    },
  };
}

// ---- 2. Laravel file sessions after the HPA scaled 1 -> 4 ------------------------------------------

function laravelFileSessions(): CorpusScenario {
  const ns = 'storefront';
  const { nodes, names } = threeEksNodes('10.0.93', ['12', '101', '188']);
  const image = `${ECR}/storefront/shop-web:2024.11.3`;
  const env = configMap({
    namespace: ns, name: 'shop-web-env', createdAgo: 200 * DAYS, updatedAgo: 40 * DAYS,
    data: {
      APP_ENV: 'production', APP_DEBUG: 'false', APP_URL: 'https://shop.example-outdoor.com', LOG_CHANNEL: 'stderr', LOG_LEVEL: 'info',
      DB_CONNECTION: 'mysql', DB_HOST: 'storefront-db.cluster-c9f2kq1x7m.eu-west-1.rds.amazonaws.com', DB_DATABASE: 'shop',
      SESSION_DRIVER: 'file', SESSION_LIFETIME: '120', SESSION_DOMAIN: '.example-outdoor.com', SESSION_SECURE_COOKIE: 'true',
      CACHE_STORE: 'redis', QUEUE_CONNECTION: 'redis', REDIS_HOST: 'storefront-redis.storefront.svc.cluster.local',
      PHP_FPM_PM_MAX_CHILDREN: '20', PHP_FPM_PM_MAX_REQUESTS: '500',
    },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shop-web',
    replicas: 4,
    revisions: [
      { revision: 27, createdAgo: 20 * DAYS, changeCause: 'argocd: shop-web 2024.10.9', template: { containers: [container({ image: `${ECR}/storefront/shop-web:2024.10.9`, ports: [8080], cpu: '500m', memory: '512Mi', envFrom: [{ configMapRef: { name: 'shop-web-env' } }], readiness: httpProbe('/up', 8080), liveness: httpProbe('/up', 8080, { initialDelaySeconds: 15 }) })] } },
      { revision: 28, createdAgo: 6 * DAYS, changeCause: 'argocd: shop-web 2024.11.3', template: { containers: [container({ image, ports: [8080], cpu: '500m', memory: '512Mi', envFrom: [{ configMapRef: { name: 'shop-web-env' } }], readiness: httpProbe('/up', 8080), liveness: httpProbe('/up', 8080, { initialDelaySeconds: 15 }) })] } },
    ],
    pods: [
      { revision: 28, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 28, node: names[1] ?? '', createdAgo: 71 },
      { revision: 28, node: names[2] ?? '', createdAgo: 71 },
      { revision: 28, node: names[1] ?? '', createdAgo: 52 },
    ],
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS },
  });
  const scaler = hpa({ namespace: ns, name: 'shop-web', target: { kind: 'Deployment', name: 'shop-web' }, min: 1, max: 8, current: 4, desired: 4, cpu: { current: 58, target: 60, averageValue: '290m' }, lastScaleAgo: 52 });
  const other = bystander(ns, 'shop-mailer', names, 3 * HOURS, { revisions: [9, 10], versions: ['1.12.0', '1.12.1'], olderAgo: 25 * DAYS });
  const pods = app.pods;
  const paths = ['/cart', '/checkout', '/account/orders', '/checkout/address', '/product/trail-runner-gtx', '/login', '/cart/update'];
  const access = (p: k8s.V1Pod, k: number): string => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const t = 40 - i * 2.7 - k * 0.3;
      const ip = `10.0.${(i * 7 + k) % 64}.${(i * 31 + k * 13) % 250 + 2}`;
      const post = i % 3 === 1;
      const path = paths[(i + k) % paths.length] ?? '/';
      const status = post ? (k === 0 && i % 2 === 0 ? 302 : 419) : (path.startsWith('/account') || path.startsWith('/checkout')) && (i + k) % 2 === 0 ? 302 : 200;
      out.push(`${ip} - - [${clfTime(t)}] "${post ? 'POST' : 'GET'} ${path} HTTP/1.1" ${status} ${status === 419 ? 6612 : status === 302 ? 410 : 18344 + i * 37} "https://shop.example-outdoor.com${paths[(i + 2) % paths.length]}" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"`);
      if (i === 6) out.push(`[${pyTime(t).replace(',', '.').slice(0, 19)}] production.INFO: checkout.page_view {"user_id":null,"session":"guest","cart_items":3}`);
      if (i === 9 && k > 0) out.push(`[21-Nov-2026 ${at(t).slice(11, 19)}] NOTICE: [pool www] child ${412 + k * 9} exited with code 0 after ${1830 + k * 77}.412870 seconds from start`);
    }
    void p;
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout69-laravel-file-sessions-scaled-out',
    class: 'config',
    truth: 'shop-web keeps Laravel sessions on each pod\'s local disk (SESSION_DRIVER=file in ConfigMap shop-web-env); once the HPA scaled it from 1 to 4 replicas the Service spreads a user\'s requests over pods that do not have the session file, so users are logged out at random and POSTs fail with 419 (CSRF token mismatch / Page Expired). Sessions must move to a shared store (redis/database) or the Service needs affinity.',
    ask: { service: 'shop-web', namespace: ns },
    objects: [
      ...nodes, ...app.objects, scaler, env, ...other.objects,
      ...exposed({ namespace: ns, name: 'shop-web', selector: { app: 'shop-web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods, endpointPort: 8080 }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'shop-web', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 3; reason: cpu resource utilization (percentage of request) above target', firstAgo: 71, lastAgo: 71, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'shop-web', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 4; reason: cpu resource utilization (percentage of request) above target', firstAgo: 52, lastAgo: 52, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 28), 3, 1, 71),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 28), 4, 3, 52),
      ...startedNormally(podOf(app, 1), 'app', image, 71), ...startedNormally(podOf(app, 2), 'app', image, 71), ...startedNormally(podOf(app, 3), 'app', image, 52),
      probeFailed(podOf(app, 3), 'app', 'Readiness', `Get "http://${ipOf(podOf(app, 3))}:8080/up": dial tcp ${ipOf(podOf(app, 3))}:8080: connect: connection refused`, { count: 1, firstAgo: 51.8, lastAgo: 51.8 }),
    ],
    logs: pods.map((p, k) => logsFor(p, 'app', { current: access(p, k) })),
    expect: {
      verdict: 'problems',
      headline: [/session/i],
      facts: [/SESSION_DRIVER/, /419/],
      never: [/\bOOM/, ADVISES_ROLLBACK, /CrashLoop/i],
    },
  };
}

// ---- 3. OpenMP/MKL threads sized by a 64-core node under a 2-CPU limit ------------------------------

function ompOversubscription(): CorpusScenario {
  const ns = 'ml-serving';
  const oldNode = nodeWith(node({ name: eksNodeName('10.0.64.37'), zone: 'eu-west-1a', instanceType: 'm6i.2xlarge', pool: 'general-m6i', createdAgo: 210 * DAYS, unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: new Date(Date.parse(at(6 * HOURS))) }] }), { cpu: '8', allocCpu: '7910m', memory: '32301876Ki', allocMemory: '31285044Ki' });
  const bigNodes = [eksNodeName('10.0.66.14'), eksNodeName('10.0.67.201')].map((n, i) => nodeWith(node({ name: n, zone: i === 0 ? 'eu-west-1b' : 'eu-west-1c', instanceType: 'c7i.16xlarge', pool: 'compute-c7i', createdAgo: 7 * HOURS }), { cpu: '64', allocCpu: '63770m', memory: '130544652Ki', allocMemory: '127557644Ki' }));
  const big = bigNodes.map(nameOf);
  const image = `${ECR}/ml/ranker:2.3.0`;
  const tpl = {
    containers: [container({
      image, ports: [8000], cpu: '2', cpuLimit: '2', memory: '4Gi',
      env: [
        { name: 'MODEL_PATH', value: '/models/ranker-v14.pt' },
        { name: 'WEB_CONCURRENCY', value: '1' },
        { name: 'MKL_SERVICE_FORCE_INTEL', value: '1' },
        { name: 'LOG_LEVEL', value: 'info' },
      ],
      readiness: httpProbe('/ready', 8000, { timeoutSeconds: 2 }),
      liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 60, timeoutSeconds: 2 }),
    })],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'ranker',
    replicas: 3,
    revisions: [{ revision: 14, createdAgo: 12 * DAYS, changeCause: 'argocd: ranker 2.3.0', template: tpl }],
    pods: [
      { revision: 14, node: nameOf(oldNode), createdAgo: 12 * DAYS },
      { revision: 14, node: big[0] ?? '', createdAgo: 5 * HOURS + 40, ready: false, containers: { app: running({ sinceAgo: 3.5, ready: false, restarts: 17, last: { exitCode: 137, reason: 'Error', finishedAgo: 3.6, ranSeconds: 1140 } }) } },
      { revision: 14, node: big[1] ?? '', createdAgo: 5 * HOURS + 38, containers: { app: running({ sinceAgo: 11, restarts: 15, last: { exitCode: 137, reason: 'Error', finishedAgo: 11.1, ranSeconds: 960 } }) } },
    ],
    settled: { available: true, availableSince: 9, progressingSince: 12 * DAYS },
  });
  const healthy = podOf(app, 0);
  const [b1, b2] = [podOf(app, 1), podOf(app, 2)];
  const boot = (p: k8s.V1Pod, t: number, threads: number, cpus: number) => [
    `${pyTime(t)} INFO [ranker.app] ranker 2.3.0 starting (python 3.11.10, torch 2.4.1+cpu, numpy 1.26.4)`,
    `${pyTime(t - 0.01)} INFO [ranker.app] os.cpu_count()=${cpus} torch.get_num_threads()=${threads} torch.get_num_interop_threads()=${threads} OMP_NUM_THREADS=None MKL_NUM_THREADS=None`,
    `${pyTime(t - 0.3)} INFO [ranker.model] loaded /models/ranker-v14.pt (148.2M params) in ${threads > 8 ? '41.7' : '6.2'}s`,
    `[${at(t - 0.31).slice(0, 19).replace('T', ' ')} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `INFO:     Application startup complete.`,
  ];
  const slow = (t: number, i: number) => `${pyTime(t)} WARNING [ranker.infer] slow batch size=32 candidates=400 took ${(6100 + i * 811) % 9000 + 2400}ms (p50 target 120ms)`;
  const bigLog = (p: k8s.V1Pod, t0: number) => lines(
    ...boot(p, t0, 64, 64),
    ...[0, 1, 2, 3, 4, 5, 6].map((i) => slow(t0 - 1 - i * 0.4, i)),
    `INFO:     10.0.66.14:48212 - "GET /healthz HTTP/1.1" 200 OK`,
    `${pyTime(t0 - 3.4)} WARNING [ranker.app] event loop blocked for 4.8s (healthz handler delayed)`,
  );
  const prev = (p: k8s.V1Pod, t0: number) => lines(
    ...boot(p, t0, 64, 64),
    ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => slow(t0 - 1 - i * 1.5, i + 3)),
    `${pyTime(t0 - 15)} WARNING [ranker.app] event loop blocked for 6.2s (healthz handler delayed)`,
  );
  const fine = lines(
    ...boot(healthy, 12 * DAYS - 0.5, 8, 8),
    ...[0, 1, 2, 3, 4].map((i) => `${pyTime(5 - i)} INFO [ranker.infer] batch size=32 candidates=400 took ${88 + i * 7}ms`),
  );
  const probeTimeout = (p: k8s.V1Pod, path: string) => `Get "http://${ipOf(p)}:8000${path}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  return {
    id: 'heldout69-omp-threads-64-core-nodes',
    class: 'probes',
    truth: 'ranker has a 2-CPU limit but OMP_NUM_THREADS/MKL_NUM_THREADS are unset, so PyTorch sizes its OpenMP/MKL pools by the node\'s cores; moved from the 8-core m6i.2xlarge pool to the new 64-core c7i.16xlarge pool, it runs 64 threads on 2 CPUs, is throttled into multi-second inference and liveness timeouts, and is restarted. The same image on the old 8-core node is fine; the fix is OMP_NUM_THREADS=2 (torch.set_num_threads).',
    ask: { service: 'ranker', namespace: ns },
    objects: [
      oldNode, ...bigNodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'ranker', selector: { app: 'ranker' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods, endpointPort: 8000 }),
      nodeEvent(nameOf(oldNode), 'NodeNotSchedulable', `Node ${nameOf(oldNode)} status is now: NodeNotSchedulable`, { firstAgo: 6 * HOURS }),
      scheduled(b1, 5 * HOURS + 40), scheduled(b2, 5 * HOURS + 38),
      probeFailed(b1, 'app', 'Liveness', probeTimeout(b1, '/healthz'), { count: 61, firstAgo: 5 * HOURS + 20, lastAgo: 0.4 }),
      probeFailed(b1, 'app', 'Readiness', probeTimeout(b1, '/ready'), { count: 402, firstAgo: 5 * HOURS + 22, lastAgo: 0.2 }),
      probeKilling(b1, 'app', 'liveness', { count: 17, firstAgo: 5 * HOURS + 19, lastAgo: 3.6 }),
      probeFailed(b2, 'app', 'Liveness', probeTimeout(b2, '/healthz'), { count: 52, firstAgo: 5 * HOURS + 17, lastAgo: 11.2 }),
      probeKilling(b2, 'app', 'liveness', { count: 15, firstAgo: 5 * HOURS + 16, lastAgo: 11.1 }),
      ...restartedAgain(b1, 'app', image, { count: 17, firstAgo: 5 * HOURS + 19, lastAgo: 3.5 }),
      ...restartedAgain(b2, 'app', image, { count: 15, firstAgo: 5 * HOURS + 16, lastAgo: 11 }),
    ],
    logs: [
      logsFor(b1, 'app', { current: bigLog(b1, 3.4), previous: prev(b1, 22.5) }),
      logsFor(b2, 'app', { current: bigLog(b2, 10.9), previous: prev(b2, 27.1) }),
      logsFor(healthy, 'app', { current: fine }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/OMP_NUM_THREADS|threads?/i],
      facts: [/64/, /OMP_NUM_THREADS|num_threads/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /memory leak/i],
    },
  };
}

// ---- 4. redis-py 8 (RESP3 HELLO) against Redis 5 ----------------------------------------------------

function redisHelloOnRedis5(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeEksNodes('10.0.104', ['9', '122', '230']);
  const image = (v: string) => `${ECR}/notifications/notify-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '250m', memory: '384Mi',
      env: [
        { name: 'REDIS_URL', value: 'redis://notify-redis.notifications.svc.cluster.local:6379/0' },
        { name: 'UVICORN_WORKERS', value: '2' },
        { name: 'FCM_PROJECT', value: 'outdoor-shop-prod' },
      ],
      readiness: httpProbe('/ready', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'notify-api',
    replicas: 4,
    revisions: [
      { revision: 17, createdAgo: 16 * DAYS, changeCause: 'argocd: notify-api 2.6.4', template: tpl('2.6.4') },
      { revision: 18, createdAgo: 27, changeCause: 'argocd: notify-api 2.7.0 (renovate: redis 7.4.0 -> 8.0.0, fastapi 0.115.5)', template: tpl('2.7.0') },
    ],
    pods: [
      { revision: 17, node: names[0] ?? '', createdAgo: 16 * DAYS },
      { revision: 17, node: names[1] ?? '', createdAgo: 16 * DAYS },
      { revision: 17, node: names[2] ?? '', createdAgo: 16 * DAYS },
      { revision: 18, node: names[0] ?? '', createdAgo: 27, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 1.6, ranSeconds: 2 }, 10) } },
      { revision: 18, node: names[2] ?? '', createdAgo: 27, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 3.1, ranSeconds: 2 }, 10) } },
    ],
  });
  const redis = statefulSetApp({
    namespace: ns,
    name: 'notify-redis',
    replicas: 1,
    revisions: [{ revision: 2, createdAgo: 400 * DAYS, template: { containers: [container({ name: 'redis', image: 'docker.io/library/redis:5.0.14-alpine', args: ['redis-server', '--appendonly', 'yes', '--maxmemory', '768mb', '--maxmemory-policy', 'allkeys-lru'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '200m', memory: '1Gi', readiness: tcpProbe('redis'), liveness: tcpProbe('redis', { initialDelaySeconds: 15 }) })] } }],
    pods: [{ revision: 2, ordinal: 0, node: names[1] ?? '', createdAgo: 33 * DAYS }],
  });
  const redisPod = podOf(redis, 0);
  const other = bystander(ns, 'email-renderer', names, 4 * HOURS, { revisions: [33, 34], versions: ['5.2.0', '5.2.1'], olderAgo: 9 * DAYS });
  const [n1, n2] = [podOf(app, 3), podOf(app, 4)];
  const crash = (t: number) => lines(
    `INFO:     Started server process [1]`,
    `INFO:     Waiting for application startup.`,
    `${pyTime(t)} INFO notify_api.main: notify-api 2.7.0 starting (python 3.12.7, redis-py 8.0.0, fastapi 0.115.5)`,
    `ERROR:    Traceback (most recent call last):`,
    `  File "/usr/local/lib/python3.12/site-packages/starlette/routing.py", line 693, in lifespan`,
    `    async with self.lifespan_context(app) as maybe_state:`,
    `  File "/usr/local/lib/python3.12/contextlib.py", line 210, in __aenter__`,
    `    return await anext(self.gen)`,
    `  File "/app/notify_api/main.py", line 41, in lifespan`,
    `    await app.state.redis.ping()`,
    `  File "/usr/local/lib/python3.12/site-packages/redis/asyncio/client.py", line 690, in execute_command`,
    `    conn = self.connection or await pool.get_connection()`,
    `  File "/usr/local/lib/python3.12/site-packages/redis/asyncio/connection.py", line 1213, in get_connection`,
    `    await self.ensure_connection(connection)`,
    `  File "/usr/local/lib/python3.12/site-packages/redis/asyncio/connection.py", line 1236, in ensure_connection`,
    `    await connection.connect()`,
    `  File "/usr/local/lib/python3.12/site-packages/redis/asyncio/connection.py", line 296, in connect`,
    `    await self.on_connect_check_health(check_health=True)`,
    `  File "/usr/local/lib/python3.12/site-packages/redis/asyncio/connection.py", line 397, in on_connect_check_health`,
    `    response = await self.read_response()`,
    `  File "/usr/local/lib/python3.12/site-packages/redis/asyncio/connection.py", line 603, in read_response`,
    `    raise response from None`,
    'redis.exceptions.ResponseError: unknown command `HELLO`, with args beginning with: `3`, ',
    ``,
    `ERROR:    Application startup failed. Exiting.`,
  );
  const redisLog = lines(
    `1:C 19 Oct 2026 01:02:11.204 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    `1:C 19 Oct 2026 01:02:11.204 # Redis version=5.0.14, bits=64, commit=00000000, modified=0, pid=1, just started`,
    `1:M 19 Oct 2026 01:02:11.206 # WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.`,
    `1:M 19 Oct 2026 01:02:11.207 * Ready to accept connections`,
    `1:M 21 Nov 2026 02:48:03.118 * Background append only file rewriting started by pid 3120`,
    `1:M 21 Nov 2026 02:48:03.402 * AOF rewrite child asks to stop sending diffs.`,
    `3120:C 21 Nov 2026 02:48:03.404 * AOF rewrite: 2 MB of memory used by copy-on-write`,
    `1:M 21 Nov 2026 02:48:03.455 * Background AOF rewrite finished successfully`,
  );
  const oldLog = lines(
    ...[0, 1, 2, 3, 4].map((i) => `INFO:     10.0.${12 + i}.${40 + i * 9}:5${1200 + i * 37} - "POST /v1/notifications HTTP/1.1" 202 Accepted`),
    `${pyTime(3)} WARNING notify_api.fcm: FCM send failed for token …9f2c: UNREGISTERED (dropping token)`,
  );
  return {
    id: 'heldout69-redis-py8-hello-redis5',
    class: 'rollout',
    truth: 'Revision 18 (notify-api 2.7.0) pulled redis-py 8.0.0, which speaks RESP3 by default and opens every connection with HELLO 3; the notify-redis server is Redis 5.0.14, which has no HELLO command, so the start-up ping fails with "unknown command `HELLO`" and the new pods exit 3. Redis itself is healthy; pin redis<8 or set protocol=2.',
    ask: { service: 'notify-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'notify-api', selector: { app: 'notify-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'notify-redis', selector: { app: 'notify-redis' }, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], pods: redis.pods, endpointPort: 6379 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 1, 0, 27),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 17), 3, 4, 27),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 2, 1, 27),
      scheduled(n1, 27), scheduled(n2, 27),
      ...restartedAgain(n1, 'app', image('2.7.0'), { count: 11, firstAgo: 26.8, lastAgo: 1.6 }),
      ...restartedAgain(n2, 'app', image('2.7.0'), { count: 11, firstAgo: 26.8, lastAgo: 3.1 }),
      backOff(n1, 'app', { count: 119, firstAgo: 26.5 }),
      backOff(n2, 'app', { count: 117, firstAgo: 26.5 }),
    ],
    logs: [
      logsFor(n1, 'app', { current: crash(1.6), previous: crash(1.62) }),
      logsFor(n2, 'app', { current: crash(3.1), previous: crash(3.12) }),
      logsFor(podOf(app, 0), 'app', { current: oldLog }),
      logsFor(redisPod, 'redis', { current: redisLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/HELLO|RESP3|redis-py 8|redis 8/i, /revision 18|2\.7\.0/],
      facts: [/unknown command/i],
      never: [/\bOOM/, /redis[^\n]{0,30}(down|unreachable|not running|crash)/i, /connection refused/i],
    },
  };
}

// ---- 5. JDK 8u292 on cgroup v2 nodes sizes its heap from the node ----------------------------------

function jdk8CgroupV2(): CorpusScenario {
  const ns = 'billing';
  const al2 = nodeWith(node({ name: eksNodeName('10.0.112.40'), zone: 'eu-west-1a', instanceType: 'm6i.8xlarge', pool: 'general-al2', createdAgo: 160 * DAYS }), {
    osImage: 'Amazon Linux 2', kernelVersion: '5.10.228-219.884.amzn2.x86_64', runtime: 'containerd://1.7.22', cpu: '32', allocCpu: '31850m', memory: '129237996Ki', allocMemory: '124761580Ki',
  });
  const al2023 = [eksNodeName('10.0.113.77'), eksNodeName('10.0.114.161')].map((n, i) => nodeWith(node({ name: n, zone: i === 0 ? 'eu-west-1b' : 'eu-west-1c', instanceType: 'm7i.8xlarge', pool: 'general-al2023', createdAgo: 2 * DAYS }), {
    cpu: '32', allocCpu: '31850m', memory: '129237996Ki', allocMemory: '124761580Ki',
  }));
  const newNames = al2023.map(nameOf);
  const image = `${ECR}/billing/invoice-service:5.14.2`;
  const tpl = {
    containers: [container({
      image, ports: [8080], cpu: '1', memory: '2Gi',
      env: [
        { name: 'JAVA_OPTS', value: '-XX:MaxRAMPercentage=75.0 -XX:+UseG1GC -XshowSettings:vm' },
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-service',
    replicas: 3,
    revisions: [{ revision: 22, createdAgo: 24 * DAYS, changeCause: 'argocd: invoice-service 5.14.2', template: tpl }],
    pods: [
      { revision: 22, node: nameOf(al2), createdAgo: 24 * DAYS },
      { revision: 22, node: newNames[0] ?? '', createdAgo: 30 * HOURS, containers: { app: running({ sinceAgo: 14, restarts: 9, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 14.1, ranSeconds: 7400 } }) } },
      { revision: 22, node: newNames[1] ?? '', createdAgo: 30 * HOURS, containers: { app: running({ sinceAgo: 1.1, ready: false, restarts: 8, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 1.2, ranSeconds: 4900 } }) } },
    ],
    settled: { available: true, availableSince: 1.1, progressingSince: 24 * DAYS },
  });
  const [ok, p1, p2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const other = bystander(ns, 'tax-rates', [nameOf(al2), newNames[0] ?? ''], 5 * HOURS, { revisions: [4, 5], versions: ['1.9.2', '1.9.3'], olderAgo: 60 * DAYS });
  const boot = (heap: string, t: number) => [
    'VM settings:',
    `    Max. Heap Size (Estimated): ${heap}`,
    '    Ergonomics Machine Class: server',
    '    Using VM: OpenJDK 64-Bit Server VM',
    '',
    '',
    '  .   ____          _            __ _ _',
    ' /\\\\ / ___\'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\',
    '( ( )\\___ | \'_ | \'_| | \'_ \\/ _` | \\ \\ \\ \\',
    ' \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )',
    '  \'  |____| .__|_| |_|_| |_\\__, | / / / /',
    ' =========|_|==============|___/=/_/_/_/',
    ' :: Spring Boot ::               (v2.7.18)',
    '',
    `${at(t).replace('T', ' ').replace('Z', '')}  INFO 1 --- [           main] c.e.billing.InvoiceServiceApplication     : Starting InvoiceServiceApplication v5.14.2 using Java 1.8.0_292 on invoice-service with PID 1 (/app/app.jar started by app in /app)`,
    `${at(t - 0.5).replace('T', ' ').replace('Z', '')}  INFO 1 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port(s): 8080 (http) with context path ''`,
    `${at(t - 0.5).replace('T', ' ').replace('Z', '')}  INFO 1 --- [           main] c.e.billing.InvoiceServiceApplication     : Started InvoiceServiceApplication in 27.914 seconds (JVM running for 29.3)`,
  ];
  const work = (t: number, n: number) => [0, 1, 2, 3].map((i) => `${at(t - i * 6).replace('T', ' ').replace('Z', '')}  INFO 1 --- [pool-3-thread-${i + 1}] c.e.billing.batch.InvoiceRunJob          : rendered ${n + i * 400} invoices (PDF), heap used ${(1.4 + i * 0.31).toFixed(2)} GB`);
  return {
    id: 'heldout69-jdk8u292-cgroup-v2-heap',
    class: 'containers',
    truth: 'invoice-service runs Java 1.8.0_292, which predates cgroup v2 support (8u372); on the new general-al2023 node group (Amazon Linux 2023, cgroup v2) the JVM cannot see its 2Gi limit and sizes the heap from the node\'s 128 GiB (MaxRAMPercentage=75 -> ~92 GB), so the heap grows past the limit and the kernel OOMKills the container. The same image on the old Amazon Linux 2 (cgroup v1) node sees 1.5 GB and is fine.',
    ask: { service: 'invoice-service', namespace: ns },
    objects: [
      al2, ...al2023, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'invoice-service', selector: { app: 'invoice-service' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods }),
      scheduled(p1, 30 * HOURS), scheduled(p2, 30 * HOURS),
      ...restartedAgain(p1, 'app', image, { count: 9, firstAgo: 28 * HOURS, lastAgo: 14 }),
      ...restartedAgain(p2, 'app', image, { count: 8, firstAgo: 27 * HOURS, lastAgo: 1.1 }),
      backOff(p2, 'app', { count: 4, firstAgo: 90, lastAgo: 1 }),
      nodeEvent(eksNodeName('10.0.111.52'), 'RemovingNode', `Node ${eksNodeName('10.0.111.52')} event: Removing Node ${eksNodeName('10.0.111.52')} from Controller`, { firstAgo: 30 * HOURS + 2, component: 'node-controller' }),
    ],
    logs: [
      logsFor(ok, 'app', { current: lines(...boot('1.50G', 24 * DAYS), ...work(20, 8800)) }),
      logsFor(p1, 'app', { current: lines(...boot('91.87G', 13.5), ...work(3, 2100)), previous: lines(...boot('91.87G', 137), ...work(40, 25000), `${at(14.3).replace('T', ' ').replace('Z', '')}  INFO 1 --- [pool-3-thread-2] c.e.billing.batch.InvoiceRunJob          : rendered 27612 invoices (PDF), heap used 2.08 GB`) }),
      logsFor(p2, 'app', { current: lines(...boot('91.87G', 1.05).slice(0, 15)), previous: lines(...boot('91.87G', 83), ...work(30, 16000)) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/cgroup ?v2|1\.8\.0_292|8u292|JDK ?8|Java 8|heap/i],
      facts: [/OOMKilled/, /cgroup|al2023|Amazon Linux 2023|1\.8\.0_292|91\.87G/i],
      never: [/memory leak/i, ADVISES_ROLLBACK, /liveness probe/i],
    },
  };
}

// ---- 6. containerd 2.0 node group: soft RLIMIT_NOFILE 1024 -----------------------------------------

function containerd2Nofile(): CorpusScenario {
  const ns = 'realtime';
  const oldNodes = [eksNodeName('10.0.120.18'), eksNodeName('10.0.121.90')].map((n, i) => node({ name: n, zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', instanceType: 'c6i.2xlarge', pool: 'general-v1', createdAgo: 80 * DAYS }));
  const newNodes = [eksNodeName('10.0.122.33'), eksNodeName('10.0.123.141')].map((n, i) => nodeWith(node({ name: n, zone: i === 0 ? 'eu-west-1c' : 'eu-west-1a', instanceType: 'c7i.2xlarge', pool: 'general-v2', createdAgo: 20 * HOURS }), {
    runtime: 'containerd://2.0.5', osImage: 'Amazon Linux 2023.7.20250512', kernelVersion: '6.1.134-152.225.amzn2023.x86_64',
  }));
  const image = `${ECR}/realtime/ws-gateway:1.22.4`;
  const tpl = {
    containers: [container({
      image, ports: [8080, { name: 'metrics', containerPort: 9090 }], cpu: '1', memory: '1Gi',
      env: [{ name: 'MAX_CONNS', value: '20000' }, { name: 'UPSTREAM', value: 'presence.realtime.svc.cluster.local:7000' }, { name: 'GOMAXPROCS', value: '2' }],
      readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10, timeoutSeconds: 2 }),
    })],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'ws-gateway',
    replicas: 4,
    revisions: [{ revision: 9, createdAgo: 18 * DAYS, changeCause: 'argocd: ws-gateway 1.22.4', template: tpl }],
    pods: [
      { revision: 9, node: nameOf(oldNodes[0]), createdAgo: 18 * DAYS },
      { revision: 9, node: nameOf(oldNodes[1]), createdAgo: 18 * DAYS },
      { revision: 9, node: nameOf(newNodes[0]), createdAgo: 19 * HOURS, ready: false, containers: { app: running({ sinceAgo: 6, ready: false, restarts: 14, last: { exitCode: 137, reason: 'Error', finishedAgo: 6.1, ranSeconds: 2100 } }) } },
      { revision: 9, node: nameOf(newNodes[1]), createdAgo: 19 * HOURS, containers: { app: running({ sinceAgo: 21, restarts: 12, last: { exitCode: 137, reason: 'Error', finishedAgo: 21.1, ranSeconds: 2700 } }) } },
    ],
    settled: { available: true, availableSince: 18 * DAYS, progressingSince: 18 * DAYS },
  });
  const [o1, , n1, n2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3)];
  const goTime = (t: number) => at(t).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
  const boot = (t: number, soft: number, hard: number) => [
    `{"time":"${at(t)}","level":"INFO","msg":"ws-gateway starting","version":"1.22.4","go":"go1.23.3","gomaxprocs":2}`,
    `{"time":"${at(t)}","level":"INFO","msg":"rlimit","resource":"RLIMIT_NOFILE","soft":${soft},"hard":${hard}}`,
    `{"time":"${at(t - 0.01)}","level":"INFO","msg":"listening","addr":":8080","max_conns":20000}`,
  ];
  const emfile = (t0: number, n: number) => {
    const out: string[] = [`{"time":"${at(t0)}","level":"INFO","msg":"connections","open":${n - 40},"upstream":64}`];
    for (let i = 0; i < 8; i++) {
      const t = t0 - 0.2 - i * 0.35;
      out.push(`${goTime(t)} http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in ${[5, 10, 20, 40, 80, 160, 320, 640][i]}ms`);
      if (i % 3 === 1) out.push(`{"time":"${at(t - 0.01)}","level":"ERROR","msg":"upstream dial failed","upstream":"presence.realtime.svc.cluster.local:7000","error":"dial tcp 172.20.91.14:7000: socket: too many open files"}`);
    }
    out.push(`{"time":"${at(t0 - 3)}","level":"WARN","msg":"connections","open":${n},"upstream":61}`);
    return out;
  };
  const probe = (p: k8s.V1Pod) => `Get "http://${ipOf(p)}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  return {
    id: 'heldout69-containerd2-nofile-1024',
    class: 'nodes',
    truth: 'The new general-v2 node group (AL2023, containerd 2.0.5) runs containerd 2.x, whose systemd unit no longer sets LimitNOFILE=infinity for containers, so ws-gateway pods there start with a soft RLIMIT_NOFILE of 1024; at ~1000 websocket connections accept4 fails with "too many open files" (EMFILE), health checks time out and the kubelet restarts them. The same image on the containerd 1.7 general-v1 nodes (soft limit 1048576) holds 9000+ connections fine.',
    ask: { service: 'ws-gateway', namespace: ns },
    objects: [
      ...oldNodes, ...newNodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'ws-gateway', selector: { app: 'ws-gateway' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods }),
      scheduled(n1, 19 * HOURS), scheduled(n2, 19 * HOURS),
      probeFailed(n1, 'app', 'Liveness', probe(n1), { count: 44, firstAgo: 18 * HOURS, lastAgo: 6.2 }),
      probeFailed(n1, 'app', 'Readiness', `Get "http://${ipOf(n1)}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 310, firstAgo: 18 * HOURS, lastAgo: 0.3 }),
      probeKilling(n1, 'app', 'liveness', { count: 14, firstAgo: 18 * HOURS, lastAgo: 6.1 }),
      probeFailed(n2, 'app', 'Liveness', probe(n2), { count: 38, firstAgo: 17 * HOURS, lastAgo: 21.2 }),
      probeKilling(n2, 'app', 'liveness', { count: 12, firstAgo: 17 * HOURS, lastAgo: 21.1 }),
      ...restartedAgain(n1, 'app', image, { count: 14, firstAgo: 18 * HOURS, lastAgo: 6 }),
      ...restartedAgain(n2, 'app', image, { count: 12, firstAgo: 17 * HOURS, lastAgo: 21 }),
      nodeEvent(nameOf(newNodes[0]), 'NodeReady', `Node ${nameOf(newNodes[0])} status is now: NodeReady`, { firstAgo: 20 * HOURS }),
      nodeEvent(nameOf(oldNodes[1]), 'SystemOOM', 'System OOM encountered, victim process: node_exporter, pid: 48211', { type: 'Warning', firstAgo: 2 * DAYS }),
    ],
    logs: [
      logsFor(o1, 'app', { current: lines(...boot(18 * DAYS, 1048576, 1048576), `{"time":"${at(1)}","level":"INFO","msg":"connections","open":9412,"upstream":64}`) }),
      logsFor(n1, 'app', { current: lines(...boot(6, 1024, 524288), ...emfile(1.5, 1021)), previous: lines(...boot(41, 1024, 524288), ...emfile(9, 1019)) }),
      logsFor(n2, 'app', { current: lines(...boot(21, 1024, 524288), ...emfile(4, 1018)) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/open files|EMFILE|nofile|1024/i],
      facts: [/containerd:?\/*2\.0|containerd 2/i, /too many open files/i],
      never: [/\bOOM/, ADVISES_ROLLBACK, /memory leak/i],
    },
  };
}

// ---- 7. Healthy control: the punycode DEP0040 deprecation warning ----------------------------------

function healthyPunycodeWarning(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.130', ['15', '117', '203']);
  const image = (v: string) => `${ECR}/search/suggest-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [3000], cpu: '200m', memory: '256Mi', env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'OPENSEARCH_URL', value: 'https://search-catalog.eu-west-1.es.amazonaws.com' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'suggest-api',
    replicas: 3,
    revisions: [
      { revision: 63, createdAgo: 9 * DAYS, changeCause: 'argocd: suggest-api 4.2.0', template: tpl('4.2.0') },
      { revision: 64, createdAgo: 3 * HOURS, changeCause: 'argocd: suggest-api 4.3.0 (node 22.11.0)', template: tpl('4.3.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 64, node: names[k] ?? '', createdAgo: 3 * HOURS - k })),
  });
  const other = bystander(ns, 'synonyms-loader', names, 26 * HOURS, { revisions: [5, 6], versions: ['0.9.1', '0.9.2'], olderAgo: 50 * DAYS });
  const log = (p: k8s.V1Pod, k: number) => lines(
    '(node:1) [DEP0040] DeprecationWarning: The `punycode` module is deprecated. Please use a userland alternative instead.',
    '(Use `node --trace-deprecation ...` to show where the warning was created)',
    `{"level":30,"time":${epochMs(3 * HOURS - k - 0.1)},"pid":1,"hostname":"${nameOf(p)}","msg":"suggest-api 4.3.0 listening on :3000","node":"v22.11.0"}`,
    ...[0, 1, 2, 3, 4, 5].map((i) => `{"level":30,"time":${epochMs(5 - i * 0.7 - k * 0.1)},"pid":1,"hostname":"${nameOf(p)}","req":{"method":"GET","url":"/v1/suggest?q=${['ten', 'tent', 'hik', 'rain', 'bo', 'sleep'][i]}"},"res":{"statusCode":200},"responseTime":${9 + i + k}}`),
  );
  return {
    id: 'heldout69-healthy-punycode-deprecation',
    class: 'healthy',
    truth: 'suggest-api rolled out 4.3.0 on Node.js 22 three hours ago and serves normally; every pod prints "[DEP0040] DeprecationWarning: The `punycode` module is deprecated" at start-up (a transitive dependency of whatwg-url/tr46), which is harmless. Nothing is wrong.',
    ask: { service: 'suggest-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'suggest-api', selector: { app: 'suggest-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods, endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 64), 3, 0, 3 * HOURS),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 63), 0, 3, 3 * HOURS - 3),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('4.3.0'), 3 * HOURS - k)),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(p, k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems?|issues?)|running normally|all \d+ (pods|replicas)/i],
      facts: [/suggest-api/],
      never: [/punycode|DEP0040/i, ADVISES_ROLLBACK, /\bOOM/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  mongooseRemovedOption(),
  laravelFileSessions(),
  ompOversubscription(),
  redisHelloOnRedis5(),
  jdk8CgroupV2(),
  containerd2Nofile(),
  healthyPunycodeWarning(),
];
