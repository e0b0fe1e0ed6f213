// Corpus stories: containers. What the process itself does wrong: a heap flag larger than the
// cgroup, a V8 heap limit, a binary for the wrong CPU, a missing setting on first install, an
// entrypoint that returns, a crashing sidecar, a native library that segfaults.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, HOURS, NODE_A, NODE_B, NODE_C, at, backOff, batchContainer, clfTime, configMap, container, crashLoop, deploymentApp, epochMs,
  event, exposed, healthyLogs, httpProbe, ipOf, nameOf, node, nodeEvent, pulledFresh, pyTime, restartedAgain, rsOf, running,
  scaledReplicaSet, threeNodes,
} from '../kit/index.js';
import type { Exit } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- 1. JVM heap flag larger than the container's memory limit ---------------------------------

/**
 * fraud-scorer has run -Xmx2g in a 1Gi container since revision 34 (19 days ago). With little
 * traffic the heap never grew past ~700 MiB; since a large merchant was onboarded this evening
 * the heap grows past the cgroup limit within minutes and the kernel kills the JVM.
 */
function jvmHeapAboveLimit(): CorpusScenario {
  const image = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/risk/fraud-scorer:7.4.2';
  const tpl = (img: string) => ({
    containers: [
      container({
        image: img,
        command: ['/bin/sh', '-c', 'exec java $JAVA_OPTS -jar /app/fraud-scorer.jar'],
        env: [
          { name: 'JAVA_OPTS', value: '-Xms512m -Xmx2g -XX:+UseG1GC -XX:MaxGCPauseMillis=200 -Dfile.encoding=UTF-8' },
          { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
          { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'b-1.risk-msk.eu-west-1.amazonaws.com:9092' },
        ],
        cpu: '1',
        cpuLimit: '1',
        memory: '1Gi',
        readiness: httpProbe('/actuator/health/readiness', 8080, { timeoutSeconds: 2 }),
        liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60, timeoutSeconds: 2 }),
      }),
    ],
  });
  const oom = (finishedAgo: number, ranSeconds: number): Exit => ({ exitCode: 137, reason: 'OOMKilled', finishedAgo, ranSeconds });
  const app = deploymentApp({
    namespace: 'risk',
    name: 'fraud-scorer',
    replicas: 4,
    revisions: [
      { revision: 33, createdAgo: 41 * DAYS, template: tpl(image.replace('7.4.2', '7.3.9')) },
      { revision: 34, createdAgo: 19 * DAYS, changeCause: 'helm upgrade fraud-scorer --version 7.4.2', template: tpl(image) },
    ],
    pods: [
      { revision: 34, node: NODE_A, createdAgo: 19 * DAYS, containers: { app: crashLoop(oom(1.5, 384), 11) } },
      { revision: 34, node: NODE_B, createdAgo: 19 * DAYS - 2, containers: { app: running({ sinceAgo: 3, restarts: 10, last: oom(3.2, 402) }) } },
      { revision: 34, node: NODE_C, createdAgo: 19 * DAYS - 4, containers: { app: running({ sinceAgo: 5.5, restarts: 12, last: oom(5.7, 351) }) } },
      { revision: 34, node: NODE_A, createdAgo: 19 * DAYS - 6, containers: { app: crashLoop(oom(0.8, 417), 9) } },
    ],
    // Rolled out 19 days ago; unavailable since the kills began.
    settled: { available: false, availableSince: 84, progressingSince: 19 * DAYS - 2 },
  });
  const [p0, p1, p2, p3] = app.pods as [k8s.V1Pod, k8s.V1Pod, k8s.V1Pod, k8s.V1Pod];
  const log = (p: k8s.V1Pod, started: number, died: number) =>
    [
      `${at(started)}  INFO 1 --- [fraud-scorer] [           main] c.a.risk.FraudScorerApplication          : Starting FraudScorerApplication v7.4.2 using Java 21.0.5 with PID 1 (/app/fraud-scorer.jar started by app in /app)`,
      `${at(started - 0.01)}  INFO 1 --- [fraud-scorer] [           main] c.a.risk.FraudScorerApplication          : The following 1 profile is active: "prod"`,
      `${at(started - 0.2)}  INFO 1 --- [fraud-scorer] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'`,
      `${at(started - 0.21)}  INFO 1 --- [fraud-scorer] [           main] c.a.risk.FraudScorerApplication          : Started FraudScorerApplication in 12.204 seconds (process running for 12.911)`,
      `${at(started - 0.3)}  INFO 1 --- [fraud-scorer] [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : fraud-scorer: partitions assigned: [card-auth-events-${nameOf(p).length % 12}, card-auth-events-${(nameOf(p).length + 6) % 12}]`,
      `${at(started - 1.5)}  INFO 1 --- [fraud-scorer] [  scoring-pool-2] c.a.risk.features.MerchantFeatureCache   : feature cache: 1,912,388 entries, 612 MiB (merchant m_58120 backfill in progress)`,
      `${at(started - 3.5)}  WARN 1 --- [fraud-scorer] [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=fraud-scorer-0, groupId=fraud-scorer] consumer lag 48211 on card-auth-events, scoring slower than intake`,
      `${at(died + 0.6)}  INFO 1 --- [fraud-scorer] [  scoring-pool-2] c.a.risk.features.MerchantFeatureCache   : feature cache: 3,046,730 entries, 941 MiB (merchant m_58120 backfill in progress)`,
      `${at(died + 0.05)}  INFO 1 --- [fraud-scorer] [nio-8080-exec-4] c.a.risk.api.ScoreController             : POST /v2/score 200 38ms (ip ${ipOf(p)})`,
    ].join('\n') + '\n';
  const oomNode = (n: string, count: number) =>
    nodeEvent(n, 'OOMKilling', `Memory cgroup out of memory: Killed process ${2800 + count * 13} (java) total-vm:5412236kB, anon-rss:1046112kB, file-rss:20876kB, shmem-rss:0kB, UID:1001 pgtables:2648kB oom_score_adj:-997`, { type: 'Warning', count, firstAgo: 95, lastAgo: 0.8, component: 'kernel-monitor' });
  return {
    id: 'jvm-xmx-above-memory-limit-oomkilled',
    class: 'containers',
    truth: 'JAVA_OPTS sets -Xmx2g in a container limited to 1Gi; since traffic grew the heap outgrows the cgroup and the kernel OOM-kills the JVM (exit 137, OOMKilled) every few minutes. Revision 34 is 19 days old; nothing was deployed.',
    ask: { service: 'fraud-scorer' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...exposed({ namespace: 'risk', name: 'fraud-scorer', selector: { app: 'fraud-scorer' }, pods: app.pods }),
      backOff(p0, 'app', { count: 23, firstAgo: 80 }),
      backOff(p3, 'app', { count: 19, firstAgo: 78 }),
      ...restartedAgain(p0, 'app', image, { count: 11, firstAgo: 90, lastAgo: 8 }),
      ...restartedAgain(p1, 'app', image, { count: 10, firstAgo: 88, lastAgo: 3 }),
      ...restartedAgain(p2, 'app', image, { count: 12, firstAgo: 93, lastAgo: 5.5 }),
      ...restartedAgain(p3, 'app', image, { count: 9, firstAgo: 86, lastAgo: 7.5 }),
      oomNode(NODE_A, 20),
      oomNode(NODE_B, 10),
      oomNode(NODE_C, 12),
      // Noise: GC pauses made a readiness probe time out yesterday, long before the kills.
      event({ on: p2, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOf(p2)}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 21 * HOURS, lastAgo: 21 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      { namespace: 'risk', pod: nameOf(p0), container: 'app', previous: log(p0, 8, 1.5) },
      { namespace: 'risk', pod: nameOf(p1), container: 'app', previous: log(p1, 9.9, 3.2), current: log(p1, 3, -1).split('\n').slice(0, 5).join('\n') + '\n' },
      { namespace: 'risk', pod: nameOf(p2), container: 'app', previous: log(p2, 11.6, 5.7) },
      { namespace: 'risk', pod: nameOf(p3), container: 'app', previous: log(p3, 7.8, 0.8) },
    ],
    expect: {
      verdict: 'problems',
      headline: [/OOMKilled|OOM[- ]?kill|out of memory/i, /\b1 ?Gi\b/, /Xmx ?2g/i],
      facts: [/\b137\b/, /JAVA_OPTS|-Xmx2g/, /revision 34/i],
      never: [/roll ?back/i, /rollout undo/i, /liveness probe (is )?(kill|fail)/i],
    },
  };
}

