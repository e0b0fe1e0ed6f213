// Held-out stories, ninety-second round, part one: an HPA scale-out of a Go API (4 → 10 replicas ×
// a pool of 20) past its MySQL user's max_user_connections of 150, so the newer pods get "Error
// 1226"; a Node service whose revision 23 reads its promotions from the Google Sheets API on every
// request instead of caching them, hitting the 'Read requests per minute per user' quota (429
// RESOURCE_EXHAUSTED); a Java service whose revision 57 was built with JDK 21 but ships on a
// Temurin 17 JRE (UnsupportedClassVersionError, class file version 65.0 vs 61.0); an in-cluster
// PostgreSQL whose revision 2 raised max_parallel_workers_per_gather while /dev/shm stays the
// runtime's 64 MB, so the reporting client's parallel queries fail "could not resize shared memory
// segment"; an HAProxy gateway answering 503 <NOSRV> because revision 19 of its backend moved the
// health endpoint its httpchk calls; an in-cluster etcd without auto-compaction that hit its 2 GiB
// space quota (NOSPACE, "mvcc: database space exceeded"); and a healthy control: an indexer whose
// Elasticsearch client warns on every batch that the dev cluster has security disabled.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, boundClaim, clfTime, configMap, container, crashLoop, deploymentApp, event, exposed, hpa,
  httpProbe, probeFailed, pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled,
  statefulSetApp, tcpProbe, execProbe, ago,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
