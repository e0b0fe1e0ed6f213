// Held-out stories, third round: failures written without reading the analysis code, to measure
// how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
//
// A plaintext client rejected by a mesh after a STRICT mTLS change, a Java app writing into its
// read-only ConfigMap mount, a Go service OOM-killed only on a new 32-core node pool, a log
// DaemonSet that skips newly tainted GPU nodes, a pod stuck ContainerCreating because the EBS CSI
// node plugin does not run on a new tainted pool, ndots:5 DNS stalls on external lookups, an init
// container waiting for a deleted Kafka topic, an exec liveness probe whose /bin/sh is gone from a
// distroless image, a node clock behind so JWTs are "used before issued", EMFILE under a traffic
// spike, an AWS LB readiness gate failing on a moved health-check path, an HPA target in the wrong
// unit that scales a consumer past the database's connection limit, and two healthy controls with
// scary-but-benign noise.
import type * as k8s from '@kubernetes/client-node';
import {
  DAYS, ECR, HOURS, ago, at, backOff, batchContainer, configMap, container, coreDns, crashLoop, daemonSetApp, deploymentApp, epochMs, event,
  every, execProbe, exposed, httpProbe, nameOf, node, probeFailed, probeKilling, pyTime, restartedAgain, rsOf, running, scaledReplicaSet,
  statefulSetApp, boundClaim, tcpProbe, uidOf, waiting, clfTime,
} from '../kit/index.js';
import { ADVISES_ROLLBACK as BLAMES_ROLLOUT, eksNodeName as nodeName, ipOfPod, logsFor, podOf as pod, threeEksNodes } from '../kit/held-out.js';
import type { KubeJson } from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

/** Round 3's nodes sit on other host addresses. */
const threeNodes = (prefix: string): { nodes: k8s.V1Node[]; names: string[] } => threeEksNodes(prefix, ['22', '140', '61']);

// ---- local helpers -------------------------------------------------------------------------

/** logback's default pattern time: `2026-11-21 03:12:41.563`. */
const jTime = (m: number): string => at(m).replace('T', ' ').replace('Z', '');

// ---- 1. a plaintext client rejected after a STRICT PeerAuthentication -------------------------

function plaintextClientAfterStrictMtls(): CorpusScenario {
  const ns = 'billing';
  const { nodes, names } = threeNodes('10.0.211');
  const tpl = {
    annotations: { 'sidecar.istio.io/inject': 'false' },
    containers: [container({
      image: `${ECR}/billing/invoice-worker:2.19.4`,
      ports: [8080],
      cpu: '500m',
      memory: '1Gi',
      env: [
        { name: 'LEDGER_URL', value: 'http://ledger.core.svc.cluster.local:8080' },
        { name: 'KAFKA_BOOTSTRAP', value: 'kafka-bootstrap.kafka:9092' },
        { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 40 }),
    })],
  };
  const app = deploymentApp({
    namespace: ns,
    name: 'invoice-worker',
    replicas: 3,
    revisions: [
      { revision: 11, createdAgo: 23 * DAYS, template: tpl },
      { revision: 12, createdAgo: 9 * DAYS, changeCause: 'argocd: invoice-worker 2.19.4', template: tpl },
    ],
    pods: names.map((n) => ({ revision: 12, node: n, createdAgo: 9 * DAYS })),
  });
  const ledgerTpl = {
    annotations: { 'sidecar.istio.io/status': '{"initContainers":["istio-validation"],"containers":["istio-proxy"]}' },
    containers: [
      container({ image: `${ECR}/core/ledger:8.2.0`, ports: [8080], cpu: '500m', memory: '768Mi' }),
      container({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.23.2', ports: [{ name: 'http-envoy-prom', containerPort: 15090 }], cpu: '100m', memory: '128Mi', memoryLimit: '1Gi', readiness: httpProbe('/healthz/ready', 15021), liveness: null }),
    ],
  };
  const ledger = deploymentApp({
    namespace: 'core',
    name: 'ledger',
    replicas: 2,
    revisions: [{ revision: 30, createdAgo: 6 * DAYS, template: ledgerTpl }],
    pods: [{ revision: 30, node: names[0] ?? '', createdAgo: 6 * DAYS }, { revision: 30, node: names[2] ?? '', createdAgo: 6 * DAYS }],
  });
  const workerLog = (k: number): string =>
    every(30, 0, 30, (t, i) => {
      if (t > 13) return `${jTime(t)}  INFO 1 --- [ntainer#0-0-C-1] c.a.b.invoice.InvoiceListener        : posted invoice INV-${884100 + i * 7 + k} to ledger (entry ${5521000 + i * 3})\n`;
      return [
        `${jTime(t)} ERROR 1 --- [ntainer#0-0-C-1] c.a.b.invoice.LedgerClient           : POST http://ledger.core.svc.cluster.local:8080/v1/entries failed (attempt 3/3)`,
        'org.springframework.web.client.ResourceAccessException: I/O error on POST request for "http://ledger.core.svc.cluster.local:8080/v1/entries": Connection reset',
        '\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:915)',
        '\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:895)',
        '\tat com.acme.billing.invoice.LedgerClient.post(LedgerClient.java:74)',
        'Caused by: java.net.SocketException: Connection reset',
        '\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:318)',
        `${jTime(t - 0.01)}  WARN 1 --- [ntainer#0-0-C-1] o.s.k.l.DefaultErrorHandler          : Backoff FixedBackOff{interval=5000, currentAttempts=3, maxAttempts=3} exhausted for billing.invoices-${k}@${771200 + i}; sending to billing.invoices.DLT`,
      ].join('\n') + '\n';
    });
  const envoyLog = (p: k8s.V1Pod): string =>
    every(12, 0, 20, (t, i) => `[${at(t)}] "- - -" 0 NR filter_chain_not_found - "-" 0 0 0 - "-" "-" "-" "-" "-" - - ${ipOfPod(p)}:8080 ${ipOfPod(app.pods[i % 3])}:${41000 + i * 17} - -\n`);
  return {
    id: 'heldout3-plaintext-client-strict-mtls',
    class: 'network',
    truth: 'At about 03:01 the platform team applied a namespace-wide PeerAuthentication with mtls mode STRICT in namespace core. invoice-worker runs without an Istio sidecar (sidecar.istio.io/inject: "false") and calls ledger.core in plaintext, so every call is now reset by ledger\'s Envoy (NR filter_chain_not_found) and invoices go to the DLT; pods stay Ready, nothing in billing changed (revision 12 is 9 days old). Fix: PERMISSIVE for ledger or inject the sidecar.',
    ask: { service: 'invoice-worker' },
    objects: [
      ...nodes,
      ...app.objects,
      ...ledger.objects,
      ...exposed({ namespace: ns, name: 'invoice-worker', selector: { app: 'invoice-worker' }, pods: app.pods }),
      ...exposed({ namespace: 'core', name: 'ledger', selector: { app: 'ledger' }, pods: ledger.pods, ports: [{ name: 'http', port: 8080, targetPort: 8080 }] }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: workerLog(k) })),
      ...ledger.pods.map((p) => logsFor(p, 'istio-proxy', { current: envoyLog(p) })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/ledger/i, /connection reset|reset by peer|mTLS|TLS|PeerAuthentication|sidecar|mesh/i],
      facts: [/ledger\.core/, /Connection reset/i],
      never: [/\bOOM|out of memory/i, /crash-?loop/i, BLAMES_ROLLOUT, /DNS/],
    },
  };
}

// ---- 2. a Java app writing into its read-only ConfigMap mount ----------------------------------

