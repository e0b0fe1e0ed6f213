// Held-out stories, fifty-third round, part two: a Node publisher whose release opens an AMQP
// channel per message and never closes it, so RabbitMQ closes each connection once it reaches the
// negotiated channel_max (2047); a Helm values change that cut the MongoDB driver's maxPoolSize
// from 100 to 10 while slow rating aggregations hold connections, so requests time out checking
// out a connection though mongod is idle and healthy; an analytics API release whose new dashboard
// asks Elasticsearch for a per-minute date_histogram over 30 days split by event type, refused
// with too_many_buckets_exception (search.max_buckets 65536) by a green cluster; an hourly Java
// compaction CronJob whose new fat jar no longer merges META-INF/services, so Hadoop finds no
// FileSystem for scheme "s3a"; a Spring Boot service rebuilt on eclipse-temurin 21 that still
// calls System.setSecurityManager (refused since JDK 18); a gunicorn service rebuilt on
// python:3.12 whose shared library imports distutils; and a healthy control: a Spring Boot
// gateway whose Resilience4j circuit breaker to a carrier went OPEN / HALF_OPEN / CLOSED during
// the carrier's maintenance three hours ago, its transition WARN lines still in the log.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, boundClaim, configMap, container, crashLoop, cronJob, cronJobEvent, deploymentApp,
  epochMs, event, execProbe, exposed, httpProbe, job, jobEvent, nameOf, probeFailed, pulledFresh, pyTime, restartedAgain, rsOf,
  scaledReplicaSet, startedNormally, statefulSetApp, tcpProbe, terminated,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { bystander, ipOfPod, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};

/** pino's JSON line: numeric level, epoch-ms time. */
const pino = (t: number, level: number, host: string, rest: string): string => `{"level":${level},"time":${epochMs(t)},"pid":1,"hostname":"${host}",${rest}}`;
/** RabbitMQ 3.13's log time: `2026-11-21 03:11:48.201000+00:00`. */
const rmqTime = (t: number): string => `${at(t).replace('T', ' ').replace('Z', '')}000+00:00`;
/** mongod's structured log time: `2026-11-21T03:05:12.331+00:00`. */
const mongoTime = (t: number): string => at(t).replace('Z', '+00:00');
/** gunicorn's log time: `[2026-11-21 03:10:02 +0000]`. */
const gunicornTime = (t: number): string => `[${at(t).slice(0, 19).replace('T', ' ')} +0000]`;
/** Spring Boot 3's console line. */
const spring = (t: number, level: string, app: string, thread: string, logger: string, msg: string): string =>
  `${at(t)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;

// ---- 1. a publisher that leaks one AMQP channel per message: RabbitMQ's channel_max ------------------

function amqpChannelLeak(): CorpusScenario {
  const ns = 'notify';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '139', '201']);
  const image = (v: string) => `${ECR}/notify/notification-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '300m', memory: '384Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'AMQP_URL', value: 'amqp://rabbitmq.notify.svc.cluster.local:5672/notify' },
        { name: 'AMQP_USER', value: 'notification-api' },
        { name: 'AMQP_PASSWORD', valueFrom: { secretKeyRef: { name: 'notification-api-amqp', key: 'password' } } },
        { name: 'AMQP_EXCHANGE', value: 'notifications' },
      ],
      readiness: httpProbe('/ready', 8080, { timeoutSeconds: 2 }),
      liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'notification-api',
    replicas: 3,
    revisions: [
      { revision: 57, createdAgo: 6 * DAYS, changeCause: 'argocd: notification-api 3.7.4', template: tpl('3.7.4') },
      { revision: 58, createdAgo: 52, changeCause: 'argocd: notification-api 3.8.0', template: tpl('3.8.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 58, node: names[k] ?? '', createdAgo: 51.6 - k * 1.2 })),
    settled: { available: true, availableSince: 49, progressingSince: 52, progressingUpdatedAgo: 49 },
  });
  const mqImage = 'docker.io/library/rabbitmq:3.13.7-management';
  const mq = statefulSetApp({
    namespace: ns,
    name: 'rabbitmq',
    replicas: 3,
    serviceName: 'rabbitmq-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 210 * DAYS,
    revisions: [{
      revision: 4,
      createdAgo: 34 * DAYS,
      template: {
        containers: [container({
          name: 'rabbitmq', image: mqImage, cpu: '1', memory: '2Gi',
          ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }, { name: 'epmd', containerPort: 4369 }, { name: 'dist', containerPort: 25672 }],
          env: [{ name: 'RABBITMQ_USE_LONGNAME', value: 'true' }, { name: 'RABBITMQ_NODENAME', value: 'rabbit@$(MY_POD_NAME).rabbitmq-headless.notify.svc.cluster.local' }],
          readiness: execProbe(['rabbitmq-diagnostics', '-q', 'check_port_connectivity'], { periodSeconds: 30, timeoutSeconds: 10 }),
          liveness: execProbe(['rabbitmq-diagnostics', '-q', 'status'], { initialDelaySeconds: 120, periodSeconds: 60, timeoutSeconds: 15 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq/mnesia' }],
        })],
        serviceAccountName: 'rabbitmq',
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }],
    pods: [0, 1, 2].map((o) => ({ revision: 4, ordinal: o, node: names[o] ?? '', createdAgo: 34 * DAYS - o * 4 })),
  });
  const claims = [0, 1, 2].flatMap((o) => boundClaim({ namespace: ns, name: `data-rabbitmq-${o}`, storage: '20Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][o] ?? 'eu-west-1a', createdAgo: 210 * DAYS }));
  const other = bystander(ns, 'notification-templates', names, 21, { revisions: [19, 20], versions: ['1.12.0', '1.13.0'], olderAgo: 15 * DAYS });
  const refused = 'NOT_ALLOWED - number of channels opened (2047) has reached the negotiated channel_max (2047)';
  const keys = ['email.order_shipped', 'push.order_shipped', 'email.password_reset', 'sms.delivery_window', 'push.cart_reminder', 'email.order_confirmed'];
  const apiLog = (p: k8s.V1Pod, k: number): string => {
    const host = nameOf(p);
    const start = 51.3 - k * 1.2;
    const out: string[] = [
      pino(start, 30, host, '"msg":"starting notification-api","version":"3.8.0","node":"v20.18.0"'),
      pino(start - 0.01, 30, host, '"msg":"amqp connected","host":"rabbitmq.notify.svc.cluster.local","vhost":"notify","channelMax":2047,"frameMax":131072,"heartbeat":60'),
      pino(start - 0.01, 30, host, '"msg":"exchange asserted","exchange":"notifications","type":"topic","durable":true'),
      pino(start - 0.02, 30, host, '"msg":"Server listening at http://0.0.0.0:8080"'),
    ];
    let i = 0;
    for (let t = 43.4 - k * 0.41; t > 0.5; t -= 1.1 + ((k + i) % 3) * 0.12, i++) {
      const rk = keys[(i + k) % keys.length] ?? 'email.order_shipped';
      out.push(pino(t + 0.3, 30, host, `"reqId":"req-${(k + 1) * 1000 + i * 7}","msg":"request completed","req":{"method":"POST","url":"/v1/notifications"},"res":{"statusCode":202},"responseTime":${4 + (i % 5)}`));
      if (i % 4 === 1) out.push(pino(t + 0.2, 30, host, `"reqId":"req-${(k + 1) * 1000 + i * 7 + 1}","msg":"request completed","req":{"method":"GET","url":"/v1/preferences/u_${48210 + i * 13}"},"res":{"statusCode":200},"responseTime":${11 + (i % 7)}`));
      out.push(pino(t, 50, host, `"msg":"publish failed","exchange":"notifications","routingKey":"${rk}","err":{"type":"AMQPError","message":"${refused}","code":530}`));
      out.push(pino(t - 0.001, 40, host, `"msg":"amqp connection closed by broker, reconnecting","code":530,"reason":"${refused}"`));
      out.push(pino(t - 0.002, 30, host, `"reqId":"req-${(k + 1) * 1000 + i * 7 + 2}","msg":"request completed","req":{"method":"POST","url":"/v1/notifications"},"res":{"statusCode":503},"responseTime":${2 + (i % 3)}`));
      if (i % 2 === 0) out.push(pino(t - 0.003, 30, host, `"reqId":"req-${(k + 1) * 1000 + i * 7 + 3}","msg":"request completed","req":{"method":"POST","url":"/v1/notifications"},"res":{"statusCode":503},"responseTime":1`));
      out.push(pino(t - 0.02, 30, host, '"msg":"amqp connected","host":"rabbitmq.notify.svc.cluster.local","vhost":"notify","channelMax":2047,"frameMax":131072,"heartbeat":60'));
    }
    out.push(pino(0.2, 30, host, `"reqId":"req-${(k + 1) * 1000 + 999}","msg":"request completed","req":{"method":"POST","url":"/v1/notifications"},"res":{"statusCode":202},"responseTime":5`));
    return lines(...out);
  };
  // The broker's side: each notification-api connection closed at 2047 channels, then a new one.
  const mqLog = (): string => {
    const head: string[] = [
      `${rmqTime(34 * DAYS - 1)} [info] <0.254.0> Server startup complete; 5 plugins started.`,
      `${rmqTime(34 * DAYS - 1)} [info] <0.254.0>  * rabbitmq_prometheus`,
      `${rmqTime(34 * DAYS - 1)} [info] <0.254.0>  * rabbitmq_management`,
      `${rmqTime(26 * HOURS)} [info] <0.18812.44> accepting AMQP connection <0.18812.44> (10.0.41.203:52214 -> 10.0.9.14:5672)`,
      `${rmqTime(26 * HOURS)} [info] <0.18812.44> connection <0.18812.44> (10.0.41.203:52214 -> 10.0.9.14:5672): user 'notification-worker' authenticated and granted access to vhost 'notify'`,
      `${rmqTime(21.2)} [info] <0.91220.51> accepting AMQP connection <0.91220.51> (10.0.41.77:40322 -> 10.0.9.14:5672)`,
      `${rmqTime(21.2)} [info] <0.91220.51> connection <0.91220.51> (10.0.41.77:40322 -> 10.0.9.14:5672): user 'notification-templates' authenticated and granted access to vhost 'notify'`,
    ];
    let proc = 90100;
    const entries: { t: number; text: string }[] = [];
    app.pods.forEach((p, k) => {
      const ip = ipOfPod(p);
      let i = 0;
      for (let t = 43.4 - k * 0.41; t > 0.5; t -= 1.1 + ((k + i) % 3) * 0.12, i++) {
        const out: string[] = [];
        const port = 40000 + ((k * 977 + i * 131) % 20000);
        const pid = `<0.${proc + i * 17}.51>`;
        out.push(`${rmqTime(t + 0.0005)} [error] ${pid} Error on AMQP connection ${pid} (${ip}:${port} -> 10.0.9.14:5672, vhost: 'notify', user: 'notification-api', state: running), channel 2048:`);
        out.push(`${rmqTime(t + 0.0005)} [error] ${pid}  operation channel.open caused a connection exception not_allowed: "number of channels opened (2047) has reached the negotiated channel_max (2047)"`);
        out.push(`${rmqTime(t + 0.0003)} [info] ${pid} closing AMQP connection ${pid} (${ip}:${port} -> 10.0.9.14:5672, vhost: 'notify', user: 'notification-api')`);
        const next = `<0.${proc + i * 17 + 9}.51>`;
        out.push(`${rmqTime(t - 0.015)} [info] ${next} accepting AMQP connection ${next} (${ip}:${port + 1} -> 10.0.9.14:5672)`);
        out.push(`${rmqTime(t - 0.016)} [info] ${next} connection ${next} (${ip}:${port + 1} -> 10.0.9.14:5672): user 'notification-api' authenticated and granted access to vhost 'notify'`);
        entries.push({ t, text: out.join('\n') });
      }
      proc += 4000;
    });
    return lines(...head, ...entries.sort((a, b) => b.t - a.t).map((e) => e.text));
  };
  const mq0 = podOf(mq, 0);
  return {
    id: 'heldout53-amqp-channel-leak-channel-max',
    class: 'config',
    truth: 'notification-api 3.8.0 (revision 58, rolled out 52 minutes ago) changed its publisher to open a new AMQP channel for every message and never close it. Each connection therefore reaches the channel_max negotiated with RabbitMQ (2047) after about two thousand publishes; RabbitMQ answers the next channel.open with a connection exception (530 NOT_ALLOWED - number of channels opened (2047) has reached the negotiated channel_max (2047)) and closes the connection, the publishes in flight fail and the API answers 503 until the client reconnects, about once a minute per pod since. The broker itself is healthy; the fix is to roll back to 3.7.4 or reuse (or close) the publishing channel.',
    ask: { service: 'notification-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mq.objects, ...claims, ...other.objects,
      ...exposed({ namespace: ns, name: 'notification-api', selector: { app: 'notification-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }, { name: 'management', port: 15672, targetPort: 'management' }], pods: mq.pods, endpointPort: 5672, createdAgo: 210 * DAYS }),
      ...exposed({ namespace: ns, name: 'rabbitmq-headless', headless: true, selector: { app: 'rabbitmq' }, ports: [{ name: 'amqp', port: 5672, targetPort: 'amqp' }, { name: 'dist', port: 25672, targetPort: 'dist' }], pods: mq.pods, endpointPort: 5672, createdAgo: 210 * DAYS }),
      ...exposed({ namespace: ns, name: 'notification-templates', selector: { app: 'notification-templates' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 1, 0, 52),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 2, 3, 51),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 58), 3, 1, 50.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 0, 2, 49),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 20), 2, 0, 21),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 19), 0, 2, 20),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image('3.8.0'), 51.6 - k * 1.2)),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 14 + k * 3, firstAgo: 42.9 - k * 0.4, lastAgo: 1.1 + k * 0.6 })),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
      logsFor(mq0, 'rabbitmq', { current: mqLog() }),
      logsFor(podOf(mq, 1), 'rabbitmq', { current: lines(`${rmqTime(34 * DAYS - 4)} [info] <0.254.0> Server startup complete; 5 plugins started.`, `${rmqTime(3 * HOURS)} [info] <0.7712.40> accepting AMQP connection <0.7712.40> (10.0.41.203:52990 -> 10.0.22.61:5672)`, `${rmqTime(3 * HOURS)} [info] <0.7712.40> connection <0.7712.40> (10.0.41.203:52990 -> 10.0.22.61:5672): user 'notification-worker' authenticated and granted access to vhost 'notify'`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/channel_max|channel[ -]max|number of channels|channels?\b[^\n]{0,40}\b(leak|limit|exhaust)|leak\w*[^\n]{0,30}channels?|NOT_ALLOWED/i],
      facts: [/2047/, /3\.8\.0|revision 58/, /rabbitmq|AMQP/i],
      never: [/\bOOM/, /(rabbitmq|broker)[^\n]{0,40}\b(is|was) (down|unreachable|unavailable|crash)/i, /memory (alarm|high.?watermark)|disk alarm/i, /NetworkPolicy/, /notification-templates/],
    },
  };
}