// ---- 2. Node.js V8 heap limit far below the container limit -------------------------------------

/**
 * report-builder's NODE_OPTIONS caps the V8 old space at 512 MB in a 2Gi container. Large CSV
 * exports build the whole file in memory; V8 hits its own heap limit and aborts (exit 134). The
 * cgroup never came near its limit: no OOM kill.
 */
function nodeHeapLimitAbort(): CorpusScenario {
  const image = 'ghcr.io/northwind/report-builder:3.9.1';
  const app = deploymentApp({
    namespace: 'analytics',
    name: 'report-builder',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 24 * DAYS, template: { containers: [container({ image: image.replace('3.9.1', '3.8.4'), ports: [3000], memory: '1Gi', memoryLimit: '2Gi', env: [{ name: 'NODE_OPTIONS', value: '--max-old-space-size=512' }, { name: 'NODE_ENV', value: 'production' }] })] } },
      {
        revision: 12,
        createdAgo: 6 * DAYS,
        changeCause: 'argocd: report-builder 3.9.1',
        template: {
          containers: [
            container({
              image,
              command: ['dumb-init', '--', 'node', 'dist/server.js'],
              ports: [3000],
              cpu: '500m',
              memory: '1Gi',
              memoryLimit: '2Gi',
              env: [
                { name: 'NODE_OPTIONS', value: '--max-old-space-size=512' },
                { name: 'NODE_ENV', value: 'production' },
                { name: 'EXPORT_MAX_ROWS', value: '2000000' },
              ],
              readiness: httpProbe('/readyz', 3000),
              liveness: httpProbe('/livez', 3000, { initialDelaySeconds: 10, timeoutSeconds: 3 }),
            }),
          ],
        },
      },
    ],
    pods: [
      { revision: 12, node: NODE_B, createdAgo: 6 * DAYS, containers: { app: crashLoop({ exitCode: 134, reason: 'Error', finishedAgo: 1.2, ranSeconds: 418 }, 14) } },
      { revision: 12, node: NODE_C, createdAgo: 6 * DAYS - 1, containers: { app: running({ sinceAgo: 4, restarts: 12, last: { exitCode: 134, reason: 'Error', finishedAgo: 4.1, ranSeconds: 377 } }) } },
      { revision: 12, node: NODE_A, createdAgo: 6 * DAYS - 2, containers: { app: running({ sinceAgo: 2.5, restarts: 11, last: { exitCode: 134, reason: 'Error', finishedAgo: 2.6, ranSeconds: 512 } }) } },
    ],
    settled: { available: true, availableSince: 6 * DAYS - 3, progressingSince: 6 * DAYS - 2 },
  });
  const [p0, p1, p2] = app.pods as [k8s.V1Pod, k8s.V1Pod, k8s.V1Pod];
  const v8Abort = (p: k8s.V1Pod, died: number, uptimeMs: number) =>
    [
      `{"level":30,"time":${epochMs(died + 7)},"pid":7,"hostname":"${nameOf(p)}","msg":"report-builder 3.9.1 listening on 0.0.0.0:3000"}`,
      `{"level":30,"time":${epochMs(died + 3)},"pid":7,"hostname":"${nameOf(p)}","reqId":"req-1f","req":{"method":"POST","url":"/v1/exports","remoteAddress":"10.0.2.77"},"msg":"incoming request"}`,
      `{"level":30,"time":${epochMs(died + 2.9)},"pid":7,"hostname":"${nameOf(p)}","exportId":"exp_8Hq2","tenant":"t_4410","format":"csv","rows":1846203,"msg":"building export"}`,
      `{"level":40,"time":${epochMs(died + 0.5)},"pid":7,"hostname":"${nameOf(p)}","exportId":"exp_8Hq2","rowsDone":1210000,"heapUsedMB":488,"msg":"export still building"}`,
      '',
      '<--- Last few GCs --->',
      '',
      `[7:0x55d4a3c7b000]   ${uptimeMs - 1210} ms: Mark-Compact 507.4 (519.8) -> 506.1 (520.3) MB, pooled: 0 MB, 781.35 / 0.00 ms  (average mu = 0.152, current mu = 0.047) allocation failure; scavenge might not succeed`,
      `[7:0x55d4a3c7b000]   ${uptimeMs} ms: Mark-Compact 508.0 (520.3) -> 507.6 (521.6) MB, pooled: 0 MB, 1024.77 / 0.00 ms  (average mu = 0.094, current mu = 0.021) allocation failure; scavenge might not succeed`,
      '',
      '',
      '<--- JS stacktrace --->',
      '',
      'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      '----- Native stack trace -----',
      '',
      ' 1: 0xb8d0a3 node::OOMErrorHandler(char const*, v8::OOMDetails const&) [node]',
      ' 2: 0xf06b10 v8::Utils::ReportOOMFailure(v8::internal::Isolate*, char const*, v8::OOMDetails const&) [node]',
      ' 3: 0xf06df7 v8::internal::V8::FatalProcessOutOfMemory(v8::internal::Isolate*, char const*, v8::OOMDetails const&) [node]',
      ' 4: 0x1118a55  [node]',
      ' 5: 0x1130358 v8::internal::Heap::CollectGarbage(v8::internal::AllocationSpace, v8::internal::GarbageCollectionReason, v8::GCCallbackFlags) [node]',
      ' 6: 0x1106471 v8::internal::HeapAllocator::AllocateRawWithLightRetrySlowPath(int, v8::internal::AllocationType, v8::internal::AllocationOrigin, v8::internal::AllocationAlignment) [node]',
      ' 7: 0x10dd1c6 v8::internal::Factory::NewFillerObject(int, v8::internal::AllocationAlignment, v8::internal::AllocationType, v8::internal::AllocationOrigin) [node]',
      ' 8: 0x153a7f6 v8::internal::Runtime_AllocateInYoungGeneration(int, unsigned long*, v8::internal::Isolate*) [node]',
      ' 9: 0x7f1b6f6d9ef6 ',
    ].join('\n') + '\n';
  return {
    id: 'node-v8-heap-limit-abort-134',
    class: 'containers',
    truth: 'NODE_OPTIONS --max-old-space-size=512 caps the V8 heap far below the 2Gi container limit; big CSV exports exhaust it and Node aborts with "JavaScript heap out of memory" (exit 134, SIGABRT). The kernel never OOM-killed anything.',
    ask: { service: 'report-builder', namespace: 'analytics' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...exposed({ namespace: 'analytics', name: 'report-builder', selector: { app: 'report-builder' }, pods: app.pods, endpointPort: 3000 }),
      backOff(p0, 'app', { count: 9, firstAgo: 70 }),
      ...restartedAgain(p0, 'app', image, { count: 14, firstAgo: 140, lastAgo: 9 }),
      ...restartedAgain(p1, 'app', image, { count: 12, firstAgo: 138, lastAgo: 4 }),
      ...restartedAgain(p2, 'app', image, { count: 11, firstAgo: 131, lastAgo: 2.5 }),
      // Noise: the liveness probe timed out once while the event loop was stuck in GC.
      event({ on: p1, reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${p1.status?.podIP}:3000/livez": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 1, firstAgo: 4.3, lastAgo: 4.3, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [
      { namespace: 'analytics', pod: nameOf(p0), container: 'app', previous: v8Abort(p0, 1.2, 417_912) },
      { namespace: 'analytics', pod: nameOf(p1), container: 'app', previous: v8Abort(p1, 4.1, 376_508) },
      { namespace: 'analytics', pod: nameOf(p2), container: 'app', previous: v8Abort(p2, 2.6, 511_377) },
    ],
    expect: {
      verdict: 'problems',
      headline: [/JavaScript heap|V8 heap|heap (limit|out of memory)/i, /max-old-space-size|\b512\b/i],
      facts: [/\b134\b/, /NODE_OPTIONS/, /\b2 ?Gi\b/],
      never: [/OOMKilled/, /(raise|increase|bump|double).{0,40}memory limit/i],
    },
  };
}

// ---- 3. arm64 image on amd64 nodes -----------------------------------------------------------

/** Revision 58 was built on the new arm64 CI runners without --platform: every new pod fails to exec. */
function execFormatError(): CorpusScenario {
  const image = (v: string) => `123456789012.dkr.ecr.eu-west-1.amazonaws.com/fx/rates-api:${v}`;
  const tpl = (v: string) => ({
    containers: [
      container({
        image: image(v),
        command: ['/usr/local/bin/rates-api'],
        args: ['--listen=:8080', '--upstream=https://feeds.internal.fx/v3'],
        cpu: '200m',
        memory: '256Mi',
        securityContext: { runAsNonRoot: true, runAsUser: 65532, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
      }),
    ],
  });
  const nodes = [
    node({ name: NODE_A, zone: 'eu-west-1a', instanceType: 'c6i.xlarge', pool: 'compute' }),
    node({ name: NODE_B, zone: 'eu-west-1b', instanceType: 'c6i.xlarge', pool: 'compute' }),
    node({ name: NODE_C, zone: 'eu-west-1c', instanceType: 'c6i.xlarge', pool: 'compute' }),
    node({ name: 'ip-10-0-1-201.eu-west-1.compute.internal', zone: 'eu-west-1a', instanceType: 'c6i.xlarge', pool: 'compute' }),
  ];
  const execFail: Exit = { exitCode: 255, reason: 'Error', finishedAgo: 2.1, ranSeconds: 0 };
  const app = deploymentApp({
    namespace: 'fx',
    name: 'rates-api',
    replicas: 4,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'ci: rates-api 3.11.4', template: tpl('3.11.4') },
      { revision: 58, createdAgo: 22, changeCause: 'ci: rates-api 3.12.0 (pipeline moved to release-runner-arm pool)', template: tpl('3.12.0') },
    ],
    pods: [
      { revision: 58, node: NODE_B, createdAgo: 21.5, containers: { app: crashLoop(execFail, 9) } },
      { revision: 58, node: 'ip-10-0-1-201.eu-west-1.compute.internal', createdAgo: 21.5, containers: { app: crashLoop({ ...execFail, finishedAgo: 3.4 }, 9) } },
      { revision: 57, node: NODE_A, createdAgo: 9 * DAYS },
      { revision: 57, node: NODE_C, createdAgo: 9 * DAYS },
      { revision: 57, node: 'ip-10-0-1-201.eu-west-1.compute.internal', createdAgo: 9 * DAYS },
    ],
  });
  const [n0, n1] = app.pods as [k8s.V1Pod, k8s.V1Pod];
  const cache = deploymentApp({
    namespace: 'fx',
    name: 'rates-cache',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: { containers: [container({ image: 'public.ecr.aws/docker/library/redis:7.4.1-alpine', ports: [6379], cpu: '100m', memory: '256Mi', readiness: null, liveness: null })] } }],
    pods: [{ revision: 4, node: NODE_C, createdAgo: 33 * DAYS }],
  });
  const deploy = app.objects[0] ?? {};
  const newRs = rsOf(app, 58);
  const oldRs = rsOf(app, 57);
  return {
    id: 'arm64-image-exec-format-error',
    class: 'containers',
    truth: 'Revision 58 (rates-api 3.12.0) was built on arm64 CI runners as a single-arch arm64 image; on the amd64 nodes the binary cannot be executed ("exec /usr/local/bin/rates-api: exec format error", exit 255). Revision 57 still serves on 3 pods.',
    ask: { service: 'rates-api' },
    objects: [
      ...nodes,
      ...app.objects,
      ...exposed({ namespace: 'fx', name: 'rates-api', selector: { app: 'rates-api' }, pods: app.pods }),
      scaledReplicaSet(deploy, newRs, 1, 0, 22),
      scaledReplicaSet(deploy, oldRs, 3, 4, 22),
      scaledReplicaSet(deploy, newRs, 2, 1, 21.6),
      ...pulledFresh(n0, 'app', image('3.12.0'), { atAgo: 21.5, bytes: 9_412_733, seconds: 1.84 }),
      ...pulledFresh(n1, 'app', image('3.12.0'), { atAgo: 21.5, bytes: 9_412_733, seconds: 2.02 }),
      ...restartedAgain(n0, 'app', image('3.12.0'), { count: 9, firstAgo: 21.3, lastAgo: 2.1 }),
      ...restartedAgain(n1, 'app', image('3.12.0'), { count: 9, firstAgo: 21.3, lastAgo: 3.4 }),
      backOff(n0, 'app', { count: 96, firstAgo: 21 }),
      backOff(n1, 'app', { count: 94, firstAgo: 21 }),
      // Bystander: the namespace's cache, healthy.
      ...cache.objects,
      ...exposed({ namespace: 'fx', name: 'rates-cache', selector: { app: 'rates-cache' }, pods: cache.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379 }),
    ],
    logs: [
      ...[n0, n1].map((p) => ({ namespace: 'fx', pod: nameOf(p), container: 'app', previous: 'exec /usr/local/bin/rates-api: exec format error\n' })),
      ...healthyLogs(app.pods.slice(2), 'app', () => [
        `{"time":"${at(0.6)}","level":"INFO","msg":"rates refreshed","source":"feeds.internal.fx","pairs":168,"took_ms":41}`,
        `{"time":"${at(0.1)}","level":"INFO","msg":"GET /v1/rates","status":200,"duration_ms":2}`,
      ]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/exec format error|architecture|arm64/i, /revision 58/i],
      facts: [/amd64/, /exec format error/, /revision 57/i],
      never: [/\bOOM/i, /no such file|command not found/i],
    },
  };
}