function writesReadOnlyConfigMapMount(): CorpusScenario {
  const ns = 'claims';
  const { nodes, names } = threeNodes('10.0.221');
  const tpl = (v: string) => ({
    containers: [container({
      image: `${ECR}/claims/claims-service:${v}`,
      ports: [8080],
      cpu: '500m',
      memory: '1536Mi',
      args: ['--spring.config.additional-location=file:/opt/app/config/'],
      volumeMounts: [{ name: 'config', mountPath: '/opt/app/config', readOnly: true }],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
    volumes: [{ name: 'config', configMap: { name: 'claims-service-config', defaultMode: 420 } }],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'claims-service',
    replicas: 3,
    revisions: [
      { revision: 30, createdAgo: 16 * DAYS, changeCause: 'argocd: claims-service 4.1.7', template: tpl('4.1.7') },
      { revision: 31, createdAgo: 24, changeCause: 'argocd: claims-service 4.2.0', template: tpl('4.2.0') },
    ],
    pods: [
      { revision: 30, node: names[0] ?? '', createdAgo: 16 * DAYS },
      { revision: 30, node: names[1] ?? '', createdAgo: 16 * DAYS },
      { revision: 30, node: names[2] ?? '', createdAgo: 16 * DAYS },
      { revision: 31, node: names[1] ?? '', createdAgo: 24, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 1.6, ranSeconds: 9 }, 9) } },
    ],
  });
  const bad = pod(app, 3);
  const image = `${ECR}/claims/claims-service:4.2.0`;
  const previous = [
    `${jTime(1.8)}  INFO 1 --- [           main] c.a.claims.ClaimsServiceApplication      : Starting ClaimsServiceApplication v4.2.0 using Java 21.0.5 with PID 1`,
    `${jTime(1.79)}  INFO 1 --- [           main] c.a.claims.ClaimsServiceApplication      : The following 1 profile is active: "prod"`,
    `${jTime(1.75)}  INFO 1 --- [           main] c.a.claims.config.ConfigMigrator         : migrating /opt/app/config/application.yml from schema 3 to schema 4`,
    `${jTime(1.74)}  WARN 1 --- [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'configMigrator': Invocation of init method failed`,
    `${jTime(1.73)} ERROR 1 --- [           main] o.s.boot.SpringApplication               : Application run failed`,
    '',
    "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'configMigrator': Invocation of init method failed",
    '\tat org.springframework.beans.factory.annotation.InitDestroyAnnotationBeanPostProcessor.postProcessBeforeInitialization(InitDestroyAnnotationBeanPostProcessor.java:222)',
    '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)',
    '\tat com.acme.claims.ClaimsServiceApplication.main(ClaimsServiceApplication.java:12)',
    'Caused by: java.nio.file.FileSystemException: /opt/app/config/application.yml: Read-only file system',
    '\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:100)',
    '\tat java.base/sun.nio.fs.UnixException.rethrowAsIOException(UnixException.java:106)',
    '\tat java.base/sun.nio.fs.UnixFileSystemProvider.newByteChannel(UnixFileSystemProvider.java:261)',
    '\tat java.base/java.nio.file.Files.newBufferedWriter(Files.java:2958)',
    '\tat com.acme.claims.config.ConfigMigrator.writeBack(ConfigMigrator.java:57)',
    '\tat com.acme.claims.config.ConfigMigrator.migrate(ConfigMigrator.java:31)',
    '\t... 18 common frames omitted',
    '',
  ].join('\n');
  return {
    id: 'heldout3-writes-readonly-configmap-mount',
    class: 'config',
    truth: 'Revision 31 (claims-service 4.2.0, 24 minutes ago) added a ConfigMigrator that rewrites /opt/app/config/application.yml in place at startup; that directory is the ConfigMap claims-service-config mounted read-only, so the new pod exits 1 with "Read-only file system" and crash-loops; the three revision-30 pods still serve and the rollout is stuck. Fix: roll back to revision 30 or have the migrator write to an emptyDir.',
    ask: { service: 'claims-service' },
    objects: [
      ...nodes,
      ...app.objects,
      configMap({ namespace: ns, name: 'claims-service-config', createdAgo: 200 * DAYS, updatedAgo: 16 * DAYS, data: { 'application.yml': 'schema: 3\nclaims:\n  auto-approve-below: 250\n  fraud-score-threshold: 0.82\n' } }),
      ...exposed({ namespace: ns, name: 'claims-service', selector: { app: 'claims-service' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 31), 1, 0, 24),
      ...restartedAgain(bad, 'app', image, { count: 10, firstAgo: 23.8, lastAgo: 1.9 }),
      backOff(bad, 'app', { count: 98, firstAgo: 23.5 }),
    ],
    logs: [
      ...app.pods.slice(0, 3).map((p) => logsFor(p, 'app', { current: `${jTime(0.4)}  INFO 1 --- [nio-8080-exec-4] c.a.claims.api.ClaimsController          : GET /v1/claims/CLM-20931 200 41ms\n` })),
      logsFor(bad, 'app', { previous }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/read-only|readonly/i, /revision 31|4\.2\.0|application\.yml|\/opt\/app\/config|ConfigMap/i],
      facts: [/\/opt\/app\/config/, /revision 31|4\.2\.0/],
      never: [/\bOOM|out of memory/i, /image ?pull/i, /probe/i],
    },
  };
}

// ---- 3. a Go service OOM-killed only on the new 32-core pool -------------------------------------

function goOomOnlyOnBigNodes(): CorpusScenario {
  const ns = 'search';
  const small = [node({ name: nodeName('10.0.231.15'), zone: 'eu-west-1a' }), node({ name: nodeName('10.0.232.90'), zone: 'eu-west-1b' })];
  const big = [
    node({ name: nodeName('10.0.171.4'), zone: 'eu-west-1a', pool: 'compute-xl', instanceType: 'c6i.8xlarge', createdAgo: 20 * HOURS, allocatable: { cpu: '31750m', 'ephemeral-storage': '76224326324', memory: '63221728Ki', pods: '234' } }),
    node({ name: nodeName('10.0.172.88'), zone: 'eu-west-1b', pool: 'compute-xl', instanceType: 'c6i.8xlarge', createdAgo: 20 * HOURS, allocatable: { cpu: '31750m', 'ephemeral-storage': '76224326324', memory: '63221728Ki', pods: '234' } }),
  ];
  const tpl = {
    containers: [container({
      image: `${ECR}/search/query-router:3.8.1`,
      ports: [9000],
      cpu: '1',
      memory: '1Gi',
      env: [{ name: 'INDEX_SHARDS', value: 'search-shard-0.search:9200,search-shard-1.search:9200' }],
      readiness: httpProbe('/readyz', 9000),
      liveness: httpProbe('/livez', 9000, { initialDelaySeconds: 5 }),
    })],
  };
  const oom = (restarts: number, fin: number) => crashLoop({ exitCode: 137, reason: 'OOMKilled', finishedAgo: fin, ranSeconds: 260 }, restarts);
  const app = deploymentApp({
    namespace: ns,
    name: 'query-router',
    replicas: 4,
    revisions: [{ revision: 18, createdAgo: 18 * DAYS, changeCause: 'argocd: query-router 3.8.1', template: tpl }],
    pods: [
      { revision: 18, node: nameOf(small[0]), createdAgo: 18 * DAYS },
      { revision: 18, node: nameOf(small[1]), createdAgo: 18 * DAYS },
      { revision: 18, node: nameOf(big[0]), createdAgo: 19 * HOURS, containers: { app: oom(31, 1.2) } },
      { revision: 18, node: nameOf(big[1]), createdAgo: 19 * HOURS, containers: { app: running({ sinceAgo: 2.5, restarts: 29, last: { exitCode: 137, reason: 'OOMKilled', finishedAgo: 2.6, ranSeconds: 300 } }) } },
    ],
  });
  const start = (t: number, procs: number) =>
    `{"level":"info","ts":${epochMs(t) / 1000},"caller":"main.go:61","msg":"starting query-router","version":"3.8.1","go":"go1.23.3","gomaxprocs":${procs},"gomemlimit":"9223372036854775807","num_cpu":${procs}}\n`;
  const traffic = (t0: number, t1: number) =>
    every(t0, t1, 20, (t, i) => `{"level":"info","ts":${epochMs(t) / 1000},"caller":"server/http.go:142","msg":"request","path":"/v2/search","status":200,"took_ms":${18 + (i % 9)},"shards":2}\n`);
  return {
    id: 'heldout3-go-oom-only-on-32-core-nodes',
    class: 'capacity',
    truth: 'Since the compute-xl pool (c6i.8xlarge, 32 vCPU) joined 20 hours ago, the two query-router pods scheduled there are OOMKilled (exit 137) every few minutes at the 1Gi limit: the Go runtime sizes itself to the host (gomaxprocs 32, no GOMEMLIMIT), so its per-P caches and GC headroom outgrow 1Gi; the same revision 18 runs fine on the 4-vCPU general nodes. Fix: set GOMAXPROCS from the CPU limit (automaxprocs) and GOMEMLIMIT below the limit.',
    ask: { service: 'query-router' },
    objects: [
      ...small,
      ...big,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'query-router', selector: { app: 'query-router' }, pods: app.pods, endpointPort: 9000 }),
      ...restartedAgain(pod(app, 2), 'app', `${ECR}/search/query-router:3.8.1`, { count: 31, firstAgo: 19 * HOURS, lastAgo: 5.5 }),
      backOff(pod(app, 2), 'app', { count: 140, firstAgo: 17 * HOURS }),
      ...restartedAgain(pod(app, 3), 'app', `${ECR}/search/query-router:3.8.1`, { count: 29, firstAgo: 19 * HOURS, lastAgo: 2.5 }),
      probeFailed(pod(app, 3), 'app', 'Readiness', `Get "http://${ipOfPod(pod(app, 3))}:9000/readyz": dial tcp ${ipOfPod(pod(app, 3))}:9000: connect: connection refused`, { count: 33, firstAgo: 19 * HOURS, lastAgo: 2.5 }),
    ],
    logs: [
      logsFor(pod(app, 0), 'app', { current: start(18 * DAYS, 4) + traffic(3, 0) }),
      logsFor(pod(app, 1), 'app', { current: start(18 * DAYS, 4) + traffic(3, 0) }),
      logsFor(pod(app, 2), 'app', { previous: start(5.5, 32) + traffic(5.4, 1.25) }),
      logsFor(pod(app, 3), 'app', { current: start(2.5, 32) + traffic(2.4, 0), previous: start(7.6, 32) + traffic(7.5, 2.65) }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/OOM|out of memory|memory limit|\b137\b/i],
      facts: [/compute-xl|c6i\.8xlarge|ip-10-0-17[12]-/, /1Gi|1024Mi/],
      never: [BLAMES_ROLLOUT, /memory leak/i, /liveness/i],
    },
  };
}