// ---- 2. maxPoolSize 100 → 10 with slow aggregations: wait-queue timeouts, mongod healthy ---------------

function mongoPoolShrunk(): CorpusScenario {
  const ns = 'reviews';
  const { nodes, names } = threeEksNodes('10.0.118', ['22', '147', '233']);
  const image = `${ECR}/reviews/reviews-api:5.3.1`;
  const hosts = [0, 1, 2].map((o) => `reviews-mongo-${o}.reviews-mongo-headless.reviews.svc.cluster.local:27017`);
  const tpl = (pool: string) => ({
    containers: [container({
      image, ports: [3000], cpu: '500m', memory: '512Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'MONGODB_URI', value: `mongodb://${hosts.join(',')}/reviews?replicaSet=rs0&readPreference=primaryPreferred&appName=reviews-api` },
        { name: 'MONGODB_USER', value: 'reviews_api' },
        { name: 'MONGODB_PASSWORD', valueFrom: { secretKeyRef: { name: 'reviews-mongo-app', key: 'password' } } },
        { name: 'MONGODB_MAX_POOL_SIZE', value: pool },
        { name: 'MONGODB_WAIT_QUEUE_TIMEOUT_MS', value: '2000' },
      ],
      readiness: httpProbe('/ready', 3000, { timeoutSeconds: 3 }),
      liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 15 }),
    })],
    annotations: { 'checksum/values': pool === '100' ? '6f1e0b0c2a9d' : 'a93d7c51e4b2' },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'reviews-api',
    replicas: 4,
    revisions: [
      { revision: 61, createdAgo: 11 * DAYS, changeCause: 'argocd: reviews-api 5.3.0', template: { ...tpl('100'), containers: tpl('100').containers.map((c) => ({ ...c, image: `${ECR}/reviews/reviews-api:5.3.0` })) } },
      { revision: 62, createdAgo: 3 * DAYS, changeCause: 'argocd: reviews-api 5.3.1', template: tpl('100') },
      { revision: 63, createdAgo: 46, changeCause: 'argocd: reviews-api 5.3.1', template: tpl('10') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({
      revision: 63, node: names[k % 3] ?? '', createdAgo: 45.6 - k * 0.9,
      ...(k === 2 ? { containers: { app: { state: { running: { startedAt: ago(43.7) } }, ready: false, restartCount: 0, started: true } } } : {}),
    })),
    settled: { available: true, availableSince: 42.5, progressingSince: 46, progressingUpdatedAgo: 42.5 },
  });
  const mongoImage = 'docker.io/library/mongo:7.0.14';
  const mongo = statefulSetApp({
    namespace: ns,
    name: 'reviews-mongo',
    replicas: 3,
    serviceName: 'reviews-mongo-headless',
    createdAgo: 300 * DAYS,
    revisions: [{
      revision: 7,
      createdAgo: 58 * DAYS,
      template: {
        containers: [container({
          name: 'mongod', image: mongoImage, cpu: '2', memory: '8Gi',
          command: ['mongod'], args: ['--replSet', 'rs0', '--bind_ip_all', '--auth', '--keyFile', '/etc/mongo-keyfile/keyfile', '--wiredTigerCacheSizeGB', '3'],
          ports: [{ name: 'mongodb', containerPort: 27017 }],
          readiness: execProbe(['mongosh', '--quiet', '--eval', 'db.adminCommand("ping").ok'], { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: tcpProbe('mongodb', { initialDelaySeconds: 30, periodSeconds: 20 }),
          volumeMounts: [{ name: 'data', mountPath: '/data/db' }, { name: 'keyfile', mountPath: '/etc/mongo-keyfile', readOnly: true }],
        })],
        volumes: [{ name: 'keyfile', secret: { secretName: 'reviews-mongo-keyfile', defaultMode: 256 } }],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [0, 1, 2].map((o) => ({ revision: 7, ordinal: o, node: names[o] ?? '', createdAgo: 58 * DAYS - o * 6 })),
  });
  const claims = [0, 1, 2].flatMap((o) => boundClaim({ namespace: ns, name: `data-reviews-mongo-${o}`, storage: '200Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][o] ?? 'eu-west-1a', createdAgo: 300 * DAYS }));
  const products = ['P-18842', 'P-20317', 'P-77104', 'P-10938', 'P-55120', 'P-31877', 'P-90412', 'P-64009'];
  const waitErr = (host: string) =>
    `"err":{"type":"MongoWaitQueueTimeoutError","message":"Timed out while checking out a connection from connection pool","stack":"MongoWaitQueueTimeoutError: Timed out while checking out a connection from connection pool\\n    at Timeout._onTimeout (/app/node_modules/mongodb/lib/cmap/connection_pool.js:163:36)\\n    at listOnTimeout (node:internal/timers:581:17)\\n    at process.processTimers (node:internal/timers:519:7)"},"address":"${host}"`;
  const apiLog = (p: k8s.V1Pod, k: number): string => {
    const host = nameOf(p);
    const start = 45.4 - k * 0.9;
    const out: string[] = [
      pino(start, 30, host, '"msg":"reviews-api starting","version":"5.3.1","node":"v20.18.0"'),
      pino(start - 0.02, 30, host, `"msg":"mongo client connected","replicaSet":"rs0","hosts":${JSON.stringify(hosts)},"maxPoolSize":10,"waitQueueTimeoutMS":2000`),
      pino(start - 0.03, 30, host, '"msg":"Server listening at http://0.0.0.0:3000"'),
    ];
    let i = 0;
    for (let t = 41.8 - k * 0.3; t > 0.4; t -= 0.9 + ((i + k) % 4) * 0.1, i++) {
      const prod = products[(i + k) % products.length] ?? 'P-1';
      out.push(pino(t + 0.1, 40, host, `"msg":"slow aggregation","route":"/v1/products/:id/rating-summary","productId":"${prod}","durationMs":${3400 + ((i * 613 + k * 211) % 2900)}`));
      out.push(pino(t + 0.05, 30, host, `"reqId":"r-${k}-${i}a","msg":"request completed","req":{"method":"GET","url":"/v1/products/${prod}/rating-summary"},"res":{"statusCode":200},"responseTime":${3420 + ((i * 613 + k * 211) % 2900)}`));
      out.push(pino(t, 50, host, `"reqId":"r-${k}-${i}b","msg":"request failed","req":{"method":"GET","url":"/v1/products/${products[(i + k + 3) % products.length] ?? 'P-2'}/reviews?page=1&sort=recent"},${waitErr(hosts[0] ?? '')}`));
      out.push(pino(t - 0.001, 30, host, `"reqId":"r-${k}-${i}b","msg":"request completed","req":{"method":"GET","url":"/v1/products/${products[(i + k + 3) % products.length] ?? 'P-2'}/reviews?page=1&sort=recent"},"res":{"statusCode":500},"responseTime":2004`));
      if (i % 3 === 0) {
        out.push(pino(t - 0.01, 50, host, `"reqId":"r-${k}-${i}c","msg":"request failed","req":{"method":"POST","url":"/v1/reviews"},${waitErr(hosts[0] ?? '')}`));
        out.push(pino(t - 0.011, 30, host, `"reqId":"r-${k}-${i}c","msg":"request completed","req":{"method":"POST","url":"/v1/reviews"},"res":{"statusCode":500},"responseTime":2001`));
      }
      if (i % 5 === 2) out.push(pino(t - 0.02, 40, host, `"msg":"readiness check failed","check":"mongo ping",${waitErr(hosts[0] ?? '')}`));
      if (i % 2 === 1) out.push(pino(t - 0.03, 30, host, `"reqId":"r-${k}-${i}d","msg":"request completed","req":{"method":"GET","url":"/v1/products/${prod}/reviews?page=2&sort=helpful"},"res":{"statusCode":200},"responseTime":${38 + (i % 9) * 7}`));
    }
    return lines(...out);
  };
  // The primary: a few dozen connections since the restart (hundreds before), the usual slow aggregation, checkpoints.
  const mongoLog = (): string => {
    const out: string[] = [];
    const conn = (t: number, msg: string, remote: string, id: number, count: number) =>
      `{"t":{"$date":"${mongoTime(t)}"},"s":"I",  "c":"NETWORK",  "id":${msg === 'Connection accepted' ? 22943 : 22944},   "ctx":"${msg === 'Connection accepted' ? 'listener' : `conn${id}`}","msg":"${msg}","attr":{"remote":"${remote}","uuid":{"uuid":{"$uuid":"${id.toString(16).padStart(8, '0')}-3c1e-4f7a-9b2d-5e8a1c0f${(id % 9999).toString().padStart(4, '0')}"}},"connectionId":${id},"connectionCount":${count}}}`;
    for (let j = 0; j < 6; j++) out.push(conn(44.9 - j * 0.45, 'Connection ended', `10.0.${30 + j}.${40 + j * 9}:${51000 + j * 37}`, 3_918_200 + j * 41, 412 - j * 61));
    app.pods.forEach((p, k) => {
      for (let j = 0; j < 3; j++) out.push(conn(45.4 - k * 0.9 - j * 0.001, 'Connection accepted', `${ipOfPod(p)}:${44100 + k * 97 + j}`, 3_921_000 + k * 20 + j, 24 + k * 10 + j));
    });
    for (let t = 41; t > 0.5; t -= 2.3) {
      const i = Math.round(t * 10);
      out.push(`{"t":{"$date":"${mongoTime(t)}"},"s":"I",  "c":"COMMAND",  "id":51803,   "ctx":"conn${3_921_000 + (i % 40)}","msg":"Slow query","attr":{"type":"command","ns":"reviews.reviews","appName":"reviews-api","command":{"aggregate":"reviews","pipeline":[{"$match":{"productId":"${products[i % products.length] ?? 'P-1'}","status":"published"}},{"$group":{"_id":"$rating","count":{"$sum":1},"avgHelpful":{"$avg":"$helpfulVotes"}}}],"cursor":{},"$db":"reviews"},"planSummary":"IXSCAN { productId: 1, status: 1 }","keysExamined":${41000 + (i * 137) % 9000},"docsExamined":${41000 + (i * 137) % 9000},"cursorExhausted":true,"numYields":${48 + i % 20},"nreturned":5,"queryHash":"9F1C2A4B","planCacheKey":"3D07E1B8","reslen":412,"locks":{"Global":{"acquireCount":{"r":${49 + i % 20}}}},"storage":{"data":{"bytesRead":${18_000_000 + (i * 7919) % 4_000_000},"timeReadingMicros":${1_200_000 + (i * 331) % 900_000}}},"remote":"${ipOfPod(app.pods[i % 4])}:${44100 + (i % 4) * 97}","protocol":"op_msg","durationMillis":${3300 + (i * 613) % 2900}}}`);
      if (Math.round(t * 10) % 3 === 0) out.push(`{"t":{"$date":"${mongoTime(t - 0.3)}"},"s":"I",  "c":"WTCHKPT",  "id":22430,   "ctx":"Checkpointer","msg":"WiredTiger message","attr":{"message":{"ts_sec":${Math.floor(epochMs(t - 0.3) / 1000)},"ts_usec":0,"thread":"1:0x7f3c2a1fe640","session_name":"WT_SESSION.checkpoint","category":"WT_VERB_CHECKPOINT_PROGRESS","category_id":6,"verbose_level":"DEBUG_1","verbose_level_id":1,"msg":"saving checkpoint snapshot min: ${880_000 + i}, snapshot max: ${880_000 + i} snapshot count: 0, oldest timestamp: (${Math.floor(epochMs(t + 5) / 1000)}, 1) , meta checkpoint timestamp: (${Math.floor(epochMs(t + 0.1) / 1000)}, 1) base write gen: 6120933"}}}`);
    }
    return lines(...out.sort());
  };
  const unready = podOf(app, 2);
  return {
    id: 'heldout53-mongo-max-pool-size-cut',
    class: 'config',
    truth: 'A values change rolled out as reviews-api revision 63 (46 minutes ago, same 5.3.1 image) lowered MONGODB_MAX_POOL_SIZE from 100 to 10 per pod to cut connections on the replica set. The rating-summary aggregations, slow for weeks (3–6 s each), now hold most of the ten connections of a pod, so other requests wait in the driver\'s wait queue and fail after 2 s with MongoWaitQueueTimeoutError ("Timed out while checking out a connection from connection pool"): 500s, and the readiness check (a ping through the same pool) fails now and then. mongod is healthy and barely loaded (a few dozen connections). Fix: restore the pool size (roll back to revision 62) or raise it, and take the slow aggregation off the request path.',
    ask: { service: 'reviews-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mongo.objects, ...claims,
      ...exposed({ namespace: ns, name: 'reviews-api', selector: { app: 'reviews-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'reviews-mongo-headless', headless: true, selector: { app: 'reviews-mongo' }, ports: [{ name: 'mongodb', port: 27017, targetPort: 'mongodb' }], pods: mongo.pods, endpointPort: 27017, createdAgo: 300 * DAYS }),
      configMap({ namespace: ns, name: 'reviews-api-flags', createdAgo: 90 * DAYS, data: { 'RATING_SUMMARY_CACHE_TTL': '0', 'REVIEWS_PAGE_SIZE': '20', 'FEATURE_HELPFUL_SORT': 'true' } }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 63), 1, 0, 46),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 62), 3, 4, 45.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 63), 4, 1, 44.5),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 62), 0, 3, 42.5),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image, 45.6 - k * 0.9)),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:3000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 9 + k * 4, firstAgo: 41.2 - k * 0.3, lastAgo: k === 2 ? 0.2 : 2.4 + k })),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
      logsFor(podOf(mongo, 0), 'mongod', { current: mongoLog() }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/connection pool|maxPoolSize|MAX_POOL_SIZE|pool size|WaitQueueTimeout|wait queue|checking out a connection/i],
      facts: [/\b100\b[^\n]{0,60}\b10\b|\b10\b[^\n]{0,60}\b100\b|MAX_POOL_SIZE[^\n]{0,20}\b10\b|maxPoolSize[^\n]{0,20}\b10\b/i, /revision 63/, /Timed out while checking out a connection|WaitQueueTimeout/i],
      never: [/\bOOM/, /mongo[^\n]{0,40}\b(is|was) (down|unreachable|unavailable|overloaded|not responding)/i, /NetworkPolicy/, /\bDNS\b/, /COLLSCAN|missing index/i],
    },
  };
}

