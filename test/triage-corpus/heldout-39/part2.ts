// Held-out stories, thirty-ninth round, part two: a Spring Boot StatefulSet whose readiness group
// includes diskSpace, pulled out of its Service when a partner's bulk export filled the spool
// volumes below the 512MB threshold; a Redis StatefulSet whose `redis-cli ping` liveness probe
// kills it while it reloads an 11 GB RDB after an image bump restarted it; an OpenTelemetry
// Collector still exporting traces to the Tempo Service a migration deleted (name resolver error,
// queue full, spans dropped); an API whose MySQL writes hit "Lock wait timeout exceeded" behind a
// nightly settlement CronJob holding one long transaction; a MongoDB-backed API whose finds hit
// MaxTimeMSExpired after a DBA's cleanup Job dropped the index they used (COLLSCAN); a Node.js
// service on glibc losing DNS answers to the conntrack race of parallel A/AAAA queries (exact
// 5-second lookups against a 2.5 s client timeout); and a healthy control: a Spring Boot API
// whose HikariCP pool logs stale-connection and clock-leap warnings while serving normally.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, boundClaim, configMap, container, coreDns, cronJob,
  deploymentApp, epochMs, event, execProbe, exposed, httpProbe, job, jobEvent, kubeProxy, nameOf, probeFailed, probeKilling,
  pulledFresh, pyTime, rsOf, running, scaledReplicaSet, scheduled, statefulSetApp, terminated, volumeOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, bystander, ipOfPod, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): KubeJson => app.objects[0] ?? {};
const statefulSetOf = (app: Built): KubeJson => app.objects[0] ?? {};
const ROLLBACK_ONLY = /roll(ing)? ?back to|undo the rollout|rollout undo/i;

/** Spring Boot 3's console line: `2026-11-21T03:12:41.563Z  WARN 1 --- [app] [nio-8080-exec-3] o.s.b.a.s.DiskSpace… : msg`. */
function spring(t: number, level: 'INFO' | 'WARN' | 'ERROR', app: string, thread: string, logger: string, msg: string): string {
  const th = thread.length > 15 ? thread.slice(thread.length - 15) : thread.padStart(15);
  return `${at(t)} ${level.padStart(5)} 1 --- [${app}] [${th}] ${logger.slice(0, 40).padEnd(40)} : ${msg}`;
}

