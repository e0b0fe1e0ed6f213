// Held-out stories, twelfth round: failures written without reading the analysis code, to measure
// how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
//
// An overcommitted node whose kernel OOM killer picks the JVM of a service that was below its own
// limit, zombies left by exec probes once a revision dropped dumb-init until the node runs short of
// pids and evicts, a ConfigMap file mounted with subPath onto a directory of the image, a Rails
// revision whose migrations nobody ran, a Job created suspended that never starts, RabbitMQ's
// memory alarm blocking a publisher whose pods stay Ready, a node pool cordoned for maintenance and
// never uncordoned (in ./more.ts:) a seccomp RuntimeDefault hardening that blocks TigerBeetle's
// io_uring, a native Vault agent sidecar whose startup probe never passes (wrong role), a new node
// without a pod route (NetworkUnavailable) where only the DaemonSet's pod fails, a JVM caching a
// database's old address forever after a Patroni failover, a RuntimeClass that does not exist, and
// two healthy controls: a CronJob recovered hours ago, and a steady Sidekiq fleet with old noise.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, configMap, container, cronJob, crashLoop, deploymentApp, epochMs, event,
  execProbe, exposed, failedScheduling, httpProbe, job, jobEvent, kubeletEviction, nameOf, node, nodeEvent, probeFailed,
  pyTime, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, statefulSetApp, terminated, BLAMES_ROLLOUT,
} from '../kit/index.js';
import { eksNodeName as nodeName, ipOfPod, logsFor, podOf, startedAt, threeEksNodes as threeNodes, bystander as heldOutBystander } from '../kit/held-out.js';
import type { Built } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';
import { MORE_HOLDOUT_12_SCENARIOS } from './more.js';

// ---- local helpers -------------------------------------------------------------------------

const lines = (...l: string[]): string => l.join('\n') + '\n';

/** This round's bystander: a healthy Deployment of the namespace that rolled out recently. */
const bystander = (ns: string, name: string, names: string[], rolledAgo: number): Built =>
  heldOutBystander(ns, name, names, rolledAgo, { revisions: [120, 121], versions: ['5.6.0', '5.7.0'], olderAgo: 11 * DAYS });