// ---- 3. a per-minute date_histogram over 30 days: too_many_buckets_exception, cluster green ------------

function elasticsearchTooManyBuckets(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.140', ['9', '118', '240']);
  const image = (v: string) => `${ECR}/analytics/insights-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '500m', memory: '768Mi',
      command: ['uvicorn', 'insights.main:app', '--host', '0.0.0.0', '--port', '8000', '--workers', '2', '--proxy-headers'],
      env: [
        { name: 'ES_HOSTS', value: 'http://analytics-es.analytics.svc.cluster.local:9200' },
        { name: 'ES_API_KEY', valueFrom: { secretKeyRef: { name: 'insights-api-es', key: 'api-key' } } },
        { name: 'ES_REQUEST_TIMEOUT', value: '30' },
        { name: 'EVENTS_INDEX', value: 'events-*' },
      ],
      readiness: httpProbe('/health/ready', 8000),
      liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'insights-api',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 9 * DAYS, changeCause: 'argocd: insights-api 2.13.2', template: tpl('2.13.2') },
      { revision: 27, createdAgo: 2 * HOURS + 10, changeCause: 'argocd: insights-api 2.14.0', template: tpl('2.14.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 2 * HOURS + 9.5 - k * 0.8 })),
    settled: { available: true, availableSince: 2 * HOURS + 7, progressingSince: 2 * HOURS + 10, progressingUpdatedAgo: 2 * HOURS + 7 },
  });
  const esImage = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3';
  const es = statefulSetApp({
    namespace: ns,
    name: 'analytics-es',
    replicas: 3,
    serviceName: 'analytics-es-headless',
    podManagementPolicy: 'Parallel',
    createdAgo: 400 * DAYS,
    revisions: [{
      revision: 12,
      createdAgo: 27 * DAYS,
      template: {
        containers: [container({
          name: 'elasticsearch', image: esImage, cpu: '2', memory: '16Gi',
          ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }],
          env: [{ name: 'ES_JAVA_OPTS', value: '-Xms8g -Xmx8g' }, { name: 'cluster.name', value: 'analytics' }, { name: 'discovery.seed_hosts', value: 'analytics-es-headless' }],
          readiness: execProbe(['bash', '-c', 'curl -sf "http://127.0.0.1:9200/_cluster/health?wait_for_status=yellow&timeout=1s"'], { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: tcpProbe('transport', { initialDelaySeconds: 60, periodSeconds: 20 }),
          volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }],
    pods: [0, 1, 2].map((o) => ({ revision: 12, ordinal: o, node: names[o] ?? '', createdAgo: 27 * DAYS - o * 9 })),
  });
  const claims = [0, 1, 2].flatMap((o) => boundClaim({ namespace: ns, name: `data-analytics-es-${o}`, storage: '500Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][o] ?? 'eu-west-1a', createdAgo: 400 * DAYS }));
  const other = bystander(ns, 'insights-ingest', names, 28, { revisions: [40, 41], versions: ['3.2.0', '3.2.1'], olderAgo: 13 * DAYS });
  const tooMany = 'Trying to create too many buckets. Must be less than or equal to: [65536] but this number of buckets was exceeded. This limit can be set by changing the [search.max_buckets] cluster level setting.';
  const clients = ['10.0.12.77', '10.0.12.91', '10.0.13.4'];
  const routes = ['/v1/reports/funnel?range=7d', '/v1/reports/retention?cohort=weekly', '/v1/dashboards/acquisition?range=14d&interval=1d', '/v1/segments/412/size'];
  const apiLog = (p: k8s.V1Pod, k: number): string => {
    const start = 2 * HOURS + 9.3 - k * 0.8;
    const out: string[] = [
      'INFO:     Started server process [1]',
      'INFO:     Waiting for application startup.',
      `{"timestamp":"${at(start)}","level":"info","event":"elasticsearch client ready","hosts":["http://analytics-es.analytics.svc.cluster.local:9200"],"cluster":"analytics","es_version":"8.15.3","app_version":"2.14.0"}`,
      `{"timestamp":"${at(start)}","level":"info","event":"dashboards registered","dashboards":["acquisition","funnel","retention","traffic-overview"]}`,
      'INFO:     Application startup complete.',
      'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)',
    ];
    let i = 0;
    for (let t = 96 - k * 2.7; t > 0.5; t -= 4.1 + ((i + k) % 3) * 1.3, i++) {
      const c = clients[(i + k) % clients.length] ?? '10.0.12.77';
      out.push(`INFO:     ${c}:${41000 + i * 37 + k} - "GET ${routes[(i + k) % routes.length] ?? '/v1/reports/funnel?range=7d'} HTTP/1.1" 200 OK`);
      out.push(`{"timestamp":"${at(t)}","level":"error","event":"dashboard query failed","dashboard":"traffic-overview","range":"30d","interval":"1m","split_by":"event_type","index":"events-*","took_ms":${2100 + (i * 397) % 1800},"status":503,"error_type":"too_many_buckets_exception","error":"ApiError(503, 'search_phase_execution_exception', '${tooMany}')"}`);
      out.push(`INFO:     ${c}:${41000 + i * 37 + k + 1} - "GET /v1/dashboards/traffic-overview?range=30d HTTP/1.1" 502 Bad Gateway`);
      if (i % 3 === 1) out.push(`{"timestamp":"${at(t - 0.2)}","level":"info","event":"dashboard query","dashboard":"traffic-overview","range":"24h","interval":"1m","split_by":"event_type","took_ms":${310 + (i * 71) % 200},"buckets":${1440 * 6}}`, `INFO:     ${c}:${41000 + i * 37 + k + 2} - "GET /v1/dashboards/traffic-overview?range=24h HTTP/1.1" 200 OK`);
      if (i % 4 === 2) out.push(`INFO:     10.0.${k}.1:${50000 + i} - "GET /health/ready HTTP/1.1" 200 OK`);
    }
    return lines(...out);
  };
  const esLine = (t: number, level: string, logger: string, thread: string, message: string, extra = ''): string =>
    `{"@timestamp":"${at(t)}", "log.level":"${level}", "message":"${message}", "ecs.version": "1.2.0","service.name":"ES_ECS","event.dataset":"elasticsearch.server","process.thread.name":"elasticsearch[analytics-es-0][${thread}]","log.logger":"${logger}","elasticsearch.cluster.uuid":"x3Kp9QvTQ2m4c0Yb7LwB1g","elasticsearch.node.id":"Hq2lR8vYSzKk1o0m3nT5eA","elasticsearch.node.name":"analytics-es-0","elasticsearch.cluster.name":"analytics"${extra}}`;
  const esLog = (): string => {
    const out: string[] = [
      esLine(27 * DAYS - 2, 'INFO', 'org.elasticsearch.cluster.routing.allocation.AllocationService', 'masterService#updateTask][T#1', 'current.health=\\"GREEN\\" message=\\"Cluster health status changed from [YELLOW] to [GREEN] (reason: [shards started [[.ds-events-2026.10.25-000118][1]]]).\\" previous.health=\\"YELLOW\\" reason=\\"shards started [[.ds-events-2026.10.25-000118][1]]\\"'),
      esLine(3 * HOURS + 14, 'INFO', 'org.elasticsearch.cluster.metadata.MetadataCreateIndexService', 'masterService#updateTask][T#1', '[.ds-events-2026.11.21-000143] creating index, cause [rollover_data_stream], templates [events], shards [3]/[1]'),
      esLine(3 * HOURS + 13.9, 'INFO', 'org.elasticsearch.xpack.core.ilm.RolloverStep', 'generic][T#14', 'rolled over data stream [events] to index [.ds-events-2026.11.21-000143]'),
    ];
    let i = 0;
    for (let t = 96; t > 0.5; t -= 4.1 + (i % 3) * 1.3, i++) {
      if (i % 2 === 1) continue;
      out.push(esLine(t + 0.001, 'WARN', 'rest.suppressed', `search_coordination][T#${1 + (i % 4)}`, 'path: /events-*/_search, params: {index=events-*, request_cache=true, size=0}, status: 503', `,"error.type":"org.elasticsearch.action.search.SearchPhaseExecutionException","error.message":"","error.stack_trace":"Failed to execute phase [query], \\n\\tat org.elasticsearch.action.search.AbstractSearchAsyncAction.onPhaseFailure(AbstractSearchAsyncAction.java:712)\\n\\tat org.elasticsearch.action.search.QueryPhaseResultConsumer.reduce(QueryPhaseResultConsumer.java:224)\\n\\t... 12 more\\nCaused by: org.elasticsearch.search.aggregations.MultiBucketConsumerService$TooManyBucketsException: ${tooMany}\\n\\tat org.elasticsearch.search.aggregations.MultiBucketConsumerService$MultiBucketConsumer.accept(MultiBucketConsumerService.java:116)\\n\\tat org.elasticsearch.search.aggregations.bucket.histogram.InternalDateHistogram.reduceBuckets(InternalDateHistogram.java:380)\\n"`));
    }
    return lines(...out.sort());
  };
  return {
    id: 'heldout53-elasticsearch-too-many-buckets',
    class: 'config',
    truth: 'insights-api 2.14.0 (revision 27, two hours ago) added a "traffic-overview" dashboard whose 30-day view asks Elasticsearch for a per-minute date_histogram (43,200 minutes) split by event type: several hundred thousand buckets, over the cluster\'s search.max_buckets of 65,536. Elasticsearch refuses every such search with too_many_buckets_exception (503 search_phase_execution_exception) and the API answers 502 for that view, while the 24-hour view and every other report work. The cluster is green and healthy. Fix: bound the interval to the range (auto_date_histogram or hourly buckets beyond a few days), or hide the 30-day view until then; raising search.max_buckets would only move the load onto the cluster.',
    ask: { service: 'insights-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...es.objects, ...claims, ...other.objects,
      ...exposed({ namespace: ns, name: 'insights-api', selector: { app: 'insights-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'analytics-es', selector: { app: 'analytics-es' }, ports: [{ name: 'http', port: 9200, targetPort: 'http' }], pods: es.pods, endpointPort: 9200, createdAgo: 400 * DAYS }),
      ...exposed({ namespace: ns, name: 'analytics-es-headless', headless: true, selector: { app: 'analytics-es' }, ports: [{ name: 'transport', port: 9300, targetPort: 'transport' }], pods: es.pods, endpointPort: 9300, createdAgo: 400 * DAYS }),
      ...exposed({ namespace: ns, name: 'insights-ingest', selector: { app: 'insights-ingest' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 41), 2, 0, 28),
      scaledReplicaSet(deploymentOf(other), rsOf(other, 40), 0, 2, 27),
      ...other.pods.flatMap((p, k) => startedNormally(p, 'app', `${ECR}/${ns}/insights-ingest:3.2.1`, 28 - k)),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(p, k) })),
      logsFor(podOf(es, 0), 'elasticsearch', { current: esLog() }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/too[_ ]many[_ ]buckets|max_buckets|bucket limit|too many (histogram )?buckets/i],
      facts: [/65,?536/, /date_histogram|per-minute|interval[^\n]{0,10}1m|1m interval|traffic-overview/i, /2\.14\.0|revision 27/],
      never: [/\bOOM/, /(elasticsearch|analytics-es|cluster)[^\n]{0,40}\b(is|was) (down|unhealthy|red|unreachable|overloaded)/i, /circuit.?break|heap/i, /insights-ingest/, /NetworkPolicy/],
    },
  };
}