/** Postgres' log_line_prefix time: `2026-11-21 03:12:41.563 UTC`. */
const pgTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', ' UTC');
/** HAProxy's httplog accept date: `21/Nov/2026:03:12:41.563`. */
const hapTime = (minutes: number): string => `${clfTime(minutes).slice(0, 20)}.${at(minutes).slice(20, 23)}`;
/** A claim that says the volume filled up, where the space that ran out is not a volume's. */
const VOLUME_FULL = /(PVC|PersistentVolumeClaim|data volume|disk)\b(?![^\n]{0,40}\b(not|far from|isn't|has room)\b)[^\n]{0,40}\b(full|out of space)\b|expand (the )?(PVC|PersistentVolumeClaim|volume|disk)/i;

// ---- 1. HPA scale-out past MySQL's max_user_connections ---------------------------------------------

function mysqlMaxUserConnections(): CorpusScenario {
  const ns = 'loyalty';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '140', '203']);
  const image = `${ECR}/loyalty/points-api:3.7.2`;
  const tplOf = (img: string) => ({
    containers: [container({
      image: img, ports: [8080], cpu: '400m', memory: '256Mi',
      env: [
        { name: 'MYSQL_DSN', value: 'points:$(MYSQL_PASSWORD)@tcp(loyalty-mysql.loyalty.svc.cluster.local:3306)/loyalty?parseTime=true' },
        { name: 'DB_MAX_OPEN_CONNS', value: '20' },
        { name: 'DB_MAX_IDLE_CONNS', value: '20' },
        { name: 'DB_CONN_MAX_LIFETIME', value: '30m' },
      ],
      readiness: httpProbe('/readyz', 8080, { timeoutSeconds: 2 }),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const scaledAgo = 26;
  // Pods 0-3 are the HPA's minimum, up for days; 4-9 came with the scale-out; 7, 8 and 9 found no connection left.
  const starved = new Set([7, 8, 9]);
  const app = deploymentApp({
    namespace: ns,
    name: 'points-api',
    replicas: 10,
    revisions: [
      { revision: 13, createdAgo: 20 * DAYS, changeCause: 'argocd: points-api 3.7.1', template: tplOf(`${ECR}/loyalty/points-api:3.7.1`) },
      { revision: 14, createdAgo: 9 * DAYS, changeCause: 'argocd: points-api 3.7.2', template: tplOf(image) },
    ],
    pods: Array.from({ length: 10 }, (_, k) => ({
      revision: 14,
      node: names[k % 3] ?? '',
      createdAgo: k < 4 ? 9 * DAYS - k : scaledAgo - 0.2,
      ...(starved.has(k) ? { containers: { app: running({ sinceAgo: scaledAgo - 0.5, ready: false }) } } : {}),
    })),
    settled: { available: false, availableSince: scaledAgo - 1, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 4 },
  });
  const mysqlImage = 'docker.io/library/mysql:8.0.40';
  const mysql = statefulSetApp({
    namespace: ns,
    name: 'loyalty-mysql',
    replicas: 1,
    serviceName: 'loyalty-mysql',
    revisions: [{
      revision: 4, createdAgo: 62 * DAYS, template: {
        containers: [container({
          name: 'mysql', image: mysqlImage, ports: [{ name: 'mysql', containerPort: 3306 }], cpu: '2', memory: '6Gi',
          readiness: execProbe(['mysqladmin', 'ping', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
          liveness: tcpProbe('mysql', { initialDelaySeconds: 30 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }, { name: 'config', mountPath: '/etc/mysql/conf.d' }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'loyalty-mysql-config' } }],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '100Gi' }],
    pods: [{ revision: 4, ordinal: 0, node: names[2] ?? '', createdAgo: 31 * DAYS }],
  });
  const cnf = configMap({
    namespace: ns, name: 'loyalty-mysql-config', createdAgo: 62 * DAYS,
    data: { 'tuning.cnf': '[mysqld]\nmax_connections = 400\nmax_user_connections = 150\ninnodb_buffer_pool_size = 4G\nwait_timeout = 600\nslow_query_log = 1\nlong_query_time = 1\n' },
  });
  const other = bystander(ns, 'points-expiry-worker', names, 3 * HOURS, { revisions: [30, 31], versions: ['1.9.4', '1.10.0'], olderAgo: 14 * DAYS });
  const autoscaler = hpa({
    namespace: ns, name: 'points-api', target: { kind: 'Deployment', name: 'points-api' }, min: 4, max: 12, current: 10, desired: 10,
    cpu: { current: 58, target: 60, averageValue: '232m' }, lastScaleAgo: scaledAgo,
  });
  const err = (n: number) => `Error 1226 (42000): User 'points' has exceeded the 'max_user_connections' resource (current value: 150)`.replace('150', String(n));
  const goodLog = (k: number) => lines(
    `{"level":"info","ts":"${at(2.1 - k * 0.01)}","caller":"httpx/log.go:38","msg":"request","method":"GET","path":"/v1/members/M-${40211 + k}/balance","status":200,"duration_ms":${9 + k}}`,
    `{"level":"info","ts":"${at(1.4 - k * 0.01)}","caller":"httpx/log.go:38","msg":"request","method":"POST","path":"/v1/members/M-${50877 + k}/earn","status":201,"duration_ms":${21 + k}}`,
    `{"level":"info","ts":"${at(0.6 - k * 0.01)}","caller":"httpx/log.go:38","msg":"request","method":"GET","path":"/v1/members/M-${31002 + k}/balance","status":200,"duration_ms":${11 + k}}`,
  );
  const starvedLog = (k: number) => {
    const out = [
      `{"level":"info","ts":"${at(scaledAgo - 0.45)}","caller":"cmd/points-api/main.go:61","msg":"starting points-api","version":"3.7.2","commit":"e41b0c9"}`,
      `{"level":"info","ts":"${at(scaledAgo - 0.44)}","caller":"store/mysql.go:48","msg":"mysql pool configured","max_open":20,"max_idle":20,"host":"loyalty-mysql.loyalty.svc.cluster.local:3306"}`,
      `{"level":"info","ts":"${at(scaledAgo - 0.43)}","caller":"cmd/points-api/main.go:97","msg":"listening","addr":":8080"}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 12 - i * 0.8 - k * 0.03;
      out.push(`{"level":"error","ts":"${at(t)}","caller":"health/ready.go:33","msg":"readiness check failed","check":"mysql","error":"${err(150)}"}`);
      if (i % 3 === 1) out.push(`{"level":"error","ts":"${at(t - 0.1)}","caller":"httpx/log.go:41","msg":"request failed","method":"POST","path":"/v1/members/M-${60011 + i * 17}/earn","status":500,"duration_ms":4,"error":"begin tx: ${err(150)}"}`);
    }
    return lines(...out);
  };
  const mysqlPod = podOf(mysql, 0);
  const starvedPods = [...starved].map((k) => podOf(app, k));
  return {
    id: 'heldout92-hpa-scaleout-mysql-max-user-connections',
    class: 'capacity',
    truth: 'The points-api HPA scaled the Deployment from 4 to 10 replicas 26 minutes ago (CPU above its 60% target in the evening peak). Each pod opens up to 20 MySQL connections (DB_MAX_OPEN_CONNS=20, all kept idle), so 10 × 20 = 200 connections as user points, but loyalty-mysql limits every user to max_user_connections = 150 (loyalty-mysql-config). The pods that started last cannot get a connection: MySQL answers "Error 1226 (42000): User \'points\' has exceeded the \'max_user_connections\' resource (current value: 150)", their readiness check fails and their writes return 500. No deploy: revision 14 is nine days old. Fix: lower the per-pod pool (or cap the HPA\'s maxReplicas) so replicas × pool stays under the limit, or raise max_user_connections.',
    ask: { service: 'points-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...mysql.objects, ...other.objects, cnf, autoscaler,
      ...exposed({ namespace: ns, name: 'points-api', selector: { app: 'points-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'loyalty-mysql', selector: { app: 'loyalty-mysql' }, headless: true, ports: [{ name: 'mysql', port: 3306, targetPort: 'mysql' }], pods: mysql.pods, endpointPort: 3306 }),
      ...boundClaim({ namespace: ns, name: 'data-loyalty-mysql-0', storage: '100Gi', zone: 'eu-west-1c', createdAgo: 62 * DAYS }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'points-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 7; reason: cpu resource utilization (percentage of request) above target', firstAgo: scaledAgo + 3, lastAgo: scaledAgo + 3, component: 'horizontal-pod-autoscaler' }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'points-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 10; reason: cpu resource utilization (percentage of request) above target', firstAgo: scaledAgo, lastAgo: scaledAgo, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 7, 4, scaledAgo + 3),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 14), 10, 7, scaledAgo),
      ...app.pods.slice(4).flatMap((p) => [scheduled(p, scaledAgo - 0.2), ...restartedAgain(p, 'app', image, { count: 1, firstAgo: scaledAgo - 0.5, lastAgo: scaledAgo - 0.5 })]),
      ...starvedPods.map((p, i) => probeFailed(p, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 140 + i * 3, firstAgo: scaledAgo - 0.4, lastAgo: 0.2 })),
      event({ on: podOf(other, 0), reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.7.44:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 1, firstAgo: 3 * HOURS - 0.5, lastAgo: 3 * HOURS - 0.5, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: starved.has(k) ? starvedLog(k) : goodLog(k) })),
      logsFor(mysqlPod, 'mysql', { current: lines(
        `${at(31 * DAYS - 0.6)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.40'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
        `${at(2 * DAYS)} 98211 [Warning] [MY-010055] [Server] IP address '10.0.41.18' could not be resolved: Name or service not known`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/max_user_connections|1226|connection limit|too many connections/i],
      facts: [/\b150\b/, /HPA|autoscal|scaled|replicas/i, /DB_MAX_OPEN_CONNS|pool|\b20\b/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /points-expiry-worker/],
    },
  };
}

// ---- 2. Sheets API read quota: revision 23 reads per request instead of caching ----------------------

function sheetsReadQuota(): CorpusScenario {
  const ns = 'marketing';
  const { nodes, names } = threeEksNodes('10.0.120', ['9', '165', '222']);
  const image = (v: string) => `${ECR}/marketing/promo-api:${v}`;
  const baseEnv = [
    { name: 'PROMO_SHEET_ID', value: '1qZ8vX3kP0bY7mW2nR5tL9cH4dJ6fG1aS0eU8oI3yT2w' },
    { name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/run/secrets/google/sa.json' },
    { name: 'PORT', value: '3000' },
  ];
  const tpl = (v: string, env: k8s.V1EnvVar[]) => ({
    containers: [container({ image: image(v), ports: [3000], cpu: '200m', memory: '256Mi', env: [...baseEnv, ...env], readiness: httpProbe('/health', 3000), liveness: httpProbe('/health', 3000, { initialDelaySeconds: 10 }), volumeMounts: [{ name: 'google-sa', mountPath: '/var/run/secrets/google', readOnly: true }] })],
    volumes: [{ name: 'google-sa', secret: { secretName: 'promo-api-google-sa' } }],
  });
  const rolledAgo = 48;
  const app = deploymentApp({
    namespace: ns,
    name: 'promo-api',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 12 * DAYS, changeCause: 'argocd: promo-api 2.7.4', template: tpl('2.7.4', [{ name: 'PROMO_CACHE_TTL_SECONDS', value: '300' }]) },
      { revision: 23, createdAgo: rolledAgo, changeCause: 'argocd: promo-api 2.8.0 (live promo rules from sheet)', template: tpl('2.8.0', [{ name: 'PROMO_SOURCE_MODE', value: 'live' }]) },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 23, node: names[k] ?? '', createdAgo: rolledAgo - 0.5 - k })),
    settled: { available: true, availableSince: rolledAgo - 3, progressingSince: rolledAgo, progressingUpdatedAgo: rolledAgo - 3 },
  });
  const other = bystander(ns, 'newsletter-sender', names, 5 * HOURS, { revisions: [11, 12], versions: ['0.14.0', '0.15.1'], olderAgo: 30 * DAYS });
  const quota = "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:481203375519'.";
  const podLog = (k: number) => {
    const out = [
      `{"level":30,"time":${ago(rolledAgo - 0.6 - k).getTime()},"pid":1,"hostname":"promo-api","msg":"promo-api 2.8.0 listening on :3000","promoSource":"live"}`,
    ];
    for (let i = 0; i < 18; i++) {
      const t = 20 - i * 1.1 - k * 0.02;
      const cart = `C-${(91_000 + i * 131 + k * 7) % 99_999}`;
      if (i % 4 === 0) {
        out.push(`{"level":30,"time":${ago(t + 0.05).getTime()},"pid":1,"hostname":"promo-api","req":{"method":"POST","url":"/v1/promotions/evaluate"},"res":{"statusCode":200},"responseTime":412,"msg":"request completed","cart":"${cart}"}`);
        continue;
      }
      out.push(`{"level":50,"time":${ago(t).getTime()},"pid":1,"hostname":"promo-api","err":{"type":"GaxiosError","message":"${quota}","code":429,"status":"RESOURCE_EXHAUSTED","errors":[{"message":"${quota}","domain":"global","reason":"rateLimitExceeded"}],"stack":"GaxiosError: ${quota}\\n    at Gaxios._request (/app/node_modules/gaxios/build/src/gaxios.js:142:23)\\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\\n    at async JWT.requestAsync (/app/node_modules/google-auth-library/build/src/auth/oauth2client.js:429:18)\\n    at async loadPromoRules (/app/dist/promo/sheet-source.js:38:21)\\n    at async evaluate (/app/dist/promo/engine.js:22:19)"},"msg":"failed to load promo rules from sheet","range":"Rules!A2:H400","cart":"${cart}"}`);
      out.push(`{"level":30,"time":${ago(t - 0.01).getTime()},"pid":1,"hostname":"promo-api","req":{"method":"POST","url":"/v1/promotions/evaluate"},"res":{"statusCode":502},"responseTime":96,"msg":"request errored","cart":"${cart}"}`);
    }
    out.push(`{"level":30,"time":${ago(0.3).getTime()},"pid":1,"hostname":"promo-api","req":{"method":"GET","url":"/health"},"res":{"statusCode":200},"responseTime":1,"msg":"request completed"}`);
    return lines(...out);
  };
  return {
    id: 'heldout92-sheets-api-read-quota-per-request',
    class: 'config',
    truth: 'promo-api revision 23 (2.8.0, 48 minutes ago) switched the promotion rules to "live" mode: instead of caching the Google Sheet for five minutes (PROMO_CACHE_TTL_SECONDS=300 in revision 22) it reads the sheet through the Sheets API on every /v1/promotions/evaluate request. At evening checkout traffic that exceeds the project\'s quota, and Google answers 429 RESOURCE_EXHAUSTED (rateLimitExceeded): "Quota exceeded for quota metric \'Read requests\' and limit \'Read requests per minute per user\' of service \'sheets.googleapis.com\'", so most promotion evaluations fail with 502 while the pods stay ready. Fix: roll back to revision 22 or restore the cache.',
    ask: { service: 'promo-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'promo-api', selector: { app: 'promo-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 3000 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 0, rolledAgo),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 0, 3, rolledAgo - 3),
      ...app.pods.flatMap((p, k) => [scheduled(p, rolledAgo - 0.5 - k), ...restartedAgain(p, 'app', image('2.8.0'), { count: 1, firstAgo: rolledAgo - 0.55 - k, lastAgo: rolledAgo - 0.55 - k })]),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: podLog(k) })),
      ...other.pods.map((p) => logsFor(p, 'app', { current: lines(`{"level":30,"time":${ago(4).getTime()},"msg":"batch sent","recipients":500}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/429|quota|RESOURCE_EXHAUSTED|rateLimitExceeded|rate.?limit/i, /revision 23|2\.8\.0|sheets/i],
      facts: [/sheets\.googleapis\.com/, /Read requests per minute|Read requests/i, /revision 23|2\.8\.0/],
      never: [/\bOOM/, /crash ?loop/i, /newsletter-sender/],
    },
  };
}

// ---- 3. Java built with JDK 21, shipped on a 17 JRE ---------------------------------------------------

function unsupportedClassVersion(): CorpusScenario {
  const ns = 'claims';
  const { nodes, names } = threeEksNodes('10.0.144', ['21', '98', '250']);
  const image = (v: string) => `${ECR}/claims/claims-adjudicator:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      command: ['java'], args: ['-XX:MaxRAMPercentage=75', '-jar', '/opt/app/claims-adjudicator.jar'],
      env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
    annotations: { 'build.acme.io/base-image': 'eclipse-temurin:17-jre-jammy', 'build.acme.io/builder': v === '4.0.0' ? 'maven:3.9.9-eclipse-temurin-21' : 'maven:3.9.9-eclipse-temurin-17' },
  });
  const rolledAgo = 17;
  const app = deploymentApp({
    namespace: ns,
    name: 'claims-adjudicator',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 56, createdAgo: 6 * DAYS, changeCause: 'argocd: claims-adjudicator 3.14.2', template: tpl('3.14.2') },
      { revision: 57, createdAgo: rolledAgo, changeCause: 'argocd: claims-adjudicator 4.0.0', template: tpl('4.0.0') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 56, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
      { revision: 57, node: names[0] ?? '', createdAgo: rolledAgo - 0.3, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.3, ranSeconds: 0.4 }, 8) } },
    ],
  });
  const fresh = podOf(app, 3);
  const other = bystander(ns, 'claims-intake', names, 4 * HOURS, { revisions: [88, 89], versions: ['2.2.0', '2.3.0'], olderAgo: 9 * DAYS });
  const crash = lines(
    'Error: LinkageError occurred while loading main class com.acme.claims.adjudicator.ClaimsAdjudicatorApplication',
    '\tjava.lang.UnsupportedClassVersionError: com/acme/claims/adjudicator/ClaimsAdjudicatorApplication has been compiled by a more recent version of the Java Runtime (class file version 65.0), this version of the Java Runtime only recognizes class file versions up to 61.0',
  );
  const springLine = (t: number, lvl: string, logger: string, msg: string, thread = 'http-nio-8080-exec-3') => `${at(t).replace('Z', '+00:00')}  ${lvl} 1 --- [claims-adjudicator] [${thread}] ${logger} : ${msg}`;
  return {
    id: 'heldout92-java21-classes-on-jre17',
    class: 'containers',
    truth: 'claims-adjudicator revision 57 (4.0.0, 17 minutes ago) was built with JDK 21 (the build moved to maven:3.9.9-eclipse-temurin-21) but its runtime image is still eclipse-temurin:17-jre. The JVM refuses the main class at startup — "java.lang.UnsupportedClassVersionError: … has been compiled by a more recent version of the Java Runtime (class file version 65.0), this version of the Java Runtime only recognizes class file versions up to 61.0" — and exits 1 within a second, so the new pod crash-loops and the rollout is stuck; the three revision-56 pods keep serving. Fix: roll back to revision 56, then build for release 17 or move the base image to a Java 21 JRE.',
    ask: { service: 'claims-adjudicator', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'claims-adjudicator', selector: { app: 'claims-adjudicator' }, pods: app.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 57), 1, 0, rolledAgo),
      scheduled(fresh, rolledAgo - 0.3),
      event({ on: fresh, type: 'Normal', reason: 'Pulling', message: `Pulling image "${image('4.0.0')}"`, firstAgo: rolledAgo - 0.25, lastAgo: rolledAgo - 0.25, fieldPath: 'spec.containers{app}' }),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${image('4.0.0')}" in 4.87s (4.87s including waiting). Image size: 198442107 bytes.`, firstAgo: rolledAgo - 0.2, lastAgo: rolledAgo - 0.2, fieldPath: 'spec.containers{app}' }),
      ...restartedAgain(fresh, 'app', image('4.0.0'), { count: 9, firstAgo: rolledAgo - 0.2, lastAgo: 1.3 }).slice(1),
      event({ on: fresh, type: 'Normal', reason: 'Pulled', message: `Container image "${image('4.0.0')}" already present on machine`, count: 8, firstAgo: rolledAgo - 0.1, lastAgo: 1.3, fieldPath: 'spec.containers{app}' }),
      backOff(fresh, 'app', { count: 74, firstAgo: rolledAgo - 0.1 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: crash, current: crash }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: lines(
        springLine(1.8 - k * 0.1, 'INFO', 'c.a.c.adjudicator.web.ClaimController', `Adjudicated claim CLM-2026-${884120 + k} outcome=APPROVED ms=${38 + k}`),
        springLine(0.7 - k * 0.1, 'INFO', 'c.a.c.adjudicator.web.ClaimController', `Adjudicated claim CLM-2026-${884190 + k} outcome=PENDED ms=${52 + k}`),
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/UnsupportedClassVersionError|class file version|65\.0|Java ?21|JDK ?21|JRE ?17/i],
      facts: [/61\.0|JRE ?17|temurin:17|Java ?17/i, /revision 57|4\.0\.0/],
      never: [/\bOOM/, /ImagePull|image pull/i, /liveness probe (kill|fail)/i, /claims-intake/],
    },
  };
}

