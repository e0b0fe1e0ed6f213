// Held-out stories, round 21, part one: written without reading the analysis code.
//
// Netty running out of its direct-memory cap after an HTTP client upgrade, Node 18's OpenSSL 3
// refusing an old webpack's md4 hash, a Postgres read replica cancelling long reports after a
// VACUUM on the primary, a Service re-created with a new ClusterIP under pods that kept the
// injected env var, containerd unable to reserve container names on an I/O-saturated node, a
// CronJob whose pull secret went stale after a Harbor robot rotation, and a healthy control: a
// Deployment paused on purpose.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, HOURS, ECR, ago, at, backOff, batchContainer, container, containerId, crashLoop, cronJob, cronJobEvent, daemonSetApp,
  deploymentApp, event, exposed, hpa, httpProbe, ipOf, job, jobEvent, nameOf, probeFailed, pulledFresh, restartedAgain, rsOf,
  running, scaledReplicaSet, scheduled, startedNormally, statefulSetApp, terminated, uidOf, waiting, configMap, execProbe,
} from '../kit/index.js';
import type { Built } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const deploymentOf = (b: Built): k8s.V1Deployment => b.objects.find((o) => o.kind === 'Deployment') as k8s.V1Deployment;
/** Spring Boot 3's default console layout. */
const spring = (m: number, level: string, thread: string, logger: string, msg: string): string =>
  `${at(m)} ${level.padStart(5)} 1 --- [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
/** Postgres' log_line_prefix '%m [%p] ': `2026-11-21 03:05:12.113 UTC [18234] `. */
const pgTime = (m: number): string => `${at(m).replace('T', ' ').replace('Z', '')} UTC`;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Redis' log time: `21 Nov 2026 02:44:05.112`. */
const redisTime = (m: number): string => {
  const d = ago(m);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
};

// ---- 1. Netty direct memory exhausted after an HTTP client upgrade -------------------------------

function nettyDirectMemory(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeEksNodes('10.0.96');
  const image = (v: string) => `${ECR}/pricing/quote-gateway:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], memory: '1536Mi', cpu: '500m',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=50.0 -XX:MaxDirectMemorySize=256m' }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 2 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30, timeoutSeconds: 2 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'quote-gateway', replicas: 3,
    revisions: [
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: quote-gateway 3.7.4', template: tpl('3.7.4') },
      { revision: 42, createdAgo: 35, changeCause: 'argocd: quote-gateway 3.8.0 (bump reactor-netty-http 1.1.22 -> 1.2.0, spring-boot 3.3.5)', template: tpl('3.8.0') },
    ],
    pods: [
      { revision: 42, node: names[0] ?? '', createdAgo: 34.5, ready: false, containers: { app: running({ sinceAgo: 34.3, ready: false }) } },
      { revision: 42, node: names[1] ?? '', createdAgo: 33.6, containers: { app: running({ sinceAgo: 33.4 }) } },
      { revision: 42, node: names[2] ?? '', createdAgo: 32.7, ready: false, containers: { app: running({ sinceAgo: 32.5, ready: false }) } },
    ],
    settled: { available: false, availableSince: 3, progressingSince: 32 },
  });
  const other = bystander(ns, 'quote-pricer', names, 62, { revisions: [18, 19], versions: ['2.4.0', '2.4.1'], olderAgo: 9 * DAYS });
  const [p0, p1, p2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const oom = 'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 251658247, max: 268435456)';
  const trace = [
    `\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:880)`,
    `\tat io.netty.util.internal.PlatformDependent.allocateDirectNoCleaner(PlatformDependent.java:809)`,
    `\tat io.netty.buffer.PoolArena$DirectArena.allocateDirect(PoolArena.java:718)`,
    `\tat io.netty.buffer.PoolArena$DirectArena.newChunk(PoolArena.java:707)`,
    `\tat io.netty.buffer.PoolArena.allocateNormal(PoolArena.java:224)`,
    `\tat io.netty.buffer.PoolArena.tcacheAllocateNormal(PoolArena.java:206)`,
    `\tat io.netty.buffer.PoolArena.allocate(PoolArena.java:141)`,
    `\tat io.netty.buffer.PooledByteBufAllocator.newDirectBuffer(PooledByteBufAllocator.java:400)`,
    `\tat io.netty.buffer.AbstractByteBufAllocator.directBuffer(AbstractByteBufAllocator.java:188)`,
    `\tat io.netty.channel.unix.PreferredDirectByteBufAllocator.ioBuffer(PreferredDirectByteBufAllocator.java:53)`,
    `\tat io.netty.channel.epoll.AbstractEpollStreamChannel$EpollStreamUnsafe.epollInReady(AbstractEpollStreamChannel.java:785)`,
    `\tat io.netty.channel.epoll.EpollEventLoop.run(EpollEventLoop.java:407)`,
    `\tat java.base/java.lang.Thread.run(Thread.java:1583)`,
  ];
  const failing = (m: number) => [
    spring(m + 0.4, 'ERROR', 'ctor-http-nio-2', 'io.netty.util.ResourceLeakDetector', 'LEAK: ByteBuf.release() was not called before it\'s garbage-collected. See https://netty.io/wiki/reference-counted-objects.html for more information.'),
    spring(m + 0.2, 'WARN', 'ctor-http-nio-4', 'r.netty.http.client.HttpClientConnect', '[a1c93f0e-1, L:/10.0.61.14:48812 - R:rates-feed.market-data.svc.cluster.local/172.20.14.201:8443] The connection observed an error'),
    oom, ...trace,
    spring(m, 'ERROR', 'ctor-http-nio-4', 'a.w.r.e.AbstractErrorWebExceptionHandler', '[7f2c1b9d-4812]  500 Server Error for HTTP POST "/v2/quotes"'),
    oom, ...trace.slice(0, 5),
    spring(m - 0.1, 'WARN', 'ndedElastic-12', 'o.s.b.a.health.HealthEndpointSupport', 'Health contributor rateFeedClient (rateFeedClient) took 2104ms to respond'),
  ];
  const okStart = (m: number) => [
    'Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=50.0 -XX:MaxDirectMemorySize=256m',
    spring(m, 'INFO', 'main', 'c.acme.quotes.QuoteGatewayApplication', 'Starting QuoteGatewayApplication v3.8.0 using Java 17.0.13 with PID 1 (/app/quote-gateway.jar started by app in /app)'),
        spring(m - 0.1, 'INFO', 'main', 'o.s.b.web.embedded.netty.NettyWebServer', 'Netty started on port 8080 (http)'),
    spring(m - 0.1, 'INFO', 'main', 'c.acme.quotes.QuoteGatewayApplication', 'Started QuoteGatewayApplication in 6.412 seconds (process running for 7.118)'),
  ];
  const ipP0 = ipOf(p0);
  const ipP2 = ipOf(p2);
  return {
    id: 'heldout21-netty-direct-memory-exhausted',
    class: 'containers',
    truth: 'quote-gateway revision 42 (3.8.0, rolled out 35 minutes ago) upgraded reactor-netty-http from 1.1.22 to 1.2.0; with it the WebFlux client path no longer releases pooled direct ByteBufs, so Netty\'s direct memory climbs to the -XX:MaxDirectMemorySize=256m cap and every new allocation fails with io.netty.util.internal.OutOfDirectMemoryError (used 251658247 of max 268435456). Heap and RSS stay well under the 1.5Gi limit: there is no OOMKill and no restart; requests fail with 500 and readiness flaps on all three pods. Fix: roll back to revision 41 (3.7.4), then fix the buffer leak (or pin reactor-netty) before rolling forward.',
    ask: { service: 'quote-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-gateway', selector: { app: 'quote-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'quote-pricer', selector: { app: 'quote-pricer' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 1, 0, 35),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 2, 3, 34),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 42), 3, 2, 33.7),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 41), 0, 1, 32.4),
      ...startedNormally(p0, 'app', image('3.8.0'), 34.5),
      ...startedNormally(p1, 'app', image('3.8.0'), 33.6),
      ...startedNormally(p2, 'app', image('3.8.0'), 32.7),
      probeFailed(p0, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 41, firstAgo: 17, lastAgo: 0.3 }),
      probeFailed(p2, 'app', 'Readiness', `Get "http://${ipP2}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 29, firstAgo: 14, lastAgo: 0.6 }),
      probeFailed(p1, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 12, firstAgo: 11, lastAgo: 2.1 }),
      probeFailed(p0, 'app', 'Readiness', `Get "http://${ipP0}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 8, firstAgo: 15, lastAgo: 1.4 }),
      // Yesterday's noise: a scale-up by hand during a traffic peak.
      event({ on: { kind: 'Deployment', name: 'quote-gateway', namespace: ns }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${rsOf(app, 41)} from 3 to 4`, firstAgo: 21 * HOURS, lastAgo: 21 * HOURS, component: 'deployment-controller' }),
    ],
    logs: [
      logsFor(p0, 'app', { current: lines(...okStart(34.2), spring(30, 'INFO', 'ctor-http-nio-3', 'c.acme.quotes.RateFeedClient', 'rates-feed connected, pool max-connections=500'), ...failing(3.2), ...failing(0.8)) }),
      logsFor(p1, 'app', { current: lines(...okStart(33.3), ...failing(2.4), spring(0.5, 'INFO', 'ctor-http-nio-1', 'c.acme.quotes.QuoteController', 'POST /v2/quotes 200 41ms')) }),
      logsFor(p2, 'app', { current: lines(...okStart(32.4), ...failing(1.9), ...failing(0.4)) }),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(0.6)}","level":"info","msg":"priced basket","items":12,"dur_ms":9}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/direct (buffer |byte ?buf )?memory|OutOfDirectMemory|MaxDirectMemorySize/i],
      facts: [/268435456|256 ?m(i?b)?\b|MaxDirectMemorySize/i, /revision 42|3\.8\.0|reactor-netty/i, /roll(ing)? ?back|rollout undo|revision 41/i],
      never: [/OOM ?kill|OOMKilled|exceeded (its|the) memory limit|memory limit (was )?(hit|reached|exceeded)/i, /heap space|java heap/i, /crash ?loop/i, /quote-pricer/, /liveness (probe )?(kill|fail|restart)/i],
    },
  };
}

// ---- 2. OpenSSL 3 refuses webpack 4's md4 after a base-image bump to node:18 ---------------------

function opensslLegacyWebpack(): CorpusScenario {
  const ns = 'web';
  const { nodes, names } = threeEksNodes('10.0.52');
  const image = (v: string) => `${ECR}/web/storefront-ssr:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), command: ['npm', 'run', 'start:prod'], ports: [3000], memory: '768Mi', env: [{ name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/healthz', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 20 }) })] });
  const crash = (i: number) => crashLoop({ exitCode: 1, finishedAgo: 1.2 + i * 0.7, ranSeconds: 3 }, 7 - i);
  const app = deploymentApp({
    namespace: ns, name: 'storefront-ssr', replicas: 4,
    revisions: [
      { revision: 17, createdAgo: 6 * DAYS, changeCause: 'argocd: storefront-ssr 5.21.0 (base node:16.20.2-bullseye-slim)', template: tpl('5.21.0') },
      { revision: 18, createdAgo: 20, changeCause: 'argocd: storefront-ssr 5.21.1 (base image node:16-bullseye-slim -> node:18.20.4-bookworm-slim, Renovate)', template: tpl('5.21.1') },
    ],
    pods: [
      { revision: 17, node: names[0] ?? '', createdAgo: 6 * DAYS - 2, containers: { app: running({ sinceAgo: 3 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 3 * DAYS, ranSeconds: 260000 } }) } },
      { revision: 17, node: names[1] ?? '', createdAgo: 6 * DAYS - 3 },
      { revision: 17, node: names[2] ?? '', createdAgo: 6 * DAYS - 4 },
      { revision: 18, node: names[1] ?? '', createdAgo: 19.8, containers: { app: crash(0) } },
      { revision: 18, node: names[2] ?? '', createdAgo: 19.7, containers: { app: crash(1) } },
    ],
  });
  const other = bystander(ns, 'storefront-assets', names, 75, { revisions: [40, 41], versions: ['1.9.2', '1.9.3'], olderAgo: 12 * DAYS });
  const [n0, n1] = [podOf(app, 3), podOf(app, 4)];
  const crashLog = lines(
    '',
    '> storefront-ssr@5.21.1 start:prod',
    '> node scripts/build-server.js && node dist/server.js',
    '',
    '[build] compiling server bundle (webpack 4.47.0, mode=production)',
    'node:internal/crypto/hash:69',
    '  this[kHandle] = new _Hash(algorithm, xofLen);',
    '                  ^',
    '',
    'Error: error:0308010C:digital envelope routines::unsupported',
    '    at new Hash (node:internal/crypto/hash:69:19)',
    '    at Object.createHash (node:crypto:133:10)',
    '    at module.exports (/app/node_modules/webpack/lib/util/createHash.js:135:53)',
    '    at NormalModule._initBuildHash (/app/node_modules/webpack/lib/NormalModule.js:417:16)',
    '    at handleParseError (/app/node_modules/webpack/lib/NormalModule.js:471:10)',
    '    at /app/node_modules/webpack/lib/NormalModule.js:503:5',
    '    at /app/node_modules/webpack/lib/NormalModule.js:358:12',
    '    at /app/node_modules/loader-runner/lib/LoaderRunner.js:373:3',
    '    at iterateNormalLoaders (/app/node_modules/loader-runner/lib/LoaderRunner.js:214:10)',
    '    at Array.<anonymous> (/app/node_modules/loader-runner/lib/LoaderRunner.js:205:4) {',
    "  opensslErrorStack: [ 'error:03000086:digital envelope routines::initialization error' ],",
    "  library: 'digital envelope routines',",
    "  reason: 'unsupported',",
    "  code: 'ERR_OSSL_EVP_UNSUPPORTED'",
    '}',
    '',
    'Node.js v18.20.4',
    'npm error code 1',
    'npm error path /app',
    'npm error command failed',
    'npm error command sh -c node scripts/build-server.js && node dist/server.js',
  );
  const oldLog = lines(
    `{"level":30,"time":${ago(0.8).getTime()},"pid":19,"hostname":"storefront-ssr","req":{"method":"GET","url":"/p/espresso-grinder-x2"},"res":{"statusCode":200},"responseTime":84,"msg":"request completed"}`,
    `{"level":30,"time":${ago(0.3).getTime()},"pid":19,"hostname":"storefront-ssr","req":{"method":"GET","url":"/c/coffee"},"res":{"statusCode":200},"responseTime":61,"msg":"request completed"}`,
  );
  return {
    id: 'heldout21-openssl3-old-webpack-node18',
    class: 'containers',
    truth: 'Revision 18 of storefront-ssr (20 minutes ago, a Renovate base-image bump from node:16 to node:18.20.4) runs the webpack 4 server build at start; Node 18 ships OpenSSL 3, which no longer provides the md4 hash webpack 4 uses, so every new pod exits 1 within seconds with "Error: error:0308010C:digital envelope routines::unsupported" (ERR_OSSL_EVP_UNSUPPORTED) and sits in CrashLoopBackOff. The rollout is stuck; the three revision-17 (node:16) pods keep serving. Fix: roll back to revision 17, then either set NODE_OPTIONS=--openssl-legacy-provider or upgrade to webpack 5 before moving to node:18. The OOMKill of one old pod three days ago is unrelated.',
    ask: { service: 'storefront-ssr', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'storefront-ssr', selector: { app: 'storefront-ssr' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'storefront-assets', selector: { app: 'storefront-assets' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 1, 0, 20),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 17), 3, 4, 20),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 18), 2, 1, 20),
      ...[n0, n1].flatMap((p, i) => [
        ...pulledFresh(p, 'app', image('5.21.1'), { atAgo: 19.8 - i * 0.1, bytes: 71822913, seconds: 4.311 }),
        ...restartedAgain(p, 'app', image('5.21.1'), { count: 8 - i, firstAgo: 19.6 - i * 0.1, lastAgo: 1.3 + i * 0.7 }),
        backOff(p, 'app', { count: 88 - i * 5, firstAgo: 19.4 - i * 0.1 }),
      ]),
    ],
    logs: [
      logsFor(n0, 'app', { previous: crashLog, current: crashLog }),
      logsFor(n1, 'app', { previous: crashLog, current: crashLog }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: oldLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/0308010C|ERR_OSSL_EVP_UNSUPPORTED|digital envelope|openssl/i],
      facts: [/node:?\s?18|node\.?js v?18/i, /openssl-legacy-provider|webpack|roll(ing)? ?back|revision 17/i, /revision 18|5\.21\.1/i],
      never: [/\bOOM/, /(liveness|readiness|startup) probe/i, /storefront-assets/, /memory limit/i],
    },
  };
}

// ---- 3. Read-replica recovery conflicts cancel long reports after a VACUUM on the primary --------

function replicaRecoveryConflict(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeEksNodes('10.0.210');
  const image = (v: string) => `${ECR}/analytics/report-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], memory: '1Gi',
      env: [
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://analytics-db:5432/analytics' },
        { name: 'REPORTS_DATASOURCE_URL', value: 'jdbc:postgresql://analytics-db-replica:5432/analytics?ApplicationName=report-api' },
        { name: 'REPORTS_DATASOURCE_USERNAME', value: 'report_ro' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 30 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns, name: 'report-api', replicas: 2,
    revisions: [
      { revision: 9, createdAgo: 8 * DAYS, changeCause: 'argocd: report-api 2.11.0', template: tpl('2.11.0') },
      { revision: 10, createdAgo: 70, changeCause: 'argocd: report-api 2.11.1 (CSV export: quote all fields)', template: tpl('2.11.1') },
    ],
    pods: [{ revision: 10, node: names[0] ?? '', createdAgo: 69 }, { revision: 10, node: names[1] ?? '', createdAgo: 68 }],
  });
  const pgImage = 'docker.io/bitnami/postgresql:16.4.0-debian-12-r14';
  const pgTpl = (role: string) => ({ containers: [container({ name: 'postgresql', image: pgImage, ports: [{ name: 'tcp-postgresql', containerPort: 5432 }], memory: '8Gi', cpu: '2', env: [{ name: 'POSTGRESQL_REPLICATION_MODE', value: role }], readiness: execProbe(['/bin/sh', '-c', 'exec pg_isready -U "postgres" -h 127.0.0.1 -p 5432'], { timeoutSeconds: 5 }), liveness: execProbe(['/bin/sh', '-c', 'exec pg_isready -U "postgres" -h 127.0.0.1 -p 5432'], { timeoutSeconds: 5, initialDelaySeconds: 30 }), volumeMounts: [{ name: 'data', mountPath: '/bitnami/postgresql' }, { name: 'config', mountPath: '/bitnami/postgresql/conf/conf.d' }] })], volumes: [{ name: 'config', configMap: { name: `analytics-db-${role === 'master' ? 'primary' : 'replica'}-extended-configuration` } }] });
  const primary = statefulSetApp({ namespace: ns, name: 'analytics-db', replicas: 1, revisions: [{ revision: 3, createdAgo: 40 * DAYS, template: pgTpl('master') }], pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 40 * DAYS }], volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }] });
  const replica = statefulSetApp({ namespace: ns, name: 'analytics-db-replica', replicas: 1, revisions: [{ revision: 3, createdAgo: 40 * DAYS, template: pgTpl('slave') }], pods: [{ revision: 3, ordinal: 0, node: names[1] ?? '', createdAgo: 40 * DAYS }], volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }] });
  const retention = cronJob({
    namespace: ns, name: 'events-retention', schedule: '45 2 * * *',
    template: { containers: [batchContainer({ name: 'retention', image: `${ECR}/analytics/db-maintenance:1.4.2`, command: ['/usr/local/bin/retention.sh'], env: [{ name: 'PGHOST', value: 'analytics-db' }, { name: 'RETAIN_DAYS', value: '90' }] })] },
    jobs: [
      { createdAgo: DAYS + 29, pods: [{ node: names[0] ?? '', createdAgo: DAYS + 29, phase: 'Succeeded', containers: { retention: terminated({ exitCode: 0, finishedAgo: DAYS + 27, ranSeconds: 95 }) } }], outcome: { complete: true, ago: DAYS + 27 } },
      { createdAgo: 29, pods: [{ node: names[0] ?? '', createdAgo: 29, phase: 'Succeeded', containers: { retention: terminated({ exitCode: 0, finishedAgo: 24.5, ranSeconds: 265 }) } }], outcome: { complete: true, ago: 24.5 } },
    ],
    lastSuccessfulAgo: 24.5,
  });
  const tonight = retention.jobs[1] as Built;
  const [r0, r1] = [podOf(app, 0), podOf(app, 1)];
  const rep = podOf(replica, 0);
  const pri = podOf(primary, 0);
  const report = 'SELECT r.region, date_trunc(\'day\', e.occurred_at) AS day, sum(e.amount_cents) FROM events e JOIN accounts a ON a.id = e.account_id JOIN regions r ON r.id = a.region_id WHERE e.occurred_at >= $1 GROUP BY 1, 2 ORDER BY 1, 2';
  const jdbcFail = (m: number, name: string, secs: string) => [
    spring(m, 'ERROR', 'report-exec-3', 'c.acme.reports.ReportRunner', `Report '${name}' failed after ${secs}s`),
    'org.springframework.dao.CannotSerializeTransactionException: PreparedStatementCallback; SQL [' + report + ']; ERROR: canceling statement due to conflict with recovery',
    '  Detail: User query might have needed to see row versions that must be removed.',
    '\tat org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator.doTranslate(SQLErrorCodeSQLExceptionTranslator.java:255)',
    '\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:1548)',
    '\tat com.acme.reports.ReportRunner.run(ReportRunner.java:112)',
    'Caused by: org.postgresql.util.PSQLException: ERROR: canceling statement due to conflict with recovery',
    '  Detail: User query might have needed to see row versions that must be removed.',
    '\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)',
    '\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2420)',
    '\tat org.postgresql.jdbc.PgPreparedStatement.executeQuery(PgPreparedStatement.java:134)',
    '\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)',
    spring(m - 0.01, 'WARN', 'report-exec-3', 'c.acme.reports.ReportController', `GET /v1/reports/${name}.csv -> 500 (report failed)`),
  ];
  const pgCancel = (m: number, pid: number) => [
    `${pgTime(m)} [${pid}] report_ro@analytics ERROR:  canceling statement due to conflict with recovery`,
    `${pgTime(m)} [${pid}] report_ro@analytics DETAIL:  User query might have needed to see row versions that must be removed.`,
    `${pgTime(m)} [${pid}] report_ro@analytics STATEMENT:  ${report}`,
  ];
  return {
    id: 'heldout21-replica-recovery-conflict',
    class: 'config',
    truth: 'report-api sends its long analytical queries to the Postgres read replica analytics-db-replica, which runs with hot_standby_feedback = off and max_standby_streaming_delay = 30s. 25 minutes ago the nightly events-retention job deleted 90-day-old rows on the primary (analytics-db) and ran VACUUM; replaying that cleanup on the standby conflicts with the reports\' snapshots, so the replica cancels every report running longer than 30 s ("ERROR: canceling statement due to conflict with recovery / DETAIL: User query might have needed to see row versions that must be removed.") and report-api answers 500. Every pod is Ready; report-api revision 10 (70 minutes ago) is unrelated. Fix: set hot_standby_feedback = on (or raise max_standby_streaming_delay) on the replica, or give the reports a dedicated replica; re-run the reports.',
    ask: { service: 'report-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...primary.objects, ...replica.objects, ...retention.objects,
      ...exposed({ namespace: ns, name: 'report-api', selector: { app: 'report-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'analytics-db', selector: { app: 'analytics-db' }, pods: primary.pods, ports: [{ name: 'tcp-postgresql', port: 5432, targetPort: 'tcp-postgresql' }], endpointPort: 5432 }),
      ...exposed({ namespace: ns, name: 'analytics-db-replica', selector: { app: 'analytics-db-replica' }, pods: replica.pods, ports: [{ name: 'tcp-postgresql', port: 5432, targetPort: 'tcp-postgresql' }], endpointPort: 5432 }),
      configMap({ namespace: ns, name: 'analytics-db-replica-extended-configuration', createdAgo: 40 * DAYS, data: { 'override.conf': 'hot_standby = on\nhot_standby_feedback = off\nmax_standby_streaming_delay = 30s\nmax_standby_archive_delay = 30s\nwork_mem = 64MB\nshared_buffers = 2GB\n' } }),
      configMap({ namespace: ns, name: 'analytics-db-primary-extended-configuration', createdAgo: 40 * DAYS, data: { 'override.conf': 'wal_level = replica\nmax_wal_senders = 10\nautovacuum = on\nshared_buffers = 2GB\n' } }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 10), 2, 0, 70),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 9), 0, 2, 68),
      cronJobEvent(retention.objects[0], 'SuccessfulCreate', `Created job ${nameOf(tonight.objects[0])}`, 29),
      jobEvent(tonight.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(podOf(tonight, 0))}`, 29),
      jobEvent(tonight.objects[0], 'Completed', 'Job completed', 24.5),
      cronJobEvent(retention.objects[0], 'SawCompletedJob', `Saw completed job: ${nameOf(tonight.objects[0])}, status: Complete`, 24.4),
      // Yesterday's noise on the primary.
      probeFailed(pri, 'postgresql', 'Readiness', 'command timed out: "/bin/sh -c exec pg_isready -U \\"postgres\\" -h 127.0.0.1 -p 5432" timed out after 5s', { count: 2, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS - 0.2 }),
    ],
    logs: [
      logsFor(r0, 'app', { current: lines(spring(40, 'INFO', 'report-exec-1', 'c.acme.reports.ReportRunner', "Report 'daily-active-accounts' done in 12.4s (rows=31)"), ...jdbcFail(18.2, 'revenue-by-region-monthly', '31.2'), ...jdbcFail(6.4, 'revenue-by-region-monthly', '30.8'), spring(2, 'INFO', 'http-nio-8080-exec-4', 'c.acme.reports.ReportController', 'GET /v1/reports/daily-active-accounts.csv -> 200 (9.8s)')) }),
      logsFor(r1, 'app', { current: lines(...jdbcFail(14.7, 'churn-cohorts', '30.4'), ...jdbcFail(1.1, 'ledger-aging', '31.0')) }),
      logsFor(rep, 'postgresql', { current: lines(
        `${pgTime(3 * DAYS)} [1] LOG:  entering standby mode`,
        `${pgTime(3 * DAYS)} [1] LOG:  consistent recovery state reached at 3A/91C0F2B8`,
        `${pgTime(3 * DAYS)} [1] LOG:  database system is ready to accept read-only connections`,
        `${pgTime(3 * DAYS)} [84] LOG:  started streaming WAL from primary at 3A/92000000 on timeline 1`,
        ...pgCancel(18.2, 20931), ...pgCancel(14.7, 21077), ...pgCancel(6.4, 21590), ...pgCancel(1.1, 21822),
      ) }),
      logsFor(pri, 'postgresql', { current: lines(
        `${pgTime(28)} [21455] LOG:  checkpoint starting: wal`,
        `${pgTime(26)} [21455] LOG:  checkpoint complete: wrote 412004 buffers (19.6%); 0 WAL file(s) added, 31 removed, 57 recycled; write=149.812 s, sync=0.204 s, total=150.331 s`,
        `${pgTime(25)} [1] LOG:  automatic vacuum of table "analytics.public.sessions": index scans: 1`,
      ) }),
      logsFor(podOf(tonight, 0), 'retention', { current: lines(
        `[${at(29)}] retention: deleting events older than 90 days (before 2026-08-23)`,
        'DELETE 48213377',
        `[${at(25.5)}] retention: VACUUM (VERBOSE, ANALYZE) events`,
        'INFO:  vacuuming "analytics.public.events"',
        'INFO:  finished vacuuming "analytics.public.events": index scans: 1',
        'pages: 0 removed, 5123311 remain, 5123311 scanned (100.00% of total)',
        'tuples: 48213377 removed, 61022411 remain, 0 are dead but not yet removable',
        'VACUUM',
        `[${at(24.5)}] retention: done`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/conflict with recovery|recovery conflict|hot_standby_feedback|max_standby_streaming_delay|analytics-db-replica/i],
      facts: [/analytics-db-replica/, /hot_standby_feedback|max_standby_(streaming_)?delay/i, /VACUUM|events-retention|cleanup|DELETE/i, /conflict with recovery|row versions that must be removed/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /lock (wait|contention|held)|pg_cancel_backend|blocked by (process|pid)/i, /statement[_ ]timeout/i, /crash ?loop|pods? (are |is )?not ready/i],
    },
  };
}

// ---- 4. A Service re-created with a new ClusterIP; old pods dial the injected env var --------------

function serviceRecreatedEnvVar(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.33');
  const oldIp = '172.20.41.17';
  const newIp = '172.20.88.203';
  const image = (v: string) => `${ECR}/shop/cart-api:${v}`;
  const tpl = { containers: [container({ image: image('4.3.2'), ports: [8080], memory: '256Mi', env: [{ name: 'SESSION_STORE_PORT', value: '6379' }, { name: 'GOMEMLIMIT', value: '230MiB' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] };
  const app = deploymentApp({
    namespace: ns, name: 'cart-api', replicas: 3,
    revisions: [{ revision: 57, createdAgo: 4 * DAYS, changeCause: 'argocd: cart-api 4.3.2', template: tpl }],
    pods: [
      { revision: 57, node: names[0] ?? '', createdAgo: 4 * DAYS - 1, ready: false, containers: { app: running({ sinceAgo: 4 * DAYS - 1.2, ready: false }) } },
      { revision: 57, node: names[1] ?? '', createdAgo: 4 * DAYS - 2, ready: false, containers: { app: running({ sinceAgo: 4 * DAYS - 2.2, ready: false }) } },
      { revision: 57, node: names[2] ?? '', createdAgo: 12 },
    ],
    settled: { available: false, availableSince: 28, progressingSince: 4 * DAYS - 3 },
  });
  const redisTpl = { containers: [container({ name: 'redis', image: 'docker.io/bitnami/redis:7.2.5-debian-12-r4', ports: [{ name: 'redis', containerPort: 6379 }], memory: '512Mi', readiness: execProbe(['sh', '-c', '/health/ping_readiness_local.sh 1'], { timeoutSeconds: 2 }), liveness: execProbe(['sh', '-c', '/health/ping_liveness_local.sh 5'], { timeoutSeconds: 6, initialDelaySeconds: 20 }) })] };
  const redis = deploymentApp({ namespace: ns, name: 'session-store', replicas: 1, createdAgo: 30, revisions: [{ revision: 1, createdAgo: 30, changeCause: 'helm install session-store bitnami/redis --version 19.6.4', template: redisTpl }], pods: [{ revision: 1, node: names[1] ?? '', createdAgo: 29.8 }] });
  const other = bystander(ns, 'catalog-api', names, 55, { revisions: [88, 89], versions: ['7.0.1', '7.0.2'], olderAgo: 10 * DAYS });
  const store = exposed({ namespace: ns, name: 'session-store', selector: { app: 'session-store' }, pods: redis.pods, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 'redis' }], clusterIP: newIp, createdAgo: 30, endpointPort: 6379 });
  const svc = store[0] as k8s.V1Service;
  svc.metadata = { ...svc.metadata, uid: uidOf('service/shop/session-store/reinstalled'), labels: { app: 'session-store', 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/instance': 'session-store' }, annotations: { 'meta.helm.sh/release-name': 'session-store', 'meta.helm.sh/release-namespace': ns } };
  const [c0, c1, c2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const rp = podOf(redis, 0);
  const goLog = (m: number, level: string, msg: string, extra = '') => `{"time":"${at(m)}","level":"${level}","msg":"${msg}"${extra}}`;
  const stale = (start: number) => lines(
    goLog(start, 'INFO', 'session store configured', `,"addr":"${oldIp}:6379","source":"SESSION_STORE_SERVICE_HOST"`),
    goLog(start - 0.01, 'INFO', 'listening', ',"addr":":8080"'),
    goLog(29.6, 'ERROR', 'session lookup failed', `,"path":"/v1/cart","error":"dial tcp ${oldIp}:6379: i/o timeout"`),
    goLog(27.9, 'WARN', 'readiness check failed', `,"check":"session-store","error":"dial tcp ${oldIp}:6379: i/o timeout"`),
    goLog(12.3, 'ERROR', 'session lookup failed', `,"path":"/v1/cart/items","error":"redis: connection pool timeout"`),
    goLog(3.1, 'ERROR', 'session lookup failed', `,"path":"/v1/cart","error":"dial tcp ${oldIp}:6379: i/o timeout"`),
    goLog(0.4, 'WARN', 'readiness check failed', `,"check":"session-store","error":"dial tcp ${oldIp}:6379: i/o timeout"`),
  );
  return {
    id: 'heldout21-service-recreated-stale-env-ip',
    class: 'network',
    truth: 'A Helm re-install (uninstall + install) of the session-store release 30 minutes ago deleted and re-created the session-store Service, which got a new ClusterIP (172.20.88.203 instead of 172.20.41.17). cart-api reads the Redis address from SESSION_STORE_SERVICE_HOST, the environment variable Kubernetes injects when a container starts (enableServiceLinks), not from the DNS name; its two pods started four days ago still dial the old IP, which no longer routes anywhere ("dial tcp 172.20.41.17:6379: i/o timeout"), and fail readiness, while the pod created 12 minutes ago got the new IP and works. Fix: restart cart-api (kubectl rollout restart), and make it use the DNS name session-store:6379.',
    ask: { service: 'cart-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, ...other.objects, ...store,
      ...exposed({ namespace: ns, name: 'cart-api', selector: { app: 'cart-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: other.pods }),
      scaledReplicaSet(deploymentOf(redis), rsOf(redis, 1), 1, 0, 30),
      ...startedNormally(rp, 'redis', 'docker.io/bitnami/redis:7.2.5-debian-12-r4', 29.8),
      ...startedNormally(c2, 'app', image('4.3.2'), 12),
      event({ on: { kind: 'ReplicaSet', name: rsOf(app, 57), namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(c2)}`, firstAgo: 12, lastAgo: 12, component: 'replicaset-controller' }),
      event({ on: { kind: 'Node', name: 'ip-10-0-33-214.eu-west-1.compute.internal' }, type: 'Normal', reason: 'RemovingNode', message: 'Node ip-10-0-33-214.eu-west-1.compute.internal event: Removing Node ip-10-0-33-214.eu-west-1.compute.internal from Controller', firstAgo: 12.5, lastAgo: 12.5, component: 'node-controller' }),
      probeFailed(c0, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 168, firstAgo: 28, lastAgo: 0.2 }),
      probeFailed(c1, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 166, firstAgo: 27.8, lastAgo: 0.4 }),
      // Yesterday's noise.
      probeFailed(c1, 'app', 'Liveness', `Get "http://${ipOf(c1)}:8080/livez": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 1, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS }),
    ],
    logs: [
      logsFor(c0, 'app', { current: stale(4 * DAYS - 1.2) }),
      logsFor(c1, 'app', { current: stale(4 * DAYS - 2.2) }),
      logsFor(c2, 'app', { current: lines(goLog(11.9, 'INFO', 'session store configured', `,"addr":"${newIp}:6379","source":"SESSION_STORE_SERVICE_HOST"`), goLog(11.9, 'INFO', 'listening', ',"addr":":8080"'), goLog(0.7, 'INFO', 'request', ',"path":"/v1/cart","status":200,"dur_ms":3')) }),
      logsFor(rp, 'redis', { current: lines(
        `1:C ${redisTime(29.7)} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
        `1:C ${redisTime(29.7)} # Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
        `1:M ${redisTime(29.7)} * Running mode=standalone, port=6379.`,
        `1:M ${redisTime(29.7)} * Server initialized`,
        `1:M ${redisTime(29.7)} * Ready to accept connections tcp`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/session-store/, /ClusterIP|172\.20\.41\.17|re-?created|SESSION_STORE_SERVICE_HOST|env(ironment)? var|stale/i],
      facts: [lit('172.20.41.17'), /SESSION_STORE_SERVICE_HOST|environment variable|env var|enableServiceLinks/i, /restart/i, /re-?created|new ClusterIP|172\.20\.88\.203|30 min/i],
      never: [ADVISES_ROLLBACK, /NetworkPolicy/i, /\bOOM/, /CoreDNS|DNS (resolution|lookup)s? (fail|time)/i, /catalog-api/, /no (ready )?endpoints/i],
    },
  };
}

// ---- 5. containerd cannot reserve container names on an I/O-saturated node ------------------------

function containerdNameReserved(): CorpusScenario {
  const ns = 'docs';
  const { nodes, names } = threeEksNodes('10.0.144');
  const hot = names[1] ?? '';
  const image = `${ECR}/docs/pdf-render:3.2.0`;
  const tpl = { containers: [container({ name: 'render', image, ports: [8080], memory: '2Gi', cpu: '1', readiness: httpProbe('/health', 8080), liveness: httpProbe('/health', 8080, { initialDelaySeconds: 15 }) })] };
  const app = deploymentApp({
    namespace: ns, name: 'pdf-render', replicas: 4,
    revisions: [{ revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: pdf-render 3.2.0', template: tpl }],
    pods: [
      { revision: 12, node: names[0] ?? '', createdAgo: 9 * DAYS - 1 },
      { revision: 12, node: names[2] ?? '', createdAgo: 9 * DAYS - 2 },
      { revision: 12, node: hot, createdAgo: 27, sandbox: true, containers: { render: waiting('CreateContainerError', 'placeholder') } },
      { revision: 12, node: hot, createdAgo: 27, sandbox: true, containers: { render: waiting('ContainerCreating') } },
    ],
    settled: { available: true, availableSince: 9 * DAYS - 1, progressingSince: 9 * DAYS },
  });
  const [a0, a1, s0, s1] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3)];
  const cname = (p: k8s.V1Pod) => `render_${nameOf(p)}_${ns}_${p.metadata?.uid ?? ''}_0`;
  const holder = (p: k8s.V1Pod) => containerId(`reserved/${nameOf(p)}`).replace('containerd://', '');
  const reserved = (p: k8s.V1Pod) => `failed to reserve container name "${cname(p)}": name "${cname(p)}" is reserved for "${holder(p)}"`;
  const st = s0.status?.containerStatuses?.[0];
  if (st?.state?.waiting) st.state.waiting.message = reserved(s0);
  const backupTpl = (v: string) => ({
    containers: [container({ name: 'backup', image: `ghcr.io/acme-platform/node-backup:${v}`, ports: [], memory: '1Gi', cpu: '500m', readiness: null, liveness: null, command: ['/usr/local/bin/node-backup'], args: ['--schedule=@every 6h', '--paths=/host/var/lib/local-path-provisioner,/host/etc/kubernetes', '--repo=s3:s3.eu-west-1.amazonaws.com/acme-node-backups'], volumeMounts: [{ name: 'host-var-lib', mountPath: '/host/var/lib', readOnly: true }] })],
    volumes: [{ name: 'host-var-lib', hostPath: { path: '/var/lib', type: 'Directory' } }],
    priorityClassName: 'system-node-critical',
    tolerations: [{ operator: 'Exists' }],
  });
  const backup = daemonSetApp({
    namespace: 'backup', name: 'node-backup',
    revisions: [
      { revision: 6, createdAgo: 30 * DAYS, template: backupTpl('0.9.3') },
      { revision: 7, createdAgo: 41, template: backupTpl('0.10.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 7, node: names[k] ?? '', createdAgo: 40 - k * 0.5 })),
  });
  const hpaObj = hpa({ namespace: ns, name: 'pdf-render', target: { kind: 'Deployment', name: 'pdf-render' }, min: 2, max: 8, current: 4, desired: 4, cpu: { current: 74, target: 60, averageValue: '740m' }, lastScaleAgo: 27.5 });
  const bp = (node: string) => backup.pods.find((p) => p.spec?.nodeName === node) as k8s.V1Pod;
  const fp = 'spec.containers{render}';
  return {
    id: 'heldout21-containerd-name-reserved-io-saturated',
    class: 'nodes',
    truth: `The node-backup DaemonSet (namespace backup) rolled out a new version 41 minutes ago whose first run started a full restic snapshot of /var/lib/local-path-provisioner; on ${hot}, which holds the large local volumes, it has saturated the root disk for 40 minutes. containerd on that node cannot create containers within the kubelet's CRI deadline: the two pdf-render pods the HPA scheduled there 27 minutes ago fail with "context deadline exceeded", and every retry then fails with "failed to reserve container name … is reserved for …" because the first, still-pending CreateContainer holds the name. The pods on the other two nodes run; the node reports no condition. Fix: stop or throttle the backup on that node (ionice/limit, or pause the DaemonSet), cordon ${hot} and delete the two stuck pods so they schedule elsewhere.`,
    ask: { service: 'pdf-render', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...backup.objects, hpaObj,
      ...exposed({ namespace: ns, name: 'pdf-render', selector: { app: 'pdf-render' }, pods: app.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'pdf-render', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 4; reason: cpu resource utilization (percentage of request) above target', firstAgo: 27.5, lastAgo: 27.5, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 12), 4, 2, 27.5),
      ...[s0, s1].flatMap((p, i) => [
        scheduled(p, 27),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, count: 9 - i, firstAgo: 26.8, lastAgo: 1.5 + i, fieldPath: fp }),
        event({ on: p, reason: 'Failed', message: 'Error: context deadline exceeded', count: 1, firstAgo: 24.8 - i * 0.2, lastAgo: 24.8 - i * 0.2, fieldPath: fp }),
        event({ on: p, reason: 'Failed', message: `Error: ${reserved(p)}`, count: 8 - i, firstAgo: 24.5 - i * 0.2, lastAgo: 1.5 + i, fieldPath: fp }),
      ]),
      event({ on: { kind: 'DaemonSet', name: 'node-backup', namespace: 'backup' }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(bp(hot))}`, firstAgo: 40.5, lastAgo: 40.5, component: 'daemonset-controller' }),
      // Yesterday's noise: an image GC on another node.
      event({ on: { kind: 'Node', name: names[2] ?? '' }, reason: 'FreeDiskSpaceFailed', message: 'Failed to garbage collect required amount of images. Attempted to free 2147483648 bytes, but only found 0 bytes eligible to free.', firstAgo: 22 * HOURS, lastAgo: 22 * HOURS }),
    ],
    logs: [
      ...[a0, a1].map((p) => logsFor(p, 'render', { current: lines(`[${at(1.1)}] INFO render job=8f21c pages=14 ms=812`, `[${at(0.3)}] INFO render job=8f22a pages=3 ms=204`) })),
      logsFor(bp(names[0] ?? ''), 'backup', { current: lines(`time="${at(39.8)}" level=info msg="starting backup run" paths="/host/var/lib/local-path-provisioner,/host/etc/kubernetes"`, 'Files:        1822 new,     0 changed,     0 unmodified', 'Added to the repository: 2.113 GiB (1.902 GiB stored)', `time="${at(35.2)}" level=info msg="backup run finished" duration=4m36s`) }),
      logsFor(bp(names[2] ?? ''), 'backup', { current: lines(`time="${at(38.9)}" level=info msg="starting backup run" paths="/host/var/lib/local-path-provisioner,/host/etc/kubernetes"`, 'Files:         611 new,     0 changed,     0 unmodified', 'Added to the repository: 884.310 MiB (801.022 MiB stored)', `time="${at(36.8)}" level=info msg="backup run finished" duration=2m06s`) }),
      logsFor(bp(hot), 'backup', { current: lines(
        `time="${at(39.4)}" level=info msg="starting backup run" paths="/host/var/lib/local-path-provisioner,/host/etc/kubernetes"`,
        'no parent snapshot found, will read all files',
        '[10:12] 9.41%  118 files 41.733 GiB, total 2214 files 443.512 GiB, 0 errors ETA 1:38:06',
        '[25:40] 22.87%  402 files 101.427 GiB, total 2214 files 443.512 GiB, 0 errors ETA 1:26:31',
        `time="${at(8)}" level=warn msg="backup run exceeds expected duration" elapsed=31m24s expected=10m`,
        '[38:55] 33.60%  611 files 149.021 GiB, total 2214 files 443.512 GiB, 0 errors ETA 1:17:02',
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [lit(hot), /reserve|containerd|context deadline|I\/O|disk|backup|CreateContainer/i],
      facts: [/failed to reserve container name|is reserved for/i, /context deadline exceeded/i, /node-backup|backup/i, /cordon|drain|move|reschedul/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /pull(ing)? (the )?image|image pull|ImagePull/i, /Insufficient|unschedulable/i, /FreeDiskSpaceFailed|DiskPressure/],
    },
  };
}

// ---- 6. A CronJob's pulls fail after the Harbor robot account was rotated ---------------------------

function cronJobPullSecretRotated(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeEksNodes('10.0.171');
  const image = 'harbor.acme.internal/finance/ledger-reconcile:stable';
  const cronTpl = { containers: [{ ...batchContainer({ name: 'reconcile', image, memory: '1Gi', command: ['python', '-m', 'reconcile.nightly'], env: [{ name: 'LEDGER_DB_HOST', value: 'ledger-db' }] }), imagePullPolicy: 'Always' }], imagePullSecrets: ['harbor-pull'] };
  const pull = () => `Failed to pull image "${image}": rpc error: code = Unknown desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://harbor.acme.internal/service/token?scope=repository%3Afinance%2Fledger-reconcile%3Apull&service=harbor-registry: 401 Unauthorized`;
  const backoffMsg = `Back-off pulling image "${image}"`;
  const cron = cronJob({
    namespace: ns, name: 'ledger-reconcile', schedule: '30 2 * * *', activeDeadlineSeconds: 1200, backoffLimit: 2,
    template: cronTpl,
    jobs: [
      { createdAgo: DAYS + 44, pods: [{ node: names[0] ?? '', createdAgo: DAYS + 44, phase: 'Succeeded', containers: { reconcile: terminated({ exitCode: 0, finishedAgo: DAYS + 33, ranSeconds: 640 }) } }], outcome: { complete: true, ago: DAYS + 33 } },
      // Tonight's run: the Job controller deleted its pod when the deadline passed.
      { createdAgo: 44, pods: [], outcome: { failed: 'DeadlineExceeded', ago: 24 } },
    ],
    lastSuccessfulAgo: DAYS + 33,
  });
  const cronObj = cron.objects[0] as k8s.V1CronJob;
  const podSpec = cronObj.spec?.jobTemplate.spec?.template.spec;
  if (podSpec) podSpec.imagePullSecrets = [{ name: 'harbor-pull' }];
  for (const j of cron.jobs) {
    const spec = (j.objects[0] as k8s.V1Job).spec?.template.spec;
    if (spec) spec.imagePullSecrets = [{ name: 'harbor-pull' }];
  }
  const tonight = cron.jobs[1] as Built;
  const tonightJob = tonight.objects[0] as k8s.V1Job;
  if (tonightJob.status) tonightJob.status.failed = 1;
  const tonightPod = `${nameOf(tonightJob)}-${'qv8xd'}`;
  // The engineer's re-run: `kubectl create job --from=cronjob/ledger-reconcile ledger-reconcile-manual-7rk2m`.
  const manual = job({
    namespace: ns, name: 'ledger-reconcile-manual-7rk2m', template: cronTpl, activeDeadlineSeconds: 1200, backoffLimit: 2, createdAgo: 13,
    owner: { name: 'ledger-reconcile', uid: cron.uid },
    pods: [{ node: names[2] ?? '', createdAgo: 13, phase: 'Pending', containers: { reconcile: waiting('ImagePullBackOff', backoffMsg) } }],
  });
  const manualJob = manual.objects[0] as k8s.V1Job;
  manualJob.metadata = { ...manualJob.metadata, annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' } };
  const mp = podOf(manual, 0);
  const apiImage = 'harbor.acme.internal/finance/ledger-api:2.8.1';
  const api = deploymentApp({
    namespace: ns, name: 'ledger-api', replicas: 2,
    revisions: [{ revision: 23, createdAgo: 5 * DAYS, changeCause: 'argocd: ledger-api 2.8.1', template: { containers: [container({ image: apiImage, ports: [8080] })], imagePullSecrets: ['harbor-pull'] } }],
    pods: [{ revision: 23, node: names[0] ?? '', createdAgo: 5 * DAYS - 1 }, { revision: 23, node: names[1] ?? '', createdAgo: 5 * DAYS - 2 }],
  });
  const ui = bystander(ns, 'ledger-ui', names, 58, { revisions: [14, 15], versions: ['1.3.0', '1.3.1'], olderAgo: 20 * DAYS });
  const fp = 'spec.containers{reconcile}';
  const tonightRef = { kind: 'Pod', name: tonightPod, namespace: ns };
  return {
    id: 'heldout21-cronjob-pull-secret-rotated',
    class: 'jobs',
    truth: 'Six hours ago the Harbor robot account robot$finance+puller was rotated (its secret regenerated) but the harbor-pull Secret in finance was not updated. The ledger-reconcile CronJob pulls harbor.acme.internal/finance/ledger-reconcile:stable with imagePullPolicy Always, so its pods can no longer pull: Harbor\'s token service answers 401 Unauthorized, the pods sit in ErrImagePull/ImagePullBackOff, tonight\'s 02:30 run hit its activeDeadlineSeconds (DeadlineExceeded) and the manual re-run is stuck the same way. The Deployments of the namespace use the same secret but keep running on images cached on their nodes (IfNotPresent). Fix: update the harbor-pull Secret with the new robot credentials, then re-run the job.',
    ask: { service: 'ledger-reconcile', namespace: ns },
    objects: [
      ...nodes, ...cron.objects, ...manual.objects, ...api.objects, ...ui.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: api.pods }),
      ...exposed({ namespace: ns, name: 'ledger-ui', selector: { app: 'ledger-ui' }, pods: ui.pods }),
      cronJobEvent(cronObj, 'SuccessfulCreate', `Created job ${nameOf(tonightJob)}`, 44),
      jobEvent(tonightJob, 'SuccessfulCreate', `Created pod: ${tonightPod}`, 44),
      event({ on: tonightRef, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${tonightPod} to ${names[1] ?? ''}`, firstAgo: 44, lastAgo: 44, component: 'default-scheduler' }),
      event({ on: tonightRef, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, count: 8, firstAgo: 43.9, lastAgo: 25.2, fieldPath: fp }),
      event({ on: tonightRef, reason: 'Failed', message: pull(), count: 8, firstAgo: 43.8, lastAgo: 25.1, fieldPath: fp }),
      event({ on: tonightRef, reason: 'Failed', message: 'Error: ErrImagePull', count: 8, firstAgo: 43.8, lastAgo: 25.1, fieldPath: fp }),
      event({ on: tonightRef, type: 'Normal', reason: 'BackOff', message: backoffMsg, count: 79, firstAgo: 43.6, lastAgo: 24.1, fieldPath: fp }),
      event({ on: tonightRef, reason: 'Failed', message: 'Error: ImagePullBackOff', count: 79, firstAgo: 43.6, lastAgo: 24.1, fieldPath: fp }),
      jobEvent(tonightJob, 'SuccessfulDelete', `Deleted pod: ${tonightPod}`, 24),
      jobEvent(tonightJob, 'DeadlineExceeded', 'Job was active longer than specified deadline', 24, 'Warning'),
      cronJobEvent(cronObj, 'SawCompletedJob', `Saw completed job: ${nameOf(tonightJob)}, status: Failed`, 23.9),
      jobEvent(manualJob, 'SuccessfulCreate', `Created pod: ${nameOf(mp)}`, 13),
      scheduled(mp, 13),
      event({ on: mp, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, count: 6, firstAgo: 12.9, lastAgo: 2.2, fieldPath: fp }),
      event({ on: mp, reason: 'Failed', message: pull(), count: 6, firstAgo: 12.8, lastAgo: 2.1, fieldPath: fp }),
      event({ on: mp, reason: 'Failed', message: 'Error: ErrImagePull', count: 6, firstAgo: 12.8, lastAgo: 2.1, fieldPath: fp }),
      event({ on: mp, type: 'Normal', reason: 'BackOff', message: backoffMsg, count: 47, firstAgo: 12.6, lastAgo: 0.3, fieldPath: fp }),
      event({ on: mp, reason: 'Failed', message: 'Error: ImagePullBackOff', count: 47, firstAgo: 12.6, lastAgo: 0.3, fieldPath: fp }),
      // Yesterday's noise: ledger-api's slow start after a node replacement.
      probeFailed(podOf(api, 1), 'app', 'Readiness', `Get "http://${ipOf(podOf(api, 1))}:8080/ready": dial tcp ${ipOf(podOf(api, 1))}:8080: connect: connection refused`, { count: 3, firstAgo: 5 * DAYS - 2, lastAgo: 5 * DAYS - 2.1 }),
    ],
    logs: [
      logsFor(podOf(cron.jobs[0] as Built, 0), 'reconcile', { current: lines(`${at(DAYS + 43)} INFO reconcile.nightly: reconciling ledger for 2026-11-19`, `${at(DAYS + 33.1)} INFO reconcile.nightly: 184220 entries matched, 0 discrepancies`, `${at(DAYS + 33)} INFO reconcile.nightly: done in 638.2s`) }),
      ...api.pods.map((p) => logsFor(p, 'app', { current: lines(`{"ts":"${at(0.9)}","level":"info","msg":"GET /v1/accounts/balance 200","dur_ms":11}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pull|image/i, /401|unauthori[sz]ed|authenticat|credential|pull secret|harbor-pull/i],
      facts: [/harbor-pull/, /401|unauthori[sz]ed/i, /DeadlineExceeded|deadline/i, /harbor\.acme\.internal|ledger-reconcile:stable/],
      never: [/(image|tag|repository)[^\n]*(not found|does not exist|missing|deleted)/i, /\bOOM/, /backoff ?limit/i, /registry[^\n]*(down|unreachable|outage)/i, /ledger-ui/, ADVISES_ROLLBACK],
    },
  };
}

// ---- 7. Healthy control: a Deployment paused on purpose for a canary hold -------------------------

function pausedOnPurpose(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeEksNodes('10.0.88');
  const image = (v: string) => `${ECR}/search/search-api:${v}`;
  const tpl = (v: string) => ({ containers: [container({ image: image(v), ports: [8080], memory: '2Gi', cpu: '1', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70.0' }], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 40 }) })] });
  const app = deploymentApp({
    namespace: ns, name: 'search-api', replicas: 4,
    revisions: [
      { revision: 54, createdAgo: 16 * DAYS, changeCause: 'argocd: search-api 2.8.3', template: tpl('2.8.3') },
      { revision: 55, createdAgo: 4 * DAYS, changeCause: 'argocd: search-api 2.8.4', template: tpl('2.8.4') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 55, node: names[k % 3] ?? '', createdAgo: 4 * DAYS - k })),
    settled: { available: true, availableSince: 4 * DAYS - 4, progressingSince: 4 * DAYS - 4 },
  });
  const d = deploymentOf(app);
  // The release team set the new template (2.9.0) on a paused Deployment: no ReplicaSet until it resumes.
  if (d.spec) {
    d.spec.paused = true;
    d.spec.template = { ...d.spec.template, spec: { ...d.spec.template.spec, containers: tpl('2.9.0').containers } };
  }
  d.metadata = { ...d.metadata, generation: (d.metadata?.generation ?? 1) + 2, annotations: { ...d.metadata?.annotations, 'release.acme.io/hold': 'canary hold by release-team (J. Okafor): 2.9.0 waits for the search-api-canary results, resume after 06:00 UTC review — CHG-20931', 'release.acme.io/hold-since': ago(2 * HOURS).toISOString() } };
  if (d.status) {
    d.status.observedGeneration = d.metadata.generation;
    d.status.updatedReplicas = 0;
    d.status.conditions = [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(4 * DAYS - 4), lastTransitionTime: ago(4 * DAYS - 4) },
      { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused', lastUpdateTime: ago(2 * HOURS), lastTransitionTime: ago(2 * HOURS) },
    ];
  }
  const canaryTpl = { ...tpl('2.9.0'), labels: { track: 'canary' } };
  const canary = deploymentApp({ namespace: ns, name: 'search-api-canary', replicas: 1, selector: { app: 'search-api-canary' }, revisions: [{ revision: 3, createdAgo: 2 * HOURS + 5, changeCause: 'release-team: canary 2.9.0', template: canaryTpl }], pods: [{ revision: 3, node: names[1] ?? '', createdAgo: 2 * HOURS + 4 }] });
  const indexer = bystander(ns, 'search-indexer', names, 50, { revisions: [30, 31], versions: ['5.0.6', '5.0.7'], olderAgo: 8 * DAYS });
  const pods = app.pods;
  return {
    id: 'heldout21-healthy-paused-canary-hold',
    class: 'healthy',
    truth: 'Nothing is wrong. The release team paused search-api two hours ago (spec.paused, annotated as a canary hold, CHG-20931) and set its template to 2.9.0 while a separate one-pod search-api-canary runs 2.9.0; a paused Deployment creates no new ReplicaSet, so all four pods stay on revision 55 (2.8.4), Ready, and the Progressing condition reads Unknown/DeploymentPaused by design. The search-indexer rollout 50 minutes ago and an old readiness blip are unrelated. Nothing to fix; do not resume it outside the release team\'s review.',
    ask: { service: 'search-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...canary.objects, ...indexer.objects,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods }),
      ...exposed({ namespace: ns, name: 'search-indexer', selector: { app: 'search-indexer' }, pods: indexer.pods }),
      scaledReplicaSet(deploymentOf(indexer), rsOf(indexer, 31), 2, 0, 50),
      scaledReplicaSet(deploymentOf(indexer), rsOf(indexer, 30), 0, 2, 49),
      ...startedNormally(podOf(canary, 0), 'app', image('2.9.0'), 2 * HOURS + 4),
      probeFailed(podOf(app, 2), 'app', 'Readiness', `Get "http://${ipOf(podOf(app, 2))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 2, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS - 0.2 }),
    ],
    logs: [
      ...pods.map((p, i) => logsFor(p, 'app', { current: lines(`{"@timestamp":"${at(1.2 + i * 0.1)}","level":"INFO","logger":"c.a.search.QueryController","message":"GET /v3/search q_len=14 hits=238 took=31ms"}`, `{"@timestamp":"${at(0.4)}","level":"INFO","logger":"c.a.search.QueryController","message":"GET /v3/suggest q_len=3 hits=10 took=4ms"}`) })),
      logsFor(podOf(canary, 0), 'app', { current: lines(`{"@timestamp":"${at(0.8)}","level":"INFO","logger":"c.a.search.QueryController","message":"GET /v3/search q_len=9 hits=71 took=28ms"}`) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (active |current )?(problem|issue)|running normally|all (\d+ )?(pods )?(are )?ready|\d\/\d/i],
      facts: [/search-api/],
      never: [ADVISES_ROLLBACK, /stuck|stalled|ProgressDeadlineExceeded|fail(ed|ing) to progress/i, /rollout resume|resume the (rollout|deployment)/i, /search-indexer/, /readiness probe fail/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  nettyDirectMemory(),
  opensslLegacyWebpack(),
  replicaRecoveryConflict(),
  serviceRecreatedEnvVar(),
  containerdNameReserved(),
  cronJobPullSecretRotated(),
  pausedOnPurpose(),
];
