// Held-out stories, fifth round: failures written without reading the analysis code, to measure
// how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
//
// Pods evicted for their ephemeral-storage limit after debug file logging was turned on, a JVM
// whose switch to the parallel collector makes full-GC pauses outlast the liveness timeout,
// topology spread (DoNotSchedule) after a zone outage, node-local-dns OOM-killed on one node, a
// StatefulSet pod stuck mounting because a new fsGroup makes the kubelet chown a huge volume, an
// IRSA role whose trust policy names the old ServiceAccount, Docker Hub's pull rate limit on
// fresh nodes, a Kafka consumer kicked out of its group after max.poll.records was raised, a
// Service whose selector also picks a canary, a StatefulSet partition left from a canary that
// holds back a fix, a migration Job that never completes because of its Istio sidecar, a
// DaemonSet pod that cannot fit on nodes at their pod limit, and two healthy controls: a clean
// rollout with old noise, and a recovery after a traffic spike.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, boundClaim, container, coreDns, crashLoop, createdPod, daemonSetApp,
  deploymentApp, event, every, exposed, failedScheduling, hpa, httpProbe, job, jobEvent, kubeProxy, kubeletEviction,
  nameOf, namespace, node, nodeEvent, probeFailed, probeKilling, pulledFresh, pyTime, restartedAgain, rsOf, running,
  scaledReplicaSet, scheduled, statefulSetApp, terminated, volumeOf, waiting,
} from '../kit/index.js';
import { ADVISES_ROLLBACK as BLAMES_ROLLOUT, eksNodeName as nodeName, ipOfPod, lit, logsFor, podOf as pod, startedAt, threeEksNodes as threeNodes } from '../kit/held-out.js';
import type { CorpusScenario } from '../scenario.js';

// ---- local helpers -------------------------------------------------------------------------

/** Sets a resource limit (and request) the kit's container() does not take, e.g. ephemeral-storage. */
function withResource(c: k8s.V1Container, name: string, request: string, limit: string): k8s.V1Container {
  return { ...c, resources: { requests: { ...c.resources?.requests, [name]: request }, limits: { ...c.resources?.limits, [name]: limit } } };
}

/** Spring Boot's console line: `2026-11-21T03:12:41.563Z  INFO 1 --- [quote-engine] [nio-8080-exec-4] c.a.q.QuoteController : …`. */
const spring = (m: number, level: string, thread: string, logger: string, msg: string, app = 'app'): string =>
  `${at(m)} ${level.padStart(5)} 1 --- [${app}] [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;

// ---- 1. pods evicted for their ephemeral-storage limit after debug file logging ----------------

function ephemeralStorageEvictionDebugLogs(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeNodes('10.0.21');
  const tpl = (v: string, env: k8s.V1EnvVar[]) => ({
    containers: [withResource(container({
      image: `${ECR}/media/thumbnailer:${v}`,
      ports: [8080],
      cpu: '500m',
      memory: '768Mi',
      env,
      readiness: httpProbe('/ready', 8080),
      liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10 }),
    }), 'ephemeral-storage', '256Mi', '1Gi')],
  });
  const baseEnv = [{ name: 'LOG_FILE', value: '/var/log/thumbnailer/app.log' }, { name: 'CACHE_DIR', value: '/tmp/thumbs' }];
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 3,
    revisions: [
      { revision: 44, createdAgo: 6 * DAYS, changeCause: 'argocd: thumbnailer 7.2.0', template: tpl('7.2.0', [...baseEnv, { name: 'LOG_LEVEL', value: 'info' }]) },
      { revision: 45, createdAgo: 95, changeCause: 'argocd: thumbnailer 7.2.0 LOG_LEVEL=debug (INC-2291 investigation)', template: tpl('7.2.0', [...baseEnv, { name: 'LOG_LEVEL', value: 'debug' }]) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({
        revision: 45,
        node: names[k] ?? '',
        createdAgo: 93 - k,
        // What the kubelet reports for a container it stopped while evicting the pod.
        containers: { app: terminated({ exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated', finishedAgo: 31 - 4 * k, ranSeconds: (62 - 4 * k) * 60 }) },
        ...kubeletEviction('Container app exceeded its local ephemeral storage limit "1Gi". ', 31 - 4 * k),
      })),
      ...[0, 1, 2].map((k) => ({ revision: 45, node: names[(k + 1) % 3] ?? '', createdAgo: 30.5 - 4 * k })),
    ],
    settled: { available: true, availableSince: 19, progressingSince: 90 },
  });
  const bystander = deploymentApp({
    namespace: ns,
    name: 'media-api',
    replicas: 2,
    revisions: [
      { revision: 230, createdAgo: 4 * DAYS, template: { containers: [container({ image: `${ECR}/media/media-api:12.8.0`, ports: [8080] })] } },
      { revision: 231, createdAgo: 14, changeCause: 'argocd: media-api 12.9.0', template: { containers: [container({ image: `${ECR}/media/media-api:12.9.0`, ports: [8080] })] } },
    ],
    pods: [{ revision: 231, node: names[0] ?? '', createdAgo: 14 }, { revision: 231, node: names[2] ?? '', createdAgo: 13 }],
  });
  const image = `${ECR}/media/thumbnailer:7.2.0`;
  const evicted = app.pods.slice(0, 3);
  const fresh = app.pods.slice(3);
  const current = (p: k8s.V1Pod, k: number) => [
    `${at(30.4 - 4 * k)} INFO  thumbnailer 7.2.0 starting pod=${nameOf(p)}`,
    `${at(30.4 - 4 * k)} INFO  log level DEBUG, writing to /var/log/thumbnailer/app.log (stdout: warnings and above)`,
    `${at(30.3 - 4 * k)} INFO  listening on :8080`,
    ...Array.from({ length: 3 }, (_, i) => `${at(20 - 6 * i)} WARN  slow source fetch s3://media-originals/u/${4412 + i}/img_${9310 + 7 * i}.heic took ${2100 + 300 * i}ms`),
    '',
  ].join('\n');
  return {
    id: 'heldout5-ephemeral-storage-eviction-debug-logs',
    class: 'storage',
    truth: 'Revision 45 (95 minutes ago) only set LOG_LEVEL=debug for an investigation; thumbnailer writes its log to a file in the container (/var/log/thumbnailer/app.log), and at debug level that file grows by ~16 MiB a minute. After about an hour each container passes its 1Gi ephemeral-storage limit and the kubelet evicts the pod ("exceeded its local ephemeral storage limit"); the replacements are on the same path and will be evicted again. Not memory, not node disk pressure. Fix: set LOG_LEVEL back to info (or log to stdout), then clean up the Evicted pods.',
    ask: { service: 'thumbnailer' },
    objects: [
      ...nodes,
      ...app.objects,
      ...bystander.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'media-api', selector: { app: 'media-api' }, pods: bystander.pods }),
      scaledReplicaSet(bystander.objects[0] ?? {}, rsOf(bystander, 231), 2, 0, 14),
      ...evicted.flatMap((p, k) => [
        event({ on: p, reason: 'Evicted', message: 'Container app exceeded its local ephemeral storage limit "1Gi". ', firstAgo: 31 - 4 * k, lastAgo: 31 - 4 * k }),
        event({ on: p, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstAgo: 31 - 4 * k, lastAgo: 31 - 4 * k, fieldPath: 'spec.containers{app}' }),
      ]),
      ...fresh.flatMap((p, k) => [createdPod(app.objects.find((o) => o.kind === 'ReplicaSet' && nameOf(o) === rsOf(app, 45)) ?? {}, p, 30.5 - 4 * k), ...startedAt(p, 'app', image, 30.5 - 4 * k)]),
      event({ on: fresh[0] ?? {}, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://' + ipOfPod(fresh[0]) + ':8080/ready": dial tcp ' + ipOfPod(fresh[0]) + ':8080: connect: connection refused', firstAgo: 30.3, lastAgo: 30.3, fieldPath: 'spec.containers{app}' }),
    ],
    logs: fresh.map((p, k) => logsFor(p, 'app', { current: current(p, k) })),
    expect: {
      verdict: 'problems',
      headline: [/ephemeral|local storage/i, /revision 45|debug|LOG_LEVEL|log file/i],
      facts: [/1Gi/, /evict/i],
      never: [/\bOOM|out of memory/i, /disk ?pressure/i, /media-api/],
    },
  };
}

// ---- 2. full-GC pauses outlast the liveness timeout after a collector change -------------------