// ---- 4. First install: a required setting is missing ----------------------------------------------

/** digest-worker was installed 12 minutes ago; its ConfigMap defines REDIS_HOST/PORT, the code wants REDIS_URL. */
function firstInstallMissingSetting(): CorpusScenario {
  const image = 'registry.gitlab.com/tidewater/notifications/digest-worker:0.1.0';
  const keyErrorRun = (p: k8s.V1Pod, died: number) =>
    [
      `${at(died).replace('T', ' ').replace('Z', '')} INFO digest_worker: starting digest-worker 0.1.0 (python 3.12.7, pid 1, host ${nameOf(p)})`,
      'Traceback (most recent call last):',
      '  File "<frozen runpy>", line 198, in _run_module_as_main',
      '  File "<frozen runpy>", line 88, in _run_code',
      '  File "/app/digest_worker/__main__.py", line 3, in <module>',
      '    from digest_worker.worker import run',
      '  File "/app/digest_worker/worker.py", line 11, in <module>',
      '    from digest_worker.settings import settings',
      '  File "/app/digest_worker/settings.py", line 17, in <module>',
      '    redis_url=os.environ["REDIS_URL"],',
      '              ~~~~~~~~~~^^^^^^^^^^^^^',
      '  File "<frozen os>", line 714, in __getitem__',
      "KeyError: 'REDIS_URL'",
    ].join('\n') + '\n';
  const app = deploymentApp({
    namespace: 'notifications',
    name: 'digest-worker',
    replicas: 2,
    createdAgo: 12,
    revisions: [
      {
        revision: 1,
        createdAgo: 12,
        template: {
          containers: [
            batchContainer({
              image,
              command: ['python', '-m', 'digest_worker'],
              cpu: '100m',
              memory: '256Mi',
              envFrom: [{ configMapRef: { name: 'digest-worker-config' } }],
              env: [{ name: 'SMTP_PASSWORD', valueFrom: { secretKeyRef: { name: 'digest-worker-smtp', key: 'password' } } }],
            }),
          ],
        },
      },
    ],
    pods: [
      { revision: 1, node: NODE_A, createdAgo: 12, containers: { app: crashLoop({ exitCode: 1, reason: 'Error', finishedAgo: 1.6, ranSeconds: 2 }, 7) } },
      { revision: 1, node: NODE_C, createdAgo: 12, containers: { app: crashLoop({ exitCode: 1, reason: 'Error', finishedAgo: 0.9, ranSeconds: 2 }, 7) } },
    ],
  });
  const [p0, p1] = app.pods as [k8s.V1Pod, k8s.V1Pod];
  const api = deploymentApp({
    namespace: 'notifications',
    name: 'notifier-api',
    replicas: 2,
    revisions: [{ revision: 23, createdAgo: 5 * DAYS, template: { containers: [container({ image: 'registry.gitlab.com/tidewater/notifications/notifier-api:5.4.0' })] } }],
    pods: [
      { revision: 23, node: NODE_B, createdAgo: 5 * DAYS },
      { revision: 23, node: NODE_C, createdAgo: 5 * DAYS },
    ],
  });
  const fresh = (p: k8s.V1Pod) => [
    ...pulledFresh(p, 'app', image, { atAgo: 12, bytes: 61822408, seconds: 6.412 }),
    ...restartedAgain(p, 'app', image, { count: 8, firstAgo: 11.9, lastAgo: 1.6 }),
    backOff(p, 'app', { count: 49, firstAgo: 11.8 }),
  ];
  return {
    id: 'first-install-missing-redis-url',
    class: 'containers',
    truth: 'First install of digest-worker (revision 1, 12 minutes old): the code reads REDIS_URL but its ConfigMap only defines REDIS_HOST/REDIS_PORT, so both pods exit 1 with KeyError: \'REDIS_URL\'. There is no earlier revision to go back to.',
    ask: { service: 'digest-worker' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...api.objects,
      ...exposed({ namespace: 'notifications', name: 'notifier-api', selector: { app: 'notifier-api' }, pods: api.pods }),
      configMap({ namespace: 'notifications', name: 'digest-worker-config', createdAgo: 12, data: { REDIS_HOST: 'redis-master.notifications.svc.cluster.local', REDIS_PORT: '6379', DIGEST_BATCH_SIZE: '500', LOG_LEVEL: 'info' } }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 1), 2, 0, 12),
      ...fresh(p0),
      ...fresh(p1),
    ],
    logs: [
      { namespace: 'notifications', pod: nameOf(p0), container: 'app', previous: keyErrorRun(p0, 1.65) },
      { namespace: 'notifications', pod: nameOf(p1), container: 'app', previous: keyErrorRun(p1, 0.95) },
    ],
    expect: {
      verdict: 'problems',
      headline: [/REDIS_URL/, /KeyError|missing|not set|undefined|exit(s|ed)? (with )?(code )?1\b/i],
      facts: [/KeyError: 'REDIS_URL'/, /exit(s|ed)? (with )?(code )?1\b|exit code 1/i, /2\/2|both pods|all 2 pods/i],
      never: [/roll ?back/i, /rollout undo/i, /revision 1 .{0,40}(caus|introduc|broke|regress)/i],
    },
  };
}