// ---- 4. Postgres parallel workers vs the 64 MB /dev/shm ------------------------------------------------

function postgresShmParallelWorkers(): CorpusScenario {
  const ns = 'finance-reporting';
  const { nodes, names } = threeEksNodes('10.0.160', ['40', '171', '212']);
  const pgImage = 'docker.io/library/postgres:16.4-bookworm';
  const pgTpl = (workers: number) => ({
    containers: [container({
      name: 'postgres', image: pgImage, ports: [{ name: 'postgres', containerPort: 5432 }], cpu: '4', memory: '16Gi',
      args: ['-c', 'shared_buffers=4GB', '-c', 'work_mem=64MB', '-c', 'max_worker_processes=16', '-c', 'max_parallel_workers=16', '-c', `max_parallel_workers_per_gather=${workers}`, '-c', 'effective_cache_size=12GB'],
      env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_DB', value: 'ledger' }],
      readiness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { periodSeconds: 10, timeoutSeconds: 5 }),
      liveness: execProbe(['pg_isready', '-U', 'postgres', '-h', '127.0.0.1'], { initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
    })],
  });
  const revisedAgo = 3 * HOURS + 10;
  const db = statefulSetApp({
    namespace: ns,
    name: 'warehouse-pg',
    replicas: 1,
    serviceName: 'warehouse-pg',
    revisions: [
      { revision: 1, createdAgo: 140 * DAYS, template: pgTpl(2) },
      { revision: 2, createdAgo: revisedAgo, template: pgTpl(8) },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi' }],
    pods: [{ revision: 2, ordinal: 0, node: names[1] ?? '', createdAgo: revisedAgo - 0.5 }],
    createdAgo: 140 * DAYS,
  });
  const dbPod = podOf(db, 0);
  const clientImage = `${ECR}/finance/revenue-reports:1.22.3`;
  const client = deploymentApp({
    namespace: ns,
    name: 'revenue-reports',
    replicas: 2,
    revisions: [{
      revision: 40, createdAgo: 11 * DAYS, changeCause: 'argocd: revenue-reports 1.22.3',
      template: { containers: [container({ image: clientImage, ports: [8000], cpu: '300m', memory: '512Mi', env: [{ name: 'DATABASE_URL', value: 'postgresql://reports_ro@warehouse-pg.finance-reporting.svc.cluster.local:5432/ledger' }, { name: 'STATEMENT_TIMEOUT_MS', value: '300000' }], readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 15 }) })] },
    }],
    pods: [0, 2].map((n, k) => ({ revision: 40, node: names[n] ?? '', createdAgo: 11 * DAYS - k })),
  });
  const other = bystander(ns, 'fx-rates-loader', names, 6 * HOURS, { revisions: [5, 6], versions: ['0.8.2', '0.9.0'], olderAgo: 40 * DAYS });
  const seg = (i: number) => `/PostgreSQL.${[1450727396, 2988113404, 871265011, 3302918847, 1193852270][i % 5]}`;
  const bytes = (i: number) => [67128672, 134242400, 50438400, 100663296, 83886080][i % 5];
  const report = (i: number) => ['monthly_revenue_by_region', 'arr_cohort_rollup', 'invoice_aging', 'monthly_revenue_by_product', 'refunds_by_channel'][i % 5];
  const pgLog: string[] = [
    `${pgTime(revisedAgo - 0.45)} [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
    `${pgTime(revisedAgo - 0.45)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
    `${pgTime(revisedAgo - 0.44)} [1] LOG:  database system is ready to accept connections`,
  ];
  const clientLog: string[][] = [[], []];
  for (let i = 0; i < 12; i++) {
    const t = 70 - i * 5.5;
    const pid = 40_112 + i * 37;
    pgLog.push(`${pgTime(t)} [${pid}] reports_ro@ledger ERROR:  could not resize shared memory segment "${seg(i)}" to ${bytes(i)} bytes: No space left on device`);
    pgLog.push(`${pgTime(t)} [${pid}] reports_ro@ledger STATEMENT:  /* report:${report(i)} */ SELECT r.region, date_trunc('month', i.issued_at) AS month, sum(l.amount_cents) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id JOIN accounts r ON r.id = i.account_id WHERE i.issued_at >= $1 GROUP BY 1, 2`);
    if (i % 4 === 0) pgLog.push(`${pgTime(t - 0.4)} [${pid + 3}] LOG:  checkpoint complete: wrote 4211 buffers (0.8%); 0 WAL file(s) added, 0 removed, 3 recycled; write=269.812 s, sync=0.004 s, total=269.840 s`);
    clientLog[i % 2]?.push(
      `${pyTime(t - 0.01)} ERROR [reports.runner] report ${report(i)} failed (job_id=rj-${7731 + i})`,
      'Traceback (most recent call last):',
      '  File "/app/reports/runner.py", line 88, in run',
      '    rows = await conn.execute(sql, params)',
      '  File "/usr/local/lib/python3.12/site-packages/psycopg/cursor_async.py", line 97, in execute',
      '    raise ex.with_traceback(None)',
      `psycopg.errors.DiskFull: could not resize shared memory segment "${seg(i)}" to ${bytes(i)} bytes: No space left on device`,
      `${pyTime(t - 0.02)} INFO [uvicorn.access] 10.0.22.${40 + i} - "POST /v1/reports/${report(i)}/run HTTP/1.1" 500`,
    );
  }
  pgLog.push(`${pgTime(2)} [41990] LOG:  checkpoint starting: time`);
  for (const [k, l] of clientLog.entries()) l.push(`${pyTime(0.8 - k * 0.1)} INFO [uvicorn.access] 10.0.22.7 - "GET /v1/reports/invoice_aging/status?job_id=rj-77${k}0 HTTP/1.1" 200`, `${pyTime(0.3 - k * 0.1)} INFO [uvicorn.access] 10.0.3.11 - "GET /healthz HTTP/1.1" 200`);
  return {
    id: 'heldout92-postgres-shm-parallel-workers',
    class: 'storage',
    truth: 'Asked for the reporting client revenue-reports, whose report runs fail. The cause is its database: revision 2 of the warehouse-pg StatefulSet (3 hours ago) raised max_parallel_workers_per_gather from 2 to 8 (work_mem 64MB). Parallel workers exchange data through POSIX dynamic shared memory in /dev/shm, and the postgres container has no memory-backed emptyDir mounted there, so /dev/shm is the container runtime\'s 64 MB default; the bigger parallel hash joins now fail with "ERROR: could not resize shared memory segment "/PostgreSQL.…" to … bytes: No space left on device" (psycopg DiskFull in the client). The data volume is far from full. Fix: mount an emptyDir with medium Memory at /dev/shm (or lower max_parallel_workers_per_gather back).',
    ask: { service: 'revenue-reports', namespace: ns },
    objects: [
      ...nodes, ...db.objects, ...client.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'warehouse-pg', selector: { app: 'warehouse-pg' }, ports: [{ name: 'postgres', port: 5432, targetPort: 'postgres' }], pods: db.pods, endpointPort: 5432 }),
      ...boundClaim({ namespace: ns, name: 'data-warehouse-pg-0', storage: '500Gi', zone: 'eu-west-1b', createdAgo: 140 * DAYS }),
      ...exposed({ namespace: ns, name: 'revenue-reports', selector: { app: 'revenue-reports' }, pods: client.pods, endpointPort: 8000 }),
      scheduled(dbPod, revisedAgo - 0.5),
      ...restartedAgain(dbPod, 'postgres', pgImage, { count: 1, firstAgo: revisedAgo - 0.48, lastAgo: revisedAgo - 0.48 }),
      event({ on: { kind: 'StatefulSet', name: 'warehouse-pg', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod warehouse-pg-0 in StatefulSet warehouse-pg successful', firstAgo: revisedAgo - 0.1, lastAgo: revisedAgo - 0.1, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'warehouse-pg', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod warehouse-pg-0 in StatefulSet warehouse-pg successful', firstAgo: revisedAgo - 0.5, lastAgo: revisedAgo - 0.5, component: 'statefulset-controller' }),
    ],
    logs: [
      logsFor(dbPod, 'postgres', { current: lines(...pgLog) }),
      ...client.pods.map((p, k) => logsFor(p, 'app', { current: lines(...(clientLog[k] ?? [])) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/shared memory|\/dev\/shm|\bshm\b/i],
      facts: [/max_parallel_workers_per_gather/, /warehouse-pg/, /64 ?M|No space left on device/i],
      never: [VOLUME_FULL, /\bOOM/, /fx-rates-loader/],
    },
  };
}

// ---- 5. HAProxy <NOSRV>: the backend moved its health endpoint -----------------------------------------

function haproxyHealthEndpointMoved(): CorpusScenario {
  const ns = 'quoting';
  const { nodes, names } = threeEksNodes('10.0.176', ['12', '130', '245']);
  const hapImage = 'docker.io/library/haproxy:3.0.5-alpine';
  const gw = deploymentApp({
    namespace: ns,
    name: 'quote-gateway',
    replicas: 2,
    revisions: [{
      revision: 9, createdAgo: 34 * DAYS, changeCause: 'helm upgrade quote-gateway 1.4.0',
      template: {
        containers: [container({
          name: 'haproxy', image: hapImage, ports: [{ name: 'http', containerPort: 8080 }, { name: 'stats', containerPort: 8404 }], cpu: '200m', memory: '128Mi',
          readiness: httpProbe('/stats', 'stats'), liveness: tcpProbe('http', { initialDelaySeconds: 5 }),
          volumeMounts: [{ name: 'config', mountPath: '/usr/local/etc/haproxy', readOnly: true }],
        })],
        volumes: [{ name: 'config', configMap: { name: 'quote-gateway-haproxy' } }],
      },
    }],
    pods: [0, 1].map((k) => ({ revision: 9, node: names[k] ?? '', createdAgo: 34 * DAYS - k })),
  });
  const cfg = configMap({
    namespace: ns, name: 'quote-gateway-haproxy', createdAgo: 34 * DAYS,
    data: {
      'haproxy.cfg': [
        'global', '  log stdout format raw local0', '  maxconn 4096', '',
        'defaults', '  mode http', '  log global', '  option httplog', '  timeout connect 5s', '  timeout client 30s', '  timeout server 30s', '',
        'resolvers kubedns', '  nameserver dns1 172.20.0.10:53', '  hold valid 10s', '',
        'frontend stats', '  bind :8404', '  stats enable', '  stats uri /stats', '',
        'frontend fe_http', '  bind :8080', '  default_backend be_quote', '',
        'backend be_quote', '  balance roundrobin', '  option httpchk GET /healthz', '  http-check expect status 200',
        '  server-template srv 3 quote-api-headless.quoting.svc.cluster.local:8080 resolvers kubedns init-addr none check inter 2s fall 3 rise 2', '',
      ].join('\n'),
    },
  });
  const apiImage = (v: string) => `${ECR}/quoting/quote-api:${v}`;
  const apiTpl = (v: string, ready: string, live: string) => ({
    containers: [container({ image: apiImage(v), ports: [8080], cpu: '300m', memory: '384Mi', readiness: httpProbe(ready, 8080), liveness: httpProbe(live, 8080, { initialDelaySeconds: 10 }) })],
  });
  const rolledAgo = 23;
  const api = deploymentApp({
    namespace: ns,
    name: 'quote-api',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 10 * DAYS, changeCause: 'argocd: quote-api 6.3.1', template: apiTpl('6.3.1', '/healthz', '/healthz') },
      { revision: 19, createdAgo: rolledAgo, changeCause: 'argocd: quote-api 6.4.0', template: apiTpl('6.4.0', '/health/ready', '/health/live') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: rolledAgo - 0.4 - k * 0.6 })),
    settled: { available: true, availableSince: rolledAgo - 2, progressingSince: rolledAgo, progressingUpdatedAgo: rolledAgo - 2 },
  });
  const gwPods = gw.pods;
  const down = rolledAgo - 2.2;
  const hapLog = (k: number) => {
    const out: string[] = [
      `${k === 0 ? '10.0.41.9' : '10.0.12.77'}:${51_200 + k} [${hapTime(rolledAgo + 6)}] fe_http be_quote/srv${k + 1} 0/0/1/14/15 200 1184 - - ---- 9/9/0/0/0 0/0 "GET /v1/quotes/AUTO-88412 HTTP/1.1"`,
    ];
    for (let s = 1; s <= 3; s++) {
      const left = 3 - s;
      out.push(`[WARNING]  (8) : Server be_quote/srv${s} is DOWN, reason: Layer7 wrong status, code: 404, info: "Not Found", check duration: ${1 + s}ms. ${left} active and 0 backup servers left. ${s - 1 + k} sessions active, 0 requeued, 0 remaining in queue.`);
    }
    out.push(`[ALERT]    (8) : backend 'be_quote' has no server available!`);
    for (let i = 0; i < 16; i++) {
      const t = down - 1 - i * 1.2 - k * 0.03;
      const path = ['/v1/quotes/AUTO-' + (88_500 + i), '/v1/quotes', '/v1/quotes/HOME-' + (12_040 + i)][i % 3];
      const method = i % 3 === 1 ? 'POST' : 'GET';
      out.push(`10.0.${41 + (i % 3)}.${9 + i}:${52_000 + i * 13} [${hapTime(t)}] fe_http be_quote/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- ${12 + i}/${12 + i}/0/0/0 0/0 "${method} ${path} HTTP/1.1"`);
    }
    return lines(...out);
  };
  const apiLog = (k: number) => {
    const out: string[] = [
      `{"time":"${at(rolledAgo - 0.6 - k * 0.6)}","level":"INFO","msg":"quote-api starting","version":"6.4.0","addr":":8080","health":{"ready":"/health/ready","live":"/health/live"}}`,
    ];
    for (let i = 0; i < 12; i++) {
      const t = 18 - i * 1.5 - k * 0.05;
      out.push(`{"time":"${at(t)}","level":"INFO","msg":"request","method":"GET","path":"/healthz","status":404,"remote":"${gwPods[i % 2]?.status?.podIP ?? ''}","dur_ms":0}`);
      if (i % 4 === 0) out.push(`{"time":"${at(t - 0.02)}","level":"INFO","msg":"request","method":"GET","path":"/health/ready","status":200,"remote":"${'10.0.' + (10 + k) + '.1'}","dur_ms":1}`);
    }
    return lines(...out);
  };
  const other = bystander(ns, 'rating-engine', names, 2 * HOURS, { revisions: [61, 62], versions: ['9.1.0', '9.1.1'], olderAgo: 12 * DAYS });
  return {
    id: 'heldout92-haproxy-nosrv-health-endpoint-moved',
    class: 'network',
    truth: 'quote-gateway (HAProxy, in-cluster) answers 503 to every quote request since 21 minutes ago: its access log shows be_quote/<NOSRV> with termination flags SC--. Its backend be_quote checks quote-api with "option httpchk GET /healthz", and quote-api revision 19 (6.4.0, 23 minutes ago) moved its health endpoints to /health/ready and /health/live (its own Kubernetes probes were updated, so its pods are ready and serve fine). /healthz now returns 404, HAProxy marked srv1–srv3 DOWN ("Layer7 wrong status, code: 404") and the backend has no server available. Fix: point the httpchk at /health/ready in the quote-gateway-haproxy ConfigMap (or restore /healthz in quote-api).',
    ask: { service: 'quote-gateway', namespace: ns },
    objects: [
      ...nodes, ...gw.objects, ...api.objects, ...other.objects, cfg,
      ...exposed({ namespace: ns, name: 'quote-gateway', selector: { app: 'quote-gateway' }, pods: gw.pods, type: 'LoadBalancer' }),
      ...exposed({ namespace: ns, name: 'quote-api', selector: { app: 'quote-api' }, pods: api.pods, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] }),
      ...exposed({ namespace: ns, name: 'quote-api-headless', selector: { app: 'quote-api' }, pods: api.pods, headless: true, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] }),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 19), 1, 0, rolledAgo),
      scaledReplicaSet(deploymentOf(api), rsOf(api, 18), 0, 1, rolledAgo - 2),
      event({ on: { kind: 'Service', name: 'quote-gateway', namespace: ns }, type: 'Normal', reason: 'EnsuredLoadBalancer', message: 'Ensured load balancer', firstAgo: 34 * DAYS, lastAgo: 34 * DAYS, component: 'service-controller' }),
    ],
    logs: [
      ...gwPods.map((p, k) => logsFor(p, 'haproxy', { current: hapLog(k) })),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/health|\/healthz|404|Layer7|httpchk|NOSRV|no server/i, /quote-api|be_quote|revision 19|6\.4\.0|\/healthz/i],
      facts: [/NOSRV|no server available|is DOWN/i, lit('/healthz'), /404/],
      never: [/\bOOM/, /quote-api[^\n]{0,30}(crash ?loop|pods? (are|is) not ready)/i, /rating-engine/],
    },
  };
}