/** Redis' log time: `21 Nov 2026 03:12:41.563`. */
function redisTime(minutes: number): string {
  const d = ago(minutes);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** mongod's structured log time: `{"$date":"2026-11-21T03:12:41.563+00:00"}`. */
const mongoDate = (minutes: number): string => `{"$date":"${at(minutes).replace('Z', '+00:00')}"}`;

/** Sets when the pod's Ready and ContainersReady conditions last changed. */
function unreadySince(p: k8s.V1Pod, minutesAgo: number): void {
  for (const c of p.status?.conditions ?? []) if (c.type === 'Ready' || c.type === 'ContainersReady') c.lastTransitionTime = ago(minutesAgo);
}

/** Gives every pod and pod template of a built Deployment the same spec.dnsConfig. */
function withDnsConfig(app: Built, dnsConfig: k8s.V1PodDNSConfig): void {
  for (const o of app.objects) {
    if (o.kind === 'Pod') {
      const p = o as k8s.V1Pod;
      if (p.spec) p.spec = { ...p.spec, dnsConfig };
    } else if (o.kind === 'Deployment' || o.kind === 'ReplicaSet') {
      const t = (o as k8s.V1Deployment).spec?.template;
      if (t?.spec) t.spec = { ...t.spec, dnsConfig };
    }
  }
}

// ---- 1. Spring Boot readiness group with diskSpace: a bulk export filled the spool volumes ----------

function springDiskSpaceReadiness(): CorpusScenario {
  const ns = 'statements';
  const { nodes, names } = threeEksNodes('10.0.92', ['14', '140', '203']);
  const image = (v: string) => `${ECR}/statements/statement-export:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '1', memory: '2Gi',
      env: [
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
        { name: 'SPRING_CONFIG_ADDITIONAL_LOCATION', value: 'file:/workspace/config/' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 }),
      volumeMounts: [{ name: 'spool', mountPath: '/var/spool/export' }, { name: 'config', mountPath: '/workspace/config', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'statement-export-config', defaultMode: 420 } }],
    securityContext: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
  });
  const sts = statefulSetApp({
    namespace: ns,
    name: 'statement-export',
    replicas: 2,
    serviceName: 'statement-export-headless',
    podManagementPolicy: 'Parallel',
    volumeClaimTemplates: [{ name: 'spool', storage: '10Gi', storageClass: 'gp3' }],
    revisions: [
      { revision: 5, createdAgo: 23 * DAYS, template: tpl('5.8.1') },
      { revision: 6, createdAgo: 2 * DAYS + 40, template: tpl('5.8.2') },
    ],
    pods: [0, 1].map((ordinal) => ({
      revision: 6, ordinal, node: names[ordinal] ?? '', createdAgo: 2 * DAYS + 38 - ordinal,
      containers: { app: running({ sinceAgo: 2 * DAYS + 37.8 - ordinal, ready: false }) },
    })),
  });
  const [p0, p1] = [podOf(sts, 0), podOf(sts, 1)];
  unreadySince(p0, 27.5);
  unreadySince(p1, 25.6);
  const claims = [0, 1].flatMap((i) => boundClaim({ namespace: ns, name: `spool-statement-export-${i}`, storage: '10Gi', zone: `eu-west-1${'ab'[i] ?? 'a'}`, createdAgo: 23 * DAYS, labels: { app: 'statement-export' } }));
  const config = configMap({
    namespace: ns,
    name: 'statement-export-config',
    createdAgo: 23 * DAYS,
    data: {
      'application.yaml': [
        'spring:',
        '  application:',
        '    name: statement-export',
        '  datasource:',
        '    url: jdbc:postgresql://statements-db.cluster-cq1x8fz2kd7e.eu-west-1.rds.amazonaws.com:5432/statements',
        '    hikari:',
        '      maximum-pool-size: 12',
        'export:',
        '  spool-dir: /var/spool/export',
        '  retention: PT72H',
        '  bulk:',
        '    max-statements-per-request: 500000',
        '    render-threads: 6',
        'management:',
        '  endpoint:',
        '    health:',
        '      probes:',
        '        enabled: true',
        '      group:',
        '        readiness:',
        '          include: readinessState,db,diskSpace',
        '        liveness:',
        '          include: livenessState',
        '  health:',
        '    diskspace:',
        '      enabled: true',
        '      path: /var/spool/export',
        '      threshold: 512MB',
        '',
      ].join('\n'),
    },
  });
  const web = bystander(ns, 'statement-portal', names, 35, { revisions: [18, 19], versions: ['3.2.0', '3.2.1'], olderAgo: 12 * DAYS });
  const app = 'statement-export';
  const health = 'o.s.b.a.system.DiskSpaceHealthIndicator';
  const total = 10_398_695_424; // the 10Gi ext4 volume's size as the JVM sees it (9.68 GiB)
  const gib = (bytes: number) => (bytes / 1024 ** 3).toFixed(2);
  const podLog = (ordinal: number) => {
    const start = 2 * DAYS + 37.7 - ordinal;
    const share = ordinal === 0 ? 206_403 : 206_403;
    const done = ordinal === 0 ? 28.3 : 26.4;
    const crossed = ordinal === 0 ? 27.9 : 26.0;
    // Spool usage while rendering: from 2.4 GiB when the bulk export began to ~9.19 GiB when it finished.
    const usedAt = (t: number) => 2.4 + (71 - t) * ((9.19 - 2.4) / (71 - done));
    const out: string[] = [
      spring(start, 'INFO', app, 'main', 'c.a.s.export.StatementExportApplication', 'Starting StatementExportApplication v5.8.2 using Java 21.0.5 with PID 1 (/workspace/BOOT-INF/classes started by 1000 in /workspace)'),
      spring(start - 0.001, 'INFO', app, 'main', 'c.a.s.export.StatementExportApplication', 'The following 1 profile is active: "prod"'),
      spring(start - 0.08, 'INFO', app, 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
      spring(start - 0.12, 'INFO', app, 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
      spring(start - 0.13, 'INFO', app, 'main', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@5b0e8f3a'),
      spring(start - 0.13, 'INFO', app, 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
      spring(start - 0.2, 'INFO', app, 'main', 'c.a.s.export.spool.SpoolDirectory', 'Spool directory /var/spool/export ready: 7.31 GiB free of 9.68 GiB'),
      spring(start - 0.21, 'INFO', app, 'main', 'o.s.b.a.e.web.EndpointLinksResolver', "Exposing 4 endpoints beneath base path '/actuator'"),
      spring(start - 0.22, 'INFO', app, 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      spring(start - 0.22, 'INFO', app, 'main', 'c.a.s.export.StatementExportApplication', 'Started StatementExportApplication in 13.884 seconds (process running for 14.702)'),
      spring(180.5, 'INFO', app, 'scheduling-1', 'c.a.s.export.spool.SpoolSweeper', `Spool sweeper: removed ${1180 + ordinal * 37} expired exports (retention PT72H); spool usage 2.41 GiB of 9.68 GiB`),
      spring(120.5, 'INFO', app, 'scheduling-1', 'c.a.s.export.spool.SpoolSweeper', `Spool sweeper: removed ${212 + ordinal * 11} expired exports (retention PT72H); spool usage 2.40 GiB of 9.68 GiB`),
      spring(90 - ordinal, 'INFO', app, `nio-8080-exec-${4 + ordinal}`, 'c.a.s.export.api.ExportController', `GET /v2/exports/ex-${9112 + ordinal}a/download 200 (1.2 MiB) client=fin-portal`),
    ];
    if (ordinal === 0) {
      out.push(spring(71.2, 'INFO', app, 'nio-8080-exec-2', 'c.a.s.export.bulk.BulkExportService', 'Bulk export bx-7f3a21 accepted: 412806 statements (2026-01..2026-10), format=PDF, delivery=pull, requested by client acme-accounting; split across 2 instances'));
    }
    out.push(spring(71.1 - ordinal * 0.02, 'INFO', app, 'bulk-render-1', 'c.a.s.export.bulk.BulkExportWorker', `Bulk export bx-7f3a21: rendering ${share} statements on this instance (6 threads) into /var/spool/export/bulk/bx-7f3a21`));
    out.push(spring(60.5, 'INFO', app, 'scheduling-1', 'c.a.s.export.spool.SpoolSweeper', `Spool sweeper: removed 0 expired exports (retention PT72H; bulk exports are kept until downloaded); spool usage ${usedAt(60.5).toFixed(2)} GiB of 9.68 GiB`));
    for (const t of [60, 50, 40, 30]) {
      const n = Math.round(share * (71 - t) / (71 - done));
      out.push(spring(t - ordinal * 0.3, 'INFO', app, 'bulk-render-3', 'c.a.s.export.bulk.BulkExportWorker', `Bulk export bx-7f3a21: ${n}/${share} rendered, spool usage ${usedAt(t).toFixed(2)} GiB of 9.68 GiB`));
    }
    out.push(spring(done, 'INFO', app, 'bulk-render-3', 'c.a.s.export.bulk.BulkExportWorker', `Bulk export bx-7f3a21: ${share}/${share} rendered (${(9.19 - 2.4).toFixed(2)} GiB); packaging and awaiting download by acme-accounting (expires in PT72H)`));
    out.push(spring(done - 0.3, 'INFO', app, 'bulk-render-3', 'c.a.s.export.bulk.BulkExportWorker', 'Bulk export bx-7f3a21: wrote manifest and 42 archive parts to /var/spool/export/bulk/bx-7f3a21'));
    // Every readiness probe (each 10 s) runs the readiness group; diskSpace logs its WARN each time.
    for (let t = crossed, i = 0; t >= 0.05; t -= 10 / 60, i++) {
      const avail = Math.round(536_310_000 - (crossed - t) * (ordinal === 0 ? 1_130_000 : 1_270_000)) - ordinal * 3_071;
      out.push(spring(t, 'WARN', app, `nio-8080-exec-${(i % 9) + 1}`, health, `Free disk space below threshold. Available: ${avail} bytes (threshold: 536870912B)`));
      if (i % 30 === 7) out.push(spring(t - 0.01, 'INFO', app, 'scheduling-1', 'c.a.s.export.spool.SpoolSweeper', `Spool sweeper: removed 0 expired exports (retention PT72H; bulk exports are kept until downloaded); spool usage ${gib(total - avail)} GiB of 9.68 GiB`));
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout39-spring-diskspace-readiness-spool-full',
    class: 'storage',
    truth: 'statement-export (Spring Boot, StatefulSet of 2) puts management.health.diskspace (path /var/spool/export, threshold 512MB) into its actuator readiness group (readinessState,db,diskSpace). At 02:03 a partner (acme-accounting) requested bulk export bx-7f3a21 of 412,806 PDF statements; each pod has been rendering its half into its own 10Gi spool claim (spool-statement-export-0/-1), and bulk exports are kept until downloaded, so the sweeper frees nothing. About 27 minutes ago free space on both spool volumes fell below 512MB: DiskSpaceHealthIndicator logs "Free disk space below threshold", /actuator/health/readiness answers 503, both pods are Running (no restarts, liveness fine) but unready, and the Service has no ready endpoints — a full outage of the export API caused by a disk check, with the volumes still filling. The revision 6 rollout two days ago and statement-portal\'s rollout are innocent. Fix: expand the spool claims (gp3 allows expansion) or move/deliver the bulk files to free space, cap bulk exports per spool, and take diskSpace out of the readiness group (alert on it instead) so a full spool no longer pulls every pod out of the Service; restarting the pods does not free the persistent volumes.',
    ask: { service: 'statement-export', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claims, config, ...web.objects,
      ...exposed({ namespace: ns, name: 'statement-export', selector: { app: 'statement-export' }, pods: sts.pods }),
      ...exposed({ namespace: ns, name: 'statement-export-headless', selector: { app: 'statement-export' }, pods: sts.pods, headless: true }),
      ...exposed({ namespace: ns, name: 'statement-portal', selector: { app: 'statement-portal' }, pods: web.pods }),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 19), 2, 0, 35),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 18), 0, 2, 33.5),
      probeFailed(p0, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 167, firstAgo: 27.9, lastAgo: 0.1 }),
      probeFailed(p1, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 156, firstAgo: 26.0, lastAgo: 0.05 }),
    ],
    logs: [logsFor(p0, 'app', { current: podLog(0) }), logsFor(p1, 'app', { current: podLog(1) })],
    expect: {
      verdict: 'problems',
      headline: [/disk ?space|free (disk )?space|(spool|volume|disk|PVC|claim)[^\n]*(full|low|filling|threshold)|threshold/i, /readiness|unready|not ready|503|no (ready )?endpoints/i],
      facts: [/Free disk space below threshold|diskSpace/i, /spool-statement-export|\/var\/spool\/export/, /512 ?MB|536870912/, /bx-7f3a21|bulk export|acme-accounting/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /(database|postgres|\bdb\b)[^\n]*(down|unreachable|fail)/i, /statement-portal/, /liveness/i],
    },
  };
}

// ---- 2. Redis killed by its ping liveness probe while loading an 11 GB RDB --------------------------

function redisLivenessKillsWhileLoading(): CorpusScenario {
  const ns = 'sessions';
  const { nodes, names } = threeEksNodes('10.0.118', ['9', '166', '230']);
  const image = (v: string) => `docker.io/library/redis:${v}`;
  const ping = ['sh', '-c', 'res=$(redis-cli -h 127.0.0.1 -p 6379 ping); [ "$res" = "PONG" ] || { echo "$res"; exit 1; }'];
  const tpl = (v: string) => ({
    containers: [container({
      name: 'redis', image: image(v), command: ['redis-server', '/etc/redis/redis.conf'],
      ports: [{ name: 'redis', containerPort: 6379 }], cpu: '1', memory: '14Gi',
      liveness: execProbe(ping, { initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 }),
      readiness: execProbe(ping, { initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 1 }),
      volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'config', mountPath: '/etc/redis', readOnly: true }],
    })],
    volumes: [{ name: 'config', configMap: { name: 'redis-sessions-config', defaultMode: 420 } }],
    terminationGracePeriodSeconds: 120,
    securityContext: { runAsUser: 999, runAsGroup: 999, fsGroup: 999 },
  });
  const restarts = 12;
  const sts = statefulSetApp({
    namespace: ns,
    name: 'redis-sessions',
    replicas: 1,
    serviceName: 'redis-sessions-headless',
    volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClass: 'gp3' }],
    createdAgo: 140 * DAYS,
    revisions: [
      { revision: 1, createdAgo: 140 * DAYS, template: tpl('7.2.4') },
      { revision: 2, createdAgo: 58.6, template: tpl('7.2.5') },
    ],
    pods: [{
      revision: 2, ordinal: 0, node: names[1] ?? '', createdAgo: 58.4,
      containers: { redis: running({ sinceAgo: 0.6, ready: false, restarts, last: { exitCode: 0, reason: 'Completed', finishedAgo: 5.6, ranSeconds: 51 } }) },
    }],
  });
  const redisPod = podOf(sts, 0);
  unreadySince(redisPod, 58.3);
  const claim = boundClaim({ namespace: ns, name: 'data-redis-sessions-0', storage: '50Gi', zone: 'eu-west-1b', createdAgo: 140 * DAYS, labels: { app: 'redis-sessions' } });
  const config = configMap({
    namespace: ns,
    name: 'redis-sessions-config',
    createdAgo: 140 * DAYS,
    data: { 'redis.conf': ['bind 0.0.0.0', 'port 6379', 'protected-mode no', 'dir /data', 'maxmemory 12gb', 'maxmemory-policy volatile-lru', 'save 3600 1 300 100 60 10000', 'appendonly no', 'tcp-keepalive 60', ''].join('\n') },
  });
  // The clients: session-api addresses the pod by its stable name, through the headless Service.
  const apiImage = `${ECR}/sessions/session-api:1.31.0`;
  const api = deploymentApp({
    namespace: ns,
    name: 'session-api',
    replicas: 3,
    revisions: [{
      revision: 44, createdAgo: 9 * DAYS, changeCause: 'argocd: session-api 1.31.0',
      template: { containers: [container({ image: apiImage, ports: [8080], memory: '256Mi', env: [{ name: 'REDIS_ADDR', value: 'redis-sessions-0.redis-sessions-headless.sessions.svc.cluster.local:6379' }, { name: 'SESSION_FALLBACK', value: 'reauth' }], readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }) })] },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 44, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
  });
  const fp = 'spec.containers{redis}';
  const loading = 'LOADING Redis is loading the dataset in memory';
  const saveAgo = 58.5;
  const boot = (start: number, ran?: number) => {
    const out = [
      `1:C ${redisTime(start)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
      `1:C ${redisTime(start - 0.0001)} * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started`,
      `1:C ${redisTime(start - 0.0001)} * Configuration loaded`,
      `1:M ${redisTime(start - 0.0002)} * monotonic clock: POSIX clock_gettime`,
      `1:M ${redisTime(start - 0.0003)} * Running mode=standalone, port=6379.`,
      `1:M ${redisTime(start - 0.0003)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
      `1:M ${redisTime(start - 0.0004)} * Server initialized`,
      `1:M ${redisTime(start - 0.0005)} * Loading RDB produced by version 7.2.4`,
      `1:M ${redisTime(start - 0.0005)} * RDB age ${Math.round((saveAgo - start) * 60)} seconds`,
      `1:M ${redisTime(start - 0.0005)} * RDB memory usage when created 10843.21 Mb`,
    ];
    if (ran !== undefined) {
      const end = start - ran / 60;
      out.push(
        `1:signal-handler (${Math.floor(epochMs(end) / 1000)}) Received SIGTERM scheduling shutdown...`,
        `1:M ${redisTime(end - 0.002)} # User requested shutdown...`,
        `1:M ${redisTime(end - 0.003)} # Redis is now ready to exit, bye bye...`,
      );
    }
    return out.join('\n') + '\n';
  };
  const redisIp = ipOfPod(redisPod);
  const apiLog = (k: number) => {
    const out: string[] = [
      `{"time":"${at(9 * DAYS - k - 0.2)}","level":"INFO","msg":"session-api starting","version":"1.31.0","redis":"redis-sessions-0.redis-sessions-headless.sessions.svc.cluster.local:6379"}`,
      `{"time":"${at(70 - k)}","level":"INFO","msg":"request","method":"GET","path":"/v1/session","status":200,"dur_ms":2}`,
    ];
    for (let i = 0; i < 14; i++) {
      const t = 57.5 - i * 4.1 - k * 0.3;
      out.push(i % 3 === 1
        ? `{"time":"${at(t)}","level":"ERROR","msg":"session lookup failed","err":"dial tcp ${redisIp}:6379: connect: connection refused","fallback":"reauth"}`
        : `{"time":"${at(t)}","level":"ERROR","msg":"session lookup failed","err":"${loading}","fallback":"reauth"}`);
      if (i % 4 === 0) out.push(`{"time":"${at(t - 0.02)}","level":"WARN","msg":"request","method":"GET","path":"/v1/session","status":401,"dur_ms":1,"reason":"session store unavailable, forcing re-login"}`);
    }
    out.push(`{"time":"${at(0.2)}","level":"ERROR","msg":"session lookup failed","err":"${loading}","fallback":"reauth"}`);
    return out.join('\n') + '\n';
  };
  const ctl = { kind: 'StatefulSet', metadata: (statefulSetOf(sts).metadata ?? {}) };
  return {
    id: 'heldout39-redis-liveness-kills-while-loading-rdb',
    class: 'probes',
    truth: 'redis-sessions is a single Redis 7.2 (StatefulSet, one pod) holding ~10.8 GB of sessions, persisted as an RDB on its 50Gi claim. Its liveness probe is a hand-written `redis-cli ping` that fails unless the answer is PONG, with initialDelaySeconds 30 and 3 failures × 10 s. 58 minutes ago the StatefulSet was updated (revision 2: image redis:7.2.4 → 7.2.5, template otherwise unchanged), which deleted and re-created redis-sessions-0 — that is what first restarted it; the old pod saved its final RDB on SIGTERM. Loading that RDB takes about two minutes, during which Redis answers every command, including PING, with "LOADING Redis is loading the dataset in memory"; so ~50 s into every start the probe fails three times, the kubelet kills the container (Redis shuts down cleanly during loading, exit 0), it restarts and starts loading again — 12 restarts, never ready, session-api falling back to forcing re-logins. Neither the 7.2.5 image nor memory is at fault, and rolling back would restart it into the same loop. Fix: make the liveness probe tolerate LOADING (or add a startupProbe whose budget covers the load, e.g. failureThreshold 30 × 10 s), after which the pod finishes loading once.',
    ask: { service: 'redis-sessions', namespace: ns },
    objects: [
      ...nodes, ...sts.objects, ...claim, config, ...api.objects,
      ...exposed({ namespace: ns, name: 'redis-sessions-headless', selector: { app: 'redis-sessions' }, pods: sts.pods, headless: true, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'redis-sessions', selector: { app: 'redis-sessions' }, pods: sts.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      ...exposed({ namespace: ns, name: 'session-api', selector: { app: 'session-api' }, pods: api.pods }),
      event({ on: ctl, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod redis-sessions-0 in StatefulSet redis-sessions successful', firstAgo: 58.6, lastAgo: 58.6, component: 'statefulset-controller' }),
      event({ on: ctl, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Claim data-redis-sessions-0 Pod redis-sessions-0 in StatefulSet redis-sessions success', firstAgo: 58.4, lastAgo: 58.4, component: 'statefulset-controller' }),
      event({ on: ctl, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod redis-sessions-0 in StatefulSet redis-sessions successful', firstAgo: 58.4, lastAgo: 58.4, component: 'statefulset-controller' }),
      ...pulledFresh(redisPod, 'redis', image('7.2.5'), { atAgo: 58.4, bytes: 45_922_104, seconds: 2.871 }),
      event({ on: redisPod, type: 'Normal', reason: 'Pulled', message: `Container image "${image('7.2.5')}" already present on machine`, count: restarts, firstAgo: 56.6, lastAgo: 0.6, fieldPath: fp }),
      event({ on: redisPod, type: 'Normal', reason: 'Created', message: 'Created container redis', count: restarts + 1, firstAgo: 58.3, lastAgo: 0.6, fieldPath: fp }),
      event({ on: redisPod, type: 'Normal', reason: 'Started', message: 'Started container redis', count: restarts + 1, firstAgo: 58.3, lastAgo: 0.6, fieldPath: fp }),
      probeFailed(redisPod, 'redis', 'Liveness', loading, { count: restarts * 3 + 1, firstAgo: 57.8, lastAgo: 0.1 }),
      probeFailed(redisPod, 'redis', 'Readiness', loading, { count: restarts * 5 + 3, firstAgo: 58.2, lastAgo: 0.2 }),
      probeKilling(redisPod, 'redis', 'liveness', { count: restarts, firstAgo: 57.5, lastAgo: 5.6 }),
      backOff(redisPod, 'redis', { count: 47, firstAgo: 57.4, lastAgo: 0.7 }),
    ],
    logs: [
      logsFor(redisPod, 'redis', { current: boot(0.6), previous: boot(6.45, 51) }),
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/liveness/i, /load(ing)?\b|dataset|\bRDB\b|startup/i],
      facts: [/LOADING|loading the dataset/i, /liveness/i, /7\.2\.5|revision 2|StatefulSet (was )?updat|rollout|re-?created/i],
      never: [ROLLBACK_ONLY, /\bOOM/, /out of memory/i, /exit(ed)? (with )?code (137|1)\b/i, /session-api/, /image[^\n]*(broken|bad|faulty|regression)/i],
    },
  };
}

// ---- 3. OpenTelemetry Collector exporting to the Tempo Service a migration deleted ------------------

function otelCollectorDeletedTempoService(): CorpusScenario {
  const ns = 'observability';
  const { nodes, names } = threeEksNodes('10.0.140', ['22', '131', '245']);
  const image = 'docker.io/otel/opentelemetry-collector-contrib:0.98.0';
  const collector = deploymentApp({
    namespace: ns,
    name: 'otel-collector',
    replicas: 2,
    revisions: [
      { revision: 13, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'otel-collector', image: 'docker.io/otel/opentelemetry-collector-contrib:0.95.0' })] } },
      {
        revision: 14,
        createdAgo: 12 * DAYS,
        changeCause: 'argocd: otel-collector 0.98.0',
        template: {
          containers: [container({
            name: 'otel-collector', image, args: ['--config=/conf/collector.yaml'], cpu: '500m', memory: '2Gi',
            ports: [{ name: 'otlp-grpc', containerPort: 4317 }, { name: 'otlp-http', containerPort: 4318 }, { name: 'metrics', containerPort: 8888 }, { name: 'health', containerPort: 13133 }],
            env: [{ name: 'GOMEMLIMIT', value: '1600MiB' }, { name: 'K8S_NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
            readiness: httpProbe('/', 13133), liveness: httpProbe('/', 13133, { initialDelaySeconds: 10 }),
            volumeMounts: [{ name: 'conf', mountPath: '/conf', readOnly: true }],
          })],
          volumes: [{ name: 'conf', configMap: { name: 'otel-collector-conf', defaultMode: 420 } }],
          serviceAccountName: 'otel-collector',
        },
      },
    ],
    pods: [0, 1].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 12 * DAYS - k })),
    settled: { available: true, availableSince: 12 * DAYS - 2, progressingSince: 12 * DAYS, progressingUpdatedAgo: 12 * DAYS - 2 },
  });
  const conf = configMap({
    namespace: ns,
    name: 'otel-collector-conf',
    createdAgo: 40 * DAYS,
    data: {
      'collector.yaml': [
        'receivers:',
        '  otlp:',
        '    protocols:',
        '      grpc:',
        '        endpoint: 0.0.0.0:4317',
        '      http:',
        '        endpoint: 0.0.0.0:4318',
        'processors:',
        '  memory_limiter:',
        '    check_interval: 1s',
        '    limit_percentage: 80',
        '    spike_limit_percentage: 20',
        '  k8sattributes: {}',
        '  batch:',
        '    send_batch_size: 1024',
        '    timeout: 5s',
        'exporters:',
        '  otlp/tempo:',
        '    endpoint: tempo.tracing.svc.cluster.local:4317',
        '    tls:',
        '      insecure: true',
        '    sending_queue:',
        '      enabled: true',
        '      num_consumers: 10',
        '      queue_size: 5000',
        '    retry_on_failure:',
        '      enabled: true',
        '      initial_interval: 5s',
        '      max_interval: 30s',
        '      max_elapsed_time: 300s',
        '  prometheusremotewrite/mimir:',
        '    endpoint: http://mimir-distributor.mimir.svc.cluster.local:8080/api/v1/push',
        'extensions:',
        '  health_check:',
        '    endpoint: 0.0.0.0:13133',
        'service:',
        '  extensions: [health_check]',
        '  pipelines:',
        '    traces:',
        '      receivers: [otlp]',
        '      processors: [memory_limiter, k8sattributes, batch]',
        '      exporters: [otlp/tempo]',
        '    metrics:',
        '      receivers: [otlp]',
        '      processors: [memory_limiter, batch]',
        '      exporters: [prometheusremotewrite/mimir]',
        '',
      ].join('\n'),
    },
  });
  // The tracing namespace after the migration to the tempo-distributed chart, 3h10m ago: the
  // distributor is its own Service now; the single-binary `tempo` Service went with the old release.
  const tns = 'tracing';
  const tempoImage = 'docker.io/grafana/tempo:2.6.1';
  const tempoConf = { name: 'tempo-conf', configMap: { name: 'tempo-config', defaultMode: 420 } };
  const distributor = deploymentApp({
    namespace: tns,
    name: 'tempo-distributor',
    replicas: 3,
    selector: { 'app.kubernetes.io/name': 'tempo', 'app.kubernetes.io/component': 'distributor' },
    createdAgo: 190,
    revisions: [{
      revision: 1, createdAgo: 190, changeCause: 'helm: tempo-distributed 1.21.1',
      template: { containers: [container({ name: 'distributor', image: tempoImage, args: ['-target=distributor', '-config.file=/conf/tempo.yaml'], ports: [{ name: 'http-metrics', containerPort: 3100 }, { name: 'otlp-grpc', containerPort: 4317 }, { name: 'otlp-http', containerPort: 4318 }], memory: '1Gi', readiness: httpProbe('/ready', 'http-metrics', { initialDelaySeconds: 30 }), liveness: null, volumeMounts: [{ name: 'tempo-conf', mountPath: '/conf' }] })], volumes: [tempoConf] },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 1, node: names[k] ?? '', createdAgo: 189.5 })),
  });
  const ingester = statefulSetApp({
    namespace: tns,
    name: 'tempo-ingester',
    replicas: 3,
    selector: { 'app.kubernetes.io/name': 'tempo', 'app.kubernetes.io/component': 'ingester' },
    createdAgo: 190,
    podManagementPolicy: 'Parallel',
    revisions: [{ revision: 1, createdAgo: 190, template: { containers: [container({ name: 'ingester', image: tempoImage, args: ['-target=ingester', '-config.file=/conf/tempo.yaml'], ports: [{ name: 'http-metrics', containerPort: 3100 }, { name: 'grpc', containerPort: 9095 }], memory: '4Gi', readiness: httpProbe('/ready', 'http-metrics', { initialDelaySeconds: 30 }), liveness: null, volumeMounts: [{ name: 'tempo-conf', mountPath: '/conf' }, { name: 'data', mountPath: '/var/tempo' }] })], volumes: [tempoConf] } }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }],
    pods: [0, 1, 2].map((ordinal) => ({ revision: 1, ordinal, node: names[ordinal] ?? '', createdAgo: 189.5 })),
  });
  const ingesterClaims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: tns, name: `data-tempo-ingester-${i}`, storage: '20Gi', zone: `eu-west-1${'abc'[i] ?? 'a'}`, createdAgo: 190 }));
  const tempoConfig = configMap({ namespace: tns, name: 'tempo-config', createdAgo: 190, data: { 'tempo.yaml': 'multitenancy_enabled: false\ndistributor:\n  receivers:\n    otlp:\n      protocols:\n        grpc:\n          endpoint: 0.0.0.0:4317\n        http:\n          endpoint: 0.0.0.0:4318\ningester:\n  max_block_duration: 5m\nstorage:\n  trace:\n    backend: s3\n    s3:\n      bucket: acme-prod-tempo-traces\n      endpoint: s3.eu-west-1.amazonaws.com\n' } });
  const distSel = { 'app.kubernetes.io/name': 'tempo', 'app.kubernetes.io/component': 'distributor' };
  const ingSel = { 'app.kubernetes.io/name': 'tempo', 'app.kubernetes.io/component': 'ingester' };

  const ts = (t: number) => at(t);
  const kv = (o: Record<string, string | number>) => `{${Object.entries(o).map(([k, v]) => `"${k}": ${typeof v === 'number' ? v : JSON.stringify(v)}`).join(', ')}}`;
  const exp = { kind: 'exporter', data_type: 'traces', name: 'otlp/tempo' };
  const unavailable = 'rpc error: code = Unavailable desc = name resolver error: produced zero addresses';
  const collectorLog = (k: number) => {
    const s = 12 * DAYS - k - 0.4;
    const out: string[] = [
      `${ts(s)}\tinfo\tservice@v0.98.0/telemetry.go:55\tSetting up own telemetry...`,
      `${ts(s)}\tinfo\tservice@v0.98.0/service.go:143\tStarting otelcol-contrib...\t${kv({ Version: '0.98.0', NumCPU: 4 })}`,
      `${ts(s)}\tinfo\textensions/extensions.go:34\tStarting extensions...`,
      `${ts(s)}\tinfo\textensions/extensions.go:37\tExtension is starting...\t${kv({ kind: 'extension', name: 'health_check' })}`,
      `${ts(s)}\tinfo\thealthcheckextension@v0.98.0/healthcheckextension.go:35\tStarting health_check extension\t${kv({ kind: 'extension', name: 'health_check' })}`,
      `${ts(s - 0.001)}\tinfo\tk8sattributesprocessor@v0.98.0/processor.go:101\tstarted k8s informers\t${kv({ kind: 'processor', name: 'k8sattributes', pipeline: 'traces' })}`,
      `${ts(s - 0.002)}\tinfo\totlpreceiver@v0.98.0/otlp.go:102\tStarting GRPC server\t${kv({ kind: 'receiver', name: 'otlp', data_type: 'traces', endpoint: '0.0.0.0:4317' })}`,
      `${ts(s - 0.002)}\tinfo\totlpreceiver@v0.98.0/otlp.go:152\tStarting HTTP server\t${kv({ kind: 'receiver', name: 'otlp', data_type: 'traces', endpoint: '0.0.0.0:4318' })}`,
      `${ts(s - 0.002)}\tinfo\thealthcheck/handler.go:132\tHealth Check state change\t${kv({ kind: 'extension', name: 'health_check', status: 'ready' })}`,
      `${ts(s - 0.002)}\tinfo\tservice@v0.98.0/service.go:169\tEverything is ready. Begin running and processing data.`,
      `${ts(2 * DAYS + 311)}\tinfo\tmemorylimiter/memorylimiter.go:222\tMemory usage is above soft limit. Forcing a GC.\t${kv({ kind: 'processor', name: 'memory_limiter', pipeline: 'traces', cur_mem_mib: 1312 })}`,
      `${ts(2 * DAYS + 310.9)}\tinfo\tmemorylimiter/memorylimiter.go:192\tMemory usage after GC.\t${kv({ kind: 'processor', name: 'memory_limiter', pipeline: 'traces', cur_mem_mib: 604 })}`,
      `${ts(188.4 - k * 0.05)}\tinfo\tzapgrpc/zapgrpc.go:176\t[core] [Channel #1] Channel Connectivity change to TRANSIENT_FAILURE\t${kv({ grpc_log: 'true' })}`,
    ];
    out.push(`${ts(188.3 - k * 0.05)}\tinfo\texporterhelper/retry_sender.go:118\tExporting failed. Will retry the request after interval.\t${kv({ ...exp, error: unavailable, interval: '5.52330144s' })}`);
    out.push(`${ts(188.2 - k * 0.05)}\tinfo\texporterhelper/retry_sender.go:118\tExporting failed. Will retry the request after interval.\t${kv({ ...exp, error: unavailable, interval: '4.12071533s' })}`);
    out.push(`${ts(183.3 - k * 0.05)}\terror\texporterhelper/queue_sender.go:101\tExporting failed. Dropping data.\t${kv({ ...exp, error: `no more retries left: ${unavailable}`, dropped_items: 1024 })}`);
    out.push(`${ts(171.8 - k * 0.1)}\terror\texporterhelper/queue_sender.go:192\tDropping data because sending queue is full. Try increasing queue_size.\t${kv({ ...exp, dropped_items: 1024 })}`);
    out.push(`${ts(171.8 - k * 0.1)}\twarn\tbatchprocessor@v0.98.0/batch_processor.go:263\tSender failed\t${kv({ kind: 'processor', name: 'batch', pipeline: 'traces', error: 'sending queue is full' })}`);
    for (let i = 0; i < 40; i++) {
      const t = 6 - i * 0.15 - k * 0.02;
      if (i % 4 === 0) out.push(`${ts(t)}\tinfo\texporterhelper/retry_sender.go:118\tExporting failed. Will retry the request after interval.\t${kv({ ...exp, error: unavailable, interval: `${(18 + (i % 7) * 1.7).toFixed(8)}s` })}`);
      if (i % 6 === 3) out.push(`${ts(t - 0.01)}\terror\texporterhelper/queue_sender.go:101\tExporting failed. Dropping data.\t${kv({ ...exp, error: `no more retries left: ${unavailable}`, dropped_items: 1024 - (i % 5) * 37 })}`);
      out.push(`${ts(t - 0.02)}\terror\texporterhelper/queue_sender.go:192\tDropping data because sending queue is full. Try increasing queue_size.\t${kv({ ...exp, dropped_items: 1024 - (i % 3) * 211 })}`);
      if (i % 10 === 5) out.push(`${ts(t - 0.03)}\twarn\tbatchprocessor@v0.98.0/batch_processor.go:263\tSender failed\t${kv({ kind: 'processor', name: 'batch', pipeline: 'traces', error: 'sending queue is full' })}`);
    }
    return out.join('\n') + '\n';
  };
  const distLog = (p: k8s.V1Pod) => lines(
    `level=info ts=${at(189.4)} caller=main.go:225 msg="initialising OpenTracing tracer"`,
    `level=info ts=${at(189.4)} caller=main.go:118 msg="Starting Tempo" version="(version=2.6.1, branch=HEAD, revision=8e2a7d5a)"`,
    `level=info ts=${at(189.3)} caller=server.go:248 msg="server listening on addresses" http=[::]:3100 grpc=[::]:9095`,
    `level=info ts=${at(189.3)} caller=module_service.go:82 msg=starting module=distributor`,
    `level=info ts=${at(189.2)} caller=app.go:208 msg="Tempo started"`,
    `level=info ts=${at(0.8)} caller=distributor.go:412 msg="pushed spans" spans_received_1m=${1200 + (nameOf(p).charCodeAt(nameOf(p).length - 1) % 50)} tenant=single-tenant`,
  );
  return {
    id: 'heldout39-otel-collector-exports-to-deleted-tempo-service',
    class: 'network',
    truth: 'The tracing team migrated Tempo from the single-binary chart to tempo-distributed 3h10m ago and uninstalled the old release, which deleted the Service tempo.tracing; traces are now received by the Service tempo-distributor (otlp-grpc 4317). The OpenTelemetry Collector in observability was not changed: its ConfigMap otel-collector-conf still exports traces with otlp/tempo to tempo.tracing.svc.cluster.local:4317, a name that no longer resolves. Since then every export fails with "rpc error: code = Unavailable desc = name resolver error: produced zero addresses"; as Unavailable is retryable, batches sit in retry for up to 300 s, the 5000-batch sending queue filled within minutes, and the collector drops spans ("Dropping data because sending queue is full", "no more retries left … Dropping data") — a total trace outage, while metrics to Mimir still flow and the collector pods stay Running and ready. Fix: point otlp/tempo at tempo-distributor.tracing.svc.cluster.local:4317 (or recreate a `tempo` alias Service); raising queue_size or rolling back the collector would not help.',
    ask: { service: 'otel-collector', namespace: ns },
    objects: [
      ...nodes, ...collector.objects, conf,
      ...exposed({ namespace: ns, name: 'otel-collector', selector: { app: 'otel-collector' }, pods: collector.pods, ports: [{ name: 'otlp-grpc', port: 4317, targetPort: 4317 }, { name: 'otlp-http', port: 4318, targetPort: 4318 }], endpointPort: 4317 }),
      ...distributor.objects, ...ingester.objects, ...ingesterClaims, tempoConfig,
      ...exposed({ namespace: tns, name: 'tempo-distributor', selector: distSel, pods: distributor.pods, createdAgo: 190, ports: [{ name: 'otlp-grpc', port: 4317, targetPort: 'otlp-grpc' }, { name: 'otlp-http', port: 4318, targetPort: 'otlp-http' }, { name: 'http-metrics', port: 3100, targetPort: 'http-metrics' }], endpointPort: 4317 }),
      ...exposed({ namespace: tns, name: 'tempo-ingester', selector: ingSel, pods: ingester.pods, createdAgo: 190, ports: [{ name: 'grpc', port: 9095, targetPort: 'grpc' }], endpointPort: 9095 }),
    ],
    logs: [
      ...collector.pods.map((p, k) => logsFor(p, 'otel-collector', { current: collectorLog(k) })),
      ...distributor.pods.map((p) => logsFor(p, 'distributor', { current: distLog(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/tempo/i, /resol|\bDNS\b|no such host|zero addresses|does(n't| not) exist|no longer|not found|missing|renamed|deleted|removed|wrong (endpoint|host|service|address)/i],
      facts: [lit('tempo.tracing.svc.cluster.local:4317'), /sending queue is full|dropp(ed|ing) (data|spans)/i, /tempo-distributor/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /crash ?loop/i, /memory[_ ]limit/i, /network ?polic/i, /(increase|raise|bump) (the )?(sending[_ ]queue|queue[_ ]size)/i],
    },
  };
}

// ---- 4. MySQL lock wait timeouts behind a CronJob's single long transaction --------------------------

function mysqlLockWaitBehindCronJob(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeEksNodes('10.0.57', ['33', '148', '212']);
  const dbUrl = 'mysql+pymysql://orders_app@orders-db.cluster-c9kq2x7vd1ab.eu-west-1.rds.amazonaws.com:3306/orders';
  const apiImage = `${ECR}/fulfilment/orders-api:7.3.0`;
  const api = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 26, createdAgo: 23 * DAYS, changeCause: 'argocd: orders-api 7.2.4', template: { containers: [container({ image: `${ECR}/fulfilment/orders-api:7.2.4` })] } },
      {
        revision: 27, createdAgo: 9 * DAYS, changeCause: 'argocd: orders-api 7.3.0',
        template: { containers: [container({ image: apiImage, ports: [8000], cpu: '500m', memory: '512Mi', env: [{ name: 'DATABASE_URL', value: dbUrl }, { name: 'DB_POOL_SIZE', value: '10' }, { name: 'WEB_CONCURRENCY', value: '4' }], readiness: httpProbe('/health/ready', 8000, { timeoutSeconds: 2 }), liveness: httpProbe('/health/live', 8000, { initialDelaySeconds: 10 }) })] },
      },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 27, node: names[k] ?? '', createdAgo: 9 * DAYS - k })),
    settled: { available: true, availableSince: 9 * DAYS - 3, progressingSince: 9 * DAYS, progressingUpdatedAgo: 9 * DAYS - 3 },
  });
  const web = bystander(ns, 'orders-web', names, 40, { revisions: [61, 62], versions: ['5.19.0', '5.20.0'], olderAgo: 6 * DAYS });
  const batchImage = `${ECR}/fulfilment/settlement-batch:3.4.1`;
  const cron = cronJob({
    namespace: ns,
    name: 'settlement-batch',
    schedule: '0 2 * * *',
    createdAgo: 210 * DAYS,
    lastSuccessfulAgo: DAYS + 74 - 12,
    template: {
      containers: [batchContainer({
        name: 'settlement-batch', image: batchImage, cpu: '500m', memory: '1Gi',
        args: ['python', '-m', 'settlement.run', '--run-date=yesterday'],
        env: [{ name: 'DATABASE_URL', value: 'mysql+pymysql://settlement@orders-db.cluster-c9kq2x7vd1ab.eu-west-1.rds.amazonaws.com:3306/orders' }, { name: 'BATCH_COMMIT_SIZE', value: '0' }, { name: 'FEE_API_URL', value: 'https://fees.payments.internal/v2/fees/batch' }],
      })],
    },
    jobs: [
      ...[3, 2, 1].map((d) => ({ createdAgo: d * DAYS + 74, outcome: { complete: true as const, ago: d * DAYS + 74 - (11 + d) }, pods: [{ node: names[d % 3] ?? '', phase: 'Succeeded' as const, createdAgo: d * DAYS + 74, containers: { 'settlement-batch': terminated({ exitCode: 0, finishedAgo: d * DAYS + 74 - (11 + d), ranSeconds: (11 + d) * 60 - 8 }) } }] })),
      { createdAgo: 74, pods: [{ node: names[2] ?? '', createdAgo: 74, containers: { 'settlement-batch': running({ sinceAgo: 73.95 }) } }] },
    ],
  });
  const tonight = cron.jobs[3];
  const jobPod = tonight?.pods[0];
  if (tonight === undefined || jobPod === undefined) throw new Error('settlement-batch: no current job');
  const jobName = nameOf(tonight.objects[0]);

  const sqlTrace = (t: number, id: number, status: string) => [
    `${pyTime(t)} ERROR [orders_api.handlers] PATCH /v1/orders/ORD-${id}/status failed after 50.0${(id % 9) + 1}s`,
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 1967, in _exec_single_context',
    '    self.dialect.do_execute(',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/default.py", line 924, in do_execute',
    '    cursor.execute(statement, parameters)',
    '  File "/usr/local/lib/python3.12/site-packages/pymysql/cursors.py", line 153, in execute',
    '    result = self._query(query)',
    '  File "/usr/local/lib/python3.12/site-packages/pymysql/cursors.py", line 322, in _query',
    '    conn.query(q)',
    '  File "/usr/local/lib/python3.12/site-packages/pymysql/connections.py", line 563, in query',
    '    self._affected_rows = self._read_query_result(unbuffered=unbuffered)',
    '  File "/usr/local/lib/python3.12/site-packages/pymysql/err.py", line 150, in raise_mysql_exception',
    '    raise errorclass(errno, errval)',
    "pymysql.err.OperationalError: (1205, 'Lock wait timeout exceeded; try restarting transaction')",
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'Traceback (most recent call last):',
    '  File "/app/orders_api/handlers/orders.py", line 214, in update_status',
    '    await session.execute(stmt)',
    '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 2355, in _handle_dbapi_exception',
    '    raise sqlalchemy_exception.with_traceback(exc_info[2]) from e',
    "sqlalchemy.exc.OperationalError: (pymysql.err.OperationalError) (1205, 'Lock wait timeout exceeded; try restarting transaction')",
    '[SQL: UPDATE orders SET status=%(status)s, updated_at=%(updated_at)s WHERE orders.id = %(id_1)s]',
    `[parameters: {'status': '${status}', 'updated_at': datetime.datetime(2026, 11, 21, ${ago(t + 50 / 60).getUTCHours()}, ${ago(t + 50 / 60).getUTCMinutes()}, ${ago(t + 50 / 60).getUTCSeconds()}, 412000), 'id_1': ${id}}]`,
    '(Background on this error at: https://sqlalche.me/e/20/e3q8)',
  ];
  const ip = (k: number) => `10.0.${57 + k}.${(k * 37) % 200 + 11}`;
  const apiLog = (k: number) => {
    const out: string[] = [
      `${pyTime(9 * DAYS - k - 0.2)} INFO [uvicorn.error] Started server process [1]`,
      `${pyTime(9 * DAYS - k - 0.2)} INFO [uvicorn.error] Waiting for application startup.`,
      `${pyTime(9 * DAYS - k - 0.21)} INFO [orders_api.db] engine ready: orders-db.cluster-c9kq2x7vd1ab.eu-west-1.rds.amazonaws.com:3306/orders pool_size=10 max_overflow=5`,
      `${pyTime(9 * DAYS - k - 0.21)} INFO [uvicorn.error] Application startup complete.`,
      `${pyTime(9 * DAYS - k - 0.21)} INFO [uvicorn.error] Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)`,
      `INFO:     ${ip(k)}:40112 - "GET /v1/orders/ORD-${2_611_877_014 + k} HTTP/1.1" 200 OK`,
      `INFO:     ${ip(k)}:40118 - "PATCH /v1/orders/ORD-${2_611_877_101 + k}/status HTTP/1.1" 200 OK`,
    ];
    for (let i = 0; i < 16; i++) {
      const t = 73 - i * 4.55 - k * 0.4;
      const id = 2_611_700_000 + ((i * 7919 + k * 104_729) % 90_000);
      const status = i % 2 === 0 ? 'delivered' : 'returned';
      if (i % 5 === 0) out.push(...sqlTrace(t, id, status));
      else out.push(`${pyTime(t)} ERROR [orders_api.handlers] PATCH /v1/orders/ORD-${id}/status failed after 50.0${(i % 9) + 1}s: (pymysql.err.OperationalError) (1205, 'Lock wait timeout exceeded; try restarting transaction')`);
      out.push(`INFO:     ${ip(k)}:${41_000 + i * 13} - "PATCH /v1/orders/ORD-${id}/status HTTP/1.1" 500 Internal Server Error`);
      if (i % 3 === 1) {
        out.push(`${pyTime(t - 0.2)} WARNING [orders_api.webhooks] carrier webhook dhl-express shipment JD01460000${412 + i} -> ORD-${id + 17}: update failed (1205 Lock wait timeout exceeded), carrier will redeliver`);
        out.push(`INFO:     10.0.12.7:${52_000 + i} - "POST /v1/webhooks/carrier/dhl-express HTTP/1.1" 500 Internal Server Error`);
      }
      out.push(`INFO:     ${ip(k)}:${42_000 + i * 7} - "POST /v1/orders HTTP/1.1" 201 Created`);
      out.push(`INFO:     ${ip(k)}:${43_000 + i * 5} - "GET /v1/orders/ORD-${id - 311} HTTP/1.1" 200 OK`);
    }
    return out.join('\n') + '\n';
  };
  const jobLog = lines(
    `${pyTime(73.9)} INFO [settlement] settlement-batch 3.4.1 run_date=2026-11-20 commit_size=0 (commit once at the end)`,
    `${pyTime(73.89)} INFO [settlement] connected to orders-db.cluster-c9kq2x7vd1ab.eu-west-1.rds.amazonaws.com:3306/orders as settlement (autocommit=False, isolation=REPEATABLE-READ)`,
    `${pyTime(73.89)} INFO [settlement] START TRANSACTION`,
    `${pyTime(73.89)} INFO [settlement] SELECT id, carrier, total_cents, currency FROM orders WHERE settled_at IS NULL AND status IN ('shipped','delivered','returned') FOR UPDATE`,
    `${pyTime(73.12)} INFO [settlement] locked 386214 orders in 46.3s; computing carrier fees and commissions (fee api batch size 500)`,
    `${pyTime(64.5)} WARNING [settlement.fees] fee api slow: POST https://fees.payments.internal/v2/fees/batch (500 orders) took 8.91s`,
    `${pyTime(60)} INFO [settlement] progress 41500/386214 (10.7%) elapsed=0:13:55 fee_api_p50=8.2s`,
    `${pyTime(45)} INFO [settlement] progress 96000/386214 (24.9%) elapsed=0:28:55 fee_api_p50=8.4s`,
    `${pyTime(30)} INFO [settlement] progress 150500/386214 (39.0%) elapsed=0:43:55 fee_api_p50=8.1s`,
    `${pyTime(22.3)} WARNING [settlement.fees] fee api slow: POST https://fees.payments.internal/v2/fees/batch (500 orders) took 11.02s`,
    `${pyTime(15)} INFO [settlement] progress 203000/386214 (52.6%) elapsed=0:58:55 fee_api_p50=8.3s`,
    `${pyTime(1)} INFO [settlement] progress 252000/386214 (65.2%) elapsed=1:12:55 fee_api_p50=8.2s eta=0:38:40`,
  );
  const doneLog = (d: number) => lines(
    `${pyTime(d * DAYS + 73.9)} INFO [settlement] settlement-batch 3.4.1 run_date=2026-11-${20 - d} commit_size=0 (commit once at the end)`,
    `${pyTime(d * DAYS + 73.89)} INFO [settlement] START TRANSACTION`,
    `${pyTime(d * DAYS + 73.2)} INFO [settlement] locked ${371_000 + d * 4_117} orders in 41.${d}s; computing carrier fees and commissions (fee api batch size 500)`,
    `${pyTime(d * DAYS + 74 - (11 + d) + 0.05)} INFO [settlement] COMMIT (${371_000 + d * 4_117} orders settled) fee_api_p50=0.9s`,
    `${pyTime(d * DAYS + 74 - (11 + d) + 0.02)} INFO [settlement] done in 0:${String(10 + d).padStart(2, '0')}:5${d}`,
  );
  return {
    id: 'heldout39-mysql-lock-wait-behind-settlement-cronjob',
    class: 'jobs',
    truth: 'Since 02:01, PATCH /v1/orders/{id}/status and carrier webhooks on orders-api fail after ~50 s with MySQL ERROR 1205 "Lock wait timeout exceeded; try restarting transaction" (innodb_lock_wait_timeout 50 s), while reads and new-order inserts succeed. orders-api did not change (revision 27, 9 days old; orders-web\'s rollout 40 minutes ago is unrelated). The cause is the CronJob settlement-batch: its 02:00 Job opened one transaction (BATCH_COMMIT_SIZE=0, commit only at the end) and locked 386,214 unsettled orders with SELECT … FOR UPDATE; it normally commits after 11–14 minutes, but tonight the fee API answers in ~8 s per batch instead of ~1 s, so the Job has held those row locks for 74 minutes and will for ~40 more, and every API update of a shipped/delivered/returned order waits on them and times out. Fix: stop the running settlement Job (its transaction rolls back and the locks are released — expect the rollback itself to take a while) and rerun it later; make the batch commit in chunks (or lock only what it is settling) so it never holds the orders rows for the whole run. No rollback of orders-api and no database scaling is needed.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...web.objects, ...cron.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      ...exposed({ namespace: ns, name: 'orders-web', selector: { app: 'orders-web' }, pods: web.pods }),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 62), 2, 0, 40),
      scaledReplicaSet(deploymentOf(web), rsOf(web, 61), 0, 2, 38.6),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(jobPod, 'settlement-batch', { current: jobLog }),
      ...[3, 2, 1].map((d, i) => logsFor(cron.jobs[i]?.pods[0], 'settlement-batch', { current: doneLog(d) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/lock/i, /settlement-batch/],
      facts: [/Lock wait timeout exceeded|\b1205\b/, lit(jobName), /transaction/i],
      never: [ADVISES_ROLLBACK, /\bOOM/, /orders-web/, /(connection )?pool (is )?(exhaust|saturat)/i, /(database|mysql|rds)[^\n]*(down|unreachable|unavailable)/i],
    },
  };
}

