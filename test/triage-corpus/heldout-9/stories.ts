// Held-out stories, ninth round: failures written without reading the analysis code, to measure
// how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
//
// A new nginx sidecar taking the port the app still binds (EADDRINUSE), a liveness probe on the
// aggregate Spring health that includes a deleted reporting database, a Node.js event loop blocked
// by a regex on new catalog input (readiness timeouts, no restarts), a node whose NFS client hung
// (pods stuck Terminating and ContainerCreating there only), pods with dnsPolicy None pointing at
// a retired resolver, a worker rejecting a rotated internal CA (x509 unknown authority), a CPU limit
// cut to 500m (throttling, readiness flaps), a 15 GB image whose pull outlasts the progress
// deadline, an HPA held back by its own scale-up policy during an on-sale, a CronJob with
// concurrencyPolicy Allow whose runs pile up on one lock, a recreated claim that cannot bind its
// Released Retain volume, a DaemonSet whose raised memory request no longer fits a packed node, and
// two healthy controls: old node-pressure evictions of another workload, and a recovery from a
// scale-up burst an hour ago.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, configMap, container, coreDns, crashLoop, cronJob, cronJobEvent,
  daemonSetApp, deploymentApp, epochMs, event, exposed, failedScheduling, hpa, httpProbe, kubeletEviction, nameOf,
  nameSuffix, node, nodeEvent, probeFailed, probeKilling, pv, pvc, pyTime, restartedAgain, rsOf, running, clfTime,
  scaledReplicaSet, scheduled, statefulSetApp, tcpProbe, templateHash, terminated, uidOf, waiting, BLAMES_ROLLOUT,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, eksNodeName as nodeName, ipOfPod, logsFor, podOf, startedAt, threeEksNodes as threeNodes, bystander as heldOutBystander } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

// ---- local helpers -------------------------------------------------------------------------

const lines = (...l: string[]): string => l.join('\n') + '\n';

/** This round's bystander: a healthy Deployment of the namespace that rolled out recently. */
const bystander = (ns: string, name: string, names: readonly string[], rolledAgo: number): Built =>
  heldOutBystander(ns, name, names, rolledAgo, { revisions: [90, 91], versions: ['2.4.0', '2.5.0'], olderAgo: 11 * DAYS });

/** Says a bystander caused the failure (naming it to exonerate it is fine). */
const blames = (name: string): RegExp => new RegExp(`(caused|triggered|started|broken) (by|after|with) (the )?${name}|${name}[^\\n]*\\b(is|was) the (likely |probable )?(cause|trigger)|${name}( rollout)? (caused|broke|triggered)|roll(ing)? ?back ${name}|undo ${name}`, 'i');

/** The short name of an EKS node (`ip-10-0-1-23`), which any answer naming the node contains. */
const short = (n: string): string => n.split('.')[0] ?? n;

/** nginx's error-log time: `2026/11/21 03:12:41`. */
const ngxTime = (m: number): string => at(m).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