// ---- 6. etcd space quota: NOSPACE, auto-compaction off ----------------------------------------------

function etcdSpaceQuota(): CorpusScenario {
  const ns = 'flags';
  const { nodes, names } = threeEksNodes('10.0.200', ['6', '117', '239']);
  const etcdImage = 'quay.io/coreos/etcd:v3.5.16';
  const peers = [0, 1, 2].map((i) => `flags-etcd-${i}=http://flags-etcd-${i}.flags-etcd-headless.flags.svc.cluster.local:2380`).join(',');
  const etcd = statefulSetApp({
    namespace: ns,
    name: 'flags-etcd',
    replicas: 3,
    serviceName: 'flags-etcd-headless',
    podManagementPolicy: 'Parallel',
    revisions: [{
      revision: 3, createdAgo: 210 * DAYS, template: {
        containers: [container({
          name: 'etcd', image: etcdImage, command: ['/usr/local/bin/etcd'],
          args: [
            '--name=$(POD_NAME)', '--data-dir=/var/run/etcd/default.etcd',
            '--listen-client-urls=http://0.0.0.0:2379', '--advertise-client-urls=http://$(POD_NAME).flags-etcd-headless.flags.svc.cluster.local:2379',
            '--listen-peer-urls=http://0.0.0.0:2380', '--initial-advertise-peer-urls=http://$(POD_NAME).flags-etcd-headless.flags.svc.cluster.local:2380',
            `--initial-cluster=${peers}`, '--initial-cluster-state=new', '--quota-backend-bytes=2147483648', '--auto-compaction-retention=0', '--snapshot-count=10000',
          ],
          env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
          ports: [{ name: 'client', containerPort: 2379 }, { name: 'peer', containerPort: 2380 }], cpu: '500m', memory: '2Gi',
          readiness: tcpProbe('client', { periodSeconds: 10 }),
          liveness: tcpProbe('client', { initialDelaySeconds: 15, timeoutSeconds: 5 }),
          volumeMounts: [{ name: 'data', mountPath: '/var/run/etcd' }],
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }],
    pods: [0, 1, 2].map((i) => ({ revision: 3, ordinal: i, node: names[i] ?? '', createdAgo: 47 * DAYS - i })),
    createdAgo: 210 * DAYS,
  });
  const apiImage = `${ECR}/flags/flag-service:2.19.0`;
  const app = deploymentApp({
    namespace: ns,
    name: 'flag-service',
    replicas: 3,
    revisions: [
      { revision: 41, createdAgo: 16 * DAYS, changeCause: 'argocd: flag-service 2.18.3', template: { containers: [container({ image: `${ECR}/flags/flag-service:2.18.3`, ports: [8080] })] } },
      { revision: 42, createdAgo: 8 * DAYS, changeCause: 'argocd: flag-service 2.19.0', template: { containers: [container({ image: apiImage, ports: [8080], env: [{ name: 'ETCD_ENDPOINTS', value: 'flags-etcd-0.flags-etcd-headless.flags.svc.cluster.local:2379,flags-etcd-1.flags-etcd-headless.flags.svc.cluster.local:2379,flags-etcd-2.flags-etcd-headless.flags.svc.cluster.local:2379' }, { name: 'FLAG_HISTORY_KEEP', value: 'all' }] })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 42, node: names[k] ?? '', createdAgo: 8 * DAYS - k })),
    settled: { available: true, availableSince: 8 * DAYS - 3, progressingSince: 8 * DAYS, progressingUpdatedAgo: 8 * DAYS - 3 },
  });
  const other = bystander(ns, 'flags-admin-ui', names, 90, { revisions: [14, 15], versions: ['1.6.0', '1.7.0'], olderAgo: 21 * DAYS });
  const alarmAgo = 38;
  const ids = ['8e9e05c52164694d', '2c3b1f0a9d8e7f61', 'b71d4e0c3a2f5968'];
  const etcdLog = (i: number) => lines(
    `{"level":"info","ts":"${at(47 * DAYS - i - 0.3)}","caller":"etcdserver/quota.go:94","msg":"enabled backend quota","quota-name":"v3-applier","quota-size-bytes":2147483648,"quota-size":"2.1 GB"}`,
    `{"level":"info","ts":"${at(47 * DAYS - i - 0.2)}","caller":"embed/serve.go:187","msg":"serving client traffic insecurely; this is strongly discouraged!","address":"[::]:2379"}`,
    `{"level":"info","ts":"${at(alarmAgo + 4)}","caller":"etcdserver/server.go:1432","msg":"triggering snapshot","local-member-id":"${ids[i]}","local-member-applied-index":48210033,"local-member-snapshot-index":48200032,"local-member-snapshot-count":10000}`,
    `{"level":"warn","ts":"${at(alarmAgo)}","caller":"etcdserver/server.go:2098","msg":"alarm raised","alarm":"NOSPACE","from":"${ids[0]}"}`,
  );
  const spaceErr = 'etcdserver: mvcc: database space exceeded';
  const appLog = (k: number) => {
    const out: string[] = [];
    for (let i = 0; i < 14; i++) {
      const t = alarmAgo - 0.5 - i * 2.5 - k * 0.04;
      const flag = ['checkout.new-payment-sheet', 'search.semantic-ranking', 'mobile.dark-mode-default', 'pricing.eu-vat-rounding'][i % 4];
      out.push(`{"level":"error","ts":"${at(t)}","caller":"store/etcd.go:121","msg":"put flag failed","flag":"${flag}","error":"${spaceErr}"}`);
      out.push(`{"level":"info","ts":"${at(t - 0.01)}","caller":"httpapi/log.go:29","msg":"request","method":"PUT","path":"/v1/flags/${flag}","status":503,"duration_ms":6}`);
      out.push(`{"level":"info","ts":"${at(t - 0.3)}","caller":"httpapi/log.go:29","msg":"request","method":"GET","path":"/v1/flags/evaluate","status":200,"duration_ms":2}`);
    }
    return lines(...out);
  };
  return {
    id: 'heldout92-etcd-nospace-no-compaction',
    class: 'storage',
    truth: 'flags-etcd (the in-cluster etcd the flag-service stores feature flags and their full history in) hit its 2 GiB backend quota (--quota-backend-bytes=2147483648) 38 minutes ago: compaction was never configured (--auto-compaction-retention=0) and nobody ran defrag, so every revision ever written is kept. etcd raised the NOSPACE alarm and now refuses every write with "etcdserver: mvcc: database space exceeded": flag updates return 503 while reads still work. No deploy is involved (flag-service revision 42 is eight days old; the data volume is 20Gi and far from full). Fix: compact to the current revision, defragment each member, disarm the alarm, and enable auto-compaction.',
    ask: { service: 'flag-service', namespace: ns },
    objects: [
      ...nodes, ...etcd.objects, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'flags-etcd-headless', selector: { app: 'flags-etcd' }, headless: true, ports: [{ name: 'client', port: 2379, targetPort: 'client' }, { name: 'peer', port: 2380, targetPort: 'peer' }], pods: etcd.pods, endpointPort: 2379 }),
      ...exposed({ namespace: ns, name: 'flags-etcd', selector: { app: 'flags-etcd' }, pods: etcd.pods, ports: [{ name: 'client', port: 2379, targetPort: 'client' }], endpointPort: 2379 }),
      ...exposed({ namespace: ns, name: 'flag-service', selector: { app: 'flag-service' }, pods: app.pods }),
      ...[0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-flags-etcd-${i}`, storage: '20Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 210 * DAYS })),
      event({ on: podOf(other, 1), reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.0.31.8:8080/ready": dial tcp 10.0.31.8:8080: connect: connection refused', count: 2, firstAgo: 89, lastAgo: 88.7, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      ...etcd.pods.map((p, i) => logsFor(p, 'etcd', { current: etcdLog(i) })),
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: appLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/database space exceeded|NOSPACE|space quota|quota-backend-bytes|backend quota|etcd[^\n]*(quota|space|full)/i],
      facts: [/flags-etcd/, /compact|defrag/i, /2147483648|2 ?Gi?B|2\.1 ?GB|quota/i],
      never: [ADVISES_ROLLBACK, VOLUME_FULL, /\bOOM/, /flags-admin-ui/],
    },
  };
}

// ---- control: Elasticsearch's "security features are not enabled" warning ----------------------------

function elasticsearchSecurityWarningHealthy(): CorpusScenario {
  const ns = 'search-dev';
  const { nodes, names } = threeEksNodes('10.0.232', ['17', '88', '190']);
  const esImage = 'docker.elastic.co/elasticsearch/elasticsearch:7.17.25';
  const es = statefulSetApp({
    namespace: ns,
    name: 'catalog-es',
    replicas: 1,
    serviceName: 'catalog-es',
    revisions: [{
      revision: 2, createdAgo: 75 * DAYS, template: {
        containers: [container({
          name: 'elasticsearch', image: esImage, ports: [{ name: 'http', containerPort: 9200 }, { name: 'transport', containerPort: 9300 }], cpu: '1', memory: '4Gi',
          env: [{ name: 'discovery.type', value: 'single-node' }, { name: 'ES_JAVA_OPTS', value: '-Xms2g -Xmx2g' }, { name: 'cluster.name', value: 'catalog-dev' }],
          readiness: httpProbe('/_cluster/health?local=true', 9200), liveness: tcpProbe('transport', { initialDelaySeconds: 60 }),
          volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
        })],
      },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi' }],
    pods: [{ revision: 2, ordinal: 0, node: names[2] ?? '', createdAgo: 18 * DAYS }],
  });
  const image = `${ECR}/search/catalog-indexer:0.31.0`;
  const app = deploymentApp({
    namespace: ns,
    name: 'catalog-indexer',
    replicas: 2,
    revisions: [
      { revision: 30, createdAgo: 9 * DAYS, changeCause: 'argocd: catalog-indexer 0.30.2', template: { containers: [container({ image: `${ECR}/search/catalog-indexer:0.30.2`, ports: [8000] })] } },
      { revision: 31, createdAgo: 2 * DAYS, changeCause: 'argocd: catalog-indexer 0.31.0', template: { containers: [container({ image, ports: [8000], env: [{ name: 'ES_URL', value: 'http://catalog-es.search-dev.svc.cluster.local:9200' }, { name: 'BATCH_SIZE', value: '500' }], readiness: httpProbe('/healthz', 8000), liveness: httpProbe('/healthz', 8000, { initialDelaySeconds: 10 }) })] } },
    ],
    pods: [0, 1].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 2 * DAYS - k })),
  });
  const warn = (t: number) => [
    `/usr/local/lib/python3.12/site-packages/elasticsearch/_sync/client/_base.py:399: ElasticsearchWarning: Elasticsearch built-in security features are not enabled. Without authentication, your cluster could be accessible to anyone. See https://www.elastic.co/guide/en/elasticsearch/reference/7.17/security-minimal-setup.html to enable security.`,
    '  return self.perform_request(  # type: ignore[return-value]',
    `${pyTime(t)} INFO [indexer.bulk] bulk batch indexed index=catalog-products-v12 docs=500 errors=0 took_ms=${220 + Math.round(t * 7) % 90}`,
  ];
  const indexerLog = (k: number) => {
    const out: string[] = [`${pyTime(2 * DAYS - k - 0.4)} INFO [indexer.main] catalog-indexer 0.31.0 starting, es=http://catalog-es.search-dev.svc.cluster.local:9200 batch_size=500`];
    for (let i = 0; i < 14; i++) {
      const t = 28 - i * 2 - k * 0.3;
      out.push(`${pyTime(t + 0.02)} INFO [indexer.feed] pulled 500 changes from products feed cursor=${88_120_000 + i * 500 + k}`, ...warn(t));
    }
    out.push(`${pyTime(0.4)} INFO [uvicorn.access] 10.0.3.11 - "GET /healthz HTTP/1.1" 200`);
    return lines(...out);
  };
  const esPod = podOf(es, 0);
  return {
    id: 'heldout92-healthy-es-security-not-enabled-warning',
    class: 'healthy',
    truth: 'Healthy. catalog-indexer (revision 31, two days old) indexes product changes into the dev Elasticsearch catalog-es, which by design runs single-node without X-Pack security. The Python client emits "ElasticsearchWarning: Elasticsearch built-in security features are not enabled. Without authentication, your cluster could be accessible to anyone." on every bulk batch; it is the server\'s deprecation-style header, not an error: every batch is indexed with errors=0, both pods are ready, no restarts, no warnings events.',
    ask: { service: 'catalog-indexer', namespace: ns },
    objects: [
      ...nodes, ...es.objects, ...app.objects,
      ...exposed({ namespace: ns, name: 'catalog-indexer', selector: { app: 'catalog-indexer' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 'http' }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'catalog-es', selector: { app: 'catalog-es' }, pods: es.pods, ports: [{ name: 'http', port: 9200, targetPort: 'http' }, { name: 'transport', port: 9300, targetPort: 'transport' }], endpointPort: 9200 }),
      ...boundClaim({ namespace: ns, name: 'data-catalog-es-0', storage: '50Gi', zone: 'eu-west-1c', createdAgo: 75 * DAYS }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 31), 2, 0, 2 * DAYS),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 30), 0, 2, 2 * DAYS - 2),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: indexerLog(k) })),
      logsFor(esPod, 'elasticsearch', { current: lines(
        `{"type": "server", "timestamp": "${at(18 * DAYS - 0.5)}", "level": "INFO", "component": "o.e.n.Node", "cluster.name": "catalog-dev", "node.name": "catalog-es-0", "message": "started" }`,
        `{"type": "server", "timestamp": "${at(18 * DAYS - 0.5)}", "level": "WARN", "component": "o.e.x.s.s.SecurityStatusChangeListener", "cluster.name": "catalog-dev", "node.name": "catalog-es-0", "message": "Active license is now [BASIC]; Security is disabled" }`,
        `{"type": "server", "timestamp": "${at(3)}", "level": "INFO", "component": "o.e.c.m.MetadataMappingService", "cluster.name": "catalog-dev", "node.name": "catalog-es-0", "message": "[catalog-products-v12/Jm2xQ8bURk6cVb3eYw1LhA] update_mapping [_doc]" }`,
      ) }),
    ],
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problem|issue|failure)s?|serving|running|ready|nothing/i],
      facts: [/catalog-indexer/],
      never: [/\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  mysqlMaxUserConnections(),
  sheetsReadQuota(),
  unsupportedClassVersion(),
  postgresShmParallelWorkers(),
  haproxyHealthEndpointMoved(),
  etcdSpaceQuota(),
  elasticsearchSecurityWarningHealthy(),
];