// ---- 5. MongoDB finds time out (MaxTimeMSExpired) after a DBA job dropped their index ----------------

function mongoIndexDroppedCollscan(): CorpusScenario {
  const ns = 'reviews';
  const { nodes, names } = threeEksNodes('10.0.163', ['27', '119', '238']);
  const mongoImage = 'docker.io/library/mongo:7.0.14';
  const mongoUri = 'mongodb://reviews-mongo-0.reviews-mongo:27017,reviews-mongo-1.reviews-mongo:27017,reviews-mongo-2.reviews-mongo:27017/reviews?replicaSet=rs0';
  const api = deploymentApp({
    namespace: ns,
    name: 'reviews-api',
    replicas: 3,
    revisions: [{
      revision: 19, createdAgo: 6 * DAYS, changeCause: 'argocd: reviews-api 3.8.4',
      template: { containers: [container({ image: `${ECR}/reviews/reviews-api:3.8.4`, ports: [3000], memory: '384Mi', env: [{ name: 'MONGODB_URI', value: mongoUri }, { name: 'MONGO_MAX_TIME_MS', value: '2000' }, { name: 'NODE_ENV', value: 'production' }], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/live', 3000, { initialDelaySeconds: 10 }) })] },
    }],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
    settled: { available: true, availableSince: 6 * DAYS - 2, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 2 },
  });
  const mongo = statefulSetApp({
    namespace: ns,
    name: 'reviews-mongo',
    replicas: 3,
    serviceName: 'reviews-mongo',
    createdAgo: 300 * DAYS,
    revisions: [{
      revision: 4, createdAgo: 19 * DAYS,
      template: { containers: [container({ name: 'mongod', image: mongoImage, args: ['--replSet', 'rs0', '--bind_ip_all', '--wiredTigerCacheSizeGB', '6', '--slowms', '200'], ports: [{ name: 'mongodb', containerPort: 27017 }], cpu: '2', memory: '12Gi', readiness: execProbe(['mongosh', '--quiet', '--eval', 'db.adminCommand("ping").ok'], { periodSeconds: 10, timeoutSeconds: 5 }), liveness: execProbe(['mongosh', '--quiet', '--eval', 'db.adminCommand("ping").ok'], { initialDelaySeconds: 30, periodSeconds: 20, timeoutSeconds: 10, failureThreshold: 6 }), volumeMounts: [{ name: 'data', mountPath: '/data/db' }] })] },
    }],
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    pods: [0, 1, 2].map((ordinal) => ({ revision: 4, ordinal, node: names[ordinal] ?? '', createdAgo: 19 * DAYS - ordinal * 3 })),
  });
  const mongoClaims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-reviews-mongo-${i}`, storage: '200Gi', zone: `eu-west-1${'abc'[i] ?? 'a'}`, createdAgo: 300 * DAYS }));
  const script = configMap({
    namespace: ns,
    name: 'index-cleanup-script',
    createdAgo: 40,
    data: {
      'drop-unused-indexes.js': [
        '// DBA-1187: drop indexes with no recorded use ($indexStats) to cut write amplification on reviews.reviews',
        "const KEEP = ['_id_', 'authorId_1_createdAt_-1'];",
        "db.getMongo().setReadPref('secondary');",
        "const coll = db.getSiblingDB('reviews').reviews;",
        'const stats = coll.aggregate([{ $indexStats: {} }]).toArray();',
        "stats.forEach((s) => print(`reviews.reviews ${s.name.padEnd(36)} ops=${s.accesses.ops} since=${s.accesses.since.toISOString()} host=${s.host}`));",
        'const unused = stats.filter((s) => !KEEP.includes(s.name) && Number(s.accesses.ops) === 0).map((s) => s.name);',
        "print(`dropping ${unused.length} unused indexes: ${unused.join(', ')}`);",
        'unused.forEach((name) => printjson(coll.dropIndex(name)));',
        '',
      ].join('\n'),
    },
  });
  const cleanup = job({
    namespace: ns,
    name: 'reviews-index-cleanup-dba-1187',
    createdAgo: 38.6,
    backoffLimit: 0,
    template: {
      containers: [batchContainer({ name: 'mongosh', image: mongoImage, cpu: '100m', memory: '256Mi', command: ['mongosh', '--quiet', mongoUri, '--file', '/scripts/drop-unused-indexes.js'], volumeMounts: [{ name: 'scripts', mountPath: '/scripts', readOnly: true }] })],
      volumes: [{ name: 'scripts', configMap: { name: 'index-cleanup-script', defaultMode: 420 } }],
    },
    outcome: { complete: true, ago: 37.9 },
    pods: [{ node: names[1] ?? '', phase: 'Succeeded', createdAgo: 38.6, containers: { mongosh: terminated({ exitCode: 0, finishedAgo: 37.9, ranSeconds: 38 }) } }],
  });
  const cleanupPod = cleanup.pods[0];
  const moderation = bystander(ns, 'reviews-moderation', names, 50, { revisions: [11, 12], versions: ['1.6.2', '1.7.0'], olderAgo: 20 * DAYS });
  const idx = 'productId_1_status_1_createdAt_-1';
  const primary = podOf(mongo, 0);
  const since = '2026-11-02T08:11:40.512Z';
  const secs = (m: number): number => Math.floor(epochMs(m) / 1000);
  const jobLog = lines(
    `reviews.reviews _id_                                ops=0 since=${since} host=reviews-mongo-2.reviews-mongo:27017`,
    `reviews.reviews authorId_1_createdAt_-1             ops=0 since=${since} host=reviews-mongo-2.reviews-mongo:27017`,
    `reviews.reviews ${idx.padEnd(36)} ops=0 since=${since} host=reviews-mongo-2.reviews-mongo:27017`,
    `reviews.reviews legacy_sku_1                        ops=0 since=${since} host=reviews-mongo-2.reviews-mongo:27017`,
    `dropping 2 unused indexes: ${idx}, legacy_sku_1`,
    `{ nIndexesWas: 4, ok: 1, '$clusterTime': { clusterTime: Timestamp({ t: ${secs(38.05)}, i: 3 }), signature: { hash: Binary.createFromBase64('AAAAAAAAAAAAAAAAAAAAAAAAAAA=', 0), keyId: Long('0') } }, operationTime: Timestamp({ t: ${secs(38.05)}, i: 3 }) }`,
    `{ nIndexesWas: 3, ok: 1, '$clusterTime': { clusterTime: Timestamp({ t: ${secs(38.03)}, i: 1 }), signature: { hash: Binary.createFromBase64('AAAAAAAAAAAAAAAAAAAAAAAAAAA=', 0), keyId: Long('0') } }, operationTime: Timestamp({ t: ${secs(38.03)}, i: 1 }) }`,
  );
  const jobIp = ipOfPod(cleanupPod);
  const apiIps = api.pods.map(ipOfPod);
  const collUuid = '{"uuid":{"$uuid":"6a1f0c2e-93b4-4d2a-b1e7-5c8d0f3a9e41"}}';
  const slow = (t: number, conn: number, remote: string, product: string, docs: number, ms: number) =>
    `{"t":${mongoDate(t)},"s":"I",  "c":"COMMAND",  "id":51803,   "ctx":"conn${conn}","msg":"Slow query","attr":{"type":"command","ns":"reviews.reviews","appName":"reviews-api","command":{"find":"reviews","filter":{"productId":"${product}","status":"published"},"sort":{"createdAt":-1},"limit":20,"maxTimeMS":2000,"lsid":{"id":{"$uuid":"0f6e3b1a-${conn}-4c1d-9a2e-7d3b5e8f1c20"}},"$db":"reviews"},"planSummary":"COLLSCAN","planningTimeMicros":84,"keysExamined":0,"docsExamined":${docs},"hasSortStage":true,"numYields":${Math.round(docs / 1000)},"queryHash":"9C1B4E7A","planCacheKey":"D2F0A815","queryFramework":"classic","ok":0,"errMsg":"Executor error during find command :: caused by :: operation exceeded time limit","errName":"MaxTimeMSExpired","errCode":50,"reslen":238,"locks":{"FeatureCompatibilityVersion":{"acquireCount":{"r":${Math.round(docs / 1000) + 1}}},"Global":{"acquireCount":{"r":${Math.round(docs / 1000) + 1}}}},"readConcern":{"level":"local","provenance":"implicitDefault"},"remote":"${remote}","protocol":"op_msg","durationMillis":${ms}}}`;
  const products = ['P-88213', 'P-10452', 'P-77310', 'P-23018', 'P-55402', 'P-90117', 'P-31876', 'P-64025'];
  const mongoLog = (() => {
    const out: string[] = [
      `{"t":${mongoDate(19 * DAYS - 0.3)},"s":"I",  "c":"REPL",     "id":21358,   "ctx":"ReplCoord-0","msg":"Replica set state transition","attr":{"newState":"PRIMARY","oldState":"SECONDARY"}}`,
      `{"t":${mongoDate(45)},"s":"I",  "c":"WTCHKPT",  "id":22430,   "ctx":"Checkpointer","msg":"WiredTiger message","attr":{"message":{"ts_sec":${Math.floor(epochMs(45) / 1000)},"ts_usec":118233,"thread":"1:0x7f3c2a1fe640","session_name":"WT_SESSION.checkpoint","category":"WT_VERB_CHECKPOINT_PROGRESS","category_id":6,"verbose_level":"DEBUG_1","verbose_level_id":1,"msg":"saving checkpoint snapshot min: 918233, snapshot max: 918233 snapshot count: 0, oldest timestamp: (${secs(50)}, 1) , meta checkpoint timestamp: (${secs(45)}, 1) base write gen: 2291742"}}}`,
      `{"t":${mongoDate(38.4)},"s":"I",  "c":"NETWORK",  "id":22943,   "ctx":"listener","msg":"Connection accepted","attr":{"remote":"${jobIp}:40118","uuid":{"uuid":{"$uuid":"3b9d2c71-5e0a-4f8b-a6c4-19e2d7f0b853"}},"connectionId":48211,"connectionCount":97}}`,
      `{"t":${mongoDate(38.4)},"s":"I",  "c":"NETWORK",  "id":51800,   "ctx":"conn48211","msg":"client metadata","attr":{"remote":"${jobIp}:40118","client":"conn48211","negotiatedCompressors":[],"doc":{"application":{"name":"mongosh 2.3.1"},"driver":{"name":"nodejs|mongosh","version":"6.8.0|2.3.1"},"platform":"Node.js v20.16.0, LE","os":{"name":"linux","architecture":"x64","version":"6.1.112-122.189.amzn2023.x86_64","type":"Linux"}}}}`,
      `{"t":${mongoDate(38.05)},"s":"I",  "c":"COMMAND",  "id":518070,  "ctx":"conn48211","msg":"CMD: dropIndexes","attr":{"namespace":"reviews.reviews","uuid":${collUuid},"indexes":"\\"${idx}\\""}}`,
      `{"t":${mongoDate(38.05)},"s":"I",  "c":"STORAGE",  "id":22206,   "ctx":"conn48211","msg":"Deferring table drop for index","attr":{"index":"${idx}","namespace":"reviews.reviews","uuid":${collUuid},"ident":"index-1183--3391702213671620384","commitTimestamp":{"$timestamp":{"t":${secs(38.05)},"i":3}}}}`,
      `{"t":${mongoDate(38.03)},"s":"I",  "c":"COMMAND",  "id":518070,  "ctx":"conn48211","msg":"CMD: dropIndexes","attr":{"namespace":"reviews.reviews","uuid":${collUuid},"indexes":"\\"legacy_sku_1\\""}}`,
      `{"t":${mongoDate(38.03)},"s":"I",  "c":"STORAGE",  "id":22206,   "ctx":"conn48211","msg":"Deferring table drop for index","attr":{"index":"legacy_sku_1","namespace":"reviews.reviews","uuid":${collUuid},"ident":"index-917--3391702213671620384","commitTimestamp":{"$timestamp":{"t":${secs(38.03)},"i":1}}}}`,
      `{"t":${mongoDate(37.95)},"s":"I",  "c":"NETWORK",  "id":22944,   "ctx":"conn48211","msg":"Connection ended","attr":{"remote":"${jobIp}:40118","uuid":{"uuid":{"$uuid":"3b9d2c71-5e0a-4f8b-a6c4-19e2d7f0b853"}},"connectionId":48211,"connectionCount":96}}`,
    ];
    for (let i = 0; i < 30; i++) {
      const t = 37.8 - i * 1.25;
      const k = i % 3;
      out.push(slow(t, 47_900 + (i % 11) * 17, `${apiIps[k] ?? '10.0.0.1'}:${51_200 + (i % 11) * 3}`, products[i % products.length] ?? 'P-1', 2_310_000 + ((i * 104_729) % 870_000), 2000 + (i % 7)));
      if (i % 9 === 4) out.push(`{"t":${mongoDate(t - 0.3)},"s":"I",  "c":"WTCHKPT",  "id":22430,   "ctx":"Checkpointer","msg":"WiredTiger message","attr":{"message":{"ts_sec":${Math.floor(epochMs(t - 0.3) / 1000)},"ts_usec":4121,"thread":"1:0x7f3c2a1fe640","session_name":"WT_SESSION.checkpoint","category":"WT_VERB_CHECKPOINT_PROGRESS","category_id":6,"verbose_level":"DEBUG_1","verbose_level_id":1,"msg":"saving checkpoint snapshot min: ${918_233 + i * 977}, snapshot max: ${918_233 + i * 977} snapshot count: 0, oldest timestamp: (${secs(t + 4.7)}, 1) , meta checkpoint timestamp: (${secs(t - 0.3)}, 1) base write gen: 2291742"}}}`);
    }
    return out.join('\n') + '\n';
  })();
  const apiLog = (k: number) => {
    const host = nameOf(podOf(api, k));
    const base = (t: number) => `"time":${epochMs(t)},"pid":1,"hostname":"${host}"`;
    const out: string[] = [
      `{"level":30,${base(6 * DAYS - k - 0.2)},"msg":"reviews-api 3.8.4 listening on :3000"}`,
      `{"level":30,${base(6 * DAYS - k - 0.21)},"msg":"connected to MongoDB replica set rs0","maxTimeMS":2000}`,
      `{"level":30,${base(45 - k)},"reqId":"req-${(k + 1) * 811}","msg":"request completed","route":"GET /v1/products/:productId/reviews","statusCode":200,"responseTime":9}`,
    ];
    for (let i = 0; i < 18; i++) {
      const t = 37.7 - i * 2.05 - k * 0.2;
      const product = products[(i + k) % products.length] ?? 'P-1';
      out.push(`{"level":50,${base(t)},"reqId":"req-${40_000 + i * 97 + k}","msg":"request failed","route":"GET /v1/products/:productId/reviews","productId":"${product}","statusCode":500,"responseTime":${2008 + (i % 9)},"err":{"type":"MongoServerError","message":"Executor error during find command :: caused by :: operation exceeded time limit","code":50,"codeName":"MaxTimeMSExpired","stack":"MongoServerError: Executor error during find command :: caused by :: operation exceeded time limit\\n    at Connection.sendCommand (/app/node_modules/mongodb/lib/cmap/connection.js:299:27)\\n    at async FindCursor._initialize (/app/node_modules/mongodb/lib/cursor/find_cursor.js:54:26)\\n    at async ReviewsRepo.listForProduct (/app/dist/repo/reviews.js:41:22)"}}`);
      if (i % 3 === 0) out.push(`{"level":30,${base(t - 0.05)},"reqId":"req-${50_000 + i}","msg":"request completed","route":"GET /v1/authors/:authorId/reviews","statusCode":200,"responseTime":${11 + (i % 5)}}`);
      if (i % 4 === 1) out.push(`{"level":30,${base(t - 0.08)},"reqId":"req-${60_000 + i}","msg":"request completed","route":"POST /v1/reviews","statusCode":201,"responseTime":${18 + (i % 7)}}`);
    }
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout39-mongo-index-dropped-collscan-maxtimems',
    class: 'config',
    truth: 'A DBA ran the one-off Job reviews-index-cleanup-dba-1187 38 minutes ago (ticket DBA-1187) to drop "unused" indexes on reviews.reviews. Its script read $indexStats with read preference secondary, i.e. on reviews-mongo-2, which serves no reads, so every index showed ops=0, and it dropped productId_1_status_1_createdAt_-1 on the primary — the index behind reviews-api\'s main query (find {productId, status: "published"} sort {createdAt: -1}, maxTimeMS 2000). Since then that query runs as a COLLSCAN over the ~6.5M-document collection (mongod\'s slow-query log: planSummary COLLSCAN, keysExamined 0, docsExamined 2.3–3.2 million, MaxTimeMSExpired code 50 at 2000 ms) and GET /v1/products/:productId/reviews fails with "operation exceeded time limit", while other routes work. reviews-api (revision 19, 6 days old) did not change; reviews-moderation\'s rollout is unrelated; MongoDB is up. Fix: recreate the index ({productId: 1, status: 1, createdAt: -1}) on the primary, and check index usage on the primary (every member) before dropping indexes; raising maxTimeMS or rolling back would not help.',
    ask: { service: 'reviews-api', namespace: ns },
    objects: [
      ...nodes, ...api.objects, ...mongo.objects, ...mongoClaims, script, ...cleanup.objects, ...moderation.objects,
      ...exposed({ namespace: ns, name: 'reviews-api', selector: { app: 'reviews-api' }, pods: api.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'reviews-mongo', selector: { app: 'reviews-mongo' }, pods: mongo.pods, headless: true, ports: [{ name: 'mongodb', port: 27017, targetPort: 'mongodb' }], endpointPort: 27017 }),
      ...exposed({ namespace: ns, name: 'reviews-moderation', selector: { app: 'reviews-moderation' }, pods: moderation.pods }),
      scaledReplicaSet(deploymentOf(moderation), rsOf(moderation, 12), 2, 0, 50),
      scaledReplicaSet(deploymentOf(moderation), rsOf(moderation, 11), 0, 2, 48.5),
      jobEvent(cleanup.objects[0], 'SuccessfulCreate', `Created pod: ${nameOf(cleanupPod)}`, 38.6),
      ...(cleanupPod === undefined ? [] : [
        scheduled(cleanupPod, 38.6),
        event({ on: cleanupPod, type: 'Normal', reason: 'Pulled', message: `Container image "${mongoImage}" already present on machine`, firstAgo: 38.55, lastAgo: 38.55, fieldPath: 'spec.containers{mongosh}' }),
        event({ on: cleanupPod, type: 'Normal', reason: 'Created', message: 'Created container mongosh', firstAgo: 38.55, lastAgo: 38.55, fieldPath: 'spec.containers{mongosh}' }),
        event({ on: cleanupPod, type: 'Normal', reason: 'Started', message: 'Started container mongosh', firstAgo: 38.5, lastAgo: 38.5, fieldPath: 'spec.containers{mongosh}' }),
      ]),
      jobEvent(cleanup.objects[0], 'Completed', 'Job completed', 37.9),
    ],
    logs: [
      ...api.pods.map((p, k) => logsFor(p, 'app', { current: apiLog(k) })),
      logsFor(primary, 'mongod', { current: mongoLog }),
      ...[1, 2].map((i) => logsFor(podOf(mongo, i), 'mongod', { current: `{"t":${mongoDate(19 * DAYS - i * 3 - 0.3)},"s":"I",  "c":"REPL",     "id":21358,   "ctx":"ReplCoord-0","msg":"Replica set state transition","attr":{"newState":"SECONDARY","oldState":"STARTUP2"}}\n` })),
      logsFor(cleanupPod, 'mongosh', { current: jobLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/index/i, /COLLSCAN|collection scan|dropp?(ed)?|dropIndex|missing|removed|deleted/i],
      facts: [/MaxTimeMSExpired|exceeded time limit/, lit(idx), /reviews-index-cleanup-dba-1187/, /COLLSCAN|docsExamined/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /(mongo\w*|database)[^\n]*\b(down|unreachable|unavailable)\b/i, /(raise|increase|bump) (the )?maxTimeMS/i, /reviews-moderation/],
    },
  };
}

// ---- 6. exact 5-second DNS lookups: the conntrack race of parallel A/AAAA queries -------------------

function dnsConntrackRaceFiveSeconds(): CorpusScenario {
  const ns = 'shipping';
  const { nodes, names } = threeEksNodes('10.0.201', ['16', '129', '244']);
  const image = (v: string) => `${ECR}/shipping/rate-quoter:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '512Mi',
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'CARRIER_TIMEOUT_MS', value: '2500' },
        { name: 'WEBHOOK_TIMEOUT_MS', value: '10000' },
        { name: 'PRICING_URL', value: 'http://pricing.pricing.svc.cluster.local' },
      ],
      readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'rate-quoter',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 20 * DAYS, changeCause: 'argocd: rate-quoter 2.13.2', template: tpl('2.13.2') },
      { revision: 41, createdAgo: 6 * DAYS, changeCause: 'argocd: rate-quoter 2.14.0', template: tpl('2.14.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  // Set months ago to cut the search-domain walk; nothing about the A/AAAA race.
  withDnsConfig(app, { options: [{ name: 'ndots', value: '2' }] });
  // A Python service of the namespace that hit the same race last year carries the workaround.
  const printer = deploymentApp({
    namespace: ns,
    name: 'label-printer',
    replicas: 2,
    revisions: [{ revision: 9, createdAgo: 33 * DAYS, changeCause: 'argocd: label-printer 1.9.3', template: { containers: [container({ image: `${ECR}/shipping/label-printer:1.9.3`, memory: '256Mi' })] } }],
    pods: [0, 1].map((k) => ({ revision: 9, node: names[k + 1] ?? '', createdAgo: 33 * DAYS - k })),
  });
  withDnsConfig(printer, { options: [{ name: 'ndots', value: '2' }, { name: 'single-request-reopen' }] });
  const dns = coreDns(names.slice(0, 2).map((n) => ({ node: n, createdAgo: 40 * DAYS })));
  const proxy = kubeProxy(names.map((n) => ({ node: n })));
  const carriers = [
    { name: 'parcelhub', host: 'api.parcelhub.io' },
    { name: 'nordicfreight', host: 'quotes.nordicfreight.com' },
    { name: 'eurocargo', host: 'rates.eurocargo-express.eu' },
    { name: 'pricing', host: 'pricing.pricing.svc.cluster.local' },
  ];
  const rateLog = (k: number) => {
    const host = nameOf(podOf(app, k));
    const b = (t: number, level = 30) => `{"level":${level},"time":${epochMs(t)},"pid":1,"hostname":"${host}"`;
    const out: string[] = [
      `${b(6 * DAYS - k - 0.3)},"msg":"rate-quoter 2.14.0 starting","node":"v20.18.1","runtime":"linux-x64 glibc 2.36 (debian bookworm)","port":8080}`,
      `${b(6 * DAYS - k - 0.31)},"msg":"http client ready","carrier_timeout_ms":2500,"webhook_timeout_ms":10000,"keepAlive":false}`,
    ];
    for (let i = 0; i < 24; i++) {
      const t = 14.5 - i * 0.6 - k * 0.07;
      const c = carriers[(i + k) % carriers.length] ?? carriers[0];
      const hit = (i * 5 + k * 3) % 7 === 2;
      if (hit && c) {
        out.push(`${b(t + 0.001, 40)},"reqId":"q-${70_311 + i * 13 + k}","msg":"carrier quote failed","carrier":"${c.name}","host":"${c.host}","err":{"type":"TimeoutError","message":"Timeout awaiting 'request' for 2500ms","code":"ETIMEDOUT","event":"request"},"timings":{"phases":{"wait":1}}}`);
      } else if (c) {
        out.push(`${b(t + 0.002)},"msg":"upstream call","client":"carrier","host":"${c.host}","status":200,"total_ms":${120 + ((i * 53) % 160)},"phases":{"wait":0,"dns":${1 + (i % 4)},"tcp":${c.name === 'pricing' ? 1 : 14 + (i % 9)},"tls":${c.name === 'pricing' ? 0 : 31 + (i % 11)},"request":0,"firstByte":${70 + ((i * 29) % 130)},"download":1}}`);
      }
      out.push(`${b(t - 0.003)},"reqId":"q-${70_311 + i * 13 + k}","msg":"quote served","carriers":4,"quotes":${hit ? 3 : 4},"ms":${hit ? 2507 + (i % 4) : 180 + ((i * 37) % 240)}}`);
      if (i % 6 === 4) {
        const slowDns = 5003 + ((i + k) % 9);
        out.push(`${b(t - 0.01, 40)},"msg":"slow upstream call","client":"label-webhooks","host":"hooks.shopcore-platform.com","status":202,"total_ms":${slowDns + 142},"phases":{"wait":1,"dns":${slowDns},"tcp":19,"tls":44,"request":0,"firstByte":77,"download":1}}`);
      }
      if (i % 8 === 7) out.push(`${b(t - 0.02)},"msg":"upstream stats (60s)","calls":${780 + i * 3 + k * 11},"timeouts":${9 + ((i + k) % 7)},"dns_p50_ms":2,"dns_p99_ms":${5004 + (i % 5)},"dns_max_ms":${5009 + (i % 6)},"connect_p99_ms":${38 + (i % 9)}}`);
    }
    return out.join('\n') + '\n';
  };
  const dnsLog = lines(
    '.:53',
    '[INFO] plugin/reload: Running configuration SHA512 = 8a7d59126e7f114ab49c6d2613be93d8ef7d408af8ee61a710210843dc409f03133727e38f64469d9bb180f396c84ebf48a42bde3b3769730865ca9df5eb281c',
    'CoreDNS-1.11.3',
    'linux/amd64, go1.21.13, a6338e9',
  );
  return {
    id: 'heldout39-dns-conntrack-race-five-second-lookups',
    class: 'network',
    truth: 'rate-quoter (Node.js 20 on Debian bookworm, so getaddrinfo is glibc\'s) resolves every outbound host on each call (keepAlive off). glibc sends the A and AAAA queries in parallel from the same UDP socket to the kube-dns ClusterIP; under load the two packets race in the node\'s conntrack (the kube-proxy DNAT insert race) and one reply is dropped, so glibc waits its 5-second resolver timeout before retrying. A small fraction of lookups therefore take exactly ~5 s (the app\'s own timings: dns phase 5003–5011 ms, dns_p99 ~5005 ms while p50 is 2 ms), and carrier quotes, whose client timeout is 2.5 s, fail intermittently with "Timeout awaiting \'request\' for 2500ms" on whichever carrier\'s lookup hit the race, so quotes come back with 3 of 4 carriers. CoreDNS is healthy and no carrier is down; the rollout six days ago is unrelated. The pod\'s dnsConfig sets only ndots:2. Fix: add the dnsConfig option single-request-reopen (or use-vc) to rate-quoter, as label-printer already has, or deploy NodeLocal DNSCache; reusing connections (keep-alive) also cuts the number of lookups.',
    ask: { service: 'rate-quoter', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...printer.objects, ...dns.objects, ...proxy.objects,
      ...exposed({ namespace: ns, name: 'rate-quoter', selector: { app: 'rate-quoter' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'label-printer', selector: { app: 'label-printer' }, pods: printer.pods }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: rateLog(k) })),
      ...dns.pods.map((p) => logsFor(p, 'coredns', { current: dnsLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\bDNS\b|lookup|resol/i, /\b5(\.0)? ?s(ec(ond)?s?)?\b|\b500\d ?ms|five[- ]second|conntrack|single-request|use-vc|A\/AAAA|race/i],
      facts: [/single-request(-reopen)?|use-vc|NodeLocal ?DNS|node-local-dns/i, /Timeout awaiting 'request' for 2500ms|2500 ?ms|2\.5 ?s/, /"dns":500\d|dns[^\n]{0,40}500\d|500\d ?ms/],
      never: [ADVISES_ROLLBACK, /\bOOM/, /coredns[^\n]*(down|crash|failing|unhealthy|overload|not ready)/i, /(parcelhub|nordicfreight|eurocargo)[^\n]*(down|outage|unavailable)/i, /network ?polic/i],
    },
  };
}

// ---- 7. healthy control: HikariCP stale-connection and clock-leap warnings -------------------------

function healthyHikariWarnings(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeEksNodes('10.0.24', ['40', '171', '219']);
  const image = (v: string) => `${ECR}/identity/accounts-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '1Gi',
      env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://accounts-proxy.proxy-cq1x8fz2kd7e.eu-west-1.rds.amazonaws.com:5432/accounts' }, { name: 'SPRING_DATASOURCE_HIKARI_MAX_LIFETIME', value: '1800000' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 10, timeoutSeconds: 3 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, periodSeconds: 10, timeoutSeconds: 3 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'accounts-api',
    replicas: 3,
    revisions: [
      { revision: 32, createdAgo: 18 * DAYS, changeCause: 'argocd: accounts-api 4.21.0', template: tpl('4.21.0') },
      { revision: 33, createdAgo: 4 * DAYS, changeCause: 'argocd: accounts-api 4.21.1', template: tpl('4.21.1') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 33, node: names[k] ?? '', createdAgo: 4 * DAYS - k })),
    settled: { available: true, availableSince: 4 * DAYS - 3, progressingSince: 4 * DAYS, progressingUpdatedAgo: 4 * DAYS - 3 },
  });
  const other = bystander(ns, 'login-ui', names, 6 * DAYS, { revisions: [70, 71], versions: ['8.4.0', '8.4.1'], olderAgo: 21 * DAYS });
  const a = 'accounts-api';
  const log = (k: number) => {
    const start = 4 * DAYS - k - 0.4;
    const out: string[] = [
      spring(start, 'INFO', a, 'main', 'c.a.i.accounts.AccountsApplication', 'Starting AccountsApplication v4.21.1 using Java 21.0.5 with PID 1 (/workspace/BOOT-INF/classes started by cnb in /workspace)'),
      spring(start - 0.1, 'INFO', a, 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
      spring(start - 0.11, 'INFO', a, 'main', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@3c9d0b1e'),
      spring(start - 0.11, 'INFO', a, 'main', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
      spring(start - 0.2, 'INFO', a, 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', "Tomcat started on port 8080 (http) with context path '/'"),
      spring(start - 0.2, 'INFO', a, 'main', 'c.a.i.accounts.AccountsApplication', 'Started AccountsApplication in 11.407 seconds (process running for 12.118)'),
    ];
    if (k === 1) out.push(spring(2 * DAYS + 193, 'WARN', a, 'HikariPool-1 housekeeper', 'com.zaxxer.hikari.pool.HikariPool', 'HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m4s712ms).'));
    for (let i = 0; i < 14; i++) {
      const t = 170 - i * 12 - k * 1.3;
      if (i % 3 === k % 3) {
        out.push(spring(t, 'WARN', a, `http-nio-8080-exec-${(i % 8) + 1}`, 'com.zaxxer.hikari.pool.PoolBase', `HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@${(0x1a2b3c4d + i * 7919 + k * 104729).toString(16)} (This connection has been closed.). Possibly consider using a shorter maxLifetime value.`));
      }
      out.push(spring(t - 0.01, 'INFO', a, `http-nio-8080-exec-${(i % 8) + 1}`, 'c.a.i.accounts.web.RequestLogFilter', `GET /v1/accounts/me 200 ${9 + (i % 6)}ms`));
      out.push(spring(t - 0.02, 'INFO', a, `http-nio-8080-exec-${((i + 3) % 8) + 1}`, 'c.a.i.accounts.web.RequestLogFilter', `POST /v1/accounts/${88_000 + i * 31 + k}/preferences 204 ${14 + (i % 5)}ms`));
    }
    out.push(spring(0.3, 'INFO', a, 'http-nio-8080-exec-2', 'c.a.i.accounts.web.RequestLogFilter', 'GET /v1/accounts/me 200 8ms'));
    return out.join('\n') + '\n';
  };
  return {
    id: 'heldout39-healthy-hikari-stale-connection-warnings',
    class: 'healthy',
    truth: 'accounts-api is healthy: three pods of revision 33 (4 days old) are Running and ready with no restarts, the Service has three ready endpoints and requests succeed in ~10 ms. Its logs carry HikariCP warnings that look alarming but are benign: "Failed to validate connection … (This connection has been closed.). Possibly consider using a shorter maxLifetime value." appears a few times an hour because the RDS Proxy closes idle client connections before Hikari\'s 30-minute maxLifetime, and Hikari simply discards the stale connection and hands out a fresh one; a single "Thread starvation or clock leap detected (housekeeper delta=1m4s712ms)" two days ago was a one-off pause. No action is needed beyond optionally lowering maxLifetime below the proxy\'s idle timeout to silence the warnings.',
    ask: { service: 'accounts-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'accounts-api', selector: { app: 'accounts-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'login-ui', selector: { app: 'login-ui' }, pods: other.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (current |active |ongoing )?(problems?|issues?|failures?|faults?)|nothing (is )?wrong|(running|serving) normally/i],
      facts: [/accounts-api/],
      never: [/(database|postgres|\bdb\b|rds)[^\n]*(fail|down|unreachable|outage|refus)/i, /(pool|hikari)[^\n]*(exhaust|leak|starv|saturat)/i, /starvation/i, /\bOOM/, /crash ?loop/i, ADVISES_ROLLBACK],
    },
  };
}

export const PART_TWO: CorpusScenario[] = [
  springDiskSpaceReadiness(),
  redisLivenessKillsWhileLoading(),
  otelCollectorDeletedTempoService(),
  mysqlLockWaitBehindCronJob(),
  mongoIndexDroppedCollscan(),
  dnsConntrackRaceFiveSeconds(),
  healthyHikariWarnings(),
];