/** One Spring Boot 3 console line. */
const spring = (m: number, level: string, app: string, thread: string, logger: string, msg: string): string =>
  `${at(m)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;

/** Sets fields of the pod spec everywhere it appears: the Deployment's and ReplicaSets' templates and the pods. */
function patchPodSpecs(objects: readonly KubeJson[], patch: Partial<k8s.V1PodSpec>): void {
  for (const o of objects) {
    const spec = o.kind === 'Pod' ? (o as k8s.V1Pod).spec : o.kind === 'Deployment' || o.kind === 'ReplicaSet' ? (o as k8s.V1Deployment).spec?.template.spec : undefined;
    if (spec !== undefined) Object.assign(spec, patch);
  }
}

// ---- 1. a new nginx sidecar binds 8080 first; the app still binds 8080 -----------------------------

function sidecarPortClash(): CorpusScenario {
  const ns = 'content';
  const { nodes, names } = threeNodes('10.0.211');
  const newImage = `${ECR}/content/article-render:4.12.0`;
  const nginxImage = 'public.ecr.aws/nginx/nginx:1.27.2-alpine';
  const nginx = container({ name: 'nginx', image: nginxImage, ports: [{ name: 'http', containerPort: 8080 }], cpu: '50m', memory: '64Mi', readiness: httpProbe('/nginx-health', 8080), liveness: null, volumeMounts: [{ name: 'nginx-conf', mountPath: '/etc/nginx/conf.d', readOnly: true }] });
  const app = deploymentApp({
    namespace: ns,
    name: 'article-render',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 32, createdAgo: 9 * DAYS, changeCause: 'argocd: article-render 4.11.2', template: { containers: [container({ image: `${ECR}/content/article-render:4.11.2`, ports: [8080] })] } },
      {
        revision: 33, createdAgo: 26, changeCause: 'argocd: article-render 4.12.0 + nginx sidecar (gzip, static assets)',
        template: {
          containers: [
            container({ image: newImage, ports: [{ name: 'app', containerPort: 3000 }], env: [{ name: 'HTTP_PORT', value: '3000' }, { name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10 }) }),
            nginx,
          ],
          volumes: [{ name: 'nginx-conf', configMap: { name: 'article-render-nginx' } }],
        },
      },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 32, node: names[k] ?? '', createdAgo: 9 * DAYS })),
      { revision: 33, node: names[1] ?? '', createdAgo: 25, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.2, ranSeconds: 2 }, 10) } },
    ],
  });
  const p = podOf(app, 3);
  const prev = lines(
    '',
    '> article-render@4.12.0 start',
    '> node dist/server.js',
    '',
    `{"level":30,"time":${epochMs(1.23)},"pid":1,"hostname":"${nameOf(p)}","msg":"article-render 4.12.0 starting","port":8080,"env":"production"}`,
    'node:events:497',
    "      throw er; // Unhandled 'error' event",
    '      ^',
    '',
    'Error: listen EADDRINUSE: address already in use 0.0.0.0:8080',
    '    at Server.setupListenHandle [as _listen2] (node:net:1904:16)',
    '    at listenInCluster (node:net:1952:12)',
    '    at node:net:2158:7',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:90:21)',
    "Emitted 'error' event on Server instance at:",
    '    at emitErrorNT (node:net:1931:8)',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:90:21) {',
    "  code: 'EADDRINUSE',",
    '  errno: -98,',
    "  syscall: 'listen',",
    "  address: '0.0.0.0',",
    '  port: 8080',
    '}',
    '',
    'Node.js v20.18.0',
  );
  const nginxLog = lines(
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${ngxTime(24.9)} [notice] 1#1: nginx/1.27.2`,
    `${ngxTime(24.9)} [notice] 1#1: start worker processes`,
    `10.0.211.1 - - [${clfTime(0.3)}] "GET /nginx-health HTTP/1.1" 200 2 "-" "kube-probe/1.31"`,
  );
  return {
    id: 'heldout9-sidecar-port-clash-address-in-use',
    class: 'containers',
    truth: 'Revision 33 (article-render 4.12.0, 26 minutes ago) added an nginx sidecar that listens on 8080 and proxies to the app on 127.0.0.1:3000. The app was meant to move to 3000, but the revision set HTTP_PORT=3000 while the app reads PORT, so it still binds its default 8080, which nginx (sharing the pod\'s network namespace) already holds: the Node process dies at start with "listen EADDRINUSE: address already in use 0.0.0.0:8080" (exit 1) and crash-loops, 10 restarts. maxUnavailable 0 keeps the three revision-32 pods serving; the rollout is stuck. Fix: set PORT=3000 (or roll back to revision 32).',
    ask: { service: 'article-render' },
    objects: [
      ...nodes, ...app.objects,
      configMap({ namespace: ns, name: 'article-render-nginx', createdAgo: 26, data: { 'default.conf': 'server {\n  listen 8080;\n  gzip on;\n  location /nginx-health { return 200 "ok"; }\n  location /static/ { root /usr/share/nginx/html; }\n  location / { proxy_pass http://127.0.0.1:3000; }\n}\n' } }),
      ...exposed({ namespace: ns, name: 'article-render', selector: { app: 'article-render' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 33), 1, 0, 26),
      scheduled(p, 25),
      ...restartedAgain(p, 'nginx', nginxImage, { count: 1, firstAgo: 24.9, lastAgo: 24.9 }),
      ...restartedAgain(p, 'app', newImage, { count: 11, firstAgo: 24.9, lastAgo: 1.25 }),
      backOff(p, 'app', { count: 112, firstAgo: 24 }),
    ],
    logs: [
      logsFor(p, 'app', { previous: prev, current: lines('', '> article-render@4.12.0 start', '> node dist/server.js') }),
      logsFor(p, 'nginx', { current: nginxLog }),
      ...app.pods.slice(0, 3).map((q) => logsFor(q, 'app', { current: lines(`{"level":30,"time":${epochMs(2)},"pid":1,"hostname":"${nameOf(q)}","msg":"GET /articles/2026/11/solar-storm 200","responseTime":38}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/EADDRINUSE|address already in use|port (conflict|clash)/i, /8080/],
      facts: [/nginx/, /revision 33/i],
      never: [/\bOOM|out of memory/i, /exec format|image pull/i],
    },
  };
}

// ---- 2. a liveness probe on the aggregate health, which includes a deleted reporting database -----

function livenessChecksReportingDb(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeNodes('10.0.222');
  const image = `${ECR}/orders/orders-api:8.3.0`;
  const ends = [0.8, 1.4, 2.0];
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [{
      revision: 71, createdAgo: 12 * DAYS, changeCause: 'argocd: orders-api 8.3.0',
      template: { containers: [container({
        image, ports: [8080], cpu: '1', memory: '1536Mi',
        env: [
          { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://orders.cluster-c7xk2pq1.eu-west-1.rds.amazonaws.com:5432/orders' },
          { name: 'REPORTING_DATASOURCE_URL', value: 'jdbc:postgresql://orders-reporting.c7xk2pq1.eu-west-1.rds.amazonaws.com:5432/orders' },
          { name: 'REPORTING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT', value: '2000' },
        ],
        readiness: httpProbe('/actuator/health/readiness', 8080, { initialDelaySeconds: 30 }),
        liveness: httpProbe('/actuator/health', 8080, { initialDelaySeconds: 60, timeoutSeconds: 3 }),
      })] },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 71, node: names[k] ?? '', createdAgo: 12 * DAYS, containers: { app: crashLoop({ exitCode: 143, finishedAgo: ends[k] ?? 1, ranSeconds: 96 }, k === 2 ? 7 : 8) } })),
    settled: { available: false, availableSince: 21, progressingSince: 12 * DAYS },
  });
  const web = bystander(ns, 'orders-web', names, 30);
  const s = (m: number, level: string, thread: string, logger: string, msg: string) => spring(m, level, 'orders-api', thread, logger, msg);
  const healthFailed = (m: number, thread: string) => [
    s(m, 'WARN', thread, 'o.s.b.a.jdbc.DataSourceHealthIndicator', 'DataSource health check failed'),
    'org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection',
    '\tat org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:84)',
    '\tat org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator.doDataSourceHealthCheck(DataSourceHealthIndicator.java:107)',
    'Caused by: java.sql.SQLTransientConnectionException: reporting - Connection is not available, request timed out after 2001ms (total=0, active=0, idle=0, waiting=0)',
    'Caused by: org.postgresql.util.PSQLException: The connection attempt failed.',
    'Caused by: java.net.UnknownHostException: orders-reporting.c7xk2pq1.eu-west-1.rds.amazonaws.com',
  ];
  const prev = (end: number) => lines(
    s(end + 1.6, 'INFO', 'main', 'c.e.orders.OrdersApiApplication', 'Starting OrdersApiApplication v8.3.0 using Java 21.0.5 with PID 1'),
    s(end + 1.2, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'orders - Start completed.'),
    s(end + 1.0, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
    s(end + 0.99, 'INFO', 'main', 'c.e.orders.OrdersApiApplication', 'Started OrdersApiApplication in 36.412 seconds (process running for 38.1)'),
    s(end + 0.8, 'INFO', 'nio-8080-exec-4', 'c.e.orders.web.OrderController', 'POST /v1/orders 201 order=ord_9KX2 41ms'),
    ...healthFailed(end + 0.5, 'nio-8080-exec-1'),
    ...healthFailed(end + 0.33, 'nio-8080-exec-6'),
    ...healthFailed(end + 0.17, 'nio-8080-exec-2'),
    s(end + 0.02, 'INFO', 'ionShutdownHook', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Commencing graceful shutdown. Waiting for active requests to complete'),
    s(end, 'INFO', 'tomcat-shutdown', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Graceful shutdown complete'),
  );
  return {
    id: 'heldout9-liveness-checks-deleted-reporting-db',
    class: 'probes',
    truth: 'The data team deleted the RDS read replica orders-reporting 22 minutes ago (reports moved to Redshift). orders-api still configures it as a second DataSource, and its liveness probe calls /actuator/health, the aggregate Spring health that includes every DataSource indicator: the reporting check fails (UnknownHostException after the 2 s pool timeout), /actuator/health answers 503 and the kubelet kills every pod about 90 s after each start (exit 143, graceful shutdown). All three pods crash-loop at once though the orders database and orders-api itself are fine; nothing in orders-api changed and the orders-web rollout 30 minutes ago is unrelated. Fix: point the liveness probe at /actuator/health/liveness (and drop the reporting DataSource or exclude it from health).',
    ask: { service: 'orders-api' },
    objects: [
      ...nodes, ...app.objects, ...web.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'orders-web', selector: { app: 'orders-web' }, pods: web.pods }),
      scaledReplicaSet(web.objects[0] ?? {}, rsOf(web, 91), 2, 0, 30),
      ...app.pods.flatMap((p, k) => [
        probeFailed(p, 'app', 'Liveness', 'HTTP probe failed with statuscode: 503', { count: 24 - k, firstAgo: 21 - k * 0.3 }),
        probeKilling(p, 'app', 'liveness', { count: k === 2 ? 7 : 8, firstAgo: 20.6 - k * 0.3, lastAgo: (ends[k] ?? 1) + 0.05 }),
        ...restartedAgain(p, 'app', image, { count: k === 2 ? 7 : 8, firstAgo: 20.4 - k * 0.3, lastAgo: (ends[k] ?? 1) + 1.6 }),
        backOff(p, 'app', { count: 44, firstAgo: 19 }),
      ]),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { previous: prev(ends[k] ?? 1), current: lines(s(0.2, 'INFO', 'main', 'c.e.orders.OrdersApiApplication', 'Starting OrdersApiApplication v8.3.0 using Java 21.0.5 with PID 1')) })),
    expect: {
      verdict: 'problems',
      headline: [/liveness/i, /reporting|UnknownHost|database|DataSource|\bdb\b/i],
      facts: [/503/, /\/actuator\/health/],
      never: [/\bOOM|out of memory/i, ADVISES_ROLLBACK, blames('orders-web')],
    },
  };
}

// ---- 3. a Node.js event loop blocked by a regex on new catalog input -----------------------------

function eventLoopBlockedByRegex(): CorpusScenario {
  const ns = 'discovery';
  const { nodes, names } = threeNodes('10.0.233');
  const image = `${ECR}/discovery/suggest-api:6.2.1`;
  const app = deploymentApp({
    namespace: ns,
    name: 'suggest-api',
    replicas: 4,
    revisions: [{ revision: 58, createdAgo: 6 * DAYS, changeCause: 'argocd: suggest-api 6.2.1', template: { containers: [container({ image, ports: [3000], readiness: httpProbe('/ready', 3000), liveness: tcpProbe(3000, { initialDelaySeconds: 10 }) })] } }],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 58, node: names[k % 3] ?? '', createdAgo: 6 * DAYS, containers: { app: running({ sinceAgo: 6 * DAYS, ready: false }) } })),
    settled: { available: false, availableSince: 16, progressingSince: 6 * DAYS },
  });
  const web = bystander(ns, 'suggest-web', names, 12);
  const log = (p: k8s.V1Pod) => {
    const h = `"pid":1,"hostname":"${nameOf(p)}"`;
    return lines(
      `{"level":30,"time":${epochMs(19)},${h},"reqId":"req-4f1","req":{"method":"GET","url":"/v1/suggest?q=running+sho"},"res":{"statusCode":200},"responseTime":6.2,"msg":"request completed"}`,
      `{"level":30,"time":${epochMs(18.1)},${h},"msg":"catalog delta applied","source":"marketplace-feed","products":18204}`,
      `{"level":40,"time":${epochMs(17.4)},${h},"msg":"event loop blocked","blockedMs":11873,"stack":"Error\\n    at RegExp.exec (<anonymous>)\\n    at highlight (/app/dist/lib/highlight.js:27:31)\\n    at /app/dist/routes/suggest.js:64:22\\n    at Array.map (<anonymous>)"}`,
      `{"level":40,"time":${epochMs(9)},${h},"msg":"event loop lag high","lagMs":9412,"sku":"MP-55120-ZX","titleLength":3844}`,
      `{"level":50,"time":${epochMs(1)},${h},"reqId":"req-9zq","req":{"method":"GET","url":"/v1/suggest?q=phone+case"},"res":{"statusCode":503},"responseTime":12044.8,"msg":"request timed out"}`,
    );
  };
  return {
    id: 'heldout9-event-loop-blocked-by-regex-readiness',
    class: 'probes',
    truth: 'A marketplace seller feed applied to the suggest catalog 18 minutes ago brought product titles of several thousand characters of repeated symbols. suggest-api highlights matches with a regular expression that backtracks catastrophically on such titles, so RegExp.exec blocks the Node.js event loop for about 10 s at a time on every pod (the "event loop blocked" warnings point at highlight.js:27). While blocked, nothing answers: the 1 s readiness probes time out and all four pods are unready, so the Service has no endpoint. The TCP liveness probe is answered by the kernel, so nothing restarts. suggest-api did not change (revision 58, 6 days); the suggest-web rollout 12 minutes ago is unrelated. Fix: quarantine the feed\'s products and replace the regex (or bound the input length), then the pods recover without a restart.',
    ask: { service: 'suggest-api' },
    objects: [
      ...nodes, ...app.objects, ...web.objects,
      ...exposed({ namespace: ns, name: 'suggest-api', selector: { app: 'suggest-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'suggest-web', selector: { app: 'suggest-web' }, pods: web.pods }),
      scaledReplicaSet(web.objects[0] ?? {}, rsOf(web, 91), 2, 0, 12),
      ...app.pods.map((p) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:3000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 98, firstAgo: 17.2 })),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: log(p) })),
    expect: {
      verdict: 'problems',
      headline: [/event.?loop|RegExp|regex|backtrack/i],
      facts: [/regex|RegExp|backtrack|highlight/i, /readiness/i],
      never: [ADVISES_ROLLBACK, blames('suggest-web'), /\bOOM|out of memory/i],
    },
  };
}

// ---- 4. a node whose NFS client hung: pods stuck Terminating and ContainerCreating there -----------

function nfsHungNodeStuckPods(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeNodes('10.0.244');
  const hung = nodeName('10.0.245.97');
  const tpl = (v: string) => ({
    containers: [container({ image: `${ECR}/media/media-transcoder:${v}`, ports: [8080], cpu: '2', memory: '4Gi', volumeMounts: [{ name: 'scratch', mountPath: '/scratch' }] })],
    volumes: [{ name: 'scratch', persistentVolumeClaim: { claimName: 'scratch' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'media-transcoder',
    replicas: 4,
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: media-transcoder 5.4.0', template: tpl('5.4.0') },
      { revision: 19, createdAgo: 40, changeCause: 'argocd: media-transcoder 5.4.1', template: tpl('5.4.1') },
    ],
    pods: [
      { revision: 18, node: hung, createdAgo: 9 * DAYS, deletingAgo: 36, containers: { app: running({ sinceAgo: 9 * DAYS, ready: false }) } },
      ...[0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 39 - 2 * k })),
      { revision: 19, node: hung, createdAgo: 36, phase: 'Pending' as const, containers: { app: waiting('ContainerCreating') } },
    ],
  });
  const vol = pv({ name: 'media-scratch', storage: '2Ti', claim: { namespace: ns, name: 'scratch' }, storageClass: 'nfs-static', accessModes: ['ReadWriteMany'], reclaimPolicy: 'Retain', static: true, createdAgo: 200 * DAYS });
  if (vol.spec !== undefined) {
    delete vol.spec.csi;
    vol.spec.nfs = { server: 'nas01.media.internal', path: '/exports/scratch' };
  }
  const claim = pvc({ namespace: ns, name: 'scratch', storage: '2Ti', storageClass: 'nfs-static', phase: 'Bound', volumeName: 'media-scratch', accessModes: ['ReadWriteMany'], createdAgo: 200 * DAYS });
  delete claim.metadata?.annotations?.['volume.kubernetes.io/storage-provisioner'];
  const old = podOf(app, 0);
  const stuck = podOf(app, 4);
  const image = `${ECR}/media/media-transcoder:5.4.1`;
  return {
    id: 'heldout9-nfs-hung-node-pods-stuck',
    class: 'nodes',
    truth: `The NFS client of node ${hung} hung on nas01.media.internal:/exports/scratch after the NAS failed over 38 minutes ago (the other nodes recovered; that one kept a dead session). Every process touching /scratch there sits in uninterruptible sleep (the kernel reports "task python3 blocked for more than 120 seconds"). The routine media-transcoder 5.4.1 rollout (revision 19, 40 minutes ago) exposed it: the old pod on ${hung} cannot be killed (FailedKillPod, Terminating for 36 minutes) and the new pod placed there never mounts the volume (FailedMount, ContainerCreating). The three revision-19 pods on other nodes work and write to the same share. Revision 19 is not at fault. Fix: cordon and drain ${hung} (force-delete the stuck pod) and replace the node.`,
    ask: { service: 'media-transcoder' },
    objects: [
      ...nodes, node({ name: hung, zone: 'eu-west-1a' }), ...app.objects, vol, claim,
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 19), 1, 0, 40),
      nodeEvent(hung, 'TaskHung', 'INFO: task python3:48213 blocked for more than 120 seconds.', { type: 'Warning', count: 19, firstAgo: 36, lastAgo: 1, component: 'kernel-monitor' }),
      event({ on: old, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 36, lastAgo: 36, fieldPath: 'spec.containers{app}' }),
      event({ on: old, reason: 'FailedKillPod', message: `error killing pod: [failed to "KillContainer" for "app" with KillContainerError: "rpc error: code = DeadlineExceeded desc = context deadline exceeded", failed to "KillPodSandbox" for "${old.metadata?.uid ?? ''}" with KillPodSandboxError: "rpc error: code = DeadlineExceeded desc = context deadline exceeded"]`, count: 16, firstAgo: 34, lastAgo: 0.8 }),
      scheduled(stuck, 36),
      event({ on: stuck, reason: 'FailedMount', message: `MountVolume.SetUp failed for volume "media-scratch" : mount failed: exit status 32\nMounting command: mount\nMounting arguments: -t nfs nas01.media.internal:/exports/scratch /var/lib/kubelet/pods/${stuck.metadata?.uid ?? ''}/volumes/kubernetes.io~nfs/media-scratch\nOutput: mount.nfs: Connection timed out`, count: 14, firstAgo: 33.5, lastAgo: 1.7 }),
      event({ on: stuck, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[scratch], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition', count: 15, firstAgo: 34, lastAgo: 0.9 }),
      ...app.pods.slice(1, 4).flatMap((p, k) => startedAt(p, 'app', image, 39 - 2 * k)),
    ],
    logs: [
      logsFor(old, 'app', { current: lines(`${pyTime(39.5)} INFO worker job=tr-88120 wrote /scratch/tr-88120/seg-040.ts (6.1 MB)`, `${pyTime(38.6)} INFO worker job=tr-88120 wrote /scratch/tr-88120/seg-041.ts (6.0 MB)`) }),
      ...app.pods.slice(1, 4).map((p, k) => logsFor(p, 'app', { current: lines(`${pyTime(3 + k)} INFO worker job=tr-8821${k} wrote /scratch/tr-8821${k}/seg-007.ts (5.8 MB)`, `${pyTime(1)} INFO worker job=tr-8821${k} done segments=12 ms=41220`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [new RegExp(short(hung)), /NFS|mount|hung|blocked|nas01|D.state|scratch/i],
      facts: [/TaskHung|blocked for more than 120/, /Terminating|FailedKillPod|KillContainer/],
      never: [BLAMES_ROLLOUT, /\bOOM|out of memory/i, /image ?pull/i],
    },
  };
}

// ---- 5. dnsPolicy None with a hard-coded resolver that was retired ---------------------------------

function dnsPolicyNoneRetiredResolver(): CorpusScenario {
  const ns = 'integrations';
  const { nodes, names } = threeNodes('10.0.255');
  const image = `${ECR}/integrations/partner-sync:2.7.4`;
  const app = deploymentApp({
    namespace: ns,
    name: 'partner-sync',
    replicas: 3,
    revisions: [{ revision: 27, createdAgo: 12 * DAYS, changeCause: 'argocd: partner-sync 2.7.4', template: { containers: [container({ image, ports: [8080], env: [{ name: 'REDIS_ADDR', value: 'partner-redis.integrations.svc.cluster.local:6379' }, { name: 'SFTP_HOST', value: 'sftp.acme.corp.example.com' }] })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 12 * DAYS, containers: { app: running({ sinceAgo: 12 * DAYS, ready: false }) } })),
    settled: { available: false, availableSince: 42, progressingSince: 12 * DAYS },
  });
  patchPodSpecs(app.objects, { dnsPolicy: 'None', dnsConfig: { nameservers: ['10.8.0.53'], searches: ['integrations.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'corp.example.com'], options: [{ name: 'ndots', value: '5' }] } });
  const redis = statefulSetApp({ namespace: ns, name: 'partner-redis', replicas: 1, revisions: [{ revision: 3, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'redis', image: 'public.ecr.aws/docker/library/redis:7.2.5', ports: [6379], readiness: tcpProbe(6379), liveness: tcpProbe(6379) })] } }], pods: [{ revision: 3, ordinal: 0, node: names[2] ?? '', createdAgo: 20 * DAYS }] });
  const hooks = bystander(ns, 'webhook-receiver', names, 25);
  const dns = coreDns([{ node: names[0] ?? '' }, { node: names[1] ?? '' }]);
  const timeout = (p: k8s.V1Pod, host: string, port: number) => `dial tcp: lookup ${host} on 10.8.0.53:53: read udp ${ipOfPod(p)}:${port}->10.8.0.53:53: i/o timeout`;
  const log = (p: k8s.V1Pod) => lines(
    `time=${at(50)} level=INFO msg="sftp poll ok" partner=acme files=3`,
    `time=${at(44.5)} level=ERROR msg="sftp poll failed" partner=acme err="${timeout(p, 'sftp.acme.corp.example.com', 41234)}"`,
    `time=${at(43.2)} level=ERROR msg="redis ping failed" err="${timeout(p, 'partner-redis.integrations.svc.cluster.local', 52871)}"`,
    `time=${at(43.1)} level=WARN msg="readiness failing" failed=redis,sftp`,
    `time=${at(1)} level=ERROR msg="redis ping failed" err="${timeout(p, 'partner-redis.integrations.svc.cluster.local', 38802)}"`,
  );
  return {
    id: 'heldout9-dnspolicy-none-retired-resolver',
    class: 'network',
    truth: 'partner-sync runs with dnsPolicy None and a hard-coded nameserver, 10.8.0.53: the on-premises resolver it was pointed at long ago to resolve corp.example.com names. The network team retired that resolver 45 minutes ago (corp names now go through Route 53 Resolver endpoints, which CoreDNS forwards to). Every lookup of partner-sync, in-cluster names included, now times out ("lookup … on 10.8.0.53:53: … i/o timeout"): it loses Redis and the partner SFTP and all three pods are unready. CoreDNS is healthy and pods with the default ClusterFirst policy (partner-redis, webhook-receiver) resolve fine; nothing in partner-sync changed and the webhook-receiver rollout 25 minutes ago is unrelated. Fix: drop the dnsConfig override (dnsPolicy ClusterFirst) so lookups go through CoreDNS.',
    ask: { service: 'partner-sync' },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, ...hooks.objects, ...dns.objects,
      ...exposed({ namespace: ns, name: 'partner-sync', selector: { app: 'partner-sync' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'partner-redis', selector: { app: 'partner-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'webhook-receiver', selector: { app: 'webhook-receiver' }, pods: hooks.pods }),
      scaledReplicaSet(hooks.objects[0] ?? {}, rsOf(hooks, 91), 2, 0, 25),
      ...app.pods.map((p) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 252, firstAgo: 43 })),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { current: log(p) })),
      ...hooks.pods.map((p) => logsFor(p, 'app', { current: lines(`time=${at(2)} level=INFO msg="webhook accepted" partner=acme id=wh_8812 redis=ok`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/10\.8\.0\.53|dnsPolicy|dnsConfig|nameserver/i],
      facts: [/10\.8\.0\.53/, /i\/o timeout/],
      never: [/CoreDNS (is )?(down|crash\w*|unhealthy|failing|overloaded)/i, /network ?polic(y|ies)[^\n]*(block|den(y|ies)|drop)/i, BLAMES_ROLLOUT, blames('webhook-receiver')],
    },
  };
}

// ---- 6. a worker rejecting the rotated internal CA: x509 unknown authority ---------------------------

function internalCaRotatedUnknownAuthority(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeNodes('10.0.66');
  const tpl = (v: string) => ({
    containers: [container({
      image: `${ECR}/finance/settlement-worker:${v}`, ports: [{ name: 'metrics', containerPort: 9090 }], readiness: null, liveness: null,
      env: [{ name: 'LEDGER_URL', value: 'https://ledger.finance.svc.cluster.local:8443' }, { name: 'SSL_CERT_FILE', value: '/etc/ssl/internal/ca.crt' }],
      volumeMounts: [{ name: 'internal-ca', mountPath: '/etc/ssl/internal', readOnly: true }],
    })],
    volumes: [{ name: 'internal-ca', configMap: { name: 'internal-ca-bundle' } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'settlement-worker',
    replicas: 3,
    revisions: [
      { revision: 21, createdAgo: 14 * DAYS, changeCause: 'argocd: settlement-worker 3.8.0', template: tpl('3.8.0') },
      { revision: 22, createdAgo: 45, changeCause: 'argocd: settlement-worker 3.8.1', template: tpl('3.8.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 22, node: names[k] ?? '', createdAgo: 45 - k, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1 + k, ranSeconds: 2 }, 11 - (k === 2 ? 1 : 0)) } })),
    settled: { available: false, availableSince: 39, progressingSince: 43 },
  });
  const ledger = deploymentApp({
    namespace: ns,
    name: 'ledger',
    replicas: 2,
    revisions: [{ revision: 40, createdAgo: 20 * DAYS, template: { containers: [container({ image: `${ECR}/finance/ledger:12.1.0`, ports: [8443], readiness: tcpProbe(8443), liveness: tcpProbe(8443), volumeMounts: [{ name: 'tls', mountPath: '/etc/tls', readOnly: true }] })], volumes: [{ name: 'tls', secret: { secretName: 'ledger-tls' } }] } }],
    pods: [0, 1].map((k) => ({ revision: 40, node: names[k] ?? '', createdAgo: 20 * DAYS })),
  });
  const newImage = `${ECR}/finance/settlement-worker:3.8.1`;
  const fatal = '"Get \\"https://ledger.finance.svc.cluster.local:8443/healthz\\": tls: failed to verify certificate: x509: certificate signed by unknown authority (possibly because of \\"crypto/rsa: verification error\\" while trying to verify candidate authority certificate \\"internal-ca\\")"';
  const prev = (end: number) => lines(
    `{"level":"info","ts":"${at(end + 0.03)}","caller":"worker/main.go:61","msg":"settlement-worker 3.8.1 starting","ledger":"https://ledger.finance.svc.cluster.local:8443"}`,
    `{"level":"fatal","ts":"${at(end)}","caller":"worker/main.go:88","msg":"ledger preflight failed","error":${fatal}}`,
  );
  return {
    id: 'heldout9-internal-ca-rotated-x509-unknown-authority',
    class: 'network',
    truth: 'cert-manager renewed the internal root CA "internal-ca" 3 hours ago with a new private key (same name), and 41 minutes ago it re-issued ledger\'s serving certificate from it; ledger reloaded it and is healthy. settlement-worker trusts only the ConfigMap internal-ca-bundle (SSL_CERT_FILE), which still holds the old root and was never updated, so every new TLS connection to ledger fails with "x509: certificate signed by unknown authority (… verification error while trying to verify candidate authority certificate internal-ca)". The worker exits 1 on its ledger preflight and all three pods crash-loop. The settlement-worker 3.8.1 rollout (revision 22, 45 minutes ago) is not the cause: its pods worked until the certificate changed, and revision 21 trusts the same bundle. Fix: add the new root to internal-ca-bundle (or distribute it with trust-manager) and restart the worker.',
    ask: { service: 'settlement-worker' },
    objects: [
      ...nodes, ...app.objects, ...ledger.objects,
      configMap({ namespace: ns, name: 'internal-ca-bundle', createdAgo: 300 * DAYS, data: { 'ca.crt': '# internal-ca, issued 2025-11-24\n-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIQRz3kX0vG8pQ2m1cTqk8QzTAKBggqhkjOPQQDAjAWMRQwEgYDVQQDEwtpbnRlcm5hbC1jYTAeFw0yNTExMjQwMjMzMDBaFw0yNjExMjQwMjMzMDBa\n-----END CERTIFICATE-----\n' } }),
      ...exposed({ namespace: ns, name: 'ledger', selector: { app: 'ledger' }, pods: ledger.pods, ports: [{ name: 'https', port: 8443, targetPort: 8443 }], endpointPort: 8443 }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 22), 3, 0, 45),
      event({ on: { kind: 'Certificate', name: 'internal-ca', namespace: 'cert-manager' }, type: 'Normal', reason: 'Issuing', message: 'The certificate has been successfully issued', firstAgo: 3 * HOURS, lastAgo: 3 * HOURS, component: 'cert-manager-certificates-issuing' }),
      event({ on: { kind: 'Certificate', name: 'ledger-tls', namespace: ns }, type: 'Normal', reason: 'Issuing', message: 'The certificate has been successfully issued', firstAgo: 41, lastAgo: 41, component: 'cert-manager-certificates-issuing' }),
      ...app.pods.flatMap((p, k) => [
        ...restartedAgain(p, 'app', newImage, { count: 12 - (k === 2 ? 1 : 0), firstAgo: 44.9 - k, lastAgo: 1.04 + k }),
        backOff(p, 'app', { count: 170, firstAgo: 39.5 }),
      ]),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { previous: prev(1 + k), current: lines(`{"level":"info","ts":"${at(0.2)}","caller":"worker/main.go:61","msg":"settlement-worker 3.8.1 starting"}`) })),
      ...ledger.pods.map((p) => logsFor(p, 'app', { current: lines(
        `{"level":"info","ts":"${at(41)}","msg":"TLS certificate reloaded","subject":"CN=ledger.finance.svc","issuer":"CN=internal-ca","not_after":"2027-02-19T02:33:00Z"}`,
        `{"level":"info","ts":"${at(40.5)}","msg":"http: TLS handshake error from ${ipOfPod(app.pods[0])}:51822: remote error: tls: bad certificate"}`,
        `{"level":"info","ts":"${at(2)}","msg":"POST /v1/entries 201","client":"billing-api","ms":18}`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/x509|unknown authority|certificate|\bCA\b/i, /ledger|internal-ca/i],
      facts: [/internal-ca-bundle|SSL_CERT_FILE|ca\.crt/],
      never: [/certificate (has |is )?expired|expired certificate/i, ADVISES_ROLLBACK, /\bOOM/],
    },
  };
}

// ---- 7. a CPU limit cut to 500m: throttling, GC pauses, readiness flaps ---------------------------

function cpuLimitCutThrottling(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeNodes('10.0.77');
  const tpl = (v: string, cpu: string, cpuLimit: string) => ({ containers: [container({ image: `${ECR}/pricing/pricing-api:${v}`, ports: [8080], cpu, cpuLimit, memory: '1Gi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 120, timeoutSeconds: 5 }) })] });
  const unready = new Set([0, 2]);
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-api',
    replicas: 4,
    revisions: [
      { revision: 27, createdAgo: 20 * DAYS, changeCause: 'argocd: pricing-api 5.0.3', template: tpl('5.0.3', '1', '2') },
      { revision: 28, createdAgo: 3 * HOURS, changeCause: 'kubecost rightsizing: cpu request 1 -> 300m, limit 2 -> 500m', template: tpl('5.0.3', '300m', '500m') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 28, node: names[k % 3] ?? '', createdAgo: 3 * HOURS - k, containers: { app: running({ sinceAgo: 3 * HOURS - k, ready: !unready.has(k) }) } })),
    settled: { available: false, availableSince: 6, progressingSince: 3 * HOURS - 5 },
  });
  const rules = bystander(ns, 'pricing-rules', names, 18);
  const s = (m: number, level: string, thread: string, logger: string, msg: string) => spring(m, level, 'pricing-api', thread, logger, msg);
  const log = (k: number) => lines(
    `[${at(3 * HOURS - k - 0.01)}][info][gc] Using Serial`,
    s(3 * HOURS - k - 1.7, 'INFO', 'main', 'c.e.pricing.PricingApiApplication', 'Started PricingApiApplication in 97.402 seconds (process running for 101.9)'),
    `[${at(26)}][info][gc] GC(4411) Pause Young (Allocation Failure) 498M->211M(1012M) 1874.332ms`,
    s(25.5, 'WARN', 'l-1 housekeeper', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=58s412ms).'),
    s(12, 'ERROR', 'nio-8080-exec-41', 'c.e.pricing.web.QuoteController', 'quote failed sku=88-2231-BLK: java.util.concurrent.TimeoutException: quote computation exceeded 2000ms'),
    `[${at(4)}][info][gc] GC(4978) Pause Full (Allocation Failure) 1003M->402M(1012M) 4121.907ms`,
    s(1, 'WARN', 'l-1 housekeeper', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m4s87ms).'),
  );
  return {
    id: 'heldout9-cpu-limit-cut-throttling-readiness',
    class: 'rollout',
    truth: 'Revision 28 (3 hours ago, a Kubecost rightsizing at night\'s low traffic) cut pricing-api\'s CPU request from 1 to 300m and its limit from 2 to 500m. With half a CPU the JVM sees one processor and picks the Serial collector; when the Asia midday peak arrived 25 minutes ago the pods were throttled by the CFS quota: GC pauses of 2-4 s, Hikari "Thread starvation or clock leap detected", quotes timing out, and the 1 s readiness probes failing, so pods flap in and out of the Service (two of four unready now). Nothing crashes and memory is fine; the database is healthy; the pricing-rules rollout 18 minutes ago is unrelated. Fix: restore the CPU limit (or remove it) and request to revision 27\'s values.',
    ask: { service: 'pricing-api' },
    objects: [
      ...nodes, ...app.objects, ...rules.objects,
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: app.pods }),
      scaledReplicaSet(rules.objects[0] ?? {}, rsOf(rules, 91), 2, 0, 18),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 40 + 11 * k, firstAgo: 24.5, lastAgo: unready.has(k) ? 0.3 : 2.5 })),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/\bCPU\b/i, /500m|revision 28|throttl/i],
      facts: [/revision 28/i, /500m/],
      never: [/\bOOM|out of memory/i, /crash-?loop/i, /database (is )?(down|slow|unreachable)/i, blames('pricing-rules')],
    },
  };
}

// ---- 8. a 15 GB image whose pull outlasts the progress deadline ------------------------------------

function hugeImagePullProgressDeadline(): CorpusScenario {
  const ns = 'ranking';
  const { nodes, names } = threeNodes('10.0.88');
  const karp = nodeName('10.0.89.214');
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/ranking/ml-ranker:${v}`, ports: [8080], cpu: '2', memory: '8Gi', readiness: httpProbe('/ready', 8080, { initialDelaySeconds: 30 }) })] });
  const newRs = `ml-ranker-${templateHash(`${ns}/ml-ranker/12`)}`;
  const app = deploymentApp({
    namespace: ns,
    name: 'ml-ranker',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 11, createdAgo: 15 * DAYS, changeCause: 'argocd: ml-ranker 2.9.3', template: tpl('2.9.3') },
      { revision: 12, createdAgo: 24, changeCause: 'argocd: ml-ranker 3.0.0 (model weights baked into the image)', template: tpl('3.0.0') },
    ],
    pods: [
      { revision: 11, node: names[0] ?? '', createdAgo: 15 * DAYS },
      { revision: 11, node: names[1] ?? '', createdAgo: 15 * DAYS },
      { revision: 12, node: names[2] ?? '', createdAgo: 24, containers: { app: running({ sinceAgo: 14.2 }) } },
      { revision: 12, node: karp, createdAgo: 12, phase: 'Pending' as const, containers: { app: waiting('ContainerCreating') }, sandbox: true },
    ],
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: ago(15 * DAYS), lastTransitionTime: ago(15 * DAYS) },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRs}" has timed out progressing.`, lastUpdateTime: ago(2), lastTransitionTime: ago(2) },
    ],
  });
  const image = `${ECR}/ranking/ml-ranker:3.0.0`;
  const done = podOf(app, 2);
  const pulling = podOf(app, 3);
  const path = 'spec.containers{app}';
  return {
    id: 'heldout9-huge-image-pull-outlasts-progress-deadline',
    class: 'rollout',
    truth: 'Revision 12 (ml-ranker 3.0.0, 24 minutes ago) bakes the 14 GB model weights into the image, which grew to 15.2 GB. Nothing is broken, it is slow: on a node without its layers the pull takes about ten minutes (9m41s on the first new pod, which then started and is Ready). The second new pod went to a node Karpenter added 12 minutes ago and is still pulling, so the rollout made no progress for 10 minutes and the Deployment reports ProgressDeadlineExceeded (progressDeadlineSeconds 600), which paged. No pull error: registry, tag and credentials are fine, and the two revision-11 pods still serve. Fix: wait for the pull (or raise progressDeadlineSeconds), and ship the model outside the image (a volume or an init download) so rollouts and scale-ups are not ten-minute pulls.',
    ask: { service: 'ml-ranker' },
    objects: [
      ...nodes, node({ name: karp, zone: 'eu-west-1b', instanceType: 'c6i.2xlarge', pool: 'karpenter', labels: { 'karpenter.sh/nodepool': 'default', 'karpenter.sh/capacity-type': 'on-demand' }, createdAgo: 12.5, readySince: 12.2 }),
      ...app.objects,
      ...exposed({ namespace: ns, name: 'ml-ranker', selector: { app: 'ml-ranker' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, newRs, 1, 0, 24),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 11), 2, 3, 12.1),
      scaledReplicaSet(app.objects[0] ?? {}, newRs, 2, 1, 12.1),
      scheduled(done, 24),
      event({ on: done, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: 23.9, lastAgo: 23.9, fieldPath: path }),
      event({ on: done, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image}" in 9m41.204s (9m41.204s including waiting). Image size: 15247892480 bytes.`, firstAgo: 14.3, lastAgo: 14.3, fieldPath: path }),
      event({ on: done, type: 'Normal', reason: 'Created', message: 'Created container app', firstAgo: 14.25, lastAgo: 14.25, fieldPath: path }),
      event({ on: done, type: 'Normal', reason: 'Started', message: 'Started container app', firstAgo: 14.2, lastAgo: 14.2, fieldPath: path }),
      failedScheduling(pulling, '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', { count: 1, firstAgo: 12.1, lastAgo: 12.1 }),
      event({ on: pulling, type: 'Normal', reason: 'Nominated', message: `Pod should schedule on: nodeclaim/default-x8k2p, node/${karp}`, firstAgo: 12.4, lastAgo: 12.4, component: 'karpenter' }),
      scheduled(pulling, 11.9),
      event({ on: pulling, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, firstAgo: 11.6, lastAgo: 11.6, fieldPath: path }),
    ],
    logs: [
      logsFor(done, 'app', { current: lines(`${pyTime(14.1)} INFO ranker 3.0.0 loading model /models/ranker-v3 (13.9 GB)`, `${pyTime(12.3)} INFO model loaded in 108.4s; serving on :8080`, `${pyTime(1)} INFO rank request items=200 ms=31`) }),
      ...app.pods.slice(0, 2).map((p) => logsFor(p, 'app', { current: lines(`${pyTime(1)} INFO rank request items=200 ms=44`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pull/i, /GB|image size|bytes|large|slow|huge|big|9m41/i],
      facts: [/revision 12/i, /ProgressDeadlineExceeded|progress deadline|600 ?s/i],
      never: [/unauthori[sz]ed|manifest unknown|(missing|wrong|expired|invalid) (registry |pull )?(credential|secret)|(hit|hitting|exceeded) (the |a )?(pull )?rate.?limit/i, /\bOOM|out of memory/i, /crash-?loop/i],
    },
  };
}

// ---- 9. an HPA held back by its own scale-up policy during an on-sale -------------------------------

function hpaScaleUpPolicyTooSlow(): CorpusScenario {
  const ns = 'tickets';
  const { nodes, names } = threeNodes('10.0.99');
  const image = `${ECR}/tickets/ticket-api:9.1.2`;
  const ages = [5 * DAYS, 5 * DAYS, 5 * DAYS, 5 * DAYS, 9, 4];
  const unready = new Set([0, 2, 3, 5]);
  const app = deploymentApp({
    namespace: ns,
    name: 'ticket-api',
    replicas: 6,
    revisions: [{ revision: 44, createdAgo: 5 * DAYS, changeCause: 'argocd: ticket-api 9.1.2', template: { containers: [container({ image, ports: [8080], cpu: '500m', memory: '512Mi', readiness: httpProbe('/ready', 8080) })] } }],
    pods: ages.map((a, k) => ({ revision: 44, node: names[k % 3] ?? '', createdAgo: a, containers: { app: running({ sinceAgo: a - 0.2, ready: !unready.has(k) }) } })),
    settled: { available: false, availableSince: 10, progressingSince: 5 * DAYS },
  });
  const scaler = hpa({
    namespace: ns, name: 'ticket-api', target: { kind: 'Deployment', name: 'ticket-api' }, min: 4, max: 40, current: 6, desired: 6, lastScaleAgo: 4,
    cpu: { current: 310, target: 60, averageValue: '1550m' },
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(4) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: ago(30 * DAYS) },
      { type: 'ScalingLimited', status: 'True', reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate', lastTransitionTime: ago(13) },
    ],
  });
  if (scaler.spec !== undefined) {
    scaler.spec.behavior = {
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSeconds: 300 }] },
      scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    };
  }
  const rescale = (size: number, atAgo: number) => event({ on: scaler, type: 'Normal', reason: 'SuccessfulRescale', message: `New size: ${size}; reason: cpu resource utilization (percentage of request) above target`, firstAgo: atAgo, lastAgo: atAgo, component: 'horizontal-pod-autoscaler' });
  const rs = rsOf(app, 44);
  const log = (k: number) => lines(
    `time=${at(14)} level=INFO msg="onsale opened" event=EV-2611 inventory=48000`,
    `time=${at(12)} level=WARN msg="slow request" path=/v1/holds ms=2310 inflight=${388 + k}`,
    `time=${at(2)} level=ERROR msg="hold failed" path=/v1/holds err="context deadline exceeded" ms=5000 inflight=${912 + k}`,
  );
  return {
    id: 'heldout9-hpa-scale-up-policy-too-slow',
    class: 'capacity',
    truth: 'A concert on-sale opened at 03:00 (14 minutes ago) and ticket-api\'s CPU jumped to 310% of its request (target 60%): the HPA wants about 30 replicas but its scaleUp behavior, set three weeks ago to stop flapping, allows 1 pod per 300 s, so it went 4 → 5 → 6 and reports ScalingLimited/ScaleUpLimit ("increasing faster than the maximum scale rate"). The six pods are overloaded, holds time out and four pods fail readiness. The cluster has room (no pending pod), maxReplicas is 40, and nothing in ticket-api changed. Fix: scale the Deployment up by hand now and relax the scale-up policy (for example 100% or 4 pods per 15 s).',
    ask: { service: 'ticket-api' },
    objects: [
      ...nodes, ...app.objects, scaler,
      ...exposed({ namespace: ns, name: 'ticket-api', selector: { app: 'ticket-api' }, pods: app.pods }),
      rescale(5, 9), rescale(6, 4),
      scaledReplicaSet(app.objects[0] ?? {}, rs, 5, 4, 9),
      scaledReplicaSet(app.objects[0] ?? {}, rs, 6, 5, 4),
      ...startedAt(podOf(app, 4), 'app', image, 9), ...startedAt(podOf(app, 5), 'app', image, 4),
      ...app.pods.filter((_, k) => unready.has(k)).map((p) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 41, firstAgo: 12 })),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/HPA|autoscal|scal(e|ing)/i, /ScaleUpLimit|scale.?up (rate|policy|polic|limit|behavio)|1 pod|300 ?s|maximum scale rate/i],
      facts: [/310%|ScaleUpLimit|maximum scale rate/i],
      never: [/TooManyReplicas|(is|are|was) at (its )?maxReplicas|maxReplicas (reached|hit)/i, /Insufficient (cpu|memory)/i, ADVISES_ROLLBACK],
    },
  };
}