// ---- 4. a log DaemonSet that skips newly tainted GPU nodes --------------------------------------

function daemonSetSkipsTaintedNodes(): CorpusScenario {
  const ns = 'logging';
  const { nodes, names } = threeNodes('10.0.241');
  const gpuTaint = [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }];
  const gpu = [
    node({ name: nodeName('10.0.181.30'), zone: 'eu-west-1a', pool: 'gpu-a10', instanceType: 'g5.2xlarge', createdAgo: 6 * HOURS, readySince: 6 * HOURS, taints: gpuTaint, labels: { 'nvidia.com/gpu.present': 'true' } }),
    node({ name: nodeName('10.0.182.71'), zone: 'eu-west-1b', pool: 'gpu-a10', instanceType: 'g5.2xlarge', createdAgo: 6 * HOURS, readySince: 6 * HOURS, taints: gpuTaint, labels: { 'nvidia.com/gpu.present': 'true' } }),
  ];
  const tpl = {
    containers: [container({
      name: 'fluent-bit',
      image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.9',
      ports: [{ name: 'http', containerPort: 2020 }],
      cpu: '100m',
      memory: '128Mi',
      readiness: httpProbe('/api/v1/health', 2020),
      liveness: httpProbe('/', 2020),
      volumeMounts: [{ name: 'varlog', mountPath: '/var/log' }],
    })],
    volumes: [{ name: 'varlog', hostPath: { path: '/var/log', type: '' } }],
    tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
    serviceAccountName: 'fluent-bit',
  };
  const ds = daemonSetApp({
    namespace: ns,
    name: 'fluent-bit',
    revisions: [{ revision: 7, createdAgo: 33 * DAYS, template: tpl }],
    pods: names.map((n) => ({ revision: 7, node: n, createdAgo: 33 * DAYS })),
  });
  const trainer = deploymentApp({
    namespace: 'ml',
    name: 'ranker-trainer',
    replicas: 2,
    revisions: [{ revision: 3, createdAgo: 5 * HOURS, template: { containers: [container({ image: `${ECR}/ml/ranker-trainer:0.9.2`, ports: [8888], cpu: '6', memory: '24Gi' })], tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }], nodeSelector: { 'eks.amazonaws.com/nodegroup': 'gpu-a10' } } }],
    pods: gpu.map((n) => ({ revision: 3, node: nameOf(n), createdAgo: 5 * HOURS })),
  });
  return {
    id: 'heldout3-daemonset-skips-tainted-gpu-nodes',
    class: 'scheduling',
    truth: 'The two gpu-a10 nodes added 6 hours ago carry the taint nvidia.com/gpu=present:NoSchedule and fluent-bit only tolerates the control-plane taint, so the DaemonSet does not place a pod on them (3 desired for 5 nodes) and nothing ships the logs of the ranker-trainer pods running there; the 3 fluent-bit pods that exist are healthy. Fix: add a toleration for nvidia.com/gpu (or operator Exists).',
    ask: { service: 'fluent-bit' },
    objects: [
      ...nodes,
      ...gpu,
      ...ds.objects,
      ...trainer.objects,
      ...exposed({ namespace: ns, name: 'fluent-bit', selector: { app: 'fluent-bit' }, pods: ds.pods, ports: [{ name: 'http', port: 2020, targetPort: 2020 }], endpointPort: 2020 }),
    ],
    logs: ds.pods.map((p) => logsFor(p, 'fluent-bit', { current: every(3, 0, 60, (t) => `[${at(t).replace('T', ' ').slice(0, 19)}] [ info] [output:loki:loki.0] loki-gateway.logging.svc:80, sent 1840 records\n`) })),
    expect: {
      verdict: 'problems',
      headline: [/nvidia\.com\/gpu|taint|tolerat|gpu-a10|ip-10-0-18[12]-/i],
      facts: [/nvidia\.com\/gpu/, /gpu-a10|ip-10-0-181-30|ip-10-0-182-71/],
      never: [/crash-?loop/i, /\bOOM|out of memory/i, /Insufficient/i],
    },
  };
}

// ---- 5. the EBS CSI node plugin does not run on a new tainted pool ----------------------------