// ---- 4. a fat jar that no longer merges META-INF/services: No FileSystem for scheme "s3a" ------------

function fatJarNoS3aFileSystem(): CorpusScenario {
  const ns = 'data-platform';
  const { nodes, names } = threeEksNodes('10.0.160', ['41', '102', '215']);
  const image = (v: string) => `${ECR}/data/sessions-compactor:${v}`;
  const tpl = (v: string) => ({
    containers: [batchContainer({
      name: 'compactor', image: image(v), cpu: '1', memory: '3Gi',
      command: ['java', '-XX:MaxRAMPercentage=75', '-jar', '/app/sessions-compactor-all.jar'],
      args: ['--input', 's3a://acme-events-raw/sessions/', '--output', 's3a://acme-lake/sessions_compacted/', '--hour', 'previous'],
      env: [{ name: 'HADOOP_CONF_DIR', value: '/etc/hadoop/conf' }, { name: 'AWS_REGION', value: 'eu-west-1' }],
      volumeMounts: [{ name: 'hadoop-conf', mountPath: '/etc/hadoop/conf', readOnly: true }],
    })],
    volumes: [{ name: 'hadoop-conf', configMap: { name: 'sessions-compaction-hadoop', defaultMode: 420 } }],
    serviceAccountName: 'sessions-compactor',
  });
  const minuteOf = (createdAgo: number) => Math.floor(ago(createdAgo).getTime() / 60_000);
  const cron = cronJob({
    namespace: ns,
    name: 'sessions-compaction',
    schedule: '0 * * * *',
    template: tpl('1.9.0'),
    backoffLimit: 2,
    createdAgo: 220 * DAYS,
    lastSuccessfulAgo: 126.0,
    jobs: [{
      createdAgo: 14,
      outcome: { failed: 'BackoffLimitExceeded', ago: 12.7 },
      pods: [
        { node: names[1] ?? '', createdAgo: 14, phase: 'Failed', containers: { compactor: terminated({ exitCode: 1, finishedAgo: 13.78, ranSeconds: 4 }) } },
        { node: names[1] ?? '', createdAgo: 13.6, phase: 'Failed', containers: { compactor: terminated({ exitCode: 1, finishedAgo: 13.5, ranSeconds: 4 }) } },
        { node: names[2] ?? '', createdAgo: 12.95, phase: 'Failed', containers: { compactor: terminated({ exitCode: 1, finishedAgo: 12.75, ranSeconds: 5 }) } },
      ],
    }],
  });
  const failedJob = cron.jobs[0];
  if (failedJob === undefined) throw new Error('sessions-compaction: no failed job');
  // The runs that succeeded on 1.8.3, kept by successfulJobsHistoryLimit (the CronJob's template has moved on since).
  const done = [254, 194, 134].map((createdAgo, i) => job({
    namespace: ns,
    name: `sessions-compaction-${minuteOf(createdAgo)}`,
    template: tpl('1.8.3'),
    backoffLimit: 2,
    createdAgo,
    owner: { name: 'sessions-compaction', uid: cron.uid },
    outcome: { complete: true, ago: createdAgo - 7.4 - i * 0.3 },
    pods: [{ node: names[i % 3] ?? '', createdAgo, phase: 'Succeeded', containers: { compactor: terminated({ exitCode: 0, reason: 'Completed', finishedAgo: createdAgo - 7.4 - i * 0.3, ranSeconds: 430 + i * 18 }) } }],
  }));
  const failedPods = failedJob.pods;
  const lastOk = done[2];
  const stack = (hour: string) => [
    `${pyTime(0)} INFO  [main] c.a.d.compactor.Main - sessions-compactor 1.9.0 (git 4be1c2a, built 2026-11-20T17:02:55Z) starting`,
    `${pyTime(0)} INFO  [main] c.a.d.compactor.Main - input=s3a://acme-events-raw/sessions/dt=2026-11-21/hour=${hour}/ output=s3a://acme-lake/sessions_compacted/dt=2026-11-21/hour=${hour}/ targetFileSize=512MB`,
    `${pyTime(0)} WARN  [main] o.a.h.u.NativeCodeLoader - Unable to load native-hadoop library for your platform... using builtin-java classes where applicable`,
    `${pyTime(0)} ERROR [main] c.a.d.compactor.Main - compaction of hour=${hour} failed`,
    'org.apache.hadoop.fs.UnsupportedFileSystemException: No FileSystem for scheme "s3a"',
    '\tat org.apache.hadoop.fs.FileSystem.getFileSystemClass(FileSystem.java:3581)',
    '\tat org.apache.hadoop.fs.FileSystem.createFileSystem(FileSystem.java:3604)',
    '\tat org.apache.hadoop.fs.FileSystem.access$300(FileSystem.java:172)',
    '\tat org.apache.hadoop.fs.FileSystem$Cache.getInternal(FileSystem.java:3705)',
    '\tat org.apache.hadoop.fs.FileSystem$Cache.get(FileSystem.java:3656)',
    '\tat org.apache.hadoop.fs.FileSystem.get(FileSystem.java:557)',
    '\tat org.apache.hadoop.fs.Path.getFileSystem(Path.java:366)',
    '\tat org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(HadoopInputFile.java:39)',
    '\tat com.acme.data.compactor.SessionReader.open(SessionReader.java:58)',
    '\tat com.acme.data.compactor.Main.compactHour(Main.java:112)',
    '\tat com.acme.data.compactor.Main.main(Main.java:47)',
    `${pyTime(0)} INFO  [shutdown-hook-0] c.a.d.compactor.Main - exiting with status 1`,
  ];
  const failedLog = (startAgo: number) => lines(...stack('02').map((l, j) => l.startsWith(pyTime(0)) ? l.replace(pyTime(0), pyTime(startAgo - j * 0.002)) : l));
  const okLog = lines(
    `${pyTime(133.7)} INFO  [main] c.a.d.compactor.Main - sessions-compactor 1.8.3 (git 91d0e77, built 2026-11-02T10:14:31Z) starting`,
    `${pyTime(133.7)} INFO  [main] c.a.d.compactor.Main - input=s3a://acme-events-raw/sessions/dt=2026-11-21/hour=00/ output=s3a://acme-lake/sessions_compacted/dt=2026-11-21/hour=00/ targetFileSize=512MB`,
    `${pyTime(133.69)} WARN  [main] o.a.h.u.NativeCodeLoader - Unable to load native-hadoop library for your platform... using builtin-java classes where applicable`,
    `${pyTime(133.65)} INFO  [main] o.a.h.f.s.a.AWSCredentialProviderList - Using WebIdentityTokenCredentialsProvider for s3a://acme-events-raw`,
    `${pyTime(133.6)} INFO  [main] c.a.d.compactor.SessionReader - listed 1,904 input files (6.1 GiB) under s3a://acme-events-raw/sessions/dt=2026-11-21/hour=00/`,
    `${pyTime(127.0)} INFO  [main] c.a.d.compactor.Main - wrote 13 files (5.4 GiB) to s3a://acme-lake/sessions_compacted/dt=2026-11-21/hour=00/ in 403.2s`,
    `${pyTime(126.9)} INFO  [main] c.a.d.compactor.Main - committed partition dt=2026-11-21/hour=00 to glue table lake.sessions_compacted`,
  );
  const fp = 'spec.containers{compactor}';
  const [p0, p1, p2] = [failedPods[0], failedPods[1], failedPods[2]];
  if (p0 === undefined || p1 === undefined || p2 === undefined) throw new Error('sessions-compaction: three failed pods expected');
  return {
    id: 'heldout53-fat-jar-no-filesystem-s3a',
    class: 'jobs',
    truth: 'The hourly sessions-compaction CronJob was moved to sessions-compactor 1.9.0, whose build switched to the Gradle Shadow plugin without merging service files: the fat jar\'s META-INF/services/org.apache.hadoop.fs.FileSystem now holds only hadoop-common\'s entries, so hadoop-aws\'s S3AFileSystem is never registered and Hadoop fails at the first path with UnsupportedFileSystemException: No FileSystem for scheme "s3a". Every run since 02:00 fails three times in seconds (exit 1, BackoffLimitExceeded); the 1.8.3 runs before it succeeded with the same configuration and IAM role. Fix: merge service files in the shadow jar (mergeServiceFiles()) and rebuild, or pin the CronJob back to 1.8.3.',
    ask: { service: 'sessions-compaction', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...done.flatMap((j) => j.objects),
      configMap({ namespace: ns, name: 'sessions-compaction-hadoop', createdAgo: 220 * DAYS, updatedAgo: 41 * DAYS, data: {
        'core-site.xml': '<?xml version="1.0"?>\n<configuration>\n  <property><name>fs.s3a.aws.credentials.provider</name><value>com.amazonaws.auth.WebIdentityTokenCredentialsProvider</value></property>\n  <property><name>fs.s3a.endpoint.region</name><value>eu-west-1</value></property>\n  <property><name>fs.s3a.fast.upload.buffer</name><value>bytebuffer</value></property>\n  <property><name>fs.s3a.connection.maximum</name><value>96</value></property>\n</configuration>\n',
      } }),
      ...pulledFresh(p0, 'compactor', image('1.9.0'), { atAgo: 14, bytes: 412_339_118, seconds: 5.112 }),
      event({ on: p0, type: 'Normal', reason: 'Created', message: 'Created container compactor', firstAgo: 13.85, lastAgo: 13.85, fieldPath: fp }),
      event({ on: p0, type: 'Normal', reason: 'Started', message: 'Started container compactor', firstAgo: 13.85, lastAgo: 13.85, fieldPath: fp }),
      ...startedNormally(p1, 'compactor', image('1.9.0'), 13.58),
      ...startedNormally(p2, 'compactor', image('1.9.0'), 12.85),
      jobEvent(failedJob.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(p0)}`, 14),
      jobEvent(failedJob.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(p1)}`, 13.6),
      jobEvent(failedJob.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(p2)}`, 12.95),
      jobEvent(failedJob.objects[0], 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 12.7, 'Warning'),
      cronJobEvent(cron.objects[0], 'SuccessfulCreate', `Created job ${nameOf(failedJob.objects[0])}`, 14),
      cronJobEvent(cron.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(failedJob.objects[0])}, status: Failed`, 12.7),
    ],
    logs: [
      logsFor(p0, 'compactor', { current: failedLog(13.84) }),
      logsFor(p1, 'compactor', { current: failedLog(13.57) }),
      logsFor(p2, 'compactor', { current: failedLog(12.84) }),
      ...(lastOk === undefined ? [] : [logsFor(lastOk.pods[0], 'compactor', { current: okLog })]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/s3a/i],
      facts: [/No FileSystem for scheme/i, /1\.9\.0/, /hadoop-aws|S3AFileSystem|META-INF\/services|service ?(loader|files?)|shad(e|ed|ing|ow)|fat[- ]?jar|uber[- ]?jar|packag/i],
      never: [/\bOOM/, /AccessDenied|\b403\b|credential|IRSA|permission/i, /NetworkPolicy/, /\bDNS\b/, /deadline/i],
    },
  };
}