// ---- 10. a CronJob with concurrencyPolicy Allow: runs pile up on one lock ---------------------------

function cronJobAllowRunsPileUp(): CorpusScenario {
  const ns = 'ledger';
  const { nodes, names } = threeNodes('10.0.110');
  const image = `${ECR}/ledger/balance-rollup:1.14.0`;
  const activeAges = [39, 34, 29, 24, 19, 14, 9, 4];
  const cron = cronJob({
    namespace: ns,
    name: 'balance-rollup',
    schedule: '*/5 * * * *',
    backoffLimit: 2,
    template: { containers: [batchContainer({ name: 'rollup', image, cpu: '500m', memory: '1Gi' })] },
    lastSuccessfulAgo: 40.8,
    jobs: [
      ...[54, 49, 44].map((a, k) => ({ createdAgo: a, pods: [{ node: names[k] ?? '', phase: 'Succeeded' as const, createdAgo: a, containers: { rollup: terminated({ exitCode: 0, finishedAgo: a - (k === 2 ? 3.2 : 1.3), ranSeconds: k === 2 ? 190 : 76 }) } }], outcome: { complete: true as const, ago: a - (k === 2 ? 3.2 : 1.3) } })),
      ...activeAges.map((a, k) => ({ createdAgo: a, pods: [{ node: names[k % 3] ?? '', createdAgo: a, containers: { rollup: running({ sinceAgo: a - 0.1 }) } }] })),
    ],
  });
  const cj = cron.objects[0] as k8s.V1CronJob;
  if (cj.spec !== undefined) cj.spec.concurrencyPolicy = 'Allow';
  const active = cron.jobs.slice(3);
  const pods = active.map((j) => podOf(j, 0));
  const log = (k: number, a: number) => k === 0
    ? lines(`${pyTime(a - 0.1)} INFO rollup start window=02:30 rows=4212880`, `${pyTime(30)} INFO rollup progress 1830000/4212880`, `${pyTime(2)} WARNING lock wait on daily_balances 412s (blocked by pid 48377)`)
    : lines(`${pyTime(a - 0.1)} INFO rollup start rows=${4212880 + 1800 * k}`, `${pyTime(a - 0.6)} WARNING waiting for lock on daily_balances (held by pids ${Array.from({ length: k }, (_, i) => 48213 + 164 * i).join(',')})`, `${pyTime(1)} WARNING still waiting for lock on daily_balances`);
  return {
    id: 'heldout9-cronjob-allow-runs-pile-up-on-lock',
    class: 'jobs',
    truth: 'balance-rollup runs every 5 minutes with concurrencyPolicy Allow. A partner import at 02:28 quadrupled the rows to roll up (4.2 million instead of ~300 thousand): the 02:30 run still finished in 3 minutes, but from 02:35 each run outlasts the 5-minute interval, and Allow starts a new one anyway; the overlapping runs all update daily_balances and wait on each other\'s locks, so eight Jobs are active now, the oldest running 39 minutes, and none has completed since 02:33 (balances are 40 minutes stale). No crash, no memory problem, no failed pod. Fix: set concurrencyPolicy Forbid, delete the queued runs but the oldest, and let it finish (and give the job a deadline).',
    ask: { service: 'balance-rollup' },
    objects: [
      ...nodes, ...cron.objects,
      ...cron.jobs.map((j, k) => cronJobEvent(cj, 'SuccessfulCreate', `Created job ${nameOf(j.objects[0])}`, [54, 49, 44, ...activeAges][k] ?? 1)),
      ...cron.jobs.slice(0, 3).map((j, k) => cronJobEvent(cj, 'SawCompletedJob', `Saw completed job: ${nameOf(j.objects[0])}, status: Complete`, [52.7, 47.7, 40.8][k] ?? 1)),
    ],
    logs: pods.map((p, k) => logsFor(p, 'rollup', { current: log(k, activeAges[k] ?? 1) })),
    expect: {
      verdict: 'problems',
      headline: [/concurren|overlap|Allow|pil(e|ing) ?up|8 (active|running|concurrent)|simultaneous|in parallel/i],
      facts: [/lock/i, /balance-rollup/],
      never: [/\bOOM|out of memory/i, /Insufficient (cpu|memory)/i, /BackoffLimitExceeded|backoff ?limit (was |is )?(reached|exceeded)/i],
    },
  };
}