function csiNodePluginMissingOnNewPool(): CorpusScenario {
  const ns = 'analytics';
  const { nodes, names } = threeNodes('10.0.251');
  const dedicated = [{ key: 'dedicated', value: 'clickhouse', effect: 'NoSchedule' }];
  const fresh = node({ name: nodeName('10.0.191.44'), zone: 'eu-west-1c', pool: 'storage-v2', instanceType: 'r6i.2xlarge', createdAgo: 3 * HOURS, readySince: 3 * HOURS, taints: dedicated, labels: { dedicated: 'clickhouse' } });
  const tpl = {
    containers: [container({ name: 'clickhouse', image: 'clickhouse/clickhouse-server:24.8.4.13', ports: [8123, { name: 'native', containerPort: 9000 }], cpu: '2', memory: '8Gi', volumeMounts: [{ name: 'data', mountPath: '/var/lib/clickhouse' }], readiness: httpProbe('/ping', 8123), liveness: httpProbe('/ping', 8123, { initialDelaySeconds: 30 }) })],
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'clickhouse', effect: 'NoSchedule' }],
  };
  const sts = statefulSetApp({
    namespace: ns,
    name: 'clickhouse',
    replicas: 3,
    podManagementPolicy: 'Parallel',
    revisions: [{ revision: 4, createdAgo: 50 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '500Gi', storageClass: 'gp3' }],
    pods: [
      { revision: 4, ordinal: 0, node: names[0] ?? '', createdAgo: 50 * DAYS },
      { revision: 4, ordinal: 1, node: names[1] ?? '', createdAgo: 50 * DAYS },
      { revision: 4, ordinal: 2, node: nameOf(fresh), createdAgo: 29, containers: { clickhouse: waiting('ContainerCreating') } },
    ],
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-clickhouse-${i}`, storage: '500Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 50 * DAYS }));
  const volume = claims[5]?.metadata?.name ?? '';
  const csiTpl = {
    containers: [
      container({ name: 'ebs-plugin', image: 'public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.35.0', ports: [{ name: 'healthz', containerPort: 9808 }], cpu: '10m', memory: '40Mi', memoryLimit: '256Mi', readiness: null, liveness: httpProbe('/healthz', 'healthz') }),
      container({ name: 'node-driver-registrar', image: 'public.ecr.aws/eks-distro/kubernetes-csi/node-driver-registrar:v2.11.1-eks-1-31-4', ports: [], cpu: '10m', memory: '40Mi', memoryLimit: '256Mi', readiness: null, liveness: null }),
    ],
    tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }],
    priorityClassName: 'system-node-critical',
    serviceAccountName: 'ebs-csi-node-sa',
  };
  const csi = daemonSetApp({
    namespace: 'kube-system',
    name: 'ebs-csi-node',
    revisions: [{ revision: 2, createdAgo: 90 * DAYS, template: csiTpl }],
    pods: names.map((n) => ({ revision: 2, node: n, createdAgo: 40 * DAYS })),
  });
  const p2 = pod(sts, 2);
  return {
    id: 'heldout3-csi-node-plugin-missing-on-new-pool',
    class: 'storage',
    truth: 'clickhouse-2 was moved 29 minutes ago to the new storage-v2 node ip-10-0-191-44, which carries the taint dedicated=clickhouse:NoSchedule; the ebs-csi-node DaemonSet does not tolerate it, so no EBS CSI node plugin runs there and the kubelet cannot mount the attached volume ("driver name ebs.csi.aws.com not found in the list of registered CSI drivers"): the pod is stuck ContainerCreating. Fix: let ebs-csi-node tolerate the taint (tolerateAllTaints).',
    ask: { service: 'clickhouse' },
    objects: [
      ...nodes,
      fresh,
      ...sts.objects,
      ...claims,
      ...csi.objects,
      ...exposed({ namespace: ns, name: 'clickhouse', selector: { app: 'clickhouse' }, pods: sts.pods, ports: [{ name: 'http', port: 8123, targetPort: 8123 }], endpointPort: 8123 }),
      event({ on: p2, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/clickhouse-2 to ${nameOf(fresh)}`, firstAgo: 29, lastAgo: 29, component: 'default-scheduler' }),
      event({ on: p2, type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${volume}" `, firstAgo: 28.6, lastAgo: 28.6, component: 'attachdetach-controller' }),
      event({ on: p2, reason: 'FailedMount', message: `MountVolume.MountDevice failed for volume "${volume}" : kubernetes.io/csi: attacher.MountDevice failed to create newCsiDriverClient: driver name ebs.csi.aws.com not found in the list of registered CSI drivers`, count: 22, firstAgo: 28.5, lastAgo: 0.9 }),
      event({ on: p2, reason: 'FailedMount', message: 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition', count: 13, firstAgo: 26.5, lastAgo: 0.5 }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/CSI|ebs\.csi|ebs-csi-node/i],
      facts: [/clickhouse-2/, /ip-10-0-191-44|storage-v2/, /not found in the list of registered CSI drivers/],
      never: [/Multi-Attach/i, /volume node affinity conflict|different zone|wrong zone/i, /\bOOM/],
    },
  };
}

// ---- 6. ndots:5 stalls external lookups; CoreDNS is fine -------------------------------------

function ndotsExternalLookupStalls(): CorpusScenario {
  const ns = 'payments';
  const { nodes, names } = threeNodes('10.0.131');
  const tpl = { containers: [container({ image: `${ECR}/payments/payout-service:1.44.0`, ports: [8000], cpu: '300m', memory: '512Mi', readiness: httpProbe('/health', 8000), liveness: httpProbe('/health', 8000, { initialDelaySeconds: 15 }) })] };
  const app = deploymentApp({
    namespace: ns,
    name: 'payout-service',
    replicas: 3,
    revisions: [{ revision: 52, createdAgo: 4 * DAYS, changeCause: 'argocd: payout-service 1.44.0', template: tpl }],
    pods: names.map((n) => ({ revision: 52, node: n, createdAgo: 4 * DAYS })),
  });
  const dns = coreDns([{ node: names[0] ?? '' }, { node: names[1] ?? '' }]);
  const payoutLog = (k: number): string =>
    every(20, 0, 40, (t, i) => {
      const lines = [`${pyTime(t)} INFO payouts.batch: transfer po_${7700 + i * 3 + k} to acct_1P${k}x${i} submitted in ${i % 2 === 0 ? '5.08' : '0.31'}s`];
      if (i % 3 === 1) {
        lines.push(
          `${pyTime(t - 0.02)} ERROR payouts.stripe: transfer po_${7701 + i * 3 + k} failed, will retry`,
          'Traceback (most recent call last):',
          '  File "/usr/local/lib/python3.12/site-packages/urllib3/connection.py", line 199, in _new_conn',
          '    sock = connection.create_connection(',
          'socket.gaierror: [Errno -3] Temporary failure in name resolution',
          '',
          'The above exception was the direct cause of the following exception:',
          '',
          `requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.stripe.com', port=443): Max retries exceeded with url: /v1/transfers (Caused by NameResolutionError("<urllib3.connection.HTTPSConnection object at 0x7f3a2c${(100 + i).toString(16)}d0>: Failed to resolve 'api.stripe.com' ([Errno -3] Temporary failure in name resolution)"))`,
        );
      }
      if (i % 5 === 2) lines.push(`${pyTime(t - 0.03)} WARNING payouts.batch: batch 2026-11-21T03 is ${(12 + i).toString()} minutes behind schedule (p99 upstream latency 5.1s)`);
      return lines.join('\n') + '\n';
    });
  const corednsLog = (): string =>
    every(3, 0, 15, (t, i) => {
      const client = ipOfPod(app.pods[i % 3]);
      return [
        `[INFO] ${client}:${40000 + i} - ${31000 + i} "AAAA IN api.stripe.com.payments.svc.cluster.local. udp 62 false 512" NXDOMAIN qr,aa,rd 155 0.000121s`,
        `[INFO] ${client}:${40000 + i} - ${31001 + i} "A IN api.stripe.com.payments.svc.cluster.local. udp 62 false 512" NXDOMAIN qr,aa,rd 155 0.000098s`,
        `[INFO] ${client}:${40010 + i} - ${31002 + i} "A IN api.stripe.com.svc.cluster.local. udp 53 false 512" NXDOMAIN qr,aa,rd 146 0.000087s`,
        `[INFO] ${client}:${40020 + i} - ${31003 + i} "A IN api.stripe.com.cluster.local. udp 49 false 512" NXDOMAIN qr,aa,rd 142 0.000079s`,
        `[INFO] ${client}:${40030 + i} - ${31004 + i} "A IN api.stripe.com.eu-west-1.compute.internal. udp 62 false 512" NXDOMAIN qr,rd,ra 62 0.00201s`,
        `[INFO] ${client}:${40040 + i} - ${31005 + i} "A IN api.stripe.com. udp 32 false 512" NOERROR qr,rd,ra 120 0.00174s`,
      ].join('\n') + '\n';
    });
  return {
    id: 'heldout3-ndots-external-lookup-stalls',
    class: 'network',
    truth: 'payout-service resolves api.stripe.com with the pod default ndots:5, so every lookup first walks four search domains (payments.svc.cluster.local, svc.cluster.local, cluster.local, eu-west-1.compute.internal) in parallel A/AAAA queries; under the 03:00 payout burst some of those UDP queries are dropped by the conntrack insert race and the resolver waits its 5 s timeout, so transfers stall 5 s or fail with "Temporary failure in name resolution". CoreDNS is healthy and nothing was deployed (revision 52 is 4 days old). Fix: dnsConfig ndots:1 (or a trailing dot) and single-request-reopen.',
    ask: { service: 'payout-service' },
    objects: [
      ...nodes,
      ...app.objects,
      ...dns.objects,
      ...exposed({ namespace: ns, name: 'payout-service', selector: { app: 'payout-service' }, pods: app.pods, endpointPort: 8000 }),
    ],
    logs: [
      ...app.pods.map((p, k) => logsFor(p, 'app', { current: payoutLog(k) })),
      ...dns.pods.map((p) => logsFor(p, 'coredns', { current: corednsLog() })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/DNS|name resolution|resolv|lookup/i, /api\.stripe\.com|ndots|external|search domain/i],
      facts: [/api\.stripe\.com/, /Temporary failure in name resolution/],
      never: [/CoreDNS[^\n]*(down|crash|unavailable|not ready|failing|OOM)/i, /\bOOM|out of memory/i, BLAMES_ROLLOUT, /NetworkPolicy/],
    },
  };
}

// ---- 7. an init container waiting for a deleted Kafka topic ----------------------------------

function initWaitsForDeletedTopic(): CorpusScenario {
  const ns = 'fulfillment';
  const { nodes, names } = threeNodes('10.0.141');
  const topic = 'fulfillment.shipments.v3';
  const tpl = (v: string) => ({
    initContainers: [batchContainer({
      name: 'wait-for-topic',
      image: 'confluentinc/cp-kafka:7.6.1',
      command: ['sh', '-c', `until kafka-topics --bootstrap-server kafka-bootstrap.kafka:9092 --describe --topic ${topic}; do echo "waiting for topic ${topic}"; sleep 5; done`],
      cpu: '50m',
      memory: '256Mi',
    })],
    containers: [container({ image: `${ECR}/fulfillment/shipment-projector:${v}`, ports: [8080], cpu: '250m', memory: '768Mi', env: [{ name: 'SHIPMENTS_TOPIC', value: topic }, { name: 'KAFKA_BOOTSTRAP', value: 'kafka-bootstrap.kafka:9092' }] })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'shipment-projector',
    replicas: 2,
    revisions: [
      { revision: 14, createdAgo: 6 * DAYS, changeCause: 'argocd: shipment-projector 3.2.0', template: tpl('3.2.0') },
      { revision: 15, createdAgo: 38, changeCause: 'argocd: shipment-projector 3.2.1', template: tpl('3.2.1') },
    ],
    pods: [
      { revision: 14, node: names[0] ?? '', createdAgo: 6 * DAYS },
      { revision: 14, node: names[1] ?? '', createdAgo: 6 * DAYS },
      { revision: 15, node: names[2] ?? '', createdAgo: 38, initContainers: { 'wait-for-topic': running({ sinceAgo: 37.8, ready: false }) }, containers: { app: waiting('PodInitializing') } },
    ],
  });
  const stuck = pod(app, 2);
  const initLog = every(37.5, 0, 30, (t) =>
    [
      `[${at(t).replace('T', ' ').replace('Z', '').replace('.', ',')}] WARN [AdminClient clientId=adminclient-1] The DescribeTopicPartitions API is not supported, using Metadata API to describe topics. (org.apache.kafka.clients.admin.KafkaAdminClient)`,
      `Error while executing topic command : Topic '${topic}' does not exist as expected`,
      `[${at(t - 0.01).replace('T', ' ').replace('Z', '').replace('.', ',')}] ERROR java.lang.IllegalArgumentException: Topic '${topic}' does not exist as expected`,
      '\tat kafka.admin.TopicCommand$.kafka$admin$TopicCommand$$ensureTopicExists(TopicCommand.scala:401)',
      '\tat kafka.admin.TopicCommand$TopicService.describeTopic(TopicCommand.scala:317)',
      ' (kafka.admin.TopicCommand$)',
      `waiting for topic ${topic}`,
    ].join('\n') + '\n');
  const oldLog = every(10, 0, 60, (t, i) => `${jTime(t)}  WARN 1 --- [projector-0-C-1] o.a.k.c.consumer.internals.Fetcher     : [Consumer clientId=shipment-projector-0, groupId=shipment-projector] Received unknown topic or partition error in fetch for partition ${topic}-${i % 6}\n`);
  return {
    id: 'heldout3-init-waits-for-deleted-kafka-topic',
    class: 'config',
    truth: `The Kafka topic ${topic} was deleted about 45 minutes ago (a Terraform cleanup of "unused" topics); the wait-for-topic init container of the revision-15 pod loops on "does not exist as expected", so the pod has been Init:0/1 for 38 minutes and the rollout is stuck, while the revision-14 pods run but consume nothing (UNKNOWN_TOPIC_OR_PARTITION). Revision 15 is not the cause; recreate the topic.`,
    ask: { service: 'shipment-projector' },
    objects: [
      ...nodes,
      ...app.objects,
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 15), 1, 0, 38),
      event({ on: stuck, type: 'Normal', reason: 'Started', message: 'Started container wait-for-topic', firstAgo: 37.8, lastAgo: 37.8, fieldPath: 'spec.initContainers{wait-for-topic}' }),
    ],
    logs: [
      logsFor(stuck, 'wait-for-topic', { current: initLog }),
      ...app.pods.slice(0, 2).map((p) => logsFor(p, 'app', { current: oldLog })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/fulfillment\.shipments\.v3|topic/i],
      facts: [/wait-for-topic/, /does not exist|unknown topic/i],
      never: [BLAMES_ROLLOUT, /crash-?loop/i, /image ?pull/i, /\bOOM/],
    },
  };
}