// ---- 5. The entrypoint returns: exit 0 ----------------------------------------------------------

/**
 * Revision 7 of docs-site wraps nginx in a shell that renders the config first, but calls plain
 * `nginx`, which daemonizes: the shell returns, the container exits 0 and is restarted forever.
 */
function entrypointExitsZero(): CorpusScenario {
  const image = 'registry.example.com/web/docs-site:2026.11.4';
  const base = {
    ports: [8080],
    cpu: '50m',
    memory: '64Mi',
    readiness: httpProbe('/', 8080),
    liveness: httpProbe('/', 8080, { initialDelaySeconds: 5 }),
    securityContext: { runAsNonRoot: true, runAsUser: 101, allowPrivilegeEscalation: false },
  };
  const app = deploymentApp({
    namespace: 'web',
    name: 'docs-site',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 6, createdAgo: 30 * DAYS, changeCause: 'docs-site 2026.10.2', template: { containers: [container({ ...base, image: 'registry.example.com/web/docs-site:2026.10.2' })] } },
      {
        revision: 7,
        createdAgo: 35,
        changeCause: 'docs-site: render API_ORIGIN into the nginx config at start',
        template: {
          containers: [
            container({
              ...base,
              image,
              command: ['/bin/sh', '-c', "envsubst '$API_ORIGIN' < /etc/nginx/templates/default.conf.template > /etc/nginx/conf.d/default.conf && nginx"],
              env: [{ name: 'API_ORIGIN', value: 'https://api.example.com' }],
            }),
          ],
        },
      },
    ],
    pods: [
      { revision: 7, node: NODE_C, createdAgo: 34.5, containers: { app: crashLoop({ exitCode: 0, reason: 'Completed', finishedAgo: 1.1, ranSeconds: 0.4 }, 12) } },
      { revision: 6, node: NODE_A, createdAgo: 30 * DAYS },
      { revision: 6, node: NODE_B, createdAgo: 30 * DAYS },
      { revision: 6, node: NODE_C, createdAgo: 30 * DAYS },
    ],
  });
  const [bad] = app.pods as [k8s.V1Pod];
  return {
    id: 'entrypoint-daemonizes-exit-0',
    class: 'containers',
    truth: 'Revision 7 replaced the image command with `sh -c "envsubst … && nginx"`; without `daemon off;` nginx forks into the background, the shell returns and the container exits 0 (Completed) at once, so the kubelet restarts it in a loop. Revision 6 still serves.',
    ask: { service: 'docs-site', namespace: 'web' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...exposed({ namespace: 'web', name: 'docs-site', selector: { app: 'docs-site' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 7), 1, 0, 35),
      ...pulledFresh(bad, 'app', image, { atAgo: 34.5, bytes: 18_233_904, seconds: 1.21 }),
      ...restartedAgain(bad, 'app', image, { count: 13, firstAgo: 34.4, lastAgo: 1.1 }),
      backOff(bad, 'app', { count: 152, firstAgo: 34 }),
    ],
    logs: [
      {
        namespace: 'web',
        pod: nameOf(bad),
        container: 'app',
        previous: 'nginx: [warn] the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:2\n',
      },
      ...healthyLogs(app.pods.slice(1), 'app', (p) => [
        `10.0.2.14 - - [${clfTime(0.5)}] "GET /guides/webhooks/ HTTP/1.1" 200 18422 "-" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)" "-"`,
        `${p.status?.hostIP} - - [${clfTime(0.2)}] "GET / HTTP/1.1" 200 9311 "-" "kube-probe/1.31" "-"`,
      ]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/exit(s|ed)? (with )?(code )?0\b|exit code 0|Completed|exits? cleanly/i, /revision 7/i],
      facts: [/command/i, /revision 6/i, /nginx/],
      never: [/\bOOM/i, /"user" directive|super-user/i, /liveness probe (is )?(kill|fail)/i],
    },
  };
}