function livenessTimeoutAfterGcChange(): CorpusScenario {
  const ns = 'pricing';
  const { nodes, names } = threeNodes('10.0.33');
  const tpl = (opts: string) => ({
    containers: [container({
      image: `${ECR}/pricing/quote-engine:5.11.3`,
      ports: [8080],
      cpu: '2',
      memory: '6Gi',
      env: [{ name: 'JAVA_TOOL_OPTIONS', value: opts }, { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      readiness: httpProbe('/actuator/health/readiness', 8080, { periodSeconds: 5 }),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-engine',
    replicas: 4,
    revisions: [
      { revision: 18, createdAgo: 12 * DAYS, changeCause: 'argocd: quote-engine 5.11.3', template: tpl('-XX:+UseG1GC -XX:MaxRAMPercentage=75 -Xlog:gc') },
      { revision: 19, createdAgo: 2.5 * HOURS, changeCause: 'argocd: quote-engine jvm tuning (throughput collector)', template: tpl('-XX:+UseParallelGC -XX:MaxRAMPercentage=75 -Xlog:gc') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({
      revision: 19,
      node: names[k % 3] ?? '',
      createdAgo: 2.5 * HOURS - 2 * k,
      containers: { app: running({ sinceAgo: 6 + 9 * k, restarts: 7 - k, last: { exitCode: 143, finishedAgo: 6.1 + 9 * k, ranSeconds: 900 + 120 * k } }) },
    })),
    settled: { available: true, availableSince: 6, progressingSince: 2.4 * HOURS },
  });
  const image = `${ECR}/pricing/quote-engine:5.11.3`;
  const previous = (k: number) => {
    const end = 6.1 + 9 * k;
    return [
      ...Array.from({ length: 5 }, (_, i) => `[${at(end + 4 - i * 0.6)}][info][gc] GC(${1180 + i}) Pause Young (Allocation Failure) ${3400 + 60 * i}M->${2700 + 50 * i}M(4608M) ${88 + 5 * i}.412ms`),
      spring(end + 1.1, 'INFO', 'nio-8080-exec-12', 'c.a.pricing.quote.QuoteController', 'quote batch size=1800 tenant=t_3391 took 2210ms', 'quote-engine'),
      `[${at(end + 0.9)}][info][gc] GC(1185) Pause Full (Ergonomics) 4471M->3013M(4608M) 3874.102ms`,
      `[${at(end + 0.6)}][info][gc] GC(1186) Pause Full (Ergonomics) 4502M->3120M(4608M) 4011.877ms`,
      `[${at(end + 0.35)}][info][gc] GC(1187) Pause Full (Ergonomics) 4511M->3188M(4608M) 4102.530ms`,
      spring(end + 0.05, 'INFO', 'ionShutdownHook', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Commencing graceful shutdown. Waiting for active requests to complete', 'quote-engine'),
      spring(end, 'INFO', 'tomcat-shutdown', 'o.s.b.w.e.tomcat.GracefulShutdown', 'Graceful shutdown complete', 'quote-engine'),
      '',
    ].join('\n');
  };
  const current = (k: number) => [
    spring(6 + 9 * k - 0.2, 'INFO', 'main', 'c.a.pricing.QuoteEngineApplication', 'Started QuoteEngineApplication in 21.4 seconds (process running for 22.9)', 'quote-engine'),
    ...Array.from({ length: 4 }, (_, i) => `[${at(5 + 9 * k - i)}][info][gc] GC(${30 + i}) Pause Young (Allocation Failure) ${2900 + 40 * i}M->${2200 + 30 * i}M(4608M) ${71 + 3 * i}.018ms`),
    '',
  ].join('\n');
  return {
    id: 'heldout5-liveness-timeout-after-gc-change',
    class: 'probes',
    truth: 'Revision 19 (2.5 hours ago) switched the JVM from G1 to the parallel collector (-XX:+UseParallelGC) for throughput. With a 4.5 GB heap its full collections stop the world for ~4 s, several in a row under load, so the liveness probe (timeoutSeconds 1, failureThreshold 3) times out and the kubelet restarts the containers: 4-7 restarts each, exit 143 after a graceful shutdown. Not memory: no OOMKill, the heap is not exhausted. Fix: go back to G1 (revision 18) or give the liveness probe a timeout longer than a full-GC pause.',
    ask: { service: 'quote-engine' },
    objects: [
      ...nodes,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods }),
      ...app.pods.flatMap((p, k) => [
        probeFailed(p, 'app', 'Liveness', `Get "http://${ipOfPod(p)}:8080/actuator/health/liveness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3 * (7 - k) + 2, firstAgo: 2.2 * HOURS - 3 * k, lastAgo: 6.2 + 9 * k }),
        probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 9 * (7 - k), firstAgo: 2.2 * HOURS - 3 * k, lastAgo: 6.2 + 9 * k }),
        probeKilling(p, 'app', 'liveness', { count: 7 - k, firstAgo: 2.1 * HOURS - 3 * k, lastAgo: 6.15 + 9 * k }),
        ...restartedAgain(p, 'app', image, { count: 7 - k, firstAgo: 2.1 * HOURS - 3 * k, lastAgo: 6.05 + 9 * k }),
      ]),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: current(k), previous: previous(k) })),
    expect: {
      verdict: 'problems',
      headline: [/liveness/i, /GC|garbage|ParallelGC|pause|revision 19/i],
      facts: [/deadline exceeded|time(d)? ?out/i, /ParallelGC|Pause Full/i],
      never: [/\bOOM|out of memory/i, /connection refused/i],
    },
  };
}

// ---- 3. topology spread (DoNotSchedule) after a zone outage -----------------------------------

function topologySpreadAfterZoneOutage(): CorpusScenario {
  const ns = 'payments';
  const a = [nodeName('10.0.41.12'), nodeName('10.0.41.200')];
  const b = [nodeName('10.0.42.9'), nodeName('10.0.42.133')];
  const c = [nodeName('10.0.43.54'), nodeName('10.0.43.181')];
  const nodes = [
    ...a.map((n) => node({ name: n, zone: 'eu-west-1a' })),
    ...b.map((n) => node({ name: n, zone: 'eu-west-1b' })),
    ...c.map((n) => node({ name: n, zone: 'eu-west-1c', ready: 'Unknown', readySince: 27 })),
  ];
  const tpl = {
    containers: [container({ image: `${ECR}/payments/ledger-api:8.4.1`, ports: [8080], cpu: '500m', memory: '1Gi' })],
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'ledger-api' } } }],
  };
  const unsched = '0/6 nodes are available: 2 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 4 node(s) didn\'t match pod topology spread constraints. preemption: 0/6 nodes are available: 2 Preemption is not helpful for scheduling, 4 No preemption victims found for incoming pod.';
  const app = deploymentApp({
    namespace: ns,
    name: 'ledger-api',
    replicas: 6,
    revisions: [
      { revision: 61, createdAgo: 9 * DAYS, template: { ...tpl, containers: [container({ image: `${ECR}/payments/ledger-api:8.4.0`, ports: [8080], cpu: '500m', memory: '1Gi' })] } },
      { revision: 62, createdAgo: 3 * DAYS, changeCause: 'argocd: ledger-api 8.4.1', template: tpl },
    ],
    pods: [
      { revision: 62, node: a[0] ?? '', createdAgo: 3 * DAYS },
      { revision: 62, node: a[1] ?? '', createdAgo: 3 * DAYS },
      { revision: 62, node: b[0] ?? '', createdAgo: 3 * DAYS },
      { revision: 62, node: b[1] ?? '', createdAgo: 3 * DAYS },
      { revision: 62, node: c[0] ?? '', createdAgo: 3 * DAYS, deletingAgo: 21.5, ready: false, containers: { app: running({ sinceAgo: 3 * DAYS, ready: false }) } },
      { revision: 62, node: c[1] ?? '', createdAgo: 3 * DAYS, deletingAgo: 21.5, ready: false, containers: { app: running({ sinceAgo: 3 * DAYS, ready: false }) } },
      { revision: 62, createdAgo: 21.5, unschedulable: unsched },
      { revision: 62, createdAgo: 21.5, unschedulable: unsched },
    ],
    settled: { available: false, availableSince: 26, progressingSince: 3 * DAYS },
  });
  return {
    id: 'heldout5-topology-spread-after-zone-outage',
    class: 'scheduling',
    truth: 'eu-west-1c went dark 27 minutes ago (both its nodes stopped reporting; unreachable taints). After five minutes the two ledger-api pods there were evicted (stuck Terminating on the dead nodes) and their replacements cannot schedule: the zone topology spread constraint (maxSkew 1, whenUnsatisfiable DoNotSchedule) still counts eu-west-1c as a domain with zero pods, so a fifth pod in 1a or 1b would exceed the skew, and 1c is tainted. There is free CPU and memory. ledger-api runs on 4 of 6. Fix: ScheduleAnyway (or minDomains/nodeTaintsPolicy Honor) while the zone is out.',
    ask: { service: 'ledger-api' },
    objects: [
      ...nodes,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'ledger-api', selector: { app: 'ledger-api' }, pods: app.pods }),
      ...c.map((n) => nodeEvent(n, 'NodeNotReady', `Node ${n} status is now: NodeNotReady`, { firstAgo: 26.5, component: 'node-controller' })),
      ...app.pods.slice(4, 6).map((p) => event({ on: p, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/${nameOf(p)}`, firstAgo: 21.5, lastAgo: 21.5, component: 'taint-eviction-controller' })),
      ...app.pods.slice(6).map((p) => failedScheduling(p, unsched, { count: 12, firstAgo: 21.5, lastAgo: 0.8 })),
      event({ on: { kind: 'Node', name: a[1] ?? '' }, type: 'Warning', reason: 'FreeDiskSpaceFailed', message: 'Failed to garbage collect required amount of images. Attempted to free 2147483648 bytes, but only found 0 bytes eligible to free.', firstAgo: 19 * HOURS, lastAgo: 19 * HOURS }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/topology spread|spread constraint/i, /eu-west-1c|zone/i],
      facts: [/DoNotSchedule|maxSkew|whenUnsatisfiable/i, /unreachable|NotReady/i],
      never: [/Insufficient (cpu|memory)/i, BLAMES_ROLLOUT, /disk/i],
    },
  };
}

// ---- 4. node-local-dns OOM-killed on one node -------------------------------------------------

function nodeLocalDnsOomOnOneNode(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeNodes('10.0.51');
  const sick = names[1] ?? '';
  const tpl = {
    containers: [container({
      image: `${ECR}/orders/orders-api:19.3.2`,
      ports: [8080],
      cpu: '500m',
      memory: '1Gi',
      env: [{ name: 'PAYMENTS_URL', value: 'http://payments-gw.payments.svc.cluster.local' }, { name: 'DB_HOST', value: 'orders.cluster-c9x2lq1o0abc.eu-west-1.rds.amazonaws.com' }],
      readiness: httpProbe('/ready', 8080),
    })],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'orders-api',
    replicas: 3,
    revisions: [
      { revision: 140, createdAgo: 8 * DAYS, template: { containers: [container({ image: `${ECR}/orders/orders-api:19.3.1`, ports: [8080], cpu: '500m', memory: '1Gi', readiness: httpProbe('/ready', 8080) })] } },
      { revision: 141, createdAgo: 2 * DAYS, changeCause: 'argocd: orders-api 19.3.2', template: tpl },
    ],
    pods: names.map((n, k) => ({ revision: 141, node: n, createdAgo: 2 * DAYS - k, ...(n === sick ? { containers: { app: running({ sinceAgo: 2 * DAYS - k, ready: false }) } } : {}) })),
  });
  const dnsTpl = {
    containers: [container({
      name: 'node-cache',
      image: 'registry.k8s.io/dns/k8s-dns-node-cache:1.23.1',
      args: ['-localip', '169.254.20.10,172.20.0.10', '-conf', '/etc/Corefile', '-upstreamsvc', 'kube-dns-upstream'],
      ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }, { name: 'metrics', containerPort: 9253, protocol: 'TCP' }],
      cpu: '25m',
      memory: '5Mi',
      memoryLimit: '30Mi',
      readiness: null,
      liveness: httpProbe('/health', 8080, { initialDelaySeconds: 60, timeoutSeconds: 5 }),
      securityContext: { capabilities: { add: ['NET_ADMIN'] } },
    })],
    priorityClassName: 'system-node-critical',
    serviceAccountName: 'node-local-dns',
  };
  const nodeLocal = daemonSetApp({
    namespace: 'kube-system',
    name: 'node-local-dns',
    selector: { 'k8s-app': 'node-local-dns' },
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: dnsTpl }],
    pods: names.map((n) => ({ revision: 4, node: n, createdAgo: 30 * DAYS, ...(n === sick ? { containers: { 'node-cache': crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo: 1.5, ranSeconds: 95 }, 14) } } : {}) })),
  });
  const dns = coreDns(names.slice(0, 2).map((n) => ({ node: n })));
  const sickPod = app.pods.find((p) => p.spec?.nodeName === sick);
  const sickDns = nodeLocal.pods.find((p) => p.spec?.nodeName === sick);
  const okLog = (p: k8s.V1Pod) => every(12, 0, 60, (t, i) => `{"level":"info","ts":"${at(t)}","pod":"${nameOf(p)}","msg":"request completed","method":"POST","path":"/v3/orders","status":201,"duration_ms":${38 + (i % 9)}}\n`);
  const sickLog = every(12, 0, 30, (t, i) => i % 3 === 2
    ? `{"level":"warn","ts":"${at(t)}","msg":"readiness: dependency check failed","check":"payments-gw","error":"dial tcp: lookup payments-gw.payments.svc.cluster.local on 169.254.20.10:53: read udp ${ipOfPod(sickPod)}:${41230 + i}->169.254.20.10:53: read: connection refused"}\n`
    : `{"level":"error","ts":"${at(t)}","msg":"request failed","method":"POST","path":"/v3/orders","status":502,"error":"Post \\"http://payments-gw.payments.svc.cluster.local/v1/charges\\": dial tcp: lookup payments-gw.payments.svc.cluster.local on 169.254.20.10:53: ${i % 2 === 0 ? 'read: connection refused' : 'i/o timeout'}"}\n`);
  const dnsPrevious = [
    '2026/11/21 03:10:56 [INFO] Starting node-cache image: 1.23.1',
    '2026/11/21 03:10:56 [INFO] Using Corefile /etc/Corefile',
    '2026/11/21 03:10:56 [INFO] Updated Corefile with 0 custom stubdomains and upstream servers 172.20.211.40',
    'cluster.local.:53 on 169.254.20.10',
    'in-addr.arpa.:53 on 169.254.20.10',
    '.:53 on 169.254.20.10',
    '[INFO] plugin/reload: Running configuration SHA512 = 7e3b0e2b5a6f',
    'CoreDNS-1.11.3',
    'linux/amd64, go1.22.7, ',
    '',
  ].join('\n');
  return {
    id: 'heldout5-node-local-dns-oom-on-one-node',
    class: 'network',
    truth: `The node-local-dns pod on ${sick} (kube-system DaemonSet, memory limit 30Mi) is OOM-killed again and again (14 restarts) since a batch of jobs on that node began resolving thousands of names; while it is down, every pod on that node gets "connection refused" / timeouts from 169.254.20.10:53. The orders-api pod on that node cannot resolve payments-gw, answers 502 and fails readiness; the two orders-api pods on the other nodes are fine. orders-api itself (revision 141, 2 days) is not the cause. Fix: raise node-local-dns's memory limit (and restart it), or drain the node meanwhile.`,
    ask: { service: 'orders-api' },
    objects: [
      ...nodes,
      ...app.objects,
      ...nodeLocal.objects,
      ...dns.objects,
      ...exposed({ namespace: ns, name: 'orders-api', selector: { app: 'orders-api' }, pods: app.pods }),
      probeFailed(sickPod ?? {}, 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 96, firstAgo: 24 }),
      backOff(sickDns ?? {}, 'node-cache', { count: 61, firstAgo: 23 }),
      ...restartedAgain(sickDns ?? {}, 'node-cache', 'registry.k8s.io/dns/k8s-dns-node-cache:1.23.1', { count: 14, firstAgo: 25, lastAgo: 3.1 }),
      nodeEvent(sick, 'SystemOOM', 'System OOM encountered, victim process: node-cache, pid: 2231847', { type: 'Warning', count: 14, firstAgo: 25, lastAgo: 1.5 }),
      probeFailed(pod(app, 0), 'app', 'Readiness', 'HTTP probe failed with statuscode: 503', { count: 3, firstAgo: 21 * HOURS, lastAgo: 21 * HOURS }),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { current: p === sickPod ? sickLog : okLog(p) })),
      ...(sickDns === undefined ? [] : [logsFor(sickDns, 'node-cache', { previous: dnsPrevious, current: dnsPrevious })]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/node-local-dns|node-cache|169\.254\.20\.10|DNS/i, lit(sick)],
      facts: [/node-local-dns|node-cache/, /OOM/, /connection refused|i\/o timeout/i],
      never: [BLAMES_ROLLOUT, /NetworkPolicy/i, /orders-api[^\n]*OOM/i],
    },
  };
}