// ---- 8. an exec liveness probe whose shell is gone from the new distroless image --------------

function execProbeMissingShellDistroless(): CorpusScenario {
  const ns = 'identity';
  const { nodes, names } = threeNodes('10.0.151');
  const tpl = (v: string) => ({
    containers: [container({
      image: `${ECR}/identity/token-service:${v}`,
      ports: [8080],
      cpu: '500m',
      memory: '1Gi',
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: execProbe(['/bin/sh', '-c', 'wget -qO- http://127.0.0.1:8080/actuator/health/liveness'], { initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5 }),
    })],
  });
  const app = deploymentApp({
    namespace: ns,
    name: 'token-service',
    replicas: 3,
    revisions: [
      { revision: 22, createdAgo: 20 * DAYS, changeCause: 'argocd: token-service 4.9.2', template: tpl('4.9.2') },
      { revision: 23, createdAgo: 34, changeCause: 'argocd: token-service 5.0.0 (distroless base image)', template: tpl('5.0.0') },
    ],
    pods: [
      { revision: 23, node: names[0] ?? '', createdAgo: 34, containers: { app: running({ sinceAgo: 0.7, restarts: 7, last: { exitCode: 143, finishedAgo: 0.75, ranSeconds: 62 } }) } },
      { revision: 23, node: names[1] ?? '', createdAgo: 33, containers: { app: crashLoop({ exitCode: 143, finishedAgo: 1.5, ranSeconds: 61 }, 7) } },
      { revision: 23, node: names[2] ?? '', createdAgo: 32, containers: { app: running({ sinceAgo: 0.3, ready: false, restarts: 6, last: { exitCode: 143, finishedAgo: 0.35, ranSeconds: 63 } }) } },
    ],
    settled: { available: true, availableSince: 31, progressingSince: 31 },
  });
  const image = `${ECR}/identity/token-service:5.0.0`;
  const errored = (p: k8s.V1Pod, k: number) => event({
    on: p,
    reason: 'Unhealthy',
    message: `Liveness probe errored: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "${(k + 7).toString(16)}c1f0a9e4b7d2${k}83f6a1": OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown`,
    count: 21 - k,
    firstAgo: 33 - k,
    lastAgo: 0.5 + k * 0.2,
    fieldPath: 'spec.containers{app}',
  });
  const run = (t: number) => [
    `${jTime(t)}  INFO 1 --- [           main] c.a.identity.TokenServiceApplication     : Started TokenServiceApplication in 6.912 seconds (process running for 7.48)`,
    `${jTime(t - 0.2)}  INFO 1 --- [nio-8080-exec-1] c.a.identity.api.TokenController         : POST /oauth2/token client=web-checkout grant=client_credentials 200 14ms`,
    `${jTime(t - 0.6)}  INFO 1 --- [nio-8080-exec-3] c.a.identity.api.TokenController         : POST /oauth2/token client=mobile-bff grant=refresh_token 200 22ms`,
    `${jTime(t - 0.9)}  INFO 1 --- [ionShutdownHook] o.s.b.w.e.tomcat.GracefulShutdown        : Commencing graceful shutdown. Waiting for active requests to complete`,
    `${jTime(t - 0.91)}  INFO 1 --- [tomcat-shutdown] o.s.b.w.e.tomcat.GracefulShutdown        : Graceful shutdown complete`,
  ].join('\n') + '\n';
  return {
    id: 'heldout3-exec-liveness-no-shell-distroless',
    class: 'probes',
    truth: 'Revision 23 (token-service 5.0.0, 34 minutes ago) moved to a distroless base image with no /bin/sh, but the liveness probe is still exec ["/bin/sh","-c","wget …"]; every probe errors ("exec: \\"/bin/sh\\": stat /bin/sh: no such file or directory"), so the kubelet kills each container about a minute after it starts (exit 143, SIGTERM) and all three pods restart in a loop while the app itself is healthy. Fix: an httpGet liveness probe (or roll back to revision 22).',
    ask: { service: 'token-service' },
    objects: [
      ...nodes,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'token-service', selector: { app: 'token-service' }, pods: app.pods }),
      ...app.pods.map((p, k) => errored(p, k)),
      ...app.pods.map((p, k) => probeKilling(p, 'app', 'liveness', { count: 7 - (k === 2 ? 1 : 0), firstAgo: 32 - k, lastAgo: 0.8 + k * 0.3 })),
      ...app.pods.flatMap((p) => restartedAgain(p, 'app', image, { count: 7, firstAgo: 33, lastAgo: 0.7 })),
      backOff(pod(app, 1), 'app', { count: 9, firstAgo: 20 }),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { previous: run(1.8 + k * 0.2), current: `${jTime(0.3)}  INFO 1 --- [           main] c.a.identity.TokenServiceApplication     : Started TokenServiceApplication in 6.871 seconds (process running for 7.40)\n` })),
    expect: {
      verdict: 'problems',
      headline: [/\/bin\/sh|no such file|distroless|exec/i, /liveness/i],
      facts: [/revision 23|5\.0\.0/, /143|SIGTERM/],
      never: [/\bOOM|out of memory/i, /image ?pull/i],
    },
  };
}

// ---- 9. a node whose clock is behind: JWTs "used before issued" ------------------------------