/** Spring Boot's console line: `2026-11-21T03:12:41.563Z  INFO 1 --- [main] c.a.Foo : msg`. */
const spring = (ago: number, level: string, thread: string, logger: string, msg: string): string =>
  `${at(ago)} ${level.padStart(5)} 1 --- [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;

/** A pino line as Node services print it (pid and hostname included, as pino does by default). */
const pino = (ago: number, level: number, hostname: string, fields: Record<string, unknown>): string =>
  JSON.stringify({ level, time: epochMs(ago), pid: 1, hostname, ...fields });

// ---- 1. an overcommitted node's kernel OOM killer picks the JVM of a service under its limit --------

function systemOomOvercommittedNode(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeNodes('10.0.61');
  const hot = names[1] ?? '';
  const image = `${ECR}/pricing/quote-engine:3.14.2`;
  const rolled = 2 * DAYS + 5 * HOURS;
  const tplOf = (v: string) => ({ containers: [container({
    image: `${ECR}/pricing/quote-engine:${v}`, ports: [8080], cpu: '500m', memory: '1Gi', memoryLimit: '3Gi',
    env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Xms1536m -Xmx1536m -XX:+ExitOnOutOfMemoryError' }],
    readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
  })] });
  // Kills of the two JVMs on the hot node, minutes ago (one SystemOOM node event each).
  const killsA = [46, 33, 19, 4.1];
  const killsB = [40, 25, 1.2];
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-engine',
    replicas: 4,
    revisions: [
      { revision: 26, createdAgo: 13 * DAYS, changeCause: 'argocd: quote-engine 3.14.1', template: tplOf('3.14.1') },
      { revision: 27, createdAgo: rolled, changeCause: 'argocd: quote-engine 3.14.2', template: tplOf('3.14.2') },
    ],
    pods: [
      { revision: 27, node: names[0] ?? '', createdAgo: rolled },
      { revision: 27, node: hot, createdAgo: rolled - 1, containers: { app: running({ sinceAgo: 4, ready: false, restarts: killsA.length, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 4.1, ranSeconds: 14 * 60 } }) } },
      { revision: 27, node: hot, createdAgo: rolled - 2, containers: { app: running({ sinceAgo: 1.1, ready: false, restarts: killsB.length, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 1.2, ranSeconds: 15 * 60 } }) } },
      { revision: 27, node: names[2] ?? '', createdAgo: rolled - 3 },
    ],
    settled: { available: false, availableSince: 1.2, progressingSince: rolled },
  });
  // The noisy neighbour: a data-science batch run on the same node, requests 1Gi, limit 12Gi, eight forked workers.
  const neighbour = deploymentApp({
    namespace: 'ds-sandbox',
    name: 'feature-builder',
    replicas: 1,
    revisions: [{ revision: 4, createdAgo: 52, changeCause: 'kubectl apply: feature-builder backfill 2026-11-20', template: { containers: [container({
      name: 'builder', image: `${ECR}/ds/feature-builder:0.9.3`, ports: [], cpu: '500m', memory: '1Gi', memoryLimit: '12Gi', readiness: null, liveness: null,
      command: ['python', '-m', 'feature_builder', '--workers', '8', '--date', '2026-11-20'],
    })] } }],
    pods: [{ revision: 4, node: hot, createdAgo: 52 }],
  });
  const other = bystander(ns, 'quote-ui', names, 26);
  const [a, b] = [podOf(app, 1), podOf(app, 2)];
  const pid = (i: number) => 48213 + 977 * i;
  const prev = (p: k8s.V1Pod, killed: number) => lines(
    `Picked up JAVA_TOOL_OPTIONS: -Xms1536m -Xmx1536m -XX:+ExitOnOutOfMemoryError`,
    spring(killed + 14, 'INFO', 'main', 'c.a.pricing.QuoteEngineApplication', `Started QuoteEngineApplication in 21.84 seconds (process running for 23.1)`),
    spring(killed + 3, 'INFO', 'nio-8080-exec-4', 'c.a.pricing.quote.QuoteController', `quote computed basket=b-77${nameOf(p).slice(-3)} lines=14 ms=38`),
    spring(killed + 0.2, 'INFO', 'nio-8080-exec-9', 'c.a.pricing.quote.QuoteController', `quote computed basket=b-78${nameOf(p).slice(-3)} lines=3 ms=22`),
  );
  const cur = lines(
    `Picked up JAVA_TOOL_OPTIONS: -Xms1536m -Xmx1536m -XX:+ExitOnOutOfMemoryError`,
    spring(1, 'INFO', 'main', 'c.a.pricing.QuoteEngineApplication', 'Starting QuoteEngineApplication v3.14.2 using Java 21.0.5 with PID 1 (/app/quote-engine.jar started by app in /app)'),
    spring(0.6, 'INFO', 'main', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
  );
  return {
    id: 'heldout12-system-oom-overcommitted-node-kills-jvm',
    class: 'nodes',
    truth: `Node ${hot} is overcommitted on memory: feature-builder (namespace ds-sandbox, started 52 minutes ago) requests 1Gi but may use 12Gi, and its eight forked Python workers grew until the node itself ran out of memory. The kernel's global OOM killer then picked the largest single process on the node, a quote-engine JVM (heap fixed at 1.5Gi, far below its 3Gi container limit): the kubelet recorded "System OOM encountered, victim process: java" seven times, and the two quote-engine pods on that node were killed (exit 137, OOMKilled) 4 and 3 times, so 2 of 4 pods are restarting and unready. The pods on the other nodes are fine, quote-engine did not change (revision 27, two days old), and raising its memory limit would not help. Fix: cordon ${hot} or stop feature-builder, and give feature-builder a memory limit close to its request (or its own node pool).`,
    ask: { service: 'quote-engine' },
    objects: [
      ...nodes, ...app.objects, ...neighbour.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'quote-ui', selector: { app: 'quote-ui' }, pods: other.pods }),
      scaledReplicaSet(other.objects[0] ?? {}, rsOf(other, 121), 2, 0, 26),
      ...[...killsA, ...killsB, 28].sort((x, y) => y - x).map((t, i) => nodeEvent(hot, 'SystemOOM', `System OOM encountered, victim process: ${t === 28 ? 'python' : 'java'}, pid: ${pid(i)}`, { type: 'Warning', firstAgo: t })),
      ...restartedAgain(a, 'app', image, { count: killsA.length, firstAgo: 46, lastAgo: 4 }),
      ...restartedAgain(b, 'app', image, { count: killsB.length, firstAgo: 40, lastAgo: 1.1 }),
      probeFailed(a, 'app', 'Readiness', `Get "http://${ipOfPod(a)}:8080/actuator/health/readiness": dial tcp ${ipOfPod(a)}:8080: connect: connection refused`, { count: 9, firstAgo: 45, lastAgo: 3.6 }),
      probeFailed(b, 'app', 'Readiness', `Get "http://${ipOfPod(b)}:8080/actuator/health/readiness": dial tcp ${ipOfPod(b)}:8080: connect: connection refused`, { count: 8, firstAgo: 39, lastAgo: 0.6 }),
    ],
    logs: [
      logsFor(a, 'app', { previous: prev(a, 4.1), current: cur }),
      logsFor(b, 'app', { previous: prev(b, 1.2), current: cur }),
      ...[podOf(app, 0), podOf(app, 3)].map((p) => logsFor(p, 'app', { current: lines(spring(1, 'INFO', 'nio-8080-exec-2', 'c.a.pricing.quote.QuoteController', 'quote computed basket=b-99120 lines=6 ms=31')) })),
      logsFor(podOf(neighbour, 0), 'builder', { current: lines(
        `${pyTime(51.5)} INFO feature_builder: loading s3://ds-lake/events/dt=2026-11-20/ (412 parquet files)`,
        `${pyTime(51)} INFO feature_builder: spawning 8 worker processes (fork)`,
        `${pyTime(20)} INFO feature_builder.worker: worker-3 rss=1.41GiB rows=18200000`,
        `${pyTime(6)} INFO feature_builder.worker: worker-6 rss=1.37GiB rows=21950000`,
        `${pyTime(1)} INFO feature_builder: 5/8 partitions done`,
      ) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ip-10-0-61-152/, /system OOM|SystemOOM|node[^\n]{0,30}(memory|OOM)|overcommit|kernel/i],
      facts: [/feature-builder/, /12Gi/, /2\/4|2 of (the )?4|two of (the )?(4|four)/i, /victim process|SystemOOM|system OOM/i],
      never: [/(?<!not |n't |never )(raise|increase|bump|double) (the |its |quote-engine'?s? )?memory limit/i, /memory leak/i, BLAMES_ROLLOUT],
    },
  };
}

// ---- 2. exec probes leave zombies once dumb-init is gone: the node runs short of pids and evicts --------

