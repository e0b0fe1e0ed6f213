// Held-out stories, eighth round: failures written without reading the analysis code, to measure
// how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
//
// A JVM with -XX:+ExitOnOutOfMemoryError exiting 3 after a revision cut its heap to 512m (not a
// container OOM kill), a postStart hook that calls the app before it listens so the kubelet kills
// every new container, a debug `sleep infinity` command with no probes promoted to production (pods
// Ready, nothing listening), a Helm chart that swapped a Service's targetPorts between gRPC and HTTP,
// a ZooKeeper ensemble that lost quorum because its governing headless Service was deleted, a
// Cilium agent crash-looping on one node so new pods there get no sandbox, a ReadWriteOncePod claim
// that a RollingUpdate can never hand over, a StatefulSet pod blocked by the EBS attachment limit of
// the only node in its volume's zone, an HPA fighting Argo CD self-heal over spec.replicas, an
// Indexed Job with one index failing on a corrupt input shard, a DaemonSet whose hostPath
// docker.sock does not exist on the new AL2023 nodes, a Secret defaultMode 0400 that a non-root
// container cannot read, and two healthy controls: a steady service beside a NotReady node that
// hosts none of its pods, and a service recovered by a rollout undo 52 minutes ago.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, at, backOff, batchContainer, boundClaim, container, crashLoop, daemonSetApp, deploymentApp, endpointSliceFor,
  event, execProbe, exposed, failedScheduling, hpa, httpProbe, job, nameOf, node, nodeEvent, notTriggerScaleUp, probeFailed, pvc, pv,
  pyTime, replicaSetOf, restartedAgain, rsOf, running, scaledReplicaSet, scheduled, service, startedNormally, statefulSetApp,
  terminated, waiting, epochMs, clusterIpOf, BLAMES_ROLLOUT,
} from '../kit/index.js';
import { eksNodeName as nodeName, ipOfPod, logsFor, podOf, startedAt, threeEksNodes as threeNodes } from '../kit/held-out.js';
import type { Built, KubeJson } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

// ---- local helpers -------------------------------------------------------------------------

const lines = (...l: string[]): string => l.join('\n') + '\n';

/** Go's standard `log` time: `2026/11/21 03:12:41`. */
const goTime = (minutes: number): string => at(minutes).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

/** A second, healthy Deployment of the namespace that rolled out recently: the bystander a careless reader blames. */
function bystander(ns: string, name: string, names: string[], rolledAgo: number): Built {
  return deploymentApp({
    namespace: ns,
    name,
    replicas: 2,
    revisions: [
      { revision: 70, createdAgo: 9 * DAYS, template: { containers: [container({ image: `${ECR}/${ns}/${name}:3.1.0` })] } },
      { revision: 71, createdAgo: rolledAgo, changeCause: `argocd: ${name} 3.2.0`, template: { containers: [container({ image: `${ECR}/${ns}/${name}:3.2.0` })] } },
    ],
    pods: [{ revision: 71, node: names[0] ?? '', createdAgo: rolledAgo }, { revision: 71, node: names[1] ?? '', createdAgo: rolledAgo - 1 }],
  });
}

/** The first object (the workload itself) of what a builder returned. */
const head = <T = KubeJson>(b: Built): T => b.objects[0] as T;

const shortNode = (name: string): RegExp => new RegExp(name.split('.')[0] ?? name);

// ---- 1. a JVM exiting 3 on a heap OOM after a revision cut -Xmx to 512m -------------------------