// ---- 6. A crash-looping sidecar ------------------------------------------------------------------

/** Revision 22 pointed the log-shipper at a new fluent-bit config with a bad indentation: the sidecar exits 1. */
function sidecarCrashLoop(): CorpusScenario {
  const appImage = 'harbor.corp.internal/orders/order-api:2.31.0';
  const shipper = 'cr.fluentbit.io/fluent/fluent-bit:3.1.9';
  const tpl = (cm: string) => ({
    containers: [
      container({ image: appImage, ports: [8080], cpu: '300m', memory: '384Mi', readiness: httpProbe('/ready', 8080), volumeMounts: [{ name: 'logs', mountPath: '/var/log/order-api' }] }),
      container({
        name: 'log-shipper',
        image: shipper,
        ports: [{ name: 'metrics', containerPort: 2020 }],
        cpu: '20m',
        memory: '48Mi',
        memoryLimit: '96Mi',
        readiness: httpProbe('/api/v1/health', 2020),
        liveness: null,
        volumeMounts: [
          { name: 'logs', mountPath: '/var/log/order-api', readOnly: true },
          { name: 'fluent-bit-config', mountPath: '/fluent-bit/etc/' },
        ],
      }),
    ],
    volumes: [{ name: 'logs', emptyDir: {} }, { name: 'fluent-bit-config', configMap: { name: cm } }],
  });
  const app = deploymentApp({
    namespace: 'orders',
    name: 'order-api',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
    revisions: [
      { revision: 21, createdAgo: 8 * DAYS, template: tpl('order-api-fluent-bit-21') },
      { revision: 22, createdAgo: 28, changeCause: 'log-shipper: add k8s metadata filter', template: tpl('order-api-fluent-bit-22') },
    ],
    pods: [
      { revision: 22, node: NODE_A, createdAgo: 27.5, containers: { 'log-shipper': crashLoop({ exitCode: 1, reason: 'Error', finishedAgo: 2.4, ranSeconds: 0.3 }, 10) } },
      { revision: 22, node: NODE_B, createdAgo: 27.5, containers: { 'log-shipper': crashLoop({ exitCode: 1, reason: 'Error', finishedAgo: 0.7, ranSeconds: 0.3 }, 10) } },
      { revision: 21, node: NODE_B, createdAgo: 8 * DAYS },
      { revision: 21, node: NODE_C, createdAgo: 8 * DAYS },
    ],
  });
  const [n0, n1] = app.pods as [k8s.V1Pod, k8s.V1Pod];
  const deploy = app.objects[0] ?? {};
  const stamp = (m: number) => at(m).replace(/-/g, '/').replace('T', ' ').replace(/\.\d+Z$/, '');
  const fluentBit = (died: number) =>
    [
      'Fluent Bit v3.1.9',
      '* Copyright (C) 2015-2024 The Fluent Bit Authors',
      '* Fluent Bit is a CNCF sub-project under the umbrella of Fluentd',
      '* https://fluentbit.io',
      '',
      `[${stamp(died)}] [error] [config] error in /fluent-bit/etc/fluent-bit.conf:31: invalid indentation level`,
      `[${stamp(died)}] [error] configuration file contains errors, aborting.`,
    ].join('\n') + '\n';
  const appLog = (p: k8s.V1Pod) =>
    [
      `{"time":"${at(27.3)}","level":"INFO","msg":"order-api 2.31.0 listening","addr":":8080","pod":"${nameOf(p)}"}`,
      `{"time":"${at(27.2)}","level":"INFO","msg":"connected to postgres","host":"orders-db.orders.svc","pool":20}`,
      `{"time":"${at(0.2)}","level":"INFO","msg":"GET /ready","status":200,"duration_ms":1}`,
    ].join('\n') + '\n';
  return {
    id: 'sidecar-log-shipper-config-crashloop',
    class: 'containers',
    truth: 'Revision 22 mounted a new fluent-bit config (order-api-fluent-bit-22) with an indentation error; the log-shipper sidecar exits 1 on start ("invalid indentation level") and crash-loops, keeping the new pods unready while the app container runs fine. Revision 21 still serves on 2 pods.',
    ask: { service: 'order-api' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...exposed({ namespace: 'orders', name: 'order-api', selector: { app: 'order-api' }, pods: app.pods }),
      scaledReplicaSet(deploy, rsOf(app, 22), 1, 0, 28),
      scaledReplicaSet(deploy, rsOf(app, 21), 2, 3, 28),
      scaledReplicaSet(deploy, rsOf(app, 22), 2, 1, 27.6),
      backOff(n0, 'log-shipper', { count: 120, firstAgo: 27 }),
      backOff(n1, 'log-shipper', { count: 118, firstAgo: 27 }),
      ...restartedAgain(n0, 'log-shipper', shipper, { count: 11, firstAgo: 27.4, lastAgo: 2.4 }),
      ...restartedAgain(n1, 'log-shipper', shipper, { count: 11, firstAgo: 27.4, lastAgo: 0.7 }),
      configMap({ namespace: 'orders', name: 'order-api-fluent-bit-21', createdAgo: 8 * DAYS, data: { 'fluent-bit.conf': '[SERVICE]\n    Flush        5\n    HTTP_Server  On\n    HTTP_Port    2020\n' } }),
      configMap({ namespace: 'orders', name: 'order-api-fluent-bit-22', createdAgo: 28, data: { 'fluent-bit.conf': '[SERVICE]\n    Flush        5\n    HTTP_Server  On\n    HTTP_Port    2020\n' } }),
    ],
    logs: [
      { namespace: 'orders', pod: nameOf(n0), container: 'log-shipper', previous: fluentBit(2.4) },
      { namespace: 'orders', pod: nameOf(n1), container: 'log-shipper', previous: fluentBit(0.7) },
      { namespace: 'orders', pod: nameOf(n0), container: 'app', current: appLog(n0) },
      { namespace: 'orders', pod: nameOf(n1), container: 'app', current: appLog(n1) },
      ...healthyLogs(app.pods.slice(2), 'log-shipper', () => [
        `[${stamp(8 * DAYS)}] [ info] [input:tail:tail.0] inotify_fs_add(): inode=1048612 watch_fd=1 name=/var/log/order-api/app.log`,
        `[${stamp(8 * DAYS)}] [ info] [output:forward:forward.0] worker #0 started`,
      ]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/log-shipper/, /exit(s|ed)? (with )?(code )?1\b|exit code 1|config|indentation|crash/i],
      facts: [/revision 22/i, /invalid indentation level|fluent-bit\.conf/, /revision 21/i],
      never: [/container app\b.{0,40}(crash|exit|CrashLoopBackOff)/i, /\bOOM/i],
    },
  };
}