function nodeClockBehindJwtUsedBeforeIssued(): CorpusScenario {
  const ns = 'gateway';
  const { nodes, names } = threeNodes('10.0.161');
  const skewed = node({ name: nodeName('10.0.201.9'), zone: 'eu-west-1a', pool: 'general-al2023-v2', createdAgo: 3 * HOURS, readySince: 3 * HOURS });
  const tpl = { containers: [container({ image: `${ECR}/gateway/edge-auth:2.7.0`, ports: [8443], cpu: '250m', memory: '256Mi', env: [{ name: 'JWT_ISSUER', value: 'https://auth.acme.io' }, { name: 'JWKS_URL', value: 'https://auth.acme.io/.well-known/jwks.json' }], readiness: httpProbe('/readyz', 8443), liveness: httpProbe('/livez', 8443, { initialDelaySeconds: 5 }) })] };
  const app = deploymentApp({
    namespace: ns,
    name: 'edge-auth',
    replicas: 4,
    revisions: [{ revision: 61, createdAgo: 8 * DAYS, changeCause: 'argocd: edge-auth 2.7.0', template: tpl }],
    pods: [
      { revision: 61, node: names[0] ?? '', createdAgo: 8 * DAYS },
      { revision: 61, node: names[1] ?? '', createdAgo: 8 * DAYS },
      { revision: 61, node: names[2] ?? '', createdAgo: 8 * DAYS },
      { revision: 61, node: nameOf(skewed), createdAgo: 2.8 * HOURS },
    ],
  });
  // The skewed node's clock is 94 s behind: its pod's own timestamps lag the others'.
  const ts = (t: number, skew: number) => ago(t + skew / 60).toISOString();
  const okLog = (k: number) => every(5, 0, 15, (t, i) => `{"level":"info","ts":"${ts(t, 0)}","caller":"authz/middleware.go:88","msg":"authorized","sub":"svc-${['checkout', 'orders', 'mobile-bff'][(i + k) % 3] ?? 'checkout'}","path":"/v1/orders","status":200,"latency_ms":${2 + (i % 4)}}\n`);
  const skewLog = every(5, 0, 10, (t, i) =>
    `{"level":"warn","ts":"${ts(t, 94)}","caller":"authz/middleware.go:71","msg":"rejecting request","error":"token has invalid claims: token used before issued","iss":"https://auth.acme.io","sub":"svc-${['checkout', 'orders', 'mobile-bff'][i % 3] ?? 'checkout'}","path":"/v1/orders","status":401}\n` +
    (i % 4 === 0 ? `{"level":"info","ts":"${ts(t - 0.05, 94)}","caller":"authz/middleware.go:88","msg":"authorized","sub":"svc-reporting","path":"/v1/reports","status":200,"latency_ms":3}\n` : ''));
  return {
    id: 'heldout3-node-clock-behind-jwt-used-before-issued',
    class: 'nodes',
    truth: 'The node ip-10-0-201-9, from the new general-al2023-v2 AMI 3 hours ago, has no working time sync and its clock is about 94 s behind; the edge-auth pod scheduled on it rejects freshly issued JWTs with "token used before issued" (their iat is in its future) and answers 401 to about a quarter of requests. The other three pods, the revision (61, 8 days old) and the issuer are fine. Fix: fix chrony on the new AMI and cordon/drain the node.',
    ask: { service: 'edge-auth' },
    objects: [
      ...nodes,
      skewed,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'edge-auth', selector: { app: 'edge-auth' }, pods: app.pods, ports: [{ name: 'https', port: 443, targetPort: 8443 }], endpointPort: 8443 }),
    ],
    logs: [
      ...app.pods.slice(0, 3).map((p, k) => logsFor(p, 'app', { current: okLog(k) })),
      logsFor(pod(app, 3), 'app', { current: skewLog }),
    ],
    expect: {
      verdict: 'problems',
      headline: [/clock|skew|NTP|chrony|time sync|used before issued|\biat\b/i],
      facts: [/ip-10-0-201-9/, /token used before issued/],
      never: [/\bexpired\b/i, /JWKS|signing key|key rotation/i, BLAMES_ROLLOUT, /\bOOM/],
    },
  };
}

// ---- 10. too many open files under a traffic spike ------------------------------------------

function tooManyOpenFilesAfterSpike(): CorpusScenario {
  const ns = 'media';
  const { nodes, names } = threeNodes('10.0.171');
  const tpl = { containers: [container({ image: `${ECR}/media/thumbnailer:9.3.2`, command: ['node', 'dist/server.js'], ports: [3000], cpu: '1', memory: '1Gi', readiness: httpProbe('/healthz', 3000), liveness: httpProbe('/healthz', 3000, { initialDelaySeconds: 10, timeoutSeconds: 2 }) })] };
  const app = deploymentApp({
    namespace: ns,
    name: 'thumbnailer',
    replicas: 3,
    revisions: [{ revision: 9, createdAgo: 11 * DAYS, changeCause: 'argocd: thumbnailer 9.3.2', template: tpl }],
    pods: [
      { revision: 9, node: names[0] ?? '', createdAgo: 11 * DAYS, containers: { app: running({ sinceAgo: 3.1, restarts: 3, last: { exitCode: 143, finishedAgo: 3.2, ranSeconds: 420 } }) } },
      { revision: 9, node: names[1] ?? '', createdAgo: 11 * DAYS, containers: { app: running({ sinceAgo: 6.4, ready: false, restarts: 2, last: { exitCode: 143, finishedAgo: 6.5, ranSeconds: 610 } }) } },
      { revision: 9, node: names[2] ?? '', createdAgo: 11 * DAYS, containers: { app: running({ sinceAgo: 1.2, restarts: 4, last: { exitCode: 143, finishedAgo: 1.3, ranSeconds: 380 } }) } },
    ],
  });
  const host = (p: k8s.V1Pod) => nameOf(p);
  const log = (p: k8s.V1Pod, from: number, to: number) =>
    every(from, to, 6, (t, i) => {
      const base = `"time":${epochMs(t)},"pid":1,"hostname":"${host(p)}"`;
      if (i % 4 === 0) return `{"level":30,${base},"msg":"load","rps":${380 + (i % 7) * 11},"open_fds":${990 + (i % 30)},"event_loop_lag_ms":${400 + i * 13}}\n`;
      if (i % 4 === 1) return `{"level":50,${base},"err":{"type":"Error","message":"EMFILE: too many open files, open '/tmp/thumbs/${(0x3f1a + i).toString(16)}.webp'","stack":"Error: EMFILE: too many open files, open '/tmp/thumbs/${(0x3f1a + i).toString(16)}.webp'","errno":-24,"code":"EMFILE","syscall":"open"},"msg":"render failed"}\n`;
      if (i % 4 === 2) return `{"level":50,${base},"err":{"type":"Error","message":"connect EMFILE 52.218.${40 + (i % 60)}.17:443 - Local (undefined:undefined)","errno":-24,"code":"EMFILE","syscall":"connect"},"msg":"fetch original from s3 failed","bucket":"acme-media-originals"}\n`;
      return `{"level":30,${base},"req":{"method":"GET","url":"/t/640x640/${88120 + i}.jpg"},"res":{"statusCode":200},"responseTime":${900 + i * 7},"msg":"request completed"}\n`;
    });
  return {
    id: 'heldout3-too-many-open-files-after-spike',
    class: 'capacity',
    truth: 'A marketing campaign tripled thumbnailer traffic from about 02:50; each request opens an S3 connection with a fresh https.Agent (no keep-alive pooling) plus a temp file, so each pod hits the 1024 open-file soft limit and fails with EMFILE, including accepting the kubelet\'s /healthz probe, which then times out and the kubelet restarts the containers (exit 143). No rollout (revision 9 is 11 days old), no memory problem. Fix: reuse a keep-alive agent and raise nofile; scale out meanwhile.',
    ask: { service: 'thumbnailer' },
    objects: [
      ...nodes,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'thumbnailer', selector: { app: 'thumbnailer' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Liveness', `Get "http://${ipOfPod(p)}:3000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 9 + k * 3, firstAgo: 22, lastAgo: 1.5 + k })),
      ...app.pods.map((p, k) => probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:3000/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, { count: 14 + k * 2, firstAgo: 22, lastAgo: 0.6 + k })),
      ...app.pods.map((p, k) => probeKilling(p, 'app', 'liveness', { count: [3, 2, 4][k] ?? 2, firstAgo: 20, lastAgo: [3.2, 6.5, 1.3][k] ?? 2 })),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(p, [3, 6.3, 1.1][k] ?? 2, 0), previous: log(p, 10, [3.25, 6.55, 1.35][k] ?? 2) })),
    expect: {
      verdict: 'problems',
      headline: [/EMFILE|too many open files|file descriptor|open files/i],
      facts: [/liveness/i, /EMFILE|too many open files/],
      never: [/\bOOM|out of memory/i, BLAMES_ROLLOUT, /image ?pull/i],
    },
  };
}

// ---- 11. the AWS LB readiness gate fails on a moved health-check path -----------------------