// ---- 5. a new fsGroup makes the kubelet chown a huge volume: mount times out ------------------

function fsGroupChownMountTimeout(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeNodes('10.0.61');
  const tpl = (sc: k8s.V1PodSecurityContext | undefined) => ({
    containers: [container({
      name: 'clickhouse',
      image: 'clickhouse/clickhouse-server:24.8.4.13',
      ports: [{ name: 'http', containerPort: 8123 }, { name: 'native', containerPort: 9000 }, { name: 'interserver', containerPort: 9009 }],
      cpu: '4',
      memory: '16Gi',
      readiness: httpProbe('/ping', 8123),
      liveness: httpProbe('/ping', 8123, { initialDelaySeconds: 60, failureThreshold: 10 }),
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/clickhouse' }],
    })],
    ...(sc === undefined ? {} : { securityContext: sc }),
  });
  const app = statefulSetApp({
    namespace: ns,
    name: 'clickhouse',
    replicas: 3,
    serviceName: 'clickhouse-headless',
    podManagementPolicy: 'Parallel',
    revisions: [
      { revision: 5, createdAgo: 40 * DAYS, template: tpl(undefined) },
      { revision: 6, createdAgo: 36, changeCause: 'run as clickhouse (101) — security review SEC-418', template: tpl({ runAsUser: 101, runAsGroup: 101, fsGroup: 101, runAsNonRoot: true }) },
    ],
    volumeClaimTemplates: [{ name: 'data', storage: '2Ti', storageClass: 'gp3' }],
    pods: [
      { revision: 5, ordinal: 0, node: names[0] ?? '', createdAgo: 40 * DAYS },
      { revision: 5, ordinal: 1, node: names[1] ?? '', createdAgo: 40 * DAYS },
      { revision: 6, ordinal: 2, node: names[2] ?? '', createdAgo: 35, containers: { clickhouse: waiting('ContainerCreating') } },
    ],
  });
  const claims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-clickhouse-${k}`, storage: '2Ti', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][k] ?? 'eu-west-1a', createdAgo: 300 * DAYS, labels: { app: 'clickhouse' } }));
  const stuck = pod(app, 2);
  const volume = volumeOf(ns, 'data-clickhouse-2');
  return {
    id: 'heldout5-fsgroup-chown-mount-timeout',
    class: 'storage',
    truth: 'Revision 6 (36 minutes ago) made ClickHouse run as uid 101 with fsGroup 101. With the default fsGroupChangePolicy (Always) the kubelet recursively changes ownership of every file on the volume before starting the container; data-clickhouse-2 holds ~1.4 TB in millions of part files, so clickhouse-2 has been stuck in ContainerCreating for 35 minutes with FailedMount "timed out waiting for the condition". The volume is attached (no attach or zone problem). clickhouse-0 and -1 still run revision 5. Fix: fsGroupChangePolicy OnRootMismatch (or chown once offline), before the rollout continues to the other replicas.',
    ask: { service: 'clickhouse' },
    objects: [
      ...nodes,
      ...app.objects,
      ...claims,
      ...exposed({ namespace: ns, name: 'clickhouse', selector: { app: 'clickhouse' }, pods: app.pods, ports: [{ name: 'http', port: 8123, targetPort: 8123 }, { name: 'native', port: 9000, targetPort: 9000 }], endpointPort: 8123 }),
      ...exposed({ namespace: ns, name: 'clickhouse-headless', selector: { app: 'clickhouse' }, headless: true, pods: app.pods, ports: [{ name: 'native', port: 9000, targetPort: 9000 }], endpointPort: 9000 }),
      event({ on: { kind: 'StatefulSet', name: 'clickhouse', namespace: ns }, type: 'Normal', reason: 'SuccessfulDelete', message: 'delete Pod clickhouse-2 in StatefulSet clickhouse successful', firstAgo: 35.2, lastAgo: 35.2, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'clickhouse', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod clickhouse-2 in StatefulSet clickhouse successful', firstAgo: 35, lastAgo: 35, component: 'statefulset-controller' }),
      scheduled(stuck, 35),
      event({ on: stuck, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volume}" `, firstAgo: 34.6, lastAgo: 34.6, component: 'attachdetach-controller' }),
      event({ on: stuck, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition', count: 15, firstAgo: 32.8, lastAgo: 0.8 }),
      event({ on: pod(app, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(pod(app, 0))}:8123/ping": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 22 * HOURS, lastAgo: 22 * HOURS, fieldPath: 'spec.containers{clickhouse}' }),
    ],
    logs: app.pods.slice(0, 2).map((p) => logsFor(p, 'clickhouse', { current: every(10, 0, 120, (t, i) => `${pyTime(t).replace(',', '.')} [ ${610 + i} ] {} <Information> MergeTreeDataMergerMutator: Selected 6 parts from 202611_1_${4402 + i}_52 to 202611_${4408 + i}_${4408 + i}_0\n`) })),
    expect: {
      verdict: 'problems',
      headline: [/fsGroup|chown|ownership/i, /clickhouse-2|mount|ContainerCreating/i],
      facts: [/timed out waiting for the condition|FailedMount/i, /revision 6/],
      never: [/Multi-Attach/i, /volume node affinity/i, /\bOOM/, /attach(ment)? fail/i],
    },
  };
}

// ---- 6. an IRSA role whose trust policy names the old ServiceAccount --------------------------

function irsaTrustPolicyOldServiceAccount(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeNodes('10.0.71');
  const tpl = (v: string, sa: string) => ({
    containers: [container({
      image: `${ECR}/billing/invoice-exporter:${v}`,
      ports: [8080],
      cpu: '250m',
      memory: '256Mi',
      env: [{ name: 'EXPORT_BUCKET', value: 'acme-billing-exports-eu' }, { name: 'AWS_REGION', value: 'eu-west-1' }],
      readiness: httpProbe('/readyz', 8080),
      liveness: httpProbe('/livez', 8080, { initialDelaySeconds: 5 }),
    })],
    serviceAccountName: sa,
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-exporter',
    replicas: 2,
    revisions: [
      { revision: 32, createdAgo: 11 * DAYS, changeCause: 'helm: invoice-exporter-1.9.4 (app 3.2.0)', template: tpl('3.2.0', 'invoice-exporter') },
      { revision: 33, createdAgo: 22, changeCause: 'helm: invoice-exporter-2.0.0 (app 3.2.1)', template: tpl('3.2.1', 'invoice-exporter-sa') },
    ],
    pods: [
      { revision: 32, node: names[0] ?? '', createdAgo: 11 * DAYS },
      { revision: 32, node: names[2] ?? '', createdAgo: 11 * DAYS },
      { revision: 33, node: names[1] ?? '', createdAgo: 22, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.4, ranSeconds: 3 }, 9) } },
    ],
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
  });
  const bad = pod(app, 2);
  const previous = [
    `{"time":"${at(1.45)}","level":"INFO","msg":"invoice-exporter starting","version":"3.2.1","bucket":"acme-billing-exports-eu"}`,
    `{"time":"${at(1.45)}","level":"INFO","msg":"aws credentials","source":"WebIdentityTokenProvider","role_arn":"arn:aws:iam::123456789012:role/billing-invoice-exporter","token_file":"/var/run/secrets/eks.amazonaws.com/serviceaccount/token"}`,
    `{"time":"${at(1.4)}","level":"ERROR","msg":"startup check failed: cannot reach export bucket","error":"operation error S3: HeadBucket, get identity: get credentials: failed to refresh cached credentials, failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 403, RequestID: 5e1c0a7b-32d4-4c4e-9a3e-7f1d0b8c2a11, api error AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity"}`,
    `{"time":"${at(1.4)}","level":"ERROR","msg":"exiting","code":1}`,
    '',
  ].join('\n');
  const okLog = (p: k8s.V1Pod) => every(40, 0, 300, (t, i) => `{"time":"${at(t)}","level":"INFO","msg":"exported invoices","pod":"${nameOf(p)}","batch":${77120 + i},"count":${140 + (i % 11)},"key":"exports/2026/11/21/batch-${77120 + i}.parquet"}\n`);
  return {
    id: 'heldout5-irsa-trust-policy-old-service-account',
    class: 'config',
    truth: 'Revision 33 (helm chart 2.0.0, 22 minutes ago) renamed the pod\'s ServiceAccount from invoice-exporter to invoice-exporter-sa. The new one carries the same IRSA role annotation, but the IAM role\'s trust policy only allows system:serviceaccount:billing:invoice-exporter, so STS refuses AssumeRoleWithWebIdentity (403 AccessDenied) and the new pod exits 1 at startup; the rollout is stuck (maxUnavailable 0) with both revision-32 pods still serving. Fix: add the new subject to the role\'s trust policy (or keep the old ServiceAccount name).',
    ask: { service: 'invoice-exporter' },
    objects: [
      ...nodes,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'invoice-exporter', selector: { app: 'invoice-exporter' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 33), 1, 0, 22),
      ...pulledFresh(bad, 'app', `${ECR}/billing/invoice-exporter:3.2.1`, { atAgo: 22, bytes: 31877120, seconds: 1.84 }),
      ...restartedAgain(bad, 'app', `${ECR}/billing/invoice-exporter:3.2.1`, { count: 9, firstAgo: 21.8, lastAgo: 1.45 }),
      backOff(bad, 'app', { count: 96, firstAgo: 21.5 }),
    ],
    logs: [logsFor(bad, 'app', { previous }), ...app.pods.slice(0, 2).map((p) => logsFor(p, 'app', { current: okLog(p) }))],
    expect: {
      verdict: 'problems',
      headline: [/AssumeRoleWithWebIdentity|AccessDenied|IRSA|IAM|credentials|service ?account/i, /revision 33|invoice-exporter-sa|service ?account/i],
      facts: [/invoice-exporter-sa/, /AssumeRoleWithWebIdentity|AccessDenied/],
      never: [/\bOOM/, /ImagePull|ErrImage|pull(ing)? (the )?image/i, /secret[^\n]*not found/i],
    },
  };
}