function zombiesPidPressureEvictions(): CorpusScenario {
  const ns = 'docs';
  const { nodes: healthy, names } = threeNodes('10.0.72');
  const nodeC = names[2] ?? '';
  const nodes = [...healthy.slice(0, 2), node({ name: nodeC, zone: 'eu-west-1c', pressure: { pid: 5 }, taints: [{ key: 'node.kubernetes.io/pid-pressure', effect: 'NoSchedule', timeAdded: new Date(Date.parse(at(5))) }] })];
  const probe = execProbe(['sh', '-c', 'curl -fsS -m 2 http://127.0.0.1:3000/healthz >/dev/null'], { periodSeconds: 5, timeoutSeconds: 1 });
  const tpl = (v: string, command: string[]) => ({ containers: [container({ image: `${ECR}/docs/pdf-export:${v}`, command, ports: [3000], cpu: '500m', memory: '1Gi', readiness: probe, liveness: httpProbe('/healthz', 3000, { timeoutSeconds: 5, failureThreshold: 6 }) })] });
  const rolled = 3 * DAYS + 2 * HOURS;
  const message = (avail: number) => `The node was low on resource: pids. Threshold quantity: 3276, available: ${avail}. `;
  const app = deploymentApp({
    namespace: ns,
    name: 'pdf-export',
    replicas: 3,
    revisions: [
      { revision: 43, createdAgo: 24 * DAYS, changeCause: 'argocd: pdf-export 5.9.3', template: tpl('5.9.3', ['dumb-init', '--', 'node', 'dist/server.js']) },
      { revision: 44, createdAgo: rolled, changeCause: 'argocd: pdf-export 6.0.0 (node:22-slim base, drop dumb-init)', template: tpl('6.0.0', ['node', 'dist/server.js']) },
    ],
    pods: [
      { revision: 44, node: names[0] ?? '', createdAgo: rolled },
      { revision: 44, node: names[1] ?? '', createdAgo: rolled - 1, ...kubeletEviction(message(2904), 19 * HOURS), containers: { app: terminated({ exitCode: 137, finishedAgo: 19 * HOURS - 0.5, ranSeconds: 2 * DAYS * 60 }) } },
      { revision: 44, node: names[0] ?? '', createdAgo: 19 * HOURS - 0.2 },
      { revision: 44, node: nodeC, createdAgo: rolled - 2, ...kubeletEviction(message(2417), 4), containers: { app: terminated({ exitCode: 137, finishedAgo: 3.5, ranSeconds: (3 * DAYS + 2 * HOURS - 6) * 60 }) } },
      { revision: 44, node: names[1] ?? '', createdAgo: 3.8 },
    ],
    settled: { available: true, availableSince: 3.5, progressingSince: rolled },
  });
  const [old, , fromB, evictedC, fresh] = [0, 1, 2, 3, 4].map((i) => podOf(app, i)) as [k8s.V1Pod, k8s.V1Pod, k8s.V1Pod, k8s.V1Pod, k8s.V1Pod];
  const timedOut = 'command "sh -c curl -fsS -m 2 http://127.0.0.1:3000/healthz >/dev/null" timed out';
  const log = (p: k8s.V1Pod, since: number) => lines(
    pino(Math.min(since, 3 * DAYS) - 0.1, 30, nameOf(p), { msg: 'pdf-export 6.0.0 listening', port: 3000, chromium: false, renderer: 'pdfkit' }),
    pino(9, 40, nameOf(p), { msg: 'slow health check', ms: 2380, queue: 14 }),
    pino(2, 30, nameOf(p), { msg: 'export rendered', docId: `d_${nameOf(p).slice(-4)}81`, pages: 212, ms: 5120 }),
  );
  return {
    id: 'heldout12-zombie-probes-pid-pressure-evictions',
    class: 'nodes',
    truth: `Revision 44 (pdf-export 6.0.0, three days ago) dropped dumb-init, so node runs as PID 1 and reaps no orphan. Its readiness probe is an exec of "sh -c curl -m 2 …" with a 1-second timeout; under load the probe times out, the shell is killed and curl is reparented to PID 1, where it stays a zombie. Zombies pile up by the thousand until the node runs short of pids: ${nodeC} reports PIDPressure (5 minutes ago) and the kubelet evicted the pod with the most processes, pdf-export's ("The node was low on resource: pids"), as it did 19 hours ago on ${names[1] ?? ''}; the pod on ${names[0] ?? ''} is next. Not memory, not disk. Fix: restore an init (dumb-init/tini, or shareProcessNamespace) and replace the exec probe with an httpGet probe.`,
    ask: { service: 'pdf-export' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'pdf-export', selector: { app: 'pdf-export' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      nodeEvent(nodeC, 'NodeHasInsufficientPID', `Node ${nodeC} status is now: NodeHasInsufficientPID`, { firstAgo: 5 }),
      nodeEvent(nodeC, 'EvictionThresholdMet', 'Attempting to reclaim pids', { type: 'Warning', firstAgo: 5, lastAgo: 4 }),
      event({ on: evictedC, reason: 'Evicted', message: message(2417), firstAgo: 4, lastAgo: 4 }),
      event({ on: evictedC, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 4, lastAgo: 4, fieldPath: 'spec.containers{app}' }),
      ...startedAt(fresh, 'app', `${ECR}/docs/pdf-export:6.0.0`, 3.8),
      probeFailed(old, 'app', 'Readiness', timedOut, { count: 212, firstAgo: 58, lastAgo: 0.4 }),
      probeFailed(fromB, 'app', 'Readiness', timedOut, { count: 97, firstAgo: 57, lastAgo: 1.2 }),
    ],
    logs: [
      logsFor(old, 'app', { current: log(old, 3 * DAYS) }),
      logsFor(fromB, 'app', { current: log(fromB, 19 * HOURS) }),
      logsFor(fresh, 'app', { current: lines(pino(3.6, 30, nameOf(fresh), { msg: 'pdf-export 6.0.0 listening', port: 3000, chromium: false, renderer: 'pdfkit' })) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\bpids?\b|PIDPressure|process(es)?\b/i],
      facts: [/revision 44/, /dumb-init|PID 1|zombie|reap/i, /evict/i, /exec|sh -c|timed out/i],
      never: [/\bOOM/, /liveness/i, /image/i],
    },
  };
}

// ---- 3. a ConfigMap file mounted with subPath onto a directory of the image -------------------------

function subPathFileOntoDirectory(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeNodes('10.0.83');
  const tpl = (v: string, withConf: boolean) => ({
    containers: [container({
      image: `${ECR}/media/cdn-origin:${v}`, ports: [8080], cpu: '200m', memory: '256Mi',
      readiness: httpProbe('/nginx-health', 8080), liveness: httpProbe('/nginx-health', 8080),
      ...(withConf ? { volumeMounts: [{ name: 'nginx-conf', mountPath: '/etc/nginx/conf.d', subPath: 'default.conf', readOnly: true }] } : {}),
    })],
    ...(withConf ? { volumes: [{ name: 'nginx-conf', configMap: { name: 'cdn-origin-nginx', defaultMode: 420 } }] } : {}),
  });
  const revisions = [
    { revision: 17, createdAgo: 8 * DAYS, changeCause: 'argocd: cdn-origin 2.3.9', template: tpl('2.3.9', false) },
    { revision: 18, createdAgo: 19, changeCause: 'argocd: cdn-origin 2.4.0 (nginx conf from ConfigMap: cache headers)', template: tpl('2.4.0', true) },
  ];
  const oldPods = [0, 1, 2].map((k) => ({ revision: 17, node: names[k] ?? '', createdAgo: 8 * DAYS }));
  const newPods = [0, 1].map((k) => ({ revision: 18, node: names[k + 1] ?? '', createdAgo: 18.5 - k * 0.2 }));
  // The runtime's message names the pod's uid, known once the pods are built.
  const base = deploymentApp({ namespace: ns, name: 'cdn-origin', replicas: 4, revisions, pods: [...oldPods, ...newPods] });
  const errorOf = (p: k8s.V1Pod | undefined) => {
    const src = `/var/lib/kubelet/pods/${p?.metadata?.uid ?? ''}/volume-subpaths/nginx-conf/app/0`;
    return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting "${src}" to rootfs at "/etc/nginx/conf.d": mount ${src}:/etc/nginx/conf.d (via /proc/self/fd/6), flags: 0x5001: not a directory: unknown`;
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'cdn-origin',
    replicas: 4,
    revisions,
    pods: [
      ...oldPods,
      ...newPods.map((p, k) => ({ ...p, containers: { app: crashLoop({ exitCode: 128, reason: 'StartError', message: errorOf(base.pods[3 + k]), finishedAgo: 2.5 + k, ranSeconds: 0 }, 8 - k) } })),
    ],
  });
  const stuck = app.pods.slice(3);
  const image = `${ECR}/media/cdn-origin:2.4.0`;
  return {
    id: 'heldout12-configmap-subpath-file-onto-directory',
    class: 'config',
    truth: 'Revision 18 (cdn-origin 2.4.0, 19 minutes ago) moved the nginx configuration into the ConfigMap cdn-origin-nginx and mounts its key default.conf with subPath, but the mountPath is the directory /etc/nginx/conf.d instead of /etc/nginx/conf.d/default.conf. A single file cannot be bind-mounted onto a directory of the image, so runc fails before the process starts ("error mounting … to rootfs at \\"/etc/nginx/conf.d\\": … not a directory", StartError, exit 128) and the two new pods crash-loop without ever running nginx. The ConfigMap and its key exist; the three revision-17 pods keep serving. Fix: set mountPath to /etc/nginx/conf.d/default.conf (or roll back to revision 17).',
    ask: { service: 'cdn-origin' },
    objects: [
      ...nodes, ...app.objects,
      configMap({ namespace: ns, name: 'cdn-origin-nginx', createdAgo: 20, data: { 'default.conf': 'server {\n  listen 8080;\n  location /nginx-health { return 200; }\n  location / {\n    root /srv/media;\n    add_header Cache-Control "public, max-age=31536000, immutable";\n  }\n}\n' } }),
      ...exposed({ namespace: ns, name: 'cdn-origin', selector: { app: 'cdn-origin' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 18), 2, 0, 19),
      ...stuck.flatMap((p, k) => [
        scheduled(p, 18.5 - k * 0.2),
        event({ on: p, type: 'Normal', reason: 'Pulled', message: `Container image "${image}" already present on machine`, count: 9 - k, firstAgo: 18.4 - k * 0.2, lastAgo: 2.5 + k, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Created', message: 'Created container app', count: 9 - k, firstAgo: 18.4 - k * 0.2, lastAgo: 2.5 + k, fieldPath: 'spec.containers{app}' }),
        event({ on: p, reason: 'Failed', message: `Error: ${errorOf(p)}`, count: 9 - k, firstAgo: 18.4 - k * 0.2, lastAgo: 2.5 + k, fieldPath: 'spec.containers{app}' }),
        backOff(p, 'app', { count: 70 - 5 * k, firstAgo: 18 - k * 0.2 }),
      ]),
    ],
    logs: [
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`10.0.3.${nameOf(p).length} - - [21/Nov/2026:03:12:08 +0000] "GET /img/p/88213/hero.webp HTTP/1.1" 200 48213 "-" "Amazon CloudFront"`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/not a directory|subPath|mount/i, /conf\.d|default\.conf|revision 18/i],
      facts: [/revision 18/, /subPath/i, /revision 17/, /cdn-origin-nginx|default\.conf/],
      never: [/\bOOM/, /(configmap|key)[^\n]{0,25}(not found|missing|does not exist)/i, /liveness|readiness/i],
    },
  };
}

// ---- 4. a Rails revision whose migrations nobody ran --------------------------------------------

function railsPendingMigrations(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeNodes('10.0.94');
  const image = (v: string) => `${ECR}/accounts/accounts-web:${v}`;
  const app_ = (v: string) => container({
    image: image(v), ports: [3000], cpu: '500m', memory: '1Gi',
    env: [{ name: 'RAILS_ENV', value: 'production' }, { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'accounts-web-db', key: 'url' } } }],
    readiness: httpProbe('/health/ready', 3000), liveness: httpProbe('/up', 3000, { initialDelaySeconds: 20 }),
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'accounts-web',
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 111, createdAgo: 6 * DAYS, changeCause: 'argocd: accounts-web 8.13.2', template: { initContainers: [batchContainer({ name: 'db-migrate', image: image('8.13.2'), command: ['bundle', 'exec', 'rails', 'db:migrate'], env: [{ name: 'RAILS_ENV', value: 'production' }, { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'accounts-web-db', key: 'url' } } }] })], containers: [app_('8.13.2')] } },
      { revision: 112, createdAgo: 28, changeCause: 'argocd: accounts-web 8.14.0 (db:migrate moved to a PreSync hook Job)', template: { containers: [app_('8.14.0')] } },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 111, node: names[k] ?? '', createdAgo: 6 * DAYS })),
      { revision: 112, node: names[1] ?? '', createdAgo: 27.5, containers: { app: running({ sinceAgo: 27.3, ready: false }) } },
    ],
  });
  const fresh = podOf(app, 3);
  const t = (ago: number) => at(ago).replace('Z', '');
  const railsReq = (ago: number, id: string) => [
    `I, [${t(ago)} #1]  INFO -- : [${id}] Started GET "/health/ready" for ${ipOfPod(fresh).replace(/\.\d+$/, '.1')} at ${at(ago).replace('T', ' ').replace(/\.\d+Z$/, ' +0000')}`,
    `F, [${t(ago)} #1] FATAL -- : [${id}] ActiveRecord::PendingMigrationError (`,
    '',
    'Migrations are pending. To resolve this issue, run:',
    '',
    '        bin/rails db:migrate RAILS_ENV=production',
    '',
    'You have 1 pending migration:',
    '',
    'db/migrate/20261120143012_add_mfa_enforced_at_to_accounts.rb',
    '',
    `):`,
    `I, [${t(ago)} #1]  INFO -- : [${id}] Completed 503 Service Unavailable in 6ms (ActiveRecord: 1.9ms | Allocations: 1021)`,
  ];
  return {
    id: 'heldout12-rails-migration-never-run-new-pods-unready',
    class: 'rollout',
    truth: 'Revision 112 (accounts-web 8.14.0, 28 minutes ago) removed the db-migrate init container (bundle exec rails db:migrate) because migrations were to move to an Argo CD PreSync hook Job, but that Job was never added, so migration 20261120143012_add_mfa_enforced_at_to_accounts never ran. The new pod boots and its readiness check raises ActiveRecord::PendingMigrationError (503), so it never becomes ready and the rollout is stuck; maxUnavailable 0 keeps the three revision-111 pods serving the old code against the old schema. The database is healthy. Fix: run bin/rails db:migrate (as the missing Job or by restoring the init container), then the rollout proceeds.',
    ask: { service: 'accounts-web' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'accounts-web', selector: { app: 'accounts-web' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 112), 1, 0, 28),
      ...startedAt(fresh, 'app', image('8.14.0'), 27.5),
      probeFailed(fresh, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 163, firstAgo: 27, lastAgo: 0.1 }),
    ],
    logs: [
      logsFor(fresh, 'app', { current: lines(
        `I, [${t(27.4)} #1]  INFO -- : Puma starting in single mode...`,
        `I, [${t(27.4)} #1]  INFO -- : * Puma version: 6.4.3 (ruby 3.3.6-p108) ("The Eagle of Durango")`,
        `I, [${t(27.3)} #1]  INFO -- : * Listening on http://0.0.0.0:3000`,
        ...railsReq(0.3, 'c1f0a9d2-6b1e-4c77-9b0e-18f2a6d0e311'),
        ...railsReq(0.15, '5a7e3d10-0b2c-4f5e-a4a9-9d8b7c6e5f41'),
      ) }),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(
        `I, [${t(1)} #1]  INFO -- : [8e41${nameOf(p).slice(-4)}] Started POST "/api/v2/sessions" for 10.0.8.17`,
        `I, [${t(1)} #1]  INFO -- : [8e41${nameOf(p).slice(-4)}] Completed 201 Created in 48ms (Views: 0.4ms | ActiveRecord: 11.2ms | Allocations: 6120)`,
      ) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/migrat/i, /revision 112|pending|db:migrate/i],
      facts: [/revision 112/, /db:migrate|db-migrate/, /init ?container|PreSync|hook|Job/i, /revision 111/],
      never: [/\bOOM/, /liveness/i, /(database|postgres)[^\n]{0,20}(down|unreachable|refus)/i],
    },
  };
}