// ---- 7. Segfault in a native library after a base-image bump -------------------------------------

/** Revision 19 moved thumbnailer to a new base image with libvips 8.16; pyvips segfaults on the first image. */
function segfaultAfterLibBump(): CorpusScenario {
  const image = (v: string) => `europe-docker.pkg.dev/pixelhaus/media/thumbnailer:${v}`;
  const tpl = (v: string) => ({
    containers: [
      container({
        image: image(v),
        command: ['python', '-X', 'faulthandler', '-m', 'thumbnailer.worker'],
        env: [{ name: 'VIPS_CONCURRENCY', value: '2' }, { name: 'QUEUE_URL', value: 'amqp://rabbitmq.media.svc:5672/thumbs' }],
        cpu: '500m',
        memory: '768Mi',
        readiness: httpProbe('/healthz', 8080),
      }),
    ],
  });
  const extra = 'ip-10-0-2-118.eu-west-1.compute.internal';
  const segv = (finishedAgo: number, ranSeconds: number): Exit => ({ exitCode: 139, reason: 'Error', finishedAgo, ranSeconds });
  const app = deploymentApp({
    namespace: 'media',
    name: 'thumbnailer',
    replicas: 5,
    revisions: [
      { revision: 18, createdAgo: 11 * DAYS, changeCause: 'thumbnailer 3.7.4', template: tpl('3.7.4') },
      { revision: 19, createdAgo: 40, changeCause: 'deps: base python:3.12-slim-trixie, libvips 8.14.1 -> 8.16.1', template: tpl('3.8.0') },
    ],
    pods: [
      { revision: 19, node: NODE_A, createdAgo: 39.5, containers: { app: crashLoop(segv(1.9, 23), 11) } },
      { revision: 19, node: NODE_B, createdAgo: 39.5, containers: { app: crashLoop(segv(3.6, 41), 11) } },
      { revision: 19, node: extra, createdAgo: 39.5, containers: { app: running({ sinceAgo: 0.3, ready: false, restarts: 12, last: segv(0.4, 18) }) } },
      { revision: 18, node: NODE_A, createdAgo: 11 * DAYS },
      { revision: 18, node: NODE_C, createdAgo: 11 * DAYS },
      { revision: 18, node: extra, createdAgo: 11 * DAYS },
      { revision: 18, node: NODE_C, createdAgo: 11 * DAYS },
    ],
  });
  const newPods = app.pods.slice(0, 3);
  const deploy = app.objects[0] ?? {};
  const crash = (p: k8s.V1Pod, died: number, ran: number) =>
    [
      `${pyTime(died + ran / 60)} INFO thumbnailer.worker: thumbnailer 3.8.0 on ${nameOf(p)} (pyvips 2.2.3, libvips 8.16.1)`,
      `${pyTime(died + ran / 60 - 0.02)} INFO thumbnailer.worker: consuming from thumbs (prefetch=4)`,
      `${pyTime(died + 0.05)} INFO thumbnailer.render: job 7f3e91c2 src=s3://pixelhaus-uploads/u/88213/IMG_4471.HEIC sizes=[320, 640, 1280]`,
      'Fatal Python error: Segmentation fault',
      '',
      'Thread 0x00007f2b9effd6c0 (most recent call first):',
      '  File "/usr/local/lib/python3.12/threading.py", line 359 in wait',
      '  File "/usr/local/lib/python3.12/site-packages/pika/adapters/utils/selector_ioloop_adapter.py", line 412 in _poll',
      '',
      'Current thread 0x00007f2bb4a3eb80 (most recent call first):',
      '  File "/usr/local/lib/python3.12/site-packages/pyvips/voperation.py", line 305 in call',
      '  File "/usr/local/lib/python3.12/site-packages/pyvips/vimage.py", line 1378 in call_function',
      '  File "/app/thumbnailer/render.py", line 58 in make_thumbnail',
      '  File "/app/thumbnailer/worker.py", line 112 in handle',
      '  File "/app/thumbnailer/worker.py", line 87 in run',
      '  File "<frozen runpy>", line 88 in _run_code',
      '  File "<frozen runpy>", line 198 in _run_module_as_main',
      '',
      'Extension modules: _cffi_backend, pika._utils, yaml._yaml, PIL._imaging (total: 4)',
    ].join('\n') + '\n';
  return {
    id: 'segfault-139-after-libvips-bump',
    class: 'containers',
    truth: 'Revision 19 (thumbnailer 3.8.0) moved to a trixie base with libvips 8.16.1; pyvips segfaults in the native thumbnail call on the first job (exit 139) in every new pod, on every node. Revision 18 (libvips 8.14.1) still runs on 4 pods.',
    ask: { service: 'thumbnailer' },
    objects: [
      ...threeNodes(),
      node({ name: extra, zone: 'eu-west-1b' }),
      ...app.objects,
      ...exposed({ namespace: 'media', name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }),
      scaledReplicaSet(deploy, rsOf(app, 19), 2, 0, 40),
      scaledReplicaSet(deploy, rsOf(app, 18), 4, 5, 40),
      scaledReplicaSet(deploy, rsOf(app, 19), 3, 2, 39.6),
      ...newPods.flatMap((p) => restartedAgain(p, 'app', image('3.8.0'), { count: 12, firstAgo: 39, lastAgo: 0.4 })),
      ...newPods.slice(0, 2).map((p) => backOff(p, 'app', { count: 140, firstAgo: 38 })),
    ],
    logs: [
      { namespace: 'media', pod: nameOf(newPods[0] as k8s.V1Pod), container: 'app', previous: crash(newPods[0] as k8s.V1Pod, 1.9, 23) },
      { namespace: 'media', pod: nameOf(newPods[1] as k8s.V1Pod), container: 'app', previous: crash(newPods[1] as k8s.V1Pod, 3.6, 41) },
      { namespace: 'media', pod: nameOf(newPods[2] as k8s.V1Pod), container: 'app', previous: crash(newPods[2] as k8s.V1Pod, 0.4, 18) },
      ...healthyLogs(app.pods.slice(3), 'app', (p) => [
        `${pyTime(0.9)} INFO thumbnailer.render: job ${nameOf(p).slice(-5)}a1 src=s3://pixelhaus-uploads/u/40917/IMG_2203.HEIC sizes=[320, 640, 1280] took=0.84s`,
        `${pyTime(0.4)} INFO thumbnailer.render: job ${nameOf(p).slice(-5)}b7 src=s3://pixelhaus-uploads/u/11873/cover.png sizes=[320, 640] took=0.21s`,
      ]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\b139\b|segfault|segmentation/i, /revision 19/i],
      facts: [/revision 18/i, /3\.8\.0|libvips|8\.16/i, /Segmentation fault/],
      never: [/\bOOM/i, /node ip-10-0-\d+-\d+/i],
    },
  };
}

export const CONTAINER_SCENARIOS: CorpusScenario[] = [
  jvmHeapAboveLimit(),
  nodeHeapLimitAbort(),
  execFormatError(),
  firstInstallMissingSetting(),
  entrypointExitsZero(),
  sidecarCrashLoop(),
  segfaultAfterLibBump(),
];