function lbReadinessGateHealthCheck404(): CorpusScenario {
  const ns = 'web';
  const { nodes, names } = threeNodes('10.0.181');
  const gate = 'target-health.elbv2.k8s.aws/k8s-web-storefro-3f1c2a9e77';
  const tpl = (v: string, health: string) => ({ containers: [container({ image: `${ECR}/web/storefront:${v}`, ports: [3000], cpu: '500m', memory: '768Mi', readiness: httpProbe(health, 3000), liveness: httpProbe(health, 3000, { initialDelaySeconds: 15 }) })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'storefront',
    replicas: 4,
    revisions: [
      { revision: 56, createdAgo: 5 * DAYS, changeCause: 'argocd: storefront 12.4.0', template: tpl('12.4.0', '/healthz') },
      { revision: 57, createdAgo: 22, changeCause: 'argocd: storefront 12.5.0', template: tpl('12.5.0', '/-/healthz') },
    ],
    pods: [
      { revision: 56, node: names[0] ?? '', createdAgo: 5 * DAYS },
      { revision: 56, node: names[1] ?? '', createdAgo: 5 * DAYS },
      { revision: 56, node: names[2] ?? '', createdAgo: 5 * DAYS },
      { revision: 57, node: names[0] ?? '', createdAgo: 22, ready: false },
      { revision: 57, node: names[2] ?? '', createdAgo: 22, ready: false },
    ],
  });
  // The AWS Load Balancer Controller injects the readiness gate at admission and writes its condition.
  app.pods.forEach((p, k) => {
    const healthy = k < 3;
    if (p.spec !== undefined) p.spec.readinessGates = [{ conditionType: gate }];
    const conds = p.status?.conditions ?? [];
    conds.push(healthy
      ? { type: gate, status: 'True', reason: 'Target.Healthy', message: '', lastTransitionTime: ago(5 * DAYS - 1) }
      : { type: gate, status: 'False', reason: 'Target.ResponseCodeMismatch', message: 'Health checks failed with these codes: [404]', lastTransitionTime: ago(21) });
    if (!healthy) {
      for (const c of conds) {
        if (c.type === 'Ready') Object.assign(c, { reason: 'ReadinessGatesNotReady', message: `the status of pod readiness gate "${gate}" is not "True", but False` });
        if (c.type === 'ContainersReady') { c.status = 'True'; delete c.reason; delete c.message; }
      }
    }
  });
  const access = (p: k8s.V1Pod, newRev: boolean) =>
    every(4, 0, 15, (t, i) => {
      const hc = `${10 + (i % 3)}.0.${180 + (i % 3)}.${12 + i % 40} - - [${clfTime(t)}] "GET /healthz HTTP/1.1" ${newRev ? 404 : 200} ${newRev ? 22 : 2} "-" "ELB-HealthChecker/2.0"`;
      const probe = `${ipOfPod(p).replace(/\.\d+$/, '.1')} - - [${clfTime(t - 0.01)}] "GET ${newRev ? '/-/healthz' : '/healthz'} HTTP/1.1" 200 2 "-" "kube-probe/1.31"`;
      return `${hc}\n${probe}\n`;
    });
  return {
    id: 'heldout3-lb-readiness-gate-healthcheck-404',
    class: 'rollout',
    truth: 'Revision 57 (storefront 12.5.0, 22 minutes ago) moved the health endpoint from /healthz to /-/healthz and updated the kube probes, but not the ALB target group health-check path (still /healthz); the ALB gets 404, so the AWS Load Balancer Controller keeps the pods\' readiness gate target-health.elbv2.k8s.aws/… False (Target.ResponseCodeMismatch, codes [404]), the two new pods never become Ready and the rollout is stuck; revision 56 still serves. Fix: update the healthcheck-path annotation (or keep /healthz).',
    ask: { service: 'storefront' },
    objects: [
      ...nodes,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'storefront', selector: { app: 'storefront' }, pods: app.pods, ports: [{ name: 'http', port: 80, targetPort: 3000 }], endpointPort: 3000 }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 57), 2, 0, 22),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 56), 3, 4, 22),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: access(p, k >= 3) })),
    expect: {
      verdict: 'problems',
      headline: [/readiness gate|target-health|elbv2|health.?check|404|ResponseCodeMismatch|load balancer|ALB|target group/i],
      facts: [/revision 57|12\.5\.0/, /404/, /\/healthz/],
      never: [/\bOOM|out of memory/i, /crash-?loop/i, /readiness probe fail/i],
    },
  };
}

// ---- 12. an HPA target written in the wrong unit scales a consumer into the DB's limit -------

function hpaTargetWrongUnitExhaustsDb(): CorpusScenario {
  const ns = 'orders';
  const { nodes, names } = threeNodes('10.0.111');
  const tpl = {
    containers: [container({
      image: `${ECR}/orders/order-events-consumer:6.3.0`,
      ports: [8080],
      cpu: '250m',
      memory: '768Mi',
      env: [
        { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://orders-db.cluster-c7tq2l9xw1mn.eu-west-1.rds.amazonaws.com:5432/orders' },
        { name: 'SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE', value: '20' },
      ],
      readiness: httpProbe('/actuator/health/readiness', 8080),
      liveness: httpProbe('/actuator/health/liveness', 8080, { initialDelaySeconds: 60 }),
    })],
  };
  const fatal = (k: number) => crashLoop({ exitCode: 1, finishedAgo: 1 + k * 0.7, ranSeconds: 14 }, 8 - (k % 2));
  const app = deploymentApp({
    namespace: ns,
    name: 'order-events-consumer',
    replicas: 12,
    revisions: [{ revision: 20, createdAgo: 9 * DAYS, changeCause: 'argocd: order-events-consumer 6.3.0', template: tpl }],
    pods: Array.from({ length: 12 }, (_, i) => ({
      revision: 20,
      node: names[i % 3] ?? '',
      createdAgo: i < 4 ? 9 * DAYS : 26,
      ...(i >= 8 ? { containers: { app: fatal(i - 8) } } : {}),
    })),
    settled: { available: true, availableSince: 9 * DAYS, progressingSince: 9 * DAYS },
  });
  const selector = 'consumergroup: order-events-consumer,topic: order-events,';
  const metric = `external metric kafka_consumergroup_lag(&LabelSelector{MatchLabels:map[string]string{${selector}},MatchExpressions:[]LabelSelectorRequirement{},})`;
  const autoscaler: KubeJson & Record<string, unknown> = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      name: 'order-events-consumer',
      namespace: ns,
      uid: uidOf(`hpa/${ns}/order-events-consumer`),
      creationTimestamp: ago(200 * DAYS),
      managedFields: [
        { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'autoscaling/v2', time: ago(200 * DAYS), fieldsType: 'FieldsV1', fieldsV1: {} },
        { manager: 'kubectl-edit', operation: 'Update', apiVersion: 'autoscaling/v2', time: ago(27), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:metrics': {} } } },
      ],
    },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'order-events-consumer' },
      minReplicas: 4,
      maxReplicas: 12,
      metrics: [{ type: 'External', external: { metric: { name: 'kafka_consumergroup_lag', selector: { matchLabels: { consumergroup: 'order-events-consumer', topic: 'order-events' } } }, target: { type: 'AverageValue', averageValue: '500m' } } }],
    },
    status: {
      currentReplicas: 12,
      desiredReplicas: 12,
      lastScaleTime: ago(26),
      currentMetrics: [{ type: 'External', external: { metric: { name: 'kafka_consumergroup_lag', selector: { matchLabels: { consumergroup: 'order-events-consumer', topic: 'order-events' } } }, current: { averageValue: '38' } } }],
      conditions: [
        { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: ago(21) },
        { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: `the HPA was able to successfully calculate a replica count from ${metric}`, lastTransitionTime: ago(200 * DAYS) },
        { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count', lastTransitionTime: ago(26) },
      ],
    },
  };
  const image = `${ECR}/orders/order-events-consumer:6.3.0`;
  const previous = [
    `${jTime(1.3)}  INFO 1 --- [           main] c.a.o.OrderEventsConsumerApplication     : Starting OrderEventsConsumerApplication v6.3.0 using Java 21.0.5 with PID 1`,
    `${jTime(1.25)}  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : orders-pool - Starting...`,
    `${jTime(1.24)} ERROR 1 --- [           main] com.zaxxer.hikari.pool.HikariPool        : orders-pool - Exception during pool initialization.`,
    '',
    'org.postgresql.util.PSQLException: FATAL: sorry, too many clients already',
    '\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)',
    '\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:656)',
    '\tat com.zaxxer.hikari.pool.HikariPool.checkFailFast(HikariPool.java:576)',
    `${jTime(1.23)}  WARN 1 --- [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory': com.zaxxer.hikari.pool.HikariPool$PoolInitializationException: Failed to initialize pool: FATAL: sorry, too many clients already`,
    `${jTime(1.22)} ERROR 1 --- [           main] o.s.boot.SpringApplication               : Application run failed`,
    '',
  ].join('\n');
  const crashing = app.pods.slice(8);
  return {
    id: 'heldout3-hpa-target-wrong-unit-exhausts-db',
    class: 'capacity',
    truth: 'Someone edited the order-events-consumer HPA 27 minutes ago to target kafka_consumergroup_lag averageValue "500m" (0.5 messages per pod; meant 500), so any lag drives it to its maximum: it scaled 4 → 12 (ScalingLimited TooManyReplicas) and 12 pods × a Hikari pool of 20 exceed the orders-db max_connections, so the 4 newest pods crash-loop with "FATAL: sorry, too many clients already". The app and revision 20 (9 days) are fine. Fix the HPA target (500), not the database.',
    ask: { service: 'order-events-consumer' },
    objects: [
      ...nodes,
      ...app.objects,
      autoscaler,
      ...exposed({ namespace: ns, name: 'order-events-consumer', selector: { app: 'order-events-consumer' }, pods: app.pods }),
      event({ on: { kind: 'HorizontalPodAutoscaler', name: 'order-events-consumer', namespace: ns }, type: 'Normal', reason: 'SuccessfulRescale', message: `New size: 12; reason: ${metric} above target`, firstAgo: 26, lastAgo: 26, component: 'horizontal-pod-autoscaler' }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 20), 12, 4, 26),
      ...crashing.flatMap((p, k) => [...restartedAgain(p, 'app', image, { count: 8 - (k % 2), firstAgo: 25.5, lastAgo: 1.2 + k * 0.7 }), backOff(p, 'app', { count: 90 + k, firstAgo: 24 })]),
    ],
    logs: [
      ...crashing.map((p) => logsFor(p, 'app', { previous })),
      ...app.pods.slice(0, 8).map((p, k) => logsFor(p, 'app', { current: `${jTime(0.5)}  INFO 1 --- [consumer-0-C-1] c.a.o.events.OrderEventsListener         : processed batch of ${k < 4 ? 50 : 0} records from order-events (partitions ${k < 6 ? `[${k}]` : '[]'})\n` })),
    ],
    expect: {
      verdict: 'problems',
      headline: [/HPA|HorizontalPodAutoscaler|autoscal|500m|scaled (up )?(from 4 )?to 12/i],
      facts: [/500m/, /too many clients/],
      never: [BLAMES_ROLLOUT, /\bOOM|out of memory/i, /image ?pull/i],
    },
  };
}

