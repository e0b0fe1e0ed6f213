// Held-out stories, hundred-and-sixth round, part one: a Puppeteer PDF renderer whose chart
// refactor (revision 23) dropped the memory-backed emptyDir at /dev/shm, so headless Chromium
// runs out of the container's default 64 MiB shared memory on large documents ("No space left on
// device", "Target closed", "Page crashed!") and the browser dies; a JVM service whose pods,
// rescheduled onto a new node group whose kubelet caps pod PIDs at 256, cannot start its threads
// (pthread_create EAGAIN, "unable to create native thread") while the pods left on the old group
// run; a ConfigMap volume whose defaultMode 400 was meant as octal 0400 but is decimal (0620), so
// the non-root gateway gets "permission denied" on its config since revision 8; an unqualified
// Docker Hub image that the new CRI-O node pool refuses to resolve ("short-name … did not resolve
// to an alias"); a Deployment with revisionHistoryLimit 0 whose completed rollout to 2.8.0 now
// panics every five minutes, with no old ReplicaSet left for `kubectl rollout undo`; (capacity) a
// revision that pinned pods with spec.nodeName, bypassing the scheduler, so the full node's kubelet
// rejects every new pod with OutOfcpu while the ReplicaSet recreates them; and a healthy control:
// a TLS service whose log has a few old "connection reset by peer" handshake errors from the load
// balancer's TCP health checks.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, container, crashLoop, deploymentApp, epochMs, event, exposed, httpProbe, nameOf, node,
  restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, endpointSliceFor, configMap, waiting, replicaSetOf,
} from '../kit/index.js';
import type { Built, KubeJson } from '../kit/index.js';
import { ADVISES_ROLLBACK, eksNodeName, lit, logsFor, podOf, threeEksNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const deploymentOf = (app: Built): k8s.V1Deployment => (app.objects[0] ?? {}) as k8s.V1Deployment;
/** Go's standard `log` time: `2026/11/21 03:12:41`. */
const goLogTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
/** Chromium's stderr prefix time: `1121/031241.563201` (MMDD/HHMMSS.micros). */
const chromeTime = (minutes: number): string => {
  const d = ago(minutes);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())}/${p2(d.getUTCHours())}${p2(d.getUTCMinutes())}${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}201`;
};
/** Spring Boot 3.4's console time: `2026-11-21T03:12:41.563Z`. */
const springLine = (minutes: number, level: string, thread: string, logger: string, msg: string): string =>
  `${at(minutes)} ${level.padStart(5)} 1 --- [statement-service] [${thread.padStart(15).slice(-15)}] ${logger.padEnd(40).slice(0, 40)} : ${msg}`;

// ---- 1. headless Chromium on the default 64 MiB /dev/shm since revision 23 --------------------------

function chromiumDevShm(): CorpusScenario {
  const ns = 'documents';
  const { nodes, names } = threeEksNodes('10.0.96', ['14', '141', '203']);
  const image = `${ECR}/documents/pdf-renderer:4.12.0`;
  const tpl = (withShm: boolean) => ({
    containers: [container({
      image, ports: [3000], cpu: '1', memory: '2Gi',
      env: [
        { name: 'PUPPETEER_EXECUTABLE_PATH', value: '/usr/bin/chromium' },
        { name: 'CHROMIUM_FLAGS', value: '--no-sandbox --disable-gpu --font-render-hinting=none' },
        { name: 'MAX_CONCURRENT_PAGES', value: '4' },
      ],
      readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 15 }),
      securityContext: { runAsUser: 10001, runAsNonRoot: true, allowPrivilegeEscalation: false },
      ...(withShm ? { volumeMounts: [{ name: 'dshm', mountPath: '/dev/shm' }, { name: 'tmp', mountPath: '/tmp' }] } : { volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }] }),
    })],
    volumes: withShm
      ? [{ name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } }, { name: 'tmp', emptyDir: {} }]
      : [{ name: 'tmp', emptyDir: {} }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'pdf-renderer',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 12 * DAYS, changeCause: 'helm: pdf-renderer chart 2.6.1, app 4.12.0', template: tpl(true) },
      { revision: 23, createdAgo: 47, changeCause: 'helm: pdf-renderer chart 3.0.0 (values refactor), app 4.12.0', template: tpl(false) },
    ],
    pods: [
      { revision: 23, node: names[0] ?? '', createdAgo: 46.5, containers: { app: running({ sinceAgo: 3.1, restarts: 7, last: { exitCode: 1, finishedAgo: 3.2, ranSeconds: 260 } }) } },
      { revision: 23, node: names[1] ?? '', createdAgo: 45.8, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.4, ranSeconds: 310 }, 6) } },
      { revision: 23, node: names[2] ?? '', createdAgo: 45.1, containers: { app: running({ sinceAgo: 7.6, restarts: 5, last: { exitCode: 1, finishedAgo: 7.7, ranSeconds: 420 } }) } },
    ],
    settled: { available: false, availableSince: 1.4, progressingSince: 44.6 },
  });
  const [p0, p1, p2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const api = deploymentApp({
    namespace: ns,
    name: 'documents-api',
    replicas: 2,
    revisions: [{ revision: 41, createdAgo: 6 * DAYS, changeCause: 'helm: documents-api 7.3.0', template: { containers: [container({ image: `${ECR}/documents/documents-api:7.3.0`, ports: [8080], memory: '768Mi' })] } }],
    pods: [{ revision: 41, node: names[1] ?? '', createdAgo: 6 * DAYS }, { revision: 41, node: names[2] ?? '', createdAgo: 6 * DAYS - 1 }],
  });
  const pino = (t: number, level: number, pod: k8s.V1Pod, rest: string) => `{"level":${level},"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(pod)}",${rest}}`;
  const shm = (t: number, n: number) => `[${31 + n}:${44 + n}:${chromeTime(t)}:ERROR:platform_shared_memory_region_posix.cc(214)] Creating shared memory in /dev/shm/.org.chromium.Chromium.${['Xk2Lq9', 'a8Fh1Q', 'Zp07wm', 'n3RtYc'][n % 4]} failed: No space left on device (28)`;
  const crashedRun = (pod: k8s.V1Pod, start: number, end: number, job: string, pages: number) => lines(
    pino(start, 30, pod, `"msg":"chromium launched","version":"HeadlessChrome/131.0.6778.85","args":["--no-sandbox","--disable-gpu","--font-render-hinting=none","--headless=new"]`),
    pino(start - 0.02, 30, pod, `"msg":"pdf-renderer listening","port":3000`),
    pino(start - 1.1, 30, pod, `"msg":"render done","jobId":"inv-2026-118204","pages":3,"bytes":88412,"ms":812`),
    pino(start - 2.3, 30, pod, `"msg":"render done","jobId":"stmt-77120-nov","pages":11,"bytes":412877,"ms":2210`),
    pino(end + 0.4, 30, pod, `"msg":"render start","jobId":"${job}","pages":${pages},"template":"annual-statement-v5"`),
    shm(end + 0.3, 0),
    shm(end + 0.25, 1),
    shm(end + 0.2, 2),
    pino(end + 0.15, 50, pod, `"msg":"page crashed","jobId":"${job}","err":{"type":"Error","message":"Page crashed!","stack":"Error: Page crashed!\\n    at CdpPage.#onTargetCrashed (/app/node_modules/puppeteer-core/lib/cjs/puppeteer/cdp/Page.js:329:28)"}`),
    pino(end + 0.15, 50, pod, `"msg":"render failed","jobId":"${job}","status":500,"err":{"type":"TargetCloseError","message":"Protocol error (Page.printToPDF): Target closed","stack":"TargetCloseError: Protocol error (Page.printToPDF): Target closed\\n    at CallbackRegistry.clear (/app/node_modules/puppeteer-core/lib/cjs/puppeteer/common/CallbackRegistry.js:81:36)\\n    at CdpCDPSession._onClosed (/app/node_modules/puppeteer-core/lib/cjs/puppeteer/cdp/CDPSession.js:114:25)"}`),
    shm(end + 0.05, 3),
    pino(end + 0.01, 50, pod, `"msg":"browser disconnected","pendingJobs":3`),
    pino(end, 60, pod, `"msg":"chromium is gone, exiting so the kubelet restarts the pod"`),
  );
  const fp = 'spec.containers{app}';
  return {
    id: 'heldout106-chromium-dev-shm-64mi',
    class: 'containers',
    truth: 'Revision 23 of pdf-renderer (the chart 3.0.0 values refactor, same 4.12.0 image) dropped the dshm emptyDir (medium: Memory, 1Gi) mounted at /dev/shm, so headless Chromium falls back to the container runtime\'s default 64 MiB /dev/shm; large documents exhaust it ("Creating shared memory in /dev/shm … No space left on device"), the page crashes ("Page crashed!", "Target closed") and the browser dies, and the Node service exits 1, restarting every few minutes. Fix: restore the memory-backed /dev/shm mount (or launch Chromium with --disable-dev-shm-usage).',
    ask: { service: 'pdf-renderer', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'pdf-renderer', selector: { app: 'pdf-renderer' }, pods: app.pods, endpointPort: 3000 }),
      ...exposed({ namespace: ns, name: 'documents-api', selector: { app: 'documents-api' }, pods: api.pods }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 1, 0, 47),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 2, 3, 46.2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 23), 3, 1, 45.2),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 22), 0, 2, 44.6),
      ...[p0, p1, p2].map((p, i) => scheduled(p, 46.5 - i * 0.7)),
      ...restartedAgain(p0, 'app', image, { count: 8, firstAgo: 46.4, lastAgo: 3.1 }),
      ...restartedAgain(p1, 'app', image, { count: 6, firstAgo: 45.7, lastAgo: 6.6 }),
      ...restartedAgain(p2, 'app', image, { count: 6, firstAgo: 45, lastAgo: 7.6 }),
      backOff(p1, 'app', { count: 9, firstAgo: 30.2, lastAgo: 0.3 }),
      backOff(p0, 'app', { count: 3, firstAgo: 22.5, lastAgo: 3.3 }),
      event({ on: p1, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${p1.status?.podIP ?? ''}:3000/ready": dial tcp ${p1.status?.podIP ?? ''}:3000: connect: connection refused`, count: 4, firstAgo: 31, lastAgo: 6.5, fieldPath: fp }),
    ],
    logs: [
      logsFor(p0, 'app', {
        previous: crashedRun(p0, 7.6, 3.2, 'stmt-2026-ACME-0042', 164),
        current: lines(
          pino(3.1, 30, p0, `"msg":"chromium launched","version":"HeadlessChrome/131.0.6778.85","args":["--no-sandbox","--disable-gpu","--font-render-hinting=none","--headless=new"]`),
          pino(3.08, 30, p0, `"msg":"pdf-renderer listening","port":3000`),
          pino(1.9, 30, p0, `"msg":"render done","jobId":"inv-2026-118377","pages":2,"bytes":61204,"ms":655`),
          pino(0.6, 30, p0, `"msg":"render start","jobId":"stmt-2026-ACME-0043","pages":171,"template":"annual-statement-v5"`),
          shm(0.4, 1),
        ),
      }),
      logsFor(p1, 'app', { previous: crashedRun(p1, 6.6, 1.4, 'stmt-2026-GLOBEX-0007', 203) }),
      logsFor(p2, 'app', {
        previous: crashedRun(p2, 14.7, 7.7, 'stmt-2026-INITECH-0019', 142),
        current: lines(
          pino(7.6, 30, p2, `"msg":"chromium launched","version":"HeadlessChrome/131.0.6778.85","args":["--no-sandbox","--disable-gpu","--font-render-hinting=none","--headless=new"]`),
          pino(7.58, 30, p2, `"msg":"pdf-renderer listening","port":3000`),
          pino(4.2, 30, p2, `"msg":"render done","jobId":"inv-2026-118351","pages":4,"bytes":120733,"ms":940`),
          pino(1.1, 30, p2, `"msg":"render done","jobId":"quote-55120","pages":1,"bytes":40127,"ms":402`),
        ),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/shm|shared memory/i, /\b23\b|dshm|emptyDir|mount/i],
      facts: [/\/dev\/shm/, /No space left on device|Target closed|Page crashed/i, /emptyDir|medium:? ?Memory|dshm|disable-dev-shm-usage/i],
      never: [/\bOOM/, /documents-api/, /image[^\n]*(not found|pull)/i],
    },
  };
}