function jvmExitOnOutOfMemoryHeap(): CorpusScenario {
  const ns = 'docs';
  const { nodes, names } = threeNodes('10.0.21');
  const tpl = (v: string, opts: string) => ({ containers: [container({
    image: `${ECR}/docs/document-service:${v}`, ports: [8080], cpu: '1', memory: '2Gi',
    env: [{ name: 'JAVA_TOOL_OPTIONS', value: opts }, { name: 'MERGE_WORKERS', value: '4' }],
    readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
  })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'document-service',
    replicas: 3,
    revisions: [
      { revision: 51, createdAgo: 8 * DAYS, changeCause: 'argocd: document-service 7.3.2', template: tpl('7.3.2', '-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError') },
      { revision: 52, createdAgo: 48, changeCause: 'argocd: document-service 7.4.0 (JVM flags aligned with the perf-test profile)', template: tpl('7.4.0', '-Xmx512m -XX:+ExitOnOutOfMemoryError') },
    ],
    pods: [
      { revision: 52, node: names[0] ?? '', createdAgo: 47, containers: { app: running({ sinceAgo: 3, restarts: 6, last: { exitCode: 3, finishedAgo: 3.1, ranSeconds: 380 } }) } },
      { revision: 52, node: names[1] ?? '', createdAgo: 46, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 1, ranSeconds: 420 }, 7) } },
      { revision: 52, node: names[2] ?? '', createdAgo: 45, containers: { app: running({ sinceAgo: 9, restarts: 5, last: { exitCode: 3, finishedAgo: 9.1, ranSeconds: 300 } }) } },
    ],
  });
  const other = bystander(ns, 'document-viewer', names, 19);
  const image = `${ECR}/docs/document-service:7.4.0`;
  const boot = (t: number) => [
    'Picked up JAVA_TOOL_OPTIONS: -Xmx512m -XX:+ExitOnOutOfMemoryError',
    `${at(t)}  INFO 1 --- [main] c.e.docs.DocumentServiceApplication : Starting DocumentServiceApplication v7.4.0 using Java 21.0.5 with PID 1`,
    `${at(t - 0.2)}  INFO 1 --- [main] c.e.docs.DocumentServiceApplication : Started DocumentServiceApplication in 11.8 seconds (process running for 12.6)`,
  ];
  const prev = (p: k8s.V1Pod, end: number) => lines(
    ...boot(end + 6.5),
    `${at(end + 1.2)}  INFO 1 --- [merge-worker-2] c.e.docs.merge.PdfMergeService : merge started job=mj-${nameOf(p).slice(-5)} documents=214 pages=3906`,
    `${at(end + 0.4)}  WARN 1 --- [merge-worker-2] c.e.docs.merge.PdfMergeService : merge job=mj-${nameOf(p).slice(-5)} holding 361 MB of decoded page streams`,
    'Terminating due to java.lang.OutOfMemoryError: Java heap space',
  );
  return {
    id: 'heldout8-jvm-exit-on-oom-heap-3-after-xmx-cut',
    class: 'containers',
    truth: 'Revision 52 (document-service 7.4.0, 48 minutes ago) replaced JAVA_TOOL_OPTIONS "-XX:MaxRAMPercentage=75.0" (a 1.5 GB heap in the 2Gi container) with "-Xmx512m", copied from the perf-test profile. The PDF merge batches need far more than 512 MB of heap, so the heap runs out and -XX:+ExitOnOutOfMemoryError makes the JVM exit with code 3 ("Terminating due to java.lang.OutOfMemoryError: Java heap space"): 5 to 7 restarts per pod, in-flight merges lost. The container is never OOMKilled (it uses well under its 2Gi limit), so raising the memory limit would change nothing; the document-viewer rollout is unrelated. Fix: restore the heap sizing (MaxRAMPercentage=75 or -Xmx1536m), or roll back to revision 51.',
    ask: { service: 'document-service' },
    objects: [
      ...nodes, ...app.objects, ...other.objects,
      ...exposed({ namespace: ns, name: 'document-service', selector: { app: 'document-service' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'document-viewer', selector: { app: 'document-viewer' }, pods: other.pods }),
      scaledReplicaSet(head(other), rsOf(other, 71), 2, 0, 19),
      ...app.pods.flatMap((p, k) => restartedAgain(p, 'app', image, { count: [7, 8, 6][k] ?? 6, firstAgo: 47 - k, lastAgo: [3, 2.5, 9][k] ?? 3 })),
      backOff(podOf(app, 1), 'app', { count: 9, firstAgo: 30 }),
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(app, 1))}:8080/actuator/health/readiness": dial tcp ${ipOfPod(podOf(app, 1))}:8080: connect: connection refused`, { count: 12, firstAgo: 40, lastAgo: 1.2 }),
    ],
    logs: [
      logsFor(podOf(app, 0), 'app', { previous: prev(podOf(app, 0), 3.1), current: lines(...boot(3)) }),
      logsFor(podOf(app, 1), 'app', { previous: prev(podOf(app, 1), 1) }),
      logsFor(podOf(app, 2), 'app', { previous: prev(podOf(app, 2), 9.1), current: lines(...boot(9), `${at(2)}  INFO 1 --- [http-nio-8080-exec-4] c.e.docs.api.DocumentController : GET /v3/documents/d-88213 200 41ms`) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/OutOfMemoryError|heap/i, /Xmx512m|512m|JAVA_TOOL_OPTIONS|revision 52/i],
      facts: [/exit(ed)?( with)?( code)?:? 3\b|code 3\b/i, /revision 52/i],
      never: [/raise (the )?(container('s)? )?memory limit|(container )?memory limit (is )?too (low|small)|exceed(s|ed)? (its|the) (container )?memory limit/i, /(caused|triggered) by (the )?document-viewer|document-viewer[^\n]{0,30}(caused|broke|triggered)/i],
    },
  };
}

// ---- 2. a postStart hook that calls the app before it listens ---------------------------------------

function postStartWarmupHookKillsContainer(): CorpusScenario {
  const ns = 'insurance';
  const { nodes, names } = threeNodes('10.0.32');
  const base = (v: string) => container({ image: `${ECR}/insurance/quote-engine:${v}`, ports: [8080], memory: '1536Mi', readiness: httpProbe('/actuator/health/readiness', 8080), liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }) });
  const hooked: k8s.V1Container = { ...base('5.3.0'), lifecycle: { postStart: { exec: { command: ['/bin/sh', '-c', 'curl -fsS -X POST http://localhost:8080/internal/cache/warmup'] } } } };
  const app = deploymentApp({
    namespace: ns,
    name: 'quote-engine',
    replicas: 4,
    revisions: [
      { revision: 26, createdAgo: 12 * DAYS, changeCause: 'argocd: quote-engine 5.2.4', template: { containers: [base('5.2.4')] } },
      { revision: 27, createdAgo: 26, changeCause: 'argocd: quote-engine 5.3.0 (warm rate caches on start)', template: { containers: [hooked] } },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 26, node: names[k] ?? '', createdAgo: 12 * DAYS })),
      ...[0, 1].map((k) => ({ revision: 27, node: names[k + 1] ?? '', createdAgo: 26 - k, containers: { app: crashLoop({ exitCode: 143, finishedAgo: 1.5 + k, ranSeconds: 2 }, 9 - k) } })),
    ],
  });
  const fresh = app.pods.slice(3);
  const image = `${ECR}/insurance/quote-engine:5.3.0`;
  const prev = (t: number) => lines(
    `${at(t + 0.04)}  INFO 1 --- [main] c.e.quote.QuoteEngineApplication : Starting QuoteEngineApplication v5.3.0 using Java 21.0.5 with PID 1`,
    `${at(t + 0.03)}  INFO 1 --- [main] c.e.quote.QuoteEngineApplication : No active profile set, falling back to 1 default profile: "default"`,
    `${at(t + 0.02)}  INFO 1 --- [main] .s.d.r.c.RepositoryConfigurationDelegate : Bootstrapping Spring Data JPA repositories in DEFAULT mode.`,
    `${at(t + 0.01)}  INFO 1 --- [main] com.zaxxer.hikari.HikariDataSource : HikariPool-1 - Starting...`,
    `${at(t)}  INFO 1 --- [ionShutdownHook] com.zaxxer.hikari.HikariDataSource : HikariPool-1 - Shutdown initiated...`,
  );
  return {
    id: 'heldout8-poststart-warmup-hook-kills-container',
    class: 'probes',
    truth: 'Revision 27 (quote-engine 5.3.0, 26 minutes ago) added a lifecycle postStart hook that POSTs to http://localhost:8080/internal/cache/warmup. The kubelet runs postStart right after the container starts, alongside the entrypoint; Spring Boot needs about 20 s before it listens on 8080, so curl fails at once (connection refused), the hook fails, and the kubelet kills the container ("FailedPostStartHook", exit 143 about 2 s after start). Every new container dies the same way: 8-9 restarts, CrashLoopBackOff, the rollout stuck; the three revision-26 pods keep serving. No probe is involved and memory is fine. Fix: drop the hook (warm the cache in the app, after startup, or in a startupProbe) or roll back to revision 26.',
    ask: { service: 'quote-engine' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'quote-engine', selector: { app: 'quote-engine' }, pods: app.pods }),
      scaledReplicaSet(head(app), rsOf(app, 27), 2, 0, 26),
      scaledReplicaSet(head(app), rsOf(app, 26), 3, 4, 26),
      event({ on: podOf(app, 0), reason: 'Unhealthy', message: `Readiness probe failed: Get "http://${ipOfPod(podOf(app, 0))}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 3, firstAgo: 20 * HOURS, lastAgo: 20 * HOURS, fieldPath: 'spec.containers{app}' }),
      ...fresh.flatMap((p, k) => [
        scheduled(p, 26 - k),
        ...restartedAgain(p, 'app', image, { count: 10 - k, firstAgo: 25.9 - k, lastAgo: 1.55 + k }),
        event({ on: p, reason: 'FailedPostStartHook', message: 'PostStartHook failed', count: 10 - k, firstAgo: 25.9 - k, lastAgo: 1.55 + k, fieldPath: 'spec.containers{app}' }),
        event({ on: p, type: 'Normal', reason: 'Killing', message: 'FailedPostStartHook', count: 10 - k, firstAgo: 25.9 - k, lastAgo: 1.55 + k, fieldPath: 'spec.containers{app}' }),
        backOff(p, 'app', { count: 70, firstAgo: 25 - k }),
      ]),
    ],
    logs: [
      ...fresh.map((p, k) => logsFor(p, 'app', { previous: prev(1.5 + k) })),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`${at(2)}  INFO 1 --- [http-nio-8080-exec-7] c.e.quote.api.QuoteController : POST /v2/quotes 201 88ms product=home-plus`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/postStart|PostStartHook/i],
      facts: [/revision 27/i, /warmup/],
      never: [/\bOOM|out of memory/i, /liveness probe (fail|kill)/i, /readiness probe fail/i],
    },
  };
}

// ---- 3. a debug `sleep infinity` command, without probes, promoted to production ----------------------

function debugSleepInfinityLeftInRevision(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeNodes('10.0.43');
  const image = `${ECR}/billing/tax-calculator:3.4.1`;
  const app = deploymentApp({
    namespace: ns,
    name: 'tax-calculator',
    replicas: 3,
    revisions: [
      { revision: 18, createdAgo: 9 * DAYS, changeCause: 'argocd: tax-calculator 3.4.0', template: { containers: [container({ image: `${ECR}/billing/tax-calculator:3.4.0`, ports: [8080], readiness: httpProbe('/ready', 8080), liveness: httpProbe('/healthz', 8080) })] } },
      { revision: 19, createdAgo: 34, changeCause: 'argocd: tax-calculator 3.4.1 (values-prod.yaml synced from values-debug.yaml)', template: { containers: [container({ image, command: ['sleep', 'infinity'], ports: [8080], readiness: null, liveness: null })] } },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 19, node: names[k] ?? '', createdAgo: 33.5 - k * 0.3 })),
  });
  const caller = deploymentApp({
    namespace: ns, name: 'invoice-api', replicas: 2,
    revisions: [{ revision: 61, createdAgo: 4 * DAYS, template: { containers: [container({ image: `${ECR}/billing/invoice-api:8.1.2`, ports: [8080] })] } }],
    pods: [0, 1].map((k) => ({ revision: 61, node: names[k] ?? '', createdAgo: 4 * DAYS })),
  });
  const objects = [
    ...exposed({ namespace: ns, name: 'tax-calculator', selector: { app: 'tax-calculator' }, pods: app.pods }),
    ...exposed({ namespace: ns, name: 'invoice-api', selector: { app: 'invoice-api' }, pods: caller.pods }),
  ];
  const callerLog = lines(
    `{"level":"info","ts":"${at(40)}","msg":"invoice priced","invoice":"inv_77120","tax_ms":14}`,
    `{"level":"error","ts":"${at(31)}","msg":"tax quote failed","err":"Post \\"http://tax-calculator.billing.svc.cluster.local/v1/quote\\": dial tcp ${clusterIpOf(objects, 'tax-calculator')}:80: connect: connection refused"}`,
    `{"level":"error","ts":"${at(1)}","msg":"tax quote failed","err":"Post \\"http://tax-calculator.billing.svc.cluster.local/v1/quote\\": dial tcp ${clusterIpOf(objects, 'tax-calculator')}:80: connect: connection refused"}`,
  );
  return {
    id: 'heldout8-debug-sleep-infinity-left-in-revision',
    class: 'rollout',
    truth: 'Revision 19 (34 minutes ago) was rendered from a values-prod.yaml that had been synced from values-debug.yaml: its container runs `sleep infinity` instead of the server (a debug setting to exec into the pod) and has no readiness or liveness probe. The three pods therefore start, turn Ready at once and stay Running with 0 restarts, but nothing listens on 8080: the EndpointSlice lists them as ready, every call through the Service is refused, and the pods log nothing since the rollout. Callers (invoice-api) fail with "connection refused". Fix: roll back to revision 18 and restore values-prod.yaml (server command and probes).',
    ask: { service: 'tax-calculator' },
    objects: [
      ...nodes, ...app.objects, ...caller.objects, ...objects,
      scaledReplicaSet(head(app), rsOf(app, 19), 3, 0, 34),
      scaledReplicaSet(head(app), rsOf(app, 18), 0, 3, 33),
      ...app.pods.flatMap((p, k) => startedNormally(p, 'app', image, 33.5 - k * 0.3)),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { current: '' })),
      ...caller.pods.map((p) => logsFor(p, 'app', { current: callerLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/sleep/i],
      facts: [/revision 19/i, /probe/i],
      never: [/\bOOM/, /crash-?loop/i, /network ?policy/i],
    },
  };
}

// ---- 4. a chart that swapped the Service's targetPorts between gRPC and HTTP ---------------------------

function servicePortsSwappedGrpcHttp(): CorpusScenario {
  const ns = 'treasury';
  const { nodes, names } = threeNodes('10.0.54');
  const ports = [{ name: 'http', containerPort: 8080 }, { name: 'grpc', containerPort: 9090 }];
  const tpl = (chart: string) => ({ containers: [container({ image: `${ECR}/treasury/fx-rates:2.7.3`, ports, readiness: httpProbe('/ready', 'http'), liveness: httpProbe('/healthz', 'http') })], labels: { 'helm.sh/chart': chart } });
  const app = deploymentApp({
    namespace: ns,
    name: 'fx-rates',
    replicas: 3,
    revisions: [
      { revision: 40, createdAgo: 15 * DAYS, changeCause: 'helm: fx-rates chart 2.9.1', template: tpl('fx-rates-2.9.1') },
      { revision: 41, createdAgo: 28, changeCause: 'helm: fx-rates chart 3.0.0', template: tpl('fx-rates-3.0.0') },
    ],
    pods: [0, 1, 2].map((k) => ({ revision: 41, node: names[k] ?? '', createdAgo: 27.5 - k })),
  });
  const svc = service({ namespace: ns, name: 'fx-rates', selector: { app: 'fx-rates' }, ports: [{ name: 'http', port: 80, targetPort: 'grpc' }, { name: 'grpc', port: 9090, targetPort: 'http' }] });
  svc.metadata = { ...svc.metadata, labels: { app: 'fx-rates', 'helm.sh/chart': 'fx-rates-3.0.0', 'app.kubernetes.io/managed-by': 'Helm' }, annotations: { 'meta.helm.sh/release-name': 'fx-rates', 'meta.helm.sh/release-namespace': ns }, managedFields: [{ manager: 'helm', operation: 'Update', apiVersion: 'v1', time: new Date(Date.parse(at(28))), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:ports': {} } } }] };
  const slice = { ...endpointSliceFor(svc, app.pods, 9090), ports: [{ name: 'http', port: 9090, protocol: 'TCP' }, { name: 'grpc', port: 8080, protocol: 'TCP' }] };
  const settlement = deploymentApp({
    namespace: ns, name: 'settlement', replicas: 2,
    revisions: [{ revision: 12, createdAgo: 6 * DAYS, template: { containers: [container({ image: `${ECR}/treasury/settlement:1.14.0`, ports: [8080] })] } }],
    pods: [0, 1].map((k) => ({ revision: 12, node: names[k + 1] ?? '', createdAgo: 6 * DAYS })),
  });
  const own = (p: k8s.V1Pod) => lines(
    `${goTime(27)} INFO fx-rates 2.7.3 http listening on :8080, grpc listening on :9090`,
    `${goTime(26)} WARNING: [core] [Server #1 ListenSocket #2]grpc: Server.Serve failed to create ServerTransport: connection error: desc = "transport: http2Server.HandleStreams received bogus greeting from client: \\"GET /v1/rates?base=EUR H\\""`,
    `${goTime(3)} INFO GET /healthz 200 0ms ua=kube-probe/1.31 pod=${nameOf(p)}`,
    `${goTime(1)} WARNING: [core] [Server #1 ListenSocket #2]grpc: Server.Serve failed to create ServerTransport: connection error: desc = "transport: http2Server.HandleStreams received bogus greeting from client: \\"GET /v1/rates?base=USD H\\""`,
  );
  const callerLog = lines(
    `{"level":"error","ts":"${at(25)}","msg":"GetRate failed","target":"fx-rates.treasury.svc:9090","err":"rpc error: code = Unavailable desc = connection error: desc = \\"error reading server preface: http2: failed reading the frame payload: http2: frame too large, note that the frame header looked like an HTTP/1.1 header\\""}`,
    `{"level":"error","ts":"${at(2)}","msg":"rates refresh failed","url":"http://fx-rates.treasury/v1/rates?base=EUR","err":"net/http: HTTP/1.x transport connection broken: malformed HTTP response \\"\\\\x00\\\\x00\\\\x06\\\\x04\\\\x00\\\\x00\\\\x00\\\\x00\\\\x00\\\\x00\\\\x05\\\\x00\\\\x00@\\\\x00\\""}`,
  );
  return {
    id: 'heldout8-service-ports-swapped-grpc-http',
    class: 'network',
    truth: 'The fx-rates chart 3.0.0 (Helm upgrade 28 minutes ago) switched the Service to named targetPorts and crossed them: Service port 80 ("http") now targets the container port named grpc (9090) and port 9090 ("grpc") targets the one named http (8080). The pods are healthy and Ready (probes go straight to 8080), and the EndpointSlice lists them, but HTTP callers reach the gRPC server (which logs "received bogus greeting from client: GET /v1/rates…" and answers with an HTTP/2 SETTINGS frame, "malformed HTTP response" for the client) and gRPC callers reach the HTTP server ("frame too large, note that the frame header looked like an HTTP/1.1 header"). The new Deployment revision 41 only changed a chart label; the image is the same. Fix: set targetPort http for port 80 and grpc for port 9090 in the chart (or roll the Helm release back).',
    ask: { service: 'fx-rates' },
    objects: [
      ...nodes, ...app.objects, ...settlement.objects, svc, slice,
      ...exposed({ namespace: ns, name: 'settlement', selector: { app: 'settlement' }, pods: settlement.pods }),
      scaledReplicaSet(head(app), rsOf(app, 41), 3, 0, 28),
    ],
    logs: [
      ...app.pods.map((p) => logsFor(p, 'app', { current: own(p) })),
      ...settlement.pods.map((p) => logsFor(p, 'app', { current: callerLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/target ?port|swapp|crossed|port names?/i, /grpc|9090/i],
      facts: [/bogus greeting|frame too large|malformed HTTP response/i],
      never: [/revision 4[01][^\n]*(caused|broke|introduced)/i, /\bOOM/, /network ?policy/i],
    },
  };
}

// ---- 5. ZooKeeper loses quorum: the StatefulSet's headless Service was deleted ---------------------------

function zookeeperHeadlessServiceDeleted(): CorpusScenario {
  const ns = 'data';
  const { nodes: old, names } = threeNodes('10.0.65');
  const fresh = node({ name: nodeName('10.0.65.201'), zone: 'eu-west-1c', createdAgo: 22 });
  const nodes = [...old.slice(0, 2), fresh];
  const gone = names[2] ?? '';
  const image = 'public.ecr.aws/docker/library/zookeeper:3.9.2';
  const zk = statefulSetApp({
    namespace: ns,
    name: 'zk',
    replicas: 3,
    serviceName: 'zk-hs',
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }],
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: { containers: [container({
      name: 'zookeeper', image, cpu: '500m', memory: '2Gi',
      ports: [{ name: 'client', containerPort: 2181 }, { name: 'follower', containerPort: 2888 }, { name: 'election', containerPort: 3888 }],
      env: [{ name: 'ZOO_SERVERS', value: 'server.1=zk-0.zk-hs.data.svc.cluster.local:2888:3888;2181 server.2=zk-1.zk-hs.data.svc.cluster.local:2888:3888;2181 server.3=zk-2.zk-hs.data.svc.cluster.local:2888:3888;2181' }],
      readiness: execProbe(['zkServer.sh', 'status'], { timeoutSeconds: 5 }),
      liveness: execProbe(['/bin/sh', '-c', 'echo ruok | nc -w 2 localhost 2181 | grep imok'], { initialDelaySeconds: 30, timeoutSeconds: 5 }),
    })] } }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 30 * DAYS, containers: { zookeeper: running({ sinceAgo: 30 * DAYS, ready: false }) } },
      { revision: 4, ordinal: 1, node: nameOf(fresh), createdAgo: 18, containers: { zookeeper: running({ sinceAgo: 17.8, ready: false }) } },
      { revision: 4, ordinal: 2, node: names[1] ?? '', createdAgo: 30 * DAYS, containers: { zookeeper: running({ sinceAgo: 30 * DAYS, ready: false }) } },
    ],
  });
  const claims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-zk-${k}`, storage: '20Gi', zone: ['eu-west-1a', 'eu-west-1c', 'eu-west-1b'][k] ?? 'eu-west-1a', createdAgo: 60 * DAYS, labels: { app: 'zk' } }));
  const fqdn = (k: number) => `zk-${k}.zk-hs.data.svc.cluster.local`;
  const zkLog = (ordinal: number) => {
    const id = ordinal + 1;
    const peers = [0, 1, 2].filter((k) => k !== ordinal);
    const q = `QuorumPeer[myid=${id}](plain=0.0.0.0:2181)(secure=disabled)`;
    return lines(
      `${pyTime(17.6)} [myid:${id}] - WARN  [${q}:o.a.z.s.q.Follower@131] - Exception when following the leader`,
      'java.io.EOFException',
      `${pyTime(17.5)} [myid:${id}] - INFO  [${q}:o.a.z.s.q.QuorumPeer@1470] - LOOKING`,
      ...peers.flatMap((k) => [
        `${pyTime(17.4)} [myid:${id}] - WARN  [QuorumConnectionThread-[myid=${id}]-${k + 2}:o.a.z.s.q.QuorumCnxManager@400] - Cannot open channel to ${k + 1} at election address ${fqdn(k)}:3888`,
        `java.net.UnknownHostException: ${fqdn(k)}`,
        '\tat java.base/java.net.InetAddress$CachedLookup.get(InetAddress.java:988)',
        '\tat org.apache.zookeeper.server.quorum.QuorumCnxManager.initiateConnection(QuorumCnxManager.java:384)',
      ]),
      `${pyTime(1.2)} [myid:${id}] - WARN  [QuorumPeer$QuorumServer@196] - Failed to resolve address: ${fqdn(peers[0] ?? 0)}`,
      `${pyTime(1)} [myid:${id}] - INFO  [${q}:o.a.z.s.q.FastLeaderElection@979] - Notification time out: 60000 ms`,
    );
  };
  return {
    id: 'heldout8-zookeeper-headless-service-deleted',
    class: 'network',
    truth: 'The StatefulSet zk is governed by the headless Service zk-hs (spec.serviceName), which gives its pods the DNS names zk-N.zk-hs.data.svc.cluster.local that ZOO_SERVERS lists. A cleanup of Services left over from the old Helm release deleted zk-hs 41 minutes ago; established quorum connections survived, so nothing showed until Karpenter replaced the node of zk-1 (the leader) 18 minutes ago. The ensemble then had to re-elect, and no server can resolve its peers (java.net.UnknownHostException for zk-N.zk-hs…): all three are LOOKING, none serves clients, readiness ("zkServer.sh status") fails on all. The node replacement, the volumes and CoreDNS are fine. Fix: recreate the headless Service zk-hs (clusterIP None, publishNotReadyAddresses, ports 2888/3888 selecting app=zk).',
    ask: { service: 'zk' },
    objects: [
      ...nodes, ...zk.objects, ...claims,
      ...exposed({ namespace: ns, name: 'zk-cs', selector: { app: 'zk' }, pods: zk.pods, ports: [{ name: 'client', port: 2181, targetPort: 2181 }], endpointPort: 2181 }),
      nodeEvent(gone, 'DisruptionTerminating', 'Disrupting Node: Drifted', { firstAgo: 19, component: 'karpenter' }),
      event({ on: { kind: 'StatefulSet', name: 'zk', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod zk-1 in StatefulSet zk successful', firstAgo: 18, lastAgo: 18, component: 'statefulset-controller' }),
      ...startedAt(podOf(zk, 1), 'zookeeper', image, 18),
      ...zk.pods.map((p) => probeFailed(p, 'zookeeper', 'Readiness', 'ZooKeeper JMX enabled by default\nUsing config: /conf/zoo.cfg\nClient port found: 2181. Client address: localhost. Client SSL: false.\nError contacting service. It is probably not running.', { count: 100, firstAgo: 17.3 })),
    ],
    logs: zk.pods.map((p, k) => logsFor(p, 'zookeeper', { current: zkLog(k) })),
    expect: {
      verdict: 'problems',
      headline: [/zk-hs/, /headless|serviceName|UnknownHost|resol|DNS|deleted|missing/i],
      facts: [/UnknownHost/],
      never: [/\bOOM/, /CoreDNS (is )?(down|crash|unhealthy)/i, /(disk|volume) (is )?full/i],
    },
  };
}

// ---- 6. the Cilium agent crash-loops on one node: new pods there get no sandbox ---------------------------

function ciliumAgentDownOneNodeSandbox(): CorpusScenario {
  const ns = 'comms';
  const { nodes, names } = threeNodes('10.0.76');
  const sick = names[2] ?? '';
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/comms/notification-api:${v}`, ports: [3000], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'notification-api',
    replicas: 4,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    revisions: [
      { revision: 87, createdAgo: 5 * DAYS, changeCause: 'argocd: notification-api 6.11.4', template: tpl('6.11.4') },
      { revision: 88, createdAgo: 21, changeCause: 'argocd: notification-api 6.12.0', template: tpl('6.12.0') },
    ],
    pods: [
      { revision: 87, node: names[1] ?? '', createdAgo: 5 * DAYS },
      { revision: 88, node: names[0] ?? '', createdAgo: 20.5 },
      { revision: 88, node: names[1] ?? '', createdAgo: 19.5 },
      { revision: 88, node: names[0] ?? '', createdAgo: 18.5 },
      { revision: 88, node: sick, createdAgo: 17.5, phase: 'Pending' as const, containers: { app: waiting('ContainerCreating') } },
    ],
  });
  const stuck = podOf(app, 4);
  const ciliumTpl = (v: string) => ({ containers: [container({ name: 'cilium-agent', image: `quay.io/cilium/cilium:${v}`, command: ['cilium-agent'], args: ['--config-dir=/tmp/cilium/config-map'], ports: [{ name: 'health', containerPort: 9879 }], cpu: '100m', memory: '512Mi', memoryLimit: '1Gi', readiness: httpProbe('/healthz', 9879), liveness: null })], priorityClassName: 'system-node-critical', tolerations: [{ operator: 'Exists' }] });
  const cilium = daemonSetApp({
    namespace: 'kube-system',
    name: 'cilium',
    selector: { 'k8s-app': 'cilium' },
    revisions: [{ revision: 13, createdAgo: 50 * DAYS, template: ciliumTpl('v1.15.9') }, { revision: 14, createdAgo: 25, template: ciliumTpl('v1.16.4') }],
    pods: [
      { revision: 13, node: names[0] ?? '', createdAgo: 40 * DAYS },
      { revision: 13, node: names[1] ?? '', createdAgo: 40 * DAYS },
      { revision: 14, node: sick, createdAgo: 24.5, containers: { 'cilium-agent': crashLoop({ exitCode: 1, finishedAgo: 2, ranSeconds: 14 }, 9) } },
    ],
  });
  const agent = podOf(cilium, 2);
  const sandbox = (id: string) => `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${id}": plugin type="cilium-cni" failed (add): unable to connect to Cilium agent: failed to create cilium agent client after 30.000000 seconds timeout: Get "http://localhost/v1/config": dial unix /var/run/cilium/cilium.sock: connect: no such file or directory`;
  return {
    id: 'heldout8-cilium-agent-down-one-node-sandbox',
    class: 'nodes',
    truth: `The platform team started upgrading the cilium DaemonSet to v1.16.4 25 minutes ago; its first new agent, on ${sick}, crash-loops (exit 1: "native routing cidr must be configured", a Helm value renamed in 1.16 left ipv4-native-routing-cidr unset), and the DaemonSet update stops there. Pods already on that node keep their network, but the CNI plugin cannot reach an agent for new ones, so the notification-api pod scheduled there 17 minutes ago is stuck in ContainerCreating with FailedCreatePodSandBox ("unable to connect to Cilium agent … cilium.sock: no such file or directory"). With maxUnavailable 0 the rollout of revision 88 waits on it and one revision-87 pod is still running. Revision 88 is fine: its three other pods are Ready on the other nodes. Fix: roll the cilium DaemonSet back (or fix its config) so the agent on ${sick} runs; meanwhile cordon the node and delete the stuck pod.`,
    ask: { service: 'notification-api' },
    objects: [
      ...nodes, ...app.objects, ...cilium.objects,
      ...exposed({ namespace: ns, name: 'notification-api', selector: { app: 'notification-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      scaledReplicaSet(head(app), rsOf(app, 88), 4, 3, 17.5),
      scheduled(stuck, 17.5),
      event({ on: stuck, reason: 'FailedCreatePodSandBox', message: sandbox('8c1f0e9a2b7d4c65e3f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9'), count: 31, firstAgo: 16.9, lastAgo: 0.4 }),
      ...restartedAgain(agent, 'cilium-agent', 'quay.io/cilium/cilium:v1.16.4', { count: 10, firstAgo: 24.4, lastAgo: 2.2 }),
      backOff(agent, 'cilium-agent', { count: 95, firstAgo: 22 }),
    ],
    logs: [
      logsFor(agent, 'cilium-agent', { previous: lines(
        `level=info msg="Cilium 1.16.4 5b5a5d3c 2024-11-20T12:01:52+00:00 go version go1.22.9 linux/amd64" subsys=daemon`,
        'level=fatal msg="Error while creating daemon" error="invalid daemon configuration: native routing cidr must be configured with option --ipv4-native-routing-cidr in combination with --enable-ipv4-masquerade --routing-mode=native --ipam=eni" subsys=daemon',
      ) }),
      ...app.pods.slice(0, 4).map((p) => logsFor(p, 'app', { current: lines(`{"level":30,"time":${epochMs(2)},"msg":"push delivered","channel":"apns","ms":84}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/cilium/i, shortNode(sick)],
      facts: [/FailedCreatePodSandBox|sandbox/i],
      never: [BLAMES_ROLLOUT, /\bOOM/, /ImagePull|image (pull|not found)/i],
    },
  };
}

// ---- 7. a ReadWriteOncePod claim that a RollingUpdate can never hand over ---------------------------------

function readWriteOncePodBlocksRollingUpdate(): CorpusScenario {
  const ns = 'platform';
  const { nodes, names } = threeNodes('10.0.87');
  const tpl = (v: string) => ({
    containers: [container({ image: `${ECR}/platform/feature-flags:${v}`, ports: [8000], volumeMounts: [{ name: 'data', mountPath: '/var/lib/flags' }], readiness: httpProbe('/ready', 8000), liveness: httpProbe('/healthz', 8000) })],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'flags-data' } }],
    securityContext: { fsGroup: 10001 },
  });
  const message = '0/3 nodes are available: 3 node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
  const app = deploymentApp({
    namespace: ns,
    name: 'feature-flags',
    replicas: 1,
    revisions: [
      { revision: 18, createdAgo: 6 * DAYS, changeCause: 'argocd: feature-flags 2.3.0 (data moved to flags-data, ReadWriteOncePod)', template: tpl('2.3.0') },
      { revision: 19, createdAgo: 23, changeCause: 'argocd: feature-flags 2.3.1 (hotfix: segment rule cache)', template: tpl('2.3.1') },
    ],
    pods: [
      { revision: 18, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 19, createdAgo: 23, unschedulable: message },
    ],
  });
  const claim = pvc({ namespace: ns, name: 'flags-data', storage: '10Gi', phase: 'Bound', volumeName: 'pvc-3b9d6f0e-7a41-4c2e-a8d1-5f60c2e9b7a4', accessModes: ['ReadWriteOncePod'], createdAgo: 6 * DAYS });
  const vol = pv({ name: 'pvc-3b9d6f0e-7a41-4c2e-a8d1-5f60c2e9b7a4', storage: '10Gi', zone: 'eu-west-1a', claim: { namespace: ns, name: 'flags-data' }, accessModes: ['ReadWriteOncePod'], createdAgo: 6 * DAYS });
  const legacy = boundClaim({ namespace: ns, name: 'flags-data-legacy', storage: '10Gi', zone: 'eu-west-1a', createdAgo: 200 * DAYS });
  return {
    id: 'heldout8-readwriteoncepod-claim-blocks-rolling-update',
    class: 'storage',
    truth: `Six days ago feature-flags moved its SQLite data to a new claim, flags-data, with access mode ReadWriteOncePod (only one pod in the cluster may use it). The Deployment kept the default RollingUpdate strategy (maxSurge 1, maxUnavailable 0 at one replica), so today's rollout of revision 19 (the 2.3.1 hotfix, 23 minutes ago) creates the new pod before removing the old one, and the scheduler refuses it everywhere: "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode". It stays Pending, the rollout passed its progress deadline, and the hotfix is not live; the revision-18 pod still serves. Rolling back would hang the same way. Not capacity, not affinity, not a Multi-Attach. Fix: set strategy Recreate on this Deployment (or delete the old pod to hand the claim over).`,
    ask: { service: 'feature-flags' },
    objects: [
      ...nodes, ...app.objects, claim, vol, ...legacy,
      ...exposed({ namespace: ns, name: 'feature-flags', selector: { app: 'feature-flags' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 8000 }], endpointPort: 8000 }),
      scaledReplicaSet(head(app), rsOf(app, 19), 1, 0, 23),
      failedScheduling(podOf(app, 1), message, { count: 14, firstAgo: 23, lastAgo: 1.5 }),
    ],
    logs: [logsFor(podOf(app, 0), 'app', { current: lines(
      `[${pyTime(3)}] [7] [INFO] GET /v1/flags?env=prod 200 4ms`,
      `[${pyTime(1)}] [7] [INFO] GET /v1/flags/checkout-new-pricing 200 2ms`,
    ) })],
    expect: {
      verdict: 'problems',
      headline: [/ReadWriteOncePod|RWOP/i],
      facts: [/flags-data/, /Recreate/],
      never: [/Insufficient/i, /node affinity/i, BLAMES_ROLLOUT],
    },
  };
}

// ---- 8. a StatefulSet pod blocked by the EBS attachment limit of the only node in its zone ------------------

function ebsAttachLimitMaxVolumeCount(): CorpusScenario {
  const ns = 'metrics';
  const { nodes: old, names } = threeNodes('10.0.98');
  const fresh = node({ name: nodeName('10.0.98.214'), zone: 'eu-west-1c', createdAgo: 36 });
  const nodes = [...old.slice(0, 2), fresh];
  const image = 'grafana/mimir:2.14.2';
  const message = '0/3 nodes are available: 1 node(s) exceed max volume count, 2 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.';
  const app = statefulSetApp({
    namespace: ns,
    name: 'ingester',
    replicas: 3,
    podManagementPolicy: 'Parallel',
    serviceName: 'ingester-headless',
    volumeClaimTemplates: [{ name: 'data', storage: '200Gi' }],
    revisions: [{ revision: 9, createdAgo: 25 * DAYS, template: { containers: [container({ name: 'ingester', image, args: ['-target=ingester', '-config.file=/etc/mimir/mimir.yaml'], ports: [{ name: 'http-metrics', containerPort: 8080 }, { name: 'grpc', containerPort: 9095 }], cpu: '2', memory: '8Gi', readiness: httpProbe('/ready', 8080), liveness: null })] } }],
    pods: [
      { revision: 9, ordinal: 0, node: names[0] ?? '', createdAgo: 25 * DAYS },
      { revision: 9, ordinal: 1, node: names[1] ?? '', createdAgo: 25 * DAYS },
      { revision: 9, ordinal: 2, createdAgo: 35, unschedulable: message },
    ],
  });
  const claims = [0, 1, 2].flatMap((k) => boundClaim({ namespace: ns, name: `data-ingester-${k}`, storage: '200Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][k] ?? 'eu-west-1a', createdAgo: 25 * DAYS, labels: { app: 'ingester' } }));
  const p2 = podOf(app, 2);
  return {
    id: 'heldout8-ebs-attach-limit-max-volume-count',
    class: 'scheduling',
    truth: `The node of ingester-2 in eu-west-1c was replaced 36 minutes ago; the replacement ${nameOf(fresh)} is the only node in that zone (the node group is at its maximum of 3), and before ingester-2 was recreated the CI runners had filled it with build pods, each with its own generic ephemeral EBS volume. An m6i.xlarge shares its 28 attachment slots with its network interfaces, so the node reports no room for another EBS volume: the scheduler refuses ingester-2 there with "node(s) exceed max volume count", and the two other nodes are in the wrong zone for its volume data-ingester-2 (a normal "volume node affinity conflict"). The cluster autoscaler cannot add a node (max node group size reached). CPU and memory are plentiful; the StatefulSet did not change. Fix: move the CI runner pods off that node (or give them their own node group) and raise the node group's maximum; ingester-2 then schedules in eu-west-1c.`,
    ask: { service: 'ingester' },
    objects: [
      ...nodes, ...app.objects, ...claims,
      ...exposed({ namespace: ns, name: 'ingester-headless', selector: { app: 'ingester' }, pods: app.pods, headless: true, ports: [{ name: 'grpc', port: 9095, targetPort: 9095 }], endpointPort: 9095 }),
      nodeEvent(names[2] ?? '', 'NodeNotReady', `Node ${names[2] ?? ''} status is now: NodeNotReady`, { firstAgo: 38, component: 'node-controller' }),
      event({ on: { kind: 'StatefulSet', name: 'ingester', namespace: ns }, type: 'Normal', reason: 'SuccessfulCreate', message: 'create Pod ingester-2 in StatefulSet ingester successful', firstAgo: 35, lastAgo: 35, component: 'statefulset-controller' }),
      failedScheduling(p2, message, { count: 41, firstAgo: 35, lastAgo: 0.8 }),
      notTriggerScaleUp(p2, '2 node(s) had volume node affinity conflict, 1 max node group size reached', { count: 68, firstAgo: 34, lastAgo: 0.5 }),
    ],
    logs: app.pods.slice(0, 2).map((p) => logsFor(p, 'ingester', { current: lines(
      `ts=${at(3)} caller=lifecycler.go:614 level=warn msg="found an existing instance(s) with a problem in the ring, this instance cannot become ready until this problem is resolved" ring=ingester instance=ingester-2`,
      `ts=${at(1)} caller=push.go:212 level=warn user=tenant-prod msg="push failed" err="at least 2 live replicas required, could only find 1"`,
    ) })),
    expect: {
      verdict: 'problems',
      headline: [/max volume count|volume (attach(ment)? |count )?limit|attach(ment)? limit/i, /ingester-2/],
      facts: [/eu-west-1c/],
      never: [/Insufficient (cpu|memory)/i, /\bOOM/, /storage ?class/i],
    },
  };
}

// ---- 9. an HPA fighting Argo CD self-heal over spec.replicas --------------------------------------------

function hpaFightsArgoCdSelfHeal(): CorpusScenario {
  const ns = 'commerce';
  const { nodes, names } = threeNodes('10.0.109');
  const image = `${ECR}/commerce/pricing-api:11.2.0`;
  const app = deploymentApp({
    namespace: ns,
    name: 'pricing-api',
    replicas: 4,
    revisions: [{ revision: 64, createdAgo: 3 * DAYS, changeCause: 'argocd: pricing-api 11.2.0', template: { containers: [container({ image, ports: [3000], cpu: '500m', memory: '768Mi', readiness: httpProbe('/ready', 3000, { initialDelaySeconds: 20 }), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 30, timeoutSeconds: 3 }) })] } }],
    pods: [
      ...[0, 1, 2, 0].map((n) => ({ revision: 64, node: names[n] ?? '', createdAgo: 3 * DAYS })),
      ...[1, 2, 0, 1, 2, 0, 1].map((n) => ({ revision: 64, node: names[n] ?? '', createdAgo: 0.4, deletingAgo: 0.1, containers: { app: running({ sinceAgo: 0.3, ready: false }) } })),
    ],
    settled: { available: true, availableSince: 3 * DAYS, progressingSince: 3 * DAYS },
  });
  const dep = head<k8s.V1Deployment>(app);
  dep.metadata = {
    ...dep.metadata,
    annotations: { ...dep.metadata?.annotations, 'argocd.argoproj.io/tracking-id': 'pricing-api:apps/Deployment:commerce/pricing-api' },
    managedFields: [
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'apps/v1', time: new Date(Date.parse(at(0.1))), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {}, 'f:template': {} } } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'autoscaling/v1', subresource: 'scale', time: new Date(Date.parse(at(0.4))), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
    ],
  };
  const scaler = hpa({
    namespace: ns, name: 'pricing-api', target: { kind: 'Deployment', name: 'pricing-api' }, min: 4, max: 16, current: 4, desired: 11, lastScaleAgo: 0.4,
    cpu: { current: 171, target: 70, averageValue: '855m' },
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: 'the HPA controller was able to update the target scale to 11', lastTransitionTime: new Date(Date.parse(at(0.4))) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)', lastTransitionTime: new Date(Date.parse(at(20 * DAYS))) },
      { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', lastTransitionTime: new Date(Date.parse(at(55))) },
    ],
  });
  const rs = rsOf(app, 64);
  const busy = app.pods.slice(0, 4);
  const log = (p: k8s.V1Pod) => lines(
    `{"level":30,"time":${epochMs(3)},"pid":1,"hostname":"${nameOf(p)}","msg":"request completed","req":{"method":"GET","url":"/v3/prices?sku=88-1120"},"res":{"statusCode":200},"responseTime":2310}`,
    `{"level":40,"time":${epochMs(2)},"pid":1,"hostname":"${nameOf(p)}","msg":"event loop lag 840ms"}`,
    `{"level":30,"time":${epochMs(1)},"pid":1,"hostname":"${nameOf(p)}","msg":"request completed","req":{"method":"POST","url":"/v3/quotes"},"res":{"statusCode":200},"responseTime":3105}`,
  );
  return {
    id: 'heldout8-hpa-fights-argocd-self-heal',
    class: 'capacity',
    truth: 'The pricing-api chart sets spec.replicas: 4, and the HPA pricing-api (4-16, 70% CPU) manages the same Deployment. That drift was harmless until the Argo CD Application moved to an ApplicationSet with automated selfHeal 55 minutes ago: now, every time the HPA scales the Deployment to 11 for the APAC morning peak (CPU 171% of requests), Argo CD re-applies replicas 4 within seconds and the 7 new pods are deleted before they are ready. The "Scaled up … from 4 to 11" / "Scaled down … from 11 to 4" pair has repeated about 100 times; the four remaining pods are saturated (event-loop lag, 2-3 s responses, readiness timeouts). Nothing is short of nodes and the HPA is far from its maximum. Fix: remove spec.replicas from the chart (or have Argo CD ignore /spec/replicas with ignoreDifferences) so the HPA owns the replica count.',
    ask: { service: 'pricing-api' },
    objects: [
      ...nodes, ...app.objects, scaler,
      ...exposed({ namespace: ns, name: 'pricing-api', selector: { app: 'pricing-api' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      event({ on: dep, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${rs} from 4 to 11`, count: 97, firstAgo: 54, lastAgo: 0.4, component: 'deployment-controller' }),
      event({ on: dep, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled down replica set ${rs} from 11 to 4`, count: 97, firstAgo: 53.9, lastAgo: 0.1, component: 'deployment-controller' }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'pricing-api', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 11; reason: cpu resource utilization (percentage of request) above target', count: 97, firstAgo: 54, lastAgo: 0.4, component: 'horizontal-pod-autoscaler' }),
      ...busy.slice(0, 2).map((p) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:3000/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 26, firstAgo: 40 })),
    ],
    logs: busy.map((p) => logsFor(p, 'app', { current: log(p) })),
    expect: {
      verdict: 'problems',
      headline: [/argo|self-?heal|gitops/i, /HPA|autoscal|replicas/i],
      facts: [/from 11 to 4|11 to 4/],
      never: [/Insufficient (cpu|memory)|node group (is )?at (its )?max|HPA (is )?at (its )?max/i, BLAMES_ROLLOUT, /\bOOM/],
    },
  };
}

// ---- 10. an Indexed Job with one index failing on a corrupt input shard --------------------------------

function indexedJobOneIndexCorruptShard(): CorpusScenario {
  const ns = 'ml';
  const { nodes, names } = threeNodes('10.0.120');
  const name = 'embed-backfill-20261120';
  const image = `${ECR}/ml/embedder:0.18.3`;
  const done = (k: number, created: number, finished: number) => ({ name: `${name}-${k}-${['x7k2p', 'b4nq8', 'm2dzt', 'q9hwc', 'v5rjl', '', 'f8tgs', 'z2cnb'][k]}`, node: names[k % 3] ?? '', phase: 'Succeeded' as const, createdAgo: created, containers: { embed: terminated({ exitCode: 0, finishedAgo: finished, ranSeconds: Math.round((created - finished) * 60) }) } });
  const bad = (attempt: number, created: number) => ({ name: `${name}-5-${['h4kwd', 'p7sxm', 'c2vqn'][attempt]}`, node: names[(attempt + 1) % 3] ?? '', phase: 'Failed' as const, createdAgo: created, containers: { embed: terminated({ exitCode: 1, finishedAgo: created - 0.7, ranSeconds: 41 }) } });
  const built = job({
    namespace: ns,
    name,
    createdAgo: 95,
    completions: 8,
    parallelism: 4,
    template: { containers: [batchContainer({ name: 'embed', image, cpu: '4', memory: '12Gi', args: ['--input-pattern=s3://ml-features/products/2026-11-20/part-{index:05d}.parquet', '--output=s3://ml-embeddings/products/2026-11-20/'] })] },
    pods: [
      done(0, 95, 61), done(1, 95, 60), done(2, 95, 63), done(3, 95, 59.5),
      done(4, 63, 30), bad(0, 61), bad(1, 60), bad(2, 58.8), done(6, 59.5, 26), done(7, 58.5, 25),
    ],
  });
  const jb = head<k8s.V1Job>(built);
  const cond = (type: string) => ({ type, status: 'True', reason: 'FailedIndexes', message: 'Job has failed indexes', lastProbeTime: new Date(Date.parse(at(25))), lastTransitionTime: new Date(Date.parse(at(25))) });
  jb.spec = { ...jb.spec, completionMode: 'Indexed', backoffLimit: 2147483647, backoffLimitPerIndex: 2, template: jb.spec?.template ?? {} };
  jb.status = { ...jb.status, completedIndexes: '0-4,6-7', failedIndexes: '5', conditions: [cond('FailureTarget'), cond('Failed')] };
  built.pods.forEach((p, i) => {
    const index = p.metadata?.name?.split('-').slice(-2, -1)[0] ?? String(i);
    p.metadata = { ...p.metadata, labels: { ...p.metadata?.labels, 'batch.kubernetes.io/job-completion-index': index }, annotations: { 'batch.kubernetes.io/job-completion-index': index } };
  });
  const failed = built.pods.filter((p) => p.status?.phase === 'Failed');
  const trace = (p: k8s.V1Pod, created: number) => lines(
    `${pyTime(created - 0.1)} INFO embedder 0.18.3 index=5 input=s3://ml-features/products/2026-11-20/part-00005.parquet pod=${nameOf(p)}`,
    'Traceback (most recent call last):',
    '  File "/app/embedder/main.py", line 88, in <module>',
    '    main()',
    '  File "/app/embedder/main.py", line 61, in main',
    '    table = pq.read_table(args.input, filesystem=s3)',
    '  File "/usr/local/lib/python3.11/site-packages/pyarrow/parquet/core.py", line 1793, in read_table',
    '    dataset = ParquetDataset(',
    '  File "pyarrow/error.pxi", line 92, in pyarrow.lib.check_status',
    'pyarrow.lib.ArrowInvalid: Parquet magic bytes not found in footer. Either the file is corrupted or this is not a parquet file.',
  );
  return {
    id: 'heldout8-indexed-job-one-index-corrupt-shard',
    class: 'jobs',
    truth: 'The nightly export that feeds embed-backfill-20261120 was evicted while uploading last night and left a truncated object, s3://ml-features/products/2026-11-20/part-00005.parquet. The Indexed Job (8 completions, backoffLimitPerIndex 2) processed indexes 0-4 and 6-7, but every attempt of index 5 fails within a minute (exit 1, pyarrow "Parquet magic bytes not found in footer. Either the file is corrupted or this is not a parquet file"); after three attempts the index is marked failed and the Job ended Failed with reason FailedIndexes 25 minutes ago. Seven of eight shards are embedded; the code, image, memory and nodes are fine. Fix: regenerate part-00005 from the source table and re-run index 5 only.',
    ask: { service: name },
    objects: [
      ...nodes, ...built.objects,
      event({ on: jb, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(built.pods[0])}`, count: 10, firstAgo: 95, lastAgo: 58.8, component: 'job-controller' }),
      event({ on: jb, reason: 'FailedIndexes', message: 'Job has failed indexes', firstAgo: 25, lastAgo: 25, component: 'job-controller' }),
    ],
    logs: [
      ...failed.map((p, k) => logsFor(p, 'embed', { current: trace(p, [61, 60, 58.8][k] ?? 61) })),
      ...built.pods.filter((p) => p.status?.phase === 'Succeeded').map((p) => logsFor(p, 'embed', { current: lines(`${pyTime(30)} INFO wrote 1250000 embeddings to s3://ml-embeddings/products/2026-11-20/ index=${p.metadata?.labels?.['batch.kubernetes.io/job-completion-index'] ?? ''}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/index 5|part-00005/i, /parquet|magic bytes|corrupt/i],
      facts: [/FailedIndexes|failed indexes|backoffLimitPerIndex/i],
      never: [/\bOOM|out of memory/i, /deadline/i, /ImagePull|image (pull|not found)/i],
    },
  };
}

// ---- 11. a DaemonSet whose hostPath docker.sock does not exist on the new AL2023 nodes ----------------------

function daemonSetHostPathDockerSockNewAmi(): CorpusScenario {
  const ns = 'security';
  const al2 = (n: k8s.V1Node): k8s.V1Node => {
    const info = n.status?.nodeInfo;
    if (info !== undefined) Object.assign(info, { osImage: 'Amazon Linux 2', kernelVersion: '5.10.228-219.884.amzn2.x86_64', containerRuntimeVersion: 'containerd://1.7.23' });
    return n;
  };
  const old = [al2(node({ name: nodeName('10.0.131.40'), zone: 'eu-west-1a' })), al2(node({ name: nodeName('10.0.132.66'), zone: 'eu-west-1b' }))];
  const fresh = [
    node({ name: nodeName('10.0.140.23'), zone: 'eu-west-1a', pool: 'general-al2023', createdAgo: 2 * HOURS }),
    node({ name: nodeName('10.0.141.90'), zone: 'eu-west-1b', pool: 'general-al2023', createdAgo: 1.9 * HOURS }),
  ];
  const image = `${ECR}/security/image-inventory:2.6.0`;
  const ds = daemonSetApp({
    namespace: ns,
    name: 'image-inventory',
    revisions: [{ revision: 5, createdAgo: 70 * DAYS, template: {
      containers: [container({ image, ports: [{ name: 'metrics', containerPort: 9102 }], cpu: '50m', memory: '128Mi', readiness: null, liveness: httpProbe('/healthz', 9102), volumeMounts: [{ name: 'docker-sock', mountPath: '/var/run/docker.sock', readOnly: true }] })],
      volumes: [{ name: 'docker-sock', hostPath: { path: '/var/run/docker.sock', type: 'Socket' } }],
      tolerations: [{ operator: 'Exists' }],
    } }],
    pods: [
      ...old.map((n) => ({ revision: 5, node: nameOf(n), createdAgo: 40 * DAYS })),
      ...fresh.map((n, k) => ({ revision: 5, node: nameOf(n), createdAgo: 118 - 6 * k, phase: 'Pending' as const, containers: { app: waiting('ContainerCreating') } })),
    ],
  });
  const exporter = daemonSetApp({
    namespace: 'monitoring', name: 'node-exporter',
    revisions: [{ revision: 3, createdAgo: 90 * DAYS, template: { containers: [container({ name: 'node-exporter', image: 'quay.io/prometheus/node-exporter:v1.8.2', ports: [9100], readiness: null, liveness: null })], tolerations: [{ operator: 'Exists' }] } }],
    pods: [...old.map((n) => ({ revision: 3, node: nameOf(n), createdAgo: 40 * DAYS })), ...fresh.map((n, k) => ({ revision: 3, node: nameOf(n), createdAgo: 119 - 6 * k }))],
  });
  const stuck = ds.pods.slice(2);
  return {
    id: 'heldout8-daemonset-hostpath-docker-sock-new-ami',
    class: 'nodes',
    truth: 'The image-inventory DaemonSet (security team) lists running images by mounting the host\'s /var/run/docker.sock as a hostPath of type Socket. The old general node group runs Amazon Linux 2, whose EKS AMI still ships Docker; the general-al2023 node group added 2 hours ago (AL2023 migration) has only containerd, so the socket does not exist there. The kubelet refuses the volume ("hostPath type check failed: /var/run/docker.sock is not a socket file") and the two pods on the new nodes have been stuck in ContainerCreating since; the inventory misses every workload on AL2023 nodes. The DaemonSet did not change, the nodes are healthy (node-exporter runs there). Fix: read images through the CRI (containerd socket /run/containerd/containerd.sock, or crictl) instead of docker.sock.',
    ask: { service: 'image-inventory', namespace: ns },
    objects: [
      ...old, ...fresh, ...ds.objects, ...exporter.objects,
      ...stuck.flatMap((p, k) => [
        scheduled(p, 118 - 6 * k),
        event({ on: p, reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "docker-sock" : hostPath type check failed: /var/run/docker.sock is not a socket file', count: 64 - 3 * k, firstAgo: 118 - 6 * k, lastAgo: 1.5 + k }),
        event({ on: p, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[docker-sock], unattached volumes=[], failed to process volumes=[]: context deadline exceeded', count: 52 - 3 * k, firstAgo: 116 - 6 * k, lastAgo: 2 + k }),
      ]),
      event({ on: podOf(ds, 0), reason: 'Unhealthy', message: `Liveness probe failed: Get "http://${ipOfPod(podOf(ds, 0))}:9102/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, firstAgo: 2 * DAYS, lastAgo: 2 * DAYS, fieldPath: 'spec.containers{app}' }),
    ],
    logs: ds.pods.slice(0, 2).map((p) => logsFor(p, 'app', { current: lines(`${goTime(4)} inventory: 61 containers, 38 images reported to s3://sec-inventory/${nameOf(p)}`) })),
    expect: {
      verdict: 'problems',
      headline: [/docker\.sock/],
      facts: [/not a socket file/, /al2023|Amazon Linux 2023/i],
      never: [/\bOOM/, /ImagePull|image (pull|not found)/i, /Insufficient/i],
    },
  };
}

// ---- 12. a Secret defaultMode 0400 that the non-root container cannot read ----------------------------------

function secretDefaultModeKeyUnreadable(): CorpusScenario {
  const ns = 'ocr';
  const { nodes, names } = threeNodes('10.0.152');
  const tpl = (v: string, mode: number) => ({
    containers: [container({ image: `${ECR}/ocr/ocr-gateway:${v}`, ports: [{ name: 'https', containerPort: 8443 }], env: [{ name: 'TLS_CERT', value: '/etc/tls/tls.crt' }, { name: 'TLS_KEY', value: '/etc/tls/tls.key' }], volumeMounts: [{ name: 'tls', mountPath: '/etc/tls', readOnly: true }], readiness: { ...httpProbe('/ready', 8443), httpGet: { path: '/ready', port: 8443, scheme: 'HTTPS' } }, liveness: { ...httpProbe('/healthz', 8443), httpGet: { path: '/healthz', port: 8443, scheme: 'HTTPS' } } })],
    volumes: [{ name: 'tls', secret: { secretName: 'ocr-gateway-tls', defaultMode: mode } }],
    securityContext: { runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532 },
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'ocr-gateway',
    replicas: 4,
    revisions: [
      { revision: 14, createdAgo: 11 * DAYS, changeCause: 'argocd: ocr-gateway chart 1.8.2', template: tpl('4.2.0', 420) },
      { revision: 15, createdAgo: 22, changeCause: 'argocd: ocr-gateway chart 1.9.0 (secret files 0400, CIS hardening)', template: tpl('4.2.0', 256) },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 14, node: names[k] ?? '', createdAgo: 11 * DAYS })),
      ...[0, 1].map((k) => ({ revision: 15, node: names[k + 1] ?? '', createdAgo: 21.5 - k, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2 + k, ranSeconds: 0 }, 9 - k) } })),
    ],
  });
  const fresh = app.pods.slice(3);
  const image = `${ECR}/ocr/ocr-gateway:4.2.0`;
  const prev = (t: number) => lines(
    `{"time":"${at(t + 0.01)}","level":"INFO","msg":"ocr-gateway starting","version":"4.2.0","listen":":8443","uid":65532}`,
    `{"time":"${at(t)}","level":"ERROR","msg":"load TLS key pair","cert":"/etc/tls/tls.crt","key":"/etc/tls/tls.key","err":"open /etc/tls/tls.crt: permission denied"}`,
  );
  return {
    id: 'heldout8-secret-defaultmode-0400-key-unreadable',
    class: 'config',
    truth: 'Revision 15 (ocr-gateway chart 1.9.0, 22 minutes ago) hardened the Secret volume ocr-gateway-tls from defaultMode 0644 (420) to 0400 (256). Secret files are owned by root and the pod sets no fsGroup, so the container, which runs as the non-root user 65532, can no longer read /etc/tls/tls.crt or tls.key: the Go server exits 1 at once ("open /etc/tls/tls.crt: permission denied"), 8-9 restarts per new pod, CrashLoopBackOff, the rollout stuck; three revision-14 pods still serve. The certificate itself is valid and the Secret exists. Fix: set fsGroup 65532 with defaultMode 0440 (or keep 0644), or roll back to revision 14.',
    ask: { service: 'ocr-gateway' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'ocr-gateway', selector: { app: 'ocr-gateway' }, pods: app.pods, ports: [{ name: 'https', port: 443, targetPort: 'https' }], endpointPort: 8443 }),
      scaledReplicaSet(head(app), rsOf(app, 15), 2, 0, 22),
      event({ on: replicaSetOf(app, 14), type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${rsOf(app, 14)}-t6wqk`, firstAgo: 22, lastAgo: 22, component: 'replicaset-controller' }),
      ...fresh.flatMap((p, k) => [
        ...startedAt(p, 'app', image, 21.5 - k),
        ...restartedAgain(p, 'app', image, { count: 9 - k, firstAgo: 21 - k, lastAgo: 2 + k }),
        backOff(p, 'app', { count: 90, firstAgo: 21 - k }),
      ]),
    ],
    logs: [
      ...fresh.map((p, k) => logsFor(p, 'app', { previous: prev(2 + k) })),
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: lines(`{"time":"${at(1)}","level":"INFO","msg":"document processed","pages":3,"ms":912}`) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/permission denied|EACCES/i, /defaultMode|0?400\b|\b256\b|tls\.(crt|key)|ocr-gateway-tls/i],
      facts: [/revision 15/i, /65532|non-?root|runAsUser|fsGroup/i],
      never: [/\bOOM/, /not found/i, /certificate (has )?expired|x509/i],
    },
  };
}

// ---- 13. healthy: steady, next to a NotReady node that hosts none of its pods ----------------------------------

function healthySteadyNotReadyNodeElsewhere(): CorpusScenario {
  const ns = 'maps';
  const { nodes: ok, names } = threeNodes('10.0.163');
  const down = node({ name: nodeName('10.0.163.9'), zone: 'eu-west-1b', ready: 'Unknown', readySince: 26 });
  const image = `${ECR}/maps/geo-lookup:5.8.1`;
  const app = deploymentApp({
    namespace: ns,
    name: 'geo-lookup',
    replicas: 5,
    revisions: [
      { revision: 11, createdAgo: 20 * DAYS, template: { containers: [container({ image: `${ECR}/maps/geo-lookup:5.8.0`, ports: [8080] })] } },
      { revision: 12, createdAgo: 6 * DAYS, changeCause: 'argocd: geo-lookup 5.8.1', template: { containers: [container({ image, ports: [8080] })] } },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 6 * DAYS })),
      ...[0, 2].map((k) => ({ revision: 12, node: names[k] ?? '', createdAgo: 41 })),
    ],
    settled: { available: true, availableSince: 6 * DAYS, progressingSince: 6 * DAYS },
  });
  const scaler = hpa({ namespace: ns, name: 'geo-lookup', target: { kind: 'Deployment', name: 'geo-lookup' }, min: 3, max: 10, current: 5, desired: 5, cpu: { current: 58, target: 70 }, lastScaleAgo: 41 });
  const other = bystander(ns, 'tile-server', names, 6);
  return {
    id: 'heldout8-healthy-steady-notready-node-elsewhere',
    class: 'healthy',
    truth: `Nothing is wrong with geo-lookup: five revision-12 pods are Ready, none restarted. The HPA scaled it from 3 to 5 41 minutes ago for the morning traffic and both new pods became Ready at once; CPU is at 58% of the 70% target. The node ${nameOf(down)} stopped reporting 26 minutes ago (the platform team is on it) but hosts no geo-lookup pod; the readiness failures on one pod are from yesterday; the tile-server rollout 6 minutes ago is unrelated and healthy.`,
    ask: { service: 'geo-lookup' },
    objects: [
      ...ok, down, ...app.objects, ...other.objects, scaler,
      ...exposed({ namespace: ns, name: 'geo-lookup', selector: { app: 'geo-lookup' }, pods: app.pods }),
      ...exposed({ namespace: ns, name: 'tile-server', selector: { app: 'tile-server' }, pods: other.pods }),
      scaledReplicaSet(head(other), rsOf(other, 71), 2, 0, 6),
      scaledReplicaSet(head(app), rsOf(app, 12), 5, 3, 41),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'geo-lookup', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 5; reason: cpu resource utilization (percentage of request) above target', firstAgo: 41, lastAgo: 41, component: 'horizontal-pod-autoscaler' }),
      ...app.pods.slice(3).flatMap((p) => startedNormally(p, 'app', image, 41)),
      nodeEvent(nameOf(down), 'NodeNotReady', `Node ${nameOf(down)} status is now: NodeNotReady`, { firstAgo: 26, component: 'node-controller' }),
      probeFailed(podOf(app, 1), 'app', 'Readiness', `Get "http://${ipOfPod(podOf(app, 1))}:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 4, firstAgo: 19 * HOURS, lastAgo: 19 * HOURS }),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: lines(
      `${goTime(5)} INFO lookup q="Hauptstraße 12, Wien" hits=3 ms=14`,
      `${goTime(3)} WARN tile cache miss ratio=0.12 (warming after scale-up)`,
      `${goTime(1)} INFO lookup q="Rue de Rivoli, Paris" hits=7 ms=11`,
    ) })),
    expect: {
      verdict: 'healthy',
      headline: [/geo-lookup/],
      facts: [],
      never: [BLAMES_ROLLOUT, /(caused|triggered) by (the )?tile-server|tile-server[^\n]{0,30}(caused|broke|triggered|is (failing|unhealthy))/i, /\bOOM/, /readiness probe fail/i],
    },
  };
}

// ---- 14. healthy: recovered by a rollout undo 52 minutes ago ----------------------------------------------

function healthyRecoveredAfterRolloutUndo(): CorpusScenario {
  const ns = 'search';
  const { nodes, names } = threeNodes('10.0.174');
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/search/search-suggest:${v}`, ports: [3000], readiness: httpProbe('/ready', 3000), liveness: httpProbe('/healthz', 3000) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'search-suggest',
    replicas: 4,
    revisions: [
      { revision: 34, createdAgo: 76, changeCause: 'argocd: search-suggest 4.9.0', template: tpl('4.9.0') },
      // `kubectl rollout undo` re-uses the ReplicaSet of revision 33, which becomes revision 35.
      { revision: 35, createdAgo: 6 * DAYS, changeCause: 'argocd: search-suggest 4.8.2', template: tpl('4.8.2') },
    ],
    pods: [
      ...[0, 1, 2].map((k) => ({ revision: 35, node: names[k] ?? '', createdAgo: 6 * DAYS })),
      { revision: 35, node: names[1] ?? '', createdAgo: 52 },
    ],
    settled: { available: true, availableSince: 51, progressingSince: 51 },
  });
  const rs35 = replicaSetOf(app, 35);
  rs35.metadata = { ...rs35.metadata, annotations: { ...rs35.metadata?.annotations, 'deployment.kubernetes.io/revision-history': '33' } };
  const bad = [`${rsOf(app, 34)}-rk8vz`, `${rsOf(app, 34)}-w2ht5`];
  return {
    id: 'heldout8-healthy-recovered-after-rollout-undo',
    class: 'healthy',
    truth: 'Nothing needs doing now: revision 34 (search-suggest 4.9.0, 76 minutes ago) shipped without its compiled dist/ folder, so its two new pods crash-looped ("Cannot find module \'/app/dist/server.js\'") and the Deployment ran on 3 of 4 pods for 24 minutes. The on-call engineer ran `kubectl rollout undo` 52 minutes ago: revision 35 is the 4.8.2 template again, the revision-34 ReplicaSet is at 0, the fourth pod was recreated at once and all four pods have been Ready with no restarts since. The BackOff events are those of the deleted revision-34 pods.',
    ask: { service: 'search-suggest' },
    objects: [
      ...nodes, ...app.objects,
      ...exposed({ namespace: ns, name: 'search-suggest', selector: { app: 'search-suggest' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      scaledReplicaSet(head(app), rsOf(app, 34), 1, 0, 76),
      scaledReplicaSet(head(app), rsOf(app, 35), 3, 4, 76),
      scaledReplicaSet(head(app), rsOf(app, 34), 2, 1, 75.8),
      scaledReplicaSet(head(app), rsOf(app, 34), 0, 2, 52),
      scaledReplicaSet(head(app), rsOf(app, 35), 4, 3, 52),
      ...bad.map((name) => event({ on: { kind: 'Pod', name, namespace: ns }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${name}_${ns}(${'5c1e2a90-77d3-4f0b-a4e1-0c9b8d7e6f5a'})`, count: 28, firstAgo: 75, lastAgo: 52.3, fieldPath: 'spec.containers{app}' })),
      ...startedNormally(podOf(app, 3), 'app', `${ECR}/search/search-suggest:4.8.2`, 52),
    ],
    logs: app.pods.map((p) => logsFor(p, 'app', { current: lines(
      `{"level":30,"time":${epochMs(4)},"msg":"suggest","q":"wireless hea","results":8,"ms":9}`,
      `{"level":30,"time":${epochMs(1)},"msg":"suggest","q":"running sho","results":10,"ms":7}`,
    ) })),
    expect: {
      verdict: 'healthy',
      headline: [/search-suggest/],
      facts: [],
      never: [/(is|are) (still )?crash-?looping/i, /\bOOM/],
    },
  };
}

export const HOLDOUT_8_SCENARIOS: CorpusScenario[] = [
  jvmExitOnOutOfMemoryHeap(),
  postStartWarmupHookKillsContainer(),
  debugSleepInfinityLeftInRevision(),
  servicePortsSwappedGrpcHttp(),
  zookeeperHeadlessServiceDeleted(),
  ciliumAgentDownOneNodeSandbox(),
  readWriteOncePodBlocksRollingUpdate(),
  ebsAttachLimitMaxVolumeCount(),
  hpaFightsArgoCdSelfHeal(),
  indexedJobOneIndexCorruptShard(),
  daemonSetHostPathDockerSockNewAmi(),
  secretDefaultModeKeyUnreadable(),
  healthySteadyNotReadyNodeElsewhere(),
  healthyRecoveredAfterRolloutUndo(),
];