// ---- 11. a recreated claim cannot bind its Released Retain volume ------------------------------------

function releasedVolumeClaimRecreated(): CorpusScenario {
  const ns = 'archive';
  const { nodes, names } = threeNodes('10.0.121');
  const image = `${ECR}/archive/media-library:7.0.2`;
  const unbound = '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
  const app = deploymentApp({
    namespace: ns,
    name: 'media-library',
    replicas: 2,
    createdAgo: 33,
    revisions: [{ revision: 1, createdAgo: 33, template: { containers: [container({ image, ports: [8080], volumeMounts: [{ name: 'archive', mountPath: '/srv/archive' }] })], volumes: [{ name: 'archive', persistentVolumeClaim: { claimName: 'media-archive' } }] } }],
    pods: [0, 1].map(() => ({ revision: 1, createdAgo: 33, unschedulable: unbound })),
  });
  const vol = pv({ name: 'media-archive-efs', storage: '5Ti', claim: { namespace: ns, name: 'media-archive' }, storageClass: 'efs-static', accessModes: ['ReadWriteMany'], reclaimPolicy: 'Retain', static: true, phase: 'Released', createdAgo: 400 * DAYS, csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-0a1b2c3d4e5f67890' } });
  if (vol.spec?.claimRef !== undefined) Object.assign(vol.spec.claimRef, { uid: uidOf('pvc/archive/media-archive/helm-release-1'), resourceVersion: '48812093' });
  const claim = pvc({ namespace: ns, name: 'media-archive', storage: '5Ti', storageClass: 'efs-static', phase: 'Pending', volumeName: 'media-archive-efs', accessModes: ['ReadWriteMany'], createdAgo: 33, labels: { 'app.kubernetes.io/managed-by': 'Helm' }, annotations: { 'meta.helm.sh/release-name': 'media-library', 'meta.helm.sh/release-namespace': ns } });
  const cache = bystander(ns, 'thumbnail-cache', names, 5 * DAYS);
  return {
    id: 'heldout9-released-volume-recreated-claim-pending',
    class: 'storage',
    truth: 'media-library was reinstalled 33 minutes ago (helm uninstall, then install with the new chart). The chart owns the claim media-archive, so the uninstall deleted it; its EFS volume media-archive-efs has reclaimPolicy Retain and kept the data, but went Released with spec.claimRef still naming the deleted claim\'s uid. The new media-archive claim asks for that volume by name (volumeName), and the binder refuses: "volume \\"media-archive-efs\\" already bound to a different claim." The claim stays Pending, so both pods are unschedulable ("pod has unbound immediate PersistentVolumeClaims") and the service is down. Not capacity, not a StorageClass problem. Fix: remove the stale claimRef from the volume (kubectl patch pv media-archive-efs … remove /spec/claimRef) so it binds the new claim, and mark the claim helm.sh/resource-policy: keep.',
    ask: { service: 'media-library' },
    objects: [
      ...nodes, ...app.objects, ...cache.objects, vol, claim,
      ...exposed({ namespace: ns, name: 'media-library', selector: { app: 'media-library' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 1), 2, 0, 33),
      event({ on: claim, reason: 'FailedBinding', message: 'volume "media-archive-efs" already bound to a different claim.', count: 131, firstAgo: 33, lastAgo: 0.2, component: 'persistentvolume-controller' }),
      ...app.pods.map((p) => failedScheduling(p, unbound, { count: 9, firstAgo: 33, lastAgo: 3 })),
      event({ on: cache.pods[0] ?? {}, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 3, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: cache.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(2)} INFO thumbnail hit key=a/88/21 ms=3`) })),
    expect: {
      verdict: 'problems',
      headline: [/media-archive/, /Released|already bound|claimRef|different claim|unbound|Pending/i],
      facts: [/media-archive-efs/, /Retain|Released|claimRef/],
      never: [/Insufficient/i, /storage ?class[^\n]*(missing|not found|deleted)/i, /quota/i],
    },
  };
}

// ---- 12. a DaemonSet's raised memory request no longer fits a packed node ----------------------------

function daemonSetRequestNoRoomOnPackedNode(): CorpusScenario {
  const ns = 'logging';
  const { nodes: first, names } = threeNodes('10.0.120');
  const packed = nodeName('10.0.121.88');
  const later = nodeName('10.0.122.140');
  const spare = nodeName('10.0.123.19');
  const extra = [node({ name: packed, zone: 'eu-west-1a' }), node({ name: later, zone: 'eu-west-1b' }), node({ name: spare, zone: 'eu-west-1c' })];
  const tpl = (memory: string, limit: string) => ({
    containers: [container({ name: 'fluent-bit', image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.9', ports: [{ name: 'metrics', containerPort: 2020 }], cpu: '100m', memory, memoryLimit: limit, readiness: httpProbe('/api/v1/health', 2020), liveness: httpProbe('/', 2020) })],
    tolerations: [{ operator: 'Exists' }],
  });
  const message = '0/6 nodes are available: 1 Insufficient memory, 5 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/6 nodes are available: 1 No preemption victims found for incoming pod, 5 Preemption is not helpful for scheduling.';
  const ds = daemonSetApp({
    namespace: ns,
    name: 'fluent-bit',
    pinnedToNodes: true,
    revisions: [
      { revision: 7, createdAgo: 60 * DAYS, template: tpl('128Mi', '256Mi') },
      { revision: 8, createdAgo: 38, changeCause: 'argocd: fluent-bit memory 1Gi (OOMKilled on log bursts)', template: tpl('1Gi', '1Gi') },
    ],
    pods: [
      ...[...names, spare].map((n, k) => ({ revision: 8, node: n, createdAgo: 37 - 2 * k })),
      { revision: 8, node: packed, createdAgo: 29, unschedulable: message },
      { revision: 7, node: later, createdAgo: 60 * DAYS },
    ],
  });
  const heavy = (name: string, memory: string, replicas: number) => deploymentApp({
    namespace: 'data', name, replicas,
    revisions: [{ revision: 5, createdAgo: 20 * DAYS, template: { containers: [container({ image: `${ECR}/data/${name}:7.7.1`, ports: [8083], cpu: '1', memory })] } }],
    pods: Array.from({ length: replicas }, () => ({ revision: 5, node: packed, createdAgo: 20 * DAYS })),
  });
  const connect = heavy('kafka-connect', '6Gi', 2);
  const registry = heavy('schema-registry', '1536Mi', 1);
  const pending = podOf(ds, 4);
  // The pending pod is not scheduled: five nodes run a fluent-bit pod, four of them the new revision.
  const dsStatus = (ds.objects[0] as k8s.V1DaemonSet).status;
  if (dsStatus !== undefined) Object.assign(dsStatus, { currentNumberScheduled: 5, updatedNumberScheduled: 4 });
  const dsRef = ds.objects[0] ?? {};
  return {
    id: 'heldout9-daemonset-memory-request-no-room-packed-node',
    class: 'scheduling',
    truth: `Revision 8 of the fluent-bit DaemonSet (38 minutes ago) raised its memory request from 128Mi to 1Gi after OOM kills during log bursts. A DaemonSet rolling update deletes a node's old pod before creating the new one (maxSurge 0): on four nodes the new pod fit, but ${packed} is packed (kafka-connect and schema-registry request 13.5Gi of its 14.4Gi), so its new pod has stayed Pending for 29 minutes ("1 Insufficient memory"; the other five nodes are excluded by the pod's node pin) and that node ships no logs. With maxUnavailable 1 the update stopped there, so ${later} still runs revision 7. fluent-bit has no priority class, so it cannot preempt. Fix: lower the request (e.g. 256Mi request, 1Gi limit) or give fluent-bit system-node-critical priority; the rollout then continues.`,
    ask: { service: 'fluent-bit', namespace: ns },
    objects: [
      ...first, ...extra, ...ds.objects, ...connect.objects, ...registry.objects,
      event({ on: { kind: 'DaemonSet', metadata: dsRef.metadata }, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: fluent-bit-${nameSuffix('fluent-bit/old/packed')}`, firstAgo: 29.1, lastAgo: 29.1, component: 'daemonset-controller' }),
      event({ on: { kind: 'DaemonSet', metadata: dsRef.metadata }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(pending)}`, firstAgo: 29, lastAgo: 29, component: 'daemonset-controller' }),
      failedScheduling(pending, message, { count: 31, firstAgo: 29, lastAgo: 0.5 }),
    ],
    logs: ds.pods.slice(0, 4).map((p) => logsFor(p, 'fluent-bit', { current: lines(`[${at(1).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}] [ info] [output:loki:loki.0] sent 4812 records`) })),
    expect: {
      verdict: 'problems',
      headline: [/Insufficient memory|memory request|1Gi|does(n'?t| not) fit|no room/i],
      facts: [/revision 8/i, new RegExp(short(packed))],
      never: [/taint|toleration/i, /image ?pull/i, /crash-?loop/i],
    },
  };
}

// ---- 13. healthy: a Guaranteed service beside old node-pressure evictions of another workload --------

function healthyOldEvictionsOfNeighbour(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeNodes('10.0.131');
  const busy = names[2] ?? '';
  const app = deploymentApp({
    namespace: ns,
    name: 'search-api',
    replicas: 3,
    revisions: [{ revision: 40, createdAgo: 8 * DAYS, changeCause: 'argocd: search-api 11.4.0', template: { containers: [container({ image: `${ECR}/search/search-api:11.4.0`, ports: [8080], cpu: '1', cpuLimit: '1', memory: '2Gi' })] } }],
    pods: [0, 1, 2].map((k) => ({ revision: 40, node: names[k] ?? '', createdAgo: 8 * DAYS })),
    settled: { available: true, availableSince: 8 * DAYS, progressingSince: 8 * DAYS },
  });
  const thumb = container({ name: 'thumbnailer', image: `${ECR}/search/thumbnailer:0.9.4`, ports: [8080], readiness: null, liveness: null });
  thumb.resources = {};
  const evict = (k: number) => `The node was low on resource: memory. Threshold quantity: 100Mi, available: ${87412 - 311 * k}Ki. Container thumbnailer was using ${3921848 - 40211 * k}Ki, request is 0, has larger consumption of memory.`;
  const thumbs = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 2,
    revisions: [{ revision: 6, createdAgo: 30 * DAYS, template: { containers: [thumb] } }],
    pods: [
      ...[0, 1].map((k) => ({ revision: 6, node: busy, createdAgo: 3 * DAYS, ...kubeletEviction(evict(k), 5 * HOURS), containers: { thumbnailer: terminated({ exitCode: 137, finishedAgo: 5 * HOURS, ranSeconds: 3 * DAYS }) } })),
      ...[0, 1].map((k) => ({ revision: 6, node: names[k] ?? '', createdAgo: 5 * HOURS - 1 })),
    ],
    settled: { available: true, availableSince: 5 * HOURS - 2, progressingSince: 30 * DAYS },
  });
  const indexer = bystander(ns, 'search-indexer', names, 15);
  return {
    id: 'heldout9-healthy-old-evictions-of-neighbour',
    class: 'healthy',
    truth: `Nothing is wrong with search-api: its three pods (revision 40, 8 days old) are Ready with no restarts. Five hours ago node ${busy} ran short of memory because the thumbnailer pods, which have no requests or limits (BestEffort), grew to almost 4 GiB each; the kubelet evicted those two thumbnailer pods (their Failed/Evicted records remain) and the pressure cleared within ten minutes. search-api, Guaranteed (requests equal to limits), was never at risk and its pod on that node kept running; the three readiness timeouts it logged during the pressure were five hours ago. The search-indexer rollout 15 minutes ago is unrelated.`,
    ask: { service: 'search-api' },
    objects: [
      ...nodes, ...app.objects, ...thumbs.objects, ...indexer.objects,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: app.pods }),
      scaledReplicaSet(indexer.objects[0] ?? {}, rsOf(indexer, 91), 2, 0, 15),
      nodeEvent(busy, 'NodeHasInsufficientMemory', `Node ${busy} status is now: NodeHasInsufficientMemory`, { firstAgo: 5 * HOURS + 1 }),
      nodeEvent(busy, 'EvictionThresholdMet', 'Attempting to reclaim memory', { type: 'Warning', firstAgo: 5 * HOURS + 1 }),
      nodeEvent(busy, 'NodeHasSufficientMemory', `Node ${busy} status is now: NodeHasSufficientMemory`, { firstAgo: 5 * HOURS - 9 }),
      ...thumbs.pods.slice(0, 2).map((p, k) => event({ on: p, reason: 'Evicted', message: evict(k), firstAgo: 5 * HOURS, lastAgo: 5 * HOURS })),
      probeFailed(podOf(app, 2), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(app, 2))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3, firstAgo: 5 * HOURS + 1, lastAgo: 5 * HOURS }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: lines(`${at(3)} INFO query q="winter boots" hits=${412 + k} ms=23`, `${at(1)} INFO query q="usb c hub" hits=${88 + k} ms=17`) })),
    expect: {
      verdict: 'healthy',
      headline: [/search-api/],
      facts: [],
      never: [BLAMES_ROLLOUT, /\bOOM/, /crash-?loop/i],
    },
  };
}

// ---- 14. healthy: recovered from a scale-up burst an hour ago ---------------------------------------

function healthyRecoveredAfterScaleBurst(): CorpusScenario {
  const ns = 'gateway';
  const { nodes, names } = threeNodes('10.0.142');
  const karp = nodeName('10.0.143.61');
  const image = `${ECR}/gateway/edge-gateway:4.6.0`;
  const app = deploymentApp({
    namespace: ns,
    name: 'edge-gateway',
    replicas: 5,
    revisions: [{ revision: 15, createdAgo: 10 * DAYS, changeCause: 'argocd: edge-gateway 4.6.0', template: { containers: [container({ image, ports: [8080], readiness: httpProbe('/ready', 8080, { initialDelaySeconds: 5 }) })] } }],
    pods: [
      ...[0, 1, 2, 0].map((n, k) => ({ revision: 15, node: names[n] ?? '', createdAgo: 10 * DAYS - k })),
      { revision: 15, node: karp, createdAgo: 78 },
    ],
    settled: { available: true, availableSince: 10 * DAYS, progressingSince: 10 * DAYS },
  });
  const scaler = hpa({ namespace: ns, name: 'edge-gateway', target: { kind: 'Deployment', name: 'edge-gateway' }, min: 4, max: 20, current: 5, desired: 5, cpu: { current: 48, target: 65 }, lastScaleAgo: 22 });
  const late = podOf(app, 4);
  const rs = rsOf(app, 15);
  return {
    id: 'heldout9-healthy-recovered-after-scale-burst',
    class: 'healthy',
    truth: `Nothing needs doing: a traffic burst 80 minutes ago made the HPA scale edge-gateway from 4 to 9; the new pods waited about two minutes for Karpenter to add ${karp} (FailedScheduling, Insufficient cpu), then warmed up (three readiness failures) and were Ready within five minutes. The burst passed and the HPA scaled back to 5 twenty-two minutes ago. All five pods are Ready with no restarts and CPU is at 48% of request; the scheduling and readiness warnings are over an hour old.`,
    ask: { service: 'edge-gateway' },
    objects: [
      ...nodes, node({ name: karp, zone: 'eu-west-1b', pool: 'karpenter', labels: { 'karpenter.sh/nodepool': 'default' }, createdAgo: 76.5, readySince: 76 }),
      ...app.objects, scaler,
      ...exposed({ namespace: ns, name: 'edge-gateway', selector: { app: 'edge-gateway' }, pods: app.pods }),
      event({ on: scaler, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 9; reason: cpu resource utilization (percentage of request) above target', firstAgo: 80, lastAgo: 80, component: 'horizontal-pod-autoscaler' }),
      event({ on: scaler, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 5; reason: All metrics below target', firstAgo: 22, lastAgo: 22, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(app.objects[0] ?? {}, rs, 9, 4, 80),
      scaledReplicaSet(app.objects[0] ?? {}, rs, 5, 9, 22),
      failedScheduling(late, '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', { count: 3, firstAgo: 78, lastAgo: 76.5 }),
      event({ on: late, type: 'Normal', reason: 'Nominated', message: `Pod should schedule on: nodeclaim/default-q2w8d, node/${karp}`, firstAgo: 77.8, lastAgo: 77.8, component: 'karpenter' }),
      ...startedAt(late, 'app', image, 76),
      probeFailed(late, 'app', 'Readiness', `Get "http://${ipOfPod(late)}:8080/ready": dial tcp ${ipOfPod(late)}:8080: connect: connection refused`, { count: 3, firstAgo: 75.8, lastAgo: 75.4 }),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(2)} info upstream=checkout status=200 ms=21`, `${at(1)} info upstream=catalog status=200 ms=9`) })),
    expect: {
      verdict: 'healthy',
      headline: [/edge-gateway/],
      facts: [],
      never: [BLAMES_ROLLOUT, /\bOOM/, /crash-?loop/i],
    },
  };
}

export const HOLDOUT_9_SCENARIOS: CorpusScenario[] = [
  sidecarPortClash(),
  livenessChecksReportingDb(),
  eventLoopBlockedByRegex(),
  nfsHungNodeStuckPods(),
  dnsPolicyNoneRetiredResolver(),
  internalCaRotatedUnknownAuthority(),
  cpuLimitCutThrottling(),
  hugeImagePullProgressDeadline(),
  hpaScaleUpPolicyTooSlow(),
  cronJobAllowRunsPileUp(),
  releasedVolumeClaimRecreated(),
  daemonSetRequestNoRoomOnPackedNode(),
  healthyOldEvictionsOfNeighbour(),
  healthyRecoveredAfterScaleBurst(),
];