// ---- 2. a new node group whose kubelet caps pod PIDs at 256 -------------------------------------------

function podPidsLimitNewPool(): CorpusScenario {
  const ns = 'banking';
  const old = ['31', '118', '207'].map((h, i) => node({
    name: eksNodeName(`10.0.52.${h}`), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', pool: 'general', createdAgo: 96 * DAYS,
    ...(i < 2 ? { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: ago(3 * HOURS + 25) }] } : {}),
  }));
  const v2 = ['66', '174'].map((h, i) => node({
    name: eksNodeName(`10.0.53.${h}`), zone: ['eu-west-1a', 'eu-west-1b'][i] ?? 'eu-west-1a', pool: 'general-v2', instanceType: 'm7i.xlarge', createdAgo: 26 * HOURS,
  }));
  for (const n of v2) {
    if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { osImage: 'Amazon Linux 2023.6.20251105', kernelVersion: '6.1.155-176.282.amzn2023.x86_64', containerRuntimeVersion: 'containerd://1.7.27', kubeletVersion: 'v1.31.11-eks-3abbec1', kubeProxyVersion: 'v1.31.11-eks-3abbec1' });
  }
  const [oldA, , oldC] = old.map(nameOf);
  const [newA, newB] = v2.map(nameOf);
  const image = `${ECR}/banking/statement-service:3.9.1`;
  const tpl = {
    containers: [container({
      image, ports: [8080], cpu: '1', memory: '2Gi',
      env: [
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError' },
        { name: 'SPRING_KAFKA_LISTENER_CONCURRENCY', value: '48' },
        { name: 'SERVER_TOMCAT_THREADS_MAX', value: '200' },
        { name: 'STATEMENTS_RENDER_POOL_SIZE', value: '64' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  };
  const crash = { exitCode: 1, finishedAgo: 2.2, ranSeconds: 41 };
  const app = deploymentApp({
    namespace: ns,
    name: 'statement-service',
    replicas: 4,
    revisions: [{ revision: 12, createdAgo: 6 * DAYS, changeCause: 'argocd: statement-service 3.9.1', template: tpl }],
    pods: [
      { revision: 12, node: oldC ?? '', createdAgo: 6 * DAYS },
      { revision: 12, node: oldC ?? '', createdAgo: 6 * DAYS - 2 },
      { revision: 12, node: newA ?? '', createdAgo: 3 * HOURS + 22, ready: false, containers: { app: crashLoop(crash, 38) } },
      { revision: 12, node: newB ?? '', createdAgo: 3 * HOURS + 21, ready: false, containers: { app: crashLoop({ ...crash, finishedAgo: 4.1, ranSeconds: 39 }, 37) } },
    ],
    settled: { available: false, availableSince: 3 * HOURS + 22, progressingSince: 6 * DAYS - 3, progressingUpdatedAgo: 6 * DAYS - 3 },
  });
  const [ok0, , bad0, bad1] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3)];
  // A lighter service that moved onto the new group at the same time and runs fine there.
  const notifier = deploymentApp({
    namespace: ns,
    name: 'notification-relay',
    replicas: 2,
    revisions: [{ revision: 5, createdAgo: 20 * DAYS, changeCause: 'argocd: notification-relay 1.4.0', template: { containers: [container({ image: `${ECR}/banking/notification-relay:1.4.0`, ports: [8080], memory: '256Mi' })] } }],
    pods: [{ revision: 5, node: newA ?? '', createdAgo: 3 * HOURS + 22 }, { revision: 5, node: newB ?? '', createdAgo: 3 * HOURS + 21 }],
  });
  const jvmRun = (end: number) => {
    const start = end + 41 / 60;
    return lines(
      springLine(start, 'INFO', 'main', 'c.a.b.s.StatementServiceApplication', 'Starting StatementServiceApplication v3.9.1 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)'),
      springLine(start - 0.05, 'INFO', 'main', 'c.a.b.s.StatementServiceApplication', 'The following 1 profile is active: "prod"'),
      springLine(start - 0.15, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
      springLine(start - 0.3, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'statements-pool - Start completed.'),
      springLine(start - 0.45, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat started on port 8080 (http) with context path \'/\''),
      springLine(start - 0.5, 'INFO', 'ntainer#0-31-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', '[Consumer clientId=consumer-statement-service-32, groupId=statement-service] Subscribed to topic(s): ledger.postings'),
      `[38.912s][warning][os,thread] Failed to start thread "Unknown thread" - pthread_create failed (EAGAIN) for attributes: stacksize: 1024k, guardsize: 0k, detached.`,
      `[38.913s][warning][os,thread] Failed to start the native thread for java.lang.Thread "kafka-coordinator-heartbeat-thread | statement-service"`,
      `[38.940s][warning][os,thread] Failed to start thread "Unknown thread" - pthread_create failed (EAGAIN) for attributes: stacksize: 1024k, guardsize: 0k, detached.`,
      springLine(end + 0.02, 'ERROR', 'main', 'o.s.boot.SpringApplication', 'Application run failed'),
      'java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory or process/resource limits reached',
      '\tat java.base/java.lang.Thread.start0(Native Method)',
      '\tat java.base/java.lang.Thread.start(Thread.java:1553)',
      '\tat java.base/java.lang.Thread.start(Thread.java:1529)',
      '\tat org.apache.kafka.clients.consumer.internals.AbstractCoordinator.startHeartbeatThreadIfNeeded(AbstractCoordinator.java:1460)',
      '\tat org.springframework.kafka.listener.ConcurrentMessageListenerContainer.doStart(ConcurrentMessageListenerContainer.java:264)',
      '\tat org.springframework.context.support.DefaultLifecycleProcessor.doStart(DefaultLifecycleProcessor.java:288)',
      springLine(end, 'INFO', 'main', 'com.zaxxer.hikari.HikariDataSource', 'statements-pool - Shutdown completed.'),
    );
  };
  const fp = 'spec.containers{app}';
  return {
    id: 'heldout106-pod-pids-limit-new-node-group',
    class: 'nodes',
    truth: 'The platform team is migrating to node group general-v2, whose launch template sets the kubelet\'s podPidsLimit to 256; two of the old general nodes were cordoned and drained 3 h 25 min ago. The two statement-service pods rescheduled onto general-v2 hit the pod PID limit while starting their ~300 threads (48 Kafka consumers with heartbeat threads, the render pool, Tomcat): pthread_create fails with EAGAIN and the JVM dies with "unable to create native thread", exit 1, crash-looping; the two pods still on the old node run fine. Nothing in the app changed and memory is not the issue. Fix: raise podPidsLimit on general-v2 (or cut the thread count).',
    ask: { service: 'statement-service', namespace: ns },
    objects: [
      ...old, ...v2, ...app.objects, ...notifier.objects,
      ...exposed({ namespace: ns, name: 'statement-service', selector: { app: 'statement-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'notification-relay', selector: { app: 'notification-relay' }, pods: notifier.pods }),
      backOff(bad0, 'app', { count: 412, firstAgo: 3 * HOURS + 19, lastAgo: 0.4 }),
      backOff(bad1, 'app', { count: 405, firstAgo: 3 * HOURS + 18, lastAgo: 1.1 }),
      ...restartedAgain(bad0, 'app', image, { count: 39, firstAgo: 3 * HOURS + 21, lastAgo: 2.9 }),
      ...restartedAgain(bad1, 'app', image, { count: 38, firstAgo: 3 * HOURS + 20, lastAgo: 4.8 }),
      event({ on: bad0, reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${bad0.status?.podIP ?? ''}:8080/actuator/health/readiness": dial tcp ${bad0.status?.podIP ?? ''}:8080: connect: connection refused`, count: 61, firstAgo: 3 * HOURS + 20, lastAgo: 2.5, fieldPath: fp }),
    ],
    logs: [
      logsFor(bad0, 'app', { previous: jvmRun(2.2) }),
      logsFor(bad1, 'app', { previous: jvmRun(4.1) }),
      logsFor(ok0, 'app', {
        current: lines(
          springLine(1.4, 'INFO', 'ntainer#0-12-C-1', 'c.a.b.s.ledger.PostingListener', 'Applied 118 postings to 41 statements (partition ledger.postings-12, offset 88120433)'),
          springLine(0.3, 'INFO', 'render-pool-17', 'c.a.b.s.render.StatementRenderer', 'Rendered statement ST-2026-11-4471902 in 212 ms'),
        ),
      }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/pids?\b|threads?|fork|EAGAIN|process(es)? limit/i],
      facts: [/general-v2/, /unable to create native thread|pthread_create|EAGAIN/i, /podPidsLimit|pids?[ -]limit|pod-max-pids|PID limit/i],
      never: [/OOMKill|memory limit|raise (the )?memory|increase (the )?(memory|heap|Xmx)/i, ADVISES_ROLLBACK, /notification-relay/],
    },
  };
}

// ---- 3. defaultMode 400 (decimal, i.e. 0620) on the config volume since revision 8 ---------------

function configMapDefaultModeDecimal(): CorpusScenario {
  const ns = 'edge';
  const { nodes, names } = threeEksNodes('10.0.140', ['9', '96', '188']);
  const image = `${ECR}/edge/quota-gateway:2.3.0`;
  const tpl = (mode: number) => ({
    containers: [container({
      image, ports: [8080, { name: 'metrics', containerPort: 9090 }], cpu: '300m', memory: '256Mi',
      args: ['--config=/etc/quota-gateway/config.yaml'],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
      volumeMounts: [{ name: 'config', mountPath: '/etc/quota-gateway', readOnly: true }],
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    })],
    volumes: [{ name: 'config', configMap: { name: 'quota-gateway-config', defaultMode: mode } }],
    securityContext: { runAsUser: 65532, runAsGroup: 65532, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'quota-gateway',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 7, createdAgo: 20 * DAYS, changeCause: 'argocd: quota-gateway chart 1.8.2, app 2.3.0', template: tpl(420) },
      { revision: 8, createdAgo: 28, changeCause: 'argocd: quota-gateway chart 1.9.0 (harden config mount permissions)', template: tpl(400) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 7, node: names[k] ?? '', createdAgo: 20 * DAYS - k })),
      { revision: 8, node: names[1] ?? '', createdAgo: 27.6, ready: false, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.9, ranSeconds: 0.2 }, 10) } },
    ],
  });
  const fresh = podOf(app, 3);
  const cm = configMap({
    namespace: ns, name: 'quota-gateway-config', createdAgo: 20 * DAYS,
    data: { 'config.yaml': 'listen: ":8080"\nmetrics: ":9090"\nredis:\n  addr: quota-redis.edge.svc.cluster.local:6379\n  pool_size: 32\nlimits:\n  default: { rps: 200, burst: 400 }\n  tenants:\n    acme-mobile: { rps: 1500, burst: 3000 }\n    partner-feeds: { rps: 50, burst: 50 }\n' },
  });
  const redis = deploymentApp({
    namespace: ns,
    name: 'quota-redis',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'redis', image: 'public.ecr.aws/docker/library/redis:7.4.1-alpine', ports: [{ name: 'redis', containerPort: 6379 }], memory: '512Mi', readiness: null, liveness: null })] } }],
    pods: [{ revision: 3, node: names[2] ?? '', createdAgo: 33 * DAYS }],
  });
  const zapTs = (t: number) => (epochMs(t) / 1000).toFixed(6);
  const run = (end: number) => lines(
    `{"level":"info","ts":${zapTs(end + 0.003)},"caller":"cmd/quota-gateway/main.go:44","msg":"starting quota-gateway","version":"2.3.0","commit":"e41b7a9","uid":65532,"gid":65532}`,
    `{"level":"fatal","ts":${zapTs(end)},"caller":"cmd/quota-gateway/main.go:57","msg":"cannot load config","path":"/etc/quota-gateway/config.yaml","error":"open /etc/quota-gateway/config.yaml: permission denied"}`,
  );
  return {
    id: 'heldout106-configmap-defaultmode-decimal-400',
    class: 'config',
    truth: 'Revision 8 of quota-gateway (chart 1.9.0, "harden config mount permissions") set the config volume\'s defaultMode to 400 meaning octal 0400, but the manifest value is decimal: 400 = 0620 (rw--w----), so the mounted config.yaml is owned by root, not readable by group or others, and the gateway, running as uid 65532, dies at start with "open /etc/quota-gateway/config.yaml: permission denied" (exit 1, CrashLoopBackOff); the rollout is stuck with the three revision-7 pods (defaultMode 420 = 0644) serving. Fix: defaultMode 0400 written as octal in YAML (or 256 decimal), 0440 with an fsGroup, or back to 420.',
    ask: { service: 'quota-gateway', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...redis.objects, cm,
      ...exposed({ namespace: ns, name: 'quota-gateway', selector: { app: 'quota-gateway' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'quota-redis', selector: { app: 'quota-redis' }, pods: redis.pods, ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }], endpointPort: 6379 }),
      scaledReplicaSet(deploymentOf(app), rsOf(app, 8), 1, 0, 28),
      scheduled(fresh, 27.6),
      ...restartedAgain(fresh, 'app', image, { count: 11, firstAgo: 27.5, lastAgo: 1.9 }),
      backOff(fresh, 'app', { count: 128, firstAgo: 27.3, lastAgo: 0.2 }),
    ],
    logs: [
      logsFor(fresh, 'app', { previous: run(1.9) }),
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', {
        current: lines(
          `{"level":"info","ts":${zapTs(1.3 - k * 0.1)},"caller":"limiter/handler.go:88","msg":"decision","tenant":"acme-mobile","allowed":true,"remaining":1184}`,
          `{"level":"info","ts":${zapTs(0.4 - k * 0.1)},"caller":"limiter/handler.go:88","msg":"decision","tenant":"partner-feeds","allowed":false,"remaining":0}`,
        ),
      })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/permission|defaultMode|file mode|0?620/i, /revision 8|defaultMode/i],
      facts: [/defaultMode/, /\b400\b|0?620|octal|decimal/i, /config\.yaml/],
      never: [/\bOOM/, /quota-gateway-config[^\n]*(missing|not found|does not exist)/i, /quota-redis/],
    },
  };
}