// ---- 13. healthy control: Redis with its famous boot warnings ---------------------------------

function healthyRedisBootWarnings(): CorpusScenario {
  const ns = 'web';
  const { nodes, names } = threeNodes('10.0.191');
  const tpl = { containers: [container({ name: 'redis', image: 'redis:7.2.5-alpine', args: ['redis-server', '/etc/redis/redis.conf'], ports: [{ name: 'redis', containerPort: 6379 }], cpu: '250m', memory: '2Gi', readiness: execProbe(['redis-cli', 'ping']), liveness: tcpProbe(6379, { initialDelaySeconds: 15 }), volumeMounts: [{ name: 'data', mountPath: '/data' }] })] };
  const sts = statefulSetApp({
    namespace: ns,
    name: 'session-cache',
    replicas: 3,
    revisions: [{ revision: 6, createdAgo: 70 * DAYS, template: tpl }],
    volumeClaimTemplates: [{ name: 'data', storage: '20Gi' }],
    pods: [
      { revision: 6, ordinal: 0, node: names[0] ?? '', createdAgo: 70 * DAYS, containers: { redis: running({ sinceAgo: 9 * DAYS, restarts: 1, last: { exitCode: 0, reason: 'Completed', finishedAgo: 9 * DAYS, ranSeconds: 60 * 86400 } }) } },
      { revision: 6, ordinal: 1, node: names[1] ?? '', createdAgo: 70 * DAYS },
      { revision: 6, ordinal: 2, node: names[2] ?? '', createdAgo: 70 * DAYS },
    ],
  });
  const claims = [0, 1, 2].flatMap((i) => boundClaim({ namespace: ns, name: `data-session-cache-${i}`, storage: '20Gi', zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i] ?? 'eu-west-1a', createdAgo: 70 * DAYS }));
  const rTime = (t: number) => { const d = ago(t); return `${d.getUTCDate()} Nov ${d.toISOString().slice(0, 4)} ${d.toISOString().slice(11, 23)}`; };
  const redisLog = (k: number) => [
    `1:C ${rTime(9 * DAYS)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
    `1:M ${rTime(9 * DAYS)} # WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.`,
    `1:M ${rTime(9 * DAYS)} * Server initialized`,
    ...Array.from({ length: 4 }, (_, i) => [
      `1:M ${rTime(40 - i * 10)} * 10000 changes in 60 seconds. Saving...`,
      `1:M ${rTime(40 - i * 10)} * Background saving started by pid ${2311 + i * 17 + k}`,
      `${2311 + i * 17 + k}:C ${rTime(39.9 - i * 10)} * DB saved on disk`,
      `${2311 + i * 17 + k}:C ${rTime(39.9 - i * 10)} * Fork CoW for RDB: current 3 MB, peak 3 MB, average 2 MB`,
      `1:M ${rTime(39.8 - i * 10)} * Background saving terminated with success`,
    ].join('\n')),
  ].join('\n') + '\n';
  return {
    id: 'heldout3-healthy-redis-boot-warnings',
    class: 'healthy',
    truth: 'Nothing is wrong: the three session-cache Redis pods are Ready and saving snapshots; the "Memory overcommit must be enabled" and "TCP backlog … somaxconn" warnings are printed at every Redis boot on default kernels, and the one restart is session-cache-0\'s node replacement 9 days ago (exit 0).',
    ask: { service: 'session-cache' },
    objects: [
      ...nodes,
      ...sts.objects,
      ...claims,
      ...exposed({ namespace: ns, name: 'session-cache', selector: { app: 'session-cache' }, pods: sts.pods, ports: [{ name: 'redis', port: 6379, targetPort: 6379 }], endpointPort: 6379, headless: true }),
    ],
    logs: sts.pods.map((p, k) => logsFor(p, 'redis', { current: redisLog(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/session-cache/i],
      facts: [/3\/3|3 of 3|all 3|three/i],
      never: [/overcommit/i, /backlog|somaxconn/i, /crash|\bOOM/i],
    },
  };
}

// ---- 14. healthy control: a finished rollout, its startup blips and handled errors --------------

function healthyAfterRolloutWithNoise(): CorpusScenario {
  const ns = 'shop';
  const { nodes, names } = threeNodes('10.0.121');
  const tpl = (v: string) => ({ containers: [container({ image: `${ECR}/shop/checkout-api:${v}`, ports: [8080], cpu: '500m', memory: '768Mi' })] });
  const app = deploymentApp({
    namespace: ns,
    name: 'checkout-api',
    replicas: 3,
    revisions: [
      { revision: 87, createdAgo: 6 * DAYS, changeCause: 'argocd: checkout-api 5.31.0', template: tpl('5.31.0') },
      { revision: 88, createdAgo: 50, changeCause: 'argocd: checkout-api 5.32.0', template: tpl('5.32.0') },
    ],
    pods: names.map((n, k) => ({ revision: 88, node: n, createdAgo: 50 - k })),
  });
  const image = `${ECR}/shop/checkout-api:5.32.0`;
  const log = (k: number) => every(6, 0, 20, (t, i) => {
    const base = `"time":${epochMs(t)},"pid":1,"hostname":"${nameOf(app.pods[k])}"`;
    if (i % 6 === 0) return `{"level":50,${base},"order":"ord_${55100 + i}","provider":"adyen","code":"card_declined","msg":"payment declined"}\n`;
    if (i % 6 === 3) return `{"level":40,${base},"msg":"client aborted request","url":"/v1/cart","statusCode":499}\n`;
    return `{"level":30,${base},"req":{"method":"POST","url":"/v1/checkout"},"res":{"statusCode":201},"responseTime":${80 + i % 20},"msg":"request completed"}\n`;
  });
  return {
    id: 'heldout3-healthy-after-rollout-with-noise',
    class: 'healthy',
    truth: 'Nothing is wrong: revision 88 rolled out 50 minutes ago and completed; each new pod failed its readiness probe twice while starting (normal), the old ReplicaSet was scaled down, and the "payment declined" errors and 499s in the logs are ordinary business outcomes and client aborts at the usual rate.',
    ask: { service: 'checkout-api' },
    objects: [
      ...nodes,
      ...app.objects,
      ...exposed({ namespace: ns, name: 'checkout-api', selector: { app: 'checkout-api' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 88), 1, 0, 50),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 87), 2, 3, 49),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 88), 3, 1, 48.5),
      scaledReplicaSet(app.objects[0] ?? {}, rsOf(app, 87), 0, 2, 48),
      ...app.pods.flatMap((p, k) => [
        event({ on: p, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${nameOf(p)} to ${p.spec?.nodeName ?? ''}`, firstAgo: 50 - k, lastAgo: 50 - k, component: 'default-scheduler' }),
        ...restartedAgain(p, 'app', image, { count: 1, firstAgo: 49.9 - k, lastAgo: 49.9 - k }),
        probeFailed(p, 'app', 'Readiness', `Get "http://${ipOfPod(p)}:8080/ready": dial tcp ${ipOfPod(p)}:8080: connect: connection refused`, { count: 2, firstAgo: 49.8 - k, lastAgo: 49.7 - k }),
      ]),
    ],
    logs: app.pods.map((p, k) => logsFor(p, 'app', { current: log(k) })),
    expect: {
      verdict: 'healthy',
      headline: [/checkout-api/i],
      facts: [/revision 88|5\.32\.0/],
      never: [/card_declined|payment declined/i, /readiness probe fail/i, BLAMES_ROLLOUT, /crash|\bOOM/i],
    },
  };
}

/** The third held-out round: twelve failures and two healthy controls. */
export const HOLDOUT_3_SCENARIOS: CorpusScenario[] = [
  plaintextClientAfterStrictMtls(),
  writesReadOnlyConfigMapMount(),
  goOomOnlyOnBigNodes(),
  daemonSetSkipsTaintedNodes(),
  csiNodePluginMissingOnNewPool(),
  ndotsExternalLookupStalls(),
  initWaitsForDeletedTopic(),
  execProbeMissingShellDistroless(),
  nodeClockBehindJwtUsedBeforeIssued(),
  tooManyOpenFilesAfterSpike(),
  lbReadinessGateHealthCheck404(),
  hpaTargetWrongUnitExhaustsDb(),
  healthyRedisBootWarnings(),
  healthyAfterRolloutWithNoise(),
];