// ---- 7. Docker Hub's pull rate limit on fresh nodes after a scale-out -------------------------

function dockerHubRateLimitOnNewNodes(): CorpusScenario {
  const ns = 'tracking';
  const { nodes: old, names } = threeNodes('10.0.81');
  const fresh = [node({ name: nodeName('10.0.82.14'), zone: 'eu-west-1b', createdAgo: 13 }), node({ name: nodeName('10.0.83.201'), zone: 'eu-west-1c', createdAgo: 12.5 })];
  const freshNames = fresh.map(nameOf);
  const shipper = 'fluent/fluent-bit:3.1.9';
  const tpl = {
    containers: [
      container({ image: `${ECR}/tracking/event-collector:4.0.7`, ports: [8080], cpu: '1', memory: '1Gi', volumeMounts: [{ name: 'spool', mountPath: '/var/spool/collector' }] }),
      container({ name: 'log-shipper', image: shipper, ports: [{ name: 'metrics', containerPort: 2020 }], cpu: '50m', memory: '64Mi', readiness: null, liveness: null, volumeMounts: [{ name: 'spool', mountPath: '/var/spool/collector', readOnly: true }] }),
    ],
    volumes: [{ name: 'spool', emptyDir: {} }],
  };
  const pullErr = `rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/${shipper}": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/fluent/fluent-bit/manifests/sha256:4a7c1bd0e2c43a39f1cbb1f8b3e2e4b7ff1c7e0fd4c35b43e4a3c4d0f2b8e611: 429 Too Many Requests - Server message: toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit`;
  const pullMsg = `Failed to pull image "${shipper}": ${pullErr}`;
  const app = deploymentApp({
    namespace: ns,
    name: 'event-collector',
    replicas: 8,
    revisions: [{ revision: 27, createdAgo: 9 * DAYS, changeCause: 'argocd: event-collector 4.0.7', template: tpl }],
    pods: [
      ...[0, 1, 2, 3].map((k) => ({ revision: 27, node: names[k % 3] ?? '', createdAgo: 9 * DAYS })),
      ...[0, 1, 2, 3].map((k) => ({ revision: 27, node: freshNames[k % 2] ?? '', createdAgo: 11.5 - 0.2 * k, containers: { 'log-shipper': waiting(k % 2 === 0 ? 'ImagePullBackOff' : 'ErrImagePull', k % 2 === 0 ? `Back-off pulling image "${shipper}"` : pullErr), app: running({ sinceAgo: 11 - 0.2 * k, ready: true }) } })),
    ],
    settled: { available: false, availableSince: 10.5, progressingSince: 9 * DAYS },
  });
  const scaler = hpa({ namespace: ns, name: 'event-collector', target: { kind: 'Deployment', name: 'event-collector' }, min: 4, max: 12, current: 8, desired: 8, cpu: { current: 88, target: 65, averageValue: '880m' }, lastScaleAgo: 12 });
  const newPods = app.pods.slice(4);
  return {
    id: 'heldout5-docker-hub-rate-limit-on-new-nodes',
    class: 'containers',
    truth: 'A traffic peak made the HPA scale event-collector from 4 to 8 twelve minutes ago; the cluster autoscaler added two nodes. The log-shipper sidecar image (fluent/fluent-bit:3.1.9) comes from Docker Hub unauthenticated, and the new nodes pull through the same NAT address as the rest of the VPC, which has hit Docker Hub\'s pull rate limit ("429 Too Many Requests … toomanyrequests"). The four new pods sit in ErrImagePull/ImagePullBackOff; the image and tag exist, the four old pods on nodes that cached the image are fine. Fix: mirror the image in ECR (pull-through cache) or pull with Docker Hub credentials.',
    ask: { service: 'event-collector' },
    objects: [
      ...old,
      ...fresh,
      ...app.objects,
      scaler,
      ...exposed({ namespace: ns, name: 'event-collector', selector: { app: 'event-collector' }, pods: app.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'event-collector', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 8; reason: cpu resource utilization (percentage of request) above target', firstAgo: 12, lastAgo: 12, component: 'horizontal-pod-autoscaler' }),
      ...freshNames.map((n) => nodeEvent(n, 'RegisteredNode', `Node ${n} event: Registered Node ${n} in Controller`, { firstAgo: 12.4, component: 'node-controller' })),
      ...newPods.flatMap((p, k) => [
        scheduled(p, 11.5 - 0.2 * k),
        event({ on: p, type: 'Normal', reason: 'Pulling', message: `Pulling image "${shipper}"`, count: 6, firstAgo: 11.3 - 0.2 * k, lastAgo: 1.5, fieldPath: 'spec.containers{log-shipper}' }),
        event({ on: p, reason: 'Failed', message: pullMsg, count: 6, firstAgo: 11.2 - 0.2 * k, lastAgo: 1.4, fieldPath: 'spec.containers{log-shipper}' }),
        event({ on: p, reason: 'Failed', message: 'Error: ErrImagePull', count: 6, firstAgo: 11.2 - 0.2 * k, lastAgo: 1.4, fieldPath: 'spec.containers{log-shipper}' }),
        event({ on: p, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${shipper}"`, count: 41, firstAgo: 11 - 0.2 * k, lastAgo: 0.3, fieldPath: 'spec.containers{log-shipper}' }),
        event({ on: p, reason: 'Failed', message: 'Error: ImagePullBackOff', count: 41, firstAgo: 11 - 0.2 * k, lastAgo: 0.3, fieldPath: 'spec.containers{log-shipper}' }),
      ]),
    ],
    expect: {
      verdict: 'problems',
      headline: [/toomanyrequests|rate limit|429/i, /fluent-bit|log-shipper|Docker Hub|docker\.io/i],
      facts: [/fluent\/fluent-bit:3\.1\.9/, /new nodes?|ip-10-0-82-14|ip-10-0-83-201/i],
      never: [/not found|does not exist|wrong tag|typo/i, BLAMES_ROLLOUT, /\bOOM/],
    },
  };
}

// ---- 8. a Kafka consumer kicked out of its group after max.poll.records was raised ------------

function kafkaMaxPollRebalanceStorm(): CorpusScenario {
  const ns = 'fulfilment';
  const { nodes, names } = threeNodes('10.0.91');
  const tpl = (records: string, v: string) => ({
    containers: [container({
      image: `${ECR}/fulfilment/shipment-consumer:${v}`,
      ports: [8080],
      cpu: '1',
      memory: '2Gi',
      env: [
        { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'kafka-0.kafka-headless.kafka:9092,kafka-1.kafka-headless.kafka:9092,kafka-2.kafka-headless.kafka:9092' },
        { name: 'KAFKA_GROUP_ID', value: 'shipment-consumer' },
        { name: 'KAFKA_MAX_POLL_RECORDS', value: records },
        { name: 'KAFKA_MAX_POLL_INTERVAL_MS', value: '300000' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shipment-consumer',
    replicas: 6,
    revisions: [
      { revision: 51, createdAgo: 16 * DAYS, changeCause: 'argocd: shipment-consumer 2.7.0', template: tpl('200', '2.7.0') },
      { revision: 52, createdAgo: 3 * HOURS, changeCause: 'argocd: shipment-consumer 2.7.1 (bigger poll batches for throughput)', template: tpl('2000', '2.7.1') },
    ],
    pods: [0, 1, 2, 3, 4, 5].map((k) => ({ revision: 52, node: names[k % 3] ?? '', createdAgo: 3 * HOURS - 0.5 * k })),
  });
  const client = (k: number) => `[Consumer clientId=consumer-shipment-consumer-${k + 1}, groupId=shipment-consumer]`;
  const log = (k: number) => {
    const lines: string[] = [];
    for (let cycle = 0; cycle < 3; cycle++) {
      const t0 = 20 - cycle * 6.5 - k * 0.1;
      lines.push(
        spring(t0, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `${client(k)} Adding newly assigned partitions: shipments.created-${2 * k}, shipments.created-${2 * k + 1}`, 'shipment-consumer'),
        spring(t0 - 0.05, 'INFO', 'ntainer#0-0-C-1', 'c.a.f.shipment.ShipmentListener', 'processing batch records=2000 partitions=2', 'shipment-consumer'),
        spring(t0 - 5.1, 'WARN', 'heartbeat-thread', 'o.a.k.c.c.internals.ConsumerCoordinator', `${client(k)} consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is spending too much time processing messages. You can address this either by increasing max.poll.interval.ms or by reducing the maximum size of batches returned in poll() with max.poll.records.`, 'shipment-consumer'),
        spring(t0 - 5.1, 'INFO', 'heartbeat-thread', 'o.a.k.c.c.internals.ConsumerCoordinator', `${client(k)} Member consumer-shipment-consumer-${k + 1}-7f3e sending LeaveGroup request to coordinator kafka-1.kafka-headless.kafka:9092 (id: 2147483646 rack: null) due to consumer poll timeout has expired.`, 'shipment-consumer'),
        spring(t0 - 6.2, 'ERROR', 'ntainer#0-0-C-1', 'o.s.k.l.KafkaMessageListenerContainer', `Consumer exception\norg.apache.kafka.clients.consumer.CommitFailedException: Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.\n\tat org.apache.kafka.clients.consumer.internals.ConsumerCoordinator.sendOffsetCommitRequest(ConsumerCoordinator.java:1351)`, 'shipment-consumer'),
        spring(t0 - 6.3, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.ConsumerCoordinator', `${client(k)} Revoke previously assigned partitions shipments.created-${2 * k}, shipments.created-${2 * k + 1}`, 'shipment-consumer'),
        spring(t0 - 6.4, 'INFO', 'ntainer#0-0-C-1', 'o.a.k.c.c.internals.AbstractCoordinator', `${client(k)} (Re-)joining group`, 'shipment-consumer'),
      );
    }
    return lines.join('\n') + '\n';
  };
  return {
    id: 'heldout5-kafka-max-poll-rebalance-storm',
    class: 'config',
    truth: 'Revision 52 (3 hours ago) raised KAFKA_MAX_POLL_RECORDS from 200 to 2000. Each record calls the carrier API (~170 ms), so a batch takes ~340 s, longer than max.poll.interval.ms (300000): every consumer is kicked out of the group mid-batch, its offset commit fails (CommitFailedException), the group rebalances and the same records are fetched again. Nothing restarts and every pod is Ready, but nothing is committed and the lag on shipments.created grows. Fix: back to 200 records (revision 51) or raise max.poll.interval.ms.',
    ask: { service: 'shipment-consumer' },
    objects: [
      ...nodes,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'shipment-consumer', selector: { app: 'shipment-consumer' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 52), 6, 0, 3 * HOURS - 3),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 51), 0, 6, 3 * HOURS - 3),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'problems',
      headline: [/max\.poll|poll timeout|rebalanc|kicked out|consumer group/i],
      facts: [/max\.poll\.records|MAX_POLL_RECORDS|2000/, /revision 52/],
      never: [/\bOOM/, /crash-?loop/i, /liveness/i],
    },
  };
}

// ---- 9. a Service whose selector also picks the canary ----------------------------------------

function serviceSelectorMatchesCanary(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeNodes('10.0.101');
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/shop/checkout:${v}`, ports: [8080], cpu: '500m', memory: '768Mi' })] });
  const stable = deploymentApp({
    namespace: ns,
    name: 'checkout',
    replicas: 4,
    selector: { app: 'checkout', track: 'stable' },
    revisions: [
      { revision: 87, createdAgo: 13 * DAYS, template: tpl('2.13.4') },
      { revision: 88, createdAgo: 6 * DAYS, changeCause: 'argocd: checkout 2.14.0', template: tpl('2.14.0') },
    ],
    pods: [0, 1, 2, 3].map((k) => ({ revision: 88, node: names[k % 3] ?? '', createdAgo: 6 * DAYS })),
  });
  const canary = deploymentApp({
    namespace: ns,
    name: 'checkout-canary',
    replicas: 1,
    selector: { app: 'checkout', track: 'canary' },
    revisions: [{ revision: 1, createdAgo: 52, changeCause: 'kubectl apply --filename=checkout-canary.yaml', template: tpl('2.15.0-rc.2') }],
    pods: [{ revision: 1, node: names[1] ?? '', createdAgo: 52 }],
    createdAgo: 52,
  });
  const canaryPod = pod(canary, 0);
  const svc = exposed({ namespace: ns, name: 'checkout', selector: { app: 'checkout' }, pods: [...stable.pods, ...canary.pods] });
  const canarySvc = exposed({ namespace: ns, name: 'checkout-canary', selector: { app: 'checkout', track: 'canary' }, pods: canary.pods, createdAgo: 52 });
  const okLog = (p: k8s.V1Pod) => every(15, 0, 45, (t, i) => `${at(t)} INFO  [http] POST /v1/checkout 200 ${120 + (i % 13) * 7}ms order=o_${5520331 + i} pod=${nameOf(p)}\n`);
  const canaryLog = every(48, 0, 40, (t, i) => i % 4 === 1
    ? `${at(t)} ERROR [http] POST /v1/checkout 500 ${41 + (i % 5)}ms order=o_${5519800 + i}: PG::UndefinedColumn: ERROR:  column "gift_card_id" of relation "payments" does not exist\n`
    : `${at(t)} INFO  [http] POST /v1/checkout 200 ${130 + (i % 11) * 6}ms order=o_${5519800 + i}\n`);
  return {
    id: 'heldout5-service-selector-matches-canary',
    class: 'network',
    truth: 'Someone applied checkout-canary (2.15.0-rc.2, 52 minutes ago) by hand for a test behind its own Service, checkout-canary. But its pods carry app=checkout, and the production Service checkout selects only app=checkout, so the canary pod is one of checkout\'s five endpoints and takes a fifth of real traffic. 2.15.0-rc.2 needs a migration that has not run (column "gift_card_id" does not exist): checkout orders paying with a gift card fail with 500. The checkout Deployment (revision 88, 6 days) is fine. Fix: delete or relabel the canary (or add track=stable to the Service selector).',
    ask: { service: 'checkout' },
    objects: [
      ...nodes,
      ...stable.objects,
      ...canary.objects,
      ...svc,
      ...canarySvc,
      scaledReplicaSet(canary.objects[0] ?? {}, rsOf(canary, 1), 1, 0, 52),
      ...startedAt(canaryPod, 'app', `${ECR}/shop/checkout:2.15.0-rc.2`, 52),
      event({ on: pod(stable, 2), type: 'Warning', reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(pod(stable, 2))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 2, firstAgo: 27 * HOURS, lastAgo: 27 * HOURS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: [...stable.pods.map((p) => logsFor(p, 'app', { current: okLog(p) })), logsFor(canaryPod, 'app', { current: canaryLog })],
    expect: {
      verdict: 'problems',
      headline: [/checkout-canary|canary/i],
      facts: [/selector|endpoint/i, /2\.15\.0-rc\.2/, /gift_card_id|UndefinedColumn/],
      never: [BLAMES_ROLLOUT, /\bOOM/, /revision 88/],
    },
  };
}

// ---- 10. a StatefulSet partition left from a canary holds back a fix ---------------------------

function statefulSetPartitionHoldsBackFix(): CorpusScenario {
  const ns = 'realtime';
  const { nodes, names } = threeNodes('10.0.111');
  const tpl = (v: string) => ({
    containers: [container({
      image: `${ECR}/realtime/presence:${v}`,
      ports: [{ name: 'ws', containerPort: 4000 }],
      cpu: '1',
      memory: '1Gi',
      readiness: httpProbe('/health/ready', 4000),
      liveness: httpProbe('/health/live', 4000, { initialDelaySeconds: 10 }),
    })],
  });
  const app = statefulSetApp({
    namespace: ns,
    name: 'presence',
    replicas: 5,
    serviceName: 'presence-headless',
    partition: 3,
    revisions: [
      { revision: 12, createdAgo: 9 * DAYS, template: tpl('4.8.1') },
      { revision: 13, createdAgo: 41, changeCause: 'presence 4.8.2: fix nil session on reconnect storm (INC-3107)', template: tpl('4.8.2') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 12, ordinal: k, node: names[k] ?? '', createdAgo: 9 * DAYS, containers: { app: crashLoop({ exitCode: 2, finishedAgo: 0.8 + k * 0.6, ranSeconds: 240 + 50 * k }, 11 - k) } })),
      { revision: 13, ordinal: 3, node: names[0] ?? '', createdAgo: 38 },
      { revision: 13, ordinal: 4, node: names[1] ?? '', createdAgo: 40 },
    ],
    currentRevision: 12,
  });
  const image = `${ECR}/realtime/presence:4.8.1`;
  const previous = (k: number) => [
    `time=${at(4.7 + 1.4 * k)} level=INFO msg="presence 4.8.1 listening" addr=:4000 pod=presence-${k}`,
    ...Array.from({ length: 4 }, (_, i) => `time=${at(4.4 + 1.4 * k - i * 0.7)} level=INFO msg="reconnect burst" sessions=${1800 + 420 * i} window=1s`),
    'panic: runtime error: invalid memory address or nil pointer dereference',
    '[signal SIGSEGV: segmentation violation code=0x1 addr=0x38 pc=0x8c31f4]',
    '',
    `goroutine ${88120 + k} [running]:`,
    'github.com/acme/presence/internal/session.(*Hub).Resume(0xc0001c2a80, {0xc00a3e1f20, 0x24})',
    '\t/src/internal/session/hub.go:214 +0x74',
    'github.com/acme/presence/internal/ws.(*Server).handleReconnect(0xc000190b40, {0xb1e6a0, 0xc009f1c0e0})',
    '\t/src/internal/ws/server.go:131 +0x1d2',
    'created by github.com/acme/presence/internal/ws.(*Server).Serve in goroutine 41',
    '\t/src/internal/ws/server.go:88 +0x2b8',
    '',
  ].join('\n');
  return {
    id: 'heldout5-statefulset-partition-holds-back-fix',
    class: 'rollout',
    truth: 'presence 4.8.2 (revision 13, 41 minutes ago) fixes the nil-pointer panic on reconnect storms (exit 2). But the StatefulSet\'s rollingUpdate partition is still 3, left from last week\'s canary, so only presence-3 and presence-4 were updated; presence-0, -1 and -2 still run 4.8.1 (revision 12) and keep panicking in session.(*Hub).Resume. The team believes the fix is out. Fix: set the partition back to 0 so the rollout reaches ordinals 0-2; do not roll back.',
    ask: { service: 'presence' },
    objects: [
      ...nodes,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'presence', selector: { app: 'presence' }, pods: app.pods, ports: [{ name: 'ws', port: 80, targetPort: 'ws' }], endpointPort: 4000 }),
      ...exposed({ namespace: ns, name: 'presence-headless', selector: { app: 'presence' }, headless: true, pods: app.pods, ports: [{ name: 'ws', port: 4000, targetPort: 4000 }], endpointPort: 4000 }),
      event({ on: { kind: 'StatefulSet', name: 'presence', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod presence-4 in StatefulSet presence successful', firstAgo: 40, lastAgo: 40, component: 'statefulset-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'presence', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod presence-3 in StatefulSet presence successful', firstAgo: 38, lastAgo: 38, component: 'statefulset-controller' }),
      ...app.pods.slice(0, 3).flatMap((p, k) => [
        backOff(p, 'app', { count: 30 - 3 * k, firstAgo: 55 - k }),
        ...restartedAgain(p, 'app', image, { count: 11 - k, firstAgo: 58 - k, lastAgo: 4.8 + 1.43 * k }),
      ]),
    ],
    logs: app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { previous: previous(k) })),
    expect: {
      verdict: 'problems',
      headline: [/partition/i],
      facts: [/revision 12|4\.8\.1/, /presence-[012]/, /nil pointer|panic|exit(ed)? (code )?2\b/i],
      never: [BLAMES_ROLLOUT, /\bOOM/, /liveness/i],
    },
  };
}

// ---- 11. a migration Job that never completes: its injected Istio sidecar keeps running -------

function migrationJobHeldByIstioSidecar(): CorpusScenario {
  const ns = 'catalog';
  const { nodes, names } = threeNodes('10.0.121');
  const migrate = batchContainer({
    name: 'migrate',
    image: `${ECR}/catalog/catalog-api:11.0.0`,
    command: ['/app/bin/migrate', 'up'],
    cpu: '250m',
    memory: '256Mi',
    env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'catalog-db', key: 'url' } } }],
  });
  const proxy = container({
    name: 'istio-proxy',
    image: 'docker.io/istio/proxyv2:1.23.2',
    args: ['proxy', 'sidecar', '--domain', `${ns}.svc.cluster.local`, '--proxyLogLevel=warning', '--log_output_level=default:info'],
    ports: [{ name: 'http-envoy-prom', containerPort: 15090 }],
    cpu: '100m',
    memory: '128Mi',
    memoryLimit: '1Gi',
    readiness: httpProbe('/healthz/ready', 15021, { initialDelaySeconds: 0, periodSeconds: 15, failureThreshold: 4 }),
    liveness: null,
  });
  const built = job({
    namespace: ns,
    name: 'catalog-db-migrate',
    template: {
      containers: [migrate, proxy],
      annotations: { 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"imagePullSecrets":null,"revision":"default"}' },
      labels: { 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': 'catalog-db-migrate' },
    },
    backoffLimit: 0,
    createdAgo: 47,
    pods: [{
      node: names[1] ?? '',
      createdAgo: 47,
      ready: false,
      containers: {
        migrate: terminated({ exitCode: 0, reason: 'Completed', finishedAgo: 45.5, ranSeconds: 71 }),
        'istio-proxy': running({ sinceAgo: 46.8 }),
      },
    }],
  });
  // The sidecar is injected into the pod by Istio's webhook; the Job's own template has only migrate.
  const jobObj = built.objects[0] as k8s.V1Job;
  const jobSpec = jobObj.spec?.template.spec;
  if (jobSpec !== undefined) jobSpec.containers = [migrate];
  if (jobObj.spec?.template.metadata !== undefined) jobObj.spec.template.metadata.annotations = { 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' };
  const p = pod(built, 0);
  const api = deploymentApp({
    namespace: ns,
    name: 'catalog-api',
    replicas: 3,
    revisions: [{ revision: 203, createdAgo: 5 * DAYS, changeCause: 'argocd: catalog-api 10.9.3', template: { containers: [container({ image: `${ECR}/catalog/catalog-api:10.9.3`, ports: [8080] })] } }],
    pods: names.map((n) => ({ revision: 203, node: n, createdAgo: 2 * DAYS })),
  });
  const migrateLog = [
    `${at(46.7)} INFO  migrate: connected to catalog-db.cluster-c1ab2cd3ef45.eu-west-1.rds.amazonaws.com:5432/catalog`,
    `${at(46.6)} INFO  migrate: current version 20261102_1142, 3 pending`,
    `${at(46.2)} INFO  migrate: applied 20261114_0915_add_variant_dimensions (18.2s)`,
    `${at(45.9)} INFO  migrate: applied 20261117_1630_index_products_brand (21.7s)`,
    `${at(45.6)} INFO  migrate: applied 20261119_1010_drop_legacy_price_cache (0.9s)`,
    `${at(45.5)} INFO  migrate: done, version 20261119_1010`,
    '',
  ].join('\n');
  const proxyLog = [
    `${at(46.8)}	info	Version 1.23.2-d0b6b6e7a1c3f4e1a0c9b2d1f3e5a7c9b1d3f5e7-Clean`,
    `${at(46.75)}	info	Envoy proxy is ready`,
    ...Array.from({ length: 4 }, (_, i) => `${at(40 - i * 10)}	info	xdsproxy	connected to delta upstream XDS server: istiod.istio-system.svc:15012	id=${14 + i}`),
    '',
  ].join('\n');
  return {
    id: 'heldout5-migration-job-held-by-istio-sidecar',
    class: 'jobs',
    truth: 'The catalog namespace was labelled istio-injection=enabled two days ago (mesh onboarding). The Argo CD PreSync hook Job catalog-db-migrate now gets an istio-proxy sidecar as a regular container: the migrate container finished successfully (exit 0) 45 minutes ago, but istio-proxy keeps running, so the pod never completes, the Job never reaches Complete and the catalog-api 11.0.0 sync waits on the hook. The migration itself is fine. Fix: annotate the Job sidecar.istio.io/inject: "false" (or use native sidecars / quitquitquit), then delete the pod.',
    ask: { service: 'catalog-db-migrate' },
    objects: [
      ...nodes,
      namespace({ name: ns, createdAgo: 400 * DAYS, labels: { 'istio-injection': 'enabled' }, labelledAgo: 2 * DAYS }),
      ...built.objects,
      ...api.objects,
      ...exposed({ namespace: ns, name: 'catalog-api', selector: { app: 'catalog-api' }, pods: api.pods }),
      jobEvent(jobObj, 'SuccessfulCreate', `Created pod: ${nameOf(p)}`, 47),
      scheduled(p, 47),
      event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container migrate', firstAgo: 46.8, lastAgo: 46.8, fieldPath: 'spec.containers{migrate}' }),
      event({ on: p, type: 'Normal', reason: 'Started', message: 'Started container istio-proxy', firstAgo: 46.8, lastAgo: 46.8, fieldPath: 'spec.containers{istio-proxy}' }),
      event({ on: p, type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://' + ipOfPod(p) + ':15021/healthz/ready": dial tcp ' + ipOfPod(p) + ':15021: connect: connection refused', firstAgo: 46.8, lastAgo: 46.8, fieldPath: 'spec.containers{istio-proxy}' }),
    ],
    logs: [logsFor(p, 'migrate', { current: migrateLog }), logsFor(p, 'istio-proxy', { current: proxyLog })],
    expect: {
      verdict: 'problems',
      headline: [/istio-proxy|istio|sidecar/i],
      facts: [/istio-proxy/, /exit(ed)? (code )?0|Completed|succeeded|finished/i],
      never: [/BackoffLimitExceeded|backoff limit/i, /\bOOM/, /migration (failed|error)/i, /crash-?loop/i],
    },
  };
}

// ---- 12. a DaemonSet pod that cannot fit on nodes at their pod limit --------------------------

function daemonSetPodTooManyPods(): CorpusScenario {
  const ns = 'observability';
  const { nodes: general, names } = threeNodes('10.0.131');
  const smallAlloc = { cpu: '1930m', 'ephemeral-storage': '18242267924', memory: '3388360Ki', pods: '17' };
  const small = [node({ name: nodeName('10.0.132.58'), zone: 'eu-west-1b', pool: 'batch-small', instanceType: 't3.medium', allocatable: smallAlloc, createdAgo: 2 * DAYS }), node({ name: nodeName('10.0.133.140'), zone: 'eu-west-1c', pool: 'batch-small', instanceType: 't3.medium', allocatable: smallAlloc, createdAgo: 2 * DAYS })];
  const smallNames = small.map(nameOf);
  const tpl = {
    containers: [container({
      name: 'otel-agent',
      image: 'otel/opentelemetry-collector-contrib:0.112.0',
      args: ['--config=/conf/agent.yaml'],
      ports: [{ name: 'otlp-grpc', containerPort: 4317 }, { name: 'otlp-http', containerPort: 4318 }],
      cpu: '100m',
      memory: '200Mi',
      readiness: httpProbe('/', 13133),
      liveness: httpProbe('/', 13133, { initialDelaySeconds: 15 }),
    })],
    serviceAccountName: 'otel-agent',
  };
  const unsched = '0/5 nodes are available: 1 Too many pods, 4 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/5 nodes are available: 1 No preemption victims found for incoming pod, 4 Preemption is not helpful for scheduling.';
  const agent = daemonSetApp({
    namespace: ns,
    name: 'otel-agent',
    selector: { app: 'otel-agent' },
    pinnedToNodes: true,
    revisions: [{ revision: 9, createdAgo: 20 * DAYS, template: tpl }],
    pods: [
      ...names.map((n) => ({ revision: 9, node: n, createdAgo: 20 * DAYS })),
      ...smallNames.map((n) => ({ revision: 9, node: n, createdAgo: 2 * DAYS - 1, unschedulable: unsched })),
    ],
  });
  const workers = deploymentApp({
    namespace: 'batch',
    name: 'render-worker',
    replicas: 30,
    revisions: [{ revision: 15, createdAgo: 6 * DAYS, template: { containers: [container({ image: `${ECR}/batch/render-worker:2.2.0`, ports: [8080], cpu: '100m', memory: '160Mi', readiness: null, liveness: null })], nodeSelector: { 'eks.amazonaws.com/nodegroup': 'batch-small' } } }],
    pods: Array.from({ length: 30 }, (_, k) => ({ revision: 15, node: smallNames[k % 2] ?? '', createdAgo: 2 * DAYS - 0.5 })),
  });
  const proxy = kubeProxy([...names, ...smallNames].map((n) => ({ node: n })));
  const cni = daemonSetApp({
    namespace: 'kube-system',
    name: 'aws-node',
    selector: { 'k8s-app': 'aws-node' },
    revisions: [{ revision: 6, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'aws-node', image: '602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.18.5-eksbuild.1', ports: [{ name: 'metrics', containerPort: 61678 }], cpu: '25m', memory: '64Mi', memoryLimit: null, readiness: null, liveness: null })], priorityClassName: 'system-node-critical' } }],
    pods: [...names, ...smallNames].map((n) => ({ revision: 6, node: n, createdAgo: smallNames.includes(n) ? 2 * DAYS : 40 * DAYS })),
  });
  const pending = agent.pods.slice(3);
  return {
    id: 'heldout5-daemonset-pod-too-many-pods',
    class: 'capacity',
    truth: `Two days ago a batch-small node group of t3.medium nodes was added (${smallNames.join(', ')}). A t3.medium takes at most 17 pods (VPC CNI ENI limit); aws-node, kube-proxy and 15 render-worker pods filled each node as it joined, before the otel-agent DaemonSet pod was placed. otel-agent has no priority class, so it cannot preempt: its pods for those two nodes are Pending ("Too many pods") and nothing on the batch nodes is traced. CPU and memory are not the limit. Fix: give otel-agent a high priority class (system-node-critical) so it preempts, or raise the nodes' max pods (prefix delegation).`,
    ask: { service: 'otel-agent', namespace: ns },
    objects: [
      ...general,
      ...small,
      ...agent.objects,
      ...workers.objects,
      ...proxy.objects,
      ...cni.objects,
      ...pending.map((p) => failedScheduling(p, unsched, { count: 580, firstAgo: 2 * DAYS - 1, lastAgo: 2 })),
      event({ on: { kind: 'DaemonSet', name: 'otel-agent', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(pending[0])}`, firstAgo: 2 * DAYS - 1, lastAgo: 2 * DAYS - 1, component: 'daemonset-controller' }),
      event({ on: { kind: 'DaemonSet', name: 'otel-agent', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(pending[1])}`, firstAgo: 2 * DAYS - 1, lastAgo: 2 * DAYS - 1, component: 'daemonset-controller' }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/too many pods|pod (limit|capacity)|max(imum)?[- ]pods/i, /ip-10-0-132-58|ip-10-0-133-140|batch-small|t3\.medium|2 nodes|two nodes/i],
      facts: [/\b17\b/, /priority/i],
      never: [/Insufficient (cpu|memory)/i, /taint/i, /host ?port/i, /\bOOM/],
    },
  };
}

// ---- 13. healthy: a clean rollout, with old noise around it -----------------------------------

function healthyCleanRolloutWithOldNoise(): CorpusScenario {
  const ns = 'accounts';
  const { nodes, names } = threeNodes('10.0.141');
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/accounts/profile-api:${v}`, ports: [8080], cpu: '300m', memory: '512Mi', readiness: httpProbe('/ready', 8080, { initialDelaySeconds: 5 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'profile-api',
    replicas: 3,
    revisions: [
      { revision: 39, createdAgo: 9 * DAYS, changeCause: 'argocd: profile-api 6.3.0', template: tpl('6.3.0') },
      { revision: 40, createdAgo: 24, changeCause: 'argocd: profile-api 6.4.0', template: tpl('6.4.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 40, node: names[k] ?? '', createdAgo: 24 - 1.2 * k })),
  });
  const scaler = hpa({
    namespace: ns, name: 'profile-api', target: { kind: 'Deployment', name: 'profile-api' }, min: 3, max: 10, current: 3, desired: 3, cpu: { current: 31, target: 70, averageValue: '93m' },
  });
  const image = `${ECR}/accounts/profile-api:6.4.0`;
  const deployment = app.objects[0] ?? {};
  const gone = nodeName('10.0.142.66');
  const log = (p: k8s.V1Pod, k: number) => [
    `{"level":"info","ts":"${at(23.8 - 1.2 * k)}","msg":"profile-api 6.4.0 listening","addr":":8080","pod":"${nameOf(p)}"}`,
    `{"level":"warn","ts":"${at(23.7 - 1.2 * k)}","msg":"feature flag client not ready yet, serving defaults","flag_source":"flagd.platform.svc:8013"}`,
    `{"level":"info","ts":"${at(23.6 - 1.2 * k)}","msg":"feature flags loaded","count":41}`,
    ...Array.from({ length: 10 }, (_, i) => `{"level":"info","ts":"${at(20 - 2 * i)}","msg":"request completed","method":"GET","path":"/v2/profiles/me","status":200,"duration_ms":${9 + (i % 6)}}`),
    '',
  ].join('\n');
  return {
    id: 'heldout5-healthy-clean-rollout-with-old-noise',
    class: 'healthy',
    truth: 'Nothing is wrong: profile-api 6.4.0 (revision 40) rolled out 24 minutes ago without trouble; all three pods are Ready with no restarts and serve 200s. The noise is old or routine: readiness failures during the rollout\'s own startup, a FailedGetResourceMetric warning from yesterday when metrics-server was restarted, and a node that was replaced three days ago.',
    ask: { service: 'profile-api' },
    objects: [
      ...nodes,
      ...app.objects,
      scaler,
      ...exposed({ namespace: ns, name: 'profile-api', selector: { app: 'profile-api' }, pods: app.pods }),
      scaledReplicaSet(deployment, rsOf(app, 40), 1, 0, 24),
      scaledReplicaSet(deployment, rsOf(app, 39), 2, 3, 23.4),
      scaledReplicaSet(deployment, rsOf(app, 40), 3, 1, 21.6),
      scaledReplicaSet(deployment, rsOf(app, 39), 0, 1, 21.5),
      ...app.pods.flatMap((p, k) => [
        ...startedAt(p, 'app', image, 24 - 1.2 * k),
        probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/ready": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, { count: 1, firstAgo: 23.9 - 1.2 * k, lastAgo: 23.9 - 1.2 * k }),
      ]),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'profile-api', namespace: ns }, type: 'Warning', reason: 'FailedGetResourceMetric', message: 'failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server is currently unable to handle the request (get pods.metrics.k8s.io)', count: 4, firstAgo: 19 * HOURS, lastAgo: 18.9 * HOURS, component: 'horizontal-pod-autoscaler' }),
      nodeEvent(gone, 'NodeNotReady', `Node ${gone} status is now: NodeNotReady`, { type: 'Normal', firstAgo: 3 * DAYS, component: 'node-controller' }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(p, k) })),
    expect: {
      verdict: 'healthy',
      headline: [/profile-api/],
      facts: [],
      never: [BLAMES_ROLLOUT, /\bOOM/, /FailedGetResourceMetric|metrics[- ](server|API)/i, /readiness probe fail/i],
    },
  };
}

// ---- 14. healthy: recovered after a traffic spike (scaled out, one liveness restart) ----------

function healthyRecoveredAfterTrafficSpike(): CorpusScenario {
  const ns = 'notifications';
  const { nodes, names } = threeNodes('10.0.151');
  const tpl = { containers: [container({ image: `${ECR}/notifications/push-gateway:3.9.1`, ports: [8080], cpu: '500m', memory: '512Mi', readiness: httpProbe('/ready', 8080, { periodSeconds: 5 }), liveness: httpProbe('/healthz', 8080, { initialDelaySeconds: 10, timeoutSeconds: 2 }) })] };
  const app = deploymentApp({
    namespace: ns,
    name: 'push-gateway',
    replicas: 6,
    revisions: [{ revision: 57, createdAgo: 4 * DAYS, changeCause: 'argocd: push-gateway 3.9.1', template: tpl }],
    pods: [
      { revision: 57, node: names[0] ?? '', createdAgo: 4 * DAYS, containers: { app: running({ sinceAgo: 17, restarts: 1, last: { exitCode: 137, reason: 'Error', finishedAgo: 17.05, ranSeconds: 4 * DAYS * 60 - 17 * 60 } }) } },
      { revision: 57, node: names[1] ?? '', createdAgo: 4 * DAYS },
      { revision: 57, node: names[2] ?? '', createdAgo: 4 * DAYS },
      ...[0, 1, 2].map((k) => ({ revision: 57, node: names[k] ?? '', createdAgo: 19 - 0.1 * k })),
    ],
    settled: { available: true, availableSince: 17.5, progressingSince: 4 * DAYS },
  });
  const scaler = hpa({
    namespace: ns, name: 'push-gateway', target: { kind: 'Deployment', name: 'push-gateway' }, min: 3, max: 12, current: 6, desired: 6, cpu: { current: 48, target: 70, averageValue: '240m' }, lastScaleAgo: 19,
  });
  const image = `${ECR}/notifications/push-gateway:3.9.1`;
  const restarted = pod(app, 0);
  const fresh = app.pods.slice(3);
  const log = (p: k8s.V1Pod) => every(15, 0, 60, (t, i) => `time=${at(t)} level=INFO msg="batch delivered" pod=${nameOf(p)} provider=${i % 2 === 0 ? 'apns' : 'fcm'} sent=${900 + (i % 7) * 31} failed=${i % 5} took=${180 + (i % 9) * 11}ms\n`);
  return {
    id: 'heldout5-healthy-recovered-after-traffic-spike',
    class: 'healthy',
    truth: 'Nothing needs doing now: a marketing push 20 minutes ago tripled traffic; one push-gateway pod was too slow to answer its liveness probe and was restarted once 17 minutes ago, and the HPA scaled from 3 to 6 replicas 19 minutes ago. The three new pods were Ready within a minute; all six have been Ready since, CPU is at 48% of target and deliveries succeed.',
    ask: { service: 'push-gateway' },
    objects: [
      ...nodes,
      ...app.objects,
      scaler,
      ...exposed({ namespace: ns, name: 'push-gateway', selector: { app: 'push-gateway' }, pods: app.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'push-gateway', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target', firstAgo: 19, lastAgo: 19, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 57), 6, 3, 19),
      probeFailed(restarted, 'app', 'Liveness', `Get "http://${ipOfPod(restarted)}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 3, firstAgo: 17.6, lastAgo: 17.1 }),
      probeKilling(restarted, 'app', 'liveness', { count: 1, firstAgo: 17.1, lastAgo: 17.1 }),
      ...restartedAgain(restarted, 'app', image, { count: 1, firstAgo: 17, lastAgo: 17 }),
      ...app.pods.slice(0, 3).map((p) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 6, firstAgo: 19.8, lastAgo: 17.2 })),
      ...fresh.flatMap((p, k) => startedAt(p, 'app', image, 19 - 0.1 * k)),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: log(p) })),
    expect: {
      verdict: 'healthy',
      headline: [/push-gateway/],
      facts: [/restart/i],
      never: [/\bOOM|out of memory/i, BLAMES_ROLLOUT, /crash-?loop/i],
    },
  };
}

/** The fifth held-out round: twelve failures and two healthy controls. */
export const HOLDOUT_5_SCENARIOS: CorpusScenario[] = [
  ephemeralStorageEvictionDebugLogs(),
  livenessTimeoutAfterGcChange(),
  topologySpreadAfterZoneOutage(),
  nodeLocalDnsOomOnOneNode(),
  fsGroupChownMountTimeout(),
  irsaTrustPolicyOldServiceAccount(),
  dockerHubRateLimitOnNewNodes(),
  kafkaMaxPollRebalanceStorm(),
  serviceSelectorMatchesCanary(),
  statefulSetPartitionHoldsBackFix(),
  migrationJobHeldByIstioSidecar(),
  daemonSetPodTooManyPods(),
  healthyCleanRolloutWithOldNoise(),
  healthyRecoveredAfterTrafficSpike(),
];