// ---- 4. an unqualified image name on the new CRI-O node pool ---------------------------------------

function crioShortNameUnqualifiedImage(): CorpusScenario {
  const ns = 'platform-tools';
  const old = ['23', '160'].map((h, i) => node({ name: eksNodeName(`10.0.24.${h}`), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1c', pool: 'general', createdAgo: 71 * DAYS }));
  const crio = ['37', '119'].map((h, i) => node({ name: eksNodeName(`10.0.25.${h}`), zone: i === 0 ? 'eu-west-1a' : 'eu-west-1b', pool: 'general-crio', instanceType: 'm7i.xlarge', createdAgo: 5 * DAYS - i * 60 }));
  for (const n of crio) {
    if (n.status?.nodeInfo) Object.assign(n.status.nodeInfo, { osImage: 'Ubuntu 24.04.1 LTS', kernelVersion: '6.8.0-1018-aws', containerRuntimeVersion: 'cri-o://1.31.3' });
  }
  const [oldA, oldC] = old.map(nameOf);
  const [crioA, crioB] = crio.map(nameOf);
  const goneNode = eksNodeName('10.0.24.88');
  const image = 'unleashorg/unleash-server:6.3.0';
  const tpl = {
    containers: [container({
      image, ports: [4242], cpu: '250m', memory: '512Mi',
      env: [
        { name: 'DATABASE_HOST', value: 'unleash-db.cluster-c1qz8w2n5k.eu-west-1.rds.amazonaws.com' },
        { name: 'DATABASE_NAME', value: 'unleash' },
        { name: 'DATABASE_SSL', value: 'true' },
        { name: 'LOG_LEVEL', value: 'info' },
      ],
      readiness: httpProbe('/health', 4242), liveness: httpProbe('/health', 4242, { initialDelaySeconds: 30 }),
    })],
  };
  const shortName = `short-name "${image}" did not resolve to an alias and no unqualified-search registries are defined in "/etc/containers/registries.conf"`;
  const inspectMsg = `Failed to inspect image "${image}": rpc error: code = Unknown desc = ${shortName}`;
  const app = deploymentApp({
    namespace: ns,
    name: 'feature-flags',
    replicas: 4,
    revisions: [{ revision: 9, createdAgo: 18 * DAYS, changeCause: 'helm: feature-flags 6.3.0', template: tpl }],
    pods: [
      { revision: 9, node: oldA ?? '', createdAgo: 18 * DAYS },
      { revision: 9, node: oldC ?? '', createdAgo: 18 * DAYS - 1 },
      { revision: 9, node: crioA ?? '', createdAgo: 49, ready: false, containers: { app: waiting('ImageInspectError', inspectMsg) } },
      { revision: 9, node: crioB ?? '', createdAgo: 48.7, ready: false, containers: { app: waiting('ImageInspectError', inspectMsg) } },
    ],
    settled: { available: true, availableSince: 18 * DAYS - 1, progressingSince: 18 * DAYS - 1 },
  });
  const [ok0, ok1, bad0, bad1] = [podOf(app, 0), podOf(app, 1), podOf(app, 2), podOf(app, 3)];
  // Another workload already on the CRI-O pool, with a fully qualified image: it pulled fine.
  const proxyImage = `${ECR}/platform-tools/flag-edge:2.1.4`;
  const edge = deploymentApp({
    namespace: ns,
    name: 'flag-edge',
    replicas: 2,
    revisions: [{ revision: 4, createdAgo: 9 * DAYS, changeCause: 'helm: flag-edge 2.1.4', template: { containers: [container({ image: proxyImage, ports: [3063], memory: '128Mi' })] } }],
    pods: [{ revision: 4, node: crioA ?? '', createdAgo: 4 * DAYS }, { revision: 4, node: crioB ?? '', createdAgo: 4 * DAYS - 30 }],
  });
  // CRI-O resolves the name already when the kubelet inspects the image (IfNotPresent): ImageInspectError, no pull is ever tried.
  const pullEvents = (p: k8s.V1Pod, first: number) => {
    const fp = 'spec.containers{app}';
    return [
      scheduled(p, first),
      event({ on: p, reason: 'InspectFailed', message: inspectMsg, count: 231, firstAgo: first - 0.1, lastAgo: 0.2, fieldPath: fp }),
      event({ on: p, reason: 'Failed', message: 'Error: ImageInspectError', count: 231, firstAgo: first - 0.1, lastAgo: 0.2, fieldPath: fp }),
    ];
  };
  const unleash = (t: number, level: string, file: string, msg: string) => `[${at(t).slice(0, 23)}] [${level}] ${file} - ${msg}`;
  return {
    id: 'heldout106-crio-short-name-unqualified-image',
    class: 'nodes',
    truth: 'feature-flags uses the unqualified Docker Hub image name unleashorg/unleash-server:6.3.0. containerd expands it to docker.io, but the new general-crio node pool runs CRI-O with no unqualified-search registries in /etc/containers/registries.conf, so since node ip-10-0-24-88 was drained 49 minutes ago the two pods rescheduled onto general-crio nodes cannot even inspect the image ("short-name … did not resolve to an alias", InspectFailed) and sit in ImageInspectError with no container ever created, while the two pods on the old containerd nodes keep serving. Fix: use the fully qualified docker.io/unleashorg/unleash-server:6.3.0 (or add docker.io to the pool\'s unqualified-search-registries / a short-name alias).',
    ask: { service: 'feature-flags', namespace: ns },
    objects: [
      ...old, ...crio, ...app.objects, ...edge.objects,
      ...exposed({ namespace: ns, name: 'feature-flags', selector: { app: 'feature-flags' }, pods: app.pods, endpointPort: 4242 }),
      ...exposed({ namespace: ns, name: 'flag-edge', selector: { app: 'flag-edge' }, pods: edge.pods, endpointPort: 3063 }),
      event({ on: replicaSetOf(app, 9), type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(bad0)}`, firstAgo: 49, lastAgo: 49, component: 'replicaset-controller' }),
      event({ on: replicaSetOf(app, 9), type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(bad1)}`, firstAgo: 48.7, lastAgo: 48.7, component: 'replicaset-controller' }),
      event({ on: { kind: 'Node', name: goneNode }, type: 'Normal', reason: 'NodeNotSchedulable', message: `Node ${goneNode} status is now: NodeNotSchedulable`, firstAgo: 50, lastAgo: 50, component: 'kubelet' }),
      event({ on: { kind: 'Node', name: goneNode }, type: 'Normal', reason: 'RemovingNode', message: `Node ${goneNode} event: Removing Node ${goneNode} from Controller`, firstAgo: 44, lastAgo: 44, component: 'node-controller' }),
      ...pullEvents(bad0, 49),
      ...pullEvents(bad1, 48.7),
    ],
    logs: [ok0, ok1].map((p, k) => logsFor(p, 'app', {
      current: lines(
        unleash(2.4 - k * 0.2, 'INFO', 'client-metrics-service-v2.js', 'Registered 38 client metrics entries'),
        unleash(0.9 - k * 0.2, 'INFO', 'scheduler-service.js', 'Scheduled job "updateLastSeen" ran in 14ms'),
      ),
    })),
    expect: {
      verdict: 'problems',
      headline: [/short-name|unqualified|fully[- ]qualified|registries\.conf|docker\.io|cri-?o/i],
      facts: [/short-name|unqualified/i, /cri-?o|general-crio/i, /docker\.io\/unleashorg|fully[- ]qualified|registry/i],
      never: [/imagePullSecret|credential|unauthori[sz]ed|rate.?limit/i, /(tag|image)[^\n]*(does not exist|deleted)/i, /flag-edge/],
    },
  };
}

// ---- 5. revisionHistoryLimit 0: revision 14 panics and there is nothing to undo to ------------------

function revisionHistoryLimitZero(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeEksNodes('10.0.33', ['42', '129', '250']);
  const image = (v: string) => `${ECR}/shop/orders-api:${v}`;
  const tpl = (v: string) => ({
    containers: [container({
      image: image(v), ports: [8080], cpu: '500m', memory: '512Mi',
      env: [{ name: 'GOMEMLIMIT', value: '460MiB' }, { name: 'OUTBOX_INTERVAL', value: '5m' }],
      readiness: httpProbe('/readyz', 8080), liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
  });
  const built = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 9 * DAYS, changeCause: 'CI: orders-api 2.7.3 -> 2.7.4 (pipeline 88023)', template: tpl('2.7.4') },
      { revision: 14, createdAgo: 41, changeCause: 'CI: orders-api 2.7.4 -> 2.8.0 (pipeline 88121)', template: tpl('2.8.0') },
    ],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: 41, ready: false, containers: { app: crashLoop({ exitCode: 2, finishedAgo: 1.2, ranSeconds: 301 }, 6) } },
      { revision: 14, node: names[1] ?? '', createdAgo: 40.2, containers: { app: running({ sinceAgo: 2.4, restarts: 6, last: { exitCode: 2, finishedAgo: 2.5, ranSeconds: 300 } }) } },
      { revision: 14, node: names[2] ?? '', createdAgo: 39.5, ready: false, containers: { app: crashLoop({ exitCode: 2, finishedAgo: 0.6, ranSeconds: 302 }, 5) } },
    ],
    settled: { available: false, availableSince: 1.2, progressingSince: 38.8 },
  });
  const oldRs = rsOf(built, 13);
  const newRs = rsOf(built, 14);
  // The controller deleted revision 13's ReplicaSet as soon as the rollout completed: revisionHistoryLimit 0.
  const app: Built = { ...built, objects: built.objects.filter((o) => nameOf(o) !== oldRs) };
  const dep = deploymentOf(app);
  if (dep.spec) dep.spec.revisionHistoryLimit = 0;
  const [p0, p1, p2] = [podOf(app, 0), podOf(app, 1), podOf(app, 2)];
  const payments = deploymentApp({
    namespace: ns,
    name: 'payments-api',
    replicas: 2,
    revisions: [{ revision: 57, createdAgo: 4 * DAYS, changeCause: 'CI: payments-api 5.2.1 (pipeline 87990)', template: { containers: [container({ image: `${ECR}/shop/payments-api:5.2.1`, ports: [8080] })] } }],
    pods: [{ revision: 57, node: names[0] ?? '', createdAgo: 4 * DAYS }, { revision: 57, node: names[2] ?? '', createdAgo: 4 * DAYS - 1 }],
  });
  const slog = (t: number, level: string, rest: string) => `{"time":"${at(t)}","level":"${level}",${rest}}`;
  const run = (end: number, goroutine: number) => {
    const start = end + 5;
    return lines(
      slog(start, 'INFO', '"msg":"orders-api starting","version":"2.8.0","commit":"5c0d2f1","addr":":8080"'),
      slog(start - 0.01, 'INFO', '"msg":"postgres pool ready","max_conns":25'),
      slog(start - 0.01, 'INFO', '"msg":"outbox relay scheduled","interval":"5m0s","publisher":"kafka"'),
      slog(start - 1.3, 'INFO', '"msg":"request","method":"POST","path":"/v1/orders","status":201,"dur_ms":38'),
      slog(start - 2.8, 'INFO', '"msg":"request","method":"GET","path":"/v1/orders/ORD-88120931","status":200,"dur_ms":7'),
      slog(end + 0.01, 'INFO', '"msg":"outbox relay: flushing","pending":214'),
      'panic: runtime error: invalid memory address or nil pointer dereference',
      '[signal SIGSEGV: segmentation violation code=0x1 addr=0x30 pc=0x9d4c2e]',
      '',
      `goroutine ${goroutine} [running]:`,
      'github.com/acme/orders-api/internal/outbox.(*Relay).flush(0xc0001a4000, {0xc0c1e0, 0xc000392000})',
      '\t/src/internal/outbox/relay.go:142 +0x2ae',
      'github.com/acme/orders-api/internal/outbox.(*Relay).Run.func1()',
      '\t/src/internal/outbox/relay.go:88 +0x45',
      'created by github.com/acme/orders-api/internal/outbox.(*Relay).Run in goroutine 1',
      '\t/src/internal/outbox/relay.go:81 +0x11a',
    );
  };
  const img = image('2.8.0');
  return {
    id: 'heldout106-revision-history-limit-zero-no-undo',
    class: 'rollout',
    truth: 'Revision 14 of orders-api (2.7.4 -> 2.8.0, 41 minutes ago) rolled out cleanly, but its new outbox relay panics with a nil pointer dereference on its first flush, five minutes after each start (exit 2), so every pod crash-loops. The Deployment has revisionHistoryLimit: 0, so the controller deleted revision 13\'s ReplicaSet as soon as the rollout completed: `kubectl rollout undo` has no earlier revision to return to. Fix: redeploy the previous image explicitly (set the image back to orders-api:2.7.4) and restore a non-zero revisionHistoryLimit.',
    ask: { service: 'orders-api', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...payments.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'payments-api', selector: { app: 'payments-api' }, pods: payments.pods }),
      scaledReplicaSet(dep, newRs, 1, 0, 41),
      scaledReplicaSet(dep, oldRs, 2, 3, 40.3),
      scaledReplicaSet(dep, newRs, 2, 1, 40.3),
      scaledReplicaSet(dep, oldRs, 1, 2, 39.6),
      scaledReplicaSet(dep, newRs, 3, 2, 39.6),
      scaledReplicaSet(dep, oldRs, 0, 1, 38.9),
      ...[p0, p1, p2].map((p, i) => scheduled(p, 41 - i * 0.75)),
      ...restartedAgain(p0, 'app', img, { count: 6, firstAgo: 35.8, lastAgo: 6.3 }),
      ...restartedAgain(p1, 'app', img, { count: 6, firstAgo: 35.1, lastAgo: 2.4 }),
      ...restartedAgain(p2, 'app', img, { count: 5, firstAgo: 34.4, lastAgo: 5.7 }),
      backOff(p0, 'app', { count: 7, firstAgo: 24, lastAgo: 0.4 }),
      backOff(p2, 'app', { count: 5, firstAgo: 17, lastAgo: 0.2 }),
    ],
    logs: [
      logsFor(p0, 'app', { previous: run(1.2, 87) }),
      logsFor(p1, 'app', { previous: run(2.5, 91), current: lines(slog(2.4, 'INFO', '"msg":"orders-api starting","version":"2.8.0","commit":"5c0d2f1","addr":":8080"'), slog(2.39, 'INFO', '"msg":"outbox relay scheduled","interval":"5m0s","publisher":"kafka"'), slog(0.8, 'INFO', '"msg":"request","method":"POST","path":"/v1/orders","status":201,"dur_ms":41')) }),
      logsFor(p2, 'app', { previous: run(0.6, 84) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/panic|nil pointer|SIGSEGV|crash/i, /revision 14|2\.8\.0/i],
      facts: [/revisionHistoryLimit|history limit|no (old|older|previous|earlier) (ReplicaSet|revision)|nothing to (undo|roll ?back)/i, /2\.7\.4/, /set image|redeploy|re-deploy|previous (image|version|tag)|pin/i],
      never: [/rollout undo(?![^\n]*(nothing|no |not |cannot|can't|won't|fail|unavailable|impossible|deleted|gone))/i, /\bOOM/, /payments-api/],
    },
  };
}