// ---- 5. a Job created suspended (a Kueue template) that nothing ever resumes -------------------------

function jobCreatedSuspended(): CorpusScenario {
  const ns = 'finance';
  const { nodes, names } = threeNodes('10.0.105');
  const built = job({
    namespace: ns,
    name: 'fx-rates-backfill',
    createdAgo: 2 * HOURS + 10,
    backoffLimit: 3,
    template: { containers: [batchContainer({ name: 'backfill', image: `${ECR}/finance/fx-tools:2.2.0`, command: ['python', '-m', 'fx_tools.backfill', '--from', '2026-10-01', '--to', '2026-11-20'], cpu: '1', memory: '2Gi' })] },
    pods: [],
  });
  const fx = built.objects[0] as k8s.V1Job;
  // Created from the data team's Kueue template: suspended until a queue admits it.
  fx.metadata = { ...fx.metadata, labels: { ...fx.metadata?.labels, 'kueue.x-k8s.io/queue-name': 'batch', 'app.kubernetes.io/part-of': 'fx-tools' } };
  fx.spec = { ...fx.spec, template: fx.spec?.template ?? { spec: { containers: [] } }, suspend: true };
  const suspendedAt = new Date(Date.parse(at(2 * HOURS + 10)));
  fx.status = { conditions: [{ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastProbeTime: suspendedAt, lastTransitionTime: suspendedAt }], ready: 0, terminating: 0, uncountedTerminatedPods: {} };
  const nightly = cronJob({
    namespace: ns,
    name: 'ledger-export',
    schedule: '0 2 * * *',
    template: { containers: [batchContainer({ name: 'export', image: `${ECR}/finance/ledger-export:1.12.0`, cpu: '500m', memory: '1Gi' })] },
    lastSuccessfulAgo: 1 * HOURS + 2,
    jobs: [
      { createdAgo: 1 * DAYS + 74, pods: [{ node: names[0] ?? '', phase: 'Succeeded', createdAgo: 1 * DAYS + 74, containers: { export: terminated({ exitCode: 0, finishedAgo: 1 * DAYS + 63, ranSeconds: 650 }) } }], outcome: { complete: true, ago: 1 * DAYS + 63 } },
      { createdAgo: 74, pods: [{ node: names[2] ?? '', phase: 'Succeeded', createdAgo: 74, containers: { export: terminated({ exitCode: 0, finishedAgo: 62, ranSeconds: 700 }) } }], outcome: { complete: true, ago: 62 } },
    ],
  });
  const api = deploymentApp({
    namespace: ns, name: 'finance-api', replicas: 2,
    revisions: [{ revision: 19, createdAgo: 7 * DAYS, changeCause: 'argocd: finance-api 3.0.4', template: { containers: [container({ image: `${ECR}/finance/finance-api:3.0.4`, ports: [8080] })] } }],
    pods: [0, 1].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 7 * DAYS })),
  });
  return {
    id: 'heldout12-job-created-suspended-never-starts',
    class: 'jobs',
    truth: 'The Job fx-rates-backfill was created 2 h 10 min ago from a manifest copied from the data team\'s Kueue template: it has spec.suspend: true and the label kueue.x-k8s.io/queue-name: batch, expecting Kueue to admit and resume it. Kueue does not manage the finance namespace (there is no LocalQueue batch here), so nothing ever resumes it: the Job controller created no pod at all (condition Suspended=True, event "Job suspended") and the backfill the team is waiting for never started. Nothing failed: no crash, no scheduling problem, no deadline. Fix: kubectl patch job fx-rates-backfill -n finance -p \'{"spec":{"suspend":false}}\' (and drop the Kueue label), or create the LocalQueue.',
    ask: { service: 'fx-rates-backfill' },
    objects: [
      ...nodes, ...built.objects, ...nightly.objects, ...api.objects,
      ...exposed({ namespace: ns, name: 'finance-api', selector: { app: 'finance-api' }, pods: api.pods }),
      jobEvent(fx, 'Suspended', 'Job suspended', 2 * HOURS + 10),
      jobEvent(nightly.jobs[1]?.objects[0], 'Completed', 'Job completed', 62),
    ],
    logs: api.pods.map((p) => logsFor(p, 'app', { current: lines(`${at(2)} INFO GET /v1/fx/rates?base=EUR 200 14ms`) })),
    expect: {
      verdict: 'problems',
      headline: [/suspend/i],
      facts: [/no pods?\b|0 pods|never (started|ran|created)|not (been )?started|created no pod/i, /suspend["']?\s*:\s*false|unsuspend|resume|kubectl patch/i, /kueue|queue-name/i],
      never: [/backoff ?limit/i, /deadline/i, /\bOOM/, /unschedulable|insufficient/i, /ImagePull|pull(ing)? (the )?image/i],
    },
  };
}

// ---- 6. RabbitMQ's memory alarm blocks the publisher; its pods stay Ready --------------------------

function rabbitMemoryAlarmBlocksPublisher(): CorpusScenario {
  const ns = 'commerce';
  const { nodes, names } = threeNodes('10.0.116');
  const tpl = (logLevel: string) => ({ containers: [container({
    image: `${ECR}/commerce/order-events:2.8.1`, ports: [8080], cpu: '250m', memory: '256Mi',
    env: [{ name: 'AMQP_URL', value: 'amqp://order-events@rabbitmq.commerce.svc.cluster.local:5672/' }, { name: 'PUBLISH_TIMEOUT', value: '5s' }, { name: 'LOG_LEVEL', value: logLevel }],
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'order-events',
    replicas: 3,
    revisions: [
      { revision: 27, createdAgo: 3 * DAYS, changeCause: 'argocd: order-events 2.8.1', template: tpl('info') },
      { revision: 28, createdAgo: 50, changeCause: 'argocd: order-events LOG_LEVEL=debug (support ticket 4471)', template: tpl('debug') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 28, node: names[k] ?? '', createdAgo: 50 - k })),
    settled: { available: true, availableSince: 47, progressingSince: 47 },
  });
  const rabbit = statefulSetApp({
      namespace: ns,
      name: 'rabbitmq',
      replicas: 3,
      serviceName: 'rabbitmq-nodes',
      podManagementPolicy: 'Parallel',
      revisions: [{ revision: 5, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'rabbitmq', image: 'public.ecr.aws/docker/library/rabbitmq:3.13.7-management', ports: [{ name: 'amqp', containerPort: 5672 }, { name: 'management', containerPort: 15672 }], cpu: '1', memory: '6Gi', readiness: { tcpSocket: { port: 5672 }, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 3 }, liveness: null })] } }],
      pods: [0, 1, 2].map((k) => ({ revision: 5, ordinal: k, node: names[k] ?? '', createdAgo: 16 * DAYS })),
    });
  const worker = deploymentApp({
    namespace: ns, name: 'invoice-worker', replicas: 0,
    revisions: [{ revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: invoice-worker 1.4.0', template: { containers: [container({ image: `${ECR}/commerce/invoice-worker:1.4.0`, ports: [9090], env: [{ name: 'QUEUE', value: 'invoice.requested' }] })] } }],
    pods: [],
  });
  const r0 = podOf(rabbit, 0);
  const rt = (ago: number) => at(ago).replace('T', ' ').replace('Z', '000+00:00');
  const rabbitLog = lines(
    `${rt(16 * DAYS)} [info] <0.230.0> Memory high watermark set to 2457 MiB (2576980377 bytes) of 6144 MiB (6442450944 bytes) total`,
    `${rt(3 * HOURS)} [info] <0.1121.0> closing AMQP connection <0.1121.0> (10.0.7.41:51872 -> ${ipOfPod(r0)}:5672, vhost: '/', user: 'invoice-worker')`,
    `${rt(34)} [info] <0.230.0> vm_memory_high_watermark set. Memory used:2581733376 allowed:2576980377`,
    `${rt(34)} [warning] <0.228.0> memory resource limit alarm set on node 'rabbit@rabbitmq-0.rabbitmq-nodes.commerce'.`,
    `${rt(34)} [warning] <0.228.0> `,
    `${rt(34)} [warning] <0.228.0> **********************************************************`,
    `${rt(34)} [warning] <0.228.0> *** Publishers will be blocked until this alarm clears ***`,
    `${rt(34)} [warning] <0.228.0> **********************************************************`,
    `${rt(34)} [warning] <0.228.0> `,
    `${rt(2)} [info] <0.4711.0> accepting AMQP connection <0.4711.0> (10.0.9.77:40112 -> ${ipOfPod(r0)}:5672)`,
  );
  const pubLog = (p: k8s.V1Pod) => lines(
    JSON.stringify({ time: at(49.5), level: 'INFO', msg: 'amqp connected', url: 'amqp://rabbitmq.commerce.svc.cluster.local:5672/', pod: nameOf(p) }),
    JSON.stringify({ time: at(34), level: 'WARN', msg: 'amqp connection blocked', reason: 'low on memory' }),
    JSON.stringify({ time: at(33.9), level: 'ERROR', msg: 'publish failed', exchange: 'orders', routing_key: 'order.created', err: 'context deadline exceeded', waited_ms: 5000 }),
    JSON.stringify({ time: at(33.9), level: 'INFO', msg: 'request', method: 'POST', path: '/v1/order-events', status: 504, duration_ms: 5004 }),
    JSON.stringify({ time: at(0.5), level: 'DEBUG', msg: 'publish waiting for flow', exchange: 'orders', blocked_for: '33m31s' }),
    JSON.stringify({ time: at(0.4), level: 'ERROR', msg: 'publish failed', exchange: 'orders', routing_key: 'order.paid', err: 'context deadline exceeded', waited_ms: 5000 }),
    JSON.stringify({ time: at(0.4), level: 'INFO', msg: 'request', method: 'POST', path: '/v1/order-events', status: 504, duration_ms: 5003 }),
  );
  return {
    id: 'heldout12-rabbitmq-memory-alarm-blocks-publishers',
    class: 'network',
    truth: 'RabbitMQ raised its memory alarm 34 minutes ago on rabbitmq-0 ("memory resource limit alarm set", 2.58 GB used of a 2.46 GiB high watermark, 0.4 of its 6Gi) and blocks every publishing connection in the cluster until it clears. The backlog comes from invoice.requested: invoice-worker, its only consumer, was scaled to 0 replicas three hours ago and never scaled back, so messages piled up in memory. order-events\' pods are Running and Ready (the readiness check does not publish) but every publish waits on the blocked connection ("connection blocked: low on memory") and times out after 5 s, so its API answers 504. Revision 28 (LOG_LEVEL=debug, 50 minutes ago) is unrelated. Fix: scale invoice-worker back up (or purge/move the backlog) so memory drops below the watermark.',
    ask: { service: 'order-events' },
    objects: [
      ...nodes, ...app.objects, ...rabbit.objects, ...worker.objects,
      ...exposed({ namespace: ns, name: 'order-events', selector: { app: 'order-events' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'rabbitmq', selector: { app: 'rabbitmq' }, pods: rabbit.pods, ports: [{ name: 'amqp', port: 5672, targetPort: 5672 }, { name: 'management', port: 15672, targetPort: 15672 }], endpointPort: 5672 }),
      ...exposed({ namespace: ns, name: 'rabbitmq-nodes', selector: { app: 'rabbitmq' }, pods: rabbit.pods, headless: true, ports: [{ name: 'epmd', port: 4369, targetPort: 4369 }, { name: 'cluster-rpc', port: 25672, targetPort: 25672 }], endpointPort: 4369 }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 28), 3, 2, 48),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { current: pubLog(p) })),
      logsFor(r0, 'rabbitmq', { current: rabbitLog }),
      ...rabbit.pods.slice(1).map((p) => logsFor(p, 'rabbitmq', { current: lines(`${rt(34)} [info] <0.230.0> node 'rabbit@rabbitmq-0.rabbitmq-nodes.commerce' up, memory alarm set`, `${rt(1)} [info] <0.4702.0> accepting AMQP connection <0.4702.0> (10.0.8.90:51200 -> ${ipOfPod(p)}:5672)`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/rabbit/i, /memory|alarm|watermark|blocked/i],
      facts: [/blocked/i, /invoice-worker|invoice\.requested|no consumer/i, /high watermark|memory (resource limit )?alarm|low on memory/i],
      never: [BLAMES_ROLLOUT, /\bOOM/, /\bDNS\b/, /network ?policy/i, /readiness probe fail/i],
    },
  };
}

// ---- 7. a node pool cordoned for maintenance and never uncordoned ---------------------------------

function cordonedPoolRolloutPending(): CorpusScenario {
  const ns = 'search';
  const cordonedAt = new Date(Date.parse(at(2 * DAYS + 3 * HOURS)));
  const general = ['10.0.127.14', '10.0.128.203', '10.0.129.66'].map((ip, k) => node({ name: nodeName(ip), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][k] ?? 'eu-west-1a' }));
  const compute = ['10.0.131.40', '10.0.132.91', '10.0.133.158'].map((ip, k) => node({
    name: nodeName(ip), zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][k] ?? 'eu-west-1a', pool: 'compute-c6i', instanceType: 'c6i.2xlarge',
    labels: { 'workload-tier': 'compute' }, unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: cordonedAt }],
    allocatable: { cpu: '7910m', 'ephemeral-storage': '76224326324', memory: '14918424Ki', pods: '58' },
  }));
  const cnames = compute.map(nameOf);
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/search/search-api:${v}`, ports: [8080], cpu: '2', memory: '4Gi' })], nodeSelector: { 'workload-tier': 'compute' } });
  const message = '0/6 nodes are available: 3 node(s) didn\'t match Pod\'s node affinity/selector, 3 node(s) were unschedulable. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.';
  const app = deploymentApp({
    namespace: ns,
    name: 'search-api',
    replicas: 4,
    revisions: [
      { revision: 57, createdAgo: 9 * DAYS, changeCause: 'argocd: search-api 4.21.0', template: tpl('4.21.0') },
      { revision: 58, createdAgo: 22, changeCause: 'argocd: search-api 4.21.1', template: tpl('4.21.1') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 57, node: cnames[k] ?? '', createdAgo: 9 * DAYS })),
      ...[0, 1].map((k) => ({ revision: 58, createdAgo: 22 - k * 0.1, unschedulable: message })),
    ],
  });
  const other = bystander(ns, 'search-suggest', general.map(nameOf), 70);
  const pending = app.pods.slice(3);
  return {
    id: 'heldout12-cordoned-pool-never-uncordoned-rollout-pending',
    class: 'scheduling',
    truth: `The three nodes of the compute-c6i pool (${cnames.join(', ')}), the only ones labelled workload-tier=compute, were cordoned two days ago ahead of an AMI upgrade that was postponed, and nobody uncordoned them (spec.unschedulable, taint node.kubernetes.io/unschedulable). Cordoning does not evict, so the three revision-57 pods kept running there and nobody noticed, until revision 58 (a patch release, 22 minutes ago) needed new pods: search-api's nodeSelector excludes the three general nodes, and the compute nodes refuse new pods ("3 node(s) were unschedulable"), so both new pods are Pending and the rollout is stuck at 3 of 4 available. Revision 58 is not at fault and rolling back would not schedule either; there is no shortage of CPU or memory. Fix: kubectl uncordon the three compute-c6i nodes (or finish their replacement).`,
    ask: { service: 'search-api' },
    objects: [
      ...general, ...compute, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'search-api', selector: { app: 'search-api' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'search-suggest', selector: { app: 'search-suggest' }, pods: other.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 58), 1, 0, 22),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 57), 3, 4, 22),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 58), 2, 1, 22),
      ...pending.map((p, k) => failedScheduling(p, message, { count: 9 - k, firstAgo: 22 - k * 0.1, lastAgo: 1.5 + k })),
    ],
    logs: app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`${at(1)} INFO  [http-nio-8080-exec-3] c.a.search.QueryController - q="winter boots" hits=1288 took=43ms`) })),
    expect: {
      verdict: 'problems',
      headline: [/cordon|unschedulable/i],
      facts: [/uncordon/i, /workload-tier|node ?selector/i, /compute-c6i|ip-10-0-13[123]-/, /Pending/i],
      never: [BLAMES_ROLLOUT, /insufficient (cpu|memory)/i, /quota/i, /\bOOM/],
    },
  };
}

export const HOLDOUT_12_SCENARIOS: CorpusScenario[] = [
  systemOomOvercommittedNode(),
  zombiesPidPressureEvictions(),
  subPathFileOntoDirectory(),
  railsPendingMigrations(),
  jobCreatedSuspended(),
  rabbitMemoryAlarmBlocksPublisher(),
  cordonedPoolRolloutPending(),
  ...MORE_HOLDOUT_12_SCENARIOS,
];