// ---- 5. JDK 17 → 21 base image: System.setSecurityManager refused at start ---------------------------

function jdk21SecurityManager(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.52', ['30', '161', '244']);
  const image = (v: string) => `${ECR}/pricing/pricing-rules:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '1536Mi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError' },
        { name: 'RULES_REPO_URL', value: 'https://rules-store.pricing.svc.cluster.local/v1/rulesets/active' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 5 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const last = { exitCode: 1, finishedAgo: 1.4, ranSeconds: 7 };
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-rules',
    replicas: 4,
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: pricing-rules 4.2.2', template: tpl('4.2.2') },
      { revision: 19, createdAgo: 26, changeCause: 'argocd: pricing-rules 4.3.0', template: tpl('4.3.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 18, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
      { revision: 19, node: names[0] ?? '', createdAgo: 25.8, containers: { app: crashLoop(last, 9) } },
      { revision: 19, node: names[2] ?? '', createdAgo: 25.7, containers: { app: crashLoop({ ...last, finishedAgo: 3.2 }, 9) } },
    ],
  });
  const other = bystander(ns, 'pricing-quotes-cache', names, 70, { revisions: [11, 12], versions: ['0.8.4', '0.8.5'], olderAgo: 20 * DAYS });
  const [n0, n1] = [podOf(app, 3), podOf(app, 4)];
  const A = 'pricing-rules';
  const crashed = (start: number, jdk: string) => lines(
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
    spring(start, 'INFO', A, 'main', 'c.a.pricing.PricingRulesApplication', `Starting PricingRulesApplication v4.3.0 using Java ${jdk} with PID 1 (/app/app.jar started by app in /app)`),
    spring(start - 0.001, 'INFO', A, 'main', 'c.a.pricing.PricingRulesApplication', 'The following 1 profile is active: "prod"'),
    spring(start - 0.03, 'INFO', A, 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
    spring(start - 0.031, 'INFO', A, 'main', 'o.apache.catalina.core.StandardService', 'Starting service [Tomcat]'),
    spring(start - 0.032, 'INFO', A, 'main', 'w.s.c.ServletWebServerApplicationContext', 'Root WebApplicationContext: initialization completed in 2211 ms'),
    spring(start - 0.06, 'WARN', A, 'main', 'ConfigServletWebServerApplicationContext', 'Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'ruleScriptSandbox\' defined in URL [jar:nested:/app/app.jar/!BOOT-INF/classes/!/com/acme/pricing/rules/RuleScriptSandbox.class]: Failed to instantiate [com.acme.pricing.rules.RuleScriptSandbox]: Constructor threw exception'),
    spring(start - 0.061, 'INFO', A, 'main', 'o.apache.catalina.core.StandardService', 'Stopping service [Tomcat]'),
    spring(start - 0.062, 'INFO', A, 'main', '.s.b.a.l.ConditionEvaluationReportLogger', ''),
    '',
    'Error starting ApplicationContext. To display the condition evaluation report re-run your application with \'debug\' enabled.',
    spring(start - 0.063, 'ERROR', A, 'main', 'o.s.boot.SpringApplication', 'Application run failed'),
    '',
    'org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'ruleScriptSandbox\' defined in URL [jar:nested:/app/app.jar/!BOOT-INF/classes/!/com/acme/pricing/rules/RuleScriptSandbox.class]: Failed to instantiate [com.acme.pricing.rules.RuleScriptSandbox]: Constructor threw exception',
    '\tat org.springframework.beans.factory.support.ConstructorResolver.instantiate(ConstructorResolver.java:318)',
    '\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.createBeanInstance(AbstractAutowireCapableBeanFactory.java:1205)',
    '\tat org.springframework.beans.factory.support.DefaultListableBeanFactory.preInstantiateSingletons(DefaultListableBeanFactory.java:975)',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)',
    '\tat com.acme.pricing.PricingRulesApplication.main(PricingRulesApplication.java:14)',
    'Caused by: org.springframework.beans.BeanInstantiationException: Failed to instantiate [com.acme.pricing.rules.RuleScriptSandbox]: Constructor threw exception',
    '\tat org.springframework.beans.BeanUtils.instantiateClass(BeanUtils.java:222)',
    '\t... 18 common frames omitted',
    'Caused by: java.lang.UnsupportedOperationException: The Security Manager is deprecated and will be removed in a future release',
    '\tat java.base/java.lang.System.setSecurityManager(System.java:429)',
    '\tat com.acme.pricing.rules.RuleScriptSandbox.<init>(RuleScriptSandbox.java:38)',
    '\tat java.base/jdk.internal.reflect.DirectConstructorHandleAccessor.newInstance(DirectConstructorHandleAccessor.java:62)',
    '\tat java.base/java.lang.reflect.Constructor.newInstanceWithCaller(Constructor.java:502)',
    '\tat org.springframework.beans.BeanUtils.instantiateClass(BeanUtils.java:209)',
    '\t... 20 common frames omitted',
    '',
  );
  const healthy = (k: number) => lines(
    spring(9 * DAYS - k - 0.1, 'INFO', A, 'main', 'c.a.pricing.PricingRulesApplication', 'Starting PricingRulesApplication v4.2.2 using Java 17.0.13 with PID 1 (/app/app.jar started by app in /app)'),
    'WARNING: A terminally deprecated method in java.lang.System has been called',
    'WARNING: System::setSecurityManager has been called by com.acme.pricing.rules.RuleScriptSandbox (jar:nested:/app/app.jar/!BOOT-INF/classes/!/)',
    'WARNING: Please consider reporting this to the maintainers of com.acme.pricing.rules.RuleScriptSandbox',
    'WARNING: System::setSecurityManager will be removed in a future release',
    spring(9 * DAYS - k - 0.2, 'INFO', A, 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
    spring(9 * DAYS - k - 0.2, 'INFO', A, 'main', 'c.a.pricing.PricingRulesApplication', 'Started PricingRulesApplication in 9.84 seconds (process running for 10.6)'),
    spring(31, 'INFO', A, 'rules-refresh-1', 'c.a.pricing.rules.RulesetLoader', 'Active ruleset unchanged (rs-2026-11-19.3, 412 rules)'),
    spring(1.2 + k * 0.1, 'INFO', A, `nio-8080-exec-${3 + k}`, 'c.a.pricing.api.QuoteController', `POST /v2/price-quotes basket=${7 + k} items rules=38 took=${21 + k}ms`),
    spring(0.3, 'INFO', A, `nio-8080-exec-${5 + k}`, 'c.a.pricing.api.QuoteController', `POST /v2/price-quotes basket=${2 + k} items rules=19 took=${14 + k}ms`),
  );
  return {
    id: 'heldout53-jdk21-security-manager',
    class: 'rollout',
    truth: 'pricing-rules 4.3.0 (revision 19, 26 minutes ago) was rebuilt on an eclipse-temurin 21 base image instead of 17. Its RuleScriptSandbox bean still calls System.setSecurityManager, which since JDK 18 throws UnsupportedOperationException ("The Security Manager is deprecated and will be removed in a future release") unless the JVM runs with -Djava.security.manager=allow; the application context fails and the new pods exit 1 in seconds and crash-loop, the rollout is stuck while the three revision-18 pods (Java 17) keep serving. Fix: roll back to 4.2.2 / the 17 base image, or add -Djava.security.manager=allow as a stopgap and remove the sandbox\'s SecurityManager.',
    ask: { service: 'pricing-rules', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'pricing-rules', selector: { app: 'pricing-rules' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'pricing-quotes-cache', selector: { app: 'pricing-quotes-cache' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 1, 0, 26),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 3, 4, 25.8),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 19), 2, 1, 25.7),
      ...[n0, n1].flatMap((p, k) => [
        ...pulledFresh(p, 'app', image('4.3.0'), { atAgo: 25.8 - k * 0.1, bytes: 201_448_113, seconds: 4.31 }),
        ...restartedAgain(p, 'app', image('4.3.0'), { count: 9, firstAgo: 25.6 - k * 0.1, lastAgo: k === 0 ? 1.5 : 3.3 }),
        backOff(p, 'app', { count: 108 - k * 4, firstAgo: 25.4 - k * 0.1, lastAgo: 0.3 }),
      ]),
    ],
    logs: [
      logsFor(n0, 'app', { previous: crashed(1.5, '21.0.5') }),
      logsFor(n1, 'app', { previous: crashed(3.3, '21.0.5') }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: healthy(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/Security ?Manager|setSecurityManager/i],
      facts: [/UnsupportedOperationException/, /(Java|JDK|jdk-?|temurin[^\n]{0,12})\s?21\b/i, /4\.3\.0|revision 19/],
      never: [/\bOOM/, /out of memory/i, /(liveness|startup) probe[^\n]{0,40}(kill|fail)/i, /NetworkPolicy/, /pricing-quotes-cache/],
    },
  };
}

// ---- 6. python:3.11 → 3.12 base image: a shared library still imports distutils ------------------------

function python312Distutils(): CorpusScenario {
  const ns = 'treasury';
  const { nodes, names } = threeEksNodes('10.0.84', ['19', '130', '222']);
  const image = (v: string) => `${ECR}/treasury/fx-rates-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8000], cpu: '250m', memory: '384Mi',
      command: ['gunicorn', 'fxrates.app:create_app()', '--bind', '0.0.0.0:8000', '--workers', '3', '--access-logfile', '-'],
      env: [
        { name: 'FX_PROVIDER_URL', value: 'https://fx-feed.partner.example/v3/rates' },
        { name: 'FX_CACHE_TTL', value: '60' },
        { name: 'FX_STRICT_STALENESS', value: 'yes' },
      ],
      readiness: httpProbe('/healthz/ready', 8000),
      liveness: httpProbe('/healthz/live', 8000, { initialDelaySeconds: 15 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'fx-rates-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 11, createdAgo: 12 * DAYS, changeCause: 'argocd: fx-rates-api 2.4.0', template: tpl('2.4.0') },
      { revision: 12, createdAgo: 18, changeCause: 'argocd: fx-rates-api 2.4.1', template: tpl('2.4.1') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 11, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
      { revision: 12, node: names[1] ?? '', createdAgo: 17.8, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 0.9, ranSeconds: 2 }, 8) } },
    ],
  });
  const other = bystander(ns, 'fx-rates-poller', names, 3 * HOURS, { revisions: [21, 22], versions: ['1.6.3', '1.6.4'], olderAgo: 25 * DAYS });
  const fresh = podOf(app, 3);
  const crashed = (t: number) => {
    const tb = [
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py", line 608, in spawn_worker',
      '    worker.init_process()',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/base.py", line 135, in init_process',
      '    self.load_wsgi()',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/base.py", line 147, in load_wsgi',
      '    self.wsgi = self.app.wsgi()',
      '                ^^^^^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/app/base.py", line 66, in wsgi',
      '    self.callable = self.load()',
      '                    ^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/app/wsgiapp.py", line 57, in load',
      '    return self.load_wsgiapp()',
      '           ^^^^^^^^^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/app/wsgiapp.py", line 47, in load_wsgiapp',
      '    return util.import_app(self.app_uri)',
      '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/util.py", line 370, in import_app',
      '    mod = importlib.import_module(module)',
      '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/usr/local/lib/python3.12/importlib/__init__.py", line 90, in import_module',
      '    return _bootstrap._gcd_import(name[level:], package, level)',
      '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "<frozen importlib._bootstrap>", line 1387, in _gcd_import',
      '  File "<frozen importlib._bootstrap>", line 1360, in _find_and_load',
      '  File "<frozen importlib._bootstrap>", line 1331, in _find_and_load_unlocked',
      '  File "<frozen importlib._bootstrap>", line 935, in _load_unlocked',
      '  File "<frozen importlib._bootstrap_external>", line 995, in exec_module',
      '  File "<frozen importlib._bootstrap>", line 488, in _call_with_frames_removed',
      '  File "/app/fxrates/app.py", line 11, in <module>',
      '    from acme_common.settings import env_flag, env_seconds',
      '  File "/usr/local/lib/python3.12/site-packages/acme_common/settings.py", line 6, in <module>',
      '    from distutils.util import strtobool',
      'ModuleNotFoundError: No module named \'distutils\'',
    ];
    return lines(
      `${gunicornTime(t)} [1] [INFO] Starting gunicorn 22.0.0`,
      `${gunicornTime(t)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
      `${gunicornTime(t)} [1] [INFO] Using worker: sync`,
      `${gunicornTime(t)} [7] [INFO] Booting worker with pid: 7`,
      `${gunicornTime(t)} [8] [INFO] Booting worker with pid: 8`,
      `${gunicornTime(t)} [9] [INFO] Booting worker with pid: 9`,
      `${gunicornTime(t - 0.01)} [7] [ERROR] Exception in worker process`,
      ...tb,
      `${gunicornTime(t - 0.01)} [7] [INFO] Worker exiting (pid: 7)`,
      `${gunicornTime(t - 0.012)} [8] [ERROR] Exception in worker process`,
      ...tb,
      `${gunicornTime(t - 0.012)} [8] [INFO] Worker exiting (pid: 8)`,
      `${gunicornTime(t - 0.015)} [1] [ERROR] Worker (pid:7) exited with code 3`,
      `${gunicornTime(t - 0.015)} [1] [ERROR] Worker (pid:8) exited with code 3`,
      `${gunicornTime(t - 0.016)} [1] [ERROR] Worker (pid:9) was sent SIGTERM!`,
      `${gunicornTime(t - 0.02)} [1] [ERROR] Shutting down: Master`,
      `${gunicornTime(t - 0.02)} [1] [ERROR] Reason: Worker failed to boot.`,
    );
  };
  const served = (k: number) => lines(
    `${gunicornTime(12 * DAYS - k)} [1] [INFO] Starting gunicorn 22.0.0`,
    `${gunicornTime(12 * DAYS - k)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    `${gunicornTime(12 * DAYS - k)} [1] [INFO] Using worker: sync`,
    `${gunicornTime(12 * DAYS - k)} [7] [INFO] Booting worker with pid: 7`,
    `${pyTime(4.2)} WARNING fxrates.provider: upstream rate for TRY/EUR 71s old (ttl 60s), serving cached value`,
    `10.0.${20 + k}.14 - - [21/Nov/2026:03:12:${String(10 + k).padStart(2, '0')} +0000] "GET /v1/rates?base=EUR&symbols=USD,GBP,CHF HTTP/1.1" 200 143 "-" "treasury-ledger/5.2.0"`,
    `10.0.${20 + k}.14 - - [21/Nov/2026:03:13:${String(40 + k).padStart(2, '0')} +0000] "GET /v1/rates/EUR/JPY HTTP/1.1" 200 61 "-" "payments-fx/1.18.3"`,
  );
  return {
    id: 'heldout53-python312-distutils',
    class: 'rollout',
    truth: 'fx-rates-api 2.4.1 (revision 12, 18 minutes ago) is the Renovate base-image bump from python:3.11-slim to python:3.12-slim, with no code change. Python 3.12 removed distutils from the standard library (and the 3.12 image no longer ships setuptools, whose shim used to provide it); the company\'s shared acme-common package still does `from distutils.util import strtobool`, so importing the app fails with ModuleNotFoundError: No module named \'distutils\', gunicorn\'s workers fail to boot and it exits 3. The new pod crash-loops and the rollout (maxUnavailable 0) is stuck, the three revision-11 pods keep serving. Fix: roll back to 2.4.0 / python 3.11, or release acme-common without distutils (or install setuptools) before moving to 3.12.',
    ask: { service: 'fx-rates-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'fx-rates-api', selector: { app: 'fx-rates-api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], pods: app.pods, endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'fx-rates-poller', selector: { app: 'fx-rates-poller' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 1, 0, 18),
      ...pulledFresh(fresh, 'app', image('2.4.1'), { atAgo: 17.8, bytes: 58_117_402, seconds: 2.87 }),
      ...restartedAgain(fresh, 'app', image('2.4.1'), { count: 8, firstAgo: 17.7, lastAgo: 0.95 }),
      backOff(fresh, 'app', { count: 79, firstAgo: 17.6, lastAgo: 0.2 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crashed(0.94) }),
      ...[0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: served(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/distutils/],
      facts: [/3\.12/, /No module named|ModuleNotFoundError/, /2\.4\.1|revision 12/],
      never: [/\bOOM/, /image pull/i, /NetworkPolicy/, /(liveness|readiness) probe[^\n]{0,40}(kill|fail)/i, /fx-rates-poller/],
    },
  };
}

// ---- 7. healthy control: a Resilience4j breaker that opened and closed during a carrier's maintenance ---

function healthyCircuitBreakerRecovered(): CorpusScenario {
  const ns = 'shipping';
  const { nodes, names } = threeEksNodes('10.0.201', ['12', '97', '186']);
  const image = `${ECR}/shipping/carrier-gateway:6.4.2`;
  const app = deploymentApp({
    namespace: ns,
    name: 'carrier-gateway',
    replicas: 3,
    revisions: [
      { revision: 87, createdAgo: 16 * DAYS, changeCause: 'argocd: carrier-gateway 6.4.1', template: { containers: [container({ image: `${ECR}/shipping/carrier-gateway:6.4.1`, ports: [8080], cpu: '500m', memory: '1Gi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }) })] } },
      { revision: 88, createdAgo: 4 * DAYS, changeCause: 'argocd: carrier-gateway 6.4.2', template: { containers: [container({ image, ports: [8080], cpu: '500m', memory: '1Gi', env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'PARCELHUB_BASE_URL', value: 'https://api.parcelhub.example/v2' }], readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 45 }) })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 88, node: names[k] ?? '', createdAgo: 4 * DAYS - k * 1.5 })),
  });
  const other = bystander(ns, 'shipment-tracker', names, 2 * DAYS, { revisions: [33, 34], versions: ['2.0.7', '2.0.8'], olderAgo: 30 * DAYS });
  const A = 'carrier-gateway';
  const CB = 'c.a.shipping.config.CircuitBreakerEvents';
  const cb = (t: number, msg: string) => spring(t, 'WARN', A, 'parcelhub-cb-1', CB, `${at(t)}: CircuitBreaker 'parcelhub' ${msg}`);
  const gwLog = (k: number): string => {
    const out: string[] = [
      spring(4 * DAYS - k * 1.5 - 0.3, 'INFO', A, 'main', 'c.a.shipping.CarrierGatewayApplication', 'Started CarrierGatewayApplication in 11.42 seconds (process running for 12.37)'),
      spring(6 * HOURS + k, 'INFO', A, `nio-8080-exec-${2 + k}`, 'c.a.shipping.labels.LabelController', `POST /v1/labels shipment=SHP-${771200 + k} carrier=parcelhub status=201 took=188ms`),
    ];
    // The carrier's maintenance window: 503s, the breaker opens, probes in HALF_OPEN fail, then it closes.
    const open = 191 - k * 0.2;
    out.push(spring(open + 0.6, 'WARN', A, `nio-8080-exec-${4 + k}`, 'c.a.shipping.parcelhub.ParcelHubClient', 'POST /v2/labels failed: 503 Service Unavailable: "{"error":"maintenance","message":"Scheduled maintenance 00:00-00:40 UTC"}"'));
    out.push(spring(open + 0.3, 'WARN', A, `nio-8080-exec-${5 + k}`, 'c.a.shipping.parcelhub.ParcelHubClient', 'POST /v2/labels failed: 503 Service Unavailable: "{"error":"maintenance","message":"Scheduled maintenance 00:00-00:40 UTC"}"'));
    out.push(cb(open, 'changed state from CLOSED to OPEN'));
    out.push(spring(open - 0.1, 'INFO', A, `nio-8080-exec-${6 + k}`, 'c.a.shipping.labels.LabelService', `Label for shipment SHP-${771900 + k * 11} deferred: circuit 'parcelhub' is OPEN, queued for retry (fallback)`));
    const closed = open - 30;
    // waitDurationInOpenState 60s: every minute one probe call in HALF_OPEN, refused while the carrier is down.
    for (let j = 0, t = open - 1; t > closed + 0.8; j++, t -= 1.03) {
      out.push(cb(t, 'changed state from OPEN to HALF_OPEN'));
      out.push(spring(t - 0.05, 'WARN', A, `nio-8080-exec-${1 + ((j + k) % 9)}`, 'c.a.shipping.parcelhub.ParcelHubClient', 'POST /v2/labels failed: 503 Service Unavailable: "{"error":"maintenance","message":"Scheduled maintenance 00:00-00:40 UTC"}"'));
      out.push(cb(t - 0.1, 'changed state from HALF_OPEN to OPEN'));
      if (j % 3 === 0) out.push(spring(t - 0.5, 'INFO', A, `nio-8080-exec-${1 + ((j + 2 * k) % 9)}`, 'c.a.shipping.labels.LabelService', `Label for shipment SHP-${772000 + j * 37 + k} deferred: circuit 'parcelhub' is OPEN, queued for retry (fallback)`));
    }
    out.push(cb(closed + 0.2, 'changed state from OPEN to HALF_OPEN'));
    out.push(cb(closed, 'changed state from HALF_OPEN to CLOSED'));
    out.push(spring(closed - 0.1, 'INFO', A, 'label-retry-1', 'c.a.s.labels.DeferredLabelReplayer', `Replaying ${138 + k * 9} deferred label requests for parcelhub`));
    out.push(spring(closed - 2.4, 'INFO', A, 'label-retry-1', 'c.a.s.labels.DeferredLabelReplayer', `Deferred label queue drained (${138 + k * 9} sent, 0 failed)`));
    for (let t = 14 - k * 0.7; t > 0.3; t -= 2.6) {
      const i = Math.round(t * 10);
      out.push(spring(t, 'INFO', A, `nio-8080-exec-${1 + (i % 9)}`, 'c.a.shipping.labels.LabelController', `POST /v1/labels shipment=SHP-${780000 + i * 3 + k} carrier=parcelhub status=201 took=${160 + (i % 70)}ms`));
      if (i % 3 === 0) out.push(spring(t - 0.2, 'INFO', A, `nio-8080-exec-${1 + ((i + 4) % 9)}`, 'c.a.shipping.rates.RateController', `GET /v1/rates origin=DE destination=${['FR', 'NL', 'AT', 'PL'][i % 4] ?? 'FR'} carriers=3 status=200 took=${41 + (i % 30)}ms`));
    }
    return lines(...out);
  };
  return {
    id: 'heldout53-healthy-circuit-breaker-closed-again',
    class: 'healthy',
    truth: 'Nothing is wrong with carrier-gateway. About three hours ago the carrier ParcelHub ran a scheduled maintenance (00:00–00:40 UTC); its label API answered 503, the Resilience4j circuit breaker \'parcelhub\' went CLOSED → OPEN, failed its HALF_OPEN probes a few times, and closed again at about 00:33, after which the deferred labels were replayed without failures. The WARN transition lines are still in the logs, but the three pods of revision 88 (four days old) are ready with no restarts and every label request since is answered 201.',
    ask: { service: 'carrier-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'carrier-gateway', selector: { app: 'carrier-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'shipment-tracker', selector: { app: 'shipment-tracker' }, pods: other.pods }),
    ],
    logs: [0, 1, 2].map((k) => logsFor(podOf(app, k), 'app', { current: gwLog(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (current |active |ongoing )?(problem|issue|fault|error|failure)s?|nothing (is )?wrong|serving (normally|fine)|all \d+ (pods|replicas) (are )?(ready|running|serving)/i],
      facts: [/3\/3|3 of 3|all (3|three)|3 (pods|replicas)? ?(are )?ready/i],
      never: [/(circuit ?breaker|parcelhub)[^\n]{0,40}\b(is|remains|stays|still) (open|down|failing|unavailable)/i, /\bOOM/, /crash ?loop/i, /roll(ing)? ?back|rollout undo/i, /shipment-tracker/],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  amqpChannelLeak(),
  mongoPoolShrunk(),
  elasticsearchTooManyBuckets(),
  fatJarNoS3aFileSystem(),
  jdk21SecurityManager(),
  python312Distutils(),
  healthyCircuitBreakerRecovered(),
];