// ---- 6. (capacity) spec.nodeName bypasses the scheduler: OutOfcpu on a full node -------------------

function nodeNamePinnedOutOfCpu(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeEksNodes('10.0.44', ['12', '97', '230']);
  const pinned = names[0] ?? '';
  const image = `${ECR}/media/transcoder:5.4.2`;
  const base = () => container({ image, ports: [8080], cpu: '2', memory: '4Gi', env: [{ name: 'WORKERS', value: '2' }, { name: 'CACHE_DIR', value: '/cache' }], volumeMounts: [{ name: 'cache', mountPath: '/cache' }] });
  const volumes = [{ name: 'cache', hostPath: { path: '/mnt/nvme/transcode-cache', type: 'DirectoryOrCreate' } }];
  const built = deploymentApp({
    namespace: ns,
    name: 'transcoder',
    replicas: 4,
    revisions: [
      { revision: 8, createdAgo: 9 * DAYS, changeCause: 'argocd: transcoder 5.4.2', template: { containers: [base()], volumes } },
      { revision: 9, createdAgo: 17, changeCause: 'kubectl patch: pin transcoder to the warm-cache node (INC-4471)', template: { containers: [base()], volumes } },
    ],
    pods: [
      { revision: 8, node: pinned, createdAgo: 9 * DAYS },
      { revision: 8, node: names[1] ?? '', createdAgo: 9 * DAYS - 1 },
      { revision: 8, node: names[2] ?? '', createdAgo: 9 * DAYS - 2 },
      // Revision 9's pods, bound by the template to the pinned node: the kubelet rejects each at admission.
      ...Array.from({ length: 12 }, (_, i) => ({ revision: 9, node: pinned, createdAgo: 3.2 - i * 0.25, phase: 'Failed' as const, reason: 'OutOfcpu', message: 'Pod was rejected: Node didn\'t have enough resource: cpu, requested: 2000, used: 3250, capacity: 3920' })),
    ],
  });
  // The template's spec.nodeName, which the builders do not write, and what the kubelet leaves on a rejected pod.
  for (const o of built.objects) {
    if (o.kind === 'ReplicaSet' && o.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '9') {
      const rs = o as k8s.V1ReplicaSet;
      if (rs.spec?.template?.spec) rs.spec.template.spec.nodeName = pinned;
      if (rs.spec) rs.spec.replicas = 2;
    }
    if (o.kind === 'Deployment') {
      const d = o as k8s.V1Deployment;
      if (d.spec?.template.spec) d.spec.template.spec.nodeName = pinned;
    }
  }
  for (const p of built.pods) {
    if (p.status?.phase !== 'Failed' || !p.status) continue;
    p.status.conditions = [];
    delete p.status.containerStatuses;
    delete p.status.podIP;
    delete p.status.podIPs;
  }
  const app = built;
  const rejected = app.pods.slice(3);
  // The rest of the pinned node's CPU requests: 2000 (transcoder) + 1000 (thumbnailer) + 250 (media-api) = 3250m.
  const thumbs = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 30 * DAYS, changeCause: 'argocd: thumbnailer 1.9.0', template: { containers: [container({ image: `${ECR}/media/thumbnailer:1.9.0`, ports: [8080], cpu: '1', memory: '1Gi' })] } }],
    pods: [{ revision: 3, node: pinned, createdAgo: 12 * DAYS }],
  });
  const mediaApi = deploymentApp({
    namespace: ns,
    name: 'media-api',
    replicas: 2,
    revisions: [{ revision: 22, createdAgo: 5 * DAYS, changeCause: 'argocd: media-api 3.3.1', template: { containers: [container({ image: `${ECR}/media/media-api:3.3.1`, ports: [8080], cpu: '250m' })] } }],
    pods: [{ revision: 22, node: pinned, createdAgo: 5 * DAYS }, { revision: 22, node: names[1] ?? '', createdAgo: 5 * DAYS - 1 }],
  });
  const dep = deploymentOf(app);
  const rs9 = rsOf(app, 9);
  const ffLog = (p: k8s.V1Pod, k: number) => lines(
    `time=${at(2.6 - k * 0.1)} level=INFO msg="job done" job=vid-${88120 + k} profile=hls-1080p duration_s=412 cache=hit`,
    `time=${at(0.7 - k * 0.1)} level=INFO msg="job started" job=vid-${88131 + k} profile=hls-720p source=s3://acme-media-ingest/2026/11/21/${nameOf(p).slice(-5)}.mov`,
  );
  return {
    id: 'heldout106-nodename-pinned-kubelet-outofcpu',
    class: 'capacity',
    truth: `Revision 9 of transcoder (a kubectl patch 17 minutes ago, INC-4471) pinned the pod template to node ${pinned} with spec.nodeName, which bypasses the scheduler. That node has only 670m of its 3920m CPU unrequested, so its kubelet rejects every new 2-CPU transcoder pod at admission (OutOfcpu: "Node didn't have enough resource: cpu, requested: 2000, used: 3250, capacity: 3920"), the ReplicaSet keeps creating replacements in a loop of Failed pods, and the rollout cannot progress (three revision-8 pods still serve). Fix: remove spec.nodeName (use a nodeSelector/affinity so the scheduler places pods where there is room).`,
    ask: { service: 'transcoder', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...thumbs.objects, ...mediaApi.objects,
      ...exposed({ namespace: ns, name: 'transcoder', selector: { app: 'transcoder' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-api', selector: { app: 'media-api' }, pods: mediaApi.pods }),
      scaledReplicaSet(dep, rs9, 1, 0, 17),
      scaledReplicaSet(dep, rsOf(app, 8), 3, 4, 17),
      scaledReplicaSet(dep, rs9, 2, 1, 17),
      event({ on: replicaSetOf(app, 9), type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(rejected[rejected.length - 1])}`, count: 1, firstAgo: 0.5, lastAgo: 0.5, component: 'replicaset-controller' }),
      ...rejected.map((p, i) => event({ on: p, reason: 'OutOfcpu', message: 'Node didn\'t have enough resource: cpu, requested: 2000, used: 3250, capacity: 3920', firstAgo: 3.2 - i * 0.25, lastAgo: 3.2 - i * 0.25 })),
      event({ on: { kind: 'Node', name: pinned }, type: 'Normal', reason: 'NodeHasSufficientMemory', message: `Node ${pinned} status is now: NodeHasSufficientMemory`, firstAgo: 9 * DAYS, lastAgo: 9 * DAYS, component: 'kubelet' }),
    ],
    logs: app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: ffLog(p, k) })),
    expect: {
      verdict: 'problems',
      headline: [/OutOfcpu|enough resource: cpu|\bcpu\b/i, /nodeName|pinn|bypass|scheduler|ip-10-0-44-12|revision 9/i],
      facts: [/OutOfcpu/i, /nodeName/, lit(pinned), /revision 9|INC-4471/i],
      never: [/\bOOM/, /(add|more) nodes|scale (up )?the (cluster|node ?group)|cluster.?autoscaler/i, /thumbnailer|media-api/],
    },
  };
}

// ---- 7. healthy control: old "connection reset by peer" from the NLB's TCP health checks ------------

function healthyTlsHandshakeResets(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeEksNodes('10.0.88', ['21', '104', '199']);
  const image = `${ECR}/billing/billing-portal:1.22.5`;
  const app = deploymentApp({
    namespace: ns,
    name: 'billing-portal',
    replicas: 3,
    revisions: [
      { revision: 30, createdAgo: 13 * DAYS, changeCause: 'argocd: billing-portal 1.22.4', template: { containers: [container({ image: `${ECR}/billing/billing-portal:1.22.4`, ports: [{ name: 'https', containerPort: 8443 }], readiness: { httpGet: { path: '/healthz', port: 8443, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }, liveness: { httpGet: { path: '/healthz', port: 8443, scheme: 'HTTPS' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 } })] } },
      { revision: 31, createdAgo: 6 * DAYS, changeCause: 'argocd: billing-portal 1.22.5', template: { containers: [container({ image, ports: [{ name: 'https', containerPort: 8443 }], readiness: { httpGet: { path: '/healthz', port: 8443, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }, liveness: { httpGet: { path: '/healthz', port: 8443, scheme: 'HTTPS' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 } })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 31, node: names[k] ?? '', createdAgo: 6 * DAYS - k })),
  });
  const svc = service({ namespace: ns, name: 'billing-portal', selector: { app: 'billing-portal' }, type: 'LoadBalancer', ports: [{ name: 'https', port: 443, targetPort: 'https' }] });
  const worker = deploymentApp({
    namespace: ns,
    name: 'invoice-mailer',
    replicas: 1,
    revisions: [{ revision: 12, createdAgo: 21 * DAYS, changeCause: 'argocd: invoice-mailer 0.9.3', template: { containers: [container({ image: `${ECR}/billing/invoice-mailer:0.9.3`, ports: [8080], memory: '256Mi' })] } }],
    pods: [{ revision: 12, node: names[2] ?? '', createdAgo: 21 * DAYS, containers: { app: running({ sinceAgo: 4 * DAYS, restarts: 1, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 4 * DAYS, ranSeconds: 17 * DAYS * 60 } }) } }],
  });
  const nlb = ['10.0.77.14', '10.0.78.201', '10.0.79.36'];
  const portalLog = (p: k8s.V1Pod, k: number) => {
    const ip = p.status?.podIP ?? '';
    const reset = (t: number, j: number) => {
      const src = nlb[(k + j) % 3] ?? '';
      const port = 20000 + ((k * 7919 + j * 104729) % 40000);
      return `${goLogTime(t)} http: TLS handshake error from ${src}:${port}: read tcp ${ip}:8443->${src}:${port}: read: connection reset by peer`;
    };
    return lines(
      reset(5 * HOURS + 12 - k * 3, 0),
      reset(3 * HOURS + 47 - k * 5, 1),
      reset(2 * HOURS + 5 - k * 2, 2),
      `{"time":"${at(6.2 - k * 0.3)}","level":"INFO","msg":"request","method":"GET","path":"/invoices","status":200,"dur_ms":${31 + k * 4},"user":"u-${4410 + k}"}`,
      `{"time":"${at(3.4 - k * 0.3)}","level":"INFO","msg":"request","method":"GET","path":"/invoices/INV-2026-118${20 + k}/pdf","status":200,"dur_ms":${120 + k * 9},"user":"u-${5120 + k}"}`,
      `{"time":"${at(0.9 - k * 0.2)}","level":"INFO","msg":"request","method":"POST","path":"/payment-methods","status":201,"dur_ms":${88 + k * 7},"user":"u-${6012 + k}"}`,
    );
  };
  return {
    id: 'heldout106-healthy-tls-handshake-resets',
    class: 'healthy',
    truth: 'billing-portal is healthy: three revision-31 pods Ready for six days with no restarts, the Service\'s endpoints all ready, requests answered 200/201. The few "http: TLS handshake error … connection reset by peer" lines, hours old, are the AWS NLB\'s TCP health checks opening and resetting connections to the TLS port; they are noise, and the invoice-mailer OOM kill four days ago is unrelated history.',
    ask: { service: 'billing-portal', namespace: ns },
    objects: [
      ...nodes, ...app.objects, ...worker.objects,
      svc, endpointSliceFor(svc, app.pods, 8443),
      ...exposed({ namespace: ns, name: 'invoice-mailer', selector: { app: 'invoice-mailer' }, pods: worker.pods }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: portalLog(p, k) })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy|no (problems|issues)|running normally|all .*ready|ready/i],
      facts: [/billing-portal/],
      never: [/crash ?loop/i, /connection reset[^\n]*(cause|outage|failing)/i, /(TLS|certificate|handshake)[^\n]*(fail|broken|expired|misconfigured)/i],
    },
  };
}

export const PART_ONE: CorpusScenario[] = [
  chromiumDevShm(),
  podPidsLimitNewPool(),
  configMapDefaultModeDecimal(),
  crioShortNameUnqualifiedImage(),
  revisionHistoryLimitZero(),
  nodeNamePinnedOutOfCpu(),
  healthyTlsHandshakeResets(),
];
